"""The builders of figures by kind: what a match of `patterns()` is (money, percent, fraction,
ordinal, count or quantity), its value, unit and qualifier, or why it is no figure ("Model S",
"G20", "a sixth straight win", "half-time")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from extractor.core.records import FigureKind, Qualifier
from extractor.extractors.figures.money import contextual_currency, currency_code, money_tables, scale_factor
from extractor.extractors.figures.numbers import VULGAR, exact, number
from extractor.extractors.figures.parse import counted_noun, is_age_or_name_number, noun_unit, partitive_noun, starts_sentence, subject_of, total_noun
from extractor.extractors.figures.patterns import SIGN, context_patterns, qualifier_pattern
from extractor.extractors.figures.units import Unit, read_unit, si_value
from extractor.extractors.figures.words import figure_words, fraction_words
from extractor.language.lexicon import ordinal_value, previous_word, written_ordinal_value
from extractor.nlp.syntax import span_for, text_of

SLASH_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 100})  # "1/3", "3/4"; not "9/11", "24/7"
MAX_ID_DIGITS = 7  # a run of this many digits without separators is an id or a phone number


@dataclass(frozen=True)
class FigureSpan:
    start: int
    end: int
    text: str
    value: float
    kind: FigureKind
    unit: str | None
    qualifier: Qualifier | None
    subject: str | None
    head: int | None  # index of the token the figure hangs on, for linking a date
    dimension: str | None = None  # quantities: what the unit measures, its SI value and unit
    si_value: float | None = None
    si_unit: str | None = None


def build(kind: str, m: re.Match, doc: Doc) -> list[FigureSpan] | None:
    text = text_of(doc)
    start, end = m.start(), m.end()
    if _is_excluded(text, start, end):
        return None
    if kind == "money":
        code, factor = currency_code(m)
        if m.groupdict().get("curw") in money_tables()["contextual"]:
            code = contextual_currency(doc, start, end, m.group("curw"), scaled=scale_factor(m) != 1.0)
        value = number(m.group("num"))
        if value is None or code is None:
            return None
        if m.groupdict().get("curw") and m.group("curw").lower() in figure_words()["ambiguous_currency"] and scale_factor(m) == 1.0:
            return None  # "won", "real" are English words more often than currencies
        if m.groupdict().get("curw") and _next_word(text, end) in figure_words()["currency_attribute"]:
            return None  # "the 12 euro zone countries"
        if m.groupdict().get("neg"):
            value = -value  # "$-49.99"
        return [_figure(doc, start, end, value * factor * scale_factor(m), "money", code)]
    if kind == "percent":
        value = number(m.group("num"))
        if value is None or m.group("num").lower() in figure_words()["article"]:
            return None
        unit = "percentage_point" if "point" in (m.group("pctw") or "") else "percent"
        first = _range_partner(doc, start, value, "percent", unit)
        return [*first, _figure(doc, start, end, value, "percent", unit)]
    if kind == "fraction":
        return _fraction(m, doc)
    if kind == "ordinal":
        return _ordinal(m, doc)
    return _count_or_quantity(m, doc)


def _fraction(m: re.Match, doc: Doc) -> list[FigureSpan] | None:
    start, end = m.start(), m.end()
    text = text_of(doc)
    if m.groupdict().get("snum"):
        return _slash_fraction(m, doc)
    if m.group("fden"):
        den = m.group("fden").lower()
        num_word = re.sub(r"\s+", " ", (m.group("fnum") or "").lower())
        after = text[end:end + 12]
        words = figure_words()
        if den in words["half_word"]:
            value = 0.5 if not num_word or num_word in words["one_word"] else None
        else:
            if not num_word:
                return None  # "third", "quarter" alone: ordinals or periods
            one = words["one_word"] | words["article"]  # "a", "an", "one"
            if num_word in one and not den.endswith("s") and not re.match(r"\s+of\b|\s*(?:[^\w\s]|$)", after) \
                    and text[m.end("fnum")] != "-" \
                    and (den in words["large_denominator"] or counted_noun(doc, start, end) is not None):
                return None  # "a sixth straight win", "the one hundredth anniversary": ordinals
            n = 1.0 if num_word in one else number(num_word)
            value = n * fraction_words()[den] if n is not None else None
        if value is None:
            return None
        if den in words["half_word"] and not den.endswith("s") and not num_word:
            before = text[max(0, start - 12):start].lower()
            if not context_patterns()["half_followed_by"].match(after) and not context_patterns()["half_preceded_by"].search(before):
                return None  # "half-time", "the second half", "half" as an adverb
        if num_word in words["one_word"] and den in words["quarter_word"] and context_patterns()["quarter_period"].match(text[end:end + 14]):
            return None
        if m.group("fnum") and m.group("fnum").lower() == "a":
            start = m.start("fnum")
    else:
        one = number(m.group("one"))
        den = number(m.group("den"))
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
    if previous_word(text_of(doc), m.start()) in figure_words()["date_preposition"]:
        return None
    return [_figure(doc, m.start(), m.end(), num / den, "fraction", None)]


def _ordinal(m: re.Match, doc: Doc) -> list[FigureSpan] | None:
    word = m.group("ord")
    start, end = m.start(), m.end()
    lower = re.sub(r"\s+", " ", word.lower())
    written = written_ordinal_value(lower)
    digits = re.match(r"\d+", lower)
    if digits:
        value = float(digits.group())
    elif written is not None:
        value = written
    elif (ordinal := ordinal_value(lower)) is not None:
        value = float(ordinal)
    else:
        return None  # "a hundredth": no ordinal of numbers.tsv (a fraction or a word before it), no figure
    if value < 2 and not lower[0].isdigit():
        return None
    if previous_word(text_of(doc), start) in figure_words()["rate_word"]:
        return None  # "8 megabits per second": a unit
    noun = counted_noun(doc, start, end)
    after = text_of(doc)[end:end + 20]
    if not lower[0].isdigit() and written is None:
        hyphen_superlative = context_patterns()["ordinal_hyphen_word"].match(after)
        if noun is None and not hyphen_superlative and not context_patterns()["ordinal_noun_after"].match(after):
            return None  # "second" as a unit of time, "a third" as a fraction, "second" as a verb
    return [_figure(doc, start, end, value, "ordinal", noun_unit(noun) if noun is not None else None, head=noun)]


def _count_or_quantity(m: re.Match, doc: Doc) -> list[FigureSpan] | None:
    text = text_of(doc)
    raw = m.group("num")
    start, end = m.start(), m.end()
    value = number(raw)
    if value is None:
        return None
    digits = raw.replace(",", "").replace(".", "")
    if raw[0].isdigit():
        if digits.isdigit() and (len(digits) >= MAX_ID_DIGITS or (raw.startswith("0") and len(raw) > 1)) \
                and "," not in raw and "." not in raw:
            return None
        if re.match(r"[-–/:]\d", text[end:end + 2]) or re.search(r"\d[-–/:]$", text[max(0, start - 2):start]):
            if not re.match(r"[-–]\d+\s?(%|per)", text[end:end + 8]) \
                    and not (re.search(r"\d[-–]$", text[max(0, start - 2):start]) and read_unit(text, end)):
                return None  # scores, phone numbers, times, fractions written 3/4
    elif raw.lower() in figure_words()["lone_number_word"]:
        return None
    elif raw[0].isupper() and not starts_sentence(doc, start) and re.match(r"\s+[A-Z]", text[end:end + 2]):
        return None  # "the Six Nations", "Ocean's Twelve": a number word inside a name
    quantity = _quantity(m, doc, value)
    if quantity is not None:
        return quantity
    scale = scale_factor(m)
    after = text[end:end + 30]
    if end < len(text) and text[end].isalpha():
        return None  # "5G", "3D", "4x4": a name, not an amount
    if _letter_scale_on_a_name(m, doc):
        return None
    noun = counted_noun(doc, start, end)
    if scale == 1.0 and re.search(rf"[{VULGAR}]|[\s-]and[\s-]", raw) and (noun is None or re.match(r"\s+of\s", after)):
        return [_figure(doc, start, end, value, "fraction", None)]  # "two and a half", "½ of the crop"
    if scale == 1.0 and raw.isdigit() and 1000 <= value <= 2100 and noun is None:
        return None  # a year the temporal layer did not take
    if noun is not None and noun.lower_ in figure_words()["clock_word"]:
        return None
    if noun is None and raw[0].isdigit() and is_age_or_name_number(doc, start, end):
        return None
    partitive = context_patterns()["partitive"].match(after) if noun is None else None
    if partitive:
        noun = partitive_noun(doc, end)  # "80 of the 230 seats": seats, for the 80 as for the 230
    if noun is None and not raw[0].isdigit() and scale == 1.0:
        noun = total_noun(doc, start, end)
        if noun is None and not partitive:
            return None  # a number word standing alone ("the two met") is not a figure
    value *= scale
    unit = noun_unit(noun) if noun is not None else None
    partner = _range_partner(doc, start, value / scale, "count", unit, scale)
    return [*partner, _figure(doc, start, end, value, "count", unit, head=noun)]


def _quantity(m: re.Match, doc: Doc, value: float) -> list[FigureSpan] | None:
    """The number of `m` with the unit written after it ("12.5 nanometres", "-12 °C", "5-10 kg":
    with the range's start), or None when no unit follows."""
    text, start, end = text_of(doc), m.start(), m.end()
    scale = scale_factor(m)
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
    noun = counted_noun(doc, m.start(), m.end())
    if noun is not None:
        return noun.tag_ in ("NN", "NNP")
    span = span_for(doc, m.end(), min(len(text), m.end() + 30))
    nxt = next((t for t in span if t.text != "-"), None) if span is not None else None
    return nxt is not None and nxt.text[:1].isupper()


def _scale_letters_follow(text: str, end: int) -> bool:
    """'20m note': the letters after the number are a scale (a million), never metres."""
    m = re.match(r"[A-Za-z]+(?![A-Za-z/])", text[end:end + 4])  # "17m/s" is a speed
    return m is not None and m.group() in money_tables()["scales"]


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
    t = figure_words()
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


def signed(f: FigureSpan, text: str) -> FigureSpan:
    """A money, percent or count figure with the minus written before it ("-25€", "-0.4%")."""
    sign = _sign_before(text, f.start)
    if sign is None:
        return f
    return replace(f, start=sign, text=text[sign:f.end], value=-f.value)


def _is_excluded(text: str, start: int, end: int) -> bool:
    t = figure_words()
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
    if re.match(r"-[A-Za-z]", text[end:end + 2]) and re.match(r"\d", text[start:start + 1]) and context_patterns()["hyphen_period"].match(text[end:end + 8]):
        return True
    return False


def _figure(doc: Doc, start: int, end: int, value: float, kind: FigureKind, unit: str | None,
            head: Token | None = None) -> FigureSpan:
    span = span_for(doc, start, end)
    root = head if head is not None else (span.root if span is not None and len(span) else None)
    return FigureSpan(start, end, text_of(doc)[start:end], exact(value), kind, unit, qualifier_before(text_of(doc), start),
                      subject_of(root) if root is not None else None, root.i if root is not None else None)


def qualifier_before(text: str, start: int) -> Qualifier | None:
    """The qualifier the words just before `start` give ("nearly", "more than" ...), or None."""
    before = text[max(0, start - 30):start].lower()
    before = re.sub(r"[$£€¥]$|\b(?:us|a|hk)\$$", "", before).rstrip()
    m = qualifier_pattern().search(before)  # the leftmost match is the longest phrase ending here
    return figure_words()["qualifiers"][m.group(1)] if m else None


def _range_partner(doc: Doc, start: int, value: float, kind: FigureKind, unit: str | None, scale: float = 1.0) -> list[FigureSpan]:
    """'3-4%', 'between 2 and 3 million': the bare first number of a range takes the second's
    kind, unit and scale."""
    before = text_of(doc)[max(0, start - 25):start]
    m = context_patterns()["range_start"].search(before)
    if not m or re.search(r"\d[-–]$", before[:m.start()]):
        return []
    first = number(m.group("num"))
    if first is None or ("." not in m.group("num") and "," not in m.group("num") and 1000 <= first <= 2100):
        return []  # "from 5% in 2004 to 4.25%": a year, not the start of a range
    s = start - len(before) + m.start("num")
    e = start - len(before) + m.end("num")
    if re.search(r"[$£€¥]\s?$", text_of(doc)[max(0, s - 2):s]):
        return []
    return [_figure(doc, s, e, first * scale, kind, unit)]


def _next_word(text: str, end: int) -> str:
    m = re.match(r"[\s-]+([A-Za-z]+)", text[end:end + 30])
    return m.group(1).lower() if m else ""
