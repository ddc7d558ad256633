"""Inputs: walking the paths a user gives, reading bytes, decoding them into text.

Nothing here fails a batch: a path that cannot be read becomes a `ReadFailure`, which the
pipeline turns into an `error` record, and the run goes on.
"""

from __future__ import annotations

import fnmatch
import gzip
import hashlib
import os
import posixpath
import sys
import zlib
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from extractor.core.errors import ErrorKind, os_error_kind
from extractor.core.records import DocumentWarning

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
    """An input that could not be read: `error` is its kind (extractor/core/errors.py), `message`
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

    def __init__(self, kind: ErrorKind, message: str):
        super().__init__(message)
        self.kind = kind


# The file names a directory walk reads by default: every format `formats` knows.
TEXT_SUFFIXES = (".txt", ".text", ".txt.gz", ".text.gz")
KNOWN_SUFFIXES = (*TEXT_SUFFIXES, ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz",
                  ".warc", ".warc.gz")
GZIPPED_TEXT = (".txt.gz", ".text.gz")
SNIFF_BYTES = 8192  # how much of a file without an extension is read to tell text from binary


@dataclass
class Plan:
    """What a run reads, decided before anything is read: every input in order, each with a
    doc_id unique within the run, and what the directory walks passed over (a label such as
    `.pdf` or `hidden` -> how many)."""

    items: list[Source | ReadFailure] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)

    def skipped_line(self) -> str | None:
        """'skipped 3 files: 2 .pdf, 1 .png', or None when nothing was passed over."""
        return skipped_line(self.skipped)


def skipped_line(skipped: Counter[str]) -> str | None:
    """'skipped 3 files: 2 .pdf, 1 .png' (the most frequent first), or None for none."""
    if not skipped:
        return None
    total = sum(skipped.values())
    kinds = ", ".join(f"{n} {label}" for label, n in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"skipped {total} file{'s' if total != 1 else ''}: {kinds}"


def skip_reason(name: str, glob: str | None = None, head: Callable[[], bytes] | None = None) -> str | None:
    """Why a directory walk passes over the file `name`: None when it is read, else the label it is
    counted under (`hidden`, its extension such as `.pdf`, `binary without extension`). With
    `glob`, exactly the names it matches are read (hidden ones too when it asks for them); else
    every known format, and a name without an extension when `head()` (its first bytes) is text."""
    if glob is not None:
        if fnmatch.fnmatch(name, glob) and (not name.startswith(".") or glob.startswith(".")):
            return None
        return "hidden" if name.startswith(".") else extension_label(name)
    if name.startswith("."):
        return "hidden"
    lower = name.lower()
    if lower.endswith(KNOWN_SUFFIXES):
        return None
    if "." not in name:
        return None if head is None or not _looks_binary(head()) else "binary without extension"
    return extension_label(name)


def extension_label(name: str) -> str:
    """The extension a skipped file is counted under: `.pdf`, `.tar.gz`, or `no extension`."""
    parts = name.lower().split(".")[1:]
    if not parts:
        return "no extension"
    return "." + ".".join(parts[-2:]) if parts[-1] == "gz" and len(parts) > 1 else "." + parts[-1]


def iter_sources(paths: list[str], glob: str | None = None) -> Iterator[Source | ReadFailure]:
    """Every input named by `paths`, in order (see `plan_sources`)."""
    yield from plan_sources(paths, glob).items


def plan_sources(paths: list[str], glob: str | None = None) -> Plan:
    """Every input named by `paths` in a stable order: files as given, directories recursively
    (sorted, following links once, the files `skip_reason` passes over counted), `-` for stdin.
    Missing paths come back as `ReadFailure`s in their place.

    doc_ids: a file given by itself is named by its file name, a file in a directory argument by
    its path relative to that argument. When two inputs of the run would share that id, each of
    them is named by its path as given instead (`dup1/a.txt`, `dup2/a.txt`); the same path given
    twice gets `#2`, `#3` after its second and later ids."""
    plan = Plan()
    named: list[tuple[str, str, Source | ReadFailure]] = []  # (short id, path as given, input)
    for raw in paths:
        if raw == STDIN_ID:
            named.append((STDIN_ID, STDIN_ID, Source(STDIN_ID, None)))
            continue
        path = Path(raw)
        if path.is_dir():
            for relative, item in _walk_directory(path, glob, plan.skipped):
                named.append((relative, posixpath.join(raw, relative), item))
        elif path.exists() or path.is_symlink():
            named.append((path.name, raw, Source(path.name, path)))
        else:
            named.append((path.name or raw, raw, ReadFailure(
                path.name or raw, raw, "NotFound", f"{raw} does not exist; check the path (directories are read recursively).")))
    plan.items = _unique_ids(named)
    return plan


def _unique_ids(named: list[tuple[str, str, Source | ReadFailure]]) -> list[Source | ReadFailure]:
    """The inputs with their doc_ids: the short id unless another input shares it, then the path
    as given, numbered from the second time it recurs."""
    shared = {short for short, n in Counter(short for short, _, _ in named).items() if n > 1}
    seen: Counter[str] = Counter()
    items: list[Source | ReadFailure] = []
    for short, given, item in named:
        doc_id = given if short in shared else short
        seen[doc_id] += 1
        if seen[doc_id] > 1:
            doc_id = f"{doc_id}#{seen[doc_id]}"
        items.append(item if item.doc_id == doc_id else replace(item, doc_id=doc_id))
    return items


def _walk_directory(root: Path, glob: str | None, skipped: Counter[str]) -> Iterator[tuple[str, Source | ReadFailure]]:
    walk = _Walk()
    for item in _walk_into(root, root, glob, walk, skipped):
        yield item.doc_id, item


def _walk_into(root: Path, folder: Path, glob: str | None, walk: _Walk,
               skipped: Counter[str]) -> Iterator[Source | ReadFailure]:
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
            if entry.name.startswith(".") and not (glob or "").startswith("."):
                skipped["hidden folder"] += 1
                continue
            yield from _walk_into(root, path, glob, walk, skipped)
            continue
        reason = skip_reason(entry.name, glob, lambda: _head_of(path))
        if reason is None:
            yield Source(path.relative_to(root).as_posix(), path)
        else:
            skipped[reason] += 1


def _head_of(path: Path) -> bytes:
    """The first bytes of a file, or none when it cannot be read (it is then read, and fails, as an input)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(SNIFF_BYTES)
    except OSError:
        return b""


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
        kind: ErrorKind = "DanglingSymlink" if source.path is not None and source.path.is_symlink() else "NotFound"
        return ReadFailure(source.doc_id, label, kind,
                           f"{label} could not be opened ({'its link target is missing' if kind == 'DanglingSymlink' else 'it no longer exists'}); fix or remove it and run again.")
    except IsADirectoryError:
        return ReadFailure(source.doc_id, label, "IsADirectory", f"{label} is a directory; pass it as a directory argument.")
    except OSError as exc:
        return ReadFailure(source.doc_id, label, os_error_kind(exc),
                           f"{label} could not be read: {exc.strerror or exc}; check its permissions.")
    return decode_document(source.doc_id, label, data, source.published)


def decode_document(doc_id: str, label: str, data: bytes, published: str | None = None) -> RawDocument | ReadFailure:
    """Decode bytes into a RawDocument (a `.txt.gz` file's bytes uncompressed first; the sha256 is
    of the bytes as stored), or a ReadFailure that says why they are not text."""
    try:
        text, encoding, warnings = decode_bytes(gunzipped(label, data))
    except DecodeError as exc:
        return ReadFailure(doc_id, label, exc.kind, f"{label}: {exc}")
    return RawDocument(doc_id, label, text, hashlib.sha256(data).hexdigest(), encoding, tuple(warnings), published)


def gunzipped(name: str, data: bytes) -> bytes:
    """`data` uncompressed when `name` is gzipped text (`.txt.gz`, `.text.gz`) and the bytes are
    gzip; else `data` as it is. Raises DecodeError for a cut or corrupt gzip stream."""
    if not (name.lower().endswith(GZIPPED_TEXT) and data[:2] == b"\x1f\x8b"):
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise DecodeError("Unreadable", f"is not a whole gzip stream ({exc}); download or copy it again.") from exc


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
