"""The time of the clause a temporal expression sits in, read from the parse: the tense of
`extractor.nlp.syntax.tense_at`, refined where a weekday or a month needs more than the tense."""

from __future__ import annotations

from spacy.tokens import Doc

from extractor.extractors.temporal.tables import word_set
from extractor.nlp.syntax import clause_verb, tense_at


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """"past", "present", "future" or None as `tense_at` says, but "future" for a clause with
    "would" ("he said he would resign Friday"): the future of the moment reported, which a
    past reporting verb would otherwise make past."""
    tense = tense_at(doc, start, end)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return tense
    verb = clause_verb(span.root)
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in word_set("future_in_past") for c in verb.children):
        return "future"
    return tense
