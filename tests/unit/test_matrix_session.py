"""The Matrix session file, the reply envelope and the destination's refusals."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from bot.app import build_services
from bot.config import ConfigError, MatrixConfig, Secrets
from bot.delivery import DeliveryError, DeliveryRouter
from bot.matrix import MatrixAdapter
from bot.matrix.client import (
    MatrixLoginError,
    SessionFile,
    SessionState,
    connect,
    homeserver_url,
)
from bot.matrix.destination import MatrixDestination, outgoing
from bot.runtime import build_adapters
from briefings.model import Notice
from briefings.render import Renderer
from tests.conftest import make_config

pytestmark = pytest.mark.unit


def test_the_session_round_trips_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    state = SessionState("https://hs.example", "@bot:hs.example", "DEVICE1", "s42_7")
    store = SessionFile(tmp_path / "matrix")
    assert store.load() is None
    store.save(state)
    store.save(state)
    assert store.load() == state
    assert [p.name for p in (tmp_path / "matrix").iterdir()] == ["session.json"]
    assert "token" not in store.path.read_text() and "password" not in store.path.read_text()


def test_a_damaged_session_file_is_ignored_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = SessionFile(tmp_path)
    store.path.write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert store.load() is None
    assert "session.json" in caplog.text


def test_connect_says_which_credential_is_missing(tmp_path: Path) -> None:
    settings = MatrixConfig(state_dir=tmp_path)
    with pytest.raises(MatrixLoginError, match="MATRIX_HOMESERVER"):
        asyncio.run(connect(Secrets(), settings))
    with pytest.raises(MatrixLoginError, match="MATRIX_ACCESS_TOKEN or MATRIX_PASSWORD"):
        asyncio.run(connect(Secrets(matrix_homeserver="http://127.0.0.1:9"), settings))
    with pytest.raises(MatrixLoginError, match="MATRIX_USER_ID"):
        asyncio.run(
            connect(Secrets(matrix_homeserver="http://127.0.0.1:9", matrix_password="pw"), settings)
        )


@pytest.mark.parametrize(
    ("homeserver", "problem"),
    [
        ("http://[::1", "(not a valid URL (Invalid IPv6 URL))"),
        (
            "https://matrix.example.org:99999",
            "(invalid port '99999' (a port is a number from 1 to 65535))",
        ),
        ("ftp://matrix.example.org", "(not an http(s) URL)"),
    ],
)
def test_a_homeserver_url_no_request_could_use_is_a_setting_to_fix(
    homeserver: str, problem: str
) -> None:
    """'http://[::1' made urlsplit raise outside the check: a traceback from `briefbot run`."""
    with pytest.raises(MatrixLoginError) as caught:
        homeserver_url(homeserver)
    assert str(caught.value).startswith("MATRIX_HOMESERVER: expected the homeserver's http(s) URL")
    assert str(caught.value).endswith(f"got {homeserver!r} {problem}")
    assert homeserver_url("http://[::1]:8008/") == "http://[::1]:8008"


def test_replies_never_carry_mentions_and_thread_replies_fall_back() -> None:
    parts = Renderer().matrix(Notice("Topics", ("donbass",)))
    [plain] = outgoing(parts)
    assert plain["m.mentions"] == {} and "m.relates_to" not in plain
    [threaded] = outgoing(parts, thread_root="$root", reply_to="$cmd")
    assert threaded["m.relates_to"] == {
        "rel_type": "m.thread",
        "event_id": "$root",
        "is_falling_back": True,
        "m.in_reply_to": {"event_id": "$cmd"},
    }
    assert threaded["msgtype"] == "m.notice" and parts[0] == {
        k: v for k, v in threaded.items() if k != "m.relates_to"
    }
    # What `--format matrix` shows is what is sent: the rendered event carries it already.
    assert parts[0]["m.mentions"] == {}


def test_the_destination_refuses_until_connected_and_refuses_non_room_targets() -> None:
    destination = MatrixDestination(Renderer())
    with pytest.raises(DeliveryError, match="not connected"):
        asyncio.run(destination.send("!room", Notice("x")))
    with pytest.raises(DeliveryError, match="not a Matrix room id"):
        asyncio.run(destination.send("#alias:example.org", Notice("x")))


def test_the_run_loop_wires_a_matrix_adapter_when_a_homeserver_is_set(tmp_path: Path) -> None:
    env = {"MATRIX_HOMESERVER": "http://127.0.0.1:9", "MATRIX_ACCESS_TOKEN": "token"}
    config = make_config(tmp_path, env=env)
    services = build_services(config)
    try:
        router = DeliveryRouter()
        [adapter] = build_adapters(services, router)
        assert isinstance(adapter, MatrixAdapter) and adapter.name == "matrix"
        assert router.handles("matrix:!AbC-v12-room")
    finally:
        services.close()


def test_a_homeserver_without_a_token_or_password_is_a_config_error_at_start(
    tmp_path: Path,
) -> None:
    config = make_config(tmp_path, env={"MATRIX_HOMESERVER": "http://127.0.0.1:9"})
    services = build_services(config)
    try:
        with pytest.raises(ConfigError) as caught:
            build_adapters(services, DeliveryRouter())
    finally:
        services.close()
    assert "MATRIX_HOMESERVER is set" in str(caught.value)
    assert "MATRIX_ACCESS_TOKEN or MATRIX_PASSWORD" in str(caught.value)
