"""The app manifest an admin installs from declares what the code listens to."""

from __future__ import annotations

import re

import pytest

from bot.slack.listeners import SUMMARIZE_SHORTCUT
from bot.slack.server import EVENTS_PATH
from tests.conftest import ROOT

pytestmark = pytest.mark.unit

MANIFEST = (ROOT / "config" / "slack-manifest.yml").read_text(encoding="utf-8")


def _list_under(key: str) -> list[str]:
    """The ``- item`` lines of one YAML list (comments skipped), e.g. ``bot_events``."""
    lines = MANIFEST.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"{key}:")
    indent = len(lines[start]) - len(lines[start].lstrip())
    items = []
    for line in lines[start + 1 :]:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if len(line) - len(line.lstrip()) <= indent:
            break
        if stripped.startswith("- "):
            items.append(stripped[2:])
    return items


def test_manifest_declares_the_command_the_shortcut_and_the_event() -> None:
    assert "- command: /brief" in MANIFEST
    assert re.search(rf"callback_id: {SUMMARIZE_SHORTCUT}\n", MANIFEST)
    assert _list_under("bot_events") == ["app_mention"]


def test_every_request_url_is_the_events_path() -> None:
    urls = re.findall(r"(?:url|request_url): (\S+)", MANIFEST)
    assert len(urls) == 3
    assert all(url.endswith(EVENTS_PATH) for url in urls)


def test_scopes_cover_every_web_api_method_the_app_calls() -> None:
    scopes = set(_list_under("bot"))
    needed = {
        "commands",  # /brief
        "chat:write",  # chat.postMessage, chat.postEphemeral
        "app_mentions:read",  # app_mention events
        "channels:history",  # conversations.replies
        "users:read",  # users.info
    }
    assert needed <= scopes
