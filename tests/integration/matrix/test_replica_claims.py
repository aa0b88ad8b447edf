"""Two replicas of the Matrix bot on one store, against a real Synapse: one answer each.

Each replica is a ``MatrixAdapter`` of its own, logged in as the same bot account with a
session (device, sync token) of its own, on one database: both sync, both see every event
of the room, and the one that claims an event in the store acts on it. A test waits until
both have synced past what was sent, so that a second answer, if any, would have been sent.
A claim whose work did not get through (a notice the homeserver refused) is released, so
that the work is tried again rather than skipped for the day the claim lasts.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.app import Services
from bot.matrix import MatrixAdapter
from briefings import schema
from tests.integration.matrix.conftest import bot_services, running
from tests.integration.matrix.homeserver import Homeserver, MatrixUser
from tests.integration.matrix.human import Event, Human, notices_from

pytestmark = pytest.mark.integration

# Short long-polls, so that a replica with nothing new to read still finishes a sync soon.
SYNC_TIMEOUT_MS = 1000
SEALED = {
    "algorithm": "m.megolm.v1.aes-sha2",
    "ciphertext": "AwgAEnAcbbhxPJkVn3Qw",
    "device_id": "ALICEPHONE",
    "sender_key": "c2VuZGVyIGtleQ",
    "session_id": "c2Vzc2lvbg",
}


# Only moderators may post: the bot (power 0) is refused with M_FORBIDDEN.
MODERATED = {"events_default": 50}
WAIT_S = 30.0  # a bound on waiting for the bot, never a speed requirement
NOT_TOLD = "could not tell"


def body(event: Event) -> str:
    return str((event.get("content") or {}).get("body", ""))


def two_stores(
    homeserver: Homeserver, bot: MatrixUser, tmp_path: Path, matrix: dict[str, Any] | None = None
) -> list[Services]:
    """The services of two replicas: one store (``tmp_path``'s), a session folder each."""
    return [
        bot_services(
            homeserver, bot, tmp_path, matrix={"state_dir": str(tmp_path / name), **(matrix or {})}
        )
        for name in ("replica-a", "replica-b")
    ]


@asynccontextmanager
async def two_replicas(services: list[Services]) -> AsyncIterator[list[MatrixAdapter]]:
    """Both adapters started; on the way out both stopped, which waits for their answers."""
    async with (
        running(services[0], sync_timeout_ms=SYNC_TIMEOUT_MS) as first,
        running(services[1], sync_timeout_ms=SYNC_TIMEOUT_MS) as second,
    ):
        assert first.user_id == second.user_id and first.device_id != second.device_id
        yield [first, second]


async def synced_past_now(adapters: list[MatrixAdapter], timeout: float = 30.0) -> None:
    """Each adapter has finished two syncs from now on: the second began after the first
    ended, so it brought every event sent before this call, and the first's tasks exist."""

    async def two_syncs(adapter: MatrixAdapter) -> None:
        for _ in range(2):
            await adapter.synced.wait()

    await asyncio.wait_for(asyncio.gather(*(two_syncs(a) for a in adapters)), timeout)


async def until(condition: str, check: Callable[[], bool]) -> None:
    """Polls ``check`` until it holds: the bot's tasks run on their own, unawaited."""
    deadline = time.monotonic() + WAIT_S
    while not check():
        assert time.monotonic() < deadline, f"never: {condition}"
        await asyncio.sleep(0.1)


def encrypted_claims(services: Services) -> list[str]:
    """The claims on telling rooms that they are encrypted, as the store holds them."""
    claims = schema.work_claims.c
    with services.store.engine.connect() as conn:
        query = select(claims.key).where(claims.key.like("matrix:encrypted:%"))
        return list(conn.execute(query).scalars())


def test_a_notice_the_room_refused_keeps_its_claim_and_the_room_is_not_asked_again(
    homeserver: Homeserver,
    bot_user: MatrixUser,
    alice: MatrixUser,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A room that lets only moderators post refuses the notice (M_FORBIDDEN), and would
    refuse it alike at every message: the claim stands for its day, so the room costs one
    refused send and one warning, not one of each per encrypted message. (A send that fails
    for a while gives the claim back: ``tests/unit/test_matrix_encrypted_notice.py``.)"""

    async def scenario() -> tuple[list[Event], list[str], list[str]]:
        services = bot_services(homeserver, bot_user, tmp_path)
        async with Human(homeserver, alice) as person:
            async with running(services, sync_timeout_ms=SYNC_TIMEOUT_MS) as adapter:
                room = await person.create_room(
                    invite=bot_user.user_id, encrypted=True, power_levels=MODERATED
                )
                await person.membership(room, bot_user.user_id)
                await person.send(room, SEALED, "m.room.encrypted")
                await until("the notice refused", lambda: NOT_TOLD in caplog.text)
                for _ in range(2):
                    await person.send(room, SEALED, "m.room.encrypted")
                await synced_past_now([adapter])
                held = encrypted_claims(services)
            await person.catch_up()
            told = person.events(room, notices_from(bot_user.user_id))
        services.close()
        refusals = [r.getMessage() for r in caplog.records if NOT_TOLD in r.getMessage()]
        return told, held, refusals

    with caplog.at_level(logging.INFO, logger="bot"):
        told, held, refusals = asyncio.run(scenario())
    assert told == []
    assert len(held) == 1, "a notice refused for good keeps its claim"
    [refusal] = refusals
    assert "M_FORBIDDEN" in refusal and "not trying again for a day" in refusal


def test_two_replicas_answer_a_command_once(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    async def scenario() -> list[Event]:
        services = two_stores(homeserver, bot_user, tmp_path)
        async with Human(homeserver, alice) as person:
            async with two_replicas(services) as adapters:
                room = await person.create_room(invite=bot_user.user_id)
                await person.membership(room, bot_user.user_id)
                await person.say(room, "!brief donbass")
                await person.wait_for(room, notices_from(bot_user.user_id))
                await synced_past_now(adapters)
            await person.catch_up()
            answers = person.events(room, notices_from(bot_user.user_id))
        for built in services:
            built.close()
        return answers

    answers = asyncio.run(scenario())
    assert [body(e).split("\n")[0] for e in answers] == ["Brief: donbass"]


def test_two_replicas_back_from_a_stop_answer_a_command_they_read_back_once(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    """A command behind more events than a sync holds is read back by both replicas, and
    claimed like a live one: one answer."""

    async def scenario() -> list[Event]:
        services = two_stores(homeserver, bot_user, tmp_path)
        async with Human(homeserver, alice) as person:
            async with two_replicas(services):
                room = await person.create_room(invite=bot_user.user_id)
                await person.membership(room, bot_user.user_id)
            await person.say(room, "!brief donbass")  # sent while both are down
            for n in range(110):
                await person.say(room, f"chatter {n}")
            async with two_replicas(services) as adapters:
                await person.wait_for(room, notices_from(bot_user.user_id))
                await synced_past_now(adapters)
            await person.catch_up()
            answers = person.events(room, notices_from(bot_user.user_id))
        for built in services:
            built.close()
        return answers

    answers = asyncio.run(scenario())
    assert [body(e).split("\n")[0] for e in answers] == ["Brief: donbass"]


def test_two_replicas_tell_an_encrypted_room_once(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    async def scenario() -> list[Event]:
        services = two_stores(homeserver, bot_user, tmp_path)
        async with Human(homeserver, alice) as person:
            async with two_replicas(services) as adapters:
                room = await person.create_room(invite=bot_user.user_id, encrypted=True)
                await person.membership(room, bot_user.user_id)
                await person.send(room, SEALED, "m.room.encrypted")
                await person.wait_for(room, notices_from(bot_user.user_id))
                await synced_past_now(adapters)
                await person.send(room, SEALED, "m.room.encrypted")  # told already
                await synced_past_now(adapters)
            await person.catch_up()
            told = person.events(room, notices_from(bot_user.user_id))
        for built in services:
            built.close()
        return told

    told = asyncio.run(scenario())
    assert len(told) == 1
    assert body(told[0]).startswith("I cannot read messages in this room")


def test_a_replica_started_later_does_not_tell_an_encrypted_room_again(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    """A replica started after the room was told (a rolling deploy) first sees a later
    encrypted message: the room, not the message, is what has been told."""

    async def scenario() -> list[Event]:
        services = two_stores(homeserver, bot_user, tmp_path)
        async with Human(homeserver, alice) as person:
            async with running(services[0], sync_timeout_ms=SYNC_TIMEOUT_MS) as first:
                room = await person.create_room(invite=bot_user.user_id, encrypted=True)
                await person.membership(room, bot_user.user_id)
                await person.send(room, SEALED, "m.room.encrypted")
                await person.wait_for(room, notices_from(bot_user.user_id))
                async with running(services[1], sync_timeout_ms=SYNC_TIMEOUT_MS) as later:
                    await synced_past_now([first, later])
                    await person.send(room, SEALED, "m.room.encrypted")
                    await synced_past_now([first, later])
            await person.catch_up()
            told = person.events(room, notices_from(bot_user.user_id))
        for built in services:
            built.close()
        return told

    assert len(asyncio.run(scenario())) == 1


def test_two_replicas_answer_an_invitation_as_one(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    """Invitations are answered by every replica, unclaimed: the bot posts nothing when it
    joins, and the homeserver keeps one of two identical membership changes, so the inviter
    sees one join, or one refusal with its reason."""
    bob = homeserver.register("bob")

    def membership_of_the_bot(event: Event) -> bool:
        return event.get("type") == "m.room.member" and event.get("state_key") == bot_user.user_id

    async def scenario() -> tuple[list[Event], list[Event], list[Event]]:
        allowed = {"allow_invites_from": [alice.user_id]}
        services = two_stores(homeserver, bot_user, tmp_path, matrix=allowed)
        async with Human(homeserver, alice) as person, Human(homeserver, bob) as stranger:
            async with two_replicas(services) as adapters:
                welcome = await person.create_room(invite=bot_user.user_id)
                refused = await stranger.create_room(invite=bot_user.user_id)
                await person.membership(welcome, bot_user.user_id)
                await stranger.membership(refused, bot_user.user_id)
                await synced_past_now(adapters)
            await person.catch_up()
            await stranger.catch_up()
            joined = person.events(welcome, membership_of_the_bot)
            said = person.events(welcome, notices_from(bot_user.user_id))
            left = stranger.events(refused, membership_of_the_bot)
        for built in services:
            built.close()
        return joined, said, left

    joined, said, left = asyncio.run(scenario())
    assert [e["content"]["membership"] for e in joined] == ["invite", "join"]
    assert said == []
    assert [e["content"]["membership"] for e in left] == ["invite", "leave"]
    assert "accepts invitations only from" in left[-1]["content"]["reason"]


def test_a_store_that_cannot_claim_does_not_silence_the_bot(
    homeserver: Homeserver,
    bot_user: MatrixUser,
    alice: MatrixUser,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Without the claims' table the bot answers as it did before replicas shared claims:
    once in this process, with a warning that says why."""

    async def scenario() -> list[Event]:
        services = bot_services(homeserver, bot_user, tmp_path)
        with sqlite3.connect(tmp_path / "briefbot.db") as db:
            db.execute("ALTER TABLE work_claims RENAME TO work_claims_gone")
        async with Human(homeserver, alice) as person:
            async with running(services, sync_timeout_ms=SYNC_TIMEOUT_MS) as adapter:
                room = await person.create_room(invite=bot_user.user_id)
                await person.membership(room, bot_user.user_id)
                await person.say(room, "!brief topics")
                await person.wait_for(room, notices_from(bot_user.user_id))
                await synced_past_now([adapter])
            await person.catch_up()
            answers = person.events(room, notices_from(bot_user.user_id))
        services.close()
        return answers

    with caplog.at_level(logging.WARNING, logger="bot.work_claims"):
        answers = asyncio.run(scenario())
    assert [body(e).split("\n")[0] for e in answers] == ["Topics"]
    warnings = [r.getMessage() for r in caplog.records if r.name == "bot.work_claims"]
    assert warnings and warnings[0].startswith("could not claim matrix:event in the store (")
