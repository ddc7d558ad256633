"""Readers of the parse around a figure: the noun it counts ("80 of the 230 seats": seats),
what it measures (the subject of its clause, the "of" phrase of a share), whether a number is
an age or part of a name ("Boeing 747", "Richard Roe, 45,")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extractor.extractors.figures.words import figure_words
from extractor.nlp.layout import one_line
from extractor.nlp.syntax import clause_verb, span_for, text_of


def subject_of(token: Token) -> str | None:
    """What a figure measures, from the parse: the "of" phrase of a share ("14.4 percent of
    China's trade"), else the subject of the clause the figure sits in, when the figure is not
    itself that subject."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ != "PRON":
                return phrase(objects[0])
            if objects:
                return None
    verb = clause_verb(token)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ not in ("PRON",):
            if token in child.subtree:
                return None
            return phrase(child)
    return None


def phrase(token: Token, max_tokens: int = 14) -> str:
    """The phrase headed by `token`, without relative clauses, appositions and further
    conjuncts ("the landmass and half of the people" -> "the landmass"), at most `max_tokens`, on
    one line (a hard-wrapped line's break as a space)."""
    cut = [a for a in token.children if a.dep_ in ("relcl", "acl", "appos", "conj", "cc")]
    tokens = [t for t in token.subtree if not any(t in a.subtree for a in cut)]
    tokens = tokens[:max_tokens]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    if not tokens:
        return token.text
    doc = token.doc
    return one_line(text_of(doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)])


def counted_noun(doc: Doc, start: int, end: int) -> Token | None:
    span = span_for(doc, start, end)
    if span is None or not len(span):
        return None
    last = span[-1]
    if last.dep_ in ("nummod", "amod", "compound") and last.head.i > last.i and last.head.pos_ in ("NOUN", "PROPN"):
        return last.head
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == "-" and nxt.i + 1 < len(doc):
        nxt = doc[nxt.i + 1]
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ") and not nxt.is_sent_start:
        head = nxt
        while head.dep_ in ("compound", "amod") and head.head.i > head.i and head.head.i - head.i <= 3:
            head = head.head
        return head if head.pos_ in ("NOUN", "PROPN") else None
    return None


def noun_unit(noun: Token) -> str:
    compounds = [c.lemma_.lower() for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return " ".join([*compounds, noun.lemma_.lower()])


def partitive_noun(doc: Doc, end: int) -> Token | None:
    """The noun counted by "N of the M nouns" after a number ending at `end`: 'two of its
    largest banks' -> banks, '12 out of 27 member states' -> states; 'two of those' -> None
    (still a count)."""
    span = span_for(doc, end, end + 8)
    tokens = [t for t in span] if span is not None else []
    if tokens and tokens[0].lower_ == "out":
        tokens = tokens[1:]
    if not tokens or tokens[0].lower_ != "of":
        return None
    objects = [c for c in tokens[0].children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN", "NUM")]
    if objects and objects[0].pos_ == "NUM":  # "out of twenty-seven member states" parsed with the number as the object
        return counted_noun(doc, objects[0].idx, objects[0].idx + len(objects[0].text))
    return objects[0] if objects else None


def total_noun(doc: Doc, start: int, end: int) -> Token | None:
    """'bringing the number of member states to nine': the noun a stand-alone total counts."""
    span = span_for(doc, start, end)
    if span is None or not len(span) or span.root.dep_ != "pobj" or span.root.head.lower_ not in figure_words()["total_preposition"]:
        return None
    for token in span.root.sent:
        if token.lemma_ in figure_words()["total_noun"] and token.i < span.start:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return objects[0]
    return None


def is_age_or_name_number(doc: Doc, start: int, end: int) -> bool:
    span = span_for(doc, start, end)
    if span is None or not len(span):
        return False
    first, last = span[0], span[-1]
    prev = doc[first.i - 1] if first.i > 0 else None
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() and not prev.is_sent_start:
        return True  # "Radio 4", "Boeing 747", "Apollo 11"
    if prev is not None and prev.text == "," and nxt is not None and nxt.text in (",", ".") and first.i >= 2 and doc[first.i - 2].ent_type_ == "PERSON":
        return True  # "Richard Roe, 45, said"
    return False


def starts_sentence(doc: Doc, start: int) -> bool:
    span = span_for(doc, start, start + 1)
    return span is None or span[0].is_sent_start or text_of(doc)[max(0, start - 2):start].strip() in ('"', "'", "“", "(")
