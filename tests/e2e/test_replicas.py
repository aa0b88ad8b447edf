"""Two ``briefbot run`` replicas on one PostgreSQL: both answer Slack, one runs the scheduler.

The leader is killed (SIGKILL, no goodbye) before the digests are due; the other replica
takes the scheduler over and posts every digest, once. A third replica then replaces the
second (which is killed too) after the digests went out, and posts none of them again.
Slack is the loopback Web API stand-in; requests are signed as Slack signs them.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.conftest import ROOT, SEED_DIR
from tests.integration.slack.harness import BOT_TOKEN, SECRET, command_form, signature
from tests.integration.slack.standin import SlackStandIn
from tests.postgres_server import PostgresServer, PostgresUnavailable, running_postgres

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]

CHANNELS = ("C0DESK1", "C0DESK2", "C0DESK3")
TOPICS = ("donbass", "ukraine-peace-talks")
WAIT_S = 150.0  # bounds on waiting for processes, never speed requirements


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    try:
        with running_postgres() as server:
            yield server
    except PostgresUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set and PostgreSQL is unavailable: {exc}")
        pytest.skip(str(exc))


class Replica:
    """One ``briefbot run`` process; its log lines are collected as they arrive."""

    def __init__(self, name: str, env: dict[str, str]) -> None:
        self.name = name
        self.lines: list[str] = []
        self._ended = False
        self._changed = threading.Condition()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            with self._changed:
                self.lines.append(line.rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._ended = True
            self._changed.notify_all()

    def wait_line(self, pattern: str, timeout: float = WAIT_S) -> re.Match[str]:
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for line in self.lines:
                    found = regex.search(line)
                    if found:
                        return found
                left = deadline - time.monotonic()
                if left <= 0 or self._ended:
                    raise AssertionError(
                        f"{self.name}: no line matching {pattern!r}; log:\n" + "\n".join(self.lines)
                    )
                self._changed.wait(min(left, 1.0))

    def saw(self, pattern: str) -> bool:
        with self._changed:
            return any(re.search(pattern, line) for line in self.lines)

    @property
    def port(self) -> int:
        return int(self.wait_line(r"Slack HTTP mode listening on [\d.]+:(\d+)").group(1))

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._reader.join(timeout=30)
        if self.process.stderr is not None:
            self.process.stderr.close()


def digest_minute(now: datetime) -> datetime:
    """A minute far enough ahead for two replicas to start and the leader to be killed."""
    due = (now + timedelta(minutes=1)).replace(second=0, microsecond=0)
    return due if (due - now).total_seconds() >= 45 else due + timedelta(minutes=1)


def first_posts(standin: SlackStandIn) -> dict[str, int]:
    """Digests posted per channel: first parts only (longer ones continue in a thread)."""
    counts: dict[str, int] = {}
    for call in standin.posted():
        if not call.body.get("thread_ts"):
            channel = str(call.body.get("channel"))
            counts[channel] = counts.get(channel, 0) + 1
    return counts


async def ask_brief(port: int, hook: str, standin: SlackStandIn) -> int:
    body = command_form("donbass", standin.hook(hook))
    stamp = int(time.time())
    async with httpx.AsyncClient(timeout=30) as http:
        response = await http.post(
            f"http://127.0.0.1:{port}/slack/events",
            content=body.encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp": str(stamp),
                "X-Slack-Signature": signature(SECRET, stamp, body),
            },
        )
    await standin.wait_for(lambda: bool(standin.hook_calls(hook)), WAIT_S, f"the {hook} reply")
    return response.status_code


def test_two_replicas_one_scheduler_leader_killed_every_digest_once(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    url = postgres.create_database("replicas")
    due = digest_minute(datetime.now(UTC))
    follows = "".join(
        f'[[follows]]\ndestination = "slack:{channel}"\ntopic = "{topic}"\n'
        f'at = "{due:%H:%M}"\ntimezone = "UTC"\n'
        for channel in CHANNELS
        for topic in TOPICS
    )
    config = tmp_path / "briefbot.toml"
    config.write_text(
        f'[topics]\nfile = "{ROOT / "config" / "topics.toml"}"\n'
        f'[seeds]\npaths = ["{SEED_DIR}"]\n' + follows,
        encoding="utf-8",
    )
    standin = SlackStandIn().start()
    env = {
        **os.environ,
        "BRIEFBOT_CONFIG": str(config),
        "BRIEFBOT_DATABASE_URL": url,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": standin.url,
        "BRIEFBOT_HTTP_HOST": "127.0.0.1",
        "BRIEFBOT_HTTP_PORT": "0",
    }
    env.pop("SLACK_APP_TOKEN", None)
    env.pop("MATRIX_HOMESERVER", None)
    ingest = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ingest"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ingest.returncode == 0, ingest.stderr

    replicas: list[Replica] = []
    try:
        a = Replica("a", env)
        replicas.append(a)
        a.wait_line("elected leader")
        b = Replica("b", env)
        replicas.append(b)
        ports = {"a": a.port, "b": b.port}

        # any replica answers Slack
        assert asyncio.run(ask_brief(ports["a"], "from-a", standin)) == 200
        assert asyncio.run(ask_brief(ports["b"], "from-b", standin)) == 200
        for hook in ("from-a", "from-b"):
            reply = standin.hook_calls(hook)[0].body
            assert "donbass" in str(reply).lower()
        assert not b.saw("elected leader"), "only one scheduler while the leader lives"
        assert datetime.now(UTC) < due, "the test must kill the leader before the digests"

        a.kill()
        b.wait_line("elected leader")
        expected = {channel: len(TOPICS) for channel in CHANNELS}
        asyncio.run(
            standin.wait_for(
                lambda: first_posts(standin) == expected,
                timeout=(due - datetime.now(UTC)).total_seconds() + WAIT_S,
                what="one digest per followed channel and topic",
            )
        )

        # a third replica replaces the second after the digests went out: nothing again
        c = Replica("c", env)
        replicas.append(c)
        c.port  # noqa: B018 - waits until it serves
        b.kill()
        c.wait_line("elected leader")
        asyncio.run(ask_brief(c.port, "from-c", standin))
    finally:
        for replica in replicas:
            replica.stop()
        standin.stop()

    assert first_posts(standin) == expected
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT status, attempts FROM deliveries")).all()
    engine.dispose()
    assert sorted(rows) == [("delivered", 1)] * (len(CHANNELS) * len(TOPICS))
