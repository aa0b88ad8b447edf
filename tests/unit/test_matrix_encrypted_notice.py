"""The "this room is encrypted" notice and its claim: a send that failed for a while gives
the claim back, so the room is told at its next encrypted message; one refused for good
(the room lets only moderators post) keeps it for its day, so the room is not asked again
at every message. The homeserver's answers are scripted at the transport; the claims are a
real SQLite store's. (On a real Synapse: ``tests/integration/matrix/test_replica_claims``.)
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bot.config import Config, MatrixConfig, Secrets
from bot.matrix.adapter import MatrixAdapter
from bot.matrix.sender import RoomSender
from bot.matrix.transport import HttpReply
from briefings.render import Renderer
from briefings.store import Store
from tests.unit.matrix_fakes import ScriptedTransport, sent

pytestmark = pytest.mark.unit

ROOM = "!sealed:example.org"
KEY = f"matrix:encrypted:{ROOM}"


def adapter_over(tmp_path: Path, *answers: HttpReply) -> tuple[MatrixAdapter, Store]:
    store = Store.open(f"sqlite:///{tmp_path / 'claims.db'}")
    config = Config(
        path=None,
        matrix=MatrixConfig(state_dir=tmp_path),
        secrets=Secrets(matrix_homeserver="https://matrix.example.org", matrix_access_token="t"),
    )
    services: Any = SimpleNamespace(config=config, renderer=Renderer(), store=store)
    adapter = MatrixAdapter(services)
    # No send budget to wait in: a 502 is given up at once, as a long outage would be.
    adapter.destination.attach(RoomSender(ScriptedTransport(*answers), budget=0.0))
    return adapter, store


def tell(adapter: MatrixAdapter) -> None:
    adapter._told_encrypted.add(ROOM)  # as the sync does before it spawns the notice
    asyncio.run(adapter._tell_encrypted(ROOM, "$sealed"))


def test_a_notice_that_failed_for_a_while_gives_its_claim_back(tmp_path: Path) -> None:
    adapter, store = adapter_over(tmp_path, HttpReply(502), sent("$told"))
    tell(adapter)
    assert store.claim(KEY), "the claim was given back"
    store.release(KEY)
    assert ROOM not in adapter._told_encrypted
    tell(adapter)  # the next encrypted message: told, and the claim kept
    assert not store.claim(KEY)


def test_a_notice_refused_for_good_keeps_its_claim_for_the_day(tmp_path: Path) -> None:
    forbidden = HttpReply(403, {"errcode": "M_FORBIDDEN", "error": "not allowed"})
    adapter, store = adapter_over(tmp_path, forbidden)
    tell(adapter)
    assert not store.claim(KEY), "the claim stands"
    assert ROOM in adapter._told_encrypted
