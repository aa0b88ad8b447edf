"""Open questions: contested, pending and unconfirmed, each with verbatim evidence."""

from __future__ import annotations

import pytest

from briefings.clusters import Cluster
from briefings.extract import extract
from briefings.model import Claim, Sentence
from briefings.placement import Placement

pytestmark = pytest.mark.unit

TRADE = """Brazilian officials said on Friday that a trade agreement with Canada could be signed \
within weeks. Canada's trade ministry denied that any agreement had been reached.

Negotiators left Ottawa without a deal on beef quotas, and talks are set to resume in May.

Two people familiar with the talks said Brazil may drop its demand for tariff-free ethanol.
"""


def test_every_evidence_sentence_is_verbatim() -> None:
    result = extract(TRADE)
    assert result.open_questions
    for question in result.open_questions:
        assert question.evidence
        for sentence in question.evidence:
            assert sentence in TRADE


def test_claim_and_its_denial_make_a_contested_question() -> None:
    result = extract(TRADE)
    contested = [q for q in result.open_questions if q.kind == "contested"]
    assert contested
    evidence = contested[0].evidence
    assert any(s.startswith("Brazilian officials said") for s in evidence)
    assert any(s.startswith("Canada's trade ministry denied") for s in evidence)
    assert contested[0].denials and contested[0].claims


def test_outcome_left_open_is_pending() -> None:
    result = extract(TRADE)
    pending = [q for q in result.open_questions if q.kind == "pending"]
    assert any(any("set to resume" in s for s in q.evidence) for q in pending), (
        result.open_questions
    )


def test_hedged_anonymous_claim_is_unconfirmed() -> None:
    result = extract(TRADE)
    unconfirmed = [q for q in result.open_questions if q.kind == "unconfirmed"]
    assert any(any(s.startswith("Two people familiar") for s in q.evidence) for q in unconfirmed)


@pytest.mark.parametrize(
    ("first", "second", "kind", "opening"),
    [
        # SCHEMA: "a statement is hedged and unconfirmed" is open, whoever hedges it.
        (
            "The mayor opened the new bridge on Monday.",
            "Engineer Lena Holt said cracks in the deck may have been caused by the cold.",
            "unconfirmed",
            "Is it confirmed that",
        ),
        # What a source says will happen is an outcome to wait for.
        (
            "The council met on Monday.",
            "The union said its members will strike on Friday if the pay offer stands.",
            "pending",
            "What comes of it: ",
        ),
    ],
)
def test_a_named_sources_hedge_or_announcement_leaves_its_matter_open(
    first: str, second: str, kind: str, opening: str
) -> None:
    questions = extract(f"{first} {second}").open_questions
    assert [(q.kind, q.evidence) for q in questions] == [(kind, (second,))]
    assert questions[0].question.startswith(opening)


@pytest.mark.parametrize(
    "later",
    [
        "Ruiz said the soldiers may come back.",
        "Ruiz said the villagers will rebuild the market.",
    ],
)
def test_a_party_to_a_question_adds_evidence_instead_of_asking_again(later: str) -> None:
    text = (
        "Farmer Ana Ruiz said soldiers burned the market. The army denied that soldiers "
        f"burned the market.\n\nThe region has had no rain for a month.\n\n{later}"
    )
    questions = extract(text).open_questions
    assert [q.kind for q in questions] == ["contested"]
    assert later in questions[0].evidence
    # Evidence, not a side: the hedge or the announcement is not a claim of the dispute.
    assert len(questions[0].claims) == 1


def test_a_firm_claim_of_a_named_source_leaves_nothing_open() -> None:
    text = "Engineer Lena Holt said the cracks were caused by the cold."
    assert extract(text).open_questions == ()


def test_what_a_source_rules_out_is_not_pending() -> None:
    # "will not" refuses; nothing is left to wait for.
    assert extract("The mayor said she will not resign.").open_questions == ()


def test_question_text_frames_verbatim_spans() -> None:
    for question in extract(TRADE).open_questions:
        quoted = question.question.split("“")[1].split("”")[0].rstrip(" …")
        assert quoted in " ".join(TRADE.split())


def test_settled_narration_raises_no_question() -> None:
    text = "The museum reopened on Saturday after a two-year renovation. Visitors queued early."
    assert extract(text).open_questions == ()


def test_two_sources_with_different_figures_contest_each_other() -> None:
    text = (
        "Officials said 12 people were injured in the blast. "
        "Hospital staff put the toll at more than 40."
    )
    [question] = extract(text).open_questions
    assert question.kind == "contested"
    assert len(question.evidence) == 2


def test_the_same_figure_from_two_sources_contests_nothing() -> None:
    text = "Officials said 12 people were injured. Hospital staff put the toll at 12."
    assert extract(text).open_questions == ()


def test_a_rejection_of_a_deniers_account_joins_that_question() -> None:
    text = (
        "Residents said the dam had been leaking for weeks. "
        "The water minister denied the residents' account. "
        "Engineers rejected the minister's account."
    )
    questions = extract(text).open_questions
    assert len(questions) == 1 and len(questions[0].evidence) == 3


def test_not_said_whether_leaves_the_matter_pending() -> None:
    text = "The league has not said whether the match will be replayed."
    [question] = extract(text).open_questions
    assert question.kind == "pending"


def test_a_claim_that_takes_no_side_joins_a_dispute_only_as_evidence() -> None:
    texts = ["Villagers said soldiers burned the market.", "The governor said he will visit."]
    sentences, start = [], 0
    for i, text in enumerate(texts):
        sentences.append(Sentence(i, text, start, start + len(text), 0))
        start += len(text) + 1
    claims = [
        Claim(texts[0], "Villagers", "anonymous", "soldiers burned the market", False, 0, "said"),
        Claim(texts[1], "The governor", "official", "he will visit", False, 1, "said"),
    ]
    dispute = Cluster("contested", "Did soldiers burn the market?", {0}, {0})
    placement = Placement(sentences, claims, [dispute])
    # The sentence right after a contested claim goes on with its account: it joins.
    assert (
        placement.place(1, "pending", "What comes of it: ", "he will visit", "?", 1, party=False)
        is dispute
    )
    assert dispute.sentences == {0, 1}
    assert dispute.claims == {0}
