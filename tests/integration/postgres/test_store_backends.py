"""The store on both backends: search, migration 2, bulk loads, concurrent writers, bounded briefs.

Every test takes ``database_url`` (SQLite and a real PostgreSQL server, see
``tests/integration/conftest.py``), so what passes here passes on both.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import inspect, text

from briefings import schema
from briefings.brief import build_brief
from briefings.ingest import report_id
from briefings.ledger import DeferredEntry, Follow
from briefings.model import Claim, Denial, Entities, OpenQuestion, Report, Sentence
from briefings.render import Renderer
from briefings.store import Derived, Store, claim_id
from tests.integration.conftest import open_at_once

pytestmark = pytest.mark.integration


def make_report(n: int, body: str | None = None) -> Report:
    text_ = body or f"Report number {n} on the harbour."
    return Report(
        id=report_id(f"{n}:{text_}"),
        title=f"Harbour update {n}",
        text=text_,
        outlet=f"Outlet {n % 3}",
    )


def derived_for(
    report: Report,
    claims: list[tuple[str, str]] = (),  # type: ignore[assignment]
    groups: list[str] | None = None,
    denials: list[tuple[str, list[str]]] = (),  # type: ignore[assignment]
    questions: list[OpenQuestion] = (),  # type: ignore[assignment]
    topics: tuple[str, ...] = ("harbour",),
) -> Derived:
    """Derived rows for a report: claims (speaker, content), denials (denied, target ids)."""
    made = [
        Claim(f"{who} said {what}.", who, "named", what, False, i, "said")
        for i, (who, what) in enumerate(claims)
    ]
    denied = [
        Denial(f"The port denied {what}.", "The port", "official", what, (), i, "denied")
        for i, (what, _) in enumerate(denials)
    ]
    return Derived(
        report_id=report.id,
        sentences=[Sentence(0, report.text, 0, len(report.text), 0)],
        topics=topics,
        claims=made,
        claim_groups=groups or [claim_id(report.id, i) for i in range(len(made))],
        denials=denied,
        denial_targets=[(i, cid) for i, (_, targets) in enumerate(denials) for cid in targets],
        questions=list(questions),
        entities=Entities(places=("Velmar",)),
    )


@pytest.fixture
def store(database_url: str) -> Store:
    opened = Store.open(database_url)
    yield opened  # type: ignore[misc]
    opened.close()


def test_topic_and_alias_search_and_counts(store: Store) -> None:
    store.sync_topics([("harbour", "the harbour dispute"), ("Donbass", "the east")])
    assert store.search_topics_by_alias(["HARBOUR", "nothing"]) == ["harbour"]
    assert store.search_topics_by_alias(["donbass"]) == ["Donbass"]
    first, second = make_report(1), make_report(2)
    store.bulk_load([(first, derived_for(first)), (second, derived_for(second, topics=()))])
    assert store.topic_counts() == {"harbour": 1}
    assert store.topic_report_ids("harbour") == [first.id]
    assert store.topic_window("harbour", 10) == ([first.id], 1)


def test_bulk_load_writes_what_add_report_and_save_derived_write(store: Store) -> None:
    reports = [make_report(n) for n in range(3)]
    items = [
        (
            reports[0],
            derived_for(
                reports[0],
                claims=[("Ann", "the port will close")],
                questions=[
                    OpenQuestion(
                        "Will it close?", "pending", ("Ann said the port will close.",), claims=(0,)
                    )
                ],
            ),
        ),
        (
            reports[1],
            derived_for(
                reports[1],
                claims=[("Bob", "the port will close")],
                groups=[claim_id(reports[0].id, 0)],
            ),
        ),
        (
            reports[2],
            derived_for(reports[2], denials=[("the closure", [claim_id(reports[0].id, 0)])]),
        ),
    ]
    assert store.bulk_load(items) == 3
    assert store.bulk_load(items) == 0, "stored reports are left alone"
    now = datetime(2026, 2, 1, tzinfo=UTC)
    bulk = build_brief(store, "harbour", now=now).to_dict()

    with store.engine.begin() as conn:  # empty the store, then write the same one by one
        for table in reversed(schema.metadata.sorted_tables):
            if table.name != "meta":
                conn.execute(table.delete())
    for report, derived in items:
        assert store.add_report(report)
        store.save_derived(derived)
    single = build_brief(store, "harbour", now=now).to_dict()
    assert single == bulk
    assert [c["status"] for c in bulk["claims"]] == ["denied"]
    assert len(bulk["claims"][0]["evidence"]) == 2


def test_bulk_load_refuses_rows_of_another_report(store: Store) -> None:
    a, b = make_report(1), make_report(2)
    with pytest.raises(ValueError, match="another report"):
        store.bulk_load([(a, derived_for(b))])
    assert store.count_reports() == 0


def test_migration_2_fills_the_topic_order_of_an_older_store(database_url: str) -> None:
    store = Store.open(database_url)
    reports = [make_report(n) for n in range(4)]
    store.bulk_load([(r, derived_for(r)) for r in reports])
    with store.engine.begin() as conn:  # back to what a version-1 store looked like
        conn.execute(text("DROP INDEX ix_report_topics_topic_seq"))
        conn.execute(text("ALTER TABLE report_topics DROP COLUMN seq"))
        conn.execute(text("UPDATE meta SET value = '1' WHERE key = 'schema_version'"))
    store.close()

    upgraded = Store.open(database_url)
    with upgraded.engine.connect() as conn:
        assert schema.current_version(conn) == schema.SCHEMA_VERSION
    assert upgraded.topic_window("harbour", 2) == ([r.id for r in reports[2:]], 4)
    upgraded.close()


def test_migration_3_adds_digest_window_ends_to_an_older_store(database_url: str) -> None:
    store = Store.open(database_url)
    assert store.begin_delivery("k", "stdout", "harbour", "2026-02-01")
    store.finish_delivery("k", None)
    with store.engine.begin() as conn:  # back to what a version-2 store looked like
        conn.execute(text("ALTER TABLE deliveries DROP COLUMN window_end"))
        conn.execute(text("UPDATE meta SET value = '2' WHERE key = 'schema_version'"))
    store.close()

    upgraded = Store.open(database_url)
    with upgraded.engine.connect() as conn:
        assert schema.current_version(conn) == schema.SCHEMA_VERSION
    row = upgraded.delivery("k")
    assert row is not None and row.delivered_at is not None
    # An old row has no window end: the next digest starts at its delivery time.
    assert upgraded.digest_window_end("stdout", "harbour") == row.delivered_at
    upgraded.close()


def test_concurrent_writers_never_lose_a_report(database_url: str) -> None:
    """Two stores on one database (two replicas) adding reports at once: all kept, seqs unique."""
    stores = [Store.open(database_url) for _ in range(2)]
    results: list[bool] = []
    errors: list[BaseException] = []

    def add(store: Store, start: int) -> None:
        try:
            for n in range(start, start + 15):
                results.append(store.add_report(make_report(n)))
                results.append(store.add_report(make_report(n)))  # the other replica's copy
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(s, 0)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert results.count(True) == 15, "each report is new exactly once"
    with stores[0].engine.connect() as conn:
        seqs = [r[0] for r in conn.execute(text("SELECT seq FROM reports ORDER BY seq"))]
    assert seqs == list(range(1, 16))
    for s in stores:
        s.close()


def test_stores_opened_at_once_on_a_new_database_all_open_it(database_url: str) -> None:
    """Six openers of one new database released together (``briefbot run`` and ``briefbot
    ingest`` started at once, or replicas): one migrates, the others wait and find the schema
    done. Unlocked, all but one failed with "table meta already exists" (SQLite) or a
    duplicate ``pg_type`` key (PostgreSQL)."""
    openers = 6
    opened, errors = open_at_once(database_url, openers)
    assert errors == []
    assert len(opened) == openers
    with opened[0].engine.connect() as conn:
        assert schema.current_version(conn) == schema.SCHEMA_VERSION
        versions = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'"))
        assert versions.scalars().all() == [str(schema.SCHEMA_VERSION)]
    assert opened[-1].add_report(make_report(1))
    assert opened[0].has_report(make_report(1).id)
    for store in opened:
        store.close()


def test_brief_of_a_large_topic_reads_the_newest_reports_and_says_how_many_it_left_out(
    store: Store,
) -> None:
    old = [make_report(n) for n in range(8)]
    new = [make_report(n) for n in range(8, 12)]
    old_claim = claim_id(old[0].id, 0)
    old_disputed = claim_id(old[1].id, 0)
    question = OpenQuestion(
        "Is the dredging contract real?",
        "contested",
        ("Cy said the dredging contract is signed.",),
        claims=(0,),
    )
    items = [
        (old[0], derived_for(old[0], claims=[("Ann", "the port will close")])),
        (
            old[1],
            derived_for(
                old[1], claims=[("Cy", "the dredging contract is signed")], questions=[question]
            ),
        ),
        *[(r, derived_for(r, claims=[("Dee", f"ships queue {r.id}")])) for r in old[2:]],
        # the newest reports: one repeats Ann's claim, one repeats Cy's, one denies Ann's
        (new[0], derived_for(new[0], claims=[("Bob", "the port will close")], groups=[old_claim])),
        (
            new[1],
            derived_for(
                new[1], claims=[("Eve", "the dredging contract is signed")], groups=[old_disputed]
            ),
        ),
        (new[2], derived_for(new[2], denials=[("the closure", [old_claim])])),
        (new[3], derived_for(new[3], claims=[("Fay", "the tide is late")])),
    ]
    store.bulk_load(items)

    brief = build_brief(store, "harbour", limit=4)
    assert brief.omitted_reports == 8
    by_id = {c.id: c for c in brief.claims}
    assert set(by_id) == {old_claim, old_disputed, claim_id(new[3].id, 0)}
    assert by_id[old_claim].status == "denied"
    assert [e.report for e in by_id[old_claim].evidence] == [old[0].id, new[0].id]
    assert by_id[old_disputed].status == "disputed", "an older open question still counts"
    assert brief.denials[0].targets == (old_claim,)
    shown = [r.id for r in brief.reports]
    assert shown == [old[0].id, old[1].id, *(r.id for r in new)], "cited reports stay listed"
    assert "8 older reports of this topic not shown" in Renderer().markdown(brief)

    everything = build_brief(store, "harbour", limit=100)
    assert everything.omitted_reports == 0
    assert len(everything.claims) == 3 + 6 and len(everything.reports) == 12


def test_a_digest_reads_every_report_of_its_period_not_only_the_topics_newest(
    store: Store,
) -> None:
    """A busy day is read whole: the digest of forty new reports shows forty claims, where
    the newest ``REPORT_LIMIT`` would leave ten of them out for good (the next digest starts
    where this one ended). An older claim denied in the period is cited by where it was
    first made and by the period's reports, not by every report that ever carried it."""
    old = [make_report(n) for n in range(3)]
    old_claim = claim_id(old[0].id, 0)
    store.bulk_load(
        [
            (old[0], derived_for(old[0], claims=[("Ann", "the port will close")])),
            (
                old[1],
                derived_for(old[1], claims=[("Bob", "the port will close")], groups=[old_claim]),
            ),
            (old[2], derived_for(old[2], claims=[("Cy", "the tide is late")])),
        ]
    )
    between = datetime.now(UTC)
    new = [make_report(n) for n in range(100, 140)]
    store.bulk_load(
        [
            (new[0], derived_for(new[0], denials=[("the closure", [old_claim])])),
            *[(r, derived_for(r, claims=[("Dee", f"ships queue {r.id}")])) for r in new[1:]],
        ]
    )

    digest = build_brief(store, "harbour", since=between)
    assert digest.omitted_reports == 0
    by_id = {c.id: c for c in digest.claims}
    assert len(by_id) == 39 + 1, "every new claim, and the old one newly denied"
    assert by_id[old_claim].status == "denied"
    assert [e.report for e in by_id[old_claim].evidence] == [old[0].id]
    assert by_id[old_claim].independent_sources == 2, "the count still counts every source"
    assert [r.id for r in digest.reports] == [old[0].id, *(r.id for r in new)]

    bounded = build_brief(store, "harbour", since=between, limit=10)
    assert bounded.omitted_reports == 30, "only the period's reports count as left out"
    note = Renderer().markdown(bounded)
    assert "30 reports of this period not shown" in note
    assert "older report" not in note

    assert build_brief(store, "harbour", since=datetime.now(UTC)).is_empty()


def test_migration_4_lets_an_older_store_keep_a_digest_in_progress(database_url: str) -> None:
    store = Store.open(database_url)
    assert store.begin_delivery("k", "slack:C0DESK", "harbour", "2026-02-01")
    store.finish_delivery("k", "DeliveryError: Slack answered internal_error")
    with store.engine.begin() as conn:  # back to what a version-3 store looked like
        for column in ("parts", "parts_accepted", "first_part_id"):
            conn.execute(text(f"ALTER TABLE deliveries DROP COLUMN {column}"))
        conn.execute(text("UPDATE meta SET value = '3' WHERE key = 'schema_version'"))
    store.close()

    upgraded = Store.open(database_url)
    with upgraded.engine.connect() as conn:
        assert schema.current_version(conn) == schema.SCHEMA_VERSION
    # A row failed before the upgrade has no parts kept: its retry renders a digest as before.
    assert upgraded.unfinished_digest("k") is None
    built = datetime(2026, 2, 1, 6, 0, tzinfo=UTC)
    parts = [{"text": "Daily digest — part 1 «Донбас»"}, {"text": "part 2"}]
    upgraded.keep_digest_parts("k", parts, window_end=built)
    upgraded.record_parts_accepted("k", 1, "1700000000.000001")
    kept = upgraded.unfinished_digest("k")
    assert kept is not None
    assert (kept.parts, kept.accepted, kept.first_id) == (parts, 1, "1700000000.000001")
    assert kept.window_end == built
    upgraded.finish_delivery("k", None, window_end=kept.window_end)
    assert upgraded.unfinished_digest("k") is None  # delivered: the parts are not kept
    assert upgraded.digest_window_end("slack:C0DESK", "harbour") == built
    upgraded.close()


def test_migration_5_lets_an_older_store_remember_how_long_to_wait(database_url: str) -> None:
    store = Store.open(database_url)
    assert store.begin_delivery("k", "matrix:!room:example.org", "harbour", "2026-02-01")
    store.finish_delivery("k", "DeliveryError: the homeserver answered 503")
    with store.engine.begin() as conn:  # back to what a version-4 store looked like
        conn.execute(text("ALTER TABLE deliveries DROP COLUMN not_before"))
        conn.execute(text("UPDATE meta SET value = '4' WHERE key = 'schema_version'"))
    store.close()

    upgraded = Store.open(database_url)
    with upgraded.engine.connect() as conn:
        assert schema.current_version(conn) == schema.SCHEMA_VERSION
    row = upgraded.delivery("k")
    assert row is not None and row.status == "failed" and row.not_before is None
    later = datetime(2026, 2, 1, 9, 30, tzinfo=UTC)
    upgraded.finish_delivery("k", "DeliveryError: asked to wait 2500 s", not_before=later)
    row = upgraded.delivery("k")
    assert row is not None and row.not_before == later
    upgraded.finish_delivery("k", None)
    row = upgraded.delivery("k")
    assert row is not None and row.status == "delivered" and row.not_before is None
    upgraded.close()


def test_migrations_6_and_7_date_an_older_store_by_when_its_reports_were_stored(
    database_url: str,
) -> None:
    store = Store.open(database_url)
    derived, underived = make_report(1), make_report(2)
    store.bulk_load([(derived, derived_for(derived, claims=[("Ana", "the port is open")]))])
    store.add_report(underived)
    reindexed = datetime(2031, 1, 1, tzinfo=UTC)  # an older store's last reindex
    with store.engine.begin() as conn:  # back to what a version-5 store looked like
        conn.execute(text("DROP INDEX ix_reports_underived"))
        conn.execute(text("DROP INDEX ix_reports_first_derived_at"))
        conn.execute(text("ALTER TABLE reports DROP COLUMN first_derived_at"))
        conn.execute(
            schema.reports.update()
            .where(schema.reports.c.id == derived.id)
            .values(derived_at=reindexed)
        )
        conn.execute(text("UPDATE meta SET value = '5' WHERE key = 'schema_version'"))
    store.close()

    upgraded = Store.open(database_url)
    with upgraded.engine.connect() as conn:
        assert schema.current_version(conn) == schema.SCHEMA_VERSION
        indexed = {i["name"] for i in inspect(conn).get_indexes("reports")}
    assert {"ix_reports_underived", "ix_reports_first_derived_at"} <= indexed
    first, second = upgraded.report_rows([derived.id, underived.id])
    assert first.first_derived_at is not None and first.first_derived_at != reindexed
    assert first.first_derived_at == first.ingested_at
    assert second.first_derived_at is None, "derived when it is first derived"
    assert upgraded.count_underived() == 1
    upgraded.close()


def test_a_seen_key_keeps_the_moment_it_was_first_recorded(store: Store) -> None:
    first = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
    assert store.seen_at("wire", "failing:url:x") is None
    store.mark_seen("wire", "failing:url:x", None, at=first)
    store.mark_seen("wire", "failing:url:x", None, at=datetime(2026, 11, 3, tzinfo=UTC))
    assert store.seen_at("wire", "failing:url:x") == first
    assert store.seen_at("other", "failing:url:x") is None


def test_migration_8_lets_an_older_store_take_work_claims(database_url: str) -> None:
    store = Store.open(database_url)
    assert store.add_report(make_report(1))
    with store.engine.begin() as conn:  # back to what a version-7 store looked like
        conn.execute(text("DROP TABLE work_claims"))
        conn.execute(text("UPDATE meta SET value = '7' WHERE key = 'schema_version'"))
    store.close()

    upgraded = Store.open(database_url)
    with upgraded.engine.connect() as conn:
        assert schema.current_version(conn) == schema.SCHEMA_VERSION
        indexed = {i["name"] for i in inspect(conn).get_indexes("work_claims")}
    assert "ix_work_claims_claimed_at" in indexed
    assert upgraded.has_report(make_report(1).id), "the reports are kept"
    assert upgraded.claim("matrix:event:$abc") and not upgraded.claim("matrix:event:$abc")
    upgraded.close()


def test_migration_9_lets_an_older_store_keep_deferred_feed_entries(database_url: str) -> None:
    store = Store.open(database_url)
    assert store.add_report(make_report(1))
    with store.engine.begin() as conn:  # back to what a version-8 store looked like
        conn.execute(text("DROP TABLE deferred_entries"))
        conn.execute(text("UPDATE meta SET value = '8' WHERE key = 'schema_version'"))
    store.close()

    upgraded = Store.open(database_url)
    with upgraded.engine.connect() as conn:
        assert schema.current_version(conn) == schema.SCHEMA_VERSION
    assert upgraded.has_report(make_report(1).id), "the reports are kept"
    assert upgraded.deferred_entries("wire") == []
    first = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
    entry = DeferredEntry(
        key="guid:x",
        url="https://example.org/a",
        title="A",
        summary="S.",
        outlet="Wire",
        deferred_at=first,
        guid="x",
        published="2026-11-02",
    )
    upgraded.defer_entry("wire", entry)
    # Kept again with a new headline: the same entry, still deferred since it first was.
    upgraded.defer_entry("wire", replace(entry, title="A, updated", deferred_at=datetime.now(UTC)))
    assert upgraded.deferred_entries("wire") == [replace(entry, title="A, updated")]
    upgraded.record_skip("wire", entry.url, "will retry: the page timed out")
    assert upgraded.finish_deferral("wire", "guid:x", entry.url, "no longer pending: stored")
    assert not upgraded.finish_deferral("wire", "guid:x", entry.url, "again")
    assert upgraded.deferred_entries("wire") == []
    assert [s["reason"] for s in upgraded.recent_skips()] == ["no longer pending: stored"]
    upgraded.close()


def test_migration_10_dates_an_older_stores_follows_by_when_they_began(database_url: str) -> None:
    began = datetime(2026, 3, 1, 7, 0, tzinfo=UTC)
    store = Store.open(database_url)
    store.add_follow(Follow("slack:C0DESK", "harbour", "08:00", "Europe/Kyiv"), began)
    with store.engine.begin() as conn:  # back to what a version-9 store looked like
        conn.execute(text("ALTER TABLE follows DROP COLUMN changed_at"))
        conn.execute(text("UPDATE meta SET value = '9' WHERE key = 'schema_version'"))
    store.close()

    upgraded = Store.open(database_url)
    with upgraded.engine.connect() as conn:
        assert schema.current_version(conn) == schema.SCHEMA_VERSION
    # The only date an older store has: the follow has been in place since it began.
    assert upgraded.follow_changed("slack:C0DESK", "harbour") == began
    # Written again as it is (the config's follows at every start): the date stays.
    later = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
    upgraded.add_follow(Follow("slack:C0DESK", "harbour", "08:00", "Europe/Kyiv", "config"), later)
    assert upgraded.follow_changed("slack:C0DESK", "harbour") == began
    # Moved: dated by the move; it still began when it began.
    moved = datetime(2026, 3, 3, 7, 0, tzinfo=UTC)
    upgraded.add_follow(Follow("slack:C0DESK", "harbour", "06:30", "Europe/Kyiv"), moved)
    assert upgraded.follow_changed("slack:C0DESK", "harbour") == moved
    assert upgraded.follow_started("slack:C0DESK", "harbour") == began
    rezoned = datetime(2026, 3, 4, 7, 0, tzinfo=UTC)
    upgraded.add_follow(Follow("slack:C0DESK", "harbour", "06:30", "UTC"), rezoned)
    assert upgraded.follow_changed("slack:C0DESK", "harbour") == rezoned
    assert upgraded.follow_changed("slack:C0OTHER", "harbour") is None
    upgraded.close()
