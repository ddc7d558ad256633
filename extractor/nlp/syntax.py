"""Small readers of a parsed Doc every extractor uses: the text, spans by characters, the verb of
a clause and its tense, distances in the tree."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractor.nlp.modality import words


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


def has_pronoun_subject(verb: Token) -> bool:
    """Whether the subject of `verb`'s clause is a pronoun ("since it joined"; not "since X and Y
    joined")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON" for c in verb.children)


def tense_of(verb: Token) -> str | None:
    """'future' (will/shall, 'scheduled to', 'is to'), 'past' (past-tense or perfect, and 'had
    been due to'), 'present' or None."""
    children = list(verb.children)
    lower = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if lower & words("future").keys():
        return "future"
    if verb.tag_ in ("VBD",) or any(c.tag_ == "VBD" for c in children if c.dep_ in ("aux", "auxpass")):
        return "past"
    if perfect_auxiliary(verb) is not None:
        return "past"
    passive_infinitive = verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in children)
    if (verb.tag_ == "VB" or passive_infinitive) and verb.dep_ == "xcomp" and verb.head.lemma_ in words("schedule_verb"):
        # "is scheduled to open", "is to resume", "(was) scheduled to take place": ahead;
        # "had been due to expire": the plan lies in the past perfect, the moment is past
        head = verb.head
        carrier = head.head if head.dep_ in ("acomp", "attr") else head
        had = any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for t in (head, carrier) for c in t.children)
        return "past" if had else "future"
    if verb.tag_ in ("VBZ", "VBP", "VBG"):
        return "present"
    if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in children):
        # "more protests are expected Sunday", "the vote is planned for May": a plan for what lies ahead
        return "future" if words("schedule_verb").get(verb.lemma_) or words("hedge_verb").get(verb.lemma_) == "plan" \
            else "present"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"):
        return "past"
    return None


def perfect_auxiliary(verb: Token) -> Token | None:
    """The "have" of a verb in the perfect ("has granted", "had left", "will have joined"), else None."""
    if verb.tag_ != "VBN":
        return None
    return next((c for c in verb.children if c.dep_ == "aux" and c.lemma_ == "have"), None)


def is_present_perfect(verb: Token) -> bool:
    """"has granted", "have become", and the verb a clause in the present perfect completes ("has
    voted to suspend"): news told as just done, whose date `tense_of` (which folds the perfect into
    "past") does not tell apart from the past."""
    for v in (verb, verb.head) if verb.dep_ == "xcomp" else (verb,):
        aux = perfect_auxiliary(v)
        if aux is not None and aux.tag_ in ("VBZ", "VBP"):
            return True
    return False


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


def covering_span(doc: Doc, start: int, end: int) -> Span:
    """`span_for` a range that tokens cover (one the Doc's own matches or expressions gave)."""
    span = span_for(doc, start, end)
    if span is None:
        raise ValueError(f"no tokens cover characters {start}-{end} of the Doc")
    return span


def text_of(doc: Doc) -> str:
    """`doc.text`, kept from `parse`: spaCy rebuilds it from every token on each access."""
    return doc.user_data.get("text") or doc.text


def realising_verb(trigger: Token) -> Token:
    """The verb that realises a noun trigger ("membership was approved" -> approved), else the trigger."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubjpass", "nsubj", "dobj") and trigger.head.pos_ == "VERB":
        return trigger.head
    return trigger
