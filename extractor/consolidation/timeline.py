"""Membership timelines across documents, and checks of the articles' own numbers against them.

A pure function of the records: `build(records)` gives the same timeline for the same records
in any order, so it runs after the CLI or after a Spark job alike.

1. Changes: every membership record is one report of a change (organization, member, what
   happened). Reports of the same change whose dates agree (one contains the other: "2023" and
   "July 2023", or one has none) are one change with all their sources; dates that do not agree
   stay apart and give a `conflict` record, never a silent choice.
2. Intervals: per organization and member, the changes in date order open and close status
   intervals (applicant, candidate, observer, member, founding member, suspended, left).
3. Counts: how many members of each status the organization had at the end of every date the
   records name, and which members are known to have had that status at some undated time.
4. Checks: count figures whose counted noun is a membership status ("nine member states",
   "two observer countries") and membership ordinals ("the 10th member") are compared with the
   count at their date: consistent, contradiction, or unverifiable when the timeline lacks the
   members to say.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Iterable

from pydantic import ValidationError

from extractor.core.records import Boundary, Check, Citation, Conflict, ConflictSide, Count, DateRef, DateValue, Document, Entity, Figure, Interval, Membership, parse_line
from extractor.language.lexicon import read_tsv
from extractor.nlp.entities import organizations, organizations_in

ACTION_RANK = {"apply": 0, "found": 1, "join": 1, "suspend": 2, "readmit": 3, "leave": 4, "expel": 4}
# What ends the state a change starts: such a change between two dates of a change makes them two.
UNDOES = {"apply": {"join", "leave", "expel"}, "join": {"leave", "expel", "suspend"}, "found": {"leave", "expel", "suspend"},
          "readmit": {"leave", "expel", "suspend"}, "suspend": {"readmit", "join"}, "leave": {"join", "readmit"},
          "expel": {"join", "readmit"}}
COUNTED = ("member", "observer", "dialogue_partner", "candidate", "associate", "suspended")


@dataclass
class Change:
    """One change, as one or more documents report it: `dates` are the clusters of reports whose
    dates agree, the first the one the change is dated by; more than one is a conflict."""

    organization: Entity
    member: Entity
    action: str
    status: str | None
    dates: list[list[Membership]]
    undated: list[Membership] = field(default_factory=list)

    @property
    def reports(self) -> list[Membership]:
        """Every report of the change, dated or not, in report order."""
        return sorted([r for cluster in self.dates for r in cluster] + self.undated, key=_report_order)

    @property
    def best(self) -> Membership | None:
        """The most precise report of the date the change is dated by (None: no report dates it)."""
        return _most_precise(self.dates[0]) if self.dates else None

    @property
    def start(self) -> str | None:
        best = self.best
        return _date_of(best).start_date if best else None

    def boundary(self) -> Boundary:
        """The change as an interval's boundary: its date, the other dates sources give, the sources."""
        best = self.best
        date_ = DateValue.of(_date_of(best)) if best else DateValue(value=None, start_date=None, end_date=None)
        own = (self.dates[0] if self.dates else []) + self.undated
        return Boundary(**date_.model_dump(), alternatives=self.sides()[1:], sources=citations(own))

    def sides(self) -> list[ConflictSide]:
        """Each date sources give, with its sources; the change's own date first."""
        return [ConflictSide(**DateValue.of(_date_of(_most_precise(c))).model_dump(), sources=citations(c)) for c in self.dates]


@dataclass
class Timeline:
    intervals: list[Interval]
    conflicts: list[Conflict]
    counts: list[Count]
    checks: list[Check]

    def records(self) -> list:
        """Every record, grouped by organization: intervals, conflicts, counts, checks."""
        out: list[Interval | Conflict | Count | Check] = []
        listed: list[Interval | Count | Check] = [*self.intervals, *self.counts, *self.checks]
        for org in sorted({r.organization.id for r in listed}):
            out += [r for r in self.intervals if r.organization.id == org]
            out += [r for r in self.conflicts if r.organization.id == org]
            out += [r for r in self.counts if r.organization.id == org]
            out += [r for r in self.checks if r.organization.id == org]
        return out


# ---------------------------------------------------------------- building


def build(records: Iterable) -> Timeline:
    """The timeline of every membership record in `records`, with counts and checks."""
    records = list(records)
    memberships = sorted((r for r in records if isinstance(r, Membership)), key=_report_order)
    documents = {r.doc_id: r for r in records if isinstance(r, Document)}
    changes, conflicts = consolidate(memberships)
    intervals = [i for key in sorted({(c.organization.id, c.member.id) for c in changes})
                 for i in intervals_of([c for c in changes if (c.organization.id, c.member.id) == key])]
    checks = [_judge(statement, intervals) for statement in _statements(records, memberships, documents)]
    counts = _counts(intervals, checks)
    return Timeline(intervals, conflicts, counts, sorted(checks, key=_check_order))


def _report_order(r: Membership) -> tuple:
    return (r.organization.id, r.member.id, r.doc_id, r.evidence.start, r.action)


def consolidate(memberships: list[Membership]) -> tuple[list[Change], list[Conflict]]:
    """Group reports into changes, and return them with a conflict for each change whose sources
    disagree on its date. Disagreeing dates of one change stay one change (dated by the most
    precise, then the earliest, date); two dates are two changes only when another change of the
    member lies between them (a leave between two joins: a rejoin)."""
    by_member: dict[tuple, dict[tuple, list[Membership]]] = defaultdict(lambda: defaultdict(list))
    for m in memberships:
        by_member[(m.organization.id, m.member.id)][_kind(m)].append(m)
    changes: list[Change] = []
    conflicts: list[Conflict] = []
    for _, kinds in sorted(by_member.items()):
        clusters = {kind: _agreeing_clusters([r for r in reports if _dated(r)]) for kind, reports in kinds.items()}
        for kind, reports in sorted(kinds.items()):
            others = [c for k, cs in clusters.items() if k[0] in UNDOES[kind[0]] for c in cs]
            undated = [r for r in reports if not _dated(r)]
            for n, run in enumerate(_separate_changes(clusters[kind], others) or [[]]):
                change = _change(kind, run, undated if n == 0 else [])
                changes.append(change)
                if len(run) > 1:
                    conflicts.append(Conflict(organization=change.organization, member=change.member,
                                              about=f"date of {_about(change)}",
                                              sides=sorted(change.sides(), key=lambda s: (s.start_date, s.end_date))))
    return changes, conflicts


def _agreeing_clusters(reports: list[Membership]) -> list[list[Membership]]:
    """Dated reports in clusters whose dates all agree (one range holds the other), in date order."""
    clusters: list[list[Membership]] = []
    for report in sorted(reports, key=lambda r: (_days(*_range_of(r)), _range_of(r)[0])):
        home = next((c for c in clusters if all(_agree(report, other) for other in c)), None)
        if home is None:
            clusters.append([report])
        else:
            home.append(report)
    return sorted(clusters, key=lambda c: _span(c))


def _separate_changes(clusters: list[list[Membership]], others: list[list[Membership]]) -> list[list[list[Membership]]]:
    """Runs of date clusters that are one change each: a new run starts where a cluster of a
    change that undoes this one (`others`) lies wholly between two dates (join, leave, join again)."""
    runs: list[list[list[Membership]]] = []
    for cluster in clusters:  # in date order
        if runs and not any(_span(runs[-1][-1])[1] < _span(o)[0] and _span(o)[1] < _span(cluster)[0] for o in others):
            runs[-1].append(cluster)
        else:
            runs.append([cluster])
    return runs


def _span(cluster: list[Membership]) -> tuple[str, str]:
    """The days the most precise date of a cluster covers: (first, last)."""
    return _range_of(_most_precise(cluster))


def _most_precise(reports: list[Membership]) -> Membership:
    """The report with the shortest date range (the earliest of equally short ones)."""
    return min(reports, key=lambda r: (_days(*_range_of(r)), _range_of(r)[0], _date_of(r).value or ""))


def _change(kind: tuple[str, str], dates: list[list[Membership]], undated: list[Membership]) -> Change:
    """One change from its date clusters (any order) and its undated reports: dated by the most
    precise cluster, the earliest of equally precise ones."""
    dates = sorted(dates, key=lambda c: (_precision(*_span(c)), _span(c)))
    first = (dates[0] + undated)[0] if dates else undated[0]
    reports = [r for c in dates for r in c] + undated
    founding = any(r.action == "found" or r.status == "founding_member" for r in reports)
    return Change(first.organization, first.member, kind[0], "founding_member" if founding else first.status,
                  [sorted(c, key=_report_order) for c in dates], sorted(undated, key=_report_order))


def _kind(m: Membership) -> tuple[str, str]:
    """What makes two reports the same change: founding and joining as a member are one."""
    action = "join" if m.action == "found" else m.action
    status = "member" if m.action == "found" or m.status in (None, "member", "founding_member") else m.status
    return action, status


def _group(status: str | None) -> str:
    return status if status is not None and status not in ("founding_member", "member") else "member"


def _about(change: Change) -> str:
    """What a conflict on the change's date is about: "founding", "join", "join as observer"."""
    if change.action == "join" and change.status == "founding_member":
        return "founding"
    status = _group(change.status)
    return change.action if status == "member" else f"{change.action} as {status.replace('_', ' ')}"


def _dated(m: Membership) -> bool:
    return m.date is not None and bool(m.date.start_date)


def _date_of(m: Membership) -> DateRef:
    """The date of a report that has one (a report of a date cluster, the best of a change)."""
    if m.date is None:
        raise ValueError(f"the membership of {m.member.id} in {m.organization.id} ({m.doc_id}) has no date")
    return m.date


def _range_of(m: Membership) -> tuple[str, str]:
    """(first day, last day) of a dated report's date (`_dated`)."""
    date_ = _date_of(m)
    if date_.start_date is None or date_.end_date is None:
        raise ValueError(f"the date {date_.value!r} of {m.member.id} in {m.organization.id} ({m.doc_id}) has no range")
    return date_.start_date, date_.end_date


def _agree(a: Membership, b: Membership) -> bool:
    """Two reports of one change agree on its date when either has none or one range holds the other."""
    if not _dated(a) or not _dated(b):
        return True
    (s1, e1), (s2, e2) = _range_of(a), _range_of(b)
    return (s1 <= s2 and e2 <= e1) or (s2 <= s1 and e1 <= e2)


PRECISIONS = (1, 7, 31, 92, 184, 366)  # the longest range of a day, a week, a month, a quarter, a half year, a year


def _precision(start: str, end: str) -> int:
    """How precise a date is, 0 for a day: the rank of the shortest unit its range fits (a
    February and a July are equally precise)."""
    days = _days(start, end) + 1
    return next((n for n, most in enumerate(PRECISIONS) if days <= most), len(PRECISIONS))


def _days(start: str, end: str) -> int:
    return (date.fromisoformat(end) - date.fromisoformat(start)).days


def intervals_of(changes: list[Change]) -> list[Interval]:
    """The status intervals of one member of one organization."""
    ordered = _in_order(changes)
    intervals: list[Interval] = []
    current: tuple[str, Change] | None = None
    for change in ordered:
        opens = _opens(change, current[0] if current else None)
        if opens is None:
            continue
        if current is not None:
            intervals.append(_interval(current, change))
        current = (opens, change)
    if current is not None:
        intervals.append(_interval(current, None))
    return intervals


def _opens(change: Change, current: str | None) -> str | None:
    """The status a change starts, given the one it ends; None when it changes nothing."""
    if change.action == "apply":
        return "applicant" if current in (None, "left") else None
    if change.action == "join":
        return change.status or "member"
    if change.action == "suspend":
        return "suspended"
    if change.action == "readmit":
        return "member"
    return "left"  # leave, expel


def _interval(opened: tuple[str, Change], closed_by: Change | None) -> Interval:
    status, change = opened
    sources = citations(change.reports + (closed_by.reports if closed_by else []))
    return Interval(organization=change.organization, member=change.member, status=status,
                    from_=change.boundary(),
                    to=closed_by.boundary() if closed_by else None,
                    sources=sources)


def _in_order(changes: list[Change]) -> list[Change]:
    """Dated changes by date (then by what can follow what); an undated change goes before the
    first dated one it must precede (a join with no date before a dated withdrawal)."""
    dated = sorted((c for c in changes if c.start), key=lambda c: (c.start, ACTION_RANK[c.action]))
    for change in sorted((c for c in changes if not c.start), key=lambda c: ACTION_RANK[c.action]):
        at = next((i for i, d in enumerate(dated) if ACTION_RANK[d.action] > ACTION_RANK[change.action]), len(dated))
        dated.insert(at, change)
    return dated


def citations(reports: list[Membership]) -> list[Citation]:
    found = {(r.doc_id, e.start): Citation(doc_id=r.doc_id, text=e.text, start=e.start, end=e.end)
             for r in reports for e in [r.evidence, *r.mentions]}
    return [found[k] for k in sorted(found)]


# ---------------------------------------------------------------- counts


def members_at(intervals: list[Interval], organization: str, status: str, end_date: str) -> tuple[list[str], list[str]]:
    """(ids with `status` at the end of the day `end_date`, ids with it at some undated time)."""
    counted, undated = set(), set()
    for i in intervals:
        if i.organization.id != organization or _group(i.status) != status:
            continue
        if i.from_.start_date is None:
            undated.add(i.member.id)
        elif i.from_.start_date <= end_date and (i.to is None or i.to.start_date is None or i.to.start_date > end_date):
            counted.add(i.member.id)
    return sorted(counted), sorted(undated - counted)


def _counts(intervals: list[Interval], checks: list[Check]) -> list[Count]:
    out = []
    by_org: dict[str, Entity] = {i.organization.id: i.organization for i in intervals}
    for org_id, org in sorted(by_org.items()):
        mine = [i for i in intervals if i.organization.id == org_id]
        dates = {(end, b.value, b.start_date) for i in mine for b in (i.from_, i.to) if b is not None and (end := b.end_date)}
        statuses = sorted({_group(i.status) for i in mine} & set(COUNTED), key=COUNTED.index)
        for end_date, value, start_date in sorted(dates):
            for status in statuses:
                counted, undated = members_at(intervals, org_id, status, end_date)
                if counted or undated:
                    when = DateValue(value=value, start_date=start_date, end_date=end_date)
                    out.append(Count(organization=org, date=when, status=status, number=len(counted),
                                     members=counted, undated=undated))
    return out


# ---------------------------------------------------------------- checks


@dataclass(frozen=True)
class _Statement:
    organization: Entity
    status: str
    stated: int
    when: DateValue | None  # the statement's date, else its document's reference date
    initial: bool  # "grown from six members": the count at the founding
    evidence: Citation


@cache
def count_units() -> dict[str, str]:
    return dict(read_tsv("count_units.tsv", 2))


@cache
def growth_words() -> frozenset[str]:
    return frozenset(row[0] for row in read_tsv("growth_words.tsv", 1))


def _statements(records: list, memberships: list[Membership], documents: dict[str, Document]) -> list[_Statement]:
    out = []
    orgs_by_doc: dict[str, set[str]] = defaultdict(set)
    for m in memberships:
        orgs_by_doc[m.doc_id].add(m.organization.id)
    for f in (r for r in records if isinstance(r, Figure)):
        status = count_units().get((f.unit or "").lower())
        if f.kind != "count" or status is None or f.value != int(f.value) or _part_of_a_whole(f):
            continue
        org_id = _organization_of(f, orgs_by_doc.get(f.doc_id, set()))
        if org_id is None:
            continue
        reference = documents[f.doc_id].reference_date if f.doc_id in documents else None
        when = DateValue.of(f.date) if f.date else DateValue.day(reference) if reference else None
        out.append(_Statement(_org_entity(org_id), status, int(f.value), when, _is_initial(f), Citation(doc_id=f.doc_id, text=f.evidence.text, start=f.evidence.start, end=f.evidence.end)))
    for m in memberships:
        if m.ordinal is None or m.action not in ("join", "found"):
            continue
        out.append(_Statement(m.organization, _group(m.status), m.ordinal,
                              DateValue.of(m.date) if m.date else None, False,
                              Citation(doc_id=m.doc_id, text=m.evidence.text, start=m.evidence.start, end=m.evidence.end)))
    return out


def _part_of_a_whole(figure: Figure) -> bool:
    """'9 of the 27 member states', '12 out of 27 members': a part, not a total the timeline can check."""
    after = figure.evidence.text[figure.end - figure.evidence.start:].lstrip().lower()
    return after.startswith(("of ", "out of "))


def _organization_of(figure: Figure, in_document: set[str]) -> str | None:
    """The organization a count is about: named in its subject, else in its sentence, else the
    only one the document's membership records are about."""
    for text in (figure.subject or "", figure.evidence.text):
        named = organizations_in(text)
        if len(named) == 1:
            return named[0]
        if named and text is figure.evidence.text:
            return None  # several bodies in the sentence: not ours to guess
    return next(iter(in_document)) if len(in_document) == 1 else None


def _org_entity(org_id: str) -> Entity:
    org = organizations().get(org_id)
    return Entity(name=org.name if org else org_id, id=org_id, kind="organization")


def _is_initial(figure: Figure) -> bool:
    """"expanded from a regional group with six members into ...": the number before a "to" or
    "into" that ends a "from" phrase after a growth word is the starting count."""
    before = figure.evidence.text[: figure.start - figure.evidence.start]
    m = re.search(r"(\w+)\s+from\s+(?:(?!\b(?:to|into)\b).){0,80}$", before, re.IGNORECASE)
    return m is not None and m.group(1).lower() in growth_words()


def _judge(s: _Statement, intervals: list[Interval]) -> Check:
    org = s.organization.id
    mine = [i for i in intervals if i.organization.id == org]
    founders = [i for i in mine if i.status == "founding_member"]
    end_date = s.when.end_date if s.when else None
    if s.initial:  # "grown from six members": the founders, however soon others joined
        if not founders:
            return _check(s, None, "unverifiable", "a starting count, and the records name no founding members")
        first = min(founders, key=lambda i: (i.from_.end_date or "9999", i.from_.value or "")).from_
        s = replace(s, when=DateValue.of(first) if first.value else None)
        names = sorted({i.member.id for i in founders})
        result = "consistent" if s.stated == len(names) else "contradiction"
        return _check(s, len(names), result, f"{len(names)} founding members: {', '.join(names)}")
    if end_date is None:
        return _check(s, None, "unverifiable", "the statement has no date and its document no reference date")
    counted, undated = members_at(intervals, org, s.status, end_date)
    known = len(counted)
    label = s.status.replace("_", " ")
    if s.stated < known:
        return _check(s, known, "contradiction", f"the records put {known} {label}s in by then: {', '.join(counted)}")
    if s.status != "member" or not founders:
        why = "the records name no founding members" if s.status == "member" else f"no record says who all the {label}s are"
        if s.stated == known and s.status == "member":
            why = "the count agrees, but " + why
        return _check(s, known, "unverifiable", why)
    if undated and s.stated <= known + len(undated):
        return _check(s, known, "unverifiable", f"{len(undated)} members have no date: {', '.join(undated)}")
    if s.stated == known:
        return _check(s, known, "consistent", f"{known} {label}s by then: {', '.join(counted)}")
    return _check(s, known, "contradiction", f"the records give {known} {label}s by then: {', '.join(counted)}")


def _check(s: _Statement, reconstructed: int | None, result: str, reason: str) -> Check:
    return Check(organization=s.organization, date=s.when, status=s.status, stated=s.stated,
                 reconstructed=reconstructed, result=result, reason=reason, evidence=s.evidence)


def _check_order(c: Check) -> tuple:
    return (c.organization.id, c.evidence.doc_id, c.evidence.start, c.stated, c.status)


# ---------------------------------------------------------------- reading and writing


@dataclass
class FileRead:
    """What one input file held: how many records, which lines were not records, or why it could not be read."""

    path: Path
    records: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line number, why it is not a record)
    failure: str | None = None

    @property
    def holds_records(self) -> bool:
        return self.records > 0

    def problem(self) -> str | None:
        """One line for stderr about this file, or None when every line was a record."""
        if self.failure:
            return f"{self.path}: {self.failure}; pass the JSON Lines `extractor extract` wrote"
        if not self.holds_records:
            return f"{self.path} holds no extractor records: pass the JSON Lines `extractor extract` wrote"
        if self.skipped:
            line, why = self.skipped[0]
            many = len(self.skipped) > 1
            return (f"{self.path}: {len(self.skipped)} {'lines were not records' if many else 'line was not a record'}; "
                    f"skipped (the first, line {line}: {why})")
        return None


def read_records(paths: Iterable[str]) -> tuple[list, list[FileRead]]:
    """The records in JSON Lines files `extract` wrote (or a Spark job's part files), and what
    each file held: lines that are not records are counted, not fatal."""
    records, reads = [], []
    for name in paths:
        files = sorted(Path(name).glob("part-*")) if Path(name).is_dir() else [Path(name)]
        if not files:
            reads.append(FileRead(Path(name), failure="is a folder with no part-* files"))
        for path in files:
            found, read = _read_file(path)
            records += found
            reads.append(read)
    return records, reads


def _read_file(path: Path) -> tuple[list, FileRead]:
    """The records of one JSON Lines file and what it held."""
    read, records = FileRead(path), []
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    records.append(parse_line(line))
                except ValidationError as exc:
                    read.skipped.append((number, exc.errors()[0]["msg"]))
    except UnicodeDecodeError:
        return [], FileRead(path, failure="is not UTF-8 text, so not extractor records")
    except OSError as exc:
        return [], FileRead(path, failure=f"could not be read ({exc.strerror})")
    read.records = len(records)
    return records, read


def markdown(timeline: Timeline) -> str:
    """A readable table per organization: intervals, counts, conflicts, checks."""
    out = []
    listed: list[Interval | Check] = [*timeline.intervals, *timeline.checks]
    for org_id in sorted({i.organization.id for i in listed}):
        name = next(r.organization.name for r in listed if r.organization.id == org_id)
        out += [f"## {name} ({org_id})", "", "| member | status | from | to | sources |", "|---|---|---|---|---|"]
        for i in (i for i in timeline.intervals if i.organization.id == org_id):
            out.append(f"| {i.member.name} ({i.member.id}) | {i.status.replace('_', ' ')} | {_when(i.from_)} | "
                       f"{_when(i.to) if i.to else ''} | {', '.join(sorted({s.doc_id for s in i.sources}))} |")
        counts = [c for c in timeline.counts if c.organization.id == org_id]
        if counts:
            out += ["", "| date | status | number | members | undated |", "|---|---|---|---|---|"]
            out += [f"| {c.date.value} | {c.status.replace('_', ' ')} | {c.number} | {' '.join(c.members)} | {' '.join(c.undated)} |" for c in counts]
        for c in (c for c in timeline.conflicts if c.organization.id == org_id):
            sides = "; ".join(f"{s.value or 'no date'} ({', '.join(sorted({x.doc_id for x in s.sources}))})" for s in c.sides)
            out.append(f"\n**Conflict** on the {c.about} of {c.member.name}: {sides}")
        checks = [c for c in timeline.checks if c.organization.id == org_id]
        if checks:
            out += ["", "| stated | status | at | reconstructed | result | why | where |", "|---|---|---|---|---|---|---|"]
            out += [f"| {c.stated} | {c.status.replace('_', ' ')} | {c.date.value if c.date else ''} | {'' if c.reconstructed is None else c.reconstructed} | "
                    f"**{c.result}** | {c.reason} | {c.evidence.doc_id}:{c.evidence.start} |" for c in checks]
        out.append("")
    return "\n".join(out) + "\n"


def _when(b: Boundary) -> str:
    text = b.value or "?"
    return text + (f" (also: {', '.join(a.value or 'no date' for a in b.alternatives)})" if b.alternatives else "")


STATUS_COLOURS = {"founding_member": "#1f5fa8", "member": "#3b82c4", "observer": "#8fbf4d", "dialogue_partner": "#c7d96b",
                  "candidate": "#f0b23e", "associate": "#9b7fc7", "applicant": "#f6d59a", "suspended": "#c0504d", "left": "#bbbbbb"}


CHAR_WIDTH = 7.0  # pixels per character of 12px sans-serif, generous so that measured labels never touch
MARKER_LABELS = {"conflict": "sources disagree on this date", "undated": "no source dates this start"}


@dataclass(frozen=True)
class _Scale:
    """Days to x positions: `first` (a year) at `left`, the start of `last` at `left + width`."""

    first: int
    last: int
    left: float
    width: float

    def x(self, day: str) -> float:
        """The x of a day (YYYY-MM-DD), its month and day kept."""
        d = date.fromisoformat(day)
        year_start, next_year = date(d.year, 1, 1), date(d.year + 1, 1, 1)
        fraction = (d - year_start).days / (next_year - year_start).days
        return self.left + self.width * (d.year + fraction - self.first) / (self.last - self.first)


def svg(timeline: Timeline) -> str:
    """One row per member and organization under a title naming the organizations, a bar per
    status interval, a red mark on each date sources disagree on, a legend of the statuses and
    marks drawn. Plain SVG, no dependency; open it in a browser."""
    rows = sorted({(i.organization.id, i.member.id, i.member.name) for i in timeline.intervals})
    days = [b.start_date for i in timeline.intervals for b in (i.from_, i.to) if b and b.start_date]
    days += [s.start_date for c in timeline.conflicts for s in c.sides if s.start_date]
    if not rows or not days:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="10" y="25">no dated membership records</text></svg>\n'
    years = [int(d[:4]) for d in days]
    scale = _Scale(min(years) - 1, max(years) + 2, left=260, width=720)
    total_width, height, top = scale.left + scale.width + 20, 22, 54
    title = _svg_title(timeline)
    parts = [f'<title>{_escape(title)}</title>',
             f'<text class="title" x="8" y="20" font-size="15" font-weight="bold">{_escape(title)}</text>']
    parts += _svg_years(scale, top, top + height * len(rows) + 4)
    drawn: list[str] = []  # the statuses and marker kinds drawn, for the legend
    for n, (org_id, member_id, member_name) in enumerate(rows):
        y = top + 6 + n * height
        parts.append(f'<text x="8" y="{y + 13}">{_escape(org_id)}: {_escape(member_name)}</text>')
        for i in (i for i in timeline.intervals if (i.organization.id, i.member.id) == (org_id, member_id)):
            parts.append(_svg_bar(i, scale, y, height - 6))
            drawn += [i.status] + ([] if i.from_.start_date else ["undated"])
        for c in (c for c in timeline.conflicts if (c.organization.id, c.member.id) == (org_id, member_id)):
            for start in (s.start_date for s in c.sides if s.start_date):
                parts.append(_svg_conflict_mark(scale.x(start), y - 2, c))
                drawn.append("conflict")
    legend, legend_height = _svg_legend([k for k in [*STATUS_COLOURS, *MARKER_LABELS] if k in drawn], total_width,
                                        top + height * len(rows) + 24)
    parts += legend
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{total_width:.0f}" '
            f'height="{top + height * len(rows) + 24 + legend_height:.0f}" font-family="sans-serif" font-size="12">')
    return "\n".join([head, *parts, "</svg>"]) + "\n"


def _svg_title(timeline: Timeline) -> str:
    """The chart's title: "Membership timeline: " and the organizations drawn, each once by its
    registry name (sources spell names differently) and id."""
    named = {i.organization.id: i.organization.name for i in sorted(timeline.intervals, key=lambda i: i.organization.name, reverse=True)}
    registry = organizations()
    names = {org_id: registry[org_id].name if org_id in registry else name for org_id, name in named.items()}
    return "Membership timeline: " + ", ".join(f"{names[org_id]} ({org_id})" for org_id in sorted(names))


def _svg_years(scale: _Scale, top: float, bottom: float) -> list[str]:
    """A labelled vertical line at the start of every year (every few years on a long axis)."""
    out = []
    for year in range(scale.first, scale.last + 1, max(1, (scale.last - scale.first) // 12)):
        px = scale.x(f"{year}-01-01")
        out.append(f'<line class="year" data-year="{year}" x1="{px:.1f}" y1="{top - 6}" x2="{px:.1f}" y2="{bottom}" stroke="#eee"/>'
                   f'<text x="{px:.1f}" y="{top - 10}" text-anchor="middle">{year}</text>')
    return out


def _svg_bar(i: Interval, scale: _Scale, y: float, height: float) -> str:
    """An interval's bar: from its start (the axis' start when undated, dashed) to its end or the axis' end."""
    start = scale.x(i.from_.start_date) if i.from_.start_date else scale.left
    end = scale.x(i.to.start_date) if i.to and i.to.start_date else scale.left + scale.width
    dashed = '' if i.from_.start_date else ' data-kind="undated" stroke="#333" stroke-dasharray="3,2"'
    span = f'{i.status} from {i.from_.value or "?"}{" to " + (i.to.value or "?") if i.to else ""}'
    return (f'<rect x="{start:.1f}" y="{y}" width="{max(2.0, end - start):.1f}" height="{height}" '
            f'fill="{STATUS_COLOURS[i.status]}"{dashed}><title>{_escape(span)}</title></rect>')


def _svg_conflict_mark(px: float, y: float, conflict: Conflict) -> str:
    """A red triangle whose tip is at `px`: one of the dates sources disagree on."""
    dates = ", ".join(s.value or "no date" for s in conflict.sides)
    return (f'<path class="marker" data-kind="conflict" d="M{px:.1f},{y} l5,8 l-10,0 z" fill="#d00">'
            f'<title>conflict on the {_escape(conflict.about)}: {_escape(dates)}</title></path>')


def _svg_legend(kinds: list[str], total_width: float, y: float) -> tuple[list[str], float]:
    """Legend entries for `kinds` (statuses and marker kinds) laid out left to right, each as wide
    as its label, on as many lines as the width needs; returns the elements and their height."""
    out, x, line = [], 8.0, 0
    for kind in kinds:
        label = MARKER_LABELS.get(kind) or kind.replace("_", " ")
        entry_width = 16 + len(label) * CHAR_WIDTH
        if x > 8 and x + entry_width > total_width - 8:
            x, line = 8.0, line + 1
        top = y + line * 20
        out.append(f'<g class="legend-entry" data-kind="{kind}">{_svg_swatch(kind, x, top)}'
                   f'<text x="{x + 16:.1f}" y="{top + 11}">{_escape(label)}</text></g>')
        x += entry_width + 14
    return out, (line + 1) * 20 + 8 if kinds else 0


def _svg_swatch(kind: str, x: float, y: float) -> str:
    """The small picture before a legend label: a status' colour or a marker's shape."""
    if kind == "conflict":
        return f'<path d="M{x + 6:.1f},{y} l5,8 l-10,0 z" fill="#d00"/>'
    if kind == "undated":
        return f'<rect x="{x:.1f}" y="{y}" width="12" height="12" fill="#fff" stroke="#333" stroke-dasharray="3,2"/>'
    return f'<rect x="{x:.1f}" y="{y}" width="12" height="12" fill="{STATUS_COLOURS[kind]}"/>'


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
