"""The command line (#24): what directories read, doc ids, --published-from, -o, stdin in every
format, missing readers, evaluate's inputs, help and usage errors. Files are written here."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from conftest import ROOT, cli, shared_path
from extractor.inputs.sources import ReadFailure, Source, plan_sources, read_source, skip_reason
from extractor.running.cli import PublishedDates, _included, _published_table

COMMANDS = [[], ["extract"], ["spark"], ["timeline"], ["schema"], ["evaluate"], ["evaluate", "news"], ["evaluate", "timex"]]
PYTHON_TYPES = re.compile(r"<(bool|int|str|path|float|list|text)|list\[|\{", re.IGNORECASE)
SENTENCE = "Norway joined the European Free Trade Association in 1960, officials said."


def _records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def _heads(records: list[dict]) -> list[tuple[str, str]]:
    return [(r["type"], r["doc_id"]) for r in records if r["type"] in ("document", "error")]


def _one_line_usage_error(result: subprocess.CompletedProcess) -> str:
    """The stderr of a usage error, checked: exit status 2, one line, no traceback."""
    stderr = result.stderr if isinstance(result.stderr, str) else result.stderr.decode()
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1, stderr
    return stderr


# ---------------------------------------------------------------- what a directory walk reads


@pytest.mark.parametrize("name, head, reason", [
    ("a.txt", b"", None), ("b.text", b"", None), ("c.TXT", b"", None), ("d.txt.gz", b"", None),
    ("page.html", b"", None), ("page.htm", b"", None), ("page.xhtml", b"", None),
    ("dump.jsonl", b"", None), ("dump.ndjson", b"", None), ("dump.jsonl.gz", b"", None), ("dump.ndjson.gz", b"", None),
    ("crawl.warc", b"", None), ("crawl.warc.gz", b"", None),
    ("README", b"Plain words in a file without an extension.", None),
    ("core", b"\x7fELF\x00\x00\x01\x02" * 100, "binary without extension"),
    ("report.pdf", b"", ".pdf"), ("photo.PNG", b"", ".png"), ("backup.tar.gz", b"", ".tar.gz"), ("notes.md", b"", ".md"),
    (".DS_Store", b"", "hidden"), (".hidden.txt", b"", "hidden"),
])
def test_cli_walk_reads_every_known_format_and_names_what_it_skips(name, head, reason):
    assert skip_reason(name, None, lambda: head) == reason


@pytest.mark.parametrize("glob, name, reason", [
    ("*.html", "a.html", None), ("*.html", "a.txt", ".txt"), ("*.md", "notes.md", None),
    ("*.txt", ".secret.txt", "hidden"), (".*", ".config", None),
])
def test_cli_glob_narrows_to_exactly_what_it_matches(glob, name, reason):
    assert skip_reason(name, glob) == reason


def _mixed_folder(root: Path) -> Path:
    root.mkdir()
    (root / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (root / "b.html").write_text(f"<!DOCTYPE html><html><body><article><p>{SENTENCE}</p><p>{SENTENCE}</p>"
                                 "</article></body></html>", encoding="utf-8")
    (root / "c.jsonl").write_text(json.dumps({"id": "c1", "text": SENTENCE}) + "\n", encoding="utf-8")
    for junk in ("x.pdf", "y.pdf", "z.png", ".DS_Store"):
        (root / junk).write_bytes(b"\x00\x01junk")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    return root


def test_cli_directory_reads_text_pages_and_dumps_and_counts_skipped_files(tmp_path):
    folder = _mixed_folder(tmp_path / "in")
    result = cli("extract", str(folder), "-j", "1", text=True)
    assert result.returncode == 0, result.stderr
    assert _heads(_records(result.stdout)) == [("document", "a.txt"), ("document", "b.html"), ("document", "c1")]
    assert "document=3, error=0" in result.stderr
    assert "skipped 5 files: 2 .pdf, 1 .png, 1 hidden, 1 hidden folder" in result.stderr


def test_cli_plan_counts_skipped_files_and_glob_narrows(tmp_path):
    folder = _mixed_folder(tmp_path / "in")
    assert [i.doc_id for i in plan_sources([str(folder)]).items] == ["a.txt", "b.html", "c.jsonl"]
    narrowed = plan_sources([str(folder)], "*.html")
    assert [i.doc_id for i in narrowed.items] == ["b.html"]
    assert narrowed.skipped_line() == "skipped 7 files: 2 .pdf, 1 .jsonl, 1 .png, 1 .txt, 1 hidden, 1 hidden folder"


@pytest.mark.parametrize("data, text", [
    (gzip.compress("Prices rose 4% in 2021.".encode("utf-8")), "Prices rose 4% in 2021."),
    (gzip.compress("Café prices rose.".encode("cp1252")), "Café prices rose."),
    (b"not gzip at all, plain text under a .gz name", "not gzip at all, plain text under a .gz name"),
])
def test_cli_gzipped_text_is_read_uncompressed(tmp_path, data, text):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(data)
    raw = read_source(Source("story.txt.gz", path))
    assert raw.text == text


def test_cli_cut_gzipped_text_is_an_error_that_says_so(tmp_path):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(b"Prices rose 4% in 2021." * 50)[:40])
    raw = read_source(Source("story.txt.gz", path))
    assert isinstance(raw, ReadFailure) and raw.error == "Unreadable" and "gzip" in raw.message


# ---------------------------------------------------------------- doc ids unique within a run


@pytest.fixture
def two_folders(tmp_path) -> Path:
    for folder, names in (("dup1", ("a.txt", "only1.txt")), ("dup2", ("a.txt", "sub/b.txt"))):
        for name in names:
            (tmp_path / folder / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / folder / name).write_text(SENTENCE, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("args, ids", [
    (["dup1", "dup2"], ["dup1/a.txt", "only1.txt", "dup2/a.txt", "sub/b.txt"]),
    (["dup1/", "dup2/"], ["dup1/a.txt", "only1.txt", "dup2/a.txt", "sub/b.txt"]),
    (["dup1/a.txt", "dup2/a.txt"], ["dup1/a.txt", "dup2/a.txt"]),
    (["dup1", "dup2/a.txt"], ["dup1/a.txt", "only1.txt", "dup2/a.txt"]),
    (["dup1/a.txt", "dup1/a.txt"], ["dup1/a.txt", "dup1/a.txt#2"]),
    (["dup2"], ["a.txt", "sub/b.txt"]),
    (["dup1/only1.txt", "dup2/sub/b.txt"], ["only1.txt", "b.txt"]),
])
def test_cli_doc_ids_are_unique_within_a_run(two_folders, monkeypatch, args, ids):
    monkeypatch.chdir(two_folders)
    assert [item.doc_id for item in plan_sources(args).items] == ids


def test_cli_news_dev_keeps_its_ids_and_dates():
    docs = shared_path("data", "news-dev", "docs")
    plan = plan_sources([str(docs)])
    assert [i.doc_id for i in plan.items] == sorted(p.name for p in docs.iterdir() if not p.name.startswith("."))
    dates = PublishedDates(_published_table(docs.parent / "published.tsv"), docs.parent / "published.tsv")
    dates.match(plan.items)
    assert dates.unmatched_line() is None


def _cli_in(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m extractor ARGS` run in `folder` (paths relative to it), this checkout imported."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "extractor", *args], capture_output=True, text=True, cwd=folder, env=env)


def test_cli_two_folders_with_the_same_file_name_give_two_documents_dated_apart(two_folders):
    (two_folders / "published.tsv").write_text("dup1/a.txt\t2024-01-02\ndup2/a.txt\t2023-05-06\nonly1\t2022-03-04\n",
                                               encoding="utf-8")
    result = _cli_in(two_folders, "extract", "dup1", "dup2/", "--published-from", "published.tsv", "-j", "1")
    assert result.returncode == 0, result.stderr
    dates = {r["doc_id"]: r["reference_date"] if r["reference_date_source"] == "given" else None
             for r in _records(result.stdout) if r["type"] == "document"}
    assert dates == {"dup1/a.txt": "2024-01-02", "only1.txt": "2022-03-04", "dup2/a.txt": "2023-05-06", "sub/b.txt": None}


# ---------------------------------------------------------------- --published-from


def _table(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "published.tsv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("key", ["sub/a.txt", "a.txt", "a"])
def test_cli_published_from_matches_a_doc_id_or_a_file_name_naming_one_document(tmp_path, key):
    dates = PublishedDates(_published_table(_table(tmp_path, f"# comment\n\n{key}\t2024-02-29\n")))
    dates.match([Source("sub/a.txt", Path("sub/a.txt")), Source("b.txt", Path("b.txt"))])
    assert dates.of_source(Source("sub/a.txt", Path("sub/a.txt"))).published == "2024-02-29"
    assert dates.of_source(Source("b.txt", Path("b.txt"))).published is None
    assert dates.unmatched_line() is None


@pytest.mark.parametrize("key, sources", [
    ("a.txt", ["dup1/a.txt", "dup2/a.txt"]),
    ("a", ["a.txt", "a.html"]),
    ("story", ["x/story.txt", "y/story.txt"]),
])
def test_cli_published_from_name_of_several_documents_is_a_usage_error(tmp_path, key, sources):
    dates = PublishedDates(_published_table(_table(tmp_path, f"{key}\t2024-02-29\n")), tmp_path / "published.tsv")
    with pytest.raises(typer.BadParameter, match=re.escape(repr(key))):
        dates.match([Source(s, Path(s)) for s in sources])


def test_cli_published_from_ambiguous_name_stops_the_run_naming_it(two_folders):
    table = _table(two_folders, "a.txt\t2024-01-02\n")
    result = cli("extract", str(two_folders / "dup1"), str(two_folders / "dup2"), "--published-from", str(table))
    stderr = _one_line_usage_error(result)
    assert "'a.txt' names 2 documents" in stderr and "line 1" in stderr


@pytest.mark.parametrize("line", ["a.txt 2024-01-02", "a.txt", "a.txt,2024-01-02"])
def test_cli_published_from_line_without_a_tab_is_a_usage_error_naming_file_and_line(tmp_path, line):
    table = _table(tmp_path, f"# doc_id TAB date\nb.txt\t2024-01-01\n{line}\n")
    result = cli("extract", "-", "--published-from", str(table), stdin=b"x")
    stderr = _one_line_usage_error(result)
    assert f"{table} line 3 has no tab" in stderr


def test_cli_published_from_ids_that_match_nothing_are_one_warning_line(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(SENTENCE, encoding="utf-8")
    unknown = [f"gone{i}.txt" for i in range(7)]
    table = _table(tmp_path, "a.txt\t2024-01-02\n" + "".join(f"{name}\t2020-01-01\n" for name in unknown))
    result = cli("extract", str(tmp_path / "docs"), "--published-from", str(table), "-j", "1", text=True)
    assert result.returncode == 0, result.stderr
    [warning] = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warning == f"warning: 7 ids in {table} matched no document: gone0.txt, gone1.txt, gone2.txt, gone3.txt, gone4.txt and 2 more"
    head = _records(result.stdout)[0]
    assert (head["reference_date"], head["reference_date_source"]) == ("2024-01-02", "given")


# ---------------------------------------------------------------- -o


@pytest.mark.parametrize("command", [["extract", "-"], ["timeline", "records.jsonl"]])
@pytest.mark.parametrize("where, says", [
    ("{tmp}", "is a directory"),
    ("{tmp}/missing/out.jsonl", "does not exist; create it, or add --mkdir"),
    ("{tmp}/plain.txt/out.jsonl", "is a file, not a folder"),
    ("/proc/out.jsonl", "cannot be written"),
])
def test_cli_output_that_cannot_be_written_is_a_usage_error_before_any_work(tmp_path, command, where, says):
    (tmp_path / "plain.txt").write_text("x")
    (tmp_path / "records.jsonl").write_text("")
    output = where.format(tmp=tmp_path)
    args = [a if a != "records.jsonl" else str(tmp_path / a) for a in command]
    result = cli(*args, "-o", output, stdin=b"Prices rose 4%.", text=False)
    assert says in _one_line_usage_error(result)
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("command", [["extract", "-", "-q", "-j", "1"], ["timeline"]])
def test_cli_mkdir_creates_the_folder_of_the_output(tmp_path, command):
    records = tmp_path / "records.jsonl"
    made = cli("extract", "-", "-q", "-j", "1", "-o", str(records), stdin=b"Finland joined NATO in April 2023.", text=False)
    assert made.returncode == 0, made.stderr  # timeline needs a file of records (an empty one is an error)
    args = [*command, str(records)] if command == ["timeline"] else command
    output = tmp_path / "new" / "deeper" / "out.jsonl"
    result = cli(*args, "-o", str(output), "--mkdir", stdin=SENTENCE.encode())
    assert result.returncode == 0, result.stderr
    assert output.is_file()


# ---------------------------------------------------------------- standard input in every format


def _warc_bytes(body: bytes) -> bytes:
    pytest.importorskip("warcio", reason="the warc extra is not installed (pip install 'newsfacts[warc]')")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example/n", "response", payload=io.BytesIO(body),
                                                  http_headers=headers))
    return out.getvalue()


PAGE = (f"<!DOCTYPE html><html><head><title>EFTA</title></head><body><nav>Home World Sport</nav><article>"
        f"<p>{SENTENCE}</p><p>The association was founded by seven countries that stayed outside the community.</p>"
        "</article></body></html>").encode()


@pytest.mark.parametrize("input_format, data, doc_id", [
    ("text", SENTENCE.encode(), "-"),
    ("auto", SENTENCE.encode(), "-"),
    ("html", PAGE, "-"),
    ("auto", PAGE, "-"),
    ("jsonl", (json.dumps({"id": "n1", "text": SENTENCE}) + "\n").encode(), "n1"),
    ("jsonl", gzip.compress((json.dumps({"text": SENTENCE}) + "\n").encode()), "-#1"),
    ("warc", None, "warc"),
])
def test_cli_stdin_is_read_in_every_input_format(input_format, data, doc_id):
    data = _warc_bytes(PAGE) if data is None else data
    result = cli("extract", "--input-format", input_format, "-", "-j", "1", stdin=data, text=False)
    stderr = result.stderr.decode()
    assert result.returncode == 0 and "Traceback" not in stderr, stderr
    records = _records(result.stdout.decode())
    [head] = [r for r in records if r["type"] == "document"]
    assert head["doc_id"].startswith("<urn:uuid:") if doc_id == "warc" else head["doc_id"] == doc_id
    assert [(r["member"]["name"], r["date"]["value"]) for r in records if r["type"] == "membership"] == [("Norway", "1960")]


# ---------------------------------------------------------------- a reader missing (a broken install)


def _without(tmp_path: Path, module: str) -> dict[str, str]:
    """The environment of a subprocess in which `import module` fails."""
    blocked = tmp_path / "blocked"
    (blocked / module).mkdir(parents=True)
    (blocked / module / "__init__.py").write_text(f"raise ImportError('{module} is blocked by the test')\n")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(blocked), os.environ.get("PYTHONPATH", str(ROOT))])}


@pytest.mark.parametrize("module, name, data, install", [
    ("trafilatura", "page.html", PAGE, "pip install trafilatura"),
    ("htmldate", "saved.txt", PAGE, "pip install trafilatura htmldate"),
    ("warcio", "crawl.warc.gz", None, "pip install 'newsfacts[warc]'"),
])
def test_cli_input_whose_reader_is_missing_is_an_error_that_says_what_to_install(tmp_path, module, name, data, install):
    path = tmp_path / name
    path.write_bytes(_warc_bytes(PAGE) if data is None else data)
    (tmp_path / "plain.txt").write_text(SENTENCE)
    result = subprocess.run([sys.executable, "-m", "extractor", "extract", str(path), str(tmp_path / "plain.txt"), "-j", "1"],
                            capture_output=True, text=True, cwd=ROOT, env=_without(tmp_path, module))
    assert result.returncode == 1, result.stderr
    records = _records(result.stdout)
    assert [(r["type"], r.get("error")) for r in records if r["type"] in ("document", "error")] == \
        [("error", "MissingDependency"), ("document", None)]
    assert install in records[0]["message"]
    assert "could not be read for want of a reader" in result.stderr and install in result.stderr


# ---------------------------------------------------------------- evaluate's inputs


NEWS_GOLD = {"doc_id": "a.txt", "figures_exhaustive": True, "figures": [{"value": 4, "kind": "percent"}],
             "memberships": [{"organization": "EFTA", "member": "NOR", "action": "join", "status": "member", "date": "1960"}],
             "events": [{"kind": "accession", "trigger": "joined", "date": "1960"}]}
TIMEX_GOLD = {"doc_id": "a", "timexes": [{"start": 0, "end": 4, "type": "DATE", "value": "1960"}]}
RECORD = {"type": "figure", "doc_id": "a.txt", "kind": "percent", "value": 4.0}


def _lines(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("kind, gold, records, wrong, line, says", [
    ("news", [NEWS_GOLD, {**NEWS_GOLD, "memberships": None} | {"doc_id": "b"}], [RECORD], "gold", 2, "is not a list"),
    ("news", [NEWS_GOLD, {k: v for k, v in NEWS_GOLD.items() if k != "memberships"}], [RECORD], "gold", 2, "'memberships'"),
    ("news", [{**NEWS_GOLD, "events": [{"trigger": "joined"}]}], [RECORD], "gold", 1, "'kind'"),
    ("news", [TIMEX_GOLD], [RECORD], "gold", 1, "'memberships'"),
    ("news", ["{not json"], [RECORD], "gold", 1, "is not JSON"),
    ("news", [NEWS_GOLD], [RECORD, {"doc_id": "a.txt"}], "pred", 2, "'type'"),
    ("news", [NEWS_GOLD], [{"type": "membership", "doc_id": "a.txt", "organization": "EFTA"}], "pred", 1, "'organization.id'"),
    ("news", [NEWS_GOLD], [[1, 2]], "pred", 1, "is not a JSON object"),
    ("timex", [NEWS_GOLD], [RECORD], "gold", 1, "'timexes'"),
    ("timex", [{**TIMEX_GOLD, "timexes": [{"start": 0, "end": 4, "type": "DATE"}]}], [RECORD], "gold", 1, "'value'"),
    ("timex", [TIMEX_GOLD], [{"type": "timex", "doc_id": "a", "start": 0, "end": 4}], "pred", 1, "'timex_type'"),
])
def test_cli_evaluate_input_not_in_its_format_is_a_message_naming_file_line_and_key(tmp_path, kind, gold, records, wrong,
                                                                                    line, says):
    gold_path, pred_path = _lines(tmp_path / "gold.jsonl", gold), _lines(tmp_path / "pred.jsonl", records)
    result = cli("evaluate", kind, str(gold_path), str(pred_path), text=True)
    stderr = _one_line_usage_error(result)
    named = gold_path if wrong == "gold" else pred_path
    assert f"{named} line {line}" in stderr and says in stderr


@pytest.mark.parametrize("kind, gold", [("news", NEWS_GOLD), ("timex", TIMEX_GOLD)])
def test_cli_evaluate_reads_the_gold_format_its_help_describes(tmp_path, kind, gold):
    result = cli("evaluate", kind, str(_lines(tmp_path / "gold.jsonl", [gold])), str(_lines(tmp_path / "p.jsonl", [RECORD])),
                 text=True)
    assert result.returncode == 0, result.stderr
    help_text = cli("evaluate", kind, "-h", text=True).stdout
    assert "GUIDELINES" not in help_text and "doc_id" in help_text
    assert all(f"`{key}`" in help_text for key in gold if key != "figures_exhaustive" or kind == "news")


# ---------------------------------------------------------------- help and usage errors


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "extractor")
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_cli_help_on_every_command_names_values_not_python_types(command, flag):
    result = cli(*command, flag, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage:") and "-h, --help" in result.stdout
    assert not PYTHON_TYPES.search(result.stdout), PYTHON_TYPES.search(result.stdout)


@pytest.mark.skipif(shutil.which("script") is None, reason="util-linux `script` (a terminal for the help) is not here")
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "extractor")
def test_cli_help_in_a_terminal_names_values_not_python_types(command):
    line = " ".join([sys.executable, "-m", "extractor", *command, "-h"])
    result = subprocess.run(["script", "-qc", line, "/dev/null"], capture_output=True, text=True, cwd=ROOT,
                            stdin=subprocess.DEVNULL)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert "Usage:" in plain and not PYTHON_TYPES.search(plain), plain


def test_cli_extract_help_shows_the_metavars():
    usage = cli("extract", "-h", text=True).stdout
    assert "extract [OPTIONS] PATH..." in usage
    assert all(part in usage for part in ("-o, --output FILE", "--include TYPES", "-j, --jobs N", "--glob PATTERN"))


@pytest.mark.parametrize("values, kinds", [
    (["timex,text"], ("timex", "text")), (["timex", "text"], ("timex", "text")), (["text, timex"], ("text", "timex")),
    (["timex,timex"], ("timex",)), ([], ()),
])
def test_cli_include_takes_comma_lists_and_repeats(values, kinds):
    assert _included(values) == kinds


@pytest.mark.parametrize("value", ["timex,txt", "figures", ","])
def test_cli_include_of_an_unknown_kind_is_a_usage_error(value):
    if value == ",":
        assert _included([value]) == ()
        return
    stderr = _one_line_usage_error(cli("extract", "-", "--include", value, stdin=b"x"))
    assert "cannot be included" in stderr


def test_cli_include_comma_list_gives_timexes_and_text():
    result = cli("extract", "-", "--include", "timex,text", "-j", "1", stdin=SENTENCE.encode(), text=False)
    assert result.returncode == 0, result.stderr
    records = _records(result.stdout.decode())
    assert records[0]["text"] == SENTENCE and any(r["type"] == "timex" for r in records)


@pytest.mark.parametrize("command, typed, suggested", [
    (["extract", "-"], "--inclde", "--include"),
    (["extract", "-"], "--rsume", "--resume"),
    (["extract", "-"], "--outptu", "--output"),
    (["extract", "-"], "--inputformat", "--input-format"),
    (["extract", "-"], "--formt", "--format"),
    (["extract", "-"], "--zzz", None),
    (["extract", "-"], "--verbose", None),
    (["timeline", "x.jsonl"], "--formt", "--format"),
    (["timeline", "x.jsonl"], "--jobs", None),
])
def test_cli_unknown_option_suggests_the_closest_real_one_or_none(command, typed, suggested):
    stderr = _one_line_usage_error(cli(*command, typed, stdin=b"x"))
    assert f"no such option {typed}" in stderr
    if suggested:
        assert f"did you mean {suggested}?" in stderr
    else:
        assert "did you mean" not in stderr
