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


def kinds(*lines: tuple[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Each kind of item the summary lists, as (user, text) pairs."""
    summary = summarize_thread(
        [ChatMessage(user, str(n), text) for n, (user, text) in enumerate(lines)]
    )
    return {
        "claim": [(i.user, i.text) for i in summary.claims],
        "disagreement": [(i.user, i.text) for i in summary.disagreements],
        "question": [(i.user, i.text) for i in summary.open_questions],
        "decision": [(i.user, i.text) for i in summary.decisions],
        "action": [(i.user, i.text) for i in summary.action_items],
    }


def test_chatter_after_a_question_does_not_answer_it_but_a_reply_in_answer_form_does() -> None:
    open_ = kinds(("ana", "has the ministry replied yet?"), ("bo", "lol the printer is on fire"))
    assert open_["question"] == [("ana", "has the ministry replied yet?")]
    answered = kinds(("ana", "has the ministry replied yet?"), ("bo", "not yet, maybe by 5"))
    assert answered["question"] == []
    named = kinds(
        ("ana", "when does the court sit?"),
        ("cy", "printer is fixed"),
        ("bo", "@ana tomorrow morning"),
    )
    assert named["question"] == []


def test_a_question_without_its_mark_is_still_a_question() -> None:
    found = kinds(("ana", "anyone know if the envoy landed"), ("bo", "brb, lunch"))
    assert found["question"] == [("ana", "anyone know if the envoy landed")]
    assert found["claim"] == []


@pytest.mark.parametrize(
    ("text", "is_action"),
    [
        ("I\u2019ll call the embassy after lunch", True),
        ("Marta, please check the wire for a reaction.", True),
        ("on it", True),
        ("@sam could you pull the court filing?", True),
        ("I can't believe the feed is down again", False),
        ("can you believe this headline", False),
        ("the spokesman is ill today", False),
        ('The minister said: "I will never resign over this."', False),
    ],
)
def test_action_items_are_work_taken_on_or_asked_for(text: str, is_action: bool) -> None:
    assert bool(kinds(("ana", text))["action"]) is is_action


@pytest.mark.parametrize(
    ("reply", "disputes"),
    [
        ("that's outdated, the agency corrected it at noon", True),
        ("I don't think that's right, the count was 40", True),
        ("hmm, not sure about that", True),
        ("no worries, I have it", False),
        ("No one at the agency picks up the phone.", False),
        ("The two delegations still disagree on the map.", False),
    ],
)
def test_disagreement_is_a_judgement_on_what_was_said(reply: str, disputes: bool) -> None:
    found = kinds(("ana", "The agency says 30 people were hurt."), ("bo", reply))
    assert bool(found["disagreement"]) is disputes


def test_a_no_that_answers_a_question_is_no_dispute_but_a_later_not_true_is() -> None:
    answered = kinds(("ana", "Do we have the memo?"), ("bo", "No, but legal has a copy."))
    assert answered["disagreement"] == [] and answered["question"] == []
    refused = kinds(("ana", "Are we naming the source?"), ("bo", "Absolutely not."))
    assert refused["disagreement"] == [] and refused["question"] == []
    later = kinds(("ana", "The memo is dated May."), ("bo", "Hm. Not true that it is May."))
    assert later["disagreement"] == [("bo", "Not true that it is May.")]


def test_decisions_commit_the_team_and_a_bare_agreed_decides_what_was_proposed() -> None:
    found = kinds(
        ("ana", "ok let's lead with the envoy quote"),
        ("bo", "we attribute it to two officials, not to the envoy"),
        ("cy", "agreed"),
        ("ana", "Decided?"),
        ("bo", 'Their statement: "The board has not agreed to any deal."'),
    )
    assert found["decision"] == [
        ("ana", "ok let's lead with the envoy quote"),
        ("bo", "we attribute it to two officials, not to the envoy"),
    ]


def test_chat_is_cut_at_every_full_stop_so_one_message_can_decide_and_assign() -> None:
    found = kinds(("ana", "ok going with the wire. sam, call the embassy"))
    assert found["decision"] == [("ana", "ok going with the wire.")]
    assert found["action"] == [("ana", "sam, call the embassy")]


def test_chatter_is_not_a_claim() -> None:
    found = kinds(
        ("ana", "brb grabbing lunch, anyone want something"),
        ("bo", "my laptop died again, classic"),
        ("cy", "The ministry says 12 convoys crossed today."),
    )
    assert found["claim"] == [("cy", "The ministry says 12 convoys crossed today.")]


def test_a_matrix_mention_of_the_asker_answers_the_question() -> None:
    found = kinds(
        ("@ana:example.org", "when does the court sit?"),
        ("@cy:example.org", "printer is fixed"),
        ("@bo:example.org", "@ana:example.org tomorrow, 9am"),
    )
    assert found["question"] == []


def test_a_decided_after_a_proposal_in_the_same_message_decides_that_proposal() -> None:
    found = kinds(("ana", "ok then we cite two officials, not the envoy. Decided."))
    assert found["decision"] == [("ana", "ok then we cite two officials, not the envoy.")]
    assert found["claim"] == []


def test_a_proposal_or_a_decision_answers_the_question_of_what_to_do() -> None:
    found = kinds(
        ("ana", "What's our headline then?"),
        ("bo", "How about 'Talks stall over the map'"),
        ("ana", "so what's the line on the envoy?"),
        ("cy", "brb"),
        ("bo", "let's go with the cautious line"),
    )
    assert found["question"] == []
    assert found["decision"] == [("bo", "let's go with the cautious line")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Absolutely not.", "disagreement"),
        ("ok I will, I know their press officer", "action"),
        ("the two campaigns disagree on whether the diaspora votes were counted at all", "claim"),
    ],
)
def test_short_replies_and_story_facts_land_where_they_belong(text: str, kind: str) -> None:
    found = kinds(("ana", "The ministry will publish the list."), ("bo", text))
    assert found[kind] == [("bo", text)]


def test_a_decision_does_not_answer_a_yes_or_no_question() -> None:
    found = kinds(
        ("ana", "is there a response from the ministry yet?"),
        ("bo", "lol who took my charger"),
        ("cy", "ok let's lead with the envoy quote"),
    )
    assert found["question"] == [("ana", "is there a response from the ministry yet?")]


def test_a_second_intent_after_a_dash_or_semicolon_is_its_own_item() -> None:
    found = kinds(
        ("ana", "The agency says 30 people were hurt."),
        ("bo", "nope, that's outdated, it said 41 at noon — I'll check the wire for the update"),
        ("cy", "the Kremlin — via TASS — says the talks go on"),
        ("ana", "numbers are final; let's lead with the turnout"),
    )
    assert found["disagreement"] == [("bo", "nope, that's outdated, it said 41 at noon")]
    assert found["action"] == [("bo", "I'll check the wire for the update")]
    assert ("cy", "the Kremlin — via TASS — says the talks go on") in found["claim"]
    assert found["decision"] == [("ana", "let's lead with the turnout")]


def test_a_counter_proposal_disputes_and_an_assent_that_says_what_to_do_decides() -> None:
    found = kinds(
        ("ana", "let's lead with the lawsuit"),
        ("bo", "I'd rather lead with the numbers, the suit is one affidavit"),
        ("cy", "agree, keep the numbers on top"),
    )
    assert found["disagreement"] == [
        ("bo", "I'd rather lead with the numbers, the suit is one affidavit")
    ]
    assert ("cy", "agree, keep the numbers on top") in found["decision"]


def test_a_reply_about_their_statement_answers_whether_they_said_anything() -> None:
    found = kinds(
        ("ana", "has the observer mission said anything?"),
        ("bo", "their first statement is due tomorrow at 10"),
    )
    assert found["question"] == []
