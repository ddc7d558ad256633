"""The shared readers of extractor/language/lexicon.py: the one reader of number words (numbers.tsv) that
figures, temporal and membership call, and the one builder of regex alternations."""

from __future__ import annotations

import re

import pytest

from extractor.extractors.figures import numbers as figure_numbers
from extractor.extractors.figures import words as figure_words
from extractor.language import lexicon
from extractor.language.lexicon import DataFileError, alternation, flexible, number_value, number_word_list, ordinal_value, spaced, tens_words, word_value, written_ordinal_value


@pytest.mark.parametrize("word, value", [
    ("seven", 7.0), ("ninety", 90.0), ("tenth", 10.0), ("a couple of", 2.0), ("a", 1.0), ("million", 1e6),
    ("twenty-one", 21.0), ("forty six", 46.0), ("eighty-eighth", 88.0),  # the parts are added, whatever their kind
    ("several", None), ("a few", None), ("seventy-zillion", None), ("one-two-three", None), ("Seven", None), ("7", None),
])
def test_lexicon_number_value_reads_entries_and_a_ten_with_a_unit(word, value):
    assert number_value(word) == value


@pytest.mark.parametrize("word, kind, value", [
    ("twelve", None, 12.0), ("twelve", "cardinal", 12.0), ("twelve", "ordinal", None), ("twelfth", "ordinal", 12.0),
    ("many", None, None), ("many", "approx", None), ("hundred", "scale", 100.0), ("twenty-one", None, None),
])
def test_lexicon_word_value_reads_one_entry_of_a_kind(word, kind, value):
    assert word_value(word, kind) == value


@pytest.mark.parametrize("word, value", [("third", 3), ("thousandth", 1000), ("three", None), ("twenty-first", None)])
def test_lexicon_ordinal_value_reads_single_ordinal_words(word, value):
    assert ordinal_value(word) == value


@pytest.mark.parametrize("word, value", [
    ("twenty-first", 21.0), ("thirty second", 32.0), ("one hundredth", 100.0), ("two thousandth", 2000.0),
    ("millionth", 1e6), ("third", None), ("first-second", None), ("a hundredth", None),
])
def test_lexicon_written_ordinal_value_reads_compounds_and_large_ordinals(word, value):
    assert written_ordinal_value(word) == value


def test_lexicon_number_word_list_picks_by_kind_and_value():
    assert set(tens_words()) == {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
    ones = number_word_list("cardinal", 1, 9)
    assert set(ones) == {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "a couple of", "couple of"}
    assert "a couple of" in number_word_list("cardinal") and "several" not in number_word_list("approx")
    large = number_word_list("ordinal", 100)
    assert set(large) == {"hundredth", "thousandth", "millionth"}
    assert "first" in number_word_list("ordinal", most=9) and "first" not in number_word_list("ordinal", 2)


@pytest.mark.parametrize("text, value", [
    ("1,250.5", 1250.5), (".5", 0.5), ("1½", 1.5), ("2 ¾", 2.75), ("Twenty-One", 21.0), ("a dozen", 12.0),
    ("two and a half", 2.5), ("three-and-two-thirds", 3 + 2 / 3), ("10 and a quarter", 10.25), ("several", None),
    ("zillion", None),
])
def test_figures_number_reads_digits_vulgar_fractions_words_and_mixed_numbers(text, value):
    assert figure_numbers.number(text) == pytest.approx(value) if value is not None else figure_numbers.number(text) is None


def test_figures_fraction_words_are_exact_fractions():
    fractions = figure_words.fraction_words()
    assert fractions["third"] == 1 / 3 and fractions["quarters"] == 0.25 and fractions["thousandth"] == 0.001


def test_figures_fraction_words_with_a_bad_value_name_the_word(monkeypatch):
    monkeypatch.setattr(figure_words, "read_tsv", lambda name, columns: [["half", "1/2"], ["third", "one third"]])
    figure_words.fraction_words.cache_clear()
    try:
        with pytest.raises(DataFileError, match="third: 'one third' is no fraction"):
            figure_words.fraction_words()
    finally:
        monkeypatch.undo()
        figure_words.fraction_words.cache_clear()


def test_lexicon_alternation_puts_the_longest_word_first():
    pattern = re.compile(alternation(["new", "new york", "a.m."]))
    assert pattern.match("new york").group() == "new york"
    assert pattern.match("a.m.").group() == "a.m." and not pattern.match("axmx")  # escaped as written


@pytest.mark.parametrize("form, text, matches", [
    (spaced, "Norwegian   kroner", True), (spaced, "norwegian kroner", False),
    (flexible, "Last  week", True), (flexible, "LAST WEEK", True), (flexible, "lAST week", False),
])
def test_lexicon_alternation_forms(form, text, matches):
    pattern = re.compile(alternation(["Norwegian kroner" if form is spaced else "last week"], form))
    assert bool(pattern.fullmatch(text)) is matches


def test_lexicon_word_alternation_is_alternation_with_the_flexible_form():
    words = ["last", "next week", "UN"]
    assert lexicon.word_alternation(words) == alternation(words, flexible)
    assert lexicon.word_alternation(words, flexible_case=False) == alternation(words, spaced)
