"""The `extractor` command: extract, spark, timeline, schema, evaluate."""

from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import List, Optional

import typer

from extractor.records import json_schema_text, to_json_line
from extractor.formats import INPUT_FORMATS, Fields, Skipped, documents, format_of
from extractor.sources import RawDocument, ReadFailure, Source, iter_sources

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn news articles into structured, verifiable facts (JSON Lines).")
evaluate_app = typer.Typer(no_args_is_help=True, help="Score predictions against gold files.")
app.add_typer(evaluate_app, name="evaluate")


def _parse_date(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-07-25.", param_hint=option)


def _published_table(path: Path) -> dict[str, str]:
    """doc_id TAB YYYY-MM-DD per line; an empty date means unknown."""
    table: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise typer.BadParameter(f"{path} could not be read: {exc.strerror}.", param_hint="--published-from")
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        doc_id, _, value = line.partition("\t")
        if value.strip():
            table[doc_id.strip()] = _parse_date(value.strip(), f"--published-from line {number}").isoformat()
    return table


# The input options `extract` and `spark` share.
PUBLISHED = typer.Option(None, help="The articles' date (YYYY-MM-DD) for relative dates.")
PUBLISHED_FROM = typer.Option(None, help="A TSV of doc_id<TAB>YYYY-MM-DD, one per document.")
INCLUDE = typer.Option([], help="Extra output: timex (records), text (on the document record).")
INPUT_FORMAT = typer.Option("auto", help="auto (by file name, HTML sniffed), text, html, jsonl or warc.")
TEXT_FIELD = typer.Option("maintext,text", help="JSON Lines: the field(s) holding the text, first present wins.")
ID_FIELD = typer.Option("url,id", help="JSON Lines: the field(s) holding the document id.")
DATE_FIELD = typer.Option("date_publish,published", help="JSON Lines: the field(s) holding the publication date.")
TITLE_FIELD = typer.Option("title", help="JSON Lines: the field(s) holding the title.")


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Files, directories (read recursively) or - for stdin."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write JSON Lines here instead of stdout."),
    published: Optional[str] = PUBLISHED,
    published_from: Optional[Path] = PUBLISHED_FROM,
    include: List[str] = INCLUDE,
    model: Optional[str] = typer.Option(None, help="An installed spaCy pipeline (package name or path)."),
    glob: str = typer.Option("*.txt", help="Which files to read in directories (e.g. '*.html', '*.warc.gz')."),
    input_format: str = INPUT_FORMAT,
    text_field: str = TEXT_FIELD,
    id_field: str = ID_FIELD,
    date_field: str = DATE_FIELD,
    title_field: str = TITLE_FIELD,
    jobs: int = typer.Option(0, "-j", "--jobs", help="Worker processes; 0 (the default) uses every core."),
    resume: bool = typer.Option(False, help="Keep the documents already complete in -o FILE (same doc_id and sha256), append the rest."),
    cascade: bool = typer.Option(True, help="--no-cascade runs the statistical model on every sentence (same records, slower)."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Print nothing to stderr but errors: no progress, no summary."),
) -> None:
    """Extract records from news articles: one `document` or `error` record per input, then its
    figures, membership changes and dated events, in input order."""
    from extractor import batch
    from extractor.nlp import ModelNotFound, check_model
    from extractor.pipeline import Settings

    _check_include(include)
    fields = _fields(input_format, text_field, id_field, date_field, title_field)
    if resume and output is None:
        raise typer.BadParameter("--resume needs -o FILE: the output of the run to finish.", param_hint="--resume")
    if jobs < 0:
        raise typer.BadParameter(f"{jobs} is not a number of processes; give 1 or more, or 0 for every core.", param_hint="--jobs")
    given = _parse_date(published, "--published") if published else None
    per_file = _published_table(published_from) if published_from else {}
    try:
        check_model(model)
    except ModelNotFound as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    settings = Settings(model=model, include=tuple(include), published=given, cascade=cascade)

    done = batch.read_done(output) if resume else batch.Done()
    if done.dropped:
        batch.keep_complete(output)
    stale: set[tuple[str, str]] = set()
    shown = not quiet and sys.stderr.isatty()
    progress = batch.Progress(_count_inputs(paths, glob, input_format) if shown else None, shown)

    skipped: Counter[str] = Counter()

    def inputs():
        for item in iter_sources(paths, glob):
            for raw in [item] if isinstance(item, ReadFailure) else documents(_with_date(item, per_file), input_format, fields):
                if isinstance(raw, Skipped):
                    skipped[raw.what] += 1
                    continue
                raw = _with_listed_date(raw, per_file)
                earlier = done.complete.get(raw.doc_id)
                if earlier is not None and earlier == getattr(raw, "sha256", None):
                    progress.update(skipped=True)
                    continue
                if earlier is not None:
                    stale.add((raw.doc_id, earlier))
                yield raw

    counts: Counter[str] = Counter()
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
    sink = open(output, "a" if resume else "w", encoding="utf-8") if output else sys.stdout
    try:
        for finished in batch.run(inputs(), settings, jobs or batch.default_jobs()):
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
        typer.echo("interrupted: the output ends with the last whole document; --resume finishes the run", err=True)
        raise typer.Exit(130)
    finally:
        if output:
            sink.close()
    progress.close()
    if stale:
        batch.keep_complete(output, drop=stale)
    if not quiet:
        already = f" ({progress.skipped} documents already done)" if progress.skipped else ""
        typer.echo(_summary(str(output) if output else "stdout", counts) + already, err=True)
        if skipped:
            kinds = ", ".join(f"{n} {what}" for what, n in sorted(skipped.items()))
            typer.echo(f"skipped {sum(skipped.values())} archive records that are not HTML pages ({kinds})", err=True)
    if counts["error"]:
        raise typer.Exit(1)


def _count_inputs(paths: list[str], glob: str, input_format: str = "auto") -> int | None:
    """How many documents there are, for the ETA (a walk of the paths, no reading); None when a
    file holds many (JSON Lines, WARC)."""
    total = 0
    for item in iter_sources(paths, glob):
        if isinstance(item, Source) and format_of(item.path, input_format) in ("jsonl", "warc"):
            return None
        total += 1
    return total


def _fields(input_format: str, text: str, id_: str, date_: str, title: str) -> Fields:
    """The JSON Lines field names (comma-separated lists), with --input-format checked."""
    if input_format not in INPUT_FORMATS:
        raise typer.BadParameter(f"{input_format!r} is not a format; give one of {', '.join(INPUT_FORMATS)}.",
                                 param_hint="--input-format")
    names = [tuple(n.strip() for n in value.split(",") if n.strip()) for value in (text, id_, date_, title)]
    return Fields(*names)


def _with_listed_date(raw, per_file: dict[str, str]):
    """A document of a multi-document file takes the date --published-from lists for its doc_id."""
    if isinstance(raw, RawDocument) and raw.doc_id in per_file and raw.published != per_file[raw.doc_id]:
        return replace(raw, published=per_file[raw.doc_id], published_rule=None)
    return raw


def _with_date(source: Source, per_file: dict[str, str]) -> Source:
    """The date listed for this document: by doc_id, else by file name or name without extension."""
    name = source.doc_id.rsplit("/", 1)[-1]
    for key in (source.doc_id, name, name.rsplit(".", 1)[0]):
        if key in per_file:
            return Source(source.doc_id, source.path, per_file[key])
    return source


def _quiet_broken_pipe() -> None:
    """The reader went away (`| head`): stop without a traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


@app.command()
def spark(
    input_folder: str = typer.Argument(..., metavar="INPUT", help="A folder of input files (read recursively)."),
    output_folder: str = typer.Argument(..., metavar="OUTPUT", help="A folder for the JSON Lines part files (replaced)."),
    master: str = typer.Option("local[*]", help="The Spark master URL."),
    published: Optional[str] = PUBLISHED,
    published_from: Optional[Path] = PUBLISHED_FROM,
    include: List[str] = INCLUDE,
    glob: str = typer.Option("*.txt", help="Which files to read (e.g. '*.html', '*.warc.gz')."),
    input_format: str = INPUT_FORMAT,
    text_field: str = TEXT_FIELD,
    id_field: str = ID_FIELD,
    date_field: str = DATE_FIELD,
    title_field: str = TITLE_FIELD,
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No summary on stderr."),
) -> None:
    """Run the extraction on Apache Spark (needs `pip install 'extractor[spark]'` and Java 17):
    the same records as `extract`, written as JSON Lines part files in OUTPUT."""
    try:
        from extractor.spark import run_job
    except ImportError as exc:
        typer.echo(f"error: Spark is not installed ({exc}); install it with `pip install 'extractor[spark]'`.", err=True)
        raise typer.Exit(2)
    from extractor.pipeline import Settings

    _check_include(include)
    fields = _fields(input_format, text_field, id_field, date_field, title_field)
    given = _parse_date(published, "--published") if published else None
    per_file = _published_table(published_from) if published_from else None
    counts = run_job(input_folder, output_folder, master, Settings(include=tuple(include), published=given), glob,
                     per_file, input_format, fields)
    if not quiet:
        typer.echo(_summary(output_folder, counts), err=True)
    if counts.get("error"):
        raise typer.Exit(1)


def _summary(where: str, counts: dict[str, int]) -> str:
    """'records written to WHERE: document=N, error=N, figure=N, ...' (types with none left out,
    but document and error always there)."""
    kinds = ("document", "error", "timex", "figure", "membership", "event")
    parts = ", ".join(f"{k}={counts.get(k, 0)}" for k in kinds if counts.get(k) or k in ("document", "error"))
    return f"records written to {where}: {parts}"


def _check_include(include: list[str]) -> None:
    for kind in include:
        if kind not in ("timex", "text", "candidates"):
            raise typer.BadParameter(f"{kind!r} cannot be included; give timex (temporal expressions) or text "
                                     "(the text offsets index, on the document record).", param_hint="--include")


@app.command()
def timeline(
    records: List[str] = typer.Argument(..., help="JSON Lines files `extract` wrote (or Spark output folders)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
    format: str = typer.Option("jsonl", "--format", help="jsonl (interval, count, conflict, check records), md or svg."),
) -> None:
    """One membership timeline per organization from many articles' records, with conflicts
    between sources and checks of the counts the articles state."""
    from extractor import timeline as tl

    if format not in ("jsonl", "md", "svg"):
        raise typer.BadParameter(f"{format!r} is not a format; use jsonl, md or svg.", param_hint="--format")
    missing = [p for p in records if not Path(p).exists()]
    if missing:
        raise typer.BadParameter(f"{', '.join(missing)} not found; pass files that `extractor extract` wrote.", param_hint="RECORDS")
    found, reads = tl.read_records(records)
    for problem in filter(None, (r.problem() for r in reads)):
        typer.echo(problem, err=True)
    if not found:
        raise typer.Exit(1)
    built = tl.build(found)
    if format == "jsonl":
        text = "".join(to_json_line(r) + "\n" for r in built.records())
    else:
        text = tl.markdown(built) if format == "md" else tl.svg(built)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if not all(r.holds_records for r in reads):
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output line."""
    typer.echo(json_schema_text(), nl=False)


@evaluate_app.command("timex")
def evaluate_timex(gold: Path = typer.Argument(..., help="TimeBank-style gold JSONL (one document a line)."),
                   predictions: Path = typer.Argument(..., help="Records written with --include timex.")) -> None:
    """TempEval-3 measures: strict and relaxed span F1, value F1; DATE+TIME and all types."""
    from extractor.evaluate import score_timex

    typer.echo(score_timex(gold, predictions))


@evaluate_app.command("news")
def evaluate_news(gold: Path = typer.Argument(..., help="news-dev gold.jsonl"),
                  predictions: Path = typer.Argument(..., help="Records written by extract.")) -> None:
    """Membership, event and figure P/R/F1 following the news-dev GUIDELINES section 7."""
    from extractor.evaluate import score_news

    typer.echo(score_news(gold, predictions))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
