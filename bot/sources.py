"""Polling one configured source — a folder, a feed or a single article URL — into the store.

The rules that keep updates honest: an entry is recorded as seen only after its report is
stored, so a crash mid-poll loses nothing; a feed's validators (ETag, Last-Modified) are
kept only once every entry was dealt with, so a 304 can never hide an entry that still
waits; the first poll of a feed is a baseline that records its back catalogue without
ingesting it (``baseline = false`` reads it); an entry whose article page fails for now is
kept with what it takes to finish it, so that it is finished even after the feed drops it;
every duplicate and filtered item goes into the skip ledger with its reason; a failing
source backs off exponentially up to a ceiling.
Errors of one source are caught here and become its result, never another source's problem.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final, Literal, TypeVar

from bot.app import Services
from bot.config import SourceConfig
from bot.feeds import Feed, FeedEntry, FeedError, canonicalize_url, parse_feed
from bot.fetch import Fetcher, FetchError, FetchResult
from bot.file_ingest import expand_paths, ingest_file
from briefings.database_url import StoreFailed
from briefings.ingest import IngestError, parse_html, report_id, shown_path
from briefings.ledger import WILL_RETRY, DeferredEntry, SeenKey
from briefings.model import Report
from briefings.pipeline import IngestOutcome
from briefings.render import utc_minute

log = logging.getLogger(__name__)
T = TypeVar("T")

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
# A scheduled run that starts a little before the backoff ends still counts as due.
_SLACK = timedelta(seconds=30)
# How long an article page that fails with a temporary error (a 503, a timeout) is tried
# again at each poll before the entry's summary is stored in its place. Storing the summary
# at once kept the one-line summary for good: its URL is then a stored duplicate, so the
# article with its claims was never read, not even from another feed.
ARTICLE_RETRY = timedelta(hours=6)
# Revised entries read again in one poll of a feed; the rest wait for the next poll.
MAX_REVISIONS_PER_POLL = 10
# A revision already read this hour: its newer stamp waits for the next hour.
_LATER: Final = "later"
# How long a file in a watched folder must be left unchanged before it is read.
FILE_SETTLE_SECONDS = 10


class SourceError(Exception):
    """A source that cannot be polled at all (folder missing, not a feed, page unreadable)."""


@dataclass(frozen=True, slots=True)
class SourceResult:
    """What one poll of one source did: the lines ``briefbot poll`` prints for it."""

    name: str
    kind: str
    stored: tuple[IngestOutcome, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()
    error: str | None = None
    not_modified: bool = False
    baseline: int = 0
    waiting_until: datetime | None = None
    # Read, but with a problem to fix at the source (a feed that is not well-formed).
    warning: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def added(self) -> int:
        return sum(1 for o in self.stored if o.status == "added")

    def lines(self) -> list[str]:
        head = f"{self.name} ({self.kind}): "
        if self.waiting_until is not None:
            return [
                head + f"backing off after errors until {utc_minute(self.waiting_until)}; "
                "not fetched"
            ]
        if self.error is not None:
            return [head + f"error: {self.error}"]
        if self.not_modified:
            return [head + "not modified since the last fetch"]
        parts = [f"{self.added} new report{'s' if self.added != 1 else ''}"]
        if self.baseline:
            parts.append(
                f"{self.baseline} existing {_entries(self.baseline)} recorded as the "
                "baseline (not ingested)"
            )
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        warning = f"; warning: {self.warning}" if self.warning else ""
        lines = [head + ", ".join(parts) + warning]
        lines += [
            f"  added      {o.name} ({o.report_id})" for o in self.stored if o.status == "added"
        ]
        lines += [f"  skipped    {item}: {reason}" for item, reason in self.skipped]
        return lines


async def read_article(page: FetchResult, url: str, max_bytes: int) -> Report:
    """A fetched article page as a report; ``IngestError`` when it is no HTML page (checked
    first, so a PDF or an image never reaches the HTML parser and its error logging) or
    holds no article."""
    if page.content.strip() and not page.is_html:
        raise IngestError(f"{url}: not an HTML page ({page.media_type})")
    return await asyncio.to_thread(parse_html, page.content, url, url, max_bytes)


def backoff_delay(interval: int, failures: int, ceiling: int) -> timedelta:
    """How long a source waits after ``failures`` errors in a row: doubling, capped."""
    if failures <= 0:
        return timedelta(seconds=interval)
    return timedelta(seconds=min(ceiling, interval * 2 ** min(failures, 30)))


@dataclass
class _Poll:
    """What a poll collected before its state is written (validators only on success)."""

    stored: list[IngestOutcome] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    not_modified: bool = False
    baseline: int = 0
    validators: tuple[str | None, str | None] | None = None
    baseline_done: bool = False
    warning: str | None = None
    # The keys and links of the source's entries that waited when the poll began: only
    # those have a deferral to finish, so no other entry costs the store a write for it.
    waiting: frozenset[str] = frozenset()


class SourcePoller:
    """Polls sources for one set of services; reports are stored one at a time (``lock``)."""

    def __init__(
        self,
        services: Services,
        fetcher: Fetcher,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.services = services
        self.store = services.store
        self.fetcher = fetcher
        self.clock = clock or (lambda: datetime.now(UTC))
        self._lock = asyncio.Lock()

    async def derive_pending(self) -> int:
        """Derive the reports an interrupted ingest stored but never derived, before any new
        one is stored (derivation links each report to those stored before it); how many.

        A failure is logged, never raised: it must not stop the polls that follow.
        """
        try:
            async with self._lock:
                count = await _uninterrupted(
                    asyncio.to_thread(self.services.pipeline.derive_pending)
                )
        except Exception:
            log.exception("could not derive the reports stored but never derived")
            return 0
        if count:
            log.warning(
                "derived %d report%s stored earlier but never derived (an ingest was interrupted)",
                count,
                "s" if count != 1 else "",
            )
        return count

    async def poll(self, source: SourceConfig, *, force: bool = False) -> SourceResult:
        """Poll once; never raises for the source's own failures (they become the result)."""
        state = self.store.source_state(source.name)
        now = self.clock()
        waiting = state.get("next_run")
        if not force and state.get("failures", 0) and waiting and waiting > now + _SLACK:
            return SourceResult(source.name, source.kind, waiting_until=waiting)
        try:
            poll = await self._poll_kind(source, state)
        except FetchError as exc:
            return self._failed(source, state, exc.reason, exc.retry_after)
        except (FeedError, SourceError, IngestError, OSError) as exc:
            return self._failed(source, state, str(exc) or type(exc).__name__)
        except Exception as exc:  # one broken source must not stop the others
            log.exception("polling %s failed", source.name)
            return self._failed(source, state, f"internal error ({type(exc).__name__}: {exc})")
        finished = self.clock()
        values: dict[str, Any] = {
            "last_fetch": finished,
            "last_success": finished,
            # On a poll that succeeded, the column holds its warning, which status shows as
            # such (no failures in a row); a 304 keeps the warning of the body it stands for.
            "last_error": poll.warning,
            "failures": 0,
            "next_run": finished + timedelta(seconds=source.interval),
        }
        if poll.not_modified and not state.get("failures"):
            values["last_error"] = state.get("last_error")
        if poll.validators is not None:
            values["etag"], values["last_modified"] = poll.validators
        if poll.baseline_done:
            values["baseline_done"] = True
        self.store.update_source_state(source.name, **values)
        return SourceResult(
            source.name,
            source.kind,
            stored=tuple(poll.stored),
            skipped=tuple(poll.skipped),
            not_modified=poll.not_modified,
            baseline=poll.baseline,
            warning=poll.warning,
        )

    def _failed(
        self,
        source: SourceConfig,
        state: dict[str, Any],
        reason: str,
        retry_after: float | None = None,
    ) -> SourceResult:
        failures = int(state.get("failures") or 0) + 1
        now = self.clock()
        delay = backoff_delay(source.interval, failures, self.services.config.fetch.backoff_ceiling)
        if retry_after is not None:  # the server said when; never sooner, capped like backoff
            ceiling = max(self.services.config.fetch.backoff_ceiling, source.interval)
            delay = max(delay, timedelta(seconds=min(retry_after, ceiling)))
        self.store.update_source_state(
            source.name,
            last_fetch=now,
            last_error=reason,
            failures=failures,
            next_run=now + delay,
        )
        # Not logged here: `briefbot poll` prints the result, the scheduler logs it.
        return SourceResult(source.name, source.kind, error=reason)

    async def _poll_kind(self, source: SourceConfig, state: dict[str, Any]) -> _Poll:
        if source.kind == "folder":
            return await self._poll_folder(source)
        if source.kind == "feed":
            return await self._poll_feed(source, state)
        return await self._poll_url(source, state)

    # --- folders ----------------------------------------------------------------------------

    async def _poll_folder(self, source: SourceConfig) -> _Poll:
        folder = source.path
        if folder is None or not folder.is_dir():
            raise SourceError(f"{folder}: folder not found (create it or fix the source's path)")
        poll = _Poll()
        for item in expand_paths([folder]):
            if isinstance(item, IngestOutcome):
                key = "skip:" + _digest(item.name)
                if not self.store.is_seen(source.name, key):
                    self._skip(poll, source, item.name, item.reason)
                    self.store.mark_seen(source.name, key, None)
                continue
            try:
                await self._poll_file(poll, source, folder, item)
            except StoreFailed:
                raise
            except Exception as exc:  # one file must not block the folder at every poll
                log.exception("polling %s of %s failed", shown_path(item), source.name)
                self._after_store(poll, source, IngestOutcome.internal_error(shown_path(item), exc))
        return poll

    async def _poll_file(self, poll: _Poll, source: SourceConfig, folder: Path, item: Path) -> None:
        """Read one file of a folder source once it has settled, unless read before as it is."""
        stat = item.stat()
        rel = item.relative_to(folder).as_posix()
        key = "file:" + _digest(f"{rel}|{stat.st_size}|{stat.st_mtime_ns}")
        if self.store.is_seen(source.name, key):
            return
        # A file still being copied in would be stored half, and then again in full as
        # a second report; so a file is read once it has been left alone for a while:
        # by its modification time, or, where that is younger (or in the future, on a
        # share whose clock disagrees), by polls that found it unchanged that long.
        now = self.clock().timestamp()
        age = now - stat.st_mtime
        if age < FILE_SETTLE_SECONDS and self._unchanged_for(source, key, now) < (
            FILE_SETTLE_SECONDS
        ):
            self._skip(
                poll,
                source,
                shown_path(item),
                f"waiting: the file changed {max(age, 0):.0f}s ago and may still be "
                f"being written; it is read at the first poll after it has been left "
                f"alone for {FILE_SETTLE_SECONDS}s",
            )
            return
        path_key = "path:" + _digest(rel)
        outcome = await self._run_locked(
            ingest_file,
            self.services.pipeline,
            item,
            source.max_bytes,
            self._max_bytes_setting(source),
        )
        if outcome.status == "added" and self.store.is_seen(source.name, path_key):
            outcome = replace(
                outcome, name=f"{outcome.name} (a new version; the earlier one stays stored)"
            )
        self._after_store(poll, source, outcome)
        self.store.mark_seen(source.name, key, outcome.report_id)
        if outcome.report_id is not None:
            self.store.mark_seen(source.name, path_key, outcome.report_id)

    async def _fetch(self, source: SourceConfig, state: dict[str, Any], accept: str) -> FetchResult:
        """A conditional GET with the validators of the last successful poll."""
        assert source.url is not None
        return await self.fetcher.fetch(
            source.url,
            timeout=source.timeout,
            max_bytes=source.max_bytes,
            etag=state.get("etag"),
            last_modified=state.get("last_modified"),
            accept=accept,
            max_bytes_setting=self._max_bytes_setting(source),
        )

    # --- feeds ------------------------------------------------------------------------------

    async def _poll_feed(self, source: SourceConfig, state: dict[str, Any]) -> _Poll:
        assert source.url is not None
        pending = self.store.deferred_entries(source.name)
        # While entries wait, every poll reads the feed whole (a 304 would end the poll
        # before the entries that left the feed are finished).
        fetched = await self._fetch(source, {} if pending else state, FEED_ACCEPT)
        if fetched.not_modified:
            return _Poll(not_modified=True)
        feed = await asyncio.to_thread(
            parse_feed, fetched.content, fetched.content_type, fetched.final_url
        )
        poll = _Poll(
            baseline_done=True,
            warning=feed.warning,
            waiting=frozenset(k for kept in pending for k in (kept.key, kept.url) if k),
        )
        baseline = source.baseline and not state.get("baseline_done")
        deferred = await self._finish_unlisted(poll, source, feed, pending)
        revisions = 0
        for entry in feed.entries:
            keys = entry.keys()
            if not keys:
                # Nothing to key it on, so said once per date it carries, not at every poll.
                key = "skip:" + _digest(f"empty entry|{entry.published or ''}")
                if not self.store.is_seen(source.name, key):
                    self._skip(
                        poll, source, entry.label, "the entry has no link, id, title or text"
                    )
                    self.store.mark_seen(source.name, key, None)
                continue
            found = self.store.seen_keys(source.name, keys)
            seen = [k for k in keys if k in found]
            if seen:
                revision = self._revision(source, entry, list(found.values()))
                if revision == _LATER or (
                    revision is not None and revisions >= MAX_REVISIONS_PER_POLL
                ):
                    deferred += 1  # read at a later poll; the feed is read whole until then
                elif revision is not None:
                    revisions += 1
                    if not await self._guarded(
                        poll, source, entry, self._read_revision, feed, revision
                    ):
                        deferred += 1
                elif len(seen) < len(keys):
                    self._skip(poll, source, entry.label, _rewritten(keys, seen))
                    self._mark(source, keys, None)
                continue
            if baseline:
                self._mark(source, keys, None)
                poll.baseline += 1
                continue
            if not await self._new_entry(poll, source, entry, feed):
                deferred += 1
        if baseline and poll.baseline:
            self._skip(
                poll,
                source,
                source.url,
                f"baseline: {poll.baseline} {_entries(poll.baseline)} present at the first poll "
                f"{'was' if poll.baseline == 1 else 'were'} recorded, not ingested (set "
                "baseline = false to read them)",
            )
        # A 304 next time would hide a deferred entry, so keep the old validators then.
        poll.validators = None if deferred else (fetched.etag, fetched.last_modified)
        return poll

    async def _finish_unlisted(
        self, poll: _Poll, source: SourceConfig, feed: Feed, pending: list[DeferredEntry]
    ) -> int:
        """Go on with the deferred entries the feed no longer lists; how many still wait.

        A busy feed rolls an entry off before its page answers or its summary is due, and
        then only what was kept of it with the deferral is left: its article is tried again
        and its summary stored at the deadline, as for an entry still listed. Those still
        listed are left to the feed's own pass. Oldest first, like the feed's entries.
        """
        listed: set[str] = set()
        for entry in feed.entries:
            listed.update(entry.keys())
        waiting = 0
        for kept in pending:
            entry = _feed_entry(kept)
            keys = entry.keys()
            if listed.intersection(keys):
                continue
            if self.store.seen_keys(source.name, keys):
                # Recorded meanwhile under another of its keys (a copy in the feed, say).
                self._finished(
                    poll, source, entry, "no longer pending: the entry was recorded since"
                )
                continue
            unlisted = Feed(kept.outlet, ())
            if not await self._new_entry(poll, source, entry, unlisted, listed=False):
                waiting += 1
        return waiting

    async def _new_entry(
        self, poll: _Poll, source: SourceConfig, entry: FeedEntry, feed: Feed, listed: bool = True
    ) -> bool:
        """Store an entry not seen before, unless its article is stored already; False when
        it must be tried again on the next poll."""
        keys = entry.keys()
        known = self.store.report_by_url(entry.canonical_url) if entry.canonical_url else None
        if known:
            self._skip(
                poll,
                source,
                entry.label,
                f"duplicate: this article is already stored (report {known})",
            )
            self._mark(source, keys, known)
            self._finished(
                poll, source, entry, f"no longer pending: the article is stored (report {known})"
            )
            return True
        return await self._guarded(poll, source, entry, self._ingest_entry, feed, listed)

    async def _guarded(
        self,
        poll: _Poll,
        source: SourceConfig,
        entry: FeedEntry,
        work: Callable[..., Awaitable[bool]],
        *args: Any,
    ) -> bool:
        """``work`` on one entry; an unexpected error rejects that entry alone (False)."""
        try:
            return await work(poll, source, entry, *args)
        except StoreFailed:
            raise
        except Exception as exc:  # one entry must not block the feed at every poll
            log.exception("ingesting %s of %s failed", entry.label, source.name)
            self._after_store(poll, source, IngestOutcome.internal_error(entry.label, exc))
            # Not marked as seen: the entry is tried again at the next poll (and, once the
            # bug is fixed, stored) rather than lost while it is still in the feed.
            return False

    def _revision(
        self, source: SourceConfig, entry: FeedEntry, seen: list[SeenKey]
    ) -> tuple[str, str] | Literal["later"] | None:
        """The keys of a revision of a stored entry to read now (its stamp's and this hour's),
        ``_LATER`` for one to read in a later hour, or None.

        A story is updated where it stands ("The Kremlin later denied …"): a feed says so
        with a later ``<updated>`` under the same id, and the article is read again. Only an
        entry whose article is stored, and only a stamp later than when the entry was first
        seen (so that a new install or an upgrade reads nothing again). At most once an hour
        an entry, since some feeds stamp every entry with the time of the request.
        """
        stamp_key = _stamp_key(entry)
        if not source.updates or stamp_key is None or not entry.canonical_url:
            return None
        assert entry.revised is not None
        if entry.revised <= min(k.seen_at for k in seen):
            return None
        hour_key = f"revhour:{stamp_key.split(':')[1]}:{self.clock():%Y-%m-%dT%H}"
        if self.store.is_seen(source.name, stamp_key):
            return None
        # Stored under any of the keys it was seen by: its link may have changed since (a
        # new slug for a new headline), its id not.
        if not any(k.report_id for k in seen):
            return None  # recorded as the baseline, or never stored: nothing to revise
        if self.store.is_seen(source.name, hour_key):
            return _LATER
        return stamp_key, hour_key

    async def _read_revision(
        self,
        poll: _Poll,
        source: SourceConfig,
        entry: FeedEntry,
        feed: Feed,
        keys: tuple[str, str],
    ) -> bool:
        """Read a revised entry's article again and store it when its text changed.

        The new version is a report of its own, like a corrected file: the earlier one stays,
        and when most of the text is the same the new one counts as a copy of it, so only
        what it adds reaches the briefs as new. The same text again is no news, and says
        nothing. A page that cannot be read keeps the stored version; it is tried again
        within the hour when the failure was temporary.
        """
        stamp_key, hour_key = keys
        self.store.mark_seen(source.name, hour_key, None)
        assert entry.url is not None and entry.revised is not None
        label = f"{entry.label} (revised {entry.revised:%Y-%m-%d %H:%M} UTC)"
        try:
            report = await self._article(source, entry.url)
        except (FetchError, IngestError) as exc:
            transient = isinstance(exc, FetchError) and exc.transient
            problem = exc.reason if isinstance(exc, FetchError) else _strip(str(exc), entry.url)
            later = "it is tried again within the hour" if transient else "it is not tried again"
            self._skip(
                poll,
                source,
                label,
                f"revision not read ({problem}); the stored version stands, and {later}",
            )
            if not transient:
                self.store.mark_seen(source.name, stamp_key, None)
            return not transient
        outcome = await self._run_locked(
            self.services.pipeline.ingest,
            _as_entry(report, entry, feed, source, entry.url),
            label,
            entry.canonical_url,
        )
        if outcome.status != "unchanged":
            self._after_store(poll, source, outcome)
        self.store.mark_seen(source.name, stamp_key, outcome.report_id)
        self._mark(source, entry.keys(), outcome.report_id)
        return True

    async def _article(self, source: SourceConfig, url: str) -> Report:
        """The article at ``url``, fetched within the source's limits; ``FetchError`` or
        ``IngestError`` says why there is none."""
        page = await self.fetcher.fetch(
            url,
            timeout=source.timeout,
            max_bytes=source.max_bytes,
            accept=PAGE_ACCEPT,
            max_bytes_setting=self._max_bytes_setting(source),
        )
        return await read_article(page, url, source.max_bytes)

    async def _ingest_entry(
        self, poll: _Poll, source: SourceConfig, entry: FeedEntry, feed: Feed, listed: bool = True
    ) -> bool:
        """Store one new entry; False when it must be tried again on the next poll.

        An entry that must wait is kept with its deferral (``listed``: whether the feed
        still lists it), so that it is finished even once the feed has dropped it.
        """
        report: Report | None = None
        from_summary = False
        problem = "its link is not an http(s) URL" if entry.url else "the entry has no link"
        transient = False
        # Schemes are case-insensitive: "HTTPS://…" is a page like any other.
        has_page = bool(entry.url and entry.url.lower().startswith(("http://", "https://")))
        if entry.url and has_page:
            try:
                report = await self._article(source, entry.url)
            except FetchError as exc:
                problem, transient = exc.reason, exc.transient
            except IngestError as exc:
                problem = _strip(str(exc), entry.url)
        # A feed item with no article page and no summary is its headline alone: that is
        # what the feed published, so it is the report (verbatim, like any other).
        text = entry.summary or ("" if has_page else entry.title)
        if report is None and transient:
            give_up = self._failing_since(source, entry) + ARTICLE_RETRY
            if self.clock() < give_up and text:
                self._skip(
                    poll,
                    source,
                    entry.label,
                    f"{WILL_RETRY}the article could not be fetched ({problem}); the entry's "
                    f"summary is stored instead if it still fails at {utc_minute(give_up)}",
                )
                self._defer(source, entry, feed)
                return False
            if not text and listed:
                self._skip(
                    poll,
                    source,
                    entry.label,
                    f"{WILL_RETRY}the article could not be fetched ({problem}) "
                    "and the entry has no summary",
                )
                self._defer(source, entry, feed)
                return False
            if not text and self.clock() < give_up:
                self._skip(
                    poll,
                    source,
                    entry.label,
                    f"{WILL_RETRY}the article could not be fetched ({problem}), the entry has "
                    f"no summary and has left the feed; it is given up if it still fails at "
                    f"{utc_minute(give_up)}",
                )
                return False
            problem += f", still after {_hours(ARTICLE_RETRY)} of retries"
        if report is None:
            if not text:
                gone = "" if listed else " (and it has left the feed)"
                self._skip(
                    poll,
                    source,
                    entry.label,
                    f"not stored: {problem}, and the entry has no summary{gone}",
                )
                self._mark(source, entry.keys(), None)
                self._finished(poll, source, entry, f"no longer pending: not stored ({problem})")
                return True
            from_summary = True
            report = Report(
                id=report_id(text),
                title=entry.title or entry.label,
                text=text,
                # Only a link that can be opened is the report's: an "ftp:" or "mailto:" one
                # would be shown as if it led to the article.
                url=entry.url if has_page else None,
            )
            if not has_page:
                stored = "its summary" if entry.summary else "its headline (it has no text)"
                why = f"the entry has no link to an article; stored {stored} as the report"
            else:
                why = f"article page not used ({problem}); stored the feed's summary instead"
            self._skip(poll, source, entry.label, why)
        outcome = await self._run_locked(
            self.services.pipeline.ingest,
            _as_entry(report, entry, feed, source, entry.url if has_page else None),
            entry.label,
            entry.canonical_url,
        )
        self._after_store(poll, source, outcome)
        self._mark(source, entry.keys(), outcome.report_id)
        self._finished(poll, source, entry, _settled(outcome, from_summary))
        # The stamp it was stored with is no revision, even one ahead of our clock.
        if (stamp_key := _stamp_key(entry)) is not None:
            self.store.mark_seen(source.name, stamp_key, outcome.report_id)
        return True

    # --- single article URLs ----------------------------------------------------------------

    async def _poll_url(self, source: SourceConfig, state: dict[str, Any]) -> _Poll:
        assert source.url is not None
        fetched = await self._fetch(source, state, PAGE_ACCEPT)
        if fetched.not_modified:
            return _Poll(not_modified=True)
        report = await read_article(fetched, source.url, source.max_bytes)
        report = replace(report, source=f"url:{source.name}")
        outcome = await self._run_locked(
            self.services.pipeline.ingest, report, source.url, canonicalize_url(source.url)
        )
        poll = _Poll(validators=(fetched.etag, fetched.last_modified))
        self._after_store(poll, source, outcome)
        return poll

    # --- shared -----------------------------------------------------------------------------

    def _max_bytes_setting(self, source: SourceConfig) -> str:
        """The setting a body over the source's cap asks to raise."""
        own = f"max_bytes of source '{source.name}'"
        if source.max_bytes != self.services.config.fetch.max_bytes:
            return own
        return f"[fetch] max_bytes, or {own} for this source alone,"

    async def _run_locked(self, func: Callable[..., IngestOutcome], *args: Any) -> IngestOutcome:
        # Derivation links each report to those stored before it, so one at a time.
        async with self._lock:
            return await _uninterrupted(asyncio.to_thread(func, *args))

    def _after_store(self, poll: _Poll, source: SourceConfig, outcome: IngestOutcome) -> None:
        if outcome.status == "rejected":
            self._skip(poll, source, outcome.name, f"rejected: {outcome.reason}")
            return
        if outcome.status == "unchanged":
            self._skip(
                poll,
                source,
                outcome.name,
                f"duplicate: the same text is already stored (report {outcome.report_id})",
            )
            return
        poll.stored.append(outcome)
        if not outcome.topics:
            self._skip(
                poll,
                source,
                outcome.name,
                "filtered: stored, but it names no configured topic, so no brief shows it",
            )

    def _unchanged_for(self, source: SourceConfig, file_key: str, now: float) -> float:
        """Seconds since a poll first found the file as it is now (0 the first time)."""
        marker = "settling:" + file_key.removeprefix("file:")
        first = self.store.seen_at(source.name, marker)
        if first is None:
            self.store.mark_seen(source.name, marker, None, at=datetime.fromtimestamp(now, UTC))
            return 0.0
        return now - first.timestamp()

    def _failing_since(self, source: SourceConfig, entry: FeedEntry) -> datetime:
        """When fetching the entry's article first failed (now, if this is the first time)."""
        now = self.clock()
        keys = entry.keys()
        markers = ["failing:" + key for key in keys]
        since = [t for t in (self.store.seen_at(source.name, m) for m in markers) if t]
        first = min(since, default=now)
        for marker in markers:
            self.store.mark_seen(source.name, marker, None, at=first)
        return first

    def _defer(self, source: SourceConfig, entry: FeedEntry, feed: Feed) -> None:
        """Keep what it takes to finish the entry, should the feed drop it meanwhile."""
        assert entry.url is not None
        self.store.defer_entry(
            source.name,
            DeferredEntry(
                key=entry.keys()[0],
                url=entry.url,
                title=entry.title,
                summary=entry.summary,
                outlet=feed.title,
                deferred_at=self.clock(),
                guid=entry.guid,
                canonical_url=entry.canonical_url,
                published=entry.published,
                revised=entry.revised,
            ),
        )

    def _finished(self, poll: _Poll, source: SourceConfig, entry: FeedEntry, reason: str) -> None:
        """The entry waits no more: its deferral is dropped and its "will retry" lines say
        ``reason`` instead (nothing happens for an entry that never waited)."""
        keys = entry.keys()
        if poll.waiting.isdisjoint((*keys, entry.url)):
            return
        self.store.finish_deferral(source.name, keys, entry.label, reason, entry.url)

    def _skip(self, poll: _Poll, source: SourceConfig, item: str, reason: str) -> None:
        poll.skipped.append((item, reason))
        self.store.record_skip(source.name, item, reason)

    def _mark(self, source: SourceConfig, keys: tuple[str, ...], rid: str | None) -> None:
        for key in keys:
            self.store.mark_seen(source.name, key, rid)


async def _uninterrupted(work: Awaitable[T]) -> T:
    """Store work in a thread, awaited to its end even when the poll is cancelled (a stop).

    A thread cannot be interrupted: it would go on writing after the poll gave up, and the
    store might be closed under it. So the cancellation waits for it (a report is stored in
    one transaction and derived in another, both short) and is raised once it is done.
    """
    task = asyncio.ensure_future(work)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        await asyncio.wait({task})
        raise


def _as_entry(
    report: Report, entry: FeedEntry, feed: Feed, source: SourceConfig, url: str | None
) -> Report:
    """The report as its feed entry presents it: the entry's headline, and its link, outlet
    and date where the page gives none."""
    return replace(
        report,
        title=entry.title or report.title,
        url=url or report.url,
        outlet=report.outlet or feed.title or None,
        published=report.published or entry.published,
        source=f"feed:{source.name}",
    )


def _feed_entry(kept: DeferredEntry) -> FeedEntry:
    """A deferred entry as its feed gave it (so it has the keys it had there)."""
    return FeedEntry(
        guid=kept.guid,
        url=kept.url,
        canonical_url=kept.canonical_url,
        title=kept.title,
        summary=kept.summary,
        published=kept.published,
        revised=kept.revised,
    )


def _settled(outcome: IngestOutcome, from_summary: bool) -> str:
    """What became of an entry that had to wait, for the skip lines that said it waits."""
    if outcome.status == "rejected":
        return f"no longer pending: rejected ({outcome.reason})"
    if outcome.status == "unchanged":
        return f"no longer pending: the same text is already stored (report {outcome.report_id})"
    what = "the entry's summary, in place of its article," if from_summary else "its article"
    return f"no longer pending: {what} was stored (report {outcome.report_id})"


def _stamp_key(entry: FeedEntry) -> str | None:
    """The key of the entry's ``<updated>`` stamp as read, or None when it has none."""
    ident = entry.guid or entry.canonical_url
    if entry.revised is None or not ident:
        return None
    return f"rev:{_digest(ident)}:{_digest(entry.revised.isoformat())}"


def _entries(n: int) -> str:
    return "entry" if n == 1 else "entries"


def _hours(span: timedelta) -> str:
    hours = span.total_seconds() / 3600
    return f"{hours:g} hour{'s' if hours != 1 else ''}"


def _rewritten(keys: tuple[str, ...], seen: list[str]) -> str:
    names = {"guid": "id", "url": "link", "text": "text"}
    matched = ", ".join(names[k.split(":", 1)[0]] for k in seen)
    changed = ", ".join(names[k.split(":", 1)[0]] for k in keys if k not in seen)
    return f"duplicate: same {matched} as an entry seen before (its {changed} changed)"


def _digest(value: str) -> str:
    # surrogateescape: a file name that is not UTF-8 keys by its own bytes (any other name
    # keys as it always did).
    return hashlib.sha256(value.encode("utf-8", "surrogateescape")).hexdigest()[:40]


def _strip(message: str, name: str) -> str:
    prefix = name + ": "
    return message[len(prefix) :] if message.startswith(prefix) else message


__all__ = [
    "ARTICLE_RETRY",
    "FILE_SETTLE_SECONDS",
    "SourceError",
    "SourcePoller",
    "SourceResult",
    "backoff_delay",
    "read_article",
]
