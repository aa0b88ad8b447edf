"""The scheduler on a real SQLite store: persisted jobs, coalesced misfires, idempotent
digests, and deliveries retried until the destination accepts them — exactly once."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Callable, Coroutine, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from apscheduler.events import (
    EVENT_JOB_ERROR,
    EVENT_JOB_EXECUTED,
    EVENT_JOB_MISSED,
    JobExecutionEvent,
)
from sqlalchemy import create_engine, text

from bot.app import Services, build_services
from bot.config import Config
from bot.delivery import (
    NOTHING_SENT,
    DeliveryError,
    DeliveryRouter,
    OnAccepted,
    Part,
    Progress,
    Renderable,
)
from bot.file_ingest import ingest_paths
from bot.scheduler import BotScheduler
from bot.status import build_status
from briefings.ledger import DeliveryRow, Follow, digest_key
from briefings.render import Renderer
from tests.conftest import ROOT, SEED_DIR, make_config
from tests.integration.feeds.feed_server import FeedServer, Route, article, rss

pytestmark = pytest.mark.integration

DEST = "slack:C0DESK"
UPDATES = ROOT / "tests" / "fixtures" / "updates"
DIGEST_JOB = f"digest:{DEST}|donbass"


class Recorder:
    """A destination that records the Markdown it accepted and refuses the first ``failures``
    sends."""

    prefix = "slack"

    def __init__(self, failures: int = 0, retry_after: float | None = None) -> None:
        self.failures = failures
        self.retry_after = retry_after  # how long the refusals ask to wait, if they do
        self.sent: list[tuple[str, str]] = []
        self.attempts = 0

    def render(self, obj: Renderable) -> list[Part]:
        return [{"text": Renderer().markdown(obj)}]

    async def send_parts(
        self,
        target: str,
        parts: Sequence[Part],
        progress: Progress = NOTHING_SENT,
        on_accepted: OnAccepted | None = None,
    ) -> None:
        self.attempts += 1
        if self.failures:
            self.failures -= 1
            raise DeliveryError("the platform answered 503", retry_after=self.retry_after)
        for part in parts[progress.accepted :]:
            self.sent.append((target, str(part["text"])))
            progress = progress.after(f"part-{progress.accepted + 1}")
            if on_accepted is not None:
                on_accepted(progress)

    async def send(self, target: str, obj: Renderable) -> None:
        await self.send_parts(target, self.render(obj))


def config_for(
    tmp_path: Path, follows: bool = True, at: str = "08:00", timezone: str = "Europe/Kyiv"
) -> Config:
    folder = tmp_path / "updates"
    folder.mkdir(exist_ok=True)
    data: dict[str, Any] = {
        "sources": [{"name": "updates", "kind": "folder", "path": str(folder), "interval": "5m"}],
    }
    if follows:
        data["follows"] = [
            {"destination": DEST, "topic": "donbass", "at": at, "timezone": timezone}
        ]
    return make_config(tmp_path, data)


def open_scheduler(config: Config, destination: Recorder) -> tuple[Services, BotScheduler]:
    services = build_services(config)
    router = DeliveryRouter()
    router.register(destination)
    return services, BotScheduler(services, router)


def seed(services: Services) -> None:
    ingest_paths(services.pipeline, [SEED_DIR], 10_000_000)


def only_delivery(services: Services) -> DeliveryRow:
    """The one delivery row a test made (its key carries the scheduler's local day)."""
    (row,) = services.store.deliveries(("pending", "failed", "given up", "delivered"))
    return row


def job_finished(scheduler: BotScheduler, job_id: str) -> asyncio.Event:
    """An event set when APScheduler reports that job ``job_id`` ran (or raised)."""
    done = asyncio.Event()
    loop = asyncio.get_running_loop()

    def listen(event: JobExecutionEvent) -> None:
        if event.job_id == job_id:
            loop.call_soon_threadsafe(done.set)

    scheduler.scheduler.add_listener(listen, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
    return done


def run(test: Callable[[], Coroutine[Any, Any, None]]) -> None:
    asyncio.run(test())


def test_jobs_persist_in_the_store_and_a_new_scheduler_keeps_them(tmp_path: Path) -> None:
    config = config_for(tmp_path)
    chosen = datetime(2031, 3, 4, 5, 6, tzinfo=UTC)

    async def first() -> None:
        services, scheduler = open_scheduler(config, Recorder())
        await scheduler.start(paused=True)
        services.store.add_follow(Follow("matrix:!room:example.org", "donbass", "19:30", "UTC"))
        scheduler.sync_follow(Follow("matrix:!room:example.org", "donbass", "19:30", "UTC"), True)
        scheduler.scheduler.modify_job(DIGEST_JOB, next_run_time=chosen)
        await scheduler.stop()
        services.close()

    async def second() -> None:
        services, scheduler = open_scheduler(config, Recorder())
        await scheduler.start(paused=True)
        assert scheduler.job_ids() == [
            "digest:matrix:!room:example.org|donbass",
            DIGEST_JOB,
            "poll:updates",
        ]
        # The stored job was kept as it was, not rebuilt from the config.
        assert scheduler.next_run(DIGEST_JOB) == chosen
        chat = scheduler.next_run("digest:matrix:!room:example.org|donbass")
        assert chat is not None and (chat.hour, chat.minute) == (19, 30)
        await scheduler.stop()
        services.close()

    run(first)
    with create_engine(config.database_url).connect() as conn:
        ids = {row.id for row in conn.execute(text("SELECT id FROM apscheduler_jobs"))}
    assert ids == {DIGEST_JOB, "digest:matrix:!room:example.org|donbass", "poll:updates"}
    run(second)


def test_the_digest_runs_at_the_follow_time_in_its_time_zone(tmp_path: Path) -> None:
    async def go() -> None:
        services, scheduler = open_scheduler(config_for(tmp_path), Recorder())
        await scheduler.start(paused=True)
        at = scheduler.next_run(DIGEST_JOB)
        assert at is not None
        local = at.astimezone(ZoneInfo("Europe/Kyiv"))
        assert (local.hour, local.minute) == (8, 0)
        assert timedelta(0) < at - datetime.now(UTC) <= timedelta(days=1)
        await scheduler.stop()
        services.close()

    run(go)


def test_digests_missed_while_down_coalesce_into_one_run_after_restart(tmp_path: Path) -> None:
    # Daily at an hour ago (UTC); the bot was down for three days, so four daily run times
    # have passed since the stored next run time.
    config = config_for(
        tmp_path, at=(datetime.now(UTC) - timedelta(hours=1)).strftime("%H:%M"), timezone="UTC"
    )
    recorder = Recorder()
    runs: list[JobExecutionEvent] = []

    async def down() -> None:
        services, scheduler = open_scheduler(config, recorder)
        seed(services)
        await scheduler.start(paused=True)
        scheduler.scheduler.modify_job(
            DIGEST_JOB, next_run_time=datetime.now(UTC) - timedelta(days=3)
        )
        await scheduler.stop()
        services.close()

    async def up() -> None:
        services, scheduler = open_scheduler(config, recorder)
        scheduler.scheduler.add_listener(
            lambda e: runs.append(e) if e.job_id == DIGEST_JOB else None,
            EVENT_JOB_EXECUTED | EVENT_JOB_ERROR | EVENT_JOB_MISSED,
        )
        done = job_finished(scheduler, DIGEST_JOB)
        await scheduler.start()
        # Every run time of one submission is reported together, before ``done`` is set.
        await asyncio.wait_for(done.wait(), timeout=30)
        row = only_delivery(services)
        assert row.status == "delivered" and row.attempts == 1
        assert row.key == digest_key(DEST, "donbass", row.day)
        later = scheduler.next_run(DIGEST_JOB)
        assert later is not None and later > datetime.now(UTC) + timedelta(hours=22)
        await scheduler.stop()
        services.close()

    run(down)
    run(up)
    assert [e.code for e in runs] == [EVENT_JOB_EXECUTED]
    assert len(recorder.sent) == 1
    target, digest = recorder.sent[0]
    assert target == "C0DESK" and digest.startswith("# Daily digest")


def test_a_failed_delivery_is_retried_and_delivered_exactly_once(tmp_path: Path) -> None:
    recorder = Recorder(failures=1)

    async def go() -> None:
        services, scheduler = open_scheduler(config_for(tmp_path), recorder)
        seed(services)
        await scheduler.start(paused=True)

        await scheduler.run_job_now(DIGEST_JOB)
        row = only_delivery(services)
        key = row.key
        assert row.status == "failed" and row.attempts == 1
        assert row.last_error == "the platform answered 503"
        retry = scheduler.next_run(f"retry:{key}")
        assert retry is not None and retry > datetime.now(UTC)
        status = "\n".join(build_status(services.store, datetime.now(UTC)).lines)
        assert f"{DEST} donbass {row.day}: failed after 1 attempt; next attempt in " in status

        # The retry job fires (now, instead of in a minute) and the destination accepts.
        done = job_finished(scheduler, f"retry:{key}")
        scheduler.scheduler.modify_job(f"retry:{key}", next_run_time=datetime.now(UTC))
        scheduler.scheduler.resume()
        await asyncio.wait_for(done.wait(), timeout=30)
        row = only_delivery(services)
        assert row.key == key and row.status == "delivered" and row.attempts == 2

        # The daily job running again the same day, even after a restart, sends nothing.
        assert await scheduler.run_digest(DEST, "donbass") == "already delivered"
        await scheduler.stop()
        services.close()

        services, again = open_scheduler(config_for(tmp_path), recorder)
        await again.start(paused=True)
        await again.run_job_now(DIGEST_JOB)
        assert f"retry:{key}" not in again.job_ids()
        await again.stop()
        services.close()

    run(go)
    assert recorder.attempts == 2
    assert len(recorder.sent) == 1


def test_a_delivery_left_failed_is_retried_when_the_bot_starts(tmp_path: Path) -> None:
    config = config_for(tmp_path)
    broken = Recorder(failures=100)
    working = Recorder()
    keys: list[str] = []
    failed_at: list[datetime] = []

    async def fails() -> None:
        services, scheduler = open_scheduler(config, broken)
        seed(services)
        await scheduler.start(paused=True)
        failed_at.append(datetime.now(UTC))
        assert await scheduler.run_digest(DEST, "donbass") == "failed"
        keys.append(only_delivery(services).key)
        await scheduler.stop()
        services.close()

    async def restarts() -> None:
        services, scheduler = open_scheduler(config, working)
        retry = f"retry:{keys[0]}"
        done = job_finished(scheduler, retry)
        await scheduler.start(paused=True)
        # Due when the first attempt's minute of backoff is over, not at once.
        due = scheduler.next_run(retry)
        assert due is not None and due >= failed_at[0] + timedelta(seconds=59)
        scheduler.scheduler.modify_job(retry, next_run_time=datetime.now(UTC))
        scheduler.scheduler.resume()
        await asyncio.wait_for(done.wait(), timeout=30)
        row = only_delivery(services)
        assert row.status == "delivered" and row.attempts == 2
        await scheduler.stop()
        services.close()

    run(fails)
    run(restarts)
    assert len(working.sent) == 1 and broken.sent == []


class Clock:
    """The scheduler's clock, moved by the test; APScheduler's own runs stay paused."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_restarts_keep_the_backoff_a_failing_digest_earned(tmp_path: Path) -> None:
    """A restart between two attempts waits out the same backoff: eight attempts take about
    two hours however often the bot restarts, and the eighth gives the digest up, which
    status says plainly; a restart that day tries it once more."""
    config = config_for(tmp_path)
    broken = Recorder(failures=100)
    # Noon in Kyiv, so that two hours of retries stay on one local day: the next one, so
    # that the seed stored now is in the day's digest (stored after it, it is the next's).
    now = datetime.now(UTC)
    noon = now.replace(hour=10, minute=0, second=0, microsecond=0)
    clock = Clock(noon if noon > now else noon + timedelta(days=1))

    async def restart() -> tuple[Services, BotScheduler]:
        services = build_services(config)
        router = DeliveryRouter()
        router.register(broken)
        scheduler = BotScheduler(services, router, clock=clock)
        await scheduler.start(paused=True)
        return services, scheduler

    async def go() -> None:
        services, scheduler = await restart()
        seed(services)
        started = clock.now
        assert await scheduler.run_digest(DEST, "donbass") == "failed"
        key = only_delivery(services).key
        for attempt in range(1, 8):
            last = clock.now
            due = last + timedelta(minutes=min(60, 2 ** (attempt - 1)))
            for _ in range(3):  # quick restarts: the retry stays where the backoff put it
                await scheduler.stop()
                services.close()
                clock.now += timedelta(seconds=5)
                services, scheduler = await restart()
                assert scheduler.next_run(f"retry:{key}") == due, attempt
            clock.now = due
            outcome = await scheduler.run_digest(DEST, "donbass", day=only_delivery(services).day)
            assert outcome == ("failed" if attempt < 7 else "given up")
        row = only_delivery(services)
        assert row.status == "given up" and row.attempts == 8
        assert clock.now - started >= timedelta(hours=2)
        assert f"retry:{key}" not in scheduler.job_ids()
        status = "\n".join(build_status(services.store, clock.now).lines)
        assert f"{DEST} donbass {row.day}: given up after 8 attempts — the platform" in status
        assert "restarting briefbot the same day tries it once more" in status
        await scheduler.stop()
        services.close()
        # A restart is the way back for a digest given up: it is tried once, at start.
        services, scheduler = await restart()
        assert scheduler.next_run(f"retry:{key}") == clock.now
        await scheduler.stop()
        services.close()

    run(go)
    assert broken.attempts == 8 and broken.sent == []


def test_a_retry_waits_as_long_as_the_platform_asked_even_after_a_restart(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = config_for(tmp_path)
    pause = timedelta(hours=2)  # far beyond the first retry's minute of backoff

    async def refused() -> None:
        services, scheduler = open_scheduler(config, Recorder(failures=1, retry_after=7200))
        seed(services)
        await scheduler.start(paused=True)
        asked_at = datetime.now(UTC)
        assert await scheduler.run_digest(DEST, "donbass") == "failed"
        row = only_delivery(services)
        assert row.not_before is not None and row.not_before >= asked_at + pause
        retry = scheduler.next_run(f"retry:{row.key}")
        assert retry is not None and retry >= row.not_before - timedelta(seconds=1)
        await scheduler.stop()
        services.close()

    async def restarted() -> None:
        services, scheduler = open_scheduler(config, Recorder())
        await scheduler.start(paused=True)  # a failed delivery: retried, but not before then
        row = only_delivery(services)
        assert row.status == "failed" and row.not_before is not None
        retry = scheduler.next_run(f"retry:{row.key}")
        assert retry is not None and retry >= row.not_before - timedelta(seconds=1)
        assert retry > datetime.now(UTC) + pause - timedelta(minutes=5)
        await scheduler.stop()
        services.close()

    with caplog.at_level(logging.WARNING, logger="bot.scheduler"):
        run(refused)
    (warning,) = [r.getMessage() for r in caplog.records if "not delivered" in r.getMessage()]
    assert re.search(r"next attempt in 72\d\d s$", warning), warning
    run(restarted)


def test_a_digest_with_nothing_new_is_not_posted_but_recorded(tmp_path: Path) -> None:
    recorder = Recorder()

    async def go() -> None:
        services, scheduler = open_scheduler(config_for(tmp_path), recorder)
        await scheduler.start(paused=True)
        assert await scheduler.run_digest(DEST, "donbass") == "empty"
        assert await scheduler.run_digest(DEST, "donbass") == "already delivered"
        row = only_delivery(services)
        assert row.status == "delivered"
        (skip,) = services.store.recent_skips(source="digest")
        assert skip["item"] == row.key and "nothing new since" in skip["reason"]
        await scheduler.stop()
        services.close()

    run(go)
    assert recorder.sent == []


def test_the_next_digest_covers_what_arrived_since_the_last_one(tmp_path: Path) -> None:
    recorder = Recorder()
    day = iter(["2026-01-29", "2026-01-30"])

    async def go() -> None:
        services, scheduler = open_scheduler(config_for(tmp_path), recorder)
        seed(services)
        await scheduler.start(paused=True)
        assert await scheduler.run_digest(DEST, "donbass", day=next(day)) == "delivered"
        # Nothing arrived since: the next day's digest is empty, not a repeat of the seed.
        assert await scheduler.run_digest(DEST, "donbass", day=next(day)) == "empty"
        await scheduler.stop()
        services.close()

    run(go)
    assert len(recorder.sent) == 1


class ArrivalDuringSend(Recorder):
    """A destination during whose first send a new report arrives (a poll ran meanwhile)."""

    def __init__(self, services: Services, report: Path) -> None:
        super().__init__()
        self.services = services
        self.report = report

    async def send_parts(
        self,
        target: str,
        parts: Sequence[Part],
        progress: Progress = NOTHING_SENT,
        on_accepted: OnAccepted | None = None,
    ) -> None:
        if not self.sent:
            ingest_paths(self.services.pipeline, [self.report], 10_000_000)
        await super().send_parts(target, parts, progress, on_accepted)


def test_a_report_arriving_while_a_digest_is_sent_is_in_the_next_one(tmp_path: Path) -> None:
    late = tmp_path / "late.md"
    late.write_text(
        '+++\ntitle = "Envoy comments on Donbass"\n+++\n'
        "A senior envoy said on Tuesday that talks on Donbass would resume next month.\n",
        encoding="utf-8",
    )

    async def go() -> None:
        services = build_services(config_for(tmp_path))
        destination = ArrivalDuringSend(services, late)
        router = DeliveryRouter()
        router.register(destination)
        scheduler = BotScheduler(services, router)
        seed(services)
        await scheduler.start(paused=True)
        assert await scheduler.run_digest(DEST, "donbass", day="2026-01-29") == "delivered"
        assert await scheduler.run_digest(DEST, "donbass", day="2026-01-30") == "delivered"
        first, second = (text for _, text in destination.sent)
        assert "talks on Donbass would resume" in second
        assert "talks on Donbass would resume" not in first
        await scheduler.stop()
        services.close()

    run(go)


def test_the_polling_job_reads_its_source_and_status_shows_the_next_run(tmp_path: Path) -> None:
    config = config_for(tmp_path)
    shutil.copy(next(SEED_DIR.glob("*.md")), tmp_path / "updates" / "seed.md")
    copied = time.time() - 60  # a minute before the poll: a folder source reads settled files
    os.utime(tmp_path / "updates" / "seed.md", (copied, copied))

    async def go() -> None:
        services, scheduler = open_scheduler(config, Recorder())
        await scheduler.start(paused=True)
        planned = services.store.source_state("updates")["next_run"]
        assert planned == scheduler.next_run("poll:updates")
        await scheduler.run_job_now("poll:updates")
        assert services.store.count_reports() == 1
        state = services.store.source_state("updates")
        assert state["last_fetch"] is not None and state["last_error"] is None
        status = "\n".join(build_status(services.store, state["last_fetch"], ["updates"]).lines)
        assert "Source updates: last fetch 0s ago" in status and "next run in 5m" in status
        await scheduler.stop()
        services.close()

    run(go)


def test_reports_an_interrupted_ingest_left_underived_are_derived_at_start_and_each_poll(
    tmp_path: Path,
) -> None:
    """A report stored but never derived (Ctrl-C between the two) reaches the briefs when
    `briefbot run` starts and at the next poll, without being ingested again."""
    from bot.polling import poll_all
    from briefings.brief import build_brief
    from briefings.ingest import read_report_file

    config = config_for(tmp_path, follows=False)
    first, second, third = (read_report_file(path) for path in sorted(UPDATES.glob("*.md"))[:3])

    async def scenario() -> None:
        services, scheduler = open_scheduler(config, Recorder())
        try:
            assert services.store.add_report(first)
            status = "\n".join(build_status(services.store, datetime.now(UTC)).lines)
            assert "1 of them not derived yet" in status
            await scheduler.start(paused=True)
            assert services.store.count_underived() == 0, "derived at start"
            assert not build_brief(services.store, "donbass").is_empty()
            assert services.store.add_report(second)
            await scheduler.poll_source("updates")
            assert services.store.count_underived() == 0, "derived by the poll"
        finally:
            await scheduler.stop()
            services.close()

    run(scenario)
    services = build_services(config)
    try:
        assert services.store.add_report(third)
        assert poll_all(services).ok
        assert services.store.count_underived() == 0, "derived by `briefbot poll`"
    finally:
        services.close()


def test_the_polling_job_logs_a_failing_source_once_as_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = config_for(tmp_path)
    (tmp_path / "updates").rmdir()

    async def go() -> None:
        services, scheduler = open_scheduler(config, Recorder())
        await scheduler.start(paused=True)
        with caplog.at_level(logging.INFO, logger="bot"):
            await scheduler.run_job_now("poll:updates")
        await scheduler.stop()
        services.close()

    run(go)
    said = [r for r in caplog.records if "folder not found" in r.getMessage()]
    assert [r.levelno for r in said] == [logging.WARNING]
    assert said[0].getMessage().startswith("updates (folder): error: ")


def test_config_follows_are_synced_and_chat_follows_kept(tmp_path: Path) -> None:
    async def go() -> None:
        services, scheduler = open_scheduler(config_for(tmp_path), Recorder())
        await scheduler.start(paused=True)
        assert services.store.follows()[0].origin == "config"
        chat = Follow("stdout", "ukraine-peace-talks", "07:15", "America/New_York")
        services.store.add_follow(chat)
        scheduler.sync_follow(chat, True)
        await scheduler.stop()
        services.close()

        # The follow was removed from the config file: its job goes, the chat follow stays.
        services, scheduler = open_scheduler(config_for(tmp_path, follows=False), Recorder())
        await scheduler.start(paused=True)
        assert [(f.destination, f.origin) for f in services.store.follows()] == [("stdout", "chat")]
        assert scheduler.job_ids() == ["digest:stdout|ukraine-peace-talks", "poll:updates"]
        services.store.remove_follow("stdout", "ukraine-peace-talks")
        scheduler.sync_follow(chat, False)
        assert scheduler.job_ids() == ["poll:updates"]
        await scheduler.stop()
        services.close()

    run(go)


class Gate(Recorder):
    """A destination that holds a send open until the test lets it through."""

    def __init__(self) -> None:
        super().__init__()
        self.entered = asyncio.Event()
        self.release = asyncio.Event()

    async def send_parts(
        self,
        target: str,
        parts: Sequence[Part],
        progress: Progress = NOTHING_SENT,
        on_accepted: OnAccepted | None = None,
    ) -> None:
        self.entered.set()
        await self.release.wait()
        await super().send_parts(target, parts, progress, on_accepted)


def test_stopping_lets_a_running_digest_finish(tmp_path: Path) -> None:
    gate = Gate()

    async def go() -> None:
        services, scheduler = open_scheduler(config_for(tmp_path), gate)
        seed(services)
        await scheduler.start(paused=True)
        scheduler.scheduler.modify_job(DIGEST_JOB, next_run_time=datetime.now(UTC))
        scheduler.scheduler.resume()
        await asyncio.wait_for(gate.entered.wait(), timeout=30)
        stopping = asyncio.create_task(scheduler.stop())
        await asyncio.sleep(0)
        assert not stopping.done()  # waiting for the digest that is being sent
        gate.release.set()
        await asyncio.wait_for(stopping, timeout=30)
        row = only_delivery(services)
        assert row.status == "delivered" and row.attempts == 1
        services.close()

    run(go)
    assert len(gate.sent) == 1


class SlowRecorder(Recorder):
    """A destination that takes a moment over each part, as a real platform does."""

    async def send_parts(
        self,
        target: str,
        parts: Sequence[Part],
        progress: Progress = NOTHING_SENT,
        on_accepted: OnAccepted | None = None,
    ) -> None:
        await asyncio.sleep(0.2)
        await super().send_parts(target, parts, progress, on_accepted)


def test_two_runs_of_one_digest_at_once_post_it_once(tmp_path: Path) -> None:
    # A failover while the old leader still sends: the claim is a lease, taken by one run.
    recorder = SlowRecorder()
    results: list[str] = []

    async def go() -> None:
        services, scheduler = open_scheduler(config_for(tmp_path), recorder)
        seed(services)
        await scheduler.start(paused=True)
        results.extend(
            await asyncio.gather(
                scheduler.run_digest(DEST, "donbass"), scheduler.run_digest(DEST, "donbass")
            )
        )
        assert only_delivery(services).status == "delivered"
        # After it is delivered, a run finds it so.
        assert await scheduler.run_digest(DEST, "donbass") == "already delivered"
        await scheduler.stop()
        services.close()

    run(go)
    assert sorted(results) == ["delivered", "in progress elsewhere"]
    assert len(recorder.sent) == 1


class SilentServer:
    """Accepts connections on 127.0.0.1 and never answers: a fetch waits for its timeout."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.accepted = threading.Event()
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self.listener.accept()
                self.held.append(conn)
                self.accepted.set()

    def close(self) -> None:
        self.listener.close()
        for conn in self.held:
            conn.close()


def test_stopping_abandons_a_poll_waiting_on_a_silent_server_and_keeps_the_store_whole(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """SIGTERM comes while a feed's second article page hangs: the stop does not wait for
    the fetch's 30 s timeout (Docker kills after 10), and the first entry's report, stored
    before, is there whole (derived) while nothing of the second is."""
    silent = SilentServer()
    with FeedServer() as feeds:
        feeds.routes["/news/1"] = Route(
            body=article(
                "Envoys meet",
                [
                    "A senior envoy said on Tuesday that talks on Donbass would resume next "
                    "month, after a pause of several weeks over the exchange of prisoners.",
                    "Officials in Kyiv said the delegation would travel to Geneva on Monday and "
                    "that the agenda had been agreed with the mediators in advance.",
                    "Moscow denied that it had asked for the pause, the foreign ministry said "
                    "in a statement published late on Tuesday evening.",
                ],
            )
        )
        feeds.routes["/feed.xml"] = Route(
            body=rss(
                "Loopback Wire",
                [  # newest first, as feeds list them: the hanging page is read second
                    {
                        "guid": "urn:2",
                        "link": f"http://127.0.0.1:{silent.port}/news/2",
                        "title": "Hangs",
                    },
                    {"guid": "urn:1", "link": "/news/1", "title": "Envoys meet"},
                ],
            ),
            content_type="application/rss+xml",
        )
        source = {
            "name": "wire",
            "kind": "feed",
            "url": feeds.url("/feed.xml"),
            "interval": "10m",
            "baseline": False,
        }
        config = make_config(
            tmp_path, {"fetch": {"allow_private": True, "timeout": 30}, "sources": [source]}
        )

        async def go() -> None:
            services, scheduler = open_scheduler(config, Recorder())
            await scheduler.start(paused=True)
            polling = asyncio.create_task(scheduler.poll_source("wire"))
            assert await asyncio.to_thread(silent.accepted.wait, 30), "the page was never asked"
            await asyncio.sleep(0.2)  # the fetch is under way, waiting for an answer
            began = time.monotonic()
            await asyncio.wait_for(scheduler.stop(), timeout=10)
            took = time.monotonic() - began
            assert took < 2, f"stop took {took:.1f} s"
            assert await polling is None
            store = services.store
            assert store.count_reports() == 1 and store.count_underived() == 0
            assert store.source_state("wire").get("last_fetch") is None  # the poll never ended
            services.close()

        try:
            with caplog.at_level(logging.INFO, logger="bot"):
                run(go)
        finally:
            silent.close()
    said = [r.getMessage() for r in caplog.records]
    assert "poll of wire abandoned: the scheduler is stopping" in said
    assert not any(r.levelno >= logging.ERROR for r in caplog.records), said


def test_a_stop_that_waits_for_a_digest_says_so_in_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    gate = Gate()

    async def go() -> None:
        services, scheduler = open_scheduler(config_for(tmp_path), gate)
        seed(services)
        await scheduler.start(paused=True)
        sending = asyncio.create_task(scheduler.run_digest(DEST, "donbass"))
        await asyncio.wait_for(gate.entered.wait(), timeout=30)
        stopping = asyncio.create_task(scheduler.stop())
        await asyncio.sleep(1.5)
        gate.release.set()
        await asyncio.wait_for(stopping, timeout=30)
        assert await sending == "delivered"
        services.close()

    with caplog.at_level(logging.INFO, logger="bot.scheduler"):
        run(go)
    said = [r.getMessage() for r in caplog.records if r.getMessage().startswith("stopping")]
    assert said == [f"stopping: waiting up to 30 s for the digest of donbass to {DEST}"]


def test_taking_the_lead_is_logged_as_routine(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.leader import LeaderLoop, SingleProcessElection

    async def go() -> None:
        services = build_services(config_for(tmp_path, follows=False))
        router = DeliveryRouter()
        router.register(Recorder())
        leader = LeaderLoop(
            SingleProcessElection(), lambda: BotScheduler(services, router), services.store
        )
        stop = asyncio.Event()
        leading = asyncio.create_task(leader.run(stop))
        await asyncio.wait_for(leader.elected.wait(), timeout=30)
        stop.set()
        await asyncio.wait_for(leading, timeout=30)
        services.close()

    with caplog.at_level(logging.INFO, logger="bot"):
        run(go)
    (elected,) = [r for r in caplog.records if r.getMessage().startswith("elected leader")]
    assert elected.levelno == logging.INFO
