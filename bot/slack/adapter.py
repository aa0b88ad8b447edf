"""The Slack adapter ``briefbot run`` starts: tokens from the environment, the mode they
imply (Socket Mode with ``SLACK_APP_TOKEN``, else HTTP mode with ``SLACK_SIGNING_SECRET``),
and the ``slack:`` destination the scheduler posts digests through."""

from __future__ import annotations

from bot.app import Services
from bot.backoff import Backoff
from bot.config import ConfigError
from bot.delivery import DeliveryRouter
from bot.slack.app import build_bolt_app, build_web_client
from bot.slack.destination import SlackDestination
from bot.slack.listeners import SlackListeners
from bot.slack.server import HttpServer, SocketModeServer


class SlackAdapter:
    """One Slack workspace, served over HTTP or Socket Mode."""

    name = "slack"

    def __init__(
        self,
        services: Services,
        router: DeliveryRouter | None = None,
        backoff: Backoff | None = None,
    ) -> None:
        config = services.config
        secrets = config.secrets
        if not secrets.slack_bot_token:
            raise ConfigError(
                "SLACK_BOT_TOKEN is not set: the Slack app needs its bot token (xoxb-…) "
                "from the app's OAuth & Permissions page"
            )
        if not (secrets.slack_app_token or secrets.slack_signing_secret):
            raise ConfigError(
                "SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET nor SLACK_APP_TOKEN "
                "is: Slack needs SLACK_SIGNING_SECRET beside it (HTTP mode) or "
                "SLACK_APP_TOKEN (Socket Mode)"
            )
        self.services = services
        self.router = router
        self.client = build_web_client(secrets.slack_bot_token, secrets.slack_api_url)
        self.destination = SlackDestination(self.client, services.renderer)
        self.listeners = SlackListeners(
            services,
            self.client,
            self.destination,
            thread_client=build_web_client(
                secrets.slack_bot_token, secrets.slack_api_url, rate_limit_retries=0
            ),
        )
        self.mode = "socket" if secrets.slack_app_token else "http"
        self.app = build_bolt_app(
            self.listeners,
            self.client,
            secrets.slack_bot_token,
            None if secrets.slack_app_token else secrets.slack_signing_secret,
        )
        self.server: HttpServer | SocketModeServer
        if secrets.slack_app_token:
            self.server = SocketModeServer(
                self.app,
                secrets.slack_bot_token,
                secrets.slack_app_token,
                secrets.slack_api_url,
                backoff,
            )
        else:
            assert secrets.slack_signing_secret  # checked above: no app token means a secret
            self.server = HttpServer(
                self.app, secrets.slack_signing_secret, config.http_host, config.http_port
            )

    @property
    def port(self) -> int | None:
        """The HTTP port actually bound (useful with port 0); None in Socket Mode."""
        return self.server.port

    async def start(self) -> None:
        await self.server.start()

    async def stop(self) -> None:
        await self.server.stop()

    async def serving(self) -> None:
        """Returns never; raises what ended the adapter for good once it had started."""
        await self.server.serving()
