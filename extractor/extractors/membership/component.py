"""The `memberships` spaCy component: the frames' mentions, then the candidates no reason
rejected, as records on the Doc."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor.core.context import context_of, write_spans
from extractor.core.records import Membership
from extractor.extractors.membership.candidates import candidate_mentions, event_cues, find_candidates, followed_changes, refined, unreal_frame, with_list_mates
from extractor.extractors.membership.frames import MembershipMention, _with_enumeration, find_memberships, with_further_organizations, with_further_standings, with_respective_dates
from extractor.extractors.membership.organizations import retargeted
from extractor.extractors.membership.records import dated_changes, membership_records, words_read
from extractor.nlp.entities import SPAN_KEY, Gazetteer


@Language.factory("memberships", requires=["doc.spans", "doc._.timexes", "token.dep"],
                   assigns=["doc._.memberships", "doc.spans"])
def make_memberships(nlp: Language, name: str) -> MembershipTagger:
    return MembershipTagger(nlp)


class MembershipTagger:
    """Membership changes as `doc._.memberships` (records, repeated mentions merged) and
    `doc.spans["memberships"]` (the trigger words); their dated happenings on the context, for
    the `events` component (`link.DatedChange`). Reads the gazetteer's mentions (running it if
    no `gazetteer` component ran) and the dates of the `timex` component (running it if needed)."""

    def __init__(self, nlp: Language):
        self.nlp = nlp
        self._gazetteer: Gazetteer | None = None

    def __call__(self, doc: Doc) -> Doc:
        from extractor.extractors.temporal import dates_of  # noqa: PLC0415  (temporal's component imports this package's records)

        if SPAN_KEY not in doc.spans:
            self._gazetteer = self._gazetteer or Gazetteer(self.nlp)
            doc = self._gazetteer(doc)
        ctx = context_of(doc)
        dates = dates_of(doc)
        mentions = find_memberships(doc, ctx.boilerplate, dates)
        mentions = self._with_candidates(doc, ctx, mentions)
        ctx.membership_mentions = mentions
        ctx.membership_changes = dated_changes(mentions, ctx.membership_event_cues or [], dates)
        ctx.membership_words_read = words_read(mentions, dates)
        records = membership_records(ctx.doc_id, mentions, dates)
        doc._.memberships = records
        by_key: dict[tuple, list[Membership]] = {}
        for r in records:
            by_key.setdefault((r.organization.id, r.member.id, r.action, r.status), []).append(r)
        write_spans(doc, "memberships", [(m.trigger.idx, m.trigger.idx + len(m.trigger), m.action, _record_of(m, by_key))
                                         for m in mentions])
        return doc

    @staticmethod
    def _with_candidates(doc: Doc, ctx, mentions: list[MembershipMention]) -> list[MembershipMention]:
        """The frames' mentions and those of the candidate stage no reason rejected; every
        candidate, with its outcome, on the context (`--explain`)."""
        gazetteer = list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else []
        if not gazetteer or not doc.has_annotation("DEP"):
            ctx.membership_candidates = []
            return mentions
        mentions = [refined(m) for m in retargeted(mentions, gazetteer) if not unreal_frame(m)]
        read = {(m.sentence.start, m.member) for m in mentions}
        taken: dict[int, set[str]] = {}
        for m in mentions:
            taken.setdefault(m.trigger.i, set()).add(m.member)
        candidates = find_candidates(doc, ctx.boilerplate, gazetteer, read, taken)
        candidates, found = with_list_mates(candidates, mentions, candidate_mentions(candidates))
        ctx.membership_candidates = candidates
        triggers = {m.trigger.i for m in [*mentions, *found]}
        ctx.membership_event_cues = event_cues(doc, ctx.boilerplate, gazetteer, triggers, ctx.dates)
        if found and ctx.dates is not None:
            found = [m for f in found for m in _with_enumeration([f], ctx.dates, gazetteer)]
        found += followed_changes(doc, ctx.boilerplate, gazetteer, [*mentions, *found])
        every = [*mentions, *found]
        if ctx.dates is not None:
            every = with_respective_dates(every, ctx.dates, gazetteer)
            every = with_further_organizations(with_further_standings(every, ctx.dates), ctx.dates, gazetteer)
        return sorted(every, key=lambda m: (m.trigger.idx, m.member))


def _record_of(mention: MembershipMention, by_key: dict[tuple, list[Membership]]) -> Membership:
    """The record a mention went into: of its change's records (one per date), the one whose
    evidence is the mention's sentence, else the first."""
    records = by_key[(mention.organization, mention.member, mention.action, mention.status)]
    span = (mention.sentence.start_char, mention.sentence.end_char)
    for r in records:
        if span in [(e.start, e.end) for e in (r.evidence, *r.mentions)]:
            return r
    return records[0]
