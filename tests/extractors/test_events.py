"""Dated events on sentences written for these tests (reference date 2025-07-25)."""

from __future__ import annotations

import pytest

from conftest import of_type


def _events(run, text):
    return [(e.kind, e.date.value, e.location, e.status) for e in of_type(run(text), "event")]


@pytest.mark.parametrize("text, expected", [
    ("Leaders met at the Lisbon summit in 2007.", ("summit", "2007", "Lisbon", "past")),
    ("The summit will take place in Kazan this autumn.", ("summit", "2025-FA", "Kazan", "scheduled")),
    ("The referendum was held on 23 June 2016.", ("referendum", "2016-06-23", None, "past")),
    ("Ministers signed the agreement in Paris on 12 December 2015.", ("agreement", "2015-12-12", "Paris", "past")),
    ("A ceasefire conference is scheduled for next month in Geneva.", ("conference", "2025-08", "Geneva", "scheduled")),
    ("The company was founded in 1998.", ("founding", "1998", None, "past")),
    # a record's date is the day: the time of day stays on the timex record
    ("At a dinner in Rome on Monday night, the envoys agreed a plan.", ("meeting", "2025-07-21", "Rome", "past")),
    ("The new coin will be launched at midnight on 1 January.", ("launch", "2026-01-01", None, "scheduled")),
    ("Last year the two navies held joint exercises in the Baltic.", ("other", "2024", "Baltic", "past")),
])
def test_events_found_with_date_place_status(run, text, expected):
    assert expected in _events(run, text)


@pytest.mark.parametrize("text", [
    "Leaders met at a summit.",
    "A decision could be reached in December.",
    "The minister said the talks were useful.",
    "Sales grew 5% in 2024.",
    "Thousands will die before the spring unless aid arrives.",  # a fear, not an event
])
def test_events_negatives(run, text):
    assert _events(run, text) == []


def test_events_dated_membership_change_is_an_accession_event(run):
    events = _events(run, "Croatia joined the EU in 2013.")
    assert ("accession", "2013", None, "past") in events


def test_events_same_occurrence_twice_is_one_record(run):
    text = "The Oslo summit took place in 2019. Leaders left the Oslo summit in 2019 with a deal."
    summits = [e for e in of_type(run(text), "event") if e.kind == "summit"]
    assert len(summits) == 1 and len(summits[0].mentions) == 1


@pytest.mark.parametrize("text, kind, value", [
    # nominal triggers derived from the verbs of the trigger table, and verbs from its nouns
    ("The agency's creation in 1995 was welcomed.", "founding", "1995"),
    ("The city's liberation in May 1945 ended the siege.", "other", "1945-05"),
    ("The occupation of the island began in 1974.", "invasion", "1974"),
    ("The bank's collapse in September 2008 shook markets.", "crisis", "2008-09"),
    ("Parliament's ratification of the treaty on 3 June 2024 was unanimous.", "ratification", "2024-06-03"),
    ("Crowds joined the celebrations on 1 January 2007.", "ceremony", "2007-01-01"),
    ("Troops invaded the north in July 1974.", "invasion", "1974-07"),
    ("The two ministers met in Geneva on 4 March 2025.", "meeting", "2025-03-04"),
    ("Police detained the suspect on 2 May 2025.", "arrest", "2025-05-02"),
    ("Ten countries joined the European Union in May 2004.", "accession", "2004-05"),  # members unnamed: still an event
])
def test_events_nominal_and_verbal_triggers(run, text, kind, value):
    assert (kind, value) in [(e[0], e[1]) for e in _events(run, text)]


@pytest.mark.parametrize("text", [
    "The firm met its sales target in 2024.",  # a target is met, nobody meets
    "The unions joined in urging a strike on Monday.",  # joins no organization
    "Investors joined the rally in shares on Friday.",
    "The bank met analysts' forecasts in May 2024.",
    "Georgia's bid to join NATO has strained ties since 2003.",  # an application, not an accession
])
def test_events_trigger_words_that_name_no_event_here(run, text):
    assert [e for e in _events(run, text) if e[0] in ("meeting", "accession")] == []


@pytest.mark.parametrize("text, founded", [
    ("The council created a task force on 3 March 2025.", True),
    ("The Andean body, established on 8 December 2004 in Cuzco, groups twelve states.", True),
    ("The economy created 200,000 jobs in January 2025.", False),
    ("The reform created confusion in May 2025.", False),
])
def test_events_founding_needs_a_body_founded(run, text, founded):
    assert any(e[0] == "founding" for e in _events(run, text)) == founded


@pytest.mark.parametrize("text, kind, value, status", [
    ("More protests are expected on Sunday.", "protest", "2025-07-27", "scheduled"),  # reference: Friday 2025-07-25
    ("Serbia started accession talks with the European Union in October 2013.", "talks", "2013-10", "past"),
    ("The bank was set up in 1991 to fund the transition.", "founding", "1991", "past"),
])
def test_events_plans_talks_and_phrasal_triggers(run, text, kind, value, status):
    assert (kind, value, status) in [(e[0], e[1], e[3]) for e in _events(run, text)]


@pytest.mark.parametrize("text, kind, found", [
    ("Protesters demonstrated outside parliament on 3 May 2024.", "protest", True),
    ("A team demonstrated a wireless cap in May 2024.", "protest", False),  # shows a thing
    ("Troops occupied Crimea in March 2014.", "invasion", True),
    ("The album occupied the top spot in September 2004.", "invasion", False),
    ("President Macron arrived in Washington on 4 May 2024.", "visit", True),  # known gap: "the king arrived"
    ("Another setback arrived in 2001.", "visit", False),
    ("Turkish troops intervened in the north in July 1974.", "invasion", True),
    ("The minister's intervention on Monday calmed markets.", "invasion", False),  # kind none in the table
])
def test_events_trigger_needs_tell_the_event_from_the_word(run, text, kind, found):
    assert any(e[0] == kind for e in _events(run, text)) == found


@pytest.mark.parametrize("text, found", [
    ("Thousands protested in the capital on 3 May 2025.", True),
    ("Estonia protested to the Russian authorities on 3 May 2025.", False),  # a complaint, said to someone
    ("The ministry protested that the flights broke the rules on 3 May 2025.", False),
])
def test_events_protests_in_the_street_not_complaints(run, text, found):
    assert any(e[0] == "protest" for e in _events(run, text)) == found


def test_events_due_to_be_signed_lies_ahead(run):
    # reference: Friday 2025-07-25; "due to be signed Tuesday" is the coming Tuesday
    assert ("agreement", "2025-07-29", None, "scheduled") in _events(run, "The 12 accords due to be signed Tuesday cover gas supplies.")


@pytest.mark.parametrize("text, found", [
    ("The euro area welcomed ten countries, which joined in May 2004.", True),  # nothing but a date: the body of the sentence
    ("All joined in urging the head of the World Bank to stay on in June 2024.", False),
    ("Belarus sent an official on Friday to join talks on gas with the European Union.", False),
])
def test_events_join_is_an_accession_only_into_an_organization(run, text, found):
    assert any(e[0] == "accession" for e in _events(run, text)) == found


def test_events_a_date_of_another_noun_is_not_the_events(run):
    text = "China's admission in 2001 took 15 years and talks with Russia have gone on for a decade."
    assert not any(e[0] == "talks" for e in _events(run, text))


@pytest.mark.parametrize("text, kind, found", [
    ("The general came to power in a coup in 2003.", "appointment", True),
    ("The new mayor took office on 2 January 2025.", "appointment", True),
    ("Ministers gave the project the green light last July.", "decision", True),
    ("The judge was sworn in on 3 March 2025.", "appointment", True),
    ("Prices came to a halt in 2003.", "appointment", False),
    ("She took the bus on 2 January 2025.", "appointment", False),
    ("They gave the winners a prize last July.", "decision", False),
])
def test_events_idioms_completed_by_their_word(run, text, kind, found):
    assert any(e[0] == kind for e in _events(run, text)) == found


@pytest.mark.parametrize("text, kind, found", [
    ("The tolar, introduced in 1991 as a symbol of the country's independence, is gone.", "other", False),
    ("The country's independence in 1991 was celebrated.", "other", True),
    ("Leaders met at the Lisbon summit in 2007.", "summit", True),
])
def test_events_a_noun_inside_another_nouns_phrase_takes_only_a_near_date(run, text, kind, found):
    assert any(e[0] == kind for e in _events(run, text)) == found


@pytest.mark.parametrize("text, kinds", [
    ("The EU froze talks with Belgrade in May 2006.", ["suspension"]),  # the freeze is the occurrence
    ("The government cancelled the summit on 3 May 2025.", ["decision"]),
    ("Ministers signed the agreement in Paris on 12 December 2015.", ["agreement"]),  # one kind: one event
])
def test_events_the_object_of_an_event_verb_is_not_a_second_event(run, text, kinds):
    assert sorted({e[0] for e in _events(run, text)}) == kinds


@pytest.mark.parametrize("text", [
    "The coach was fined in December 2024.",  # not a derived verb of "final"
    "Users accessed the site on Monday.",  # not of "accession"
    "A strange creature appeared in May 2024.",  # not of "create"
])
def test_events_derived_words_the_table_keeps_out(run, text):
    assert _events(run, text) == []


def test_events_a_date_on_a_noun_that_names_no_event_still_dates_the_event(run):
    assert ("merger", "2024-03") in [(e[0], e[1]) for e in _events(run, "The company announced its merger with a rival in March 2024.")]


# ---------------------------------------------------------------- participants: the actors of the event's own clause

def _participants(run, text, kind):
    """{(id or name, participant kind)} of the first event of `kind` in the text."""
    event = next(e for e in of_type(run(text), "event") if e.kind == kind)
    return {(p.id or p.name, p.kind) for p in event.participants}


@pytest.mark.parametrize("text, kind, expected", [
    # active, passive, nominal with a possessor
    ("Russia invaded Ukraine on 24 February 2022.", "invasion", {("RUS", "country"), ("UKR", "country")}),
    ("Ukraine was invaded by Russia on 24 February 2022.", "invasion", {("RUS", "country"), ("UKR", "country")}),
    ("Russia's invasion of Ukraine on 24 February 2022 shocked Europe.", "invasion", {("RUS", "country"), ("UKR", "country")}),
    ("Turkish troops invaded Cyprus in July 1974.", "invasion", {("TUR", "country"), ("CYP", "country")}),
    # with / between / against complements
    ("Talks between Armenia and Azerbaijan on 3 May 2025 failed.", "talks", {("ARM", "country"), ("AZE", "country")}),
    ("Israel's strikes against Iran on 13 June 2025 drew protests.", "strike", {("ISR", "country"), ("IRN", "country")}),
    ("Emmanuel Macron met with Xi Jinping on 4 March 2025.", "meeting", {("Emmanuel Macron", "person"), ("Xi Jinping", "person")}),
    ("Talks with Iran were held by France and Germany on 3 May 2025.", "talks",
     {("IRN", "country"), ("FRA", "country"), ("DEU", "country")}),
    # lists of actors
    ("Germany, France, Italy and Spain signed the accord on 3 May 2025.", "agreement",
     {("DEU", "country"), ("FRA", "country"), ("ITA", "country"), ("ESP", "country")}),
    # a subject shared with another verb, a relative pronoun, a body founded
    ("After arriving in Ankara on 4 May 2024, Macron met Erdogan.", "visit", {("Macron", "person")}),
    ("Jammeh, who came to power in a coup in 1994, left.", "appointment", {("Jammeh", "person")}),
    # a possessive pronoun in an adverbial phrase stands for the clause's subject
    ("Since its founding in 1949, NATO has grown to 32 members.", "founding", {("NATO", "organization")}),
    ("After their meeting in Geneva on 4 March 2025, Putin and Xi issued a statement.", "meeting",
     {("Putin", "person"), ("Xi", "person")}),
    # names no registry holds: a company, a group
    ("Apple acquired Beats on 28 May 2014.", "acquisition", {("Apple", "body")}),
    ("The Kurds protested in Ankara on 3 May 2025.", "protest", {("Kurds", "group")}),
])
def test_events_participants_are_the_actors_of_the_clause(run, text, kind, expected):
    assert _participants(run, text, kind) == expected


@pytest.mark.parametrize("text, kind, expected", [
    # a body reacting in another clause
    ("Russia invaded Ukraine on 24 February 2022, and NATO condemned the attack.", "invasion",
     {("RUS", "country"), ("UKR", "country")}),
    ("Russia invaded Ukraine on 24 February 2022, a move which the European Union condemned.", "invasion",
     {("RUS", "country"), ("UKR", "country")}),
    ("Israel attacked Iran on 13 June 2025, prompting the United Nations to call a meeting.", "attack",
     {("ISR", "country"), ("IRN", "country")}),
    ("NATO condemned Russia's invasion of Ukraine on 24 February 2022.", "invasion", {("RUS", "country"), ("UKR", "country")}),
    ("NATO condemned its invasion of Ukraine on 24 February 2022.", "invasion", {("UKR", "country")}),  # "its" is not NATO
    # a reporting clause
    ("Officials in Brussels said Armenia and Azerbaijan signed the agreement on 3 May 2025.", "agreement",
     {("ARM", "country"), ("AZE", "country")}),
    ("Armenia and Azerbaijan signed the agreement on 3 May 2025, officials in Brussels said.", "agreement",
     {("ARM", "country"), ("AZE", "country")}),
    ("The European Union said on Friday that Armenia and Azerbaijan had signed the agreement on 3 May 2025.", "agreement",
     {("ARM", "country"), ("AZE", "country")}),
    ("Officials in Brussels said the two leaders met on 4 March 2025.", "meeting", set()),
])
def test_events_participants_leave_out_reacting_and_reporting_clauses(run, text, kind, expected):
    assert _participants(run, text, kind) == expected


@pytest.mark.parametrize("text, kind, location, expected", [
    ("Vladimir Putin and Xi Jinping met in Geneva on 4 March 2025.", "meeting", "Geneva",
     {("Vladimir Putin", "person"), ("Xi Jinping", "person")}),
    ("France and Germany signed the agreement in Rome on 3 May 2025.", "agreement", "Rome", {("FRA", "country"), ("DEU", "country")}),
    ("Leaders of France and Germany met in Paris on 3 May 2025.", "meeting", "Paris", {("FRA", "country"), ("DEU", "country")}),
    ("The Kurds protested in Ankara on 3 May 2025.", "protest", "Ankara", {("Kurds", "group")}),
])
def test_events_a_place_is_the_location_not_a_participant(run, text, kind, location, expected):
    event = next(e for e in of_type(run(text), "event") if e.kind == kind)
    assert event.location == location
    assert {(p.id or p.name, p.kind) for p in event.participants} == expected


@pytest.mark.parametrize("text, expected", [
    ("Croatia joined the EU in 2013.", [("Croatia", "HRV", "country"), ("European Union", "EU", "organization")]),
    ("Spain and Portugal joined the European Communities on 1 January 1986.",
     [("Spain", "ESP", "country"), ("Portugal", "PRT", "country"), ("European Union", "EU", "organization")]),
])
def test_events_membership_change_participants_are_its_member_and_organization_entities(run, text, expected):
    event = next(e for e in of_type(run(text), "event") if e.kind == "accession")
    assert sorted((p.name, p.id, p.kind) for p in event.participants) == sorted(expected)


# ---------------------------------------------------------------- event kinds: one closed list, the table's

def test_events_kinds_of_the_trigger_table_are_the_schemas_event_kinds():
    from typing import get_args

    from extractor.extractors.events import MEMBERSHIP_EVENT_KIND
    from extractor.language.lexicon import read_tsv
    from extractor.core.records import EventKind

    table = {kind for _, _, kind, _ in read_tsv("event_triggers.tsv", 4)} - {"none"}
    assert table | set(MEMBERSHIP_EVENT_KIND.values()) == set(get_args(EventKind))


@pytest.mark.parametrize("reader, name, rows, message", [
    ("triggers", "event_triggers.tsv", [["gala", "NOUN", "party", "-"]], "party"),
    ("event_words", "event_words.tsv", [["body", "agency"], ["actor_prep", "with"]], "actor_prep"),
    ("unscheduled_kinds", "unscheduled_kinds.tsv", [["deaths"]], "deaths"),
])
def test_events_data_with_an_unknown_kind_or_list_fails_on_load_naming_it(monkeypatch, reader, name, rows, message):
    from extractor.extractors import events
    from extractor.language.lexicon import DataFileError

    function = getattr(events, reader)
    monkeypatch.setattr(events, "read_tsv", lambda file, columns: rows if file == name else [])
    function.cache_clear()
    try:
        with pytest.raises(DataFileError, match=message):
            function()
    finally:
        function.cache_clear()


UNDONE_ACTS = ["withdrawal", "decision", "suspension"]


@pytest.mark.parametrize("act", UNDONE_ACTS)
@pytest.mark.parametrize("wording", ["Chile's {act} was {verb} in March 2017.", "The new government {verb} its {act} in March 2017.",
                                     "In March 2017 the court {verb} the {act}."])
@pytest.mark.parametrize("verb", ["revoked", "reversed", "rescinded", "overturned"])
def test_events_undoing_an_act_is_a_decision_not_the_act(run, act, wording, verb):
    found = _events(run, wording.format(act=act, verb=verb))
    assert ("decision", "2017-03", None, "past") in found
    assert [k for k, *_ in found].count("decision") == 1 and "withdrawal" not in [k for k, *_ in found]


@pytest.mark.parametrize("text", [
    "The company reversed its losses in March 2017.",  # a trend, not an act
    "The river reversed its course in March 2017.",
    "Last November, the parliament ratified a law on joining the World Trade Organization.",  # no accession: its topic
    "Norway held a referendum on leaving the European Union in 1994.",
])
def test_events_no_undoing_of_a_trend_and_no_change_that_is_a_topic(run, text):
    assert not [e for e in _events(run, text) if e[0] in ("decision", "accession", "withdrawal")]


@pytest.mark.parametrize("noun, kind", [("resolution", "decision"), ("vote", "vote"), ("decision", "decision")])
@pytest.mark.parametrize("day, value", [("Thursday", "2025-07-24"), ("Monday", "2025-07-21")])
@pytest.mark.parametrize("clause", ["Under {D}'s {n}, the assembly could have agreed to end the ban later.",
                                    "After {D}'s {n}, the bloc may admit new members."])
def test_events_a_noun_dated_by_its_possessive_happened_whatever_the_clause_says_might(run, noun, kind, day, value, clause):
    assert (kind, value, None, "past") in _events(run, clause.format(D=day, n=noun))


@pytest.mark.parametrize("text", ["The assembly could pass a resolution on Thursday.",
                                  "The assembly did not pass a resolution on Thursday."])
def test_events_a_hedged_resolution_is_none(run, text):
    assert not [e for e in _events(run, text) if e[0] == "decision"]


@pytest.mark.parametrize("dateline", ["PARIS, May 4 (Reuters) -", "LONDON, Sept 2 (Reuters) -", "MADRID, Jan 12 (AFP) -"])
@pytest.mark.parametrize("founders", ["France and Spain", "France, Spain and Italy"])
def test_events_a_participle_of_a_noun_is_not_dated_by_the_dateline_of_the_saying(run, dateline, founders):
    text = f"{dateline} The New Development Bank (NDB) set up by {founders} said on Friday it had hired a new chief."
    assert not [e for e in _events(run, text) if e[0] == "founding"]


@pytest.mark.parametrize("body", ["The agency", "The fund", "The bank"])
@pytest.mark.parametrize("participle", ["set up", "founded", "established", "created"])
def test_events_a_participle_of_a_noun_takes_a_date_of_its_own_phrase(run, body, participle):
    dated = _events(run, f"{body}, {participle} on 3 May 2001 by Brazil and India, said on Thursday that it had admitted Chile.")
    assert ("founding", "2001-05-03", None, "past") in dated


@pytest.mark.parametrize("text, kind", [
    ("Russia launched an invasion of Georgia in August 2008.", "invasion"),
    ("Formal accession negotiations were launched in August 2008.", "talks"),
    ("Chile opened accession negotiations with the bloc in August 2008.", "talks"),
    ("The rebels staged an attack on the capital in August 2008.", "attack"),
    ("Voters held a referendum in August 2008.", "referendum"),
])
def test_events_a_support_verb_gives_its_objects_event_not_its_own(run, text, kind):
    kinds = [k for k, *_ in _events(run, text)]
    assert kinds == [kind]


@pytest.mark.parametrize("text", ["The company launched a new phone in August 2008.",
                                  "The bank launched its euro coins in August 2008."])
def test_events_a_support_verb_with_no_event_as_object_is_its_own_event(run, text):
    assert [k for k, *_ in _events(run, text)] == ["launch"]


@pytest.mark.parametrize("noun", ["presidency", "chairmanship"])
@pytest.mark.parametrize("text, found", [
    ("Since assuming the bloc's {n} in July 2024, China has hosted many meetings.", True),
    ("Finland took over the {n} of the union in July 2006.", True),
    ("Leaders will meet on Friday, with the Finnish {n} holding a press conference.", False),
    ("During the Finnish {n} in 2006, leaders met often.", False),
])
def test_events_a_term_begun_is_an_event_a_term_held_is_none(run, noun, text, found):
    assert ("presidency" in [k for k, *_ in _events(run, text.format(n=noun))]) is found


@pytest.mark.parametrize("members", ["Chile", "Chile and Peru", "Chile, Peru and Bolivia"])
@pytest.mark.parametrize("text", ["In May 2020 the bloc invited {m} to join.", "The bloc invited {m} to become members in May 2020."])
def test_events_an_invitation_to_join_is_a_decision_and_no_accession(run, members, text):
    kinds = [(k, v) for k, v, *_ in _events(run, text.format(m=members))]
    assert ("decision", "2020-05") in kinds and "accession" not in [k for k, _ in kinds]


@pytest.mark.parametrize("text", ["Ministers were invited to a dinner in May 2020.",
                                  "Chile was still considering an invitation to join the WTO in May 2020.",
                                  "In May 2020 Chile was asked to join the WTO."])
def test_events_no_decision_in_an_invitation_to_a_dinner_or_one_considered(run, text):
    assert not [e for e in _events(run, text) if e[0] in ("decision", "accession")]


@pytest.mark.parametrize("text, kind", [
    ("Chile was one of the founding members of the bloc in 1994.", "founding"),  # describes the members
    ("The Pacific Islands Forum met Fiji's ministers in May 2014.", "forum"),  # the body's name, no forum held
])
def test_events_a_word_describing_or_naming_something_is_no_event(run, text, kind):
    assert kind not in [k for k, *_ in _events(run, text)]


@pytest.mark.parametrize("body", ["NATO", "The World Trade Organization"])
@pytest.mark.parametrize("when", ["on Monday", "in May 2014"])
def test_events_admitted_in_principle_is_no_accession(run, body, when):
    assert "accession" not in [k for k, *_ in _events(run, f"{body} agreed in principle {when} to admit Chile.")]
    assert "accession" in [k for k, *_ in _events(run, f"{body} agreed {when} to admit Chile.")]


@pytest.mark.parametrize("preposition", ["after", "before", "ahead of", "following"])
def test_events_a_date_of_another_event_before_or_after_is_not_this_ones(run, preposition):
    text = f"The Commonwealth lifted Fiji's suspension {preposition} the September 2014 elections."
    assert not [e for e in _events(run, text) if e[0] == "readmission"]
    assert ("readmission", "2014-09", None, "past") in _events(run, "The Commonwealth lifted Fiji's suspension in September 2014.")


@pytest.mark.parametrize("when, value", [("on 4 May 2021", "2021-05-04"), ("in March 2019", "2019-03"), ("last year", "2024")])
@pytest.mark.parametrize("what, kind", [("nation to join the World Trade Organization", "accession"),
                                        ("country to withdraw from the International Criminal Court", "withdrawal")])
def test_events_the_first_to_change_is_dated_by_the_copula(run, when, value, what, kind):
    assert (kind, value, None, "past") in _events(run, f"Chile {when} became the first {what}.")


# ---------------------------------------------------------------- families of wordings: every member of a kind's family, and its no-event readings

PAST, LATER = ("on 3 May 2025", "2025-05-03"), ("on 3 September 2025", "2025-09-03")  # reference: 2025-07-25

# kind -> (past clauses, scheduled clauses or [] for a kind nobody schedules); {who} a name, {place} a city
FAMILIES = {
    "protest": (["{who} rallied in {place}", "thousands marched through {place}", "students demonstrated in {place}",
                 "a march through {place} drew thousands"],
                ["{who} will rally in {place}", "thousands will march through {place}"]),
    "meeting": (["{who} gathered in {place}", "the assembly convened in {place}", "{who} met in {place}"],
                ["{who} will gather in {place}", "the assembly will convene in {place}"]),
    "attack": (["rebels bombed a bridge in {place}", "troops shelled {place}", "police raided offices in {place}",
                "artillery bombarded {place}", "gunmen ambushed a convoy near {place}", "a man was stabbed in {place}", "protesters stormed the parliament in {place}",
                "rebels seized {place}", "the town was captured by rebels near {place}"], []),
    "killing": (["a gunman was shot dead in {place}", "{who} was murdered in {place}", "rebels massacred villagers near {place}",
                 "{who} was assassinated in {place}"], []),
    "death": (["{who} passed away in {place}", "{who} died in {place}"], []),
    "ceremony": (["the funeral of {who} was held in {place}", "the wedding took place in {place}"],
                 ["the funeral of {who} will be held in {place}"]),
    "agreement": (["{who} inked a deal in {place}", "{who} struck a deal in {place}"], ["{who} will ink a deal in {place}"]),
    "resignation": (["{who} stepped down in {place}", "{who} quit in {place}", "{who} stood down in {place}"],
                    ["{who} will step down in {place}"]),
    "coup": (["the army overthrew the government in {place}", "the regime was toppled in {place}",
              "the army ousted the president in {place}", "{who} was ousted in a coup in {place}"], []),
    "decision": (["the council granted {who} asylum in {place}", "the court granted bail to {who} in {place}"], []),
    "strike": (["workers walked out in {place}", "the walkout began in {place}"], ["workers will walk out in {place}"]),
    "launch": (["the firm rolled out the service in {place}", "the service was rolled out in {place}"],
               ["the firm will roll out the service in {place}"]),
    "acquisition": (["the firm snapped up a rival in {place}"], []),
    "ruling": (["{who} was sentenced to ten years in {place}", "{who} was convicted in {place}", "{who} was jailed in {place}",
                "{who} was acquitted in {place}"], ["{who} will be sentenced in {place}"]),
    "kidnapping": (["gunmen abducted {who} in {place}"], []),
    "visit": (["{who} travelled to {place}"], ["{who} will travel to {place}"]),
    "tour": (["{who} toured {place}", "the band toured factories in {place}"], ["{who} will tour {place}"]),
    "closure": (["the factory closed in {place}"], ["the factory will close in {place}"]),
    "election": (["Labour won the election in {place}"], []),
}
WHO = ["Ana Petrovic", "John Smith"]
PLACES = ["Belgrade", "Zagreb"]


def _family_cases():
    for kind, (past, later) in FAMILIES.items():
        for tense, (when, value), clauses in (("past", PAST, past), ("scheduled", LATER, later)):
            for clause in clauses:
                for n, (who, place) in enumerate(zip(WHO, PLACES)):
                    text = clause.format(who=who, place=place)
                    for first in (False, True):
                        sentence = f"{when[0].upper()}{when[1:]}, {text}." if first else f"{text[0].upper()}{text[1:]} {when}."
                        yield pytest.param(sentence, kind, value, tense, id=f"{kind}-{tense}-{clause[:18]}-{n}-{'date first' if first else 'date last'}")


@pytest.mark.parametrize("text, kind, value, status", list(_family_cases()))
def test_events_families_of_wordings_give_their_kind(run, text, kind, value, status):
    assert (kind, value, status) in [(k, v, s) for k, v, _, s in _events(run, text)]


@pytest.mark.parametrize("text, kind", [
    ("Riots broke out in Paris on 3 May 2025.", "protest"),
    ("Raids were carried out in August 2024.", "attack"),
    ("Murdered on 3 May 2025, she was buried in Rome.", "killing"),
    ("Funerals were held across the country on 3 May 2025.", "ceremony"),
])
def test_events_a_lowercase_word_may_open_its_sentence(run, text, kind):
    assert kind in [k for k, *_ in _events(run, text)]


@pytest.mark.parametrize("text, kind", [
    ("Shares rallied on 3 May 2025.", "protest"),  # a market moves
    ("Stocks rallied in March 2024.", "protest"),
    ("It rallied briefly on 3 May 2025.", "protest"),
    ("Republicans rallied behind the president on 3 May 2025.", "protest"),  # a backing
    ("Sales rose in March 2024.", "protest"),  # the month
    ("March 2014 saw sales fall.", "protest"),
    ("Troops marched into the city on 3 May 2025.", "protest"),
    ("Police gathered evidence on 3 May 2025.", "meeting"),
    ("Leaders gathered for the summit on 3 May 2025.", "meeting"),  # the summit is the occurrence
    ("Shares closed lower on 3 May 2025.", "closure"),
    ("The FTSE 100 closed up 20 points on 3 May 2025.", "closure"),
    ("The market closed for the day on 3 May 2025.", "closure"),
    ("The firm closed the deal in March 2024.", "closure"),  # the deal is the occurrence
    ("The crew shot the film in May 2024.", "killing"),  # no one shot dead
    ("The company executed its plan in May 2024.", "killing"),
    ("Her passion grew in 2024.", "death"),
    ("Chelsea were ousted from the cup on 3 May 2025.", "coup"),  # a team, no ruler
    ("The storm toppled trees on 3 May 2025.", "coup"),
    ("She stormed to victory on 3 May 2025.", "attack"),  # no site stormed
    ("The army seized power on 3 May 2025.", "attack"),  # a coup's wording, no place taken
    ("Police seized drugs on 3 May 2025.", "attack"),
    ("The oil unit Baltneft had been seized and sold on 3 May 2025.", "attack"),  # a company taken, no place
    ("The film captured the mood of 2024.", "attack"),
    ("A screensaver bombarded the websites with data on 3 May 2025.", "attack"),  # no place or building shelled
    ("The firm shelled out $5m on 3 May 2025.", "attack"),
    ("The drug seizure on 3 May 2025 was the largest.", "attack"),
    ("He quit smoking in 2020.", "resignation"),
    ("She walked to school on 3 May 2025.", "strike"),
    ("The band released The Massacre on 3 May 2025.", "killing"),  # a title
    ("Her career peaked with Monsoon Wedding in 2001.", "ceremony"),
    ("Labour won the election in May 2024.", "match"),  # the election, no match
    ("Ballots were mailed on 3 May 2025.", "vote"),  # papers, not a ballot held
    ("The film was nominated for best film on 3 May 2025.", "appointment"),  # an award's nomination
    ("The show will be hosted by a rap star, producers said on 3 May 2025.", "meeting"),
])
def test_events_family_words_in_their_no_event_readings(run, text, kind):
    assert kind not in [k for k, *_ in _events(run, text)]


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("relative", [", which", " that"])
@pytest.mark.parametrize("verb, kind, what", [("toppled", "coup", "regime"), ("ousted", "coup", "government"),
                                              ("stormed", "attack", "embassy"), ("captured", "attack", "town")])
def test_events_a_family_verb_in_a_relative_clause_reads_the_noun_it_hangs_on(run, who, relative, verb, kind, what):
    text = f"{who} led the {what}{relative} was {verb} on 3 May 2025."
    assert (kind, "2025-05-03", "past") in [(k, v, s) for k, v, _, s in _events(run, text)]
