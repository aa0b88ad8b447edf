"""Follows added or moved while ``briefbot run`` was down, whose time then passed: the day's
digest comes at start, once, as a stored job's coalesced misfire would; a follow set after
its time waits for the next day; one missed beyond the grace, or by days, posts no pile."""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.app import Services
from bot.commands import FollowCommand
from bot.scheduler import DIGEST_GRACE
from briefings.ledger import Follow
from tests.integration.scheduler.test_scheduler import (
    DEST,
    DIGEST_JOB,
    Clock,
    Recorder,
    config_for,
    job_finished,
    open_scheduler,
    run,
    seed,
)

pytestmark = pytest.mark.integration

OTHER = "slack:C0OTHER"


def afternoon_zone(now: datetime) -> tuple[str, timedelta]:
    """A zone without daylight saving where ``now`` is 14:xx, and its offset from UTC: a
    few hours either side of ``now`` stay on one local day there, whenever the test runs."""
    offset = 14 - now.hour
    if offset > 14:
        offset -= 24
    elif offset < -12:
        offset += 24
    # The Etc zones count the other way: Etc/GMT-3 is three hours ahead of UTC.
    return f"Etc/GMT{-offset:+d}", timedelta(hours=offset)


def local_minute(moment: datetime, offset: timedelta) -> tuple[str, datetime]:
    """``moment`` as HH:MM in a zone ``offset`` from UTC, and that minute in UTC."""
    minute = moment.replace(second=0, microsecond=0)
    return (minute + offset).strftime("%H:%M"), minute


def follow_while_down(
    services: Services, destination: str, at: str, zone: str, when: datetime
) -> None:
    """``briefbot follow`` (or a chat follow) stored at ``when``, no scheduler running."""
    services.handler.clock = Clock(when)
    services.handler.follow(FollowCommand("donbass", at, zone), destination)


def test_a_follow_added_while_down_gets_the_days_digest_at_start_once(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    zone, offset = afternoon_zone(now)
    at, due = local_minute(now - timedelta(hours=1), offset)
    config = config_for(tmp_path, follows=False)
    recorder = Recorder()

    async def down() -> None:
        services, _ = open_scheduler(config, recorder)
        seed(services)
        follow_while_down(services, DEST, at, zone, now - timedelta(hours=2))
        services.close()

    async def up() -> None:
        # A real APScheduler on the real clock: the owed run is due, and it fires.
        services, scheduler = open_scheduler(config, recorder)
        done = job_finished(scheduler, DIGEST_JOB)
        await scheduler.start()
        await asyncio.wait_for(done.wait(), timeout=30)
        later = scheduler.next_run(DIGEST_JOB)
        assert later is not None and later > datetime.now(UTC) + timedelta(hours=22)
        await scheduler.stop()
        services.close()

    async def restarted() -> None:
        # Started again (or another replica): the stored job waits for tomorrow, and a run
        # of today's digest finds it delivered.
        services, scheduler = open_scheduler(config, recorder)
        await scheduler.start()
        later = scheduler.next_run(DIGEST_JOB)
        assert later is not None and later > datetime.now(UTC) + timedelta(hours=22)
        assert await scheduler.run_digest(DEST, "donbass") == "already delivered"
        await scheduler.stop()
        services.close()

    run(down)
    run(up)
    run(restarted)
    assert len(recorder.sent) == 1 and recorder.sent[0][1].startswith("# Daily digest")
    assert due < datetime.now(UTC)


def test_a_follow_moved_while_down_to_a_time_now_past_gets_that_days_digest(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    zone, offset = afternoon_zone(now)
    at, due = local_minute(now - timedelta(hours=1), offset)
    late, _ = local_minute(now + timedelta(hours=3), offset)
    config = config_for(tmp_path, follows=False)
    recorder = Recorder()

    async def go() -> None:
        services, scheduler = open_scheduler(config, recorder)
        scheduler.clock = Clock(now - timedelta(hours=3))
        seed(services)
        services.handler.on_follow = scheduler.sync_follow
        await scheduler.start(paused=True)
        follow_while_down(services, DEST, late, zone, now - timedelta(hours=3))
        await scheduler.stop()
        services.handler.on_follow = None
        # Down: moved from later today to an hour ago, two hours ago.
        follow_while_down(services, DEST, at, zone, now - timedelta(hours=2))
        services.close()

        services, scheduler = open_scheduler(config, recorder)
        scheduler.clock = Clock(now)
        await scheduler.start(paused=True)
        assert scheduler.next_run(DIGEST_JOB) == due
        scheduler.clock = Clock(datetime.now(UTC))  # the run: after the seed was stored
        await scheduler.run_job_now(DIGEST_JOB)
        await scheduler.stop()
        services.close()

    run(go)
    assert len(recorder.sent) == 1


def test_a_follow_set_after_its_time_passed_waits_for_the_next_day(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    zone, offset = afternoon_zone(now)
    at, due = local_minute(now - timedelta(hours=1), offset)

    async def go() -> None:
        services, scheduler = open_scheduler(config_for(tmp_path, follows=False), Recorder())
        seed(services)
        # Set half an hour after its time today: a near miss.
        follow_while_down(services, DEST, at, zone, now - timedelta(minutes=30))
        scheduler.clock = Clock(now)
        await scheduler.start(paused=True)
        assert scheduler.next_run(DIGEST_JOB) == due + timedelta(days=1)
        assert services.store.deliveries(("pending", "failed", "delivered")) == []
        await scheduler.stop()
        services.close()

    run(go)


def test_a_follow_already_served_today_is_not_served_again_after_a_move(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    zone, offset = afternoon_zone(now)
    early, _ = local_minute(now - timedelta(hours=3), offset)
    at, due = local_minute(now - timedelta(hours=1), offset)
    recorder = Recorder()

    async def go() -> None:
        config = config_for(tmp_path, follows=False)
        services, scheduler = open_scheduler(config, recorder)
        seed(services)
        follow_while_down(services, DEST, early, zone, now - timedelta(hours=4))
        await scheduler.start(paused=True)
        assert await scheduler.run_digest(DEST, "donbass") == "delivered"
        await scheduler.stop()
        follow_while_down(services, DEST, at, zone, now - timedelta(hours=2))
        services.close()

        services, scheduler = open_scheduler(config, recorder)
        scheduler.clock = Clock(now)
        await scheduler.start(paused=True)
        assert scheduler.next_run(DIGEST_JOB) == due + timedelta(days=1)
        await scheduler.stop()
        services.close()

    run(go)
    assert len(recorder.sent) == 1


def test_a_follow_missed_for_days_gets_one_digest_and_none_beyond_the_grace(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    now = datetime.now(UTC)
    zone, offset = afternoon_zone(now)
    at, due = local_minute(now - timedelta(hours=1), offset)
    # Missed by more than the grace: 13 hours ago (yesterday evening there).
    stale_at, stale_due = local_minute(now - timedelta(hours=13), offset)
    assert now - stale_due > timedelta(seconds=DIGEST_GRACE)
    recorder = Recorder()

    async def go() -> None:
        services, scheduler = open_scheduler(config_for(tmp_path, follows=False), recorder)
        seed(services)
        # Both followed three days ago; the bot has been down since.
        follow_while_down(services, DEST, at, zone, now - timedelta(days=3))
        follow_while_down(services, OTHER, stale_at, zone, now - timedelta(days=3))
        scheduler.clock = Clock(now)
        with caplog.at_level(logging.INFO, logger="bot.scheduler"):
            await scheduler.start(paused=True)
        assert scheduler.next_run(DIGEST_JOB) == due  # today's only, not three days' worth
        other = f"digest:{OTHER}|donbass"
        assert scheduler.next_run(other) == stale_due + timedelta(days=1)
        scheduler.clock = Clock(datetime.now(UTC))  # the run: after the seed was stored
        await scheduler.run_job_now(DIGEST_JOB)
        assert await scheduler.run_digest(DEST, "donbass") == "already delivered"
        await scheduler.stop()
        services.close()

    run(go)
    assert [target for target, _ in recorder.sent] == ["C0DESK"]
    said = [r.getMessage() for r in caplog.records]
    assert any(f"to {DEST} due at" in m and "posting it now" in m for m in said), said
    assert any(
        f"to {OTHER} due at" in m and "beyond the 12 hours" in m and "tomorrow" in m for m in said
    ), said


def test_a_follow_another_process_stored_just_before_its_time_runs_when_picked_up(
    tmp_path: Path,
) -> None:
    """The leader learns of a `briefbot follow` from another terminal within a second; one
    typed a moment before its time is picked up after it, and still runs today."""
    now = datetime.now(UTC)
    zone, offset = afternoon_zone(now)
    at, due = local_minute(now - timedelta(minutes=5), offset)

    async def go() -> None:
        services, scheduler = open_scheduler(config_for(tmp_path, follows=False), Recorder())
        scheduler.clock = Clock(due - timedelta(minutes=1))
        await scheduler.start(paused=True)
        follow = Follow(DEST, "donbass", at, zone)
        services.store.add_follow(follow, due - timedelta(seconds=1))
        scheduler.clock = Clock(due + timedelta(seconds=1))
        scheduler.sync_follow(follow, True)
        assert scheduler.next_run(DIGEST_JOB) == due
        await scheduler.stop()
        services.close()

    run(go)


def test_a_config_follow_written_again_at_start_keeps_its_date(tmp_path: Path) -> None:
    async def go() -> None:
        config = config_for(tmp_path)
        services, scheduler = open_scheduler(config, Recorder())
        first = datetime(2030, 5, 1, 6, 0, tzinfo=UTC)
        scheduler.clock = Clock(first)
        await scheduler.start(paused=True)
        await scheduler.stop()
        services.close()
        services, scheduler = open_scheduler(config, Recorder())
        scheduler.clock = Clock(first + timedelta(days=1))
        await scheduler.start(paused=True)
        assert services.store.follow_changed(DEST, "donbass") == first
        await scheduler.stop()
        services.close()

    run(go)


def test_a_start_in_the_days_after_the_clocks_go_back_builds_the_job_at_once(
    tmp_path: Path,
) -> None:
    """01:30 happens twice in New York on 2026-11-01 (05:30 and 06:30 UTC). Finding the
    day's last fire time asked APScheduler for the next one after each, and in the repeated
    hour it answered the same time again: the start never returned. (It looped without
    awaiting, so the start runs in a thread of its own, which the test can stop waiting
    for.)"""
    config = config_for(tmp_path, at="01:30", timezone="America/New_York")
    upcoming: list[datetime | None] = []

    async def go() -> None:
        services, scheduler = open_scheduler(config, Recorder())
        scheduler.clock = Clock(datetime(2026, 11, 1, 7, 0, tzinfo=UTC))
        try:
            await scheduler.start(paused=True)
            upcoming.append(scheduler.next_run(DIGEST_JOB))
        finally:
            await scheduler.stop()
            services.close()

    started = threading.Thread(target=lambda: asyncio.run(go()), daemon=True)
    started.start()
    started.join(30)
    assert not started.is_alive(), "the start never returned"
    assert upcoming and upcoming[0] is not None


@pytest.mark.parametrize(
    ("edited_local", "owed"),
    [("07:30", True), ("09:30", False)],
)
def test_a_config_follow_edited_while_down_is_dated_by_when_the_file_was_written(
    tmp_path: Path, edited_local: str, owed: bool
) -> None:
    """The config's follow moved from 08:00 to 09:00 (Kyiv) while the bot was down, and the
    bot started at 11:00: dated by the start, the change came after both times and the day's
    digest was lost. Dated by the file, an edit at 07:30 owes it; one at 09:30 does not."""
    day0 = datetime(2030, 5, 1, 5, 0, tzinfo=UTC)
    back_at = datetime(2030, 5, 2, 8, 0, tzinfo=UTC)  # 11:00 in Kyiv (UTC+3)
    hours, minutes = map(int, edited_local.split(":"))
    edited = datetime(2030, 5, 2, hours - 3, minutes, tzinfo=UTC)

    async def go() -> datetime | None:
        services, scheduler = open_scheduler(config_for(tmp_path, at="08:00"), Recorder())
        scheduler.clock = Clock(day0)
        await scheduler.start(paused=True)
        await scheduler.stop()
        services.close()
        config = config_for(tmp_path, at="09:00")
        assert config.path is not None
        config.path.write_text("# the edited config\n", encoding="utf-8")
        os.utime(config.path, (edited.timestamp(), edited.timestamp()))
        services, scheduler = open_scheduler(config, Recorder())
        scheduler.clock = Clock(back_at)
        try:
            await scheduler.start(paused=True)
            return scheduler.next_run(DIGEST_JOB)
        finally:
            await scheduler.stop()
            services.close()

    upcoming = asyncio.run(go())
    # Owed: the job starts at that day's 09:00, which the scheduler runs at once, as a
    # coalesced misfire. Not owed: its next run is an ordinary one (APScheduler counts
    # those from the real clock, not the test's).
    todays = datetime(2030, 5, 2, 6, 0, tzinfo=UTC)
    assert (upcoming == todays) is owed, upcoming
