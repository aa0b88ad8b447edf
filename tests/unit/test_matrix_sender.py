"""The Matrix send queue: server-paced retries, order per room, bounded time, clear failures."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.delivery import DeliveryError
from bot.matrix.sender import RoomSender, retry_delay
from bot.matrix.transport import HttpReply
from tests.unit.matrix_fakes import ScriptedTransport, limited, sent

pytestmark = pytest.mark.unit


class FakeTime:
    """A clock that moves only when the sender sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


def sender_for(transport: ScriptedTransport, time: FakeTime, budget: float = 300.0) -> RoomSender:
    return RoomSender(transport, budget=budget, clock=time.clock, sleep=time.sleep, txn_prefix="t")


def bodies(transport: ScriptedTransport) -> list[Any]:
    return [body["body"] if body else None for _, _, body in transport.requests]


def test_a_rate_limited_part_waits_what_the_server_asked_and_reuses_its_transaction() -> None:
    transport = ScriptedTransport(limited(retry_after_ms=1500, header="2"), sent("$1"))
    time = FakeTime()
    ids = asyncio.run(sender_for(transport, time).send("!r", [{"body": "a"}]))
    assert ids == ["$1"]
    assert time.sleeps == [2.0]  # Retry-After wins over the deprecated retry_after_ms
    (m1, path1, _), (m2, path2, _) = transport.requests
    assert m1 == m2 == "PUT" and path1 == path2
    assert path1 == "/_matrix/client/v3/rooms/%21r/send/m.room.message/t-1"


def test_retry_delay_falls_back_to_retry_after_ms_then_a_default() -> None:
    assert retry_delay(limited(retry_after_ms=250)) == 0.25
    assert retry_delay(limited(header="Wed, 21 Oct 2026 07:28:00 GMT", retry_after_ms=90)) == 0.09
    assert retry_delay(limited()) == 5.0
    # A digit that is not ASCII ("²") is no number of seconds: the fallback, not a ValueError.
    assert retry_delay(limited(header="²", retry_after_ms=90)) == 0.09


def test_parts_and_messages_to_one_room_arrive_in_the_order_given() -> None:
    transport = ScriptedTransport(
        limited(retry_after_ms=100), limited(retry_after_ms=100), default=sent()
    )
    time = FakeTime()
    sender = sender_for(transport, time)

    async def scenario() -> None:
        await asyncio.gather(
            sender.send("!r", [{"body": "a1"}, {"body": "a2"}]),
            sender.send("!r", [{"body": "b1"}, {"body": "b2"}]),
        )

    asyncio.run(scenario())
    assert bodies(transport) == ["a1", "a1", "a1", "a2", "b1", "b2"]
    assert time.sleeps == [0.1, 0.1]


def test_one_rooms_rate_limit_does_not_hold_up_another_room() -> None:
    waiting, released = asyncio.Event(), asyncio.Event()
    transport = ScriptedTransport(limited(retry_after_ms=10_000), sent("$b"), sent("$a"))

    async def held_sleep(seconds: float) -> None:
        waiting.set()
        await released.wait()

    sender = RoomSender(transport, sleep=held_sleep, txn_prefix="t")

    async def scenario() -> None:
        slow = asyncio.create_task(sender.send("!a", [{"body": "a"}]))
        await waiting.wait()  # "!a" is now waiting out its rate limit
        assert await sender.send("!b", [{"body": "b"}]) == ["$b"]
        assert not slow.done()
        released.set()
        assert await slow == ["$a"]

    asyncio.run(scenario())
    assert bodies(transport) == ["a", "b", "a"]


def test_a_refused_part_raises_at_once_and_later_parts_are_not_sent() -> None:
    forbidden = HttpReply(403, {"errcode": "M_FORBIDDEN", "error": "not in room"})
    transport = ScriptedTransport(forbidden, default=sent())
    time = FakeTime()
    with pytest.raises(DeliveryError, match=r"part 1 of 2 .*M_FORBIDDEN: not in room"):
        asyncio.run(sender_for(transport, time).send("!r", [{"body": "x"}, {"body": "y"}]))
    assert bodies(transport) == ["x"]
    assert time.sleeps == []


@pytest.mark.parametrize(
    ("status", "errcode", "setting"),
    [(401, "M_UNKNOWN_TOKEN", "MATRIX_ACCESS_TOKEN"), (403, "M_FORBIDDEN", "MATRIX_USER_ID")],
)
def test_a_refused_token_or_room_is_permanent_and_names_the_setting(
    status: int, errcode: str, setting: str
) -> None:
    refused = HttpReply(status, {"errcode": errcode, "error": "refused"})
    transport = ScriptedTransport(refused, default=sent())
    with pytest.raises(DeliveryError, match=f"{errcode}: refused; .*{setting}") as raised:
        asyncio.run(sender_for(transport, FakeTime()).send("!r", [{"body": "x"}]))
    assert raised.value.permanent


def test_another_refusal_is_not_permanent() -> None:
    # Near miss: an event the server will not take says nothing of the token or the room.
    transport = ScriptedTransport(HttpReply(400, {"errcode": "M_BAD_JSON", "error": "bad"}))
    with pytest.raises(DeliveryError, match="M_BAD_JSON") as raised:
        asyncio.run(sender_for(transport, FakeTime()).send("!r", [{"body": "x"}]))
    assert not raised.value.permanent


def test_retries_stop_when_the_time_budget_would_be_exceeded() -> None:
    transport = ScriptedTransport(default=limited(retry_after_ms=120_000))
    time = FakeTime()
    with pytest.raises(DeliveryError, match="asked to wait 120 s, more than the 60 s left") as e:
        asyncio.run(sender_for(transport, time).send("!r", [{"body": "x"}]))
    assert e.value.retry_after == 120.0  # the caller's next attempt must not come sooner
    assert time.sleeps == [120.0, 120.0]
    assert len(transport.requests) == 3


def test_a_delay_longer_than_the_budget_is_not_waited_and_is_reported_as_asked() -> None:
    transport = ScriptedTransport(limited(retry_after_ms=2_500_000), sent("$2"))
    time = FakeTime()
    with pytest.raises(DeliveryError) as caught:
        asyncio.run(sender_for(transport, time).send("!r", [{"body": "x"}, {"body": "y"}]))
    message = str(caught.value)
    assert message.startswith("part 1 of 2 to !r not sent: the homeserver asked to wait 2500 s")
    assert "more than the 300 s left of the 300 s send budget" in message
    assert "gave up" not in message and "M_LIMIT_EXCEEDED" in message
    assert caught.value.retry_after == 2500.0
    assert time.sleeps == [] and bodies(transport) == ["x"]


def test_server_errors_give_up_saying_how_long_they_were_retried() -> None:
    transport = ScriptedTransport(default=HttpReply(502))
    time = FakeTime()
    with pytest.raises(DeliveryError, match=r"gave up after 7\.5 s of retries") as caught:
        asyncio.run(sender_for(transport, time, budget=10.0).send("!r", [{"body": "x"}]))
    assert caught.value.retry_after is None
    assert time.sleeps == [0.5, 1.0, 2.0, 4.0]


def test_connection_errors_and_server_errors_back_off_exponentially() -> None:
    transport = ScriptedTransport(
        OSError("connection refused"), HttpReply(502), OSError("reset"), sent("$ok")
    )
    time = FakeTime()
    assert asyncio.run(sender_for(transport, time).send("!r", [{"body": "x"}])) == ["$ok"]
    assert time.sleeps == [0.5, 1.0, 2.0]


def test_an_answer_without_event_id_is_not_taken_for_delivery() -> None:
    transport = ScriptedTransport(HttpReply(200, {}))
    with pytest.raises(DeliveryError, match="without an event id"):
        asyncio.run(sender_for(transport, FakeTime()).send("!r", [{"body": "x"}]))


def test_room_ids_without_a_server_part_are_encoded_not_parsed() -> None:
    transport = ScriptedTransport(default=sent())
    asyncio.run(sender_for(transport, FakeTime()).send("!MX-Rf/B87+x", [{"body": "x"}]))
    assert transport.requests[0][1].startswith("/_matrix/client/v3/rooms/%21MX-Rf%2FB87%2Bx/send/")


def test_a_resumed_message_sends_only_the_parts_not_yet_accepted_and_reports_each() -> None:
    transport = ScriptedTransport(sent("$3"), HttpReply(403, {"errcode": "M_FORBIDDEN"}))
    heard: list[str] = []
    parts = [{"body": f"part {n}"} for n in range(1, 5)]
    sender = sender_for(transport, FakeTime())
    with pytest.raises(DeliveryError, match=r"^part 4 of 4 to !r not sent"):
        asyncio.run(sender.send("!r", parts, skip=2, on_sent=heard.append))
    assert bodies(transport) == ["part 3", "part 4"]
    assert heard == ["$3"]  # heard before part 4 failed, so the caller could record it
