"""Work claims on both backends: the first claim of a key wins, across stores on one database.

Every test takes ``database_url`` (SQLite and a real PostgreSQL server, see
``tests/integration/conftest.py``); two ``Store`` objects on one database are two replicas.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from briefings import schema
from briefings.store import Store
from briefings.work_claims import KEY_LENGTH, claim_on
from tests.postgres_server import PostgresServer

pytestmark = pytest.mark.integration

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = Store.open(database_url)
    yield opened
    opened.close()


def stored_keys(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        return sorted(conn.execute(select(schema.work_claims.c.key)).scalars())


def test_a_key_is_claimed_once_until_it_is_released(store: Store) -> None:
    assert store.claim("matrix:event:$abc")
    assert not store.claim("matrix:event:$abc")
    assert store.claim("matrix:event:$def"), "another key is another claim"
    store.release("matrix:event:$abc")  # its work did not get through
    assert store.claim("matrix:event:$abc")
    assert not store.claim("matrix:event:$abc")
    store.release("never-claimed")  # nothing to release is no error


def test_two_replicas_claiming_the_same_keys_at_once_win_each_once(database_url: str) -> None:
    """Two stores on one database (two replicas), each with four threads, claim the same 40
    keys, released together: every key is won by exactly one of the eight claimers."""
    replicas = [Store.open(database_url) for _ in range(2)]
    claimers = [replica for replica in replicas for _ in range(4)]
    keys = [f"slack:event:Ev{n:03d}" for n in range(40)]
    barrier = threading.Barrier(len(claimers))
    won: list[str] = []
    errors: list[BaseException] = []

    def claim_all(replica: Store) -> None:
        try:
            barrier.wait(timeout=30)
            for key in keys:
                if replica.claim(key):
                    won.append(key)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=claim_all, args=(r,)) for r in claimers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    try:
        assert errors == []
        assert sorted(won) == keys
        assert not replicas[1].claim(keys[0]) and not replicas[0].claim(keys[-1])
        replicas[0].release(keys[0])
        assert replicas[1].claim(keys[0]), "released on one replica, claimable on the other"
    finally:
        for replica in replicas:
            replica.close()


def test_a_lost_claim_is_no_error_in_its_transaction_nor_in_the_server_log(
    request: pytest.FixtureRequest, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A conflict that raised would abort a PostgreSQL transaction it was made in ("current
    transaction is aborted") and be logged by the server as a unique violation."""
    store = Store.open(database_url)
    try:
        with store.engine.begin() as conn:
            assert claim_on(conn, "matrix:encrypted:$sealed", NOW)
            assert not claim_on(conn, "matrix:encrypted:$sealed", NOW)
            # The transaction goes on after the lost claim, and commits.
            assert not claim_on(conn, "matrix:encrypted:$sealed", NOW)
            count = conn.execute(select(func.count()).select_from(schema.work_claims))
            assert count.scalar_one() == 1
        assert not store.claim("matrix:encrypted:$sealed", at=NOW)
        assert stored_keys(store) == ["matrix:encrypted:$sealed"]
    finally:
        store.close()
    assert [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")] == []
    if database_url.startswith("postgresql"):
        server: PostgresServer = request.getfixturevalue("postgres_server")
        logged = server.logfile.read_text(encoding="utf-8", errors="replace")
        assert "work_claims_pkey" not in logged


def test_claims_older_than_a_day_are_pruned_now_and_then(database_url: str) -> None:
    """Pruning is one indexed delete when a store first claims and then at most once an
    hour, not a scan at every claim: an expired claim may hold until the next prune."""
    first, second = Store.open(database_url), Store.open(database_url)
    try:
        assert first.claim("fresh", at=NOW)  # the first claim prunes (nothing yet)
        assert second.claim("old", at=NOW - timedelta(days=2))  # another replica's, long ago
        assert not first.claim("old", at=NOW + timedelta(minutes=10)), "not pruned every call"
        assert first.claim("later", at=NOW + timedelta(minutes=61))  # an hour on: pruned
        assert stored_keys(first) == ["fresh", "later"]
        assert first.claim("old", at=NOW + timedelta(minutes=62))
        # A day and a bit later every claim above is gone, and each key can be claimed anew.
        assert first.claim("fresh", at=NOW + timedelta(days=1, hours=2))
        assert stored_keys(first) == ["fresh"]
    finally:
        first.close()
        second.close()


def test_long_and_unprintable_keys_are_stored_bounded_and_kept_apart(store: Store) -> None:
    shared_start = "slack:share:C0NEWS|U0ALICE|https://hooks.slack.com/actions/T0/" + "x" * 200
    first, second = shared_start + "|donbass", shared_start + "|ukraine-peace-talks"
    assert store.claim(first) and store.claim(second)
    assert not store.claim(first) and not store.claim(second)
    odd = "slack:share:C0NEWS|U0ALICE|nul\x00here"  # PostgreSQL cannot store a NUL
    assert store.claim(odd) and not store.claim(odd)
    assert store.claim("Донбас — ключ"), "a short printable key is stored as given"
    kept = stored_keys(store)
    assert len(kept) == 4
    assert all(len(key) <= KEY_LENGTH and key.isprintable() for key in kept)
    assert "Донбас — ключ" in kept
    store.release(first)
    assert store.claim(first) and not store.claim(second)
