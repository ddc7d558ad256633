"""Layout: which parts of an article are boilerplate, headings or photo captions.

Labels are spans over the original text, never deletions: offsets stay true. Shapes are read per
line (a short shouted line, a heading, a caption ending in a credit, a repeated line); phrase
signals (data/boilerplate.tsv) per sentence, so a text that is not split into lines (a JSON or CSV
dump) loses only the share-button sentence, never the article around it. Every Unicode line break
counts (\n, \r\n, \r, \u2028, \u2029, ...). Signals are general (keywords and shapes from
data/boilerplate.tsv and data/captions.tsv, line length, letter case, the script of the text),
not any article's strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Iterator

from extractor.language.lexicon import read_tsv

HEADING_MAX_WORDS = 8
LINE_BREAKS = "\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85"  # what str.splitlines() breaks at
LINE = re.compile(f"[^{LINE_BREAKS}]+")
# A sentence ends after .!?… (and closing quotes) before a space, or after a CJK full stop; a
# photo credit right after it ("... 2025. /AFP") belongs to it. The lookbehind starts a match only
# at the first mark of a run, so a megabyte of "!?!?" stays linear.
SENTENCE_END = "(?<![.!?\u2026])[.!?\u2026]+[\"'\u201d\u2019)\\]]*(?:\\s+(?:{credit}))?(?=\\s|$)|[\u3002\uff01\uff1f]+"
BOILERPLATE_MAX_CHARS = 1_000  # a longer sentence is never boilerplate by a phrase in it (real ones are short)
WRAP_WIDTHS = (30, 100)  # characters: the widths at which wire copy, mail and plain-text dumps wrap their lines
WRAP_FULL_SHARE = 0.6  # a wrapped line this share of the width long (or ending mid-phrase) runs on into the next
WRAP_MIN_JOINTS = 2  # fewer line breaks inside sentences than this: a headline's break, no wrapping
ONE_LINE_BREAK = re.compile(f"\r\n|[{LINE_BREAKS}]")  # "\r\n" is one break
SENTENCE_CLOSE = re.compile(r"[.!?\u2026:;][\"'\u201d\u2019)\]]*$")


@dataclass(frozen=True)
class Block:
    """A line, or a sentence of a prose line: `kind` is body, boilerplate, heading or caption."""

    start: int
    end: int
    kind: str


@cache
def _signals(name: str) -> tuple[list[str], list[re.Pattern]]:
    phrases, patterns = [], []
    for kind, value in read_tsv(name, 2):
        if kind == "phrase":
            phrases.append(value.lower())
        elif kind == "regex":
            patterns.append(re.compile(value))
    return phrases, patterns


@cache
def _sentence_end() -> re.Pattern:
    credits = [value for kind, value in read_tsv("captions.tsv", 2) if kind == "credit"]
    return re.compile(SENTENCE_END.format(credit="|".join(credits) or "(?!)"))


def _matches(line: str, name: str) -> bool:
    phrases, patterns = _signals(name)
    lower = line.lower()
    return any(p in lower for p in phrases) or any(p.search(line) for p in patterns)


def _mostly_foreign_script(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if ord(c) > 0x2E80) / len(letters) > 0.5


def _is_shouted(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 6 and line.upper() == line and any(c.isalpha() for c in line)


def _is_heading(line: str, next_line: str | None) -> bool:
    stripped = line.strip()
    words = stripped.split()
    if not words or len(words) > HEADING_MAX_WORDS or stripped[-1] in ".!?:;,\"'”)":
        return False
    return next_line is not None and len(next_line.split()) > len(words)


@lru_cache(maxsize=8)
def wrapped_breaks(text: str) -> frozenset[int]:
    """The offsets of the line breaks that only wrap a line of a hard-wrapped text ("Gambia has
    withdrawn from the\nCommonwealth, ..."): no sentence ends there. A text is hard-wrapped when
    nine lines in ten are at most a width of WRAP_WIDTHS long; a break wraps when it is a single
    one (a blank line ends a paragraph), the line before ends no sentence, and that line is nearly
    the width long, or is followed by a lower-case word, or ends on one and is longer than a
    heading. Fewer than WRAP_MIN_JOINTS such breaks are a heading's, and count for none. The
    offsets are of every break character ("\r\n": both)."""
    lines = [(m.start(), m.end()) for m in LINE.finditer(text) if not m.group().isspace()]
    if len(lines) < 2 * WRAP_MIN_JOINTS:
        return frozenset()
    lengths = sorted(len(text[s:e].rstrip()) for s, e in lines)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1]:
        return frozenset()
    joints: set[int] = set()
    wraps = 0
    for (start, end), (following, _) in zip(lines, lines[1:]):
        gap = text[end:following]
        line = text[start:end].rstrip()
        if len(ONE_LINE_BREAK.findall(gap)) != 1 or not line or SENTENCE_CLOSE.search(line):
            continue  # a blank line between (a paragraph ends), or a sentence ends on the line
        words, next_letter = line.split(), text[following:following + 1]
        ends_mid_phrase = words[-1][:1].islower() and len(words) > HEADING_MAX_WORDS  # a heading may end on any word
        if len(line) >= WRAP_FULL_SHARE * width or ends_mid_phrase or next_letter.islower():
            joints.update(end + i for i, c in enumerate(gap) if c in LINE_BREAKS)
            wraps += 1
    return frozenset(joints) if wraps >= WRAP_MIN_JOINTS else frozenset()


def unwrapped(text: str) -> str:
    """`text` with each line break that only wraps a line (`wrapped_breaks`) as a space: what the
    model reads, so a wrapped sentence parses as one; every offset stays where it was."""
    joints = wrapped_breaks(text)
    if not joints:
        return text
    chars = list(text)
    for i in joints:
        chars[i] = " "
    return "".join(chars)


LINE_BREAK_RUN = re.compile(f"[ \t]*[{LINE_BREAKS}]+[ \t]*")


def one_line(phrase: str) -> str:
    """`phrase` with each run of line breaks (and the spaces around it) as one space: a name or a
    phrase read across a wrapped line, as a record field shows it."""
    return LINE_BREAK_RUN.sub(" ", phrase).strip() if has_line_break(phrase) else phrase


def is_wrapped(text: str, start: int, end: int) -> bool:
    """Whether the line breaks in text[start:end] (a space token) only wrap a line (`wrapped_breaks`)."""
    joints = wrapped_breaks(text)
    return bool(joints) and all(i in joints for i in range(start, end) if text[i] in LINE_BREAKS)


def logical_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the non-empty lines of `text`, the lines of a hard-wrapped paragraph joined
    into one (`wrapped_breaks`)."""
    lines = [(m.start(), m.end()) for m in LINE.finditer(text) if not m.group().isspace()]
    joints = wrapped_breaks(text)
    if not joints:
        return lines
    out: list[tuple[int, int]] = []
    for start, end in lines:
        if out and any(i in joints for i in range(out[-1][1], start)):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def classify_lines(text: str) -> list[Block]:
    """Return Blocks covering the non-empty lines of `text`, in order: a line is one block (a
    heading, a caption, boilerplate by its shape) or, when it is prose, one block per sentence,
    each body or boilerplate. The lines of a hard-wrapped paragraph are one line."""
    lines = logical_lines(text)
    blocks: list[Block] = []
    seen: set[str] = set()
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        next_line = text[slice(*lines[index + 1])] if index + 1 < len(lines) else None
        key = line.strip().lower()
        if _is_shouted(line) or key in seen:
            kind = "boilerplate"
        elif _matches(line, "captions.tsv"):
            kind = "caption"
        elif _is_heading(line, next_line) and not _is_boilerplate(line):
            kind = "heading"
        else:
            kind = "body"
        seen.add(key)
        if kind != "body":
            blocks.append(Block(start, end, kind))
            continue
        sentences = list(_sentences(text, start, end))
        for s, e in sentences:
            sentence = text[s:e]
            if _is_boilerplate(sentence):
                kind = "boilerplate"
            elif len(sentences) > 1 and _matches(sentence, "captions.tsv"):
                kind = "caption"
            else:
                kind = "body"
            blocks.append(Block(s, e, kind))
    return blocks


def _is_boilerplate(sentence: str) -> bool:
    if len(sentence) > BOILERPLATE_MAX_CHARS:
        return _mostly_foreign_script(sentence)
    return _matches(sentence, "boilerplate.tsv") or _mostly_foreign_script(sentence)


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of the line text[start:end], surrounding whitespace left
    out. A cheap cut after sentence punctuation: an abbreviation may cut a sentence in two, which
    only makes a boilerplate label narrower."""
    cuts = [m.end() for m in _sentence_end().finditer(text, start, end)]
    for a, b in zip([start, *cuts], [*cuts, end]):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            yield a, b


def line_start(text: str, position: int) -> int:
    """Where the line holding `position` starts (after any kind of line break)."""
    return max(text.rfind(c, 0, position) for c in LINE_BREAKS) + 1


def last_line_break(text: str, start: int, end: int) -> int:
    """The index of the last line break in text[start:end], or -1."""
    return max(text.rfind(c, start, end) for c in LINE_BREAKS)


def has_line_break(text: str) -> bool:
    return any(c in text for c in LINE_BREAKS)


def sentence_starts(blocks: list[Block]) -> list[int]:
    """Where the text must start a new sentence: at each boilerplate, caption or heading block and
    after it, so none merges with the prose around it, even inside one line."""
    starts = []
    for previous, block in zip([None, *blocks], blocks):
        if block.kind != "body" or (previous is not None and previous.kind != "body"):
            starts.append(block.start)
    return starts


def boilerplate_chars(blocks: list[Block]) -> int:
    return sum(b.end - b.start for b in blocks if b.kind == "boilerplate")


def spans_of(blocks: list[Block], kind: str) -> list[tuple[int, int]]:
    return [(b.start, b.end) for b in blocks if b.kind == kind]

