"""The fetcher's address rule, the backoff and retry schedules, and the User-Agent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.fetch import USER_AGENT, address_refusal, media_type, retry_after_seconds
from bot.scheduler import retry_delay
from bot.sources import backoff_delay
from briefings import __version__
from briefings.ledger import digest_key

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("172.16.5.4", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("::ffff:127.0.0.1", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "non-public"),
        ("fd00::5", "private"),
    ],
)
def test_internal_addresses_are_refused(address: str, why: str) -> None:
    refusal = address_refusal(address)
    assert refusal is not None and refusal.startswith(why)


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700:4700::1111", "8.8.8.8"])
def test_public_addresses_pass(address: str) -> None:
    assert address_refusal(address) is None


def test_user_agent_names_the_bot_and_its_version() -> None:
    assert USER_AGENT.startswith(f"briefbot/{__version__} (+https://")


def test_backoff_doubles_up_to_the_ceiling() -> None:
    delays = [backoff_delay(300, n, 3600) for n in range(6)]
    assert delays[0] == timedelta(seconds=300)
    assert delays[1:4] == [timedelta(seconds=600), timedelta(seconds=1200), timedelta(seconds=2400)]
    assert delays[4] == delays[5] == timedelta(seconds=3600)
    assert backoff_delay(300, 10_000, 7200) == timedelta(seconds=7200)


def test_delivery_retries_back_off_to_an_hour() -> None:
    assert retry_delay(1) == timedelta(minutes=1)
    assert retry_delay(3) == timedelta(minutes=4)
    assert retry_delay(30) == timedelta(hours=1)


def test_digest_key_is_destination_topic_and_local_day() -> None:
    assert digest_key("slack:C1", "donbass", "2026-01-29") == "slack:C1|donbass|2026-01-29"


def test_retry_after_reads_seconds_and_http_dates() -> None:
    now = datetime(2026, 1, 29, 12, 0, tzinfo=UTC)
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Thu, 29 Jan 2026 12:30:00 GMT", now) == 1800.0
    assert retry_after_seconds("Thu, 29 Jan 2026 11:00:00 GMT", now) == 0.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds("²") is None, "a digit outside ASCII is no number of seconds"
    assert retry_after_seconds(None) is None


@pytest.mark.parametrize(
    ("content_type", "body", "expected"),
    [
        ("text/html; charset=utf-8", b"<!DOCTYPE html><html>", "text/html"),
        ("application/pdf", b"%PDF-1.7", "application/pdf"),
        ("text/html", b"%PDF-1.7", "application/pdf"),  # the file's signature wins
        ("image/png", b"anything", "image/png"),
        ("", b"\x89PNG\r\n\x1a\n\x00", "image/png"),
        ("", b"\xef\xbb\xbf  <!doctype html><title>x</title>", "text/html"),
        ("text/plain", b"<html lang='en'><head>", "text/html"),
        ("application/octet-stream", b"<div>text</div>", "text/html"),
        ("application/xml", b"<?xml version='1.0'?><html xmlns='x'><head>", "text/html"),
        ("", b"<?xml version='1.0'?><rss version='2.0'>", "application/xml"),
        ("", b'{"html": "<p>not a page</p>"}', "application/json"),
        ("text/plain", b"Plain words, no markup.", "text/plain"),
        ("", b"\x00\x01\x02", "application/octet-stream"),
    ],
)
def test_media_type_trusts_an_informative_header_and_reads_the_body_otherwise(
    content_type: str, body: bytes, expected: str
) -> None:
    assert media_type(content_type, body) == expected
