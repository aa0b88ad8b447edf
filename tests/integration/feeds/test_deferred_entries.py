"""A feed entry whose article page is too slow waits for it, and is finished (its article, or
its summary at the deadline) even when a busy feed drops it meanwhile. Through the real
poller against a real HTTP server on 127.0.0.1, with the poller's clock set by the test."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.app import Services
from bot.status import build_status

from .feed_server import FeedServer, Route, article, rss
from .test_polling import PARAGRAPHS, feed_source, item, poll, services_for

pytestmark = pytest.mark.integration

START = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
WAITS = (
    "will retry: the article could not be fetched (timed out after 0.5s (the whole transfer)); "
    "the entry's summary is stored instead if it still fails at 2026-11-02 14:00 UTC"
)


def slow_page() -> Route:
    """An article page whose body trickles far past the source's timeout."""
    return Route(body=article("Story 1", PARAGRAPHS[0]), pieces=40, trickle=0.25)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        running.routes["/news/1"] = slow_page()
        running.routes["/news/2"] = Route(body=article("Story 2", PARAGRAPHS[1]))
        running.routes["/news/3"] = Route(body=article("Story 3", PARAGRAPHS[2]))
        running.routes["/feed.xml"] = Route(body=rss("Wire", [item(2), item(1)]), etag='"1"')
        yield running


@pytest.fixture
def services(tmp_path: Path, server: FeedServer) -> Iterator[Services]:
    made = services_for(tmp_path, [feed_source(server, baseline=False, timeout=0.5)])
    try:
        yield made
    finally:
        made.close()


def at(hours: float) -> datetime:
    return START + timedelta(hours=hours)


def status(services: Services, now: datetime) -> str:
    return "\n".join(build_status(services.store, now, ["wire"]).lines)


def roll_off_story_1(server: FeedServer) -> None:
    """The feed moves on: a new story in, story 1 out."""
    server.routes["/feed.xml"] = Route(body=rss("Wire", [item(3), item(2)]), etag='"2"')


def defer_story_1_then_roll_it_off(services: Services, server: FeedServer) -> None:
    first = poll(services, clock=lambda: START)
    assert [o.title for o in first.results[0].stored] == ["Story 2"]
    assert first.results[0].skipped == ((server.url("/news/1"), WAITS),)
    roll_off_story_1(server)


def test_an_entry_gone_from_the_feed_is_stored_from_its_summary_at_its_deadline(
    services: Services, server: FeedServer
) -> None:
    defer_story_1_then_roll_it_off(services, server)

    # Gone from the feed an hour later, its page still too slow: it still waits.
    second = poll(services, clock=lambda: at(1))
    assert [o.title for o in second.results[0].stored] == ["Story 3"]
    assert second.results[0].skipped == ((server.url("/news/1"), WAITS),)
    assert len(server.hits("/news/1")) == 2
    # The feed is read whole while an entry waits: a 304 would end the poll before it.
    assert "if-none-match" not in server.hits("/feed.xml")[-1].headers
    assert "will retry" in status(services, at(1))

    # Six hours after its first failure its summary is stored, with what the feed said.
    third = poll(services, clock=lambda: at(6))
    (stored,) = third.results[0].stored
    report = services.store.get_report(stored.report_id or "")
    assert report is not None
    assert report.text == "Summary of story 1, about Donbass."
    assert (report.title, report.url, report.source) == (
        "Story 1",
        server.url("/news/1"),
        "feed:wire",
    )
    assert report.outlet == "Wire" and report.published is not None
    assert third.results[0].skipped == (
        (
            server.url("/news/1"),
            "article page not used (timed out after 0.5s (the whole transfer), still after "
            "6 hours of retries); stored the feed's summary instead",
        ),
    )
    # Status no longer says it waits; its earlier lines say what became of it.
    shown = status(services, at(6))
    assert "will retry" not in shown
    assert (
        f"no longer pending: the entry's summary, in place of its article, was stored "
        f"(report {stored.report_id})"
    ) in shown
    assert services.store.deferred_entries("wire") == []

    # Finished: nothing more to do, and the feed's validators are used again.
    assert poll(services, clock=lambda: at(7), force=True).added == 0
    assert poll(services, clock=lambda: at(8), force=True).results[0].not_modified
    assert len(server.hits("/news/1")) == 3


def test_an_entry_gone_from_the_feed_gets_its_article_when_the_page_answers_in_time(
    services: Services, server: FeedServer
) -> None:
    defer_story_1_then_roll_it_off(services, server)
    server.routes["/news/1"] = Route(body=article("Story 1", PARAGRAPHS[0]))

    later = poll(services, clock=lambda: at(2))
    stored = {o.title: o.report_id for o in later.results[0].stored}
    assert set(stored) == {"Story 1", "Story 3"}
    report = services.store.get_report(stored["Story 1"] or "")
    assert report is not None and PARAGRAPHS[0][0] in report.text
    assert report.source == "feed:wire"
    shown = status(services, at(2))
    assert "will retry" not in shown
    assert f"no longer pending: its article was stored (report {stored['Story 1']})" in shown
    assert services.store.deferred_entries("wire") == []


def test_an_entry_still_in_the_feed_waits_and_falls_back_as_before(
    services: Services, server: FeedServer
) -> None:
    first = poll(services, clock=lambda: START)
    assert first.results[0].skipped == ((server.url("/news/1"), WAITS),)

    # Still listed: tried once a poll, by the feed's own pass, not a second time as kept.
    second = poll(services, clock=lambda: at(1))
    assert second.added == 0 and second.results[0].skipped == ((server.url("/news/1"), WAITS),)
    assert len(server.hits("/news/1")) == 2

    third = poll(services, clock=lambda: at(6))
    (stored,) = third.results[0].stored
    report = services.store.get_report(stored.report_id or "")
    assert report is not None and report.text == "Summary of story 1, about Donbass."
    assert len(server.hits("/news/1")) == 3
    assert "will retry" not in status(services, at(6))
    assert services.store.deferred_entries("wire") == []


def test_an_entry_without_a_summary_gone_from_the_feed_is_given_up_at_its_deadline(
    services: Services, server: FeedServer
) -> None:
    server.routes["/feed.xml"] = Route(body=rss("Wire", [item(1, description="")]))
    first = poll(services, clock=lambda: START)
    assert first.results[0].skipped == (
        (
            server.url("/news/1"),
            "will retry: the article could not be fetched (timed out after 0.5s (the whole "
            "transfer)) and the entry has no summary",
        ),
    )
    roll_off_story_1(server)
    # Listed, it waits however long its page takes; gone, there is a deadline to say.
    second = poll(services, clock=lambda: at(1))
    assert (
        second.results[0]
        .skipped[0][1]
        .endswith(
            "the entry has no summary and has left the feed; it is given up if it still fails "
            "at 2026-11-02 14:00 UTC"
        )
    )
    third = poll(services, clock=lambda: at(6))
    assert third.results[0].skipped == (
        (
            server.url("/news/1"),
            "not stored: timed out after 0.5s (the whole transfer), still after 6 hours of "
            "retries, and the entry has no summary (and it has left the feed)",
        ),
    )
    assert "will retry" not in status(services, at(6))
    assert services.store.deferred_entries("wire") == []


def test_an_entry_whose_guid_changed_while_it_waited_is_settled_by_its_link(
    services: Services, server: FeedServer
) -> None:
    """The feed re-issued the waiting entry under a new guid, same link, and its page then
    answered: the article was stored, but the deferral kept under the old guid stayed, so
    status went on saying "will retry" and the feed was never fetched conditionally again."""
    poll(services, clock=lambda: START)
    assert services.store.deferred_entries("wire")
    server.routes["/feed.xml"] = Route(
        body=rss("Wire", [item(2), item(1, guid="urn:story:1-rev")]), etag='"2"'
    )
    server.routes["/news/1"] = Route(body=article("Story 1", PARAGRAPHS[0]))
    second = poll(services, clock=lambda: at(1))
    assert [o.title for o in second.results[0].stored] == ["Story 1"]
    assert services.store.deferred_entries("wire") == []
    assert "will retry" not in status(services, at(1))
    poll(services, clock=lambda: at(2), force=True)
    assert "if-none-match" in server.hits("/feed.xml")[-1].headers
