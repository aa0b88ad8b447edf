"""``briefbot poll`` and ``briefbot status`` as a user runs them: a real process, a real store,
feeds from a local HTTP server."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.feeds.feed_server import FeedServer, Route, rss

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


def briefbot(args: list[str], config: Path) -> subprocess.CompletedProcess[str]:
    environ = {
        k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "SLACK_", "MATRIX_"))
    }
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=ROOT,
        env={**environ, "BRIEFBOT_CONFIG": str(config)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_poll_says_each_problem_once_and_status_tells_a_warning_from_an_error(
    tmp_path: Path, server: FeedServer
) -> None:
    feed = rss(
        "Wire", [{"guid": "urn:story:1", "title": "Envoys resume talks on Donbass in Geneva"}]
    )
    # A stray '&' makes the XML not well-formed; the entries before it are still read.
    broken = feed.replace(b"</channel>", b"<item><title>&amp</title></item></channel>")
    server.routes["/feed.xml"] = Route(body=broken, content_type="application/rss+xml")
    config = tmp_path / "briefbot.toml"
    config.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "b.db"}"\n'
        f'[topics]\nfile = "{ROOT / "config" / "topics.toml"}"\n'
        "[fetch]\nallow_private = true\n"
        f'[[sources]]\nname = "wire"\nkind = "feed"\nurl = "{server.url("/feed.xml")}"\n'
        "baseline = false\n"
        f'[[sources]]\nname = "gone"\nkind = "folder"\npath = "{tmp_path / "nowhere"}"\n',
        encoding="utf-8",
    )
    polled = briefbot(["poll"], config)
    assert polled.returncode == 1
    assert polled.stderr == ""  # no log line repeats what the summary says
    out = polled.stdout
    assert out.count("folder not found") == 1
    assert f"gone (folder): error: {tmp_path / 'nowhere'}: folder not found" in out
    assert out.count("warning:") == 1
    head = next(line for line in out.splitlines() if line.startswith("wire (feed): "))
    assert head.startswith("wire (feed): 1 new report")
    assert "; warning: the feed is not well-formed (" in head

    status = briefbot(["status"], config)
    assert status.returncode == 0, status.stderr
    wire = next(line for line in status.stdout.splitlines() if "Source wire" in line)
    assert "; warning: the feed is not well-formed (" in wire and "; ok" not in wire
    gone = next(line for line in status.stdout.splitlines() if "Source gone" in line)
    assert "; last error: " in gone and "(create it or fix the source's path) (1 in a row)" in gone


def test_a_page_with_no_article_is_one_line_with_no_library_log_around_it(
    tmp_path: Path, server: FeedServer
) -> None:
    # trafilatura logs its own ERROR lines for a body it cannot read (an XML document
    # served at an article's URL); the user was shown those around the one line that says
    # what happened to which URL.
    server.routes["/doc.xml"] = Route(
        body=b"<?xml version='1.0'?><doc><p>Not an article</p></doc>",
        content_type="application/xml",
    )
    config = tmp_path / "briefbot.toml"
    config.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "b.db"}"\n'
        f'[topics]\nfile = "{ROOT / "config" / "topics.toml"}"\n'
        "[fetch]\nallow_private = true\n",
        encoding="utf-8",
    )
    ingested = briefbot(["ingest", server.url("/doc.xml")], config)
    assert ingested.returncode == 1
    lines = (ingested.stdout + ingested.stderr).strip().splitlines()
    assert lines == [
        f"rejected   {server.url('/doc.xml')}: no article text found in the page",
        "0 added, 0 unchanged, 1 rejected.",
    ]
