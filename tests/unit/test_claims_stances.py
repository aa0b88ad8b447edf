"""A stance taken in public is something a source says: condemning, praising, apologizing,
welcoming or defending an outcome or act, and being concerned or pleased that something is
so. Near misses that are not speech stay narration. Every sentence is written for this
suite."""

from __future__ import annotations

import pytest

from briefings.extract import extract

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "On Tuesday, the African Union strongly condemned the shelling of the market.",
            "the African Union",
        ),
        ("Election monitors praised the count for its speed.", "Election monitors"),
        (
            "The ferry operator apologized to passengers for the cancelled crossings.",
            "The ferry operator",
        ),
        ("Farm minister Ola Berg welcomed the ruling on grazing rights.", "Farm minister Ola Berg"),
        ("The club defended its decision to sell the stadium.", "The club"),
        ("The hospital board defended itself against the inspectors.", "The hospital board"),
        ("The teachers' union hailed the agreement as overdue.", "The teachers' union"),
        ("Fishermen are worried that the quota will be cut again.", "Fishermen"),
        ("The regulator remains concerned that prices could rise.", "The regulator"),
    ],
)
def test_a_public_stance_is_a_claim_of_whoever_takes_it(sentence: str, speaker: str) -> None:
    claims = extract(sentence).claims
    assert [c.speaker for c in claims] == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor welcomed the delegation at the airport.",
        "Soldiers defended the bridge for three weeks.",
        "The smuggler was condemned to ten years in prison.",
        "The council did not condemn the attack.",
        "The actor hailed a taxi outside the theatre.",
        "It is worrying that the river is rising.",
    ],
)
def test_hosting_fighting_sentencing_or_silence_is_no_stance(sentence: str) -> None:
    assert extract(sentence).claims == ()
