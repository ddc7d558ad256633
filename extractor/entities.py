"""Organizations and countries: the registry, the gazetteer, and the spaCy component that marks
their mentions in `doc.spans["gazetteer"]` (label "organization" / "country" / "country_adj",
`span.id_` the organization key or the ISO 3166-1 alpha-3 code)."""

from __future__ import annotations

import re
from functools import cache

import pycountry
from pydantic import BaseModel, ConfigDict, field_validator
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractor.lexicon import DataFileError, read_jsonl, read_tsv

SPAN_KEY = "gazetteer"


class Organization(BaseModel):
    """One line of data/organizations.jsonl."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    name: str
    acronyms: list[str]
    aliases: list[str]
    wikidata: str | None
    kind: str

    @field_validator("id")
    @classmethod
    def _id_is_a_key(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", value):
            raise ValueError("id must be upper case letters, digits and underscores")
        return value

    @field_validator("wikidata")
    @classmethod
    def _wikidata_is_a_qid(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"Q\d+", value):
            raise ValueError("wikidata must be a Q-id such as Q458")
        return value


@cache
def organizations() -> dict[str, Organization]:
    """The registry by id; DataFileError when an id repeats."""
    orgs = read_jsonl("organizations.jsonl", Organization)
    by_id: dict[str, Organization] = {}
    for org in orgs:
        if org.id in by_id:
            raise DataFileError(f"data/organizations.jsonl: id {org.id} is used twice; ids must be unique.")
        by_id[org.id] = org
    return by_id


def organization_names() -> list[tuple[str, str, bool]]:
    """(surface form, id, case_sensitive) for every organization name, acronym and alias."""
    out = []
    for org in organizations().values():
        out.append((org.name, org.id, False))
        out.extend((a, org.id, True) for a in org.acronyms)
        out.extend((a, org.id, not any(c.islower() for c in a) and len(a) <= 6) for a in org.aliases)
    return out


@cache
def country_names() -> dict[str, tuple[str, str]]:
    """surface form -> (alpha-3, form) for countries: pycountry's names plus data/countries_extra.tsv."""
    names: dict[str, tuple[str, str]] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names[value] = (country.alpha_3, "name")
    for name, code, form in read_tsv("countries_extra.tsv", 3):
        if form not in ("name", "adjective", "historical"):
            raise DataFileError(f"data/countries_extra.tsv: form {form!r} for {name!r} must be name, adjective or historical.")
        names[name] = (code, form)
    return names


@cache
def country_adjectives() -> frozenset[str]:
    return frozenset(name for name, (_, form) in country_names().items() if form == "adjective")


def country_name(code: str) -> str:
    """The short English name of an alpha-3 code (the code itself when unknown)."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


@Language.factory("gazetteer", assigns=["doc.spans"])
def make_gazetteer(nlp: Language, name: str) -> "Gazetteer":
    return Gazetteer(nlp)


class Gazetteer:
    """Marks organization and country mentions; the longest mention wins where they overlap."""

    def __init__(self, nlp: Language):
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        tokenizer = nlp.tokenizer
        for surface, org_id, case_sensitive in organization_names():
            matcher = self.exact if case_sensitive else self.folded
            matcher.add(f"organization|{org_id}", [tokenizer(surface)])
        for surface, (code, form) in country_names().items():
            label = "country_adj" if form == "adjective" else "country"
            variants = {surface, surface[0].upper() + surface[1:]}
            self.exact.add(f"{label}|{code}", [tokenizer(v) for v in variants])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                label, key = doc.vocab.strings[match_id].split("|", 1)
                spans.append(Span(doc, start, end, label=label, span_id=key))
        doc.spans[SPAN_KEY] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc
