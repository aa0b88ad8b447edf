"""Find denials: a source rejecting a claim or report, and what exactly it rejects.

Explicit rejections ("denied", "rejected that claim", "dismissed the reports", "debunking
of X's claim", "issued a denial of", "refused to accept the findings"), accounts called
false or discredited ("was categorically untrue", "no truth to", "had no basis in fact",
"riddled with errors", "those figures are too high", "the video had been doctored"),
negated counter-claims ("is not seeking", "there are no ...", "not aware of any plans",
"have not yet taken place") and "contradicted by". Rejecting a proposal or a demand is not
a denial, so reject-type verbs need an account ("claim", "report", "allegation") as their
object. Which claims a denial answers, and which claims turn out to be denials of earlier
ones, is worked out across the report in ``briefings.denial_links``. Denials carried by the
grammar of a reported clause ("said they never stated that …", "the allegations lack
basis") are found in ``briefings.clausal_denials``; what both share is in
``briefings.denial_parts``.
"""

from __future__ import annotations

import re

from briefings.clausal_denials import (
    JUDGED_KEYS,
    clausal_denials,
    fronted_denials,
)
from briefings.denial_parts import (
    CLAUSE_STOP,
    REJECTABLE,
    DenialCue,
    account_subject,
    cue_subject,
    has_any,
)
from briefings.lexicon import (
    CLAIM_NOUNS,
    DENIAL_NOUNS,
    DENY_VERBS,
    FALSE_WORDS,
    PARTIAL_WORDS,
    REJECT_VERBS,
    REJECTABLE_NOUNS,
    lower_aligned,
    word_pattern,
)
from briefings.speakers import Span, speaker_after, speaker_before

__all__ = ["denies_proposition", "find_denial_cues", "is_rejection", "participle_subject"]


def _alt(words: frozenset[str]) -> str:
    return word_pattern(words)


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
    # "questioned the accusations": doubt cast on an account, never on a person ("questioned
    # the minister") — the same account heads as "criticized".
    r"question(?:ed|s|ing)(?=\s+(?:the|a|an|this|that|these|those|[A-Z][\w.’'\-]*(?:’s|'s))\s+"
    r"(?:[\w.’'\-]+\s+){0,4}?(?:reports?|articles?|findings|allegations|accusations|charges|"
    r"claims|figures|study)\b)|"
    # "played down reports of a split", "downplayed the claims".
    r"play(?:ed|s|ing)?\s+down|downplay(?:ed|s|ing)?|"
    # "refused to accept the findings", "does not accept the report's conclusions", "does
    # \"not recognize\" the allegations".
    r"refus(?:ed|es|ing)\s+to\s+(?:accept|recogni[sz]e)|"
    r"(?:did|does|do|would|will)\s*[“\"]?(?:not|n[’']t)\s+(?:accept|recogni[sz]e)|"
    # "ruled out any civilian casualties": what an incident is said to have caused.
    r"rul(?:ed|es|ing)\s+out(?=\s+(?:the\s+|any\s+)?(?:possibility\s+of\s+)?(?:any\s+)?"
    r"(?:[\w\-]+\s+)?(?:casualties|deaths|injuries|damage|foul\s+play|wrongdoing|involvement|"
    r"sabotage|negligence|contamination|a\s+leak|leaks|an?\s+(?:attack|link|connection)|"
    r"terrorism|arson)\b))\b"
)
_MORE_KEYS = ("critici", "question", "down", "accept", "rul", "recogni")
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
    # "it's a lie", "that's untrue": the contracted verb after a pronoun subject.
    r"(?:\b(?:is|was|are|were|be|been)|(?:(?<=\bit)|(?<=\bIt)|(?<=\bthat)|(?<=\bThat)|"
    r"(?<=\bthis)|(?<=\bThis))[’']s)\s+(?:\w+ly\s+)?(?:[“\"]?not\s+(?:true|correct|accurate)|"
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
    r"\b(?:called|calls|calling|described|labelled|labeled|branded|exposed|exposes|"
    r"characteri[sz]ed|"
    r"characteri[sz]es|portrayed)\s+"
    # "described the report as \"one-sided and inaccurate\"": quote marks among the words.
    r"(?:[\w’'.\-“\"]+\s+){0,16}?(?:as\s+)?[“\"‘]?(?:an?\s+)?(?:\w+ly\s+)?(?:"
    + _alt(FALSE_WORDS)
    + r")\b"
)
_NEGATION = re.compile(
    # Every branch starts a word with one of these letters: the lookahead, and one "\b" for
    # all branches, let ``re`` pass over other positions without trying each branch.
    r"(?=[TtnNiawdhfu])\b(?:"
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
    # "they failed to find evidence linking the kill to the plant": the same search.
    r"|(?:failed|fails|fail|unable)\s+to\s+(?:find|produce|provide|show)\s+(?:any\s+)?"
    r"(?:evidence|proof|links?|signs?|traces?)\b"
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
_CALLED_KEYS = ("call", "expos", "described", "label", "branded", "characteri", "portrayed")
_PARTIAL_KEYS = ("biased", "one-sided", "unbalanced", "unfair", "prejudiced", "slanted", "hollow")
_PARTIAL = r"(?:" + _alt(PARTIAL_WORDS - {"politically-motivated"}) + r")\b"
# "called the report \"biased\" and unfair", "described the study as one-sided": an account
# so called is rejected; "the report, which it called biased": the account comes first.
_CALLED_PARTIAL = re.compile(
    r"\b(?:called|calls|calling|described|describes|labell?ed|branded|characteri[sz]ed)\s+"
    r"((?:the|this|that|these|those|its|their|his|her|an?)\s+(?:[\w’'\-]+\s+){0,3}?"
    r"(?:" + _alt(REJECTABLE_NOUNS) + r"))\b\s*(?:[\w’'\-“\"]+\s+){0,6}?(?:as\s+)?"
    r"[“\"‘]?(?:\w+ly\s+)?"
    + _PARTIAL
    + r"|\b((?:the|this|that|these|those|its|their|his|her|an?)\s+(?:[\w’'\-]+\s+){0,3}?"
    r"(?:" + _alt(REJECTABLE_NOUNS) + r")),?\s+(?:which|that)\s+((?:[\w’'\-]+\s+){1,3}?)"
    r"(?:called|described\s+as|labell?ed|branded)\s+(?:as\s+)?[“\"‘]?(?:\w+ly\s+)?"
    r"(?:" + _PARTIAL + "|" + _alt(FALSE_WORDS) + r"\b)",
    re.IGNORECASE,
)
_FALSE_ANY = re.compile(r"\b(?:" + word_pattern(FALSE_WORDS) + r")\b")
_FALSE_AFTER_SPACE = re.compile(r" (?:" + word_pattern(FALSE_WORDS) + r")\b")
_FALSE_AFTER_OTHER = re.compile(r"[^a-z0-9_ ](?:" + word_pattern(FALSE_WORDS) + r")\b")


_DETERMINER = re.compile(r"\b(?:the|this|these|those|such|a|an)\s", re.IGNORECASE)
_OBJECT_END = re.compile(
    r"[,;:!?”\"]|(?<![A-Z])\.(?=\s|$)|\s(?:saying|stating|adding|calling|but|and\s+said|was|were|is|are"
    r"|has|had|came|comes|followed|follows)\b"
)


_THAT_CLAUSE = re.compile(
    r"(?:that\s+|(?:[\w’'\-]+\s+){0,3}?(?:"
    + _alt(REJECTABLE_NOUNS | {"criticism", "talk", "concern", "concerns", "fears"})
    + r")"
    # "allegations from rights groups that …": the account's source may come between.
    r"(?:\s+(?:from|by)\s+(?:[\w’'.\-]+\s+){0,3}?[\w’'.\-]+)?\s+that\s+)"
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


_DISMISSIVE = ("dismiss", "brush", "shrug", "laugh", "scoff", "play", "downplay")
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


def _quoted_as(sentence: str, at: int) -> Span | None:
    """The source of "quoted a spokesman as denying": the object of "quoted" or "cited"."""
    if not sentence.startswith(" as ", at - 4):
        return None
    m = _QUOTED_AS.search(sentence, max(0, at - 120), at)
    return Span(m.start(1), m.end(1)) if m else None


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
        m = CLAUSE_STOP.search(sentence, start)
        return m.start() if m else len(sentence.rstrip())
    m = _OBJECT_END.search(sentence, start)
    end = m.start() if m else len(sentence)
    as_stop = _AS_STOP.search(sentence, start, end)
    end = as_stop.start() if as_stop else end
    # "rejected the story on Wednesday": the time is when, not part of what is rejected.
    time = _TRAILING_TIME.search(sentence, start, end)
    return time.start() if time else end


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


def _deny_cues(sentence: str, cues: list[DenialCue]) -> None:
    """ "denied", "denies the reports", "…, denying that …": add each denial verb's cue, with
    what it denies and, where the grammar gives one, who denies."""
    for m in _DENY.finditer(sentence):
        if m.group(0).endswith("ed") and _BE_BEFORE.search(sentence, 0, m.start()):
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
            stop = CLAUSE_STOP.search(sentence, d_start)
            d_end = stop.start() if stop else len(sentence.rstrip())
        speaker = cue_subject(sentence, m.start())
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


def _reject_cues(sentence: str, low: str, cues: list[DenialCue]) -> None:
    """ "rejected the claims", "dismissed as groundless reports that …", "disputes that …":
    add each reject-type verb's cue when its object is an account (or a doubt, a clause)."""
    for m in _reject_matches(sentence, low):
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
        noun = REJECTABLE.search(window)
        if noun is None and m.group(0).lower().startswith(_DISMISSIVE):
            # "dismissed questions about the count", "brushed aside concerns that …": the
            # doubts raised are waved away as unfounded.
            noun = _DOUBTS.search(window)
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
            stop = CLAUSE_STOP.search(sentence, d_start)
            d_end = stop.start() if stop else len(sentence.rstrip())
        if m.group(0).startswith(("brand", "label")):
            # "branded the accusations a smear campaign": the label is not what is rejected.
            noun = REJECTABLE.search(obj)
            if noun is not None:
                d_end = d_start + noun.end()
        speaker = cue_subject(sentence, m.start())
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


def _false_predicate_cues(sentence: str, cues: list[DenialCue]) -> None:
    """ "The reports are false", "It is simply not true that …", "they were \"lies\"": add
    each false predicate whose subject is an account, or a pronoun standing for one."""
    for m in _FALSE_PRED.finditer(sentence):
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
            REJECTABLE.search(subj)
            or subj.lower() in {"this", "that", "it", "which", "these", "those"}
            or subj.lower().split()[-1] in {"this", "that", "it", "which"}
            # "I have seen those reports, and they are not correct."; "Asked about the
            # reports, the minister said they were false."
            or (
                subj.lower().split()[-1] == "they"
                and REJECTABLE.search(sentence, 0, subject.end() - 4) is not None
            )
        ):
            account = account_subject(sentence, m.start())
            if account is not None:
                cues.append(DenialCue(m.group(0), m.start(), m.end(), *account, None, True))
            continue
        s_start = subject.start()
        that = re.match(r"[”\"]?,?\s+(?:to\s+say\s+)?that\s+", sentence[m.end() :])
        if subj.lower().split()[-1] == "it" and that is not None:
            # "It is simply not true that our banks are hiding losses": the that-clause.
            c_start = m.end() + that.end()
            stop = CLAUSE_STOP.search(sentence, c_start)
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
    )
    accused = "accus" in low
    overstated = has_any(low, _OVERSTATED_KEYS) or has_any(low, _DOCTORED_KEYS)
    # "was \"wide of the mark\"": a false predicate with no negation and no word of FALSE_WORDS.
    off_mark = " the mark" in low
    partial = has_any(low, _PARTIAL_KEYS)
    explicit: bool | None = True if deny else None
    false: bool | None = True if "without " in low else None
    if not (
        deny or passive or negated or contracted or accused or overstated or off_mark or partial
    ):
        explicit = has_any(low, _REJECT_STEMS)
        if not explicit:
            if false is None:
                false = _false_word(low)
            if not false and not has_any(low, _ERRONEOUS_STEMS):
                return []
    # Within a family, a word each pattern needs skips the patterns that cannot match.
    rejects = has_any(low, _REJECT_KEYS)
    if rejects:
        if explicit is None:
            explicit = has_any(low, _REJECT_STEMS)
        rejects = explicit
    possessed_denial = ("’s" in low or "'s" in low) and has_any(low, _DENIAL_NOUN_KEYS)
    if possessed_denial:
        if explicit is None:
            explicit = has_any(low, _REJECT_STEMS)
        possessed_denial = explicit
    passive_keys = passive and has_any(low, _PASSIVE_KEYS)
    contradicted = passive and has_any(low, _CONTRADICTED_KEYS)
    called = has_any(low, _CALLED_KEYS)
    if called:
        if false is None:
            false = _false_word(low)
        called = false
    cues: list[DenialCue] = []
    if deny:
        _deny_cues(sentence, cues)
    if rejects:
        _reject_cues(sentence, low, cues)
    for m in _POSSESSED_DENIAL.finditer(sentence) if possessed_denial else ():
        if any(c.cue_start <= m.end() and c.cue_end >= m.start() for c in cues):
            continue
        d_start = m.end()
        d_end = _object_end(sentence, d_start)
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
        if called_obj is not None and REJECTABLE.search(called_obj.group(1)):
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
                cue_subject(sentence, m.start()),
                False,
            )
        )
    for m in _CALLED_PARTIAL.finditer(sentence) if partial else ():
        if any(c.cue_start <= m.start() < c.cue_end for c in cues):
            continue
        group = 1 if m.group(1) is not None else 2
        # "the report, which the ministry called biased": the relative clause's subject.
        speaker = (
            cue_subject(sentence, m.start())
            if group == 1
            else Span(m.start(3), m.start(3) + len(m.group(3).rstrip()))
        )
        cues.append(
            DenialCue(m.group(0), m.start(), m.end(), m.start(group), m.end(group), speaker, False)
        )
    # "is not true" is the only false predicate without a word from FALSE_WORDS.
    not_true = (negated and ("true" in low or "correct" in low or "accurate" in low)) or (
        " the case" in low or " the mark" in low
    )
    if not not_true and false is None:
        false = _false_word(low)
    if false or not_true:
        _false_predicate_cues(sentence, cues)
    # "failed to find evidence": an empty search, negated without a "not".
    counter = (negated or "to find" in low) and any(key in low for key in _NEGATION_KEYS)
    for m in _NEGATION.finditer(sentence) if counter else ():
        if _REASSURANCE.match(sentence, m.end()):
            continue
        d_start = m.end()
        d_end = _object_end(sentence, d_start)
        evidence = _NO_EVIDENCE.match(sentence, d_start)
        if evidence is not None:
            stop = CLAUSE_STOP.search(sentence, evidence.end())
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
            stop = CLAUSE_STOP.search(sentence, m.end())
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
                cue_subject(sentence, m.start()),
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
            explicit = has_any(low, _REJECT_STEMS)
        pushed_back = explicit
    for m in _PUSHED_BACK.finditer(sentence) if pushed_back else ():
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
    insists = negated and ("insist" in low or "maintain" in low)
    for m in _INSISTED_NOT.finditer(sentence) if insists else ():
        stop = CLAUSE_STOP.search(sentence, m.end())
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
                cue_subject(sentence, m.start()),
                False,
            )
        )
    for m in _ERRONEOUS.finditer(sentence) if has_any(low, _ERRONEOUS_STEMS) else ():
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
        cues.extend(clausal_denials(sentence, low, cues))
    cues.extend(fronted_denials(sentence, low, cues))
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
        stop = CLAUSE_STOP.search(sentence, reason.end())
        end = stop.start() if stop else len(sentence.rstrip())
        word = reason.group(0).lstrip(", ")
        shadows.append(
            DenialCue(word, reason.start(), reason.end(), reason.start(), end, cue.speaker, False)
        )
    return sorted([*out, *shadows], key=lambda c: c.cue_start) if shadows else out


def denies_proposition(denied: str) -> bool:
    """Whether a denied span is a proposition ("that it had shelled the town") rather than
    an account ("the reports")."""
    return _PROPOSITION.match(" " + denied) is not None


def is_rejection(cue: str) -> bool:
    """Whether ``cue`` is a verb of rejection ("rejected", "hit back at", "dismissed")."""
    return _REJECT.fullmatch(cue) is not None or _REJECT_MORE.fullmatch(cue) is not None
