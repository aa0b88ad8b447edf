"""Topics and their aliases: which reports belong to which running story.

A report joins a topic when its title or text names one of the topic's aliases as a whole
word, case-insensitively. All aliases of all topics are compiled into one alternation,
longest first, so "Donetsk People's Republic" wins over "Donetsk" and a report is scanned
once however many topics there are.

A story's own words are often everybody's: "peace talks" and "ceasefire" name the talks on
Ukraine and every other war's. A topic with ``requires`` joins a report only when it also
names one of those words ("Ukraine", "Kyiv"), so that a general alias does not fill its
briefs and digests with another story.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    description: str
    aliases: tuple[str, ...]
    # Words of which a report must also name one (whole words, any case); () for none.
    requires: tuple[str, ...] = ()


class TopicMatcher:
    """Finds the topics a text belongs to; built once from the configured topics."""

    def __init__(self, topics: Sequence[Topic]) -> None:
        self.topics = tuple(topics)
        owners: dict[str, set[str]] = {}
        for topic in self.topics:
            for alias in (topic.name, *topic.aliases):
                key = _fold(alias)
                if key:
                    owners.setdefault(key, set()).add(topic.name)
        self._owners = owners
        alternatives = sorted(owners, key=lambda a: (-len(a), a))
        pattern = "|".join(_alias_pattern(a) for a in alternatives)
        self._regex = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE) if pattern else None
        self._requires = {
            topic.name: re.compile(
                rf"(?<!\w)(?:{'|'.join(_alias_pattern(_fold(w)) for w in topic.requires)})(?!\w)",
                re.IGNORECASE,
            )
            for topic in self.topics
            if topic.requires
        }

    def match(self, *texts: str) -> list[str]:
        """Topic names whose aliases occur in any of the texts, in configuration order."""
        if self._regex is None:
            return []
        hits: set[str] = set()
        for text in texts:
            for found in self._regex.finditer(text):
                hits |= self._owners.get(_fold(found.group(0)), set())
        return [t.name for t in self.topics if t.name in hits and self._within(t.name, texts)]

    def _within(self, name: str, texts: Sequence[str]) -> bool:
        """Whether the texts name one of the words the topic requires (if it has any)."""
        required = self._requires.get(name)
        return required is None or any(required.search(text) for text in texts)

    def get(self, name: str) -> Topic | None:
        wanted = name.lower()
        return next((t for t in self.topics if t.name == wanted), None)

    def resolve(self, word: str) -> Topic | None:
        """A topic by name, or by one of its aliases ("donbas" finds "donbass")."""
        direct = self.get(word)
        if direct:
            return direct
        owners = self._owners.get(_fold(word), set())
        if len(owners) == 1:
            return self.get(next(iter(owners)))
        return None

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        """The closest topic names to a misspelt one, for the "did you mean" line."""
        names = [t.name for t in self.topics]
        close = difflib.get_close_matches(word.lower(), names, n=limit, cutoff=0.5)
        alias_hits = difflib.get_close_matches(_fold(word), list(self._owners), n=limit, cutoff=0.7)
        for alias in alias_hits:
            for owner in sorted(self._owners[alias]):
                if owner not in close:
                    close.append(owner)
        return close[:limit]


def topics_from_mapping(data: dict[str, object], origin: str = "topics.toml") -> list[Topic]:
    """Topics from parsed TOML (``[[topics]]`` tables); raises ValueError naming the key."""
    for key in data:
        if key != "topics":
            raise ValueError(f"{origin}: {key}: unknown key ({_hint(key, ('topics',))})")
    raw = data.get("topics")
    if not isinstance(raw, list):
        raise ValueError(f"{origin}: expected [[topics]] tables")
    topics: list[Topic] = []
    seen: set[str] = set()
    for n, item in enumerate(raw):
        where = f"{origin}: topics[{n}]"
        if not isinstance(item, dict):
            raise ValueError(f"{where}: expected a table")
        for key in item:
            if key not in _TOPIC_KEYS:
                # ("alias" for "aliases" would leave the topic matching no report, silently.)
                raise ValueError(f"{where}.{key}: unknown key ({_hint(key, _TOPIC_KEYS)})")
        name = item.get("name")
        if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,63}", name):
            raise ValueError(f"{where}.name: expected a lower-case name like 'donbass'")
        if name in seen:
            raise ValueError(f"{where}.name: topic '{name}' is defined twice")
        seen.add(name)
        description = item.get("description", "")
        if not isinstance(description, str):
            raise ValueError(f"{where}.description: expected a string")
        aliases = item.get("aliases", [])
        # A blank alias (" ") names nothing: refused like an empty one, not dropped unsaid.
        if not isinstance(aliases, list) or not all(
            isinstance(a, str) and a.strip() for a in aliases
        ):
            raise ValueError(f"{where}.aliases: expected a list of non-empty strings")
        requires = item.get("requires", [])
        if not isinstance(requires, list) or not all(
            isinstance(w, str) and w.strip() for w in requires
        ):
            raise ValueError(f"{where}.requires: expected a list of non-empty strings")
        topics.append(Topic(name, description, tuple(aliases), tuple(requires)))
    return topics


_TOPIC_KEYS = ("name", "description", "aliases", "requires")


def _hint(key: str, known: tuple[str, ...]) -> str:
    """The known key ``key`` was probably meant to be, or else all of them."""
    close = difflib.get_close_matches(key, known, n=1)
    return f"did you mean '{close[0]}'?" if close else f"expected one of {', '.join(known)}"


def _fold(text: str) -> str:
    # Typographic apostrophes are common in news copy ("People’s Republic").
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").split()).casefold()


def _alias_pattern(alias: str) -> str:
    parts = [re.escape(word).replace("'", "['\u2019\u2018]") for word in alias.split(" ")]
    return r"\s+".join(parts)
