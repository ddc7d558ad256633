"""Finding the figures of a text: every candidate match of `patterns()`, longest first, built
by kind, overlaps and dates left out; and the figure records of a Doc (the pure function the
`figures` component calls)."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from extractor.core.records import DocumentWarning, Figure
from extractor.extractors.figures.kinds import FigureSpan, build, signed
from extractor.extractors.figures.patterns import ANCHOR_REACH, anchor_words, patterns
from extractor.extractors.temporal import TimexSpan
from extractor.language.lexicon import anchor_regions
from extractor.linking.dates import DateIndex, date_ref
from extractor.linking.mentions import evidence
from extractor.nlp.spans import DisjointSpans, Spans
from extractor.nlp.syntax import covering_span, text_of

MAX_FIGURES_PER_SENTENCE = 60  # more numbers than this in one sentence: a table or a dump, no figures


def find_figures(doc: Doc, blocked: Spans, timex_spans: list[tuple[int, int]],
                 found: list[tuple[str, re.Match]] | None = None) -> list[FigureSpan]:
    """Return the figures of `doc`, left to right. `blocked` spans (boilerplate) yield none;
    numbers inside `timex_spans` (dates, durations) are not figures. `found`: the text's
    `candidates`, when the caller has them already."""
    out: list[FigureSpan] = []
    taken = DisjointSpans()
    timexes = Spans(timex_spans)
    for kind, m in found if found is not None else candidates(text_of(doc)):
        start, end = m.start(), m.end()
        if taken.overlaps(start, end) or blocked.overlaps(start, end):
            continue
        if kind not in ("money", "percent") and timexes.overlaps(start, end):
            continue
        if kind in ("money", "percent") and timexes.contains(start, end):
            continue
        figures = build(kind, m, doc)
        if figures and figures[-1].kind in ("money", "percent", "count") and figures[-1].start == start:
            figures[-1] = signed(figures[-1], text_of(doc))
        if not figures:
            continue
        *partners, main = figures
        if taken.overlaps(main.start, main.end):
            continue
        for partner in partners:  # "between 3 and 4 km": the 3 read alone as a count is the range's start
            if taken.overlaps(partner.start, partner.end):
                same = [i for i, f in enumerate(out) if (f.start, f.end) == (partner.start, partner.end)]
                if same:
                    out[same[0]] = partner
                continue
            taken.add(partner.start, partner.end)
            out.append(partner)
        taken.add(main.start, main.end)
        out.append(main)
    out.sort(key=lambda f: (f.start, f.end))
    return out


def candidates(text: str) -> list[tuple[str, re.Match]]:
    """Every place a figure may be, longest first: (kind, match)."""
    p = patterns()
    found: list[tuple[str, re.Match]] = []
    regions = anchor_regions(text, anchor_words(), ANCHOR_REACH)
    for kind, name in (("money", "money_prefix"), ("money", "money_suffix"), ("percent", "percent"),
                       ("fraction", "fraction"), ("fraction", "slash_fraction"), ("ordinal", "ordinal"), ("number", "number"),
                       ("number", "number_unit"), ("number", "word_number")):
        for start, end in regions:
            found.extend((kind, m) for m in p[name].finditer(text, start, end))
    rank = {"money": 0, "percent": 1, "fraction": 2, "ordinal": 3, "number": 4}
    found.sort(key=lambda km: (-(km[1].end() - km[1].start()), rank[km[0]], km[1].start()))
    return found


def figure_records(doc: Doc, doc_id: str, boilerplate: Spans, timexes: list[TimexSpan], dates: DateIndex,
                   numbers: list) -> tuple[list[Figure], list[DocumentWarning]]:
    """The figure records, and a warning for sentences so full of numbers (a table, a dump of
    digits) that their figures are left out: MAX_FIGURES_PER_SENTENCE is far above what a sentence
    of prose states, and each record repeats its sentence as evidence."""
    found = []
    timex_spans = [(t.start, t.end) for t in timexes]
    for f in find_figures(doc, boilerplate, timex_spans, numbers):
        head = doc[f.head] if f.head is not None else None
        token = head if head is not None else covering_span(doc, f.start, f.end).root
        found.append((f, token))
    per_sentence = Counter(token.sent.start for _, token in found)
    crowded = {start for start, n in per_sentence.items() if n > MAX_FIGURES_PER_SENTENCE}
    warnings = [DocumentWarning.of("W005", sentences=len(crowded), limit=MAX_FIGURES_PER_SENTENCE,
                                   numbers=sum(per_sentence[s] for s in crowded))] if crowded else []
    out = []
    for f, token in found:
        if token.sent.start in crowded:
            continue
        when = dates.for_token(token, fallback=False)
        out.append(Figure(doc_id=doc_id, text=f.text, start=f.start, end=f.end, value=f.value, kind=f.kind,
                          unit=f.unit, dimension=f.dimension, si_value=f.si_value, si_unit=f.si_unit,
                          qualifier=f.qualifier, subject=f.subject,
                          date=date_ref(when) if when else None, evidence=evidence(token.sent)))
    return out, warnings
