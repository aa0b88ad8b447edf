"""Configuration: defaults, environment overrides, and errors that name the file and key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.config import ConfigError, load_config, parse_config, parse_duration

pytestmark = pytest.mark.unit
ROOT = Path(__file__).resolve().parents[2]
TOPICS = {"file": str(ROOT / "config" / "topics.toml")}


def parse(data: dict[str, Any], env: dict[str, str] | None = None, tmp: Path = ROOT) -> Any:
    return parse_config({"topics": TOPICS, **data}, tmp / "b.toml", tmp, env or {})


def test_the_shipped_config_loads() -> None:
    config = load_config(ROOT / "config" / "briefbot.toml", environ={})
    assert [t.name for t in config.topics] == ["donbass", "ukraine-peace-talks"]
    assert config.sources[0].kind == "folder"
    assert config.database_url == f"sqlite:///{ROOT / 'var' / 'briefbot.db'}"


def test_environment_overrides_and_secrets() -> None:
    env = {
        "BRIEFBOT_DATABASE_URL": "sqlite:////tmp/x.db",
        "BRIEFBOT_HTTP_PORT": "8080",
        "BRIEFBOT_HTTP_HOST": "0.0.0.0",
        "BRIEFBOT_FETCH_ALLOW_PRIVATE": "1",
        "SLACK_BOT_TOKEN": "xoxb-secret-value",
    }
    config = parse({}, env)
    assert config.database_url == "sqlite:////tmp/x.db"
    assert (config.http_host, config.http_port) == ("0.0.0.0", 8080)
    assert config.fetch.allow_private is True
    assert config.secrets.slack_bot_token == "xoxb-secret-value"
    assert "xoxb-secret-value" not in repr(config.secrets)
    assert "xoxb-secret-value" not in repr(config)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"fetch": {"timeout": "soon"}}, "fetch.timeout: expected a number of seconds"),
        ({"sources": [{"name": "x", "kind": "ftp"}]}, "sources[0].kind: expected one of"),
        ({"sources": [{"name": "x", "kind": "feed"}]}, "sources[0].url: expected an http(s) URL"),
        (
            {"sources": [{"name": "x", "kind": "folder", "path": "a", "interval": "often"}]},
            "sources[0].interval: expected a duration",
        ),
        (
            {"follows": [{"destination": "irc:#x", "topic": "donbass"}]},
            "follows[0].destination: expected",
        ),
        (
            {"follows": [{"destination": "stdout", "topic": "crimea"}]},
            "follows[0].topic: expected one of the topics",
        ),
        (
            {"follows": [{"destination": "stdout", "topic": "donbass", "timezone": "Mars/Base"}]},
            "follows[0].timezone: expected an IANA time zone",
        ),
        (
            {"follows": [{"destination": "stdout", "topic": "donbass", "at": "8am"}]},
            "follows[0].at: expected a time of day",
        ),
        ({"surprise": 1}, "unknown section or key 'surprise'"),
    ],
)
def test_bad_config_names_key_and_expectation(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse(data)
    assert message in str(caught.value)
    assert str(ROOT / "b.toml") in str(caught.value)


def test_unreadable_and_missing_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[database\nurl = 1", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(bad, environ={})
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "absent.toml", environ={})
    with pytest.raises(ConfigError, match="topics file not found"):
        parse_config({"topics": {"file": "nope.toml"}}, tmp_path / "c.toml", tmp_path, {})


def test_durations() -> None:
    assert parse_duration("30m") == 1800
    assert parse_duration("2h") == 7200
    assert parse_duration("1d") == 86400
    with pytest.raises(ValueError):
        parse_duration("soon")
