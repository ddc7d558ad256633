"""Inputs: walking the paths a user gives, reading bytes, decoding them into text.

Nothing here fails a batch: a path that cannot be read becomes a `ReadFailure`, which the
pipeline turns into an `error` record, and the run goes on.
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterator

from extractor.errors import ErrorKind, os_error_kind
from extractor.records import DocumentWarning

STDIN_ID = "-"
BINARY_CONTROL_SHARE = 0.10  # share of NUL/control bytes above which a file is not text


@dataclass(frozen=True)
class Source:
    """One input to read: `doc_id` as records carry it, `path` (None for stdin)."""

    doc_id: str
    path: Path | None
    published: str | None = None


@dataclass(frozen=True)
class RawDocument:
    """An input read and decoded: `text` is what every offset indexes."""

    doc_id: str
    source: str
    text: str
    sha256: str
    encoding: str
    warnings: tuple[DocumentWarning, ...] = ()
    published: str | None = None
    form: str = "text"  # "html": `text` is a page, turned into its main text by formats.main_text
    title: str | None = None
    url: str | None = None
    published_rule: str | None = None  # where a given date came from when not from the user ("page_metadata")


@dataclass(frozen=True)
class ReadFailure:
    """An input that could not be read: `error` is its kind (extractor/errors.py), `message`
    says what to do."""

    doc_id: str
    source: str
    error: ErrorKind
    message: str


@dataclass
class _Walk:
    seen_dirs: set[tuple[int, int]] = field(default_factory=set)


class DecodeError(ValueError):
    """The bytes are not text in any encoding we read."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def iter_sources(paths: list[str], glob: str = "*.txt") -> Iterator[Source | ReadFailure]:
    """Yield every input named by `paths` in a stable order: files as given, directories
    recursively (sorted, following links once), `-` for stdin. Missing paths come back as
    `ReadFailure`s in their place."""
    for raw in paths:
        if raw == STDIN_ID:
            yield Source(STDIN_ID, None)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk_directory(path, glob)
        elif path.exists() or path.is_symlink():
            yield Source(path.name, path)
        else:
            yield ReadFailure(
                path.name or raw, raw, "NotFound",
                f"{raw} does not exist; check the path (directories are read recursively).",
            )


def _walk_directory(root: Path, glob: str) -> Iterator[Source | ReadFailure]:
    walk = _Walk()
    yield from _walk_into(root, root, glob, walk)


def _walk_into(root: Path, folder: Path, glob: str, walk: _Walk) -> Iterator[Source | ReadFailure]:
    try:
        info = folder.stat()
    except OSError as exc:
        yield _failure_for(root, folder, exc)
        return
    key = (info.st_dev, info.st_ino)
    if key in walk.seen_dirs:
        return  # a symlink loop or a second link to a folder already read
    walk.seen_dirs.add(key)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield _failure_for(root, folder, exc)
        return
    for entry in entries:
        path = Path(entry.path)
        if _is_dir(entry):
            yield from _walk_into(root, path, glob, walk)
        elif fnmatch.fnmatch(entry.name, glob):
            yield Source(path.relative_to(root).as_posix(), path)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False


def _failure_for(root: Path, path: Path, exc: OSError) -> ReadFailure:
    try:
        doc_id = path.relative_to(root).as_posix()
    except ValueError:
        doc_id = path.name
    return ReadFailure(doc_id, str(path), os_error_kind(exc), f"{path} could not be read: {exc.strerror or exc}.")


def read_source(source: Source, stdin: BinaryIO | None = None) -> RawDocument | ReadFailure:
    """Read and decode one input; never raises for a bad file."""
    label = "<stdin>" if source.path is None else str(source.path)
    try:
        data = (stdin or sys.stdin.buffer).read() if source.path is None else source.path.read_bytes()
    except FileNotFoundError:
        kind = "DanglingSymlink" if source.path is not None and source.path.is_symlink() else "NotFound"
        return ReadFailure(source.doc_id, label, kind,
                           f"{label} could not be opened ({'its link target is missing' if kind == 'DanglingSymlink' else 'it no longer exists'}); fix or remove it and run again.")
    except IsADirectoryError:
        return ReadFailure(source.doc_id, label, "IsADirectory", f"{label} is a directory; pass it as a directory argument.")
    except OSError as exc:
        return ReadFailure(source.doc_id, label, os_error_kind(exc),
                           f"{label} could not be read: {exc.strerror or exc}; check its permissions.")
    return decode_document(source.doc_id, label, data, source.published)


def decode_document(doc_id: str, label: str, data: bytes, published: str | None = None) -> RawDocument | ReadFailure:
    """Decode bytes into a RawDocument, or say why they are not text."""
    try:
        text, encoding, warnings = decode_bytes(data)
    except DecodeError as exc:
        return ReadFailure(doc_id, label, exc.kind, f"{label}: {exc}")
    return RawDocument(doc_id, label, text, hashlib.sha256(data).hexdigest(), encoding, tuple(warnings), published)


def decode_bytes(data: bytes) -> tuple[str, str, list[DocumentWarning]]:
    """Return (text, encoding, warnings): UTF-8 with or without BOM, UTF-16 by its BOM, else
    cp1252 with a warning. Raises DecodeError for binary data."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError as exc:
            raise DecodeError("UndecodableText", f"has a UTF-16 byte order mark but is not valid UTF-16 ({exc.reason}).") from exc
    if data.startswith(b"\xef\xbb\xbf"):
        data, encoding = data[3:], "utf-8-sig"
    else:
        encoding = "utf-8"
    warnings: list[DocumentWarning] = []
    if _looks_binary(data):
        raise DecodeError("BinaryFile", "is binary (NUL or control bytes), not text; pass text files only or change --glob.")
    nuls = data.count(b"\x00")
    if nuls:
        warnings.append(DocumentWarning.of("W002", nuls=nuls))
    try:
        return data.decode("utf-8"), encoding, warnings
    except UnicodeDecodeError as exc:
        warnings.append(DocumentWarning.of("W001", byte=exc.start))
        return data.decode("cp1252", errors="replace"), "cp1252", warnings


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control / len(sample) > BINARY_CONTROL_SHARE
