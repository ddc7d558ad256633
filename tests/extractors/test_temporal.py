"""Temporal expressions on sentences written for these tests, reference date Friday 2025-07-25."""

from __future__ import annotations

from datetime import date

import pytest

from extractor.extractors.temporal import find_timexes, scan
from extractor.extractors.temporal.tables import rules

REF = date(2025, 7, 25)


def _values(text: str, reference=REF):
    return [(t.text, t.timex_type, t.value) for t in find_timexes(text, reference)]


@pytest.mark.parametrize("text, expected", [
    ("The treaty was signed on March 3, 1999.", ("March 3, 1999", "DATE", "1999-03-03")),
    ("Talks opened on 12 July 2025 in Geneva.", ("12 July 2025", "DATE", "2025-07-12")),
    ("The file is dated 2024-11-05.", ("2024-11-05", "DATE", "2024-11-05")),
    ("Prices peaked in October 2008.", ("October 2008", "DATE", "2008-10")),
    ("The plant opened in 1987.", ("1987", "DATE", "1987")),
    ("Output should recover by mid-2026.", ("mid-2026", "DATE", "2026")),
    ("Rates were higher in the 1980s.", ("the 1980s", "DATE", "198")),
    ("Sales dipped in early 2019.", ("early 2019", "DATE", "2019")),
    ("Growth slowed in Q2 2023.", ("Q2 2023", "DATE", "2023-Q2")),
    ("Losses narrowed in the first half of 2022.", ("the first half of 2022", "DATE", "2022-H1")),
    ("The vote is planned for this autumn.", ("this autumn", "DATE", "2025-FA")),
    ("The harvest failed last winter.", ("last winter", "DATE", "2024-WI")),
    ("The board met yesterday.", ("yesterday", "DATE", "2025-07-24")),
    ("The museum reopens tomorrow.", ("tomorrow", "DATE", "2025-07-26")),
    ("Exports rose last year.", ("last year", "DATE", "2024")),
    ("The bill passes to the senate next month.", ("next month", "DATE", "2025-08")),
    ("Inflation eased last week.", ("last week", "DATE", "2025-W29")),
    ("The firm was sold three years ago.", ("three years ago", "DATE", "2022")),
    ("It is busy now.", ("now", "DATE", "PRESENT_REF")),
    ("Prices have recently climbed.", ("recently", "DATE", "PAST_REF")),
    ("Costs may fall in the future.", ("the future", "DATE", "FUTURE_REF")),
    ("The strike lasted two years.", ("two years", "DURATION", "P2Y")),
    ("Reform will take a decade.", ("a decade", "DURATION", "P10Y")),
    ("The loan runs for six months.", ("six months", "DURATION", "P6M")),
    ("Inspectors visit every week.", ("every week", "SET", "P1W")),
    ("The report is published annually.", ("annually", "SET", "P1Y")),
    ("The ferry left at 10 p.m. Wednesday.", ("10 p.m. Wednesday", "TIME", "2025-07-23T22:00")),
])
def test_temporal_normalizes_each_form(text, expected):
    assert expected in _values(text)


@pytest.mark.parametrize("text, expected", [
    ("The mayor resigned on Tuesday.", ("Tuesday", "DATE", "2025-07-22")),
    ("The mayor will resign on Tuesday.", ("Tuesday", "DATE", "2025-07-29")),
])
def test_temporal_weekday_follows_tense(nlp, text, expected):
    from extractor.nlp.syntax import tense_at

    doc = nlp(text)
    found = [(t.text, t.timex_type, t.value) for t in find_timexes(text, REF, lambda s, e: tense_at(doc, s, e))]
    assert expected in found


@pytest.mark.parametrize("text, expected", [
    ("The mayor resigned on Tuesday.", ("Tuesday", "DATE", "XXXX-WXX-2")),
    ("Rain is forecast in July.", ("July", "DATE", "XXXX-07")),
    ("Exports rose last year.", ("last year", "DATE", "XXXX")),
    ("The festival starts this autumn.", ("this autumn", "DATE", "XXXX-FA")),
])
def test_temporal_keeps_known_parts_without_reference(text, expected):
    assert expected in _values(text, reference=None)


def test_temporal_anaphora_resolves_to_last_date():
    text = "The company was founded in 1998. Profits doubled that year."
    assert ("that year", "DATE", "1998") in _values(text)


def test_temporal_spans_are_minimal():
    found = _values("They met on Monday and in July.")
    assert [t[0] for t in found] == ["Monday", "July"]


@pytest.mark.parametrize("text", [
    "We agreed with the plan.",
    "Officials may change the rules.",
    "Protesters March through the capital.",
    "He told the Sun newspaper everything.",
    "The fund paid $20 to each member.",
    "Support stood at 50% in the poll.",
    "Belarus became the 10th member state.",
    "The hosts won 2-1 in extra time.",
    "Call 020-79461234 for tickets.",
    "Licence number 10120180008 was issued.",
])
def test_temporal_negatives_give_no_date(text):
    assert [t for t in find_timexes(text, REF) if t.timex_type in ("DATE", "TIME")] == []


def test_temporal_ranges_are_inclusive():
    (t,) = find_timexes("It opens this autumn.", REF)
    assert (t.start_date, t.end_date) == ("2025-09-01", "2025-11-30")


@pytest.mark.parametrize("text, expected", [
    # compound quarter and year phrases of company reports
    ("Profit in this year's third quarter doubled.", ("this year's third quarter", "DATE", "2025-Q3")),
    ("It compares with the 2023 second quarter.", ("the 2023 second quarter", "DATE", "2023-Q2")),
    ("The deal closed in June last year.", ("June last year", "DATE", "2024-06")),
    ("Sales for the full year should rise.", ("the full year", "DATE", "2025")),
    ("The figure was lower earlier in the year.", ("earlier in the year", "DATE", "2025")),
    # years said as words, as transcripts write them
    ("The mill shut in nineteen ninety-six.", ("nineteen ninety-six", "DATE", "1996")),
    ("Plans date from before the year two thousand.", ("the year two thousand", "DATE", "2000")),
    # a bare month takes the year that puts it nearest the reference date
    ("The ministers meet on Aug. 4.", ("Aug. 4", "DATE", "2025-08-04")),
    ("Prices fell in December.", ("December", "DATE", "2024-12")),
    ("Work resumed in January.", ("January", "DATE", "2025-01")),
    ("Plural units: investment will grow in coming quarters.", ("coming quarters", "DATE", "FUTURE_REF")),
    ("The plant closed a week or so ago.", ("a week or so ago", "DATE", "2025-W29")),
])
def test_temporal_news_report_forms(text, expected):
    assert expected in _values(text)


def test_temporal_quarter_words_follow_the_quarter_in_hand_and_do_not_drift():
    text = ("Net income rose in the second quarter. It was $4 million a year earlier. "
            "Revenue in the quarter grew, after falling a year earlier.")
    values = _values(text)
    assert ("the second quarter", "DATE", "2025-Q2") in values
    assert [v for t, _, v in values if t == "a year earlier"] == ["2024-Q2", "2024-Q2"]
    assert ("the quarter", "DATE", "2025-Q2") in values


def test_temporal_a_year_ago_compares_with_the_quarter_reported_even_after_a_day():
    values = _values("Profit rose in the second quarter. On July 2 the board met. Sales were lower a year ago.")
    assert ("a year ago", "DATE", "2024-Q2") in values


@pytest.mark.parametrize("text", [
    "Twenty seventy people came.",       # not a spoken year
    "The firm previously made cars.",    # compares two states, dates neither
    "He paid two thousand dollars.",
])
def test_temporal_negatives_of_the_new_forms(text):
    assert _values(text) == []


RULE_EXAMPLE_REFERENCE = date(2024, 5, 15)  # the reference date data/temporal_rules.tsv states for its examples


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.name)
def test_temporal_every_rule_finds_and_normalizes_its_own_example(rule):
    found = [c for c in scan(rule.example) if rule.example[c.start:c.end] == rule.expression]
    assert [c.rule for c in found] in ([rule.name], ["duration"] if rule.name == "ago" else [rule.name]), \
        f"{rule.name}: its example {rule.example!r} does not give {rule.expression!r} by this rule"
    values = {t.text: t.value for t in find_timexes(rule.example, RULE_EXAMPLE_REFERENCE)}
    assert values.get(rule.expression) == rule.value


def test_temporal_rule_file_covers_every_normalizer():
    from extractor.extractors.temporal.normalize import _HANDLERS

    assert {r.name for r in rules()} == set(_HANDLERS)


@pytest.mark.parametrize("text, reference, expected", [
    # the month just gone is "last month": "last June" said in July is the June of the year before
    ("Sales fell last June.", date(2025, 7, 25), "2024-06"),
    ("Sales fell last May.", date(2025, 7, 25), "2025-05"),
    ("Sales fell this past June.", date(2025, 7, 25), "2025-06"),
    ("The law takes effect on Jan. 1 next year.", date(2025, 7, 25), "2026-01-01"),
    ("The law took effect on 1 March last year.", date(2025, 7, 25), "2024-03-01"),
])
def test_temporal_last_month_names_and_days_of_a_relative_year(text, reference, expected):
    assert [v for _, _, v in _values(text, reference)] == [expected]


def test_temporal_a_weekday_planned_for_lies_ahead(nlp):
    from functools import partial

    from extractor.nlp.syntax import tense_at

    text = "Rallies were announced for Sunday in the capital."
    doc = nlp(text)
    (timex,) = find_timexes(text, REF, partial(tense_at, doc))
    assert timex.value == "2025-07-27"  # REF is Friday 2025-07-25


@pytest.mark.parametrize("text, expected", [
    ("Papers started a campaign in summer this year.", "2025-SU"),
    ("The line opens in spring next year.", "2026-SP"),
    ("The strike began in autumn last year.", "2024-FA"),
])
def test_temporal_season_of_a_relative_year(text, expected):
    assert [v for _, _, v in _values(text)] == [expected]


# Ranges of years: the value names the first year (TIMEX3 has no range value), the dates cover all.
@pytest.mark.parametrize("text, surface, value, first, last", [
    ("The 2022-23 season was the longest yet.", "2022-23", "2022", "2022-01-01", "2023-12-31"),
    ("Grants rose in 2022-2023 across the region.", "2022-2023", "2022", "2022-01-01", "2023-12-31"),
    ("The 2022/23 accounts were late.", "2022/23", "2022", "2022-01-01", "2023-12-31"),
    ("She scored twice in the 1983-84 season.", "1983-84", "1983", "1983-01-01", "1984-12-31"),
    ("The mill made a loss in 2011-2012.", "2011-2012", "2011", "2011-01-01", "2012-12-31"),
    ("Exports grew in FY2022-23 by a fifth.", "FY2022-23", "2022", "2022-01-01", "2023-12-31"),
    ("The budget for fiscal 2024-25 was cut.", "fiscal 2024-25", "2024", "2024-01-01", "2025-12-31"),
    ("The 1999-00 winter was mild.", "1999-00", "1999", "1999-01-01", "2000-12-31"),
    ("The 2021–25 plan was approved.", "2021–25", "2021", "2021-01-01", "2025-12-31"),
])
def test_temporal_a_range_of_years_is_one_timex_covering_them(text, surface, value, first, last):
    found = [(t.text, t.value, t.start_date, t.end_date) for t in find_timexes(text, REF)]
    assert found == [(surface, value, first, last)]


def test_temporal_that_year_after_a_range_of_years_is_its_first_year():
    assert ("that year", "DATE", "2022") in _values("The 2022-23 season was long. Ticket prices rose that year.")


@pytest.mark.parametrize("text", [
    "The hosts won 3-1 in the final.",
    "The COVID-19 wards were closed.",
    "Call 0161-2022-2345 for tickets.",
    "Call (020) 2022-2023 for tickets.",
    "File REF-2022-23-0041 went missing.",
    "The invoice 2022-23/004 was paid.",
    "Rates rose 2022-23% in the model.",
    "Code 2022-12 is not a range of years.",
])
def test_temporal_year_range_negatives(text):
    assert [t for t in find_timexes(text, REF) if t.timex_type in ("DATE", "TIME")] == []


def test_temporal_rule_checks_are_all_defined_and_all_used():
    from extractor.extractors.temporal.checks import CHECKS

    named = [name for r in rules() for name in r.checks]
    assert set(named) <= set(CHECKS), f"rules name checks nobody wrote: {set(named) - set(CHECKS)}"
    assert set(CHECKS) <= set(named), f"checks no rule names (dead code): {set(CHECKS) - set(named)}"
    assert all(fn.__doc__ for fn in CHECKS.values()), "every check says what it keeps and what it drops"


def test_temporal_a_rule_naming_an_unknown_check_is_an_error_naming_it(monkeypatch):
    from dataclasses import replace

    from extractor.extractors.temporal import detect
    from extractor.language.lexicon import DataFileError

    broken = [replace(r, checks=("month_needs_a_cue_typo",)) if r.name == "month" else r for r in rules()]
    monkeypatch.setattr(detect, "rules", lambda: tuple(broken))
    detect._rules.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"month: month_needs_a_cue_typo"):
            detect._rules()
    finally:
        detect._rules.cache_clear()


# one sentence each way per check of temporal_rules.tsv: the expression is a date in the first,
# the check drops it in the second (a pair: the expression kept, the look-alike dropped; None: the
# second sentence has no date at all); sentences written for these tests
@pytest.mark.parametrize("check, kept, dropped, expression", [
    ("month_word_needs_cue", "The vote was held in May.", "May the best team win.", "May"),
    ("month_not_a_heading_word", "The vote was held in MARCH.", "MARCH FOR PEACE DRAWS THOUSANDS", "MARCH"),
    ("date_not_a_figure", "Sales rose on June 5.", "Output fell June 5.2% on the year.", "June 5"),
    ("full_date_exists", "It was signed on February 28, 2021.", "It was signed on February 30, 2021.",
     ("February 28, 2021", "February 30, 2021")),
    ("iso_date_exists", "The file is dated 2023-02-28.", "The file is dated 2023-02-30.", ("2023-02-28", "2023-02-30")),
    ("year_not_in_a_number", "The plant opened in 2019.", "The plant made 12,2019 units.", "2019"),
    ("early_year_needs_cue", "The church was built in 1850.", "The club has 1850 members and more.", "1850"),
    ("year_not_a_count", "Hiring resumed in 2001.", "The firm hired 2001 workers.", "2001"),
    ("year_not_in_a_name", "The plan was adopted in 2030.", "The plan is called Vision 2030 at home.", "2030"),
    ("range_of_years", "The 2022-23 season was long.", "The code REF-2022-23-0041 was filed.", "2022-23"),
    ("season_needs_cue", "The line opens in spring.", "The spring broke under load.", "spring"),
    ("the_season_needs_cue", "The line opens in the spring.", "The spring collection sold out.", "spring"),
    ("unanchored_period_needs_ago", "Profit was higher than the period a year ago.", "The period of mourning ended.", "the period"),
    ("year_end_needs_cue", "The deal should close by year-end.", "The firm said year-end net was lower.", "year-end"),
    ("quarter_code_needs_year_or_follower", "Q3 results were weak.", "The Q3 was a fast car model.", "Q3"),
    ("short_decade_needs_the_or_cue", "Prices soared in the '80s.", "He scored '80s on both tests.", "'80s"),
    ("bare_plural_needs_cue", "The town was ruled from abroad for centuries.", "Those were the heady days.", None),
    ("not_an_age", "He served 6 years in office.", "The 6-year-old boy was found.", None),
    ("quarters_not_a_share", "The work took three quarters to finish.", "Three quarters of voters agreed.", None),
    ("not_the_fraction_of_a_mixed_number", "Sales fell for a quarter.", "Sales fell two and a quarter points.", None),
    ("a_second_in_digits", "The blast lasted 1 second.", "She won a second term.", None),
    ("daypart_not_a_thing", "The deadline passed at noon.", "The midday meal was served.", None),
    ("holiday_is_a_date", "Sales fell at Christmas.", "They bought a Christmas tree.", None),
    ("weekday_not_a_heading_word", "The minister resigned on Friday.", "FRIDAY NIGHT LIGHTS RETURNS", None),
    ("not_a_quoted_title", "The summit is this week.", 'He appeared on "This Week" with guests.', None),
    ("season_not_a_thing", "The line opens in the winter.", "Pupils left for the winter break.", "winter"),
    ("soon_not_timed_by_an_event", "The deal will close soon.", "Trading resumes as soon as the market opens.", "soon"),
    ("a_part_of_the_day", "Shares fell on May 13, 2024. Buyers came back in the afternoon.", "The afternoon shift was cut.",
     "afternoon"),
    ("plural_weekday_not_in_a_name", "The shop closes on Sundays.", "He toured with the Happy Mondays.", ("Sundays", "Mondays")),
])
def test_temporal_each_check_keeps_a_date_and_drops_its_look_alike(check, kept, dropped, expression):
    assert check in {name for r in rules() for name in r.checks}
    found_kept = [t.text for t in find_timexes(kept, REF)]
    found_dropped = [t.text for t in find_timexes(dropped, REF)]
    assert found_kept, f"{check}: nothing found in {kept!r}"
    if isinstance(expression, tuple):
        assert expression[0] in found_kept, (check, found_kept)
        assert expression[1] not in found_dropped, (check, found_dropped)
    elif expression is not None:
        assert expression in " ".join(found_kept), (check, found_kept)
        assert not any(expression in t for t in found_dropped), (check, found_dropped)
    else:
        assert found_dropped == [], (check, found_dropped)


@pytest.mark.parametrize("text, expected", [
    ("Her laps took 7.5 and 7.25 minutes.", [("7.25 minutes", "DURATION", "PT7.25M")]),
    ("The strike lasted two and a half weeks.", [("two and a half weeks", "DURATION", "P2.5W")]),
    ("Profit rose in one quarter and fell in the next.", [("one quarter", "DURATION", "P1Q")]),
])
def test_temporal_durations_beside_a_joint_that_are_no_mixed_number(text, expected):
    assert [v for v in _values(text) if v[1] == "DURATION"] == expected
