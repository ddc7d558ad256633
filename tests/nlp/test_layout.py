"""Boilerplate, headings and captions, on lines written for these tests."""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

import pytest

from extractor.nlp.layout import classify_lines

from conftest import ROOT, of_type


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


def _facts(records, text: str, moved=lambda offset: offset):
    """What a record states, with its offsets mapped back to the original text by `moved`."""
    out = []
    for r in records[1:]:
        if r.type == "timex":
            continue  # a caption run into a hotline line with no full stop between goes with it
        data = r.model_dump()
        data.pop("participants", None)  # read from the parse, which a line break can change (README, Known limits)
        if "evidence" in data:
            assert text[r.evidence.start:r.evidence.end] == r.evidence.text
        start = data["start"] if "start" in data else r.evidence.end  # a heading run into its sentence moves the start
        for key in ("doc_id", "evidence", "mentions", "start", "end"):
            data.pop(key, None)
        if data.get("date"):
            data["date"] = data["date"]["value"]
        out.append((moved(start), repr(sorted(data.items()))))
    return sorted(out)


def _fixture() -> str:
    return (ROOT / "fixtures" / "sco_article.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("line_end", [" ", "\r\n", "\r", "\u2028", "\u2029"])
def test_layout_fixture_gives_the_same_facts_whatever_its_line_ends(run, line_end):
    """Regression (#12): a text not split into lines lost every record to one boilerplate phrase."""
    original = _fixture()
    breaks = [i for i, c in enumerate(original) if c == "\n"]
    changed = original.replace("\n", line_end)
    extra = len(line_end) - 1
    moved = lambda offset: offset - extra * bisect_left([b + extra * n for n, b in enumerate(breaks)], offset)  # noqa: E731
    expected = _facts(run(original, published=None), original)
    assert len(expected) > 30
    assert _facts(run(changed, published=None), changed, moved) == expected


WRITTEN = ("Share this on Facebook. Follow us on Twitter. "
           "Ruritania joined the Northern Trade Bloc in March 2019, officials said on Monday. "
           "The bloc's exports rose 12% to $4.5 billion in 2024, and nearly half went to Asia. "
           "We use cookies to improve your experience. Read our privacy policy. Share on WhatsApp")


def test_layout_flattened_article_with_share_lines_at_both_ends_keeps_its_facts(run):
    records = run(WRITTEN)
    figures = sorted(f.text for f in of_type(records, "figure"))
    assert figures == ["$4.5 billion", "12%", "half"]
    assert len(of_type(records, "membership")) == 0  # no registry body is named: nothing invented
    set_aside = ["Share this on Facebook.", "Follow us on Twitter.", "We use cookies to improve your experience.",
                 "Read our privacy policy.", "Share on WhatsApp"]
    assert records[0].boilerplate_chars == sum(len(s) for s in set_aside)
    assert not records[0].warnings


@pytest.mark.parametrize("text", [
    "Home\nMenu\nSearch\nSign in\nShare on Facebook\nFollow us on Instagram\nPrivacy policy | Terms of use\n",
    "Share this on Facebook. Follow us on Twitter. Sign up for our newsletter. Read our privacy policy. Copyright © 2025.",
])
def test_layout_page_of_navigation_gives_no_records_and_says_why(run, text):
    records = run(text)
    assert len(records) == 1
    head = records[0]
    assert head.boilerplate_chars > len(text.strip()) / 2
    assert any(w.code == "W004" and "boilerplate" in w.message for w in head.warnings)


@pytest.mark.parametrize("line, kinds", [
    ("Exports rose 4% in May. Share this on Facebook.", ["body", "boilerplate"]),
    ("Share on Twitter. The port handled 4 million containers.", ["boilerplate", "body"]),
    ("The cookie maker said sales grew. Prices rose 2%.", ["boilerplate", "body"]),  # a phrase costs its sentence only
    ("Crowds gather in Lima, March 3, 2025. /Reuters Markets opened higher on Monday.", ["caption", "body"]),
    ("Officials met in Geneva. The talks, which began in 2023, ended.", ["body", "body"]),
])
def test_layout_sentences_of_one_line_are_labelled_one_by_one(line, kinds):
    assert [b.kind for b in classify_lines(line)] == kinds


@pytest.mark.parametrize("separator", ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x0c"])
def test_layout_every_line_break_ends_a_line(separator):
    text = separator.join(["Market turmoil", "CHOOSE YOUR LANGUAGE",
                           "Shares fell 5% in 2024 as investors fled the market for safer assets."])
    blocks = classify_lines(text)
    assert [b.kind for b in blocks] == ["heading", "boilerplate", "body"]
    assert text[blocks[2].start:blocks[2].end].startswith("Shares")


def test_layout_caption_in_running_text_is_its_own_sentence(run):
    text = ("Crowds gather in Lima, March 3, 2025. /Reuters The vote was held in March "
            "and turnout rose 4% from 2020.")
    records = run(text, published=None)
    assert records[0].reference_date == "2025-03-03" and records[0].reference_date_rule == "caption"
    figure = of_type(records, "figure")[0]
    assert figure.evidence.text.startswith("The vote")


def _hard_wrapped(text: str, width: int) -> str:
    """`text` with its long lines wrapped at `width` the way wire copy is: a space becomes a line
    break, so every offset stays where it was."""
    out = []
    for line in text.split("\n"):
        chars, start = list(line), 0
        while len(line) - start > width:
            cut = line.rfind(" ", start, start + width + 1)
            if cut <= start:
                break
            chars[cut] = "\n"
            start = cut + 1
        out.append("".join(chars))
    return "\n".join(out)


@pytest.mark.parametrize("width", [48, 60, 72, 80, 96])
def test_layout_fixture_hard_wrapped_gives_the_same_facts(run, width):
    """A line break that only wraps a line (wire copy, mail, plain-text dumps) ends no sentence:
    the fixture wrapped at any width gives the records it gives unwrapped."""
    original = _fixture()
    wrapped = _hard_wrapped(original, width)
    assert wrapped.count("\n") > original.count("\n") + 20
    one_line = lambda facts: [(at, " ".join(fact.replace("\\n", " ").split())) for at, fact in facts]  # noqa: E731
    assert one_line(_facts(run(wrapped, published=None), wrapped)) == one_line(_facts(run(original, published=None), original))


SENTENCES = ("Ruritania has withdrawn from the Commonwealth, the grouping of former colonies, the foreign "
             "ministry said on Tuesday. Freedonia joined the African Union in 2004 and left the bloc in 2019, "
             "officials said. The Northern Trade Bloc admitted Sylvania as an observer in March 2021.")


@pytest.mark.parametrize("width", range(40, 101, 6))
def test_layout_wrapped_breaks_find_every_wrap_and_only_wraps(width):
    from extractor.nlp.layout import wrapped_breaks

    body = _hard_wrapped(SENTENCES, width)
    text = "Ruritania quits the Commonwealth\n\n" + body + "\n\nReporting by A. Writer\nEditing by B. Editor"
    offset = len("Ruritania quits the Commonwealth\n\n")
    wraps = {offset + i for i, c in enumerate(body) if c == "\n" and body[i - 1] not in ".,"}  # after a full stop it may end one
    assert wraps <= wrapped_breaks(text) <= {offset + i for i, c in enumerate(body) if c == "\n"}


@pytest.mark.parametrize("text", [
    # lines of their own: headlines, one sentence a line, long paragraphs
    "Iran joins the bloc\nIndia hosts the summit\nTalks stall over trade\nPrices fall again\nMarkets rally on the news",
    "Ruritania joined the bloc in 2004.\nFreedonia left it in 2019.\nSylvania applied in 2021.\nThe bloc has nine members.",
    "A headline of the story\n" + "The first paragraph of the story runs on for a long time, as paragraphs of "
    "web pages do, far past any width a wire would wrap at, and it ends here.\n" * 4,
])
def test_layout_lines_that_are_not_wrapped_keep_their_breaks(text):
    from extractor.nlp.layout import wrapped_breaks

    assert wrapped_breaks(text) == frozenset()


@pytest.mark.parametrize("width", [34, 44, 56, 68])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_layout_changes_wrapped_across_lines_are_found(run, width, newline):
    text = _hard_wrapped(SENTENCES.replace("Ruritania", "Malawi").replace("Freedonia", "Zambia"), width).replace("\n", newline)
    found = sorted((m.member.id, m.organization.id, m.action) for m in of_type(run(text, published=date(2024, 5, 15)), "membership"))
    assert found == [("MWI", "COMMONWEALTH", "leave"), ("ZMB", "AU", "join"), ("ZMB", "AU", "leave")], text
