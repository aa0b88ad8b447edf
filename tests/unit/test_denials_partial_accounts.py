"""An account called partial ("biased", "one-sided", "unfair") is rejected, like one called
false, but only when what is so called is an account: "called the tax unfair" is an opinion
about a policy. Every sentence is written for this suite."""

from __future__ import annotations

import pytest

from briefings.extract import extract

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("sentence", "speaker", "denied"),
    [
        (
            'The railway operator called the inspectors\' report "biased" and unfair.',
            "The railway operator",
            "the inspectors' report",
        ),
        (
            "The glassworks described the study as one-sided.",
            "The glassworks",
            "the study",
        ),
        (
            "In a statement, the museum said it was hurt by the article, which it called "
            '"slanted".',
            "the museum",
            "the article",
        ),
    ],
)
def test_an_account_called_partial_is_denied(sentence: str, speaker: str, denied: str) -> None:
    result = extract(sentence)
    assert [(d.speaker, d.denied) for d in result.denials] == [(speaker, denied)]
    assert result.claims == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "The farmers' union called the new fuel tax unfair.",
        "The coach described the referee as biased.",
    ],
)
def test_a_policy_or_a_person_called_partial_is_not_a_denial(sentence: str) -> None:
    assert extract(sentence).denials == ()
