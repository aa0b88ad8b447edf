"""The Web API stand-in itself: a client that leaves before its answer is counted, quietly.

``make bench`` drives hundreds of requests at it on a loaded machine; a traceback for
every client gone away buried the figures, and said nothing about whether replies were lost.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
import urllib.request

import pytest

from tests.integration.slack.standin import SlackStandIn

pytestmark = pytest.mark.integration


def _reset_after_sending(standin: SlackStandIn, port: int, request: bytes) -> None:
    """Send a whole request, wait until the stand-in has read it, then close with a reset
    (linger 0), as a killed client does, before the stand-in writes its answer."""
    release = threading.Event()
    standin.hold["/hooks/gone"] = release
    with socket.create_connection(("127.0.0.1", port)) as client:
        client.sendall(request)
        deadline = time.monotonic() + 10
        while not standin.hook_calls("gone") and time.monotonic() < deadline:
            time.sleep(0.01)
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    time.sleep(0.05)  # the reset reaches the stand-in's end of the loopback connection
    release.set()


def test_a_client_gone_before_its_answer_is_counted_not_printed(
    standin: SlackStandIn, capsys: pytest.CaptureFixture[str]
) -> None:
    port = int(standin.base.rsplit(":", 1)[1])
    body = b'{"text": "hello"}'
    request = (
        b"POST /hooks/gone HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    _reset_after_sending(standin, port, request)
    deadline = time.monotonic() + 10
    while standin.lost == 0 and time.monotonic() < deadline:
        time.sleep(0.01)

    assert standin.lost == 1
    assert "Traceback" not in capsys.readouterr().err
    # and it goes on serving
    with urllib.request.urlopen(standin.hook("after"), data=b"{}", timeout=10) as answer:
        assert answer.read() == b"ok"
    assert [c.path for c in standin.hook_calls("after")] == ["/hooks/after"]
