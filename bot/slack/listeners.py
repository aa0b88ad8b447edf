"""What the Slack app does with each request: ``/brief``, the share button, thread summaries.

Each handler acks first (Slack gives three seconds), then does the slow part: the command
handler and the chat engine run in worker threads because the store is synchronous.
Handlers take Slack payloads and turn them into the shared command objects; everything a
user sees comes from the renderer, and any failure reaches them as one short sentence
while the trace goes to the log. What must happen once, the answer to an event Slack may
retry and the post of a shared brief, is claimed in the store after the ack
(``bot.work_claims``), so a retry or a second click that reaches another replica does
nothing there either.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.app import Services
from bot.commands import BriefCommand, parse_command
from bot.delivery import DeliveryError
from bot.slack.destination import SlackDestination
from bot.slack.errors import TRANSPORT_ERRORS
from bot.slack.replies import ephemeral_replies, parse_share_value, share_value
from bot.slack.threads import ThreadUnreadable, UserNames, read_thread
from bot.work_claims import WorkClaims
from briefings.model import Brief, Notice
from briefings.pipeline import run_chat_engine

log = logging.getLogger(__name__)

Ack = Callable[..., Awaitable[Any]]
Respond = Callable[..., Awaitable[Any]]

SUMMARIZE_WORD = re.compile(r"\bsummar(?:i[sz]e|y)\b", re.IGNORECASE)
SUMMARIZE_SHORTCUT = "summarize_thread"


class SlackListeners:
    """The app's behaviour, independent of how requests arrive (HTTP or Socket Mode)."""

    def __init__(
        self,
        services: Services,
        client: AsyncWebClient,
        destination: SlackDestination,
        max_thread_messages: int = 300,
        thread_client: AsyncWebClient | None = None,
    ) -> None:
        self.services = services
        self.client = client
        # conversations.replies through a client that leaves 429s to read_thread, so the
        # thread's time budget covers the waits; without one, the shared client is used.
        self.thread_client = thread_client or client
        self.destination = destination
        self.names = UserNames(client)
        self.max_thread_messages = max_thread_messages
        # Events acted on: Slack retries one it thinks we missed (``X-Slack-Retry-Num``),
        # perhaps on another replica, and a thread must not be summarized twice for it.
        self.seen = WorkClaims(services.store)
        # Share clicks in flight or done, so that a double click, on this replica or
        # another, posts the brief once: apart from ``seen``, so that a burst of clicks
        # cannot push out of this process's memory the events Slack may still retry.
        self.shared = WorkClaims(services.store, capacity=256)

    # --- /brief ---------------------------------------------------------------------------

    async def command(self, ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        await ack()
        text = str(body.get("text") or "")
        channel = str(body.get("channel_id") or "")
        try:
            command = parse_command(text)
            reply = await asyncio.to_thread(
                self.services.handler.handle, command, f"slack:{channel}"
            )
            await self._respond_with(respond, reply)
        except Exception:
            log.exception("/brief failed in %s", channel)
            await _tell(respond, "Sorry, that failed on our side; the error was logged.")

    async def share(self, ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        await ack()
        actions = body.get("actions") or [{}]
        command = parse_share_value(str(actions[0].get("value") or ""))
        channel = str((body.get("channel") or {}).get("id") or "")
        if command is None or not channel:
            await _tell(respond, "That button no longer works; run the /brief command again.")
            return
        # The ephemeral message keeps its button until the brief is posted, which takes
        # seconds for a brief of several parts: a second click in that time is the same share.
        key = _click_key(body, channel)
        if not await self.shared.claim(key):
            await _tell(respond, "Already sharing this brief in the channel; one click is enough.")
            return
        if not await self._share(respond, command, channel):
            await self.shared.release(key)  # the user may fix the cause and click again
            return
        await respond(
            {
                "text": "Shared in the channel.",
                "replace_original": True,
                "response_type": "ephemeral",
            }
        )

    async def _share(self, respond: Respond, command: BriefCommand, channel: str) -> bool:
        """Post the brief in the channel; False, once the user is told why, if it was not."""
        try:
            reply = await asyncio.to_thread(
                self.services.handler.handle, command, f"slack:{channel}"
            )
        except Exception:
            log.exception("sharing a brief in %s failed", channel)
            await _tell(respond, "Sorry, sharing failed on our side; the error was logged.")
            return False
        if not isinstance(reply, Brief):
            # A notice (the topic is gone, the store failed) answers the person who
            # clicked; the channel was promised a brief, not an error and the help text.
            await self._answer_privately(respond, reply)
            return False
        try:
            await self.destination.post(channel, self.services.renderer.slack(reply))
        except DeliveryError as exc:
            log.warning("sharing a brief in %s failed: %s", channel, exc)
            await _tell(respond, _post_failed(exc))
            return False
        except Exception:
            log.exception("sharing a brief in %s failed", channel)
            await _tell(respond, "Sorry, sharing failed on our side; the error was logged.")
            return False
        return True

    async def _answer_privately(self, respond: Respond, notice: Notice) -> None:
        try:
            await self._respond_with(respond, notice)
        except Exception as exc:  # the response_url may have expired; nothing else to do
            log.warning("response_url refused a message: %s", type(exc).__name__)

    async def _respond_with(self, respond: Respond, reply: Brief | Notice) -> None:
        messages = self.services.renderer.slack_uncapped(reply)
        share = share_value(reply) if isinstance(reply, Brief) else None
        topic = reply.topic if isinstance(reply, Brief) else None
        for payload in ephemeral_replies(messages, share, topic):
            await respond(payload)

    # --- thread summaries -----------------------------------------------------------------

    async def mention(self, ack: Ack, body: dict[str, Any]) -> None:
        await ack()
        event = body.get("event") or {}
        channel = str(event.get("channel") or "")
        ts = str(event.get("ts") or "")
        event_id = str(body.get("event_id") or f"{channel}:{ts}")
        if not channel or not ts or not await self.seen.claim(f"slack:event:{event_id}"):
            return
        text = str(event.get("text") or "")
        if not SUMMARIZE_WORD.search(text):
            await self._hint(channel, str(event.get("user") or ""))
            return
        root = event.get("thread_ts")
        if not root:
            await self._post_sentence(
                channel,
                ts,
                'Mention me with "summarize" inside a thread, or use the message shortcut '
                '"Summarize thread".',
            )
            return
        sentence = await self._summarize(channel, str(root), request_ts=ts)
        if sentence:
            await self._post_sentence(channel, str(root), sentence)

    async def shortcut(self, ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        await ack()
        message = body.get("message") or {}
        channel = str((body.get("channel") or {}).get("id") or "")
        root = str(message.get("thread_ts") or message.get("ts") or "")
        if not channel or not root:
            await _tell(respond, "Use this shortcut on a message in a channel.")
            return
        sentence = await self._summarize(channel, root)
        if sentence:
            await _tell(respond, sentence)

    async def _summarize(
        self, channel: str, root: str, request_ts: str | None = None
    ) -> str | None:
        """Read, summarize and post in the thread; a sentence for the user if that failed.

        ``request_ts`` is the mention that asked, left out of the summary; the shortcut asks
        from outside the thread and has none."""
        try:
            thread = await read_thread(
                self.thread_client,
                channel,
                root,
                self.names,
                self.max_thread_messages,
                request_ts=request_ts,
            )
        except ThreadUnreadable as exc:
            return str(exc)
        try:
            summary = await asyncio.to_thread(run_chat_engine, thread.messages, thread.total)
            await self.destination.post(
                channel, self.services.renderer.slack(summary), thread_ts=root
            )
        except DeliveryError as exc:
            log.warning("posting a thread summary in %s failed: %s", channel, exc)
            return _post_failed(exc)
        except Exception:
            log.exception("summarizing thread %s in %s failed", root, channel)
            return "Sorry, I could not summarize this thread; the error was logged."
        return None

    async def _post_sentence(self, channel: str, thread_ts: str, sentence: str) -> None:
        try:
            await self.destination.post(
                channel, self.services.renderer.slack(Notice(sentence)), thread_ts=thread_ts
            )
        except DeliveryError as exc:
            log.warning("could not tell %s: %s", channel, exc)

    async def _hint(self, channel: str, user: str) -> None:
        if not user:
            return
        try:
            await self.client.chat_postEphemeral(
                channel=channel,
                user=user,
                text='Try `/brief help`, or mention me with "summarize" inside a thread.',
            )
        except TRANSPORT_ERRORS as exc:
            log.info("could not send a hint in %s: %s", channel, type(exc).__name__)


def _click_key(body: dict[str, Any], channel: str) -> str:
    """One share button as the user saw it: its message (each /brief answer is a message of
    its own), or the click's response_url where Slack gave no message, and its value.

    Hashed: the store keeps the key a day, and a response_url may post for half an hour."""
    container = body.get("container") or {}
    message = str(container.get("message_ts") or body.get("response_url") or "")
    user = str((body.get("user") or {}).get("id") or "")
    value = str(((body.get("actions") or [{}])[0]).get("value") or "")
    button = f"{channel}|{user}|{message}|{value}".encode("utf-8", "surrogatepass")
    return f"slack:share:{hashlib.sha256(button).hexdigest()}"


def _post_failed(exc: DeliveryError) -> str:
    """What the user can do about a post Slack refused; only a passing failure is worth a
    retry, and an invitation helps only a bot that is not in the channel."""
    error = str(exc)
    if "is_archived" in error:
        return "This channel is archived, so nothing can be posted in it."
    # restricted_action with its _read_only_channel, _thread_only_channel …; and posting
    # suspended by the workspace's admins (Enterprise Key Management).
    if "restricted_action" in error or "ekm_access_denied" in error:
        return "This workspace does not let me post in this channel; ask a workspace admin."
    if "msg_too_long" in error:
        # Every part is split to fit Slack's limits before it is sent: this is a bug.
        log.error("Slack refused a message as too long, though it was split to fit: %s", exc)
        return "Slack refused the message as too long, so it was not posted; the error was logged."
    if "not_in_channel" in error or "channel_not_found" in error:
        return "I can't post in this channel; invite me to it (/invite) and try again."
    return "Slack did not take the message just now; please try again in a minute."


async def _tell(respond: Respond, sentence: str) -> None:
    try:
        await respond({"text": sentence, "response_type": "ephemeral"})
    except Exception as exc:  # the user's response_url may have expired; nothing else to do
        log.warning("response_url refused a message: %s", type(exc).__name__)
