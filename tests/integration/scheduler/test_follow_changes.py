"""Follows that change under the scheduler: a late run, a follow taken up again, a topic
taken out of topics.toml, an unfollow while a retry waits, a follow set in the config."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.commands import FollowCommand, UnfollowCommand
from bot.status import build_status
from briefings.ledger import Follow
from briefings.model import Notice
from tests.integration.scheduler.test_scheduler import (
    DEST,
    Clock,
    Recorder,
    config_for,
    open_scheduler,
    run,
    seed,
)

pytestmark = pytest.mark.integration


def next_local(hour: int, minute: int, zone_offset: timedelta, after: datetime) -> datetime:
    """The first UTC moment after ``after`` when a zone ``zone_offset`` from UTC (one without
    daylight saving) shows ``hour:minute``."""
    local = (after + zone_offset).replace(hour=hour, minute=minute, second=0, microsecond=0)
    if local <= after + zone_offset:
        local += timedelta(days=1)
    return local - zone_offset


def test_a_run_late_past_midnight_is_the_evenings_and_the_next_evening_still_runs(
    tmp_path: Path,
) -> None:
    tokyo = timedelta(hours=9)
    # 00:20 in Tokyo: the 23:30 digest, fifty minutes late (the machine slept).
    late = next_local(0, 20, tokyo, datetime.now(UTC))
    clock = Clock(late)
    recorder = Recorder()

    async def go() -> None:
        config = config_for(tmp_path, at="23:30", timezone="Asia/Tokyo")
        services, scheduler = open_scheduler(config, recorder)
        scheduler.clock = clock
        seed(services)
        await scheduler.start(paused=True)
        assert await scheduler.run_digest(DEST, "donbass") == "delivered"
        clock.now = late + timedelta(hours=23, minutes=10)  # 23:30 the next evening
        second = await scheduler.run_digest(DEST, "donbass")
        assert second != "already delivered", "the late run took the next evening's place"
        days = sorted(d.day for d in services.store.deliveries(("delivered",)))
        await scheduler.stop()
        services.close()
        evening = (late + tokyo - timedelta(days=1)).date()
        assert days == [evening.isoformat(), (evening + timedelta(days=1)).isoformat()]

    run(go)


def test_a_follow_taken_up_again_starts_from_its_own_day_not_the_old_follows_last_digest(
    tmp_path: Path,
) -> None:
    recorder = Recorder()
    months_ago = datetime.now(UTC) - timedelta(days=150)
    clock = Clock(months_ago)

    async def go() -> None:
        services, scheduler = open_scheduler(config_for(tmp_path, follows=False), recorder)
        scheduler.clock = clock
        handler = services.handler
        handler.on_follow = scheduler.sync_follow
        await scheduler.start(paused=True)
        handler.follow(FollowCommand("donbass", "08:00", "UTC"), DEST)
        assert await scheduler.run_digest(DEST, "donbass", day="old") == "empty"
        handler.unfollow(UnfollowCommand("donbass"), DEST)
        seed(services)
        handler.follow(FollowCommand("donbass", "08:00", "UTC"), DEST)
        clock.now = datetime.now(UTC) + timedelta(minutes=1)
        assert await scheduler.run_digest(DEST, "donbass", day="new") == "delivered"
        await scheduler.stop()
        services.close()

    run(go)
    [(_, text)] = recorder.sent
    since = datetime.strptime(text.split("What changed since ")[1][:16], "%Y-%m-%d %H:%M").replace(
        tzinfo=UTC
    )
    # A day before the new follow, not the old follow's last window, five months back.
    assert datetime.now(UTC) - since < timedelta(days=2)


def test_a_follow_whose_topic_left_the_topics_file_is_not_scheduled_said_and_removable(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async def go() -> None:
        services, scheduler = open_scheduler(config_for(tmp_path, follows=False), Recorder())
        services.handler.on_follow = scheduler.sync_follow
        services.store.add_follow(Follow(DEST, "crimea", "08:00", "UTC"))
        with caplog.at_level(logging.WARNING, logger="bot.scheduler"):
            await scheduler.start(paused=True)
        assert f"digest:{DEST}|crimea" not in scheduler.job_ids()
        status = build_status(
            services.store, datetime.now(UTC), topics=[t.name for t in services.matcher.topics]
        )
        assert any(
            "crimea at 08:00 (UTC)" in line and "not scheduled" in line for line in status.lines
        )
        reply = services.handler.unfollow(UnfollowCommand("crimea"), DEST)
        assert reply.title == "Stopped the daily digest of crimea here."
        assert services.store.follows(DEST) == []
        await scheduler.stop()
        services.close()

    run(go)
    [warning] = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert "no topic crimea" in warning and "`unfollow crimea`" in warning


def test_unfollowing_drops_a_planned_retry_and_its_line_in_status(tmp_path: Path) -> None:
    async def go() -> None:
        services, scheduler = open_scheduler(config_for(tmp_path, follows=False), Recorder(1))
        services.handler.on_follow = scheduler.sync_follow
        seed(services)
        await scheduler.start(paused=True)
        services.handler.follow(FollowCommand("donbass", "08:00", "UTC"), DEST)
        assert await scheduler.run_digest(DEST, "donbass") == "failed"
        assert any(j.startswith("retry:") for j in scheduler.job_ids())
        services.handler.unfollow(UnfollowCommand("donbass"), DEST)
        assert not any(j.startswith("retry:") for j in scheduler.job_ids())
        lines = build_status(services.store, datetime.now(UTC)).lines
        assert "No pending or failed deliveries." in lines
        await scheduler.stop()
        services.close()

    run(go)


def test_a_follow_set_in_the_config_is_not_changed_from_chat(tmp_path: Path) -> None:
    async def go() -> None:
        services, scheduler = open_scheduler(config_for(tmp_path), Recorder())
        await scheduler.start(paused=True)  # writes the config's follow into the store
        for reply in (
            services.handler.follow(FollowCommand("donbass", "18:00", "Europe/Berlin"), DEST),
            services.handler.unfollow(UnfollowCommand("donbass"), DEST),
        ):
            assert isinstance(reply, Notice) and reply.error
            assert "set in the config file ([[follows]])" in reply.title
        [kept] = services.store.follows(DEST)
        assert (kept.at, kept.timezone, kept.origin) == ("08:00", "Europe/Kyiv", "config")
        await scheduler.stop()
        services.close()

    run(go)


def test_moving_a_follow_after_todays_digest_says_the_first_at_the_new_time_is_tomorrow(
    tmp_path: Path,
) -> None:
    async def go() -> None:
        services, scheduler = open_scheduler(config_for(tmp_path, follows=False), Recorder())
        seed(services)
        await scheduler.start(paused=True)
        handler = services.handler
        # Noon: the 00:00 digest of today is out, the 23:59 one still to come today.
        noon = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)
        scheduler.clock = handler.clock = Clock(noon)
        handler.follow(FollowCommand("donbass", "00:00", "UTC"), DEST)
        assert await scheduler.run_digest(DEST, "donbass") in ("delivered", "empty")
        moved = handler.follow(FollowCommand("donbass", "23:59", "UTC"), DEST)
        assert moved.lines == (
            "Today's digest was already posted here; the first at 23:59 comes tomorrow.",
        )
        await scheduler.stop()
        services.close()

    run(go)
