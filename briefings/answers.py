"""Whether a later report answers an open question: the rule that closes questions.

An open question (a contested claim, a pending step, an unconfirmed report) is closed by a
later *firm* statement on the same matter: a claim that is not hedged, or a denial, from a
named or official speaker (an anonymous source adds to the question, it does not settle it).
"The same matter" means the statement's content words cover enough of the question's. A
sentence the question already rests on never answers it, so a wire copy of the report that
raised a question cannot close it. Pure and deterministic, like the rest of the core.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from briefings.model import Claim, Denial
from briefings.similarity import content_terms, sentence_key, term_overlap

ANSWER_THRESHOLD = 0.5
MIN_SHARED_TERMS = 3
_FIRM_SPEAKERS = frozenset({"named", "official"})


def is_firm(item: Claim | Denial) -> bool:
    """A statement that can settle a question: on the record and, for claims, not hedged."""
    if item.speaker_kind not in _FIRM_SPEAKERS:
        return False
    return not (isinstance(item, Claim) and item.hedged)


def answer_score(question: str, sentence: str) -> float:
    """How well ``sentence`` addresses ``question`` (0..1); 0 below the shared-term minimum."""
    asked = content_terms(question)
    said = content_terms(sentence)
    if len(asked & said) < MIN_SHARED_TERMS:
        return 0.0
    return term_overlap(asked, said)


def answering_sentences(
    question: str, raised_by: Sequence[str], items: Iterable[Claim | Denial]
) -> list[str]:
    """The verbatim sentences among ``items`` that answer the question, in order, once each."""
    # (In any apostrophes and line breaks: a wire copy re-types them.)
    known = {sentence_key(s) for s in raised_by}
    found: dict[str, None] = {}
    for item in items:
        if sentence_key(item.sentence) in known or not is_firm(item):
            continue
        if answer_score(question, item.sentence) >= ANSWER_THRESHOLD:
            found[item.sentence] = None
    return list(found)


__all__ = ["ANSWER_THRESHOLD", "answer_score", "answering_sentences", "is_firm"]
