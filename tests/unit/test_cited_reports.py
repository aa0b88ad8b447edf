"""A message of a split brief or digest names every report its quotes cite by number.

The list of reports ends a brief; a reader who sees one message alone (the first four of an
ephemeral answer, a brief cut at the message cap, a digest's overview in the channel) must
still be able to tell which report "[13]" is, from that message.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.slack.replies import RESPONSE_URL_USES, ephemeral_replies
from briefings.citations import Part, fit_key, pack
from briefings.model import Brief, BriefClaim, BriefReport, Digest, Entities, Evidence
from briefings.render import (
    MATRIX_MAX_EVENTS,
    SLACK_MAX_BLOCKS,
    SLACK_MAX_MESSAGE_CHARS,
    SLACK_MAX_MESSAGES,
    SLACK_MAX_SECTION,
    Renderer,
)

pytestmark = pytest.mark.unit
NOW = datetime(2026, 2, 1, 8, 0, tzinfo=UTC)
URL = "https://www.example-news.org/world/europe/2026/01/29/donbass-working-group-session-"
HOSTILE = "<!channel> <@U024BE7LH> <https://evil.example|click> @here @room <b>x</b> &"
# A quote's label: "[3]", "[1, 4]", "[2, 3, 4, 5, 6 and 19 more]".
LABEL = re.compile(r"\[(\d+(?:, \d+)*)(?: and \d+ more)?\]$", re.M)
# A line naming a report: in the list ("Since … · [1] …") or in a key ("Cited here: [1] …").
NAMED = re.compile(r"^(?:Since .*? · |Cited here(?: \([^)]*\))?: )?\[(\d+)\] ", re.M)


def report(n: int, title: str | None = None, url_length: int = 180) -> BriefReport:
    url = (URL + f"{n}-" + "road-to-kramatorsk-will-reopen-" * 8)[:url_length]
    return BriefReport(
        f"r{n}", title or f"Working group, session {n}", "Test Wire", url, "2026-01-29"
    )


def brief_of(count: int, topic: str = "donbass", title: str | None = None) -> Brief:
    """A claim a report, each quoting its own: ``count`` numbers to name."""
    reports = tuple(report(n, title) for n in range(1, count + 1))
    claims = tuple(
        BriefClaim(
            id=f"c{n}",
            speaker="Marta Kovalenko",
            speaker_kind="named",
            content=f"the road will reopen for convoy {n}",
            hedged=False,
            status="uncontested",
            evidence=(Evidence(f"r{n}", f"Marta Kovalenko said the road will reopen ({n})."),),
        )
        for n in range(1, count + 1)
    )
    return Brief(topic, NOW, None, reports, claims, (), (), Entities())


def sections_text(message: dict[str, Any]) -> str:
    return "\n".join(b["text"]["text"] for b in message["blocks"] if b["type"] == "section")


def context_text(message: dict[str, Any], keys: bool | None = None) -> str:
    """Context lines of a message: all, only its key (``True``) or only the list's."""
    return "\n".join(
        e["text"]
        for b in message["blocks"]
        if b["type"] == "context"
        and (keys is None or b.get("block_id", "").startswith("cited-") == keys)
        for e in b["elements"]
    )


def cited(text: str) -> set[int]:
    return {int(n) for label in LABEL.findall(text) for n in label.split(", ")}


def named(text: str) -> set[int]:
    return {int(n) for n in NAMED.findall(text)}


def assert_within_slack_limits(message: dict[str, Any]) -> None:
    blocks = message["blocks"]
    assert len(blocks) <= SLACK_MAX_BLOCKS
    chars = sum(len(b.get("text", {}).get("text", "")) for b in blocks)
    chars += sum(len(e["text"]) for b in blocks for e in b.get("elements", []) if "text" in e)
    assert chars <= SLACK_MAX_MESSAGE_CHARS
    for b in blocks:
        for text in [b.get("text", {}).get("text", "")] + [
            e.get("text", "") for e in b.get("elements", [])
        ]:
            assert len(text) <= SLACK_MAX_SECTION


def test_each_message_of_a_split_slack_brief_names_every_report_it_cites() -> None:
    messages = Renderer().slack(brief_of(60))
    assert len(messages) > 2
    for message in messages:
        assert cited(sections_text(message)) <= named(context_text(message))
        assert_within_slack_limits(message)
    # A message without the list keys only what it cites, each entry whole and linked
    # exactly as the list links it; one with the whole list needs no key.
    first = messages[0]
    assert named(context_text(first, keys=True)) == cited(sections_text(first))
    for line in context_text(first, keys=True).split("\n"):
        assert re.fullmatch(
            r"(Cited here: )?\[\d+\] <https://[^<>|]+\|Working group, session \d+> "
            r"\(Test Wire, 2026-01-29\)",
            line,
        ), line
    every_quote = set().union(*(cited(sections_text(m)) for m in messages))
    assert every_quote == set(range(1, 61))


def test_the_four_messages_an_ephemeral_answer_shows_name_what_they_cite() -> None:
    # The list comes in the messages a response_url cannot carry.
    brief = brief_of(150)
    rendered = Renderer().slack_uncapped(brief)
    assert len(rendered) > RESPONSE_URL_USES
    replies = ephemeral_replies(rendered, '{"topic":"donbass","since":null}', "donbass")
    shown = replies[: RESPONSE_URL_USES - 1]
    assert "This brief runs to" in replies[-1]["text"]
    assert not any("[1] <https" in context_text(m, keys=False) for m in shown[1:])
    for message in shown:
        numbers = cited(sections_text(message))
        assert numbers, "each shown message quotes reports"
        assert numbers <= named(context_text(message, keys=True))
        assert_within_slack_limits(message)


def test_a_brief_past_the_message_cap_names_its_reports_in_every_message_posted() -> None:
    # Hundreds of claims on one report: the list would be in message 62, never posted.
    report_one = report(1)
    claims = tuple(
        BriefClaim(
            f"c{i}",
            "Officials",
            "official",
            f"the talks will resume ({i})",
            False,
            "uncontested",
            (Evidence("r1", f"Officials said the talks will resume ({i})."),),
        )
        for i in range(3000)
    )
    brief = Brief("donbass", NOW, None, (report_one,), claims, (), (), Entities())
    messages = Renderer().slack(brief)
    assert len(messages) == SLACK_MAX_MESSAGES
    for message in messages[:-1]:
        assert context_text(message, keys=True).startswith("Cited here: [1] <https://")
        assert_within_slack_limits(message)
    assert "Cited here" not in json.dumps(messages[-1]), "the note cites nothing"
    events = Renderer().matrix(brief)
    assert len(events) == MATRIX_MAX_EVENTS
    for event in events[:-1]:
        assert "Cited here: [1] Working group, session 1 (Test Wire)" in event["body"]


def digest_of(*briefs: Brief) -> Digest:
    return Digest(generated_at=NOW, since=NOW, briefs=briefs)


def test_the_overview_of_a_long_digest_names_the_reports_its_highlights_cite() -> None:
    # Three independent sources carry one claim: the overview leads with it, citing [1-3].
    carried = BriefClaim(
        "c0",
        "Marta Kovalenko",
        "named",
        "the road will reopen",
        False,
        "uncontested",
        tuple(Evidence(f"r{n}", f"Kovalenko said the road will reopen ({n}).") for n in (1, 2, 3)),
        independent_sources=3,
    )
    donbass = brief_of(40)
    donbass = Brief(
        "donbass", NOW, NOW, donbass.reports, (carried, *donbass.claims), (), (), Entities()
    )
    messages = Renderer().slack(digest_of(donbass, brief_of(30, topic="kyiv")))
    head = messages[0]
    assert "*Daily digest*" in sections_text(head)
    assert "Kovalenko* (3 independent sources): the road will reopen [1, 2, 3]" in (
        sections_text(head)
    )
    key = context_text(head, keys=True)
    assert key.startswith("Cited here (donbass): [1] <https://")
    assert named(key) == cited(sections_text(head)) == {1, 2, 3}
    events = Renderer().matrix(digest_of(donbass, brief_of(150, topic="kyiv")))
    assert len(events) > 1
    assert (
        "Cited here (donbass): [1] Working group, session 1 (Test Wire); [2]" in (events[0]["body"])
    )
    assert (
        '<p><em>Cited here (donbass):</em> [1] <a href="https://' in (events[0]["formatted_body"])
    )


def event_cited(event: dict[str, Any]) -> set[int]:
    quotes = "\n".join(
        line.rsplit("  Cited here", 1)[0]
        for line in event["body"].split("\n")
        if line.lstrip().startswith(">")
    )
    return cited(quotes)


def event_named(event: dict[str, Any]) -> set[int]:
    names: set[int] = set()
    for line in event["body"].split("\n"):
        if line.startswith(("Reports: ", "Cited here")):
            names.update(int(n) for n in re.findall(r"(?:^|; |: )\[(\d+)\] ", line))
    return names


def test_each_matrix_event_of_a_split_brief_names_every_report_it_cites() -> None:
    events = Renderer().matrix(brief_of(150))
    assert len(events) > 1
    for event in events:
        assert event_cited(event) <= event_named(event)
        assert len(json.dumps(event, ensure_ascii=False).encode()) < 65536
    first = events[0]
    assert "Reports:" not in first["body"]
    assert (
        '<p><em>Cited here:</em> [1] <a href="https://www.example-news.org/'
        in (first["formatted_body"])
    )


def test_a_brief_that_fits_one_message_has_its_list_and_no_key() -> None:
    # Near miss: 24 reports in one Slack message and one Matrix event, as before.
    brief = brief_of(24)
    [message] = Renderer().slack(brief)
    assert context_text(message, keys=True) == ""
    assert named(context_text(message, keys=False)) == set(range(1, 25))
    [event] = Renderer().matrix(brief)
    assert "Cited here" not in event["body"] + event["formatted_body"]
    assert event_named(event) == set(range(1, 25))


def test_hostile_titles_in_a_key_are_escaped_as_the_list_escapes_them() -> None:
    brief = brief_of(60, title=HOSTILE)
    messages = Renderer().slack(brief)
    key = context_text(messages[0], keys=True)
    assert key, "the first message cites reports its list does not name"
    assert "<!channel>" not in key and "<@U024BE7LH>" not in key
    assert "&lt;!channel&gt; &lt;@U024BE7LH&gt; &lt;https://evil.example|click&gt;" in key
    assert "@\u2060here" in key and "@here" not in key
    assert all(
        re.fullmatch(r"(Cited here: )?\[\d+\] <https://[^<>]+\|[^<>]+> .*", line)
        for line in key.split("\n")
    )
    events = Renderer().matrix(brief_of(120, title=HOSTILE))
    html = events[0]["formatted_body"].split("Cited here:", 1)[1]
    assert "<b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "&lt;!channel&gt;" in html and "@\u2060room" in html
    assert "@here" not in events[0]["body"].split("Cited here:", 1)[1]


def test_a_key_too_long_for_its_room_loses_links_then_entries_and_says_how_many() -> None:
    def render(refs: Any, linked: bool, more: int) -> str:
        entry = "[{}] <https://example.org/long|Title>" if linked else "[{}] Title"
        return "\n".join([*(entry.format(n) for _, n in refs), *([f"+{more}"] if more else [])])

    def cost(key: str) -> tuple[int, ...]:
        return (len(key),)

    refs = [(0, n) for n in range(1, 11)]
    assert "https" in str(fit_key(refs, render, cost, (1000,)))
    assert fit_key(refs, render, cost, (100,)) == "\n".join(f"[{n}] Title" for n in range(1, 11))
    assert fit_key(refs, render, cost, (40,)) == "[1] Title\n[2] Title\n[3] Title\n+7"
    assert fit_key(refs, render, cost, (2,)) is None


def test_packing_leaves_room_for_each_key_and_takes_a_last_run_whole_with_its_list() -> None:
    parts = [Part(f"q{n}", (10,), cites=frozenset({(0, n)})) for n in range(1, 5)]
    listed = Part("list", (10,), names=frozenset((0, n) for n in range(1, 5)))

    def key_cost(refs: Any) -> tuple[int, ...]:
        return (5 * len(refs),)

    groups = pack([*parts, listed], (40,), key_cost)
    # Alone, q1-q3 and their key would take 45: two quotes and a key of two, then the rest
    # with the list, which names what they cite.
    assert [[p.content for p in g] for g in groups] == [["q1", "q2"], ["q3", "q4", "list"]]


def test_a_matrix_list_of_reports_too_long_for_one_event_is_split_between_entries() -> None:
    # 300 reports with ordinary news URLs make a list of over 64 KiB: one piece, it could
    # not be split (the splitter raised on it), so such a brief or digest never went out.
    b = brief_of(300, title="Envoys meet again on the Donbass road " * 3)
    b = replace(
        b,
        reports=tuple(
            replace(r, url=report(n + 1, url_length=400).url) for n, r in enumerate(b.reports)
        ),
    )
    events = Renderer().matrix(b)
    named: list[int] = []
    for event in events:
        assert len(json.dumps(event, ensure_ascii=False).encode()) <= 64 * 1024
        body = event["body"]
        for line in body.split("\n\n"):
            if line.startswith("Reports"):
                named += [int(n) for n in re.findall(r"\[(\d+)\] Envoys", line)]
        # Every link in the HTML is whole.
        assert event["formatted_body"].count("<a href=") == event["formatted_body"].count("</a>")
    assert named == list(range(1, 301)), "each report named once, in order"
    starts = [
        line.split(":")[0]
        for e in events
        for line in e["body"].split("\n\n")
        if line.startswith("Reports")
    ]
    assert starts[0] == "Reports" and set(starts[1:]) == {"Reports (continued)"}
