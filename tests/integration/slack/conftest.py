from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.integration.slack.standin import SlackStandIn


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    server = SlackStandIn().start()
    yield server
    server.stop()
