"""Merging repeated mentions of one fact into one record with several pieces of evidence, and the
evidence of a sentence."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel
from spacy.tokens import Span

from extractor.core.records import Evidence
from extractor.nlp.syntax import text_of


R = TypeVar("R", bound=BaseModel)  # a record


def evidence(sentence: Span) -> Evidence:
    text = text_of(sentence.doc)[sentence.start_char:sentence.end_char]
    stripped = text.rstrip()
    return Evidence(text=stripped, start=sentence.start_char, end=sentence.start_char + len(stripped))


def with_later_evidence(merged: dict[tuple, R], more: dict[tuple, dict]) -> list[R]:
    """The merged records, each with the evidence of its later mentions (kept by span, in order)."""
    return [record.model_copy(update={"mentions": list(more[key].values())}) if more[key] else record
            for key, record in merged.items()]
