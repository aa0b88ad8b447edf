"""Which events the Matrix bot acts on: commands, invitations, and everything it must ignore."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from bot.matrix.listener import (
    IncomingCommand,
    InvitePolicy,
    commands_in_timeline,
    first_encrypted_message,
    invitations,
)

pytestmark = pytest.mark.unit

BOT = "@briefbot:example.org"
ROOM = "!AbCdEf-room-v12"


def message(body: str, sender: str = "@alice:example.org", n: int = 1, **content: Any) -> dict:
    return {
        "type": "m.room.message",
        "sender": sender,
        "event_id": f"$m{n}",
        "content": {"msgtype": "m.text", "body": body, **content},
    }


def member(user: str, membership: str, previous: str | None = None) -> dict:
    event: dict[str, Any] = {
        "type": "m.room.member",
        "sender": user,
        "state_key": user,
        "event_id": f"$join-{membership}",
        "content": {"membership": membership},
    }
    if previous:
        event["unsigned"] = {"prev_content": {"membership": previous}}
    return event


def test_a_brief_command_is_recognised_whatever_its_case() -> None:
    found = commands_in_timeline(ROOM, [message("  !BRIEF donbass since:2d ")], BOT)
    assert found == [IncomingCommand(ROOM, "$m1", "@alice:example.org", "donbass since:2d")]


@pytest.mark.parametrize("body", ["!briefing now", "brief donbass", "say !brief donbass", ""])
def test_other_messages_are_not_commands(body: str) -> None:
    assert commands_in_timeline(ROOM, [message(body)], BOT) == []


def test_a_bare_prefix_asks_for_help() -> None:
    [command] = commands_in_timeline(ROOM, [message("!brief")], BOT)
    assert command.text == ""


def test_notices_and_the_bots_own_messages_are_never_answered() -> None:
    notice = message("!brief donbass", msgtype="m.notice")
    own = message("!brief donbass", sender=BOT, n=2)
    emote = message("!brief donbass", n=3, msgtype="m.emote")
    assert commands_in_timeline(ROOM, [notice, own, emote], BOT) == []


def test_edits_are_not_answered_again() -> None:
    edit = message(
        "!brief donbass",
        **{
            "m.new_content": {"msgtype": "m.text", "body": "!brief donbass"},
            "m.relates_to": {"rel_type": "m.replace", "event_id": "$m0"},
        },
    )
    assert commands_in_timeline(ROOM, [edit], BOT) == []


def test_a_command_in_a_thread_knows_its_root() -> None:
    relation = {"rel_type": "m.thread", "event_id": "$root", "is_falling_back": True}
    [command] = commands_in_timeline(
        ROOM, [message("!brief summarize", **{"m.relates_to": relation})], BOT
    )
    assert command.thread_root == "$root"
    assert command.text == "summarize"


def test_a_plain_reply_is_not_a_thread() -> None:
    relation = {"m.in_reply_to": {"event_id": "$other"}}
    [command] = commands_in_timeline(
        ROOM, [message("!brief summarize", **{"m.relates_to": relation})], BOT
    )
    assert command.thread_root is None


def test_history_before_the_bots_join_is_not_answered() -> None:
    timeline = [
        message("!brief help", n=1),
        member(BOT, "join"),
        message("!brief topics", n=2),
    ]
    assert [c.text for c in commands_in_timeline(ROOM, timeline, BOT)] == ["topics"]


def test_a_profile_change_of_the_bot_does_not_hide_commands() -> None:
    timeline = [message("!brief help", n=1), member(BOT, "join", previous="join")]
    assert [c.text for c in commands_in_timeline(ROOM, timeline, BOT)] == ["help"]


def encrypted(sender: str = "@alice:example.org", n: int = 9) -> dict:
    content = {"algorithm": "m.megolm.v1.aes-sha2", "ciphertext": "AwgAEn…", "session_id": "s"}
    return {"type": "m.room.encrypted", "sender": sender, "event_id": f"$e{n}", "content": content}


def test_an_encrypted_message_from_someone_else_after_the_join_is_seen() -> None:
    after_join = [member(BOT, "join"), encrypted(n=1), encrypted(n=2)]
    # The first: every replica, seeing the same timeline, claims the same one.
    assert first_encrypted_message(after_join, BOT) == "$e1"
    # From before the bot came, or its own: nothing to say.
    assert first_encrypted_message([encrypted(), member(BOT, "join")], BOT) is None
    assert first_encrypted_message([encrypted(sender=BOT)], BOT) is None
    assert first_encrypted_message([message("!brief help")], BOT) is None


@dataclass
class NioInviteEvent:
    """Like nio's InviteMemberEvent: ``content`` popped out of ``source``."""

    source: dict[str, Any]
    content: dict[str, Any] = field(default_factory=dict)


def test_invitations_of_the_bot_are_found_with_their_inviter() -> None:
    create = {"type": "m.room.create", "sender": "@alice:example.org", "content": {}}
    invite_source = {"type": "m.room.member", "sender": "@alice:example.org", "state_key": BOT}
    invite = NioInviteEvent(invite_source, {"membership": "invite"})
    other = {
        "type": "m.room.member",
        "sender": "@alice:example.org",
        "state_key": "@carol:example.org",
        "content": {"membership": "invite"},
    }
    found = invitations({ROOM: [create, invite], "!other": [other]}, BOT)
    assert [(i.room_id, i.inviter) for i in found] == [(ROOM, "@alice:example.org")]


def test_by_default_only_users_of_the_bots_homeserver_may_invite() -> None:
    policy = InvitePolicy([], BOT)
    assert policy.allows("@alice:example.org")
    assert not policy.allows("@mallory:evil.example")
    assert not policy.allows("@mallory:example.org.evil.example")


def test_the_allowlist_takes_users_servers_and_a_wildcard() -> None:
    policy = InvitePolicy(["@carol:other.org", ":partner.org", "hs.example:8448"], BOT)
    assert policy.allows("@carol:other.org")
    assert not policy.allows("@dave:other.org")
    assert policy.allows("@erin:partner.org")
    assert policy.allows("@frank:hs.example:8448")
    assert not policy.allows("@alice:example.org")  # an explicit list replaces the default
    assert InvitePolicy(["*"], BOT).allows("@anyone:anywhere.example")
