"""The bot's session ended by the homeserver while the bot runs: its token revoked, its
device signed out. Every sync and send is refused from then on (HTTP 401 ``M_UNKNOWN_TOKEN``)
and no retry can mend that: the bot stops with one line naming the setting to fix, as for
a token refused at start, instead of syncing in vain for ever, deaf on Matrix while it looks
alive; a digest refused so is given up at once, saying why.

The real Synapse; the session is ended through its own APIs, as a person or an admin would.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from bot.config import MatrixConfig, Secrets
from bot.delivery import DeliveryRouter
from bot.matrix.adapter import SYNC_TIMEOUT_MS
from bot.matrix.client import MatrixLoginError, connect
from bot.scheduler import BotScheduler
from bot.status import build_status
from briefings.ledger import Follow
from tests.conftest import bot_env
from tests.e2e.bot_process import run_until_it_stops
from tests.integration.matrix.conftest import bot_services, running
from tests.integration.matrix.homeserver import Homeserver, MatrixUser
from tests.integration.matrix.human import Human

pytestmark = pytest.mark.integration

EXIT_USAGE = 2
# Synapse answers a sync in flight once the session ends; at the latest the sync times out
# (nio allows 15 s past the timeout it asked for) and the next one is refused.
NOTICED_WITHIN_S = SYNC_TIMEOUT_MS / 1000 + 15 + 15


def sync_failures(log: str) -> list[str]:
    return [line for line in log.splitlines() if "sync with" in line and "failed" in line]


def test_briefbot_run_stops_in_one_line_when_its_access_token_is_revoked(
    homeserver: Homeserver, bot_user: MatrixUser, tmp_path: Path
) -> None:
    env = bot_env(tmp_path) | {
        "MATRIX_HOMESERVER": homeserver.url,
        "MATRIX_ACCESS_TOKEN": bot_user.access_token,
    }
    returncode, log = run_until_it_stops(
        env,
        tmp_path,
        once="matrix adapter started",
        then=lambda: homeserver.log_out(bot_user.access_token),
        within=NOTICED_WITHIN_S,
    )
    assert returncode == EXIT_USAGE, log
    assert "Traceback" not in log and "Unclosed" not in log, log
    [line] = [line for line in log.splitlines() if line.startswith("briefbot:")]
    assert f"MATRIX_ACCESS_TOKEN is no longer accepted by {homeserver.url}" in line, line
    assert "HTTP 401 M_UNKNOWN_TOKEN" in line, line
    assert "set a new access token" in line, line
    assert sync_failures(log) == [], log


def test_a_device_signed_out_by_the_admin_stops_the_bot_and_is_not_logged_in_again(
    homeserver: Homeserver,
    bot_user: MatrixUser,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """With MATRIX_PASSWORD the bot could log in again, but a session someone ended is
    theirs to end (spec: the device and what the client kept of it are gone): the bot stops,
    forgets the stored device, and a restart, the operator's say-so, logs in anew."""
    services = bot_services(homeserver, bot_user, tmp_path)
    session = services.config.matrix.state_dir / "session.json"

    async def scenario() -> tuple[str, str, str]:
        async with running(services) as adapter:
            device = adapter.device_id
            homeserver.delete_device(bot_user.user_id, device)
            with pytest.raises(MatrixLoginError) as ended:
                await asyncio.wait_for(adapter.serving(), NOTICED_WITHIN_S)
        assert not session.exists(), "the ended session must not be reused"
        async with running(services) as again:
            return device, again.device_id, str(ended.value)

    with caplog.at_level(logging.INFO):
        try:
            device, new_device, message = asyncio.run(scenario())
        finally:
            services.close()
    assert f"{homeserver.url} ended the bot's session (device {device})" in message
    assert "HTTP 401 M_UNKNOWN_TOKEN" in message
    assert "MATRIX_PASSWORD" in message and "restart briefbot" in message
    assert "\n" not in message
    assert device not in homeserver.devices(bot_user), "the bot logged in again on its own"
    assert new_device != device
    assert "logged in again" not in caplog.text
    assert sync_failures(caplog.text) == []


def test_a_digest_refused_for_a_revoked_token_is_given_up_at_once_naming_the_setting(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    login = {"MATRIX_ACCESS_TOKEN": bot_user.access_token}
    services = bot_services(homeserver, bot_user, tmp_path, login=login)

    async def scenario() -> tuple[str, list[str], str]:
        router = DeliveryRouter()
        async with running(services, router=router) as adapter, Human(homeserver, alice) as person:
            router.register(adapter.destination)
            room = await person.create_room(invite=bot_user.user_id)
            await person.membership(room, bot_user.user_id)
            services.store.add_follow(Follow(f"matrix:{room}", "donbass", "08:00", "UTC"))
            homeserver.log_out(bot_user.access_token)
            scheduler = BotScheduler(services, router)
            await scheduler.start(paused=True)
            try:
                outcome = await scheduler.run_digest(f"matrix:{room}", "donbass")
                retries = [job for job in scheduler.job_ids() if job.startswith("retry:")]
            finally:
                await scheduler.stop()
            with pytest.raises(MatrixLoginError) as ended:
                await asyncio.wait_for(adapter.serving(), NOTICED_WITHIN_S)
        return outcome, retries, str(ended.value)

    try:
        outcome, retries, ended = asyncio.run(scenario())
        status = "\n".join(build_status(services.store, datetime.now(UTC)).lines)
    finally:
        services.close()
    # Every retry would be refused alike until the token is fixed, which needs a restart.
    assert outcome == "given up" and retries == [], status
    assert "given up after 1 attempt" in status, status
    assert "HTTP 401 M_UNKNOWN_TOKEN" in status and "set MATRIX_ACCESS_TOKEN" in status, status
    assert "MATRIX_ACCESS_TOKEN is no longer accepted" in ended


def test_a_token_of_another_device_is_kept_under_the_device_it_belongs_to(
    homeserver: Homeserver, tmp_path: Path
) -> None:
    """MATRIX_DEVICE_ID (or a stored session) names one device and the token belongs to
    another, minted there later: /whoami says which, and that is the device the session is
    kept and renewed under, not the one named."""
    bot = homeserver.register("briefbot")
    second = httpx.post(
        f"{homeserver.url}/_matrix/client/v3/login",
        json={
            "type": "m.login.password",
            "identifier": {"type": "m.id.user", "user": bot.user_id},
            "password": bot.password,
            "device_id": "SECONDDEVICE",
        },
        timeout=10,
    ).json()["access_token"]
    secrets = Secrets(
        matrix_homeserver=homeserver.url,
        matrix_access_token=second,
        matrix_device_id=bot.device_id,
    )

    async def scenario() -> tuple[str, str | None]:
        client, state, _ = await connect(secrets, MatrixConfig(state_dir=tmp_path / "matrix"))
        await client.close()
        return state.device_id, client.device_id

    assert asyncio.run(scenario()) == ("SECONDDEVICE", "SECONDDEVICE")
