"""A loopback stand-in for Slack's Web API and ``response_url`` hooks.

It answers what the app calls (``auth.test``, ``chat.postMessage``, ``chat.postEphemeral``,
``conversations.replies`` in pages, ``users.info``, ``apps.connections.open``), records
every request it received, and fails on demand: a 429 with ``Retry-After``, an
``ok: false`` error, or an HTTP 500, queued per method.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Call:
    path: str
    method: str
    headers: dict[str, str]
    body: dict[str, Any]
    status: int = 200

    @property
    def api(self) -> str:
        return self.path.removeprefix("/api/")


@dataclass
class Failure:
    status: int = 200
    error: str | None = None
    retry_after: int | None = None
    # Take the post, then close the connection without an answer: Slack has it, the client
    # cannot know.
    drop_after_accept: bool = False
    # Close the connection without taking the post.
    drop_before_accept: bool = False


@dataclass
class SlackStandIn:
    """Start with ``start()``; ``url`` is the Web API base, ``hook(name)`` a response_url."""

    calls: list[Call] = field(default_factory=list)
    threads: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    failures: dict[str, list[Failure]] = field(default_factory=dict)
    scheduled: dict[tuple[str, int], Failure] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    socket_url: str | None = None
    lost: int = 0
    # Paths whose answer waits until their event is set (after the call is recorded): a test
    # can let a client go away while its answer is still to be written.
    hold: dict[str, threading.Event] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _ts: int = 0
    _server: ThreadingHTTPServer | None = None

    # --- life cycle -----------------------------------------------------------------------

    def start(self) -> SlackStandIn:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                standin._serve(self)

            def do_GET(self) -> None:
                standin._serve(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def base(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def url(self) -> str:
        return self.base + "/api/"

    def hook(self, name: str) -> str:
        return f"{self.base}/hooks/{name}"

    # --- programming it -------------------------------------------------------------------

    def fail(self, api: str, *failures: Failure) -> None:
        with self._lock:
            self.failures.setdefault(api, []).extend(failures)

    def fail_at(self, api: str, call_number: int, failure: Failure) -> None:
        """Fail the ``call_number``-th call (1-based) of ``api``, answer the others."""
        with self._lock:
            self.scheduled[(api, call_number)] = failure

    def add_thread(self, channel: str, messages: list[dict[str, Any]]) -> str:
        root = messages[0]["ts"]
        messages[0] = {**messages[0], "reply_count": len(messages) - 1, "thread_ts": root}
        for m in messages[1:]:
            m.setdefault("thread_ts", root)
        self.threads[(channel, root)] = messages
        return str(root)

    # --- reading what arrived -------------------------------------------------------------

    def api_calls(self, api: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.api == api]

    def posted(self) -> list[Call]:
        """chat.postMessage calls the stand-in accepted."""
        with self._lock:
            return [
                c
                for c in self.calls
                if c.api == "chat.postMessage" and c.status == 200 and c.body.get("_accepted")
            ]

    def hook_calls(self, name: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.path == f"/hooks/{name}"]

    async def wait_for(
        self, condition: Callable[[], bool], timeout: float = 10.0, what: str = "a call"
    ) -> None:
        """Poll (bounded) until ``condition`` holds; the app works in background tasks."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; calls: {self.summary()}")
            await asyncio.sleep(0.01)

    def summary(self) -> list[str]:
        with self._lock:
            return [f"{c.status} {c.path}" for c in self.calls]

    # --- serving --------------------------------------------------------------------------

    def _serve(self, request: BaseHTTPRequestHandler) -> None:
        """Answer one request; a client gone before its answer is counted, not a traceback.

        A loaded machine can stall a server thread long enough for a client to give up or
        be stopped; like a real server, the stand-in goes on and says how many it lost.
        """
        try:
            self._handle(request)
        except (BrokenPipeError, ConnectionResetError):
            request.close_connection = True
            with self._lock:
                self.lost += 1

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(request.path)
        length = int(request.headers.get("Content-Length") or 0)
        raw = request.rfile.read(length).decode() if length else ""
        body = _parse_body(raw, request.headers.get("Content-Type") or "")
        for key, values in parse_qs(parts.query).items():
            body.setdefault(key, values[0])
        call = Call(parts.path, request.command, dict(request.headers.items()), body)
        status, headers, payload = self._answer(call)
        call.status = status
        with self._lock:
            self.calls.append(call)
        if call.body.get("_dropped"):
            request.close_connection = True
            return
        held = self.hold.get(parts.path)
        if held is not None:
            held.wait(timeout=10)
        data = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
        request.send_response(status)
        content_type = "text/plain" if isinstance(payload, str) else "application/json"
        request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            request.send_header(name, value)
        request.end_headers()
        request.wfile.write(data)

    def _answer(self, call: Call) -> tuple[int, dict[str, str], Any]:
        if call.path.startswith("/hooks/"):
            return 200, {}, "ok"
        api = call.api
        with self._lock:
            self.counts[api] = number = self.counts.get(api, 0) + 1
            queue = self.failures.get(api) or []
            failure = self.scheduled.pop((api, number), None) or (queue.pop(0) if queue else None)
        if failure is not None and failure.drop_after_accept:
            call.body["_dropped"] = True
            failure = None
        if failure is not None and failure.drop_before_accept:
            call.body["_dropped"] = True
            return 200, {}, {"ok": False, "error": "dropped"}
        if failure is not None:
            if failure.retry_after is not None:
                return (
                    429,
                    {"Retry-After": str(failure.retry_after)},
                    {"ok": False, "error": "ratelimited"},
                )
            if failure.status != 200:
                return failure.status, {}, "<html>upstream error</html>"
            return 200, {}, {"ok": False, "error": failure.error or "internal_error"}
        if api == "auth.test":
            return 200, {}, {"ok": True, "team_id": "T0001", "user_id": "UBOT", "bot_id": "BBOT"}
        if api in ("chat.postMessage", "chat.postEphemeral"):
            with self._lock:
                self._ts += 1
                ts = f"1700000000.{self._ts:06d}"
            call.body["_accepted"] = True
            call.body["_ts"] = ts
            return (
                200,
                {},
                {"ok": True, "channel": call.body.get("channel"), "ts": ts, "message_ts": ts},
            )
        if api == "conversations.replies":
            return 200, {}, self._replies(call.body)
        if api == "conversations.history":
            return 200, {}, self._history(call.body)
        if api == "users.info":
            uid = str(call.body.get("user"))
            user = self.users.get(uid)
            if user is None:
                return 200, {}, {"ok": False, "error": "user_not_found"}
            return 200, {}, {"ok": True, "user": user}
        if api == "apps.connections.open":
            return 200, {}, {"ok": True, "url": self.socket_url}
        return 200, {}, {"ok": False, "error": "unknown_method"}

    def _own_posts(self, channel: str) -> list[Call]:
        """What the bot posted in ``channel`` that was accepted, oldest first."""
        with self._lock:
            return [
                c
                for c in self.calls
                if c.api == "chat.postMessage"
                and c.body.get("_accepted")
                and str(c.body.get("channel")) == channel
            ]

    @staticmethod
    def _as_message(call: Call) -> dict[str, Any]:
        return {
            "type": "message",
            "bot_id": "BBOT",
            "ts": call.body["_ts"],
            "text": call.body.get("text", ""),
            "blocks": call.body.get("blocks") or [],
        }

    def _history(self, body: dict[str, Any]) -> dict[str, Any]:
        """The channel's top-level messages the bot posted, newest first."""
        posts = [
            c for c in self._own_posts(str(body.get("channel"))) if not c.body.get("thread_ts")
        ]
        limit = int(body.get("limit") or 100)
        return {"ok": True, "messages": [self._as_message(c) for c in reversed(posts)][:limit]}

    def _replies(self, body: dict[str, Any]) -> dict[str, Any]:
        key = (str(body.get("channel")), str(body.get("ts")))
        messages = self.threads.get(key)
        if messages is None:
            # A thread the bot started: its root and the replies it posted under it.
            posts = [
                c
                for c in self._own_posts(key[0])
                if c.body["_ts"] == key[1] or str(c.body.get("thread_ts")) == key[1]
            ]
            messages = [self._as_message(c) for c in posts] or None
        if messages is None:
            return {"ok": False, "error": "thread_not_found"}
        limit = min(int(body.get("limit") or 15), 15)
        start = int(body.get("cursor") or 0)
        page = messages[start : start + limit]
        more = start + limit < len(messages)
        return {
            "ok": True,
            "messages": page,
            "has_more": more,
            "response_metadata": {"next_cursor": str(start + limit) if more else ""},
        }


def _parse_body(raw: str, content_type: str) -> dict[str, Any]:
    if not raw:
        return {}
    if "json" in content_type:
        data = json.loads(raw)
        return data if isinstance(data, dict) else {"_": data}
    form = {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}
    for key in ("blocks", "payload"):
        if key in form:
            with contextlib.suppress(ValueError):
                form[key] = json.loads(form[key])
    return form
