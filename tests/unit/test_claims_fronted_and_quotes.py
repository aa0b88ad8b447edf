"""Where the subject of a news sentence is, when something comes before it or around it:
fronted phrases ("Speaking to reporters …, the coach …"), day numbers between a verb and
its that-clause, a body's name with "of" in it, and a mistyped quote mark that must not
swallow the rest of a report. Every sentence is written for this suite."""

from __future__ import annotations

import pytest

from briefings.claims import quote_spans, sentence_subject
from briefings.extract import extract

pytestmark = pytest.mark.unit


# --- fronted phrases ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Speaking to reporters at the harbour on Monday, Captain Ines Duarte blamed the "
            "pilot, saying the tug had arrived late.",
            "Captain Ines Duarte",
        ),
        (
            "In a statement on Sunday, the orchestra welcomed the grant, saying it would "
            "fund two tours.",
            "the orchestra",
        ),
        (
            "Asked about the outage, the mayor blamed the contractor, saying the cables were old.",
            "the mayor",
        ),
    ],
)
def test_a_fronted_phrase_is_not_the_subject_a_participle_goes_back_to(
    sentence: str, speaker: str
) -> None:
    claims = extract(sentence).claims
    assert [c.speaker for c in claims] == [speaker]


def test_a_company_name_ending_in_ing_is_still_a_subject() -> None:
    subject = sentence_subject("Boeing on Monday defended the jet, saying it was safe.")
    assert subject is not None
    assert "Boeing on Monday defended the jet"[subject.start : subject.end] == "Boeing"


# --- what may stand between a verb and its that-clause ------------------------------------


def test_a_date_with_a_day_number_may_come_before_that() -> None:
    claims = extract(
        "The Leeds Courier reported on June 14 that the club's chairman had paid the referees."
    ).claims
    assert [c.speaker for c in claims] == ["The Leeds Courier"]


def test_a_number_that_is_the_object_is_not_skipped() -> None:
    # "said 40 of them …": the number starts the reported clause, which has no "that".
    claims = extract("The warden said 40 of the birds had died of the cold.").claims
    assert [c.speaker for c in claims] == ["The warden"]


# --- a body's name with "of" in it ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The Ministry of Foreign Affairs has called the report false.",
            "The Ministry of Foreign Affairs",
        ),
        (
            "The Department of Fisheries and Oceans said the quota was safe.",
            "The Department of Fisheries and Oceans",
        ),
        # A role after the body's name is the person's title: the person speaks.
        ("The Ministry of Health Director Anna Berg said the vaccine was safe.", "Anna Berg"),
    ],
)
def test_a_body_named_with_of_keeps_its_whole_name(sentence: str, speaker: str) -> None:
    result = extract(sentence)
    assert [i.speaker for i in (*result.claims, *result.denials)] == [speaker]


# --- a mistyped quote mark ----------------------------------------------------------------


def test_a_straight_mark_glued_to_a_word_closes_nothing_and_opens_nothing() -> None:
    text = (
        'The league called the ruling "hasty" and unfair".\n\n'
        "The hearing resumes next week in Turin.\n\n"
        "Fans say the stadium is half empty."
    )
    # Read as an opener, the stray mark would run the quote over both later paragraphs.
    assert quote_spans(text) == [(text.index('"hasty"'), text.index('"hasty"') + 7)]
    sentences = [c.sentence for c in extract(text).claims]
    assert "The hearing resumes next week in Turin." not in sentences


def test_a_straight_mark_after_a_space_still_opens_a_quote() -> None:
    text = 'She called the vote "fair" and "open".'
    assert quote_spans(text) == [(20, 26), (31, 37)]
