"""One bad item — a feed entry, a file of a watched folder — is rejected by name, and the
rest of its source is still read, at this poll and every later one."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefings.database_url import StoreFailed
from tests.conftest import ingest_breaks_on
from tests.integration.test_file_ingest import odd_files, odd_name

from .feed_server import FeedServer, Route, article, rss
from .test_polling import PARAGRAPHS, a_minute_later, feed_source, item, poll, services_for

pytestmark = pytest.mark.integration


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        for n, paragraphs in enumerate(PARAGRAPHS, start=1):
            running.routes[f"/news/{n}"] = Route(body=article(f"Story {n}", paragraphs))
        yield running


def test_an_entry_that_meets_a_bug_is_rejected_and_the_next_one_stored(
    tmp_path: Path, server: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.routes["/feed.xml"] = Route(body=rss("Wire", [item(2), item(1)]), etag='"e"')
    services = services_for(tmp_path, [feed_source(server, baseline=False)])
    error = RuntimeError("no speaker\n[SQL: INSERT …] with the whole text")
    try:
        with (
            caplog.at_level(logging.ERROR, logger="bot.sources"),
            ingest_breaks_on(services.pipeline, "/news/1", error),
        ):
            first = poll(services)
        (result,) = first.results
        assert result.ok and first.added == 1
        assert result.skipped == (
            (server.url("/news/1"), "rejected: internal error (RuntimeError: no speaker)"),
        )
        (logged,) = [r for r in caplog.records if r.levelno == logging.ERROR]
        assert logged.exc_info is not None and server.url("/news/1") in logged.getMessage()
        # Not lost: once the bug is gone, the next poll stores it.
        second = poll(services, force=True)
        assert second.added == 1 and services.store.count_reports() == 2
    finally:
        services.close()


def test_a_store_that_takes_nothing_fails_the_source_not_the_entry(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/feed.xml"] = Route(body=rss("Wire", [item(1)]))
    services = services_for(tmp_path, [feed_source(server, baseline=False)])

    def full(*args: Any) -> Any:
        raise StoreFailed("the store is full: free some space")

    services.pipeline.ingest = full  # type: ignore[method-assign]
    try:
        (result,) = poll(services).results
        assert not result.ok and "the store is full" in (result.error or "")
        assert services.store.count_reports() == 0
    finally:
        services.close()


def test_a_file_that_meets_a_bug_is_rejected_and_the_folder_read_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text("Port report\n\nThe port said it had reopened.\n", "utf-8")
    (folder / "b.txt").write_text(
        "Road report\n\nThe mayor said the road to Donbass was open.\n", "utf-8"
    )
    services = services_for(tmp_path, [{"name": "drop", "kind": "folder", "path": str(folder)}])
    try:
        with (
            caplog.at_level(logging.ERROR),
            ingest_breaks_on(services.pipeline, "a.txt", ValueError("bad state")),
        ):
            (result,) = poll(services, clock=a_minute_later).results
        assert result.ok and result.added == 1
        assert result.skipped == (
            (str(folder / "a.txt"), "rejected: internal error (ValueError: bad state)"),
        )
        assert any(r.exc_info for r in caplog.records if r.levelno == logging.ERROR)
    finally:
        services.close()


def test_a_file_name_that_is_not_utf8_is_read_from_a_watched_folder(tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    odd_name(folder, b"caf\xe9.txt")
    (folder / "zz.txt").write_text("Road report\n\nThe mayor said the road to Donbass was open.\n")
    services = services_for(tmp_path, [{"name": "drop", "kind": "folder", "path": str(folder)}])
    try:
        (result,) = poll(services, clock=a_minute_later).results
        assert result.ok and result.added == 2
        assert result.stored[0].name == f"{folder}/caf\\xe9.txt"
        assert poll(services, clock=a_minute_later).results[0].added == 0
    finally:
        services.close()


def test_entries_linking_to_urls_that_cannot_be_fetched_do_not_block_the_feed(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/moved"] = Route(status=302, headers={"Location": "javascript:alert(1)"})
    entries = [
        item(1, link="/moved"),
        item(2, link="http://127.0.0.1:99999/x"),
        item(3),
    ]
    server.routes["/feed.xml"] = Route(body=rss("Wire", entries), etag='"u"')
    services = services_for(tmp_path, [feed_source(server, baseline=False)])
    try:
        first = poll(services)
        (result,) = first.results
        assert result.ok and first.added == 3  # two from their summaries, one from its page
        why = dict(result.skipped)
        assert why[server.url("/moved")] == (
            "article page not used (the page redirects to an unsupported URL "
            "javascript:alert(1)); stored the feed's summary instead"
        )
        assert why["http://127.0.0.1:99999/x"].startswith("article page not used (invalid port")
        report = services.store.get_report(result.stored[2].report_id or "")
        assert report is not None and report.outlet == "Loopback Wire"
        assert poll(services, force=True).added == 0
    finally:
        services.close()


def test_what_in_a_watched_folder_is_no_file_is_skipped_once_with_its_reason(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Road report\n\nThe mayor said the road to Donbass was open.\n"
    )
    reasons = odd_files(folder)
    services = services_for(tmp_path, [{"name": "drop", "kind": "folder", "path": str(folder)}])
    try:
        (first,) = poll(services, clock=a_minute_later).results
        assert first.ok and first.added == 1
        assert dict(first.skipped) == {str(folder / name): why for name, why in reasons.items()}
        (second,) = poll(services, clock=a_minute_later).results
        assert second.ok and second.skipped == ()
    finally:
        services.close()


def test_a_link_in_capitals_is_read_and_one_that_is_no_page_is_not_kept_as_the_url(
    tmp_path: Path, server: FeedServer
) -> None:
    shouted = server.url("/news/1").replace("http://", "HTTP://")
    feed = [item(1, link=shouted), item(2, link="ftp://files.example.org/story-2.txt")]
    server.routes["/feed.xml"] = Route(body=rss("Wire", feed))
    services = services_for(tmp_path, [feed_source(server, baseline=False)])
    try:
        (result,) = poll(services).results
        assert result.added == 2
        stored = {o.title: services.store.get_report(o.report_id or "") for o in result.stored}
        article, summary = stored["Story 1"], stored["Story 2"]
        # The page was read, not the feed's one-line summary.
        assert article is not None and PARAGRAPHS[0][0] in article.text
        assert article.url is not None and article.url.lower() == shouted.lower()
        assert summary is not None and summary.text == "Summary of story 2, about Donbass."
        assert summary.url is None, "an ftp: link is shown as no link to the article"
    finally:
        services.close()
