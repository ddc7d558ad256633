"""Regression (#12): inputs that once took quadratic time or lost data, and workers that outlived
a killed parent. Each input gives exactly one document or error record and the batch goes on.
Times and memory are measured by benchmarks/hostile.py, never asserted here."""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ROOT, cli, of_type

ARTICLE = "Finland joined NATO in April 2023. Exports rose 12% to $4.5 billion in 2024."


def _hostile_texts() -> dict[str, str]:
    rng = random.Random(12)
    return {
        "word.txt": "x" * 3_000_000,  # 3 MB with no space
        "punctuation.txt": ARTICLE + " " + "!?.,;" * 200_000,  # a megabyte of punctuation after news
        "numbers.txt": " ".join(str(rng.randint(0, 99_999)) for _ in range(200_000)),
        "scripts.txt": _mixed_scripts(),
        "z-article.txt": ARTICLE,
    }


def _mixed_scripts() -> str:
    return ("Новости дня: 北京市场。🌍📈 " + ARTICLE + " الأخبار العاجلة اليوم. 😀 "
            "Греция и Кипр. 🇬🇷 Sweden was admitted to NATO in March 2024. 你好世界")


def test_hostile_inputs_each_give_one_document_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    texts = _hostile_texts()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = cli("extract", str(folder), "-q", "-j", "2", text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    heads = [r for r in lines if r["type"] in ("document", "error")]
    assert sorted(h["doc_id"] for h in heads) == sorted(texts)
    assert all(h["type"] == "document" for h in heads)
    for record in lines:
        text = texts[record["doc_id"]]
        if "start" in record and record["type"] != "document":
            assert text[record["start"]:record["end"]] == record["text"]
        if "evidence" in record:
            assert text[record["evidence"]["start"]:record["evidence"]["end"]] == record["evidence"]["text"]
    by_doc = {h["doc_id"]: h for h in heads}
    for name in ("punctuation.txt", "z-article.txt", "scripts.txt"):  # the news in them is kept
        assert by_doc[name]["counts"]["membership"] >= 1 and by_doc[name]["counts"]["figure"] >= 2, name
    assert any(w["code"] == "W005" and "numbers" in w["message"] for w in by_doc["numbers.txt"]["warnings"])


def test_hostile_mixed_scripts_keep_exact_offsets(run):
    text = _mixed_scripts()
    records = run(text)
    members = {(m.member.id, m.date.value) for m in of_type(records, "membership")}
    assert members == {("FIN", "2023-04"), ("SWE", "2024-03")}
    figures = {(f.text, f.value) for f in of_type(records, "figure")}
    assert figures == {("12%", 12.0), ("$4.5 billion", 4_500_000_000.0)}
    for r in records[1:]:
        if hasattr(r, "start"):
            assert text[r.start:r.end] == r.text


def test_hostile_file_growing_while_read_gives_one_consistent_document(tmp_path):
    path = tmp_path / "growing.txt"
    path.write_text(ARTICLE + "\n", encoding="utf-8")
    stop = threading.Event()

    def grow():  # 10 KB every 50 ms for at most 4 s: the CLI reads the file while it grows
        with path.open("a", encoding="utf-8") as out:
            for _ in range(80):
                if stop.is_set():
                    return
                out.write("Imports fell 3% in May 2024 as demand weakened.\n" * 200)
                out.flush()
                time.sleep(0.05)

    writer = threading.Thread(target=grow)
    writer.start()
    try:
        time.sleep(0.2)
        result = cli("extract", str(path), "-q", text=True)
    finally:
        stop.set()
        writer.join()
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    head = lines[0]
    assert head["type"] == "document" and sum(1 for r in lines if r["type"] == "document") == 1
    whole = path.read_bytes()
    assert hashlib.sha256(whole[:head["chars"]]).hexdigest() == head["sha256"]  # what was read, exactly


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc (Linux)")
def test_hostile_workers_exit_when_their_parent_is_killed(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    fixture = (ROOT / "fixtures" / "sco_article.txt").read_text(encoding="utf-8")
    for n in range(400):
        (folder / f"{n:03d}.txt").write_text(fixture, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, "-m", "extractor", "extract", str(folder), "-j", "2", "-q",
                               "-o", str(tmp_path / "out.jsonl")], cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while time.monotonic() < deadline and not (tmp_path / "out.jsonl").exists():
        time.sleep(0.2)
    while time.monotonic() < deadline and len(workers) < 2:
        workers = [p for p in _children(parent.pid) if "spawn_main" in Path(f"/proc/{p}/cmdline").read_bytes().decode(errors="replace")]
        time.sleep(0.2)
    assert len(workers) >= 2, "the run never started its workers"
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(p) for p in workers):
        time.sleep(0.2)
    survivors = [p for p in workers if _alive(p)]
    for p in survivors:
        os.kill(p, signal.SIGKILL)
    assert not survivors, "workers outlived their killed parent"


SHAPES = st.sampled_from([
    ARTICLE, "x" * 500, "!?.,;" * 120, " ".join(["1234"] * 150), "Новости 北京 🌍 ", "\r\n", "\u2028",
    "Share this on Facebook. ", "CHOOSE YOUR LANGUAGE\n", "$", "%", "2024", "\t",
])


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(SHAPES, min_size=1, max_size=8))
def test_hostile_generated_texts_give_a_document_and_exact_offsets(run, parts):
    text = "".join(parts)
    records = run(text)
    assert records[0].type == "document" and records[0].chars == len(text)
    for r in records[1:]:
        if hasattr(r, "start"):
            assert text[r.start:r.end] == r.text
        if hasattr(r, "evidence"):
            assert text[r.evidence.start:r.evidence.end] == r.evidence.text
    if re.search("(?:^|[\n\u2028])" + re.escape(ARTICLE), text):  # the article on a line of its own
        assert any(r.type == "membership" for r in records)
