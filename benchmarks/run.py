"""``make bench``: speed and memory of briefbot, measured rather than hoped for.

Runs, in order: extraction throughput on one core (``benchmarks/bench_extract.py`` over the
shared dev corpus) and on the worst text shapes (``benchmarks/bench_hostile.py``); ``/brief
donbass`` server-side time on SQLite and PostgreSQL as the store grows to 1k, 10k and 100k
synthetic reports (``benchmarks/synthetic.py``); a real ``briefbot run`` on the 100k SQLite
store under bursts of 50 concurrent signed slash commands (ack latency, then the process's
peak RSS); and one digest fanned out to 1,000 followed Slack channels. Prints a table and
writes ``benchmarks/results.json``.

PostgreSQL is a throwaway server started for the run (as in the tests); without its
binaries that half is skipped, saying so, unless ``CI`` is set, where it fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from benchmarks import bench_hostile
from benchmarks.slack_load import bot_under_load, fanout
from benchmarks.stores import Latency, age_all_but_newest, grow, time_brief, time_unbounded_brief
from benchmarks.synthetic import SyntheticCorpus
from briefings.brief import REPORT_LIMIT
from briefings.store import Store
from briefings.topics import TopicMatcher, topics_from_mapping
from tests.postgres_server import PostgresUnavailable, running_postgres

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results.json"
SIZES = (1_000, 10_000, 100_000)
UNBOUNDED_UP_TO = 10_000  # beyond that the unbounded brief takes minutes
# The reports a daily digest covers in the fan-out: a busy day of one story, on a store
# that has run for a while (the rest of the store is dated two days earlier).
DIGEST_DAY = 100


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def extract_words_per_s(workdir: Path, words: int) -> dict[str, float] | None:
    """``bench_extract``'s figures, pinned to one CPU; None when the dev corpus is absent."""
    out = workdir / "extract.json"
    cpus = sorted(os.sched_getaffinity(0))

    def one_core() -> None:
        os.sched_setaffinity(0, {cpus[-1]})

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.bench_extract",
            "--words",
            str(words),
            "--json",
            str(out),
            "--stages",
        ],
        cwd=ROOT,
        preexec_fn=one_core,  # only sets the child's CPU affinity
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        say(f"extraction benchmark skipped: {done.stderr.strip() or done.stdout.strip()}")
        return None
    say(done.stdout.strip())
    figures: dict[str, float] = json.loads(out.read_text())
    return figures


def topics() -> TopicMatcher:
    with (ROOT / "config" / "topics.toml").open("rb") as handle:
        return TopicMatcher(topics_from_mapping(tomllib.load(handle)))


@contextmanager
def postgres_url() -> Iterator[str | None]:
    try:
        with running_postgres() as server:
            yield server.create_database("bench")
    except PostgresUnavailable as exc:
        if os.environ.get("CI"):
            raise
        say(f"PostgreSQL benchmarks skipped: {exc}")
        yield None


def brief_curve(
    url: str,
    matcher: TopicMatcher,
    sizes: tuple[int, ...],
    iterations: int,
    at_largest: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Grow one store through ``sizes``; time ``/brief donbass`` at each."""
    store = Store.open(url)
    corpus = SyntheticCorpus(matcher)
    out: dict[str, Any] = {"brief": {}, "unbounded": {}, "load_s": {}, "topic_reports": {}}
    try:
        for size in sizes:
            seconds = grow(store, corpus, size)
            out["load_s"][str(size)] = round(seconds, 1)
            out["topic_reports"][str(size)] = store.topic_window("donbass", 1)[1]
            result = time_brief(store, matcher, iterations=iterations)
            out["brief"][str(size)] = result
            say(
                f"{store.backend:>10} {size:>7,} reports (loaded in {seconds:5.1f} s): "
                f"/brief p50 {result.p50:6.1f} ms, p99 {result.p99:6.1f} ms"
            )
            if size <= UNBOUNDED_UP_TO:
                whole = time_unbounded_brief(store, iterations=1 if size >= 10_000 else 3)
                out["unbounded"][str(size)] = whole
                say(f"{'':>10} every report of the topic, no bound: {whole.p50:,.0f} ms")
    finally:
        store.close()
    if at_largest is not None:
        at_largest(url)
    return out


def table(results: dict[str, Any]) -> str:
    """The Markdown table printed at the end (and pasted into the README)."""
    brief = results["brief_p99_ms"]
    p50 = results["brief_p50_ms"]
    rows = [
        "| measure | value |",
        "|---|---|",
        f"| extraction, one core | {_num(results['extract_words_per_s'], 'words/s')} |",
        f"| extraction, one report of 200,000 words | "
        f"{_num(results.get('extract_long_report_words_per_s'), 'words/s')} |",
        f"| extraction, worst text shape (no full stops, comma runs …) | "
        f"{_num(results.get('extract_hostile_kb_per_s'), 'KB/s')} |",
    ]
    for backend, by_size in brief.items():
        for size, value in by_size.items():
            rows.append(
                f"| `/brief donbass`, {backend}, {int(size):,} reports | "
                f"p50 {p50[backend][size]:.1f} ms, p99 {value:.1f} ms |"
            )
    for size, value in results.get("brief_unbounded_ms", {}).get("sqlite", {}).items():
        rows.append(
            f"| (for comparison) the whole topic without a bound, sqlite, "
            f"{int(size):,} reports | {value:,.0f} ms |"
        )
    rows += [
        f"| slash-command ack, 50 concurrent | p50 {_num(results.get('ack_p50_ms'), 'ms')}, "
        f"p99 {_num(results['ack_p99_ms'], 'ms')} |",
        f"| `briefbot run` peak RSS, {results['largest']:,} reports (SQLite) | "
        f"{_num(results['rss_mb_100k'], 'MB')} |",
        f"| digest to 1,000 followed channels | {_num(results['fanout_s_1000'], 's')}"
        + (
            f", {results['fanout_messages_1000']:,} messages"
            if results.get("fanout_messages_1000")
            else ""
        )
        + " |",
    ]
    return "\n".join(rows)


def _num(value: float | None, unit: str) -> str:
    if value is None:
        return "not measured"
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default=",".join(str(s) for s in SIZES), help="store sizes, comma-separated"
    )
    parser.add_argument("--iterations", type=int, default=200, help="/brief runs per size")
    parser.add_argument("--words", type=int, default=1_000_000, help="words to extract")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    sizes = tuple(int(s) for s in args.sizes.split(","))
    largest = max(sizes)
    began = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="briefbot-bench-"))
    matcher = topics()
    results: dict[str, Any] = {
        "extract_words_per_s": None,
        "extract_long_report_words_per_s": None,
        "extract_hostile_kb_per_s": None,
        "brief_p99_ms": {},
        "brief_p50_ms": {},
        "brief_unbounded_ms": {},
        "ack_p99_ms": None,
        "ack_p50_ms": None,
        "rss_mb_100k": None,
        "fanout_s_1000": None,
        "fanout_messages_1000": None,
        "load_s": {},
        "topic_reports": {},
        "report_limit": REPORT_LIMIT,
        "largest": largest,
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
    }
    try:
        say("== extraction")
        figures = extract_words_per_s(workdir, args.words)
        if figures is not None:
            results["extract_words_per_s"] = figures["extract_words_per_s"]
            results["extract_long_report_words_per_s"] = figures.get(
                "extract_long_report_words_per_s"
            )
        say("== extraction on text shaped unlike news")
        hostile = bench_hostile.measure()
        for name, kb_per_s in hostile.items():
            say(f"{name}: {kb_per_s:,.0f} KB/s")
        results["extract_hostile_kb_per_s"] = round(min(hostile.values()), 1)

        def slack_side(url: str) -> None:
            say(f"== briefbot run on {largest:,} reports: 50 concurrent /brief commands")
            load = bot_under_load(url, workdir)
            results["ack_p99_ms"] = load.ack.p99
            results["ack_p50_ms"] = load.ack.p50
            results["rss_mb_100k"] = load.rss_mb
            say(
                f"ack p50 {load.ack.p50:.1f} ms, p99 {load.ack.p99:.1f} ms over "
                f"{load.ack.samples} commands; peak RSS {load.rss_mb:.1f} MB; "
                f"{load.answered} of {load.commands} briefs answered in {load.posts} posts "
                f"(at most {load.most_parts} for one brief), "
                f"{load.lost} Slack answers lost by a gone client"
            )
            say(
                f"== one digest to 1,000 followed channels ({DIGEST_DAY:,} reports since "
                "the last one)"
            )
            aged = Store.open(url)
            try:
                age_all_but_newest(aged, DIGEST_DAY, timedelta(days=2))
            finally:
                aged.close()
            seconds, messages = fanout(url, workdir)
            results["fanout_s_1000"] = round(seconds, 2)
            results["fanout_messages_1000"] = messages
            say(f"fan-out: {seconds:.2f} s, {messages:,} messages ({messages / 1000:g} a channel)")

        say("== /brief on SQLite")
        sqlite = brief_curve(
            f"sqlite:///{workdir / 'bench.db'}", matcher, sizes, args.iterations, slack_side
        )
        _collect(results, "sqlite", sqlite)
        if not args.no_postgres:
            say("== /brief on PostgreSQL")
            with postgres_url() as url:
                if url is not None:
                    _collect(
                        results, "postgresql", brief_curve(url, matcher, sizes, args.iterations)
                    )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    results["elapsed_s"] = round(time.perf_counter() - began, 1)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(
        f"\n(wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out};"
        f" {results['elapsed_s']:.0f} s)"
    )
    return 0


def _collect(results: dict[str, Any], backend: str, curve: dict[str, Any]) -> None:
    brief: dict[str, Latency] = curve["brief"]
    results["brief_p99_ms"][backend] = {size: lat.p99 for size, lat in brief.items()}
    results["brief_p50_ms"][backend] = {size: lat.p50 for size, lat in brief.items()}
    results["brief_unbounded_ms"][backend] = {
        size: lat.p50 for size, lat in curve["unbounded"].items()
    }
    results["load_s"][backend] = curve["load_s"]
    results["topic_reports"][backend] = curve["topic_reports"]


if __name__ == "__main__":
    raise SystemExit(main())
