"""Where the words a cue attributes start and end in its sentence.

After the cue the content starts past "that" and a short object, audience or time phrase
("told reporters on Friday that …", "said on Friday they would …") and runs to the next
coordinated clause ("…, but X said") or, in a fronted subordinate clause, to its comma.
When a cue closes its sentence and only a time, place or audience follows it (", the
ministry said on Friday."), the content is the quote or clause before its speaker.

Every cue family in ``claims`` bounds its content with these, and they know nothing of cues
or speakers beyond the offsets they are given, so they stand apart from the cue rules.
"""

from __future__ import annotations

import re

from briefings.lexicon import AUXILIARIES, CLAUSE_VERBS, TIME_WORDS
from briefings.segment import dateline_end

__all__ = [
    "THAT",
    "adverbial_tail",
    "clause_end",
    "content_after",
    "postposed",
    "quote_before",
    "that_after_time",
]


# The "that" a reported clause opens with, perhaps after a comma ("said that", "warned, that").
THAT = re.compile(r"\s*(?:,\s*)?that\b")
# "told reporters on Tuesday that ...": a short object or time phrase before "that".
_THAT_AFTER_OBJECT = re.compile(r"(?:\s+[\w’'.\-]+){1,6}?\s+that\b")
_OBJECT_VERBS = frozenset(
    "told tells tell telling assured assures warned warns reminded reminds informed informs "
    "notified notifies advised advises urged".split()
)
_BEFORE_THAT = TIME_WORDS | {
    "on",
    "in",
    "at",
    "last",
    "this",
    "a",
    "an",
    "the",
    "statement",
    "interview",
    "briefing",
    "conference",
    "news",
    "press",
    "late",
    "early",
    "earlier",
    "separately",
    "also",
    "again",
    "filing",
    "letter",
    "speech",
    "post",
    "email",
    "video",
    "message",
    "address",
    "document",
    "submission",
    "televised",
    "written",
    "posted",
    "published",
    "issued",
    "released",
    "sent",
    "emailed",
    "shared",
    "regular",
    "daily",
    "weekly",
    # "said in an interview with CNN that", "said over the weekend that", "said during a
    # phone call that", "said in televised remarks that".
    "with",
    "over",
    "during",
    "weekend",
    "phone",
    "call",
    "remarks",
    "comments",
    "radio",
    "television",
    "broadcast",
    "meeting",
    "visit",
    "rally",
    "summit",
    # "posted on social media that", "wrote on his Telegram channel that".
    "social",
    "media",
    "platform",
    "account",
    "channel",
    "website",
    "site",
    "page",
    "blog",
    "feed",
    # "testified at his trial that", "said before the committee that".
    "his",
    "her",
    "its",
    "their",
    "before",
    "trial",
    "hearing",
    "court",
    "session",
    "inquiry",
    "committee",
    "tribunal",
}
_TIME_LEAD = re.compile(
    r"\s+(?:(?:on|last|this|late|early)\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|yesterday|today|tonight|week|month|year|night|morning|afternoon|evening)"
    r"(?=\s+[a-z])",
    re.IGNORECASE,
)


def content_after(sentence: str, pos: int, cue: str = "") -> int:
    """Start of the attributed content after a cue ending at ``pos`` ("that" skipped)."""
    m = THAT.match(sentence, pos)
    if m:
        return m.end()
    # The pattern backtracks over up to six words; without a "that" ahead it cannot match.
    m = _THAT_AFTER_OBJECT.match(sentence, pos) if sentence.find("that", pos) != -1 else None
    if m and _skippable_before_that(sentence, pos, m.end(), cue):
        return m.end()
    if cue.lower() in _OBJECT_VERBS and sentence.find("that", pos) != -1:
        # "told reporters in the port city of Split on Friday that …": a long audience and
        # place, with no clause of their own.
        m = _THAT_AFTER_LONG_OBJECT.match(sentence, pos)
        if m and not any(w.lower() in _CLAUSE_WORDS for w in sentence[pos : m.end()].split()[:-1]):
            return m.end()
    if cue.lower() in _TELL_VERBS:
        # "told VOA his letter made clear …", "told reporters the deal was off": the one
        # told is no part of what was said. ("warned Russia would respond": a warning
        # needs no hearer, so there the name is the clause's subject.)
        m = _HEARER.match(sentence, pos)
        if m is not None:
            pos = m.end()
    setting = _setting_before_that(sentence, pos, cue)
    if setting is not None:
        return setting
    m = _TIME_LEAD.match(sentence, pos)
    if m and m.end() < len(sentence):
        # "said on Friday they would …": the clause starts after the time phrase, or after
        # a setting that follows it ("said Monday on the platform X that …").
        setting = _setting_before_that(sentence, m.end(), cue)
        return m.end() if setting is None else setting
    return pos


_TELL_VERBS = frozenset(
    "told tells tell telling assured assures informed informs notified notifies reminded "
    "reminds".split()
)
# Who is told, before a clause with no "that": a pronoun, an audience, or a name (a news
# outlet, a person), each followed by a lower-case word that starts the clause.
_HEARER = re.compile(
    r"\s+(?:him|her|them|us|me|you|reporters|journalists|lawmakers|legislators|parliament|"
    r"congress|senators|delegates|supporters|investigators|(?:the|a)\s+(?:court|committee|"
    r"judge|jury|panel|senate|assembly|audience|crowd|conference|rally|newspaper|paper|"
    r"agency|broadcaster)|(?:the\s+)?(?:[A-Z][\w.&’'\-]*\s+){0,3}?[A-Z][\w.&’'\-]*)"
    r"(?=\s+[a-z])"
)


_THAT_AFTER_LONG_OBJECT = re.compile(r"(?:\s+[\w’'.\-]+){7,12}?\s+that\b")
_CLAUSE_WORDS = AUXILIARIES | CLAUSE_VERBS | {"he", "she", "they", "it", "we", "i", "that"}


def that_after_time(sentence: str, pos: int, cue: str) -> bool:
    """ "reported on Monday that …": a time or place phrase may come between the verb and
    its that-clause."""
    m = _THAT_AFTER_OBJECT.match(sentence, pos)
    if m is not None and _skippable_before_that(sentence, pos, m.end(), cue):
        return True
    return _setting_before_that(sentence, pos, cue) is not None


def _setting_before_that(sentence: str, pos: int, cue: str = "") -> int | None:
    """ "testified at his war crimes trial in The Hague that …": a long phrase of place or
    occasion, opening on a preposition and holding no clause, before the that-clause; where
    the clause starts, or None."""
    if sentence.find("that", pos) == -1:
        return None
    m = _THAT_AFTER_SETTING.match(sentence, pos)
    if m is None:
        return None
    words = sentence[pos : m.end()].split()[:-1]
    if (
        words[0].lower() not in _SETTING_PREPOSITIONS
        # (The preposition itself is no clause word, though "to" is an auxiliary's too.)
        or any(w.lower().strip(",") in _CLAUSE_WORDS for w in words[1:])
        # "said on the day that the talks ended …": a relative "that" after a time noun.
        or words[-1].lower().strip(",") in _RELATIVE_HEADS
        # "reported on a classified program that …": what the report is about, with a
        # relative "that", not where it was made.
        or (words[0].lower() == "on" and cue.lower().startswith("report"))
        # A short phrase must end where a setting ends, on a name, a day, a time or a
        # medium or occasion ("on state television Friday", "in its report"): "on
        # condition that", "in the hope that", "in the event that" lead their own clause.
        or (len(words) < _LONG_SETTING and not _ends_a_setting(words[-1]))
    ):
        return None
    return m.end()


def _ends_a_setting(word: str) -> bool:
    low = word.lower().strip(",.")
    return word[:1].isupper() or word[:1].isdigit() or low in _SETTING_ENDS


# From seven words on, a phrase opening on a preposition with no clause word was read as a
# setting before any of the shorter ones were; the shorter ones need a setting's last word.
_LONG_SETTING = 7
_SETTING_ENDS = TIME_WORDS | frozenset(
    """
    days weeks months years weekend nights mornings evenings hours
    television tv radio platform platforms media statement statements interview interviews
    conference briefing briefings report reports letter letters speech speeches post posts
    posting message messages address session hearing hearings meeting meetings rally summit
    court parliament program programme show broadcast channel website site account page
    newspaper paper podcast video tweet tweets chamber assembly committee forum filing
    document submission testimony trial
    reporters journalists lawmakers legislators senators delegates supporters crowd audience
    congress diplomats students investigators
    """.split()
)


# "said on state television Friday that …", "testified at his trial in The Hague that …".
_THAT_AFTER_SETTING = re.compile(r"(?:\s+[\w’'.\-]+){2,12}?\s+that\b")
_SETTING_PREPOSITIONS = frozenset("at in on during before to after".split())
_RELATIVE_HEADS = frozenset(
    "day days night week month year time times moment date morning evening afternoon occasion "
    "way fact point hour hours".split()
)


def _skippable_before_that(sentence: str, pos: int, end: int, cue: str) -> bool:
    """ "told reporters that", "said in a statement that", "reported on June 1 that": an
    object or a time/place phrase (names and day numbers), not a clause of its own ("said
    there was no evidence that ...")."""
    if cue.lower() in _OBJECT_VERBS:
        return True
    words = sentence[pos:end].split()[:-1]
    # ("has said repeatedly that", "said publicly that": an adverb of manner or frequency.)
    return all(
        w.lower().strip(",") in _BEFORE_THAT
        or w[:1].isupper()
        or w.strip(",").isdigit()
        or w.endswith("ly")
        for w in words
    )


# Every branch starts with the comma or semicolon, matched once up front (the lookbehinds say
# which one it was): a pattern that starts with a character set lets ``re`` skip to the next
# comma or semicolon in C instead of trying the branches at every character.
_NEXT_CLAUSE = re.compile(
    # ('Kim "collapsed," while a North Korean official …': the comma inside a closing quote.)
    r"[,;][”\"’]?(?:\s+(?:but|while|whereas|although|though|yet)\s+|(?<=;)\s+"
    # "…, after marchers said …": a subordinate clause with its own source.
    r"|(?<=,)\s+(?:after|when|as|since|because)\s+(?=(?:[\w’'\-]+\s+){1,5}?(?:said|says|"
    r"claimed|claims|alleged|alleges|reported|told)\b))"
)


def clause_end(sentence: str, start: int, subordinate: bool) -> int:
    """End of an attributed span: the sentence, or the next coordinated clause ("…, but X said")."""
    end = len(sentence.rstrip())
    nxt = _NEXT_CLAUSE.search(sentence, start)
    if nxt is not None:
        end = nxt.start()
    if subordinate:
        comma = sentence.find(",", start)
        while (
            comma != -1
            and sentence[comma - 1 : comma].isdigit()
            and sentence[comma + 1 : comma + 2].isdigit()
        ):
            comma = sentence.find(",", comma + 1)
        if comma != -1:
            return comma
    return end


# What may follow a cue that closes its sentence (", the ministry said on Friday.", ", she
# told reporters in Oslo."): time, place and audience, never a clause of its own.
_TAIL_WORDS = TIME_WORDS | {
    "on",
    "in",
    "at",
    "to",
    "during",
    "after",
    "before",
    "last",
    "this",
    "late",
    "early",
    "a",
    "an",
    "the",
    "his",
    "her",
    "their",
    "its",
    "news",
    "press",
    "conference",
    "conferences",
    "briefing",
    "statement",
    "interview",
    "reporters",
    "journalists",
    "supporters",
    "parliament",
    "lawmakers",
    "radio",
    "television",
    "tv",
    "broadcaster",
    "newspaper",
    "agency",
    "meeting",
    "rally",
    "summit",
    "visit",
    "night",
    "day",
    "weekend",
    "told",
    "hours",
    "days",
    "weeks",
    "months",
    "ago",
    "also",
    "separately",
    "later",
    "written",
    "televised",
    "speech",
    "address",
    "session",
    "hearing",
    "email",
    "post",
}
# ", citing unnamed sources", ", estimating that inflation …": a participle after the
# speaker's cue starts a phrase of its own; what comes before it is the speaker's tail.
_CITING = re.compile(r",\s*(?:citing|quoting|[a-z]+ing)\b")
_FINITE = frozenset("is are was were has have had will would could can should may might".split())
# ("said of the report": "of" names what the words were about.)
_TAIL_PREPOSITIONS = frozenset("at in on during after before to from via through of".split())
_TAIL_TOKEN = re.compile(r"[\w’'.\-]+")


def adverbial_tail(sentence: str, pos: int, cue: str = "") -> bool:
    """Whether ``sentence[pos:]`` holds only a time, place or audience (", X said on Friday.")."""
    tail = sentence[pos:]
    nxt = _NEXT_CLAUSE.search(tail)
    if nxt is not None:
        # "…, a spokeswoman said on Tuesday, after the newspaper reported that …": the
        # clause after is another source's.
        tail = tail[: nxt.start()]
    cited = _CITING.search(tail)
    if cited is not None:
        # "…, the newspaper reported, citing unnamed sources.": whom it cites is no clause.
        tail = tail[: cited.start()]
    words = [w for w in _TAIL_TOKEN.findall(tail) if w.strip(".")]
    lows = [w.lower().strip(".") for w in words]
    # "said of the report in an emailed statement to VOA on Thursday": phrases led by a
    # preposition run longer than a bare time or place.
    if len(words) > (12 if lows and lows[0] in _TAIL_PREPOSITIONS else 9):
        return False
    if "that" in lows or any(w in _FINITE for w in lows):
        return False
    if cue.lower() in _OBJECT_VERBS or (lows and lows[0] in _TAIL_PREPOSITIONS):
        # ""…," his lawyer told the court.", "… said at a regular briefing.": an audience or
        # a place, not a clause.
        return True
    return all(
        low in _TAIL_WORDS or w[:1].isupper() or w[:1].isdigit()
        for low, w in zip(lows, words, strict=True)
    )


def postposed(sentence: str, speaker_start: int) -> bool:
    """A speaker after the clause it speaks ("…, the ministry said", "“…,” X told")."""
    # (",'": a straight single quote closing the words, as some outlets print them.)
    return sentence[:speaker_start].rstrip().endswith((",", "”", '"', "''", "—", "–", ":", ",'"))


def quote_before(sentence: str, pos: int) -> tuple[int, int]:
    """The content before a speaker who follows it, at ``pos``: from the opening quote mark,
    or else from the sentence's start past any dateline, to the comma before the speaker
    (""…," said Ruiz", "The port will close, the ministry said on Friday."). A quote's
    second sentence ("… today. And that is good," he said.) starts at the sentence's start."""
    text = sentence[:pos].rstrip(" ,")
    end = len(text)
    start = dateline_end(text)
    for opener in ("“", '"', "‘"):
        i = text.find(opener)
        if i != -1 and i < end - 1:
            # A straight quote that is the last mark only closes: ""…morning," said X" with
            # its opening mark lost in print starts the content at the sentence's start.
            # A quote opened inside the clause ('The reports are "pure fiction," X said')
            # quotes only its last words: the whole clause is what the speaker says.
            if text[start:i].rstrip()[-1:].isalpha():
                break
            start = i + 1
            break
    return start, max(start, end)
