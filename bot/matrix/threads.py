"""Reading a Matrix thread: the root event and its ``m.thread`` relations, in order.

The relations API pages forward from the root (``dir=f``); the server's own aggregation on
the root (``unsigned.m.relations.m.thread.count``) says how many replies exist, so a summary
of a cut-short read can say "N of M messages". Notices (bots, including this one) and
``!brief`` commands are not part of the conversation and are left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.delivery import DeliveryError
from bot.matrix.transport import Transport, api_path
from briefings.model import ChatMessage

MAX_MESSAGES = 1000
PAGE_SIZE = 100
COMMAND_PREFIX = "!brief"


@dataclass(frozen=True, slots=True)
class ThreadRead:
    """The conversation of a thread and how many replies the server counts in it."""

    root: str
    messages: tuple[ChatMessage, ...]
    total: int
    latest_event: str


async def read_thread(
    transport: Transport,
    room_id: str,
    root_id: str,
    own_user: str,
    max_messages: int = MAX_MESSAGES,
) -> ThreadRead:
    """Root plus replies, oldest first; ``DeliveryError`` if the server refuses the read."""
    root = await transport.request("GET", api_path("v3", "rooms", room_id, "event", root_id))
    if not root.ok:
        raise DeliveryError(f"cannot read the thread root {root_id}: {root.describe()}")
    events: list[Mapping[str, Any]] = [root.data]
    token: str | None = None
    fetched = 0
    complete = False
    latest = root_id
    while fetched < max_messages:
        query: dict[str, str | int] = {"dir": "f", "limit": min(PAGE_SIZE, max_messages - fetched)}
        if token:
            query["from"] = token
        page = await transport.request(
            "GET", api_path("v1", "rooms", room_id, "relations", root_id, "m.thread", query=query)
        )
        if not page.ok:
            raise DeliveryError(f"cannot read the thread {root_id}: {page.describe()}")
        chunk = [e for e in page.data.get("chunk", []) if isinstance(e, dict)]
        events += chunk
        fetched += len(chunk)
        if chunk:
            latest = str(chunk[-1].get("event_id") or latest)
        next_token = page.data.get("next_batch")
        if not chunk or not isinstance(next_token, str) or not next_token:
            complete = True
            break
        token = next_token
    messages = tuple(m for m in (to_chat_message(e, own_user) for e in events) if m is not None)
    total = len(messages)
    counted = _thread_count(root.data)
    if not complete and counted is not None:
        # Cut short: count the unread replies too, so the summary says "N of M".
        total += max(0, counted + 1 - len(events))
    return ThreadRead(root_id, messages, total, latest)


def to_chat_message(event: Mapping[str, Any], own_user: str) -> ChatMessage | None:
    """A conversation message, or None for notices, commands, edits and non-text events."""
    if event.get("type") != "m.room.message" or event.get("sender") == own_user:
        return None
    content = event.get("content")
    if not isinstance(content, dict) or content.get("msgtype") not in ("m.text", "m.emote"):
        return None
    relation = content.get("m.relates_to")
    if isinstance(relation, dict) and relation.get("rel_type") == "m.replace":
        return None
    body = content.get("body")
    if not isinstance(body, str):
        return None
    text = strip_reply_fallback(body) if _is_rich_reply(relation) else body
    if not text.strip() or is_command(text):
        return None
    return ChatMessage(
        user=str(event.get("sender", "")), ts=str(event.get("event_id", "")), text=text
    )


def is_command(body: str) -> bool:
    """``!brief`` as its own word at the start (``!briefing`` is not a command)."""
    head = body.lstrip()[: len(COMMAND_PREFIX) + 1]
    return head[: len(COMMAND_PREFIX)].lower() == COMMAND_PREFIX and (
        len(head) == len(COMMAND_PREFIX) or head[-1].isspace()
    )


def strip_reply_fallback(body: str) -> str:
    """Drop the ``> <@user> quoted`` lines older clients put before a reply's own text."""
    lines = body.split("\n")
    n = 0
    while n < len(lines) and lines[n].startswith(">"):
        n += 1
    if n and n < len(lines) and not lines[n].strip():
        return "\n".join(lines[n + 1 :])
    return body


def _is_rich_reply(relation: object) -> bool:
    if not isinstance(relation, dict) or relation.get("is_falling_back"):
        return False
    return isinstance(relation.get("m.in_reply_to"), dict)


def _thread_count(root: Mapping[str, Any]) -> int | None:
    unsigned = root.get("unsigned")
    relations = unsigned.get("m.relations") if isinstance(unsigned, dict) else None
    thread = relations.get("m.thread") if isinstance(relations, dict) else None
    count = thread.get("count") if isinstance(thread, dict) else None
    return count if isinstance(count, int) else None
