"""Find denials: a source rejecting a claim or report, and what exactly it rejects.

Explicit rejections ("denied", "rejected that claim", "dismissed the reports", "debunking
of X's claim", "issued a denial of", "refused to accept the findings"), accounts called
false or discredited ("was categorically untrue", "no truth to", "had no basis in fact",
"riddled with errors", "those figures are too high", "the video had been doctored"),
negated counter-claims ("is not seeking", "there are no ...", "not aware of any plans",
"have not yet taken place") and "contradicted by". Rejecting a proposal or a demand is not
a denial, so reject-type verbs need an account ("claim", "report", "allegation") as their
object. Which claims a denial answers, and which claims turn out to be denials of earlier
ones, is worked out across the report in ``briefings.denial_links``.

This module holds the entry point: the cheap gates that skip the families a sentence cannot
match, the order the families run in (a later family skips a cue an earlier one found), and
the participle that gives a denier's reason. Each family is its own module: ``deny_verbs``,
``reject_verbs``, ``denial_nouns``, ``passive_denials``, ``false_predicates``,
``counter_claims`` and ``clausal_denials`` (denials carried by the grammar of a reported
clause: "said they never stated that …", "the allegations lack basis"); what they share is
in ``briefings.denial_parts``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefings.clausal_denials import (
    JUDGED_KEYS,
    clausal_denials,
    fronted_denials,
)
from briefings.counter_claims import NEGATION_KEYS, insisted_not_cues, negation_cues
from briefings.denial_nouns import DENIAL_NOUN_KEYS, nominal_denial_cues, possessed_denial_cues
from briefings.denial_parts import CLAUSE_STOP, DenialCue, has_any
from briefings.deny_verbs import OPENING_PARTICIPLE, deny_cues, opening_denial
from briefings.false_predicates import (
    CALLED_KEYS,
    DOCTORED_KEYS,
    ERRONEOUS_STEMS,
    ERROR_KEYS,
    NOT_TRUE_KEYS,
    OVERSTATED_KEYS,
    OVERSTATING_KEYS,
    PARTIAL_KEYS,
    called_error_cues,
    called_false_cues,
    called_partial_cues,
    dismissal_quote_cues,
    doctored_cues,
    erroneous_cues,
    false_predicate_cues,
    false_word,
    misreported_cues,
    overstated_cues,
    overstating_cues,
)
from briefings.lexicon import lower_aligned
from briefings.passive_denials import (
    CONTRADICTED_KEYS,
    PASSIVE_KEYS,
    contradicted_by_cues,
    passive_denial_cues,
)
from briefings.reject_verbs import REJECT_KEYS, REJECT_STEMS, pushed_back_cues, reject_cues

__all__ = ["find_denial_cues"]

# ("in his recent denials of …": an owner named by a pronoun.)
_OWNING_PRONOUNS = ("his ", "her ", "their ", "its ")


def find_denial_cues(sentence: str) -> list[DenialCue]:
    """Denial cues of one sentence, in order.

    The families run in a fixed order, because each skips a cue an earlier one found, and
    each only when the sentence has a word its patterns need (``_Gates``). A participle
    opening the sentence ("Denying the reports, the minister said …") counts only when
    nothing else was found; one giving a denier's reason goes with that denier.
    """
    low = lower_aligned(sentence)
    gates = _gates(low)
    if gates is None:
        return []
    cues: list[DenialCue] = []
    _explicit_denials(sentence, gates, cues)
    _accounts_called_false(sentence, gates, cues)
    # "failed to find evidence": an empty search, negated without a "not".
    # ("there is nothing to suggest that …": negated by "nothing".)
    if (
        gates.negated or "n’t" in low or "n't" in low or "to find" in low or "nothing" in low
    ) and has_any(low, NEGATION_KEYS):
        negation_cues(sentence, cues)
    if gates.overstated:
        doctored_cues(sentence, cues)
        misreported_cues(sentence, cues)
    if "denial" in low or "rebuttal" in low or "refutation" in low or "rejection of" in low:
        nominal_denial_cues(sentence, cues)
    if gates.overstated:
        overstated_cues(sentence, cues)
    if gates.overstated and has_any(low, OVERSTATING_KEYS):
        overstating_cues(sentence, cues)
    if ("back," in low or "disagree" in low) and gates.explicit():
        pushed_back_cues(sentence, cues)
    if gates.negated and ("insist" in low or "maintain" in low):
        insisted_not_cues(sentence, cues)
    if has_any(low, ERRONEOUS_STEMS):
        erroneous_cues(sentence, cues)
    if gates.negated or gates.contracted or gates.accused or gates.false():
        cues.extend(clausal_denials(sentence, low, cues))
    cues.extend(fronted_denials(sentence, low, cues))
    opening = OPENING_PARTICIPLE.match(sentence) if sentence[:1] in 'DRC“"' else None
    if opening is not None and not cues:
        cues.extend(opening_denial(sentence, opening))
    cues.sort(key=lambda c: c.cue_start)
    if cues and ("saying" in low or "calling" in low or "adding" in low or "insisting" in low):
        cues = _with_reasons(sentence, cues)
    for cue in cues:
        if not _WORD.search(sentence, cue.denied_start, cue.denied_end):
            _past_markup(sentence, cue)
    return cues


_WORD = re.compile(r"\w")


def _past_markup(sentence: str, cue: DenialCue) -> None:
    """A denied span of punctuation alone ("denied that <!everyone> its troops …": the
    clause stopped at the mark inside chat markup) runs on to the sentence's end instead, so
    a brief never says that "<" was denied."""
    end = len(sentence.rstrip(" \n.!?”\"’'"))
    if _WORD.search(sentence, cue.denied_start, end):
        cue.denied_end = end


@dataclass(slots=True)
class _Gates:
    """Which families' words a lower-cased sentence has: cheap substring checks, made once
    per sentence, and the two costly ones (the reject stems and the false words), made only
    when a rule first needs them and rarely needed once another gate holds."""

    low: str
    deny: bool
    passive: bool
    negated: bool
    contracted: bool
    accused: bool
    overstated: bool
    partial: bool
    called_error: bool
    has_explicit: bool | None
    has_false: bool | None

    def explicit(self) -> bool:
        """Whether the sentence has a word of an explicit denial: a deny verb, or a stem of a
        verb or phrase that rejects an account."""
        if self.has_explicit is None:
            self.has_explicit = has_any(self.low, REJECT_STEMS)
        return self.has_explicit

    def false(self) -> bool:
        """Whether the sentence has a word of FALSE_WORDS, or "without" ("without merit")."""
        if self.has_false is None:
            self.has_false = false_word(self.low)
        return self.has_false


def _gates(low: str) -> _Gates | None:
    """The gates of a lower-cased sentence, None when no family can match it: most
    sentences need none of them."""
    deny = "den" in low
    passive = " by " in low
    negated = (
        "no " in low
        or "not " in low
        or "never" in low
        or "no\u00a0" in low
        or "nobody" in low
        or "unaware" in low
        or "neither" in low
    )
    # Words the clausal denials need that no other family's gate covers.
    contracted = (
        "to prove" in low
        or "n’t" in low
        or "n't" in low
        or "nothing" in low
        or "motivated" in low
        or "unsubstantiated" in low
        or "based on" in low
        or "riddled" in low
        or "littered" in low
        or "full of" in low
        or "innocen" in low
        or "never" in low
        or has_any(low, JUDGED_KEYS)
        or "to find" in low
        or "lack" in low
        or "hands are clean" in low
        or "anything wrong" in low
        or "inaccura" in low
        or "errors" in low
        or "mistakes" in low
    )
    accused = "accus" in low
    overstated = (
        has_any(low, OVERSTATED_KEYS)
        or has_any(low, DOCTORED_KEYS)
        or has_any(low, OVERSTATING_KEYS)
    )
    # "was \"wide of the mark\"": a false predicate with no negation and no word of FALSE_WORDS.
    off_mark = " the mark" in low or "far from " in low
    partial = has_any(low, PARTIAL_KEYS)
    # "called the forecast an error": no other family's word needed.
    called_error = has_any(low, ERROR_KEYS) and has_any(low, CALLED_KEYS)
    explicit: bool | None = True if deny else None
    false: bool | None = True if "without " in low else None
    if not (
        deny
        or passive
        or negated
        or contracted
        or accused
        or overstated
        or off_mark
        or partial
        or called_error
    ):
        explicit = has_any(low, REJECT_STEMS)
        if not explicit:
            if false is None:
                false = false_word(low)
            if not false and not has_any(low, ERRONEOUS_STEMS):
                return None
    return _Gates(
        low,
        deny,
        passive,
        negated,
        contracted,
        accused,
        overstated,
        partial,
        called_error,
        explicit,
        false,
    )


def _explicit_denials(sentence: str, gates: _Gates, cues: list[DenialCue]) -> None:
    """Denials said with a denial word: "denied the reports", "rejected the claims",
    "Acme's denial of", "was dismissed by the ministry", "contradicted by witnesses"."""
    low = gates.low
    if gates.deny:
        deny_cues(sentence, cues)
    # Within a family, a word each pattern needs skips the patterns that cannot match.
    if has_any(low, REJECT_KEYS) and gates.explicit():
        reject_cues(sentence, low, cues)
    if (
        ("’s" in low or "'s" in low or has_any(low, _OWNING_PRONOUNS))
        and has_any(low, DENIAL_NOUN_KEYS)
        and gates.explicit()
    ):
        possessed_denial_cues(sentence, cues)
    if gates.passive and has_any(low, PASSIVE_KEYS):
        passive_denial_cues(sentence, cues)
    if gates.passive and has_any(low, CONTRADICTED_KEYS):
        contradicted_by_cues(sentence, cues)


def _accounts_called_false(sentence: str, gates: _Gates, cues: list[DenialCue]) -> None:
    """Accounts called false or partial: "called the claims baseless", "described the study
    as one-sided", "the reports are false", "It is simply not true that …"."""
    low = gates.low
    if has_any(low, CALLED_KEYS) and gates.false():
        called_false_cues(sentence, cues)
    if gates.partial:
        called_partial_cues(sentence, cues)
    if gates.called_error:
        called_error_cues(sentence, cues)
    # "is not true", "not the case" (or "the reality"), "wide of the mark" and "far from the
    # truth" are the false predicates without a word from FALSE_WORDS.
    not_true = (gates.negated and has_any(low, NOT_TRUE_KEYS)) or (
        " the case" in low or " the reality" in low or " the mark" in low or "far from " in low
    )
    if not_true or gates.false():
        false_predicate_cues(sentence, cues)
    if gates.false() and sentence[:1] in '“"‘ ':
        dismissal_quote_cues(sentence, cues)


# ", saying the claims were baseless": a participle giving the denier's reason.
_REASON = re.compile(r",\s*(?:saying|adding|insisting|arguing|calling)\b")


_OTHER_CLAUSE = re.compile(
    r"[;:]|\b(?:and|but|while|as|after|when)\s+(?:\w+\s+){0,4}?\w+ed\b|\b(?:said|says|told|spoke)\b"
)


def _with_reasons(sentence: str, cues: list[DenialCue]) -> list[DenialCue]:
    """The participle after an explicit denial ("X denied meeting them, saying the claims
    were baseless") belongs to that denier: a cue inside it is the same denial, so it takes
    the denier as its speaker (and is dropped with it as a repeat), and the participle's
    words are part of what that denier rejects, never a claim of someone else's."""
    out: list[DenialCue] = []
    for cue in cues:
        owner = next(
            (prev for prev in reversed(out) if prev.speaker is not None and not prev.needs_source),
            None,
        )
        reason = (
            _REASON.search(sentence, owner.cue_end, cue.cue_start) if owner is not None else None
        )
        if owner is not None and reason is not None and cue.needs_source:
            continue
        out.append(cue)
    shadows: list[DenialCue] = []
    for cue in out:
        if cue.speaker is None or cue.needs_source:
            continue
        reason = _REASON.search(sentence, cue.cue_end)
        if (
            reason is None
            or any(c is not cue and cue.cue_end <= c.cue_start < reason.start() for c in out)
            # "…; the conductor spoke to reporters, saying …": another clause's participle.
            or _OTHER_CLAUSE.search(sentence, cue.cue_end, reason.start()) is not None
        ):
            continue
        stop = CLAUSE_STOP.search(sentence, reason.end())
        end = stop.start() if stop else len(sentence.rstrip())
        word = reason.group(0).lstrip(", ")
        shadows.append(
            DenialCue(word, reason.start(), reason.end(), reason.start(), end, cue.speaker, False)
        )
    return sorted([*out, *shadows], key=lambda c: c.cue_start) if shadows else out
