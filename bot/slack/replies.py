"""The ephemeral answer to ``/brief``: rendered parts, a "Share in channel" button, and the
``response_url`` budget.

Pure functions (no I/O) so the limits are tested without Slack: a ``response_url`` takes
at most five posts, so a brief longer than that ends with a note that gives its true size
and points to ``since:`` and to sharing (which posts at most the renderer's cap); the share
button carries only the topic and the time window (its value must stay under 2,000
characters), and the click builds the brief again server-side.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from bot.commands import BriefCommand, parse_command
from briefings.model import Brief
from briefings.render import SLACK_MAX_BLOCKS, SLACK_MAX_MESSAGES, escape_mrkdwn

SHARE_ACTION = "share_brief"
RESPONSE_URL_USES = 5
SHARE_VALUE_LIMIT = 2000

Message = dict[str, Any]


def share_value(brief: Brief) -> str:
    """What the button needs to rebuild this brief: the topic and the exact window."""
    since = brief.since.isoformat() if brief.since else None
    value = json.dumps({"topic": brief.topic, "since": since}, separators=(",", ":"))
    if len(value) > SHARE_VALUE_LIMIT:  # a topic name is at most 64 characters
        raise ValueError("share button value too long")
    return value


def parse_share_value(value: str) -> BriefCommand | None:
    """The brief command a share click asks for, or None for anything malformed."""
    try:
        data = json.loads(value)
    except (TypeError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("topic"), str):
        return None
    command = parse_command(data["topic"])
    if not isinstance(command, BriefCommand) or command.topic != data["topic"]:
        return None
    since_text = data.get("since")
    if since_text is None:
        return command
    if not isinstance(since_text, str):
        return None
    try:
        since = datetime.fromisoformat(since_text)
    except ValueError:
        return None
    if since.tzinfo is None:
        return None
    return BriefCommand(command.topic, since)


def share_block(value: str) -> dict[str, Any]:
    return {
        "type": "actions",
        "elements": [
            {
                "type": "button",
                "action_id": SHARE_ACTION,
                "text": {"type": "plain_text", "text": "Share in channel"},
                "value": value,
            }
        ],
    }


def ephemeral_replies(
    messages: list[Message], share: str | None, topic: str | None = None
) -> list[Message]:
    """What to send through ``response_url``: at most five ephemeral messages.

    ``messages`` is the whole rendering, before the renderer's cap, so a longer brief can say
    how long it really is and what sharing it would post.

    The share button is a block of its own and never takes the place of one: it ends the last
    message, or comes in a message after it when that one holds its 50 blocks already. A brief
    of five messages whose fifth is full would need a sixth use for the button, so it is cut
    like a longer one: four messages, then the note (which says the brief's true size and
    that sharing posts it whole) with the button.
    """
    parts = [dict(m) for m in messages] or [{"text": "", "blocks": []}]
    button_alone = share is not None and len(parts[-1].get("blocks") or []) >= SLACK_MAX_BLOCKS
    if len(parts) + (1 if button_alone else 0) > RESPONSE_URL_USES:
        kept = parts[: RESPONSE_URL_USES - 1]
        hint = f"`/brief {escape_mrkdwn(topic)} since:1d`" if topic else "`since:1d`"
        if len(parts) <= SLACK_MAX_MESSAGES:
            share_says = f"Share it in the channel to post it whole, or narrow it with {hint}."
        else:
            share_says = (
                f"Sharing it in the channel posts the first {SLACK_MAX_MESSAGES - 1} and says "
                f"what it left out; narrow it with {hint} to get all of it."
            )
        note = (
            f"This brief runs to {len(parts)} messages; Slack lets me show {len(kept)} here. "
            + share_says
        )
        parts = [
            *kept,
            {
                "text": note,
                "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": note}}],
            },
        ]
    if share is not None:
        last = parts[-1]
        blocks = list(last.get("blocks") or [])
        if len(blocks) < SLACK_MAX_BLOCKS:
            last["blocks"] = [*blocks, share_block(share)]
        else:  # room for a message of its own was made above
            parts.append({"text": "Share this brief", "blocks": [share_block(share)]})
    return [{**p, "response_type": "ephemeral"} for p in parts]
