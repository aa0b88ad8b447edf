"""A person in the test rooms: a matrix-nio client that talks and waits for what comes back.

``wait_for`` follows the person's own sync stream (long-polls, so it wakes on the event
rather than sleeping), bounded by a deadline, so a test reads like a chat transcript.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from typing import Any

from nio import (
    AsyncClient,
    AsyncClientConfig,
    RoomCreateResponse,
    RoomGetStateEventResponse,
    RoomPutStateResponse,
    RoomSendResponse,
    SyncResponse,
)

from tests.integration.matrix.homeserver import Homeserver, MatrixUser

Event = Mapping[str, Any]
ENCRYPTION_STATE = {
    "type": "m.room.encryption",
    "state_key": "",
    "content": {"algorithm": "m.megolm.v1.aes-sha2"},
}
# Synapse sends only the last 10 events of a busy room per sync by default ("limited").
TIMELINE_FILTER = {"room": {"timeline": {"limit": 200}}}


class Human:
    def __init__(self, homeserver: Homeserver, user: MatrixUser) -> None:
        self.user = user
        self.client = AsyncClient(
            homeserver.url, config=AsyncClientConfig(encryption_enabled=False)
        )
        self.client.restore_login(user.user_id, user.device_id, user.access_token)
        self.seen: list[tuple[str, Event]] = []
        self._since: str | None = None

    async def __aenter__(self) -> Human:
        await self._sync(0)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.client.close()

    async def create_room(
        self,
        invite: str | None = None,
        encrypted: bool = False,
        power_levels: Mapping[str, Any] | None = None,
    ) -> str:
        """A new room; ``encrypted`` turns on end-to-end encryption from its start, as
        Element does for direct messages and private rooms; ``power_levels`` overrides
        those a room starts with (``{"events_default": 50}``: only moderators post)."""
        state = [ENCRYPTION_STATE] if encrypted else []
        response = await self.client.room_create(
            invite=[invite] if invite else (),
            initial_state=state,
            power_level_override=dict(power_levels) if power_levels else None,
        )
        assert isinstance(response, RoomCreateResponse), response
        return str(response.room_id)

    async def change_power_levels(self, room_id: str, **changes: Any) -> None:
        """Change some of the room's power levels, keeping the others."""
        current = await self.client.room_get_state_event(room_id, "m.room.power_levels")
        assert isinstance(current, RoomGetStateEventResponse), current
        content = {**current.content, **changes}
        response = await self.client.room_put_state(room_id, "m.room.power_levels", content)
        assert isinstance(response, RoomPutStateResponse), response

    async def invite(self, room_id: str, user_id: str) -> None:
        response = await self.client.room_invite(room_id, user_id)
        assert not hasattr(response, "status_code"), response

    async def say(self, room_id: str, text: str, **extra: Any) -> str:
        return await self.send(room_id, {"msgtype": "m.text", "body": text, **extra})

    async def send(
        self, room_id: str, content: Mapping[str, Any], event_type: str = "m.room.message"
    ) -> str:
        response = await self.client.room_send(room_id, event_type, dict(content))
        assert isinstance(response, RoomSendResponse), response
        return str(response.event_id)

    async def say_in_thread(self, room_id: str, root: str, text: str, reply_to: str) -> str:
        relation = {
            "rel_type": "m.thread",
            "event_id": root,
            "is_falling_back": True,
            "m.in_reply_to": {"event_id": reply_to},
        }
        return await self.say(room_id, text, **{"m.relates_to": relation})

    async def wait_for(
        self,
        room_id: str,
        predicate: Callable[[Event], bool],
        count: int = 1,
        timeout: float = 30.0,
    ) -> list[Event]:
        """The first ``count`` events of the room (seen so far or arriving) that match."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            found = [e for r, e in self.seen if r == room_id and predicate(e)]
            if len(found) >= count:
                return found[:count]
            left = deadline - loop.time()
            if left <= 0:
                raise AssertionError(
                    f"waited {timeout:.0f} s for {count} matching events in {room_id}; "
                    f"saw {[e.get('type') for r, e in self.seen if r == room_id]}"
                )
            await self._sync(int(min(left, 5.0) * 1000))

    async def membership(self, room_id: str, user_id: str, timeout: float = 30.0) -> Event:
        """The latest membership event of ``user_id`` in the room, once it is not an invite."""

        def settled(e: Event) -> bool:
            content = e.get("content") or {}
            return (
                e.get("type") == "m.room.member"
                and e.get("state_key") == user_id
                and content.get("membership") not in (None, "invite")
            )

        return (await self.wait_for(room_id, settled, timeout=timeout))[-1]

    async def catch_up(self) -> None:
        """Everything the server holds for this person right now."""
        await self._sync(0)

    def events(self, room_id: str, predicate: Callable[[Event], bool]) -> list[Event]:
        return [e for r, e in self.seen if r == room_id and predicate(e)]

    async def _sync(self, timeout_ms: int) -> None:
        response = await self.client.sync(
            timeout=timeout_ms, since=self._since, sync_filter=TIMELINE_FILTER
        )
        assert isinstance(response, SyncResponse), response
        self._since = response.next_batch
        for room_id, info in response.rooms.join.items():
            for event in info.timeline.events:
                self.seen.append((room_id, event.source))


def is_notice(event: Event) -> bool:
    content = event.get("content") or {}
    return event.get("type") == "m.room.message" and content.get("msgtype") == "m.notice"


def notices_from(user_id: str) -> Callable[[Event], bool]:
    return lambda e: is_notice(e) and e.get("sender") == user_id
