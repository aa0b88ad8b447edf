"""The Matrix adapter: logs in, follows the sync stream, answers ``!brief`` and invitations.

It owns the sync loop rather than nio's ``sync_forever`` so that the sync token is written
after each batch has been dispatched, and so that the first start (no stored token) can take
one full sync to learn where "now" is without answering any of the history it returns.
A later sync that leaves events out of a room's timeline (``limited``: the bot was stopped,
or a burst came) has them read back to where the last sync ended before it is dispatched,
so a command sent meanwhile is answered once, however much followed it.
Commands run as tasks so a slow brief never holds up the sync; the per-room send queue keeps
the answers in order. A sync or a send the homeserver refuses for the bot's token goes to
``bot.matrix.renewal``, which logs the bot in again after a soft logout or ends the adapter
with a one-line ``MatrixLoginError`` (``serving()`` raises it): no retry can mend a revoked
token, and syncing in vain for ever left the bot deaf on Matrix while it looked alive.

Replicas on one database each run this adapter with a session of their own, so each syncs
and sees every command; the one that claims a command in the store answers it
(``bot.work_claims``), and the others let it be.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from nio import AsyncClient, ErrorResponse, JoinResponse, SyncResponse

from bot.backoff import Backoff
from bot.commands import SummarizeCommand, parse_command
from bot.config import ConfigError
from bot.delivery import DeliveryError, DeliveryRouter
from bot.matrix.backfill import GapUnread, read_gap, with_gap
from bot.matrix.client import (
    UNREACHABLE,
    HomeserverOutage,
    HomeserverRateLimit,
    SessionFile,
    SessionState,
    connect,
    homeserver_url,
    said,
    token_refusal,
)
from bot.matrix.destination import MatrixDestination, outgoing
from bot.matrix.listener import (
    IncomingCommand,
    Invitation,
    InvitePolicy,
    commands_in_timeline,
    first_encrypted_message,
    invitations,
)
from bot.matrix.renewal import LoginRenewal
from bot.matrix.sender import DEFAULT_BUDGET, RoomSender
from bot.matrix.threads import MAX_MESSAGES, read_thread
from bot.matrix.transport import NioTransport, api_path
from bot.work_claims import WorkClaims
from briefings.model import Brief, Notice, ThreadSummary
from briefings.pipeline import run_chat_engine

if TYPE_CHECKING:
    from bot.app import Services

log = logging.getLogger(__name__)

SYNC_TIMEOUT_MS = 30_000
# Timeline events per room and sync (Synapse's default is 10). A room with more since the
# last sync comes back ``limited``, and the rest is read back (``bot.matrix.backfill``).
SYNC_FILTER = {"room": {"timeline": {"limit": 100}}}
# How often a sync is asked again for a room's missed events the homeserver failed to give
# (a 5xx, a 429, no answer) before they are given up and the sync goes on without them.
GAP_TRIES = 5
STOP_GRACE = 10.0
CONNECT_TIMEOUT_S = 15.0
FIRST_SYNC_TIMEOUT_S = 120.0
HANDLED_MEMORY = 2048


class MatrixAdapter:
    """``name``, ``destination``, ``start()``, ``stop()``: what ``bot.runtime`` expects."""

    name = "matrix"

    def __init__(
        self,
        services: Services,
        router: DeliveryRouter | None = None,
        send_budget: float = DEFAULT_BUDGET,
        sync_timeout_ms: int = SYNC_TIMEOUT_MS,
        backoff: Backoff | None = None,
        connect_timeout: float = CONNECT_TIMEOUT_S,
        max_thread_messages: int = MAX_MESSAGES,
    ) -> None:
        secrets = services.config.secrets
        if not (secrets.matrix_access_token or secrets.matrix_password):
            # Said here, when the run loop builds its adapters, not at login once it runs.
            raise ConfigError(
                "MATRIX_HOMESERVER is set but neither MATRIX_ACCESS_TOKEN nor MATRIX_PASSWORD "
                "is: set MATRIX_ACCESS_TOKEN or MATRIX_PASSWORD (with MATRIX_USER_ID) "
                "to log the bot in"
            )
        self.services = services
        self.router = router
        self.destination = MatrixDestination(services.renderer)
        self.send_budget = send_budget
        self.sync_timeout_ms = sync_timeout_ms
        self.backoff = backoff or Backoff()
        self.connect_timeout = connect_timeout
        self.max_thread_messages = max_thread_messages
        self.homeserver = homeserver_url(secrets.matrix_homeserver)
        self.session_file = SessionFile(services.config.matrix.state_dir)
        self.client: AsyncClient | None = None
        self.state: SessionState | None = None
        self.synced = asyncio.Event()
        self._login: LoginRenewal | None = None
        self._transport: NioTransport | None = None
        self._sender: RoomSender | None = None
        self._policy: InvitePolicy | None = None
        self._sync_task: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        # Every replica syncs the same account and sees every event: an answer or a notice
        # is claimed in the store first, and the replica that claims it acts.
        # This process's memory of what it took on answers a repeat without the store.
        self._claims = WorkClaims(services.store, capacity=HANDLED_MEMORY)
        self._pending_invites: set[str] = set()
        # Encrypted rooms told that the bot cannot read them (in this run), or being told,
        # by this replica or another. A room this replica could not tell leaves the set, so
        # that its next encrypted message tries again (see ``_tell_encrypted``).
        self._told_encrypted: set[str] = set()

    @property
    def user_id(self) -> str:
        return self.state.user_id if self.state else ""

    @property
    def device_id(self) -> str:
        return self.state.device_id if self.state else ""

    async def start(self) -> None:
        """Log in and take the first sync, trying again, one line an attempt, for as long as
        the homeserver cannot be reached or rate-limits the login (then no sooner than it
        asked): one down at start may come up. Credentials it refuses raise
        ``MatrixLoginError``."""
        failures = 0
        while True:
            try:
                await self._connect()
                break
            except HomeserverRateLimit as exc:
                failures += 1
                delay = max(exc.retry_after, self.backoff.delay(failures))
                log.warning(
                    "matrix: %s (MATRIX_HOMESERVER) rate-limits the bot's login: %s; "
                    "attempt %d, trying again in %.0f s",
                    self.homeserver,
                    exc,
                    failures,
                    delay,
                )
                await asyncio.sleep(delay)
            except UNREACHABLE as exc:
                failures += 1
                delay = self.backoff.delay(failures)
                log.warning(
                    "matrix: cannot reach %s (MATRIX_HOMESERVER): %s; attempt %d, "
                    "trying again in %.0f s",
                    self.homeserver,
                    _reason(exc, self.connect_timeout),
                    failures,
                    delay,
                )
                await asyncio.sleep(delay)
        assert self.state
        log.info("matrix: %s (device %s) syncing", self.state.user_id, self.state.device_id)
        self._sync_task = asyncio.create_task(self._sync_loop(), name="matrix-sync")

    async def _connect(self) -> None:
        secrets, settings = self.services.config.secrets, self.services.config.matrix
        # A homeserver that takes the connection but never answers would hold the start
        # silently for nio's minute; each attempt is bounded instead.
        client, state, resumed = await asyncio.wait_for(
            connect(secrets, settings), self.connect_timeout
        )
        self.client, self.state = client, state
        self._login = LoginRenewal(
            client, self.homeserver, secrets, self.backoff, self.connect_timeout
        )
        self._transport = NioTransport(client, self._login)
        self._sender = RoomSender(self._transport, budget=self.send_budget)
        self._policy = InvitePolicy(settings.allow_invites_from, state.user_id)
        self.destination.attach(self._sender)
        try:
            if not resumed:
                # Learn where "now" is; the history this returns is never answered.
                first = await asyncio.wait_for(
                    client.sync(timeout=0, full_state=True, sync_filter=SYNC_FILTER),
                    FIRST_SYNC_TIMEOUT_S,
                )
                if not isinstance(first, SyncResponse):
                    raise HomeserverOutage(f"the first sync failed: {first}")
                self._dispatch(first, live=False)
                self._save(first.next_batch)
            else:
                self.session_file.save(state)
        except BaseException:
            await self._close()
            raise

    async def stop(self) -> None:
        if self._sync_task:
            self._sync_task.cancel()
            await asyncio.gather(self._sync_task, return_exceptions=True)
            self._sync_task = None
        if self._tasks:
            _, pending = await asyncio.wait(set(self._tasks), timeout=STOP_GRACE)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        if self._login:
            await self._login.close()
        if self._login and self._login.session_ended:
            # The spec: a session the homeserver ended is not to be reused.
            self.session_file.forget()
            log.info("matrix: forgot the stored session; the next start logs in anew")
        elif self.state:
            self.session_file.save(self.state)
        await self._close()

    async def serving(self) -> None:
        """Returns never while the homeserver takes the bot's token (the sync loop retries
        whatever else fails); raises the ``MatrixLoginError`` saying why it no longer does."""
        assert self._login
        raise await self._login.ended()

    async def _close(self) -> None:
        self.destination.attach(None)
        if self.client:
            await self.client.close()

    # --- sync -----------------------------------------------------------------------------

    async def _sync_loop(self) -> None:
        assert self.client and self.state and self._login
        failures = gap_failures = 0
        while True:
            token = self.client.access_token
            since = self.state.next_batch
            try:
                response: Any = await self.client.sync(
                    timeout=self.sync_timeout_ms,
                    since=since or None,
                    sync_filter=SYNC_FILTER,
                )
            except Exception as exc:  # a sync that breaks must not end the bot
                response = exc
            if token_refusal(response) is not None:
                # Waits out a new login however long the homeserver takes: syncing meanwhile
                # could only be refused again.
                if not await self._login.refused(token, response, wait=None):
                    return  # serving() raises why
                continue
            if not isinstance(response, SyncResponse):
                failures += 1
                delay = self.backoff.delay(failures + 1)
                log.error(
                    "matrix: sync with %s (MATRIX_HOMESERVER) failed: %s; trying again in %.0f s",
                    self.homeserver,
                    _reason(response, self.sync_timeout_ms / 1000 + 15),
                    delay,
                )
                await asyncio.sleep(delay)
                continue
            self._login.accepted(token)
            try:
                # Patient for a few tries only: a room whose history keeps failing must not
                # hold every other room's commands back for ever.
                timelines = await self._whole_timelines(
                    response, since, patient=gap_failures < GAP_TRIES
                )
            except GapUnread as exc:
                # The token is not saved: the same sync, asked again, brings the same gap.
                failures += 1
                gap_failures += 1
                delay = self.backoff.delay(failures + 1)
                log.error(
                    "matrix: reading the events a sync left out from %s (MATRIX_HOMESERVER) "
                    "failed: %s; trying again in %.0f s",
                    self.homeserver,
                    exc,
                    delay,
                )
                await asyncio.sleep(delay)
                continue
            failures = gap_failures = 0
            self._dispatch(response, live=True, timelines=timelines)
            self._save(response.next_batch)
            self.synced.set()
            self.synced.clear()

    def _save(self, next_batch: str) -> None:
        assert self.state
        self.state = replace(self.state, next_batch=next_batch)
        self.session_file.save(self.state)

    async def _whole_timelines(
        self, response: SyncResponse, since: str, patient: bool = True
    ) -> dict[str, list[Any]]:
        """Each room's timeline with what a limited sync left out of it put back in front.

        A limited timeline holds only the newest events since ``since``; the rest are read
        from ``/messages`` (``bot.matrix.backfill``), so a command sent while the bot was
        stopped is answered however much followed it, once: the gap ends where the last
        sync did, and the answer is claimed as a live one is. A room whose gap the server
        refuses to give (a 4xx) is said in one line and its timeline handled as it came;
        a gap that could come later raises ``GapUnread`` (``temporary``) while ``patient``,
        and is given up like a refused one once the sync has been asked again
        ``GAP_TRIES`` times for it.
        """
        assert self._transport
        timelines: dict[str, list[Any]] = {}
        for room_id, info in response.rooms.join.items():
            timeline = info.timeline
            events: list[Any] = list(timeline.events)
            if timeline.limited and timeline.prev_batch and since:
                try:
                    gap = await read_gap(self._transport, room_id, timeline.prev_batch, since)
                except GapUnread as exc:
                    if exc.temporary and patient:
                        raise
                    log.warning(
                        "matrix: %s: the events the sync left out could not be read (%s%s); "
                        "a !brief among them goes unanswered",
                        room_id,
                        exc,
                        f", {GAP_TRIES + 1} tries" if exc.temporary else "",
                    )
                else:
                    if gap.events:
                        log.info(
                            "matrix: %s: read %d events the sync left out",
                            room_id,
                            len(gap.events),
                        )
                    events = with_gap(gap.events, events)
            timelines[room_id] = events
        return timelines

    def _dispatch(
        self,
        response: SyncResponse,
        live: bool,
        timelines: dict[str, list[Any]] | None = None,
    ) -> None:
        for invite in invitations(
            {room: info.invite_state for room, info in response.rooms.invite.items()},
            self.user_id,
        ):
            if invite.room_id not in self._pending_invites:
                self._pending_invites.add(invite.room_id)
                self._spawn(self._answer_invite(invite))
        if not live:
            return
        for room_id, info in response.rooms.join.items():
            events = (timelines or {}).get(room_id, info.timeline.events)
            if room_id not in self._told_encrypted:
                sealed = first_encrypted_message(events, self.user_id)
                if sealed is not None:
                    self._told_encrypted.add(room_id)
                    self._spawn(self._tell_encrypted(room_id, sealed))
            for command in commands_in_timeline(room_id, events, self.user_id):
                self._spawn(self._answer_once(command))

    def _spawn(self, coro: Any) -> None:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # --- invitations ----------------------------------------------------------------------

    async def _answer_invite(self, invite: Invitation) -> None:
        """Join, or decline saying why. Every replica does, unclaimed: the bot posts nothing
        when it joins, and a membership change repeated as it was (a second join, a second
        leave with the same reason) changes nothing in the room; Synapse keeps the first.
        Stripped invite state carries no event id that a claim could name either."""
        assert self.client and self._policy and self._transport and self._login
        try:
            if self._policy.allows(invite.inviter):
                token = self.client.access_token
                joined = await self.client.join(invite.room_id)
                # nio's own call, not the transport's: a soft logout is renewed here too.
                if await self._login.refused(token, joined):
                    joined = await self.client.join(invite.room_id)
                if isinstance(joined, JoinResponse):
                    log.info("matrix: joined %s (invited by %s)", invite.room_id, invite.inviter)
                else:
                    log.warning("matrix: could not join %s: %s", invite.room_id, joined)
                return
            reason = (
                "briefbot accepts invitations only from "
                f"{self._policy.describe()}; ask its operator to add you to allow_invites_from."
            )
            reply = await self._transport.request(
                "POST", api_path("v3", "rooms", invite.room_id, "leave"), {"reason": reason}
            )
            log.info(
                "matrix: declined the invitation of %s to %s (%s)",
                invite.inviter,
                invite.room_id,
                "ok" if reply.ok else reply.describe(),
            )
        except UNREACHABLE as exc:
            log.warning("matrix: answering the invitation to %s failed: %s", invite.room_id, exc)
        finally:
            self._pending_invites.discard(invite.room_id)

    # --- commands -------------------------------------------------------------------------

    async def _answer_once(self, command: IncomingCommand) -> None:
        """Answer the command unless this replica saw it before or another claimed it."""
        if await self._claims.claim(f"matrix:event:{command.event_id}"):
            await self._answer(command)

    async def _answer(self, command: IncomingCommand) -> None:
        reply: Brief | Notice | ThreadSummary
        try:
            # Inside the try: whatever fails, parsing included, the user is told, as on Slack,
            # rather than left waiting for an answer that never comes.
            parsed = parse_command(command.text)
            if isinstance(parsed, SummarizeCommand) and command.thread_root:
                reply = await self._summarize(command.room_id, command.thread_root)
            else:
                reply = await asyncio.to_thread(
                    self.services.handler.handle, parsed, f"matrix:{command.room_id}"
                )
            await self._reply(command, reply)
        except DeliveryError as exc:
            log.warning("matrix: the answer to %s was not delivered: %s", command.event_id, exc)
        except Exception:
            log.exception("matrix: answering %s failed", command.event_id)
            await self._tell_failure(command)

    async def _reply(self, command: IncomingCommand, reply: Brief | Notice | ThreadSummary) -> None:
        contents = outgoing(
            self.services.renderer.matrix(reply), command.thread_root, command.event_id
        )
        await self.destination.send_contents(command.room_id, contents)

    async def _tell_encrypted(self, room_id: str, sealed: str) -> None:
        """Say in an encrypted room, once a day at most, that the bot cannot read it.

        Element encrypts direct messages and private rooms by default; without this, a
        ``!brief`` there went unanswered without a word, which reads as a broken bot. The
        notice itself goes out unencrypted, which the homeserver accepts and clients mark.
        The claim is the room's, not the message's (``sealed`` is only logged): a replica
        started later sees a later encrypted message first, and must not tell the room
        again; claims last a day, and so does the silence.

        The claim is made before the send, so that two replicas never both post; a send
        that fails for a while (the homeserver down) gives it back, or the room would stay
        untold for the day the claim lasts. A refusal no retry can mend (the room lets only
        moderators post) keeps it: asked again at every message, the room would only cost a
        refused send and a warning each time. It is given back
        before this replica forgets the room: a message synced in between then finds the
        claim free, instead of losing to the stale one and leaving the room untold.
        """
        key = f"matrix:encrypted:{room_id}"
        if not await self._claims.claim(key):
            return
        notice = Notice(
            "I cannot read messages in this room: it is end-to-end encrypted, and briefbot "
            "does not take part in encryption.",
            (
                "Talk to me with !brief in a room without encryption (a new room: "
                "encryption cannot be turned off in a room once it is on).",
                "Daily digests followed here are still posted, unencrypted.",
            ),
        )
        try:
            await self.destination.send_contents(
                room_id, outgoing(self.services.renderer.matrix(notice))
            )
            log.info(
                "matrix: told %s that its encrypted messages (%s first) cannot be read",
                room_id,
                sealed,
            )
        except DeliveryError as exc:
            if exc.permanent:
                # A room the bot may not post in: every message would be refused alike, so
                # the claim stands for its day and the room is not asked again till then.
                log.warning(
                    "matrix: could not tell %s that it is encrypted: %s; not trying again "
                    "for a day",
                    room_id,
                    exc,
                )
                return
            await self._give_back_encrypted(key, room_id, exc)
        except Exception as exc:
            await self._give_back_encrypted(key, room_id, exc)

    async def _give_back_encrypted(self, key: str, room_id: str, exc: Exception) -> None:
        await self._claims.release(key)
        self._told_encrypted.discard(room_id)
        log.warning(
            "matrix: could not tell %s that it is encrypted: %s; trying again at its "
            "next encrypted message",
            room_id,
            exc,
        )

    async def _tell_failure(self, command: IncomingCommand) -> None:
        """The one sentence Slack gives when a command fails on our side; the trace is logged."""
        notice = Notice("Sorry, that failed on our side; the error was logged.", error=True)
        try:
            await self._reply(command, notice)
        except Exception as exc:  # the failure may have been in sending; nothing more to do
            log.warning("matrix: could not tell %s that it failed: %s", command.event_id, exc)

    async def _summarize(self, room_id: str, root: str) -> ThreadSummary | Notice:
        assert self._transport
        try:
            thread = await read_thread(
                self._transport, room_id, root, self.user_id, max_messages=self.max_thread_messages
            )
        except (DeliveryError, OSError) as exc:
            return Notice(f"I could not read this thread: {exc}", error=True)
        if not thread.messages:
            return Notice("There is nothing to summarize in this thread yet.")
        try:
            return await asyncio.to_thread(run_chat_engine, list(thread.messages), thread.total)
        except Exception:
            log.exception("matrix: summarizing the thread %s failed", root)
            return Notice(
                "Sorry, summarizing this thread failed; the error was logged.", error=True
            )


def _reason(failure: object, timeout: float) -> str:
    """A failed attempt in a few words: what the homeserver answered (nio alone says only
    "SyncError: unknown error" for a proxy's 502), a connection error's own, or what timed
    out."""
    if isinstance(failure, ErrorResponse):
        return said(failure)
    if isinstance(failure, TimeoutError) and not str(failure):
        return f"no answer within {timeout:.0f} s"
    return str(failure) or type(failure).__name__
