"""Input formats: plain text, saved web pages (HTML), JSON Lines dumps and WARC archives, turned
into documents. One file may hold many documents (a JSON Lines line, a WARC response each).

- Plain text: as `sources.read_source` reads it.
- HTML: main text by trafilatura (navigation, cookie banners and share buttons dropped, headings
  kept; photo captions are dropped too), publication date from the page's metadata by htmldate,
  title and URL from its metadata. The page is turned into text where the model runs
  (`main_text`, in the worker processes), so `--jobs` spreads that work too; offsets index the
  extracted text, which the document record returns with `--include text`.
- JSON Lines (`.jsonl`, `.ndjson`, gzipped or not): one article per line; the text, id, date and
  title fields are looked up in the order `Fields` gives (defaults fit news-please and CC-News).
  A bad line is one `error` record naming the file and the line; the rest of the file goes on.
- WARC (`.warc`, `.warc.gz`): HTML responses (and resources) become documents, with the WARC
  record id as doc_id and the target URI as source; every other record is `Skipped` and counted.

Every format reads standard input too (`-`; JSON Lines gzipped or not). The page readers
(trafilatura, htmldate, lxml_html_clean) are dependencies of the package and WARC needs the `warc`
extra (`pip install 'newsfacts[warc]'`); where one is missing (a broken install), each input that
needs it is a `MissingDependency` error record that says what to install.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import importlib
import io
import json
import sys
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import IO, BinaryIO, Iterator, Union

from extractor.core.errors import os_error_kind
from extractor.core.records import DocumentWarning
from extractor.inputs.sources import RawDocument, ReadFailure, Source, decode_document, read_source

Stream = Union[IO[bytes], gzip.GzipFile]  # a dump's bytes: a file, stdin, or either gunzipped
INPUT_FORMATS = ("auto", "text", "html", "jsonl", "warc")
STDIN_LABEL = "<stdin>"
# The modules each format needs beyond the core, and what installs them.
READERS = {
    "html": (("trafilatura", "htmldate", "lxml_html_clean"),
             "pip install trafilatura htmldate lxml_html_clean (they come with newsfacts: `pip install --force-reinstall newsfacts`, or `pip install -e .` in a checkout)"),
    "warc": (("warcio",), "pip install 'newsfacts[warc]'"),
}
HTML_SNIFF = (b"<!doctype html", b"<html")
MIN_MAIN_WORDS = 10  # fewer words of main text than this: a navigation page or a stub, said in a warning
LATEST_PUBLICATION = "2100-12-31"  # htmldate's plausibility bound, fixed: no clock is read
DATE_SETTINGS = {"DATE_ORDER": "DMY", "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
                 "REQUIRE_PARTS": ["day", "month", "year"]}  # no relative dates ("yesterday" reads the clock)


@dataclass(frozen=True)
class Fields:
    """Which fields of a JSON Lines record hold what; the first present one is used."""

    text: tuple[str, ...] = ("maintext", "text")
    id: tuple[str, ...] = ("url", "id")
    date: tuple[str, ...] = ("date_publish", "published")
    title: tuple[str, ...] = ("title",)


@dataclass(frozen=True)
class Skipped:
    """A record of a multi-document file that is not a document (a WARC request, an image)."""

    source: str
    what: str


def format_of(path: Path | None, chosen: str = "auto", head: bytes = b"") -> str:
    """The format to read `path` as: `chosen` unless it is auto; else by the file name, and by
    `head` (the first bytes) when given: a file that opens an HTML page is HTML."""
    if chosen != "auto":
        return chosen
    name = path.name.lower() if path is not None else ""
    if name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
        return "jsonl"
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    if head:
        return "html" if head.lstrip()[:64].lower().startswith(HTML_SNIFF) else "text"
    return "auto"  # text unless its first bytes open a page: decided once it is read


def documents(source: Source, chosen: str = "auto", fields: Fields = Fields(),
              stdin: BinaryIO | None = None) -> Iterator[RawDocument | ReadFailure | Skipped]:
    """Every document `source` holds, in file order (`source.path` None: standard input, or `stdin`)."""
    fmt = format_of(source.path, chosen) if source.path is not None else chosen
    label = STDIN_LABEL if source.path is None else str(source.path)
    if fmt in ("jsonl", "warc"):
        try:
            with _open(source.path, fmt, stdin) as stream:
                yield from (_jsonl if fmt == "jsonl" else _warc)(stream, source, fields, label)
        except OSError as exc:
            yield ReadFailure(source.doc_id, label, os_error_kind(exc),
                              f"{label} could not be read as {fmt}: {exc}; check the file (a cut gzip stream?).")
        return
    yield _as_page_if(read_source(source, stdin), fmt)  # text, or a page known by its name or its first bytes


def from_bytes(doc_id: str, label: str, data: bytes, chosen: str = "auto", fields: Fields = Fields(),
               published: str | None = None) -> Iterator[RawDocument | ReadFailure | Skipped]:
    """`documents` for bytes already read (Spark rows): the format from `chosen`, else the name."""
    fmt = format_of(Path(doc_id), chosen)
    if fmt in ("jsonl", "warc"):
        stream = gzip.GzipFile(fileobj=io.BytesIO(data)) if data[:2] == b"\x1f\x8b" and fmt == "jsonl" else io.BytesIO(data)
        try:
            yield from (_jsonl if fmt == "jsonl" else _warc)(stream, Source(doc_id, Path(label), published), fields, label)
        except OSError as exc:
            yield ReadFailure(doc_id, label, os_error_kind(exc), f"{label} could not be read as {fmt}: {exc}.")
        return
    yield _as_page_if(decode_document(doc_id, label, data, published), fmt)


def _as_page_if(raw: RawDocument | ReadFailure, fmt: str) -> RawDocument | ReadFailure:
    """`raw` marked as a page when the format says so (or, for auto, its first bytes open one); a
    page whose reader is missing is a MissingDependency failure."""
    if not isinstance(raw, RawDocument) or not (fmt == "html" or (fmt == "auto" and _opens_a_page(raw.text))):
        return raw
    missing = missing_reader("html")
    if missing:
        return ReadFailure(raw.doc_id, raw.source, "MissingDependency",
                           f"{raw.source} is an HTML page but the page reader is missing ({missing}); install it: "
                           f"{READERS['html'][1]}.")
    return replace(raw, form="html")


@functools.cache
def missing_reader(fmt: str) -> str | None:
    """Why the modules format `fmt` needs (READERS) cannot be imported ("No module named
    'warcio'"), or None when they can."""
    for module in READERS[fmt][0]:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            return str(exc)
    return None


def _opens_a_page(text: str) -> bool:
    return text[:512].lstrip().lower().encode().startswith(HTML_SNIFF)


def _open(path: Path | None, fmt: str, stdin: BinaryIO | None = None) -> Stream:
    """The bytes of a dump or an archive: the file, or standard input for None; JSON Lines
    uncompressed when gzipped (warcio reads gzipped WARC itself)."""
    if path is None:
        stream = stdin or sys.stdin.buffer
        if fmt == "jsonl":
            stream = io.BufferedReader(stream) if not hasattr(stream, "peek") else stream
            if stream.peek(2)[:2] == b"\x1f\x8b":
                return gzip.GzipFile(fileobj=stream)
        return stream
    if path.name.lower().endswith((".jsonl.gz", ".ndjson.gz")):
        return gzip.open(path, "rb")
    return open(path, "rb")


# ---------------------------------------------------------------- JSON Lines


def _jsonl(stream: Stream, source: Source, fields: Fields, label: str) -> Iterator[RawDocument | ReadFailure]:
    seen: set[str] = set()
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        fallback = f"{source.doc_id}#{number}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield ReadFailure(fallback, label, "BadJsonLine", f"{label} line {number} is not JSON ({exc}); fix or remove that line.")
            continue
        if not isinstance(record, dict):
            yield ReadFailure(fallback, label, "BadJsonLine", f"{label} line {number} is not a JSON object.")
            continue
        doc_id = str(_field(record, fields.id) or fallback)
        if doc_id in seen:
            doc_id = f"{doc_id}#{number}"
        seen.add(doc_id)
        text = _field(record, fields.text)
        if not isinstance(text, str):
            yield ReadFailure(doc_id, f"{label}:{number}", "MissingField",
                              f"{label} line {number} has no text in {' or '.join(fields.text)}; "
                              "name the field with --text-field.")
            continue
        data = text.encode("utf-8")
        given = parse_date(_field(record, fields.date))
        published = source.published or given
        title = _field(record, fields.title)
        yield RawDocument(doc_id, f"{label}:{number}", text, hashlib.sha256(data).hexdigest(), "utf-8",
                          published=published, title=str(title) if title else None,
                          published_rule="metadata" if published and not source.published else None,
                          url=record.get("url") if isinstance(record.get("url"), str) else None)


def _field(record: dict, names: tuple[str, ...]):
    return next((record[n] for n in names if record.get(n) not in (None, "")), None)


def parse_date(value) -> str | None:
    """A publication date from metadata, in any common form ("2023-08-24T10:15:00Z", "Thu, 24
    Aug 2023", "24.08.2023"), as YYYY-MM-DD; None when there is none or it names no day."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings=DATE_SETTINGS)
    return parsed.date().isoformat() if parsed else None


# ---------------------------------------------------------------- WARC


def _warc(stream: Stream, source: Source, fields: Fields, label: str) -> Iterator[RawDocument | ReadFailure | Skipped]:
    missing = missing_reader("warc")
    if missing:
        yield ReadFailure(source.doc_id, label, "MissingDependency",
                          f"{label} is a WARC file but its reader is missing ({missing}); install it: {READERS['warc'][1]}.")
        return
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(stream):
            uri = record.rec_headers.get_header("WARC-Target-URI") or label
            kind = record.rec_type
            content_type = (record.http_headers.get_header("Content-Type") if record.http_headers
                            else record.rec_headers.get_header("Content-Type")) or ""
            if kind not in ("response", "resource") or "html" not in content_type.lower():
                media = content_type.split(";")[0].strip()
                yield Skipped(uri, f"{kind} {media}" if kind in ("response", "resource") and media else kind)
                continue
            doc_id = record.rec_headers.get_header("WARC-Record-ID") or uri
            data = record.content_stream().read()
            raw = decode_document(doc_id, uri, data, source.published)
            yield _as_page_if(raw, "html")
    except ArchiveLoadFailed as exc:
        yield ReadFailure(source.doc_id, label, "BadWarc", f"{label} is not a readable WARC file ({exc}); the documents before the fault were read.")


# ---------------------------------------------------------------- HTML


def main_text(raw: RawDocument) -> RawDocument:
    """The page `raw` (form html) as the text document the pipeline reads: trafilatura's main text,
    the title and URL of its metadata, and its publication date (htmldate) unless one was given.
    A page with no main text is an empty document with a warning. Raises ImportError naming what
    to install when the page reader is missing (`documents` makes such a page an error record first)."""
    missing = missing_reader("html")
    if missing:
        raise ImportError(f"the page reader is missing ({missing}); install it: {READERS['html'][1]}")
    import trafilatura
    from htmldate import find_date

    html = raw.text
    text = trafilatura.extract(html, include_comments=False, include_tables=True, output_format="txt",
                               deduplicate=False) or ""  # favor_recall kept cookie banners
    meta = trafilatura.extract_metadata(html, date_config=_date_config(), extensive=False)
    found = None if raw.published else find_date(html, **_date_config())
    warnings = list(raw.warnings)
    words = len(text.split())
    if words < MIN_MAIN_WORDS:
        warnings.append(DocumentWarning.of("W007", words=words))
    return replace(raw, form="text", text=text, published=raw.published or found, warnings=tuple(warnings),
                   published_rule="page_metadata" if found else raw.published_rule,
                   title=raw.title or (meta.title if meta else None), url=raw.url or (meta.url if meta else None))


def _date_config() -> dict:
    """htmldate's options: the page's own metadata only, the original (not the updated) date."""
    return {"extensive_search": False, "original_date": True, "max_date": LATEST_PUBLICATION}
