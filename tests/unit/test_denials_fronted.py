"""Denials whose grammar puts the rejected account first or contracts the predicate.

"…, a claim the owners dismiss" names the account before its rejecter; "It's not true
that …" is the contracted "it is not true that"; "never showed any evidence against him"
denies an accusation its proof. Sentences are the team's own.
"""

from __future__ import annotations

import pytest

from briefings.extract import extract

pytestmark = pytest.mark.unit


def test_a_claim_named_before_its_rejecter_is_that_rejecters_denial_of_it() -> None:
    result = extract("The coach said the team would be relegated, a claim the owners dismiss.")
    assert [(c.speaker, c.content) for c in result.claims] == [
        ("The coach", "the team would be relegated, a claim the owners dismiss")
    ]
    assert [(d.speaker, d.denied, d.targets) for d in result.denials] == [
        ("the owners", "a claim", (0,))
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "denied"),
    [
        (
            "The striker accused the referee of taking bribes - an allegation the league denies.",
            "the league",
            "an allegation",
        ),
        (
            "Residents say the dam leaks, a charge the water board has rejected.",
            "the water board",
            "a charge",
        ),
        ("He made a claim that the board disputed.", "the board", "a claim"),
    ],
)
def test_fronted_accounts_of_every_rejecting_verb(text: str, speaker: str, denied: str) -> None:
    assert [(d.speaker, d.denied) for d in extract(text).denials] == [(speaker, denied)]


@pytest.mark.parametrize(
    "text",
    [
        "The coach said the team would be relegated, a claim the owners will study.",
        "The insurer paid the claim the owners filed.",
    ],
)
def test_an_account_with_no_rejecting_verb_after_it_is_no_denial(text: str) -> None:
    assert extract(text).denials == ()


def test_a_contracted_not_true_opening_a_quote_is_the_quoted_speakers_denial() -> None:
    result = extract('"It\'s not true that our plant has polluted the river," the manager said.')
    assert result.claims == ()
    assert [d.speaker for d in result.denials] == ["the manager"]
    assert "our plant has polluted the river" in result.denials[0].denied


@pytest.mark.parametrize(
    "text",
    [
        "The lawyer said prosecutors never showed any evidence against his client.",
        "The mayor said the audit had not shown any evidence of fraud.",
        "The club said the league has not provided proof that it broke the rules.",
    ],
)
def test_proof_of_an_accusation_said_to_be_missing_is_a_denial(text: str) -> None:
    result = extract(text)
    assert len(result.denials) == 1
    assert result.claims == ()


def test_evidence_offered_is_a_claim_not_a_denial() -> None:
    result = extract("The study offered evidence of warming, the authors said.")
    assert [c.speaker for c in result.claims] == ["the authors"]
    assert result.denials == ()


def test_a_claim_negated_and_named_in_one_breath_is_a_denial() -> None:
    result = extract(
        "The inquiry said the chemist never ran the trials, as he had claimed, and had "
        "invented the data."
    )
    assert [d.speaker for d in result.denials] == ["The inquiry"]
    assert "never ran the trials" in result.denials[0].denied


def test_a_case_said_to_be_unproven_is_the_defences_denial() -> None:
    result = extract(
        "But the defence lawyer countered that the prosecution had failed to prove its case."
    )
    assert [(d.speaker, d.denied) for d in result.denials] == [
        ("the defence lawyer", "the prosecution had failed to prove its case")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The auditors exposed the bank's reported profits as a sham.", "The auditors"),
        ("The union questioned the figures in the company's report.", "The union"),
    ],
)
def test_accounts_exposed_or_questioned_are_rejected(text: str, speaker: str) -> None:
    assert [d.speaker for d in extract(text).denials] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Reporters questioned the minister about the plan.",
        "The documentary exposed the workers to danger.",
        "The coach said he never wanted to leave, as he explained last week.",
    ],
)
def test_questioning_a_person_or_exposing_to_harm_is_no_denial(text: str) -> None:
    assert extract(text).denials == ()
