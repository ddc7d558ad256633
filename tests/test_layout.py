"""Boilerplate, headings and captions, on lines written for these tests."""

from __future__ import annotations

import pytest

from extractor.layout import classify_lines

from conftest import of_type


@pytest.mark.parametrize("line, kind", [
    ("We use cookies to improve your experience. Read our privacy policy.", "boilerplate"),
    ("SELECT YOUR REGION", "boilerplate"),
    ("Customer service hotline: 400-123-4567", "boilerplate"),
    ("Follow us on social media for updates", "boilerplate"),
    ("Share on Facebook", "boilerplate"),
    ("The stock fell from $8 a share on Oct. 9 to $5 a share on Friday, traders said.", "body"),
    ("Fishermen unload their catch at the port of Dakar, May 3, 2024. /AFP", "caption"),
    ("Farmers protest outside parliament in Brussels. (Photo: Reuters)", "caption"),
])
def test_layout_line_kinds(line, kind):
    text = line + "\nThe ministers agreed on a long and detailed plan for the region yesterday afternoon.\n"
    assert classify_lines(text)[0].kind == kind


def test_layout_heading_is_not_merged_into_next_sentence(nlp):
    text = "Market turmoil\nShares fell 5% in 2024 as investors fled."
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents][0] == "Market turmoil"


def test_layout_boilerplate_yields_no_records(run):
    text = ("Sign up for our newsletter: 3 free issues, $5 a month\n"
            "Report abuse hotline: 010-85061466\n"
            "The port handled 4 million containers in 2024.\n")
    figures = [f.text for f in of_type(run(text), "figure")]
    assert figures == ["4 million"]


def test_layout_caption_date_sets_the_reference(run):
    text = "Crowds gather in Lima, March 3, 2025. /Reuters\nThe vote was held in March.\n"
    head = run(text, published=None)[0]
    assert (head.reference_date, head.reference_date_source, head.reference_date_rule) == ("2025-03-03", "inferred", "caption")
