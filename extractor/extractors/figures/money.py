"""Currencies and scales: which ISO 4217 code a symbol, code, name or word before or after a
number stands for (currencies.tsv, currency_subunits.tsv, babel's English names and symbols,
pycountry's current codes), the contextual words whose currency the text around them tells
("kroner", "crowns"), and what a scale word multiplies by ("bn", "million")."""

from __future__ import annotations

import re
from functools import cache

import pycountry
from babel import Locale
from babel.numbers import get_currency_name
from spacy.tokens import Doc

from extractor.extractors.figures.words import figure_words
from extractor.language.lexicon import DataFileError, alternation, read_tsv, spaced
from extractor.nlp.syntax import span_for, text_of

METAL_CODES = frozenset({"XAG", "XAU", "XPD", "XPT"})  # gold and silver are no currency in news
ISO_CODE = re.compile(r"[A-Z]{3}")
CURRENCY_CUE_REACH = 300  # characters before a figure's sentence where a country names its currency


@cache
def money_tables() -> dict:
    """"prefixes" and "suffixes" (a currency written before or after a number -> its code),
    "subunits" (a coin -> its currency's code and worth: "cents" -> ("USD", 0.01)), "scales"
    (a scale word -> its factor) and "contextual" (see `contextual_currencies`)."""
    currencies = read_tsv("currencies.tsv", 3)
    prefixes = {s: code for s, code, pos in currencies if pos in ("prefix", "both")}
    suffixes = {s: code for s, code, pos in currencies if pos in ("suffix", "both")}
    for code in current_currencies():
        prefixes.setdefault(code, code)
        suffixes.setdefault(code, code)
    for symbol, code in currency_symbols().items():
        prefixes.setdefault(symbol, code)
    for symbol, code in prefixes.items():
        if not any(c.isalpha() for c in symbol):
            suffixes.setdefault(symbol, code)  # "30 €", "-25€"
    for name, code in currency_names().items():
        suffixes.setdefault(name, code)
    subunits = {word: (code, float(value)) for word, code, value in read_tsv("currency_subunits.tsv", 3)}
    scales = {w: float(v) for w, v in read_tsv("scales.tsv", 2)}
    return {"prefixes": prefixes, "suffixes": suffixes, "subunits": subunits, "scales": scales,
            "contextual": contextual_currencies()}


@cache
def contextual_currencies() -> dict[str, tuple[tuple[str, ...], str | None]]:
    """word -> (the ISO 4217 codes it may be, the code without a cue or None) from
    contextual_currencies.tsv ("crowns" -> SEK, DKK, NOK, CZK or ISK; "kroner" -> DKK unless
    Norway is named). A code that is not three capitals, or a default not among the codes, is a
    DataFileError naming the word."""
    out, bad = {}, []
    for word, codes, default in read_tsv("contextual_currencies.tsv", 3):
        listed = tuple(c.strip() for c in codes.split(","))
        if not all(ISO_CODE.fullmatch(c) for c in listed) or (default != "-" and default not in listed):
            bad.append(f"  {word}: codes must be ISO 4217 codes (SEK,DKK) and the default one of them or -")
            continue
        out[word] = (listed, None if default == "-" else default)
    if bad:
        raise DataFileError("data/contextual_currencies.tsv has bad lines; fix them:\n" + "\n".join(bad))
    return out


@cache
def currency_cues() -> tuple[re.Pattern, dict[str, str]]:
    """The words that say which currency a contextual currency word is, and their codes (lower
    case -> ISO 4217): the countries of currency_countries.tsv and the names and codes of those
    currencies ("kronor", "Norwegian kroner", "SEK")."""
    t = money_tables()
    wanted = {code for codes, _ in t["contextual"].values() for code in codes}
    cues: dict[str, str] = {}
    bad = []
    for word, code in read_tsv("currency_countries.tsv", 2):
        if code not in wanted:
            bad.append(f"  {word}: {code} is none of the codes of contextual_currencies.tsv")
        cues[word.lower()] = code
    if bad:
        raise DataFileError("data/currency_countries.tsv has bad lines; fix them:\n" + "\n".join(bad))
    for table in (t["prefixes"], t["suffixes"]):
        for surface, code in table.items():
            if code in wanted and surface.lower() not in t["contextual"] and any(c.isalpha() for c in surface):
                cues.setdefault(surface.lower(), code)
    return re.compile(rf"(?<!\w){alternation(cues, spaced)}(?!\w)", re.IGNORECASE), cues


def contextual_currency(doc: Doc, start: int, end: int, word: str, scaled: bool) -> str | None:
    """The ISO 4217 code a contextual currency word ("crowns", "kroner") has at `start`-`end`:
    the currency of the country (or currency) named nearest the figure in its sentence or the
    CURRENCY_CUE_REACH characters before that sentence; else the word's default; None when it is
    no money: no cue and no default, or a word with no default (an English noun: "crowns") without
    a scale in a sentence about royals or teeth."""
    codes, default = money_tables()["contextual"][word]
    span = span_for(doc, start, end)
    sent = span[0].sent if span is not None and len(span) else None
    first = sent.start_char if sent is not None else start
    last = sent.end_char if sent is not None else end
    if default is None and not scaled and sent is not None and {t.lower_ for t in sent} & figure_words()["crown_object"]:
        return None  # "the queen wore three crowns", "the dentist fitted two crowns"
    pattern, cues = currency_cues()
    text = text_of(doc)
    nearest: tuple[int, str] | None = None
    for cue in pattern.finditer(text, max(0, first - CURRENCY_CUE_REACH), last):
        code = cues.get(re.sub(r"\s+", " ", cue.group().lower()))
        if code is None or code not in codes or start <= cue.start() < end:
            continue
        distance = start - cue.end() if cue.end() <= start else cue.start() - end
        if nearest is None or distance < nearest[0]:
            nearest = (distance, code)
    return nearest[1] if nearest else default


@cache
def current_currencies() -> frozenset[str]:
    """The ISO 4217 codes in use (pycountry), gold and silver left out."""
    return frozenset(c.alpha_3 for c in pycountry.currencies) - METAL_CODES


@cache
def currency_symbols() -> dict[str, str]:
    """The symbols babel's English locale writes ("CN¥", "₪", "MX$"), purely alphabetic ones
    ("FCFA") left out."""
    return {symbol: code for code, symbol in Locale("en").currency_symbols.items()
            if code in current_currencies() and not symbol.isalpha() and symbol != code}


@cache
def currency_names() -> dict[str, str]:
    """English currency names and their plurals from babel, lower case ("us dollar", "chinese
    yuan", "indian rupees", "euros"), a current currency's name before a historical one's
    ("french francs" is still FRF). Single words other than "euro" are left to currencies.tsv:
    babel names gold and silver as currencies."""
    names: dict[str, str] = {}
    current = current_currencies()
    for code in sorted(Locale("en").currencies, key=lambda c: (c not in current, c)):
        if code in METAL_CODES or (code.startswith("X") and code not in current):
            continue
        for count in (1, 2):
            name = re.sub(r"\s*\(.*\)$", "", get_currency_name(code, count=count, locale="en")).lower()
            if " " in name or name.startswith("euro"):
                names.setdefault(name, code)
    return names


def currency_code(m: re.Match) -> tuple[str | None, float]:
    """The ISO 4217 code of a money match and what one of its written units is worth in that
    currency (1, or 0.01 for "cents")."""
    t = money_tables()
    if m.groupdict().get("cur"):
        return t["prefixes"].get(m.group("cur")), 1.0
    word = re.sub(r"\s+", " ", m.group("curw"))
    for table in (t["suffixes"], t["subunits"]):
        found = table.get(word, table.get(word.lower()))
        if found is not None:
            return found if isinstance(found, tuple) else (found, 1.0)
    return None, 1.0


def scale_factor(m: re.Match) -> float:
    """What the scale word of a match multiplies its number by ("bn", "million", "60 USD
    million"), 1.0 without one."""
    groups = m.groupdict()
    word = groups.get("scale") or groups.get("scale_word") or groups.get("post_scale")  # "60 USD million"
    if not word:
        return 1.0
    scales = money_tables()["scales"]
    return scales.get(word, scales.get(word.lower(), 1.0))
