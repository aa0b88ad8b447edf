"""Follows typed on the command line, delivered by ``briefbot run`` on its standard output.

``briefbot follow donbass at HH:MM UTC`` stores a follow whose destination is ``stdout``;
the scheduler of ``briefbot run`` prints that digest when its minute comes, as it posts a
channel's digest on Slack, and records it delivered: a follow stored before the bot starts,
and one typed while it runs. Real processes, a real SQLite store.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

import pytest

from briefings.store import Store
from tests.conftest import ROOT, SEED_DIR, bot_env

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]

WAIT_S = 150.0  # a bound on waiting for the process, never a speed requirement
SEED_DENIAL = "A White House spokesperson denied the reports"


def due_minute(now: datetime) -> datetime:
    """The next minute that leaves the bot time to start before it comes."""
    due = (now + timedelta(minutes=1)).replace(second=0, microsecond=0)
    return due if (due - now).total_seconds() >= 20 else due + timedelta(minutes=1)


class Lines:
    """The lines of one stream of a running process, collected as they arrive."""

    def __init__(self, stream: IO[str]) -> None:
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._ended = False
        self._reader = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._reader.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            with self._changed:
                self.lines.append(line.rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._ended = True
            self._changed.notify_all()

    def wait_for(self, text: str, timeout: float = WAIT_S) -> None:
        deadline = time.monotonic() + timeout
        with self._changed:
            while not any(text in line for line in self.lines):
                left = deadline - time.monotonic()
                if left <= 0 or self._ended:
                    raise AssertionError(f"no line with {text!r}:\n" + "\n".join(self.lines))
                self._changed.wait(min(left, 1.0))

    def join(self) -> None:
        self._reader.join(timeout=30)


def briefbot(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_run_prints_the_digests_of_command_line_follows_at_their_time(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'run.db'}"
    env = bot_env(tmp_path, f'[seeds]\npaths = ["{SEED_DIR}"]\n')
    assert briefbot(["ingest"], env).returncode == 0

    due = due_minute(datetime.now(UTC))
    followed = briefbot(["follow", "donbass", "at", f"{due:%H:%M}", "UTC"], env)
    assert followed.returncode == 0, followed.stderr

    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    out, err = Lines(process.stdout), Lines(process.stderr)
    try:
        err.wait_for("elected leader")
        # typed in another terminal while the bot runs
        followed = briefbot(["follow", "ukraine-peace-talks", "at", f"{due:%H:%M}", "UTC"], env)
        assert followed.returncode == 0, followed.stderr
        assert datetime.now(UTC) < due, "the bot must be up before the digests are due"
        wait = (due - datetime.now(UTC)).total_seconds() + WAIT_S
        out.wait_for("## donbass", timeout=wait)
        out.wait_for("## ukraine-peace-talks", timeout=wait)
        out.wait_for(SEED_DENIAL)
        assert datetime.now(UTC) >= due, "not before their time"
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        out.join()
        err.join()
        process.stdout.close()
        process.stderr.close()

    assert process.returncode == 0, "\n".join(err.lines)
    assert out.lines[0] == "# Daily digest"
    assert out.lines.count("# Daily digest") == 2
    assert "Traceback" not in "\n".join(err.lines)
    store = Store.open(database)
    try:
        rows = store.deliveries(("pending", "failed", "delivered"))
    finally:
        store.close()
    assert sorted((row.destination, row.topic, row.status) for row in rows) == [
        ("stdout", "donbass", "delivered"),
        ("stdout", "ukraine-peace-talks", "delivered"),
    ]
