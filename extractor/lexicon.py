"""Reading the language data under extractor/data and extractor/patterns.

Every table is validated on load; a bad file fails with one error that lists every bad line,
so a contributor fixes them all in one go.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import TypeVar

from pydantic import BaseModel, ValidationError

T = TypeVar("T", bound=BaseModel)


class DataFileError(ValueError):
    """A data file under extractor/data or extractor/patterns has lines that do not validate."""


def _package_text(folder: str, name: str) -> str:
    return resources.files("extractor").joinpath(folder).joinpath(name).read_text(encoding="utf-8")


def read_tsv(name: str, columns: int, folder: str = "data") -> list[list[str]]:
    """Return the rows of a TSV data file (comments and blank lines skipped); every row must
    have `columns` fields, else DataFileError names each bad line."""
    rows, bad = [], []
    for number, line in enumerate(_package_text(folder, name).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != columns:
            bad.append(f"  line {number}: expected {columns} tab-separated fields, got {len(fields)}: {line!r}")
        else:
            rows.append([f.strip() for f in fields])
    if bad:
        raise DataFileError(f"{folder}/{name} has bad lines; fix them:\n" + "\n".join(bad))
    return rows


def read_jsonl(name: str, model: type[T], folder: str = "data") -> list[T]:
    """Return the lines of a JSONL data file validated as `model`; DataFileError lists every
    line that is not valid JSON or does not fit the model."""
    items, bad = [], []
    for number, line in enumerate(_package_text(folder, name).splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            items.append(model.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as exc:
            first = str(exc).splitlines()
            bad.append(f"  line {number}: {' '.join(first[:3])}")
    if bad:
        raise DataFileError(f"{folder}/{name} has bad lines; fix them:\n" + "\n".join(bad))
    return items


def word_alternation(words: list[str], flexible_case: bool = True) -> str:
    """Return a regex alternation of `words`, longest first. With `flexible_case`, a lower-case
    word also matches with a capital first letter ("last" / "Last") or in capitals."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word).replace(r"\ ", r"\s+")
        if flexible_case and word[:1].islower():
            escaped = f"(?:[{word[0]}{word[0].upper()}]{escaped[1:]}|{re.escape(word.upper())})"
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"


@cache
def number_words() -> dict[str, tuple[str, str]]:
    """word -> (value, kind) from numbers.tsv; value is "X" for vague quantities."""
    return {word: (value, kind) for word, value, kind in read_tsv("numbers.tsv", 3)}


def previous_word(text: str, start: int) -> str:
    """The word just before `start`, lower case ("" if none): spaces and hyphens between."""
    m = re.search(r"([A-Za-z]+)[\s-]*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


WORD_OR_DIGITS = re.compile(r"[^\W\d_]+|\d+")


def anchor_regions(text: str, anchors: frozenset[str], before: int, after: int | None = None) -> list[tuple[int, int]]:
    """Where patterns that always contain a digit or one of the lowercase `anchors` words can
    match: from `before` characters before each to `after` (default: `before`) after it,
    widened to whole words, merged. When that covers most
    of the text (news dense with dates and numbers), the whole text as one region: one pass is
    then cheaper. Sparse text (a dump on one line) is scanned only where it matters."""
    regions: list[tuple[int, int]] = []
    for m in WORD_OR_DIGITS.finditer(text):
        word = m.group()
        if not word[0].isdigit() and word.lower() not in anchors:
            continue
        start, end = max(0, m.start() - before), min(len(text), m.end() + (before if after is None else after))
        if regions and start <= regions[-1][1]:
            regions[-1] = (regions[-1][0], end)
        else:
            regions.append((start, end))
    if sum(e - s for s, e in regions) > len(text) // 2:
        return [(0, len(text))]
    return [(_word_start(text, s), _word_end(text, e)) for s, e in regions]


def _word_start(text: str, i: int) -> int:
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


def _word_end(text: str, i: int) -> int:
    while i < len(text) and not text[i].isspace():
        i += 1
    return i
