"""Physical units after a number, read with pint: "12.5 nanometres", "250 °C", "4.1 MWh",
"3,200 tpd", "60 km/h", "square kilometres", "litres per 100 km", "tonnes a day".

pint knows the units, their canonical names and how to bring a value to SI base units; what it
does not know is which words in news are units. Only the units of `data/units.tsv` make a
quantity (pint alone reads "has" as hectares and "Tim" as tebimeters); pint reads their names,
plurals and British spellings, the table adds the symbols news writes and the spellings pint
lacks, and `data/unit_definitions.txt` the units pint has never had (TEU).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pint

from extractor.language.lexicon import alternation, package_text, read_tsv


@dataclass(frozen=True)
class Atom:
    """One unit as written: `expression` is a pint expression ("kilometer", "mile / hour")."""

    expression: str
    role: str  # "any", or "per": only as the denominator of a rate ("a day")
    dimension: str | None  # named in units.tsv when pint cannot tell it (bytes, TEU)
    symbol: bool  # written as a symbol ("km"), which may follow the number without a space


@dataclass(frozen=True)
class Unit:
    """The unit of a quantity: canonical pint name, dimension name and how to reach SI."""

    name: str  # "kilometer / hour", "degree_Celsius"
    dimension: str  # "speed", "temperature"
    expression: str  # what pint reads to convert: "kilometer / hour", "liter / (100 * kilometer)"
    end: int  # where the unit ends in the text
    convertible: bool = True  # False for a bare "degrees" of weather: Celsius or Fahrenheit unsaid


@cache
def registry() -> pint.UnitRegistry:
    """pint's default registry with the definitions of `data/unit_definitions.txt`."""
    ureg: pint.UnitRegistry = pint.UnitRegistry()
    text = package_text("unit_definitions.txt")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            ureg.define(line)
    return ureg


def _normal(word: str) -> str:
    """'Light-Years' -> 'light years': how listed words are looked up."""
    return re.sub(r"[\s-]+", " ", word.lower())


def _split(field: str) -> list[str]:
    return [] if field == "-" else [f.strip() for f in field.split(",") if f.strip()]


@cache
def _atoms() -> tuple[dict[str, Atom], dict[str, Atom], dict[str, tuple[str, frozenset[str], Atom]]]:
    """(symbols, case-exact -> atom; words, lower case -> atom; pint unit name -> (expression,
    allowed prefixes, atom)) from units.tsv."""
    ureg = registry()
    symbols: dict[str, Atom] = {}
    words: dict[str, Atom] = {}
    by_name: dict[str, tuple[str, frozenset[str], Atom]] = {}
    for unit, syms, prefixes, extra, role, dimension in read_tsv("units.tsv", 6):
        allowed = frozenset(_split(prefixes))
        atom = Atom(unit, role, None if dimension == "-" else dimension, False)
        canonical = str(ureg.parse_expression(unit).units)
        by_name[canonical] = (unit, allowed, atom)
        for sym in _split(syms):
            symbols[sym] = Atom(unit, role, atom.dimension, True)
            for prefix in allowed:
                symbols[ureg._prefixes[prefix].symbol + sym] = Atom(f"{prefix}{unit}", role, atom.dimension, True)
        for word in _split(extra):
            expression = unit
            for prefix in allowed:
                if word.lower().startswith(prefix):
                    expression = f"{prefix}{unit}"
            words[_normal(word)] = Atom(expression, role, atom.dimension, False)
    return symbols, words, by_name


@cache
def _surface_pattern() -> re.Pattern:
    """Every listed symbol and word, longest first; words match in any case."""
    symbols, words, _ = _atoms()
    def form(part: str) -> str:
        if part in symbols:
            return re.escape(part)
        return "(?i:" + r"[\s-]+".join(re.escape(w) for w in part.split(" ")) + ")"

    return re.compile(alternation([*symbols, *words], form) + r"(?=[23²³](?!\w)|[^\w°]|$)")


WORD = re.compile(r"[a-z]{4,}(?![\w°])")  # a unit written as a word is lower case: "21 Grams" is a film
SEPARATOR = re.compile(r"[ \u00a0]?-?|-")
POWER = re.compile(r"(?i:(?P<word>square|sq\.?|cubic|cu\.?)\s+)")
EXPONENT = re.compile(r"(?:\^?(?P<digit>[23])|(?P<sup>[²³]))(?![\w])")
RATE = re.compile(r"\s*/\s*|\s+(?P<word>per|an?|each)\s+", re.IGNORECASE)
DENOMINATOR_NUMBER = re.compile(r"(?P<n>\d+)\s*")


@cache
def _word_atom(word: str) -> Atom | None:
    """A unit's name as pint reads it ("kilometres", "megawatts"), when units.tsv lists the
    unit and allows the prefix."""
    _, _, by_name = _atoms()
    try:
        readings = registry().parse_unit_name(word.lower())
    except (pint.errors.UndefinedUnitError, ValueError):
        return None
    for prefix, name, _suffix in readings:
        listed = by_name.get(name)
        if listed and (prefix == "" or prefix in listed[1]):
            unit, _, atom = listed
            return Atom(f"{prefix}{unit}" if prefix else unit, atom.role, atom.dimension, False)
    return None


def _atom_at(text: str, i: int) -> tuple[int, Atom] | None:
    symbols, words, _ = _atoms()
    m = _surface_pattern().match(text, i)
    if m:
        surface = m.group()
        atom = symbols.get(surface) or words.get(_normal(surface))
        if atom is not None:
            return m.end(), atom
    m = WORD.match(text, i)
    if m:
        atom = _word_atom(m.group())
        if atom is not None:
            return m.end(), atom
    return None


def _powered(text: str, i: int) -> tuple[int, str, Atom] | None:
    """'square kilometres', 'sq km', 'km2', 'm³': (end, pint expression, atom)."""
    power = 1
    m = POWER.match(text, i)
    if m:
        power = 2 if m.group("word").lower().startswith("sq") else 3
        i = m.end()
    found = _atom_at(text, i)
    if found is None:
        return None
    end, atom = found
    e = EXPONENT.match(text, end)
    if e and power == 1 and (atom.symbol or e.group("sup")):
        power = 2 if (e.group("digit") or e.group("sup")) in ("2", "²") else 3
        end = e.end()
    expression = atom.expression if power == 1 else f"({atom.expression}) ** {power}"
    return end, expression, atom


def read_unit(text: str, i: int) -> Unit | None:
    """The unit written at `text[i:]`, just after a number, or None. A unit may follow the
    number directly ("12kg"), after a space or a hyphen ("a 1,200-mile pipeline"), and be a
    rate ("tonnes a day", "km/h", "litres per 100 km", "cubic metres per second")."""
    sep = SEPARATOR.match(text, i)
    start = sep.end() if sep else i
    first = _powered(text, start)
    if first is None or first[2].role != "any":
        return None
    end, top, atom = first
    if start == i and not atom.symbol:
        return None  # "12kilometres" is a typing slip more often than a unit
    rate = _rate(text, end)
    if rate is None:
        return _unit(top, None, None, end, (atom.dimension,))
    end, count, bottom, per_atom = rate
    return _unit(top, bottom, count, end, (atom.dimension, per_atom.dimension))


def _rate(text: str, end: int) -> tuple[int, int | None, str, Atom] | None:
    """'/h', ' per 100 km', ' a day' after a unit: (end, count, unit expression, atom)."""
    rate = RATE.match(text, end)
    if not rate:
        return None
    word = (rate.group("word") or "/").lower()
    j = rate.end()
    number = DENOMINATOR_NUMBER.match(text, j) if word in ("/", "per") else None
    second = _powered(text, number.end() if number else j)
    if second is None or (word not in ("/", "per") and second[2].role != "per"):
        return None  # "tonnes a day" is a rate, "tonnes a year ago" too, "tonnes a ship" is not
    return second[0], int(number.group("n")) if number else None, second[1], second[2]


def _unit(top: str, bottom: str | None, count: int | None, end: int, listed: tuple[str | None, ...]) -> Unit | None:
    """The unit `top` (per `count` `bottom`), named as pint names it; None if pint cannot read it."""
    ureg = registry()
    if bottom is None:
        expression = top
    else:
        expression = f"({top}) / ({count} * ({bottom}))" if count else f"({top}) / ({bottom})"
    try:
        name = str(ureg.parse_expression(f"({top}) / ({bottom})" if bottom else top).units)
        dimension = _dimension(top, bottom, listed)
    except Exception:  # pint's parser raises tokenize and syntax errors of its own on odd input
        return None
    if count:
        top_name, bottom_name = name.split(" / ", 1) if " / " in name else (name, "")
        name = f"{top_name} / {count} {bottom_name}".strip()
    return Unit(name, dimension, expression, end)


@cache
def _dimension_table() -> tuple[dict[str, str], dict]:
    ratios: dict[str, str] = {}
    by_pint: dict = {}  # pint's dimensionality -> name
    ureg = registry()
    for name, kind, definition in read_tsv("dimensions.tsv", 3):
        if kind == "ratio":
            ratios[definition] = name
        else:
            by_pint.setdefault(ureg.get_dimensionality(definition), name)
    return ratios, by_pint


def _dimension(top: str, bottom: str | None, listed: tuple[str | None, ...]) -> str:
    """The dimension's name: listed in units.tsv, or a ratio dimensions.tsv names
    ("fuel_consumption": a volume per length), or named from pint's dimensionality."""
    ratios, _ = _dimension_table()
    if bottom is None:
        return listed[0] or dimension_of(top)
    parts = (listed[0] or dimension_of(top), listed[1] or dimension_of(bottom))
    return ratios.get(f"{parts[0]}/{parts[1]}") or dimension_of(f"({top}) / ({bottom})")


@cache
def dimension_of(expression: str) -> str:
    """The name of the dimension of a pint unit expression ("energy", "speed")."""
    _, by_pint = _dimension_table()
    dims = registry().parse_expression(expression).dimensionality
    return by_pint.get(dims, str(dims))


def si_value(value: float, unit: Unit) -> tuple[float, str] | None:
    """`value` in `unit` as (value, unit) in SI base units: 250 degree_Celsius -> (523.15, 'kelvin')."""
    if not unit.convertible:
        return None
    ureg = registry()
    try:
        quantity = ureg.Quantity(value, unit.expression)
    except (pint.errors.PintError, ValueError):
        quantity = value * ureg.parse_expression(unit.expression)  # "liter / (100 * kilometer)"
    base = quantity.to_base_units()
    return float(base.magnitude), str(base.units)
