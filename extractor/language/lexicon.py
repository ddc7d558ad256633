"""Reading the language data under extractor/language/data and extractor/language/patterns.

Every table is validated on load; a bad file fails with one error that lists every bad line,
so a contributor fixes them all in one go.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Callable, Iterable, TypeVar

from pydantic import BaseModel, ValidationError

T = TypeVar("T", bound=BaseModel)


class DataFileError(ValueError):
    """A data file under extractor/language/data or extractor/language/patterns has lines that do not validate."""


def package_text(name: str, folder: str = "data") -> str:
    """The text of a data file of this package (`data/` or `patterns/`, beside this module)."""
    return resources.files(__package__ or "extractor.language").joinpath(folder).joinpath(name).read_text(encoding="utf-8")


def read_tsv(name: str, columns: int, folder: str = "data") -> list[list[str]]:
    """Return the rows of a TSV data file (comments and blank lines skipped); every row must
    have `columns` fields, else DataFileError names each bad line."""
    rows, bad = [], []
    for number, line in enumerate(package_text(name, folder).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != columns:
            bad.append(f"  line {number}: expected {columns} tab-separated fields, got {len(fields)}: {line!r}")
        else:
            rows.append([f.strip() for f in fields])
    if bad:
        raise DataFileError(f"{folder}/{name} has bad lines; fix them:\n" + "\n".join(bad))
    return rows


def read_jsonl(name: str, model: type[T], folder: str = "data") -> list[T]:
    """Return the lines of a JSONL data file validated as `model`; DataFileError lists every
    line that is not valid JSON or does not fit the model."""
    items, bad = [], []
    for number, line in enumerate(package_text(name, folder).splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            items.append(model.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as exc:
            first = str(exc).splitlines()
            bad.append(f"  line {number}: {' '.join(first[:3])}")
    if bad:
        raise DataFileError(f"{folder}/{name} has bad lines; fix them:\n" + "\n".join(bad))
    return items


def alternation(words: Iterable[str], form: Callable[[str], str] = re.escape) -> str:
    """Return a regex alternation of `words`, each written as `form` gives it (by default escaped,
    as written), longest word first so the longest of several that match wins: the one builder
    of alternations of words (`spaced`, `flexible`, `as_regex` are forms)."""
    return "(?:" + "|".join(form(word) for word in sorted(set(words), key=len, reverse=True)) + ")"


def spaced(word: str) -> str:
    """`word` escaped, a space in it matching any run of white space ("Norwegian  kroner")."""
    return re.escape(word).replace(r"\ ", r"\s+")


def flexible(word: str) -> str:
    """`word` as `spaced`, and a lower-case word also with a capital first letter ("last" /
    "Last") or in capitals ("LAST")."""
    escaped = spaced(word)
    if word[:1].islower():
        return f"(?:[{word[0]}{word[0].upper()}]{escaped[1:]}|{re.escape(word.upper())})"
    return escaped


def as_regex(pattern: str) -> str:
    """A word that is a regular expression already (the form for alternations of patterns)."""
    return pattern


def word_alternation(words: Iterable[str], flexible_case: bool = True) -> str:
    """Return a regex alternation of `words`, longest first, a space matching any white space.
    With `flexible_case`, a lower-case word also matches with a capital first letter ("last" /
    "Last") or in capitals."""
    return alternation(words, flexible if flexible_case else spaced)


@cache
def number_words() -> dict[str, tuple[str, str]]:
    """word -> (value, kind) from numbers.tsv; value is "X" for vague quantities."""
    return {word: (value, kind) for word, value, kind in read_tsv("numbers.tsv", 3)}


def number_word_list(kind: str, least: int | None = None, most: int | None = None) -> list[str]:
    """The words of numbers.tsv of `kind` ("cardinal", "ordinal", ...) with a value, vague ones
    ("several") left out; with `least` / `most`, only those whose value is a whole number in
    that range ("twenty" ... "ninety": least=20, most=90 with a step of ten is `tens`)."""
    out = []
    for word, (value, k) in number_words().items():
        if k != kind or value == "X":
            continue
        if (least is not None or most is not None) and not (
                value.isdigit() and (least is None or int(value) >= least) and (most is None or int(value) <= most)):
            continue
        out.append(word)
    return out


@cache
def ordinal_suffix() -> str:
    """The regex alternation of the suffixes that make digits an ordinal ("st", "nd": numbers.tsv
    kind ordinal_suffix), for "21st", "3rd"."""
    return alternation(w for w, (_, kind) in number_words().items() if kind == "ordinal_suffix")


def tens_words() -> list[str]:
    """The cardinal tens of numbers.tsv: "twenty", "thirty" ... "ninety"."""
    return [w for w in number_word_list("cardinal", 20, 90) if int(number_words()[w][0]) % 10 == 0]


def word_value(word: str, kind: str | None = None) -> float | None:
    """The value of one entry of numbers.tsv, lower case ("seven" -> 7.0, "tenth" -> 10.0, "a
    couple of" -> 2.0), of `kind` when given; None when it is not listed (as that kind) or is
    vague ("several")."""
    entry = number_words().get(word)
    if entry is None or entry[0] == "X" or (kind is not None and entry[1] != kind):
        return None
    return float(entry[0])


def number_value(word: str) -> float | None:
    """The value of a number written in words, lower case: an entry of numbers.tsv ("seven",
    "tenth", "a couple of") or two entries joined by a hyphen or a space and added ("twenty-one",
    "twenty one" -> 21.0); None for anything else."""
    table = number_words()
    if word in table:
        return word_value(word)
    parts = re.split(r"[-\s]", word)
    if len(parts) == 2 and all(p in table for p in parts):
        return float(table[parts[0]][0]) + float(table[parts[1]][0])
    return None


def ordinal_value(word: str) -> int | None:
    """The value of an ordinal word of numbers.tsv, lower case ("tenth" -> 10), else None."""
    value = word_value(word, "ordinal")
    return int(value) if value is not None else None


def written_ordinal_value(word: str) -> float | None:
    """An ordinal written in two words or a large one, lower case: "twenty-first" -> 21.0, "one
    hundredth" -> 100.0, "thousandth" -> 1000.0; None for a single ordinal word under a hundred
    ("third"), which may be a fraction, a time unit or a verb."""
    words = re.split(r"[-\s]", word)
    table = number_words()
    if len(words) == 2 and words[0] in table and words[1] in table and table[words[0]][1] == "cardinal":
        first, second = float(table[words[0]][0]), float(table[words[1]][0])
        return first + second if first >= 20 else first * second
    if len(words) == 1 and word in table and float(table[word][0]) >= 100:
        return float(table[word][0])
    return None


def previous_word(text: str, start: int) -> str:
    """The word just before `start`, lower case ("" if none): spaces and hyphens between."""
    m = re.search(r"([A-Za-z]+)[\s-]*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


WORD_OR_DIGITS = re.compile(r"[^\W\d_]+|\d+")


def anchor_regions(text: str, anchors: frozenset[str], before: int, after: int | None = None) -> list[tuple[int, int]]:
    """Where patterns that always contain a digit or one of the lowercase `anchors` words can
    match: from `before` characters before each to `after` (default: `before`) after it,
    widened to whole words, merged. When that covers most
    of the text (news dense with dates and numbers), the whole text as one region: one pass is
    then cheaper. Sparse text (a dump on one line) is scanned only where it matters."""
    regions: list[tuple[int, int]] = []
    for m in WORD_OR_DIGITS.finditer(text):
        word = m.group()
        if not word[0].isdigit() and word.lower() not in anchors:
            continue
        start, end = max(0, m.start() - before), min(len(text), m.end() + (before if after is None else after))
        if regions and start <= regions[-1][1]:
            regions[-1] = (regions[-1][0], end)
        else:
            regions.append((start, end))
    if sum(e - s for s, e in regions) > len(text) // 2:
        return [(0, len(text))]
    return [(_word_start(text, s), _word_end(text, e)) for s, e in regions]


def _word_start(text: str, i: int) -> int:
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


def _word_end(text: str, i: int) -> int:
    while i < len(text) and not text[i].isspace():
        i += 1
    return i


@dataclass
class MembershipWords:
    """data/membership_words.tsv by kind: word sets and word -> value tables."""

    member_nouns: set[str] = field(default_factory=set)
    status: dict[str, str] = field(default_factory=dict)
    noun_verb: dict[str, str] = field(default_factory=dict)
    process_noun: dict[str, str] = field(default_factory=dict)
    noun_action: dict[str, str] = field(default_factory=dict)
    undo_verb: dict[str, str] = field(default_factory=dict)
    decision_verb: dict[str, str] = field(default_factory=dict)
    third_party_verb: set[str] = field(default_factory=set)
    org_anaphor: set[str] = field(default_factory=set)
    country_anaphor: set[str] = field(default_factory=set)
    time_preposition: set[str] = field(default_factory=set)
    since_word: set[str] = field(default_factory=set)
    naming_verb: set[str] = field(default_factory=set)
    reporting_verb: set[str] = field(default_factory=set)
    founding_verb: set[str] = field(default_factory=set)
    effect_preposition: set[str] = field(default_factory=set)
    effect_word: set[str] = field(default_factory=set)
    effect_object: set[str] = field(default_factory=set)
    effect_adjective: set[str] = field(default_factory=set)
    act_noun: set[str] = field(default_factory=set)
    indefinite_determiner: set[str] = field(default_factory=set)
    alongside_preposition: set[str] = field(default_factory=set)
    membership_word: set[str] = field(default_factory=set)
    currency_word: set[str] = field(default_factory=set)
    relative_pronoun: set[str] = field(default_factory=set)
    application_noun: set[str] = field(default_factory=set)
    applying_verb: set[str] = field(default_factory=set)
    slot_preposition: set[str] = field(default_factory=set)
    change_noun: set[str] = field(default_factory=set)
    target_preposition: set[str] = field(default_factory=set)
    still_the_body: set[str] = field(default_factory=set)
    respective_word: set[str] = field(default_factory=set)
    date_list_joint: set[str] = field(default_factory=set)
    identity_verb: set[str] = field(default_factory=set)
    identity_preposition: set[str] = field(default_factory=set)
    date_preposition: set[str] = field(default_factory=set)
    enumeration_link: set[str] = field(default_factory=set)
    item_end: set[str] = field(default_factory=set)
    recipient_preposition: set[str] = field(default_factory=set)
    person_possessive: set[str] = field(default_factory=set)


@cache
def membership_words() -> MembershipWords:
    """The words membership reading uses, by the kind in column 1 (a field of MembershipWords;
    "member_noun" fills member_nouns): a set of words, or a table of word -> column 3."""
    w = MembershipWords()
    for kind, word, value in read_tsv("membership_words.tsv", 3):
        table = getattr(w, "member_nouns" if kind == "member_noun" else kind, None)
        if table is None:
            raise DataFileError(f"data/membership_words.tsv: unknown kind {kind!r} (the fields of MembershipWords in "
                                "extractor/language/lexicon.py are the kinds); fix the spelling or add the field")
        if isinstance(table, set):
            table.add(word)
        else:
            table[word] = value
    return w


@cache
def membership_reasons() -> dict[str, frozenset[str]]:
    """kind -> words, from data/membership_reasons.tsv: the words the reasons that reject a
    membership candidate read."""
    table: dict[str, set[str]] = {}
    for kind, word in read_tsv("membership_reasons.tsv", 2):
        table.setdefault(kind, set()).add(word)
    return {kind: frozenset(ws) for kind, ws in table.items()}
