"""``briefbot run`` with settings a platform refuses or cannot use: one line naming the
setting and exit status 2, as for any bad config; and a platform out of reach: tried again,
one line an attempt, without a traceback, until the operator stops the bot. A start that
goes well logs at INFO: WARNING is kept for what needs a look.

Real processes; Slack's Web API is the loopback stand-in.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, bot_env, closed_port
from tests.e2e.bot_process import WAIT_S, run_for_a_while
from tests.integration.slack.standin import Failure, SlackStandIn

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]

EXIT_USAGE = 2


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return bot_env(tmp_path)


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    server = SlackStandIn().start()
    yield server
    server.stop()


def run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "run"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        check=False,
    )


def assert_stopped_in_one_line(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode == EXIT_USAGE, result.stderr
    assert "Traceback" not in result.stderr and "Unclosed" not in result.stderr, result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("briefbot:")]
    for words in expected:
        assert words in line, line


@pytest.mark.parametrize(
    ("api", "variable"),
    [("auth.test", "SLACK_BOT_TOKEN"), ("apps.connections.open", "SLACK_APP_TOKEN")],
)
def test_a_slack_token_refused_in_socket_mode_stops_the_bot_in_one_line(
    env: dict[str, str], standin: SlackStandIn, api: str, variable: str
) -> None:
    standin.fail(api, Failure(error="invalid_auth"))
    result = run(
        {
            **env,
            "SLACK_BOT_TOKEN": "xoxb-refused",
            "SLACK_APP_TOKEN": "xapp-refused",
            "SLACK_API_URL": standin.url,
        }
    )
    assert_stopped_in_one_line(result, f"{variable} was refused by Slack (invalid_auth)")


def test_a_slack_out_of_reach_in_socket_mode_is_tried_again_quietly(
    env: dict[str, str], tmp_path: Path
) -> None:
    dead = f"http://127.0.0.1:{closed_port()}/api/"
    returncode, log = run_for_a_while(
        {**env, "SLACK_BOT_TOKEN": "xoxb-x", "SLACK_APP_TOKEN": "xapp-x", "SLACK_API_URL": dead},
        tmp_path,
        seconds=5,
    )
    assert returncode == 0, log
    assert "Traceback" not in log and "Unclosed" not in log, log
    tried = [line for line in log.splitlines() if "cannot reach Slack" in line]
    # Waits of 1, 2, 4 s: a handful of lines, not one a second.
    assert 2 <= len(tried) <= 5, log
    assert all(dead in line for line in tried)
    assert "ERROR" not in log, log


def test_a_slack_bot_token_alone_says_what_slack_needs_beside_it(env: dict[str, str]) -> None:
    result = run({**env, "SLACK_BOT_TOKEN": "xoxb-alone"})
    assert_stopped_in_one_line(
        result, "SLACK_BOT_TOKEN is set", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"
    )
    assert "running the scheduler only" not in result.stderr


@pytest.mark.parametrize(
    "homeserver", ["127.0.0.1:9", "localhost:8008", "ftp://example.org", "http://[::1"]
)
def test_a_homeserver_that_is_no_http_url_is_named_in_one_line(
    env: dict[str, str], homeserver: str
) -> None:
    result = run(
        {
            **env,
            "MATRIX_HOMESERVER": homeserver,
            "MATRIX_USER_ID": "@bot:localhost",
            "MATRIX_ACCESS_TOKEN": "token",
        }
    )
    assert_stopped_in_one_line(result, "MATRIX_HOMESERVER", repr(homeserver), "https://")


def test_an_http_port_in_use_names_the_port_setting_and_the_address(
    env: dict[str, str],
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(
            {
                **env,
                "SLACK_BOT_TOKEN": "xoxb-x",
                "SLACK_SIGNING_SECRET": "secret",
                "BRIEFBOT_HTTP_PORT": str(port),
            }
        )
    assert_stopped_in_one_line(
        result, f"127.0.0.1:{port}", "already in use", "BRIEFBOT_HTTP_PORT", "[http] port"
    )


def test_an_http_host_that_does_not_resolve_is_named_in_one_line(env: dict[str, str]) -> None:
    result = run(
        {
            **env,
            "SLACK_BOT_TOKEN": "xoxb-x",
            "SLACK_SIGNING_SECRET": "secret",
            "BRIEFBOT_HTTP_HOST": "no-such-host.invalid",
        }
    )
    assert_stopped_in_one_line(result, "BRIEFBOT_HTTP_HOST", "'no-such-host.invalid'")


def test_a_start_that_goes_well_logs_nothing_at_warning(
    env: dict[str, str], tmp_path: Path
) -> None:
    port = closed_port()

    def check_health() -> None:
        url = f"http://127.0.0.1:{port}/healthz"
        for _ in range(100):
            try:
                with urllib.request.urlopen(url, timeout=5) as answer:
                    assert answer.status == 200
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"{url} never answered")

    returncode, log = run_for_a_while(
        {
            **env,
            "SLACK_BOT_TOKEN": "xoxb-x",
            "SLACK_SIGNING_SECRET": "secret",
            "BRIEFBOT_HTTP_PORT": str(port),
        },
        tmp_path,
        seconds=1,
        meanwhile=check_health,
    )
    assert returncode == 0, log
    assert "INFO bot.leader: elected leader" in log
    assert "INFO bot.runtime: slack adapter started" in log
    assert not [line for line in log.splitlines() if " WARNING " in line or " ERROR " in line], log
    assert "/healthz" not in log, "no access log line for each health check"
    assert "apscheduler" not in log, "no lines of the scheduler library for each job run"
