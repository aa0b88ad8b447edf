"""Find who speaks: the speaker noun phrase beside a cue, as offsets into its sentence.

News grammar puts the source right before the reporting verb ("Kremlin spokesperson Dmitry
Peskov described ..."), after it in inversions (", said Peres"), after "according to", or
in the possessive of a claim noun ("Zelensky's assertion that ..."). Scanning back from the
cue over clause boundaries, appositions and relative clauses recovers the phrase verbatim.
Tidying the phrase found (``speaker_names``) and judging its kind (``speaker_kinds``) live
apart: they read only the phrase's words, never the sentence around it. Where a phrase
scanned back from a point starts (``clause_chunks``) and which phrase of an apposition is the
name (``appositions``) have modules of their own, which this one imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefings.appositions import open_apposition, skip_appositions
from briefings.clause_chunks import BOUNDARY_PUNCT, BOUNDARY_WORDS, MAX_WORDS, chunk_back, is_word
from briefings.gazetteer import gazetteer
from briefings.lexicon import (
    AGENT_PLURALS,
    ANONYMOUS_HEADS,
    AUXILIARIES,
    BODY_HEADS,
    BODY_PLURALS,
    CLAUSE_VERBS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FORCE_PLURALS,
    GROUP_HEADS,
    LEADING_ADVERBIALS,
    LY_NOUNS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_HEADS,
    SMALL_NUMBERS,
    SUBJECT_PRONOUNS,
    TIME_WORDS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
    WEEKDAYS,
    word_pattern,
)
from briefings.segment import dateline_end

__all__ = ["Span", "speaker_after", "speaker_before", "speaker_has_head"]

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w[\w’'\-]*(?:\.\w[\w’'\-]*)*|--|''|[^\w\s]")
_PREMODIFIERS = frozenset(
    "so-called former new latest same other such alleged first last own main".split()
)
_WINDOW = 300
_NEAR = 120


_TRAILING_TIME = re.compile(
    r"\s(?:in|over|during)\s+(?:recent|the\s+past|the\s+last|past|the\s+coming)\s+(?:\w+\s+)?"
    r"(?:days|weeks|months|years)$"
)


@dataclass(frozen=True, slots=True)
class Span:
    """A speaker phrase as offsets into its sentence."""

    start: int
    end: int


def _toks(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    stop = len(text) if end is None else end
    return [(m[0], m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]


def _is_strippable(tok: str) -> bool:
    low = tok.lower()
    return (
        low in AUXILIARIES
        or low in TIME_WORDS
        or low in {"on", "last", "this", "next", "week", "earlier", "late", "early"}
        # "Critics even accuse", "The two camps each accused", "They both said", "I would
        # very strongly reject".
        or low in {"even", "too", "both", "all", "each", "very", "most", "so"}
        # "the opposition long complained", "has long argued".
        or low == "long"
        # "The minister has since said", "The minister meanwhile argued": adverbs between
        # a subject and its verb, without the commas that would set them off.
        or (low in {"since", "meanwhile", "instead", "however", "therefore"} and tok.islower())
        or (low.endswith("ly") and tok.islower() and low not in LY_NOUNS)
    )


def speaker_before(sentence: str, cue_start: int) -> Span | None:
    """The noun phrase that ends right before ``cue_start`` (the subject of the cue)."""
    if sentence.endswith((" were ", " was ", " are ", " is ", " been "), 0, cue_start):
        aux = _WHO_AUXILIARY.search(sentence, max(0, cue_start - 24), cue_start)
        if aux is not None:
            # "a strike by lawyers and teachers, who were demanding reforms": the relative
            # clause's verb with its auxiliary is read as "who demanded".
            return speaker_before(sentence, aux.start(1))
    window = max(0, cue_start - 60)
    comma = "," in sentence[window:cue_start]
    placed = _PLACE_BEFORE_CUE.search(sentence, window, cue_start) if comma else None
    if placed is not None and _one_place(placed):
        # "Richard Weitz, a Russia expert at the Hudson Institute in Washington, DC, said",
        # "an unnamed diplomat in Beijing, China said": the comma inside the place is no
        # apposition's; read the sentence without it (one character for one, so every
        # offset stays).
        at = placed.end(1)
        sentence = sentence[:at] + " " + sentence[at + 1 :]
    elif comma:
        named = _PLACE_NAMED_BEFORE_CUE.search(sentence, window, cue_start)
        if named is not None and named.group(2).lower() in gazetteer().places:
            # "Josette Sheeran, speaking from Somalia's capital, Mogadishu, said": a place
            # noun and the place's name are one place, not a description and a speaker.
            at = named.end(1)
            sentence = sentence[:at] + " " + sentence[at + 1 :]
    found = _phrase_before(sentence, cue_start)
    if (
        found is not None
        and sentence.endswith(("who ", "who  "), 0, found.start)
        # ("“terrorists” who he claimed attacked soldiers": a pronoun is a subject.)
        and sentence[found.start : found.end].split()[0].lower() not in SUBJECT_PRONOUNS
    ):
        # "A South Sudanese security expert and former government official who spoke to VOA
        # on condition of anonymity said": a subject too long for the window left only its
        # relative clause; the noun phrase before "who", back to the clause's start, speaks.
        who = sentence.rfind("who", 0, found.start)
        opening = max(sentence.rfind(mark, 0, who) for mark in (",", ";", ":", "(", "—", "“", '"'))
        start = opening + 1 if opening >= 0 else 0
        while start < who and sentence[start] == " ":
            start += 1
        if who - start > 2:
            return Span(start, found.end)
    if found is None and _FRONTED_SETTING.match(sentence):
        named = _NAME_AFTER_SETTING.search(sentence, 0, cue_start) or _PRONOUN_AFTER_SETTING.search(
            sentence, 0, cue_start
        )
        if named is not None and named.group(1).lower() not in gazetteer().demonyms:
            # ("… to respond to Iranian charges that …": a people's adjective is no name.)
            # "But during a speech on Monday Hun Sen rejected …", "In a speech Hun Sen
            # said …": a fronted setting with no comma; the name before the verb speaks.
            return Span(named.start(1), named.end(1))
    return found


def _phrase_before(sentence: str, cue_start: int) -> Span | None:
    last = sentence[max(0, cue_start - 40) : cue_start].rstrip()
    if last.endswith(("-", "–", "—")):
        aside = _DASH_ASIDE.search(sentence, max(0, cue_start - 240), cue_start)
        if aside is not None:
            # "The officials - who say they must disclose threats - said …": the subject
            # stands before the aside set off by dashes.
            return speaker_before(sentence, aside.start())
    if " in " in last or " at " in last or " during " in last or " on " in last or " for " in last:
        setting = _SETTING.search(sentence, max(0, cue_start - 120), cue_start)
        if setting is not None:
            # "Igor Kirillov, in a media briefing said …": where it was said stands between
            # the subject and the verb.
            return speaker_before(sentence, setting.start())
    if ", who " in sentence[max(0, cue_start - 160) : cue_start] and not last.endswith(" who"):
        aside = _WHO_ASIDE.search(sentence, max(0, cue_start - 160), cue_start)
        before = speaker_before(sentence, aside.start()) if aside is not None else None
        if before is not None and "," not in sentence[before.start : before.end]:
            # "Adel Emara, who spoke at Wednesday's news conference said …": a relative
            # clause between the name and its verb. (A name with appositions of its own,
            # "Panetta, a Democrat, and former …, who was appointed …, told", is read where
            # appositions are.)
            return before
    if last.endswith(" who"):
        found = _speaker_before(sentence, cue_start, last)
        who = (
            _WHO_RELATIVE.search(sentence, max(0, cue_start - 60), cue_start)
            if found is None or _QUOTING_VERB.search(sentence, found.start, found.end)
            else None
        )
        if who is not None:
            # "Machado met with prosecutors who told her she would be charged": the people
            # the relative clause is about are its subject.
            return Span(who.start(1), who.end(1))
        return found
    return _speaker_before(sentence, cue_start, last)


_WHO_AUXILIARY = re.compile(r"\swho\s+((?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+)$")


# A city and its state or country right before the cue, with or without a comma after them:
# "in Washington, DC, said", "in Austin, Texas, told", "in Beijing, China said".
_PLACE_BEFORE_CUE = re.compile(
    r"\b([A-Z][\w\-]+),\s+((?:[A-Z]\.){2,}|[A-Z][a-z]{1,4}\.|[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)"
    r"(,?)\s*$"
)
_PLACE_NAMED_BEFORE_CUE = re.compile(
    r"\b(" + word_pattern(PLACE_NOUNS) + r"),\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?),\s*$"
)
_STATE_ABBREVIATIONS = frozenset(
    "D.C. DC N.Y. N.J. Calif. Fla. Va. Md. Mass. Ill. Pa. Ga. Wash. Ariz. Colo. Conn. Mich. "
    "Minn. Tenn. Tex. Ore. Ky. La. Mo. Wis. Ala. Okla. Nev. N.C. S.C.".split()
)


def _one_place(placed: re.Match[str]) -> bool:
    """Whether the city and what follows its comma are one place: a state or country after
    it, and, where no comma closes them, a city the gazetteer knows (else "Ruiz, Reuters
    said" would be one phrase)."""
    places = gazetteer().places
    region = placed.group(2)
    if region not in _STATE_ABBREVIATIONS and region.lower() not in places:
        return False
    return bool(placed.group(3)) or placed.group(1).lower() in places


# A sentence that opens on where or when, with no comma after it.
_FRONTED_SETTING = re.compile(
    r"\W*(?:(?:But|And|However|Meanwhile|Later|Earlier),?\s+)?"
    r"(?:[Ii]n|[Dd]uring|[Aa]t|After|Before|Speaking|Addressing)\s"
)
_DAY = "(?:" + "|".join(sorted(day.title() for day in WEEKDAYS)) + r")\b"
# The name right before the verb, after a lower-case word or a day.
_NAME_AFTER_SETTING = re.compile(
    r"(?:\b[a-z][\w’'\-]*|\b" + _DAY + r")\s+"
    r"((?!" + _DAY + r")(?:[A-Z][\w’'.\-]*\s+){0,5}[A-Z][\w’'\-]*)\s*$"
)
# ("At a news conference in Port-au-Prince he said …": a pronoun after the setting's place.)
_PRONOUN_AFTER_SETTING = re.compile(r"\s(he|she|they|we)\s*$")


def _speaker_before(sentence: str, cue_start: int, last: str) -> Span | None:
    """``speaker_before`` once an aside or a relative "who" is set aside; ``last`` is the
    text of the forty characters before the cue."""
    # A speaker phrase is short: looking back a few hundred characters keeps a run-on
    # "sentence" (a text with no punctuation) from making every cue cost its whole length.
    # A dateline ("VALLETTA (Harbour Courier) -") is never part of the speaker.
    # Both pronoun patterns end in a pronoun (or an "-ly" adverb after it) and spaces, within
    # the forty characters they search: a phrase ending otherwise, as nearly every speaker
    # does, skips the two searches.
    after_pronoun = last.endswith(("he", "she", "it", "they", "we", "I", "ly"))
    bare = (
        _PRONOUN_BEFORE.search(sentence, max(0, cue_start - 30), cue_start)
        if after_pronoun
        else None
    )
    if bare is not None:
        # "a company they accuse of killing fish": a subject pronoun right before the verb
        # is the whole subject, however long the phrase before it.
        return Span(bare.start(2), bare.end(2))
    pronoun = (
        _AND_PRONOUN.search(sentence, max(0, cue_start - 40), cue_start) if after_pronoun else None
    )
    if pronoun is not None and not (
        # "Ana and I said": a name is coordinated with "I" or "we"; "…in Lagos and she
        # rejects" is a new clause, since news does not write "Ana and he said".
        pronoun.group(2) in {"I", "we"} and pronoun.group(1)[:1].isupper()
    ):
        return Span(pronoun.start(2), pronoun.end(2))
    # (Capitals open a wire dateline, or a place in title case runs to a dash after a date.)
    floor = (
        dateline_end(sentence)
        if sentence[1:2].isupper() or (sentence[:1].isupper() and " - " in sentence[:48])
        else 0
    )
    start = max(floor, cue_start - _WINDOW)
    near = cue_start - _NEAR
    if near > start:
        # Most speakers sit in the last few words: read a short window first, and the full
        # one only when the answer might reach past its start (the same result either way).
        span, first = _speaker_in(sentence, near, cue_start)
        if span is not None and first >= 2 and not _description_after_comma(sentence, span):
            # (A description after a comma may be one link of a chain of appositions whose
            # name lies before the short window: "Aziz Hasan Barzani, an … adviser to the …
            # Center, a think tank in Ankara, dismisses".)
            return span
    return _speaker_in(sentence, start, cue_start)[0]


def _description_after_comma(sentence: str, span: Span) -> bool:
    """Whether ``span`` is a description ("a think tank in Ankara") right after a comma."""
    return sentence.startswith(("a ", "an ", "the "), span.start) and sentence[
        : span.start
    ].rstrip().endswith(",")


_DAY_WORDS = WEEKDAYS | {"today", "yesterday"}
# An aside between dashes right before the cue ("The officials - who say … - said").
# Where something was said, between a subject and its verb: "in a media briefing", "at a
# news conference", "during an interview with VOA".
_SETTING_NOUNS = (
    "briefing briefings conference interview interviews statement speech address letter post "
    "broadcast meeting session hearing appearance message video tweet communique communiqué"
).split()
_SETTING = re.compile(
    r",?\s+(?:(?:in|at|during)\s+(?:a|an|the|his|her|their|its|Monday's|Tuesday's|Wednesday's|"
    r"Thursday's|Friday's|Saturday's|Sunday's)\s+(?:[\w\-’']+\s+){0,3}?(?:"
    + "|".join(_SETTING_NOUNS)
    + r")(?:\s+(?:with|to|on)\s+(?:[\w.\-’']+\s+){0,3}?[\w.\-’']+)?"
    # "in a statement Tuesday said": the day it was said.
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?"
    # "The minister on Twitter said", "in turn", "for its part".
    r"|on\s+(?:Twitter|Facebook|Telegram|Instagram|X|social\s+media)|in\s+turn|in\s+(?:response|reply)|"
    r"for\s+(?:its|his|her|their)\s+part)\s*,?\s*$"
)
_WHO_ASIDE = re.compile(
    r",\s+who\s+(?:(?!(?:said|says|told|added)\b)[\w’'.\-]+,?\s+){0,10}?"
    r"(?!(?:said|says|told|added)\b)[\w’'.\-]+\s*,?\s*$"
)
_DASH_ASIDE = re.compile(r"\s[-–—]\s[^-–—]{3,200}?\s[-–—]\s*$")
# A plural noun for people, or a capitalized name, then "who" right before the cue.
_WHO_RELATIVE = re.compile(
    r"\b((?:[A-Z][\w’'\-]+\s+){0,2}(?!(?:Those|These|They|Some|Many|Others|Anyone|All|Most|Few)\b)"
    r"[A-Z][\w’'\-]+|[a-z]+(?:ors|ers|ists|ants|ents|ians|ees)"
    # (Whole words, not endings: "rebels", "officials".)
    r"|(?:officials|police|people|residents|witnesses|sources|lawmakers|leaders|experts|rebels|"
    r"troops|diplomats|families|relatives|refugees|migrants|monks|nuns|priests))\s+who\s+$"
)
# ("the French News Agency quotes rebels who say …": the phrase ran over the verb.)
_QUOTING_VERB = re.compile(r"\s(?:quotes|quoted|cites|cited|interviewed)\s")
# A lower-case noun, then a subject pronoun, then the cue: a relative clause with no "that".
_PRONOUN_BEFORE = re.compile(r"\b([a-z]{3,})\s+(he|she|it|they|we)\s+(?:\w+ly\s+)?$")
# "… does not burn coal and she rejects the accusations": a subject pronoun after "and"
# or "but" opens a clause of its own, so it is the whole subject.
_AND_PRONOUN = re.compile(r"(\S+)\s+(?:and|but)\s+(he|she|they|we|I)\s+$")


def _speaker_in(sentence: str, start: int, cue_start: int) -> tuple[Span | None, int]:
    """``speaker_before`` over ``sentence[start:cue_start]``, with the index of the first
    token the answer rests on."""
    toks = _toks(sentence, start, cue_start)
    # Drop auxiliaries, adverbs and time words between subject and verb ("has reportedly").
    while toks and is_word(toks[-1][0]) and _is_strippable(toks[-1][0]):
        toks.pop()
    if len(toks) > 1 and toks[-1][0] == "at" and sentence[toks[-1][2] : cue_start].strip():
        # "The company, Xuzhou Anying, at first said": when, not who ("first" went above).
        toks.pop()
    if not toks:
        return None, 0
    if toks[-1][0] == ")":
        named = _bracketed_name(toks)
        if named is not None:
            return named, len(toks) - 1
        # "The mayor (pictured) said", "The news agency (AFP) said": an aside; the phrase
        # before it speaks.
        open_at = next((k for k in range(len(toks) - 2, -1, -1) if toks[k][0] == "("), -1)
        if 0 < open_at >= len(toks) - 5 and is_word(toks[open_at - 1][0]):
            toks = toks[:open_at]
    relative = False
    thing = False
    described_to = 0
    if len(toks) > 2 and toks[-1][0] in {"who", "which"} and toks[-2][0] == ",":
        # "The company, which has denied wrongdoing": the relative's antecedent speaks.
        thing = toks[-1][0] == "which"
        toks = toks[:-2]
        relative = True
    elif len(toks) > 1 and toks[-1][0] == "who" and is_word(toks[-2][0]):
        # "two officials in the ministry who said …": so does a restrictive one's.
        toks = toks[:-1]
        relative = True
    elif (
        len(toks) > 1
        and toks[-1][0] == "which"
        and toks[-2][0][:1].isupper()
        and toks[-2][0].lower() not in TIME_WORDS
    ):
        # "The arrest angered Russia which says …": a name before "which", its comma left
        # out.
        toks = toks[:-1]
        relative = True
        thing = True
    elif (
        len(toks) > 2
        and toks[-1][0] == "that"
        and (
            toks[-2][0] in DOCUMENT_NOUNS
            # "published a report Tuesday that says …": a day between the document and "that".
            or (
                len(toks) > 3
                and toks[-2][0].lower() in _DAY_WORDS
                and toks[-3][0] in DOCUMENT_NOUNS
            )
        )
    ):
        # "criticizing a study that said rats developed tumors": the study says it.
        if toks[-2][0].lower() in _DAY_WORDS:
            toks = toks[:-2] + toks[-1:]
        at = len(toks) - 3
        while at > 0 and len(toks) - at < 6 and toks[at][0].islower() and toks[at][0].isalpha():
            if toks[at][0] in {"a", "an", "the", "this", "that", "another"}:
                return Span(toks[at][1], toks[-2][2]), at
            at -= 1
    else:
        that_at = _restrictive_that(toks)
        if that_at is not None:
            # "The Chinese agency that monitors food exports says": the noun phrase before
            # the relative clause speaks, and the clause, which says which agency, stays
            # part of its name.
            described_to = toks[-1][2]
            toks = toks[:that_at]
    chunk = chunk_back(toks, len(toks))
    if chunk is None:
        return None, 0
    lo, hi = chunk
    lo = _after_object_and(toks, lo, hi)
    lo = _after_audience(toks, lo, hi)
    if relative:
        # "a report by the columnist, who wrote that …": "who" is the agent, not the report.
        lo = _after_agent(toks, lo, hi)
        beside = None if thing else _name_before_description(toks, lo, hi)
        if beside is not None:
            return beside
    if thing:
        # "… are from the Qatar-based al-Jazeera network, which has rejected …": "which" is
        # the body after the last preposition, not the clause around it.
        cut = max(
            (
                k
                for k in range(lo, hi - 1)
                if toks[k][0] in _BODY_CUTS
                # "the Ministry of Health": "of" before a capital is inside the name.
                and not toks[k + 1][0][:1].isupper()
            ),
            default=lo - 1,
        )
        lo = cut + 1
    if lo == hi and lo > 0 and toks[lo - 1][0] == ",":
        chunk = skip_appositions(toks, lo - 1)
        if chunk is None:
            return None, 0
        lo, hi = chunk
    elif not relative and 0 < lo <= hi and is_word(toks[lo - 1][0]):
        extended = _relative_subject(sentence, toks, lo, hi)
        if extended is not None:
            return extended
    elif lo > 0 and toks[lo - 1][0] == "," and any(t[0] == "and" for t in toks[lo:hi]):
        lo = _list_start(toks, lo)
    elif lo > 0 and toks[lo - 1][0] == "," and toks[lo][0].islower():
        name = open_apposition(toks, lo)
        if name is not None:
            return Span(toks[name[0]][1], toks[name[1] - 1][2]), name[0] - 1
    # The boundary token before the phrase was looked at too.
    span = _finish(sentence, toks, lo, hi)
    if span is not None and described_to > span.end:
        span = Span(span.start, described_to)
    return span, lo - 1


def _name_before_description(
    toks: list[tuple[str, int, int]], lo: int, hi: int
) -> tuple[Span, int] | None:
    """ "remarks by Dusan Prorokovic, Serbia's state secretary for Kosovo, who told …": a
    description set beside a name before "who"; the name is the one who speaks."""
    if lo < 2 or lo >= hi or toks[lo - 1][0] != ",":
        return None
    first = toks[lo][0]
    if not (first.lower() in DETERMINERS or first.endswith(("’s", "'s"))):
        return None
    end = lo - 1
    start = end
    while start > 0 and is_word(toks[start - 1][0]) and toks[start - 1][0][:1].isupper():
        start -= 1
    if end - start < 2:
        return None
    return Span(toks[start][1], toks[end - 1][2]), start - 1


def _after_object_and(toks: list[tuple[str, int, int]], lo: int, hi: int) -> int:
    """Where the speaker starts in "filed suit against the unions and a court ruled": the
    phrase before "and" is the object of the clause before, so the subject follows "and"."""
    for k in range(hi - 2, lo, -1):
        if toks[k][0] == "and" and toks[k + 1][0] in {"a", "an", "the"}:
            if any(t[0] == "against" for t in toks[lo:k]) or toks[lo][0] == "by":
                # ("controlled by the government and the opposition complained": the
                # agent of the clause before, then the subject.)
                return k + 1
            return lo
    return lo


_TELLING = frozenset({"told", "tells", "telling", "tell"})
_ARTICLES = frozenset({"the", "a", "an", "his", "her", "its", "their", "our"})


def _after_audience(toks: list[tuple[str, int, int]], lo: int, hi: int) -> int:
    """Where the subject starts in "told VOA his government rejects …" or "told reporters
    the ministry had …": after "told", the audience comes first, and the clause's subject
    opens at the next determiner."""
    if lo == 0 or toks[lo - 1][0].lower() not in _TELLING:
        return lo
    for k in range(lo + 1, hi - 1):
        if toks[k][0] in _ARTICLES:
            return k
    return lo


_PLACE_HEADS = frozenset(
    "state country province region city town village district nation county".split()
)


def _restrictive_that(toks: list[tuple[str, int, int]]) -> int | None:
    """Where "that" opens a short relative clause on a body or person ("agency that
    monitors food exports", "the group that organised the march"), right before the cue."""
    # (Up to eight words in the clause: "The rebel group that controls two famine-stricken
    # regions of southern Somalia is rejecting …".)
    for k in range(len(toks) - 2, max(0, len(toks) - 10), -1):
        if toks[k][0] != "that":
            continue
        head, verb = toks[k - 1][0], toks[k + 1][0]
        if (
            (
                head in ROLE_HEADS
                or head in BODY_HEADS
                or head in PERSON_NOUNS
                or head in GROUP_HEADS
                # "Reporters in the state that borders Mexico said": a place with its clause.
                or head in _PLACE_HEADS
            )
            and verb.islower()
            and verb.endswith(("s", "ed"))
            and not verb.endswith("ss")
        ):
            return k
        return None
    return None


def _bracketed_name(toks: list[tuple[str, int, int]]) -> Span | None:
    """ "The senator's spokesman (Ana Ruiz) said": a name in brackets after a role is the
    person who speaks; anything else in brackets ("(AP)", "(pictured)") is not."""
    close = len(toks) - 1
    open_at = close - 1
    while open_at >= 0 and toks[open_at][0] != "(" and close - open_at <= 5:
        open_at -= 1
    if open_at < 1 or toks[open_at][0] != "(" or not is_word(toks[open_at - 1][0]):
        return None
    if toks[open_at - 1][0][:1].isupper():
        # "radio station Echo of Moscow (Ekho Moskvy)": after a name, the brackets hold
        # another name for it, and the name before them speaks.
        return None
    inner = toks[open_at + 1 : close]
    if not 2 <= len(inner) <= 4 or not all(
        is_word(t[0]) and t[0][:1].isupper() and t[0].lower() not in TITLE_WORDS for t in inner
    ):
        return None
    return Span(inner[0][1], inner[-1][2])


def _list_start(toks: list[tuple[str, int, int]], lo: int) -> int:
    """ "representatives of the ministry, the agency and the institute restated": the
    subject is the whole coordinated list, not its last two members. Earlier members are
    noun phrases back to an opening adverbial ("At a briefing on Monday,") or the start."""
    start = lo
    for _ in range(4):
        if start == 0 or toks[start - 1][0] != ",":
            return start
        chunk = chunk_back(toks, start - 1)
        if chunk is None:
            return start
        c_lo, c_hi = chunk
        words = [t[0] for t in toks[c_lo:c_hi] if is_word(t[0])]
        if not words or c_hi - c_lo > 8 or not _list_member(words):
            return start
        if c_lo > 0 and toks[c_lo - 1][0] not in {",", ";", ":", "—", "–", "--"}:
            return start
        start = c_lo
    return start


def _list_member(words: list[str]) -> bool:
    first = words[0].lower()
    if (
        first in PREPOSITIONS
        or first in LEADING_ADVERBIALS
        or first in TIME_WORDS
        or first.endswith(("ing", "ed"))
        or any(w.lower() in CLAUSE_VERBS for w in words)
    ):
        return False
    return _has_head(words)


def _after_agent(toks: list[tuple[str, int, int]], lo: int, hi: int) -> int:
    for i in range(hi - 2, lo - 1, -1):
        if toks[i][0] == "by" and is_word(toks[i + 1][0]):
            return i + 1
    return lo


# Quantifiers that stand alone for people ("Some say …"); "all" and "both" stand for things
# or for two sides named before as often.
_PEOPLE_QUANTIFIERS = frozenset("some many few most several".split())

_RELATIVE_REACH = 12
# "Those who fled", "Many who stayed": a pronoun heads the relative's antecedent.
_PRONOUN_ANTECEDENT = frozenset("those many some most all others few".split())


def _relative_subject(
    sentence: str, toks: list[tuple[str, int, int]], lo: int, hi: int
) -> tuple[Span | None, int] | None:
    """ "Residents who fled the town say …": a subject with its own restrictive relative
    clause; scanning back stopped at the relative's verb, so the speaker is the whole of
    "Residents who fled the town", not "the town"."""
    at = lo - 1
    while at >= 0 and lo - at <= _RELATIVE_REACH and is_word(toks[at][0]):
        if toks[at][0] == "who":
            break
        at -= 1
    else:
        return None
    if at <= 0 or toks[at][0] != "who" or not is_word(toks[at - 1][0]):
        return None
    chunk = chunk_back(toks, at)
    if chunk is None:
        return None
    a_lo, _a_hi = chunk
    if a_lo == at or (a_lo > 0 and toks[a_lo - 1][0] not in BOUNDARY_PUNCT):
        # The antecedent must open its clause ("Those who …", "…, residents who …").
        return None
    while a_lo < at and toks[a_lo][0].lower() in LEADING_ADVERBIALS:
        a_lo += 1
    words = [t[0] for t in toks[a_lo:at] if is_word(t[0])]
    if (
        not words
        or not (_has_head(words) or _PRONOUN_ANTECEDENT.issuperset(w.lower() for w in words))
        or words[0].lower() in PREPOSITIONS
    ):
        return None
    if len([t for t in toks[a_lo:hi] if is_word(t[0])]) > MAX_WORDS:
        return None
    end = hi
    while end > at + 1 and not is_word(toks[end - 1][0]):
        end -= 1
    if end <= at + 1:
        return None
    return Span(toks[a_lo][1], toks[end - 1][2]), a_lo - 1


# A time phrase before a subject: "On Friday morning", "Last year", "In March 2019".
_LEADING_TIME = re.compile(
    # "Two weeks later it added", "A day earlier the ministry said".
    r"(?:[A-Z][a-z]*|\d+)\s+(?:hours?|days?|weeks?|months?|years?)\s+(?:later|earlier|ago)\s+|"
    r"(?:(?:[Oo]n|[Ii]n|[Bb]y|[Ll]ate|[Ee]arly|[Ee]arlier|[Ll]ater|[Ll]ast|[Tt]his|[Nn]ext)\s+)+"
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|weekend|month|year|"
    r"morning|afternoon|evening|night|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|\d{4}|\d{1,2}(?:st|nd|rd|th)?)(?:\s+|$))+"
)


# Lower-case words that leave a phrase open: a preposition, a possessive determiner or an
# adjective that only stands before its noun ("previous alleged attacks") needs a noun after.
_OPEN_ENDS = frozenset(
    "for about of with from against over into on at by their his its our your my "
    "previous such recent".split()
)

# Words that end no speaker phrase: "The central bank neither confirmed …", "they also".
_TRAILING_NOT_NP = frozenset(
    "himself herself itself themselves neither either also both too still".split()
)


def _finish(sentence: str, toks: list[tuple[str, int, int]], lo: int, hi: int) -> Span | None:
    # A stray quote mark ("…positive,' he said") opens no speaker.
    while lo < hi and not is_word(toks[lo][0]):
        lo += 1
    # Leading conjunctions and subordinators ("But", "As", "While") are not the speaker.
    while (
        lo < hi
        and is_word(toks[lo][0])
        and (
            toks[lo][0].lower() in LEADING_ADVERBIALS
            or (toks[lo][0].lower() in TIME_WORDS and not _named_for_day(toks, lo, hi))
            or toks[lo][0] == "What"
        )
    ):
        lo += 1
    if lo < hi:
        when = _LEADING_TIME.match(sentence, toks[lo][1], toks[hi - 1][2])
        if when is not None:
            # "Last year U.S. investigators said", "On Monday police said": a time phrase
            # that opens the sentence without a comma is no part of the subject.
            lo = next((k for k in range(lo, hi) if toks[k][1] >= when.end()), hi)
            # "in late January and Lao officials": a conjunction after the time phrase.
            while lo < hi and toks[lo][0].lower() in {"and", "but", "as", "while"}:
                lo += 1
    while hi > lo and not is_word(toks[hi - 1][0]) and toks[hi - 1][0] not in {"’", "'"}:
        hi -= 1
    while hi > lo and toks[hi - 1][0].lower() in _TRAILING_NOT_NP:
        hi -= 1
    if lo < hi:
        when = _TRAILING_TIME.search(sentence, toks[lo][1], toks[hi - 1][2])
        if when is not None and when.start() > toks[lo][1]:
            # "analysts in recent weeks said": when they said it, not who.
            hi = next(k for k in range(lo, hi) if toks[k][1] >= when.start())
    for k in range(lo + 1, hi):
        word = toks[k][0]
        if (
            word.islower()
            and word.endswith("ing")
            and word not in {"ruling", "leading", "governing", "opposing", "striking"}
            # "officials speaking on condition of anonymity" stays whole: annotators keep it.
            and word not in {"speaking", "talking", "asking", "requesting", "declining"}
            and _people_noun(toks[k - 1][0])
        ):
            # "U.S. investigators looking into similar attacks said": a participle phrase
            # after the head says which investigators, and is no part of the speaker.
            hi = k
            break
    if lo >= hi:
        return None
    lo = _after_reduced_relative(toks, lo, hi)
    words = [t[0] for t in toks[lo:hi] if is_word(t[0])]
    if not words or not _has_head(words) or words[0].lower() in PREPOSITIONS:
        return None
    if words[-1].lower() in _PEOPLE_QUANTIFIERS and (
        len(words) > 1 or (lo > 0 and _determines_next(toks[lo - 1][0]))
    ):
        # "brought some calls for his resignation", "The protests drew several calls for
        # calm": after a verb the quantifier determines the noun that follows, which is then
        # no reporting verb.
        return None
    if len(words) > 1 and words[-1] in _OPEN_ENDS:
        # "fined four officials for their alleged roles", "complaints about alleged land
        # grabbing": a phrase that ends on a preposition or a possessive is cut short of
        # its noun, so the cue after it is an adjective, and nobody speaks.
        return None
    if (
        words[0].islower()
        and words[0].endswith("ing")
        # "sporting director Miguel Ortega": a modifier of a titled name, not a verb phrase.
        and not (
            len(words) > 2
            and words[1].islower()
            and words[1] not in PREPOSITIONS | {"to", "the", "a", "an", "his", "her", "their"}
            and words[-1][:1].isupper()
        )
        # "leading figures in the party", "striking workers": an adjective before a noun of
        # people.
        and not (len(words) > 1 and _people_noun(words[1]))
    ):
        # "preparing to open an investigation into … member states": a verb phrase, no NP.
        return None
    return Span(toks[lo][1], toks[hi - 1][2])


def _named_for_day(toks: list[tuple[str, int, int]], lo: int, hi: int) -> bool:
    """A day name that opens a proper name ("Monday Night Football", "Sunday Times"),
    not a time before the subject; news writes "On Monday, Ana said", never "Monday Ana"."""
    return (
        toks[lo][0].endswith("day")
        and toks[lo][0][:1].isupper()
        and lo + 1 < hi
        and toks[lo + 1][0][:1].isupper()
    )


def _people_noun(word: str) -> bool:
    low = word.lower()
    return low in ROLE_HEADS or low in ANONYMOUS_HEADS or low.rstrip("s") in PERSON_NOUNS


def _after_reduced_relative(toks: list[tuple[str, int, int]], lo: int, hi: int) -> int:
    """ "a ruling the company said it would appeal": a noun followed straight by a new
    determiner starts a relative clause without "that"; its subject is the speaker."""
    for i in range(hi - 1, lo + 1, -1):
        word, prev = toks[i][0], toks[i - 1][0]
        if (
            word in {"the", "a", "an"}
            and prev.isalpha()
            and prev.islower()
            and prev not in PREPOSITIONS
            and prev not in DETERMINERS
            and prev not in {"and", "or", "nor", "but", "than", "whom", "including"}
            and not prev.endswith("ly")
            # "the authority administering the region says": a participle after a noun
            # takes the object; "a ruling the company said" has its determiner before it.
            and not (
                prev.endswith("ing")
                and i >= 2
                and toks[i - 2][0].isalpha()
                and toks[i - 2][0].lower() not in DETERMINERS
            )
        ):
            return i
    return lo


def _determines_next(word: str) -> bool:
    """Whether a quantifier after ``word`` goes with the noun after it: after a lower-case
    verb or preposition, not after a conjunction or a clause's opening."""
    return word.isalpha() and word.islower() and word not in _CLAUSE_OPENERS


_CLAUSE_OPENERS = frozenset(
    "and but or nor that while as because though although when where if since so yet".split()
)


def _has_head(words: list[str]) -> bool:
    if [w.lower() for w in words] == ["the", "other"]:
        # "One official said …, while the other cautioned that …": "other" is the head.
        return True
    if (
        len(words) == 2
        and words[0].lower() in {"the", "these", "those", "all", "both"}
        and words[1] in SMALL_NUMBERS
    ):
        # "The ten withdrew …": a group the report counted before, headed by its number.
        return True
    if len(words) == 1 and words[0].lower() in _PEOPLE_QUANTIFIERS:
        # "Some say the vote was rigged", "Many had expected it to double": people, uncounted.
        return True
    if all(w.lower() in DETERMINERS for w in words):
        return False
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return words[0].lower() not in {"that", "this", "these", "those", "which"}
    if words[-1].lower() in _PREMODIFIERS:
        # "The so-called claims office": a noun phrase does not end in a pre-modifier.
        return False
    if (
        words[0].lower() in DETERMINERS
        and 2 <= len(words) <= 5
        and words[-1].isalpha()
        and (not words[-1].endswith("ly") or words[-1].lower() in LY_NOUNS)
    ):
        # "the coroner", "the mining company": determiner plus a common noun.
        return True
    if len(words) <= 3 and (words[-1] in BODY_PLURALS or words[-1] in FORCE_PLURALS):
        # "opposition parties", "rights groups": bodies, in the plural; "rebels", "troops":
        # armed people, whose plurals do not end as agents' do.
        return True
    if len(words) <= 3 and words[-1].islower() and words[-1].endswith((*AGENT_PLURALS, "men")):
        # "fishermen", "local growers", "others": a plural noun for kinds of people.
        return True
    return any(
        w[0].isupper()
        # "1MDB", "3M": a name may open with a digit.
        or (w[0].isdigit() and any(c.isupper() for c in w))
        or w.lower() in ANONYMOUS_HEADS
        or w.lower() in ROLE_HEADS
        or w.lower() in TITLE_WORDS
        or w.lower().rstrip("s") in PERSON_NOUNS
        for w in words
    )


def speaker_has_head(phrase: str) -> bool:
    """Whether ``phrase`` can name a source: it has a noun, a name or a role, not only
    determiners or verbs."""
    words = [t for t, _a, _b in _toks(phrase) if is_word(t)]
    return bool(words) and words[0].lower() not in PREPOSITIONS and _has_head(words)


# A finite verb ends the phrase after a cue: "which, according to the ministry, would …".
_FINITE_AFTER = frozenset(
    "would will is are was were has have had could may might should can must".split()
)
# Lower-case words that end the phrase after a cue, built once: a union written inside the
# token loop would build a new set for every word.
_AFTER_STOPS = BOUNDARY_WORDS | _FINITE_AFTER | {"adding", "in"}
# Where the body named after "which" starts: after the last preposition or clause verb.
_BODY_CUTS = PREPOSITIONS | CLAUSE_VERBS


def speaker_after(sentence: str, cue_end: int) -> Span | None:
    """The noun phrase right after a cue: inversions (", said Peres") and "according to X"."""
    toks = _toks(sentence, cue_end, min(len(sentence), cue_end + _WINDOW))
    while toks and is_word(toks[0][0]) and toks[0][0].lower() in TIME_WORDS:
        toks.pop(0)
    lo = 0
    hi = 0
    chunks: list[tuple[int, int]] = []
    while hi < len(toks):
        tok = toks[hi][0]
        if tok == ",":
            chunks.append((lo, hi))
            lo = hi + 1
        elif (
            tok == "."
            and hi > lo
            and toks[hi - 1][0].lower() in TITLE_ABBREVIATIONS
            and (toks[hi - 1][2] == toks[hi][1])
        ):
            # "according to military spokesman Maj. Gen. Asif Ghafoor": a title's period.
            hi += 1
            continue
        elif (
            tok in BOUNDARY_PUNCT
            or tok in {".", "!", "?"}
            or (
                is_word(tok)
                and tok.islower()
                and tok in _AFTER_STOPS
                and (tok != "in" or hi > lo + 1)
                # ("according to official sources in Azerbaijan": a common noun's place.)
                and not (
                    tok == "in"
                    and toks[hi - 1][0].islower()
                    and hi + 1 < len(toks)
                    and toks[hi + 1][0].lower() in gazetteer().places
                )
                # After a comma the next chunk may be a clause of its own, read below.
                and (tok not in _FINITE_AFTER or not chunks)
            )
        ):
            break
        hi += 1
    chunks.append((lo, hi))
    chunks = [(a, b) for a, b in chunks if b > a]
    if not chunks:
        return None
    # ", said a spokesman for the White House, Tony Fratto": the appositive name wins.
    lo, hi = chunks[0]
    if len(chunks) > 1:
        a, b = chunks[1]
        if toks[a][0][0].isupper() and all(t[0][0].isupper() for t in toks[a:b] if is_word(t[0])):
            lo, hi = a, b
    for k in range(lo + 1, hi - 1):
        if _adjunct_starts(toks[k][0], toks[k + 1][0]):
            # "said Chang on Monday", "said Chang in a rare interview": when or where it
            # was said, not part of who said it ("officials in Kyiv" stays whole).
            hi = k
            break
    if hi - lo > MAX_WORDS:
        return None
    return _finish(sentence, toks, lo, hi)


def _adjunct_starts(word: str, nxt: str) -> bool:
    """Whether ``word nxt`` opens a phrase of time or occasion after an inverted speaker."""
    low, after = word.lower(), nxt.lower()
    if low in {"on", "last", "late", "early", "this"} and after in WEEKDAYS:
        return True
    return low in {"in", "at", "during"} and after in {"a", "an"}
