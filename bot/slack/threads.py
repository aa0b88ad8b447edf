"""Reading a Slack thread into platform-neutral ``ChatMessage`` objects.

``conversations.replies`` is paged with ``limit`` ≤ 15 (Slack's cap for apps outside the
Marketplace since 2025) and stops at the thread's end, a request cap, the first page it
cannot get, or when the time budget is spent; of a long thread it keeps the root and the
newest messages, so a long or rate-limited thread still yields a summary of where the
conversation stands that says how much of it was read. The ``429 Retry-After`` waits are
taken here rather than by the client's retry handler, so the budget counts them and a wait
that would pass it is never started. Slack markup (``<@U1>``, ``<!channel>``,
``<https://x|label>``, ``&lt;``) becomes plain text here; the renderer escapes it again on
the way out, so nothing a user wrote can ping or forge a link in the summary.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.errors import TRANSPORT_ERRORS, api_error, retry_after
from briefings.model import ChatMessage

log = logging.getLogger(__name__)

PAGE_LIMIT = 15
DEFAULT_MAX_MESSAGES = 300
# Requests of one read: 1,500 messages, about what Slack's rate limit lets through in the
# time budget; a thread longer still is summarized from its root and the newest of those.
DEFAULT_MAX_PAGES = 100
# Past this, summarize what was read rather than keep someone waiting on rate limits.
DEFAULT_BUDGET_SECONDS = 120.0
# 429s on one page waited out before the read stops there (as the client's own handler did).
PAGE_RATE_LIMIT_RETRIES = 3

_MARKUP = re.compile(r"<([^<>]*)>")


class ThreadUnreadable(Exception):
    """Not even the first page could be read; the message is one sentence for the user."""


@dataclass(frozen=True, slots=True)
class ThreadRead:
    """The messages people wrote, and how many the thread holds in all (for "N of M")."""

    messages: tuple[ChatMessage, ...]
    total: int


def plain_text(text: str, names: Mapping[str, str] | None = None) -> str:
    """Slack message markup to what a reader sees, without any live mention or link."""
    names = names or {}

    def replace(match: re.Match[str]) -> str:
        inner = match.group(1)
        target, _, label = inner.partition("|")
        if target.startswith("@"):
            uid = target[1:]
            return "@" + (label or names.get(uid) or uid)
        if target.startswith("#"):
            return "#" + (label or target[1:])
        if target.startswith("!"):
            special = target[1:]
            if special.startswith("subteam^"):
                return "@" + (label.lstrip("@") or "group")
            if special.startswith("date"):
                return label or "a date"
            return "@" + special
        return f"{label} ({target})" if label and label != target else target

    text = _MARKUP.sub(replace, text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def mentioned_user_ids(text: str) -> list[str]:
    return re.findall(r"<@([A-Z0-9]+)(?:\|[^>]*)?>", text)


class UserNames:
    """``users.info`` with a small cache: one lookup per person, not per message."""

    def __init__(self, client: AsyncWebClient, capacity: int = 512) -> None:
        self.client = client
        self.capacity = capacity
        self._cache: OrderedDict[str, str] = OrderedDict()

    async def name(self, user_id: str) -> str:
        if user_id in self._cache:
            self._cache.move_to_end(user_id)
            return self._cache[user_id]
        name = user_id
        try:
            response = await self.client.users_info(user=user_id)
            user = response.get("user") or {}
            profile = user.get("profile") or {}
            name = (
                profile.get("display_name")
                or profile.get("real_name")
                or user.get("real_name")
                or user.get("name")
                or user_id
            )
        except TRANSPORT_ERRORS as exc:
            # A missing name is cosmetic; the id still identifies the speaker.
            log.info("users.info for %s failed: %s", user_id, api_error(exc))
        self._cache[user_id] = name
        if len(self._cache) > self.capacity:
            self._cache.popitem(last=False)
        return name


async def read_thread(
    client: AsyncWebClient,
    channel: str,
    root_ts: str,
    names: UserNames | None = None,
    max_messages: int = DEFAULT_MAX_MESSAGES,
    budget_seconds: float = DEFAULT_BUDGET_SECONDS,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    request_ts: str | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> ThreadRead:
    """The people's messages of a thread, oldest first, with the thread's total count.

    Of a thread longer than ``max_messages``, the root and the newest messages are kept:
    the root says what the thread is about, the newest where the conversation stands now,
    which is what someone asking for a summary has missed. Slack pages a thread only
    forward from its root, so reading goes on past ``max_messages`` (only that many are
    held) until the thread ends, ``max_pages`` requests were made or ``budget_seconds``
    have passed, waits for ``429 Retry-After`` included (Slack may allow one request a
    minute); the newest are then the newest of what was read. The total still counts every
    message of the thread. ``client`` should not retry 429s itself
    (``build_web_client(..., rate_limit_retries=0)``), or its waits escape the budget.
    ``request_ts`` is the message that asked for the summary ("@briefbot summarize"): it is
    part of the thread but not of the conversation, so it is neither summarized nor counted.
    """
    kept = _Kept(root_ts, max_messages, request_ts)
    cursor: str | None = None
    reply_count: int | None = None
    started = clock()
    retries = 0
    pages = 0
    while pages < max_pages:
        if pages and clock() - started > budget_seconds:
            log.warning(
                "thread %s/%s: stopped reading after %d messages (time budget)",
                channel,
                root_ts,
                kept.seen,
            )
            break
        try:
            page = await client.conversations_replies(
                channel=channel, ts=root_ts, limit=PAGE_LIMIT, cursor=cursor
            )
        except TRANSPORT_ERRORS as exc:
            wait = retry_after(exc)
            if (
                wait is not None
                and retries < PAGE_RATE_LIMIT_RETRIES
                and clock() + wait - started <= budget_seconds
            ):
                retries += 1
                log.info("thread %s/%s: rate limited, waiting %.0f s", channel, root_ts, wait)
                await sleep(wait)
                continue
            if not pages:
                raise ThreadUnreadable(_unreadable(exc)) from exc
            log.warning(
                "thread %s/%s cut short after %d messages: %s",
                channel,
                root_ts,
                kept.seen,
                api_error(exc),
            )
            break
        retries = 0
        pages += 1
        batch = [m for m in page.get("messages") or [] if isinstance(m, dict)]
        if reply_count is None and batch and batch[0].get("ts") == root_ts:
            reply_count = int(batch[0].get("reply_count") or 0)
        kept.add(batch)
        cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
        if not cursor or not batch or not page.get("has_more", True):
            break
    else:
        log.warning(
            "thread %s/%s: stopped reading after %d messages (%d requests)",
            channel,
            root_ts,
            kept.seen,
            max_pages,
        )
    total = max(kept.seen, (reply_count or 0) + 1)
    people = kept.messages()
    names = names or UserNames(client)
    messages = []
    for m in people:
        uid = str(m.get("user") or "")
        lookups = {
            u: await names.name(u) for u in {uid, *mentioned_user_ids(m.get("text", ""))} if u
        }
        messages.append(
            ChatMessage(
                user=lookups.get(uid, uid) or "someone",
                ts=str(m.get("ts", "")),
                text=plain_text(str(m.get("text") or ""), lookups),
            )
        )
    # Bot posts are not part of the conversation: count them out of the total as well,
    # so a thread read in full says "N of N".
    return ThreadRead(tuple(messages), max(len(messages), total - kept.skipped))


class _Kept:
    """What a thread read holds on to: the root, the newest ``size`` messages people wrote
    (fewer by one when the root is kept), and counts of all it saw and all it left out."""

    def __init__(self, root_ts: str, size: int, request_ts: str | None) -> None:
        self.root_ts = root_ts
        self.size = size
        self.request_ts = request_ts
        self.root: dict[str, Any] | None = None
        self.newest: deque[dict[str, Any]] = deque(maxlen=max(size, 0))
        self.seen = 0
        self.skipped = 0
        self._root_seen = False

    def add(self, batch: list[dict[str, Any]]) -> None:
        for message in batch:
            ts = message.get("ts")
            if ts == self.root_ts:
                if self._root_seen:  # should a page repeat the root, it is one message
                    continue
                self._root_seen = True
            self.seen += 1
            if not _written_by_a_person(message) or ts == self.request_ts:
                self.skipped += 1
            elif ts == self.root_ts:
                self.root = message
            else:
                self.newest.append(message)

    def messages(self) -> list[dict[str, Any]]:
        """The root, then the newest, oldest first: at most ``size``."""
        head = [self.root] if self.root is not None else []
        newest = list(self.newest)
        room = max(self.size - len(head), 0)
        return (head + newest[len(newest) - room :])[: max(self.size, 0)]


# Messages Slack puts in a thread that nobody wrote to the others: what is left of a deleted
# message ("This message was deleted.", by USLACKBOT), joins, renames, pins, bot posts.
NOT_CONVERSATION = frozenset(
    {
        "bot_message",
        "thread_broadcast_bot",
        "tombstone",
        "channel_join",
        "channel_leave",
        "group_join",
        "group_leave",
        "channel_topic",
        "channel_purpose",
        "channel_name",
        "channel_archive",
        "channel_unarchive",
        "pinned_item",
        "unpinned_item",
        "reminder_add",
    }
)


def _written_by_a_person(message: Mapping[str, Any]) -> bool:
    """A message someone wrote to the others. One that only shares a file is one too: it
    counts as read, so a thread of pictures does not say "0 of 0", but it has no text to
    summarize (file titles are names, not statements)."""
    if message.get("bot_id") or message.get("subtype") in NOT_CONVERSATION:
        return False
    said = bool(str(message.get("text") or "").strip())
    return bool(message.get("user")) and (
        said or bool(message.get("files")) or bool(message.get("attachments"))
    )


def _unreadable(exc: BaseException) -> str:
    error = api_error(exc)
    if error in {"not_in_channel", "channel_not_found"}:
        return "I can't read this conversation; invite me to the channel first."
    if error == "thread_not_found":
        return "I could not find that thread."
    return "Slack did not let me read this thread right now; please try again in a minute."
