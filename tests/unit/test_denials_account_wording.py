"""Denials worded around the account or the act: words put in a source's mouth, an account
called an error, a disagreement with allegations, a payment or loss flatly negated, an
involvement disowned with an adverb, another's denial repeated (sentences written for these
tests, in domains of their own).

Each wording has cases where it denies and a near miss where the same words do not.
"""

from __future__ import annotations

import pytest

from briefings.extract import extract

pytestmark = pytest.mark.unit


def _denier(sentence: str) -> str | None:
    result = extract(sentence)
    if not result.denials:
        return None
    # The denier says no claim in the same sentence; the only claim it may hold is the
    # account the denial spells out ("claims that the dam was unsafe"), as its target.
    targets = {t for d in result.denials for t in d.targets}
    assert all(c.sentence != sentence or i in targets for i, c in enumerate(result.claims))
    return result.denials[0].speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # The account, or whoever gave it, got the speaker's words wrong.
        ("The club said the newspaper had misquoted its captain.", "The club"),
        ("The union said the article misrepresented the vote.", "The union"),
        ("The senator's office said the Daily Courier twisted his words.", "The senator's office"),
        ("The mayor said his remarks had been taken out of context.", "The mayor"),
        ('The coach said the quotes were "invented by a rival".', "The coach"),
        ("The actor said some of the quotations were made up.", "The actor"),
        # An account called an error.
        ("The agency called the estimate a regrettable error.", "The agency"),
        ('The institute described the projection as "a serious mistake".', "The institute"),
        # Disagreeing with an account, or disagreeing and saying why.
        ("The regulator disagreed with claims that the dam was unsafe.", "The regulator"),
        (
            "But the airline strongly disagrees, saying the report is full of errors.",
            "the airline",
        ),
        # Payments, losses and acts negated outright.
        ("The judge told the court she accepted no bribes from the builder.", "The judge"),
        (
            "The mayor's office said he never solicited donations from contractors.",
            "The mayor's office",
        ),
        ("The navy said at no time had its ships entered the strait.", "The navy"),
        ("The militia said it suffered no casualties in the raid.", "The militia"),
        # Involvement disowned, with an adverb or a quote closing before "with".
        ('The firm said it "had absolutely nothing to do" with the leak.', "The firm"),
        ("The ministry said it had nothing whatsoever to do with the fire.", "The ministry"),
        # Another's denial, made one's own.
        ("The envoy repeated the palace denial of any role in the arrests.", "The envoy"),
        ("The minister echoed the army's denial of any involvement in the raid.", "The minister"),
        # "information" is an account that can be called false.
        ("The police said the information was propaganda spread by smugglers.", "The police"),
        ('"That information is completely wrong," the director said.', "the director"),
        # Election results rejected.
        ("The opposition rejected the outcome of the referendum.", "The opposition"),
    ],
)
def test_account_wording_denies(sentence: str, speaker: str) -> None:
    assert _denier(sentence) == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        # A story made up by children is fiction, not an account rejected.
        "The author said the story was made up by her children.",
        # An act called a mistake is an opinion about it, not a rejected account.
        "The senator called the war a costly mistake.",
        # Disagreeing with a person is not rejecting an account.
        "The minister disagreed with the ambassador on trade.",
        # "no" before something other than a payment, a loss or a time.
        "The judge said she accepted no excuses for the delay.",
        # A plan rejected is a refusal, not a denial.
        "The council rejected the outcome-based funding plan.",
        # Having nothing to do with an account keeps apart from it.
        "The minister said the audit has nothing to do with the allegations.",
    ],
)
def test_near_misses_are_not_denials(sentence: str) -> None:
    assert extract(sentence).denials == ()


def test_a_so_called_thing_called_false_is_an_account_denied() -> None:
    result = extract(
        '"The so-called bomb threat to the stadium is a fabrication by hoaxers," the police '
        "chief said."
    )
    assert [d.speaker for d in result.denials] == ["the police chief"]
    assert result.denials[0].denied.startswith("The so-called bomb threat")


def test_the_second_half_of_so_called_calls_nothing_false() -> None:
    # "called" inside "so-called" is no verb of calling: nothing is called a fabrication.
    result = extract("The so-called reform package passed the senate, the minister said.")
    assert result.denials == ()
