"""One table of modality (data/modality.tsv) for membership changes and events alike."""

from __future__ import annotations

import pytest

from conftest import of_type


@pytest.mark.parametrize("text", [
    "Serbia must join the European Union by 2030.",
    "Serbia could join the European Union in 2030.",
    "Serbia might leave the Council of Europe in March 2026.",
    "Serbia did not join the European Union in 2020.",
    "If Serbia joins the European Union in 2030, trade will grow.",
    "Serbia never left the Council of Europe in 1999.",
    "Serbia hopes to join the European Union in 2030.",
])
def test_modality_unreal_membership_changes_give_no_record_and_no_event(run, text):
    records = run(text)
    assert of_type(records, "membership") == [] and of_type(records, "event") == []


@pytest.mark.parametrize("text", [
    "The summit must be held in Geneva in May 2026.",
    "The summit could be held in Geneva in May 2026.",
    "The summit was not held in Geneva in May 2024.",
    "If the summit is held in May 2026, leaders will attend.",
    "The company hopes to buy the mill in March 2026.",
    "Ministers hope to reach a deal in February 2026.",
])
def test_modality_unreal_events_give_no_record(run, text):
    assert of_type(run(text), "event") == []


@pytest.mark.parametrize("text, kind", [
    ("The summit was held in Geneva in May 2024.", "summit"),
    ("Serbia joined the Council of Europe in April 2003.", "accession"),
    ("Supporters urged the general to compete in the election in May 2024.", "election"),
    ("The minister is expected to sign the agreement on 3 June 2025.", "agreement"),
])
def test_modality_real_statements_keep_their_records(run, text, kind):
    assert [e.kind for e in of_type(run(text), "event")] == [kind]
