"""The Synapse homeserver for the Matrix tests, and a bot running against it.

The homeserver is started once per session. Where Synapse is not installed the Matrix tests
skip saying so, except under CI (``CI`` set), where a silently skipped suite would prove
nothing: there they fail.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import pytest

from bot.app import Services, build_services
from bot.file_ingest import ingest_paths
from bot.matrix import MatrixAdapter
from tests.conftest import SEED_DIR, make_config
from tests.integration.matrix.homeserver import Homeserver, MatrixUser, synapse_python


@contextmanager
def started_homeserver(workdir: Path, **options: str) -> Iterator[Homeserver]:
    """A Synapse of its own in ``workdir`` (``options`` as ``Homeserver`` takes them)."""
    python = synapse_python()
    if python is None:
        reason = (
            "Synapse is not installed: run `make synapse` "
            "(or point BRIEFBOT_SYNAPSE_VENV at a venv with matrix-synapse)"
        )
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    server = Homeserver(python, workdir, **options)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def homeserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Homeserver]:
    with started_homeserver(tmp_path_factory.mktemp("synapse")) as server:
        yield server


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.failed:
        for value in getattr(item, "funcargs", {}).values():
            if isinstance(value, Homeserver):
                report.sections.append(("Synapse log", value.log_tail()))
    return report


@pytest.fixture
def bot_user(homeserver: Homeserver) -> MatrixUser:
    return homeserver.register("briefbot")


@pytest.fixture
def alice(homeserver: Homeserver) -> MatrixUser:
    return homeserver.register("alice")


def bot_services(
    homeserver: Homeserver,
    bot: MatrixUser,
    tmp_path: Path,
    matrix: dict[str, Any] | None = None,
    reports: list[Path] | None = None,
    login: dict[str, str] | None = None,
) -> Services:
    """A store with the seed (and any extra reports), logged in as ``bot`` by password, or
    with the variables ``login`` gives instead (``MATRIX_ACCESS_TOKEN``)."""
    extra = {"matrix": {"state_dir": str(tmp_path / "matrix"), **(matrix or {})}}
    env = {"MATRIX_HOMESERVER": homeserver.url} | (
        login or {"MATRIX_USER_ID": bot.user_id, "MATRIX_PASSWORD": bot.password}
    )
    services = build_services(make_config(tmp_path, extra, env))
    seed = sorted(SEED_DIR.glob("*.md"))
    ingest_paths(services.pipeline, [*seed, *(reports or [])], services.config.ingest_max_bytes)
    return services


@asynccontextmanager
async def running(services: Services, **options: Any) -> AsyncIterator[MatrixAdapter]:
    """A started adapter, stopped (answers finished, token saved) on the way out."""
    adapter = MatrixAdapter(services, **options)
    await adapter.start()
    try:
        yield adapter
    finally:
        await adapter.stop()
