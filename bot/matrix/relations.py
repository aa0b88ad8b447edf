"""How an event joins a thread: the ``m.thread`` relation, with a reply for older clients.

Every event of a thread relates to its root (threads cannot nest); a client without thread
support shows it as a plain reply instead (``is_falling_back``), as the spec's threading
module describes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def in_thread(content: Mapping[str, Any], root: str, reply_to: str | None = None) -> dict[str, Any]:
    """``content`` as a reply in the thread of ``root``, shown to clients without threads as
    a reply to ``reply_to`` (the root when not given); unchanged when it already relates to
    an event, since an event has one relation."""
    event = dict(content)
    if "m.relates_to" in event:
        return event
    event["m.relates_to"] = {
        "rel_type": "m.thread",
        "event_id": root,
        "is_falling_back": True,
        "m.in_reply_to": {"event_id": reply_to or root},
    }
    return event
