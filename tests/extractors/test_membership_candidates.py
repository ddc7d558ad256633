"""The candidate stage of memberships (issue #21): every member near a cue is a candidate, kept
unless a named reason rejects it. Families of wordings the frames did not foresee, each with
variants, and a negative per reason. Sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import of_type
from extractor.extractors.membership.candidates import REASONS, cue_of, cues
from extractor.language.lexicon import membership_reasons

RUSTAVIA = ("Sweden", "SWE")


def _found(run, text, published=None):
    records = run(text) if published is None else run(text, published)
    return sorted((m.organization.id, m.member.id, m.action, m.status, m.date.value if m.date else None)
                  for m in of_type(records, "membership"))


def _outcomes(run, text):
    from extractor.core.pipeline import Extractor, Settings  # noqa: PLC0415
    from extractor.inputs.sources import RawDocument  # noqa: PLC0415

    raw = RawDocument("t", "t", text, "0" * 64, "utf-8")
    records = _extractor(Extractor, Settings).extract(raw)
    return sorted((r.member.id, r.outcome) for r in records if r.type == "candidate")


_EXTRACTORS = {}


def _extractor(Extractor, Settings):
    if "x" not in _EXTRACTORS:
        _EXTRACTORS["x"] = Extractor(Settings(include=("candidates",)))
    return _EXTRACTORS["x"]


FOUND = [
    # a rejoining is a readmission, however it is worded
    ("Morocco rejoined the African Union in 2017.", [("AU", "MAR", "readmit", "member", "2017")]),
    ("In January 2017 Morocco rejoined the African Union.", [("AU", "MAR", "readmit", "member", "2017-01")]),
    ("Morocco and Senegal rejoined the African Union in 2017.",
     [("AU", "MAR", "readmit", "member", "2017"), ("AU", "SEN", "readmit", "member", "2017")]),
    # "initially X joined": the founders
    ("The Andean Community was set up in 1969, and initially Bolivia, Chile and Peru joined it.",
     [("ANDEAN_COMMUNITY", m, "found", "founding_member", "1969") for m in ("BOL", "CHL", "PER")]),
    ("Originally Bolivia and Peru joined the Andean Community in 1969.",
     [("ANDEAN_COMMUNITY", m, "found", "founding_member", "1969") for m in ("BOL", "PER")]),
    # a decision reported with "would"
    ("Gabon said on 3 May 2024 that it would leave OPEC.", [("OPEC", "GAB", "leave", None, None)]),  # the saying's date
    ("The government of Gabon told reporters it would leave OPEC in June 2024.",
     [("OPEC", "GAB", "leave", None, "2024-06")]),
    # a government stands for its state
    ("The Commonwealth suspended the government of Fiji in 2009.", [("COMMONWEALTH", "FJI", "suspend", None, "2009")]),
    ("The Commonwealth suspended Fiji's government in 2009.", [("COMMONWEALTH", "FJI", "suspend", None, "2009")]),
    # two dated changes of one member are two records
    ("Moldova applied to join the European Union in March 2022. Moldova applied again in May 2023.",
     [("EU", "MDA", "apply", "candidate", "2022-03"), ("EU", "MDA", "apply", "candidate", "2023-05")]),
    # the verb over a status noun decides: "reinstated X's membership"
    ("A letter of 20 January 2021 reinstated Chile's membership in the Andean Community.",
     [("ANDEAN_COMMUNITY", "CHL", "readmit", "member", "2021-01-20")]),
    ("The Commonwealth reinstated the membership of Fiji in 2014.", [("COMMONWEALTH", "FJI", "readmit", "member", "2014")]),
    # an adjective on the state's government is the state
    ("The Georgian government applied for membership of the European Union on 3 March 2022.",
     [("EU", "GEO", "apply", "candidate", "2022-03-03")]),
    ("The Moldovan authorities applied to join the European Union in March 2022.",
     [("EU", "MDA", "apply", "candidate", "2022-03")]),
    # candidacy is an application
    ("Turkey has been a candidate member of the European Union since 1999.", [("EU", "TUR", "apply", "candidate", "1999")]),
    ("Albania has been an EU candidate country since 2014.", [("EU", "ALB", "apply", "candidate", "2014")]),
    # a status in the plural, or after a long list of members
    ("Serbia and Chile became observers of the African Union in 2011.",
     [("AU", "CHL", "join", "observer", "2011"), ("AU", "SRB", "join", "observer", "2011")]),
    ("Four countries (Serbia, South Korea, Chile and Peru) became dialogue partners of the SCO in 2011.",
     [("SCO", m, "join", "dialogue_partner", "2011") for m in ("CHL", "KOR", "PER", "SRB")]),
    ("In 2011 the African Union granted Peru, the United States, the Seychelles, and Grenada candidate status.",
     [("AU", m, "apply", "candidate", "2011") for m in ("GRD", "PER", "SYC", "USA")]),
    # a status noun in a process noun: an application
    ("NATO received a membership request from Bosnia and Herzegovina in 2009.",
     [("NATO", "BIH", "apply", "candidate", "2009")]),
    ("The European Union received membership bids from Albania and Serbia in 2009.",  # a bid: undated (GUIDELINES 4.2)
     [("EU", "ALB", "apply", "candidate", None), ("EU", "SRB", "apply", "candidate", None)]),
    # lists the parse breaks: an article and a serial comma
    ("Estonia, Latvia, the Czech Republic, and Slovakia joined NATO in 2004.",
     [("NATO", m, "join", "member", "2004") for m in ("CZE", "EST", "LVA", "SVK")]),
    ("Estonia, the Netherlands, and Slovakia joined NATO in 2004.",
     [("NATO", m, "join", "member", "2004") for m in ("EST", "NLD", "SVK")]),
    # a second verb sharing the subject
    ("Iran attended the summits of the SCO from 2005 and applied for full membership in 2021.",
     [("SCO", "IRN", "apply", "candidate", "2021")]),
    pytest.param("Moldova applied to join the European Union in March 2022 and applied again in May 2023.",
                 [("EU", "MDA", "apply", "candidate", "2022-03"), ("EU", "MDA", "apply", "candidate", "2023-05")],
                 marks=pytest.mark.xfail(reason="one candidate per member mention: a second conjunct with no name "
                                                "of its own is read by the frame of the first", strict=True)),
]

NONE = [
    ("Exports entering France from the European Union fell 3% in 2004.", "weak_cue"),
    ("Gabon dreams of joining OPEC in 2030.", "hedged"),
    ("Three countries (Gabon, Fiji and Haiti) dream of joining OPEC next year.", "hedged"),
    ("The Commonwealth warned Fiji that it could face suspension in 2009.", "hedged"),
    ("The Commonwealth warned that Fiji faced suspension.", "unreal"),
    ("Rumours that Gabon would leave OPEC spread in 2024.", "unreal"),
    ("Ministers discussed granting observer status in the African Union to Haiti.", "unreal"),
    ("The US-led NATO force arrived in 2004.", "not_a_party"),
    ("The Russian premier criticised NATO's expansion in 2004.", "adjective_elsewhere"),
    ("Poland joined talks with Ukraine on NATO in 2004.", "beside"),
    ("EU member states such as Poland voted in 2004.", "static"),
    ("Poland joined NATO in 1999, and France in 2003 criticised the war.", "other_clause"),
]


@pytest.mark.parametrize("text, expected", FOUND, ids=[f"found-{n}" for n in range(len(FOUND))])
def test_membership_candidates_families_give_records(run, text, expected):
    assert _found(run, text) == sorted(expected)


@pytest.mark.parametrize("text, reason", NONE, ids=[r for _, r in NONE])
def test_membership_candidates_reasons_reject(run, text, reason):
    records = _found(run, text)
    assert not [r for r in records if r[1] in ("FJI", "GAB", "HTI", "USA", "RUS", "UKR", "POL", "FRA")
                and not (text.startswith("Poland joined NATO") and r[1] == "POL")]


def test_membership_candidates_every_reason_documented_and_every_word_read():
    assert set(REASONS) >= {"hedged", "place", "beside", "speaker", "static", "no_organization", "frame"}
    assert all(message and message[0].islower() for message in REASONS.values())
    for kind in ("place_preposition", "partner_preposition", "speech_verb", "static_head", "not_party_noun",
                 "unreal_verb", "unreal_noun", "origin_word"):
        assert membership_reasons()[kind], kind
    actions = {c.action for cs in cues().values() for c in cs}
    assert actions == {"join", "leave", "suspend", "expel", "readmit", "apply", "found"}



def _membership_events(run, text, published=None):
    records = run(text) if published is None else run(text, published)
    kinds = {"accession", "founding", "withdrawal", "suspension", "expulsion", "readmission", "application"}
    return sorted((e.kind, e.date.value) for e in of_type(records, "event") if e.kind in kinds)


UNNAMED = [
    ("Ten states joined the European Union in May 2004.", [("accession", "2004-05")]),
    ("In May 2004 ten states joined the European Union.", [("accession", "2004-05")]),
    ("The Andean Community was founded in 1969.", [("founding", "1969")]),
    ("The Andean Community was created in 1969 by five states.", [("founding", "1969")]),
    ("The SCO admitted a new member. The accession took place on 4 July 2023.", [("accession", "2023-07-04")]),
    ("Three members withdrew from the Andean Community in 1976.", [("withdrawal", "1976")]),
]
UNNAMED_NONE = [
    "The singer, who quit the band Silverline in March 2004, went solo.",  # a word for a body that names none
    "The national athletics body suspended the runner Jane Roe in May 2004.",
    "The group was formed in 1994 by three students.",
    "Ten states hope to join the European Union in 2030.",  # hoped
    "The European Union member states met in May 2004.",  # a standing, no change
    "Accession talks with the European Union began in 2005.",  # talks are the happening
    "All joined, in May 2004, in urging the European Union to act.",  # joined in urging
    "Ten states could join the European Union in 2030.",  # modal
]


@pytest.mark.parametrize("text, expected", UNNAMED, ids=[f"unnamed-{n}" for n in range(len(UNNAMED))])
def test_membership_candidates_a_dated_change_of_unnamed_members_is_an_event(run, text, expected):
    assert _membership_events(run, text) == expected
    assert not of_type(run(text), "membership")  # no member named, no record (GUIDELINES 4.1)


@pytest.mark.parametrize("text", UNNAMED_NONE, ids=[f"none-{n}" for n in range(len(UNNAMED_NONE))])
def test_membership_candidates_no_membership_event_without_a_change(run, text):
    assert _membership_events(run, text) == []
