"""The safe fetcher against a real HTTP server on 127.0.0.1: validators, limits, redirects."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from bot.fetch import USER_AGENT, Fetcher, FetchError, FetchResult

from .feed_server import FeedServer, Route

pytestmark = pytest.mark.integration


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


def fetch(
    url: str,
    *,
    allow_private: bool = True,
    timeout: float = 5.0,
    max_bytes: int = 1_000_000,
    **kwargs: str,
) -> FetchResult:
    async def go() -> FetchResult:
        async with Fetcher(allow_private=allow_private, max_redirects=3) as fetcher:
            return await fetcher.fetch(url, timeout=timeout, max_bytes=max_bytes, **kwargs)

    return asyncio.run(go())


def test_loopback_is_refused_by_default_before_any_request(server: FeedServer) -> None:
    server.routes["/feed"] = Route(body=b"hello")
    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.1 resolves to a loopback address"):
        fetch(server.url("/feed"), allow_private=False)
    assert server.requests == []


def test_localhost_by_name_is_refused_too(server: FeedServer) -> None:
    server.routes["/feed"] = Route(body=b"hello")
    with pytest.raises(FetchError, match="loopback"):
        fetch(f"http://localhost:{server.port}/feed", allow_private=False)
    assert server.requests == []


def test_user_agent_and_conditional_get(server: FeedServer) -> None:
    server.routes["/feed"] = Route(
        body=b"<rss/>", etag='"v1"', last_modified="Wed, 28 Jan 2026 10:00:00 GMT"
    )
    first = fetch(server.url("/feed"))
    assert first.status == 200 and first.content == b"<rss/>"
    assert first.etag == '"v1"' and first.last_modified == "Wed, 28 Jan 2026 10:00:00 GMT"
    second = fetch(
        server.url("/feed"), etag=first.etag or "", last_modified=first.last_modified or ""
    )
    assert second.not_modified and second.content == b""
    seen = server.hits("/feed")
    assert seen[0].headers["user-agent"] == USER_AGENT
    assert "if-none-match" not in seen[0].headers
    assert seen[1].headers["if-none-match"] == '"v1"'


def test_a_body_slower_than_the_timeout_is_cut_off(server: FeedServer) -> None:
    # Headers come at once; the body trickles for far longer than the whole-transfer timeout.
    server.routes["/slow"] = Route(body=b"x" * 4000, pieces=40, trickle=0.25)
    with pytest.raises(FetchError, match=r"timed out after 0.5s") as caught:
        fetch(server.url("/slow"), timeout=0.5)
    assert caught.value.transient


def test_size_cap_counts_decompressed_bytes(server: FeedServer) -> None:
    server.routes["/bomb"] = Route(body=b"a" * 3_000_000, gzip=True)
    with pytest.raises(FetchError, match="over the size cap of 100,000 bytes"):
        fetch(server.url("/bomb"), max_bytes=100_000)
    # The same body under a cap it fits in is read and decompressed.
    assert len(fetch(server.url("/bomb"), max_bytes=3_000_000).content) == 3_000_000


def test_declared_length_over_the_cap_is_refused(server: FeedServer) -> None:
    server.routes["/big"] = Route(body=b"b" * 50_000)
    with pytest.raises(FetchError, match="50,000 bytes is over the size cap of 10,000"):
        fetch(server.url("/big"), max_bytes=10_000)


def test_a_body_over_the_cap_names_the_setting_to_raise(server: FeedServer) -> None:
    server.routes["/big"] = Route(body=b"b" * 50_000)
    server.routes["/bomb"] = Route(body=b"a" * 3_000_000, gzip=True)
    hint = "(raise [fetch] max_bytes in the config to accept it)"
    for path in ("/big", "/bomb"):
        with pytest.raises(FetchError) as caught:
            fetch(server.url(path), max_bytes=10_000, max_bytes_setting="[fetch] max_bytes")
        assert caught.value.reason.endswith("over the size cap of 10,000 bytes " + hint)


def test_a_redirect_loop_ends_with_a_clear_error(server: FeedServer) -> None:
    server.routes["/a"] = Route(status=302, headers={"Location": "/b"})
    server.routes["/b"] = Route(status=301, headers={"Location": server.url("/a")})
    with pytest.raises(FetchError, match="redirect loop") as caught:
        fetch(server.url("/a"))
    assert server.url("/b") in str(caught.value)


def test_redirects_are_followed_up_to_the_limit(server: FeedServer) -> None:
    for n in range(5):
        server.routes[f"/r{n}"] = Route(status=307, headers={"Location": f"/r{n + 1}"})
    server.routes["/r5"] = Route(body=b"arrived")
    server.routes["/short"] = Route(status=302, headers={"Location": "/r4"})
    result = fetch(server.url("/short"))
    assert result.content == b"arrived" and result.final_url == server.url("/r5")
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(server.url("/r0"))


def test_every_redirect_hop_is_checked() -> None:
    # A public first address (an IP literal, so no DNS is needed) answered in memory with a
    # redirect into the loopback network: the hop must be refused before it is requested.
    asked: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://127.0.0.1:8080/admin"})

    async def go() -> None:
        async with Fetcher(transport=httpx.MockTransport(answer)) as fetcher:
            await fetcher.fetch("http://93.184.215.14/feed", timeout=5, max_bytes=1000)

    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.1 resolves to a loopback"):
        asyncio.run(go())
    assert asked == ["http://93.184.215.14/feed"]


def test_server_errors_are_transient_client_errors_are_not(server: FeedServer) -> None:
    server.routes["/down"] = Route(status=503, body=b"busy")
    server.routes["/gone"] = Route(status=410, body=b"gone")
    with pytest.raises(FetchError, match="HTTP 503") as down:
        fetch(server.url("/down"))
    assert down.value.transient
    with pytest.raises(FetchError, match="HTTP 410") as gone:
        fetch(server.url("/gone"))
    assert not gone.value.transient


def test_a_dns_answer_that_changes_after_the_check_is_caught(
    server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # DNS rebinding: the first answer (the fetcher's own check) is public, the one the
    # connection uses is loopback. The connected address is checked before the body is read.
    server.routes["/feed"] = Route(body=b"secret")

    async def go() -> FetchResult:
        loop = asyncio.get_running_loop()
        real = loop.getaddrinfo
        answers: list[str] = []

        async def rebinding(host: Any, port: Any, **kwargs: Any) -> Any:
            answers.append(str(host))
            if len(answers) == 1:
                return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port))]
            return await real(host, port, **kwargs)

        monkeypatch.setattr(loop, "getaddrinfo", rebinding)
        async with Fetcher() as fetcher:
            return await fetcher.fetch(
                f"http://localhost:{server.port}/feed", timeout=5, max_bytes=1000
            )

    with pytest.raises(FetchError, match="loopback address"):
        asyncio.run(go())


REDIRECTS_NOWHERE = {
    "javascript:alert(1)": "the page redirects to an unsupported URL javascript:alert(1)",
    "ftp://example.org/a": "the page redirects to an unsupported URL ftp://example.org/a",
    "http://127.0.0.1:99999/x": "the page redirects to http://127.0.0.1:99999/x: invalid port "
    "'99999' (a port is a number from 1 to 65535)",
    "http://[::1/x": "the page redirects to http://[::1/x: not a valid URL (Invalid IPv6 URL)",
}


@pytest.mark.parametrize(("location", "reason"), REDIRECTS_NOWHERE.items())
def test_a_redirect_to_a_url_that_cannot_be_fetched_is_a_fetch_error_naming_it(
    server: FeedServer, location: str, reason: str
) -> None:
    server.routes["/moved"] = Route(status=302, headers={"Location": location})
    with pytest.raises(FetchError) as caught:
        fetch(server.url("/moved"))
    assert caught.value.reason == reason and not caught.value.transient


@pytest.mark.parametrize(("location", "reason"), REDIRECTS_NOWHERE.items())
def test_so_is_it_where_private_addresses_are_refused(location: str, reason: str) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": location})

    async def go() -> None:
        async with Fetcher(transport=httpx.MockTransport(answer)) as fetcher:
            await fetcher.fetch("http://93.184.215.14/a", timeout=5, max_bytes=1000)

    with pytest.raises(FetchError) as caught:
        asyncio.run(go())
    assert caught.value.reason == reason


@pytest.mark.parametrize("allow_private", [True, False])
@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:99999/x", "invalid port '99999' (a port is a number from 1 to 65535)"),
        ("http://127.0.0.1:port/x", "invalid port 'port' (a port is a number from 1 to 65535)"),
        ("http://[::1", "not a valid URL (Invalid IPv6 URL)"),
        ("http://a..b/", "invalid host name a..b"),
        (f"http://{'a' * 64}.org/", f"invalid host name {'a' * 64}.org"),
        ("http://xn--zz.org/", "invalid host name xn--zz.org"),
        ("javascript:alert(1)", "not an http(s) URL"),
    ],
)
def test_a_url_that_cannot_be_fetched_as_written_is_a_fetch_error(
    url: str, reason: str, allow_private: bool
) -> None:
    with pytest.raises(FetchError) as caught:
        fetch(url, allow_private=allow_private)
    assert caught.value.reason == reason
    assert not caught.value.transient
