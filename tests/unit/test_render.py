"""Rendering: hostile report text stays inert, and every platform limit holds after splitting."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from briefings.model import (
    Brief,
    BriefClaim,
    BriefDenial,
    BriefQuestion,
    BriefReport,
    Digest,
    Entities,
    Evidence,
    Notice,
)
from briefings.render import (
    MATRIX_MAX_EVENT_BYTES,
    MATRIX_MAX_EVENTS,
    SLACK_MAX_BLOCKS,
    SLACK_MAX_MESSAGE_CHARS,
    SLACK_MAX_MESSAGES,
    SLACK_MAX_SECTION,
    Renderer,
    escape_mrkdwn,
    utc_minute,
)

pytestmark = pytest.mark.unit
NOW = datetime(2026, 2, 1, 8, 0, tzinfo=UTC)
HOSTILE = (
    "<!channel> <@U024BE7LH> <https://evil.example|click> @here @room "
    '<script>alert(1)</script> <a href="javascript:alert(1)">x</a> & *bold*'
)


def brief_with(n_claims: int, sentence: str = "Officials said the talks will resume.") -> Brief:
    report = BriefReport(
        "r1", "Talks report", "Example Wire", "https://example.org/a", "2026-01-30"
    )
    claims = tuple(
        BriefClaim(
            id=f"c{i}",
            speaker="Officials",
            speaker_kind="official",
            content=f"{sentence} ({i})",
            hedged=i % 2 == 0,
            status="denied" if i == 0 else "uncontested",
            evidence=(Evidence("r1", f"{sentence} ({i})"),),
        )
        for i in range(n_claims)
    )
    denials = (
        BriefDenial(
            "d0",
            "A spokesperson",
            "official",
            "the reports",
            ("c0",),
            (Evidence("r1", "A spokesperson denied the reports."),),
        ),
    )
    questions = (
        BriefQuestion(
            "q0",
            "Will the talks resume?",
            "pending",
            ("c0",),
            (Evidence("r1", "Talks are expected to continue."),),
        ),
    )
    return Brief("donbass", NOW, None, (report,), claims, denials, questions, Entities())


def test_mrkdwn_escaping_neutralizes_mentions_and_links() -> None:
    out = escape_mrkdwn(HOSTILE)
    assert "<" not in out and ">" not in out
    assert "&lt;!channel&gt;" in out
    assert "@here" not in out and "@room" not in out


def test_slack_brief_escapes_report_text() -> None:
    messages = Renderer().slack(brief_with(1, sentence=HOSTILE))
    payload = json.dumps(messages)
    assert "<!channel>" not in payload
    assert "<@U024BE7LH>" not in payload
    assert "<https://evil.example|click>" not in payload
    assert "@here" not in payload


def test_matrix_html_is_escaped_and_mentions_defused() -> None:
    messages = Renderer().matrix(brief_with(1, sentence=HOSTILE))
    for content in messages:
        assert content["msgtype"] == "m.notice"
        assert content["format"] == "org.matrix.custom.html"
        assert "<script>" not in content["formatted_body"]
        assert 'href="javascript' not in content["formatted_body"]
        assert "&lt;script&gt;" in content["formatted_body"]
        assert "@room" not in content["body"] and "@room" not in content["formatted_body"]


def test_slack_splits_within_block_and_character_limits() -> None:
    messages = Renderer().slack(brief_with(300, sentence="A long sentence. " * 30))
    assert len(messages) > 1
    for message in messages:
        blocks = message["blocks"]
        assert 0 < len(blocks) <= SLACK_MAX_BLOCKS
        total = 0
        for block in blocks:
            if block["type"] == "section":
                assert len(block["text"]["text"]) <= SLACK_MAX_SECTION
                total += len(block["text"]["text"])
        assert total <= SLACK_MAX_MESSAGE_CHARS
    texts = "".join(
        b["text"]["text"] for m in messages for b in m["blocks"] if b["type"] == "section"
    )
    assert "(299)" in texts, "splitting must not lose items"


def test_one_huge_sentence_is_split_not_dropped() -> None:
    messages = Renderer().slack(brief_with(1, sentence="word " * 2000))
    sections = [b for m in messages for b in m["blocks"] if b["type"] == "section"]
    assert all(len(b["text"]["text"]) <= SLACK_MAX_SECTION for b in sections)


def test_matrix_splits_under_event_limit() -> None:
    messages = Renderer().matrix(brief_with(400, sentence="A long sentence. " * 20))
    assert len(messages) > 1
    for content in messages:
        assert len(json.dumps(content).encode()) < MATRIX_MAX_EVENT_BYTES + 4096
    assert "(399)" in messages[-1]["body"] or any("(399)" in m["body"] for m in messages)


def test_a_brief_past_the_message_cap_posts_the_cap_and_says_what_it_left_out() -> None:
    # One transcript of thousands of claims: hundreds of messages without the cap.
    huge = brief_with(2000, sentence="A long sentence. " * 30)
    slack = Renderer().slack(huge)
    assert len(slack) == SLACK_MAX_MESSAGES
    note = slack[-1]["blocks"][0]["text"]["text"]
    assert f"the first {SLACK_MAX_MESSAGES - 1} are posted here" in note
    assert "`briefbot brief donbass`" in note and "since:1d" in note
    assert "(0)" in json.dumps(slack[0]), "the newest items still come first"

    matrix = Renderer().matrix(huge)
    assert len(matrix) == MATRIX_MAX_EVENTS
    assert f"the first {MATRIX_MAX_EVENTS - 1} are posted here" in matrix[-1]["body"]
    assert "left out" in matrix[-1]["formatted_body"]


def test_a_brief_under_the_cap_is_posted_whole_without_a_note() -> None:
    messages = Renderer().slack(brief_with(200, sentence="A long sentence. " * 30))
    assert 1 < len(messages) < SLACK_MAX_MESSAGES
    assert "left out" not in json.dumps(messages)
    assert "(199)" in json.dumps(messages)


def test_markdown_shows_evidence_and_status() -> None:
    text = Renderer().markdown(brief_with(2))
    assert '"Officials said the talks will resume. (0)" [1]' in text
    assert "DENIED" in text
    assert "A spokesperson" in text and "Will the talks resume?" in text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_markdown_output_cannot_plant_a_link_an_image_or_html() -> None:
    hostile = (
        "See [a lie](https://evil.example/p) ![px](https://evil.example/t.png) <script>x</script>"
    )
    b = brief_with(1, sentence=hostile)
    report = replace(
        b.reports[0], title="<b>[click](https://evil.example)</b>", url="javascript:alert(1)"
    )
    text = Renderer().markdown(replace(b, reports=(report,)))
    assert "[a lie](" not in text and "![px](" not in text and "<script>" not in text
    assert r"\[a lie\](https://evil.example/p)" in text
    assert "<b>" not in text and "[click](" not in text
    assert "javascript:" not in text, "only http(s) report links are shown"


BIDI = "\u202e\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069"


def test_bidirectional_controls_are_dropped_on_every_platform() -> None:
    # U+202E would show the rest of the quote reversed, and spill into the next item.
    b = brief_with(1, sentence=f"Officials said {BIDI}the talks will resume.")
    renderer = Renderer()
    rendered = [
        renderer.markdown(b),
        json.dumps(renderer.slack(b), ensure_ascii=False),
        json.dumps(renderer.matrix(b), ensure_ascii=False),
    ]
    for text in rendered:
        assert "Officials said the talks will resume." in text.replace("\\", "")
        assert not any(ch in text for ch in BIDI)
    # The brief's JSON keeps the sentence as the report has it: it is the verbatim record.
    assert BIDI in json.dumps(b.to_dict(), ensure_ascii=False)


def test_empty_brief_says_so_everywhere() -> None:
    empty = Brief("donbass", NOW, None, (), (), (), (), Entities())
    renderer = Renderer()
    assert "No reports on this topic yet." in renderer.markdown(empty)
    assert "No reports on this topic yet." in json.dumps(renderer.slack(empty))
    assert "No reports on this topic yet." in renderer.matrix(empty)[0]["body"]


def test_a_moment_before_the_year_1000_keeps_four_digits_in_every_format() -> None:
    early = datetime(1, 1, 1, tzinfo=UTC)
    assert utc_minute(early) == "0001-01-01 00:00 UTC"
    assert utc_minute(datetime(999, 12, 31, 23, 59, tzinfo=UTC)) == "0999-12-31 23:59 UTC"
    renderer = Renderer()
    brief = replace(brief_with(1), since=early)
    digest = Digest(NOW, early, (brief,))
    for item in (brief, digest):
        texts = [
            renderer.markdown(item),
            json.dumps(renderer.slack(item)),
            *(event["body"] + event["formatted_body"] for event in renderer.matrix(item)),
        ]
        for text in texts:
            assert "0001-01-01 00:00 UTC" in text
            assert " 1-01-01" not in text


def test_notice_lines_are_escaped() -> None:
    notice = Notice("Error <!here>", ("line <b>x</b>",), error=True)
    renderer = Renderer()
    assert "<!here>" not in json.dumps(renderer.slack(notice))
    assert "<b>x</b>" not in renderer.matrix(notice)[0]["formatted_body"]


def test_json_matches_the_brief_contract() -> None:
    data = json.loads(Renderer().render(brief_with(1), "json"))
    assert set(data) >= {
        "topic",
        "generated_at",
        "since",
        "reports",
        "claims",
        "denials",
        "open_questions",
        "entities",
    }
    claim = data["claims"][0]
    assert set(claim) >= {
        "id",
        "speaker",
        "speaker_kind",
        "content",
        "hedged",
        "status",
        "evidence",
    }
    assert claim["evidence"][0] == {"report": "r1", "sentence": claim["evidence"][0]["sentence"]}
    assert data["denials"][0]["targets"] == ["c0"]
    assert data["open_questions"][0]["kind"] == "pending"


def test_matrix_budget_counts_json_escapes() -> None:
    # Control characters take six bytes each once JSON-escaped (\u0001).
    messages = Renderer().matrix(brief_with(60, sentence="\u0001" * 900))
    for content in messages:
        assert len(json.dumps(content, ensure_ascii=False).encode()) < 65536


def test_a_claim_reads_with_its_own_verb_where_it_has_one_and_the_label_where_not() -> None:
    b = brief_with(2)
    urged = replace(
        b.claims[0],
        content="Kyiv to withdraw from Donbass",
        evidence=(Evidence("r1", "U.S. officials urged Kyiv to withdraw from Donbass."),),
        verb="urged",
    )
    plain = replace(
        b.claims[1],
        content="the security framework was ready",
        evidence=(Evidence("r1", "Zelensky's assertion that the security framework was ready."),),
    )
    denial = replace(b.denials[0], verb="denied")
    b = replace(b, claims=(urged, plain), denials=(denial,))
    renderer = Renderer()

    text = renderer.markdown(b)
    assert "  urged Kyiv to withdraw from Donbass" in text
    assert "claims: Kyiv to withdraw" not in text
    assert "  claims: the security framework was ready" in text
    assert "**A spokesperson** (official) denied the reports" in text
    assert "rejects: Officials urged Kyiv to withdraw from Donbass" in text

    slack = json.dumps(renderer.slack(b), ensure_ascii=False)
    assert "`denied`: urged Kyiv to withdraw from Donbass" in slack
    assert ": the security framework was ready" in slack
    assert "(official) denied the reports" in slack
    assert "_rejects: Officials urged Kyiv to withdraw from Donbass_" in slack

    for event in renderer.matrix(b):
        assert "[denied]: urged Kyiv to withdraw from Donbass" in event["body"]
        assert "<code>denied</code>: urged Kyiv to withdraw" in event["formatted_body"]
        assert "(official) denied the reports" in event["body"]

    # Without a verb the denial keeps its label.
    b = replace(b, denials=(replace(denial, verb=""),))
    assert "(official) denies: the reports" in renderer.markdown(b)
    assert "(official) denies: the reports" in json.dumps(renderer.slack(b))


def test_a_sentence_copies_repeat_word_for_word_is_quoted_once_with_every_number() -> None:
    b = brief_with(1)
    sentence = b.claims[0].evidence[0].sentence
    reports = tuple(
        BriefReport(f"r{n}", f"Copy {n}", f"Outlet {n}", None, "2026-01-30") for n in range(1, 9)
    )
    other = "Officials said on Friday the talks will resume. (0)"
    evidence = (*(Evidence(r.id, sentence) for r in reports[:7]), Evidence("r8", other))
    b = replace(b, reports=reports, claims=(replace(b.claims[0], evidence=evidence),))
    renderer = Renderer()
    text = renderer.markdown(b)
    assert text.count(f'"{sentence}"') == 1
    assert f'"{sentence}" [1, 2, 3, 4, 5 and 2 more]' in text
    assert f'"{other}" [8]' in text
    slack = json.dumps(renderer.slack(b), ensure_ascii=False)
    assert slack.count(f"> {sentence} [1, 2, 3, 4, 5 and 2 more]") == 1
    [event] = renderer.matrix(b)
    # (Counted as quoted: the denial's "rejects" line names the claim by its content.)
    assert event["body"].count(f"> {sentence}") == 1
    assert (
        f"<blockquote>{sentence} [1, 2, 3, 4, 5 and 2 more]</blockquote>"
        in (event["formatted_body"])
    )
    # The JSON keeps every report's evidence: it is the record, not the view.
    assert len(b.to_dict()["claims"][0]["evidence"]) == 8


def test_each_claim_a_denial_rejects_is_its_own_line_before_the_quoted_evidence() -> None:
    # Slack reads "_…_" as italics and "> " as a quote only at the start of a line: glued
    # together, the section showed "denied the reports_rejects: …_> A spokesperson …".
    b = brief_with(2)
    denial = replace(b.denials[0], targets=("c0", "c1"), verb="denied")
    b = replace(b, denials=(denial,))
    texts = [
        block["text"]["text"]
        for message in Renderer().slack(b)
        for block in message["blocks"]
        if block.get("text") and "rejects" in block["text"]["text"]
    ]
    [text] = texts
    lines = text.split("\n")
    assert lines[0] == "*A spokesperson* (official) denied the reports"
    assert lines[1].startswith("_rejects Officials: ") and lines[1].endswith("(0)_")
    assert lines[2].startswith("_rejects Officials: ") and lines[2].endswith("(1)_")
    assert lines[3].startswith("> A spokesperson denied the reports.")


def test_an_answered_question_carries_its_answer_in_the_matrix_plain_body_too() -> None:
    # Notifications, bridges and text-only clients show only the plain body: "(answered)"
    # there without the answer sent their readers looking for a quote they could not see.
    b = brief_with(1)
    answer = "The Kremlin said the talks will resume on Friday."
    answered = replace(b.open_questions[0], closed_by=(Evidence("r1", answer),))
    renderer = Renderer()
    [event] = renderer.matrix(replace(b, open_questions=(answered,)))
    assert "* Will the talks resume? (answered)" in event["body"]
    assert f"  Answered by:\n  > {answer} [1]" in event["body"]
    assert answer in event["formatted_body"] and answer in renderer.markdown(
        replace(b, open_questions=(answered,))
    )

    # An open question still reads as open, with no answer to show.
    [event] = renderer.matrix(b)
    assert "* Will the talks resume? (pending)" in event["body"]
    assert "Answered by" not in event["body"]


def test_matrix_names_the_claims_a_denial_rejects_as_every_other_format_does() -> None:
    # The Markdown and Slack briefs said whom a denial answers; Matrix dropped the link.
    b = brief_with(2)
    b = replace(b, denials=(replace(b.denials[0], targets=("c0", "c1"), verb="denied"),))
    [event] = Renderer().matrix(b)
    body = event["body"]
    assert "* A spokesperson (official) denied the reports\n  rejects Officials: " in body
    assert body.count("  rejects Officials: ") == 2
    html = event["formatted_body"]
    assert html.count("<br><em>rejects Officials: ") == 2
    # A denial that answers no claim in the brief says nothing of the kind.
    b = replace(b, denials=(replace(b.denials[0], targets=()),))
    [event] = Renderer().matrix(b)
    assert "rejects" not in event["body"] and "rejects" not in event["formatted_body"]


def brief_of_many_reports(count: int, url_length: int = 180) -> Brief:
    """A brief whose claims each rest on a report of their own, every report with a news URL
    of about ``url_length`` characters, as outlets' section/date/slug links are."""
    base = "https://www.example-news.org/world/europe/2026/01/29/donbass-working-group-session-"
    reports = tuple(
        BriefReport(
            f"r{n}",
            f"Donbass working group, session {n}",
            "Test Wire",
            (base + f"{n}-" + "road-to-kramatorsk-will-reopen-" * 8)[:url_length],
            "2026-01-29",
        )
        for n in range(1, count + 1)
    )
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
    return Brief("donbass", NOW, None, reports, claims, (), (), Entities())


def report_lists(messages: list[dict]) -> list[str]:
    return [
        e["text"]
        for m in messages
        for b in m["blocks"]
        if b["type"] == "context"
        for e in b["elements"]
    ]


def test_slack_names_every_report_its_quotes_cite_however_many() -> None:
    # 24 reports: the quotes cite [1] to [24], and each of them is named in the list.
    messages = Renderer().slack(brief_of_many_reports(24))
    quotes = " ".join(
        b["text"]["text"] for m in messages for b in m["blocks"] if b["type"] == "section"
    )
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", quotes)}
    assert cited == set(range(1, 25))
    named = [
        int(n) for text in report_lists(messages) for n in re.findall(r"^\[(\d+)\] ", text, re.M)
    ]
    assert named == list(range(1, 25))
    assert "more" not in " ".join(report_lists(messages))


def test_slack_splits_the_list_of_reports_between_links_never_inside_one() -> None:
    # A dozen ordinary news URLs fill more than one 3,000-character block.
    brief = brief_of_many_reports(24)
    lists = report_lists(Renderer().slack(brief))
    assert len(lists) > 1
    for text in lists:
        assert len(text) <= SLACK_MAX_SECTION
        for line in text.split("\n"):
            assert re.fullmatch(
                r"\[\d+\] <https://[^<>|]+\|[^<>]+> \(Test Wire, 2026-01-29\)", line
            )
    links = re.findall(r"<(https://[^|>]+)\|", "\n".join(lists))
    assert links == [r.url for r in brief.reports]


def test_a_dozen_reports_with_short_links_stay_one_block_naming_each() -> None:
    # Near miss: twelve reports whose links fit one block are listed there, all of them.
    brief = brief_of_many_reports(12, url_length=90)
    [text] = report_lists(Renderer().slack(brief))
    assert [int(n) for n in re.findall(r"\[(\d+)\] <", text)] == list(range(1, 13))
    assert re.findall(r"<(https://[^|>]+)\|", text) == [r.url for r in brief.reports]


def test_a_report_url_too_long_for_a_block_loses_its_link_not_its_number() -> None:
    brief = brief_of_many_reports(2)
    long = replace(brief.reports[1], url="https://example.org/" + "a" * 4000)
    lists = report_lists(Renderer().slack(replace(brief, reports=(brief.reports[0], long))))
    lines = "\n".join(lists).split("\n")
    assert lines[1] == "[2] Donbass working group, session 2 (Test Wire, 2026-01-29)"
    assert all(len(text) <= SLACK_MAX_SECTION for text in lists)


def test_the_list_of_reports_keeps_its_period_and_what_it_left_out() -> None:
    brief = replace(brief_of_many_reports(2), since=NOW, omitted_reports=4)
    [text] = report_lists(Renderer().slack(brief))
    first, second, note = text.split("\n")
    assert first.startswith(f"Since {utc_minute(NOW)} · [1] <https://")
    assert second.startswith("[2] <https://")
    assert note == "_4 reports of this period not shown; use since: to ask for a shorter period._"


def test_each_topic_of_a_slack_digest_names_every_report_it_cites() -> None:
    # The digest's thread renders each topic as a brief: each list is whole, in its order.
    topics = tuple(
        replace(brief_of_many_reports(24), topic=name, since=NOW) for name in ("donbass", "kyiv")
    )
    digest = Digest(generated_at=NOW, since=NOW, briefs=topics)
    lists = "\n".join(report_lists(Renderer().slack(digest)))
    named = [int(n) for n in re.findall(r"^(?:Since .* · )?\[(\d+)\] <", lists, re.M)]
    assert named == [*range(1, 25), *range(1, 25)]


def test_a_matrix_list_of_reports_too_long_for_one_event_is_split_between_entries() -> None:
    # 300 reports with ordinary news URLs make a list of over 64 KiB: one piece, it could
    # not be split (the splitter, which splits items between quotes, raised on it), so such
    # a brief or digest never went out.
    url = "https://www.example-news.org/world/europe/2026/01/29/donbass-road-" + "x" * 300
    reports = tuple(
        BriefReport(f"r{n}", "Envoys meet again on the Donbass road", "Wire", f"{url}{n}", None)
        for n in range(1, 301)
    )
    b = replace(brief_with(1), reports=reports)
    events = Renderer().matrix(b)
    named: list[int] = []
    starts: list[str] = []
    for event in events:
        assert len(json.dumps(event, ensure_ascii=False).encode()) <= 64 * 1024
        for line in event["body"].split("\n\n"):
            if line.startswith("Reports"):
                starts.append(line.split(":")[0])
                named += [int(n) for n in re.findall(r"\[(\d+)\] Envoys", line)]
        html = event["formatted_body"]
        assert html.count("<a href=") == html.count("</a>"), "every link whole"
    assert named == list(range(1, 301)), "each report named once, in order"
    assert starts[0] == "Reports" and set(starts[1:]) == {"Reports (continued)"}


def test_a_huge_outlet_name_is_clipped_in_every_format() -> None:
    # A page's og:site_name of 10,000 four-byte characters made one list entry larger than
    # a Matrix event (80 kB), which the homeserver refuses.
    b = brief_with(1)
    b = replace(b, reports=(replace(b.reports[0], outlet="\U00020000" * 10_000),))
    for event in Renderer().matrix(b):
        assert len(json.dumps(event, ensure_ascii=False).encode()) <= 64 * 1024
        assert "\U00020000" * 81 not in event["body"]
    assert "\U00020000" * 81 not in Renderer().markdown(b)
    assert "\U00020000" * 81 not in json.dumps(Renderer().slack(b), ensure_ascii=False)
