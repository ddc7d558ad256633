"""What the output looks like to the tools people load it with: pandas and DuckDB.

`extract` and `timeline` records of articles written here, in one JSON Lines file, read with
`pandas.read_json(lines=True)` and DuckDB's `read_json_auto`: a `date` is an object (a struct)
in every record type, never a datetime that loses its precision ("2013" read as 2013-01-01);
offsets are integers, ids strings.
"""

from __future__ import annotations

import json

import pytest

from conftest import cli

pd = pytest.importorskip("pandas")
duckdb = pytest.importorskip("duckdb")

ARTICLES = {
    "croatia.txt": "Croatia joined the European Union on 1 July 2013, becoming its 28th member.",
    "bloc.txt": "Croatia became a member of the EU in 2013. The bloc had 28 member states in 2014.",
    "brexit.txt": "The United Kingdom joined the European Communities in 1973. "
                  "The United Kingdom left the European Union in January 2020, and the bloc paid 12 million euros for the move.",
}
EXTRACT_TYPES = {"document", "timex", "figure", "membership", "event"}
TIMELINE_TYPES = {"interval", "count", "check"}


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> dict[str, object]:
    """The paths of the extract records, the timeline records and both in one file."""
    folder = tmp_path_factory.mktemp("shapes")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    extracted, built, mixed = folder / "records.jsonl", folder / "timeline.jsonl", folder / "mixed.jsonl"
    result = cli("extract", *(str(folder / n) for n in ARTICLES), "--published", "2025-07-25", "--include", "timex",
                 "-o", str(extracted), "-q", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    result = cli("timeline", str(extracted), "-o", str(built))
    assert result.returncode == 0, result.stderr
    mixed.write_text(extracted.read_text(encoding="utf-8") + built.read_text(encoding="utf-8"), encoding="utf-8")
    lines = [json.loads(line) for line in mixed.read_text(encoding="utf-8").splitlines()]
    assert EXTRACT_TYPES | TIMELINE_TYPES <= {r["type"] for r in lines}  # every kind of record with a date is in
    return {"extract": extracted, "timeline": built, "mixed": mixed, "lines": lines}


def _is_date_object(value) -> bool:
    """A date as every record writes it: an object with a string or null value and its range."""
    return isinstance(value, dict) and {"value", "start_date", "end_date"} <= value.keys() and (
        value["value"] is None or isinstance(value["value"], str))


@pytest.mark.parametrize("which", ["mixed", "timeline", "extract"])
def test_pandas_reads_every_date_as_an_object_never_a_datetime(output, which):
    frame = pd.read_json(output[which], lines=True)
    assert not [c for c in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[c])]
    dates = frame["date"].dropna()
    assert len(dates) and all(_is_date_object(d) for d in dates)
    assert frame["type"].map(type).eq(str).all()


def test_pandas_keeps_the_precision_of_count_and_check_dates(output):
    frame = pd.read_json(output["mixed"], lines=True)
    values = {d["value"] for d in frame.loc[frame["type"].isin(["count", "check"]), "date"].dropna()}
    assert {"1973", "2014", "2020-01"} <= values  # a year stays a year (not 1973-01-01), a month a month


@pytest.mark.parametrize("record_type", sorted(EXTRACT_TYPES | TIMELINE_TYPES))
def test_pandas_reads_offsets_as_integers_and_ids_as_strings(output, record_type):
    lines = [r for r in output["lines"] if r["type"] == record_type]
    frame = pd.DataFrame.from_records(lines)
    for column in ("start", "end", "number", "stated", "chars"):
        if column in frame:
            assert pd.api.types.is_integer_dtype(frame[column]), (record_type, column, frame[column].dtype)
    for column in ("doc_id",):
        if column in frame:
            assert frame[column].map(type).eq(str).all()
    for nested in _nested_offsets(lines):
        assert isinstance(nested, int) and not isinstance(nested, bool)
    for entity in (r[k] for r in lines for k in ("organization", "member") if k in r):
        assert isinstance(entity["id"], str)


def _nested_offsets(value) -> list:
    """Every `start` and `end` inside the records' objects (dates, evidence, mentions, sources)."""
    if isinstance(value, dict):
        return [v for k, v in value.items() if k in ("start", "end")] + [o for v in value.values() for o in _nested_offsets(v)]
    if isinstance(value, list):
        return [o for v in value for o in _nested_offsets(v)]
    return []


def _duckdb_types(path) -> dict[str, str]:
    """Column name -> DuckDB type of the file read with read_json_auto."""
    relation = duckdb.sql(f"select * from read_json_auto('{path}')")
    return {name: str(kind) for name, kind in zip(relation.columns, relation.types)}


@pytest.mark.parametrize("which", ["mixed", "timeline", "extract"])
def test_duckdb_reads_every_date_as_a_struct(output, which):
    types = _duckdb_types(output[which])
    assert types["date"].startswith("STRUCT(") and "value VARCHAR" in types["date"].replace('"value"', "value")
    assert not [c for c, t in types.items() if "TIMESTAMP" in t]  # nothing is read as a datetime
    # DuckDB reads full days (start_date, end_date, reference_date: always YYYY-MM-DD) as DATE, which loses nothing
    assert not [c for c, t in types.items() if t.startswith("DATE") and not c.endswith("_date")]


def test_duckdb_reads_offsets_as_integers_and_ids_as_strings(output):
    types = _duckdb_types(output["mixed"])
    assert types["start"] in ("BIGINT", "INTEGER", "UBIGINT") and types["end"] in ("BIGINT", "INTEGER", "UBIGINT")
    assert types["doc_id"] == "VARCHAR" and types["type"] == "VARCHAR"
    for entity in ("organization", "member"):
        assert "id VARCHAR" in types[entity].replace('"id"', "id")
    assert types["members"] == "VARCHAR[]"
    rows = duckdb.sql(f"select date.value as v from read_json_auto('{output['mixed']}') where type = 'count'").fetchall()
    assert {"1973", "2020-01"} <= {v for (v,) in rows}
