"""A source set off by commas inside the clause it reports: "The talks, the minister said on
Tuesday, will continue", "The army, according to two officials, has pulled back".

News writes this often, and no cue rule reads it whole: the words after the cue start with
the predicate ("will continue …") and the words before it are only the subject ("The
talks"). Read from either side alone, the claim is "on Tuesday, will continue next week"
or "The army". Here the two sides are found, so the claim can run from the subject to the
end of its predicate: one verbatim stretch of the sentence, the inserted source inside it,
as a content always is.

Pure offsets over one sentence; nothing here knows which cue or speaker it was given.
"""

from __future__ import annotations

import re

from briefings.content_spans import adverbial_tail
from briefings.lexicon import CLAUSE_VERBS, DETERMINERS, LY_NOUNS, PREPOSITIONS, PRONOUNS
from briefings.segment import dateline_end

__all__ = ["fronted_subject"]

# The subject before the inserted source: no clause marks of its own (no comma, quote,
# dash, colon or bracket), opening on a capital or a figure ("Kyiv", "The Ukrainian
# attack", "20 soldiers").
_SUBJECT = re.compile(r"\s*([A-Z0-9][^,;:“”\"()—–\[\]]*?)\s*,\s*")
# From the source to the comma that closes it: a time, place or audience may sit there
# ("said on Tuesday,", "told reporters,").
_TO_COMMA = re.compile(r"[^,;:“”\"()—–]*,\s*")
_WORD = re.compile(r"[“\"‘]?([A-Za-z][\w’'\-]*)")

# A subject is no subject if a finite verb, a subordinator or a subject pronoun is in it
# ("The factory had employed a company, she said, to …", "If the defenses, he said, …").
_FINITE = CLAUSE_VERBS | frozenset(
    "be been being shall do am says say states claims believes thinks".split()
)
_OPENERS = PREPOSITIONS | frozenset(
    "if when while although though because since as once unless whether after before but "
    "and or so yet however meanwhile instead still also".split()
)
_SUBJECT_WORDS_MAX = 8
_PARTICIPLE_OPENERS = frozenset(
    "asked pressed questioned quizzed interviewed reached contacted told given faced".split()
)
# Words a predicate cannot start with; what follows the source's closing comma after one of
# them is another clause or a phrase ("…, he said, but …", "…, she said, to prevent …").
_NOT_PREDICATE = (
    DETERMINERS
    | PREPOSITIONS
    | PRONOUNS
    | frozenset(
        "and but or nor so yet because if when while although though unless whether as than "
        "where who whom whose what how why there here according citing adding saying noting "
        "referring".split()
    )
)
# Adverbs a predicate may open with before its verb ("has already", "still wants").
_ADVERBS = frozenset("also still already now never not only even again then later soon".split())


def fronted_subject(
    sentence: str, source_start: int, speaker_end: int, cue_end: int, cue: str
) -> tuple[int, int, int] | None:
    """The subject's span and the predicate's start when the source from ``source_start``
    (its speaker or its cue, whichever comes first) to ``max(speaker_end, cue_end)`` sits
    inside the clause it reports; else None.

    The source must follow the subject's comma directly and be closed by a comma with at
    most a time, place or audience before it; the subject must hold no verb; and the words
    after the closing comma must open like a predicate (a verb, perhaps after an adverb),
    not like another clause or phrase.
    """
    start = dateline_end(sentence)
    subject = _SUBJECT.fullmatch(sentence, start, source_start)
    if subject is None:
        return None
    words = subject.group(1).split()
    lows = [w.lower().strip("’'.") for w in words]
    if (
        len(words) > _SUBJECT_WORDS_MAX
        or lows[0] in _OPENERS
        or lows[0] in PRONOUNS
        # "Speaking to reporters, the minister said, …", "Asked about it, …": a participle's
        # phrase, whose subject is the speaker, not the clause's.
        or lows[0].endswith("ing")
        or lows[0] in _PARTICIPLE_OPENERS
        or any(low in _FINITE for low in lows)
    ):
        return None
    source_end = max(speaker_end, cue_end)
    closing = _TO_COMMA.match(sentence, source_end)
    if closing is None:
        return None
    tail_end = sentence.rfind(",", closing.start(), closing.end())
    if sentence[source_end:tail_end].strip() and not adverbial_tail(
        sentence[:tail_end], source_end, cue
    ):
        return None
    if not _opens_predicate(sentence, closing.end()):
        return None
    return subject.start(1), subject.end(1), closing.end()


def _opens_predicate(sentence: str, pos: int) -> bool:
    """Whether the words at ``pos`` start like a verb phrase ("is curious", "has already
    pulled back", "“will never accept”"), a lower-case word that no function word is."""
    for m in _WORD.finditer(sentence, pos):
        word = m.group(1)
        if sentence[m.start() : m.start(1)] and m.start() != pos:
            return False
        if not word[:1].islower():
            return False
        low = word.lower()
        if low in _ADVERBS or (low.endswith("ly") and low not in LY_NOUNS):
            continue
        return low not in _NOT_PREDICATE
    return False
