"""Feeds into entries, and the keys that recognise an entry seen before.

A feed is parsed with feedparser (RSS and Atom alike). Feeds rewrite GUIDs, dates and
tracking parameters, so an entry is known by several keys at once: its GUID, its canonical
URL and a hash of its text. It counts as seen when *any* key was recorded, and all of its
keys are recorded once it is stored, so a feed that changes one of them produces no
duplicate. Pure: bytes in, entries out; no network.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import feedparser

from briefings.ingest import storable_text

_TAG = re.compile(r"<[^>]+>")
_WS = re.compile(r"\s+")
# Parameters that say who sent the reader, never which article it is.
_TRACKING_PREFIXES = ("utm_", "mtm_", "pk_", "_hs")
_TRACKING = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "mkt_tok",
        "_ga",
        "_gl",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "wickedid",
        "rb_clickid",
        "s_cid",
        "ncid",
        "cmpid",
        "sr_share",
    }
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
MIN_TEXT_KEY_WORDS = 12


class FeedError(ValueError):
    """A body that is not a feed at all (broken XML with no readable entry, an HTML page)."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed, with everything needed to fetch it or fall back to its summary."""

    guid: str | None
    url: str | None
    canonical_url: str | None
    title: str
    summary: str
    published: str | None
    # When the feed says the entry last changed (Atom <updated>), if it says so.
    revised: datetime | None = None

    def keys(self) -> tuple[str, ...]:
        """Every key this entry is known by; any one of them seen means the entry was seen."""
        keys: list[str] = []
        if self.guid:
            keys.append("guid:" + _digest(self.guid))
        if self.canonical_url:
            keys.append("url:" + _digest(self.canonical_url))
        # Text alone identifies an entry only when there is enough of it: a recurring title
        # ("Live: latest updates") with a one-line summary is a new entry every day.
        text = content_fingerprint(self.title, self.summary)
        if self.summary and len(text.split()) >= MIN_TEXT_KEY_WORDS:
            keys.append("text:" + _digest(text))
        elif not keys and text:
            # With no id and no link, its words are all that tell it from another entry (a
            # headline-only item, say); two entries with the same words are the same news.
            keys.append("text:" + _digest(text))
        return tuple(keys)

    @property
    def label(self) -> str:
        """How the skip ledger and the poll output name the entry."""
        return self.url or self.title or self.guid or "(untitled entry)"


@dataclass(frozen=True, slots=True)
class Feed:
    title: str
    entries: tuple[FeedEntry, ...]
    warning: str | None = None


def parse_feed(data: bytes, content_type: str = "", base_url: str = "") -> Feed:
    """Entries oldest first (feeds list newest first); ``FeedError`` when nothing is readable.

    Slightly broken XML that still yields entries is accepted with a ``warning``, since
    refusing the whole feed would lose the entries that did parse.
    """
    headers = {"content-type": content_type} if content_type else {}
    if base_url:
        headers["content-location"] = base_url
    parsed: Any = feedparser.parse(data, response_headers=headers, sanitize_html=True)
    version = parsed.get("version") or ""
    # An entry with nothing to key it on is kept all the same: the poll reports it as
    # skipped, with the reason, rather than it vanishing here.
    entries = [_entry(raw, base_url) for raw in parsed.entries]
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not any(e.keys() for e in entries) and (problem is not None or not version):
        why = f"{type(problem).__name__}: {problem}" if problem is not None else "no feed found"
        raise FeedError(f"not a readable RSS or Atom feed ({why})")
    # A feed served as text/html, or whose header names another encoding than the one it
    # is in, parses all the same: nothing for its owner to mend, so no warning.
    informational = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)
    warning = (
        f"the feed is not well-formed ({problem})"
        if problem is not None and not isinstance(problem, informational)
        else None
    )
    title = _text(parsed.feed.get("title", "")) if parsed.get("feed") else ""
    # Feeds list newest first; undated entries keep that order, reversed.
    entries.reverse()
    entries.sort(key=lambda e: e.published or "")
    return Feed(title=title, entries=tuple(entries), warning=warning)


def canonicalize_url(url: str) -> str:
    """One spelling per article: lower-case scheme and host, no default port, no fragment,
    no tracking parameters, the rest of the query sorted."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    if parts.username:
        host = f"{parts.username}@{host}"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
    )
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def content_fingerprint(title: str, summary: str) -> str:
    """Title and summary reduced to their words, so markup or spacing changes do not count."""
    text = unicodedata.normalize("NFKC", f"{_text(title)} {_text(summary)}").casefold()
    return _WS.sub(" ", re.sub(r"[^\w\s]", " ", text)).strip()


def _entry(raw: Any, base_url: str) -> FeedEntry:
    url, canonical = _link((raw.get("link") or "").strip(), base_url)
    summary = raw.get("summary") or ""
    contents = raw.get("content") or []
    if contents and len(_text(contents[0].get("value", ""))) > len(_text(summary)):
        summary = contents[0].get("value", "")
    return FeedEntry(
        guid=(raw.get("id") or "").strip() or None,
        url=url,
        canonical_url=canonical,
        title=_text(raw.get("title", "")),
        summary=_paragraphs(summary),
        published=_published(raw),
        # (dict.get: feedparser would answer a missing <updated> with <published>, warning.)
        revised=_stamp(dict.get(raw, "updated_parsed")),
    )


def _link(link: str, base_url: str) -> tuple[str | None, str | None]:
    """An entry's link made absolute, and its canonical form.

    A link that does not parse (a port out of range, a "[" never closed) is kept as written
    with no canonical form: one entry's broken link must not fail the whole feed, and the
    fetch of its article says what is wrong with it.
    """
    if not link:
        return None, None
    try:
        url = urljoin(base_url, link) if base_url else link
        if not url.lower().startswith(("http://", "https://")):
            return url, None
        return url, canonicalize_url(url)
    except ValueError:
        return link, None


def _published(raw: Any) -> str | None:
    stamp = _stamp(raw.get("published_parsed") or raw.get("updated_parsed"))
    return stamp.isoformat() if stamp else None


def _stamp(parsed: Any) -> datetime | None:
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    except (OverflowError, ValueError, OSError):  # a year 99999 is no moment
        return None


def _text(markup: str) -> str:
    # A feed may carry NULs ("&#0;", or raw in a feed parsed leniently): never stored.
    return _WS.sub(" ", storable_text(html.unescape(_TAG.sub(" ", markup or "")))).strip()


def _paragraphs(markup: str) -> str:
    # Block ends become paragraph breaks so the summary still splits into sentences well.
    spaced = re.sub(r"(?i)</p\s*>|<br\s*/?>|</li\s*>|</h\d\s*>", "\n\n", markup or "")
    parts = [_text(p) for p in spaced.split("\n\n")]
    return "\n\n".join(p for p in parts if p)


def _is_tracking(key: str) -> bool:
    lowered = key.lower()
    return lowered in _TRACKING or lowered.startswith(_TRACKING_PREFIXES)


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:40]


__all__ = [
    "Feed",
    "FeedEntry",
    "FeedError",
    "canonicalize_url",
    "content_fingerprint",
    "parse_feed",
]
