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
from tests.conftest import ingest_breaks_on

pytestmark = pytest.mark.integration

GOOD = "Road report\n\nThe mayor said the road to Donbass was open again.\n"


def test_a_file_that_meets_a_bug_is_rejected_by_name_and_the_batch_goes_on(
    tmp_path: Path, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "a.txt").write_text("Port report\n\nThe port said it reopened.\n", "utf-8")
    (drop / "b.txt").write_text(GOOD, "utf-8")
    error = RuntimeError("no speaker\n[SQL: INSERT INTO reports …]")
    with (
        caplog.at_level(logging.ERROR, logger="bot.file_ingest"),
        ingest_breaks_on(services.pipeline, "a.txt", error),
    ):
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


def odd_files(folder: Path) -> dict[str, str]:
    """Everything in a folder that is no file to read, with the reason each is rejected."""
    reasons = {
        "broken.txt": "a broken symlink (to missing.txt, which does not exist)",
        "loop.md": "a symlink loop (the link leads back to itself)",
    }
    (folder / "broken.txt").symlink_to("missing.txt")
    (folder / "loop.md").symlink_to("loop.md")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")
        reasons["pipe.txt"] = "not a regular file (a FIFO)"
    if Path("/dev/null").exists():
        # /dev/zero is what the read must not start on; /dev/null ends at once if it does.
        (folder / "null.txt").symlink_to("/dev/null")
        reasons["null.txt"] = "not a regular file (a character device)"
    return reasons


def test_what_in_a_folder_is_no_file_is_rejected_by_name_with_its_reason(
    tmp_path: Path, services: Services
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "good.txt").write_text(GOOD, "utf-8")
    reasons = odd_files(drop)
    outcomes = ingest_paths(services.pipeline, [drop], 100_000)
    assert {o.name: o.reason for o in outcomes if o.status == "rejected"} == {
        str(drop / name): reason for name, reason in reasons.items()
    }
    assert [o.name for o in outcomes if o.status == "added"] == [str(drop / "good.txt")]
    # Given by name, a link that leads nowhere is not "no such file" (a FIFO given by name
    # is a unit test, which fails rather than waits when the FIFO is opened).
    named = [name for name in reasons if name != "pipe.txt"]
    given = ingest_paths(services.pipeline, [drop / name for name in named], 100_000)
    assert [o.reason for o in given] == [reasons[name] for name in named]


def test_a_corrected_file_naming_the_same_url_is_a_copy_of_the_first_however_late(
    tmp_path: Path, services: Services
) -> None:
    # A file's front-matter url is its article's: a corrected version saved weeks later is
    # checked against the first one, not only against the newest reports.
    front = '+++\ntitle = "Road report"\nurl = "https://Example.org/road?utm_source=x#top"\n+++\n'
    body = (
        "The mayor said the road to Donbass was open again after three weeks of repairs, "
        "and that buses would run from Monday on the old timetable."
    )
    first, later = tmp_path / "first.md", tmp_path / "later.md"
    first.write_text(front + body + "\n", "utf-8")
    later.write_text(front + body + " The governor confirmed it on Sunday.\n", "utf-8")
    [stored] = ingest_paths(services.pipeline, [first], 100_000)
    assert services.store.report_by_url("https://example.org/road") == stored.report_id
    [again] = ingest_paths(services.pipeline, [later], 100_000)
    [row] = services.store.report_rows([again.report_id or ""])
    assert row.duplicate_of == stored.report_id


def test_a_front_matter_url_with_a_port_out_of_range_still_lets_the_file_in(
    tmp_path: Path, services: Services
) -> None:
    report = tmp_path / "port.md"
    report.write_text(
        '+++\ntitle = "Road"\nurl = "https://example.org:99999/road"\n+++\n' + GOOD, "utf-8"
    )
    [outcome] = ingest_paths(services.pipeline, [report], 100_000)
    assert outcome.status == "added", outcome.reason
