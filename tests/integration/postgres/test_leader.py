"""Leader election on a real PostgreSQL: one leader at a time, taken over when it dies.

The scheduler here is a recording double with the three methods ``LeaderLoop`` calls; the
real ``BotScheduler`` under election runs in ``tests/e2e/test_replicas.py``.
"""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.leader import (
    AdvisoryLockElection,
    FileLockElection,
    LeaderLoop,
    SingleProcessElection,
    election_for,
)
from briefings.ledger import Follow
from briefings.store import Store
from tests.postgres_server import PostgresServer

pytestmark = pytest.mark.integration
WAIT_S = 30  # a bound on waiting for an election, never a speed requirement


@dataclass
class RecordingScheduler:
    name: str
    log: list[str]
    follows: list[tuple[Follow, bool]] = field(default_factory=list)

    async def start(self) -> None:
        self.log.append(f"{self.name} start")

    async def stop(self) -> None:
        self.log.append(f"{self.name} stop")

    def sync_follow(self, follow: Follow, added: bool) -> None:
        self.follows.append((follow, added))


@pytest.fixture
def pg_store(postgres_server: PostgresServer) -> Store:
    store = Store.open(postgres_server.create_database())
    yield store  # type: ignore[misc]
    store.close()


def terminate_lock_sessions(store: Store) -> int:
    """What PostgreSQL does when the leader's process dies: its session ends.

    Only the session that holds the lock: another replica's attempt may be connected at the
    same instant (it retries every few milliseconds here), and it holds nothing."""
    with store.engine.connect() as conn:
        killed = conn.execute(
            text(
                "SELECT count(pg_terminate_backend(a.pid)) FROM pg_stat_activity a "
                "JOIN pg_locks l ON l.pid = a.pid AND l.locktype = 'advisory' AND l.granted "
                "WHERE a.application_name = 'briefbot scheduler lock' "
                "AND a.datname = current_database()"
            )
        ).scalar_one()
    return int(killed)


def test_one_holder_at_a_time_and_release_hands_over(pg_store: Store) -> None:
    first, second = AdvisoryLockElection(pg_store.engine), AdvisoryLockElection(pg_store.engine)
    assert first.try_acquire() is True
    assert second.try_acquire() is False
    assert first.try_acquire() is True, "asking again keeps it"
    first.release()
    assert first.still_held() is False
    assert second.try_acquire() is True
    second.release()


def test_a_dead_session_loses_the_lock_to_the_next_replica(pg_store: Store) -> None:
    first, second = AdvisoryLockElection(pg_store.engine), AdvisoryLockElection(pg_store.engine)
    assert first.try_acquire()
    assert terminate_lock_sessions(pg_store) == 1
    assert second.try_acquire() is True
    assert first.still_held() is False, "the old leader notices before acting again"
    assert first.try_acquire() is False
    first.release()
    second.release()


def test_two_runs_on_one_sqlite_file_elect_one_leader(tmp_path: Path) -> None:
    """A second `briefbot run` on the same file (a restart overlapping the old process)
    runs no second scheduler, and takes over once the first has let go."""
    store = Store.open(f"sqlite:///{tmp_path}/s.db")
    first, second = election_for(store), election_for(store)
    assert isinstance(first, FileLockElection)
    assert first.try_acquire() and first.still_held()
    assert second.try_acquire() is False and second.still_held() is False
    first.release()
    assert second.try_acquire() is True
    second.release()
    store.close()


def test_a_killed_sqlite_leader_leaves_no_lock_behind(tmp_path: Path) -> None:
    """The lock dies with its process, SIGKILL included: nothing stale to clean up."""
    store = Store.open(f"sqlite:///{tmp_path}/s.db")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from bot.leader import election_for\n"
            "from briefings.store import Store\n"
            "election = election_for(Store.open(sys.argv[1]))\n"
            "assert election.try_acquire()\n"
            "print('leading', flush=True)\n"
            "time.sleep(60)\n",
            f"sqlite:///{tmp_path}/s.db",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "leading"
        election = election_for(store)
        assert election.try_acquire() is False
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=WAIT_S)
        assert election.try_acquire() is True
        election.release()
    finally:
        holder.kill()
        holder.wait(timeout=WAIT_S)
        if holder.stdout is not None:
            holder.stdout.close()
        store.close()


def test_an_in_memory_sqlite_store_is_led_by_its_one_process() -> None:
    store = Store.open("sqlite://")
    election = election_for(store)
    assert isinstance(election, SingleProcessElection)
    assert election.try_acquire() and election.still_held()
    store.close()


async def _wait(event: asyncio.Event) -> None:
    await asyncio.wait_for(event.wait(), WAIT_S)


def test_follows_another_process_stores_in_sqlite_reach_the_scheduler(tmp_path: object) -> None:
    """`briefbot follow` in a terminal writes to the file that `briefbot run` leads on."""
    store = Store.open(f"sqlite:///{tmp_path}/s.db")
    scheduler = RecordingScheduler("one", [])
    follow = Follow("stdout", "donbass", "08:00", "Europe/Kyiv")

    async def until(done: Callable[[], bool]) -> None:
        for _ in range(200):
            if done():
                return
            await asyncio.sleep(0.05)

    async def scenario() -> None:
        stop = asyncio.Event()
        loop = LeaderLoop(election_for(store), lambda: scheduler, store, interval=0.05)
        running = asyncio.create_task(loop.run(stop))
        await _wait(loop.elected)
        store.add_follow(follow)  # no on_follow: it came from another process
        await until(lambda: len(scheduler.follows) == 1)
        assert store.remove_follow("stdout", "donbass")
        await until(lambda: len(scheduler.follows) == 2)
        stop.set()
        await running

    asyncio.run(scenario())
    store.close()
    assert scheduler.follows == [(follow, True), (follow, False)]


def test_leader_loops_run_one_scheduler_and_take_over_when_the_leader_dies(
    pg_store: Store,
) -> None:
    log: list[str] = []

    async def scenario() -> None:
        stop_a, stop_b = asyncio.Event(), asyncio.Event()
        made: dict[str, RecordingScheduler] = {}

        def maker(name: str) -> RecordingScheduler:
            made[name] = RecordingScheduler(name, log)
            return made[name]

        a = LeaderLoop(election_for(pg_store), lambda: maker("a"), pg_store, interval=0.05)
        b = LeaderLoop(election_for(pg_store), lambda: maker("b"), pg_store, interval=0.05)
        run_a = asyncio.create_task(a.run(stop_a))
        await _wait(a.elected)
        run_b = asyncio.create_task(b.run(stop_b))
        for _ in range(10):  # b tries several rounds while a leads
            await asyncio.sleep(0.05)
        assert not b.leading and log == ["a start"]

        # a follow typed on b's side reaches a's scheduler through the store
        follow = Follow("slack:C1", "donbass", "08:00", "UTC")
        pg_store.add_follow(follow)
        b.on_follow(follow, True)  # b is not leading: nothing to tell
        for _ in range(200):
            if made["a"].follows:
                break
            await asyncio.sleep(0.05)
        assert made["a"].follows == [(follow, True)]

        assert terminate_lock_sessions(pg_store) == 1  # a's process "dies"
        await _wait(b.elected)
        for _ in range(200):
            if not a.leading:
                break
            await asyncio.sleep(0.05)
        assert not a.leading, "a stepped down when its session was gone"
        stop_a.set()
        stop_b.set()
        await asyncio.gather(run_a, run_b)

    asyncio.run(scenario())
    assert log[0] == "a start"
    assert sorted(log) == ["a start", "a stop", "b start", "b stop"]
    assert log[-1] == "b stop"


class StopWhileAcquiring:
    """The real advisory-lock election, with the process told to stop while it takes the
    lock: what happens when every replica shuts down at once and a leader lets go."""

    def __init__(self, inner: AdvisoryLockElection, stop: asyncio.Event) -> None:
        self.inner = inner
        self.stop = stop
        self.loop = asyncio.get_running_loop()

    def try_acquire(self) -> bool:
        self.loop.call_soon_threadsafe(self.stop.set)
        return self.inner.try_acquire()

    def still_held(self) -> bool:
        return self.inner.still_held()

    def release(self) -> None:
        self.inner.release()


def test_a_process_told_to_stop_while_taking_the_lock_starts_no_scheduler(
    pg_store: Store,
) -> None:
    log: list[str] = []

    async def scenario() -> None:
        stop = asyncio.Event()
        election = StopWhileAcquiring(AdvisoryLockElection(pg_store.engine), stop)
        loop = LeaderLoop(election, lambda: RecordingScheduler("a", log), pg_store, interval=0.05)
        await asyncio.wait_for(loop.run(stop), WAIT_S)
        # The lock was let go on the way out: another process can take it at once.
        other = AdvisoryLockElection(pg_store.engine)
        assert other.try_acquire()
        other.release()

    asyncio.run(scenario())
    assert log == []
