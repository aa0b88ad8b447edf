"""Filling a store with the synthetic corpus, and timing ``/brief`` against it.

The store is grown in steps (1k, then 10k, then 100k reports) so each size is measured on
the same database a deployment would have grown. Reports go in through ``Store.bulk_load``
with the rows the generator knows it wrote (see ``benchmarks.synthetic``): the engine
would find the same items, but running it over 100k reports would take most of an hour.

``/brief`` time is what the server spends between a parsed command and the Slack payload it
sends back: ``CommandHandler.handle`` (the store reads and the brief's assembly) and
``Renderer.slack`` (templates, escaping, splitting). Network time is measured elsewhere.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import text

from benchmarks.synthetic import SyntheticCorpus
from bot.commands import parse_command
from bot.handler import CommandHandler
from briefings.brief import build_brief
from briefings.render import Renderer
from briefings.store import Store
from briefings.topics import TopicMatcher

BATCH = 2000


@dataclass(frozen=True, slots=True)
class Latency:
    """Milliseconds over ``samples`` runs."""

    p50: float
    p99: float
    mean: float
    samples: int


def latency(values_ms: list[float]) -> Latency:
    ordered = sorted(values_ms)

    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]

    return Latency(
        p50=round(pick(0.50), 2),
        p99=round(pick(0.99), 2),
        mean=round(statistics.fmean(ordered), 2),
        samples=len(ordered),
    )


def grow(
    store: Store,
    corpus: SyntheticCorpus,
    target: int,
    progress: Callable[[int], None] | None = None,
) -> float:
    """Add synthetic reports until the store holds ``target``; returns seconds spent."""
    start = time.perf_counter()
    while corpus.count < target:
        batch = corpus.take(min(BATCH, target - corpus.count))
        store.bulk_load([(item.report, item.derived) for item in batch])
        if progress:
            progress(corpus.count)
    settle(store)
    return time.perf_counter() - start


def age_all_but_newest(store: Store, newest: int, by: timedelta) -> None:
    """Date every report but the ``newest`` (and what was derived from them) ``by`` earlier.

    A bulk load stores every report in the same minute, so a digest's period ("since
    yesterday") would hold the whole store; aged like this, the store looks like one that
    has run for a while and took ``newest`` reports since the last digest, which is what a
    daily digest reads.
    """
    sqlite = store.backend == "sqlite"
    # SQLite keeps a datetime as text, which its datetime() shifts; PostgreSQL subtracts.
    earlier = "datetime({c}, :shift)" if sqlite else "{c} - :by"
    with store.engine.begin() as conn:
        last = conn.execute(text("SELECT max(seq) FROM reports")).scalar_one()
        old = "SELECT id FROM reports WHERE seq <= :cut"
        params = {
            "cut": int(last) - newest,
            "by": by,
            "shift": f"-{int(by.total_seconds())} seconds",
        }
        shifted = {
            "reports": ("id", ("ingested_at", "derived_at", "first_derived_at")),
            "claims": ("report_id", ("created_at",)),
            "denials": ("report_id", ("created_at",)),
            "questions": ("report_id", ("created_at", "closed_at")),
        }
        for table, (key, columns) in shifted.items():
            sets = ", ".join(f"{c} = {earlier.format(c=c)}" for c in columns)
            conn.execute(text(f"UPDATE {table} SET {sets} WHERE {key} IN ({old})"), params)
        conn.execute(
            text(
                f"UPDATE denial_targets SET created_at = {earlier.format(c='created_at')} "
                f"WHERE denial_id IN (SELECT id FROM denials WHERE report_id IN ({old}))"
            ),
            params,
        )


def settle(store: Store) -> None:
    """On PostgreSQL, what autovacuum does to a live database after a load: ``VACUUM ANALYZE``.

    Without it the planner has no statistics and index-only scans still visit the table,
    which a long-running deployment never sees; measuring that would measure the bulk load.
    SQLite has no such background work, so its store is measured as loaded.
    """
    if store.backend != "postgresql":
        return
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))


def time_brief(
    store: Store, matcher: TopicMatcher, topic: str = "donbass", iterations: int = 200
) -> Latency:
    """``/brief <topic>``: handler and Slack rendering, as the Slack listener runs them."""
    handler = CommandHandler(store, matcher)
    renderer = Renderer()
    command = parse_command(topic)
    for _ in range(5):  # warm the caches a long-running bot has warm
        renderer.slack(handler.handle(command, "slack:CBENCH"))
    samples: list[float] = []
    for _ in range(iterations):
        began = time.perf_counter()
        reply = handler.handle(command, "slack:CBENCH")
        renderer.slack(reply)
        samples.append((time.perf_counter() - began) * 1000)
    return latency(samples)


def time_unbounded_brief(store: Store, topic: str = "donbass", iterations: int = 3) -> Latency:
    """The brief over every report of the topic: what ``/brief`` would cost without a bound."""
    samples: list[float] = []
    for _ in range(iterations):
        began = time.perf_counter()
        build_brief(store, topic, limit=10**9)
        samples.append((time.perf_counter() - began) * 1000)
    return latency(samples)
