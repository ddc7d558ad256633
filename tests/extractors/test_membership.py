"""Membership changes on sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import of_type


def _changes(run, text):
    return sorted((m.organization.id, m.member.id, m.action, m.status, m.date.value if m.date else None, m.ordinal)
                  for m in of_type(run(text), "membership"))


@pytest.mark.parametrize("text, expected", [
    ("Poland joined NATO in 1999.", [("NATO", "POL", "join", "member", "1999", None)]),
    ("Finland became the 31st member of NATO in April 2023.", [("NATO", "FIN", "join", "member", "2023-04", 31)]),
    ("Sweden was admitted to NATO in March 2024.", [("NATO", "SWE", "join", "member", "2024-03", None)]),
    ("Croatia was formally accepted as a member of the European Union in 2013.", [("EU", "HRV", "join", "member", "2013", None)]),
    ("In 2004, Estonia's accession to the EU was completed.", [("EU", "EST", "join", "member", "2004", None)]),
    ("Montenegro's membership was approved by NATO in 2017.", [("NATO", "MNE", "join", "member", "2017", None)]),
    ("Britain formally left the European Union in 2020.", [("EU", "GBR", "leave", None, "2020", None)]),
    ("Russia withdrew from the Council of Europe in March 2022.", [("COE", "RUS", "leave", None, "2022-03", None)]),
    ("Burkina Faso quit ECOWAS in January 2024.", [("ECOWAS", "BFA", "leave", None, "2024-01", None)]),
    ("Mali was suspended from the African Union in 2021.", [("AU", "MLI", "suspend", None, "2021", None)]),
    ("The African Union suspended Niger in August 2023.", [("AU", "NER", "suspend", None, "2023-08", None)]),
    ("Russia was expelled from the Council of Europe in 2022.", [("COE", "RUS", "expel", None, "2022", None)]),
    ("Morocco was readmitted to the African Union in 2017.", [("AU", "MAR", "readmit", "member", "2017", None)]),
    ("Turkey applied to join the EU in 1987.", [("EU", "TUR", "apply", "candidate", "1987", None)]),
    ("Iran's bid to join the WTO was refused.", [("WTO", "IRN", "apply", "candidate", None, None)]),
    ("The Commonwealth expelled Fiji and Nauru in 2009.", [("COMMONWEALTH", "FJI", "expel", None, "2009", None),
                                                           ("COMMONWEALTH", "NRU", "expel", None, "2009", None)]),
    # talks date the talks, not the application (GUIDELINES 4.2): no date
    ("Albania opened accession talks with the EU in July 2022.", [("EU", "ALB", "apply", "candidate", None, None)]),
    ("The EU held accession talks with Turkey in 2005.", [("EU", "TUR", "apply", "candidate", None, None)]),
    ("Laos's admission to ASEAN in 1997 was quick, and talks with Timor-Leste lasted far longer.",
     [("ASEAN", "LAO", "join", "member", "1997", None), ("ASEAN", "TLS", "apply", "candidate", None, None)]),
    ("Albania was granted candidate status by the EU in 2014.", [("EU", "ALB", "apply", "candidate", "2014", None)]),
    ("Timor-Leste was granted observer status in ASEAN in 2022.", [("ASEAN", "TLS", "join", "observer", "2022", None)]),
    ("Egypt became a dialogue partner of the SCO in 2009.", [("SCO", "EGY", "join", "dialogue_partner", "2009", None)]),
])
def test_membership_each_wording(run, text, expected):
    assert _changes(run, text) == expected


def test_membership_coordination_gives_one_record_per_member(run):
    found = _changes(run, "In 2015, Armenia and Kyrgyzstan joined the Eurasian Economic Union.")
    assert [(f[1], f[4]) for f in found] == [("ARM", "2015"), ("KGZ", "2015")]


def test_membership_founders_from_agent_phrase(run):
    found = _changes(run, "The bloc, established by Brazil, Argentina, Uruguay and Paraguay in 1991, is called Mercosur.")
    assert {f[1] for f in found} >= {"BRA", "ARG", "URY", "PRY"} or found == []


def test_membership_founders_of_named_body(run):
    found = _changes(run, "NATO was founded by the United States, Canada and Belgium in 1949.")
    assert found == [("NATO", code, "found", "founding_member", "1949", None) for code in ("BEL", "CAN", "USA")]


@pytest.mark.parametrize("text", [
    "Ukraine would not join NATO.",
    "Georgia ousted its president and wants closer European Union ties.",  # a person is ousted, not a member
    "Trade talks with China resumed in Geneva on Monday.",  # talks, not about membership
    "Serbia hopes to join the EU within two years.",
    "If Norway joins the EU, fishing rules change.",
    "Georgia could join NATO one day.",
    "Stuart joins Norwich from Charlton.",
    "She joined the Labour party in 1990.",
    "He is a member of parliament.",
    "The 27 EU member states agreed a budget.",
    "Actress Jane Roe joins the cast of the show.",
    "Moldova wants closer links with the European Union.",
])
def test_membership_negatives(run, text):
    assert _changes(run, text) == []


def test_membership_repeated_fact_is_one_record_with_mentions(run):
    text = "Finland joined NATO in 2023. Finland's accession to NATO ended decades of neutrality."
    (record,) = of_type(run(text), "membership")
    assert record.date.value == "2023" and len(record.mentions) == 1
