"""Reading a Matrix thread: pagination, what counts as conversation, and "N of M"."""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from bot.delivery import DeliveryError
from bot.matrix.threads import read_thread, strip_reply_fallback, to_chat_message
from bot.matrix.transport import HttpReply
from briefings.model import ChatMessage
from tests.unit.matrix_fakes import ScriptedTransport

pytestmark = pytest.mark.unit

BOT = "@briefbot:example.org"


def event(n: int, body: str, sender: str = "@alice:example.org", **content: Any) -> dict:
    return {
        "type": "m.room.message",
        "event_id": f"$e{n}",
        "sender": sender,
        "content": {"msgtype": "m.text", "body": body, **content},
    }


def root_with_count(count: int) -> dict:
    root = event(0, "Should Kyiv accept?")
    root["unsigned"] = {"m.relations": {"m.thread": {"count": count}}}
    return root


def test_thread_pages_are_read_back_from_the_newest_until_the_end() -> None:
    transport = ScriptedTransport(
        HttpReply(200, root_with_count(4)),
        HttpReply(
            200,
            {"chunk": [event(4, "!brief summarize"), event(3, "Maybe?")], "next_batch": "p2"},
        ),
        HttpReply(200, {"chunk": [event(2, "Yes."), event(1, "No.")]}),
    )
    thread = asyncio.run(read_thread(transport, "!room", "$e0", BOT))
    assert [m.text for m in thread.messages] == ["Should Kyiv accept?", "No.", "Yes.", "Maybe?"]
    assert thread.total == 4, "the command that asked is not one of the messages"
    assert thread.latest_event == "$e4"
    paths = [path for _, path, _ in transport.requests]
    assert paths[0] == "/_matrix/client/v3/rooms/%21room/event/%24e0"
    first, second = (parse_qs(urlparse(p).query) for p in paths[1:])
    assert urlparse(paths[1]).path == "/_matrix/client/v1/rooms/%21room/relations/%24e0/m.thread"
    assert first["dir"] == ["b"] and "from" not in first
    assert second["from"] == ["p2"]


def test_a_long_thread_keeps_its_root_and_newest_replies_and_counts_the_unread() -> None:
    # Twelve replies: eleven people's messages, then the command. A cap of five keeps the
    # root and the newest four, as Slack does, and counts the command out of the twelve.
    newest_first = [event(12, "!brief summarize")]
    newest_first += [event(n, f"turn {n}") for n in range(11, 0, -1)]
    transport = ScriptedTransport(
        HttpReply(200, root_with_count(12)),
        HttpReply(200, {"chunk": newest_first[:4], "next_batch": "p2"}),
        HttpReply(200, {"chunk": newest_first[4:5], "next_batch": "p3"}),
    )
    thread = asyncio.run(read_thread(transport, "!room", "$e0", BOT, max_messages=5))
    texts = [m.text for m in thread.messages]
    assert texts == ["Should Kyiv accept?", "turn 8", "turn 9", "turn 10", "turn 11"]
    assert thread.total == 12, "the root and eleven replies; the command is not counted"
    assert len(transport.requests) == 3, "reading stops once the cap is full"

    # A near miss: the same thread under a cap it fits is read whole, "12 of 12".
    transport = ScriptedTransport(
        HttpReply(200, root_with_count(12)),
        HttpReply(200, {"chunk": newest_first}),
    )
    thread = asyncio.run(read_thread(transport, "!room", "$e0", BOT, max_messages=12))
    assert [m.text for m in thread.messages][1:] == [f"turn {n}" for n in range(1, 12)]
    assert (len(thread.messages), thread.total) == (12, 12)


def test_notices_read_on_the_way_are_counted_out_like_the_command() -> None:
    notice = event(3, "Thread summary", sender=BOT, msgtype="m.notice")
    transport = ScriptedTransport(
        HttpReply(200, root_with_count(10)),
        HttpReply(
            200, {"chunk": [event(4, "!brief summarize"), notice, event(2, "b")], "next_batch": "n"}
        ),
        HttpReply(200, {"chunk": [event(1, "a")], "next_batch": "more"}),
    )
    thread = asyncio.run(read_thread(transport, "!room", "$e0", BOT, max_messages=3))
    assert [m.text for m in thread.messages] == ["Should Kyiv accept?", "a", "b"]
    # Eleven in the thread, less the command and the notice that were read.
    assert thread.total == 9


def test_a_thread_that_cannot_be_read_says_why() -> None:
    transport = ScriptedTransport(HttpReply(404, {"errcode": "M_NOT_FOUND", "error": "gone"}))
    with pytest.raises(DeliveryError, match="M_NOT_FOUND"):
        asyncio.run(read_thread(transport, "!room", "$e0", BOT))


def test_only_peoples_text_messages_are_conversation() -> None:
    assert to_chat_message(event(1, "We agree."), BOT) == ChatMessage(
        "@alice:example.org", "$e1", "We agree."
    )
    assert to_chat_message(event(2, "Brief: x", msgtype="m.notice"), BOT) is None
    assert to_chat_message(event(3, "mine", sender=BOT), BOT) is None
    assert to_chat_message(event(4, "!brief summarize"), BOT) is None
    edit = event(5, "* fixed", **{"m.relates_to": {"rel_type": "m.replace", "event_id": "$e1"}})
    assert to_chat_message(edit, BOT) is None
    assert to_chat_message({"type": "m.reaction", "event_id": "$r"}, BOT) is None


def test_the_quoted_fallback_of_an_old_style_reply_is_dropped() -> None:
    body = "> <@bob:example.org> the quoted text\n> more\n\nMy own answer"
    reply = event(1, body, **{"m.relates_to": {"m.in_reply_to": {"event_id": "$e0"}}})
    message = to_chat_message(reply, BOT)
    assert message is not None and message.text == "My own answer"
    assert (
        strip_reply_fallback("> a quote without a blank line") == "> a quote without a blank line"
    )
