"""The core flow: one decoded document in, its records out. The CLI, the process pool and the
Spark adapter are shells around `extract_stream`; none of them reaches into the extractors."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Iterable, Iterator, Literal

from pydantic import BaseModel, ConfigDict, field_validator
from spacy.language import Language
from spacy.tokens import Doc

import extractor.entities  # noqa: F401  (registers the "gazetteer" component)
from extractor import temporal
from extractor.entities import country_adjectives as ADJECTIVES, country_name, organizations
from extractor.events import EventMention, find_events, location_of, status_of
from extractor.figures import find_figures
from extractor.layout import classify_lines, inside, spans_of
from extractor.link import DateIndex, date_ref, evidence
from extractor.membership import MembershipMention, find_memberships, realising_verb
from extractor.nlp import load_pipeline, tense_at
from extractor.records import (
    Document, Entity, Error, Event, Figure, Membership, Timex, RECORD_TYPES,
)
from extractor.sources import RawDocument, ReadFailure

MEMBERSHIP_EVENT_KIND = {"join": "accession", "found": "founding", "leave": "withdrawal",
                         "suspend": "suspension", "expel": "expulsion", "readmit": "readmission",
                         "apply": "application"}
CHUNK_CHARS = 100_000  # longer texts are parsed in pieces cut at line breaks


class Settings(BaseModel):
    """Every option of a run; unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    model: str | None = None
    include: tuple[Literal["timex"], ...] = ()
    published: date | None = None

    @field_validator("include", mode="before")
    @classmethod
    def _as_tuple(cls, value):
        return tuple(value) if value is not None else ()


class Extractor:
    """Holds the loaded pipeline; `extract(raw)` returns a document's records."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.nlp = build_pipeline(self.settings.model)

    def extract(self, raw: RawDocument | ReadFailure) -> list:
        if isinstance(raw, ReadFailure):
            return [Error(doc_id=raw.doc_id, source=raw.source, error=raw.error, message=raw.message)]
        return extract_document(raw, self.nlp, self.settings)


def build_pipeline(model: str | None) -> Language:
    nlp = load_pipeline(model)
    if "gazetteer" not in nlp.pipe_names:
        nlp.add_pipe("gazetteer", last=True)
    return nlp


def extract_stream(inputs: Iterable[RawDocument | ReadFailure], settings: Settings | None = None) -> Iterator:
    """Yield the records of every input, document by document, in input order."""
    engine = Extractor(settings)
    for raw in inputs:
        yield from engine.extract(raw)


def _parse(nlp: Language, text: str) -> Doc:
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        pieces.append(text[start:end])
        start = end
    return Doc.from_docs(list(nlp.pipe(pieces)), ensure_whitespace=False)


def extract_document(raw: RawDocument, nlp: Language, settings: Settings) -> list:
    """Return [document record, records...] for one decoded input."""
    text = raw.text
    doc_id = raw.doc_id
    blocks = classify_lines(text)
    boilerplate = spans_of(blocks, "boilerplate")
    captions = spans_of(blocks, "caption")
    candidates = [c for c in temporal.scan(text) if not inside(boilerplate, c.start, c.end)]
    doc = _parse(nlp, text)
    tense = partial(tense_at, doc)

    reference, ref_source, ref_rule = _reference_date(raw, settings, candidates, text, captions, tense)
    timexes = temporal.resolve(candidates, text, reference, tense)
    dates = DateIndex(doc, timexes, captions)

    records: list = []
    if "timex" in settings.include:
        records += [Timex(doc_id=doc_id, text=t.text, start=t.start, end=t.end, timex_type=t.timex_type,
                          value=t.value, start_date=t.start_date, end_date=t.end_date, anchored=t.anchored)
                    for t in timexes]
    records += _figure_records(doc, doc_id, boilerplate, timexes, dates)
    memberships = find_memberships(doc, boilerplate)
    records += _membership_records(doc_id, memberships, dates)
    taken = {m.trigger.i for m in memberships} | {realising_verb(m.trigger).i for m in memberships}
    events = find_events(doc, dates, reference, boilerplate, taken)
    records += _event_records(doc_id, events, memberships, dates, reference)
    records.sort(key=_record_order)

    counts = {t: 0 for t in RECORD_TYPES if t not in ("document", "error")}
    for r in records:
        counts[r.type] += 1
    warnings = list(raw.warnings)
    if not text.strip():
        warnings.append("the document is empty or blank; no records")
    head = Document(doc_id=doc_id, source=raw.source, sha256=raw.sha256, chars=len(text),
                    encoding=raw.encoding, reference_date=reference.isoformat() if reference else None,
                    reference_date_source=ref_source, reference_date_rule=ref_rule,
                    counts=counts, warnings=warnings)
    return [head, *records]


def _record_order(record) -> tuple:
    start = getattr(record, "start", None)
    if start is None:
        start = record.evidence.start
    rank = {"timex": 0, "figure": 1, "membership": 2, "event": 3}[record.type]
    return (start, rank, getattr(record, "end", 0))


def _reference_date(raw, settings, candidates, text, captions, tense):
    if raw.published:
        return date.fromisoformat(raw.published), "given", None
    if settings.published:
        return settings.published, "given", None
    future = lambda s, e: tense(s, e) == "future"  # noqa: E731
    inferred, rule = temporal.infer_reference_date(candidates, text, captions, future)
    if inferred is None:
        return None, None, None
    return inferred, "inferred", rule


def _figure_records(doc, doc_id, boilerplate, timexes, dates) -> list[Figure]:
    out = []
    timex_spans = [(t.start, t.end) for t in timexes]
    for f in find_figures(doc, boilerplate, timex_spans):
        head = doc[f.head] if f.head is not None else None
        token = head if head is not None else doc.char_span(f.start, f.end, alignment_mode="expand").root
        when = dates.for_token(token, fallback=False)
        out.append(Figure(doc_id=doc_id, text=f.text, start=f.start, end=f.end, value=f.value, kind=f.kind,
                          unit=f.unit, qualifier=f.qualifier, subject=f.subject,
                          date=date_ref(when) if when else None, evidence=evidence(token.sent)))
    return out


def _entity(mention_id: str, name: str, kind: str) -> Entity:
    if kind == "organization":
        org = organizations().get(mention_id)
        return Entity(name=org.name if org else name, id=mention_id, kind="organization")
    return Entity(name=name if name[:1].isupper() and name not in ADJECTIVES() else country_name(mention_id),
                  id=mention_id, kind="country")


def _membership_records(doc_id: str, mentions: list[MembershipMention], dates: DateIndex) -> list[Membership]:
    """One record per (organization, member, action, status); later mentions add evidence."""
    merged: dict[tuple, Membership] = {}
    for m in mentions:
        # an application is dated by its own clause only: "waiting to join ... by 2006" dates the hoped-for join
        when = dates.for_token(m.trigger, fallback=False, strict=True) if m.action == "apply" else dates.for_token(m.trigger)
        key = (m.organization, m.member, m.action, m.status)
        proof = evidence(m.sentence)
        if key in merged:
            first = merged[key]
            update: dict = {}
            if proof not in first.mentions and proof != first.evidence:
                update["mentions"] = [*first.mentions, proof]
            if first.date is None and when is not None:
                update["date"] = date_ref(when)
            if first.ordinal is None and m.ordinal is not None:
                update["ordinal"] = m.ordinal
            merged[key] = first.model_copy(update=update)
            continue
        merged[key] = Membership(
            doc_id=doc_id, organization=_entity(m.organization, m.organization_name, "organization"),
            member=_entity(m.member, m.member_name, m.member_kind), action=m.action, status=m.status,
            date=date_ref(when) if when else None, ordinal=m.ordinal, trigger=m.trigger.text,
            evidence=proof)
    return list(merged.values())


def _event_records(doc_id, events: list[EventMention], memberships: list[MembershipMention],
                   dates: DateIndex, reference) -> list[Event]:
    found: list[tuple] = []
    for e in events:
        found.append((e.trigger, e.kind, e.date, e.location, list(e.participants), e.status, e.sentence))
    by_trigger: dict[int, list[MembershipMention]] = {}
    for m in memberships:
        by_trigger.setdefault(m.trigger.i, []).append(m)
    for group in by_trigger.values():
        first = group[0]
        when = dates.for_token(first.trigger, fallback=False)
        if when is None:
            continue
        participants = list(dict.fromkeys([country_name(m.member) if m.member_kind == "country" else m.member for m in group] + [first.organization]))
        found.append((first.trigger, MEMBERSHIP_EVENT_KIND[first.action], when, location_of(first.trigger),
                      participants, status_of(first.trigger, when, reference), first.sentence))
    merged: dict[tuple, Event] = {}
    for trigger, kind, when, location, participants, status, sentence in sorted(found, key=lambda f: f[0].idx):
        key = (kind, when.value, (location or "").lower() if kind not in MEMBERSHIP_EVENT_KIND.values() else tuple(sorted(participants)))
        loose = next((k for k in merged if k[:2] == key[:2] and (not k[2] or not key[2])), None)
        proof = evidence(sentence)
        existing = key if key in merged else loose
        if existing is not None:
            first = merged[existing]
            update: dict = {}
            if proof != first.evidence and proof not in first.mentions:
                update["mentions"] = [*first.mentions, proof]
            if first.location is None and location:
                update["location"] = location
            merged[existing] = first.model_copy(update=update)
            continue
        merged[key] = Event(doc_id=doc_id, trigger=trigger.text, kind=kind, date=date_ref(when), location=location,
                            participants=participants, status=status, evidence=proof)
    return list(merged.values())
