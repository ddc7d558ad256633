"""Invariants of the records: schema, offsets, determinism."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ROOT
from extractor.core.records import json_schema_text, parse_line, to_json_line

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

    from extractor.core.records import Error

    assert Error(doc_id="a", source="a", error="NotFound", message="m").error == "NotFound"
    with pytest.raises(ValidationError):
        Error(doc_id="a", source="a", error="SomethingElse", message="m")


def test_records_every_warning_code_and_error_kind_is_documented_in_the_readme():
    from conftest import ROOT
    from extractor.core.errors import ERROR_KINDS, WARNINGS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in (*WARNINGS, *ERROR_KINDS) if f"`{name}`" not in readme]
    assert not missing, f"README.md does not document {missing}"


def test_records_warning_messages_fill_every_placeholder():
    import string

    from extractor.core.errors import WARNINGS
    from extractor.core.records import DocumentWarning

    for code, template in WARNINGS.items():
        names = {field for _, field, _, _ in string.Formatter().parse(template) if field}
        warning = DocumentWarning.of(code, **{name: 1000 for name in names})
        assert warning.code == code and "{" not in warning.message


# ---------------------------------------------------------------- participants, entities, enums

import pytest  # noqa: E402
from pydantic import ValidationError  # noqa: E402


@pytest.mark.parametrize("name, id_, kind", [
    ("Ukraine", "UKR", "country"),
    ("European Union", "EU", "organization"),
    ("Xi Jinping", None, "person"),
    ("Kurds", None, "group"),
    ("Apple", None, "body"),
    ("Moscow", None, "place"),
])
def test_records_participant_has_an_id_exactly_when_registered(name, id_, kind):
    from extractor.core.records import Participant

    assert Participant(name=name, id=id_, kind=kind).id == id_


@pytest.mark.parametrize("name, id_, kind", [
    ("Ukraine", None, "country"),  # a country needs its ISO code
    ("European Union", None, "organization"),
    ("Xi Jinping", "XI", "person"),  # a person has no registry id
    ("Apple", "AAPL", "body"),
    ("Xi Jinping", None, "leader"),  # not a participant kind
])
def test_records_participant_refuses_a_missing_or_invented_id(name, id_, kind):
    from extractor.core.records import Participant

    with pytest.raises(ValidationError):
        Participant(name=name, id=id_, kind=kind)


def test_records_schema_says_which_participants_have_an_id():
    from extractor.core.records import REGISTERED_KINDS, json_schema

    participant = json_schema()["$defs"]["Participant"]
    assert set(participant["if"]["properties"]["kind"]["enum"]) == set(REGISTERED_KINDS)
    assert participant["then"]["properties"]["id"] == {"type": "string"}
    assert participant["else"]["properties"]["id"] == {"type": "null"}


@pytest.mark.parametrize("id_, kind", [(None, "country"), ("UKR", "person")])
def test_records_membership_entities_keep_a_registered_id(id_, kind):
    from extractor.core.records import Entity

    with pytest.raises(ValidationError):
        Entity(name="Ukraine", id=id_, kind=kind)


def _enums():
    """(README row, definition, field, its Literal) of every closed set of values a model names."""
    from extractor.core import records as r

    return [
        ("figure kind", "Figure", "kind", r.FigureKind),
        ("event kind", "Event", "kind", r.EventKind),
        ("entity kind", "Entity", "kind", r.EntityKind),
        ("participant kind", "Participant", "kind", r.ParticipantKind),
        ("membership action", "Membership", "action", r.MembershipAction),
        ("membership status", "Membership", "status", r.MembershipStatus),
        ("event status", "Event", "status", r.EventStatus),
        ("timeline status", "Interval", "status", r.TimelineStatus),
        ("timex type", "Timex", "timex_type", r.TimexType),
        ("figure qualifier", "Figure", "qualifier", r.Qualifier),
    ]


README_ROWS = [(label, definition, field) for label, definition, field, _ in _enums()] + [
    ("count status", "Count", "status"), ("check status", "Check", "status"), ("check result", "Check", "result"),
]


def _enum_values(schema: dict) -> set[str]:
    found = set(schema.get("enum", []))
    for option in schema.get("anyOf", []):
        found |= set(option.get("enum", []))
    return found


@pytest.mark.parametrize("label, definition, field, literal", _enums(), ids=[e[0] for e in _enums()])
def test_records_schema_lists_every_value_of_each_closed_set(label, definition, field, literal):
    from typing import get_args

    from extractor.core.records import json_schema

    schema = json_schema()["$defs"][definition]["properties"][field]
    assert _enum_values(schema) == set(get_args(literal)), f"{definition}.{field} ({label}) is not a closed set in the schema"


@pytest.mark.parametrize("label, definition, field", README_ROWS, ids=[row[0] for row in README_ROWS])
def test_records_readme_record_fields_lists_each_closed_set(label, definition, field):
    from extractor.core.records import json_schema

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Record fields"):]
    section = section[:section.index("\n## ", 1)]
    row = next((line for line in section.splitlines() if line.startswith(f"| {label} |")), None)
    assert row is not None, f"README.md's Record fields table has no row '{label}'"
    listed = set(row.split("|")[3].replace("`", "").replace(",", " ").split())
    assert listed == _enum_values(json_schema()["$defs"][definition]["properties"][field])


# ---------------------------------------------------------------- document counts

@pytest.mark.parametrize("text, timexes", [
    ("Finland joined NATO in April 2023 and Sweden followed on 7 March 2024.", 2),
    ("The summit took place last Friday.", 1),
    ("Nothing here is dated.", 0),
])
def test_records_document_counts_timex_with_or_without_include_timex(text, timexes):
    import json

    from conftest import cli

    for include in ([], ["--include", "timex"]):
        lines = [json.loads(line) for line in cli("extract", "-", "--published", "2025-07-25", *include,
                                                  stdin=text.encode()).stdout.decode().splitlines()]
        head, rest = lines[0], lines[1:]
        assert head["counts"]["timex"] == timexes
        assert sum(1 for r in rest if r["type"] == "timex") == (timexes if include else 0)
        assert head["lines"] == len(rest)
        assert {t: n for t, n in head["counts"].items() if t != "timex"} == {
            t: sum(1 for r in rest if r["type"] == t) for t in ("figure", "membership", "event")}
