"""Two replicas of the Slack app on one store: a retried event, a share clicked on both.

Each replica is a running Slack app of its own (its own HTTP port, store connection and
process memory) on one database, on SQLite and on PostgreSQL; both talk to one Web API
stand-in. Slack's load balancer may send an event's retry, or a second click, to either.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.integration.slack.harness import CHANNEL, SlackHarness, running_slack, share_click
from tests.integration.slack.standin import Failure, SlackStandIn
from tests.integration.slack.test_threads import mention, replies_calls, thread, users
from tests.postgres_server import PostgresServer

pytestmark = pytest.mark.integration

RETRY = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
SHARE = '{"topic":"donbass","since":null}'
ALREADY = "Already sharing this brief in the channel; one click is enough."


@asynccontextmanager
async def two_replicas(
    tmp_path: Path, standin: SlackStandIn, database_url: str, seed: bool = False
) -> AsyncIterator[tuple[SlackHarness, SlackHarness]]:
    """Two apps on ``database_url``; the first ingests the seeds when ``seed`` is set."""
    env = {"BRIEFBOT_DATABASE_URL": database_url}
    async with (
        running_slack(tmp_path / "a", standin, seed=seed, env=env) as first,
        running_slack(tmp_path / "b", standin, seed=False, env=env) as second,
    ):
        assert first.adapter.port != second.adapter.port
        yield first, second


def roots(standin: SlackStandIn) -> list[str]:
    """The channel posts that are no thread replies: a shared brief's first message."""
    return [p.body["text"] for p in standin.posted() if "thread_ts" not in p.body]


def test_an_event_and_its_retry_on_another_replica_are_summarized_once(
    tmp_path: Path, standin: SlackStandIn, database_url: str
) -> None:
    users(standin)
    root = standin.add_thread(CHANNEL, thread(20))

    async def scenario() -> None:
        async with two_replicas(tmp_path, standin, database_url) as (first, second):
            event = mention("<@UBOT> summarize please", "1769500002.000001")
            # The event and Slack's retry of it arrive on both replicas at once.
            acks = await asyncio.gather(
                first.event(event, "Ev001"), second.event(event, "Ev001", headers=RETRY)
            )
            assert [a.status_code for a in acks] == [200, 200]
            await standin.wait_for(lambda: standin.posted(), what="the summary")
            # A distinct mention on each replica proves both still answer; neither the
            # event nor its retry produced a second summary meanwhile.
            later = mention("<@UBOT> summarise", "1769500002.000002")
            await second.event(later, "Ev002")
            await first.event(later, "Ev002", headers=RETRY)
            await standin.wait_for(lambda: len(replies_calls(standin)) >= 4, what="second read")
            await standin.wait_for(lambda: len(standin.posted()) >= 2, what="second summary")

    asyncio.run(scenario())
    posts = standin.posted()
    assert len(posts) == 2  # one summary for each distinct mention
    assert all(p.body["thread_ts"] == root for p in posts)
    assert len(replies_calls(standin)) == 4  # two reads of two pages, none for a retry


def test_a_share_clicked_on_two_replicas_posts_the_brief_once(
    tmp_path: Path, standin: SlackStandIn, database_url: str
) -> None:
    # Slack holds the first click's post until the second click, on the other replica, is
    # answered: that one must be answered privately and post nothing.
    held = threading.Event()
    standin.hold["/api/chat.postMessage"] = held

    async def scenario() -> None:
        async with two_replicas(tmp_path, standin, database_url, seed=True) as (first, second):
            await first.post(share_click(SHARE, standin.hook("click-1")))
            await standin.wait_for(
                lambda: standin.api_calls("chat.postMessage"), what="the first post"
            )
            await second.post(share_click(SHARE, standin.hook("click-2")))
            await standin.wait_for(
                lambda: (
                    standin.hook_calls("click-2") or len(standin.api_calls("chat.postMessage")) > 1
                ),
                what="the second click's answer",
            )
            held.set()
            await standin.wait_for(lambda: standin.hook_calls("click-1"), what="the share ack")

    asyncio.run(scenario())
    assert len(roots(standin)) == 1
    assert [c.body["text"] for c in standin.hook_calls("click-1")] == ["Shared in the channel."]
    [second] = standin.hook_calls("click-2")
    assert (second.body["text"], second.body["response_type"]) == (ALREADY, "ephemeral")


def test_a_share_refused_on_one_replica_can_be_clicked_again_on_the_other(
    tmp_path: Path, standin: SlackStandIn, database_url: str
) -> None:
    """A double click lands on both replicas; the first replica's post is refused, which lets
    the button be clicked again, also on the replica that said "Already sharing"."""
    standin.fail("chat.postMessage", Failure(error="not_in_channel"))
    held = threading.Event()
    standin.hold["/api/chat.postMessage"] = held

    async def scenario() -> None:
        async with two_replicas(tmp_path, standin, database_url, seed=True) as (first, second):
            await first.post(share_click(SHARE, standin.hook("try-1")))
            await standin.wait_for(
                lambda: standin.api_calls("chat.postMessage"), what="the first post"
            )
            await second.post(share_click(SHARE, standin.hook("try-2")))
            await standin.wait_for(lambda: standin.hook_calls("try-2"), what="already sharing")
            held.set()  # Slack refuses the first post: the bot is not in the channel
            await standin.wait_for(lambda: standin.hook_calls("try-1"), what="the refusal")
            # The user invites the bot and clicks the same button again, on the replica
            # that answered the double click.
            await second.post(share_click(SHARE, standin.hook("try-3")))
            await standin.wait_for(lambda: standin.hook_calls("try-3"), what="the share ack")
            # One more click, on the replica whose own post was refused.
            await first.post(share_click(SHARE, standin.hook("try-4")))
            await standin.wait_for(lambda: standin.hook_calls("try-4"), what="the answer")

    asyncio.run(scenario())
    said = {n: [c.body["text"] for c in standin.hook_calls(f"try-{n}")] for n in range(1, 5)}
    assert said[2] == [ALREADY]
    assert len(said[1]) == 1 and "invite me" in said[1][0]
    assert said[3] == ["Shared in the channel."]
    assert said[4] == [ALREADY]
    assert len(roots(standin)) == 1


def take_the_database_down(request: pytest.FixtureRequest, database_url: str) -> None:
    """PostgreSQL: the database is dropped under the replicas' connections. SQLite, which
    has no server to lose: the claims' table is gone from under the store."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        with sqlite3.connect(str(url.database)) as db:
            db.execute("ALTER TABLE work_claims RENAME TO work_claims_gone")
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    with psycopg.connect(server.dsn(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{url.database}" WITH (FORCE)')  # a name we made


def test_a_store_that_cannot_claim_leaves_each_replica_acting_once(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    standin: SlackStandIn,
    database_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The bot is not silenced by its store: each replica summarizes an event once, as
    before replicas shared claims, and says in its log why it could not claim."""
    users(standin)
    standin.add_thread(CHANNEL, thread(5))

    async def scenario() -> None:
        async with two_replicas(tmp_path, standin, database_url) as (first, second):
            take_the_database_down(request, database_url)
            event = mention("<@UBOT> summarize please", "1769500002.000001")
            await first.event(event, "Ev001")
            await standin.wait_for(lambda: standin.posted(), what="the summary")
            await first.event(event, "Ev001", headers=RETRY)  # this replica remembers it
            await second.event(event, "Ev001", headers=RETRY)  # this one cannot know
            await standin.wait_for(lambda: len(standin.posted()) >= 2, what="the second")
            await first.event(mention("<@UBOT> summarise", "1769500002.000002"), "Ev002")
            await standin.wait_for(lambda: len(standin.posted()) >= 3, what="the third")

    with caplog.at_level(logging.WARNING, logger="bot.work_claims"):
        asyncio.run(scenario())
    assert len(standin.posted()) == 3, "once per replica, and the new mention"
    warnings = [r.getMessage() for r in caplog.records if r.name == "bot.work_claims"]
    assert len(warnings) == 3, warnings  # the three first sights; a repeat is not asked
    assert all(w.startswith("could not claim slack:event in the store (") for w in warnings)
    assert all("Ev001" not in w and "Ev002" not in w for w in warnings)
