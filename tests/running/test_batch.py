"""Batch runs: worker processes, resuming, interrupting, the cascade, long and odd inputs."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.core.pipeline import Extractor, Settings
from extractor.core.records import parse_line, to_json_line
from extractor.inputs.sources import Source, decode_document, iter_sources, read_source
from extractor.running.batch import Finished, Progress, read_done
from conftest import ROOT, cli, shared_path

ARTICLES = {
    "a.txt": "Finland joined NATO in April 2023, becoming its 31st member. Defence spending rose 12% last year.",
    "b.txt": "The summit will be held in Geneva on 14 March 2026. About 40 leaders are expected.",
    "c.txt": "",
    "d.txt": "   \n\t  \n",
    "e.txt": "Sweden applied to join the alliance in May 2022 and was admitted in March 2024.",
    "f.txt": "Nothing here has a date or a figure. It is only words.",
}


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "g.txt").write_bytes("Prices fell 3% in 2024 in S\u00e3o Paulo.".encode("cp1252", errors="replace"))
    (folder / "h.txt").write_bytes("The vote is on Tuesday.".encode("utf-16"))
    return folder


def _doc_ids(path: Path) -> list[str]:
    return [json.loads(line)["doc_id"] for line in path.read_text().splitlines()
            if json.loads(line)["type"] in ("document", "error")]


def test_batch_two_workers_write_the_same_bytes_as_one(corpus, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert cli("extract", str(corpus), "-o", str(one), "-j", "1", "-q").returncode == 0
    assert cli("extract", str(corpus), "-o", str(two), "-j", "2", "-q").returncode == 0
    assert one.read_bytes() == two.read_bytes()
    assert _doc_ids(one) == sorted(p.name for p in corpus.iterdir())


def test_batch_every_odd_input_gives_one_document_record(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    cli("extract", str(corpus), "-o", str(out), "-q")
    heads = {json.loads(line)["doc_id"]: json.loads(line) for line in out.read_text().splitlines()
             if json.loads(line)["type"] == "document"}
    assert set(heads) == {p.name for p in corpus.iterdir()}
    assert [w["code"] for w in heads["c.txt"]["warnings"]] == ["W003"] == [w["code"] for w in heads["d.txt"]["warnings"]]
    assert heads["g.txt"]["encoding"] == "cp1252" and heads["g.txt"]["warnings"]
    assert heads["h.txt"]["encoding"] == "utf-16" and heads["h.txt"]["counts"]["event"] == 1


def _cut(path: Path, keep_bytes: int) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:keep_bytes])


def test_batch_resume_after_a_kill_finishes_with_every_document_once(corpus, tmp_path):
    full = tmp_path / "full.jsonl"
    cli("extract", str(corpus), "-o", str(full), "-q")
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(full.read_bytes())
    lines = full.read_bytes().split(b"\n")
    _cut(cut, len(b"\n".join(lines[:3])) + 1 + 20)  # three whole lines of a.txt's output, then part of a fourth
    done = read_done(cut)
    assert done.complete == {} and done.dropped == 4
    result = cli("extract", str(corpus), "-o", str(cut), "--resume")
    assert result.returncode == 0, result.stderr
    assert sorted(cut.read_text().splitlines()) == sorted(full.read_text().splitlines())


def test_batch_resume_skips_what_is_done_and_redoes_what_changed(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    cli("extract", str(corpus), "-o", str(out), "-q")
    (corpus / "f.txt").write_text("Now it has a figure: 7 ministers resigned in June 2025.", encoding="utf-8")
    result = cli("extract", str(corpus), "-o", str(out), "--resume")
    assert b"already done" in result.stderr
    ids = _doc_ids(out)
    assert sorted(ids) == sorted(p.name for p in corpus.iterdir())  # f.txt once, with its new text
    f_head = next(json.loads(line) for line in out.read_text().splitlines() if '"doc_id":"f.txt"' in line)
    assert f_head["counts"]["figure"] == 1


def test_batch_resume_retries_inputs_that_failed(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    (corpus / "later.txt").symlink_to(corpus / "not-yet.txt")
    assert cli("extract", str(corpus), "-o", str(out), "-q").returncode == 1
    (corpus / "not-yet.txt").write_text("It arrived in 2025.", encoding="utf-8")
    assert cli("extract", str(corpus), "-o", str(out), "--resume", "-q").returncode == 0
    types = {json.loads(line)["doc_id"]: json.loads(line)["type"] for line in out.read_text().splitlines()
             if json.loads(line)["type"] in ("document", "error")}
    assert types["later.txt"] == "document" and "error" not in types.values()


def test_batch_resume_needs_an_output_file():
    result = cli("extract", "fixtures/sco_article.txt", "--resume")
    assert result.returncode == 2 and b"--resume" in result.stderr


def test_batch_sigint_stops_cleanly_with_whole_lines(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    article = (ROOT / "fixtures" / "sco_article.txt").read_text(encoding="utf-8")
    for n in range(96):  # three batches: the signal comes while the second or third runs, even on a busy machine
        (folder / f"{n:03d}.txt").write_text(article.replace("2024", str(1900 + n)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen([sys.executable, "-m", "extractor", "extract", str(folder), "-o", str(out), "-j", "1"],
                               cwd=ROOT, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while (not out.exists() or out.stat().st_size == 0) and time.monotonic() < deadline:
        time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130 and b"Traceback" not in stderr and b"--resume" in stderr
    data = out.read_bytes()
    assert data.endswith(b"\n")
    for line in data.splitlines():
        parse_line(line.decode())
    assert 0 < len(read_done(out).complete) < 64
    assert cli("extract", str(folder), "-o", str(out), "--resume", "-q").returncode == 0
    assert sorted(_doc_ids(out)) == sorted(p.name for p in folder.iterdir())


def test_batch_file_deleted_between_listing_and_reading_is_an_error(tmp_path):
    path = tmp_path / "soon-gone.txt"
    path.write_text("x")
    source = next(iter(iter_sources([str(tmp_path)])))
    path.unlink()
    failure = read_source(source)
    assert failure.error in ("NotFound", "DanglingSymlink") and failure.doc_id == "soon-gone.txt"


def test_batch_twenty_megabytes_on_one_line_in_sections_with_exact_offsets(engine):
    sentence = "the committee met and the members of the board spoke at length about plans for the region. "
    marker = "Exports rose 7% in March 2024. "
    share = "Share this on Facebook. Follow us on Twitter. "  # boilerplate opens the line (#12)
    text = share + (marker + sentence * 2_200) * 100  # about 20 MB, no line break
    assert len(text) > 20_000_000 and "\n" not in text
    records = engine.extract(decode_document("long.txt", "long.txt", text.encode(), "2025-01-01"))
    head, rest = records[0], records[1:]
    assert head.type == "document" and head.chars == len(text) and any(w.code == "W006" and "sections" in w.message for w in head.warnings)
    figures = [r for r in rest if r.type == "figure"]
    assert len(figures) == 100  # the first section too: only the share sentences are boilerplate
    assert head.boilerplate_chars == len("Share this on Facebook.") + len("Follow us on Twitter.")
    for r in rest:
        if hasattr(r, "start"):
            assert text[r.start:r.end] == r.text
        if hasattr(r, "evidence"):
            assert text[r.evidence.start:r.evidence.end] == r.evidence.text


def _lines(engine: Extractor, items) -> list[str]:
    return [to_json_line(r) for records in engine.extract_batch(items) for r in records]


def _sources(*paths: Path):
    return [read_source(s) if isinstance(s, Source) else s for s in iter_sources([str(p) for p in paths])]


@pytest.fixture(scope="module")
def everywhere():
    return Extractor(Settings(include=("timex",), cascade=False))


def test_cascade_gives_the_records_of_the_full_model_on_the_fixture(engine, everywhere):
    items = _sources(ROOT / "fixtures" / "sco_article.txt")
    assert _lines(engine, items) == _lines(everywhere, items)


def test_cascade_gives_the_records_of_the_full_model_on_news_dev(engine, everywhere):
    items = _sources(shared_path("data", "news-dev", "docs"))
    assert len(items) > 10
    assert _lines(engine, items) == _lines(everywhere, items)


@pytest.mark.parametrize("text, wanted", [
    ("The summit opened in the capital on Monday.", True),  # an event trigger
    ("Finland joined the bloc in 1995.", True),  # a membership pattern: its change is an event
    ("The minister was elected in May.", True),
    ("Profits at the bank rose 5% in 2004.", False),  # a date and a figure, no trigger
    ("The firm said on Tuesday it was confident.", False),
])
def test_cascade_runs_ner_only_where_the_parse_shows_a_trigger(engine, text, wanted):
    assert engine.cascade.wants_entities(engine.nlp(text)) is wanted


def test_cascade_cue_words_know_irregular_forms(engine):
    assert engine.cascade.event_word("met") and engine.cascade.membership_word("joined")


@pytest.mark.parametrize("text", [
    "Mark Fenton, 29, is replacing Joe Dunn in the musical, which returns next month.",
    "Carla Diaz, 38, will star in the drama, which tours next month.",
])
def test_cascade_still_asks_ner_about_ages_in_dated_sentences(engine, text):
    # a date and a word that looks like a trigger, but none: NER still runs for the age test
    records = engine.extract(decode_document("age.txt", "age.txt", text.encode(), "2025-01-01"))
    assert [r for r in records if r.type == "figure"] == []  # an age, told by the PERSON before it


def test_progress_line_says_documents_rate_eta_and_errors():
    progress = Progress(total=10, shown=False)
    progress.started -= 2.0
    for n in range(4):
        progress.update(Finished(f"{n}.txt", ('{"type":"error"}',) if n == 0 else ('{"type":"document"}',)))
    progress.update(skipped=True)
    line = progress.line()
    assert line.startswith("5/10 documents") and "docs/s" in line and "ETA" in line
    assert "1 errors" in line and "1 already done" in line


def test_progress_is_silent_when_not_shown(capsys):
    progress = Progress(total=3, shown=False, interval=0)
    progress.update(Finished("a", ('{"type":"document"}',)))
    progress.close()
    assert capsys.readouterr().err == ""
