"""The quality gate: TimeBank and news-dev scores never fall below the floors recorded in
tests/quality_floors.json (floors only rise: `python3 benchmarks/quality.py --raise-floors`)."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT, SHARED


def _quality():
    spec = importlib.util.spec_from_file_location("quality", ROOT / "benchmarks" / "quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


quality = _quality()


def test_quality_readme_shows_the_recorded_floors():
    assert quality.readme_table(quality.floors()) in (ROOT / "README.md").read_text(encoding="utf-8"), \
        "README.md's quality table differs from tests/quality_floors.json: run python3 benchmarks/quality.py --raise-floors"


@pytest.mark.parametrize("dataset", sorted(quality.DATASETS))
def test_quality_scores_stay_at_or_above_their_floors(dataset):
    if not (SHARED / "data" / dataset).is_dir():
        pytest.skip(f"{SHARED / 'data' / dataset} is absent (a fresh clone): the gate needs the evaluation data")
    scores = quality.measure(dataset, SHARED / "data")
    below = {name: (round(scores[name], 3), floor) for name, floor in quality.floors()[dataset].items()
             if scores[name] < floor}
    assert not below, f"{dataset}: scores below their floors (score, floor): {below}"
