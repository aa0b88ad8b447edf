"""Start-up and serving: no Slack call to start, /healthz, tokens kept out of the logs,
mentions that are not summary requests."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import time
from pathlib import Path

import pytest

from bot.app import build_services
from bot.config import ConfigError
from bot.slack import SlackAdapter
from tests.conftest import closed_port, make_config
from tests.integration.slack.harness import BOT_TOKEN, CHANNEL, SECRET, running_slack
from tests.integration.slack.standin import SlackStandIn

pytestmark = pytest.mark.integration


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


def signed_headers(body: bytes, content_type: str) -> dict[str, str]:
    """Headers as Slack would sign ``body``, bytes and all (the harness signs text)."""
    timestamp = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256)
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": "v0=" + digest.hexdigest(),
    }


def test_requests_that_are_not_signed_get_401_whatever_their_headers_or_body(
    tmp_path: Path, standin: SlackStandIn, caplog: pytest.LogCaptureFixture
) -> None:
    good = signed_headers(b"{}", "application/json")
    unsigned: list[tuple[bytes, dict[str, str | bytes]]] = [
        # Bodies no parser could read, sent with no signature at all.
        (b"{not json", {"Content-Type": "application/json"}),
        (b"payload=%7Bnot+json", {"Content-Type": "application/x-www-form-urlencoded"}),
        (b"\xff\xfe not utf-8", {"Content-Type": "application/json"}),
        # Headers that are there but malformed.
        (b"{}", {**good, "X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=00"}),
        (b"{}", {**good, "X-Slack-Request-Timestamp": "1e9"}),
        (b"{}", {**good, "X-Slack-Request-Timestamp": ""}),
        (b"{}", {**good, "X-Slack-Signature": ("v0=" + "é" * 64).encode()}),
        (b"{}", {**good, "X-Slack-Signature": b"v0=\xff\xfe"}),
        (b"{}", {**good, "X-Slack-Signature": "v1=" + "0" * 64}),
        # A signature for another body.
        (b"{not json", good),
    ]

    async def scenario() -> None:
        async with running_slack(tmp_path, standin, seed=False) as slack:
            for body, headers in unsigned:
                response = await slack.http.post(slack.events_url, content=body, headers=headers)
                assert (response.status_code, body, headers) == (401, body, headers)
                assert response.json() == {"error": "invalid request"}

    caplog.set_level(logging.INFO)
    asyncio.run(scenario())
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert standin.calls == []


def test_a_signed_request_with_a_malformed_body_gets_400(
    tmp_path: Path, standin: SlackStandIn, caplog: pytest.LogCaptureFixture
) -> None:
    malformed = [
        (b"{not json", "application/json"),
        (b"[1, 2]", "application/json"),
        (b'"just a string"', "application/json"),
        (b"payload=%7Bnot+json", "application/x-www-form-urlencoded"),
        (b"payload=%5B%5D", "application/x-www-form-urlencoded"),
        ("text=Донбас".encode("cp1251"), "application/x-www-form-urlencoded"),
    ]

    async def scenario() -> None:
        async with running_slack(tmp_path, standin, seed=False) as slack:
            for body, content_type in malformed:
                response = await slack.http.post(
                    slack.events_url, content=body, headers=signed_headers(body, content_type)
                )
                assert (response.status_code, body) == (400, body)
                assert response.json()["error"].startswith("malformed request body")
            # The near miss: the same kind of request, well formed, is served.
            check = b'{"type": "url_verification", "challenge": "c-42"}'
            ok = await slack.http.post(
                slack.events_url, content=check, headers=signed_headers(check, "application/json")
            )
            assert (ok.status_code, ok.json()) == (200, {"challenge": "c-42"})

    caplog.set_level(logging.INFO)
    asyncio.run(scenario())
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert standin.calls == []


def test_slacks_unsigned_certificate_check_is_still_answered(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    # Slack checks a slash command's certificate with a form that carries no signature.
    async def scenario() -> None:
        async with running_slack(tmp_path, standin, seed=False) as slack:
            check = await slack.http.post(
                slack.events_url,
                content=b"ssl_check=1&token=legacy-verification-token",
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )
            assert (check.status_code, check.text) == (200, "")
            # A command riding along with it is answered the same way and never runs.
            smuggled = await slack.http.post(
                slack.events_url,
                content=b"ssl_check=1&command=%2Fbrief&text=donbass&response_url="
                + standin.hook("smuggled").encode(),
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )
            assert (smuggled.status_code, smuggled.text) == (200, "")
            # Any other value of ssl_check is no certificate check.
            other = await slack.http.post(
                slack.events_url,
                content=b"ssl_check=true&token=x",
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )
            assert other.status_code == 401

    asyncio.run(scenario())
    assert standin.calls == []


def test_bolt_gives_no_warning_about_an_unused_token_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # Bolt reads SLACK_BOT_TOKEN from the environment itself, as it is set when the bot runs.
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SECRET}
    services = build_services(make_config(tmp_path, env=env))

    async def build() -> None:
        SlackAdapter(services)

    try:
        with caplog.at_level(logging.DEBUG):
            asyncio.run(build())
    finally:
        services.close()
    assert "will be unused" not in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
