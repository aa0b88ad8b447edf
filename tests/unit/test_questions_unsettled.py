"""Sentences that leave an account unsettled: nobody could verify it, a side answers neither
way, or it is hard to prove; and spans cut at positions that hold for any text."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from briefings.extract import extract
from briefings.model import Claim, Denial, Sentence
from briefings.questions import find_open_questions

pytestmark = pytest.mark.unit


def _sentences(*texts: str) -> list[Sentence]:
    out, at = [], 0
    for i, text in enumerate(texts):
        out.append(Sentence(i, text, at, at + len(text), i))
        at += len(text) + 2
    return out


def _claim(sentences: Sequence[Sentence], index: int, speaker: str, content: str) -> Claim:
    assert content in sentences[index].text
    return Claim(sentences[index].text, speaker, "named", content, False, index, "said")


def _denial(
    sentences: Sequence[Sentence], index: int, speaker: str, denied: str, targets: tuple[int, ...]
) -> Denial:
    assert denied in sentences[index].text
    return Denial(sentences[index].text, speaker, "named", denied, targets, index, "denied")


@pytest.mark.parametrize(
    "check",
    [
        "The broadcaster couldn’t independently verify the claim.",
        "Reporters could not immediately confirm the figure.",
        "This could not be verified.",
    ],
)
def test_an_unverifiable_claim_is_the_claim_before_it(check: str) -> None:
    s = _sentences(
        "The coastguard said on Sunday that 40 migrants had been rescued from a dinghy.",
        "In a later statement, the coastguard said 300 people had been rescued this week.",
        check,
    )
    claims = [
        _claim(s, 0, "The coastguard", "40 migrants had been rescued from a dinghy"),
        _claim(s, 1, "the coastguard", "300 people had been rescued this week"),
    ]
    [question] = find_open_questions(s, claims, [])
    assert question.kind == "unconfirmed"
    assert question.evidence == (s[1].text, s[2].text)
    assert question.claims == (1,)
    assert "“300 people had been rescued this week”" in question.question


def test_a_side_that_neither_confirms_nor_denies_belongs_to_the_dispute() -> None:
    s = _sentences(
        "A chip maker's lawyers denied that its founder had passed designs to a rival.",
        "The chip maker itself has not confirmed or denied that any designs left the firm.",
        "Prosecutors said the founder emailed the designs to the rival in March.",
    )
    claims = [_claim(s, 2, "Prosecutors", "the founder emailed the designs to the rival")]
    denials = [
        _denial(s, 0, "A chip maker's lawyers", "its founder had passed designs to a rival", (0,))
    ]
    [question] = find_open_questions(s, claims, denials)
    assert question.kind == "contested"
    assert question.evidence == tuple(x.text for x in s)


def test_a_third_party_that_neither_confirms_nor_denies_is_a_question_of_its_own() -> None:
    s = _sentences(
        "Analysts at a ratings firm said the port authority owed 2 billion dollars.",
        "The port authority denied the figure.",
        "The transport regulator neither confirmed nor denied the figure, saying only that "
        "an audit would be published in May.",
    )
    claims = [_claim(s, 0, "Analysts at a ratings firm", "the port authority owed 2 billion")]
    denials = [_denial(s, 1, "The port authority", "the figure", (0,))]
    questions = find_open_questions(s, claims, denials)
    assert [q.kind for q in questions] == ["contested", "unconfirmed"]
    assert questions[0].evidence == (s[0].text, s[1].text)
    assert questions[1].evidence == (s[2].text,)


def test_an_allegation_hard_to_prove_joins_its_dispute() -> None:
    s = _sentences(
        "The energy minister said foreign banks had frozen 30 million dollars of gas revenue.",
        "Economists dismissed the minister's claim as an excuse for missing revenue.",
        "A transparency campaigner said it is difficult to prove the minister’s allegations.",
    )
    claims = [_claim(s, 0, "The energy minister", "foreign banks had frozen 30 million")]
    denials = [_denial(s, 1, "Economists", "the minister's claim", (0,))]
    [question] = find_open_questions(s, claims, denials)
    assert question.kind == "contested"
    assert question.evidence == tuple(x.text for x in s)


def test_how_many_is_hard_to_determine_is_unconfirmed() -> None:
    text = (
        "Flooding swept through three river towns over the weekend. "
        "Aid workers said it was hard to determine how many homes had been destroyed."
    )
    [question] = extract(text).open_questions
    assert question.kind == "unconfirmed"
    assert question.evidence[-1].startswith("Aid workers said")


def test_a_cue_after_a_dotted_capital_i_cuts_the_span_at_the_right_comma() -> None:
    # "İ" lower-cases to two characters: a position found in str.lower() text would point
    # past the cue in the original and cut the span after its comma instead of before.
    text = (
        "The cases of İlhan İnan, İpek İnce, İsmail İnal and İdil İnce remain pending, lawyers say."
    )
    [question] = extract(text).open_questions
    assert question.kind == "pending"
    assert "“İsmail İnal and İdil İnce remain pending, lawyers say”" in question.question


def test_no_confirmation_of_either_account_joins_the_question_they_raised() -> None:
    s = _sentences(
        "Villagers say a patrol burned twelve houses, a figure that could not be verified.",
        "An army spokesman said the patrol had only searched two barns.",
        "There has been no independent confirmation of either account.",
    )
    claims = [
        _claim(s, 0, "Villagers", "a patrol burned twelve houses"),
        _claim(s, 1, "An army spokesman", "the patrol had only searched two barns"),
    ]
    [question] = find_open_questions(s, claims, [])
    assert s[2].text in question.evidence
    assert s[0].text in question.evidence


def test_refusing_to_comment_on_the_reports_is_part_of_their_dispute() -> None:
    s = _sentences(
        "Reports say the two central banks will meet in Geneva next week.",
        "The finance ministry denied that any meeting was planned.",
        "Officials at the central bank refused to comment on the reports.",
    )
    claims = [_claim(s, 0, "Reports", "the two central banks will meet in Geneva")]
    denials = [_denial(s, 1, "The finance ministry", "any meeting was planned", (0,))]
    [question] = find_open_questions(s, claims, denials)
    assert question.kind == "contested"
    assert question.evidence == tuple(x.text for x in s)


def test_a_matter_awaited_and_named_again_is_one_pending_question() -> None:
    s = _sentences(
        "Union and management held a third day of wage talks without a breakthrough.",
        "Picket lines stayed up at both plants.",
        "Managers drove lorries out of the northern depot under police escort.",
        "The talks, held at a hotel near the airport, are set to resume on Monday.",
    )
    [question] = find_open_questions(s, [], [])
    assert question.kind == "pending"
    assert question.evidence == (s[0].text, s[3].text)


def test_that_deal_is_the_deal_already_awaited() -> None:
    s = _sentences(
        "The league chairman said he expects the clubs to accept a new broadcasting deal.",
        "Attendance fell for a third season.",
        "Ticket prices rose by a tenth.",
        "“Believe me, every club is going to sign that deal.",
    )
    [question] = find_open_questions(s, [], [])
    assert question.kind == "pending"
    assert question.evidence == (s[0].text, s[3].text)


def test_this_week_points_back_at_no_matter() -> None:
    s = _sentences(
        "The league chairman said he expects the clubs to accept a new deal this week.",
        "Attendance fell for a third season.",
        "Ticket prices rose by a tenth.",
        "This week the players' union is expected to elect a new leader.",
    )
    assert [len(q.evidence) for q in find_open_questions(s, [], [])] == [1, 1]


@pytest.mark.parametrize(
    "sentence",
    [
        "The news agency was unable to independently verify the video.",
        "There was no immediate confirmation from the port authority.",
        "The senator offered no evidence for the claim.",
    ],
)
def test_an_account_nobody_could_check_is_unconfirmed(sentence: str) -> None:
    text = f"A video shared online appeared to show a tanker on fire. {sentence}"
    questions = extract(text).open_questions
    assert [q.kind for q in questions if sentence in q.evidence] == ["unconfirmed"], questions


def test_an_accusation_made_without_evidence_asks_whether_it_is_so() -> None:
    sentence = (
        "The opposition leader said the count had been rigged in two districts, "
        "without providing evidence."
    )
    [question] = extract(f"Polls closed at eight on Sunday. {sentence}").open_questions
    assert question.kind == "unconfirmed"
    assert question.evidence == (sentence,)
    assert question.question.startswith("Is it confirmed that “the count had been rigged")


@pytest.mark.parametrize(
    "check",
    [
        "The two accounts could not be reconciled.",
        "Neither claim could be independently verified.",
        "The competing claims could not be checked because reporters are barred from the valley.",
        "There was no way to independently confirm the herders' claim.",
    ],
)
def test_a_sentence_that_leaves_two_accounts_unsettled_joins_their_dispute(check: str) -> None:
    s = _sentences(
        "Herders said soldiers burned their grazing camps in the valley.",
        "The army denied that troops had entered the valley.",
        check,
    )
    claims = [_claim(s, 0, "Herders", "soldiers burned their grazing camps")]
    denials = [_denial(s, 1, "The army", "troops had entered the valley", (0,))]
    [question] = find_open_questions(s, claims, denials)
    assert question.kind == "contested"
    assert question.evidence == tuple(x.text for x in s)
