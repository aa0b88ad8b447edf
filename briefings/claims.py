"""Find attributions in a sentence: who is reported to say, believe, urge or warn what.

Each cue (a reporting verb, "according to", a passive "is considered by X as", a possessed
claim noun "X's assertion that", or "reports that") is paired with its speaker phrase and
the span of what is attributed. Cues inside the content of an earlier attribution ("said
... indicated") are the quoted source's words, not a new attribution. Where the cues are is
``cue_patterns``' one scan; this module reads each cue by the rule its kind names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefings.content_spans import (
    adverbial_tail,
    clause_end,
    content_after,
    postposed,
    quote_before,
)
from briefings.cue_patterns import scan_cues
from briefings.lexicon import (
    ANONYMOUS_HEADS,
    BODY_HEADS,
    BODY_PLURALS,
    CLAIM_NOUNS,
    DOCUMENT_NOUNS,
    FORCE_PLURALS,
    GROUP_HEADS,
    PERSON_NOUNS,
    PREPOSITIONS,
    ROLE_HEADS,
    TIME_WORDS,
    word_pattern,
)
from briefings.parentheticals import fronted_subject
from briefings.segment import dateline_end
from briefings.speaker_kinds import can_act, is_pronoun
from briefings.speakers import (
    Span,
    speaker_after,
    speaker_before,
    speaker_has_head,
)
from briefings.subjects import participle_subject, sentence_subject, subject_with_who
from briefings.verb_gates import (
    AUX_AFTER,
    BE_BEFORE,
    CLAUSE_NEXT,
    NP_CLAUSE_NEXT,
    TO_VERB,
    as_starts_clause,
    negated_before,
    no_clause_after,
    not_a_saying_verb,
    raised_saying,
    reports_a_call,
    takes_account_before,
)

__all__ = ["Attribution", "find_attributions"]


@dataclass(slots=True)
class Attribution:
    """A speaker, a cue and an attributed span, all as offsets into one sentence."""

    speaker: str
    speaker_start: int
    cue: str
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    nominal: bool = False
    subordinate: bool = False
    # A nominal source that a denial around it rejects ("denied allegations from X that …").
    deniable: bool = False
    # A source that a quote opens on ('"The government said they were paying …"'): the
    # quote's own speaker says the sentence too.
    in_quote: bool = False


def _alt(words: frozenset[str]) -> str:
    return word_pattern(words)


_SAYING_AFTER = re.compile(
    r"[^.;,]*,\s+(?:saying|adding|arguing|insisting|noting|stressing|explaining|calling)\b"
)
_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
_QUOTED_OBJECT = re.compile(r"((?:[\w’'.\-]+,?\s+){0,13}?[\w’'.\-]+),?\s+as\s+[a-z]+ing\b")
_POSSESSED = re.compile(
    r"((?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*)(?:’s|'s)\s+(?:[a-z]+\s+){0,2}?"
    r"(" + _alt(CLAIM_NOUNS) + r"|revelation)\b"
)
# What the possessed noun's content opens with: "that", a participle, a quote or a colon.
# ("denied President Chavez's claims, saying …": after a comma, the participle is the
# denier's, not the content of the claims.)
# ("Maduro's assertions on January 11 that …": when it was said may come first.)
_POSSESSED_CONTENT = re.compile(
    r"(?:\s+(?:on\s+(?:[A-Z][a-z]+|\d{1,2})(?:\s+\d{1,2})?|last\s+(?:week|month|year|[A-Z][a-z]+)"
    r"|earlier\s+this\s+(?:week|month|year)|this\s+(?:week|month))(?=\s+that\b))?"
    r"\s*(?:(?:,\s*)?(?:that\b|[“\"‘:])|[a-z]+ing\b)"
)
_CALLING_BEFORE = re.compile(
    r"\b(?:call(?:ed|s|ing)?|label(?:l?ed|s|l?ing)?|brand(?:ed|s|ing)?|term(?:ed|s|ing)?|"
    r"dub(?:bed|s|bing)?)\s+$"
)
_POSSESSED_TAIL = re.compile(
    r"[’'](?=s\s+(?:[a-z]+\s+){0,2}?(?:" + _alt(CLAIM_NOUNS) + r"|revelation)\b)"
)
_REPORTS = re.compile(
    # (The lookahead for the first letters spares most positions the look-behind.)
    r"(?=[wmpnruRrAa])(?<![’'])\b((?:(?:wide|widespread|media|press|news|recent|unconfirmed)\s+)*"
    r"(?:[Rr]eports|[Rr]eporting|[Aa]llegations|[Aa]ccusations))\s+"
    r"(?:(?:have|has)\s+(?:surfaced|emerged|circulated)\s+)?that\b"
    # "The reports that were published last week": a relative clause about the reports,
    # whose verb follows "that" at once; a reported clause opens with its own subject.
    r"(?!\s+(?:was|were|is|are|has|have|had|will|would|could|can|may|might|should|must"
    r"|surfaced|emerged|circulated|appeared)\b)"
)
# "there are reports the crew mutinied", "there have long been allegations of corruption",
# "there are fears, however, that …": an account no one is named for, told as existing. An
# account noun may give what it tells after "of"; a fear or a concern needs a clause.
_THERE_REPORTS = re.compile(
    r"\b[Tt]here\s+(?:is|are|was|were|(?:have|has|had)\s+(?:long\s+|also\s+)?been)\s+"
    r"((?:(?:also|now|still|long|unconfirmed|widespread|persistent|repeated|renewed|growing|"
    r"mounting|media|press|news|recent|some)\s+)*"
    r"(?:(?:reports|allegations|accusations|claims|rumou?rs|suspicions|predictions)"
    r"(?=\s+(?:of|the|a|an|his|her|its|their)\s|(?:,\s*however,)?\s+that\s)"
    r"|(?:fears?|concerns?|worries)"
    r"(?=(?:,\s*however,)?\s+(?:that|the|they|he|she|it)\s)))"
    # What the account tells starts after its "of" or "that".
    r"(?:(?:,\s*however,)?\s+that|\s+of)?"
)
# Talk no one is named for, told as spreading: "prompting rumors he was hospitalized",
# "sparking rampant speculation that …", "Rumors also were rife that …". What it tells is a
# clause, after "that" or opening on its own subject.
_RUMORS = re.compile(
    r"\b(?:(?:prompting|sparking|fueling|fuelling|triggering|stoking|raising|amid|fanning)\s+"
    r"((?:(?:rampant|widespread|growing|mounting|persistent|renewed|wild|intense|fresh|new)\s+)?"
    r"(?:rumou?rs|speculation))\s+(?:that\s+|(?=(?:he|she|it|they|the|his|her|its|their)\s))"
    r"|((?:(?:Rampant|Widespread|Persistent)\s+)?(?:[Rr]umou?rs|[Ss]peculation))\s+"
    r"(?:(?:also|have|has|had|been|long)\s+)*(?:were|was|is|are|been)\s+(?:also\s+)?"
    r"(?:rife|widespread|rampant|swirling|circulating|growing|mounting)\s+that\s)"
)
# The nouns ``_THERE_REPORTS`` needs, looked for before it is run.
_THERE_NOUNS = re.compile(
    r"eports |llegations |ccusations |laims |umou?rs |uspicions |ears?[ ,]|oncerns? |orries "
    r"|redictions "
)
# "allegations from U.S. agencies that …", "claims by the opposition that …": the noun's
# source is named after it.
_NOMINAL_SOURCE = re.compile(
    r"\b(allegations?|claims?|accusations?|assertions?|warnings?|charges|suggestions?|remarks|"
    r"comments|statements)\s+(?:(?:made|levelled|leveled|raised)\s+)?(?:by|from)\s+"
    r"((?:[\w’'.\-]+\s+){0,5}?[\w’'.\-]+)"
    # "allegations by the British-based rights organization, Global Witness, that …": the
    # name set beside the description is the source.
    r"(?:,\s+((?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'.\-]*),)?\s+that\b"
)
_SUBORDINATORS = frozenset(
    {"while", "as", "although", "though", "if", "when", "because", "since", "before", "after"}
    | {"until", "once", "whereas", "unless"}
)
# "15,000" is one number: a comma with a digit right after it separates thousands, not clauses.
_SHORT_TO_COMMA = re.compile(r"(?:\s+[\w’'.\-]+){0,4}?\s*,(?!\d)")
# "As the Secretary said yesterday in reference to Putin's war of choice, X": a longer
# stretch before the comma when it is an adverbial, opening on a preposition or a time word
# (``_adverbial`` checks that it holds no clause of its own).
_ADVERBIAL_TO_COMMA = re.compile(
    r"\s+(?:" + word_pattern(PREPOSITIONS | TIME_WORDS | {"last", "this"}) + r")\b"
    r"(?:\s+[\w’'.\-]+){0,10}?\s*,(?!\d)"
)
_FINITE = frozenset(
    "has have had is are was were be been will would shall should can could may might must "
    "do does did that he she they we it i".split()
)
_DETERMINERS = frozenset("the a an his her its their our this these those".split())


def _raised_attribution(sentence: str, start: int, raised: re.Match[str]) -> Attribution | None:
    """ "The audit is reported to accuse the board of …": the subject before the passive's
    auxiliary says what the infinitive of saying (``raised``) reports."""
    be = BE_BEFORE.search(sentence, 0, start)
    speaker = speaker_before(sentence, be.start() if be is not None else start)
    if speaker is None:
        return None
    content = content_after(sentence, raised.end(), raised.group(1))
    return _through_clause(
        sentence,
        sentence[speaker.start : speaker.end],
        speaker.start,
        raised.group(1),
        start,
        raised.end(),
        content,
    )


_AGENT_OPENERS = frozenset(
    {"the", "many", "some", "most", "analysts", "experts", "officials", "local", "provincial"}
    | {"regional", "federal", "government", "police", "authorities", "witnesses", "residents"}
)


def find_attributions(sentence: str, quoted: Sequence[tuple[int, int]] = ()) -> list[Attribution]:
    """All attributions of ``sentence`` in order, embedded cues dropped.

    ``quoted`` holds spans of direct quotes in the sentence: a reporting verb inside a quote
    ("I believe ...") is the speaker's own wording, not the report's attribution.
    """
    possessive = "’s " in sentence or "'s " in sentence
    # A report cue ends in "that": without one there is nothing for the costly pattern to find.
    reports = (
        "eport" in sentence or "llegation" in sentence or "ccusation" in sentence
    ) and "that" in sentence
    cues = scan_cues(sentence)
    there = "here " in sentence and _THERE_NOUNS.search(sentence) is not None
    rumors = ("umor" in sentence or "umour" in sentence or "peculation" in sentence) and (
        _RUMORS.search(sentence) is not None
    )
    if (
        not cues
        and not possessive
        and not reports
        and not there
        and not rumors
        and "eport" not in sentence
        and "ccounts," not in sentence
    ):
        return []

    def in_quote(pos: int) -> bool:
        return any(q_start < pos < q_end for q_start, q_end in quoted)

    found: list[Attribution] = []
    for start, end, kind in cues:
        if in_quote(start):
            inner = _quote_opening_source(sentence, start, end, kind, quoted)
            if inner is not None:
                found.append(inner)
            continue
        outer = [
            a
            for a in found
            # A third party a quote opens on speaks inside the quote only: the verb after
            # the quote (', he said') is the quote's own speaker's.
            if not a.nominal and not a.in_quote and a.content_start <= start < a.content_end
        ]
        if outer:
            _embedded_source(sentence, start, end, kind, outer[-1], found)
            continue
        att = _attribute(sentence, start, end, kind, found)
        if att is not None:
            if not found and not att.nominal and not att.in_quote:
                _read_around(sentence, att)
            found.append(att)
    if found and cues:
        _prefer_closing_source(sentence, cues, found, in_quote)
    # The full pattern backtracks over capitalized words; its tail ("’s assertion") is cheap
    # to look for, and without it there is no match.
    possessed = possessive and _POSSESSED_TAIL.search(sentence) is not None
    for m in _POSSESSED.finditer(sentence) if possessed else ():
        if in_quote(m.start()) or not (
            _POSSESSED_CONTENT.match(sentence, m.end(2))
            or NP_CLAUSE_NEXT.match(sentence, m.end(2))
            or CLAUSE_NEXT.match(sentence, m.end(2))
        ):
            # "hard to prove Ruiz's allegations due to …": the noun names the claim but
            # states none of it.
            continue
        if _CALLING_BEFORE.search(sentence, max(0, m.start(1) - 24), m.start(1)):
            # "Kyiv called Moscow's claims \"absurd\"": the quote is the caller's label for
            # the claims, not what they state.
            continue
        found.append(_nominal(sentence, m.start(1), m.end(1), m.start(2), m.end(2)))
    sourced = "that" in sentence and (" from " in sentence or " by " in sentence)
    for m in _NOMINAL_SOURCE.finditer(sentence) if sourced else ():
        source = 3 if m.group(3) else 2
        if in_quote(m.start()) or not _plausible_source(m.group(source)):
            continue
        att = _nominal(sentence, m.start(source), m.end(source), m.start(1), m.end())
        att.deniable = True
        found.append(att)
    for m in _REPORTS.finditer(sentence) if reports else ():
        # ("traded accusations that …": the noun is part of a cue already read.)
        if in_quote(m.start()) or any(
            a.cue_start <= m.start(1) < max(a.cue_end, a.cue_start + 1) for a in found
        ):
            continue
        if _CORRESPONDENT_BEFORE.search(sentence, max(0, m.start() - 60), m.start()):
            # "VOA's Brian Wagner reports that …": the verb of the story's own correspondent.
            continue
        found.append(_nominal(sentence, m.start(1), m.end(1), m.start(1), m.end()))
    for m in _THERE_REPORTS.finditer(sentence) if there else ():
        if in_quote(m.start()) or any(a.cue_start == m.start(1) for a in found):
            continue
        found.append(_nominal(sentence, m.start(1), m.end(1), m.start(1), m.end()))
    for m in _RUMORS.finditer(sentence) if rumors else ():
        g = 1 if m.group(1) else 2
        if in_quote(m.start()) or any(a.cue_start == m.start(g) for a in found):
            continue
        found.append(_nominal(sentence, m.start(g), m.end(g), m.start(g), m.end()))
    by_accounts = _BY_ACCOUNTS.match(sentence) if "ccounts" in sentence else None
    if by_accounts is not None and not found:
        # "By some accounts, there may be hundreds more": the accounts are the source.
        found.append(
            _nominal(
                sentence,
                by_accounts.start(1),
                by_accounts.end(1),
                by_accounts.start(),
                by_accounts.end(),
            )
        )
    found.sort(key=lambda a: a.cue_start)
    return found


def _read_around(sentence: str, att: Attribution) -> None:
    """A source inside the clause it reports ("The army, according to two officials, has
    pulled back"): its content is the whole clause, from the subject before the source to
    the end of the predicate after it. The source stays inside the span, since a content is
    always one verbatim stretch of its sentence; read alone, either side is wrong."""
    speaker_end = att.speaker_start + len(att.speaker)
    if sentence[att.speaker_start : speaker_end] != att.speaker:
        speaker_end = att.speaker_start
    frame = fronted_subject(
        sentence, min(att.speaker_start, att.cue_start), speaker_end, att.cue_end, att.cue
    )
    if frame is not None:
        att.content_start, _subject_end, predicate = frame
        att.content_end = clause_end(sentence, predicate, False)


# "By some accounts, …", "By most accounts, …": a sentence that opens on its sources.
_BY_ACCOUNTS = re.compile(
    r"\s*[Bb]y\s+((?:some|many|most|several|other|all|official|independent|local|witness|"
    r"government|police)\s+accounts)\s*,"
)


def _quote_opening_source(
    sentence: str, start: int, end: int, kind: str, quoted: Sequence[tuple[int, int]]
) -> Attribution | None:
    """'"One of my first officers on the scene said it had been on this side"': a quote
    that opens on a third party's words passes them on, so that party is a source too."""
    low = sentence[start:end].lower()
    if kind != "verb" or low not in _QUOTE_OPENING_VERBS:
        return None
    q_start = max((q for q, q_end in quoted if q < start < q_end), default=-1)
    if q_start < 0 or not _OPENING_NP.fullmatch(sentence, q_start + 1, start):
        return None
    att = _attribute(sentence, start, end, kind, [])
    if att is None or sentence[q_start + 1 : att.speaker_start].strip(" “\"'‘"):
        return None
    att.in_quote = True
    return att


_QUOTE_OPENING_VERBS = frozenset("said says told tells".split())
# A noun phrase opening a quote, capitalized and no pronoun of the quote's own speaker.
_OPENING_NP = re.compile(
    r"\s*(?!(?:I|We|You|He|She|They|It|This|That|What|Nobody|No one)\b)[A-Z][\w’'\-]*"
    r"(?:\s+[\w’'\-]+){0,7}\s+"
)


_WHO_BEFORE = re.compile(r"(,\s*)?\bwho\s+(?:\w+ly\s+)?$")
_DOCUMENT_THAT_BEFORE = re.compile(r"\b(?:" + _alt(DOCUMENT_NOUNS) + r")\s+that\s+$")


def _embedded_source(
    sentence: str, start: int, end: int, kind: str, outer: Attribution, found: list[Attribution]
) -> None:
    """A cue inside an earlier attribution's span is usually the source's own wording
    ("said … indicated"), with two exceptions of relative clauses:

    - "criticized a column by X, who wrote that …": a non-restrictive relative is the
      report's own description of X, so X is a second source;
    - "Militants who say they are linked to X claim …": the first cue sat in a relative
      clause of the subject, and the later cue is the main verb whose subject covers it.
    """
    if outer.cue == "According to" and kind in _VERB_KINDS:
        # "According to news reports, the memo says …": the memo is the source the reports
        # pass on, and the one the sentence quotes; the claim is still hearsay.
        att = _attribute(sentence, start, end, kind, [])
        if att is not None and att.speaker_start == outer.content_start:
            found.remove(outer)
            found.append(att)
        return
    if (
        kind == "verb"
        and outer.cue in _CLOSING_VERBS
        # ("Chosun Ilbo, a newspaper in South Korea, first reported …": the outlet said so.)
        and (
            _RELAYING.search(outer.speaker)
            or (
                outer.cue_start - outer.speaker_start < 90
                and _RELAYING.search(sentence, outer.speaker_start, outer.cue_start)
            )
        )
    ):
        # "Iranian state media said Ali Larijani told parliament the claims were baseless":
        # an outlet relays a named person's words, and that person is the source.
        att = _attribute(sentence, start, end, kind, [])
        if (
            att is None
            or is_pronoun(att.speaker)
            or not _RELAYED_START.fullmatch(sentence, outer.content_start, att.speaker_start)
        ):
            return
        if att.speaker[:1].isupper() and not _UNNAMED_RELAYED.match(att.speaker):
            found.remove(outer)
        # "Reuters reported Wednesday that regional authorities said …", "The Associated
        # Press reports that an anonymous source … told their reporter …": a source the
        # outlet does not name speaks only through the outlet, which vouches for it, so
        # both are sources of the sentence.
        found.append(att)
        return
    if _DOCUMENT_THAT_BEFORE.search(sentence, max(0, start - 40), start) is not None:
        # "criticizing a study that said rats developed tumors": the study is a second
        # source, and what it said is its claim.
        att = _attribute(sentence, start, end, kind, found)
        if att is not None and att.speaker_start >= outer.content_start:
            found.append(att)
        return
    if kind == "verb" and sentence[start:end].lower() in _MAIN_SAYING:
        # "The FBI says it was working with Google and Washington also announced it was
        # investigating": a new subject after "and" opens a clause of its own.
        att = _attribute(sentence, start, end, kind, found)
        if att is not None and " and " in att.speaker and att.speaker[:1].islower():
            # The phrase found reaches back into the clause before: "the latest alleged
            # attack and Washington" — the subject is what follows "and".
            cut = att.speaker.rindex(" and ") + 5
            att.speaker, att.speaker_start = att.speaker[cut:], att.speaker_start + cut
        if (
            att is not None
            and (
                (
                    att.speaker[:1].isupper()
                    and sentence[: att.speaker_start].rstrip().endswith(" and")
                )
                # "The army says it controls all of Chad, but rebels say they still control
                # …": after a comma, a conjunction and people who speak open a clause.
                or (
                    _people_phrase(att.speaker)
                    and sentence[: att.speaker_start].rstrip().endswith((", and", ", but"))
                )
            )
            and not is_pronoun(att.speaker)
            and att.speaker_start > outer.content_start
        ):
            outer.content_end = min(outer.content_end, sentence.rfind(" and", 0, att.speaker_start))
            found.append(att)
            return
    if kind == "verb":
        att = _attribute(sentence, start, end, kind, [])
        sub = (
            _SUBORDINATOR_BEFORE.search(sentence, max(0, att.speaker_start - 12), att.speaker_start)
            if att is not None and att.speaker_start > outer.content_start
            else None
        )
        if att is not None and sub is not None and not is_pronoun(att.speaker):
            # "said it is seeking clarification after a Serbian official said that …": the
            # report's own clause of time or cause, whose source speaks for itself.
            outer.content_end = min(outer.content_end, len(sentence[: sub.start()].rstrip(" ,")))
            found.append(att)
            return
    if _WHO_BEFORE.search(sentence, max(0, start - 30), start) is not None:
        m = _WHO_BEFORE.search(sentence, max(0, start - 30), start)
        if m is not None and m.group(1):
            att = _attribute(sentence, start, end, kind, found)
            if att is not None and att.speaker_start >= outer.content_start:
                found.append(att)
        return
    if _WHO_BEFORE.search(sentence, max(0, outer.cue_start - 30), outer.cue_start) is None:
        return
    att = _attribute(sentence, start, end, kind, [])
    if att is not None and att.speaker_start <= outer.speaker_start < outer.cue_start < start:
        found.remove(outer)
        found.append(att)


def _people_phrase(phrase: str) -> bool:
    """A lower-case phrase for people or bodies that speak ("rebels", "the local residents")."""
    words = phrase.split()
    return words[-1] in _GAP_PLURALS or (len(words) > 1 and words[-1] in _GAP_SINGULARS)


# A clause of time or cause whose subject is a second source ("… after a Serbian official").
_SUBORDINATOR_BEFORE = re.compile(r"\b(?:after|before|when|while|since|because|until)\s+$")
# Outlets that pass on what others said ("state media", "the official news agency, IRNA").
_RELAYING = re.compile(
    r"\b(?:media|agency|television|TV|radio|newspaper|paper|daily|broadcaster|outlet|website"
    # The wire services, named without a noun of their kind.
    r"|Associated\s+Press|Presse|Reuters|Xinhua|Interfax|Bloomberg)\b"
    r"|^[A-Z]{3,6}$",
    re.IGNORECASE,
)
# Between the outlet's verb and the person it quotes: nothing, or "that" and a day, in
# either order ("reported Wednesday that").
_RELAYED_START = re.compile(
    r"\s*(?:(?:on\s+)?[A-Z][a-z]+day\s+(?=that\b))?"
    # ("first reported in August that", "reported last week that": a time before "that".)
    r"(?:(?:in\s+[A-Z][a-z]+|last\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year))\s+"
    r"(?=that\b))?"
    r"(?:that\s+)?(?:(?:on\s+)?[A-Z][a-z]+day\s+)?"
)
# A relayed source the outlet does not name, though capitalized at the start of a clause.
_UNNAMED_RELAYED = re.compile(
    r"(?:An?|One|Some|Several|Two|Three|Local|Regional|Government|Police|Military)\b"
    r"|[A-Z][a-z]+\s+(?:officials|sources|authorities|witnesses|residents)\b"
)
# Finite verbs of saying that head a main clause of their own after "and".
_MAIN_SAYING = frozenset(
    "said says say announced announces announce told tells tell insisted insists insist warned "
    "warns warn added adds".split()
)
_CLOSING_VERBS = frozenset(
    {"said", "says", "told", "tells", "added", "adds", "wrote", "reported", "reports"}
)


def _prefer_closing_source(
    sentence: str,
    cues: list[tuple[int, int, str]],
    found: list[Attribution],
    in_quote: Callable[[int], bool],
) -> None:
    """ "Turkey expects a deal within days, the foreign minister said on Wednesday.": the
    source that closes the sentence speaks the whole clause before it, so an earlier cue in
    that clause ("expects") is the minister's wording, not a second source."""
    start, end, kind = cues[-1]
    word = sentence[start:end].lower()
    according = kind == "according"
    if (
        (word not in _CLOSING_VERBS and not according)
        or in_quote(start)
        or any(a.cue_start == start for a in found)
    ):
        return
    att = _attribute(sentence, start, end, kind, [])
    if att is None or att.content_end > att.speaker_start or att.content_start > found[0].cue_start:
        return
    if according:
        # "… received a tip saying the road was mined, according to the statement.": the
        # source that closes the sentence reports all of it, the participle's noun too; a
        # subject that opens the sentence ("The minister said …, according to a transcript")
        # keeps its own claim.
        if sentence[att.speaker_start + len(att.speaker) :].strip(" .”\"'’)"):
            return
        embedded = [
            a for a in found if a.cue_start < start and not a.nominal and a.speaker_start > 0
        ]
        if not embedded or len(embedded) < len(found):
            return
    else:
        embedded = [a for a in found if a.cue_start < att.speaker_start and not a.nominal]
    if not embedded or any(a.speaker_start < att.content_start for a in embedded):
        return
    for a in embedded:
        found.remove(a)
    found.append(att)


def _plausible_source(phrase: str) -> bool:
    """A source noun phrase: a name, or a role or group noun at its end ("rights groups")."""
    words = phrase.split()
    last = words[-1].lower()
    return speaker_has_head(phrase) and (
        any(w[:1].isupper() for w in words)
        or last in ROLE_HEADS
        or last in ANONYMOUS_HEADS
        or last.rstrip("s") in ROLE_HEADS
    )


def _nominal(sentence: str, s_start: int, s_end: int, c_start: int, c_end: int) -> Attribution:
    content = content_after(sentence, c_end)
    return Attribution(
        speaker=sentence[s_start:s_end],
        speaker_start=s_start,
        cue=sentence[c_start:c_end],
        cue_start=c_start,
        cue_end=c_end,
        content_start=content,
        content_end=clause_end(sentence, content, False),
        nominal=True,
    )


def _attribute(
    sentence: str, start: int, end: int, kind: str, earlier: list[Attribution]
) -> Attribution | None:
    """The attribution the cue ``sentence[start:end]`` of ``kind`` makes, or None.

    The order of the steps is part of the rules: the kinds read by their own frame (a call,
    the quoting frames, "according to", a passive "by"); the verb gates; a participle or a
    coordinated verb speaking for an earlier subject; a speaker found before the cue, or
    after it in an inversion; the speaker gates; and last the content the speaker reports.
    """
    word = sentence[start:end]
    low = word.lower()
    after = sentence[end:]
    if kind == "called" and (
        not reports_a_call(after)
        or negated_before(sentence, start)
        # "Harf repeated U.S. calls for the release": a noun, the object of "repeated".
        or (low == "calls" and takes_account_before(sentence, start))
    ):
        # "has not called for talks", "never called the vote fair": a call not made is no
        # one's words, as with the verbs of saying below.
        return None
    if kind in {"reproach", "stanceact", "asverb"} and sentence[:start].endswith(" to "):
        # "called it unacceptable for Google to blame China", "refused to condemn": an
        # infinitive has no subject before it that speaks.
        return None
    if kind == "quoted":
        return _quoted_subject(sentence, start, end, word)
    if kind == "quotedas":
        return _quoted_object(sentence, start, end)
    if kind == "asverb" and as_starts_clause(after):
        return None
    if kind == "stanceact" and _SAYING_AFTER.match(after):
        # "The union welcomed the ruling, saying it protected workers": the participle says
        # what the stance is, and speaks for the same subject.
        return None
    needs_postposed = False
    before_cue = sentence[max(0, start - 40) : start]
    if kind in _VERB_KINDS:
        gap = _gap_relative(sentence, start, end, word, low)
        if gap is not None:
            return gap
        raised = raised_saying(sentence, start, end, low)
        if raised is not None:
            return _raised_attribution(sentence, start, raised)
        # An appeal ("advised them to close") carries its own infinitive, not a clause.
        if kind not in {"charge", "appeal"} and no_clause_after(sentence, end, low, after):
            # "…, the newspaper reported on Monday." reports the clause before it.
            inverted = (
                _inverted_said(sentence, start, end, word, low)
                if low in _INVERTED_VERBS and not _REPORTS_THEN_SAID.match(sentence, end)
                else None
            )
            if inverted is not None:
                # "…, reports the Committee to Protect Journalists.": the source after it.
                return inverted
            if not adverbial_tail(sentence, end):
                return None
            needs_postposed = True
        if not_a_saying_verb(sentence, start, low, after, before_cue):
            return None
    if kind == "according":
        return _according(sentence, start, end, word)
    if kind == "passive":
        return _passive_agent(sentence, start, end, word, after)
    if _speaks_for_earlier_subject(sentence, start, low):
        if needs_postposed:
            # "… and agreed to continue meeting": no clause of its own is reported.
            return None
        return _inherited_attribution(sentence, start, end, word, earlier)
    speaker = speaker_before(sentence, start)
    if (
        speaker is not None
        and low.endswith("ing")
        and (
            _PERFECT_BEFORE.search(sentence, max(0, speaker.start - 12), speaker.start)
            or any(w in _ISSUE_VERBS for w in sentence[speaker.start : speaker.end].split()[1:])
        )
    ):
        # "human rights groups have published dozens of reports claiming …", "The group
        # released written testimony saying …": the phrase holds the verb and its object,
        # not only a subject ("Published reports say" is one); the documents are their
        # publisher's.
        speaker = _bare_document_issuer(sentence, start) or speaker
    if speaker is None and low.endswith("ing"):
        speaker = _bare_document_issuer(sentence, start)
    if speaker is None and low.endswith("ing"):
        absolute = _with_absolute_subject(sentence, start, end, word)
        if absolute is not None:
            return absolute
    if speaker is None:
        return _inverted_said(sentence, start, end, word, low)
    if _COMMA_ONLY.fullmatch(sentence, speaker.end, start):
        if _REDUCED_PASSIVE.match(sentence, end):
            # "The new law, said to be the strictest in Europe, takes effect": a passive
            # with no one saying it; the law says nothing.
            return None
        # "The convoy, said a spokesman, was turned back": the inverted source sits inside
        # the clause it reports (its speaker right after the verb), and the subject before
        # its comma is the clause's.
        inside = speaker_after(sentence, end) if low in _INVERTED_VERBS else None
        if (
            inside is not None
            and not sentence[end : inside.start].strip()
            and fronted_subject(sentence, start, inside.end, end, word)
        ):
            return _spoken_by(
                sentence, inside, word, start, end, end, clause_end(sentence, end, False)
            )
    speaker = _gated_speaker(sentence, start, low, kind, speaker, before_cue, needs_postposed)
    if speaker is None:
        return None
    return _spoken_content(sentence, start, end, word, low, speaker)


def _gap_relative(sentence: str, start: int, end: int, word: str, low: str) -> Attribution | None:
    """ "photos it says were taken in Cabo Delgado", "charges he says are politically
    motivated", "evidence he says is proof that …": a relative clause whose subject is the
    noun before the pronoun, with the verb of saying between; the pronoun speaks, and what
    it says is the rest of the clause."""
    if low not in _GAP_VERBS or _GAP_PREDICATE.match(sentence, end) is None:
        return None
    before = _GAP_BEFORE.search(sentence, max(0, start - 40), start)
    speaker = (
        Span(before.start(2), before.end(2))
        if before is not None and before.group(1).lower() not in _NOT_GAP_NOUNS
        else _gap_noun_subject(sentence, start)
    )
    if speaker is None:
        return None
    return _spoken_by(sentence, speaker, word, start, end, end, clause_end(sentence, end, True))


def _gap_noun_subject(sentence: str, start: int) -> Span | None:
    """ "an incident Iranian officials said happened over its territory", "a convoy the
    rebels say was carrying food", "a man witnesses said had thrown the first stone": the
    relative clause's subject is a noun phrase, not a pronoun. It is the speaker from a
    lower-case head noun on: capitalized words (a body, a nationality) with or without
    "the", ending on a name or a plural noun for people who speak; a verb of saying right
    before the clause's own verb shows the gap."""
    words = list(_GAP_WORD.finditer(sentence, max(0, start - 60), start))
    if len(words) < 2 or words[-1].end() != start - 1 or sentence[start - 1] != " ":
        return None
    last = words[-1].group()
    if not (
        last[:1].isupper()
        or last in _GAP_PLURALS
        # "dead bodies the group claims is a result of the attack": a singular head after
        # "the" points back to a body or person named before.
        or (last in _GAP_SINGULARS and words[-2].group() == "the")
    ):
        return None
    k = len(words) - 1
    while (
        k > 0
        and len(words) - k < 4
        and (words[k - 1].group()[:1].isupper() or words[k - 1].group() in _GAP_MODIFIERS)
    ):
        k -= 1
    if k > 0 and words[k - 1].group() == "the":
        k -= 1
    if k == 0 or not words[k].group()[:1].isalpha():
        return None
    head = words[k - 1].group()
    gap = sentence[words[k - 1].end() : words[k].start()]
    if gap != " " or not head.isalpha() or not head.islower() or head in _NOT_GAP_HEADS:
        return None
    return Span(words[k].start(), words[-1].end())


_GAP_VERBS = frozenset("says said say claims claimed alleges alleged believes believed".split())
# A noun, then the pronoun right before the verb ("photos it says").
_GAP_BEFORE = re.compile(r"\b([A-Za-z][\w\-]*)\s+(he|she|it|they|we)\s+$")
# Words before the pronoun that make it no relative clause's subject: a clause opens there.
_NOT_GAP_NOUNS = frozenset(
    "and but or because so if when as that than while although though since after before "
    "until where whether said says told".split()
)
_GAP_WORD = re.compile(r"[A-Za-z][\w.\-’']*")
# Plural nouns for people and bodies that say things ("witnesses", "the rebels").
_GAP_PLURALS = (
    ANONYMOUS_HEADS
    | FORCE_PLURALS
    | BODY_PLURALS
    | frozenset(f"{noun}s" for noun in PERSON_NOUNS)
    | {"police", "officials"}
) - {"reports", "report", "accounts", "documents", "memo", "speculation", "someone"}
_GAP_SINGULARS = BODY_HEADS | GROUP_HEADS | ROLE_HEADS | PERSON_NOUNS
# Lower-case words inside such a phrase ("U.S. military officials", "local residents").
_GAP_MODIFIERS = frozenset(
    "local senior top military security government intelligence foreign western state "
    "federal opposition rebel rights human".split()
)
# Words a relative clause's head noun is not: the phrase after them is no relative clause.
_NOT_GAP_HEADS = _NOT_GAP_NOUNS | frozenset(
    "the a an of in on at to for from by with about against into than is are was were "
    "has have had be been who which whom".split()
)
# The verb that follows: the relative clause's own, with the noun before the pronoun as its
# subject.
_GAP_PREDICATE = re.compile(
    r"\s+(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|"
    r"showed|shows|show|proved|proves|constitute|constitutes|amounted|amounts|came|comes|"
    r"happened|happens|occurred|occurs|took|takes|began|begins)\b"
)


def _quoted_subject(sentence: str, start: int, end: int, word: str) -> Attribution | None:
    """ "The minister was quoted as saying …", "was cited by a local paper as saying": the
    subject before the auxiliary is the one quoted, and speaks."""
    quoted_speaker = speaker_before(sentence, start)
    if quoted_speaker is None:
        return None
    content = content_after(sentence, end, "said")
    return _through_clause(
        sentence,
        sentence[quoted_speaker.start : quoted_speaker.end],
        quoted_speaker.start,
        word,
        start,
        end,
        content,
    )


def _according(sentence: str, start: int, end: int, word: str) -> Attribution | None:
    """ "The talks stalled, according to two diplomats": the clause before the source is
    attributed; "According to X, Y": the main clause after it."""
    speaker = speaker_after(sentence, end)
    if speaker is None:
        return None
    bare = _BARE_SOURCE.match(sentence, end) if not sentence[:start].strip() else None
    if bare is not None and "," not in sentence[end : speaker.end]:
        # "According to incoming reports police forces opened fire …": no comma after the
        # source, whose plural head noun ends it.
        source = Span(bare.start(1), bare.end(1))
        content_start = bare.end()
        return _spoken_by(
            sentence,
            source,
            word,
            start,
            end,
            content_start,
            clause_end(sentence, content_start, False),
        )
    if _REPORTING_FOR.match(sentence, speaker.end):
        # "…, according to Chris Stein, reporting for VOA from Conakry": the outlet's own
        # correspondent tells the story; the words are narration, not a source's.
        return None
    content_start, content_end = dateline_end(sentence), start
    if not sentence[content_start:start].strip(" ,"):
        # "According to X, Y": the main clause after the source is what is attributed.
        comma = re.match(r"\s*,\s*", sentence[speaker.end :])
        if comma is None:
            return None
        content_start = speaker.end + comma.end()
        content_end = clause_end(sentence, content_start, False)
    else:
        content_end = len(sentence[:start].rstrip(" ,"))
    return _spoken_by(sentence, speaker, word, start, end, content_start, content_end)


# A source of common nouns after a sentence-opening "According to" with no comma after it.
_BARE_SOURCE = re.compile(
    r"\s+((?:(?:the|some|many|several|local|state|incoming|unconfirmed|initial|early|news|"
    r"police|hospital|military|government|eyewitness)\s+){0,2}(?:reports|witnesses|residents|"
    r"sources|officials|media|activists|authorities|analysts|observers|monitors|medics|doctors))"
    r"\s+(?=[A-Za-z])(?!(?:in|at|from|of|on|for|with|who|close|familiar|said|say)\b)"
)


def _passive_agent(
    sentence: str, start: int, end: int, word: str, after: str
) -> Attribution | None:
    """ "The deal is seen by analysts as a lifeline", "is considered by the opposition to be
    …": the agent after "by" holds the whole sentence to be so. Only a name or a phrase
    opening like a group ("the", "many", "analysts", …) is an agent."""
    m = re.match(r"(.+?)(?=\s+(?:as|to)\b|[,.;]|$)", after)
    if not m or (
        not m.group(1)[:1].isupper() and m.group(1).split()[0].lower() not in _AGENT_OPENERS
    ):
        return None
    s_start = end
    s_end = end + len(m.group(1))
    return Attribution(
        sentence[s_start:s_end], s_start, word, start, end, 0, len(sentence.rstrip())
    )


def _spoken_by(
    sentence: str,
    speaker: Span,
    cue: str,
    cue_start: int,
    cue_end: int,
    content_start: int,
    content_end: int,
    subordinate: bool = False,
) -> Attribution:
    """An attribution to the phrase ``speaker`` marks in ``sentence``."""
    return Attribution(
        sentence[speaker.start : speaker.end],
        speaker.start,
        cue,
        cue_start,
        cue_end,
        content_start,
        content_end,
        subordinate=subordinate,
    )


def _through_clause(
    sentence: str,
    speaker: str,
    speaker_start: int,
    cue: str,
    cue_start: int,
    cue_end: int,
    content: int,
) -> Attribution:
    """An attribution whose content runs from ``content`` to the end of its clause, as most
    frames report it ("said the plan would go ahead", "is reported to accuse …")."""
    return Attribution(
        speaker,
        speaker_start,
        cue,
        cue_start,
        cue_end,
        content,
        clause_end(sentence, content, False),
    )


_ADVERB_LAST = re.compile(r"(?<=[\s,])[a-z]+ly$")
# A subordinate clause's subject and first verb, then "and" right before the cue.
_SUBORDINATE_SUBJECT = re.compile(
    r"\b(?:when|after|before|because|while|since|until|once)\s+(he|she|they|we|I|"
    r"(?:[A-Z][\w’'\-]+\s+){0,2}[A-Z][\w’'\-]+)\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)\b[^,;:.]{0,120}?"
    r"\s(?:and|but)\s+(?:\w+ly\s+)?$"
)
# ("We join the families who are suffering, the rights defenders, and those who share our
# concern in calling for …": the others joined may be listed at length.)
_JOINED_IN = re.compile(r"\bjoin(?:ed|s|ing)?\s+(?:[\w’'.\-]+,?\s+){1,24}?in$")
_COORDINATED = re.compile(
    r"\s(?:and|but)(?:\s+(?:has|have|had))?(?:\s+(?:also|later|then|earlier|[a-z]+ly))?$"
)


def coordinated_before(sentence: str, start: int) -> bool:
    """Whether the verb at ``start`` is joined by "and" or "but" to a verb before it ("…
    and later said …", "…, and dismissed its claims"), and so shares that verb's subject."""
    return _COORDINATED.search(sentence[:start].rstrip()) is not None


def _speaks_for_earlier_subject(sentence: str, start: int, low: str) -> bool:
    """Whether the cue is a participle ("The union welcomed the ruling, saying …") or a
    verb coordinated with "and" ("… and said …"), which speak for a subject named before."""
    before = sentence[:start].rstrip()
    if low.endswith("ing"):
        # ", immediately criticizing …": an adverb before the participle changes nothing.
        adverb = _ADVERB_LAST.search(before)
        if adverb is not None:
            before = before[: adverb.start()].rstrip()
    participle = low.endswith("ing") and (
        before.endswith(",")
        or before.endswith(" by")
        or before.endswith(" and")
        # "Beijing imposed the duty after claiming that …": the main subject claimed it.
        or before.endswith((" after", " before", " while", " when", " since"))
        # "… joined other world powers in urging …": joining others in it, the subject's.
        or _JOINED_IN.search(before) is not None
    )
    # "… but said earlier that …", "… and later said …": the conjunction, perhaps with one
    # adverb of time or manner after it, joins a second verb of the same subject.
    coordinated = _COORDINATED.search(before) is not None
    return participle or coordinated


def _inherited_attribution(
    sentence: str, start: int, end: int, word: str, earlier: list[Attribution]
) -> Attribution | None:
    """ "Ruiz said the port would close, adding that …", "The union welcomed the ruling,
    saying …": the participle or coordinated verb speaks for the last speaker found, or else
    for the sentence's subject."""
    clause = (
        None
        if earlier or word.endswith("ing")
        else _SUBORDINATE_SUBJECT.search(sentence, max(0, start - 200), start)
    )
    inherited = (
        (earlier[-1].speaker_start, earlier[-1].speaker)
        if earlier
        # "… last heard June 12, when he called a network and said he was on the mend": the
        # subject of the subordinate clause whose second verb this is.
        else (clause.start(1), clause.group(1))
        if clause is not None
        else _second_clause_subject(sentence, start) or participle_subject(sentence)
    )
    if inherited is not None:
        s_start, s_text = inherited
        content = content_after(sentence, end, word)
        return _through_clause(sentence, s_text, s_start, word, start, end, content)
    return None


def _second_clause_subject(sentence: str, start: int) -> tuple[int, str] | None:
    """ "…, but the State Department did expel two diplomats in May, saying …": a participle
    after a second clause joined by a comma and a conjunction speaks for that clause's own
    subject, not the sentence's."""
    found = None
    for m in _SECOND_CLAUSE.finditer(sentence, 0, start):
        found = m
    if (
        found is None
        or found.group(2) in _NOT_A_VERB_AFTER
        or "," in sentence[found.end() : start - 2]
    ):
        return None
    return found.start(1), found.group(1)


# ", but the State Department did expel …": a comma, a conjunction, a named subject and a
# lower-case verb.
_SECOND_CLAUSE = re.compile(
    r",\s+(?:but|and|while|whereas)\s+((?:the\s+)?(?:[A-Z][\w’'.\-]*\s+){0,4}[A-Z][\w’'.\-]*)"
    r"\s+([a-z]+)\b"
)
_NOT_A_VERB_AFTER = frozenset(
    "of in on at for from to with by and or as who which that whose the a an".split()
)


def _bare_document_issuer(sentence: str, start: int) -> Span | None:
    """ "… and released written testimony saying …": a bare document before the participle
    is its issuer's."""
    doc = _BARE_DOCUMENT_BEFORE.search(sentence, max(0, start - 60), start)
    if doc is None:
        return None
    first = doc.group(1).split(maxsplit=1)[0]
    # ("have published reports claiming": the word before the noun is the issuing verb.)
    at = doc.start(1) + len(first) + 1 if first in _ISSUE_VERBS else doc.start(1)
    return document_issuer(sentence, at)


def _with_absolute_subject(sentence: str, start: int, end: int, word: str) -> Attribution | None:
    """ "…, with health experts saying most cases came from poultry": the subject of an
    absolute "with" clause speaks."""
    w = _WITH_SUBJECT.search(sentence, max(0, start - 80), start)
    if w is not None and speaker_has_head(w.group(1)):
        content = content_after(sentence, end, word)
        return _through_clause(sentence, w.group(1), w.start(1), word, start, end, content)
    return None


def _inverted_said(sentence: str, start: int, end: int, word: str, low: str) -> Attribution | None:
    """ ""…," said Ruiz": a speaker after the verb, with the quote or clause before it as
    the content."""
    opening = subject_with_who(sentence, start) if low in _INVERTED_VERBS else None
    if opening is not None:
        # "A U.S. official who declined to be identified, said Iran lied …": no inversion.
        return _spoken_by(
            sentence, opening, word, start, end, end, clause_end(sentence, end, False)
        )
    if (
        low in _INVERTED_VERBS
        # Inversion follows the quote or clause it reports (""…," said Ruiz"); a clause
        # after the cue ("Those who fled said the army …") is content, not a speaker.
        and sentence[:start].rstrip().endswith((",", "”", '"', "''", "—", "–", ":", "’"))
    ):
        speaker = speaker_after(sentence, end)
        if _CLAUSE_AFTER_CUE.match(sentence, end):
            # "UNHCR staff who interviewed the group, say it seems …": no inversion (a clause
            # follows the verb); the subject with its relative clause, before the comma, says it.
            relative = _SUBJECT_WITH_WHO.match(sentence[:start])
            if relative is None:
                return None
            who = Span(relative.start(1), relative.end(1))
            return _spoken_by(
                sentence, who, word, start, end, end, clause_end(sentence, end, False)
            )
        if speaker is not None:
            q_start, q_end = quote_before(sentence, start)
            return _spoken_by(sentence, speaker, word, start, end, q_start, q_end)
    return None


# Verbs a quote may put before their subject: '"…," said Ruiz', '"…," asserted Mr. Noor'.
_INVERTED_VERBS = frozenset(
    "said says say added adds wrote tweeted asserted asserts insisted insists explained "
    "explains noted notes declared declares replied replies responded responds countered "
    "counters continued continues warned warns argued argues stressed stresses claimed claims "
    "recalled recalls remarked remarks observed observes admitted admits acknowledged "
    "acknowledges conceded concedes complained complains reports reported".split()
)
_COMMA_ONLY = re.compile(r"\s*,\s*")
_REDUCED_PASSIVE = re.compile(r"\s+to\s+(?:be|have)\b")
_CLAUSE_AFTER_CUE = re.compile(r"\s+(?:it|they|he|she|we|there)\s+[a-z]+")
_SUBJECT_WITH_WHO = re.compile(r"\s*((?:[\w.’'\-]+\s+){1,4}?who\s+[^,]{3,80}?)\s*,\s*$")


_FRONTED_ADVERBIAL = re.compile(
    r"\s*(?:so\s+far|for\s+now|to\s+date|until\s+now|by\s+then|since\s+then|meanwhile|however|"
    r"instead|still|later|earlier|separately|in\s+(?:\w+\s+){0,2}\w+|on\s+\w+|last\s+\w+|"
    r"this\s+\w+|(?:late|early)\s+\w+|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|yesterday|today|tonight)(?:\s+(?:morning|afternoon|evening|night))?|"
    r"(?:on\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2})"
    r"\s*,\s*$",
    re.IGNORECASE,
)


_REPORTS_THEN_SAID = re.compile(
    r"\s*(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+)?"
    r"(?:said|say|says|suggested|suggest|indicated|indicate)\b"
)


_ARTICLES = frozenset("the a an".split())
_READ_QUOTE_AFTER = re.compile(r"(?:\s+in\s+part)?\s*[:,]?\s*[“\"]")


def _gated_speaker(
    sentence: str,
    start: int,
    low: str,
    kind: str,
    speaker: Span,
    before_cue: str,
    needs_postposed: bool,
) -> Span | None:
    """The speaker found before the cue, if it is one: None for what only looks like a
    subject ("It is certain that …", "Ruiz's claim that …", "No one … called for help"),
    the issuer for a document that speaks ("The agency released a statement saying …")."""
    if low == "reports" and not _named_reporter(sentence[speaker.start : speaker.end]):
        return None
    if low in {"reports", "reported"} and _OUTLET_CORRESPONDENT.match(
        sentence, speaker.start, speaker.end
    ):
        # "In Miami, VOA's Brian Wagner reports that …": the outlet's own correspondent
        # introducing the story, which is the report's narration, not a source's claim.
        return None
    if low == "report" and not _PLURAL_REPORTERS.fullmatch(sentence, speaker.start, speaker.end):
        # "Residents of the town report that …", "Monitors report …": a plural subject
        # makes "report" a verb; "the annual report says" has it as a noun.
        return None
    if low == "reports" and _REPORTS_THEN_SAID.match(sentence, start + len(low)):
        # "…, Kinshasa, reports Saturday said …": "reports" is the subject of "said".
        return None
    if "threat" in low and not can_act(
        sentence[speaker.start : speaker.end], not sentence[: speaker.start].strip()
    ):
        # "The crisis threatened to derail the talks": only people and bodies threaten.
        return None
    if kind == "stance" and sentence[speaker.start : speaker.end].lower() in {"it", "this", "that"}:
        # "It is certain that …": an expletive subject, no source.
        return None
    if before_cue.endswith((" to have ", " to have")):
        # "claims to have found the wreck": a perfect infinitive is what someone claims,
        # never the report's own verb of saying.
        return None
    spoken = sentence[speaker.start : speaker.end].split()
    if spoken and spoken[-1].lower() in _ARTICLES:
        # "Dismissing the claims as baseless, …": after an article the cue is a noun.
        return None
    if len(spoken) >= 2 and spoken[-1].isdigit() and spoken[-2].endswith(("’s", "'s")):
        # "Ruiz's 2019 claims to have …": a year between possessor and noun; the cue is
        # the noun, and nothing here speaks.
        return None
    if _POSSESSOR_THEN_WORDS.search(sentence[speaker.start : speaker.end]) and low in CLAIM_NOUNS:
        # "A Chinese researcher's surprise claim that …": the cue is a noun the possessor
        # owns, not a verb with a subject.
        return None
    if sentence[speaker.start : speaker.end].endswith(("’s", "'s", "s’", "s'")):
        # "Ruiz's claim that …": after a possessive the cue is a noun, read by the nominal
        # rule with Ruiz as its source.
        return None
    if kind == "document" and not is_document(sentence[speaker.start : speaker.end]):
        return None
    if low in {"read", "reads"} and not (
        _READ_QUOTE_AFTER.match(sentence, start + len(low))
        or sentence[: speaker.start].rstrip().endswith((",", "”", '"'))
    ):
        # "The statement read: …", '"…," the letter reads': a document read out is quoted;
        # "The report read like a novel" says nothing.
        return None
    if (low.split()[0].endswith("ing") or sentence[:start].endswith(" that ")) and (
        is_document(sentence[speaker.start : speaker.end])
        or _issued_head(sentence[speaker.start : speaker.end])
    ):
        # "The agency released a statement on Sunday saying …", "released a statement that
        # said …": the document is the agency's, so the agency speaks.
        issuer = document_issuer(sentence, speaker.start)
        if issuer is not None:
            speaker = issuer
    if _NO_ONE.match(sentence, speaker.start):
        # "No one on the plane called for help", "Nobody said …": nothing is attributed.
        return None
    if low.endswith("ed") and _WITH_ABSOLUTE.search(sentence, 0, speaker.start):
        # "With three quarters of the vote declared in Saturday's poll, …": a participle of
        # the absolute "with" phrase is passive; the vote declares nothing.
        return None
    if needs_postposed and not postposed(sentence, speaker.start):
        return None
    if needs_postposed and _FRONTED_ADVERBIAL.match(sentence[: speaker.start]):
        # "So far, five judges have ruled in his favor": a fronted adverbial before the
        # comma is no clause the speaker reports.
        return None
    return speaker


def _spoken_content(
    sentence: str, start: int, end: int, word: str, low: str, speaker: Span
) -> Attribution | None:
    """What a speaker before its cue reports: the quote or clause before a speaker that
    closes its sentence (""…," X told a news conference in Rome."), the predicate of a free
    relative ("what he said were war crimes"), or else the clause after the cue."""
    aim = TO_VERB.match(sentence, end) if low in {"hope", "hopes"} else None
    if (
        aim is None
        and postposed(sentence, speaker.start)
        and (
            adverbial_tail(sentence, end, word) or _quote_then_speaker(sentence, speaker, end, word)
        )
        # "On Tuesday, the ministry urged Kyiv to …": a time or place before the speaker's
        # comma is no clause it reports; what it urged follows the cue.
        and not _FRONTED_ADVERBIAL.match(sentence[: speaker.start])
    ):
        # ""…," X told a news conference in Rome." / "…, the ministry said on Friday.": the
        # clause or quote before the speaker is the content, not the audience or the time.
        q_start, q_end = quote_before(sentence, speaker.start)
        if q_end > q_start:
            return _spoken_by(sentence, speaker, word, start, end, q_start, q_end)
    if _WHAT_BEFORE.search(sentence, max(0, speaker.start - 8), speaker.start):
        return _what_predicate(sentence, start, end, word, speaker)
    if AUX_AFTER.match(sentence, end):
        relative = _RELATIVE_SUBJECT.search(sentence, max(0, start - 60), start)
        if relative is not None:
            return _relative_predicate(sentence, start, end, word, relative)
    return _clause_after_cue(sentence, start, end, word, speaker, aim)


def _quote_then_speaker(sentence: str, speaker: Span, end: int, word: str) -> bool:
    """A quote closing right before its speaker, with no clause of what was said after the
    verb: one who "told" someone (""… $500 billion back" Trump told reporters in the Oval
    Office when asked about a deal."), or a verb followed by a subordinate clause of its
    own ("he added as …"), speaks the quote, however long what follows."""
    if not sentence[: speaker.start].rstrip().endswith(("”", '"')):
        return False
    if _SUBORDINATE_AFTER.match(sentence, end):
        # '"Skiing has become popular," he added as skiers made their way up the slope':
        # the clause after the verb is when it was said, its own subordinate clause.
        return True
    return word.lower() in _TOLD and _CLAUSE_AFTER_TOLD.search(sentence, end) is None


_TOLD = frozenset({"told", "tells", "tell"})
_SUBORDINATE_AFTER = re.compile(
    r"\s+(?:(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|"
    r"today)\s+)?(?:as|while|when|whereas|after|before|because|since|amid|during|upon)\s",
    re.IGNORECASE,
)
_CLAUSE_AFTER_TOLD = re.compile(
    r"\b(?:that|is|are|was|were|has|have|had|will|would|could|can|should|may|might)\b"
)


def _what_predicate(
    sentence: str, start: int, end: int, word: str, speaker: Span
) -> Attribution | None:
    """ "… evidence of what he said were war crimes": the source's words are the predicate
    after the cue; "repeated what she said last week" attributes nothing."""
    be = _BE_NEXT.match(sentence, end)
    if be is None and word.lower() in {"called", "calls", "termed", "dubbed"}:
        # "protests continued due to what one resident called the "brutal crackdown"": the
        # name given is the source's words.
        return _through_clause(
            sentence, sentence[speaker.start : speaker.end], speaker.start, word, start, end, end
        )
    if be is None:
        return None
    content = be.start(1)
    return _through_clause(
        sentence, sentence[speaker.start : speaker.end], speaker.start, word, start, end, content
    )


def _relative_predicate(
    sentence: str, start: int, end: int, word: str, relative: re.Match[str]
) -> Attribution | None:
    """ "the election, which observers say was rigged", "a man who police said was armed":
    the source is the subject between the relative pronoun and the cue, and its words are
    the predicate after the cue, whose subject is the pronoun's noun."""
    source = relative.group(1)
    if not (is_pronoun(source) or speaker_has_head(source)):
        return None
    content = end + len(sentence[end:]) - len(sentence[end:].lstrip())
    return _through_clause(sentence, source, relative.start(1), word, start, end, content)


def _adverbial(stretch: str) -> bool:
    """Whether a stretch after "As X said" is an adverbial, not the clause it reports: no
    auxiliary or pronoun subject, and every determiner right after a preposition ("in
    reference to the war", "in a televised address", not "in January the army held …")."""
    words = [w.strip(",").lower() for w in stretch.split()]
    for i, word in enumerate(words):
        if word in _FINITE:
            return False
        if word in _DETERMINERS and i > 0 and words[i - 1] not in PREPOSITIONS:
            return False
    return True


def _clause_after_cue(
    sentence: str, start: int, end: int, word: str, speaker: Span, aim: re.Match[str] | None
) -> Attribution | None:
    """ "The minister said the plan would go ahead": where the clause after the cue starts
    and ends — within its own commas after a fronted subordinator ("Before the verdict, the
    lawyer declared …"), the main clause after "As the Secretary said,", and the quote or
    clause before the speaker when the cue ends the sentence (""…," she said.")."""
    lead = sentence[: speaker.start].strip().split()
    subordinate = bool(lead) and lead[-1].lower().strip(",") in _SUBORDINATORS
    content = content_after(sentence, end, word)
    if aim is not None:
        # "…, the engineers hope to add a lock": the aim after "to" is what is reported.
        content = aim.start(1)
    content_end = clause_end(sentence, content, subordinate)
    if subordinate and content > end:
        # "Hours before the jury announced its verdict, the lawyer declared …": what a
        # fronted clause reports ends at its own comma, even after an object skipped above.
        stop = clause_end(sentence, end, True)
        if stop < content:
            gap = sentence[end:stop]
            content, content_end = end + len(gap) - len(gap.lstrip()), stop
    # "As the Secretary said yesterday, X": only "as" reports the main clause after it.
    short = None
    if subordinate and lead[-1].lower() == "as":
        short = _SHORT_TO_COMMA.match(sentence, content)
        if short is None:
            longer = _ADVERBIAL_TO_COMMA.match(sentence, content)
            short = longer if longer is not None and _adverbial(longer.group(0)) else None
    if short is not None:
        # "As the Secretary said (yesterday), X": X, the main clause, is what is attributed.
        content = short.end()
        content_end = clause_end(sentence, content, False)
    if content_end <= content or content >= len(sentence.rstrip(' ."”’')):
        # Cue at the end (""…," she said."): the content is the quote or clause before it,
        # which a comma, quote mark or dash sets off; otherwise nothing is attributed
        # ("… to process insurance claims.").
        if not sentence[: speaker.start].rstrip().endswith((",", "”", '"', "''", "—", "–", ":")):
            return None
        content, content_end = quote_before(sentence, speaker.start)
    return _spoken_by(
        sentence, speaker, word, start, end, content, content_end, subordinate=subordinate
    )


_WITH_SUBJECT = re.compile(r"(?:^|,\s*)[Ww]ith\s+((?:[\w’'\-]+\s+){0,4}?[\w’'\-]+)\s+$")


_WHAT_BEFORE = re.compile(r"\b[Ww]hat\s+$")
# "the election, which observers say was rigged", "a man who police said was armed": the
# relative pronoun is the subject of the clause after the cue, so the source's words are
# that clause's predicate.
_RELATIVE_SUBJECT = re.compile(
    r"(?:^|[\s,])(?:which|who|that)\s+((?:[\w’'.\-]+\s+){0,6}?[\w’'.\-]+?)\s+"
    # ("which President Nazarbayev had promised would be free": the auxiliary is the verb's.)
    r"(?:(?:had|has|have|would|will|could|might|may)\s+)?$"
)
_BE_NEXT = re.compile(r"\s+((?:is|are|was|were|had\s+been|has\s+been|would\s+be|will\s+be)\s)")


def _named_reporter(speaker: str) -> bool:
    """ "The Daily Star", "Reuters", "the newspaper": a source that reports as a verb;
    "Unconfirmed reports", "Media reports" are the noun with its modifiers."""
    words = speaker.split()
    if len(words) == 2 and words[0].lower() == "the" and words[1] in _REPORTER_HEADS:
        return True
    if (
        2 <= len(words) <= 4
        and words[0].lower() == "the"
        and (words[-1] in _REPORTER_HEADS or words[-1] in GROUP_HEADS or words[-1] in BODY_HEADS)
    ):
        # "The rights group reports that …", "The health ministry reports": a body.
        return True
    if not words[-1][:1].isupper():
        return False
    if len(words) > 1:
        return words[0].lower() not in _REPORT_MODIFIERS
    low = words[0].lower()
    return low not in _REPORT_MODIFIERS and not low.endswith(_ADJECTIVE_ENDS)


# "VOA's Brian Wagner", "BBC's Ana Ruiz": an outlet's correspondent, by name.
_CORRESPONDENT = r"[A-Z]{2,6}[’']s\s+(?:[A-Z][\w.\-]*\s+){0,2}[A-Z][\w\-]*"
_OUTLET_CORRESPONDENT = re.compile(_CORRESPONDENT + "$")
_REPORTING_FOR = re.compile(r",\s+reporting\s+(?:for|from)\b")
_CORRESPONDENT_BEFORE = re.compile(r"\b" + _CORRESPONDENT + r"\s+$")
# A plural subject ending in its head noun ("Monitors", "Residents of Lowara Mandi").
_PLURAL_REPORTERS = re.compile(
    # (Matched whole from the speaker's start: "^" would only ever match at the sentence's.)
    # ("Local media also report …": a mass noun of reporters too.)
    r"(?:[A-Z][a-z]+s|(?:[\w\-]+\s+){0,3}(?:[a-z]+s|media|press|police))"
    r"(?:\s+(?:of|in|from|at)\s+[\w’'.\s\-]+)?"
)
_REPORTER_HEADS = frozenset(
    "newspaper paper agency broadcaster magazine daily website outlet channel station".split()
)
_REPORT_MODIFIERS = frozenset(
    """
    there media press news some several many most recent earlier previous new other
    conflicting further more these those such initial latest local foreign state official
    police court intelligence military hospital
    """.split()
)
_ADJECTIVE_ENDS = ("ed", "al", "ent", "ant", "ous", "ing", "ive", "ic", "ary", "ern", "ish")


_VERB_KINDS = frozenset(
    {
        "verb",
        "stance",
        "light",
        "refused",
        "figure",
        "callon",
        "appeal",
        "made",
        "reproach",
        "charge",
        "asverb",
        "stanceact",
        "document",
    }
)
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:(?:also|now|since|already)\s+)?$")
_BARE_DOCUMENT_BEFORE = re.compile(
    r"\b((?:(?:dozens|hundreds|scores|a\s+series|a\s+number)\s+of\s+)?(?:[a-z\-]+\s+)?"
    r"(?:" + _alt(DOCUMENT_NOUNS) + r"))\s+"
    r"(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+)?$"
)
_POSSESSOR_THEN_WORDS = re.compile(r"[’']s(?:\s+[a-z\-]+){1,2}$")
_WITH_ABSOLUTE = re.compile(
    r"(?:^|[,;]\s*)[Ww]ith\s+(?:(?:more|less|fewer)\s+than\s+|over\s+|about\s+|nearly\s+|"
    r"almost\s+|all\s+)?$"
)
_NO_ONE = re.compile(r"(?:no\s+one|nobody|none|neither|no)\b", re.IGNORECASE)
_DOC_HEAD_END = re.compile(r"\s+(?:of|from|by|on|in|into|for|at|with)\s")


# Verbs of putting out a document: their subject is the document's source.
_ISSUE_VERBS = frozenset(
    "issued issues released releases published publishes posted posts circulated circulates "
    "distributed distributes sent sends carried carries ran runs aired airs put puts "
    # "… showed reporters documents indicating that …": what one shows, one vouches for.
    "showed shows presented presents produced produces".split()
)
_LAST_WORD = re.compile(r"([\w’'\-]+)\s+(?:out\s+)?$")


def document_issuer(sentence: str, document_start: int) -> Span | None:
    """The subject of the verb that put out the document starting at ``document_start``."""
    m = _LAST_WORD.search(sentence, max(0, document_start - 30), document_start)
    if m is not None and m.group(1) == "In" and not sentence[: m.start(1)].strip():
        # "In a recent statement, the Chinese Embassy accused …": the sentence's subject.
        return sentence_subject(sentence)
    if m is None or m.group(1).lower() not in _ISSUE_VERBS:
        return None
    if sentence[: m.start(1)].rstrip().endswith(" and"):
        # "Zuckerberg met lawmakers and released written testimony saying …": the verb's
        # subject is the sentence's.
        return sentence_subject(sentence)
    return speaker_before(sentence, m.start(1))


# What a government issues that is no document speaking on its own: "issued a protest
# complaining about …", "sent a note demanding …". Only its issuer can speak through it.
_ISSUED_HEADS = frozenset("protest protests note notes appeal appeals warning warnings".split())


def _issued_head(speaker: str) -> bool:
    words = speaker.lower().split()
    return bool(words) and words[-1] in _ISSUED_HEADS


def is_document(speaker: str) -> bool:
    """ "a commission report", "The indictment", "findings of the inquiry": a document."""
    head = _DOC_HEAD_END.split(speaker, maxsplit=1)[0].split()
    if len(head) > 1 and head[-1].endswith("ed"):
        # "The report presented by the investigator": the participle after the head.
        head.pop()
    return bool(head) and head[-1].lower().strip(",") in DOCUMENT_NOUNS


def _quoted_object(sentence: str, start: int, end: int) -> Attribution | None:
    """ "The paper quoted two officials as confirming …": the quoted people speak.

    The one who quotes only passes their words on, so it gets no item of its own.
    """
    m = _QUOTED_OBJECT.match(sentence, end)
    if m is None:
        return None
    phrase = m.group(1)
    # ("The agency quoted her as saying …": an object pronoun, resolved as "she" is.)
    if not speaker_has_head(phrase) and phrase not in _OBJECT_PRONOUNS:
        return None
    content = content_after(sentence, m.end(), "said")
    return _through_clause(
        sentence, phrase, m.start(1), sentence[start : m.end()], start, m.end(), content
    )
