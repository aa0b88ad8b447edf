"""Denials said with a verb of rejection: "rejected the claims", "dismissed as groundless
reports that …", "disputes that its drivers are employees", "pushed back, saying …".

Its own module because rejecting a proposal or a demand is no denial: these verbs need an
account ("claim", "report", "allegation"), a doubt, a proposition or a clause as their object,
which is what most of its rules decide. ``denial_links`` asks it whether a cue is a rejection
and whether what was rejected is a proposition.
"""

from __future__ import annotations

import re

from briefings.denial_nouns import POSSESSED_DENIAL
from briefings.denial_parts import (
    BE_BEFORE,
    CLAUSE_STOP,
    QUOTED_VERB,
    REJECTABLE,
    VERB_GAP,
    DenialCue,
    cue_subject,
    has_any,
    joined_subject,
    not_a_participle,
    object_end,
    participle_subject,
    past_setting,
    quoted_as,
)
from briefings.lexicon import CLAIM_NOUNS, REJECT_VERBS, REJECTABLE_NOUNS, word_pattern
from briefings.speakers import Span, speaker_before
from briefings.subjects import subject_start

__all__ = [
    "REJECT_KEYS",
    "REJECT_STEMS",
    "denies_proposition",
    "is_rejection",
    "pushed_back_cues",
    "reject_cues",
]


# "hit back on Thursday at …": when, between a phrasal verb and its object.
_WHEN = (
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|"
    r"this\s+week|last\s+week)\s+"
)
_REJECT = re.compile(
    r"\b(?:" + word_pattern(REJECT_VERBS) + r"|hit(?:s|ting)?\s+back\s+(?:" + _WHEN + r")?at|"
    r"push(?:ed|es|ing)?\s+back\s+(?:" + _WHEN + r")?(?:on|against)|"
    r"rebuff(?:ed|s|ing)?|brand(?:ed|s|ing)|label(?:l?ed|s|l?ing)|"
    r"t(?:ook|akes?|aking|aken)\s+issue\s+with|rubbish(?:ed|es|ing)?|slam(?:med|s|ming)?|"
    r"brush(?:ed|es|ing)?\s+(?:aside|off)|shrug(?:ged|s|ging)?\s+off|laugh(?:ed|s|ing)?\s+off|"
    r"scoff(?:ed|s|ing)?\s+at|pour(?:ed|s|ing)?\s+cold\s+water\s+on|sh(?:ot|oots?)\s+down|"
    # "contradicted that account", "contested the findings": with an account as object.
    r"contradict(?:ed|s|ing)?|contest(?:ed|s|ing)|challeng(?:ed|es|ing))\b"
)
# Rarer rejections, tried only when the sentence has one of their words (``_MORE_KEYS``).
_REJECT_MORE = re.compile(
    r"\b(?:"
    # "criticized a newspaper report by X, who wrote that …": only with a report as head.
    r"critici[sz](?:ed|es|ing)(?=\s+(?:the|a|an|this|that|these|those|[A-Z][\w.’'\-]*(?:’s|'s))\s+"
    r"(?:[\w.’'\-]+\s+){0,4}?(?:reports?|articles?|story|stories|findings|allegations|"
    r"claims|remarks|reporting|study)\b)|"
    # "questioned the accusations": doubt cast on an account, never on a person ("questioned
    # the minister") — the same account heads as "criticized".
    r"question(?:ed|s|ing)(?=\s+(?:the|a|an|this|that|these|those|[A-Z][\w.’'\-]*(?:’s|'s))\s+"
    r"(?:[\w.’'\-]+\s+){0,4}?(?:reports?|articles?|findings|allegations|accusations|charges|"
    r"claims|figures|study)\b)|"
    # "Vietnam has countered a human rights report that accuses …": an account answered.
    # ("countered that the report was biased" is a claim: "that" opens its clause.)
    r"counter(?:ed|s|ing)(?=\s+(?:the|a|an|these|those|[A-Z][\w.’'\-]*(?:’s|'s))\s+"
    r"(?:[\w.’'\-]+\s+){0,4}?(?:reports?|articles?|findings|allegations|accusations|charges|"
    r"claims|study)\b)|"
    # "disagreed with allegations by the group that …": an account disagreed with.
    r"disagree(?:d|s|ing)?\s+(?:\w+ly\s+)?with|"
    # "played down reports of a split", "downplayed the claims".
    r"play(?:ed|s|ing)?\s+down|downplay(?:ed|s|ing)?|"
    # "has distanced itself from a letter supposedly written by …": disowned.
    r"distanc(?:ed|es|ing|e)\s+(?:itself|himself|herself|themselves|ourselves|myself)\s+from|"
    # "refused to accept the findings", "does not accept the report's conclusions", "does
    # \"not recognize\" the allegations".
    r"refus(?:ed|es|ing)\s+to\s+(?:accept|recogni[sz]e)|"
    # "Forestry officials refused the charges": an account refused, not an offer.
    r"refus(?:ed|es|ing)(?=\s+(?:the|these|those|all|such|any)\s+(?:[\w’'\-]+\s+){0,2}?"
    r"(?:charges|allegations|accusations|claims|reports)\b)|"
    # "defended his ministry against charges that its forces abused prisoners".
    r"defend(?:ed|s|ing)\s+(?:[\w’'\-]+\s+){0,4}?against(?=\s+(?:the\s+)?(?:[\w’'\-]+\s+){0,2}?"
    r"(?:charges|allegations|accusations|claims|reports)\b)|"
    r"(?:did|does|do|would|will)\s*[“\"]?(?:not|n[’']t)\s+(?:accept|recogni[sz]e)|"
    # "ruled out any civilian casualties": what an incident is said to have caused.
    r"rul(?:ed|es|ing)\s+out(?=\s+(?:the\s+|any\s+)?(?:possibility\s+of\s+)?(?:any\s+)?"
    r"(?:[\w\-]+\s+)?(?:casualties|deaths|injuries|damage|foul\s+play|wrongdoing|involvement|"
    r"sabotage|negligence|contamination|a\s+leak|leaks|an?\s+(?:attack|link|connection)|"
    r"terrorism|arson)\b)|"
    # "denounced Tuesday as "completely" baseless India's latest allegations": denouncing
    # an account as false, the label before the account.
    r"denounc(?:ed|es|ing)(?=\s+(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\s+)?as\s+[“\"]?(?:\w+ly[”\"]?\s+[“\"]?)?(?:baseless|false|groundless|"
    r"unfounded|untrue|fabricated|absurd|ridiculous|lies)\b))\b"
)
_MORE_KEYS = (
    "counter",
    "denounc",
    "critici",
    "disagree",
    "question",
    "down",
    "accept",
    "rul",
    "recogni",
    "distanc",
    "refus",
    "defend",
)
_AS_LABEL = re.compile(
    # ("denounced Tuesday as "completely" baseless rival India's allegations": a day first,
    # quote marks inside the label, and the account's owner before its noun.)
    r"(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+)?"
    r"as\s+[“\"]?(?:[\w\-]+[”\"]?\s+[“\"]?){0,2}?[\w\-]+[”\"]?\s+"
    r"(?=(?:(?:[\w\-]+|[A-Z][\w\-]*(?:’s|'s))\s+){0,3}?(?:the\s+|these\s+|those\s+|such\s+|an?\s+)?"
    r"(?:" + word_pattern(REJECTABLE_NOUNS) + r")\b)"
)
# "pushed back, saying …": the rejection is the clause it introduces.
_PUSHED_BACK = re.compile(
    r"\b(?:(?:push(?:ed|es|ing)?|hit(?:s|ting)?)\s+back"
    # "the government sharply disagrees, saying the report is malicious".
    r"|disagree(?:s|d))\s*,\s*(?:saying|insisting|arguing)\s+"
    r"(?:that\s+)?"
)
# Stems of the verbs and phrases that reject an account: the sentence gate and the
# per-pattern gate of ``denials.find_denial_cues`` share them and differ only in how they
# spot "back" and "issue".
_REJECT_WORDS = (
    "retract",
    "withdr",
    "recant",
    "contradict",
    "contest",
    "challeng",
    "reject",
    "dismiss",
    "refut",
    "rebut",
    "debunk",
    "disput",
    "dispel",
    "rebuff",
    "brand",
    "label",
    "rubbish",
    "slam",
    "brush",
    "shrug",
    "laugh",
    "scoff",
    "cold water",
    "shot down",
    "shoots down",
    "ruled out",
    "rules out",
    "critici",
    "question",
    "disagree",
    "ruling out",
    "played down",
    "plays down",
    "playing down",
    "downplay",
    "to accept",
    "not accept",
    "n't accept",
    "n’t accept",
    "recognize",
    "recognise",
    "distanc",
    "refused the",
    "refuses the",
    "defended",
    "defends",
    "denounc",
    "counter",
)
REJECT_STEMS = (*_REJECT_WORDS, " back ", "back,", "issue")
# Words each pattern needs (lower-case literals of the case-sensitive patterns, looked for in
# the lower-cased sentence): without one, the pattern cannot match.
REJECT_KEYS = (*_REJECT_WORDS, "back", "issue with")


# "dismissed them as", "rejected it as": a pronoun standing for an account named before.
_PRONOUN_AS = re.compile(r"\s*(?:it|them|this|that|these|those)\s+as\b")
# "rejected the idea that …": a noun for a proposition, with the proposition spelled out.
_PROPOSITION = re.compile(
    r"\s*(?:the|any|this|that)\s+(?:[\w’'\-]+\s+)?(?:idea|notion|theory|premise|view|suggestion|"
    r"possibility|hypothesis|assertion|contention|impression|argument|belief)\s+that\b"
)
# "dismissed talk of a rift", "played down speculation about a move": loose accounts.
_TALK_OF = re.compile(
    r"\s*(?:(?:the|any|all|recent|fresh|renewed|growing|media)\s+){0,2}(?:(?:talk|speculation|"
    r"chatter|gossip)\s+(?:of|about|that)|criticism\s+that)\b"
)
# "disputes that its drivers are employees": a verb of dispute taking a clause.
_CLAUSE_TAKERS = ("disput", "contest", "challeng", "reject", "den")
_CLAUSE_OBJECT = re.compile(
    r"\s*that\s+(?!(?:"
    + word_pattern(REJECTABLE_NOUNS | CLAIM_NOUNS)
    + r")\b)(?:[\w’'\-]+\s+){1,6}?"
    r"(?:is|are|was|were|had|has|have|would|will|could|did)\b"
)
# Prepositions of cause: an account after one is the reason for the act, not its object.
_BECAUSE_OF = re.compile(r"\b(?:over|for|after|amid|following|because|due)\s")


_DISMISSIVE = ("dismiss", "brush", "shrug", "laugh", "scoff", "play", "downplay")
_DOUBT_TAKERS = (*_DISMISSIVE, "reject")
# "X's statement dismissing …": a statement of a named owner, right before a participle.
_OWNED_STATEMENT = re.compile(
    r"((?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*)(?:’s|'s)\s+(?:[a-z]+\s+)?(?:statement|"
    r"remarks|comments|letter|response|reply|post|tweet)\s+$"
)
# Outcomes announced as fact that a side may reject as untrue.
# An account, then the name of whoever rejects it, right before the verb: "a charge Ressa
# dismissed as", "an accusation that Moscow has rejected".
_ACCOUNT_BEFORE = re.compile(
    r"\b((?:a|an|the|this|that|these|those)\s+(?:[\w\-]+\s+)?(?:charges?|claims?|allegations?|"
    r"accusations?|reports?))\s+(?:that\s+|which\s+)?((?:[A-Z][\w’'.\-]*\s+){0,2}[A-Z][\w’'.\-]*)"
    r"\s+(?:has\s+|had\s+|have\s+)?(?:\w+ly\s+)?$"
)
_OUTCOME = re.compile(r"\b(?:results?|outcome|ruling|verdict|award|findings?|tally|count)\b(?!-)")
# Doubts about facts; "brushed aside criticism of his tactics" waves off an opinion.
_DOUBTS = re.compile(
    r"\b(?:concerns?|questions|doubts|fears|worries|suggestions)\b"
    r"(?=\s+(?:about|over|that|of|on|regarding)\b)"
)


def _reject_matches(sentence: str, low: str) -> list[re.Match[str]]:
    """Matches of the reject verbs, the rarer ones only when one of their words is there."""
    found = list(_REJECT.finditer(sentence))
    if has_any(low, _MORE_KEYS):
        found.extend(_REJECT_MORE.finditer(sentence))
        found.sort(key=lambda m: m.start())
    return found


def reject_cues(sentence: str, low: str, cues: list[DenialCue]) -> None:
    """ "rejected the claims", "dismissed as groundless reports that …", "disputes that …":
    add each reject-type verb's cue when its object is an account (or a doubt, a clause)."""
    for m in _reject_matches(sentence, low):
        if m.group(0).endswith("ed") and BE_BEFORE.search(sentence, 0, m.start()):
            continue
        # "\"strongly rejects\" the accusations": a closing quote may come before the object.
        gap = VERB_GAP.match(sentence, m.end())
        d_start = gap.end() if gap is not None else m.end() + 1
        d_start = past_setting(sentence, d_start - 1) + 1
        label = _AS_LABEL.match(sentence, d_start)
        if label is not None:
            # "dismissed as \"groundless\" reports that …": the label comes before the object.
            d_start = label.end()
        d_end = object_end(sentence, d_start)
        obj = sentence[d_start:d_end]
        head = re.match(r"(?:\S+\s+){0,6}", obj)
        window = obj if head is None else obj[: head.end() + 12]
        noun = REJECTABLE.search(window)
        if noun is None and m.group(0).lower().startswith("reject"):
            # "rejects early election results", "rejected the ruling": an outcome announced
            # as fact, disowned; "challenged the ruling" is an appeal, not a denial.
            noun = _OUTCOME.search(window)
        if noun is None and m.group(0).lower().startswith(_DOUBT_TAKERS):
            # "dismissed questions about the count", "brushed aside concerns that …",
            # "rejected questions about whether …": the doubts raised are waved away as
            # unfounded.
            noun = _DOUBTS.search(window)
        if (
            noun is not None
            and noun.group(0).startswith(("warning", "advisor"))
            and m.group(0).lower().startswith(("retract", "withdr"))
        ):
            # "retracted the warning": a source calls off its own advice, no account denied.
            noun = None
        if noun is not None and _BECAUSE_OF.search(window, 0, noun.start()):
            # "dismissed its coach over remarks he made": the account is why, not what.
            noun = None
        if noun is None:
            fronted = _ACCOUNT_BEFORE.search(sentence, max(0, m.start() - 120), m.start())
            if fronted is not None:
                # "a charge Ressa dismissed as “ridiculous”": the account comes first, then
                # the one who rejects it.
                cues.append(
                    DenialCue(
                        m.group(0),
                        m.start(),
                        m.end(),
                        fronted.start(1),
                        fronted.end(1),
                        Span(fronted.start(2), fronted.end(2)),
                        False,
                    )
                )
                continue
        if (
            noun is None
            and not m.group(0).startswith(("rul", "distanc"))
            and not _PRONOUN_AS.match(sentence, d_start)
            and not _PROPOSITION.match(sentence, d_start)
            and not _TALK_OF.match(sentence, d_start)
            and not (
                m.group(0).startswith(_CLAUSE_TAKERS) and _CLAUSE_OBJECT.match(sentence, d_start)
            )
        ):
            continue
        clause = _CLAUSE_OBJECT.match(sentence, d_start) if noun is None else None
        if clause is not None:
            # "disputes that its riders are employees": the clause after "that".
            d_start = sentence.index("that", d_start) + 5
            stop = CLAUSE_STOP.search(sentence, d_start)
            d_end = stop.start() if stop else len(sentence.rstrip())
        if m.group(0).startswith(("brand", "label")):
            # "branded the accusations a smear campaign": the label is not what is rejected.
            noun = REJECTABLE.search(obj)
            if noun is not None:
                d_end = d_start + noun.end()
        speaker = cue_subject(sentence, m.start())
        if m.group(0).endswith("ing"):
            speaker = participle_subject(sentence, m.start()) or not_a_participle(sentence, speaker)
        if m.group(0).endswith("ing"):
            possessed = POSSESSED_DENIAL.search(sentence)
            if possessed and possessed.start() <= m.start() < possessed.end():
                owner = 1 if possessed.group(1) else 2
                speaker = Span(possessed.start(owner), possessed.end(owner))
            elif re.search(r"\b(?:with|by|of|for|in)\s+$", sentence[: m.start()]):
                speaker = _aside_subject(sentence, m.start()) or joined_subject(sentence, m.start())
        if m.group(0).endswith("ing"):
            speaker = quoted_as(sentence, m.start()) or speaker
            owned = _OWNED_STATEMENT.search(sentence, max(0, m.start() - 120), m.start())
            if owned is not None:
                # "Charity Charamba's statement dismissing his abduction claims": the
                # statement's owner rejects them, not the sentence's reporting speaker.
                speaker = Span(owned.start(1), owned.end(1))
        if speaker is None and m.group(0).endswith("ing"):
            cues.append(DenialCue(m.group(0), m.start(), m.end(), d_start, d_end, None, True))
            continue
        # "said it \"strongly rejects\" the accusations": no subject read before the verb,
        # so the reporting verb's speaker is the one who rejects.
        cues.append(
            DenialCue(
                m.group(0),
                m.start(),
                m.end(),
                d_start,
                d_end,
                speaker,
                speaker is None and QUOTED_VERB.search(sentence, 0, m.start()) is not None,
            )
        )


def _aside_subject(sentence: str, at: int) -> Span | None:
    """ "The ministry, in rejecting Bogota's claims, called them …": the subject before an
    aside of "in" or "by" and a participle rejects; a phrase like "accused of rejecting"
    names no one."""
    aside = re.search(r"\w(,)\s+(?:in|by)\s+$", sentence[:at])
    if aside is None:
        return None
    subject = speaker_before(sentence, aside.start(1))
    if subject is None or subject.start != subject_start(sentence):
        # Only the sentence's own subject: "… met the minister, in rejecting …" is no aside.
        return None
    return subject


def pushed_back_cues(sentence: str, cues: list[DenialCue]) -> None:
    """ "pushed back, saying …", "hit back, insisting that …": the clause after the
    participle is what is rejected."""
    for m in _PUSHED_BACK.finditer(sentence):
        if any(c.cue_start <= m.start() < c.cue_end for c in cues):
            continue
        stop = CLAUSE_STOP.search(sentence, m.end())
        d_end = stop.start() if stop else len(sentence.rstrip())
        cues.append(
            DenialCue(
                m.group(0).split(",")[0],
                m.start(),
                m.end(),
                m.end(),
                d_end,
                cue_subject(sentence, m.start()),
                False,
            )
        )


def denies_proposition(denied: str) -> bool:
    """Whether a denied span is a proposition ("that it had shelled the town") rather than
    an account ("the reports")."""
    return _PROPOSITION.match(" " + denied) is not None


def is_rejection(cue: str) -> bool:
    """Whether ``cue`` is a verb of rejection ("rejected", "hit back at", "dismissed")."""
    return _REJECT.fullmatch(cue) is not None or _REJECT_MORE.fullmatch(cue) is not None
