"""``briefbot run`` stops on SIGTERM even while a chat adapter is still starting.

A homeserver that does not answer keeps matrix-nio retrying its login; an operator's stop
(``docker stop``, systemd, Ctrl-C) must end the process then too, cleanly, without waiting
for the homeserver. A real process, a real SQLite store, a port nothing listens on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import bot_env, closed_port
from tests.e2e.bot_process import run_for_a_while

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]


def test_sigterm_stops_the_bot_while_matrix_is_still_logging_in(tmp_path: Path) -> None:
    env = bot_env(tmp_path) | {
        "MATRIX_HOMESERVER": f"http://127.0.0.1:{closed_port()}",
        "MATRIX_USER_ID": "@bot:localhost",
        "MATRIX_ACCESS_TOKEN": "a-token-nobody-checks",
    }
    # Two seconds of the adapter logging in, against a port nothing listens on.
    returncode, log = run_for_a_while(env, tmp_path, seconds=2)
    assert returncode == 0, log
    assert "stopped while the matrix adapter was starting" in log
    assert "Traceback" not in log
