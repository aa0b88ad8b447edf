"""The image's start command: the seeds' ingest, then `briefbot run` in the shell's place.

There is no container engine here, so the command is run as the image runs it, with a
``briefbot`` on PATH that only records what it was asked (what is under test is the shell
line, not briefbot). In the container the shell is PID 1, which ignores a signal it has no
handler for: without its trap, `docker stop` waited out the whole ingest, then killed it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

DOCKERFILE = Path(__file__).resolve().parents[2] / "Dockerfile"


def start_command() -> list[str]:
    match = re.search(r"^CMD\s+(\[.*\])\s*$", DOCKERFILE.read_text(encoding="utf-8"), re.M)
    assert match, "the Dockerfile has a CMD in exec form"
    command: list[str] = json.loads(match.group(1))
    return command


def recording_briefbot(folder: Path, ingest_seconds: int) -> dict[str, str]:
    """An environment whose ``briefbot`` writes its pid to ``<subcommand>.pid``."""
    stub = folder / "briefbot"
    stub.write_text(
        "#!/bin/sh\n"
        f'echo $$ > "{folder}/$1.pid"\n'
        f'if [ "$1" = ingest ]; then sleep {ingest_seconds}; else sleep 30; fi\n',
        encoding="utf-8",
    )
    stub.chmod(0o755)
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}


def wait_for(path: Path) -> None:
    deadline = time.monotonic() + 10
    while not path.exists() or not path.read_text().strip():
        assert time.monotonic() < deadline, f"{path.name} never written"
        time.sleep(0.05)


def test_a_stop_during_the_seed_ingest_ends_the_start_at_once(tmp_path: Path) -> None:
    env = recording_briefbot(tmp_path, ingest_seconds=30)
    shell = subprocess.Popen(start_command(), env=env)
    try:
        wait_for(tmp_path / "ingest.pid")
        shell.send_signal(signal.SIGTERM)
        # The trap's own exit status, not death by the signal: the shell handled it while
        # the ingest still ran, as PID 1 (which has no default action) must.
        assert shell.wait(timeout=10) == 143
        assert not (tmp_path / "run.pid").exists(), "the bot is not started after a stop"
    finally:
        shell.kill()
        ingest = tmp_path / "ingest.pid"
        if ingest.exists():
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(ingest.read_text()), signal.SIGKILL)


def test_after_the_ingest_the_bot_runs_in_the_shells_place(tmp_path: Path) -> None:
    """`exec`: the bot is the process the container's signals reach."""
    env = recording_briefbot(tmp_path, ingest_seconds=0)
    shell = subprocess.Popen(start_command(), env=env)
    try:
        wait_for(tmp_path / "run.pid")
        assert int((tmp_path / "run.pid").read_text()) == shell.pid
    finally:
        shell.kill()
        shell.wait(timeout=10)
