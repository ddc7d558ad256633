"""The candidate stage: every member named near a membership cue, paired with the organization
the cue is about, kept unless a named reason rejects it.

A frame (`frames`) licenses a change only in the wordings its patterns foresee; here any
sentence with a cue word (data/membership_cues.tsv) and a country named or referred to gives
one candidate per member. Each candidate ends as a record, as a pair a frame already read, or
with the name of the reason that rejected it (`REASONS`); `--explain` writes them all.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache, lru_cache

from spacy.tokens import Doc, Span, Token

from extractor.core.records import Candidate as CandidateRecord
from extractor.extractors.membership.frames import SALIENT_CHARS, MembershipMention, _countries_referred, _person_possessive, _governing_action, _is_hedged, _last_organization_before, _mentions_in, _named_standing, _ordinal_near, _particle_objects, _status_in, takes_effect, with_status_as
from extractor.extractors.membership.organizations import body_acted_on, meant_organization
from extractor.language.lexicon import membership_reasons, membership_words, read_tsv
from extractor.linking.mentions import evidence
from extractor.linking.participants import direct_path
from extractor.nlp.entities import SPAN_KEY, country_name, country_names, entity
from extractor.nlp.modality import form_in, lemma_in, topic_of, words as modality_words
from extractor.nlp.spans import Spans
from extractor.nlp.syntax import clause_verb, has_pronoun_subject, span_for

MAX_PATH = 6  # a member further than this many dependency arcs from every cue is another story's
# Why a candidate is no record, in the order they are asked (README, --explain):
REASONS = {
    "frame": "a frame of patterns/membership.jsonl read this member in this sentence (its record stands)",
    "cue_taken": "a frame read this cue's members, and the member is not listed with them",
    "no_organization": "no organization named in the sentence, referred to there, or named just before",
    "unnamed_body": "the change is in a body of the organization ('the X development bank') that the document does not name",
    "adjective_elsewhere": "a country adjective that does not qualify the cue ('the Russian premier')",
    "not_acted_on": "the cue acts on its object ('admitted', 'suspended') and the member is not in it",
    "object_elsewhere": "the cue verb acts on something else ('joined talks', 'joined her voice', 'applied rules')",
    "far_from_cue": f"the member is more than {MAX_PATH} dependency arcs from every cue",
    "same_as_organization": "the member is the organization",
    "other_clause": "the member is an argument of another clause's verb ('X, which joined NATO, borders Y')",
    "hedged": "the cue is hoped, wanted, conditional, negated or modal",
    "topic": "the change is what something is about ('a working group on X's accession')",
    "generic": "the change as the subject of a clause, spoken of in general ('Joining the bloc will take X away from ...')",
    "undone": "a withdrawal revoked or reversed ('X reversed its withdrawal'): no change",
    "unreal": "the change is threatened, urged, rumoured, proposed or only discussed",
    "owned_by_other": "the cue is another member's ('X hoped to conclude talks on Y's accession')",
    "place": "the member is a place where something happens ('the summit in X')",
    "beside": "the member is a party beside the change ('talks with X', 'a deal with X')",
    "speaker": "the member says something about another's change",
    "not_a_party": "the member only qualifies another thing ('X's president', 'X's economy')",
    "third_party": "the member acts on another's membership ('X blocked', 'X backed')",
    "static": "a membership stated as it is, not a change ('EU member states', 'X is a member')",
    "trade_partner": "a partner in trade or politics, not a status in a body",
    "weak_cue": "a cue that needs a membership word or the organization as its object, and has neither",
    "organization_beside": "the organization is a party beside the cue ('joined talks with the EU')",
}


@dataclass(frozen=True)
class Cue:
    word: str
    pos: str  # VERB, NOUN, ADJ or any
    action: str
    status: str | None  # None, a status, or "from_words"
    needs: str  # "-", or alternatives joined by "|" (see _need_holds)
    member_role: str  # "object": the member is what the cue acts on ("admitted X"); "any"


@dataclass(frozen=True)
class Candidate:
    """One (member, organization) pair near a cue and what became of it: `outcome` is "record"
    or a key of REASONS."""

    member: Span
    organization: Span | None
    cue: Token
    action: str
    status: str | None
    outcome: str

    @property
    def sentence(self) -> Span:
        return self.cue.sent


@cache
def cues() -> dict[str, list[Cue]]:
    """word -> its cues (one per part of speech), from data/membership_cues.tsv."""
    table: dict[str, list[Cue]] = {}
    for word, pos, action, status, needs, role in read_tsv("membership_cues.tsv", 6):
        table.setdefault(word, []).append(Cue(word, pos, action, None if status == "-" else status, needs, role))
    return table


def cue_words() -> set[str]:
    """Every cue word: what a sentence must hold before a candidate can come from it (the cascade)."""
    return set(cues())


@lru_cache(maxsize=1 << 16)  # words seen: bounded, a long run's vocabulary keeps growing
def _cue_word(lemma: str, lower: str) -> str | None:
    """The cue word a word (its lemma and lower-case form) is a form of (`lemma_in`), once per word."""
    return form_in(lemma, lower, cues())


def cue_of(token: Token) -> Cue | None:
    """The cue `token` is, by its lemma (or a regular form of it) and its part of speech."""
    word = _cue_word(token.lemma_.lower(), token.lower_)
    if word is None or (token.pos_ == "VERB" and takes_effect(token, plain=False)):
        return None  # "the treaty entered into force", "the ban took effect": no one joins or leaves
    pos = "VERB" if token.pos_ in ("VERB", "AUX") or _verb_tagged_noun(token) else "NOUN" if token.pos_ in ("NOUN", "PROPN") else token.pos_
    for cue in cues()[word]:
        if cue.pos in (pos, "any"):
            return cue
    return None


def _verb_tagged_noun(token: Token) -> bool:
    """A verb the tagger took for a noun ("saw India and Pakistan join"): a noun with a subject of
    its own, or a clausal complement with no determiner."""
    if token.pos_ != "NOUN":
        return False
    children = [c.dep_ for c in token.children]
    return "nsubj" in children or (token.dep_ in ("ccomp", "xcomp") and "det" not in children)


def find_candidates(doc: Doc, skip: Spans, mentions: list[Span], read: set[tuple[int, str]],
                    taken: dict[int, set[str]] | None = None) -> list[Candidate]:
    """Every candidate of `doc`: per sentence holding a cue, each country named or referred to
    there with its nearest cue. `read`: (sentence start, member id) pairs a frame already read;
    `taken`: trigger token index -> the member ids a frame read for it."""
    taken = taken or {}
    out: list[Candidate] = []
    for sentence in doc.sents:
        if skip.holds(sentence.start_char) or not sentence[0].dep_:
            continue  # boilerplate, or a sentence the model did not parse (no cue can be read there)
        sentence_cues = [(t, c) for t in sentence if (c := cue_of(t)) is not None and not _lacks_particle(t, c)]
        if not sentence_cues:
            continue
        members = _members_in(sentence, mentions)
        for member in members:
            out.append(_decide(member, sentence_cues, mentions, read, taken))
    return out


PARTICLE_NEEDS = frozenset({"particle_up", "particle_in", "particle_out"})


def _lacks_particle(token: Token, cue: Cue) -> bool:
    """A phrasal cue without its particle is no cue at all ("took steps" is no "took in", "set a
    date" no "set up"): it must not take the members a cue nearby reads."""
    needs = set(cue.needs.split("|"))
    return needs <= PARTICLE_NEEDS and not any(_need_holds(n, token, None) for n in needs)


def _members_in(sentence: Span, mentions: list[Span]) -> list[Span]:
    """The countries named in `sentence` (names and adjectives) and those its definite noun
    phrases refer back to ("the two countries"), each mention once, in text order."""
    named = _mentions_in(sentence, mentions, ("country", "country_adj"))
    referred = [_as_referred(m, t) for t in sentence if t.lower_ in membership_words().country_anaphor and t.dep_ != "attr"
                for m in _countries_referred(t, mentions)
                if m.start < sentence.start or _person_possessive(t)]  # "X and Y are now member countries": no anaphor
    governments = [Span(c.doc, c.start, c.end, label="country", span_id=c.id_)
                   for c in _mentions_in(sentence, mentions, ("capital",)) if _acts(c.root)]
    pronouns = [] if named else _pronoun_countries(sentence, mentions)
    return sorted({(m.id_, m.start): m for m in [*named, *referred, *governments, *pronouns]}.values(), key=lambda m: m.start)


def _pronoun_countries(sentence: Span, mentions: list[Span]) -> list[Span]:
    """"It" as the subject of a cue in a sentence that names no country: the country the sentence
    before is about, its subject ("Croatia joined the EU on Monday. It is 10 years since it
    applied"); else, when the last name before it is a country's, that one (within SALIENT_CHARS).
    An organization as that subject, or named last, makes "it" the organization: no member."""
    out = []
    for token in sentence:
        if token.lower_ != "it" or token.dep_ not in ("nsubj", "nsubjpass") or cue_of(token.head) is None:
            continue
        referent = _subject_before(sentence, mentions)
        if referent is None:
            before = [m for m in mentions if m.end <= token.i and m.label_ in ("country", "organization")]
            referent = before[-1] if before else None
        if referent is not None and referent.label_ == "country" and token.idx - referent.end_char <= SALIENT_CHARS:
            out.append(_as_referred(referent, token))
    return out


def _subject_before(sentence: Span, mentions: list[Span]) -> Span | None:
    """The country or organization the subject of the sentence before `sentence` names, if any."""
    if sentence.start == 0:
        return None
    previous = sentence.doc[sentence.start - 1].sent
    while not previous.text.strip() and previous.start > 0:
        previous = sentence.doc[previous.start - 1].sent  # a paragraph break between them
    named = [m for m in mentions if previous.start <= m.start < previous.end and m.label_ in ("country", "organization")]
    if previous[0].pos_ == "X":  # sentences the model did not parse (the cascade): a name that opens the last of them
        text = previous.text.rstrip()
        opening = previous.start_char + max(text.rfind(". ", 0, len(text) - 1), text.rfind("\n", 0, len(text) - 1)) + 1
        later = [m for m in named if m.start_char >= opening]
        return later[0] if later and len(previous.doc.text[opening:later[0].start_char].split()) <= 1 else None
    subjects = [c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    inside = {t.i for s in subjects for t in s.subtree}
    found = next((m for m in named if m.root.i in inside), None)
    if found is None and subjects and subjects[0].lemma_.lower() in membership_words().org_anaphor:
        found = _last_organization_before(subjects[0].i, mentions, set())  # "The alliance comprises ...": the one named before
    return found


def _acts(token: Token) -> bool:
    """A capital that stands for its state's government: the subject of a clause ("Beijing has
    applied"), a possessor ("Rangoon's admittance"), or whom a request or an act comes from ("a
    request from Minsk", "by Ankara"); never a place ("a summit in Minsk")."""
    token = _list_head(token)
    if token.dep_ in ("nsubj", "nsubjpass", "poss"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in membership_reasons()["government_preposition"]


def _as_referred(mention: Span, anaphor: Token) -> Span:
    """The anaphor's token as a span standing for the country it refers to (its id)."""
    return Span(anaphor.doc, anaphor.i, anaphor.i + 1, label="country", span_id=mention.id_)


def _decide(member: Span, sentence_cues: list[tuple[Token, Cue]], mentions: list[Span],
            read: set[tuple[int, str]], taken: dict[int, set[str]]) -> Candidate:
    """The candidate `member` makes with its nearest cue, and what becomes of it."""
    token, cue = min(sentence_cues, key=lambda tc: (_path_length(member.root, tc[0]), abs(tc[0].i - member.root.i)))
    token, cue = _governing_cue(token, cue)
    token, cue = _process_cue(token, cue)
    token, cue = _copula_infinitive(token, cue)
    action, status = _action_status(token, cue)
    org, retargeted = meant_organization(_organization_for(token, member, mentions), token, member.id_, mentions)
    if org is None and (org := _named_next(token, token.sent, mentions, member)) is not None:
        retargeted = False  # "joined a major trading bloc. X is now the 12th member of the CPTPP"
    candidate = Candidate(member, org, token, action, status, "record")
    reason = "unnamed_body" if retargeted and org is None else _reason(candidate, cue, read, taken)
    return Candidate(member, org, token, action, status, reason or "record")


GOVERNED_DEPS = ("dobj", "nsubjpass", "pobj", "prep", "compound", "attr")


def _governing_cue(token: Token, cue: Cue) -> tuple[Token, Cue]:
    """A status noun ("membership", "status") governed by a verb that is a cue of another action
    takes that verb ("reinstated X's membership", "suspended its membership"): the cue that
    governs the member decides."""
    if cue.word not in membership_reasons()["status_noun"] and token.lower_ not in membership_reasons()["standing_word"]:
        return token, cue
    current = token
    for _ in range(3):
        if current.dep_ not in GOVERNED_DEPS or current.head.i == current.i:
            break
        current = current.head
        above = cue_of(current) if current.pos_ in ("VERB", "AUX") else None
        if above is not None and (above.action != "join" or above.status == "from_words"):
            return current, above  # "granted X candidate status": the grant, with the status it names
    return token, cue


def _process_cue(token: Token, cue: Cue) -> tuple[Token, Cue]:
    """A status noun in the phrase a process takes its party in ("accession talks with fellow
    members X and Y") yields to the cue of that process: the talks are X's and Y's accession."""
    if cue.word not in membership_reasons()["status_noun"]:
        return token, cue
    top = token
    while top.dep_ in ("compound", "appos", "conj", "amod") and top.head.i != top.i:
        top = top.head  # "fellow members X and Y": the phrase "members" is in
    if top.dep_ != "pobj" or top.head.lower_ != "with":
        return token, cue
    process = top.head.head
    for child in process.children:
        if _talks_of(process, child) and (above := cue_of(child)) is not None:
            return child, above
    return token, cue


def _action_status(token: Token, cue: Cue) -> tuple[str, str | None]:
    """What the cue says of its member: the cue's action and status, a status word near it, the
    process governing it ("applied to join"), a suspension lifted."""
    action, status = cue.action, cue.status
    if status == "from_words":
        status = _status_in(token) or "member"
    if status == "candidate":
        action = "apply"  # GUIDELINES 4.2: candidacy is an application ("a candidate member since 1999")
    elif status == "founding_member":
        action = "found"
    action, status = _governing_action(token, action, status)
    if "founding_object" in cue.needs and _founding_object(token) is not None:
        action, status = "found", "founding_member"  # "signed the treaty establishing X": a founder
    if _process_over(token) == "apply":
        action, status = "apply", "candidate"  # "a membership request from X", "measures for membership"
    if action == "join" and any(c.lower_ in membership_reasons()["origin_word"] for c in token.children if c.dep_ == "advmod"):
        action, status = "found", "founding_member"  # "initially A, B and C joined": the founders
    if _on_hold(token) is not None:
        action, status = "suspend", None  # "put its membership on hold", "put its membership on ice"
    if action == "suspend" and token.head.lemma_ in membership_words().undo_verb and token.dep_ in ("dobj", "nsubjpass"):
        action, status = membership_words().undo_verb[token.head.lemma_], "member"
    action, status = with_status_as(token, action, status)
    if action in ("leave", "suspend", "expel"):
        status = None
    return action, status


def _process_over(token: Token) -> str | None:
    """The process a cue noun is part of: the process noun it modifies ("a membership request",
    "accession talks") or that it completes with "for" / "towards" ("a bid for membership",
    "steps towards accession"), as data/membership_words.tsv gives it (process_noun), or None."""
    if token.dep_ in ("compound", "amod", "nmod"):
        return membership_words().process_noun.get(token.head.lower_)
    if token.dep_ == "pobj" and token.head.lower_ in membership_reasons()["process_preposition"]:
        return membership_words().process_noun.get(token.head.head.lower_)
    if (about := topic_of(token)) is not None:
        return membership_words().process_noun.get(about.lower_)  # "talks on joining the bloc", "talks on its accession"
    return None


def _organization_for(cue: Token, member: Span, mentions: list[Span]) -> Span | None:
    """The organization a cue is about: the one named in its sentence nearest to it in the parse
    (not the member), else the last one named before the sentence within SALIENT_CHARS."""
    sentence = cue.sent
    if (body := body_acted_on(cue, mentions)) is not None and body.id_ != member.id_:
        return body  # "X, Y and Z - known as BRICS - launched the bank": the bank named before
    named = [m for m in _mentions_in(sentence, mentions, ("organization",)) if m.id_ != member.id_]
    if named:
        return min(named, key=lambda m: (not _argument_of(m, cue), _path_length(m.root, cue), abs(m.root.i - cue.i)))
    topic = _subject_before(sentence, mentions)  # what the sentence before is about comes before a name it mentions
    if topic is not None and topic.label_ == "organization" and topic.id_ != member.id_ \
            and sentence.start_char - topic.end_char <= 2 * SALIENT_CHARS:
        return topic
    earlier = _last_organization_before(sentence.start, mentions, {member.id_})
    if earlier is not None and sentence.start_char - earlier.end_char <= SALIENT_CHARS:
        return earlier
    return None


def _next_sentence(sentence: Span) -> Span | None:
    """The sentence after `sentence`, past the blank lines between paragraphs, else None."""
    while sentence.end < len(sentence.doc):
        sentence = sentence.doc[sentence.end].sent
        if not sentence.text.isspace():
            return sentence
    return None


def _named_next(cue: Token, sentence: Span, mentions: list[Span], member: Span) -> Span | None:
    """A lead that describes the body and names it only in the next sentence ("X became the first
    European nation to join a major Asia-Pacific trading bloc. X is now the 12th member of the
    CPTPP."): the cue's object is an indefinite word for a body ("a ... bloc"), and the next
    sentence names the member again and one organization, and only one."""
    described = [t for t in cue.subtree if t.lemma_.lower() in membership_words().org_anaphor
                 and any(c.dep_ == "det" and c.lower_ in membership_words().indefinite_determiner for c in t.children)
                 and direct_path(t, cue)]
    if not described or (following := _next_sentence(sentence)) is None:
        return None
    if not any(m.id_ == member.id_ for m in _mentions_in(following, mentions, ("country", "organization"))):
        return None
    named = {m.id_: m for m in _mentions_in(following, mentions, ("organization",)) if m.id_ != member.id_}
    return next(iter(named.values())) if len(named) == 1 else None


def _argument_of(org: Span, cue: Token) -> bool:
    """The organization is what the cue acts on or about: its object, passive subject, possessor,
    or the object of a preposition on it ("joined the EU", "formed the bloc", "entry into X")."""
    root = org.root
    while root.dep_ in ("conj", "appos", "compound") and root.head.i != root.i:
        root = root.head
    if root.head.i == cue.i and root.dep_ in ("dobj", "nsubjpass", "poss", "attr", "npadvmod"):
        return True
    return root.dep_ == "pobj" and root.head.head.i == cue.i and root.head.lower_ not in membership_reasons()["partner_preposition"]


def _path_length(a: Token, b: Token) -> int:
    """Arcs between two tokens of one sentence in the dependency tree."""
    up_a = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in up_a:
            return n + up_a[t.i]
    return 99


# ---------------------------------------------------------------- reasons


def _reason(c: Candidate, cue: Cue, read: set[tuple[int, str]], taken: dict[int, set[str]]) -> str | None:
    """The first reason that rejects the candidate, else None."""
    checks = (
        ("frame", lambda: (c.sentence.start, c.member.id_) in read),
        ("cue_taken", lambda: c.cue.i in taken and not _listed_with(c.member, taken[c.cue.i], c.sentence)),
        ("no_organization", lambda: c.organization is None),
        ("same_as_organization", lambda: c.organization is not None and c.organization.id_ == c.member.id_),
        ("far_from_cue", lambda: min(_path_length(c.member.root, c.cue), _path_length(_list_head(c.member.root), c.cue)) > MAX_PATH),
        ("adjective_elsewhere", lambda: c.member.label_ == "country_adj" and not _adjective_of_cue(c.member, c.cue)),
        ("not_acted_on", lambda: cue.member_role == "object" and not _acted_on(c.member, c.cue)),
        ("object_elsewhere", lambda: _object_elsewhere(c.cue, c.member, c.organization)),
        ("other_clause", lambda: _other_clause(c.member, c.cue)),
        ("hedged", lambda: _hedged(c.cue)),
        ("undone", lambda: c.action == "leave" and _undone(c.cue)),
        ("topic", lambda: _topic(c.cue)),
        ("generic", lambda: _generic(c.cue)),
        ("unreal", lambda: _unreal(c.cue)),
        ("owned_by_other", lambda: _owned_by_other(c.cue, c.member)),
        ("place", lambda: _under_preposition(c.member, "place_preposition", c.cue)),
        ("beside", lambda: _under_preposition(c.member, "partner_preposition", c.cue)),
        ("speaker", lambda: _speaker(c.member, c.cue)),
        ("not_a_party", lambda: _qualifies_other(c.member, c.cue)),
        ("third_party", lambda: _third_party(c.member, c.cue)),
        ("static", lambda: c.action != "found" and _static(c.cue, cue)),  # a founder named is the fact (GUIDELINES 4.2)
        ("trade_partner", lambda: c.cue.lower_.startswith("partner") and _trade_partner(c.cue)),
        ("weak_cue", lambda: not _needs_met(c.cue, cue, c.organization)),
        ("organization_beside", lambda: c.organization is not None and c.organization.root.sent == c.sentence
         and _under_preposition(c.organization, "partner_preposition", c.cue)),
    )
    for name, check in checks:
        if check():
            return name
    return None


def _under_preposition(mention: Span, kind: str, cue: Token) -> bool:
    """The mention is the object of a preposition of `kind` that does not belong to the cue's own
    frame ("withdrew from X", "admitted by X" belong to it; "a summit in X" does not)."""
    root = mention.root
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        if root.dep_ == "appos" and root.head.i in _item_dates(root.doc):
            return False  # "In March 2014, X, ... was admitted": the parse's apposition to a date
        root = root.head
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ not in membership_reasons()[kind]:
        return False
    if prep.lower_ == "with" and prep.i > 0 and prep.doc[prep.i - 1].lower_ in membership_reasons()["company_adverb"]:
        return False  # "joined along with X": X joins too
    if prep.lower_ == "with" and _talks_of(prep.head, cue):
        return False  # "accession talks with X", "membership negotiations with X": X is who would join
    if prep.lower_ == "in" and cue.pos_ == "VERB" and prep.i == cue.i + 1 and prep.head.i == cue.i and _particle_objects(cue):
        return False  # "took in X": the particle, no place
    if prep.lower_ == "by" and prep.head.i == cue.i:
        return False  # "created by X", "was admitted by X"... the agent of the cue itself
    if prep.lower_ == "between" and prep.head.i == cue.i:
        return False
    return True


def _talks_of(noun: Token, cue: Token) -> bool:
    """`noun` is the process the cue names ("accession talks", "membership negotiations"): a
    process noun with the cue as its modifier."""
    return cue.head.i == noun.i and cue.dep_ in ("compound", "amod", "nmod") and noun.lower_ in membership_words().process_noun


COMPLEMENT_DEPS = ("xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep", "dobj", "acomp", "oprd", "attr", "auxpass", "aux")


def _listed_with(member: Span, ids: set[str], sentence: Span) -> bool:
    """Is the member in one list (conjuncts, appositions) with a mention of one of `ids`?"""
    spans = sentence.doc.spans[SPAN_KEY] if SPAN_KEY in sentence.doc.spans else []
    listed = [m for m in spans if m.id_ in ids and sentence.start <= m.start < sentence.end]
    if _list_head(member.root).i in {_list_head(m.root).i for m in listed}:
        return True
    return any(_next_in_text(a, b, spans) for a in listed for b in [member]) or any(
        _next_in_text(member, b, spans) for b in listed)


def _list_head(token: Token) -> Token:
    """The first item of the list (conjuncts, appositions) the token is in: the one that holds
    the list's place in the clause ("X, Y and Z blocked": Y and Z stand where X does)."""
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    return token


def _next_in_text(first: Span, second: Span, spans, dated: frozenset[int] = frozenset()) -> bool:
    """Only list words ("," "and" "the" "as well as"), other countries and the tokens `dated` (an
    item's own date: "X in 1973, Y in 1981") stand between the two mentions, the first before the
    second: one list, however the parse hangs it ("Estonia, Latvia, the Czech Republic, and Slovakia")."""
    if first.end > second.start:
        return False
    doc = first.doc
    countries = {i for m in spans if m.label_ in ("country", "country_adj") for i in range(m.start, m.end)}
    return all(i in countries or i in dated or doc[i].lower_ in membership_reasons()["list_link"]
               for i in range(first.end, second.start))


def _holds_a_date(clause: Token) -> bool:
    """Whether a temporal expression lies inside the phrase of `clause`."""
    start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    return any(start <= timex.start and timex.end <= end for timex in clause.doc._.timexes or [])


def _item_dates(doc: Doc) -> frozenset[int]:
    """The tokens of the dates in `doc` with the preposition right before each ("in 1973", "on 4
    May"): what an enumeration's items carry beside their names."""
    out: set[int] = set()
    for timex in doc._.timexes or []:
        span = span_for(doc, timex.start, timex.end)
        if span is None:
            continue
        out.update(range(span.start, span.end))
        if span.start > 0 and doc[span.start - 1].pos_ == "ADP":
            out.add(span.start - 1)
    return frozenset(out)


def _other_clause(member: Span, cue: Token) -> bool:
    """The member belongs to another clause: its verb is not the cue's, the cue is not in the
    member's own phrase ("X, which joined ..."), and the cue's clause does not complete the
    member's verb ("X decided to join", "X said it would leave")."""
    member_verb, cue_verb = clause_verb(member.root), clause_verb(cue)
    if member_verb.i == cue_verb.i or member_verb.pos_ not in ("VERB", "AUX") or cue_of(member_verb) is not None:
        return False
    if cue.i in {t.i for t in member.root.subtree}:
        return False
    if _identified_with_the_noun(member, cue_verb, member_verb):
        return False
    current = cue_verb
    for _ in range(12):
        if current.i == member_verb.i:
            return False
        shares_subject = current.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children)
        if (current.dep_ not in COMPLEMENT_DEPS and not shares_subject) or current.head.i == current.i:
            return True
        current = current.head
    return True


def _identified_with_the_noun(member: Span, cue_verb: Token, member_verb: Token) -> bool:
    """The member is said to be the noun whose relative clause or participle holds the cue: "X and
    Y were among the countries that joined NATO", "the states joining the bloc in 2004 were X and
    Y", "those admitted included X", "among the countries that joined NATO were X", "X was among
    the states the bloc admitted" (the noun's role in that clause is the member's). The member's
    verb links two of its arguments (identity_verb: "be", "include"), directly or through
    identity_preposition ("among"): the member and that noun."""
    clause = cue_verb
    for _ in range(6):  # "the countries that decided to join": up to the relative clause
        if clause.dep_ not in ("xcomp", "ccomp", "conj") or clause.head.i == clause.i:
            break
        clause = clause.head
    if clause.dep_ not in ("relcl", "acl") or member_verb.lemma_.lower() not in membership_words().identity_verb:
        return False
    noun, top = clause.head, member.root
    while top.dep_ in ("conj", "appos") and top.head.i != top.i:
        top = top.head
    return top.i != noun.i and _argument_of_link(top, member_verb) and _argument_of_link(noun, member_verb)


def _argument_of_link(token: Token, link: Token) -> bool:
    """Whether `token` is a subject, object or predicate of the verb `link`, or the object of an
    identity preposition on it ("were among the countries")."""
    if token.head.i == link.i and token.dep_ in ("nsubj", "nsubjpass", "attr", "dobj", "oprd"):
        return True
    preposition = token.head
    return (token.dep_ == "pobj" and preposition.dep_ == "prep" and preposition.head.i == link.i
            and preposition.lower_ in membership_words().identity_preposition)


def _hedged(cue: Token) -> bool:
    """Hedged (frames._is_hedged), except a "would" or "will" of reported speech that states a
    decision ("said it would leave the bloc"): a scheduled change, annotated like a realised one."""
    if not _is_hedged(cue):
        return False
    verb = clause_verb(cue)
    if verb.dep_ != "ccomp" or lemma_in(verb.head, membership_reasons()["reporting_verb"]) is None:
        return True
    markers = {c.lower_ for c in verb.children if c.dep_ in ("aux", "neg", "mark", "advmod")}
    unreal = set(modality_words("negation")) | set(modality_words("condition")) | set(modality_words("modal"))
    return not (markers & membership_reasons()["reported_future"]) or bool(markers & (unreal - membership_reasons()["reported_future"]))


def _adjective_of_cue(member: Span, cue: Token) -> bool:
    """'Turkish accession', 'the Croatian membership bid': the adjective qualifies the cue or
    another cue word ("bid")."""
    head = member.root.head
    if head.lemma_.lower() in membership_reasons()["state_proxy"] and head.dep_ in ("nsubj", "nsubjpass", "poss"):
        return clause_verb(head).i == clause_verb(cue).i  # "the Georgian government applied"
    return head.i == cue.i or cue_of(head) is not None


def _unreal(cue: Token) -> bool:
    """A verb or noun over the cue, up to the sentence's root, that makes the change threatened,
    urged, rumoured or only discussed ("warned it could face suspension", "rumours it would leave")."""
    kinds = membership_reasons()
    for above in cue.ancestors:
        lemma = above.lemma_.lower()
        if above.pos_ in ("VERB", "AUX") and lemma in kinds["unreal_verb"]:
            return True
        if above.pos_ in ("NOUN", "PROPN") and lemma in kinds["unreal_noun"]:
            return True
    return False


def _owned_by_other(cue: Token, member: Span) -> bool:
    """The cue noun has a possessor or an "of" complement naming another country or, for a noun
    of a happening, an organization ("Y's accession", "the withdrawal of the bank from X") that the
    member is not part of ("a member of the AU": the body, no owner)."""
    if cue.pos_ not in ("NOUN", "PROPN"):
        return False
    owners = [c for c in cue.children if c.dep_ == "poss"]
    owners += [g for c in cue.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    inside = {t.i for o in owners for t in o.subtree}
    if not inside or member.root.i in inside:
        return False
    spans = cue.doc.spans[SPAN_KEY] if SPAN_KEY in cue.doc.spans else []
    owners_kinds = ("country", "country_adj") if lemma_in(cue, membership_reasons()["status_noun"]) else ("country", "country_adj", "organization")
    return any(m.root.i in inside and m.id_ != member.id_ for m in spans if m.label_ in owners_kinds)


OBJECT_DEPS = ("dobj", "dative", "nsubjpass", "oprd")


def _acted_on(member: Span, cue: Token) -> bool:
    """The member is in what the cue acts on: its object or passive subject ("admitted X", "X was
    suspended"), a recipient ("granted status to X"), or whose membership it is ("suspended the
    membership of X", "suspended X's membership")."""
    arguments = [c for c in cue.children if c.dep_ in OBJECT_DEPS] or _particle_objects(cue)
    for aux in [c for c in cue.children if c.dep_ == "auxpass"]:  # "X and Y remain suspended": the parse's nsubj
        arguments += [c for c in (*cue.children, *aux.children) if c.dep_ == "nsubj"]
    arguments += [g for c in cue.children if c.dep_ == "prep" and c.lower_ in membership_words().recipient_preposition for g in c.children]
    if cue.dep_ in ("relcl", "acl") and cue.head.i != cue.i:
        arguments.append(cue.head)  # "the country suspended by the bloc"
    return _within(member, {t.i for a in arguments for t in a.subtree}) or any(
        _listed_after_colon(member, a) for a in arguments) or _stray_passive_subject(member, cue) or (
        cue.dep_ in ("relcl", "acl") and _identified_with_the_noun(member, cue, clause_verb(member.root)))


def _stray_passive_subject(member: Span, cue: Token) -> bool:
    """A passive cue the parse left without a subject, and the member named before it that the
    parse hung on a date instead ("In March 2014, X, along with Y, was welcomed into Z": X as an
    apposition of March)."""
    if cue.i < member.start or not any(c.dep_ == "auxpass" for c in cue.children):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return False
    return member.root.dep_ in ("appos", "npadvmod") and clause_verb(member.root).i == cue.i


def _listed_after_colon(member: Span, noun: Token) -> bool:
    """The member is in the list a colon sets after the clause, naming what the noun counts
    ("suspended three countries this year: X, Y and Z")."""
    if noun.lemma_.lower() not in membership_words().country_anaphor and noun.lower_ not in membership_words().country_anaphor:
        return False
    if not any(c.dep_ == "nummod" for c in noun.children):
        return False
    between = member.doc[noun.i + 1:member.start]
    return any(t.lower_ == ":" for t in between) and all(t.lower_ not in (".", ";") for t in between)


def _within(member: Span, inside: set[int]) -> bool:
    """The member is inside the tokens `inside`, or listed right after a country that is ("admitted
    X along with Y and Z": the parse hangs Y and Z on the verb, the list stands where X does)."""
    if member.root.i in inside:
        return True
    spans = member.doc.spans[SPAN_KEY] if SPAN_KEY in member.doc.spans else []
    return any(m.root.i in inside and _next_in_text(m, member, spans) for m in spans if m.label_ == "country")


def _object_elsewhere(cue: Token, member: Span, org: Span | None) -> bool:
    """A cue verb whose direct object is neither the member, nor the organization (or a word for
    it), nor a word of membership: 'joined talks', 'joined her voice', 'applied the rules'."""
    if cue.pos_ != "VERB":
        return False
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    if not objects or _founding_object(cue) is not None:
        return False  # "signed the treaty creating X": what founds it
    if org is not None and SPAN_KEY in cue.doc.spans and (body := body_acted_on(cue, list(cue.doc.spans[SPAN_KEY]))) is not None \
            and body.id_ == org.id_:
        return False  # "launched the bank": the bank named before
    w = membership_words()
    for obj in objects:
        inside = {t.i for t in obj.subtree}
        if obj.lower_ in w.relative_pronoun and _identified_with_the_noun(member, cue, clause_verb(member.root)):
            return False  # "X was among the states that the bloc admitted": the object is the member
        if _within(member, inside) or _listed_after_colon(member, obj) or (org is not None and org.root.i in inside and direct_path(org.root, cue)):
            return False
        if any((t.lemma_.lower() in w.org_anaphor | membership_reasons()["status_noun"] or t.lower_ in w.status
                or t.lower_ in membership_reasons()["membership_object"] or cue_of(t) is not None) and direct_path(t, cue)
               for t in obj.subtree):
            return False  # "joined the bloc", "gained observer status", "joined its ranks" (not "set up a committee with the bloc")
    return True


def _speaker(member: Span, cue: Token) -> bool:
    """The member is the subject of a speech verb and the cue is in what it says, about someone
    else (a clause with a subject of its own that is not a pronoun)."""
    root = _list_head(member.root)
    verb = root.head if root.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None or verb.lemma_.lower() not in membership_reasons()["speech_verb"] or verb.i == cue.i:
        return False
    clause = clause_verb(cue)
    if clause.i == verb.i or verb not in list(clause.ancestors):
        return False
    subjects = [t for t in clause.children if t.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and not any(s.pos_ == "PRON" for s in subjects)


def _qualifies_other(member: Span, cue: Token) -> bool:
    """The member names whose something is meant: the possessor or modifier of a noun that is no
    member and holds no cue ("X's president", "the X government", "US-led forces", "the
    economy of X"); "X's accession", "X's bid to join", "the membership of X" are the member's."""
    root = _list_head(member.root)
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        head = root.head.head
    elif root.dep_ in ("poss", "compound", "amod", "nmod", "npadvmod"):
        head = root.head
    else:
        return False
    if head.i == cue.i or cue.i in {t.i for t in head.subtree}:
        return False
    spans = member.doc.spans[SPAN_KEY] if SPAN_KEY in member.doc.spans else []
    if any(m.start <= head.i < m.end for m in spans if m.label_ == "country"):
        return False  # "South Africa, Sweden, New Zealand ... joined": a list the parse hangs on its first name
    lemma = head.lemma_.lower()
    if lemma in membership_reasons()["state_person"] and _agent_of(head, cue):
        return False  # "signed by the leaders of X, Y and Z", "the presidents of X and Y founded": the states act
    return lemma not in membership_reasons()["status_noun"] and lemma not in membership_words().country_anaphor and lemma not in membership_words().member_nouns \
        and lemma not in membership_reasons()["state_proxy"]


def _agent_of(noun: Token, cue: Token) -> bool:
    """`noun` (or the list it heads) is who does what the cue says: its subject, or the agent of
    its passive ("by ...")."""
    root = _list_head(noun)
    if root.dep_ == "nsubj" and root.head.i == cue.i:
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.i == cue.i


def _founding_object(token: Token) -> Token | None:
    """The founding cue in what a carrier verb acts on ("signed the treaty establishing X", "a
    treaty on the creation of X was signed"), or None."""
    for child in token.children:
        if child.dep_ not in ("dobj", "nsubjpass"):
            continue
        for t in child.subtree:
            cue = cue_of(t) if t.i != child.i or t.pos_ == "NOUN" else None
            if cue is not None and cue.action == "found" and t.i != token.i:
                return t
    return None


def _third_party(member: Span, cue: Token) -> bool:
    """The member is the subject of a verb that acts on another's membership ("X blocked",
    "X backed", "X vetoed")."""
    root = _list_head(member.root)
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    return verb.i != cue.i and lemma_in(verb, membership_words().third_party_verb) is not None and cue in list(verb.subtree)




def _static(token: Token, cue: Cue) -> bool:
    """A status noun that states how things are: "member states", "X is a member of Y", "its
    membership of Y", with no verb of change over it and no "since" dating the state."""
    if cue.word not in membership_reasons()["status_noun"]:
        return False
    if _on_hold(token) is not None:
        return False  # "put its membership on hold": a suspension
    verb = clause_verb(token)
    predicate = token.dep_ == "attr" or (token.dep_ in ("compound", "amod") and token.head.dep_ == "attr")
    if predicate and verb.lemma_ == "be" and any(c.dep_ == "advmod" and c.lower_ in membership_reasons()["change_adverb"] for c in verb.children):
        return False  # "X and Y are now members", "X is now a member country": a change the story reports
    if _named_standing(token):
        return False  # "the bloc named X and Y official candidate countries", "declared X a member state"
    if token.dep_ in ("compound", "amod") and token.head.lemma_.lower() in membership_reasons()["static_head"]:
        return True  # "EU member states", "member countries"
    if _process_over(token) == "apply":
        return False  # "a membership request", "its membership bid": a process
    if any(t.lower_ in membership_reasons()["still_member"] for t in token.subtree) or any(
            t.lower_ in membership_reasons()["still_member"] for t in token.head.children if token.dep_ in ("attr", "appos")):
        return False  # "a member since 2004", "has been an observer since 2015"
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in membership_words().since_word for m in c.children)
           and _holds_a_date(c) and has_pronoun_subject(c) for c in clause_verb(token).children):
        return False  # "has been a member since it joined in 2004": the state dated by its start (not "since X joined")
    for above in [token, *token.ancestors]:
        verb_cue = cue_of(above) if above.i != token.i else None
        if verb_cue is not None and verb_cue.pos == "VERB" and not set(verb_cue.needs.split("|")) & {"origin_word", "since"}:
            return False  # "became a member", "granted observer status", "applied for membership"
        if lemma_in(above, membership_words().noun_verb) is not None and above.pos_ == "VERB":
            return False  # "membership was approved"
        if above.pos_ in ("VERB", "AUX") and above.i != token.i:
            break
    return True


def _on_hold(token: Token) -> Token | None:
    """A status noun its verb puts on hold ("put its membership on hold", "... on ice"): the
    word of the hold, or None."""
    if token.dep_ != "dobj" or token.lemma_.lower() not in membership_reasons()["status_noun"]:
        return None
    for prep in token.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "on":
            for word in prep.children:
                if word.dep_ == "pobj" and word.lower_ in membership_reasons()["hold_word"]:
                    return word
    for prep in token.children:  # the parse may hang "on hold" on the noun
        if prep.dep_ == "prep" and prep.lower_ == "on" and any(w.lower_ in membership_reasons()["hold_word"] for w in prep.children):
            return prep
    return None


def _trade_partner(token: Token) -> bool:
    """'a key trade partner', 'strategic partners': a partner in business or politics."""
    modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
    return bool(modifiers & membership_reasons()["trade_partner"]) or not any(
        t.lower_ in membership_reasons()["dialogue_word"] for t in [*token.children, token.head])


def _needs_met(token: Token, cue: Cue, org: Span | None) -> bool:
    """A weak cue ('sign', 'gain', 'form') needs one of its `needs`: a membership word in its
    phrase ("gained observer status"), the organization as what it acts on ("formed the bloc") or
    as its subject ("the bloc expanded"), a particle ("pulled out", "signed up"), or "since"."""
    return cue.needs == "-" or any(_need_holds(need, token, org) for need in cue.needs.split("|"))


def _need_holds(need: str, token: Token, org: Span | None) -> bool:
    if need == "status_word":
        return any(t.lower_ in membership_words().status or t.lemma_.lower() in membership_reasons()["status_noun"]
                   or t.lower_ in membership_reasons()["standing_word"]
                   for t in token.subtree if t.i != token.i)
    if need == "particle_up":
        return any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ == "up" for c in token.children)
    if need == "particle_in":  # "took in X", "brought in X", "let in X"
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return following is not None and following.lower_ == "in" and following.head.i == token.i \
            and following.dep_ in ("prt", "prep")
    if need == "particle_out":  # "pulled out of", "walked out", "walked away from"
        return any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ in ("out", "away") for c in token.children)
    if need == "founding_object":
        return _founding_object(token) is not None
    if need == "origin_word":
        return any(t.lower_ in membership_reasons()["origin_word"] for t in token.children)
    if need == "since":
        return any(t.lower_ in membership_reasons()["still_member"] for t in token.subtree)
    if need == "org_object" and _anaphor_object(token):
        return True  # "left the organisation", "quit the bloc": the word for it stands where its name would
    if org is None or org.root.sent != token.sent:
        return False
    root = org.root
    while root.dep_ in ("conj", "appos", "compound") and root.head.i != root.i:
        root = root.head
    if need == "org_subject":
        return root.head.i == token.i and root.dep_ in ("nsubj", "poss") or (
            token.dep_ in ("xcomp", "advcl", "conj") and root.head.i == token.head.i and root.dep_ == "nsubj")
    # org_object: the object, the passive subject, or the object of a preposition the cue's action takes
    if root.head.i == token.i and root.dep_ in ("dobj", "nsubjpass", "attr", "pobj", "poss"):
        return True
    preps = membership_reasons()["away_preposition"] if (cue := cue_of(token)) and cue.action in ("leave", "suspend", "expel") \
        else membership_reasons()["into_preposition"]
    return root.dep_ == "pobj" and root.head.head.i == token.i and root.head.lower_ in preps \
        or (org.root.i in {t.i for t in token.subtree} and direct_path(org.root, token) and org.root.i != token.i
            and any(c.dep_ in ("dobj", "nsubjpass") and org.root.i in {t.i for t in c.subtree} for c in token.children))


def _anaphor_object(token: Token) -> bool:
    """The cue acts on a word for an organization: its object, or the object of a preposition its
    action takes ("left the bloc", "withdrew from the organisation", "joined it")."""
    preps = membership_reasons()["away_preposition"] if (cue := cue_of(token)) and cue.action in ("leave", "suspend", "expel") \
        else membership_reasons()["into_preposition"]
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]  # "the bloc was founded by X"
    objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]
    spans = list(token.doc.spans[SPAN_KEY]) if SPAN_KEY in token.doc.spans else []
    named = {i for m in spans for i in range(m.start, m.end)}
    return any(o.lemma_.lower() in membership_words().org_anaphor and o.i not in named for o in objects) \
        or body_acted_on(token, spans) is not None  # "launched the bank" after "the New Development Bank"


def unreal_frame(mention: MembershipMention) -> bool:
    """A frame's mention the `unreal` or `undone` reason rejects too (a frame licenses a wording,
    not its modality), or one whose status word is what another change is the first of ("became
    the first country to withdraw"); an application awaiting a decision ("X's accession will be
    discussed") stays."""
    if _undone(mention.trigger) and (cue := cue_of(mention.trigger)) is not None and cue.action == "leave":
        return True  # "X's withdrawal was revoked" (a frame may read the revoking as an expulsion)
    if _named_by_other_change(mention.trigger) or _topic(mention.trigger) or takes_effect(mention.trigger, plain=False):
        return True
    return mention.action != "apply" and _unreal(mention.trigger)


def _generic(cue: Token) -> bool:
    """A gerund cue as the subject of a clause in the present or future: the change spoken of in
    general ("Joining the bloc will take X away from ...", "Leaving the union means ..."), not
    one that happened ("Joining the bloc in 2004 made X richer")."""
    if cue.tag_ != "VBG" or cue.dep_ not in ("csubj", "nsubj", "csubjpass") or cue.head.i == cue.i:
        return False
    verb = cue.head
    return verb.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _topic(cue: Token) -> bool:
    """The change is what a thing is about, not what happened ("a working group on X's
    accession", "a report on its membership", "a referendum on joining the bloc", "a law on
    leaving it"); talks on it are the application itself."""
    about = topic_of(cue)
    return about is not None and about.lower_ not in membership_words().process_noun


def _undone(cue: Token) -> bool:
    """A withdrawal that was revoked or reversed ("X's withdrawal was revoked", "reversed its
    withdrawal"): no change was made."""
    return cue.pos_ in ("NOUN", "PROPN") and cue.dep_ in ("dobj", "nsubjpass") and lemma_in(cue.head, membership_words().undo_verb) is not None


def _named_by_other_change(trigger: Token) -> bool:
    """'became the first country to withdraw from X': the noun "become" makes its member is what
    a cue verb of its own says (the withdrawal), not a new membership."""
    return any(cue.action != "join" for _, cue in _infinitive_cues(trigger))


def _infinitive_cues(trigger: Token) -> list[tuple[Token, Cue]]:
    """The cue verbs of the noun a copula cue makes its subject ("became the first nation to join
    a bloc", "the first country to withdraw"), with their cues."""
    if trigger.lemma_.lower() not in membership_reasons()["copula_cue"]:
        return []
    verbs = [g for c in trigger.children if c.dep_ == "attr" for g in c.children if g.dep_ in ("acl", "relcl")]
    verbs += [c for c in trigger.children if c.dep_ == "xcomp"]  # the parse may hang the infinitive on the verb
    return [(v, cue) for v in verbs if v.pos_ == "VERB" and (cue := cue_of(v)) is not None]


def _copula_infinitive(token: Token, cue: Cue) -> tuple[Token, Cue]:
    """'X became the first nation to join the bloc': the change is the infinitive's (X joined),
    not a standing "became" gives."""
    found = _infinitive_cues(token)
    return found[0] if found else (token, cue)


def refined(mention: MembershipMention) -> MembershipMention:
    """A frame's mention with the action its trigger word states when that is more precise ("X
    rejoined" is a readmission; "initially X joined" a founding)."""
    if mention.action == "join" and mention.status == "candidate":
        return replace(mention, action="apply")  # "has been a candidate member since 1999"
    if mention.action == "join" and _governing_action(mention.trigger, "join", mention.status)[0] == "apply":
        return replace(mention, action="apply", status="candidate")  # "Ukraine's drive to become a member"
    cue = cue_of(mention.trigger)
    if cue is None or mention.action != "join" or mention.frame == "candidate":
        return mention
    action, status = _action_status(mention.trigger, cue)
    if action in ("readmit", "found"):
        return replace(mention, action=action, status=status)
    return mention


def candidate_mentions(candidates: list[Candidate]) -> list[MembershipMention]:
    """The candidates no reason rejected, as mentions the records are built from."""
    out = []
    for c in candidates:
        if c.outcome != "record" or c.organization is None:
            continue
        name = _member_name(c.member)
        out.append(MembershipMention(c.organization.id_, c.organization.text, c.member.id_, name, "country",
                                     c.action, c.status, _ordinal_near(c.cue), c.cue, c.sentence, "candidate"))
    return out


# Reasons about a member's place in the parse, which a list the parse breaks gets wrong for its
# later items: an item listed with a member that has a change shares that change
LIST_PLACE_REASONS = frozenset({"not_acted_on", "object_elsewhere", "owned_by_other", "weak_cue", "far_from_cue",
                                "other_clause", "cue_taken", "adjective_elsewhere", "not_a_party"})


def with_list_mates(candidates: list[Candidate], frames: list[MembershipMention],
                    found: list[MembershipMention]) -> tuple[list[Candidate], list[MembershipMention]]:
    """One list, one fate: a candidate listed next to a member that has a change in its sentence
    (only list words and countries between them: "X along with Y, Z and W", "X as well as Y")
    shares that change when only its place in the parse rejected it, and a candidate record takes
    the change's trigger (its date) when the two disagree on the cue ("granted X along with Y
    candidate status"). Returns the candidates with their new outcomes and the found mentions."""
    if not candidates:
        return candidates, found
    doc = candidates[0].member.doc
    spans = doc.spans[SPAN_KEY] if SPAN_KEY in doc.spans else []
    dated = _item_dates(doc)
    changes = {(m.sentence.start, m.member): m for m in frames}
    own = {(m.sentence.start, m.member): m for m in found}
    ordered = sorted(range(len(candidates)), key=lambda i: candidates[i].member.start)
    out_candidates = list(candidates)
    out_found = {key: m for key, m in own.items()}
    changed = True
    while changed:
        changed = False
        for i in ordered:
            c = out_candidates[i]
            key = (c.sentence.start, c.member.id_)
            if key in changes or (c.outcome not in LIST_PLACE_REASONS and c.outcome != "record"):
                continue
            mates = changes if c.outcome == "record" else {**own, **changes}  # a record re-cued only by a frame's
            mate = _list_mate(c, [out_candidates[j] for j in ordered if j != i], mates, spans, dated)
            if mate is None or (c.outcome == "record" and (mate.organization, mate.action) != (
                    own[key].organization, own[key].action)):
                continue
            out_found[key] = replace(mate, member=c.member.id_, member_name=_member_name(c.member), when=None)
            changes[key] = out_found[key]
            out_candidates[i] = replace(c, cue=mate.trigger, action=mate.action, status=mate.status, outcome="record")
            changed = True
    return out_candidates, sorted(out_found.values(), key=lambda m: (m.trigger.idx, m.member))


def _list_mate(c: Candidate, others: list[Candidate], changes: dict, spans, dated: frozenset[int]) -> MembershipMention | None:
    """The change of a member listed right before or after the candidate's, in its sentence."""
    for d in others:
        mate = changes.get((d.sentence.start, d.member.id_))
        if mate is None or d.sentence.start != c.sentence.start or d.member.id_ == c.member.id_:
            continue
        if not (_in_subtree(d.member.root, mate.trigger) or _in_subtree(mate.trigger, d.member.root)):
            continue  # the mate's name is not where its change is ("X and Y signed a deal on X's entry")
        if d.member.label_ != c.member.label_:
            continue  # a name and an adjective are no list ("members in China, Palestinian membership")
        if _next_in_text(d.member, c.member, spans, dated) or _next_in_text(c.member, d.member, spans, dated):
            return mate
    return None


def followed_changes(doc: Doc, skip: Spans, gazetteer: list[Span], mentions: list[MembershipMention]) -> list[MembershipMention]:
    """Changes a state makes by following one just told ("X joined the bloc in 2004. Y followed in
    2007", "Y followed suit", "Y did so in 2007", "Y did the same"): a follow verb, or a pro-verb
    with its word, whose subject names countries, after a change in its sentence or the one before,
    is that change for them, dated by its own clause."""
    out: list[MembershipMention] = []
    reasons = membership_reasons()
    follow, pro_words = reasons["follow_verb"], reasons["pro_verb_word"]
    for token in _tokens_after_changes(doc, mentions):
        if token.pos_ not in ("VERB", "AUX") or (token.lemma_.lower() not in follow and not _pro_verb(token, pro_words)):
            continue
        if skip.holds(token.idx) or _is_hedged(token):
            continue
        if any(c.dep_ == "dobj" and c.lower_ not in follow | pro_words for c in token.children):
            continue  # "followed the rules", "followed the talks", "did the work": no change of its own
        earlier = [m for m in mentions if m.trigger.i < token.i and m.sentence.end >= token.sent.start]  # its sentence or the one before
        if not earlier:
            continue
        told = max(earlier, key=lambda m: m.trigger.i)
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        members = [m for s in subjects for m in _mentions_in(list(s.subtree), gazetteer, ("country",))]
        for member in members:
            if member.id_ == told.member:
                continue
            out.append(replace(told, member=member.id_, member_name=_member_name(member), trigger=token, sentence=token.sent,
                               when=None, frame="follow", ordinal=None))
    return out


def _pro_verb(token: Token, words: frozenset[str]) -> bool:
    """"did so", "did the same", "did likewise": a pro-verb with one of `words` as its child or
    right after it ("the" between; the parse may hang "so" elsewhere)."""
    if token.lemma_.lower() not in membership_reasons()["pro_verb"]:
        return False
    if any(c.lower_ in words for c in token.children):
        return True
    following = [t.lower_ for t in token.doc[token.i + 1:token.i + 3]]
    if following[:1] == ["the"]:
        following = following[1:]
    return bool(following) and following[0] in words


def _tokens_after_changes(doc: Doc, mentions: list[MembershipMention]):
    """The tokens of the sentences that tell a change and of the sentence after each: where a
    follower can be (the rest of the Doc is never looked at)."""
    starts = sorted({m.sentence.start for m in mentions} | {m.sentence.end for m in mentions if m.sentence.end < len(doc)})
    for start in starts:
        sentence = doc[start].sent
        if sentence.start == start:
            yield from sentence


def _in_subtree(token: Token, top: Token) -> bool:
    return top.left_edge.i <= token.i <= top.right_edge.i and (token.i == top.i or top in token.ancestors)


def _member_name(member: Span) -> str:
    """The name a record gives a member: as written when it is a country's name, else the
    country's ("Beijing" is China, "it" the country it stands for)."""
    return member.text if member.text in country_names() else country_name(member.id_)


def candidate_records(doc_id: str, candidates: list[Candidate]) -> list[CandidateRecord]:
    """Every candidate as a `candidate` record (--explain), in text order."""
    out = []
    for c in sorted(candidates, key=lambda c: (c.member.start_char, c.cue.i)):
        org = c.organization
        out.append(CandidateRecord(
            doc_id=doc_id, member=entity(c.member.id_, c.member.text, "country"),
            organization=entity(org.id_, org.text, "organization") if org is not None else None,
            cue=c.cue.text, cue_start=c.cue.idx, action=c.action, status=c.status, outcome=c.outcome,
            evidence=evidence(c.sentence)))
    return out


def _bare(token: Token) -> bool:
    """A cue that names nothing it acts on: a verb with no object and no phrase but a date's ("X
    joined in 2010"), or a noun under a definite article with no complement ("the accession took
    place on Tuesday"): it means the change the text is about."""
    if token.pos_ in ("VERB", "AUX"):
        for c in token.children:
            if c.dep_ in ("dobj", "dative", "xcomp", "ccomp"):
                return False
            if c.dep_ == "prep" and not any(g.dep_ == "pobj" and (g.like_num or g.ent_type_ in ("DATE", "TIME")) for g in c.children):
                return False
        return True
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and not any(
        c.dep_ in ("prep", "poss", "compound", "amod") for c in token.children)


def _salient_for(token: Token, mentions: list[Span]) -> Span | None:
    """The organization named last before `token`, in its sentence or SALIENT_CHARS before it."""
    earlier = _last_organization_before(token.i, mentions, set())
    if earlier is not None and token.sent.start_char - earlier.end_char <= SALIENT_CHARS:
        return earlier
    return None


@dataclass(frozen=True)
class EventCue:
    """A membership cue that states a dated change whose member the text does not name ("the
    accession took place on Tuesday", "the bloc was formed in the 1990s"): an event, no record."""

    cue: Token
    action: str
    organization: Span | None


def event_cues(doc: Doc, skip: Spans, mentions: list[Span], triggers: set[int], dates) -> list[EventCue]:
    """The cues of `doc` that are no trigger of a membership mention (`triggers`) and still state a
    change: a verb or an event noun, with a date of its own clause, about an organization named in
    its sentence or referred to there ("the bloc"), neither hedged, unreal, a state ("its
    membership") nor a weak cue without what it needs."""
    out = []
    w = membership_words()
    for sentence in doc.sents:
        if skip.holds(sentence.start_char) or not sentence[0].dep_:
            continue
        for token in sentence:
            cue = cue_of(token)
            if cue is None or token.i in triggers or cue.word in membership_reasons()["state_noun"] | membership_reasons()["no_event"]:
                continue
            if token.dep_ in ("compound", "amod"):
                continue  # "accession talks", "the founding treaty": the head noun is the happening
            inside = {t.i for t in token.subtree}
            orgs = [m for m in _mentions_in(sentence, mentions, ("organization",))
                    if _argument_of(m, token) or (m.root.i in inside and direct_path(m.root, token))]
            org = min(orgs, key=lambda m: _path_length(m.root, token)) if orgs else None
            refers = any(t.lemma_.lower() in w.org_anaphor and direct_path(t, token) for t in token.subtree if t.i != token.i) or any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in w.org_anaphor for c in token.children)
            if org is None and (refers or _bare(token)):
                # "X joined in 2010", "the accession took place on Tuesday", "the bloc was formed in 1994": the
                # body named just before; a word for a body that names none ("the band", "the athletics body") is none
                org = _salient_for(token, mentions)
            if org is None:
                continue  # the organization must be what the cue is about, not merely in its sentence
            if _hedged(token) or _unreal(token) or _topic(token) or _undone(token) or not _needs_met(token, cue, org):
                continue
            if dates.for_token(token, fallback=False, strict=True) is None:
                continue
            action, _ = _action_status(token, cue)
            out.append(EventCue(token, action, org))
    return out
