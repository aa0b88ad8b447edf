"""Sending to rooms in order, honouring the homeserver's rate limits.

The spec recommends one queue per room and retries for at most about five minutes. Each
room has a FIFO lock, so the parts of one message, and messages sent one after the other,
arrive in the order they were handed over. A part is retried under the same transaction id,
so a retry after a lost answer can never post it twice. ``M_LIMIT_EXCEEDED`` waits what the
server asked (``Retry-After``, else the deprecated ``retry_after_ms``); connection errors and
5xx back off exponentially; any other error, or the time budget running out, raises
``DeliveryError`` and the caller keeps the delivery pending. A server delay longer than what
is left of the budget is not waited for here: the error carries it as ``retry_after``, so a
scheduled retry comes no sooner than the server asked. A refused token (one the transport
could not renew: ``bot.matrix.renewal``) or a room the bot may not post in is a permanent
``DeliveryError`` naming the setting to fix.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from bot.delivery import DeliveryError
from bot.matrix.relations import in_thread
from bot.matrix.transport import HttpReply, Transport, api_path

log = logging.getLogger(__name__)

DEFAULT_BUDGET = 300.0
# Refusals no retry can change until someone fixes what they name: a digest is given up at
# once instead of failing the same way for hours.
REFUSALS = {
    "M_UNKNOWN_TOKEN": (
        "the homeserver does not accept the bot's access token: set MATRIX_ACCESS_TOKEN "
        "(or MATRIX_PASSWORD) and restart briefbot"
    ),
    "M_FORBIDDEN": (
        "the homeserver does not let the bot post in this room: invite the account of "
        "MATRIX_USER_ID (and let it post), or fix the follow's room, then restart briefbot"
    ),
}
Sleep = Callable[[float], Awaitable[None]]


class RoomSender:
    """Per-room ordered sends with bounded, server-paced retries."""

    def __init__(
        self,
        transport: Transport,
        budget: float = DEFAULT_BUDGET,
        clock: Callable[[], float] = time.monotonic,
        sleep: Sleep = asyncio.sleep,
        txn_prefix: str | None = None,
    ) -> None:
        self.transport = transport
        self.budget = budget
        self.clock = clock
        self.sleep = sleep
        self._locks: dict[str, asyncio.Lock] = {}
        # The server deduplicates by transaction id per device, and the device outlives a
        # restart: a counter starting again at 1 would make new messages look like old ones.
        self._txn_prefix = txn_prefix or f"briefbot-{uuid.uuid4().hex[:12]}"
        self._txn_counter = 0

    async def send(
        self,
        room_id: str,
        contents: Sequence[Mapping[str, Any]],
        event_type: str = "m.room.message",
        skip: int = 0,
        on_sent: Callable[[str], None] | None = None,
        root: str | None = None,
    ) -> list[str]:
        """Send every part in order; the event ids, or ``DeliveryError`` naming what failed.

        Parts after a failed one are not sent: a digest with a hole in the middle would read
        as complete. ``skip`` parts at the start were accepted by an earlier attempt and are
        not sent again; ``on_sent`` hears each event id as soon as the server accepted it,
        so the caller can record how far the message got before a later part fails.

        The parts after the first go into the thread of the first (``root`` is its event id
        when an earlier attempt sent it), so that a message of several events is one event
        in the room's timeline and the rest a click away, as on Slack; a part that already
        relates to an event (an answer inside a thread) is sent as it is.
        """
        lock = self._locks.setdefault(room_id, asyncio.Lock())
        async with lock:
            event_ids: list[str] = []
            for n, content in enumerate(contents[skip:], start=skip + 1):
                if n > 1 and root is not None:
                    content = in_thread(content, root)
                try:
                    event_id = await self._send_one(room_id, event_type, content)
                except DeliveryError as exc:
                    raise DeliveryError(
                        f"part {n} of {len(contents)} to {room_id} not sent: {exc}",
                        retry_after=exc.retry_after,
                        permanent=exc.permanent,
                    ) from exc
                event_ids.append(event_id)
                if n == 1:
                    root = event_id
                if on_sent is not None:
                    on_sent(event_id)
            return event_ids

    async def _send_one(self, room_id: str, event_type: str, content: Mapping[str, Any]) -> str:
        self._txn_counter += 1
        txn = f"{self._txn_prefix}-{self._txn_counter}"
        path = api_path("v3", "rooms", room_id, "send", event_type, txn)
        started = self.clock()
        deadline = started + self.budget
        failures = 0
        while True:
            reply: HttpReply | None
            try:
                reply = await self.transport.request("PUT", path, content)
            except OSError as exc:
                reply, error = None, str(exc)
            else:
                error = reply.describe()
                if reply.ok:
                    event_id = reply.data.get("event_id")
                    if isinstance(event_id, str):
                        return event_id
                    raise DeliveryError(f"the homeserver answered without an event id ({error})")
            if reply is not None and reply.status == 429:
                wait = retry_delay(reply)
                left = deadline - self.clock()
                if wait > left:
                    # Not waited out here, but the caller learns how long the server asked
                    # for, so that its next attempt does not come sooner.
                    raise DeliveryError(
                        f"the homeserver asked to wait {_seconds(wait)}, more than the "
                        f"{_seconds(max(0.0, left))} left of the {_seconds(self.budget)} "
                        f"send budget ({error})",
                        retry_after=wait,
                    )
            elif reply is None or reply.status >= 500:
                failures += 1
                wait = min(0.5 * 2 ** (failures - 1), 30.0)
                if self.clock() + wait > deadline:
                    waited = self.clock() - started
                    raise DeliveryError(f"gave up after {_seconds(waited)} of retries ({error})")
            elif reply.errcode in REFUSALS:
                raise DeliveryError(f"{error}; {REFUSALS[reply.errcode]}", permanent=True)
            else:
                raise DeliveryError(error)
            log.info("send to %s delayed %.2f s: %s", room_id, wait, error)
            await self.sleep(wait)


def retry_delay(reply: HttpReply, default: float = 5.0) -> float:
    """Seconds the server asked us to wait: ``Retry-After``, else ``retry_after_ms``."""
    header = reply.headers.get("Retry-After", "").strip()
    if header.isascii() and header.isdigit():  # ("²" is a digit to str.isdigit)
        return float(header)
    value = reply.data.get("retry_after_ms")
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        return float(value) / 1000.0
    return default


def _seconds(value: float) -> str:
    return f"{value:.0f} s" if value >= 10 else f"{value:.1f} s"
