"""A homeserver that lets access tokens expire (the spec's soft logout: HTTP 401
``M_UNKNOWN_TOKEN`` with ``soft_logout: true``, the device kept). With MATRIX_PASSWORD the
bot logs in again on the same device and goes on, whether a sync or a send met the expired
token first, or the token had expired before ``briefbot run`` started; with only
MATRIX_ACCESS_TOKEN it stops in one line naming it.

A Synapse of its own, since every other test needs tokens that last: it lets each token
expire a few seconds after it was issued (``nonrefreshable_access_token_lifetime``).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from nio import RoomCreateResponse

from bot.config import MatrixConfig, Secrets
from bot.matrix import MatrixAdapter
from bot.matrix.client import MatrixLoginError, SessionFile, SessionState, connect
from bot.matrix.transport import api_path
from briefings.model import Notice
from tests.integration.matrix.conftest import bot_services, running, started_homeserver
from tests.integration.matrix.homeserver import Homeserver, MatrixUser
from tests.integration.matrix.human import Human, notices_from

pytestmark = pytest.mark.integration

LIFETIME_S = 5  # long enough for a start, short enough to wait out
WAIT_S = 60.0  # a bound on waiting for the homeserver and the bot, never a speed requirement
RELOGIN = "logged in again with MATRIX_PASSWORD on device"


@pytest.fixture(scope="module")
def expiring(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Homeserver]:
    workdir = tmp_path_factory.mktemp("synapse-expiring-tokens")
    with started_homeserver(workdir, token_lifetime=f"{LIFETIME_S}s") as server:
        yield server


async def until(condition: str, check: Callable[[], bool]) -> None:
    """Polls ``check`` until it holds: the homeserver's clock decides when."""
    deadline = time.monotonic() + WAIT_S
    while not check():
        assert time.monotonic() < deadline, f"never: {condition}"
        await asyncio.sleep(0.1)


def renewals(caplog: pytest.LogCaptureFixture) -> int:
    return sum(RELOGIN in record.getMessage() for record in caplog.records)


def test_a_sync_that_meets_an_expired_token_logs_in_again_on_the_same_device(
    expiring: Homeserver, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bot = expiring.register("briefbot")
    services = bot_services(expiring, bot, tmp_path)

    async def scenario() -> tuple[str, str, list[str]]:
        async with running(services, sync_timeout_ms=500) as adapter:
            assert adapter.client is not None
            device = adapter.device_id
            serving = asyncio.create_task(adapter.serving())
            # Twice: a token given by logging in again expires too, and is renewed alike.
            await until("two new logins", lambda: renewals(caplog) >= 2)
            await asyncio.wait_for(adapter.synced.wait(), WAIT_S)
            assert not serving.done(), serving
            serving.cancel()
            token = adapter.client.access_token
            reply = httpx.get(
                f"{expiring.url}/_matrix/client/v3/devices",
                headers={"Authorization": f"Bearer {token}"},
                timeout=10,
            )
            reply.raise_for_status()
            devices = sorted(d["device_id"] for d in reply.json()["devices"])
            return device, adapter.device_id, devices

    with caplog.at_level(logging.INFO):
        try:
            device, device_after, devices = asyncio.run(scenario())
        finally:
            services.close()
    assert device_after == device
    # The registration's device and the bot's: logging in again added none.
    assert device in devices and len(devices) == 2, devices
    assert not [r for r in caplog.records if "sync with" in r.getMessage()]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING and "bot." in r.name]


def test_a_send_that_meets_an_expired_token_logs_in_again_and_is_delivered(
    expiring: Homeserver, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bot = expiring.register("briefbot")
    services = bot_services(expiring, bot, tmp_path)

    async def scenario() -> list[str]:
        # A sync that waits long: the send is the first to meet the expired token.
        async with running(services, sync_timeout_ms=60_000) as adapter:
            assert adapter.client is not None
            created = await adapter.client.room_create()
            assert isinstance(created, RoomCreateResponse), created
            old = adapter.client.access_token
            await until("the token expired", lambda: expiring.token_status(old) == 401)
            await adapter.destination.send(created.room_id, Notice("After the soft logout"))
            assert adapter.client.access_token != old
            reply = httpx.get(
                expiring.url + api_path("v3", "rooms", created.room_id, "messages"),
                params={"dir": "b", "limit": "5"},
                headers={"Authorization": f"Bearer {adapter.client.access_token}"},
                timeout=10,
            )
            reply.raise_for_status()
            return [
                str(event["content"].get("body", ""))
                for event in reply.json()["chunk"]
                if event["type"] == "m.room.message"
            ]

    with caplog.at_level(logging.INFO):
        try:
            bodies = asyncio.run(scenario())
        finally:
            services.close()
    assert [b.split("\n")[0] for b in bodies] == ["After the soft logout"]
    assert renewals(caplog) == 1


def test_an_invitation_that_meets_an_expired_token_is_joined_after_logging_in_again(
    expiring: Homeserver, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The join is nio's own call, which drops a soft-logged-out token: left so, every sync
    after it failed with "Not logged in" for ever."""
    bot = expiring.register("briefbot")
    services = bot_services(expiring, bot, tmp_path)

    async def scenario() -> str:
        # The sync in flight was let in while the token was good; the invitation wakes it,
        # and the join is the first to meet the expired token.
        async with running(services, sync_timeout_ms=60_000) as adapter:
            assert adapter.client is not None
            old = adapter.client.access_token
            await until("the token expired", lambda: expiring.token_status(old) == 401)
            alice = expiring.register("alice")  # a token of her own, good for a while
            async with Human(expiring, alice) as person:
                room = await person.create_room(invite=bot.user_id)
            await until("the bot joined", lambda: f"joined {room}" in caplog.text)
            assert adapter.state is not None
            synced_to = adapter.state.next_batch
            await adapter.destination.send(room, Notice("Joined"))
            await until("a sync after the join", lambda: adapter.state.next_batch != synced_to)
            return room

    with caplog.at_level(logging.INFO):
        try:
            room = asyncio.run(scenario())
        finally:
            services.close()
    assert f"could not join {room}" not in caplog.text
    assert renewals(caplog) == 1
    assert not [r for r in caplog.records if "sync with" in r.getMessage()]


def test_an_expired_access_token_without_a_password_stops_the_bot_naming_it(
    expiring: Homeserver, tmp_path: Path
) -> None:
    bot: MatrixUser = expiring.register("briefbot")
    services = bot_services(
        expiring, bot, tmp_path, login={"MATRIX_ACCESS_TOKEN": bot.access_token}
    )
    session = services.config.matrix.state_dir / "session.json"

    async def scenario() -> str:
        async with running(services, sync_timeout_ms=500) as adapter:
            with pytest.raises(MatrixLoginError) as ended:
                await asyncio.wait_for(adapter.serving(), WAIT_S)
        return str(ended.value)

    try:
        message = asyncio.run(scenario())
    finally:
        services.close()
    assert f"MATRIX_ACCESS_TOKEN has expired at {expiring.url}" in message
    assert "soft_logout" not in message and "HTTP 401 M_UNKNOWN_TOKEN" in message
    assert "MATRIX_PASSWORD" in message and "restart briefbot" in message
    # A soft logout keeps the device: the session stays for a new token of that device.
    assert session.exists()


@pytest.mark.parametrize("device_from", ["the stored session", "MATRIX_DEVICE_ID"])
def test_a_start_with_an_expired_token_and_a_password_logs_in_on_its_device_and_answers(
    expiring: Homeserver, tmp_path: Path, caplog: pytest.LogCaptureFixture, device_from: str
) -> None:
    """A bot stopped for longer than its token lives starts as the running bot goes on: by
    logging in with MATRIX_PASSWORD on the token's device (no one ended that session), which
    the session an earlier run left names, or MATRIX_DEVICE_ID. It used to stop instead."""
    bot = expiring.register("briefbot")
    login = {
        "MATRIX_ACCESS_TOKEN": bot.access_token,
        "MATRIX_USER_ID": bot.user_id,
        "MATRIX_PASSWORD": bot.password,
    }
    if device_from == "MATRIX_DEVICE_ID":
        login["MATRIX_DEVICE_ID"] = bot.device_id
    services = bot_services(expiring, bot, tmp_path, login=login)
    session = SessionFile(services.config.matrix.state_dir)
    if device_from == "the stored session":
        # What an earlier run with this token leaves: the user and device, never a token.
        session.save(SessionState(expiring.url, bot.user_id, bot.device_id))
    alice = expiring.lasting(expiring.register("alice"))

    async def scenario() -> tuple[str, str]:
        await until("the token expired", lambda: expiring.token_status(bot.access_token) == 401)
        async with (
            running(services, sync_timeout_ms=500) as adapter,
            Human(expiring, alice) as person,
        ):
            room = await person.create_room(invite=bot.user_id)
            await person.membership(room, bot.user_id)
            await person.say(room, "!brief donbass")
            [answer] = await person.wait_for(room, notices_from(bot.user_id), timeout=WAIT_S)
            return adapter.device_id, str(answer["content"]["body"])

    with caplog.at_level(logging.INFO):
        try:
            device, answer = asyncio.run(scenario())
        finally:
            services.close()
    assert answer.startswith("Brief: donbass")
    assert device == bot.device_id
    assert expiring.devices(expiring.lasting(bot)) == [bot.device_id], "no second device"
    stored = session.load()
    assert stored is not None and stored.device_id == bot.device_id and stored.next_batch
    assert f"MATRIX_ACCESS_TOKEN has expired at {expiring.url}" in caplog.text
    assert f"logged in with MATRIX_PASSWORD on device {bot.device_id}" in caplog.text


def test_a_start_with_an_expired_token_says_what_the_password_login_lacks(
    expiring: Homeserver, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The login with MATRIX_PASSWORD needs the user (an expired token cannot tell it), and
    the right password; without a device id it still logs in, on a new device, saying so."""
    bot = expiring.register("briefbot")
    settings = MatrixConfig(state_dir=tmp_path / "matrix")

    def secrets(**changes: str) -> Secrets:
        given = {
            "matrix_homeserver": expiring.url,
            "matrix_access_token": bot.access_token,
            "matrix_user_id": bot.user_id,
            "matrix_password": bot.password,
        }
        return Secrets(**{k: v for k, v in (given | changes).items() if v})

    async def refusal(given: Secrets) -> str:
        with pytest.raises(MatrixLoginError) as refused:
            await connect(given, settings)
        return str(refused.value)

    async def scenario() -> tuple[str, str, str]:
        await until("the token expired", lambda: expiring.token_status(bot.access_token) == 401)
        no_user = await refusal(secrets(matrix_user_id=""))
        wrong = await refusal(secrets(matrix_password="not-the-password"))
        client, state, _ = await connect(secrets(), settings)
        await client.close()
        return no_user, wrong, state.device_id

    with caplog.at_level(logging.INFO):
        no_user, wrong, device = asyncio.run(scenario())
    expired = f"MATRIX_ACCESS_TOKEN has expired at {expiring.url} (HTTP 401 M_UNKNOWN_TOKEN"
    assert no_user.startswith(expired) and "MATRIX_PASSWORD instead needs MATRIX_USER_ID" in no_user
    assert wrong.startswith(expired) and "MATRIX_PASSWORD does not log the bot in" in wrong
    assert "M_FORBIDDEN" in wrong and "\n" not in wrong + no_user
    assert device != bot.device_id
    assert sorted(expiring.devices(expiring.lasting(bot))) == sorted([bot.device_id, device])
    assert "its device is unknown (neither MATRIX_DEVICE_ID nor a stored session" in caplog.text


def test_a_start_with_an_expired_token_and_no_password_stops_naming_the_token(
    expiring: Homeserver, tmp_path: Path
) -> None:
    bot = expiring.register("briefbot")
    login = {"MATRIX_ACCESS_TOKEN": bot.access_token, "MATRIX_USER_ID": bot.user_id}
    services = bot_services(expiring, bot, tmp_path, login=login)

    async def scenario() -> str:
        await until("the token expired", lambda: expiring.token_status(bot.access_token) == 401)
        with pytest.raises(MatrixLoginError) as refused:
            await MatrixAdapter(services).start()
        return str(refused.value)

    try:
        message = asyncio.run(scenario())
    finally:
        services.close()
    assert message.startswith(
        f"MATRIX_ACCESS_TOKEN was refused by {expiring.url} (HTTP 401 M_UNKNOWN_TOKEN"
    )
    assert "expired" in message and "or MATRIX_PASSWORD instead" in message
    assert "\n" not in message
    assert expiring.devices(expiring.lasting(bot)) == [bot.device_id], "no login"


def test_a_start_with_a_revoked_token_stops_even_with_a_password(
    expiring: Homeserver, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Someone ended that session (spec: no soft logout): as while the bot runs, no password
    logs it in on its own; the line says how to let the password do it."""
    bot = expiring.register("briefbot")
    expiring.log_out(bot.access_token)  # at once: before it could expire
    login = {
        "MATRIX_ACCESS_TOKEN": bot.access_token,
        "MATRIX_USER_ID": bot.user_id,
        "MATRIX_PASSWORD": bot.password,
    }
    services = bot_services(expiring, bot, tmp_path, login=login)

    async def scenario() -> str:
        with pytest.raises(MatrixLoginError) as refused:
            await MatrixAdapter(services).start()
        return str(refused.value)

    with caplog.at_level(logging.INFO):
        try:
            message = asyncio.run(scenario())
        finally:
            services.close()
    assert message.startswith(
        f"MATRIX_ACCESS_TOKEN was refused by {expiring.url} (HTTP 401 M_UNKNOWN_TOKEN"
    )
    assert message.endswith("or unset it to log in with MATRIX_PASSWORD")
    assert "\n" not in message
    assert expiring.devices(expiring.lasting(bot)) == [], "the password logged the bot in"
    assert "logged in with MATRIX_PASSWORD" not in caplog.text
