"""Timelines across documents: records extracted from sentences written here, consolidated."""

from __future__ import annotations

import calendar
import json
import random
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from extractor.consolidation import timeline
from extractor.core.records import Check, Conflict, DateRef, Entity, Evidence, Interval, Membership, parse_line, to_json_line
from extractor.inputs.sources import decode_document
from conftest import cli


@pytest.fixture(scope="module")
def extract(engine):
    def _extract(*docs: tuple[str, str, str]) -> list:
        records = []
        for doc_id, published, text in docs:
            records += engine.extract(decode_document(doc_id, doc_id, text.encode("utf-8"), published))
        return records
    return _extract


def _intervals(t: timeline.Timeline, member: str) -> list[tuple]:
    return [(i.status, i.from_.value, i.to.value if i.to else None) for i in t.intervals if i.member.id == member]


def test_timeline_repeated_reports_are_one_change_with_all_sources(extract):
    t = timeline.build(extract(
        ("d1", "2008-01-10", "Vietnam joined the World Trade Organization in 2007, after years of talks."),
        ("d2", "2009-05-02", "Vietnam became a member of the WTO in January 2007."),
    ))
    [interval] = [i for i in t.intervals if i.member.id == "VNM"]
    assert (interval.status, interval.from_.value, interval.to) == ("member", "2007-01", None)
    assert {s.doc_id for s in interval.from_.sources} == {"d1", "d2"}
    assert t.conflicts == []


def test_timeline_documents_that_disagree_on_a_date_give_a_conflict(extract):
    t = timeline.build(extract(
        ("d1", "2008-01-10", "Vietnam joined the World Trade Organization in 2007."),
        ("d2", "2008-03-01", "Vietnam joined the WTO in 2006."),
    ))
    [conflict] = t.conflicts
    assert conflict.member.id == "VNM" and conflict.about == "date of join"
    assert [(s.value, [c.doc_id for c in s.sources]) for s in conflict.sides] == [("2006", ["d2"]), ("2007", ["d1"])]
    assert all(i.from_.alternatives for i in t.intervals if i.member.id == "VNM")


def test_timeline_a_withdrawal_closes_the_membership(extract):
    t = timeline.build(extract(
        ("d1", "1990-01-01", "Greenland joined the European Economic Community in 1973 as part of Denmark."),
        ("d2", "1990-01-01", "Greenland formally withdrew from the European Economic Community in 1985."),
    ))
    assert _intervals(t, "GRL") == [("member", "1973", "1985"), ("left", "1985", None)]


def test_timeline_suspension_and_readmission(extract):
    t = timeline.build(extract(
        ("d1", "2013-01-01", "Mali's membership of the African Union was suspended in March 2012 after the coup."),
        ("d2", "2014-01-01", "Mali was readmitted to the African Union in October 2012."),
    ))
    assert _intervals(t, "MLI") == [("suspended", "2012-03", "2012-10"), ("member", "2012-10", None)]


def test_timeline_an_observer_who_later_becomes_a_member(extract):
    t = timeline.build(extract(
        ("d1", "2023-01-01", "Timor-Leste was granted observer status in ASEAN in November 2022."),
        ("d2", "2025-11-01", "Timor-Leste became a full member of ASEAN in October 2025."),
    ))
    assert _intervals(t, "TLS") == [("observer", "2022-11", "2025-10"), ("member", "2025-10", None)]


UNION = [
    ("u1", "2016-02-01", "The Eurasian Economic Union was founded by Russia, Belarus and Kazakhstan in January 2015. "
                         "Armenia joined the union in January 2015, and Kyrgyzstan joined the bloc in August 2015."),
]


def _checks(t: timeline.Timeline) -> list[tuple]:
    return [(c.stated, c.reconstructed, c.result) for c in t.checks]


def test_timeline_counts_and_ordinals_that_agree(extract):
    t = timeline.build(extract(*UNION, (
        "u2", "2016-03-01", "Kyrgyzstan became the fifth member of the Eurasian Economic Union in August 2015. "
                            "The Eurasian Economic Union had five member states in 2016.")))
    assert _checks(t) == [(5, 5, "consistent"), (5, 5, "consistent")]
    counts = {(c.date.value, c.number) for c in t.counts if c.status == "member"}
    assert {("2015-01", 4), ("2015-08", 5)} <= counts


def test_timeline_counts_and_ordinals_that_contradict(extract):
    t = timeline.build(extract(*UNION, (
        "u3", "2016-03-01", "Armenia became the sixth member of the Eurasian Economic Union in January 2015. "
                            "The Eurasian Economic Union had seven member states in 2016.")))
    assert sorted(_checks(t)) == [(6, 4, "contradiction"), (7, 5, "contradiction")]
    assert all(c.evidence.doc_id == "u3" for c in t.checks)


def test_timeline_without_founding_members_a_count_is_unverifiable(extract):
    t = timeline.build(extract(
        ("n1", "2024-04-04", "Finland joined NATO in April 2023, becoming its 31st member. Sweden joined NATO in March 2024."),
        ("n2", "2024-04-05", "NATO has 32 member countries today."),
    ))
    assert {(c.stated, c.result) for c in t.checks} == {(31, "unverifiable"), (32, "unverifiable")}
    assert all("founding" in c.reason for c in t.checks)


def test_timeline_is_the_same_for_records_in_any_order(extract):
    records = extract(*UNION, ("d1", "2008-01-10", "Vietnam joined the WTO in 2007."),
                      ("d2", "2008-01-10", "Vietnam joined the WTO in 2006."))
    first = [to_json_line(r) for r in timeline.build(records).records()]
    shuffled = records[:]
    random.Random(7).shuffle(shuffled)
    assert [to_json_line(r) for r in timeline.build(shuffled).records()] == first


def test_timeline_source_article_end_to_end(tmp_path):
    records = tmp_path / "sco.jsonl"
    assert cli("extract", "fixtures/sco_article.txt", "-o", str(records), "-q").returncode == 0
    lines = [parse_line(line) for line in cli("timeline", str(records), text=True).stdout.splitlines()]
    intervals = [r for r in lines if isinstance(r, Interval)]
    assert len(intervals) == 10 and sum(i.status == "founding_member" for i in intervals) == 6
    checks = {(c.stated, c.status, c.date.value if c.date else None): c.result for c in lines if isinstance(c, Check)}
    assert checks[(9, "member", "2023")] == "consistent"     # "bringing the total ... to nine", after Iran
    assert checks[(10, "member", "2024")] == "consistent"    # "the 10th member state", Belarus
    assert checks[(10, "member", "2025-07-25")] == "consistent"  # "10 full members" today: 6 + 2 + 1 + 1
    assert checks[(2, "observer", "2025-07-25")] == "unverifiable"
    assert not [r for r in lines if isinstance(r, Conflict)]
    markdown = cli("timeline", str(records), "--format", "md", text=True).stdout
    assert "| Belarus (BLR) | member | 2024 |" in markdown and "**consistent**" in markdown
    drawing = cli("timeline", str(records), "--format", "svg", text=True).stdout
    assert drawing.startswith("<svg") and drawing.count("<rect") >= 10 and "Belarus" in drawing


ERROR_LINE = json.dumps({"type": "error", "doc_id": "x", "source": "x", "error": "NotFound", "message": "m"}) + "\n"


def test_timeline_counts_lines_that_are_not_records(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"type":"nonsense"}\n\n' + ERROR_LINE + "not json\n")
    records, reads = timeline.read_records([str(path)])
    [read] = reads
    assert len(records) == 1 and read.records == 1 and [n for n, _ in read.skipped] == [1, 4]
    assert read.problem().startswith(f"{path}: 2 lines were not records; skipped (the first, line 1:")


def test_timeline_a_count_after_grown_from_is_the_starting_count(extract):
    t = timeline.build(extract(*UNION, (
        "u4", "2016-03-01", "The Eurasian Economic Union has grown from three members into a bloc of five member states.")))
    assert sorted((c.stated, c.date.value, c.result) for c in t.checks) == [(3, "2015-01", "consistent"), (5, "2016-03-01", "consistent")]


# ---------------------------------------------------------------- disagreeing dates (records written by hand)


def _range(value: str) -> tuple[str, str]:
    """The first and last day of a YYYY, YYYY-MM or YYYY-MM-DD value."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return value, value
    if len(parts) == 2:
        return f"{value}-01", f"{value}-{calendar.monthrange(*parts)[1]:02d}"
    return f"{value}-01-01", f"{value}-12-31"


WORDS = {"join": "joined", "leave": "left", "found": "founded", "apply": "applied to join", "suspend": "was suspended from"}
MEMBERS = {"IRN": "Iran", "BLR": "Belarus", "IND": "India", "MNG": "Mongolia", "LAO": "Laos", "TLS": "Timor-Leste"}
ORGANIZATIONS = {"SCO": "Shanghai Cooperation Organisation", "ASEAN": "Association of Southeast Asian Nations"}


def _report(doc_id: str, action: str, value: str | None, member: str = "IRN", status: str | None = None,
            org: str = "SCO") -> Membership:
    """A membership record as `extract` writes it, for a sentence like "Iran joined the SCO in 2023."."""
    sentence = f"{MEMBERS[member]} {WORDS[action]} the {org}" + (f" in {value}." if value else ".")
    when = None
    if value:
        first, last = _range(value)
        at = sentence.index(value)
        when = DateRef(text=value, value=value, start_date=first, end_date=last, start=at, end=at + len(value))
    return Membership(doc_id=doc_id, organization=Entity(name=ORGANIZATIONS[org], id=org, kind="organization"),
                      member=Entity(name=MEMBERS[member], id=member, kind="country"), action=action,
                      status="founding_member" if action == "found" else status, date=when, ordinal=None,
                      trigger=WORDS[action], evidence=Evidence(text=sentence, start=0, end=len(sentence)))


def _shape(t: timeline.Timeline) -> tuple[list, list]:
    """(intervals as (status, from, its alternatives, to), conflicts as (about, [(date, [doc ids])]))."""
    intervals = [(i.status, i.from_.value, [a.value for a in i.from_.alternatives], i.to.value if i.to else None)
                 for i in t.intervals]
    conflicts = [(c.about, [(s.value, sorted({x.doc_id for x in s.sources})) for s in c.sides]) for c in t.conflicts]
    return intervals, conflicts


@pytest.mark.parametrize("reports, intervals, conflicts", [
    pytest.param([("d1", "join", "2022-09"), ("d2", "join", "2023-07")],
                 [("member", "2022-09", ["2023-07"], None)],
                 [("date of join", [("2022-09", ["d1"]), ("2023-07", ["d2"])])], id="join-two-dates"),
    pytest.param([("d1", "join", "2001"), ("d1", "leave", "2018"), ("d2", "leave", "2019")],
                 [("member", "2001", [], "2018"), ("left", "2018", ["2019"], None)],
                 [("date of leave", [("2018", ["d1"]), ("2019", ["d2"])])], id="leave-two-dates"),
    pytest.param([("d1", "found", "2001"), ("d2", "found", "2002")],
                 [("founding_member", "2001", ["2002"], None)],
                 [("date of founding", [("2001", ["d1"]), ("2002", ["d2"])])], id="founding-two-dates"),
    pytest.param([("d1", "join", "2023"), ("d2", "join", "2021"), ("d3", "join", "2022")],
                 [("member", "2021", ["2022", "2023"], None)],
                 [("date of join", [("2021", ["d2"]), ("2022", ["d3"]), ("2023", ["d1"])])], id="three-sources"),
    pytest.param([("d1", "join", "2023-07"), ("d2", "join", "2023-03")],
                 [("member", "2023-03", ["2023-07"], None)],
                 [("date of join", [("2023-03", ["d2"]), ("2023-07", ["d1"])])], id="same-year-other-month"),
    pytest.param([("d1", "join", "2023-02"), ("d2", "join", "2022-12")],
                 [("member", "2022-12", ["2023-02"], None)],
                 [("date of join", [("2022-12", ["d2"]), ("2023-02", ["d1"])])], id="a-short-month-is-not-more-precise"),
    pytest.param([("d1", "join", "2022"), ("d2", "join", "2023-07")],
                 [("member", "2023-07", ["2022"], None)],
                 [("date of join", [("2022", ["d1"]), ("2023-07", ["d2"])])], id="the-more-precise-date-wins"),
    pytest.param([("d1", "join", "2023-07"), ("d2", "join", "2023-07-04"), ("d3", "join", "2022")],
                 [("member", "2023-07-04", ["2022"], None)],
                 [("date of join", [("2022", ["d3"]), ("2023-07-04", ["d1", "d2"])])], id="agreeing-dates-are-one-side"),
    pytest.param([("d1", "join", "2023-07"), ("d2", "join", None)],
                 [("member", "2023-07", [], None)], [], id="a-date-and-no-date-is-no-conflict"),
    pytest.param([("d1", "join", "1990"), ("d1", "leave", "2000"), ("d2", "join", "2010")],
                 [("member", "1990", [], "2000"), ("left", "2000", [], "2010"), ("member", "2010", [], None)],
                 [], id="leave-and-rejoin-is-two-intervals"),
    pytest.param([("d1", "join", "1990"), ("d1", "leave", "2000"), ("d2", "join", "2010"), ("d3", "join", "2011")],
                 [("member", "1990", [], "2000"), ("left", "2000", [], "2010"), ("member", "2010", ["2011"], None)],
                 [("date of join", [("2010", ["d2"]), ("2011", ["d3"])])], id="rejoin-with-two-dates"),
])
def test_timeline_disagreeing_dates_are_one_change_not_an_end(reports, intervals, conflicts):
    t = timeline.build([_report(*r) for r in reports])
    assert _shape(t) == (intervals, conflicts)


def test_timeline_a_conflicting_boundary_keeps_each_date_with_its_sources():
    t = timeline.build([_report("d1", "join", "2022-09"), _report("d2", "join", "2023-07"), _report("d3", "join", None)])
    [interval] = t.intervals
    assert (interval.from_.start_date, interval.from_.end_date) == ("2022-09-01", "2022-09-30")
    assert sorted(s.doc_id for s in interval.from_.sources) == ["d1", "d3"]  # the date's sources and the undated one
    [other] = interval.from_.alternatives
    assert (other.value, other.start_date, other.end_date, [s.doc_id for s in other.sources]) == (
        "2023-07", "2023-07-01", "2023-07-31", ["d2"])
    assert {s.doc_id for s in interval.sources} == {"d1", "d2", "d3"}
    assert [c.number for c in t.counts if c.date.value == "2022-09"] == [1]  # counted from its date, not ended at the other


def test_timeline_conflicts_are_the_same_for_reports_in_any_order():
    reports = [_report(d, "join", v) for d, v in [("d1", "2023"), ("d2", "2021"), ("d3", "2022-05"), ("d4", None)]]
    first = [to_json_line(r) for r in timeline.build(reports).records()]
    for seed in range(5):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert [to_json_line(r) for r in timeline.build(shuffled).records()] == first


# ---------------------------------------------------------------- files that are not records


@pytest.mark.parametrize("name, content", [
    pytest.param("article.txt", "Iran joined the SCO in 2023.\nIt was the ninth member.\nMore followed.\n".encode(), id="an-article"),
    pytest.param("empty.jsonl", b"", id="empty"),
    pytest.param("blank.jsonl", b"\n\n  \n", id="blank-lines"),
    pytest.param("other.jsonl", b'{"id": 1}\n{"id": 2}\n', id="json-of-something-else"),
    pytest.param("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\xff\xfe", id="binary"),
])
def test_timeline_a_file_with_no_records_is_an_error(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    result = cli("timeline", str(path), text=True)
    assert result.returncode == 1 and result.stdout == ""
    [message] = result.stderr.splitlines()
    assert message.startswith(str(path)) and "pass the JSON Lines `extractor extract` wrote" in message
    assert "Traceback" not in result.stderr


def _records_file(path, *extra: str):
    path.write_text("".join(to_json_line(_report(d, "join", v)) + "\n" for d, v in [("d1", "2023-07"), ("d2", None)])
                    + "".join(extra), encoding="utf-8")
    return path


@pytest.mark.parametrize("bad_lines, message", [
    pytest.param([], None, id="all-records"),
    pytest.param(["not json\n"], "1 line was not a record; skipped", id="one-bad-line"),
    pytest.param(["not json\n", '{"type": "nonsense"}\n', "Iran joined.\n"], "3 lines were not records; skipped",
                 id="three-bad-lines"),
])
def test_timeline_bad_lines_are_counted_in_one_message(tmp_path, bad_lines, message):
    result = cli("timeline", str(_records_file(tmp_path / "r.jsonl", *bad_lines)), text=True)
    assert result.returncode == 0 and [parse_line(line).type for line in result.stdout.splitlines()][0] == "interval"
    lines = result.stderr.splitlines()
    assert len(lines) == (0 if message is None else 1)  # one line for the file, never one per bad line
    assert message is None or message in lines[0]


def test_timeline_a_file_without_records_beside_good_ones_exits_1_after_the_timeline(tmp_path):
    good = _records_file(tmp_path / "r.jsonl")
    article = tmp_path / "article.txt"
    article.write_text("Iran joined the SCO in 2023.\n")
    result = cli("timeline", str(good), str(article), text=True)
    assert result.returncode == 1 and result.stdout.startswith('{"type":"interval"')
    assert result.stderr.splitlines() == [f"{article} holds no extractor records: pass the JSON Lines `extractor extract` wrote"]


# ---------------------------------------------------------------- the drawing

SVG = "{http://www.w3.org/2000/svg}"
CHAR_WIDTH = 7.0  # a generous width of one character of 12px sans-serif


@pytest.fixture(scope="module")
def drawing() -> tuple[timeline.Timeline, ET.Element]:
    t = timeline.build([
        _report("d1", "found", "2001", "IND"), _report("d1", "join", "2022-09-15"), _report("d2", "join", "2023-07"),
        _report("d3", "join", "2015", "MNG", status="observer"), _report("d3", "apply", "2019", "BLR"),
        _report("d4", "join", None, "LAO", org="ASEAN"), _report("d4", "suspend", "2020-03", "LAO", org="ASEAN"),
        _report("d5", "join", "2002", "TLS", org="ASEAN"), _report("d5", "leave", "2012-06", "TLS", org="ASEAN"),
    ])
    return t, ET.fromstring(timeline.svg(t))


def test_timeline_svg_has_a_title_naming_the_organizations(drawing):
    _, root = drawing
    title = root.find(f"{SVG}title").text
    shown = next(e for e in root.iter(f"{SVG}text") if e.get("class") == "title").text
    assert title == shown and "Shanghai Cooperation Organization (SCO)" in title
    assert "Association of Southeast Asian Nations (ASEAN)" in title


def _legend_boxes(root: ET.Element) -> list[tuple[str, float, float, float]]:
    """(kind, left, right, y) of each legend entry: its swatch and its label at CHAR_WIDTH a character."""
    boxes = []
    for entry in (g for g in root.iter(f"{SVG}g") if g.get("class") == "legend-entry"):
        label = entry.find(f"{SVG}text")
        left = min(_left_of(e) for e in entry)
        boxes.append((entry.get("data-kind"), left, float(label.get("x")) + len(label.text) * CHAR_WIDTH, float(label.get("y"))))
    return boxes


def _left_of(element: ET.Element) -> float:
    """The left edge of a rect or a text, or of a marker's triangle (its tip's x less half its width)."""
    if element.tag == f"{SVG}path":
        return _tip_x(element) - 5
    return float(element.get("x"))


def _tip_x(path: ET.Element) -> float:
    """The x of a marker triangle's tip: its path starts there ("Mx,y ...")."""
    return float(path.get("d")[1:].split(",")[0])


def test_timeline_svg_legend_entries_do_not_overlap(drawing):
    _, root = drawing
    boxes = _legend_boxes(root)
    assert len(boxes) >= 8
    for n, (_, left, right, y) in enumerate(boxes):
        assert 0 <= left and right <= float(root.get("width")) and y <= float(root.get("height"))
        for _, left2, right2, y2 in boxes[n + 1:]:
            assert y != y2 or right < left2 or right2 < left, (boxes[n], (left2, right2, y2))


def _x_of(root: ET.Element, day: str) -> float:
    """Where a day lies on the drawing's axis, read from two of its year lines."""
    years = {int(e.get("data-year")): float(e.get("x1")) for e in root.iter(f"{SVG}line") if e.get("class") == "year"}
    (a, xa), (b, xb) = sorted(years.items())[:2]
    d = date.fromisoformat(day)
    fraction = (d - date(d.year, 1, 1)).days / (date(d.year + 1, 1, 1) - date(d.year, 1, 1)).days
    return xa + (xb - xa) / (b - a) * (d.year + fraction - a)


def test_timeline_svg_conflict_markers_sit_on_their_dates(drawing):
    t, root = drawing
    tips = sorted(_tip_x(e) for e in root.iter(f"{SVG}path") if e.get("class") == "marker")
    [conflict] = t.conflicts
    assert [s.start_date for s in conflict.sides] == ["2022-09-15", "2023-07-01"]
    assert tips == pytest.approx([_x_of(root, "2022-09-15"), _x_of(root, "2023-07-01")], abs=0.11)
    assert tips[0] > _x_of(root, "2022-09-01") + 1  # the day counts, not only the month


def test_timeline_svg_has_a_legend_entry_for_every_status_and_marker_drawn(drawing):
    t, root = drawing
    legend = {kind for kind, *_ in _legend_boxes(root)}
    markers = {e.get("data-kind") for e in root.iter() if e.get("data-kind") and e.get("class") != "legend-entry"}
    assert markers == {"conflict", "undated"}
    assert {i.status for i in t.intervals} | markers == legend


@pytest.mark.parametrize("sentence", [
    "Nine of the 27 member states of the European Union objected on 3 May 2024.",
    "9 of the 27 member states of the European Union objected on 3 May 2024.",
    "Twelve out of 27 members of the European Union objected on 3 May 2024.",
])
def test_timeline_a_part_of_a_whole_is_no_count_to_check(sentence, tmp_path):
    from extractor.core.pipeline import Extractor
    from extractor.inputs.sources import RawDocument
    from extractor.consolidation import timeline as tl

    records = Extractor().extract(RawDocument("a", "a", sentence, "0" * 64, "utf-8"))
    checks = [c for c in tl.build(records).records() if c.type == "check"]
    assert all(c.stated not in (9, 12) for c in checks)
