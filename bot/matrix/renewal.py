"""The bot's login while it runs: logged in again after a soft logout, or ended in one line.

A homeserver stops taking an access token for one of two reasons (spec, "soft logout"). The
token expired while the device lives on (``soft_logout: true``, Synapse's
``nonrefreshable_access_token_lifetime``): with ``MATRIX_PASSWORD`` the bot logs in again on
the same device and carries on, since stopping a bot whose homeserver lets tokens expire
would stop it every few hours for nothing. A new token refused before any request went
through is not logged in again, which would go on in a loop. Or the session was ended (the
token revoked, the device signed out by someone or deleted by an admin, the password
changed): the bot does not log in again on its own even with a password at hand, since
someone ended that session on purpose and a restart is for the operator to decide; the
spec says what the client kept of such a session must not be reused (``session_ended``).

Either way, a login that cannot go on ends with a ``MatrixLoginError`` naming the setting
to fix, which ``ended()`` returns: the adapter raises it and ``briefbot run`` stops, as for
credentials refused at start. A homeserver out of reach or rate-limiting the new login is
asked again after a growing wait, one line an attempt, as at start.
"""

from __future__ import annotations

import asyncio
import logging

from nio import AsyncClient

from bot.backoff import Backoff
from bot.config import Secrets
from bot.matrix.client import (
    UNREACHABLE,
    HomeserverRateLimit,
    MatrixLoginError,
    TokenRefusal,
    log_in_again,
    token_refusal,
)

log = logging.getLogger(__name__)

# How long a request refused for an expired token waits for the new login before it counts
# as failed like a homeserver out of reach (its caller's own retries take over).
LOGIN_WAIT_S = 30.0


class LoginRenewal:
    """Hears every token the homeserver took or refused (``TokenKeeper``), and decides."""

    def __init__(
        self,
        client: AsyncClient,
        homeserver: str,
        secrets: Secrets,
        backoff: Backoff,
        timeout: float,
    ) -> None:
        self.client = client
        self.homeserver = homeserver
        self.password = secrets.matrix_password
        # The variable a restart logs in with: connect() prefers the token, and tries it
        # first again even when it had expired at start and the password logged the bot in.
        self.by_token = bool(secrets.matrix_access_token)
        self.backoff = backoff
        self.timeout = timeout
        # The homeserver ended the session: the stored device must not be used again.
        self.session_ended = False
        self._token = client.access_token
        self._fresh = False  # the token came from logging in again; no request took it yet
        self._renewing: asyncio.Task[None] | None = None
        self._error: MatrixLoginError | None = None
        self._over = asyncio.Event()

    async def ended(self) -> MatrixLoginError:
        """Waits until the login cannot go on: the one-line error that says why."""
        await self._over.wait()
        assert self._error is not None
        return self._error

    def accepted(self, token: str) -> None:
        if token == self._token:
            self._fresh = False

    async def refused(self, token: str, answer: object, wait: float | None = LOGIN_WAIT_S) -> bool:
        """After the homeserver refused ``token``: True once another token is in place to ask
        again with; False for an answer that refuses no token, or when the login is over.

        Waits for the new login at most ``wait`` seconds (``None``: as long as it takes),
        then raises ``OSError``, as a homeserver out of reach does, and the caller tries
        again later as it would then.
        """
        refusal = token_refusal(answer)
        if refusal is None:
            return False
        if not self.client.access_token:
            # nio drops the token of a soft logout it saw; requests until the new login
            # keep the old one, are refused, and so wait for that login here too.
            self.client.access_token = self._token
        if self._renewing is None and self._error is None and token == self._token:
            self._decide(refusal)
        if self._renewing is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._renewing), wait)
            except TimeoutError:
                raise OSError(
                    f"the bot's access token expired, and logging in again to {self.homeserver} "
                    "has not succeeded yet"
                ) from None
        return self._error is None

    async def close(self) -> None:
        if self._renewing is not None:
            self._renewing.cancel()
            await asyncio.gather(self._renewing, return_exceptions=True)

    def _decide(self, refusal: TokenRefusal) -> None:
        if refusal.soft_logout and self.password and not self._fresh:
            self._renewing = asyncio.create_task(self._log_in_again(), name="matrix-login")
            return
        self._end(self._refused(refusal))

    def _refused(self, refusal: TokenRefusal) -> MatrixLoginError:
        where, said = self.homeserver, refusal.said
        if self._fresh:
            return MatrixLoginError(
                f"{where} refused the access token it had just given the bot on logging in "
                f"again with MATRIX_PASSWORD ({said}); briefbot stops rather than log in over "
                "and over: restart it, and ask the homeserver's admin if this happens again"
            )
        if refusal.soft_logout:
            return MatrixLoginError(
                f"MATRIX_ACCESS_TOKEN has expired at {where} ({said}): set a new access "
                "token of the bot's account, or MATRIX_PASSWORD (with MATRIX_USER_ID), with "
                "which briefbot logs in again on its own when a token expires, and restart "
                "briefbot"
            )
        self.session_ended = True
        if self.by_token:
            # The token wins over a password at start: a restart would use it again.
            instead = (
                "or unset it to log in with MATRIX_PASSWORD"
                if self.password
                else "or MATRIX_PASSWORD instead"
            )
            return MatrixLoginError(
                f"MATRIX_ACCESS_TOKEN is no longer accepted by {where} ({said}): it was "
                "revoked, or its device was signed out; set a new access token of the bot's "
                f"account ({instead}) and restart briefbot"
            )
        return MatrixLoginError(
            f"{where} ended the bot's session (device {self.client.device_id}) ({said}): it "
            "was signed out, or the account's password changed; check MATRIX_PASSWORD and "
            "restart briefbot, which then logs in on a new device"
        )

    def _end(self, error: MatrixLoginError) -> None:
        self._error = error
        self._over.set()

    async def _log_in_again(self) -> None:
        assert self.password
        failures = 0
        try:
            while True:
                try:
                    await asyncio.wait_for(log_in_again(self.client, self.password), self.timeout)
                except MatrixLoginError as exc:
                    self._end(
                        MatrixLoginError(
                            f"the bot's access token expired at {self.homeserver}, and "
                            f"MATRIX_PASSWORD no longer logs it in ({exc}): set the account's "
                            "current password and restart briefbot"
                        )
                    )
                    return
                except HomeserverRateLimit as exc:
                    failures += 1
                    delay = max(exc.retry_after, self.backoff.delay(failures))
                    reason = f"rate-limited: {exc}"
                except UNREACHABLE as exc:
                    failures += 1
                    delay = self.backoff.delay(failures)
                    reason = str(exc) or f"no answer within {self.timeout:.0f} s"
                else:
                    self._token, self._fresh = self.client.access_token, True
                    log.info(
                        "matrix: the access token expired (soft logout); logged in again "
                        "with MATRIX_PASSWORD on device %s",
                        self.client.device_id,
                    )
                    return
                log.warning(
                    "matrix: logging in again to %s (MATRIX_HOMESERVER) after the access "
                    "token expired failed: %s; attempt %d, trying again in %.0f s",
                    self.homeserver,
                    reason,
                    failures,
                    delay,
                )
                await asyncio.sleep(delay)
        finally:
            self._renewing = None
