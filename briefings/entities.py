"""Find people, organizations and places: a shipped gazetteer plus capitalization rules.

The gazetteer (``data/gazetteer.toml``) holds general knowledge only — countries, major
cities and regions, well-known bodies, demonyms and titles — and the rules type what it does
not know: a name after a title is a person, a name ending in "Ministry" or "Institute" is an
organization, a name after "in" is a place. Entities keep the fullest form seen.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import chain

from briefings.lexicon import ANONYMOUS_HEADS, ROLE_HEADS, word_pattern
from briefings.model import Entities

__all__ = ["Gazetteer", "extract_entities", "gazetteer", "person_names"]

_INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")
_CONNECTORS = frozenset(
    {
        "of",
        "for",
        "the",
        "and",
        "de",
        "du",
        "la",
        "al",
        "on",
        "da",
        "van",
        "von",
        "bin",
        "ibn",
        "el",
        "dos",
        "das",
        "del",
        "di",
    }
)
_PLACE_PREPS = frozenset({"in", "at", "near", "outside"})
_PLACE_NOUNS = frozenset({"city", "town", "village", "region", "province", "capital", "port"})
_LOWER_TITLES = frozenset(
    """
    spokesman spokeswoman spokesperson negotiator envoy adviser advisor aide minister
    secretary president leader counterpart director chairman chair official ambassador
    correspondent commander senator governor mayor colleague deputy chief reporter analyst
    prosecutor judge general
    """.split()
)
_ROLE_AFTER_ORG = frozenset(
    """
    executives employees officials spokesman spokeswoman spokesperson lawmakers staff
    investigators engineers workers representatives shareholders board officers
    """.split()
)
# Lower-case words the rules look at; every other lower-case word is skipped by ``_tokens``.
_KEPT_LOWER = (
    _CONNECTORS
    | _PLACE_PREPS
    | _PLACE_NOUNS
    | _LOWER_TITLES
    | _ROLE_AFTER_ORG
    | {"administration", "executives", "employees"}
)
# A kept word starts a word: a capital and the rest of the word, or a whole kept lower-case
# word (which a period may follow). Anywhere but the text's start it comes after a
# character that is no part of a word; ``_TOKEN`` consumes that character rather than
# looking behind for it, because a pattern opening with a character class lets ``re`` skip
# to the next separator instead of starting a match attempt at every character.
_KEPT_WORD = r"([A-Z][\w’'.\-]*|(?:" + word_pattern(_KEPT_LOWER) + r")(?![\w’'\-]))"
_TOKEN = re.compile(r"[^\w’'.\-]" + _KEPT_WORD)
_FIRST_TOKEN = re.compile(_KEPT_WORD)
_NON_NAME = frozenset(
    """
    act care health emergency security peace war day summit plan agreement deal talks forces
    program programme law treaty accord crisis union street avenue square road island islands
    river mountain sea ocean bay lake hill valley airport station prize award cup games
    olympics championship concern happy monday tuesday wednesday thursday friday saturday
    sunday january february march april june july august september october november december
    economy affairs relations rights development cooperation
    trade energy nuclear public national international global federal central general
    republic republics state states united kingdom people's democratic front force zone
    corridor bridge plant church mosque temple palace house hall tower building museum
    """.split()
)


# Common nouns that open sentences capitalized ("Analysts at ...", "Officials said").
_COMMON_HEADS = ANONYMOUS_HEADS | ROLE_HEADS


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Lower-cased lookups built once from the shipped TOML."""

    places: frozenset[str]
    organizations: frozenset[str]
    demonyms: frozenset[str]
    titles: frozenset[str]
    org_suffixes: frozenset[str]
    stopwords: frozenset[str]
    max_len: int
    first_words: frozenset[str]
    single: dict[str, str]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load ``data/gazetteer.toml`` once per process."""
    raw = resources.files("briefings").joinpath("data/gazetteer.toml").read_text("utf-8")
    data = tomllib.loads(raw)

    def low(items: list[str]) -> frozenset[str]:
        return frozenset(" ".join(i.split()).lower() for i in items)

    places = low([p for group in data["places"].values() for p in group])
    orgs = low(data["organizations"]["names"])
    longest = max(len(e.split()) for e in places | orgs)
    return Gazetteer(
        places=places,
        organizations=orgs,
        demonyms=low(data["demonyms"]["words"]),
        titles=low(data["titles"]["words"]),
        org_suffixes=low(data["org_suffixes"]["words"]),
        stopwords=low(data["stopwords"]["words"]),
        max_len=longest,
        first_words=frozenset(e.split()[0] for e in places | orgs),
        single={
            **{p: "places" for p in places if " " not in p},
            **{o: "organizations" for o in orgs if " " not in o},
        },
    )


@dataclass(frozen=True, slots=True)
class _Lookups:
    """Gazetteer tables keyed for the questions ``_segment_run`` asks, built once.

    The rules ask "which gazetteer names start with this word?" and "is this word a
    title, a suffix, a stopword?" for every word of every run; answering from tables
    keyed by the first word avoids building and lower-casing every candidate phrase.
    """

    # Joined lower-cased gazetteer name -> "organizations" or "places" (organizations win).
    kinds: dict[str, str]
    # First word -> word counts of the gazetteer names starting with it, longest first.
    lengths: dict[str, tuple[int, ...]]
    # First word -> word counts (3 at most) of the titles starting with it, longest first.
    title_lengths: dict[str, tuple[int, ...]]
    # Words that are never a one-word name: stopwords, demonyms, common heads.
    not_single: frozenset[str]
    # First words of the two-word demonyms ("South Korean").
    pair_demonyms: frozenset[str]
    # Words that end a person's name: titles and organization suffixes.
    name_stops: frozenset[str]


def _by_first_word(entries: frozenset[str], most: int) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for entry in entries:
        parts = entry.split()
        if len(parts) <= most:
            lengths.setdefault(parts[0], set()).add(len(parts))
    return {first: tuple(sorted(counts, reverse=True)) for first, counts in lengths.items()}


@lru_cache(maxsize=1)
def _lookups() -> _Lookups:
    gaz = gazetteer()
    return _Lookups(
        kinds={
            **{p: "places" for p in gaz.places},
            **{o: "organizations" for o in gaz.organizations},
        },
        lengths=_by_first_word(gaz.places | gaz.organizations, gaz.max_len),
        title_lengths=_by_first_word(gaz.titles, 3),
        not_single=gaz.stopwords | gaz.demonyms | _COMMON_HEADS,
        pair_demonyms=frozenset(d.split()[0] for d in gaz.demonyms if len(d.split()) == 2),
        name_stops=gaz.titles | gaz.org_suffixes,
    )


@dataclass(slots=True)
class _Tokens:
    """The kept words of one text, column by column (one object per text, not per word)."""

    text: list[str]
    start: list[int]
    end: list[int]
    cap: list[bool]
    possessive: list[bool]
    # Right after the previous kept word, one space between.
    joined: list[bool]


_GAP_BREAK = re.compile(r"[.!?:\"“”\n—–]|--")


def _tokens(text: str) -> _Tokens:
    """Capitalized words and the few lower-case words the rules look at, with their joins.

    Other lower-case words are never part of a name, so they are skipped; a skipped word
    leaves letters in the gap, which is how ``joined`` knows two kept words are not adjacent.
    """
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    caps: list[bool] = []
    possessives: list[bool] = []
    joins: list[bool] = []
    prev_end = -2  # no kept word yet: nothing is joined to it
    first = _FIRST_TOKEN.match(text)
    for m in chain((first,) if first else (), _TOKEN.finditer(text)):
        word = m[1]
        start = m.start(1)
        end = start + len(word)
        possessive = False
        if word[-1] in "s’'.-" or "-" in word:
            if word.endswith(("’s", "'s")):
                word, end, possessive = word[:-2], end - 2, True
            elif word.endswith(("’", "'")):
                word, end = word[:-1], end - 1
            while word.endswith(".") and not _INITIALISM.match(word) and word.lower() not in _ABBR:
                word, end = word[:-1], end - 1
            hyphen = word.find("-")
            if hyphen > 0 and word[hyphen + 1 : hyphen + 2].islower():
                # "Ukraine-controlled", "NATO-member", "U.S.-brokered": keep the name part.
                word, end = word[:hyphen], start + hyphen
            if not word:
                continue
        words.append(word)
        starts.append(start)
        ends.append(end)
        # A kept word starts with a capital or is one of the lower-case words.
        caps.append(word < "a")
        possessives.append(possessive)
        joins.append(start - prev_end == 1 and text[prev_end] == " ")
        # The stripped period or possessive stays in the gap to the next word.
        prev_end = end
    return _Tokens(words, starts, ends, caps, possessives, joins)


def _sentence_start(text: str, toks: _Tokens, index: int) -> bool:
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


def _runs(toks: _Tokens) -> list[list[int]]:
    """Maximal runs of capitalized tokens joined by single spaces and lower-case connectors."""
    runs: list[list[int]] = []
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
            while k < n and texts[k] in _CONNECTORS and joined[k]:
                k += 1
            if k > j + 1 and k < n and caps[k] and joined[k]:
                run.extend(range(j + 1, k + 1))
                j = k
                continue
            break
        runs.append(run)
        i = j + 1
    return runs


class _Collector:
    def __init__(self) -> None:
        self.found: dict[str, list[str]] = {
            "people": [],
            "organizations": [],
            "places": [],
            "_single": [],
        }
        self.seen: set[tuple[str, str]] = set()

    def add(self, kind: str, name: str) -> None:
        name = name.strip(" ,;:")
        if name.endswith(".") and not _INITIALISM.match(name.split()[-1]):
            name = name.rstrip(".")
        if not name:
            return
        key = (kind, name.casefold())
        if key not in self.seen:
            self.seen.add(key)
            self.found[kind].append(name)


def _segment_run(
    text: str, toks: _Tokens, run: list[int], gaz: Gazetteer, look: _Lookups, out: _Collector
) -> None:
    texts = toks.text
    first = run[0]
    if len(run) == 1:
        # Fast path for the most common run, one capitalized word.
        word = texts[first]
        low = word.lower()
        if low in look.not_single:
            return
        kind = gaz.single.get(low)
        if kind is not None and _next_text(toks, first) != "administration":
            dateline = kind == "places" and len(word) > 3 and word.isupper()
            out.add(kind, word.title() if dateline else word)
            return
    # All-caps datelines and transcript headers ("BEIJING —", "MS PORTER:") become Title case.
    words = [
        w.title()
        if len(w) > 3 and w.isupper() and "." not in w and w.title().lower() in gaz.places
        else w
        for w in [texts[i] for i in run]
    ]
    # Each word lower-cased once: the loop below and ``_org_span`` look at them repeatedly.
    # Lower-casing words one by one and joining them equals lower-casing the joined phrase.
    lows = [w.lower() for w in words]
    n = len(words)
    # Without a suffix word in the run, ``_org_span`` can find no organization.
    has_suffix = not gaz.org_suffixes.isdisjoint(lows)
    pos = 0
    prev_title = toks.joined[first] and texts[first - 1].lower() in _LOWER_TITLES
    while pos < n:
        low = lows[pos]
        if low in _CONNECTORS:
            pos += 1
            continue
        # Longest gazetteer match starting here.
        best: tuple[int, str] | None = None
        for length in look.lengths.get(low, ()):
            if length <= n - pos:
                kind = look.kinds.get(" ".join(lows[pos : pos + length]))
                if kind is not None:
                    best = (length, kind)
                    break
        if best is None:
            if low in gaz.stopwords:
                pos += 1
                prev_title = False
                continue
            pair = low in gaz.demonyms if pos + 1 == n else low in look.pair_demonyms
            if pair and " ".join(lows[pos : pos + 2]) in gaz.demonyms:
                pos += 2
                prev_title = False
                continue
        org_end = _org_span(words, lows, pos, gaz) if has_suffix else None
        if org_end is not None and (best is None or org_end - pos > best[0]):
            out.add("organizations", " ".join(words[pos:org_end]))
            pos, prev_title = org_end, False
            continue
        if best is not None:
            length, kind = best
            nxt = _next_text(toks, run[pos + length - 1])
            name = " ".join(words[pos : pos + length])
            if kind == "places" and nxt == "administration":
                out.add("organizations", f"{name} administration")
            else:
                out.add(kind, name)
            pos += length
            prev_title = False
            continue
        title_len = _title_len(lows, pos, gaz, look)
        if title_len:
            pos += title_len
            prev_title = True
            continue
        if low in look.not_single:
            pos += 1
            prev_title = False
            continue
        # A name: up to three name-shaped words.
        end = pos
        while (
            end < n
            and end - pos < 3
            and _name_shaped(words[end])
            and lows[end] not in look.name_stops
        ):
            end += 1
        if end == pos:
            pos += 1
            prev_title = False
            continue
        name_words = words[pos:end]
        index = run[pos]
        start = toks.start[index]
        after = run[end - 1] + 1
        nxt = texts[after] if after < len(texts) and toks.joined[after] else ""
        name = " ".join(name_words)
        if nxt == "administration" and len(name_words) == 1:
            out.add("organizations", f"{name} administration")
        elif name.isupper() and len(name_words) == 1 and 2 <= len(name) <= 6:
            out.add("organizations", name)
        elif not prev_title and _firm_before(text, start):
            # "mobile operator Hanbit Telecom", "The manufacturer, Helvion Biologics": a firm.
            out.add("organizations", name)
        elif prev_title or (len(name_words) >= 2 and _NON_NAME.isdisjoint(lows[pos:end])):
            out.add("people", name)
        elif toks.possessive[run[end - 1]] is False and nxt in _ROLE_AFTER_ORG:
            out.add("organizations", name)
        elif start > 0 and _after_place_cue(toks, index):
            out.add("places", name)
        elif (
            pos == 0
            and nxt in ("executives", "employees")
            and not _sentence_start(text, toks, index)
        ):
            out.add("organizations", name)
        else:
            out.add("_single", name)
        pos = end
        prev_title = False


_FIRM_BEFORE = re.compile(
    r"\b(?:company|operator|maker|firm|manufacturer|carrier|lender|broadcaster|producer|group|"
    r"airline|insurer|miner|retailer|newspaper|bank|developer|chain|brand|outlet|daily|agency)"
    r",?\s+$",
    re.IGNORECASE,
)
_FIRM_WORDS = tuple(
    """
    company operator maker firm manufacturer carrier lender broadcaster producer group
    airline insurer miner retailer newspaper bank developer chain brand outlet daily agency
    """.split()
)


def _firm_before(text: str, start: int) -> bool:
    """Whether a firm noun stands right before ``start`` ("operator Hanbit", "maker, Helvion").

    ``_FIRM_BEFORE`` decides, but a case-insensitive search tries every position of its
    window, so the plain-ASCII case is first ruled out with string tests: the noun must end
    just before the spaces (and an optional comma) that precede the name.
    """
    low = max(0, start - 30)
    window = text[low:start]
    core = window.rstrip()
    if len(core) == len(window):
        return False
    if core.endswith(","):
        core = core[:-1]
    tail = core[-13:]
    if tail.isascii() and not tail.lower().endswith(_FIRM_WORDS):
        return False
    return _FIRM_BEFORE.search(text, low, start) is not None


def _next_text(toks: _Tokens, index: int) -> str:
    if index + 1 < len(toks.text) and toks.joined[index + 1]:
        return toks.text[index + 1]
    return ""


def _org_span(words: list[str], lows: list[str], pos: int, gaz: Gazetteer) -> int | None:
    """End of an organization name that ends in a suffix word, with an "of/for …" tail.

    ``lows`` holds ``words`` lower-cased.
    """
    end = None
    i = pos
    n = len(words)
    suffixes = gaz.org_suffixes
    while i < n and lows[i] not in _CONNECTORS:
        if lows[i] in suffixes and (i > pos or (i + 2 < n and lows[i + 1] in {"of", "for"})):
            end = i + 1
        i += 1
    if end is None:
        return None
    if end < n and lows[end] in {"of", "for", "on"}:
        j = end + 1
        while j < n and (words[j][0].isupper() or lows[j] in _CONNECTORS):
            if words[j] == "and" and (
                words[j + 1 : j + 2] in (["the"], ["a"], ["an"])
                or any(w in suffixes for w in lows[j + 1 :])
            ):
                # "Ministry of Health and the Baltic Institute": two bodies, not one.
                break
            j += 1
        while j > end + 1 and lows[j - 1] in _CONNECTORS:
            j -= 1
        if j > end + 1:
            end = j
    return end


def _title_len(lows: list[str], pos: int, gaz: Gazetteer, look: _Lookups) -> int:
    room = len(lows) - pos
    for length in look.title_lengths.get(lows[pos], ()):
        if length <= room and " ".join(lows[pos : pos + length]) in gaz.titles:
            return length
    return 0


def _name_shaped(word: str) -> bool:
    if len(word) < 2 or not word[0].isupper() or word.isupper():
        return False
    if word.isalpha():
        return True
    return word.replace("-", "").replace("’", "").replace("'", "").isalpha()


def _after_place_cue(toks: _Tokens, index: int) -> bool:
    texts, joined = toks.text, toks.joined
    prev = texts[index - 1].lower() if joined[index] else ""
    if prev in _PLACE_PREPS:
        return True
    return (
        prev == "of" and joined[index - 1] and texts[index - 2].lower() in _PLACE_NOUNS
    ) or prev in _PLACE_NOUNS


_HEADER = re.compile(r"\s*(?:M[RS]S?\.? |DR\.? )?([A-Z][A-Z'\-]+):")


def extract_entities(text: str) -> Entities:
    """People, organizations and places of ``text``, fullest form, in order of first mention."""
    gaz = gazetteer()
    look = _lookups()
    toks = _tokens(text)
    out = _Collector()
    header = _HEADER.match(text)
    if header:
        out.add("people", header.group(1).title())
    for run in _runs(toks):
        _segment_run(text, toks, run, gaz, look, out)
    people = out.found["people"]
    surnames = {p.split()[-1].lower() for p in people if len(p.split()) >= 2}
    for single in out.found.get("_single", []):
        if single.lower() in surnames:
            out.add("people", single)
    return Entities(
        people=_fullest(out.found["people"]),
        organizations=_fullest(_drop_acronyms(out.found["organizations"])),
        places=_fullest(out.found["places"]),
    )


def _fullest(names: list[str]) -> tuple[str, ...]:
    """Drop a name whose words all appear, in order, inside a longer name of the same type."""
    # Each name padded and lower-cased once; the names are distinct, so a padded name found
    # twice in them all (a NUL keeps the names apart) is found inside another name.
    padded = [f" {name.lower()} " for name in names]
    together = "\0".join(padded)
    return tuple(name for name, low in zip(names, padded, strict=True) if together.count(low) < 2)


def _drop_acronyms(names: list[str]) -> list[str]:
    initials = {
        "".join(w[0] for w in n.split() if w[0].isupper()).upper()
        for n in names
        if len(n.split()) >= 2
    }
    return [n for n in names if not (n.isupper() and n.replace(".", "") in initials)]


def person_names(entities: Entities) -> dict[str, str]:
    """Map each lower-cased person name and bare surname to the fullest name seen."""
    out: dict[str, str] = {}
    for person in sorted(entities.people, key=len):
        out[person.lower()] = person
        parts = person.split()
        if len(parts) >= 2:
            out[parts[-1].lower()] = person
    return out
