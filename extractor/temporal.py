"""Temporal expressions: detection with minimal spans and TIMEX3 normalization.

Detection is a set of regular expressions built from the tables in extractor/data (months,
weekdays, seasons, time units, number words, cues); no month or weekday name is written here.
It runs in two steps so the reference date can be inferred from the text itself:

1. `scan(text)` finds candidate spans (independent of any reference date);
2. `resolve(candidates, reference, tense_at)` turns them into values, left to right, keeping the
   last fully known date as the anchor for "that year", "a year earlier", "the same month".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from typing import Callable, Iterable

from extractor.layout import line_start
from extractor.lexicon import anchor_regions, number_words, read_tsv, word_alternation
from extractor.timepoint import (
    When, day_when, quarter_of, season_of, shift, week_when,
)

TenseAt = Callable[[int, int], str | None]  # (start, end) -> "past" | "present" | "future" | None

# Words before a bare month that make it a date ("in May"), not a verb or a name.
MONTH_CUES = {
    "in", "since", "until", "till", "by", "of", "last", "next", "this", "early", "late", "mid",
    "from", "through", "to", "during", "before", "after", "between", "end", "beginning", "start",
    "and", "or", "on", "for", "each", "every", "throughout", "around", "middle", "within",
}
SEASON_CUES = {"in", "during", "this", "last", "next", "by", "over", "until", "since", "the", "past", "coming", "early", "late", "mid"}


@dataclass(frozen=True)
class TimexSpan:
    """A temporal expression found in a text: offsets into that text, TIMEX3 type and value."""

    start: int
    end: int
    text: str
    timex_type: str
    value: str
    start_date: str | None
    end_date: str | None
    anchored: bool
    when: When | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: str
    groups: dict
    priority: int
    absolute_day: date | None = None  # an explicit full date ("July 12, 2025"): feeds reference inference


@dataclass
class _Context:
    reference: date | None
    tense_at: TenseAt
    anchor: When | None = None
    quarter: When | None = None  # the quarter (or half) last reported: what "a year ago" compares with


# ---------------------------------------------------------------- tables


@cache
def _tables() -> dict:
    months = {w: (int(m), ctx == "1") for w, m, ctx in read_tsv("months.tsv", 3)}
    weekdays = {w: int(d) for w, d in read_tsv("weekdays.tsv", 2)}
    seasons = {w: code for w, code in read_tsv("seasons.tsv", 2)}
    units = {}
    for singular, plural, letter, gran in read_tsv("time_units.tsv", 4):
        units[singular] = (singular, letter, gran)
        units[plural] = (singular, letter, gran)
    dayparts = {w: code for w, code in read_tsv("dayparts.tsv", 2)}
    cues = {phrase: (kind, arg) for phrase, kind, arg in read_tsv("temporal_cues.tsv", 3)}
    numbers = number_words()
    return {"months": months, "weekdays": weekdays, "seasons": seasons, "units": units,
            "dayparts": dayparts, "cues": cues, "numbers": numbers}


def _capitalized_alternation(words: Iterable[str]) -> str:
    """Names as written ("July", "Jul.") or in capitals ("JULY")."""
    parts = set()
    for w in words:
        parts.add(re.escape(w))
        parts.add(re.escape(w.upper()))
    return "(?:" + "|".join(sorted(parts, key=len, reverse=True)) + ")"


@cache
def _placeholders() -> dict[str, str]:
    t = _tables()
    cardinals = [w for w, (v, k) in t["numbers"].items() if k == "cardinal" and v != "X"]
    tens = [w for w, (v, k) in t["numbers"].items() if k == "cardinal" and v.isdigit() and int(v) in range(20, 100, 10)]
    units_ = [w for w, (v, k) in t["numbers"].items() if k == "cardinal" and v.isdigit() and 1 <= int(v) <= 9]
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
        "DAY": r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)",
        "NUM": rf"(?P<num>\d+(?:\.\d+)?|{word_number})",
        "VAGUE": r"(?P<vague>" + word_alternation(["several", "a few", "few", "many", "some", "recent", "the past few", "the next few", "the last few", "the coming", "coming", "the first", "the final"]) + r")",
        "ORD": r"(?P<ord>" + word_alternation(["first", "second", "third", "fourth", "final", "last", "1st", "2nd", "3rd", "4th"]) + r")",
    }


def _rx(template: str) -> re.Pattern:
    body = template
    for name, pattern in _placeholders().items():
        body = body.replace("{" + name + "}", pattern)
    return re.compile(r"(?<![\w$£€¥])" + body + r"(?![\w])")


def _w(words: str) -> str:
    """A small alternation written inline: 'last|next|this' -> flexible-case regex."""
    return word_alternation(words.split("|"))


@cache
def _rules() -> list[tuple[str, re.Pattern, int]]:
    """(rule name, compiled regex, priority): on equal length the lower priority wins."""
    rel = _w("last|next|this|coming|this past|past")
    rules = [
        ("iso_date", r"(?P<iy>\d{4})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])(?:T(?P<clock>\d\d:\d\d))?", 0),
        ("clock", r"(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s?(?P<ampm>[ap]\.m\.|[ap]m(?![\w]))(?:\s+(?P<tz>[A-Z]{2,4}T|GMT|UTC))?", 1),
        ("clock_words", r"(?P<clockword>" + _w("noon|midnight") + r")", 3),
        ("mdy", r"(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?:,?\s+{YEAR})?", 1),
        ("dmy", r"(?:{WEEKDAY},?\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?", 1),
        ("month_year", r"(?:(?P<mod>" + _w("early|mid|late|end of|the end of|the beginning of|the start of|the middle of") + r")[-\s]+)?{MONTH},?\s+(?:of\s+)?{YEAR}", 1),
        ("month", r"(?:(?P<rel>" + _w("last|next|this|early|late|mid|this past") + r")[-\s]+)?{MONTH}", 4),
        ("modified_year", r"(?P<mod>" + _w("early|mid|late|the end of|the beginning of|the start of|the middle of|the turn of|end|start") + r")[-\s]+{YEAR}", 2),
        ("season", r"(?:(?P<rel>" + _w("this past|this|last|next|the coming|the past|the") + r")\s+)?(?:(?P<mod>" + _w("early|late|mid") + r")[-\s]?)?{SEASON}(?:\s+(?:of\s+)?{YEAR})?", 3),
        ("quarter", r"(?:(?P<the>" + _w("the") + r")\s+)?(?:(?P<fiscal>" + _w("fiscal") + r")[-\s]+)?{ORD}[-\s]+(?P<qh>" + _w("quarter|half|quarters") + r")(?:\s+(?:of\s+)?(?:" + _w("fiscal") + r"\s+)?{YEAR})?", 2),
        ("q_code", r"(?P<qc>Q[1-4]|H[12])(?:\s+{YEAR})?", 2),
        ("rel_quarter", r"(?P<rel>" + _w("this|last|next|the latest|the current|the previous|the year-ago|the year-earlier|year-ago|year-earlier|the same|the comparable|the comparable year-ago") + r")\s+(?P<qh>" + _w("quarter|period") + r")", 3),
        ("year_quarter", r"(?:(?P<rel>" + _w("this|last|next") + r")\s+year['’]s|(?:" + _w("the") + r"\s+)?{YEAR})\s+(?:(?P<fiscal>" + _w("fiscal") + r")[-\s]+)?(?:{ORD}[-\s]+)?(?P<qh>" + _w("quarter|period|half") + r")(?![-\w])", 2),
        ("spoken_year", r"(?:(?P<the>" + _w("the year") + r")\s+)?(?:(?P<century>" + _w("nineteen|twenty") + r")[-\s](?P<tens>" + _w("ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety") + r")(?:[-\s](?P<ones>" + _w("one|two|three|four|five|six|seven|eight|nine") + r"))?|(?P<y2k>" + _w("two thousand") + r")(?:[-\s]" + _w("and") + r"[-\s](?P<y2kones>" + _w("one|two|three|four|five|six|seven|eight|nine|ten") + r"))?)", 3),
        ("month_rel_year", r"{MONTH}\s+(?:" + _w("of") + r"\s+)?(?P<rel>" + _w("last|next|this") + r")\s+" + _w("year"), 1),
        ("the_quarter", r"(?P<rel>" + _w("the") + r")\s+(?P<qh>" + _w("quarter") + r")(?![-\w])", 4),
        ("the_year", r"(?P<the>" + _w("the") + r")\s+(?:(?P<mod>" + _w("full|current|current fiscal|fiscal|latest fiscal|latest") + r")\s+)?(?P<unit>" + _w("year") + r")(?![-\w'’])", 4),
        ("fiscal_year", r"(?:" + _w("fiscal year|fiscal|FY") + r")\s*'?(?P<fy>(?:19|20)\d\d|\d\d)(?![\d])", 1),
        ("decade", r"(?:(?P<the>" + _w("the") + r")\s+)?(?:(?P<mod>" + _w("early|mid|late") + r")[-\s]+)?(?P<dec>1[5-9]\d|20\d)0'?s", 2),
        ("decade_short", r"(?:(?P<the>" + _w("the") + r")\s+)?(?:(?P<mod>" + _w("early|mid|late") + r")[-\s]+)?['’](?P<dec2>\d)0s", 2),
        ("decade_word", r"(?P<the>" + _w("the") + r")\s+(?:(?P<mod>" + _w("early|mid|late") + r")[-\s]+)?(?P<decw>" + _w("twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties") + r")", 2),
        ("century", r"(?:" + _w("the") + r"\s+)?(?P<cn>\d{1,2})(?:st|nd|rd|th)[-\s]+(?:" + _w("century") + r")", 2),
        ("year", r"{YEAR}(?:[-/](?P<y2>\d\d))?", 5),
        ("rel_unit", r"(?:(?P<the>" + _w("the") + r")\s+)?(?P<rel>" + _w("last|next|this|past|coming|previous|following|current|latest") + r")\s+{UNIT}", 3),
        ("within_unit", r"(?P<dir>" + _w("earlier|later") + r")\s+(?P<rel>" + _w("this|that|last|next|in the") + r")\s+{UNIT}", 2),
        ("ago", r"(?:(?P<qual>" + _w("about|around|nearly|almost|more than|less than|some|just over|over|roughly") + r")\s+)?(?:{NUM}|{VAGUE})\s+{UNIT}(?:\s+" + _w("or so") + r")?\s+(?P<dir>" + _w("ago|earlier|later|from now|hence|before|after") + r")", 2),
        ("year_ago", r"(?P<ya>" + _w("year-ago|year-earlier") + r")(?:\s+(?P<unit>" + _w("quarter|period|month") + r"))?", 4),
        ("cue", r"(?P<cue>" + word_alternation(list(_tables()["cues"])) + r")", 2),
        ("weekday", r"(?:(?P<rel>" + rel + r")\s+)?{WEEKDAY}(?:\s+{DAYPART})?", 3),
        ("anaphor", r"(?P<ana>" + _w("that|the same|the following|the next|the previous|later that|earlier that|the very same") + r")\s+(?P<unit>" + _w("day|week|month|year|quarter|season|morning|afternoon|evening|night") + r")", 3),
        ("weekend", r"(?P<rel>" + _w("this|last|next|the|over the") + r")\s+(?P<we>" + _w("weekend") + r")", 3),
        ("duration", r"(?:(?P<qual>" + _w("about|around|nearly|almost|more than|less than|at least|over|some|up to|roughly|approximately|no more than|just over|only") + r")\s+)?(?:(?P<span>" + _w("the past|the last|the next|the first|the coming|the previous|the following|another|the final") + r")\s+)?{NUM}[-\s]+(?:(?P<more>" + _w("more|and a half|full") + r")[-\s]+)?{UNIT}(?P<old>-old)?", 4),
        ("vague_duration", r"{VAGUE}\s+{UNIT}", 5),
        ("set_every", r"(?P<every>" + _w("every|each") + r")\s+(?:(?P<n>\d+|other|two|three|four|five|six)\s+)?(?:{UNIT}|{WEEKDAY}|{MONTH})", 3),
    ]
    return [(name, _rx(template), priority) for name, template, priority in rules]


# ---------------------------------------------------------------- step 1: candidates


def scan(text: str) -> list[Candidate]:
    """Return the non-overlapping candidate expressions in `text`, left to right: at each
    overlap the longest span wins, then the rule with the lower priority number."""
    found: list[Candidate] = []
    regions = {kind: anchor_regions(text, words, *ANCHOR_REACH[kind]) for kind, words in _anchor_words().items()}
    for name, pattern, priority in _rules():
        for start, end in regions[RULE_ANCHORS.get(name, "any")]:
            for m in pattern.finditer(text, start, end):
                candidate = _accept(name, m, text, priority)
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
    rule (months, weekdays, seasons, units, parts of day, the last word of each cue phrase);
    "unit" for the rules that always hold a unit word ("two years", "a month ago"); "cue" for
    the cue phrases. The rules in RULE_ANCHORS look only around their own family's words."""
    t = _tables()
    cues = {phrase.split()[-1] for phrase in t["cues"]}  # the head: "this morning", "from now"
    words = {*t["months"], *t["weekdays"], *t["seasons"], *t["units"], *t["dayparts"], *EXTRA_ANCHORS, *cues}
    lower = lambda ws: frozenset(w.rstrip(".").lower() for w in ws)  # noqa: E731
    return {"any": lower(words), "unit": lower(t["units"]), "cue": lower(cues)}


RULE_ANCHORS = {"ago": "unit", "duration": "unit", "vague_duration": "unit", "rel_unit": "unit", "the_year": "unit",
                "year_quarter": "any",
                "within_unit": "unit", "cue": "cue"}
EXTRA_ANCHORS = ("noon", "midnight", "half", "quarter", "quarters", "period", "weekend", "century", "fiscal", "FY",
                 "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
                 "nineteen", "twenty", "thousand")  # spoken years
# characters before and after an anchor word that an expression can reach: any rule, 80 either
# way; a unit word ends its expression but for "ago", "from now", "-old"; a cue ends its phrase
ANCHOR_REACH = {"any": (80, 80), "unit": (60, 15), "cue": (30, 3)}


def _previous_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)[\s-]*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def _next_text(text: str, end: int, n: int = 12) -> str:
    return text[end:end + n]


def _accept(rule: str, m: re.Match, text: str, priority: int) -> Candidate | None:
    """Context checks a regex cannot express; returns the candidate or None."""
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    start, end = m.start(), m.end()
    after = _next_text(text, end)
    t = _tables()
    if rule in ("mdy", "dmy", "month", "month_year", "set_every") and "month" in g:
        month_word = g["month"]
        needs_context = t["months"].get(month_word, t["months"].get(month_word.title(), (0, False)))[1]
        if rule == "month" and needs_context and not g.get("rel"):
            if _previous_word(text, start) not in MONTH_CUES:
                return None
        if rule == "month" and month_word.isupper() and len(month_word) > 3 and not g.get("rel"):
            if _previous_word(text, start) not in MONTH_CUES:
                return None  # an all-capitals heading word, not a date
    if rule in ("mdy", "dmy") and re.match(r"\s*(%|percent|per cent|[.,]\d)", after):
        return None
    if rule == "year":
        before = text[max(0, start - 2):start]
        if re.search(r"[\d.,:/#-]$", before) or re.match(r"(%|\s*(percent|per cent)|[.,:]\d|-\d|\d)", after):
            return None
        year = int(g["year"])
        if year < 1900 and _previous_word(text, start) not in MONTH_CUES | {"year", "around", "circa", "c"}:
            return None
        if re.match(r"\s*[A-Za-z]", after) and re.match(r"\s*(?:people|members|staff|jobs|workers|troops|units|shares|cars|homes|times|votes|tonnes|barrels|miles|km|kilometres)\b", after):
            return None
    if rule == "season" and not (g.get("rel") or g.get("year")):
        if _previous_word(text, start) not in SEASON_CUES:
            return None
    if rule == "season" and g.get("rel", "").lower() == "the" and not g.get("year"):
        if _previous_word(text, start) not in {"in", "during", "over", "by", "until", "since", "through", "for"}:
            return None
    if rule == "q_code" and not g.get("year") and not re.match(r"\s*(results|profit|earnings|sales|figures|growth|revenue|,|\.|\))", after):
        return None
    if rule == "quarter" and g.get("ord", "").lower() in ("last", "final") and not g.get("year") and not g.get("the"):
        return None
    if rule == "decade_short" and not g.get("the") and _previous_word(text, start) not in MONTH_CUES:
        return None
    if rule == "cue":
        kind, _ = t["cues"].get(re.sub(r"\s+", " ", g["cue"].lower()), (None, None))
        if kind == "set_after_rate" and _previous_word(text, start) not in {"once", "twice", "times"}:
            return None
        if g["cue"].lower() == "now" and re.match(r"\s+that\b", after):
            return None
    if rule == "duration":
        num = g["num"].lower()
        if num in ("a", "an", "one") and g["unit"].lower() in ("second",):
            return None
        if g["unit"].lower() == "second" and not num[0].isdigit() and num not in ("a", "an"):
            return None
        if num[0].isdigit() and re.search(r"[$£€¥]\s*$", text[max(0, start - 2):start]):
            return None
        if g["unit"].lower() in ("night", "nights") and not g.get("span"):
            pass
    if rule == "weekday" and g.get("weekday", "").isupper() and len(g["weekday"]) > 3:
        return None
    if rule == "anaphor" and g["ana"].lower() == "the next" and g["unit"].lower() in ("year", "month", "week", "quarter"):
        return None  # "the next year" reads as a duration or the following year: left to "duration"
    if rule == "ago" and g.get("dir", "").lower() in ("before", "after") and not g.get("num", "").lower() in ("a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten") and not (g.get("num") or "x")[0].isdigit():
        return None
    if rule == "ago" and g.get("dir", "").lower() in ("before", "after"):
        # "two years after the war": relative to an event, not a date; kept as a duration
        return Candidate(start, m.start("dir") - 1 if text[m.start("dir") - 1] == " " else m.start("dir"), "duration", _duration_groups(g), 4)
    absolute_day = None
    if rule in ("mdy", "dmy") and g.get("year"):
        month = t["months"].get(g["month"], t["months"].get(g["month"].title(), (None,)))[0]
        try:
            absolute_day = date(int(g["year"]), month, int(g["day"]))
        except (TypeError, ValueError):
            return None
    if rule == "iso_date":
        try:
            absolute_day = date(int(g["iy"]), int(g["im"]), int(g["id"]))
        except ValueError:
            return None
    return Candidate(start, end, rule, g, priority, absolute_day)


def _duration_groups(g: dict) -> dict:
    return {k: v for k, v in g.items() if k in ("qual", "num", "unit", "vague")}


# ---------------------------------------------------------------- step 2: values


def resolve(candidates: list[Candidate], text: str, reference: date | None,
            tense_at: TenseAt | None = None) -> list[TimexSpan]:
    """Normalize candidates left to right against `reference` (None: unknown parts stay X)."""
    ctx = _Context(reference, tense_at or (lambda s, e: None))
    spans: list[TimexSpan] = []
    for c in candidates:
        out = _normalize(c, ctx)
        if out is None:
            continue
        timex_type, value, when, anchored = out
        first, last = when.date_range() if when is not None else (None, None)
        spans.append(TimexSpan(c.start, c.end, text[c.start:c.end], timex_type, value,
                               first.isoformat() if first else None, last.isoformat() if last else None,
                               anchored, when))
        if (timex_type in ("DATE", "TIME") and when is not None and when.year is not None
                and when.granularity not in ("decade", "century") and not _resolved_from_anchor(c)):
            ctx.anchor = when
            if when.granularity in ("quarter", "half") and (ctx.quarter is None or (when.year, when.part or "") >= (ctx.quarter.year, ctx.quarter.part or "")):
                ctx.quarter = when  # the period being reported is the latest one named
    return _merge_clock_with_day(spans, text)


def _resolved_from_anchor(c: Candidate) -> bool:
    """Expressions resolved against the date last mentioned ("a year earlier", "that month",
    "the year-ago quarter") do not become the anchor themselves: a chain of them would drift."""
    if c.rule in ("year_ago", "anaphor", "rel_quarter", "within_unit", "the_quarter"):
        return True
    if c.rule == "year_quarter" and not c.groups.get("ord"):
        return True  # "the 1988 period": the quarter in hand, a year before
    return c.rule == "ago" and (c.groups.get("dir") or "").lower() not in ("ago", "from now", "hence")


def find_timexes(text: str, reference: date | None, tense_at: TenseAt | None = None) -> list[TimexSpan]:
    """Return every temporal expression in `text`, normalized against `reference`."""
    return resolve(scan(text), text, reference, tense_at)


def _month_number(word: str) -> int:
    t = _tables()["months"]
    return t.get(word, t.get(word.title(), t.get(word.title().rstrip(".") + ".", (0,))))[0]


def _weekday_number(word: str) -> int:
    t = _tables()["weekdays"]
    return t.get(word, t.get(word.title(), 0))


def _number_value(word: str) -> float | None:
    word = re.sub(r"\s+", " ", word.lower())
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if word in ("a half", "half a"):
        return 0.5
    numbers = number_words()
    if word in numbers:
        v = numbers[word][0]
        return None if v == "X" else float(v)
    parts = re.split(r"[-\s]", word)
    if len(parts) == 2 and all(p in numbers for p in parts):
        return float(numbers[parts[0]][0]) + float(numbers[parts[1]][0])
    return None


def _tense(ctx: _Context, c: Candidate) -> str | None:
    return ctx.tense_at(c.start, c.end)


UNMARKED_AHEAD = 90  # days: a month this far ahead, in a clause not in the future tense, is last year's
TENSE_OVERRIDES_AFTER = 120  # days: nearer than that, "said ... on Dec. 7" is still the coming Dec. 7


def _year_for_month(ctx: _Context, c: Candidate, month: int, day: int | None = None) -> int | None:
    """The year of a month (and day) given without one: the one that puts it nearest the
    reference date, moved a year back when the clause is in the past and that is more than
    TENSE_OVERRIDES_AFTER days ahead, a year on when it is in the future and as far behind."""
    ref = ctx.reference
    if ref is None:
        return None
    def gap(year: int) -> int:
        return (_first_day(year, month, day) - ref).days
    year = min((ref.year - 1, ref.year, ref.year + 1), key=lambda y: (abs(gap(y)), -y))
    tense = _tense(ctx, c)
    if tense == "past" and gap(year) > TENSE_OVERRIDES_AFTER:
        year -= 1
    elif tense != "future" and gap(year) > UNMARKED_AHEAD:
        year -= 1  # news reports what has happened: a bare month months ahead is last year's
    elif tense == "future" and gap(year) < -TENSE_OVERRIDES_AFTER:
        year += 1
    return year


def _first_day(year: int, month: int, day: int | None) -> date:
    try:
        return date(year, month, day or 1)
    except ValueError:  # 29 February of a common year
        return date(year, month, 28)


def _nearest_weekday(ref: date, weekday: int, direction: str) -> date:
    delta = weekday - ref.isoweekday()
    if direction == "past":
        return ref + timedelta(days=delta if delta <= 0 else delta - 7)
    if direction == "future":
        return ref + timedelta(days=delta if delta > 0 else delta + 7)
    return ref + timedelta(days=delta if -3 <= delta <= 3 else (delta - 7 if delta > 3 else delta + 7))


def _normalize(c: Candidate, ctx: _Context) -> tuple[str, str, When | None, bool] | None:
    handler = _HANDLERS[c.rule]
    return handler(c, ctx)


def _date(when: When, anchored: bool = False) -> tuple[str, str, When, bool]:
    return "DATE", when.value(), when, anchored


def _h_iso(c, ctx):
    g = c.groups
    when = When("day", int(g["iy"]), int(g["im"]), int(g["id"]), clock=g.get("clock"))
    return ("TIME" if g.get("clock") else "DATE"), when.value(), when, False


def _h_full(c, ctx):
    g = c.groups
    month = _month_number(g["month"])
    day = int(g["day"])
    if not month or day > 31:
        return None
    if g.get("year"):
        return _date(When("day", int(g["year"]), month, day))
    year = _year_for_month(ctx, c, month, day)
    return _date(When("day", year, month, day), anchored=True)


def _h_month_year(c, ctx):
    g = c.groups
    return _date(When("month", int(g["year"]), _month_number(g["month"])))


def _h_month(c, ctx):
    g = c.groups
    month = _month_number(g["month"])
    rel = (g.get("rel") or "").lower()
    ref = ctx.reference
    if ref is not None and rel in ("last", "this past"):
        year = ref.year if month < ref.month else ref.year - 1
    elif ref is not None and rel == "next":
        year = ref.year if month > ref.month else ref.year + 1
    elif ref is not None and rel == "this":
        year = ref.year
    else:
        year = _year_for_month(ctx, c, month)
    return _date(When("month", year, month), anchored=True)


def _h_modified_year(c, ctx):
    return _date(When("year", int(c.groups["year"])))


def _h_season(c, ctx):
    g = c.groups
    code = _tables()["seasons"][g["season"].lower()]
    if g.get("year"):
        return _date(When("season", int(g["year"]), part=code))
    rel = (g.get("rel") or "").lower()
    ref = ctx.reference
    if ref is None:
        return _date(When("season", None, part=code), anchored=True)
    current_year, current = season_of(ref)
    order = ["WI", "SP", "SU", "FA"]
    this_year = current_year if code != "WI" or current == "WI" else ref.year
    if code != "WI":
        this_year = ref.year
    if rel in ("last", "this past", "the past"):
        year = this_year if order.index(code) < order.index(current) or (current == "WI" and code != "WI" and ref.month == 12) else this_year - 1
        if code == "WI" and current != "WI":
            year = ref.year - 1
    elif rel in ("next", "the coming"):
        year = this_year if order.index(code) > order.index(current) else this_year + 1
    else:
        year = this_year
        if _tense(ctx, c) == "past" and order.index(code) > order.index(current) and current != "WI":
            year -= 1
    return _date(When("season", year, part=code), anchored=True)


def _ordinal_number(word: str) -> int | None:
    word = word.lower()
    if word[0].isdigit():
        return int(word[0])
    v = number_words().get(word)
    return int(v[0]) if v and v[1] == "ordinal" else None


def _h_quarter(c, ctx):
    g = c.groups
    kind = g["qh"].lower()
    ordw = g["ord"].lower()
    n = 4 if ordw in ("final", "last") and kind.startswith("quarter") else 2 if ordw in ("final", "last") else _ordinal_number(ordw)
    if n is None or (kind == "half" and n > 2):
        return None
    part = f"Q{n}" if kind.startswith("quarter") else f"H{n}"
    gran = "quarter" if kind.startswith("quarter") else "half"
    if g.get("year"):
        return _date(When(gran, int(g["year"]), part=part))
    ref = ctx.reference
    if ref is None:
        return _date(When(gran, None, part=part), anchored=True)
    current = quarter_of(ref.month) if gran == "quarter" else (1 if ref.month <= 6 else 2)
    year = ref.year  # news reports the quarter in hand: the reference year's, else the one before
    if n > current and _tense(ctx, c) != "future":
        year -= 1
    return _date(When(gran, year, part=part), anchored=True)


def _h_q_code(c, ctx):
    g = c.groups
    code = g["qc"]
    gran = "quarter" if code[0] == "Q" else "half"
    year = int(g["year"]) if g.get("year") else (ctx.reference.year if ctx.reference else None)
    return _date(When(gran, year, part=code), anchored=not g.get("year"))


def _h_rel_quarter(c, ctx):
    g = c.groups
    rel = g["rel"].lower()
    ref = ctx.reference
    from_anchor = rel == "the" or any(w in rel for w in ("ago", "earlier", "same", "comparable"))
    reported = ctx.quarter if ctx.quarter is not None and ctx.quarter.granularity == "quarter" else None
    base = reported if from_anchor else None
    if base is None and ref is not None:
        base = When("quarter", ref.year, part=f"Q{quarter_of(ref.month)}")
        if rel in ("the latest", "the") and _tense(ctx, c) != "future":
            base = shift(base, "quarter", -1)  # the last quarter reported: the one before the reference date's
    if base is None:
        return _date(When("quarter", None, part="QX"), anchored=True)
    if "ago" in rel or "earlier" in rel or "comparable" in rel:
        return _date(replace(base, year=base.year - 1), anchored=True)
    if rel in ("last", "the previous"):
        return _date(shift(base, "quarter", -1), anchored=True)
    if rel == "next":
        return _date(shift(base, "quarter", 1), anchored=True)
    return _date(base, anchored=True)


def _h_year_quarter(c, ctx):
    """"this year's third quarter", "the 1988 second quarter", "the 1988 period" (the quarter in
    hand, in 1988)."""
    g = c.groups
    ref = ctx.reference
    if g.get("year"):
        year = int(g["year"])
    elif ref is not None:
        year = ref.year + {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
    else:
        year = None
    kind = g["qh"].lower()
    gran = "half" if kind == "half" else "quarter"
    n = _ordinal_number(g["ord"]) if g.get("ord") else None
    if n is not None:
        part = f"{'H' if gran == 'half' else 'Q'}{4 if g['ord'].lower() in ('final', 'last') and gran == 'quarter' else n}"
    elif ctx.anchor is not None and ctx.anchor.granularity == gran and ctx.anchor.part:
        part = ctx.anchor.part
    else:
        return _date(When("year", year), anchored=True)  # which quarter is not said: the year is
    return _date(When(gran, year, part=part), anchored=not g.get("year"))


def _h_spoken_year(c, ctx):
    """Years said as words, as broadcast transcripts write them: "nineteen ninety-six", "the
    year two thousand"."""
    g = c.groups
    words = number_words()
    if g.get("y2k"):
        if not g.get("the") and not g.get("y2kones"):
            return None  # "two thousand" alone is a number
        return _date(When("year", 2000 + (int(words[g["y2kones"].lower()][0]) if g.get("y2kones") else 0)))
    if not g.get("ones") and not g.get("the") and g["tens"].lower() not in ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"):
        return None  # "twenty thirty" could be a year, "nineteen forty" too, but "twenty seventy" rarely is one
    year = int(words[g["century"].lower()][0]) * 100 + int(words[g["tens"].lower()][0])
    year += int(words[g["ones"].lower()][0]) if g.get("ones") else 0
    return _date(When("year", year))


def _h_month_rel_year(c, ctx):
    """"June last year", "March of next year"."""
    g = c.groups
    ref = ctx.reference
    year = ref.year + {"last": -1, "next": 1, "this": 0}[g["rel"].lower()] if ref else None
    return _date(When("month", year, _month_number(g["month"])), anchored=True)


def _h_the_year(c, ctx):
    """"the year", "the full year", "the current fiscal year": the year of the report; "the
    latest fiscal year", the one before."""
    ref = ctx.reference
    if ref is None:
        return _date(When("year", None), anchored=True)
    latest = "latest" in (c.groups.get("mod") or "").lower()
    return _date(When("year", ref.year - 1 if latest else ref.year), anchored=True)


def _h_year_ago(c, ctx):
    anchor = ctx.quarter or ctx.anchor or (When("year", ctx.reference.year) if ctx.reference else None)
    if anchor is None or anchor.year is None:
        return _date(When("year", None), anchored=True)
    if anchor.granularity in ("quarter", "half"):
        return _date(replace(anchor, year=anchor.year - 1), anchored=True)
    return _date(When("year", anchor.year - 1), anchored=True)


def _h_fiscal(c, ctx):
    fy = c.groups["fy"]
    year = int(fy) if len(fy) == 4 else (1900 + int(fy) if int(fy) > 50 else 2000 + int(fy))
    return _date(When("year", year))


def _h_decade(c, ctx):
    g = c.groups
    if g.get("dec"):
        decade = int(g["dec"])
    elif g.get("dec2"):
        decade = 190 + int(g["dec2"])
    else:
        words = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
        decade = 192 + words.index(g["decw"].lower())
    return _date(When("decade", decade=decade))


def _h_century(c, ctx):
    return _date(When("century", century=int(c.groups["cn"]) - 1))


def _h_year(c, ctx):
    return _date(When("year", int(c.groups["year"])))


def _unit(word: str) -> tuple[str, str, str]:
    return _tables()["units"][word.lower()]


def _reference_when(ctx: _Context, gran: str) -> When | None:
    ref = ctx.reference
    if ref is None:
        return None
    if gran == "week":
        return week_when(ref)
    if gran == "month":
        return When("month", ref.year, ref.month)
    if gran == "quarter":
        return When("quarter", ref.year, part=f"Q{quarter_of(ref.month)}")
    if gran in ("year", "decade", "century"):
        return When("year", ref.year)
    return day_when(ref)


def _unknown(gran: str) -> When:
    if gran in ("year", "decade", "century"):
        return When("year")
    if gran == "quarter":
        return When("quarter", part="QX")
    if gran == "week":
        return When("week")
    if gran == "month":
        return When("month")
    return When("day")


def _h_rel_unit(c, ctx):
    g = c.groups
    singular, letter, gran = _unit(g["unit"])
    rel = g["rel"].lower()
    the = bool(g.get("the"))
    if g["unit"].lower() != singular and rel in ("past", "last", "next", "coming", "previous", "following"):
        # "in coming quarters", "over past years": before or after now, no length given
        return "DATE", "FUTURE_REF" if rel in ("next", "coming", "following") else "PAST_REF", None, False
    if the and rel in ("past", "last", "next", "coming", "first", "following") and singular not in ("weekend",):
        if rel in ("following", "next") and ctx.anchor is not None and singular in ("day", "week", "month", "year"):
            moved = shift(ctx.anchor, singular, 1)
            if moved is not None:
                return _date(_at_granularity(moved, gran), anchored=True)
        return "DURATION", f"P1{_duration_letter(letter)}" if not letter.startswith("T") else f"PT1{letter[1]}", None, False
    if rel in ("previous", "following"):
        base = ctx.anchor
        if base is None:
            return _date(_unknown(gran), anchored=True)
        moved = shift(base, singular, -1 if rel == "previous" else 1)
        return _date(_at_granularity(moved, gran) if moved else _unknown(gran), anchored=True)
    if gran == "time":
        return None
    base = _reference_when(ctx, gran)
    if base is None:
        return _date(_unknown(gran), anchored=True)
    offset = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0, "current": 0, "latest": 0}[rel]
    if singular == "weekend":
        return _date(week_when(ctx.reference + timedelta(days=7 * offset), weekend=True), anchored=True)
    if singular == "day":
        return _date(day_when(ctx.reference + timedelta(days=offset)), anchored=True)
    if gran == "year" and singular == "decade":
        d = (ctx.reference.year // 10) + offset
        return _date(When("decade", decade=d), anchored=True)
    if gran == "year" and singular == "century":
        return _date(When("century", century=ctx.reference.year // 100 + offset), anchored=True)
    moved = shift(base, singular, offset) if offset else base
    return _date(_at_granularity(moved, gran), anchored=True)


def _at_granularity(when: When, gran: str) -> When:
    if gran == "year" and when.year is not None:
        return When("year", when.year)
    if gran == "month" and when.month is not None:
        return When("month", when.year, when.month)
    return when


def _duration_letter(letter: str) -> str:
    return {"DE": "DE", "CE": "CE", "WE": "WE"}.get(letter, letter)


def _h_within_unit(c, ctx):
    g = c.groups
    singular, _, gran = _unit(g["unit"])
    rel = g["rel"].lower()
    if rel == "that":
        base = ctx.anchor
    elif rel == "in the":  # "earlier in the year": the year of the report
        base = _reference_when(ctx, gran)
    else:
        base = _reference_when(ctx, gran)
        if base is not None and rel in ("last", "next"):
            base = shift(base, singular, -1 if rel == "last" else 1)
    if base is None or base.year is None:
        return _date(_unknown(gran), anchored=True)
    if singular == "day" and base.granularity == "day":
        return _date(base, anchored=True)
    return _date(_at_granularity(base, gran) if gran in ("year", "month") else base, anchored=True)


def _h_ago(c, ctx):
    g = c.groups
    singular, letter, gran = _unit(g["unit"])
    direction = g["dir"].lower()
    n = _number_value(g["num"]) if g.get("num") else None
    if n is None:
        return "DATE", "PAST_REF" if direction in ("ago", "earlier") else "FUTURE_REF", None, True
    if direction in ("ago", "from now", "hence"):
        base = _reference_when(ctx, "day")
        if base is None:
            return _date(_unknown(gran), anchored=True)
    else:  # earlier / later: from the date last mentioned, else the reference date
        base = ctx.anchor or _reference_when(ctx, "day")
        if base is None:
            return _date(_unknown(gran), anchored=True)
    sign = -1 if direction in ("ago", "earlier") else 1
    if gran == "time":
        return None
    topic = ctx.quarter
    if singular == "year" and topic is not None and topic.granularity in ("quarter", "half") and topic.year is not None:
        # "profit rose to $5m from $4m a year ago", after "the third quarter": that quarter, a year before
        return _date(replace(topic, year=topic.year + sign * int(n)), anchored=True)
    moved = shift(base, singular, sign * n)
    if moved is None:
        return _date(_unknown(gran), anchored=True)
    if direction in ("ago", "from now", "hence"):
        moved = _at_granularity(moved, gran) if gran in ("year", "month") else moved
    return _date(moved, anchored=True)


def _h_cue(c, ctx):
    phrase = re.sub(r"\s+", " ", c.groups["cue"].lower())
    kind, arg = _tables()["cues"][phrase]
    ref = ctx.reference
    if kind == "vague":
        return "DATE", arg, None, False
    if kind in ("set", "set_after_rate"):
        return "SET", arg, None, False
    if kind == "deictic":
        if ref is None:
            return _date(When("day"), anchored=True)
        return _date(day_when(ref + timedelta(days=int(arg))), anchored=True)
    if kind == "daypart_deictic":
        offset, part = arg.split()
        base = day_when(ref + timedelta(days=int(offset))) if ref else When("day")
        when = replace(base, daypart=part)
        return "TIME", when.value(), when, True
    return None


def _h_weekday(c, ctx):
    g = c.groups
    weekday = _weekday_number(g["weekday"])
    rel = (g.get("rel") or "").lower()
    part = _tables()["dayparts"].get((g.get("daypart") or "").lower())
    ref = ctx.reference
    if ref is None:
        when = When("day", weekday=weekday, daypart=part)
    else:
        if rel in ("last", "this past", "past"):
            d = _nearest_weekday(ref - timedelta(days=1), weekday, "past")
        elif rel in ("next", "coming"):
            d = _nearest_weekday(ref, weekday, "future")
        else:
            tense = _tense(ctx, c)
            # no verb to tell ("Thursday's closing price"): news reports what happened
            direction = {"past": "past", "future": "future", "present": "nearest"}.get(tense, "past")
            d = _nearest_weekday(ref, weekday, direction)
        when = replace(day_when(d), daypart=part)
    return ("TIME" if part else "DATE"), when.value(), when, True


def _h_anaphor(c, ctx):
    g = c.groups
    ana = g["ana"].lower()
    unit = g["unit"].lower()
    part = _tables()["dayparts"].get(unit)
    singular = "day" if part else unit
    base = ctx.anchor or _reference_when(ctx, "day")
    if base is None or base.year is None:
        gran = "day" if singular == "day" else singular
        when = _unknown(gran if gran != "season" else "year")
        return ("TIME", replace(when, daypart=part).value(), replace(when, daypart=part), True) if part else _date(when, anchored=True)
    offset = {"the following": 1, "the next": 1, "the previous": -1}.get(ana, 0)
    if singular == "season":
        return _date(base, anchored=True) if base.granularity == "season" else _date(When("year", base.year), anchored=True)
    moved = shift(base, singular, offset) if offset else base
    if moved is None:
        moved = base
    gran = {"year": "year", "month": "month", "week": "week", "day": "day", "quarter": "quarter"}[singular]
    if gran == "year":
        moved = When("year", moved.year)
    elif gran == "month" and moved.month:
        moved = When("month", moved.year, moved.month)
    elif gran == "week":
        day = moved if moved.granularity == "week" else None
        if day is None and moved.month and moved.day:
            moved = week_when(date(moved.year, moved.month, moved.day))
    elif gran == "quarter" and moved.granularity != "quarter" and moved.month:
        moved = When("quarter", moved.year, part=f"Q{quarter_of(moved.month)}")
    if part:
        moved = replace(moved, daypart=part)
        return "TIME", moved.value(), moved, True
    return _date(moved, anchored=True)


def _h_weekend(c, ctx):
    rel = c.groups["rel"].lower()
    ref = ctx.reference
    if ref is None:
        return _date(When("week", part="WXX-WE"), anchored=True)
    offset = {"last": -7, "next": 7}.get(rel, 0)
    if rel in ("the", "over the"):
        offset = -7 if _tense(ctx, c) == "past" and ref.isoweekday() < 6 else 0
    return _date(week_when(ref + timedelta(days=offset), weekend=True), anchored=True)


def _h_duration(c, ctx):
    g = c.groups
    singular, letter, gran = _unit(g["unit"])
    n = _number_value(g["num"]) if g.get("num") else None
    if g.get("more", "").lower() == "and a half" and n is not None:
        n += 0.5
    amount = "X" if n is None else (str(int(n)) if n == int(n) else str(n))
    if letter in ("DE", "CE") and n is not None:
        years = n * (10 if letter == "DE" else 100)
        amount, letter = (str(int(years)) if years == int(years) else str(years)), "Y"
    if letter.startswith("T"):
        value = f"PT{amount}{letter[1]}"
    elif letter == "2W":
        value = f"P{amount if amount == 'X' else int(float(amount) * 2)}W"
    else:
        value = f"P{amount}{letter}"
    return "DURATION", value, None, False


def _h_vague_duration(c, ctx):
    g = c.groups
    singular, letter, gran = _unit(g["unit"])
    if singular == g["unit"].lower() and g["vague"].lower() not in ("the first", "the final"):
        return None  # "several year" is not English; "the coming year" is left to rel_unit
    if g["vague"].lower() in ("the first", "the final"):
        return None
    letter = {"DE": "E", "CE": "C"}.get(letter, letter)
    value = f"PTX{letter[1]}" if letter.startswith("T") else f"PX{letter}"
    return "DURATION", value, None, False


def _h_set_every(c, ctx):
    g = c.groups
    n = g.get("n")
    count = 2 if n and n.lower() == "other" else int(_number_value(n)) if n else 1
    if g.get("weekday"):
        return "SET", f"XXXX-WXX-{_weekday_number(g['weekday'])}", None, False
    if g.get("month"):
        return "SET", f"XXXX-{_month_number(g['month']):02d}", None, False
    singular, letter, gran = _unit(g["unit"])
    if letter in ("DE", "CE"):
        count, letter = count * (10 if letter == "DE" else 100), "Y"
    return "SET", (f"PT{count}{letter[1]}" if letter.startswith("T") else f"P{count}{letter}"), None, False


def _h_clock(c, ctx):
    g = c.groups
    hour = int(g["hour"]) % 12 + (12 if g["ampm"].lower().startswith("p") else 0)
    clock = f"{hour:02d}:{g.get('minute') or '00'}"
    base = day_when(ctx.reference) if ctx.reference else When("day")
    when = replace(base, clock=clock)
    return "TIME", when.value(), when, True


def _h_clock_words(c, ctx):
    clock = "12:00" if c.groups["clockword"].lower() == "noon" else "24:00"
    base = day_when(ctx.reference) if ctx.reference else When("day")
    when = replace(base, clock=clock)
    return "TIME", when.value(), when, True


_HANDLERS: dict[str, Callable] = {
    "iso_date": _h_iso, "mdy": _h_full, "dmy": _h_full, "month_year": _h_month_year,
    "month": _h_month, "modified_year": _h_modified_year, "season": _h_season,
    "quarter": _h_quarter, "q_code": _h_q_code, "rel_quarter": _h_rel_quarter, "the_quarter": _h_rel_quarter,
    "the_year": _h_the_year, "year_quarter": _h_year_quarter, "spoken_year": _h_spoken_year,
    "month_rel_year": _h_month_rel_year,
    "fiscal_year": _h_fiscal, "decade": _h_decade, "decade_short": _h_decade,
    "decade_word": _h_decade, "century": _h_century, "year": _h_year, "rel_unit": _h_rel_unit,
    "within_unit": _h_within_unit, "ago": _h_ago, "year_ago": _h_year_ago, "cue": _h_cue,
    "weekday": _h_weekday, "anaphor": _h_anaphor, "weekend": _h_weekend,
    "duration": _h_duration, "vague_duration": _h_vague_duration, "set_every": _h_set_every,
    "clock": _h_clock, "clock_words": _h_clock_words,
}


def _merge_clock_with_day(spans: list[TimexSpan], text: str) -> list[TimexSpan]:
    """'10 p.m. Wednesday', 'noon Thursday': a clock time beside a day becomes one TIME."""
    out: list[TimexSpan] = []
    i = 0
    while i < len(spans):
        s = spans[i]
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if (s.timex_type == "TIME" and s.when is not None and s.when.clock and nxt is not None
                and nxt.when is not None and nxt.when.granularity == "day" and not nxt.when.clock
                and re.fullmatch(r",?\s+(?:on\s+)?", text[s.end:nxt.start])):
            when = replace(nxt.when, clock=s.when.clock, daypart=None)
            first, last = when.date_range()
            out.append(TimexSpan(s.start, nxt.end, text[s.start:nxt.end], "TIME", when.value(),
                                 first.isoformat() if first else None, last.isoformat() if last else None,
                                 True, when))
            i += 2
            continue
        out.append(s)
        i += 1
    return out


# ---------------------------------------------------------------- reference date


def infer_reference_date(candidates: list[Candidate], text: str, caption_spans: list[tuple[int, int]],
                         future_at: Callable[[int, int], bool] | None = None) -> tuple[date | None, str | None]:
    """Infer the article's date from the text: a dateline in the first lines, else the latest
    explicit full date in a photo caption or in a clause that is not in the future tense.
    Returns (date, rule) or (None, None)."""
    explicit = [c for c in candidates if c.absolute_day is not None]
    if not explicit:
        return None, None
    for c in explicit:
        if c.start < 200 and re.match(r"^[A-Z][A-Za-z .'-]{1,40},?\s*$|^\s*$", text[line_start(text, c.start):c.start]) \
                and re.match(r"\s*(\(|--|—|-|:|/)", text[c.end:c.end + 6]):
            return c.absolute_day, "dateline"
    in_captions = [c for c in explicit if any(s <= c.start < e for s, e in caption_spans)]
    if in_captions:
        return max(c.absolute_day for c in in_captions), "caption"
    usable = [c for c in explicit if not (future_at and future_at(c.start, c.end))]
    if usable:
        return max(c.absolute_day for c in usable), "latest_explicit_date"
    return None, None
