"""A real ``briefbot run`` for the e2e tests, stopped by SIGTERM (its environment is
``tests.conftest.bot_env``)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.conftest import ROOT

WAIT_S = 60.0  # a bound on waiting for the process, never a speed requirement


def run_for_a_while(
    env: dict[str, str], tmp_path: Path, seconds: float, meanwhile: Callable[[], None] | None = None
) -> tuple[int, str]:
    """Run the bot until it has led for ``seconds`` (doing ``meanwhile`` first), then
    SIGTERM: its status and stderr."""
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
            if meanwhile is not None:
                meanwhile()
            time.sleep(seconds)
            assert process.poll() is None, err_path.read_text(encoding="utf-8")
            process.send_signal(signal.SIGTERM)
            returncode = process.wait(timeout=WAIT_S)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    return returncode, err_path.read_text(encoding="utf-8")
