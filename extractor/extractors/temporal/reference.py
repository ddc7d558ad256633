"""The reference date of a document: given (publication metadata, --published), else inferred
from the text (a dateline, a photo caption, the latest explicit date not in the future tense)."""

from __future__ import annotations

import re
from datetime import date
from typing import Callable

from extractor.core.records import ReferenceSource
from extractor.extractors.temporal.detect import Candidate
from extractor.nlp.layout import line_start


def infer_reference_date(candidates: list[Candidate], text: str, caption_spans: list[tuple[int, int]],
                         future_at: Callable[[int, int], bool] | None = None) -> tuple[date | None, str | None]:
    """Infer the article's date from the text: a dateline in the first lines, else the latest
    explicit full date in a photo caption or in a clause that is not in the future tense.
    Returns (date, rule) or (None, None)."""
    explicit = [c for c in candidates if c.absolute_day is not None]
    if not explicit:
        return None, None
    for c in explicit:
        if c.start < 200 and re.match(r"^[A-Z][A-Za-z .'-]{1,40},?\s*$|^\s*$", text[line_start(text, c.start):c.start]) \
                and re.match(r"\s*(\(|--|—|-|:|/)", text[c.end:c.end + 6]):
            return c.absolute_day, "dateline"
    in_captions = [c for c in explicit if any(s <= c.start < e for s, e in caption_spans)]
    if in_captions:
        return max(c.absolute_day for c in in_captions if c.absolute_day), "caption"
    usable = [c for c in explicit if not (future_at and future_at(c.start, c.end))]
    if usable:
        return max(c.absolute_day for c in usable if c.absolute_day), "latest_explicit_date"
    return None, None


def reference_date(given: date | None, given_rule: str | None, candidates: list[Candidate], text: str,
                   caption_spans: list[tuple[int, int]], tense_at: Callable[[int, int], str | None]
                   ) -> tuple[date | None, ReferenceSource | None, str | None]:
    """(date, "given" | "inferred", rule) the document's relative dates are resolved against:
    the given date when there is one, else the one the text states (`infer_reference_date`),
    else (None, None, None)."""
    if given is not None:
        return given, "given", given_rule
    inferred, rule = infer_reference_date(candidates, text, caption_spans, lambda s, e: tense_at(s, e) == "future")
    if inferred is None:
        return None, None, None
    return inferred, "inferred", rule
