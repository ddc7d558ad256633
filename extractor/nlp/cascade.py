"""The cascade: tokenize and segment the whole text, run the cheap cues, and parse (and run NER
on) only the sentences a record can come from, each as its own Doc, assembled back into one Doc
whose offsets are the text's."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
import re
from bisect import bisect_left, bisect_right
from typing import Callable, Iterable

import numpy
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span, Token

from extractor.language.lexicon import alternation
from extractor.nlp.layout import has_line_break, last_line_break, unwrapped
from extractor.nlp.modality import words


CHUNK_CHARS = 100_000  # the tokenizer sees at most this much text at once (cut at a line break or a space)


LONGEST_SENTENCE = 400  # tokens; a longer run with no sentence end is cut (real news sentences are far shorter)


LONGEST_WORD = 100  # characters; a longer run with no space is cut into pieces (see `tokenize`)


PIPE_BATCH = 256  # sentences per nlp.pipe batch: 64 took 1.13x the time, 1000 no faster


PIPE_TOKENS = 10_000  # and at most this many tokens (256 news sentences have about 7,000)


class Level(IntEnum):
    """What a sentence needs of the model, in the cascade."""

    SKIP = 0  # nothing
    PARSE = 1  # tagger + parser + lemmas
    FULL = 2  # and NER too
    EVENT = 3  # the parse, and NER when the parsed sentence holds a word a rule reads entities for


SKIP, PARSE, FULL, EVENT = Level.SKIP, Level.PARSE, Level.FULL, Level.EVENT


ENTITY_PIPES = ("ner",)  # what FULL adds to PARSE


EXTRACTION_COMPONENTS = ("timex", "figures", "memberships", "events")  # ours, in the order they run


CHEAP = ("gazetteer", "line_sentences", *EXTRACTION_COMPONENTS)  # run on the whole text, never per sentence


class WordCue:
    """Could `word`, before any tagging, be a form of one of `lemmas`? Regular inflections by
    prefix ("admit" -> "admitted", "apply" -> "applied"), irregular ones ("became", "left")
    from the model's own lemmatizer exception tables. Errs on the side of yes."""

    def __init__(self, nlp: Language, lemmas: Iterable[str], patterns: Iterable[str] = ()):
        lemmas = {lemma.lower() for lemma in lemmas}
        stems = {_stem(lemma) for lemma in lemmas}
        alternatives = ([alternation(stems)] if stems else []) + list(patterns)
        self.prefix = re.compile("|".join(alternatives)) if alternatives else None
        self.forms = set(lemmas) | _irregular_forms(nlp, lemmas)

    def __call__(self, word: str) -> bool:
        lower = word.lower()
        return lower in self.forms or (self.prefix is not None and self.prefix.match(lower) is not None)


def _stem(lemma: str) -> str:
    return lemma[:-1] if len(lemma) > 3 and lemma[-1] in "ey" else lemma


def _irregular_forms(nlp: Language, lemmas: set[str]) -> set[str]:
    if "lemmatizer" not in nlp.pipe_names:
        return set()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return set()
    table = lookups.get_table("lemma_exc")
    forms = set()
    for pos in ("verb", "noun"):
        for form, bases in (table.get(pos) or {}).items():
            if lemmas.intersection(bases):
                forms.add(form)
    return forms


@dataclass
class Segmented:
    """One text tokenized and cut into sentences, with the level each sentence needs; filled in
    by `analyse` (which batches many texts), turned into one Doc by `assemble`."""

    text: str
    sentences: list[Span] = field(default_factory=list)
    levels: list[Level] = field(default_factory=list)
    analysed: dict[int, Doc] = field(default_factory=dict)


def segment(nlp: Language, text: str, need: Callable[[Span, int, bool], Level], everywhere: bool = False,
            starts: Iterable[int] = ()) -> Segmented:
    """Tokenize and segment all of `text` and ask `need(sentence, offset, has_mention)` which
    statistical components each sentence needs (`offset`: where the sentence's chunk starts in
    `text`; `has_mention`: a gazetteer name is in it). `starts`: character offsets where a
    sentence must start (layout's boundaries). `everywhere` gives every sentence the whole
    pipeline: the reference the cascade is tested against."""
    gazetteer = nlp.get_pipe("gazetteer") if "gazetteer" in nlp.pipe_names else None
    out = Segmented(text)
    starts = numpy.array(sorted(starts), dtype="int64")
    for offset, chunk in _chunks(text):
        tokens = tokenize(nlp, unwrapped(chunk))  # a hard-wrapped line's break read as the space it stands for
        tokens.user_data["text"] = chunk
        inside = starts[(starts >= offset) & (starts < offset + len(chunk))] - offset
        _segment(tokens, numpy.searchsorted(tokens.to_array("IDX").astype("int64"), inside).tolist())
        sentences = list(tokens.sents)
        named = _sentences_with_mentions(gazetteer, tokens, [s.start for s in sentences])
        out.sentences += sentences
        out.levels += [FULL if everywhere else need(s, offset, n in named) for n, s in enumerate(sentences)]
    return out


def analyse(nlp: Language, texts: list[Segmented], wants_entities: Callable[[Doc], bool] = lambda doc: True) -> None:
    """Run the model on the sentences that need it, in batches across all `texts`; each
    sentence is analysed as its own Doc, so the result does not depend on the batch. First the
    parse of every such sentence, then NER on the FULL ones and on the EVENT ones the parse shows
    to need it (`wants_entities`): NER reads none of the parse, so its entities are the same as
    in one pass."""
    arrays: dict[int, tuple] = {}  # per tokenized chunk, its arrays once: Span.as_doc would redo them per sentence

    def as_doc(sentence: Span) -> Doc:
        if id(sentence.doc) not in arrays:
            head = sentence.doc._get_array_attrs()  # noqa: SLF001
            arrays[id(sentence.doc)] = (head, sentence.doc.to_array(list(head)))
        head, array = arrays[id(sentence.doc)]
        return sentence.as_doc(array_head=head, array=array)  # type: ignore[call-arg]  # spaCy's span.pyi leaves out these two arguments of as_doc

    chosen = [(t, i) for t in texts for i, lv in enumerate(t.levels) if lv != SKIP]
    docs = _analyse(nlp, [as_doc(t.sentences[i]) for t, i in chosen], PARSE)
    for (t, i), doc in zip(chosen, docs):
        t.analysed[i] = doc
    _recognise(nlp, [doc for (t, i), doc in zip(chosen, docs)
                     if t.levels[i] == FULL or (t.levels[i] == EVENT and wants_entities(doc))])


def assemble(nlp: Language, segmented: Segmented) -> Doc:
    """One Doc over the whole text: analysed sentences as they are, every run of sentences that
    needed nothing as one opaque token, so offsets stay exact and no rule reads what the model
    never saw."""
    pieces: list[Doc] = []
    run: list[Span] = []
    for i, sentence in enumerate(segmented.sentences):
        if i not in segmented.analysed:
            if run and run[-1].doc is not sentence.doc:
                pieces.append(_opaque(nlp, run))
                run = []
            run.append(sentence)
            continue
        if run:
            pieces.append(_opaque(nlp, run))
            run = []
        pieces.append(segmented.analysed[i])
    if run:
        pieces.append(_opaque(nlp, run))
    doc = Doc.from_docs(pieces, ensure_whitespace=False) if pieces else nlp.make_doc("")
    if "gazetteer" in nlp.pipe_names:
        doc = nlp.get_pipe("gazetteer")(doc)
    index_sentences(doc)
    doc.user_data["text"] = segmented.text
    return doc


def _sentences_with_mentions(gazetteer, tokens: Doc, starts: list[int]) -> set[int]:
    if gazetteer is None:
        return set()
    return {bisect_right(starts, m.start) - 1 for m in gazetteer(tokens).spans.get("gazetteer", [])}


def _chunks(text: str) -> Iterable[tuple[int, str]]:
    start = 0
    while start < len(text) or start == 0:
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = last_line_break(text, start, end)
            if cut <= start:
                cut = max(text.rfind(" ", start, end), text.rfind("\t", start, end))
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        if end >= len(text):
            return
        start = end


_SENTENCIZER = Sentencizer()


LONG_RUN = re.compile(r"\S{%d,}" % LONGEST_WORD)


def tokenize(nlp: Language, text: str) -> Doc:
    """`nlp.make_doc(text)`, except that a run of LONGEST_WORD or more characters with no space
    (a pasted blob, a megabyte of punctuation) is cut into pieces of LONGEST_WORD characters
    without the tokenizer: its affix rules take time quadratic in a word's length. Nothing is
    lost: no date, figure or name is that long, and the tokens' texts still spell `text`."""
    runs = [m.span() for m in LONG_RUN.finditer(text)]
    if not runs:
        return nlp.make_doc(text)
    pieces, cursor = [], 0
    for start, end in runs:
        if start > cursor:
            pieces.append(nlp.make_doc(text[cursor:start]))
        cuts = list(range(start, end, LONGEST_WORD)) + [end]
        words = [text[a:b] for a, b in zip(cuts, cuts[1:])]
        spaced = end < len(text) and text[end] == " "
        pieces.append(Doc(nlp.vocab, words=words, spaces=[False] * (len(words) - 1) + [spaced]))
        cursor = end + spaced
    if cursor < len(text):
        pieces.append(nlp.make_doc(text[cursor:]))
    return Doc.from_docs(pieces, ensure_whitespace=False)


def _segment(doc: Doc, forced: Iterable[int] = ()) -> None:
    """Cheap sentence boundaries: sentence punctuation (spaCy's Sentencizer), every line break,
    the `forced` token indexes, and a cut every LONGEST_SENTENCE tokens of a run with none. An
    opening quote or bracket (space before it, none after) starts the next sentence instead of
    ending the one before. Works on arrays, not Token objects: a 1 MB text has 200,000 tokens."""
    if not len(doc):
        return
    _SENTENCIZER(doc)
    starts = set(numpy.flatnonzero(doc.to_array("SENT_START") == 1).tolist()) | {0}
    starts.update(i for i in forced if i < len(doc))
    for i in numpy.flatnonzero(doc.to_array("IS_SPACE")).tolist():
        if i + 1 < len(doc) and has_line_break(doc[i].text):
            starts.add(i + 1)
    for i in sorted(starts):
        if i >= 2:
            quote = doc[i - 1]
            if (quote.is_quote or quote.is_left_punct) and not quote.whitespace_ and doc[i - 2].whitespace_:
                starts.discard(i)
                starts.add(i - 1)
    ordered = sorted(starts) + [len(doc)]
    for a, b in zip(ordered, ordered[1:]):
        starts.update(range(a + LONGEST_SENTENCE, b, LONGEST_SENTENCE))
    flags = numpy.full(len(doc), -1, dtype="int32")
    flags[sorted(starts)] = 1
    doc.from_array(["SENT_START"], flags.reshape(-1, 1).astype("uint64"))  # type: ignore[arg-type]  # thinc's Ints2d: any 2-d numpy array of ints


def _analyse(nlp: Language, docs: list[Doc], level: Level) -> list[Doc]:
    skip = [name for name in nlp.pipe_names if name in CHEAP or (level == PARSE and name in ENTITY_PIPES)]
    out = []
    for batch in _token_batches(docs):
        for doc in nlp.pipe(batch, batch_size=len(batch), disable=skip):
            doc.tensor = numpy.zeros((0, 0), dtype="float32")  # not used downstream; keeps the merge cheap
            out.append(doc)
    return out


def _recognise(nlp: Language, docs: list[Doc]) -> None:
    """The entity pipes (those a PARSE analysis leaves out) on parsed `docs`, in place."""
    pipes = [(name, proc) for name, proc in nlp.pipeline if name not in CHEAP and name in ENTITY_PIPES]
    for batch in _token_batches(docs):
        for _, proc in pipes:
            batch = list(proc.pipe(batch, batch_size=len(batch))) if hasattr(proc, "pipe") else [proc(d) for d in batch]


def _token_batches(docs: list[Doc]) -> Iterable[list[Doc]]:
    """`docs` in batches of at most PIPE_BATCH docs and PIPE_TOKENS tokens: the model's memory
    grows with the tokens of a batch, and a text of long number-filled sentences has many."""
    batch: list[Doc] = []
    tokens = 0
    for doc in docs:
        if batch and (len(batch) == PIPE_BATCH or tokens + len(doc) > PIPE_TOKENS):
            yield batch
            batch, tokens = [], 0
        batch.append(doc)
        tokens += len(doc)
    if batch:
        yield batch


def _opaque(nlp: Language, run: list[Span]) -> Doc:
    """Sentences no rule parses, kept as one sentence with their exact text: the text between
    gazetteer mentions as single opaque tokens, the mentions' own tokens as they are, so rules that
    look back for the organization named earlier see the same names as with the full model."""
    tokens, chunk = run[0].doc, run[0].doc.user_data["text"]
    start, end = run[0].start, run[-1].end
    if "mentions" not in tokens.user_data:  # sorted, not overlapping; a span group makes new Spans on each read
        tokens.user_data["mentions"] = list(tokens.spans.get("gazetteer", []))
    mentions = tokens.user_data["mentions"]
    words, spaces, cursor = [], [], run[0].start_char
    for i in range(bisect_left(mentions, start, key=lambda m: m.start), len(mentions)):
        mention = mentions[i]
        if mention.end > end:
            break
        if mention.start_char > cursor:
            words.append(chunk[cursor:mention.start_char])
            spaces.append(False)
        words += [t.text for t in mention]
        spaces += [bool(t.whitespace_) for t in mention[:-1]] + [False]
        cursor = mention.end_char
    last = run[-1].end_char + len(run[-1][-1].whitespace_)
    if last > cursor or not words:
        words.append(chunk[cursor:last])
        spaces.append(False)
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=[0] * len(words),
               deps=["ROOT"] + ["dep"] * (len(words) - 1), pos=["X"] * len(words))


def index_sentences(doc: Doc) -> None:
    """Sentence lookups in O(log n): spaCy's own `token.sent` rescans the whole Doc each call."""
    starts = [t.i for t in doc if t.is_sent_start or t.i == 0]
    bounds = starts + [len(doc)]
    spans = [doc[a:b] for a, b in zip(bounds, bounds[1:])]

    def sentence_of(i: int) -> Span:
        return spans[bisect_right(starts, i) - 1]

    doc.user_hooks["sents"] = lambda d: iter(spans)
    doc.user_token_hooks["sent"] = lambda token: sentence_of(token.i)
    doc.user_span_hooks["sent"] = lambda span: sentence_of(span.start)
