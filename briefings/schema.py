"""The store's tables and the migrations that build them, in order.

SQLAlchemy Core only, no ORM: the same statements run on SQLite and PostgreSQL. Each
migration is a function applied once, recorded in ``meta.schema_version``; the store
applies the missing ones at start, so an old database file is upgraded in place. Two
processes may start on a new database at once (``briefbot run`` beside a ``briefbot ingest``,
or replicas on one PostgreSQL): ``upgrade`` lets one migrate while the other waits, and the
one that waited finds the schema finished instead of creating its tables a second time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    func,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection, Engine

from briefings.database_url import StoreUnavailable


class UTCDateTime(TypeDecorator[datetime]):
    """Datetimes go in as UTC and come out timezone-aware, on every backend."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use timezone-aware UTC")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

reports = Table(
    "reports",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("outlet", Text),
    Column("url", Text),
    Column("canonical_url", Text, index=True),
    Column("published", String(40)),
    Column("language", String(16), nullable=False, default="en"),
    Column("source", Text),
    Column("text", Text, nullable=False),
    Column("duplicate_of", String(32)),
    Column("ingested_at", UTCDateTime, nullable=False, index=True),
    Column("derived_at", UTCDateTime),
    # When the report's items first reached the briefs: every derived row is dated by it
    # (and a link by the later of its two items), so that ``reindex``, which sets
    # ``derived_at`` anew, does not make a digest show the whole store as new (migration 7).
    # (Indexed: a digest finds the first report of its period by it.)
    Column("first_derived_at", UTCDateTime, index=True),
    # The reports an interrupted ingest stored but never derived, found at every poll
    # without reading the whole table (migration 6); normally it holds no row at all.
    Index(
        "ix_reports_underived",
        "seq",
        sqlite_where=text("derived_at IS NULL"),
        postgresql_where=text("derived_at IS NULL"),
    ),
)

sentences = Table(
    "sentences",
    metadata,
    Column("report_id", String(32), ForeignKey("reports.id"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("paragraph", Integer, nullable=False),
)

topics = Table(
    "topics",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("description", Text, nullable=False, default=""),
)

report_topics = Table(
    "report_topics",
    metadata,
    Column("report_id", String(32), ForeignKey("reports.id"), primary_key=True),
    Column("topic", String(64), primary_key=True),
    # The report's ingestion order, copied here (migration 2) so that "the newest reports of
    # a topic" is one index range scan however many reports the store holds.
    Column("seq", Integer),
    Index("ix_report_topics_topic", "topic", "report_id"),
    Index("ix_report_topics_topic_seq", "topic", "seq"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(48), primary_key=True),
    Column("report_id", String(32), ForeignKey("reports.id"), nullable=False, index=True),
    Column("idx", Integer, nullable=False),
    Column("sentence_index", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("speaker", Text, nullable=False),
    Column("speaker_kind", String(16), nullable=False),
    Column("content", Text, nullable=False),
    Column("hedged", Boolean, nullable=False),
    Column("cue", String(64), nullable=False, default=""),
    # The first claim of a story cluster: the same claim carried by several reports.
    Column("group_id", String(48), nullable=False, index=True),
    Column("created_at", UTCDateTime, nullable=False),
)

denials = Table(
    "denials",
    metadata,
    Column("id", String(48), primary_key=True),
    Column("report_id", String(32), ForeignKey("reports.id"), nullable=False, index=True),
    Column("idx", Integer, nullable=False),
    Column("sentence_index", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("speaker", Text, nullable=False),
    Column("speaker_kind", String(16), nullable=False),
    Column("denied", Text, nullable=False),
    Column("cue", String(64), nullable=False, default=""),
    Column("created_at", UTCDateTime, nullable=False),
)

denial_targets = Table(
    "denial_targets",
    metadata,
    Column("denial_id", String(48), ForeignKey("denials.id"), primary_key=True),
    Column("claim_id", String(48), ForeignKey("claims.id"), primary_key=True),
    Column("score", Integer, nullable=False, default=100),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_denial_targets_claim", "claim_id"),
)

questions = Table(
    "questions",
    metadata,
    Column("id", String(48), primary_key=True),
    Column("report_id", String(32), ForeignKey("reports.id"), nullable=False, index=True),
    Column("idx", Integer, nullable=False),
    Column("question", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("closed_at", UTCDateTime),
)

question_evidence = Table(
    "question_evidence",
    metadata,
    Column("question_id", String(48), ForeignKey("questions.id"), primary_key=True),
    Column("ord", Integer, primary_key=True),
    Column("report_id", String(32), nullable=False),
    Column("sentence", Text, nullable=False),
    # False: raised the question; True: a later report's sentence that answered it.
    Column("closing", Boolean, nullable=False, default=False),
    Index("ix_question_evidence_report", "report_id"),
)

question_links = Table(
    "question_links",
    metadata,
    Column("question_id", String(48), ForeignKey("questions.id"), primary_key=True),
    Column("item_id", String(48), primary_key=True),
    Index("ix_question_links_item", "item_id"),
)

entities = Table(
    "entities",
    metadata,
    Column("report_id", String(32), ForeignKey("reports.id"), primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("name", Text, primary_key=True),
)

follows = Table(
    "follows",
    metadata,
    Column("destination", String(255), primary_key=True),
    Column("topic", String(64), primary_key=True),
    Column("at", String(5), nullable=False),
    Column("timezone", String(64), nullable=False),
    Column("origin", String(16), nullable=False, default="chat"),
    # When the follow began; a change of its time keeps it (it bounds how far back a
    # digest reaches).
    Column("created_at", UTCDateTime, nullable=False),
    # When its time or zone was last set: a follow set before its time passed on a day
    # the bot was down gets that day's digest at start; one set after waits for the next
    # day (migration 10).
    Column("changed_at", UTCDateTime),
)

deliveries = Table(
    "deliveries",
    metadata,
    Column("key", String(400), primary_key=True),
    Column("destination", String(255), nullable=False),
    Column("topic", String(64), nullable=False),
    Column("day", String(10), nullable=False),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("delivered_at", UTCDateTime),
    # The moment the delivered digest was built: the next digest starts there, so what
    # arrives while a digest is being sent is in the next one, not in neither.
    Column("window_end", UTCDateTime),
    # Until a digest is delivered: its rendered parts (JSON), how many of them the platform
    # accepted and the id it gave the first, so every later attempt, after a restart too,
    # continues the same digest where it stopped (migration 4).
    Column("parts", Text),
    Column("parts_accepted", Integer, nullable=False, default=0, server_default=text("0")),
    Column("first_part_id", String(255)),
    # No attempt before this moment: the backoff the failed attempts earned, or the pause
    # the platform asked for (a long rate limit) when that is longer. A retry, also the one
    # a restart schedules, waits until then (migration 5). Status "given up": none planned.
    Column("not_before", UTCDateTime),
)

source_state = Table(
    "source_state",
    metadata,
    Column("name", String(128), primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_fetch", UTCDateTime),
    Column("last_success", UTCDateTime),
    Column("last_error", Text),
    Column("failures", Integer, nullable=False, default=0),
    Column("next_run", UTCDateTime),
    Column("baseline_done", Boolean, nullable=False, default=False),
)

seen_entries = Table(
    "seen_entries",
    metadata,
    Column("source", String(128), primary_key=True),
    Column("entry_key", String(128), primary_key=True),
    Column("report_id", String(32)),
    Column("seen_at", UTCDateTime, nullable=False),
)

# Feed entries whose article page failed with a temporary error, kept with what it takes to
# finish them (migration 9): a busy feed may drop an entry before its retry or its fallback
# to the summary is due, and the poll then finds it here rather than losing it. A row is
# deleted once the entry is stored or given up.
deferred_entries = Table(
    "deferred_entries",
    metadata,
    Column("source", String(128), primary_key=True),
    Column("entry_key", String(128), primary_key=True),
    Column("guid", Text),
    Column("url", Text, nullable=False),
    Column("canonical_url", Text),
    Column("title", Text, nullable=False),
    Column("summary", Text, nullable=False),
    Column("published", String(64)),
    Column("revised", UTCDateTime),
    # The feed's title, the report's outlet when the page gives none.
    Column("outlet", Text, nullable=False),
    Column("deferred_at", UTCDateTime, nullable=False),
)

# Chat work that one replica has taken on: a Matrix command answered, a Slack event retry
# or share click acted on (migration 8). Replicas serve the same chat; the first to insert a
# key acts and the others find it there. Keys are pruned by age, hence the index.
work_claims = Table(
    "work_claims",
    metadata,
    Column("key", String(128), primary_key=True),
    Column("claimed_at", UTCDateTime, nullable=False, index=True),
)

skips = Table(
    "skips",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(128), nullable=False, index=True),
    Column("item", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", UTCDateTime, nullable=False),
)


def _create_v1(conn: Connection) -> None:
    metadata.create_all(conn)


def _bounded_briefs_v2(conn: Connection) -> None:
    """Index what a bounded brief reads: a topic's newest reports, links by item, closings.

    Version 1 creates tables from the current definitions, so on a new database these
    already exist; on an older one the column is added and filled from ``reports``.
    """
    present = {c["name"] for c in inspect(conn).get_columns("report_topics")}
    if "seq" not in present:
        conn.execute(text("ALTER TABLE report_topics ADD COLUMN seq INTEGER"))
    conn.execute(
        update(report_topics)
        .where(report_topics.c.seq.is_(None))
        .values(
            seq=select(reports.c.seq)
            .where(reports.c.id == report_topics.c.report_id)
            .scalar_subquery()
        )
    )
    for table in (report_topics, question_links, question_evidence):
        for index in table.indexes:
            index.create(conn, checkfirst=True)


def _digest_windows_v3(conn: Connection) -> None:
    """Record where each delivered digest's window ended (older rows keep NULL)."""
    present = {c["name"] for c in inspect(conn).get_columns("deliveries")}
    if "window_end" not in present:
        conn.execute(text("ALTER TABLE deliveries ADD COLUMN window_end TIMESTAMP"))


def _resumable_digests_v4(conn: Connection) -> None:
    """Keep an undelivered digest's parts and progress (older rows have none to keep)."""
    present = {c["name"] for c in inspect(conn).get_columns("deliveries")}
    added = {
        "parts": "TEXT",
        "parts_accepted": "INTEGER NOT NULL DEFAULT 0",
        "first_part_id": "VARCHAR(255)",
    }
    for name, kind in added.items():
        if name not in present:
            conn.execute(text(f"ALTER TABLE deliveries ADD COLUMN {name} {kind}"))


def _retry_not_before_v5(conn: Connection) -> None:
    """Remember how long the platform asked a failed delivery to wait (older rows: no ask)."""
    present = {c["name"] for c in inspect(conn).get_columns("deliveries")}
    if "not_before" not in present:
        conn.execute(text("ALTER TABLE deliveries ADD COLUMN not_before TIMESTAMP"))


def _create_index(conn: Connection, table: Table, name: str) -> None:
    """Create one of ``table``'s indexes, named as defined, unless it exists (a database
    created at a later version has it from version 1)."""
    next(i for i in table.indexes if i.name == name).create(conn, checkfirst=True)


def _underived_index_v6(conn: Connection) -> None:
    """Index the reports stored but never derived (an ingest stopped in between)."""
    _create_index(conn, reports, "ix_reports_underived")


def _first_derived_v7(conn: Connection) -> None:
    """Keep when each report was first derived; a derived report of an older store gets the
    time it was stored (its ``derived_at`` may be the time of the last reindex)."""
    present = {c["name"] for c in inspect(conn).get_columns("reports")}
    if "first_derived_at" not in present:
        conn.execute(text("ALTER TABLE reports ADD COLUMN first_derived_at TIMESTAMP"))
    conn.execute(
        update(reports)
        .where(reports.c.derived_at.is_not(None))
        .where(reports.c.first_derived_at.is_(None))
        .values(first_derived_at=reports.c.ingested_at)
    )
    _create_index(conn, reports, "ix_reports_first_derived_at")


def _work_claims_v8(conn: Connection) -> None:
    """Add the table where replicas claim chat work (with its index; version 1 creates both
    on a new database)."""
    work_claims.create(conn, checkfirst=True)


def _deferred_entries_v9(conn: Connection) -> None:
    """Add the table that keeps deferred feed entries until they are finished (version 1
    creates it on a new database). Entries deferred before it are still in their feed or
    already lost: there is nothing to fill it from."""
    deferred_entries.create(conn, checkfirst=True)


def _follow_changes_v10(conn: Connection) -> None:
    """Record when each follow's time was last set. An older store knows only when the
    follow began: that is the best bound it has (a change of time kept ``created_at``)."""
    present = {c["name"] for c in inspect(conn).get_columns("follows")}
    if "changed_at" not in present:
        conn.execute(text("ALTER TABLE follows ADD COLUMN changed_at TIMESTAMP"))
    conn.execute(
        update(follows)
        .where(follows.c.changed_at.is_(None))
        .values(changed_at=follows.c.created_at)
    )


Migration = Callable[[Connection], None]

# Append new migrations; never edit or reorder the ones that have shipped.
MIGRATIONS: tuple[Migration, ...] = (
    _create_v1,
    _bounded_briefs_v2,
    _digest_windows_v3,
    _resumable_digests_v4,
    _retry_not_before_v5,
    _underived_index_v6,
    _first_derived_v7,
    _work_claims_v8,
    _deferred_entries_v9,
    _follow_changes_v10,
)
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    if not conn.dialect.has_table(conn, "meta"):
        return 0
    row = conn.execute(meta.select().where(meta.c.key == "schema_version")).first()
    return int(row.value) if row else 0


# The transaction-scoped PostgreSQL advisory lock that migrations take ("briefmig" in ASCII;
# apart from the scheduler's leader lock, which is held for a whole session).
MIGRATION_LOCK_KEY = 0x62726965666D6967


def upgrade(engine: Engine) -> int:
    """Bring the database to ``SCHEMA_VERSION``, one process at a time; return the version.

    A store already current is only read, so a read-only one still opens and opening never
    waits for another process's write. Otherwise the migration runs under a lock held to its
    commit — SQLite's write lock taken up front (``BEGIN IMMEDIATE``, waiting out the busy
    timeout), a transaction-scoped advisory lock on PostgreSQL — and reads the version again
    under it: a process that waited for another's migration finds nothing left to do.
    """
    with engine.connect() as conn:
        version = current_version(conn)
    _refuse_newer(version)
    if version == SCHEMA_VERSION:
        return version
    if engine.dialect.name == "sqlite":
        # pysqlite would not begin a transaction before DDL at all, and a deferred one
        # takes the write lock only at its first write, after the version was read.
        with engine.connect() as raw:
            conn = raw.execution_options(isolation_level="AUTOCOMMIT")
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                version = migrate(conn)
            except BaseException:
                conn.exec_driver_sql("ROLLBACK")
                raise
            conn.exec_driver_sql("COMMIT")
        return version
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(select(func.pg_advisory_xact_lock(MIGRATION_LOCK_KEY)))
        return migrate(conn)


def _refuse_newer(version: int) -> None:
    if version > SCHEMA_VERSION:
        # A store a newer briefbot wrote is a setting to fix (which briefbot, or which
        # database), said in one line like any store that cannot be opened.
        raise StoreUnavailable(
            f"the database is at schema version {version}, newer than this briefbot "
            f"({SCHEMA_VERSION}); upgrade briefbot"
        )


def migrate(conn: Connection) -> int:
    """Apply the missing migrations inside the caller's transaction; return the version.

    The caller holds the lock that keeps other processes out (``upgrade``).
    """
    version = current_version(conn)
    _refuse_newer(version)
    for step in MIGRATIONS[version:]:
        step(conn)
    values: dict[str, Any] = {"key": "schema_version", "value": str(SCHEMA_VERSION)}
    if version == 0:
        conn.execute(meta.insert().values(**values))
    elif version < SCHEMA_VERSION:
        conn.execute(
            meta.update().where(meta.c.key == "schema_version").values(value=values["value"])
        )
    return SCHEMA_VERSION
