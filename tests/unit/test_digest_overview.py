"""The overview a long digest opens with: the right highlights, one message, nothing lost."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

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
)
from briefings.overview import overview
from briefings.render import MATRIX_MAX_EVENT_BYTES, SLACK_MAX_MESSAGE_CHARS, Renderer

pytestmark = pytest.mark.unit
NOW = datetime(2026, 2, 1, 8, 0, tzinfo=UTC)
HOSTILE = "<!channel> <https://evil.example|click> @here <script>alert(1)</script>"
REPORTS = tuple(
    BriefReport(f"r{n}", f"Report {n}", "Wire", None, "2026-01-31") for n in range(1, 4)
)


def claim(
    n: int,
    speaker: str = "Officials",
    kind: str = "official",
    sources: int = 1,
    hedged: bool = False,
    status: str = "uncontested",
    report: str = "r1",
) -> BriefClaim:
    return BriefClaim(
        id=f"c{n}",
        speaker=speaker,
        speaker_kind=kind,  # type: ignore[arg-type]
        content=f"claim number {n} about the road",
        hedged=hedged,
        status=status,  # type: ignore[arg-type]
        evidence=(Evidence(report, f"{speaker} said claim number {n} about the road."),),
        independent_sources=sources,
    )


def denial(n: int, targets: tuple[str, ...] = (), speaker: str = "A spokesperson") -> BriefDenial:
    return BriefDenial(
        f"d{n}",
        speaker,
        "official",
        f"denied thing {n}",
        targets,
        (Evidence("r2", f"{speaker} denied thing {n}."),),
    )


def question(
    n: int, kind: str = "contested", related: tuple[str, ...] = (), answered: bool = False
) -> BriefQuestion:
    return BriefQuestion(
        f"q{n}",
        f"Question {n}?",
        kind,  # type: ignore[arg-type]
        related,
        (Evidence("r1", f"Question {n} evidence."),),
        (Evidence("r3", f"Question {n} was settled."),) if answered else (),
    )


def brief(
    claims: tuple[BriefClaim, ...] = (),
    denials: tuple[BriefDenial, ...] = (),
    questions: tuple[BriefQuestion, ...] = (),
    topic: str = "donbass",
) -> Brief:
    since = NOW - timedelta(days=1)
    return Brief(topic, NOW, since, REPORTS, claims, denials, questions, Entities())


def digest(*briefs: Brief) -> Digest:
    return Digest(NOW, NOW - timedelta(days=1), briefs)


def test_highlights_lead_with_answers_then_denials_then_corroborated_claims() -> None:
    b = brief(
        claims=(
            claim(1, "Mayor Ivan Petrov", "named"),
            claim(2, sources=4, report="r2"),
            claim(3, "Anonymous sources", "anonymous", hedged=True),
            claim(4, status="denied"),
        ),
        denials=(denial(1, ("c4",)),),
        questions=(question(1, "pending", answered=True),),
    )
    [topic] = overview((b,))
    assert [h.kind for h in topic.highlights] == ["answered", "denial", "claim"]
    answered, rejecting, carried = topic.highlights
    assert answered.what == "Question 1?" and answered.refs == (3,)
    assert rejecting.who == "A spokesperson" and rejecting.against == ("Officials",)
    assert carried.sources == 4 and carried.refs == (2,)
    assert (topic.claims, topic.contested_claims, topic.denials) == (4, 1, 1)
    assert (topic.questions, topic.answered, topic.reports) == (0, 1, 3)


def test_what_a_highlight_already_told_is_not_told_again() -> None:
    # The denial rejects c1; the contested question is built from c1 and the denial: both
    # say the same thing, so the next highlights are the named claim and nothing else.
    b = brief(
        claims=(claim(1, sources=3, status="denied"), claim(2, "Mayor Ivan Petrov", "named")),
        denials=(denial(1, ("c1",)),),
        questions=(question(1, "contested", ("c1", "d1")),),
    )
    [topic] = overview((b,))
    assert [(h.kind, h.who) for h in topic.highlights] == [
        ("denial", "A spokesperson"),
        ("claim", "Mayor Ivan Petrov"),
    ]


def test_hedged_and_anonymous_claims_are_not_led_with_on_their_own() -> None:
    b = brief(claims=(claim(1, "Sources", "anonymous", hedged=True), claim(2, hedged=True)))
    [topic] = overview((b,))
    assert topic.highlights == ()
    assert topic.claims == 2


def test_more_topics_get_fewer_highlights_each() -> None:
    def busy(t: int) -> Brief:
        named = tuple(claim(i, f"Minister {i}", "named") for i in range(5))
        return brief(claims=named, topic=f"topic-{t}")

    assert [len(t.highlights) for t in overview(tuple(busy(t) for t in range(4)))] == [3] * 4
    assert [len(t.highlights) for t in overview(tuple(busy(t) for t in range(5)))] == [1] * 5
    assert [len(t.highlights) for t in overview(tuple(busy(t) for t in range(13)))] == [0] * 13


def test_empty_topics_are_left_out_and_long_spans_clipped_at_a_word() -> None:
    long = replace(claim(1, "Minister Olena Shevchuk", "named"), content="word " * 100)
    [topic] = overview((brief(), brief(claims=(long,), topic="other")))
    assert topic.topic == "other"
    [h] = topic.highlights
    assert h.what.endswith("word…") and len(h.what) <= 160


def long_digest() -> Digest:
    """Two topics whose items fill several Slack messages and Matrix events."""
    sentence = "The regional envoy said the convoy would cross the line at dawn. " * 20
    claims = tuple(
        replace(
            claim(i, f"Envoy {i}", "named"),
            evidence=(Evidence("r1", f"{sentence}({i})"),),
        )
        for i in range(30)
    )
    denials = (denial(1, ("c3",)),)
    return digest(
        brief(claims=claims, denials=denials),
        brief(claims=claims[:12], topic="ukraine-peace-talks"),
    )


def test_a_long_slack_digest_opens_with_the_overview_and_threads_every_item() -> None:
    d = long_digest()
    messages = Renderer().slack(d)
    assert len(messages) > 3
    first = json.dumps(messages[0], ensure_ascii=False)
    assert "*donbass* — 3 reports · 30 claims · 1 denial" in first
    assert "*ukraine-peace-talks* — 3 reports · 12 claims" in first
    assert "*A spokesperson* denies denied thing 1, rejecting *Envoy 3* [2]" in first
    assert "the convoy would cross" not in first, "no evidence in the overview"
    # The title, a section a topic, and the line that points to the thread.
    assert [b["type"] for b in messages[0]["blocks"]] == ["section"] * 3 + ["context"]
    assert len(first) < SLACK_MAX_MESSAGE_CHARS
    rest = json.dumps(messages[1:], ensure_ascii=False)
    for i in range(30):
        assert f"at dawn. ({i})" in rest
    assert rest.count("*Daily digest*") == 0, "the title is the overview's alone"


def test_a_digest_that_fits_one_message_is_posted_whole_without_an_overview() -> None:
    d = digest(brief(claims=(claim(1, "Mayor Ivan Petrov", "named"),)))
    [message] = Renderer().slack(d)
    text = json.dumps(message, ensure_ascii=False)
    assert "Mayor Ivan Petrov said claim number 1" in text
    assert "thread" not in text
    [event] = Renderer().matrix(d)
    assert "Mayor Ivan Petrov said claim number 1" in event["body"]


def test_a_long_matrix_digest_opens_with_the_overview() -> None:
    events = Renderer().matrix(long_digest())
    assert len(events) > 1
    head = events[0]
    assert head["body"].startswith("Daily digest: what changed since 2026-01-31 08:00 UTC")
    assert "donbass: 3 reports · 30 claims · 1 denial" in head["body"]
    assert "<strong>A spokesperson</strong> denies denied thing 1" in head["formatted_body"]
    assert "the convoy would cross" not in head["body"]
    assert all(len(json.dumps(e).encode()) < MATRIX_MAX_EVENT_BYTES + 5000 for e in events)
    rest = "\n".join(e["body"] for e in events[1:])
    assert all(f"at dawn. ({i})" in rest for i in range(30))


def test_hostile_speakers_and_spans_stay_inert_in_the_overview() -> None:
    hostile = replace(claim(1, HOSTILE, "named", sources=2), content=HOSTILE)
    d = long_digest()
    d = replace(d, briefs=(replace(d.briefs[0], claims=(hostile, *d.briefs[0].claims)),))
    slack = json.dumps(Renderer().slack(d)[0], ensure_ascii=False)
    assert "<!channel>" not in slack and "<https://evil" not in slack
    assert "&lt;!channel&gt;" in slack
    head = Renderer().matrix(d)[0]
    assert "<script>" not in head["formatted_body"] and "&lt;script&gt;" in head["formatted_body"]
    assert "@here" not in head["body"] and "@here" not in head["formatted_body"]


def test_a_speaker_left_as_a_pronoun_is_not_led_with() -> None:
    b = brief(
        claims=(claim(1, "Mayor Ivan Petrov", "named"),),
        denials=(denial(1, ("c1",), speaker="he"),),
    )
    [topic] = overview((b,))
    assert [(h.kind, h.who) for h in topic.highlights] == [("claim", "Mayor Ivan Petrov")]


def test_highlights_read_with_the_sentence_s_own_verb() -> None:
    d = long_digest()
    first = d.briefs[0]
    urged = replace(
        claim(90, "Mayor Ivan Petrov", "named", sources=2),
        content="Kyiv to hold talks",
        verb="urged",
    )
    rejecting = replace(first.denials[0], denied="the reports", verb="rejected")
    d = replace(
        d,
        briefs=(replace(first, claims=(urged, *first.claims), denials=(rejecting,)), d.briefs[1]),
    )
    slack = json.dumps(Renderer().slack(d)[0], ensure_ascii=False)
    assert "*A spokesperson* rejected the reports, rejecting *Envoy 3*" in slack
    assert "*Mayor Ivan Petrov* (2 independent sources) urged Kyiv to hold talks" in slack
    head = Renderer().matrix(d)[0]
    assert "A spokesperson rejected the reports" in head["body"]
    assert "Mayor Ivan Petrov (2 independent sources) urged Kyiv to hold talks" in head["body"]
    assert "<strong>A spokesperson</strong> rejected the reports" in head["formatted_body"]
