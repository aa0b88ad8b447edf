"""A homeserver that refuses connections, takes them and never answers, or answers with an
outage: the adapter says so in one line an attempt naming MATRIX_HOMESERVER, keeps trying
(one down at start may come up), and stops at once when asked to. An outage once it syncs
is waited out too: unlike a token refused, it stops nothing.

The silent and the refusing homeserver are sockets on 127.0.0.1; the one that comes back is
the real Synapse behind a proxy that answers 502 a few times first.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from aiohttp import ClientSession, web

from bot.app import build_services
from bot.backoff import Backoff
from bot.matrix import MatrixAdapter
from tests.conftest import make_config
from tests.integration.matrix.homeserver import Homeserver, MatrixUser

pytestmark = pytest.mark.integration

QUICK = Backoff(first=0.05, ceiling=0.2)
STOP_WAIT_S = 5.0  # a bound on waiting for a stop, never a speed requirement


@pytest.fixture
def refusing() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


@pytest.fixture
def silent() -> Iterator[str]:
    """Takes connections (the kernel's backlog does) and never answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(16)
        yield f"http://127.0.0.1:{s.getsockname()[1]}"


def attempts(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if "cannot reach" in r.getMessage()]


@pytest.mark.parametrize("server", ["refusing", "silent"])
def test_a_homeserver_out_of_reach_is_named_once_an_attempt_and_tried_again(
    server: str, request: pytest.FixtureRequest, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = request.getfixturevalue(server)
    env = {
        "MATRIX_HOMESERVER": url,
        "MATRIX_USER_ID": "@bot:localhost",
        "MATRIX_ACCESS_TOKEN": "token",
    }
    services = build_services(make_config(tmp_path, env=env))
    adapter = MatrixAdapter(services, backoff=QUICK, connect_timeout=0.3)

    async def scenario() -> None:
        starting = asyncio.create_task(adapter.start())
        try:
            for _ in range(1000):
                if len(attempts(caplog)) >= 3 or starting.done():
                    break
                await asyncio.sleep(0.01)
            assert not starting.done(), "the start must keep trying, not give up"
        finally:
            starting.cancel()
            await asyncio.wait_for(asyncio.gather(starting, return_exceptions=True), STOP_WAIT_S)
            await adapter.stop()

    try:
        with caplog.at_level(logging.DEBUG):
            asyncio.run(scenario())
    finally:
        services.close()
    tried = attempts(caplog)
    assert len(tried) >= 3
    reason = "no answer within 0 s" if server == "silent" else "Cannot connect to host"
    for number, record in enumerate(tried, 1):
        message = record.getMessage()
        assert f"cannot reach {url} (MATRIX_HOMESERVER): " in message
        assert reason in message and f"attempt {number}," in message
        assert record.exc_info is None
    assert "Timed out, sleeping" not in caplog.text


@asynccontextmanager
async def proxy(
    homeserver: Homeserver, outage: Callable[[web.Request], bool]
) -> AsyncIterator[str]:
    """A proxy in front of the homeserver, as a reverse proxy would be: it answers 502 to
    the requests ``outage`` picks while the homeserver behind it is down, and passes the
    rest on. Its URL."""

    async def forward(request: web.Request) -> web.StreamResponse:
        if outage(request):
            return web.Response(status=502, text="<html>Bad Gateway</html>")
        async with (
            ClientSession() as session,
            session.request(
                request.method,
                homeserver.url + request.rel_url.path_qs,
                data=await request.read(),
                headers={k: v for k, v in request.headers.items() if k.lower() != "host"},
            ) as answer,
        ):
            return web.Response(
                status=answer.status,
                body=await answer.read(),
                content_type=answer.content_type,
            )

    app = web.Application()
    app.router.add_route("*", "/{path:.*}", forward)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        await runner.cleanup()


def password_login(url: str, bot: MatrixUser) -> dict[str, str]:
    return {
        "MATRIX_HOMESERVER": url,
        "MATRIX_USER_ID": bot.user_id,
        "MATRIX_PASSWORD": bot.password,
    }


def test_a_homeserver_back_from_an_outage_is_logged_in(
    homeserver: Homeserver, bot_user: MatrixUser, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    outages = [True, True]

    def down(request: web.Request) -> bool:
        return bool(outages) and outages.pop()

    async def scenario() -> str:
        async with proxy(homeserver, down) as url:
            services = build_services(make_config(tmp_path, env=password_login(url, bot_user)))
            adapter = MatrixAdapter(services, backoff=QUICK)
            try:
                await asyncio.wait_for(adapter.start(), 30)
                return adapter.user_id
            finally:
                await adapter.stop()
                services.close()

    with caplog.at_level(logging.INFO):
        assert asyncio.run(scenario()) == bot_user.user_id
    tried = attempts(caplog)
    assert len(tried) == 2
    assert all(
        "HTTP 502" in r.getMessage() and "(MATRIX_HOMESERVER)" in r.getMessage() for r in tried
    )


def test_an_outage_once_syncing_is_tried_again_and_does_not_stop_the_bot(
    homeserver: Homeserver, bot_user: MatrixUser, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Near miss of a refused token: a homeserver down for a while fails every sync too,
    and must be waited out, not taken for a setting to fix."""
    failed_syncs: list[str] = []
    down = asyncio.Event()

    def sync_down(request: web.Request) -> bool:
        if down.is_set() and request.path.endswith("/sync") and len(failed_syncs) < 3:
            failed_syncs.append(request.path)
            return True
        return False

    async def scenario() -> None:
        async with proxy(homeserver, sync_down) as url:
            services = build_services(make_config(tmp_path, env=password_login(url, bot_user)))
            adapter = MatrixAdapter(services, backoff=QUICK, sync_timeout_ms=200)
            try:
                await asyncio.wait_for(adapter.start(), 30)
                serving = asyncio.create_task(adapter.serving())
                down.set()
                for _ in range(1000):  # a bound, never a speed requirement
                    if len(failed_syncs) == 3:
                        break
                    await asyncio.sleep(0.01)
                await asyncio.wait_for(adapter.synced.wait(), 30)  # back once it is up
                assert not serving.done(), serving
                serving.cancel()
            finally:
                await adapter.stop()
                services.close()

    with caplog.at_level(logging.INFO):
        asyncio.run(scenario())
    failed = [r.getMessage() for r in caplog.records if "sync with" in r.getMessage()]
    assert len(failed) == 3, failed
    assert all("(MATRIX_HOMESERVER) failed: HTTP 502" in line for line in failed), failed
