"""Figures on sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import of_type


def _figures(run, text):
    return [(f.text, f.value, f.kind, f.unit, f.qualifier) for f in of_type(run(text), "figure")]


@pytest.mark.parametrize("text, expected", [
    ("The budget reached $890 billion.", ("$890 billion", 890e9, "money", "USD", None)),
    ("Its debt rose to £1.4bn last year.", ("£1.4bn", 1.4e9, "money", "GBP", None)),
    ("The club paid €3m for him.", ("€3m", 3e6, "money", "EUR", None)),
    ("Tokyo set aside 5.2 trillion yen.", ("5.2 trillion yen", 5.2e12, "money", "JPY", None)),
    ("A bond worth $2.5 bn was sold.", ("$2.5 bn", 2.5e9, "money", "USD", None)),
    ("Investors put in USD 5m.", ("USD 5m", 5e6, "money", "USD", None)),
    ("The state lent HK$300m to the airline.", ("HK$300m", 3e8, "money", "HKD", None)),
    ("The firm lost 40m euros.", ("40m euros", 4e7, "money", "EUR", None)),
    ("Output grew 14.4 percent.", ("14.4 percent", 14.4, "percent", "percent", None)),
    ("Unemployment is 5% nationally.", ("5%", 5.0, "percent", "percent", None)),
    ("Turnout fell 12 per cent.", ("12 per cent", 12.0, "percent", "percent", None)),
    ("Rates rose by 2 percentage points.", ("2 percentage points", 2.0, "percent", "percentage_point", None)),
    ("The council has nine member states.", ("nine", 9.0, "count", "member state", None)),
    ("About 1.2 million people fled.", ("1.2 million", 1.2e6, "count", "people", "approx")),
    ("Twenty-three countries signed.", ("Twenty-three", 23.0, "count", "country", None)),
    ("The plan needs a dozen engineers.", ("a dozen", 12.0, "count", "engineer", None)),
    ("Poland became the 10th member state.", ("10th", 10.0, "ordinal", "member state", None)),
    ("It is the country's third-largest bank.", ("third", 3.0, "ordinal", "bank", None)),
    ("Nearly half of voters stayed home.", ("half", 0.5, "fraction", None, "nearly")),
    ("Two-thirds of the budget went on pay.", ("Two-thirds", 2 / 3, "fraction", None, None)),
    ("One in five adults smokes.", ("One in five", 0.2, "fraction", None, None)),
    ("The pipeline runs 300 km to the coast.", ("300 km", 300.0, "quantity", "km", None)),
    ("The mine produced 5,000 tonnes of ore.", ("5,000 tonnes", 5000.0, "quantity", "t", None)),
    ("The field pumps 1.5 million barrels a day.", ("1.5 million barrels", 1.5e6, "quantity", "bbl", None)),
    ("They held more than 40 meetings.", ("40", 40.0, "count", "meeting", "over")),
    ("Fewer than 30 deputies voted.", ("30", 30.0, "count", "deputy", "under")),
    ("The firm hired at least 200 staff.", ("200", 200.0, "count", "staff", "at_least")),
    ("The fund can raise up to $4bn.", ("$4bn", 4e9, "money", "USD", "at_most")),
    ("It costs roughly £80.", ("£80", 80.0, "money", "GBP", "approx")),
])
def test_figures_read_each_form(run, text, expected):
    found = _figures(run, text)
    assert any(f[0] == expected[0] and f[1] == pytest.approx(expected[1]) and f[2:] == expected[2:] for f in found), found


@pytest.mark.parametrize("text, values", [
    ("Growth will be 3-4% this year.", [3.0, 4.0]),
    ("Between 2 and 3 million people marched.", [2e6, 3e6]),
])
def test_figures_ranges_give_two_figures(run, text, values):
    assert [f[1] for f in _figures(run, text)] == pytest.approx(values)


@pytest.mark.parametrize("text", [
    "The treaty was signed in 2004.",
    "They met on 12 July 2025 at 10 a.m.",
    "Call the hotline on 010-85061466.",
    "Licence number 10120180008 applies.",
    "See www.example.com/page/2024 for details.",
    "The hosts won 2-1 at home.",
    "Leaders of the G20 met.",
    "Article 8 protects privacy.",
    "She presents on Radio 4.",
    "The Under-21 side lost.",
    "The talks lasted two years.",
    "One of them agreed.",
])
def test_figures_negatives(run, text):
    assert _figures(run, text) == []


def test_figures_subject_and_date_come_from_the_clause(run):
    records = run("Trade between the two countries came in at a record $50 billion in 2023.")
    (money,) = [f for f in of_type(records, "figure") if f.kind == "money"]
    assert money.subject == "Trade between the two countries"
    assert money.date.value == "2023"


def test_figures_share_subject_is_the_of_phrase(run):
    (pct,) = of_type(run("Exports made up about 20 percent of the country's output."), "figure")
    assert pct.subject == "the country's output"
