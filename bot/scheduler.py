"""The scheduler: a polling job per source and a digest job per follow, persisted in the store.

APScheduler 3.x (asyncio) keeps its jobs in the store's database (its own table), so a
restart finds them with their next run times; a job whose time passed while the bot was
down runs once (coalesced) when it is still within its grace time; so does the day's run of
a follow added or moved while the bot was down, set before that run's time, whose job is
built at start (``_missed_run``). Jobs are module-level
functions with string arguments only (they are pickled); they find the live scheduler
through a registry keyed by the database URL.

A digest is idempotent per (destination, topic, local day): its delivery row is claimed
before sending, marked delivered only after the destination accepted its last part, and a
failure leaves it failed with a retry job under exponential backoff, the retry's due time
kept in the row so that a restart waits for it too. After ``MAX_ATTEMPTS``, or at once when
the platform refuses the bot's credentials, it is given up; ``status`` says so and what to do.
The rendered parts are kept in the row with how many the platform accepted, so every retry —
after a restart, or with new reports stored meanwhile — continues that same digest after its
last accepted part, never posts it again from the start. A digest with nothing new is not
posted, but recorded as done so that it is not retried. Each digest covers what arrived from
the moment the previous one was built, so a report stored while a digest is being sent (or
retried) is in the next one.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.app import Services
from bot.config import SourceConfig
from bot.delivery import DeliveryError, DeliveryRouter, Progress
from bot.polling import make_fetcher
from bot.sources import SourcePoller, SourceResult
from bot.time_zones import occurrence_day
from briefings.brief import build_digest
from briefings.ledger import DELIVERY_LEASE, GIVEN_UP, Follow, UnfinishedDigest, digest_key
from briefings.model import Digest
from briefings.render import utc_minute

log = logging.getLogger(__name__)

JOB_TABLE = "apscheduler_jobs"
DIGEST_GRACE = 12 * 3600  # a digest hours late (the bot was down) is still worth posting
RETRY_FIRST = 60
RETRY_CEILING = 3600
# Eight attempts span about two hours (1 + 2 + 4 + … + 60 minutes of backoff), restarts
# or not: the wait is counted from the last attempt, which the delivery row keeps.
MAX_ATTEMPTS = 8
ZERO = timedelta(0)
# How long a stop waits for cancelled polls (their store work) before it says what it waits for.
STOP_QUIET = 1.0

_LIVE: dict[str, BotScheduler] = {}


# --- job functions: module level, string arguments, so APScheduler can pickle them -------


async def poll_source_job(registry: str, source: str) -> None:
    scheduler = _LIVE.get(registry)
    if scheduler is None:
        log.warning("no live scheduler for %s; poll of %s skipped", registry, source)
        return
    await scheduler.poll_source(source)


async def digest_job(registry: str, destination: str, topic: str) -> None:
    scheduler = _LIVE.get(registry)
    if scheduler is None:
        log.warning("no live scheduler for %s; digest %s %s skipped", registry, destination, topic)
        return
    await scheduler.run_digest(destination, topic)


async def retry_digest_job(registry: str, destination: str, topic: str, day: str) -> None:
    scheduler = _LIVE.get(registry)
    if scheduler is None:
        return
    await scheduler.run_digest(destination, topic, day=day)


def retry_delay(attempts: int) -> timedelta:
    """Wait before retrying a failed delivery: 1, 2, 4 … minutes, at most an hour."""
    return timedelta(seconds=min(RETRY_CEILING, RETRY_FIRST * 2 ** max(0, attempts - 1)))


class BotScheduler:
    """Owns the APScheduler instance; ``start``/``stop`` inside the bot's event loop."""

    def __init__(
        self,
        services: Services,
        router: DeliveryRouter,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.services = services
        self.store = services.store
        self.router = router
        self.clock = clock or (lambda: datetime.now(UTC))
        # The jobs' pickled arguments name the registry entry; a hash keeps any password
        # in the database URL out of the job table.
        self.registry = hashlib.sha256(services.config.database_url.encode()).hexdigest()[:16]
        self.scheduler = AsyncIOScheduler(
            jobstores={
                "default": SQLAlchemyJobStore(url=services.config.database_url, tablename=JOB_TABLE)
            },
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 600},
            timezone=UTC,
        )
        self._poller: SourcePoller | None = None
        # Jobs running now, with what they do (for the line ``stop`` logs while it waits).
        self._running: dict[asyncio.Task[object], str] = {}
        self._polls: set[asyncio.Task[SourceResult]] = set()
        self._digests: dict[tuple[str, datetime, datetime], asyncio.Future[Digest]] = {}

    # --- lifecycle ------------------------------------------------------------------------

    async def start(self, paused: bool = False) -> None:
        """Register, start APScheduler, bring the jobs in line with config and follows."""
        _LIVE[self.registry] = self
        self._poller = SourcePoller(self.services, make_fetcher(self.services), self.clock)
        # Reports an interrupted ingest left underived reach the briefs (and the digests)
        # before the first poll stores anything newer.
        await self._poller.derive_pending()
        self.scheduler.start(paused=paused)
        self._sync_config_follows()
        self._sync_jobs()
        self._retry_unfinished()

    async def stop(self, grace: float = 30.0) -> None:
        """Stop starting jobs, abandon running polls, let digests being sent finish (up to
        ``grace`` seconds), shut down.

        A poll is cancelled, its fetch in flight abandoned: the next poll fetches again, and
        what it had stored is whole (a report and its derivation each commit at once, and a
        cancel waits for the one under way). A digest is waited for: one cut off after
        the platform took a part, before that was recorded, would post that part again.
        """
        if self.scheduler.running:
            self.scheduler.pause()
            for poll in list(self._polls):
                poll.cancel()
            if self._running:
                _done, busy = await asyncio.wait(set(self._running), timeout=STOP_QUIET)
                if busy:
                    what = sorted({self._running.get(t, "a job") for t in busy})
                    log.info("stopping: waiting up to %.0f s for %s", grace, _listed(what))
                    await asyncio.wait(busy, timeout=grace)
            self.scheduler.shutdown(wait=False)
            await asyncio.sleep(0)  # APScheduler shuts down in a loop callback: let it run
        if self._poller is not None:
            await self._poller.fetcher.aclose()
            self._poller = None
        if _LIVE.get(self.registry) is self:
            del _LIVE[self.registry]

    def job_ids(self) -> list[str]:
        return sorted(job.id for job in self.scheduler.get_jobs())

    def next_run(self, job_id: str) -> datetime | None:
        job = self.scheduler.get_job(job_id)
        return job.next_run_time if job is not None else None

    async def run_job_now(self, job_id: str) -> None:
        """Run a job's function at once, in this task (tests, and `briefbot` operators)."""
        job = self.scheduler.get_job(job_id)
        if job is None:
            raise KeyError(f"no job {job_id!r}")
        await job.func(*job.args, **job.kwargs)

    # --- follows ----------------------------------------------------------------------------

    def sync_follow(self, follow: Follow, added: bool) -> None:
        """A chat ``follow``/``unfollow`` (already in the store): add or drop its job."""
        if added:
            self._schedule_digest(follow)
            return
        job_id = _digest_job_id(follow.destination, follow.topic)
        if self.scheduler.get_job(job_id) is not None:
            self.scheduler.remove_job(job_id)
        # A retry planned for it would only find it not followed.
        prefix = f"retry:{digest_key(follow.destination, follow.topic, '')}"
        for job in self.scheduler.get_jobs():
            if job.id.startswith(prefix):
                job.remove()

    def _sync_config_follows(self) -> None:
        wanted = {(f.destination, f.topic): f for f in self.services.config.follows}
        for follow in self.store.follows():
            if follow.origin == "config" and (follow.destination, follow.topic) not in wanted:
                self.store.remove_follow(follow.destination, follow.topic)
        # A follow the config file changed is dated by when the file was last written (not
        # later than now): edited while the bot was down, before the follow's time, it is
        # owed that day's digest, as a follow changed from chat then would be.
        when = self.clock()
        path = self.services.config.path
        if path is not None:
            with contextlib.suppress(OSError):
                written = datetime.fromtimestamp(Path(path).stat().st_mtime, UTC)
                when = min(when, written)
        for f in wanted.values():
            follow = Follow(f.destination, f.topic, f.at, f.timezone, "config")
            self.store.add_follow(follow, when)

    # --- jobs ---------------------------------------------------------------------------

    def _sync_jobs(self) -> None:
        sources = {s.name: s for s in self.services.config.sources}
        topics = {t.name for t in self.services.matcher.topics}
        follows = {}
        for f in self.store.follows():
            if f.topic in topics:
                follows[_digest_job_id(f.destination, f.topic)] = f
            else:
                # Its topic left topics.toml: a digest of it would read what the topic
                # matched before. Said at every start until someone acts on it.
                log.warning(
                    "the daily digest of %s to %s is not scheduled: there is no topic %s in "
                    "%s any more (add it back, or `unfollow %s` there removes the follow)",
                    f.topic,
                    f.destination,
                    f.topic,
                    self.services.config.topics_file,
                    f.topic,
                )
        for job in self.scheduler.get_jobs():
            stale = (job.id.startswith("poll:") and job.id[5:] not in sources) or (
                job.id.startswith("digest:") and job.id not in follows
            )
            if stale:
                self.scheduler.remove_job(job.id)
        for source in sources.values():
            self._schedule_poll(source)
        for follow in follows.values():
            self._schedule_digest(follow)

    def _schedule_poll(self, source: SourceConfig) -> None:
        job_id = f"poll:{source.name}"
        name = f"poll {source.name} every {source.interval}s"
        existing = self.scheduler.get_job(job_id)
        if existing is None or existing.name != name:
            existing = self.scheduler.add_job(
                poll_source_job,
                IntervalTrigger(seconds=source.interval, timezone=UTC),
                args=[self.registry, source.name],
                id=job_id,
                name=name,
                replace_existing=True,
                next_run_time=self.clock(),
                misfire_grace_time=max(60, source.interval),
            )
        state = self.store.source_state(source.name)
        if not state.get("failures") and existing.next_run_time is not None:
            self.store.update_source_state(source.name, next_run=existing.next_run_time)

    def _schedule_digest(self, follow: Follow) -> None:
        # An unchanged job keeps its stored next run time, so a run missed while the bot
        # was down still happens (once) after a restart.
        job_id = _digest_job_id(follow.destination, follow.topic)
        name = f"digest {follow.destination} {follow.topic} at {follow.at} {follow.timezone}"
        existing = self.scheduler.get_job(job_id)
        if existing is not None and existing.name == name:
            return
        hour, minute = (int(x) for x in follow.at.split(":"))
        trigger = CronTrigger(hour=hour, minute=minute, timezone=ZoneInfo(follow.timezone))
        self.scheduler.add_job(
            digest_job,
            trigger,
            args=[self.registry, follow.destination, follow.topic],
            id=job_id,
            name=name,
            replace_existing=True,
            misfire_grace_time=DIGEST_GRACE,
            **self._missed_run(follow, trigger),
        )

    def _missed_run(self, follow: Follow, trigger: CronTrigger) -> dict[str, datetime]:
        """The run a job (re)built now owes from before now: ``next_run_time`` of today's
        occurrence, if the job is to start with it, else nothing (the trigger's next).

        A job built from now starts at the next occurrence. A stored job whose time passed
        while the bot was down runs once at start, as a coalesced misfire; a follow added
        or moved while the bot was down has no such job, and lost that day's digest without
        a word. It is owed that run when its time was set before the occurrence (one set
        after it is a near miss: the next day's is its first), the day's digest is not in
        the store yet (delivered, or under way: retries see to that), and the occurrence is
        within the grace APScheduler gives a missed run (``DIGEST_GRACE``). Only the latest
        occurrence counts: a follow missed for days gets one digest, as coalescing gives.
        """
        now = self.clock()
        due = _latest_fire_time(trigger, now)
        changed = self.store.follow_changed(follow.destination, follow.topic)
        if due is None or changed is None or changed > due:
            return {}
        day = occurrence_day(follow.at, follow.timezone, now)
        if self.store.delivery(digest_key(follow.destination, follow.topic, day)) is not None:
            return {}
        late = now - due
        if late > timedelta(seconds=DIGEST_GRACE):
            log.warning(
                "the digest of %s to %s due at %s %s (%s) was missed while briefbot was down, "
                "%s ago, beyond the %d hours a late digest is still posted; the next is "
                "tomorrow's, with the news since the last one",
                follow.topic,
                follow.destination,
                day,
                follow.at,
                follow.timezone,
                _hours_minutes(late),
                DIGEST_GRACE // 3600,
            )
            return {}
        log.info(
            "the digest of %s to %s due at %s %s (%s) was missed while briefbot was down; "
            "posting it now",
            follow.topic,
            follow.destination,
            day,
            follow.at,
            follow.timezone,
        )
        return {"next_run_time": due}

    def _schedule_retry(self, destination: str, topic: str, day: str, delay: timedelta) -> None:
        key = digest_key(destination, topic, day)
        self.scheduler.add_job(
            retry_digest_job,
            DateTrigger(run_date=self.clock() + delay, timezone=UTC),
            args=[self.registry, destination, topic, day],
            id=f"retry:{key}",
            name=f"retry digest {key}",
            replace_existing=True,
            misfire_grace_time=DIGEST_GRACE,
        )

    def _retry_unfinished(self) -> None:
        """Deliveries a previous run left unfinished today are tried again.

        A failed one waits out the backoff its attempts earned (or the pause the platform
        asked for, when longer), counted from its last attempt, as it would have without the
        restart: retrying at once made every restart use up an attempt, and a few quick
        restarts gave a digest up within minutes. One given up is tried once more at start,
        since a restart is how a fixed token or setting comes in.
        """
        follows = {(f.destination, f.topic): f for f in self.store.follows()}
        now = self.clock()
        for row in self.store.deliveries(("pending", "failed", GIVEN_UP)):
            follow = follows.get((row.destination, row.topic))
            if follow is None or row.day != self._local_day(follow):
                continue
            if row.status == GIVEN_UP:
                due = now
            elif row.attempts >= MAX_ATTEMPTS:  # given up before that status was recorded
                continue
            else:
                # A row from before the backoff was kept: from its last attempt's time.
                due = row.not_before or row.updated_at + retry_delay(row.attempts)
            self._schedule_retry(row.destination, row.topic, row.day, max(due - now, ZERO))

    # --- the work -------------------------------------------------------------------------

    async def poll_source(self, name: str) -> SourceResult | None:
        source = next((s for s in self.services.config.sources if s.name == name), None)
        if source is None or self._poller is None:
            return None
        with self._tracked(f"the poll of {name}"):
            poll = asyncio.ensure_future(self._poll(self._poller, source))
            self._polls.add(poll)
            poll.add_done_callback(self._polls.discard)
            try:
                result = await poll
            except asyncio.CancelledError:
                task = asyncio.current_task()
                if not poll.cancelled() or (task is not None and task.cancelling()):
                    raise
                # ``stop`` cancelled the poll, not this job: it ends quietly.
                log.info("poll of %s abandoned: the scheduler is stopping", name)
                return None
        # The first line carries an error or a warning; the lines after it are details.
        head, *details = result.lines()
        log.log(logging.WARNING if result.error or result.warning else logging.INFO, "%s", head)
        for line in details:
            log.info("%s", line)
        return result

    @staticmethod
    async def _poll(poller: SourcePoller, source: SourceConfig) -> SourceResult:
        await poller.derive_pending()
        return await poller.poll(source)

    async def run_digest(self, destination: str, topic: str, day: str | None = None) -> str:
        """Build and send one digest; returns what happened (for logs and tests)."""
        with self._tracked(f"the digest of {topic} to {destination}"):
            return await self._digest(destination, topic, day)

    @contextmanager
    def _tracked(self, what: str) -> Iterator[None]:
        task = asyncio.current_task()
        if task is not None:
            self._running[task] = what
        try:
            yield
        finally:
            if task is not None:
                self._running.pop(task, None)

    async def _digest(self, destination: str, topic: str, day: str | None) -> str:
        follow = next((f for f in self.store.follows(destination) if f.topic == topic), None)
        if follow is None:
            return "not followed"
        day = day or self._local_day(follow)
        key = digest_key(destination, topic, day)
        if not self.store.begin_delivery(key, destination, topic, day):
            row = self.store.delivery(key)
            if row is not None and row.status != "delivered":
                # Another run holds it (or held it and died): look again once its lease is
                # out; by then it is delivered, or free to be finished here.
                self._schedule_retry(destination, topic, day, DELIVERY_LEASE)
                return "in progress elsewhere"
            return "already delivered"
        unfinished = self.store.unfinished_digest(key)
        if unfinished is None:
            digest = await self._build_now(destination, topic)
            if digest.is_empty():
                self.store.finish_delivery(key, None, window_end=digest.generated_at)
                self.store.record_skip(
                    "digest",
                    key,
                    f"nothing new since {utc_minute(digest.since)}; not posted",
                )
                return "empty"
            try:
                unfinished = self._keep_parts(key, destination, digest)
            except DeliveryError as exc:  # no such destination is running: retry later
                return self._failed(key, destination, topic, day, exc)
        try:
            await self.router.send_parts(
                destination,
                unfinished.parts,
                Progress(unfinished.accepted, unfinished.first_id),
                lambda progress: self.store.record_parts_accepted(
                    key, progress.accepted, progress.first_id
                ),
            )
        except Exception as exc:  # any failure: leave it failed and retry, never drop it
            return self._failed(key, destination, topic, day, exc)
        self.store.finish_delivery(key, None, window_end=unfinished.window_end)
        self._drop_retry(key)  # delivered on another path; the retry has nothing to do
        return "delivered"

    def _drop_retry(self, key: str) -> None:
        retry = self.scheduler.get_job(f"retry:{key}")
        if retry is not None:
            retry.remove()

    async def _build_now(self, destination: str, topic: str) -> Digest:
        """The digest of what arrived since the last one delivered here."""
        now = self.clock()
        since = self._since(destination, topic, now)
        description = next(
            (t.description for t in self.services.matcher.topics if t.name == topic), ""
        )
        return await self._build(topic, description, since, now)

    def _failed(self, key: str, destination: str, topic: str, day: str, exc: Exception) -> str:
        # Our own errors are sentences for people; anything else keeps its type's name.
        reason = str(exc) if isinstance(exc, DeliveryError) else f"{type(exc).__name__}: {exc}"
        before = self.store.delivery(key)
        attempts = (before.attempts if before else 0) + 1
        permanent = isinstance(exc, DeliveryError) and exc.permanent
        if permanent or attempts >= MAX_ATTEMPTS:
            # A refused token, or a channel the bot may not post in, fails every attempt
            # alike until someone fixes it; a restart tries a digest given up once more, and
            # the next day's digest brings its news.
            self.store.finish_delivery(key, reason, give_up=True)
            self._drop_retry(key)  # one planned earlier would make another attempt
            log.warning(
                "digest %s not delivered (attempt %d): %s; given up%s "
                "(`briefbot status` lists it; restarting briefbot today tries it once more)",
                key,
                attempts,
                reason,
                "" if permanent else f" after {attempts} attempts",
            )
            return "given up"
        delay = retry_delay(attempts)
        asked = exc.retry_after if isinstance(exc, DeliveryError) else None
        if asked:  # the platform's own delay wins when it is longer
            delay = max(delay, timedelta(seconds=asked))
        # Kept in the row, so that a restart keeps this wait instead of retrying at once.
        self.store.finish_delivery(key, reason, not_before=self.clock() + delay)
        self._schedule_retry(destination, topic, day, delay)
        log.warning(
            "digest %s not delivered (attempt %d): %s; next attempt in %.0f s",
            key,
            attempts,
            reason,
            delay.total_seconds(),
        )
        return "failed"

    def _keep_parts(self, key: str, destination: str, digest: Digest) -> UnfinishedDigest:
        """Render the digest for its destination and keep the parts before sending any.

        Every later attempt sends these parts, not a new rendering: by then new reports
        (or a restart) would make a different digest, and posting that after the parts
        already accepted would repeat them or leave the first one cut short.
        """
        parts = self.router.render(destination, digest)
        self.store.keep_digest_parts(key, parts, window_end=digest.generated_at)
        return UnfinishedDigest(parts, 0, None, digest.generated_at)

    async def _build(self, topic: str, description: str, since: datetime, now: datetime) -> Digest:
        """Build a digest in the worker thread, once for every follow due at the same moment.

        Many channels following one topic at 08:00 ask for the same digest; building it on
        the event loop once per channel stalled the loop long enough for sends to time out.
        """
        # Every follow due in the same minute with the same window shares one build; its
        # build time becomes their window end, so the next windows line up as well.
        key = (topic, since, now.replace(second=0, microsecond=0))
        cached = self._digests.get(key)
        if cached is None:
            cached = asyncio.ensure_future(
                asyncio.to_thread(build_digest, self.store, [(topic, description)], since, now)
            )
            self._digests = {k: v for k, v in self._digests.items() if k[2] >= key[2]}
            self._digests[key] = cached
        return await asyncio.shield(cached)

    def _since(self, destination: str, topic: str, now: datetime) -> datetime:
        """From the last digest that went out here, so nothing falls between two digests,
        however long the bot was down; a first digest covers ``[digest] hours``.

        A follow taken up again after an unfollow is a first digest too: it reaches back
        ``[digest] hours`` from when the follow began, not to the last digest of the old
        follow, months ago.
        """
        hours = timedelta(hours=self.services.config.digest_hours)
        first = (now - hours).replace(second=0, microsecond=0)
        last = self.store.digest_window_end(destination, topic)
        if last is None:
            return first
        started = self.store.follow_started(destination, topic)
        if started is not None and last < started - hours:
            return (started - hours).replace(second=0, microsecond=0)
        return last

    def _local_day(self, follow: Follow) -> str:
        return occurrence_day(follow.at, follow.timezone, self.clock())


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _latest_fire_time(trigger: CronTrigger, now: datetime) -> datetime | None:
    """The trigger's latest fire time at or before ``now`` (None: none in the last two
    days, which a daily trigger always has).

    The cursor always moves on, by at least a minute, and the steps are bounded: in the
    hour a zone's clocks go back, APScheduler 3.11 answers the same wall-clock time again
    for a moment just past it, and a loop asking "the next one after this" never ended,
    on the event loop, at every start for two days."""
    cursor = now - timedelta(days=2)
    latest = None
    for _ in range(_MAX_FIRE_STEPS):
        fire = trigger.get_next_fire_time(None, cursor)
        if fire is None or fire > now:
            break
        if latest is None or fire > latest:
            latest = fire
        cursor = max(fire, cursor) + timedelta(minutes=1)
    return latest


# A daily trigger fires three times at most in the two days looked at; the rest is room for
# a repeated hour's answers.
_MAX_FIRE_STEPS = 16


def _hours_minutes(span: timedelta) -> str:
    minutes = int(span.total_seconds() // 60)
    return f"{minutes // 60} h {minutes % 60:02d} min"


def _digest_job_id(destination: str, topic: str) -> str:
    return f"digest:{destination}|{topic}"


__all__ = [
    "BotScheduler",
    "digest_job",
    "digest_key",
    "poll_source_job",
    "retry_delay",
    "retry_digest_job",
]
