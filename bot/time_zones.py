"""Time zone names as users give them (``Europe/Kyiv``), looked up without raising.

``ZoneInfo`` reads the name as a path under the zone database, so a name that is a folder
there ("Europe", "America") or is too long for a file name fails with ``OSError``, not with
``ZoneInfoNotFoundError``. The chat grammar and the config file both take a zone from the
user, and both must turn every such name into one sentence rather than a traceback.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def find_zone(name: str) -> ZoneInfo | None:
    """The IANA time zone ``name``, or None when it names none."""
    try:
        return ZoneInfo(name)
    # ValueError: not a relative path ("/etc/passwd", "..", a NUL); OSError: a folder of
    # the database, or a name longer than a file name may be.
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
