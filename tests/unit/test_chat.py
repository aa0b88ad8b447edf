"""Thread summaries: verbatim items by kind, unanswered questions, read/total counts."""

from __future__ import annotations

import pytest

from briefings.chat import summarize_thread
from briefings.model import ChatMessage

pytestmark = pytest.mark.unit

THREAD = [
    ChatMessage("ana", "1", "The vendor says the API has been down since Monday."),
    ChatMessage("bo", "2", "That's not true, it came back this morning."),
    ChatMessage("ana", "3", "Which region was affected?"),
    ChatMessage("cy", "4", "Only the EU cluster as far as I know."),
    ChatMessage(
        "cy", "5", "Let's go with the fallback provider for now. @bo can you update the runbook?"
    ),
    ChatMessage("bo", "6", "I'll send the draft tonight. Do we need legal to sign off?"),
]


def test_items_are_verbatim_and_sorted_by_kind() -> None:
    summary = summarize_thread(THREAD)
    assert summary.participants == ("ana", "bo", "cy")
    assert [i.text for i in summary.disagreements] == [
        "That's not true, it came back this morning."
    ]
    assert summary.disagreements[0].replies_to == "1"
    assert [i.text for i in summary.decisions] == ["Let's go with the fallback provider for now."]
    assert [i.text for i in summary.action_items] == [
        "@bo can you update the runbook?",
        "I'll send the draft tonight.",
    ]
    assert any(i.user == "ana" and "API" in i.text for i in summary.claims)
    for group in (summary.claims, summary.disagreements, summary.open_questions):
        for item in group:
            assert any(item.text in m.text for m in THREAD)


def test_only_unanswered_questions_stay_open() -> None:
    summary = summarize_thread(THREAD)
    assert [i.text for i in summary.open_questions] == ["Do we need legal to sign off?"]


def test_read_and_total() -> None:
    summary = summarize_thread(THREAD[:3], total=40)
    assert (summary.read, summary.total) == (3, 40)
    assert summarize_thread(THREAD).total == len(THREAD)
    assert summary.to_dict()["messages"] == {"read": 3, "total": 40}


def test_empty_thread() -> None:
    summary = summarize_thread([])
    assert summary.participants == () and summary.read == 0 and summary.total == 0


@pytest.mark.parametrize(
    "text",
    ["No, the deadline is Friday.", "I disagree with that estimate.", "Nope, wrong ticket."],
)
def test_disagreement_cues(text: str) -> None:
    summary = summarize_thread(
        [ChatMessage("a", "1", "The deadline is Monday."), ChatMessage("b", "2", text)]
    )
    assert [i.text for i in summary.disagreements] == [text]


@pytest.mark.parametrize(
    "text",
    ["TODO: rotate the keys.", "Will send the minutes after lunch.", "I will book the room."],
)
def test_action_cues(text: str) -> None:
    assert [i.text for i in summarize_thread([ChatMessage("a", "1", text)]).action_items] == [text]
