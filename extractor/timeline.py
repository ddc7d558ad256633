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

from extractor.entities import organization_names, organizations
from extractor.lexicon import read_tsv
from extractor.records import (
    Boundary, Check, Citation, Conflict, ConflictSide, Count, Document, Entity, Figure, Interval, Membership,
    parse_line,
)

ACTION_RANK = {"apply": 0, "found": 1, "join": 1, "suspend": 2, "readmit": 3, "leave": 4, "expel": 4}
COUNTED = ("member", "observer", "dialogue_partner", "candidate", "associate", "suspended")


@dataclass
class Change:
    """One change, as one or more documents report it."""

    organization: Entity
    member: Entity
    action: str
    status: str | None
    reports: list[Membership] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)  # dates other reports give the same change

    @property
    def dated(self) -> list[Membership]:
        return [r for r in self.reports if r.date is not None and r.date.start_date]

    @property
    def best(self) -> Membership | None:
        """The most precise dated report (the shortest range)."""
        dated = sorted(self.dated, key=lambda r: (r.date.end_date, r.date.start_date[::-1], r.date.value))
        return min(dated, key=lambda r: _days(r.date.start_date, r.date.end_date), default=None)

    @property
    def start(self) -> str | None:
        best = self.best
        return best.date.start_date if best else None

    def boundary(self, alternatives: list[str]) -> Boundary:
        best = self.best
        return Boundary(value=best.date.value if best else None, start_date=best.date.start_date if best else None,
                        end_date=best.date.end_date if best else None, alternatives=alternatives,
                        sources=citations(self.reports))


@dataclass
class Timeline:
    intervals: list[Interval]
    conflicts: list[Conflict]
    counts: list[Count]
    checks: list[Check]

    def records(self) -> list:
        """Every record, grouped by organization: intervals, conflicts, counts, checks."""
        out = []
        for org in sorted({r.organization.id for r in [*self.intervals, *self.counts, *self.checks]}):
            out += [r for r in self.intervals if r.organization.id == org]
            out += [r for r in self.conflicts if r.organization.id == org]
            out += [r for r in self.counts if r.organization.id == org]
            out += [r for r in self.checks if r.organization.id == org]
        return out


# ---------------------------------------------------------------- building


def build(records: Iterable) -> Timeline:
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
    """Group reports into changes; dates that disagree make separate changes and a conflict."""
    groups: dict[tuple, list[Membership]] = defaultdict(list)
    for m in memberships:
        groups[(m.organization.id, m.member.id, _kind(m))].append(m)
    changes: list[Change] = []
    conflicts: list[Conflict] = []
    for (_, _, kind), reports in sorted(groups.items()):
        clusters: list[list[Membership]] = []
        for report in sorted(reports, key=lambda r: _days(r.date.start_date, r.date.end_date) if _dated(r) else 10**9):
            home = next((c for c in clusters if all(_agree(report, other) for other in c)), None)
            if home is None:
                clusters.append([report])
            else:
                home.append(report)
        undated = [c for c in clusters if not any(_dated(r) for r in c)]
        dated = [c for c in clusters if any(_dated(r) for r in c)]
        if dated and undated:  # an undated report supports the dated change(s): the first
            dated[0].extend(r for c in undated for r in c)
            clusters = dated
        for cluster in clusters:
            first = cluster[0]
            status = "founding_member" if any(r.action == "found" or r.status == "founding_member" for r in cluster) else first.status
            changes.append(Change(first.organization, first.member, kind[0], status, sorted(cluster, key=_report_order)))
        if len(dated) > 1:
            ordered = sorted(changes[-len(clusters):], key=lambda c: c.start or "")
            conflicts.append(Conflict(
                organization=first.organization, member=first.member, about=f"date of {_about(kind)}",
                sides=[ConflictSide(value=c.best.date.value, sources=citations(c.reports)) for c in ordered]))
    for c in changes:
        c.alternatives = sorted({o.best.date.value for o in changes if o is not c and o.best and _same_kind(o, c)})
    return changes, conflicts


def _kind(m: Membership) -> tuple[str, str]:
    """What makes two reports the same change: founding and joining as a member are one."""
    action = "join" if m.action == "found" else m.action
    status = "member" if m.action == "found" or m.status in (None, "member", "founding_member") else m.status
    return action, status


def _same_kind(a: Change, b: Change) -> bool:
    return (a.organization.id, a.member.id, a.action, _group(a.status)) == (b.organization.id, b.member.id, b.action, _group(b.status))


def _group(status: str | None) -> str | None:
    return "member" if status in ("founding_member", "member", None) else status


def _about(kind: tuple[str, str]) -> str:
    action, status = kind
    return action if status == "member" else f"{action} as {status.replace('_', ' ')}"


def _dated(m: Membership) -> bool:
    return m.date is not None and bool(m.date.start_date)


def _agree(a: Membership, b: Membership) -> bool:
    """Two reports of one change agree on its date when either has none or one range holds the other."""
    if not _dated(a) or not _dated(b):
        return True
    (s1, e1), (s2, e2) = (a.date.start_date, a.date.end_date), (b.date.start_date, b.date.end_date)
    return (s1 <= s2 and e2 <= e1) or (s2 <= s1 and e1 <= e2)


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
                    from_=change.boundary(change.alternatives),
                    to=closed_by.boundary(closed_by.alternatives) if closed_by else None,
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
        dates = {(b.end_date, b.value) for i in mine for b in (i.from_, i.to) if b is not None and b.end_date}
        statuses = sorted({_group(i.status) for i in mine} & set(COUNTED), key=COUNTED.index)
        for end_date, value in sorted(dates):
            for status in statuses:
                counted, undated = members_at(intervals, org_id, status, end_date)
                if counted or undated:
                    out.append(Count(organization=org, date=value, status=status, number=len(counted),
                                     members=counted, undated=undated))
    return out


# ---------------------------------------------------------------- checks


@dataclass(frozen=True)
class _Statement:
    organization: Entity
    status: str
    stated: int
    date_value: str | None
    end_date: str | None
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
        if f.kind != "count" or status is None or f.value != int(f.value):
            continue
        org_id = _organization_of(f, orgs_by_doc.get(f.doc_id, set()))
        if org_id is None:
            continue
        when = f.date
        reference = documents.get(f.doc_id).reference_date if f.doc_id in documents else None
        end_date = when.end_date if when else reference
        out.append(_Statement(_org_entity(org_id), status, int(f.value), when.value if when else reference, end_date,
                              _is_initial(f), Citation(doc_id=f.doc_id, text=f.evidence.text, start=f.evidence.start, end=f.evidence.end)))
    for m in memberships:
        if m.ordinal is None or m.action not in ("join", "found"):
            continue
        out.append(_Statement(m.organization, "member" if _group(m.status) == "member" else m.status, m.ordinal,
                              m.date.value if m.date else None, m.date.end_date if m.date else None, False,
                              Citation(doc_id=m.doc_id, text=m.evidence.text, start=m.evidence.start, end=m.evidence.end)))
    return out


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


@cache
def _organization_pattern() -> tuple[re.Pattern, list[str]]:
    """One regex over every registry name (acronyms case-sensitive), and the id of each group."""
    names = sorted(organization_names(), key=lambda n: -len(n[0]))
    parts = [(f"(?-i:{re.escape(s)})" if exact else re.escape(s), org_id) for s, org_id, exact in names]
    groups = "|".join(f"(?P<o{n}>{p})" for n, (p, _) in enumerate(parts))
    return re.compile(rf"(?<![\w-])(?:{groups})(?![\w-])", re.IGNORECASE), [org_id for _, org_id in parts]


def organizations_in(text: str) -> list[str]:
    """Ids of the registry's organizations named in `text`, each once, in order."""
    pattern, ids = _organization_pattern()
    found = []
    for m in pattern.finditer(text):
        org_id = ids[int(m.lastgroup[1:])]
        if org_id not in found:
            found.append(org_id)
    return found


def _org_entity(org_id: str) -> Entity:
    org = organizations().get(org_id)
    return Entity(name=org.name if org else org_id, id=org_id, kind="organization")


def _is_initial(figure: Figure) -> bool:
    """"expanded from a regional group with six members into ...": the number before a "to" or
    "into" that ends a "from" phrase after a growth word is the starting count."""
    before = figure.evidence.text[: figure.start - figure.evidence.start]
    m = re.search(r"(\w+)\s+from\s+(?:(?!\b(?:to|into)\b).){0,80}$", before, re.IGNORECASE)
    return bool(m) and m.group(1).lower() in growth_words()


def _judge(s: _Statement, intervals: list[Interval]) -> Check:
    org = s.organization.id
    mine = [i for i in intervals if i.organization.id == org]
    founders = [i for i in mine if i.status == "founding_member"]
    end_date = s.end_date
    if s.initial:  # "grown from six members": the founders, however soon others joined
        if not founders:
            return _check(s, None, "unverifiable", "a starting count, and the records name no founding members")
        first = min((i.from_.end_date or "9999", i.from_.value) for i in founders)
        s = replace(s, date_value=first[1], end_date=first[0] if first[1] else None)
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
    return Check(organization=s.organization, date=s.date_value, status=s.status, stated=s.stated,
                 reconstructed=reconstructed, result=result, reason=reason, evidence=s.evidence)


def _check_order(c: Check) -> tuple:
    return (c.organization.id, c.evidence.doc_id, c.evidence.start, c.stated, c.status)


# ---------------------------------------------------------------- reading and writing


def read_records(paths: Iterable[str]) -> tuple[list, list[str]]:
    """The records in JSON Lines files `extract` wrote (or a Spark job's part files); lines that
    are not records are reported, not fatal."""
    records, problems = [], []
    for name in paths:
        files = sorted(Path(name).glob("part-*")) if Path(name).is_dir() else [Path(name)]
        for path in files:
            with open(path, encoding="utf-8") as handle:
                for number, line in enumerate(handle, start=1):
                    if not line.strip():
                        continue
                    try:
                        records.append(parse_line(line))
                    except ValidationError as exc:
                        problems.append(f"{path}:{number}: not a record ({exc.errors()[0]['msg']}); skipped")
    return records, problems


def markdown(timeline: Timeline) -> str:
    """A readable table per organization: intervals, counts, conflicts, checks."""
    out = []
    for org_id in sorted({i.organization.id for i in [*timeline.intervals, *timeline.checks]}):
        name = next(r.organization.name for r in [*timeline.intervals, *timeline.checks] if r.organization.id == org_id)
        out += [f"## {name} ({org_id})", "", "| member | status | from | to | sources |", "|---|---|---|---|---|"]
        for i in (i for i in timeline.intervals if i.organization.id == org_id):
            out.append(f"| {i.member.name} ({i.member.id}) | {i.status.replace('_', ' ')} | {_when(i.from_)} | "
                       f"{_when(i.to) if i.to else ''} | {', '.join(sorted({s.doc_id for s in i.sources}))} |")
        counts = [c for c in timeline.counts if c.organization.id == org_id]
        if counts:
            out += ["", "| date | status | number | members | undated |", "|---|---|---|---|---|"]
            out += [f"| {c.date} | {c.status.replace('_', ' ')} | {c.number} | {' '.join(c.members)} | {' '.join(c.undated)} |" for c in counts]
        for c in (c for c in timeline.conflicts if c.organization.id == org_id):
            sides = "; ".join(f"{s.value or 'no date'} ({', '.join(sorted({x.doc_id for x in s.sources}))})" for s in c.sides)
            out.append(f"\n**Conflict** on the {c.about} of {c.member.name}: {sides}")
        checks = [c for c in timeline.checks if c.organization.id == org_id]
        if checks:
            out += ["", "| stated | status | at | reconstructed | result | why | where |", "|---|---|---|---|---|---|---|"]
            out += [f"| {c.stated} | {c.status.replace('_', ' ')} | {c.date or ''} | {'' if c.reconstructed is None else c.reconstructed} | "
                    f"**{c.result}** | {c.reason} | {c.evidence.doc_id}:{c.evidence.start} |" for c in checks]
        out.append("")
    return "\n".join(out) + "\n"


def _when(b: Boundary) -> str:
    text = b.value or "?"
    return text + (f" (also: {', '.join(b.alternatives)})" if b.alternatives else "")


STATUS_COLOURS = {"founding_member": "#1f5fa8", "member": "#3b82c4", "observer": "#8fbf4d", "dialogue_partner": "#c7d96b",
                  "candidate": "#f0b23e", "associate": "#9b7fc7", "applicant": "#f6d59a", "suspended": "#c0504d", "left": "#bbbbbb"}


def svg(timeline: Timeline) -> str:
    """One row per member and organization, a bar per status interval, a red mark where sources
    disagree on a date. Plain SVG, no dependency; open it in a browser."""
    rows = sorted({(i.organization.id, i.member.id, i.member.name) for i in timeline.intervals})
    years = [int(b.start_date[:4]) for i in timeline.intervals for b in (i.from_, i.to) if b and b.start_date]
    years += [int(v[:4]) for c in timeline.conflicts for s in c.sides for v in [s.value or ""] if v[:4].isdigit()]
    if not rows or not years:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="10" y="25">no dated membership records</text></svg>\n'
    first, last = min(years) - 1, max(years) + 2
    left, width, height = 260, 720, 22
    x = lambda day: left + width * ((int(day[:4]) + (int(day[5:7]) - 1) / 12) - first) / (last - first)  # noqa: E731
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 20}" height="{height * len(rows) + 70}" '
             'font-family="sans-serif" font-size="12">']
    for year in range(first, last + 1, max(1, (last - first) // 12)):
        px = x(f"{year}-01")
        parts.append(f'<line x1="{px:.1f}" y1="20" x2="{px:.1f}" y2="{height * len(rows) + 30}" stroke="#eee"/>'
                     f'<text x="{px:.1f}" y="14" text-anchor="middle">{year}</text>')
    for n, (org_id, member_id, member_name) in enumerate(rows):
        y = 26 + n * height
        parts.append(f'<text x="8" y="{y + 13}">{_escape(org_id)}: {_escape(member_name)}</text>')
        for i in (i for i in timeline.intervals if (i.organization.id, i.member.id) == (org_id, member_id)):
            start = x(i.from_.start_date) if i.from_.start_date else left
            end = x(i.to.start_date) if i.to and i.to.start_date else left + width
            dashed = '' if i.from_.start_date else ' stroke="#333" stroke-dasharray="3,2"'
            parts.append(f'<rect x="{start:.1f}" y="{y}" width="{max(2.0, end - start):.1f}" height="{height - 6}" '
                         f'fill="{STATUS_COLOURS[i.status]}"{dashed}><title>{i.status} from {i.from_.value or "?"}'
                         f'{" to " + (i.to.value or "?") if i.to else ""}</title></rect>')
        for c in (c for c in timeline.conflicts if (c.organization.id, c.member.id) == (org_id, member_id)):
            for side in c.sides:
                if side.value and side.value[:4].isdigit():
                    px = x(side.value[:4] + "-01")
                    parts.append(f'<path d="M{px:.1f},{y - 2} l5,8 l-10,0 z" fill="#d00"><title>conflict on the {c.about}: '
                                 f'{", ".join(s.value or "no date" for s in c.sides)}</title></path>')
    legend_y = height * len(rows) + 50
    for n, (status, colour) in enumerate(STATUS_COLOURS.items()):
        parts.append(f'<rect x="{8 + n * 105}" y="{legend_y}" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{24 + n * 105}" y="{legend_y + 11}">{status.replace("_", " ")}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
