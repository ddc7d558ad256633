"""Readers of a parse (extractor/nlp/syntax.py): the tense of a clause and its perfect aspect, on
sentences written here with members, bodies and verbs varied."""

from __future__ import annotations

import pytest
import spacy

from extractor.nlp.model import installed_default_model
from extractor.nlp.syntax import clause_verb, is_present_perfect, perfect_auxiliary, tense_of


@pytest.fixture(scope="module")
def parse():
    model = spacy.load(installed_default_model())
    return lambda text: model(text)


def _verb(doc, word: str):
    return clause_verb(next(t for t in doc if t.text == word))


MEMBERS = ["Norway", "The Republic of Korea", "Chile and Peru"]
BODIES = ["the pact", "the regional bloc", "NATO"]


@pytest.mark.parametrize("member", MEMBERS)
@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize(("template", "verb", "tense", "present_perfect"), [
    ("{member} {have} joined {body}.", "joined", "past", True),
    ("{member} had joined {body} by then.", "joined", "past", False),
    ("{member} joined {body} last year.", "joined", "past", False),
    ("{member} will join {body} next year.", "join", "future", False),
    ("{member} will have joined {body} by 2030.", "joined", "future", False),
    ("{member} {have} been admitted to {body}.", "admitted", "past", True),
    ("{body_cap} {has} voted to suspend {member}.", "suspend", None, True),
    ("{body_cap} voted to suspend {member}.", "suspend", None, False),
])
def test_syntax_tense_and_present_perfect(parse, member, body, template, verb, tense, present_perfect):
    plural = " and " in member
    text = template.format(member=member, body=body, body_cap=body[0].upper() + body[1:],
                           have="have" if plural else "has", has="has")
    v = _verb(parse(text), verb)
    assert is_present_perfect(v) is present_perfect, text
    if tense is not None:
        assert tense_of(v) == tense, text


@pytest.mark.parametrize("text, word, has_perfect", [
    ("The bank has lent the money.", "lent", True),
    ("The bank lent the money.", "lent", False),
    ("The money was lent by the bank.", "lent", False),
    ("The bank had lent the money.", "lent", True),
])
def test_syntax_perfect_auxiliary_is_the_have_of_a_participle(parse, text, word, has_perfect):
    verb = next(t for t in parse(text) if t.text == word)
    assert (perfect_auxiliary(verb) is not None) is has_perfect
