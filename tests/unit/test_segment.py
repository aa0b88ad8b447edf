"""Sentence splitting: abbreviations, quotes and dashes stay inside their sentence."""

from __future__ import annotations

import pytest

from briefings.segment import split_sentences

pytestmark = pytest.mark.unit


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_spans_are_verbatim_slices() -> None:
    text = "  First one here.  Second one?\n\nThird, in a new paragraph!  "
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "First one here.",
        "Second one?",
        "Third, in a new paragraph!",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert [s.paragraph for s in sentences] == [0, 0, 1]
    assert [s.index for s in sentences] == [0, 1, 2]


@pytest.mark.parametrize(
    "text",
    [
        "Gen. Ruiz met Mr. Okafor on Jan. 5 in St. Paul to discuss the plan.",
        "The U.S. envoy and the U.N. team arrived in Washington, D.C. on Friday.",
        "Prof. Adeyemi said the vote was set for 9 a.m. on Monday.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(text: str) -> None:
    assert texts(text) == [text]


def test_initialism_at_the_end_of_a_sentence_breaks_before_a_usual_opener() -> None:
    assert texts("The delegation flew to the U.S. The talks start today.") == [
        "The delegation flew to the U.S.",
        "The talks start today.",
    ]


def test_title_before_a_name_after_an_initialism_stays_together() -> None:
    text = "U.S. President Maria Lind said the deal was close."
    assert texts(text) == [text]


def test_quotes_split_into_sentences_but_closing_marks_stay_attached() -> None:
    text = '"We are ready. We will sign," the minister said. Talks resume Monday.'
    assert texts(text) == [
        '"We are ready.',
        'We will sign," the minister said.',
        "Talks resume Monday.",
    ]


def test_question_inside_quote_followed_by_lowercase_attribution_is_one_sentence() -> None:
    text = "“Who pays for it?” she asked reporters."
    assert texts(text) == [text]


def test_dashes_are_kept_inside_the_sentence() -> None:
    text = "The plan was ready—a claim the union disputes — and awaiting a vote."
    assert texts(text) == [text]


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n\n  ") == []
