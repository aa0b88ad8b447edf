"""``briefbot poll``: every configured source once, side by side, and what each one did.

Sources are polled concurrently, each under its own deadline, so one slow or failing
source never holds up the others; reports are still stored one at a time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.app import Services
from bot.config import SourceConfig
from bot.fetch import Fetcher
from bot.sources import SourcePoller, SourceResult


@dataclass(frozen=True, slots=True)
class PollResults:
    """The results of one poll of every source, in config order."""

    results: tuple[SourceResult, ...]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    @property
    def added(self) -> int:
        return sum(r.added for r in self.results)

    def lines(self) -> list[str]:
        if not self.results:
            return ["No sources are configured (add [[sources]] to the config)."]
        lines = [line for r in self.results for line in r.lines()]
        failed = sum(1 for r in self.results if not r.ok)
        summary = (
            f"{self.added} new report{'s' if self.added != 1 else ''} from "
            f"{len(self.results)} source{'s' if len(self.results) != 1 else ''}"
        )
        if failed:
            summary += f"; {failed} failed (see `briefbot status`)"
        return [*lines, summary + "."]


def make_fetcher(services: Services) -> Fetcher:
    fetch = services.config.fetch
    return Fetcher(allow_private=fetch.allow_private, max_redirects=fetch.max_redirects)


async def poll_sources(
    services: Services,
    sources: Sequence[SourceConfig] | None = None,
    *,
    force: bool = False,
    clock: Callable[[], datetime] | None = None,
) -> PollResults:
    """Poll the given sources (default: all configured) once, concurrently."""
    chosen = list(services.config.sources if sources is None else sources)
    async with make_fetcher(services) as fetcher:
        poller = SourcePoller(services, fetcher, clock)
        await poller.derive_pending()
        results = await asyncio.gather(*(poller.poll(s, force=force) for s in chosen))
    return PollResults(tuple(results))


def poll_all(
    services: Services, *, force: bool = False, clock: Callable[[], datetime] | None = None
) -> PollResults:
    """The synchronous entry point of ``briefbot poll``."""
    return asyncio.run(poll_sources(services, force=force, clock=clock))


__all__ = ["PollResults", "make_fetcher", "poll_all", "poll_sources"]
