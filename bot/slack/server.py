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

import asyncio
import errno
import logging
import socket
import time
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qs

import aiohttp
from aiohttp import ClientError, web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.request.internals import (
    build_normalized_headers,
    extract_content_type,
    parse_body,
)
from slack_sdk.errors import SlackApiError
from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.web.async_client import AsyncWebClient

from bot.backoff import Backoff
from bot.config import ConfigError
from bot.slack.app import build_web_client
from bot.slack.errors import TRANSPORT_ERRORS, api_error, refused_token, retry_after
from bot.slack.signature import SIGNATURE_HEADER, TIMESTAMP_HEADER, RequestSignature

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
CHECK_TIMEOUT_S = 20
# How often the Socket Mode client pings Slack, and waits between two tries of a connection
# that failed: Bolt's default, kept now that we build the client.
PING_INTERVAL_S = 10.0
# What a Slack that cannot be reached, or is having an outage, raises: asked again later.
UNREACHABLE: tuple[type[BaseException], ...] = (*TRANSPORT_ERRORS, ClientError)
TOKEN_HINTS = {
    "SLACK_BOT_TOKEN": "set the app's Bot User OAuth Token (xoxb-…) from its OAuth & "
    "Permissions page",
    "SLACK_APP_TOKEN": "set an app-level token (xapp-…) with the connections:write scope, "
    "from the app's Basic Information page",
}


class SocketModeUnavailable(Exception):
    """No new Socket Mode connection for now; the message says where and what to check."""


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
        except OSError as exc:
            await runner.cleanup()
            raise ConfigError(_cannot_listen(self.host, self.requested_port, exc)) from exc
        self._runner = runner
        self.port = _bound_port(runner, self.requested_port)
        log.info("Slack HTTP mode listening on %s:%s%s", self.host, self.port, EVENTS_PATH)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def serving(self) -> None:
        """Returns never: once listening, nothing in HTTP mode ends for good."""
        await asyncio.Event().wait()

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
    """The Bolt app on a Socket Mode connection (no public URL needed).

    Before the connection is opened, ``auth.test`` checks ``SLACK_BOT_TOKEN`` and
    ``apps.connections.open`` checks ``SLACK_APP_TOKEN``: a token Slack refuses raises
    ``ConfigError`` naming its variable, since no retry can mend it; a Slack that cannot be
    reached (or answers with an outage) is asked again after a growing wait, one log line
    an attempt. Once connected, slack_sdk's client keeps the connection and reconnects,
    asking here for each new connection, and again after each try that could not open its
    WebSocket (a connection's URL is short-lived): a ``SLACK_APP_TOKEN`` Slack refuses
    then ends ``serving()`` with the same ``ConfigError`` (the bot stops, as it would at
    start), where slack_sdk would ask again every ping interval for ever; any other failure
    is its one line an attempt, saying what to check.
    """

    def __init__(
        self,
        app: AsyncApp,
        bot_token: str,
        app_token: str,
        api_url: str | None = None,
        backoff: Backoff | None = None,
    ) -> None:
        self.app = app
        self.bot_token = bot_token
        self.app_token = app_token
        # Each call is one attempt: retries and their waits are this class's, and logged.
        self.client = build_web_client(None, api_url, timeout=CHECK_TIMEOUT_S, retries=False)
        self.where = f"{self.client.base_url} (SLACK_API_URL)" if api_url else self.client.base_url
        self.backoff = backoff or Backoff()
        self.handler: AsyncSocketModeHandler | None = None
        self.port: int | None = None
        self._bot_token_checked = False
        self._refusal: ConfigError | None = None
        self._refused = asyncio.Event()

    async def start(self) -> None:
        failures = 0
        while True:
            try:
                url = await self._connection_url()
                break
            except ConfigError:  # a ValueError, like a body that was not JSON
                raise
            except UNREACHABLE as exc:
                failures += 1
                delay = max(self.backoff.delay(failures), retry_after(exc) or 0.0)
                log.warning(
                    "Slack Socket Mode: cannot reach Slack at %s (%s); attempt %d, "
                    "trying again in %.0f s",
                    self.where,
                    _reason(exc),
                    failures,
                    delay,
                )
                await asyncio.sleep(delay)
        # Built only now: slack_sdk's client opens an HTTP session as it is made.
        client = _SocketModeClient(self.app_token, self.app.client, self._reconnection_url)
        self.handler = _SocketModeHandler(self.app, client)
        client.wss_uri = url
        await self.handler.connect_async()  # type: ignore[no-untyped-call]
        log.info("Slack Socket Mode connected")

    async def serving(self) -> None:
        """Returns never; raises the ``ConfigError`` of a ``SLACK_APP_TOKEN`` that Slack
        refused when asked for a new connection."""
        await self._refused.wait()
        assert self._refusal is not None
        raise self._refusal

    async def stop(self) -> None:
        if self.handler is not None:
            await self.handler.close_async()  # type: ignore[no-untyped-call]
            self.handler = None

    async def _connection_url(self) -> str:
        if not self._bot_token_checked:
            await self._call(self.client.auth_test(token=self.bot_token), "SLACK_BOT_TOKEN")
            self._bot_token_checked = True
        opened = await self._call(
            self.client.apps_connections_open(app_token=self.app_token), "SLACK_APP_TOKEN"
        )
        return str(opened["url"])

    async def _reconnection_url(self) -> str:
        """A new connection's URL, once connected: the app token is checked as at start, a
        Slack that asks to wait is waited for, and a Slack out of reach is an error whose
        one line (slack_sdk logs it and tries again later) says where and what to check."""
        while True:
            try:
                opened = await self._call(
                    self.client.apps_connections_open(app_token=self.app_token), "SLACK_APP_TOKEN"
                )
                return str(opened["url"])
            except ConfigError as exc:
                if self._refusal is None:
                    self._refusal = exc
                    self._refused.set()
                raise
            except UNREACHABLE as exc:
                wait = retry_after(exc)
                if wait is not None:
                    log.info("Slack Socket Mode: Slack asks to wait %.0f s for a connection", wait)
                    await asyncio.sleep(wait)
                    continue
                if isinstance(exc, SlackApiError):  # Slack answered: no network trouble
                    raise SocketModeUnavailable(
                        f"Slack at {self.where} opened no new Socket Mode connection "
                        f"({_reason(exc)}), an outage on its side; asked again later"
                    ) from exc
                raise SocketModeUnavailable(
                    f"cannot reach Slack at {self.where} for a new Socket Mode connection "
                    f"({_reason(exc)}): check the network (firewall, proxy) from here to Slack"
                ) from exc

    async def _call(self, call: Awaitable[Any], variable: str) -> Any:
        try:
            return await call
        except SlackApiError as exc:
            error = refused_token(exc)
            if error is not None:
                raise ConfigError(
                    f"{variable} was refused by Slack ({error}): {TOKEN_HINTS[variable]}"
                ) from exc
            raise


class _SocketModeClient(SocketModeClient):
    """slack_sdk's Socket Mode client, asking for each new connection's URL through
    ``open_url`` (checks and words of ours) rather than on its own: it logged a refused app
    token in several lines naming no setting, and asked again every ping interval for ever.
    It also asks again after each failed try (see ``connect``), where slack_sdk kept trying
    the first URL."""

    def __init__(
        self,
        app_token: str,
        web_client: AsyncWebClient,
        open_url: Callable[[], Awaitable[str]],
    ) -> None:
        super().__init__(
            app_token=app_token,
            logger=_SOCKET_LOG,
            web_client=web_client,
            ping_interval=PING_INTERVAL_S,
        )
        self._open_url = open_url

    async def issue_new_wss_url(self) -> str:
        try:
            return await self._open_url()
        except ConfigError:
            # No new connection can mend a refused token: stop asking; the bot stops.
            self.auto_reconnect_enabled = self.default_auto_reconnect_enabled = False
            raise

    async def connect(self) -> None:
        """What slack_sdk's aiohttp ``connect()`` does (as of 3.48), except that an attempt
        that fails forgets its URL, so the next one asks ``issue_new_wss_url`` (ours) for a
        new one.

        slack_sdk's loop tries the same URL every ping interval until it connects. A Socket
        Mode URL is a short-lived ticket: after a network blip that outlived it, the bot
        stayed deaf for good, saying the app token was accepted but never asking Slack
        again. slack_sdk's other clients ask for a new URL on each reconnection (see
        python-slack-sdk #1379); the aiohttp one has no hook between attempts, hence a loop
        of our own in its place. As slack_sdk's: one ping interval between attempts, so
        a Slack out of reach is not hammered; the old session closed first; a new monitor
        and receiver for the new session; a client closed meanwhile ends the attempts. A
        refused app token ends them too, raising its ``ConfigError``.
        """
        while not self.closed:
            try:
                await self._abandon_current_session()
                if self.wss_uri is None:
                    self.wss_uri = await self.issue_new_wss_url()
                await self._open_session(self.wss_uri)
                return
            except ConfigError:
                raise
            except Exception as exc:
                self.wss_uri = None
                if self.closed:
                    return
                self._log_failed_attempt(exc)
                await asyncio.sleep(self.ping_interval)

    async def _abandon_current_session(self) -> None:
        # Closed before a new one is opened: Slack may limit how many an app holds.
        self.auto_reconnect_enabled = False
        old = self.current_session
        if old is None:
            return
        try:
            await old.close()
            self.logger.info("The old session (%s) has been abandoned", self.build_session_id(old))
        except Exception:
            self.logger.exception("Failed to close the old session")

    async def _open_session(self, url: str) -> None:
        if self.aiohttp_client_session.closed and not self.closed:
            self.aiohttp_client_session = aiohttp.ClientSession()
        self.current_session = await self.aiohttp_client_session.ws_connect(
            url,
            autoping=False,
            heartbeat=self.ping_interval,
            proxy=self.proxy,
            ssl=self.web_client.ssl if self.web_client.ssl is not None else True,
        )
        self.auto_reconnect_enabled = self.default_auto_reconnect_enabled
        self.stale = False
        self.logger.info("A new session (%s) has been established", await self.session_id())
        await self.current_session.ping(f"sdk-ping-pong:{time.time()}".encode())
        for task in (self.current_session_monitor, self.message_receiver):
            if task is not None:
                task.cancel()
        self.current_session_monitor = asyncio.ensure_future(self.monitor_current_session())
        self.message_receiver = asyncio.ensure_future(self.receive_messages())

    def _log_failed_attempt(self, exc: Exception) -> None:
        then = f"next try in {self.ping_interval:g} s, with a new URL"
        if isinstance(exc, SocketModeUnavailable):
            self.logger.warning("Slack Socket Mode: %s (%s)", exc, then)
        elif isinstance(exc, WEBSOCKET_ERRORS):
            self.logger.warning(
                "Slack Socket Mode: cannot open the WebSocket (%s): %s; %s",
                _reason(exc),
                WEBSOCKET_CHECK,
                then,
            )
        else:
            self.logger.exception("Slack Socket Mode: failed to connect; %s", then)


class _SocketModeHandler(AsyncSocketModeHandler):
    """Bolt's Socket Mode handler on our client (Bolt builds slack_sdk's and takes no other)."""

    def __init__(self, app: AsyncApp, client: _SocketModeClient) -> None:
        # Not super().__init__(): it would build, and start, a client of its own.
        self.app = app
        self.app_token = client.app_token
        self.client = client
        client.socket_mode_request_listeners.append(self.handle)  # type: ignore[arg-type]


# What opening, or keeping, a WebSocket raises when the way to its host fails.
WEBSOCKET_ERRORS: tuple[type[BaseException], ...] = (OSError, ClientError, asyncio.TimeoutError)
# The WebSocket's URL came from apps.connections.open, which accepted the app token: what
# failed is the way from here to Slack's WebSocket host.
WEBSOCKET_CHECK = (
    "check the network (firewall, proxy) from here to Slack; SLACK_APP_TOKEN was accepted"
)
WEBSOCKET_HINT = f"Slack Socket Mode's WebSocket failed: {WEBSOCKET_CHECK}"


class _ConnectionErrorsInOneLine(logging.Filter):
    """slack_sdk's Socket Mode client logs some failures of a connection with a traceback;
    for such a failure, its own line says all there is to say, and what to check."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], WEBSOCKET_ERRORS):
            record.exc_info = None
            record.exc_text = None
            record.msg = f"{record.getMessage()} ({WEBSOCKET_HINT})"
            record.args = ()
        return True


_SOCKET_LOG = logging.getLogger(__name__ + ".socket_mode")
_SOCKET_LOG.addFilter(_ConnectionErrorsInOneLine())


def _reason(exc: BaseException) -> str:
    if isinstance(exc, SlackApiError):
        return api_error(exc)
    return str(exc) or type(exc).__name__


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


def _cannot_listen(host: str, port: int, exc: OSError) -> str:
    """Why the HTTP server cannot listen, naming the setting to change: a bad host or port
    is a setting like any other, not a traceback."""
    where = f"{host}:{port}"
    if isinstance(exc, socket.gaierror):
        return (
            f"BRIEFBOT_HTTP_HOST (or [http] host) {host!r} is not a known host name or "
            f"address ({exc.strerror}): set it to an address of this machine, such as "
            "127.0.0.1 or 0.0.0.0"
        )
    if exc.errno == errno.EADDRINUSE:
        return (
            f"cannot listen on {where}: the address is already in use; set "
            "BRIEFBOT_HTTP_PORT (or [http] port) to a free port, or stop what listens there"
        )
    if exc.errno == errno.EADDRNOTAVAIL:
        return (
            f"cannot listen on {where}: {host} is not an address of this machine; set "
            "BRIEFBOT_HTTP_HOST (or [http] host) to one, such as 127.0.0.1 or 0.0.0.0"
        )
    if exc.errno == errno.EACCES:
        return (
            f"cannot listen on {where}: permission denied (ports below 1024 need "
            "privileges); set BRIEFBOT_HTTP_PORT (or [http] port) to 1024 or above"
        )
    reason = exc.strerror or str(exc)
    return (
        f"cannot listen on {where}: {reason}; check BRIEFBOT_HTTP_HOST and BRIEFBOT_HTTP_PORT "
        "(or [http] host and port)"
    )


def _bound_port(runner: web.AppRunner, fallback: int) -> int:
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return fallback
