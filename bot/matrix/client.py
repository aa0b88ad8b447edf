"""Logging the bot in, and remembering its device and sync position across restarts.

The state file (``<state_dir>/session.json``) keeps the user id, the device id and the last
sync token, never a password or access token. Reusing the device id means a restart does not
add one more device to the account each time; the sync token means a restart continues after
the last event it saw instead of answering old commands again.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from aiohttp import ClientError
from nio import AsyncClient, AsyncClientConfig, ErrorResponse, LoginResponse, WhoamiResponse

from bot.config import ConfigError, MatrixConfig, Secrets
from bot.matrix.sender import retry_delay
from bot.matrix.transport import HttpReply
from bot.urls import url_problem

log = logging.getLogger(__name__)

DEVICE_NAME = "briefbot"


class HomeserverOutage(Exception):
    """The homeserver answered, but with an outage (a 5xx, often from a proxy in front of
    a homeserver that is down): worth asking again later, unlike a refused login."""


class HomeserverRateLimit(Exception):
    """The homeserver turned a request away for now (HTTP 429, ``M_LIMIT_EXCEEDED``):
    no verdict on the credentials; ask again after ``retry_after`` seconds, as it said."""

    def __init__(self, said: str, retry_after: float) -> None:
        super().__init__(said)
        self.retry_after = retry_after


# What a homeserver that cannot be reached, does not answer in time, or is having an outage
# raises; the adapter tries again later.
UNREACHABLE: tuple[type[BaseException], ...] = (
    OSError,
    ClientError,
    TimeoutError,
    HomeserverOutage,
)


class MatrixLoginError(ConfigError):
    """The homeserver refused the credentials, or they are missing; says which.

    Either way a setting is wrong, so it is reported like any bad config: one line that
    names the variable, and ``briefbot run`` stops.
    """


UNKNOWN_TOKEN = "M_UNKNOWN_TOKEN"  # noqa: S105 (an error code, not a secret)


@dataclass(frozen=True, slots=True)
class TokenRefusal:
    """The homeserver no longer takes the access token (HTTP 401 ``M_UNKNOWN_TOKEN``).

    ``soft_logout`` is the spec's soft logout: the token expired, but the device lives on
    and a login on it may carry on. Without it the session was ended (the token revoked,
    the device signed out or deleted, the password changed), and what the client kept of
    it must not be reused.
    """

    said: str
    soft_logout: bool


def token_refusal(answer: object) -> TokenRefusal | None:
    """The refusal in a homeserver's answer (nio's ``ErrorResponse`` or an ``HttpReply``),
    or None for any other answer: an outage, a rate limit, another error."""
    if isinstance(answer, HttpReply):
        if answer.errcode != UNKNOWN_TOKEN:
            return None
        return TokenRefusal(answer.describe(), answer.data.get("soft_logout") is True)
    if isinstance(answer, ErrorResponse) and answer.status_code == UNKNOWN_TOKEN:
        return TokenRefusal(said(answer), answer.soft_logout)
    return None


@dataclass(frozen=True, slots=True)
class SessionState:
    """What survives a restart. ``homeserver`` and ``user_id`` say whose state it is."""

    homeserver: str
    user_id: str
    device_id: str
    next_batch: str = ""


class SessionFile:
    """A small JSON file written atomically (temp file, fsync, rename)."""

    def __init__(self, state_dir: Path) -> None:
        self.path = state_dir / "session.json"

    def load(self) -> SessionState | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return SessionState(
                homeserver=str(data["homeserver"]),
                user_id=str(data["user_id"]),
                device_id=str(data["device_id"]),
                next_batch=str(data.get("next_batch") or ""),
            )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            # A damaged file only costs a fresh device and an initial sync; say so.
            log.warning("ignoring unreadable Matrix session file %s: %s", self.path, exc)
            return None

    def forget(self) -> None:
        """Drop the stored session: the next start logs in on a new device, afresh."""
        self.path.unlink(missing_ok=True)

    def save(self, state: SessionState) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".session-", suffix=".json", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(asdict(state), handle, indent=2)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def homeserver_url(value: str | None) -> str:
    """``MATRIX_HOMESERVER`` as the client will use it, or ``MatrixLoginError`` saying what is
    wrong: without an http(s) scheme and a host, every request would fail with aiohttp's
    traceback instead."""
    homeserver = (value or "").strip().rstrip("/")
    if not homeserver:
        raise MatrixLoginError("MATRIX_HOMESERVER is not set")
    problem = url_problem(homeserver)
    if problem:
        raise MatrixLoginError(
            f"MATRIX_HOMESERVER: expected the homeserver's http(s) URL, such as "
            f"https://matrix.example.org, got {homeserver!r} ({problem})"
        )
    return homeserver


async def connect(
    secrets: Secrets, settings: MatrixConfig
) -> tuple[AsyncClient, SessionState, bool]:
    """A logged-in client, its session state, and whether that state came from disk.

    With ``MATRIX_ACCESS_TOKEN`` the login is restored (``restore_login``, so ``user_id`` is
    known; missing ids come from ``/whoami``); the token wins over a password beside it. With
    ``MATRIX_PASSWORD`` the bot logs in with the stored (or configured) device id, so the
    homeserver reuses that device. A token that has expired (a soft logout) is no setting
    to fix when the password is set: the bot logs in with it, as it does when the token
    expires while it runs (``bot.matrix.renewal``).
    """
    homeserver = homeserver_url(secrets.matrix_homeserver)
    stored = SessionFile(settings.state_dir).load()
    if stored and (
        stored.homeserver != homeserver
        or (secrets.matrix_user_id and stored.user_id != secrets.matrix_user_id)
    ):
        log.warning("the stored Matrix session belongs to another account; starting afresh")
        stored = None
    # max_timeouts=0: a connection that fails raises at once, to be retried by the adapter
    # with a line naming the homeserver, where nio would retry on its own, forever, logging
    # only "Timed out, sleeping for N s". max_limit_exceeded=0 while logging in, for the
    # same reason: nio would ask again after every 429 forever, logging only "Got 429
    # response (ratelimited)", and a delay longer than the adapter's connect timeout would
    # read as a homeserver that does not answer. Once logged in, nio's own waiting out of
    # a rate-limited sync or join (it waits what the server asked) is what we want.
    config = AsyncClientConfig(
        encryption_enabled=False, store_sync_tokens=False, max_timeouts=0, max_limit_exceeded=0
    )
    device_id = secrets.matrix_device_id or (stored.device_id if stored else "")
    user_id = secrets.matrix_user_id or (stored.user_id if stored else "")
    client = AsyncClient(homeserver, user=user_id, device_id=device_id or None, config=config)
    try:
        if secrets.matrix_access_token:
            state = await _restore(
                client,
                homeserver,
                secrets.matrix_access_token,
                user_id,
                device_id,
                secrets.matrix_password,
            )
        elif secrets.matrix_password:
            state = await _password_login(client, secrets.matrix_password, user_id)
        else:
            raise MatrixLoginError("set MATRIX_ACCESS_TOKEN or MATRIX_PASSWORD to log in")
    except BaseException:
        await client.close()
        raise
    client.config = replace(config, max_limit_exceeded=None)
    state = replace(state, homeserver=homeserver)
    if stored and stored.user_id == state.user_id and stored.device_id == state.device_id:
        return client, replace(state, next_batch=stored.next_batch), bool(stored.next_batch)
    return client, state, False


async def _restore(
    client: AsyncClient,
    homeserver: str,
    token: str,
    user_id: str,
    device_id: str,
    password: str | None,
) -> SessionState:
    # /whoami even when the ids are known: a token the server no longer accepts must stop
    # the start, not surface later as a sync that fails over and over.
    client.access_token = token
    who = await client.whoami()
    _raise_if_temporary(who)
    if not isinstance(who, WhoamiResponse):
        refusal = token_refusal(who)
        if password and refusal is not None and refusal.soft_logout:
            return await _log_in_after_expiry(client, homeserver, password, refusal)
        # A session someone ended is not logged in again on their behalf, as while the bot
        # runs; the token wins over the password, so the password needs the token gone.
        if password:
            instead = "or unset it to log in with MATRIX_PASSWORD"
        else:
            instead = "or MATRIX_PASSWORD instead"
        raise MatrixLoginError(
            f"MATRIX_ACCESS_TOKEN was refused by {homeserver} ({said(who)}): "
            f"set a current access token of the bot's account, {instead}"
        )
    user_id = user_id or who.user_id
    # The device the homeserver says the token belongs to is the truth: a token minted on
    # another device than the stored session's (or MATRIX_DEVICE_ID's) would otherwise be
    # kept, and renewed after an expiry, under a device it does not belong to. The others
    # stand in only for a homeserver whose /whoami does not say.
    device_id = who.device_id or device_id
    client.restore_login(user_id, device_id, token)
    return SessionState(homeserver="", user_id=user_id, device_id=device_id)


async def _log_in_after_expiry(
    client: AsyncClient, homeserver: str, password: str, refusal: TokenRefusal
) -> SessionState:
    """The start's answer to ``MATRIX_ACCESS_TOKEN`` expired (a soft logout) beside
    ``MATRIX_PASSWORD``: a login with the password on the token's device.

    The spec keeps the device of a soft logout for this login, with its keys and its place
    in the account's device list; its id is the client's (``MATRIX_DEVICE_ID``, or the
    stored session's), since an expired token cannot ask ``/whoami``. Without one the
    homeserver makes a new device, which a warning says. Stopping instead would make the
    operator of a homeserver whose tokens expire mint a token by hand at every restart,
    while the running bot would have logged in on its own.
    """
    said_of_token = f"MATRIX_ACCESS_TOKEN has expired at {homeserver} ({refusal.said})"
    if not client.user:
        raise MatrixLoginError(
            f"{said_of_token}, and logging in with MATRIX_PASSWORD instead needs "
            "MATRIX_USER_ID (e.g. @briefbot:example.org): set it, or a new access token"
        )
    if not client.device_id:
        log.warning(
            "matrix: %s; its device is unknown (neither MATRIX_DEVICE_ID nor a stored "
            "session names it), so logging in with MATRIX_PASSWORD makes a new device",
            said_of_token,
        )
    try:
        state = await _password_login(client, password, client.user)
    except MatrixLoginError as exc:
        raise MatrixLoginError(
            f"{said_of_token}, and MATRIX_PASSWORD does not log the bot in either ({exc}): "
            "set the account's current password, or a new access token"
        ) from None
    log.info(
        "matrix: %s; logged in with MATRIX_PASSWORD on device %s",
        said_of_token,
        state.device_id,
    )
    return state


async def log_in_again(client: AsyncClient, password: str) -> None:
    """A new access token for the client's own user and device, by password: after a soft
    logout the homeserver keeps the device, so the bot stays the device it was. A password
    refused raises ``MatrixLoginError``; an outage or a rate limit, as at start."""
    # nio logs in as ``client.user``, which only a password login at start filled in.
    client.user = client.user_id
    # A 429 is raised to the caller, which says so and waits, as at start (see ``connect``).
    config = client.config
    client.config = replace(config, max_limit_exceeded=0)
    try:
        await _password_login(client, password, client.user_id)
    finally:
        client.config = config


async def _password_login(client: AsyncClient, password: str, user_id: str) -> SessionState:
    if not user_id:
        raise MatrixLoginError("MATRIX_PASSWORD needs MATRIX_USER_ID (e.g. @briefbot:example.org)")
    response = await client.login(password=password, device_name=DEVICE_NAME)
    _raise_if_temporary(response)
    if not isinstance(response, LoginResponse):
        raise MatrixLoginError(f"Matrix login for {user_id} failed: {response}")
    return SessionState(homeserver="", user_id=response.user_id, device_id=response.device_id)


def _raise_if_temporary(response: object) -> None:
    """A 5xx is the homeserver (or its proxy) failing, and a 429 its rate limit: neither is
    a verdict on the credentials, so neither may stop the bot as a bad setting would."""
    transport = getattr(response, "transport_response", None)
    if not isinstance(response, ErrorResponse) or transport is None:
        return
    if transport.status >= 500:
        raise HomeserverOutage(said(response))
    if transport.status == 429 or response.status_code == "M_LIMIT_EXCEEDED":
        # nio reads retry_after_ms but not the Retry-After header Synapse sends beside it.
        reply = HttpReply(
            transport.status,
            data={"retry_after_ms": response.retry_after_ms},
            headers={"Retry-After": transport.headers.get("Retry-After", "")},
        )
        raise HomeserverRateLimit(said(response), retry_delay(reply))


def said(error: ErrorResponse) -> str:
    """What the homeserver answered: the HTTP status, its error code and its message."""
    response = getattr(error, "transport_response", None)
    status = f"HTTP {response.status}" if response is not None else None
    return " ".join(str(part) for part in (status, error.status_code, error.message) if part)
