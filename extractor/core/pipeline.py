"""The core flow: decoded documents in, their records out. The CLI's process pool (batch.py) and
the Spark adapter are shells around `Extractor.extract_batch`; none of them reaches into the
extractors."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator
from spacy.language import Language
from spacy.tokens import Doc

# importing the capability modules registers their spaCy components (gazetteer, timex, figures,
# memberships, events)
from extractor.core.context import DocContext
from extractor.core.records import Document, DocumentWarning, Error, RECORD_TYPES, shifted
from extractor.extractors import temporal
from extractor.extractors.events import may_trigger, triggers as event_triggers
from extractor.extractors.figures import candidates as figure_candidates
from extractor.extractors.membership import candidate_records, cue_words, has_trigger_pattern, trigger_words as membership_trigger_words
from extractor.inputs.formats import main_text
from extractor.inputs.sources import RawDocument, ReadFailure
from extractor.nlp.cascade import EVENT, EXTRACTION_COMPONENTS, FULL, PARSE, SKIP, Level, Segmented, WordCue, analyse, assemble, segment
from extractor.nlp.layout import boilerplate_chars, classify_lines, last_line_break, sentence_starts, spans_of
from extractor.nlp.model import load_pipeline
from extractor.nlp.spans import Spans

SECTION_CHARS = 1_000_000  # longer texts are extracted in sections of at most this size
Layer = Literal["timex", "text", "candidates"]  # what `Settings.include` can add (candidates: --explain)


class Settings(BaseModel):
    """Every option of a run; unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    model: str | None = None
    include: tuple[Layer, ...] = ()  # candidates: --explain
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
        analyse(self.nlp, [p.segmented for p in prepared.values()], self.cascade.wants_entities)
        out = []
        for item in items:
            if isinstance(item, ReadFailure):
                out.append(_error_record(item))
            elif id(item) in prepared:
                out.append(_records(prepared[id(item)], assemble(self.nlp, prepared[id(item)].segmented), self.nlp, self.settings))
            else:
                out.append(self._extract_in_sections(item))
        return out

    def _extract_in_sections(self, raw: RawDocument) -> list:
        """A text longer than SECTION_CHARS, extracted section by section (cut at line breaks,
        else sentence ends) so memory stays bounded; offsets are moved back into the whole text.
        Later sections use the reference date of the first."""
        head: Document | None = None
        records: list = []
        counts: dict[str, int] = {}
        boilerplate = 0
        section_warnings: list[DocumentWarning] = []
        sections = _sections(raw.text)
        for start, end in sections:
            published = raw.published or (head.reference_date if head else None)
            part = replace(raw, text=raw.text[start:end], published=published)
            first, *rest = self.extract_batch([part])[0]
            head = head or first
            counts = {k: counts.get(k, 0) + n for k, n in first.counts.items()}  # timex found, written or not
            boilerplate += first.boilerplate_chars
            own = set(raw.warnings) | set(_boilerplate_warnings(first.boilerplate_chars, part.text))
            section_warnings += [w for w in first.warnings if w not in own and w not in section_warnings]
            records += [shifted(r, start) for r in rest]
        note = DocumentWarning.of("W006", sections=len(sections), chars=SECTION_CHARS)
        warnings = [*raw.warnings, *_boilerplate_warnings(boilerplate, raw.text), *section_warnings, note]
        whole = raw.text if "text" in self.settings.include else None
        assert head is not None, "a text this long has sections"
        return [head.model_copy(update={"chars": len(raw.text), "counts": counts, "lines": len(records),
                                        "boilerplate_chars": boilerplate, "text": whole, "warnings": warnings}),
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
    (a trigger word with a date in its sentence: EVENT, given entities once the parse shows such a
    word) and by the age test of figures ("Roe, 45,": FULL)."""

    def __init__(self, nlp: Language):
        member_words, member_regexes = membership_trigger_words()
        member_words = member_words | cue_words()
        event_words = {lemma for lemma, _ in event_triggers()}
        self.membership_word = WordCue(nlp, member_words, member_regexes)
        self.event_word = WordCue(nlp, event_words | member_words, member_regexes)

    def need(self, text: str, dated: list[tuple[int, int]], counted: list[tuple[int, int]]):
        counted = sorted(counted)
        dated_spans, counted_spans = Spans(dated), Spans(counted)

        def need(sentence, offset: int, has_mention: bool) -> Level:
            start, end = offset + sentence.start_char, offset + sentence.end_char
            has_date = dated_spans.overlaps(start, end)
            has_number = counted_spans.overlaps(start, end)
            if has_number and _between_commas(text, counted, start, end):
                return FULL
            if has_date and any(self.event_word(t.text) for t in sentence):
                return EVENT
            if has_date or has_number or (has_mention and any(self.membership_word(t.text) for t in sentence)):
                return PARSE
            return SKIP
        return need

    def wants_entities(self, doc: Doc) -> bool:
        """An EVENT sentence, parsed: does it hold a word events read entities for (a trigger
        word, or a membership word whose change becomes an event)?"""
        return any(may_trigger(t) for t in doc) or has_trigger_pattern(doc)


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
    """The model with our components after it: the gazetteer, then the extraction components
    (which the cascade runs on the assembled document, never per sentence)."""
    nlp = load_pipeline(model)
    for name in ("gazetteer", *EXTRACTION_COMPONENTS):
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


@dataclass
class _Prepared:
    """A document read by the cheap steps, waiting for the model (see nlp.segment)."""

    raw: RawDocument
    context: DocContext
    boilerplate_chars: int
    segmented: Segmented


def _prepare(raw: RawDocument, nlp: Language, settings: Settings, cascade: Cascade) -> _Prepared:
    text = raw.text
    blocks = classify_lines(text)
    boilerplate = Spans(spans_of(blocks, "boilerplate"))
    candidates = [c for c in temporal.scan(text) if not boilerplate.contains(c.start, c.end)]
    numbers = figure_candidates(text)
    need = cascade.need(text, [(c.start, c.end) for c in candidates], [m.span() for _, m in numbers])
    published = date.fromisoformat(raw.published) if raw.published else settings.published
    context = DocContext(doc_id=raw.doc_id, published=published, published_rule=raw.published_rule if raw.published else None,
                         boilerplate=boilerplate, captions=spans_of(blocks, "caption"),
                         timex_candidates=candidates, numbers=numbers)
    return _Prepared(raw, context, boilerplate_chars(blocks),
                     segment(nlp, text, need, everywhere=not settings.cascade, starts=sentence_starts(blocks)))


def _records(prepared: _Prepared, doc: Doc, nlp: Language, settings: Settings) -> list:
    """[document record, records...]: the extraction components run on the assembled Doc."""
    raw, context, text = prepared.raw, prepared.context, prepared.raw.text
    doc._.extractor = context
    for name in EXTRACTION_COMPONENTS:
        doc = nlp.get_pipe(name)(doc)
    timexes = temporal.timex_records(raw.doc_id, doc._.timexes)
    records: list = list(timexes) if "timex" in settings.include else []
    records += doc._.figures + doc._.memberships + doc._.events
    records.sort(key=_record_order)
    counts = record_counts([*timexes, *doc._.figures, *doc._.memberships, *doc._.events])
    warnings = list(raw.warnings)
    if not text.strip():
        warnings.append(DocumentWarning.of("W003"))
    warnings += _boilerplate_warnings(prepared.boilerplate_chars, text) + context.warnings
    if "candidates" in settings.include:
        records += candidate_records(raw.doc_id, context.membership_candidates or [])
    reference = doc._.reference_date
    head = Document(doc_id=raw.doc_id, source=raw.source, sha256=raw.sha256, chars=len(text),
                    encoding=raw.encoding, reference_date=reference.isoformat() if reference else None,
                    reference_date_source=context.reference_source, reference_date_rule=context.reference_rule,
                    title=raw.title, url=raw.url, text=text if "text" in settings.include else None,
                    boilerplate_chars=prepared.boilerplate_chars, counts=counts, lines=len(records), warnings=warnings)
    doc._.extractor = None  # the context holds the Doc's spans: let the Doc go as soon as its records are out
    return [head, *records]


def record_counts(records: list) -> dict[str, int]:
    """The number of records of each type a document record counts (timex, figure, membership,
    event; 0 for a type with none), whether or not they are written."""
    counts = {t: 0 for t in RECORD_TYPES if t not in ("document", "error")}
    for r in records:
        counts[r.type] += 1
    return counts


def _boilerplate_warnings(chars: int, text: str) -> list[DocumentWarning]:
    """A warning when boilerplate is more than half of the text's non-blank characters."""
    if not text.strip() or chars <= len(text.strip()) / 2:
        return []
    return [DocumentWarning.of("W004", chars=chars, total=len(text))]


def _record_order(record) -> tuple:
    start = getattr(record, "start", None)
    if start is None:
        start = record.evidence.start
    rank = {"timex": 0, "figure": 1, "membership": 2, "event": 3}[record.type]
    return (start, rank, getattr(record, "end", 0))
