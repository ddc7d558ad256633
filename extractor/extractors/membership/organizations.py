"""Which organization a change is about when the text names a body of another: "the BRICS
development bank admits X" is about the bank, not BRICS; "X pulled out of the UN's culture body"
about that body; "suspended X from its leading human rights body" about the body, not the
assembly that voted.

Such a body is the organization the document names elsewhere (its most named one beside the
organization that qualifies the body and the member; one whose name holds the body's noun first,
"New Development Bank" for "development bank"). A document that names no other body gives no
record: the change is real, but whose it is cannot be said (the reason `unnamed_body`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import cache

from spacy.tokens import Span, Token

from extractor.extractors.membership.frames import MembershipMention
from extractor.language.lexicon import membership_words, read_tsv
from extractor.nlp.entities import organizations

MODIFIER_DEPS = ("compound", "poss", "nmod", "amod")


@cache
def body_nouns(kind: str = "body_noun") -> frozenset[str]:
    """Nouns that name a body of an organization: "body_noun" ("bank", "agency"), a body with
    members of its own; "organ_noun" ("council", "assembly"), one that may also be an organ of
    the organization deciding on its members (data/membership_reasons.tsv)."""
    return frozenset(word for k, word in read_tsv("membership_reasons.tsv", 2) if k == kind)


def _names_a_body(noun: Token, slot: bool, described_word: bool = True) -> bool:
    """`noun` names a body: a body noun, or an organ noun where the change goes into or out of
    it (`slot`), or (`described_word`) a word for a body that says which ("its human rights body")."""
    lemma = noun.lemma_.lower()
    return lemma in body_nouns() or (slot and lemma in body_nouns("organ_noun")) or (
        described_word and lemma in membership_words().org_anaphor and _described(noun))


def _inside_mention(token: Token, mentions: list[Span]) -> bool:
    return any(m.start <= token.i < m.end for m in mentions if m.label_ == "organization")


def body_qualified_by(org: Span, mentions: list[Span]) -> Token | None:
    """The noun of a body that `org` only qualifies ("the BRICS development bank", "the UN's
    culture body", "the human rights council of the UN"), or None when `org` is what is meant."""
    root = org.root
    if root.dep_ in MODIFIER_DEPS:
        head = root.head
    elif root.dep_ == "pobj" and root.head.lower_ == "of":
        head = root.head.head
    else:
        return None
    while head.dep_ == "compound" and head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head  # "the UN development bank": the phrase's head
    if not _names_a_body(head, slot=head.dep_ not in ("nsubj", "nsubjpass", "poss", "compound"), described_word=False):
        return None  # "the BRICS economic group", "the NATO alliance": the organization itself
    return None if _inside_mention(head, mentions) else head


def _described(noun: Token) -> bool:
    """A word for a body with a noun or adjective of its own that says which ("its human rights
    body", "the culture and education body"), not bare ("the body", "the bloc")."""
    return any(c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("NOUN", "PROPN", "ADJ") and not c.ent_type_
               for c in noun.children)


def body_in_slot(cue: Token, org: Span | None, mentions: list[Span]) -> Token | None:
    """A described body the cue acts on that names no organization itself ("suspended X from
    its leading human rights body"), when the organization found is not in that phrase."""
    for child in cue.children:
        phrases = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" and child.lower_ in membership_words().slot_preposition \
            else [child] if child.dep_ in ("dobj", "nsubjpass") else []
        for noun in phrases:
            if not _names_a_body(noun, slot=True) or not _described(noun) or _inside_mention(noun, mentions):
                continue
            if org is None or org.root.i not in {t.i for t in noun.subtree}:
                return noun
    return None


def body_acted_on(cue: Token, mentions: list[Span]) -> Span | None:
    """The organization a bare word for a body that the cue acts on stands for ("launched the
    bank in 2015", "was admitted to the fund"): the one named last before it whose name holds
    that word ("New Development Bank"); None when the cue acts on no such word."""
    for child in cue.children:
        phrases = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" and child.lower_ in membership_words().slot_preposition \
            else [child] if child.dep_ in ("dobj", "nsubjpass") else []
        for noun in phrases:
            if noun.lemma_.lower() not in body_nouns() or _described(noun) or _inside_mention(noun, mentions):
                continue
            if not any(c.dep_ in ("det", "poss") for c in noun.children):
                continue
            before = [m for m in mentions if m.label_ == "organization" and m.end <= noun.i
                      and noun.lower_ in {w.lower() for w in m.text.split()} | {w.lower() + "s" for w in m.text.split()}]
            if before:
                return before[-1]
    return None


def named_body(noun: Token, mentions: list[Span], exclude: set[str], qualifier: str | None = None) -> Span | None:
    """The organization the document names that a body's noun stands for, of those named
    anywhere in it but `exclude`: one whose name holds a word of the noun's phrase ("New
    Development Bank" for "development bank") or starts with a name of the qualifying
    organization ("UN Human Rights Council" for "the UN's rights body"), the most named of them
    (the first of a tie); else the only other organization the document names; else None."""
    named = [m for m in mentions if m.label_ == "organization" and m.id_ not in exclude]
    if not named:
        return None
    phrase = {t.lower_ for t in noun.subtree if t.pos_ in ("NOUN", "PROPN")}
    prefixes = tuple(n.lower() + " " for n in names_of(qualifier)) if qualifier else ()
    fitting = [m for m in named if phrase & {w.lower() for w in m.text.split()}
               or any(n.lower().startswith(prefixes) for n in names_of(m.id_))]
    pool = fitting or (named if len({m.id_ for m in named}) == 1 else [])
    if not pool:
        return None
    counts = Counter(m.id_ for m in pool)
    first = {m.id_: m for m in reversed(pool)}
    best = max(counts, key=lambda i: (counts[i], -first[i].start))
    return first[best]


@cache
def names_of(org_id: str) -> tuple[str, ...]:
    """Every name the registry has for the organization (name, acronyms, aliases)."""
    org = organizations().get(org_id)
    return (org.name, *org.acronyms, *org.aliases) if org is not None else ()


def meant_organization(org: Span | None, cue: Token, member_id: str, mentions: list[Span]) -> tuple[Span | None, bool]:
    """(the organization a change by `cue` is about, whether it is another than `org`): `org`
    itself, the body it qualifies or the cue acts on as named elsewhere in the document, or None
    when the document names no such body."""
    noun = (body_qualified_by(org, mentions) if org is not None else None) or body_in_slot(cue, org, mentions)
    if noun is None:
        return org, False
    exclude = {member_id} | ({org.id_} if org is not None else set())
    return named_body(noun, mentions, exclude, org.id_ if org is not None else None), True


def _span_of(mention: MembershipMention, mentions: list[Span]) -> Span | None:
    """The mention of the organization `mention` names, in its sentence, nearest its trigger."""
    sentence = mention.sentence
    own = [m for m in mentions if m.id_ == mention.organization and sentence.start <= m.start < sentence.end]
    return min(own, key=lambda m: abs(m.root.i - mention.trigger.i)) if own else None


def retargeted(mentions_found: list[MembershipMention], mentions: list[Span]) -> list[MembershipMention]:
    """The frames' mentions, each about the organization it means (`meant_organization`); those
    about a body the document does not name are left out."""
    out = []
    for m in mentions_found:
        org, changed = meant_organization(_span_of(m, mentions), m.trigger, m.member, mentions)
        if not changed:
            out.append(m)
        elif org is not None and org.id_ != m.member:
            out.append(replace(m, organization=org.id_, organization_name=org.text))
    return out
