"""The core flow: decoded documents in, their records out. The CLI's process pool (batch.py) and
the Spark adapter are shells around `Extractor.extract_batch`; none of them reaches into the
extractors."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator
from spacy.language import Language
from spacy.tokens import Doc

import extractor.entities  # noqa: F401  (registers the "gazetteer" component)
from extractor import temporal
from extractor.entities import country_adjectives as ADJECTIVES, country_name, organizations
from extractor.events import EventMention, find_events, location_of, status_of, triggers as event_triggers
from extractor.figures import candidates as figure_candidates, find_figures
from extractor.formats import main_text
from extractor.layout import (
    boilerplate_chars, classify_lines, last_line_break, sentence_starts, spans_of,
)
from extractor.link import DateIndex, date_ref, evidence
from extractor.membership import (
    MembershipMention, find_memberships, realising_verb, talks_date_heads, trigger_words as membership_trigger_words,
)
from extractor.nlp import (
    FULL, PARSE, SKIP, Segmented, WordCue, analyse, assemble, load_pipeline, segment, tense_at,
)
from extractor.records import (
    Document, Entity, Error, Event, Evidence, Figure, Membership, Timex, RECORD_TYPES, shifted,
)
from extractor.sources import RawDocument, ReadFailure
from extractor.spans import Spans

SECTION_CHARS = 1_000_000  # longer texts are extracted in sections of at most this size
MAX_FIGURES_PER_SENTENCE = 60  # more numbers than this in one sentence: a table or a dump, no figures

MEMBERSHIP_EVENT_KIND = {"join": "accession", "found": "founding", "leave": "withdrawal",
                         "suspend": "suspension", "expel": "expulsion", "readmit": "readmission",
                         "apply": "application"}


class Settings(BaseModel):
    """Every option of a run; unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    model: str | None = None
    include: tuple[Literal["timex", "text"], ...] = ()
    published: date | None = None
    cascade: bool = True  # False: run the statistical model on every sentence, not only where a record can come from

    @field_validator("include", mode="before")
    @classmethod
    def _as_tuple(cls, value):
        return tuple(value) if value is not None else ()


class Extractor:
    """Holds the loaded pipeline; `extract(raw)` returns a document's records."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.nlp = build_pipeline(self.settings.model)
        self.cascade = Cascade(self.nlp)

    def extract(self, raw: RawDocument | ReadFailure) -> list:
        return self.extract_batch([raw])[0]

    def extract_batch(self, items: list[RawDocument | ReadFailure]) -> list[list]:
        """The records of each item, in order. The model runs once over the sentences of the whole
        batch (faster than per document); the records do not depend on the batch."""
        items = [main_text(item) if isinstance(item, RawDocument) and item.form == "html" else item for item in items]
        short = [item for item in items if isinstance(item, RawDocument) and len(item.text) <= SECTION_CHARS]
        prepared = {id(item): _prepare(item, self.nlp, self.settings, self.cascade) for item in short}
        analyse(self.nlp, [p.segmented for p in prepared.values()])
        out = []
        for item in items:
            if isinstance(item, ReadFailure):
                out.append(_error_record(item))
            elif id(item) in prepared:
                out.append(_records(prepared[id(item)], assemble(self.nlp, prepared[id(item)].segmented), self.settings))
            else:
                out.append(self._extract_in_sections(item))
        return out

    def _extract_in_sections(self, raw: RawDocument) -> list:
        """A text longer than SECTION_CHARS, extracted section by section (cut at line breaks,
        else sentence ends) so memory stays bounded; offsets are moved back into the whole text.
        Later sections use the reference date of the first."""
        head: Document | None = None
        records: list = []
        boilerplate = 0
        section_warnings: list[str] = []
        sections = _sections(raw.text)
        for start, end in sections:
            published = raw.published or (head.reference_date if head else None)
            part = replace(raw, text=raw.text[start:end], published=published)
            first, *rest = self.extract_batch([part])[0]
            head = head or first
            boilerplate += first.boilerplate_chars
            own = set(raw.warnings) | set(_boilerplate_warnings(first.boilerplate_chars, part.text))
            section_warnings += [w for w in first.warnings if w not in own and w not in section_warnings]
            records += [shifted(r, start) for r in rest]
        counts = {k: sum(1 for r in records if r.type == k) for k in head.counts}
        note = (f"extracted in {len(sections)} sections of at most {SECTION_CHARS:,} characters: "
                "a change reported in two sections gives two records")
        warnings = [*raw.warnings, *_boilerplate_warnings(boilerplate, raw.text), *section_warnings, note]
        whole = raw.text if "text" in self.settings.include else None
        return [head.model_copy(update={"chars": len(raw.text), "counts": counts, "boilerplate_chars": boilerplate, "text": whole,
                                        "warnings": warnings}),
                *records]


def _sections(text: str) -> list[tuple[int, int]]:
    cuts, start = [], 0
    while len(text) - start > SECTION_CHARS:
        window_end = start + SECTION_CHARS
        cut = max(last_line_break(text, start, window_end), text.rfind(". ", start, window_end) + 1)
        if cut <= start + SECTION_CHARS // 2:
            cut = text.rfind(" ", start, window_end)
        end = cut + 1 if cut > start + SECTION_CHARS // 2 else window_end  # no space late enough: a hard cut
        cuts.append((start, end))
        start = end
    cuts.append((start, len(text)))
    return cuts


def _error_record(failure: ReadFailure) -> list:
    return [Error(doc_id=failure.doc_id, source=failure.source, error=failure.error, message=failure.message)]


class Cascade:
    """Which part of the model each sentence needs, from cheap signals (the `need` of nlp.segment).
    Every rule that reads the parse fires only in a sentence with a date, a number, or an
    organization or country name next to a membership trigger word; NER is read only by events
    (a trigger word with a date in its sentence) and by the age test of figures ("Roe, 45,")."""

    def __init__(self, nlp: Language):
        member_words, member_regexes = membership_trigger_words()
        event_words = {lemma for lemma, _ in event_triggers()}
        self.membership_word = WordCue(nlp, member_words, member_regexes)
        self.event_word = WordCue(nlp, event_words | member_words, member_regexes)

    def need(self, text: str, dated: list[tuple[int, int]], counted: list[tuple[int, int]]):
        counted = sorted(counted)
        dated_spans, counted_spans = Spans(dated), Spans(counted)

        def need(sentence, offset: int, has_mention: bool) -> int:
            start, end = offset + sentence.start_char, offset + sentence.end_char
            has_date = dated_spans.overlaps(start, end)
            if has_date and any(self.event_word(t.text) for t in sentence):
                return FULL
            has_number = counted_spans.overlaps(start, end)
            if has_number and _between_commas(text, counted, start, end):
                return FULL
            if has_date or has_number or (has_mention and any(self.membership_word(t.text) for t in sentence)):
                return PARSE
            return SKIP
        return need


def _between_commas(text: str, spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """A number set off by commas ("Richard Roe, 45, said"): figures ask NER whether it is an age."""
    for i in range(bisect_left(spans, (start, start)), len(spans)):
        s, e = spans[i]
        if s >= end:
            return False
        if text[max(0, s - 3):s].rstrip().endswith(",") and text[e:e + 3].lstrip()[:1] in (",", "."):
            return True
    return False


def build_pipeline(model: str | None) -> Language:
    nlp = load_pipeline(model)
    if "gazetteer" not in nlp.pipe_names:
        nlp.add_pipe("gazetteer", last=True)
    return nlp


@dataclass
class _Prepared:
    """A document read by the cheap steps, waiting for the model (see nlp.segment)."""

    raw: RawDocument
    boilerplate: Spans
    boilerplate_chars: int
    captions: list[tuple[int, int]]
    candidates: list
    numbers: list
    segmented: Segmented


def _prepare(raw: RawDocument, nlp: Language, settings: Settings, cascade: Cascade) -> _Prepared:
    text = raw.text
    blocks = classify_lines(text)
    boilerplate = Spans(spans_of(blocks, "boilerplate"))
    candidates = [c for c in temporal.scan(text) if not boilerplate.contains(c.start, c.end)]
    numbers = figure_candidates(text)
    need = cascade.need(text, [(c.start, c.end) for c in candidates], [m.span() for _, m in numbers])
    return _Prepared(raw, boilerplate, boilerplate_chars(blocks), spans_of(blocks, "caption"), candidates, numbers,
                     segment(nlp, text, need, everywhere=not settings.cascade, starts=sentence_starts(blocks)))


def extract_document(raw: RawDocument, nlp: Language, settings: Settings, cascade: Cascade | None = None) -> list:
    """Return [document record, records...] for one decoded input."""
    prepared = _prepare(raw, nlp, settings, cascade or Cascade(nlp))
    analyse(nlp, [prepared.segmented])
    return _records(prepared, assemble(nlp, prepared.segmented), settings)


def _records(prepared: _Prepared, doc: Doc, settings: Settings) -> list:
    raw, boilerplate, captions, candidates = prepared.raw, prepared.boilerplate, prepared.captions, prepared.candidates
    text, doc_id = raw.text, raw.doc_id
    tense = partial(tense_at, doc)

    reference, ref_source, ref_rule = _reference_date(raw, settings, candidates, text, captions, tense)
    timexes = temporal.resolve(candidates, text, reference, tense)
    dates = DateIndex(doc, timexes, captions)

    records: list = []
    if "timex" in settings.include:
        records += [Timex(doc_id=doc_id, text=t.text, start=t.start, end=t.end, timex_type=t.timex_type,
                          value=t.value, start_date=t.start_date, end_date=t.end_date, anchored=t.anchored)
                    for t in timexes]
    figures, figure_warnings = _figure_records(doc, doc_id, boilerplate, timexes, dates, prepared.numbers)
    records += figures
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
    warnings += _boilerplate_warnings(prepared.boilerplate_chars, text) + figure_warnings
    head = Document(doc_id=doc_id, source=raw.source, sha256=raw.sha256, chars=len(text),
                    encoding=raw.encoding, reference_date=reference.isoformat() if reference else None,
                    reference_date_source=ref_source, reference_date_rule=ref_rule,
                    title=raw.title, url=raw.url, text=text if "text" in settings.include else None,
                    boilerplate_chars=prepared.boilerplate_chars, counts=counts, warnings=warnings)
    return [head, *records]


def _boilerplate_warnings(chars: int, text: str) -> list[str]:
    """A warning when boilerplate is more than half of the text's non-blank characters."""
    if not text.strip() or chars <= len(text.strip()) / 2:
        return []
    return [f"{chars:,} of {len(text):,} characters are boilerplate (navigation, share buttons, cookie or legal "
            "notices) and give no records; if this is an article, its text was not cut out of the page"]


def _record_order(record) -> tuple:
    start = getattr(record, "start", None)
    if start is None:
        start = record.evidence.start
    rank = {"timex": 0, "figure": 1, "membership": 2, "event": 3}[record.type]
    return (start, rank, getattr(record, "end", 0))


def _reference_date(raw, settings, candidates, text, captions, tense):
    if raw.published:
        return date.fromisoformat(raw.published), "given", raw.published_rule
    if settings.published:
        return settings.published, "given", None
    future = lambda s, e: tense(s, e) == "future"  # noqa: E731
    inferred, rule = temporal.infer_reference_date(candidates, text, captions, future)
    if inferred is None:
        return None, None, None
    return inferred, "inferred", rule


def _figure_records(doc, doc_id, boilerplate, timexes, dates, numbers) -> tuple[list[Figure], list[str]]:
    """The figure records, and a warning for sentences so full of numbers (a table, a dump of
    digits) that their figures are left out: MAX_FIGURES_PER_SENTENCE is far above what a sentence
    of prose states, and each record repeats its sentence as evidence."""
    found = []
    timex_spans = [(t.start, t.end) for t in timexes]
    for f in find_figures(doc, boilerplate, timex_spans, numbers):
        head = doc[f.head] if f.head is not None else None
        token = head if head is not None else doc.char_span(f.start, f.end, alignment_mode="expand").root
        found.append((f, token))
    per_sentence = Counter(token.sent.start for _, token in found)
    crowded = {start for start, n in per_sentence.items() if n > MAX_FIGURES_PER_SENTENCE}
    warnings = [f"{len(crowded)} sentences hold more than {MAX_FIGURES_PER_SENTENCE} numbers each (tables or lists "
                f"of digits, {sum(per_sentence[s] for s in crowded):,} numbers in all) and give no figures"] if crowded else []
    out = []
    for f, token in found:
        if token.sent.start in crowded:
            continue
        when = dates.for_token(token, fallback=False)
        out.append(Figure(doc_id=doc_id, text=f.text, start=f.start, end=f.end, value=f.value, kind=f.kind,
                          unit=f.unit, qualifier=f.qualifier, subject=f.subject,
                          date=date_ref(when) if when else None, evidence=evidence(token.sent)))
    return out, warnings


def _entity(mention_id: str, name: str, kind: str) -> Entity:
    if kind == "organization":
        org = organizations().get(mention_id)
        return Entity(name=org.name if org else name, id=mention_id, kind="organization")
    return Entity(name=name if name[:1].isupper() and name not in ADJECTIVES() else country_name(mention_id),
                  id=mention_id, kind="country")


def _membership_records(doc_id: str, mentions: list[MembershipMention], dates: DateIndex) -> list[Membership]:
    """One record per (organization, member, action, status); later mentions add evidence."""
    merged: dict[tuple, Membership] = {}
    more: dict[tuple, dict[tuple[int, int], Evidence]] = {}  # later evidence, by span: no quadratic list scans
    for m in mentions:
        when = _membership_date(m, dates)
        key = (m.organization, m.member, m.action, m.status)
        proof = evidence(m.sentence)
        if key in merged:
            first = merged[key]
            if (proof.start, proof.end) != (first.evidence.start, first.evidence.end):
                more[key].setdefault((proof.start, proof.end), proof)
            update: dict = {}
            if first.date is None and when is not None:
                update["date"] = date_ref(when)
            if first.ordinal is None and m.ordinal is not None:
                update["ordinal"] = m.ordinal
            if update:
                merged[key] = first.model_copy(update=update)
            continue
        more[key] = {}
        merged[key] = Membership(
            doc_id=doc_id, organization=_entity(m.organization, m.organization_name, "organization"),
            member=_entity(m.member, m.member_name, m.member_kind), action=m.action, status=m.status,
            date=date_ref(when) if when else None, ordinal=m.ordinal, trigger=m.trigger.text,
            evidence=proof)
    return _with_later_evidence(merged, more)


def _with_later_evidence(merged: dict[tuple, Membership | Event], more: dict[tuple, dict]) -> list:
    """The merged records, each with the evidence of its later mentions (kept by span, in order)."""
    return [record.model_copy(update={"mentions": list(more[key].values())}) if more[key] else record
            for key, record in merged.items()]


def _membership_date(m: MembershipMention, dates: DateIndex, fallback: bool = True):
    """The date of a membership change: talks by their own clause, an application strictly by
    its clause ("waiting to join ... by 2006" dates the hoped-for join), others by their clause
    or (with `fallback`) the sentence's only date."""
    if m.frame == "talks":
        return dates.attached_to(m.sentence, talks_date_heads(m.trigger))
    if m.action == "apply":
        return dates.for_token(m.trigger, fallback=False, strict=True)
    return dates.for_token(m.trigger, fallback=fallback)


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
        when = _membership_date(first, dates, fallback=False)
        if when is None:
            continue
        participants = list(dict.fromkeys([country_name(m.member) if m.member_kind == "country" else m.member for m in group] + [first.organization]))
        found.append((first.trigger, MEMBERSHIP_EVENT_KIND[first.action], when, location_of(first.trigger),
                      participants, status_of(first.trigger, when, reference), first.sentence))
    merged: dict[tuple, Event] = {}
    by_kind_date: dict[tuple, list[tuple]] = {}  # (kind, date) -> keys in the order they came
    more: dict[tuple, dict[tuple[int, int], Evidence]] = {}  # later evidence, by span
    for trigger, kind, when, location, participants, status, sentence in sorted(found, key=lambda f: f[0].idx):
        key = (kind, when.value, (location or "").lower() if kind not in MEMBERSHIP_EVENT_KIND.values() else tuple(sorted(participants)))
        loose = next((k for k in by_kind_date.get(key[:2], ()) if not k[2] or not key[2]), None)
        proof = evidence(sentence)
        existing = key if key in merged else loose
        if existing is not None:
            first = merged[existing]
            if proof != first.evidence:
                more[existing].setdefault((proof.start, proof.end), proof)
            if first.location is None and location:
                merged[existing] = first.model_copy(update={"location": location})
            continue
        merged[key] = Event(doc_id=doc_id, trigger=trigger.text, kind=kind, date=date_ref(when), location=location,
                            participants=participants, status=status, evidence=proof)
        by_kind_date.setdefault(key[:2], []).append(key)
        more[key] = {}
    return _with_later_evidence(merged, more)
