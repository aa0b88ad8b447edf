"""A story updated where it stands: an Atom entry whose <updated> moves on after it was
stored is read again, and what the new version adds reaches the brief. From a real HTTP
server on 127.0.0.1, polled through the real poller and store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from bot.app import Services, build_services
from bot.polling import PollResults, poll_all
from bot.sources import MAX_REVISIONS_PER_POLL
from briefings.brief import build_brief
from tests.conftest import make_config

from .feed_server import FeedServer, Route, article

pytestmark = pytest.mark.integration

FIRST = [
    "Ukrainian negotiators said on Thursday that American envoys had urged Kyiv to withdraw "
    "its troops from the Donbass before any ceasefire.",
    "The talks in Abu Dhabi are expected to resume next week, the delegation said.",
]
# The update: the same story, with the White House's answer added at its end.
SECOND = [
    *FIRST,
    "A White House spokesperson denied that the envoys had urged Kyiv to withdraw its troops "
    "from the Donbass.",
]


def atom(updated: datetime, *, entries: int = 1, path: str = "/news/{n}") -> bytes:
    stamp = updated.strftime("%Y-%m-%dT%H:%M:%SZ")
    items = "".join(
        f"<entry><id>urn:story:{n}</id><title>Envoys press Kyiv on Donbass {n}</title>"
        f'<link href="{escape(path.format(n=n))}"/><published>2026-01-29T09:00:00Z</published>'
        f"<updated>{stamp}</updated>"
        "<summary>Negotiators on the Donbass talks.</summary></entry>"
        for n in range(1, entries + 1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Loopback Wire</title>'
        f"<id>urn:feed</id><updated>{stamp}</updated>{items}</feed>"
    ).encode()


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        running.routes["/news/1"] = Route(body=article("Envoys press Kyiv on Donbass", FIRST))
        yield running


def services_for(tmp_path: Path, server: FeedServer, **extra: Any) -> Services:
    source = {
        "name": "wire",
        "kind": "feed",
        "url": server.url("/feed.xml"),
        "interval": "10m",
        "baseline": False,
        **extra,
    }
    config = make_config(
        tmp_path, {"fetch": {"allow_private": True, "timeout": 5}, "sources": [source]}
    )
    return build_services(config)


@contextmanager
def first_read(tmp_path: Path, server: FeedServer, **extra: Any) -> Iterator[Services]:
    """The services of a bot about to read the feed as first published (stamped 29 January)."""
    publish(server, datetime(2026, 1, 29, 9, 0, tzinfo=UTC))
    services = services_for(tmp_path, server, **extra)
    try:
        yield services
    finally:
        services.close()


def publish(server: FeedServer, updated: datetime, **kwargs: Any) -> None:
    # Validators, as most feeds send them: a poll that keeps them gets a 304 next time.
    body = atom(updated, **kwargs)
    server.routes["/feed.xml"] = Route(
        body=body, content_type="application/atom+xml", etag=f'"{hash(body)}"'
    )


def poll(services: Services, at: datetime | None = None) -> PollResults:
    return poll_all(services, clock=(lambda: at) if at else None)


def reasons(services: Services) -> list[str]:
    return [s["reason"] for s in services.store.recent_skips(limit=100)]


def test_a_revised_entry_is_read_again_and_its_new_denial_reaches_the_brief(
    tmp_path: Path, server: FeedServer
) -> None:
    with first_read(tmp_path, server) as services:
        assert poll(services).added == 1
        before = build_brief(services.store, "donbass")
        assert before.denials == ()

        # The article is updated, and the feed says so under the same id.
        server.routes["/news/1"] = Route(body=article("Envoys press Kyiv on Donbass", SECOND))
        revised = datetime.now(UTC) + timedelta(minutes=1)
        publish(server, revised)
        second = poll(services)
        (stored,) = second.results[0].stored
        assert stored.name.endswith(f"(revised {revised:%Y-%m-%d %H:%M} UTC)")
        assert len(server.hits("/news/1")) == 2

        after = build_brief(services.store, "donbass")
        [denial] = after.denials
        assert denial.speaker == "A White House spokesperson"
        # The claim both versions carry is one claim from one source, and the denial
        # rejects it: the update adds the answer, not a second copy of the story.
        [claim] = [c for c in after.claims if c.speaker == "Ukrainian negotiators"]
        assert claim.independent_sources == 1
        assert denial.targets == (claim.id,)

        # The same stamp again: nothing is fetched.
        assert poll(services).added == 0
        assert len(server.hits("/news/1")) == 2


def test_a_stamp_from_before_the_entry_was_stored_reads_nothing_again(
    tmp_path: Path, server: FeedServer
) -> None:
    # A feed whose <updated> moves within what it had when the entry was first read (or a
    # store upgraded to this version) must not have its articles fetched again.
    with first_read(tmp_path, server) as services:
        poll(services)
        publish(server, datetime(2026, 1, 29, 10, 0, tzinfo=UTC))
        assert poll(services).added == 0
        assert len(server.hits("/news/1")) == 1


def test_revisions_are_read_at_most_once_an_hour_and_the_same_text_says_nothing(
    tmp_path: Path, server: FeedServer
) -> None:
    # Some feeds stamp every entry with the time of the request.
    with first_read(tmp_path, server) as services:
        poll(services)
        now = datetime.now(UTC)
        publish(server, now + timedelta(minutes=1))
        assert poll(services, at=now).added == 0, "the same text: no new report"
        assert len(server.hits("/news/1")) == 2
        assert not any("duplicate" in r for r in reasons(services)), "no news, no line"

        publish(server, now + timedelta(minutes=2))
        poll(services, at=now)
        assert len(server.hits("/news/1")) == 2, "not again within the hour"

        poll(services, at=now + timedelta(hours=1))
        assert len(server.hits("/news/1")) == 3


def test_a_revision_whose_page_fails_keeps_the_stored_version_and_says_so(
    tmp_path: Path, server: FeedServer
) -> None:
    with first_read(tmp_path, server) as services:
        poll(services)
        server.routes["/news/1"] = Route(status=503, body=b"busy")
        now = datetime.now(UTC)
        publish(server, now + timedelta(minutes=1))
        assert poll(services, at=now).added == 0
        assert any(
            r.startswith("revision not read (")
            and r.endswith("the stored version stands, and it is tried again within the hour")
            for r in reasons(services)
        ), reasons(services)
        assert services.store.count_reports() == 1

        server.routes["/news/1"] = Route(body=article("Envoys press Kyiv on Donbass", SECOND))
        assert poll(services, at=now + timedelta(hours=1)).added == 1


def test_updates_false_and_baseline_entries_are_not_read_again(
    tmp_path: Path, server: FeedServer
) -> None:
    with first_read(tmp_path, server, updates=False) as services:
        poll(services)
        publish(server, datetime.now(UTC) + timedelta(minutes=1))
        poll(services)
        assert len(server.hits("/news/1")) == 1

    # An entry recorded as the first poll's baseline was never stored: nothing to revise.
    with first_read(tmp_path / "baseline", server, baseline=True) as services:
        assert poll(services).results[0].baseline == 1
        publish(server, datetime.now(UTC) + timedelta(minutes=1))
        poll(services)
        assert len(server.hits("/news/1")) == 1
        assert services.store.count_reports() == 0


def test_a_revision_that_failed_for_a_while_is_read_once_the_page_answers(
    tmp_path: Path, server: FeedServer
) -> None:
    # The feed answers 304 while nothing in it changes: a poll that kept its validators
    # after a failed revision would never see the entry again.
    with first_read(tmp_path, server) as services:
        poll(services)
        server.routes["/news/1"] = Route(status=503, body=b"busy")
        now = datetime.now(UTC)
        publish(server, now + timedelta(minutes=1))
        assert poll(services, at=now).added == 0
        server.routes["/news/1"] = Route(body=article("Envoys press Kyiv on Donbass", SECOND))
        assert poll(services, at=now + timedelta(hours=1)).added == 1


def test_a_stamp_ahead_of_our_clock_is_no_revision_of_itself(
    tmp_path: Path, server: FeedServer
) -> None:
    publish(server, datetime.now(UTC) + timedelta(hours=3))
    services = services_for(tmp_path, server)
    try:
        assert poll(services).added == 1
        poll(services)
        assert len(server.hits("/news/1")) == 1, "the stamp it was stored with, read once"
    finally:
        services.close()


def test_a_revision_under_a_new_link_is_read_from_it(tmp_path: Path, server: FeedServer) -> None:
    # Sites change a story's slug with its headline; its id stays.
    with first_read(tmp_path, server) as services:
        poll(services)
        server.routes["/news/1-denied"] = Route(
            body=article("Envoys press Kyiv on Donbass", SECOND)
        )
        publish(server, datetime.now(UTC) + timedelta(minutes=1), path="/news/{n}-denied")
        assert poll(services).added == 1
        assert len(server.hits("/news/1-denied")) == 1
        [denial] = build_brief(services.store, "donbass").denials
        assert denial.speaker == "A White House spokesperson"


def test_a_poll_reads_a_bounded_number_of_revisions_and_the_rest_at_the_next(
    tmp_path: Path, server: FeedServer
) -> None:
    count = MAX_REVISIONS_PER_POLL + 3
    for n in range(1, count + 1):
        server.routes[f"/news/{n}"] = Route(body=article(f"Story {n} on Donbass", FIRST))
    publish(server, datetime(2026, 1, 29, 9, 0, tzinfo=UTC), entries=count)
    services = services_for(tmp_path, server)
    try:
        poll(services)
        publish(server, datetime.now(UTC) + timedelta(minutes=1), entries=count)
        poll(services)
        read = [n for n in range(1, count + 1) if len(server.hits(f"/news/{n}")) == 2]
        assert len(read) == MAX_REVISIONS_PER_POLL
        poll(services)
        assert all(len(server.hits(f"/news/{n}")) == 2 for n in range(1, count + 1))
    finally:
        services.close()
