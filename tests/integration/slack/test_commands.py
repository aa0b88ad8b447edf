"""/brief over real signed HTTP: ack at once, the brief through response_url, sharing."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import threading
from pathlib import Path

import pytest

from bot.file_ingest import ingest_paths
from briefings.ingest import report_id
from briefings.model import Report
from briefings.render import SLACK_MAX_MESSAGES
from tests.integration.long_story import write_long_story
from tests.integration.slack.harness import (
    BOT_TOKEN,
    CHANNEL,
    SlackHarness,
    running_slack,
    share_click,
)
from tests.integration.slack.standin import Failure, SlackStandIn

pytestmark = pytest.mark.integration


def _blocks_text(body: dict) -> str:
    return json.dumps(body.get("blocks", []), ensure_ascii=False)


async def _brief_then_share(
    slack: SlackHarness, standin: SlackStandIn, command: str, name: str
) -> None:
    """``/brief command`` answered through the hook ``name``; once the whole ephemeral brief
    with its share button is there, click the button and wait for the click's ack."""
    await slack.command(command, name)
    await standin.wait_for(
        lambda: any("share_brief" in _blocks_text(c.body) for c in standin.hook_calls(name)),
        what="the whole brief with its share button",
    )
    button = standin.hook_calls(name)[-1].body["blocks"][-1]["elements"][0]
    await slack.post(share_click(button["value"], standin.hook(f"{name}-share")))
    await standin.wait_for(lambda: standin.hook_calls(f"{name}-share"), what="the share ack")


def test_brief_is_acked_empty_then_answered_ephemeral_with_share_button(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    async def scenario() -> None:
        async with running_slack(tmp_path, standin) as slack:
            response = await slack.command("donbass", "brief-1")
            assert response.status_code == 200
            assert response.text == ""
            await standin.wait_for(lambda: standin.hook_calls("brief-1"), what="the brief")
            first = standin.hook_calls("brief-1")[0].body
            assert first["response_type"] == "ephemeral"
            assert "Brief: donbass" in _blocks_text(first)
            await standin.wait_for(
                lambda: "share_brief" in _blocks_text(standin.hook_calls("brief-1")[-1].body),
                what="the share button",
            )
            assert not standin.api_calls("auth.test")  # start-up and commands need no lookup

    asyncio.run(scenario())


def test_share_click_posts_the_brief_in_the_channel_without_previews(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    async def scenario() -> None:
        async with running_slack(tmp_path, standin) as slack:
            await slack.command("donbass since:30d", "brief-2")
            await standin.wait_for(
                lambda: (
                    "share_brief" in _blocks_text(standin.hook_calls("brief-2")[-1].body)
                    if standin.hook_calls("brief-2")
                    else False
                ),
                what="the share button",
            )
            button = standin.hook_calls("brief-2")[-1].body["blocks"][-1]["elements"][0]
            assert len(button["value"]) <= 2000

            response = await slack.post(share_click(button["value"], standin.hook("share-2")))
            assert response.status_code == 200
            await standin.wait_for(lambda: standin.hook_calls("share-2"), what="the share ack")
            posts = standin.posted()
            assert posts, "the brief was not posted in the channel"
            assert all(p.body["channel"] == CHANNEL for p in posts)
            assert all(p.body["unfurl_links"] is False for p in posts)
            assert all(p.body["unfurl_media"] is False for p in posts)
            assert "Brief: donbass" in _blocks_text(posts[0].body)
            assert "thread_ts" not in posts[0].body
            assert all(p.body["thread_ts"] == "1700000000.000001" for p in posts[1:])
            assert posts[0].headers["Authorization"] == "Bearer " + BOT_TOKEN
            ack = standin.hook_calls("share-2")[0].body
            assert ack["text"] == "Shared in the channel."
            assert ack["replace_original"] is True

    asyncio.run(scenario())


def test_a_forged_share_value_posts_nothing_and_says_so(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    async def scenario() -> None:
        async with running_slack(tmp_path, standin) as slack:
            for n, value in enumerate(
                [
                    '{"topic": "<!channel>"}',
                    "not json",
                    '{"topic": "donbass", "since": "yesterday"}',
                ]
            ):
                response = await slack.post(share_click(value, standin.hook(f"forged-{n}")))
                assert response.status_code == 200
                await standin.wait_for(lambda n=n: standin.hook_calls(f"forged-{n}"))
                said = standin.hook_calls(f"forged-{n}")[0].body["text"]
                assert said == "That button no longer works; run the /brief command again."
            assert not standin.api_calls("chat.postMessage")

    asyncio.run(scenario())


def test_bad_signature_and_stale_timestamp_get_401_and_do_nothing(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    async def scenario() -> None:
        async with running_slack(tmp_path, standin) as slack:
            wrong = await slack.command("donbass", "sig-1", secret="not-the-secret")
            # Slack's window is five minutes either way. The header is whole seconds and
            # the app reads the clock later, so a timestamp one second past the edge can
            # land inside it: each bad one is half a minute out.
            stale = await slack.command("donbass", "sig-2", age=330)
            future = await slack.command("donbass", "sig-3", age=-330)
            unsigned = await slack.http.post(
                slack.events_url,
                content=b"command=%2Fbrief&text=donbass",
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )
            assert [r.status_code for r in (wrong, stale, future, unsigned)] == [401] * 4
            # A correctly signed request inside the window is served, proving the
            # 401s above came from the signature check and not from a broken app.
            fresh = await slack.command("donbass", "sig-4", age=270)
            assert fresh.status_code == 200
            await standin.wait_for(lambda: standin.hook_calls("sig-4"))
            assert not any(standin.hook_calls(f"sig-{n}") for n in (1, 2, 3))

    asyncio.run(scenario())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("frobnicate the widgets", "There is no topic 'frobnicate'"),
        ("donbass the widgets", "not understood"),
        ("nosuchtopic", "There is no topic"),
        ("follow nosuchtopic", "There is no topic"),
        ("donbass since:yesterday", "is not a time"),
        ("follow donbass at 25:99", "not a time of day"),
        ("", "what I can do"),
    ],
)
def test_unknown_or_malformed_commands_get_one_sentence_and_help(
    tmp_path: Path, standin: SlackStandIn, text: str, expected: str
) -> None:
    async def scenario() -> None:
        async with running_slack(tmp_path, standin, seed=False) as slack:
            response = await slack.command(text, "help-1")
            assert response.status_code == 200
            await standin.wait_for(lambda: standin.hook_calls("help-1"))
            body = standin.hook_calls("help-1")[0].body
            shown = _blocks_text(body)
            assert expected in shown
            assert "stop the daily digest of the topic here" in shown, "the commands are shown"
            assert "Traceback" not in shown and "Error" not in body["text"]
            assert body["response_type"] == "ephemeral"

    asyncio.run(scenario())


def test_follow_status_topics_unfollow_round_trip(tmp_path: Path, standin: SlackStandIn) -> None:
    followed: list[tuple[str, bool]] = []

    async def scenario() -> None:
        async with running_slack(tmp_path, standin) as slack:
            slack.services.handler.on_follow = lambda f, added: followed.append((f.topic, added))
            for n, text in enumerate(
                [
                    "follow donbass at 08:00 Europe/Kyiv",
                    "status",
                    "topics",
                    "unfollow donbass",
                    "help",
                ]
            ):
                await slack.command(text, f"rt-{n}")
                await standin.wait_for(lambda n=n: standin.hook_calls(f"rt-{n}"))
                if n == 0:
                    follows = slack.services.store.follows(f"slack:{CHANNEL}")
                    assert [(f.topic, f.at, f.timezone) for f in follows] == [
                        ("donbass", "08:00", "Europe/Kyiv")
                    ]
            said = [_blocks_text(standin.hook_calls(f"rt-{n}")[0].body) for n in range(5)]
            assert "Following donbass here" in said[0]
            assert "ukraine-peace-talks" in said[2]
            assert "only with one of: Ukraine, Ukrainian" in said[2]
            assert "Stopped the daily digest of donbass" in said[3]
            assert "follow" in said[4]
            assert slack.services.store.follows(f"slack:{CHANNEL}") == []
            assert followed == [("donbass", True), ("donbass", False)]
            # Only briefs carry the share button.
            assert not any("share_brief" in s for s in said)

    asyncio.run(scenario())


def test_hostile_report_text_cannot_mention_or_forge_links(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    hostile = Report(
        id=report_id(HOSTILE_TEXT),
        title="Donbass <!channel> talks <https://evil.example/|official statement>",
        text=HOSTILE_TEXT,
        outlet="<@U0BOSS> Wire & <!here>",
        url="javascript:alert(1)",
        published="2026-01-28",
    )

    async def scenario() -> None:
        async with running_slack(tmp_path, standin, seed=False) as slack:
            outcome = slack.services.pipeline.ingest(hostile, "hostile")
            assert outcome.status == "added" and "donbass" in outcome.topics
            await _brief_then_share(slack, standin, "donbass", "hostile-1")
            shown = [c.body for c in standin.hook_calls("hostile-1") + standin.posted()]
            assert shown
            for body in shown:
                for text in _texts(body):
                    assert "<!" not in text and "<@" not in text, text
                    assert "<https://evil" not in text and "javascript:" not in text, text
                    assert "@here" not in text.lower() and "@channel" not in text.lower()
            everything = " ".join(t for b in shown for t in _texts(b))
            # The hostile words are shown, escaped, so the checks above could have failed.
            assert "&lt;!channel&gt;" in everything
            assert "&lt;@U0BOSS&gt;" in everything

    asyncio.run(scenario())


def _texts(body: dict) -> list[str]:
    """Every string Slack would interpret as mrkdwn or show as text in a message."""
    found: list[str] = [body.get("text", "")]

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(body.get("blocks", []))
    return found


HOSTILE_TEXT = (
    "Donbass officials said that <!channel> the ceasefire line will hold, "
    "according to <https://evil.example/|the ministry>. "
    "A spokesman for <@U0BOSS> denied that @here any troops would withdraw from Donbass. "
    "Analysts said the <!subteam^S123|@desk> talks on Donbass may resume next week & <b>bold</b>."
)


@pytest.mark.parametrize(
    ("error", "sentence"),
    [
        (
            "not_in_channel",
            "I can't post in this channel; invite me to it (/invite) and try again.",
        ),
        (
            "internal_error",
            "Slack did not take the message just now; please try again in a minute.",
        ),
        # Neither an invitation nor a minute's wait can help with these.
        ("is_archived", "This channel is archived, so nothing can be posted in it."),
        (
            "restricted_action",
            "This workspace does not let me post in this channel; ask a workspace admin.",
        ),
        (
            "restricted_action_read_only_channel",
            "This workspace does not let me post in this channel; ask a workspace admin.",
        ),
        (
            "ekm_access_denied",
            "This workspace does not let me post in this channel; ask a workspace admin.",
        ),
        (
            "msg_too_long",
            "Slack refused the message as too long, so it was not posted; the error was logged.",
        ),
    ],
)
def test_a_share_slack_refuses_is_one_sentence(
    tmp_path: Path,
    standin: SlackStandIn,
    caplog: pytest.LogCaptureFixture,
    error: str,
    sentence: str,
) -> None:
    standin.fail("chat.postMessage", Failure(error=error))

    async def scenario() -> None:
        async with running_slack(tmp_path, standin) as slack:
            value = '{"topic":"donbass","since":null}'
            await slack.post(share_click(value, standin.hook("refused")))
            await standin.wait_for(lambda: standin.hook_calls("refused"))

    asyncio.run(scenario())
    assert [c.body["text"] for c in standin.hook_calls("refused")] == [sentence]
    assert standin.posted() == []
    logged = [r for r in caplog.records if r.name == "bot.slack.listeners" and error in r.message]
    assert logged, "the refusal is logged with Slack's error"
    if error == "msg_too_long":  # parts are split to fit, so this is a bug to look into
        assert any(r.levelname == "ERROR" for r in logged)


def test_sharing_the_brief_of_one_huge_report_posts_a_bounded_number_of_messages(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    # A transcript of 3,000 sourced lines: some 75 Slack messages without a cap.
    text = "\n\n".join(
        f"Officials in Donetsk said convoy {i} had crossed the Donbass line near checkpoint "
        f"{i} before dawn, and that {i} trucks were turned back."
        for i in range(3000)
    )
    huge = Report(id=report_id(text), title="Donbass transcript", text=text)

    async def scenario() -> None:
        async with running_slack(tmp_path, standin, seed=False) as slack:
            outcome = slack.services.pipeline.ingest(huge, "transcript")
            assert outcome.status == "added" and "donbass" in outcome.topics
            await _brief_then_share(slack, standin, "donbass", "huge-1")
            assert len(standin.hook_calls("huge-1")) <= 5  # response_url's budget
            posts = standin.posted()
            assert len(posts) == SLACK_MAX_MESSAGES
            note = _blocks_text(posts[-1].body)
            assert "left out, so as not to flood the room" in note
            # The ephemeral answer told the same size and what the share would post.
            size = re.search(r"This brief runs to (\d+) messages", note)
            assert size is not None and int(size.group(1)) > SLACK_MAX_MESSAGES
            said = standin.hook_calls("huge-1")[-1].body["text"]
            assert f"This brief runs to {size.group(1)} messages" in said
            assert f"posts the first {SLACK_MAX_MESSAGES - 1} and says what it left out" in said
            assert "Officials in Donetsk" in _blocks_text(posts[0].body)

    asyncio.run(scenario())


def test_a_shared_brief_of_many_reports_names_every_report_its_quotes_cite(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    """24 reports, each quoted: the brief shared in the channel names [1] to [24] in its list
    of reports, each with its link whole, however many blocks and messages that takes."""

    async def scenario() -> None:
        async with running_slack(tmp_path, standin, seed=False) as slack:
            ingest_paths(slack.services.pipeline, [write_long_story(tmp_path / "story")], 10**7)
            await _brief_then_share(slack, standin, "donbass", "many")

    asyncio.run(scenario())
    blocks = [b for post in standin.posted() for b in post.body["blocks"]]
    quotes = " ".join(b["text"]["text"] for b in blocks if b["type"] == "section")
    cited = {int(n) for n in re.findall(r"\[(\d+)[\],]", quotes)}
    lists = [e["text"] for b in blocks if b["type"] == "context" for e in b["elements"]]
    named = {int(n) for text in lists for n in re.findall(r"^\[(\d+)\] ", text, re.M)}
    assert max(cited) == 24
    assert cited <= named, f"cited, never named: {sorted(cited - named)}"
    assert all(text.count("<") == text.count(">") for text in lists)


def _break_the_store(path: Path) -> None:
    """A store the brief cannot be read from, behind the handler's back (as a damaged or
    half-migrated database would be): the handler answers with its error notice."""
    with sqlite3.connect(path) as db:
        db.execute("ALTER TABLE report_topics RENAME TO report_topics_gone")


@pytest.mark.parametrize(
    ("value", "broken", "said"),
    [
        ('{"topic":"nosuch","since":null}', False, "There is no topic 'nosuch'"),
        ('{"topic":"donbass","since":null}', True, "failed on our side; the error was logged"),
    ],
)
def test_a_share_the_handler_answers_with_a_notice_is_told_privately_and_posts_nothing(
    tmp_path: Path, standin: SlackStandIn, value: str, broken: bool, said: str
) -> None:
    async def scenario() -> None:
        async with running_slack(tmp_path, standin) as slack:
            if broken:
                _break_the_store(tmp_path / "briefbot.db")
            await slack.post(share_click(value, standin.hook("notice")))
            await standin.wait_for(lambda: standin.hook_calls("notice"), what="the answer")

    asyncio.run(scenario())
    answers = [c.body for c in standin.hook_calls("notice")]
    assert said in " ".join(_blocks_text(a) + a["text"] for a in answers)
    assert all(a["response_type"] == "ephemeral" for a in answers)
    assert not any(a["text"] == "Shared in the channel." for a in answers)
    assert standin.api_calls("chat.postMessage") == []


def test_a_double_click_on_share_posts_the_brief_once(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    # Slack holds the first click's post until the second click is in: the second must be
    # answered privately and post nothing, whatever response_url it carries.
    held = threading.Event()
    standin.hold["/api/chat.postMessage"] = held
    value = '{"topic":"donbass","since":null}'

    async def scenario() -> None:
        async with running_slack(tmp_path, standin) as slack:
            await slack.post(share_click(value, standin.hook("click-1")))
            await standin.wait_for(
                lambda: standin.api_calls("chat.postMessage"), what="the first post"
            )
            await slack.post(share_click(value, standin.hook("click-2")))
            await standin.wait_for(
                lambda: (
                    standin.hook_calls("click-2") or len(standin.api_calls("chat.postMessage")) > 1
                ),
                what="the second click's answer",
            )
            held.set()
            await standin.wait_for(lambda: standin.hook_calls("click-1"), what="the share ack")

    asyncio.run(scenario())
    roots = [p for p in standin.posted() if "thread_ts" not in p.body]
    assert len(roots) == 1
    assert [c.body["text"] for c in standin.hook_calls("click-1")] == ["Shared in the channel."]
    [second] = standin.hook_calls("click-2")
    assert second.body["text"] == "Already sharing this brief in the channel; one click is enough."
    assert second.body["response_type"] == "ephemeral"


def test_a_share_slack_refused_can_be_clicked_again(tmp_path: Path, standin: SlackStandIn) -> None:
    standin.fail("chat.postMessage", Failure(error="not_in_channel"))
    value = '{"topic":"donbass","since":null}'

    async def scenario() -> None:
        async with running_slack(tmp_path, standin) as slack:
            await slack.post(share_click(value, standin.hook("try-1")))
            await standin.wait_for(lambda: standin.hook_calls("try-1"), what="the refusal")
            # The user invites the bot and clicks the same button again.
            await slack.post(share_click(value, standin.hook("try-2")))
            await standin.wait_for(lambda: standin.hook_calls("try-2"), what="the share ack")

    asyncio.run(scenario())
    assert [c.body["text"] for c in standin.hook_calls("try-2")] == ["Shared in the channel."]
    assert [p for p in standin.posted() if "thread_ts" not in p.body]
