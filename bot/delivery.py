"""Where messages go: one small interface per platform, and a router by destination name.

A destination is named ``<platform>:<target>`` ("slack:C0123", "matrix:!room:example.org")
or ``stdout``. ``send`` returns only once the platform accepted every part of the message;
anything else raises ``DeliveryError``, so the caller can leave the delivery pending and
retry it instead of marking it delivered.

A digest is delivered in two steps, ``render`` then ``send_parts``, so that the scheduler
can keep the rendered parts and how far they got in the store: a later attempt (after a
restart, or after new reports arrived) continues with the same parts from the first one the
platform did not accept, instead of posting a new digest from the start.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TextIO

from briefings.model import Brief, Digest, Notice, ThreadSummary
from briefings.render import Renderer

Renderable = Brief | Digest | Notice | ThreadSummary
# One message as the platform takes it (a Slack message, a Matrix event content): plain
# JSON, so that it can be kept in the store between attempts.
Part = dict[str, Any]


class DeliveryError(Exception):
    """The platform did not accept the message (yet); safe to retry.

    ``retry_after`` is how many seconds the platform asked us to wait, when it said so:
    the next attempt must not come sooner. ``permanent`` says that no retry can help until
    someone fixes a setting, which the message names (a token the platform refuses, a
    channel or room the bot may not post in): the scheduler then gives the digest up at once
    instead of failing the same way for hours.
    """

    def __init__(
        self, message: str, retry_after: float | None = None, permanent: bool = False
    ) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.permanent = permanent


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a message in several parts got: the platform accepted the first ``accepted``.

    ``first_id`` is what the platform called the first part: on Slack the ``ts`` the rest
    are threaded under, so that a continuation lands in the same thread; on Matrix its
    event id.
    """

    accepted: int = 0
    first_id: str | None = None

    def after(self, part_id: str | None) -> Progress:
        """The progress once one more part was accepted under ``part_id``."""
        return Progress(self.accepted + 1, self.first_id or part_id)


NOTHING_SENT = Progress()
OnAccepted = Callable[[Progress], None]


class Destination(Protocol):
    """A platform that can post a rendered message to one of its channels or rooms."""

    prefix: str

    def render(self, obj: Renderable) -> list[Part]: ...

    async def send_parts(
        self,
        target: str,
        parts: Sequence[Part],
        progress: Progress = NOTHING_SENT,
        on_accepted: OnAccepted | None = None,
    ) -> None:
        """Send ``parts`` from ``progress.accepted`` on, in order, reporting each one taken."""
        ...

    async def send(self, target: str, obj: Renderable) -> None: ...


class StdoutDestination:
    """The CLI destination: prints the Markdown rendering."""

    prefix = "stdout"

    def __init__(self, renderer: Renderer, stream: TextIO | None = None) -> None:
        self.renderer = renderer
        self.stream = stream

    def render(self, obj: Renderable) -> list[Part]:
        return [{"text": self.renderer.markdown(obj)}]

    async def send_parts(
        self,
        target: str,
        parts: Sequence[Part],
        progress: Progress = NOTHING_SENT,
        on_accepted: OnAccepted | None = None,
    ) -> None:
        stream = self.stream or sys.stdout
        for part in parts[progress.accepted :]:
            stream.write(str(part["text"]) + "\n")
            stream.flush()
            progress = progress.after(None)
            if on_accepted is not None:
                on_accepted(progress)

    async def send(self, target: str, obj: Renderable) -> None:
        await self.send_parts(target, self.render(obj))


class DeliveryRouter:
    """Finds the destination for a name like ``slack:C0123`` and sends through it."""

    def __init__(self) -> None:
        self._destinations: dict[str, Destination] = {}

    def register(self, destination: Destination) -> None:
        self._destinations[destination.prefix] = destination

    def handles(self, name: str) -> bool:
        return split_destination(name)[0] in self._destinations

    async def send(self, name: str, obj: Renderable) -> None:
        destination, target = self._find(name)
        await destination.send(target, obj)

    def render(self, name: str, obj: Renderable) -> list[Part]:
        """The parts ``obj`` is sent as to ``name``, to be kept until all are accepted."""
        return self._find(name)[0].render(obj)

    async def send_parts(
        self,
        name: str,
        parts: Sequence[Part],
        progress: Progress = NOTHING_SENT,
        on_accepted: OnAccepted | None = None,
    ) -> None:
        destination, target = self._find(name)
        await destination.send_parts(target, parts, progress, on_accepted)

    def _find(self, name: str) -> tuple[Destination, str]:
        prefix, target = split_destination(name)
        destination = self._destinations.get(prefix)
        if destination is None:
            raise DeliveryError(f"no '{prefix}' destination is running for {name}")
        return destination, target


def split_destination(name: str) -> tuple[str, str]:
    prefix, _, target = name.partition(":")
    return prefix, target
