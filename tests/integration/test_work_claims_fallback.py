"""A replica whose database is down: it acts once on each key, from its own memory, and says
why in its log, rather than falling silent or acting on every repeat."""

from __future__ import annotations

import asyncio
import logging

import pytest
from sqlalchemy import create_engine

from bot.work_claims import WorkClaims
from briefings.store import Store
from tests.conftest import closed_port

pytestmark = pytest.mark.integration


def test_a_replica_whose_database_is_down_acts_once_on_each_key(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A PostgreSQL server that is not there (nothing listens on the port): every claim and
    # release is refused as a database that is down refuses them.
    url = f"postgresql+psycopg://briefbot:s3cret-pw@127.0.0.1:{closed_port()}/briefbot"
    store = Store(create_engine(url))
    claims = WorkClaims(store)

    async def scenario() -> list[bool]:
        taken = [
            await claims.claim("matrix:event:$abc"),
            await claims.claim("matrix:event:$abc"),  # a repeat: this replica acted on it
            await claims.claim("slack:share:0f1e2d"),
        ]
        await claims.release("slack:share:0f1e2d")  # the share failed: the user may retry
        taken.append(await claims.claim("slack:share:0f1e2d"))
        return taken

    try:
        with caplog.at_level(logging.WARNING, logger="bot.work_claims"):
            taken = asyncio.run(scenario())
    finally:
        store.close()
    assert taken == [True, False, True, True]
    said = [r.getMessage() for r in caplog.records if r.name == "bot.work_claims"]
    assert [line.split(" (")[0] for line in said] == [
        "could not claim matrix:event in the store",
        "could not claim slack:share in the store",
        "could not release slack:share in the store",
        "could not claim slack:share in the store",
    ]
    assert all("OperationalError: connection failed" in line for line in said), said
    assert not any("$abc" in line or "0f1e2d" in line or "s3cret-pw" in line for line in said)
    assert all("\n" not in line for line in said)
