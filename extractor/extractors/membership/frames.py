"""Membership changes: who joined, left, was suspended from, applied to or founded which body.

Triggers come from patterns/membership.jsonl (spaCy Matcher patterns with a frame, an action and
a status); the words read around them (status nouns, hedges, verbs that realise a membership
noun) from data/membership_words.tsv. Members and organizations are gazetteer mentions
(entities.py) found in the trigger's arguments in the dependency parse.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from extractor.language.lexicon import alternation, membership_reasons, membership_words, ordinal_suffix, ordinal_value, read_jsonl, read_tsv, word_value
from extractor.linking.dates import DateIndex, time_preposition_of
from extractor.linking.participants import direct_path
from extractor.nlp.entities import SPAN_KEY
from extractor.nlp.modality import governing_chain, hedge_of, unreal_marker
from extractor.nlp.spans import Spans
from extractor.nlp.syntax import clause_verb, covering_span, is_present_perfect, realising_verb, tense_of, text_of


EFFECTIVE_ACTIONS = ("join", "leave", "found", "readmit")  # changes an effective date dates (GUIDELINES 4.2)
NEEDS = ("status_noun", "organization_attached", "organization_salient", "currency_object")
SALIENT_CHARS = 300  # an organization named this close before a sentence can be the one its bare trigger means


class MembershipPattern(BaseModel):
    """One line of patterns/membership.jsonl."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    frame: Literal["verb", "become", "noun", "talks", "found", "founding_noun"]
    action: Literal["join", "leave", "suspend", "expel", "readmit", "apply", "found"]
    status: str | None
    pattern: list[dict]
    needs: tuple[str, ...] = ()
    status_from_noun: bool = False
    members: Literal["arguments", "subject", "object"] = "arguments"
    organization: str | None = None

    @field_validator("needs")
    @classmethod
    def _known_needs(cls, needs: tuple[str, ...]) -> tuple[str, ...]:
        for need in needs:
            for alternative in need.split(" or "):
                if alternative not in NEEDS and not (alternative.startswith("prep:") and len(alternative) > 5):
                    raise ValueError(f"unknown need {alternative!r}: use {', '.join(NEEDS)} or prep:W,W")
        return needs


@dataclass(frozen=True)
class MembershipMention:
    organization: str
    organization_name: str
    member: str
    member_name: str
    member_kind: str
    action: str
    status: str | None
    ordinal: int | None
    trigger: Token
    sentence: Span
    frame: str = ""
    when: Any = None  # the TimexSpan of its own item in an enumeration ("..., Greece in 1981"), else None


@cache
def patterns() -> list[MembershipPattern]:
    return read_jsonl("membership.jsonl", MembershipPattern, folder="patterns")


@cache
def trigger_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """The words (lemmas and lowercase forms) and regular expressions the trigger patterns
    match on: what a sentence must contain before any pattern can fire in it."""
    words: set[str] = set()
    regexes: list[str] = []
    for p in patterns():
        for spec in p.pattern:
            for key in ("LEMMA", "LOWER"):
                value = spec.get(key)
                if isinstance(value, dict) and "IN" in value:
                    words.update(value["IN"])
                elif isinstance(value, dict) and "REGEX" in value:
                    regexes.append(value["REGEX"].lstrip("^"))
                elif isinstance(value, str):
                    words.add(value)
    return frozenset(words), tuple(regexes)




_MATCHERS: dict[int, Matcher] = {}


def _matcher(doc: Doc) -> Matcher:
    key = id(doc.vocab)
    if key not in _MATCHERS:
        matcher = Matcher(doc.vocab, validate=True)
        for p in patterns():
            matcher.add(p.id, [p.pattern])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def has_trigger_pattern(doc: Doc | Span) -> bool:
    """Does a trigger pattern match in `doc` (a parsed sentence)? Only there can a change be."""
    return bool(_matcher(doc.doc if isinstance(doc, Span) else doc)(doc))


def find_memberships(doc: Doc, skip: Spans, dates: DateIndex | None = None) -> list[MembershipMention]:
    """Return every membership change stated in `doc`, one mention per member and trigger; with
    `dates`, an elliptical enumeration after a change ("..., followed by Greece in 1981, Spain and
    Portugal in 1986") gives each item's members their own date."""
    mentions = list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else []
    if not mentions or not doc.has_annotation("LEMMA"):
        return []  # no country or organization named, or no sentence the model read (the cascade)
    by_id = {p.id: p for p in patterns()}
    out: list[MembershipMention] = []
    seen: set[tuple] = set()
    for match_id, start, end in _matcher(doc)(doc):
        pattern = by_id[doc.vocab.strings[match_id]]
        trigger = doc[start] if pattern.frame != "founding_noun" else doc[end - 1]
        sentence = trigger.sent
        if skip.holds(sentence.start_char):
            continue
        found = _read_frame(pattern, trigger, doc[start:end], mentions)
        if found and dates is not None:
            found = _with_enumeration(found, dates, mentions)
        for mention in found:
            key = (mention.organization, mention.member, mention.action, mention.trigger.i)
            if key not in seen:
                seen.add(key)
                out.append(mention)
    out.sort(key=lambda m: (m.trigger.idx, m.member))
    return out


def _read_frame(pattern: MembershipPattern, trigger: Token, matched: Span, mentions: list[Span]) -> list[MembershipMention]:
    if _is_hedged(trigger) and not (pattern.frame == "noun" and _awaits_decision(trigger)):
        return []
    action: str = pattern.action  # what the trigger's words make of the pattern's action and status
    status: str | None = pattern.status
    frame = pattern.frame
    members: list[Span] = []
    org: Span | None = None
    w = membership_words()
    if frame == "verb":
        status_noun = _status_in(trigger) if pattern.status_from_noun or any("status_noun" in n for n in pattern.needs) else None
        if pattern.status_from_noun and status_noun is not None:
            status = status_noun
            action = "apply" if status_noun == "candidate" else "join"
        action, status = _governing_action(trigger, action, status)
        action, status = with_status_as(trigger, action, status)
        if pattern.members == "object" and _own_membership_object(trigger):
            members = _subjects(trigger, mentions)  # "Indonesia suspended its OPEC membership": its own
        elif pattern.members == "object" and not any(c.dep_ == "nsubjpass" for c in trigger.children):
            members = _objects(trigger, mentions)  # active: "the bloc expelled X"; X is the member, never the subject
        elif pattern.members == "subject":
            members = _subjects(trigger, mentions) or _pronoun_member(trigger, mentions)
        else:
            members = _arguments(trigger, mentions, passive_first=True) or _pronoun_member(trigger, mentions)
        org = _fixed_organization(pattern, matched) or _organization(trigger, mentions, members)
        salient = None
        if (org is None or not _org_attached(trigger, org)) and any("organization_salient" in n for n in pattern.needs):
            salient = _salient_organization(trigger, mentions, members)
        if not all(_holds(need, trigger, org, status_noun, salient) for need in pattern.needs):
            return []
        if pattern.organization is None and salient is not None and not _org_attached(trigger, org):
            org = salient
    elif frame == "become":
        attr = next((c for c in trigger.children if c.dep_ in ("attr", "acomp", "oprd")), None)
        if attr is None or attr.lemma_.lower() not in w.member_nouns:
            return []
        members = _subjects(trigger, mentions)
        org = _organization(attr, mentions, members) or _organization(trigger, mentions, members)
        status = _status_in(attr) or status
        if not all(_holds(need, trigger, org, None, None) for need in pattern.needs):
            return []
    elif frame == "noun":
        word = trigger.lower_
        action = w.noun_action.get(word, action)
        process = _process_of(trigger)
        if process == "none":
            return []
        if process == "apply":
            action = "apply"
        verb_action = _verb_over_noun(trigger)
        if word == "membership":
            if verb_action is None and process is None and time_preposition_of(trigger) is None:
                return []  # a bare "membership" states no change
            action = verb_action or action
        elif verb_action in ("suspend", "expel", "readmit", "apply"):
            action = verb_action
        if _awaits_decision(trigger):
            action = "apply"
        if action == "suspend" and trigger.dep_ in ("dobj", "nsubjpass") and trigger.head.lemma_ in w.undo_verb:
            action = w.undo_verb[trigger.head.lemma_]  # "lifted the suspension of X"
        if action == "apply":
            status = "candidate"
        elif action in ("leave", "suspend", "expel"):
            status = None
        elif action == "readmit":
            status = "member"
        else:
            status = _status_in(trigger) or status
        members = _noun_members(trigger, mentions)
        if _elsewhere_target(trigger, mentions):
            return []  # "the withdrawal of the bank from Albania": not from an organization
        org = _organization(trigger, mentions, members)
        if org is None and members and word in membership_words().change_noun:
            org = _organization_before(trigger, mentions, members)
        if org is None and members:
            org = _salient_organization(trigger, mentions, members)  # "Turkey's candidacy was slowed down"
        if org is None or not members:
            return []
    elif frame == "talks":
        if not _about_membership(trigger):
            return []
        members = [m for m in _talks_partners(trigger, mentions) if m.label_ == "country"]
        if not members and trigger.dep_ in ("dobj", "nsubjpass"):  # "Serbia opened accession talks with the EU"
            members = [m for m in _subjects(trigger.head, mentions) if m.label_ == "country"]
        org = _organization(trigger, mentions, members) or (_organization_before(trigger, mentions, members) if members else None)
    elif frame == "found":
        members, org = _founders(trigger, mentions)
    elif frame == "founding_noun":
        members, org = _founding_members(trigger, mentions)
        if not all(_holds(need, trigger, org, None, None) for need in pattern.needs):
            return []
    if org is None:
        return []
    ordinal = _ordinal_near(trigger)
    out = []
    for member in members:
        if member.id_ == org.id_ or member.label_ not in ("country", "organization", "country_adj"):
            continue
        kind = "organization" if member.label_ == "organization" else "country"
        out.append(MembershipMention(org.id_, org.text, member.id_, member.text, kind, action, status,
                                     ordinal, trigger, trigger.sent, frame))
    return out


# ---------------------------------------------------------------- modality


def _is_hedged(trigger: Token) -> bool:
    """Negated, conditional, modal (could/must) or hoped-for, on the trigger or on the words
    it hangs from up to its clause's verb: not a change."""
    chain = governing_chain(trigger)
    if chain[-1].dep_ == "advcl" and _infinitive_of(chain[-1]) and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)  # "invited X along with Y to join": the parse makes "to join" an advcl
    for below, token in zip([None, *chain], chain):
        if unreal_marker(token) is not None:
            return True
        if below is not None and hedge_of(token) in ("none", "plan") and (
                below.dep_ in ("xcomp", "ccomp", "acl") or (below.dep_ == "prep" and below.lower_ in ("of", "about"))
                or (below.dep_ == "advcl" and _infinitive_of(below))):
            return True  # "hopes to join", "refused to join", "plans to join", "its desire to join", "dreams of joining"
        if token.dep_ in ("advcl", "xcomp", "ccomp") and any(
                c.dep_ == "acomp" and hedge_of(c) in ("none", "plan") for c in token.head.children):
            return True  # "it would be unnecessary for Poland to join"
    return False


def _governing_action(trigger: Token, action: str, status: str | None) -> tuple[str, str | None]:
    """'applied to join', 'bid to join', 'has been waiting to join': a pending process, so apply."""
    w = membership_words()
    head = trigger.head
    if trigger.dep_ in ("xcomp", "acl", "advcl") and head is not trigger:
        kind = hedge_of(head) or w.process_noun.get(head.lower_)
        if kind == "apply":
            return "apply", "candidate"
    if any(c.dep_ == "nsubj" and w.process_noun.get(c.lower_) == "apply" and any(g.dep_ == "poss" for g in c.children)
           for c in trigger.children):
        return "apply", "candidate"  # "X's drive to become a member began": the parse makes the process the subject
    return action, status


# ---------------------------------------------------------------- arguments


def _mentions_in(tokens, mentions: list[Span], labels=("country", "organization")) -> list[Span]:
    """The mentions (sorted, not overlapping) whose root is one of `tokens`; looks only at those
    between the first and last token, so a document full of names stays linear."""
    indices = {t.i for t in tokens}
    if not indices:
        return []
    lo, hi = min(indices), max(indices)
    out = []
    for i in range(bisect_right(mentions, lo, key=lambda m: m.end), len(mentions)):
        m = mentions[i]
        if m.start > hi:
            break
        if m.root.i in indices and m.label_ in labels:
            out.append(m)
    return out


def _last_organization_before(i: int, mentions: list[Span], member_ids: set[str]) -> Span | None:
    """The organization named last before token `i`, other than the members'."""
    for j in range(bisect_left(mentions, i, key=lambda m: m.start) - 1, -1, -1):
        m = mentions[j]
        if m.label_ == "organization" and m.id_ not in member_ids:
            return m
    return None


def _conj_subtree(token: Token) -> list[Token]:
    return list(token.subtree)


def _subjects(verb: Token, mentions: list[Span]) -> list[Span]:
    for dep in ("nsubj", "nsubjpass"):
        for child in verb.children:
            if child.dep_ == dep:
                if child.lower_ in membership_words().relative_pronoun and verb.dep_ == "relcl":
                    return _antecedent_members(verb, mentions)
                found = _mentions_in(_conj_subtree(child), mentions)
                if found:
                    return _leading_members(child, found)
                referred = _countries_referred(child, mentions)
                if referred:
                    return referred
    if verb.dep_ == "relcl" and verb.head.i != verb.i and verb.head.dep_ != "attr":  # "Chile, which helped found ..."
        return _antecedent_members(verb, mentions)
    if verb.dep_ in ("xcomp", "acl", "relcl") and verb.head.dep_ == "attr" and verb.head.head.i != verb.head.i:
        return _subjects(verb.head.head, mentions)  # "X will become the 19th state to adopt the euro"
    if _infinitive_of(verb) and verb.head.pos_ == "VERB":
        controller = [m for c in verb.head.children if c.dep_ in ("dative", "dobj")
                      for m in _mentions_in(_conj_subtree(c), mentions, ("country",))]
        if controller:  # "ministers gave Latvia the green light to join", "allowed Lithuania to join"
            return controller
    if verb.dep_ in ("dobj", "pcomp") and verb.tag_ == "VBG" and verb.head.i != verb.i:
        return _subjects(verb.head, mentions)  # "X and Y celebrated joining the EU"
    infinitive_subject = _for_subject(verb, mentions)
    if infinitive_subject:
        return infinitive_subject
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head is not verb:
        return _subjects(verb.head, mentions)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        owners = [t for c in verb.head.children if c.dep_ == "poss" for t in c.subtree]
        found = _mentions_in([verb.head, *owners, *[c for c in verb.head.subtree if c.dep_ in ("conj", "appos")]], mentions)
        if not found:
            found = [m for c in verb.head.children if c.dep_ == "poss" for m in _countries_referred(c, mentions)]
        return found
    return []


def _for_subject(verb: Token, mentions: list[Span]) -> list[Span]:
    """'all is ready for Slovenia to become ...', 'it is time for Serbia to join': the country
    between "for" and "to" before an infinitive (the parser often hangs it elsewhere)."""
    doc = verb.doc
    start = max(verb.sent.start, verb.i - 14)
    for i in range(verb.i - 1, start, -1):
        if doc[i].lower_ == "to" and doc[i].tag_ == "TO":
            found = [m for m in mentions if m.end == i and m.label_ == "country" and m.start > start]
            if found and doc[found[0].start - 1].lower_ == "for":
                return found
            return []
    return []


def _person_possessive(noun: Token) -> bool:
    """"his country", "her nation", "their country": a person's country, the one named last."""
    return not noun.tag_.endswith("S") and any(c.dep_ == "poss" and c.lower_ in membership_words().person_possessive
                                               for c in noun.children)


def _countries_referred(noun: Token, mentions: list[Span]) -> list[Span]:
    """The countries a definite noun phrase refers back to: "the country" (the last country named
    before it), "the two countries", "both countries" (the last two named), "his country" (the
    last named, a name or an adjective: "Burundi's President ...", "Philippine President ..."). Empty when it is not
    such a phrase or too few countries were named in its sentence or SALIENT_CHARS before it."""
    w = membership_words()
    if noun.lower_ not in w.country_anaphor:
        return []
    dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "predet")}
    numbers = [c for c in noun.children if c.dep_ == "nummod"]
    plural = noun.tag_ in ("NNS", "NNPS")
    if plural:
        if numbers and (value := word_value(numbers[0].lower_, "cardinal")) is not None:
            wanted = int(value)
        elif numbers and numbers[0].text.isdigit():
            wanted = int(numbers[0].text)
        elif "both" in dets:
            wanted = 2
        else:
            return []
    elif "the" in dets or any(c.dep_ == "case" for c in noun.children) or noun.dep_ == "poss" or _person_possessive(noun):
        wanted = 1
    else:
        return []
    if not ("the" in dets or "both" in dets or _person_possessive(noun)):
        return []
    earliest = noun.sent.start_char - SALIENT_CHARS  # characters, not sentences: see _salient_organization
    labels = ("country", "country_adj") if _person_possessive(noun) else ("country",)  # "Philippine President X ... his country"
    named: dict[str, Span] = {}
    for m in reversed([m for m in mentions if m.label_ in labels and earliest <= m.start_char and m.start < noun.i]):
        named.setdefault(m.id_, m)
        if len(named) == wanted:
            return sorted(named.values(), key=lambda m: m.start)
    return []


def _antecedent_members(clause: Token, mentions: list[Span]) -> list[Span]:
    """The members a relative clause is about: the mentions of its antecedent noun phrase before
    the clause ("Bulgaria and Romania, which joined ...", "the Baltic states of Estonia, Latvia and
    Lithuania, which joined ...")."""
    head = clause.head
    start = min(t.i for t in clause.subtree)
    return [m for m in _mentions_in([t for t in head.subtree if t.i < start], mentions) if m.label_ != "organization"
            or not any(x.label_ == "country" for x in mentions if x.root.i == head.i)]


def _leading_members(arg: Token, found: list[Span]) -> list[Span]:
    """Of the mentions under a subject, the member(s) it names: the subject and its conjuncts,
    not the organization named in a prepositional phrase ("Iran's membership of the SCO")."""
    heads = {arg.i}
    heads.update(t.i for t in arg.subtree if t.dep_ in ("conj", "appos", "poss") and t.head.i in heads | {arg.i})
    close = [m for m in found if m.root.i in heads or m.root.head.i in heads]
    return close or found


def _arguments(verb: Token, mentions: list[Span], passive_first: bool) -> list[Span]:
    """Members of a verb trigger: the passive subject, else the active subject, else (when the
    organization is the subject: "NATO admitted Poland") the object."""
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive:
        found = _mentions_in(_conj_subtree(passive[0]), mentions)
        return _leading_members(passive[0], found)
    subjects = _subjects(verb, mentions)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")] or _particle_objects(verb)
    recipients = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    if (subjects and all(s.label_ == "organization" for s in subjects)) or (not subjects and _organization_subject(verb)):
        for argument in (*objects, *recipients):  # "NATO admitted Poland", "granted candidate status to Ukraine"
            found = _mentions_in(_conj_subtree(argument), mentions, ("country",))
            if found:
                return found
    return subjects


def _about_membership(talks: Token) -> bool:
    """Talks are an application when they are accession talks, or when their sentence is about
    admission ("China's admission took 15 years and talks with Russia go on"): a noun that
    names a join in data/membership_words.tsv (accession, admission, entry, membership)."""
    joining = {word for word, action in membership_words().noun_action.items() if action == "join"}
    if any(c.lower_ in joining for c in talks.children if c.dep_ in ("compound", "amod", "nmod")):
        return True
    return any(t.lower_ in joining and t.i != talks.i for t in talks.sent)


def _talks_partners(talks: Token, mentions: list[Span]) -> list[Span]:
    """The countries talks are held with: "talks with Russia and Saudi Arabia"."""
    found: list[Span] = []
    for prep in (c for c in talks.children if c.dep_ == "prep" and c.lower_ == "with"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found += _mentions_in(_conj_subtree(obj), mentions)
    return found


def _own_membership_object(verb: Token) -> bool:
    """'suspended its membership', 'froze its OPEC membership': the subject acts on its own membership."""
    return any(c.dep_ == "dobj" and c.lower_ == "membership" and any(p.lower_ in ("its", "their") for p in c.children)
               for c in verb.children)


def _objects(verb: Token, mentions: list[Span]) -> list[Span]:
    """The countries and bodies a verb acts on: its direct object and what is coordinated with it
    ("ousted its leader" has none: a person is no member)."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")] or _particle_objects(verb)
    return _mentions_in(_conj_subtree(objects[0]), mentions) if objects else []


def _particle_objects(verb: Token) -> list[Token]:
    """What a phrasal verb acts on when the parse hangs it on the particle ("took in X": X is the
    object of "in", not of "took")."""
    particle = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) and verb.pos_ == "VERB" else None
    if particle is None or particle.head.i != verb.i or particle.dep_ not in ("prt", "prep"):
        return []
    return [c for c in particle.children if c.dep_ == "pobj"]


def _noun_members(noun: Token, mentions: list[Span]) -> list[Span]:
    """'Iran's accession', 'the accession of Iran', 'Belarusian membership', 'talks with Iraq'."""
    found: list[Span] = []
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and any(m.root.i == child.i and m.label_ == "country_adj" for m in mentions)):
            found += [m for m in mentions if m.root.i in {t.i for t in child.subtree} and m.label_ in ("country", "organization", "country_adj")]
        if child.dep_ == "prep" and child.lower_ in ("of", "by", "with"):
            found += _mentions_in(list(child.subtree), mentions)
        if child.dep_ == "prep" and child.lower_ == "for":  # "application for EU membership": the EU is the target
            found += _mentions_in(list(child.subtree), mentions, ("country",))
    if not found:
        found = [m for c in noun.children if c.dep_ == "poss" for m in _countries_referred(c, mentions)]
    head = noun.head
    if not found and noun.dep_ == "compound" and head.pos_ == "NOUN":
        return _noun_members(head, mentions)
    if not found and time_preposition_of(noun) is not None:  # "lawmakers passed reforms ahead of EU membership"
        verb = clause_verb(noun)
        for _ in range(4):  # "lawmakers approved amendments needed to raise ... ahead of EU membership"
            found = [m for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                     for m in _mentions_in(list(c.subtree), mentions, ("country", "country_adj"))]
            if found or verb.head.i == verb.i:
                break
            verb = clause_verb(verb.head)
    if not found and noun.dep_ in ("nsubj", "nsubjpass", "dobj") and head.pos_ == "VERB":
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("with", "for"):
                found += _mentions_in(list(child.subtree), mentions, ("country",))
    if not found and noun.dep_ in ("dobj",) and head.pos_ == "VERB" and head.lemma_ not in membership_words().third_party_verb:
        found = _subjects(head, mentions)  # "X submitted its application"; not "the US blocked its application"
    return found


def _elsewhere_target(noun: Token, mentions: list[Span]) -> bool:
    """A membership noun whose from / into / to phrase names no organization ("withdrawal from
    Albania", "entry into force", "return to power")."""
    w = membership_words()
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in w.target_preposition):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if not _mentions_in(list(obj.subtree), mentions, ("organization",)) and obj.lemma_.lower() not in w.org_anaphor \
                    and obj.lower_ not in w.still_the_body and obj.lemma_.lower() not in w.currency_word:
                return True
    return False


def _organization_subject(verb: Token) -> Token | None:
    """The verb's subject is a word for an organization named before: "the bloc", or "it" with
    no country named before it in the sentence ("The union met. It took in X in 1973")."""
    for child in verb.children:
        if child.dep_ != "nsubj":
            continue
        if child.lemma_.lower() in membership_words().org_anaphor:
            return child
        if child.lower_ == "it" and not _pronoun_member(verb, list(verb.doc.spans[SPAN_KEY]) if SPAN_KEY in verb.doc.spans else []):
            return child
    return None


def _reporting_organization(pronoun: Token, mentions: list[Span]) -> Span | None:
    """The organization whose statement the pronoun's clause is ("X said it had admitted Y",
    "X announced that it would expel Y"): the subject of the verb the clause completes."""
    verb = pronoun.head
    if verb.dep_ not in ("ccomp", "xcomp") or verb.head.i == verb.i:
        return None
    reporting = verb.head
    subjects = [c for c in reporting.children if c.dep_ == "nsubj"]
    while not subjects and reporting.dep_ == "conj" and reporting.head.i != reporting.i:
        reporting = reporting.head  # "X, set up by Y, ... said it had": the subject the conjuncts share
        subjects = [c for c in reporting.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    inside = {t.i for s in subjects for t in s.subtree}
    found = [m for m in mentions if m.label_ == "organization" and m.root.i in inside]
    return min(found, key=lambda m: abs(m.root.i - subjects[0].i)) if found else None


def _pronoun_member(verb: Token, mentions: list[Span]) -> list[Span]:
    """'China ... when it joined the WTO': a pronoun subject stands for the nearest country
    named before it in the sentence."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("it", "they")]
    if not subjects:
        return []
    before = [m for m in mentions if m.label_ == "country" and verb.sent.start <= m.start < subjects[0].i]
    return before[-1:] if subjects[0].lower_ == "it" else []


def _organization_before(token: Token, mentions: list[Span], members: list[Span]) -> Span | None:
    """The organization named last before `token` in the document ("China's admission in 2001
    took 15 years", after a paragraph about the WTO)."""
    return _last_organization_before(token.i, mentions, {m.id_ for m in members})


def _organization(token: Token, mentions: list[Span], members: list[Span]) -> Span | None:
    """The organization a trigger is about: one named in its arguments, else a word referring
    back to the last one named ("the bloc"), else the one named in the sentence."""
    member_ids = {m.id_ for m in members}
    scope = list(token.subtree)
    if token.head is not token and token.dep_ in ("xcomp", "pobj", "acl"):
        scope += [t for t in token.head.subtree if t.i not in {s.i for s in scope}]
    in_args = [m for m in _mentions_in(scope, mentions, ("organization",)) if m.id_ not in member_ids]
    for child in token.children:
        if child.dep_ == "compound":
            in_args = _mentions_in([child], mentions, ("organization",)) + in_args
    if in_args:
        return min(in_args, key=lambda m: abs(m.root.i - token.i))
    if token.pos_ == "VERB" and (subject := _organization_subject(token)) is not None and (
            reporter := _reporting_organization(subject, mentions)) is not None:
        return reporter  # "the bank said on Thursday it had admitted X": it is the bank
    if any(t.lemma_.lower() in membership_words().org_anaphor or _pronoun_object(t, token) for t in scope) or (
            token.pos_ == "VERB" and _organization_subject(token) is not None):
        earlier = _last_organization_before(token.i, mentions, member_ids)
        if earlier is not None:
            return earlier
    in_sentence = [m for m in _mentions_in(token.sent, mentions, ("organization",)) if m.id_ not in member_ids]
    if in_sentence:
        return min(in_sentence, key=lambda m: abs(m.root.i - token.i))
    return None


def _org_attached(trigger: Token, org: Span | None) -> bool:
    """The organization is an argument of the verb (or referred to by 'the bloc' there)."""
    if org is None:
        return False
    subtree = {t.i for t in trigger.subtree}
    if org.root.i in subtree and direct_path(org.root, trigger):
        return True
    if trigger.dep_ in ("advcl", "xcomp", "conj") and any(
            c.dep_ in ("nsubj", "nsubjpass") and org.root.i in {t.i for t in c.subtree} for c in trigger.head.children):
        return True  # "the EU grew, adding Austria", "NATO expanded to take in Greece"
    return any((t.lemma_.lower() in membership_words().org_anaphor or _pronoun_object(t, trigger)) and direct_path(t, trigger)
               for t in trigger.subtree if t.dep_ in ("dobj", "pobj")) or _organization_subject(trigger) is not None


def _pronoun_object(token: Token, trigger: Token) -> bool:
    """'joined it', 'left it in 1976', 'was admitted to it': "it" as what the trigger acts on
    stands for the organization named before (as subject it is the member: `_pronoun_member`)."""
    return token.lower_ == "it" and (token.head.i == trigger.i and token.dep_ == "dobj"
                                     or token.dep_ == "pobj" and token.head.head.i == trigger.i)


def _holds(need: str, trigger: Token, org: Span | None, status_noun: str | None, salient: Span | None) -> bool:
    """Whether one `needs` condition of a pattern holds (any of its alternatives)."""
    for alternative in need.split(" or "):
        if alternative == "status_noun" and status_noun is not None:
            return True
        if alternative == "organization_attached" and _org_attached(trigger, org):
            return True
        if alternative == "organization_salient" and salient is not None:
            return True
        if alternative == "currency_object" and _currency_object(trigger):
            return True
        preps = tuple(alternative[5:].split(","))
        if alternative.startswith("prep:") and any(_has_prep(t, preps) for t in (trigger, *_complements(trigger))):
            return True
    return False


def _currency_object(verb: Token) -> bool:
    """'adopt the euro', 'switch to the single currency', 'introduce the common currency'."""
    w = membership_words()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    for obj in objects:
        if obj.lower_ == "euro" or any(c.lower_ == "euro" for c in obj.children if c.dep_ == "compound"):
            return True
        if obj.lemma_.lower() in w.currency_word and any(c.lower_ in ("single", "common") for c in obj.children):
            return True
    return False


def _complements(token: Token) -> list[Token]:
    """What completes a verb: its attribute ("been an observer since 2004") and direct object."""
    return [c for c in token.children if c.dep_ in ("attr", "acomp", "oprd", "dobj")]


def _fixed_organization(pattern: MembershipPattern, matched: Span) -> Span | None:
    """The organization a pattern names by itself ("the euro": EUROZONE), as a span over its last token."""
    if pattern.organization is None:
        return None
    doc = matched.doc
    return Span(doc, matched.end - 1, matched.end, label="organization", span_id=pattern.organization)


def _salient_organization(trigger: Token, mentions: list[Span], members: list[Span]) -> Span | None:
    """The organization the text is about at `trigger` when its own sentence names none: the last
    one named at most SALIENT_CHARS characters before its sentence (about two sentences of news)."""
    sentence = trigger.sent
    if any(m.label_ == "organization" for m in _mentions_in(sentence, mentions, ("organization",))):
        return None
    if any(c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in ("from", "to", "into", "of"))
           for c in trigger.children):
        return None  # "quit the talks", "left for Paris": the trigger names what it acts on
    earlier = _last_organization_before(sentence.start, mentions, {m.id_ for m in members})
    if earlier is None:
        return None
    # a window in characters, not sentences: the cascade merges sentences the model never read
    return earlier if sentence.start_char - earlier.end_char <= SALIENT_CHARS else None


def _has_prep(token: Token, preps: tuple[str, ...]) -> bool:
    return any(c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps for c in token.children)


def _status_in(token: Token) -> str | None:
    """The status a status noun near the trigger gives ("observer", "dialogue partner", "founding")."""
    status_words = membership_words().status
    listed = _list_tokens(token)
    for t in token.subtree:
        word = t.lower_ if t.lower_ in status_words else t.lemma_.lower()
        if word in status_words and t.i - token.i - len(listed & set(range(token.i, t.i))) < 8:
            if word == "partner" and not any(c.lower_ == "dialogue" for c in t.lefts) and t.i > 0 and t.doc[t.i - 1].lower_ != "dialogue":
                return "dialogue_partner" if t.head.lower_ == "country" or word == "partner" else None
            return status_words[word]  # "observers", "dialogue partners": the plural's lemma
    return None


def with_status_as(trigger: Token, action: str, status: str | None) -> tuple[str, str | None]:
    """A join or return whose "as" phrase names a standing takes it ("joined as observers"); a
    return as something less than a member is a join of that standing ("rejoined as an
    associate member": GUIDELINES 4.2, readmit is to full membership)."""
    if action not in ("join", "readmit") or (named := status_as(trigger)) is None:
        return action, status
    return ("join" if named != "member" else action), named


def status_as(trigger: Token) -> str | None:
    """The status an "as" phrase of the trigger names ("joined as an observer", "admitted X and Y
    as observers", "rejoined as an associate member"); None for "as a full member" or no phrase."""
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for noun in prep.children:
                if noun.dep_ == "pobj" and (status := _status_in(noun)) is not None:
                    return status
    return None


def _list_tokens(token: Token) -> set[int]:
    """Token indices of the country names in `token`'s sentence and the commas and "and"s
    between them: a long list of members does not push a status word out of reach."""
    doc = token.doc
    spans = doc.spans[SPAN_KEY] if SPAN_KEY in doc.spans else []
    sentence = token.sent
    out = {i for m in spans if m.label_ == "country" and sentence.start <= m.start < sentence.end for i in range(m.start, m.end)}
    out |= {t.i for t in sentence if t.lower_ in (",", "and", "the") and (t.i - 1 in out or t.i + 1 in out)}
    return out


def _process_of(noun: Token) -> str | None:
    """'accession talks', 'membership bid', 'the application for membership' -> apply; 'membership
    ambitions' -> none; None when the noun stands alone."""
    w = membership_words()
    if noun.dep_ == "compound" and noun.head.lower_ in w.process_noun:
        return w.process_noun[noun.head.lower_]
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.lower_ in w.process_noun:
        return w.process_noun[noun.head.head.lower_]
    for child in noun.children:
        if child.dep_ == "compound" and child.lower_ in w.process_noun:
            return w.process_noun[child.lower_]
    return None


def _awaits_decision(noun: Token) -> bool:
    """'the admittance of X would be decided in July', 'Ukraine's accession will be discussed':
    a membership under decision is a pending application, whatever the modality of the decision."""
    return noun.dep_ in ("nsubjpass", "dobj") and membership_words().decision_verb.get(noun.head.lemma_) is not None


def _verb_over_noun(noun: Token) -> str | None:
    w = membership_words()
    head = noun.head
    while head.pos_ not in ("VERB",) and head.dep_ in ("compound", "pobj", "prep", "dobj") and head.head is not head:
        head = head.head
    if head.pos_ == "VERB" and noun.dep_ in ("nsubjpass", "dobj", "nsubj", "pobj", "compound"):
        return w.noun_verb.get(head.lemma_)
    return None


def _founders(verb: Token, mentions: list[Span]) -> tuple[list[Span], Span | None]:
    """'established by China, Kazakhstan ...' / 'China and Russia founded the SCO'."""
    agents = [c for c in verb.children if c.dep_ == "agent"]
    if agents:
        members = _mentions_in(list(agents[0].subtree), mentions, ("country", "organization"))
        if verb.dep_ == "acl":
            org = next((m for m in mentions if m.label_ == "organization" and m.root.i == verb.head.i), None)
        else:
            org = next(iter(_mentions_in([t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree], mentions, ("organization",))), None)
        if org is None and verb.dep_ == "advcl":  # "Created in 1949 by A and B, NATO now has ..."
            org = next(iter(_mentions_in([t for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree],
                                         mentions, ("organization",))), None)
        return [m for m in members if org is None or m.id_ != org.id_], org
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if objects:
        orgs = [o for o in _mentions_in(list(objects[0].subtree), mentions, ("organization",))
                if o.root.i == objects[0].i]  # "set up OPEC", not "set up a national ASEAN unit"
        if not orgs and objects[0].lemma_.lower() in membership_words().org_anaphor:
            earlier = _last_organization_before(verb.i, mentions, set())
            orgs = [earlier] if earlier is not None else []  # "helped found the organization in 1969"
        if orgs:
            members = [m for m in _subjects(verb, mentions) if m.label_ == "country"]
            return members, orgs[0]
    return [], None


def _founding_members(member_noun: Token, mentions: list[Span]) -> tuple[list[Span], Span | None]:
    """'X was a founding member of Y' / 'Y's founding members, A, B and C' / 'A and B are founding members'."""
    members: list[Span] = []
    holder = member_noun
    if holder.dep_ == "pobj" and holder.head.lower_ in ("of", "among") and holder.head.head.i != holder.head.i:
        holder = holder.head.head  # "one of the five founders", "among the founders"
    if holder.dep_ == "attr":
        members = _subjects(holder.head, mentions)
    elif holder.dep_ == "appos":  # "Kuwait, one of the founders of OPEC"
        members = [m for m in mentions if m.root.i == holder.head.i and m.label_ == "country"]
    elif member_noun.dep_ in ("nsubj", "nsubjpass") and member_noun.head.lemma_ == "be":  # "its founders were A and B"
        members = _mentions_in([t for c in member_noun.head.children if c.dep_ == "attr" for t in c.subtree],
                               mentions, ("country",))
    for child in member_noun.children:
        if child.dep_ in ("appos", "prep") and child.lower_ not in ("of", "in"):
            members += _mentions_in(list(child.subtree), mentions, ("country",))
        if child.dep_ == "appos":
            members += _mentions_in(list(child.subtree), mentions, ("country",))
    org = _organization(member_noun, mentions, members)
    return members, org


def _ordinal_near(trigger: Token) -> int | None:
    """'the 10th member state', 'its tenth member' in the trigger's phrase."""
    scope = list(trigger.subtree)
    if trigger.head is not trigger:
        scope += [t for t in trigger.head.subtree if abs(t.i - trigger.i) <= 8]
    for t in scope:
        text = t.lower_
        if t.head.lemma_ in membership_words().member_nouns or t.head.head.lemma_ in membership_words().member_nouns:
            if text[:-2].isdigit() and re.fullmatch(ordinal_suffix(), text[-2:]):
                return int(text[:-2])
            if ordinal_value(text) is not None and text != "first":
                return ordinal_value(text)
    return None


def with_respective_dates(found: list[MembershipMention], dates: DateIndex, mentions: list[Span]) -> list[MembershipMention]:
    """Each member of a list with its own date of a list, in order, where a word of
    respective_word pairs them ("Poland and Bulgaria joined the EU in 2004 and 2007 respectively",
    "..., in 2004 and 2007, respectively", "In 2004 and 2007 respectively, ..."): the members of
    one trigger, in the order the sentence names them, take the dates of the list that ends at the
    word, one by one, when there are as many of each."""
    words = membership_words().respective_word
    if not found or not any(word in text_of(found[0].trigger.doc).lower() for word in words):
        return found
    by_trigger: dict[int, list[MembershipMention]] = {}
    for m in found:
        if m.when is None:
            by_trigger.setdefault(m.trigger.i, []).append(m)
    paired: dict[int, MembershipMention] = {}
    for group in by_trigger.values():
        sentence = group[0].sentence
        word = next((t for t in sentence if t.lower_ in words), None)
        if word is None or len({m.member for m in group}) < 2:
            continue
        order = _member_order(sentence, mentions, group)
        listed = _date_list_ending_at(text_of(sentence.doc), word.idx, [d for d, _ in dates.in_sentence(sentence)])
        if order is None or len(listed) != len(order):
            continue
        for m in group:
            paired[id(m)] = replace(m, when=listed[order.index(m.member)])
    return [paired.get(id(m), m) for m in found]


@cache
def _date_list_joint() -> re.Pattern:
    """What stands between two dates of a list: commas and the words of date_list_joint (", ",
    " and in ")."""
    return re.compile(r"[\s,]*(?:" + alternation(membership_words().date_list_joint) + r"\s+)*")


def _date_list_ending_at(text: str, end: int, dates: list) -> list:
    """The dates of a list that ends just before `end` ("in 2004 and 2007, respectively"), in
    order: the last date before it with only a comma or spaces between, and each date before that
    one joined by a comma, "and" or "in"."""
    before = sorted((d for d in dates if d.end <= end), key=lambda d: d.start)
    if not before or text[before[-1].end:end].strip(" ,\n\t"):
        return []
    listed = [before[-1]]
    for d in reversed(before[:-1]):
        if not _date_list_joint().fullmatch(text[d.end:listed[0].start]) or d.end > listed[0].start:
            break
        listed.insert(0, d)
    return listed


def with_further_standings(found: list[MembershipMention], dates: DateIndex) -> list[MembershipMention]:
    """A standing coordinated with the first one of a join, with a date of its own, is a change of
    its own: "became a dialogue partner in 2009 and a full member in 2016", "was granted observer
    status in 2005 and full membership in 2010", "..., an observer in 2012 and a full member in
    2016": a join of that standing (an application for a candidate's) on that date, per member.
    A mention read on a further standing ("... and full membership in 2016") takes that one's
    status and date, and the first standing is added with its own."""
    out: list[MembershipMention] = []
    have = {(m.trigger.i, m.member, m.status) for m in found}
    for m in found:
        verb = _standing_verb(m.trigger)
        standings = _standings(verb, dates) if m.action in ("join", "apply") and m.when is None and verb is not None else []
        further = [(noun, when) for noun, when in standings[1:] if when is not None]
        if not further:
            out.append(m)
            continue
        own = next(((noun, when) for noun, when in further if noun.i == m.trigger.i), None)
        if own is None:
            out.append(m)  # read on the verb or the first standing: its own date stands
            extra = further
        else:
            out.append(_as_standing(m, *own))
            extra = [s for s in standings if s[0].i != m.trigger.i and s[1] is not None]
        for noun, when in extra:
            standing = _as_standing(m, noun, when)
            if standing.status != "founding_member" and (m.trigger.i, m.member, standing.status) not in have:
                have.add((m.trigger.i, m.member, standing.status))
                out.append(standing)
    return out


def with_further_organizations(found: list[MembershipMention], dates: DateIndex, mentions: list[Span]) -> list[MembershipMention]:
    """A further organization the change's verb takes, with a date of its own, is the same change
    in that body: "Poland joined NATO in 1999 and the EU in 2004", "Britain left the EU in 2020
    and Euratom in 2021"; the date of each is the one after its own name."""
    out: list[MembershipMention] = []
    have = {(m.trigger.i, m.member, m.organization) for m in found}
    for m in found:
        out.append(m)
        verb = _standing_verb(m.trigger)
        if m.when is not None or verb is None:
            continue
        own = {d.start: d for d, _ in dates.in_sentence(verb.sent)}
        for org in _further_objects(verb, m, mentions):
            when = _date_right_after(org.root, own)
            if when is not None and (m.trigger.i, m.member, org.id_) not in have:
                have.add((m.trigger.i, m.member, org.id_))
                out.append(replace(m, organization=org.id_, organization_name=org.text, when=when, frame=m.frame or "further_organization"))
    return out


def _further_objects(verb: Token, m: MembershipMention, mentions: list[Span]) -> list[Span]:
    """The organizations named as objects of `verb` coordinated after the mention's own ("NATO
    ... and the EU", "admitted to NATO ... and to the EU"), when the mention's own is its first
    object; the parse may hang the second on the first one's date ("in 1999 and Euratom")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "conj") and c.pos_ in ("PROPN", "NOUN")]
    pobjs = [(p, o) for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    first = next((span for span in _mentions_in(verb.sent, mentions, ("organization",)) if span.id_ == m.organization), None)
    if first is not None and first.root.dep_ == "pobj":  # "admitted to NATO ... and (to) the EU"
        objects += [o for p, o in pobjs if p.lower_ == first.root.head.lower_]
    objects += [c for _, o in pobjs if o.like_num or o.ent_type_ == "DATE" for c in o.children if c.dep_ == "conj"]
    objects += [c for o in list(objects) for c in o.children if c.dep_ == "conj"]
    named = {span.root.i: span for span in _mentions_in(objects, mentions, ("organization",))}
    ordered = [named[i] for i in sorted({o.i for o in objects}) if i in named]
    if len(ordered) < 2 or ordered[0].id_ != m.organization:
        return []
    return [org for org in ordered[1:] if org.id_ != m.organization]


def _as_standing(m: MembershipMention, noun: Token, when) -> MembershipMention:
    status = _status_in(noun) or "member"
    return replace(m, action="apply" if status == "candidate" else "join", status=status, when=when, frame=m.frame or "further_standing")


def _standing_verb(trigger: Token) -> Token | None:
    """The verb whose object or predicate the trigger is ("gained ... full membership"), or the
    trigger itself when it is a verb."""
    token = trigger
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.dep_ not in ("dobj", "attr", "conj") or token.head.i == token.i:
            return None
        token = token.head
    return None


def _standings(verb: Token, dates: DateIndex) -> list[tuple[Token, Any]]:
    """The standings a verb gives, in order: its first object or predicate ("status" in "gained
    observer status", "partner" in "became a partner"), then the status nouns after it that are
    further objects or coordinated with one ("... and a full member", "..., an observer in 2012
    and ..."), each with the date that follows its phrase after a date preposition ("in 2016"), or
    None (one change may have several names: only a dated one is another change)."""
    statuses = membership_reasons()["status_noun"]
    objects = [c for c in verb.children if c.dep_ in ("attr", "dobj", "conj") and c.pos_ in ("NOUN", "PROPN")]
    if not objects:
        return []
    first = min(objects, key=lambda t: t.i)
    standings = {c for c in objects if c.i > first.i and c.lemma_.lower() in statuses}
    standings |= {c for s in (first, *standings) for c in s.children if c.dep_ == "conj" and c.lemma_.lower() in statuses}
    own = {d.start: d for d, _ in dates.in_sentence(verb.sent)}
    return [(noun, _date_right_after(noun, own)) for noun in [first, *sorted(standings, key=lambda t: t.i)]]


def _date_right_after(noun: Token, dates_by_start: dict) -> Any:
    """The date that follows `noun`'s phrase after a preposition of date_preposition, past other
    prepositional phrases ("a full member in 2016", "observer status in the SCO in 2009", "full
    membership from 1 May 2004"), or None."""
    doc, edge = noun.doc, noun.i
    for _ in range(4):
        after = edge + 1
        if after + 1 >= len(doc) or doc[after].dep_ != "prep":
            return None
        if doc[after].lower_ in membership_words().date_preposition and doc[after + 1].idx in dates_by_start:
            return dates_by_start[doc[after + 1].idx]
        edge = max(t.i for t in doc[after].subtree)
    return None


def _member_order(sentence: Span, mentions: list[Span], group: list[MembershipMention]) -> list[str] | None:
    """The members of `group` in the order the sentence first names them, or None when one of them
    is not named there (a pronoun, a name from another sentence)."""
    first: dict[str, int] = {}
    for span in _mentions_in(sentence, mentions, ("country", "organization")):
        first.setdefault(span.id_ if span.id_ else span.text, span.start)
    members = {m.member for m in group}
    if not members <= set(first):
        return None
    return sorted(members, key=lambda member: first[member])


def _with_enumeration(found: list[MembershipMention], dates: DateIndex, mentions: list[Span]) -> list[MembershipMention]:
    """The mentions of one trigger, with the items of an elliptical enumeration after its date:
    "Denmark joined the EC in 1973, followed by Greece in 1981, Spain and Portugal in 1986" gives
    Greece 1981, Spain and Portugal 1986 (same organization, action and status). After the
    trigger's own date the text may hold only country names, dates and linking words; an item's
    date must end the item ("..., and France in 2003 criticised" is a clause of its own)."""
    first = found[0]
    anchor = membership_date(first, dates)
    if anchor is None:
        return found
    doc, sentence = first.trigger.doc, first.sentence
    starts = {d.start: d for d, _ in dates.in_sentence(sentence) if d.start >= anchor.end}
    countries = {m.start_char: m for m in _mentions_in(sentence, mentions, ("country",)) if m.start_char >= anchor.end}
    items: list[tuple[list[Span], Any]] = []
    pending: list[Span] = []
    i = covering_span(doc, anchor.start, anchor.end).end
    while i < sentence.end:
        token = doc[i]
        if token.idx in countries:
            pending.append(countries[token.idx])
            i = countries[token.idx].end
        elif token.idx in starts and pending:
            timex = starts[token.idx]
            i = covering_span(doc, timex.start, timex.end).end
            if i < sentence.end and doc[i].lower_ not in membership_words().item_end:
                break
            items.append((pending, timex))
            pending = []
        elif token.lower_ in membership_words().enumeration_link:
            i += 1
        else:
            break
    if not items:
        return found
    itemized = {m.id_ for members, _ in items for m in members}
    out = [m for m in found if m.member not in itemized]
    for members, timex in items:
        for member in members:
            out.append(replace(first, member=member.id_, member_name=member.text, member_kind="country", when=timex))
    return out


def membership_date(m: MembershipMention, dates: DateIndex, fallback: bool = True):
    """The date of a membership change (`_change_date`), unless it dates the saying of the clause
    the change is told in ("X said on Thursday that it would leave Y": Thursday is the saying's)."""
    when = _change_date(m, dates, fallback)
    return None if when is not None and _dates_the_saying(when, m.trigger, dates, m.action) else when


def _dates_the_saying(when, trigger: Token, dates: DateIndex, action: str = "") -> bool:
    """The date hangs on a reporting verb ("said on Thursday", "announced Monday") whose
    that-clause holds the trigger, and that clause tells no application made as it is said ("said
    on Thursday that it would leave", "had left", "is leaving"; not "announced on Friday that it is
    applying")."""
    root = next((r for t, r in dates.in_sentence(trigger.sent) if t is when), None)
    if root is None:
        return False
    head = root.head.head if root.head.dep_ == "prep" else root.head
    clause = clause_verb(trigger)
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if head.lemma_.lower() not in membership_words().reporting_verb or clause.dep_ != "ccomp" or clause.head.i != head.i:
        return False
    if action == "apply" and tense_of(clause) == "present" and not is_present_perfect(clause):
        return False  # "announced on Friday that it is applying": an application made as it is said ("is leaving" is planned)
    return head.i < root.i < clause.i and root.i - head.i <= 3  # "said on Thursday that it ...", beside the verb


def _founding_date(m: MembershipMention, dates: DateIndex):
    """A founder's date where the organization's own phrase gives its creation ("founding members
    of X, established in 1992", "X, which was created on 21 May 1952"), else None."""
    for timex, root in dates.in_sentence(m.trigger.sent):
        verb = clause_verb(root)
        if verb.dep_ not in ("acl", "relcl") or verb.lemma_.lower() not in membership_words().founding_verb or verb.head.i == verb.i:
            continue
        phrase = verb.head  # the organization, or the noun phrase holding the trigger ("one of the founding members")
        if any(t.i == phrase.i for t in m.trigger.subtree) or (phrase.pos_ in ("NOUN", "NUM", "PRON", "PROPN")
                                                                and m.trigger in phrase.subtree):
            return timex
    return None


def _change_date(m: MembershipMention, dates: DateIndex, fallback: bool = True):
    """The date of a membership change (`_clause_date`); with `fallback`, an undated change told
    as the news is dated by the act named again just after (`_act_dated_after`), an application
    only when it is a decision ("has granted X candidate status"), never talks or a bid."""
    when = _clause_date(m, dates, fallback)
    if when is None and fallback and (m.action != "apply" or _application_act(m.trigger)):
        return _act_dated_after(m.trigger, dates)
    return when


def _clause_date(m: MembershipMention, dates: DateIndex, fallback: bool = True):
    """The date of a membership change in its own sentence: its enumeration item's own date; talks
    by their own clause, an application strictly by its clause ("waiting to join ... by 2006" dates
    the hoped-for join), others by their clause or (with `fallback`) the sentence's only date."""
    if m.when is not None:
        return m.when
    if m.action in EFFECTIVE_ACTIONS and (effective := _effective_date(m.trigger, dates)) is not None:
        return effective
    if m.action == "apply":
        # GUIDELINES 4.2: an application is dated by the application or candidacy decision, not by
        # talks, bids or efforts under way ("started entry talks in October": no date)
        if m.trigger.lower_ in membership_words().application_noun and (own := dates.attached_to(m.trigger.sent, {m.trigger.i})) is not None:
            return own  # "X's application in June 2012 to join ...": the application's own date
        if not _application_act(m.trigger):
            return _since(m.trigger, dates)  # "a candidate since 1999" dates the candidacy; talks and bids none
        if _named_standing(m.trigger):  # "On 4 May, the bloc named X and Y candidates": the parse may hang the date anywhere
            return dates.for_token(m.trigger)
        return dates.for_token(m.trigger, fallback=False, strict=True)
    if m.trigger.pos_ == "NOUN" and (appos := _apposition_of(m.trigger)) is not None:
        # "In 2004, X, a founding member of Y, said ...": 2004 dates the saying; "X and Z, members
        # of Y since 2015, ...": the parse hangs "since" on the name the phrase is set beside
        return dates.inside(m.trigger) or next((timex for timex, root in dates.in_sentence(m.trigger.sent)
                                                if root.head.lower_ in membership_words().since_word and root.head.head.i == appos.head.i), None)
    if m.action == "found" and (created := _founding_date(m, dates)) is not None:
        return created
    if m.frame == "founding_noun":  # "a founder member ... but left it in 1976": only a date of its own
        return dates.for_token(m.trigger, fallback=False, strict=True)
    if _object_controlled(m.trigger):  # "gave Latvia the green light last July to join": July dates the decision
        return dates.inside(m.trigger)
    if (copula := _copula_of(m.trigger)) is not None and dates.inside(m.trigger) is None:
        return dates.for_token(copula, fallback=fallback)  # "on Sunday became the first nation to join"
    return dates.for_token(m.trigger, fallback=fallback)


def _copula_of(trigger: Token) -> Token | None:
    """The copula cue whose attribute the trigger's infinitive describes ("became the first nation
    to join": became), else None."""
    noun = trigger.head
    if trigger.dep_ not in ("acl", "relcl") or noun.dep_ != "attr" or noun.head.i == noun.i:
        return None
    return noun.head if noun.head.lemma_.lower() in membership_reasons()["copula_cue"] else None


ACT_CHARS = 400  # how far after an undated change's sentence the act may be named again (about three sentences)


def _act_dated_after(trigger: Token, dates: DateIndex):
    """The date of an undated change told as the news in the present perfect ("The council has
    granted X candidate status", "X has become the 28th member") from a sentence just after that
    names the act again with a date of its own: "announced the decision on Thursday evening",
    "Under Thursday's resolution", "membership became effective at midnight on Sunday"."""
    if dates.in_sentence(trigger.sent) or not is_present_perfect(clause_verb(trigger)):
        return None
    doc, sentence = trigger.doc, trigger.sent
    limit = sentence.end_char + ACT_CHARS
    while sentence.end < len(doc) and sentence.end_char < limit:
        sentence = doc[sentence.end].sent
        for token in sentence:
            if token.idx >= limit:
                return None
            if token.pos_ == "NOUN" and token.lemma_.lower() in membership_words().act_noun and _definite(token):
                when = _own_date(token, dates)
                if when is not None:
                    return when
    return None


def _definite(noun: Token) -> bool:
    """'the decision', "Thursday's resolution", 'membership'; not 'a decision'."""
    return not any(c.dep_ == "det" and c.lower_ in membership_words().indefinite_determiner for c in noun.children)


def _own_date(noun: Token, dates: DateIndex):
    """A date of the noun itself ("Thursday's resolution", "the vote on Thursday") or of the clause
    it is the subject or object of ("announced the decision on Thursday", "membership became
    effective on Sunday")."""
    for timex, root in dates.in_sentence(noun.sent):
        if root.head.i == noun.i or (root.head.dep_ == "prep" and root.head.head.i == noun.i):
            return timex
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return dates.for_token(noun.head, fallback=False, strict=True)
    return None


def _effective_date(trigger: Token, dates: DateIndex):
    """The date of a conjoined clause saying the change took effect ("was signed on 26 March 1991
    by A and B and came into force on 29 November 1991", "signed in May, and its membership took
    effect on 1 July"): for a join, leave or founding the effective date beats the decision's
    (GUIDELINES 4.2). None when no such clause has a date of its own."""
    clause = clause_verb(trigger)
    for verb in clause.conjuncts:
        if verb.pos_ in ("VERB", "AUX") and takes_effect(verb):
            when = dates.for_token(verb, fallback=False, strict=True)
            if when is not None:
                return when
    carrier = clause
    while carrier.dep_ in ("prep", "pcomp") and carrier.head.i != carrier.i:
        carrier = carrier.head  # "a decision was made regarding X's accession, effective ...": the verb "regarding" hangs on
    effective = {c.i for v in {clause, carrier} for c in v.children if c.lower_ in membership_words().effect_adjective}
    for timex, root in dates.in_sentence(trigger.sent):  # "..., effective from 1 May", "leave X effective 1 January"
        if effective & {a.i for a in root.ancestors}:
            return timex
    return None


def takes_effect(verb: Token, plain: bool = True) -> bool:
    """'came into force', 'entered into force', 'took effect', and with `plain` 'became effective'
    (without it only the idioms whose verb is no change of its own: "X will leave the bloc
    effective 1 March" and "the membership became effective" still tell the change)."""
    w = membership_words()
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in w.effect_preposition and any(g.dep_ == "pobj" and g.lower_ in w.effect_word for g in c.children):
            return True  # "into force", "into effect"
        if c.dep_ == "dobj" and c.lower_ in w.effect_object:
            return True  # "took effect"
        if plain and c.dep_ in ("acomp", "attr", "oprd") and c.lower_ in w.effect_adjective:
            return True  # "became effective"
    return False


def _apposition_of(noun: Token) -> Token | None:
    """The phrase set beside a name that the noun is in ("X, a founding member of Y, said"), not
    its clause's predicate (the clause's date is not the noun's); else None."""
    current = noun
    while current.dep_ in ("compound", "amod", "pobj", "prep", "conj") and current.head.i != current.i:
        current = current.head
    return current if current.dep_ == "appos" else None


def _named_standing(token: Token) -> bool:
    """The status noun is what a naming verb makes of its object ("named X and Y official candidate
    countries", "declared X a member state"), however the parse hangs the noun phrase on the names."""
    phrase = token.head if token.dep_ in ("compound", "amod") else token
    while phrase.dep_ in ("appos", "conj", "nmod", "pobj", "prep") and phrase.head.i != phrase.i and phrase.head.pos_ != "VERB":
        phrase = phrase.head  # "named X as candidates", "named X together with Y candidate countries" (the parse's pobj)
    return phrase.dep_ in ("oprd", "ccomp", "dobj", "attr", "appos", "prep") and phrase.head.lemma_.lower() in membership_words().naming_verb


def _since(trigger: Token, dates: DateIndex):
    """The date of a standing held since then ("has been a candidate member since 1999"): a date
    under "since" in the trigger's clause, else None."""
    clause = clause_verb(trigger)
    for timex, root in dates.in_sentence(trigger.sent):
        if root.head.lower_ in membership_words().since_word and clause_verb(root.head).i == clause.i:
            return timex
    return None


def _object_controlled(trigger: Token) -> bool:
    """'gave X the green light to join', 'allowed X to join': the change is the object's, and the
    governing verb is a decision about it, dated on its own."""
    return _infinitive_of(trigger) and trigger.head.pos_ == "VERB" and any(
        c.dep_ in ("dative", "dobj") and c.pos_ == "PROPN" for c in trigger.head.children)


def _infinitive_of(verb: Token) -> bool:
    """An infinitive completing the verb above it ("allowed X to join", "gave X the green light to join")."""
    return verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))




def _application_act(trigger: Token) -> bool:
    """The trigger is the act of applying or of granting candidacy: "applied", "submitted its
    application", "granted candidate status"; not talks, a bid, efforts or a course."""
    w = membership_words()
    if trigger.pos_ == "VERB":
        return trigger.lemma_ in w.applying_verb or (hedge_of(trigger) is None and trigger.lemma_ in w.noun_verb
                                                          and _status_in(trigger) == "candidate")
    if trigger.dep_ == "compound" and trigger.head.lower_ in w.application_noun:
        trigger = trigger.head  # "a membership request from X was received in 2009": the request is the act
    if _status_in(trigger) == "candidate" and _named_standing(trigger):
        return True  # "the bloc named X and Y official candidate countries": the naming grants it
    verb = realising_verb(trigger)
    return trigger.lower_ in w.application_noun \
        and verb.i != trigger.i and w.noun_verb.get(verb.lemma_) in ("apply", "join")
