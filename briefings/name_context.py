"""What the words around a capitalized run say it is: a place, a body or a person.

``entities`` cuts each run of capitalized words into names, and types a name the gazetteer
does not know by its context: a head noun after it ("Kandahar province", "the Health
ministry", "the Ortega administration"), a firm noun before it ("the carmaker Nordwagen"),
a role noun and "at" or a place preposition before it ("officials at Skyhaul", "shelling
in Port Arvel"), a description of a person set beside it ("the lead lawyer for the
plaintiffs, Martin Day,"), quotes around it, or how the report writes the word elsewhere.
The tests here, and the word lists and patterns they are built from, read only the text
outside the run and add no entity, so they stand apart from the segmentation of runs and
from the order in which ``entities`` tries the cues; the few patterns only that order reads
(an outlet noun after a name, an apposition) stay beside it.
"""

from __future__ import annotations

import re

from briefings.gazetteer import Gazetteer, gazetteer
from briefings.lexicon import PERSON_NOUNS, PLACE_NOUNS, PLACE_PREPS, word_pattern
from briefings.name_runs import Tokens

__all__ = [
    "ADMIN_HEADS",
    "EMPLOYER_BEFORE",
    "FIRM_OPENERS",
    "HEAD_AFTER",
    "HEAD_INITIALS",
    "LOWER_PLACE_HEADS",
    "ORG_HEADS_LOWER",
    "PLACE_PREPS_BEFORE_NAMES",
    "after_place_cue",
    "after_place_prep",
    "described_as_person",
    "firm_before",
    "next_text",
    "place_head",
    "quoted_title",
    "takes_head",
    "with_place_head",
    "written_as_name",
]


# Administrative head nouns written in lower case after a place name ("Aleppo province",
# "the Kharkiv region"): they say the name is a place, but annotators list the name alone
# ("Darfur", "North Kivu", "Hama"; 22 of 30 such places across fourteen blind sets).
ADMIN_HEADS = frozenset(
    {"province", "region", "district", "oblast", "county", "governorate", "prefecture"}
)
# Geographic head nouns in lower case ("the Tana river", "the Bab el-Mandeb strait") join
# the name the same way.
LOWER_PLACE_HEADS = ADMIN_HEADS | frozenset(
    {"river", "strait", "valley", "peninsula", "island", "mountains", "delta"}
)
# Organization head nouns written in lower case after a capitalized name ("the Health
# ministry", "the national Anti-Corruption agency"): the schema keeps the fullest form.
ORG_HEADS_LOWER = frozenset(
    {
        "agency",
        "ministry",
        "committee",
        "commission",
        "council",
        "organization",
        "organisation",
        # ("the Haqqani network": a militant or business network named by its founder.)
        "network",
    }
    | {"foundation", "institute", "association"}
)
# Role nouns whose "at X" names an employer, not a location ("officials at Northwind Air").
_ROLE_BEFORE_AT = frozenset(
    """
    executives executive employees employee officials official spokesman spokeswoman
    spokesperson staff investigators engineers workers representatives analysts analyst
    economists economist researchers researcher scientists scientist managers manager
    """.split()
)
# The lower-case head nouns and the role nouns before "at" are read from the text around a
# name (``HEAD_AFTER``, ``EMPLOYER_BEFORE``) rather than kept as words, so that the token
# pattern of ``name_runs`` stays as small as the words every run needs.
HEAD_AFTER = re.compile(
    r" (" + word_pattern(LOWER_PLACE_HEADS | ORG_HEADS_LOWER) + r")(?![\w’'\-])"
)
# First letters of those heads: most names are followed by none.
HEAD_INITIALS = frozenset(w[0] for w in LOWER_PLACE_HEADS | ORG_HEADS_LOWER)
EMPLOYER_BEFORE = re.compile(r"(?<![\w’'.\-])(?:" + word_pattern(_ROLE_BEFORE_AT) + r") at $")


def takes_head(low: str, gaz: Gazetteer) -> bool:
    """A known place that an administrative head noun can extend: not a country or continent.

    "the Kharkiv region" names the region around the city; "the Africa region" of a body's
    map is only the continent.
    """
    return low not in gaz.countries and low not in gaz.continents


def with_place_head(name: str, head: str) -> str:
    """The place as listed: "the Tana river" keeps its geographic head, and "Aleppo
    province" is "Aleppo"."""
    return name if head in ADMIN_HEADS else f"{name} {head}"


def place_head(text: str, end: int) -> str:
    """The lower-case place head noun right after a name ending at ``end``, or ""."""
    if text[end + 1 : end + 2] not in HEAD_INITIALS or text[end : end + 1] != " ":
        return ""
    m = HEAD_AFTER.match(text, end)
    return m.group(1) if m is not None and m.group(1) in LOWER_PLACE_HEADS else ""


def next_text(toks: Tokens, index: int) -> str:
    if index + 1 < len(toks.text) and toks.joined[index + 1]:
        return toks.text[index + 1]
    return ""


# Common nouns that describe a firm or outlet placed right before its name.
_FIRM_NOUNS = frozenset(
    """
    company operator maker firm manufacturer carrier lender broadcaster producer group
    airline insurer miner retailer newspaper bank developer chain brand outlet daily agency
    carmaker automaker chipmaker drugmaker provider startup start-up platform app website
    site tabloid magazine weekly publisher watchdog regulator team club fund charity network
    """.split()
)
# The firm nouns that are not also the first word of many names ("Bank Negara", "Team Sky",
# and "Charity" a given name: "Charity Chanda, spokesperson for the police"), so that,
# capitalized at the start of a sentence, they are a descriptor and not the name.
FIRM_OPENERS = _FIRM_NOUNS - {
    "bank",
    "group",
    "network",
    "team",
    "club",
    "fund",
    "agency",
    "charity",
}
_FIRM_BEFORE = re.compile(
    r"(?:^|(?<=[^\w’'\-]))(" + word_pattern(_FIRM_NOUNS) + r"),?\s+$", re.IGNORECASE
)
# A firm noun, perhaps with where it is, then the name it goes by.
_FIRM_CALLED = re.compile(
    r"\b(?:" + word_pattern(_FIRM_NOUNS) + r")(?:\s+(?:in|from|based\s+in)\s+[A-Z][\w\-]+"
    r"(?:\s+[A-Z][\w\-]+)?)?,?\s+(?:called|named|known\s+as)\s+$",
    re.IGNORECASE,
)
# The firm nouns as a tuple for ``str.endswith``, the cheap test before ``_FIRM_BEFORE``.
_FIRM_WORDS = tuple(sorted(_FIRM_NOUNS))
_WORD_BEFORE = re.compile(r"([\w’'\-]+)\s*$")
# The end of a sentence, or of a dateline ("OSLO (Wire) - "), before a capitalized word.
_SENTENCE_EDGE = re.compile(r"(?:^|[.!?\"“”:\n—–]|\s-)\s*$")
# A person's role over a body, before the body's descriptor ("Head of the watchdog, …").
_ROLE_OF = re.compile(
    r"\b(?:[Hh]ead|[Cc]hief|[Dd]irector|[Cc]hair(?:man|woman|person)?|[Pp]resident|[Bb]oss|"
    r"[Ll]eader|[Ff]ounder|[Oo]wner|[Ee]ditor|[Ss]pokes(?:man|woman|person)|[Mm]ember|"
    r"[Mm]anager|[Ss]ecretary|[Mm]inister)s?\s+(?:of|for|at)\s+[^,.;]*$"
)


def firm_before(text: str, start: int, end: int) -> bool:
    """A firm noun ends the text before the name at ``start:end``, as its descriptor.

    "the carmaker Nordwagen" names a firm. With a comma the name must be a closed
    apposition ("the broadcaster, Stella TV, said"), so "At the site, Lena Ortiz said" is
    no firm. In "the Rodina Anti-Doping agency, Ivan Petrov" the noun closes the agency's
    own name, so the next name is not typed by it.

    ``_FIRM_BEFORE`` decides, but a case-insensitive search tries every position of its
    window, so the plain-ASCII case is first ruled out with string tests: the noun must end
    just before the spaces (and an optional comma) that precede the name.
    """
    low = max(0, start - 30)
    window = text[low:start]
    core = window.rstrip()
    if len(core) == len(window):
        return False
    if core.endswith(("called", "named", "known as")):
        # "a company in India called Cipla", "a watchdog group named Clean Rivers".
        return _FIRM_CALLED.search(text, max(0, start - 60), start) is not None
    if core.endswith(","):
        core = core[:-1]
    tail = core[-13:]
    if tail.isascii() and not tail.lower().endswith(_FIRM_WORDS):
        return False
    m = _FIRM_BEFORE.search(text, low, start)
    if m is None:
        return False
    if "," in text[m.end(1) : start] and text[end : end + 1] not in ",.;:)":
        return False
    name = text[start:end].split()
    if (
        "," in text[m.end(1) : start]
        and len(name) >= 2
        and name[-1].lower() not in gazetteer().org_suffixes
        and _ROLE_OF.search(text, max(0, m.start(1) - 60), m.start(1))
    ):
        # "Head of China's product quality watchdog, Li Changjiang,": a personal name is
        # the person in the role, not the watchdog ("a spokesman for the carmaker,
        # Nordwagen," still names the carmaker).
        return False
    if m.group(1)[0].isupper():
        return True
    prev = _WORD_BEFORE.search(text, max(0, m.start(1) - 40), m.start(1))
    if prev is None or not prev.group(1)[0].isupper():
        return True
    gaz = gazetteer()
    word = prev.group(1).lower()
    return (
        word in gaz.stopwords
        or word in gaz.demonyms
        or gaz.single.get(word) == "places"
        or bool(_SENTENCE_EDGE.search(text, max(0, prev.start(1) - 5), prev.start(1)))
    )


_DESCRIPTION_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+((?:[\w’'\-]+\s+){0,6}?"
    r"[\w’'\-]+),\s*$"
)
_DESCRIPTION_AFTER = re.compile(
    r",\s+(?:the|a|an|his|her|its|their)\s+((?:[\w’'\-]+\s+){0,6}?[\w’'\-]+)\s*[,.;]"
)


def described_as_person(text: str, start: int, end: int) -> bool:
    """Whether a description of a person is set beside the name at ``start:end``: "the lead
    lawyer for the plaintiffs, Martin Day," or "Martin Day, a lawyer for the plaintiffs,"."""
    before = _DESCRIPTION_BEFORE.search(text, max(0, start - 90), start)
    after = _DESCRIPTION_AFTER.match(text, end)
    return any(
        m is not None and any(w in PERSON_NOUNS for w in _head_words(m.group(1).lower()))
        for m in (before, after)
    )


def _head_words(phrase: str) -> list[str]:
    # The words before "of", "for" or "to": "lawyer for the plaintiffs" is headed by "lawyer".
    return re.split(r"\s+(?:of|for|to|at|with|in)\s+", phrase, maxsplit=1)[0].split()


def written_as_name(text: str, word: str, start: int) -> bool:
    """Whether the report writes ``word`` (found at a sentence's start, where any word has a
    capital) as a name elsewhere: with its capital inside a sentence, or again with a
    capital and never in lower case ("Brightwater employees … Brightwater said", not
    "Health officials … the health ministry")."""
    again = False
    for m in re.finditer(r"(?<![\w’'\-])" + re.escape(word) + r"(?![\w\-])", text):
        if m.start() == start:
            continue
        if not _SENTENCE_EDGE.search(text, max(0, m.start() - 4), m.start()):
            return True
        again = True
    return again and re.search(r"(?<![\w’'\-])" + re.escape(word.lower()) + r"\b", text) is None


def quoted_title(text: str, start: int, end: int) -> bool:
    if start == 0 or text[start - 1] not in '“"':
        return False
    if text[end : end + 1] in ".,":
        end += 1
    return text[end : end + 1] in '”"'


# Prepositions after which a two-word name is a place ("in Port Arvel"); "at" is left out,
# since "at Goldman Sachs" names an employer as often as a location.
PLACE_PREPS_BEFORE_NAMES = frozenset({"in", "near", "outside"})


def after_place_prep(toks: Tokens, index: int) -> bool:
    return index >= 1 and toks.joined[index] and toks.text[index - 1] in PLACE_PREPS_BEFORE_NAMES


def after_place_cue(toks: Tokens, index: int) -> bool:
    texts, joined = toks.text, toks.joined
    prev = texts[index - 1].lower() if joined[index] else ""
    if prev in PLACE_PREPS:
        return True
    return (
        prev == "of" and joined[index - 1] and texts[index - 2].lower() in PLACE_NOUNS
    ) or prev in PLACE_NOUNS
