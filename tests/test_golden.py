"""The golden fixture: the source article, run through the CLI, compared record by record.

After an intended change: `make golden`, then review `git diff fixtures/` line by line.
"""

from __future__ import annotations

import difflib
import json
import subprocess
import sys

import pytest

from conftest import ROOT

ARTICLE = ROOT / "fixtures" / "sco_article.txt"
EXPECTED = ROOT / "fixtures" / "sco_article.expected.jsonl"


@pytest.fixture(scope="module")
def produced() -> list[dict]:
    result = subprocess.run([sys.executable, "-m", "extractor", "extract", "fixtures/sco_article.txt"],
                            capture_output=True, cwd=ROOT, check=True)
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def _readable(records: list[dict]) -> list[str]:
    return [json.dumps(r, sort_keys=True, ensure_ascii=False) for r in records]


def test_golden_whole_record_set_matches(produced):
    expected = [json.loads(line) for line in EXPECTED.read_text(encoding="utf-8").splitlines()]
    if produced != expected:
        diff = "\n".join(difflib.unified_diff(_readable(expected), _readable(produced), "expected", "produced", lineterm=""))
        pytest.fail("the fixture's records changed (if intended: `make golden` and review):\n" + diff)


def _of(records, kind):
    return [r for r in records if r["type"] == kind]


def test_golden_memberships(produced):
    found = {(m["member"]["id"], m["action"], m["date"]["value"] if m["date"] else None, m["ordinal"])
             for m in _of(produced, "membership") if m["organization"]["id"] == "SCO"}
    assert found == {
        ("CHN", "found", "2001", None), ("KAZ", "found", "2001", None), ("KGZ", "found", "2001", None),
        ("RUS", "found", "2001", None), ("TJK", "found", "2001", None), ("UZB", "found", "2001", None),
        ("IND", "join", "2017", None), ("PAK", "join", "2017", None), ("IRN", "join", "2023", None),
        ("BLR", "join", "2024", 10),
    }


@pytest.mark.parametrize("kind, value, location, status", [
    ("summit", "2024", "Astana", "past"),
    ("summit", "2025-FA", "Tianjin", "scheduled"),
    ("founding", "2001", "Shanghai", "past"),
    ("meeting", "2023", None, "past"),
    ("summit", "2025-07-25", "Zhengzhou", "past"),
    ("forum", "2025-07-07", "Tianjin", "past"),
    ("presidency", "2024-07", None, "past"),
    ("briefing", "2025-07", None, "past"),
])
def test_golden_events(produced, kind, value, location, status):
    events = [(e["kind"], e["date"]["value"], e["location"], e["status"]) for e in _of(produced, "event")]
    assert (kind, value, location, status) in events


def test_golden_figures(produced):
    figures = [(f["text"], f["value"], f["kind"], f["unit"], f["qualifier"]) for f in _of(produced, "figure")]
    for expected in [
        ("$890 billion", 890e9, "money", "USD", None), ("14.4 percent", 14.4, "percent", "percent", "approx"),
        ("60 percent", 60.0, "percent", "percent", "over"), ("10", 10.0, "count", "member", None),
        ("two", 2.0, "count", "observer country", None), ("14", 14.0, "count", "dialogue partner", None),
        ("six", 6.0, "count", "member", None), ("nine", 9.0, "count", "member state", None),
        ("100", 100.0, "count", "event", "over"), ("23rd", 23.0, "ordinal", "meeting", None),
        ("10th", 10.0, "ordinal", "member state", None),
    ]:
        assert expected in figures
    assert [f for f in figures if f[0] == "half"] == [("half", 0.5, "fraction", None, "nearly")] * 2
    money = next(f for f in _of(produced, "figure") if f["kind"] == "money")
    assert money["date"]["value"] == "2024"


def test_golden_nothing_from_boilerplate(produced):
    text = ARTICLE.read_text(encoding="utf-8")
    first_body_line = text.index("City view")
    for r in produced[1:]:
        start = r.get("start", r.get("evidence", {}).get("start"))
        assert start >= first_body_line, r


def test_golden_reference_date_inferred_from_captions(produced):
    head = produced[0]
    assert (head["reference_date"], head["reference_date_source"]) == ("2025-07-25", "inferred")
