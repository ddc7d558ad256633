"""Which temporal expression dates a figure, a membership change or an event (`DateIndex`), the
date a record carries (`date_ref`), and the dated membership changes other extractors read
(`DatedChange`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable

from spacy.tokens import Doc, Span, Token

from extractor.core.records import DateRef, Entity
from extractor.language.lexicon import membership_words
from extractor.nlp.syntax import clause_verb, has_pronoun_subject, span_for, tree_distance

if TYPE_CHECKING:  # the temporal package links its own dates: imported for the types only
    from extractor.extractors.temporal.anchor import TimexSpan


VAGUE_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


MAX_ATTACH_DISTANCE = 3


@dataclass(frozen=True)
class DatedChange:
    """A dated membership change as the other extractors read it from the Doc (the `memberships`
    component writes them on its context): the trigger word, the action, the date of the change's
    own clause and who took part (the members and the organization, or only the organization when
    the text names no member: "the bloc was formed in 1994")."""

    trigger: Token
    action: str
    when: TimexSpan
    participants: tuple[Entity, ...]
    member_named: bool = True


def is_datable(timex: TimexSpan) -> bool:
    """A DATE or TIME that names a point or period in time (not 'now', 'recently')."""
    return timex.timex_type in ("DATE", "TIME") and timex.value not in VAGUE_VALUES


TIME_OF_DAY = re.compile(r"^([\dX]{4}-[\dWX][^T]*)T.*$")  # "1998-01-19TNI" -> "1998-01-19"; not "PRESENT_REF"


def date_ref(timex: TimexSpan) -> DateRef:
    """A record's date: the day (or coarser) the expression names; the time of day ("Friday
    night", "midnight on 1 January") stays on the timex record."""
    value = TIME_OF_DAY.sub(r"\1", timex.value) if timex.value else timex.value
    return DateRef(text=timex.text, value=value, start_date=timex.start_date,
                   end_date=timex.end_date, start=timex.start, end=timex.end)


class DateIndex:
    """The datable expressions of a document, by sentence, with their root tokens."""

    def __init__(self, doc: Doc, timexes: list[TimexSpan], captions: Iterable[tuple[int, int]] = ()):
        self.doc = doc
        self.captions = list(captions)
        self.by_sentence: dict[int, list[tuple[TimexSpan, Token]]] = {}
        for timex in timexes:
            if not is_datable(timex):
                continue
            span = span_for(doc, timex.start, timex.end)
            if span is None or not len(span):
                continue
            self.by_sentence.setdefault(span.sent.start, []).append((timex, span.root))

    def in_sentence(self, sentence: Span) -> list[tuple[TimexSpan, Token]]:
        return self.by_sentence.get(sentence.start, [])

    def attached_to(self, sentence: Span, heads: set[int]) -> TimexSpan | None:
        """A date of `sentence` that modifies one of the tokens `heads` directly or through a
        preposition ("talks in 2014", "opened talks on Monday")."""
        for timex, root in self.in_sentence(sentence):
            if root.head.i in heads or (root.head.dep_ == "prep" and root.head.head.i in heads):
                return timex
        return None

    def in_caption(self, sentence: Span) -> bool:
        return any(s <= sentence.start_char < e for s, e in self.captions)

    def inside(self, token: Token) -> TimexSpan | None:
        """The date nearest `token` among those inside its own phrase (its subtree), else None."""
        phrase = {t.i for t in token.subtree}
        found = [(tree_distance(token, root), timex.start, timex) for timex, root in self.in_sentence(token.sent)
                 if root.i in phrase]
        return min(found, key=lambda f: f[:2])[2] if found else None

    def for_token(self, token: Token, fallback: bool = True, strict: bool = False,
                  names_event: Callable[[Token], bool] | None = None) -> TimexSpan | None:
        """The date of the clause `token` is in: a date attached to the same clause verb or
        within a few arcs; else a sentence-initial adverbial date ("In 2023, ...") of the clause
        (with `strict`, only of the very same clause); else the only date of the sentence (with
        `fallback`, and always in a photo caption, which describes one dated moment). Without
        `fallback` or with `strict`, a participle describing a noun is dated only by a date of its
        own phrase ("the bank set up by A said on Friday")."""
        dates = self.in_sentence(token.sent)
        if _reduced_relative(token) and (strict or not fallback):  # "the bank set up by BRICS said on Thursday"
            dates = [(timex, root) for timex, root in dates if token.left_edge.i <= root.i <= token.right_edge.i]
        dates = [(timex, root) for timex, root in dates if not _dates_an_event_before_or_after(root, token)]
        dates = [(timex, root) for timex, root in dates if _same_time_clause(root, token)]
        if not dates:
            return None
        verb = clause_verb(token)
        scored = []
        for timex, root in dates:
            if names_event is not None and _dates_another_noun(root, token, names_event):
                continue  # "China's admission in 2001 took 15 years and talks ...": 2001 is the admission's
            distance = tree_distance(token, root)
            same_clause = clause_verb(root) == verb and not (strict and _nested_in_noun(token))
            if distance <= MAX_ATTACH_DISTANCE or same_clause:
                # near dates first; among them, one of the token's own clause ("started this year a
                # campaign ... after they join the EU on 1 January 2007": join takes 1 January)
                scored.append((0 if distance <= MAX_ATTACH_DISTANCE else 1, 0 if same_clause else 1, distance,
                               timex.start, timex))
        if scored:
            return min(scored, key=lambda s: s[:4])[4]
        initial = [t for t, root in dates if _is_sentence_initial(root, token.sent)]
        if initial and _governs(initial_root(dates, initial[0]), token, strict):
            return initial[0]
        if (fallback or self.in_caption(token.sent)) and len(dates) == 1:
            return dates[0][0]
        return None


def _dates_an_event_before_or_after(root: Token, token: Token) -> bool:
    """'lifts X's suspension after September polls', 'two days after the 2004 vote': the date
    names another noun, placed before or after `token`'s happening (GUIDELINES 3: relative to
    another event is no date)."""
    noun = root.head
    if root.dep_ not in ("compound", "nmod", "amod") or noun.pos_ not in ("NOUN", "PROPN") or noun.i == token.i:
        return False
    word = time_preposition_of(noun)
    return word is not None and word not in membership_words().since_word


def _clause_placed_in_time(token: Token) -> Token | None:
    """The adverbial clause holding `token` that places it before or after the clause it hangs
    on ("..., 33 years after it quit the bloc", "before it joined NATO"), marked by a word of
    time_preposition ("since" with a pronoun as its subject dates the state it hangs on: "a member
    since it joined in 2004", not "the newest member since X joined in 2009"); None when there is
    none. Only a date inside that clause dates what it holds."""
    clause, words = clause_verb(token), membership_words()
    for _ in range(4):
        marks = [c.lower_ for c in clause.children if c.dep_ in ("mark", "prep") and c.lower_ in words.time_preposition]
        if clause.dep_ == "advcl" and marks and not (set(marks) <= words.since_word and has_pronoun_subject(clause)):
            return clause
        if clause.dep_ not in ("conj", "xcomp", "ccomp") or clause.head.i == clause.i:
            return None
        clause = clause_verb(clause.head)
    return None


def _same_time_clause(root: Token, token: Token) -> bool:
    """Whether a date (its root) and `token` are on the same side of any clause placed before or
    after another ("rejoined on Monday, 33 years after it quit": Monday is not the quitting's;
    "before it joined NATO in 2004, X left the CIS": 2004 is not the leaving's)."""
    placed = _clause_placed_in_time(token)
    if placed is not None and not placed.left_edge.i <= root.i <= placed.right_edge.i:
        return False
    own = _clause_placed_in_time(root)
    return own is None or own.left_edge.i <= token.i <= own.right_edge.i


def time_preposition_of(noun: Token) -> str | None:
    """The preposition that places `noun` in time ("after the vote", "ahead of EU membership", "on
    the eve of its accession", "since 2004"), else None."""
    w = membership_words()
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is None:
        return None
    if prep.lower_ in w.time_preposition and prep.lower_ != "of":
        return prep.lower_
    return prep.head.lower_ if prep.lower_ == "of" and prep.head.lower_ in w.time_preposition else None


def _reduced_relative(token: Token) -> bool:
    """A participle describing a noun ("the bank set up by BRICS", "the CSN, established in 2004"):
    background, which only a date of its own phrase dates."""
    return token.dep_ == "acl" and token.tag_ == "VBN"


def _nested_in_noun(token: Token) -> bool:
    """'a symbol of the country's independence': a noun inside another noun's phrase, which a
    date of the clause does not date unless it is near."""
    return token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ == "NOUN"


def _dates_another_noun(root: Token, token: Token, names_event: Callable[[Token], bool]) -> bool:
    """The date hangs on a noun naming another event ("admission in 2001") than `token`."""
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    owner = prep.head
    return owner.pos_ == "NOUN" and owner.i != token.i and owner.i not in {t.i for t in token.subtree} and names_event(owner)


def initial_root(dates: list[tuple[TimexSpan, Token]], timex: TimexSpan) -> Token:
    return next(root for t, root in dates if t is timex)


def _is_sentence_initial(root: Token, sentence: Span) -> bool:
    """'In 2023, ...', 'On Tuesday, ...', 'Last year, ...': the date opens the sentence."""
    return root.i - sentence.start <= 3 and any(t.text == "," for t in sentence[root.i - sentence.start:root.i - sentence.start + 3])


def _governs(date_root: Token, token: Token, strict: bool) -> bool:
    """The sentence-opening date modifies the main clause, which `token` belongs to; unless
    `strict`, clauses under it too ("In 2023, X was approved, bringing the total to nine")."""
    verb = clause_verb(token)
    date_verb = clause_verb(date_root)
    if verb == date_verb or (verb.dep_ == "conj" and verb.head == date_verb):
        return True
    return not strict and date_verb in verb.ancestors
