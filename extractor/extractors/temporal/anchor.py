"""Temporal tagging left to right: each candidate normalized against the reference date and the
dates named before it ("that year", "a year earlier", "the year-ago quarter"); a clock time beside
a day joined to it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from extractor.core.records import TimexType
from extractor.extractors.temporal.detect import Candidate, scan
from extractor.extractors.temporal.normalize import NormalizeContext, TenseAt, YearRange, normalize, period_to_date
from extractor.extractors.temporal.tables import word_list
from extractor.extractors.temporal.timepoint import When
from extractor.language.lexicon import alternation


@dataclass(frozen=True)
class TimexSpan:
    """A temporal expression found in a text: offsets into that text, TIMEX3 type and value."""

    start: int
    end: int
    text: str
    timex_type: TimexType
    value: str
    start_date: str | None
    end_date: str | None
    anchored: bool
    when: When | None = field(default=None, compare=False, repr=False)
    rule: str = field(default="", compare=False, repr=False)  # the rule of temporal_rules.tsv that found it


def resolve(candidates: list[Candidate], text: str, reference: date | None,
            tense_at: TenseAt | None = None) -> list[TimexSpan]:
    """Normalize candidates left to right against `reference` (None: unknown parts stay X)."""
    ctx = NormalizeContext(reference, tense_at or (lambda s, e: None))
    spans: list[TimexSpan] = []
    for c in candidates:
        out = normalize(c, ctx)
        if out is None:
            continue
        timex_type, value, when, anchored = out
        to_date = period_to_date(c, ctx)
        if to_date is not None:
            ctx.to_date = to_date  # "the first nine months": what "a year earlier" now compares with
        elif when is not None and when.granularity in ("quarter", "half"):
            ctx.to_date = None  # a quarter named again: the report is back to quarters
        first, last = when.date_range() if when is not None else (None, None)
        spans.append(TimexSpan(c.start, c.end, text[c.start:c.end], timex_type, value,
                               first.isoformat() if first else None, last.isoformat() if last else None,
                               anchored, when, c.rule))
        if (timex_type in ("DATE", "TIME") and when is not None and when.year is not None
                and when.granularity not in ("decade", "century") and not _resolved_from_anchor(c)):
            ctx.anchor = When("year", when.year) if isinstance(when, YearRange) else when  # "that year": the first
            ctx.anchor_end = c.end
            if _may_be_reported(when, reference) and (ctx.quarter is None or (when.year, when.part or "") >= (ctx.quarter.year, ctx.quarter.part or "")):
                ctx.quarter = when  # the period being reported is the latest one named that is over
    return _merge_clock_with_day(_with_shared_recurrence(_with_shared_years(spans, text), text), text)


WRITTEN_YEAR = re.compile(r"\b\d{4}\b|'\d{2}\b")


@cache
def _coordination() -> re.Pattern:
    """What may stand between two coordinated dates: a comma, then a joint of temporal_words.tsv."""
    return re.compile(r"\s*,?\s*(?:" + alternation(word_list("coordination")) + r")\s*")


def _with_shared_years(spans: list[TimexSpan], text: str) -> list[TimexSpan]:
    """'signed on October 9 and December 23, 2014', 'from 3 March to 5 April 2010': a day or a
    month without a year, coordinated with one that writes its year, is in that year (the year
    before where its month comes later: 'from December 20 to January 5, 2015')."""
    out = list(spans)
    for i in range(len(out) - 2, -1, -1):
        s, nxt = out[i], out[i + 1]
        if (s.when is None or nxt.when is None or s.when.granularity not in ("day", "month") or s.when.month is None
                or nxt.when.year is None or nxt.when.month is None or WRITTEN_YEAR.search(s.text)
                or not WRITTEN_YEAR.search(nxt.text) or not _coordination().fullmatch(text[s.end:nxt.start])):
            continue
        year = nxt.when.year - (1 if s.when.month > nxt.when.month else 0)
        if year == s.when.year:
            continue
        when = replace(s.when, year=year)
        first, last = when.date_range()
        out[i] = replace(s, value=when.value(), when=when, start_date=first.isoformat() if first else None,
                         end_date=last.isoformat() if last else None)
    return out


def _with_shared_recurrence(spans: list[TimexSpan], text: str) -> list[TimexSpan]:
    """'on Monday and Tuesday nights', 'Saturday or Sunday mornings': a bare weekday coordinated
    with a weekday of a recurring part of the day (rule weekday_set) recurs the same way, a SET."""
    out = list(spans)
    for i in range(len(out) - 1):
        s, nxt = out[i], out[i + 1]
        weekday = _weekday_of(s)
        if (weekday is None or nxt.rule != "weekday_set" or "T" not in nxt.value
                or "," in text[s.end:nxt.start] or not _coordination().fullmatch(text[s.end:nxt.start])):
            continue  # "He left Monday, and Tuesday nights are quiet": two clauses
        value = f"XXXX-WXX-{weekday}T{nxt.value.split('T', 1)[1]}"
        out[i] = TimexSpan(s.start, s.end, s.text, "SET", value, None, None, False, None, "weekday_set")
    return out


def _weekday_of(s: TimexSpan) -> int | None:
    """The ISO weekday a bare weekday names ("Monday", not "last Monday" nor "Monday night"), or None."""
    if s.rule != "weekday" or s.when is None or s.when.daypart or s.text.split()[0].lower() in ("last", "next", "this"):
        return None
    if s.when.weekday is not None:
        return s.when.weekday
    if s.when.year and s.when.month and s.when.day:
        return date(s.when.year, s.when.month, s.when.day).isoweekday()
    return None


def _may_be_reported(when: When, reference: date | None) -> bool:
    """Whether `when` is a quarter or half whose results a report can give: one over by the
    reference date ("the third quarter" in October), not one still running or ahead ("losses
    through the third quarter of 1990", a forecast)."""
    if when.granularity not in ("quarter", "half"):
        return False
    last = when.date_range()[1]
    return reference is None or last is None or last <= reference


def _resolved_from_anchor(c: Candidate) -> bool:
    """Expressions resolved against the date last mentioned ("a year earlier", "that month",
    "the year-ago quarter") do not become the anchor themselves: a chain of them would drift."""
    if c.rule in ("year_ago", "anaphor", "unit_before", "rel_quarter", "within_unit", "the_quarter", "then"):
        return True
    if c.rule == "quarter" and c.groups.get("ya"):
        return True  # "the year-ago third quarter": a year before the one in hand
    if c.rule == "year_quarter" and not c.groups.get("ord"):
        return True  # "the 1988 period": the quarter in hand, a year before
    return c.rule == "ago" and (c.groups.get("dir") or "").lower() not in ("ago", "from now", "hence")


def find_timexes(text: str, reference: date | None, tense_at: TenseAt | None = None) -> list[TimexSpan]:
    """Return every temporal expression in `text`, normalized against `reference`."""
    return resolve(scan(text), text, reference, tense_at)


TIME_OF_A_DAY = ("clock", "clock_24", "clock_words", "clock_daypart", "daypart_mod", "the_daypart")  # rules that name a time, not its day


def _merge_clock_with_day(spans: list[TimexSpan], text: str) -> list[TimexSpan]:
    """'10 p.m. Wednesday', 'noon Thursday', '5 in the morning on Sunday', 'mid-afternoon
    yesterday': a time of day beside the day it falls on becomes one TIME."""
    out: list[TimexSpan] = []
    i = 0
    while i < len(spans):
        s = spans[i]
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if (s.rule in TIME_OF_A_DAY and s.when is not None and nxt is not None
                and nxt.when is not None and nxt.when.granularity == "day" and not nxt.when.clock
                and not (s.when.daypart and nxt.when.daypart)
                and re.fullmatch(r",?\s+(?:on\s+)?", text[s.end:nxt.start])):
            when = replace(nxt.when, clock=s.when.clock, daypart=s.when.daypart if not s.when.clock else None)
            first, last = when.date_range()
            out.append(TimexSpan(s.start, nxt.end, text[s.start:nxt.end], "TIME", when.value(),
                                 first.isoformat() if first else None, last.isoformat() if last else None,
                                 True, when, s.rule))
            i += 2
            continue
        out.append(s)
        i += 1
    return out
