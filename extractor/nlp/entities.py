"""Organizations and countries: the registry, the gazetteer, and the spaCy component that marks
their mentions in `doc.spans["gazetteer"]` (label "organization" / "country" / "country_adj" / "capital",
`span.id_` the organization key or the ISO 3166-1 alpha-3 code)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import pycountry
from pydantic import BaseModel, ConfigDict, field_validator
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractor.core.records import Entity
from extractor.language.lexicon import DataFileError, alternation, read_jsonl, read_tsv

SPAN_KEY = "gazetteer"


@cache
def organization_kinds() -> frozenset[str]:
    """The kinds a registry line may have (data/organization_kinds.tsv)."""
    return frozenset(kind for kind, _meaning in read_tsv("organization_kinds.tsv", 2))


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

    @field_validator("kind")
    @classmethod
    def _kind_is_known(cls, value: str) -> str:
        if value not in organization_kinds():
            raise ValueError(f"kind {value!r} is not in data/organization_kinds.tsv; use one of "
                             f"{', '.join(sorted(organization_kinds()))} or add it there")
        return value


@cache
def organizations() -> dict[str, Organization]:
    """The registry by id; DataFileError when an id repeats or two bodies share a surface form
    (name, alias or acronym, any spelling variant, compared without case)."""
    orgs = read_jsonl("organizations.jsonl", Organization)
    by_id: dict[str, Organization] = {}
    for org in orgs:
        if org.id in by_id:
            raise DataFileError(f"data/organizations.jsonl: id {org.id} is used twice; ids must be unique.")
        by_id[org.id] = org
    _check_no_shared_surface(by_id.values())
    return by_id


def _check_no_shared_surface(orgs: Iterable[Organization]) -> None:
    """Raise DataFileError naming both bodies and their forms when one surface form (any case,
    any spelling variant) names two of them."""
    owner: dict[str, tuple[str, str]] = {}
    for org in orgs:
        for written, _case_sensitive in _written_forms(org):
            for variant in spelling_variants(written):
                first_id, first_written = owner.setdefault(variant.lower(), (org.id, written))
                if first_id != org.id:
                    raise DataFileError(
                        f"data/organizations.jsonl: {first_id}'s {first_written!r} and {org.id}'s {written!r} are both "
                        f"written {variant!r}; a name, alias or acronym (or a spelling variant of one) may name one "
                        "body only: drop it from one of them.")


@cache
def spelling_groups() -> dict[str, frozenset[str]]:
    """Lower-cased spelling -> every spelling of its group (itself included), from
    data/spellings.tsv: pairs joined into groups (Co-operation / Cooperation / Coöperation)."""
    groups: dict[str, set[str]] = {}
    for spelling, variant in read_tsv("spellings.tsv", 2):
        if not spelling or not variant or spelling.lower() == variant.lower():
            raise DataFileError(f"data/spellings.tsv: the pair {spelling!r} / {variant!r} must be two different spellings.")
        merged = groups.get(spelling.lower(), {spelling}) | groups.get(variant.lower(), {variant})
        for form in merged:
            groups[form.lower()] = merged
    return {key: frozenset(forms) for key, forms in groups.items()}


@cache
def _spelling_pattern() -> re.Pattern:
    spellings = {form for forms in spelling_groups().values() for form in forms}
    return re.compile(r"(?<![\w-])" + alternation(spellings) + r"(?![\w-])", re.IGNORECASE)


def _in_case_of(template: str, word: str) -> str:
    """`word` written in the case of `template` (upper, capitalised or lower)."""
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word.lower() if template.islower() else word


def _dotted(acronym: str) -> str | None:
    """NATO -> N.A.T.O. and U.N. -> UN: the other way of writing an acronym of capitals; None
    for a word that is neither (digits, lower case, one letter)."""
    if re.fullmatch(r"[A-Z]{2,6}", acronym):
        return ".".join(acronym) + "."
    if re.fullmatch(r"(?:[A-Z]\.){2,6}", acronym):
        return acronym.replace(".", "")
    return None


def _respellings(text: str) -> list[tuple[str, str]]:
    """(word, other spelling) for each word of `text` that data/spellings.tsv or dotting can
    respell: ("Organisation", "Organization"), ("NATO", "N.A.T.O."), ("and", "&")."""
    out = [(m.group(0), _in_case_of(m.group(0), form)) for m in _spelling_pattern().finditer(text)
           for form in spelling_groups()[m.group(0).lower()] if form.lower() != m.group(0).lower()]
    for word in re.findall(r"(?<![\w.])[A-Z](?:[A-Z]*|(?:\.[A-Z])*\.)(?![^\s,;:)])", text):
        if dotted := _dotted(word):
            out.append((word, dotted))
    return out


def _replace_word(text: str, word: str, other: str) -> str:
    """`text` with every whole-word `word` written `other`."""
    after = r"(?![\w-])" + ("" if word.endswith(".") else r"(?!\.\w)")
    return re.sub(rf"(?<![\w.-]){re.escape(word)}{after}", lambda _m: other, text)


def spelling_variants(surface: str) -> set[str]:
    """Every spelling of `surface` (itself included): each word of data/spellings.tsv replaced by
    the others of its group ("Organisation" / "Organization", "and" / "&"), each word of capitals
    dotted or undotted (NATO / N.A.T.O.), in every combination."""
    variants, todo = {surface}, [surface]
    while todo:
        text = todo.pop()
        for word, other in _respellings(text):
            candidate = _replace_word(text, word, other)
            if candidate not in variants:
                variants.add(candidate)
                todo.append(candidate)
    return variants


def _written_forms(org: Organization) -> list[tuple[str, bool]]:
    """(form, case_sensitive) for the body's name, acronyms and aliases as the registry writes
    them. Acronyms, and aliases of capitals up to six characters, match only as written (WHO is
    not "who"); names and other aliases match in any case."""
    written = [(org.name, False)] + [(a, True) for a in org.acronyms]
    return written + [(a, not any(c.islower() for c in a) and len(a) <= 6) for a in org.aliases]


def _surfaces(org: Organization) -> list[tuple[str, bool]]:
    """(surface form, case_sensitive) for every written form of the body and every spelling
    variant of each; a variant matches in the case its written form does."""
    out: dict[str, bool] = {}
    for surface, case_sensitive in _written_forms(org):
        for variant in sorted(spelling_variants(surface)):
            out.setdefault(variant, case_sensitive)
    return list(out.items())


def organization_names() -> list[tuple[str, str, bool]]:
    """(surface form, id, case_sensitive) for every organization name, acronym and alias and
    every spelling variant of each (see spelling_variants)."""
    return list(_organization_names())


@cache
def _organization_names() -> tuple[tuple[str, str, bool], ...]:
    return tuple((surface, org.id, case_sensitive) for org in organizations().values()
                 for surface, case_sensitive in _surfaces(org))


@cache
def _organization_pattern() -> tuple[re.Pattern, list[str]]:
    """One regex over every registry name (acronyms case-sensitive), and the id of each group: the
    gazetteer of plain text (record fields, evidence), beside the token `Gazetteer` of Docs."""
    names = sorted(organization_names(), key=lambda n: -len(n[0]))
    parts = [(f"(?-i:{re.escape(s)})" if exact else re.escape(s), org_id) for s, org_id, exact in names]
    groups = "|".join(f"(?P<o{n}>{p})" for n, (p, _) in enumerate(parts))
    return re.compile(rf"(?<![\w-])(?:{groups})(?![\w-])", re.IGNORECASE), [org_id for _, org_id in parts]


def organizations_in(text: str) -> list[str]:
    """Ids of the registry's organizations named in `text`, each once, in order."""
    pattern, ids = _organization_pattern()
    found = []
    for m in pattern.finditer(text):
        group = m.lastgroup
        assert group is not None, "each alternative of the pattern is a named group"
        org_id = ids[int(group[1:])]
        if org_id not in found:
            found.append(org_id)
    return found


@cache
def organization_ids_by_surface() -> dict[str, str]:
    """Lower-cased surface form (any spelling) -> organization id."""
    return {surface.lower(): org_id for surface, org_id, _ in organization_names()}


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
def capital_names() -> dict[str, str]:
    """Capital -> alpha-3 of its state, from data/capitals.tsv, without the names that are often
    something else (Washington, Victoria, Brussels: marked ambiguous there)."""
    names: dict[str, str] = {}
    for name, code, ambiguous in read_tsv("capitals.tsv", 3):
        if ambiguous not in ("0", "1"):
            raise DataFileError(f"data/capitals.tsv: ambiguous {ambiguous!r} for {name!r} must be 0 or 1.")
        if ambiguous == "0":
            names[name] = code
            names.setdefault(name.replace("'", "\u2019"), code)  # Nuku’alofa, N’Djamena as typeset
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
        for surface, code in capital_names().items():  # label "capital": a state's government only where it acts
            self.exact.add(f"capital|{code}", [tokenizer(surface)])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                label, key = doc.vocab.strings[match_id].split("|", 1)
                spans.append(Span(doc, start, end, label=label, span_id=key))
        doc.spans[SPAN_KEY] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc


def entity(mention_id: str, name: str, kind: str) -> Entity:
    """The name and id a record gives a gazetteer mention: an organization by its registry name, a
    country by the name the text used (its own name, never an adjective: "Swedish" -> Sweden)."""
    if kind == "organization":
        org = organizations().get(mention_id)
        return Entity(name=org.name if org else name, id=mention_id, kind="organization")
    return Entity(name=name if name[:1].isupper() and name not in country_adjectives() else country_name(mention_id),
                  id=mention_id, kind="country")
