"""`extractor show`: the review pages' HTML, read back with lxml; escaping of hostile articles;
offsets on non-ASCII and CRLF text; the index; usage errors. The browser test is test_show_browser.py."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings, strategies as st

from extractor.consolidation.show import PAGES, page_names, write_site
from extractor.consolidation.show.fields import SHOWN_TYPES, span_of
from extractor.consolidation.show.markup import Layer, escape_text, marked_up
from extractor.core.records import Document, Figure, Timex, parse_line, to_json_line
from extractor.inputs.sources import decode_document
from conftest import ROOT, cli

FIXTURE = ROOT / "fixtures" / "sco_article.txt"
HOSTILE_TEXT = ('Malta joined the European Union in May 2004. <script>document.title="pwned"</script>\n'
                'The "><img src=x onerror="document.title=1"> tag cost $4 million & more in 2023.\n')
HOSTILE_NAME = '"><img src=x onerror=alert(1)>.txt'
HOSTILE_PAGE = ('<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; "quoted" &amp; title</title></head><body><article>'
                '<p>Croatia joined the eurozone in January 2023, and prices rose 8% that year, the bank said on Monday.</p>'
                '<p>Officials in Zagreb said the change went smoothly for most shops and banks across the country.</p>'
                '</article></body></html>')
NON_ASCII = "Straße café 😀 — Zürich: Sweden became the 32nd member of NATO in March 2024, ahead of Österreich’s vote. ☃\n"
CRLF = "First line.\r\nFinland joined NATO in April 2023.\r\n\r\nExports rose 12% to €4.5 billion in 2024.\r\n"


def _records_with_text(engine, doc_id: str, text: str, published: str | None = "2025-07-25") -> list:
    """The records `extract --include timex,text` gives for `text`."""
    records = engine.extract(decode_document(doc_id, doc_id, text.encode("utf-8"), published))
    return [records[0].model_copy(update={"text": text}), *records[1:]]


@pytest.fixture(scope="module")
def fixture_site(engine, tmp_path_factory):
    text = FIXTURE.read_text(encoding="utf-8")
    records = _records_with_text(engine, "sco_article.txt", text, None)
    folder = tmp_path_factory.mktemp("site")
    write_site(records, folder)
    return folder, records, text


def _page(folder: Path, doc_id: str):
    [name] = page_names([doc_id])
    return lxml.html.parse(str(folder / PAGES / name)).getroot()


def _covered(page, number: int) -> str:
    """The characters covered by the marks of record `number`: nested marks' text counted once."""
    marks = [m for m in page.iter("mark") if str(number) in m.get("data-r").split()]
    outer = [m for m in marks if not any(a in marks for a in m.iterancestors("mark"))]
    return "".join(m.text_content() for m in outer)


# ---------------------------------------------------------------- the fixture's page


def test_show_page_holds_the_whole_text_unchanged(fixture_site):
    folder, _, text = fixture_site
    page = _page(folder, "sco_article.txt")
    assert page.get_element_by_id("text").text_content() == text


def test_show_every_record_is_marked_on_its_span(fixture_site):
    folder, records, text = fixture_site
    page = _page(folder, "sco_article.txt")
    shown = [r for r in records[1:] if r.type in SHOWN_TYPES]
    assert {r.type for r in shown} == set(SHOWN_TYPES)
    for number, record in enumerate(shown, start=1):
        start, end = span_of(record, text)
        assert _covered(page, number) == text[start:end], (number, record.type)
        if isinstance(record, (Timex, Figure)):
            assert text[start:end] == record.text
        else:
            assert text[start:end].lower() == record.trigger.lower()


def test_show_evidence_sentences_are_underlined(fixture_site):
    folder, records, text = fixture_site
    page = _page(folder, "sco_article.txt")
    shown = [r for r in records[1:] if r.type in SHOWN_TYPES]
    by_number = {}
    for element in page.find_class("ev"):
        for number in element.get("data-ev").split():
            by_number.setdefault(int(number), []).append((element.text_content(), element.get("class")))
    for number, record in enumerate(shown, start=1):
        if record.type == "timex":
            assert number not in by_number
            continue
        assert (record.evidence.text, f"ev e-{record.type}") in by_number[number]


def test_show_side_list_links_every_record_to_its_mark(fixture_site):
    folder, records, _ = fixture_site
    page = _page(folder, "sco_article.txt")
    shown = [r for r in records[1:] if r.type in SHOWN_TYPES]
    items = page.get_element_by_id("records").findall(".//li")
    assert len(items) == len(shown)
    for item in items:
        [link] = item.findall("a")
        target = page.get_element_by_id(link.get("href")[1:])
        assert target.tag == "mark" and item.get("id")[1:] in target.get("data-r").split()


def test_show_marks_show_their_fields_on_hover_and_focus(fixture_site):
    folder, records, _ = fixture_site
    page = _page(folder, "sco_article.txt")
    belarus = next(m for m in page.iter("mark") if "membership" in m.get("class") and "BLR" in m.get("data-tip"))
    assert belarus.get("tabindex") == "0"
    assert "membership: join BLR → SCO · member · ordinal 10 · date 2024" in belarus.get("data-tip")
    money = next(m for m in page.iter("mark") if "figure" in m.get("class") and "USD" in m.get("data-tip"))
    assert "figure: money 890000000000 USD · date 2024" in money.get("data-tip")
    css = page.find(".//style").text
    assert "mark:focus::after" in css and "mark:hover" in css and "content:attr(data-tip)" in css


def test_show_boilerplate_is_dimmed(fixture_site):
    folder, _, _ = fixture_site
    page = _page(folder, "sco_article.txt")
    dimmed = [e.text_content() for e in page.find_class("bp")]
    assert any("cookie" in d.lower() for d in dimmed)
    assert not any("Belarus" in d for d in dimmed)


def test_show_filter_has_a_box_per_type_and_css_that_hides_it(fixture_site):
    folder, _, _ = fixture_site
    page = _page(folder, "sco_article.txt")
    css = page.find(".//style").text
    for kind in SHOWN_TYPES:
        box = page.get_element_by_id(f"f-{kind}")
        assert box.get("type") == "checkbox" and box.get("checked") is not None
        assert f"body:has(#f-{kind}:not(:checked)) mark.{kind}" in css


def test_show_memberships_bring_the_timeline_of_their_organizations(fixture_site):
    folder, _, _ = fixture_site
    page = _page(folder, "sco_article.txt")
    [section] = page.find_class("timeline")
    svg = section.find(".//svg")
    assert svg is not None and "Shanghai Cooperation Organization (SCO)" in svg.text_content()


def test_show_pages_are_self_contained(fixture_site):
    folder, _, _ = fixture_site
    for path in [folder / "index.html", *sorted((folder / PAGES).iterdir())]:
        page = lxml.html.parse(str(path)).getroot()
        for element in page.iter():
            for name in ("src", "href", "action", "data"):
                value = element.get(name)
                assert value is None or not value.startswith(("http:", "https:", "//")), (path.name, element.tag, value)
        assert page.find(".//link") is None and page.find(".//img") is None
        assert "Content-Security-Policy" in path.read_text(encoding="utf-8")


def test_show_is_deterministic(fixture_site, tmp_path):
    folder, records, _ = fixture_site
    write_site(records, tmp_path)
    for path in sorted(folder.rglob("*.html")):
        assert (tmp_path / path.relative_to(folder)).read_bytes() == path.read_bytes()


def test_show_page_without_text_says_so(engine, tmp_path):
    records = engine.extract(decode_document("a.txt", "a.txt", b"Malta joined the European Union in May 2004.", None))
    write_site(records, tmp_path)
    page = _page(tmp_path, "a.txt")
    assert "--include text" in page.get_element_by_id("no-text").text_content()
    assert page.find(".//mark") is None and page.get_element_by_id("records").findall(".//li")


def test_show_record_whose_offsets_do_not_hold_its_text_is_listed_not_marked(engine, tmp_path):
    records = _records_with_text(engine, "a.txt", "Oil fell 3% on Monday.")
    figure = next(r for r in records if r.type == "figure")
    moved = figure.model_copy(update={"start": figure.start + 2, "end": figure.end + 2})
    write_site([records[0], moved], tmp_path)
    page = _page(tmp_path, "a.txt")
    assert page.find(".//mark") is None
    assert "not marked" in page.get_element_by_id("l1").text_content()


# ---------------------------------------------------------------- the markup, on any spans


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \r\n<>&\"'\x00é😀", min_size=1, max_size=40), st.data())
def test_show_overlapping_layers_cover_exactly_their_spans(text, data):
    spans = data.draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=6))
    layers = [Layer(min(a, b), max(a, b), n % 3, "mark", {"data-r": str(n)}) for n, (a, b) in enumerate(spans)]
    root = lxml.html.fromstring(f"<div>{marked_up(text, layers)}</div>")
    expected_text = text.replace("\x00", "\ufffd")
    assert root.text_content() == expected_text
    for n, layer in enumerate(layers):
        marks = [m for m in root.iter("mark") if m.get("data-r") == str(n)]
        outer = [m for m in marks if not any(a in marks for a in m.iterancestors("mark"))]
        assert "".join(m.text_content() for m in outer) == expected_text[layer.start:layer.end]
        assert len(marks) <= 1 + len(layers)


def test_show_escape_keeps_every_character_an_html_parser_would_change():
    text = 'a\r\nb\rc\x00d<e>&"\'\x0bf'
    assert lxml.html.fromstring(f"<p>{escape_text(text)}</p>").text_content() == text.replace("\x00", "\ufffd")
    assert lxml.html.fromstring(f'<p title="{escape_text(text)}">x</p>').get("title") == text.replace("\x00", "\ufffd")


# ---------------------------------------------------------------- from the command line


@pytest.fixture(scope="module")
def cli_site(tmp_path_factory):
    """One `extractor show` run over hostile, non-ASCII and CRLF articles and a missing path."""
    folder = tmp_path_factory.mktemp("articles")
    (folder / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (folder / HOSTILE_NAME).write_text("Oil fell 3% on Monday.\n", encoding="utf-8")
    (folder / "page.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    (folder / "non_ascii.txt").write_text(NON_ASCII, encoding="utf-8")
    (folder / "crlf.txt").write_bytes(CRLF.encode("utf-8"))
    out = tmp_path_factory.mktemp("out") / "site"
    records = tmp_path_factory.mktemp("records") / "records.jsonl"
    extracted = cli("extract", str(folder), "--include", "text,timex", "-q", "-o", str(records), "--published", "2025-07-25")
    assert extracted.returncode == 0, extracted.stderr
    shown = cli("show", str(folder), str(folder / "missing.txt"), "-o", str(out), "--published", "2025-07-25", text=True)
    return out, [parse_line(line) for line in records.read_text(encoding="utf-8").splitlines()], shown


def _document(records: list, doc_id: str) -> tuple[Document, list]:
    at = next(n for n, r in enumerate(records) if r.type == "document" and r.doc_id == doc_id)
    return records[at], [r for r in records[at + 1:] if r.doc_id == doc_id and r.type in SHOWN_TYPES]


def test_show_cli_reports_what_it_wrote_and_the_inputs_it_could_not_read(cli_site):
    out, _, shown = cli_site
    assert shown.returncode == 1  # missing.txt could not be read
    assert shown.stderr.count("\n") == 1 and "document pages" in shown.stderr and "1 inputs not read" in shown.stderr
    index = lxml.html.parse(str(out / "index.html")).getroot()
    [error] = index.get_element_by_id("errors").findall(".//tbody/tr")
    assert [td.text_content() for td in error][:2] == ["missing.txt", "NotFound"]


@pytest.mark.parametrize("doc_id", ["hostile.txt", HOSTILE_NAME, "page.html"])
def test_show_hostile_articles_show_their_characters_and_run_nothing(cli_site, doc_id):
    out, records, _ = cli_site
    document, _ = _document(records, doc_id)
    for path in (out / "index.html", out / PAGES / page_names([doc_id])[0]):
        page = lxml.html.parse(str(path)).getroot()
        assert page.find(".//img") is None
        assert len(page.findall(".//script")) == (path.name != "index.html")
        assert all(not name.startswith("on") for e in page.iter() for name in e.attrib), path
    page = _page(out, doc_id)
    assert page.get_element_by_id("text").text_content() == document.text
    assert page.find(".//h1").text_content() == (document.title or doc_id)
    if doc_id == "page.html":
        assert document.title == '<script>alert(1)</script> "quoted" & title'


def test_show_hostile_text_reaches_the_page_as_characters(cli_site):
    out, _, _ = cli_site
    source = (out / PAGES / page_names(["hostile.txt"])[0]).read_text(encoding="utf-8")
    assert "&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;" in source
    assert "The &quot;&gt;&lt;img src=x onerror=&quot;document.title=" in source  # the 1 after it is a figure
    assert "<img" not in source


@pytest.mark.parametrize("doc_id", ["non_ascii.txt", "crlf.txt"])
def test_show_offsets_stay_true_on_non_ascii_and_crlf_text(cli_site, doc_id):
    out, records, _ = cli_site
    document, shown = _document(records, doc_id)
    assert document.text == (NON_ASCII if doc_id == "non_ascii.txt" else CRLF)
    assert {r.type for r in shown} >= {"timex", "figure", "membership"}
    page = _page(out, doc_id)
    assert page.get_element_by_id("text").text_content() == document.text
    for number, record in enumerate(shown, start=1):
        start, end = span_of(record, document.text)
        assert _covered(page, number) == document.text[start:end]
        if isinstance(record, (Timex, Figure)):
            assert _covered(page, number) == record.text


def test_show_crlf_is_kept_as_written(cli_site):
    out, _, _ = cli_site
    source = (out / PAGES / page_names(["crlf.txt"])[0]).read_text(encoding="utf-8")
    assert "&#13;\n" in source and "\r" not in source


def test_show_index_lists_every_document_with_counts_and_links(cli_site):
    out, records, _ = cli_site
    documents = [r for r in records if r.type == "document"]
    index = lxml.html.parse(str(out / "index.html")).getroot()
    rows = index.get_element_by_id("documents").findall(".//tbody/tr")
    assert len(rows) == len(documents) == 5
    headers = [th.text_content() for th in index.get_element_by_id("documents").findall(".//th")]
    for row in rows:
        link = row.find(".//a")
        assert (out / link.get("href")).is_file()
        document = next(d for d in documents if d.doc_id == link.text_content())
        cells = dict(zip(headers, (td.text_content() for td in row)))
        assert cells["reference date"] == (document.reference_date or "")
        assert {t: int(cells[t]) for t in SHOWN_TYPES} == {t: document.counts[t] for t in SHOWN_TYPES}


def test_show_records_file_gives_the_same_pages_as_the_articles(cli_site, tmp_path):
    out, records, _ = cli_site
    path = tmp_path / "records.jsonl"
    path.write_text("".join(to_json_line(r) + "\n" for r in records), encoding="utf-8")
    shown = cli("show", str(path), "-o", str(tmp_path / "again"), "-q", text=True)
    assert shown.returncode == 0 and shown.stderr == ""
    for name in page_names([r.doc_id for r in records if r.type == "document"]):
        assert (tmp_path / "again" / PAGES / name).read_bytes() == (out / PAGES / name).read_bytes()


# ---------------------------------------------------------------- usage errors


@pytest.fixture(scope="module")
def records_without_text(tmp_path_factory):
    path = tmp_path_factory.mktemp("plain") / "records.jsonl"
    lines = (ROOT / "fixtures" / "sco_article.expected.jsonl").read_text(encoding="utf-8")
    path.write_text(lines, encoding="utf-8")
    return path


def _usage_error(result) -> str:
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ") and "Traceback" not in result.stderr
    return result.stderr


def test_show_records_without_text_is_a_usage_error(records_without_text, tmp_path):
    message = _usage_error(cli("show", str(records_without_text), "-o", str(tmp_path / "site"), text=True))
    assert "no article text" in message and "--include text" in message
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize("case, expected", [
    ("output_is_a_file", "is a file; give a folder"),
    ("parent_missing", "--mkdir"),
    ("no_output", "Missing option '-o'"),
    ("bad_jobs", "not a number of processes"),
])
def test_show_usage_errors_are_one_line(records_without_text, tmp_path, case, expected):
    args = {"output_is_a_file": ["-o", str(records_without_text)],
            "parent_missing": ["-o", str(tmp_path / "a" / "b")],
            "no_output": [],
            "bad_jobs": ["-o", str(tmp_path / "site"), "--jobs", "-1"]}[case]
    assert expected in _usage_error(cli("show", str(records_without_text), *args, text=True))


def test_show_mkdir_creates_the_parents(cli_site, tmp_path):
    _, records, _ = cli_site
    path = tmp_path / "records.jsonl"
    path.write_text("".join(to_json_line(r) + "\n" for r in records[:3]), encoding="utf-8")
    shown = cli("show", str(path), "-o", str(tmp_path / "a" / "b"), "--mkdir", "-q", text=True)
    assert shown.returncode == 0, shown.stderr
    assert (tmp_path / "a" / "b" / "index.html").is_file()
