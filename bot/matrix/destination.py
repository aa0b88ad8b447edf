"""The Matrix destination: digests and replies rendered as ``m.notice`` events and sent in order.

A digest's events are reported one by one as the homeserver accepts them, so the scheduler
keeps how far it got and a retry sends only the events the room does not have yet.

Every event carries an empty ``m.mentions``, which the renderer puts in each content: with
intentional mentions (spec v1.7) clients then never derive a ping from the body, so no
report text can notify ``@room`` or a user even where the renderer's defusing were to miss
a case.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.delivery import NOTHING_SENT, DeliveryError, OnAccepted, Part, Progress, Renderable
from bot.matrix.relations import in_thread
from bot.matrix.sender import RoomSender
from briefings.render import Renderer


def outgoing(
    contents: Sequence[Mapping[str, Any]],
    thread_root: str | None = None,
    reply_to: str | None = None,
) -> list[dict[str, Any]]:
    """The rendered parts as event contents, inside a thread when ``thread_root`` is given.

    Without one, the sender threads the parts after the first under the first.
    """
    return [
        in_thread(dict(content), thread_root, reply_to) if thread_root else dict(content)
        for content in contents
    ]


class MatrixDestination:
    """``matrix:<room id>``: raises ``DeliveryError`` unless every part was accepted."""

    prefix = "matrix"

    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer
        self._sender: RoomSender | None = None

    def attach(self, sender: RoomSender | None) -> None:
        """Connected by the adapter once logged in; detached (None) when it stops."""
        self._sender = sender

    def render(self, obj: Renderable) -> list[Part]:
        return outgoing(self.renderer.matrix(obj))

    async def send(self, target: str, obj: Renderable) -> None:
        await self.send_parts(target, self.render(obj))

    async def send_parts(
        self,
        target: str,
        parts: Sequence[Part],
        progress: Progress = NOTHING_SENT,
        on_accepted: OnAccepted | None = None,
    ) -> None:
        if not target.startswith("!"):
            raise DeliveryError(f"'{target}' is not a Matrix room id (they start with '!')")
        sender = self._sender
        if sender is None:
            raise DeliveryError("the Matrix adapter is not connected")
        reached = progress

        def accepted(event_id: str) -> None:
            nonlocal reached
            reached = reached.after(event_id)
            if on_accepted is not None:
                on_accepted(reached)

        await sender.send(
            target, parts, skip=progress.accepted, on_sent=accepted, root=progress.first_id
        )

    async def send_contents(self, room_id: str, contents: Sequence[Mapping[str, Any]]) -> None:
        sender = self._sender
        if sender is None:
            raise DeliveryError("the Matrix adapter is not connected")
        await sender.send(room_id, contents)
