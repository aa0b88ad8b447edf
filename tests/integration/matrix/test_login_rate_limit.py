"""A homeserver that rate-limits the bot's login (HTTP 429, ``M_LIMIT_EXCEEDED``): the
adapter, not nio, waits what the homeserver asked, in one line naming MATRIX_HOMESERVER,
and then logs in; nio on its own asked again after every 429, forever, saying only "Got 429
response (ratelimited)", and a wait past the connect timeout read as no answer at all.

A Synapse of its own, since every other test needs logins unlimited: it lets one address
log in once every four seconds.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.app import build_services
from bot.backoff import Backoff
from bot.matrix import MatrixAdapter
from tests.conftest import make_config
from tests.integration.matrix.conftest import started_homeserver
from tests.integration.matrix.homeserver import Homeserver

pytestmark = pytest.mark.integration

QUICK = Backoff(first=0.05, ceiling=0.2)
START_WAIT_S = 60.0  # a bound on waiting for the start, never a speed requirement


@pytest.fixture(scope="module")
def login_limited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Homeserver]:
    workdir = tmp_path_factory.mktemp("synapse-login-limited")
    with started_homeserver(workdir, login_limit="{per_second: 0.25, burst_count: 1}") as server:
        yield server


def test_a_rate_limited_login_waits_what_the_homeserver_asked_and_says_so(
    login_limited: Homeserver, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bot = login_limited.register("briefbot")
    # Someone else on this address (the bot's last run, a person in Element) has just taken
    # the one login the homeserver allows for the next few seconds.
    earlier = httpx.post(
        f"{login_limited.url}/_matrix/client/v3/login",
        json={
            "type": "m.login.password",
            "identifier": {"type": "m.id.user", "user": bot.localpart},
            "password": bot.password,
        },
        timeout=10,
    )
    earlier.raise_for_status()
    env = {
        "MATRIX_HOMESERVER": login_limited.url,
        "MATRIX_USER_ID": bot.user_id,
        "MATRIX_PASSWORD": bot.password,
    }
    services = build_services(make_config(tmp_path, env=env))
    # A connect timeout shorter than the homeserver's delay: the wait is no failed attempt.
    adapter = MatrixAdapter(services, backoff=QUICK, connect_timeout=1.0)

    async def scenario() -> str:
        await asyncio.wait_for(adapter.start(), START_WAIT_S)
        try:
            return adapter.user_id
        finally:
            await adapter.stop()

    try:
        with caplog.at_level(logging.INFO):
            assert asyncio.run(scenario()) == bot.user_id
    finally:
        services.close()
    limited = [r for r in caplog.records if "rate-limits" in r.getMessage()]
    # One line: the second attempt came no sooner than the homeserver asked, so it got in.
    assert len(limited) == 1, caplog.text
    message = limited[0].getMessage()
    assert message.startswith(
        f"matrix: {login_limited.url} (MATRIX_HOMESERVER) rate-limits the bot's login: "
        "HTTP 429 M_LIMIT_EXCEEDED"
    ), message
    waited = re.search(r"attempt 1, trying again in (\d+) s$", message)
    assert waited is not None and int(waited.group(1)) >= 1, "the server's delay, not QUICK's"
    assert limited[0].levelno == logging.WARNING and limited[0].exc_info is None
    assert "Got 429 response" not in caplog.text, "nio must leave the retry to the adapter"
    assert "cannot reach" not in caplog.text
