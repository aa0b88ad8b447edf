"""Find who speaks: the speaker noun phrase beside a cue, its kind, and pronoun antecedents.

News grammar puts the source right before the reporting verb ("Kremlin spokesperson Dmitry
Peskov described ..."), after it in inversions (", said Peres"), after "according to", or
in the possessive of a claim noun ("Zelensky's assertion that ..."). Scanning back from the
cue over clause boundaries, appositions and relative clauses recovers the phrase verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from briefings.gazetteer import gazetteer
from briefings.lexicon import (
    ANONYMOUS_HEADS,
    AUXILIARIES,
    BODY_HEADS,
    CLAUSE_VERBS,
    DOCUMENT_NOUNS,
    ED_ADJECTIVES,
    HONORIFICS,
    LEADING_ADVERBIALS,
    ORG_DESCRIPTORS,
    PERSON_NOUNS,
    PRONOUNS,
    ROLE_HEADS,
    SMALL_NUMBERS,
    TIME_WORDS,
    TITLE_WORDS,
    gated_search,
)
from briefings.model import SpeakerKind
from briefings.segment import dateline_end

__all__ = [
    "Span",
    "classify_speaker",
    "is_pronoun",
    "speaker_after",
    "speaker_before",
    "speaker_has_head",
    "tidy_speaker",
    "titled_name",
]

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w[\w’'\-]*(?:\.\w[\w’'\-]*)*|--|''|[^\w\s]")
_BOUNDARY_PUNCT = frozenset(',;:()[]"“”‘—–!?') | {"--", "''"}
_BOUNDARY_WORDS = frozenset(
    """
    that which who whom whose while as but though although because after before when if
    since whereas where than so said says told then unless until despite following what
    """.split()
)
_DETERMINERS = frozenset(
    """
    the a an another some several many most few both all each his her its their our my your
    this these those one two three four five six seven eight nine ten other any such
    """.split()
)
_PREPOSITIONS = frozenset(
    "in at on by with from for of to into over under during after before since until about "
    "within among inside outside across near behind against amid around toward towards via "
    "throughout beyond".split()
)
_CLOSE_TO = re.compile(
    r"\b(?:(?:close|familiar|privy)\s+(?:to|with)|briefed\s+on|knowledgeable\s+about)\b",
    re.IGNORECASE,
)
_PREMODIFIERS = frozenset(
    "so-called former new latest same other such alleged first last own main".split()
)
_QUANTIFIERS = frozenset(
    "one two three four five six seven eight nine ten some several many most few none each "
    "any all both dozens hundreds thousands millions scores".split()
)
# Nouns for a firm or association that speaks as itself when the report says "the company".
_PARTICIPLES = frozenset(
    "polled surveyed interviewed quoted cited seen obtained reviewed published commissioned".split()
)
# Endings of plural nouns for kinds of people ("farmers", "doctors", "residents", "nurses").
_AGENT_PLURALS = ("ers", "ors", "ists", "ants", "ents", "ians", "ees", "ses")
_ADJECTIVE_ENDINGS = ("al", "ent", "ant", "ive", "ic", "ous", "ern", "ary", "ible", "able")
_FIRM_HEADS = frozenset(
    "company firm operator manufacturer maker producer carrier airline group broadcaster "
    "federation association league confederation foundation university hospital "
    "newspaper union club insurer retailer developer lender bank insurer utility "
    "automaker carmaker miner party".split()
)
# People who speak for the body they work at ("analysts at X", "observers from Y").
_STAFF_HEADS = frozenset(
    "analysts analyst experts expert observers observer researchers researcher economists "
    "economist employees employee monitors monitor staff engineers scientists".split()
)
# Words after which a speaker phrase's head noun has ended ("a source within the army").
_HEAD_ENDERS = frozenset("of with in on familiar along at from by within who".split())
_JOINERS = ("along with", "together with", "as well as", "including")
_MAX_WORDS = 14
_WINDOW = 300
_NEAR = 120


@dataclass(frozen=True, slots=True)
class Span:
    """A speaker phrase as offsets into its sentence."""

    start: int
    end: int


def _toks(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    stop = len(text) if end is None else end
    return [(m[0], m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]


def _is_word(tok: str) -> bool:
    return tok[0].isalnum()


def _is_strippable(tok: str) -> bool:
    low = tok.lower()
    return (
        low in AUXILIARIES
        or low in TIME_WORDS
        or low in {"on", "last", "this", "next", "week", "earlier"}
        or (low.endswith("ly") and tok.islower())
    )


def speaker_before(sentence: str, cue_start: int) -> Span | None:
    """The noun phrase that ends right before ``cue_start`` (the subject of the cue)."""
    # A speaker phrase is short: looking back a few hundred characters keeps a run-on
    # "sentence" (a text with no punctuation) from making every cue cost its whole length.
    # A dateline ("VALLETTA (Harbour Courier) -") is never part of the speaker.
    bare = _PRONOUN_BEFORE.search(sentence, max(0, cue_start - 30), cue_start)
    if bare is not None:
        # "a company they accuse of killing fish": a subject pronoun right before the verb
        # is the whole subject, however long the phrase before it.
        return Span(bare.start(2), bare.end(2))
    pronoun = _AND_PRONOUN.search(sentence, max(0, cue_start - 40), cue_start)
    if pronoun is not None and not (
        # "Ana and I said": a name is coordinated with "I" or "we"; "…in Lagos and she
        # rejects" is a new clause, since news does not write "Ana and he said".
        pronoun.group(2) in {"I", "we"} and pronoun.group(1)[:1].isupper()
    ):
        return Span(pronoun.start(2), pronoun.end(2))
    floor = dateline_end(sentence) if sentence[1:2].isupper() else 0
    start = max(floor, cue_start - _WINDOW)
    near = cue_start - _NEAR
    if near > start:
        # Most speakers sit in the last few words: read a short window first, and the full
        # one only when the answer might reach past its start (the same result either way).
        span, first = _speaker_in(sentence, near, cue_start)
        if span is not None and first >= 2:
            return span
    return _speaker_in(sentence, start, cue_start)[0]


# A lower-case noun, then a subject pronoun, then the cue: a relative clause with no "that".
_PRONOUN_BEFORE = re.compile(r"\b([a-z]{3,})\s+(he|she|they|we)\s+(?:\w+ly\s+)?$")
# "… does not burn coal and she rejects the accusations": a subject pronoun after "and"
# or "but" opens a clause of its own, so it is the whole subject.
_AND_PRONOUN = re.compile(r"(\S+)\s+(?:and|but)\s+(he|she|they|we|I)\s+$")


def _speaker_in(sentence: str, start: int, cue_start: int) -> tuple[Span | None, int]:
    """``speaker_before`` over ``sentence[start:cue_start]``, with the index of the first
    token the answer rests on."""
    toks = _toks(sentence, start, cue_start)
    # Drop auxiliaries, adverbs and time words between subject and verb ("has reportedly").
    while toks and _is_word(toks[-1][0]) and _is_strippable(toks[-1][0]):
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
        if 0 < open_at >= len(toks) - 5 and _is_word(toks[open_at - 1][0]):
            toks = toks[:open_at]
    relative = False
    thing = False
    if len(toks) > 2 and toks[-1][0] in {"who", "which"} and toks[-2][0] == ",":
        # "The company, which has denied wrongdoing": the relative's antecedent speaks.
        thing = toks[-1][0] == "which"
        toks = toks[:-2]
        relative = True
    elif len(toks) > 1 and toks[-1][0] == "who" and _is_word(toks[-2][0]):
        # "two officials in the ministry who said …": so does a restrictive one's.
        toks = toks[:-1]
        relative = True
    elif len(toks) > 2 and toks[-1][0] == "that" and toks[-2][0] in DOCUMENT_NOUNS:
        # "criticizing a study that said rats developed tumors": the study says it.
        at = len(toks) - 3
        while at > 0 and len(toks) - at < 6 and toks[at][0].islower() and toks[at][0].isalpha():
            if toks[at][0] in {"a", "an", "the", "this", "that", "another"}:
                return Span(toks[at][1], toks[-2][2]), at
            at -= 1
    chunk = _chunk_back(toks, len(toks))
    if chunk is None:
        return None, 0
    lo, hi = chunk
    if relative:
        # "a report by the columnist, who wrote that …": "who" is the agent, not the report.
        lo = _after_agent(toks, lo, hi)
    if thing:
        # "… are from the Qatar-based al-Jazeera network, which has rejected …": "which" is
        # the body after the last preposition, not the clause around it.
        cut = max(
            (
                k
                for k in range(lo, hi - 1)
                if toks[k][0] in _PREPOSITIONS | CLAUSE_VERBS
                # "the Ministry of Health": "of" before a capital is inside the name.
                and not toks[k + 1][0][:1].isupper()
            ),
            default=lo - 1,
        )
        lo = cut + 1
    if lo == hi and lo > 0 and toks[lo - 1][0] == ",":
        chunk = _skip_appositions(toks, lo - 1)
        if chunk is None:
            return None, 0
        lo, hi = chunk
    elif not relative and 0 < lo <= hi and _is_word(toks[lo - 1][0]):
        extended = _relative_subject(sentence, toks, lo, hi)
        if extended is not None:
            return extended
    elif lo > 0 and toks[lo - 1][0] == "," and any(t[0] == "and" for t in toks[lo:hi]):
        lo = _list_start(toks, lo)
    elif lo > 0 and toks[lo - 1][0] == "," and toks[lo][0].islower():
        name = _open_apposition(toks, lo)
        if name is not None:
            return Span(toks[name[0]][1], toks[name[1] - 1][2]), name[0] - 1
    # The boundary token before the phrase was looked at too.
    return _finish(sentence, toks, lo, hi), lo - 1


def _bracketed_name(toks: list[tuple[str, int, int]]) -> Span | None:
    """ "The senator's spokesman (Ana Ruiz) said": a name in brackets after a role is the
    person who speaks; anything else in brackets ("(AP)", "(pictured)") is not."""
    close = len(toks) - 1
    open_at = close - 1
    while open_at >= 0 and toks[open_at][0] != "(" and close - open_at <= 5:
        open_at -= 1
    if open_at < 1 or toks[open_at][0] != "(" or not _is_word(toks[open_at - 1][0]):
        return None
    inner = toks[open_at + 1 : close]
    if not 2 <= len(inner) <= 4 or not all(
        _is_word(t[0]) and t[0][:1].isupper() and t[0].lower() not in TITLE_WORDS for t in inner
    ):
        return None
    return Span(inner[0][1], inner[-1][2])


def _open_apposition(toks: list[tuple[str, int, int]], lo: int) -> tuple[int, int] | None:
    """ "Ana Ruiz, head of research at the institute said": an apposition whose closing
    comma is missing; the name that opens the sentence speaks, not the description."""
    first = toks[lo][0]
    if first in _PREPOSITIONS or first in LEADING_ADVERBIALS or first in TIME_WORDS:
        return None
    c_lo = lo - 1
    while c_lo > 0 and _is_word(toks[c_lo - 1][0]):
        c_lo -= 1
    if c_lo != 0:
        return None
    words = [t[0] for t in toks[c_lo : lo - 1]]
    gaz = gazetteer()
    if not (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not any(w.lower() in TITLE_WORDS or w.lower() in TIME_WORDS for w in words)
        and words[0].lower() not in LEADING_ADVERBIALS
        and words[0].lower() not in _PREPOSITIONS
        and " ".join(words).lower() not in gaz.places
    ):
        return None
    return c_lo, lo - 1


def _list_start(toks: list[tuple[str, int, int]], lo: int) -> int:
    """ "representatives of the ministry, the agency and the institute restated": the
    subject is the whole coordinated list, not its last two members. Earlier members are
    noun phrases back to an opening adverbial ("At a briefing on Monday,") or the start."""
    start = lo
    for _ in range(4):
        if start == 0 or toks[start - 1][0] != ",":
            return start
        chunk = _chunk_back(toks, start - 1)
        if chunk is None:
            return start
        c_lo, c_hi = chunk
        words = [t[0] for t in toks[c_lo:c_hi] if _is_word(t[0])]
        if not words or c_hi - c_lo > 8 or not _list_member(words):
            return start
        if c_lo > 0 and toks[c_lo - 1][0] not in {",", ";", ":", "—", "–", "--"}:
            return start
        start = c_lo
    return start


def _list_member(words: list[str]) -> bool:
    first = words[0].lower()
    if (
        first in _PREPOSITIONS
        or first in LEADING_ADVERBIALS
        or first in TIME_WORDS
        or first.endswith(("ing", "ed"))
        or any(w.lower() in CLAUSE_VERBS for w in words)
    ):
        return False
    return _has_head(words)


def _after_agent(toks: list[tuple[str, int, int]], lo: int, hi: int) -> int:
    for i in range(hi - 2, lo - 1, -1):
        if toks[i][0] == "by" and _is_word(toks[i + 1][0]):
            return i + 1
    return lo


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
    while at >= 0 and lo - at <= _RELATIVE_REACH and _is_word(toks[at][0]):
        if toks[at][0] == "who":
            break
        at -= 1
    else:
        return None
    if at <= 0 or toks[at][0] != "who" or not _is_word(toks[at - 1][0]):
        return None
    chunk = _chunk_back(toks, at)
    if chunk is None:
        return None
    a_lo, _a_hi = chunk
    if a_lo == at or (a_lo > 0 and toks[a_lo - 1][0] not in _BOUNDARY_PUNCT):
        # The antecedent must open its clause ("Those who …", "…, residents who …").
        return None
    while a_lo < at and toks[a_lo][0].lower() in LEADING_ADVERBIALS:
        a_lo += 1
    words = [t[0] for t in toks[a_lo:at] if _is_word(t[0])]
    if (
        not words
        or not (_has_head(words) or _PRONOUN_ANTECEDENT.issuperset(w.lower() for w in words))
        or words[0].lower() in _PREPOSITIONS
    ):
        return None
    if len([t for t in toks[a_lo:hi] if _is_word(t[0])]) > _MAX_WORDS:
        return None
    end = hi
    while end > at + 1 and not _is_word(toks[end - 1][0]):
        end -= 1
    if end <= at + 1:
        return None
    return Span(toks[a_lo][1], toks[end - 1][2]), a_lo - 1


def _chunk_back(toks: list[tuple[str, int, int]], hi: int) -> tuple[int, int] | None:
    """Token range [lo, hi) back to the nearest clause boundary before ``hi``."""
    lo = hi
    words = 0
    while lo > 0:
        tok = toks[lo - 1][0]
        low = tok.lower()
        if tok in _BOUNDARY_PUNCT:
            break
        if _is_word(tok):
            if tok.islower() and low in _BOUNDARY_WORDS:
                break
            if (
                tok.islower()
                and (low in CLAUSE_VERBS or (low.endswith("ed") and low not in ED_ADJECTIVES))
                # "government-owned", "Russian-backed": a compound participle is an adjective.
                and "-" not in low
                and not _reduced_passive(toks, lo - 1, hi)
            ):
                break
            if (
                low in ED_ADJECTIVES
                and lo >= 2
                and toks[lo - 2][0] == "and"
                and lo < hi
                and toks[lo][0] != "by"
            ):
                # "met lawmakers and released written testimony saying …": after "and" it is
                # a verb of the clause before, not a participle of the phrase.
                break
            words += 1
            if words > _MAX_WORDS:
                return None
        lo -= 1
    return lo, hi


def _reduced_passive(toks: list[tuple[str, int, int]], at: int, hi: int) -> bool:
    """ "Two of the riders named by the doctor said": a participle with its agent after a
    noun modifies the noun; it starts no clause."""
    low = toks[at][0].lower()
    if not low.endswith("ed") or low in CLAUSE_VERBS or at + 1 >= hi or at == 0:
        return False
    before = toks[at - 1][0]
    return (
        toks[at + 1][0].lower() in {"by", "in"}
        and _is_word(before)
        and before.lower() not in CLAUSE_VERBS
        and before.lower() not in _BOUNDARY_WORDS
        and before.lower() not in {"was", "were", "is", "are", "be", "been", "being", "not"}
    )


def _skip_appositions(toks: list[tuple[str, int, int]], comma: int) -> tuple[int, int] | None:
    """Before ", said": skip relative clauses, keep the nearest appositive name."""
    hi = comma
    joined_lo: int | None = None
    for _ in range(4):
        chunk = _chunk_back(toks, hi)
        if chunk is None:
            return None
        lo, _end = chunk
        if lo > 0 and toks[lo - 1][0] != ",":
            # Stopped inside a clause (", who confirmed the meeting,"): skip the whole clause.
            while lo > 0 and toks[lo - 1][0] != ",":
                lo -= 1
            if lo == 0:
                return None
            hi = lo - 1
            continue
        first = toks[lo][0] if lo < hi else ""
        text = " ".join(t[0].lower() for t in toks[lo:hi])
        if any(text.startswith(j) for j in _JOINERS):
            joined_lo = lo
        elif first and (first[0].isupper() or first.lower() in _DETERMINERS or first == "one"):
            last = toks[hi - 1][0] if hi > lo else ""
            described = first.islower() or (
                # "Duong Pov, Stung Treng deputy governor, said": a place before a role is
                # still a description of the name before it.
                last.islower()
                and (last in ROLE_HEADS or last in TITLE_WORDS or last in PERSON_NOUNS)
            )
            if described and joined_lo is None:
                # "Ida Holm, an engineer with Acme, a rail firm, said": the descriptions
                # stand beside a name earlier in the chain, which is who speaks.
                named = _name_earlier(toks, lo)
                if named is not None:
                    return named
            return lo, (comma if joined_lo is not None else hi)
        if lo == 0 or toks[lo - 1][0] != ",":
            return None
        hi = lo - 1
    return None


def _name_earlier(toks: list[tuple[str, int, int]], lo: int) -> tuple[int, int] | None:
    """The proper name heading an appositive chain that ends at ``lo``, if any: each link
    back is a comma, the links between are descriptions, the name is all capitalized."""
    hi = lo - 1
    for _ in range(3):
        if hi <= 0 or toks[hi][0] != ",":
            return None
        chunk = _chunk_back(toks, hi)
        if chunk is None:
            return None
        c_lo, c_hi = chunk
        words = [t[0] for t in toks[c_lo:c_hi] if _is_word(t[0])]
        opens = c_lo == 0 or toks[c_lo - 1][0] in _BOUNDARY_PUNCT
        if len(words) > 1 and words[0].lower() in LEADING_ADVERBIALS and _is_word(toks[c_lo][0]):
            # "But Ana Ruiz, a lawyer for the club, said": the conjunction is no part of it.
            words = words[1:]
            c_lo += 1
        if not words:
            return None
        if (
            # "The Board of Governors": a body's name may hold lower-case link words.
            all(
                w[:1].isupper() or (0 < k < len(words) - 1 and w in _NAME_LINKS)
                for k, w in enumerate(words)
            )
            and words[0].lower() not in LEADING_ADVERBIALS
            and words[0].lower() not in _PREPOSITIONS
            and words[0].lower() not in TIME_WORDS
            and words[-1].lower() not in TITLE_WORDS
            and opens
        ):
            return c_lo, c_hi
        if words[0][:1].isupper() and words[0].lower() not in _DETERMINERS:
            # Not a description ("In a statement"): the chain has ended.
            return None
        hi = c_lo - 1
    return None


# Lower-case words inside a body's proper name ("Board of Governors", "Bank for Trade").
_NAME_LINKS = frozenset({"of", "for", "and", "on", "the"})


# A time phrase before a subject: "On Friday morning", "Last year", "In March 2019".
_LEADING_TIME = re.compile(
    # "Two weeks later it added", "A day earlier the ministry said".
    r"(?:[A-Z][a-z]*|\d+)\s+(?:hours?|days?|weeks?|months?|years?)\s+(?:later|earlier|ago)\s+|"
    r"(?:(?:[Oo]n|[Ii]n|[Bb]y|[Ll]ate|[Ee]arly|[Ee]arlier|[Ll]ater|[Ll]ast|[Tt]his|[Nn]ext)\s+)+"
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|weekend|month|year|"
    r"morning|afternoon|evening|night|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|\d{4}|\d{1,2}(?:st|nd|rd|th)?)(?:\s+|$))+"
)


# Words that end no speaker phrase: "The central bank neither confirmed …", "they also".
_TRAILING_NOT_NP = frozenset(
    "himself herself itself themselves neither either also both too still".split()
)


def _finish(sentence: str, toks: list[tuple[str, int, int]], lo: int, hi: int) -> Span | None:
    # Leading conjunctions and subordinators ("But", "As", "While") are not the speaker.
    while (
        lo < hi
        and _is_word(toks[lo][0])
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
    while hi > lo and not _is_word(toks[hi - 1][0]) and toks[hi - 1][0] not in {"’", "'"}:
        hi -= 1
    while hi > lo and toks[hi - 1][0].lower() in _TRAILING_NOT_NP:
        hi -= 1
    if lo >= hi:
        return None
    lo = _after_reduced_relative(toks, lo, hi)
    words = [t[0] for t in toks[lo:hi] if _is_word(t[0])]
    if not words or not _has_head(words) or words[0].lower() in _PREPOSITIONS:
        return None
    if (
        words[0].islower()
        and words[0].endswith("ing")
        # "sporting director Miguel Ortega": a modifier of a titled name, not a verb phrase.
        and not (
            len(words) > 2
            and words[1].islower()
            and words[1] not in _PREPOSITIONS | {"to", "the", "a", "an", "his", "her", "their"}
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
            and prev not in _PREPOSITIONS
            and prev not in _DETERMINERS
            and prev not in {"and", "or", "nor", "but", "than", "whom", "including"}
            and not prev.endswith("ly")
        ):
            return i
    return lo


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
    if all(w.lower() in _DETERMINERS for w in words):
        return False
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return words[0].lower() not in {"that", "this", "these", "those", "which"}
    if words[-1].lower() in _PREMODIFIERS:
        # "The so-called claims office": a noun phrase does not end in a pre-modifier.
        return False
    if (
        words[0].lower() in _DETERMINERS
        and 2 <= len(words) <= 5
        and words[-1].isalpha()
        and not words[-1].endswith("ly")
    ):
        # "the coroner", "the mining company": determiner plus a common noun.
        return True
    if len(words) <= 3 and words[-1].islower() and words[-1].endswith((*_AGENT_PLURALS, "men")):
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
    words = [t for t, _a, _b in _toks(phrase) if _is_word(t)]
    return bool(words) and words[0].lower() not in _PREPOSITIONS and _has_head(words)


# A finite verb ends the phrase after a cue: "which, according to the ministry, would …".
_FINITE_AFTER = frozenset(
    "would will is are was were has have had could may might should can must".split()
)


def speaker_after(sentence: str, cue_end: int) -> Span | None:
    """The noun phrase right after a cue: inversions (", said Peres") and "according to X"."""
    toks = _toks(sentence, cue_end, min(len(sentence), cue_end + _WINDOW))
    while toks and _is_word(toks[0][0]) and toks[0][0].lower() in TIME_WORDS:
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
            tok in _BOUNDARY_PUNCT
            or tok in {".", "!", "?"}
            or (
                _is_word(tok)
                and tok.islower()
                and tok in _BOUNDARY_WORDS | _FINITE_AFTER | {"adding", "in"}
                and (tok != "in" or hi > lo + 1)
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
        if toks[a][0][0].isupper() and all(t[0][0].isupper() for t in toks[a:b] if _is_word(t[0])):
            lo, hi = a, b
    if hi - lo > _MAX_WORDS:
        return None
    return _finish(sentence, toks, lo, hi)


def is_pronoun(speaker: str) -> bool:
    # "WHO" the organization is not "who" the pronoun.
    return speaker.lower() in PRONOUNS and not (speaker.isupper() and len(speaker) > 1)


def tidy_speaker(speaker: str, people: Mapping[str, str]) -> str:
    """Expand a bare surname to the fullest name seen; drop a title longer than the name."""
    speaker = speaker.strip()
    full = people.get(speaker.lower())
    if full is not None:
        return full
    placed = _PLACED_BODY.match(speaker)
    if placed is not None and any(c.isupper() for c in speaker[placed.end() :]):
        # "the Qatar-based al-Jazeera television network", "the state-run Xinhua news
        # agency": where a body sits or who runs it describes it; the rest names it.
        speaker = speaker[placed.end() :]
    words = speaker.split()
    gaz = gazetteer()
    if len(words) >= 2 and all(
        w.lower().rstrip(".") in HONORIFICS
        or w.lower() in TITLE_WORDS
        or w.lower() in ROLE_HEADS
        or w.lower() in gaz.titles
        for w in words[:-1]
    ):
        # "Mr. Uribe", "President Mbeki": the person named in full earlier in the report.
        full = people.get(words[-1].lower())
        if full is not None and " " in full:
            return full
    if (
        len(words) >= 2
        and words[-1][:1].isupper()
        and all(_surname_modifier(w) for w in words[:-1])
    ):
        # "the 61-year-old Taylor", "Mattel's Debrowski", "the embattled Ruiz": the person
        # named in full earlier, described again.
        full = people.get(words[-1].lower())
        if full is not None and " " in full:
            return full
    of = next((k for k, w in enumerate(words) if k > 1 and w in {"of", "at", "from", "with"}), None)
    if of is not None:
        # "Professor Ruth Okoye of Imperial College London", "Ana Ruiz with the group Clean
        # Rivers": the person, not the institution.
        lead = " ".join(words[of - 2 : of])
        if lead.lower() in people:
            return people[lead.lower()]
        after_of = words[of + 1 :]
        if (
            words[of - 1].lower() in gaz.org_suffixes
            and all(w[:1].isupper() or w in {"of", "and", "the", "for"} for w in after_of)
            and not any(w.lower() in ROLE_HEADS for w in after_of)
        ):
            # "The Ministry of Foreign Affairs": one body's name, not a title before a name
            # (as "Director" is in "The Ministry of Health Director Anna Berg").
            return speaker
    described = _described_body(words, gaz.demonyms)
    if described is not None:
        return described
    # Trailing personal name after a title ("Kremlin spokesperson Dmitry Peskov").
    i = len(words)
    while i > 0 and _name_word(words[i - 1], gaz.titles, gaz.places, gaz.organizations):
        i -= 1
    known = next(
        (n for n in (3, 2) if len(words) > n and " ".join(words[-n:]).lower() in people), None
    )
    if known is not None and i < len(words) - known:
        # "Liberia's Minister of Information Lawrence Bropleh": a person the report names
        # ends the phrase; a capitalized title word before ("Information") is no part of it.
        i = len(words) - known
    if i < len(words) and words[-1].lower() in gaz.org_suffixes:
        # "A spokesperson for the Russian Foreign Ministry": a body, not a person's name.
        return speaker
    name = words[i:]
    if not name or i == 0 or len(name) > 3:
        return speaker
    prefix = [w.lower().rstrip(",") for w in words[:i]]
    if words[i - 1].lower() in _PREPOSITIONS | {"the", "a", "an"} or (
        _plural_role(words[0]) and any(w in {"for", "of", "to"} for w in prefix)
    ):
        # "A spokesperson for the Polish Ministry of Development", "Lawyers for Paul
        # Azzopardi": the name is whom the role serves, not the person speaking.
        return speaker
    if not any(w in TITLE_WORDS or w in ROLE_HEADS or w in PERSON_NOUNS for w in prefix):
        return speaker
    if any(w in {"with", "and", "including"} for w in prefix[-2:]):
        return speaker
    if words[0].lower() == "the" and all(w[:1].isupper() for w in words[1:]):
        # "The Open Society Justice Initiative": a capitalized word that can be a title
        # ("Justice") inside a body's name, not a title before a person's name.
        return speaker
    if i > 3 or words[i - 1].endswith(","):
        # A long title ("U.S. Special Envoy for Ukraine") would bury the name.
        return " ".join(name)
    if (
        len(_SPAN_TOKEN.findall(speaker)) >= 3 * len(_SPAN_TOKEN.findall(" ".join(name)))
        # Right after the title: "Emir Khalid bin Rashid" has a particle inside the name.
        and (prefix[-1] in TITLE_WORDS or prefix[-1] in ROLE_HEADS or prefix[-1] in PERSON_NOUNS)
    ):
        # "Zimbabwe's Prime Minister Ana Ruiz", "Russian gas giant Gazprom": a title or
        # description longer than the name it goes with would outweigh the name.
        return " ".join(name)
    return speaker


_SPAN_TOKEN = re.compile(r"\w+")
_PLACED_BODY = re.compile(
    r"(?:[Tt]he|[Aa]n?)\s+(?:(?:[A-Z][\w’'.]*\s+)*[\w’'.]+-"
    r"(?:based|run|owned|backed|controlled|funded|affiliated|aligned|financed|operated)\s+)+"
)
_AGE = re.compile(r"\d+-year-old$")


def _surname_modifier(word: str) -> bool:
    """A word that may stand before a surname without being part of the name: a
    determiner, an age, a lower-case adjective, or a possessor ("Mattel's")."""
    return (
        (
            word.isalpha()
            and word.islower()
            # "A spokeswoman for Gore" is someone else, who speaks for Gore.
            and word not in _PREPOSITIONS | {"for", "and", "or", "to", "with", "by", "of"}
            and word not in ROLE_HEADS
            and word not in PERSON_NOUNS
            and word not in TITLE_WORDS
        )
        or word in {"The", "A"}
        or _AGE.match(word) is not None
        or (word.endswith(("'s", "’s")) and word[:1].isupper())
    )


def _described_body(words: list[str], demonyms: frozenset[str]) -> str | None:
    """ "Russian gas giant Gazprom", "the carmaker Toyota Motor": the body's name after a
    description of what it is; the description is no part of the name."""
    # A lower-case descriptor: "The Daily Post" is a name.
    at = next((k for k in range(len(words) - 1, 0, -1) if words[k] in ORG_DESCRIPTORS), 0)
    name = words[at + 1 :]
    if not at or not 1 <= len(name) <= 3 or not all(w[:1].isupper() for w in name):
        return None
    lead = words[:at]
    if lead[0].lower() in {"the", "a", "an"}:
        lead = lead[1:]
    if not all(
        w.islower() or w.isupper() or w.lower() in demonyms or w.endswith(("an", "ese", "ish"))
        for w in lead
    ):
        # Lower-case words, "U.S.", and adjectives of nationality ("Chilean") only.
        return None
    if len(_SPAN_TOKEN.findall(" ".join(words))) < 3 * len(_SPAN_TOKEN.findall(" ".join(name))):
        # "Internet giant Google", "the carmaker Toyota Motor": short enough to keep.
        return None
    return " ".join(name)


def _name_word(
    word: str, titles: frozenset[str], places: frozenset[str], orgs: frozenset[str]
) -> bool:
    low = word.lower()
    return (
        word[:1].isupper()
        and word.isalpha() is not False
        and low not in titles
        and low not in TITLE_WORDS
        and low not in places
        and low not in orgs
        and not word.endswith(("’s", "'s", ","))
    )


def _in_named_outlet(words: list[str], low: list[str], head_end: int) -> bool:
    """ "Published reports in The Sunday Times": accounts printed by a named outlet (a name
    ending in a word like "Times", "Post" or "News"), not "reports in Kabul"."""
    if head_end >= len(words) or low[head_end] != "in" or low[head_end - 1] not in _PRINTED:
        return False
    suffixes = gazetteer().org_suffixes
    return any(w[:1].isupper() and w.lower() in suffixes for w in words[head_end + 1 :])


_PRINTED = frozenset({"reports", "report", "articles", "article", "accounts", "stories"})


_OFFICIAL_MAKERS = frozenset(
    "official government police state parliamentary military army ministry court".split()
)


def classify_speaker(speaker: str, people: Mapping[str, str]) -> SpeakerKind:
    """named / official / anonymous as SCHEMA.md defines them."""
    words = speaker.replace(",", " ").split()
    if not words:
        return "anonymous"
    low = [w.lower() for w in words]
    if _names_person(words, people) or _titled_name(words):
        return "named"
    if low[0] == "their" and _IDENTIFIED_DOCUMENT.match(speaker):
        # "Their report": the document of a group the report has described but not named
        # speaks for that group, an unnamed body.
        return "official"
    if _counted_body(low) and words[-1].islower():
        # "Two environmental groups", "the two groups", "a legal group": bodies the report
        # counts or points back to, not named here; bare "rights groups" stays anonymous,
        # and "the World Health Organization" is a name.
        return "official"
    if _IDENTIFIED_DOCUMENT.match(speaker):
        # "the indictment", "The report": a document the report has identified speaks as
        # itself, like a named body; "reports" or "a document" name no source.
        return "named"
    if _STATEMENT.match(speaker):
        # "A military statement", "the statement issued by the ministry": a statement is
        # put out by an identified body, which speaks through it as itself.
        return "named"
    if low[-1] in DOCUMENT_NOUNS and not _OFFICIAL_MAKERS.isdisjoint(low[:-1]):
        # "An official investigation", "a police report": a state body's unnamed document.
        return "official"
    if low == ["the", "opposition"]:
        # "the opposition": the organised opposition of the country the report is about.
        return "official"
    if low in (["the", "government"], ["the", "military"]):
        # "The government said": the one government the report is about, speaking as itself
        # like "the Kremlin"; "a government official" is still a role.
        return "named"
    if _UNNAMED.match(speaker) and not any(
        w[:1].isupper() and w.lower() not in _DETERMINERS for w in words[1:]
    ):
        # "unnamed officials", "an unidentified diplomat": the report withholds who, and
        # names no body they serve.
        return "anonymous"
    if low in (["the", "agency"], ["the", "coalition"], ["the", "alliance"]):
        # "The coalition denied …": the one body of that kind the report is about, speaking
        # as itself ("the state disaster agency" is still an unnamed office).
        return "named"
    if len(low) >= 2 and low[0] == "the" and low[-1] in _FIRM_HEADS:
        # "The company", "the rail operator": a firm the report has named, speaking as itself.
        return "named"
    if _close_to(speaker):
        # "diplomats close to the talks", like "people familiar with the matter".
        return "anonymous"
    # The part before "of"/"with"/"in" carries the head ("internal assessments of ...").
    head_start = 0
    if len(low) > 2 and low[1] == "of" and low[0] in _QUANTIFIERS:
        # "one of the officials", "some of the sources": the head follows "of".
        head_start = 2
    head_end = len(words)
    for i, w in enumerate(low):
        if w in _HEAD_ENDERS and i > head_start:
            head_end = i
            break
    head = low[head_start:head_end]
    # "economists polled by Reuters": the agent of the poll is not the source.
    polled = any(
        w
        in {"polled", "surveyed", "interviewed", "quoted", "cited", "seen", "obtained", "reviewed"}
        for w in low
    )
    source_by = (
        not polled
        and any(w in {"by", "from"} for w in low)
        and any(
            words[i][0].isupper()
            for i in range(len(words))
            if i > low.index(next(w for w in low if w in {"by", "from"}))
        )
    )
    if head_end < len(words) and any(
        w in _STAFF_HEADS
        or (
            w == head[-1]
            and _plural_role(w)
            and w not in ANONYMOUS_HEADS
            # "The Sunday Times of London": a capitalized word after the first is part of a
            # name ("Regulators at …" opens the sentence).
            and (head_end == 1 or words[head_end - 1].islower())
        )
        for w in head
    ):
        # "Analysts at Ridgeway Capital", "Observers from the African Union": unnamed people
        # of a named body.
        rest = words[head_end + 1 :]
        if low[head_end] in {"at", "from", "of", "with", "for"} and any(
            w[0].isupper() and w.lower() not in _DETERMINERS for w in rest
        ):
            return "official"
    if (
        not source_by
        and head
        and head[-1] not in ANONYMOUS_HEADS
        and any(
            (w in ROLE_HEADS and w not in BODY_HEADS and not _adjective_official(head, i))
            or (w in BODY_HEADS and not _proper_before(words, head_start + i))
            for i, w in enumerate(head)
        )
    ):
        return "official"
    if any(w in ANONYMOUS_HEADS for w in head) or "familiar" in low or "knowledge" in low:
        if source_by or _in_named_outlet(words, low, head_end):
            return "named"
        modifiers = words[1:head_end] if words[0][0].isupper() else words[:head_end]
        demonyms = gazetteer().demonyms
        if any(
            m[0].isupper() and m.lower() not in _DETERMINERS and m.lower() not in demonyms
            for m in modifiers
        ):
            return "named"
        return "anonymous"
    if (
        len(words) >= 2
        and words[0][0].isupper()
        and all(w.islower() for w in words[1:])
        and low[0].endswith(_ADJECTIVE_ENDINGS)
        and _plural_role(words[-1])
    ):
        # "Independent physicists", "Local residents": a sentence-initial adjective, no name.
        return "official" if words[-1].lower() in ROLE_HEADS else "anonymous"
    # A relative clause describes the speaker but names nobody who speaks: "Militants who
    # say they serve the Northern Front" are still unnamed militants.
    own = words[: words.index("who")] if "who" in words[1:] else words
    if len(own) > 1 and low[0] in _QUANTIFIERS | {"others", "those"} and low[1] in _PREPOSITIONS:
        # "many in the border towns", "some from the capital": unnamed people of a place.
        return "anonymous"
    if (
        words[0][0].isupper()
        and all(w.islower() for w in own[1:])
        and low[0].endswith(_AGENT_PLURALS)
        and low[0] not in gazetteer().organizations
    ):
        # "Farmers said", "Commuters who rely on the line say": a plural common noun
        # capitalized only because it starts the sentence names nobody.
        return "official" if low[0] in ROLE_HEADS else "anonymous"
    # "The tanker's Greek owner" names nobody; "the Norwegian fisheries ministry" is a body
    # named by its country.
    demonyms = frozenset() if any(w in BODY_HEADS for w in low) else gazetteer().demonyms
    if (
        not any(
            (w[0].isupper() or (w[0].isdigit() and any(c.isupper() for c in w)))
            and w.lower() not in _DETERMINERS
            and w.lower() not in demonyms
            # "Norwegians": the plural of a demonym names no one either.
            and not (w.endswith("s") and w.lower()[:-1] in demonyms)
            for w in own
        )
        and not (len(words) == 1 and is_pronoun(speaker))
    ):
        # "Her neighbor", "a local farmer": an unnamed person is no named source.
        return "anonymous"
    return "named"


_GROUP_NOUNS = frozenset(
    {"group", "groups", "organization", "organizations", "organisation", "organisations"}
)
_COUNTING = frozenset("a an the these those both two three four five six several".split())
# Only a pointing determiner turns "experts" into the members of a body just described.
_POINTING = frozenset({"the", "these", "those"})


def _counted_body(low: list[str]) -> bool:
    if len(low) < 2 or low[0] not in _COUNTING or len(low) > 5:
        return False
    if low[-1] in _GROUP_NOUNS:
        return not any(w in _HEAD_ENDERS for w in low)
    return len(low) == 2 and low[0] in _POINTING and low[1] in {"experts", "researchers"}


def _adjective_official(head: list[str], i: int) -> bool:
    """ "the official news agency", "official media": before another word of the head,
    "official" is an adjective, not a person."""
    return head[i] == "official" and i + 1 < len(head)


# Words every match of _CLOSE_TO holds, for the cheap gate before the search.
_CLOSE_TO_KEYS = ("close", "familiar", "privy", "briefed", "knowledgeable")


def _close_to(speaker: str) -> bool:
    return gated_search(_CLOSE_TO, speaker, _CLOSE_TO_KEYS)


_STATEMENT = re.compile(
    r"^(?:the|this|its|their|a|an)\s+(?:[\w’'\-]+\s+){0,3}?(?:statement|communiqu[eé]|"
    r"press\s+release)(?:$|\s+(?:issued|released|published|posted|sent|from|by|of)\b)",
    re.IGNORECASE,
)
_UNNAMED = re.compile(
    r"^(?:(?:an?|the|two|three|several|some)\s+)?(?:unnamed|unidentified)\s", re.IGNORECASE
)
_IDENTIFIED_DOCUMENT = re.compile(
    r"^(?:the|this|its|their)\s+(?:[\w’'\-]+\s+){0,3}?(?:report|indictment|study|survey|"
    r"ruling|verdict|judgment|judgement|audit|review|assessment|findings|investigation|inquiry|"
    r"complaint|lawsuit|resolution|communique|communiqué|analysis|document|memo|letter|"
    r"dossier)$",
    re.IGNORECASE,
)


def titled_name(words: list[str]) -> bool:
    """A role or title word followed by a capitalized name of one to three words
    ("Health Ministry spokesperson Ida Holm", "Colonel Jo Park")."""
    return _titled_name(words)


def _titled_name(words: list[str]) -> bool:
    for i, word in enumerate(words[:-1]):
        low = word.lower()
        if low in {"for", "of", "to", "by", "with", "at", "from"}:
            # "Lawyers for port director Ida Holm": the named person is whom they serve.
            return False
        if low not in PERSON_NOUNS and low not in TITLE_WORDS:
            continue
        name = words[i + 1 :]
        if len(name) <= 3 and all(
            w[:1].isupper()
            and w.lower() not in TITLE_WORDS
            and w.lower() not in ROLE_HEADS
            and w.lower() not in _DETERMINERS
            and not w.endswith(("’s", "'s"))
            for w in name
        ):
            return True
    return False


def _plural_role(word: str) -> bool:
    """A plural common noun heading a speaker ("Lawyers", "relatives", "supporters")."""
    low = word.lower()
    return (
        low.endswith("s") and not low.endswith(("'s", "’s", "ss", "us")) and low not in TITLE_WORDS
    )


def _proper_before(words: list[str], head: int) -> bool:
    """A body named by a capitalized modifier ("Azerbaijan's foreign ministry", "The State
    Department") speaks as itself; "Police" or "the embassy" alone is an unnamed body.
    """
    if words[head][0].isupper() and head > 0:
        return True
    return any(w[0].isupper() and w.lower() not in _DETERMINERS for w in words[:head])


def _names_person(words: list[str], people: Mapping[str, str]) -> bool:
    for i, word in enumerate(words):
        if (
            i > 0
            and word.lower() in {"for", "of", "to", "by"}
            and (_plural_role(words[0]) or words[i - 1].lower() in _PARTICIPLES)
        ):
            # "Lawyers for Paul Azzopardi", "a document seen by Ledger Line": the people named
            # after the preposition do not speak.
            return False
        if word.endswith(("’s", "'s")) or not word[:1].isupper():
            # A lower-case word ("the defence ministry") is never a person's name.
            continue
        if (
            i + 1 < len(words)
            and words[-1].islower()
            and words[-1] in ROLE_HEADS
            and all(w[:1].isupper() for w in words[i + 1 : -1])
        ):
            # "Ortega allies", "Lund aides": the people of a named person, not that person.
            continue
        if word.lower() in people:
            return True
        if i + 1 < len(words) and f"{word} {words[i + 1]}".lower() in people:
            return True
    return False
