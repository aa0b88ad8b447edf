"""A body the report named and then describes ("The company said") is named in the brief;
a description is never resolved to a body of the wrong kind, and a name is not a
description. Every text is written for this suite."""

from __future__ import annotations

import pytest

from briefings.descriptions import body_described
from briefings.extract import extract

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Regulators fined the carmaker Nordwagen on Monday. The carmaker said the fine was "
            "unfair.",
            "Nordwagen",
        ),
        (
            "The Harbour Times reported the leak first. The paper said the valve had failed.",
            "Harbour Times",
        ),
        (
            "The Maritime Safety Administration opened an inquiry. The agency said it had "
            "found oil on two beaches.",
            "the Maritime Safety Administration",
        ),
        (
            "The rights group Coast Watch listed 40 spills. The rights group said most were "
            "hidden.",
            "Coast Watch",
        ),
    ],
)
def test_a_description_names_the_body_the_report_named(text: str, speaker: str) -> None:
    assert extract(text).claims[-1].speaker == speaker


def test_a_description_is_not_resolved_to_a_body_of_another_kind() -> None:
    text = (
        "The Ministry of Transport met on Monday. The Harbour Times was not invited. "
        "The company said the meeting was routine."
    )
    assert extract(text).claims[-1].speaker == "The company"


def test_a_name_that_looks_like_a_description_is_kept() -> None:
    text = (
        "The United Nations sent a team. The World Health Organization said the outbreak "
        "was spreading."
    )
    assert extract(text).claims[-1].speaker == "The World Health Organization"


def test_a_body_named_too_far_back_is_not_guessed() -> None:
    filler = "Rain fell on the town all week. " * 100
    text = f"Regulators fined the carmaker Nordwagen. {filler}The carmaker said it was unfair."
    assert extract(text).claims[-1].speaker == "The carmaker"


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("the paper", "The Daily Ledger"),
        ("The American company", "BlackRock"),
        ("the agency", None),
    ],
)
def test_body_described_picks_by_kind_and_position(description: str, expected: str | None) -> None:
    text = "BlackRock bought shares, The Daily Ledger said. Later that day"
    orgs = ("BlackRock", "The Daily Ledger")
    assert body_described(description, orgs, text, len(text)) == expected


def test_a_description_from_another_country_is_not_that_body() -> None:
    text = (
        "The U.S. Food and Drug Administration said the gluten was contaminated. "
        "The Chinese agency that monitors food exports says the firm has never exported "
        "gluten to Canada."
    )
    (denial,) = extract(text).denials
    assert denial.speaker == "The Chinese agency that monitors food exports"


def test_the_alliance_is_the_alliance_the_report_named() -> None:
    text = (
        "NATO released satellite images of the border on Thursday.\n\n"
        "The alliance said the images show armored columns near the crossing."
    )
    assert [c.speaker for c in extract(text).claims] == ["NATO"]


def test_the_alliance_is_never_a_company() -> None:
    text = (
        "Acme Holdings cut its forecast on Monday.\n\n"
        "The alliance said the images show armored columns near the crossing."
    )
    assert [c.speaker for c in extract(text).claims] == ["The alliance"]


@pytest.mark.parametrize(
    "introduction",
    [
        "Ruritanian President Ana Ruiz",
        "Ruritanian Prime Minister Ana Ruiz",
        "Ruritanian Premier Ana Ruiz",
    ],
)
def test_the_leader_is_whoever_heads_the_state_the_description_names(introduction: str) -> None:
    text = (
        f"{introduction} arrived in Geneva on Monday for the talks.\n\n"
        "The Ruritanian leader said the border would stay open."
    )
    result = extract(text)
    assert result.claims[-1].speaker == "Ana Ruiz"


def test_a_leader_is_not_a_minister_of_a_department() -> None:
    text = (
        "Ruritanian Foreign Minister Ana Ruiz arrived in Geneva on Monday for the talks.\n\n"
        "The Ruritanian leader said the border would stay open."
    )
    assert "Ana Ruiz" not in extract(text).claims[-1].speaker


@pytest.mark.parametrize(
    ("first", "description"),
    [
        ("President Ana Ruiz", "The Ruritanian leader"),
        ("Ana Ruiz", "The Ruritanian leader"),
        ("U.N. special rapporteur Ana Ruiz", "The U.N. envoy"),
        ("Colonel Ana Ruiz, deputy chief of the border guard,", "The official"),
    ],
)
def test_a_generic_description_is_the_named_person_just_quoted(
    first: str, description: str
) -> None:
    text = f"{first} said the talks would go on.\n\n{description} said the border would stay open."
    assert "Ana Ruiz" in extract(text).claims[-1].speaker


@pytest.mark.parametrize(
    "text",
    [
        # The person just quoted is unnamed: the description is theirs, not Ana Ruiz's.
        "Ana Ruiz met the delegation on Monday.\n\nA border guard official said the talks would "
        "go on.\n\nThe official said the border would stay open.",
        # A leader is not whoever spoke last when that person holds a ministry.
        "Foreign Minister Ana Ruiz said the talks would go on.\n\nThe Ruritanian leader said "
        "the border would stay open.",
    ],
)
def test_a_generic_description_is_not_guessed(text: str) -> None:
    assert "Ana Ruiz" not in extract(text).claims[-1].speaker
