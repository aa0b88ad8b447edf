"""Socket Mode: the app opens the WebSocket that apps.connections.open names, acks a slash
command envelope over it, and answers through response_url, as in HTTP mode. A token Slack
refuses stops the start naming its variable; a Slack out of reach is tried again, one line
an attempt. Once connected, slack_sdk reconnects on its own: an app token Slack then refuses
stops the bot as at start, a Slack out of reach is one line a try saying what to check, and
each try after a WebSocket that could not be opened asks for a new URL (they are short-lived)."""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import time
from pathlib import Path
from typing import Any

import pytest
from aiohttp import WSMsgType, web

from bot.app import build_services
from bot.backoff import Backoff
from bot.config import ConfigError
from bot.delivery import DeliveryRouter
from bot.file_ingest import ingest_paths
from bot.runtime import serve
from bot.slack import SlackAdapter, server
from tests.conftest import SEED_DIR, closed_port, make_config
from tests.integration.slack.harness import BOT_TOKEN, CHANNEL, USER
from tests.integration.slack.standin import Failure, SlackStandIn

pytestmark = pytest.mark.integration

QUICK = Backoff(first=0.05, ceiling=0.2)
WAIT_S = 30.0  # a bound on waiting for the bot, never a speed requirement


def socket_adapter(tmp_path: Path, api_url: str, backoff: Backoff = QUICK) -> SlackAdapter:
    config = make_config(
        tmp_path,
        env={
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_APP_TOKEN": "xapp-test-app-token",
            "SLACK_API_URL": api_url,
        },
    )
    return SlackAdapter(build_services(config), DeliveryRouter(), backoff=backoff)


class SocketEndpoint:
    """A WebSocket on 127.0.0.1 that says hello, sends envelopes, and keeps the acks."""

    def __init__(self) -> None:
        self.acks: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.connected = asyncio.Event()
        self.socket: web.WebSocketResponse | None = None
        self.runner: web.AppRunner | None = None
        self.port = 0

    async def start(self) -> None:
        app = web.Application()
        app.add_routes([web.get("/link", self._link)])
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = self.runner.addresses[0][1]

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()

    async def send(self, envelope: dict[str, Any]) -> None:
        assert self.socket is not None
        await self.socket.send_str(json.dumps(envelope))

    async def _link(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self.socket = socket
        await socket.send_str(json.dumps({"type": "hello", "num_connections": 1}))
        self.connected.set()
        async for message in socket:
            if message.type == WSMsgType.TEXT:
                await self.acks.put(json.loads(message.data))
        return socket


def test_socket_mode_acks_a_command_and_answers_through_response_url(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    async def scenario() -> dict[str, Any]:
        endpoint = SocketEndpoint()
        await endpoint.start()
        standin.socket_url = f"ws://127.0.0.1:{endpoint.port}/link"
        config = make_config(
            tmp_path,
            env={
                "SLACK_BOT_TOKEN": BOT_TOKEN,
                "SLACK_APP_TOKEN": "xapp-test-app-token",
                "SLACK_API_URL": standin.url,
            },
        )
        services = build_services(config)
        ingest_paths(services.pipeline, [SEED_DIR], config.ingest_max_bytes)
        adapter = SlackAdapter(services, DeliveryRouter())
        assert adapter.mode == "socket" and adapter.port is None
        await adapter.start()
        try:
            await asyncio.wait_for(endpoint.connected.wait(), 10)
            await endpoint.send(
                {
                    "envelope_id": "env-1",
                    "type": "slash_commands",
                    "accepts_response_payload": True,
                    "payload": {
                        "team_id": "T0001",
                        "channel_id": CHANNEL,
                        "user_id": USER,
                        "command": "/brief",
                        "text": "donbass",
                        "api_app_id": "A0BRIEF",
                        "response_url": standin.hook("socket-1"),
                        "trigger_id": "1.2.3",
                    },
                }
            )
            ack = await asyncio.wait_for(endpoint.acks.get(), 10)
            await standin.wait_for(lambda: standin.hook_calls("socket-1"), what="the brief")
            return ack
        finally:
            await adapter.stop()
            await endpoint.stop()
            services.close()

    ack = asyncio.run(scenario())
    assert ack["envelope_id"] == "env-1"
    opened = standin.api_calls("apps.connections.open")
    assert opened and opened[0].headers["Authorization"] == "Bearer xapp-test-app-token"
    brief = standin.hook_calls("socket-1")[0].body
    assert brief["response_type"] == "ephemeral"
    assert "Brief: donbass" in json.dumps(brief["blocks"])


@pytest.mark.parametrize(
    ("api", "variable"),
    [("auth.test", "SLACK_BOT_TOKEN"), ("apps.connections.open", "SLACK_APP_TOKEN")],
)
@pytest.mark.parametrize("error", ["invalid_auth", "token_revoked", "not_authed"])
def test_a_token_slack_refuses_stops_the_start_naming_its_variable(
    tmp_path: Path, standin: SlackStandIn, api: str, variable: str, error: str
) -> None:
    standin.fail(api, Failure(error=error))
    adapter = socket_adapter(tmp_path, standin.url)

    async def scenario() -> None:
        try:
            await asyncio.wait_for(adapter.start(), 10)
        finally:
            await adapter.stop()
            adapter.services.close()

    with pytest.raises(ConfigError) as caught:
        asyncio.run(scenario())
    message = str(caught.value)
    assert message.startswith(f"{variable} was refused by Slack ({error})")
    assert "\n" not in message
    assert [c.api for c in standin.calls] == ["auth.test", "apps.connections.open"][
        : 1 + (api == "apps.connections.open")
    ]


def test_a_slack_out_of_reach_is_tried_again_one_line_an_attempt_and_closed_on_stop(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    dead = f"http://127.0.0.1:{closed_port()}/api/"
    adapter = socket_adapter(tmp_path, dead)

    def attempts() -> list[logging.LogRecord]:
        return [r for r in caplog.records if "cannot reach Slack" in r.getMessage()]

    async def scenario() -> None:
        starting = asyncio.create_task(adapter.start())
        try:
            for _ in range(500):
                if len(attempts()) >= 4 or starting.done():
                    break
                await asyncio.sleep(0.02)
            assert not starting.done(), "the start must keep trying, not give up"
        finally:
            starting.cancel()
            await asyncio.gather(starting, return_exceptions=True)
            await adapter.stop()
            adapter.services.close()

    with caplog.at_level(logging.DEBUG):
        asyncio.run(scenario())
        gc.collect()
    tried = attempts()
    assert len(tried) >= 4
    for number, record in enumerate(tried, 1):
        message = record.getMessage()
        assert dead in message and "SLACK_API_URL" in message
        assert f"attempt {number}," in message
        assert record.exc_info is None
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    assert "Unclosed" not in caplog.text
    # Each attempt is one request: no hidden retries inside an attempt.
    assert "retry handler" not in caplog.text


def test_a_slack_that_comes_back_is_connected(tmp_path: Path, standin: SlackStandIn) -> None:
    standin.fail("auth.test", Failure(status=503))
    standin.fail("apps.connections.open", Failure(error="internal_error"))

    async def scenario() -> None:
        endpoint = SocketEndpoint()
        await endpoint.start()
        standin.socket_url = f"ws://127.0.0.1:{endpoint.port}/link"
        adapter = socket_adapter(tmp_path, standin.url)
        try:
            await asyncio.wait_for(adapter.start(), 10)
            await asyncio.wait_for(endpoint.connected.wait(), 10)
        finally:
            await adapter.stop()
            await endpoint.stop()
            adapter.services.close()

    asyncio.run(scenario())
    assert [c.api for c in standin.calls] == [
        "auth.test",
        "auth.test",
        "apps.connections.open",
        "apps.connections.open",
    ]
    assert standin.calls[1].headers["Authorization"] == f"Bearer {BOT_TOKEN}"
    assert standin.calls[3].headers["Authorization"] == "Bearer xapp-test-app-token"


def socket_mode_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """What slack_sdk's Socket Mode client logged at WARNING or above."""
    return [
        r
        for r in caplog.records
        if r.name == "bot.slack.server.socket_mode" and r.levelno >= logging.WARNING
    ]


def test_an_app_token_slack_refuses_on_reconnecting_stops_the_bot_naming_it(
    tmp_path: Path, standin: SlackStandIn, caplog: pytest.LogCaptureFixture
) -> None:
    """slack_sdk asked for a new connection every ping interval for ever, in lines that
    named no setting; no retry can mend a revoked token, so the bot stops as at start."""
    config = make_config(
        tmp_path,
        env={
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_APP_TOKEN": "xapp-test-app-token",
            "SLACK_API_URL": standin.url,
        },
    )

    async def scenario() -> None:
        endpoint = SocketEndpoint()
        await endpoint.start()
        standin.socket_url = f"ws://127.0.0.1:{endpoint.port}/link"
        running = asyncio.create_task(serve(config, asyncio.Event()))
        try:
            await asyncio.wait_for(endpoint.connected.wait(), WAIT_S)
            standin.fail("apps.connections.open", Failure(error="token_revoked"))
            assert endpoint.socket is not None
            await endpoint.socket.close()  # Slack ends connections now and then
            await asyncio.wait_for(running, WAIT_S)
        finally:
            running.cancel()
            await asyncio.gather(running, return_exceptions=True)
            await endpoint.stop()

    with caplog.at_level(logging.INFO), pytest.raises(ConfigError) as caught:
        asyncio.run(scenario())
    assert str(caught.value).startswith(
        "SLACK_APP_TOKEN was refused by Slack (token_revoked): set an app-level token"
    )
    assert "slack adapter started" in caplog.text
    assert len(standin.api_calls("apps.connections.open")) == 2, "asked once more, not for ever"
    lines = socket_mode_lines(caplog)
    assert lines, caplog.text
    for record in lines:
        message = record.getMessage()
        assert "SLACK_APP_TOKEN was refused by Slack (token_revoked)" in message
        assert "\n" not in message and record.exc_info is None


@pytest.mark.parametrize("lost", ["websocket", "web api"])
def test_a_slack_out_of_reach_after_connecting_is_one_line_a_try_saying_what_to_check(
    tmp_path: Path, standin: SlackStandIn, caplog: pytest.LogCaptureFixture, lost: str
) -> None:
    """The WebSocket's host, or Slack's Web API that hands out new connections, can no
    longer be reached: slack_sdk keeps trying, and each of its lines names what to check."""
    adapter = socket_adapter(tmp_path, standin.url)

    async def scenario() -> None:
        endpoint = SocketEndpoint()
        await endpoint.start()
        standin.socket_url = f"ws://127.0.0.1:{endpoint.port}/link"
        try:
            await asyncio.wait_for(adapter.start(), WAIT_S)
            await asyncio.wait_for(endpoint.connected.wait(), WAIT_S)
            if lost == "web api":
                standin.stop()
                assert endpoint.socket is not None
                await endpoint.socket.close()
            else:
                await endpoint.stop()  # closes the connection; nothing listens there any more
            for _ in range(1000):
                if socket_mode_lines(caplog):
                    break
                await asyncio.sleep(0.01)
        finally:
            await adapter.stop()
            await endpoint.stop()
            adapter.services.close()

    with caplog.at_level(logging.INFO):
        asyncio.run(scenario())
        gc.collect()
    lines = socket_mode_lines(caplog)
    assert lines, caplog.text
    check = (
        "check the network (firewall, proxy) from here to Slack; SLACK_APP_TOKEN was accepted"
        if lost == "websocket"
        else f"cannot reach Slack at {standin.url} (SLACK_API_URL) for a new Socket Mode "
        "connection (Cannot connect to host"
    )
    for record in lines:
        message = record.getMessage()
        assert check in message, message
        assert "check the network (firewall, proxy) from here to Slack" in message
        assert "\n" not in message and record.exc_info is None
    assert "Unclosed" not in caplog.text


def test_a_websocket_lost_longer_than_its_url_lives_reconnects_at_a_new_url(
    tmp_path: Path,
    standin: SlackStandIn,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A WebSocket URL is a short-lived ticket: once the first host is gone, each try asks
    apps.connections.open again, so the URL Slack hands out when it is back is the one
    opened. slack_sdk tried the first URL every ping interval for ever."""
    ping_interval = 0.5
    monkeypatch.setattr(server, "PING_INTERVAL_S", ping_interval)
    adapter = socket_adapter(tmp_path, standin.url)
    down_s = 0.0

    async def scenario() -> None:
        nonlocal down_s
        first, second = SocketEndpoint(), SocketEndpoint()
        await first.start()
        standin.socket_url = f"ws://127.0.0.1:{first.port}/link"
        try:
            await asyncio.wait_for(adapter.start(), WAIT_S)
            await asyncio.wait_for(first.connected.wait(), WAIT_S)
            went_down = time.monotonic()
            await first.stop()  # nothing listens at the first URL any more
            for _ in range(1000):
                if socket_mode_lines(caplog):
                    break
                await asyncio.sleep(0.01)
            await second.start()
            # Slack is back, handing out new URLs
            standin.socket_url = f"ws://127.0.0.1:{second.port}/link"
            await asyncio.wait_for(second.connected.wait(), WAIT_S)
            down_s = time.monotonic() - went_down
        finally:
            await adapter.stop()
            await first.stop()
            await second.stop()
            adapter.services.close()

    with caplog.at_level(logging.INFO):
        asyncio.run(scenario())
        gc.collect()
    asked = len(standin.api_calls("apps.connections.open"))
    assert asked >= 3, "asked again after the first URL failed"
    # One ask a ping interval while the WebSocket cannot be opened, not a tight loop.
    assert asked <= 2 + down_s / ping_interval + 1, (asked, down_s)
    lines = socket_mode_lines(caplog)
    assert lines, caplog.text
    for record in lines:
        message = record.getMessage()
        assert "check the network (firewall, proxy) from here to Slack" in message, message
        assert "\n" not in message and record.exc_info is None
    assert "Unclosed" not in caplog.text


def test_an_app_token_refused_while_the_websocket_is_down_stops_the_bot_naming_it(
    tmp_path: Path,
    standin: SlackStandIn,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Asking for a new URL on each try is also what sees a token revoked during an outage:
    the tries end there, and the bot stops as at start."""
    monkeypatch.setattr(server, "PING_INTERVAL_S", 0.5)
    config = make_config(
        tmp_path,
        env={
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_APP_TOKEN": "xapp-test-app-token",
            "SLACK_API_URL": standin.url,
        },
    )
    refusals = 20

    async def scenario() -> None:
        endpoint = SocketEndpoint()
        await endpoint.start()
        standin.socket_url = f"ws://127.0.0.1:{endpoint.port}/link"
        running = asyncio.create_task(serve(config, asyncio.Event()))
        try:
            await asyncio.wait_for(endpoint.connected.wait(), WAIT_S)
            await endpoint.stop()
            for _ in range(1000):
                if socket_mode_lines(caplog):
                    break
                await asyncio.sleep(0.01)
            standin.fail("apps.connections.open", *[Failure(error="token_revoked")] * refusals)
            await asyncio.wait_for(running, WAIT_S)
        finally:
            running.cancel()
            await asyncio.gather(running, return_exceptions=True)
            await endpoint.stop()

    with caplog.at_level(logging.INFO), pytest.raises(ConfigError) as caught:
        asyncio.run(scenario())
    assert str(caught.value).startswith("SLACK_APP_TOKEN was refused by Slack (token_revoked)")
    assert len(standin.failures["apps.connections.open"]) == refusals - 1, "asked once more"
    for record in socket_mode_lines(caplog):
        assert "\n" not in record.getMessage() and record.exc_info is None
