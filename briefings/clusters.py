"""An open question while its evidence gathers, and how its text quotes a span.

``disputes`` builds the contested questions and ``questions`` places the pending and
unconfirmed ones around them; both grow the same ``Cluster`` and word their questions with
the same ``quote``, so these live apart from either.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefings.lead_verbs import lead_verb
from briefings.model import Claim, QuestionKind

__all__ = ["Cluster", "in_question", "quote", "said_by"]


_MAX_SPAN = 160


@dataclass(slots=True)
class Cluster:
    """One open question while it is built: its kind, its wording, and the indices of its
    evidence sentences, claims and denials, which grow as more of the report joins it."""

    kind: QuestionKind
    question: str
    sentences: set[int] = field(default_factory=set)
    claims: set[int] = field(default_factory=set)
    denials: set[int] = field(default_factory=set)


def quote(span: str) -> str:
    """``span`` as a question quotes it: on one line, edge punctuation and quote marks
    trimmed, cut at a word past ``_MAX_SPAN`` characters, in curly quotes."""
    span = " ".join(span.split()).strip(" ,.;:“”\"'")
    if len(span) > _MAX_SPAN:
        cut = span.rfind(" ", 0, _MAX_SPAN)
        span = span[: cut if cut > 0 else _MAX_SPAN] + " …"
    return f"“{span}”"


def said_by(claim: Claim, *, last: bool = False) -> str:
    """A side of a "Who is right" question: "Officials, who urged “Kyiv to withdraw”," with
    the sentence's own verb where one leads the content (see ``lead_verbs``), else
    "Officials (“Kyiv will withdraw”)". After "urged" or "refused" the content alone would
    read as the speaker's assertion, or its opposite. ``last``: the side the question ends
    with, which takes no comma before its question mark."""
    verb = lead_verb(claim.cue, claim.content, claim.sentence)
    speaker = in_question(claim.speaker)
    if not verb:
        return f"{speaker} ({quote(claim.content or claim.sentence)})"
    return f"{speaker}, who {verb} {quote(claim.content)}" + ("" if last else ",")


def in_question(speaker: str) -> str:
    """A speaker as a question names them mid-sentence: a leading "A" or "An" lower-cased
    ("or a White House spokesperson, who …"). "The" stays: it may begin a name ("The Hague").
    """
    if speaker.startswith("A ") and speaker[2:3].isalpha():
        return "a " + speaker[2:]
    # ("An Nguyen" is a name: "an" comes before a vowel.)
    if speaker.startswith("An ") and speaker[3:4] in _VOWELS:
        return "an " + speaker[3:]
    return speaker


_VOWELS = frozenset("aeiouAEIOU")
