"""Time zone names as users give them (``Europe/Kyiv``), looked up without raising.

``ZoneInfo`` reads the name as a path under the zone database, so a name that is a folder
there ("Europe", "America") or is too long for a file name fails with ``OSError``, not with
``ZoneInfoNotFoundError``. The chat grammar and the config file both take a zone from the
user, and both must turn every such name into one sentence rather than a traceback.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def find_zone(name: str) -> ZoneInfo | None:
    """The IANA time zone ``name``, or None when it names none."""
    try:
        return ZoneInfo(name)
    # ValueError: not a relative path ("/etc/passwd", "..", a NUL); OSError: a folder of
    # the database, or a name longer than a file name may be.
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def occurrence_day(at: str, zone: str, now: datetime) -> str:
    """The local date of the latest daily occurrence of ``at`` ("08:00") in ``zone`` at or
    before ``now``: the day a digest run at ``now`` is for.

    A run is for the day it was scheduled on, not the day the clock shows when it runs: a
    23:30 digest run at 00:20 (the machine slept; the misfire grace allows it) is the
    evening's, and must not take the next day's place, which would leave that evening's
    run "already delivered".
    """
    local = now.astimezone(ZoneInfo(zone))
    hour, minute = (int(x) for x in at.split(":"))
    day = local.date()
    if (local.hour, local.minute) < (hour, minute):
        day -= timedelta(days=1)
    return day.isoformat()


def next_occurrence_day(at: str, zone: str, now: datetime) -> str:
    """The local date of the next daily occurrence of ``at`` in ``zone`` after ``now``: the
    day after the latest one."""
    latest = date.fromisoformat(occurrence_day(at, zone, now))
    return (latest + timedelta(days=1)).isoformat()
