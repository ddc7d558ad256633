"""Every data and pattern file validates; ids are unique."""

from __future__ import annotations

from extractor.extractors import membership
from extractor.language.lexicon import read_tsv
from extractor.nlp import entities


def test_data_organizations_validate_with_unique_ids():
    orgs = entities.organizations()
    assert len(orgs) >= 250
    for required in ("UN", "EU", "NATO", "WTO", "SCO", "BRICS", "ASEAN", "AU", "ECOWAS", "OPEC", "G7", "G8", "G20",
                     "COE", "OSCE", "COMMONWEALTH", "ARAB_LEAGUE", "GCC", "CSTO", "EAEU", "CIS", "MERCOSUR", "OAS",
                     "EAC", "SADC", "OECD", "IMF", "WORLD_BANK", "EUROZONE", "SCHENGEN", "APEC"):
        assert required in orgs


def test_data_organization_names_are_not_shared_between_bodies():
    owner: dict[str, str] = {}
    for surface, org_id, _ in entities.organization_names():
        assert owner.setdefault(surface.lower(), org_id) == org_id, f"{surface!r} names {owner[surface.lower()]} and {org_id}"


def test_data_country_extras_use_real_codes():
    import pycountry

    historical = {"DDR", "SUN", "YUG", "CSK", "XKX"}
    for name, code, form in read_tsv("countries_extra.tsv", 3):
        assert code in historical or pycountry.countries.get(alpha_3=code) is not None, name


def test_data_membership_patterns_validate(nlp):
    doc = nlp("Poland joined NATO.")
    membership._matcher(doc)  # spaCy validates every pattern
    assert {p.id for p in membership.patterns()} >= {"join_verb", "leave_verb", "found_verb"}
    assert len({p.id for p in membership.patterns()}) == len(membership.patterns())


def test_data_event_triggers_have_known_kinds():
    from extractor.extractors.events import triggers

    kinds = {kind for kind, _ in triggers().values()}
    assert {"summit", "meeting", "election", "accession", "founding", "presidency", "briefing"} <= kinds


def test_data_membership_pattern_needs_are_checked_on_load():
    import pytest
    from pydantic import ValidationError

    from extractor.extractors.membership import MembershipPattern

    good = {"id": "x", "frame": "verb", "action": "join", "status": "member", "pattern": [{"LEMMA": "join"}]}
    assert MembershipPattern.model_validate({**good, "needs": ["organization_attached or prep:into,to"]}).needs
    for bad in ({**good, "needs": ["attached"]}, {**good, "frame": "verbal"}, {**good, "members": "everyone"}):
        with pytest.raises(ValidationError):
            MembershipPattern.model_validate(bad)


def test_data_modality_table_has_every_kind():
    from extractor.nlp import modality

    for kind in modality.KINDS:
        assert modality.words(kind), kind
    assert "must" in modality.words("modal") and modality.words("hedge_verb")["hope"] == "none"


def test_data_every_unit_is_one_pint_knows_with_a_named_dimension():
    from extractor.extractors.figures.units import dimension_of, registry

    ureg = registry()
    for unit, _symbols, prefixes, _words, role, dimension in read_tsv("units.tsv", 6):
        ureg.parse_expression(unit)  # raises for a unit pint does not know
        for prefix in prefixes.split(",") if prefixes != "-" else []:
            assert prefix in ureg._prefixes, f"{unit}: {prefix!r} is no SI prefix"
        assert role in ("any", "per"), unit
        name = dimension if dimension != "-" else dimension_of(unit)
        assert not name.startswith("["), f"{unit}: dimension {name} has no name in dimensions.tsv"


def test_data_currency_words_give_real_iso_codes():
    import pycountry

    from extractor.extractors.figures import _tables

    tables = _tables()
    codes = {*tables["prefixes"].values(), *tables["suffixes"].values(), *(c for c, _ in tables["subunits"].values())}
    from babel import Locale

    known = {c.alpha_3 for c in pycountry.currencies} | set(Locale("en").currencies)  # babel knows old ones: FRF, DEM
    assert len(codes) > 150 and codes <= known
    assert not codes & {"XAU", "XAG", "XPT", "XPD"}  # "3 gold" is no money
    assert tables["suffixes"]["chinese yuan"] == "CNY" and tables["prefixes"]["₪"] == "ILS"


def test_data_contextual_currencies_and_their_country_cues_give_real_codes():
    from babel import Locale

    from extractor.extractors.figures import _contextual_currencies, _currency_cues

    known = set(Locale("en").currencies)
    contextual = _contextual_currencies()
    assert {"crowns", "crown", "kroner"} <= set(contextual)
    for word, (codes, default) in contextual.items():
        assert set(codes) <= known and (default is None or default in codes), word
    _, cues = _currency_cues()  # validates currency_countries.tsv against the codes above
    assert cues["sweden"] == "SEK" and cues["norwegian kroner"] == "NOK" and "crowns" not in cues
