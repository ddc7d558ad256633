"""The `timex` spaCy component: every temporal expression of a Doc, normalized against the
document's reference date, as `doc._.timexes` and `doc.spans["timex"]`; `doc._.reference_date`."""

from __future__ import annotations

from functools import partial

from spacy.language import Language
from spacy.tokens import Doc

from extractor.core.context import context_of, write_spans
from extractor.core.records import Timex
from extractor.extractors.temporal.anchor import TimexSpan, resolve
from extractor.extractors.temporal.clause import clause_tense
from extractor.extractors.temporal.detect import scan
from extractor.extractors.temporal.reference import reference_date
from extractor.linking.dates import DateIndex
from extractor.nlp.syntax import text_of


@Language.factory("timex", assigns=["doc._.timexes", "doc._.reference_date", "doc.spans"])
def make_timex(nlp: Language, name: str) -> TimexTagger:
    return TimexTagger()


class TimexTagger:
    """Finds and normalizes the temporal expressions outside boilerplate. The reference date is
    the document context's given date (`doc._.extractor.published`), else inferred from the text;
    the parse, where there is one, gives the tense that places a bare "Friday" or "in May"."""

    def __call__(self, doc: Doc) -> Doc:
        ctx = context_of(doc)
        text = text_of(doc)
        candidates = ctx.timex_candidates
        if candidates is None:
            candidates = [c for c in scan(text) if not ctx.boilerplate.contains(c.start, c.end)]
        tense = partial(clause_tense, doc)
        reference, ctx.reference_source, ctx.reference_rule = reference_date(
            ctx.published, ctx.published_rule, candidates, text, ctx.captions, tense)
        timexes = resolve(candidates, text, reference, tense)
        doc._.reference_date = reference
        doc._.timexes = timexes
        ctx.dates = DateIndex(doc, timexes, ctx.captions)
        write_spans(doc, "timex", [(t.start, t.end, t.timex_type, t) for t in timexes])
        return doc


def timexes_of(doc: Doc) -> list[TimexSpan]:
    """The Doc's temporal expressions, tagging them first if no `timex` component has run."""
    if doc._.timexes is None:
        TimexTagger()(doc)
    return doc._.timexes


def dates_of(doc: Doc) -> DateIndex:
    """The Doc's datable expressions by sentence (`doc._.extractor.dates`), the timexes tagged
    first if no `timex` component has run (indexed here if they were set on the Doc otherwise)."""
    ctx = context_of(doc)
    timexes = timexes_of(doc)
    if ctx.dates is None:
        ctx.dates = DateIndex(doc, timexes, ctx.captions)
    return ctx.dates


def timex_records(doc_id: str, timexes: list[TimexSpan]) -> list[Timex]:
    return [Timex(doc_id=doc_id, text=t.text, start=t.start, end=t.end, timex_type=t.timex_type, value=t.value,
                  start_date=t.start_date, end_date=t.end_date, anchored=t.anchored) for t in timexes]
