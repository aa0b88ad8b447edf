"""Reading the store's URL: what is wrong with one, said in one line without the password."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.app import build_services
from bot.config import ConfigError
from briefings.database_url import StoreUnavailable, engine_for, in_memory, parse_url
from tests.conftest import make_config

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("url", "port"),
    [
        ("postgresql+psycopg://u:s3cret-pw@db.example:notaport/news", "notaport"),
        ("postgresql+psycopg://u:s3cret-pw@[::1]:x/news?sslmode=require", "x"),
        # A password with an '@' left unencoded: the port is still read after the last one.
        ("postgresql+psycopg://u:s3cret@pw@db:99x/news", "99x"),
    ],
)
def test_a_port_that_is_no_number_is_named_as_the_problem(url: str, port: str) -> None:
    with pytest.raises(StoreUnavailable) as caught:
        parse_url(url)
    message = str(caught.value)
    assert message.endswith(f"is not a database URL: its port '{port}' is not a number")
    assert "***@" in message and "s3cret" not in message


def test_a_url_that_is_no_url_still_shows_the_forms_to_use() -> None:
    with pytest.raises(StoreUnavailable, match="is not a database URL; expected sqlite:///"):
        parse_url("not a url")


@pytest.mark.parametrize(
    "url",
    [
        "sqlite://",
        "sqlite+pysqlite://",
        "sqlite:///:memory:",
        "sqlite:///file::memory:?uri=true",
        "sqlite:///file:briefs?mode=memory&cache=shared&uri=true",
    ],
)
def test_in_memory_sqlite_stores_are_recognised(url: str) -> None:
    assert in_memory(parse_url(url))


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:////srv/briefbot.db",
        "sqlite:///file:/srv/ro.db?mode=ro&uri=true",
        # Without uri=true SQLite reads 'file::memory:' as the name of a file.
        "sqlite:///file::memory:",
        "postgresql+psycopg://u@db/news",
    ],
)
def test_stores_kept_in_a_file_or_a_server_are_not_in_memory(url: str) -> None:
    assert not in_memory(parse_url(url))


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_an_in_memory_store_the_user_set_is_refused_naming_the_variable(
    tmp_path: Path, url: str
) -> None:
    """It opened, `ingest` said "added" and exited 0, and the reports were gone."""
    config = make_config(tmp_path, env={"BRIEFBOT_DATABASE_URL": url})
    with pytest.raises(ConfigError) as caught:
        build_services(config)
    assert str(caught.value) == (
        f"BRIEFBOT_DATABASE_URL: {url} is an in-memory SQLite store, emptied when each command "
        "ends; give a file, such as sqlite:///var/briefbot.db"
    )


def test_an_option_the_driver_would_ignore_is_refused_in_one_line(tmp_path: Path) -> None:
    """SQLAlchemy warned (a raw SAWarning with its source line) and opened the store
    read-write where ?mode=ro, without uri=true, asked for it read-only."""
    url = parse_url(f"sqlite:///{tmp_path / 'b.db'}?mode=ro")
    with pytest.raises(StoreUnavailable) as caught:
        engine_for(url)
    message = str(caught.value)
    assert message.startswith(f"sqlite:///{tmp_path / 'b.db'}?mode=ro has an option its driver")
    assert "'mode'" in message and "uri=true" in message
    assert "Background on this warning" not in message and "\n" not in message
