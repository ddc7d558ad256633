"""Families of membership wordings the candidate stage reads (issue #21), each tested with its
generated variants (list shapes, member names, organizations, date positions, voice) and its
negatives, never one sentence. Sentences written for these tests."""

from __future__ import annotations

import itertools

import pytest

from conftest import of_type
from extractor.nlp.entities import country_name

# (names as written in a list, their ISO codes): two, three and four members, names with "the"
LISTS = [
    (["Chile", "Peru"], ["CHL", "PER"]),
    (["Estonia", "the Netherlands", "Slovakia"], ["EST", "NLD", "SVK"]),
    (["Ghana", "Kenya", "the Philippines", "Bosnia and Herzegovina"], ["BIH", "GHA", "KEN", "PHL"]),
]
DATES = [("in March 2014", "2014-03"), ("on 4 May 2011", "2011-05-04"), ("in 1994", "1994")]


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _facts(run, text):
    return sorted((m.organization.id, m.member.id, m.action, m.status, m.date.value if m.date else None)
                  for m in of_type(run(text), "membership"))


def _variants(templates, orgs):
    """Every template with every list of members, organization and date: (text, expected)."""
    for (template, action, status), (names, codes), (org_name, org_id), (when, value) in itertools.product(
            templates, LISTS, orgs, DATES):
        text = template.format(M=_listed(names), O=org_name, D=when)
        text = text[0].upper() + text[1:]
        yield text, sorted((org_id, code, action, status, value) for code in codes)


def _ids(cases):
    return [f"{n}" for n in range(len(cases))]


# A body of an organization is that body, named elsewhere in the text ("the BRICS development bank")
BODY_TEXTS = [
    ("The New Development Bank grew. The BRICS development bank admitted {M} as members {D}.", "join", "member"),
    ("The New Development Bank grew. {M} were admitted {D} by the BRICS development bank.", "join", "member"),
    ("UNESCO said so. {M} pulled out of the UN's culture and education body {D}.", "leave", None),
    ("UNESCO said so. {D}, {M} withdrew from the UN's culture and education agency.", "leave", None),
]
BODY = [(t.format(M=_listed(n), D=w), sorted(("NDB" if "Bank" in t else "UNESCO", c, a, s, v) for c in codes))
        for (t, a, s), (n, codes), (w, v) in itertools.product(BODY_TEXTS, LISTS, DATES)]


@pytest.mark.parametrize("text, expected", BODY, ids=_ids(BODY))
def test_membership_wordings_a_body_of_an_organization_is_that_body(run, text, expected):
    assert _facts(run, text) == expected


@pytest.mark.parametrize("names, codes", LISTS)
def test_membership_wordings_a_body_no_text_names_gives_no_record(run, names, codes):
    assert _facts(run, f"The BRICS development bank admitted {_listed(names)} in 2015.") == []
    assert _facts(run, f"{_listed(names)} pulled out of the UN's culture body in 2015.") == []


@pytest.mark.parametrize("org, org_id", [("the BRICS economic group", "BRICS"), ("the NATO alliance", "NATO")])
@pytest.mark.parametrize("names, codes", LISTS)
def test_membership_wordings_a_word_for_the_organization_itself_is_it(run, org, org_id, names, codes):
    assert _facts(run, f"{_listed(names)} applied to join {org} in 2015.") == sorted(
        (org_id, c, "apply", "candidate", "2015") for c in codes)


@pytest.mark.parametrize("names, codes", LISTS)
def test_membership_wordings_an_organ_deciding_on_members_is_the_organization(run, names, codes):
    assert _facts(run, f"The EU Council admitted {_listed(names)} as members in 2013.") == sorted(
        ("EU", c, "join", "member", "2013") for c in codes)


# Accession talks with X: X applies
TALKS = list(_variants([
    ("{O} opened accession negotiations with {M} {D}.", "apply", "candidate"),
    ("{O} said it would open membership talks with {M} {D}.", "apply", "candidate"),
], [("the European Union", "EU"), ("NATO", "NATO")]))


@pytest.mark.parametrize("text, expected", TALKS, ids=_ids(TALKS))
def test_membership_wordings_accession_talks_with_a_state_are_its_application(run, text, expected):
    assert [f[:4] for f in _facts(run, text)] == [e[:4] for e in expected]


@pytest.mark.parametrize("names, codes", LISTS)
def test_membership_wordings_other_talks_with_a_state_are_none(run, names, codes):
    assert _facts(run, f"NATO held talks with {_listed(names)} on security in 2015.") == []
    assert _facts(run, f"The EU opened trade negotiations with {_listed(names)} in 2015.") == []


# Founders named as the agent: by the states, by their leaders, a treaty signed by them
FOUNDERS = list(_variants([
    ("{O} was set up {D} by {M}.", "found", "founding_member"),
    ("{O} was set up {D} by the presidents of {M}.", "found", "founding_member"),
    ("The treaty establishing {O} was signed {D} by the leaders of {M}.", "found", "founding_member"),
    ("A treaty on the creation of {O} was signed by the heads of state of {M} {D}.", "found", "founding_member"),
    ("The presidents of {M} signed the treaty creating {O} {D}.", "found", "founding_member"),
], [("the Andean Community", "ANDEAN_COMMUNITY"), ("Mercosur", "MERCOSUR")]))


@pytest.mark.parametrize("text, expected", FOUNDERS, ids=_ids(FOUNDERS))
def test_membership_wordings_founders_named_as_the_agent(run, text, expected):
    assert _facts(run, text) == expected


@pytest.mark.parametrize("names, codes", LISTS)
def test_membership_wordings_what_founders_set_up_or_sign_otherwise_is_none(run, names, codes):
    assert _facts(run, f"Mercosur met. {_listed(names)} set up a committee on trade with the bloc in 2015.") == []
    assert _facts(run, f"The leaders of {_listed(names)} signed a trade deal with Mercosur in 2015.") == []


# "X and Y are now members": a change; "X is a member": a standing
NOW = list(_variants([
    ("{M} are now members of {O}, officials said {D}.", "join", "member"),
    ("{M} are now {O} member countries, the ministry said {D}.", "join", "member"),
], [("NATO", "NATO"), ("the African Union", "AU")]))


@pytest.mark.parametrize("text, expected", NOW, ids=_ids(NOW))
def test_membership_wordings_now_members_is_an_accession(run, text, expected):
    assert [f[:4] for f in _facts(run, text)] == [e[:4] for e in expected]


@pytest.mark.parametrize("names, codes", LISTS)
def test_membership_wordings_a_standing_or_an_area_now_covering_members_is_none(run, names, codes):
    assert _facts(run, f"{_listed(names)} are members of NATO.") == []
    assert _facts(run, f"The Schengen area now covers 27 countries, among them {_listed(names)}.") == []


# A membership put on hold is a suspension; a withdrawal revoked or reversed is no change
@pytest.mark.parametrize("org, org_id", [("the CSTO", "CSTO"), ("the Commonwealth", "COMMONWEALTH")])
@pytest.mark.parametrize("when, value", DATES)
@pytest.mark.parametrize("hold", ["on hold", "on ice"])
def test_membership_wordings_a_membership_put_on_hold_is_suspended(run, org, org_id, when, value, hold):
    assert _facts(run, f"Armenia put its membership in {org} {hold} {when}.") == [(org_id, "ARM", "suspend", None, value)]


@pytest.mark.parametrize("text", [
    "South Africa's withdrawal from the International Criminal Court was revoked in March 2017.",
    "The new government of Gambia reversed its withdrawal from the International Criminal Court in February 2017.",
    "Kenya's withdrawal from the International Criminal Court was reversed on 3 May 2017.",
])
def test_membership_wordings_a_withdrawal_undone_is_no_change(run, text):
    assert [f for f in _facts(run, text) if f[2] in ("leave", "expel")] == []


# A change as what something is about, or as what the first of another change is
@pytest.mark.parametrize("text", [
    "Sri Lanka was a member of a working group on Russia's accession to the WTO.",
    "The ministry published a report on Serbia's accession to the European Union in 2015.",
    "Experts met for a conference about Ukraine's membership of NATO in 2019.",
])
def test_membership_wordings_a_change_as_a_topic_is_none(run, text):
    assert [f for f in _facts(run, text) if f[1] in ("RUS", "SRB", "UKR")] == []


@pytest.mark.parametrize("org, org_id", [("the International Criminal Court", "ICC"), ("OPEC", "OPEC")])
def test_membership_wordings_becoming_the_first_to_leave_is_a_withdrawal_only(run, org, org_id):
    assert _facts(run, f"Burundi became the first country to withdraw from {org} in 2017.") == [
        (org_id, "BDI", "leave", None, "2017")]


# Lists the parse hangs on a name or a conjunct: each member keeps its place
@pytest.mark.parametrize("names, codes", LISTS)
def test_membership_wordings_every_item_of_a_list_whose_efforts_are_welcomed_is_none(run, names, codes):
    text = f"The leaders welcomed the efforts of {_listed(names)} to prepare for NATO membership."
    assert _facts(run, text) == []


@pytest.mark.parametrize("names, codes", LISTS)
def test_membership_wordings_a_state_appealing_to_bar_another_is_none(run, names, codes):
    text = f"{_listed(names)} appealed to ASEAN to bar Burma's admittance in 1997."
    assert [f for f in _facts(run, text) if f[1] in codes] == []


# A capital stands for its state's government where it acts: subject, possessor, "from" / "by"
CAPITALS = [("Ankara", "TUR"), ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Bogotá", "COL"), ("Minsk", "BLR")]
CAPITAL_TEXTS = [
    ("{C} applied to join {O} {D}.", "apply", "candidate"),
    ("{D}, {C} formally applied for membership of {O}.", "apply", "candidate"),
    ("{O} received a membership request from {C} {D}.", "apply", "candidate"),
    ("{C} left {O} {D}.", "leave", None),
    ("{C} was suspended from {O} {D}.", "suspend", None),
]
CAPITAL_CASES = [(t.format(C=c, O=o, D=w)[0].upper() + t.format(C=c, O=o, D=w)[1:], [(oid, code, a, s, v)])
                 for (t, a, s), (c, code), (o, oid), (w, v) in itertools.product(
                     CAPITAL_TEXTS, CAPITALS, [("the SCO", "SCO"), ("the Commonwealth", "COMMONWEALTH")], DATES[:2])]


@pytest.mark.parametrize("text, expected", CAPITAL_CASES, ids=_ids(CAPITAL_CASES))
def test_membership_wordings_a_capital_acting_is_its_state(run, text, expected):
    facts = _facts(run, text)
    assert [f[:4] for f in facts] == [e[:4] for e in expected]
    assert [f[4] for f in facts] in ([e[4] for e in expected], [None])  # a process ("a request") may stay undated


def test_membership_wordings_a_capital_acting_is_named_as_its_state(run):
    records = of_type(run("Ankara applied to join the SCO in 2015."), "membership")
    assert [(r.member.id, r.member.name) for r in records] == [("TUR", country_name("TUR"))]


@pytest.mark.parametrize("capital", [c for c, _ in CAPITALS])
@pytest.mark.parametrize("template", [
    "The summit in {C} admitted Kenya to the SCO in 2015.",
    "Leaders met in {C} as Kenya joined the SCO in 2015.",
    "Kenya joined the SCO at a ceremony at {C} in 2015.",
])
def test_membership_wordings_a_capital_as_a_place_is_no_member(run, capital, template):
    assert [f[1] for f in _facts(run, template.format(C=capital))] == ["KEN"]


def test_membership_wordings_a_capital_often_something_else_is_no_state(run):
    assert _facts(run, "Washington applied to join the SCO in 2015.") == []


# A state named beside a status noun in the party phrase of a process: the process decides
@pytest.mark.parametrize("names, codes", LISTS)
@pytest.mark.parametrize("org, org_id", [("The EU", "EU"), ("NATO", "NATO")])
def test_membership_wordings_accession_talks_with_fellow_members_are_an_application(run, names, codes, org, org_id):
    text = f"Officials announced that {org} would open accession negotiations with fellow partnership members {_listed(names)}."
    assert [f[:4] for f in _facts(run, text)] == sorted((org_id, c, "apply", "candidate") for c in codes)


# "saw X and Y join", "joined them", "left its predecessor": the cue and its object as news writes them
@pytest.mark.parametrize("names, codes", LISTS)
@pytest.mark.parametrize("when, value", DATES)
def test_membership_wordings_an_enlargement_that_saw_states_join(run, names, codes, when, value):
    text = f"The SCO met. The latest round of enlargement {when} saw {_listed(names)} join."
    assert _facts(run, text) == sorted(("SCO", c, "join", "member", value) for c in codes)


@pytest.mark.parametrize("names, codes", LISTS)
def test_membership_wordings_joining_them_or_leaving_a_predecessor(run, names, codes):
    joined = f"Initially Brazil and China joined BRICS, and {_listed(names)} joined them in 2010."
    assert [f for f in _facts(run, joined) if f[1] in codes] == sorted(("BRICS", c, "join", "member", "2010") for c in codes)
    left = f"{_listed(names)} left the AU's predecessor, the Organisation of African Unity, in 1984."
    assert _facts(run, left) == sorted(("AU", c, "leave", None, "1984") for c in codes)


# "X along with Y and Z", "X together with Y": the companions stand where X does, subject or object
COMPANY = ["along with", "together with"]
COMPANY_TEXTS = [
    ("{O} admitted {A} {W} {R} {D}.", "join", "member"),
    ("{D}, {O} readmitted {A} {W} {R}.", "readmit", "member"),
    ("{O} expelled {A} {W} {R} {D}.", "expel", None),
    ("{O} suspended {A} {W} {R} {D}.", "suspend", None),
    ("{O} will admit {A} {W} {R} {D}.", "join", "member"),
    ("{A}, {W} {R}, joined {O} {D}.", "join", "member"),
    ("{A}, {W} {R}, was expelled from {O} {D}.", "expel", None),
]
COMPANY_CASES = [
    (t.format(O=o, A=names[0], W=w, R=_listed(names[1:]), D=when)[0].upper()
     + t.format(O=o, A=names[0], W=w, R=_listed(names[1:]), D=when)[1:],
     sorted((oid, c, a, s, v) for c in codes))
    for (t, a, s), w, (names, codes), (o, oid), (when, v) in itertools.product(
        COMPANY_TEXTS, COMPANY, LISTS, [("the African Union", "AU"), ("the Commonwealth", "COMMONWEALTH")], DATES[:2])]


@pytest.mark.parametrize("text, expected", COMPANY_CASES, ids=_ids(COMPANY_CASES))
def test_membership_wordings_states_along_with_a_member_change_too(run, text, expected):
    assert _facts(run, text) == expected


@pytest.mark.parametrize("w", COMPANY)
@pytest.mark.parametrize("names, codes", LISTS)
def test_membership_wordings_states_along_with_an_invited_one_are_invited_too(run, w, names, codes):
    text = f"The African Union invited {names[0]} {w} {_listed(names[1:])} to join in 2014."
    assert _facts(run, text) == []


# An "as" phrase names the standing: "joined the bloc as observers", "rejoined as an associate member"
AS_STATUS = list(_variants([
    ("{M} joined {O} as observers {D}.", "join", "observer"),
    ("{D}, {M} joined {O} as associate members.", "join", "associate"),
    ("{O} admitted {M} as observers {D}.", "join", "observer"),
    ("{M} rejoined {O} as associate members {D}.", "join", "associate"),
    ("{M} joined {O} as full members {D}.", "join", "member"),
], [("the African Union", "AU"), ("ASEAN", "ASEAN")]))


@pytest.mark.parametrize("text, expected", AS_STATUS, ids=_ids(AS_STATUS))
def test_membership_wordings_an_as_phrase_names_the_standing(run, text, expected):
    assert _facts(run, text) == expected


def test_membership_wordings_rejoining_as_a_member_is_a_readmission(run):
    assert _facts(run, "Chile rejoined the Andean Community in 2006.") == [
        ("ANDEAN_COMMUNITY", "CHL", "readmit", "member", "2006")]


# An application dated on the noun itself: "X's application in June 2012 to join Y is pending"
APPLICATION_DATED = [
    (f"{name}'s application {when} to join {o} is still pending.", [(oid, code, "apply", "candidate", v)])
    for (name, code), (o, oid), (when, v) in itertools.product(
        [("Chile", "CHL"), ("the Philippines", "PHL"), ("Bosnia and Herzegovina", "BIH")],
        [("the African Union", "AU"), ("the WTO", "WTO")], DATES)]


@pytest.mark.parametrize("text, expected", APPLICATION_DATED, ids=_ids(APPLICATION_DATED))
def test_membership_wordings_an_application_dated_on_the_noun(run, text, expected):
    if text.startswith("the"):
        text = "T" + text[1:]
    assert _facts(run, text) == expected


# "took in X in 1973 and Y in 1981": a phrasal verb whose object the parse hangs on the particle,
# each item with its own date
TAKEN_IN = [[("Chile", "CHL", "1973"), ("Peru", "PER", "1981")],
            [("Estonia", "EST", "1995"), ("the Netherlands", "NLD", "2004"), ("Slovakia", "SVK", "2007")],
            [("Ghana", "GHA", "1973"), ("Kenya", "KEN", "1981"), ("the Philippines", "PHL", "1986"),
             ("Bosnia and Herzegovina", "BIH", "1995")]]


@pytest.mark.parametrize("o, oid", [("The European Union", "EU"), ("The African Union", "AU"), ("It", "AU")])
@pytest.mark.parametrize("items", TAKEN_IN)
def test_membership_wordings_taking_in_states_one_date_each(run, o, oid, items):
    text = ("The African Union met. " if o == "It" else "") + f"{o} took in {_listed([f'{n} in {y}' for n, _, y in items])}."
    assert _facts(run, text) == sorted((oid, code, "join", "member", y) for _, code, y in items)


# Founders named: "X and Y were among the founding members of Z" is the founding (GUIDELINES 4.2),
# dated by the organization's creation when a relative clause gives it, never by another clause
FOUNDING_NAMED = list(_variants([
    ("{M} were among the founding members of {O}, which was created {D}.", "found", "founding_member"),
    ("{M} were founding members of {O}, which was set up {D}.", "found", "founding_member"),
], [("the African Union", "AU"), ("the Commonwealth", "COMMONWEALTH")]))


@pytest.mark.parametrize("text, expected", FOUNDING_NAMED, ids=_ids(FOUNDING_NAMED))
def test_membership_wordings_founders_named_among_the_founding_members(run, text, expected):
    assert _facts(run, text) == expected


@pytest.mark.parametrize("when, value", DATES)
def test_membership_wordings_a_founder_in_apposition_takes_no_date_of_the_clause(run, when, value):
    assert _facts(run, f"{when[0].upper() + when[1:]}, Chile, a founding member of the African Union, said it would stay.") == [
        ("AU", "CHL", "found", "founding_member", None)]


# "X and Y, members of Z since 2015, have ...": the parse hangs "since" on the names
@pytest.mark.parametrize("names, codes", LISTS)
@pytest.mark.parametrize("when, value", [("2015", "2015"), ("March 2014", "2014-03"), ("4 May 2011", "2011-05-04")])
def test_membership_wordings_members_since_in_apposition(run, names, codes, when, value):
    text = f"{_listed(names)}, members of the African Union since {when}, have small armies."
    assert _facts(run, text[0].upper() + text[1:]) == sorted(("AU", c, "join", "member", value) for c in codes)


# A counted noun the colon list names: "three countries left the bloc: X, Y and Z"
COLON_TEXTS = [
    ("The African Union met. {N} countries left the organisation {D}: {M}.", "leave", None),
    ("The African Union met. The bloc suspended {N} countries {D}: {M}.", "suspend", None),
    ("The African Union met. {D}, the organization expelled {n} states: {M}.", "expel", None),
]
NUMBER_WORDS = {2: "two", 3: "three", 4: "four"}
COLON = [(t.format(N=NUMBER_WORDS[len(names)].capitalize(), n=NUMBER_WORDS[len(names)], M=_listed(names),
                   D=when if not t.startswith("The African Union met. {D}") else when).replace("met. in", "met. In").replace("met. on", "met. On"),
          sorted(("AU", c, a, s, v) for c in codes))
         for (t, a, s), (names, codes), (when, v) in itertools.product(COLON_TEXTS, LISTS, DATES)]


@pytest.mark.parametrize("text, expected", COLON, ids=_ids(COLON))
def test_membership_wordings_a_colon_list_names_the_counted_states(run, text, expected):
    assert _facts(run, text) == expected


def test_membership_wordings_the_word_union_inside_a_name_is_no_word_for_it(run):
    assert _facts(run, "Exports entering Chile from the European Union fell 3% in 2004.") == []


# One list, one fate: every item listed with a member shares its change, whatever the parse
# makes of the list ("lifted the suspension of X along with Y", "X as well as Y were granted")
LIST_MATE_TEXTS = [
    ("The African Union lifted the suspension of {A} {W} {R} {D}.", "readmit", "member"),
    ("The accession of {A} {W} {R} to the African Union {D} ended a long wait.", "join", "member"),
    ("{D}, {A}, {W} {R}, was welcomed into the African Union.", "join", "member"),
    ("{D}, the African Union granted {A} {W} {R} candidate status.", "apply", "candidate"),
    ("{A} {W} {R} were granted observer status in the African Union {D}.", "join", "observer"),
]
def _capitalized(text: str) -> str:
    return text[0].upper() + text[1:]


LIST_MATES = [
    (_capitalized(t.format(A=names[0], W=w, R=_listed(names[1:]), D=when)), sorted(("AU", c, a, s, v) for c in codes))
    for (t, a, s), w, (names, codes), (when, v) in itertools.product(
        LIST_MATE_TEXTS, ["along with", "together with", "as well as"], LISTS, DATES[:2])]


@pytest.mark.parametrize("text, expected", LIST_MATES, ids=_ids(LIST_MATES))
def test_membership_wordings_every_item_of_a_list_shares_its_change(run, text, expected):
    assert _facts(run, text) == expected


@pytest.mark.parametrize("names, codes", LISTS)
def test_membership_wordings_a_list_beside_a_change_of_another_is_not_its_list(run, names, codes):
    text = f"{_listed(names)} signed a deal on Turkey's entry into the WTO in 2006."
    assert [f for f in _facts(run, text) if f[1] != "TUR"] == []


@pytest.mark.parametrize("w", ["along with", "together with", "and"])
@pytest.mark.parametrize("names, codes", LISTS)
def test_membership_wordings_invited_to_join_is_no_join_however_parsed(run, w, names, codes):
    text = f"Last year, the International Maritime Organization invited {names[0]} {w} {_listed(names[1:])} to join."
    assert _facts(run, text) == []


@pytest.mark.parametrize("items", TAKEN_IN)
@pytest.mark.parametrize("verb", ["took in", "expanded to take in"])
def test_membership_wordings_the_organisation_took_in_items_with_their_dates(run, items, verb):
    text = f"The African Union met. The organisation {verb} {_listed([f'{n} in {y}' for n, _, y in items])}."
    assert _facts(run, text) == sorted(("AU", code, "join", "member", y) for _, code, y in items)


@pytest.mark.parametrize("names, codes", LISTS)
def test_membership_wordings_founded_by_counted_states_listed_after_a_colon(run, names, codes):
    count = {2: "two", 3: "three", 4: "four"}[len(names)]
    text = f"The African Union met. The organisation was founded by {count} countries: {_listed(names)}."
    assert _facts(run, text) == sorted(("AU", c, "found", "founding_member", None) for c in codes)


# "X's drive to become a member": a process, so an application (no date: a drive is no act)
@pytest.mark.parametrize("noun", ["drive", "bid", "quest"])
@pytest.mark.parametrize("name, code", [("Chile", "CHL"), ("the Netherlands", "NLD"), ("Bosnia and Herzegovina", "BIH")])
def test_membership_wordings_a_drive_to_become_a_member_is_an_application(run, noun, name, code):
    text = _capitalized(f"{name}'s {noun} to become a member of the African Union began in 2010.")
    assert _facts(run, text) == [("AU", code, "apply", "candidate", None)]


# Named a standing: "the bloc named X and Y official candidate countries"
@pytest.mark.parametrize("verb", ["named", "designated", "declared"])
@pytest.mark.parametrize("names, codes", LISTS)
def test_membership_wordings_states_named_candidate_countries(run, verb, names, codes):
    text = f"The African Union {verb} {_listed(names)} official candidate countries in 2014."
    assert [f[:4] for f in _facts(run, text)] == sorted(("AU", c, "apply", "candidate") for c in codes)


def test_membership_wordings_member_states_named_as_they_are_stay_static(run):
    assert _facts(run, "The African Union named its member states in a report in 2014.") == []


# "X and Y remain suspended": the parse hangs the subject on "remain"
@pytest.mark.parametrize("verb", ["remain", "remains"])
@pytest.mark.parametrize("names, codes", LISTS)
def test_membership_wordings_states_that_remain_suspended(run, verb, names, codes):
    verb = verb if len(names) > 1 or verb == "remains" else verb + "s"
    text = f"The African Union met in 2024. {_capitalized(_listed(names))} {verb} suspended after military takeovers there."
    assert _facts(run, text) == sorted(("AU", c, "suspend", None, None) for c in codes)


# "X joined the bloc in 2004. Y followed in 2007": the change told just before, dated by its own clause
FOLLOW_TEXTS = [
    ("Chile joined the African Union in 2004. {M} followed {D}.", "join", "member"),
    ("Chile left the African Union in 2004, and {M} followed suit {D}.", "leave", None),
    ("The African Union suspended Chile in 2004. {M} followed {D}.", "suspend", None),
]
FOLLOWERS = [(t.format(M=_capitalized(_listed(names)) if t.startswith("{M}") else _listed(names), D=when),
              sorted([("AU", "CHL", a, s, "2004")] + [("AU", c, a, s, v) for c in codes]))
             for (t, a, s), (names, codes), (when, v) in itertools.product(
                 FOLLOW_TEXTS, [lst for lst in LISTS if "CHL" not in lst[1]], DATES)]


@pytest.mark.parametrize("text, expected", FOLLOWERS, ids=_ids(FOLLOWERS))
def test_membership_wordings_states_that_follow_a_change(run, text, expected):
    assert _facts(run, text) == expected


@pytest.mark.parametrize("text", [
    "Chile joined the African Union in 2004. Peru followed the debate closely in 2005.",
    "Chile joined the African Union in 2004. Peru may follow in 2026.",
    "Chile joined the African Union in 2004. The weather was fine. Peru followed in 2007.",
])
def test_membership_wordings_following_something_else_or_not_yet_is_none(run, text):
    assert [f for f in _facts(run, text) if f[1] != "CHL"] == []


# A membership restored or terminated: readmission and expulsion by the verb over the noun
@pytest.mark.parametrize("verb, action, status", [("restored", "readmit", "member"), ("terminated", "expel", None)])
@pytest.mark.parametrize("name, code", [("Chile", "CHL"), ("the Netherlands", "NLD"), ("Bosnia and Herzegovina", "BIH")])
@pytest.mark.parametrize("when, value", DATES)
def test_membership_wordings_a_membership_restored_or_terminated(run, verb, action, status, name, code, when, value):
    text = _capitalized(f"{name}'s membership of the African Union was {verb} {when}.")
    assert _facts(run, text) == [("AU", code, action, status, value)]


def test_membership_wordings_order_restored_is_no_membership(run):
    assert _facts(run, "The African Union restored order in Chile in 2010.") == []


@pytest.mark.parametrize("shape", ["{M} as candidates", "{M} official candidate countries", "{A} together with {R} official candidate countries"])
@pytest.mark.parametrize("names, codes", LISTS)
@pytest.mark.parametrize("when, value", DATES)
def test_membership_wordings_named_candidates_are_dated_by_the_naming(run, shape, names, codes, when, value):
    named = shape.format(M=_listed(names), A=names[0], R=_listed(names[1:]))
    text = f"{_capitalized(when)}, the African Union named {named}."
    assert _facts(run, text) == sorted(("AU", c, "apply", "candidate", value) for c in codes)


# A bare word for a body the cue acts on ("launched the bank") is the body named before with that word
BODY_BEFORE = [
    ("The New Development Bank met. {M} launched the bank {D}.", "NDB", "found", "founding_member"),
    ("The New Development Bank met. {D}, {M} set up the bank.", "NDB", "found", "founding_member"),
    ("The International Monetary Fund met. {M} {were} admitted to the fund {D}.", "IMF", "join", "member"),
    ("The International Criminal Court met. {M} withdrew from the court {D}.", "ICC", "leave", None),
]
BODY_BEFORE_CASES = [(t.format(M=_listed(names), D=when, were="were"), sorted((o, c, a, s, v) for c in codes))
                     for (t, o, a, s), (names, codes), (when, v) in itertools.product(BODY_BEFORE, LISTS, DATES)]


@pytest.mark.parametrize("text, expected", BODY_BEFORE_CASES, ids=_ids(BODY_BEFORE_CASES))
def test_membership_wordings_a_bare_body_word_is_the_body_named_before(run, text, expected):
    assert _facts(run, " ".join(_capitalized(s) for s in text.split(". "))) == expected


@pytest.mark.parametrize("names, codes", LISTS)
def test_membership_wordings_a_bank_no_text_names_is_no_organization(run, names, codes):
    assert _facts(run, f"The African Union met. {_listed(names)} launched a bank in 2015.") == []
    assert _facts(run, f"The African Union met. {_listed(names)} launched the bank in 2015.") == []


# "It" as a member: the country the sentence before is about (its subject, or the name opening it)
PRONOUN_TEXTS = [
    ("{C} joined the African Union on 4 May 2011. It had applied in 2003.", [("AU", "{c}", "join", "member", "2011-05-04"), ("AU", "{c}", "apply", "candidate", "2003")]),
    ("{C} met the African Union. It applied to join the WTO in 2003.", [("WTO", "{c}", "apply", "candidate", "2003")]),
    ("{C} signed a trade deal. In 2009, it left the Commonwealth.", [("COMMONWEALTH", "{c}", "leave", None, "2009")]),
]
PRONOUN_CASES = [(_capitalized(t.format(C=name)), sorted(tuple(x.format(c=code) if isinstance(x, str) else x for x in f) for f in facts))
                 for (t, facts), (name, code) in itertools.product(
                     PRONOUN_TEXTS, [("Chile", "CHL"), ("the Netherlands", "NLD"), ("Bosnia and Herzegovina", "BIH")])]


@pytest.mark.parametrize("text, expected", PRONOUN_CASES, ids=_ids(PRONOUN_CASES))
def test_membership_wordings_it_is_the_country_the_sentence_before_is_about(run, text, expected):
    assert _facts(run, text) == expected


@pytest.mark.parametrize("text", [
    "The African Union met Chile. It applied new rules in 2003.",
    "The EU met Chile. It applied to join the WTO in 2004.",
    "The African Union met Chile. It admitted Peru in 2003.",
])
def test_membership_wordings_it_after_an_organization_is_no_country(run, text):
    assert [f for f in _facts(run, text) if f[1] == "CHL"] == []


# "the process of accession", "the road to membership": a process, so an application
@pytest.mark.parametrize("phrase", ["started the process of accession to", "took steps towards membership of"])
@pytest.mark.parametrize("name, code", [("Chile", "CHL"), ("the Netherlands", "NLD")])
def test_membership_wordings_a_process_of_accession_is_an_application(run, phrase, name, code):
    text = _capitalized(f"{name} {phrase} the African Union in 2011.")
    assert [f[:4] for f in _facts(run, text)] == [("AU", code, "apply", "candidate")]


# A phrasal cue without its particle is no cue ("took steps" is no "took in"); a gerund subject
# in the present or future speaks of a change in general
@pytest.mark.parametrize("name, code", [("Chile", "CHL"), ("the Netherlands", "NLD")])
@pytest.mark.parametrize("gerund", ["Joining", "Leaving"])
@pytest.mark.parametrize("verb", ["will take", "would take", "takes"])
def test_membership_wordings_a_change_spoken_of_in_general_is_none(run, name, code, gerund, verb):
    text = f'The African Union met. "{gerund} this group {verb} {name} away from its neighbours," he said.'
    assert _facts(run, text) == []


@pytest.mark.parametrize("names, codes", [(["Chile"], ["CHL"]), (["Peru", "Chile"], ["CHL", "PER"])])
def test_membership_wordings_a_change_as_a_past_subject_happened(run, names, codes):
    assert _facts(run, f"Joining the African Union in 2004 made {_listed(names)} richer.") == [
        ("AU", c, "join", "member", "2004") for c in codes]


# A date on the reporting verb dates the saying, not the change its that-clause tells
SAYING = [
    ("{M} said on Thursday that {it} would leave the Commonwealth.", "leave", None, None),
    ("{M} announced on 4 May 2011 that {it} had joined the African Union.", "join", "member", None),
    ("{M} said on Thursday that {it} left the Commonwealth in 1994.", "leave", None, "1994"),
    ("{M} said {it} had left the Commonwealth on 4 May 2011.", "leave", None, "2011-05-04"),
]
SAYING_CASES = [(_capitalized(t.format(M=_listed(names), it="it" if len(names) == 1 else "they")),
                 sorted(("COMMONWEALTH" if "Commonwealth" in t else "AU", c, a, s, v) for c in codes))
                for (t, a, s, v), (names, codes) in itertools.product(SAYING, [(["Chile"], ["CHL"]), *LISTS[:2]])]


@pytest.mark.parametrize("text, expected", SAYING_CASES, ids=_ids(SAYING_CASES))
def test_membership_wordings_the_date_of_a_saying_is_not_the_change(run, text, expected):
    assert _facts(run, text) == expected


# Founders dated by the organization's own phrase: "founding members of X, established in 1992"
@pytest.mark.parametrize("verb", ["established", "created", "founded", "set up"])
@pytest.mark.parametrize("names, codes", [(["Chile"], ["CHL"]), *LISTS[:2]])
@pytest.mark.parametrize("when, value", DATES)
def test_membership_wordings_founders_dated_by_the_organization_phrase(run, verb, names, codes, when, value):
    noun = "one of the founding members" if len(names) == 1 else "among the founding members"
    text = f"{_listed(names)} {'was' if len(names) == 1 else 'were'} {noun} of the African Union {verb} {when}, officials said."
    assert _facts(run, _capitalized(text)) == sorted(("AU", c, "found", "founding_member", value) for c in codes)


# An undated change told as news is the story's own, not one dated years before it
@pytest.mark.parametrize("now", ["is pulling out of", "will withdraw from", "is leaving"])
@pytest.mark.parametrize("name, code", [("Chile", "CHL"), ("the Netherlands", "NLD")])
def test_membership_wordings_a_change_told_as_news_is_not_an_old_one(run, now, name, code):
    text = _capitalized(f"{name} left the Commonwealth in 1984 and rejoined it in 2002. Now {name} {now} the Commonwealth.")
    dates = [m.date.value if m.date else None for m in of_type(run(text), "membership") if m.action == "leave"]
    assert sorted(dates, key=str) == sorted(["1984", None], key=str)


# The organization a sentence without one is about: what the sentence before is about (its
# subject, "the alliance" for the one named before it), even across a paragraph break, before
# a name that sentence only mentions ("fellow G7 members")
@pytest.mark.parametrize("gap", [" ", "\n\n"])
@pytest.mark.parametrize("name, code", [("Beijing", "CHN"), ("Chile", "CHL"), ("the Netherlands", "NLD")])
def test_membership_wordings_the_organization_the_sentence_before_is_about(run, gap, name, code):
    text = (f"Britain joined ASEAN on Sunday.{gap}The alliance comprises fellow G7 members Canada and Japan."
            f"{gap}Created in 1967, it has been seen as a bulwark, although {name} has applied to join.")
    assert [f[:4] for f in _facts(run, text) if f[1] == code] == [("ASEAN", code, "apply", "candidate")]


def test_membership_wordings_a_name_and_an_adjective_are_no_list(run):
    text = "Interpol met. In a vote of the police organisation's members in China, Palestinian membership was approved."
    assert [f[1] for f in _facts(run, text)] == ["PSE"]
