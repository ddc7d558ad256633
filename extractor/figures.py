"""Figures: money, percentages, counts, ordinals, fractions and physical quantities.

Numbers are found on the text with regular expressions built from the data tables (currency
symbols and words, scale words, units, number words), so "£1.4bn" and "$2.5 bn" read the same
whatever the tokenizer does; the parse then tells what is counted and what is measured.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

import pycountry
from babel import Locale
from babel.numbers import get_currency_name
from spacy.language import Language
from spacy.tokens import Doc, Token

from extractor.context import context_of, write_spans

from extractor.lexicon import DataFileError, anchor_regions, number_words, previous_word, read_tsv, word_alternation
from extractor.link import DateIndex, date_ref, evidence
from extractor.nlp import clause_verb, span_for, text_of
from extractor.records import DocumentWarning, Figure
from extractor.spans import DisjointSpans, Spans
from extractor.temporal import TimexSpan, timexes_of
from extractor.units import Unit, read_unit, si_value

VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"  # "½", "1½": numbers in their own right (unicodedata.numeric)
NUMERIC = rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+\s?[{VULGAR}]|\d+(?:\.\d+)?|\.\d+|[{VULGAR}]"
FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
             "fifth": 0.2, "fifths": 0.2, "sixth": 1 / 6, "sixths": 1 / 6, "seventh": 1 / 7, "sevenths": 1 / 7,
             "eighth": 0.125, "eighths": 0.125, "ninth": 1 / 9, "ninths": 1 / 9, "tenth": 0.1, "tenths": 0.1,
             "fourth": 0.25, "fourths": 0.25, "twelfth": 1 / 12, "twelfths": 1 / 12, "hundredth": 0.01, "hundredths": 0.01,
             "thousandth": 0.001, "thousandths": 0.001}
SLASH_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 100})  # "1/3", "3/4"; not "9/11", "24/7"
MIXED = r"[\s-]+and[\s-]+(?:a|one)[\s-]+(?:half|quarter|third)|[\s-]+and[\s-]+(?:two|three)[\s-]+(?:quarters|thirds)"
MAX_FIGURES_PER_SENTENCE = 60  # more numbers than this in one sentence: a table or a dump, no figures
MAX_ID_DIGITS = 7  # a run of this many digits without separators is an id or a phone number


@dataclass(frozen=True)
class FigureSpan:
    start: int
    end: int
    text: str
    value: float
    kind: str
    unit: str | None
    qualifier: str | None
    subject: str | None
    head: int | None  # index of the token the figure hangs on, for linking a date
    dimension: str | None = None  # quantities: what the unit measures, its SI value and unit
    si_value: float | None = None
    si_unit: str | None = None


@cache
def _tables() -> dict:
    currencies = read_tsv("currencies.tsv", 3)
    prefixes = {s: code for s, code, pos in currencies if pos in ("prefix", "both")}
    suffixes = {s: code for s, code, pos in currencies if pos in ("suffix", "both")}
    for code in _current_currencies():
        prefixes.setdefault(code, code)
        suffixes.setdefault(code, code)
    for symbol, code in _currency_symbols().items():
        prefixes.setdefault(symbol, code)
    for symbol, code in prefixes.items():
        if not any(c.isalpha() for c in symbol):
            suffixes.setdefault(symbol, code)  # "30 €", "-25€"
    for name, code in _currency_names().items():
        suffixes.setdefault(name, code)
    subunits = {word: (code, float(value)) for word, code, value in read_tsv("currency_subunits.tsv", 3)}
    scales = {w: float(v) for w, v in read_tsv("scales.tsv", 2)}
    qualifiers = {w: q for w, q in read_tsv("qualifiers.tsv", 2)}
    exclusions = read_tsv("figure_exclusions.tsv", 2)
    lists: dict[str, set[str]] = {"ambiguous_currency": set(), "total_noun": set()}
    for name, word in read_tsv("figure_words.tsv", 2):
        lists.setdefault(name, set()).add(word)
    return {
        "prefixes": prefixes, "suffixes": suffixes, "subunits": subunits, "scales": scales,
        "qualifiers": qualifiers, "contextual": _contextual_currencies(),
        "idioms": [p.lower() for k, p in exclusions if k == "phrase"],
        "name_words": {p.lower() for k, p in exclusions if k == "before"},
        **lists,
    }


METAL_CODES = frozenset({"XAG", "XAU", "XPD", "XPT"})  # gold and silver are no currency in news
ISO_CODE = re.compile(r"[A-Z]{3}")
CURRENCY_CUE_REACH = 300  # characters before a figure's sentence where a country names its currency


@cache
def _contextual_currencies() -> dict[str, tuple[tuple[str, ...], str | None]]:
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
def _currency_cues() -> tuple[re.Pattern, dict[str, str]]:
    """The words that say which currency a contextual currency word is, and their codes (lower
    case -> ISO 4217): the countries of currency_countries.tsv and the names and codes of those
    currencies ("kronor", "Norwegian kroner", "SEK")."""
    t = _tables()
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
    body = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE), cues


def _contextual_currency(doc: Doc, start: int, end: int, word: str, scaled: bool) -> str | None:
    """The ISO 4217 code a contextual currency word ("crowns", "kroner") has at `start`-`end`:
    the currency of the country (or currency) named nearest the figure in its sentence or the
    CURRENCY_CUE_REACH characters before that sentence; else the word's default; None when it is
    no money: no cue and no default, or a word with no default (an English noun: "crowns") without
    a scale in a sentence about royals or teeth."""
    codes, default = _tables()["contextual"][word]
    span = span_for(doc, start, end)
    sent = span[0].sent if span is not None and len(span) else None
    first = sent.start_char if sent is not None else start
    last = sent.end_char if sent is not None else end
    if default is None and not scaled and sent is not None and {t.lower_ for t in sent} & _tables()["crown_object"]:
        return None  # "the queen wore three crowns", "the dentist fitted two crowns"
    pattern, cues = _currency_cues()
    text = text_of(doc)
    nearest: tuple[int, str] | None = None
    for cue in pattern.finditer(text, max(0, first - CURRENCY_CUE_REACH), last):
        code = cues.get(re.sub(r"\s+", " ", cue.group().lower()))
        if code not in codes or start <= cue.start() < end:
            continue
        distance = start - cue.end() if cue.end() <= start else cue.start() - end
        if nearest is None or distance < nearest[0]:
            nearest = (distance, code)
    return nearest[1] if nearest else default


@cache
def _current_currencies() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies) - METAL_CODES


@cache
def _currency_symbols() -> dict[str, str]:
    """The symbols babel's English locale writes ("CN¥", "₪", "MX$"), purely alphabetic ones
    ("FCFA") left out."""
    return {symbol: code for code, symbol in Locale("en").currency_symbols.items()
            if code in _current_currencies() and not symbol.isalpha() and symbol != code}


@cache
def _currency_names() -> dict[str, str]:
    """English currency names and their plurals from babel, lower case ("us dollar", "chinese
    yuan", "indian rupees", "euros"), a current currency's name before a historical one's
    ("french francs" is still FRF). Single words other than "euro" are left to currencies.tsv:
    babel names gold and silver as currencies."""
    names: dict[str, str] = {}
    current = _current_currencies()
    for code in sorted(Locale("en").currencies, key=lambda c: (c not in current, c)):
        if code in METAL_CODES or (code.startswith("X") and code not in current):
            continue
        for count in (1, 2):
            name = re.sub(r"\s*\(.*\)$", "", get_currency_name(code, count=count, locale="en")).lower()
            if " " in name or name.startswith("euro"):
                names.setdefault(name, code)
    return names


def _exact_alternation(words) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _suffix_alternation(words: list[str], exact: set[str]) -> str:
    """Currency words after a number: names of several words in any case ("us dollar", "Chinese
    Yuan"); one word in lower case, with a capital or in capitals ("euros", "Euros", "EUROS");
    coins in `exact` as written (not the rapper "50 Cent"); codes and symbols as written."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = r"\s+".join(re.escape(w) for w in word.split(" "))
        if word.islower() and " " in word:
            escaped = f"(?i:{escaped})"
        elif word.islower() and len(word) > 1 and word not in exact:
            escaped = f"(?:{escaped}|{re.escape(word.title())}|{re.escape(word.upper())})"
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"


@cache
def _patterns() -> dict[str, re.Pattern]:
    t = _tables()
    numbers = number_words()
    cardinal = [w for w, (v, k) in numbers.items() if k == "cardinal" and v != "X" and " " not in w]
    tens = [w for w, (v, k) in numbers.items() if k == "cardinal" and v.isdigit() and int(v) in range(20, 100, 10)]
    ones = [w for w, (v, k) in numbers.items() if k == "cardinal" and v.isdigit() and 1 <= int(v) <= 9]
    word_num = rf"(?:{word_alternation(tens)}-{word_alternation(ones)}|{word_alternation(cardinal)})"
    long_scales = [w for w in t["scales"] if len(w) > 3]
    short_scales = [w for w in t["scales"] if len(w) <= 3]
    scale = rf"(?:\s?(?P<scale>{_exact_alternation(short_scales)})(?![\w])|[\s-](?P<scale_word>{word_alternation(long_scales)})(?![\w]))"
    scale_word_only = rf"(?:\s(?P<scale_word>{word_alternation(long_scales)})(?![\w]))"
    prefix = _exact_alternation([p for p in t["prefixes"] if not p.isalpha() or p in ("Rs", "dlrs") or len(p) == 3])
    suffix = _suffix_alternation([*t["suffixes"], *t["subunits"], *t["contextual"]], {*t["subunits"], *t["contextual"]})
    fraction_numerators = rf"(?:{word_num}|{word_alternation(['a'])})"
    ordinal_words = [w for w, (v, k) in numbers.items() if k == "ordinal" and int(v) >= 2]
    unit_ordinals = [w for w, (v, k) in numbers.items() if k == "ordinal" and int(v) <= 9]
    large_ordinals = [w for w, (v, k) in numbers.items() if k == "ordinal" and int(v) >= 100]
    compound_ordinal = rf"{word_alternation(tens)}[-\s]{word_alternation(unit_ordinals)}|(?:{word_alternation(['one', 'a'])}\s)?{word_alternation(large_ordinals)}"
    return {
        "money_prefix": re.compile(rf"(?<![\w$£€¥])(?P<cur>{prefix})\s?(?P<neg>[-\u2212])?(?P<num>{NUMERIC}){scale}?(?![\d])"),
        "money_suffix": re.compile(rf"(?<![\w.,])(?P<num>{NUMERIC}|{word_num}){scale}?(?:[\s-]|(?=[^\w\s])|(?=p\b))(?P<curw>{suffix})(?:\s(?P<post_scale>{word_alternation(long_scales)}))?(?![\w])"),
        "percent": re.compile(rf"(?<![\w.,])(?P<num>{NUMERIC}|{word_num})(?:\s?(?P<pct>%)|\s(?P<pctw>per\s?cent(?:age points?)?|percentage points?|pct)(?![\w]))"),
        "number": re.compile(rf"(?<![\w.,$£€¥])(?P<num>{NUMERIC})(?:{scale})?(?![\w%]|[.,]\d)"),
        "word_number": re.compile(rf"(?<![\w-])(?P<num>(?:{word_num}|\d+)(?:{MIXED})|{word_num}|a dozen|dozen)(?:{scale_word_only})?(?![\w-])", re.IGNORECASE),
        "ordinal": re.compile(rf"(?<![\w.])(?P<ord>\d+(?:st|nd|rd|th)|{compound_ordinal}|{word_alternation(ordinal_words)})(?![\w])"),
        "fraction": re.compile(rf"(?<![\w-])(?P<frac>(?:(?P<fnum>{fraction_numerators})[\s-])?(?P<fden>{word_alternation(list(FRACTIONS))})|(?P<one>[Oo]ne|\d+)\s+in\s+(?P<every>every\s+)?(?P<den>\d+|{word_num}))(?![\w-])"),
        "number_unit": re.compile(r"(?<![\w.,$£€¥])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?=[A-Za-zµ])"),  # "12kg"
        "slash_fraction": re.compile(r"(?<![\w/.,-])(?P<snum>\d{1,2})/(?P<sden>\d{1,3})(?![\w/]|[.,]\d)"),
    }


ANCHOR_REACH = 60  # characters: no figure reaches further than this from its digit or number word


@cache
def _anchor_words() -> frozenset[str]:
    """Words every figure without a digit contains: number words, fractions, "dozen" ("a" and
    "an" count only with one of these)."""
    words = {max(w.replace("-", " ").split(), key=len) for w, (_, kind) in number_words().items() if kind != "article"}
    words |= set(FRACTIONS) | {"dozen"} | set(VULGAR)
    return frozenset(w.lower() for w in words)


def _number(word: str) -> float | None:
    word = re.sub(r"\s+", " ", word.lower().replace(",", ""))
    mixed = re.fullmatch(r"(.+?)[ -]and[ -](a|one|two|three)[ -](half|quarters?|thirds?)", word)
    if mixed:
        whole = _number(mixed.group(1))
        parts = 1 if mixed.group(2) in ("a", "one") else _number(mixed.group(2))
        return whole + parts * FRACTIONS[mixed.group(3)] if whole is not None else None
    if re.fullmatch(r"\d*\.?\d+", word):
        return float(word)
    vulgar = re.fullmatch(rf"(\d*)\s?([{VULGAR}])", word)
    if vulgar:
        return float(vulgar.group(1) or 0) + unicodedata.numeric(vulgar.group(2))
    table = number_words()
    if word in ("a dozen", "dozen"):
        return 12.0
    if word in table and table[word][0] != "X":
        return float(table[word][0])
    parts = word.split("-")
    if len(parts) == 2 and all(p in table for p in parts):
        return float(table[parts[0]][0]) + float(table[parts[1]][0])
    return None


def _scale(m: re.Match) -> float:
    groups = m.groupdict()
    word = groups.get("scale") or groups.get("scale_word") or groups.get("post_scale")  # "60 USD million"
    if not word:
        return 1.0
    scales = _tables()["scales"]
    return scales.get(word, scales.get(word.lower(), 1.0))


def find_figures(doc: Doc, blocked: Spans, timex_spans: list[tuple[int, int]],
                 found: list[tuple[str, re.Match]] | None = None) -> list[FigureSpan]:
    """Return the figures of `doc`, left to right. `blocked` spans (boilerplate) yield none;
    numbers inside `timex_spans` (dates, durations) are not figures. `found`: the text's
    `candidates`, when the caller has them already."""
    out: list[FigureSpan] = []
    taken = DisjointSpans()
    timexes = Spans(timex_spans)
    for kind, m in found if found is not None else candidates(text_of(doc)):
        start, end = m.start(), m.end()
        if taken.overlaps(start, end) or blocked.overlaps(start, end):
            continue
        if kind not in ("money", "percent") and timexes.overlaps(start, end):
            continue
        if kind in ("money", "percent") and timexes.contains(start, end):
            continue
        figures = _build(kind, m, doc)
        if figures and figures[-1].kind in ("money", "percent", "count") and figures[-1].start == start:
            figures[-1] = _signed(figures[-1], text_of(doc))
        if not figures:
            continue
        *partners, main = figures
        if taken.overlaps(main.start, main.end):
            continue
        for partner in partners:  # "between 3 and 4 km": the 3 read alone as a count is the range's start
            if taken.overlaps(partner.start, partner.end):
                same = [i for i, f in enumerate(out) if (f.start, f.end) == (partner.start, partner.end)]
                if same:
                    out[same[0]] = partner
                continue
            taken.add(partner.start, partner.end)
            out.append(partner)
        taken.add(main.start, main.end)
        out.append(main)
    out.sort(key=lambda f: (f.start, f.end))
    return out


def candidates(text: str) -> list[tuple[str, re.Match]]:
    """Every place a figure may be, longest first: (kind, match)."""
    p = _patterns()
    found = []
    regions = anchor_regions(text, _anchor_words(), ANCHOR_REACH)
    for kind, name in (("money", "money_prefix"), ("money", "money_suffix"), ("percent", "percent"),
                       ("fraction", "fraction"), ("fraction", "slash_fraction"), ("ordinal", "ordinal"), ("number", "number"),
                       ("number", "number_unit"), ("number", "word_number")):
        for start, end in regions:
            found.extend((kind, m) for m in p[name].finditer(text, start, end))
    rank = {"money": 0, "percent": 1, "fraction": 2, "ordinal": 3, "number": 4}
    found.sort(key=lambda km: (-(km[1].end() - km[1].start()), rank[km[0]], km[1].start()))
    return found


def _build(kind: str, m: re.Match, doc: Doc) -> list[FigureSpan] | None:
    text = text_of(doc)
    start, end = m.start(), m.end()
    if _is_excluded(text, start, end):
        return None
    if kind == "money":
        code, factor = _currency_code(m)
        if m.groupdict().get("curw") in _tables()["contextual"]:
            code = _contextual_currency(doc, start, end, m.group("curw"), scaled=_scale(m) != 1.0)
        value = _number(m.group("num"))
        if value is None or code is None:
            return None
        if m.groupdict().get("curw") and m.group("curw").lower() in _tables()["ambiguous_currency"] and _scale(m) == 1.0:
            return None  # "won", "real" are English words more often than currencies
        if m.groupdict().get("curw") and _next_word(text, end) in _tables()["currency_attribute"]:
            return None  # "the 12 euro zone countries"
        if m.groupdict().get("neg"):
            value = -value  # "$-49.99"
        return [_figure(doc, start, end, value * factor * _scale(m), "money", code)]
    if kind == "percent":
        value = _number(m.group("num"))
        if value is None or m.group("num").lower() in ("a", "an"):
            return None
        unit = "percentage_point" if "point" in (m.group("pctw") or "") else "percent"
        first = _range_partner(doc, start, value, "percent", unit)
        return [*first, _figure(doc, start, end, value, "percent", unit)]
    if kind == "fraction":
        return _fraction(m, doc)
    if kind == "ordinal":
        return _ordinal(m, doc)
    return _count_or_quantity(m, doc)


def _currency_code(m: re.Match) -> tuple[str | None, float]:
    """The ISO 4217 code of a money match and what one of its written units is worth in that
    currency (1, or 0.01 for "cents")."""
    t = _tables()
    if m.groupdict().get("cur"):
        return t["prefixes"].get(m.group("cur")), 1.0
    word = re.sub(r"\s+", " ", m.group("curw"))
    for table in (t["suffixes"], t["subunits"]):
        found = table.get(word, table.get(word.lower()))
        if found is not None:
            return found if isinstance(found, tuple) else (found, 1.0)
    return None, 1.0


def _is_excluded(text: str, start: int, end: int) -> bool:
    t = _tables()
    window = text[max(0, start - 25):end + 25].lower()
    local = start - max(0, start - 25)
    for idiom in t["idioms"]:
        for im in re.finditer(re.escape(idiom), window):
            if im.start() <= local < im.end():
                return True
    before = text[max(0, start - 20):start]
    prev = re.search(r"([A-Za-z.']+)\s*$", before)
    if prev and prev.group(1).lower() in t["name_words"]:
        return True
    if re.search(r"[A-Za-z]-$", before) or re.search(r"[\[#]$", before):
        return True
    if re.match(r"-[A-Za-z]", text[end:end + 2]) and re.match(r"\d", text[start:start + 1]) and re.match(r"-(?:year|month|week|day|hour|minute)", text[end:end + 8]):
        return True
    return False


def exact(value: float) -> float:
    """`value` to 15 significant digits: 3 * 0.1 is 0.3, as written, not 0.30000000000000004."""
    return float(f"{value:.15g}")


def _figure(doc: Doc, start: int, end: int, value: float, kind: str, unit: str | None,
            head: Token | None = None) -> FigureSpan:
    span = span_for(doc, start, end)
    root = head if head is not None else (span.root if span is not None and len(span) else None)
    return FigureSpan(start, end, text_of(doc)[start:end], exact(value), kind, unit, qualifier_before(text_of(doc), start),
                      subject_of(root) if root is not None else None, root.i if root is not None else None)


def qualifier_before(text: str, start: int) -> str | None:
    """The qualifier the words just before `start` give ("nearly", "more than" ...), or None."""
    before = text[max(0, start - 30):start].lower()
    before = re.sub(r"[$£€¥]$|\b(?:us|a|hk)\$$", "", before).rstrip()
    m = _qualifier_pattern().search(before)  # the leftmost match is the longest phrase ending here
    return _tables()["qualifiers"][m.group(1)] if m else None


@cache
def _qualifier_pattern() -> re.Pattern:
    return re.compile(r"(?:^|[^\w])(" + _exact_alternation(_tables()["qualifiers"]) + ")$")


def _range_partner(doc: Doc, start: int, value: float, kind: str, unit: str | None, scale: float = 1.0) -> list[FigureSpan]:
    """'3-4%', 'between 2 and 3 million': the bare first number of a range takes the second's
    kind, unit and scale."""
    before = text_of(doc)[max(0, start - 25):start]
    m = re.search(rf"(?P<num>{NUMERIC})\s?(?:-|–|to|and)\s?$", before)
    if not m or re.search(r"\d[-–]$", before[:m.start()]):
        return []
    first = _number(m.group("num"))
    if first is None or ("." not in m.group("num") and "," not in m.group("num") and 1000 <= first <= 2100):
        return []  # "from 5% in 2004 to 4.25%": a year, not the start of a range
    s = start - len(before) + m.start("num")
    e = start - len(before) + m.end("num")
    if re.search(r"[$£€¥]\s?$", text_of(doc)[max(0, s - 2):s]):
        return []
    return [_figure(doc, s, e, first * scale, kind, unit)]


def _counted_noun(doc: Doc, start: int, end: int) -> Token | None:
    span = span_for(doc, start, end)
    if span is None or not len(span):
        return None
    last = span[-1]
    if last.dep_ in ("nummod", "amod", "compound") and last.head.i > last.i and last.head.pos_ in ("NOUN", "PROPN"):
        return last.head
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == "-" and nxt.i + 1 < len(doc):
        nxt = doc[nxt.i + 1]
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ") and not nxt.is_sent_start:
        head = nxt
        while head.dep_ in ("compound", "amod") and head.head.i > head.i and head.head.i - head.i <= 3:
            head = head.head
        return head if head.pos_ in ("NOUN", "PROPN") else None
    return None


def _noun_unit(noun: Token) -> str:
    compounds = [c.lemma_.lower() for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return " ".join([*compounds, noun.lemma_.lower()])


def _count_or_quantity(m: re.Match, doc: Doc) -> list[FigureSpan] | None:
    text = text_of(doc)
    raw = m.group("num")
    start, end = m.start(), m.end()
    value = _number(raw)
    if value is None:
        return None
    digits = raw.replace(",", "").replace(".", "")
    if raw[0].isdigit():
        if "," not in raw and "." not in raw and (len(digits) >= MAX_ID_DIGITS or (raw.startswith("0") and len(raw) > 1)):
            return None
        if re.match(r"[-–/:]\d", text[end:end + 2]) or re.search(r"\d[-–/:]$", text[max(0, start - 2):start]):
            if not re.match(r"[-–]\d+\s?(%|per)", text[end:end + 8]) \
                    and not (re.search(r"\d[-–]$", text[max(0, start - 2):start]) and read_unit(text, end)):
                return None  # scores, phone numbers, times, fractions written 3/4
    elif raw.lower() in ("one", "a", "an", "dozen"):
        return None
    elif raw[0].isupper() and not _starts_sentence(doc, start) and re.match(r"\s+[A-Z]", text[end:end + 2]):
        return None  # "the Six Nations", "Ocean's Twelve": a number word inside a name
    quantity = _quantity(m, doc, value)
    if quantity is not None:
        return quantity
    scale = _scale(m)
    after = text[end:end + 30]
    if end < len(text) and text[end].isalpha():
        return None  # "5G", "3D", "4x4": a name, not an amount
    if _letter_scale_on_a_name(m, doc):
        return None
    noun = _counted_noun(doc, start, end)
    if scale == 1.0 and re.search(rf"[{VULGAR}]|[\s-]and[\s-]", raw) and (noun is None or re.match(r"\s+of\s", after)):
        return [_figure(doc, start, end, value, "fraction", None)]  # "two and a half", "½ of the crop"
    if scale == 1.0 and raw.isdigit() and 1000 <= value <= 2100 and noun is None:
        return None  # a year the temporal layer did not take
    if noun is not None and noun.lower_ in ("am", "pm", "a.m.", "p.m."):
        return None
    if noun is None and raw[0].isdigit() and _is_age_or_name_number(doc, start, end):
        return None
    partitive = PARTITIVE.match(after) if noun is None else None
    if partitive:
        noun = _partitive_noun(doc, end)  # "80 of the 230 seats": seats, for the 80 as for the 230
    if noun is None and not raw[0].isdigit() and scale == 1.0:
        noun = _total_noun(doc, start, end)
        if noun is None and not partitive:
            return None  # a number word standing alone ("the two met") is not a figure
    value *= scale
    unit = _noun_unit(noun) if noun is not None else None
    partner = _range_partner(doc, start, value / scale, "count", unit, scale)
    return [*partner, _figure(doc, start, end, value, "count", unit, head=noun)]


def _quantity(m: re.Match, doc: Doc, value: float) -> list[FigureSpan] | None:
    """The number of `m` with the unit written after it ("12.5 nanometres", "-12 °C", "5-10 kg":
    with the range's start), or None when no unit follows."""
    text, start, end = text_of(doc), m.start(), m.end()
    scale = _scale(m)
    unit = read_unit(text, end) if not _scale_letters_follow(text, end) else None
    letter = m.groupdict().get("scale")
    if unit is None and letter and (text.startswith("/", end) or (len(letter) == 1 and text[m.start("scale") - 1].isspace())):
        unit = read_unit(text, m.start("scale") - (1 if text[m.start("scale") - 1].isspace() else 0))
        scale = 1.0  # "17m/s", "8,849 m high": metres, not millions
    if unit is None:
        return None
    unit = _as_temperature(unit, doc, start)
    first = _range_partner(doc, start, value, "quantity", unit.name, scale)
    sign = _sign_before(text, start)
    if sign is not None:
        start, value = sign, -value
    return [*(_measured(f, unit) for f in first), _measured(_figure(doc, start, unit.end, value * scale, "quantity", unit.name), unit)]


def _letter_scale_on_a_name(m: re.Match, doc: Doc) -> bool:
    """'a 4K TV', 'the 100m title': a scale letter on a bare number that counts a singular noun,
    or stands before a name, is a product or an event ("10k runners", "4m DS consoles",
    "up from 38m in 2003" count)."""
    letter = m.groupdict().get("scale")
    text = text_of(doc)
    if not letter or len(letter) != 1 or text[m.start("scale") - 1].isspace():
        return False
    noun = _counted_noun(doc, m.start(), m.end())
    if noun is not None:
        return noun.tag_ in ("NN", "NNP")
    span = span_for(doc, m.end(), min(len(text), m.end() + 30))
    nxt = next((t for t in span if t.text != "-"), None) if span is not None else None
    return nxt is not None and nxt.text[:1].isupper()


def _scale_letters_follow(text: str, end: int) -> bool:
    """'20m note': the letters after the number are a scale (a million), never metres."""
    m = re.match(r"[A-Za-z]+(?![A-Za-z/])", text[end:end + 4])  # "17m/s" is a speed
    return bool(m) and m.group() in _tables()["scales"]


def _measured(f: FigureSpan, unit: Unit) -> FigureSpan:
    si = si_value(f.value, unit)
    return replace(f, dimension=unit.dimension, si_value=exact(si[0]) if si else None, si_unit=si[1] if si else None)


def _as_temperature(unit: Unit, doc: Doc, start: int) -> Unit:
    """Bare 'degrees' about weather, or below zero, are a temperature whose scale (Celsius or
    Fahrenheit) the text leaves unsaid: no SI value. Other degrees stay angles."""
    if unit.name != "degree" or not _degrees_are_a_temperature(doc, start, unit.end):
        return unit
    return replace(unit, dimension="temperature", convertible=False)


def _degrees_are_a_temperature(doc: Doc, start: int, end: int) -> bool:
    """Whether the bare degrees at `start`-`end` are a temperature: a minus before them ("minus 7
    degrees"), else not when they qualify an angle noun ("a 45-degree angle", "a 360-degree view")
    or measure an angle verb ("turned 180 degrees"), else when they qualify a temperature word ("in
    40-degree heat") or their sentence has one (figure_words.tsv: "temperatures", "highs",
    "forecast", "sunny", "snow"); angles otherwise."""
    text = text_of(doc)
    if _sign_before(text, start) is not None:
        return True
    t = _tables()
    attributive = "-" in text[start:end] and _next_word(text, end)
    if attributive in t["angle_noun"]:
        return False
    if attributive in t["temperature_word"]:
        return True
    span = span_for(doc, start, end)
    if span is None or not len(span):
        return False
    degrees = span.root
    by = degrees.dep_ == "pobj" and degrees.head.lower_ in t["angle_preposition"]
    governor = degrees.head.head if by else degrees.head
    if (by or degrees.dep_ in ("dobj", "npadvmod", "advmod", "obj")) and governor.lemma_.lower() in t["angle_verb"]:
        return False  # "turned 180 degrees", "rotated by 90 degrees"
    return bool({token.lower_ for token in degrees.sent} & t["temperature_word"])


SIGN = re.compile(r"(?:(?P<minus>[Mm]inus\s+)|(?P<sign>[-\u2212]))$")


def _sign_before(text: str, start: int) -> int | None:
    """Where a minus written just before `start` begins ("-12", "minus 7"), or None. A hyphen
    after a number or a word ("3-4%", "COVID-19") is no sign."""
    m = SIGN.search(text, max(0, start - 8), start)
    if not m:
        return None
    if m.group("sign"):
        before = text[max(0, m.start() - 2):m.start()]
        if before and not re.fullmatch(r"\s*|.?[\s(\[:=/]|.?[$£€¥₹]", before):
            return None
    return m.start()


def _signed(f: FigureSpan, text: str) -> FigureSpan:
    """A money, percent or count figure with the minus written before it ("-25€", "-0.4%")."""
    sign = _sign_before(text, f.start)
    if sign is None:
        return f
    return replace(f, start=sign, text=text[sign:f.end], value=-f.value)


def _starts_sentence(doc: Doc, start: int) -> bool:
    span = span_for(doc, start, start + 1)
    return span is None or span[0].is_sent_start or text_of(doc)[max(0, start - 2):start].strip() in ('"', "'", "“", "(")


PARTITIVE = re.compile(r"\s+(?:out\s+)?of\s", re.IGNORECASE)  # "two of the five judges", "12 out of 27 states"


def _partitive_noun(doc: Doc, end: int) -> Token | None:
    """The noun counted by "N of the M nouns" after a number ending at `end`: 'two of its
    largest banks' -> banks, '12 out of 27 member states' -> states; 'two of those' -> None
    (still a count)."""
    span = span_for(doc, end, end + 8)
    tokens = [t for t in span] if span is not None else []
    if tokens and tokens[0].lower_ == "out":
        tokens = tokens[1:]
    if not tokens or tokens[0].lower_ != "of":
        return None
    objects = [c for c in tokens[0].children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN", "NUM")]
    if objects and objects[0].pos_ == "NUM":  # "out of twenty-seven member states" parsed with the number as the object
        return _counted_noun(doc, objects[0].idx, objects[0].idx + len(objects[0].text))
    return objects[0] if objects else None


def _total_noun(doc: Doc, start: int, end: int) -> Token | None:
    """'bringing the number of member states to nine': the noun a stand-alone total counts."""
    span = span_for(doc, start, end)
    if span is None or not len(span) or span.root.dep_ != "pobj" or span.root.head.lower_ not in ("to", "at", "from"):
        return None
    for token in span.root.sent:
        if token.lemma_ in _tables()["total_noun"] and token.i < span.start:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return objects[0]
    return None


def _is_age_or_name_number(doc: Doc, start: int, end: int) -> bool:
    span = span_for(doc, start, end)
    if span is None or not len(span):
        return False
    first, last = span[0], span[-1]
    prev = doc[first.i - 1] if first.i > 0 else None
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() and not prev.is_sent_start:
        return True  # "Radio 4", "Boeing 747", "Apollo 11"
    if prev is not None and prev.text == "," and nxt is not None and nxt.text in (",", ".") and first.i >= 2 and doc[first.i - 2].ent_type_ == "PERSON":
        return True  # "Richard Roe, 45, said"
    return False


def _ordinal(m: re.Match, doc: Doc) -> list[FigureSpan] | None:
    word = m.group("ord")
    start, end = m.start(), m.end()
    lower = re.sub(r"\s+", " ", word.lower())
    written = _written_ordinal(lower)
    if lower[0].isdigit():
        value = float(re.match(r"\d+", lower).group())
    elif written is not None:
        value = written
    else:
        value = float(number_words()[lower][0])
    if value < 2 and not lower[0].isdigit():
        return None
    if previous_word(text_of(doc), start) == "per":
        return None  # "8 megabits per second": a unit
    noun = _counted_noun(doc, start, end)
    after = text_of(doc)[end:end + 20]
    if not lower[0].isdigit() and written is None:
        hyphen_superlative = re.match(r"-(?:from|largest|biggest|most|highest|lowest|best|worst|place|placed|richest|busiest|smallest|strongest|weakest)", after)
        if noun is None and not hyphen_superlative and not re.match(r"\s+(?:time|place)\b", after):
            return None  # "second" as a unit of time, "a third" as a fraction, "second" as a verb
    return [_figure(doc, start, end, value, "ordinal", _noun_unit(noun) if noun is not None else None, head=noun)]


def _written_ordinal(lower: str) -> float | None:
    """'twenty-first' -> 21, 'one hundredth' -> 100; None for a single ordinal word ('third'),
    which may be a fraction, a time unit or a verb."""
    words = re.split(r"[-\s]", lower)
    table = number_words()
    if len(words) == 2 and words[0] in table and words[1] in table and table[words[0]][1] == "cardinal":
        first, second = float(table[words[0]][0]), float(table[words[1]][0])
        return first + second if first >= 20 else first * second
    if len(words) == 1 and lower in table and float(table[lower][0]) >= 100:
        return float(table[lower][0])
    return None


def _fraction(m: re.Match, doc: Doc) -> list[FigureSpan] | None:
    start, end = m.start(), m.end()
    text = text_of(doc)
    if m.groupdict().get("snum"):
        return _slash_fraction(m, doc)
    if m.group("fden"):
        den = m.group("fden").lower()
        num_word = re.sub(r"\s+", " ", (m.group("fnum") or "").lower())
        after = text[end:end + 12]
        if den in ("half", "halves"):
            value = 0.5 if num_word in ("", "a", "one") else None
        else:
            if not num_word:
                return None  # "third", "quarter" alone: ordinals or periods
            if num_word in ("a", "one") and not den.endswith("s") and not re.match(r"\s+of\b|\s*(?:[^\w\s]|$)", after) \
                    and text[m.end("fnum")] != "-" \
                    and (den in ("hundredth", "thousandth") or _counted_noun(doc, start, end) is not None):
                return None  # "a sixth straight win", "the one hundredth anniversary": ordinals
            n = 1.0 if num_word in ("a", "one") else _number(num_word)
            value = n * FRACTIONS[den] if n is not None else None
        if value is None:
            return None
        if den in ("half",) and not num_word:
            before = text[max(0, start - 12):start].lower()
            if not re.match(r"\s+(?:of|the|its|their|his|her|a|an)\b", after) and not re.search(r"(?:nearly|almost|about|than|over|around|by|roughly|just)\s+$", before):
                return None  # "half-time", "the second half", "half" as an adverb
        if num_word in ("a", "one") and den in ("quarter", "quarters") and re.match(r"\s+(?:of\s+)?(?:an?\s+)?(?:hour|century|mile)", text[end:end + 14]):
            return None
        if m.group("fnum") and m.group("fnum").lower() == "a":
            start = m.start("fnum")
    else:
        one = _number(m.group("one"))
        den = _number(m.group("den"))
        if not one or not den or den <= one:
            return None
        value = one / den
    return [_figure(doc, start, end, value, "fraction", None)]


def _slash_fraction(m: re.Match, doc: Doc) -> list[FigureSpan] | None:
    """'1/3 of staff', 'a 2/3 majority'; not a date ('on 3/4'), a score or a code: the numerator
    is smaller than a usual denominator."""
    num, den = int(m.group("snum")), int(m.group("sden"))
    if not 0 < num < den or den not in SLASH_DENOMINATORS:
        return None
    if previous_word(text_of(doc), m.start()) in _tables()["date_preposition"]:
        return None
    return [_figure(doc, m.start(), m.end(), num / den, "fraction", None)]


def _next_word(text: str, end: int) -> str:
    m = re.match(r"[\s-]+([A-Za-z]+)", text[end:end + 30])
    return m.group(1).lower() if m else ""


def subject_of(token: Token) -> str | None:
    """What a figure measures, from the parse: the "of" phrase of a share ("14.4 percent of
    China's trade"), else the subject of the clause the figure sits in, when the figure is not
    itself that subject."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ != "PRON":
                return _phrase(objects[0])
            if objects:
                return None
    verb = clause_verb(token)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ not in ("PRON",):
            if token in child.subtree:
                return None
            return _phrase(child)
    return None


def _phrase(token: Token, max_tokens: int = 14) -> str:
    """The phrase headed by `token`, without relative clauses, appositions and further
    conjuncts ("the landmass and half of the people" -> "the landmass"), at most `max_tokens`."""
    cut = [a for a in token.children if a.dep_ in ("relcl", "acl", "appos", "conj", "cc")]
    tokens = [t for t in token.subtree if not any(t in a.subtree for a in cut)]
    tokens = tokens[:max_tokens]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    if not tokens:
        return token.text
    doc = token.doc
    return text_of(doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]


def figure_records(doc: Doc, doc_id: str, boilerplate: Spans, timexes: list[TimexSpan], dates: DateIndex,
                   numbers: list) -> tuple[list[Figure], list[DocumentWarning]]:
    """The figure records, and a warning for sentences so full of numbers (a table, a dump of
    digits) that their figures are left out: MAX_FIGURES_PER_SENTENCE is far above what a sentence
    of prose states, and each record repeats its sentence as evidence."""
    found = []
    timex_spans = [(t.start, t.end) for t in timexes]
    for f in find_figures(doc, boilerplate, timex_spans, numbers):
        head = doc[f.head] if f.head is not None else None
        token = head if head is not None else doc.char_span(f.start, f.end, alignment_mode="expand").root
        found.append((f, token))
    per_sentence = Counter(token.sent.start for _, token in found)
    crowded = {start for start, n in per_sentence.items() if n > MAX_FIGURES_PER_SENTENCE}
    warnings = [DocumentWarning.of("W005", sentences=len(crowded), limit=MAX_FIGURES_PER_SENTENCE,
                                   numbers=sum(per_sentence[s] for s in crowded))] if crowded else []
    out = []
    for f, token in found:
        if token.sent.start in crowded:
            continue
        when = dates.for_token(token, fallback=False)
        out.append(Figure(doc_id=doc_id, text=f.text, start=f.start, end=f.end, value=f.value, kind=f.kind,
                          unit=f.unit, dimension=f.dimension, si_value=f.si_value, si_unit=f.si_unit,
                          qualifier=f.qualifier, subject=f.subject,
                          date=date_ref(when) if when else None, evidence=evidence(token.sent)))
    return out, warnings


@Language.factory("figures", requires=["doc._.timexes"], assigns=["doc._.figures", "doc.spans"])
def make_figures(nlp: Language, name: str) -> FigureTagger:
    return FigureTagger()


class FigureTagger:
    """Figures as `doc._.figures` (records) and `doc.spans["figures"]`, dated by the `timex`
    component's expressions (tagged here if it has not run)."""

    def __call__(self, doc: Doc) -> Doc:
        ctx = context_of(doc)
        timexes = timexes_of(doc)
        numbers = ctx.numbers if ctx.numbers is not None else candidates(text_of(doc))
        records, warnings = figure_records(doc, ctx.doc_id, ctx.boilerplate, timexes, ctx.dates, numbers)
        ctx.warnings += warnings
        doc._.figures = records
        write_spans(doc, "figures", [(r.start, r.end, r.kind, r) for r in records])
        return doc
