"""The organization registry: spelling variants generated at load, surface forms owned by one
body, and the gazetteer's case rules (an acronym that is a word matches only in capitals)."""

from __future__ import annotations

import pytest

from extractor.language import lexicon
from extractor.language.lexicon import DataFileError
from extractor.nlp import entities
from extractor.nlp.entities import Gazetteer, spelling_variants


@pytest.fixture(scope="module")
def gazetteer(nlp) -> Gazetteer:
    return Gazetteer(nlp)


def mentions(nlp, gazetteer: Gazetteer, text: str) -> list[tuple[str, str]]:
    """(text, id) of every organization the gazetteer marks in `text`."""
    doc = gazetteer(nlp.make_doc(text))
    return [(s.text, s.id_) for s in doc.spans[entities.SPAN_KEY] if s.label_ == "organization"]


@pytest.mark.parametrize(("written", "variant"), [
    ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
    ("North Atlantic Treaty Organisation", "North Atlantic Treaty Organization"),
    ("Organisation for Economic Co-operation and Development", "Organization for Economic Cooperation and Development"),
    ("Organization for Economic Cooperation and Development", "Organisation for Economic Co-operation and Development"),
    ("Shanghai Cooperation Organization", "Shanghai Coöperation Organisation"),
    ("International Centre for Settlement of Investment Disputes", "International Center for Settlement of Investment Disputes"),
    ("UN Environment Programme", "UN Environment Program"),
    ("Nordic Defence Cooperation", "Nordic Defense Co-operation"),
    ("International Labour Organization", "International Labor Organization"),
    ("Food and Agriculture Organization", "Food & Agriculture Organization"),
    ("Food & Agriculture Organization", "Food and Agriculture Organization"),
    ("Association of Southeast Asian Nations", "Association of South-East Asian Nations"),
    ("NATO", "N.A.T.O."),
    ("N.A.T.O.", "NATO"),
    ("UN Security Council", "U.N. Security Council"),
    ("international labour organisation", "international labor organization"),
])
def test_spelling_variants_are_generated_both_ways(written, variant):
    assert variant in spelling_variants(written)
    assert written in spelling_variants(variant)


@pytest.mark.parametrize("written", ["G7", "OPEC+", "Nato", "Mercosur", "Andean Community", "Ecowas Bank", "Organisations"])
def test_spelling_variants_leave_other_words_alone(written):
    variants = spelling_variants(written)
    assert written in variants
    assert not any("." in v for v in variants if "." not in written), variants
    if written == "Organisations":
        assert variants == {"Organisations", "Organizations"}
    elif " " not in written and not written.isupper():
        assert variants == {written}


def test_spelling_variants_change_whole_words_only():
    assert spelling_variants("Candle Centrex Labourite") == {"Candle Centrex Labourite"}
    assert spelling_variants("Andean Band") == {"Andean Band"}


def test_registry_lists_no_variant_it_could_generate():
    """The hand-listed variants are gone: no alias or acronym of a body is a generated variant
    of another of its forms."""
    for org in entities.organizations().values():
        written = [org.name, *org.acronyms, *org.aliases]
        for surface in written:
            generated = spelling_variants(surface) - {surface}
            redundant = generated & set(written)
            assert not redundant, f"{org.id}: {sorted(redundant)} are generated from {surface!r}; drop them"


def test_registry_has_at_least_250_bodies_and_the_ones_news_names():
    orgs = entities.organizations()
    assert len(orgs) >= 250
    for required in ("FRANCOPHONIE", "PACIFIC_ISLANDS_FORUM", "CPTPP", "EAEU", "NDB", "INTERPOL", "ICC", "UNESCO",
                     "WHO", "COMMONWEALTH", "MERCOSUR", "CSTO", "ICJ", "OPCW", "AFDB", "EURATOM", "WARSAW_PACT"):
        assert required in orgs


def test_registry_kinds_are_the_table_s():
    kinds = entities.organization_kinds()
    assert {org.kind for org in entities.organizations().values()} <= kinds
    assert {"IGO", "bloc", "alliance", "forum", "treaty", "court"} <= kinds


@pytest.mark.parametrize(("org_id", "surface"), [
    ("NATO", "North Atlantic Treaty Organisation"),
    ("NATO", "N.A.T.O."),
    ("OECD", "Organization for Economic Cooperation and Development"),
    ("WHO", "World Health Organisation"),
    ("ILO", "International Labor Organization"),
    ("UNSC", "U.N. Security Council"),
    ("UN", "U.N."),
    ("EU", "E.U."),
    ("FRANCOPHONIE", "International Organization of La Francophonie"),
    ("FRANCOPHONIE", "the Francophonie"),
])
def test_generated_variants_name_their_body(org_id, surface):
    assert entities.organization_ids_by_surface()[surface.lower()] == org_id


def _load_registry(monkeypatch, lines: list[str]) -> None:
    real = lexicon.package_text

    def fake(name: str, folder: str = "data") -> str:
        return "\n".join(lines) if name == "organizations.jsonl" else real(name, folder)

    monkeypatch.setattr(lexicon, "package_text", fake)
    entities.organizations.cache_clear()
    try:
        entities.organizations()
    finally:
        monkeypatch.undo()
        entities.organizations.cache_clear()


@pytest.mark.parametrize(("first", "second", "shared"), [
    ('"acronyms": ["ADB"], "aliases": []', '"acronyms": ["ADB"], "aliases": []', "ADB"),
    ('"acronyms": [], "aliases": ["the Bank"]', '"acronyms": [], "aliases": ["the bank"]', "the bank"),
    ('"acronyms": [], "aliases": []', '"acronyms": [], "aliases": ["first body"]', "first body"),
    ('"acronyms": [], "aliases": ["Defence Union"]', '"acronyms": [], "aliases": ["Defense Union"]', "Defense Union"),
    ('"acronyms": ["NATO"], "aliases": []', '"acronyms": ["N.A.T.O."], "aliases": []', "N.A.T.O."),
])
def test_a_surface_form_of_two_bodies_fails_on_load_naming_both(monkeypatch, first, second, shared):
    lines = [f'{{"id": "ONE", "name": "First Body", {first}, "wikidata": null, "kind": "IGO"}}',
             f'{{"id": "TWO", "name": "Second Body", {second}, "wikidata": null, "kind": "IGO"}}']
    with pytest.raises(DataFileError) as failure:
        _load_registry(monkeypatch, lines)
    message = str(failure.value)
    assert "ONE's" in message and "TWO's" in message and "one body only" in message
    assert repr(shared) in message


def test_an_unknown_kind_fails_on_load_naming_the_table(monkeypatch):
    with pytest.raises(DataFileError, match="organization_kinds.tsv"):
        _load_registry(monkeypatch, ['{"id": "ONE", "name": "First Body", "acronyms": [], "aliases": [], '
                                     '"wikidata": null, "kind": "club"}'])


@pytest.mark.parametrize(("text", "expected"), [
    ("The WHO said the outbreak was over.", [("WHO", "WHO")]),
    ("Officials who spoke said the outbreak was over.", []),
    ("Who said the outbreak was over?", []),
    ("The ILO counts Bhutan among its members.", [("ILO", "ILO")]),
    ("Ilo is a village.", []),
    ("The CAN admitted Bolivia.", [("CAN", "ANDEAN_COMMUNITY")]),
    ("Can Bolivia join the bloc?", []),
    ("You can join later.", []),
    ("The OAS suspended Honduras.", [("OAS", "OAS")]),
    ("The oas were salted.", []),
    ("The IDA lent Kenya money.", [("IDA", "IDA")]),
    ("Ida wrote to the minister.", []),
    ("The AU suspended Mali.", [("AU", "AU")]),
    ("An Au pair was hired.", []),
    ("The ESA launched a probe.", [("ESA", "ESA")]),
    ("Esa is a Finnish name.", []),
])
def test_acronyms_that_are_words_match_only_in_capitals(nlp, gazetteer, text, expected):
    assert mentions(nlp, gazetteer, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Poland joined the North Atlantic Treaty Organisation in 1999.", "NATO"),
    ("Poland joined the North Atlantic Treaty Organization in 1999.", "NATO"),
    ("Poland joined N.A.T.O. in 1999.", "NATO"),
    ("Chile joined the Organization for Economic Cooperation and Development.", "OECD"),
    ("Chile joined the Organisation for Economic Co-operation and Development.", "OECD"),
    ("Timor joined the Association of South-East Asian Nations.", "ASEAN"),
    ("Qatar is a member of the Food & Agriculture Organization.", "FAO"),
    ("Egypt is a member of the international labor organization.", "ILO"),
    ("Ghana joined the International Organization of La Francophonie.", "FRANCOPHONIE"),
    ("Ghana joined the Francophonie.", "FRANCOPHONIE"),
    ("Gabon rejoined the Commonwealth.", "COMMONWEALTH"),
    ("Nauru left the Pacific Islands Forum.", "PACIFIC_ISLANDS_FORUM"),
    ("The U.N. Security Council met.", "UNSC"),
])
def test_variant_spellings_are_found_in_text(nlp, gazetteer, text, expected):
    assert [org_id for _, org_id in mentions(nlp, gazetteer, text)] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("The UN General Assembly voted on the resolution.", [("UN General Assembly", "UN")]),
    ("The United Nations General Assembly met in New York.", [("United Nations General Assembly", "UN")]),
    ("A UNGA resolution passed.", [("UNGA", "UN")]),
    ("Armenia and Moldova are fellow Eastern Partnership members.", []),
    ("Ohio is a union state, unlike Texas.", []),
    ("Belarus signed the Union State of Russia and Belarus treaty.", [("Union State of Russia and Belarus", "UNION_STATE")]),
])
def test_organs_of_a_body_are_the_body_and_policy_frameworks_are_none(nlp, gazetteer, text, expected):
    """The General Assembly's members are the UN's; the EU's Eastern Partnership is a policy of
    the EU with partner states, not a body (it took the EU's accession talks in news-dev); a
    short name that is a phrase in any case ("union state") is no alias."""
    assert mentions(nlp, gazetteer, text) == expected


def _changes(run, text: str) -> list[tuple]:
    return sorted((m.organization.id, m.member.id, m.action, m.date.value if m.date else None)
                  for m in run(text) if m.type == "membership")


@pytest.mark.parametrize(("text", "expected"), [
    ("Leaders said the EU would open accession talks with fellow Eastern Partnership members Armenia and Azerbaijan. "
     "The European Council has decided to open accession negotiations with Armenia & Azerbaijan.",
     [("EU", "ARM", "apply", None), ("EU", "AZE", "apply", None)]),
    ("Ghana joined the International Organization of La Francophonie in 2006.", [("FRANCOPHONIE", "GHA", "join", "2006")]),
    ("Hungary left the International Investment Bank in 2023.", [("IIB", "HUN", "leave", "2023")]),
    ("Britain left Euratom in January 2020.", [("EURATOM", "GBR", "leave", "2020-01")]),
    ("Palestine joined the Organisation for the Prohibition of Chemical Weapons in 2018.", [("OPCW", "PSE", "join", "2018")]),
    ("Timor-Leste became a member of the Community of Portuguese Language Countries in 2002.",
     [("CPLP", "TLS", "join", "2002")]),
    ("Nicaragua withdrew from the Organisation of American States in 2023.", [("OAS", "NIC", "leave", "2023")]),
    ("Venezuela left the Andean Pact in 2006.", [("ANDEAN_COMMUNITY", "VEN", "leave", "2006")]),
    ("Officials who joined the talks in 2019 were praised.", []),
])
def test_memberships_of_new_bodies_and_spellings(run, text, expected):
    assert _changes(run, text) == expected


def test_no_acronym_matches_in_lower_or_title_case_unless_listed_so(nlp, gazetteer):
    """Every acronym of capitals (WHO, CAN, ECO, CITES ...) is a word or an abbreviation of
    something else in lower or title case: those match only where the registry lists them
    (Nato, Opec). A name is matched in any case, even one of capitals (BRICS, UNESCO: "Brics")."""
    listed = {(surface, org_id) for surface, org_id, _ in entities.organization_names()}
    for org in entities.organizations().values():
        for acronym in org.acronyms:
            if not acronym.isalpha() or not acronym.isupper() or acronym.lower() == org.name.lower():
                continue
            for written in {acronym.lower(), acronym.title()} - {s for s, i in listed if i == org.id}:
                found = mentions(nlp, gazetteer, f"They said {written} twice.")
                assert (written, org.id) not in found, f"{org.id}'s {acronym!r} matched {written!r}"


@pytest.mark.parametrize("bad_row", ["Centre\tcentre", "Centre\t", "Centre\tCenter\tCentr"])
def test_a_bad_spelling_pair_fails_on_load(monkeypatch, bad_row):
    real = lexicon.package_text
    monkeypatch.setattr(lexicon, "package_text",
                        lambda name, folder="data": f"Programme\tProgram\n{bad_row}\n" if name == "spellings.tsv" else real(name, folder))
    entities.spelling_groups.cache_clear()
    try:
        with pytest.raises(DataFileError, match="spellings.tsv"):
            entities.spelling_groups()
    finally:
        monkeypatch.undo()
        entities.spelling_groups.cache_clear()
    assert "center" in entities.spelling_groups()


@pytest.mark.parametrize("text", [
    "Ministers of the {name} met in {city}; the {name} said nothing more.",
    "{city}: the {name}'s members voted.",
    "A statement ({name}) followed.",
])
@pytest.mark.parametrize(("name", "org_id"), [
    ("North Atlantic Treaty Organisation", "NATO"), ("NATO", "NATO"), ("N.A.T.O.", "NATO"),
    ("Association of South-East Asian Nations", "ASEAN"), ("World Trade Organization", "WTO"),
])
def test_entities_plain_text_names_each_body_once_in_any_registered_spelling(text, name, org_id):
    """`organizations_in`, the gazetteer of plain text (what timelines read from record fields),
    finds the same spellings as the token gazetteer, each body once."""
    assert entities.organizations_in(text.format(name=name, city="Oslo")) == [org_id]


@pytest.mark.parametrize("text", [
    "The nato summit",  # an acronym matches only as written
    "Who said what",  # WHO is never "who"
    "The NATOs of this world",  # inside a longer word
    "A pre-NATO world",  # hyphenated into another word
])
def test_entities_plain_text_keeps_the_case_rules_and_word_edges(text):
    assert entities.organizations_in(text) == []
