"""The store: reports first, then everything derived from them, behind one small interface.

SQLite by default, PostgreSQL by URL: the module speaks SQLAlchemy Core 2.x and nothing
backend-specific apart from the SQLite pragmas set on connect. The rule the rest of briefbot
relies on: ``add_report`` commits the report before anything is derived from it, and every
derived row can be deleted and rebuilt from the stored reports (``clear_derived``).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import (
    and_,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import URL, Connection, Engine, ExceptionContext
from sqlalchemy.exc import DBAPIError, IntegrityError

from briefings import database_url
from briefings import schema as t
from briefings.ledger import LedgerMixin
from briefings.model import (
    Claim,
    Denial,
    Entities,
    OpenQuestion,
    Report,
    Sentence,
)
from briefings.work_claims import WorkClaimsMixin

DEFAULT_DATABASE_URL = "sqlite:///var/briefbot.db"


@dataclass(frozen=True, slots=True)
class StoredClaim:
    id: str
    report_id: str
    group_id: str
    claim: Claim
    created_at: datetime


@dataclass(frozen=True, slots=True)
class StoredDenial:
    id: str
    report_id: str
    denial: Denial
    created_at: datetime


@dataclass(frozen=True, slots=True)
class StoredQuestion:
    id: str
    report_id: str
    question: str
    kind: str
    created_at: datetime
    closed_at: datetime | None
    evidence: tuple[tuple[str, str], ...]
    closing: tuple[tuple[str, str], ...]
    related: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReportRow:
    id: str
    title: str
    outlet: str | None
    url: str | None
    published: str | None
    ingested_at: datetime
    duplicate_of: str | None
    seq: int = 0
    first_derived_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Derived:
    """Everything the pipeline derives from one report, written in one transaction."""

    report_id: str
    sentences: Sequence[Sentence]
    topics: Sequence[str]
    claims: Sequence[Claim]
    claim_groups: Sequence[str]
    denials: Sequence[Denial]
    denial_targets: Sequence[tuple[int, str]]
    questions: Sequence[OpenQuestion]
    entities: Entities
    duplicate_of: str | None = None
    # Links from denials stored before this report to its claims (denial id, claim id), and
    # the stored questions this report answers (question id, its closing sentences as
    # (report id, sentence)): written with the rows above, so that an ingest stopped in
    # between never leaves a report marked derived without them.
    late_targets: Sequence[tuple[str, str]] = ()
    closings: Sequence[tuple[str, Sequence[tuple[str, str]]]] = ()


def claim_id(report_id: str, index: int) -> str:
    return f"{report_id}-c{index}"


def denial_id(report_id: str, index: int) -> str:
    return f"{report_id}-d{index}"


def question_id(report_id: str, index: int) -> str:
    return f"{report_id}-q{index}"


def _now() -> datetime:
    return datetime.now(UTC)


_SEQ_ATTEMPTS = 20


class Store(LedgerMixin, WorkClaimsMixin):
    """Reports and what was derived from them; follows, deliveries and source state; the
    claims replicas take on chat work."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str = DEFAULT_DATABASE_URL) -> Store:
        """Connect, create the SQLite file's folder if needed, and apply migrations.

        Raises ``StoreUnavailable`` when the URL, its driver or the database is the problem.
        """
        parsed = database_url.parse_url(url)
        kwargs: dict[str, Any] = {}
        if parsed.get_backend_name() == "sqlite":
            database = parsed.database
            if database and database != ":memory:" and not database.startswith("file:"):
                folder = Path(database).parent
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise database_url.no_folder(parsed, str(folder), exc) from exc
            kwargs["connect_args"] = {"timeout": SQLITE_BUSY_S}
        engine = database_url.engine_for(parsed, **kwargs)
        if parsed.get_backend_name() == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        try:
            t.upgrade(engine)
        except DBAPIError as exc:
            engine.dispose()
            frozen = _read_only_folder_url(parsed)
            if frozen is None:
                raise database_url.refused(parsed, exc) from exc
            return cls._open_frozen(parsed, frozen, exc)
        event.listen(engine, "handle_error", _say_why_it_failed(parsed))
        return cls(engine)

    @classmethod
    def _open_frozen(cls, parsed: URL, frozen: str, first: DBAPIError) -> Store:
        """The store on a read-only filesystem (a read-only mount, a snapshot), read as it
        stands: SQLite cannot open a write-ahead-logged file where it cannot make the file's
        shared-memory index beside it, except as immutable. ``brief`` and ``topics`` then
        work; any write fails in one line, as on any read-only store."""
        engine = database_url.engine_for(database_url.parse_url(frozen))
        try:
            t.upgrade(engine)
        except DBAPIError:
            engine.dispose()
            raise database_url.refused(parsed, first) from first
        event.listen(engine, "handle_error", _say_why_it_failed(parsed))
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    # --- reports --------------------------------------------------------------------------

    def add_report(self, report: Report, canonical_url: str | None = None) -> bool:
        """Store a report verbatim; False when a report with the same id is already stored."""
        # Two writers (replicas on one PostgreSQL) can pick the same next ``seq``: the loser
        # gets an IntegrityError and tries again unless the report itself is now stored.
        for _ in range(_SEQ_ATTEMPTS):
            try:
                with self.engine.begin() as conn:
                    found = conn.execute(select(t.reports.c.id).where(t.reports.c.id == report.id))
                    if found.first():
                        return False
                    seq = conn.execute(
                        select(func.coalesce(func.max(t.reports.c.seq), 0))
                    ).scalar_one()
                    conn.execute(
                        insert(t.reports).values(
                            id=report.id,
                            seq=int(seq) + 1,
                            title=report.title,
                            outlet=report.outlet,
                            url=report.url,
                            canonical_url=canonical_url,
                            published=report.published,
                            language=report.language,
                            source=report.source,
                            text=report.text,
                            ingested_at=_now(),
                        )
                    )
                return True
            except IntegrityError:
                if self.has_report(report.id):
                    return False
        raise RuntimeError(f"could not store report {report.id}: the store kept refusing its seq")

    def has_report(self, report_id: str) -> bool:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.reports.c.id).where(t.reports.c.id == report_id))
            return row.first() is not None

    def report_by_url(self, canonical_url: str) -> str | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(t.reports.c.id).where(t.reports.c.canonical_url == canonical_url).limit(1)
            ).first()
            return row.id if row else None

    def get_report(self, report_id: str) -> Report | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.reports).where(t.reports.c.id == report_id)).first()
        return _report(row) if row else None

    def underived_report(self, report_id: str) -> Report | None:
        """The stored report, if it was stored but never derived (its ingest was cut off)."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(t.reports)
                .where(t.reports.c.id == report_id)
                .where(t.reports.c.derived_at.is_(None))
            ).first()
        return _report(row) if row else None

    def iter_reports(self, underived_only: bool = False) -> Iterator[Report]:
        """Reports in the order they were ingested (the order derivation must follow)."""
        query = select(t.reports).order_by(t.reports.c.seq)
        if underived_only:
            query = query.where(t.reports.c.derived_at.is_(None))
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        for row in rows:
            yield _report(row)

    def report_rows(self, ids: Iterable[str]) -> list[ReportRow]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return []
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(
                    t.reports.c.id,
                    t.reports.c.title,
                    t.reports.c.outlet,
                    t.reports.c.url,
                    t.reports.c.published,
                    t.reports.c.ingested_at,
                    t.reports.c.duplicate_of,
                    t.reports.c.seq,
                    t.reports.c.first_derived_at,
                ).where(t.reports.c.id.in_(wanted))
            ).all()
        by_id = {r.id: ReportRow(*r) for r in rows}
        return [by_id[i] for i in wanted if i in by_id]

    def count_reports(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t.reports)).scalar_one())

    def count_underived(self) -> int:
        """Reports stored but never derived: an ingest stopped between the two."""
        with self.engine.connect() as conn:
            return int(
                conn.execute(
                    select(func.count()).where(t.reports.c.derived_at.is_(None))
                ).scalar_one()
            )

    def recent_texts(self, limit: int = 200) -> list[tuple[str, str]]:
        """(id, text) of the newest reports, for near-duplicate (wire copy) checks."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.reports.c.id, t.reports.c.text)
                .where(t.reports.c.derived_at.is_not(None))
                .order_by(t.reports.c.seq.desc())
                .limit(limit)
            ).all()
        return [(r.id, r.text) for r in rows]

    def same_url_texts(self, report_id: str, limit: int = 20) -> list[tuple[str, str]]:
        """(id, text) of the derived reports stored from the same canonical URL as
        ``report_id``, newest first: an article read again after it changed is checked
        against its earlier versions however many reports came in between."""
        r = t.reports
        url = select(r.c.canonical_url).where(r.c.id == report_id).scalar_subquery()
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(r.c.id, r.c.text)
                .where(r.c.canonical_url == url)
                .where(r.c.id != report_id)
                .where(r.c.derived_at.is_not(None))
                .order_by(r.c.seq.desc())
                .limit(limit)
            ).all()
        return [(row.id, row.text) for row in rows]

    # --- topics ---------------------------------------------------------------------------

    def sync_topics(self, names_and_descriptions: Iterable[tuple[str, str]]) -> None:
        """Store the configured topics; only what changed is written, so every command
        that only reads (``brief``, ``topics``) works on a read-only store too."""
        with self.engine.begin() as conn:
            stored = dict(conn.execute(select(t.topics.c.name, t.topics.c.description)).all())
            for name, description in names_and_descriptions:
                if name not in stored:
                    conn.execute(insert(t.topics).values(name=name, description=description))
                elif stored[name] != description:
                    conn.execute(
                        update(t.topics)
                        .where(t.topics.c.name == name)
                        .values(description=description)
                    )
                stored[name] = description

    def topic_counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.report_topics.c.topic, func.count()).group_by(t.report_topics.c.topic)
            ).all()
        return {topic: int(n) for topic, n in rows}

    def topic_report_ids(self, topic: str) -> list[str]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.report_topics.c.report_id)
                .join(t.reports, t.reports.c.id == t.report_topics.c.report_id)
                .where(t.report_topics.c.topic == topic)
                .order_by(t.reports.c.seq)
            ).all()
        return [r.report_id for r in rows]

    def topic_window(
        self, topic: str, limit: int, since: datetime | None = None
    ) -> tuple[list[str], int]:
        """The newest ``limit`` reports of a topic (oldest first) and how many there are.

        With ``since``, only the reports from the first one derived at that moment or later
        count, and the total is theirs: a digest reads the period it covers, however busy,
        rather than the topic's newest reports, which on a busy day would leave most of the
        day's reports unread. Derived, not stored: the items of a report an interrupted
        ingest left underived are dated by when they were derived at last, as they are in
        the brief.

        Each is an index scan (``reports (first_derived_at)`` for where the period starts, then
        ``report_topics (topic, seq)``): the cost grows with ``limit``, not with the number
        of stored reports.
        """
        where = [t.report_topics.c.topic == topic]
        with self.engine.connect() as conn:
            if since is not None:
                first = conn.execute(
                    select(func.min(t.reports.c.seq)).where(t.reports.c.first_derived_at >= since)
                ).scalar_one()
                if first is None:
                    return [], 0
                where.append(t.report_topics.c.seq >= first)
            rows = conn.execute(
                select(t.report_topics.c.report_id)
                .where(*where)
                .order_by(t.report_topics.c.seq.desc())
                .limit(limit)
            ).all()
            total = conn.execute(select(func.count()).where(*where)).scalar_one()
        return [r.report_id for r in reversed(rows)], int(total)

    # The reads below filter by topic in a second, primary-key query rather than a join:
    # given a join, SQLite's planner may drive it from the topic's index, which visits every
    # report of the topic; asked separately, each step is a lookup by id.

    def claims_in_groups(self, group_ids: Sequence[str], topic: str) -> list[StoredClaim]:
        """Every claim of the given story clusters carried by a report of the topic."""
        rows: list[Any] = []
        with self.engine.connect() as conn:
            for chunk in _chunks(group_ids):
                rows += conn.execute(select(t.claims).where(t.claims.c.group_id.in_(chunk))).all()
            inside = _in_topic(conn, [r.report_id for r in rows], topic)
        return [_stored_claim(r) for r in rows if r.report_id in inside]

    def claim_groups(self, claim_ids: Sequence[str], topic: str) -> dict[str, str]:
        """claim id → story cluster, for the given claims carried by a report of the topic."""
        rows: list[Any] = []
        with self.engine.connect() as conn:
            for chunk in _chunks(claim_ids):
                rows += conn.execute(
                    select(t.claims.c.id, t.claims.c.group_id, t.claims.c.report_id).where(
                        t.claims.c.id.in_(chunk)
                    )
                ).all()
            inside = _in_topic(conn, [r.report_id for r in rows], topic)
        return {r.id: r.group_id for r in rows if r.report_id in inside}

    def denial_links_to(
        self, claim_ids: Sequence[str], topic: str
    ) -> list[tuple[str, str, datetime]]:
        """(denial id, claim id, linked at) for denials of the topic that target these claims."""
        rows: list[Any] = []
        with self.engine.connect() as conn:
            for chunk in _chunks(claim_ids):
                rows += conn.execute(
                    select(
                        t.denial_targets.c.denial_id,
                        t.denial_targets.c.claim_id,
                        t.denial_targets.c.created_at,
                        t.denials.c.report_id,
                    )
                    .select_from(t.denial_targets)
                    .join(t.denials, t.denials.c.id == t.denial_targets.c.denial_id)
                    .where(t.denial_targets.c.claim_id.in_(chunk))
                ).all()
            inside = _in_topic(conn, [r.report_id for r in rows], topic)
        return [(r.denial_id, r.claim_id, r.created_at) for r in rows if r.report_id in inside]

    def contested_items(self, item_ids: Sequence[str], topic: str) -> set[str]:
        """Those of the items that an open "contested" question of the topic relates to."""
        rows: list[Any] = []
        with self.engine.connect() as conn:
            for chunk in _chunks(item_ids):
                rows += conn.execute(
                    select(t.question_links.c.item_id, t.questions.c.report_id)
                    .select_from(t.question_links)
                    .join(t.questions, t.questions.c.id == t.question_links.c.question_id)
                    .where(t.question_links.c.item_id.in_(chunk))
                    .where(t.questions.c.kind == "contested")
                    .where(t.questions.c.closed_at.is_(None))
                ).all()
            inside = _in_topic(conn, [r.report_id for r in rows], topic)
        return {r.item_id for r in rows if r.report_id in inside}

    def questions_closed_by(self, report_ids: Sequence[str], topic: str) -> list[StoredQuestion]:
        """Questions of the topic that these (later) reports answered."""
        rows: list[Any] = []
        with self.engine.connect() as conn:
            for chunk in _chunks(report_ids):
                rows += conn.execute(
                    select(t.question_evidence.c.question_id, t.questions.c.report_id)
                    .select_from(t.question_evidence)
                    .join(t.questions, t.questions.c.id == t.question_evidence.c.question_id)
                    .where(t.question_evidence.c.report_id.in_(chunk))
                    .where(t.question_evidence.c.closing.is_(True))
                ).all()
            inside = _in_topic(conn, [r.report_id for r in rows], topic)
        ids = list(dict.fromkeys(r.question_id for r in rows if r.report_id in inside))
        return self._questions(t.questions.c.id, ids)

    # --- derived --------------------------------------------------------------------------

    def save_derived(self, derived: Derived) -> None:
        """Replace what was derived from one report, in one transaction.

        The rows are dated by the report's first derivation, not by now: derived again
        (``reindex``), they keep the times the digests already went by.

        That date is read once the transaction holds the write lock, just before it commits.
        Read before the wait for the lock (another process writing, up to the busy
        timeout), it could fall before the end of a digest read meanwhile, which could not
        see the report yet; the next digest starts at that end, so no digest had it.
        """
        rid = derived.report_id
        with self.engine.begin() as conn:
            # The report's row first, locked (PostgreSQL): two processes deriving the same
            # report (both found it underived) take turns, and the second replaces the
            # first's rows instead of failing on their keys.
            row = conn.execute(
                select(t.reports.c.seq, t.reports.c.first_derived_at)
                .where(t.reports.c.id == rid)
                .with_for_update()
            ).one()
            _delete_derived(conn, [rid])  # the first write: SQLite's lock is ours from here
            now = _now()
            at = row.first_derived_at or now
            # A denial's link to a claim of a report first derived later (stored earlier
            # but derived late) dates from that later moment: the change is news then.
            linked = _claim_times(conn, [cid for _, cid in derived.denial_targets])
            for table, rows in _derived_rows(derived, row.seq, at, linked):
                conn.execute(insert(table), rows)
            conn.execute(
                update(t.reports)
                .where(t.reports.c.id == rid)
                .values(derived_at=now, first_derived_at=at, duplicate_of=derived.duplicate_of)
            )
            _link_denials(conn, derived.late_targets)
            for qid, evidence in derived.closings:
                _close_question(conn, qid, evidence)

    def bulk_load(self, items: Sequence[tuple[Report, Derived]]) -> int:
        """Store new reports with what was derived from them, in one transaction.

        The rows are those ``add_report`` and ``save_derived`` write, batched: it exists for
        benchmarks and imports that build a large store quickly from items derived (or
        generated) elsewhere. Reports already stored are left alone; returns how many were new.
        """
        now = _now()
        batched: dict[str, tuple[Any, list[dict[str, Any]]]] = {}
        with self.engine.begin() as conn:
            ids = [r.id for r, _ in items]
            known: set[str] = set()
            for chunk in _chunks(ids):
                known |= set(
                    conn.execute(select(t.reports.c.id).where(t.reports.c.id.in_(chunk))).scalars()
                )
            seq = int(
                conn.execute(select(func.coalesce(func.max(t.reports.c.seq), 0))).scalar_one()
            )
            mismatched = [r.id for r, d in items if r.id != d.report_id]
            if mismatched:
                raise ValueError(f"derived rows name another report than {mismatched[0]}")
            fresh = [(r, d) for r, d in items if r.id not in known]
            report_rows: list[dict[str, Any]] = []
            for report, derived in dict((r.id, (r, d)) for r, d in fresh).values():
                seq += 1
                report_rows.append(
                    {
                        "id": report.id,
                        "seq": seq,
                        "title": report.title,
                        "outlet": report.outlet,
                        "url": report.url,
                        "canonical_url": None,
                        "published": report.published,
                        "language": report.language,
                        "source": report.source,
                        "text": report.text,
                        "ingested_at": now,
                        "derived_at": now,
                        "first_derived_at": now,
                        "duplicate_of": derived.duplicate_of,
                    }
                )
                for table, rows in _derived_rows(derived, seq, now, {}):
                    batched.setdefault(table.name, (table, []))[1].extend(rows)
            if report_rows:
                conn.execute(insert(t.reports), report_rows)
            # Parents before children, in the order the foreign keys need.
            for name in _INSERT_ORDER:
                if name in batched:
                    table, rows = batched[name]
                    for start in range(0, len(rows), 5000):
                        conn.execute(insert(table), rows[start : start + 5000])
        return len(report_rows)

    def clear_derived(self) -> None:
        """Forget everything derived (reports, follows and deliveries stay)."""
        with self.engine.begin() as conn:
            for table in (
                t.question_links,
                t.question_evidence,
                t.questions,
                t.denial_targets,
                t.denials,
                t.claims,
                t.entities,
                t.report_topics,
                t.sentences,
            ):
                conn.execute(delete(table))
            conn.execute(update(t.reports).values(derived_at=None, duplicate_of=None))

    def close_question(self, qid: str, evidence: Sequence[tuple[str, str]]) -> None:
        """Close a question with a later report's sentences (``evidence``: report id and
        sentence); ``Derived.closings`` does it for a report being derived."""
        with self.engine.begin() as conn:
            _close_question(conn, qid, evidence)

    # --- reading derived items -----------------------------------------------------------

    def claims_for(self, report_ids: Sequence[str]) -> list[StoredClaim]:
        if not report_ids:
            return []
        rows: list[Any] = []
        with self.engine.connect() as conn:
            for chunk in _chunks(report_ids):
                rows += conn.execute(select(t.claims).where(t.claims.c.report_id.in_(chunk))).all()
        return [_stored_claim(r) for r in rows]

    def denials_for(self, report_ids: Sequence[str]) -> list[StoredDenial]:
        if not report_ids:
            return []
        rows: list[Any] = []
        with self.engine.connect() as conn:
            for chunk in _chunks(report_ids):
                rows += conn.execute(
                    select(t.denials).where(t.denials.c.report_id.in_(chunk))
                ).all()
        return [
            StoredDenial(
                id=r.id,
                report_id=r.report_id,
                created_at=r.created_at,
                denial=Denial(
                    sentence=r.sentence,
                    speaker=r.speaker,
                    speaker_kind=r.speaker_kind,
                    denied=r.denied,
                    sentence_index=r.sentence_index,
                    cue=r.cue,
                ),
            )
            for r in rows
        ]

    def targets_of(self, denial_ids: Sequence[str]) -> list[tuple[str, str, datetime]]:
        """(denial id, claim id, linked at) for the given denials."""
        out: list[tuple[str, str, datetime]] = []
        with self.engine.connect() as conn:
            for chunk in _chunks(denial_ids):
                out += [
                    (r.denial_id, r.claim_id, r.created_at)
                    for r in conn.execute(
                        select(t.denial_targets).where(t.denial_targets.c.denial_id.in_(chunk))
                    )
                ]
        return out

    def questions_for(self, report_ids: Sequence[str]) -> list[StoredQuestion]:
        return self._questions(t.questions.c.report_id, report_ids)

    def _questions(self, column: Any, values: Sequence[str]) -> list[StoredQuestion]:
        if not values:
            return []
        with self.engine.connect() as conn:
            qrows: list[Any] = []
            for chunk in _chunks(values):
                qrows += conn.execute(select(t.questions).where(column.in_(chunk))).all()
            ids = [q.id for q in qrows]
            ev: dict[str, list[tuple[int, str, str, bool]]] = {}
            links: dict[str, list[str]] = {}
            for chunk in _chunks(ids):
                for r in conn.execute(
                    select(t.question_evidence).where(t.question_evidence.c.question_id.in_(chunk))
                ):
                    ev.setdefault(r.question_id, []).append(
                        (r.ord, r.report_id, r.sentence, bool(r.closing))
                    )
                for r in conn.execute(
                    select(t.question_links).where(t.question_links.c.question_id.in_(chunk))
                ):
                    links.setdefault(r.question_id, []).append(r.item_id)
        result = []
        for q in qrows:
            rows = sorted(ev.get(q.id, []))
            result.append(
                StoredQuestion(
                    id=q.id,
                    report_id=q.report_id,
                    question=q.question,
                    kind=q.kind,
                    created_at=q.created_at,
                    closed_at=q.closed_at,
                    evidence=tuple((rid, s) for _, rid, s, closing in rows if not closing),
                    closing=tuple((rid, s) for _, rid, s, closing in rows if closing),
                    related=tuple(sorted(links.get(q.id, []))),
                )
            )
        return result

    def entities_for(self, report_ids: Sequence[str]) -> Entities:
        found: dict[str, dict[str, None]] = {"people": {}, "organizations": {}, "places": {}}
        with self.engine.connect() as conn:
            for chunk in _chunks(report_ids):
                for r in conn.execute(
                    select(t.entities.c.kind, t.entities.c.name)
                    .where(t.entities.c.report_id.in_(chunk))
                    .order_by(t.entities.c.name)
                ):
                    found.setdefault(r.kind, {})[r.name] = None
        return Entities(
            people=tuple(found["people"]),
            organizations=tuple(found["organizations"]),
            places=tuple(found["places"]),
        )

    def claims_of_topics(
        self, topics: Sequence[str], exclude_report: str, window: int = 500
    ) -> list[StoredClaim]:
        """Claims of the newest reports sharing a topic: candidates for cross-report links."""
        return self.claims_for(self._topic_neighbours(topics, exclude_report, window))

    def denials_of_topics(
        self, topics: Sequence[str], exclude_report: str, window: int = 500
    ) -> list[StoredDenial]:
        """Denials of the newest reports sharing a topic: a claim that arrives after the
        denial that rejects it is linked to it too."""
        return self.denials_for(self._topic_neighbours(topics, exclude_report, window))

    def open_questions_of_topics(
        self, topics: Sequence[str], exclude_report: str, window: int = 500
    ) -> list[StoredQuestion]:
        ids = self._topic_neighbours(topics, exclude_report, window)
        return [q for q in self.questions_for(ids) if q.closed_at is None]

    def _topic_neighbours(self, topics: Sequence[str], exclude: str, window: int) -> list[str]:
        """The newest ``window`` reports of each topic: linking a new report costs the same
        whether the store holds a thousand reports or a million."""
        ids: dict[str, None] = {}
        with self.engine.connect() as conn:
            for topic in dict.fromkeys(topics):
                rows = conn.execute(
                    select(t.report_topics.c.report_id)
                    .where(t.report_topics.c.topic == topic)
                    .order_by(t.report_topics.c.seq.desc())
                    .limit(window + 1)
                ).all()
                newest = [r.report_id for r in rows if r.report_id != exclude][:window]
                ids.update(dict.fromkeys(newest))
        return list(ids)

    def search_topics_by_alias(self, words: Sequence[str]) -> list[str]:
        """Topic names whose name matches any of the words (case-insensitive)."""
        lowered = [w.lower() for w in words]
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.topics.c.name).where(
                    or_(*(func.lower(t.topics.c.name) == w for w in lowered))
                )
            ).all()
        return [r.name for r in rows]


def _say_why_it_failed(url: URL) -> Callable[[ExceptionContext], None]:
    """A full disk or a read-only store, raised as ``StoreFailed`` naming the store and the
    cause (the commands print it in one line); every other error is left as it was, for the
    callers that handle it (a lost race for a report's ``seq``)."""

    def handle_error(context: ExceptionContext) -> None:
        failure = database_url.failed(url, context.original_exception)
        if failure is not None:
            raise failure from context.original_exception

    return handle_error


# How long an SQLite connection waits for another's lock (the driver's busy timeout).
SQLITE_BUSY_S = 30


def _read_only_folder_url(parsed: URL) -> str | None:
    """The immutable read-only URI of a SQLite file that exists and can be read in a folder
    that cannot be written; None for anything else."""
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = Path(database)
    if not path.is_file() or not os.access(path, os.R_OK) or _writable_folder(path.parent):
        return None
    wal = path.with_name(path.name + "-wal")
    if wal.is_file() and wal.stat().st_size > 0:
        # Changes committed to the log but not yet to the file: immutable reading would skip
        # them and show an older store without a word; refused as before.
        return None
    return f"sqlite:///file:{quote(str(path.resolve()), safe='/')}?mode=ro&immutable=1&uri=true"


def _writable_folder(folder: Path) -> bool:
    """Whether files can be made in ``folder``: tried, since ``os.access`` answers yes for
    root on a read-only mount."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    _write_ahead_log(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _write_ahead_log(cursor: Any) -> None:
    """Switch the database to WAL, asking again while another connection holds it.

    Processes opening a new database at once (``run`` and a cron ``poll``) each switch it;
    the switch answers "database is locked" at once, without waiting out the busy timeout
    as other statements do, while another connection makes it. So it is asked again, each
    time a little later, for as long as the busy timeout would have waited.
    """
    deadline = time.monotonic() + SQLITE_BUSY_S
    delay = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.25)


def _delete_derived(conn: Connection, report_ids: list[str]) -> None:
    qids = select(t.questions.c.id).where(t.questions.c.report_id.in_(report_ids))
    dids = select(t.denials.c.id).where(t.denials.c.report_id.in_(report_ids))
    cids = select(t.claims.c.id).where(t.claims.c.report_id.in_(report_ids))
    conn.execute(delete(t.question_links).where(t.question_links.c.question_id.in_(qids)))
    conn.execute(delete(t.question_evidence).where(t.question_evidence.c.question_id.in_(qids)))
    conn.execute(delete(t.questions).where(t.questions.c.report_id.in_(report_ids)))
    conn.execute(
        delete(t.denial_targets).where(
            or_(t.denial_targets.c.denial_id.in_(dids), t.denial_targets.c.claim_id.in_(cids))
        )
    )
    conn.execute(delete(t.denials).where(t.denials.c.report_id.in_(report_ids)))
    conn.execute(delete(t.claims).where(t.claims.c.report_id.in_(report_ids)))
    conn.execute(delete(t.entities).where(t.entities.c.report_id.in_(report_ids)))
    conn.execute(delete(t.report_topics).where(t.report_topics.c.report_id.in_(report_ids)))
    conn.execute(delete(t.sentences).where(t.sentences.c.report_id.in_(report_ids)))


def _in_topic(conn: Connection, report_ids: Sequence[str], topic: str) -> set[str]:
    """Those of the reports that belong to the topic (lookups by primary key)."""
    found: set[str] = set()
    for chunk in _chunks(list(dict.fromkeys(report_ids))):
        found |= set(
            conn.execute(
                select(t.report_topics.c.report_id)
                .where(t.report_topics.c.topic == topic)
                .where(t.report_topics.c.report_id.in_(chunk))
            ).scalars()
        )
    return found


def _stored_claim(r: Any) -> StoredClaim:
    return StoredClaim(
        id=r.id,
        report_id=r.report_id,
        group_id=r.group_id,
        created_at=r.created_at,
        claim=Claim(
            sentence=r.sentence,
            speaker=r.speaker,
            speaker_kind=r.speaker_kind,
            content=r.content,
            hedged=bool(r.hedged),
            sentence_index=r.sentence_index,
            cue=r.cue,
        ),
    )


_INSERT_ORDER = (
    "sentences",
    "report_topics",
    "claims",
    "denials",
    "denial_targets",
    "questions",
    "question_evidence",
    "question_links",
    "entities",
)


def _link_denials(conn: Connection, pairs: Iterable[tuple[str, str]]) -> None:
    """Link denials to claims; a link is dated by the later of its two items (the moment the
    second reached the briefs), so deriving both again dates it the same."""
    for did, cid in pairs:
        at = max(
            conn.execute(select(t.denials.c.created_at).where(t.denials.c.id == did)).scalar_one(),
            conn.execute(select(t.claims.c.created_at).where(t.claims.c.id == cid)).scalar_one(),
        )
        exists = conn.execute(
            select(t.denial_targets.c.denial_id).where(
                and_(t.denial_targets.c.denial_id == did, t.denial_targets.c.claim_id == cid)
            )
        ).first()
        if not exists:
            conn.execute(
                insert(t.denial_targets).values(denial_id=did, claim_id=cid, created_at=at)
            )


def _close_question(conn: Connection, qid: str, evidence: Sequence[tuple[str, str]]) -> None:
    """Close an open question with ``evidence``. It closes when the closing report was first
    derived, not now: derived again (``reindex``), it closes at the same moment, and the
    digests agree."""
    found = conn.execute(
        select(t.questions.c.closed_at, t.questions.c.created_at).where(t.questions.c.id == qid)
    ).first()
    if found is None or found.closed_at is not None:
        return
    answered = conn.execute(
        select(func.max(t.reports.c.first_derived_at)).where(
            t.reports.c.id.in_({rid for rid, _ in evidence})
        )
    ).scalar()
    # Never before it was raised: a report stored earlier may answer a question that
    # another, derived later, raised.
    closed_at = max(answered or _now(), found.created_at)
    start = conn.execute(
        select(func.coalesce(func.max(t.question_evidence.c.ord), -1)).where(
            t.question_evidence.c.question_id == qid
        )
    ).scalar_one()
    conn.execute(
        insert(t.question_evidence),
        [
            {
                "question_id": qid,
                "ord": int(start) + 1 + k,
                "report_id": rid,
                "sentence": sentence,
                "closing": True,
            }
            for k, (rid, sentence) in enumerate(evidence)
        ],
    )
    conn.execute(update(t.questions).where(t.questions.c.id == qid).values(closed_at=closed_at))


def _claim_times(conn: Connection, claim_ids: Sequence[str]) -> dict[str, datetime]:
    """claim id → when it reached the briefs, for those of the claims already stored."""
    found: dict[str, datetime] = {}
    for chunk in _chunks(list(dict.fromkeys(claim_ids))):
        found.update(
            conn.execute(
                select(t.claims.c.id, t.claims.c.created_at).where(t.claims.c.id.in_(chunk))
            ).all()
        )
    return found


def _derived_rows(
    derived: Derived, seq: int | None, now: datetime, claim_times: dict[str, datetime]
) -> Iterator[tuple[Any, list[dict[str, Any]]]]:
    """The rows of every derived table for one report, parents before children.

    ``now`` dates them: the report's first derivation. A denial's link to an earlier
    report's claim is dated by the later of the two (``claim_times``: claim id → its date).
    """
    rid = derived.report_id
    if derived.sentences:
        yield (
            t.sentences,
            [
                {
                    "report_id": rid,
                    "idx": s.index,
                    "text": s.text,
                    "start": s.start,
                    "end": s.end,
                    "paragraph": s.paragraph,
                }
                for s in derived.sentences
            ],
        )
    if derived.topics:
        yield (
            t.report_topics,
            [
                {"report_id": rid, "topic": name, "seq": seq}
                for name in dict.fromkeys(derived.topics)
            ],
        )
    if derived.claims:
        yield (
            t.claims,
            [
                {
                    "id": claim_id(rid, i),
                    "report_id": rid,
                    "idx": i,
                    "sentence_index": c.sentence_index,
                    "sentence": c.sentence,
                    "speaker": c.speaker,
                    "speaker_kind": c.speaker_kind,
                    "content": c.content,
                    "hedged": c.hedged,
                    "cue": c.cue,
                    "group_id": derived.claim_groups[i],
                    "created_at": now,
                }
                for i, c in enumerate(derived.claims)
            ],
        )
    if derived.denials:
        yield (
            t.denials,
            [
                {
                    "id": denial_id(rid, i),
                    "report_id": rid,
                    "idx": i,
                    "sentence_index": d.sentence_index,
                    "sentence": d.sentence,
                    "speaker": d.speaker,
                    "speaker_kind": d.speaker_kind,
                    "denied": d.denied,
                    "cue": d.cue,
                    "created_at": now,
                }
                for i, d in enumerate(derived.denials)
            ],
        )
    targets = list(dict.fromkeys(derived.denial_targets))
    if targets:
        yield (
            t.denial_targets,
            [
                {
                    "denial_id": denial_id(rid, i),
                    "claim_id": cid,
                    "score": 100,
                    "created_at": max(now, claim_times.get(cid, now)),
                }
                for i, cid in targets
            ],
        )
    if derived.questions:
        questions: list[dict[str, Any]] = []
        evidence: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        for i, q in enumerate(derived.questions):
            qid = question_id(rid, i)
            questions.append(
                {
                    "id": qid,
                    "report_id": rid,
                    "idx": i,
                    "question": q.question,
                    "kind": q.kind,
                    "created_at": now,
                    "closed_at": None,
                }
            )
            evidence += [
                {"question_id": qid, "ord": k, "report_id": rid, "sentence": s, "closing": False}
                for k, s in enumerate(dict.fromkeys(q.evidence))
            ]
            related = [claim_id(rid, k) for k in q.claims] + [denial_id(rid, k) for k in q.denials]
            links += [{"question_id": qid, "item_id": i} for i in dict.fromkeys(related)]
        yield t.questions, questions
        if evidence:
            yield t.question_evidence, evidence
        if links:
            yield t.question_links, links
    ents = derived.entities
    entity_rows = [
        {"report_id": rid, "kind": kind, "name": name}
        for kind, names in (
            ("people", ents.people),
            ("organizations", ents.organizations),
            ("places", ents.places),
        )
        for name in dict.fromkeys(names)
    ]
    if entity_rows:
        yield t.entities, entity_rows


def _report(row: Any) -> Report:
    return Report(
        id=row.id,
        title=row.title,
        text=row.text,
        outlet=row.outlet,
        url=row.url,
        published=row.published,
        language=row.language,
        source=row.source,
    )


def _chunks(items: Sequence[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])
