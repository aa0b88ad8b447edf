"""``briefbot run`` stops on SIGTERM even while a chat adapter is still starting.

A homeserver that does not answer keeps matrix-nio retrying its login; an operator's stop
(``docker stop``, systemd, Ctrl-C) must end the process then too, cleanly, without waiting
for the homeserver. A real process, a real SQLite store, a port nothing listens on.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]

WAIT_S = 60.0  # a bound on waiting for the process, never a speed requirement


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_sigterm_stops_the_bot_while_matrix_is_still_logging_in(tmp_path: Path) -> None:
    config = tmp_path / "briefbot.toml"
    config.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "run.db"}"\n'
        f'[topics]\nfile = "{ROOT / "config" / "topics.toml"}"\n',
        encoding="utf-8",
    )
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "SLACK_", "MATRIX_"))
    }
    env |= {
        "BRIEFBOT_CONFIG": str(config),
        "MATRIX_HOMESERVER": f"http://127.0.0.1:{closed_port()}",
        "MATRIX_USER_ID": "@bot:localhost",
        "MATRIX_ACCESS_TOKEN": "a-token-nobody-checks",
    }
    err_path = tmp_path / "stderr.log"
    with err_path.open("w", encoding="utf-8") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
            text=True,
        )
        try:
            deadline = time.monotonic() + WAIT_S
            while "elected leader" not in err_path.read_text(encoding="utf-8"):
                assert process.poll() is None, err_path.read_text(encoding="utf-8")
                assert time.monotonic() < deadline, "the bot never started"
                time.sleep(0.2)
            time.sleep(2)  # the adapter is logging in, against a port nothing listens on
            assert process.poll() is None, err_path.read_text(encoding="utf-8")
            process.send_signal(signal.SIGTERM)
            returncode = process.wait(timeout=WAIT_S)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    log = err_path.read_text(encoding="utf-8")
    assert returncode == 0, log
    assert "stopped while the matrix adapter was starting" in log
    assert "Traceback" not in log
