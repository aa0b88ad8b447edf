"""Polling feeds, folders and article URLs from a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.app import Services, build_services
from bot.polling import PollResults, poll_all
from bot.status import build_status
from tests.conftest import SEED_DIR, make_config

from .feed_server import FeedServer, Route, article, rss

pytestmark = pytest.mark.integration

PARAGRAPHS = [
    [
        "Ukrainian negotiators said on Thursday that the future of Donbass remained the main "
        "obstacle to a ceasefire, after a second day of meetings with American envoys.",
        "A member of the delegation said the two sides had exchanged maps of the front line "
        "but had not agreed on where any demilitarized zone would begin.",
    ],
    [
        "Residents of Kramatorsk said that power cuts had returned after overnight strikes on "
        "the city's substations, the regional administration reported.",
        "Engineers expected to restore electricity to most homes in Donetsk region by the "
        "weekend, the administration said in a statement.",
    ],
    [
        "The European Commission said it would present a new package of support for Ukraine's "
        "energy grid next week, ahead of talks on security guarantees.",
        "Officials in Brussels said the package would focus on repairing transformers damaged "
        "in the east, including in Donbass.",
    ],
]


def item(n: int, **overrides: str) -> dict[str, str]:
    values = {
        "guid": f"urn:story:{n}",
        "link": f"/news/{n}",
        "title": f"Story {n}",
        "description": f"Summary of story {n}, about Donbass.",
        "pubDate": f"Wed, {10 + n} Jan 2026 09:00:00 GMT",
    }
    values.update(overrides)
    return values


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        for n, paragraphs in enumerate(PARAGRAPHS, start=1):
            running.routes[f"/news/{n}"] = Route(body=article(f"Story {n}", paragraphs))
        yield running


def services_for(tmp_path: Path, sources: list[dict[str, Any]]) -> Services:
    config = make_config(
        tmp_path, {"fetch": {"allow_private": True, "timeout": 5}, "sources": sources}
    )
    return build_services(config)


def feed_source(server: FeedServer, **extra: Any) -> dict[str, Any]:
    return {
        "name": "wire",
        "kind": "feed",
        "url": server.url("/feed.xml"),
        "interval": "10m",
        **extra,
    }


def poll(services: Services, **kwargs: Any) -> PollResults:
    return poll_all(services, **kwargs)


def a_minute_later() -> datetime:
    """A clock for polls that find the files of a folder left alone since they were written."""
    return datetime.now(UTC) + timedelta(minutes=1)


def reasons(services: Services) -> list[str]:
    return [s["reason"] for s in services.store.recent_skips(limit=100)]


def test_first_poll_is_a_baseline_then_only_new_entries_arrive(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/feed.xml"] = Route(
        body=rss("Wire", [item(2), item(1)]), content_type="application/rss+xml", etag='"a"'
    )
    services = services_for(tmp_path, [feed_source(server)])
    try:
        first = poll(services)
        assert first.ok and first.results[0].baseline == 2 and first.added == 0
        assert services.store.count_reports() == 0
        assert server.hits("/news/1") == []  # the back catalogue is not even fetched
        assert any(r.startswith("baseline: 2 entries") for r in reasons(services))

        server.routes["/feed.xml"] = Route(
            body=rss("Wire", [item(3), item(2), item(1)]),
            content_type="application/rss+xml",
            etag='"b"',
        )
        second = poll(services)
        assert second.added == 1
        (stored,) = second.results[0].stored
        report = services.store.get_report(stored.report_id or "")
        assert report is not None
        assert report.title == "Story 3" and report.outlet == "Loopback Wire"
        assert "European Commission" in report.text
        assert report.source == "feed:wire" and report.url == server.url("/news/3")
        assert "donbass" in stored.topics

        third = poll(services)
        assert third.results[0].not_modified and third.added == 0
        assert server.hits("/feed.xml")[-1].headers["if-none-match"] == '"b"'
        assert "wire (feed): not modified" in "\n".join(third.lines())
    finally:
        services.close()


def test_a_baseline_of_one_entry_is_said_in_the_singular(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/feed.xml"] = Route(body=rss("Wire", [item(1)]))
    services = services_for(tmp_path, [feed_source(server)])
    try:
        said = "\n".join(poll(services).lines())
        assert "1 existing entry recorded as the baseline" in said
        assert any(
            r.startswith("baseline: 1 entry present at the first poll was recorded")
            for r in reasons(services)
        )
    finally:
        services.close()


def test_baseline_off_reads_the_back_catalogue(tmp_path: Path, server: FeedServer) -> None:
    server.routes["/feed.xml"] = Route(body=rss("Wire", [item(2), item(1)]))
    services = services_for(tmp_path, [feed_source(server, baseline=False)])
    try:
        result = poll(services)
        assert result.added == 2 and services.store.count_reports() == 2
    finally:
        services.close()


def test_a_feed_that_rewrites_guids_and_dates_adds_no_duplicates(
    tmp_path: Path, server: FeedServer
) -> None:
    long_text = (
        "Negotiators from Kyiv and Washington met again on Thursday to discuss the future of "
        "Donbass and the security guarantees that would follow a ceasefire."
    )
    server.routes["/news/moved"] = server.routes["/news/1"]
    server.routes["/feed.xml"] = Route(body=rss("Wire", [item(2), item(1, description=long_text)]))
    services = services_for(tmp_path, [feed_source(server, baseline=False)])
    try:
        assert poll(services).added == 2
        rewritten = [
            item(
                2,
                guid="https://wire.example/p?id=902",
                pubDate="Fri, 30 Jan 2026 07:00:00 GMT",
                link="/news/2?utm_source=feed&utm_medium=rss#top",
            ),
            item(
                1,
                guid="https://wire.example/p?id=901",
                pubDate="Fri, 30 Jan 2026 07:00:00 GMT",
                link="/news/moved",
                description=long_text,
            ),
        ]
        server.routes["/feed.xml"] = Route(body=rss("Wire", rewritten))
        again = poll(services)
        assert again.added == 0 and services.store.count_reports() == 2
        assert sorted(r for _, r in again.results[0].skipped) == [
            "duplicate: same link as an entry seen before (its id changed)",
            "duplicate: same text as an entry seen before (its id, link changed)",
        ]
        assert server.hits("/news/moved") == []  # recognised before fetching anything
        # Each rewritten entry is now known by its new keys too: a third poll is silent.
        assert poll(services).results[0].skipped == ()
    finally:
        services.close()


def test_a_page_without_an_article_falls_back_to_the_entry_summary(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/news/9"] = Route(
        body=b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav>"
        b"</body></html>"
    )
    long_summary = (
        "<p>Ukraine's foreign minister said the security guarantees document for Donbass "
        "would be discussed again next week.</p><p>He gave no further details.</p>"
    )
    feed = [item(9, description=long_summary), item(8, link="/missing")]
    server.routes["/feed.xml"] = Route(body=rss("Wire", feed))
    services = services_for(tmp_path, [feed_source(server, baseline=False)])
    try:
        result = poll(services)
        assert result.added == 2
        texts = {
            services.store.get_report(o.report_id or "").text  # type: ignore[union-attr]
            for o in result.results[0].stored
        }
        assert (
            "Ukraine's foreign minister said the security guarantees document for Donbass "
            "would be discussed again next week.\n\nHe gave no further details." in texts
        )
        why = reasons(services)
        assert any("no article text found in the page" in r and "feed's summary" in r for r in why)
        assert any("HTTP 404" in r and "feed's summary" in r for r in why)
    finally:
        services.close()


def test_a_link_to_a_pdf_is_named_as_such_and_the_summary_stored(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/news/5"] = Route(body=b"%PDF-1.7\n...", content_type="application/pdf")
    server.routes["/feed.xml"] = Route(body=rss("Wire", [item(5)]))
    services = services_for(
        tmp_path,
        [
            feed_source(server, baseline=False),
            {"name": "paper", "kind": "url", "url": server.url("/news/5")},
        ],
    )
    try:
        wire, paper = poll(services).results
        assert wire.added == 1
        assert [r for _, r in wire.skipped] == [
            "article page not used (not an HTML page (application/pdf)); "
            "stored the feed's summary instead"
        ]
        assert paper.error == f"{server.url('/news/5')}: not an HTML page (application/pdf)"
    finally:
        services.close()


def test_a_headline_only_item_is_stored_and_an_empty_one_reported_once(
    tmp_path: Path, server: FeedServer
) -> None:
    headline = "Kremlin denies asking Kyiv to withdraw its troops from Donbass"
    # feedparser takes an RSS guid for the item's link: "urn:…" is no page to read either.
    flash = "Zelensky says talks on Donbass will resume next week in Geneva"
    feed = [
        {"title": headline, "pubDate": "Wed, 28 Jan 2026 09:00:00 GMT"},
        {"guid": "urn:flash:2", "title": flash, "pubDate": "Wed, 28 Jan 2026 09:30:00 GMT"},
        {"pubDate": "Wed, 28 Jan 2026 08:00:00 GMT"},
        item(1),
    ]
    server.routes["/feed.xml"] = Route(body=rss("Wire", feed))
    services = services_for(tmp_path, [feed_source(server, baseline=False)])
    try:
        first = poll(services)
        result = first.results[0]
        assert result.added == 3
        stored = {o.title: services.store.get_report(o.report_id or "") for o in result.stored}
        assert stored[headline] is not None and stored[headline].text == headline
        assert stored[flash] is not None and stored[flash].text == flash
        assert stored[headline].source == "feed:wire" and stored[headline].url is None
        lines = "\n".join(first.lines())
        assert (
            f"skipped    {headline}: the entry has no link to an article; stored its "
            "headline (it has no text) as the report"
        ) in lines
        assert "skipped    (untitled entry): the entry has no link, id, title or text" in lines
        status = "\n".join(build_status(services.store, datetime.now(UTC), ["wire"]).lines)
        assert "wire: (untitled entry) — the entry has no link, id, title or text" in status

        again = poll(services)
        assert again.added == 0 and again.results[0].skipped == ()
    finally:
        services.close()


def test_an_entry_that_cannot_be_fetched_yet_is_retried_not_lost(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/news/7"] = Route(status=503, body=b"try later")
    server.routes["/feed.xml"] = Route(body=rss("Wire", [item(7, description="")]), etag='"f"')
    services = services_for(tmp_path, [feed_source(server, baseline=False)])
    try:
        first = poll(services)
        assert first.added == 0
        assert any(
            r.startswith("will retry: the article could not be fetched (HTTP 503")
            for _, r in first.results[0].skipped
        )
        # The validators were not kept, so the next poll is not answered with a 304.
        server.routes["/news/7"] = Route(body=article("Story 7", PARAGRAPHS[0]))
        second = poll(services)
        assert "if-none-match" not in server.hits("/feed.xml")[-1].headers
        assert second.added == 1
    finally:
        services.close()


def test_an_article_failing_for_a_while_is_retried_before_its_summary_is_stored(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/news/1"] = Route(status=503, body=b"try later")
    server.routes["/news/2"] = Route(status=503, body=b"down for good")
    server.routes["/feed.xml"] = Route(body=rss("Wire", [item(2), item(1)]), etag='"f"')
    services = services_for(tmp_path, [feed_source(server, baseline=False)])
    start = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
    try:
        first = poll(services, clock=lambda: start)
        assert first.added == 0 and services.store.count_reports() == 0
        assert [r for _, r in first.results[0].skipped] == [
            "will retry: the article could not be fetched (HTTP 503 Service Unavailable); "
            "the entry's summary is stored instead if it still fails at 2026-11-02 14:00 UTC"
        ] * 2
        assert "will retry" in "\n".join(build_status(services.store, start, ["wire"]).lines)

        # The first page is back an hour later: its article is read, not the summary.
        server.routes["/news/1"] = Route(body=article("Story 1", PARAGRAPHS[0]))
        later = start + timedelta(hours=1)
        second = poll(services, clock=lambda: later)
        assert "if-none-match" not in server.hits("/feed.xml")[-1].headers
        assert second.added == 1
        (stored,) = second.results[0].stored
        report = services.store.get_report(stored.report_id or "")
        assert report is not None and PARAGRAPHS[0][0] in report.text
        assert [r for _, r in second.results[0].skipped] == [
            "will retry: the article could not be fetched (HTTP 503 Service Unavailable); "
            "the entry's summary is stored instead if it still fails at 2026-11-02 14:00 UTC"
        ]

        # The second page still fails six hours after its first failure: the summary it is.
        end = start + timedelta(hours=6)
        third = poll(services, clock=lambda: end)
        assert third.added == 1
        (stored,) = third.results[0].stored
        report = services.store.get_report(stored.report_id or "")
        assert report is not None and report.text == "Summary of story 2, about Donbass."
        assert [r for _, r in third.results[0].skipped] == [
            "article page not used (HTTP 503 Service Unavailable, still after 6 hours of "
            "retries); stored the feed's summary instead"
        ]
        assert poll(services, force=True).added == 0
    finally:
        services.close()


def test_broken_xml_fails_the_source_backs_off_and_shows_in_status(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/feed.xml"] = Route(
        body=b"<?xml version='1.0'?><rss><channel><item><ti", content_type="application/rss+xml"
    )
    services = services_for(tmp_path, [feed_source(server)])
    try:
        first = poll(services)
        assert not first.ok
        assert "not a readable RSS or Atom feed" in (first.results[0].error or "")
        state = services.store.source_state("wire")
        assert state["failures"] == 1
        assert (state["next_run"] - state["last_fetch"]).total_seconds() == 1200  # 2 × 10m

        waiting = poll(services)  # still inside the backoff window: not fetched
        assert waiting.results[0].waiting_until == state["next_run"]
        assert len(server.hits("/feed.xml")) == 1

        status = "\n".join(build_status(services.store, state["last_fetch"], ["wire"]).lines)
        assert "Source wire: last fetch" in status
        assert "last error: not a readable RSS or Atom feed" in status and "(1 in a row)" in status
        assert "next run in 20m" in status

        server.routes["/feed.xml"] = Route(body=rss("Wire", [item(1)]))
        recovered = poll(services, force=True)
        assert recovered.ok
        assert services.store.source_state("wire")["failures"] == 0
    finally:
        services.close()


def test_a_feed_read_despite_broken_xml_is_a_warning_until_it_is_mended(
    tmp_path: Path, server: FeedServer
) -> None:
    broken = rss("Wire", [item(1)]).replace(
        b"</channel>", b"<item><title>&amp</title></item></channel>"
    )
    server.routes["/feed.xml"] = Route(body=broken, content_type="application/rss+xml", etag='"1"')

    def status() -> str:
        return "\n".join(build_status(services.store, datetime.now(UTC), ["wire"]).lines)

    services = services_for(tmp_path, [feed_source(server)])
    try:
        first = poll(services)
        assert first.ok and (first.results[0].warning or "").startswith(
            "the feed is not well-formed ("
        )
        assert "; warning: the feed is not well-formed (" in first.lines()[0]
        assert "; warning: the feed is not well-formed (" in status() and "; ok" not in status()
        assert poll(services).results[0].not_modified  # the same body: still a warning
        assert "; warning: the feed is not well-formed (" in status()
        server.routes["/feed.xml"] = Route(
            body=rss("Wire", [item(1)]), content_type="application/rss+xml", etag='"2"'
        )
        assert poll(services).results[0].warning is None
        assert "; ok" in status() and "warning" not in status()
    finally:
        services.close()


def test_one_slow_source_does_not_stall_the_others(tmp_path: Path, server: FeedServer) -> None:
    folder = tmp_path / "drops"
    folder.mkdir()
    shutil.copy(next(SEED_DIR.glob("*.md")), folder / "seed.md")
    copied = time.time() - 60  # a minute ago: left alone long enough to be read
    os.utime(folder / "seed.md", (copied, copied))
    server.routes["/slow.xml"] = Route(body=rss("Slow", [item(1)]), pieces=50, trickle=0.2)
    server.routes["/feed.xml"] = Route(body=rss("Wire", [item(2)]))
    server.routes["/huge.xml"] = Route(body=b"<rss>" + b" " * 200_000 + b"</rss>")
    server.routes["/loop"] = Route(status=302, headers={"Location": "/loop"})
    services = services_for(
        tmp_path,
        [
            {"name": "slow", "kind": "feed", "url": server.url("/slow.xml"), "timeout": 0.5},
            feed_source(server, baseline=False),
            {"name": "huge", "kind": "feed", "url": server.url("/huge.xml"), "max_bytes": 10_000},
            {"name": "loop", "kind": "url", "url": server.url("/loop")},
            {"name": "drops", "kind": "folder", "path": str(folder)},
        ],
    )
    try:
        results = {r.name: r for r in poll(services).results}
        assert "timed out after 0.5s" in (results["slow"].error or "")
        assert (results["huge"].error or "").endswith(
            "over the size cap of 10,000 bytes "
            "(raise max_bytes of source 'huge' in the config to accept it)"
        )
        assert "redirect loop" in (results["loop"].error or "")
        assert results["wire"].ok and results["wire"].added == 1
        assert results["drops"].ok and results["drops"].added == 1
    finally:
        services.close()


def test_an_article_over_the_cap_names_the_setting_to_raise(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/news/1"] = Route(body=article("Story 1", PARAGRAPHS[0] * 100))
    server.routes["/feed.xml"] = Route(body=rss("Wire", [item(1)]))
    fetch = {"allow_private": True, "timeout": 5, "max_bytes": 20_000}
    config = make_config(
        tmp_path, {"fetch": fetch, "sources": [feed_source(server, baseline=False)]}
    )
    services = build_services(config)
    try:
        (skipped,) = poll(services).results[0].skipped
        assert skipped[1].startswith("article page not used (")
        assert (
            "over the size cap of 20,000 bytes (raise [fetch] max_bytes, or max_bytes of "
            "source 'wire' for this source alone, in the config to accept it)"
        ) in skipped[1]
    finally:
        services.close()


def test_a_folder_source_reads_each_new_file_once(tmp_path: Path) -> None:
    folder = tmp_path / "updates"
    folder.mkdir()
    shutil.copy(next(SEED_DIR.glob("*.md")), folder / "seed.md")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    services = services_for(tmp_path, [{"name": "updates", "kind": "folder", "path": str(folder)}])
    try:
        first = poll(services, clock=a_minute_later)
        assert first.added == 1
        assert any("unsupported file type '.pdf'" in r for _, r in first.results[0].skipped)
        second = poll(services, clock=a_minute_later)
        assert second.added == 0 and second.results[0].skipped == ()
        fixture = Path(__file__).parents[2] / "fixtures" / "updates"
        for path in sorted(fixture.glob("*.md")):
            shutil.copy(path, folder / path.name)
        third = poll(services, clock=a_minute_later)
        assert third.added == 3
        (folder / "empty.md").write_text("+++\ntitle = 'x'\n+++\n", encoding="utf-8")
        fourth = poll(services, clock=a_minute_later)
        assert [r for _, r in fourth.results[0].skipped] == [
            "rejected: the report has no text after its front matter"
        ]
        assert poll(services, clock=a_minute_later).results[0].skipped == ()
    finally:
        services.close()


def test_a_file_still_being_copied_in_is_read_once_and_whole(tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    whole = next(SEED_DIR.glob("*.md")).read_bytes()
    target = folder / "report.md"
    target.write_bytes(whole[: len(whole) * 2 // 5])  # the copy is under way
    services = services_for(tmp_path, [{"name": "drop", "kind": "folder", "path": str(folder)}])
    try:
        first = poll(services)
        assert first.added == 0 and services.store.count_reports() == 0
        waiting = (
            "waiting: the file changed 0s ago and may still be being written; it is read at "
            "the first poll after it has been left alone for 10s"
        )
        assert first.results[0].skipped == ((str(target), waiting),)
        status = "\n".join(build_status(services.store, datetime.now(UTC), ["drop"]).lines)
        assert f"drop: {target} — {waiting}" in status

        target.write_bytes(whole)  # the copy is done
        second = poll(services, clock=a_minute_later)
        assert second.added == 1 and services.store.count_reports() == 1
        assert poll(services, clock=a_minute_later).results[0].skipped == ()
    finally:
        services.close()


def test_a_file_dated_in_the_future_is_read_once_polls_found_it_unchanged(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    shutil.copy(next(SEED_DIR.glob("*.md")), folder / "report.md")
    ahead = time.time() + 3600  # a file server whose clock runs an hour ahead
    os.utime(folder / "report.md", (ahead, ahead))
    services = services_for(tmp_path, [{"name": "share", "kind": "folder", "path": str(folder)}])
    start = datetime.now(UTC)
    try:
        assert poll(services, clock=lambda: start).added == 0
        assert poll(services, clock=lambda: start + timedelta(seconds=5)).added == 0
        assert poll(services, clock=lambda: start + timedelta(seconds=11)).added == 1
    finally:
        services.close()


def test_a_file_edited_in_place_is_a_new_version_not_a_second_source(tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    seed = next(SEED_DIR.glob("*.md")).read_text(encoding="utf-8")
    target = folder / "report.md"
    target.write_text(seed, encoding="utf-8")
    services = services_for(tmp_path, [{"name": "drop", "kind": "folder", "path": str(folder)}])
    try:
        (first,) = poll(services, clock=a_minute_later).results[0].stored
        wrong = "Eight individuals with knowledge"
        corrected = seed.replace(wrong, "Nine individuals with knowledge")
        assert wrong in seed
        target.write_text(corrected, encoding="utf-8")
        (second,) = poll(services, clock=a_minute_later).results[0].stored
        assert second.name == f"{target} (a new version; the earlier one stays stored)"
        assert services.store.count_reports() == 2
        # Most of its text is the earlier version's: its claims count once, not twice.
        (row,) = services.store.report_rows([second.report_id or ""])
        assert row.duplicate_of == first.report_id
    finally:
        services.close()


def test_a_missing_folder_is_an_error_that_names_it(tmp_path: Path) -> None:
    services = services_for(
        tmp_path, [{"name": "gone", "kind": "folder", "path": str(tmp_path / "nowhere")}]
    )
    try:
        result = poll(services)
        assert not result.ok and "nowhere: folder not found" in (result.results[0].error or "")
    finally:
        services.close()


def test_a_url_source_is_read_once_then_answered_with_304(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/news/1"] = Route(body=article("Story 1", PARAGRAPHS[0]), etag='"p1"')
    services = services_for(
        tmp_path, [{"name": "one", "kind": "url", "url": server.url("/news/1?utm_source=x")}]
    )
    try:
        server.routes["/news/1?utm_source=x"] = server.routes["/news/1"]
        assert poll(services).added == 1
        again = poll(services)
        assert again.results[0].not_modified and services.store.count_reports() == 1
        rid = services.store.report_by_url(server.url("/news/1"))
        assert rid is not None  # stored under its canonical URL, tracking parameter dropped
    finally:
        services.close()


def test_fetching_loopback_is_refused_unless_allowed(tmp_path: Path, server: FeedServer) -> None:
    server.routes["/feed.xml"] = Route(body=rss("Wire", [item(1)]))
    config = make_config(tmp_path, {"sources": [feed_source(server)]})
    services = build_services(config)
    try:
        result = poll(services)
        assert "refused: 127.0.0.1 resolves to a loopback address" in (
            result.results[0].error or ""
        )
        assert server.requests == []
    finally:
        services.close()


def test_a_server_asking_to_wait_is_given_its_time(tmp_path: Path, server: FeedServer) -> None:
    server.routes["/feed.xml"] = Route(
        status=429, body=b"slow down", headers={"Retry-After": "7200"}
    )
    services = services_for(tmp_path, [feed_source(server)])
    try:
        result = poll(services)
        assert result.results[0].error == "HTTP 429 Too Many Requests"
        state = services.store.source_state("wire")
        # Longer than the 20 minutes of backoff after one failure: the server's two hours.
        assert (state["next_run"] - state["last_fetch"]).total_seconds() == 7200
    finally:
        services.close()


def test_a_file_over_a_folder_sources_cap_names_that_sources_setting(tmp_path: Path) -> None:
    """A watched folder reads with its source's cap (by default [fetch]'s), not [ingest]'s,
    and says so: raising [ingest] max_bytes would change nothing."""
    folder = tmp_path / "drop"
    folder.mkdir()
    big = folder / "big.md"
    big.write_text("# Big\n\n" + "The port said it will close. " * 500, encoding="utf-8")
    old = time.time() - 60
    os.utime(big, (old, old))
    services = services_for(
        tmp_path, [{"name": "drop", "kind": "folder", "path": str(folder), "max_bytes": 1_000}]
    )
    try:
        (result,) = poll(services).results
        ((_name, why),) = result.skipped
        assert why.endswith(
            "over the size cap of 1,000 bytes (raise max_bytes of source 'drop' in the config "
            "to accept it)"
        )
    finally:
        services.close()
