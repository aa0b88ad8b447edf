"""Which replica runs the scheduler: leader election through a PostgreSQL advisory lock.

Several ``briefbot run`` processes may share one PostgreSQL database: each answers chat
requests, but only the one holding the advisory lock runs the scheduler, so polls and
digests happen once. The lock lives on a dedicated database session; when the leader dies
the session ends, PostgreSQL releases the lock and the next replica to try takes it (each
follower tries every ``interval`` seconds). The leader checks its session every interval
and stops its scheduler as soon as the session is gone, before anyone else can be elected
on a lock that is no longer its own. The session asks the server for TCP keepalives so that
a leader whose machine vanished without closing its connection is noticed in seconds, not
after the operating system's two-hour default. A digest that two leaders might still race
for is claimed in the store first (``begin_delivery``), so it is posted once regardless.

SQLite is meant for one ``briefbot run``, but nothing stops a second one on the same file
(a restart that overlaps the old process, a second terminal): the leader there holds an
exclusive lock on a file beside the database, which the operating system releases when the
process ends, however it ends, so a second process answers chat but runs no scheduler, and
takes it over once the first is gone. Follows still come from outside it (``briefbot
follow`` typed in another terminal writes them to the same file), so the leader reads the
store's follows every interval on either backend.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import IO, Protocol

try:
    import fcntl
except ImportError:  # not on Windows: SQLite there keeps the one-process rule
    fcntl = None  # type: ignore[assignment]

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from briefings.ledger import Follow
from briefings.store import Store

log = logging.getLogger(__name__)

# One lock per database: the key only has to be stable and unlikely to collide with
# another application's advisory locks in the same database ("briefbot" in ASCII).
SCHEDULER_LOCK_KEY = 0x6272696566626F74
INTERVAL_S = 1.0


class Election(Protocol):
    """Leadership as seen by one process: try to become leader, check it is still held."""

    def try_acquire(self) -> bool: ...

    def still_held(self) -> bool: ...

    def release(self) -> None: ...


class SingleProcessElection:
    """SQLite: one process owns the store, so it always leads."""

    def try_acquire(self) -> bool:
        return True

    def still_held(self) -> bool:
        return True

    def release(self) -> None:
        return None


class FileLockElection:
    """SQLite: an exclusive ``flock`` on ``<database>.scheduler-lock``, held while leading.

    The lock belongs to the open file, so it dies with the process (a crash or a SIGKILL
    included) and a stale lock file stays harmless: it is only ever locked, never read.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._file: IO[bytes] | None = None

    def try_acquire(self) -> bool:
        if self._file is not None:
            return True
        try:
            handle = open(self._path, "ab")  # noqa: SIM115 (held open while leading)
        except OSError:
            # A folder we may read but not write (a read-only store): lead as before.
            log.warning("leader election: cannot create %s; leading without a lock", self._path)
            return True
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._file = handle
        return True

    def still_held(self) -> bool:
        return self._file is not None

    def release(self) -> None:
        if self._file is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None


class AdvisoryLockElection:
    """A session-level ``pg_try_advisory_lock`` held on a connection of its own."""

    def __init__(self, engine: Engine, key: int = SCHEDULER_LOCK_KEY) -> None:
        # Its own engine without a pool: the lock must live and die with exactly one session.
        self._engine = create_engine(engine.url, poolclass=NullPool)
        self._key = key
        self._conn: Connection | None = None

    def try_acquire(self) -> bool:
        if self._conn is not None:
            return self.still_held()
        conn = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            for setting in (
                "SET tcp_keepalives_idle = 10",
                "SET tcp_keepalives_interval = 5",
                "SET tcp_keepalives_count = 3",
                "SET application_name = 'briefbot scheduler lock'",
            ):
                conn.execute(text(setting))
            got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": self._key})
            if got.scalar_one():
                self._conn = conn
                return True
        except DBAPIError:
            log.warning("leader election: the database is unreachable", exc_info=True)
        with contextlib.suppress(DBAPIError):
            conn.close()
        return False

    def still_held(self) -> bool:
        # A session-level advisory lock lasts as long as its session: if the session still
        # answers, the lock is still ours.
        if self._conn is None:
            return False
        try:
            self._conn.execute(text("SELECT 1"))
            return True
        except DBAPIError:
            log.warning("leader election: lost the lock session", exc_info=True)
        self._drop()
        return False

    def release(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(DBAPIError):
                self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self._key})
        self._drop()
        self._engine.dispose()

    def _drop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(DBAPIError):
                self._conn.close()
            self._conn = None


def election_for(store: Store) -> Election:
    """The election that fits the store's backend: an advisory lock on PostgreSQL, a lock
    file beside an SQLite database file, and none for an in-memory one."""
    if store.backend == "postgresql":
        return AdvisoryLockElection(store.engine)
    database = store.engine.url.database
    if fcntl is None or not database or database == ":memory:" or database.startswith("file:"):
        return SingleProcessElection()
    return FileLockElection(Path(f"{database}.scheduler-lock"))


class Scheduler(Protocol):
    """What the leader loop needs of ``bot.scheduler.BotScheduler``."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    def sync_follow(self, follow: Follow, added: bool) -> None: ...


class LeaderLoop:
    """Runs a scheduler only while this process leads; hands chat follows to it.

    A fresh scheduler is built at each election (a stopped APScheduler is not restarted).
    While leading, follows that other processes stored (a ``follow`` typed on Slack reaches
    whichever replica Slack picked; ``briefbot follow`` is a process of its own) are brought
    into the scheduler by comparing the store's follows with the ones it already knows,
    every interval.
    """

    def __init__(
        self,
        election: Election,
        make_scheduler: Callable[[], Scheduler],
        store: Store,
        interval: float = INTERVAL_S,
    ) -> None:
        self.election = election
        self.make_scheduler = make_scheduler
        self.store = store
        self.interval = interval
        self.scheduler: Scheduler | None = None
        self.elected = asyncio.Event()
        self._known: dict[tuple[str, str], Follow] = {}

    @property
    def leading(self) -> bool:
        return self.scheduler is not None

    async def run(self, stop: asyncio.Event) -> None:
        """Until ``stop``: try to lead, run the scheduler while leading, step down if lost."""
        try:
            while not stop.is_set():
                try:
                    await self._tick(stop)
                except Exception:  # a database hiccup must not end the election for good
                    log.exception("leader election: this round failed; trying again")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.interval)
        finally:
            await self._step_down()
            await asyncio.to_thread(self.election.release)

    async def _tick(self, stop: asyncio.Event) -> None:
        if self.scheduler is None:
            if await asyncio.to_thread(self.election.try_acquire) and not stop.is_set():
                # A stop that came while the lock was being taken (another process shutting
                # down with this one released it) starts no scheduler only to stop it again;
                # ``run`` releases the lock on its way out.
                await self._take_over()
        elif not await asyncio.to_thread(self.election.still_held):
            log.warning("leadership lost; stopping the scheduler")
            await self._step_down()
        else:
            self._reconcile_follows(await asyncio.to_thread(self.store.follows))

    def on_follow(self, follow: Follow, added: bool) -> None:
        """The chat handler's follow callback: the scheduler learns of it here if leading."""
        key = (follow.destination, follow.topic)
        if self.scheduler is None:
            return  # the leader picks it up from the store
        self.scheduler.sync_follow(follow, added)
        if added:
            self._known[key] = follow
        else:
            self._known.pop(key, None)

    async def _take_over(self) -> None:
        scheduler = self.make_scheduler()
        try:
            known = await asyncio.to_thread(self.store.follows)
            await scheduler.start()
        except Exception:
            log.exception("scheduler failed to start; giving up leadership")
            with contextlib.suppress(Exception):
                await scheduler.stop()
            await asyncio.to_thread(self.election.release)
            return
        self.scheduler = scheduler
        # Follows stored while starting are caught by the next reconciliation.
        self._known = {(f.destination, f.topic): f for f in known}
        self.elected.set()
        log.info("elected leader: this process runs the scheduler")

    async def _step_down(self) -> None:
        scheduler, self.scheduler = self.scheduler, None
        self.elected.clear()
        if scheduler is not None:
            await scheduler.stop()

    def _reconcile_follows(self, follows: list[Follow]) -> None:
        scheduler = self.scheduler
        if scheduler is None:
            return
        current = {(f.destination, f.topic): f for f in follows}
        for key, follow in current.items():
            if self._known.get(key) != follow:
                scheduler.sync_follow(follow, True)
        for key, follow in self._known.items():
            if key not in current:
                scheduler.sync_follow(follow, False)
        self._known = current


__all__ = [
    "SCHEDULER_LOCK_KEY",
    "AdvisoryLockElection",
    "Election",
    "LeaderLoop",
    "SingleProcessElection",
    "election_for",
]
