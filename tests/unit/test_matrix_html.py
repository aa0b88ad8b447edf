"""Matrix ``formatted_body`` uses only what the spec recommends, whatever the text contains.

The instant-messaging module lists the HTML tags clients should allow, limits link schemes
(https, http, ftp, mailto, magnet) and nesting (100 levels). A rendered brief, digest, thread
summary or notice built from hostile text must stay inside those rules.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from bot.app import Services
from bot.file_ingest import ingest_paths
from briefings.brief import build_brief, build_digest
from briefings.ingest import read_report_file
from briefings.model import (
    Brief,
    BriefClaim,
    BriefQuestion,
    BriefReport,
    ChatMessage,
    Entities,
    Evidence,
    Notice,
)
from briefings.pipeline import run_chat_engine

pytestmark = pytest.mark.unit
NOW = datetime(2026, 2, 1, 8, 0, tzinfo=UTC)

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
        'published = "2026-01-28"\n+++\n' + HOSTILE,
        encoding="utf-8",
    )
    ingest_paths(services.pipeline, [seed_file], 1_000_000)
    # Ingest refuses a javascript: url now; a report stored before it did may still hold one.
    report = replace(read_report_file(hostile), url="javascript:alert(4)")
    services.pipeline.ingest(report, str(hostile))
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


# One long sentence as forty wire copies repeat it, each with its own dateline: one claim,
# forty quotes. (Copies that repeat it word for word are one quote with forty numbers.)
WIRE_SENTENCE = (
    "The presidential spokesman said on Tuesday that the negotiators would keep insisting on "
    "a complete withdrawal of the other side's troops from the two eastern regions before any "
    "ceasefire line could be drawn, that the maps shown to the mediators in the autumn were no "
    "longer a basis for talks, that humanitarian corridors for the towns along the front could "
    "be discussed only once the withdrawal had begun, and that any monitoring mission would "
    "need the consent of both capitals, the approval of the security council and a mandate "
    "limited to twelve months, after which the arrangement would be reviewed by the parties "
    "themselves rather than by outside guarantors, whose role the spokesman described as "
    "advisory at best and unwelcome at worst in the present phase of the negotiations."
)


def wire_brief(copies: int, sentence: str = WIRE_SENTENCE, *, same: bool = False) -> Brief:
    reports = tuple(
        BriefReport(f"w{i:02}", f"Wire copy {i}", f"Outlet {i}", None, "2026-01-30")
        for i in range(copies)
    )
    quoted = {r.id: sentence if same else f"CITY {i} — {sentence}" for i, r in enumerate(reports)}
    claim = BriefClaim(
        id="c0",
        speaker="The presidential spokesman",
        speaker_kind="official",
        content="the negotiators would keep insisting on a complete withdrawal",
        hedged=False,
        status="uncontested",
        evidence=tuple(Evidence(r.id, quoted[r.id]) for r in reports),
    )
    question = BriefQuestion(
        "q0",
        "Will the withdrawal begin?",
        "pending",
        ("c0",),
        tuple(Evidence(r.id, quoted[r.id]) for r in reports),
        closed_by=(Evidence("w00", "The withdrawal began on Friday."),),
    )
    return Brief("donbass", NOW, None, reports, (claim,), (), (question,), Entities())


def quoted_refs(events: list[dict[str, Any]], field: str) -> list[str]:
    """The report numbers of every quote of the wire sentence, in the order they are sent."""
    text = "".join(e[field] for e in events)
    return re.findall(r"advisory at best and unwelcome at worst[^\[]*\[(\d+)\]", text)


def test_an_item_too_large_for_one_event_is_split_between_its_quotes(
    services: Services,
) -> None:
    events = services.renderer.matrix(wire_brief(40))
    assert len(events) > 2, "forty long quotes cannot share one 64 KiB event"
    every_quote_twice = [str(n) for n in range(1, 41)] * 2  # the claim's, then the question's
    for field in ("body", "formatted_body"):
        assert quoted_refs(events, field) == every_quote_twice, field
    for content in events:
        assert len(json.dumps(content, ensure_ascii=False).encode()) < 65536
        parsed = audit(content["formatted_body"])
        assert parsed.tags >= {"ul", "li", "strong", "blockquote"}
        assert "…" not in content["body"] and "quote cut" not in content["body"]
    later = "".join(e["formatted_body"] for e in events[1:])
    assert "<strong>The presidential spokesman</strong> (continued: quotes" in later
    assert "(answered)" in events[0]["body"] + later, "the first part keeps the question's state"
    assert "<p>Answered by:</p><blockquote>The withdrawal began on Friday. [1]" in later
    later_bodies = "".join(e["body"] for e in events[1:])
    assert "  Answered by:\n  > The withdrawal began on Friday. [1]" in later_bodies


def test_an_item_that_fits_one_event_is_rendered_whole(services: Services) -> None:
    events = services.renderer.matrix(wire_brief(3))
    assert len(events) == 1
    assert "continued" not in events[0]["body"]
    assert quoted_refs(events, "formatted_body") == ["1", "2", "3"] * 2


def test_a_single_quote_too_large_for_any_event_is_cut_and_says_so(
    services: Services,
) -> None:
    sentence = "The spokesman read out the whole annex, clause by clause. " * 1500
    events = services.renderer.matrix(wire_brief(2, sentence=sentence, same=True))
    for content in events:
        assert len(json.dumps(content, ensure_ascii=False).encode()) < 65536
        audit(content["formatted_body"])
    # (Word for word in both reports, yet each quote this large is a part of its own.)
    cut = [e for e in events if "quote cut: it runs to 87,000 characters" in e["body"]]
    assert len(cut) == 4, "each of the four quotes says it was cut"
    assert all("<blockquote>" in e["formatted_body"] for e in cut)
