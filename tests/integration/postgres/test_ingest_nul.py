"""NUL characters never reach the store: PostgreSQL refuses them in text, SQLite would keep
them. A report spelling one as an escape is stored without it, a file holding a NUL byte is
rejected as binary, on both backends, without a database error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.app import build_services
from bot.file_ingest import ingest_paths
from bot.polling import poll_all
from tests.conftest import make_config
from tests.integration.feeds.feed_server import FeedServer, Route

pytestmark = pytest.mark.integration


def test_nul_characters_are_removed_or_the_file_rejected_never_a_database_error(
    tmp_path: Path, database_url: str
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    report = {"title": "Road\u0000 report", "text": "The mayor said\u0000 the road was open."}
    (drop / "a.json").write_text(json.dumps(report), encoding="utf-8")
    (drop / "b.md").write_text(
        '+++\noutlet = "Wire\\u0000"\n+++\nThe governor said\u2009the bridge was shut.\n', "utf-8"
    )
    (drop / "c.txt").write_bytes(b"Title\n" + b"The port said so. " * 1000 + b"\x00\n")
    services = build_services(make_config(tmp_path, {"database": {"url": database_url}}))
    try:
        outcomes = ingest_paths(services.pipeline, [drop], 1_000_000)
        assert [(o.status, o.reason) for o in outcomes] == [
            ("added", ""),
            ("added", ""),
            ("rejected", "this looks like a binary file, not text"),
        ]
        stored = services.store.get_report(outcomes[0].report_id or "")
        assert stored is not None
        assert (stored.title, stored.text) == ("Road report", "The mayor said the road was open.")
        outlet = services.store.get_report(outcomes[1].report_id or "")
        assert outlet is not None and outlet.outlet == "Wire"
    finally:
        services.close()


def test_a_feed_entry_with_nul_characters_is_stored_without_them(
    tmp_path: Path, database_url: str
) -> None:
    feed = (
        b"<rss version='2.0'><channel><title>Wire</title><item><guid>g1</guid>"
        b"<title>Talks&#0; resume</title>"
        b"<description>The envoy said&#0; the talks would resume.\x00</description>"
        b"</item></channel></rss>"
    )
    with FeedServer() as server:
        server.routes["/feed.xml"] = Route(body=feed, content_type="application/rss+xml")
        source = {"name": "wire", "kind": "feed", "url": server.url("/feed.xml"), "baseline": False}
        config = make_config(
            tmp_path,
            {
                "database": {"url": database_url},
                "fetch": {"allow_private": True},
                "sources": [source],
            },
        )
        services = build_services(config)
        try:
            results = poll_all(services)
            assert results.ok and results.added == 1
            (outcome,) = results.results[0].stored
            stored = services.store.get_report(outcome.report_id or "")
            assert stored is not None
            assert (stored.title, stored.text) == (
                "Talks resume",
                "The envoy said the talks would resume.",
            )
        finally:
            services.close()
