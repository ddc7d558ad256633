"""A generator of membership test variants (issue 21).

From seed templates per family of wordings (realised join, leave, suspension, readmission,
expulsion, application, observer / dialogue partner status, founding, scheduled changes,
enumerated accessions, "a member since", and negatives of each kind) it builds sentences with the
facts each must give, computed here from the members, organization and date it chose, never typed
by hand. Expected facts follow ../shared/data/news-dev/GUIDELINES.md sections 3-4.

`generate(n, seed)` gives `Variant`s, deterministic from the seed; `extract_facts(engine,
variants)` runs the extractor and gives the facts it read; `failure_shape(expected, got)` names
how a variant failed. Used by tests/extractors/test_membership_variants.py and benchmarks/membership_variants.py.
"""

from __future__ import annotations

import calendar
import hashlib
import random
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import pycountry

from extractor.nlp.entities import country_adjectives, country_names, organization_names, organizations

Fact = tuple[str, str, str, "str | None", "str | None"]  # (organization id, member id, action, status, date value)


# --- the templates ---------------------------------------------------------------------------
# Placeholders: {M} the members as subject, {Mo} as object, {Mposs} a single member's possessive,
# {Adj} a single member's adjective, {O} the organization, {pre} / {post} the date before the
# clause / after it (one of them or neither is filled), {since} the date of "since", {ENUM} items
# with a date each, {list} / {count} a colon or parenthesised list and its size. Agreement with the
# members: {was} was/were, {is} is/are, {has} has/have, {s} the verb's -s, {a} / {an} the article
# of a singular noun, {pl} its plural -s.

@dataclass(frozen=True)
class Template:
    """One wording: its text, the form it is in (active, passive, nominal, relative, adjective,
    colon, ...), the action and status of the facts it states (None: a negative, no fact)."""

    text: str
    form: str
    action: str | None
    status: str | None
    single: bool = False  # one member only (a possessive, an adjective, a place)
    min_members: int = 1
    dated: bool = False  # always given a date (the sentence needs one)


def _t(text: str, form: str, action: str | None = None, status: str | None = None, **kw) -> Template:
    return Template(text, form, action, status, **kw)


JOIN, MEMBER = "join", "member"

FAMILIES: dict[str, list[Template]] = {
    "join": [
        _t("{pre}{M} joined {O}{post}.", "active", JOIN, MEMBER),
        _t("{pre}{M} became {a}member{pl} of {O}{post}.", "active", JOIN, MEMBER),
        _t("{pre}{O} admitted {Mo}{post}.", "active", JOIN, MEMBER),
        _t("{pre}{M} acceded to {O}{post}.", "active", JOIN, MEMBER),
        _t("{pre}{M} {was} admitted to {O}{post}.", "passive", JOIN, MEMBER),
        _t("{pre}{M} {was} welcomed into {O}{post}.", "passive", JOIN, MEMBER),
        _t("{Mposs} accession to {O}{post} ended a long wait.", "nominal", JOIN, MEMBER, single=True),
        _t("the accession of {Mo} to {O}{post} ended a long wait.", "nominal", JOIN, MEMBER),
        _t("{Adj} accession to {O}{post} ended a long wait.", "adjective", JOIN, MEMBER, single=True),
        _t("{M}, which joined {O}{post}, {has} a small army.", "relative", JOIN, MEMBER),
        _t("{pre}{count} countries joined {O}{post}: {list}.", "colon", JOIN, MEMBER, min_members=2),
    ],
    "leave": [
        _t("{pre}{M} left {O}{post}.", "active", "leave"),
        _t("{pre}{M} withdrew from {O}{post}.", "active", "leave"),
        _t("{pre}{M} quit {O}{post}.", "active", "leave"),
        _t("{pre}{M} pulled out of {O}{post}.", "active", "leave"),
        _t("{pre}{M} walked out of {O}{post}.", "active", "leave"),
        _t("{Mposs} withdrawal from {O}{post} surprised its neighbours.", "nominal", "leave", single=True),
        _t("{Adj} withdrawal from {O}{post} surprised investors.", "adjective", "leave", single=True),
        _t("the withdrawal of {Mo} from {O}{post} ended an era.", "nominal", "leave"),
        _t("{M}, which left {O}{post}, {has} kept close trade ties.", "relative", "leave"),
        _t("{pre}{count} countries left {O}{post}: {list}.", "colon", "leave", min_members=2),
    ],
    "suspend": [
        _t("{pre}{O} suspended {Mo}{post}.", "active", "suspend"),
        _t("{pre}{O} suspended the membership of {Mo}{post}.", "active", "suspend"),
        _t("{pre}{M} {was} suspended from {O}{post}.", "passive", "suspend"),
        _t("{M} remain{s} suspended from {O} after a military takeover.", "state", "suspend"),
        _t("{Mposs} suspension from {O}{post} shocked investors.", "nominal", "suspend", single=True),
        _t("{pre}{O} suspended {count} countries{post}: {list}.", "colon", "suspend", min_members=2),
    ],
    "readmit": [
        _t("{pre}{O} lifted the suspension of {Mo}{post}.", "active", "readmit", MEMBER),
        _t("{pre}{O} reinstated {Mo}{post}.", "active", "readmit", MEMBER),
        _t("{pre}{Mposs} membership of {O} was restored{post}.", "nominal", "readmit", MEMBER, single=True),
        _t("{pre}{O} readmitted {Mo}{post}.", "active", "readmit", MEMBER),
        _t("{pre}{M} {was} readmitted to {O}{post}.", "passive", "readmit", MEMBER),
        _t("{pre}{Mposs} suspension from {O} was lifted{post}.", "nominal", "readmit", MEMBER, single=True),
    ],
    "expel": [
        _t("{pre}{M} {was} expelled from {O}{post}.", "passive", "expel"),
        _t("{pre}{O} expelled {Mo}{post}.", "active", "expel"),
        _t("{pre}{Mposs} membership of {O} was terminated{post}.", "nominal", "expel", single=True),
        _t("{pre}{O} voted to expel {Mo}{post}.", "active", "expel"),
        _t("{Mposs} expulsion from {O}{post} was unprecedented.", "nominal", "expel", single=True),
    ],
    "apply": [
        _t("{pre}{M} applied to join {O}{post}.", "active", "apply", "candidate"),
        _t("{pre}{M} applied for membership of {O}{post}.", "active", "apply", "candidate"),
        _t("{pre}{M} {was} granted candidate status by {O}{post}.", "passive", "apply", "candidate"),
        _t("{pre}{O} granted {Mo} candidate status{post}.", "active", "apply", "candidate"),
        _t("{pre}{O} named {Mo} official candidate countries{post}.", "named", "apply", "candidate", min_members=2),
        _t("{pre}{O} received a membership request from {Mo}{post}.", "nominal", "apply", "candidate"),
        _t("{Mposs} application{post} to join {O} is still pending.", "nominal", "apply", "candidate", single=True),
    ],
    "observer": [
        _t("{pre}{M} {was} granted observer status in {O}{post}.", "passive", JOIN, "observer"),
        _t("{pre}{M} became {an}observer{pl} of {O}{post}.", "active", JOIN, "observer"),
        _t("{pre}{O} admitted {Mo} as {an}observer{pl}{post}.", "active", JOIN, "observer"),
        _t("{pre}{M} joined {O} as {an}observer{pl}{post}.", "active", JOIN, "observer"),
        _t("{pre}{M} became {a}dialogue partner{pl} of {O}{post}.", "active", JOIN, "dialogue_partner"),
        _t("{pre}{O} granted {Mo} dialogue partner status{post}.", "active", JOIN, "dialogue_partner"),
    ],
    "found": [
        _t("{O} was founded{post} by {Mo}.", "passive", "found", "founding_member", min_members=2),
        _t("{pre}{O} was set up by {Mo}{post}.", "passive", "found", "founding_member", min_members=2),
        _t("{pre}{M} founded {O}{post}.", "active", "found", "founding_member", min_members=2),
        _t("{pre}{M} set up {O}{post}.", "active", "found", "founding_member", min_members=2),
        _t("{M} {was} among the founding members of {O}, which was created{post}.", "relative", "found",
           "founding_member", dated=True),
        _t("{O} was founded{post} by {count} countries: {list}.", "colon", "found", "founding_member", min_members=2),
    ],
    "scheduled": [
        _t("{pre}{M} will join {O}{post}.", "future", JOIN, MEMBER),
        _t("{pre}{O} will admit {Mo}{post}.", "future", JOIN, MEMBER),
        _t("{pre}{O} has decided to admit {Mo}{post}.", "decided", JOIN, MEMBER),
        _t("{pre}{M} {is} scheduled to become {a}full member{pl} of {O}{post}.", "scheduled", JOIN, MEMBER),
        _t("{pre}{M} {is} to become {a}full member{pl} of {O}{post}.", "scheduled", JOIN, MEMBER),
        _t("{pre}{O} approved {Mo} as its newest member{pl}{post}.", "decided", JOIN, MEMBER),
        _t("{pre}{M} will leave {O}{post}.", "future", "leave"),
    ],
    "enumerated": [
        _t("{O} took in {ENUM}.", "enumerated", JOIN, MEMBER, min_members=2),
        _t("{O} admitted {ENUM}.", "enumerated", JOIN, MEMBER, min_members=2),
        _t("{O} expanded to take in {ENUM}.", "enumerated", JOIN, MEMBER, min_members=2),
        _t("{ENUM_FOLLOWED}.", "followed_by", JOIN, MEMBER, min_members=2),
    ],
    "member_since": [
        _t("{M} {has} been {a}member{pl} of {O} {since}.", "perfect", JOIN, MEMBER),
        _t("{M}, {a}member{pl} of {O} {since}, {has} a small army.", "apposition", JOIN, MEMBER),
        _t("{M} {has} belonged to {O} {since}.", "perfect", JOIN, MEMBER),
        _t("{M} {has} been {an}observer{pl} in {O} {since}.", "perfect", JOIN, "observer"),
    ],
    "neg_hope": [
        _t("{pre}{M} hope{s} to join {O}{post}.", "hope"),
        _t("{M} want{s} to become {a}member{pl} of {O}{post}.", "hope"),
        _t("{M} {is} keen to leave {O}{post}.", "hope"),
        _t("{M} dream{s} of joining {O}{post}.", "hope"),
    ],
    "neg_condition": [
        _t("If {M} join{s} {O}{post}, trade will grow.", "condition"),
        _t("{O} would grow stronger if {M} joined{post}.", "condition"),
        _t("Should {M} leave {O}{post}, prices would rise.", "condition"),
        _t("If {M} {was} expelled from {O}{post}, talks would stop.", "condition"),
    ],
    "neg_negation": [
        _t("{pre}{M} will not join {O}{post}.", "negation"),
        _t("{pre}{M} did not join {O}{post}.", "negation"),
        _t("{M} never joined {O}.", "negation"),
        _t("{pre}{O} did not admit {Mo}{post}.", "negation"),
        _t("{pre}{M} {was} not expelled from {O}{post}.", "negation"),
        _t("{M} {has} no plans to leave {O}.", "negation"),
    ],
    "neg_invitation": [
        _t("{pre}{M} {was} invited to join {O}{post}.", "invitation"),
        _t("{pre}{O} invited {Mo} to join{post}.", "invitation"),
        _t("{pre}{O} invited {Mo} to apply for membership{post}.", "invitation"),
    ],
    "neg_talks": [
        _t("{pre}{M} held talks with {O}{post}.", "talks"),
        _t("{pre}{O} signed a trade agreement with {Mo}{post}.", "talks"),
        _t("{pre}{M} joined talks with {O}{post}.", "talks"),
    ],
    "neg_location": [
        _t("{pre}{O} held a summit in {Mo}{post}.", "location", single=True),
        _t("at a summit in {Mo}{post}, {O} discussed new members.", "location", single=True),
        _t("{pre}{O} leaders met in {Mo} to discuss enlargement{post}.", "location", single=True),
    ],
    "neg_speaker": [
        _t("{pre}{M} said {O} should expand{post}.", "speaker"),
        _t("{pre}{M} said {O} should admit new members{post}.", "speaker"),
        _t("{pre}{M} urged {O} to take in more countries{post}.", "speaker"),
    ],
}

SAMPLE_SEED, SAMPLE_SIZE = 21, 500  # the sample tests/extractors/test_membership_variants.py floors
NEGATIVE_FAMILIES = tuple(f for f in FAMILIES if f.startswith("neg_"))
FUTURE_FAMILIES = ("scheduled", "neg_hope", "neg_condition")  # their dates lie after publication
ALWAYS_DATED = ("enumerated", "member_since")

COUNT_WORDS = ("", "one", "two", "three", "four", "five", "six", "seven")
LIST_SHAPES = ("and", "serial_comma", "as_well_as", "along_with", "together_with", "parentheses")
TAILS = (" after a long debate", " despite objections", " amid celebrations")
REPORTING = ("officials said ", "the ministry said that ", "diplomats said ")
SPEAKERS = ("the minister said", "a spokesman said", "officials said")
INTRODUCTIONS = ("{O} held its annual meeting.", "{O} published its yearly report.")
ANAPHORS = {"bloc": "the bloc", "alliance": "the alliance", "forum": "the group", "cartel": "the cartel"}
ANAPHOR_DEFAULT = ("the organisation", "the organization")
THE_ARTICLE = ("NLD", "PHL", "GMB", "BHS", "USA", "GBR", "ARE", "CAF", "DOM", "MDV", "SYC", "COM")
# dependencies and uninhabited territories, which ISO 3166-1 lists beside the states: never members here
TERRITORIES = frozenset((
    "ABW", "AIA", "ALA", "ASM", "ATA", "ATF", "BES", "BLM", "BMU", "BVT", "CCK", "COK", "CUW", "CXR", "CYM", "ESH",
    "FLK", "FRO", "GGY", "GIB", "GLP", "GRL", "GUF", "GUM", "HKG", "HMD", "IMN", "IOT", "JEY", "MAC", "MAF", "MNP",
    "MSR", "MTQ", "MYT", "NCL", "NFK", "NIU", "PCN", "PRI", "PYF", "REU", "SGS", "SHN", "SJM", "SPM", "SXM", "TCA",
    "TKL", "UMI", "VGB", "VIR", "WLF"))
SPELLINGS = (("organisation", "organization"), ("co-operation", "cooperation"), ("labour", "labor"))


# --- members, organizations, dates -------------------------------------------------------------

@dataclass(frozen=True)
class Member:
    code: str
    name: str  # as the text writes it ("the Netherlands")
    adjective: str | None
    kinds: tuple[str, ...]  # "the", "multiword", "and_name"


@cache
def member_pool() -> tuple[Member, ...]:
    """States the gazetteer knows by their pycountry name (no comma or parenthesis, at most three
    words, four with "and"), with "the" where English writes it and an adjective from the registry."""
    known = country_names()
    adjectives: dict[str, str] = {}
    for adj in sorted(country_adjectives()):
        adjectives.setdefault(known[adj][0], adj)
    pool = []
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        words = name.split()
        if country.alpha_3 in TERRITORIES or name not in known or "," in name or "(" in name or len(words) > (4 if "and" in words else 3):
            continue
        kinds = []
        if country.alpha_3 in THE_ARTICLE:
            name = "the " + name
            kinds.append("the")
        if "and" in words:
            kinds.append("and_name")
        elif len(words) > 1:
            kinds.append("multiword")
        pool.append(Member(country.alpha_3, name, adjectives.get(country.alpha_3), tuple(kinds)))
    return tuple(sorted(pool, key=lambda m: m.code))


@dataclass(frozen=True)
class OrgForm:
    """An organization as one sentence names it: `text` with its article, and the kind of name."""

    id: str
    text: str
    kind: str  # name, acronym, alias, spelling, anaphor, it


def _with_article(surface: str) -> str:
    """The surface as a noun phrase: acronyms and one-word names bare, other names with "the"."""
    if surface.lower().startswith("the "):
        return surface
    if " " not in surface and (surface[0].isupper() or not any(c.isalpha() for c in surface)):
        return surface
    return "the " + surface


def _acronym_phrase(acronym: str) -> str:
    """An acronym as news writes it: short initialisms and numbered groups with "the" ("the EU",
    "the G7"), acronyms read as words bare ("NATO", "OPEC")."""
    if len(acronym.replace(".", "")) <= 3 or any(c.isdigit() for c in acronym):
        return "the " + acronym
    return acronym


def _spelling_key(surface: str) -> str:
    key = surface.lower()
    for british, american in SPELLINGS:
        key = key.replace(british, american)
    return key


@cache
def organization_forms() -> dict[str, tuple[OrgForm, ...]]:
    """Every name the gazetteer knows for each organization, as (id -> forms): the full name, its
    acronyms, aliases and the British or American spelling of the name."""
    known = {(surface, org_id) for surface, org_id, _ in organization_names()}
    forms: dict[str, tuple[OrgForm, ...]] = {}
    for org in organizations().values():
        found = [OrgForm(org.id, _with_article(org.name), "name")]
        found += [OrgForm(org.id, _acronym_phrase(a), "acronym") for a in org.acronyms if (a, org.id) in known]
        for alias in org.aliases:
            kind = "spelling" if _spelling_key(alias) == _spelling_key(org.name) else "alias"
            found.append(OrgForm(org.id, _with_article(alias), kind))
        forms[org.id] = tuple(dict.fromkeys(found))
    return forms


@dataclass(frozen=True)
class DateChoice:
    """A date as the sentence writes it (with its preposition), its TIMEX3 value and its form."""

    phrase: str
    value: str
    form: str  # year, month_year, day_month_year, month_day_year, relative


def _absolute(rng: random.Random, year: int, prep_day: str = "on", prep_month: str = "in") -> DateChoice:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    name = calendar.month_name[month]
    form = rng.choice(("year", "year", "month_year", "day_month_year", "month_day_year"))
    if form == "year":
        return DateChoice(f"{prep_month} {year}", str(year), form)
    if form == "month_year":
        return DateChoice(f"{prep_month} {name} {year}", f"{year}-{month:02d}", form)
    text = f"{day} {name} {year}" if form == "day_month_year" else f"{name} {day}, {year}"
    return DateChoice(f"{prep_day} {text}", f"{year}-{month:02d}-{day:02d}", form)


def _month_shift(day: date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12}-{index % 12 + 1:02d}"


def relative_past(rng: random.Random, published: date | None, after_since: bool = False) -> DateChoice:
    """"last year", "this year", "last month", "three years ago" (after "since" only "last year" and
    "last month") and their value from the publication date (X for what an unknown publication date
    leaves unknown)."""
    choices = (("last year", -1, "year"), ("last month", -1, "month"), ("this year", 0, "year"),
               ("three years ago", -3, "year"))
    words, shift, unit = rng.choice(choices[:2] if after_since else choices)
    if unit == "year":
        value = str(published.year + shift) if published else "XXXX"
    else:
        value = _month_shift(published, shift) if published else "XXXX-XX"
    return DateChoice(words, value, "relative")


def relative_future(rng: random.Random, published: date | None) -> DateChoice:
    """"next year" / "from next month" and their value from the publication date."""
    if rng.random() < 0.5:
        return DateChoice("next year", str(published.year + 1) if published else "XXXX", "relative")
    return DateChoice("from next month", _month_shift(published, 1) if published else "XXXX-XX", "relative")


def choose_date(rng: random.Random, family: str, published: date | None) -> DateChoice:
    """A date for one fact of the family: past years for realised changes, later ones for scheduled
    changes and hopes; a relative one a fifth of the time."""
    future = family in FUTURE_FAMILIES
    if rng.random() < 0.2:
        return relative_future(rng, published) if future else relative_past(rng, published, family == "member_since")
    year = rng.randint(2026, 2034) if future else rng.randint(1950, 2024)
    return _absolute(rng, year)


# --- phrases -----------------------------------------------------------------------------------

def _join_names(names: list[str], serial: bool = False) -> str:
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return ", ".join(names[:-1]) + ("," if serial else "") + " and " + names[-1]


def list_phrase(names: list[str], shape: str, role: str) -> tuple[str, bool]:
    """The members as a noun phrase of that shape, and whether the verb agrees in the plural.
    `role` is "subject" or "object" (a subject's "along with" is set off by commas)."""
    if len(names) == 1:
        return names[0], False
    if shape == "serial_comma" and len(names) >= 3:
        return _join_names(names, serial=True), True
    if shape == "as_well_as":
        return f"{', '.join(names[:-1])} as well as {names[-1]}", True
    if shape in ("along_with", "together_with"):
        words = shape.replace("_", " ")
        tail = f" {words} {_join_names(names[1:])}"
        return (f"{names[0]},{tail}," if role == "subject" else names[0] + tail), False
    if shape == "parentheses":
        return f"{COUNT_WORDS[len(names)]} countries ({_join_names(names)})", True
    return _join_names(names), True


def possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def agreement(plural: bool) -> dict[str, str]:
    return {"was": "were" if plural else "was", "is": "are" if plural else "is", "has": "have" if plural else "has",
            "s": "" if plural else "s", "a": "" if plural else "a ", "an": "" if plural else "an ",
            "pl": "s" if plural else ""}


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- variants ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Variant:
    """A text to extract, its publication date, the facts it must give (computed here), its family,
    the kinds of variation it used, and the member names and date phrases it wrote."""

    text: str
    published: date | None
    expected: frozenset
    family: str
    kinds: tuple[str, ...]
    members: tuple[tuple[str, str], ...] = ()  # (alpha-3, the name or adjective as written)
    dates: tuple[tuple[str, str], ...] = ()  # (the date phrase as written, its value)
    organization: str = ""  # the organization's name as the text first writes it
    template: str = ""  # the template the variant was made from


def _member_count(rng: random.Random, template: Template, family: str) -> int:
    if template.single:
        return 1
    low = max(template.min_members, 2 if family == "enumerated" else 1)
    return max(low, min(7, rng.choice((1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 7))))


def _draw_members(rng: random.Random, count: int, need_adjective: bool) -> list[Member]:
    """`count` different members; a third of the draws from the hard names (with "the",
    several words, "and" inside)."""
    pool = member_pool()
    if need_adjective:
        return [rng.choice([m for m in pool if m.adjective])]
    hard = [m for m in pool if m.kinds]
    chosen: list[Member] = []
    while len(chosen) < count:
        member = rng.choice(hard if rng.random() < 0.35 else pool)
        if member not in chosen:
            chosen.append(member)
    return chosen


def _shapes_for(template: Template) -> tuple[str, ...]:
    """The list shapes a template takes: no "along with" before a relative clause or an apposition,
    which would then read as being about the last name only."""
    if template.form in ("relative", "apposition"):
        return tuple(s for s in LIST_SHAPES if s not in ("along_with", "together_with"))
    return LIST_SHAPES


def _org_is_subject(template: Template) -> bool:
    """Whether the organization opens the clause (where "it" can stand for it)."""
    return bool(re.match(r"(\{pre\})?\{O\} (?!leaders)", template.text))


def _org_form(rng: random.Random, allow_it: bool = True) -> tuple[OrgForm, OrgForm, str | None]:
    """The form naming the organization in the sentence, the form that names it first (the same,
    or the name in the introduction sentence an anaphor needs) and that introduction (or None)."""
    forms = organization_forms()
    org_id = rng.choice(sorted(forms))
    named = forms[org_id]
    if rng.random() < 0.2:
        first = rng.choice(named)
        intro = capitalized(rng.choice(INTRODUCTIONS).format(O=first.text))
        if allow_it and rng.random() < 0.3:
            return OrgForm(org_id, "it", "it"), first, intro
        noun = ANAPHORS.get(organizations()[org_id].kind) or rng.choice(ANAPHOR_DEFAULT)
        return OrgForm(org_id, noun, "anaphor"), first, intro
    wanted = rng.choice(("name", "acronym", "alias", "spelling"))
    chosen = rng.choice([f for f in named if f.kind == wanted] or [named[0]])
    return chosen, chosen, None


def _published(rng: random.Random) -> date | None:
    if rng.random() < 0.5:
        return None
    return date(2025, rng.randint(1, 12), rng.randint(1, 28))


def _position(text: str, phrase: str) -> str:
    start = text.lower().find(phrase.lower())
    if start <= 0:
        return "first"
    return "last" if start + len(phrase) >= len(text) - 1 else "mid"


def _enumeration(rng: random.Random, members: list[Member], followed: bool, org: str) -> tuple[str, list]:
    """Items "A in 1973, B in 1981 and C and D in 1986" (years rising; all years, or all months
    with their year), and the (member, date) of each member. `followed`: "A joined ORG in 1973,
    followed by B in 1981 and C in 1986"."""
    groups: list[list[Member]] = []
    rest = list(members)
    while rest:
        size = 2 if len(rest) >= 3 and rng.random() < 0.3 else 1
        groups.append(rest[:size])
        rest = rest[size:]
    years = sorted(rng.sample(range(1950, 2024), len(groups)))
    monthly = rng.random() < 0.3
    items, dated = [], []
    for group, year in zip(groups, years):
        month = rng.randint(1, 12)
        when = (DateChoice(f"in {calendar.month_name[month]} {year}", f"{year}-{month:02d}", "month_year") if monthly
                else DateChoice(f"in {year}", str(year), "year"))
        items.append((_join_names([m.name for m in group]), when.phrase))
        dated += [(m, when) for m in group]
    if followed:
        (head, first_date), *others = items
        return f"{head} joined {org} {first_date}, followed by {_join_names([f'{n} {d}' for n, d in others])}", dated
    return _join_names([f"{n} {d}" for n, d in items]), dated


def make_variant(rng: random.Random, family: str) -> Variant:
    """One variant of the family, every choice drawn from `rng`."""
    template = rng.choice(FAMILIES[family])
    members = _draw_members(rng, _member_count(rng, template, family), "{Adj}" in template.text)
    org, first, intro = _org_form(rng, allow_it=_org_is_subject(template))
    published = _published(rng)
    shape = rng.choice(_shapes_for(template)) if len(members) > 1 else "single"
    names = [m.name for m in members]
    kinds = [f"form:{template.form}", f"members:{len(members)}", f"org:{org.kind}",
             f"published:{'known' if published else 'none'}"]
    kinds += sorted({f"member:{k}" for m in members for k in m.kinds})
    slots: dict[str, str] = {"O": org.text, "pre": "", "post": "", "since": ""}
    dated: list[tuple[Member, DateChoice | None]] = []
    date_phrases: list[DateChoice] = []

    if template.form == "colon":
        shape = "colon"
        slots["list"], slots["count"] = _join_names(names), COUNT_WORDS[len(names)]
        plural = True
    else:
        slots["M"], plural = list_phrase(names, shape, "subject")
        slots["Mo"], _ = list_phrase(names, shape, "object")
        if "{M}" not in template.text:  # the objects of one verb: "admitted X together with Y as observers"
            plural = len(names) > 1
    if template.single:
        slots["Mposs"] = possessive(names[0])
        slots["Adj"] = members[0].adjective or ""
        if "{Adj}" in template.text:
            kinds.append("member:adjective")
    kinds.append(f"list:{'enumeration' if family == 'enumerated' else shape}")
    slots.update(agreement(plural))

    if family == "enumerated":
        text_items, dated = _enumeration(rng, members, "FOLLOWED" in template.text, org.text)
        slots["ENUM"] = slots["ENUM_FOLLOWED"] = text_items
        date_phrases = list(dict.fromkeys(d for _, d in dated))
    else:
        when: DateChoice | None = None
        has_slot = any("{" + slot + "}" in template.text for slot in ("pre", "post", "since"))
        if has_slot and (family in ALWAYS_DATED or template.dated or rng.random() < 0.75):
            when = choose_date(rng, family, published)
        if when is not None and family == "member_since":
            when = DateChoice("since " + re.sub(r"^(in|on|from) ", "", when.phrase), when.value, when.form)
            slots["since"] = when.phrase
        elif when is not None:
            slots.update(_date_slots(rng, template, when))
        dated = [(m, when) for m in members]
        date_phrases = [when] if when else []
        kinds.append(f"date:{when.form}" if when else "date:absent")

    body = template.text.format(**slots).replace(",,", ",")
    if body.endswith(".."):  # an acronym with its own full stop ends the sentence
        body = body[:-1]
    body, wrapped = _reported(rng, body, leading_date=bool(slots["pre"])) if family != "neg_condition" else (body, [])
    kinds += wrapped
    text = capitalized(body)
    if intro:
        text = f"{intro} {text}"
    for when in date_phrases[:1]:
        kinds.append(f"datepos:{_position(body, when.phrase)}")
    expected = frozenset() if template.action is None else frozenset(
        (org.id, m.code, template.action, template.status, d.value if d else None) for m, d in dated)
    return Variant(text, published, expected, family, tuple(kinds),
                   tuple((m.code, m.adjective if "{Adj}" in template.text else m.name) for m in members),
                   tuple((d.phrase, d.value) for d in date_phrases),
                   first.text, template.text)


def _date_slots(rng: random.Random, template: Template, when: DateChoice) -> dict[str, str]:
    """Where the date goes: before the clause ("In 2004, ..."), after it, or after it with a clause
    following (mid-sentence), as far as the template has room."""
    places = [p for p in ("pre", "post") if "{" + p + "}" in template.text]
    if not places:
        return {}
    place = rng.choice(places)
    if place == "pre":
        return {"pre": f"{when.phrase}, "}
    tail = rng.choice(TAILS) if template.text.endswith("{post}.") and rng.random() < 0.3 else ""
    return {"post": f" {when.phrase}{tail}"}


def _reported(rng: random.Random, body: str, leading_date: bool) -> tuple[str, list[str]]:
    """The clause as it is, after a reporting clause ("officials said ..."; not before a leading
    date, which would date the saying), or quoted."""
    roll = rng.random()
    if roll < 0.12 and not leading_date:
        return rng.choice(REPORTING) + body, ["reported"]
    if roll < 0.22:
        clause = body[:-1] if not re.search(r"\.[A-Z]\.$", body) else body
        return f"\"{capitalized(clause)},\" {rng.choice(SPEAKERS)}.", ["quoted"]
    return body, []


def generate(n: int, seed: int = 1) -> list[Variant]:
    """`n` variants, the families in turn, deterministic from `seed` (random.Random(seed))."""
    rng = random.Random(seed)
    families = list(FAMILIES)
    return [make_variant(rng, families[i % len(families)]) for i in range(n)]


# --- running the extractor ---------------------------------------------------------------------

def raw_document(variant: Variant, index: int):
    """The variant as a RawDocument the extractor reads."""
    from extractor.inputs.sources import RawDocument

    data = variant.text.encode("utf-8")
    return RawDocument(f"v{index}.txt", f"v{index}.txt", variant.text, hashlib.sha256(data).hexdigest(), "utf-8", (),
                       variant.published.isoformat() if variant.published else None)


def facts_of(records: list) -> frozenset:
    """The (organization, member, action, status, date value) of each membership record."""
    return frozenset((r.organization.id, r.member.id, r.action, r.status, r.date.value if r.date else None)
                     for r in records if r.type == "membership")


def extract_facts(engine, variants: list[Variant], batch: int = 64) -> list[frozenset]:
    """The facts the extractor reads from each variant, in order (`engine` an extractor.core.pipeline.Extractor)."""
    out: list[frozenset] = []
    for start in range(0, len(variants), batch):
        chunk = variants[start:start + batch]
        docs = [raw_document(v, start + i) for i, v in enumerate(chunk)]
        out += [facts_of(records) for records in engine.extract_batch(docs)]
    return out


def failure_shape(expected: frozenset, got: frozenset) -> str:
    """How `got` differs from `expected`, in words ("no record", "date wrong", "status wrong",
    "action wrong", "organization wrong", "member missed", "extra record"); "" when equal."""
    if expected == got:
        return ""
    if not got:
        return "no record"
    if not expected:
        return "false record"
    shapes = set()
    by_member = {}
    for fact in got:
        by_member.setdefault(fact[1], []).append(fact)
    for fact in expected - got:
        others = by_member.get(fact[1], [])
        if not others:
            shapes.add("member missed")
        elif not any(o[0] == fact[0] for o in others):
            shapes.add("organization wrong")
        elif not any(o[2] == fact[2] for o in others if o[0] == fact[0]):
            shapes.add("action wrong")
        elif not any(o[3] == fact[3] for o in others if o[0] == fact[0] and o[2] == fact[2]):
            shapes.add("status wrong")
        else:
            same = [o for o in others if o[:4] == fact[:4]]
            shapes.add("date missing" if any(o[4] is None for o in same) else "date wrong")
    expected_members = {f[1] for f in expected}
    extra = [f for f in got - expected if f[1] not in expected_members]
    if extra:
        shapes.add("extra member")
    if not shapes:
        shapes.add("extra record")
    return " + ".join(sorted(shapes))


def loose(facts: frozenset) -> frozenset:
    """The facts as the news scorer's default compares them: organization, member, action and the
    year of the date (status left out)."""
    return frozenset((o, m, a, d[:4] if d else None) for o, m, a, _, d in facts)
