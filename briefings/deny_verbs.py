"""Denials said with a verb of denial: "denied the reports", "denies it was planning …",
"…, denying that …", and a sentence that opens on a denying or rejecting participle
("Denying the reports, the minister said …").

Its own module because the deny verbs' objects and subjects need rules of their own: "denied
them access" and "did not deny" deny nothing, "denied on Tuesday that" puts the time between
verb and clause, and "quoted an official as denying" gives the denier. Rejections ("rejected
the claims"), whose object must be an account, are in ``reject_verbs``.
"""

from __future__ import annotations

import re

from briefings.denial_parts import (
    BE_BEFORE,
    CLAUSE_STOP,
    QUOTED_VERB,
    REJECTABLE,
    VERB_GAP,
    DenialCue,
    cue_subject,
    not_a_participle,
    object_end,
    participle_subject,
    past_setting,
    quoted_as,
    statement_subject,
)
from briefings.lexicon import DENY_VERBS, word_pattern
from briefings.speakers import Span
from briefings.subjects import sentence_subject

__all__ = ["OPENING_PARTICIPLE", "deny_cues", "opening_denial"]


_DENY = re.compile(r"\b(?:" + word_pattern(DENY_VERBS) + r")\b")
# "denied them access", "denied bail": a refusal, not an account denied ("deny that rights
# abuses happen" denies a clause).
_NOT_ACCOUNTS = re.compile(
    r"\s+(?!that\b)(?:\w+\s+){0,2}?(?:access|entry|permission|visas?|bail|requests?|"
    r"him|her|them|us|me|himself|herself|themselves|itself|ourselves|myself|rights|benefits|"
    r"service)\b"
)
# "denied the UNHCR and other aid agencies access to the center": a longer object, with no
# clause of its own, before what is refused.
_NOT_ACCOUNTS_LONG = re.compile(
    # ("denies this abuse of rights and refuses access": a second verb after "and" owns
    # what is refused.)
    r"\s+(?:(?!(?:that|which|who|is|are|was|were|had|has|have)\b|(?:and|but)\s+(?:refus|declin|"
    r"block|bar|prevent|restrict|den|say|said|insist)\w*\b)[\w.\-]+\s+){3,10}?"
    r"(?:access|entry|permission|visas?|bail)\b"
)
# "the decision to deny the visit", "refused to deny him bail": an act of refusing decided
# on, not an account denied.
_REFUSAL_INFINITIVE = re.compile(
    r"\b(?:decision|decided|decides|decide|move|moved|order|ordered|orders|voted|vote|votes|"
    r"refused|threatened|threatens|threaten|plans?|planned|bid|attempt)\s+to\s+$"
)
# "has denied responsibility for the attack" rejects the blame; "attempts to deny
# responsibility" only reports a stance, so the infinitive does not.
_RESPONSIBILITY = re.compile(r"\s+(?:\w+\s+){0,2}?responsibility\b")
# "denied them." with an account named before: the pronoun stands for it.
_ACCOUNT_PRONOUN = re.compile(r"\s+(?:them|it)\s*(?:[.,;”\"]|as\b|$)")
# "denied it was planning …", "denies the firm had paid …": a that-less complement clause.
_BARE_COMPLEMENT = re.compile(
    r"(?:it|he|she|they|we|I|(?:the|its|his|her|their)\s+[\w\-]+)\s+(?:\w+ly\s+)?"
    r"(?:is|was|were|are|had|has|have|would|will|did|could|ever)\b"
)
# "denied on Tuesday that …": when, between the verb and its clause.
_TIMED_THAT = re.compile(
    r"\s+(?:(?:on\s+|last\s+|this\s+|earlier\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|today|yesterday|week|month|night|year)\s+)?that\s+"
)
# "did not deny", "neither confirmed nor denied": nothing is rejected.
_NOT_DENYING = re.compile(
    r"(?:\b(?:not|never)\s+(?:\w+ly\s+)?|n[’']t\s+|\bconfirm\s+or\s+|\bconfirmed\s+nor\s+|"
    r"\bconfirms\s+nor\s+)$"
)


def deny_cues(sentence: str, cues: list[DenialCue]) -> None:
    """ "denied", "denies the reports", "…, denying that …": add each denial verb's cue, with
    what it denies and, where the grammar gives one, who denies."""
    # Every deny verb holds "deni" or "deny": a sentence with only "den" ("evidence",
    # "president", "Denmark") skips the search, which starts at every word.
    found = _DENY.finditer(sentence) if "deni" in sentence or "deny" in sentence else ()
    for m in found:
        if m.group(0).endswith("ed") and BE_BEFORE.search(sentence, 0, m.start()):
            continue
        if _NOT_DENYING.search(sentence, max(0, m.start() - 40), m.start()):
            # "did not deny", "neither confirmed nor denied": nothing is rejected.
            continue
        if (
            _NOT_ACCOUNTS.match(sentence, m.end())
            and not REJECTABLE.match(sentence, m.end() + 1)
            and not (
                _ACCOUNT_PRONOUN.match(sentence, m.end())
                and REJECTABLE.search(sentence, 0, m.start())
            )
        ):
            # "denied them access", but not "denied allegations from rights groups" nor
            # "asked about the reports, he denied them".
            continue
        long_object = _NOT_ACCOUNTS_LONG.match(sentence, m.end())
        if long_object is not None and not REJECTABLE.search(long_object.group(0)):
            continue
        if _REFUSAL_INFINITIVE.search(
            sentence, max(0, m.start() - 16), m.start()
        ) and not REJECTABLE.search(" ".join(sentence[m.end() :].split()[:3])):
            # ("moved to deny the reports": an account is still denied.)
            continue
        if sentence[max(0, m.start() - 3) : m.start()] == "to " and _RESPONSIBILITY.match(
            sentence, m.end()
        ):
            continue
        gap = VERB_GAP.match(sentence, m.end())
        start = past_setting(
            sentence,
            gap.start() + (1 if gap is not None and sentence[m.end()] in '”"’' else 0)
            if gap
            else m.end(),
        )
        that = _TIMED_THAT.match(sentence[start:])
        d_start = start + (
            that.end() if that else len(sentence[start:]) - len(sentence[start:].lstrip())
        )
        d_end = object_end(
            sentence, d_start if that is None else start + that.group(0).rindex("that")
        )
        if that is None and _BARE_COMPLEMENT.match(sentence, d_start):
            # "denied it is planning a sale": a clause without "that", not the pronoun alone.
            stop = CLAUSE_STOP.search(sentence, d_start)
            d_end = stop.start() if stop else len(sentence.rstrip())
        speaker = cue_subject(sentence, m.start())
        quoted = quoted_as(sentence, m.start()) if m.group(0) == "denying" else None
        if quoted is not None:
            speaker = quoted
        participle = (
            quoted is None
            and m.group(0) == "denying"
            and sentence[: m.start()].rstrip().endswith(",")
            # "…, denying nothing": no account is rejected.
            and not sentence.startswith(" nothing", m.end())
        )
        if participle:
            # "X said …, denying claims that …": the participle belongs to the reporting
            # verb (its speaker, taken by the caller) or to a statement clause before it.
            speaker = participle_subject(sentence, m.start()) or not_a_participle(sentence, speaker)
        elif speaker is None and quoted is None and m.group(0) == "denying":
            # "The exile government, based in …, released a statement Monday denying …": no
            # phrase stands right before the participle, and the statement's issuer denies.
            speaker = statement_subject(sentence, m.start())
            if speaker is None and sentence.endswith("by ", 0, m.start()):
                # "The prime minister sparked anger by denying the military forced …":
                # the gerund's subject is the clause's.
                subject = sentence_subject(sentence)
                speaker = subject if subject is not None and subject.end < m.start() else None
        cues.append(
            DenialCue(
                m.group(0),
                m.start(),
                m.end(),
                d_start,
                d_end,
                speaker,
                # "said it \"categorically denies\" …": no subject read before the verb, so
                # the reporting verb's speaker denies.
                speaker is None
                and (participle or QUOTED_VERB.search(sentence, 0, m.start()) is not None),
            )
        )


# The main clause after an opening participle: ", the club said" → its verb.
_MAIN_VERB = re.compile(
    r",\s+[^,]{1,80}?\b(?:said|says|told|insisted|insists|added|stated|argued|declared|"
    r"maintained|wrote|tweeted)\b"
)


# "Denying the reports, the minister said …": a participle opening the sentence.
OPENING_PARTICIPLE = re.compile(
    r"[“\"]?(Denying|Rejecting|Dismissing|Disputing|Refuting|Rebutting|Contesting)\s+"
)


def opening_denial(sentence: str, m: re.Match[str]) -> list[DenialCue]:
    """The denial of an opening participle, owned by the main clause's subject; rejecting
    (not denying) needs an account as its object, as the verb does elsewhere."""
    comma = sentence.find(",", m.end())
    if comma < 0:
        return []
    d_end = object_end(sentence, m.end())
    if m.group(1) != "Denying" and not REJECTABLE.search(sentence, m.end(), d_end):
        return []
    if m.group(1) == "Denying" and _NOT_ACCOUNTS.match(sentence, m.start(1) + 7):
        return []
    speaker = _opening_participle_subject(sentence, comma)
    if speaker is None:
        return []
    return [DenialCue(m.group(1), m.start(1), m.end(1), m.end(), d_end, speaker, False)]


def _opening_participle_subject(sentence: str, after: int) -> Span | None:
    """The subject of the main clause an opening participle hangs on ("Denying the reports,
    the minister said …" → the minister), None when no reporting clause follows."""
    m = _MAIN_VERB.match(sentence, after)
    if m is None:
        return None
    verb = sentence.rfind(" ", 0, m.end()) + 1
    return cue_subject(sentence, verb)
