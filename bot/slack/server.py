"""How Slack's requests reach the Bolt app: an aiohttp web server (HTTP mode) or a
Socket Mode WebSocket, both inside the bot's one asyncio loop.

HTTP mode serves ``POST /slack/events`` (slash commands, events, interactivity) and
``GET /healthz`` for load balancers and container health checks. It binds the configured
host and port; port 0 picks a free one, readable from ``port`` once started.

A request to ``/slack/events`` is checked in this order, so that what a stranger sends never
reaches a parser: the signature and its five-minute window on the raw bytes (401 otherwise);
then the body, parsed as Bolt will parse it (400 when it cannot be); then Bolt.
"""

from __future__ import annotations

import logging
from urllib.parse import parse_qs

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.request.internals import (
    build_normalized_headers,
    extract_content_type,
    parse_body,
)

from bot.slack.signature import SIGNATURE_HEADER, TIMESTAMP_HEADER, RequestSignature

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"


class MalformedBody(ValueError):
    """A signed request whose body Bolt could not read; says what is wrong with it."""


class HttpServer:
    """The Bolt app behind aiohttp's production web server."""

    def __init__(self, app: AsyncApp, signing_secret: str, host: str, port: int) -> None:
        self.app = app
        self.signature = RequestSignature(signing_secret)
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
        body = await request.read()
        timestamp = request.headers.get(TIMESTAMP_HEADER)
        if not self.signature.verifies(body, timestamp, request.headers.get(SIGNATURE_HEADER)):
            if _is_ssl_check(body):
                return web.Response(status=200)
            log.info("refused a request to %s: no valid Slack signature", EVENTS_PATH)
            return web.json_response({"error": "invalid request"}, status=401)
        try:
            bolt_request = _bolt_request(body, request)
        except MalformedBody as exc:
            log.info("refused a signed request to %s: %s", EVENTS_PATH, exc)
            return web.json_response({"error": f"malformed request body: {exc}"}, status=400)
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


def _is_ssl_check(body: bytes) -> bool:
    """Slack checks a slash command's certificate with an unsigned ``ssl_check=1`` form.

    It gets the empty 200 Bolt would give it, and nothing in it is ever dispatched.
    """
    return parse_qs(body.decode("utf-8", "replace")).get("ssl_check") == ["1"]


def _bolt_request(body: bytes, request: web.Request) -> AsyncBoltRequest:
    """The request for Bolt, whose body Bolt's own parser was first seen to read.

    Bolt parses the body while it builds the request (JSON for events, a form for commands,
    a form with a JSON ``payload`` for interactivity) and lets whatever goes wrong escape
    as an exception; asking the same parser first turns that into a 400.
    """
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedBody("not UTF-8") from exc
    headers = build_normalized_headers(request.headers)  # type: ignore[arg-type]
    try:
        payload = parse_body(text, extract_content_type(headers))
    except ValueError as exc:
        raise MalformedBody("not valid JSON") from exc
    if not isinstance(payload, dict):
        raise MalformedBody("expected a JSON object")
    return AsyncBoltRequest(body=text, query=request.query_string, headers=headers)


def _bound_port(runner: web.AppRunner, fallback: int) -> int:
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return fallback
