"""Generated membership variants (issue 21): the generator itself (deterministic, expected facts
that agree with the text it wrote) and the extractor's pass rate on a fixed-seed sample, which
must stay at or above the floor in tests/quality_floors.json ("variants" -> "membership").
`python3 benchmarks/membership_variants.py` measures the same on 5,000 variants, per family and
per kind of variation."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date, datetime

import pytest
from dateutil.relativedelta import relativedelta

import membership_variants as mv
from conftest import ROOT
from extractor.nlp.entities import country_names, organization_names

SAMPLE_SEED, SAMPLE_SIZE = mv.SAMPLE_SEED, mv.SAMPLE_SIZE
FAMILIES = sorted(mv.FAMILIES)


def _of_family(family: str, count: int = 40, seed: int = 3) -> list[mv.Variant]:
    """`count` variants of one family, from their own seeded generator."""
    rng = mv.random.Random(f"{seed}:{family}")
    return [mv.make_variant(rng, family) for _ in range(count)]


# --- the generator -----------------------------------------------------------------------------

def test_the_same_seed_gives_the_same_variants():
    assert mv.generate(120, seed=7) == mv.generate(120, seed=7)
    assert mv.generate(120, seed=7) != mv.generate(120, seed=8)


def test_the_families_take_turns():
    variants = mv.generate(len(FAMILIES) * 3, seed=2)
    assert sorted(v.family for v in variants) == sorted(FAMILIES * 3)


@pytest.mark.parametrize("family", FAMILIES)
def test_every_member_expected_is_named_in_the_text(family):
    for variant in _of_family(family):
        written = dict(variant.members)
        for code, surface in variant.members:
            assert surface.lower() in variant.text.lower(), (variant.text, surface)
            assert country_names()[surface.removeprefix("the ")][0] == code, (surface, code)
        expected_members = {fact[1] for fact in variant.expected}
        if family.startswith("neg_"):
            assert variant.expected == frozenset(), variant.text
        else:
            assert expected_members == set(written), (variant.text, variant.expected)
            assert len(variant.expected) == len(written), variant.expected  # one fact per member


@pytest.mark.parametrize("family", FAMILIES)
def test_the_organization_expected_is_named_in_the_text(family):
    surfaces = defaultdict(set)
    for surface, org_id, _ in organization_names():
        surfaces[org_id].add(surface.lower())
    for variant in _of_family(family):
        assert variant.organization.lower() in variant.text.lower(), (variant.text, variant.organization)
        for org_id, *_ in variant.expected:
            name = variant.organization.lower()
            assert name in surfaces[org_id] or name.removeprefix("the ") in surfaces[org_id], (name, org_id)


def _value_of(phrase: str, published: date | None) -> str:
    """The TIMEX3 value of a date phrase, read here on its own (GUIDELINES section 3)."""
    words = re.sub(r"^(in|on|since|from) ", "", phrase)
    for pattern, shape in (("%Y", "%Y"), ("%B %Y", "%Y-%m"), ("%d %B %Y", "%Y-%m-%d"), ("%B %d, %Y", "%Y-%m-%d")):
        try:
            return datetime.strptime(words, pattern).strftime(shape)
        except ValueError:
            continue
    shifts = {"last year": relativedelta(years=-1), "this year": relativedelta(), "next year": relativedelta(years=1),
              "three years ago": relativedelta(years=-3), "last month": relativedelta(months=-1),
              "next month": relativedelta(months=1)}
    if words not in shifts:
        raise AssertionError(f"no reading of the date phrase {phrase!r}")
    by_month = "month" in words
    if published is None:
        return "XXXX-XX" if by_month else "XXXX"
    return (published + shifts[words]).strftime("%Y-%m" if by_month else "%Y")


@pytest.mark.parametrize("family", FAMILIES)
def test_the_date_value_expected_is_what_the_text_wrote(family):
    for variant in _of_family(family):
        for phrase, value in variant.dates:
            assert phrase.lower() in variant.text.lower(), (variant.text, phrase)
            assert _value_of(phrase, variant.published) == value, (variant.text, phrase, value)
        written = {value for _, value in variant.dates}
        assert {fact[4] for fact in variant.expected} <= written | {None}, (variant.text, variant.expected)
        if variant.expected and not variant.dates:
            assert all(fact[4] is None for fact in variant.expected), variant.expected


@pytest.mark.parametrize("names, shape, role, phrase, plural", [
    (["Chile"], "and", "subject", "Chile", False),
    (["Chile", "Peru"], "and", "subject", "Chile and Peru", True),
    (["Chile", "Peru", "Sri Lanka"], "serial_comma", "object", "Chile, Peru, and Sri Lanka", True),
    (["Chile", "Peru", "Sri Lanka"], "as_well_as", "object", "Chile, Peru as well as Sri Lanka", True),
    (["Chile", "Peru", "Sri Lanka"], "along_with", "subject", "Chile, along with Peru and Sri Lanka,", False),
    (["Chile", "Peru"], "together_with", "object", "Chile together with Peru", False),
    (["Chile", "Trinidad and Tobago"], "parentheses", "subject", "two countries (Chile and Trinidad and Tobago)", True),
])
def test_list_phrases_and_their_agreement(names, shape, role, phrase, plural):
    assert mv.list_phrase(names, shape, role) == (phrase, plural)


@pytest.mark.parametrize("surface, phrase", [
    ("European Union", "the European Union"), ("NATO", "NATO"), ("Mercosur", "Mercosur"),
    ("eurozone", "the eurozone"), ("the Commonwealth", "the Commonwealth"), ("OPEC+", "OPEC+"),
])
def test_organization_names_take_the_article_english_gives_them(surface, phrase):
    assert mv._with_article(surface) == phrase


@pytest.mark.parametrize("expected, got, shape", [
    (frozenset({("EU", "CHL", "join", "member", "2004")}), frozenset({("EU", "CHL", "join", "member", "2004")}), ""),
    (frozenset({("EU", "CHL", "join", "member", "2004")}), frozenset(), "no record"),
    (frozenset(), frozenset({("EU", "CHL", "join", "member", None)}), "false record"),
    (frozenset({("EU", "CHL", "join", "member", "2004")}), frozenset({("EU", "CHL", "join", "member", None)}),
     "date missing"),
    (frozenset({("EU", "CHL", "join", "observer", "2004")}), frozenset({("EU", "CHL", "join", "member", "2004")}),
     "status wrong"),
    (frozenset({("EU", "CHL", "apply", "candidate", "2004"), ("EU", "PER", "apply", "candidate", "2004")}),
     frozenset({("EU", "CHL", "join", "member", "2004")}), "action wrong + member missed"),
])
def test_failure_shapes_name_what_differs(expected, got, shape):
    assert mv.failure_shape(expected, got) == shape


# --- the extractor on a fixed sample -----------------------------------------------------------

def _floor() -> float:
    return json.loads((ROOT / "tests" / "quality_floors.json").read_text(encoding="utf-8"))["variants"]["membership"]


def test_pass_rate_on_generated_variants_stays_at_or_above_its_floor(engine):
    variants = mv.generate(SAMPLE_SIZE, seed=SAMPLE_SEED)
    got = mv.extract_facts(engine, variants)
    by_family: dict[str, list[bool]] = defaultdict(list)
    first_failure: dict[str, str] = {}
    for variant, facts in zip(variants, got):
        by_family[variant.family].append(variant.expected == facts)
        if variant.expected != facts:
            first_failure.setdefault(variant.family, f"{variant.text!r}: expected {sorted(variant.expected, key=str)}, "
                                                     f"got {sorted(facts, key=str)}")
    rate = sum(sum(r) for r in by_family.values()) / len(variants)
    failing = "\n".join(f"  {family}: {sum(r) / len(r):.2f}, e.g. {first_failure[family]}"
                        for family, r in sorted(by_family.items()) if not all(r))
    assert rate >= _floor(), (f"pass rate {rate:.3f} on {SAMPLE_SIZE} variants (seed {SAMPLE_SEED}) is below the floor "
                              f"{_floor()}; failing families:\n{failing}\n"
                              "run python3 benchmarks/membership_variants.py for the failures per family")


@pytest.mark.parametrize("acronym, phrase", [
    ("EU", "the EU"), ("U.N.", "the U.N."), ("G7", "the G7"), ("G-20", "the G-20"), ("NATO", "NATO"), ("OPEC", "OPEC"),
])
def test_acronyms_take_the_article_news_gives_them(acronym, phrase):
    assert mv._acronym_phrase(acronym) == phrase
