"""Named people who speak together each say the sentence (one item per person, as the
corpus lists them): two coordinated names, or the names listed beside a counted head.
Sentences are written for these tests; each rule has near misses where nothing is split.
"""

from __future__ import annotations

import pytest

from briefings.extract import extract

pytestmark = pytest.mark.unit


def test_two_coordinated_named_people_each_deny() -> None:
    result = extract(
        "Both Fisheries Minister Ana Ruiz and Trade Minister Tomas Varga denied the reports."
    )
    assert [d.speaker for d in result.denials] == [
        "Fisheries Minister Ana Ruiz",
        "Trade Minister Tomas Varga",
    ]


def test_names_listed_beside_a_counted_head_each_speak() -> None:
    result = extract(
        "On Monday, two officials, harbour master Ana Ruiz and customs chief Tomas Varga, "
        "told reporters the cargo was legal."
    )
    assert [c.speaker for c in result.claims] == [
        "harbour master Ana Ruiz",
        "customs chief Tomas Varga",
    ]


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        # Two countries: one joint voice.
        ("Norway and Iceland said the quotas were fair.", ["Norway and Iceland"]),
        # A person and a body.
        ("Ana Ruiz and the union said the strike would go on.", ["Ana Ruiz and the union"]),
        # A document by two authors speaks once.
        (
            "The report by Ana Ruiz and Tomas Varga said the stocks were falling.",
            ["The report by Ana Ruiz and Tomas Varga"],
        ),
    ],
)
def test_joint_voices_that_are_not_two_people_stay_one(sentence: str, speakers: list[str]) -> None:
    assert [c.speaker for c in extract(sentence).claims] == speakers


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        (
            "Norwegian officials said the quota was fair, while Icelandic officials said it "
            "was too low.",
            ["Norwegian officials", "Icelandic officials"],
        ),
        (
            'A South Korean official said the talks "collapsed," while a North Korean '
            "official said they would resume.",
            ["A South Korean official", "a North Korean official"],
        ),
    ],
)
def test_two_parties_of_one_role_in_a_sentence_both_speak(
    sentence: str, speakers: list[str]
) -> None:
    assert [c.speaker for c in extract(sentence).claims] == speakers


def test_a_surname_is_the_same_speaker_as_the_full_name() -> None:
    text = "Fisheries spokesman Tomas Varga said the boats had left, Varga said."
    assert len(extract(text).claims) == 1
