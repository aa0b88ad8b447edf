"""``briefbot ingest FILE|FOLDER`` on a real store: each file gets its line, and one bad
file, whatever is wrong with it, never stops the others."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import pytest

from bot.app import Services
from bot.file_ingest import ingest_paths
from briefings.database_url import StoreFailed

pytestmark = pytest.mark.integration

GOOD = "Road report\n\nThe mayor said the road to Donbass was open again.\n"


def test_a_file_that_meets_a_bug_is_rejected_by_name_and_the_batch_goes_on(
    tmp_path: Path, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "a.txt").write_text("Port report\n\nThe port said it reopened.\n", "utf-8")
    (drop / "b.txt").write_text(GOOD, "utf-8")
    real_ingest = services.pipeline.ingest

    def buggy_for_a(report: Any, name: str, *args: Any) -> Any:
        if name.endswith("a.txt"):
            raise RuntimeError("no speaker\n[SQL: INSERT INTO reports …]")
        return real_ingest(report, name, *args)

    services.pipeline.ingest = buggy_for_a  # type: ignore[method-assign]
    with caplog.at_level(logging.ERROR, logger="bot.file_ingest"):
        bad, good = ingest_paths(services.pipeline, [drop], 100_000)
    assert (bad.name, bad.status) == (str(drop / "a.txt"), "rejected")
    assert bad.reason == "internal error (RuntimeError: no speaker)"
    assert good.status == "added"
    (logged,) = caplog.records
    assert logged.levelno == logging.ERROR and logged.exc_info is not None


def test_a_store_that_takes_nothing_stops_the_batch(tmp_path: Path, services: Services) -> None:
    report = tmp_path / "a.txt"
    report.write_text(GOOD, "utf-8")

    def full(*args: Any) -> Any:
        raise StoreFailed("the store is full")

    services.pipeline.ingest = full  # type: ignore[method-assign]
    with pytest.raises(StoreFailed):
        ingest_paths(services.pipeline, [report], 100_000)


def odd_name(folder: Path, name: bytes) -> Path:
    """A file whose name is not valid UTF-8, where the file system allows one."""
    path = Path(os.fsdecode(os.fsencode(folder) + b"/" + name))
    try:
        path.write_text("Cafe report\n\nThe owner said the cafe in Donbass was open.\n", "utf-8")
    except (OSError, UnicodeError) as exc:
        pytest.skip(f"this file system refuses a name that is not UTF-8 ({exc})")
    return path


def test_a_file_name_that_is_not_utf8_is_read_and_named_readably(
    tmp_path: Path, services: Services
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    odd_name(drop, b"caf\xe9.txt")
    (drop / "zz_good.txt").write_text(GOOD, "utf-8")
    odd, good = ingest_paths(services.pipeline, [drop], 100_000)
    assert (odd.name, odd.status) == (f"{drop}/caf\\xe9.txt", "added")
    assert good.status == "added"
    stored = services.store.get_report(odd.report_id or "")
    assert stored is not None and stored.source == "file:caf\\xe9.txt"
