"""Integration fixtures: a real PostgreSQL server for the store tests that run on both backends.

One server per test session; each test gets its own database. Where the PostgreSQL binaries
are missing the PostgreSQL cases skip locally, saying why, but fail when ``CI`` is set: a
suite that silently skipped its PostgreSQL half in CI would prove nothing about it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefings.store import Store
from tests.postgres_server import PostgresServer, PostgresUnavailable, running_postgres


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    try:
        with running_postgres() as server:
            yield server
    except PostgresUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set and PostgreSQL is unavailable: {exc}")
        pytest.skip(str(exc))


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store URL on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'nested' / 'b.db'}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.create_database()


def open_at_once(url: str, openers: int) -> tuple[list[Store], list[str]]:
    """Open one store from ``openers`` threads released together, as processes started at
    the same moment do: the stores opened (the caller closes them) and the errors met."""
    barrier = threading.Barrier(openers)
    opened: list[Store] = []
    errors: list[str] = []

    def open_store() -> None:
        try:
            barrier.wait(timeout=30)
            opened.append(Store.open(url))
        except BaseException as exc:  # surfaced by the caller
            errors.append(str(exc))

    threads = [threading.Thread(target=open_store) for _ in range(openers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return opened, errors
