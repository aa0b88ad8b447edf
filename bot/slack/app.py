"""Building the Bolt app and its Web API client from the environment's tokens.

Nothing here talks to Slack: ``authorize`` answers from ``SLACK_BOT_TOKEN`` instead of
calling ``auth.test``, so the bot starts with Slack unreachable and the first request is
not slowed by a lookup. The client points at ``SLACK_API_URL`` when set (proxies,
Enterprise Grid, the test stand-in) and waits out ``429 Retry-After`` before retrying.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.logger import get_bolt_logger
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.listeners import SUMMARIZE_SHORTCUT, SlackListeners
from bot.slack.replies import SHARE_ACTION

DEFAULT_API_URL = "https://slack.com/api/"
RATE_LIMIT_RETRIES = 3


def build_web_client(
    token: str | None,
    api_url: str | None = None,
    timeout: int = 30,
    rate_limit_retries: int = RATE_LIMIT_RETRIES,
    retries: bool = True,
) -> AsyncWebClient:
    """The Web API client; ``rate_limit_retries=0`` leaves 429s to the caller, as the thread
    reader needs so that its time budget covers the waits, and ``retries=False`` leaves every
    failure to the caller, as Socket Mode's start needs to log each attempt."""
    base_url = api_url or DEFAULT_API_URL
    if not base_url.endswith("/"):
        base_url += "/"
    handlers: list[AsyncRetryHandler] = [_NoRepeatedPosts()] if retries else []
    if retries and rate_limit_retries > 0:
        # slack_sdk sleeps for the Retry-After header's seconds (plus jitter) first.
        handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=rate_limit_retries))
    return AsyncWebClient(token=token, base_url=base_url, timeout=timeout, retry_handlers=handlers)


class _NoRepeatedPosts(AsyncConnectionErrorRetryHandler):
    """The client's retry of a dropped connection, except for a post: Slack may have taken
    it before the connection dropped, and sending it again would post it twice. The
    destination looks for the post before sending it again (``SlackDestination._landed``)."""

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if request.url.rstrip("/").endswith("/chat.postMessage"):
            return False
        return await super()._can_retry_async(
            state=state, request=request, response=response, error=error
        )


class _UnusedTokenWarning(logging.Filter):
    """Drops Bolt's warning that it will not use ``token``, which it gives at every start.

    Bolt reads ``SLACK_BOT_TOKEN`` from the environment by itself, the variable this bot
    takes its token from as well, and warns when a ``client`` is given beside it. No token is
    passed here; ``authorize`` hands it to each request."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


_BOLT_LOG = get_bolt_logger(AsyncApp)
_NO_UNUSED_TOKEN_WARNING = _UnusedTokenWarning()


def build_bolt_app(
    listeners: SlackListeners,
    client: AsyncWebClient,
    bot_token: str,
    signing_secret: str | None,
) -> AsyncApp:
    """The Bolt app with our listeners; ``signing_secret`` None means Socket Mode."""

    async def authorize(**_: Any) -> AuthorizeResult:
        return AuthorizeResult(enterprise_id=None, team_id=None, bot_token=bot_token)

    _BOLT_LOG.addFilter(_NO_UNUSED_TOKEN_WARNING)  # once: a filter is added only once
    app = AsyncApp(
        # Bolt copies this client per request and sets the token ``authorize`` returns;
        # a token here as well would only make Bolt warn that it ignores it.
        client=build_web_client(None, client.base_url, client.timeout),
        authorize=authorize,
        signing_secret=signing_secret or "",
        request_verification_enabled=signing_secret is not None,
        raise_error_for_unhandled_request=False,
    )

    # Bolt injects listener arguments by parameter name; these shims keep that
    # convention out of SlackListeners.
    @app.command("/brief")
    async def on_brief(ack: Any, body: dict[str, Any], respond: Any) -> None:
        await listeners.command(ack, body, respond)

    @app.action(SHARE_ACTION)
    async def on_share(ack: Any, body: dict[str, Any], respond: Any) -> None:
        await listeners.share(ack, body, respond)

    @app.event("app_mention")
    async def on_mention(ack: Any, body: dict[str, Any]) -> None:
        await listeners.mention(ack, body)

    @app.shortcut(SUMMARIZE_SHORTCUT)
    async def on_summarize(ack: Any, body: dict[str, Any], respond: Any) -> None:
        await listeners.shortcut(ack, body, respond)

    return app
