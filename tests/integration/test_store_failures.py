"""A store that refuses work — a full disk, a read-only store — is said in one line that names
the store and the cause, on every backend; never a driver traceback."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot import cli
from briefings import store as store_module
from briefings.database_url import StoreFailed
from briefings.ingest import report_id
from briefings.model import Report
from briefings.pipeline import Pipeline
from briefings.store import Store
from briefings.topics import Topic, TopicMatcher
from tests.conftest import ROOT

pytestmark = pytest.mark.integration
MATCHER = TopicMatcher([Topic("harbour", "the harbour dispute", ("harbour",))])
BODY = "Port officials said the harbour will close on Friday. " * 200
REPORT = Report(id=report_id(BODY), title="Harbour talks", text=BODY, outlet="Test Wire")


def write_config(tmp_path: Path, url: str) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    config = tmp_path / "briefbot.toml"
    config.write_text(
        f'[database]\nurl = "{url}"\n[topics]\nfile = "{ROOT / "config" / "topics.toml"}"\n',
        encoding="utf-8",
    )
    return config


def test_a_full_disk_during_ingest_is_one_line_naming_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "full.db"
    Store.open(f"sqlite:///{path}").close()
    config = write_config(tmp_path, f"sqlite:///{path}")
    report = tmp_path / "report.md"
    report.write_text(f"Harbour talks\n\n{BODY}\n", encoding="utf-8")
    plain = store_module._sqlite_pragmas

    def no_room(dbapi_connection: Any, record: Any) -> None:
        # SQLite's own size limit, at the pages the store has: the next page it needs
        # fails with SQLITE_FULL, "database or disk is full", as a full disk does.
        plain(dbapi_connection, record)
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(store_module, "_sqlite_pragmas", no_room)
    status = cli.main(["--config", str(config), "ingest", str(report)])
    err = capsys.readouterr().err
    assert status == cli.EXIT_FAIL
    [line] = [line for line in err.splitlines() if line.startswith("briefbot:")]
    assert f"cannot write to sqlite:///{path}: the disk or the database is full" in line
    assert "database or disk is full" in line and "Traceback" not in err

    monkeypatch.setattr(store_module, "_sqlite_pragmas", plain)
    assert cli.main(["--config", str(config), "ingest", str(report)]) == cli.EXIT_OK


def read_only(database_url: str) -> str:
    """The same database, refusing writes: SQLite's read-only URI form, or PostgreSQL with
    read-only transactions by default (as on a standby)."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        return f"sqlite:///file:{url.database}?mode=ro&uri=true"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(
            text(f'ALTER DATABASE "{url.database}" SET default_transaction_read_only = on')
        )
    admin.dispose()
    return database_url


def test_a_read_only_store_reads_and_says_it_is_read_only_when_written(
    database_url: str,
) -> None:
    writable = Store.open(database_url)
    writable.add_report(REPORT)
    writable.close()
    url = read_only(database_url)
    store = Store.open(url)
    try:
        assert store.get_report(REPORT.id) == REPORT, "reading still works"
        later = Report(id=report_id("later"), title="Later", text="The port said later.")
        with pytest.raises(StoreFailed) as caught:
            Pipeline(store, MATCHER).ingest(later, "later.md")
    finally:
        store.close()
    message = str(caught.value)
    assert message.startswith(f"cannot write to {url}: ")
    assert "the store is read-only" in message and "\n" not in message


def test_follow_on_a_read_only_store_is_one_line_on_the_command_line_and_in_chat(
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    # The chat handler caught the store's failure as any bug: two tracebacks on the
    # command line, then "Sorry, that failed on our side".
    from bot.app import build_services
    from bot.commands import parse_command
    from bot.config import load_config

    # Built once writable, as a store that has run: its topics are in it.
    build_services(load_config(write_config(tmp_path / "writable", database_url))).close()
    url = read_only(database_url)
    config = write_config(tmp_path, url)
    for words in (["follow", "donbass", "at", "09:00"], ["unfollow", "donbass"]):
        assert cli.main(["--config", str(config), *words]) == cli.EXIT_FAIL
        err = capsys.readouterr().err
        [line] = err.strip().splitlines()
        assert line.startswith(f"briefbot: cannot write to {url}: the store is read-only")
    # In chat, where the store's URL is no one's business, a short sentence; the log says why.
    services = build_services(load_config(config))
    try:
        reply = services.handler.handle(parse_command("follow donbass"), "slack:C1")
    finally:
        services.close()
    assert reply.error and "store cannot be written" in reply.title
    assert "Traceback" not in caplog.text and "the store is read-only" in caplog.text


def test_a_store_on_a_read_only_filesystem_is_read_as_it_stands(tmp_path: Path) -> None:
    """SQLite cannot open a write-ahead-logged file where it cannot make its shared-memory
    index beside it: on a read-only mount `brief` and `topics` failed, though the README
    says they work on a read-only store. The store is now opened immutable there; a write
    still fails in one line. The mount needs a private mount namespace (root, unshare)."""
    folder = tmp_path / "mounted"
    folder.mkdir()
    from bot.app import build_services
    from bot.config import load_config

    config = write_config(tmp_path, f"sqlite:///{folder / 'b.db'}")
    build_services(load_config(config)).close()  # a store that has run: its topics in it
    briefbot = f"{sys.executable} -m bot.cli --config {config}"
    # A copy taken while a change was committed to the log but not yet to the file: read
    # immutable it would show the older store, so it is refused as before.
    walled = tmp_path / "walled"
    walled.mkdir()
    live = sqlite3.connect(folder / "b.db")
    live.execute("PRAGMA wal_autocheckpoint=0")
    live.execute(
        "INSERT INTO skips (source, item, reason, at) VALUES ('x', 'y', 'z', '2026-01-01')"
    )
    live.commit()
    for name in ("b.db", "b.db-wal"):
        shutil.copy(folder / name, walled / name)
    live.close()
    walled_config = write_config(tmp_path / "w", f"sqlite:///{walled / 'b.db'}")
    rc = tmp_path / "rc"
    script = (
        f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} || exit 99\n"
        f"mount --bind {walled} {walled} && mount -o remount,bind,ro {walled} || exit 99\n"
        f"{briefbot} topics > {tmp_path / 'topics.out'} 2>&1; echo $? >> {rc}\n"
        f"{briefbot} follow donbass > {tmp_path / 'follow.out'} 2>&1; echo $? >> {rc}\n"
        f"{sys.executable} -m bot.cli --config {walled_config} topics "
        f"> {tmp_path / 'walled.out'} 2>&1; echo $? >> {rc}\n"
    )
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", script], cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode == 99 or not (tmp_path / "rc").exists():
        pytest.skip(f"no private read-only mount here: {done.stderr.strip()[:200]}")
    topics_rc, follow_rc, walled_rc = (tmp_path / "rc").read_text().split()
    assert topics_rc == "0", (tmp_path / "topics.out").read_text()
    assert "donbass" in (tmp_path / "topics.out").read_text()
    assert follow_rc == "1"
    [line] = (tmp_path / "follow.out").read_text().strip().splitlines()
    assert "the store is read-only" in line
    assert walled_rc == "2", (tmp_path / "walled.out").read_text()
    assert "the store is read-only" in (tmp_path / "walled.out").read_text()
