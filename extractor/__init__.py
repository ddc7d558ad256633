"""extractor: news articles in, structured and verifiable facts out (JSON Lines).

The library API (the distribution is `newsfacts`, the import package `extractor`):

    import extractor
    extractor.extract("Finland joined NATO in April 2023.")            # [Document, Membership, Event]
    for record in extractor.extract_stream(["...", ("a.txt", "...", "2025-07-25")]):
        ...

`import extractor` stays cheap: spaCy, pydantic and the model are imported on first use.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any, Union

if TYPE_CHECKING:  # pragma: no cover
    from extractor.core.pipeline import Extractor, Settings
    from extractor.core.records import Record

DISTRIBUTION = "newsfacts"  # the name on PyPI: `pip install newsfacts`
BATCH_TEXTS = 32  # texts per extraction batch in extract_stream (the CLI's batch size)
TEXT_SOURCE = "<text>"  # the `source` of a document given as a string

# the names the package exports, and the module each is imported from on first use
_LAZY = {
    "Settings": "extractor.core.pipeline",
    "DocContext": "extractor.core.context",
    **{name: "extractor.core.records" for name in (
        "Record", "Document", "Error", "Timex", "Figure", "Membership", "Event", "Candidate",
        "Interval", "Count", "Conflict", "Check", "Entity", "Participant", "DateValue", "DateRef", "Evidence",
        "DocumentWarning", "parse_line", "to_json_line")},
}

__all__ = ["__version__", "extract", "extract_stream", *_LAZY]

Input = Union[str, tuple[str, str, Union[str, date, None]]]


def __getattr__(name: str) -> Any:
    """The lazily imported exports (`extractor.Settings`, `extractor.Membership`, ...) and
    `__version__`; an AttributeError for any other name."""
    if name == "__version__":
        return version()
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


@cache
def version() -> str:
    """The installed distribution's version (its metadata, written from pyproject.toml); in a
    checkout that is not installed as `newsfacts`, the version pyproject.toml declares."""
    from importlib.metadata import PackageNotFoundError, version as installed_version

    try:
        return installed_version(DISTRIBUTION)
    except PackageNotFoundError:
        return _checkout_version()


def _checkout_version() -> str:
    """The `[project] version` of the pyproject.toml beside this package, else '0+unknown'."""
    if sys.version_info < (3, 11):  # no tomllib to read it with
        return "0+unknown"
    else:  # an `else`, so that mypy checking for Python 3.10 skips what follows
        import tomllib
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
        except (OSError, tomllib.TOMLDecodeError):
            return "0+unknown"
        return str(project.get("version", "0+unknown")) if project.get("name") == DISTRIBUTION else "0+unknown"


@cache
def _engine(settings: Settings) -> Extractor:
    """One loaded pipeline per distinct Settings, kept for the life of the process."""
    from extractor.core.pipeline import Extractor

    return Extractor(settings)


def _settings(settings: Settings | None) -> Settings:
    from extractor.core.pipeline import Settings

    return settings if settings is not None else Settings()


def _raw_document(doc_id: str, text: str, published: str | date | None):
    """The text as the CLI reads it from stdin (a RawDocument, or a ReadFailure for text that is
    not text: NUL-filled binary); `published` as an ISO date or a date."""
    from extractor.inputs.sources import decode_document

    if not isinstance(text, str):
        raise TypeError(f"the text of {doc_id!r} is a {type(text).__name__}, not a str: decode it first")
    given = published.isoformat() if isinstance(published, date) else published
    if given is not None:
        date.fromisoformat(given)  # a ValueError naming the bad date, before any work
    return decode_document(doc_id, TEXT_SOURCE, text.encode("utf-8"), given)


def _as_input(position: int, item: Input) -> tuple[str, str, str | date | None]:
    """(doc_id, text, published) of one input: a bare text is document number `position`."""
    if isinstance(item, str):
        return str(position), item, None
    if isinstance(item, tuple) and len(item) == 3:
        return item
    raise TypeError(f"input {position} is {item!r:.60}: give a text or a (doc_id, text, published) tuple")


def extract(text: str, published: str | date | None = None) -> list[Record]:
    """The records of one text, as `extractor extract -` writes them: the `document` record, then
    the timex-free records (figures, memberships, events) in text order. `published` (a date or
    YYYY-MM-DD) is the reference date relative expressions are resolved against; without it the
    date is inferred from the text."""
    raw = _raw_document("-", text, published)
    return _engine(_settings(None)).extract(raw)


def extract_stream(inputs: Iterable[Input], settings: Settings | None = None) -> Iterator[Record]:
    """The records of many texts, in input order: for each, its `document` (or `error`) record,
    then its records. An input is a text (its doc_id is its position, from 1) or a
    (doc_id, text, published) tuple (published: a date, YYYY-MM-DD or None). Inputs are read as
    they are needed, BATCH_TEXTS at a time; `settings` (extractor.Settings) as for the CLI."""
    from extractor.running.batch import batches

    engine = _engine(_settings(settings))
    numbered = (_raw_document(*_as_input(n, item)) for n, item in enumerate(inputs, start=1))
    for batch in batches(numbered, BATCH_TEXTS):
        for records in engine.extract_batch(batch):
            yield from records
