"""Modality: whether a clause states that something happened, or only that it could, must, may,
did not, or would if. One table (data/modality.tsv) for membership changes and events alike."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from extractor.language.lexicon import read_tsv

KINDS = ("modal", "negation", "condition", "hedge_verb", "schedule_word", "schedule_verb", "future", "topic_preposition", "future_in_past", "decided_verb", "hedge_phrase")


@cache
def _table() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    for kind, word, meaning in read_tsv("modality.tsv", 3):
        table.setdefault(kind, {})[word] = meaning
    return table


def words(kind: str) -> dict[str, str]:
    """word -> meaning for one kind of modality.tsv."""
    return _table()[kind]


def unreal_marker(token: Token) -> Token | None:
    """The child of `token` that makes its clause unreal: a negation ("not", "never", "no"), a
    modal auxiliary ("could", "must") or a condition ("if", "unless", "whether"), of its own or
    of a clause it governs ("will join if it meets the terms"); else None."""
    for child in token.children:
        if child.dep_ == "neg" or (child.lower_ in words("negation") and child.dep_ in ("neg", "det", "advmod")):
            return child
        if child.dep_ in ("aux", "auxpass") and child.lower_ in words("modal") and not _decided_future(token, child):
            return child
        if child.dep_ == "mark" and child.lower_ in words("condition"):
            return child
        if child.dep_ == "advcl" and (mark := next((g for g in child.children if g.dep_ == "mark" and g.lower_ in words("condition")),
                                                   None)) is not None:
            return mark  # "X will join in 2031 if it meets the terms": only on that condition
    return None


def _decided_future(token: Token, aux: Token) -> bool:
    """'would' in the clause a decision told in the past governs ("the council agreed that X would
    join on 1 May", "decided that it would leave"): what was decided, scheduled, not a maybe."""
    head = token.head
    return (aux.lower_ in words("future_in_past") and token.dep_ == "ccomp" and head.i != token.i
            and lemma_in(head, words("decided_verb")) is not None and unreal_marker(head) is None)


CHAIN_DEPS = ("xcomp", "acl", "pobj", "pcomp", "prep", "dobj", "nsubjpass", "nsubj", "attr", "compound", "conj")


def governing_chain(token: Token) -> list[Token]:
    """`token` and the words it hangs from up to the first finite verb above it ("join" in "would
    decide on its schedule to join": join, schedule, on, decide): where a modal, a negation or a
    condition makes what the token says unreal."""
    chain = [token]
    current = token
    while current.dep_ in CHAIN_DEPS and current.head.i != current.i:
        current = current.head
        chain.append(current)
        if current.pos_ == "VERB" and current.dep_ != "xcomp":
            break
    return chain


def hedge_of(token: Token) -> str | None:
    """What a verb over a clause makes of it ("hope" -> "none", "apply" -> "apply"), else None."""
    table = words("hedge_verb")
    lemma = lemma_in(token, table)
    if lemma is not None:
        return table[lemma]
    for c in token.children:  # "agreed in principle to admit X"
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ == "pobj" and (meaning := words("hedge_phrase").get(f"{c.lower_} {g.lower_}")) is not None:
                    return meaning
    return None


def lemma_in(token: Token, table) -> str | None:
    """The key of `table` that `token` is a form of: its lemma, or its word with a regular
    ending taken off (the statistical lemmatizer misses some: "hopes" -> "hop")."""
    return form_in(token.lemma_.lower(), token.lower_, table)


def form_in(lemma: str, lower: str, table) -> str | None:
    """`lemma_in` for a word given as its lemma and its lower-case form."""
    for form in (lemma, lower, lower[:-1], lower[:-2], lower[:-3], lower[:-3] + "e", lower[:-1] if lower.endswith("d") else ""):
        if form and form in table:
            return form
    return None


def topic_of(token: Token) -> Token | None:
    """The noun `token` is the topic of ("a law on joining the bloc", "a report on its accession",
    "held a referendum on leaving"), or None: a noun or gerund under a topic preposition."""
    noun = token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj"
    gerund = token.tag_ == "VBG" and token.dep_ in ("pobj", "pcomp")
    if not (noun or gerund) or token.head.lower_ not in words("topic_preposition"):
        return None
    return _what_is_about(token.head)


def _what_is_about(preposition: Token) -> Token | None:
    """The noun a topic preposition's phrase is about: its head ("a report on"), or the object
    just before it when the parse hangs the phrase on the verb ("held a referendum on joining")."""
    head = preposition.head
    if head.pos_ in ("NOUN", "PROPN"):
        return head
    before = [c for c in head.children if c.dep_ == "dobj" and c.i < preposition.i and c.pos_ in ("NOUN", "PROPN")]
    return before[-1] if head.pos_ in ("VERB", "AUX") and before else None
