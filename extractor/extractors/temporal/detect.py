"""Step 1 of temporal tagging: candidate expressions in a text, before any reference date.

The rules are data (data/temporal_rules.tsv, one regular expression per line with an example);
their placeholders ({MONTH}, {YEAR}, ...) are built here from the tables. What a regular
expression cannot say (the word before a bare month, what follows a year) is checked in
`_accept`, with the word lists of data/temporal_words.tsv.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Iterable

from extractor.extractors.temporal.tables import holiday_words, holidays, rules, tables, word_list, word_set
from extractor.language.lexicon import alternation, anchor_regions, as_regex, number_value, number_word_list, previous_word, read_tsv, tens_words, word_alternation

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
        "DAY": r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)",
        "NUM": rf"(?P<num>\d+(?:\.\d+)?(?:\s+1/2|½)?|{word_number})",
        "VAGUE": r"(?P<vague>" + word_alternation(list(word_list("vague"))) + r")",
        "ORD": r"(?P<ord>" + word_alternation(list(word_list("part_ordinal"))) + r")",
        "ORDINAL": r"(?P<nth>" + word_alternation(number_word_list("ordinal", 1, 31)) + r"|(?:3[01]|[12]\d|[1-9])(?:st|nd|rd|th))",
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


@cache
def _quarter_code_follower() -> re.Pattern:
    return re.compile(r"\s*(?:" + alternation(word_list("quarter_code_follower")) + r"|,|\.|\))")


@cache
def _counted_after_year() -> re.Pattern:
    return re.compile(r"\s*" + alternation(word_list("counted_after_year")) + r"\b")


WORDS = re.compile(r"\{w:([^}]*)\}")


def compile_rule(pattern: str) -> re.Pattern:
    """A rule's pattern with its placeholders filled, matching whole words only."""
    body = WORDS.sub(lambda m: word_alternation(m.group(1).split("|")), pattern)
    for name, alternation in _placeholders().items():
        body = body.replace("{" + name + "}", alternation)
    return re.compile(r"(?<![\w$£€¥])" + body + r"(?![\w])")


@cache
def _rules() -> list[tuple[str, re.Pattern, int, str]]:
    """(rule name, compiled regex, priority, anchor family), in the order of the data file."""
    return [(r.name, compile_rule(r.pattern), r.priority, r.anchors) for r in rules()]


def scan(text: str) -> list[Candidate]:
    """Return the non-overlapping candidate expressions in `text`, left to right: at each
    overlap the longest span wins, then the rule with the lower priority number."""
    found: list[Candidate] = []
    regions = {kind: anchor_regions(text, words, *ANCHOR_REACH[kind]) for kind, words in _anchor_words().items()}
    for name, pattern, priority, anchors in _rules():
        for start, end in regions[anchors]:
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
    rule (months, weekdays, seasons, units, parts of day, the last word of each cue phrase, the
    anchor words of temporal_words.tsv); "unit" for the rules that always hold a unit word ("two
    years", "a month ago"); "cue" for the cue phrases. A rule looks only around its family's words."""
    t = tables()
    cues = {phrase.split()[-1] for phrase in t["cues"]}  # the head: "this morning", "from now"
    words = {*t["months"], *t["weekdays"], *t["seasons"], *t["units"], *t["dayparts"], *word_list("anchor"),
             *word_list("decade_word"), *cues, *holiday_words()}
    lower = lambda ws: frozenset(w.rstrip(".").lower() for w in ws)  # noqa: E731
    return {"any": lower(words), "unit": lower(t["units"]), "cue": lower(cues)}


def _next_word(after: str) -> str:
    """The word that follows (spaces and a hyphen between), lower case, or ""."""
    m = re.match(r"[\s-]*([A-Za-z]+)", after)
    return m.group(1).lower() if m else ""


def _next_text(text: str, end: int, n: int = 12) -> str:
    return text[end:end + n]


def _accept(rule: str, m: re.Match, text: str, priority: int) -> Candidate | None:
    """Context checks a regex cannot express; returns the candidate or None."""
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    if g.get("spoken_year") and not g.get("year"):
        year = spoken_year_value(g["spoken_year"])
        if year is None:
            return None
        g["year"] = str(year)  # "January nineteen ninety-seven": as if written in digits
    start, end = m.start(), m.end()
    after = _next_text(text, end)
    t = tables()
    month_cues = word_set("month_cue")
    if rule in ("mdy", "dmy", "month", "month_year", "set_every") and "month" in g:
        month_word = g["month"]
        needs_context = t["months"].get(month_word, t["months"].get(month_word.title(), (0, False)))[1]
        if rule == "month" and needs_context and not g.get("rel"):
            if previous_word(text, start) not in month_cues:
                return None
        if rule == "month" and month_word.isupper() and len(month_word) > 3 and not g.get("rel"):
            if previous_word(text, start) not in month_cues:
                return None  # an all-capitals heading word, not a date
    if rule in ("mdy", "dmy") and re.match(r"\s*(%|percent|per cent|[.,]\d)", after):
        return None
    if rule in ("mdy", "dmy", "month") and not g.get("year"):
        before = previous_word(text, start)
        if before in word_set("planned_date_cue"):
            g["planned"] = "1"  # "effective Feb. 1": set ahead
        elif before in word_set("deadline_cue"):
            g["deadline"] = "1"  # "by February": ahead unless the clause is past
    if rule == "year":
        before = text[max(0, start - 2):start]
        if (re.search(r"[\d.,:/#-]$", before) and not _after_pre_or_post(text, start)) \
                or re.match(r"(%|\s*(percent|per cent)|[.,:]\d|-\d|\d)", after):
            return None
        year = int(g["year"])
        if year < 1900 and previous_word(text, start) not in month_cues | word_set("early_year_cue"):
            return None
        if re.match(r"\s*[A-Za-z]", after) and _counted_after_year().match(after):
            return None
        if _year_in_name(text, start):
            return None
        said = re.search(r"(?<![\w-])(?:the|The|THE)\s+(?:year|Year|YEAR)\s+$", text[max(0, start - 12):start])
        if said:
            start -= len(said.group())  # "the year 2000": one expression
    if rule == "year_range":
        last = last_year_of_range(int(g["year"]), g["last"])
        if last is None or _inside_code(text, start, end):
            return None
        g["last_year"] = str(last)
    if rule == "season" and not (g.get("rel") or g.get("year")):
        if previous_word(text, start) not in word_set("season_cue"):
            return None
    if rule == "season" and g.get("rel", "").lower() == "the" and not g.get("year"):
        if previous_word(text, start) not in word_set("the_season_cue"):
            return None
    if rule == "rel_quarter" and g["rel"].lower() in ("the", "the corresponding") and not g.get("ago"):
        return None  # "the period of mourning": a quarter only as "the period a year ago"
    if rule == "year_end":
        before = previous_word(text, start)
        if before not in word_set("month_cue") | word_set("year_end_cue"):
            return None  # "when year-end net was lower": a word of the figure, not a date
        if before in word_set("since_cue"):
            g["since"] = "1"
    if rule == "q_code" and not g.get("year") and not _quarter_code_follower().match(after):
        return None
    if rule == "quarter" and g.get("ord", "").lower() in ("last", "final") and not g.get("year") and not g.get("the"):
        return None
    if rule == "quarter" and not g.get("year") and not g.get("relyear") and _of_a_shorter_period(text, end):
        return None  # "the second half of February", "the last half of the '80s": the month or decade says when
    if rule == "decade_short" and not g.get("the") and previous_word(text, start) not in month_cues:
        return None
    if rule == "cue":
        kind, _ = t["cues"].get(re.sub(r"\s+", " ", g["cue"].lower()), (None, None))
        if kind == "set_after_rate" and (after.startswith("-") or previous_word(text, start) not in word_set("rate_word")
                                         and not (_after_an_amount(text, start) and _next_word(after) not in word_set("relative_direction"))):
            return None  # "once a year", "$33 million a year"; not "for a year", "a year earlier", "3.8% on a year-on-year basis"
        if kind == "vague_after_modal" and not _after_modal(text, start):
            return None  # "one day" is a day long but after "will"
        if g["cue"].lower() == "now" and re.match(r"\s+that\b", after):
            return None
    if rule == "the_year" and _ends_on_a_date(text, end):
        g["ended"] = "1"  # "the fiscal year ended March 31": a year-long period, not the year of the report
    if rule == "nth_day" and not _after_phrase(text, start, "nth_day_lead"):
        return None  # "the first day of school is Monday": that day is said elsewhere
    if rule == "rel_unit" and g.get("fiscal") and g["rel"].lower() in ("latest", "current"):
        return None  # "the latest fiscal year", "the current fiscal year": the_year's
    if rule == "rel_unit" and _quoted_title(m.group(), text, start):
        return None  # ABC's "This Week": a programme
    if rule == "bare_plural" and previous_word(text, start) not in word_set("bare_plural_cue"):
        return None  # "for centuries", "within weeks"; not "the heady days", "years of war"
    if rule == "duration" and _is_age(g, after):
        return None
    if rule == "duration":
        num = g["num"].lower()
        if g["unit"].lower() in ("quarter", "quarters") and _share_of_something(text, end):
            return None  # "three quarters of voters": a share, not nine months
        if num in ("a", "an", "one") and g["unit"].lower() in ("second",):
            return None
        if g["unit"].lower() == "second" and not num[0].isdigit() and num not in ("a", "an"):
            return None
        if num[0].isdigit() and re.search(r"[$£€¥]\s*$", text[max(0, start - 2):start]):
            return None
    if rule in ("clock_words", "clock_daypart", "daypart_mod") and _next_word(after) in word_set("daypart_thing"):
        return None  # "the midday meal", "the late-morning train", "the morning shift"
    if rule == "season" and _season_is_a_thing(g, after):
        return None
    if rule == "weekday_set" and _year_in_name(text, start):
        return None  # "the Happy Mondays": a name, as "Orion 1980"
    if rule == "cue" and _soon_timed_by_an_event(g, text, start, end):
        return None
    if rule == "the_daypart" and not _a_part_of_the_day(text, start, after):
        return None
    if rule == "holiday" and not _holiday_is_a_date(g, text, start, after):
        return None
    if rule == "weekday" and g.get("weekday", "").isupper() and len(g["weekday"]) > 3:
        return None
    if rule == "weekday" and not g.get("rel") and previous_word(text, start) in word_set("ahead_cue") \
            and not re.match(r"['’]s\b", after):
        g["ahead"] = "1"  # "set for Sunday", not "for Sunday's match"
    if rule == "weekday" and not g.get("rel") and previous_word(text, start) in word_set("deadline_cue"):
        g["deadline"] = "1"  # "a decision is expected by Friday": ahead unless the clause is past
    if rule == "weekday" and not g.get("rel") and _after_awaited_cue(text, start):
        g["ahead"] = "1"  # "ahead of Friday's vote", "investors await Monday's data"
    if rule == "weekday" and not g.get("rel") and previous_word(text, start) in word_set("since_cue"):
        g["since"] = "1"  # "since Monday", "as of Friday": on or before the report
    if rule == "weekday" and not g.get("daypart") and re.match(r"['’]s\b", after):
        g["possessive"] = "1"  # "Thursday's close": a day whose result is reported
    if rule == "anaphor" and g["ana"].lower() == "the next" and g["unit"].lower() in ("year", "month", "week", "quarter"):
        return None  # "the next year" reads as a duration or the following year: left to "duration"
    if rule == "ago" and g.get("dir", "").lower() in ("before", "after") and g.get("num", "").lower() not in word_set("small_number") and not (g.get("num") or "x")[0].isdigit():
        return None
    if rule == "ago" and _days_from_the_story(g, text, start):
        return Candidate(start, len(text[:m.start("dir")].rstrip()), "duration", _duration_groups(g), 4)
    if rule == "ago" and (g.get("dir", "").lower() in ("before", "after")
                          or (g.get("dir", "").lower() in ("later", "earlier") and t["units"][g["unit"].lower()][2] == "time")):
        # "two years after the war", "a minute and a half later": relative to an event or to a
        # time no date names; kept as a duration
        return Candidate(start, len(text[:m.start("dir")].rstrip()), "duration", _duration_groups(g), 4)
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


MAX_RANGE_YEARS = 10  # "2021-25": a range of years states at most this many after the first


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


def _duration_groups(g: dict) -> dict:
    return {k: v for k, v in g.items() if k in ("qual", "num", "unit", "vague", "andhalf")}



def _is_age(groups: dict, after: str) -> bool:
    """Whether a duration is the age of someone or something: "the 6-year-old", "45-year-olds",
    "6 years old", "a 136-year-old firm" (no temporal expression). The age of a state of affairs
    stays a duration: "the 8-month-old truce" (the nouns of period_noun in temporal_words.tsv)."""
    if not groups.get("old") and not re.match(r"(?:-|\s+)olds?\b", after):
        return False
    noun = re.match(r"(?:-?olds?)?\s+([a-z-]+)", after if not groups.get("old") else " " + after.lstrip())
    return not (groups.get("old") and noun and noun.group(1) in word_set("period_noun"))


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


def holiday_of(name: str):
    """The Holiday of holidays.tsv a matched name is (any case, either apostrophe, any spaces)."""
    return holidays()[re.sub(r"\s+", " ", name.replace("’", "'")).lower()]


def _holiday_is_a_date(groups: dict, text: str, start: int, after: str) -> bool:
    """Whether a holiday name dates something: a lunar holiday only with a year ("Ramadan
    2023"); not before a word that makes it a thing ("the Christmas tree", "Easter Island"); a
    US holiday not after another country's name or a possessive ("Ukraine's Independence Day")."""
    holiday = holiday_of(groups["holiday"])
    if holiday.needs_year and not groups.get("year"):
        return False
    following = re.match(r"\s+([A-Za-z]+)", after)
    if not groups.get("year") and following and following.group(1) in word_set("holiday_thing"):
        return False
    if holiday.scope == "US" and not groups.get("rel"):
        m = re.search(r"([A-Z][\w.]*?)(['’]s)?\s+$", text[max(0, start - 30):start])
        if m and m.group(1) not in word_set("us_word") and (m.group(2) or not _opens_sentence(text, start - len(m.group(0)))):
            return False
    return True


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


def _season_is_a_thing(groups: dict, after: str) -> bool:
    """Whether a season without a year qualifies the noun after it ("the winter break", "the
    summer holidays", "the spring collection": a word of season_thing), no date."""
    return not groups.get("year") and _next_word(after) in word_set("season_thing")


def _days_from_the_story(groups: dict, text: str, start: int) -> bool:
    """Whether "Three days later, ...", "A day earlier, ..." opening a sentence counts days from
    a moment of the story told before rather than naming a date: a length of days (no date of its
    own, as TIMEX3 annotates it). Within a sentence ("released on 9 May, and in Europe two days
    later") it counts from the date just named: a date; so is "a year earlier" in a report."""
    unit = groups.get("unit", "").lower()
    return (groups.get("dir", "").lower() in ("later", "earlier") and tables()["units"][unit][2] == "day"
            and _opens_sentence(text, start))


def _soon_timed_by_an_event(groups: dict, text: str, start: int, end: int) -> bool:
    """Whether "soon" is timed by an event its sentence names, not by the report: "as soon as
    the market opens", "soon after he left" (a joint of soon_joint, then a word), but not "as soon as
    possible" (soon_unbound) nor "he left soon after." (the story's time)."""
    if groups["cue"].lower() != "soon":
        return False
    m = re.match(r"\s+([A-Za-z]+)\s+([A-Za-z]+)", text[end:end + 40])
    if m is None or m.group(1).lower() not in word_set("soon_joint"):
        return False
    if m.group(1).lower() == "as":
        return previous_word(text, start) == "as" and m.group(2).lower() not in word_set("soon_unbound")
    return True


def _a_part_of_the_day(text: str, start: int, after: str) -> bool:
    """Whether "the morning" at `start` is a time of a day: after a phrase of daypart_lead ("in",
    "early in", "during"), not before "of" ("the morning of May 3": that day says which) nor a word
    that makes it a kind of thing ("the morning shift", "the afternoon session" stays a time)."""
    return _after_phrase(text, start, "daypart_lead") and _next_word(after) not in {"of"} | word_set("daypart_thing")


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


def _after_awaited_cue(text: str, start: int) -> bool:
    """Whether a phrase of awaited_cue ("ahead of", "awaiting") ends just before `start`."""
    return _after_phrase(text, start, "awaited_cue")


def _after_pre_or_post(text: str, start: int) -> bool:
    """Whether a year follows "pre-" or "post-" ("post-1945", "pre-2008 levels"): still the year."""
    return bool(re.search(r"(?<![\w-])(?:pre|post|Pre|Post)-$", text[max(0, start - 6):start]))


def _quoted_title(span: str, text: str, start: int) -> bool:
    """Whether `span` is written as a title (every word capitalized) right after an opening quote
    mark: the name of a programme or a column ("This Week With David Brinkley")."""
    return all(w[0].isupper() for w in span.split()) and bool(re.search(r"(?:[\"“]|``)$", text[max(0, start - 2):start]))


def _opens_sentence(text: str, i: int) -> bool:
    """Whether position `i` opens a sentence (the text's start, or after . ! ? a quote or a line break)."""
    before = text[:i].rstrip(" \t")
    return not before or before[-1] in ".!?\"“‘'(\n:;"
