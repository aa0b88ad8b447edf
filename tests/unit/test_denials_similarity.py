"""Scores the store's cross-report linker relies on: denial→claim, same claim, wire copies."""

from __future__ import annotations

import pytest

from briefings.model import Claim, Denial
from briefings.similarity import denial_targets_claim, near_duplicate, same_claim, same_speaker

pytestmark = pytest.mark.unit

PRESSED = Claim(
    "Diplomats say Oslo has asked Reykjavik to halt whaling before the fisheries talks.",
    "Diplomats",
    "anonymous",
    "Oslo has asked Reykjavik to halt whaling before the fisheries talks",
    False,
)
UNRELATED = Claim(
    "The central bank said inflation fell to 3 percent in March.",
    "The central bank",
    "named",
    "inflation fell to 3 percent in March",
    False,
)
DENIAL = Denial(
    "Norway's foreign ministry denied that it had asked Reykjavik to halt whaling.",
    "Norway's foreign ministry",
    "official",
    "it had asked Reykjavik to halt whaling",
)


def test_denial_scores_its_target_above_an_unrelated_claim() -> None:
    assert denial_targets_claim(DENIAL, PRESSED) > 0.35
    assert denial_targets_claim(DENIAL, UNRELATED) == 0.0


def test_a_source_does_not_deny_itself() -> None:
    own = Claim(DENIAL.sentence, "Norway's foreign ministry", "official", "x", False)
    assert denial_targets_claim(DENIAL, own) == 0.0


def test_same_claim_is_symmetric_and_bounded() -> None:
    assert same_claim(PRESSED, PRESSED) == pytest.approx(1.0)
    assert same_claim(PRESSED, UNRELATED) == pytest.approx(same_claim(UNRELATED, PRESSED))
    assert 0.0 <= same_claim(PRESSED, UNRELATED) < 0.2


def test_same_speaker_knows_acronyms() -> None:
    assert same_speaker("The World Health Organization", "WHO")
    assert same_speaker("Foreign Ministry spokesman Hong Wei", "Hong Wei")
    assert not same_speaker("Huawei executives", "industry experts and former Huawei staff")


def test_near_duplicate_wire_copy() -> None:
    wire = (
        "Heavy rain flooded the lower town on Sunday, forcing hundreds of families to leave "
        "their homes, and the regional government declared an emergency for three districts."
    )
    copy = wire.replace("Sunday", "Sunday night") + " More rain is expected."
    other = "The football club signed a new striker from Lisbon for a record fee on Monday."
    assert near_duplicate(wire, copy)
    assert not near_duplicate(wire, other)
    assert not near_duplicate("", wire)


def test_a_copy_that_retypes_its_apostrophes_is_still_a_near_duplicate() -> None:
    wire = (
        "Ukraine's foreign ministry said Kyiv's delegation wouldn't accept Moscow's terms, "
        "and the ministry's spokesman said the country's position hadn't changed since "
        "Russia's last offer, which Ukraine's president didn't discuss with the envoys."
    )
    assert near_duplicate(wire, wire.replace("'", "’"))
