"""The ingestion ledger as a reply: what each source did, what was skipped and why, and
which deliveries are still pending — the answer to "why wasn't this posted?"."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from briefings.ledger import GIVEN_UP, DeliveryRow
from briefings.model import Notice
from briefings.render import utc_minute
from briefings.store import Store


def build_status(
    store: Store,
    now: datetime,
    sources: Sequence[str] | None = None,
    destination: str | None = None,
    topics: Collection[str] | None = None,
) -> Notice:
    """The ledger as lines; with ``destination`` (a chat conversation) only its own daily
    digests and deliveries are listed, so one room's status does not name the others.

    ``sources`` are the configured sources: a source taken out of the config is left out
    (its last fetch, weeks old, read as a source that stopped), and counted. ``topics`` are
    the configured topics: a follow of one no longer there says it is not scheduled.
    """
    stored = store.count_reports()
    lines: list[str] = [f"{stored} report{'' if stored == 1 else 's'} stored."]
    underived = store.count_underived()
    if underived:
        # No brief shows these until they are derived; say so, and what derives them.
        lines.append(
            f"{underived} of them not derived yet (an ingest was interrupted): the next poll "
            "derives them, as does ingesting them again."
        )
    states = {s["name"]: s for s in store.all_source_states()}
    if sources is None:
        names = list(dict.fromkeys(sorted(states)))
    else:
        names = list(sources)
        gone = len(set(states) - set(sources))
        if gone:
            lines.append(
                f"{_count(gone, 'source')} no longer in the config "
                f"{'is' if gone == 1 else 'are'} not shown."
            )
    if not names:
        lines.append("No sources have been polled yet.")
    for name in names:
        state = states.get(name)
        if state is None:
            lines.append(f"Source {name}: never fetched yet.")
            continue
        parts = [f"Source {name}: last fetch {_when(state.get('last_fetch'), now)}"]
        if state.get("last_error") and state.get("failures"):
            parts.append(f"last error: {state['last_error']} ({state['failures']} in a row)")
        elif state.get("last_error"):  # read, but with a problem (see SourcePoller.poll)
            parts.append(f"warning: {state['last_error']}")
        else:
            parts.append("ok")
        if state.get("next_run"):
            parts.append(f"next run {_when(state['next_run'], now)}")
        lines.append("; ".join(parts) + ".")
    skips = store.recent_skips(limit=10)
    if skips:
        lines.append("Recently skipped:")
        lines += [f"  {s['source']}: {s['item']} — {s['reason']}" for s in skips]
    follows = store.follows(destination)
    if follows:
        lines.append("Daily digests:" if destination is None else "Daily digests here:")
        lines += [
            f"  {f.topic} at {f.at} ({f.timezone})"
            + (f" to {f.destination}" if destination is None else "")
            + (
                f" — not scheduled: no topic {f.topic} in the topics file; "
                f"`unfollow {f.topic}` removes it"
                if topics is not None and f.topic not in topics
                else ""
            )
            for f in follows
        ]
    elif destination is not None:
        lines.append("No daily digest here (`follow <topic>` sets one up).")
    else:
        lines.append("No daily digests are followed.")
    followed = {(f.destination, f.topic) for f in follows}
    # A digest no longer followed is not retried; its failure is no one's to act on.
    pending = [
        d
        for d in store.deliveries(("pending", "failed", GIVEN_UP), destination)
        if (d.destination, d.topic) in followed
    ]
    current, superseded = _split_superseded(store, pending)
    if current or superseded:
        lines.append("Deliveries not yet accepted:")
        lines += [f"  {d.destination} {d.topic} {d.day}: {_delivery(d, now)}" for d in current]
    else:
        lines.append("No pending or failed deliveries.")
    for (where, topic), (rows, later) in superseded.items():
        days = rows[0].day if len(rows) == 1 else f"{rows[0].day} to {rows[-1].day}"
        lines.append(
            f"  {where} {topic}: {_count(len(rows), 'earlier digest')} ({days}) not delivered; "
            f"their news came with the digest of {later}."
        )
    return Notice("Status", tuple(lines))


Superseded = dict[tuple[str, str], tuple[list[DeliveryRow], str]]


def _split_superseded(
    store: Store, rows: Sequence[DeliveryRow]
) -> tuple[list[DeliveryRow], Superseded]:
    """Rows still to act on, and, by destination and topic, those a later digest delivered
    there made moot: each digest starts where the last delivered one ended, so its news
    reached the room. Listed in full for weeks, they would bury the row that matters."""
    later: dict[tuple[str, str], str | None] = {}
    current: list[DeliveryRow] = []
    superseded: Superseded = {}
    for row in sorted(rows, key=lambda r: (r.destination, r.topic, r.day)):
        key = (row.destination, row.topic)
        if key not in later:
            later[key] = store.last_delivered_day(*key)
        newest = later[key]
        if row.status != "pending" and newest is not None and newest > row.day:
            superseded.setdefault(key, ([], newest))[0].append(row)
        else:
            current.append(row)
    current.sort(key=lambda r: r.updated_at)
    return current, superseded


def _delivery(row: DeliveryRow, now: datetime) -> str:
    tried = _count(row.attempts, "attempt")
    error = f" — {row.last_error}" if row.last_error else ""
    if row.status == GIVEN_UP:
        # Plainly not retried any more, and what brings it back.
        return (
            f"given up after {tried}{error}. Not retried any more: restarting briefbot "
            "the same day tries it once more."
        )
    if row.status == "pending":  # being sent now, or by a run that stopped meanwhile
        return f"pending (attempt {row.attempts + 1}){error}"
    plan = f"; next attempt {_when(row.not_before, now)}" if row.not_before else ""
    return f"failed after {tried}{plan}{error}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _when(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "never"
    seconds = int((now - moment).total_seconds())
    if seconds < 0:
        return f"in {_span(-seconds)} ({utc_minute(moment)})"
    return f"{_span(seconds)} ago ({utc_minute(moment)})"


def _span(seconds: int) -> str:
    if seconds < 90:
        return f"{seconds}s"
    if seconds < 5400:
        return f"{seconds // 60}m"
    if seconds < 172800:
        return f"{seconds // 3600}h"
    return f"{seconds // 86400}d"
