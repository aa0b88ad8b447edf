"""Slack's request signature, checked on the raw bytes before anything reads the body.

Slack signs ``v0:{timestamp}:{body}`` with the app's signing secret (HMAC-SHA256) and sends
it as ``X-Slack-Signature`` beside ``X-Slack-Request-Timestamp``. Bolt checks the same, but
only after it has parsed the body, and it trusts the timestamp to be a number: a malformed
unsigned request reached a JSON parser or ``int()`` and got a 500 with a traceback instead
of a 401. Here a header that is missing, malformed or wrong, or a timestamp more than five
minutes off, all mean one thing: the request is not signed.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from collections.abc import Callable

TIMESTAMP_HEADER = "X-Slack-Request-Timestamp"
SIGNATURE_HEADER = "X-Slack-Signature"
MAX_AGE_S = 5 * 60

_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


class RequestSignature:
    """Whether a request body was signed with the app's signing secret, recently."""

    def __init__(self, signing_secret: str, clock: Callable[[], float] = time.time) -> None:
        self._secret = signing_secret.encode()
        self._clock = clock

    def verifies(self, body: bytes, timestamp: str | None, signature: str | None) -> bool:
        if timestamp is None or signature is None:
            return False
        if not (_TIMESTAMP.fullmatch(timestamp) and _SIGNATURE.fullmatch(signature)):
            return False
        if abs(self._clock() - int(timestamp)) > MAX_AGE_S:
            return False
        base = b"v0:" + timestamp.encode() + b":" + body
        expected = "v0=" + hmac.new(self._secret, base, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, signature)
