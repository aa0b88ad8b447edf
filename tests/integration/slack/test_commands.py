"""/brief over real signed HTTP: ack at once, the brief through response_url, sharing."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from tests.integration.slack.harness import running_slack
from tests.integration.slack.standin import SlackStandIn

pytestmark = pytest.mark.integration


def _blocks_text(body: dict) -> str:
    return json.dumps(body.get("blocks", []), ensure_ascii=False)


def test_brief_is_acked_empty_then_answered_ephemeral_with_share_button(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    async def scenario() -> None:
        async with running_slack(tmp_path, standin) as slack:
            response = await slack.command("donbass", "brief-1")
            assert response.status_code == 200
            assert response.text == ""
            await standin.wait_for(lambda: standin.hook_calls("brief-1"), what="the brief")
            first = standin.hook_calls("brief-1")[0].body
            assert first["response_type"] == "ephemeral"
            assert "Brief: donbass" in _blocks_text(first)
            await standin.wait_for(
                lambda: "share_brief" in _blocks_text(standin.hook_calls("brief-1")[-1].body),
                what="the share button",
            )
            assert not standin.api_calls("auth.test")  # start-up and commands need no lookup

    asyncio.run(scenario())
