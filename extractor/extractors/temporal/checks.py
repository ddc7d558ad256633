"""What a rule's regular expression cannot say: the named checks of temporal_rules.tsv.

Each rule line names its checks in the `checks` column (HeidelTime writes its constraints on the
rule line the same way); they run in that order on every match of the rule. A check reads the
match's context (the word before, the characters after, the text around) with the word lists of
data/temporal_words.tsv and returns False to drop the match. A check may also mark the match for
normalization (a flag in its groups: "planned", "since", ...), widen it ("the year 2000") or
recast it ("two years after the war": a duration, not a date); its docstring says which.

A check is a function `(Found) -> bool` registered under its own name with `@check`; a rule line
that names an unknown check is an error when the rules are compiled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Callable

from extractor.extractors.temporal.tables import holiday_of, holiday_words, rules, tables, word_list, word_set
from extractor.language.lexicon import alternation, number_word_list, previous_word, read_tsv, word_alternation

AFTER_CHARS = 12  # how much of the text after a match the checks look at
DURATION_GROUPS = ("qual", "num", "unit", "vague", "andhalf")  # what a duration's normalizer reads


@dataclass
class Found:
    """One match of a rule while its checks run."""

    rule: str
    start: int
    end: int
    groups: dict
    priority: int
    text: str
    after: str  # the AFTER_CHARS characters after the match as the regex ended it
    match: re.Match
    absolute_day: date | None = None

    @property
    def word_before(self) -> str:
        """The word just before the match, lower case."""
        return previous_word(self.text, self.start)

    @property
    def next_word(self) -> str:
        """The word after the match (spaces and a hyphen between), lower case, or ""."""
        m = re.match(r"[\s-]*([A-Za-z]+)", self.after)
        return m.group(1).lower() if m else ""

    def group(self, name: str) -> str:
        """A group's text in lower case ("" when it did not take part)."""
        return self.groups.get(name, "").lower()

    def recast_as_duration(self) -> None:
        """Make the match the duration before its direction word ("two years" of "two years
        after the war"), as the duration rule would have found it."""
        self.end = len(self.text[:self.match.start("dir")].rstrip())
        self.rule, self.priority = "duration", _duration_priority()
        self.groups = {k: v for k, v in self.groups.items() if k in DURATION_GROUPS}

    def unit(self, column: int) -> str:
        """A column of the matched unit's line of time_units.tsv: 0 the singular, 1 the TIMEX
        letter ("Q", "TS"), 2 the granularity ("time", "day", ...)."""
        return tables()["units"][self.group("unit")][column]


@cache
def _duration_priority() -> int:
    """The priority of the duration rule of temporal_rules.tsv, which a recast match takes."""
    return next(r.priority for r in rules() if r.name == "duration")


Check = Callable[[Found], bool]
CHECKS: dict[str, Check] = {}


def check(fn: Check) -> Check:
    """Register `fn` as the check its name says, for the rule lines of temporal_rules.tsv."""
    CHECKS[fn.__name__] = fn
    return fn


# ----------------------------------------------------------------- months, days and full dates


@check
def month_word_needs_cue(f: Found) -> bool:
    """A month that is also a word ("May", "March", months.tsv marks them) stands alone only after a
    month cue ("in May"; not "May be") or with "last", "next"..."""
    months = tables()["months"]
    word = f.groups["month"]
    needs_context = months.get(word, months.get(word.title(), (0, False)))[1]
    return not needs_context or bool(f.groups.get("rel")) or f.word_before in word_set("month_cue")


@check
def month_not_a_heading_word(f: Found) -> bool:
    """A month in capitals ("MARCH") is a heading's word, not a date, unless a cue or "last",
    "next"... says it is one."""
    word = f.groups["month"]
    if word.isupper() and len(word) > 3 and not f.groups.get("rel"):
        return f.word_before in word_set("month_cue")
    return True


@check
def date_not_a_figure(f: Found) -> bool:
    """Not a month and a number that is a figure ("June 5.2%", "May 3.5 percent")."""
    return not re.match(r"\s*(%|percent|per cent|[.,]\d)", f.after)


@check
def mark_set_ahead(f: Found) -> bool:
    """Marks a month or day without a year that a cue sets ahead: "planned" whatever the clause
    ("effective Feb. 1"), "deadline" unless the clause is past ("to repay the loan by February")."""
    if not f.groups.get("year"):
        if f.word_before in word_set("planned_date_cue"):
            f.groups["planned"] = "1"
        elif f.word_before in word_set("deadline_cue"):
            f.groups["deadline"] = "1"
    return True


@check
def full_date_exists(f: Found) -> bool:
    """A month, day and year name a day of the calendar ("February 30, 2021" does not); keeps it
    as the match's absolute day, which reference inference reads."""
    g = f.groups
    if not g.get("year"):
        return True
    month = tables()["months"].get(g["month"], tables()["months"].get(g["month"].title(), (None,)))[0]
    return _keep_absolute_day(f, g["year"], month, g["day"])


@check
def iso_date_exists(f: Found) -> bool:
    """"2023-02-30" names no day; one that does is kept as the match's absolute day."""
    return _keep_absolute_day(f, f.groups["iy"], f.groups["im"], f.groups["id"])


def _keep_absolute_day(f: Found, year, month, day) -> bool:
    try:
        f.absolute_day = date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return False
    return True


# ------------------------------------------------------------------------------------ years


@check
def year_not_in_a_number(f: Found) -> bool:
    """Four digits that are a year, not part of a number, a code or a share ("1,2000", "2019%",
    "2019.5"); "post-1945" and "pre-2008" stay years."""
    before = f.text[max(0, f.start - 2):f.start]
    if re.search(r"[\d.,:/#-]$", before) and not _after_pre_or_post(f.text, f.start):
        return False
    return not re.match(r"(%|\s*(percent|per cent)|[.,:]\d|-\d|\d)", f.after)


@check
def early_year_needs_cue(f: Found) -> bool:
    """A year before 1900 only after a cue ("in 1850", "circa 1850"): otherwise a count."""
    return int(f.groups["year"]) >= 1900 or f.word_before in word_set("month_cue") | word_set("early_year_cue")


@check
def year_not_a_count(f: Found) -> bool:
    """Not a number of things ("1500 workers": counted_after_year)."""
    return not (re.match(r"\s*[A-Za-z]", f.after) and _counted_after_year().match(f.after))


@check
def year_not_in_a_name(f: Found) -> bool:
    """Not the end of a name ("Vision 2030", "Orion 1980")."""
    return not _year_in_name(f.text, f.start)


@check
def widen_to_the_year_said(f: Found) -> bool:
    """Widens "the year 2000" to one expression."""
    said = re.search(r"(?<![\w-])(?:the|The|THE)\s+(?:year|Year|YEAR)\s+$", f.text[max(0, f.start - 12):f.start])
    if said:
        f.start -= len(said.group())
    return True


MAX_RANGE_YEARS = 10  # "2021-25": a range of years states at most this many after the first


@check
def range_of_years(f: Found) -> bool:
    """"2022-23", "2011-2012": a range when its last year is a later one (see last_year_of_range)
    and it is no part of a code or a number; keeps the last year as the group "last_year"."""
    last = last_year_of_range(int(f.groups["year"]), f.groups["last"])
    if last is None or _inside_code(f.text, f.start, f.end):
        return False
    f.groups["last_year"] = str(last)
    return True


def last_year_of_range(first: int, last: str) -> int | None:
    """The last year of a range written "2022-23", "2011-2012", "1999-00" (two digits take the
    first year's century, or the next one), or None when that is no later year within
    MAX_RANGE_YEARS: "2022-12" is no range (a year and a month, or a code)."""
    year = int(last)
    if len(last) == 2:
        year += first // 100 * 100
        if year <= first:
            year += 100
    return year if 0 < year - first <= MAX_RANGE_YEARS else None


@check
def year_end_needs_cue(f: Found) -> bool:
    """"year-end" is a date after a month cue or a year-end cue ("at year-end", "by year-end"),
    not a word of a figure ("year-end net"); after a since cue it is marked "since"."""
    before = f.word_before
    if before not in word_set("month_cue") | word_set("year_end_cue"):
        return False
    if before in word_set("since_cue"):
        f.groups["since"] = "1"
    return True


@check
def mark_period_ended(f: Found) -> bool:
    """Marks "the year" followed by "ended" and a date ("the fiscal year ended March 31") as a
    year-long period ("ended"), not the year of the report."""
    if _ends_on_a_date(f.text, f.end):
        f.groups["ended"] = "1"
    return True


@check
def short_decade_needs_the_or_cue(f: Found) -> bool:
    """"'80s" alone only after a month cue ("in '80s"); "the '80s" always."""
    return bool(f.groups.get("the")) or f.word_before in word_set("month_cue")


# -------------------------------------------------------------------- seasons and quarters


@check
def season_needs_cue(f: Found) -> bool:
    """A bare season ("spring") is a date only after a season cue ("in spring"), unless "last",
    "this"... or a year says when."""
    return bool(f.groups.get("rel") or f.groups.get("year")) or f.word_before in word_set("season_cue")


@check
def season_not_a_thing(f: Found) -> bool:
    """A season without a year that qualifies the noun after it is no date ("the winter break",
    "the summer holidays", "the spring collection": a word of season_thing)."""
    return bool(f.groups.get("year")) or f.next_word not in word_set("season_thing")


@check
def the_season_needs_cue(f: Found) -> bool:
    """"the spring" is a date only after a cue ("in the spring"; not "the spring collection")."""
    if f.group("rel") == "the" and not f.groups.get("year"):
        return f.word_before in word_set("the_season_cue")
    return True


@check
def unanchored_period_needs_ago(f: Found) -> bool:
    """"the period" is a quarter only as "the period a year ago"; "the period of mourning" is none
    (unanchored_period lists the words before it that need the "ago")."""
    return f.group("rel") not in word_set("unanchored_period") or bool(f.groups.get("ago"))


@check
def quarter_code_needs_year_or_follower(f: Found) -> bool:
    """"Q3", "H1" alone are a period only before a word of quarter_code_follower ("Q3 results")."""
    return bool(f.groups.get("year")) or bool(_quarter_code_follower().match(f.after))


@check
def closing_quarter_needs_the_or_year(f: Found) -> bool:
    """"last quarter" is the relative quarter's (rel_quarter); "the last quarter", "final quarter
    2023" are the ordinal one."""
    return f.group("ord") not in word_set("closing_ordinal") or bool(f.groups.get("year") or f.groups.get("the"))


@check
def quarter_not_of_a_shorter_period(f: Found) -> bool:
    """"the second half of February", "the last half of the '80s": the month or decade says when,
    not a quarter or half of a year."""
    return bool(f.groups.get("year") or f.groups.get("relyear")) or not _of_a_shorter_period(f.text, f.end)


# ------------------------------------------------------------------------- cues and units


@check
def cue_in_its_context(f: Found) -> bool:
    """A cue phrase where its kind (temporal_cues.tsv) says it is one: "a year" of kind
    set_after_rate after a rate word or an amount ("once a year", "$33 million a year"; not "for a
    year", "a year earlier", "3.8% on a year-on-year basis"); one of kind vague_after_modal after a
    modal ("will one day"); a conjunction cue not before "that" ("now that")."""
    kind, _ = tables()["cues"].get(re.sub(r"\s+", " ", f.group("cue")), (None, None))
    if kind == "set_after_rate" and (f.after.startswith("-") or f.word_before not in word_set("rate_word")
                                     and not (_after_an_amount(f.text, f.start) and f.next_word not in word_set("relative_direction"))):
        return False
    if kind == "vague_after_modal" and not _after_modal(f.text, f.start):
        return False
    return not (f.group("cue") in word_set("conjunction_cue") and re.match(r"\s+that\b", f.after))


@check
def soon_not_timed_by_an_event(f: Found) -> bool:
    """"soon" timed by an event its sentence names is no expression of the report's time: "as soon
    as the market opens", "soon after he left" (a joint of soon_joint, then a word), but not "as
    soon as possible" (soon_unbound) nor "he left soon after." (the story's time)."""
    if f.group("cue") not in word_set("soon_word"):
        return True
    m = re.match(r"\s+([A-Za-z]+)\s+([A-Za-z]+)", f.text[f.end:f.end + 40])
    if m is None or m.group(1).lower() not in word_set("soon_joint"):
        return True
    if m.group(1).lower() in word_set("as_word"):
        return not (f.word_before in word_set("as_word") and m.group(2).lower() not in word_set("soon_unbound"))
    return False


@check
def nth_day_needs_lead(f: Found) -> bool:
    """"the eighth day of the strike" dates the report only after a lead ("today is"); "the first
    day of school is Monday" has its day said elsewhere."""
    return _after_phrase(f.text, f.start, "nth_day_lead")


@check
def current_fiscal_is_the_year(f: Found) -> bool:
    """"the latest fiscal year", "the current fiscal year" are the_year's, not a relative unit."""
    return not (f.groups.get("fiscal") and f.group("rel") in word_set("current_rel"))


@check
def not_a_quoted_title(f: Found) -> bool:
    """Not a title in quotes with every word capitalized (ABC's "This Week With David Brinkley")."""
    span = f.text[f.start:f.end]
    return not (all(w[0].isupper() for w in span.split()) and re.search(r"(?:[\"“]|``)$", f.text[max(0, f.start - 2):f.start]))


@check
def bare_plural_needs_cue(f: Found) -> bool:
    """"for centuries", "within weeks"; not "the heady days", "years of war"."""
    return f.word_before in word_set("bare_plural_cue")


@check
def not_an_age(f: Found) -> bool:
    """Not the age of someone or something: "the 6-year-old", "45-year-olds", "6 years old", "a
    136-year-old firm". The age of a state of affairs stays a duration: "the 8-month-old truce"
    (the nouns of period_noun)."""
    groups, after = f.groups, f.after
    if not groups.get("old") and not re.match(r"(?:-|\s+)olds?\b", after):
        return True
    noun = re.match(r"(?:-?olds?)?\s+([a-z-]+)", after if not groups.get("old") else " " + after.lstrip())
    return bool(groups.get("old") and noun and noun.group(1) in word_set("period_noun"))


@check
def quarters_not_a_share(f: Found) -> bool:
    """"three quarters of voters" is a share, not nine months ("three quarters of a year" is)."""
    return f.unit(1) != "Q" or not _share_of_something(f.text, f.end)


@check
def not_the_fraction_of_a_mixed_number(f: Found) -> bool:
    """"a quarter", "three quarters" in words after a number and a joint are the fraction of a mixed
    number ("two and a quarter million", "3-and-a-quarter"), read by the figures, not a duration of
    their own ("6.61 and 6.62 seconds" stays one)."""
    if f.unit(1) != "Q" or f.group("num")[:1].isdigit():
        return True
    return not _mixed_number_before().search(f.text[max(0, f.start - 30):f.start])


@cache
def _mixed_number_before() -> re.Pattern:
    number = r"(?:\d+|" + word_alternation(number_word_list("cardinal")) + ")"
    return re.compile(r"(?<!\w)" + number + r"[\s-]+" + word_alternation(word_list("mixed_joint")) + r"[\s-]+$")


@check
def a_second_in_digits(f: Found) -> bool:
    """One second only in digits ("1 second"): "a second", "one second" are an ordinal or a moment
    ("a second term"); "two seconds" stays a duration."""
    return not (f.unit(1) == "TS" and f.group("unit") == f.unit(0)) or f.group("num")[:1].isdigit()


@check
def duration_not_money(f: Found) -> bool:
    """Not an amount of money ("$5 years" is a typo's, "£3 million" no duration)."""
    return not (f.group("num")[:1].isdigit() and re.search(r"[$£€¥]\s*$", f.text[max(0, f.start - 2):f.start]))


@check
def the_next_is_a_duration(f: Found) -> bool:
    """"the next year" reads as a duration or the following year: left to the duration rule
    (anaphor_as_duration, anaphor_duration_unit); "the next day" stays the day after."""
    return not (f.group("ana") in word_set("anaphor_as_duration") and f.group("unit") in word_set("anaphor_duration_unit"))


@check
def counted_before_an_event(f: Found) -> bool:
    """"two years after the war": only a small number of units counts from an event; "many years
    after" does not."""
    if f.group("dir") not in word_set("event_direction"):
        return True
    return f.group("num") in word_set("small_number") or (f.groups.get("num") or "x")[0].isdigit()


@check
def days_from_the_story_are_a_duration(f: Found) -> bool:
    """Recasts "Three days later, ...", "A day earlier, ..." opening a sentence as a length of days:
    it counts from a moment of the story told before, not a date (as TIMEX3 annotates it). Within a
    sentence ("released on 9 May, and in Europe two days later") it counts from the date just
    named: a date; so is "a year earlier" in a report."""
    if f.group("dir") in word_set("time_direction") and f.unit(2) == "day" and _opens_sentence(f.text, f.start):
        f.recast_as_duration()
    return True


@check
def relative_to_an_event_is_a_duration(f: Found) -> bool:
    """Recasts "two years after the war", "a minute and a half later" (relative to an event, or to
    a time no date names) as a duration ending before the direction word."""
    direction = f.group("dir")
    if direction in word_set("event_direction") or (direction in word_set("time_direction") and f.unit(2) == "time"):
        f.recast_as_duration()
    return True


# ---------------------------------------------------------------- parts of day and named days


@check
def a_part_of_the_day(f: Found) -> bool:
    """"the morning" is a time of a day after a phrase of daypart_lead ("in", "early in", "during"),
    not before "of" ("the morning of May 3": that day says which) nor a word that makes it a kind
    of thing (daypart_thing: "the morning shift")."""
    return _after_phrase(f.text, f.start, "daypart_lead") and f.next_word not in word_set("of_word") | word_set("daypart_thing")


@check
def plural_weekday_not_in_a_name(f: Found) -> bool:
    """Not the end of a name ("the Happy Mondays"), as a year is not ("Orion 1980")."""
    return not _year_in_name(f.text, f.start)


@check
def daypart_not_a_thing(f: Found) -> bool:
    """Not a part of the day that names a thing ("the midday meal", "the late-morning train")."""
    return f.next_word not in word_set("daypart_thing")


@check
def holiday_is_a_date(f: Found) -> bool:
    """A holiday name dates something: a lunar holiday only with a year ("Ramadan 2023"); not
    before a word that makes it a thing ("the Christmas tree", "Easter Island"); a US holiday not
    after another country's name or a possessive ("Ukraine's Independence Day")."""
    groups, text, start = f.groups, f.text, f.start
    holiday = holiday_of(groups["holiday"])
    if holiday.needs_year and not groups.get("year"):
        return False
    following = re.match(r"\s+([A-Za-z]+)", f.after)
    if not groups.get("year") and following and following.group(1) in word_set("holiday_thing"):
        return False
    if holiday.scope == "US" and not groups.get("rel"):
        m = re.search(r"([A-Z][\w.]*?)(['’]s)?\s+$", text[max(0, start - 30):start])
        if m and m.group(1) not in word_set("us_word") and (m.group(2) or not _opens_sentence(text, start - len(m.group(0)))):
            return False
    return True


@check
def weekday_not_a_heading_word(f: Found) -> bool:
    """A weekday in capitals ("FRIDAY") is a heading's word."""
    word = f.groups.get("weekday", "")
    return not (word.isupper() and len(word) > 3)


@check
def mark_weekday_ahead_or_since(f: Found) -> bool:
    """Marks a bare weekday by the words before it: "ahead" after an ahead cue ("set for Sunday",
    not "for Sunday's match") or an awaited cue ("ahead of Friday's vote"), "deadline" after a
    deadline cue ("expected by Friday": ahead unless the clause is past), "since" after a since
    cue ("since Monday", "as of Friday": on or before the report); "possessive" for "Thursday's
    close" (a day whose result is reported)."""
    g = f.groups
    possessive = re.match(r"['’]s\b", f.after)
    if not g.get("rel"):
        before = f.word_before
        if before in word_set("ahead_cue") and not possessive:
            g["ahead"] = "1"
        if before in word_set("deadline_cue"):
            g["deadline"] = "1"
        if _after_phrase(f.text, f.start, "awaited_cue"):
            g["ahead"] = "1"
        if before in word_set("since_cue"):
            g["since"] = "1"
    if not g.get("daypart") and possessive:
        g["possessive"] = "1"
    return True


# ---------------------------------------------------------------------------- helpers


@cache
def _quarter_code_follower() -> re.Pattern:
    return re.compile(r"\s*(?:" + alternation(word_list("quarter_code_follower")) + r"|,|\.|\))")


@cache
def _counted_after_year() -> re.Pattern:
    return re.compile(r"\s*" + alternation(word_list("counted_after_year")) + r"\b")


def _inside_code(text: str, start: int, end: int) -> bool:
    """Whether the span at `start`-`end` runs into other digits by a hyphen, slash, dot or colon
    ("REF-2022-23-0041", "0161-2022-2345", "(020) 2022-2023"), or is a share ("2022-23%"): part of an id or a
    number, no date."""
    before = text[max(0, start - 2):start]
    return bool(re.search(r"[\d.,:/#-]$|[\d)]\s$", before) or re.match(r"[-/.:,]?\d|%|\s*(?:percent|per cent)", text[end:end + 12]))


def _ends_on_a_date(text: str, end: int) -> bool:
    """Whether a period word is followed by "ended" / "ending" (period_end) and a date: a month,
    a number or a day cue ("the year ended March 31", "the year ending tomorrow"; not "the year
    ended with a rally")."""
    m = re.match(r"\s+([a-z]+)\s+([A-Z][a-z]*\.?|[a-z]+|\d)", text[end:end + 40])
    if m is None or m.group(1) not in word_set("period_end"):
        return False
    word = m.group(2)
    t = tables()
    return word[0].isdigit() or word in t["months"] or word.title() in t["months"] or t["cues"].get(word.lower(), ("",))[0] == "deictic"


def _of_a_shorter_period(text: str, end: int) -> bool:
    """Whether "of" and a month or a decade follow ("the first half of March", "the last half of
    the '80s", "the second quarter of the 1990s"): a part of that, not a quarter of a year."""
    m = re.match(r"\s+of\s+(?:the\s+)?(['’]?\d{1,3}0['’]?s\b|[A-Z][a-z]+\.?)", text[end:end + 30])
    if m is None:
        return False
    word = m.group(1)
    return word[0] in "'’" or word[0].isdigit() or word in tables()["months"] or word.rstrip(".") in tables()["months"]


def _share_of_something(text: str, end: int) -> bool:
    """'of' and then not a period ("three quarters of the vote", not "of the year", "of an hour")."""
    m = re.match(r"\s+of\s+(?:(?:an?|the|this|that|its|last|next)\s+)?([A-Za-z]+|\d+)", text[end:end + 40])
    return m is not None and not m.group(1).isdigit() and m.group(1).lower() not in tables()["units"]


def _year_in_name(text: str, start: int) -> bool:
    """Whether the year (or plural weekday) at `start` ends a name: right after a capitalized word
    that is not a date word nor a cue, and does not open the sentence ("Orion 1980", "Vision
    2030", "the Happy Mondays"; not "In 1980" nor "Since 1980", "On Sundays")."""
    m = re.search(r"(?:^|(?<=[^\w]))([A-Z][a-z]+)[ \t]+$", text[max(0, start - 40):start])
    if m is None:
        return False
    word = m.group(1)
    t = tables()
    if word.lower() in word_set("month_cue") | word_set("early_year_cue") | word_set("name_year_exempt"):
        return False
    if word in t["months"] or word in t["weekdays"] or word.lower() in t["seasons"] or word.lower() in holiday_words():
        return False
    return not _opens_sentence(text, max(0, start - 40) + m.start(1))


@cache
def _phrase_before_pattern(list_name: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + word_alternation(word_list(list_name)) + r"\s+(?:the\s+)?$")


def _after_phrase(text: str, start: int, list_name: str) -> bool:
    """Whether a phrase of the word list `list_name` ends just before `start` (a "the" between)."""
    return bool(_phrase_before_pattern(list_name).search(text[max(0, start - 40):start]))


@cache
def _modal_before_pattern() -> re.Pattern:
    """A modal of modal_word ending the text: a word ("will") or a clitic on one ("they'll")."""
    words = word_list("modal_word")
    clitics = [w for w in words if not w[0].isalpha()]
    whole = [w for w in words if w[0].isalpha()]
    return re.compile(r"(?:(?<![\w'’])" + alternation(whole) + r"|(?<=\w)" + alternation(clitics) + r")\s+$")


def _after_modal(text: str, start: int) -> bool:
    return bool(_modal_before_pattern().search(text[max(0, start - 12):start].lower()))


@cache
def _amount_before_pattern() -> re.Pattern:
    """An amount ending the text: a number in digits (not a bare year) or words, its scale words,
    then at most two words ("$33 million ", "5% ", "fifty thousand CDs ")."""
    scales = [w for w, _ in read_tsv("scales.tsv", 2) if w.isalpha() and len(w) > 2]
    number = r"(?:[$£€¥]\d[\d,.]*|(?!(?:1[5-9]|20)\d\d\b)\d[\d,.]*%?|" + word_alternation(number_word_list("cardinal")) + r")"
    return re.compile(r"(?<![\w.,])" + number + r"(?:[\s-]+" + word_alternation(scales) + r")*(?:\s+[A-Za-z]+){0,2}\s+$")


def _after_an_amount(text: str, start: int) -> bool:
    return bool(_amount_before_pattern().search(text[max(0, start - 50):start]))


def _after_pre_or_post(text: str, start: int) -> bool:
    """Whether a year follows "pre-" or "post-" ("post-1945", "pre-2008 levels"): still the year."""
    return bool(re.search(r"(?<![\w-])(?:pre|post|Pre|Post)-$", text[max(0, start - 6):start]))


def _opens_sentence(text: str, i: int) -> bool:
    """Whether position `i` opens a sentence (the text's start, or after . ! ? a quote or a line break)."""
    before = text[:i].rstrip(" \t")
    return not before or before[-1] in ".!?\"“‘'(\n:;"
