"""Cross-report linking on sentence pairs written for this suite: paraphrases of one statement
merge, different statements do not, and a generic denial finds what it rejects elsewhere.

The pipeline groups claims at ``SAME_CLAIM_THRESHOLD`` and links denials to stored claims at
``DENIAL_TARGET_THRESHOLD``; these pairs pin the scores to the right side of both.
"""

from __future__ import annotations

import pytest

from briefings.model import Claim, Denial
from briefings.pipeline import DENIAL_TARGET_THRESHOLD, SAME_CLAIM_THRESHOLD
from briefings.similarity import denial_targets_claim, same_claim, topic_terms

pytestmark = pytest.mark.unit


def _claim(sentence: str, speaker: str, content: str, kind: str = "named") -> Claim:
    assert content in sentence
    return Claim(sentence, speaker, kind, content, False)  # type: ignore[arg-type]


LAVROV = _claim(
    "Russian Foreign Minister Sergei Lavrov said Moscow was ready to resume grain exports "
    "through the Black Sea if sanctions on its banks were lifted.",
    "Sergei Lavrov",
    "Moscow was ready to resume grain exports through the Black Sea if sanctions on its "
    "banks were lifted",
)
LAVROV_PARAPHRASE = _claim(
    "Moscow is prepared to restart Black Sea grain exports once sanctions against Russian "
    "banks are eased, Lavrov told a news conference in Ankara.",
    "Lavrov",
    "Moscow is prepared to restart Black Sea grain exports once sanctions against Russian "
    "banks are eased",
)
LAVROV_OTHER = _claim(
    "Lavrov said Moscow would not extend the grain deal beyond July without guarantees.",
    "Lavrov",
    "Moscow would not extend the grain deal beyond July without guarantees",
)
GUTERRES_SAME_WORDS = _claim(
    "U.N. Secretary-General Antonio Guterres said Moscow was ready to resume grain exports "
    "through the Black Sea if sanctions on its banks were lifted.",
    "Antonio Guterres",
    "Moscow was ready to resume grain exports through the Black Sea if sanctions on its "
    "banks were lifted",
)
TOLL = _claim(
    "At least 14 people were killed in the landslide, rescue officials said.",
    "rescue officials",
    "At least 14 people were killed in the landslide",
    "official",
)
TOLL_PARAPHRASE = _claim(
    "Rescue officials said the landslide had killed at least 14 people in the village.",
    "Rescue officials",
    "the landslide had killed at least 14 people in the village",
    "official",
)
TOLL_UPDATED = _claim(
    "Officials said 30 people were killed in the landslide.",
    "Officials",
    "30 people were killed in the landslide",
    "official",
)
SOURCES_OFFER = _claim(
    "Iceland has offered to cut its mackerel catch by 8 percent, two officials familiar with "
    "the talks said.",
    "two officials familiar with the talks",
    "Iceland has offered to cut its mackerel catch by 8 percent",
    "anonymous",
)
PEOPLE_OFFER = _claim(
    "According to people familiar with the negotiations, Iceland offered an 8 percent cut in "
    "its mackerel catch.",
    "people familiar with the negotiations",
    "Iceland offered an 8 percent cut in its mackerel catch",
    "anonymous",
)
NORWAY_OFFER = _claim(
    "Diplomats said Norway has offered to cut its mackerel catch by 8 percent.",
    "Diplomats",
    "Norway has offered to cut its mackerel catch by 8 percent",
    "anonymous",
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (LAVROV, LAVROV_PARAPHRASE),
        (TOLL, TOLL_PARAPHRASE),
        (SOURCES_OFFER, PEOPLE_OFFER),
    ],
    ids=["same-minister-reworded", "same-officials-reordered", "anonymous-sources-reworded"],
)
def test_paraphrases_of_one_statement_merge(a: Claim, b: Claim) -> None:
    assert same_claim(a, b) >= SAME_CLAIM_THRESHOLD
    assert same_claim(a, b) == pytest.approx(same_claim(b, a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (LAVROV, LAVROV_OTHER),
        (LAVROV, GUTERRES_SAME_WORDS),
        (TOLL, TOLL_UPDATED),
        (SOURCES_OFFER, NORWAY_OFFER),
        (LAVROV, TOLL),
    ],
    ids=[
        "same-speaker-other-statement",
        "other-named-speaker",
        "other-figure",
        "other-country",
        "unrelated",
    ],
)
def test_different_statements_stay_apart(a: Claim, b: Claim) -> None:
    assert same_claim(a, b) < SAME_CLAIM_THRESHOLD


GENERIC_DENIAL = Denial(
    "A White House spokesperson denied the reports, stating that the U.S. is not seeking to "
    "freeze the front line before talks begin.",
    "A White House spokesperson",
    "official",
    "the reports",
)
FREEZE_CLAIM = _claim(
    "Washington wants Kyiv to accept a freeze of the front line before any talks, two "
    "officials said.",
    "two officials",
    "Washington wants Kyiv to accept a freeze of the front line before any talks",
    "anonymous",
)
GRAIN_CLAIM = _claim(
    "Ukraine exported 4 million tonnes of grain in October, the agriculture ministry said.",
    "the agriculture ministry",
    "Ukraine exported 4 million tonnes of grain in October",
)


def test_a_generic_denial_targets_through_its_whole_sentence() -> None:
    assert denial_targets_claim(GENERIC_DENIAL, FREEZE_CLAIM) >= DENIAL_TARGET_THRESHOLD
    assert denial_targets_claim(GENERIC_DENIAL, GRAIN_CLAIM) < DENIAL_TARGET_THRESHOLD


def test_a_generic_denial_does_not_target_its_own_speaker() -> None:
    own = _claim(
        "A White House spokesperson said talks would begin once the front line was frozen.",
        "A White House spokesperson",
        "talks would begin once the front line was frozen",
        "official",
    )
    assert denial_targets_claim(GENERIC_DENIAL, own) == 0.0


def test_the_topics_own_names_count_for_no_agreement_between_two_claims() -> None:
    common = topic_terms(["Harbour Valley", "Lowmoor", "Arvel"])
    a = _claim(
        "A port official said the pier in Harbour Valley would shut for repairs today.",
        "A port official",
        "the pier in Harbour Valley would shut for repairs today",
        "official",
    )
    b = _claim(
        "Port officials said tolls in Harbour Valley would rise for trucks.",
        "Port officials",
        "tolls in Harbour Valley would rise for trucks",
        "official",
    )
    # Sharing only the topic's name, two statements of one kind of source are not one.
    assert same_claim(a, b, common) < SAME_CLAIM_THRESHOLD
    # Near miss: a paraphrase on the topic is still the same statement.
    c = _claim(
        "A port spokesman said the Harbour Valley pier will be shut for repairs today.",
        "A port spokesman",
        "the Harbour Valley pier will be shut for repairs today",
        "official",
    )
    assert same_claim(a, c, common) >= SAME_CLAIM_THRESHOLD


def test_a_denial_sharing_only_the_topics_name_with_a_claim_does_not_target_it() -> None:
    common = topic_terms(["Harbour Valley", "Lowmoor"])
    denial = Denial(
        "Port officials denied the report that the ferry had left Harbour Valley.",
        "Port officials",
        "official",
        "the report that the ferry had left Harbour Valley",
        (),
    )
    claim = _claim(
        "The mayor said tolls in Harbour Valley would rise.",
        "The mayor",
        "tolls in Harbour Valley would rise",
        "official",
    )
    assert denial_targets_claim(denial, claim, common) < denial_targets_claim(denial, claim)
    assert denial_targets_claim(denial, claim, common) < DENIAL_TARGET_THRESHOLD
