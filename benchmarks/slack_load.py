"""Slack-side load: a real ``briefbot run`` under 50 concurrent slash commands, and a digest
fanned out to 1,000 followed channels. Slack itself is the loopback Web API stand-in of the
test suite (``tests/integration/slack/standin.py``), which records what it received.

Ack latency is measured at the client, from sending a signed ``/brief`` to receiving the
HTTP answer (Slack wants it within 3 s; the brief itself follows through ``response_url``).
Peak memory is the bot process's high-water mark (``VmHWM``) after it answered them all,
every part of every brief included.
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from benchmarks.stores import Latency, latency
from bot.app import build_services
from bot.config import parse_config
from bot.delivery import DeliveryRouter
from bot.scheduler import BotScheduler
from bot.slack import SlackAdapter
from briefings.ledger import Follow
from tests.integration.slack.harness import BOT_TOKEN, SECRET, command_form, signature
from tests.integration.slack.standin import SlackStandIn

ROOT = Path(__file__).resolve().parents[1]
TOPICS_FILE = ROOT / "config" / "topics.toml"
WAIT_S = 300.0


def slack_env(standin: SlackStandIn) -> dict[str, str]:
    return {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": standin.url,
        "BRIEFBOT_HTTP_HOST": "127.0.0.1",
        "BRIEFBOT_HTTP_PORT": "0",
    }


@dataclass(frozen=True, slots=True)
class BotUnderLoad:
    ack: Latency
    rss_mb: float
    commands: int
    answered: int  # commands whose brief reached their response_url
    posts: int  # response_url posts in all: a brief over Slack's size budget goes in parts
    most_parts: int  # the most posts one brief took (Slack allows five per response_url)
    lost: int  # answers of the stand-in whose client had gone (none on a quiet machine)


class _BotProcess:
    """``briefbot run`` in HTTP mode; the port is read from its log."""

    def __init__(self, database_url: str, config: Path, standin: SlackStandIn) -> None:
        env = {**os.environ, **slack_env(standin)}
        env.update(BRIEFBOT_CONFIG=str(config), BRIEFBOT_DATABASE_URL=database_url)
        for name in ("SLACK_APP_TOKEN", "MATRIX_HOMESERVER"):
            env.pop(name, None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self._port = threading.Event()
        self.port = 0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line.rstrip())
            found = re.search(r"Slack HTTP mode listening on [\d.]+:(\d+)", line)
            if found:
                self.port = int(found.group(1))
                self._port.set()
        self._port.set()

    def wait_ready(self) -> int:
        self._port.wait(WAIT_S)
        if not self.port:
            raise RuntimeError("briefbot run did not start:\n" + "\n".join(self.lines[-30:]))
        return self.port

    def peak_rss_mb(self) -> float:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        found = re.search(r"VmHWM:\s+(\d+) kB", status)
        return int(found.group(1)) / 1024 if found else float("nan")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._reader.join(timeout=30)
        if self.process.stderr is not None:
            self.process.stderr.close()


def bot_under_load(
    database_url: str,
    workdir: Path,
    concurrency: int = 50,
    rounds: int = 4,
    command: str = "donbass",
) -> BotUnderLoad:
    """Start ``briefbot run`` on the store; ``rounds`` bursts of ``concurrency`` commands."""
    config = workdir / "bench-bot.toml"
    config.write_text(f'[topics]\nfile = "{TOPICS_FILE}"\n', encoding="utf-8")
    standin = SlackStandIn().start()
    bot = _BotProcess(database_url, config, standin)
    try:
        port = bot.wait_ready()
        samples = asyncio.run(_bursts(port, standin, concurrency, rounds, command))
        expected = concurrency * rounds
        asyncio.run(
            standin.wait_for(
                partial(_answered_at_least, standin, expected + 1),
                WAIT_S,
                f"{expected} briefs",
            )
        )
        asyncio.run(_quiet(standin))
        rss = bot.peak_rss_mb()
        parts = _posts(standin)
        lost = standin.lost
    finally:
        bot.stop()
        standin.stop()
    parts.pop("bench-warm", None)
    return BotUnderLoad(
        ack=latency(samples),
        rss_mb=round(rss, 1),
        commands=expected,
        answered=len(parts),
        posts=sum(parts.values()),
        most_parts=max(parts.values(), default=0),
        lost=lost,
    )


def _posts(standin: SlackStandIn) -> dict[str, int]:
    """Posts per response_url of the bench's commands.

    Counted per command, not per post: a brief longer than one Slack message arrives in
    several posts to the same response_url, so a count of posts overstates the answers.
    """
    counts: dict[str, int] = {}
    for call in list(standin.calls):
        if call.path.startswith("/hooks/bench-"):
            name = call.path.removeprefix("/hooks/")
            counts[name] = counts.get(name, 0) + 1
    return counts


def _answered_at_least(standin: SlackStandIn, count: int) -> bool:
    return len(_posts(standin)) >= count


async def _quiet(standin: SlackStandIn, still_s: float = 1.0) -> None:
    """Wait until no post has arrived for ``still_s`` (the last parts of the last briefs)."""
    deadline = time.monotonic() + WAIT_S
    seen = len(standin.calls)
    still_since = time.monotonic()
    while time.monotonic() < deadline:
        await asyncio.sleep(0.05)
        now = len(standin.calls)
        if now != seen:
            seen, still_since = now, time.monotonic()
        elif time.monotonic() - still_since >= still_s:
            return


async def _bursts(
    port: int, standin: SlackStandIn, concurrency: int, rounds: int, command: str
) -> list[float]:
    """Bursts of signed commands over kept-alive connections, one request per connection.

    The client is raw HTTP/1.1 on asyncio streams with the requests built beforehand, so
    what is measured is the bot's latency, not an HTTP client library's.
    """
    connections = [await asyncio.open_connection("127.0.0.1", port) for _ in range(concurrency)]
    samples: list[float] = []
    try:
        await _one(connections[0], port, _request(port, command, standin.hook("bench-warm")))
        for r in range(rounds):
            requests = [
                _request(port, command, standin.hook(f"bench-{r * concurrency + i}"))
                for i in range(concurrency)
            ]
            samples += await asyncio.gather(
                *(_one(conn, port, req) for conn, req in zip(connections, requests, strict=True))
            )
            await standin.wait_for(
                partial(_answered_at_least, standin, (r + 1) * concurrency + 1),
                WAIT_S,
                "the burst's replies",
            )
    finally:
        for _, writer in connections:
            writer.close()
    return samples


def _request(port: int, command: str, response_url: str) -> bytes:
    body = command_form(command, response_url)
    stamp = int(time.time())
    head = (
        "POST /slack/events HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body.encode())}\r\n"
        f"X-Slack-Request-Timestamp: {stamp}\r\n"
        f"X-Slack-Signature: {signature(SECRET, stamp, body)}\r\n"
        "\r\n"
    )
    return head.encode() + body.encode()


async def _one(
    connection: tuple[asyncio.StreamReader, asyncio.StreamWriter], port: int, request: bytes
) -> float:
    """Send one request; milliseconds until its whole HTTP answer arrived."""
    reader, writer = connection
    began = time.perf_counter()
    writer.write(request)
    await writer.drain()
    status = await reader.readline()
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode().partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    if length:
        await reader.readexactly(length)
    elapsed = (time.perf_counter() - began) * 1000
    if b" 200 " not in status:
        raise RuntimeError(f"/brief answered {status!r}")
    return elapsed


def fanout(
    database_url: str, workdir: Path, channels: int = 1000, concurrency: int = 20
) -> tuple[float, int]:
    """Seconds from firing ``channels`` digests until the stand-in accepted them all, and
    how many messages it took in all (a digest longer than one message is its overview plus
    its thread).

    Each digest runs as the scheduler runs it when its follow is due: ``BotScheduler.run_digest``
    builds the digest and posts it through the Slack destination, in one event loop,
    ``concurrency`` at a time. Follows due in the same minute share one digest, built once
    in the worker thread, so the cost is the posting, not the building.
    """
    standin = SlackStandIn().start()
    try:
        return asyncio.run(_fanout(database_url, workdir, standin, channels, concurrency))
    finally:
        standin.stop()


async def _fanout(
    database_url: str, workdir: Path, standin: SlackStandIn, channels: int, concurrency: int
) -> tuple[float, int]:
    config = parse_config(
        {"database": {"url": database_url}, "topics": {"file": str(TOPICS_FILE)}},
        workdir / "bench-fanout.toml",
        workdir,
        slack_env(standin),
    )
    services = build_services(config)
    router = DeliveryRouter()
    adapter = SlackAdapter(services, router)
    router.register(adapter.destination)
    scheduler = BotScheduler(services, router)
    destinations = [f"slack:CFAN{n:05d}" for n in range(channels)]
    for destination in destinations:
        services.store.add_follow(Follow(destination, "donbass", "08:00", "UTC", "chat"))
    gate = asyncio.Semaphore(concurrency)

    async def one(destination: str) -> str:
        async with gate:
            return await scheduler.run_digest(destination, "donbass")

    try:
        began = time.perf_counter()
        outcomes = await asyncio.gather(*(one(d) for d in destinations))
        elapsed = time.perf_counter() - began
    finally:
        for destination in destinations:
            services.store.remove_follow(destination, "donbass")
        services.close()
    delivered = sum(1 for o in outcomes if o == "delivered")
    channels_posted = {c.body.get("channel") for c in standin.posted()}
    if delivered != channels or len(channels_posted) != channels:
        raise RuntimeError(f"fan-out delivered {delivered} of {channels}: {set(outcomes)}")
    return elapsed, len(standin.posted())
