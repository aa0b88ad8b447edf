"""What a token the homeserver refuses while the bot runs leads to: a new login after a soft
logout with MATRIX_PASSWORD, once per refusal; otherwise the end, in one line naming the
setting. Outages and rate limits are no refusal of the token.

The homeserver here is a stand-in client whose logins are scripted; the integration tests
(``tests/integration/matrix/test_soft_logout.py``, ``test_token_refused.py``) do the same
against a real Synapse, where these cases cannot be produced on demand.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
from nio import AsyncClientConfig, LoginError, LoginResponse, SyncError

from bot.backoff import Backoff
from bot.config import Secrets
from bot.matrix.client import TokenRefusal, token_refusal
from bot.matrix.renewal import LoginRenewal
from bot.matrix.transport import HttpReply

pytestmark = pytest.mark.unit

HOMESERVER = "https://matrix.example.org"
PASSWORD = Secrets(matrix_user_id="@bot:example.org", matrix_password="pw")
TOKEN_ONLY = Secrets(matrix_access_token="t0")
QUICK = Backoff(first=0.01, ceiling=0.01)


def expired() -> HttpReply:
    body = {"errcode": "M_UNKNOWN_TOKEN", "error": "Access token has expired", "soft_logout": True}
    return HttpReply(401, body)


def revoked() -> HttpReply:
    return HttpReply(401, {"errcode": "M_UNKNOWN_TOKEN", "error": "Invalid access token passed."})


class Homeserver:
    """An ``AsyncClient`` as far as logging in again goes: each login answers the next
    scripted answer (a new token by default), after ``delay`` seconds."""

    def __init__(self, *answers: Any, delay: float = 0.0) -> None:
        self.user_id, self.device_id, self.user = "@bot:example.org", "DEVICE", ""
        self.access_token = "t0"
        self.answers = list(answers)
        self.delay = delay
        self.logins: list[tuple[str, str]] = []
        # nio's settings; a login must fail at a 429 rather than wait in nio.
        self.config = AsyncClientConfig(max_limit_exceeded=None)
        self.limits_during_login: list[int | None] = []

    async def login(self, password: str, device_name: str = "") -> Any:
        self.logins.append((self.user, self.device_id))
        self.limits_during_login.append(self.config.max_limit_exceeded)
        await asyncio.sleep(self.delay)
        answer = self.answers.pop(0) if self.answers else None
        if isinstance(answer, BaseException):
            raise answer
        if answer is None:
            answer = LoginResponse(self.user_id, self.device_id, f"t{len(self.logins)}")
        if isinstance(answer, LoginResponse):
            self.access_token = answer.access_token
        return answer


def renewal(client: Homeserver, secrets: Secrets = PASSWORD) -> LoginRenewal:
    return LoginRenewal(client, HOMESERVER, secrets, QUICK, timeout=1.0)  # type: ignore[arg-type]


def test_only_an_unknown_token_is_a_refusal_and_soft_logout_says_which_kind() -> None:
    assert token_refusal(expired()) == TokenRefusal(
        "HTTP 401 M_UNKNOWN_TOKEN: Access token has expired", soft_logout=True
    )
    assert token_refusal(revoked()) == TokenRefusal(
        "HTTP 401 M_UNKNOWN_TOKEN: Invalid access token passed.", soft_logout=False
    )
    soft = SyncError("Access token has expired", "M_UNKNOWN_TOKEN", soft_logout=True)
    assert token_refusal(soft) == TokenRefusal(
        "M_UNKNOWN_TOKEN Access token has expired", soft_logout=True
    )
    # Near misses: an outage, a rate limit, a room refused, a 401 of a proxy, no answer.
    for answer in (
        HttpReply(502),
        HttpReply(429, {"errcode": "M_LIMIT_EXCEEDED"}),
        HttpReply(403, {"errcode": "M_FORBIDDEN"}),
        HttpReply(401),
        SyncError("Too Many Requests", "M_LIMIT_EXCEEDED"),
        SyncError("unknown error"),
        TimeoutError(),
        OSError("connection refused"),
    ):
        assert token_refusal(answer) is None, answer


def test_a_soft_logout_logs_in_again_once_on_the_same_device_for_everyone_refused() -> None:
    client = Homeserver(delay=0.01)
    login = renewal(client)

    async def scenario() -> list[bool]:
        # The sync and two sends meet the expired token at about the same time.
        return list(await asyncio.gather(*(login.refused("t0", expired()) for _ in range(3))))

    assert asyncio.run(scenario()) == [True, True, True]
    assert client.logins == [("@bot:example.org", "DEVICE")]
    assert client.access_token == "t1"
    # The login met a 429 as one to report and wait out (nio would wait on its own, and a
    # long wait read as a homeserver out of reach); the setting is restored afterwards.
    assert client.limits_during_login == [0]
    assert client.config.max_limit_exceeded is None


def test_a_request_refused_with_a_token_already_replaced_asks_again_without_a_login() -> None:
    client = Homeserver()
    login = renewal(client)

    async def scenario() -> bool:
        assert await login.refused("t0", expired())
        return await login.refused("t0", expired())  # in flight before the new login

    assert asyncio.run(scenario()) is True
    assert len(client.logins) == 1


def test_a_new_token_refused_before_any_request_took_it_ends_the_login() -> None:
    client = Homeserver()
    login = renewal(client)

    async def scenario() -> tuple[bool, str]:
        assert await login.refused("t0", expired())
        refused_again = await login.refused("t1", expired())
        return refused_again, str(await login.ended())

    refused_again, message = asyncio.run(scenario())
    assert refused_again is False and len(client.logins) == 1
    assert "refused the access token it had just given the bot" in message
    assert "MATRIX_PASSWORD" in message and "restart" in message


def test_a_new_token_that_was_taken_is_renewed_when_it_expires_in_turn() -> None:
    client = Homeserver()
    login = renewal(client)

    async def scenario() -> None:
        assert await login.refused("t0", expired())
        login.accepted("t1")
        assert await login.refused("t1", expired())

    asyncio.run(scenario())
    assert client.access_token == "t2" and len(client.logins) == 2


def test_a_session_ended_is_not_logged_in_again_even_with_a_password() -> None:
    client = Homeserver()
    login = renewal(client)

    async def scenario() -> tuple[bool, str]:
        return await login.refused("t0", revoked()), str(await login.ended())

    refused, message = asyncio.run(scenario())
    assert refused is False and client.logins == []
    assert login.session_ended
    assert message.startswith(f"{HOMESERVER} ended the bot's session (device DEVICE) (HTTP 401")
    assert "check MATRIX_PASSWORD and restart briefbot" in message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (revoked(), "MATRIX_ACCESS_TOKEN is no longer accepted by"),
        (expired(), "MATRIX_ACCESS_TOKEN has expired at"),
    ],
)
def test_a_token_without_a_password_ends_the_login_naming_it(answer: HttpReply, words: str) -> None:
    client = Homeserver()
    login = renewal(client, TOKEN_ONLY)

    async def scenario() -> str:
        assert not await login.refused("t0", answer)
        return str(await login.ended())

    message = asyncio.run(scenario())
    assert message.startswith(f"{words} {HOMESERVER} (HTTP 401 M_UNKNOWN_TOKEN")
    assert client.logins == []
    # Only a session the homeserver ended is forgotten; an expired token keeps its device.
    assert login.session_ended is (answer.data.get("soft_logout") is not True)


def test_a_password_refused_when_logging_in_again_ends_the_login_naming_it() -> None:
    client = Homeserver(LoginError("Invalid username or password", "M_FORBIDDEN"))
    login = renewal(client)

    async def scenario() -> tuple[bool, str]:
        return await login.refused("t0", expired()), str(await login.ended())

    refused, message = asyncio.run(scenario())
    assert refused is False
    assert "MATRIX_PASSWORD no longer logs it in" in message and "M_FORBIDDEN" in message
    assert not login.session_ended


def test_a_homeserver_out_of_reach_for_the_new_login_is_asked_again(
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = Homeserver(OSError("connection refused"))
    login = renewal(client)
    with caplog.at_level(logging.WARNING):
        assert asyncio.run(login.refused("t0", expired())) is True
    assert len(client.logins) == 2 and client.access_token == "t2"
    [line] = [r.getMessage() for r in caplog.records]
    assert f"logging in again to {HOMESERVER} (MATRIX_HOMESERVER)" in line
    assert "connection refused; attempt 1" in line


def test_a_request_waits_for_the_new_login_only_so_long_then_fails_as_out_of_reach() -> None:
    client = Homeserver(delay=0.5)
    login = renewal(client)

    async def scenario() -> bool:
        with pytest.raises(OSError, match=r"logging in again to .* has not succeeded yet"):
            await login.refused("t0", expired(), wait=0.01)
        return await login.refused("t0", expired(), wait=None)  # the sync loop waits it out

    assert asyncio.run(scenario()) is True
    assert len(client.logins) == 1


def test_a_token_revoked_beside_a_password_says_to_unset_it_since_it_wins_at_start() -> None:
    both = Secrets(
        matrix_user_id="@bot:example.org", matrix_access_token="t0", matrix_password="pw"
    )
    login = renewal(Homeserver(), both)

    async def scenario() -> str:
        assert not await login.refused("t0", revoked())
        return str(await login.ended())

    assert "or unset it to log in with MATRIX_PASSWORD" in asyncio.run(scenario())
