"""A real ``briefbot run`` for the e2e tests: its environment, and a run stopped by SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.conftest import ROOT

WAIT_S = 60.0  # a bound on waiting for the process, never a speed requirement


def bot_env(tmp_path: Path) -> dict[str, str]:
    """This environment without any briefbot, Slack or Matrix setting, and a config with a
    store, the project's topics and a Matrix state folder of its own under ``tmp_path``."""
    config = tmp_path / "briefbot.toml"
    config.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "run.db"}"\n'
        f'[topics]\nfile = "{ROOT / "config" / "topics.toml"}"\n'
        f'[matrix]\nstate_dir = "{tmp_path / "matrix"}"\n',
        encoding="utf-8",
    )
    environ = {
        k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "SLACK_", "MATRIX_"))
    }
    environ["BRIEFBOT_CONFIG"] = str(config)
    return environ


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
