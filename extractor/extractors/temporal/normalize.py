"""Step 2 of temporal tagging: the TIMEX3 type and value of one candidate, given the reference
date, the tense of its clause and the dates named before it (`NormalizeContext`). One handler per
rule of data/temporal_rules.tsv."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Callable

from extractor.core.records import TimexType
from extractor.extractors.temporal.detect import Candidate
from extractor.extractors.temporal.tables import Holiday, holiday_of, tables, word_list, word_set
from extractor.extractors.temporal.timepoint import When, day_when, month_end, quarter_of, season_of, shift, week_when
from extractor.language.lexicon import number_value, ordinal_value

TenseAt = Callable[[int, int], str | None]  # (start, end) -> "past" | "present" | "future" | None


@dataclass
class NormalizeContext:
    """What normalizing a candidate reads besides the candidate: the reference date, the tense at
    a span, and the anchors `anchor.resolve` keeps up to date as it goes left to right."""

    reference: date | None
    tense_at: TenseAt
    anchor: When | None = None  # the last fully known date: what "that year", "a year earlier" refer to
    anchor_end: int | None = None  # where the expression that named `anchor` ends in the text
    quarter: When | None = None  # the quarter (or half) last reported: what "a year ago" compares with
    to_date: When | None = None  # a period from the start of a year ("the first nine months"): what "a year
    # earlier" compares with instead of `quarter`, until a quarter or a half is named again


def in_hand(ctx: NormalizeContext) -> When | None:
    """The period a report gives that "a year earlier" compares with: the period from the start of
    the year in hand ("the first nine months"), else the quarter last reported."""
    return ctx.to_date or ctx.quarter


def normalize(c: Candidate, ctx: NormalizeContext) -> tuple[TimexType, str, When | None, bool] | None:
    """(TIMEX3 type, value, the date it names or None, whether it was resolved against another
    date), or None when the candidate is no temporal expression after all."""
    return _HANDLERS[c.rule](c, ctx)


def _month_number(word: str) -> int:
    t = tables()["months"]
    return t.get(word, t.get(word.title(), t.get(word.title().rstrip(".") + ".", (0,))))[0]


def _weekday_number(word: str) -> int:
    t = tables()["weekdays"]
    return t.get(word, t.get(word.title(), 0))


def _number_value(word: str) -> float | None:
    word = re.sub(r"\s+", " ", word.lower())
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    half = re.fullmatch(r"(\d+)(?: 1/2|½)", word)
    if half:  # "2 1/2 years", "2½ years"
        return int(half.group(1)) + 0.5
    if word in ("a half", "half a"):
        return 0.5
    return number_value(word)


def _whole_number(word: str) -> int:
    """The whole value of a number a rule's pattern matched (so one `_number_value` reads)."""
    value = _number_value(word)
    if value is None:
        raise ValueError(f"{word!r} is matched as a number but numbers.tsv does not give its value")
    return int(value)


def _tense(ctx: NormalizeContext, c: Candidate) -> str | None:
    """"past", "present", "future" or None: the tense of the candidate's clause."""
    return ctx.tense_at(c.start, c.end)


UNMARKED_AHEAD = 90  # days: a month this far ahead, in a clause not in the future tense, is last year's
TENSE_OVERRIDES_AFTER = 120  # days: nearer than that, "said ... on Dec. 7" is still the coming Dec. 7
PAST_MONTH_AHEAD = 31  # days: a month starting further ahead, in a past clause, is last year's; next month may be what was said of it


def _year_for_month(ctx: NormalizeContext, c: Candidate, month: int, day: int | None = None) -> int | None:
    """The year of a month (and day) given without one: the one that puts it nearest the
    reference date, then moved by the clause. A month in a past clause is none starting more than
    PAST_MONTH_AHEAD days ahead ("In January, the firm hired...", said in October: last January;
    "said the rules are due in November", still the coming one), a month in a future clause
    none already over ("a mission in December", said in March: this December); a day in a past
    clause moves a year back when it is more than TENSE_OVERRIDES_AFTER days ahead, one in a
    future clause a year on when as far behind. Unmarked, a date more than UNMARKED_AHEAD days
    ahead is last year's (news reports what has happened), but for one set ahead ("effective Feb.
    1") or a deadline outside a past clause ("to repay the loan by February")."""
    ref = ctx.reference
    if ref is None:
        return None
    def gap(year: int) -> int:
        return (_first_day(year, month, day) - ref).days
    year = min((ref.year - 1, ref.year, ref.year + 1), key=lambda y: (abs(gap(y)), -y))
    tense = _tense(ctx, c)
    if c.groups.get("planned") or (c.groups.get("deadline") and tense != "past"):
        tense = "future"
    if day is None:
        if tense == "past" and gap(year) > PAST_MONTH_AHEAD:
            return year - 1
        if tense == "future" and month_end(year, month) < ref:
            return year + 1
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


def _nearest_weekday(ref: date, weekday: int, direction: str, strictly: bool = False) -> date:
    """The `weekday` nearest `ref` in `direction` ("past": on or before it, or before it when
    `strictly`; "future": after it; "nearest": within three days either way)."""
    delta = weekday - ref.isoweekday()
    if direction == "past":
        return ref + timedelta(days=delta if delta < 0 or (delta == 0 and not strictly) else delta - 7)
    if direction == "future":
        return ref + timedelta(days=delta if delta > 0 else delta + 7)
    return ref + timedelta(days=delta if -3 <= delta <= 3 else (delta - 7 if delta > 3 else delta + 7))


def _date(when: When, anchored: bool = False) -> tuple[TimexType, str, When, bool]:
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
    if ref is not None and rel == "last":
        # "last October" said in November is the October of the year before: the month just gone
        # is "last month" (GUIDELINES 3; "this past October" is the one just gone)
        year = ref.year if month < ref.month - 1 else ref.year - 1
    elif ref is not None and rel == "this past":
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
    code = tables()["seasons"][g["season"].lower()]
    if g.get("year"):
        return _date(When("season", int(g["year"]), part=code))
    rel = (g.get("rel") or "").lower()
    ref = ctx.reference
    if g.get("relyear"):  # "in summer this year", "spring next year"
        year = ref.year + {"last": -1, "next": 1, "this": 0}[g["relyear"].lower()] if ref else None
        return _date(When("season", year, part=code), anchored=True)
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
    return ordinal_value(word)


def _h_quarter(c, ctx):
    g = c.groups
    kind = g["qh"].lower()
    ordw = g["ord"].lower()
    n = 4 if ordw in ("final", "last") and kind.startswith("quarter") else 2 if ordw in ("final", "last") else _ordinal_number(ordw)
    if n is None or (kind == "half" and n > 2):
        return None
    part = f"Q{n}" if kind.startswith("quarter") else f"H{n}"
    gran = "quarter" if kind.startswith("quarter") else "half"
    before = 1 if g.get("ya") else 0  # "the year-ago third quarter": that quarter, a year before
    if g.get("year"):
        return _date(When(gran, int(g["year"]) - before, part=part), anchored=bool(before))
    ref = ctx.reference
    if ref is None:
        return _date(When(gran, None, part=part), anchored=True)
    if g.get("relyear"):  # "the first quarter of next year"
        year = ref.year + {"last": -1, "next": 1, "this": 0}[g["relyear"].lower()]
        return _date(When(gran, year - before, part=part), anchored=True)
    current = quarter_of(ref.month) if gran == "quarter" else (1 if ref.month <= 6 else 2)
    year = ref.year  # news reports the quarter in hand: the reference year's, else the one before
    if n > current and _tense(ctx, c) != "future":
        year -= 1
    return _date(When(gran, year - before, part=part), anchored=True)


def _h_part_of_year(c, ctx):
    """"the first two quarters of 2026", "the last six months of 2004" (the first or second half),
    "the last three months of 2004" (the first or fourth quarter): that part of the year, as one date."""
    g = c.groups
    last = g["edge"].lower() in ("last", "final")
    ref = ctx.reference
    if g.get("year"):
        year: int | None = int(g["year"])
    else:
        year = ref.year + {"last": -1, "next": 1, "this": 0}[g["relyear"].lower()] if ref else None
    if g.get("quarteryear"):
        return _date(When("quarter", year, part="Q4" if last else "Q1"), anchored=not g.get("year"))
    return _date(When("half", year, part="H2" if last else "H1"), anchored=not g.get("year"))


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
    year_before = bool(g.get("ago")) or any(w in rel for w in ("ago", "earlier", "comparable"))
    from_anchor = rel == "the" or year_before or "same" in rel or "corresponding" in rel
    reported = ctx.quarter if ctx.quarter is not None and ctx.quarter.granularity == "quarter" else None
    base = reported if from_anchor else None
    if base is None and g.get("ago") and g["qh"].lower() == "period" and ref is not None:
        return _date(When("year", ref.year - 1), anchored=True)  # "the same period last year", no quarter in hand
    if base is None and ref is not None:
        base = When("quarter", ref.year, part=f"Q{quarter_of(ref.month)}")
        if rel in ("the latest", "the") and _tense(ctx, c) != "future":
            base = shift(base, "quarter", -1)  # the last quarter reported: the one before the reference date's
    if base is None:
        return _date(When("quarter", None, part="QX"), anchored=True)
    if year_before:
        return _date(replace(base, year=base.year - 1), anchored=True)
    if rel in ("last", "the previous"):
        return _date(shift(base, "quarter", -1) or When("quarter", None, part="QX"), anchored=True)
    if rel == "next":
        return _date(shift(base, "quarter", 1) or When("quarter", None, part="QX"), anchored=True)
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
    elif kind == "period" and ctx.to_date is not None:  # "the 1988 period" after "the first nine months"
        return _date(replace(ctx.to_date, year=year), anchored=not g.get("year"))
    elif ctx.quarter is not None and ctx.quarter.granularity == gran and ctx.quarter.part:
        part = ctx.quarter.part  # "the 1988 period": the quarter the report gives, in 1988
    elif ctx.anchor is not None and ctx.anchor.granularity == gran and ctx.anchor.part:
        part = ctx.anchor.part
    else:
        return _date(When("year", year), anchored=True)  # which quarter is not said: the year is
    return _date(When(gran, year, part=part), anchored=not g.get("year"))


def _h_spoken_year(c, ctx):
    """Years said as words, as broadcast transcripts write them: "nineteen ninety-six", "the
    year two thousand"."""
    g = c.groups
    if g.get("y2k"):
        if not g.get("the") and not g.get("y2kones"):
            return None  # "two thousand" alone is a number
        return _date(When("year", 2000 + (_whole_number(g["y2kones"]) if g.get("y2kones") else 0)))
    if not g.get("ones") and not g.get("the") and g["tens"].lower() not in word_set("teen"):
        return None  # "twenty thirty" could be a year, "nineteen forty" too, but "twenty seventy" rarely is one
    year = _whole_number(g["century"]) * 100 + _whole_number(g["tens"])
    year += _whole_number(g["ones"]) if g.get("ones") else 0
    return _date(When("year", year))


def _h_day_rel_year(c, ctx):
    """"Jan. 1 next year", "1 March last year"."""
    g = c.groups
    ref = ctx.reference
    year = ref.year + {"last": -1, "next": 1, "this": 0}[g["rel"].lower()] if ref else None
    month, day = _month_number(g["month"]), int(g["day"])
    if not month or day > 31:
        return None
    return _date(When("day", year, month, day), anchored=True)


def _h_month_rel_year(c, ctx):
    """"June last year", "March of next year"."""
    g = c.groups
    ref = ctx.reference
    year = ref.year + {"last": -1, "next": 1, "this": 0}[g["rel"].lower()] if ref else None
    return _date(When("month", year, _month_number(g["month"])), anchored=True)


def _h_the_year(c, ctx):
    """"the year", "the full year", "the current fiscal year": the year of the report; "the
    latest fiscal year", the one before; "the year ended March 31", a period of a year (P1Y)."""
    if c.groups.get("ended"):
        return "DURATION", "P1Y", None, False
    ref = ctx.reference
    if ref is None:
        return _date(When("year", None), anchored=True)
    latest = "latest" in (c.groups.get("mod") or "").lower()
    return _date(When("year", ref.year - 1 if latest else ref.year), anchored=True)


def _h_year_ago(c, ctx):
    anchor = in_hand(ctx) or ctx.anchor or (When("year", ctx.reference.year) if ctx.reference else None)
    if anchor is None or anchor.year is None:
        return _date(When("year", None), anchored=True)
    if anchor.granularity in ("quarter", "half"):
        return _date(replace(anchor, year=anchor.year - 1), anchored=True)
    return _date(When("year", anchor.year - 1), anchored=True)


def _h_year_end(c, ctx):
    """"by year-end", "at year's end": the year whose end it is (TIMEX3 writes the year, with
    mod END): the reference year's, the one before after "since" or in a past clause ("at
    year-end the bank held $5 billion", the last year-end there was)."""
    ref = ctx.reference
    if ref is None:
        return _date(When("year"), anchored=True)
    before = c.groups.get("since") or _tense(ctx, c) == "past"
    return _date(When("year", ref.year - 1 if before else ref.year), anchored=True)


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
        decade = 192 + word_list("decade_word").index(g["decw"].lower())
    return _date(When("decade", decade=decade))


def _h_century(c, ctx):
    return _date(When("century", century=int(c.groups["cn"]) - 1))


@dataclass(frozen=True)
class YearRange(When):
    """Years from `year` to `last_year` ("2022-23", "the 1983-84 season"): TIMEX3 has no value for
    a range, so the value names the first year; the date range covers all of them."""

    last_year: int | None = None

    def date_range(self) -> tuple[date | None, date | None]:
        """(1 January of the first year, 31 December of the last)."""
        if self.year is None or self.last_year is None:
            return super().date_range()
        return date(self.year, 1, 1), date(self.last_year, 12, 31)


def _h_year_range(c, ctx):
    g = c.groups
    return _date(YearRange("year", int(g["year"]), last_year=int(g["last_year"])))


def _h_year(c, ctx):
    return _date(When("year", int(c.groups["year"])))


def _unit(word: str) -> tuple[str, str, str]:
    return tables()["units"][word.lower()]


def _reference_when(ctx: NormalizeContext, gran: str) -> When | None:
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
        if rel in ("past", "last") and singular in ("year", "decade") and ctx.reference is not None:
            # "over the past year", "in the last decade": the year or decade before the report's
            year = ctx.reference.year
            return _date(When("year", year - 1) if singular == "year" else When("decade", decade=year // 10 - 1), anchored=True)
        if letter in ("DE", "CE"):
            return "DURATION", "P10Y" if letter == "DE" else "P100Y", None, False  # as "a decade", "a century"
        return "DURATION", f"P1{letter}" if not letter.startswith("T") else f"PT1{letter[1]}", None, False
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
    return _date(_at_granularity(moved, gran) if moved else _unknown(gran), anchored=True)


def _at_granularity(when: When, gran: str) -> When:
    if gran == "year" and when.year is not None:
        return When("year", when.year)
    if gran == "month" and when.month is not None:
        return When("month", when.year, when.month)
    return when


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
    if g.get("andhalf"):
        n += 0.5
    if n != int(n) and singular == "year" and n * 12 == int(n * 12):  # "a year and a half ago": 18 months ago
        singular, gran, n = "month", "month", n * 12
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
    topic = in_hand(ctx)
    if singular == "year" and topic is not None and topic.granularity in ("quarter", "half", "year") and topic.year is not None:
        # "profit rose to $5m from $4m a year ago", after "the third quarter": that quarter, a year
        # before; after "the first nine months": the year before
        return _date(replace(topic, year=topic.year + sign * int(n)), anchored=True)
    moved = shift(base, singular, sign * n)
    if moved is None:
        return _date(_unknown(gran), anchored=True)
    if direction in ("ago", "from now", "hence"):
        moved = _at_granularity(moved, gran) if gran in ("year", "month") else moved
    return _date(moved, anchored=True)


def _h_cue(c, ctx):
    phrase = re.sub(r"\s+", " ", c.groups["cue"].lower())
    kind, arg = tables()["cues"][phrase]
    ref = ctx.reference
    if kind in ("vague", "vague_after_modal"):
        return "DATE", arg, None, False
    if kind in ("set", "set_after_rate"):
        return "SET", arg, None, False
    if kind == "deictic":
        if ref is None:
            return _date(When("day"), anchored=True)
        return _date(day_when(ref + timedelta(days=int(arg))), anchored=True)
    if kind == "daypart_story":  # "overnight": the night before the story's day
        offset, part = arg.split()
        day = _day_of_a_time(ctx)
        moved = (shift(day, "day", int(offset)) if day.year is not None else None) or day
        when = replace(moved, daypart=part)
        return "TIME", when.value(), when, True
    if kind == "daypart_deictic":
        offset, part = arg.split()
        base = day_when(ref + timedelta(days=int(offset))) if ref else When("day")
        when = replace(base, daypart=part)
        return "TIME", when.value(), when, True
    return None


def _h_weekday(c, ctx):
    g = c.groups
    weekday = _weekday_number(g["weekday"])
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    part = tables()["dayparts"].get((g.get("daypart") or "").lower())
    ref = ctx.reference
    story = _story_day(ctx)
    if rel in ("the previous", "the following", "the next") and story is not None:
        d = _nearest_weekday(story, weekday, "past" if rel == "the previous" else "future", strictly=True)
    elif ref is None:
        return ("TIME" if part else "DATE"), When("day", weekday=weekday, daypart=part).value(), \
            When("day", weekday=weekday, daypart=part), True
    elif rel in ("last", "this past", "past", "the previous"):
        d = _nearest_weekday(ref - timedelta(days=1), weekday, "past")
    elif rel in ("next", "coming", "the following", "the next"):
        d = _nearest_weekday(ref, weekday, "future")
    elif rel == "this":  # the day of the reference date's week
        d = ref + timedelta(days=weekday - ref.isoweekday())
    else:
        d = _nearest_weekday(ref, weekday, _weekday_direction(ctx, c))
    when = replace(day_when(d), daypart=part)
    return ("TIME" if part else "DATE"), when.value(), when, True


def _weekday_direction(ctx: NormalizeContext, c: Candidate) -> str:
    """Which way a bare weekday lies from the reference date: "future" when it is planned ("set
    for Sunday", "will meet Friday", "said he would resign Friday") or a deadline outside a past
    clause ("a decision is expected by Friday"), "past" when the clause is
    past, after "since", on a possessive ("Thursday's close") or with no verb to tell (news
    reports what happened); "nearest" in a present clause ("the bank meets Thursday")."""
    g = c.groups
    if g.get("ahead"):
        return "future"
    if g.get("since"):
        return "past"
    tense = ctx.tense_at(c.start, c.end)
    if g.get("deadline") and tense != "past":
        return "future"
    if g.get("possessive") and tense != "future":
        return "past"
    return {"past": "past", "future": "future", "present": "nearest"}.get(tense or "past", "past")


def _story_day(ctx: NormalizeContext) -> date | None:
    """The day the story has reached: the last full date named (the anchor), else None."""
    a = ctx.anchor
    if a is not None and a.granularity == "day" and a.year and a.month and a.day:
        return date(a.year, a.month, a.day)
    return None


def _h_anaphor(c, ctx):
    g = c.groups
    ana = g["ana"].lower()
    unit = g["unit"].lower()
    part = tables()["dayparts"].get(unit)
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
        if day is None and moved.year is not None and moved.month and moved.day:
            moved = week_when(date(moved.year, moved.month, moved.day))
    elif gran == "quarter" and moved.granularity != "quarter" and moved.month:
        moved = When("quarter", moved.year, part=f"Q{quarter_of(moved.month)}")
    if part:
        moved = replace(moved, daypart=part)
        return "TIME", moved.value(), moved, True
    return _date(moved, anchored=True)


THEN_REACH = 120  # characters: "until then" refers to a date named at most this far before it


def _h_then(c, ctx):
    """"until then", "by then" (the "then" of it): the date named last, when it ends at most
    THEN_REACH characters before; else no temporal expression ("by then the crowd had left")."""
    if ctx.anchor is None or ctx.anchor_end is None or c.start - ctx.anchor_end > THEN_REACH:
        return None
    if ctx.anchor.clock or ctx.anchor.daypart:
        return "TIME", ctx.anchor.value(), ctx.anchor, True
    return _date(ctx.anchor, anchored=True)


def _h_unit_before(c, ctx):
    """"the day before", "the year after" (closing their clause): the day or year before or after
    the date last named, as "the previous day", "the following year"."""
    before = c.groups["dir"].lower() in ("before", "earlier")
    return _h_anaphor(replace(c, groups={**c.groups, "ana": "the previous" if before else "the following"}), ctx)


def _h_nth_day(c, ctx):
    """"Today is the eighth day of the strike", "it's the second day of an offensive" (after a
    phrase of nth_day_lead): the reference day."""
    if ctx.reference is None:
        return _date(When("day"), anchored=True)
    return _date(day_when(ctx.reference), anchored=True)


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
    if (g.get("more", "").lower() == "and a half" or g.get("andhalf")) and n is not None:
        n += 0.5  # "two and a half years", "a year and a half"
    amount = "X" if n is None else (str(int(n)) if n == int(n) else str(n))
    if letter in ("DE", "CE") and n is not None:
        years = n * (10 if letter == "DE" else 100)
        amount, letter = (str(int(years)) if years == int(years) else str(years)), "Y"
    if n is not None and n != int(n) and (n * 2) == int(n * 2) and letter in HALF_IN_THE_NEXT_UNIT:
        value = HALF_IN_THE_NEXT_UNIT[letter].format(int(n))  # "2 1/2 years": P2Y6M
    elif letter.startswith("T"):
        value = f"PT{amount}{letter[1]}"
    elif letter == "2W":
        value = f"P{amount if amount == 'X' else int(float(amount) * 2)}W"
    else:
        value = f"P{amount}{letter}"
    return "DURATION", value, None, False


# a whole number and a half of a unit, written in the next smaller one as TIMEX3 values do
HALF_IN_THE_NEXT_UNIT = {"Y": "P{}Y6M", "D": "P{}DT12H", "TH": "PT{}H30M", "TM": "PT{}M30S"}


def _h_months_to_date(c, ctx):
    """"the first nine months", "the nine months", "the latest six months": a duration of months
    (the period a report gives from the start of a year: `period_to_date`)."""
    return _h_duration(c, ctx)


def period_to_date(c: Candidate, ctx: NormalizeContext) -> When | None:
    """The calendar period "the first N months" of a report covers, or None for another rule: the
    first quarter or half for three or six months from the start of the year, else the year; of the
    year it names ("of 1997", "of last year"), else the reference year when that many of its months
    are over, else the year before. None for fewer than two or more than eleven months, for
    months that are no quarters ("the two months": only "the first" counts any number), for months
    ending on a date ("the six months ended June 30": a fiscal period, that date says when) or
    counted from an event ("the six months since the election"), and for those of the year before
    ("the year-earlier nine months": what is compared with)."""
    g = c.groups
    which = (g.get("which") or "").lower()
    if c.rule != "months_to_date" or g.get("ended") is not None or g.get("relative") is not None \
            or which in ("year-earlier", "year-ago"):
        return None
    n = _number_value(g["num"])
    ref = ctx.reference
    if n is None or n != int(n) or not 2 <= n <= 11 or (which != "first" and n % 3):
        return None
    if g.get("year"):
        year: int | None = int(g["year"])
    elif ref is None:
        year = None
    elif g.get("relyear"):
        year = ref.year + {"last": -1, "this": 0}[g["relyear"].lower()]
    else:
        year = ref.year if ref.month > n else ref.year - 1
    first = which == "first"
    if first and n == 3:
        return When("quarter", year, part="Q1")
    if first and n == 6:
        return When("half", year, part="H1")
    return When("year", year)


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


def _h_bare_plural(c, ctx):
    """"for centuries", "within weeks", "for the first time in years": some length of that unit."""
    _, letter, _ = _unit(c.groups["unit"])
    letter = {"DE": "E", "CE": "C"}.get(letter, letter)
    return "DURATION", (f"PTX{letter[1]}" if letter.startswith("T") else f"PX{letter}"), None, False


def _h_weekday_set(c, ctx):
    """"Tuesday nights", "Sunday mornings", "on Mondays": that weekday (and part of the day),
    every week."""
    g = c.groups
    if g.get("weekdays"):
        return "SET", f"XXXX-WXX-{_weekday_number(g['weekdays'][:-1])}", None, False
    part = tables()["dayparts"][g["dayparts"].lower()[:-1]]
    return "SET", f"XXXX-WXX-{_weekday_number(g['weekday'])}T{part}", None, False


def _h_set_every(c, ctx):
    g = c.groups
    n = g.get("n")
    count = 2 if n and n.lower() == "other" else _whole_number(n) if n else 1
    if g.get("weekday"):
        return "SET", f"XXXX-WXX-{_weekday_number(g['weekday'])}", None, False
    if g.get("month"):
        return "SET", f"XXXX-{_month_number(g['month']):02d}", None, False
    singular, letter, gran = _unit(g["unit"])
    if letter in ("DE", "CE"):
        count, letter = count * (10 if letter == "DE" else 100), "Y"
    return "SET", (f"PT{count}{letter[1]}" if letter.startswith("T") else f"P{count}{letter}"), None, False


def _h_clock(c, ctx):
    """"7:30 p.m.", "9 PM", "6 o'clock" (the hour as said): a time of the reference day."""
    g = c.groups
    hour = int(g["hour"])
    if g.get("ampm"):
        hour = hour % 12 + (12 if g["ampm"].lower().startswith("p") else 0)
    return _time_of_reference_day(ctx, f"{hour:02d}:{g.get('minute') or '00'}")


def _h_clock_24(c, ctx):
    """"0830 GMT", "14:30 local time": a time of the day of the story, as written (no zone is
    converted)."""
    g = c.groups
    hour, minute = (g["hour"], g["minute"]) if g.get("hour") else (g["hour2"], g["minute2"])
    return _time_of_reference_day(ctx, f"{int(hour):02d}:{minute}")


def _h_clock_daypart(c, ctx):
    """"5 in the morning", "seven in the evening", "10 at night": the hour the part of day puts
    it at (night: from six in the evening to four in the morning)."""
    g = c.groups
    hour = int(g["hour"]) if g["hour"].isdigit() else int(_number_value(g["hour"]) or 0)
    part = re.sub(r"\s+", " ", g["dp"].lower()).split(" ")[-1]
    afternoon = part in ("afternoon", "evening") or (part == "night" and hour >= 5)
    hour = hour % 12 + (12 if afternoon else 0)
    return _time_of_reference_day(ctx, f"{hour:02d}:{g.get('minute') or '00'}")


def _h_clock_words(c, ctx):
    clock = {"noon": "12:00", "midday": "12:00"}.get(c.groups["clockword"].lower(), "24:00")
    return _time_of_reference_day(ctx, clock)


STORY_DAY_REACH = 6  # days: a time of day with no day of its own falls on the story's day when it is this recent


def _day_of_a_time(ctx: NormalizeContext) -> When:
    """The day a time of day with no day of its own falls on: the day the story has reached when
    it is one of the STORY_DAY_REACH days before the reference date (a Monday report of Friday's
    trading: "in the morning", "overnight", "by 3 p.m." are Friday's), else the reference day
    (an unknown day without one)."""
    story, ref = _story_day(ctx), ctx.reference
    if story is not None and ref is not None and 0 < (ref - story).days <= STORY_DAY_REACH:
        return day_when(story)
    return day_when(ref) if ref else When("day")


def _time_of_reference_day(ctx: NormalizeContext, clock: str) -> tuple[str, str, When, bool]:
    """A TIME at `clock` on the day of the story (`_day_of_a_time`)."""
    when = replace(_day_of_a_time(ctx), clock=clock)
    return "TIME", when.value(), when, True


def _h_daypart_mod(c, ctx):
    """"mid-afternoon", "early morning": that part of the day of the story (`_day_of_a_time`)."""
    when = replace(_day_of_a_time(ctx), daypart=tables()["dayparts"][c.groups["daypart"].lower()])
    return "TIME", when.value(), when, True


def _h_the_daypart(c, ctx):
    """"in the morning", "early in the afternoon", "during the evening": that part of the day of
    the story (`_day_of_a_time`)."""
    return _h_daypart_mod(c, ctx)


def easter_sunday(year: int) -> date:
    """Western Easter Sunday of `year` (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    return date(year, month, (h + l - 7 * m + 114) % 31 + 1)


def holiday_date(holiday: Holiday, year: int) -> date | None:
    """The day `holiday` falls on in `year`, or None (a lunar holiday of a year not listed)."""
    if holiday.rule == "fixed":
        return date(year, holiday.month, holiday.day)
    if holiday.rule == "on_or_after":
        first = date(year, holiday.month, holiday.day)
        return first + timedelta(days=(holiday.weekday - first.isoweekday()) % 7)
    if holiday.rule == "easter":
        return easter_sunday(year) + timedelta(days=holiday.offset)
    return next((date(y, m, d) for y, m, d in holiday.by_year if y == year), None)


def _holiday_year(ctx: NormalizeContext, c: Candidate, holiday: Holiday, rel: str) -> int | None:
    """The year of a holiday named without one: "last" the latest one before the reference date,
    "next" the first after it, "this" the reference year's; else the tense decides (past: the
    latest on or before the reference date; future or present, "before Christmas": the first on
    or after it; no verb: the nearest)."""
    ref = ctx.reference
    if ref is None:
        return None
    days = {y: d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := holiday_date(holiday, y)) is not None}
    if rel == "this":
        return ref.year
    tense = _tense(ctx, c)
    if rel in ("last", "this past") or (not rel and tense == "past"):
        strictly = rel != ""
        return max(y for y, d in days.items() if (d < ref if strictly else d <= ref))
    if rel in ("next", "the coming") or tense in ("future", "present"):
        return min(y for y, d in days.items() if (d > ref if rel else d >= ref))
    return min(days, key=lambda y: (abs((days[y] - ref).days), -y))


def _h_holiday(c, ctx):
    g = c.groups
    holiday = holiday_of(g["holiday"])
    rel = (g.get("rel") or "").lower()
    year = int(g["year"]) if g.get("year") else _holiday_year(ctx, c, holiday, rel)
    if year is None:
        return _date(When("day"), anchored=True)
    day = holiday_date(holiday, year)
    if day is None:  # "Ramadan 1990": a year the table does not list
        return _date(When("year", year))
    return _date(day_when(day), anchored=not g.get("year"))


_HANDLERS: dict[str, Callable] = {
    "holiday": _h_holiday,
    "iso_date": _h_iso, "mdy": _h_full, "dmy": _h_full, "month_year": _h_month_year,
    "month": _h_month, "modified_year": _h_modified_year, "season": _h_season,
    "quarter": _h_quarter, "part_of_year": _h_part_of_year, "the_mod_season": _h_season, "q_code": _h_q_code, "rel_quarter": _h_rel_quarter, "the_quarter": _h_rel_quarter,
    "the_year": _h_the_year, "year_quarter": _h_year_quarter, "spoken_year": _h_spoken_year,
    "month_rel_year": _h_month_rel_year, "mdy_rel_year": _h_day_rel_year, "dmy_rel_year": _h_day_rel_year,
    "fiscal_year": _h_fiscal, "decade": _h_decade, "decade_short": _h_decade,
    "decade_word": _h_decade, "century": _h_century, "year_range": _h_year_range, "year": _h_year, "rel_unit": _h_rel_unit,
    "within_unit": _h_within_unit, "ago": _h_ago, "year_ago": _h_year_ago, "year_end": _h_year_end, "cue": _h_cue,
    "weekday": _h_weekday, "anaphor": _h_anaphor, "then": _h_then, "unit_before": _h_unit_before, "nth_day": _h_nth_day, "weekend": _h_weekend,
    "duration": _h_duration, "months_to_date": _h_months_to_date, "vague_duration": _h_vague_duration, "bare_plural": _h_bare_plural, "set_every": _h_set_every, "weekday_set": _h_weekday_set,
    "clock": _h_clock, "clock_24": _h_clock_24, "clock_words": _h_clock_words, "clock_daypart": _h_clock_daypart,
    "daypart_mod": _h_daypart_mod, "the_daypart": _h_the_daypart,
}
