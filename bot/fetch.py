"""The safe fetcher: one HTTP GET of an untrusted URL, with every limit DESIGN principle 4 asks.

Feed entries and article links are written by strangers, so a fetch must not be turned
against the machine it runs on: the host is resolved first and refused when any address is
loopback, private, link-local or otherwise not global, and the address actually connected
to is checked again before the body is read (a DNS answer that changes between the two is
caught). Redirects are followed by hand, each hop checked the same way, with a limit and a
loop check so a redirect loop ends with a clear error. A URL that cannot be fetched as it is
written (another scheme, a port out of range, a broken IPv6 address), given or redirected
to, is a ``FetchError`` that names it, never the parser's own exception. The size cap
counts decompressed bytes while streaming and stops at the cap; one deadline covers the
whole transfer (resolution, redirects, headers and body), so a server that trickles bytes
cannot hold a poll forever.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx

from bot.urls import NOT_HTTP, url_problem
from briefings import __version__

PROJECT_URL = "https://github.com/briefbot/briefbot"
USER_AGENT = f"briefbot/{__version__} (+{PROJECT_URL})"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Types servers send when they do not know (or misconfigure) what they serve: the body says.
_UNINFORMATIVE_TYPES = frozenset(
    {
        "",
        "application/octet-stream",
        "binary/octet-stream",
        "application/unknown",
        "unknown/unknown",
        "text/plain",
        "application/xml",
        "text/xml",
    }
)
# Files that announce themselves in their first bytes, whatever the header claims.
_SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b", "application/gzip"),
    (b"%!PS", "application/postscript"),
    (b"{\\rtf", "application/rtf"),
)
_HTML_START = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|title|meta|p|div|article|main|h1|!--)[\s>/]",
    re.IGNORECASE,
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


class FetchError(Exception):
    """A fetch that failed; ``transient`` says whether trying again later may succeed."""

    def __init__(
        self,
        url: str,
        message: str,
        *,
        transient: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(f"{url}: {message}")
        self.url = url
        self.reason = message
        self.transient = transient
        # Seconds the server asked us to wait (429/503 ``Retry-After``), if it said.
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A completed GET: the body (empty when ``not_modified``) and the validators to keep."""

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def media_type(self) -> str:
        """What the body is: the Content-Type, or what the body shows when the header is
        missing or says nothing useful; a file's own signature wins over any header."""
        return media_type(self.content_type, self.content)

    @property
    def is_html(self) -> bool:
        return self.media_type in HTML_TYPES


def media_type(content_type: str, body: bytes) -> str:
    """The media type of a body, from its header and, where that says little, its bytes."""
    head = body[:1024]
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    declared = content_type.split(";", 1)[0].strip().lower()
    if declared not in _UNINFORMATIVE_TYPES:
        return declared
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text[:1] == b"<":
        return "text/html" if _HTML_START.search(text) else "application/xml"
    if text[:1] in (b"{", b"["):
        return "application/json"
    if b"\x00" in head:
        return declared or "application/octet-stream"
    return declared or "text/plain"


def address_refusal(address: str) -> str | None:
    """Why an IP address may not be fetched from, or None when it is a public address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for label, flag in (
        ("loopback", ip.is_loopback),
        ("unspecified", ip.is_unspecified),
        ("link-local", ip.is_link_local),
        ("private", ip.is_private),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
    ):
        if flag:
            return f"{label} address {ip}"
    if not ip.is_global:
        return f"non-public address {ip}"
    return None


class Fetcher:
    """GETs untrusted URLs under the project's limits; use as ``async with Fetcher(...)``.

    ``allow_private`` lifts the address check (tests on 127.0.0.1, intranet feeds); all the
    other limits stay.
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        max_redirects: int = 5,
        user_agent: str = USER_AGENT,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.allow_private = allow_private
        self.max_redirects = max_redirects
        self.user_agent = user_agent
        # No proxies from the environment: the address checks must see the real peer.
        self._client = httpx.AsyncClient(
            follow_redirects=False,
            trust_env=False,
            transport=transport,
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            event_hooks={"response": [_check_redirect]},
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def fetch(
        self,
        url: str,
        *,
        timeout: float,
        max_bytes: int,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
        max_bytes_setting: str | None = None,
    ) -> FetchResult:
        """One GET with conditional headers; raises ``FetchError`` on anything but 2xx/304.

        ``max_bytes_setting`` names the setting ``max_bytes`` came from, so that a body over
        the cap says what to raise to accept it.
        """
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            async with asyncio.timeout(timeout):
                return await self._follow(url, headers, timeout, _Cap(max_bytes, max_bytes_setting))
        except TimeoutError:
            raise FetchError(
                url, f"timed out after {timeout:g}s (the whole transfer)", transient=True
            ) from None

    async def _follow(
        self, url: str, headers: dict[str, str], timeout: float, cap: _Cap
    ) -> FetchResult:
        problem = url_problem(url)
        if problem:
            raise FetchError(url, problem)
        chain = [url]
        current = url
        while True:
            await self._check_host(url, current)
            request = self._client.build_request(
                "GET", current, headers=headers, timeout=httpx.Timeout(timeout)
            )
            try:
                response = await self._client.send(request, stream=True)
            except _Unfollowable as exc:
                raise FetchError(url, exc.reason) from None
            except httpx.TimeoutException:
                raise FetchError(url, f"timed out after {timeout:g}s", transient=True) from None
            except httpx.HTTPError as exc:
                raise FetchError(
                    url, f"could not connect ({type(exc).__name__}: {exc})", transient=True
                ) from None
            try:
                self._check_peer(url, response)
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    # A target that cannot be fetched was refused by _check_redirect.
                    target = urljoin(current, response.headers["location"])
                    if target in chain:
                        hops = " → ".join([*chain, target])
                        raise FetchError(url, f"redirect loop ({hops})")
                    if len(chain) > self.max_redirects:
                        raise FetchError(
                            url, f"too many redirects (more than {self.max_redirects})"
                        )
                    chain.append(target)
                    current = target
                    continue
                return await self._complete(url, current, response, cap)
            finally:
                await response.aclose()

    async def _complete(
        self, url: str, final: str, response: httpx.Response, cap: _Cap
    ) -> FetchResult:
        status = response.status_code
        if status == 304:
            body = b""
        elif 200 <= status < 300:
            body = await _read_capped(url, response, cap)
        else:
            raise FetchError(
                url,
                f"HTTP {status} {response.reason_phrase}".rstrip(),
                transient=status in _TRANSIENT_STATUS or status >= 500,
                retry_after=retry_after_seconds(response.headers.get("retry-after")),
            )
        return FetchResult(
            url=url,
            final_url=final,
            status=status,
            content=body,
            content_type=response.headers.get("content-type", ""),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )

    async def _check_host(self, url: str, current: str) -> None:
        parts = urlsplit(current)  # url_problem found it well-formed, an http(s) URL
        host = parts.hostname or ""
        if self.allow_private:
            return
        port = parts.port or (443 if parts.scheme == "https" else 80)
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise FetchError(
                url, f"cannot resolve {host} ({exc.strerror})", transient=True
            ) from None
        for info in infos:
            refusal = address_refusal(str(info[4][0]))
            if refusal:
                raise FetchError(url, _refused(host, refusal))

    def _check_peer(self, url: str, response: httpx.Response) -> None:
        """The address actually connected to, so a DNS answer that changed is caught too."""
        if self.allow_private:
            return
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if not peer:
            return
        refusal = address_refusal(str(peer[0]))
        if refusal:
            raise FetchError(url, _refused(urlsplit(str(response.url)).hostname or "", refusal))


class _Unfollowable(Exception):
    """A redirect to a URL that cannot be fetched, raised from inside ``httpx`` (see
    ``_check_redirect``) and turned into a ``FetchError`` by the fetcher."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def _check_redirect(response: httpx.Response) -> None:
    """Refuse a redirect to a URL that cannot be fetched, naming it.

    A response hook, since httpx builds the request a redirect asks for before ``send``
    returns, even when it will not follow it; on a ``Location`` such as
    ``javascript:alert(1)`` that raises ``httpx.InvalidURL``, which says neither that it was
    a redirect nor where to.
    """
    location = response.headers.get("location")
    if response.status_code not in _REDIRECTS or location is None:
        return
    try:
        target = urljoin(str(response.request.url), location)
    except ValueError:
        target = location
    problem = url_problem(target)
    if problem == NOT_HTTP:
        raise _Unfollowable(f"the page redirects to an unsupported URL {_clipped(target)}")
    if problem is not None:
        raise _Unfollowable(f"the page redirects to {_clipped(target)}: {problem}")


def _clipped(url: str, limit: int = 200) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds from now: a number of seconds or an HTTP date."""
    if not value:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():  # ("²" is a digit to str.isdigit)
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _refused(host: str, refusal: str) -> str:
    return (
        f"refused: {host} resolves to a {refusal}; set allow_private = true under [fetch] "
        "(or BRIEFBOT_FETCH_ALLOW_PRIVATE=1) to fetch from private networks"
    )


@dataclass(frozen=True, slots=True)
class _Cap:
    """The size cap of one fetch and the setting it came from."""

    max_bytes: int
    setting: str | None

    def refusal(self, size: str) -> str:
        message = f"{size} over the size cap of {self.max_bytes:,} bytes"
        if self.setting:
            message += f" (raise {self.setting} in the config to accept it)"
        return message


async def _read_capped(url: str, response: httpx.Response, cap: _Cap) -> bytes:
    declared = response.headers.get("content-length", "")
    if (
        declared.isascii()
        and declared.isdigit()
        and int(declared) > cap.max_bytes
        and not response.headers.get("content-encoding")
    ):
        raise FetchError(url, cap.refusal(f"{int(declared):,} bytes is"))
    chunks: list[bytes] = []
    total = 0
    try:
        async for chunk in response.aiter_bytes():
            total += len(chunk)
            if total > cap.max_bytes:
                raise FetchError(url, cap.refusal("the body (counted decompressed) is"))
            chunks.append(chunk)
    except httpx.DecodingError as exc:
        raise FetchError(url, f"the response could not be decoded ({exc})") from None
    except httpx.TimeoutException:
        raise FetchError(url, "timed out while reading the body", transient=True) from None
    except httpx.HTTPError as exc:
        raise FetchError(
            url, f"the connection failed mid-body ({type(exc).__name__})", transient=True
        ) from None
    return b"".join(chunks)


__all__ = [
    "HTML_TYPES",
    "USER_AGENT",
    "FetchError",
    "FetchResult",
    "Fetcher",
    "address_refusal",
    "media_type",
    "retry_after_seconds",
    "url_problem",
]
