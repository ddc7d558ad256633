"""The `extractor` command: extract, spark, timeline, show, schema, evaluate."""

from __future__ import annotations

import difflib
import os
import sys
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, List, Optional, cast

import typer
import typer.core

try:
    from typer import _click as click  # typer 0.2x carries its own copy of click: its classes and exceptions
except ImportError:  # pragma: no cover - older typer runs on click itself
    import click  # type: ignore[no-redef]  # the same module as typer's copy, where typer has none

from extractor.core.records import json_schema_text, to_json_line
from extractor.inputs.formats import INPUT_FORMATS, READERS, Fields, Skipped, documents, format_of, missing_reader
from extractor.inputs.sources import Plan, RawDocument, ReadFailure, Source, plan_sources, skipped_line

if TYPE_CHECKING:  # the pipeline (spaCy) is imported by the commands that run it
    from extractor.core.pipeline import Layer

INCLUDABLE = ("timex", "text")
CLOSE_OPTION = 0.75  # how alike an unknown option and a real one must be for the real one to be suggested
SHOWN_UNMATCHED = 5  # --published-from ids that match no document, named in the warning


class PlainCommand(typer.core.TyperCommand):
    """A command whose help names each value by its metavar (PATH..., FILE, TYPES), not by the
    Python type, and reads the same on a terminal and in a pipe."""

    def collect_usage_pieces(self, ctx: click.core.Context) -> list[str]:
        return ["[OPTIONS]", *(_metavar(p) for p in self.get_params(ctx) if isinstance(p, typer.core.TyperArgument))]

    def format_help(self, ctx: click.core.Context, formatter: click.formatting.HelpFormatter) -> None:
        self.format_usage(ctx, formatter)
        self.format_help_text(ctx, formatter)
        params = self.get_params(ctx)
        arguments = [_argument_row(p) for p in params if isinstance(p, typer.core.TyperArgument)]
        options = [_option_row(p) for p in params if isinstance(p, typer.core.TyperOption)]
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def _metavar(param: click.core.Parameter) -> str:
    """What the help calls a value: the parameter's metavar, else its name in capitals; PATH... for many."""
    name = param.metavar or (param.name or "value").upper()
    return f"{name}..." if param.nargs == -1 and not name.endswith("...") else name


def _argument_row(param: typer.core.TyperArgument) -> tuple[str, str]:
    return _metavar(param), getattr(param, "help", None) or ""


def _option_row(param: typer.core.TyperOption) -> tuple[str, str]:
    """('-o, --output FILE', 'help [default: x]') for one option."""
    names = ", ".join(sorted(param.opts, key=len))
    if param.secondary_opts:
        names += " / " + ", ".join(sorted(param.secondary_opts, key=len))
    if not param.is_flag:
        names += " " + _metavar(param)
    help_text = param.help or ""
    default = param.default
    if not param.is_flag and param.show_default is not False and default not in (None, "", [], (), 0) and not callable(default):
        shown = ",".join(map(str, default)) if isinstance(default, (list, tuple)) else str(default)
        help_text += f"  [default: {shown}]"
    return names, help_text


HELP = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None,
                  context_settings=HELP,
                  help="Turn news articles into structured, verifiable facts (JSON Lines).")
evaluate_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, context_settings=HELP,
                           help="Score predictions against gold files (the gold formats: extractor evaluate news -h, timex -h).")
app.add_typer(evaluate_app, name="evaluate")


def _print_version(value: bool) -> None:
    """`extractor --version`: the distribution and its version, then exit."""
    if value:
        from extractor import DISTRIBUTION, version

        typer.echo(f"extractor ({DISTRIBUTION}) {version()}")
        raise typer.Exit(0)


@app.callback()
def _main_options(
    show_version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                      help="Print the version and exit."),
) -> None:
    """Turn news articles into structured, verifiable facts (JSON Lines)."""


def _parse_date(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-07-25.", param_hint=option)


def _published_table(path: Path) -> dict[str, tuple[int, str | None]]:
    """doc_id TAB YYYY-MM-DD per line, as doc_id -> (line number, date or None when the date is
    left empty: unknown). Blank lines and lines starting with # are passed over; any other line
    without a tab, or with a date that is not one, is a usage error naming the file and line."""
    table: dict[str, tuple[int, str | None]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise typer.BadParameter(f"{path} could not be read: {getattr(exc, 'strerror', None) or exc}.",
                                 param_hint="--published-from")
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if "\t" not in line:
            raise typer.BadParameter(f"{path} line {number} has no tab: write doc_id<TAB>YYYY-MM-DD (nothing after "
                                     f"the tab when the date is unknown), not {line[:60]!r}.", param_hint="--published-from")
        doc_id, _, value = line.partition("\t")
        given = _parse_date(value.strip(), f"--published-from {path} line {number}").isoformat() if value.strip() else None
        table[doc_id.strip()] = (number, given)
    return table


class PublishedDates:
    """The dates of a --published-from table, matched to the documents of a run: a key is a doc_id,
    or a file's name or name without extension when exactly one input of the run has it."""

    def __init__(self, table: dict[str, tuple[int, str | None]], path: Path | None = None):
        self.table, self.path = table, path
        self.by_source: dict[str, str] = {}  # doc_id of an input file -> date
        self.used: set[str] = set()

    def match(self, items: list[Source | ReadFailure]) -> None:
        """Decide, before anything is read, which key dates which input; a key that names several
        inputs by their file name is a usage error naming it."""
        ids = {item.doc_id for item in items}
        by_name: dict[str, set[str]] = {}
        for doc_id in ids:
            name = doc_id.rsplit("/", 1)[-1]
            for key in {name, name.rsplit(".", 1)[0]} - {doc_id}:
                by_name.setdefault(key, set()).add(doc_id)
        for key, (_, value) in self.table.items():
            if key in ids:
                self._assign(key, key, value)
        for key, (number, value) in self.table.items():
            named = sorted(by_name.get(key, ())) if key not in ids else []
            if len(named) > 1:
                raise typer.BadParameter(
                    f"{self.path} line {number}: {key!r} names {len(named)} documents ({', '.join(named[:3])}); "
                    "write the doc_id of one of them (the path under its directory argument, or as given).",
                    param_hint="--published-from")
            if named:
                self._assign(key, named[0], value, keep=True)

    def _assign(self, key: str, doc_id: str, value: str | None, keep: bool = False) -> None:
        self.used.add(key)
        if value and not (keep and doc_id in self.by_source):
            self.by_source[doc_id] = value

    def of_source(self, source: Source) -> Source:
        """The input with the date listed for it, if any."""
        listed = self.by_source.get(source.doc_id)
        return Source(source.doc_id, source.path, listed) if listed else source

    def of_document(self, raw):
        """A document of a multi-document file (a dump line, an archived page) with the date listed for its doc_id."""
        if not isinstance(raw, RawDocument) or raw.doc_id not in self.table:
            return raw
        self.used.add(raw.doc_id)
        listed = self.table[raw.doc_id][1]
        return replace(raw, published=listed, published_rule=None) if listed and raw.published != listed else raw

    def unmatched_line(self) -> str | None:
        """One warning line naming the count and the first few ids that dated no document, or None."""
        left = [key for key in self.table if key not in self.used]
        if not left:
            return None
        more = f" and {len(left) - SHOWN_UNMATCHED} more" if len(left) > SHOWN_UNMATCHED else ""
        return (f"warning: {len(left)} id{'s' if len(left) != 1 else ''} in {self.path} matched no document: "
                f"{', '.join(left[:SHOWN_UNMATCHED])}{more}")


def check_output(output: Path | None, mkdir: bool = False, option: str = "-o") -> None:
    """Make sure `output` can be written before any work: not a directory, in a folder that
    exists (created only with --mkdir), writable. A usage error (exit 2) says what is wrong."""
    if output is None:
        return
    if output.is_dir():
        raise typer.BadParameter(f"{output} is a directory; give a file name, e.g. {output / 'records.jsonl'}.", param_hint=option)
    _ensure_folder(output.parent, mkdir, option, f"so {output} cannot be made; give a path in a folder.")
    try:
        _try_writing(output)
    except OSError as exc:
        raise typer.BadParameter(f"{output} cannot be written ({exc.strerror or exc}); choose another place or fix "
                                 "the permissions.", param_hint=option)


def _ensure_folder(folder: Path, mkdir: bool, option: str, why_a_folder: str) -> None:
    """`folder` exists or, with --mkdir, is created; a file on its way, or a missing folder without
    --mkdir, is a usage error (`why_a_folder` ends the message about a file in the way)."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        separator = ", " if why_a_folder.startswith("so ") else "; "
        raise typer.BadParameter(f"{existing} is a file, not a folder{separator}{why_a_folder}", param_hint=option)
    if existing != folder:
        if not mkdir:
            raise typer.BadParameter(f"the folder {folder} does not exist; create it, or add --mkdir to have it created.",
                                     param_hint=option)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise typer.BadParameter(f"the folder {folder} could not be created: {exc.strerror or exc}.", param_hint=option)


def check_output_folder(output: Path | None, mkdir: bool = False, option: str = "-o") -> None:
    """Make sure the folder `output` can take Parquet files before any work: given, a folder (one
    that does not exist is created only with --mkdir), writable. A usage error (exit 2) says what is wrong."""
    if output is None:
        raise typer.BadParameter("--format parquet writes one file per record type into a folder; give it with -o DIR "
                                 "(add --mkdir to create it).", param_hint="--format")
    _ensure_folder(output, mkdir, option, "--format parquet writes one file per record type into the folder -o DIR.")
    try:
        _try_writing(output / ".extractor-write-test")
    except OSError as exc:
        raise typer.BadParameter(f"{output} cannot be written ({exc.strerror or exc}); choose another folder or fix "
                                 "the permissions.", param_hint=option)


def _output_format(value: str) -> bool:
    """Whether --format asks for Parquet (checked: jsonl or parquet, with pyarrow installed for parquet)."""
    if value not in OUTPUT_FORMATS:
        raise typer.BadParameter(f"{value!r} is not an output format; give jsonl or parquet.", param_hint="--format")
    if value == "parquet":
        from extractor.running.parquet import MissingPyarrow, require_pyarrow

        try:
            require_pyarrow()
        except MissingPyarrow as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2)
    return value == "parquet"


def _try_writing(path: Path) -> None:
    """Open `path` for writing without changing it (a file made for the test is removed); raises OSError."""
    if path.exists():
        open(path, "a", encoding="utf-8").close()
        return
    open(path, "x", encoding="utf-8").close()
    path.unlink()


def _open_output(output: Path, mode: str):
    """The output file opened, or a usage error that says why it cannot be (what check_output cannot foresee)."""
    try:
        return open(output, mode, encoding="utf-8")
    except OSError as exc:
        raise typer.BadParameter(f"{output} cannot be written: {exc.strerror or exc}; choose another place.", param_hint="-o")


# The input options `extract` and `spark` share.
PUBLISHED = typer.Option(None, metavar="DATE", help="The articles' date (YYYY-MM-DD) for relative dates.")
PUBLISHED_FROM = typer.Option(None, metavar="FILE.tsv", help="doc_id TAB YYYY-MM-DD per line (nothing after the tab: "
                              "unknown); a doc_id, or a file name (with or without extension) that names one document.")
INCLUDE = typer.Option([], metavar="TYPES", help="Extra output, comma-separated or repeated: timex (records), text (on "
                       "the document record).")
GLOB = typer.Option(None, metavar="PATTERN", help="Read only the files in directories whose name matches (e.g. "
                    "'*.warc.gz'); default: every known format (.txt, .text, .txt.gz, no extension, .html, .htm, "
                    ".xhtml, .jsonl, .ndjson, .warc, gzipped too); the rest are counted on stderr.")
INPUT_FORMAT = typer.Option("auto", metavar="FORMAT", help="auto (by file name, HTML sniffed), text, html, jsonl or warc.")
TEXT_FIELD = typer.Option("maintext,text", metavar="FIELDS", help="JSON Lines: the field(s) holding the text, first present wins.")
ID_FIELD = typer.Option("url,id", metavar="FIELDS", help="JSON Lines: the field(s) holding the document id.")
DATE_FIELD = typer.Option("date_publish,published", metavar="FIELDS", help="JSON Lines: the field(s) holding the publication date.")
TITLE_FIELD = typer.Option("title", metavar="FIELDS", help="JSON Lines: the field(s) holding the title.")
MKDIR = typer.Option(False, "--mkdir", help="Create the folder of -o FILE (or -o DIR with --format parquet) when it does not exist.")
OUTPUT_FORMATS = ("jsonl", "parquet")
FORMAT = typer.Option("jsonl", "--format", metavar="FORMAT", help="jsonl (one JSON line per record) or parquet (one file "
                      "per record type in -o DIR, e.g. DIR/membership.parquet; needs the parquet extra).")
RESUME_PARQUET = ("--resume works with JSON Lines only: a Parquet file is whole only once it is closed, so a cut run "
                  "leaves nothing to append to; run again without --resume (the files are replaced), or extract with "
                  "--format jsonl --resume")


@app.command(cls=PlainCommand)
def extract(
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Files, directories (read recursively) or - for stdin."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE",
                                          help="Write JSON Lines here instead of stdout (with --format parquet: a folder)."),
    mkdir: bool = MKDIR,
    output_format: str = FORMAT,
    published: Optional[str] = PUBLISHED,
    published_from: Optional[Path] = PUBLISHED_FROM,
    include: List[str] = INCLUDE,
    model: Optional[str] = typer.Option(None, metavar="NAME_OR_PATH", help="An installed spaCy pipeline (package name or path)."),
    glob: Optional[str] = GLOB,
    input_format: str = INPUT_FORMAT,
    text_field: str = TEXT_FIELD,
    id_field: str = ID_FIELD,
    date_field: str = DATE_FIELD,
    title_field: str = TITLE_FIELD,
    jobs: int = typer.Option(0, "-j", "--jobs", metavar="N", help="Worker processes; 0 (the default) uses every core."),
    resume: bool = typer.Option(False, help="Keep the documents already complete in -o FILE (same doc_id and sha256), append the rest."),
    cascade: bool = typer.Option(True, help="--no-cascade runs the statistical model on every sentence (same records, slower)."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Print nothing to stderr but errors: no progress, no summary."),
    explain: bool = typer.Option(False, "--explain", help="Also write a `candidate` record for every (member, organization) "
                                 "pair read near a membership cue: the record it became, or the reason that rejected it."),
) -> None:
    """Extract records from news articles: one `document` or `error` record per input, then its
    figures, membership changes and dated events, in input order."""
    from extractor.running import batch
    from extractor.nlp.model import ModelNotFound, check_model
    from extractor.core.pipeline import Settings

    included = _included(include)
    fields = _fields(input_format, text_field, id_field, date_field, title_field)
    parquet = _output_format(output_format)
    if resume and parquet:
        raise typer.BadParameter(RESUME_PARQUET, param_hint="--resume")
    if resume and output is None:
        raise typer.BadParameter("--resume needs -o FILE: the output of the run to finish.", param_hint="--resume")
    if jobs < 0:
        raise typer.BadParameter(f"{jobs} is not a number of processes; give 1 or more, or 0 for every core.", param_hint="--jobs")
    given = _parse_date(published, "--published") if published else None
    plan = plan_sources(paths, glob)
    dates = PublishedDates(_published_table(published_from) if published_from else {}, published_from)
    dates.match(plan.items)
    if parquet:
        check_output_folder(output, mkdir)
    else:
        check_output(output, mkdir)
    try:
        check_model(model)
    except ModelNotFound as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    settings = Settings(model=model, include=included + (("candidates",) if explain else ()), published=given,
                        cascade=cascade)

    done = batch.read_done(output) if resume and output else batch.Done()
    if done.dropped and output:
        batch.keep_complete(output)
    stale: set[tuple[str, str]] = set()
    shown = not quiet and sys.stderr.isatty()
    progress = batch.Progress(_count_inputs(plan, input_format) if shown else None, shown)

    skipped: Counter[str] = Counter()
    missing = 0

    def inputs():
        nonlocal missing
        for item in plan.items:
            for raw in [item] if isinstance(item, ReadFailure) else documents(dates.of_source(item), input_format, fields):
                if isinstance(raw, Skipped):
                    skipped[raw.what] += 1
                    continue
                raw = dates.of_document(raw)
                missing += isinstance(raw, ReadFailure) and raw.error == "MissingDependency"
                earlier = done.complete.get(raw.doc_id)
                if earlier is not None and earlier == getattr(raw, "sha256", None):
                    progress.update(skipped=True)
                    continue
                if earlier is not None:
                    stale.add((raw.doc_id, earlier))
                yield raw

    counts: Counter[str] = Counter()
    sink: Any  # a ParquetSink with --format parquet (`parquet`), else a text stream
    if parquet:
        from extractor.running.parquet import EXTRACT_TYPES, ParquetSink

        assert output is not None, "check_output_folder asks for -o DIR"
        sink = ParquetSink(output, EXTRACT_TYPES)
    else:
        sink = _open_output(output, "a" if resume else "w") if output else sys.stdout
    try:
        for finished in batch.run(inputs(), settings, jobs or batch.default_jobs()):
            if parquet:
                sink.add_lines(finished.lines)
            else:
                sink.write(finished.text())
                sink.flush()
            for line in finished.lines:
                counts[line[9:line.index('"', 9)]] += 1
            progress.update(finished)
    except BrokenPipeError:
        _quiet_broken_pipe()
        return
    except KeyboardInterrupt:
        progress.close()
        if parquet:
            sink.close()
            typer.echo(f"interrupted: the Parquet files in {output} hold the documents finished so far; run the "
                       "command again to have them all (Parquet output is replaced, not resumed)", err=True)
        else:
            typer.echo("interrupted: the output ends with the last whole document; --resume finishes the run", err=True)
        raise typer.Exit(130)
    except Exception:
        if parquet:
            sink.discard()  # no file that looks whole when the run failed
        raise
    finally:
        if output:
            sink.close()
    progress.close()
    if stale and output:
        batch.keep_complete(output, drop=stale)
    if not quiet:
        already = f" ({progress.skipped} documents already done)" if progress.skipped else ""
        typer.echo(_summary(str(output) if output else "stdout", counts) + already, err=True)
        _echo_skipped(plan.skipped, skipped)
        if dates.unmatched_line():
            typer.echo(dates.unmatched_line(), err=True)
    if missing:
        typer.echo(_missing_readers_line(missing), err=True)
    if counts["error"]:
        raise typer.Exit(1)


def _echo_skipped(files: Counter[str], records: Counter[str]) -> None:
    """The files the directory walks passed over and the archive records that are not pages, on stderr."""
    line = skipped_line(files)
    if line:
        typer.echo(line, err=True)
    if records:
        kinds = ", ".join(f"{n} {what}" for what, n in sorted(records.items()))
        typer.echo(f"skipped {sum(records.values())} archive records that are not HTML pages ({kinds})", err=True)


def _missing_readers_line(count: int) -> str:
    """What to install so that the inputs that failed for a missing reader can be read."""
    needs = [f"{fmt} ({why}): {READERS[fmt][1]}" for fmt in READERS if (why := missing_reader(fmt))]
    return f"error: {count} input{'s' if count != 1 else ''} could not be read for want of a reader; install " + "; ".join(needs)


def _count_inputs(plan: Plan, input_format: str = "auto") -> int | None:
    """How many documents there are, for the ETA (the planned inputs, no reading); None when a
    file holds many (JSON Lines, WARC)."""
    for item in plan.items:
        if isinstance(item, Source) and format_of(item.path, input_format) in ("jsonl", "warc"):
            return None
    return len(plan.items)


def _fields(input_format: str, text: str, id_: str, date_: str, title: str) -> Fields:
    """The JSON Lines field names (comma-separated lists), with --input-format checked."""
    if input_format not in INPUT_FORMATS:
        raise typer.BadParameter(f"{input_format!r} is not a format; give one of {', '.join(INPUT_FORMATS)}.",
                                 param_hint="--input-format")
    names = [tuple(n.strip() for n in value.split(",") if n.strip()) for value in (text, id_, date_, title)]
    return Fields(*names)


def _quiet_broken_pipe() -> None:
    """The reader went away (`| head`): stop without a traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


@app.command(cls=PlainCommand)
def spark(
    input_folder: str = typer.Argument(..., metavar="INPUT", help="A folder of input files (read recursively)."),
    output_folder: str = typer.Argument(..., metavar="OUTPUT", help="A folder for the JSON Lines part files (replaced); "
                                        "with --format parquet, a folder of Parquet part files per record type (OUTPUT/membership/, ...)."),
    master: str = typer.Option("local[*]", metavar="URL", help="The Spark master URL."),
    output_format: str = typer.Option("jsonl", "--format", metavar="FORMAT", help="jsonl or parquet (a folder of part "
                                      "files per record type: OUTPUT/document/, OUTPUT/membership/, ...)."),
    published: Optional[str] = PUBLISHED,
    published_from: Optional[Path] = PUBLISHED_FROM,
    include: List[str] = INCLUDE,
    glob: Optional[str] = GLOB,
    input_format: str = INPUT_FORMAT,
    text_field: str = TEXT_FIELD,
    id_field: str = ID_FIELD,
    date_field: str = DATE_FIELD,
    title_field: str = TITLE_FIELD,
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No summary on stderr."),
) -> None:
    """Run the extraction on Apache Spark (needs `pip install 'newsfacts[spark]'` and Java 17):
    the same records as `extract`, written as JSON Lines part files in OUTPUT (or Parquet by type)."""
    try:
        from extractor.running.spark import run_job
    except ImportError as exc:
        typer.echo(f"error: Spark is not installed ({exc}); install it with `pip install 'newsfacts[spark]'`.", err=True)
        raise typer.Exit(2)
    from extractor.core.pipeline import Settings

    included = _included(include)
    fields = _fields(input_format, text_field, id_field, date_field, title_field)
    _output_format(output_format)
    given = _parse_date(published, "--published") if published else None
    table = _published_table(published_from) if published_from else {}
    per_file = {doc_id: value for doc_id, (_, value) in table.items() if value} or None
    skipped: Counter[str] = Counter()
    counts = run_job(input_folder, output_folder, master, Settings(include=included, published=given), glob,
                     per_file, input_format, fields, skipped, output_format)
    if not quiet:
        typer.echo(_summary(output_folder, counts), err=True)
        _echo_skipped(skipped, Counter())
    if counts.get("error"):
        raise typer.Exit(1)


def _summary(where: str, counts: dict[str, int]) -> str:
    """'records written to WHERE: document=N, error=N, figure=N, ...' (types with none left out,
    but document and error always there)."""
    kinds = ("document", "error", "timex", "figure", "membership", "event")
    parts = ", ".join(f"{k}={counts.get(k, 0)}" for k in kinds if counts.get(k) or k in ("document", "error"))
    return f"records written to {where}: {parts}"


def _included(include: list[str]) -> tuple[Layer, ...]:
    """The extra outputs asked for, from repeated and comma-separated --include values, in the
    order given, once each; an unknown one is a usage error."""
    kinds = list(dict.fromkeys(k.strip() for value in include for k in value.split(",") if k.strip()))
    for kind in kinds:
        if kind not in INCLUDABLE:
            raise typer.BadParameter(f"{kind!r} cannot be included; give timex (temporal expressions) or text "
                                     "(the text offsets index, on the document record), e.g. --include timex,text.",
                                     param_hint="--include")
    return cast("tuple[Layer, ...]", tuple(kinds))  # each one checked against INCLUDABLE


@app.command(cls=PlainCommand)
def timeline(
    records: List[str] = typer.Argument(..., metavar="RECORDS...", help="JSON Lines files `extract` wrote (or Spark output folders)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE",
                                          help="Write here instead of stdout (with --format parquet: a folder)."),
    mkdir: bool = MKDIR,
    format: str = typer.Option("jsonl", "--format", metavar="FORMAT", help="jsonl (interval, count, conflict, check records), "
                               "md, svg, or parquet (DIR/interval.parquet, count, conflict, check; needs the parquet extra)."),
) -> None:
    """One membership timeline per organization from many articles' records, with conflicts
    between sources and checks of the counts the articles state."""
    from extractor.consolidation import timeline as tl

    if format not in ("jsonl", "md", "svg", "parquet"):
        raise typer.BadParameter(f"{format!r} is not a format; use jsonl, md, svg or parquet.", param_hint="--format")
    if format == "parquet":
        _output_format(format)
        check_output_folder(output, mkdir)
    else:
        check_output(output, mkdir)
    missing = [p for p in records if not Path(p).exists()]
    if missing:
        raise typer.BadParameter(f"{', '.join(missing)} not found; pass files that `extractor extract` wrote.", param_hint="RECORDS")
    found, reads = tl.read_records(records)
    for problem in filter(None, (r.problem() for r in reads)):
        typer.echo(problem, err=True)
    if not found:
        raise typer.Exit(1)
    built = tl.build(found)
    if format == "parquet":
        from extractor.running.parquet import TIMELINE_TYPES, write_records

        assert output is not None, "check_output_folder asks for -o DIR"
        write_records(output, built.records(), TIMELINE_TYPES)
    else:
        if format == "jsonl":
            text = "".join(to_json_line(r) + "\n" for r in built.records())
        else:
            text = tl.markdown(built) if format == "md" else tl.svg(built)
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    if not all(r.holds_records for r in reads):
        raise typer.Exit(1)


@app.command(cls=PlainCommand)
def show(
    inputs: List[str] = typer.Argument(..., metavar="INPUT...", help="Records files `extract --include text` wrote, or "
                                       "articles (files, directories, - for stdin) to extract first."),
    output: Path = typer.Option(..., "-o", "--output", metavar="DIR", help="The folder for index.html and docs/ (created "
                                "when its parent exists; pages already there are replaced)."),
    mkdir: bool = typer.Option(False, "--mkdir", help="Create the missing parent folders of -o DIR."),
    published: Optional[str] = PUBLISHED,
    published_from: Optional[Path] = PUBLISHED_FROM,
    model: Optional[str] = typer.Option(None, metavar="NAME_OR_PATH", help="An installed spaCy pipeline (package name or path)."),
    glob: Optional[str] = GLOB,
    input_format: str = INPUT_FORMAT,
    jobs: int = typer.Option(1, "-j", "--jobs", metavar="N", help="Worker processes for the articles; 0 uses every core."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Print nothing to stderr but errors."),
) -> None:
    """Static HTML review pages: an index of the documents and one page per document with every
    record marked on its text, a filter by type and the membership timeline. No server, no network."""
    from extractor.consolidation import show as site
    from extractor.consolidation import timeline as tl

    if jobs < 0:
        raise typer.BadParameter(f"{jobs} is not a number of processes; give 1 or more, or 0 for every core.", param_hint="--jobs")
    fields = _fields(input_format, "maintext,text", "url,id", "date_publish,published", "title")
    check_folder(output, mkdir)
    record_files = [p for p in inputs if p != "-" and site.is_records_file(p)]
    articles = [p for p in inputs if p not in record_files]
    records, reads = tl.read_records(record_files)
    for problem in filter(None, (r.problem() for r in reads)):
        typer.echo(problem, err=True)
    for name in record_files:
        own, _ = tl.read_records([name])
        if site.text_missing(own):
            raise typer.BadParameter(f"{name} holds no article text (its document records have no `text`); write it "
                                     "with `extractor extract ... --include text`, or pass the articles themselves.",
                                     param_hint="INPUT")
    if articles:
        records += _extracted(articles, published, published_from, model, glob, input_format, fields, jobs, quiet)
    written = site.write_site(records, output)
    errors = sum(1 for r in records if r.type == "error")
    if not quiet:
        typer.echo(f"wrote {output / 'index.html'} and {written.pages - 1} document pages: {written.bytes:,} bytes for "
                   f"{written.text_chars:,} characters of text" + (f"; {errors} inputs not read" if errors else ""), err=True)
    if errors or not all(r.holds_records for r in reads):
        raise typer.Exit(1)


def _extracted(paths: list[str], published: str | None, published_from: Path | None, model: str | None,
               glob: str | None, input_format: str, fields: Fields, jobs: int, quiet: bool) -> list:
    """The records of the articles at `paths`, text and timexes included, as `extract` gives them."""
    from extractor.running import batch
    from extractor.nlp.model import ModelNotFound, check_model
    from extractor.core.pipeline import Settings
    from extractor.core.records import parse_line

    given = _parse_date(published, "--published") if published else None
    plan = plan_sources(paths, glob)
    dates = PublishedDates(_published_table(published_from) if published_from else {}, published_from)
    dates.match(plan.items)
    try:
        check_model(model)
    except ModelNotFound as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    settings = Settings(model=model, include=("timex", "text"), published=given)
    shown = not quiet and sys.stderr.isatty()
    progress = batch.Progress(_count_inputs(plan, input_format) if shown else None, shown)

    def inputs():
        for item in plan.items:
            for raw in [item] if isinstance(item, ReadFailure) else documents(dates.of_source(item), input_format, fields):
                if not isinstance(raw, Skipped):
                    yield dates.of_document(raw)

    records = []
    for finished in batch.run(inputs(), settings, jobs or batch.default_jobs()):
        records += [parse_line(line) for line in finished.lines]
        progress.update(finished)
    progress.close()
    return records


def check_folder(folder: Path, mkdir: bool = False, option: str = "-o") -> None:
    """Make sure `folder` is (or can be made) a folder files can be written in, before any work;
    its parent must exist unless `mkdir`. A usage error (exit 2) says what is wrong."""
    if folder.exists() and not folder.is_dir():
        raise typer.BadParameter(f"{folder} is a file; give a folder for the pages (e.g. out/show).", param_hint=option)
    if not folder.exists():
        check_output(folder, mkdir, option)  # its parent: there (or made with --mkdir) and writable
    try:
        folder.mkdir(parents=mkdir, exist_ok=True)
        _try_writing(folder / "index.html")
    except OSError as exc:
        raise typer.BadParameter(f"{folder} cannot be written ({exc.strerror or exc}); choose another place or fix the "
                                 "permissions.", param_hint=option)


@app.command(cls=PlainCommand)
def schema() -> None:
    """Print the JSON Schema of one output line."""
    typer.echo(json_schema_text(), nl=False)


@evaluate_app.command("timex", cls=PlainCommand)
def evaluate_timex(gold: Path = typer.Argument(..., metavar="GOLD.jsonl", help="The gold file (below)."),
                   predictions: Path = typer.Argument(..., metavar="RECORDS.jsonl",
                                                      help="Records `extract --include timex` wrote.")) -> None:
    """TempEval-3 measures: strict and relaxed span F1, value F1; DATE+TIME and all types.

    GOLD.jsonl holds one JSON object per line, one per document: `doc_id` (compared with the
    records' doc_id by file name, .txt left out) and `timexes`, a list of objects with `start`
    and `end` (character offsets into the text the extractor read), `type` (DATE, TIME,
    DURATION or SET) and `value` (TIMEX3). They are compared with the timex records' start,
    end, timex_type and value: strict = the same span, relaxed = overlapping spans (one to
    one), value = relaxed and the same value. Other keys (text, dct) are not read."""
    from extractor.consolidation.evaluate import score_timex

    typer.echo(_scored(score_timex, gold, predictions))


@evaluate_app.command("news", cls=PlainCommand)
def evaluate_news(gold: Path = typer.Argument(..., metavar="GOLD.jsonl", help="The gold file (below)."),
                  predictions: Path = typer.Argument(..., metavar="RECORDS.jsonl", help="Records `extract` wrote."),
                  explain: bool = typer.Option(False, "--explain", help="List every missed membership with the stage where it was "
                                               "lost and every false one with its cue, and count them by stage (needs the "
                                               "records of `extract --explain`).")) -> None:
    """Membership, event and figure precision, recall and F1 against a news gold file.

    GOLD.jsonl holds one JSON object per line, one per document: `doc_id` (compared with the
    records' doc_id by file name; documents not in the gold are not scored), `memberships`,
    `events` and `figures` (lists, each may be empty), and `figures_exhaustive` (true when
    every figure of the document is listed: figure precision is measured on those documents
    only). A gold item with "optional": true is matched after the others and never missed.

    A membership has `organization` and `member` ids, `action`, `status` and `date`; it
    matches a membership record with the same organization and member (ids normalised: case,
    punctuation, aliases, country names to ISO 3166 alpha-3), the same action and, when both
    give a date, the same year (X is a wildcard); the strict measure also wants the same
    status and date value. An event has `kind`, `trigger` and `date`; it matches an event
    record with the same date value and the same trigger lemma or kind. A figure has `value`
    and `kind`; it matches a figure record of that kind with the value within 1e-6 relative.
    Matching is one to one per document; repeated predictions of one fact count once. Other
    keys (evidence, offsets, notes) are not read."""
    from extractor.consolidation.evaluate import score_news

    typer.echo(_scored(lambda g, p: score_news(g, p, explain), gold, predictions))


def _scored(score, gold: Path, predictions: Path) -> str:
    """The report of `score`, or a usage error naming the file, line and key that are not in the expected format."""
    from extractor.consolidation.evaluate import InputFormatError

    try:
        return score(gold, predictions)
    except InputFormatError as exc:
        raise typer.BadParameter(str(exc), param_hint="GOLD.jsonl" if exc.path == gold else "RECORDS.jsonl")


def main(argv: list[str] | None = None) -> None:
    """Run the command line: usage errors are one line on stderr and exit status 2."""
    try:
        status = app(args=argv, standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:
        exc.show()
        status = 2
    except click.exceptions.UsageError as exc:
        typer.echo(f"error: {_usage_message(exc)}", err=True)
        status = 2
    except click.exceptions.ClickException as exc:
        typer.echo(f"error: {exc.format_message()}", err=True)
        status = exc.exit_code
    except typer.Abort:
        typer.echo("interrupted", err=True)
        status = 130
    sys.exit(status if isinstance(status, int) else 0)


def _usage_message(exc: click.exceptions.UsageError) -> str:
    """A usage error in one line: what is wrong, the closest real option for an unknown one, where help is."""
    where = f" (see {exc.ctx.command_path} -h)" if exc.ctx is not None else ""
    if isinstance(exc, click.exceptions.NoSuchOption):
        closest = _closest_option(exc.option_name, exc.ctx)
        return f"no such option {exc.option_name}" + (f"; did you mean {closest}?" if closest else "") + where
    return " ".join(exc.format_message().split()) + where


def _closest_option(name: str, ctx: click.core.Context | None) -> str | None:
    """The real option `name` most likely meant: one it is a part of, else one spelled nearly the
    same (CLOSE_OPTION); None when no option is that close."""
    if ctx is None:
        return None
    options = [o for p in ctx.command.get_params(ctx) if isinstance(p, typer.core.TyperOption) for o in (*p.opts, *p.secondary_opts)
               if o.startswith("--")]
    bare = name.lstrip("-")
    containing = [o for o in options if len(bare) >= 3 and bare in o and not o.startswith("--no-")]
    if len(containing) == 1:
        return containing[0]
    close = difflib.get_close_matches(name, options, n=1, cutoff=CLOSE_OPTION)
    return close[0] if close else None


if __name__ == "__main__":
    main()
