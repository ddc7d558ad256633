"""The scorer on small gold and prediction files written here."""

from __future__ import annotations

import json

import pytest

from extractor.consolidation.evaluate import Score, news_report, timex_report


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_evaluate_score_computes_precision_recall_f1():
    score = Score(tp=3, pred=4, gold=6)
    assert (score.precision, score.recall) == (0.75, 0.5) and score.f1 == pytest.approx(0.6)
    assert Score(0, 0, 0).f1 == 0.0


def test_evaluate_news_scores_memberships_events_and_per_source(tmp_path):
    evidence = {"text": "s", "start": 0, "end": 1}
    gold = _write(tmp_path / "gold.jsonl", [{
        "doc_id": "bbc_x.txt", "figures_exhaustive": True, "figures": [],
        "memberships": [{"organization": "NATO", "member": "FIN", "action": "join", "status": "member", "date": "2023-04"},
                        {"organization": "NATO", "member": "SWE", "action": "join", "status": "member", "date": "2024-03"}],
        "events": [{"kind": "accession", "trigger": "joined", "date": "2023-04"}],
    }])
    pred = _write(tmp_path / "pred.jsonl", [
        {"type": "membership", "doc_id": "bbc_x.txt", "organization": {"id": "NATO"}, "member": {"id": "FIN"},
         "action": "join", "status": "member", "date": {"value": "2023-04"}, "evidence": evidence},
        {"type": "membership", "doc_id": "bbc_x.txt", "organization": {"id": "NATO"}, "member": {"id": "NOR"},
         "action": "join", "status": "member", "date": None, "evidence": evidence},
        {"type": "event", "doc_id": "bbc_x.txt", "kind": "accession", "trigger": "joined", "date": {"value": "2023-04"},
         "evidence": evidence},
    ])
    report = news_report(gold, pred)
    assert (report.scores["membership"].tp, report.scores["membership"].pred, report.scores["membership"].gold) == (1, 2, 2)
    assert report.scores["event"].f1 == 1.0
    assert report.scores["bbc/membership"] == report.scores["membership"]
    assert any(line.startswith("    FN bbc_x.txt: organization=NATO member=SWE") for line in report.lines)


def test_evaluate_timex_value_needs_overlap_and_the_same_value(tmp_path):
    gold = _write(tmp_path / "gold.jsonl", [{"doc_id": "d1", "timexes": [
        {"start": 0, "end": 4, "type": "DATE", "value": "2020"},
        {"start": 10, "end": 19, "type": "DATE", "value": "2020-05"}]}])
    pred = _write(tmp_path / "pred.jsonl", [
        {"type": "timex", "doc_id": "d1.txt", "start": 0, "end": 4, "timex_type": "DATE", "value": "2020"},
        {"type": "timex", "doc_id": "d1.txt", "start": 13, "end": 19, "timex_type": "DATE", "value": "2021-05"}])
    scores = timex_report(gold, pred).scores
    assert scores["date_time.strict"].tp == 1 and scores["date_time.relaxed"].tp == 2 and scores["date_time.value"].tp == 1
