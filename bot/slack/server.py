"""How Slack's requests reach the Bolt app: an aiohttp web server (HTTP mode) or a
Socket Mode WebSocket, both inside the bot's one asyncio loop.

HTTP mode serves ``POST /slack/events`` (slash commands, events, interactivity; Bolt
checks the signature and the five-minute timestamp window and answers 401 otherwise) and
``GET /healthz`` for load balancers and container health checks. It binds the configured
host and port; port 0 picks a free one, readable from ``port`` once started.
"""

from __future__ import annotations

import logging

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"


class HttpServer:
    """The Bolt app behind aiohttp's production web server."""

    def __init__(self, app: AsyncApp, host: str, port: int) -> None:
        self.app = app
        self.host = host
        self.requested_port = port
        self.port: int | None = None
        self._runner: web.AppRunner | None = None

    def web_app(self) -> web.Application:
        web_app = web.Application()
        web_app.add_routes(
            [web.post(EVENTS_PATH, self._events), web.get(HEALTH_PATH, self._health)]
        )
        return web_app

    async def start(self) -> None:
        runner = web.AppRunner(self.web_app())
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.requested_port)
        try:
            await site.start()
        except OSError:
            await runner.cleanup()
            raise
        self._runner = runner
        self.port = _bound_port(runner, self.requested_port)
        log.warning("Slack HTTP mode listening on %s:%s%s", self.host, self.port, EVENTS_PATH)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _events(self, request: web.Request) -> web.Response:
        bolt_request = await to_bolt_request(request)
        bolt_response = await self.app.async_dispatch(bolt_request)
        return await to_aiohttp_response(bolt_response)

    async def _health(self, request: web.Request) -> web.Response:
        return web.json_response({"ok": True, "mode": "http"})


class SocketModeServer:
    """The Bolt app on a Socket Mode connection (no public URL needed)."""

    def __init__(self, app: AsyncApp, app_token: str) -> None:
        self.handler = AsyncSocketModeHandler(app, app_token=app_token)
        self.port: int | None = None

    async def start(self) -> None:
        await self.handler.connect_async()  # type: ignore[no-untyped-call]
        log.warning("Slack Socket Mode connected")

    async def stop(self) -> None:
        await self.handler.close_async()  # type: ignore[no-untyped-call]


def _bound_port(runner: web.AppRunner, fallback: int) -> int:
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return fallback
