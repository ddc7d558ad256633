"""Membership changes: who joined, left, was suspended from, applied to or founded which body.

Recall first: `candidates` pairs every member named (or referred to) in a sentence with a
membership cue with the organization the cue is about, and keeps each pair unless a named
reason rejects it; `frames` holds the readings of particular wordings (patterns/membership.jsonl)
whose action, status and arguments are more precise, and which win where both read a pair;
`records` merges mentions into records; `component` is the spaCy component.
"""

from extractor.extractors.membership.candidates import candidate_records, cue_words
from extractor.extractors.membership.component import MembershipTagger, make_memberships
from extractor.extractors.membership.frames import (MembershipMention, MembershipPattern, find_memberships, has_trigger_pattern,
                                                    membership_date, patterns, trigger_words, _matcher)
from extractor.extractors.membership.records import dated_changes, membership_records

__all__ = [
    "MembershipMention", "MembershipPattern", "MembershipTagger", "candidate_records", "cue_words", "dated_changes",
    "find_memberships", "has_trigger_pattern", "make_memberships", "membership_date", "membership_records", "patterns",
    "trigger_words",
]
