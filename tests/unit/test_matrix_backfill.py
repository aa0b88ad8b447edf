"""Reading back what a limited sync left out: the gap between two sync positions, bounded,
and put in front of the timeline the adapter dispatches."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from bot.config import Config, MatrixConfig, Secrets
from bot.matrix.adapter import MatrixAdapter
from bot.matrix.backfill import MAX_PAGES, GapUnread, read_gap, with_gap
from bot.matrix.listener import commands_in_timeline
from bot.matrix.transport import HttpReply
from briefings.render import Renderer
from tests.unit.matrix_fakes import ScriptedTransport

pytestmark = pytest.mark.unit

BOT = "@briefbot:example.org"
ROOM = "!busy-room"


def message(n: int, body: str = "chatter") -> dict[str, Any]:
    return {
        "type": "m.room.message",
        "sender": "@alice:example.org",
        "event_id": f"$m{n}",
        "content": {"msgtype": "m.text", "body": body},
    }


def page(first: int, last: int, end: str | None) -> HttpReply:
    """Events ``first`` down to ``last``, newest first, as ``dir=b`` answers."""
    data: dict[str, Any] = {"chunk": [message(n) for n in range(first, last - 1, -1)]}
    if end is not None:
        data["end"] = end
    return HttpReply(200, data)


def queries(transport: ScriptedTransport) -> list[dict[str, list[str]]]:
    return [parse_qs(urlparse(path).query) for _, path, _ in transport.requests]


def test_the_gap_is_read_back_from_prev_batch_to_the_resumed_token_and_given_oldest_first() -> None:
    transport = ScriptedTransport(page(6, 4, end="t3"), page(3, 1, end="t0"), page(0, 1, None))
    gap = asyncio.run(read_gap(transport, ROOM, "prev", "since"))
    assert [e["event_id"] for e in gap.events] == [f"$m{n}" for n in range(1, 7)]
    assert not gap.cut
    first, second, third = queries(transport)
    assert (
        urlparse(transport.requests[0][1]).path == "/_matrix/client/v3/rooms/%21busy-room/messages"
    )
    assert first["dir"] == ["b"] and first["from"] == ["prev"] and first["to"] == ["since"]
    assert json.loads(first["filter"][0])["types"] == [
        "m.room.message",
        "m.room.encrypted",
        "m.room.member",
    ]
    assert second["from"] == ["t3"] and third["from"] == ["t0"]
    assert all(q["to"] == ["since"] for q in (second, third))


def test_an_end_token_equal_to_the_one_asked_from_ends_the_read() -> None:
    # Synapse answers the last page so, instead of leaving ``end`` out.
    transport = ScriptedTransport(page(2, 1, end="prev"))
    gap = asyncio.run(read_gap(transport, ROOM, "prev", "since"))
    assert [e["event_id"] for e in gap.events] == ["$m1", "$m2"]
    assert len(transport.requests) == 1


def test_a_gap_past_the_cap_keeps_the_newest_and_says_so_in_one_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    transport = ScriptedTransport(page(10, 7, end="t6"))
    with caplog.at_level(logging.INFO, logger="bot.matrix.backfill"):
        gap = asyncio.run(read_gap(transport, ROOM, "prev", "since", max_events=3))
    assert gap.cut
    assert [e["event_id"] for e in gap.events] == ["$m8", "$m9", "$m10"]
    assert queries(transport)[0]["limit"] == ["4"], "one more than the cap tells a cut"
    [record] = caplog.records
    assert record.levelno == logging.WARNING
    assert "!busy-room: more than 3 events came while the bot was not syncing" in record.message

    # A near miss: a gap of exactly the cap is read whole, without a word.
    caplog.clear()
    transport = ScriptedTransport(page(3, 1, end="t0"), page(0, 1, None))
    with caplog.at_level(logging.INFO, logger="bot.matrix.backfill"):
        gap = asyncio.run(read_gap(transport, ROOM, "prev", "since", max_events=3))
    assert not gap.cut and len(gap.events) == 3
    assert not caplog.records


@pytest.mark.parametrize(
    ("answer", "temporary"),
    [
        (HttpReply(502), True),
        (HttpReply(429, {"errcode": "M_LIMIT_EXCEEDED"}), True),
        (OSError("connection reset"), True),
        (HttpReply(403, {"errcode": "M_FORBIDDEN", "error": "not in room"}), False),
    ],
)
def test_a_gap_the_server_does_not_give_says_whether_to_ask_again(
    answer: HttpReply | OSError, temporary: bool
) -> None:
    transport = ScriptedTransport(answer)
    with pytest.raises(GapUnread) as raised:
        asyncio.run(read_gap(transport, ROOM, "prev", "since"))
    assert raised.value.temporary is temporary


def test_a_missed_command_comes_before_the_timeline_and_each_event_once() -> None:
    missed = [message(1, "!brief status"), message(2), message(3, "!brief help")]
    timeline = [message(3, "!brief help"), message(4, "!brief topics")]
    events = with_gap(missed, timeline)
    commands = commands_in_timeline(ROOM, events, BOT)
    assert [c.text for c in commands] == ["status", "help", "topics"]


def _sync(limited: bool, *events: dict[str, Any]) -> Any:
    timeline = SimpleNamespace(events=list(events), limited=limited, prev_batch="prev")
    return SimpleNamespace(rooms=SimpleNamespace(join={ROOM: SimpleNamespace(timeline=timeline)}))


def _adapter(tmp_path: Path, transport: ScriptedTransport) -> MatrixAdapter:
    config = Config(
        path=None,
        matrix=MatrixConfig(state_dir=tmp_path),
        secrets=Secrets(matrix_homeserver="https://matrix.example.org", matrix_access_token="t"),
    )
    services: Any = SimpleNamespace(config=config, renderer=Renderer(), store=None)
    adapter = MatrixAdapter(services)
    adapter._transport = transport  # type: ignore[assignment]
    return adapter


def test_only_a_limited_timeline_after_a_known_position_is_read_back(tmp_path: Path) -> None:
    transport = ScriptedTransport(page(1, 1, None))
    adapter = _adapter(tmp_path, transport)
    whole = asyncio.run(adapter._whole_timelines(_sync(True, message(2)), "since"))
    assert [e["event_id"] for e in whole[ROOM]] == ["$m1", "$m2"]
    # Near misses: a timeline that holds everything, and a sync with no position to read
    # back to (the first start, whose history is never answered), ask nothing more.
    for limited, since in ((False, "since"), (True, "")):
        whole = asyncio.run(adapter._whole_timelines(_sync(limited, message(2)), since))
        assert [e["event_id"] for e in whole[ROOM]] == ["$m2"]
    assert len(transport.requests) == 1


def test_a_gap_refused_is_logged_and_one_that_may_come_later_stops_the_sync(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    refused = HttpReply(403, {"errcode": "M_FORBIDDEN", "error": "not in room"})
    adapter = _adapter(tmp_path, ScriptedTransport(refused, HttpReply(502)))
    whole = asyncio.run(adapter._whole_timelines(_sync(True, message(2)), "since"))
    assert [e["event_id"] for e in whole[ROOM]] == ["$m2"]
    assert "could not be read (HTTP 403 M_FORBIDDEN: not in room)" in caplog.text
    with pytest.raises(GapUnread):
        asyncio.run(adapter._whole_timelines(_sync(True, message(2)), "since"))


def test_a_gap_that_keeps_failing_is_given_up_once_the_sync_ran_out_of_patience(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A room whose history the homeserver keeps failing on held every other room's
    # commands back, the sync asked again for ever; past GAP_TRIES it goes on without it.
    adapter = _adapter(tmp_path, ScriptedTransport(HttpReply(502)))
    whole = asyncio.run(adapter._whole_timelines(_sync(True, message(2)), "since", patient=False))
    assert [e["event_id"] for e in whole[ROOM]] == ["$m2"]
    assert "could not be read (HTTP 502" in caplog.text and "tries)" in caplog.text


def test_an_empty_page_with_an_end_is_read_past() -> None:
    # The spec: an empty chunk does not mean no more events; page on until ``end`` is left
    # out. Synapse answers so when the filter left out every event of a page.
    transport = ScriptedTransport(
        page(5, 5, "t4"),
        HttpReply(200, {"chunk": [], "end": "t2"}),
        HttpReply(200, {"chunk": [message(1, "!brief donbass")], "end": "t0"}),
        HttpReply(200, {"chunk": []}),
    )
    gap = asyncio.run(read_gap(transport, ROOM, "prev", "since"))
    assert [e["event_id"] for e in gap.events] == ["$m1", "$m5"] and not gap.cut


def test_a_read_of_endless_empty_pages_stops_and_counts_as_cut() -> None:
    replies = [HttpReply(200, {"chunk": [], "end": f"t{n}"}) for n in range(MAX_PAGES + 5)]
    transport = ScriptedTransport(*replies)
    gap = asyncio.run(read_gap(transport, ROOM, "prev", "since"))
    assert gap.events == () and gap.cut
    assert len(transport.requests) == MAX_PAGES
