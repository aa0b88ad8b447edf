"""Reading back what a limited sync left out of a room's timeline, so no command is lost.

The sync filter caps each room's timeline (``SYNC_FILTER`` in ``bot.matrix.adapter``). When
more happened in a room since the token the bot resumed from (it was stopped, or a burst
came within one long-poll), the timeline comes back ``limited``: only its newest events,
with a ``prev_batch`` token where they begin. The events between the resumed-from token and
``prev_batch`` were never handled; a ``!brief`` among them went unanswered, silently. The
client-server API pages ``/rooms/{roomId}/messages`` backward from ``prev_batch`` and stops
at ``to``, which may be a sync token, so exactly that gap is read here, newest first, and
handed back oldest first for the listener to treat as the start of the new timeline.

The read is bounded (``MAX_EVENTS`` a room): a bot stopped for long in a busy room reads
the newest of what it missed, and one log line says that older events went unread.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.matrix.transport import Transport, api_path

log = logging.getLogger(__name__)

# A few thousand events: hours of a busy room, read in a few seconds.
MAX_EVENTS = 3000
PAGE_SIZE = 500
# Pages whose events the filter left out come back empty with an ``end`` to go on from: a
# bound on those too, or a room of edits and reactions could be paged through for ever.
MAX_PAGES = 40
# Only what the listener acts on: messages, encrypted messages, and memberships, since the
# bot's own join in the gap cuts off the history before it (``commands_in_timeline``).
EVENT_FILTER = json.dumps(
    {"types": ["m.room.message", "m.room.encrypted", "m.room.member"]}, separators=(",", ":")
)


class GapUnread(Exception):
    """The homeserver did not give the missed events. ``temporary`` when it may on a later
    try (unreachable, a 5xx, a 429): the sync is then asked again rather than passed."""

    def __init__(self, said: str, temporary: bool) -> None:
        super().__init__(said)
        self.temporary = temporary


@dataclass(frozen=True, slots=True)
class Gap:
    """The events a limited timeline left out, oldest first; ``cut`` when the cap stopped
    the read before it reached the token the sync resumed from."""

    events: tuple[Mapping[str, Any], ...]
    cut: bool


async def read_gap(
    transport: Transport,
    room_id: str,
    prev_batch: str,
    since: str,
    max_events: int = MAX_EVENTS,
) -> Gap:
    """The events of ``room_id`` after ``since`` and before ``prev_batch``, oldest first.

    One event more than ``max_events`` is asked for, so a gap of exactly the cap is not
    mistaken for a longer one. Synapse may answer the last page with an ``end`` equal to
    its ``from`` instead of leaving ``end`` out; either ends the read. A read stopped by
    ``MAX_PAGES`` before either counts as cut, like one stopped by the cap.
    """
    newest_first: list[Mapping[str, Any]] = []
    token = prev_batch
    reached = False  # the read came to ``since`` (or the server's end of history)
    for _page in range(MAX_PAGES):
        if len(newest_first) > max_events:
            break
        query: dict[str, str | int] = {
            "dir": "b",
            "from": token,
            "to": since,
            "limit": min(PAGE_SIZE, max_events + 1 - len(newest_first)),
            "filter": EVENT_FILTER,
        }
        try:
            page = await transport.request(
                "GET", api_path("v3", "rooms", room_id, "messages", query=query)
            )
        except OSError as exc:
            raise GapUnread(str(exc), temporary=True) from exc
        if not page.ok:
            temporary = page.status >= 500 or page.status == 429
            raise GapUnread(page.describe(), temporary)
        chunk = [e for e in page.data.get("chunk", []) if isinstance(e, dict)]
        newest_first += chunk
        end = page.data.get("end")
        # An empty chunk with an ``end`` is no end: the spec has clients page on until
        # ``end`` is left out (Synapse answers so when a page held only filtered events).
        if not isinstance(end, str) or not end or end == token:
            reached = True
            break
        token = end
    cut = len(newest_first) > max_events or not reached
    if cut:
        log.warning(
            "matrix: %s: more than %d events came while the bot was not syncing; it read "
            "the newest %d, and a !brief sent before them goes unanswered",
            room_id,
            max_events,
            max_events,
        )
    return Gap(tuple(reversed(newest_first[:max_events])), cut)


def with_gap(gap: Sequence[Mapping[str, Any]], timeline: Sequence[Any]) -> list[Any]:
    """The missed events, then the timeline's, each once: a server that repeats an event
    on both sides of ``prev_batch`` must not have it answered twice."""
    seen = {_event_id(e) for e in timeline} - {None}
    return [e for e in gap if _event_id(e) not in seen] + list(timeline)


def _event_id(event: Any) -> object:
    if isinstance(event, Mapping):
        return event.get("event_id")
    return getattr(event, "event_id", None)
