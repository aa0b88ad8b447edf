"""Chat work done once across replicas: a claim in the store, this process's memory in front.

Replicas on one database serve the same chat, so an event reaches each Matrix replica, and a
Slack retry or second click may reach another replica than the first. Before acting, a
handler claims the work's key (``briefings.work_claims``): the first replica to claim it
acts, the others skip. The memory of the keys this process took on answers a repeat without
asking the store, and stands in for the store when the store cannot answer: a database that
is down must not silence the bot, so the work is then done once per process, as before
replicas shared claims, with a warning in the log.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict

from briefings.store import Store

log = logging.getLogger(__name__)


class RecentKeys:
    """A bounded memory of keys already handled in this process: the oldest go first."""

    def __init__(self, capacity: int = 1024) -> None:
        self.capacity = capacity
        self._keys: OrderedDict[str, None] = OrderedDict()

    def first_time(self, key: str) -> bool:
        if key in self._keys:
            return False
        self._keys[key] = None
        if len(self._keys) > self.capacity:
            self._keys.popitem(last=False)
        return True

    def forget(self, key: str) -> None:
        """Handle ``key`` again next time: its first try did not get through."""
        self._keys.pop(key, None)


class WorkClaims:
    """``claim`` before acting on a key, ``release`` when the act did not get through.

    Keys name the platform and the kind of work first (``matrix:event:$…``,
    ``slack:share:…``); only that much of a key is logged.
    """

    def __init__(self, store: Store, capacity: int = 1024) -> None:
        self.store = store
        self.memory = RecentKeys(capacity)

    async def claim(self, key: str) -> bool:
        """True when this process is to act on ``key``: it has not taken the key on yet, and
        no other replica claimed it first (or the store could not say, see the module)."""
        if not self.memory.first_time(key):
            return False
        try:
            # The store is synchronous: its call runs in a worker thread, off the event loop.
            won = await asyncio.to_thread(self.store.claim, key)
        except Exception as exc:  # a store that cannot claim must not silence the bot
            log.warning(
                "could not claim %s in the store (%s); acting on it unclaimed, once in this "
                "replica: another replica may act on it too",
                kind(key),
                _why(exc),
            )
            return True
        if not won:
            # Another replica holds it, and may release it (its share failed): the memory
            # keeps only what this process took on, so the next try asks the store again.
            self.memory.forget(key)
        return won

    async def release(self, key: str) -> None:
        """Let ``key`` be claimed again, here or on another replica."""
        self.memory.forget(key)
        try:
            await asyncio.to_thread(self.store.release, key)
        except Exception as exc:  # the claim lapses with the day's prune at the latest
            log.warning("could not release %s in the store (%s)", kind(key), _why(exc))


def kind(key: str) -> str:
    """What a key is about, without its identifiers: ``slack:share`` of ``slack:share:…``."""
    return ":".join(key.split(":", 2)[:2])


def _why(exc: BaseException) -> str:
    """The driver's own reason on one line, rather than SQLAlchemy's statement and link."""
    cause = getattr(exc, "orig", None) or exc
    lines = [" ".join(line.split()) for line in str(cause).splitlines() if line.strip()]
    return f"{type(cause).__name__}: {lines[0]}" if lines else type(cause).__name__
