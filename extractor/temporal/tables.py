"""The language data the temporal rules read, loaded once: months, weekdays, seasons, time units,
parts of day, cue phrases, number words (extractor/data/*.tsv), the word lists of
temporal_words.tsv and the rules of temporal_rules.tsv."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from extractor.lexicon import DataFileError, number_words, read_tsv


@dataclass(frozen=True)
class Rule:
    """One line of temporal_rules.tsv."""

    name: str
    priority: int
    anchors: str
    pattern: str
    example: str
    expression: str
    value: str


ANCHOR_FAMILIES = ("any", "unit", "cue")


@cache
def tables() -> dict:
    months = {w: (int(m), ctx == "1") for w, m, ctx in read_tsv("months.tsv", 3)}
    weekdays = {w: int(d) for w, d in read_tsv("weekdays.tsv", 2)}
    seasons = {w: code for w, code in read_tsv("seasons.tsv", 2)}
    units = {}
    for singular, plural, letter, gran in read_tsv("time_units.tsv", 4):
        units[singular] = (singular, letter, gran)
        units[plural] = (singular, letter, gran)
    dayparts = {w: code for w, code in read_tsv("dayparts.tsv", 2)}
    cues = {phrase: (kind, arg) for phrase, kind, arg in read_tsv("temporal_cues.tsv", 3)}
    return {"months": months, "weekdays": weekdays, "seasons": seasons, "units": units,
            "dayparts": dayparts, "cues": cues, "numbers": number_words()}


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The words of one list of temporal_words.tsv, in file order; an unknown list is an error."""
    lists: dict[str, list[str]] = {}
    for list_name, word in read_tsv("temporal_words.tsv", 2):
        lists.setdefault(list_name, []).append(word)
    if name not in lists:
        raise DataFileError(f"data/temporal_words.tsv has no list {name!r}; add its lines (list<TAB>word)")
    return tuple(lists[name])


@cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(word_list(name))


@cache
def rules() -> tuple[Rule, ...]:
    """The rules of temporal_rules.tsv in file order; a bad priority or anchor family is an error
    naming the rule."""
    out, bad = [], []
    for name, priority, anchors, pattern, example, expression, value in read_tsv("temporal_rules.tsv", 7):
        if not priority.isdigit() or anchors not in ANCHOR_FAMILIES:
            bad.append(f"  {name}: priority must be a whole number and anchors one of {ANCHOR_FAMILIES}")
            continue
        out.append(Rule(name, int(priority), anchors, pattern, example, expression, value))
    if bad:
        raise DataFileError("data/temporal_rules.tsv has bad rules; fix them:\n" + "\n".join(bad))
    return tuple(out)
