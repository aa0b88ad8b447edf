"""The shipped gazetteer (``data/gazetteer.toml``), loaded once, and the tables keyed from it.

The gazetteer holds general knowledge only — countries, major cities and regions, well-known
bodies, demonyms and titles. It is its own module because it holds data, not rules: the
capitalization rules in ``entities`` ask it what a name is, and ``speakers``, ``roles`` and
``extract`` ask it the same questions without needing those rules.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from briefings.lexicon import ANONYMOUS_HEADS, ROLE_HEADS

__all__ = ["Gazetteer", "Lookups", "gazetteer", "lookups"]


# Common nouns that open sentences capitalized ("Analysts at ...", "Officials said").
_COMMON_HEADS = ANONYMOUS_HEADS | ROLE_HEADS


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Lower-cased lookups built once from the shipped TOML."""

    places: frozenset[str]
    countries: frozenset[str]
    continents: frozenset[str]
    regions: frozenset[str]
    organizations: frozenset[str]
    demonyms: frozenset[str]
    titles: frozenset[str]
    org_suffixes: frozenset[str]
    stopwords: frozenset[str]
    max_len: int
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
        countries=low(data["places"]["countries"]),
        continents=low(data["places"]["continents"]),
        regions=low(data["places"]["regions"]),
        organizations=orgs,
        demonyms=low(data["demonyms"]["words"]),
        titles=low(data["titles"]["words"]),
        org_suffixes=low(data["org_suffixes"]["words"]),
        stopwords=low(data["stopwords"]["words"]),
        max_len=longest,
        single={
            **{p: "places" for p in places if " " not in p},
            **{o: "organizations" for o in orgs if " " not in o},
        },
    )


@dataclass(frozen=True, slots=True)
class Lookups:
    """Gazetteer tables keyed for the questions ``entities._segment_run`` asks, built once.

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
def lookups() -> Lookups:
    """Build the ``Lookups`` tables from the gazetteer once per process."""
    gaz = gazetteer()
    return Lookups(
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
