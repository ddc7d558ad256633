"""Membership records: one per change, repeated mentions merged, a change with another date
another record."""

from __future__ import annotations

from extractor.entities import country_adjectives, country_name, organizations
from extractor.link import DateIndex, date_ref, evidence, with_later_evidence
from extractor.membership.frames import MembershipMention, membership_date
from extractor.nlp import clause_verb, tense_of
from extractor.records import Entity, Evidence, Membership


def entity(mention_id: str, name: str, kind: str) -> Entity:
    if kind == "organization":
        org = organizations().get(mention_id)
        return Entity(name=org.name if org else name, id=mention_id, kind="organization")
    return Entity(name=name if name[:1].isupper() and name not in country_adjectives() else country_name(mention_id),
                  id=mention_id, kind="country")


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
