"""The bot's own bookkeeping in the store: follows, digest deliveries, source polling state,
seen feed entries, feed entries deferred until their article page answers, and the skip
ledger behind ``status``.

Kept apart from the report tables because it is operational state, not derived from
reports: ``reindex`` never touches it. ``Store`` inherits these methods, so callers see one
store.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, func, insert, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from briefings import schema as t


@dataclass(frozen=True, slots=True)
class Follow:
    destination: str
    topic: str
    at: str
    timezone: str
    origin: str = "chat"


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    key: str
    destination: str
    topic: str
    day: str
    status: str
    attempts: int
    last_error: str | None
    updated_at: datetime
    delivered_at: datetime | None
    # No attempt before this moment: the backoff the failed attempts earned, or the pause
    # the platform asked for when that is longer (None: none planned, or a row from before).
    not_before: datetime | None = None


@dataclass(frozen=True, slots=True)
class SeenKey:
    """A feed entry's key as recorded: when first, and the report stored for the entry."""

    seen_at: datetime
    report_id: str | None


@dataclass(frozen=True, slots=True)
class DeferredEntry:
    """A feed entry whose article page failed for now, as the feed gave it: all that is
    needed to finish it (its article, or its summary at the deadline) once the feed no
    longer lists it."""

    key: str
    url: str
    title: str
    summary: str
    outlet: str
    deferred_at: datetime
    guid: str | None = None
    canonical_url: str | None = None
    published: str | None = None
    revised: datetime | None = None


@dataclass(frozen=True, slots=True)
class UnfinishedDigest:
    """A digest rendered for a delivery that the platform has not accepted in full yet.

    ``parts`` are exactly what was rendered the first time; ``accepted`` of them (in order)
    were taken, the first under ``first_id``; ``window_end`` is when the digest was built.
    """

    parts: list[dict[str, Any]]
    accepted: int
    first_id: str | None
    window_end: datetime


def digest_key(destination: str, topic: str, day: str) -> str:
    """The delivery of one day's digest of a topic to one destination: there is one."""
    return f"{destination}|{topic}|{day}"


def _now() -> datetime:
    return datetime.now(UTC)


# How long a claimed delivery belongs to the run that claimed it without word from it: each
# part the platform accepts renews it, and a part waits out at most a few rate limits.
DELIVERY_LEASE = timedelta(minutes=10)

# The status of a delivery that is not retried any more (its attempts ran out, or the
# platform refused the credentials): ``status`` says so and what to do.
GIVEN_UP = "given up"


# How the skip ledger's lines about an entry still waiting for its article page begin.
WILL_RETRY = "will retry: "


class LedgerMixin:
    """Follows, deliveries and source state; mixed into ``Store``, which owns ``engine``."""

    engine: Engine

    # --- follows and deliveries -----------------------------------------------------------

    def add_follow(self, follow: Follow, now: datetime | None = None) -> None:
        """Add a follow, or change the time, zone or origin of the one already there.

        A change keeps when the follow began (``created_at``), which bounds how far back
        its digests reach (``follow_started``): moving a follow to another hour, or the
        config's follows written again at every start, must not make it new. A new time
        or zone is dated (``changed_at``, ``now`` or the clock's time), so that a start
        after that time passed knows whether the day's digest was due under it
        (``follow_changed``); the same time written again dates nothing.
        """
        now = now or _now()
        mine = and_(
            t.follows.c.destination == follow.destination, t.follows.c.topic == follow.topic
        )
        values = {"at": follow.at, "timezone": follow.timezone, "origin": follow.origin}
        moved = or_(t.follows.c.at != follow.at, t.follows.c.timezone != follow.timezone)
        with self.engine.begin() as conn:
            if conn.execute(
                update(t.follows).where(and_(mine, moved)).values(changed_at=now, **values)
            ).rowcount:
                return
            if conn.execute(update(t.follows).where(mine).values(**values)).rowcount:
                return
            conn.execute(
                insert(t.follows).values(
                    destination=follow.destination,
                    topic=follow.topic,
                    created_at=now,
                    changed_at=now,
                    **values,
                )
            )

    def follow_started(self, destination: str, topic: str) -> datetime | None:
        """When this follow began (None: there is none); a new follow after an unfollow
        begins anew."""
        with self.engine.connect() as conn:
            value: datetime | None = conn.execute(
                select(t.follows.c.created_at).where(
                    and_(t.follows.c.destination == destination, t.follows.c.topic == topic)
                )
            ).scalar()
        return value

    def follow_changed(self, destination: str, topic: str) -> datetime | None:
        """When this follow's time and zone were last set (None: there is no follow)."""
        with self.engine.connect() as conn:
            value: datetime | None = conn.execute(
                select(func.coalesce(t.follows.c.changed_at, t.follows.c.created_at)).where(
                    and_(t.follows.c.destination == destination, t.follows.c.topic == topic)
                )
            ).scalar()
        if value is None:
            return None
        # Functions bypass the column type on some backends; keep the store's UTC contract.
        return value if value.tzinfo else value.replace(tzinfo=UTC)

    def remove_follow(self, destination: str, topic: str) -> bool:
        with self.engine.begin() as conn:
            result = conn.execute(
                delete(t.follows).where(
                    and_(t.follows.c.destination == destination, t.follows.c.topic == topic)
                )
            )
            return bool(result.rowcount)

    def follows(self, destination: str | None = None) -> list[Follow]:
        query = select(t.follows).order_by(t.follows.c.destination, t.follows.c.topic)
        if destination is not None:
            query = query.where(t.follows.c.destination == destination)
        with self.engine.connect() as conn:
            return [
                Follow(r.destination, r.topic, r.at, r.timezone, r.origin)
                for r in conn.execute(query)
            ]

    def delivery(self, key: str) -> DeliveryRow | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.deliveries).where(t.deliveries.c.key == key)).first()
        return _delivery(row) if row else None

    def begin_delivery(self, key: str, destination: str, topic: str, day: str) -> bool:
        """Claim a delivery slot; False when it was already delivered (idempotency), or when
        another run holds it: claimed ("pending") and heard from within
        :data:`DELIVERY_LEASE`. The claim is one conditional update, so two runs at once (a
        failover while the old leader still sends) cannot both take it; a run that died
        holding it loses it when the lease runs out."""
        now = _now()
        with self.engine.begin() as conn:
            row = conn.execute(select(t.deliveries).where(t.deliveries.c.key == key)).first()
            if row is None:
                try:
                    conn.execute(
                        insert(t.deliveries).values(
                            key=key,
                            destination=destination,
                            topic=topic,
                            day=day,
                            status="pending",
                            attempts=0,
                            created_at=now,
                            updated_at=now,
                        )
                    )
                except IntegrityError:
                    return False
                return True
            claimed = conn.execute(
                update(t.deliveries)
                .where(
                    and_(
                        t.deliveries.c.key == key,
                        t.deliveries.c.status != "delivered",
                        or_(
                            t.deliveries.c.status != "pending",
                            t.deliveries.c.updated_at < now - DELIVERY_LEASE,
                        ),
                    )
                )
                .values(status="pending", updated_at=now)
            )
            return bool(claimed.rowcount == 1)

    def keep_digest_parts(
        self, key: str, parts: Sequence[Mapping[str, Any]], window_end: datetime
    ) -> None:
        """Keep a claimed delivery's rendered parts, before the first of them is sent."""
        values = {
            "parts": json.dumps(list(parts), ensure_ascii=False),
            "parts_accepted": 0,
            "first_part_id": None,
            "window_end": window_end,
        }
        with self.engine.begin() as conn:
            conn.execute(update(t.deliveries).where(t.deliveries.c.key == key).values(**values))

    def record_parts_accepted(self, key: str, accepted: int, first_id: str | None) -> None:
        """The platform took one more part: written at once, so a crash cannot repeat it."""
        with self.engine.begin() as conn:
            conn.execute(
                update(t.deliveries)
                .where(t.deliveries.c.key == key)
                .values(parts_accepted=accepted, first_part_id=first_id, updated_at=_now())
            )

    def unfinished_digest(self, key: str) -> UnfinishedDigest | None:
        """The kept parts of a delivery not yet accepted in full; None when none are kept."""
        query = select(
            t.deliveries.c.parts,
            t.deliveries.c.parts_accepted,
            t.deliveries.c.first_part_id,
            t.deliveries.c.window_end,
        ).where(and_(t.deliveries.c.key == key, t.deliveries.c.status != "delivered"))
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None or row.parts is None or row.window_end is None:
            return None
        return UnfinishedDigest(
            json.loads(row.parts), row.parts_accepted, row.first_part_id, row.window_end
        )

    def finish_delivery(
        self,
        key: str,
        error: str | None,
        window_end: datetime | None = None,
        not_before: datetime | None = None,
        give_up: bool = False,
    ) -> None:
        """Record one attempt: delivered (error None), failed (to be retried from
        ``not_before`` on), or, with ``give_up``, failed with no attempt planned.

        ``window_end`` is when the delivered digest was built; the next one starts there.
        A delivered digest's parts are dropped: the platform has them all; a digest given
        up keeps them, so that a later run (a restart) can still finish it.
        """
        now = _now()
        values: dict[str, Any] = {"attempts": t.deliveries.c.attempts + 1, "updated_at": now}
        if error is None:
            values.update(
                status="delivered",
                delivered_at=now,
                last_error=None,
                window_end=window_end or now,
                parts=None,
                not_before=None,
            )
        else:
            values.update(
                status=GIVEN_UP if give_up else "failed",
                last_error=error[:500],
                not_before=None if give_up else not_before,
            )
        with self.engine.begin() as conn:
            conn.execute(update(t.deliveries).where(t.deliveries.c.key == key).values(**values))

    def digest_window_end(self, destination: str, topic: str) -> datetime | None:
        """Where the last delivered digest of this topic here ended (None: never delivered).

        Rows from before window ends were recorded fall back to their delivery time.
        """
        with self.engine.connect() as conn:
            value: datetime | None = conn.execute(
                select(
                    func.max(func.coalesce(t.deliveries.c.window_end, t.deliveries.c.delivered_at))
                ).where(
                    and_(
                        t.deliveries.c.destination == destination,
                        t.deliveries.c.topic == topic,
                        t.deliveries.c.status == "delivered",
                    )
                )
            ).scalar_one()
        if value is None:
            return None
        # Aggregates bypass the column type on some backends; keep the store's UTC contract.
        return value if value.tzinfo else value.replace(tzinfo=UTC)

    def deliveries(
        self, statuses: Sequence[str] = ("pending", "failed"), destination: str | None = None
    ) -> list[DeliveryRow]:
        query = select(t.deliveries).where(t.deliveries.c.status.in_(list(statuses)))
        if destination is not None:
            query = query.where(t.deliveries.c.destination == destination)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(t.deliveries.c.updated_at)).all()
        return [_delivery(r) for r in rows]

    def last_delivered_day(self, destination: str, topic: str) -> str | None:
        """The day of the newest digest of this topic delivered here (None: never)."""
        with self.engine.connect() as conn:
            value: str | None = conn.execute(
                select(func.max(t.deliveries.c.day)).where(
                    and_(
                        t.deliveries.c.destination == destination,
                        t.deliveries.c.topic == topic,
                        t.deliveries.c.status == "delivered",
                    )
                )
            ).scalar_one()
        return value

    # --- sources (polling state, seen entries, the skip ledger) ---------------------------

    def source_state(self, name: str) -> dict[str, Any]:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.source_state).where(t.source_state.c.name == name)).first()
        return dict(row._mapping) if row else {"name": name, "failures": 0, "baseline_done": False}

    def all_source_states(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(t.source_state))]

    def update_source_state(self, name: str, **values: Any) -> None:
        with self.engine.begin() as conn:
            exists = conn.execute(
                select(t.source_state.c.name).where(t.source_state.c.name == name)
            ).first()
            if exists:
                conn.execute(
                    update(t.source_state).where(t.source_state.c.name == name).values(**values)
                )
            else:
                values.setdefault("failures", 0)
                values.setdefault("baseline_done", False)
                conn.execute(insert(t.source_state).values(name=name, **values))

    def is_seen(self, source: str, entry_key: str) -> bool:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(t.seen_entries.c.entry_key).where(
                    and_(t.seen_entries.c.source == source, t.seen_entries.c.entry_key == entry_key)
                )
            ).first()
        return row is not None

    def seen_at(self, source: str, entry_key: str) -> datetime | None:
        """When the key was first recorded for the source; None when it never was."""
        with self.engine.connect() as conn:
            value: datetime | None = conn.execute(
                select(t.seen_entries.c.seen_at).where(
                    and_(t.seen_entries.c.source == source, t.seen_entries.c.entry_key == entry_key)
                )
            ).scalar()
        if value is None:
            return None
        return value if value.tzinfo else value.replace(tzinfo=UTC)

    def seen_keys(self, source: str, entry_keys: Sequence[str]) -> dict[str, SeenKey]:
        """Those of ``entry_keys`` recorded for the source, in one read: an entry is known
        by up to three keys, and a poll asks about every entry of the feed."""
        if not entry_keys:
            return {}
        s = t.seen_entries
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(s.c.entry_key, s.c.seen_at, s.c.report_id).where(
                    and_(s.c.source == source, s.c.entry_key.in_(list(entry_keys)))
                )
            ).all()
        return {
            r.entry_key: SeenKey(
                r.seen_at if r.seen_at.tzinfo else r.seen_at.replace(tzinfo=UTC), r.report_id
            )
            for r in rows
        }

    def mark_seen(
        self,
        source: str,
        entry_key: str,
        report_id: str | None,
        at: datetime | None = None,
    ) -> None:
        """Record the key once; a key already recorded keeps its first moment and report."""
        with self.engine.begin() as conn:
            exists = conn.execute(
                select(t.seen_entries.c.entry_key).where(
                    and_(t.seen_entries.c.source == source, t.seen_entries.c.entry_key == entry_key)
                )
            ).first()
            if not exists:
                conn.execute(
                    insert(t.seen_entries).values(
                        source=source,
                        entry_key=entry_key,
                        report_id=report_id,
                        seen_at=at or _now(),
                    )
                )

    def defer_entry(self, source: str, entry: DeferredEntry) -> None:
        """Keep a deferred entry, or bring the one kept up to date (its feed may have
        changed its headline or summary since); it keeps when it was first deferred."""
        values = {
            "guid": entry.guid,
            "url": entry.url,
            "canonical_url": entry.canonical_url,
            "title": entry.title,
            "summary": entry.summary,
            "published": entry.published,
            "revised": entry.revised,
            "outlet": entry.outlet,
        }
        d = t.deferred_entries
        mine = and_(d.c.source == source, d.c.entry_key == entry.key)
        with self.engine.begin() as conn:
            if conn.execute(update(d).where(mine).values(**values)).rowcount:
                return
            conn.execute(
                insert(d).values(
                    source=source, entry_key=entry.key, deferred_at=entry.deferred_at, **values
                )
            )

    def deferred_entries(self, source: str) -> list[DeferredEntry]:
        """The source's deferred entries, the first deferred first."""
        d = t.deferred_entries
        query = select(d).where(d.c.source == source).order_by(d.c.deferred_at, d.c.entry_key)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            DeferredEntry(
                key=r.entry_key,
                url=r.url,
                title=r.title,
                summary=r.summary,
                outlet=r.outlet,
                deferred_at=r.deferred_at,
                guid=r.guid,
                canonical_url=r.canonical_url,
                published=r.published,
                revised=r.revised,
            )
            for r in rows
        ]

    def finish_deferral(
        self,
        source: str,
        key: str | Sequence[str],
        item: str,
        reason: str,
        url: str | None = None,
    ) -> bool:
        """Drop a deferred entry that was stored or given up, and give its "will retry" lines
        in the skip ledger ``reason`` instead, so that ``status`` no longer says it waits;
        False when none was kept.

        The entry is found by any of its keys, or by its link: a feed that changed an
        entry's guid while it waited would otherwise leave the row kept under the old one,
        waiting for ever and keeping the feed's validators unused."""
        keys = [key] if isinstance(key, str) else list(key)
        d = t.deferred_entries
        found: ColumnElement[bool] = d.c.entry_key.in_(keys)
        if url:
            found = or_(found, d.c.url == url)
        with self.engine.begin() as conn:
            dropped = conn.execute(delete(d).where(and_(d.c.source == source, found))).rowcount
            if dropped:
                conn.execute(
                    update(t.skips)
                    .where(
                        and_(
                            t.skips.c.source == source,
                            t.skips.c.item == item[:1000],
                            t.skips.c.reason.startswith(WILL_RETRY, autoescape=True),
                        )
                    )
                    .values(reason=reason[:1000])
                )
        return bool(dropped)

    def record_skip(self, source: str, item: str, reason: str) -> None:
        """Note that ``item`` of ``source`` was skipped, and why.

        A skip said again (the same item for the same reason at every poll: a page that
        keeps timing out, a page with no validators whose text is stored already) replaces
        its earlier row: ten polls of one slow page filled the ten newest skips ``status``
        shows, pushing out every other explanation."""
        item, reason = item[:1000], reason[:1000]
        c = t.skips.c
        with self.engine.begin() as conn:
            conn.execute(
                delete(t.skips).where(c.source == source, c.item == item, c.reason == reason)
            )
            conn.execute(insert(t.skips).values(source=source, item=item, reason=reason, at=_now()))

    def recent_skips(self, limit: int = 20, source: str | None = None) -> list[dict[str, Any]]:
        query = select(t.skips).order_by(t.skips.c.id.desc()).limit(limit)
        if source is not None:
            query = query.where(t.skips.c.source == source)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]


def _delivery(row: Any) -> DeliveryRow:
    return DeliveryRow(
        key=row.key,
        destination=row.destination,
        topic=row.topic,
        day=row.day,
        status=row.status,
        attempts=row.attempts,
        last_error=row.last_error,
        updated_at=row.updated_at,
        delivered_at=row.delivered_at,
        not_before=row.not_before,
    )
