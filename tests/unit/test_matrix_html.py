"""Matrix ``formatted_body`` uses only what the spec recommends, whatever the text contains.

The instant-messaging module lists the HTML tags clients should allow, limits link schemes
(https, http, ftp, mailto, magnet) and nesting (100 levels). A rendered brief, digest, thread
summary or notice built from hostile text must stay inside those rules.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bot.app import Services
from bot.file_ingest import ingest_paths
from briefings.brief import build_brief, build_digest
from briefings.model import ChatMessage, Notice
from briefings.pipeline import run_chat_engine

pytestmark = pytest.mark.unit

SPEC_TAGS = {
    "font", "del", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "p", "a", "ul", "ol",
    "sup", "sub", "li", "b", "i", "u", "strong", "em", "s", "strike", "code", "hr", "br",
    "div", "table", "thead", "tbody", "tr", "th", "td", "caption", "pre", "span", "img",
    "details", "summary",
}  # fmt: skip
VOID = {"hr", "br", "img"}
HOSTILE = (
    "Kremlin spokesman Dmitry Peskov said the Donbass talks <script>alert(1)</script> would "
    'resume @room next week, see <a href="javascript:alert(2)">the plan</a> <img src=x '
    "onerror=alert(3)>.\n"
    "Ukrainian officials denied that the Donbass talks would resume @Room next week.\n"
)


class TagAudit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str, str | None]] = []
        self.depth = 0
        self.deepest = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += [(tag, name, value) for name, value in attrs]
        if tag not in VOID:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def audit(formatted_body: str) -> TagAudit:
    parser = TagAudit()
    parser.feed(formatted_body)
    parser.close()
    assert parser.depth == 0, "unbalanced tags"
    assert parser.tags <= SPEC_TAGS, parser.tags - SPEC_TAGS
    assert parser.deepest <= 100
    for tag, name, value in parser.attributes:
        assert (tag, name) == ("a", "href"), (tag, name)
        assert value and value.split(":", 1)[0] in {"https", "http"}, value
    return parser


def test_every_kind_of_message_stays_inside_the_spec_allowlist(
    services: Services, seed_file: Path, tmp_path: Path
) -> None:
    hostile = tmp_path / "hostile.md"
    hostile.write_text(
        '+++\ntitle = "Donbass <b>bold</b> @room"\noutlet = "<i>Evil</i>"\n'
        'url = "javascript:alert(4)"\npublished = "2026-01-28"\n+++\n' + HOSTILE,
        encoding="utf-8",
    )
    ingest_paths(services.pipeline, [seed_file, hostile], 1_000_000)
    now = datetime(2026, 2, 1, tzinfo=UTC)
    brief = build_brief(services.store, "donbass", None, now, "Donbass")
    digest = build_digest(services.store, [("donbass", "Donbass")], now - timedelta(days=30), now)
    summary = run_chat_engine(
        [
            ChatMessage("@alice:example.org", "$1", "<b>@room</b> should we accept the terms?"),
            ChatMessage("@bob:example.org", "$2", 'No. <a href="javascript:x">We decided</a>.'),
        ]
    )
    notice = Notice("<script>@room</script>", ("<img src=x onerror=alert(1)>",), error=True)
    seen = ""
    for obj in (brief, digest, summary, notice):
        for content in services.renderer.matrix(obj):
            assert content["format"] == "org.matrix.custom.html"
            parsed = audit(content["formatted_body"])
            seen += "".join(parsed.text)
            for text in (content["body"], "".join(parsed.text)):
                assert "@room" not in text.lower()
    assert "<script>alert(1)</script>" in seen  # shown as text, never as markup
    assert "Dmitry Peskov" in seen
