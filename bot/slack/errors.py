"""What went wrong in a Slack Web API call, in a few words, whatever the answer looked
like: an ``ok: false`` error code, an HTTP status with an HTML body from a proxy, or a
connection that never happened. These words go to logs and delivery records, never a
token or a request body."""

from __future__ import annotations

from slack_sdk.errors import SlackApiError, SlackClientError

# What Slack calls can raise besides SlackApiError: no connection, a timeout, a body
# that was not JSON.
TRANSPORT_ERRORS: tuple[type[BaseException], ...] = (
    SlackClientError,
    OSError,
    TimeoutError,
    ValueError,
)


def api_error(exc: BaseException) -> str:
    if isinstance(exc, SlackApiError) and exc.response is not None:
        data = exc.response.data
        if isinstance(data, dict) and data.get("error"):
            return str(data["error"])
        return f"HTTP {exc.response.status_code}"
    return type(exc).__name__
