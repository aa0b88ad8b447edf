"""Reading a Matrix thread: the root event and its newest ``m.thread`` relations, in order.

The relations API pages backward from the newest reply (``dir=b``), so a thread longer than
the read cap is summarized from its root and its newest messages, where the conversation
stands now, as on Slack; the server's own aggregation on the root
(``unsigned.m.relations.m.thread.count``) says how many replies exist, so a summary of a
cut-short read can say "N of M messages". Notices (bots, including this one) and ``!brief``
commands are not part of the conversation: they are left out of the summary and its count.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.delivery import DeliveryError
from bot.matrix.transport import Transport, api_path
from briefings.model import ChatMessage

log = logging.getLogger(__name__)

MAX_MESSAGES = 1000
PAGE_SIZE = 100
# Requests of one read: a thread crowded with notices and commands still ends its read.
MAX_PAGES = 30
COMMAND_PREFIX = "!brief"


@dataclass(frozen=True, slots=True)
class ThreadRead:
    """The conversation of a thread and how many messages it holds in all (for "N of M")."""

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
    max_pages: int = MAX_PAGES,
) -> ThreadRead:
    """The root and the newest replies people wrote, oldest first, at most ``max_messages``
    in all; ``DeliveryError`` if the server refuses the read.

    Slack's rule (``bot.slack.threads``), so that a summary says the same on either
    platform: the root says what the thread is about and the newest where it stands now,
    which is what someone asking for a summary has missed; the oldest replies of a long
    thread are the ones left out. The total counts every message of the thread (the
    server's count of a read cut short) less the notices and commands among those read,
    so ``!brief summarize`` itself, the newest, is never one of the "M messages".
    """
    root = await transport.request("GET", api_path("v3", "rooms", room_id, "event", root_id))
    if not root.ok:
        raise DeliveryError(f"cannot read the thread root {root_id}: {root.describe()}")
    head = to_chat_message(root.data, own_user)
    room = max(max_messages - (head is not None), 0)
    newest: list[ChatMessage] = []  # newest first, as the pages come
    read = 1  # the root
    skipped = 0 if head is not None else 1
    token: str | None = None
    complete = False
    latest = root_id
    pages = 0
    while len(newest) < room:
        if pages == max_pages:
            log.warning(
                "matrix: thread %s in %s: stopped reading after %d events (%d requests)",
                root_id,
                room_id,
                read,
                max_pages,
            )
            break
        query: dict[str, str | int] = {"dir": "b", "limit": min(PAGE_SIZE, room - len(newest))}
        if token:
            query["from"] = token
        page = await transport.request(
            "GET", api_path("v1", "rooms", room_id, "relations", root_id, "m.thread", query=query)
        )
        if not page.ok:
            raise DeliveryError(f"cannot read the thread {root_id}: {page.describe()}")
        pages += 1
        chunk = [e for e in page.data.get("chunk", []) if isinstance(e, dict)]
        if chunk and latest == root_id:
            latest = str(chunk[0].get("event_id") or latest)
        for event in chunk:
            read += 1
            message = to_chat_message(event, own_user)
            if message is None:
                skipped += 1
            elif len(newest) < room:
                newest.append(message)
        next_token = page.data.get("next_batch")
        if not chunk or not isinstance(next_token, str) or not next_token:
            complete = True
            break
        token = next_token
    messages = tuple(([head] if head is not None else []) + newest[::-1])
    counted = _thread_count(root.data)
    total = read if complete or counted is None else max(read, counted + 1)
    # Cut short, the unread replies are counted in; a full read says "N of N".
    return ThreadRead(root_id, messages, max(len(messages), total - skipped), latest)


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
