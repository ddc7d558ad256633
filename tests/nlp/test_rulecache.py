"""The cached attribute ruler and lemmatizer give the model's own results, token for token."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from extractor.nlp import rulecache
from extractor.nlp.model import installed_default_model, load_pipeline

from conftest import ROOT

SENTENCES = [
    "There is a plan, and there were two others before it.",  # the two-token "there is" pattern
    "I am gon na sell it, but let's wait: y all know it ai n't over.",  # the multi-token ones
    "He'd said she'd come; they'll see whether it's true.",
    "Nobody had anything to add, and something was missing.",
    "The 27 member states met in Brussels on 3 March 2025 and agreed.",
    "Prices rose 4.5% as Acme Corp's shares fell 12p to 340p.",
    "  \n\n  Indented lines, tabs\tand  double  spaces stay spaces.",
    "GOVERNMENT WINS VOTE",
    "",
]


@pytest.fixture(scope="module")
def pair():
    plain = spacy.load(installed_default_model())
    plain.add_pipe("line_sentences", before="parser")
    return load_pipeline(), plain


def _attributes(doc):
    return [(t.text, t.pos_, t.tag_, t.dep_, t.head.i, t.lemma_, str(t.morph)) for t in doc]


def test_rulecache_replaces_the_ruler_in_place(pair):
    cached, plain = pair
    assert isinstance(cached.get_pipe("attribute_ruler"), rulecache.CachedAttributeRuler)
    assert isinstance(cached.get_pipe("lemmatizer"), rulecache.CachedLemmatizer)
    assert cached.pipe_names == plain.pipe_names


def test_rulecache_components_still_show_the_models_tables(pair):
    cached, plain = pair  # the cascade reads irregular forms ("met" of "meet") from the lemmatizer's tables
    assert cached.get_pipe("lemmatizer").lookups.get_table("lemma_exc") is not None
    assert cached.get_pipe("lemmatizer").mode == plain.get_pipe("lemmatizer").mode
    assert cached.get_pipe("attribute_ruler").patterns == plain.get_pipe("attribute_ruler").patterns


def test_rulecache_gives_the_rulers_own_results(pair):
    cached, plain = pair
    article = (ROOT / "fixtures" / "sco_article.txt").read_text(encoding="utf-8").splitlines()
    texts = SENTENCES + article + SENTENCES  # the second time from the cache
    ruler = cached.get_pipe("attribute_ruler")
    for ours, theirs in zip(cached.pipe(texts, disable=["ner"]), plain.pipe(texts, disable=["ner"])):
        assert _attributes(ours) == _attributes(theirs)
    assert ruler.hits > 0 and ruler.misses > 0  # both ways were taken


def test_rulecache_sends_sentences_with_multi_token_pattern_words_to_the_ruler(pair):
    ruler = pair[0].get_pipe("attribute_ruler")
    before = ruler.misses
    pair[0]("There are gon na be more.")
    assert ruler.misses == before + 1
