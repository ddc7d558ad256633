"""What the extraction components read and write on a Doc, beside the spaCy annotations.

The components (`timex`, `figures`, `memberships`, `events`) share one `DocContext` per Doc
(`doc._.extractor`): what the cheap steps found before the model ran (layout, candidate
expressions, number candidates), the reference date, and what earlier components wrote. Run
inside `extractor extract`, the pipeline fills it before the components run; added to a user's own
spaCy pipeline, the first component to need it computes it from the Doc's text.

The results are typed extensions:

- `doc._.timexes`: list of `TimexSpan` (every temporal expression, normalized);
- `doc._.figures`, `doc._.memberships`, `doc._.events`: lists of records (`extractor.records`);
- `doc._.reference_date`: the date relative expressions were resolved against, or None;
- `doc.spans["timex" | "figures" | "memberships" | "events"]`: where they were read (the
  expression, the figure, the trigger word); each span carries what was read there in the
  extension of the same name (`span._.memberships`: a trigger can give one per member).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span

from extractor.layout import classify_lines, spans_of
from extractor.nlp import text_of
from extractor.spans import Spans

@dataclass
class DocContext:
    """A document's context for the extraction components (see the module docstring)."""

    doc_id: str = "-"
    published: date | None = None  # the given reference date, if any
    published_rule: str | None = None  # how it was given ("page_metadata", "metadata", None)
    boilerplate: Spans = field(default_factory=lambda: Spans([]))
    captions: list[tuple[int, int]] = field(default_factory=list)
    timex_candidates: list | None = None  # temporal.scan of the text outside boilerplate
    numbers: list | None = None  # figures.candidates of the text
    # written by the components
    reference_source: str | None = None  # "given" | "inferred"
    reference_rule: str | None = None
    dates: Any = None  # link.DateIndex, written by `timex`
    membership_mentions: list | None = None  # membership.MembershipMention, written by `memberships`
    membership_candidates: list | None = None  # membership.candidates.Candidate, each with its outcome
    membership_event_cues: list | None = None  # membership.candidates.EventCue: dated changes of unnamed members
    warnings: list = field(default_factory=list)  # records.Warning, written by any component


for _name, _default in (("extractor", None), ("timexes", None), ("figures", None), ("memberships", None),
                        ("events", None), ("reference_date", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
SPAN_GROUPS = ("timex", "figures", "memberships", "events")
for _name in SPAN_GROUPS:  # a trigger can be in two groups: one extension per group keeps them apart
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def context_of(doc: Doc) -> DocContext:
    """The Doc's context, made from its text (layout only) the first time it is asked for."""
    if doc._.extractor is None:
        blocks = classify_lines(text_of(doc))
        doc._.extractor = DocContext(boilerplate=Spans(spans_of(blocks, "boilerplate")),
                                     captions=spans_of(blocks, "caption"))
    return doc._.extractor


def write_spans(doc: Doc, key: str, found: list[tuple[int, int, str, Any]]) -> None:
    """doc.spans[key]: one span per place (start char, end char) with its label, and the
    extension named `key` the records read there, in order."""
    spans: dict[tuple[int, int], Span] = {}
    for start, end, label, record in found:
        span = spans.get((start, end)) or doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is None:
            continue
        if (start, end) not in spans:
            span._.set(key, [])
            spans[(start, end)] = span
        span._.get(key).append(record)
    doc.spans[key] = list(spans.values())
