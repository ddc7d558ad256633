"""Parquet output (#25): a schema derived from every record model, the same rows as JSON Lines,
row groups written as documents finish, the same bytes at any --jobs, usage errors, and the
README's DuckDB queries run against the fixture's files."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, cli

pa = pytest.importorskip("pyarrow", reason="the parquet extra is not installed (pip install 'newsfacts[parquet]')")
pq = pytest.importorskip("pyarrow.parquet")

from extractor.core.records import MODELS  # noqa: E402
from extractor.running.parquet import EXTRACT_TYPES, GROUP_DOCS, TIMELINE_TYPES, ParquetSink, arrow_schema, arrow_type_of, read_rows

ARTICLES = {
    "malta.txt": "Malta joined the European Union in May 2004. Its economy grew 3.5% that year.",
    "talks.txt": "Ministers from Peru and Chile will meet in Lima on 12 June 2026. They plan to sign a deal worth $4 billion.",
    "quiet.txt": "There is nothing to count or date in this sentence.",
    "empty.txt": "",
}
EXTRA = ("--include", "timex,text", "--explain")  # every record type of extract has rows


def _lines_by_type(path: Path) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {t: [] for t in EXTRACT_TYPES}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        grouped[record["type"]].append(record)
    return grouped


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pq-in")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "sco_article.txt").write_text((ROOT / "fixtures" / "sco_article.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    return folder


@pytest.fixture(scope="module")
def both(articles, tmp_path_factory) -> tuple[Path, Path]:
    """The same articles written as JSON Lines and as Parquet (with timexes, text and candidates)."""
    out = tmp_path_factory.mktemp("pq-out")
    jsonl, parquet = out / "records.jsonl", out / "new" / "pq"
    assert cli("extract", str(articles), *EXTRA, "-o", str(jsonl), "-q", "-j", "1").returncode == 1  # the binary file
    result = cli("extract", str(articles), *EXTRA, "-o", str(parquet), "--mkdir", "--format", "parquet", "-q", "-j", "1",
                 text=True)
    assert result.returncode == 1, result.stderr
    return jsonl, parquet


@pytest.fixture(scope="module")
def fixture_files(tmp_path_factory) -> Path:
    """The Parquet files of the fixture article, written as the README says."""
    out = tmp_path_factory.mktemp("pq-fixture") / "fixture"
    result = cli("extract", "fixtures/sco_article.txt", "-o", str(out), "--mkdir", "--format", "parquet", "-q", text=True)
    assert result.returncode == 0, result.stderr
    return out


# ---------------------------------------------------------------- schemas


def _json_nullable(prop: dict) -> bool:
    return any(option.get("type") == "null" for option in prop.get("anyOf", []))


@pytest.mark.parametrize("record_type", sorted(MODELS))
def test_parquet_schema_has_a_column_per_json_field_nullable_as_the_json_schema(record_type):
    schema = arrow_schema(record_type)
    properties = MODELS[record_type].model_json_schema(by_alias=True)["properties"]
    assert schema.names == list(properties)
    assert {n for n in schema.names if schema.field(n).nullable} == {n for n, p in properties.items() if _json_nullable(p)}
    assert pa.types.is_dictionary(schema.field("type").type)


@pytest.mark.parametrize("record_type, column, check", [
    ("document", "counts", lambda t: pa.types.is_map(t) and t.item_type == pa.int64()),
    ("document", "warnings", lambda t: pa.types.is_list(t) and pa.types.is_dictionary(t.value_type.field("code").type)),
    ("figure", "value", lambda t: t == pa.float64()),
    ("figure", "start", lambda t: t == pa.int64()),
    ("figure", "kind", lambda t: t == pa.dictionary(pa.int32(), pa.string())),
    ("figure", "date", lambda t: pa.types.is_struct(t) and t.field("start_date").type == pa.string()
     and t.field("start").type == pa.int64()),
    ("membership", "member", lambda t: [f.name for f in t] == ["name", "id", "kind"]),
    ("event", "participants", lambda t: pa.types.is_list(t) and t.value_type.field("id").nullable),
    ("timex", "anchored", lambda t: t == pa.bool_()),
    ("interval", "from", lambda t: pa.types.is_list(t.field("alternatives").type)),
    ("count", "members", lambda t: t == pa.list_(pa.field("element", pa.string(), nullable=False))),
])
def test_parquet_schema_maps_each_annotation_to_its_arrow_type(record_type, column, check):
    assert check(arrow_schema(record_type).field(column).type), arrow_schema(record_type).field(column)


@pytest.mark.parametrize("annotation", [set[int], int | str, dict, bytes])
def test_parquet_schema_of_an_unsupported_annotation_is_an_error_naming_it(annotation):
    with pytest.raises(TypeError, match="no Arrow type"):
        arrow_type_of(annotation)


# ---------------------------------------------------------------- the same records


def test_parquet_holds_the_rows_of_the_json_lines_output(both):
    jsonl, parquet = both
    expected = _lines_by_type(jsonl)
    assert sorted(p.name for p in parquet.iterdir()) == sorted(f"{t}.parquet" for t in EXTRACT_TYPES)
    for record_type in EXTRACT_TYPES:
        assert expected[record_type], f"the articles give no {record_type} record: the comparison would prove nothing"
        assert read_rows(parquet / f"{record_type}.parquet") == expected[record_type], record_type


def test_parquet_files_are_typed_as_the_schema_says(both):
    _, parquet = both
    for record_type in EXTRACT_TYPES:
        assert pq.read_schema(parquet / f"{record_type}.parquet").remove_metadata() == arrow_schema(record_type)
    kinds = pq.read_table(parquet / "figure.parquet").column("kind")
    assert pa.types.is_dictionary(kinds.type) and "money" in kinds.to_pylist()
    assert not list((parquet).glob(".*"))  # no temporary file left


def test_parquet_type_with_no_records_is_a_file_with_its_schema_and_no_rows(fixture_files):
    table = pq.read_table(fixture_files / "timex.parquet")  # the fixture run has no --include timex
    assert table.num_rows == 0 and table.schema.names == arrow_schema("timex").names
    assert pq.read_table(fixture_files / "membership.parquet").num_rows == 10


def test_parquet_timeline_holds_the_rows_of_its_json_lines(both, tmp_path):
    jsonl, _ = both
    result = cli("timeline", str(jsonl), "-o", str(tmp_path / "tl"), "--mkdir", "--format", "parquet", text=True)
    assert result.returncode == 0, result.stderr
    lines = cli("timeline", str(jsonl), text=True).stdout.splitlines()
    expected = {t: [json.loads(x) for x in lines if json.loads(x)["type"] == t] for t in TIMELINE_TYPES}
    assert expected["interval"] and expected["count"]
    for record_type in TIMELINE_TYPES:
        assert read_rows(tmp_path / "tl" / f"{record_type}.parquet") == expected[record_type], record_type
    assert "from" in pq.read_schema(tmp_path / "tl" / "interval.parquet").names


# ---------------------------------------------------------------- row groups, jobs


def _documents(jsonl: Path) -> list[list[str]]:
    """The JSON lines of each document, in order."""
    documents: list[list[str]] = []
    for line in jsonl.read_text(encoding="utf-8").splitlines():
        if line.startswith(('{"type":"document"', '{"type":"error"')):
            documents.append([])
        documents[-1].append(line)
    return documents


def test_parquet_sink_writes_a_row_group_as_soon_as_enough_documents_finish(both, tmp_path):
    documents = _documents(both[0])
    assert len(documents) == 6
    sink = ParquetSink(tmp_path, EXTRACT_TYPES, group_docs=2)
    partial = tmp_path / ".document.parquet.partial"
    sink.add_lines(documents[0])
    assert not partial.exists()  # one document: buffered
    sink.add_lines(documents[1])
    written = partial.stat().st_size
    assert written > 0 and sink.row_groups >= 1  # two documents: a row group is on disk before the end
    for lines in documents[2:]:
        sink.add_lines(lines)
    assert partial.stat().st_size > written
    sink.close()
    assert pq.ParquetFile(tmp_path / "document.parquet").metadata.num_row_groups == 3
    assert read_rows(tmp_path / "document.parquet") == _lines_by_type(both[0])["document"]


def test_parquet_sink_that_fails_leaves_the_earlier_files_as_they_were(tmp_path):
    with ParquetSink(tmp_path, ["error"]) as sink:
        sink.add([{"type": "error", "doc_id": "a", "source": "a", "error": "NotFound", "message": "gone"}])
    before = (tmp_path / "error.parquet").read_bytes()
    with pytest.raises(ValueError, match="a 'figure' record cannot be written here"):
        with ParquetSink(tmp_path, ["error"]) as sink:
            sink.add([{"type": "error", "doc_id": "b", "source": "b", "error": "NotFound", "message": "gone"}])
            sink.add([{"type": "figure"}])
    assert (tmp_path / "error.parquet").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["error.parquet"]


def test_parquet_many_documents_give_row_groups_and_the_same_bytes_at_any_jobs(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    count = GROUP_DOCS + 40
    for n in range(count):
        (folder / f"n{n:03d}.txt").write_text(f"Bread prices rose {n % 9 + 1}% in March {1990 + n % 30}.", encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}"
        result = cli("extract", str(folder), "-o", str(out), "--mkdir", "--format", "parquet", "-q", "-j", jobs, text=True)
        assert result.returncode == 0, result.stderr
        outputs.append({t: (out / f"{t}.parquet").read_bytes() for t in EXTRACT_TYPES})
    assert outputs[0] == outputs[1]
    document = pq.ParquetFile(tmp_path / "jobs1" / "document.parquet")
    assert document.metadata.num_rows == count and document.metadata.num_row_groups == 2
    assert pq.ParquetFile(tmp_path / "jobs1" / "figure.parquet").metadata.num_row_groups == 2


def test_parquet_readme_gives_the_row_group_size():
    assert f"Row groups of {GROUP_DOCS} documents" in (ROOT / "README.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------- usage errors


def _one_line_usage_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


@pytest.mark.parametrize("args, says", [
    (["--format", "parquet"], "give it with -o DIR"),
    (["--format", "parquet", "-o", "{tmp}/plain.txt"], "is a file, not a folder"),
    (["--format", "parquet", "-o", "{tmp}/missing/deeper"], "does not exist; create it, or add --mkdir"),
    (["--format", "parquet", "-o", "/proc/1"], "cannot be written"),
    (["--format", "parquet", "-o", "{tmp}", "--resume"], "--resume works with JSON Lines only"),
    (["--format", "xml", "-o", "{tmp}"], "'xml' is not an output format; give jsonl or parquet"),
])
def test_parquet_usage_errors_are_one_line_before_any_work(tmp_path, args, says):
    (tmp_path / "plain.txt").write_text("x")
    result = cli("extract", "-", *(a.format(tmp=tmp_path) for a in args), stdin="Prices rose 4%.", text=True)
    assert says in _one_line_usage_error(result)
    assert not (tmp_path / "missing").exists() and not list(tmp_path.glob("*.parquet"))


def test_parquet_timeline_without_a_folder_is_a_usage_error(both):
    result = cli("timeline", str(both[0]), "--format", "parquet", text=True)
    assert "give it with -o DIR" in _one_line_usage_error(result)


@pytest.mark.parametrize("command", [["extract", "-", "-o", "{tmp}"], ["timeline", "{tmp}/r.jsonl", "-o", "{tmp}"],
                                     ["spark", "{tmp}", "{tmp}/out"]])
def test_parquet_without_pyarrow_is_a_usage_error_naming_the_extra(tmp_path, command):
    (tmp_path / "r.jsonl").write_text("")
    args = [a.format(tmp=tmp_path) for a in command] + ["--format", "parquet"]
    code = f"import sys; sys.modules['pyarrow'] = None; from extractor.running.cli import main; main({args!r})"
    result = subprocess.run([sys.executable, "-c", code], input="Prices rose 4%.", capture_output=True, text=True, cwd=ROOT)
    assert "pip install 'newsfacts[parquet]'" in _one_line_usage_error(result)


# ---------------------------------------------------------------- the README's DuckDB queries


def _readme_queries() -> list[tuple[str, str]]:
    """(query, printed output) of each block between the README's duckdb markers."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("<!-- duckdb queries:", 1)[1].split("<!-- end of duckdb queries -->", 1)[0]
    return re.findall(r"```sql\n(.*?)```\n+```text\n(.*?)```", section, re.S)


def _cells(printed: str) -> list[list[str]]:
    """The header, column types and rows of a table as DuckDB prints it, cell by cell."""
    return [[cell.strip() for cell in line.strip().strip("│").split("│")] for line in printed.splitlines()
            if line.strip().startswith("│")]


def test_parquet_readme_has_three_duckdb_queries():
    queries = _readme_queries()
    assert len(queries) == 3 and all("out/fixture/" in q for q, _ in queries)


@pytest.mark.parametrize("number", range(3))
def test_parquet_readme_duckdb_query_prints_what_the_readme_shows(fixture_files, number):
    duckdb = pytest.importorskip("duckdb")
    query, shown = _readme_queries()[number]
    printed = str(duckdb.sql(query.replace("'out/fixture/", f"'{fixture_files}/")))
    assert len(_cells(shown)) > 2  # a header, the types and at least one row
    assert _cells(printed) == _cells(shown), printed
