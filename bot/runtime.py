"""``briefbot run``: the scheduler and the chat adapters in one asyncio loop.

Slack runs in Socket Mode when ``SLACK_APP_TOKEN`` is set, else in HTTP mode when
``SLACK_SIGNING_SECRET`` is set; Matrix runs when ``MATRIX_HOMESERVER`` is set. The
scheduler runs in the process that leads (``bot.leader``: always on SQLite, the holder of an
advisory lock on PostgreSQL, where several replicas may share one database). Every replica
runs the adapters; what a chat event asks for is claimed in the store first, and the replica
that claims it acts (``bot.work_claims``). The adapters start side by side, each retrying
its own platform until it answers, so one platform's outage silences neither the other nor
the scheduler; a setting a platform refuses (a token), at start or later, stops the bot.
SIGINT/SIGTERM stop everything in order: adapters first (no new commands), then the
scheduler (running jobs finish).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol

from bot.app import Services, build_services
from bot.config import Config
from bot.delivery import DeliveryRouter, StdoutDestination
from bot.leader import LeaderLoop, election_for

log = logging.getLogger(__name__)

WORKERS = 1


class Adapter(Protocol):
    name: str

    async def start(self) -> None: ...

    async def serving(self) -> None:
        """Awaited once started: returns never, raises what ends the adapter for good."""
        ...

    async def stop(self) -> None: ...


def build_adapters(services: Services, router: DeliveryRouter) -> list[Adapter]:
    """The chat adapters the environment configures, registered as destinations."""
    secrets = services.config.secrets
    adapters: list[Adapter] = []
    # Any Slack secret means Slack was meant to run: one set without the others is a config
    # error that says what is missing, not a Slack silently left out.
    if secrets.slack_bot_token or secrets.slack_app_token or secrets.slack_signing_secret:
        from bot.slack import SlackAdapter

        slack = SlackAdapter(services, router)
        router.register(slack.destination)
        adapters.append(slack)
    if secrets.matrix_homeserver:
        from bot.matrix import MatrixAdapter

        matrix = MatrixAdapter(services, router)
        router.register(matrix.destination)
        adapters.append(matrix)
    return adapters


async def serve(config: Config, stop: asyncio.Event | None = None) -> None:
    from bot.scheduler import BotScheduler

    stop = stop or asyncio.Event()
    services = build_services(config)
    router = DeliveryRouter()
    router.register(StdoutDestination(services.renderer))
    try:
        adapters = build_adapters(services, router)  # a missing token stops us here
    except BaseException:
        services.close()
        raise
    # Replicas on one PostgreSQL all serve chat; only the elected one runs the scheduler.
    leader = LeaderLoop(
        election_for(services.store), lambda: BotScheduler(services, router), services.store
    )
    services.handler.on_follow = leader.on_follow
    loop = asyncio.get_running_loop()
    # Work handed to threads (briefs, parsing, the engine) is CPU-bound Python: under the GIL
    # more threads add no speed, only contention that starves this loop, which must ack
    # Slack within 3 s. One worker keeps acks fast under bursts (see benchmarks/run.py).
    loop.set_default_executor(ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="work"))
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    leading = asyncio.create_task(leader.run(stop))
    # Each adapter starts on its own: a platform that cannot be reached keeps retrying its
    # own connection, and must not keep the other platform (or the scheduler) silent.
    starting: dict[asyncio.Task[Any], Adapter] = {
        asyncio.create_task(adapter.start(), name=f"start-{adapter.name}"): adapter
        for adapter in adapters
    }
    try:
        if not adapters:
            log.info("no chat adapter configured; running the scheduler only")
        await _serve_until_stopped(starting, stop)
    finally:
        for task in starting:
            task.cancel()
        await asyncio.gather(*starting, return_exceptions=True)
        # Every adapter, started or not: one stopped while it was still connecting holds
        # sessions to close too.
        for adapter in reversed(adapters):
            await adapter.stop()
        stop.set()
        await leading  # stops the scheduler if this process was leading
        services.close()


async def _serve_until_stopped(
    starting: dict[asyncio.Task[Any], Adapter], stop: asyncio.Event
) -> None:
    """Until SIGTERM or SIGINT, or until an adapter fails for good (a refused token), at
    its start or later, which is raised. An operator's stop does not wait for an adapter
    still trying to reach its platform."""
    pending: set[asyncio.Task[Any]] = set(starting)
    serving: set[asyncio.Task[Any]] = set()
    stopping = asyncio.create_task(stop.wait())
    try:
        while True:
            done, pending = await asyncio.wait(
                pending | {stopping}, return_when=asyncio.FIRST_COMPLETED
            )
            pending.discard(stopping)
            for task in done - {stopping}:
                task.result()  # a start that failed, or an adapter that failed later, says why
                adapter = starting.get(task)
                if adapter is None:  # a serving() that returned: it ends only by raising
                    continue
                log.info("%s adapter started", adapter.name)
                watch = asyncio.create_task(adapter.serving(), name=f"serve-{adapter.name}")
                serving.add(watch)
                pending.add(watch)
            if stopping in done:
                for task in pending - serving:
                    log.info("stopped while the %s adapter was starting", starting[task].name)
                return
    finally:
        stopping.cancel()
        for watch in serving:
            watch.cancel()
        await asyncio.gather(*serving, return_exceptions=True)


def run_bot(config: Config) -> int:
    # The bot's own log is read at INFO: what started, polls, deliveries. WARNING and above
    # are what needs a look. aiohttp's access log would add a line for every health check
    # and every Slack request, and APScheduler's two for every job run (the bot logs what
    # each poll and digest did itself); their warnings, a missed run among them, still show.
    logging.getLogger().setLevel(logging.INFO)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    asyncio.run(serve(config))
    return 0
