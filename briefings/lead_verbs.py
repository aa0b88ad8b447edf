"""The verb a brief shows before a claim's or a denial's content: "urged Kyiv to withdraw".

A claim's content is the span its cue reports. After "said" that is a clause which reads
as a claim on its own, but after "urged", "accused", "refused" or "described" it is the
verb's object ("Kyiv to withdraw", "any territorial concessions"), and under a bare
"claims:" it reads as if the speaker asserted the very thing they refused. The cue is the
sentence's own word, so putting it before the span frames verbatim text, it words nothing
anew.

Only a finite verb leads. A noun ("Zelensky's assertion that"), a participle ("…, saying"),
a passive ("are considered by"), a negation ("is not") or a quotation has no verb to lead
with, and the brief keeps its neutral label for those. Forms that are as often nouns
("claims", "charges", "fears") are left out too: the cue does not say which they were.
"""

from __future__ import annotations

from typing import Final

from briefings.lexicon import (
    AS_VERBS,
    DENY_VERBS,
    LIGHT_VERBS,
    REJECT_VERBS,
    REPROACH_VERBS,
    SAY_VERBS,
    STANCE_OBJECT_VERBS,
    STANCE_VERBS,
)

# Verbs of asking and refusing the engine also reads as cues ("called on", "pressed").
_ASKING: Final = frozenset(
    """
    called calls appealed appeals pleaded pleads implored implores begged begs pressed
    presses asked asks requested requests encouraged encourages threatened threatens
    refused refuses
    """.split()
)

# Inflections that are as often nouns as verbs: "X's claims that …" gives the cue "claims".
_NOUN_LIKE: Final = frozenset(
    """
    claim claims charge charges report reports blame fear fears hope hopes vow vows worry
    worries estimate estimates suspect suspects note notes forecast forecasts project
    projects promise promises pledge pledges demand demands dispute disputes show shows
    remarks answer call label labels hail hails praise
    """.split()
)

_VERBS: Final = (
    SAY_VERBS
    | LIGHT_VERBS
    | REPROACH_VERBS
    | AS_VERBS
    | STANCE_VERBS
    | STANCE_OBJECT_VERBS
    | DENY_VERBS
    | REJECT_VERBS
    | _ASKING
) - _NOUN_LIKE

# Words before a verb that turn it round ("never denied", "neither confirmed").
_NEGATORS: Final = frozenset(
    "not never neither nor hardly barely scarcely no n't didn't don't doesn't won't".split()
)

# How much of the content must follow the verb, word for word.
_LEAD_CHARS: Final = 40

# A cue of more words than this is a construction, not a verb with its particle or object.
_MAX_WORDS: Final = 4

# Verbs with the particle the engine keeps in the cue ("called on Kyiv to …").
_PARTICLES: Final = frozenset({"called on", "calls on", "call on"})


def lead_verb(cue: str, content: str, sentence: str) -> str:
    """The verb to put before ``content``, as ``sentence`` spells it, or "" for none.

    It leads only where the content follows it in the sentence (after an optional "that"),
    so that verb and content together are the sentence's own words. "…, he said" and
    "told reporters …" keep the neutral label: "said We cannot …" or "told U.S. resources
    are …" would read wrong.
    """
    words = cue.split()
    if not words or not content or len(words) > _MAX_WORDS or not _is_verb(words):
        return ""
    # (The content's start is enough: its end may be tidied, a closing quote mark moved.)
    start = content[:_LEAD_CHARS]
    if start.split(" ", 1)[0].lower() in ("nor", "or"):
        return ""  # "neither confirmed nor denied …": no verb says what was done
    for joint in (" ", " that "):
        at = sentence.find(cue.strip() + joint + start)
        if at >= 0 and (at == 0 or not sentence[at - 1].isalnum()):
            # "hardly denied", "neither confirmed", "hardly ever denied": the verb alone
            # would mislead.
            before = sentence[:at].replace("’", "'").split()[-2:]
            if any(word.lower().strip(",") in _NEGATORS for word in before):
                return ""
            return cue.strip()
    return ""


def _is_verb(words: list[str]) -> bool:
    first = words[0].lower()
    if first.endswith("ing"):
        return False
    phrase = " ".join(words).lower()
    if phrase in _VERBS:
        return True
    if first not in _VERBS or "by" in words[1:]:
        return False
    return len(words) == 1 or first in LIGHT_VERBS or phrase in _PARTICLES
