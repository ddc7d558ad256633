"""Figures: money, percentages, counts, ordinals, fractions and physical quantities.

Numbers are found on the text with regular expressions built from the data tables (currency
symbols and words, scale words, units, number words), so "£1.4bn" and "$2.5 bn" read the same
whatever the tokenizer does; the parse then tells what is counted and what is measured.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

import pycountry
from spacy.language import Language
from spacy.tokens import Doc, Token

from extractor.context import context_of, write_spans

from extractor.lexicon import anchor_regions, number_words, read_tsv, word_alternation
from extractor.link import DateIndex, date_ref, evidence
from extractor.nlp import clause_verb, span_for, text_of
from extractor.records import DocumentWarning, Figure
from extractor.spans import DisjointSpans, Spans
from extractor.temporal import TimexSpan, timexes_of

NUMERIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
             "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}
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


@cache
def _tables() -> dict:
    currencies = read_tsv("currencies.tsv", 3)
    iso_codes = {c.alpha_3 for c in pycountry.currencies}
    prefixes = {s: code for s, code, pos in currencies if pos in ("prefix", "both")}
    suffixes = {s: code for s, code, pos in currencies if pos in ("suffix", "both")}
    for code in iso_codes:
        prefixes.setdefault(code, code)
        suffixes.setdefault(code, code)
    scales = {w: float(v) for w, v in read_tsv("scales.tsv", 2)}
    units = {w: sym for w, sym in read_tsv("units.tsv", 2)}
    qualifiers = {w: q for w, q in read_tsv("qualifiers.tsv", 2)}
    exclusions = read_tsv("figure_exclusions.tsv", 2)
    lists: dict[str, set[str]] = {"ambiguous_currency": set(), "total_noun": set()}
    for name, word in read_tsv("figure_words.tsv", 2):
        lists.setdefault(name, set()).add(word)
    return {
        "prefixes": prefixes, "suffixes": suffixes, "scales": scales, "units": units,
        "qualifiers": qualifiers,
        "idioms": [p.lower() for k, p in exclusions if k == "phrase"],
        "name_words": {p.lower() for k, p in exclusions if k == "before"},
        **lists,
    }


def _exact_alternation(words) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


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
    scale = rf"(?:\s?(?P<scale>{_exact_alternation(short_scales)})(?![\w])|\s(?P<scale_word>{word_alternation(long_scales)})(?![\w]))"
    scale_word_only = rf"(?:\s(?P<scale_word>{word_alternation(long_scales)})(?![\w]))"
    prefix = _exact_alternation([p for p in t["prefixes"] if not p.isalpha() or p in ("Rs", "dlrs") or len(p) == 3])
    suffix = word_alternation(list(t["suffixes"]), flexible_case=False)
    fraction_numerators = word_alternation(["a", "one", "two", "three", "four", "five", "nine"])
    ordinal_words = [w for w, (v, k) in numbers.items() if k == "ordinal" and int(v) >= 2]
    return {
        "money_prefix": re.compile(rf"(?<![\w$£€¥])(?P<cur>{prefix})\s?(?P<num>{NUMERIC}){scale}?(?![\d])"),
        "money_suffix": re.compile(rf"(?<![\w.,])(?P<num>{NUMERIC}|{word_num}){scale}?[\s-](?P<curw>{suffix})(?![\w])"),
        "percent": re.compile(rf"(?<![\w.,])(?P<num>{NUMERIC}|{word_num})(?:\s?(?P<pct>%)|\s(?P<pctw>per\s?cent(?:age points?)?|percentage points?|pct)(?![\w]))"),
        "number": re.compile(rf"(?<![\w.,$£€¥])(?P<num>{NUMERIC})(?:{scale})?(?![\w%]|[.,]\d)"),
        "word_number": re.compile(rf"(?<![\w-])(?P<num>{word_num}|a dozen|dozen)(?:{scale_word_only})?(?![\w-])", re.IGNORECASE),
        "ordinal": re.compile(rf"(?<![\w.])(?P<ord>\d+(?:st|nd|rd|th)|{word_alternation(ordinal_words)})(?![\w])"),
        "fraction": re.compile(rf"(?<![\w-])(?P<frac>(?:(?P<fnum>{fraction_numerators})[\s-])?(?P<fden>{word_alternation(list(FRACTIONS))})|(?P<one>[Oo]ne|\d+)\s+in\s+(?P<every>every\s+)?(?P<den>\d+|{word_num}))(?![\w-])"),
    }


ANCHOR_REACH = 60  # characters: no figure reaches further than this from its digit or number word


@cache
def _anchor_words() -> frozenset[str]:
    """Words every figure without a digit contains: number words, fractions, "dozen" ("a" and
    "an" count only with one of these)."""
    words = {max(w.replace("-", " ").split(), key=len) for w, (_, kind) in number_words().items() if kind != "article"}
    words |= set(FRACTIONS) | {"dozen"}
    return frozenset(w.lower() for w in words)


def _number(word: str) -> float | None:
    word = word.lower().replace(",", "")
    if re.fullmatch(r"\d*\.?\d+", word):
        return float(word)
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
    word = m.groupdict().get("scale") or m.groupdict().get("scale_word")
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
        if not figures or any(taken.overlaps(f.start, f.end) for f in figures):
            continue
        for f in figures:
            taken.add(f.start, f.end)
        out.extend(figures)
    out.sort(key=lambda f: (f.start, f.end))
    return out


def candidates(text: str) -> list[tuple[str, re.Match]]:
    """Every place a figure may be, longest first: (kind, match)."""
    p = _patterns()
    found = []
    regions = anchor_regions(text, _anchor_words(), ANCHOR_REACH)
    for kind, name in (("money", "money_prefix"), ("money", "money_suffix"), ("percent", "percent"),
                       ("fraction", "fraction"), ("ordinal", "ordinal"), ("number", "number"),
                       ("number", "word_number")):
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
        code = _currency_code(m)
        value = _number(m.group("num"))
        if value is None or code is None:
            return None
        if m.groupdict().get("curw") and m.group("curw") in _tables()["ambiguous_currency"] and not m.groupdict().get("scale") and not m.groupdict().get("scale_word"):
            return None  # "won", "real" are English words more often than currencies
        return [_figure(doc, start, end, value * _scale(m), "money", code)]
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


def _currency_code(m: re.Match) -> str | None:
    t = _tables()
    if m.groupdict().get("cur"):
        return t["prefixes"].get(m.group("cur"))
    word = m.group("curw")
    return t["suffixes"].get(word, t["suffixes"].get(word.lower()))


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


def _figure(doc: Doc, start: int, end: int, value: float, kind: str, unit: str | None,
            head: Token | None = None) -> FigureSpan:
    span = span_for(doc, start, end)
    root = head if head is not None else (span.root if span is not None and len(span) else None)
    return FigureSpan(start, end, text_of(doc)[start:end], value, kind, unit, qualifier_before(text_of(doc), start),
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
            if not re.match(r"[-–]\d+\s?(%|per)", text[end:end + 8]):
                return None  # scores, phone numbers, times, fractions written 3/4
    elif raw.lower() in ("one", "a", "an", "dozen"):
        return None
    elif raw[0].isupper() and not _starts_sentence(doc, start) and re.match(r"\s+[A-Z]", text[end:end + 2]):
        return None  # "the Six Nations", "Ocean's Twelve": a number word inside a name
    scale = _scale(m)
    after = text[end:end + 30]
    unit_m = re.match(r"[\s-]?(?P<u>" + _exact_alternation(_tables()["units"]) + r")(?![\w])", after)
    if unit_m:
        value *= scale
        e = end + unit_m.end()
        return [*_range_partner(doc, start, value / scale, "quantity", _tables()["units"][unit_m.group("u")], scale),
                _figure(doc, start, e, value, "quantity", _tables()["units"][unit_m.group("u")])]
    noun = _counted_noun(doc, start, end)
    if scale == 1.0 and raw.isdigit() and 1000 <= value <= 2100 and noun is None:
        return None  # a year the temporal layer did not take
    if noun is not None and noun.lower_ in ("am", "pm", "a.m.", "p.m."):
        return None
    if noun is None and raw[0].isdigit() and _is_age_or_name_number(doc, start, end):
        return None
    if noun is None and not raw[0].isdigit() and scale == 1.0:
        partitive = re.match(r"\s+of\s", after)
        noun = _total_noun(doc, start, end) or (_partitive_noun(doc, end) if partitive else None)
        if noun is None and not partitive:
            return None  # a number word standing alone ("the two met") is not a figure
    value *= scale
    unit = _noun_unit(noun) if noun is not None else None
    partner = _range_partner(doc, start, value / scale, "count", unit, scale)
    return [*partner, _figure(doc, start, end, value, "count", unit, head=noun)]


def _starts_sentence(doc: Doc, start: int) -> bool:
    span = span_for(doc, start, start + 1)
    return span is None or span[0].is_sent_start or text_of(doc)[max(0, start - 2):start].strip() in ('"', "'", "“", "(")


def _partitive_noun(doc: Doc, end: int) -> Token | None:
    """'two of its largest banks' -> banks; 'two of those' -> None (still a count)."""
    span = span_for(doc, end, end + 4)
    if span is None or not len(span) or span[0].lower_ != "of":
        return None
    objects = [c for c in span[0].children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
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
    lower = word.lower()
    if lower[0].isdigit():
        value = float(re.match(r"\d+", lower).group())
    else:
        value = float(number_words()[lower][0])
    if value < 2 and not lower[0].isdigit():
        return None
    noun = _counted_noun(doc, start, end)
    after = text_of(doc)[end:end + 20]
    if not lower[0].isdigit():
        hyphen_superlative = re.match(r"-(?:from|largest|biggest|most|highest|lowest|best|worst|place|placed|richest|busiest|smallest|strongest|weakest)", after)
        if noun is None and not hyphen_superlative and not re.match(r"\s+(?:time|place)\b", after):
            return None  # "second" as a unit of time, "a third" as a fraction, "second" as a verb
    return [_figure(doc, start, end, value, "ordinal", _noun_unit(noun) if noun is not None else None, head=noun)]


def _fraction(m: re.Match, doc: Doc) -> list[FigureSpan] | None:
    start, end = m.start(), m.end()
    text = text_of(doc)
    if m.group("fden"):
        den = m.group("fden").lower()
        num_word = (m.group("fnum") or "").lower()
        if den in ("half", "halves"):
            value = 0.5 if num_word in ("", "a", "one") else None
        else:
            if not num_word:
                return None  # "third", "quarter" alone: ordinals or periods
            n = 1.0 if num_word in ("a", "one") else _number(num_word)
            value = n * FRACTIONS[den] if n is not None else None
        if value is None:
            return None
        if den in ("half",) and not num_word:
            after = text[end:end + 12]
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
                          unit=f.unit, qualifier=f.qualifier, subject=f.subject,
                          date=date_ref(when) if when else None, evidence=evidence(token.sent)))
    return out, warnings


@Language.factory("figures", assigns=["doc._.figures", "doc.spans"])
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
