"""Shared fixtures: one loaded pipeline for the whole session, helpers to run it on text."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from extractor.core.pipeline import Extractor, Settings
from extractor.inputs.sources import decode_document

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
REFERENCE = date(2025, 7, 25)  # a Friday


@pytest.fixture(scope="session")
def engine() -> Extractor:
    return Extractor(Settings(include=("timex",)))


@pytest.fixture(scope="session")
def nlp(engine):
    return engine.nlp


@pytest.fixture(scope="session")
def run(engine):
    """run(text, published=None) -> the records of that text (document record first)."""

    def _run(text: str, published: date | None = REFERENCE):
        raw = decode_document("t.txt", "t.txt", text.encode("utf-8"), published.isoformat() if published else None)
        return engine.extract(raw)

    return _run


def of_type(records, kind: str):
    return [r for r in records if r.type == kind]


def cli(*args: str, stdin: bytes | None = None, text: bool = False) -> subprocess.CompletedProcess:
    """Run `python -m extractor ARGS` from the project root, capturing its output."""
    return subprocess.run([sys.executable, "-m", "extractor", *args], input=stdin, capture_output=True,
                          cwd=ROOT, text=text)


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (a fresh clone has no ../shared); this test measures on it")
    return path
