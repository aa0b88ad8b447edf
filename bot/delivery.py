"""Where messages go: one small interface per platform, and a router by destination name.

A destination is named ``<platform>:<target>`` ("slack:C0123", "matrix:!room:example.org")
or ``stdout``. ``send`` returns only once the platform accepted every part of the message;
anything else raises ``DeliveryError``, so the caller can leave the delivery pending and
retry it instead of marking it delivered.
"""

from __future__ import annotations

import sys
from typing import Protocol, TextIO

from briefings.model import Brief, Digest, Notice, ThreadSummary
from briefings.render import Renderer

Renderable = Brief | Digest | Notice | ThreadSummary


class DeliveryError(Exception):
    """The platform did not accept the message (yet); safe to retry."""


class Destination(Protocol):
    """A platform that can post a rendered message to one of its channels or rooms."""

    prefix: str

    async def send(self, target: str, obj: Renderable) -> None: ...


class StdoutDestination:
    """The CLI destination: prints the Markdown rendering."""

    prefix = "stdout"

    def __init__(self, renderer: Renderer, stream: TextIO | None = None) -> None:
        self.renderer = renderer
        self.stream = stream

    async def send(self, target: str, obj: Renderable) -> None:
        stream = self.stream or sys.stdout
        stream.write(self.renderer.markdown(obj) + "\n")
        stream.flush()


class DeliveryRouter:
    """Finds the destination for a name like ``slack:C0123`` and sends through it."""

    def __init__(self) -> None:
        self._destinations: dict[str, Destination] = {}

    def register(self, destination: Destination) -> None:
        self._destinations[destination.prefix] = destination

    def handles(self, name: str) -> bool:
        return split_destination(name)[0] in self._destinations

    async def send(self, name: str, obj: Renderable) -> None:
        prefix, target = split_destination(name)
        destination = self._destinations.get(prefix)
        if destination is None:
            raise DeliveryError(f"no '{prefix}' destination is running for {name}")
        await destination.send(target, obj)


def split_destination(name: str) -> tuple[str, str]:
    prefix, _, target = name.partition(":")
    return prefix, target
