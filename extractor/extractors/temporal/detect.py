"""Step 1 of temporal tagging: candidate expressions in a text, before any reference date.

The rules are data (data/temporal_rules.tsv, one regular expression per line with an example);
their placeholders ({MONTH}, {YEAR}, ...) are built here from the tables. What a regular
expression cannot say (the word before a bare month, what follows a year) is said by the checks
each rule line names, the functions of checks.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Iterable

from extractor.extractors.temporal.checks import AFTER_CHARS, CHECKS, Check, Found
from extractor.extractors.temporal.tables import holiday_words, holidays, rules, tables, word_list
from extractor.language.lexicon import DataFileError, alternation, anchor_regions, as_regex, number_value, number_word_list, ordinal_suffix, tens_words, word_alternation

# characters before and after an anchor word that an expression can reach: any rule, 80 either
# way; a unit word ends its expression but for "ago", "from now", "-old"; a cue ends its phrase
ANCHOR_REACH = {"any": (80, 80), "unit": (60, 15), "cue": (30, 3)}


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: str
    groups: dict
    priority: int
    absolute_day: date | None = None  # an explicit full date ("July 12, 2025"): feeds reference inference



def _capitalized_alternation(words: Iterable[str]) -> str:
    """Names as written ("July", "Jul.") or in capitals ("JULY")."""
    words = list(words)
    return alternation([*words, *(w.upper() for w in words)])




@cache
def _placeholders() -> dict[str, str]:
    t = tables()
    cardinals = number_word_list("cardinal")
    tens = tens_words()
    units_ = number_word_list("cardinal", 1, 9)
    word_number = (
        f"(?:{word_alternation(tens)}[-\\s]{word_alternation(units_)}|{word_alternation(cardinals)}"
        f"|{word_alternation(['a', 'an', 'a couple of', 'a half', 'half a'])})"
    )
    return {
        "MONTH": r"(?P<month>" + _capitalized_alternation(t["months"]) + r")(?![\w])",
        "WEEKDAY": r"(?P<weekday>" + _capitalized_alternation(t["weekdays"]) + r")(?![\w])",
        "SEASON": r"(?P<season>" + word_alternation(list(t["seasons"])) + r")",
        "UNIT": r"(?P<unit>" + word_alternation(list(t["units"])) + r")",
        "DAYPART": r"(?P<daypart>" + word_alternation(list(t["dayparts"])) + r")",
        "YEAR": r"(?P<year>(?:1[5-9]|20)\d\d)(?![\d])",
        "SPOKEN_YEAR": r"(?P<spoken_year>" + _spoken_year_pattern() + r")",
        "DAY": rf"(?P<day>3[01]|[12]\d|0?[1-9]){ordinal_suffix()}?(?!\d|:\d)",
        "NUM": rf"(?P<num>\d+(?:\.\d+)?(?:\s+1/2|½)?|{word_number})",
        "VAGUE": r"(?P<vague>" + word_alternation(list(word_list("vague"))) + r")",
        "ORD": r"(?P<ord>" + word_alternation(list(word_list("part_ordinal"))) + r")",
        "ORDINAL": r"(?P<nth>" + word_alternation(number_word_list("ordinal", 1, 31)) + rf"|(?:3[01]|[12]\d|[1-9]){ordinal_suffix()})",
        "CUE": word_alternation(list(t["cues"])),
        "DECADE_WORD": word_alternation(list(word_list("decade_word"))),
        "HOLIDAY": r"(?P<holiday>" + _holiday_alternation() + r")",
    }


def _spoken_year_pattern() -> str:
    """A year said as words after a month or a season ("January nineteen ninety-seven", "the
    winter of nineteen ninety-four"): a century word from ten to twenty, then ten to nineteen
    or a ten with an optional unit."""
    centuries = word_alternation(number_word_list("cardinal", 10, 20))
    teens = word_alternation(number_word_list("cardinal", 10, 19))
    tens = word_alternation(tens_words())
    units = word_alternation(number_word_list("cardinal", 1, 9))
    return rf"{centuries}[-\s](?:{teens}|{tens}(?:[-\s]{units})?)(?![-\w])"


def spoken_year_value(words: str) -> int | None:
    """The year `words` say ("nineteen ninety-seven" -> 1997), or None."""
    parts = re.split(r"[-\s]+", words.lower())
    values = [v for w in parts if (v := number_value(w)) is not None]
    if len(parts) < 2 or len(values) < len(parts):
        return None
    return int(values[0] * 100 + sum(values[1:]))


def _holiday_alternation() -> str:
    """The names of holidays.tsv as written or in capitals, an apostrophe matching ' or ’, a
    space any run of spaces, longest first."""
    parts = set()
    for name in holidays():
        for form in ({h.name for h in holidays().values() if h.name.lower() == name} | {name.upper()}):
            parts.add(re.escape(form).replace("'", "['’]").replace(r"\ ", r"\s+"))
            if form.startswith("the "):
                parts.add(re.escape("T" + form[1:]).replace("'", "['’]").replace(r"\ ", r"\s+"))
    return alternation(parts, as_regex)


WORDS = re.compile(r"\{w:([^}]*)\}")


def compile_rule(pattern: str) -> re.Pattern:
    """A rule's pattern with its placeholders filled, matching whole words only."""
    body = WORDS.sub(lambda m: word_alternation(m.group(1).split("|")), pattern)
    for name, alternation in _placeholders().items():
        body = body.replace("{" + name + "}", alternation)
    return re.compile(r"(?<![\w$£€¥])" + body + r"(?![\w])")


@dataclass(frozen=True)
class CompiledRule:
    name: str
    pattern: re.Pattern
    priority: int
    anchors: str
    checks: tuple[Check, ...]


@cache
def _rules() -> list[CompiledRule]:
    """The rules of the data file in its order, compiled, with their checks; a check no function
    of checks.py is named for is an error naming the rule."""
    unknown = [f"  {r.name}: {name}" for r in rules() for name in r.checks if name not in CHECKS]
    if unknown:
        raise DataFileError("data/temporal_rules.tsv names checks that extractor/extractors/temporal/checks.py does not define"
                            " (fix the name, or write the check there with @check):\n" + "\n".join(unknown))
    return [CompiledRule(r.name, compile_rule(r.pattern), r.priority, r.anchors, tuple(CHECKS[c] for c in r.checks))
            for r in rules()]


def scan(text: str) -> list[Candidate]:
    """Return the non-overlapping candidate expressions in `text`, left to right: at each
    overlap the longest span wins, then the rule with the lower priority number."""
    found: list[Candidate] = []
    regions = {kind: anchor_regions(text, words, *ANCHOR_REACH[kind]) for kind, words in _anchor_words().items()}
    for rule in _rules():
        for start, end in regions[rule.anchors]:
            for m in rule.pattern.finditer(text, start, end):
                candidate = _accept(rule, m, text)
                if candidate is not None:
                    found.append(candidate)
    found.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken: list[Candidate] = []
    occupied: list[tuple[int, int]] = []
    for c in found:
        if any(c.start < e and s < c.end for s, e in occupied):
            continue
        taken.append(c)
        occupied.append((c.start, c.end))
    taken.sort(key=lambda c: c.start)
    return taken


@cache
def _anchor_words() -> dict[str, frozenset[str]]:
    """Words no temporal expression is without (with a digit), by rule family: "any" for every
    rule (months, weekdays, seasons, units, parts of day, the last word of each cue phrase, the
    anchor words of temporal_words.tsv); "unit" for the rules that always hold a unit word ("two
    years", "a month ago"); "cue" for the cue phrases. A rule looks only around its family's words."""
    t = tables()
    cues = {phrase.split()[-1] for phrase in t["cues"]}  # the head: "this morning", "from now"
    words = {*t["months"], *t["weekdays"], *t["seasons"], *t["units"], *t["dayparts"], *word_list("anchor"),
             *word_list("decade_word"), *cues, *holiday_words()}
    lower = lambda ws: frozenset(w.rstrip(".").lower() for w in ws)  # noqa: E731
    return {"any": lower(words), "unit": lower(t["units"]), "cue": lower(cues)}


def _accept(rule: CompiledRule, m: re.Match, text: str) -> Candidate | None:
    """The candidate of a match once its rule's checks have passed it, or None."""
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    if groups.get("spoken_year") and not groups.get("year"):
        year = spoken_year_value(groups["spoken_year"])
        if year is None:
            return None
        groups["year"] = str(year)  # "January nineteen ninety-seven": as if written in digits
    found = Found(rule.name, m.start(), m.end(), groups, rule.priority, text, text[m.end():m.end() + AFTER_CHARS], m)
    for passes in rule.checks:
        if not passes(found):
            return None
    return Candidate(found.start, found.end, found.rule, found.groups, found.priority, found.absolute_day)
