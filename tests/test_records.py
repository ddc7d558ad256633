"""Invariants of the records: schema, offsets, determinism."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ROOT
from extractor.records import json_schema_text, parse_line, to_json_line

FIXTURE = ROOT / "fixtures" / "sco_article.txt"


def test_records_checked_in_schema_is_current():
    checked_in = (ROOT / "schema" / "record.schema.json").read_text()
    assert checked_in == json_schema_text(), "schema/record.schema.json is stale: run `make golden` and review"


def _offsets_hold(text: str, records) -> None:
    for r in records:
        if hasattr(r, "start") and hasattr(r, "text") and r.type != "document":
            assert text[r.start:r.end] == r.text
        for proof in [getattr(r, "evidence", None), *getattr(r, "mentions", [])]:
            if proof is not None:
                assert text[proof.start:proof.end] == proof.text
        date = getattr(r, "date", None)
        if date is not None:
            assert text[date.start:date.end] == date.text


def test_records_offsets_index_the_original_text(run):
    text = FIXTURE.read_text(encoding="utf-8")
    _offsets_hold(text, run(text, published=None))


def test_records_round_trip_through_json(run):
    for record in run(FIXTURE.read_text(encoding="utf-8"), published=None):
        assert parse_line(to_json_line(record)) == record


def test_records_same_input_same_output(run):
    text = FIXTURE.read_text(encoding="utf-8")
    assert [to_json_line(r) for r in run(text)] == [to_json_line(r) for r in run(text)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_records_arbitrary_text_never_breaks_the_invariants(run, text):
    records = run(text, published=None)
    assert records[0].type in ("document", "error")  # control-heavy text reads as binary
    for r in records:
        parse_line(to_json_line(r))
    _offsets_hold(text, records)


def test_records_error_kinds_are_a_closed_set():
    import pytest
    from pydantic import ValidationError

    from extractor.records import Error

    assert Error(doc_id="a", source="a", error="NotFound", message="m").error == "NotFound"
    with pytest.raises(ValidationError):
        Error(doc_id="a", source="a", error="SomethingElse", message="m")


def test_records_every_warning_code_and_error_kind_is_documented_in_the_readme():
    from conftest import ROOT
    from extractor.errors import ERROR_KINDS, WARNINGS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in (*WARNINGS, *ERROR_KINDS) if f"`{name}`" not in readme]
    assert not missing, f"README.md does not document {missing}"


def test_records_warning_messages_fill_every_placeholder():
    import string

    from extractor.errors import WARNINGS
    from extractor.records import DocumentWarning

    for code, template in WARNINGS.items():
        names = {field for _, field, _, _ in string.Formatter().parse(template) if field}
        warning = DocumentWarning.of(code, **{name: 1000 for name in names})
        assert warning.code == code and "{" not in warning.message
