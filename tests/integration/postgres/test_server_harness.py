"""The PostgreSQL harness itself: where it finds the server, and that it cleans up."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from tests.postgres_server import (
    PostgresServer,
    PostgresUnavailable,
    find_bindir,
    running_postgres,
)

pytestmark = pytest.mark.integration


def test_a_wrong_bindir_is_reported_as_unavailable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFBOT_PG_BINDIR", str(tmp_path))
    with pytest.raises(PostgresUnavailable, match="holds no initdb"):
        find_bindir()


def test_each_database_is_new_and_empty(postgres_server: PostgresServer) -> None:
    first, second = postgres_server.create_database(), postgres_server.create_database()
    assert first != second
    name = first.rsplit("/", 1)[1]
    with psycopg.connect(postgres_server.dsn(name)) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()
    assert tables == (0,)
    assert postgres_server.process is not None and postgres_server.process.poll() is None


def test_the_server_is_stopped_and_its_files_removed(postgres_server: PostgresServer) -> None:
    # postgres_server proves the binaries exist (or skips); this test starts its own server
    with running_postgres() as server:
        process, root = server.process, server.root
        assert process is not None and process.poll() is None and root.is_dir()
    assert process.poll() is not None, "stopped by its PID"
    assert not root.exists()
