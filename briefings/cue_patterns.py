"""Where a sentence's cues of attribution are, found in one scan.

A cue is a reporting verb or a frame around one ("according to", "is considered by X as",
"was quoted as saying", "voiced hope", "put the toll at", "charged three men with"). The
group name of ``_ANY_CUE`` says which rule of ``claims`` reads the cue; ``claims`` decides
what it attributes and to whom. Kept apart from those rules because this is pattern data and
the one scan every sentence takes, written for speed: a set lookup per word first, the full
pattern only where a cue can start.
"""

from __future__ import annotations

import re

from briefings.lexicon import (
    AS_VERBS,
    DOCUMENT_VERBS,
    LIGHT_OBJECTS,
    LIGHT_VERBS,
    REPROACH_VERBS,
    SAY_VERBS,
    SAYING_NOUNS,
    STANCE_OBJECT_VERBS,
    STANCE_OBJECTS,
    STANCE_VERBS,
    WordFinder,
    word_pattern,
)

__all__ = ["scan_cues"]


def _alt(words: frozenset[str]) -> str:
    return word_pattern(words)


# "reports" is a verb only after a named subject ("Reuters reports that …"); "media
# reports that …" is the noun that ``_REPORTS`` reads.
_VERB_CUE = re.compile(r"\b(?:" + _alt(SAY_VERBS | {"reports"}) + r")\b")

_LIGHT_CUE = re.compile(
    # ('expressed "alarm" over reports': the noun may be quoted.)
    r"\b(?:" + _alt(LIGHT_VERBS) + r")\s+(?:\w+\s+){0,2}?[“\"]?(?:" + _alt(LIGHT_OBJECTS) + r")\b"
)

# "Organisers put the number at more than 50,000": a source's own figure for a count.
_FIGURE_CUE = re.compile(
    r"\b(?:put|puts|putting|placed|places|estimated|estimates)\s+(?:the|its|their|that|this)\s+"
    r"(?:\w+\s+)?(?:number|figure|toll|total|count|turnout|cost|crowd|size|damage)"
    # ("put the death toll in the protests at about 30": what the toll is of, between.)
    r"(?:\s+(?:in|from|of|for)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}?[\w\-]+)?\s+at\b"
)

_CALLED = re.compile(r"\b(?:called|calls|calling)\b")

# "was adamant that", "remains confident that": a stance stated as a predicate adjective,
# reported like a verb of saying.
_STANCE_CUE = re.compile(
    # ("have been adamant that": the perfect too, its scan starting at "been".)
    r"\b(?:is|was|are|were|remains|remained|been)\s+(?:\w+ly\s+)?"
    r"(?:adamant|confident|convinced|"
    r"certain|optimistic|hopeful|insistent|concerned|worried|alarmed|pleased|disappointed|"
    r"satisfied|troubled|encouraged|sure|skeptical|sceptical)\s+(?=that\b)"
    # "are confident Ahtisaari will propose …": a belief's clause without "that".
    r"|\b(?:is|was|are|were|remains|remained|been)\s+(?:\w+ly\s+)?"
    r"(?:confident|convinced|certain|optimistic|hopeful|sure)\s+"
    r"(?=(?:[A-Z][\w’'\-]*|the|he|she|they|it|we|i)\s+(?:[\w’'\-]+\s+){0,4}?"
    r"(?:will|would|is|are|was|were|has|have|had|can|could|may|might)\b)"
    # "The United States is deeply troubled by the sentencing of …", "is further concerned
    # by reports of …": a stance taken on what the phrase after it names.
    r"|\b(?:is|was|are|were|remains|remained|been)\s+(?:(?:\w+ly|further|also|very)\s+)?"
    r"(?:concerned|worried|alarmed|disappointed|troubled|dismayed)\s+(?=(?:by|about|over|at)\s+(?:the|a|an|reports?|news|its|his|her|their)\b)"
)

# "condemned the airstrike", "apologized for the delays", "welcomed the ruling", "defended
# its decision": a stance taken in public is something said, about its object. "condemned
# to death" is a sentence passed, and "welcomed the delegation" a host's act.
_STANCE_ACT = re.compile(
    r"\b(?:" + _alt(STANCE_VERBS) + r")\b(?!(?<=condemned)\s+to\b)"
    r"|\b(?:" + _alt(STANCE_OBJECT_VERBS) + r")\b(?=\s+(?:(?:himself|herself|itself|themselves)\b"
    # ("defended the world body's role": a possessive may stand inside the object.)
    r"|(?:the|a|an|its|his|her|their|our|this|that|these|those|[\w.\-]+(?:’s|'s))\s+"
    r"(?:[\w\-]+(?:’s|'s)?\s+){0,2}?(?:" + _alt(STANCE_OBJECTS) + r")\b))"
)

# "has called on the donors to …": an appeal to someone, reported like "urged".
_CALL_ON = re.compile(
    r"\b(?:called|calls|calling|call)\s+on\b(?=\s+(?:[\w’'.\-]+\s+){1,8}?to\s+[a-z]"
    # "calling on the FARC and a smaller group, the National Liberation Army (ELN) to
    # release …": a longer list of those appealed to, with its appositions.
    r"|\s+(?:[\w’'.\-(),]+\s+){1,16}?to\s+(?:immediately\s+|urgently\s+)?[a-z]+\b)"
)

# "appealed to donors to …", "pressed the council to …", "has advised them to close": other
# appeals reported like "urged". (Only forms that are never nouns: "received the petitions
# and said they would forward them to …" appeals for nothing.)
_APPEAL = re.compile(
    r"\b(?:appealed\s+to|appeals\s+to|pleaded\s+with|pleads\s+with|implored|implores|"
    r"begged|begs|exhorted|exhorts|pressed|presses|asked|asks|advised|advises|petitioned|"
    r"challenged|encouraged|encourages)\b"
    # "asked her what the ministry must do to end it" is a question, not an appeal.
    r"(?=\s+(?!ahead\b|on\b|charges\b)"
    r"(?:(?!(?:what|whether|if|why|how|when|where|who)\b)[\w’'.\-]+\s+){1,6}?"
    # ('appealed to both sides "in the strongest possible terms" to avoid …': a quoted
    # manner before "to".)
    r"(?:[“\"][^”\"]{1,40}[”\"]\s+)?to\s+[a-z]+)"
    # A threat states what the one threatening will do: "has threatened to send troops",
    # "threatened Belarus with sanctions", "threatened mass protests if …", "renewed a threat
    # to halt oil sales".
    # "opposed the project, asking that it be put off": a demand in the subjunctive.
    r"|\b(?:asked|asks|asking|requested|requests|requesting)"
    r"(?=\s+that\s+(?:it|they|he|she|we|the|its|their|his|her|all|both)\b)"
    r"|\bthreaten(?:ed|s|ing)?\b"
    r"(?=\s+to\s+[a-z]+|\s+(?:[\w’'.\-]+\s+){1,8}?(?:with|if|unless)\s)"
    r"|\b(?:renewed|renews|repeated|repeats|issued|issues|made|makes)\s+(?:a|the|its|his|her|their)\s+"
    r"threats?(?=\s+to\s+[a-z]+|\s+that\s)"
)

# "The report highlighted the backlog": verbs that report only with a document as subject.
_DOCUMENT_CUE = re.compile(r"\b(?:" + _alt(DOCUMENT_VERBS) + r")\b")

# "berated the agency for failing to …": open reproach reports the fault it names.
_REPROACH_CUE = re.compile(
    # ("… distract from its own failings by blaming the U.S. for …": a means, not a source's
    # reproach; the object may run to ten words, "blames Russian troops in Georgia's
    # breakaway region of South Ossetia for …".)
    r"(?<!\bby\s)\b(?:" + _alt(REPROACH_VERBS) + r")\b(?=\s+(?:[\w’'.\-]+\s+){1,10}?for\b)"
    # "blamed the fire on faulty wiring": the cause it names is what is claimed.
    # "an attack local officials blamed on Sudan": the object may go before, in a relative.
    # ("shootouts, many blamed on extremists": a passive after a quantifier names no one
    # who blames.)
    r"|(?<!\bmany\s)(?<!\bmost\s)(?<!\bsome\s)(?<!\ball\s)(?<!\bboth\s)(?<!\bwhich\s)"
    r"\bblam(?:ed|es|ing|e)\b(?=\s+(?:[\w’'.\-]+\s+){0,6}?on\s+"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    # "blame the catastrophe, which left 100 tons of dead fish, on the release of …": an
    # aside between the object and "on".
    r"|\s+(?:[\w’'.\-]+\s+){0,4}?[\w’'.\-]+,\s+(?:which|who|in\s+which)\s[^;]{3,160}?,\s+on\s)"
    # "He blamed Islamist insurgents.", "blame the Tuaregs and link …": who is at fault,
    # named alone.
    r"|(?<!\bby\s)\bblam(?:ed|es|e)\b(?=\s+(?:the\s+|[A-Z]|(?!(?:on|for|\w+sel(?:f|ves))\b)[a-z]+\s)"
    r"(?:[\w’'.\-]+\s+){0,8}?[\w’'.\-]+\s*(?:[.;]|,?\s+and\s|$))"
    # "Karzai lashed out at neighbor Pakistan", "hit out at the ministry": a reproach with
    # no cause after "for".
    r"|\b(?:lash(?:ed|es|ing)?|hit(?:s|ting)?)\s+out\s+(?:(?:again|publicly|sharply|on\s+\w+)\s+)?"
    r"at\b"
    # "…pulled out of the camp, blaming Thai military pressure": the cause named.
    r"|(?<=,\s)blaming\b(?=\s+[A-Za-z])"
)

# "Federal officials have charged the founder and three other men with illegal trade": a
# charge brought is an accusation of those who bring it (tried before the verbs of saying,
# where "charged" needs a that-clause).
_CHARGED_WITH = re.compile(
    # Only people are charged ("charged his phone with a cable" is no accusation).
    r"\bcharged\b(?=\s+(?:[\w’'.\-]+\s+){0,6}?(?:[A-Z][\w’'.\-]*|him|her|them|men|women|"
    r"people|suspects|officials|executives|officers|soldiers|journalists|activists|"
    r"protesters|leaders|members)\s+(?:[\w’'.\-]+\s+){0,6}?with\s+(?!a\s+task\b|the\s+task\b))"
)

# "condemns the plan as a "giveaway"": an evaluation said of its object.
_AS_CUE = re.compile(
    r"\b(?:" + _alt(AS_VERBS) + r")\b(?=\s+(?:[\w’'.\-“”\"]+\s+){1,8}?as\b)"
    # "The United States regards al-Shabab as a terrorist group", "considers al-Shabab a
    # terrorist group", "considers the vote to be illegal": a belief about what a thing is.
    # (Not the passive "is considered a …", whose agent, if any, follows "by".)
    r"|(?<!is )(?<!are )(?<!was )(?<!were )(?<!be )(?<!been )(?<!being )"
    r"\b(?:regards|regarded|views|viewed|considers|considered)\b"
    r"(?=\s+(?:(?!(?:at|in|on|for|during|with|over|by|from|to|a|an|as)\b)[\w’'.\-]+\s+){1,6}?"
    r"(?:as|to\s+be|an?)\s)"
)

# "have made unsubstantiated claims about …": a light verb with a noun of saying.
_MADE_CLAIMS = re.compile(
    r"\b(?:made|make|makes|making|levelled|leveled|levels|level|repeated|repeats|repeating)\s+"
    r"(?:(?:[a-z\-]+|[A-Z][\w\-]*(?:’s|'s))\s+){0,3}?(?:" + _alt(SAYING_NOUNS) + r")\s+"
    r"(?:that|about|of|against)\b"
    # "Harf repeated U.S. calls for the release of political prisoners": an appeal renewed.
    r"|\b(?:repeated|repeats|repeating|renewed|renews|renewing|reiterated|reiterates|"
    r"reiterating)\s+(?:(?:[a-z\-]+|[A-Z][\w’'\-]*|(?:[A-Z]\.){2,})\s+){0,2}?(?:calls?|appeals?|"
    r"demands?)\s+for\b"
    # "British lawmakers made the accusation Tuesday": an account given before, restated.
    r"|\b(?:made|makes|making|levelled|leveled)\s+the\s+(?:accusations?|allegations?|charges?)"
    r"(?=\s*[,.;]|\s*$|\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|yesterday|last|earlier|this|in)\b)"
    # "issued a warning that soldiers who rape will be shot", "gave assurances that …".
    r"|\b(?:issued|issues|issuing|gave|gives|giving)\s+(?:an?\s+|the\s+|fresh\s+|new\s+)?"
    r"(?:[a-z\-]+\s+)?(?:warning|warnings|assurance|assurances|promise|pledge|ultimatum)\s+that\b"
    # "issued a strong warning to Syria to stop the shipments": a warning to someone to act.
    r"|\b(?:issued|issues|issuing|gave|gives|giving)\s+(?:an?\s+|the\s+|fresh\s+|new\s+)?"
    r"(?:[a-z\-]+\s+)?(?:warning|warnings|ultimatum)(?=\s+to\s+(?:[\w’'.\-]+\s+){1,5}?to\s+[a-z]+)"
    # "The auditor has held the organizing body responsible for irregularities": blame.
    r"|\b(?:held|holds|holding)\s+(?=(?:[\w’'\-]+\s+){1,5}?(?:responsible|accountable)\s+for\b)"
)

# "The paper quoted two officials as saying …": the quoted are the source.
# The quoted may carry a relative clause set off by commas ("quoted two pilots, who flew
# the route, as saying").
_QUOTED_ACTIVE = re.compile(
    r"\b(?:quoted|quotes|quoting|cited|cites|citing)\s+(?=(?:[\w’'.\-]+,?\s+){1,14}?as\s+[a-z]+ing\b)"
)

_REFUSED = re.compile(r"\b(?:refused|refuses|refuse)\b(?!\s+to\b)")

_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\b")

_PASSIVE_BY = re.compile(
    r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+|also\s+)?"
    r"(?:considered|seen|viewed|regarded|described|deemed|believed|thought|judged|treated|"
    # "His claim was also confirmed by local authorities": the agent says it too.
    r"confirmed|corroborated|echoed)"
    r"\s+by\s+"
)

# "was quoted as saying": the subject before the auxiliary is the speaker.
# "was quoted by a local paper as saying", "was cited as saying": the same, with the
# quoting outlet named or not.
# "was quoted as saying", "was quoted in Chinese media Tuesday blaming the leaks on …":
# the one quoted speaks, whatever the participle of saying.
_QUOTED_AS = re.compile(
    # ("have been quoted as saying": the scan starts at "been", after the auxiliary.)
    r"\b(?:is|was|were|are|been)\s+"
    # "was later quoted as saying", "was also cited as saying".
    r"(?:(?:later|also|then|widely|\w+ly)\s+)?(?:"
    r"(?:quoted|cited)\s+(?:(?:by|in)\s+(?:[\w’'.\-]+\s+){1,6}?)?"
    r"(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+)?(?:as\s+)?"
    # "is reported as saying": hearsay of the subject's words; "was reported sinking" is an
    # event, so "reported" needs its "as".
    r"|reported\s+as\s+)"
    r"(?!(?:regarding|concerning|including|during|according|following)\b)[a-z]+ing\b"
)

# One scan for every verb-like cue; the group name says which rule handles it. Multi-word
# cues come first so that "voiced hope" wins over a bare verb at the same place.
_ANY_CUE = re.compile(
    "|".join(
        f"(?P<{name}>{pattern.pattern})"
        for name, pattern in (
            ("passive", _PASSIVE_BY),
            ("according", _ACCORDING),
            ("quoted", _QUOTED_AS),
            ("quotedas", _QUOTED_ACTIVE),
            ("callon", _CALL_ON),
            ("appeal", _APPEAL),
            ("made", _MADE_CLAIMS),
            ("light", _LIGHT_CUE),
            ("figure", _FIGURE_CUE),
            ("called", _CALLED),
            ("stance", _STANCE_CUE),
            ("refused", _REFUSED),
            ("charge", _CHARGED_WITH),
            ("verb", _VERB_CUE),
            ("reproach", _REPROACH_CUE),
            ("asverb", _AS_CUE),
            ("stanceact", _STANCE_ACT),
            ("document", _DOCUMENT_CUE),
        )
    )
)

_CUE_STARTS = (
    SAY_VERBS
    | LIGHT_VERBS
    | DOCUMENT_VERBS
    | REPROACH_VERBS
    | AS_VERBS
    | STANCE_VERBS
    | STANCE_OBJECT_VERBS
    | {
        "reports",
        "call",
        "appealed",
        "appeals",
        "pleaded",
        "pleads",
        "implored",
        "implores",
        "begged",
        "begs",
        "exhorted",
        "exhorts",
        "pressed",
        "presses",
        "asked",
        "asks",
        "asking",
        "requested",
        "requests",
        "requesting",
        "petitioned",
        "challenged",
        "encouraged",
        "encourages",
        "threaten",
        "threatened",
        "threatens",
        "threatening",
        "renewed",
        "renews",
        "repeated",
        "made",
        "make",
        "makes",
        "issued",
        "issues",
        "issuing",
        "gave",
        "gives",
        "giving",
        "held",
        "holds",
        "holding",
        "remains",
        "remained",
        "making",
        "levelled",
        "leveled",
        "levels",
        "level",
        "repeats",
        "repeating",
        "quoted",
        "quotes",
        "quoting",
        "cited",
        "cites",
        "citing",
        "called",
        "calls",
        "calling",
        "refused",
        "refuses",
        "refuse",
        "according",
        "put",
        "puts",
        "putting",
        "placed",
        "places",
        "estimates",
        "lashed",
        "lashes",
        "lashing",
        "lash",
        "hit",
        "hits",
        "hitting",
        "regards",
        "regarded",
        "views",
        "viewed",
        "considers",
        "considered",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
    }
)

# A multi-word cue ("pointed out") starts where its first word does.
_CUE_START = WordFinder(frozenset(w.split()[0] for w in _CUE_STARTS))


def scan_cues(sentence: str) -> list[tuple[int, int, str]]:
    """Cues in order: a set lookup per word, the full pattern only where a cue can start.

    Cheaper than trying the whole alternation at every character of the sentence.
    """
    cues: list[tuple[int, int, str]] = []
    done = 0
    for start in _CUE_START.starts(sentence):
        if start < done or (start > 0 and sentence[start - 1] == "-"):
            # "self-described", "so-called": the second half of a compound reports nothing.
            continue
        m = _ANY_CUE.match(sentence, start)
        if m:
            cues.append((m.start(), m.end(), m.lastgroup or "verb"))
            done = m.end()
    at = sentence.find("According")
    if at != -1:
        m = _ANY_CUE.match(sentence, at)
        if m:
            cues.append((m.start(), m.end(), m.lastgroup or "verb"))
            cues.sort()
    return cues
