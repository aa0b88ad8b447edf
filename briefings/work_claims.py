"""Work claims: the first replica to claim a key in the store acts on it, the others skip.

Replicas on one database serve the same chat: each Matrix replica syncs the same account and
sees every command, and Slack may retry an event, or a user click a button twice, on another
replica than the first. What must happen once is claimed here first. A claim is one
``INSERT … ON CONFLICT DO NOTHING``: atomic across processes, and a key already taken is no
error, so a lost claim neither aborts the transaction it is made in nor lands in
PostgreSQL's log as one. Claims are kept for a day, long past any retry, and pruned by age
now and then (an index range, at most once an hour per process), never at every claim.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from briefings import schema as t

# The longest key stored as given; a longer one (or one with characters a database may
# refuse, such as NUL) is stored as its start and a hash of the whole.
KEY_LENGTH = 128
CLAIM_RETENTION = timedelta(days=1)
PRUNE_INTERVAL = timedelta(hours=1)

# Each dialect's INSERT that can skip a conflicting row; briefbot runs on these two.
_INSERTS: dict[str, Callable[..., Any]] = {
    "sqlite": sqlite.insert,
    "postgresql": postgresql.insert,
}


def stored_key(key: str) -> str:
    """``key`` as the table holds it: bounded in length and printable."""
    if len(key) <= KEY_LENGTH and key.isprintable():
        return key
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
    start = "".join(c if c.isprintable() else "?" for c in key[: KEY_LENGTH - len(digest) - 1])
    return f"{start}#{digest}"


def claim_on(conn: Connection, key: str, at: datetime) -> bool:
    """Claim ``key`` in the caller's transaction: True if no claim held it yet."""
    insert = _INSERTS[conn.dialect.name]
    statement = (
        insert(t.work_claims)
        .values(key=stored_key(key), claimed_at=at)
        .on_conflict_do_nothing(index_elements=[t.work_claims.c.key])
    )
    if conn.dialect.name == "sqlite":
        # sqlite3 counts the row an INSERT wrote, 0 for a conflict skipped; RETURNING would
        # need SQLite 3.35, which older systems' Pythons do not bundle.
        return conn.execute(statement).rowcount == 1
    # RETURNING rather than the rowcount, which drivers need not report for an INSERT
    # (psycopg's reads -1 once SQLAlchemy has closed the cursor).
    return conn.execute(statement.returning(t.work_claims.c.key)).first() is not None


def _now() -> datetime:
    return datetime.now(UTC)


class WorkClaimsMixin:
    """``claim`` and ``release``; mixed into ``Store``, which owns ``engine``."""

    engine: Engine
    # When this process last pruned old claims (None: not yet).
    _claims_pruned_at: datetime | None = None

    def claim(self, key: str, at: datetime | None = None) -> bool:
        """Take ``key``: True for the first claim of it on this database, by any replica or
        process; False while an earlier claim holds it. ``at`` is the moment of the claim
        (now by default)."""
        now = at or _now()
        last = self._claims_pruned_at
        if last is None or now - last >= PRUNE_INTERVAL:
            with self.engine.begin() as conn:
                conn.execute(
                    delete(t.work_claims).where(t.work_claims.c.claimed_at < now - CLAIM_RETENTION)
                )
            self._claims_pruned_at = now
        with self.engine.begin() as conn:
            return claim_on(conn, key, now)

    def release(self, key: str) -> None:
        """Let ``key`` be claimed again: the work it stood for did not get through."""
        with self.engine.begin() as conn:
            conn.execute(delete(t.work_claims).where(t.work_claims.c.key == stored_key(key)))
