"""Picking the bot's work out of a sync: invitations to answer, ``!brief`` commands, and
encrypted messages the bot cannot read.

Pure functions over the raw events (``event.source``), so the rules are tested without a
homeserver: the bot never answers itself or any ``m.notice`` (the spec's guard against bot
loops), never answers edits, and never answers history — neither what an initial sync
replays nor what a room shows from before the bot joined it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.matrix.threads import COMMAND_PREFIX, is_command


@dataclass(frozen=True, slots=True)
class IncomingCommand:
    """A ``!brief`` message: where it was sent, the words after the prefix, its thread root."""

    room_id: str
    event_id: str
    sender: str
    text: str
    thread_root: str | None = None


@dataclass(frozen=True, slots=True)
class Invitation:
    room_id: str
    inviter: str


class InvitePolicy:
    """Who may invite the bot: ``@user:server`` entries, server names, or ``*`` for anyone.

    An empty allowlist means users of the bot's own homeserver. The server of a *user* id is
    everything after its first colon; room ids are never parsed (v12 rooms have no server).
    """

    def __init__(self, allowed: Sequence[str], own_user: str) -> None:
        entries = [a.strip() for a in allowed if a.strip()]
        self.entries = tuple(entries) or (server_of(own_user),)

    def allows(self, user_id: str) -> bool:
        for entry in self.entries:
            if entry == "*" or entry == user_id:
                return True
            if not entry.startswith("@") and server_of(user_id) == entry.lstrip(":"):
                return True
        return False

    def describe(self) -> str:
        return ", ".join(self.entries)


def server_of(user_id: str) -> str:
    return user_id.partition(":")[2]


def invitations(invite_rooms: Mapping[str, Iterable[Any]], own_user: str) -> list[Invitation]:
    """The rooms whose invite state holds an invitation of the bot, with who sent it."""
    found: list[Invitation] = []
    for room_id, events in invite_rooms.items():
        for event in events:
            source = _source(event)
            content = source.get("content")
            if (
                source.get("type") == "m.room.member"
                and source.get("state_key") == own_user
                and isinstance(content, dict)
                and content.get("membership") == "invite"
            ):
                found.append(Invitation(room_id, str(source.get("sender", ""))))
                break
    return found


def commands_in_timeline(
    room_id: str, timeline: Sequence[Any], own_user: str
) -> list[IncomingCommand]:
    """The ``!brief`` messages of one room's new timeline, oldest first.

    When the bot's own join is in this timeline, everything before it is history the room
    showed the newcomer, never a command addressed to it.
    """
    sources = [_source(e) for e in timeline]
    start = 0
    for n, source in enumerate(sources):
        if _is_own_join(source, own_user):
            start = n + 1
    found: list[IncomingCommand] = []
    for source in sources[start:]:
        command = command_of(room_id, source, own_user)
        if command is not None:
            found.append(command)
    return found


def first_encrypted_message(timeline: Sequence[Any], own_user: str) -> str | None:
    """The event id of the first end-to-end encrypted message someone else sent in this new
    timeline, after the bot's own join: one the bot cannot read, be it a ``!brief`` or not.
    None when there is none."""
    sources = [_source(e) for e in timeline]
    start = 0
    for n, source in enumerate(sources):
        if _is_own_join(source, own_user):
            start = n + 1
    for source in sources[start:]:
        event_id = source.get("event_id")
        if (
            source.get("type") == "m.room.encrypted"
            and source.get("sender") != own_user
            and isinstance(event_id, str)
        ):
            return event_id
    return None


def command_of(room_id: str, source: Mapping[str, Any], own_user: str) -> IncomingCommand | None:
    if source.get("type") != "m.room.message" or source.get("sender") == own_user:
        return None
    content = source.get("content")
    if not isinstance(content, dict) or content.get("msgtype") != "m.text":
        return None  # m.notice is never answered: bots talk to people, not to bots
    body = content.get("body")
    event_id = source.get("event_id")
    if not isinstance(body, str) or not isinstance(event_id, str) or not is_command(body):
        return None
    relation = content.get("m.relates_to")
    root: str | None = None
    if isinstance(relation, dict):
        if relation.get("rel_type") == "m.replace" or "m.new_content" in content:
            return None
        if relation.get("rel_type") == "m.thread" and isinstance(relation.get("event_id"), str):
            root = relation["event_id"]
    text = body.lstrip()[len(COMMAND_PREFIX) :].strip()
    return IncomingCommand(room_id, event_id, str(source.get("sender", "")), text, root)


def _is_own_join(source: Mapping[str, Any], own_user: str) -> bool:
    content = source.get("content")
    if source.get("type") != "m.room.member" or source.get("state_key") != own_user:
        return False
    if not isinstance(content, dict) or content.get("membership") != "join":
        return False
    unsigned = source.get("unsigned")
    previous = unsigned.get("prev_content") if isinstance(unsigned, dict) else None
    # A profile change is a join after a join; only a real arrival cuts off history.
    return not (isinstance(previous, dict) and previous.get("membership") == "join")


def _source(event: Any) -> Mapping[str, Any]:
    if isinstance(event, Mapping):
        return event
    source = getattr(event, "source", None)
    if not isinstance(source, dict):
        return {}
    content = getattr(event, "content", None)
    if "content" not in source and isinstance(content, dict):
        # nio pops "content" out of the source of events in invited rooms.
        return {**source, "content": content}
    return source
