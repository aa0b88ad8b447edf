"""Which phrase of an apposition speaks: the name, not the description set beside it.

"Ida Holm, an engineer with Acme, a rail firm, said", "Conde's main challenger, former Prime
Minister Cellou Dalein Diallo, said", "The office of the U.S. Trade Representative, USTR,
said", "Ana Ruiz, head of research at the institute said": ``speakers`` finds that the
subject of a cue ends in phrases set beside each other by commas, and these rules pick the
one that names who speaks. They judge each link by its own words (capitalized, a title, a
role owned by a body, an acronym); where the subject ends, and whether it ends in such a
chain at all, is for ``speakers`` to find, so they stand apart from it.
"""

from __future__ import annotations

from briefings.clause_chunks import BOUNDARY_PUNCT, chunk_back, is_word
from briefings.gazetteer import gazetteer
from briefings.lexicon import (
    BODY_HEADS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    GROUP_HEADS,
    LEADING_ADVERBIALS,
    ORG_DESCRIPTORS,
    PERSON_NOUNS,
    PREPOSITIONS,
    ROLE_HEADS,
    TIME_WORDS,
    TITLE_WORDS,
)

__all__ = ["open_apposition", "skip_appositions"]

_JOINERS = ("along with", "together with", "as well as", "including")


def open_apposition(toks: list[tuple[str, int, int]], lo: int) -> tuple[int, int] | None:
    """ "Ana Ruiz, head of research at the institute said": an apposition whose closing
    comma is missing; the name that opens the sentence speaks, not the description."""
    first = toks[lo][0]
    if first in PREPOSITIONS or first in LEADING_ADVERBIALS or first in TIME_WORDS:
        return None
    c_lo = lo - 1
    while c_lo > 0 and is_word(toks[c_lo - 1][0]):
        c_lo -= 1
    if c_lo != 0 and not _fronted_adverbial(toks, c_lo):
        return None
    words = [t[0] for t in toks[c_lo : lo - 1]]
    # A title may open the name ("Sheikh Sharif Ahmed, leader of the council declared"):
    # the name after it is what must look like one.
    titled = 0
    while titled < len(words) - 2 and words[titled].lower() in TITLE_WORDS:
        titled += 1
    name = words[titled:]
    gaz = gazetteer()
    if not (
        2 <= len(name) <= 4
        and all(w[:1].isupper() for w in name)
        # (A title word may stand inside a name, "Sharif Sheikh Ahmed", not end it.)
        and name[-1].lower() not in TITLE_WORDS
        and not any(w.lower() in TIME_WORDS for w in name)
        and words[0].lower() not in LEADING_ADVERBIALS
        and words[0].lower() not in PREPOSITIONS
        and " ".join(name).lower() not in gaz.places
    ):
        return None
    return c_lo, lo - 1


def _fronted_adverbial(toks: list[tuple[str, int, int]], c_lo: int) -> bool:
    """Whether all before ``c_lo`` is a short time or place phrase and its comma ("Yesterday,",
    "On Tuesday,"), so the name after it still opens the sentence's clause."""
    if toks[c_lo - 1][0] != ",":
        return False
    words = [t[0] for t in toks[: c_lo - 1]]
    return (
        1 <= len(words) <= 4
        and all(is_word(w) for w in words)
        and (
            words[0].lower() in TIME_WORDS
            or words[0].lower() in LEADING_ADVERBIALS
            or words[0].lower() in PREPOSITIONS
        )
    )


def skip_appositions(toks: list[tuple[str, int, int]], comma: int) -> tuple[int, int] | None:
    """Before ", said": skip relative clauses, keep the nearest appositive name."""
    hi = comma
    joined_lo: int | None = None
    for _ in range(4):
        hi = _before_bracketed_acronym(toks, hi)
        chunk = chunk_back(toks, hi)
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
        if first.islower() and _titled_name_words([t[0] for t in toks[lo:hi] if is_word(t[0])]):
            # "Conde's main challenger, former Prime Minister Cellou Dalein Diallo, said":
            # the titled name nearest the verb speaks, not the description before it.
            return lo, hi
        text = " ".join(t[0].lower() for t in toks[lo:hi])
        if any(text.startswith(j) for j in _JOINERS):
            joined_lo = lo
        elif _restated_acronym(toks, lo, hi):
            # "The office of the U.S. Trade Representative, USTR, said": the acronym only
            # restates the name before it, which the report spells out.
            before = chunk_back(toks, lo - 1)
            if before is not None and any(t[0][:1].isupper() for t in toks[before[0] : before[1]]):
                return before
            return lo, hi
        elif first and (first[0].isupper() or first.lower() in DETERMINERS or first == "one"):
            last = toks[hi - 1][0] if hi > lo else ""
            described = (
                first.islower()
                or (
                    # "Duong Pov, Stung Treng deputy governor, said": a place before a role
                    # is still a description of the name before it.
                    last.islower()
                    and (last in ROLE_HEADS or last in TITLE_WORDS or last in PERSON_NOUNS)
                )
                # "Mariana Katzarova, U.N. special rapporteur on torture, said": the role
                # heads its own phrase before the preposition of its remit.
                or _role_before_preposition(toks, lo, hi)
                or (
                    # "Mathias Pierre, Haiti's minister of elections, said", "Oxfam,
                    # Britain's largest charity, said": a role or kind owned by a body or
                    # country describes the name before it.
                    first.endswith(("’s", "'s"))
                    and any(
                        t[0] in ROLE_HEADS
                        or t[0] in PERSON_NOUNS
                        or t[0] in GROUP_HEADS
                        or t[0] in BODY_HEADS
                        or t[0] in ORG_DESCRIPTORS
                        for t in toks[lo + 1 : hi]
                    )
                )
                or (
                    # "Tim Cook, CEO of Apple, said": a title over a body describes the name.
                    (first.lower() in TITLE_WORDS or first in _EXECUTIVE_TITLES)
                    and hi - lo >= 3
                    and toks[lo + 1][0] in {"of", "at", "for"}
                )
            )
            if described and joined_lo is None:
                # "Ida Holm, an engineer with Acme, a rail firm, said": the descriptions
                # stand beside a name earlier in the chain, which is who speaks.
                named = _name_earlier(toks, lo)
                if named is not None:
                    return named
            if not described and joined_lo is None:
                followers = _followers_before(toks, lo)
                if followers is not None:
                    # "Lawyers for the former president, Ana Ruiz, said": one name cannot
                    # be many lawyers; it names the president, and the lawyers speak.
                    return followers
            return lo, (comma if joined_lo is not None else hi)
        if lo == 0 or toks[lo - 1][0] != ",":
            return None
        hi = lo - 1
    return None


# Executive titles written as acronyms, which the title list (lower-case words) misses.
_EXECUTIVE_TITLES = frozenset({"CEO", "CFO", "COO", "CTO"})


# Plural heads of people who speak for someone named after them ("aides to the minister").
_FOLLOWERS = frozenset(
    (
        "lawyers attorneys aides advisers advisors supporters relatives members allies "
        "associates colleagues friends loyalists followers representatives officials staff "
        "spokesmen spokespeople"
    ).split()
)


def _followers_before(toks: list[tuple[str, int, int]], lo: int) -> tuple[int, int] | None:
    """The chunk before the name at ``lo`` when it is a plural group of people of someone
    ("Senior aides to Pakistan's ousted prime minister"), which the name then stands beside."""
    if lo < 2 or toks[lo - 1][0] != ",":
        return None
    b_hi = lo - 1
    b_lo = b_hi
    # Back to the previous comma or the start: "ousted" would stop a chunk, not a subject.
    while b_lo > 0 and toks[b_lo - 1][0] not in BOUNDARY_PUNCT:
        b_lo -= 1
    words = [t[0] for t in toks[b_lo:b_hi] if is_word(t[0])]
    for k, word in enumerate(words[:4]):
        if word.lower() in _FOLLOWERS:
            if k + 1 < len(words) and words[k + 1] in {"for", "to", "of"}:
                return b_lo, b_hi
            return None
        if (
            word in _SERVANTS
            and k + 1 < len(words)
            and words[k + 1] in {"for", "to"}
            and words[-1] in PERSON_NOUNS
        ):
            # "A spokesman for South Sudan's president, Salva Kiir, said": the name is the
            # president's, whom the spokesman serves ("A spokesman for the ministry, Ana
            # Ruiz, said" names the spokesman).
            return b_lo, b_hi
    return None


# One person who speaks for someone named after them ("a spokesman for the president").
_SERVANTS = frozenset(
    "spokesman spokeswoman spokesperson aide adviser advisor lawyer attorney envoy".split()
)


def _restated_acronym(toks: list[tuple[str, int, int]], lo: int, hi: int) -> bool:
    """Whether the chunk is one acronym between commas after a name ("…, USTR, said",
    "…, the IFE, said")."""
    at = lo + 1 if hi - lo == 2 and toks[lo][0] == "the" else lo
    word = toks[at][0] if hi - at == 1 else ""
    return (
        2 <= len(word) <= 6
        and word.isalpha()
        and word.isupper()
        and word not in _EXECUTIVE_TITLES
        and lo >= 2
        and toks[lo - 1][0] == ","
    )


def _name_earlier(toks: list[tuple[str, int, int]], lo: int) -> tuple[int, int] | None:
    """The proper name heading an appositive chain that ends at ``lo``, if any: each link
    back is a comma, the links between are descriptions, the name is all capitalized."""
    hi = lo - 1
    for _ in range(3):
        if hi <= 0 or toks[hi][0] != ",":
            return None
        chunk = chunk_back(toks, hi)
        if chunk is None:
            return None
        c_lo, c_hi = chunk
        words = [t[0] for t in toks[c_lo:c_hi] if is_word(t[0])]
        opens = c_lo == 0 or toks[c_lo - 1][0] in BOUNDARY_PUNCT
        if len(words) > 1 and words[0].lower() in LEADING_ADVERBIALS and is_word(toks[c_lo][0]):
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
            and words[0].lower() not in PREPOSITIONS
            and words[0].lower() not in TIME_WORDS
            and words[-1].lower() not in TITLE_WORDS
            and opens
        ):
            return c_lo, c_hi
        if opens and _titled_name_words(words):
            # "Education minister David Coltart, a senator from the MDC party, said": a
            # lower-case title before the name.
            return c_lo, c_hi
        if (
            opens
            and "and" in words[1:-1]
            and words[0].lower() not in DETERMINERS
            and not any(w in _REMIT_PREPOSITIONS for w in words)
        ):
            # "Afghan intelligence sources and Sultan Faizi, a spokesman for …, said": the
            # description is of the name after "and"; the coordination speaks.
            last = words[len(words) - 1 - words[::-1].index("and") + 1 :]
            if 1 <= len(last) <= 4 and all(w[:1].isupper() for w in last):
                return c_lo, c_hi
        if (
            c_lo == 0
            and 2 <= len(words) <= 3
            and words[0] in {"The", "This"}
            and words[-1].lower() in DOCUMENT_NOUNS
        ):
            # "The report, the second by Marty on the centers, says": the document the
            # sentence opens on, described after its comma, says it.
            return c_lo, c_hi
        if words[0][:1].isupper() and words[0].lower() not in DETERMINERS:
            # Not a description ("In a statement"): the chain has ended.
            return None
        hi = c_lo - 1
    return None


def _titled_name_words(words: list[str]) -> bool:
    """Words that are a title, possibly in lower case, then a name of two capitalized
    words or more ("Education minister David Coltart")."""
    return (
        len(words) >= 3
        and words[-1][:1].isupper()
        and words[-2][:1].isupper()
        and any(w.islower() for w in words)
        and all(
            w[:1].isupper() or w.lower() in TITLE_WORDS or w.lower() in ROLE_HEADS for w in words
        )
        and words[-1].lower() not in TITLE_WORDS
    )


# Lower-case words inside a body's proper name ("Board of Governors", "Bank for Trade").
_NAME_LINKS = frozenset({"of", "for", "and", "on", "the"})


_REMIT_PREPOSITIONS = frozenset({"of", "on", "for", "at", "in", "with", "to"})


def _role_before_preposition(toks: list[tuple[str, int, int]], lo: int, hi: int) -> bool:
    """Whether the phrase ``toks[lo:hi]`` is a role followed by its remit ("U.N. special
    rapporteur on torture", "EU coordinator for refugees"): the word before the phrase's
    first preposition is a role or person noun in lower case."""
    for k in range(lo + 1, hi):
        if toks[k][0] in _REMIT_PREPOSITIONS:
            head = toks[k - 1][0]
            return head.islower() and (head in ROLE_HEADS or head in PERSON_NOUNS)
    return False


def _before_bracketed_acronym(toks: list[tuple[str, int, int]], hi: int) -> int:
    """Where a link ends once a bracketed short form after a name is set aside: in "the
    Nigerian Labor Congress (NLC), says" the name before the brackets is the link."""
    if hi < 4 or toks[hi - 1][0] != ")" or toks[hi - 3][0] != "(":
        return hi
    short, before = toks[hi - 2][0], toks[hi - 4][0]
    if short.isupper() and is_word(short) and before[:1].isupper():
        return hi - 3
    return hi
