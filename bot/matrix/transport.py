"""Raw client-server API calls that matrix-nio does not cover the way we need.

nio retries a 429 on its own, forever by default, and hides the ``Retry-After`` header; the
bot's sender must bound its retries and keep its order, so sends, thread reads and polite
invite refusals go through this small transport on nio's own HTTP session instead. A token
the homeserver refuses is reported to the ``TokenKeeper`` (``bot.matrix.renewal``), which
may log the bot in again; the request is then asked once more with the new token.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import quote, urlencode

from nio import AsyncClient


@dataclass(frozen=True, slots=True)
class HttpReply:
    """A homeserver answer: status, the headers we read, and the JSON body (or ``{}``)."""

    status: int
    data: Mapping[str, Any] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def errcode(self) -> str:
        value = self.data.get("errcode")
        return value if isinstance(value, str) else ""

    def describe(self) -> str:
        error = self.data.get("error")
        detail = f": {error}" if isinstance(error, str) else ""
        return f"HTTP {self.status} {self.errcode}{detail}".strip()


class TokenKeeper(Protocol):
    """Hears which access token the homeserver took or refused."""

    def accepted(self, token: str) -> None: ...

    async def refused(self, token: str, answer: object) -> bool:
        """True once another token is in place to ask again with."""
        ...


class Transport(Protocol):
    """One authenticated request to the homeserver; connection errors raise ``OSError``."""

    async def request(
        self, method: str, path: str, body: Mapping[str, Any] | None = None
    ) -> HttpReply: ...


def api_path(*segments: str, query: Mapping[str, str | int] | None = None) -> str:
    """``/_matrix/client/...`` with every segment percent-encoded (room and event ids)."""
    path = "/_matrix/client/" + "/".join(quote(s, safe="") for s in segments)
    if query:
        path += "?" + urlencode({k: str(v) for k, v in query.items()})
    return path


class NioTransport:
    """Sends through an ``AsyncClient``'s session with its access token, without nio's retries.

    A request the homeserver answers with 401 is reported to ``keeper``; when that puts a new
    token in place (a soft logout, logged in again) the request is asked once more with it,
    which a send may be: it keeps its transaction id, so it is never posted twice.
    """

    def __init__(self, client: AsyncClient, keeper: TokenKeeper | None = None) -> None:
        self.client = client
        self.keeper = keeper

    async def request(
        self, method: str, path: str, body: Mapping[str, Any] | None = None
    ) -> HttpReply:
        payload = json.dumps(body, ensure_ascii=False) if body is not None else None
        for _ in range(2):
            token = self.client.access_token
            reply = await self._request(method, path, payload, token)
            if self.keeper is None:
                break
            if reply.ok:
                self.keeper.accepted(token)
            if reply.status != 401 or not await self.keeper.refused(token, reply):
                break
        return reply

    async def _request(self, method: str, path: str, payload: str | None, token: str) -> HttpReply:
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        try:
            response = await self.client.send(method, path, payload, headers)
        except OSError:
            raise
        except Exception as exc:  # aiohttp's ClientError and timeouts: retryable I/O
            raise OSError(f"{method} {path.split('?')[0]}: {exc}") from exc
        try:
            try:
                data = await response.json(content_type=None)
            except (ValueError, UnicodeDecodeError):
                data = {}
            retry_after = response.headers.get("Retry-After")
        finally:
            response.release()
        return HttpReply(
            status=response.status,
            data=data if isinstance(data, dict) else {},
            headers={"Retry-After": retry_after} if retry_after else {},
        )
