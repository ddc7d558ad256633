"""Every data and pattern file validates; ids are unique."""

from __future__ import annotations

from extractor import entities, membership
from extractor.lexicon import read_tsv


def test_data_organizations_validate_with_unique_ids():
    orgs = entities.organizations()
    assert len(orgs) >= 60
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
    from extractor.events import triggers

    kinds = {kind for kind, _ in triggers().values()}
    assert {"summit", "meeting", "election", "accession", "founding", "presidency", "briefing"} <= kinds


def test_data_membership_pattern_needs_are_checked_on_load():
    import pytest
    from pydantic import ValidationError

    from extractor.membership import MembershipPattern

    good = {"id": "x", "frame": "verb", "action": "join", "status": "member", "pattern": [{"LEMMA": "join"}]}
    assert MembershipPattern.model_validate({**good, "needs": ["organization_attached or prep:into,to"]}).needs
    for bad in ({**good, "needs": ["attached"]}, {**good, "frame": "verbal"}, {**good, "members": "everyone"}):
        with pytest.raises(ValidationError):
            MembershipPattern.model_validate(bad)


def test_data_modality_table_has_every_kind():
    from extractor import modality

    for kind in modality.KINDS:
        assert modality.words(kind), kind
    assert "must" in modality.words("modal") and modality.words("hedge_verb")["hope"] == "none"
