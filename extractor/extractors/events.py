"""Dated events: a trigger word (data/event_triggers.tsv) with a date in its own sentence,
a location, participants and a status (past / ongoing / scheduled)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Callable, get_args

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor.core.context import context_of, write_spans
from extractor.core.records import Entity, Event, EventKind, Evidence, Participant, ParticipantKind
from extractor.extractors.temporal.anchor import TimexSpan
from extractor.extractors.temporal.component import dates_of
from extractor.language.lexicon import DataFileError, membership_words, read_tsv
from extractor.linking.dates import DateIndex, DatedChange, date_ref
from extractor.linking.mentions import evidence, with_later_evidence
from extractor.linking.participants import direct_path
from extractor.nlp.entities import SPAN_KEY, entity
from extractor.nlp.modality import governing_chain, hedge_of, topic_of, unreal_marker, words
from extractor.nlp.spans import Spans
from extractor.nlp.syntax import clause_verb, tense_of

EVENT_KINDS: tuple[str, ...] = get_args(EventKind)
PLACE_LABELS = ("GPE", "LOC", "FAC")
MEMBERSHIP_EVENT_KIND = {"join": "accession", "found": "founding", "leave": "withdrawal",
                         "suspend": "suspension", "expel": "expulsion", "readmit": "readmission",
                         "apply": "application"}  # the event a dated membership change is


@dataclass(frozen=True)
class EventMention:
    trigger: Token
    kind: str
    date: TimexSpan
    location: str | None
    participants: tuple[Participant, ...]
    status: str
    sentence: Span


@cache
def triggers() -> dict[tuple[str, str], tuple[str, str]]:
    """(lemma, POS or ANY) -> (kind, needs): the rows of event_triggers.tsv, and the noun of each
    verb and the verb of each noun by English derivation ("ratify" gives "ratification", "invasion"
    gives "invade"), unless the table says otherwise. A derived string that is no word never
    matches a token, so no word list is needed to check them."""
    table = {(lemma, pos): (kind, needs) for lemma, pos, kind, needs in read_tsv("event_triggers.tsv", 4)}
    unknown = sorted({kind for kind, _ in table.values()} - set(EVENT_KINDS) - {"none"})
    if unknown:
        raise DataFileError(f"data/event_triggers.tsv: kinds {unknown} are not event kinds; "
                            "add them to EventKind in extractor/core/records.py (the schema lists its values) or use a listed kind")
    derived: dict[tuple[str, str], tuple[str, str]] = {}
    for (lemma, pos), (kind, needs) in table.items():
        for other_pos, form in _derivations(lemma, pos):  # name / singular / plural are about one noun
            derived.setdefault((form, other_pos), (kind, needs if needs in ("organization", "partner", "body", "act") else "-"))
    return {**{k: v for k, v in derived.items() if k not in table and (k[0], "ANY") not in table}, **table}


# (ending of the verb to take off, ending of the noun to put on): elect/election, create/creation,
# ratify/ratification, occupy/occupation, agree/agreement, approve/approval, close/closure,
# invade/invasion, suspend/suspension, introduce/introduction, accede/accession
NOMINALIZATIONS = (("", "ion"), ("e", "ion"), ("e", "ation"), ("", "ation"), ("y", "ication"), ("y", "ation"),
                   ("", "ment"), ("e", "al"), ("de", "sion"), ("d", "sion"), ("e", "ure"), ("e", "tion"),
                   ("de", "ssion"))
VERB_OF_NOUN_ONLY = (("", "al"),)  # withdrawal -> withdraw (but not sign -> signal)


def _derivations(lemma: str, pos: str) -> list[tuple[str, str]]:
    out = []
    if pos in ("VERB", "ANY"):
        out += [("NOUN", lemma[:len(lemma) - len(strip)] + add) for strip, add in NOMINALIZATIONS
                if lemma.endswith(strip) and len(lemma) > len(strip) + 2]
    if pos in ("NOUN", "ANY"):
        out += [("VERB", lemma[:-len(add)] + strip) for strip, add in (*NOMINALIZATIONS, *VERB_OF_NOUN_ONLY)
                if lemma.endswith(add) and len(lemma) > len(add) + 2]
    return [(p, form) for p, form in out if len(form) >= 4]  # "final" -> "fin": too short to be a word of its own


def _table_row(token: Token) -> tuple[str, str] | None:
    """(kind, needs) of the trigger table for the token's lemma and part of speech; None for a
    word that is no trigger, or that the table says is no event (a derived form it does not want)."""
    lemma = token.lemma_.lower()
    pos = "VERB" if token.pos_ in ("VERB",) else "NOUN" if token.pos_ in ("NOUN", "PROPN") else None
    if pos is None:
        return None
    table = triggers()
    hit = table.get((lemma, pos)) or table.get((lemma, "ANY"))
    return hit if hit is not None and hit[0] != "none" else None


def may_trigger(token: Token) -> bool:
    """Could the token be an event trigger once its entities are known? Read from the parse
    alone: the cascade runs NER only on sentences that hold one (see `trigger_kind`, the only
    reader of entities here besides the place and the participants of a trigger)."""
    return _table_row(token) is not None


def trigger_kind(token: Token) -> str | None:
    hit = _table_row(token)
    if hit is None:
        return None
    kind, needs = hit
    if needs == "name" and not token.text[:1].isupper():
        return None
    if needs == "singular" and token.tag_ in ("NNS", "NNPS"):
        return None
    if needs == "plural" and token.tag_ not in ("NNS", "NNPS"):
        return None
    if needs == "organization" and not _names_organization(token):
        return None
    if needs == "partner" and not _has_partner(token):
        return None
    if needs == "body" and not _founds_a_body(token):
        return None
    if needs == "act" and not _undoes_an_act(token):
        return None
    if needs == "clause" and not any(c.dep_ in ("xcomp", "ccomp") for c in token.children):
        return None  # "invited Chile to join" decides; "invited to a dinner" does not
    if needs == "taken" and not (token.dep_ in ("dobj", "nsubjpass") and token.head.pos_ == "VERB"):
        return None  # "assumed the presidency in July" starts a term; "with the Finnish presidency holding ..." is the term
    if needs == "unaddressed" and any(c.dep_ in ("ccomp", "dative") or (c.dep_ == "prep" and c.lower_ == "to")
                                      for c in token.children):
        return None
    if needs == "agent" and any(c.dep_ == "nsubj" and c.ent_type_ not in PARTNER_LABELS and c.pos_ not in ("PRON", "PROPN")
                                for c in token.children):
        return None  # "a setback arrived"; "the king arrived", "after arriving in Ankara" are visits
    if needs.startswith("prt:") and not _has_particle(token, needs[4:]):
        return None
    if needs == "crowd" and not _crowd_goes(token):
        return None  # "protesters rallied", "thousands marched"; not "shares rallied", "rallied behind the leader"
    if needs == "lowercase" and not _written_as_a_common_word(token):
        return None  # "a march through the city", "Riots broke out"; not the month "March", nor "Monsoon Wedding"
    if needs == "site" and not _takes_a_site(token):
        return None  # "stormed the embassy", "seized the town"; not "stormed to victory", "seized power"
    if needs == "ruler" and not _removes_a_ruler(token):
        return None  # "ousted the president", "the regime was toppled"; not "Chelsea were ousted from the cup"
    if needs == "unquoted" and _is_a_market_quote(token):
        return None  # "the plant closed"; not "shares closed lower"
    if needs.startswith("with:") and not _has_word(token, needs[5:]):
        return None
    return kind


EVENT_WORD_LISTS = ("body", "actor_preposition", "nominal_actor_preposition", "phrase_preposition", "support_verb",
                    "crowd", "backing_preposition", "market", "site", "ruler")


@cache
def event_words() -> dict[str, frozenset[str]]:
    """The word lists of data/event_words.tsv by name (EVENT_WORD_LISTS); DataFileError names a
    line whose list is not one of them."""
    rows = read_tsv("event_words.tsv", 2)
    unknown = [f"  {name}\t{word}" for name, word in rows if name not in EVENT_WORD_LISTS]
    if unknown:
        raise DataFileError("data/event_words.tsv: lines with an unknown list (use one of "
                            f"{', '.join(EVENT_WORD_LISTS)}):\n" + "\n".join(unknown))
    return {name: frozenset(word for list_name, word in rows if list_name == name) for name in EVENT_WORD_LISTS}


def body_words() -> frozenset[str]:
    """What is founded, created or established ("agency", "council")."""
    return event_words()["body"]


def _founds_a_body(token: Token) -> bool:
    """'created a task force', 'established the agency', 'the fund's creation'; not 'created jobs'."""
    if token.pos_ == "NOUN":
        return True  # "the creation of the agency" / "its creation": the noun names the founding itself
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ in ("acl", "relcl") and token.head.i != token.i:
        objects.append(token.head)  # "The CSN, established on 8 December 2004, ..."
    mentions = token.doc.spans[SPAN_KEY] if SPAN_KEY in token.doc.spans else []
    for obj in objects:
        if obj.ent_type_ == "ORG" or obj.lemma_.lower() in body_words():
            return True
        if any(m.label_ == "organization" and m.root.i == obj.i for m in mentions):
            return True
    return False


PARTNER_LABELS = ("PERSON", "ORG", "NORP", "GPE")


def _undoes_an_act(token: Token) -> bool:
    """'revoked its withdrawal', 'the decision was reversed', 'the revocation of the ban': what
    is undone is an act (an event word or a membership change), not a trend ('reversed losses')."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(_table_row(o) is not None or o.lower_ in membership_words().noun_action for o in objects)


def _names_organization(token: Token) -> bool:
    """An organization (or "the bloc") in the trigger's own phrase: "joined the EU", "its
    withdrawal from NATO"; not "joined in urging him", "the withdrawal of troops"."""
    mentions = token.doc.spans[SPAN_KEY] if SPAN_KEY in token.doc.spans else []
    inside = {t.i for t in token.subtree}
    if any(m.label_ == "organization" and m.root.i in inside and direct_path(m.root, token) for m in mentions):
        return True
    if token.pos_ == "VERB" and _names_nothing(token) and any(m.label_ == "organization" for m in mentions
                                                               if token.sent.start <= m.start < token.sent.end):
        return True  # "the ten countries that joined in 2004 ... for eurozone newcomers"
    return any(t.lemma_.lower() in membership_words().org_anaphor and direct_path(t, token)
               for t in token.subtree if t.dep_ in ("dobj", "pobj"))


def _has_particle(verb: Token, word: str) -> bool:
    """'set up', 'rolled out the service', 'stepped down', 'walked out': the particle as the parse's
    particle, or as the adverb it makes of it right after the verb."""
    return any(c.lower_ == word and (c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == verb.i + 1)) for c in verb.children)


def _written_as_a_common_word(token: Token) -> bool:
    """In lower case, or capitalised only as the first word of its sentence where the tagger reads a
    common word outside a date ("Riots broke out on Monday"; not "March 2014 saw ...")."""
    if token.text.islower():
        return True
    return bool(token.is_sent_start) and token.text[1:].islower() and token.pos_ in ("NOUN", "VERB") and token.ent_type_ not in ("DATE", "TIME")


def _crowd_goes(verb: Token) -> bool:
    """'Protesters rallied', 'thousands marched through the city', 'Serbs gathered': people as the
    subject (a person, group, body or place by name, or a word of the crowd list: 'they', not 'it'), no
    object ('gathered evidence'), no backing phrase ('rallied behind the leader') and no event the
    crowd goes to, which is the occurrence ('gathered for a summit', 'marched to the funeral')."""
    lists = event_words()
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return False
    if any(c.dep_ == "prep" and any(g.dep_ == "pobj" and g.pos_ == "NOUN" and trigger_kind(g) is not None for g in c.children)
           for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in lists["backing_preposition"] for c in verb.children):
        return False
    subjects = subjects_of(verb)
    return bool(subjects) and all(s.ent_type_ in PARTNER_LABELS or s.pos_ == "PROPN"
                                  or s.lemma_.lower() in lists["crowd"] or s.lower_ in lists["crowd"] for s in subjects)


def _what_it_acts_on(verb: Token) -> list[Token]:
    """The verb's object or passive subject, a relative pronoun replaced by the noun it stands for
    ("the regime, which was toppled")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "relcl" and any(o.tag_ in ("WP", "WDT") for o in objects):
        objects.append(verb.head)
    return objects


def _takes_a_site(verb: Token) -> bool:
    """'Protesters stormed the parliament', 'rebels seized Mosul', 'the town was captured': a place
    by name or a word of the site list as its object or passive subject (a company seized is no
    attack: 'the unit had been seized and sold')."""
    objects = _what_it_acts_on(verb)
    return any(o.ent_type_ in PLACE_LABELS or o.lemma_.lower() in event_words()["site"] for o in objects)


def _removes_a_ruler(verb: Token) -> bool:
    """'The army ousted President X', 'the regime was toppled', 'toppled the government': a person
    by name or a word of the ruler list as its object or passive subject; not a team put out of a
    cup ('Chelsea were ousted')."""
    objects = _what_it_acts_on(verb)
    return any(o.ent_type_ == "PERSON" or o.lemma_.lower() in event_words()["ruler"] for o in objects)


def _is_a_market_quote(verb: Token) -> bool:
    """'Shares closed lower', 'the index closed at 3,000', 'the FTSE 100 closed up': a price or a
    market as the subject, or a move up or down (the market list)."""
    market = event_words()["market"]
    if any(c.dep_ in ("advmod", "acomp", "npadvmod") and c.lower_ in market for c in verb.children):
        return True
    return any(t.lemma_.lower() in market for s in verb.children if s.dep_ == "nsubj" for t in s.subtree)


def _has_word(verb: Token, lemma: str) -> bool:
    """'came to power', 'took office', 'gave ... the green light': the word completing an idiom, as
    a child of the verb or the object of one of its prepositions."""
    for c in verb.children:
        if c.lemma_.lower() == lemma and c.dep_ in ("dobj", "attr", "oprd", "prt"):
            return True
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() == lemma for g in c.children):
            return True
    return False


def _names_nothing(verb: Token) -> bool:
    """No object and no phrase but a date: "joined in 2004" (not "joined in urging", "joined talks")."""
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "xcomp", "ccomp"):
            return False
        if c.dep_ == "prep" and any(g.dep_ == "pcomp" or (g.dep_ == "pobj" and not g.like_num and g.ent_type_ not in ("DATE", "TIME"))
                                    for g in c.children):
            return False
    return True


def _has_partner(verb: Token) -> bool:
    """'met on Friday', 'met Putin', 'met with his counterpart': someone to meet, not a target."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return True
    return any(o.ent_type_ in PARTNER_LABELS or o.pos_ in ("PRON", "PROPN") for o in objects)


def find_events(doc: Doc, dates: DateIndex, reference: date | None, skip: Spans,
                taken: set[int]) -> list[EventMention]:
    """Events with a date in their sentence. `taken`: token indices already read as membership
    triggers (their events are made from the membership records)."""
    out: list[EventMention] = []
    named: set[int] | None = None
    for sentence in doc.sents:
        if not dates.in_sentence(sentence) or skip.holds(sentence.start_char):
            continue
        named = _in_organization_names(doc) if named is None else named
        for token in sentence:
            if token.i in taken or token.i in named:
                continue
            kind = trigger_kind(token)
            if kind is None or _is_hedged(token) or _is_name_modifier(token) or _object_of_an_event(token) or _supports_an_event(token) \
                    or topic_of(token) is not None:  # "a law on joining the bloc": the law's topic, no accession
                continue
            when = dates.for_token(token, fallback=False, strict=True, names_event=_names_an_event)
            if when is None:
                continue
            status = status_of(token, when, reference)
            if status == "scheduled" and kind in unscheduled_kinds():
                continue  # "children will die before April": a fear, not an event
            location = location_of(token) or (place_in_sentence(sentence) if dates.in_caption(sentence) else None)
            out.append(EventMention(token, kind, when, location, participants_of(token, location), status, sentence))
    return out


@cache
def unscheduled_kinds() -> frozenset[str]:
    """Event kinds nobody schedules (data/unscheduled_kinds.tsv); DataFileError for a kind that is no event kind."""
    kinds = frozenset(row[0] for row in read_tsv("unscheduled_kinds.tsv", 1))
    if kinds - set(EVENT_KINDS):
        raise DataFileError(f"data/unscheduled_kinds.tsv: {sorted(kinds - set(EVENT_KINDS))} are not event kinds "
                            "(EventKind in extractor/core/records.py lists them); fix the spelling")
    return kinds


def _is_hedged(token: Token) -> bool:
    """Negated, modal or conditional on the trigger or its clause's verb, or that verb only
    hoped for ("hopes to join", "refused to attend"): data/modality.tsv."""
    if _dated_by_its_own_name(token):
        return unreal_marker(token) is not None  # "Under Thursday's resolution, X could have ...": the resolution was passed
    verb = clause_verb(token)
    if any(unreal_marker(t) is not None for t in (token, verb, *governing_chain(token))):
        return True
    # what a hoped-for clause does ("hopes to win", "hopes to reach a deal") is no occurrence; an
    # event it names in passing ("urged him to compete in this year's election") still is one
    acted = verb.i == token.i or (token.dep_ in ("dobj", "nsubjpass") and token.head.i == verb.i)
    return acted and verb.dep_ in ("xcomp", "ccomp", "acl") and verb.head.i != verb.i and hedge_of(verb.head) == "none"


def _dated_by_its_own_name(token: Token) -> bool:
    """A noun trigger whose date is its possessive ("Thursday's resolution", "Monday's vote"): told
    as a thing that happened, whatever the clause around it says might."""
    return token.pos_ == "NOUN" and any(c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME") for c in token.children)


def _names_an_event(token: Token) -> bool:
    """An event word or a membership noun ("admission", "summit"): a date on it is its own."""
    return trigger_kind(token) is not None or token.lower_ in membership_words().noun_action


def _object_of_an_event(token: Token) -> bool:
    """'froze talks in May', 'cancelled the summit': the verb's event is the occurrence; the noun it
    acts on is not a second one (where both name one kind, "signed the agreement", they merge)."""
    head = token.head
    undoing = (_table_row(head) or ("", ""))[1] == "act"
    acted_on = token.dep_ == "dobj" or (token.dep_ == "nsubjpass" and undoing)  # "the withdrawal was revoked"
    return (acted_on and head.pos_ == "VERB" and head.i != token.i and not _supports(head)
            and trigger_kind(head) not in (None, trigger_kind(token)))


def _supports(verb: Token) -> bool:
    """A support verb ("launched an invasion", "held a referendum", "negotiations were launched"):
    the event is its object's, the verb names none of its own."""
    return verb.lemma_.lower() in event_words()["support_verb"]


def _supports_an_event(token: Token) -> bool:
    """The support verb of an event noun it takes as object or passive subject."""
    return token.pos_ == "VERB" and _supports(token) and any(
        c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN" and trigger_kind(c) is not None for c in token.children)


def _is_name_modifier(token: Token) -> bool:
    """'Summit' in 'SCO Summit Cities' names something else, not an event; 'founding' in
    'founding members' describes them."""
    if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN") and trigger_kind(token.head) is None:
        return True
    return token.dep_ == "amod" and token.tag_ in ("VBG", "VBN", "JJ")


def _in_organization_names(doc: Doc) -> set[int]:
    """The tokens of the organizations' names the gazetteer found ("Forum" in "the Pacific Islands
    Forum" names the body, no forum held)."""
    mentions = doc.spans[SPAN_KEY] if SPAN_KEY in doc.spans else []
    return {i for m in mentions if m.label_ == "organization" for i in range(m.start, m.end)}


def location_of(trigger: Token) -> str | None:
    """The place named for the event: a place word in its name ("the Astana Summit"), else a
    place in an "in"/"at" phrase of the trigger or of its clause verb."""
    for child in trigger.lefts:
        if child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in PLACE_LABELS:
            return _entity_text(child, trigger)
    verb = clause_verb(trigger)
    heads = [trigger, verb, *[c for c in verb.children if c.dep_ in ("xcomp", "acl")],
             *[c for c in trigger.children if c.dep_ in ("acl", "relcl")]]
    for head in heads:
        place = _place_in_prep(head, trigger)
        if place:
            return place
        for child in head.children:
            if child.dep_ == "xcomp":
                place = _place_in_prep(child, trigger)
                if place:
                    return place
    return None


def _place_in_prep(head: Token, trigger: Token) -> str | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "near"):
            for t in child.subtree:
                if t.ent_type_ in PLACE_LABELS:
                    return _entity_text(t, trigger)
    return None


def place_in_sentence(sentence: Span) -> str | None:
    """The first place named after "in"/"at" anywhere in the sentence (used for captions)."""
    for token in sentence:
        if token.dep_ == "prep" and token.lower_ in ("in", "at"):
            place = _place_in_prep(token.head, token.head)
            if place:
                return place
    return None


def _entity_text(token: Token, trigger: Token) -> str:
    """The place entity around `token`, without the trigger when the entity runs over it
    ("the Astana Summit" -> "Astana")."""
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            words = [t for t in ent if t.i != trigger.i and t.ent_type_ in PLACE_LABELS and t.pos_ == "PROPN"]
            if trigger.i in range(ent.start, ent.end) or ent[0].lower_ == "the":
                words = [t for t in ent if t.pos_ == "PROPN" and t.i != trigger.i]
                return " ".join(t.text for t in words) or token.text
            return ent.text
    return token.text


NER_PARTICIPANT_KINDS: dict[str, ParticipantKind] = {"PERSON": "person", "NORP": "group", "ORG": "body", "GPE": "place"}  # names no registry holds
CLAUSE_DEPS = ("relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis")  # another clause: not the actor's phrase


def participants_of(trigger: Token, location: str | None) -> tuple[Participant, ...]:
    """The named actors of the trigger's own clause, in text order (see `actor_heads`): countries
    and registered organizations with their ids, people, groups, other bodies and places NER
    names without; never the event's location, nor names of a reporting or reacting clause."""
    words = {t.i for head in actor_heads(trigger) for t in actor_phrase(head)} - {trigger.i}
    mentions = trigger.doc.spans[SPAN_KEY] if SPAN_KEY in trigger.doc.spans else []
    found: list[tuple[int, Participant]] = []
    taken: set[int] = set()
    for m in mentions:
        if m.label_ in ("country", "country_adj", "organization") and words & set(range(m.start, m.end)):
            named = entity(m.id_, m.text, "organization" if m.label_ == "organization" else "country")
            found.append((m.start, participant(named)))
            taken |= set(range(m.start, m.end))
    for ent in trigger.doc.ents:
        span = set(range(ent.start, ent.end))
        if (ent.label_ in NER_PARTICIPANT_KINDS and words & span and not taken & span and ent.text != location
                and trigger.i not in span):  # "the Astana Summit" names the event, not an actor
            found.append((ent.start, Participant(name=ent.text, id=None, kind=NER_PARTICIPANT_KINDS[ent.label_])))
    unique: dict[tuple, Participant] = {}
    for _, p in sorted(found, key=lambda f: f[0]):
        unique.setdefault((p.kind, p.id or p.name), p)
    return tuple(unique.values())


def actor_heads(trigger: Token) -> list[Token]:
    """The heads of the trigger's actors: its subject or agent, object, dative, possessor and with
    / between / against complements (of / by too for a noun), with what `nominal_actors` or
    `verbal_actors` adds."""
    nominal = trigger.pos_ in ("NOUN", "PROPN")
    lists = event_words()
    preps = lists["actor_preposition"] | (lists["nominal_actor_preposition"] if nominal else frozenset())
    heads = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "poss")]
    heads += [g for c in trigger.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in preps)
              for g in c.children if g.dep_ == "pobj"]
    return heads + nominal_actors(trigger) if nominal else verbal_actors(trigger, heads)


def nominal_actors(trigger: Token) -> list[Token]:
    """A noun trigger's name words ("the EU-China summit"), the subject its possessive pronoun
    stands for in an adverbial phrase ("since its founding, NATO has ..."), the subject of the
    support verb that takes it as object ("Russia launched an invasion"; not "NATO condemned the
    invasion") and the agent of the verb it is the passive subject of ("talks were held by ...")."""
    heads = [c for c in trigger.lefts if c.dep_ in ("compound", "amod", "nmod")]
    verb = trigger.head
    if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in trigger.children) and verb.dep_ == "prep":
        heads += subjects_of(clause_verb(verb))  # "since its inception in 2001, the SCO has ...": the SCO's
    if trigger.dep_ == "dobj" and verb.pos_ == "VERB" and _supports(verb):
        heads += subjects_of(verb)
    elif trigger.dep_ == "nsubjpass" and verb.pos_ == "VERB":
        heads += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return heads


def verbal_actors(trigger: Token, heads: list[Token]) -> list[Token]:
    """A verb trigger's actors `heads` with its subject found where it has none of its own
    (`subjects_of`), and a relative pronoun replaced by what it stands for ("the treaty, which
    France signed")."""
    relative = [h for h in heads if h.tag_ in ("WP", "WDT")]
    heads = [h for h in heads if h not in relative] + subjects_of(trigger)
    if relative and trigger.dep_ == "relcl":
        heads.append(trigger.head)
    return heads


def subjects_of(verb: Token) -> list[Token]:
    """The verb's subject; for a verb without one, the subject of the verb it depends on ("agreed
    to meet", "after arriving in Ankara, Macron ...", "since assuming the presidency, China ...",
    "X arrived and met Y"), the noun a participle modifies ("guests attending", "the body,
    established in 2004") or the one a relative pronoun stands for ("Jammeh, who came to power")."""
    current = verb
    for _ in range(6):
        own = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        if own and current.dep_ == "relcl" and all(c.tag_ in ("WP", "WDT") for c in own):
            return [current.head]  # "Jammeh, who came to power": the one the relative pronoun stands for
        if own:
            return own
        if current.dep_ in ("acl", "relcl") and current.head.i != current.i:
            return [current.head]
        if current.dep_ == "pcomp" and current.tag_ == "VBG" and current.head.dep_ == "prep":
            current = current.head.head  # "since assuming the presidency, China ..."
            continue
        if current.dep_ not in ("xcomp", "advcl", "conj") or current.head.i == current.i:
            return []
        if current.dep_ == "advcl" and current.tag_ not in ("VBG", "VBN"):
            return []  # a finite clause of its own ("when NATO met, ...")
        current = current.head
    return []


def actor_phrase(head: Token) -> list[Token]:
    """The words of an actor's phrase: the head with its modifiers, conjuncts and of / from
    complements ("leaders of France and Germany"); not a clause inside it (a relative clause) nor
    a place phrase ("officials in Brussels")."""
    keep = event_words()["phrase_preposition"]
    out, todo = [], [head]
    while todo:
        token = todo.pop()
        out.append(token)
        todo += [c for c in token.children if c.dep_ not in CLAUSE_DEPS and (c.dep_ != "prep" or c.lower_ in keep)]
    return out


def status_of(trigger: Token, when: TimexSpan, reference: date | None) -> str:
    """scheduled: future tense, 'upcoming', 'scheduled to', or a date after the reference date."""
    verb = clause_verb(trigger)
    if tense_of(verb) == "future":
        return "scheduled"
    if any(c.lower_ in words("schedule_word") for c in trigger.children if c.dep_ in ("amod", "acl", "advmod")):
        return "scheduled"
    if any(words("schedule_verb").get(t.lemma_) == "plan" for t in (verb, verb.head)):
        return "scheduled"
    if reference is not None and when.start_date and when.start_date > reference.isoformat():
        return "scheduled"
    return "past"


def event_records(doc_id: str, events: list[EventMention], changes: list[DatedChange],
                  reference: date | None) -> list[tuple[Event, Token]]:
    """One record per event (kind, date, and place or participants), each with its trigger token;
    later mentions add evidence. Dated membership changes are events too (`DatedChange`, one per
    trigger and per item of an enumeration with its own date)."""
    found: list[tuple] = []
    for e in events:
        found.append((e.trigger, e.kind, e.date, e.location, list(e.participants), e.status, e.sentence))
    for c in changes:
        found.append((c.trigger, MEMBERSHIP_EVENT_KIND[c.action], c.when, location_of(c.trigger),
                      [participant(p) for p in c.participants], status_of(c.trigger, c.when, reference), c.trigger.sent))
    merged: dict[tuple, Event] = {}
    by_kind_date: dict[tuple, list[tuple]] = {}  # (kind, date) -> keys in the order they came
    more: dict[tuple, dict[tuple[int, int], Evidence]] = {}  # later evidence, by span
    trigger_of: dict[tuple, Token] = {}
    for trigger, kind, when, location, participants, status, sentence in sorted(found, key=lambda f: f[0].idx):
        key = (kind, when.value, (location or "").lower() if kind not in MEMBERSHIP_EVENT_KIND.values()
               else tuple(sorted((p.kind, p.id or p.name) for p in participants)))
        loose = next((k for k in by_kind_date.get(key[:2], ()) if not k[2] or not key[2]), None)
        proof = evidence(sentence)
        existing = key if key in merged else loose
        if existing is not None:
            earlier = merged[existing]
            if proof != earlier.evidence:
                more[existing].setdefault((proof.start, proof.end), proof)
            if earlier.location is None and location:
                merged[existing] = earlier = earlier.model_copy(update={"location": location})
            if not earlier.participants and participants:
                merged[existing] = earlier.model_copy(update={"participants": participants})
            continue
        trigger_of[key] = trigger
        merged[key] = Event(doc_id=doc_id, trigger=trigger.text, kind=kind, date=date_ref(when), location=location,
                            participants=participants, status=status, evidence=proof)
        by_kind_date.setdefault(key[:2], []).append(key)
        more[key] = {}
    return list(zip(with_later_evidence(merged, more), trigger_of.values()))


def participant(named: Entity) -> Participant:
    """A country or an organization as an event participant: the name and id its records give it."""
    return Participant(name=named.name, id=named.id, kind=named.kind)


@Language.factory("events", requires=["doc._.memberships", "doc._.timexes", "token.dep", "doc.ents"],
                   assigns=["doc._.events", "doc.spans"])
def make_events(nlp: Language, name: str) -> EventTagger:
    return EventTagger(nlp)


class EventTagger:
    """Dated events as `doc._.events` (records, repeated mentions merged) and `doc.spans["events"]`
    (the trigger words): trigger words with a date of their own clause, and the dated membership
    changes the `memberships` component read (`link.DatedChange` on the context; a pipeline
    without that component gets it made from spaCy's registry, by name, and run here)."""

    def __init__(self, nlp: Language):
        self.nlp = nlp
        self._memberships: Callable[[Doc], Doc] | None = None

    def __call__(self, doc: Doc) -> Doc:
        ctx = context_of(doc)
        if ctx.membership_changes is None:
            self._memberships = self._memberships or self.nlp.create_pipe("memberships")
            doc = self._memberships(doc)
        reference = doc._.reference_date
        changes = ctx.membership_changes or []
        taken = set(ctx.membership_words_read)
        found = find_events(doc, dates_of(doc), reference, ctx.boilerplate, taken)
        taken |= {e.trigger.i for e in found}
        changes = [c for c in changes if c.member_named or c.trigger.i not in taken]
        pairs = event_records(ctx.doc_id, found, changes, reference)
        doc._.events = [record for record, _ in pairs]
        write_spans(doc, "events", [(t.idx, t.idx + len(t), record.kind, record) for record, t in pairs])
        return doc
