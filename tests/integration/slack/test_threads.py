"""Thread summaries: conversations.replies paged and rate limited by the stand-in, the
@mention and the message shortcut over signed HTTP, replies posted in the thread."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from bot.slack.app import build_web_client
from bot.slack.threads import ThreadUnreadable, read_thread
from tests.integration.slack.harness import (
    BOT_TOKEN,
    CHANNEL,
    message_shortcut,
    running_slack,
)
from tests.integration.slack.standin import Failure, SlackStandIn

pytestmark = pytest.mark.integration

ROOT_TS = "1769500000.000100"


def thread(n: int, bots: int = 0) -> list[dict[str, Any]]:
    """A discussion of ``n`` messages by people, then ``bots`` bot posts."""
    people = ["U0ALICE", "U0BOB", "U0CAROL"]
    lines = [
        "We should publish the Donbass brief today.",
        "I disagree, the ministry has not confirmed the withdrawal.",
        "Who can confirm the Abu Dhabi talks resume on Monday?",
        "Decision: we wait for the ministry statement.",
        "Action: Carol will call the press office tomorrow.",
    ]
    messages = [
        {
            "type": "message",
            "user": people[i % 3],
            "text": lines[i % len(lines)],
            "ts": f"1769500000.{100 + i:06d}",
        }
        for i in range(n)
    ]
    messages[0]["ts"] = ROOT_TS
    messages += [
        {
            "type": "message",
            "subtype": "bot_message",
            "bot_id": "B0OTHER",
            "text": "automated notice",
            "ts": f"1769500001.{i:06d}",
        }
        for i in range(bots)
    ]
    return messages


def users(standin: SlackStandIn) -> None:
    standin.users.update(
        {
            "U0ALICE": {"id": "U0ALICE", "name": "alice", "profile": {"display_name": "Alice"}},
            "U0BOB": {"id": "U0BOB", "name": "bob", "profile": {"real_name": "Bob B."}},
        }
    )


def replies_calls(standin: SlackStandIn) -> list[dict[str, Any]]:
    return [c.body for c in standin.api_calls("conversations.replies")]


# --- reading ----------------------------------------------------------------------------


def test_a_thread_is_read_in_pages_of_at_most_15_and_bots_left_out(
    standin: SlackStandIn,
) -> None:
    users(standin)
    root = standin.add_thread(CHANNEL, thread(32, bots=2))
    client = build_web_client(BOT_TOKEN, standin.url)
    read = asyncio.run(read_thread(client, CHANNEL, root))
    assert len(read.messages) == 32 and read.total == 32
    calls = replies_calls(standin)
    assert len(calls) == 3
    assert all(int(c["limit"]) <= 15 for c in calls)
    assert [c.get("cursor") for c in calls] == [None, "15", "30"]
    assert read.messages[0].user == "Alice" and read.messages[1].user == "Bob B."
    assert read.messages[2].user == "U0CAROL"  # unknown to users.info: the id, not a mention
    # One users.info per person, not per message.
    assert len(standin.api_calls("users.info")) == 3


def test_a_429_on_a_page_is_waited_out_with_retry_after(standin: SlackStandIn) -> None:
    root = standin.add_thread(CHANNEL, thread(20))
    standin.fail_at("conversations.replies", 2, Failure(retry_after=1))
    client = build_web_client(BOT_TOKEN, standin.url)
    read = asyncio.run(read_thread(client, CHANNEL, root))
    assert (len(read.messages), read.total) == (20, 20)
    assert [c.status for c in standin.api_calls("conversations.replies")] == [200, 429, 200]


def test_a_page_that_keeps_failing_leaves_n_of_m(standin: SlackStandIn) -> None:
    root = standin.add_thread(CHANNEL, thread(40))
    standin.fail_at("conversations.replies", 3, Failure(error="internal_error"))
    client = build_web_client(BOT_TOKEN, standin.url)
    read = asyncio.run(read_thread(client, CHANNEL, root))
    assert (len(read.messages), read.total) == (30, 40)


def test_the_cap_keeps_the_root_and_the_newest_messages_and_says_so(
    standin: SlackStandIn,
) -> None:
    # A summary of a long thread is asked for by someone who missed where it stands now.
    root = standin.add_thread(CHANNEL, thread(40))
    client = build_web_client(BOT_TOKEN, standin.url)
    read = asyncio.run(read_thread(client, CHANNEL, root, max_messages=20))
    assert (len(read.messages), read.total) == (20, 40)
    assert [m.ts for m in read.messages] == [ROOT_TS] + [
        f"1769500000.{100 + i:06d}" for i in range(21, 40)
    ]
    assert [int(c["limit"]) for c in replies_calls(standin)] == [15, 15, 15]


def test_the_request_cap_stops_reading_and_says_so(standin: SlackStandIn) -> None:
    root = standin.add_thread(CHANNEL, thread(40))
    client = build_web_client(BOT_TOKEN, standin.url)
    read = asyncio.run(read_thread(client, CHANNEL, root, max_messages=20, max_pages=2))
    assert (len(read.messages), read.total) == (20, 40)
    assert read.messages[-1].ts == f"1769500000.{100 + 29:06d}"  # the newest of those read
    assert len(replies_calls(standin)) == 2


def test_the_time_budget_stops_reading_and_says_so(standin: SlackStandIn) -> None:
    root = standin.add_thread(CHANNEL, thread(40))
    client = build_web_client(BOT_TOKEN, standin.url)
    ticks = iter(range(0, 1000, 50))  # each look at the clock is 50 s later
    read = asyncio.run(
        read_thread(client, CHANNEL, root, budget_seconds=60, clock=lambda: next(ticks))
    )
    assert (len(read.messages), read.total) == (30, 40)


class FakeTime:
    """A clock that moves only when the reader sleeps: minutes of Retry-After in no time."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_retry_after_waits_count_against_the_time_budget(standin: SlackStandIn) -> None:
    # Page 2 answers 429 with a minute's Retry-After three times: waiting all three out
    # would pass the two-minute budget, so the third wait is never started.
    root = standin.add_thread(CHANNEL, thread(41))
    for call in (2, 3, 4):
        standin.fail_at("conversations.replies", call, Failure(retry_after=60))
    time = FakeTime()
    client = build_web_client(BOT_TOKEN, standin.url, rate_limit_retries=0)
    read = asyncio.run(
        read_thread(client, CHANNEL, root, budget_seconds=120, clock=time.clock, sleep=time.sleep)
    )
    assert (len(read.messages), read.total) == (15, 41)
    assert time.slept == [60, 60] and time.now <= 120
    assert [c.status for c in standin.api_calls("conversations.replies")] == [200, 429, 429, 429]


def test_retry_after_waits_within_the_budget_still_read_everything(
    standin: SlackStandIn,
) -> None:
    root = standin.add_thread(CHANNEL, thread(41))
    for call in (2, 3):
        standin.fail_at("conversations.replies", call, Failure(retry_after=30))
    time = FakeTime()
    client = build_web_client(BOT_TOKEN, standin.url, rate_limit_retries=0)
    read = asyncio.run(
        read_thread(client, CHANNEL, root, budget_seconds=120, clock=time.clock, sleep=time.sleep)
    )
    assert (len(read.messages), read.total) == (41, 41)
    assert time.slept == [30, 30]


def test_a_first_page_limited_past_the_budget_is_one_sentence(standin: SlackStandIn) -> None:
    standin.fail("conversations.replies", Failure(retry_after=600))
    time = FakeTime()
    client = build_web_client(BOT_TOKEN, standin.url, rate_limit_retries=0)
    with pytest.raises(ThreadUnreadable, match="try again in a minute"):
        asyncio.run(read_thread(client, CHANNEL, ROOT_TS, clock=time.clock, sleep=time.sleep))
    assert time.slept == []


def test_a_thread_that_cannot_be_read_at_all_is_one_sentence(standin: SlackStandIn) -> None:
    standin.fail("conversations.replies", Failure(error="not_in_channel"))
    client = build_web_client(BOT_TOKEN, standin.url)
    with pytest.raises(ThreadUnreadable, match="invite me to the channel"):
        asyncio.run(read_thread(client, CHANNEL, ROOT_TS))


# --- summarizing ------------------------------------------------------------------------


def mention(text: str, ts: str, thread_ts: str | None = ROOT_TS) -> dict[str, Any]:
    event = {
        "type": "app_mention",
        "user": "U0ALICE",
        "text": text,
        "ts": ts,
        "channel": CHANNEL,
        "event_ts": ts,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def test_mention_with_summarize_in_a_thread_posts_the_summary_in_it_once(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    users(standin)
    root = standin.add_thread(CHANNEL, thread(20, bots=1))

    async def scenario() -> None:
        async with running_slack(tmp_path, standin, seed=False) as slack:
            event = mention("<@UBOT> summarize please", "1769500002.000001")
            first = await slack.event(event, "Ev001")
            assert first.status_code == 200
            await standin.wait_for(lambda: standin.posted(), what="the summary")
            # Slack retries an event it thinks was missed: same event id, retry headers.
            retry = await slack.event(
                event,
                "Ev001",
                headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
            )
            assert retry.status_code == 200
            # A second, distinct mention proves the app is still answering; the retry
            # must not have produced a summary of its own.
            await slack.event(mention("<@UBOT> summarise", "1769500002.000002"), "Ev002")
            await standin.wait_for(lambda: len(replies_calls(standin)) >= 4, what="second read")
            await standin.wait_for(lambda: len(standin.posted()) >= 2, what="second summary")

    asyncio.run(scenario())
    posts = standin.posted()
    assert len(posts) == 2  # one short summary for each distinct mention
    assert all(p.body["thread_ts"] == root for p in posts)
    assert all(p.body["channel"] == CHANNEL for p in posts)
    assert len(replies_calls(standin)) == 4  # two reads of two pages, none for the retry
    shown = json.dumps([p.body["blocks"] for p in posts], ensure_ascii=False)
    assert "20 of 20" in shown
    assert "automated notice" not in shown


def test_summary_of_a_capped_thread_says_n_of_m(tmp_path: Path, standin: SlackStandIn) -> None:
    root = standin.add_thread(CHANNEL, thread(40))

    async def scenario() -> None:
        async with running_slack(tmp_path, standin, seed=False) as slack:
            slack.adapter.listeners.max_thread_messages = 15
            await slack.event(mention("<@UBOT> summarize", "1769500002.000003"), "Ev003")
            await standin.wait_for(lambda: standin.posted(), what="the summary")

    asyncio.run(scenario())
    posts = standin.posted()
    assert posts[0].body["thread_ts"] == root
    assert "15 of 40" in json.dumps(posts[0].body, ensure_ascii=False)


def test_a_summary_never_waits_out_a_retry_after_longer_than_its_budget(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    # The bot's own wiring: a wait of five minutes is not started (the Web API client must
    # not take it behind the reader's back), and the summary says what it could read.
    root = standin.add_thread(CHANNEL, thread(41))
    standin.fail_at("conversations.replies", 2, Failure(retry_after=300))

    async def scenario() -> None:
        async with running_slack(tmp_path, standin, seed=False) as slack:
            await slack.event(mention("<@UBOT> summarize", "1769500002.000004"), "Ev004")
            await standin.wait_for(lambda: standin.posted(), what="the summary")

    asyncio.run(scenario())
    posts = standin.posted()
    assert posts[0].body["thread_ts"] == root
    assert "15 of 41" in json.dumps(posts[0].body, ensure_ascii=False)
    assert [c.status for c in standin.api_calls("conversations.replies")] == [200, 429]


def test_message_shortcut_summarizes_the_thread_of_the_message(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    root = standin.add_thread(CHANNEL, thread(6))

    async def scenario() -> None:
        async with running_slack(tmp_path, standin, seed=False) as slack:
            reply = {"user": "U0BOB", "text": "I disagree", "ts": "1769500000.000103"}
            response = await slack.post(
                message_shortcut({**reply, "thread_ts": root}, standin.hook("sc-1"))
            )
            assert response.status_code == 200 and response.text == ""
            await standin.wait_for(lambda: standin.posted(), what="the summary")
            # On a message outside any thread, the message itself is the root.
            standin.add_thread("C0OTHER", [{"user": "U0BOB", "text": "Donbass?", "ts": "5.1"}])
            await slack.post(
                message_shortcut(
                    {"user": "U0BOB", "text": "Donbass?", "ts": "5.1"},
                    standin.hook("sc-2"),
                    channel="C0OTHER",
                )
            )
            await standin.wait_for(lambda: len(standin.posted()) >= 2, what="second summary")

    asyncio.run(scenario())
    posts = standin.posted()
    assert posts[0].body["thread_ts"] == root and posts[0].body["channel"] == CHANNEL
    assert posts[-1].body["thread_ts"] == "5.1" and posts[-1].body["channel"] == "C0OTHER"
    assert not standin.hook_calls("sc-1")  # nothing to say privately when it worked


def test_shortcut_in_a_channel_the_bot_cannot_read_answers_privately(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    standin.fail("conversations.replies", Failure(error="not_in_channel"))

    async def scenario() -> None:
        async with running_slack(tmp_path, standin, seed=False) as slack:
            await slack.post(
                message_shortcut({"user": "U0BOB", "text": "x", "ts": "7.1"}, standin.hook("no"))
            )
            await standin.wait_for(lambda: standin.hook_calls("no"), what="the sentence")

    asyncio.run(scenario())
    said = standin.hook_calls("no")[0].body
    assert said["text"] == "I can't read this conversation; invite me to the channel first."
    assert said["response_type"] == "ephemeral"
    assert standin.posted() == []


def test_hostile_chat_text_is_summarized_without_pinging_anyone(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    users(standin)
    hostile = [
        {
            "user": "U0ALICE",
            "ts": ROOT_TS,
            "text": "<!channel> we decided to publish; see <https://evil.example/|the memo>",
        },
        {
            "user": "U0BOB",
            "ts": "1769500000.000101",
            "text": "I disagree with <@U0ALICE>, <!here> the ministry has not confirmed it.",
        },
        {
            "user": "U0BOB",
            "ts": "1769500000.000102",
            "text": "Who will ask @everyone at the desk &amp; the <!subteam^S1|@editors>?",
        },
        {
            "user": "U0ALICE",
            "ts": "1769500000.000103",
            "text": "Action: <@U0BOB> will call the ministry &lt;b&gt;today&lt;/b&gt;.",
        },
    ]
    standin.add_thread(CHANNEL, hostile)

    async def scenario() -> None:
        async with running_slack(tmp_path, standin, seed=False) as slack:
            await slack.event(mention("<@UBOT> summarize", "1769500002.000009"), "Ev009")
            await standin.wait_for(lambda: standin.posted(), what="the summary")

    asyncio.run(scenario())
    for post in standin.posted():
        raw = json.dumps(post.body, ensure_ascii=False)
        assert "<!" not in raw and "<@" not in raw and "<http" not in raw, raw
        for word in ("@channel", "@here", "@everyone"):
            assert word not in raw.lower()


def test_a_deleted_root_and_channel_notices_are_not_part_of_the_conversation(
    standin: SlackStandIn,
) -> None:
    messages = thread(4)
    # What Slack leaves of a deleted root that has replies, and notices in the thread.
    messages[0] = {
        "type": "message",
        "subtype": "tombstone",
        "user": "USLACKBOT",
        "hidden": True,
        "text": "This message was deleted.",
        "ts": ROOT_TS,
    }
    messages.insert(2, {"subtype": "channel_topic", "user": "U0BOB", "text": "set the topic"})
    messages[2]["ts"] = "1769500000.000150"
    root = standin.add_thread(CHANNEL, messages)
    client = build_web_client(BOT_TOKEN, standin.url)
    read = asyncio.run(read_thread(client, CHANNEL, root))
    assert [m.ts for m in read.messages] == [f"1769500000.{n:06d}" for n in (101, 102, 103)]
    assert read.total == 3


def test_messages_with_only_files_count_as_read_and_say_nothing(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    shared = [
        {
            "type": "message",
            "user": "U0ALICE" if n % 2 else "U0BOB",
            "text": "",
            "files": [{"id": f"F0{n}", "name": f"map-{n}.png", "title": "Front line map"}],
            "ts": f"1769500000.{100 + n:06d}",
        }
        for n in range(3)
    ]
    shared[0]["ts"] = ROOT_TS
    root = standin.add_thread(CHANNEL, shared)
    client = build_web_client(BOT_TOKEN, standin.url)
    read = asyncio.run(read_thread(client, CHANNEL, root))
    assert (len(read.messages), read.total) == (3, 3)
    assert all(m.text == "" for m in read.messages)

    async def scenario() -> None:
        async with running_slack(tmp_path, standin, seed=False) as slack:
            await slack.event(mention("<@UBOT> summarize", "1769500002.000010"), "Ev010")
            await standin.wait_for(lambda: standin.posted(), what="the summary")

    asyncio.run(scenario())
    shown = json.dumps(standin.posted()[0].body, ensure_ascii=False)
    assert "3 of 3 messages" in shown
    assert "Front line map" not in shown and "map-1.png" not in shown


def test_the_mention_that_asks_for_the_summary_is_not_summarized(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    asked = "<@UBOT> please summarize this thread for the editors who joined the desk late today"
    messages = thread(5)
    messages.append(
        {"type": "message", "user": "U0ALICE", "text": asked, "ts": "1769500002.000011"}
    )
    standin.add_thread(CHANNEL, messages)

    async def scenario() -> None:
        async with running_slack(tmp_path, standin, seed=False) as slack:
            await slack.event(mention(asked, "1769500002.000011"), "Ev011")
            await standin.wait_for(lambda: standin.posted(), what="the summary")

    asyncio.run(scenario())
    shown = json.dumps(standin.posted()[0].body, ensure_ascii=False)
    assert "5 of 5 messages" in shown
    assert "joined the desk late" not in shown
