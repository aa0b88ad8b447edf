"""What the denial rules share: the cue they find, the account nouns a rejection needs, where
a reported clause stops, and whose words a cue is.

Kept apart from ``denials`` (cues found by denial verbs and false predicates) and
``clausal_denials`` (cues carried by the grammar of a reported clause), which both read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefings.lexicon import CLAIM_NOUNS, REJECTABLE_NOUNS, word_pattern
from briefings.speakers import Span, speaker_before

__all__ = [
    "ACCOUNT_WORD",
    "CLAUSE_OPENER",
    "CLAUSE_STOP",
    "DISOWNED",
    "REJECTABLE",
    "SUBJECT_REACH",
    "DenialCue",
    "account_subject",
    "cue_subject",
    "has_any",
]


@dataclass(slots=True)
class DenialCue:
    """A denial cue in a sentence; ``speaker`` is set when the cue's grammar gives one."""

    cue: str
    cue_start: int
    cue_end: int
    denied_start: int
    denied_end: int
    speaker: Span | None
    needs_source: bool


# A noun for an account ("the reports", "that claim"): what a reject-type verb must have.
REJECTABLE = re.compile(r"\b(?:" + word_pattern(REJECTABLE_NOUNS) + r")\b")
# An account noun in a denied phrase: the denial rejects what some source said.
ACCOUNT_WORD = re.compile(r"\b(?:" + word_pattern(REJECTABLE_NOUNS | CLAIM_NOUNS) + r")\b", re.I)
# "the photos are not his": a denial that disowns something rather than rejecting an account.
DISOWNED = ("his", "hers", "theirs", "mine", "ours")
# Where a denied clause ends: punctuation, a full stop, or the next participle or clause.
CLAUSE_STOP = re.compile(
    r"[,;:!?”\"]|(?<![A-Z])\.(?=\s|$)|\s(?:calling|saying|stating|adding|insisting|but|while)\b"
    r"|\sand\s+(?:accused|said|called|added|insisted|blamed|urged|warned)\b"
)


# "Ana Ruiz, a spokeswoman for the port, rejected …": the name before the description.
_NAME_BEFORE_APPOSITION = re.compile(
    r"(?:^|(?<=[.;:!?]\s)|(?<=\n)|\b(?:But|And|Yet|However|Meanwhile|Still|Later|Earlier)\s+)"
    r"((?!(?:But|And|Yet|However|Meanwhile|Still|Later|Earlier|In|On|At|For|From|With|After|"
    r"The|A|An)\b)(?:[^\W\d_][\w.’'\-]*\s+){1,3}[^\W\d_][\w’'\-]*[a-z]),\s+$"
)
_NAME_REACH = 60


def cue_subject(sentence: str, at: int) -> Span | None:
    """The subject of the cue at ``at``: ``speaker_before``'s answer, or the proper name an
    appositive description it found stands beside ("Ana Ruiz, a port spokeswoman, denied"),
    which is who the report names as speaking."""
    span = speaker_before(sentence, at)
    if (
        span is None
        or not sentence.startswith(", ", span.start - 2)
        # The description is set off by a comma on both sides.
        or not sentence[span.end : at].strip().startswith(",")
    ):
        return span
    m = _NAME_BEFORE_APPOSITION.search(sentence, max(0, span.start - _NAME_REACH), span.start)
    # Every word capitalized ("İlkay İnce" too: the class above is any letter).
    if m is None or m.end() != span.start or not all(w[0].isupper() for w in m.group(1).split()):
        return span
    return Span(m.start(1), m.end(1))


# Where a reported clause starts: after its reporting verb (and "that"), or the sentence start.
CLAUSE_OPENER = re.compile(
    r"\b(?:said|says|say|told\s+[\w\s]{1,30}?|insisted|insists|added|adds|stated|states|"
    r"argued|argues|maintained|maintains|declared|declares|believes|believed|countered|"
    r"counters|contended|contends|replied|replies|responded|responds)\s+"
    r"(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)"
    r"\s+)?(?:that\s+)?"
)
# A subject headed by an account noun, with what it is about ("allegations its athletes
# were …", "the accusation of disorderly behavior, as well as the evidence").
_ACCOUNT_NP = re.compile(
    # Not "its statement …": a speaker's own account called wrong is a correction.
    r"(?!(?:his|her|their|its|our|my)\b)(?:(?:the|these|those|such|all|any)\s+)?"
    r"(?:[\w’'\-]+\s+){0,3}?"
    # "the case against him": a prosecution's account of what he did.
    r"(?:" + word_pattern(REJECTABLE_NOUNS | CLAIM_NOUNS) + r"|case(?=\s+against\b)"
    # "the reasons given for the tariffs": a side's stated grounds are its account.
    r"|reasons|justifications?|grounds|rationale)\b",
    re.IGNORECASE,
)
# How far before its predicate an account-headed subject may start (characters).
SUBJECT_REACH = 160


def account_subject(sentence: str, pred: int) -> tuple[int, int] | None:
    """The span of an account-headed subject whose predicate at ``pred`` calls it false,
    when the subject is too long for the short look-back ("X says allegations its athletes
    doped and covered it up are "groundless""): the reported clause must open with it."""
    lo = max(0, pred - SUBJECT_REACH)
    openers = list(CLAUSE_OPENER.finditer(sentence, lo, pred))
    start = openers[-1].end() if openers else (0 if lo == 0 else -1)
    if start < 0:
        return None
    np = _ACCOUNT_NP.match(sentence, start)
    if np is None or np.end() > pred:
        return None
    # The predicate's own clause: no sentence break or second statement in between.
    if re.search(r"[.;:!?]\s|\b(?:said|says|told)\b", sentence[np.end() : pred]):
        return None
    return np.start(), len(sentence[:pred].rstrip(' ,“"‘'))


def has_any(low: str, stems: tuple[str, ...]) -> bool:
    """Whether ``low`` contains one of ``stems``: a plain loop, cheaper than ``any`` over a
    generator on the path every sentence takes."""
    for stem in stems:  # noqa: SIM110 (a loop, not any() over a generator: the hot path)
        if stem in low:
            return True
    return False
