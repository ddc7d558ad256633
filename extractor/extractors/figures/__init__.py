"""Figures: money, percentages, counts, ordinals, fractions and physical quantities.

Numbers are found on the text with regular expressions built from the data tables (currency
symbols and words, scale words, units, number words), so "£1.4bn" and "$2.5 bn" read the same
whatever the tokenizer does; the parse then tells what is counted and what is measured.

One module per concern: `patterns` (the named regular expressions, built from data), `numbers`
(reading a number), `money` (currencies and scales), `words` (the word tables), `parse`
(readers of the parse), `kinds` (a builder per kind of figure), `find` (candidates and records)
and `component` (the spaCy factory `figures`).
"""

from __future__ import annotations

from extractor.extractors.figures.component import FigureTagger, make_figures
from extractor.extractors.figures.find import MAX_FIGURES_PER_SENTENCE, candidates, figure_records, find_figures
from extractor.extractors.figures.kinds import FigureSpan, qualifier_before
from extractor.extractors.figures.money import contextual_currencies as _contextual_currencies
from extractor.extractors.figures.money import currency_cues as _currency_cues
from extractor.extractors.figures.money import money_tables
from extractor.extractors.figures.numbers import exact
from extractor.extractors.figures.parse import subject_of
from extractor.extractors.figures.words import figure_words

__all__ = ["FigureSpan", "FigureTagger", "MAX_FIGURES_PER_SENTENCE", "candidates", "exact", "figure_records",
           "find_figures", "make_figures", "qualifier_before", "subject_of"]


def _tables() -> dict:
    """Every table the figure extractor reads, in one dict: the currency and scale tables
    (`money.money_tables`) and the word tables (`words.figure_words`)."""
    return {**money_tables(), **figure_words()}
