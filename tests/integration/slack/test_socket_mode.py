"""Socket Mode: the app opens the WebSocket that apps.connections.open names, acks a slash
command envelope over it, and answers through response_url, as in HTTP mode."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from aiohttp import WSMsgType, web

from bot.app import build_services
from bot.delivery import DeliveryRouter
from bot.file_ingest import ingest_paths
from bot.slack import SlackAdapter
from tests.conftest import SEED_DIR, make_config
from tests.integration.slack.harness import BOT_TOKEN, CHANNEL, USER
from tests.integration.slack.standin import SlackStandIn

pytestmark = pytest.mark.integration


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
