"""The ``slack:`` destination the scheduler posts digests through, against the stand-in:
splitting within Block Kit limits, threading the continuations, no link previews, 429s,
a digest whose first post fails being delivered exactly once on the retry, and one refused
part-way being continued in its thread — in the same process, after a restart, and after
new reports arrived."""

from __future__ import annotations

import asyncio
import json
import socket
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.app import build_services
from bot.delivery import DeliveryError, DeliveryRouter
from bot.file_ingest import ingest_paths
from bot.scheduler import BotScheduler
from bot.slack.app import build_web_client
from bot.slack.destination import SlackDestination
from bot.status import build_status
from briefings.model import Brief, BriefClaim, BriefReport, Digest, Entities, Evidence
from briefings.render import Renderer
from tests.conftest import SEED_DIR, make_config
from tests.integration.long_story import write_late_report, write_long_story
from tests.integration.slack.harness import (
    BOT_TOKEN,
    CHANNEL,
    SlackHarness,
    command_form,
    running_slack,
)
from tests.integration.slack.standin import Failure, SlackStandIn

pytestmark = pytest.mark.integration

NOW = datetime(2026, 1, 28, 8, 0, tzinfo=UTC)


def big_digest(claims_per_topic: int = 40, topics: int = 3) -> Digest:
    """A digest far over one message: long verbatim sentences, many claims, several topics."""
    briefs = []
    for t in range(topics):
        report = BriefReport(f"r{t}", f"Report {t} on the talks", "Wire", None, "2026-01-27")
        claims = tuple(
            BriefClaim(
                id=f"c{t}-{i}",
                speaker=f"Official {i}",
                speaker_kind="official",
                content=f"claim {i} of topic {t} " + "the line of contact will hold " * 12,
                hedged=i % 2 == 0,
                status="uncontested",
                evidence=(Evidence(f"r{t}", f"Official {i} said that the line will hold. " * 6),),
            )
            for i in range(claims_per_topic)
        )
        briefs.append(
            Brief(
                topic=f"topic-{t}",
                generated_at=NOW,
                since=NOW - timedelta(days=1),
                reports=(report,),
                claims=claims,
                denials=(),
                open_questions=(),
                entities=Entities(),
            )
        )
    return Digest(generated_at=NOW, since=NOW - timedelta(days=1), briefs=tuple(briefs))


def destination(standin: SlackStandIn) -> SlackDestination:
    return SlackDestination(build_web_client(BOT_TOKEN, standin.url), Renderer())


def test_a_long_digest_is_split_within_block_kit_limits_and_threaded(
    standin: SlackStandIn,
) -> None:
    digest = big_digest()
    asyncio.run(destination(standin).send("C0DIGEST", digest))
    posts = standin.posted()
    assert len(posts) >= 3, "the digest should need several messages"
    first_ts = "1700000000.000001"
    assert "thread_ts" not in posts[0].body
    assert all(p.body["thread_ts"] == first_ts for p in posts[1:])
    for post in posts:
        body = post.body
        assert body["channel"] == "C0DIGEST"
        assert body["unfurl_links"] is False and body["unfurl_media"] is False
        blocks = body["blocks"]
        assert 0 < len(blocks) <= 50
        sections = [b["text"]["text"] for b in blocks if b["type"] == "section"]
        assert all(len(s) <= 3000 for s in sections)
        total = sum(len(b["text"]["text"]) for b in blocks if "text" in b) + sum(
            len(e.get("text", "")) for b in blocks for e in b.get("elements", [])
        )
        assert total <= 13000
    # The channel shows the overview: each topic's counts, none of the items' sentences.
    overview = str(posts[0].body["blocks"])
    assert all(f"*topic-{t}* — 1 report · 40 claims" in overview for t in range(3))
    assert "said that the line will hold" not in overview
    # Nothing was lost in the split: every claim of every topic is in the thread.
    shown = " ".join(str(p.body["blocks"]) for p in posts[1:])
    for t in range(3):
        for i in range(40):
            assert f"claim {i} of topic {t} " in shown


def test_first_post_fails_then_the_retry_delivers_exactly_once(
    standin: SlackStandIn, services
) -> None:
    """The scheduler's bookkeeping around ``send``: pending until Slack accepted it all."""
    store = services.store
    slack = destination(standin)
    digest = big_digest(claims_per_topic=3, topics=1)
    key = "slack:C0DIGEST|topic-0|2026-01-28"
    standin.fail("chat.postMessage", Failure(status=500))

    async def attempt() -> str:
        if not store.begin_delivery(key, "slack:C0DIGEST", "topic-0", "2026-01-28"):
            return "already delivered"
        try:
            await slack.send("C0DIGEST", digest)
        except DeliveryError as exc:
            store.finish_delivery(key, str(exc))
            return "failed"
        store.finish_delivery(key, None)
        return "delivered"

    async def scenario() -> list[str]:
        return [await attempt() for _ in range(3)]

    assert asyncio.run(scenario()) == ["failed", "delivered", "already delivered"]
    assert len(standin.api_calls("chat.postMessage")) == 2
    assert len(standin.posted()) == 1
    row = store.delivery(key)
    assert row is not None and row.status == "delivered" and row.attempts == 2


def test_an_ok_false_answer_is_a_delivery_error(standin: SlackStandIn) -> None:
    standin.fail("chat.postMessage", Failure(error="channel_not_found"))
    with pytest.raises(DeliveryError, match="channel_not_found"):
        asyncio.run(destination(standin).send("C0GONE", big_digest(3, 1)))
    assert standin.posted() == []


def test_a_retry_after_a_partial_failure_continues_the_thread(standin: SlackStandIn) -> None:
    digest = big_digest()
    slack = destination(standin)
    standin.fail_at("chat.postMessage", 2, Failure(error="internal_error"))

    async def scenario() -> None:
        # Part one is accepted, part two refused: the send fails as a whole...
        with pytest.raises(DeliveryError, match="internal_error"):
            await slack.send("C0DIGEST", digest)
        assert len(standin.posted()) == 1
        # ...and the retry posts only what is missing, still under the first message.
        await slack.send("C0DIGEST", digest)

    asyncio.run(scenario())
    posts = standin.posted()
    parts = Renderer().slack(digest)
    assert len(parts) >= 3
    assert [p.body["blocks"] for p in posts] == [m["blocks"] for m in parts]
    assert all(p.body["thread_ts"] == posts[0].body["_ts"] for p in posts[1:])


def test_a_429_is_waited_out_and_the_digest_posted_once(standin: SlackStandIn) -> None:
    standin.fail("chat.postMessage", Failure(retry_after=1))
    asyncio.run(destination(standin).send("C0DIGEST", big_digest(3, 1)))
    statuses = [c.status for c in standin.api_calls("chat.postMessage")]
    assert statuses == [429, 200]
    assert len(standin.posted()) == 1


def test_a_429_that_outlasts_the_clients_retries_carries_slacks_delay(
    standin: SlackStandIn,
) -> None:
    # A client that leaves 429s to its caller, as one whose own retries ran out does: the
    # error hands the scheduler the delay Slack asked for, so its retry waits that long.
    slack = SlackDestination(
        build_web_client(BOT_TOKEN, standin.url, rate_limit_retries=0), Renderer()
    )
    standin.fail("chat.postMessage", Failure(retry_after=90))
    with pytest.raises(DeliveryError) as raised:
        asyncio.run(slack.send("C0DIGEST", big_digest(3, 1)))
    assert raised.value.retry_after == 90
    assert standin.posted() == []


def test_a_refusal_that_is_no_rate_limit_carries_no_delay(standin: SlackStandIn) -> None:
    # Near miss: an error that says nothing of waiting leaves the scheduler's own backoff.
    standin.fail("chat.postMessage", Failure(error="channel_not_found"))
    with pytest.raises(DeliveryError) as raised:
        asyncio.run(destination(standin).send("C0GONE", big_digest(3, 1)))
    assert raised.value.retry_after is None


def test_followed_channel_gets_its_digest_once_through_the_scheduler(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    """/brief follow over HTTP, then the scheduler's digest run: the first post fails (HTTP
    500), the retry delivers, a third run finds it delivered and posts nothing."""

    async def scenario() -> list[str]:
        async with running_slack(tmp_path, standin) as slack:
            router = DeliveryRouter()
            router.register(slack.adapter.destination)
            scheduler = BotScheduler(slack.services, router)
            slack.services.handler.on_follow = scheduler.sync_follow
            await scheduler.start(paused=True)
            try:
                await slack.command("follow donbass at 08:00 Europe/Kyiv", "follow")
                await standin.wait_for(lambda: standin.hook_calls("follow"))
                assert any("donbass" in job for job in scheduler.job_ids())
                standin.fail("chat.postMessage", Failure(status=500))
                return [await scheduler.run_digest(f"slack:{CHANNEL}", "donbass") for _ in range(3)]
            finally:
                await scheduler.stop()

    assert asyncio.run(scenario()) == ["failed", "delivered", "already delivered"]
    posted = standin.posted()
    assert posted and all(p.body["channel"] == CHANNEL for p in posted)
    assert "Daily digest" in str(posted[0].body["blocks"])
    # One failed call, then each part of the digest exactly once.
    assert len(standin.api_calls("chat.postMessage")) == len(posted) + 1


def scheduler_for(slack: SlackHarness) -> BotScheduler:
    """The bot's scheduler posting through this harness's Slack destination (paused)."""
    router = DeliveryRouter()
    router.register(slack.adapter.destination)
    scheduler = BotScheduler(slack.services, router)
    slack.services.handler.on_follow = scheduler.sync_follow
    return scheduler


@pytest.mark.parametrize("between", ["nothing", "a restart", "a new report"])
def test_a_digest_refused_part_way_is_continued_in_its_thread(
    tmp_path: Path, standin: SlackStandIn, between: str
) -> None:
    """Slack takes parts 1 and 2 of a long digest and refuses part 3. Whatever happens before
    the retry, the channel ends with one thread holding every part once, in order."""
    destination = f"slack:{CHANNEL}"
    rendered: list[list[object]] = []
    later: list[str] = []  # what the next day's digest posted

    async def refused_part_way() -> str:
        async with running_slack(tmp_path, standin) as slack:
            ingest_paths(slack.services.pipeline, [write_long_story(tmp_path / "story")], 10**7)
            scheduler = scheduler_for(slack)
            await scheduler.start(paused=True)
            try:
                await slack.command("follow donbass at 08:00 Europe/Kyiv", "follow")
                await standin.wait_for(lambda: standin.hook_calls("follow"))
                standin.fail_at("chat.postMessage", 3, Failure(error="internal_error"))
                assert await scheduler.run_digest(destination, "donbass") == "failed"
                (row,) = slack.services.store.deliveries(("failed",))
                unfinished = slack.services.store.unfinished_digest(row.key)
                assert unfinished is not None and unfinished.accepted == 2
                rendered.append([part["blocks"] for part in unfinished.parts])
                if between == "nothing":
                    await scheduler.run_job_now(f"retry:{row.key}")
                return row.key
            finally:
                await scheduler.stop()

    async def retried(key: str) -> None:
        async with running_slack(tmp_path, standin, seed=False) as slack:
            store = slack.services.store
            if between == "a new report":
                ingest_paths(
                    slack.services.pipeline, [write_late_report(tmp_path / "late.md")], 10**7
                )
            scheduler = scheduler_for(slack)
            await scheduler.start(paused=True)  # finds the failed delivery: a retry, due now
            try:
                await scheduler.run_job_now(f"retry:{key}")
                row = store.delivery(key)
                assert row is not None and row.status == "delivered" and row.attempts == 2
                assert store.unfinished_digest(key) is None
                if between == "a new report":  # not in the digest it continued: in the next
                    sent = len(standin.posted())
                    next_day = (date.fromisoformat(row.day) + timedelta(days=1)).isoformat()
                    assert await scheduler.run_digest(destination, "donbass", next_day) == (
                        "delivered"
                    )
                    later.extend(str(p.body["blocks"]) for p in standin.posted()[sent:])
            finally:
                await scheduler.stop()

    key = asyncio.run(refused_part_way())
    if between != "nothing":
        asyncio.run(retried(key))
    posts = standin.posted()[: len(standin.posted()) - len(later)]
    (parts,) = rendered
    assert len(parts) >= 5, "the digest should need several messages"
    assert [p.body["blocks"] for p in posts] == parts
    assert "thread_ts" not in posts[0].body
    assert all(p.body["thread_ts"] == posts[0].body["_ts"] for p in posts[1:])
    assert len(standin.api_calls("chat.postMessage")) == len(posts) + len(later) + 1
    if between == "a new report":
        assert "water talks would resume" not in str([p.body["blocks"] for p in posts])
        assert "water talks would resume" in " ".join(later)


@pytest.mark.parametrize("dropped", [1, 2])
def test_a_post_slack_took_before_the_connection_dropped_is_not_posted_again(
    standin: SlackStandIn, dropped: int
) -> None:
    # Slack takes the post and the answer is lost: the first part (in the channel) or a
    # later one (in the thread). The destination looks before posting it again.
    standin.fail_at("chat.postMessage", dropped, Failure(drop_after_accept=True))
    digest = big_digest()
    parts = destination(standin).render(digest)
    assert len(parts) >= 3
    asyncio.run(destination(standin).send("C0DIGEST", digest))
    blocks = [json.dumps(c.body.get("blocks"), sort_keys=True) for c in standin.posted()]
    assert len(blocks) == len(parts) and len(set(blocks)) == len(blocks)
    # Every part after the first is in the first one's thread.
    first = standin.posted()[0].body["_ts"]
    assert all(c.body.get("thread_ts") == first for c in standin.posted()[1:])


def test_a_post_lost_with_its_connection_before_slack_took_it_is_posted_again(
    standin: SlackStandIn,
) -> None:
    # Near miss: the connection dropped and nothing landed, so the part is posted again.
    standin.fail_at("chat.postMessage", 2, Failure(drop_before_accept=True))
    digest = big_digest()
    parts = destination(standin).render(digest)
    asyncio.run(destination(standin).send("C0DIGEST", digest))
    blocks = [json.dumps(c.body.get("blocks"), sort_keys=True) for c in standin.posted()]
    assert len(blocks) == len(parts) and len(set(blocks)) == len(blocks)
    assert len(standin.api_calls("chat.postMessage")) == len(parts) + 1


async def digest_through(tmp_path: Path, api_url: str) -> tuple[str, list[str], str]:
    """The scheduler's digest of a seeded store to ``slack:C0AUTH`` through a Slack client
    on ``api_url``: what the run said, the retries it planned, and ``status``."""
    config = make_config(
        tmp_path,
        {"follows": [{"destination": "slack:C0AUTH", "topic": "donbass", "at": "08:00"}]},
    )
    services = build_services(config)
    ingest_paths(services.pipeline, [SEED_DIR], 10**7)
    router = DeliveryRouter()
    router.register(SlackDestination(build_web_client(BOT_TOKEN, api_url), Renderer()))
    scheduler = BotScheduler(services, router)
    await scheduler.start(paused=True)
    try:
        outcome = await scheduler.run_digest("slack:C0AUTH", "donbass")
        retries = [job for job in scheduler.job_ids() if job.startswith("retry:")]
        status = "\n".join(build_status(services.store, datetime.now(UTC)).lines)
        return outcome, retries, status
    finally:
        await scheduler.stop()
        services.close()


@pytest.mark.parametrize(
    "error", ["invalid_auth", "not_authed", "token_revoked", "account_inactive"]
)
def test_a_refused_bot_token_gives_the_digest_up_at_once_naming_the_setting(
    tmp_path: Path, standin: SlackStandIn, error: str
) -> None:
    # Every retry would fail the same way until the token is fixed, which needs a restart.
    standin.fail("chat.postMessage", Failure(error=error))
    outcome, retries, status = asyncio.run(digest_through(tmp_path, standin.url))
    assert outcome == "given up" and retries == []
    assert "slack:C0AUTH donbass" in status and "given up after 1 attempt — " in status
    assert f"Slack refused the bot token ({error}) posting to C0AUTH: set SLACK_BOT_TOKEN" in (
        status
    )
    assert len(standin.api_calls("chat.postMessage")) == 1


@pytest.mark.parametrize(
    ("error", "what_to_do"),
    [
        ("not_in_channel", "the bot is not in this channel: invite it with /invite"),
        ("channel_not_found", "no such channel, or a private one the bot was not invited to"),
        ("is_archived", "the channel is archived: unarchive it"),
        ("restricted_action", "a workspace setting does not let the bot post here"),
        ("restricted_action_read_only_channel", "the channel is read-only"),
        ("restricted_action_thread_only_channel", "the channel takes only thread replies"),
        ("ekm_access_denied", "the workspace's admins have suspended posting"),
    ],
)
def test_a_channel_the_bot_may_not_post_in_gives_the_digest_up_at_once_saying_what_to_do(
    tmp_path: Path, standin: SlackStandIn, error: str, what_to_do: str
) -> None:
    # Only someone acting in Slack can change these: eight attempts over two hours would
    # each fail alike, and status named only the code.
    standin.fail("chat.postMessage", Failure(error=error))
    outcome, retries, status = asyncio.run(digest_through(tmp_path, standin.url))
    assert outcome == "given up" and retries == []
    assert (
        f"given up after 1 attempt — Slack did not take the message for C0AUTH: {error}; "
        f"{what_to_do}" in status
    ), status
    assert "or stop the digest here with `/brief unfollow <topic>`" in status
    assert len(standin.api_calls("chat.postMessage")) == 1


def test_a_missing_scope_gives_the_digest_up_at_once_naming_what_to_add(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    # Retried for two hours, it failed alike every time: only reinstalling the app with
    # the scope changes it.
    standin.fail("chat.postMessage", Failure(error="missing_scope"))
    outcome, retries, status = asyncio.run(digest_through(tmp_path, standin.url))
    assert outcome == "given up" and retries == []
    assert "Slack refused the post to C0AUTH (missing_scope): the app lacks a scope" in status
    assert "reinstall the app to the workspace" in status
    assert len(standin.api_calls("chat.postMessage")) == 1


@pytest.mark.parametrize("error", ["internal_error", "fatal_error", "ratelimited"])
def test_a_failure_a_later_attempt_may_not_meet_is_still_retried(
    tmp_path: Path, standin: SlackStandIn, error: str
) -> None:
    # Near miss: Slack's own trouble passes, so the usual backoff applies.
    standin.fail("chat.postMessage", Failure(error=error))
    outcome, retries, status = asyncio.run(digest_through(tmp_path, standin.url))
    assert outcome == "failed" and len(retries) == 1
    assert "failed after 1 attempt; next attempt in " in status
    assert "SLACK_BOT_TOKEN" not in status and "/invite" not in status


def test_a_digest_to_a_channel_without_the_bot_is_told_in_its_status_and_resumes_once_invited(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    """Two channels follow donbass and the bot is in only one: that one gets its digest, the
    other's `/brief status` says to invite the bot, and once it is invited the next day's
    digest is posted there."""

    async def scenario() -> tuple[list[str], str]:
        async with running_slack(tmp_path, standin) as slack:
            scheduler = scheduler_for(slack)
            await scheduler.start(paused=True)
            try:
                for channel in ("C0OUT", "C0IN"):
                    hook = standin.hook(f"follow-{channel}")
                    await slack.post(command_form("follow donbass", hook, channel=channel))
                    await standin.wait_for(lambda c=channel: standin.hook_calls(f"follow-{c}"))
                standin.fail("chat.postMessage", Failure(error="not_in_channel"))
                outcomes = [
                    await scheduler.run_digest("slack:C0OUT", "donbass", "2026-01-28"),
                    await scheduler.run_digest("slack:C0IN", "donbass", "2026-01-28"),
                ]
                assert not [j for j in scheduler.job_ids() if j.startswith("retry:")]
                await slack.post(command_form("status", standin.hook("status"), channel="C0OUT"))
                await standin.wait_for(lambda: standin.hook_calls("status"))
                # Someone invites the bot: the next day's digest goes out as usual.
                outcomes.append(await scheduler.run_digest("slack:C0OUT", "donbass", "2026-01-29"))
                return outcomes, json.dumps(standin.hook_calls("status")[0].body)
            finally:
                await scheduler.stop()

    outcomes, status = asyncio.run(scenario())
    assert outcomes == ["given up", "delivered", "delivered"]
    assert "slack:C0OUT donbass 2026-01-28: given up after 1 attempt" in status
    assert "not_in_channel; the bot is not in this channel: invite it with /invite" in status
    assert "C0IN" not in status  # the room's status names only its own digests
    assert {p.body["channel"] for p in standin.posted()} == {"C0IN", "C0OUT"}


def test_slack_unreachable_reads_as_such_in_status(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    outcome, retries, status = asyncio.run(
        digest_through(tmp_path, f"http://127.0.0.1:{port}/api/")
    )
    assert outcome == "failed" and len(retries) == 1
    assert (
        f"Slack did not take the message for C0AUTH: cannot reach Slack at 127.0.0.1:{port} "
        "(connection refused)" in status
    ), status
    assert "ClientConnectorError" not in status
