"""Feed parsing, URL canonicalization and the keys that recognise an entry seen before."""

from __future__ import annotations

import pytest

from bot.feeds import FeedEntry, FeedError, canonicalize_url, content_fingerprint, parse_feed

pytestmark = pytest.mark.unit

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Loopback Wire</title><link>http://example.org/</link>
<description>d</description>
<item><guid>tag:2</guid><link>https://Example.org/b?utm_source=x#top</link>
<title>Second &amp; newer</title>
<description>&lt;p&gt;Two paragraphs.&lt;/p&gt;&lt;p&gt;Here.&lt;/p&gt;</description>
<pubDate>Thu, 29 Jan 2026 09:00:00 GMT</pubDate></item>
<item><guid>tag:1</guid><link>/a</link><title>First</title><description>One.</description>
<pubDate>Wed, 28 Jan 2026 09:00:00 GMT</pubDate></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom test</title><id>urn:x</id>
<updated>2026-01-29T00:00:00Z</updated>
<entry><id>urn:e1</id><title>Atom entry</title><link href="https://example.net/e1"/>
<updated>2026-01-29T08:00:00Z</updated><summary>Short.</summary>
<content type="html">&lt;p&gt;The longer content of the entry.&lt;/p&gt;</content></entry>
</feed>"""


def test_canonical_url_drops_tracking_fragment_and_sorts_query() -> None:
    url = (
        "HTTPS://News.Example.ORG:443/story?b=2&utm_source=rss&a=1&fbclid=xyz&UTM_Medium=m#comments"
    )
    assert canonicalize_url(url) == "https://news.example.org/story?a=1&b=2"


def test_canonical_url_keeps_meaningful_params_ports_and_path_case() -> None:
    assert canonicalize_url("http://example.org:8080/Path/A?id=7&ref=") == (
        "http://example.org:8080/Path/A?id=7&ref="
    )
    assert canonicalize_url("http://example.org") == "http://example.org/"


def test_rss_entries_come_oldest_first_with_resolved_links_and_text() -> None:
    feed = parse_feed(RSS, "application/rss+xml", "http://example.org/feed.xml")
    assert feed.title == "Loopback Wire"
    assert [e.title for e in feed.entries] == ["First", "Second & newer"]
    first, second = feed.entries
    assert first.url == "http://example.org/a"
    assert second.canonical_url == "https://example.org/b"
    assert second.summary == "Two paragraphs.\n\nHere."
    assert first.published == "2026-01-28T09:00:00+00:00"
    assert feed.warning is None


def test_atom_prefers_the_longer_content() -> None:
    (entry,) = parse_feed(ATOM, "application/atom+xml").entries
    assert entry.guid == "urn:e1"
    assert entry.summary == "The longer content of the entry."


@pytest.mark.parametrize(
    "body", [b"<html><body>Not a feed</body></html>", b"{not xml", b"<rss><channel><item><title>x"]
)
def test_what_is_not_a_feed_is_refused_with_the_reason(body: bytes) -> None:
    with pytest.raises(FeedError, match="not a readable RSS or Atom feed"):
        parse_feed(body)


def test_entry_is_known_by_guid_link_and_text() -> None:
    text = "A summary long enough to identify the entry by its words alone, twelve or more."
    a = FeedEntry("g1", "https://e.org/x?utm_campaign=1", "https://e.org/x", "T", text, None)
    rewritten = FeedEntry("g2", "https://e.org/x", "https://e.org/x", "T", text, None)
    moved = FeedEntry("g3", "https://e.org/y", "https://e.org/y", "T", text, None)
    assert len(a.keys()) == 3
    assert set(a.keys()) & set(rewritten.keys())  # same link, new id
    assert set(a.keys()) & set(moved.keys())  # same text, new link and id
    other = FeedEntry("g4", "https://e.org/z", "https://e.org/z", "Other", text, None)
    assert not set(a.keys()) & set(other.keys())


def test_fingerprint_ignores_markup_case_and_spacing() -> None:
    assert content_fingerprint("Title", "<p>Some  text.</p>") == content_fingerprint(
        "title", "Some text"
    )


def test_a_recurring_title_with_a_short_summary_is_not_a_duplicate() -> None:
    monday = FeedEntry(
        "g1", "https://e.org/live/1", "https://e.org/live/1", "Live", "Latest.", None
    )
    tuesday = FeedEntry(
        "g2", "https://e.org/live/2", "https://e.org/live/2", "Live", "Latest.", None
    )
    assert not set(monday.keys()) & set(tuesday.keys())


HEADLINES = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Flash</title><link>http://example.org/</link>
<description>d</description>
<item><title>Kremlin denies asking Kyiv to leave Donbass</title></item>
<item><title>Short item</title><description>Two words.</description></item>
<item><pubDate>Wed, 28 Jan 2026 09:00:00 GMT</pubDate></item>
</channel></rss>"""


def test_entries_without_id_or_link_reach_the_poll_keyed_by_their_words() -> None:
    short, headline, empty = parse_feed(HEADLINES, "application/rss+xml").entries
    assert headline.title == "Kremlin denies asking Kyiv to leave Donbass"
    assert (headline.url, headline.guid, headline.summary) == (None, None, "")
    assert len(headline.keys()) == 1 and len(short.keys()) == 1
    assert set(headline.keys()) != set(short.keys())
    # Nothing to key on: still an entry, for the poll to report as skipped.
    assert empty.keys() == () and empty.label == "(untitled entry)"


def test_the_same_headline_alone_is_the_same_entry_but_not_with_an_id() -> None:
    first = FeedEntry(None, None, None, "Talks resume", "", None)
    again = FeedEntry(None, None, None, "Talks resume", "", "2026-01-29T00:00:00+00:00")
    with_id = FeedEntry("g1", None, None, "Talks resume", "", None)
    assert first.keys() == again.keys()
    assert not set(first.keys()) & set(with_id.keys())


def test_a_feed_of_entries_with_nothing_in_them_is_still_a_feed() -> None:
    body = b"<rss version='2.0'><channel><title>t</title><item></item></channel></rss>"
    (entry,) = parse_feed(body, "application/rss+xml").entries
    assert entry.keys() == ()


def test_broken_xml_that_still_gives_entries_is_a_warning_a_mislabelled_feed_is_not() -> None:
    broken = RSS.replace(b"<title>First</title>", b"<title>First & last</title>")
    feed = parse_feed(broken, "application/rss+xml")
    assert [e.title for e in feed.entries] == ["First & last", "Second & newer"]
    assert (feed.warning or "").startswith("the feed is not well-formed (")
    assert parse_feed(RSS, "text/html; charset=utf-8").warning is None


def test_a_link_that_does_not_parse_leaves_the_rest_of_the_feed_readable() -> None:
    items = "".join(
        f"<item><guid>tag:{n}</guid><link>{link}</link><title>T{n}</title>"
        f"<pubDate>Wed, 2{n} Jan 2026 09:00:00 GMT</pubDate></item>"
        for n, link in enumerate(["http://127.0.0.1:99999/x", "http://[::1/x", "/ok"], start=1)
    )
    body = f"<rss version='2.0'><channel><title>W</title>{items}</channel></rss>".encode()
    port, ipv6, ok = parse_feed(body, "application/rss+xml", "http://example.org/").entries
    assert (port.url, port.canonical_url) == ("http://127.0.0.1:99999/x", None)
    assert ipv6.canonical_url is None and ipv6.keys()
    assert ok.canonical_url == "http://example.org/ok"


def test_nul_characters_of_a_feed_never_reach_an_entry() -> None:
    body = (
        b"<rss version='2.0'><channel><title>W</title><item><guid>g</guid>"
        b"<title>Talks&#0; resume</title><description>The mayor\x00 said so.</description>"
        b"</item></channel></rss>"
    )
    (entry,) = parse_feed(body, "application/rss+xml").entries
    assert (entry.title, entry.summary) == ("Talks resume", "The mayor said so.")
