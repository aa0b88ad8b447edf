"""``briefbot ingest URL…``: fetch article pages through the safe fetcher and store them.

Each URL is fetched under the configured limits, its main text extracted, and stored with
its canonical URL; a URL that fails is rejected with its reason and the others go on.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import replace

from bot.app import Services
from bot.feeds import canonicalize_url
from bot.fetch import Fetcher, FetchError
from bot.sources import PAGE_ACCEPT, read_article
from briefings.database_url import StoreFailed
from briefings.ingest import IngestError
from briefings.model import Report
from briefings.pipeline import IngestOutcome

log = logging.getLogger(__name__)


async def ingest_urls_async(services: Services, urls: Sequence[str]) -> list[IngestOutcome]:
    fetch = services.config.fetch
    max_bytes = min(fetch.max_bytes, services.config.ingest_max_bytes)
    # Both caps apply to a page, so an error names each one that is the limit.
    setting = " and ".join(
        name
        for name, value in (
            ("[fetch] max_bytes", fetch.max_bytes),
            ("[ingest] max_bytes", services.config.ingest_max_bytes),
        )
        if value == max_bytes
    )
    outcomes: list[IngestOutcome] = []
    async with Fetcher(
        allow_private=fetch.allow_private, max_redirects=fetch.max_redirects
    ) as fetcher:
        for url in urls:
            try:
                page = await fetcher.fetch(
                    url,
                    timeout=fetch.timeout,
                    max_bytes=max_bytes,
                    accept=PAGE_ACCEPT,
                    max_bytes_setting=setting,
                )
                report = await read_article(page, url, max_bytes)
            except FetchError as exc:
                outcomes.append(IngestOutcome(url, "rejected", reason=exc.reason))
                continue
            except IngestError as exc:
                reason = str(exc).removeprefix(url + ": ")
                outcomes.append(IngestOutcome(url, "rejected", reason=reason))
                continue
            except Exception as exc:  # a bug met on one URL; the others are still read
                log.exception("fetching %s failed", url)
                outcomes.append(IngestOutcome.internal_error(url, exc))
                continue
            outcomes.append(await asyncio.to_thread(_store, services, report, url))
    return outcomes


def _store(services: Services, report: Report, url: str) -> IngestOutcome:
    """Store one page's report; a bug met on it rejects the URL, a store that can take
    nothing (``StoreFailed``) stops the batch with its one line."""
    try:
        return services.pipeline.ingest(replace(report, source="url"), url, canonicalize_url(url))
    except StoreFailed:
        raise
    except Exception as exc:
        log.exception("storing %s failed", url)
        return IngestOutcome.internal_error(url, exc)


def ingest_urls(services: Services, urls: Sequence[str]) -> list[IngestOutcome]:
    """Fetch and store each URL; one outcome per URL, in order."""
    return asyncio.run(ingest_urls_async(services, urls))


__all__ = ["ingest_urls", "ingest_urls_async"]
