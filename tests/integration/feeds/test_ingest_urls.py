"""``briefbot ingest URL…`` and ``briefbot poll`` through the command line, on loopback."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.app import build_services
from bot.cli import main
from bot.fetch_ingest import ingest_urls
from briefings.brief import build_brief
from tests.conftest import ROOT, ingest_breaks_on, make_config

from .feed_server import FeedServer, Route, article

pytestmark = pytest.mark.integration

TEXT = [
    "Ukraine's defence ministry said on Friday that it had moved two brigades away from the "
    "front near Pokrovsk to rest, and that positions in Donbass remained stable.",
    "The ministry gave no figures for losses and said more details would follow next week.",
]


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        running.routes["/a"] = Route(body=article("Brigades rotated near Pokrovsk", TEXT))
        running.routes["/nav"] = Route(body=b"<html><body><nav>Home</nav></body></html>")
        yield running


def test_ingest_urls_stores_articles_and_rejects_the_rest_with_reasons(
    tmp_path: Path, server: FeedServer
) -> None:
    services = build_services(make_config(tmp_path, {"fetch": {"allow_private": True}}))
    try:
        good, empty, missing, again = ingest_urls(
            services,
            [server.url("/a#x"), server.url("/nav"), server.url("/404"), server.url("/a")],
        )
        assert good.status == "added" and "donbass" in good.topics
        assert empty.status == "rejected" and empty.reason == "no article text found in the page"
        assert missing.status == "rejected" and missing.reason == "HTTP 404 Not Found"
        assert again.status == "unchanged" and again.report_id == good.report_id
        assert services.store.report_by_url(server.url("/a")) == good.report_id
    finally:
        services.close()


def test_a_page_over_the_cap_names_the_settings_that_limit_it(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/long"] = Route(body=article("A long read", TEXT * 400))
    size = len(server.routes["/long"].body)
    caps = [
        ({"fetch": {"allow_private": True, "max_bytes": 1000}}, "[fetch] max_bytes"),
        ({"fetch": {"allow_private": True}, "ingest": {"max_bytes": 1000}}, "[ingest] max_bytes"),
        (
            {"fetch": {"allow_private": True, "max_bytes": 1000}, "ingest": {"max_bytes": 1000}},
            "[fetch] max_bytes and [ingest] max_bytes",
        ),
    ]
    for n, (extra, setting) in enumerate(caps):
        folder = tmp_path / str(n)
        folder.mkdir()
        services = build_services(make_config(folder, extra))
        try:
            (outcome,) = ingest_urls(services, [server.url("/long")])
        finally:
            services.close()
        assert outcome.status == "rejected"
        assert outcome.reason == (
            f"{size:,} bytes is over the size cap of 1,000 bytes "
            f"(raise {setting} in the config to accept it)"
        )


def test_a_page_that_is_no_html_is_named_for_what_it_is_without_parser_noise(
    tmp_path: Path, server: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"
    server.routes["/doc.pdf"] = Route(body=pdf, content_type="application/pdf")
    server.routes["/img.png"] = Route(body=b"\x89PNG\r\n\x1a\n\x00\x00", content_type="image/png")
    server.routes["/api.json"] = Route(body=b'{"items": []}', content_type="application/json")
    server.routes["/unlabelled"] = Route(body=pdf, content_type="")
    # A server that labels its HTML wrongly, or not at all, still has its article read.
    page = article("Brigades rotated near Pokrovsk", TEXT)
    server.routes["/as-text"] = Route(body=page, content_type="text/plain")
    server.routes["/no-type"] = Route(body=page, content_type="")
    services = build_services(make_config(tmp_path, {"fetch": {"allow_private": True}}))
    paths = ["/doc.pdf", "/img.png", "/api.json", "/unlabelled", "/as-text", "/no-type"]
    try:
        with caplog.at_level(logging.WARNING):
            outcomes = ingest_urls(services, [server.url(p) for p in paths])
    finally:
        services.close()
    assert [(o.status, o.reason) for o in outcomes] == [
        ("rejected", "not an HTML page (application/pdf)"),
        ("rejected", "not an HTML page (image/png)"),
        ("rejected", "not an HTML page (application/json)"),
        ("rejected", "not an HTML page (application/pdf)"),
        ("added", ""),
        ("unchanged", ""),
    ]
    assert [r.getMessage() for r in caplog.records if r.name.startswith("trafilatura")] == []


def test_an_article_headline_is_not_glued_to_its_first_sentence(
    tmp_path: Path, server: FeedServer
) -> None:
    services = build_services(make_config(tmp_path, {"fetch": {"allow_private": True}}))
    try:
        (outcome,) = ingest_urls(services, [server.url("/a")])
        brief = build_brief(services.store, "donbass")
    finally:
        services.close()
    assert outcome.status == "added" and outcome.title == "Brigades rotated near Pokrovsk"
    evidence = [e.sentence for claim in brief.claims for e in claim.evidence]
    assert TEXT[0] in evidence
    assert not any("Brigades rotated" in sentence for sentence in evidence)


def plain_config(tmp_path: Path) -> Path:
    """A config of a store and the project's topics, nothing allowed beyond the defaults."""
    config = tmp_path / "briefbot.toml"
    config.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "b.db"}"\n'
        f'[topics]\nfile = "{ROOT / "config" / "topics.toml"}"\n',
        encoding="utf-8",
    )
    return config


def test_cli_refuses_loopback_by_default_and_says_how_to_allow_it(
    tmp_path: Path, server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    config = plain_config(tmp_path)
    assert main(["--config", str(config), "ingest", server.url("/a")]) == 1
    out = capsys.readouterr()
    assert "refused: 127.0.0.1 resolves to a loopback address" in out.out
    assert "allow_private = true" in out.out
    assert server.requests == []


def test_cli_poll_fails_when_a_source_fails_and_names_it(
    tmp_path: Path, server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "briefbot.toml"
    config.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "b.db"}"\n'
        f'[topics]\nfile = "{ROOT / "config" / "topics.toml"}"\n'
        "[fetch]\nallow_private = true\n"
        f'[[sources]]\nname = "page"\nkind = "url"\nurl = "{server.url("/a")}"\n'
        f'[[sources]]\nname = "broken"\nkind = "feed"\nurl = "{server.url("/nav")}"\n',
        encoding="utf-8",
    )
    assert main(["--config", str(config), "poll"]) == 1
    out = capsys.readouterr().out
    assert "page (url): 1 new report" in out
    assert "broken (feed): error: not a readable RSS or Atom feed" in out
    assert "1 new report from 2 sources; 1 failed (see `briefbot status`)." in out

    # Polled again by hand, the failed source is fetched again, not left to its backoff.
    hits = len(server.requests)
    assert main(["--config", str(config), "poll"]) == 1
    out = capsys.readouterr().out
    assert "broken (feed): error: not a readable RSS or Atom feed" in out
    assert "backing off" not in out
    assert len(server.requests) > hits


def test_cli_names_a_url_scheme_it_cannot_fetch_instead_of_looking_for_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = plain_config(tmp_path)
    assert main(["--config", str(config), "ingest", "ftp://127.0.0.1/x"]) == 1
    out = capsys.readouterr().out
    assert "ftp://127.0.0.1/x: unsupported URL scheme 'ftp' (http or https)" in out
    assert "no such file" not in out


def test_a_url_that_meets_a_bug_is_rejected_and_the_next_one_read(
    tmp_path: Path, server: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.routes["/b"] = Route(body=article("Brigades rotated again", [*TEXT, "More news."]))
    services = build_services(make_config(tmp_path, {"fetch": {"allow_private": True}}))
    try:
        with (
            caplog.at_level(logging.ERROR, logger="bot.fetch_ingest"),
            ingest_breaks_on(services.pipeline, "/a", RuntimeError("no speaker")),
        ):
            bad, good = ingest_urls(services, [server.url("/a"), server.url("/b")])
        assert (bad.status, bad.reason) == ("rejected", "internal error (RuntimeError: no speaker)")
        assert good.status == "added"
        assert any(r.exc_info for r in caplog.records)
    finally:
        services.close()


def test_cli_rejects_a_url_redirecting_nowhere_and_reads_the_next(
    tmp_path: Path, server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/moved"] = Route(status=302, headers={"Location": "javascript:alert(1)"})
    config = plain_config(tmp_path)
    with config.open("a", encoding="utf-8") as extra:
        extra.write("[fetch]\nallow_private = true\n")
    moved, good = server.url("/moved"), server.url("/a")
    assert main(["--config", str(config), "ingest", moved, "http://[::1", good]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        f"rejected   {moved}: the page redirects to an unsupported URL javascript:alert(1)"
    )
    assert lines[1] == "rejected   http://[::1: not a valid URL (Invalid IPv6 URL)"
    assert lines[2].startswith(f"added      {good} (")


def test_cli_reads_a_url_whose_scheme_is_in_capitals(
    tmp_path: Path, server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    config = plain_config(tmp_path)
    with config.open("a", encoding="utf-8") as extra:
        extra.write("[fetch]\nallow_private = true\n")
    shouting = server.url("/a").replace("http://", "HTTP://")
    assert main(["--config", str(config), "ingest", shouting]) == 0
    assert capsys.readouterr().out.startswith(f"added      {shouting} (")
