"""Denials said with a denial noun: "Acme's denial of the reports", "the ministry's flat
rejection of", "issued a point-by-point rebuttal".

Its own module because a noun, not a verb, carries these denials, and the one who denies is
the noun's owner or the subject of the verb that issues it. ``reject_verbs`` reads the owned
form too: a rejecting participle inside it is the owner's.
"""

from __future__ import annotations

import re

from briefings.denial_parts import REJECTABLE, DenialCue, cue_subject, object_end
from briefings.lexicon import DENIAL_NOUNS, word_pattern
from briefings.speakers import Span

__all__ = [
    "DENIAL_NOUN_KEYS",
    "POSSESSED_DENIAL",
    "nominal_denial_cues",
    "possessed_denial_cues",
]


POSSESSED_DENIAL = re.compile(
    # "Acme's denial of", "the ministry's flat rejection of", "the Japanese leader's public
    # denial of": the owner denies; "stood firm in his recent denials of": the pronoun's.
    r"(?:((?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*|[Tt]he\s+(?:[\w\-]+\s+){0,2}?[a-z\-]+)(?:’s|'s)"
    r"|\b(his|her|their|its))\s+"
    r"(?:[a-z]+\s+){0,2}?(?:" + word_pattern(DENIAL_NOUNS) + r")\s+of\s+"
)
# "issued a flat denial of the reports", "gave a point-by-point rebuttal": a denial as a noun,
# the subject of its verb the one who denies.
_NOMINAL_DENIAL = re.compile(
    r"\b(?:(?:issued|issues|gave|gives|made|makes|released|releases|offered|offers|put\s+out|"
    r"published|publishes)\s+(?:a|an)\s+(?:[\w\-]+\s+){0,2}?(?:denial|rebuttal|refutation)\b"
    # Not "a rebuttal speech" (a modifier) nor "a denial of service attack".
    r"(?:\s+of\s+(?!service\b)|(?=\s*[,.;:”\"]|\s+(?:to|on|in|at|after|late|early|earlier|this|"
    r"that|saying|through|via|by|and)\b))"
    # "reiterated its categorical rejection of involvement": the subject's own denial,
    # repeated.
    # "repeated the White House denial of any involvement": another's denial, made the
    # subject's own.
    r"|(?:reiterated|reiterates|repeated|repeats|restated|restates|reaffirmed|reaffirms|"
    r"echoed|echoes)\s+(?:its|their|his|her|our|a|an|the)\s+(?:[\w’'\-]+\s+){0,3}?"
    r"(?:denial|rebuttal|refutation|rejection)\s+of\s+)"
)
_REPEATED = re.compile(
    r"\b(?:reiterated|reiterates|repeated|repeats|restated|restates|reaffirmed|reaffirms|"
    r"echoed|echoes)\s+$"
)
# What a side denies having done: "rejection of involvement in the attacks".
_ACT_DISOWNED = re.compile(
    r"(?:any\s+)?(?:involvement|wrongdoing|responsibility|complicity|role|links|ties|"
    r"interference|meddling)\b"
)
# Words the owned form needs, for the gate of ``denials.find_denial_cues``.
DENIAL_NOUN_KEYS = ("denial", "rejection", "debunking", "refutation", "dismissal", "rebuttal")


def possessed_denial_cues(sentence: str, cues: list[DenialCue]) -> None:
    """ "Acme's denial of the reports", "the ministry's flat rejection of": the owner
    denies what follows "of"."""
    for m in POSSESSED_DENIAL.finditer(sentence):
        if any(c.cue_start <= m.end() and c.cue_end >= m.start() for c in cues):
            continue
        if _REPEATED.search(sentence, 0, m.start()):
            # "echoed the army's denial of any role": the one who repeats it denies now.
            continue
        d_start = m.end()
        d_end = object_end(sentence, d_start)
        owned_noun = m.group(0).split()[-2]
        if owned_noun.startswith(("reject", "dismiss")) and not REJECTABLE.search(
            sentence, d_start, d_end
        ):
            # "the ministry's rejection of the bid": a refusal, not a denial.
            continue
        cues.append(
            DenialCue(
                owned_noun,
                m.start(),
                m.end(),
                d_start,
                d_end,
                Span(m.start(1), m.end(1)) if m.group(1) else Span(m.start(2), m.end(2)),
                False,
            )
        )


def nominal_denial_cues(sentence: str, cues: list[DenialCue]) -> None:
    """ "issued a flat denial of the reports", "gave a point-by-point rebuttal": the
    subject of the verb that issues the denial denies."""
    for m in _NOMINAL_DENIAL.finditer(sentence):
        if any(c.cue_start <= m.start() < c.cue_end for c in cues):
            continue
        d_start = m.end()
        owned = m.group(0).endswith("of ")
        d_end = object_end(sentence, d_start) if owned else d_start
        denial_noun = m.group(0).split()[-2 if owned else -1]
        if denial_noun == "rejection" and not (
            REJECTABLE.search(sentence, d_start, d_end) or _ACT_DISOWNED.match(sentence, d_start)
        ):
            # "reiterated its rejection of the plan": a refusal, not a denial.
            continue
        cues.append(
            DenialCue(
                denial_noun,
                m.start(),
                m.end(),
                d_start,
                d_end,
                cue_subject(sentence, m.start()),
                False,
            )
        )
