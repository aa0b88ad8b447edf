"""Name runs: a text cut into the runs of capitalized words that the entity rules read.

``entities`` decides what a run names — a person, a body, a place — from the gazetteer and
the cues around it. Before that, every character of every text passes through this cut: the
capitalized words and the few lower-case words the rules look at, their offsets, and which
of them join into one run ("Bank of England", "Luuk de Graaf"). It is the hot part of
finding entities and is tuned for speed (one ``split`` per text, columns instead of word
objects), and none of that tuning is about what a name is, so it stands apart from the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from briefings.lexicon import (
    LOWER_TITLES,
    NAME_CONNECTORS,
    NAME_PARTICLES,
    PLACE_NOUNS,
    PLACE_PREPS,
    ROLE_AFTER_ORG,
    word_pattern,
)

__all__ = ["INITIALISM", "PARTICLE_WORD", "Tokens", "runs", "sentence_start", "tokens"]

# Initials with their periods ("U.S.", "U.N."): the final period is part of the word.
INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")
# Arabic-style article particles written with a hyphen before a capitalized name
# ("Bashar al-Assad", "al-Shabaab", "Abdel Fattah el-Sisi"): the whole word is name-shaped.
_HYPHEN_PARTICLES = (
    "al-",
    "el-",
    "ad-",
    "an-",
    "ar-",
    "as-",
    "ash-",
    "at-",
    "az-",
    "ul-",
    "ud-",
    "ed-",
)
PARTICLE_WORD = re.compile("(?:" + "|".join(_HYPHEN_PARTICLES) + ")[A-Z]")
# Lower-case words the rules in ``entities`` look at; ``tokens`` skips every other one.
_KEPT_LOWER = (
    NAME_CONNECTORS
    | PLACE_PREPS
    | PLACE_NOUNS
    | LOWER_TITLES
    | ROLE_AFTER_ORG
    | NAME_PARTICLES
    | {"administration", "executives", "employees"}
)
# A kept word starts a word: a capital and the rest of the word, or a whole kept lower-case
# word (which a period may follow). It comes after a character that is no part of a word
# (``tokens`` puts a space before the text, so the text's first word has one too); the
# patterns consume that character, in a group of its own, rather than looking behind for it.
# The hyphenated particles share the lower-case trie; after a particle's hyphen a capital
# must follow ("al-Qaida"), otherwise the kept word must end there.
_KEPT_WORD = (
    r"([A-Z][\w’'.\-]*|(?:"
    + word_pattern(_KEPT_LOWER | frozenset(_HYPHEN_PARTICLES))
    + r")(?:(?<!-)(?![\w’'\-])|(?<=-)[A-Z][\w’'.\-]*)"
    # "to" only before a capital, where it may join a body's name ("Committee to Protect
    # Journalists"); everywhere else it is one of the commonest words and is skipped.
    + r"|to(?= [A-Z]))"
)
_TOKEN = re.compile(r"([^\w’'.\-])" + _KEPT_WORD)
# The same after ``_spaced_out`` has made every separator a space: ``re`` finds a literal
# first character with a fast scan, where ``[^\w…]`` costs a Unicode lookup per character.
_SPACED_TOKEN = re.compile(r"( )" + _KEPT_WORD)
# The characters of running text that separate words (none of them is in ``[\w’'.\-]``).
_SEPARATORS = tuple(',"”“‘$—–:;[]()%?!/&…*#@+=«»<>|~{}^\n\t\r\u00a0')


@dataclass(slots=True)
class Tokens:
    """The kept words of one text, column by column (one object per text, not per word)."""

    text: list[str]
    start: list[int]
    end: list[int]
    cap: list[bool]
    possessive: list[bool]
    # Right after the previous kept word, one space between.
    joined: list[bool]


_GAP_BREAK = re.compile(r"[.!?:\"“”\n—–]|--")


def _spaced_out(text: str) -> str | None:
    """``" " + text`` with every separator a space, so that ``_SPACED_TOKEN`` can split it.

    None when the text holds a character that is neither a listed separator nor part of a
    word (an underscore, an unusual symbol): ``_TOKEN`` then reads the text as it is. The
    replacements keep every offset, and the words are the same characters either way.
    """
    spaced = " " + text
    for mark in _SEPARATORS:
        if mark in spaced:
            spaced = spaced.replace(mark, " ")
    rest = spaced.replace(" ", "").replace(".", "").replace("-", "")
    rest = rest.replace("’", "").replace("'", "")
    return spaced if not rest or rest.isalnum() else None


def tokens(text: str) -> Tokens:
    """Capitalized words and the few lower-case words the rules look at, with their joins.

    Other lower-case words are never part of a name, so they are skipped; a skipped word
    leaves letters in the gap, which is how ``joined`` knows two kept words are not adjacent.

    One ``split`` cuts the text into (gap, separator, word) triples, so that the offsets are
    running sums of their lengths and each column is one comprehension: no match object and
    no Python step per word, except for the few words holding a mark that may be cut off.
    """
    spaced = _spaced_out(text)
    parts = _SPACED_TOKEN.split(spaced) if spaced is not None else _TOKEN.split(" " + text)
    # Offsets in ``text`` (one less than in the split string, which starts with a space).
    offsets = list(accumulate(map(len, parts), initial=-1))
    words = parts[2::3]
    starts = offsets[2::3]
    ends = offsets[3::3]
    possessives = [False] * len(words)
    # Only a word holding an apostrophe, a period or a hyphen is ever cut below; plain words
    # ("Forces", "officials", "G7") skip the tests.
    for i in [i for i, word in enumerate(words) if not word.isalpha()]:
        word = words[i]
        if "-" in word or "." in word or "’" in word or "'" in word:
            start, end = starts[i], ends[i]
            if _possessive_in_name(word, text, end):
                # "Cambodian People's Party", "Workers' Party": the mark is inside a name.
                pass
            elif word.endswith(("’s", "'s")):
                word, end, possessives[i] = word[:-2], end - 2, True
            elif word.endswith(("’", "'")):
                word, end = word[:-1], end - 1
            while (
                word.endswith(".")
                and not INITIALISM.match(word)
                and word.lower() not in _ABBR
                and not _middle_initial(text, word, start, end)
            ):
                word, end = word[:-1], end - 1
            # A particle's own hyphen ("al-Qaida") is part of the name; look past it.
            hyphen = word.find("-", 3 if PARTICLE_WORD.match(word) else 0)
            while hyphen > 0 and not word[hyphen + 1 : hyphen + 2].islower():
                hyphen = word.find("-", hyphen + 1)
            if hyphen > 0 and _syllable_name(word, hyphen):
                # "Woo-suk", "Jong-un", "Ki-moon": a hyphenated given name, kept whole.
                hyphen = -1
            if hyphen > 0 and word.rsplit("-", 1)[1][:1].isupper():
                # "Port-au-Prince", "Aix-en-Provence": a name that ends on a capital again.
                hyphen = -1
            if hyphen > 0:
                # "Ukraine-controlled", "NATO-member", "U.S.-brokered": keep the name part.
                word, end = word[:hyphen], start + hyphen
            # Never empty: a kept word keeps its first letter (a capital or a particle's).
            words[i], ends[i] = word, end
    # A kept word starts with a capital, is a hyphenated particle name ("al-Qaida") or
    # is one of the lower-case words (which never hold a hyphen).
    caps = [word < "a" or "-" in word for word in words]
    # The stripped period or possessive stays in the gap to the next word; the first word
    # has no word before it (-2 joins nothing), the last word's end none after it.
    prev_ends = [-2, *ends]
    joins = [
        start - end == 1 and text[end] == " " for start, end in zip(starts, prev_ends, strict=False)
    ]
    return Tokens(words, starts, ends, caps, possessives, joins)


# A capitalized word after a middle initial that still starts a sentence, not a surname.
_NOT_SURNAMES = frozenset(
    "The A An In On At He She It They We I But And This That His Her Its Their".split()
)


def _middle_initial(text: str, word: str, start: int, end: int) -> bool:
    """ "John F. Kennedy", "George W. Bush": one capital and its period between two
    capitalized words is a middle initial, whose period is part of the name, not a
    sentence's end ("a post on X. Prime Minister …" ends one)."""
    if len(word) != 2 or not word[0].isupper() or text[end : end + 1] != " ":
        return False
    before = text[max(0, start - 16) : start]
    if not before.endswith(" ") or not before.rstrip().rsplit(" ", 1)[-1][:1].isupper():
        return False
    nxt = text[end + 1 : end + 16].split(" ", 1)[0]
    return nxt[:1].isupper() and nxt[1:2].islower() and nxt.rstrip(",.") not in _NOT_SURNAMES


# Short second parts of compound modifiers, which a hyphenated given name never ends in.
_MODIFIER_TAILS = frozenset(
    "led run era held born made wide like only bred free rich style class level scale sized "
    "bound proof ready heavy fest gate".split()
)


def _syllable_name(word: str, hyphen: int) -> bool:
    """Whether ``word`` is a hyphenated given name ("Woo-suk", "Myeong-hee", "Jae-in"):
    one short syllable after a short capitalized one, unlike a compound modifier
    ("Ukraine-controlled", "U.S.-led", "Trump-era")."""
    head, tail = word[:hyphen], word[hyphen + 1 :]
    return (
        head.isalpha()
        and 2 <= len(head) <= 6
        and tail.isalpha()
        # ("Wen-cheng", "Ying-jeou": a syllable may run to five letters.)
        and len(tail) <= 5
        and not tail.endswith("ed")
        and tail not in _MODIFIER_TAILS
    )


# Plural nouns whose possessive sits inside a body's name ("Cambodian People's Party",
# "Workers' Party", "Women's League").
_NAME_POSSESSIVES = frozenset(
    f"{noun}{mark}"
    for noun in ("People", "Workers", "Women", "Children", "Farmers", "Veterans")
    for mark in ("'s", "’s", "'", "’")
    if not (noun.endswith("s") and mark.endswith("s"))
)


def _possessive_in_name(word: str, text: str, end: int) -> bool:
    return (
        word in _NAME_POSSESSIVES
        and text[end : end + 1] == " "
        and text[end + 1 : end + 2].isupper()
    )


def sentence_start(text: str, toks: Tokens, index: int) -> bool:
    """Whether the text starts, or a sentence breaks, between a kept word and the one before.

    Asked rarely, so it is worked out on demand rather than for every word.
    """
    start = toks.start[index]
    if start == 0:
        return True
    prev_end = toks.end[index - 1] if index else 0
    if start - prev_end == 1 and text[prev_end] == " ":
        return False
    return _GAP_BREAK.search(text, prev_end, start) is not None


_ABBR = frozenset({"gen.", "sen.", "rep.", "gov.", "lt.", "col.", "maj.", "capt.", "sgt.", "adm."})
_ABBR |= frozenset({"dr.", "mr.", "mrs.", "ms.", "prof.", "st.", "d.c.", "jr.", "sr.", "inc."})


# Heads of bodies whose names go on with "to" and a verb ("Committee to Protect Journalists").
_TO_BODIES = frozenset(
    "Committee Campaign Coalition Foundation Alliance Movement Council Commission Society "
    "Association Network Fund Center Centre Initiative Project Federation".split()
)


def runs(toks: Tokens) -> list[list[int]]:
    """Maximal runs of capitalized tokens joined by single spaces and lower-case connectors."""
    found: list[list[int]] = []
    texts, caps, possessive, joined = toks.text, toks.cap, toks.possessive, toks.joined
    i = 0
    n = len(texts)
    while i < n:
        if not caps[i]:
            i += 1
            continue
        run = [i]
        j = i
        while not possessive[j] and j + 1 < n:
            if not joined[j + 1]:
                break
            if caps[j + 1]:
                run.append(j + 1)
                j += 1
                continue
            # A connector joins only when a capitalized word follows it.
            k = j + 1
            while k < n and texts[k] in NAME_CONNECTORS and joined[k]:
                k += 1
            if k == j + 1 and texts[k] == "to" and texts[j] in _TO_BODIES:
                # "Committee to Protect Journalists", "Campaign to Stop Killer Robots".
                k += 1
            if k > j + 1 and k < n and caps[k] and joined[k]:
                run.extend(range(j + 1, k + 1))
                j = k
                continue
            break
        found.append(run)
        i = j + 1
    return found
