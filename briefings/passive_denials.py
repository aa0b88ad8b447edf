"""Denials in the passive, the denier after "by": "the claim was dismissed by the ministry",
"X's assertion was called baseless by a Treasury spokeswoman", "that account was contradicted
by witnesses".

Its own module because the denier comes after the cue and what is denied before it, the
reverse of the other families.
"""

from __future__ import annotations

import re

from briefings.denial_parts import DenialCue
from briefings.lexicon import FALSE_WORDS, word_pattern
from briefings.speakers import speaker_after

__all__ = ["CONTRADICTED_KEYS", "PASSIVE_KEYS", "contradicted_by_cues", "passive_denial_cues"]


# "that account was contradicted by witnesses".
_CONTRADICTED = re.compile(r"\b(?:contradicted|refuted|disputed|challenged)\s+by\s+")
# "was dismissed as false by", "was called baseless by".
_PASSIVE_DENIAL = re.compile(
    r"\b(?:is|was|were|are|been|being)\s+(?:\w+ly\s+)?(?:(?:denied|rejected|dismissed|refuted|"
    r"disputed|debunked)(?:\s+as\s+(?:\w+\s+){0,2}?\w+)?|(?:called|described\s+as|branded|"
    r"labell?ed)\s+(?:\w+ly\s+)?(?:" + word_pattern(FALSE_WORDS) + r"))\s+by\s+"
)
# Words each pattern needs: the gates of ``denials.find_denial_cues`` skip a pattern when
# the sentence has none of them.
PASSIVE_KEYS = (
    "denied",
    "rejected",
    "dismissed",
    "refuted",
    "disputed",
    "debunked",
    "called",
    "described",
    "branded",
    "label",
)
CONTRADICTED_KEYS = ("contradicted", "refuted", "disputed", "challenged")


def passive_denial_cues(sentence: str, cues: list[DenialCue]) -> None:
    """ "the claim was dismissed by the ministry", "X's assertion was called baseless by
    a Treasury spokeswoman": the denier follows "by", what is denied runs back to a comma."""
    for m in _PASSIVE_DENIAL.finditer(sentence):
        # "X's assertion ... was called baseless by a Treasury spokeswoman".
        comma = sentence.rfind(",", 0, m.start()) + 1
        d_start = (
            comma + len(sentence[comma : m.start()]) - len(sentence[comma : m.start()].lstrip())
        )
        cues.append(
            DenialCue(
                m.group(0).split()[1],
                m.start(),
                m.end(),
                d_start,
                m.start(),
                speaker_after(sentence, m.end()),
                False,
            )
        )


def contradicted_by_cues(sentence: str, cues: list[DenialCue]) -> None:
    """ "that account was contradicted by witnesses": the denier follows "by", what is
    denied is the account named before the verb (else all of the sentence before it)."""
    for m in _CONTRADICTED.finditer(sentence):
        speaker = speaker_after(sentence, m.end())
        np = re.search(
            r"((?:a|the|this|that)\s+(?:\w+\s+){0,2}?(?:claim|assertion|account|"
            r"report|statement|story|version))\s+(?:\w+\s+)?$",
            sentence[: m.start()],
        )
        d_start, d_end = (np.start(1), np.end(1)) if np else (0, m.start())
        cues.append(DenialCue("contradicted", m.start(), m.end(), d_start, d_end, speaker, False))
