"""Membership changes by family of wordings (issue #11): each family in its active, passive,
nominal and relative-clause forms, with one or many members, the date inside or around the
clause, and negatives. Sentences written for these tests; (organization, member, action,
status, date) per record."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import of_type


def _found(run, text, published=None):
    records = run(text) if published is None else run(text, published)
    return sorted((m.organization.id, m.member.id, m.action, m.status, m.date.value if m.date else None)
                  for m in of_type(records, "membership"))


def _each(org, members, action, status, when):
    return sorted((org, m, action, status, when) for m in members)


BALTS = ("EST", "LTU", "LVA")

LISTS = [
    ("Estonia, Latvia and Lithuania joined NATO in 2004.", _each("NATO", BALTS, "join", "member", "2004")),
    ("In March 2004 NATO admitted Bulgaria, Estonia, Latvia, Lithuania, Romania, Slovakia and Slovenia.",
     _each("NATO", ("BGR", "EST", "LTU", "LVA", "ROU", "SVK", "SVN"), "join", "member", "2004-03")),
    ("Estonia, Latvia and Lithuania were admitted to NATO in 2004.", _each("NATO", BALTS, "join", "member", "2004")),
    ("The accession of Bulgaria and Romania to the European Union in 2007 ended a long wait.",
     _each("EU", ("BGR", "ROU"), "join", "member", "2007")),
    ("Bulgaria and Romania, which joined the European Union in 2007, are the poorest members.",
     _each("EU", ("BGR", "ROU"), "join", "member", "2007")),
    ("The three Baltic states of Estonia, Latvia and Lithuania, which joined NATO in 2004, border Russia.",
     _each("NATO", BALTS, "join", "member", "2004")),
    ("Cyprus, Malta and eight other countries joined the European Union in 2004.",
     _each("EU", ("CYP", "MLT"), "join", "member", "2004")),
    ("In 2004 the European Union took in Cyprus and Malta.", _each("EU", ("CYP", "MLT"), "join", "member", "2004")),
    ("The union admitted ten states in May 2004.", []),  # members not named
    ("Estonia, Latvia and Lithuania joined talks with NATO in 2004.", []),  # talks are joined, not NATO
    ("Players from Estonia, Latvia and Lithuania joined the NATO staff team in 2004.", []),
]

ENUMERATIONS = [
    ("Denmark joined the European Communities in 1973, followed by Greece in 1981, Spain and Portugal in 1986, "
     "and Austria in 1995.",
     sorted([("EU", "DNK", "join", "member", "1973"), ("EU", "GRC", "join", "member", "1981"),
             ("EU", "ESP", "join", "member", "1986"), ("EU", "PRT", "join", "member", "1986"),
             ("EU", "AUT", "join", "member", "1995")])),
    ("NATO expanded to take in Greece and Turkey in 1952, West Germany in 1955 and Spain in 1982.",
     sorted([("NATO", "GRC", "join", "member", "1952"), ("NATO", "TUR", "join", "member", "1952"),
             ("NATO", "DEU", "join", "member", "1955"), ("NATO", "ESP", "join", "member", "1982")])),
    ("The European Union grew in 1995, adding Austria, Finland and Sweden.",
     _each("EU", ("AUT", "FIN", "SWE"), "join", "member", "1995")),
    ("ASEAN expanded in the 1990s, adding Vietnam in 1995, Laos and Myanmar in 1997 and Cambodia in 1999.",
     sorted([("ASEAN", "VNM", "join", "member", "1995"), ("ASEAN", "LAO", "join", "member", "1997"),
             ("ASEAN", "MMR", "join", "member", "1997"), ("ASEAN", "KHM", "join", "member", "1999")])),
    ("Brazil joined the group in 2001, followed by India in 2003.",  # no organization named: none
     []),
    ("Poland joined NATO in 1999, and Slovakia in 2004.",
     sorted([("NATO", "POL", "join", "member", "1999"), ("NATO", "SVK", "join", "member", "2004")])),
    ("NATO met in Madrid in 1997, followed by Poland in 1999 and Slovakia in 2004.", []),  # no change to continue
    ("Poland joined NATO in 1999, and France in 2003 criticised the war.",  # a clause of its own, not an item
     [("NATO", "POL", "join", "member", "1999")]),
]

FOUNDING = [
    ("OPEC was founded in 1960 by Iran, Iraq, Kuwait, Saudi Arabia and Venezuela.",
     _each("OPEC", ("IRN", "IRQ", "KWT", "SAU", "VEN"), "found", "founding_member", "1960")),
    ("Iran, Iraq, Kuwait, Saudi Arabia and Venezuela set up OPEC in 1960.",
     _each("OPEC", ("IRN", "IRQ", "KWT", "SAU", "VEN"), "found", "founding_member", "1960")),
    ("ASEAN was formed in 1967 by Indonesia, Malaysia, the Philippines, Singapore and Thailand.",
     _each("ASEAN", ("IDN", "MYS", "PHL", "SGP", "THA"), "found", "founding_member", "1967")),
    ("OPEC's founding members were Iran, Iraq, Kuwait, Saudi Arabia and Venezuela.",
     _each("OPEC", ("IRN", "IRQ", "KWT", "SAU", "VEN"), "found", "founding_member", None)),
    ("Kuwait, one of the five founders of OPEC, cut output.", _each("OPEC", ("KWT",), "found", "founding_member", None)),
    ("Chile, which helped found the Andean Community in 1969, left it in 1976.",
     sorted([("ANDEAN_COMMUNITY", "CHL", "found", "founding_member", "1969"),
             ("ANDEAN_COMMUNITY", "CHL", "leave", None, "1976")])),
    ("Created in 1949 by Belgium, Canada and the United States, NATO now has 32 members.",
     _each("NATO", ("BEL", "CAN", "USA"), "found", "founding_member", "1949")),
    ("Peru set up a national NATO liaison unit in 2001.", []),  # founds a unit, not NATO
    ("Investigators found the EU proposal lacking in 2020.", []),  # "found" of "find"
]

EARLIER_ORGANIZATION = [
    ("NATO leaders met in Vilnius. Finland joined the alliance in April 2023.",
     _each("NATO", ("FIN",), "join", "member", "2023-04")),
    ("The African Union met in Addis Ababa. Morocco was readmitted to the bloc in 2017.",
     _each("AU", ("MAR",), "readmit", "member", "2017")),
    ("The World Trade Organization has 164 members. China joined it in 2001.",
     _each("WTO", ("CHN",), "join", "member", "2001")),
    ("ECOWAS leaders meet on Sunday. Niger was suspended from the grouping in 2023.",
     _each("ECOWAS", ("NER",), "suspend", None, "2023")),
    ("The Commonwealth summit opened. Fiji was suspended from the organisation in 2009.",
     _each("COMMONWEALTH", ("FJI",), "suspend", None, "2009")),
    ("ASEAN is growing. Timor-Leste was added in 2025.", _each("ASEAN", ("TLS",), "join", "member", "2025")),
    ("The Andean Community met in Lima. Chile quit in 1976.", _each("ANDEAN_COMMUNITY", ("CHL",), "leave", None, "1976")),
    ("The Andean Community met in Lima. Chile quit the talks in 1976.", []),  # quits something else
    ("The Andean Community met in Lima. " + "Prices rose on the news from the capital and beyond. " * 8 + "Chile quit in 1976.", []),  # too far back
]

REFERRED_MEMBERS = [
    ("Georgia held elections. The country applied to join NATO in 2008.",
     _each("NATO", ("GEO",), "apply", "candidate", "2008")),
    ("Georgia held elections. Tensions grew over the country's bid to join NATO in 2008.",  # a bid is not dated by
     _each("NATO", ("GEO",), "apply", "candidate", None)),                                # the year it is talked of
    ("Romania and Bulgaria passed reforms. Workers will gain access after the two countries join the European Union "
     "on 1 January 2007.", _each("EU", ("BGR", "ROU"), "join", "member", "2007-01-01")),
    ("Slovakia and Slovenia held talks. Both countries joined NATO in 2004.",
     _each("NATO", ("SVK", "SVN"), "join", "member", "2004")),
    ("Poland, Hungary and the Czech Republic held talks. The three countries joined NATO in 1999.",
     _each("NATO", ("CZE", "HUN", "POL"), "join", "member", "1999")),
    ("Tensions grew. The country joined the WTO in 2001.", []),  # no country named before
    ("Poland held talks. The three countries joined NATO in 1999.", []),  # fewer countries named than referred to
]

NOMINAL = [
    ("Mali's membership of the African Union was suspended in 2021.", _each("AU", ("MLI",), "suspend", None, "2021")),
    ("The suspension of Niger from ECOWAS in 2023 hit trade.", _each("ECOWAS", ("NER",), "suspend", None, "2023")),
    ("The African Union lifted the suspension of Egypt in June 2014.", _each("AU", ("EGY",), "readmit", "member", "2014-06")),
    ("Fiji's suspension from the Commonwealth was lifted in 2014.", _each("COMMONWEALTH", ("FJI",), "readmit", "member", "2014")),
    ("Indonesia suspended its OPEC membership in 2016.", _each("OPEC", ("IDN",), "suspend", None, "2016")),
    ("Croatia's accession to the European Union in 2013 was welcomed.", _each("EU", ("HRV",), "join", "member", "2013")),
    ("Britain's exit from the European Union in January 2020 changed trade.",
     _each("EU", ("GBR",), "leave", None, "2020-01")),
    ("Russia's expulsion from the Council of Europe in March 2022 was unanimous.",
     _each("COE", ("RUS",), "expel", None, "2022-03")),
    ("The admittance of Laos and Myanmar to ASEAN in 1997 angered Washington.",
     _each("ASEAN", ("LAO", "MMR"), "join", "member", "1997")),
    ("Morocco's return to the African Union in 2017 was approved.", _each("AU", ("MAR",), "readmit", "member", "2017")),
    ("Croatian lawmakers passed reforms ahead of European Union membership on 1 July 2013.",
     _each("EU", ("HRV",), "join", "member", "2013-07-01")),
    ("NATO praised the accession efforts of Albania and Croatia.", _each("NATO", ("ALB", "HRV"), "apply", "candidate", None)),
    ("The staged withdrawal of the bank from Albania began in 1996.", []),  # from a country, not an organization
    ("The return to power of the army in Mali in 2021 alarmed ECOWAS.", []),
]

SCHEDULED = [
    ("Croatia is to become the 28th member of the European Union on 1 July 2013.",
     _each("EU", ("HRV",), "join", "member", "2013-07-01")),
    ("Britain will formally leave the European Union on 31 January 2020.",
     _each("EU", ("GBR",), "leave", None, "2020-01-31")),
    ("Bulgaria and Romania will join the European Union on 1 January 2007.",
     _each("EU", ("BGR", "ROU"), "join", "member", "2007-01-01")),
    ("Bulgaria and Romania are set to join the European Union in January 2007.",
     _each("EU", ("BGR", "ROU"), "join", "member", "2007-01")),
    ("Slovenia is scheduled to adopt the euro on 1 January 2007.",
     _each("EUROZONE", ("SVN",), "join", "member", "2007-01-01")),
    # two dates near the trigger: the one of its own clause
    ("Newspapers started a campaign this year in support of rules for workers from Romania and Bulgaria, after the "
     "two countries join the European Union on 1 January 2007.", _each("EU", ("BGR", "ROU"), "join", "member", "2007-01-01")),
    ("Bulgaria and Romania celebrated joining the European Union on 1 January 2007.",
     _each("EU", ("BGR", "ROU"), "join", "member", "2007-01-01")),
    ("Lithuania will become the 19th state to adopt the euro on 1 January 2015.",
     _each("EUROZONE", ("LTU",), "join", "member", "2015-01-01")),
    ("Slovenia will adopt the European Union's common currency on 1 January 2007.",
     _each("EUROZONE", ("SVN",), "join", "member", "2007-01-01")),
    ("All is ready for Slovenia to become the first state to adopt the euro on 1 January 2007, officials said.",
     _each("EUROZONE", ("SVN",), "join", "member", "2007-01-01")),
    ("EU ministers gave Latvia the green light to join the euro zone in 2014.",
     _each("EUROZONE", ("LVA",), "join", "member", "2014")),
    ("EU ministers gave Latvia the green light in July 2013 to join the euro zone.",  # July dates the decision
     _each("EUROZONE", ("LVA",), "join", "member", None)),
    ("EU ministers gave Latvia the green light in July 2013 to join the euro zone in 2014.",
     _each("EUROZONE", ("LVA",), "join", "member", "2014")),
    ("Estonia adopted a new currency board in 1992.", []),
    ("Serbia hopes to join the European Union by 2030.", []),
]

STATUS = [
    ("The European Union granted candidate status to Ukraine and Moldova in June 2022.",
     _each("EU", ("MDA", "UKR"), "apply", "candidate", "2022-06")),
    ("Albania, Serbia and Montenegro have applied to join the European Union.",
     _each("EU", ("ALB", "MNE", "SRB"), "apply", "candidate", None)),
    ("The European Union opened accession talks with Montenegro in 2012.",  # talks do not date the application
     _each("EU", ("MNE",), "apply", "candidate", None)),
    ("Mongolia has been an observer of the Shanghai Cooperation Organisation since 2004.",
     _each("SCO", ("MNG",), "join", "observer", "2004")),
    ("Greece has been a member of NATO since 1952.", _each("NATO", ("GRC",), "join", "member", "1952")),
    ("Turkey's candidacy for European Union membership dates from 1999.",
     _each("EU", ("TUR",), "apply", "candidate", None)),
    ("Bosnia submitted its application for European Union membership in 2016.",
     _each("EU", ("BIH",), "apply", "candidate", "2016")),
    # named applicants awaiting a decision: pending, whatever the modality of the decision
    ("The admittance of Laos and Myanmar to ASEAN would be decided by their readiness.",
     _each("ASEAN", ("LAO", "MMR"), "apply", "candidate", None)),
    ("Ukraine's accession to NATO will be discussed at the summit.", _each("NATO", ("UKR",), "apply", "candidate", None)),
    ("Croatia, the most advanced of the current EU hopefuls, reformed its courts.",
     _each("EU", ("HRV",), "apply", "candidate", None)),
    ("Albania is a candidate for European Union membership.", _each("EU", ("ALB",), "apply", "candidate", None)),
    ("Montenegro, an applicant to the European Union, passed new laws.", _each("EU", ("MNE",), "apply", "candidate", None)),
    ("NATO held a summit in Riga. Ukraine's candidacy was slowed down this week.",
     _each("NATO", ("UKR",), "apply", "candidate", None)),
    ("The Labour candidate won the seat in 2024.", []),
    ("Ukraine wants closer links with the European Union.", []),
    ("Iran's bid to join the WTO failed after the United States blocked its application.",
     _each("WTO", ("IRN",), "apply", "candidate", None)),  # the blocker is no applicant
]

NEGATIVES = [
    "Peru set up a national NATO liaison unit in 2001.",
    "The SCO has entered a new era.",
    "Small firms were worst hit by the EU rules, it added.",
    "Ronaldo joined Juventus in 2018.",
    "Italy joined the Six Nations in 2000.",
    "French troops joined the UN force in Lebanon in 2006.",
    "Ukraine hopes to join NATO by 2030.",
    "If Serbia joins the European Union in 2030, trade will grow.",
    "Norway did not join the European Union in 1994.",
    "NATO invited Sweden to join in 2022.",
    "A draft text says ministers will grant Albania candidate status in 2026.",
    "The 27 member states of the European Union met in Brussels in May 2024.",
    "The union admitted ten states in May 2004.",
    "Slovakia's desire to join NATO is well known.",
    "It would be unnecessary for Poland to join the euro zone within four years.",
    "Belarus sent an official to Moscow on Friday to join talks on gas prices with the European Union.",
    "Belarus sent an official on Friday to join talks on gas with the European Union.",
    "Serbia joined with the European Union in condemning the coup in 2021.",
    "The minister joined the board of the World Bank in 2019.",
]


FAMILIES = {
    "lists_with_one_predicate": LISTS,
    "elliptical_enumerations_date_each_item": ENUMERATIONS,
    "founding_dates_every_founder": FOUNDING,
    "the_organization_named_earlier": EARLIER_ORGANIZATION,
    "members_referred_to_by_the_country_or_the_n_countries": REFERRED_MEMBERS,
    "nominal_and_possessive": NOMINAL,
    "scheduled_and_decided": SCHEDULED,
    "status_candidates_observers_since": STATUS,
    "negatives_stay_negative": [(text, []) for text in NEGATIVES],
}
CASES = [(family, text, expected) for family, cases in FAMILIES.items() for text, expected in cases]


@pytest.mark.parametrize("family, text, expected", CASES, ids=[f"{f}-{n}" for n, (f, _, _) in enumerate(CASES)])
def test_membership_family(run, family, text, expected):
    assert _found(run, text) == expected


# The effective date beats the signing's (GUIDELINES 4.2): a conjoined clause saying the change
# took effect, with a date of its own, dates a join, leave or founding.
EFFECT_PHRASES = ["came into force", "entered into force", "took effect", "became effective"]
FOUNDERS = [("Argentina",), ("Argentina", "Brazil"), ("Argentina", "Brazil", "Uruguay")]
ISO = {"Argentina": "ARG", "Brazil": "BRA", "Uruguay": "URY"}
DATE_PAIRS = [("on 26 March 1991", "on 29 November 1991", "1991-11-29", "1991-03-26"),
              ("in March 1991", "in November 1991", "1991-11", "1991-03"),
              ("on May 3, 1991", "on January 1, 1992", "1992-01-01", "1991-05-03")]


def _listed(names):
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@pytest.mark.parametrize("effect", EFFECT_PHRASES)
@pytest.mark.parametrize("founders", FOUNDERS)
@pytest.mark.parametrize("signed, effective, value, _", DATE_PAIRS)
def test_membership_founding_takes_the_date_it_took_effect(run, effect, founders, signed, effective, value, _):
    text = f"A treaty establishing Mercosur was signed {signed} by {_listed(founders)} and {effect} {effective}."
    assert _found(run, text) == _each("MERCOSUR", [ISO[f] for f in founders], "found", "founding_member", value)


@pytest.mark.parametrize("founders", FOUNDERS)
@pytest.mark.parametrize("signed, effective, _, value", DATE_PAIRS)
@pytest.mark.parametrize("tail", ["", " and came into force later", " and was hailed {effective} as a milestone"])
def test_membership_founding_without_a_dated_taking_effect_keeps_the_signing_date(run, founders, signed, effective, _, value, tail):
    text = f"A treaty establishing Mercosur was signed {signed} by {_listed(founders)}{tail.format(effective=effective)}."
    assert _found(run, text) == _each("MERCOSUR", [ISO[f] for f in founders], "found", "founding_member", value)


@pytest.mark.parametrize("effect", EFFECT_PHRASES)
@pytest.mark.parametrize("member, iso", [("Greece", "GRC"), ("France", "FRA")])
@pytest.mark.parametrize("announced, effective, value", [("in May 1974", "in August 1974", "1974-08"),
                                                         ("on 2 May 1974", "on 1 August 1974", "1974-08-01")])
def test_membership_withdrawal_takes_the_date_it_took_effect(run, effect, member, iso, announced, effective, value):
    text = f"{member}'s withdrawal from NATO was announced {announced} and {effect} {effective}."
    assert _found(run, text) == [("NATO", iso, "leave", None, value)]


@pytest.mark.parametrize("text, expected", [
    ("Chile will leave Mercosur effective 1 January 2030.", [("MERCOSUR", "CHL", "leave", None, "2030-01-01")]),
    ("Peru became a member of the WTO effective 1 July 1995.", [("WTO", "PER", "join", "member", "1995-07-01")]),
    ("Peru's membership of the WTO became effective on 1 July 1995.", [("WTO", "PER", "join", "member", "1995-07-01")]),
    # "force" and "effect" in a name or after another preposition are no taking effect
    ("Chile was admitted to the Multinational Joint Task Force in May 2010.", [("MNJTF", "CHL", "join", "member", "2010-05")]),
    ("Chile and Peru set up the Multinational Joint Task Force in 1994.",
     [("MNJTF", "CHL", "found", "founding_member", "1994"), ("MNJTF", "PER", "found", "founding_member", "1994")]),
    # taking effect is no change of its own: nobody enters, comes or goes anywhere
    ("The trade treaty between Chile and Peru entered into force on 1 May 2010.", []),
    ("The treaty signed by Chile and Peru with the WTO came into force in May 2010.", []),
    ("A WTO ruling against Chile and Peru took effect in May 2010.", []),
])
def test_membership_taking_effect_dates_a_change_and_is_none_itself(run, text, expected):
    assert _found(run, text) == expected


# An undated change told as the news in the present perfect takes the date of a sentence just
# after that names the act again ("announced the decision on Thursday", "Thursday's vote").
NEWS_CHANGES = [
    ("The European Union has granted {m} candidate status.", "EU", "apply", "candidate"),
    ("{m} has become the 30th member of NATO.", "NATO", "join", "member"),
    ("The World Trade Organization has admitted {m}.", "WTO", "join", "member"),
    ("{m} has been suspended from the Commonwealth.", "COMMONWEALTH", "suspend", None),
]
ACTS_AGAIN = [
    ("Leaders announced the decision on {d}.", "2023-12-12"),
    ("{D}'s decision came after years of talks.", "2023-12-12"),
    ("The vote took place on {d} in Brussels.", "2023-12-12"),
    ("Officials said the decision was taken on 5 December.", "2023-12-05"),
]
PUBLISHED = date(2023, 12, 14)  # a Thursday: "Tuesday" is 2023-12-12


@pytest.mark.parametrize("change, org, action, status", NEWS_CHANGES)
@pytest.mark.parametrize("again, value", ACTS_AGAIN)
@pytest.mark.parametrize("between", ["", " Crowds gathered in the capital.", "\n\nCrowds gathered in the capital. Music played."])
@pytest.mark.parametrize("member, iso", [("Chile", "CHL"), ("the Gambia", "GMB")])
def test_membership_news_change_dated_by_the_act_named_again(run, change, org, action, status, again, value, between, member, iso):
    first = change.format(m=member)
    text = first[0].upper() + first[1:] + between + " " + again.format(d="Tuesday", D="Tuesday")
    assert _found(run, text, PUBLISHED) == [(org, iso, action, status, value)]


@pytest.mark.parametrize("change, org, action, status", NEWS_CHANGES)
@pytest.mark.parametrize("again", [
    # too far: over 400 characters after the change
    "Crowds gathered in the capital, where music played late into the night and people danced in the streets. " * 4
    + "Leaders announced the decision on Tuesday.",
    "Leaders will take a decision on another matter on Friday.",  # another decision, ahead
    "A vote on the budget took place on Tuesday.",  # an indefinite act is another one
])
def test_membership_news_change_not_dated_by_other_acts(run, change, org, action, status, again):
    text = change.format(m="Chile") + " " + again
    assert _found(run, text, PUBLISHED) == [(org, "CHL", action, status, None)]


@pytest.mark.parametrize("member, iso", [("Chile", "CHL"), ("the Gambia", "GMB"), ("Bosnia and Herzegovina", "BIH")])
@pytest.mark.parametrize("text, org, action, status, value", [
    ("{M} will leave the Commonwealth effective 1 January 2030.", "COMMONWEALTH", "leave", None, "2030-01-01"),
    ("The council decided on Monday that {m} will join the WTO, effective from 1 May 2031.", "WTO", "join", "member", "2031-05-01"),
    ("On Tuesday the council agreed that {m} would join the Schengen Area, effective from 1 January 2025.",
     "SCHENGEN", "join", "member", "2025-01-01"),
])
def test_membership_effective_from_dates_the_change_not_the_decision(run, member, iso, text, org, action, status, value):
    sentence = text.format(m=member, M=member[0].upper() + member[1:])
    assert _found(run, sentence) == [(org, iso, action, status, value)]


@pytest.mark.parametrize("member", ["Norway", "the Gambia", "Bosnia and Herzegovina"])
@pytest.mark.parametrize("text", [
    "{M} held a referendum on joining the European Union in 1994.",
    "In 1994 {m} voted in a referendum on leaving the European Union.",
    "The parliament of {m} passed a law on joining the WTO in May 2019.",
    "A report about {m}'s accession to the WTO was published in 2019.",
])
def test_membership_change_that_is_only_a_topic_is_none(run, member, text):
    assert _found(run, text.format(m=member, M=member[0].upper() + member[1:])) == []


@pytest.mark.parametrize("member, iso", [("Norway", "NOR"), ("the Gambia", "GMB")])
@pytest.mark.parametrize("text", ["{M} opened talks on joining the European Union in 1993.",
                                  "{M} opened talks on its accession to the European Union in 1993."])
def test_membership_talks_on_joining_are_an_application(run, member, iso, text):
    assert _found(run, text.format(M=member[0].upper() + member[1:])) == [("EU", iso, "apply", "candidate", None)]


@pytest.mark.parametrize("member, iso", [("Chile", "CHL"), ("the Gambia", "GMB")])
@pytest.mark.parametrize("decided", ["agreed", "decided", "voted"])
def test_membership_decided_future_in_the_past_is_scheduled(run, member, iso, decided):
    text = f"On Tuesday the council {decided} that {member} would join the WTO on 1 May 2031."
    assert _found(run, text) == [("WTO", iso, "join", "member", "2031-05-01")]


@pytest.mark.parametrize("text", [
    "On Tuesday the council did not agree that Chile would join the WTO on 1 May 2031.",  # the deciding negated
    "Chile will join the WTO in 2031 if it meets the terms.",
    "Chile joins the WTO in 2031 unless parliament objects.",
    "On Tuesday the council agreed that Chile would join the WTO if it met the terms.",  # a condition
    "On Tuesday the council hoped that Chile would join the WTO on 1 May 2031.",
])
def test_membership_would_outside_a_decision_stays_unreal(run, text):
    assert _found(run, text) == []


@pytest.mark.parametrize("member, iso", [("Chile", "CHL"), ("the Gambia", "GMB"), ("Bosnia and Herzegovina", "BIH")])
@pytest.mark.parametrize("text, org, action, status", [
    ("In 2017 {m} became the first nation to join the World Trade Organization.", "WTO", "join", "member"),
    ("In 2017 {m} became the first country to withdraw from the International Criminal Court.", "ICC", "leave", None),
    ("In 2017 {m} became the first former colony to rejoin the Commonwealth.", "COMMONWEALTH", "readmit", "member"),
])
def test_membership_the_first_to_change_made_the_change(run, member, iso, text, org, action, status):
    assert (org, iso, action, status, "2017") in _found(run, text.format(m=member))


LEADS = ["{M} on 4 May 2031 became the first South American nation to join a major Asian trading bloc.",
         "{M} on 4 May 2031 joined a regional trading bloc."]


@pytest.mark.parametrize("member, iso", [("Chile", "CHL"), ("the Gambia", "GMB")])
@pytest.mark.parametrize("lead", LEADS)
@pytest.mark.parametrize("gap", [" ", "\n\n"])
def test_membership_a_lead_naming_the_body_in_the_next_sentence(run, member, iso, lead, gap):
    M = member[0].upper() + member[1:]
    text = lead.format(M=M) + gap + f"{M} is now the 12th member of the Comprehensive and Progressive Agreement for Trans-Pacific Partnership."
    assert ("CPTPP", iso, "join", "member", "2031-05-04") in _found(run, text)


@pytest.mark.parametrize("lead", LEADS)
@pytest.mark.parametrize("after", [
    "Chile already belongs to the Pacific Alliance and the Comprehensive and Progressive Agreement for Trans-Pacific Partnership.",  # two bodies
])
def test_membership_a_lead_with_no_single_body_named_for_its_member_next_gives_no_date_to_any(run, lead, after):
    dated = [f for f in _found(run, lead.format(M="Chile") + " " + after) if f[1] == "CHL" and f[4] == "2031-05-04"]
    assert dated == []


# "respectively": the members of a list take the dates of a list in order; generated over list
# shapes, names, the place of the dates, the form of the dates and the wording of the change
RESPECTIVE_MEMBERS = [
    (("Poland", "POL"), ("Bulgaria", "BGR")),
    (("Austria", "AUT"), ("Finland", "FIN"), ("Sweden", "SWE")),
    (("the Czech Republic", "CZE"), ("Croatia", "HRV")),
]
RESPECTIVE_DATES = [(("2004", "2004"), ("2007", "2007"), ("2013", "2013")),
                    (("May 2004", "2004-05"), ("January 2007", "2007-01"), ("July 2013", "2013-07"))]
RESPECTIVE_WORDINGS = [
    ("{members} joined the European Union in {dates}{comma} respectively.", "join", "member"),
    ("{members} were admitted to the European Union in {dates}{comma} respectively.", "join", "member"),
    ("{members} became members of the European Union in {dates}{comma} respectively.", "join", "member"),
    ("In {dates}{comma} respectively, {members} joined the European Union.", "join", "member"),
    ("{members} left the European Union in {dates}{comma} respectively.", "leave", None),
]


def _listed(words):
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


@pytest.mark.parametrize("members", RESPECTIVE_MEMBERS, ids=lambda ms: "-".join(m[1] for m in ms))
@pytest.mark.parametrize("dates", RESPECTIVE_DATES, ids=["years", "months"])
@pytest.mark.parametrize("wording, action, status", RESPECTIVE_WORDINGS, ids=lambda w: str(w)[:18])
@pytest.mark.parametrize("comma", ["", ","])
def test_membership_respectively_pairs_members_and_dates_in_order(run, members, dates, wording, action, status, comma):
    dates = dates[:len(members)]
    text = wording.format(members=_listed([m[0] for m in members]), dates=_listed([d[0] for d in dates]), comma=comma)
    text = text[0].upper() + text[1:]
    expected = sorted(("EU", code, action, status, value) for (_, code), (_, value) in zip(members, dates))
    assert _found(run, text) == expected, text


@pytest.mark.parametrize("text, expected", [
    # no "respectively": one date of the list is the change's, not one each
    ("Poland and Bulgaria joined the European Union in 2004 and 2007.", None),
    # as many dates as members only counting a date of another clause: no pairing
    ("Poland and Bulgaria joined the European Union in 2004 respectively, the commission said on 3 May 2005.", None),
    # three members, two dates: no pairing
    ("Poland, Malta and Bulgaria joined the European Union in 2004 and 2007 respectively.", None),
])
def test_membership_respectively_needs_a_list_of_as_many_dates(run, text, expected):
    found = _found(run, text)
    assert found, text
    assert len({when for *_, when in found}) == 1, (text, found)


# the member named as the noun whose relative clause or participle holds the change: "X were among
# the countries that joined NATO", "the countries joining NATO were X", "those joining included X"
IDENTITY_SHAPES = [
    "{members} were among the countries that {finite} {org} in 2004.",
    "Among the countries that {finite} {org} in 2004 were {members}.",
    "The countries {participle} {org} in 2004 were {members}.",
    "Those {participle} {org} in 2004 included {members}.",
]
IDENTITY_CHANGES = [
    ("joined", "joining", "join", "member"),
    ("left", "leaving", "leave", None),
    ("withdrew from", "withdrawing from", "leave", None),
]
IDENTITY_MEMBERS = [(("Estonia", "EST"), ("Latvia", "LVA")), (("Malta", "MLT"), ("Cyprus", "CYP"), ("Slovenia", "SVN"))]


@pytest.mark.parametrize("shape", IDENTITY_SHAPES, ids=lambda s: s[:22])
@pytest.mark.parametrize("finite, participle, action, status", IDENTITY_CHANGES, ids=lambda c: str(c)[:8])
@pytest.mark.parametrize("members", IDENTITY_MEMBERS, ids=lambda ms: "-".join(m[1] for m in ms))
@pytest.mark.parametrize("org, org_id", [("NATO", "NATO"), ("the European Union", "EU")])
def test_membership_members_named_as_the_noun_of_a_relative_clause(run, shape, finite, participle, action, status,
                                                                 members, org, org_id):
    text = shape.format(members=_listed([m[0] for m in members]), finite=finite, participle=participle, org=org)
    assert _found(run, text) == _each(org_id, [m[1] for m in members], action, status, "2004"), text


@pytest.mark.parametrize("text, expected", [
    ("Malta and Cyprus were among the ten states that the European Union admitted in 2004.",
     _each("EU", ("CYP", "MLT"), "join", "member", "2004")),
    ("Mali was among the states that the African Union suspended in 2021.", [("AU", "MLI", "suspend", None, "2021")]),
    # only the one the relative clause's change is about
    ("Estonia was among the countries that hailed Latvia joining NATO in 2004.", [("NATO", "LVA", "join", "member", "2004")]),
    # not identified with the noun: the countries border them
    ("The countries that joined NATO in 2004 border Estonia and Latvia.", []),
    # the change of the relative clause is refused, or no change at all
    ("Estonia was among the countries that refused to join NATO in 2004.", []),
    ("Estonia was among the countries that criticised NATO in 2004.", []),
])
def test_membership_noun_of_a_relative_clause_shapes_and_negatives(run, text, expected):
    assert _found(run, text) == expected, text


# a further standing coordinated with the first, with a date of its own, is a change of its own
FURTHER_SHAPES = [
    "{members} became {first_a} of the SCO in {d1} and {second_a} in {d2}.",
    "{members} gained {first_bare} status in the SCO in {d1} and {second_bare} in {d2}.",
    "{members} {were} granted {first_bare} status in the SCO in {d1} and {second_bare} in {d2}.",
    "The SCO granted {members} {first_bare} status in {d1} and {second_bare} in {d2}.",
]
FURTHER_STANDINGS = [
    # (first with article, first bare, status), (second with article, second bare, status)
    (("a dialogue partner", "dialogue partner", "dialogue_partner"), ("a full member", "full membership", "member")),
    (("an observer", "observer", "observer"), ("a full member", "full membership", "member")),
    (("a dialogue partner", "dialogue partner", "dialogue_partner"), ("an observer", "observer", "observer")),
]


@pytest.mark.parametrize("shape, first, second", [
    (shape, first, second) for shape in FURTHER_SHAPES for first, second in FURTHER_STANDINGS
    if "{second_bare}" not in shape or second[2] != "observer"  # "observer status ... and observer": no English
], ids=lambda v: v[:24] if isinstance(v, str) else v[2])
@pytest.mark.parametrize("members", [(("Egypt", "EGY"),), (("Egypt", "EGY"), ("Qatar", "QAT"))], ids=len)
@pytest.mark.parametrize("d1, v1, d2, v2", [("2009", "2009", "2016", "2016"), ("June 2009", "2009-06", "July 2016", "2016-07")],
                         ids=["years", "months"])
def test_membership_a_further_standing_with_its_own_date(run, shape, first, second, members, d1, v1, d2, v2):
    text = shape.format(members=_listed([m[0] for m in members]), first_a=first[0] if len(members) == 1 else first[0].split(" ", 1)[1] + "s",
                        second_a=second[0] if len(members) == 1 else second[0].split(" ", 1)[1] + "s",
                        first_bare=first[1], second_bare=second[1], were="was" if len(members) == 1 else "were", d1=d1, d2=d2)
    expected = sorted([*_each("SCO", [m[1] for m in members], "join", first[2], v1),
                       *_each("SCO", [m[1] for m in members], "join", second[2], v2)])
    assert _found(run, text) == expected, text


@pytest.mark.parametrize("text, expected", [
    # no date of its own: one change with two names, or the second left undated
    ("Egypt became a dialogue partner of the SCO in 2009 and then a full member.", [("SCO", "EGY", "join", "dialogue_partner", "2009")]),
    # not a standing
    ("Egypt became a dialogue partner of the SCO in 2009 and a major buyer in 2016.", [("SCO", "EGY", "join", "dialogue_partner", "2009")]),
    # in a relative clause
    ("Egypt, which became a dialogue partner of the SCO in 2009 and a full member in 2016, hosts the summit.",
     [("SCO", "EGY", "join", "dialogue_partner", "2009"), ("SCO", "EGY", "join", "member", "2016")]),
])
def test_membership_further_standings_shapes_and_negatives(run, text, expected):
    assert _found(run, text) == sorted(expected), text



# a further organization of the same change, with a date of its own
FURTHER_ORG_SHAPES = [
    ("{members} joined {o1} in {d1} and {o2} in {d2}.", "join", "member"),
    ("{members} left {o1} in {d1} and {o2} in {d2}.", "leave", None),
    ("{members} {were} admitted to {o1} in {d1} and {o2} in {d2}.", "join", "member"),
    ("The talks were held in {members}, which joined {o1} in {d1} and {o2} in {d2}.", "join", "member"),
]
FURTHER_ORGS = [(("NATO", "NATO"), ("the European Union", "EU")), (("the European Union", "EU"), ("Euratom", "EURATOM")),
                (("the WTO", "WTO"), ("the OECD", "OECD"))]


@pytest.mark.parametrize("shape, action, status", FURTHER_ORG_SHAPES, ids=lambda v: str(v)[:20])
@pytest.mark.parametrize("orgs", FURTHER_ORGS, ids=lambda o: "-".join(x[1] for x in o))
@pytest.mark.parametrize("members", [(("Poland", "POL"),), (("Poland", "POL"), ("Hungary", "HUN"))], ids=len)
@pytest.mark.parametrize("d1, v1, d2, v2", [("1999", "1999", "2004", "2004"), ("March 1999", "1999-03", "May 2004", "2004-05")],
                         ids=["years", "months"])
def test_membership_a_further_organization_with_its_own_date(run, shape, action, status, orgs, members, d1, v1, d2, v2):
    if "which" in shape and len(members) > 1:
        members = members[:1]  # "in Poland and Hungary, which ...": the relative clause is the last one's
    text = shape.format(members=_listed([m[0] for m in members]), were="was" if len(members) == 1 else "were",
                        o1=orgs[0][0], o2=orgs[1][0], d1=d1, d2=d2)
    expected = sorted([*_each(orgs[0][1], [m[1] for m in members], action, status, v1),
                       *_each(orgs[1][1], [m[1] for m in members], action, status, v2)])
    assert _found(run, text) == expected, text


@pytest.mark.parametrize("text, expected", [
    ("Poland joined NATO in 1999 and the WTO talks in 2004.", [("NATO", "POL", "join", "member", "1999")]),
    ("Poland joined the European Union in 2004 with the support of NATO in 2003.", [("EU", "POL", "join", "member", "2004")]),
    ("Poland joined the European Union in 2004, and the WTO said in 2005 that it was pleased.",
     [("EU", "POL", "join", "member", "2004")]),
    ("Poland joined NATO and the European Union in 2004.",
     [("EU", "POL", "join", "member", "2004"), ("NATO", "POL", "join", "member", "2004")]),
])
def test_membership_further_organizations_shapes_and_negatives(run, text, expected):
    assert _found(run, text) == sorted(expected), text


# a state that follows a change just told, by a follow verb or a pro-verb
@pytest.mark.parametrize("follows", ["followed", "followed suit", "did so", "did the same", "did likewise"])
@pytest.mark.parametrize("first, action, status", [("joined NATO", "join", "member"), ("left the WTO", "leave", None)],
                         ids=["join", "leave"])
@pytest.mark.parametrize("joint", [", and ", "; ", ". "])
@pytest.mark.parametrize("when, value", [("in 2024", "2024"), ("in March 2024", "2024-03"), ("a year later", "2024")])
def test_membership_a_state_following_a_change_just_told(run, follows, first, action, status, joint, when, value):
    text = f"Finland {first} in 2023{joint}{'S' if joint != ', and ' else 's'}weden {follows} {when}."
    text = text.replace("sweden", "Sweden")
    org = "NATO" if "NATO" in first else "WTO"
    assert _found(run, text) == sorted([(org, "FIN", action, status, "2023"), (org, "SWE", action, status, value)]), text


@pytest.mark.parametrize("text", [
    "Finland joined NATO in 2023, and Sweden did the work in 2024.",
    "Finland joined NATO in 2023. Sweden did not do so.",
    "Finland joined NATO in 2023, but Sweden said it would do so later.",
    "Finland joined NATO in 2023. Sweden followed the debate closely.",
])
def test_membership_following_negatives(run, text):
    assert _found(run, text) == [("NATO", "FIN", "join", "member", "2023")], text


# a change in a clause placed before or after another takes no date of the other clause, nor
# the other clause a date of it
@pytest.mark.parametrize("lead", ["", "33 years ", "shortly ", "a decade "])
@pytest.mark.parametrize("word", ["after", "before"])
@pytest.mark.parametrize("member, code", [("Morocco", "MAR"), ("the Gambia", "GMB")])
def test_membership_a_clause_placed_in_time_keeps_its_own_date(run, lead, word, member, code):
    name = member[0].upper() + member[1:]
    text = f"{name} rejoined the African Union on 30 January 2017, {lead}{word} it quit the bloc."
    assert _found(run, text, date(2017, 1, 31)) == sorted([("AU", code, "readmit", "member", "2017-01-30"), ("AU", code, "leave", None, None)]), text
    text = f"{word.title()} it joined NATO in 2004, {member} left the Warsaw Pact."
    found = _found(run, text)
    assert ("NATO", code, "join", "member", "2004") in found and all(f[4] is None for f in found if f[2] == "leave"), (text, found)


def test_membership_a_since_clause_still_dates_the_state(run):
    assert _found(run, "Estonia has been a member of NATO since 2004.") == [("NATO", "EST", "join", "member", "2004")]
    assert _found(run, "Morocco rejoined the African Union in 2017 after it quit the bloc in 1984.") == sorted(
        [("AU", "MAR", "readmit", "member", "2017"), ("AU", "MAR", "leave", None, "1984")])


# a leader's "his country", "her country": the country named with the leader
@pytest.mark.parametrize("leader, code", [("Burundi's President Pierre Nkurunziza", "BDI"), ("Philippine President Rodrigo Duterte", "PHL"),
                                          ("The Gambian leader Yahya Jammeh", "GMB"), ("Kenya's President Jane Doe", "KEN")])
@pytest.mark.parametrize("change", [
    "signed a decree withdrawing {pos} country from the International Criminal Court",
    "said {pos} country had left the International Criminal Court",
    "pulled {pos} country out of the International Criminal Court",
])
@pytest.mark.parametrize("pos", ["his", "her"])
def test_membership_a_leaders_country_is_the_member(run, leader, code, change, pos):
    text = f"{leader} {change.format(pos=pos)} in 2017."
    assert [(m[0], m[1], m[2]) for m in _found(run, text)] == [("ICC", code, "leave")], text


@pytest.mark.parametrize("text", [
    "President Macron said his country would stay in NATO.",  # no change
    "Kenya's president said his country would host the African Union summit.",  # no membership
    "Kenya's president said their countries had left the International Criminal Court.",  # plural: not his country
])
def test_membership_a_leaders_country_negatives(run, text):
    assert _found(run, text) == [], text


# the date of a saying dates an application made as it is said, not a change said to come or done
@pytest.mark.parametrize("verb", ["said", "announced"])
@pytest.mark.parametrize("clause, expected", [
    ("it is applying to join the WTO", ("WTO", "SWE", "apply", "candidate", "2024-05-09")),
    ("it formally applies to join the WTO", ("WTO", "SWE", "apply", "candidate", "2024-05-09")),
    ("it would apply to join the WTO", ("WTO", "SWE", "apply", "candidate", None)),
    ("it had applied to join the WTO", ("WTO", "SWE", "apply", "candidate", None)),
    ("it is leaving the WTO", ("WTO", "SWE", "leave", None, None)),
    ("it would leave the WTO", ("WTO", "SWE", "leave", None, None)),
])
def test_membership_the_saying_date_dates_only_an_application_made_as_said(run, verb, clause, expected):
    text = f"Sweden {verb} on Thursday that {clause}."
    assert _found(run, text, date(2024, 5, 15)) == [expected], text


# a standing dated by a since-clause that holds a date
@pytest.mark.parametrize("member, code", [("Estonia", "EST"), ("Latvia", "LVA")])
@pytest.mark.parametrize("org, org_id", [("NATO", "NATO"), ("the European Union", "EU")])
@pytest.mark.parametrize("since, value", [("since it joined in 2004", "2004"), ("since it joined on 1 May 2004", "2004-05-01"),
                                          ("ever since it was admitted in March 2004", "2004-03")])
@pytest.mark.parametrize("be", ["has been", "is"])
def test_membership_a_member_since_a_dated_clause(run, member, code, org, org_id, since, value, be):
    text = f"{member} {be} a member of {org} {since}."
    assert _found(run, text) == [(org_id, code, "join", "member", value)], text


@pytest.mark.parametrize("text", ["Estonia has been a member of NATO since it was founded.",
                                  "Estonia has been a member of NATO since talks began."])
def test_membership_a_member_since_an_undated_clause_is_a_state(run, text):
    assert _found(run, text) == [], text
