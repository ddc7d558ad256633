"""Membership records: one per change, repeated mentions merged, a change with another date
another record."""

from __future__ import annotations

from extractor.core.records import Entity, Evidence, Membership
from extractor.extractors.membership.frames import MembershipMention, membership_date
from extractor.linking.dates import DateIndex, DatedChange, date_ref
from extractor.linking.mentions import evidence, with_later_evidence
from extractor.nlp.entities import entity
from extractor.nlp.syntax import clause_verb, realising_verb, tense_of


def membership_records(doc_id: str, mentions: list[MembershipMention], dates: DateIndex) -> list[Membership]:
    """One record per (organization, member, action, status) and date: later mentions of the same
    change add evidence, an undated mention dates nothing new and joins the first record of its
    key, and a mention with another date is another change ("applied in 2022 ... granted candidate
    status in 2023")."""
    merged: dict[tuple, Membership] = {}
    more: dict[tuple, dict[tuple[int, int], Evidence]] = {}  # later evidence, by span: no quadratic list scans
    by_change: dict[tuple, list[tuple]] = {}  # (organization, member, action, status) -> keys of its records
    for m in mentions:
        when = membership_date(m, dates)
        change = (m.organization, m.member, m.action, m.status)
        value = date_ref(when).value if when is not None else None
        key = _record_key(change, value, by_change.get(change, []), merged, _told_as_news(m) if value is None else None)
        proof = evidence(m.sentence)
        if key in merged:
            first = merged[key]
            if (proof.start, proof.end) != (first.evidence.start, first.evidence.end):
                more[key].setdefault((proof.start, proof.end), proof)
            update: dict = {}
            if first.date is None and when is not None:
                update["date"] = date_ref(when)
            if first.ordinal is None and m.ordinal is not None:
                update["ordinal"] = m.ordinal
            if update:
                merged[key] = first.model_copy(update=update)
            continue
        by_change.setdefault(change, []).append(key)
        more[key] = {}
        merged[key] = Membership(
            doc_id=doc_id, organization=entity(m.organization, m.organization_name, "organization"),
            member=entity(m.member, m.member_name, m.member_kind), action=m.action, status=m.status,
            date=date_ref(when) if when else None, ordinal=m.ordinal, trigger=m.trigger.text,
            evidence=proof)
    return with_later_evidence(merged, more)


def _told_as_news(m: MembershipMention) -> int | None:
    """The reference year of an undated mention told in the present or future ("the US is pulling
    out of UNESCO", "X will also withdraw"): the story's own change, not one of years before it."""
    reference = m.trigger.doc._.reference_date
    if reference is None or tense_of(clause_verb(m.trigger)) not in ("present", "future"):
        return None
    return reference.year


def _record_key(change: tuple, value: str | None, keys: list[tuple], merged: dict[tuple, Membership],
                news_year: int | None = None) -> tuple:
    """The record a mention of `change` dated `value` belongs to: the one with that date, else
    the first undated one (which it dates), else a new one; an undated mention, the first, unless
    it is told as news (`news_year`) and every record of the change is dated years before
    ("left UNESCO in 1984 ... is pulling out of UNESCO": two withdrawals)."""
    if not keys:
        return (*change, 0)
    if value is None:
        if news_year is not None and all(_years_before(merged[k], news_year) for k in keys):
            return (*change, len(keys))
        return keys[0]
    for key in keys:
        if (date_ := merged[key].date) is not None and date_.value == value:
            return key
    for key in keys:
        if merged[key].date is None:
            return key
    return (*change, len(keys))


def _years_before(record: Membership, year: int) -> bool:
    value = record.date.value if record.date is not None else None
    return value is not None and value[:4].isdigit() and int(value[:4]) < year - 1


def dated_changes(mentions: list[MembershipMention], cues: list, dates: DateIndex) -> list[DatedChange]:
    """The dated happenings of the changes read: one per trigger, and per item of an enumeration
    with its own date ("taking in A in 1973 and B in 1981"), dated by the change's own clause only
    (no fallback to the paragraph's date); then the cues of changes whose member the text does not
    name (`EventCue`: "the accession took place on Tuesday")."""
    by_trigger: dict[tuple, list[MembershipMention]] = {}
    for m in mentions:
        by_trigger.setdefault((m.trigger.i, m.when.start if m.when is not None else None), []).append(m)
    out = []
    for group in by_trigger.values():
        first = group[0]
        when = membership_date(first, dates, fallback=False)
        if when is None:
            continue
        people = [*(entity(m.member, m.member_name, m.member_kind) for m in group),
                  entity(first.organization, first.organization_name, "organization")]
        out.append(DatedChange(first.trigger, first.action, when, _unique(people)))
    for c in cues:
        when = dates.for_token(c.cue, fallback=False, strict=True)
        if when is not None:
            body = (entity(c.organization.id_, c.organization.text, "organization"),) if c.organization is not None else ()
            out.append(DatedChange(c.cue, c.action, when, body, member_named=False))
    return out


def words_read(mentions: list[MembershipMention], dates: DateIndex) -> frozenset[int]:
    """The tokens a change was read from (its trigger and the verb that realises it), which no
    other extractor reads again; undated accession talks ("started accession talks in October")
    leave theirs to the event words, as talks."""
    read = [m for m in mentions if m.frame != "talks" or membership_date(m, dates, fallback=False) is not None]
    return frozenset({m.trigger.i for m in read} | {realising_verb(m.trigger).i for m in read})


def _unique(entities: list[Entity]) -> tuple[Entity, ...]:
    return tuple({(e.kind, e.id): e for e in entities}.values())
