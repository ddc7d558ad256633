"""`extractor show`: static HTML review pages of extracted records, on the text they came from.

`write_site(records, folder)` writes `index.html` (every document: id, title, reference date,
counts by record type, warnings; every input that could not be read) and one page per document
under `docs/`: the text with every timex, figure, membership and event marked on its span and
underlined on its evidence sentence, boilerplate dimmed, each mark's fields on hover and focus, a
list of the records by type linking to the marks, a filter by type, and the membership timeline
(`extractor.consolidation.timeline.svg`) of the organizations the page's memberships name, drawn from every
record given. Pages are self-contained (styles and the one small script inline, no fonts, images
or links that fetch anything) and readable without JavaScript: the filter works in CSS, the
script only reads `#hide=figure,timex` from the address and mirrors the filter on
`<body data-hide>`. A Content-Security-Policy lets that script, and nothing else, run.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from extractor.consolidation import timeline
from extractor.consolidation.show.fields import SHOWN_TYPES, fields, is_shown, label, sentences_of, span_of, summary, text_of
from extractor.consolidation.show.markup import Layer, element, escape_text, marked_up
from extractor.core.records import Document, Error, Membership
from extractor.nlp.layout import classify_lines, spans_of

PAGES = "docs"  # the folder of the document pages, under the output folder
NESTING = ("membership", "event", "figure", "timex")  # of two marks on one span, the first is outer
TITLE_CHARS = 120  # a title longer than this is cut on the index


@dataclass
class Article:
    """A document record and the records that follow it."""

    document: Document
    records: list = field(default_factory=list)

    @property
    def shown(self) -> list:
        return [r for r in self.records if is_shown(r)]


@dataclass
class Site:
    """What `write_site` wrote: the pages, their bytes, and the characters of text they show."""

    folder: Path
    pages: int = 0
    bytes: int = 0
    text_chars: int = 0
    without_text: int = 0


def articles_of(records: list) -> tuple[list[Article], list[Error]]:
    """The documents in `records` with their records (matched by doc_id, in order), and the
    inputs that could not be read. Records whose document is absent are left out."""
    articles: list[Article] = []
    errors: list[Error] = []
    current: dict[str, Article] = {}
    for record in records:
        if isinstance(record, Document):
            articles.append(Article(record))
            current[record.doc_id] = articles[-1]
        elif isinstance(record, Error):
            errors.append(record)
        elif getattr(record, "doc_id", None) in current:
            current[record.doc_id].records.append(record)
    return articles, errors


def write_site(records: list, folder: Path) -> Site:
    """Write the index and one page per document of `records` into `folder` (which exists)."""
    articles, errors = articles_of(records)
    names = page_names([a.document.doc_id for a in articles])
    drawn = timeline.build(records)
    site = Site(folder)
    (folder / PAGES).mkdir(exist_ok=True)
    for article, name in zip(articles, names):
        text = page_html(article, _timeline_of(drawn, article))
        _write(folder / PAGES / name, text, site)
        site.text_chars += len(article.document.text or "")
        site.without_text += article.document.text is None
    _write(folder / "index.html", index_html(articles, errors, names), site)
    return site


def _write(path: Path, text: str, site: Site) -> None:
    data = text.encode("utf-8")
    path.write_bytes(data)
    site.pages += 1
    site.bytes += len(data)


def page_names(doc_ids: list[str]) -> list[str]:
    """A file name per document: its id made safe, cut, and a hash of it, so ids that differ only
    in unsafe characters stay apart; a repeated id gets a number."""
    seen: Counter[str] = Counter()
    names = []
    for doc_id in doc_ids:
        seen[doc_id] += 1
        key = doc_id if seen[doc_id] == 1 else f"{doc_id}#{seen[doc_id]}"
        slug = re.sub(r"[^A-Za-z0-9._-]+", "-", doc_id).strip("-.")[:60] or "document"
        names.append(f"{slug}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:8]}.html")
    return names


# ---------------------------------------------------------------- a document's page


def page_html(article: Article, timeline_svg: str | None = None) -> str:
    """The review page of one document."""
    doc = article.document
    records = article.shown
    numbers = {id(r): n for n, r in enumerate(records, start=1)}
    body = [_page_header(doc, records)]
    if doc.text is None:
        body.append('<p class="note" id="no-text">The text of this document is not in the records: they were written '
                    "without <code>--include text</code>, so no record can be marked on it. Run <code>extractor extract "
                    "... --include text</code>, or pass the articles to <code>extractor show</code>.</p>")
        marks: dict[int, str] = {}
        text_html = ""
    else:
        layers, marks = layers_of(doc.text, records, numbers)
        text_html = element("div", marked_up(doc.text, layers), class_="text", id="text")
    body.append(f"<main>{element('article', text_html)}{_record_list(records, numbers, marks, doc.text)}</main>")
    if timeline_svg:
        body.append(element("section", "<h2>Membership timeline</h2><p class=\"note\">The organizations of this page's "
                            "memberships, from the records of every document shown.</p>" + timeline_svg, class_="timeline"))
    return _html(doc.title or doc.doc_id, "".join(body), script=True)


def _page_header(doc: Document, records: list) -> str:
    counts = Counter(r.type for r in records)
    meta = [("document", escape_text(doc.doc_id)), ("source", escape_text(doc.source))]
    if doc.url:
        meta.append(("URL", escape_text(doc.url)))
    reference = doc.reference_date or "none"
    how = ", ".join(filter(None, [doc.reference_date_source, doc.reference_date_rule]))
    meta.append(("reference date", escape_text(reference + (f" ({how})" if how else ""))))
    meta.append(("characters", f"{doc.chars} ({doc.boilerplate_chars} boilerplate, dimmed)"))
    meta.append(("records", ", ".join(f"{counts[t]} {t}" for t in SHOWN_TYPES)))
    if doc.warnings:
        meta.append(("warnings", "<br>".join(escape_text(f"{w.code}: {w.message}") for w in doc.warnings)))
    boxes = "".join(f'<label><input type="checkbox" id="f-{t}" checked> <i class="{t}"></i> {t} ({counts[t]})</label>'
                    for t in SHOWN_TYPES)
    return ('<header><p><a href="../index.html">All documents</a></p>'
            + element("h1", escape_text(doc.title or doc.doc_id))
            + element("dl", "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in meta))
            + f'<fieldset id="filter">Show: {boxes}</fieldset></header>')


def layers_of(text: str, records: list, numbers: dict[int, int]) -> tuple[list[Layer], dict[int, str]]:
    """The layers of a page's text: boilerplate, evidence sentences (one per sentence and type),
    and the marks (one per span and type, holding every record read there); and, for each record
    marked, the id of the element its mark starts with. A timex or figure whose offsets do not hold
    its text here is not marked."""
    layers = [Layer(s, e, 0, "span", {"class": "bp", "title": "boilerplate"}) for s, e in _boilerplate(text)]
    sentences: dict[tuple[int, int, str], list[int]] = {}
    spans: dict[tuple[int, int, str], list] = {}
    for record in records:
        for start, end in sentences_of(record):
            sentences.setdefault((start, end, record.type), []).append(numbers[id(record)])
        start, end = span_of(record, text)
        said = text_of(record)
        if 0 <= start < end <= len(text) and (said is None or text[start:end] == said):
            spans.setdefault((start, end, record.type), []).append(record)
    for (start, end, kind), ids in sentences.items():
        layers.append(Layer(start, end, 10 + NESTING.index(kind), "span",
                            {"class": f"ev e-{kind}", "data-ev": " ".join(map(str, ids))}))
    marks: dict[int, str] = {}
    for (start, end, kind), held in spans.items():
        ids = [numbers[id(r)] for r in held]
        tip = "\n".join(_tip(r, numbers[id(r)]) for r in held)
        layers.append(Layer(start, end, 20 + NESTING.index(kind), "mark",
                            {"class": kind, "data-r": " ".join(map(str, ids)), "data-tip": tip},
                            {"id": f"m{ids[0]}", "tabindex": "0"}))
        marks.update({id(r): f"m{ids[0]}" for r in held})
    return layers, marks


def _boilerplate(text: str) -> list[tuple[int, int]]:
    """The boilerplate the layout pass sets aside in `text` (the same pass `extract` runs)."""
    return spans_of(classify_lines(text), "boilerplate")


def _tip(record, number: int) -> str:
    """The text a mark shows on hover and focus: the record's number, type and fields."""
    return f"{number}. {record.type}: {summary(record)}"


def _line(record) -> str:
    """The record's fields on one line: 'kind money · value 4000000 · unit USD'."""
    return " · ".join(f"{k} {v}" for k, v in fields(record))


def _record_list(records: list, numbers: dict[int, int], marks: dict[int, str], text: str | None) -> str:
    """The side list: the records by type, each linking to its mark."""
    sections = []
    for kind in SHOWN_TYPES:
        items = []
        for record in (r for r in records if r.type == kind):
            n = numbers[id(record)]
            name = escape_text(label(record))
            head = f'<a href="#{marks[id(record)]}">{name}</a>' if id(record) in marks else name
            kvs = f'<small>{escape_text(_line(record))}</small>'
            note = "" if id(record) in marks or text is None else ' <span class="note">not marked: its offsets do not hold its text here</span>'
            items.append(f'<li id="l{n}" value="{n}">{head} {kvs}{note}</li>')
        if items:
            sections.append(f'<div class="list-{kind}"><h3><i class="{kind}"></i> {kind} ({len(items)})</h3>'
                            f'<ol>{"".join(items)}</ol></div>')
    return element("aside", "<h2>Records</h2>" + ("".join(sections) or "<p>No records.</p>"), id="records")


def _timeline_of(drawn: timeline.Timeline, article: Article) -> str | None:
    """The SVG timeline of the organizations of the article's memberships, or None when it has none."""
    orgs = {r.organization.id for r in article.records if isinstance(r, Membership)}
    if not orgs:
        return None
    mine = timeline.Timeline([i for i in drawn.intervals if i.organization.id in orgs],
                             [c for c in drawn.conflicts if c.organization.id in orgs],
                             [c for c in drawn.counts if c.organization.id in orgs],
                             [c for c in drawn.checks if c.organization.id in orgs])
    return timeline.svg(mine).strip()


# ---------------------------------------------------------------- the index


def index_html(articles: list[Article], errors: list[Error], names: list[str]) -> str:
    """The index: a row per document linking to its page, then the inputs that could not be read."""
    head = "".join(f"<th>{h}</th>" for h in ("document", "title", "reference date", *SHOWN_TYPES, "warnings"))
    rows = []
    for article, name in zip(articles, names):
        doc = article.document
        counts = Counter(r.type for r in article.shown)
        title = doc.title or ""
        title = title if len(title) <= TITLE_CHARS else title[:TITLE_CHARS - 1] + "…"
        warnings = ", ".join(w.code for w in doc.warnings) + ("" if doc.text is not None else " (no text)")
        cells = [f'<a href="{PAGES}/{name}">{escape_text(doc.doc_id)}</a>', escape_text(title), escape_text(doc.reference_date or ""),
                 *(f"<td>{counts[t]}</td>" for t in SHOWN_TYPES),
                 element("span", escape_text(warnings.strip()), title="; ".join(w.message for w in doc.warnings))]
        rows.append("<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in cells) + "</tr>")
    total = Counter(r.type for a in articles for r in a.shown)
    body = [element("header", "<h1>Extracted records</h1>"
                    + f"<p>{len(articles)} documents, "
                    + ", ".join(f"{total[t]} {t}" for t in SHOWN_TYPES)
                    + (f", {len(errors)} inputs not read" if errors else "") + "</p>"),
            f"<main class=\"index\"><table id=\"documents\"><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></main>"]
    if errors:
        failed = "".join(f"<tr><td>{escape_text(e.doc_id)}</td><td>{escape_text(e.error)}</td><td>{escape_text(e.message)}</td></tr>"
                         for e in errors)
        body.append(f'<section id="not-read"><h2>Inputs not read</h2><table id="errors"><thead><tr><th>input</th>'
                    f"<th>error</th><th>message</th></tr></thead><tbody>{failed}</tbody></table></section>")
    return _html("Extracted records", "".join(body), script=False)


# ---------------------------------------------------------------- the frame


@cache
def _asset(name: str) -> str:
    """A style sheet or script of this package, each line stripped of its indentation (and, for
    CSS, the lines joined): pages carry them inline, so every byte is paid per page."""
    lines = [line.strip() for line in (Path(__file__).parent / name).read_text(encoding="utf-8").splitlines()]
    return ("" if name.endswith(".css") else "\n").join(line for line in lines if line and not line.startswith("//"))


@cache
def _filter_css() -> str:
    """The rules that hide a type when its box is unchecked: its marks lose their colour and their
    fields, its sentences their underline, its list its place."""
    rules = []
    for t in SHOWN_TYPES:
        off = f"body:has(#f-{t}:not(:checked))"
        rules.append(f"{off} :is(mark.{t},.e-{t}){{background:none;text-decoration-line:none}}"
                     f"{off} .list-{t},{off} mark.{t}::after{{display:none!important}}")
    return "".join(rules)


def _html(title: str, body: str, script: bool) -> str:
    js = _asset("page.js")
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    policy = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{digest}'"
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape_text(title)}</title><style>{_asset('page.css')}{_filter_css()}</style></head>"
            f"<body>{body}{'<script>' + js + '</script>' if script else ''}</body></html>\n")


# ---------------------------------------------------------------- inputs


def is_records_file(path: str) -> bool:
    """Whether `path` holds records `extract` wrote (its first line is a document or error
    record), or is a Spark output folder of part files; else it is read as articles."""
    candidate = Path(path)
    if candidate.is_dir():
        return any(candidate.glob("part-*"))
    if not candidate.is_file():
        return False
    try:
        with open(candidate, "rb") as handle:
            first = next((line for line in handle if line.strip()), b"")[:1_000_000]
    except OSError:
        return False
    return re.match(rb'\s*\{"type":\s*"(document|error)"', first) is not None


def text_missing(records: list) -> bool:
    """Whether `records` hold documents and none of them carries its text."""
    documents = [r for r in records if isinstance(r, Document)]
    return bool(documents) and all(d.text is None for d in documents)
