"""Posting rendered messages to Slack channels: the digest destination, shares and replies.

A message the renderer split in several parts is posted as the first part in the channel
and the rest threaded under it, with link previews off (a digest full of links otherwise
becomes a wall of preview cards). ``send`` returns only when Slack accepted every part;
otherwise it raises ``DeliveryError`` so the scheduler keeps the digest pending, or, for a
refusal no retry can change (a refused token, a channel the bot may not post in), a
permanent one naming what to do, so that it gives the digest up at once. A digest
goes through ``send_parts``: the scheduler keeps its parts and progress in the store, so a
retry, even after a restart, continues the same thread. ``post`` (shares, replies)
remembers the parts already accepted in memory, so posting the same message again
continues its thread instead of posting the first part again.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.delivery import NOTHING_SENT, DeliveryError, OnAccepted, Part, Progress, Renderable
from bot.slack.errors import (
    AUTH_ERRORS,
    CHANNEL_REFUSALS,
    CONNECTION_ERRORS,
    TRANSPORT_ERRORS,
    api_error,
    retry_after,
)
from briefings.render import Renderer

log = logging.getLogger(__name__)

Message = dict[str, Any]


class SlackDestination:
    """``slack:<channel id>`` for the router; ``post`` for everything else that posts."""

    prefix = "slack"

    def __init__(self, client: AsyncWebClient, renderer: Renderer, memory: int = 256) -> None:
        self.client = client
        self.renderer = renderer
        self.memory = memory
        # rendered message -> ts of the parts Slack already accepted (for resuming a retry)
        self._accepted: OrderedDict[str, list[str]] = OrderedDict()

    def render(self, obj: Renderable) -> list[Part]:
        return self.renderer.slack(obj)

    async def send(self, target: str, obj: Renderable) -> None:
        _check_channel(target)
        await self.post(target, self.render(obj))

    async def send_parts(
        self,
        target: str,
        parts: Sequence[Part],
        progress: Progress = NOTHING_SENT,
        on_accepted: OnAccepted | None = None,
    ) -> None:
        """Post the parts Slack has not accepted yet, threaded under the first one."""
        _check_channel(target)
        for message in parts[progress.accepted :]:
            progress = progress.after(await self._post_one(target, message, progress.first_id))
            if on_accepted is not None:
                on_accepted(progress)

    async def post(
        self, channel: str, messages: list[Message], thread_ts: str | None = None
    ) -> list[str]:
        """Post every part; continuation parts go into the thread of the first one."""
        key = _fingerprint(channel, thread_ts, messages)
        accepted = self._accepted.pop(key, [])
        try:
            for index, message in enumerate(messages):
                if index < len(accepted):
                    continue
                parent = thread_ts or (accepted[0] if accepted else None)
                accepted.append(await self._post_one(channel, message, parent))
        except DeliveryError:
            if accepted:
                self._accepted[key] = accepted
                while len(self._accepted) > self.memory:
                    self._accepted.popitem(last=False)
            raise
        return accepted

    async def _post_one(self, channel: str, message: Message, thread_ts: str | None) -> str:
        try:
            try:
                response = await self._chat_post(channel, message, thread_ts)
            except CONNECTION_ERRORS:
                # The connection dropped, perhaps after Slack took the post (the client does
                # not resend a post on its own): look before posting it again.
                landed = await self._landed(channel, message, thread_ts)
                if landed is not None:
                    return landed
                response = await self._chat_post(channel, message, thread_ts)
        except (*TRANSPORT_ERRORS, *CONNECTION_ERRORS) as exc:
            error = api_error(exc)
            if error in AUTH_ERRORS:
                raise DeliveryError(
                    f"Slack refused the bot token ({error}) posting to {channel}: set "
                    "SLACK_BOT_TOKEN to the app's Bot User OAuth Token (xoxb-…) and restart "
                    "briefbot",
                    permanent=True,
                ) from exc
            if error == "missing_scope":
                # Only adding the scope and reinstalling the app can change this.
                raise DeliveryError(
                    f"Slack refused the post to {channel} (missing_scope): the app lacks a "
                    "scope the bot needs (chat:write, and chat:write.public to post in "
                    "channels it has not joined): add it under OAuth & Permissions, reinstall "
                    "the app to the workspace and restart briefbot",
                    permanent=True,
                ) from exc
            if error in CHANNEL_REFUSALS:
                raise DeliveryError(
                    f"Slack did not take the message for {channel}: {error}; "
                    + CHANNEL_REFUSALS[error],
                    permanent=True,
                ) from exc
            # A 429 that outlasted the client's own retries: the next attempt of a digest
            # waits as long as Slack asked.
            raise DeliveryError(
                f"Slack did not take the message for {channel}: {error}",
                retry_after=retry_after(exc),
            ) from exc
        ts = response.get("ts")
        if not response.get("ok") or not isinstance(ts, str):
            raise DeliveryError(f"Slack did not confirm the message for {channel}")
        return ts

    async def _chat_post(self, channel: str, message: Message, thread_ts: str | None) -> Any:
        return await self.client.chat_postMessage(
            channel=channel,
            text=message.get("text", ""),
            blocks=message.get("blocks") or None,
            thread_ts=thread_ts,
            unfurl_links=False,
            unfurl_media=False,
        )

    async def _landed(self, channel: str, message: Message, thread_ts: str | None) -> str | None:
        """The ts of ``message`` if a bot already posted it here, among the thread's replies
        or the channel's latest messages; None when it is not there or Slack cannot say."""
        wanted = _signature(message)
        try:
            if thread_ts is not None:
                found = await self.client.conversations_replies(
                    channel=channel, ts=thread_ts, limit=_LOOK_BACK
                )
            else:
                found = await self.client.conversations_history(channel=channel, limit=_LOOK_BACK)
        except (*TRANSPORT_ERRORS, *CONNECTION_ERRORS) as exc:
            log.warning("could not check %s for a post that may have landed: %s", channel, exc)
            return None
        for item in reversed(found.get("messages") or []):
            ts = item.get("ts")
            if item.get("bot_id") and isinstance(ts, str) and _signature(item) == wanted:
                return ts
        return None


# How many of the latest messages are read to see whether a post landed before its
# connection dropped: a digest's thread is a few parts long, and a channel's newest
# messages hold the part just posted.
_LOOK_BACK = 50


def _signature(message: Message) -> tuple[str, tuple[str, ...]]:
    """What tells one posted part from another: the fallback text, which every part of a
    digest shares, and the text of its blocks, which Slack gives back as it was sent."""
    texts: list[str] = []
    for block in message.get("blocks") or []:
        if isinstance(block, dict):
            inner = block.get("text")
            if isinstance(inner, dict) and isinstance(inner.get("text"), str):
                texts.append(inner["text"])
            for element in block.get("elements") or []:
                if isinstance(element, dict) and isinstance(element.get("text"), str):
                    texts.append(element["text"])
    return str(message.get("text", "")), tuple(texts)


def _check_channel(target: str) -> None:
    if not target:
        raise DeliveryError("a Slack destination needs a channel id, e.g. slack:C0123")


def _fingerprint(channel: str, thread_ts: str | None, messages: list[Message]) -> str:
    payload = json.dumps([channel, thread_ts, messages], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()
