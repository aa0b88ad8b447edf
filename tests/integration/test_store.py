"""The store on SQLite and PostgreSQL: migrations, idempotent reports, derive, reindex, links."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from briefings import schema
from briefings.brief import build_brief
from briefings.database_url import StoreUnavailable
from briefings.ingest import report_id
from briefings.ledger import Follow
from briefings.model import Claim, Denial, Entities, Extraction, OpenQuestion, Report
from briefings.pipeline import Pipeline
from briefings.render import Renderer
from briefings.store import Store
from briefings.topics import Topic, TopicMatcher
from tests.integration.conftest import open_at_once
from tests.postgres_server import PostgresServer

pytestmark = pytest.mark.integration
MATCHER = TopicMatcher([Topic("harbour", "the harbour dispute", ("harbour", "port of Velmar"))])


def report(body: str, title: str = "Harbour talks") -> Report:
    return Report(id=report_id(body), title=title, text=body, outlet="Test Wire")


FIRST = report(
    "Port officials said the harbour will close on Friday. "
    "The mayor hopes to reopen the harbour next month."
)
SECOND = report(
    "The harbour authority denied that the harbour will close on Friday.", "Authority denies"
)

THIRD = report(
    "The harbour authority denied that the harbour will close on Friday, again.",
    "Authority denies again",
)


def scripted_engine(report: Report) -> Extraction:
    """A hand-written engine result per report, so these tests pin the store, not the rules."""
    if report.id == FIRST.id:
        s0 = "Port officials said the harbour will close on Friday."
        s1 = "The mayor hopes to reopen the harbour next month."
        return Extraction(
            claims=(
                Claim(
                    s0,
                    "Port officials",
                    "official",
                    "the harbour will close on Friday",
                    False,
                    0,
                    "said",
                ),
            ),
            open_questions=(OpenQuestion("Will the harbour reopen?", "pending", (s1,)),),
            entities=Entities(places=("Velmar",)),
        )
    if report.id in {SECOND.id, THIRD.id}:
        s0 = report.text
        return Extraction(
            denials=(
                Denial(
                    s0,
                    "The harbour authority",
                    "named",
                    "that the harbour will close on Friday",
                    (),
                    0,
                    "denied",
                ),
            ),
        )
    raise AssertionError("unexpected report")


@pytest.fixture
def store(database_url: str) -> Store:
    """The same tests on SQLite and on PostgreSQL (``database_url`` is parametrized)."""
    opened = Store.open(database_url)
    yield opened  # type: ignore[misc]
    opened.close()


def test_migrations_are_recorded_and_reapplied_safely(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    Store.open(url).close()
    store = Store.open(url)
    with store.engine.connect() as conn:
        assert schema.current_version(conn) == schema.SCHEMA_VERSION
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE meta SET value = '999' WHERE key = 'schema_version'"))
    store.close()
    with pytest.raises(RuntimeError, match="newer than this briefbot"):
        Store.open(url)


def test_a_store_file_that_cannot_be_opened_says_why(tmp_path: Path) -> None:
    (tmp_path / "plain-file").write_text("not a folder", encoding="utf-8")
    (tmp_path / "a-folder.db").mkdir()
    (tmp_path / "notes.db").write_text("Notes, not a database.\n" * 200, encoding="utf-8")
    cases = {
        f"sqlite:///{tmp_path / 'plain-file' / 'b.db'}": "cannot create the folder",
        f"sqlite:///{tmp_path / 'a-folder.db'}": "unable to open database file",
        f"sqlite:///{tmp_path / 'notes.db'}": "file is not a database",
        "sqlite:/relative.db": "is not a database URL",
        "mysql://briefbot:s3cret-pw@127.0.0.1/news": "unsupported database driver 'mysql'",
        "mysql://briefbot@127.0.0.1/news?password=s3cret-pw": "news?password=*** (",
        "postgresql+psycopg://briefbot:s3cret-pw@db:port/news": "'postgresql+psycopg://***@db",
        f"sqlite:///{tmp_path / 'b.db'}?timeout=soon": "an option its driver cannot take",
    }
    for url, reason in cases.items():
        with pytest.raises(StoreUnavailable) as caught:
            Store.open(url)
        message = str(caught.value)
        assert reason in message and "\n" not in message and "s3cret-pw" not in message
    assert (tmp_path / "notes.db").read_text(encoding="utf-8").startswith("Notes")


def test_a_server_that_refuses_says_so_in_its_words_without_the_password(
    postgres_server: PostgresServer,
) -> None:
    good = make_url(postgres_server.create_database())
    missing = good.set(password="s3cret-pw", database="no_such_news")
    with pytest.raises(StoreUnavailable) as caught:
        Store.open(missing.render_as_string(hide_password=False))
    message = str(caught.value)
    assert message.startswith(f"cannot connect to {missing.render_as_string()}: ")
    assert 'database "no_such_news" does not exist' in message
    assert "s3cret-pw" not in message
    # The near miss: the same server and password, a database that exists.
    Store.open(good.set(password="s3cret-pw").render_as_string(hide_password=False)).close()


def test_add_report_is_idempotent(store: Store) -> None:
    assert store.add_report(FIRST) is True
    assert store.add_report(FIRST) is False
    assert store.add_report(replace(FIRST, title="Another title")) is False
    assert store.count_reports() == 1


def test_report_is_stored_even_when_derivation_fails(store: Store) -> None:
    def broken(_: Report) -> Extraction:
        raise RuntimeError("engine crashed")

    pipeline = Pipeline(store, MATCHER, engine=broken)
    with pytest.raises(RuntimeError):
        pipeline.ingest(FIRST, "first.md")
    assert store.get_report(FIRST.id) == FIRST
    assert list(store.iter_reports(underived_only=True)) == [FIRST]

    recovered = Pipeline(store, MATCHER, engine=scripted_engine)
    assert recovered.reindex() == 1
    assert len(build_brief(store, "harbour").claims) == 1


def test_later_denial_links_to_earlier_claim_and_since_shows_the_change(store: Store) -> None:
    pipeline = Pipeline(store, MATCHER, engine=scripted_engine)
    assert pipeline.ingest(FIRST, "first.md").status == "added"
    between = datetime.now(UTC)
    assert pipeline.ingest(SECOND, "second.md").status == "added"

    full = build_brief(store, "harbour")
    assert [c.status for c in full.claims] == ["denied"]
    assert full.denials[0].targets == (full.claims[0].id,)
    assert full.open_questions[0].kind == "pending"
    assert [r.id for r in full.reports] == [FIRST.id, SECOND.id]
    assert full.entities.places == ("Velmar",)

    since = build_brief(store, "harbour", since=between)
    assert [c.status for c in since.claims] == ["denied"], "newly denied claim is a change"
    assert len(since.denials) == 1
    assert since.open_questions == (), "the question was opened before `since`"
    assert SECOND.id in [r.id for r in since.reports]

    later = build_brief(store, "harbour", since=datetime.now(UTC) + timedelta(seconds=1))
    assert later.is_empty()


def test_a_brief_from_the_store_reads_each_item_with_the_sentence_s_own_verb(
    store: Store,
) -> None:
    """The cue is stored with each item, so that a brief can say "urged the mayor to …"
    where a bare "claims: the mayor to …" would read as the opposite."""
    pipeline = Pipeline(store, MATCHER)
    pipeline.ingest(
        report(
            "Port officials urged the mayor to close the harbour on Friday. "
            "The harbour authority denied the reports. "
            '"We will not wait," the mayor said of the harbour.'
        ),
        "urged.md",
    )
    brief = build_brief(store, "harbour")
    assert [(c.speaker, c.verb) for c in brief.claims] == [
        ("Port officials", "urged"),
        ("the mayor", ""),
    ]
    assert [d.verb for d in brief.denials] == ["denied"]
    text = Renderer().markdown(brief)
    assert "urged the mayor to close the harbour on Friday" in text
    assert "**The harbour authority** (anonymous) denied the reports" in text
    assert "claims: We will not wait" in text


def test_a_report_derived_after_an_interrupted_ingest_is_in_the_digest_of_that_day(
    store: Store,
) -> None:
    """Stored yesterday, derived today (the ingest stopped in between): its items are dated
    by their derivation, and the digest of today reads its report."""
    pipeline = Pipeline(store, MATCHER, engine=scripted_engine)
    pipeline.ingest(FIRST, "first.md")
    assert store.add_report(SECOND), "stored, then the ingest stopped"
    between = datetime.now(UTC)
    assert pipeline.ingest(SECOND, "second.md").status == "added"

    today = build_brief(store, "harbour", since=between)
    assert [d.evidence[0].report for d in today.denials] == [SECOND.id]
    assert SECOND.id in [r.id for r in today.reports]


def test_a_new_denial_of_an_older_claim_brings_the_claim_it_rejects(store: Store) -> None:
    """Every id a brief refers to is in it: a denial made since the last digest, of a claim
    denied before it, shows the claim it rejects as well."""
    pipeline = Pipeline(store, MATCHER, engine=scripted_engine)
    pipeline.ingest(FIRST, "first.md")
    pipeline.ingest(SECOND, "second.md")
    between = datetime.now(UTC)
    pipeline.ingest(THIRD, "third.md")

    since = build_brief(store, "harbour", since=between)
    assert [d.evidence[0].report for d in since.denials] == [THIRD.id]
    assert [c.content for c in since.claims] == ["the harbour will close on Friday"]
    assert since.denials[0].targets == (since.claims[0].id,)
    shown = {c.id for c in since.claims} | {d.id for d in since.denials}
    for q in since.open_questions:
        assert set(q.related) <= shown


def test_digest_windows_do_not_overlap(store: Store) -> None:
    """What is stored after a digest's ``now`` (while it was being read) goes to the next
    digest only: consecutive windows [since, now) show each item exactly once."""
    pipeline = Pipeline(store, MATCHER, engine=scripted_engine)
    start = datetime.now(UTC)
    pipeline.ingest(FIRST, "first.md")
    cut = datetime.now(UTC)
    pipeline.ingest(SECOND, "second.md")  # stored after the first digest's clock was read
    end = datetime.now(UTC) + timedelta(seconds=1)

    first = build_brief(store, "harbour", since=start, now=cut)
    second = build_brief(store, "harbour", since=cut, now=end)

    assert [c.content for c in first.claims] == ["the harbour will close on Friday"]
    assert first.claims[0].status == "denied", "status is read as it stands"
    assert first.denials == (), "the denial came after the first window"
    assert [r.id for r in first.reports] == [FIRST.id]
    assert [q.kind for q in first.open_questions] == ["pending"]

    assert len(second.denials) == 1
    assert [c.status for c in second.claims] == ["denied"], "newly denied in this window"
    assert second.open_questions == ()
    assert [r.id for r in second.reports] == [FIRST.id, SECOND.id]


def test_a_derivation_that_waited_for_another_writer_is_in_the_next_digest(
    tmp_path: Path,
) -> None:
    """Another process holds SQLite's write lock (a `briefbot ingest` beside `run`) while a
    report's derivation waits for it, and a digest is read meanwhile: the report is dated
    once the lock is had, so the next digest, starting where that one ended, has it."""
    path = tmp_path / "race.db"
    store = Store.open(f"sqlite:///{path}")
    pipeline = Pipeline(store, MATCHER, engine=scripted_engine)
    start = datetime.now(UTC)
    assert store.add_report(FIRST)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # the other writer
    waiting = threading.Thread(target=pipeline.derive, args=(FIRST,))
    try:
        waiting.start()
        time.sleep(0.5)  # the derivation is waiting for the lock now
        cut = datetime.now(UTC)
        first = build_brief(store, "harbour", since=start, now=cut)
    finally:
        other.execute("ROLLBACK")
        other.close()
        waiting.join()
    second = build_brief(store, "harbour", since=cut, now=datetime.now(UTC))
    store.close()
    assert first.claims == (), "not derived yet when the first digest was read"
    assert [c.content for c in second.claims] == ["the harbour will close on Friday"]


def test_reindex_rebuilds_the_same_brief(store: Store) -> None:
    pipeline = Pipeline(store, MATCHER, engine=scripted_engine)
    pipeline.ingest(FIRST, "first.md")
    pipeline.ingest(SECOND, "second.md")
    now = datetime(2026, 2, 1, tzinfo=UTC)
    before = build_brief(store, "harbour", now=now).to_dict()
    assert pipeline.reindex() == 2
    after = build_brief(store, "harbour", now=now).to_dict()
    assert json.dumps(before, sort_keys=True) == json.dumps(after, sort_keys=True)


def test_follows_and_delivery_bookkeeping(store: Store) -> None:
    store.add_follow(Follow("slack:C1", "harbour", "08:00", "Europe/Kyiv"))
    store.add_follow(Follow("slack:C1", "harbour", "09:30", "UTC"))
    assert store.follows() == [Follow("slack:C1", "harbour", "09:30", "UTC", "chat")]

    key = "slack:C1|harbour|2026-02-01"
    assert store.begin_delivery(key, "slack:C1", "harbour", "2026-02-01")
    store.finish_delivery(key, "HTTP 500 from Slack")
    assert store.deliveries()[0].status == "failed"
    assert store.begin_delivery(key, "slack:C1", "harbour", "2026-02-01"), "failed ones retry"
    store.finish_delivery(key, None)
    row = store.delivery(key)
    assert row is not None and row.status == "delivered" and row.attempts == 2
    assert store.digest_window_end("slack:C1", "harbour") == row.delivered_at
    assert store.digest_window_end("slack:C2", "harbour") is None
    assert row.delivered_at is not None
    built = row.delivered_at + timedelta(hours=1)
    key2 = "slack:C1|harbour|2026-02-02"
    assert store.begin_delivery(key2, "slack:C1", "harbour", "2026-02-02")
    store.finish_delivery(key2, None, window_end=built)
    assert store.digest_window_end("slack:C1", "harbour") == built
    assert not store.begin_delivery(key, "slack:C1", "harbour", "2026-02-01")
    assert store.remove_follow("slack:C1", "harbour")
    assert not store.remove_follow("slack:C1", "harbour")


def test_link_candidates_come_from_the_newest_reports_of_the_topic(store: Store) -> None:
    pipeline = Pipeline(store, MATCHER, engine=scripted_engine)
    pipeline.ingest(FIRST, "first.md")
    pipeline.ingest(SECOND, "second.md")
    newest_only = store.claims_of_topics(["harbour"], exclude_report="none", window=1)
    assert newest_only == [], "the newest report (SECOND) has no claims"
    both = store.claims_of_topics(["harbour"], exclude_report=SECOND.id, window=2)
    assert [c.report_id for c in both] == [FIRST.id]
    assert store.claims_of_topics([], exclude_report="none") == []


def test_a_claimed_delivery_is_held_until_its_lease_runs_out(store: Store) -> None:
    from sqlalchemy import update

    from briefings.ledger import DELIVERY_LEASE

    key = "slack:C1|harbour|2026-02-03"
    assert store.begin_delivery(key, "slack:C1", "harbour", "2026-02-03")
    # Another run, while the first still holds it, does not get it.
    assert not store.begin_delivery(key, "slack:C1", "harbour", "2026-02-03")
    # The first run died: once the lease is out, the next run takes it over.
    stale = datetime.now(UTC) - DELIVERY_LEASE - timedelta(seconds=1)
    with store.engine.begin() as conn:
        conn.execute(update(schema.deliveries).values(updated_at=stale))
    assert store.begin_delivery(key, "slack:C1", "harbour", "2026-02-03")
    store.finish_delivery(key, None)
    assert not store.begin_delivery(key, "slack:C1", "harbour", "2026-02-03")


def test_an_sqlite_uri_in_the_config_opens_that_store(tmp_path: Path) -> None:
    """``sqlite:///file:/abs/ro.db?mode=ro&uri=true`` reads the store it names; it once
    became a path under the project and opened a new, empty store there instead."""
    from tests.conftest import make_config

    path = tmp_path / "kept" / "ro.db"
    written = Store.open(f"sqlite:///{path}")
    written.add_report(FIRST)
    written.close()
    project = tmp_path / "project"
    project.mkdir()
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    config = make_config(project, {"database": {"url": url}})
    assert config.database_url == url
    store = Store.open(config.database_url)
    try:
        assert store.get_report(FIRST.id) == FIRST
    finally:
        store.close()
    assert list(project.iterdir()) == [], "no other store was created"


def test_a_report_stored_but_never_derived_is_derived_when_ingested_again(store: Store) -> None:
    """Ctrl-C (or a full disk) between storing a report and deriving it left it stored and
    invisible: ingesting it again said "unchanged" and no brief ever showed it."""

    def interrupted(_: Report) -> Extraction:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        Pipeline(store, MATCHER, engine=interrupted).ingest(FIRST, "first.md")
    assert store.get_report(FIRST.id) == FIRST, "stored before anything was derived"
    assert store.count_underived() == 1

    pipeline = Pipeline(store, MATCHER, engine=scripted_engine)
    again = pipeline.ingest(FIRST, "first.md")
    assert (again.status, again.topics) == ("added", ("harbour",))
    assert [c.content for c in build_brief(store, "harbour").claims] == [
        "the harbour will close on Friday"
    ]
    assert store.count_underived() == 0
    assert pipeline.ingest(FIRST, "first.md").status == "unchanged"


def test_reports_stored_but_never_derived_are_derived_in_the_order_they_were_stored(
    store: Store,
) -> None:
    assert store.add_report(FIRST) and store.add_report(SECOND)
    pipeline = Pipeline(store, MATCHER, engine=scripted_engine)
    assert build_brief(store, "harbour").is_empty()
    assert pipeline.derive_pending() == 2
    brief = build_brief(store, "harbour")
    assert [c.status for c in brief.claims] == ["denied"], "the later denial found its claim"
    assert pipeline.derive_pending() == 0


def test_reindex_leaves_every_digest_window_as_it_was(store: Store) -> None:
    """Reindexing dated every derived row anew, so the next digest showed the whole store
    as new. Windows before it show what they showed, and the one after it nothing."""
    pipeline = Pipeline(store, MATCHER, engine=scripted_engine)
    start = datetime.now(UTC)
    pipeline.ingest(FIRST, "first.md")
    cut = datetime.now(UTC)
    pipeline.ingest(SECOND, "second.md")
    end = datetime.now(UTC)

    def windows() -> list[str]:
        return [
            json.dumps(build_brief(store, "harbour", since=a, now=b).to_dict(), sort_keys=True)
            for a, b in ((start, cut), (cut, end))
        ]

    before = windows()
    assert pipeline.reindex() == 2
    assert windows() == before
    later = build_brief(store, "harbour", since=end, now=datetime.now(UTC) + timedelta(seconds=1))
    assert later.is_empty(), "nothing is new after a reindex"


def test_a_late_denial_and_a_closing_report_date_from_their_own_report(store: Store) -> None:
    """A denial stored today of a claim stored last week is today's change, and a question
    closed by a later report closes at that report's time — also after a reindex."""
    pipeline = Pipeline(store, MATCHER, engine=scripted_engine)
    pipeline.ingest(FIRST, "first.md")
    pipeline.ingest(SECOND, "second.md")
    first, second = store.report_rows([FIRST.id, SECOND.id])
    assert first.first_derived_at is not None and second.first_derived_at is not None
    [question] = store.questions_for([FIRST.id])
    store.close_question(question.id, [(SECOND.id, SECOND.text)])

    def dates() -> tuple[object, ...]:
        [denial] = store.denials_for([SECOND.id])
        [(_, _, linked_at)] = store.targets_of([denial.id])
        [claim] = store.claims_for([FIRST.id])
        [q] = store.questions_for([FIRST.id])
        return claim.created_at, denial.created_at, linked_at, q.created_at, q.closed_at

    expected = (
        first.first_derived_at,
        second.first_derived_at,
        second.first_derived_at,
        first.first_derived_at,
        second.first_derived_at,
    )
    assert dates() == expected
    pipeline.reindex()
    store.close_question(question.id, [(SECOND.id, SECOND.text)])  # as SECOND closed it
    assert dates() == expected


def test_a_derivation_stopped_before_its_links_writes_nothing_and_is_done_again(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The links from earlier denials to a report's claims are written in the transaction
    of its rows: a derivation stopped there (Ctrl-C, a full disk) leaves the report stored
    and underived, never marked derived without them; ingested again, it is whole."""
    pipeline = Pipeline(store, MATCHER, engine=scripted_engine)
    pipeline.ingest(SECOND, "second.md")  # the denial first, the claim it rejects later

    def stopped(conn: object, pairs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("briefings.store._link_denials", stopped)
    with pytest.raises(KeyboardInterrupt):
        pipeline.ingest(FIRST, "first.md")
    assert store.count_underived() == 1
    assert build_brief(store, "harbour").claims == ()

    monkeypatch.undo()
    assert pipeline.ingest(FIRST, "first.md").status == "added"
    brief = build_brief(store, "harbour")
    assert [c.status for c in brief.claims] == ["denied"]
    assert brief.denials[0].targets == (brief.claims[0].id,)


def test_many_new_sqlite_stores_opened_by_six_at_once_all_open(tmp_path: Path) -> None:
    """The switch of a new SQLite file to WAL answers "database is locked" at once, without
    the busy timeout, while another connection makes it: about one round in eight of six
    openers failed. Thirty rounds, so that the race is met, not hoped for."""
    for round_ in range(30):
        opened, errors = open_at_once(f"sqlite:///{tmp_path}/r{round_}/b.db", 6)
        for store in opened:
            store.close()
        assert errors == [], f"round {round_}"


def test_a_skip_said_again_replaces_its_row_so_status_keeps_ten_different_ones(
    store: Store,
) -> None:
    # Ten polls of one page that keeps timing out filled the newest ten skips.
    store.record_skip("wire", "https://example.org/a/404", "HTTP 404")
    for _ in range(12):
        store.record_skip("wire", "https://example.org/a/slow", "will retry: timed out")
    store.record_skip("wire", "https://example.org/a/slow", "stored from its summary")
    rows = [(s["item"][-6:], s["reason"]) for s in store.recent_skips(limit=10)]
    assert rows == [
        ("a/slow", "stored from its summary"),
        ("a/slow", "will retry: timed out"),
        ("/a/404", "HTTP 404"),
    ]
