"""Which named thing takes part in a trigger's act: the path from an organization up to the
trigger that joins it, with nothing else named between."""

from __future__ import annotations

from spacy.tokens import Token

from extractor.language.lexicon import membership_words


def direct_path(token: Token, trigger: Token) -> bool:
    """No other thing named between `token` and the trigger above it: "joined the EU" and "joined
    the bloc's single market"... but not "joined talks with the EU" or "joined the UN force", where
    the organization only qualifies what is joined. Words for membership ("membership", "status")
    and for the organization ("the bloc") may stand between."""
    w = membership_words()
    current = token.head
    for _ in range(12):
        if current.dep_ == "prep" and current.lower_ in w.alongside_preposition:
            return False  # "joined talks with the EU", "joined with the EU in condemning": beside it, not into it
        if current.i == trigger.i:
            return True
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "xcomp":
            return False  # another clause's organization ("joined in urging him to stay, since X is leaving the EBRD")
        if current.pos_ in ("NOUN", "PROPN") and current.lemma_.lower() not in w.org_anaphor | w.member_nouns \
                and current.lower_ not in w.status and current.lower_ not in w.membership_word:
            return False
        if current.head.i == current.i:
            return False
        current = current.head
    return False
