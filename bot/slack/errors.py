"""What went wrong in a Slack Web API call, in a few words, whatever the answer looked
like: an ``ok: false`` error code, an HTTP status with an HTML body from a proxy, or a
connection that never happened ("cannot reach Slack at slack.com:443 (connection refused)").
These words go to logs and delivery records, never a token or a request body; and how long
a ``429`` asked us to wait."""

from __future__ import annotations

import socket

from aiohttp import ClientConnectionError, ClientConnectorError, ServerDisconnectedError
from slack_sdk.errors import SlackApiError, SlackClientError

# What Slack calls can raise besides SlackApiError: no connection, a timeout, a body
# that was not JSON.
TRANSPORT_ERRORS: tuple[type[BaseException], ...] = (
    SlackClientError,
    OSError,
    TimeoutError,
    ValueError,
)


# A connection that dropped or was refused: the client's own retry of these is kept for
# every call but a post, which it could repeat (see ``bot.slack.app``).
CONNECTION_ERRORS: tuple[type[BaseException], ...] = (ClientConnectionError,)


# Error codes that mean Slack refuses the bot's token itself: every call fails the same way
# until SLACK_BOT_TOKEN is fixed, so retrying them only hides the setting to fix.
AUTH_ERRORS = frozenset({"invalid_auth", "not_authed", "token_revoked", "account_inactive"})

# chat.postMessage refusals about the channel (from the method's documented errors), each
# with what to do about it. Every attempt fails alike until someone acts in Slack (invites
# the bot, changes a setting), so a digest is given up at its first attempt, saying so,
# instead of being retried for two hours in vain; the next day's digest then brings the news
# since the last one delivered. Rate limits, Slack's own failures and unknown codes are
# retried as before.
_UNFOLLOW = "or stop the digest here with `/brief unfollow <topic>`"
CHANNEL_REFUSALS: dict[str, str] = {
    "not_in_channel": f"the bot is not in this channel: invite it with /invite, {_UNFOLLOW}",
    "channel_not_found": (
        "no such channel, or a private one the bot was not invited to: invite it there with "
        f"/invite, {_UNFOLLOW} (or fix the follow's channel id)"
    ),
    "is_archived": f"the channel is archived: unarchive it, {_UNFOLLOW}",
    "restricted_action": (
        f"a workspace setting does not let the bot post here: ask a workspace admin, {_UNFOLLOW}"
    ),
    "restricted_action_read_only_channel": (
        f"the channel is read-only: ask a workspace admin to let the bot post, {_UNFOLLOW}"
    ),
    "restricted_action_thread_only_channel": (
        "the channel takes only thread replies, and a digest opens with a message of its own: "
        f"ask a workspace admin, {_UNFOLLOW}"
    ),
    "restricted_action_non_threadable_channel": (
        "the channel takes no thread replies, and a long digest goes on in its thread: "
        f"ask a workspace admin, {_UNFOLLOW}"
    ),
    "ekm_access_denied": (
        "the workspace's admins have suspended posting (Enterprise Key Management): "
        f"ask them, {_UNFOLLOW}"
    ),
}

# Error codes at start-up that say a token is wrong (or lacks what the bot needs), not that
# Slack is having trouble: asking again cannot help, the operator has to set another token.
TOKEN_ERRORS = frozenset(
    {
        "invalid_auth",
        "not_authed",
        "account_inactive",
        "token_revoked",
        "token_expired",
        "not_allowed_token_type",
        "missing_scope",
        "no_permission",
        "team_access_not_granted",
    }
)


def refused_token(exc: BaseException) -> str | None:
    """The error code when Slack refused the call's token, else None."""
    if isinstance(exc, SlackApiError) and exc.response is not None:
        data = exc.response.data
        error = data.get("error") if isinstance(data, dict) else None
        if error in TOKEN_ERRORS:
            return str(error)
    return None


def api_error(exc: BaseException) -> str:
    if isinstance(exc, SlackApiError) and exc.response is not None:
        data = exc.response.data
        if isinstance(data, dict) and data.get("error"):
            return str(data["error"])
        return f"HTTP {exc.response.status_code}"
    if isinstance(exc, ClientConnectorError):
        return f"cannot reach Slack at {exc.host}:{exc.port} ({_os_reason(exc.os_error)})"
    if isinstance(exc, ServerDisconnectedError):
        return "Slack closed the connection without an answer"
    if isinstance(exc, ClientConnectionError):
        return f"the connection to Slack failed ({exc or type(exc).__name__})"
    if isinstance(exc, TimeoutError):
        return "Slack did not answer in time"
    if isinstance(exc, OSError):
        return f"cannot reach Slack ({_os_reason(exc)})"
    return type(exc).__name__


def _os_reason(exc: OSError) -> str:
    """A refused or unresolvable connection in a few words ("connection refused")."""
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return "host name not found"
    if isinstance(exc, TimeoutError):
        return "connection timed out"
    return (exc.strerror or str(exc) or type(exc).__name__).lower()


def retry_after(exc: BaseException) -> float | None:
    """Seconds a ``429`` asked us to wait (at least one), or None for any other failure."""
    if not isinstance(exc, SlackApiError) or exc.response is None:
        return None
    if exc.response.status_code != 429:
        return None
    for name, value in (exc.response.headers or {}).items():
        if name.lower() == "retry-after":
            first = value[0] if isinstance(value, list) and value else value
            seconds = str(first).strip()
            # ("²" is a digit to str.isdigit, and no number to float.)
            return max(1.0, float(seconds)) if seconds.isascii() and seconds.isdigit() else 1.0
    return 1.0
