"""Properties of the engine for any text: never raises, evidence verbatim, deterministic."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefings.extract import _extract, extract
from briefings.segment import split_sentences

pytestmark = pytest.mark.unit

# Words that trigger the rules, mixed with punctuation and quotes, so the generated text
# reaches the attribution, denial and question code rather than only the fast paths.
_WORDS = st.sampled_from(
    [
        "said",
        "told",
        "denied",
        "rejected",
        "the",
        "claim",
        "reports",
        "Officials",
        "U.S.",
        "Gen.",
        "Mr.",
        "Kyiv",
        "Maria",
        "Lopez",
        "spokesman",
        "“",
        "”",
        '"',
        "''",
        ",",
        ".",
        "?",
        "—",
        "not",
        "no",
        "there",
        "was",
        "may",
        "according",
        "to",
        "that",
        "he",
        "they",
        "it",
        "\n\n",
        "Ministry",
        "of",
        "Health",
        "’s",
        "assertion",
        "awaiting",
        "expects",
        "called",
        "false",
        "by",
        "which",
        "is",
        "(",
        ")",
        "WHO",
        "said:",
        "MS PORTER:",
        "İstanbul",
        "İ",
        "could",
        "reportedly",
        "said,",
        "Monday",
        "in",
        "terms",
        "the talks",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(_WORDS, max_size=120).map(" ".join),
)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_extraction_never_raises_and_is_verbatim(text: str) -> None:
    # The rules themselves, not ``extract``: that wrapper turns any exception into an empty
    # result (a report is never lost to a bug), which would hide the bug from this test.
    result = _extract(text)
    # A claim's content and a denial's denied span are shown as the report's words: each is
    # one verbatim stretch of its sentence, never pieces joined or a mark added.
    for claim in result.claims:
        assert claim.sentence in text
        assert claim.content in claim.sentence
    for denial in result.denials:
        assert denial.sentence in text
        assert denial.denied in denial.sentence
        assert all(0 <= t < len(result.claims) for t in denial.targets)
    for question in result.open_questions:
        for sentence in question.evidence:
            assert sentence in text


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_two_runs_give_identical_output(text: str) -> None:
    assert extract(text).to_dict() == extract(text).to_dict()


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_sentences_are_slices(text: str) -> None:
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_dotted_capital_i_does_not_shift_positions() -> None:
    """'İ' lower-cases to two characters; rules that find a cue in the lower-cased text and
    cut the original at its position must not run off the end or cut the wrong words."""
    text = "İ İİ no said İ Mr. , Mr. may"
    _extract(text)  # raised IndexError when positions came from text.lower()
    result = _extract("Officials in İzmir said the İİİ port may reopen, İlham Aliyev said.")
    assert [c.hedged for c in result.claims] == [True] * len(result.claims)
    assert result.claims, "the İ-heavy sentence is still read"


_TURKISH = st.lists(st.sampled_from(["İ", "İİ", "may", "could", "said", "denied", "Mr.", ","]))


@settings(max_examples=300, deadline=None)
@given(_TURKISH.map(" ".join))
def test_dotted_capital_i_never_breaks_a_rule(text: str) -> None:
    _extract(text)
