"""The spaCy component `figures`: `nlp.add_pipe("figures")` (registered by importing
extractor.extractors.figures, or through the package's entry point with nothing imported)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor.core.context import context_of, write_spans
from extractor.extractors.figures.find import candidates, figure_records
from extractor.extractors.temporal import dates_of, timexes_of
from extractor.nlp.syntax import text_of


@Language.factory("figures", requires=["doc._.timexes"], assigns=["doc._.figures", "doc.spans"])
def make_figures(nlp: Language, name: str) -> FigureTagger:
    return FigureTagger()


class FigureTagger:
    """Figures as `doc._.figures` (records) and `doc.spans["figures"]`, dated by the `timex`
    component's expressions (tagged here if it has not run)."""

    def __call__(self, doc: Doc) -> Doc:
        ctx = context_of(doc)
        timexes = timexes_of(doc)
        numbers = ctx.numbers if ctx.numbers is not None else candidates(text_of(doc))
        records, warnings = figure_records(doc, ctx.doc_id, ctx.boilerplate, timexes, dates_of(doc), numbers)
        ctx.warnings += warnings
        doc._.figures = records
        write_spans(doc, "figures", [(r.start, r.end, r.kind, r) for r in records])
        return doc
