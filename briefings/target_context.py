"""What linking a report's denials to its claims works out once and shares between rules.

``link_targets`` tries many rules on each denial, and most of them ask the same questions
of the same claims: which claims a speaker's denial may answer at all, the content terms of
each claim, how rare a term is in the report, whether a claim is unnamed reporting or the
press. ``TargetLinks`` answers each once per report; the small tests of who stands on
which side live here because the candidates depend on them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from briefings.lexicon import APPROVAL_VERBS
from briefings.model import Claim, Denial
from briefings.similarity import content_terms, same_speaker

__all__ = ["REPORTISH", "TargetLinks", "same_side"]


class TargetLinks:
    """What linking works out once per report and reuses for each of its denials.

    A report's denials are compared with the same claims again and again: the candidate
    claims of a speaker, the terms of each claim and the term weights are each worked out
    once, and the weights only when a denial is matched by shared content at all. It lives
    for one ``link_targets`` call, so nothing is kept between reports.
    """

    __slots__ = (
        "_cands",
        "_claim_terms",
        "_denial_talk",
        "_df",
        "_n",
        "_press",
        "_reportish",
        "_weight",
        "claims",
        "denials",
    )

    def __init__(self, claims: Sequence[Claim], denials: Sequence[Denial]) -> None:
        self.claims = claims
        self.denials = denials
        self._cands: dict[str, list[int]] = {}
        self._denial_talk: frozenset[int] | None = None
        self._claim_terms: dict[int, frozenset[str]] = {}
        self._df: dict[str, int] | None = None
        self._n = 0
        self._weight: dict[str, float] = {}
        self._reportish: dict[int, bool] = {}
        self._press: dict[int, bool] = {}

    def candidates(self, speaker: str) -> list[int]:
        """Claims a denial by ``speaker`` may reject: those of other speakers, less a claim
        about the denial itself and a country's own line when its official denies."""
        cands = self._cands.get(speaker)
        if cands is None:
            talk = self._denial_talk
            if talk is None:
                talk = self._denial_talk = frozenset(
                    i for i, c in enumerate(self.claims) if _denial_talk(c.content)
                )
            official = _OFFICIAL_ROLE.search(speaker) is not None
            # A long report quotes the same few speakers hundreds of times: each is
            # compared with the denier once.
            other_side: dict[str, bool] = {}
            for c in self.claims:
                if c.speaker not in other_side:
                    other_side[c.speaker] = not same_speaker(speaker, c.speaker) and not (
                        official and _one_official_side(speaker, c.speaker)
                    )
            cands = self._cands[speaker] = [
                i
                for i, c in enumerate(self.claims)
                if i not in talk
                and other_side[c.speaker]
                # Praise, welcome and apology state no account anyone could deny.
                and c.cue.lower() not in APPROVAL_VERBS
            ]
        return cands

    def claim_terms(self, i: int) -> frozenset[str]:
        """Content terms of claim ``i``'s sentence, less those of its speaker."""
        terms = self._claim_terms.get(i)
        if terms is None:
            claim = self.claims[i]
            terms = self._claim_terms[i] = content_terms(claim.sentence) - content_terms(
                claim.speaker
            )
        return terms

    def reportish(self, i: int) -> bool:
        """Whether claim ``i`` is what unnamed or hedged reporting said."""
        found = self._reportish.get(i)
        if found is None:
            found = self._reportish[i] = _reportish(self.claims[i])
        return found

    def press(self, i: int) -> bool:
        """Whether the press made claim ``i``."""
        found = self._press.get(i)
        if found is None:
            found = self._press[i] = _press(self.claims[i])
        return found

    def weight(self, term: str) -> float:
        """Inverse document frequency of ``term`` over the report's attributed sentences
        (1.0 for a term none of them has)."""
        w = self._weight.get(term)
        if w is None:
            df = self._df
            if df is None:
                sentences = {c.sentence for c in self.claims} | {d.sentence for d in self.denials}
                df = self._df = {}
                for sentence in sentences:
                    for t in content_terms(sentence):
                        df[t] = df.get(t, 0) + 1
                self._n = len(sentences)
            f = df.get(term)
            w = self._weight[term] = 1.0 if f is None else math.log((self._n + 1) / f)
        return w


# A claim about the denial itself ("said the denials were unsurprising") comments on it; it
# is never what the denial rejects.
_DENIAL_TALK = re.compile(r"\b(?:denials?|rejections?|rebuttals?|refutations?)\s+(?:by|from|of)\b")


def _denial_talk(content: str) -> bool:
    """Whether ``content`` talks about a denial; the search, which starts at every word, runs
    only on content holding one of the nouns it needs (most hold none)."""
    return (
        "denial" in content
        or "rejection" in content
        or "rebuttal" in content
        or "refutation" in content
    ) and _DENIAL_TALK.search(content) is not None


_OFFICIAL_ROLE = re.compile(
    r"\b(?:minister|ministry|government|spokes(?:man|woman|person)|official|officials|"
    r"president|premier|embassy|authorities|cabinet|kremlin|presidency)\b",
    re.IGNORECASE,
)


_BARE_NAME = re.compile(r"^(?:the\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2}$")


def _state_and_its_official(denier: str, speaker: str) -> bool:
    """A country speaking ("Cambodia continues to maintain …") and its own government's
    official denying ("Cambodian Health Minister X"): one side, so never a target."""
    if not _BARE_NAME.match(speaker) or not _OFFICIAL_ROLE.search(denier):
        return False
    country = {w.lower()[:5] for w in speaker.split() if w[:1].isupper() and w.lower() != "the"}
    mine = {w.lower()[:5] for w in re.findall(r"\b[A-Z][a-z]{3,}", denier)}
    return bool(country & mine) and len(speaker.split()) <= 2


def _one_official_side(denier: str, speaker: str) -> bool:
    """An official denier and a speaker of the same state or body: the country itself, or
    another official of it ("Health Minister X" / "Health Ministry spokesperson Y")."""
    if _state_and_its_official(denier, speaker):
        return True
    return _OFFICIAL_ROLE.search(speaker) is not None and same_side(denier, speaker)


def same_side(a: str, b: str) -> bool:
    """Speakers sharing a name or its adjective ("Egyptian officials", "Egypt's minister")."""
    if same_speaker(a, b):
        return True
    sa = {w.lower()[:5] for w in re.findall(r"\b[A-Z][a-z]+", a)}
    sb = {w.lower()[:5] for w in re.findall(r"\b[A-Z][a-z]+", b)}
    return bool(sa & sb)


REPORTISH = re.compile(
    # (The lookahead for the words' first letters spares most positions the branches.)
    r"\b(?=[ramnsf])(?:reports?|reporting|reportedly|allegedly|news|media|stories|story|rumou?rs?|"
    r"suggestions?|speculation|study|studies|survey|research|findings|analysis)\b",
    re.I,
)


_PRESS = re.compile(
    r"\b(?:newspaper|paper|daily|tabloid|broadcaster|magazine|outlet|website|channel|"
    r"television|radio|agency|report|reports|reported)\b",
    re.IGNORECASE,
)


# The last word of a newspaper's name ("the Harrow Post", "The Sunday Times").
_MASTHEAD = re.compile(
    r"\b(?:Post|Times|Journal|Herald|Tribune|Gazette|Telegraph|Guardian|Chronicle|Courier|"
    r"Observer|Express|News|Standard|Independent|Mirror|Mail|Star|Sun|Monitor|Inquirer)$"
)


def _press(claim: Claim) -> bool:
    """A claim the press made: its cue is "reported" or its speaker is a news outlet."""
    return (
        _PRESS.search(f"{claim.cue} {claim.speaker}") is not None
        or _MASTHEAD.search(claim.speaker) is not None
    )


def _reportish(claim: Claim) -> bool:
    return claim.speaker_kind == "anonymous" or (
        claim.hedged and REPORTISH.search(claim.sentence) is not None
    )
