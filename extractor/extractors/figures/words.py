"""The word tables of the figure extractor: qualifiers, exclusions, fraction words and the named
word lists of data/figure_words.tsv (what makes "degrees" a temperature, "crowns" no money ...)."""

from __future__ import annotations

import re
from functools import cache
from fractions import Fraction

from extractor.language.lexicon import DataFileError, alternation, read_tsv


@cache
def figure_words() -> dict:
    """The tables as one dict: "qualifiers" (phrase -> qualifier), "idioms" (phrases no number in
    them is a figure of), "name_words" (a word before a number that makes it a name), and every
    list of figure_words.tsv by its name (a set of words)."""
    exclusions = read_tsv("figure_exclusions.tsv", 2)
    lists: dict[str, set[str]] = {"ambiguous_currency": set(), "total_noun": set()}
    for name, word in read_tsv("figure_words.tsv", 2):
        lists.setdefault(name, set()).add(word)
    return {
        "qualifiers": {w: q for w, q in read_tsv("qualifiers.tsv", 2)},
        "idioms": [p.lower() for k, p in exclusions if k == "phrase"],
        "name_words": {p.lower() for k, p in exclusions if k == "before"},
        **lists,
    }


@cache
def fraction_words() -> dict[str, float]:
    """Fraction word -> what one is worth, from fractions.tsv ("quarters" -> 0.25, "third" ->
    1/3); a value that is no number is a DataFileError naming the word."""
    out, bad = {}, []
    for word, value in read_tsv("fractions.tsv", 2):
        try:
            out[word] = float(Fraction(value))
        except (ValueError, ZeroDivisionError):
            bad.append(f"  {word}: {value!r} is no fraction; write it as 1/3 or 0.25")
    if bad:
        raise DataFileError("data/fractions.tsv has bad lines; fix them:\n" + "\n".join(bad))
    return out


def _hyphen_or_spaces(phrase: str) -> str:
    """`phrase` escaped, each space matching a run of spaces or hyphens ("a half", "a-half")."""
    return re.escape(phrase).replace(r"\ ", r"[\s-]+")


@cache
def mixed_number_tail() -> str:
    """The regex of what follows the whole number of a mixed number ("... and a half", "...-and-two-
    thirds"): the joint and a fraction of figure_words.tsv, in spaces or hyphens."""
    words = figure_words()
    joint, fraction = alternation(words["mixed_joint"]), alternation(words["mixed_fraction"], _hyphen_or_spaces)
    return rf"[\s-]+{joint}[\s-]+{fraction}"
