"""A real ``briefbot run`` for the e2e tests (its environment is ``tests.conftest.bot_env``):
stopped by SIGTERM, or left to stop on its own."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import ROOT

WAIT_S = 60.0  # a bound on waiting for the process, never a speed requirement


def run_for_a_while(
    env: dict[str, str], tmp_path: Path, seconds: float, meanwhile: Callable[[], None] | None = None
) -> tuple[int, str]:
    """Run the bot until it has led for ``seconds`` (doing ``meanwhile`` first), then
    SIGTERM: its status and stderr."""
    with _bot(env, tmp_path) as (process, err_path):
        _wait_for("elected leader", process, err_path)
        if meanwhile is not None:
            meanwhile()
        time.sleep(seconds)
        assert process.poll() is None, err_path.read_text(encoding="utf-8")
        process.send_signal(signal.SIGTERM)
        returncode = process.wait(timeout=WAIT_S)
    return returncode, err_path.read_text(encoding="utf-8")


def run_until_it_stops(
    env: dict[str, str], tmp_path: Path, once: str, then: Callable[[], None], within: float
) -> tuple[int, str]:
    """Run the bot until its log says ``once``, do ``then``, and wait at most ``within``
    seconds for the bot to stop on its own: its status and stderr."""
    with _bot(env, tmp_path) as (process, err_path):
        _wait_for(once, process, err_path)
        then()
        try:
            returncode = process.wait(timeout=within)
        except subprocess.TimeoutExpired:
            raise AssertionError(
                f"still running {within:.0f} s later:\n{err_path.read_text(encoding='utf-8')}"
            ) from None
    return returncode, err_path.read_text(encoding="utf-8")


@contextmanager
def _bot(env: dict[str, str], tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path]]:
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
            yield process, err_path
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()


def _wait_for(text: str, process: subprocess.Popen[str], err_path: Path) -> None:
    deadline = time.monotonic() + WAIT_S
    while text not in err_path.read_text(encoding="utf-8"):
        assert process.poll() is None, err_path.read_text(encoding="utf-8")
        assert time.monotonic() < deadline, f"the bot never logged {text!r}"
        time.sleep(0.2)  # polling a process's log: no event to await
