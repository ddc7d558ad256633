"""Families of temporal expressions past HeidelTime (issue 22), each with variants and negatives,
on sentences written for these tests. Reference dates: Wednesday 2024-05-15 unless a case says."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from extractor.extractors.temporal import find_timexes

WED = date(2024, 5, 15)  # a Wednesday
SUN = date(2024, 5, 19)  # a Sunday


def _values(text: str, reference: date | None = WED) -> list[tuple[str, str]]:
    """(text, value) of every timex of `text`, without a parse (no tense)."""
    return [(t.text, t.value) for t in find_timexes(text, reference)]


def _parsed_values(nlp, text: str, reference: date | None = WED) -> list[tuple[str, str]]:
    """(text, value) of every timex of `text`, the clause's tense read from the parse as the
    `timex` component reads it."""
    from extractor.extractors.temporal.clause import clause_tense

    doc = nlp(text)
    return [(t.text, t.value) for t in find_timexes(text, reference, partial(clause_tense, doc))]


def _durations(text: str) -> list[str]:
    return [t.text for t in find_timexes(text, WED) if t.timex_type == "DURATION"]


# ---------------------------------------------------------------- false positives


@pytest.mark.parametrize("text", [
    "The 6-year-old was found safe.",
    "A 45-year-old man was arrested.",
    "Two 17-year-olds were charged.",
    "The boy, 6 years old, was found safe.",
    "Mr. Brandt, 61 years old, retires in June.",
    "The firm is a 136-year-old maker of pianos.",
    "The bridge is a two-hundred-year-old landmark.",
])
def test_an_age_is_no_duration(text):
    assert _durations(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The 8-month-old truce held.", "8-month-old"),       # the age of a state of affairs is a period
    ("The two-year-old ceasefire broke down.", "two-year-old"),
    ("The strike lasted six years.", "six years"),
    ("He was jailed for 6 years in 1990.", "6 years"),
])
def test_a_period_stays_a_duration(text, expected):
    assert _durations(text) == [expected]


@pytest.mark.parametrize("text", [
    "The venture was called Orion 1980 by its founders.",
    "The Vision 2030 programme was launched.",
    "Sales of the Corolla 2000 model fell.",
    "They joined the March on Washington.",
    "They will march on the capital.",
    "Jan Kowalski said the plan was sound.",
])
def test_a_year_or_month_inside_a_name_or_a_verb_is_no_date(text):
    assert [v for _, v in _values(text)] == []


@pytest.mark.parametrize("text, expected", [
    ("He won the prize in 1998.", ("1998", "1998")),
    ("In 1998 the plant closed.", ("1998", "1998")),
    ("Since 2001 sales have doubled.", ("2001", "2001")),
    ("The plan dates from Fiscal 2020.", ("Fiscal 2020", "2020")),
    ("Sales peaked in Spring 2021.", ("Spring 2021", "2021-SP")),
    ("The Census of 2020 counted more people.", ("2020", "2020")),
])
def test_a_year_after_a_date_word_or_opening_a_sentence_stays_a_year(text, expected):
    assert expected in _values(text)


# ---------------------------------------------------------------- named days and holidays


@pytest.mark.parametrize("text, reference, expected", [
    # fixed days, with and without a year
    ("Markets were shut on Christmas Day 2019.", WED, ("Christmas Day 2019", "2019-12-25")),
    ("The parade was held on New Year's Day.", WED, ("New Year's Day", "2024-01-01")),
    ("The parade was held on New Year’s Day.", WED, ("New Year’s Day", "2024-01-01")),
    ("Shops close on Christmas Eve, 2025.", WED, ("Christmas Eve, 2025", "2025-12-24")),
    # the nth weekday of a month
    ("Sales fell last Thanksgiving.", WED, ("last Thanksgiving", "2023-11-23")),
    ("The turkey farm expects orders by next Thanksgiving.", WED, ("next Thanksgiving", "2024-11-28")),
    ("Voters went to the polls on Election Day 2020.", WED, ("Election Day 2020", "2020-11-03")),
    ("The veterans marched on Memorial Day 2023.", WED, ("Memorial Day 2023", "2023-05-29")),
    # Easter and the days counted from it
    ("The pope spoke on Easter Sunday 2025.", WED, ("Easter Sunday 2025", "2025-04-20")),
    ("The shop closed on Good Friday 2024.", WED, ("Good Friday 2024", "2024-03-29")),
    ("The fair opened on Easter Monday, 2019.", WED, ("Easter Monday, 2019", "2019-04-22")),
    # a holiday that moves with another calendar: only with a year
    ("Prices rose during Ramadan 2023.", WED, ("Ramadan 2023", "2023-03-23")),
    ("Families met for Eid al-Fitr 2024.", WED, ("Eid al-Fitr 2024", "2024-04-10")),
    ("The fast of Ramadan 1990 was hot.", WED, ("Ramadan 1990", "1990")),
    # the US day
    ("The fireworks on Independence Day drew crowds.", SUN, ("Independence Day", "2024-07-04")),
    ("Bands played on the Fourth of July 2022.", WED, ("the Fourth of July 2022", "2022-07-04")),
])
def test_a_holiday_is_its_day(text, reference, expected):
    assert expected in _values(text, reference)


@pytest.mark.parametrize("text, reference, expected", [
    # no "last" / "next": the tense places the holiday, the reference date on either side of it
    ("Sales rose at Christmas.", WED, ("Christmas", "2023-12-25")),
    ("Sales will rise at Christmas.", WED, ("Christmas", "2024-12-25")),
    ("Sales rose at Christmas.", date(2024, 12, 28), ("Christmas", "2024-12-25")),
    ("Sales will rise at Christmas.", date(2024, 12, 28), ("Christmas", "2025-12-25")),
    ("The pope spoke at Easter.", WED, ("Easter", "2024-03-31")),
    ("The pope will speak at Easter.", WED, ("Easter", "2025-04-20")),
    ("Voters chose a president on Election Day.", date(2024, 12, 1), ("Election Day", "2024-11-05")),
])
def test_a_holiday_without_a_year_follows_the_tense(nlp, text, reference, expected):
    assert expected in _parsed_values(nlp, text, reference)


@pytest.mark.parametrize("text", [
    "Prices rose during Ramadan.",                 # no year: which Ramadan is not said
    "Families met for Eid al-Adha.",
    "The Christmas tree was lit.",
    "Children hunted for Easter eggs.",
    "The ship reached Easter Island.",
    "Ukraine's Independence Day fell on a Saturday.",  # not the US day
    "Crowds marked the Kenyan Independence Day.",
])
def test_holiday_negatives(text):
    assert [t for t in find_timexes(text, WED) if t.timex_type in ("DATE", "TIME") and "Saturday" not in t.text] == []


# ---------------------------------------------------------------- clock times


@pytest.mark.parametrize("text, expected", [
    ("The polls open at 9 PM.", ("9 PM", "2024-05-15T21:00")),
    ("The polls open at 9PM.", ("9PM", "2024-05-15T21:00")),
    ("The polls open at 9 pm.", ("9 pm", "2024-05-15T21:00")),
    ("The polls open at 9.30 P.M.", ("9.30 P.M.", "2024-05-15T21:30")),
    ("The polls open at 7 AM.", ("7 AM", "2024-05-15T07:00")),
    ("The strike began at 6 o'clock.", ("6 o'clock", "2024-05-15T06:00")),
    ("The blast struck at 5 in the morning.", ("5 in the morning", "2024-05-15T05:00")),
    ("The blast struck at five in the morning.", ("five in the morning", "2024-05-15T05:00")),
    ("The talks ended at seven in the evening.", ("seven in the evening", "2024-05-15T19:00")),
    ("The shots rang out at 10 at night.", ("10 at night", "2024-05-15T22:00")),
    ("The shots rang out at 2 at night.", ("2 at night", "2024-05-15T02:00")),
    ("The talks resume at midday.", ("midday", "2024-05-15T12:00")),
    ("The market rallied by mid-afternoon.", ("mid-afternoon", "2024-05-15TAF")),
    ("The market rallied in the late morning.", ("late morning", "2024-05-15TMO")),
])
def test_a_clock_time_is_a_time_of_the_reference_day(text, expected):
    assert expected in _values(text)


@pytest.mark.parametrize("text, expected", [
    ("The fire broke out at 11 PM Monday.", ("11 PM Monday", "2024-05-13T23:00")),
    ("The fire broke out at 5 in the morning on Monday.", ("5 in the morning on Monday", "2024-05-13T05:00")),
    ("Shares were up by mid-afternoon yesterday.", ("mid-afternoon yesterday", "2024-05-14TAF")),
    ("The ferry sank at midday Sunday.", ("midday Sunday", "2024-05-12T12:00")),
    ("The ferry sank at noon, Sunday.", ("noon, Sunday", "2024-05-12T12:00")),
])
def test_a_clock_time_beside_its_day_is_one_time(text, expected):
    assert expected in _values(text)


@pytest.mark.parametrize("text, expected", [
    # a 24-hour clock with its zone, as wire copy writes it; the zone is not converted
    ("The blast struck at 0830 GMT.", ("0830 GMT", "2024-05-15T08:30")),
    ("The summit opened at 10:00 am (0900 GMT).", ("0900 GMT", "2024-05-15T09:00")),
    ("Fighting resumed at 14:30 local time.", ("14:30 local time", "2024-05-15T14:30")),
    ("Polls closed at 2000 UTC on Sunday.", ("2000 UTC on Sunday", "2024-05-12T20:00")),
    ("Fighting resumed at 1430 local time Monday.", ("1430 local time Monday", "2024-05-13T14:30")),
])
def test_a_24_hour_clock_with_its_zone_is_a_time(text, expected):
    assert expected in _values(text)


@pytest.mark.parametrize("text", [
    "Rooms 9 PMR and 7 AMX were closed.",
    "He sold 2030 shares.",                 # a count
    "The 2400 series was recalled.",
    "The team of five in the morning shift quit.",
    "A late-morning train was cancelled.",
    "The midday meal was served.",
])
def test_clock_negatives(text):
    assert [t for t in find_timexes(text, WED) if t.timex_type == "TIME"] == []


# ---------------------------------------------------------------- weekday direction


@pytest.mark.parametrize("text, reference, expected", [
    # the clause's tense: past behind the reference date, planned ahead of it
    ("The talks collapsed Friday.", WED, ("Friday", "2024-05-10")),
    ("On Friday the talks collapsed.", WED, ("Friday", "2024-05-10")),
    ("The talks had collapsed by Friday.", WED, ("Friday", "2024-05-10")),
    ("The vote is set for Friday.", WED, ("Friday", "2024-05-17")),
    ("The minister will travel to Paris on Friday.", WED, ("Friday", "2024-05-17")),
    ("The minister is expected to travel to Paris on Friday.", WED, ("Friday", "2024-05-17")),
    # reported speech: "would" is the future of the moment reported
    ("The minister said he would resign on Friday.", WED, ("Friday", "2024-05-17")),
    ("Officials said the ferry would sail Friday.", WED, ("Friday", "2024-05-17")),
    ("The minister said Friday that he would resign.", WED, ("Friday", "2024-05-10")),
    ("Officials said the strike had ended Tuesday.", WED, ("Tuesday", "2024-05-14")),
    # the reference date on either side of the weekday
    ("The rally took place Saturday.", SUN, ("Saturday", "2024-05-18")),
    ("A rally is planned for Saturday.", SUN, ("Saturday", "2024-05-25")),
    ("The rally took place Sunday.", SUN, ("Sunday", "2024-05-19")),
    ("The rally will take place Sunday.", SUN, ("Sunday", "2024-05-26")),
    # since, a possessive: on or before the report
    ("Prices have risen since Monday.", WED, ("Monday", "2024-05-13")),
    ("The stock rose 2% over Thursday's close.", WED, ("Thursday", "2024-05-09")),
    ("The stock is up on Thursday's close.", WED, ("Thursday", "2024-05-09")),
])
def test_a_bare_weekday_lies_where_its_clause_puts_it(nlp, text, reference, expected):
    assert expected in _parsed_values(nlp, text, reference)


@pytest.mark.parametrize("text, reference, expected", [
    # awaited: ahead of the clause, whatever its tense, with or without "'s"
    ("Markets were calm ahead of Friday's vote.", WED, ("Friday", "2024-05-17")),
    ("Ahead of Friday's vote, markets were calm.", WED, ("Friday", "2024-05-17")),
    ("Investors await Friday's jobs report.", WED, ("Friday", "2024-05-17")),
    ("Investors are awaiting Monday's ruling.", WED, ("Monday", "2024-05-20")),
    ("Shares rose ahead of the Friday deadline.", WED, ("Friday", "2024-05-17")),
    ("Talks went on in the run-up to Sunday's election.", WED, ("Sunday", "2024-05-19")),
    # not awaited: a day the clause has passed
    ("Shares fell Friday ahead of the vote.", WED, ("Friday", "2024-05-10")),
    ("He spoke after Friday's vote.", WED, ("Friday", "2024-05-10")),
])
def test_an_awaited_weekday_lies_ahead(nlp, text, reference, expected):
    assert expected in _parsed_values(nlp, text, reference)


MONDAY = date(2024, 5, 13)


@pytest.mark.parametrize("text, reference, expected", [
    # a deadline outside a past clause lies ahead, however far in the week
    ("Officials expect a decision by Friday.", MONDAY, ("Friday", "2024-05-17")),
    ("A decision is expected by Friday.", MONDAY, ("Friday", "2024-05-17")),
    ("Talks continue until Friday.", MONDAY, ("Friday", "2024-05-17")),
    ("By Friday, officials will decide.", MONDAY, ("Friday", "2024-05-17")),
    # in a past clause it is behind
    ("The plant had closed by Friday.", MONDAY, ("Friday", "2024-05-10")),
    ("Talks went on until Friday.", MONDAY, ("Friday", "2024-05-10")),
])
def test_a_weekday_deadline_lies_ahead_unless_its_clause_is_past(nlp, text, reference, expected):
    assert expected in _parsed_values(nlp, text, reference)


@pytest.mark.parametrize("text, reference, expected", [
    ("The minister resigned last Friday.", WED, ("last Friday", "2024-05-10")),
    ("The minister resigns next Friday.", WED, ("next Friday", "2024-05-17")),
    ("The minister resigns this Friday.", WED, ("this Friday", "2024-05-17")),
    ("The minister resigned this Monday.", WED, ("this Monday", "2024-05-13")),
    ("The minister resigned this Friday.", SUN, ("this Friday", "2024-05-17")),
    # "the previous" / "the following": from the day the story has reached
    ("The court ruled on May 2. The appeal was lodged the previous Friday.", WED, ("the previous Friday", "2024-04-26")),
    ("The court ruled on May 2, 2024. The appeal came the following Monday.", WED, ("the following Monday", "2024-05-06")),
    ("The court ruled on Thursday, May 2. The appeal came the next Thursday.", WED, ("the next Thursday", "2024-05-09")),
])
def test_a_weekday_with_a_word_before_it(text, reference, expected):
    assert expected in _values(text, reference)


@pytest.mark.parametrize("text", [
    "He said that Friday was a good day.",   # "that" is no determiner here: no "that Friday"
])
def test_a_weekday_after_that_is_a_bare_weekday(text):
    assert [t for t, _ in _values(text)] == ["Friday"]


# ---------------------------------------------------------------- years said as words


@pytest.mark.parametrize("text, expected", [
    ("January nineteen ninety-seven. A bomb went off.", ("January nineteen ninety-seven", "1997-01")),
    ("The bomb went off in January nineteen ninety-seven.", ("January nineteen ninety-seven", "1997-01")),
    ("Prices were that low in March of nineteen eighty-one.", ("March of nineteen eighty-one", "1981-03")),
    ("The mine shut in June twenty ten.", ("June twenty ten", "2010-06")),
    ("We saw that level in the winter of nineteen ninety-four.", ("the winter of nineteen ninety-four", "1994-WI")),
    ("Oil was cheap in the spring of nineteen eighty-six.", ("the spring of nineteen eighty-six", "1986-SP")),
    ("The flood came in autumn nineteen fifty-three.", ("autumn nineteen fifty-three", "1953-FA")),
])
def test_a_year_said_as_words_after_a_month_or_season_is_its_year(text, expected):
    assert expected in _values(text, date(1998, 2, 27))


@pytest.mark.parametrize("text, expected", [
    ("In March nineteen people were hurt.", ["March"]),      # a count, no year
    ("In May twenty workers left.", ["May"]),
    ("By June thirty firms had closed.", ["June"]),
])
def test_a_number_after_a_month_is_no_spoken_year(text, expected):
    assert [t for t, _ in _values(text)] == expected


# ---------------------------------------------------------------- a year ending on a date


@pytest.mark.parametrize("text, expected", [
    ("Revenue for the year ended March 31 rose 5%.", "the year"),
    ("In the fiscal year ended Jan. 31, the company lost money.", "the fiscal year"),
    ("The firm expects a loss for the year ending tomorrow.", "the year"),
    ("Net income for the year ending June 30, 1990, will fall.", "the year"),
    ("The year ended 31 March was the best yet.", "The year"),
])
def test_the_year_ended_on_a_date_is_a_year_long_period(text, expected):
    found = [(t.text, t.timex_type, t.value) for t in find_timexes(text, WED)]
    assert (expected, "DURATION", "P1Y") in found


@pytest.mark.parametrize("text, expected", [
    ("The year ended with a rally.", ("The year", "DATE", "2024")),          # no date: the year of the report
    ("Output for the full year grew.", ("the full year", "DATE", "2024")),
    ("Sales for the year are seen ending lower.", ("the year", "DATE", "2024")),
])
def test_the_year_without_an_end_date_stays_the_year_of_the_report(text, expected):
    assert expected in [(t.text, t.timex_type, t.value) for t in find_timexes(text, WED)]


# ---------------------------------------------------------------- the quarter a report gives


@pytest.mark.parametrize("text, expected", [
    # a forecast quarter named after the reported one is not what "a year ago" compares with
    ("Profit fell in the third quarter. Analysts see losses through the third quarter of 2025. "
     "Sales were higher a year ago.", ("a year ago", "2023-Q3")),
    ("Analysts see losses through the first quarter of 2025. Profit fell in the third quarter "
     "from a year earlier.", ("a year earlier", "2023-Q3")),
    ("Profit fell in the third quarter, and the fourth quarter will be weak. "
     "In the year-ago period, it rose.", ("the year-ago period", "2023-Q3")),
    # the reported quarter, a year before, whatever the order of the mentions
    ("Third-quarter profit fell from $4m a year ago.", ("a year ago", "2023-Q3")),
])
def test_a_year_ago_compares_with_a_quarter_that_is_over(text, expected):
    assert expected in _values(text, date(2024, 10, 20))


# ---------------------------------------------------------------- a month without a year


OCT = date(2024, 10, 28)  # a Monday late in October
MAR = date(2024, 3, 4)


@pytest.mark.parametrize("text, reference, expected", [
    # a past clause: a month starting more than a month ahead is last year's
    ("In January, the firm hired a new chief.", OCT, ("January", "2024-01")),
    ("The firm hired a new chief in January.", OCT, ("January", "2024-01")),
    ("The firm changed its fiscal year in December.", OCT, ("December", "2023-12")),
    ("The firm hired a new chief in February.", OCT, ("February", "2024-02")),
    # ... but next month is what may have been said of it
    ("He said the rules would be published in November.", OCT, ("November", "2024-11")),
    ("Officials said the guidelines are due in November.", OCT, ("November", "2024-11")),
    # a future clause: no month already over
    ("She will command a mission in December.", MAR, ("December", "2024-12")),
    ("The report will be released in February.", MAR, ("February", "2025-02")),
    ("She will fly in March.", MAR, ("March", "2024-03")),
    ("In December, she will command a mission.", MAR, ("December", "2024-12")),
    # unmarked: what has happened
    ("Prices fell in December.", MAR, ("December", "2023-12")),
])
def test_a_month_without_a_year_follows_its_clause(nlp, text, reference, expected):
    assert expected in _parsed_values(nlp, text, reference)


@pytest.mark.parametrize("text, reference, expected", [
    # set ahead: whatever the clause
    ("The bank created a new office, effective Feb. 1.", OCT, ("Feb. 1", "2025-02-01")),
    ("The bank named him chairman, effective February 1.", OCT, ("February 1", "2025-02-01")),
    ("Effective 1 March, the fee doubles.", OCT, ("1 March", "2025-03-01")),
    # a deadline outside a past clause
    ("The plan is to repay the loan by February.", OCT, ("February", "2025-02")),
    ("The loan must be repaid by Feb. 15.", OCT, ("Feb. 15", "2025-02-15")),
    ("Talks can go on until March.", OCT, ("March", "2025-03")),
    # a deadline in a past clause is behind
    ("The firm had repaid the loan by February.", OCT, ("February", "2024-02")),
    ("The plant stayed shut until March.", OCT, ("March", "2024-03")),
])
def test_a_date_set_ahead_or_a_deadline_lies_ahead(nlp, text, reference, expected):
    assert expected in _parsed_values(nlp, text, reference)


@pytest.mark.parametrize("text, expected", [
    # one expression for the quarter of the year before, the ordinal written or the quarter in hand
    ("In the year-ago third quarter, the firm earned $2 million.", ("the year-ago third quarter", "2023-Q3")),
    ("The firm earned $2 million in the year-earlier second quarter.", ("the year-earlier second quarter", "2023-Q2")),
    ("Profit fell in the third quarter. For the quarter a year ago, it was $4 million.",
     ("the quarter a year ago", "2023-Q3")),
    ("Profit fell in the third quarter from $3 million in the corresponding period last year.",
     ("the corresponding period last year", "2023-Q3")),
    ("Third-quarter sales fell from the same period a year earlier.", ("the same period a year earlier", "2023-Q3")),
    # no quarter in hand: the year before
    ("Sales rose 5% from the same period last year.", ("the same period last year", "2023")),
    # a year and "period" or "quarter": the quarter the report gives, in that year, even after another day
    ("Profit rose in the third quarter. In the 2023 period, it fell.", ("the 2023 period", "2023-Q3")),
    ("Profit rose in the third quarter, which ended Sept. 30. In the 2023 quarter, it fell.", ("the 2023 quarter", "2023-Q3")),
    ("Third-quarter profit rose. Sales for last year's quarter were $3 million.", ("last year's quarter", "2023-Q3")),
    ("Sales in the 2023 period were flat.", ("the 2023 period", "2023")),   # no quarter in hand: the year
])
def test_the_quarter_of_the_year_before(text, expected):
    assert expected in _values(text, date(2024, 10, 20))


@pytest.mark.parametrize("text", [
    "The period of mourning ended.",
    "In the period, sales fell.",
    "The corresponding period is unknown.",
])
def test_a_period_without_a_year_before_is_no_quarter(text):
    assert _values(text, date(2024, 10, 20)) == []


# ---------------------------------------------------------------- names that look like dates


@pytest.mark.parametrize("text", [
    'The minister said on ABC\'s "This Week With Jon Karl" that talks would go on.',
    'Speaking on "This Week," the minister said talks would go on.',
    'He writes the “Last Week” column.',
])
def test_a_quoted_title_is_no_date(text):
    assert [t for t, _ in _values(text)] == []


@pytest.mark.parametrize("text, expected", [
    ('"This week we decide," he said.', ("This week", "2024-W20")),
    ('He said: "Last week was hard."', ("Last week", "2024-W19")),
    ("This Week, the minister said, talks go on.", ("This Week", "2024-W20")),   # opens a sentence, no quote
])
def test_a_week_in_a_quote_stays_a_date(text, expected):
    assert expected in _values(text)


# ---------------------------------------------------------------- a time of day on the story's day


MON = date(2024, 5, 20)  # a Monday report of the week before


@pytest.mark.parametrize("text, expected", [
    # the story has reached a recent day: a time with no day of its own is that day's
    ("Shares fell Friday. Buyers came in early in the morning and left by 3 p.m.", ("3 p.m.", "2024-05-17T15:00")),
    ("Shares fell Friday. By mid-afternoon the index had lost 2%.", ("mid-afternoon", "2024-05-17TAF")),
    ("On Thursday the talks stalled; at noon the envoys left.", ("noon", "2024-05-16T12:00")),
    ("London shares closed lower Friday, hit by overnight losses in New York.", ("overnight", "2024-05-16TNI")),
    ("Shares fell on May 17. By mid-afternoon the index had lost 2%.", ("mid-afternoon", "2024-05-17TAF")),
    # no recent day named: the reference day
    ("By 3 p.m. the index had lost 2%.", ("3 p.m.", "2024-05-20T15:00")),
    ("Fighting raged overnight.", ("overnight", "2024-05-19TNI")),
    ("Shares fell on May 2. By 3 p.m. today the index had lost 2%.", ("3 p.m. today", "2024-05-20T15:00")),
    ("The index rose on April 30. By mid-afternoon it had lost 2%.", ("mid-afternoon", "2024-05-20TAF")),
])
def test_a_time_of_day_falls_on_the_day_the_story_has_reached(text, expected):
    assert expected in _values(text, MON)


def test_the_previous_weekday_counts_from_the_story_day_after_a_time_of_that_day():
    text = "London shares fell Friday after overnight losses, down 4% from the previous Friday."
    assert ("the previous Friday", "2024-05-10") in _values(text, MON)


# ---------------------------------------------------------------- the end of the year


@pytest.mark.parametrize("text, reference, expected", [
    ("The firm expects to complete the sale by year-end.", OCT, ("year-end", "2024")),
    ("The sale should close around year end.", OCT, ("year end", "2024")),
    ("New rules should be in place by year's end.", OCT, ("year's end", "2024")),
    ("By year-end the plant will be shut.", OCT, ("year-end", "2024")),
    ("The index has risen 8% since year-end.", OCT, ("year-end", "2023")),     # the last year-end there was
    ("At year-end, the bank held $5 billion.", OCT, ("year-end", "2023")),
    ("At year-end, the bank will hold $5 billion.", OCT, ("year-end", "2024")),
    ("The sale closed before year-end.", date(2025, 1, 10), ("year-end", "2024")),
])
def test_year_end_is_the_year_whose_end_it_is(nlp, text, reference, expected):
    assert expected in _parsed_values(nlp, text, reference)


@pytest.mark.parametrize("text", [
    "In 1988, when year-end net was lower, the bank cut jobs.",
    "Staff will get a year-end bonus.",
    "The year-end rally faded.",
])
def test_year_end_before_a_noun_is_no_date(text):
    assert [t for t, _ in _values(text) if "year" in t and "end" in t] == []


# ---------------------------------------------------------------- anaphora to the story's date


@pytest.mark.parametrize("text, expected", [
    ("The firm was founded on May 3, 2010. That same day, it hired 20 staff.", ("That same day", "2010-05-03")),
    ("The firm was founded on May 3, 2010, and hired 20 staff that same day.", ("that same day", "2010-05-03")),
    ("The bank failed on June 3, 2008. The day before, shares fell 20%.", ("The day before", "2008-06-02")),
    ("The bank failed on June 3, 2008; shares had fallen 20% the day before.", ("the day before", "2008-06-02")),
    ("The bank failed on June 3, 2008. The day after, shares rose.", ("The day after", "2008-06-04")),
    ("The war ended in 1945. The year after, the treaty was signed.", ("The year after", "1946")),
    ("The war ended in 1945; the treaty came the year after.", ("the year after", "1946")),
])
def test_the_day_before_or_after_counts_from_the_story_date(text, expected):
    assert expected in _values(text)


@pytest.mark.parametrize("text", [
    "The day before the election, shares fell.",     # before an event, not a date named
    "Shares fell in the week after the vote.",
    "Sales fell in the month after the vote.",
])
def test_the_day_before_an_event_is_no_anaphor(text):
    assert [t for t, _ in _values(text)] == []


# ---------------------------------------------------------------- fiscal years, pre- and post-


@pytest.mark.parametrize("text, expected", [
    ("Sales this fiscal year rose 5%.", ("this fiscal year", "2024")),
    ("Sales should rise next fiscal year.", ("next fiscal year", "2025")),
    ("Sales fell last fiscal year.", ("last fiscal year", "2023")),
    ("Sales in the latest fiscal year fell.", ("the latest fiscal year", "2023")),
    ("Sales in the current fiscal year rose.", ("the current fiscal year", "2024")),
    ("The troops stayed post-1945.", ("1945", "1945")),
    ("Prices returned to pre-2008 levels.", ("2008", "2008")),
])
def test_fiscal_years_and_years_after_pre_or_post(text, expected):
    assert expected in _values(text)


@pytest.mark.parametrize("text, expected", [
    ("The first quarter of next year will be weak.", ("The first quarter of next year", "2025-Q1")),
    ("Sales fell in the second half of last year.", ("the second half of last year", "2023-H2")),
    ("Sales rose in the third quarter of this year.", ("the third quarter of this year", "2024-Q3")),
    ("In the fourth quarter of 2022 sales rose.", ("the fourth quarter of 2022", "2022-Q4")),
])
def test_a_quarter_of_a_relative_year(text, expected):
    assert expected in _values(text)


@pytest.mark.parametrize("text, expected", [
    # a half or quarter of a month or a decade: the month or the decade says when
    ("Talks were held in the second half of February.", ("February", "2024-02")),
    ("Talks were held in the first half of Feb. 2023.", ("Feb. 2023", "2023-02")),
    ("Sales were flat in the last half of the '80s.", ("the '80s", "198")),
    ("Sales were flat in the first half of the 1990s.", ("the 1990s", "199")),
])
def test_a_half_of_a_month_or_decade_is_no_half_year(text, expected):
    assert _values(text) == [expected]


@pytest.mark.parametrize("text", [
    "Part X-2008 was recalled.",
    "Call 555-2008 for tickets.",
])
def test_a_year_after_a_hyphen_in_a_code_is_no_date(text):
    assert _values(text) == []


# ---------------------------------------------------------------- forms of the wire


@pytest.mark.parametrize("text, expected", [
    ("Sales should peak in the year 2000.", ("the year 2000", "DATE", "2000")),
    ("The Year 2000 problem looms.", ("The Year 2000", "DATE", "2000")),
    ("Profit in 1999's first quarter rose.", ("1999's first quarter", "DATE", "1999-Q1")),
    ("Profit rose in 2023’s second half.", ("2023’s second half", "DATE", "2023-H2")),
    ("He left a year and a half ago.", ("a year and a half ago", "DATE", "2022-11")),
    ("He left about a year and a half ago.", ("about a year and a half ago", "DATE", "2022-11")),
    ("The strike lasted a year and a half.", ("a year and a half", "DURATION", "P1Y6M")),
    ("The strike lasted two and a half years.", ("two and a half years", "DURATION", "P2Y6M")),
    ("They lived in camps for 2 1/2 years.", ("2 1/2 years", "DURATION", "P2Y6M")),
    ("They lived in camps for 2½ years.", ("2½ years", "DURATION", "P2Y6M")),
    ("He left 2 1/2 years ago.", ("2 1/2 years ago", "DATE", "2021-11")),
    ("The race took two and a half hours.", ("two and a half hours", "DURATION", "PT2H30M")),
    ("It took a minute and a half.", ("a minute and a half", "DURATION", "PT1M30S")),
    ("The talks lasted 1.5 days.", ("1.5 days", "DURATION", "P1DT12H")),
    ("The talks lasted 1.5 weeks.", ("1.5 weeks", "DURATION", "P1.5W")),  # no whole number of days: a decimal
    # a time of day later or earlier than one no date names: the length
    ("But a minute and a half later, a pilot landed.", ("a minute and a half", "DURATION", "PT1M30S")),
    ("Two hours later, the talks ended.", ("Two hours", "DURATION", "PT2H")),
    ("The blast came 30 minutes earlier.", ("30 minutes", "DURATION", "PT30M")),
])
def test_wire_forms_of_years_quarters_and_periods(text, expected):
    assert expected in [(t.text, t.timex_type, t.value) for t in find_timexes(text, WED)]


# ---------------------------------------------------------------- seasons after a preposition of time


@pytest.mark.parametrize("text, expected", [
    ("Demand stayed high well into the summer.", ("the summer", "2024-SU")),
    ("Shares fell before the summer.", ("the summer", "2024-SU")),
    ("Prices will stay high throughout the winter.", ("the winter", "2024-WI")),
    ("Talks resume after summer.", ("summer", "2024-SU")),
])
def test_a_season_after_a_preposition_of_time_is_a_date(text, expected):
    assert expected in _values(text, date(2024, 10, 20))


@pytest.mark.parametrize("text", [
    "The summer collection sold out.",
    "He wrote a book about the summer camp.",
])
def test_a_season_naming_a_thing_is_no_date(text):
    assert _values(text, date(2024, 10, 20)) == []



# ---------------------------------------------------------------- the nth day of something, today


@pytest.mark.parametrize("text, expected", [
    ("Today is the eighth day of the strike.", ("the eighth day", "2024-05-15")),
    ("In the capital, today is the eighth day of the siege.", ("the eighth day", "2024-05-15")),
    ("It's the second day of an offensive by the army.", ("the second day", "2024-05-15")),
    ("It is the 12th day of the blockade.", ("the 12th day", "2024-05-15")),
    ("Today marks the tenth day of the protests.", ("the tenth day", "2024-05-15")),
])
def test_the_nth_day_of_something_today_is_the_reference_day(text, expected):
    assert expected in _values(text)


@pytest.mark.parametrize("text", [
    "It was the third day of the strike.",        # counted from a start not dated
    "The first day of school is Monday.",
    "On the 10th day of the siege, food ran out.",
])
def test_the_nth_day_of_something_else_is_none(text):
    assert [t for t, _ in _values(text) if "day" in t.lower() and "Monday" not in t] == []


@pytest.mark.parametrize("text, expected", [
    ("Islam will one day be the second largest religion.", ("one day", "DATE", "FUTURE_REF")),
    ("He hopes he could one day return.", ("one day", "DATE", "FUTURE_REF")),
    ("They'll one day see it.", ("one day", "DATE", "FUTURE_REF")),
    # no modal: a day long
    ("The strike lasted one day.", ("one day", "DURATION", "P1D")),
    ("The goodwill one day sale ended.", ("one day", "DURATION", "P1D")),
])
def test_one_day_after_a_modal_is_a_time_ahead(text, expected):
    assert expected in [(t.text, t.timex_type, t.value) for t in find_timexes(text, WED)]


# ---------------------------------------------------------------- a rate: an amount "a year"


@pytest.mark.parametrize("text, expected", [
    ("The firm will post extra profit of about $33 million a year.", ("a year", "SET", "P1Y")),
    ("Over fifty thousand CDs a year are sold.", ("a year", "SET", "P1Y")),
    ("Prices rise 5% a year.", ("a year", "SET", "P1Y")),
    ("It costs $2,000 a year.", ("a year", "SET", "P1Y")),
    ("Inspectors come twice a year.", ("a year", "SET", "P1Y")),
    # no rate: a year long, or a distance in time
    ("He was jailed for a year.", ("a year", "DURATION", "P1Y")),
    ("In 1998 a year passed quickly.", ("a year", "DURATION", "P1Y")),
    ("Profit was $3 million a year earlier.", ("a year earlier", "DATE", "2023-05-15")),
    ("It earned $4 million a year ago.", ("a year ago", "DATE", "2023")),
])
def test_an_amount_a_year_is_a_rate(text, expected):
    assert expected in [(t.text, t.timex_type, t.value) for t in find_timexes(text, WED)]


@pytest.mark.parametrize("text", [
    "Spending rose 3.8% on a year-on-year basis.",
    "Sales were up 5% a year-earlier.",
])
def test_a_year_inside_a_compound_is_no_rate(text):
    assert [t.text for t in find_timexes(text, WED) if t.timex_type == "SET"] == []


# ---------------------------------------------------------------- a plural unit without a number


@pytest.mark.parametrize("text, expected", [
    ("The town was ruled from Moscow for centuries.", ("centuries", "PXC")),
    ("Troops will arrive within weeks.", ("weeks", "PXW")),
    ("Sales grew for the first time in years.", ("years", "PXY")),
    ("He waited for hours.", ("hours", "PTXH")),
    ("The talks took months.", ("months", "PXM")),
])
def test_a_plural_unit_after_a_word_of_length_is_some_length(text, expected):
    assert [(t.text, t.value) for t in find_timexes(text, WED) if t.timex_type == "DURATION"] == [expected]


@pytest.mark.parametrize("text", [
    "Years of war ended.",
    "The heady days of growth ended.",
    "It happened years ago.",
    "Days later, he left.",
])
def test_a_plural_unit_without_a_word_of_length_is_none(text):
    assert [t.text for t in find_timexes(text, WED) if t.timex_type == "DURATION"] == []


# ---------------------------------------------------------------- a year shared by a coordination


@pytest.mark.parametrize("first, second, expected", [
    ("October 9", "December 23, 2014", ("2014-10-09", "2014-12-23")),
    ("9 October", "23 December 2014", ("2014-10-09", "2014-12-23")),
    ("October", "December 2014", ("2014-10", "2014-12")),
    ("December 20", "January 5, 2015", ("2014-12-20", "2015-01-05")),  # the year before: its month comes later
    ("20 December", "5 January 2015", ("2014-12-20", "2015-01-05")),
])
@pytest.mark.parametrize("joint", [" and ", " or ", ", and ", " to ", " through ", " until "])
def test_a_day_without_a_year_takes_the_year_of_the_date_it_is_coordinated_with(first, second, expected, joint):
    text = f"The treaties were signed on {first}{joint}{second}, the ministry said."
    assert [v for _, v in _values(text)] == list(expected)


@pytest.mark.parametrize("text, expected", [
    # words between the dates: another clause, each date on its own
    ("Chile signed on October 9 and Peru followed in 2014.", ["2023-10-09", "2014"]),
    ("The treaty was signed on October 9, and in December 2014 it took effect.", ["2023-10-09", "2014-12"]),
    ("The treaty was signed on October 9. December 2014 saw it take effect.", ["2023-10-09", "2014-12"]),
])
def test_a_year_is_not_shared_across_words_or_sentences(text, expected):
    assert [v for _, v in _values(text)] == expected


# ---------------------------------------------------------------- a period from the start of the year


REPORT = date(2024, 10, 20)  # a report after the third quarter


@pytest.mark.parametrize("text, expected", [
    # "a year earlier" after the first nine months: the year before, not the quarter last named
    ("Profit rose in the third quarter. In the first nine months, net rose to $9m from $7m a year earlier.",
     ("a year earlier", "2023")),
    ("Profit rose in the third quarter. For the nine months, net was $9m, against $7m a year ago.",
     ("a year ago", "2023")),
    ("Third-quarter net fell. Net rose in the latest nine months, compared with a loss a year earlier.",
     ("a year earlier", "2023")),
    ("Third-quarter net fell. In the nine months, the firm earned $9m; year-earlier net was $7m.",
     ("year-earlier", "2023")),
    ("Third-quarter net fell. In the first nine months, net was $9m, against $7m in the 2023 period.",
     ("the 2023 period", "2023")),
    # three or six months from the start of the year: the first quarter or half
    ("In the first six months, net rose to $9m from $7m a year earlier.", ("a year earlier", "2023-H1")),
    ("In the first three months, net rose to $9m from $7m a year earlier.", ("a year earlier", "2023-Q1")),
    # the year the months are of
    ("In the first nine months of 2022, net rose from $7m a year earlier.", ("a year earlier", "2021")),
    ("In the first nine months of last year, net rose from $7m a year earlier.", ("a year earlier", "2022")),
    ("In the first nine months of fiscal 2022, net rose from $7m a year earlier.", ("a year earlier", "2021")),
])
def test_a_year_earlier_after_the_months_from_the_start_of_the_year_is_the_year_before(text, expected):
    assert expected in _values(text, REPORT)


@pytest.mark.parametrize("text, reference, expected", [
    # the months are over by the report: that year's; not yet over: the year before's
    ("For the first nine months, net rose from $7m a year earlier.", REPORT, ("a year earlier", "2023")),
    ("For the first nine months, net rose from $7m a year earlier.", date(2024, 2, 6), ("a year earlier", "2022")),
    ("For the first six months, net rose from $7m a year earlier.", date(2024, 5, 2), ("a year earlier", "2022-H1")),
])
def test_the_months_from_the_start_of_the_year_are_the_last_that_are_over(text, reference, expected):
    assert expected in _values(text, reference)


@pytest.mark.parametrize("text, expected", [
    ("In the first nine months, net rose.", [("the first nine months", "P9M")]),
    ("For the nine months, net rose.", [("the nine months", "P9M")]),
    ("Net rose in the latest nine months.", [("the latest nine months", "P9M")]),
])
def test_the_months_from_the_start_of_the_year_are_a_duration(text, expected):
    assert _values(text, REPORT) == expected


@pytest.mark.parametrize("text, expected", [
    # a quarter named again: "a year earlier" is that quarter's again
    ("In the first nine months, net rose. Third-quarter net fell to $2m from $3m a year earlier.",
     ("a year earlier", "2023-Q3")),
    ("In the nine months, net rose. In the third quarter, it fell from $3m a year ago.", ("a year ago", "2023-Q3")),
    # months that end on a date, or that lead up to the report: no period from the start of a year
    ("Profit rose in the third quarter. For the six months ended June 30, net rose from $7m a year earlier.",
     ("a year earlier", "2023-Q3")),
    ("Profit rose in the third quarter. Over the past nine months, net rose from $7m a year earlier.",
     ("a year earlier", "2023-Q3")),
    ("Profit rose in the third quarter. Net has risen for nine months, from $7m a year earlier.",
     ("a year earlier", "2023-Q3")),
    ("Profit rose in the third quarter. In the six months since the merger, net rose from $7m a year earlier.",
     ("a year earlier", "2023-Q3")),
    ("Profit rose in the third quarter. In the two months, net rose from $7m a year earlier.",
     ("a year earlier", "2023-Q3")),
    ("Profit rose in the third quarter. In the three months to September, net rose from $7m a year earlier.",
     ("a year earlier", "2023-Q3")),
])
def test_a_year_earlier_is_the_quarter_again_once_the_report_is_back_to_quarters(text, expected):
    assert expected in _values(text, REPORT)


# ---------------------------------------------------------------- the first or last part of a year


@pytest.mark.parametrize("text, expected", [
    ("Output will stay weak in the first two quarters of 2025.", ("the first two quarters of 2025", "2025-H1")),
    ("Demand stays low for at least the first two quarters of 2026.", ("at least the first two quarters of 2026", "2026-H1")),
    ("Output fell in the last two quarters of 2023.", ("the last two quarters of 2023", "2023-H2")),
    ("Output fell in the last three months of 2004.", ("the last three months of 2004", "2004-Q4")),
    ("In the first three months of 2004 output fell.", ("the first three months of 2004", "2004-Q1")),
    ("Output fell in the final six months of 2004.", ("the final six months of 2004", "2004-H2")),
    ("Growth returns in the first two quarters of next year.", ("the first two quarters of next year", "2025-H1")),
    ("Costs rose in the last three months of last year.", ("the last three months of last year", "2023-Q4")),
    ("Costs rose in the first two quarters of fiscal 2023.", ("the first two quarters of fiscal 2023", "2023-H1")),
])
def test_the_first_or_last_quarters_or_months_of_a_year_are_that_part_of_it(text, expected):
    assert expected in _values(text, REPORT)


@pytest.mark.parametrize("text, expected", [
    # no calendar part of that length, or no year: a duration, the year on its own
    ("Output fell in the first nine months of 2004.", [("the first nine months", "P9M"), ("2004", "2004")]),
    ("Output fell in the first three quarters of 2004.", [("the first three quarters", "P3Q"), ("2004", "2004")]),
    ("Output will fall in the next two quarters.", [("the next two quarters", "P2Q")]),
])
def test_other_parts_of_a_year_stay_a_duration_and_a_year(text, expected):
    assert _values(text, REPORT) == expected


# ---------------------------------------------------------------- "until then", "by then"


@pytest.mark.parametrize("text, expected", [
    ("The museum closes on Nov. 30, 2024. Until then, visits are free.", ("then", "2024-11-30")),
    ("The stock converts until then, the firm said of Nov. 30, 2024.", None),        # no date before it
    ("The plant closes in 2026; by then, the staff will have left.", ("then", "2026")),
    ("The plant closed in March 1999. By then, the staff had left.", ("then", "1999-03")),
    ("Polls close at 9 p.m. Till then, voters may queue.", ("then", "2024-10-20T21:00")),
    ("The offer runs to Dec. 1, 2024, and holders may tender until then.", ("then", "2024-12-01")),
])
def test_until_then_is_the_date_named_just_before(text, expected):
    found = [(t.text, t.value) for t in find_timexes(text, REPORT) if t.text == "then"]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize("text", [
    "By then the crowd had left.",                      # no date named at all
    "The firm was founded in 1990. It grew slowly and hired staff from three cities, opened new "
    "offices across the region, bought two of its largest rivals and listed its shares on the local "
    "exchange. By then, it was the largest in the state.",  # too far back
    "Since then, sales have risen.",
    "Back then, the town was small.",
    "He left, and then she came.",
])
def test_then_without_a_date_just_before_or_after_other_words_is_none(text):
    assert [t.text for t in find_timexes(text, REPORT) if t.text == "then"] == []


# ---------------------------------------------------------------- "in the morning": a part of the story's day


@pytest.mark.parametrize("text, expected", [
    ("The storm hit Friday. Roads flooded in the morning.", ("the morning", "2024-05-17TMO")),
    ("Shares fell Friday. Early in the afternoon, dealers sold.", ("the afternoon", "2024-05-17TAF")),
    ("On Thursday the talks stalled; during the evening the envoys left.", ("the evening", "2024-05-16TEV")),
    ("Roads flooded in the morning.", ("the morning", "2024-05-20TMO")),     # no day named: the reference day
    ("The storm hit on May 2. Roads flooded in the morning.", ("the morning", "2024-05-20TMO")),  # too long ago
    ("Troops left in the morning on Sunday.", ("the morning on Sunday", "2024-05-19TMO")),
])
def test_the_morning_after_in_is_a_part_of_the_story_day(text, expected):
    assert expected in _values(text, MON)


@pytest.mark.parametrize("text", [
    "The morning was cold.",                        # no word that makes it a time
    "He recalled the evening they met.",
    "She works in the morning shift.",              # a kind of thing
    "In the morning of May 3, troops left.",        # the day says which (May 3 is found on its own)
    "Headlines of the evening news were grim.",
])
def test_the_morning_without_a_word_that_times_it_is_none(text):
    assert [t.text for t in find_timexes(text, MON) if "morning" in t.text or "evening" in t.text] == []


# ---------------------------------------------------------------- vague times: recent years, a later date, future quarters


@pytest.mark.parametrize("text, expected", [
    ("Burglaries have risen in recent years.", ("recent years", "PAST_REF")),
    ("The boom of recent years is over.", ("recent years", "PAST_REF")),
    ("In recent days, the rebels advanced.", ("recent days", "PAST_REF")),
    ("The hearing will resume at a later date.", ("a later date", "FUTURE_REF")),
    ("The vote was moved to a future date.", ("a future date", "FUTURE_REF")),
    ("Rates may fall in future quarters.", ("future quarters", "FUTURE_REF")),
    ("Prices may rise in future years.", ("future years", "FUTURE_REF")),
])
def test_vague_times_of_recent_and_future_units(text, expected):
    assert _values(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    # "soon" timed by an event its sentence names: no time of its own
    ("Buyers will act as soon as the market opens.", []),
    ("The guard was freed soon after being seized.", []),
    ("He will take over soon after the vote.", []),
    ("The rules apply soon before the election.", []),
    # the vague future
    ("The firm will soon cut jobs.", [("soon", "FUTURE_REF")]),
    ("The firm said it would sell the unit as soon as possible.", [("soon", "FUTURE_REF")]),
    ("The talks resume soon.", [("soon", "FUTURE_REF")]),
    ("Rates may rise soon, as the bank warned.", [("soon", "FUTURE_REF")]),
])
def test_soon_timed_by_an_event_is_none(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Demand picked up after the slack weeks of the early summer.", ("the early summer", "2024-SU")),
    ("Talks resume in the late autumn.", ("the late autumn", "2024-FA")),
    ("Sales fell in the spring.", ("the spring", "2024-SP")),
])
def test_the_season_after_in_or_with_early_or_late_is_a_date(text, expected):
    assert expected in _values(text)


@pytest.mark.parametrize("text", [
    "The spring collection sold out.",
    "The boys of summer played.",
    "He is an advocate of the winter break.",
    "Fares rise in the summer holidays.",
    "She won gold at the winter Olympics.",
    "Prices slid because of the fall in October.",      # "fall" a noun, not the season
    "It is a warm-up ahead of the autumn qualifiers.",
])
def test_a_season_without_a_word_that_dates_it_is_none(text):
    seasons = ("spring", "summer", "autumn", "fall", "winter")
    assert [t for t, _ in _values(text) if any(w in t.lower() for w in seasons)] == []


@pytest.mark.parametrize("text, expected", [
    ("Net for the year-earlier nine months included a gain.", [("the year-earlier nine months", "P9M")]),
    ("In the year-ago six months, the firm lost money.", [("the year-ago six months", "P6M")]),
    # the months of the year before are compared with, not reported: "a year earlier" still counts from this year's
    ("For the nine months, net rose; net for the year-earlier nine months included a gain. Sales were "
     "flat from a year earlier.", [("the nine months", "P9M"), ("the year-earlier nine months", "P9M"), ("a year earlier", "2023")]),
])
def test_the_months_of_the_year_before_are_one_duration(text, expected):
    assert _values(text, REPORT) == expected


# ---------------------------------------------------------------- "the past year", "the last decade"


@pytest.mark.parametrize("text, expected", [
    ("Membership of the club grew over the past year.", ("the past year", "DATE", "2023")),
    ("The inquiry widened in the past year.", ("the past year", "DATE", "2023")),
    ("Wages lost ground in the last decade.", ("the last decade", "DATE", "201")),
    ("The last year was hard for farmers.", ("The last year", "DATE", "2023")),
    # a number, another unit or another word: a length of time as before
    ("Prices rose in the past two years.", ("the past two years", "DURATION", "P2Y")),
    ("Sales fell over the past month.", ("the past month", "DURATION", "P1M")),
    ("It was the event of the past century.", ("the past century", "DURATION", "P100Y")),
    ("Rates will rise over the next decade.", ("the next decade", "DURATION", "P10Y")),
])
def test_the_past_year_is_the_year_before_the_report(text, expected):
    assert expected in [(t.text, t.timex_type, t.value) for t in find_timexes(text, WED)]


# ---------------------------------------------------------------- "three days later": a length of days


@pytest.mark.parametrize("text, expected", [
    ("The bank failed on June 3, 2008. Three days later, its rival bought it.", ("Three days", "DURATION", "P3D")),
    ("A day earlier, scores of trucks had crossed.", ("A day", "DURATION", "P1D")),
    ("A few days later, the firm cut its forecast.", ("A few days", "DURATION", "PXD")),
    ("Five days later, the firm cut its forecast.", ("Five days", "DURATION", "P5D")),
    # within a sentence, after the date it counts from: a date
    ("The game came out on May 3, 2010, and in Europe two days later.", ("two days later", "DATE", "2010-05-05")),
    # a year, a month or a week earlier stays the date compared with
    ("Profit rose from $3m a year earlier.", ("a year earlier", "DATE", "2023-05-15")),
    ("The talks resumed on May 3, 2010, a week later.", ("a week later", "DATE", "2010-W19")),
    ("Sales were higher two days ago.", ("two days ago", "DATE", "2024-05-13")),   # "ago" counts from the report
])
def test_days_later_or_earlier_are_a_length_of_days(text, expected):
    assert expected in [(t.text, t.timex_type, t.value) for t in find_timexes(text, WED)]


# ---------------------------------------------------------------- a weekday that recurs: "Tuesday nights", "on Sundays"


def _typed(text: str, reference: date | None = WED) -> list[tuple[str, str, str]]:
    return [(t.text, t.timex_type, t.value) for t in find_timexes(text, reference)]


@pytest.mark.parametrize("text, expected", [
    ("The club meets on Tuesday nights.", [("Tuesday nights", "SET", "XXXX-WXX-2TNI")]),
    ("The market opens Sunday mornings.", [("Sunday mornings", "SET", "XXXX-WXX-7TMO")]),
    ("The shop shuts on Sundays.", [("Sundays", "SET", "XXXX-WXX-7")]),
    ("The show airs Friday evenings.", [("Friday evenings", "SET", "XXXX-WXX-5TEV")]),
    # a bare weekday joined to one that recurs recurs the same way
    ("The ferry sails on Monday and Tuesday nights.",
     [("Monday", "SET", "XXXX-WXX-1TNI"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI")]),
    ("The club meets Saturday or Sunday mornings.",
     [("Saturday", "SET", "XXXX-WXX-6TMO"), ("Sunday mornings", "SET", "XXXX-WXX-7TMO")]),
    ("The ferry sailed Monday and Tuesday nights.",     # whatever the tense
     [("Monday", "SET", "XXXX-WXX-1TNI"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI")]),
])
def test_a_weekday_of_a_recurring_part_of_the_day_is_a_set(text, expected):
    assert _typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The minister resigned Tuesday night.", [("Tuesday night", "TIME", "2024-05-14TNI")]),   # one night
    ("He left Monday, and Tuesday nights are quiet now.",                                    # two clauses
     [("Monday", "DATE", "2024-05-13"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI"), ("now", "DATE", "PRESENT_REF")]),
    ("Last Monday and Tuesday nights were quiet.",                                           # a day of its own
     [("Last Monday", "DATE", "2024-05-13"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI")]),
    ("He toured with the Happy Mondays last year.", [("last year", "DATE", "2023")]),          # a name
    ("On Sundays the shop shuts.", [("Sundays", "SET", "XXXX-WXX-7")]),
])
def test_a_weekday_of_one_day_stays_a_date_or_time(text, expected):
    assert _typed(text) == expected
