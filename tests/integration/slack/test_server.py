"""Start-up and serving: no Slack call to start, /healthz, tokens kept out of the logs,
mentions that are not summary requests."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
from pathlib import Path

import pytest

from bot.app import build_services
from bot.config import ConfigError
from bot.slack import SlackAdapter
from tests.conftest import make_config
from tests.integration.slack.harness import BOT_TOKEN, CHANNEL, SECRET, running_slack
from tests.integration.slack.standin import SlackStandIn

pytestmark = pytest.mark.integration


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_starts_and_answers_health_with_slack_unreachable(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    dead = f"http://127.0.0.1:{closed_port()}/api/"

    async def scenario() -> None:
        async with running_slack(tmp_path, standin, env={"SLACK_API_URL": dead}) as slack:
            assert slack.adapter.mode == "http"
            assert slack.adapter.port and slack.adapter.port > 0
            health = await slack.http.get(f"http://127.0.0.1:{slack.adapter.port}/healthz")
            assert health.status_code == 200
            assert health.json() == {"ok": True, "mode": "http"}
            # The events path takes only POSTs.
            assert (await slack.http.get(slack.events_url)).status_code == 405

    asyncio.run(scenario())


def test_missing_tokens_fail_with_a_sentence_naming_the_variable(tmp_path: Path) -> None:
    for env, variable in (
        ({"SLACK_SIGNING_SECRET": SECRET}, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": BOT_TOKEN}, "SLACK_SIGNING_SECRET"),
    ):
        services = build_services(make_config(tmp_path, env=env))
        try:
            with pytest.raises(ConfigError, match=variable):
                SlackAdapter(services)
        finally:
            services.close()


def test_tokens_and_secret_never_reach_the_logs(
    tmp_path: Path, standin: SlackStandIn, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    standin.add_thread(CHANNEL, [{"user": "U0BOB", "text": "Donbass?", "ts": "9.1"}])

    async def scenario() -> None:
        async with running_slack(tmp_path, standin) as slack:
            await slack.command("donbass", "log-1")
            await slack.command("donbass", "log-2", secret="wrong")
            await slack.event(
                {
                    "type": "app_mention",
                    "user": "U0BOB",
                    "text": "<@UBOT> summarize",
                    "ts": "9.2",
                    "thread_ts": "9.1",
                    "channel": CHANNEL,
                    "event_ts": "9.2",
                },
                "EvLog",
            )
            await standin.wait_for(lambda: standin.hook_calls("log-1") and standin.posted())

    asyncio.run(scenario())
    assert any(r.name.startswith("slack_sdk") for r in caplog.records), "no DEBUG logs captured"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert BOT_TOKEN not in logged
    assert SECRET not in logged


def test_mentions_that_are_not_summary_requests_get_a_short_pointer(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    async def scenario() -> None:
        async with running_slack(tmp_path, standin, seed=False) as slack:
            await slack.event(
                {
                    "type": "app_mention",
                    "user": "U0BOB",
                    "text": "<@UBOT> hello",
                    "ts": "8.1",
                    "channel": CHANNEL,
                    "event_ts": "8.1",
                },
                "EvHello",
            )
            await standin.wait_for(lambda: standin.api_calls("chat.postEphemeral"))
            await slack.event(
                {
                    "type": "app_mention",
                    "user": "U0BOB",
                    "text": "<@UBOT> summarize",
                    "ts": "8.2",
                    "channel": CHANNEL,
                    "event_ts": "8.2",
                },
                "EvTop",
            )
            await standin.wait_for(lambda: standin.posted())

    asyncio.run(scenario())
    hint = standin.api_calls("chat.postEphemeral")[0].body
    assert hint["user"] == "U0BOB" and "/brief help" in hint["text"]
    outside = standin.posted()[0].body
    assert outside["thread_ts"] == "8.2"
    assert "inside a thread" in str(outside["blocks"])
    assert standin.api_calls("conversations.replies") == []


def test_the_request_url_check_is_answered_when_signed(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"
    body = json.dumps({"token": "x", "challenge": challenge, "type": "url_verification"})

    async def scenario() -> None:
        async with running_slack(tmp_path, standin, seed=False) as slack:
            ok = await slack.post(body, "application/json")
            assert ok.status_code == 200
            assert ok.json() == {"challenge": challenge}
            forged = await slack.post(body, "application/json", secret="wrong")
            assert forged.status_code == 401

    asyncio.run(scenario())
