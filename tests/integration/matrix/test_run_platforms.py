"""``serve``, the loop of ``briefbot run``, with both platforms configured: each starts on
its own, so Slack out of reach does not keep Matrix (or the scheduler) from working.

Matrix is the real Synapse; Slack is in Socket Mode with a Web API URL on a port nothing
listens on, so every attempt to open its connection is refused.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from bot.runtime import serve
from tests.conftest import closed_port, make_config
from tests.integration.matrix.homeserver import Homeserver, MatrixUser
from tests.integration.matrix.human import Human, notices_from

pytestmark = pytest.mark.integration

STOP_WAIT_S = 30.0  # a bound on waiting for the loop to end, never a speed requirement


def test_matrix_answers_while_slack_socket_mode_cannot_connect(
    homeserver: Homeserver,
    bot_user: MatrixUser,
    alice: MatrixUser,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    env = {
        "MATRIX_HOMESERVER": homeserver.url,
        "MATRIX_USER_ID": bot_user.user_id,
        "MATRIX_PASSWORD": bot_user.password,
        "SLACK_BOT_TOKEN": "xoxb-test-bot-token",
        "SLACK_APP_TOKEN": "xapp-test-app-token",
        "SLACK_API_URL": f"http://127.0.0.1:{closed_port()}/api/",
    }
    config = make_config(tmp_path, env=env)

    async def scenario() -> str:
        stop = asyncio.Event()
        serving = asyncio.create_task(serve(config, stop))
        try:
            async with Human(homeserver, alice) as person:
                room = await person.create_room(invite=bot_user.user_id)
                member = await person.membership(room, bot_user.user_id)
                assert member["content"]["membership"] == "join"
                await person.say(room, "!brief topics")
                [notice] = await person.wait_for(room, notices_from(bot_user.user_id))
        finally:
            stop.set()
            await asyncio.wait_for(serving, STOP_WAIT_S)
        return str(notice["content"]["body"])

    with caplog.at_level(logging.INFO):
        answer = asyncio.run(scenario())
    assert "donbass" in answer
    assert "matrix adapter started" in caplog.text
    assert "elected leader" in caplog.text
    assert "slack adapter started" not in caplog.text
    assert "Slack Socket Mode: cannot reach Slack" in caplog.text
    assert "stopped while the slack adapter was starting" in caplog.text
