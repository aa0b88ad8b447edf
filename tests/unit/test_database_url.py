"""Reading the store's URL: what is wrong with one, said in one line without the password."""

from __future__ import annotations

import pytest

from briefings.database_url import StoreUnavailable, parse_url

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
