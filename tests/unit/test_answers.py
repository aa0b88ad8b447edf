"""The rule that closes an open question: a later firm statement on the same matter."""

from __future__ import annotations

import pytest

from briefings.answers import answer_score, answering_sentences, is_firm
from briefings.model import Claim, Denial

pytestmark = pytest.mark.unit

QUESTION = "Will the security guarantees document be signed at the next trilateral meeting?"
RAISED = "Officials said the security guarantees document could be signed at the next meeting."
SIGNED = (
    "Foreign Minister Olena Marchuk said the security guarantees document was signed at the "
    "trilateral meeting."
)


def claim(sentence: str, kind: str = "named", hedged: bool = False) -> Claim:
    return Claim(sentence, "Olena Marchuk", kind, sentence, hedged)  # type: ignore[arg-type]


def test_only_on_the_record_unhedged_statements_are_firm() -> None:
    assert is_firm(claim(SIGNED))
    assert is_firm(claim(SIGNED, kind="official"))
    assert not is_firm(claim(SIGNED, kind="anonymous"))
    assert not is_firm(claim(SIGNED, hedged=True))
    assert is_firm(Denial(SIGNED, "Marchuk", "named", "the document"))
    assert not is_firm(Denial(SIGNED, "a source", "anonymous", "the document"))


def test_a_firm_statement_on_the_matter_answers() -> None:
    assert answering_sentences(QUESTION, [RAISED], [claim(SIGNED)]) == [SIGNED]


def test_hedged_anonymous_unrelated_or_repeated_statements_do_not() -> None:
    unrelated = "Foreign Minister Olena Marchuk said grain exports rose in January."
    items = [
        claim(SIGNED, hedged=True),
        claim(SIGNED, kind="anonymous"),
        claim(unrelated),
        claim(RAISED),  # the sentence that raised the question (a wire copy repeats it)
    ]
    assert answering_sentences(QUESTION, [RAISED], items) == []
    assert answer_score(QUESTION, unrelated) == 0.0


def test_each_answering_sentence_is_given_once() -> None:
    assert answering_sentences(QUESTION, [], [claim(SIGNED), claim(SIGNED)]) == [SIGNED]
