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
    ("The pipeline runs 300 km to the coast.", ("300 km", 300.0, "quantity", "kilometer", None)),
    ("The mine produced 5,000 tonnes of ore.", ("5,000 tonnes", 5000.0, "quantity", "metric_ton", None)),
    ("The field pumps 1.5 million barrels a day.", ("1.5 million barrels a day", 1.5e6, "quantity", "oil_barrel / day", None)),
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


def _one(run, text):
    found = [f for f in of_type(run(text), "figure")]
    assert len(found) == 1, [(f.text, f.value, f.kind) for f in found]
    return found[0]


def _reads_as(run, text, surface, kind, value, unit=None):
    """The one figure of `text`: its surface, kind, value (and unit, when given)."""
    f = _one(run, text)
    assert (f.text, f.kind) == (surface, kind)
    assert f.value == pytest.approx(value)
    assert unit is None or f.unit == unit
    return f


# Quantities: pint's canonical unit, the dimension, the value in SI base units.
@pytest.mark.parametrize("text, surface, value, unit, dimension, si", [
    ("The new chips etch lines 3.5 nanometres wide.", "3.5 nanometres", 3.5, "nanometer", "length", 3.5e-9),
    ("Bake the clay at 180 °C for an hour.", "180 °C", 180, "degree_Celsius", "temperature", 453.15),
    ("The battery stores 2.6 MWh when full.", "2.6 MWh", 2.6, "megawatt_hour", "energy", 9.36e9),
    ("Her old van has done 410,000 mi.", "410,000 mi", 410000, "mile", "length", 410000 * 1609.344),
    ("The kiln turns out 1,800 tpd of clinker.", "1,800 tpd", 1800, "metric_ton / day", "mass_flow", 1800 * 1000 / 86400),
    ("A 33 cl can of cola costs more here.", "33 cl", 33, "centiliter", "volume", 33e-5),
    ("The lamp draws 9 Wh a night.", "9 Wh", 9, "watt_hour", "energy", 32400),
    ("Lorries are limited to 80 km/h on that road.", "80 km/h", 80, "kilometer / hour", "speed", 80 / 3.6),
    ("The new model burns 4.2 litres per 100 km.", "4.2 litres per 100 km", 4.2, "liter / 100 kilometer", "fuel_consumption", 4.2e-8),
    ("The reserve covers 1,300 square kilometres of forest.", "1,300 square kilometres", 1300, "kilometer ** 2", "area", 1.3e9),
    ("The suitcase weighed 23kg at check-in.", "23kg", 23, "kilogram", "mass", 23),
    ("The port handled 9,000 TEU last week.", "9,000 TEU", 9000, "twenty_foot_equivalent_unit", "container_capacity", 9000),
    ("The field yields 40,000 barrels a day.", "40,000 barrels a day", 40000, "oil_barrel / day", "volume_flow", 40000 * 0.158987294928 / 86400),
    ("Broadband there runs at 8Mbps.", "8Mbps", 8, "megabit / second", "data_rate", 8e6),
    ("The tanker can hold 2 million cubic metres of gas.", "2 million cubic metres", 2e6, "meter ** 3", "volume", 2e6),
    ("The lift climbs at 9m/s to the top.", "9m/s", 9, "meter / second", "speed", 9),
    ("The new car reaches 100km/h in five seconds.", "100km/h", 100, "kilometer / hour", "speed", 100 / 3.6),
    ("Users get an 8 megabits per second line.", "8 megabits per second", 8, "megabit / second", "data_rate", 8e6),
    ("The spring pours out 40 cubic metres per second.", "40 cubic metres per second", 40, "meter ** 3 / second", "volume_flow", 40),
    ("By noon the thermometer showed 38.5C in the shade.", "38.5C", 38.5, "degree_Celsius", "temperature", 311.65),
    ("New cars may emit 95 g/km of carbon dioxide.", "95 g/km", 95, "gram / kilometer", "mass_per_length", 0.095 / 1000),
    ("The summit stands 4,810 m above the sea.", "4,810 m", 4810, "meter", "length", 4810),
    ("The hybrid manages 62 mpg in town.", "62 mpg", 62, "mile / gallon", "fuel_economy", 62 * 1609.344 / 0.003785411784),
])
def test_figures_quantities_read_with_a_unit_registry(run, text, surface, value, unit, dimension, si):
    f = _reads_as(run, text, surface, "quantity", value, unit)
    assert f.dimension == dimension
    assert f.si_value == pytest.approx(si, rel=1e-6)


@pytest.mark.parametrize("text, values, unit", [
    ("Parcels must weigh 2-20 kg each.", [2, 20], "kilogram"),
    ("Highs of 28-31 °C are forecast.", [28, 31], "degree_Celsius"),
    ("The trail climbs between 3 and 4 km.", [3, 4], "kilometer"),
])
def test_figures_ranges_of_quantities_give_two_with_the_unit(run, text, values, unit):
    found = of_type(run(text), "figure")
    assert [(f.value, f.unit, f.kind) for f in found] == [(v, unit, "quantity") for v in values]


@pytest.mark.parametrize("text, kind, unit", [
    ("The club scored 12 points in the second half.", "count", "point"),
    ("The firm has 300 units on the market.", "count", "unit"),
    ("Vote counters found 45 ballots in the box.", "count", "ballot"),
])
def test_figures_counted_nouns_pint_could_misread_stay_counts(run, text, kind, unit):
    f = _one(run, text)
    assert (f.kind, f.unit) == (kind, unit)


@pytest.mark.parametrize("text", [
    "The Model S was the best-selling electric car.",
    "Leaders of the G20 met in the spring.",
    "Every 4K TV in the shop was sold.",
    "The 5G network opened in the capital.",
    "She watched the film in 3D with friends.",
    "Music of the 1990s filled the hall.",
    "The talks ran for 15 hours.",
    "Heavy rain fell at 10am in the north.",
])
def test_figures_unit_like_names_are_no_quantities(run, text):
    assert [f for f in of_type(run(text), "figure") if f.kind == "quantity" or f.value in (4000, 5, 3)] == []


def test_figures_bare_degrees_are_a_temperature_only_in_weather(run):
    hot = _one(run, "Temperatures in the capital reached 41 degrees on Sunday.")
    turn = _one(run, "The driver made a 180 degree turn on the bridge.")
    assert (hot.unit, hot.dimension, hot.si_value) == ("degree", "temperature", None)  # Celsius or Fahrenheit: unsaid
    assert (turn.unit, turn.dimension) == ("degree", "angle")
    assert turn.si_value == pytest.approx(3.14159265, rel=1e-6)


# Signs: a written minus makes a negative value; a fall stated with a verb does not.
@pytest.mark.parametrize("text, surface, value", [
    ("Overnight it was -12 °C in the valley.", "-12 °C", -12),
    ("Overnight it was −8 °F on the ridge.", "−8 °F", -8),
    ("The fee shows as -25€ on the statement.", "-25€", -25),
    ("The till printed $-49.99 for the return.", "$-49.99", -49.99),
    ("Temperatures fell to minus 7 degrees at night.", "minus 7 degrees", -7),
    ("The index closed at minus 3.5 percent for the year.", "minus 3.5 percent", -3.5),
    ("The account stood at -£300 after the charge.", "-£300", -300),
    ("Prices fell 0.2% in March.", "0.2%", 0.2),
    ("The economy shrank by 1.5 percent.", "1.5 percent", 1.5),
])
def test_figures_signs(run, text, surface, value):
    f = _one(run, text)
    assert (f.text, f.value) == (surface, pytest.approx(value))


def test_figures_a_signed_temperature_converts_from_its_signed_value(run):
    assert _one(run, "At dawn it was -12 °C.").si_value == pytest.approx(261.15)


@pytest.mark.parametrize("text, values", [
    ("Growth will be 3-4% this year.", [3, 4]),
    ("The hosts won 3-1 on Sunday.", []),
    ("The COVID-19 wards were closed.", []),
])
def test_figures_a_hyphen_between_numbers_is_no_sign(run, text, values):
    assert [f.value for f in of_type(run(text), "figure")] == values


# Money: currency after the number, spelled out, scale letters, coins.
@pytest.mark.parametrize("text, surface, value, code", [
    ("A ticket costs 30 € at the door.", "30 €", 30, "EUR"),
    ("The bike sold for 250€ online.", "250€", 250, "EUR"),
    ("She changed 40 us dollar at the airport.", "40 us dollar", 40, "USD"),
    ("The dinner came to 300 Chinese yuan.", "300 Chinese yuan", 300, "CNY"),
    ("The fund raised 60 USD million last year.", "60 USD million", 60e6, "USD"),
    ("Entry is 20 euros for adults.", "20 euros", 20, "EUR"),
    ("The state set aside Rs 700 crore for roads.", "Rs 700 crore", 7e9, "INR"),
    ("A nurse there earns ₹3 lakh a year.", "₹3 lakh", 3e5, "INR"),
    ("A 15-cent rise in the fare was approved.", "15-cent", 0.15, "USD"),
    ("He found 4 dimes under the seat.", "4 dimes", 0.4, "USD"),
    ("The start-up raised €30M from investors.", "€30M", 30e6, "EUR"),
    ("The deal is worth $7B to the group.", "$7B", 7e9, "USD"),
    ("Interns there earn $15k a year.", "$15k", 15e3, "USD"),
    ("A loaf now costs 95p in the village.", "95p", 0.95, "GBP"),
    ("The bill came to 12 Swiss francs.", "12 Swiss francs", 12, "CHF"),
    ("The mill cost 2 billion Indian rupees.", "2 billion Indian rupees", 2e9, "INR"),
    ("They paid 5 Australian dollars each.", "5 Australian dollars", 5, "AUD"),
    ("The actor made 4.2m Euros last year.", "4.2m Euros", 4.2e6, "EUR"),
    ("The haircut cost 40 bucks.", "40 bucks", 40, "USD"),
])
def test_figures_money_written_every_way(run, text, surface, value, code):
    _reads_as(run, text, surface, "money", value, code)


@pytest.mark.parametrize("text", [
    "The rapper 50 Cent played two shows.",
    "Growth in the 12 euro zone countries slowed.",
    "The team won 3 gold and 2 silver at the games.",
    "The side won 3 games in a row.",
])
def test_figures_currency_like_words_that_are_no_money(run, text):
    assert [f for f in of_type(run(text), "figure") if f.kind == "money"] == []


# Ordinals and fractions written out.
@pytest.mark.parametrize("text, surface, value, kind", [
    ("It was the twenty-first edition of the race.", "twenty-first", 21, "ordinal"),
    ("The runner finished thirty-second overall.", "thirty-second", 32, "ordinal"),
    ("The town marked the one hundredth anniversary of the bridge.", "one hundredth", 100, "ordinal"),
    ("Three quarters of the voters backed the plan.", "Three quarters", 0.75, "fraction"),
    ("Output rose by two and a half on the index.", "two and a half", 2.5, "fraction"),
    ("About 1/3 of the staff left.", "1/3", 1 / 3, "fraction"),
    ("Nearly ½ of the harvest was lost.", "½", 0.5, "fraction"),
    ("Seven eighths of the island is forest.", "Seven eighths", 0.875, "fraction"),
    ("The motion needs a 2/3 majority.", "2/3", 2 / 3, "fraction"),
    ("The race was decided by one hundredth of a second.", "one hundredth", 0.01, "fraction"),
    ("The plant needs two and a half million litres of water.", "two and a half million litres", 2.5e6, "quantity"),
    ("The firm sold two and a half million phones.", "two and a half million", 2.5e6, "count"),
    ("One-and-a-half million fans lined the route.", "One-and-a-half million", 1.5e6, "count"),
    ("A fourth of the grant went on rent.", "A fourth", 0.25, "fraction"),
])
def test_figures_ordinals_and_fractions_written_out(run, text, surface, value, kind):
    _reads_as(run, text, surface, kind, value)


@pytest.mark.parametrize("text", [
    "The memorial for 9/11 opened downtown.",
    "The helpline is open 24/7 for callers.",
    "The talks resume on 3/4 in the capital.",
    "Three quarters of the year have passed.",
    "The race took two and a half hours.",
])
def test_figures_written_fractions_negatives(run, text):
    assert [f for f in of_type(run(text), "figure") if f.kind == "fraction"] == []


@pytest.mark.parametrize("text, word, value", [
    ("She won a third term in office.", "third", 3),
    ("An eighth bidder joined the auction.", "eighth", 8),
    ("The side suffered an eighth defeat in a row.", "eighth", 8),
    ("One fifth runner was disqualified.", "fifth", 5),
])
def test_figures_a_fraction_word_before_a_noun_is_an_ordinal(run, text, word, value):
    f = _one(run, text)
    assert (f.text, f.kind, f.value) == (word, "ordinal", value)


@pytest.mark.parametrize("text", [
    "The 2022-23 season was the longest yet.",
    "Grants rose in 2022-2023 across the region.",
    "The 2022/23 accounts were late.",
    "She scored twice in the 1983-84 season.",
    "Exports grew in FY2022-23 overall.",
    "File REF-2022-23-0041 went missing.",
])
def test_figures_a_range_of_years_is_no_number(run, text):
    assert [(f.text, f.value) for f in of_type(run(text), "figure")] == []


# Crowns: named with the country's adjective, or as the currency's own word, they are money; a bare
# "crowns" is money where the sentence or the 300 characters before it name the country.
@pytest.mark.parametrize("text, surface, value, code", [
    ("The miner earned 4.5 billion Swedish crowns last year.", "4.5 billion Swedish crowns", 4.5e9, "SEK"),
    ("The miner earned 4.5bn Swedish crowns last year.", "4.5bn Swedish crowns", 4.5e9, "SEK"),
    ("A single Swedish crown buys nothing; a pen costs 12 Swedish crowns.", "12 Swedish crowns", 12, "SEK"),
    ("The ferry ticket was 1,200 Danish crowns.", "1,200 Danish crowns", 1200, "DKK"),
    ("The fund lost 80 million Norwegian crowns.", "80 million Norwegian crowns", 8e7, "NOK"),
    ("The fine came to 250,000 Czech crowns.", "250,000 Czech crowns", 250000, "CZK"),
    ("The loan was 3 billion Icelandic crowns.", "3 billion Icelandic crowns", 3e9, "ISK"),
    ("Rent there is 9,000 kronor a month.", "9,000 kronor", 9000, "SEK"),
    ("A meal cost 5,000 kronur at the harbour.", "5,000 kronur", 5000, "ISK"),
    ("The penalty was 50,000 korun.", "50,000 korun", 50000, "CZK"),
    ("The penalty was 50,000 korunas.", "50,000 korunas", 50000, "CZK"),
    ("The penalty was 50,000 koruna.", "50,000 koruna", 50000, "CZK"),
    ("The bill came to 1,200 kroner in the end.", "1,200 kroner", 1200, "DKK"),
    ("Norway's ferries are dear: a ticket is 1,200 kroner.", "1,200 kroner", 1200, "NOK"),
    ("A single krone coin was found.", None, None, None),
    ("Sweden's budget deficit was 40 billion crowns.", "40 billion crowns", 4e10, "SEK"),
    ("In Stockholm a coffee costs 118 crowns.", "118 crowns", 118, "SEK"),
    ("Prices in Norway rose again. A beer now costs 118 crowns.", "118 crowns", 118, "NOK"),
    ("The Czech central bank said a loaf costs 40 crowns.", "40 crowns", 40, "CZK"),
    ("The SEK fell again. Analysts put the cost at 2.5 million crowns.", "2.5 million crowns", 2.5e6, "SEK"),
    ("The Swedish royal wedding cost 40 million crowns.", "40 million crowns", 4e7, "SEK"),
    ("The Danish queen's gown cost 1,200 kroner.", "1,200 kroner", 1200, "DKK"),
])
def test_figures_crowns_are_money_with_their_country(run, text, surface, value, code):
    money = [(f.text, f.value, f.unit) for f in of_type(run(text), "figure") if f.kind == "money"]
    assert money == ([] if surface is None else [(surface, pytest.approx(value), code)])


@pytest.mark.parametrize("text, count", [
    ("The ticket costs 118 crowns.", 118),                       # no country: a count of crowns
    ("The museum shows three crowns and a sceptre.", 3),
    ("The Swedish queen wore three crowns at the ball.", 3),     # the country, but a royal sentence
    ("A Danish dentist fitted two crowns on her molars.", 2),    # or a tooth
    ("The crown jewels are kept in the tower.", None),
    ("The Crown Prince opened the bridge.", None),
    ("The Crown settled the case.", None),
    ("The Crowns won 3 games in Sweden.", 3),                    # a team: "Crowns" written with a capital
])
def test_figures_crowns_without_a_country_are_no_money(run, text, count):
    found = of_type(run(text), "figure")
    assert [f for f in found if f.kind == "money"] == []
    assert [f.value for f in found] == ([] if count is None else [count])


# Bare degrees: a temperature (no SI value: Celsius or Fahrenheit unsaid) when the sentence is about
# weather, wherever the weather word stands and whatever qualifier the figure has; angles for angles.
@pytest.mark.parametrize("text, surface", [
    ("Temperatures of around 24 degrees are expected on Sunday.", "24 degrees"),
    ("Temperatures across the region, from the northern hills to the southern coast and the islands, will climb to about 24 degrees.", "24 degrees"),
    ("It will be sunny with highs of 30 degrees.", "30 degrees"),
    ("Lows of 3 degrees are likely in the valleys.", "3 degrees"),
    ("The forecast is for up to 35 degrees in the south.", "35 degrees"),
    ("Heavy rain will fall, with about 12 degrees at night.", "12 degrees"),
    ("Snow is likely and it will reach only 2 degrees.", "2 degrees"),
    ("Around 24 degrees is expected in the capital as a heatwave builds.", "24 degrees"),
    ("Thermometers hit 40 degrees in the square.", "40 degrees"),
    ("Workers struggled in 40-degree heat.", "40-degree"),
    ("It turned chilly, with 5 degrees at dawn.", "5 degrees"),
])
def test_figures_bare_degrees_about_weather_are_a_temperature(run, text, surface):
    f = _one(run, text)
    assert (f.text, f.unit, f.dimension, f.si_value) == (surface, "degree", "temperature", None)


@pytest.mark.parametrize("text, surface, radians", [
    ("The ship turned 180 degrees in the storm.", "180 degrees", 3.14159265),
    ("The car made a 45-degree turn in the snow.", "45-degree", 0.78539816),
    ("Set the camera at a 45-degree angle on a sunny day.", "45-degree", 0.78539816),
    ("The tower offers a 360-degree view of the sunny bay.", "360-degree", 6.28318531),
    ("The road bends 90 degrees after the bridge.", "90 degrees", 1.57079633),
    ("He made a 180-degree turn on policy in the heat of the debate.", "180-degree", 3.14159265),
    ("The dish was rotated by 30 degrees before the rain came.", "30 degrees", 0.52359878),
])
def test_figures_degrees_of_an_angle_stay_angles_in_any_weather(run, text, surface, radians):
    f = _one(run, text)
    assert (f.text, f.unit, f.dimension) == (surface, "degree", "angle")
    assert f.si_value == pytest.approx(radians, rel=1e-6)


# "N of the M nouns": the noun counts both numbers; the part's subject is its clause's, not the whole.
@pytest.mark.parametrize("text, expected", [
    ("The party won 80 of the 230 seats.", [("80", 80, "count", "seat"), ("230", 230, "count", "seat")]),
    ("The party holds 80 of its 230 members.", [("80", 80, "count", "member"), ("230", 230, "count", "member")]),
    ("Two of the five judges dissented.", [("Two", 2, "count", "judge"), ("five", 5, "count", "judge")]),
    ("Eighty of its 230 members voted against.", [("Eighty", 80, "count", "member"), ("230", 230, "count", "member")]),
    ("12 out of 27 member states agreed.", [("12", 12, "count", "member state"), ("27", 27, "count", "member state")]),
    ("Twelve out of twenty-seven member states agreed.",
     [("Twelve", 12, "count", "member state"), ("twenty-seven", 27, "count", "member state")]),
    ("Half of the 10 ministers resigned.", [("Half", 0.5, "fraction", None), ("10", 10, "count", "minister")]),
    ("The firm sold 1.2 million of its 5 million shares.",
     [("1.2 million", 1.2e6, "count", "share"), ("5 million", 5e6, "count", "share")]),
    ("Two of them agreed.", [("Two", 2, "count", None)]),
    ("The club won 3 of its 10 games.", [("3", 3, "count", "game"), ("10", 10, "count", "game")]),
])
def test_figures_n_of_the_m_nouns_count_that_noun_twice(run, text, expected):
    found = [(f.text, f.value, f.kind, f.unit) for f in of_type(run(text), "figure")]
    assert found == [(s, pytest.approx(v), k, u) for s, v, k, u in expected]


@pytest.mark.parametrize("text, subject", [
    ("The party won 80 of the 230 seats.", "The party"),
    ("The alliance lost 12 out of 27 votes.", "The alliance"),
])
def test_figures_the_part_of_n_of_the_m_nouns_has_the_clause_subject(run, text, subject):
    part, whole = of_type(run(text), "figure")
    assert (part.subject, whole.subject) == (subject, subject)


@pytest.mark.parametrize("phrase", ["a hundredth anniversary", "the hundredth anniversary", "a thousandth visitor",
                                    "a hundredth birthday party", "some seventy-many people"])
def test_figures_ordinal_words_outside_the_table_give_no_ordinal_and_no_error(run, phrase):
    """Words the ordinal pattern matches that numbers.tsv has no ordinal value for are no figure
    of that kind; the document still gives its records (once a TypeError on "a hundredth")."""
    records = run(f"The town marked {phrase} on 4 May 2004.")
    assert records[0].type == "document"
    assert all(r.value is None or r.value >= 0 for r in of_type(records, "figure"))


@pytest.mark.parametrize("whole, whole_value", [("two", 2), ("Twenty-one", 21), ("3", 3), ("forty", 40)])
@pytest.mark.parametrize("tail, part", [
    (" and a half", 0.5), ("-and-a-half", 0.5), (" and one half", 0.5),
    (" and a third", 1 / 3), (" and two thirds", 2 / 3), ("-and-two-thirds", 2 / 3),
    (" and a quarter", 0.25), ("-and-a-quarter", 0.25), (" and three quarters", 0.75),
])
@pytest.mark.parametrize("template, kind", [
    ("Delegates sold {n} million shares.", "count"),
    ("The river rose {n} metres overnight.", "quantity"),
])
def test_figures_mixed_numbers_in_words_and_hyphens(run, whole, whole_value, tail, part, template, kind):
    """A mixed number (figure_words.tsv mixed_joint, mixed_fraction) is one figure, written with spaces or hyphens."""
    n = whole + tail
    text = template.format(n=n)
    figures = [f for f in of_type(run(text), "figure") if f.text.startswith(n)]
    assert len(figures) == 1 and figures[0].kind == kind, (text, _figures(run, text))
    scale = 1e6 if "million" in template else 1
    assert figures[0].value == pytest.approx((whole_value + part) * scale)


@pytest.mark.parametrize("text", [
    "Two and a halfway house opened.",  # no fraction word ends there
    "Two and a quartet played.",
    "Two and thirds of the vote went elsewhere.",  # no count of parts
])
def test_figures_no_mixed_number_without_a_whole_fraction(run, text):
    assert not any(f.value not in (2.0,) and f.value != int(f.value) for f in of_type(run(text), "figure")), _figures(run, text)


def _percent_words():
    from extractor.extractors.figures.words import figure_words

    return sorted(figure_words()["percent_word"])


@pytest.mark.parametrize("word", _percent_words())
@pytest.mark.parametrize("number, value", [("7", 7.0), ("2.5", 2.5), ("twelve", 12.0)])
def test_figures_every_percent_word_of_the_data_gives_a_percentage(run, word, number, value):
    text = f"Turnout rose {number} {word} on the year."
    percents = [f for f in of_type(run(text), "figure") if f.kind == "percent"]
    assert [(p.text, p.value) for p in percents] == [(f"{number} {word}", value)]


@pytest.mark.parametrize("word", ["per cents", "percentages", "pcts"])
def test_figures_look_alikes_of_percent_words_are_no_percentage(run, word):
    assert [f for f in of_type(run(f"Turnout rose 7 {word} on the year."), "figure") if f.kind == "percent"] == []


@pytest.mark.parametrize("digits, suffix", [("1", "st"), ("22", "nd"), ("3", "rd"), ("14", "th"), ("101", "st")])
def test_figures_digits_with_each_ordinal_suffix_are_an_ordinal(run, digits, suffix):
    _reads_as(run, f"Malta became the {digits}{suffix} member state.", f"{digits}{suffix}", "ordinal", float(digits))


@pytest.mark.parametrize("text, surface, value, kind", [
    ("An eighth of the grant went on rent.", "An eighth", 0.125, "fraction"),
    ("an eighth of the grant went on rent.", "an eighth", 0.125, "fraction"),
    ("A dozen ministers resigned.", "A dozen", 12.0, "count"),
    ("The party lost a dozen seats.", "a dozen", 12.0, "count"),
])
def test_figures_articles_before_fractions_and_dozens(run, text, surface, value, kind):
    _reads_as(run, text, surface, kind, value)
