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
_TOKEN = re.compile(
    r"(?<![\w’'.\-])(?:[A-Z][\w’'.\-]*|(?:" + word_pattern(_KEPT_LOWER) + r")(?![\w’'\-]))"
)
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


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int
    cap: bool
    possessive: bool
    sentence_start: bool
    joined: bool


_GAP_BREAK = re.compile(r"[.!?:\"“”\n—–]|--")


def _tokens(text: str) -> list[_Tok]:
    """Capitalized words and the few lower-case words the rules look at, with their joins.

    Other lower-case words are never part of a name, so they are skipped; a skipped word
    leaves letters in the gap, which is how ``joined`` knows two kept words are not adjacent.
    """
    out: list[_Tok] = []
    prev_end = 0
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        start, end = m.start(), m.end()
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
        if start == 0:
            sentence_start, joined = True, False
        elif start - prev_end == 1 and text[prev_end] == " ":
            sentence_start, joined = False, bool(out)
        else:
            sentence_start = _GAP_BREAK.search(text, prev_end, start) is not None
            joined = False
        out.append(_Tok(word, start, end, word[0].isupper(), possessive, sentence_start, joined))
        # The stripped period or possessive stays in the gap to the next word.
        prev_end = end
    return out


_ABBR = frozenset({"gen.", "sen.", "rep.", "gov.", "lt.", "col.", "maj.", "capt.", "sgt.", "adm."})
_ABBR |= frozenset({"dr.", "mr.", "mrs.", "ms.", "prof.", "st.", "d.c.", "jr.", "sr.", "inc."})


def _runs(text: str, toks: list[_Tok]) -> list[list[int]]:
    """Maximal runs of capitalized tokens joined by single spaces and lower-case connectors."""
    runs: list[list[int]] = []
    i = 0
    n = len(toks)
    while i < n:
        if not toks[i].cap:
            i += 1
            continue
        run = [i]
        j = i
        while not toks[j].possessive and j + 1 < n:
            if not toks[j + 1].joined:
                break
            nxt = toks[j + 1]
            if nxt.cap:
                run.append(j + 1)
                j += 1
                continue
            # A connector joins only when a capitalized word follows it.
            k = j + 1
            while k < n and toks[k].text in _CONNECTORS and toks[k].joined:
                k += 1
            if k > j + 1 and k < n and toks[k].cap and toks[k].joined:
                run.extend(range(j + 1, k + 1))
                j = k
                continue
            break
        runs.append(run)
        i = j + 1
    return runs


def _norm(words: list[str]) -> str:
    return " ".join(words).lower()


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
    text: str, toks: list[_Tok], run: list[int], gaz: Gazetteer, out: _Collector
) -> None:
    if len(run) == 1:
        # Fast path for the most common run, one capitalized word.
        low = toks[run[0]].text.lower()
        if low in gaz.stopwords or low in gaz.demonyms or low in _COMMON_HEADS:
            return
        kind = gaz.single.get(low)
        if kind is not None and _next_text(toks, run[0]) != "administration":
            word = toks[run[0]].text
            dateline = kind == "places" and len(word) > 3 and word.isupper()
            out.add(kind, word.title() if dateline else word)
            return
    words = [toks[i].text for i in run]
    # All-caps datelines and transcript headers ("BEIJING —", "MS PORTER:") become Title case.
    words = [
        w.title()
        if len(w) > 3 and w.isupper() and "." not in w and _norm([w.title()]) in gaz.places
        else w
        for w in words
    ]
    # Each word lower-cased once: the loop below and ``_org_span`` look at them repeatedly.
    lows = [w.lower() for w in words]
    pos = 0
    prev_title = (
        bool(run) and toks[run[0]].joined and toks[run[0] - 1].text.lower() in _LOWER_TITLES
    )
    while pos < len(words):
        low = lows[pos]
        if low in _CONNECTORS:
            pos += 1
            continue
        # Longest gazetteer match starting here.
        best: tuple[int, str] | None = None
        lengths = range(min(gaz.max_len, len(words) - pos), 0, -1) if low in gaz.first_words else ()
        for length in lengths:
            cand = _norm(words[pos : pos + length])
            if cand in gaz.organizations:
                best = (length, "organizations")
                break
            if cand in gaz.places:
                best = (length, "places")
                break
        if best is None and (low in gaz.stopwords or _norm(words[pos : pos + 2]) in gaz.demonyms):
            pos += 1 if low in gaz.stopwords else 2
            prev_title = False
            continue
        org_end = _org_span(words, lows, pos, gaz)
        if org_end is not None and (best is None or org_end - pos > best[0]):
            out.add("organizations", " ".join(words[pos:org_end]))
            pos, prev_title = org_end, False
            continue
        if best is not None:
            length, kind = best
            tok_index = run[pos + length - 1]
            nxt = _next_text(toks, tok_index)
            name = " ".join(words[pos : pos + length])
            if kind == "places" and nxt == "administration":
                out.add("organizations", f"{name} administration")
            else:
                out.add(kind, name)
            pos += length
            prev_title = False
            continue
        title_len = _title_len(words, pos, gaz)
        if title_len:
            pos += title_len
            prev_title = True
            continue
        if low in gaz.demonyms or low in gaz.stopwords or low in _COMMON_HEADS:
            pos += 1
            prev_title = False
            continue
        # A name: up to three name-shaped words.
        end = pos
        while (
            end < len(words)
            and end - pos < 3
            and _name_shaped(words[end])
            and lows[end] not in gaz.titles
            and lows[end] not in gaz.org_suffixes
        ):
            end += 1
        if end == pos:
            pos += 1
            prev_title = False
            continue
        name_words = words[pos:end]
        tok = toks[run[pos]]
        last_tok = toks[run[end - 1]]
        after = run[end - 1] + 1
        nxt_tok = toks[after] if after < len(toks) and toks[after].joined else None
        nxt = nxt_tok.text if nxt_tok else ""
        name = " ".join(name_words)
        if nxt == "administration" and len(name_words) == 1:
            out.add("organizations", f"{name} administration")
        elif name.isupper() and len(name_words) == 1 and 2 <= len(name) <= 6:
            out.add("organizations", name)
        elif not prev_title and _FIRM_BEFORE.search(text, max(0, tok.start - 30), tok.start):
            # "mobile operator Hanbit Telecom", "The manufacturer, Helvion Biologics": a firm.
            out.add("organizations", name)
        elif prev_title or (len(name_words) >= 2 and not _non_name(name_words)):
            out.add("people", name)
        elif last_tok.possessive is False and nxt in _ROLE_AFTER_ORG:
            out.add("organizations", name)
        elif tok.start > 0 and _after_place_cue(text, toks, run[pos]):
            out.add("places", name)
        elif (
            not tok.sentence_start
            and pos == 0
            and nxt_tok is not None
            and nxt_tok.text
            in (
                "executives",
                "employees",
            )
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


def _next_text(toks: list[_Tok], index: int) -> str:
    if index + 1 < len(toks) and toks[index + 1].joined:
        return toks[index + 1].text
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


def _title_len(words: list[str], pos: int, gaz: Gazetteer) -> int:
    for length in (3, 2, 1):
        if pos + length <= len(words) and _norm(words[pos : pos + length]) in gaz.titles:
            return length
    return 0


def _name_shaped(word: str) -> bool:
    core = word.replace("-", "").replace("’", "").replace("'", "")
    return len(word) >= 2 and word[0].isupper() and core.isalpha() and not word.isupper()


def _non_name(words: list[str]) -> bool:
    return any(w.lower() in _NON_NAME for w in words)


def _after_place_cue(text: str, toks: list[_Tok], index: int) -> bool:
    prev = toks[index - 1].text.lower() if toks[index].joined else ""
    if prev in _PLACE_PREPS:
        return True
    return (
        prev == "of" and toks[index - 1].joined and toks[index - 2].text.lower() in _PLACE_NOUNS
    ) or prev in _PLACE_NOUNS


def extract_entities(text: str) -> Entities:
    """People, organizations and places of ``text``, fullest form, in order of first mention."""
    gaz = gazetteer()
    toks = _tokens(text)
    out = _Collector()
    header = re.match(r"\s*(?:M[RS]S?\.? |DR\.? )?([A-Z][A-Z'\-]+):", text)
    if header:
        out.add("people", header.group(1).title())
    for run in _runs(text, toks):
        _segment_run(text, toks, run, gaz, out)
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
    keep: list[str] = []
    # Each name padded and lower-cased once, not once per pair.
    padded = [(other, f" {other.lower()} ") for other in names]
    for name, low in padded:
        if any(other != name and low in other_low for other, other_low in padded):
            continue
        keep.append(name)
    return tuple(keep)


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
