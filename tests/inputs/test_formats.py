"""Input formats (#14): HTML pages, JSON Lines dumps (gzipped too) and WARC archives, built here."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from extractor.inputs.formats import Fields, Skipped, documents, format_of, parse_date
from extractor.inputs.sources import Source

from conftest import ROOT, cli
from input_documents import ARTICLE, dump, page, warc

warcio = pytest.importorskip("warcio", reason="the warc extra is not installed (pip install 'newsfacts[warc]')")


def _records(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def _facts(records: list[dict]) -> list[tuple]:
    """What the records state, without offsets and evidence."""
    out = []
    for r in records:
        if r["type"] in ("figure", "membership", "event"):
            out.append((r["type"], r.get("value"), r.get("unit"), (r.get("date") or {}).get("value"),
                        (r.get("member") or {}).get("id"), (r.get("organization") or {}).get("id"), r.get("kind"), r.get("action")))
    return sorted(out, key=repr)


@pytest.mark.parametrize("name, head, expected", [
    ("a.html", b"", "html"), ("a.HTM", b"", "html"), ("dump.jsonl", b"", "jsonl"), ("dump.jsonl.gz", b"", "jsonl"),
    ("crawl.warc.gz", b"", "warc"), ("a.txt", b"  <!DOCTYPE html><html>", "html"), ("a.txt", b"Plain news.", "text"),
    ("a.txt", b"", "auto"),  # decided by the first bytes once read
])
def test_formats_known_by_name_or_sniffed(name, head, expected):
    assert format_of(Path(name), "auto", head) == expected


@pytest.mark.parametrize("value, expected", [
    ("2023-08-24T10:15:00Z", "2023-08-24"), ("Thu, 24 Aug 2023", "2023-08-24"), ("24.08.2023", "2023-08-24"),
    ("August 24, 2023 10:15", "2023-08-24"), ("2023-08-24", "2023-08-24"),
    ("yesterday", None), ("", None), (None, None), ("August 2023", None), (20230824, None),
])
def test_formats_metadata_dates(value, expected):
    assert parse_date(value) == expected


def test_formats_html_page_reads_the_article_not_the_navigation(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(page(ARTICLE), encoding="utf-8")
    records = _records(cli("extract", str(path), "--include", "text", "-q", text=True))
    head = records[0]
    assert head["type"] == "document"
    assert (head["reference_date"], head["reference_date_rule"]) == ("2025-03-14", "page_metadata")
    assert head["title"] == "Cyprus: two decades in the EU" and head["url"] == "https://news.example.com/2025/cyprus"
    text = head["text"]
    assert "Cyprus joined the European Union" in text and "cookies" not in text and "Share on" not in text
    for r in records[1:]:  # offsets index the extracted text the document record returns
        if "start" in r:
            assert text[r["start"]:r["end"]] == r["text"]
        assert text[r["evidence"]["start"]:r["evidence"]["end"]] == r["evidence"]["text"]
    figures = {r["text"] for r in records if r["type"] == "figure"}
    assert {"14%", "$3.2 billion", "25"} <= figures and "50%" not in figures and "$1" not in figures
    member = next(r for r in records if r["type"] == "membership")
    assert (member["member"]["id"], member["organization"]["id"], member["date"]["value"]) == ("CYP", "EU", "2004-05")


def test_formats_fixture_as_a_page_gives_the_facts_of_the_text(tmp_path):
    lines = [line for line in (ROOT / "fixtures" / "sco_article.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    path = tmp_path / "sco.html"
    path.write_text(page(lines, published=None, caption=None, title="SCO"), encoding="utf-8")
    as_text = _records(cli("extract", str(ROOT / "fixtures" / "sco_article.txt"), "-q", text=True))
    as_page = _records(cli("extract", str(path), "-q", text=True))
    assert as_page[0]["reference_date"] == as_text[0]["reference_date"]
    assert _facts(as_page) == _facts(as_text)


@pytest.mark.parametrize("markup", [
    "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><footer>Copyright</footer></body></html>",
    "<html><head><script>var x = 1;</script></head><body></body></html>",
])
def test_formats_page_without_main_text_is_a_document_with_a_warning(tmp_path, markup):
    path = tmp_path / "empty.html"
    path.write_text(markup, encoding="utf-8")
    result = cli("extract", str(path), "-q", text=True)
    assert result.returncode == 0, result.stderr
    records = _records(result)
    assert [r["type"] for r in records] == ["document"]
    assert any(w["code"] == "W007" and "no main text" in w["message"] for w in records[0]["warnings"])


def test_formats_jsonl_bad_lines_are_errors_and_the_file_goes_on(tmp_path):
    path = dump(tmp_path)
    result = cli("extract", str(path), "-q", "-j", "1", text=True)
    assert result.returncode == 1  # some inputs could not be read
    heads = [r for r in _records(result) if r["type"] in ("document", "error")]
    assert [(h["type"], h["doc_id"]) for h in heads] == [
        ("document", "https://a.example/1"), ("error", "dump.jsonl.gz#2"), ("error", "https://a.example/3"),
        ("document", "n4"), ("error", "dump.jsonl.gz#6"), ("document", "https://a.example/1#7")]
    assert "line 2" in heads[1]["message"] and str(path) in heads[1]["message"]
    assert heads[2]["error"] == "MissingField" and "--text-field" in heads[2]["message"]
    assert (heads[0]["reference_date"], heads[0]["title"]) == ("2023-08-24", "One")
    assert heads[3]["reference_date"] == "2023-08-24"


def test_formats_jsonl_fields_are_chosen_by_options(tmp_path):
    path = tmp_path / "custom.jsonl"
    path.write_text(json.dumps({"key": "k1", "body": "Exports rose 7% in 2024.", "day": "2025-01-02", "headline": "H"}) + "\n",
                    encoding="utf-8")
    records = _records(cli("extract", str(path), "-q", "--text-field", "body", "--id-field", "key",
                           "--date-field", "day", "--title-field", "headline", text=True))
    assert (records[0]["doc_id"], records[0]["reference_date"], records[0]["title"]) == ("k1", "2025-01-02", "H")
    assert [r["text"] for r in records if r["type"] == "figure"] == ["7%"]


def test_formats_jsonl_resume_neither_repeats_nor_loses_a_document(tmp_path):
    path = dump(tmp_path)
    out = tmp_path / "out.jsonl"
    whole = cli("extract", str(path), "-q", "-j", "1", "-o", str(out), text=True)
    assert whole.returncode == 1
    complete = out.read_text(encoding="utf-8")
    first_record = complete.index("\n", complete.index('"doc_id":"n4"')) + 1
    out.write_text(complete[:first_record + 20], encoding="utf-8")  # killed in the middle of a line
    again = cli("extract", str(path), "-q", "-j", "2", "--resume", "-o", str(out), text=True)
    assert again.returncode == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    heads = [json.loads(line)["doc_id"] for line in lines if json.loads(line)["type"] in ("document", "error")]
    assert sorted(heads) == sorted(json.loads(line)["doc_id"] for line in complete.splitlines()
                                   if json.loads(line)["type"] in ("document", "error"))
    assert sorted(lines) == sorted(complete.splitlines())


def test_formats_warc_reads_html_responses_and_counts_the_rest(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    warc(path, [("https://news.example.com/a", "text/html; charset=utf-8", page(ARTICLE).encode()),
                 ("https://news.example.com/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
                 ("https://news.example.com/b", "text/html", page(ARTICLE[2:], published="2024-06-01").encode())])
    result = cli("extract", str(path), "-j", "1", text=True)
    assert result.returncode == 0, result.stderr
    heads = [r for r in _records(result) if r["type"] == "document"]
    assert [h["source"] for h in heads] == ["https://news.example.com/a", "https://news.example.com/b"]
    assert all(h["doc_id"].startswith("<urn:uuid:") for h in heads)
    assert [h["reference_date"] for h in heads] == ["2025-03-14", "2024-06-01"]
    assert "skipped 5 archive records that are not HTML pages (3 request, 1 response image/png, 1 warcinfo)" in result.stderr


def test_formats_text_file_that_opens_a_page_is_read_as_a_page(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(page(ARTICLE), encoding="utf-8")
    [raw] = list(documents(Source("saved.txt", path)))
    assert raw.form == "html"
    path.write_text("Plain news: Cyprus joined the EU in 2004.", encoding="utf-8")
    assert [d.form for d in documents(Source("saved.txt", path))] == ["text"]


def test_formats_warc_without_pages_gives_only_skipped_records(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    warc(path, [("https://news.example.com/c.css", "text/css", b"body{}")])
    items = list(documents(Source("crawl.warc.gz", path), "auto", Fields()))
    assert items and all(isinstance(i, Skipped) for i in items)


def test_formats_same_records_at_any_parallelism(tmp_path):
    path = dump(tmp_path)
    one = cli("extract", str(path), "-q", "-j", "1", text=True).stdout
    two = cli("extract", str(path), "-q", "-j", "2", text=True).stdout
    assert one == two and one
