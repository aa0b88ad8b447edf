"""The stretch of a sentence's tokens back to the nearest clause boundary before a point.

``speakers`` reads the subject of a cue as the phrase that ends right before it, back to a
comma or bracket, a clause word ("that", "who", "said") or a finite verb; ``appositions``
reads each link of a chain set off by commas ("Ida Holm, an engineer with Acme, said") the
same way. Where such a phrase starts depends only on the tokens (``(word, start, end)`` as
``speakers`` cuts them), not on which phrase speaks, so it lives below both rule modules
and each imports it without importing the other.
"""

from __future__ import annotations

from briefings.lexicon import (
    CLAUSE_VERBS,
    DOCUMENT_NOUNS,
    ED_ADJECTIVES,
    PERSON_NOUNS,
    TIME_WORDS,
)

__all__ = ["BOUNDARY_PUNCT", "BOUNDARY_WORDS", "MAX_WORDS", "chunk_back", "is_word"]

BOUNDARY_PUNCT = frozenset(',;:()[]"“”‘—–!?') | {"--", "''"}
BOUNDARY_WORDS = frozenset(
    """
    that which who whom whose while as but though although because after before when if
    since whereas where than so said says told then unless until despite following what
    """.split()
)
MAX_WORDS = 16


def is_word(tok: str) -> bool:
    return tok[0].isalnum()


def chunk_back(toks: list[tuple[str, int, int]], hi: int) -> tuple[int, int] | None:
    """Token range [lo, hi) back to the nearest clause boundary before ``hi``."""
    lo = hi
    words = 0
    while lo > 0:
        tok = toks[lo - 1][0]
        low = tok.lower()
        if tok in BOUNDARY_PUNCT:
            break
        if is_word(tok):
            if (
                tok.islower()
                and low in BOUNDARY_WORDS
                # "A statement released after the meeting said": when the document was put
                # out, inside its phrase.
                and not (low in _WHEN_PLACED and lo >= 3 and _placed_document(toks, lo - 2))
            ):
                break
            if low == "and" and lo >= 2 and toks[lo - 2][0].lower() in _SPANS_OF_TIME:
                # "clashes have been going on for months and residents had been calling":
                # after a span of time, "and" joins clauses, not names.
                break
            if (
                tok.islower()
                and (low in CLAUSE_VERBS or (low.endswith("ed") and low not in ED_ADJECTIVES))
                # "government-owned", "Russian-backed": a compound participle is an adjective.
                and "-" not in low
                and not _reduced_passive(toks, lo - 1, hi)
                # "The dismissed prime minister", "the jailed activist": a participle after an
                # article, before the noun, is an adjective.
                and not (
                    low.endswith("ed")
                    and lo >= 2
                    and toks[lo - 2][0].lower() in {"the", "a", "an"}
                    and lo < hi
                    and is_word(toks[lo][0])
                )
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
            if words > MAX_WORDS:
                return None
        lo -= 1
    return lo, hi


# Words that end a phrase of time ("for months", "in late January", "on Tuesday").
_SPANS_OF_TIME = (
    frozenset("hours days weeks months years decades".split())
    | TIME_WORDS
    | frozenset(
        "january february march april may june july august september october november "
        "december".split()
    )
)


_BE = frozenset("was were is are be been being not".split())
_MID_ADVERBS = frozenset("also still even often now already largely mostly partly".split())
# Prepositions after a participle that says where or when a document was put out.
_PLACING = frozenset("by in to on at from for with during after before".split())


_SOURCED = frozenset({"quoted", "cited"})
# Participles that say how a document came out, where they do not end in -ed.
_IRREGULAR_PARTICIPLES = frozenset("sent written seen given shown drawn handed read".split())
# Prepositions of time that may follow such a participle.
_WHEN_PLACED = frozenset({"after", "before", "following"})


def _placed_document(toks: list[tuple[str, int, int]], at: int) -> bool:
    """A participle right after a document noun: "a statement released", "a letter sent"."""
    low = toks[at][0].lower()
    return (
        at > 0
        and (low.endswith("ed") or low in _IRREGULAR_PARTICIPLES)
        and toks[at - 1][0].lower() in DOCUMENT_NOUNS
    )


def _reduced_passive(toks: list[tuple[str, int, int]], at: int, hi: int) -> bool:
    """ "Two of the riders named by the doctor said": a participle with its agent after a
    noun modifies the noun; it starts no clause."""
    low = toks[at][0].lower()
    if at + 1 >= hi or at == 0 or not (low.endswith("ed") or low in _IRREGULAR_PARTICIPLES):
        return False
    before = toks[at - 1][0]
    if _placed_document(toks, at) and toks[at + 1][0].lower() in _PLACING:
        # "A statement posted to the ministry's website said", "A letter sent to the U.N.
        # said": a document does nothing itself, so a participle after it is passive
        # whatever preposition follows.
        return True
    if low in CLAUSE_VERBS:
        # "One official quoted in the Time magazine report cautioned": a person quoted or
        # cited somewhere is still the one who speaks; otherwise a verb of saying is one.
        return (
            low in _SOURCED
            and toks[at + 1][0].lower() in {"by", "in"}
            and before.lower().rstrip("s") in PERSON_NOUNS
        )
    if (
        at >= 2
        and (before.endswith("ly") or before in _MID_ADVERBS)
        and toks[at - 2][0].lower() in _BE
    ):
        # "All major media are also controlled by the government": a passive verb of the
        # clause, with an adverb between it and its auxiliary.
        return False
    return (
        toks[at + 1][0].lower() in {"by", "in"}
        and is_word(before)
        and before.lower() not in CLAUSE_VERBS
        and before.lower() not in BOUNDARY_WORDS
        and before.lower() not in _BE
        # "But these concluded in late January": a pronoun before a past tense is its subject.
        and before.lower() not in {"these", "those", "they", "it", "he", "she", "we", "this"}
    )
