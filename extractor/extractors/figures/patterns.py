"""The regular expressions of the figure extractor, by name, built once from the data tables
(currency symbols and words, scale words, number words, fraction words, the word lists of
figure_words.tsv), so that "£1.4bn" and "$2.5 bn" read the same whatever the tokenizer does.

`patterns()` are the expressions that find figures on the text (see `candidates`); the others
are the checks the kind builders make around a match.
"""

from __future__ import annotations

import re
from functools import cache, partial

from extractor.extractors.figures.money import money_tables
from extractor.extractors.figures.numbers import VULGAR
from extractor.extractors.figures.words import figure_words, fraction_words, mixed_number_tail
from extractor.language.lexicon import alternation, number_word_list, number_words, ordinal_suffix, spaced, tens_words, word_alternation

NUMERIC = rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+\s?[{VULGAR}]|\d+(?:\.\d+)?|\.\d+|[{VULGAR}]"
SIGN = re.compile(r"(?:(?P<minus>[Mm]inus\s+)|(?P<sign>[-\u2212]))$")
ANCHOR_REACH = 60  # characters: no figure reaches further than this from its digit or number word


def currency_word_form(word: str, exact: set[str]) -> str:
    """A currency word after a number: a name of several words in any case ("us dollar",
    "Chinese Yuan"); one word in lower case, with a capital or in capitals ("euros", "Euros",
    "EUROS"); coins in `exact` as written (not the rapper "50 Cent"); codes and symbols as
    written."""
    escaped = spaced(word)
    if word.islower() and " " in word:
        return f"(?i:{escaped})"
    if word.islower() and len(word) > 1 and word not in exact:
        return f"(?:{escaped}|{re.escape(word.title())}|{re.escape(word.upper())})"
    return escaped


@cache
def patterns() -> dict[str, re.Pattern]:
    """The expressions that find figures, by name: money with the currency before the number
    ("$5bn") or after it ("5 billion euros"), percent, bare and word numbers, ordinals,
    fractions in words and with a slash, and a number with a unit glued on ("12kg")."""
    t = money_tables()
    cardinal = [w for w in number_word_list("cardinal") if " " not in w]
    tens = tens_words()
    ones = number_word_list("cardinal", 1, 9)
    word_num = rf"(?:{word_alternation(tens)}-{word_alternation(ones)}|{word_alternation(cardinal)})"
    long_scales = [w for w in t["scales"] if len(w) > 3]
    short_scales = [w for w in t["scales"] if len(w) <= 3]
    scale = rf"(?:\s?(?P<scale>{alternation(short_scales)})(?![\w])|[\s-](?P<scale_word>{word_alternation(long_scales)})(?![\w]))"
    scale_word_only = rf"(?:\s(?P<scale_word>{word_alternation(long_scales)})(?![\w]))"
    letter_prefixes = figure_words()["word_prefix_currency"]
    prefix = alternation([p for p in t["prefixes"] if not p.isalpha() or p in letter_prefixes or len(p) == 3])
    exact_words = {*t["subunits"], *t["contextual"]}
    suffix = alternation([*t["suffixes"], *t["subunits"], *t["contextual"]], partial(currency_word_form, exact=exact_words))
    fraction_numerators = rf"(?:{word_num}|{word_alternation(figure_words()['article'])})"
    ordinal_words = number_word_list("ordinal", 2)
    unit_ordinals = number_word_list("ordinal", most=9)
    large_ordinals = number_word_list("ordinal", 100)
    compound_ordinal = rf"{word_alternation(tens)}[-\s]{word_alternation(unit_ordinals)}|(?:{word_alternation(figure_words()['one_word'])}\s)?{word_alternation(large_ordinals)}"
    return {
        "money_prefix": re.compile(rf"(?<![\w$£€¥])(?P<cur>{prefix})\s?(?P<neg>[-\u2212])?(?P<num>{NUMERIC}){scale}?(?![\d])"),
        "money_suffix": re.compile(rf"(?<![\w.,])(?P<num>{NUMERIC}|{word_num}){scale}?(?:[\s-]|(?=[^\w\s])|(?=p\b))(?P<curw>{suffix})(?:\s(?P<post_scale>{word_alternation(long_scales)}))?(?![\w])"),
        "percent": re.compile(rf"(?<![\w.,])(?P<num>{NUMERIC}|{word_num})(?:\s?(?P<pct>%)|\s(?P<pctw>{alternation(figure_words()['percent_word'], spaced)})(?![\w]))"),
        "number": re.compile(rf"(?<![\w.,$£€¥])(?P<num>{NUMERIC})(?:{scale})?(?![\w%]|[.,]\d)"),
        "word_number": re.compile(rf"(?<![\w-])(?P<num>(?:{word_num}|\d+)(?:{mixed_number_tail()})|{word_num}|{word_alternation(number_word_list('dozen'))})(?:{scale_word_only})?(?![\w-])", re.IGNORECASE),
        "ordinal": re.compile(rf"(?<![\w.])(?P<ord>\d+{ordinal_suffix()}|{compound_ordinal}|{word_alternation(ordinal_words)})(?![\w])"),
        "fraction": re.compile(rf"(?<![\w-])(?P<frac>(?:(?P<fnum>{fraction_numerators})[\s-])?(?P<fden>{word_alternation(list(fraction_words()))})|(?P<one>[Oo]ne|\d+)\s+in\s+(?P<every>every\s+)?(?P<den>\d+|{word_num}))(?![\w-])"),
        "number_unit": re.compile(r"(?<![\w.,$£€¥])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?=[A-Za-zµ])"),  # "12kg"
        "slash_fraction": re.compile(r"(?<![\w/.,-])(?P<snum>\d{1,2})/(?P<sden>\d{1,3})(?![\w/]|[.,]\d)"),
    }


@cache
def anchor_words() -> frozenset[str]:
    """Words every figure without a digit contains: number words (with "dozen"), fractions ("a"
    and "an" count only with one of these)."""
    words = {max(w.replace("-", " ").split(), key=len) for w, (_, kind) in number_words().items()
             if kind not in ("article", "ordinal_suffix")}
    words |= set(fraction_words()) | set(VULGAR)
    return frozenset(w.lower() for w in words)


@cache
def qualifier_pattern() -> re.Pattern:
    """A qualifier phrase ("more than", "nearly") at the end of the text before a figure."""
    return re.compile(r"(?:^|[^\w])(" + alternation(figure_words()["qualifiers"]) + ")$")


@cache
def context_patterns() -> dict[str, re.Pattern]:
    """The checks around a match, from the word lists of figure_words.tsv, by name: what follows
    an ordinal word ("-largest", " time"), what stands around a bare "half" or "a quarter", and
    a time unit after "10-"."""
    w = figure_words()
    return {
        "ordinal_hyphen_word": re.compile(rf"-{alternation(w['ordinal_hyphen_word'])}"),
        "ordinal_noun_after": re.compile(rf"\s+{alternation(w['ordinal_noun_after'])}\b"),
        "half_followed_by": re.compile(rf"\s+{alternation(w['half_followed_by'])}\b"),
        "half_preceded_by": re.compile(rf"{alternation(w['half_preceded_by'])}\s+$"),
        "quarter_period": re.compile(rf"\s+(?:of\s+)?(?:an?\s+)?{alternation(w['quarter_period'])}"),
        "hyphen_period": re.compile(rf"-{alternation(w['hyphen_period'])}"),
        # "two of the five judges", "12 out of 27 states"
        "partitive": re.compile(rf"\s+{alternation(w['partitive_joint'], spaced)}\s", re.IGNORECASE),
        # "3-", "between 2 and": the first number of a range, ending the text before a figure
        "range_start": re.compile(rf"(?P<num>{NUMERIC})\s?{alternation(w['range_joint'])}\s?$"),
    }
