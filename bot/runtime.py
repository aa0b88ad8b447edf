"""``briefbot run``: the scheduler and the chat adapters in one asyncio loop.

Slack runs in Socket Mode when ``SLACK_APP_TOKEN`` is set, else in HTTP mode when
``SLACK_SIGNING_SECRET`` is set; Matrix runs when ``MATRIX_HOMESERVER`` is set. The
scheduler runs in the process that leads (``bot.leader``: always on SQLite, the holder of an
advisory lock on PostgreSQL, where several replicas may share one database). SIGINT/SIGTERM
stop everything in order: adapters first (no new commands), then the scheduler (running
jobs finish).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

from bot.app import Services, build_services
from bot.config import Config
from bot.delivery import DeliveryRouter, StdoutDestination
from bot.leader import LeaderLoop, election_for

log = logging.getLogger(__name__)

WORKERS = 1


class Adapter(Protocol):
    name: str

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


def build_adapters(services: Services, router: DeliveryRouter) -> list[Adapter]:
    """The chat adapters the environment configures, registered as destinations."""
    secrets = services.config.secrets
    adapters: list[Adapter] = []
    if secrets.slack_app_token or secrets.slack_signing_secret:
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
    started: list[Adapter] = []
    leading = asyncio.create_task(leader.run(stop))
    try:
        for adapter in adapters:
            if not await _started_unless_stopped(adapter, stop):
                break
            started.append(adapter)
            log.warning("%s adapter started", adapter.name)
        if not adapters:
            log.warning("no chat adapter configured; running the scheduler only")
        await stop.wait()
    finally:
        for adapter in reversed(started):
            await adapter.stop()
        stop.set()
        await leading  # stops the scheduler if this process was leading
        services.close()


async def _started_unless_stopped(adapter: Adapter, stop: asyncio.Event) -> bool:
    """Start ``adapter``, unless SIGTERM or SIGINT comes first: a homeserver that does not
    answer keeps a login retrying, and an operator's stop must not wait for it."""
    starting = asyncio.create_task(adapter.start())
    stopping = asyncio.create_task(stop.wait())
    done, _pending = await asyncio.wait({starting, stopping}, return_when=asyncio.FIRST_COMPLETED)
    if starting in done:
        stopping.cancel()
        starting.result()  # a start that failed says why
        return True
    starting.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await starting
    log.warning("stopped while the %s adapter was starting", adapter.name)
    return False


def run_bot(config: Config) -> int:
    logging.getLogger().setLevel(logging.INFO)
    asyncio.run(serve(config))
    return 0
