"""Ingesting files and folders: expand the paths, read each file, store it, say what happened.

One bad file never aborts the batch: it is rejected with its reason and the rest go on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from bot.feeds import canonicalize_url
from briefings.database_url import StoreFailed
from briefings.ingest import (
    INGEST_CAP,
    SUFFIXES,
    IngestError,
    read_report_file,
    shown_path,
    special_file,
)
from briefings.pipeline import IngestOutcome, Pipeline

log = logging.getLogger(__name__)


def expand_paths(paths: Iterable[Path]) -> Iterator[Path | IngestOutcome]:
    """Files in the order given; folders recursively, sorted, skipping hidden files.

    What in a folder is no file to read (a FIFO, a device, a link that leads nowhere) is
    rejected by name like a file of another type, not passed over in silence: it may be a
    report that was meant to be read.
    """
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if child.is_dir() or any(p.startswith(".") for p in rel.parts):
                    continue
                problem = special_file(child)
                if problem is not None:
                    yield IngestOutcome(shown_path(child), "rejected", reason=problem)
                elif child.suffix.lower() in SUFFIXES:
                    yield child
                else:
                    yield IngestOutcome(
                        shown_path(child),
                        "rejected",
                        reason=f"unsupported file type '{child.suffix or 'none'}' "
                        f"(briefbot reads {', '.join(SUFFIXES)})",
                    )
        elif path.exists():
            yield path
        else:
            reason = special_file(path) or "no such file or folder"
            yield IngestOutcome(shown_path(path), "rejected", reason=reason)


def ingest_paths(
    pipeline: Pipeline,
    paths: Iterable[Path],
    max_bytes: int,
    on_outcome: Callable[[IngestOutcome], None] | None = None,
) -> list[IngestOutcome]:
    outcomes: list[IngestOutcome] = []
    for item in expand_paths(paths):
        if isinstance(item, IngestOutcome):
            outcome = item
        else:
            outcome = ingest_file(pipeline, item, max_bytes)
        outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    return outcomes


def ingest_file(
    pipeline: Pipeline, path: Path, max_bytes: int, cap: str = INGEST_CAP
) -> IngestOutcome:
    """Read and store one file; every failure of the file itself becomes its outcome.

    A store that cannot take anything (``StoreFailed``: full, read-only) is no fault of the
    file and is raised, so the batch stops with that one line. Any other error is a bug met
    on this file: logged with its traceback, the file rejected by name, the batch goes on.
    """
    name = shown_path(path)
    try:
        try:
            report = read_report_file(path, max_bytes, cap)
        except IngestError as exc:
            return IngestOutcome(name, "rejected", reason=_strip_name(str(exc), name))
        # A file that names its article's URL is known by it, as a fetched page is: a
        # corrected version saved later is checked against the earlier one as a copy.
        canonical = _canonical(report.url)
        return pipeline.ingest(report, name, canonical)
    except StoreFailed:
        raise
    except Exception as exc:
        log.exception("ingesting %s failed", name)
        return IngestOutcome.internal_error(name, exc)


def _strip_name(message: str, name: str) -> str:
    # The CLI prints the file name already; keep a line number the message may carry.
    if message.startswith(name + ":"):
        rest = message[len(name) + 1 :]
        head, sep, tail = rest.partition(":")
        if sep and head.strip().isdigit():
            return f"line {head.strip()}:{tail}"
        return rest.strip()
    return message


def _canonical(url: str | None) -> str | None:
    """The URL a file names as its article's, in its canonical form; None for none, and
    for one that does not parse (a port out of range): the file is read all the same."""
    if not url:
        return None
    try:
        return canonicalize_url(url)
    except ValueError:
        return None
