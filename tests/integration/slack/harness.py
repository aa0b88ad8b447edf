"""Driving the running Slack app the way Slack does: real HTTP on 127.0.0.1, bodies shaped
like Slack's, signed with the app's signing secret (``v0:{timestamp}:{body}``)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

from bot.app import Services, build_services
from bot.delivery import DeliveryRouter
from bot.file_ingest import ingest_paths
from bot.slack import SlackAdapter
from tests.conftest import SEED_DIR, make_config
from tests.integration.slack.standin import SlackStandIn

SECRET = "test-signing-secret-8f1d"
BOT_TOKEN = "xoxb-test-token-never-logged"
CHANNEL = "C0NEWS"
USER = "U0ALICE"


def signature(secret: str, timestamp: int, body: str) -> str:
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def command_form(text: str, response_url: str, channel: str = CHANNEL) -> str:
    return urlencode(
        {
            "token": "legacy-verification-token",
            "team_id": "T0001",
            "team_domain": "newsdesk",
            "channel_id": channel,
            "channel_name": "news",
            "user_id": USER,
            "user_name": "alice",
            "command": "/brief",
            "text": text,
            "api_app_id": "A0BRIEF",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": "1337.42.abcdef",
        }
    )


def event_json(event: dict[str, Any], event_id: str) -> str:
    return json.dumps(
        {
            "token": "legacy-verification-token",
            "team_id": "T0001",
            "api_app_id": "A0BRIEF",
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [
                {
                    "team_id": "T0001",
                    "user_id": "UBOT",
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
        }
    )


def interactive_form(payload: dict[str, Any]) -> str:
    base = {
        "token": "legacy-verification-token",
        "api_app_id": "A0BRIEF",
        "team": {"id": "T0001", "domain": "newsdesk"},
        "user": {"id": USER, "username": "alice", "team_id": "T0001"},
        "is_enterprise_install": False,
        "trigger_id": "1337.42.abcdef",
    }
    return urlencode({"payload": json.dumps({**base, **payload})})


def share_click(value: str, response_url: str, channel: str = CHANNEL) -> str:
    return interactive_form(
        {
            "type": "block_actions",
            "container": {
                "type": "message",
                "message_ts": "1700000000.000001",
                "channel_id": channel,
                "is_ephemeral": True,
            },
            "channel": {"id": channel, "name": "news"},
            "response_url": response_url,
            "actions": [
                {
                    "action_id": "share_brief",
                    "block_id": "b1",
                    "text": {"type": "plain_text", "text": "Share in channel"},
                    "value": value,
                    "type": "button",
                    "action_ts": "1700000001.000001",
                }
            ],
        }
    )


def message_shortcut(message: dict[str, Any], response_url: str, channel: str = CHANNEL) -> str:
    return interactive_form(
        {
            "type": "message_action",
            "callback_id": "summarize_thread",
            "response_url": response_url,
            "channel": {"id": channel, "name": "news"},
            "message": {"type": "message", **message},
            "message_ts": message["ts"],
        }
    )


@dataclass
class SlackHarness:
    standin: SlackStandIn
    services: Services
    adapter: SlackAdapter
    http: httpx.AsyncClient

    @property
    def events_url(self) -> str:
        return f"http://127.0.0.1:{self.adapter.port}/slack/events"

    async def post(
        self,
        body: str,
        content_type: str = "application/x-www-form-urlencoded",
        *,
        secret: str = SECRET,
        age: int = 0,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        timestamp = int(time.time()) - age
        return await self.http.post(
            self.events_url,
            content=body.encode(),
            headers={
                "Content-Type": content_type,
                "X-Slack-Request-Timestamp": str(timestamp),
                "X-Slack-Signature": signature(secret, timestamp, body),
                **(headers or {}),
            },
        )

    async def command(self, text: str, hook: str, **kwargs: Any) -> httpx.Response:
        return await self.post(command_form(text, self.standin.hook(hook)), **kwargs)

    async def event(self, event: dict[str, Any], event_id: str, **kwargs: Any) -> httpx.Response:
        return await self.post(event_json(event, event_id), "application/json", **kwargs)


@asynccontextmanager
async def running_slack(
    tmp_path: Path, standin: SlackStandIn, seed: bool = True, env: dict[str, str] | None = None
) -> AsyncIterator[SlackHarness]:
    config = make_config(
        tmp_path,
        env={
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": standin.url,
            "BRIEFBOT_HTTP_HOST": "127.0.0.1",
            "BRIEFBOT_HTTP_PORT": "0",
            **(env or {}),
        },
    )
    services = build_services(config)
    if seed:
        ingest_paths(services.pipeline, [SEED_DIR], config.ingest_max_bytes)
    adapter = SlackAdapter(services, DeliveryRouter())
    await adapter.start()
    try:
        async with httpx.AsyncClient(timeout=10) as http:
            yield SlackHarness(standin, services, adapter, http)
    finally:
        await adapter.stop()
        services.close()
