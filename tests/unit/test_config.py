"""Configuration: defaults, environment overrides, and errors that name the file and key."""

from __future__ import annotations

import re
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
            # A folder of the zone database: ZoneInfo raises IsADirectoryError for it.
            {"follows": [{"destination": "stdout", "topic": "donbass", "timezone": "America"}]},
            "follows[0].timezone: expected an IANA time zone",
        ),
        (
            {"follows": [{"destination": "stdout", "topic": "donbass", "timezone": "Z" * 300}]},
            "follows[0].timezone: expected an IANA time zone",
        ),
        (
            {"follows": [{"destination": "stdout", "topic": "donbass", "at": "8am"}]},
            "follows[0].at: expected a time of day",
        ),
        ({"surprise": 1}, "unknown section or key 'surprise'"),
        ({"sorces": []}, "unknown section or key 'sorces' (did you mean 'sources'?)"),
        ({"ingest": {"max_bytse": 5}}, "ingest.max_bytse: unknown key (did you mean 'max_bytes'?)"),
        ({"http": {"colour": "red"}}, "http.colour: unknown key (expected one of host, port)"),
        (
            {"fetch": {"allow_privat": True}},
            "fetch.allow_privat: unknown key (did you mean 'allow_private'?)",
        ),
        (
            {"sources": [{"name": "x", "kind": "folder", "path": "a", "intervall": "5m"}]},
            "sources[0].intervall: unknown key (did you mean 'interval'?)",
        ),
        (
            {"follows": [{"destination": "stdout", "topic": "donbass", "timezon": "UTC"}]},
            "follows[0].timezon: unknown key (did you mean 'timezone'?)",
        ),
        (
            {"sources": [{"name": "x", "kind": "feed", "url": "https://e.org/r", "updates": "no"}]},
            "sources[0].updates: expected true or false",
        ),
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


def test_a_topics_file_that_cannot_be_read_is_said_as_the_config_file_is(tmp_path: Path) -> None:
    """Only a TOML error was caught: these two were tracebacks at start."""
    latin1 = tmp_path / "topics.toml"
    latin1.write_bytes(
        '[[topics]]\nname = "donbass"\ndescription = "Donba\xdf"\n'.encode("latin-1")
    )
    (tmp_path / "folder.toml").mkdir()
    for topics in (latin1, tmp_path / "folder.toml"):
        with pytest.raises(ConfigError) as caught:
            parse_config({"topics": {"file": str(topics)}}, tmp_path / "b.toml", tmp_path, {})
        assert str(caught.value).startswith(f"{topics}: cannot be read (")
        assert "\n" not in str(caught.value)


def test_durations() -> None:
    assert parse_duration("30m") == 1800
    assert parse_duration("2h") == 7200
    assert parse_duration("1d") == 86400
    with pytest.raises(ValueError):
        parse_duration("soon")


@pytest.mark.parametrize("interval", ["0m", "0s", "0h", 0, -60, "30s", 59])
def test_a_source_interval_under_a_minute_is_refused(interval: object) -> None:
    source = {"name": "x", "kind": "folder", "path": "a", "interval": interval}
    with pytest.raises(ConfigError) as caught:
        parse({"sources": [source]})
    assert f"{ROOT / 'b.toml'}: sources[0].interval: expected a duration of at least 1m" in str(
        caught.value
    )


@pytest.mark.parametrize(("interval", "seconds"), [("1m", 60), (60, 60), ("2h", 7200)])
def test_a_source_interval_of_a_minute_or_more_is_accepted(interval: object, seconds: int) -> None:
    source = {"name": "x", "kind": "folder", "path": "a", "interval": interval}
    assert parse({"sources": [source]}).sources[0].interval == seconds


def test_a_zero_backoff_ceiling_is_refused_whichever_way_it_is_written() -> None:
    for ceiling in (0, "0s", "0m"):
        with pytest.raises(ConfigError, match=r"fetch\.backoff_ceiling: expected a duration"):
            parse({"fetch": {"backoff_ceiling": ceiling}})
    assert parse({"fetch": {"backoff_ceiling": "1s"}}).fetch.backoff_ceiling == 1


FOLDER = {"name": "x", "kind": "folder", "path": "a"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        # Each of these was accepted and failed later: the scheduler with an OverflowError
        # every second, `briefbot digest` with one, a NaN deadline, or no timeout at all.
        (
            {"sources": [{**FOLDER, "interval": 99999999999999999}]},
            'sources[0].interval: expected a duration of at least 1m and at most 30d, like "30m"',
        ),
        ({"sources": [{**FOLDER, "interval": "31d"}]}, "sources[0].interval: expected a duration"),
        ({"digest": {"hours": 99999999999999}}, "digest.hours: expected a whole number of hours"),
        (
            {"digest": {"hours": 8761}},
            "digest.hours: expected a whole number of hours from 0 to 8760",
        ),
        ({"fetch": {"timeout": float("nan")}}, "fetch.timeout: expected a number of seconds > 0"),
        ({"fetch": {"timeout": float("inf")}}, "fetch.timeout: expected a number of seconds > 0"),
        (
            {"fetch": {"timeout": 601}},
            "fetch.timeout: expected a number of seconds > 0 and at most 600",
        ),
        ({"sources": [{**FOLDER, "timeout": float("nan")}]}, "sources[0].timeout: expected"),
        ({"sources": [{**FOLDER, "timeout": 10**400}]}, "sources[0].timeout: expected"),
        (
            {"fetch": {"max_bytes": 2**30 + 1}},
            "fetch.max_bytes: expected a whole number of bytes from 0 to 1073741824",
        ),
        ({"ingest": {"max_bytes": 2**63}}, "ingest.max_bytes: expected a whole number of bytes"),
        (
            {"sources": [{**FOLDER, "max_bytes": 2**40}]},
            "sources[0].max_bytes: expected a whole number of bytes",
        ),
        (
            {"fetch": {"max_redirects": 21}},
            "fetch.max_redirects: expected a whole number from 0 to 20",
        ),
        (
            {"fetch": {"backoff_ceiling": 10**12}},
            "fetch.backoff_ceiling: expected a duration of at most 30d",
        ),
    ],
)
def test_numbers_past_any_use_and_nan_are_refused_saying_the_bound(
    data: dict[str, Any], message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        parse(data)
    assert f"{ROOT / 'b.toml'}: {message}" in str(caught.value)


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://[::1", "not a valid URL (Invalid IPv6 URL)"),
        (
            "https://example.org:notaport/rss",
            "invalid port 'notaport' (a port is a number from 1 to 65535)",
        ),
        (
            "https://example.org:99999/rss",
            "invalid port '99999' (a port is a number from 1 to 65535)",
        ),
        ("https://example.org:0/rss", "invalid port '0' (a port is a number from 1 to 65535)"),
        ("https:///rss", "no host in it"),
    ],
)
def test_a_source_url_that_no_request_could_use_is_refused_naming_the_source(
    url: str, problem: str
) -> None:
    """Only '^https?://' was checked: these passed, and each poll logged a traceback."""
    with pytest.raises(ConfigError) as caught:
        parse({"sources": [{"name": "desk", "kind": "feed", "url": url}]})
    assert str(caught.value) == (
        f"{ROOT / 'b.toml'}: sources[0].url: the source 'desk' has {url!r}: {problem}"
    )


def test_a_source_url_with_a_port_or_an_ipv6_host_is_accepted() -> None:
    for url in ("https://example.org:8443/rss", "http://[::1]:8080/feed.xml"):
        assert parse({"sources": [{"name": "d", "kind": "url", "url": url}]}).sources[0].url == url


def test_the_bounds_themselves_are_accepted() -> None:
    config = parse(
        {
            "digest": {"hours": 8760},
            "fetch": {"timeout": 600, "max_bytes": 2**30, "max_redirects": 20},
            "sources": [{**FOLDER, "interval": "30d", "timeout": 0.5}],
        }
    )
    assert (config.digest_hours, config.fetch.timeout, config.fetch.max_bytes) == (8760, 600, 2**30)
    assert (config.sources[0].interval, config.sources[0].timeout) == (30 * 86400, 0.5)


def test_every_key_the_shipped_config_documents_is_known(tmp_path: Path) -> None:
    """The shipped config with its commented examples switched on still loads."""
    example = re.compile(r"^# (\[\[?\w+\]\]?|\w+ = .*)$")
    text = (ROOT / "config" / "briefbot.toml").read_text(encoding="utf-8")
    lines = [line[2:] if example.match(line) else line for line in text.splitlines()]
    assert len([line for line in lines if line not in text.splitlines()]) >= 10
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "topics.toml").write_bytes(
        (ROOT / "config" / "topics.toml").read_bytes()
    )
    switched_on = tmp_path / "config" / "briefbot.toml"
    switched_on.write_text("\n".join(lines), encoding="utf-8")
    config = load_config(switched_on, environ={})
    assert [s.name for s in config.sources] == ["updates", "kyiv-independent"]
    assert [f.topic for f in config.follows] == ["donbass"]


def test_the_database_url_says_where_it_was_set() -> None:
    assert parse({}).database_url_source.startswith("the default database URL")
    from_file = parse({"database": {"url": "sqlite:////tmp/f.db"}})
    assert from_file.database_url_source == f"{ROOT / 'b.toml'}: database.url"
    from_env = parse(
        {"database": {"url": "sqlite:////tmp/f.db"}},
        {"BRIEFBOT_DATABASE_URL": "sqlite:////tmp/e.db"},
    )
    assert (from_env.database_url, from_env.database_url_source) == (
        "sqlite:////tmp/e.db",
        "BRIEFBOT_DATABASE_URL",
    )


@pytest.mark.parametrize(
    ("file", "value", "allowed"),
    [
        (False, "1", True),
        (False, "TRUE", True),
        (False, " yes ", True),
        (False, "On", True),
        (True, "0", False),
        (True, "false", False),
        (True, "No", False),
        (True, "off", False),
        (True, "", True),  # empty is unset: the file decides
        (False, "", False),
    ],
)
def test_the_allow_private_variable_takes_the_usual_words_and_wins_over_the_file(
    file: bool, value: str, allowed: bool
) -> None:
    env = {"BRIEFBOT_FETCH_ALLOW_PRIVATE": value}
    assert parse({"fetch": {"allow_private": file}}, env).fetch.allow_private is allowed


@pytest.mark.parametrize("value", ["maybe", "2", "enabled", "y"])
def test_any_other_word_for_allow_private_is_refused_naming_the_variable(value: str) -> None:
    """ "maybe" was read as false: private addresses stayed refused without a word."""
    with pytest.raises(ConfigError) as caught:
        parse({}, {"BRIEFBOT_FETCH_ALLOW_PRIVATE": value})
    assert str(caught.value) == (
        "BRIEFBOT_FETCH_ALLOW_PRIVATE: expected 1 or 0, true or false, yes or no, on or off; "
        f"got {value!r}"
    )


@pytest.mark.parametrize(
    ("port", "env", "message"),
    [
        # A wrong type in the file names the file and the key, not the variable.
        ("3000", {}, "b.toml: http.port: expected a whole number"),
        (3000.5, {}, "b.toml: http.port: expected a whole number"),
        (70000, {}, "b.toml: http.port: expected 0..65535, got 70000"),
        (3000, {"BRIEFBOT_HTTP_PORT": "abc"}, "BRIEFBOT_HTTP_PORT: expected a port number"),
        (3000, {"BRIEFBOT_HTTP_PORT": "99999"}, "BRIEFBOT_HTTP_PORT: expected 0..65535"),
    ],
)
def test_a_bad_port_names_where_it_came_from(port: Any, env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as err:
        parse({"http": {"port": port}}, env)
    assert message in str(err.value)


@pytest.mark.parametrize("section", [{}, {"topics": {"file": "config/topics.toml"}}])
def test_a_config_outside_a_project_finds_the_topics_file_beside_it(
    tmp_path: Path, section: dict[str, Any]
) -> None:
    """Also the shipped config copied to /etc/briefbot, which writes the default out."""
    (tmp_path / "topics.toml").write_text('[[topics]]\nname = "harbour"\n', encoding="utf-8")
    config = parse_config(section, tmp_path / "briefbot.toml", tmp_path, {})
    assert [t.name for t in config.topics] == ["harbour"]


def test_a_topics_file_named_otherwise_is_not_replaced_by_one_beside_the_config(
    tmp_path: Path,
) -> None:
    (tmp_path / "topics.toml").write_text('[[topics]]\nname = "harbour"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"desk/topics\.toml: topics file not found"):
        parse_config({"topics": {"file": "desk/topics.toml"}}, tmp_path / "b.toml", tmp_path, {})


def test_without_a_topics_file_anywhere_the_error_says_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"config/topics\.toml: topics file not found"):
        parse_config({}, tmp_path / "briefbot.toml", tmp_path, {})


def test_an_sqlite_uri_is_not_made_a_path_in_the_project(tmp_path: Path) -> None:
    """SQLAlchemy's URI form names the file inside the URI: prefixing the project folder to
    it made a relative file named 'file:/…' and a new, empty store instead of this one."""
    absolute = "sqlite:///file:/srv/briefbot/ro.db?mode=ro&uri=true"
    assert parse({"database": {"url": absolute}}, tmp=tmp_path).database_url == absolute
    from_env = parse({}, {"BRIEFBOT_DATABASE_URL": absolute}, tmp=tmp_path)
    assert from_env.database_url == absolute
    relative = parse(
        {"database": {"url": "sqlite:///file:var/ro.db?mode=ro&uri=true"}}, tmp=tmp_path
    )
    assert relative.database_url == f"sqlite:///file:{tmp_path / 'var' / 'ro.db'}?mode=ro&uri=true"
    # Without uri=true SQLite reads 'file:…' as a plain (relative) file name, as before.
    plain = parse({"database": {"url": "sqlite:///file:ro.db"}}, tmp=tmp_path)
    assert plain.database_url == f"sqlite:///{tmp_path / 'file:ro.db'}"
