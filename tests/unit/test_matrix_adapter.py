"""The Matrix adapter's answer to a command: whatever fails, the room is told in one line."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bot.config import Config, MatrixConfig, Secrets
from bot.matrix import adapter as matrix_adapter
from bot.matrix.adapter import MatrixAdapter
from bot.matrix.listener import IncomingCommand
from bot.matrix.sender import RoomSender
from briefings.render import Renderer
from tests.unit.matrix_fakes import ScriptedTransport, sent

pytestmark = pytest.mark.unit


def _adapter(tmp_path: Path, transport: ScriptedTransport) -> MatrixAdapter:
    config = Config(
        path=None,
        matrix=MatrixConfig(state_dir=tmp_path),
        secrets=Secrets(matrix_homeserver="https://matrix.example.org", matrix_access_token="t"),
    )
    # No store: these tests call _answer, past the claim that needs one.
    services: Any = SimpleNamespace(config=config, renderer=Renderer(), store=None)
    adapter = MatrixAdapter(services)
    adapter.destination.attach(RoomSender(transport))
    return adapter


def test_a_command_that_fails_while_parsing_is_answered_with_the_sorry_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """parse_command was called outside the try: anything it raised meant no reply at all."""

    def broken(text: str) -> Any:
        raise RuntimeError("a bug in the grammar")

    monkeypatch.setattr(matrix_adapter, "parse_command", broken)
    transport = ScriptedTransport(default=sent())
    command = IncomingCommand("!room:example.org", "$cmd", "@ana:example.org", "donbass")
    asyncio.run(_adapter(tmp_path, transport)._answer(command))
    [(method, path, body)] = transport.requests
    assert method == "PUT" and "/rooms/%21room%3Aexample.org/send/m.room.message/" in path
    assert body is not None and body["msgtype"] == "m.notice"
    assert "Sorry, that failed on our side; the error was logged." in body["body"]


def test_a_failure_that_cannot_be_told_either_is_only_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(text: str) -> Any:
        raise RuntimeError("a bug in the grammar")

    monkeypatch.setattr(matrix_adapter, "parse_command", broken)
    transport = ScriptedTransport(default=sent())
    adapter = _adapter(tmp_path, transport)
    adapter.destination.attach(None)  # not connected: the notice cannot go out
    command = IncomingCommand("!room:example.org", "$cmd", "@ana:example.org", "donbass")
    asyncio.run(adapter._answer(command))
    assert transport.requests == []
    assert "answering $cmd failed" in caplog.text
    assert "could not tell $cmd" in caplog.text
