"""Exact shortcuts around the rule-based components of a spaCy model: same output, less work.

The lemmatizer's rules read a token's text, part of speech and morphology only:
`CachedLemmatizer` keeps the lemma per combination.

The model's attribute ruler runs a Matcher over every sentence to turn fine-grained tags into
POS and morphology, though nearly every pattern looks at one token only (its tag, lower-case form,
dependency label, whether it is a space), and the lower-case form only for the hundred or so
words patterns name. What such patterns do to a token is therefore a function of those values: `CachedAttributeRuler` remembers it per combination, the first time from
the ruler itself, and applies it as arrays. A sentence holding the words of one of the few
multi-token patterns ("gon na"), or a combination not seen yet, goes through the ruler itself, so the
result is always the ruler's own (`tests/nlp/test_rulecache.py` compares the two on real text).
"""

from __future__ import annotations

import re
from typing import Any, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

SINGLE_TOKEN_KEYS = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})  # what a cacheable pattern may read
SET_ATTRS = ("POS", "MORPH", "LEMMA", "TAG", "DEP")  # and what any pattern may set
SET_IDS = [POS, MORPH, LEMMA, TAG, DEP]


class _InFrontOf:
    """A cache in front of a model component (`inner` names the attribute that holds it):
    everything it does not answer itself is the component's own (the lemmatizer's `lookups`
    tables, which the cascade reads, the ruler's `patterns`)."""

    inner = ""

    def __getattr__(self, name: str):
        component = self.__dict__.get(self.inner)
        if component is None:
            raise AttributeError(name)
        return getattr(component, name)

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError  # each cache answers in its own way

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


class CachedAttributeRuler(_InFrontOf):
    """An AttributeRuler's results per (TAG, LOWER, DEP, IS_SPACE), applied without matching.
    `hits` and `misses` count the sentences answered from the cache and by the ruler, `learned`
    the combinations read from the ruler one token at a time."""

    inner = "ruler"

    def __init__(self, ruler: AttributeRuler):
        self.use(ruler)

    def use(self, ruler: AttributeRuler) -> None:
        """Answer for `ruler` from now on (an empty cache)."""
        self.ruler = ruler
        self.known: dict[tuple[int, int, int, int], tuple[int, ...]] = {}
        self.hits = self.misses = self.learned = 0
        self.multi_token, self.cacheable = _multi_token_needs(ruler)
        self.words, self.regexes = _words_read(ruler)
        self.word_matters: dict[int, bool] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        if not self.cacheable or self._multi_token_may_match(set(keys[:, 1].tolist()), set(keys[:, 2].tolist())):
            self.misses += 1
            return self.ruler(doc)
        rows = [(tag, lower if self._matters(lower) else 0, dep, space) for tag, lower, dep, space in keys.tolist()]
        found = [self.known.get(row) or self._learn(row, doc[i]) for i, row in enumerate(rows)]
        self.hits += 1
        doc.from_array(SET_IDS, numpy.array(found, dtype="uint64"))  # type: ignore[arg-type]  # thinc's Ints2d: any 2-d numpy array of ints
        return doc

    def _learn(self, row: tuple[int, int, int, int], token) -> tuple[int, ...]:
        """What the ruler does to a token like this one, read from a Doc of it and a filler token
        (which keeps its dependency label: a token alone would be the root): no pattern that may
        apply here reads more than the token itself."""
        words, spaces, tags = [token.text, "x"], [True, False], [token.tag_, "NN"]
        if not token.dep_:
            alone = Doc(self.ruler.vocab, words=words, spaces=spaces, tags=tags)
        elif token.dep_ == "ROOT":
            alone = Doc(self.ruler.vocab, words=words, spaces=spaces, tags=tags, heads=[0, 0], deps=["ROOT", "dep"])
        else:
            alone = Doc(self.ruler.vocab, words=words, spaces=spaces, tags=tags, heads=[1, 1], deps=[token.dep_, "ROOT"])
        self.known[row] = tuple(self.ruler(alone).to_array(SET_IDS).tolist()[0])
        self.learned += 1
        return self.known[row]

    def _matters(self, lower: int) -> bool:
        """Does any pattern read this lower-case form? Most words are read by none, so their
        results depend on the tag, the dependency label and the space flag alone."""
        known = self.word_matters.get(lower)
        if known is None:
            text = self.ruler.vocab.strings[lower]
            known = lower in self.words or any(r.search(text) for r in self.regexes)
            self.word_matters[lower] = known
        return known

    def _multi_token_may_match(self, lowers: set[int], deps: set[int]) -> bool:
        strings = self.ruler.vocab.strings
        present = (lowers, deps)
        return any(all(bool(values & present[column]) if isinstance(values, frozenset)
                       else any(values.search(strings[w]) for w in present[column])
                       for column, values in conditions) for conditions in self.multi_token)



Condition = tuple[int, "frozenset[int] | re.Pattern"]  # (column: 0 LOWER, 1 DEP; the values or a regex)


def _patterns(ruler: AttributeRuler) -> list[dict[str, Any]]:
    """`ruler.patterns`: {"patterns": token patterns, "attrs": what they set, "index": int} each."""
    return ruler.patterns


def _multi_token_needs(ruler: AttributeRuler) -> tuple[list[list[Condition]], bool]:
    """For each multi-token pattern, what its tokens need: a lower-case form or a dependency
    label among some values, or a lower-case form matching a regular expression (a sentence with
    no word for one of them cannot match the pattern); and whether every other pattern reads one
    token's TAG, LOWER, DEP or IS_SPACE only and sets nothing but POS, MORPH, LEMMA, TAG and DEP
    (else nothing is cached)."""
    needs: list[list[Condition]] = []
    strings = ruler.vocab.strings
    for entry in _patterns(ruler):
        if set(entry["attrs"]) - set(SET_ATTRS):
            return [], False
        for pattern in entry["patterns"]:
            if len(pattern) == 1:
                if set(pattern[0]) - SINGLE_TOKEN_KEYS:
                    return [], False
                continue
            conditions: list[Condition] = []
            for token in pattern:
                for column, key in ((0, "LOWER"), (1, "DEP")):
                    value = token.get(key)
                    if isinstance(value, str):
                        conditions.append((column, frozenset({strings.add(value)})))
                    elif isinstance(value, dict) and "IN" in value:
                        conditions.append((column, frozenset(strings.add(v) for v in value["IN"])))
                    elif isinstance(value, dict) and "REGEX" in value:
                        conditions.append((column, re.compile(value["REGEX"])))
            if not conditions:
                return [], False  # a multi-token pattern no word or label announces
            needs.append(conditions)
    return needs, True


def _words_read(ruler: AttributeRuler) -> tuple[frozenset[int], list[re.Pattern]]:
    """The lower-case forms and the regular expressions on them that any pattern reads."""
    words: set[int] = set()
    regexes = []
    for entry in _patterns(ruler):
        for pattern in entry["patterns"]:
            for token in pattern:
                lower = token.get("LOWER")
                if isinstance(lower, str):
                    words.add(ruler.vocab.strings.add(lower))
                elif isinstance(lower, dict):
                    words.update(ruler.vocab.strings.add(v) for v in lower.get("IN", []))
                    if "REGEX" in lower:
                        regexes.append(re.compile(lower["REGEX"]))
    return frozenset(words), regexes


class CachedLemmatizer(_InFrontOf):
    """A Lemmatizer's lemma per (ORTH, POS, MORPH), what its rules read; spaCy's own cache
    leaves out the words it finds in their base form, which are most words."""

    inner = "lemmatizer"

    def __init__(self, lemmatizer: Lemmatizer):
        self.use(lemmatizer)

    def use(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.known: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lemmas = doc.to_array([LEMMA]).tolist()
        keys = doc.to_array([ORTH, POS, MORPH]).tolist()
        overwrite = self.lemmatizer.overwrite
        for i, key in enumerate(keys):
            if overwrite or lemmas[i] == 0:
                key = tuple(key)
                lemma = self.known.get(key)
                if lemma is None:
                    lemma = self.known[key] = self.lemmatizer.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                lemmas[i] = lemma
        doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))  # type: ignore[arg-type]  # thinc's Ints2d: any 2-d numpy array of ints
        return doc



def install(nlp: Language) -> None:
    """Put the caches in front of the model's attribute ruler and lemmatizer, in place (same
    names, same positions)."""
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if (isinstance(lemmatizer, Lemmatizer) and type(lemmatizer).__name__ in ("Lemmatizer", "EnglishLemmatizer")
            and lemmatizer.mode in ("rule", "lookup")):
        nlp.replace_pipe("lemmatizer", "cached_lemmatizer")
        cast(CachedLemmatizer, nlp.get_pipe("lemmatizer")).use(lemmatizer)
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if isinstance(ruler, CachedAttributeRuler) or not isinstance(ruler, AttributeRuler):
        return
    if _multi_token_needs(ruler)[1]:
        nlp.replace_pipe("attribute_ruler", "cached_attribute_ruler")
        cast(CachedAttributeRuler, nlp.get_pipe("attribute_ruler")).use(ruler)


@Language.factory("cached_lemmatizer")
def make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    """Filled in by `install` with the model's own lemmatizer."""
    return CachedLemmatizer(Lemmatizer(nlp.vocab, None, name, mode="lookup"))


@Language.factory("cached_attribute_ruler")
def make_cached_attribute_ruler(nlp: Language, name: str) -> CachedAttributeRuler:
    """Filled in by `install` with the model's own ruler."""
    return CachedAttributeRuler(AttributeRuler(nlp.vocab, name))
