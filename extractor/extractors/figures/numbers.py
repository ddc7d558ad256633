"""Reading the number of a figure: digits ("1,250.5", ".5"), vulgar fractions ("1½"), number
words ("twenty-one", through the one reader in extractor.language.lexicon), "a dozen" and mixed numbers
("two and a half")."""

from __future__ import annotations

import re
import unicodedata

from functools import cache

from extractor.extractors.figures.words import figure_words, fraction_words, mixed_number_tail
from extractor.language.lexicon import number_value

VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"  # "½", "1½": numbers in their own right (unicodedata.numeric)


def number(word: str) -> float | None:
    """The value of a number as a figure pattern matched it ("1,200", "½", "twenty-one", "a
    dozen", "three and a half"), or None when it is none."""
    word = re.sub(r"\s+", " ", word.lower().replace(",", ""))
    mixed = _mixed_number().fullmatch(word)
    if mixed:
        whole = number(mixed.group(1))
        count, fraction = re.split(r"[\s-]+", mixed.group(2).strip(" -"))[-2:]
        parts = 1 if count in figure_words()["one_word"] else number(count)
        return whole + parts * fraction_words()[fraction] if whole is not None and parts is not None else None
    if re.fullmatch(r"\d*\.?\d+", word):
        return float(word)
    vulgar = re.fullmatch(rf"(\d*)\s?([{VULGAR}])", word)
    if vulgar:
        return float(vulgar.group(1) or 0) + unicodedata.numeric(vulgar.group(2))
    return number_value(word)


def exact(value: float) -> float:
    """`value` to 15 significant digits: 3 * 0.1 is 0.3, as written, not 0.30000000000000004."""
    return float(f"{value:.15g}")


@cache
def _mixed_number() -> re.Pattern:
    """A mixed number as the figure patterns match it: the whole, then its tail (`mixed_number_tail`)."""
    return re.compile(rf"(.+?)({mixed_number_tail()})")
