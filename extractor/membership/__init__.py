"""Membership changes: who joined, left, was suspended from, applied to or founded which body.

Recall first: `candidates` pairs every member named (or referred to) in a sentence with a
membership cue with the organization the cue is about, and keeps each pair unless a named
reason rejects it; `frames` holds the readings of particular wordings (patterns/membership.jsonl)
whose action, status and arguments are more precise, and which win where both read a pair.
"""

from extractor.membership.frames import (
    MembershipMention, MembershipPattern, MembershipTagger, direct_path, find_memberships, has_trigger_pattern,
    membership_date, membership_records, patterns, realising_verb, trigger_words, words, _matcher,
    _entity as entity,
)

__all__ = [
    "MembershipMention", "MembershipPattern", "MembershipTagger", "direct_path", "find_memberships",
    "entity", "has_trigger_pattern", "membership_date", "membership_records", "patterns", "realising_verb", "trigger_words",
    "words",
]
