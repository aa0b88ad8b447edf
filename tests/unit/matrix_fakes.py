"""A scripted stand-in for the homeserver transport, shared by the Matrix unit tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from typing import Any

from bot.matrix.transport import HttpReply

Answer = HttpReply | OSError | Callable[[str, str, Mapping[str, Any] | None], HttpReply]


class ScriptedTransport:
    """Answers each request with the next scripted answer (or a default), recording it."""

    def __init__(self, *answers: Answer, default: HttpReply | None = None) -> None:
        self.answers = list(answers)
        self.default = default
        self.requests: list[tuple[str, str, Mapping[str, Any] | None]] = []

    async def request(
        self, method: str, path: str, body: Mapping[str, Any] | None = None
    ) -> HttpReply:
        self.requests.append((method, path, body))
        await asyncio.sleep(0)  # a real request yields to the loop; so does this one
        answer = self.answers.pop(0) if self.answers else self.default
        if answer is None:
            raise AssertionError(f"unexpected request {method} {path}")
        if isinstance(answer, OSError):
            raise answer
        if callable(answer):
            return answer(method, path, body)
        return answer


def sent(event_id: str = "$e") -> HttpReply:
    return HttpReply(200, {"event_id": event_id})


def limited(retry_after_ms: int | None = None, header: str | None = None) -> HttpReply:
    data: dict[str, Any] = {"errcode": "M_LIMIT_EXCEEDED", "error": "Too Many Requests"}
    if retry_after_ms is not None:
        data["retry_after_ms"] = retry_after_ms
    return HttpReply(429, data, {"Retry-After": header} if header else {})
