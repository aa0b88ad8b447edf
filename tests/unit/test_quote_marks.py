"""Mistyped straight quote marks: one glued to a word closes nothing and opens nothing, and
one that can only open a quote closes a quote left open before its inverted attribution.
Read wrongly, a single mark turns the rest of a report into a quote. Every sentence is
written for this suite."""

from __future__ import annotations

import pytest

from briefings.extract import extract
from briefings.quotes import quote_spans

pytestmark = pytest.mark.unit


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


def test_a_missing_closing_mark_before_an_inverted_attribution_is_supplied() -> None:
    # The writer left out the mark after "late": the next opening mark shows it.
    text = (
        '"The ferry was late again, said Ines Duarte. "The timetable means nothing now. '
        'Nobody checks it."'
    )
    spans = quote_spans(text)
    assert spans[0] == (0, text.index(", said"))
    claims = extract(text).claims
    assert [c.speaker for c in claims] == ["Ines Duarte"] * 3


def test_a_quote_opening_a_sentence_and_left_open_runs_to_the_paragraph_end() -> None:
    text = 'Fine words, he said. "They knew all along. The tanks were never cleaned.\n\nNext.'
    (span,) = quote_spans(text)
    assert text[span[0] : span[1]] == '"They knew all along. The tanks were never cleaned.'


def test_the_sentences_of_a_quote_left_open_are_the_speakers_claims() -> None:
    text = (
        "The union's lawyer, Ines Varga, answered the company at once.\n\n"
        '"Total nonsense," she said. "They knew the tanks leaked. The records show it.'
    )
    result = extract(text)
    assert [(c.speaker, c.sentence) for c in result.claims] == [
        ("Ines Varga", '"They knew the tanks leaked.'),
        ("Ines Varga", "The records show it."),
    ]
    assert [d.speaker for d in result.denials] == ["Ines Varga"]
