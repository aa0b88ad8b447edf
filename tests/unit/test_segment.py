"""Sentence splitting: abbreviations, quotes and dashes stay inside their sentence."""

from __future__ import annotations

import itertools

import pytest

from briefings.segment import MAX_SENTENCE, split_sentences

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


def test_text_without_full_stops_is_cut_into_bounded_verbatim_pieces() -> None:
    # A scraped table or an unpunctuated transcript: no sentence may reach the rules at
    # full length, and nothing of the text is lost or reworded.
    row = "| Lena Park | said | the council denied it | 14 March |\n"
    text = row * 400
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE for s in sentences)
    for s in sentences:
        assert text[s.start : s.end] == s.text
    # Between consecutive pieces there is only whitespace: the pieces cover the text.
    gaps = "".join(text[a.end : b.start] for a, b in itertools.pairwise(sentences))
    assert gaps.strip() == ""
    assert sentences[0].start == 0 and sentences[-1].end == len(text.rstrip())


def test_long_runs_are_cut_at_a_clause_boundary_when_there_is_one() -> None:
    clause = "the union says the depot stays shut and the drivers stay out"
    text = "; ".join([clause] * 60) + "."
    sentences = split_sentences(text)
    assert len(sentences) > 1
    # Every piece but the last ends on the semicolon, not mid-clause.
    assert all(s.text.endswith(";") for s in sentences[:-1])
    assert all(len(s.text) >= MAX_SENTENCE // 2 for s in sentences[:-1])


def test_ordinary_long_sentences_are_left_whole() -> None:
    sentence = (
        "The regional water board, which has managed the reservoir since its construction, said "
        "on Tuesday that the level had fallen by a third over the summer, that the two towns "
        "downstream would face restrictions from next month unless it rained, and that farmers "
        "who draw from the canal, many of whom have already cut their planting, would be "
        "offered compensation under a scheme the regional government is expected to approve."
    )
    assert len(sentence) < MAX_SENTENCE
    assert texts(sentence) == [sentence]


def test_a_full_stop_glued_to_the_next_sentence_still_ends_it() -> None:
    # Scraped text often loses the space where markup separated two paragraphs.
    assert texts("The plant makes 900 tonnes of steel.The owners want to double it.") == [
        "The plant makes 900 tonnes of steel.",
        "The owners want to double it.",
    ]
    assert texts("Was it sabotage?Nobody knows yet.") == ["Was it sabotage?", "Nobody knows yet."]


def test_a_glued_break_next_to_a_quote_mark_keeps_the_mark_with_its_own_sentence() -> None:
    # The straight quote after 'said.' opens the next quote; after 'away.' it closes one.
    assert texts('"It was calm," the coach said."The second half was not."') == [
        '"It was calm," the coach said.',
        '"The second half was not."',
    ]
    assert texts('He told them: "Stay away."Then the gates shut.') == [
        'He told them: "Stay away."',
        "Then the gates shut.",
    ]


def test_a_doubled_full_stop_glued_to_the_next_sentence_still_ends_it() -> None:
    # Copies on mirror sites double a stop and lose the space: 'stay..“We'.
    assert texts("The troops will stay..“We will not leave,” the general said.") == [
        "The troops will stay..",
        "“We will not leave,” the general said.",
    ]
    assert texts("It was approx..The end.") == ["It was approx..The end."]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S.Army unit left on Friday.",
        "Details are at www.harbour.Com for now.",
        "It cost approx.Ten thousand euros.",
        "Growth was 2.5 percent.",
    ],
)
def test_glued_looking_dots_inside_a_sentence_do_not_break_it(text: str) -> None:
    assert texts(text) == [text]


def test_a_sentence_that_lost_its_capital_after_a_plain_word_still_starts() -> None:
    text = "Two crew members were hurt as a result. the others also said the deck was icy."
    assert [s.text for s in split_sentences(text)] == [
        "Two crew members were hurt as a result.",
        "the others also said the deck was icy.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The ferry leaves at 9 a.m. the next day.",
        "They sold boats, nets etc. and more.",
        "The repair costs approx. the same as a new hull.",
        "Fuel, food, spares incl. the engine oil were loaded.",
    ],
)
def test_an_abbreviation_before_a_lower_case_word_is_no_break(text: str) -> None:
    assert [s.text for s in split_sentences(text)] == [text]
