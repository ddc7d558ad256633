"""Layout: which lines of an article are boilerplate, headings or photo captions.

Labels are spans over the original text, never deletions: offsets stay true. Lines are told
apart by general signals (keywords and shapes from data/boilerplate.tsv and data/captions.tsv,
line length, letter case, the script of the line), not by any article's strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractor.lexicon import read_tsv

HEADING_MAX_WORDS = 8


@dataclass(frozen=True)
class Block:
    """A line of the text: `kind` is body, boilerplate, heading or caption."""

    start: int
    end: int
    kind: str


@cache
def _signals(name: str) -> tuple[list[str], list[re.Pattern]]:
    phrases, patterns = [], []
    for kind, value in read_tsv(name, 2):
        if kind == "phrase":
            phrases.append(value.lower())
        else:
            patterns.append(re.compile(value))
    return phrases, patterns


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


def classify_lines(text: str) -> list[Block]:
    """Return a Block for every non-empty line of `text`, in order."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    blocks: list[Block] = []
    seen: set[str] = set()
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if not line.strip():
            continue
        next_line = next((text[s:e] for s, e in lines[index + 1:] if text[s:e].strip()), None)
        key = line.strip().lower()
        if _matches(line, "boilerplate.tsv") or _is_shouted(line) or _mostly_foreign_script(line) or key in seen:
            kind = "boilerplate"
        elif _matches(line, "captions.tsv"):
            kind = "caption"
        elif _is_heading(line, next_line):
            kind = "heading"
        else:
            kind = "body"
        seen.add(key)
        blocks.append(Block(start, end, kind))
    return blocks


def spans_of(blocks: list[Block], kind: str) -> list[tuple[int, int]]:
    return [(b.start, b.end) for b in blocks if b.kind == kind]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) lies within one of `spans`."""
    return any(s <= start and end <= e for s, e in spans)
