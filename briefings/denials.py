"""Find denials: a source rejecting a claim or report, and what exactly it rejects.

Explicit rejections ("denied", "rejected that claim", "dismissed the reports", "debunking
of X's claim", "issued a denial of", "refused to accept the findings"), accounts called
false or discredited ("was categorically untrue", "no truth to", "had no basis in fact",
"riddled with errors", "those figures are too high", "the video had been doctored"),
negated counter-claims ("is not seeking", "there are no ...", "not aware of any plans",
"have not yet taken place") and "contradicted by". Rejecting a proposal or a demand is not
a denial, so reject-type verbs need an account ("claim", "report", "allegation") as their
object. A denial is never also a claim: a reported clause that negates an earlier speaker's
claim, or the accused negating its own act, is promoted from claim to denial.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefings.lexicon import (
    CLAIM_NOUNS,
    DENIAL_NOUNS,
    DENY_VERBS,
    FALSE_WORDS,
    REJECT_VERBS,
    REJECTABLE_NOUNS,
    lower_aligned,
    word_pattern,
)
from briefings.model import Claim, Denial
from briefings.similarity import content_terms, name_terms, same_speaker
from briefings.speakers import Span, speaker_after, speaker_before

__all__ = [
    "DenialCue",
    "find_denial_cues",
    "link_targets",
    "participle_subject",
    "promote_contradictions",
]


def _alt(words: frozenset[str]) -> str:
    return word_pattern(words)


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


# "hit back on Thursday at …": when, between a phrasal verb and its object.
_WHEN = (
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|"
    r"this\s+week|last\s+week)\s+"
)
_DENY = re.compile(r"\b(?:" + _alt(DENY_VERBS) + r")\b")
_REJECT = re.compile(
    r"\b(?:" + _alt(REJECT_VERBS) + r"|hit\s+back\s+(?:" + _WHEN + r")?at|"
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
    # "played down reports of a split", "downplayed the claims".
    r"play(?:ed|s|ing)?\s+down|downplay(?:ed|s|ing)?|"
    # "refused to accept the findings", "does not accept the report's conclusions".
    r"refus(?:ed|es|ing)\s+to\s+accept|(?:did|does|do|would|will)\s*(?:not|n[’']t)\s+accept|"
    # "ruled out any civilian casualties": what an incident is said to have caused.
    r"rul(?:ed|es|ing)\s+out(?=\s+(?:the\s+|any\s+)?(?:possibility\s+of\s+)?(?:any\s+)?"
    r"(?:[\w\-]+\s+)?(?:casualties|deaths|injuries|damage|foul\s+play|wrongdoing|involvement|"
    r"sabotage|negligence|contamination|a\s+leak|leaks|an?\s+(?:attack|link|connection)|"
    r"terrorism|arson)\b))\b"
)
_MORE_KEYS = ("critici", "down", "accept", "rul")
_NOT_ACCOUNTS = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:access|entry|permission|visas?|bail|requests?|"
    r"him|her|them|us|me|himself|herself|themselves|itself|ourselves|myself|rights|benefits|"
    r"service)\b"
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
# "quoted a party official as denying …", "cited the ministry as rejecting …": the quoted
# source is the one who denies, not the outlet that quotes it.
_QUOTED_AS = re.compile(
    r"\b(?:quot|cit)(?:ed|es|ing)\s+((?:[\w’'.\-]+,?\s+){0,7}?[\w’'.\-]+)\s+as\s+$"
)
_REJECTABLE = re.compile(r"\b(?:" + _alt(REJECTABLE_NOUNS) + r")\b")
_CONTRADICTED = re.compile(r"\b(?:contradicted|refuted|disputed|challenged)\s+by\s+")
_POSSESSED_DENIAL = re.compile(
    # "Acme's denial of", "the ministry's flat rejection of": the owner denies.
    r"((?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*|[Tt]he\s+(?:[a-z\-]+\s+){0,2}?[a-z\-]+)(?:’s|'s)\s+"
    r"(?:[a-z]+\s+){0,2}?(?:" + _alt(DENIAL_NOUNS) + r")\s+of\s+"
)
_AS_LABEL = re.compile(
    r"as\s+[“\"]?(?:[\w\-]+\s+){0,2}?[\w\-]+[”\"]?\s+(?=(?:the\s+|these\s+|those\s+|such\s+|an?\s+)?"
    r"(?:" + _alt(REJECTABLE_NOUNS) + r")\b)"
)
# "reports of a nine-hour outage were …": a bare account noun with what it is about.
_ACCOUNT_SUBJECT = re.compile(
    r"\b(?:reports?|claims?|allegations?|accusations?|suggestions?|rumou?rs?|stories)\s+"
    r"(?:of|about)\s+(?:[\w’'\-]+\s+){0,5}?[\w’'\-]+\s*$",
    re.IGNORECASE,
)
_CALLED_OBJECT = re.compile(r"\w+\s+(.+?)\s+(?:as\s+)?[“\"‘]?(?:an?\s+)?(?:\w+ly\s+)?\w+$")
_FALSE_PRED = re.compile(
    r"\b(?:is|was|are|were|be|been)\s+(?:\w+ly\s+)?(?:[“\"]?not\s+(?:true|correct|accurate)|"
    # "were \"lies\"", "was \"pure fiction\"", "were \"completely unfounded\"", "were \"a
    # pack of lies\"": a quote mark and one modifier may come first.
    r"[“\"]?(?:a\s+)?(?:(?:pack|tissue|bunch|web)\s+of\s+)?(?:(?:deliberate|complete|total|pure|"
    r"utter|simply|greatly|grossly|wildly|hugely|a|\w+ly)\s+)?"
    # "were \"provocative lies\"": one more adjective, never a negation ("were not lies").
    r"(?:(?!(?:not|no|never)\b)[a-z]+\s+)?"
    r"(?:" + _alt(FALSE_WORDS) + r")|"
    r"[“\"]?(?:\w+ly\s+)?without\s+(?:any\s+)?(?:merit|foundation|basis)|"
    # "was \"simply not the case\"", "were wide of the mark".
    r"[“\"]?(?:\w+ly\s+)?not\s+the\s+case|[“\"]?(?:wide\s+of|off)\s+the\s+mark|"
    r"[“\"]?far\s+from\s+(?:the\s+truth|true|accurate|correct|the\s+facts))\b"
)
_CALLED_FALSE = re.compile(
    r"\b(?:called|calls|calling|described|labelled|labeled|branded|characteri[sz]ed|"
    r"characteri[sz]es|portrayed)\s+"
    # "described the report as \"one-sided and inaccurate\"": quote marks among the words.
    r"(?:[\w’'.\-“\"]+\s+){0,16}?(?:as\s+)?[“\"‘]?(?:an?\s+)?(?:\w+ly\s+)?(?:"
    + _alt(FALSE_WORDS)
    + r")\b"
)
_NEGATION = re.compile(
    # Every branch starts a word with one of these letters: the lookahead, and one "\b" for
    # all branches, let ``re`` pass over other positions without trying each branch.
    r"(?=[TtnNiawdh])\b(?:"
    r"[Tt]here\s+(?:\w+\s+)?(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?"
    r"no\s+(?![“\"]?truth\b)"
    r"|not\s+aware\s+of\s+"
    r"|(?:is|are|was|were|am)\s+not\s+(?=seeking|planning|considering|involved|responsible)"
    r"|(?:would|will|did|does|do|has|have|had)\s+(?:not|never)\s+(?:yet\s+)?(?=engage|engaged|happen"
    r"|happened|occur|occurred|take\s+place|taken\s+place|took\s+place)"
    r"|no\s+truth(?:\s+whatsoever|\s+at\s+all)?[”\"]?\s+(?:to|in)\s+"
    # "had never offered anything", "did not receive any payment": a flat counter-claim.
    # Not "never paid any attention": an idiom, not an act denied.
    r"|(?:(?:had|has|have|did|does|do)\s+)?never\s+(?![a-z]+\s+any\s+(?:attention|heed|mind|notice)\b)"
    r"(?=[a-z]+\s+(?:any|anything|anyone|a\s+cent|"
    r"a\s+penny)\b|(?:received|taken|accepted|paid|met|ordered|authori[sz]ed|approved)\b)"
    # "the holidays were never paid for by the campaign": the act itself negated.
    r"|(?:was|were)\s+never\s+(?=(?:paid|offered|spent|used|sold|given|approved|signed|"
    r"authori[sz]ed|ordered|sent|transferred|diverted|promised|asked|consulted)\b)"
    # "Nobody asked us anything", "no one had been hurt": a flat counter-claim.
    r"|(?:[Nn]obody|[Nn]o\s+one)\s+(?:(?:has|had|have|was|were)\s+(?:been\s+)?[a-z]+|"
    r"(?:ever\s+)?[a-z]+ed)\b"
    # "We have found no design fault": a search that came up empty.
    r"|(?:has|have|had)\s+(?:found|seen|detected|identified|received|shown|showed|"
    r"recorded|observed)\s+no\s+"
    # "no such offer had been made": the account named, and negated.
    r"|no\s+such\s+"
    # "no offer had been received", "no agreement was reached": the event negated.
    r"|[Nn]o\s+(?=(?:[a-z]+\s+)?(?:offers?|payments?|requests?|proposals?|bids?|complaints?|"
    r"applications?|money|funds|orders?|invitations?|warnings?|threats?|contracts?)\s+"
    r"(?:has|had|have|was|were)\s+(?:yet\s+)?(?:been\s+)?(?:received|made|offered|submitted|"
    r"sent|paid|filed|issued|signed)\b)"
    r"|not\s+(?:correct|true|accurate)\s+to\s+say\s+(?:that\s+)?"
    r"|no\s+(?:evidence|basis)[”\"]?\s+(?:for|to|that)\s+"
    # "has no plans to close the plant": the intention reported is denied.
    r"|(?:has|have|had)\s+no\s+(?:\w+\s+)?(?:plans?|intention)\s+(?:to|of)\s+"
    # "there was \"no question\" of any rider having broken the rules".
    r"|no\s+question[”\"]?\s+of\s+"
    # "We have not received any request": nothing of the kind reached them.
    r"|(?:has|have|had|did|does|do)\s+not\s+(?:yet\s+)?(?=(?:received|receive|seen|see|found|"
    r"find|made|make|signed|sign|held|hold)\s+any\b))"
)
# "insisted that the protest had not been blocked": a counter-claim the speaker stands by.
_INSISTED_NOT = re.compile(
    r"\b(?:insisted|insists|insisting|maintained|maintains|maintaining)\s+(?:that\s+)?"
)
_CLAUSE_NEGATION = re.compile(r"\b(?:not|never|no)\b|n[’']t\b")
# "there is no evidence that X": X is what is denied.
_NO_EVIDENCE = re.compile(r"(?:evidence|proof|indication|suggestion)\s+that\s+")
# "there is no immediate danger": a reassurance about a risk, not a rejected account.
_REASSURANCE = re.compile(
    r"(?:immediate\s+|imminent\s+|direct\s+|serious\s+|further\s+|real\s+)?(?:danger|threat|"
    r"risk|cause\s+for\s+(?:concern|alarm)|need\s+(?:to|for)\s+(?:panic|alarm|worry))\b"
    # "there was no question that the team had improved": certainty, not a denial.
    r"|[“\"]?(?:question|doubt)[”\"]?\s+(?:that|about|whether)\b"
    # "there is no such thing as a fair trial here": a general verdict, not an answer.
    r"|(?:such\s+)?thing\s+as\b"
)
# "those numbers are too high", "the agency's figures were inflated": an account of a
# quantity called wrong. Only an account pointed back to or owned by a source: "the
# unemployment numbers are too high" is a complaint about the world, not about a report.
_OVERSTATED = re.compile(
    r"\b((?:[Tt]hese|[Tt]hose|[Ss]uch|(?:[Tt]he\s+)?(?:[A-Z][\w.&\-]*\s+){0,3}?[A-Z][\w.&\-]*(?:’s|'s))"
    r"\s+(?:[\w’'\-]+\s+){0,2}?(?:figures?|numbers?|estimates?|tolls?|counts?|tally|tallies|"
    r"statistics|data))\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:far\s+|much\s+|way\s+)?"
    r"(?:too\s+(?:high|low)|inflated|overestimated|underestimated|understated)\b"
)
_OVERSTATED_KEYS = ("too high", "too low", "inflated", "estimated", "understated")
# "issued a flat denial of the reports", "gave a point-by-point rebuttal": a denial as a noun,
# the subject of its verb the one who denies.
_NOMINAL_DENIAL = re.compile(
    r"\b(?:issued|issues|gave|gives|made|makes|released|releases|offered|offers|put\s+out|"
    r"published|publishes)\s+(?:a|an)\s+(?:[\w\-]+\s+){0,2}?(?:denial|rebuttal|refutation)\b"
    # Not "a rebuttal speech" (a modifier) nor "a denial of service attack".
    r"(?:\s+of\s+(?!service\b)|(?=\s*[,.;:”\"]|\s+(?:to|on|in|at|after|late|early|earlier|this|"
    r"that|saying|through|via|by|and)\b))"
)
# "the video had been doctored": a recording or document the speaker calls faked.
_DOCTORED = re.compile(
    r"\b((?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+(?:[\w’'\-]+\s+){0,3}?(?:videos?|footage|"
    r"photos?|photographs?|images?|pictures?|recordings?|audio|clips?|tapes?|documents?|"
    r"letters?|screenshots?))\s+(?:(?:is|was|were|are|had\s+been|has\s+been|have\s+been)\s+"
    r"(?:\w+ly\s+)?(?:doctored|manipulated|faked|forged|fabricated|fake|staged|"
    r"photoshopped)|(?:is|was|were|are)\s+(?:an?\s+)?(?:\w+ly\s+)?(?:fake|forgery|forgeries|"
    # Not "staged for the crew", "edited to fit": work done openly, for a purpose.
    r"montage))\b(?!\s+(?:to|for)\b)"
)
_DOCTORED_KEYS = (
    "doctored",
    "manipulated",
    "faked",
    "forged",
    "forger",
    "fabricated",
    "fake",
    "staged",
    "photoshop",
    "montage",
)
# "pushed back, saying …": the rejection is the clause it introduces.
_PUSHED_BACK = re.compile(
    r"\b(?:push(?:ed|es|ing)?|hit(?:s|ting)?)\s+back\s*,\s*(?:saying|insisting|arguing)\s+"
    r"(?:that\s+)?"
)
_TRAILING_TIME = re.compile(
    r"\s+(?:on|last|this|earlier|late)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|week|month|year|weekend|night|morning|evening)$"
)
# A word each branch of ``_NEGATION`` needs: without one of them it cannot match.
_NOBODY = re.compile(r"(?:nobody|no\s+one)\b", re.IGNORECASE)
_NEGATION_KEYS = (
    "there",
    "aware",
    "seeking",
    "planning",
    "considering",
    "involved",
    "responsible",
    "engage",
    "happen",
    "occur",
    "place",
    "truth",
    "say",
    "evidence",
    "basis",
    "never",
    "found",
    "seen",
    "detected",
    "identified",
    "received",
    "nobody",
    "no one",
    "shown",
    "showed",
    "recorded",
    "observed",
    "such",
    "received",
    "made",
    "offered",
    "submitted",
    "sent",
    "paid",
    "filed",
    "plan",
    "intention",
    "question",
    "signed",
    "never",
    "receive",
    "signed",
    "held",
    "hold",
    "find",
    "make",
)
_PASSIVE_DENIAL = re.compile(
    r"\b(?:is|was|were|are|been|being)\s+(?:\w+ly\s+)?(?:(?:denied|rejected|dismissed|refuted|"
    r"disputed|debunked)(?:\s+as\s+(?:\w+\s+){0,2}?\w+)?|(?:called|described\s+as|branded|"
    r"labell?ed)\s+(?:\w+ly\s+)?(?:" + _alt(FALSE_WORDS) + r"))\s+by\s+"
)
_NOT_DENYING = re.compile(
    r"(?:\b(?:not|never)\s+(?:\w+ly\s+)?|n[’']t\s+|\bconfirm\s+or\s+|\bconfirmed\s+nor\s+|"
    r"\bconfirms\s+nor\s+)$"
)
_BE_BEFORE = re.compile(r"\b(?:is|was|were|are|been|being)\s+(?:\w+ly\s+)?$")
_ERRONEOUS = re.compile(r"\b(?:erroneously|falsely|wrongly|mistakenly)\b")

# Stems of the verbs and phrases that reject an account: the sentence gate and the
# per-pattern gate below share them and differ only in how they spot "back" and "issue".
_REJECT_WORDS = (
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
    "ruling out",
    "played down",
    "plays down",
    "playing down",
    "downplay",
    "to accept",
    "not accept",
    "n't accept",
    "n’t accept",
)
_REJECT_STEMS = (*_REJECT_WORDS, " back ", "back,", "issue")
_ERRONEOUS_STEMS = ("erroneous", "falsely", "wrongly", "mistakenly")
# Words each pattern needs (lower-case literals of the case-sensitive patterns, looked for in
# the lower-cased sentence): without one, the pattern cannot match.
_REJECT_KEYS = (*_REJECT_WORDS, "back", "issue with")
_DENIAL_NOUN_KEYS = ("denial", "rejection", "debunking", "refutation", "dismissal", "rebuttal")
_PASSIVE_KEYS = (
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
_CONTRADICTED_KEYS = ("contradicted", "refuted", "disputed", "challenged")
_CALLED_KEYS = ("call", "described", "label", "branded", "characteri", "portrayed")
_FALSE_ANY = re.compile(r"\b(?:" + word_pattern(FALSE_WORDS) + r")\b")
_FALSE_AFTER_SPACE = re.compile(r" (?:" + word_pattern(FALSE_WORDS) + r")\b")
_FALSE_AFTER_OTHER = re.compile(r"[^a-z0-9_ ](?:" + word_pattern(FALSE_WORDS) + r")\b")


_DETERMINER = re.compile(r"\b(?:the|this|these|those|such|a|an)\s", re.IGNORECASE)
_OBJECT_END = re.compile(
    r"[,;:!?”\"]|(?<![A-Z])\.(?=\s|$)|\s(?:saying|stating|adding|calling|but|and\s+said|was|were|is|are"
    r"|has|had|came|comes|followed|follows)\b"
)


_THAT_CLAUSE = re.compile(
    r"(?:that\s+|(?:[\w’'\-]+\s+){0,3}?(?:" + _alt(REJECTABLE_NOUNS | {"criticism", "talk"}) + r")"
    # "allegations from rights groups that …": the account's source may come between.
    r"(?:\s+(?:from|by)\s+(?:[\w’'.\-]+\s+){0,3}?[\w’'.\-]+)?\s+that\s+)"
)
_CLAUSE_STOP = re.compile(
    r"[,;:!?”\"]|(?<![A-Z])\.(?=\s|$)|\s(?:calling|saying|stating|adding|insisting|but|while)\b"
    r"|\sand\s+(?:accused|said|called|added|insisted|blamed|urged|warned)\b"
)
_AS_STOP = re.compile(r"\s+as\s+")


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
    r"\s*that\s+(?!(?:" + _alt(REJECTABLE_NOUNS | CLAIM_NOUNS) + r")\b)(?:[\w’'\-]+\s+){1,6}?"
    r"(?:is|are|was|were|had|has|have|would|will|could|did)\b"
)
# A clause that is itself a statement: its subject also owns a participle after it
# ("officials issued a response to the allegations, dismissing them as …").
_STATEMENT_VERB = re.compile(
    r"\b(?:issued|released|published|put\s+out)\s+(?:[\w’'\-]+\s+){0,4}?(?:statements?|"
    r"responses?|reply|replies|rebuttals?|communiqu\w*|denials?|declarations?)\b|"
    r"\b(?:responded|replied|reacted|hit\s+back|retorted)\b"
)
_PARTICIPLE_REACH = 200
# Prepositions of cause: an account after one is the reason for the act, not its object.
_BECAUSE_OF = re.compile(r"\b(?:over|for|after|amid|following|because|due)\s")


def participle_subject(sentence: str, at: int) -> Span | None:
    """The subject of a participle after a comma ("…, denying claims that …") when the
    clause before it is a statement of its own ("the officials issued a response to the
    allegations, dismissing them"); None when the participle hangs on the sentence's
    reporting verb, whose speaker the caller takes."""
    if not sentence[:at].rstrip().endswith(","):
        return None
    lo = max(0, at - _PARTICIPLE_REACH)
    verbs = list(_STATEMENT_VERB.finditer(sentence, lo, at))
    if not verbs:
        return None
    return speaker_before(sentence, verbs[-1].start())


_VERB_GAP = re.compile(r"[”\"’]?\s+")
# "it \"categorically denies\"": the verb quoted, its subject outside the quote.
_QUOTED_VERB = re.compile(r"[“\"]\s*(?:\w+ly\s+)?$")


def _reject_matches(sentence: str, low: str) -> list[re.Match[str]]:
    """Matches of the reject verbs, the rarer ones only when one of their words is there."""
    found = list(_REJECT.finditer(sentence))
    if _has_any(low, _MORE_KEYS):
        found.extend(_REJECT_MORE.finditer(sentence))
        found.sort(key=lambda m: m.start())
    return found


# The main clause after an opening participle: ", the club said" → its verb.
_MAIN_VERB = re.compile(
    r",\s+[^,]{1,80}?\b(?:said|says|told|insisted|insists|added|stated|argued|declared|"
    r"maintained|wrote|tweeted)\b"
)


# "Denying the reports, the minister said …": a participle opening the sentence.
_OPENING_PARTICIPLE = re.compile(
    r"[“\"]?(Denying|Rejecting|Dismissing|Disputing|Refuting|Rebutting|Contesting)\s+"
)


def _opening_denial(sentence: str, m: re.Match[str]) -> list[DenialCue]:
    """The denial of an opening participle, owned by the main clause's subject; rejecting
    (not denying) needs an account as its object, as the verb does elsewhere."""
    comma = sentence.find(",", m.end())
    if comma < 0:
        return []
    d_end = _object_end(sentence, m.end())
    if m.group(1) != "Denying" and not _REJECTABLE.search(sentence, m.end(), d_end):
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
    return _subject(sentence, verb)


def _quoted_as(sentence: str, at: int) -> Span | None:
    """The source of "quoted a spokesman as denying": the object of "quoted" or "cited"."""
    if not sentence.startswith(" as ", at - 4):
        return None
    m = _QUOTED_AS.search(sentence, max(0, at - 120), at)
    return Span(m.start(1), m.end(1)) if m else None


# "Ana Ruiz, a spokeswoman for the port, rejected …": the name before the description.
_NAME_BEFORE_APPOSITION = re.compile(
    r"(?:^|(?<=[.;:!?]\s)|(?<=\n)|\b(?:But|And|Yet|However|Meanwhile|Still|Later|Earlier)\s+)"
    r"((?!(?:But|And|Yet|However|Meanwhile|Still|Later|Earlier|In|On|At|For|From|With|After|"
    r"The|A|An)\b)(?:[^\W\d_][\w.’'\-]*\s+){1,3}[^\W\d_][\w’'\-]*[a-z]),\s+$"
)
_NAME_REACH = 60


def _subject(sentence: str, at: int) -> Span | None:
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


def _not_a_participle(sentence: str, span: Span | None) -> Span | None:
    """``span`` unless it is an opening participial phrase ("Speaking on Monday, the mayor
    said …"), which names no one: then the reporting verb's speaker is the caller's."""
    if span is None:
        return None
    first = sentence[span.start : span.end].split(maxsplit=1)[0]
    return None if first[:1].isupper() and first.endswith("ing") else span


# "reports it has been talking to the rebels": an account noun and its clause, no "that".
_BARE_ACCOUNT_CLAUSE = re.compile(
    r"(?:(?:the|these|those|media|news|press|recent)\s+){0,2}(?:reports|claims|allegations|"
    r"suggestions|rumou?rs)\s+(?:it|he|she|they|we)\s+(?:\w+ly\s+)?(?:is|was|were|are|had|"
    r"has|have|would|will|did)\b"
)


def _object_end(sentence: str, start: int) -> int:
    """End of a denied object: a that-clause runs to the end of its clause ("suggestions
    that Moscow had agreed to resume shipments"); a noun phrase stops at its verb or at
    "as" ("dismissed the report as disinformation")."""
    if _THAT_CLAUSE.match(sentence, start) or _BARE_ACCOUNT_CLAUSE.match(sentence, start):
        m = _CLAUSE_STOP.search(sentence, start)
        return m.start() if m else len(sentence.rstrip())
    m = _OBJECT_END.search(sentence, start)
    end = m.start() if m else len(sentence)
    as_stop = _AS_STOP.search(sentence, start, end)
    end = as_stop.start() if as_stop else end
    # "rejected the story on Wednesday": the time is when, not part of what is rejected.
    time = _TRAILING_TIME.search(sentence, start, end)
    return time.start() if time else end


# Where a reported clause starts: after its reporting verb (and "that"), or the sentence start.
_CLAUSE_OPENER = re.compile(
    r"\b(?:said|says|say|told\s+[\w\s]{1,30}?|insisted|insists|added|adds|stated|states|"
    r"argued|argues|maintained|maintains|declared|declares|believes|believed)\s+"
    r"(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)"
    r"\s+)?(?:that\s+)?"
)
# A subject headed by an account noun, with what it is about ("allegations its athletes
# were …", "the accusation of disorderly behavior, as well as the evidence").
_ACCOUNT_NP = re.compile(
    # Not "its statement …": a speaker's own account called wrong is a correction.
    r"(?!(?:his|her|their|its|our|my)\b)(?:(?:the|these|those|such|all|any)\s+)?"
    r"(?:[\w’'\-]+\s+){0,3}?"
    r"(?:" + _alt(REJECTABLE_NOUNS | CLAIM_NOUNS) + r")\b",
    re.IGNORECASE,
)
_ACCOUNT_SUBJECT_REACH = 160


def _account_subject(sentence: str, pred: int) -> tuple[int, int] | None:
    """The span of an account-headed subject whose predicate at ``pred`` calls it false,
    when the subject is too long for the short look-back ("X says allegations its athletes
    doped and covered it up are "groundless""): the reported clause must open with it."""
    lo = max(0, pred - _ACCOUNT_SUBJECT_REACH)
    openers = list(_CLAUSE_OPENER.finditer(sentence, lo, pred))
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


# Denials carried by the grammar of a reported clause rather than by a denial verb. Each
# needs the reporting verb's speaker (or a sentence-final ", say officials"), so narration
# with the same words is no denial.
# Each part is tried only when the sentence has one of its words: most sentences have none.
_CLAUSAL_PARTS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (keys, re.compile(pattern, re.IGNORECASE))
    for keys, pattern in (
        # Blame negated: "human error did not cause the crash", "No fault could have caused
        # it". The effect is a definite event ("the crash"), not a quantity ("any injuries").
        (
            ("caus",),
            r"\b(?:did|does|do|could|can|would)\s*(?:not|n[’']t|never)\s+(?:have\s+)?"
            r"caus(?:e|ed)\s+(?=(?:the|this|that|its|their)\b|(?-i:[A-Z0-9]))"
            r"|^\s*[“\"]?No\s+(?:[\w\-]+\s+){0,3}?(?:could|can|did|would)\s+(?:have\s+)?"
            r"caus(?:e|ed)\b",
        ),
        (
            ("mistake", "error"),
            r"\b(?:did|do|does|had|has|have)\s*(?:not|n[’']t|never)\s+(?:make|made)\s+"
            r"(?:a\s+|any\s+)?(?:mistakes?|errors?)\b",
        ),
        # "played no role in the attack", "had nothing to do with it": involvement denied.
        (
            ("role", "part in", "hand in", "involvement", "nothing"),
            r"\b(?:play(?:ed|s|ing)?|had|has|have)\s+no\s+(?:\w+\s+)?(?:role|part|hand|"
            r"involvement)\s+in\b|\b(?:had|has|have)\s+nothing\s+(?:at\s+all\s+)?to\s+do\s+with\b",
        ),
        # "That never happened": the event itself denied.
        (
            ("never",),
            r"\bnever\s+(?:happened(?!\s+to\b)|took\s+place|occurred)\b",
        ),
        # "evidence had not been presented to substantiate the claims".
        (
            ("evidence", "proof"),
            r"\b(?:evidence|proof)\s+(?:has|had|have|was|were)\s+(?:not|never)\s+(?:yet\s+)?"
            r"(?:been\s+)?(?:presented|provided|produced|offered|shown|given|supplied)\s+"
            r"(?=to\s+(?:substantiate|support|back|prove|corroborate|justify|confirm)\b|that\b|"
            r"for\s+(?:the|these|those|such|any)\s+(?:claims?|allegations?|accusations?|"
            r"charges?|assertions?)\b)",
        ),
        # "not as bad as what the critics stated": an account measured and found overstated.
        (
            ("not as ", "not so ", "not nearly "),
            r"\bnot\s+(?:nearly\s+)?(?:as|so)\s+(?:bad|serious|severe|grave|widespread|dire|"
            r"high|large|big|great|extensive|systematic|alarming)\s+as\s+"
            r"(?=(?:[\w’'\-]+\s+){0,8}?(?:stated|said|claimed|reported|alleged|portrayed|"
            r"described|suggested|depicted|painted|made\s+out|reports?|claims?|allegations?|"
            r"critics)\b)",
        ),
        # "we don't count it as abuse", referring to a report: the account's label refused.
        (
            ("it as ", "this as ", "that as ", "them as ", "these as ", "those as "),
            r"\b(?:do|does|did)\s*(?:not|n[’']t)\s+(?:count|consider|regard|see|view|accept|"
            r"recogni[sz]e|class|classify)\s+(?:it|this|that|them|these|those)\s+as\b",
        ),
        # "Nothing could be further from the truth": the account just given, rejected whole.
        (
            ("further from the truth", "farther from the truth"),
            r"\b[Nn]othing\s+(?:could|can|would)\s+be\s+(?:further|farther)\s+from\s+the\s+truth\b",
        ),
        # "the photos in the reports are not his": what was pinned on the speaker disowned.
        (
            ("not his", "not hers", "not theirs", "not mine", "not ours", "n’t his", "n't his"),
            r"\b(?:is|are|was|were)\s*(?:not|n[’']t)\s+(?:hers|theirs|mine|ours|"
            # "not his concern": "his" before a noun is a determiner, not the owner.
            r"his(?=\s*[,.;:!?”\"]|\s*$))\b"
            # "the choice is not hers to make": a duty, not a disowning.
            r"(?!\s+(?:to|alone|only|either)\b)",
        ),
        # "the figures do not reflect the reality on the ground": an account measured
        # against what is there and found wanting.
        (
            ("reflect",),
            r"\b(?:do|does|did)\s*(?:not|n[’']t)\s+(?:seem\s+to\s+|appear\s+to\s+)?(?:be\s+)?"
            r"reflect(?:ing)?\s+(?:the\s+)?(?:(?:actual|true|real)\s+)?(?:reality|realities|"
            r"situation|facts|truth|(?:(?:what\s+is\s+happening|what\s+we\s+see)\s+)?"
            r"on\s+the\s+ground)\b",
        ),
        # "refrain from publishing unfounded reports": accounts called false by their
        # adjective ("this false reporting" points back to an account already rejected).
        (
            (
                "untrue",
                "false",
                "baseless",
                "unfounded",
                "groundless",
                "fabricated",
                "inaccurate",
                "misleading",
                "fake",
                "distorted",
                "slanderous",
                "defamatory",
                "bogus",
                "spurious",
            ),
            r"(?<!this\s)(?<!that\s)(?<!these\s)(?<!those\s)\b(?:untrue|false|baseless|"
            r"unfounded|groundless|fabricated|inaccurate|misleading|fake|distorted|slanderous|"
            r"defamatory|bogus|spurious)\s+(?:media\s+|news\s+|press\s+)?(?:claims?|reports|"
            r"allegations?|accusations?|stories|rumou?rs?|charges|information|reporting)\b",
        ),
    )
)


def _clausal_matches(sentence: str, low: str) -> list[re.Match[str]]:
    """Matches of the clausal denial patterns whose words the sentence has, in order."""
    found: list[re.Match[str]] = []
    for keys, pattern in _CLAUSAL_PARTS:
        for key in keys:
            if key in low:
                found.extend(pattern.finditer(sentence))
                break
    if len(found) > 1:
        found.sort(key=lambda m: m.start())
    return found


def _clausal_at(sentence: str, at: int) -> re.Match[str] | None:
    """The clausal denial pattern matching at ``at``, if any."""
    for _keys, pattern in _CLAUSAL_PARTS:
        m = pattern.match(sentence, at)
        if m is not None:
            return m
    return None


# The cues above that only deny when the sentence names an account ("the report").
_NEEDS_ACCOUNT = ("count", "consider", "regard", "see", "view", "accept", "recogni", "class")
# "accused the reporter of lying about …": the accuser calls the account false.
_ACCUSED_OF_LYING = re.compile(
    r"\baccus(?:ed|es|ing)\s+((?:[\w’'.\-]+\s+){1,6}?)of\s+(?=(?:deliberately\s+)?(?:lying|"
    r"fabricating|inventing|making\s+up|misrepresenting|distorting|falsifying|peddling|"
    r"spreading\s+(?:lies|falsehoods|disinformation|misinformation|fake|false|rumou?rs))\b)"
)
# Predicates that discredit an account without a word of falsehood ("the allegations are
# politically motivated", "the claims were not based on facts"); the subject must be one.
_DISCREDITED = re.compile(
    r"\b(?:is|are|was|were|be|been)\s+(?:\w+ly\s+)?[“\"‘]?(?:politically\s+motivated|"
    r"unsubstantiated|not\s+based\s+on\s+(?:any\s+)?(?:facts?|evidence|reality|the\s+truth)|"
    # "the estimate was based on faulty counting": the account's method called wrong.
    r"based\s+on\s+(?:an?\s+)?(?:improper|faulty|flawed|erroneous|incorrect|inaccurate|wrong|"
    r"false|mistaken|unreliable|incomplete|outdated|bad|poor|misleading|double)\b|"
    r"(?:an?\s+|part\s+of\s+an?\s+)(?:\w+\s+)?(?:smear|hoax|witch[\s-]hunt|slander)\w*|"
    # "the report was riddled with errors".
    r"(?:riddled|littered|full)\s+(?:with|of)\s+(?:\w+\s+)?(?:errors|mistakes|inaccuracies|"
    r"falsehoods|lies|holes)\b)"
    # "the accusations had no basis in fact", "the claims did not stand up to scrutiny".
    r"|\b(?:has|have|had)\s+[“\"]?no\s+(?:\w+\s+)?(?:basis|foundation|grounding)\b"
    r"|\b(?:do|does|did)\s*(?:not|n[’']t)\s+(?:stand\s+up|hold\s+up|hold\s+water|add\s+up)\b"
)
_DISCREDITED_KEYS = (
    "motivated",
    "unsubstantiated",
    "based on",
    "smear",
    "hoax",
    "witch",
    "slander",
    "riddled",
    "littered",
    "full of",
    "basis",
    "foundation",
    "grounding",
    "stand up",
    "hold up",
    "hold water",
    "add up",
)
# ", say senior officials at the airline.": an attribution after the reported clause.
_INVERTED_SAY = re.compile(r",\s*(?:say|says|said)\s+(?=\S)")


def _clausal_denials(sentence: str, low: str, cues: list[DenialCue]) -> list[DenialCue]:
    """Negated counter-claims and accounts called false inside a reported clause."""
    out: list[DenialCue] = []
    # "said a fault did not cause X, denying claims that …": one denial, the one that
    # names the account it rejects.
    named_account: bool | None = None
    for m in _clausal_matches(sentence, low):
        if named_account is None:
            named_account = any(
                _ACCOUNT_WORD.search(sentence, c.denied_start, c.denied_end) for c in cues
            )
        if named_account and not _ACCOUNT_WORD.search(m.group(0)):
            continue
        if any(
            c.denied_start <= m.start() < c.denied_end or c.cue_start <= m.start() < c.cue_end
            for c in cues
        ):
            continue
        cue = " ".join(m.group(0).split())
        if _needs_account(cue) and not _REJECTABLE.search(sentence):
            continue
        start = _clause_start(sentence, m.start())
        if "reflect" in cue and not _REJECTABLE.search(sentence, start, m.start()):
            # "the figures do not reflect …" answers an account; "the deal does not reflect
            # the market" is an opinion about something else.
            continue
        stop = _CLAUSE_STOP.search(sentence, m.end())
        end = stop.start() if stop else len(sentence.rstrip())
        if "reflect" in cue or cue.endswith(_DISOWNED):
            # What does not reflect the facts, or is not theirs, is the clause's subject.
            end = len(sentence[: m.start()].rstrip())
        inverted = _INVERTED_SAY.search(sentence, m.end())
        speaker = _inverted_speaker(sentence, inverted.end()) if inverted else None
        out.append(DenialCue(cue, m.start(), m.end(), start, end, speaker, speaker is None))
    for m in _DISCREDITED.finditer(sentence) if _has_any(low, _DISCREDITED_KEYS) else ():
        if any(c.cue_start <= m.start() < c.cue_end for c in cues):
            continue
        account = _account_subject(sentence, m.start())
        if account is not None:
            cue = " ".join(m.group(0).split())
            out.append(DenialCue(cue, m.start(), m.end(), *account, None, True))
    for m in _ACCUSED_OF_LYING.finditer(sentence) if "accus" in low else ():
        stop = _CLAUSE_STOP.search(sentence, m.end())
        end = stop.start() if stop else len(sentence.rstrip())
        out.append(
            DenialCue(
                "accused",
                m.start(),
                m.end(),
                m.start(1),
                end,
                _subject(sentence, m.start()),
                False,
            )
        )
    for m in _INNOCENCE.finditer(sentence) if "guilty" in low or "innocen" in low else ():
        if any(c.cue_start <= m.start() < c.cue_end for c in cues):
            continue
        stop = _CLAUSE_STOP.search(sentence, m.end())
        end = stop.start() if stop else len(sentence.rstrip())
        speaker = _subject(sentence, m.start())
        # "X, who has pleaded not guilty, …": the relative's antecedent, like any cue.
        cue = " ".join(m.group(0).split())
        start = m.end() if end > m.end() else m.start()
        out.append(DenialCue(cue, m.start(), m.end(), start, end, speaker, speaker is None))
    return out


# "pleaded not guilty", "has maintained his innocence": the charges rejected in court.
_INNOCENCE = re.compile(
    r"\bplead(?:ed|s|ing)?\s+not\s+guilty\b|\bpled\s+not\s+guilty\b|"
    r"\b(?:maintain|maintained|maintains|maintaining|protest|protested|protests|protesting|"
    r"assert|asserted|asserts|proclaim|proclaimed|proclaims)\s+(?:his|her|their|its|my|our)\s+"
    r"innocence\b"
)


_SENTENCE_TAIL = re.compile(r"((?:[\w’'.\-]+\s+){0,7}[\w’'.\-]*\w)\s*[.!]?\s*$")


def _inverted_speaker(sentence: str, at: int) -> Span | None:
    """The speaker of ", say managers at the tram company.": what the inversion names,
    or the short rest of the sentence when nothing follows it."""
    span = speaker_after(sentence, at)
    if span is not None:
        return span
    tail = _SENTENCE_TAIL.match(sentence, at)
    return Span(tail.start(1), tail.end(1)) if tail else None


def _needs_account(cue: str) -> bool:
    words = cue.lower().split()
    return len(words) >= 3 and words[-1] == "as" and words[-3].startswith(_NEEDS_ACCOUNT)


def _clause_start(sentence: str, at: int) -> int:
    """Start of the reported clause holding position ``at``."""
    openers = list(_CLAUSE_OPENER.finditer(sentence, max(0, at - _ACCOUNT_SUBJECT_REACH), at))
    if openers:
        return openers[-1].end()
    comma = max(sentence.rfind(",", 0, at), sentence.rfind("“", 0, at), sentence.rfind('"', 0, at))
    return comma + 1 if comma >= 0 else 0


def _has_any(low: str, stems: tuple[str, ...]) -> bool:
    """Whether ``low`` contains one of ``stems``: a plain loop, cheaper than ``any`` over a
    generator on the path every sentence takes."""
    for stem in stems:  # noqa: SIM110 (a loop, not any() over a generator: the hot path)
        if stem in low:
            return True
    return False


def _false_word(low: str) -> bool:
    """Whether ``low`` has a word of FALSE_WORDS: ``_FALSE_ANY.search(low)``, found faster.

    A word after a space (nearly all of them) is found by a pattern starting with a literal
    space, which ``re`` scans for quickly; a word at the start or after other punctuation
    by a pattern tried only after a non-letter that is not a space, confirmed by the
    original (its ``\\b`` also counts accented letters as letters).
    """
    return (
        _FALSE_AFTER_SPACE.search(low) is not None
        or _FALSE_ANY.match(low) is not None
        or (_FALSE_AFTER_OTHER.search(low) is not None and _FALSE_ANY.search(low) is not None)
    )


def find_denial_cues(sentence: str) -> list[DenialCue]:
    """Denial cues of one sentence, in order."""
    low = lower_aligned(sentence)
    # Cheap substring checks gate each family of rules: most sentences need none of them.
    # Each gate is worked out only when a rule needs it, cheapest first (the costly ones,
    # the reject stems and the false words, are rarely needed once another gate holds).
    deny = "den" in low
    passive = " by " in low
    negated = (
        "no " in low or "not " in low or "never" in low or "no\u00a0" in low or "nobody" in low
    )
    # Words the clausal denials need that no other family's gate covers.
    contracted = (
        "n’t" in low
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
    )
    accused = "accus" in low
    overstated = _has_any(low, _OVERSTATED_KEYS) or _has_any(low, _DOCTORED_KEYS)
    # "was \"wide of the mark\"": a false predicate with no negation and no word of FALSE_WORDS.
    off_mark = " the mark" in low
    explicit: bool | None = True if deny else None
    false: bool | None = True if "without " in low else None
    if not (deny or passive or negated or contracted or accused or overstated or off_mark):
        explicit = _has_any(low, _REJECT_STEMS)
        if not explicit:
            if false is None:
                false = _false_word(low)
            if not false and not _has_any(low, _ERRONEOUS_STEMS):
                return []
    # Within a family, a word each pattern needs skips the patterns that cannot match.
    rejects = _has_any(low, _REJECT_KEYS)
    if rejects:
        if explicit is None:
            explicit = _has_any(low, _REJECT_STEMS)
        rejects = explicit
    possessed_denial = ("’s" in low or "'s" in low) and _has_any(low, _DENIAL_NOUN_KEYS)
    if possessed_denial:
        if explicit is None:
            explicit = _has_any(low, _REJECT_STEMS)
        possessed_denial = explicit
    passive_keys = passive and _has_any(low, _PASSIVE_KEYS)
    contradicted = passive and _has_any(low, _CONTRADICTED_KEYS)
    called = _has_any(low, _CALLED_KEYS)
    if called:
        if false is None:
            false = _false_word(low)
        called = false
    cues: list[DenialCue] = []
    for m in _DENY.finditer(sentence) if deny else ():
        if m.group(0).endswith("ed") and _BE_BEFORE.search(sentence, 0, m.start()):
            continue
        if _NOT_DENYING.search(sentence, max(0, m.start() - 40), m.start()):
            # "did not deny", "neither confirmed nor denied": nothing is rejected.
            continue
        if (
            _NOT_ACCOUNTS.match(sentence, m.end())
            and not _REJECTABLE.match(sentence, m.end() + 1)
            and not (
                _ACCOUNT_PRONOUN.match(sentence, m.end())
                and _REJECTABLE.search(sentence, 0, m.start())
            )
        ):
            # "denied them access", but not "denied allegations from rights groups" nor
            # "asked about the reports, he denied them".
            continue
        if sentence[max(0, m.start() - 3) : m.start()] == "to " and _RESPONSIBILITY.match(
            sentence, m.end()
        ):
            continue
        gap = _VERB_GAP.match(sentence, m.end())
        start = (
            gap.start() + (1 if gap is not None and sentence[m.end()] in '”"’' else 0)
            if gap
            else m.end()
        )
        that = _TIMED_THAT.match(sentence[start:])
        d_start = start + (
            that.end() if that else len(sentence[start:]) - len(sentence[start:].lstrip())
        )
        d_end = _object_end(
            sentence, d_start if that is None else start + that.group(0).rindex("that")
        )
        if that is None and _BARE_COMPLEMENT.match(sentence, d_start):
            # "denied it is planning a sale": a clause without "that", not the pronoun alone.
            stop = _CLAUSE_STOP.search(sentence, d_start)
            d_end = stop.start() if stop else len(sentence.rstrip())
        speaker = _subject(sentence, m.start())
        quoted = _quoted_as(sentence, m.start()) if m.group(0) == "denying" else None
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
            speaker = participle_subject(sentence, m.start()) or _not_a_participle(
                sentence, speaker
            )
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
                and (participle or _QUOTED_VERB.search(sentence, 0, m.start()) is not None),
            )
        )
    for m in _reject_matches(sentence, low) if rejects else ():
        if m.group(0).endswith("ed") and _BE_BEFORE.search(sentence, 0, m.start()):
            continue
        # "\"strongly rejects\" the accusations": a closing quote may come before the object.
        gap = _VERB_GAP.match(sentence, m.end())
        d_start = gap.end() if gap is not None else m.end() + 1
        label = _AS_LABEL.match(sentence, d_start)
        if label is not None:
            # "dismissed as \"groundless\" reports that …": the label comes before the object.
            d_start = label.end()
        d_end = _object_end(sentence, d_start)
        obj = sentence[d_start:d_end]
        head = re.match(r"(?:\S+\s+){0,6}", obj)
        window = obj if head is None else obj[: head.end() + 12]
        noun = _REJECTABLE.search(window)
        if noun is not None and _BECAUSE_OF.search(window, 0, noun.start()):
            # "dismissed its coach over remarks he made": the account is why, not what.
            noun = None
        if (
            noun is None
            and not m.group(0).startswith("rul")
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
            stop = _CLAUSE_STOP.search(sentence, d_start)
            d_end = stop.start() if stop else len(sentence.rstrip())
        if m.group(0).startswith(("brand", "label")):
            # "branded the accusations a smear campaign": the label is not what is rejected.
            noun = _REJECTABLE.search(obj)
            if noun is not None:
                d_end = d_start + noun.end()
        speaker = _subject(sentence, m.start())
        if m.group(0).endswith("ing"):
            speaker = participle_subject(sentence, m.start()) or _not_a_participle(
                sentence, speaker
            )
        if m.group(0).endswith("ing"):
            possessed = _POSSESSED_DENIAL.search(sentence)
            if possessed and possessed.start() <= m.start() < possessed.end():
                speaker = Span(possessed.start(1), possessed.end(1))
            elif re.search(r"\b(?:with|by|of|for|in)\s+$", sentence[: m.start()]):
                speaker = None
        if m.group(0).endswith("ing"):
            speaker = _quoted_as(sentence, m.start()) or speaker
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
                speaker is None and _QUOTED_VERB.search(sentence, 0, m.start()) is not None,
            )
        )
    for m in _POSSESSED_DENIAL.finditer(sentence) if possessed_denial else ():
        if any(c.cue_start <= m.end() and c.cue_end >= m.start() for c in cues):
            continue
        d_start = m.end()
        d_end = _object_end(sentence, d_start)
        owned_noun = m.group(0).split()[-2]
        if owned_noun.startswith(("reject", "dismiss")) and not _REJECTABLE.search(
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
                Span(m.start(1), m.end(1)),
                False,
            )
        )
    for m in _PASSIVE_DENIAL.finditer(sentence) if passive_keys else ():
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
    for m in _CONTRADICTED.finditer(sentence) if contradicted else ():
        speaker = speaker_after(sentence, m.end())
        np = re.search(
            r"((?:a|the|this|that)\s+(?:\w+\s+){0,2}?(?:claim|assertion|account|"
            r"report|statement|story|version))\s+(?:\w+\s+)?$",
            sentence[: m.start()],
        )
        d_start, d_end = (np.start(1), np.end(1)) if np else (0, m.start())
        cues.append(DenialCue("contradicted", m.start(), m.end(), d_start, d_end, speaker, False))
    for m in _CALLED_FALSE.finditer(sentence) if called else ():
        if any(c.cue_start <= m.start() < c.cue_end for c in cues):
            continue
        d_start, d_end = m.start(), m.end()
        called_obj = _CALLED_OBJECT.match(m.group(0))
        if called_obj is not None and _REJECTABLE.search(called_obj.group(1)):
            # "called a newspaper report that … "misleading"": the report is what is denied.
            d_start, d_end = m.start() + called_obj.start(1), m.start() + called_obj.end(1)
            as_at = sentence.find(" as ", d_start, d_end)
            d_end = as_at if as_at > 0 else d_end
        cues.append(
            DenialCue(
                m.group(0),
                m.start(),
                m.end(),
                d_start,
                d_end,
                _subject(sentence, m.start()),
                False,
            )
        )
    # "is not true" is the only false predicate without a word from FALSE_WORDS.
    not_true = (negated and ("true" in low or "correct" in low or "accurate" in low)) or (
        " the case" in low or " the mark" in low
    )
    if not not_true and false is None:
        false = _false_word(low)
    for m in _FALSE_PRED.finditer(sentence) if false or not_true else ():
        if any(c.cue_start <= m.start() < c.cue_end for c in cues):
            continue
        subject = _ACCOUNT_SUBJECT.search(sentence, 0, m.start()) or re.search(
            r"\b(?:(?:the|this|that|these|those|such|a|an)\s+(?:[\w’'\-]+\s+){0,3}?[\w’'\-]+"
            r"|this|that|it|which|they)\s*,?\s*$",
            sentence[: m.start()],
            re.IGNORECASE,
        )
        subj = subject.group(0).strip(" ,") if subject is not None else ""
        if subject is None or not (
            _REJECTABLE.search(subj)
            or subj.lower() in {"this", "that", "it", "which", "these", "those"}
            or subj.lower().split()[-1] in {"this", "that", "it", "which"}
            # "I have seen those reports, and they are not correct."; "Asked about the
            # reports, the minister said they were false."
            or (
                subj.lower().split()[-1] == "they"
                and _REJECTABLE.search(sentence, 0, subject.end() - 4) is not None
            )
        ):
            account = _account_subject(sentence, m.start())
            if account is not None:
                cues.append(DenialCue(m.group(0), m.start(), m.end(), *account, None, True))
            continue
        s_start = subject.start()
        that = re.match(r"[”\"]?,?\s+(?:to\s+say\s+)?that\s+", sentence[m.end() :])
        if subj.lower().split()[-1] == "it" and that is not None:
            # "It is simply not true that our banks are hiding losses": the that-clause.
            c_start = m.end() + that.end()
            stop = _CLAUSE_STOP.search(sentence, c_start)
            end = stop.start() if stop else len(sentence.rstrip())
            cues.append(DenialCue(m.group(0), m.start(), m.end(), c_start, end, None, True))
            continue
        # The subject starts at its last determiner ("the firm said the allegations" → "the
        # allegations"), or is the pronoun itself ("the minister said they").
        inner = list(_DETERMINER.finditer(subject.group(0)))
        last = subj.split()[-1]
        if last.lower() in {"they", "it", "this", "that", "which"} and len(subj.split()) > 1:
            s_start = subject.start() + subject.group(0).rindex(last)
        elif subject.re is not _ACCOUNT_SUBJECT and (
            len(inner) > 1 or (inner and inner[0].start() > 0)
        ):
            s_start += inner[-1].start()
        cues.append(DenialCue(m.group(0), m.start(), m.end(), s_start, subject.end(), None, True))
    counter = negated and any(key in low for key in _NEGATION_KEYS)
    for m in _NEGATION.finditer(sentence) if counter else ():
        if _REASSURANCE.match(sentence, m.end()):
            continue
        d_start = m.end()
        d_end = _object_end(sentence, d_start)
        evidence = _NO_EVIDENCE.match(sentence, d_start)
        if evidence is not None:
            stop = _CLAUSE_STOP.search(sentence, evidence.end())
            d_start, d_end = evidence.end(), stop.start() if stop else len(sentence.rstrip())
        rather = re.search(r"\s(?:but|rather)\b", sentence[d_start:d_end])
        if rather:
            d_end = d_start + rather.start()
        cue_text = m.group(0).strip()
        neg = re.search(r"\b(?:not|no|never)\b", cue_text)
        if neg and cue_text.startswith(("is", "are", "was", "were", "am")):
            d_start = m.start() + neg.end() + 1
        if _NOBODY.match(cue_text) or cue_text in {"No", "no"}:
            # "no one had been hurt", "Nobody asked us": the whole clause is the counter-claim.
            stop = _CLAUSE_STOP.search(sentence, m.end())
            d_start, d_end = m.start(), stop.start() if stop else len(sentence.rstrip())
        cues.append(DenialCue(cue_text, m.start(), m.end(), d_start, d_end, None, True))
    for m in _DOCTORED.finditer(sentence) if overstated else ():
        if any(c.cue_start <= m.start(1) < c.cue_end for c in cues):
            continue
        said_of = " ".join(sentence[m.end(1) : m.end()].split())
        # "the company said the video": the thing called faked starts at its own determiner.
        inner = list(_DETERMINER.finditer(m.group(1)))
        start = m.start(1) + (inner[-1].start() if inner else 0)
        cues.append(DenialCue(said_of, m.end(1), m.end(), start, m.end(1), None, True))
    nominal = "denial" in low or "rebuttal" in low or "refutation" in low
    for m in _NOMINAL_DENIAL.finditer(sentence) if nominal else ():
        if any(c.cue_start <= m.start() < c.cue_end for c in cues):
            continue
        d_start = m.end()
        owned = m.group(0).endswith("of ")
        d_end = _object_end(sentence, d_start) if owned else d_start
        denial_noun = m.group(0).split()[-2 if owned else -1]
        cues.append(
            DenialCue(
                denial_noun,
                m.start(),
                m.end(),
                d_start,
                d_end,
                _subject(sentence, m.start()),
                False,
            )
        )
    for m in _OVERSTATED.finditer(sentence) if overstated else ():
        if any(c.cue_start <= m.start(1) < c.cue_end for c in cues):
            continue
        said_of = " ".join(sentence[m.end(1) : m.end()].split())
        cues.append(DenialCue(said_of, m.end(1), m.end(), m.start(1), m.end(1), None, True))
    pushed_back = "back," in low
    if pushed_back:
        if explicit is None:
            explicit = _has_any(low, _REJECT_STEMS)
        pushed_back = explicit
    for m in _PUSHED_BACK.finditer(sentence) if pushed_back else ():
        if any(c.cue_start <= m.start() < c.cue_end for c in cues):
            continue
        stop = _CLAUSE_STOP.search(sentence, m.end())
        d_end = stop.start() if stop else len(sentence.rstrip())
        cues.append(
            DenialCue(
                m.group(0).split(",")[0],
                m.start(),
                m.end(),
                m.end(),
                d_end,
                _subject(sentence, m.start()),
                False,
            )
        )
    insists = negated and ("insist" in low or "maintain" in low)
    for m in _INSISTED_NOT.finditer(sentence) if insists else ():
        stop = _CLAUSE_STOP.search(sentence, m.end())
        d_end = stop.start() if stop else len(sentence.rstrip())
        if _CLAUSE_NEGATION.search(sentence, m.end(), d_end) is None:
            continue
        if any(
            m.end() <= c.cue_start < d_end or c.cue_start <= m.start() < c.cue_end for c in cues
        ):
            continue
        cues.append(
            DenialCue(
                m.group(0).split()[0],
                m.start(),
                m.end(),
                m.end(),
                d_end,
                _subject(sentence, m.start()),
                False,
            )
        )
    for m in _ERRONEOUS.finditer(sentence) if _has_any(low, _ERRONEOUS_STEMS) else ():
        # "as the article erroneously states, X": what is denied is X, after the verb.
        verb = re.match(r"\s+\w+,?\s*", sentence[m.end() :])
        d_start = m.end() + (verb.end() if verb else 0)
        cues.append(
            DenialCue(
                m.group(0), m.start(), m.end(), d_start, _object_end(sentence, d_start), None, True
            )
        )
    if false is None and not (negated or contracted or accused):
        false = _false_word(low)
    if negated or contracted or false or accused:
        cues.extend(_clausal_denials(sentence, low, cues))
    opening = _OPENING_PARTICIPLE.match(sentence) if sentence[:1] in 'DRC“"' else None
    if opening is not None and not cues:
        cues.extend(_opening_denial(sentence, opening))
    cues.sort(key=lambda c: c.cue_start)
    if cues and ("saying" in low or "calling" in low or "adding" in low or "insisting" in low):
        cues = _with_reasons(sentence, cues)
    return cues


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
        stop = _CLAUSE_STOP.search(sentence, reason.end())
        end = stop.start() if stop else len(sentence.rstrip())
        word = reason.group(0).lstrip(", ")
        shadows.append(
            DenialCue(word, reason.start(), reason.end(), reason.start(), end, cue.speaker, False)
        )
    return sorted([*out, *shadows], key=lambda c: c.cue_start) if shadows else out


_ANAPHORIC = re.compile(
    r"^\s*(?:this|that|it|which|these|those|(?:a|the|that|this|these|those|such)\s+(?:\w+\s+)?"
    r"(?:claim|claims|assertion|assertions|charge|charges|account|statement|suggestion|figure|"
    r"figures|numbers|estimate|estimates|version|explanation|description))\s*$",
    re.IGNORECASE,
)
_REPORTISH = re.compile(
    r"\b(?:reports?|reporting|reportedly|allegedly|news|media|stories|story|rumou?rs?|"
    r"suggestions?|speculation|study|studies|survey|research|findings|analysis)\b",
    re.I,
)
_ALLEGATION = re.compile(r"\b(?:allegations?|accusations?|charges?|alleg\w*|accus\w*)\b", re.I)
# "the union's account", "Kreivys's claim": an account owned by a named source.
_OWNED_ACCOUNT = re.compile(
    r"(?:the\s+)?((?:[\w.\-]+\s+){0,3}?[\w.\-]+)(?:[’']s|(?<=s)[’'])\s+(?:\w+\s+)?(?:"
    + _alt(REJECTABLE_NOUNS | CLAIM_NOUNS)
    + r")\b",
    re.IGNORECASE,
)
# Counter-claims that answer an accusation: "found no irregularities", "no evidence".
_FINDING = re.compile(
    r"\b(?:found|seen|detected|identified|shown|recorded)\s+no\b|\bno\s+such\b|^[Nn]o$"
    # "we are not aware of any shipment": nothing of what was reported reached them.
    r"|^not\s+aware\s+of$"
)
_STATED = re.compile(r"^(?:\S+\s+){0,3}?(?:" + _alt(REJECTABLE_NOUNS | CLAIM_NOUNS) + r")\s+that\s")
_TARGET_THRESHOLD = 0.3
# Below the threshold, a denial still most likely rejects the single closest claim.
_FALLBACK_THRESHOLD = 0.1


class _Links:
    """What linking works out once per report and reuses for each of its denials.

    A report's denials are compared with the same claims again and again: the candidate
    claims of a speaker, the terms of each claim and the term weights are each worked out
    once, and the weights only when a denial is matched by shared content at all. It lives
    for one ``link_targets`` call, so nothing is kept between reports.
    """

    __slots__ = (
        "_cands",
        "_claim_terms",
        "_denial_talk",
        "_df",
        "_n",
        "_press",
        "_reportish",
        "_weight",
        "claims",
        "denials",
    )

    def __init__(self, claims: Sequence[Claim], denials: Sequence[Denial]) -> None:
        self.claims = claims
        self.denials = denials
        self._cands: dict[str, list[int]] = {}
        self._denial_talk: frozenset[int] | None = None
        self._claim_terms: dict[int, frozenset[str]] = {}
        self._df: dict[str, int] | None = None
        self._n = 0
        self._weight: dict[str, float] = {}
        self._reportish: dict[int, bool] = {}
        self._press: dict[int, bool] = {}

    def candidates(self, speaker: str) -> list[int]:
        """Claims a denial by ``speaker`` may reject: those of other speakers, less a claim
        about the denial itself and a country's own line when its official denies."""
        cands = self._cands.get(speaker)
        if cands is None:
            talk = self._denial_talk
            if talk is None:
                talk = self._denial_talk = frozenset(
                    i for i, c in enumerate(self.claims) if _DENIAL_TALK.search(c.content)
                )
            official = _OFFICIAL_ROLE.search(speaker) is not None
            cands = self._cands[speaker] = [
                i
                for i, c in enumerate(self.claims)
                if i not in talk
                and not same_speaker(speaker, c.speaker)
                and not (official and _one_official_side(speaker, c.speaker))
            ]
        return cands

    def claim_terms(self, i: int) -> frozenset[str]:
        """Content terms of claim ``i``'s sentence, less those of its speaker."""
        terms = self._claim_terms.get(i)
        if terms is None:
            claim = self.claims[i]
            terms = self._claim_terms[i] = content_terms(claim.sentence) - content_terms(
                claim.speaker
            )
        return terms

    def reportish(self, i: int) -> bool:
        """Whether claim ``i`` is what unnamed or hedged reporting said."""
        found = self._reportish.get(i)
        if found is None:
            found = self._reportish[i] = _reportish(self.claims[i])
        return found

    def press(self, i: int) -> bool:
        """Whether the press made claim ``i``."""
        found = self._press.get(i)
        if found is None:
            found = self._press[i] = _press(self.claims[i])
        return found

    def weight(self, term: str) -> float:
        """Inverse document frequency of ``term`` over the report's attributed sentences
        (1.0 for a term none of them has)."""
        w = self._weight.get(term)
        if w is None:
            df = self._df
            if df is None:
                sentences = {c.sentence for c in self.claims} | {d.sentence for d in self.denials}
                df = self._df = {}
                for sentence in sentences:
                    for t in content_terms(sentence):
                        df[t] = df.get(t, 0) + 1
                self._n = len(sentences)
            f = df.get(term)
            w = self._weight[term] = 1.0 if f is None else math.log((self._n + 1) / f)
        return w


# A claim about the denial itself ("said the denials were unsurprising") comments on it; it
# is never what the denial rejects.
_DENIAL_TALK = re.compile(r"\b(?:denials?|rejections?|rebuttals?|refutations?)\s+(?:by|from|of)\b")


_OFFICIAL_ROLE = re.compile(
    r"\b(?:minister|ministry|government|spokes(?:man|woman|person)|official|officials|"
    r"president|premier|embassy|authorities|cabinet|kremlin|presidency)\b",
    re.IGNORECASE,
)
_BARE_NAME = re.compile(r"^(?:the\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2}$")


def _state_and_its_official(denier: str, speaker: str) -> bool:
    """A country speaking ("Cambodia continues to maintain …") and its own government's
    official denying ("Cambodian Health Minister X"): one side, so never a target."""
    if not _BARE_NAME.match(speaker) or not _OFFICIAL_ROLE.search(denier):
        return False
    country = {w.lower()[:5] for w in speaker.split() if w[:1].isupper() and w.lower() != "the"}
    mine = {w.lower()[:5] for w in re.findall(r"\b[A-Z][a-z]{3,}", denier)}
    return bool(country & mine) and len(speaker.split()) <= 2


# A reported clause that negates its own verb ("officers did not fire on the crowd").
_NEGATED_CLAUSE = re.compile(
    r"\b(?:did|does|do|was|were|is|are|had|has|have|could|would|will)\s*(?:not|n[’']t)\s+"
    r"(?:been\s+|have\s+|be\s+)?(?P<verb>[a-z]+)|\bnever\s+(?P<never>[a-z]+)"
    # "no detainees were beaten": the act denied of everyone it could have touched.
    r"|\b[Nn]o\s+(?:[a-z]+\s+)?[a-z]+\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+"
    r"(?P<none>[a-z]+)"
)
_CLAUSE_WORD = re.compile(r"[a-z]{3,}")
# Function words, auxiliaries and the negation itself: what remains is the proposition.
_NOT_PROPOSITION = frozenset(
    """
    the and for that with this from have has had was were are been being will would could
    should may might can not but its their there they them than into over about after
    before while also which who what when where how all any some such only more most very
    just our your his her him she you did does never nor own too said says told
    """.split()
)


def _proposition_roots(text: str) -> frozenset[str]:
    """Roots of the words of a clause ("fired", "fire", "firing" → "fir"), so a negated
    clause and the claim it answers compare whatever the tense."""
    roots = set()
    for word in _CLAUSE_WORD.findall(text.lower()):
        if word in _NOT_PROPOSITION:
            continue
        # "used"/"use", "beaten"/"beating": short verbs keep three letters of stem.
        for suffix in ("ing", "ed", "en", "d", "es", "s", "e"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        roots.add(word[:5])
    return frozenset(roots)


# Below this share of a negated clause's words, it says something else than the claim.
_CONTRADICTION_SHARE = 0.5
_CONTRADICTION_MIN = 2


def promote_contradictions(
    claims: Sequence[Claim], denials: Sequence[Denial]
) -> tuple[list[Claim], list[Denial]]:
    """Claims whose reported clause negates what another speaker asserted earlier in the
    report ("Witnesses said police fired on the crowd." … "Police said officers did not
    fire on the crowd.") are that speaker's denials, not claims.

    The negated clause must carry the same verb as the earlier claim and at least half of
    its own words: a negation that merely mentions the same matter stays a claim.
    """
    promoted: dict[int, str] = {}
    negations = [_NEGATED_CLAUSE.search(c.content) if c.content else None for c in claims]
    if not any(negations):
        return list(claims), list(denials)
    roots: dict[int, frozenset[str]] = {}

    def roots_of(k: int) -> frozenset[str]:
        found = roots.get(k)
        if found is None:
            found = roots[k] = _proposition_roots(claims[k].content) - _proposition_roots(
                claims[k].speaker
            )
        return found

    for i, claim in enumerate(claims):
        m = negations[i]
        if m is None:
            continue
        verb = _proposition_roots(m.group("verb") or m.group("never") or m.group("none") or "")
        mine = roots_of(i)
        if len(mine) < _CONTRADICTION_MIN or not verb:
            continue
        for j in range(i):
            other = claims[j]
            if j in promoted or negations[j] is not None:
                continue
            if other.sentence_index >= claim.sentence_index:
                continue
            theirs = roots_of(j)
            if not verb & theirs:
                continue
            shared = mine & theirs
            if (
                len(shared) >= _CONTRADICTION_MIN
                and len(shared) >= _CONTRADICTION_SHARE * len(mine)
                and not same_speaker(other.speaker, claim.speaker)
            ):
                promoted[i] = " ".join(m.group(0).split())
                break
        if i not in promoted and (
            _accusation_against(claim.speaker, claim.content, claim.sentence_index, claims)
            is not None
        ):
            # "Rights groups accused the army of torturing detainees." … "The army said it
            # had never mistreated prisoners.": the accused answering in its own words.
            promoted[i] = " ".join(m.group(0).split())
    if not promoted:
        return list(claims), list(denials)
    kept = [c for i, c in enumerate(claims) if i not in promoted]
    added = [
        Denial(c.sentence, c.speaker, c.speaker_kind, c.content, (), c.sentence_index, promoted[i])
        for i, c in enumerate(claims)
        if i in promoted
    ]
    return kept, sorted([*denials, *added], key=lambda d: d.sentence_index)


# A reported clause whose subject is the speaker itself, negated: "it had never …".
_SELF_NEGATED = re.compile(
    r"^\s*(?:it|they|he|she|we|I)\s+(?:\w+ly\s+)?(?:(?:had|has|have|did|does|do|was|were|is|"
    r"are|would|could|will)\s*(?:not|n[’']t|never)|never)\b"
    # Not "it did not know", "he would not comment": no answer to the charge.
    r"(?!\s+(?:yet\s+)?(?:know|knew|known|expect|comment|say|said|plan|intend|want|wish|see|"
    r"think|believe|recall|remember|decide|decided|be\s+able)\b)"
)
# Reporting verbs of accusation: what follows is a charge against someone.
_ACCUSING = re.compile(r"^(?:accus|alleg|blam|charg)", re.IGNORECASE)
_ACCUSATION_REACH = 3


def _negated_clause(denial: Denial) -> str:
    """The negated clause a denial's cue sits in, with its subject ("it had never …")."""
    at = denial.sentence.find(denial.cue) if denial.cue else -1
    if at <= 0:
        return denial.denied
    before = denial.sentence[:at].split()
    return f"{before[-1] if before else ''} {denial.sentence[at:]}"


def _accusation_against(
    speaker: str, content: str, sentence_index: int, claims: Sequence[Claim]
) -> int | None:
    """The earlier claim accusing ``speaker``, when ``content`` (what the speaker said)
    negates something of the speaker itself ("The bank said it did not assist any client …"
    after "A former employee alleged that the bank helped clients …"); None otherwise."""
    if not content or not speaker or _SELF_NEGATED.match(content) is None:
        return None
    head = speaker.split()[-1].lower().removesuffix("’s").removesuffix("'s")
    if len(head) < 3:
        return None
    for j in range(len(claims) - 1, -1, -1):
        other = claims[j]
        if other.sentence_index >= sentence_index:
            continue
        if sentence_index - other.sentence_index > _ACCUSATION_REACH:
            break
        if same_speaker(other.speaker, speaker):
            continue
        if _ACCUSING.match(other.cue) and head in other.content.lower().split():
            return j
    return None


def _one_official_side(denier: str, speaker: str) -> bool:
    """An official denier and a speaker of the same state or body: the country itself, or
    another official of it ("Health Minister X" / "Health Ministry spokesperson Y")."""
    if _state_and_its_official(denier, speaker):
        return True
    return _OFFICIAL_ROLE.search(speaker) is not None and _same_side(denier, speaker)


def link_targets(claims: Sequence[Claim], denials: Sequence[Denial]) -> list[Denial]:
    """Fill each denial's ``targets``: the claims of this report it rejects.

    A claim named inside the denied phrase ("debunking of Trump's claim") is the target; an
    anaphoric object ("that claim", "this", "which") is the claim in the same sentence or the
    closest earlier one; "the reports" and "the allegations" reject what unnamed reporting or
    accusers said; otherwise claims are matched by shared content, weighted so that words
    the whole report repeats count little.
    """
    if not denials:
        return []
    links = _Links(claims, denials)
    out: list[Denial] = []
    for denial in denials:
        cands = links.candidates(denial.speaker)
        targets = _pick(denial, links, cands)
        if not targets:
            accuser = _accusation_against(
                denial.speaker, _negated_clause(denial), denial.sentence_index, claims
            )
            if accuser is not None and accuser in cands:
                targets = {accuser}
        if not targets and out:
            # A counter-claim right after a denial from the same side ("Egyptian officials
            # denied …. "There is no proposal," the Egyptian minister said.") rejects the same.
            prev = out[-1]
            if (
                prev.targets
                and 0 < denial.sentence_index - prev.sentence_index <= 1
                and _same_side(prev.speaker, denial.speaker)
            ):
                targets = {t for t in prev.targets if t in cands}
        if not targets and _ACCOUNT_WORD.search(denial.denied):
            # "… urged the media not to publish unfounded reports", further on from the
            # same side's refutation: the reports that refutation named.
            # "… to substantiate the claims", just after another side's denial of them:
            # the claims that denial named, whoever speaks.
            near = _BACK_TO_ACCOUNT.search(denial.denied) is not None
            earlier = [
                d
                for d in out
                if d.targets
                and d.sentence_index < denial.sentence_index
                and (
                    _same_side(d.speaker, denial.speaker)
                    or (near and denial.sentence_index - d.sentence_index <= _BACK_REACH)
                )
                and _ACCOUNT_WORD.search(d.denied)
            ]
            if earlier:
                targets = {t for t in earlier[-1].targets if t in cands}
        out.append(_with_targets(denial, tuple(sorted(targets))))
    return _one_disputed_account(_lead_account(out, links), claims)


# "reports that talks were held", "allegations of bribery": an account and what it says.
_SPELLED_OUT = re.compile(
    r"^(?:\S+\s+){0,3}?(?:" + _alt(REJECTABLE_NOUNS | CLAIM_NOUNS) + r")\s+(?:that|of)\s"
)
_SUCH = re.compile(r"^such\b|\bsuch$", re.IGNORECASE)
_SUCH_REACH = 3


def _lead_account(denials: list[Denial], links: _Links) -> list[Denial]:
    """A report that opens on a denial of an account ("X denied reports that …", before
    the accounts themselves are given) keeps denying that account: a later denial of the
    same matter that found only part of it rejects all of it, and "no such talks" points
    back to the account the denial before it rejected."""
    lead = next((d for d in denials if d.targets), None)
    if (
        lead is None
        or len(lead.targets) < 2
        or not _SPELLED_OUT.search(lead.denied)
        or any(links.claims[t].sentence_index < lead.sentence_index for t in lead.targets)
    ):
        return denials
    shared = set(lead.targets)
    matter = content_terms(lead.denied)
    for t in shared:
        matter |= links.claim_terms(t)
    out: list[Denial] = []
    for d in denials:
        if d is not lead and d.sentence_index > lead.sentence_index:
            cands = set(links.candidates(d.speaker))
            mine = content_terms(d.denied) | (content_terms(d.sentence) - content_terms(d.speaker))
            prev = out[-1] if out else None
            if (
                (_SUCH.search(d.denied) or _SUCH.search(d.cue))
                and prev is not None
                and prev.targets
                and (d.sentence_index - prev.sentence_index <= _SUCH_REACH)
            ):
                # "there have been no such talks": the account the last denial rejected.
                d = _with_targets(d, tuple(t for t in prev.targets if t in cands) or d.targets)
            elif (
                d.targets
                and set(d.targets) < shared
                and mine & matter
                # "…, which is false": the claim of its own sentence, nothing more.
                and not any(links.claims[t].sentence_index == d.sentence_index for t in d.targets)
            ):
                d = _with_targets(d, tuple(sorted(shared & cands)))
        out.append(d)
    return out


# "the claims", "these allegations": an account already named, pointed back to.
_BACK_TO_ACCOUNT = re.compile(
    r"\b(?:the|these|those|such)\s+(?:claims|allegations|accusations|charges|reports)\b"
)
_BACK_REACH = 2


def _with_targets(d: Denial, targets: tuple[int, ...]) -> Denial:
    """``replace(d, targets=targets)``, without ``replace``'s look at the fields each time."""
    return Denial(d.sentence, d.speaker, d.speaker_kind, d.denied, targets, d.sentence_index, d.cue)


def _one_disputed_account(denials: list[Denial], claims: Sequence[Claim]) -> list[Denial]:
    """When every other denial of the report rejects the same claims, a denial that shares
    no words with any claim ("there was no question of any rider having broken the rules")
    rejects them too: a short report disputes one account. A counter to another denier's
    account ("rejected the minister's account") is left alone."""
    sets = {d.targets for d in denials if d.targets}
    if len(sets) != 1 or len(denials) < 3:
        return denials
    (shared,) = sets
    out: list[Denial] = []
    for d in denials:
        owner = _OWNED_ACCOUNT.match(d.denied)
        if (
            not d.targets
            and not _source_names(d.denied)
            and not (
                owner is not None
                and any(e is not d and _shares_word(owner.group(1), e.speaker) for e in denials)
            )
        ):
            mine = tuple(t for t in shared if not same_speaker(d.speaker, claims[t].speaker))
            if mine:
                d = _with_targets(d, mine)
        out.append(d)
    return out


def _same_side(a: str, b: str) -> bool:
    """Speakers sharing a name or its adjective ("Egyptian officials", "Egypt's minister")."""
    if same_speaker(a, b):
        return True
    sa = {w.lower()[:5] for w in re.findall(r"\b[A-Z][a-z]+", a)}
    sb = {w.lower()[:5] for w in re.findall(r"\b[A-Z][a-z]+", b)}
    return bool(sa & sb)


_DISOWNED = ("his", "hers", "theirs", "mine", "ours")


def _stands_alone(denial: Denial) -> bool:
    """A denial by a negated clause or a rejected proposition, naming no account."""
    if denial.cue.endswith(_DISOWNED):
        # "the photos in the reports are not his": the photos, whatever shows them.
        return True
    if _ACCOUNT_WORD.search(denial.denied):
        return False
    at = denial.sentence.find(denial.cue)
    clausal = _clausal_at(denial.sentence, at) if at >= 0 else None
    if clausal is not None and " ".join(clausal.group(0).split()) == denial.cue:
        return True
    return _PROPOSITION.match(" " + denial.denied) is not None


def _pick(denial: Denial, links: _Links, cands: list[int]) -> set[int]:
    claims = links.claims
    if _stands_alone(denial):
        # "the crew did not make a mistake", "rejected the idea that a repair caused it": a
        # counter-claim answers an account already given, one that says the same thing.
        earlier = [i for i in cands if claims[i].sentence_index < denial.sentence_index]
        found = _by_overlap(denial, links, earlier, fallback=False)
        if not found and not content_terms(denial.denied) - content_terms(denial.cue):
            # "Nothing could be further from the truth" names nothing: it answers the
            # account given just before it.
            near = [
                i
                for i in earlier
                if denial.sentence_index - claims[i].sentence_index <= _ANSWER_REACH
            ]
            if near:
                latest = max(claims[i].sentence_index for i in near)
                found = {i for i in near if claims[i].sentence_index == latest}
        return found
    targets = _pick_direct(denial, links, cands)
    if targets and (_ACCOUNT_HEAD.match(denial.denied) or _WHOLE_CHARGE.match(denial.denied)):
        # "disputed the findings", "denied the allegations": every earlier claim of the
        # source whose account it is, not only the one closest to the denial.
        sources = [claims[t].speaker for t in targets]
        targets |= {
            i
            for i in cands
            if claims[i].sentence_index < denial.sentence_index
            and any(same_speaker(claims[i].speaker, src) for src in sources)
        }
    return targets


# "denies any wrongdoing", "denied all charges": the whole accusation, not one claim of it.
_WHOLE_CHARGE = re.compile(
    r"^(?:any|all)\s+(?:\w+\s+)?(?:wrongdoing|charges|allegations|accusations|involvement|"
    r"responsibility|claims)$",
    re.IGNORECASE,
)
# "the findings", "the allegations": an account noun, plural or collective, as the object.
_ACCOUNT_HEAD = re.compile(
    r"^(?:the|these|those|such|all)\s+(?:\w+\s+)?(?:claims|reports|allegations|accusations|"
    r"findings|charges|stories|suggestions|assertions|rumou?rs)$",
    re.IGNORECASE,
)


def _pick_direct(denial: Denial, links: _Links, cands: list[int]) -> set[int]:
    claims = links.claims
    same = [i for i in cands if claims[i].sentence_index == denial.sentence_index]
    named = [i for i in same if claims[i].cue and claims[i].cue in denial.denied]
    # "X falsely claimed ...": the adverb rejects the very claim it modifies.
    named += [i for i in same if f"{denial.cue} {claims[i].cue}" in denial.sentence]
    if named:
        return set(named) | (
            _by_overlap(denial, links, cands)
            if len(named) == 1 and denial.cue.endswith("ly")
            else set()
        )
    owner = _OWNED_ACCOUNT.match(denial.denied)
    if owner is not None:
        # "the union's account", "the minister's claim that …": the account of that source.
        theirs = [i for i in cands if _shares_word(owner.group(1), claims[i].speaker)]
        stated_claim = _STATED.search(denial.denied)
        if theirs and stated_claim is not None:
            said = content_terms(denial.denied[stated_claim.end() :])
            theirs = [i for i in theirs if said & content_terms(claims[i].content)]
        if theirs:
            return set(theirs)
        if any(d is not denial and _shares_word(owner.group(1), d.speaker) for d in links.denials):
            # "rejected the minister's account": the minister denied, and claimed nothing.
            return set()
    sourced = _by_named_source(denial, claims, cands)
    if sourced is not None:
        return sourced
    if _ANAPHORIC.match(denial.denied):
        if same:
            return {same[-1]}
        earlier = [i for i in cands if claims[i].sentence_index < denial.sentence_index]
        return {max(earlier, key=lambda i: claims[i].sentence_index)} if earlier else set()
    head = " ".join(denial.denied.split()[:4])
    reportish_head = _REPORTISH.search(head) is not None
    allegation_head = _ALLEGATION.search(head) is not None
    if reportish_head or allegation_head:
        # "the report accusing ...": a claim whose source is that report.
        sources = _stems(head) & _SOURCE_STEMS
        by_source = [i for i in cands if sources & _stems(claims[i].speaker)] if sources else []
        if by_source:
            return set(by_source) | _press_in_lead(denial, links, cands, head)
    typed: list[int] = []
    if allegation_head:
        typed = [i for i in cands if _ALLEGATION.search(f"{claims[i].cue} {claims[i].content}")]
    if not typed and (reportish_head or allegation_head or _LOOSE_CLAIMS.match(head)):
        # "the accusation", "the findings": what a document says ("according to the
        # indictment"), else what unnamed or hedged reporting said.
        typed = [i for i in cands if _DOCUMENT_SPEAKER.search(claims[i].speaker)]
        typed = typed or [i for i in cands if links.reportish(i)]
    if reportish_head and not any(claims[i].sentence_index <= denial.sentence_index for i in typed):
        # "the story", "the report": what a newspaper, broadcaster or agency reported.
        press = [i for i in cands if links.press(i)]
        lead = not any(claims[i].sentence_index < denial.sentence_index for i in cands)
        if lead and not typed and _press_report(denial.denied):
            # "rejected a newspaper report that …" in the lead: the paper's story follows.
            typed = press
        elif lead and typed:
            typed = sorted({*typed, *_press_in_lead(denial, links, cands, head)})
        if any(claims[i].sentence_index <= denial.sentence_index for i in press):
            typed = press
    stated = _STATED.search(denial.denied)
    if stated is not None and typed:
        # "reports that blasting had loosened the hillside" says which account it rejects:
        # only reported claims sharing its words qualify.
        own = content_terms(denial.denied[stated.end() :])
        sharing = [i for i in typed if own & content_terms(claims[i].content or claims[i].sentence)]
        if (
            not sharing
            and _PLURAL_REPORTS.search(head)
            and not any(claims[i].sentence_index < denial.sentence_index for i in cands)
        ):
            # A lead that denies "reports that …" and a report whose only reporting says it
            # in other words ("is about to be sacked" / "a replacement has been approached"):
            # that reporting, and what the press reported, is still what it answers.
            sharing = sorted({*typed, *(i for i in cands if links.press(i))})
        typed = sharing
    # "the report" points back: claims made before the denial, when there are any.
    earlier_typed = [i for i in typed if claims[i].sentence_index <= denial.sentence_index]
    if earlier_typed:
        return set(earlier_typed)
    if typed and not any(claims[i].sentence_index < denial.sentence_index for i in cands):
        return set(typed)
    if reportish_head or allegation_head:
        # "dismissed the report": an account already given, so an earlier claim.
        before = [i for i in cands if claims[i].sentence_index < denial.sentence_index]
        if before:
            cands = before
    if _harms(content_terms(denial.denied)) and not any(
        claims[i].sentence_index < denial.sentence_index for i in cands
    ):
        # A lead disputing "claims that the strike caused civilian casualties": the
        # accounts of harm the report then gives, whatever words they use ("16 civilians
        # were killed", "the victims were in a car"), less what other deniers say.
        deniers = [d.speaker for d in links.denials]
        # "takes every report of casualties seriously" speaks of harm; it reports none.
        harmed = {
            i
            for i in cands
            if not links.claim_terms(i).isdisjoint(_HARM_DONE)
            and not any(same_speaker(claims[i].speaker, d) for d in deniers)
        }
        if harmed:
            return harmed
    pointing_back = _DEFINITE_DOCUMENT.search(denial.denied)
    if pointing_back is not None and not _REPORTISH.search(head):
        # "not as bad as what they stated in their report": the report was given before
        # the denial; a voice that comes after it answers the denial, it is not the report.
        cands = [i for i in cands if claims[i].sentence_index < denial.sentence_index]
    about = _negated_subject(denial)
    if about:
        # "the U.S. is not seeking ...": only claims that mention the U.S. are rejected.
        mentioning = [i for i in cands if about & name_terms(claims[i].sentence)]
        if mentioning:
            cands = mentioning
    targets = _by_overlap(denial, links, cands)
    if not targets and stated is None and _REPORTISH.search(denial.sentence):
        targets = {i for i in cands if links.reportish(i)}
    answers = (
        denial.cue.lower() in _ANSWER_VERBS
        or _REJECT.fullmatch(denial.cue) is not None
        or _REJECT_MORE.fullmatch(denial.cue) is not None
        or _FINDING.search(denial.cue)
    )
    if (
        not targets
        and _harms(content_terms(denial.denied))
        and not any(_harms(links.claim_terms(i)) for i in cands)
    ):
        # "We are not aware of any casualties" where no one spoke of casualties: it answers
        # nothing here, not merely the sentence next to it.
        return set()
    if not targets and answers and stated is None:
        # "The Kremlin has flatly denied any involvement." answers the sentence before it; a
        # denial that opens a report answers the accusation right after it.
        for offset in (-1, 1):
            targets = {
                i for i in cands if claims[i].sentence_index == denial.sentence_index + offset
            }
            if targets:
                break
    if not targets and answers and stated is None:
        # "Chief executive X denies any wrongdoing." after other denials: the accusation
        # is the latest claim a few sentences back.
        earlier = [
            i
            for i in cands
            if 0 < denial.sentence_index - claims[i].sentence_index <= _ANSWER_REACH
        ]
        if earlier:
            latest = max(claims[i].sentence_index for i in earlier)
            targets = {i for i in earlier if claims[i].sentence_index == latest}
    if not targets and _harms(content_terms(denial.sentence)):
        # "no one had been hurt" after "the strike killed nine": harm denied answers the
        # latest earlier account of harm, whatever word each uses for it.
        earlier = [
            i
            for i in cands
            if claims[i].sentence_index < denial.sentence_index and _harms(links.claim_terms(i))
        ]
        if earlier:
            latest = max(claims[i].sentence_index for i in earlier)
            targets = {i for i in earlier if claims[i].sentence_index == latest}
    if not targets and same:
        # "X insisted that …, after Y said …": the claim it answers follows in its sentence
        # (one before it, "While Y has signaled …, X said …", is a contrast, not an answer).
        at = denial.sentence.find(denial.denied) if denial.denied else -1
        targets = {i for i in same if at >= 0 and denial.sentence.find(claims[i].speaker) > at}
    return targets


def _press_in_lead(denial: Denial, links: _Links, cands: list[int], head: str) -> set[int]:
    """Press claims a lead denial of "reports" also rejects ("denied media reports that
    talks were held", before any claim): the reports are both what unnamed sources said and
    what the outlets that broke the story reported, when they say the same thing."""
    claims = links.claims
    if not _PLURAL_REPORTS.search(head) or any(
        claims[i].sentence_index < denial.sentence_index for i in cands
    ):
        return set()
    stated = _STATED.search(denial.denied)
    own = content_terms(denial.denied[stated.end() :] if stated else denial.denied)
    return {
        i
        for i in cands
        if links.press(i) and own & content_terms(claims[i].content or claims[i].sentence)
    }


_ANSWER_REACH = 3
# Stems (as ``content_terms`` cuts them) of words for people harmed.
_HARM_STEMS = frozenset(
    {"kille", "kill", "dead", "death", "died", "dies", "wound", "injur", "hurt", "casua", "victi"}
)


# Stems that report harm done ("were killed", "the victims"), not talk of it ("casualties").
_HARM_DONE = _HARM_STEMS - {"casua"}


def _harms(terms: frozenset[str]) -> bool:
    return not terms.isdisjoint(_HARM_STEMS)


_PLURAL_REPORTS = re.compile(r"\breports\b", re.IGNORECASE)
_ANSWER_VERBS = DENY_VERBS | REJECT_VERBS
# "their report", "the findings of the report": a document already named, pointed back to.
_DEFINITE_DOCUMENT = re.compile(
    r"\b(?:the|their|its|this|that|these|those)\s+(?:\w+\s+){0,2}?(?:report|findings|study|"
    r"survey|story|article)\b"
)
# "local claims that …", "claims by residents": claims of no named source, like "reports".
_LOOSE_CLAIMS = re.compile(r"^(?:(?:the|such|these|those)\s+)?(?:[a-z\-]+\s+)?claims\b")
# A single document named as the rejected account ("the findings of a … report").
_ONE_DOCUMENT = re.compile(
    r"\b(?:a|an|the|this|that|its|their|his|her)\s+(?:[\w.’'\-]+\s+){0,8}?(?:report|study|survey|"
    r"indictment|investigation|inquiry|audit|review|dossier)\b(?!\s+(?:that|of)\b)"
)

# Speakers that are documents: "the indictment", "a commission report", "the study".
_DOCUMENT_SPEAKER = re.compile(
    r"\b(?:report|study|findings|indictment|investigation|inquiry|review|audit|"
    r"assessment|survey|document|documents|memo|dossier|ruling|verdict|charge\s+sheet)\b",
    re.IGNORECASE,
)
# An account noun in a denied phrase: the denial rejects what some source said.
_ACCOUNT_WORD = re.compile(r"\b(?:" + _alt(REJECTABLE_NOUNS | CLAIM_NOUNS) + r")\b", re.I)
# Capitalized words premodifying an account noun ("the Amnesty International findings", "a
# U.S. State Department report") or naming its author after it ("a report by the BBC").
_PREMODIFIED = re.compile(
    r"((?:(?:[A-Z][\w.&’'\-]*|of|for|on)\s+){0,6}?[A-Z][\w.&’'\-]*)\s+(?:[a-z\-]+\s+){0,2}?"
    r"(?:" + _alt(REJECTABLE_NOUNS | CLAIM_NOUNS) + r")\b"
)
_AUTHOR_AFTER = re.compile(
    r"\b(?:" + _alt(REJECTABLE_NOUNS | CLAIM_NOUNS) + r")\s+(?:by|from)\s+(?:the\s+)?"
    r"((?:[A-Z][\w.&’'\-]*\s*){1,5})"
)
_NOT_SOURCE_NAMES = frozenset({"the", "a", "an", "of", "for", "on", "annual", "monthly"})


def _source_names(denied: str) -> frozenset[str]:
    """Names of whoever gave the account a denied phrase names (lower-cased words)."""
    words: set[str] = set()
    for m in list(_PREMODIFIED.finditer(denied)) + list(_AUTHOR_AFTER.finditer(denied)):
        words |= {
            w.lower().strip(".’'").removesuffix("’s").removesuffix("'s")
            for w in m.group(1).split()
            if w[:1].isupper()
        }
    return frozenset(w for w in words if len(w) > 1 and w not in _NOT_SOURCE_NAMES)


def _speaker_words(speaker: str) -> frozenset[str]:
    return frozenset(
        w.lower().strip(".,’'").removesuffix("’s").removesuffix("'s") for w in speaker.split()
    )


def _by_named_source(denial: Denial, claims: Sequence[Claim], cands: list[int]) -> set[int] | None:
    """Claims by the source a denied account names ("denied the Amnesty International findings"
    → what that group said), None when the denial names no source this report quotes.

    An account given before the denial is the one rejected; a denial that comes first (a
    lead) rejects the source's first run of claims after it, not what the source says
    later about something else.
    """
    if not _ACCOUNT_WORD.search(denial.denied):
        return None
    names = _source_names(denial.denied) - _speaker_words(denial.speaker)
    if not names:
        return None
    theirs = [i for i in cands if names & _speaker_words(claims[i].speaker)]
    if not theirs and _ONE_DOCUMENT.search(denial.denied):
        # "the findings of a State Department report": what a document says, and no one
        # else's; anonymous voices that echo it are not what is rejected.
        theirs = [i for i in cands if _DOCUMENT_SPEAKER.search(claims[i].speaker)]
        if not theirs:
            return set()
    if not theirs:
        return None
    before = [i for i in theirs if claims[i].sentence_index <= denial.sentence_index]
    if before:
        return set(before)
    # The first run: the source's claims up to the first claim or denial of anyone else.
    first = min(theirs, key=lambda i: claims[i].sentence_index)
    run = {first}
    for i in range(first + 1, len(claims)):
        if i not in theirs:
            break
        run.add(i)
    return run


def _shares_word(owner: str, speaker: str) -> bool:
    mine = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", owner)} - {"the"}
    # "the rebels' account" belongs to "Rebel commanders".
    mine |= {w.rstrip("s") for w in mine}
    return bool(
        mine & {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]{3,}", speaker)}
        | (mine & {w.lower() for w in re.findall(r"[A-Za-z]{3,}", speaker)})
    )


def _negated_subject(denial: Denial) -> frozenset[str]:
    """Names in the subject of a negated counter-claim ("the U.S. is not seeking ...")."""
    if not denial.cue.startswith(("is ", "are ", "was ", "were ", "am ")):
        return frozenset()
    at = denial.sentence.find(denial.cue)
    if at <= 0:
        return frozenset()
    before = denial.sentence[max(0, at - 40) : at]
    return name_terms(before.rsplit(",", 1)[-1]) - name_terms(denial.speaker)


def _stems(text: str) -> set[str]:
    return {w.lower()[:5] for w in re.findall(r"[A-Za-z]+", text)}


_SOURCE_STEMS = frozenset({"repor", "artic", "study", "memo", "docum", "letter"})


def _by_overlap(denial: Denial, links: _Links, cands: list[int], fallback: bool = True) -> set[int]:
    """Claims sharing enough of the denied words, weighted by rarity in the report (a claim
    of the denial's own sentence shares nothing); failing that, the best one above a floor."""
    d_terms = content_terms(denial.denied)
    if len(d_terms) < 2:
        d_terms = content_terms(denial.sentence) - content_terms(denial.speaker)
    weight = links.weight
    claims = links.claims
    scores: dict[int, float] = {}
    total = 0.0
    if cands and any(claims[i].sentence != denial.sentence for i in cands):
        total = sum(weight(t) for t in d_terms)
    for i in cands:
        if claims[i].sentence == denial.sentence or total == 0:
            scores[i] = 0.0
        else:
            scores[i] = sum(weight(t) for t in d_terms & links.claim_terms(i)) / total
    targets = {i for i in cands if scores[i] >= _TARGET_THRESHOLD}
    if not targets and scores and fallback:
        best = max(cands, key=lambda i: (scores[i], -i))
        if scores[best] >= _FALLBACK_THRESHOLD:
            # Claims sharing exactly as much of the denial are rejected alike ("fired rubber
            # bullets", said by witnesses and by a doctor, is one account told twice).
            targets = {i for i in cands if math.isclose(scores[i], scores[best])}
    return targets


_PRESS = re.compile(
    r"\b(?:newspaper|paper|daily|tabloid|broadcaster|magazine|outlet|website|channel|"
    r"television|radio|agency|report|reports|reported)\b",
    re.IGNORECASE,
)


_PRESS_REPORT = re.compile(
    r"\b(?:newspaper|press|media|news|magazine|television|tv|radio|broadcaster|website|"
    r"tabloid|paper's|newspaper's)\s+(?:reports?|stories|story|articles?|reporting)\b",
    re.IGNORECASE,
)


def _press_report(denied: str) -> bool:
    """Whether a denied phrase names a press account ("a newspaper report that …")."""
    return _PRESS_REPORT.search(denied) is not None


def _press(claim: Claim) -> bool:
    """A claim the press made: its cue is "reported" or its speaker is a news outlet."""
    return _PRESS.search(f"{claim.cue} {claim.speaker}") is not None


def _reportish(claim: Claim) -> bool:
    return claim.speaker_kind == "anonymous" or (
        claim.hedged and _REPORTISH.search(claim.sentence) is not None
    )
