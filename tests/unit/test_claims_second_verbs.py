"""Claims whose reporting verb is not the sentence's first: a second verb joined by "but",
an appeal with a quoted manner before its "to", and reporting passed on with a phrase of
place or time before the subject (sentences written for these tests)."""

from __future__ import annotations

import pytest

from briefings.extract import extract

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The coach left the meeting early but said the squad was fit.", "The coach"),
        (
            "The ministry did not answer the complaint but said earlier in the week that the "
            "pipeline had been inspected.",
            "The ministry",
        ),
        ("The mayor toured the site and later said the bridge would reopen.", "The mayor"),
        # An auxiliary after "and": still the first verb's subject, not the object before it.
        (
            "The mayor inspected the site of the collapse and has vowed to rebuild the bridge.",
            "The mayor",
        ),
        (
            'The league appealed to both clubs "in the strongest possible terms" to calm '
            "their fans.",
            "The league",
        ),
    ],
)
def test_a_second_verb_speaks_for_the_first_ones_subject(sentence: str, speaker: str) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


def test_a_new_subject_after_but_speaks_for_itself() -> None:
    result = extract("The match was delayed, but the stewards said the pitch was safe.")
    assert [c.speaker for c in result.claims] == ["the stewards"]


@pytest.mark.parametrize(
    "sentence",
    [
        "In the capital, the council is reported to have rejected the budget.",
        "Dozens of climbers are still reported as missing.",
    ],
)
def test_agentless_reporting_is_a_hedged_claim_of_reports(sentence: str) -> None:
    (claim,) = extract(sentence).claims
    assert (claim.speaker, claim.speaker_kind, claim.hedged) == ("reports", "anonymous", True)


def test_a_phrase_before_the_subject_must_be_short_and_end_in_a_comma() -> None:
    # A clause before the subject is a sentence of its own: nothing is passed on.
    assert extract("Because the vote was close the council is reported to be split.").claims == ()


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # An outlet relays what a named person said: that person is the source.
        (
            "State media said Ana Ruiz told parliament on Wednesday the port would reopen.",
            "Ana Ruiz",
        ),
        (
            "The official news agency, RNA, reported that Transport Minister Ana Ruiz said the "
            "port would reopen.",
            "Transport Minister Ana Ruiz",
        ),
        # A person who tells what someone told them is still the source.
        ("The minister said Ana Ruiz told him the port would reopen.", "The minister"),
    ],
)
def test_an_outlet_relaying_a_named_persons_words_gives_the_person(
    sentence: str, speaker: str
) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        # A source the outlet does not name speaks only through the outlet: both are sources.
        (
            "The Ruritanian news agency reported Tuesday that provincial authorities said 40 "
            "houses were destroyed.",
            ["The Ruritanian news agency", "provincial authorities"],
        ),
        (
            "The Associated Press reports that an unnamed doctor told its reporter that most "
            "of the wounded were children.",
            ["The Associated Press", "an unnamed doctor"],
        ),
        (
            "Reuters reported that Local officials said the dam had held.",
            ["Reuters", "Local officials"],
        ),
        # Near miss: not an outlet, so the first speaker's words hold the second's.
        (
            "The mayor said provincial authorities told him 40 houses were destroyed.",
            ["The mayor"],
        ),
    ],
)
def test_an_outlet_relaying_an_unnamed_source_gives_both(
    sentence: str, speakers: list[str]
) -> None:
    assert [c.speaker for c in extract(sentence).claims] == speakers


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Ana Ruiz has not been seen since May. Her voice was last heard on June 12, when "
            "she called a radio station and said she was on the mend.",
            "Ana Ruiz",
        ),
        (
            "The storm hit on Monday, after Ana Ruiz visited the port and warned it would flood.",
            "Ana Ruiz",
        ),
    ],
)
def test_a_second_verb_in_a_subordinate_clause_has_that_clauses_subject(
    sentence: str, speaker: str
) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]
