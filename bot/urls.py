"""Whether a URL can be requested as it is written: one answer for every place that takes one.

A source's ``url`` in the config, ``MATRIX_HOMESERVER``, a URL given to ``ingest``, a feed
entry's link and a redirect's ``Location`` are all read by parsers (``urlsplit``, httpx, the
resolver) that raise exceptions of their own, which no ``except httpx.HTTPError`` catches and
which came up as tracebacks at the first request. Asked here first, each is one line saying
what is wrong with the URL.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx

__all__ = ["NOT_HTTP", "url_problem"]

NOT_HTTP = "not an http(s) URL"


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be requested as it is written, or None when it can. The reason does
    not repeat the URL: the caller names it."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # "Invalid IPv6 URL": a "[" never closed
        return f"not a valid URL ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        return NOT_HTTP
    if not parts.hostname:
        return "no host in it"
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0:
        # The text after the host's last ':' (after the ']' of an IPv6 address).
        given = parts.netloc.rpartition("]")[2].rpartition(":")[2]
        return f"invalid port '{_clipped(given)}' (a port is a number from 1 to 65535)"
    try:
        host = httpx.URL(url).host  # decodes an IDNA name ("xn--…"), raising if it is broken
    except httpx.InvalidURL as exc:
        return f"not a valid URL ({exc})"
    except UnicodeError:
        return f"invalid host name {_clipped(parts.hostname)}"
    try:
        # As the resolver encodes it: a label empty ("a..b") or over 63 characters fails.
        host.encode("idna")
    except UnicodeError:
        return f"invalid host name {_clipped(host)}"
    return None


def _clipped(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
