"""How alike two items are: the same claim in two reports, a denial and the claim it rejects,
and wire copies (near-identical report text).

Content words and capitalized names carry the matter of a claim; function words, reporting
verbs and hedges do not, so they are left out before comparing. Scores are 0..1 and
deterministic; thresholds live with the caller (``briefings.pipeline``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefings.model import Claim, Denial

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+(?:[.,]\d+)?")
_STOP = frozenset(
    """
    a an the and or but if then than that this these those there here of to in on at by for
    with from into onto about as over under after before during while since until up down out
    off again further once is are was were be been being am has have had having do does did
    not no nor only own same so too very can could may might must shall should will would
    it its it's they them their theirs he him his she her hers we us our you your i me my
    who whom whose which what when where why how all any both each few more most other some
    such also just now still yet already even ever never rather however meanwhile
    said says say saying told tell tells stated stating added adding according claimed claims
    claim reported reports report reportedly allegedly denied denies deny denial rejected
    rejects dismissed dismisses refuted called calls insisted noted warned urged believes
    believed expects expected indicated signaled signalled suggested described cautioned
    mr mrs ms dr gen president minister spokesperson spokesman spokeswoman official officials
    source sources people familiar matter according
    """.split()
)


def content_words(text: str) -> frozenset[str]:
    return _content_words(text)


@lru_cache(maxsize=4096)
def _content_words(text: str) -> frozenset[str]:
    words = (w.lower().strip("'’-") for w in _WORD.findall(text))
    return frozenset(_stem(w) for w in words if len(w) > 2 and w not in _STOP)


def _stem(word: str) -> str:
    # A light suffix strip so "withdraw"/"withdrawal", "concession"/"concessions" meet.
    for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "als", "al", "ies",
                   "es", "s", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: shared words over the smaller set (short denials match long claims)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def same_claim(a: Claim, b: Claim) -> float:
    """Two claims carry the same statement: their content words mostly coincide."""
    if a.sentence == b.sentence:
        return 1.0
    return jaccard(content_words(a.content), content_words(b.content))


def denial_targets_claim(denial: Denial, claim: Claim) -> float:
    """How well a denial's sentence addresses a claim's content.

    Denials are often short ("denied the reports"), so the denial's whole sentence is
    compared and the overlap is measured against the smaller side; a denial never targets
    a claim from its own speaker.
    """
    if denial.speaker and denial.speaker.lower() == claim.speaker.lower():
        return 0.0
    ours = content_words(denial.sentence)
    theirs = content_words(claim.content) or content_words(claim.sentence)
    if len(ours & theirs) < 2:
        return 0.0
    return overlap(ours, theirs)


def shingles(text: str, size: int = 5) -> frozenset[int]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < size:
        return frozenset({hash(" ".join(words))}) if words else frozenset()
    return frozenset(hash(" ".join(words[i : i + size])) for i in range(len(words) - size + 1))


def near_duplicate(text_a: str, text_b: str, threshold: float = 0.7) -> bool:
    """Wire copies: two reports whose word 5-grams mostly coincide."""
    a, b = shingles(text_a), shingles(text_b)
    if not a or not b:
        return False
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if len(small) / len(large) < threshold * 0.5:
        return False
    return len(a & b) / len(a | b) >= threshold
