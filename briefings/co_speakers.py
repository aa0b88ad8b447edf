"""Named people who speak together: "Foreign Minister Julie Bishop and Immigration Minister
Peter Dutton denied the reports", "two officials, military spokesman Chris Olukolade and
communications official Mike Olmeri, told VOA the report was not true".

The speaker rules find one noun phrase before the verb: the last of the coordinated names,
or the counted head the names stand beside. Each named person says the sentence (the corpus
lists one item per person), so the other names are found here. Only people the report names
count: "Russia and China said" is one joint voice, and names are never split off a group.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from briefings.lexicon import TITLE_WORDS
from briefings.roles import NAME_WORD

__all__ = ["co_speakers"]

# "two officials, …, …": a counted plural head the names stand beside.
_COUNTED_HEAD = re.compile(
    r"(?:[Tt]wo|[Tt]hree|[Bb]oth|[Ff]our)\s+(?:[a-z\-]+\s+){0,2}?[a-z\-]+s\s*$"
)
_COUNT_STARTS = frozenset({"two", "thr", "bot", "fou"})
# ", A and B," after the counted head: a list of two or three named people.
_LISTED = re.compile(r",\s+([^,;]{3,80}?)(?:,\s+([^,;]{3,80}?))?,?\s+and\s+([^,;]{3,80}?),")
# "(Both) A and B" taken as one speaker phrase.
_JOINED = re.compile(r"(?:[Bb]oth\s+)?([A-Z][^,;]{2,80}?)\s+and\s+([A-Z][^,;]{2,80})")
# "The report by Ana Ruiz and Tomas Varga": a phrase linked to the name is no person's.
_LINKING = re.compile(r"\s(?:by|from|with|in|at|on|about|against)\s")
# "(Both) A and " right before the last coordinated name.
# (Title words of the last name may stand between "and" and where its speaker span starts.)
_BEFORE_AND = re.compile(
    r"(?:^|[,;—–]\s*|\b[Bb]oth\s+)([A-Z][^,;]{2,80}?)\s+and\s+((?:[A-Z][\w.\-]*\s+){0,4})$"
)


def co_speakers(
    text: str, start: int, end: int, people: Mapping[str, str]
) -> list[tuple[str, int]]:
    """The people who speak with the speaker at ``text[start:end]``, each with where it
    starts; the speaker itself too when a counted head stands for the names. Empty when
    the speaker speaks alone."""
    speaker = text[start:end]
    counted = speaker[:3].lower() in _COUNT_STARTS
    if not counted and " and " not in text[max(0, start - 90) : end]:
        # Nearly every speaker: no "and" to join a second name, no count to list names.
        return []
    if counted and _COUNTED_HEAD.fullmatch(speaker.strip()):
        listed = _LISTED.match(text, end)
        if listed is None:
            return []
        names = [
            (listed.group(k), listed.start(k)) for k in (1, 2, 3) if listed.group(k) is not None
        ]
        if all(_names_person(n, people) for n, _ in names):
            return names
        return []
    joined = _JOINED.fullmatch(speaker)
    if joined is not None:
        # The speaker rules took both names as one phrase.
        pair = [(joined.group(k), start + joined.start(k)) for k in (1, 2)]
        if all(
            (_names_person(n, people) or _titled_name(n)) and not _LINKING.search(n)
            for n, _ in pair
        ):
            return pair
        return []
    if not _names_person(speaker, people):
        return []
    before = _BEFORE_AND.search(text, max(0, start - 90), start)
    if before is None or not _names_person(before.group(1), people):
        return []
    return [(before.group(1), before.start(1)), (before.group(2) + speaker, before.start(2))]


def _titled_name(phrase: str) -> bool:
    """ "Foreign Minister Julie Bishop": a title, then a name of two capitalized words."""
    words = phrase.split()
    at = next((i for i, w in enumerate(words) if w.lower() in TITLE_WORDS), None)
    rest = words[at + 1 :] if at is not None else []
    return len(rest) >= 2 and all(w[:1].isupper() and w[1:].islower() for w in rest[-2:])


def _names_person(phrase: str, people: Mapping[str, str]) -> bool:
    """Whether ``phrase`` ends in the name of a person the report names."""
    words = phrase.split()
    return (
        bool(words) and NAME_WORD.fullmatch(words[-1]) is not None and words[-1].lower() in people
    )
