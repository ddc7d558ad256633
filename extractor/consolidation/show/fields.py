"""What a review page says about each record: a short label and its fields (value, unit, date,
status, ids), and where in the text its mark goes."""

from __future__ import annotations

import re

from extractor.consolidation.show.markup import plain
from extractor.core.records import DateRef, Event, Figure, Membership, Timex

SHOWN_TYPES = ("timex", "figure", "membership", "event")  # the record types a page marks, in this order


def label(record) -> str:
    """One line naming the record: its text, or who did what."""
    if isinstance(record, (Timex, Figure)):
        return record.text
    if isinstance(record, Membership):
        return f"{record.member.name} {record.action} {record.organization.id}"
    return f"{record.kind}: {record.trigger}"


def fields(record) -> list[tuple[str, str]]:
    """(name, value) of the fields a reader checks, empty ones left out."""
    if isinstance(record, Timex):
        pairs = [("type", record.timex_type), ("value", record.value), ("range", _range(record.start_date, record.end_date)),
                 ("anchored", "yes" if record.anchored else "")]
    elif isinstance(record, Figure):
        pairs = [("kind", record.kind), ("value", plain(record.value)), ("unit", plain(record.unit)),
                 ("qualifier", plain(record.qualifier)), ("SI", f"{plain(record.si_value)} {record.si_unit}" if record.si_unit else ""),
                 ("subject", plain(record.subject)), ("date", _date(record.date))]
    elif isinstance(record, Membership):
        pairs = [("action", record.action), ("member", f"{record.member.name} ({record.member.id})"),
                 ("organization", f"{record.organization.name} ({record.organization.id})"), ("status", plain(record.status)),
                 ("date", _date(record.date)), ("ordinal", plain(record.ordinal)), ("trigger", record.trigger)]
    else:
        pairs = [("kind", record.kind), ("trigger", record.trigger), ("date", _date(record.date)), ("status", record.status),
                 ("location", plain(record.location)),
                 ("participants", "; ".join(f"{p.name} ({p.id or p.kind})" for p in record.participants))]
    return [(name, value) for name, value in pairs if value]


def summary(record) -> str:
    """The fields a mark shows on hover and focus, on one line: value, unit, date, status, ids
    ('money 1130000000 USD · date 2004-05'); the side list gives every field."""
    if isinstance(record, Timex):
        parts = [f"{record.timex_type} {record.value}"]
    elif isinstance(record, Figure):
        parts = [" ".join(filter(None, [record.kind, plain(record.qualifier), plain(record.value), plain(record.unit)]))]
    elif isinstance(record, Membership):
        parts = [f"{record.action} {record.member.id} → {record.organization.id}", plain(record.status),
                 f"ordinal {record.ordinal}" if record.ordinal else ""]
    else:
        parts = [record.kind, record.status, plain(record.location), ", ".join(p.id or p.name for p in record.participants)]
    if not isinstance(record, Timex) and record.date and record.date.value:
        parts.append(f"date {record.date.value}")
    return " · ".join(p for p in parts if p)


def _date(date: DateRef | None) -> str:
    return f"{date.value} ({date.text})" if date and date.value else (date.text if date else "")


def _range(start: str | None, end: str | None) -> str:
    if not start:
        return ""
    return start if start == end else f"{start} to {end}"


def span_of(record, text: str) -> tuple[int, int]:
    """Where the record's mark goes: a timex's or figure's own span; for a membership or an event,
    its trigger word in its evidence sentence (the one nearest its date when the sentence holds it
    twice), else the whole sentence. Records carry no trigger offsets, so the trigger is found by
    its text."""
    if isinstance(record, (Timex, Figure)):
        return record.start, record.end
    evidence = record.evidence
    sentence = text[evidence.start:evidence.end]
    found = _occurrences(record.trigger, sentence) or _occurrences(record.trigger, sentence, re.IGNORECASE)
    if not found:
        return evidence.start, evidence.end
    anchor = record.date.start - evidence.start if record.date and evidence.start <= record.date.start < evidence.end else 0
    best = min(found, key=lambda at: (abs(at - anchor), at))
    return evidence.start + best, evidence.start + best + len(record.trigger)


def _occurrences(word: str, sentence: str, flags: int = 0) -> list[int]:
    """Where `word` stands as a whole word in `sentence`."""
    if not word:
        return []
    return [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", sentence, flags)]


def sentences_of(record) -> list[tuple[int, int]]:
    """The evidence sentence and the sentences of other mentions, as (start, end); none for a timex."""
    if isinstance(record, Timex):
        return []
    spans = [(record.evidence.start, record.evidence.end)]
    spans += [(m.start, m.end) for m in getattr(record, "mentions", [])]
    return spans


def text_of(record) -> str | None:
    """The text a record says its span holds (a timex's, a figure's), else None."""
    return record.text if isinstance(record, (Timex, Figure)) else None


def is_shown(record) -> bool:
    return isinstance(record, (Timex, Figure, Membership, Event))
