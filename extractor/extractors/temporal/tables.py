"""The language data the temporal rules read, loaded once: months, weekdays, seasons, time units,
parts of day, cue phrases, number words, named days and holidays (extractor/language/data/*.tsv), the word
lists of temporal_words.tsv and the rules of temporal_rules.tsv."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractor.language.lexicon import DataFileError, read_tsv


@dataclass(frozen=True)
class Rule:
    """One line of temporal_rules.tsv."""

    name: str
    priority: int
    anchors: str
    checks: tuple[str, ...]  # the names of its checks (temporal/checks.py), in the order they run
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
            "dayparts": dayparts, "cues": cues}


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
    for name, priority, anchors, checks, pattern, example, expression, value in read_tsv("temporal_rules.tsv", 8):
        if not priority.isdigit() or anchors not in ANCHOR_FAMILIES:
            bad.append(f"  {name}: priority must be a whole number and anchors one of {ANCHOR_FAMILIES}")
            continue
        named = tuple(c.strip() for c in checks.split(",")) if checks != "-" else ()
        out.append(Rule(name, int(priority), anchors, named, pattern, example, expression, value))
    if bad:
        raise DataFileError("data/temporal_rules.tsv has bad rules; fix them:\n" + "\n".join(bad))
    return tuple(out)


HOLIDAY_RULES = ("fixed", "on_or_after", "easter", "lunar")
HOLIDAY_SCOPES = ("any", "US")


@dataclass(frozen=True)
class Holiday:
    """One line of holidays.tsv: how the day of `name` is found in a given year."""

    name: str
    rule: str  # one of HOLIDAY_RULES
    month: int = 0  # fixed, on_or_after
    day: int = 0
    weekday: int = 0  # on_or_after: ISO weekday
    offset: int = 0  # easter: days from Easter Sunday
    by_year: tuple[tuple[int, int, int], ...] = ()  # lunar: (year, month, day)
    scope: str = "any"

    @property
    def needs_year(self) -> bool:
        """Whether the day is found only with a year beside it (a lunar holiday)."""
        return self.rule == "lunar"


def _holiday(name: str, rule: str, argument: str, scope: str) -> Holiday | None:
    """The Holiday of one line, or None when its argument does not fit its rule."""
    md = re.fullmatch(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", argument.split(" ")[0])
    if rule == "fixed" and md:
        return Holiday(name, rule, int(md[1]), int(md[2]), scope=scope)
    if rule == "on_or_after" and md and re.fullmatch(r"\S+ [1-7]", argument):
        return Holiday(name, rule, int(md[1]), int(md[2]), weekday=int(argument[-1]), scope=scope)
    if rule == "easter" and re.fullmatch(r"-?\d+", argument):
        return Holiday(name, rule, offset=int(argument), scope=scope)
    if rule == "lunar":
        days = [re.fullmatch(r"(\d{4}):(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", item) for item in argument.split(",")]
        if days and all(days):
            return Holiday(name, rule, by_year=tuple((int(d[1]), int(d[2]), int(d[3])) for d in days if d), scope=scope)
    return None


@cache
def holidays() -> dict[str, Holiday]:
    """The named days of holidays.tsv by lower-case name (apostrophes as "'"); a line whose rule,
    argument or scope does not fit is an error naming it."""
    out, bad = {}, []
    for name, rule, argument, scope in read_tsv("holidays.tsv", 4):
        holiday = _holiday(name, rule, argument, scope) if rule in HOLIDAY_RULES and scope in HOLIDAY_SCOPES else None
        if holiday is None:
            bad.append(f"  {name}: rule must be one of {HOLIDAY_RULES} with its argument (see the file's header), "
                       f"scope one of {HOLIDAY_SCOPES}")
            continue
        out[name.lower()] = holiday
    if bad:
        raise DataFileError("data/holidays.tsv has bad lines; fix them:\n" + "\n".join(bad))
    return out


@cache
def holiday_words() -> frozenset[str]:
    """The first word of each holiday name, lower case, "the" left out ("christmas", "fourth"):
    the anchor words a holiday is found around."""
    return frozenset(re.findall(r"[a-z]+", re.sub(r"^the ", "", name))[0] for name in holidays())


def holiday_of(name: str) -> Holiday:
    """The Holiday of holidays.tsv a matched name is (any case, either apostrophe, any spaces)."""
    return holidays()[re.sub(r"\s+", " ", name.replace("’", "'")).lower()]
