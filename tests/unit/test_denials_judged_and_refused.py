"""Accounts judged false in words the lexicon lacked or behind a long subject, refusals that
use "deny" without denying any account, and a party's negated doing after its denial.

Each case has a near miss beside it: the rule must hold for the grammar, not for a word.
"""

from __future__ import annotations

import pytest

from briefings.extract import extract

pytestmark = pytest.mark.unit


def _deniers(text: str) -> list[str]:
    return [d.speaker for d in extract(text).denials]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # Words that call an account false.
        ("The spokesman said the accusations were preposterous.", "The spokesman"),
        ("The ministry said the allegations are ill-founded and misguided.", "The ministry"),
        ('The club said the reports were "bogus" from start to finish.', "The club"),
        ("The envoy said the charges were concocted by his rivals.", "The envoy"),
        ("The senator said the claims were ludicrous.", "The senator"),
        # Comments are an account that can be called false.
        ('The coach said the comments were "untrue and unfair."', "The coach"),
        # An abbreviation inside a long account subject is no sentence break.
        (
            'The embassy said charges filed against two U.S. nationals by the court are "absurd."',
            "The embassy",
        ),
        # An accusation's label negated, whatever the subject.
        ("The ministry said the payment to the consultant was not a bribe.", "The ministry"),
        ("The general said the operation is not an invasion but a rescue.", "The general"),
        # Questions and insinuations are accounts a source can reject.
        ("The doctor rejected questions about whether the virus came from the lab.", "The doctor"),
        ("The envoy dismissed insinuations of a secret deal.", "The envoy"),
        # "far from the truth" has no word of falsehood, and needs none.
        ("The ministry said the report was far from the truth.", "The ministry"),
        # Verbs of judging, with an account as their object.
        ("The spokesman said his government considers the allegations as lies.", "The spokesman"),
        ("The ministry regards the report as biased and false.", "The ministry"),
        # An account called part of a plot.
        ("Some officials called the doping allegations part of a foreign plot.", "Some officials"),
        # What an account reported, said not to be.
        ("The ministry said the secret prisons do not exist.", "The ministry"),
        # An account said to lack merit, behind an abbreviation, or its makers accused.
        ("The lawyer said the case against her has no merit.", "The lawyer"),
        ("The union said the charges are without merit.", "The union"),
        ("The leader said U.S. claims that Tehran backed the plot are absurd.", "The leader"),
        ('The minister accused the U.N. of making "unfounded" accusations.', "The minister"),
        # A rejection after "was quick to" or "moved to": the subject before them rejects.
        ("But the ministry was quick to dismiss his comments.", "the ministry"),
        ("The embassy moved swiftly to reject the reports.", "The embassy"),
        # Denounced as false, the label before the account.
        (
            'The ministry denounced Tuesday as "completely" baseless Ostria\'s latest '
            "allegations that its troops crossed the border.",
            "The ministry",
        ),
        # Proof still owed, or impossible to give.
        (
            "Her lawyer says the state has yet to provide any specific proof of a link to the "
            "plot.",
            "Her lawyer",
        ),
        ('"They cannot produce a single evidence," the activist said.', "the activist"),
        # A naming "called" inside the subject does not swallow the predicate.
        (
            'The minister said the study, from a group called Open Ledger, is "rubbish."',
            "The minister",
        ),
    ],
)
def test_accounts_judged_false(sentence: str, speaker: str) -> None:
    assert _deniers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        # "called off" is a phrasal verb, and "lie" here is where a wreck lies.
        "Rescuers have called off the search for a ferry that may now lie on the seabed.",
        # Refusals of access, a visit or pay deny no account.
        "The guards have denied the families and several foreign reporters access to the jail.",
        "The union criticized the board's decision to deny the visit.",
        "Dozens of nurses were also denied their pay, the union said.",
        # Verbs of judging, with no account as their object.
        "He considered the offer ridiculous.",
        "The coach regards the new rules as unfair.",
        # An opinion about what is needed is no fact denied.
        "The envoy said there was no need for an outside inquiry.",
        # "not only … but" denies nothing.
        "The minister said the problem does not exist only in the capital.",
        # A label that is no accusation.
        "Officials said the outbreak is not a threat to the public.",
        # A charge's own label, quoted, calls nothing false for whoever reports it.
        'Rights groups asked the state to free a blogger held for posting "false information."',
        # Denouncing a plan or an act rejects no account.
        "The union denounced the plan as unfair to drivers.",
        "The ministry denounced the attack on the embassy.",
        # Merit denied to a plan, and accusations made in good faith.
        "The mayor said the plan has no merit.",
        "The minister accused the U.N. of making accusations in secret.",
        # A preposterous idea that is no account.
        "The mayor said the plan to pave the park was preposterous.",
        # A false word before an event or an institution judges it, not an account of it.
        '"It is a sham election that does not reflect the will of voters," the senator said.',
        "The candidate said it was a flawed vote.",
    ],
)
def test_refusals_and_other_senses_are_not_denials(sentence: str) -> None:
    assert _deniers(sentence) == []


def test_a_party_that_denied_answers_through_its_representative() -> None:
    text = (
        "Villagers said the guards were brought in by the mine, a claim the company denies. "
        "A manager of the mine said the company had not hired any guards."
    )
    result = extract(text)
    assert [d.speaker for d in result.denials] == ["the company", "A manager of the mine"]


def test_a_state_of_the_party_is_no_answer() -> None:
    # "does not have a budget" says what the agency lacks, not what it did not do.
    text = (
        "Critics said the agency wasted the funds, a charge the agency denies. "
        "Its director said the agency does not have a budget for new hires."
    )
    result = extract(text)
    assert [d.speaker for d in result.denials] == ["the agency"]
    assert any(c.sentence.startswith("Its director") for c in result.claims)


@pytest.mark.parametrize(
    "sentence",
    [
        "The spokesman told VOA his government rejects the allegations.",
        "The spokesman told reporters his government considers the allegations as lies.",
    ],
)
def test_the_audience_of_told_is_not_part_of_the_denier(sentence: str) -> None:
    # After "told", the audience comes first and the clause's subject ("his government",
    # the speaker's own side) opens at its determiner: the speaker denies, and says no claim.
    result = extract(sentence)
    assert [d.speaker for d in result.denials] == ["The spokesman"]
    assert result.claims == ()


@pytest.mark.parametrize(
    ("said", "denier"),
    [
        ('"I have done nothing wrong," the minister said.', "the minister"),
        ("The minister tells reporters her hands are clean.", "The minister"),
        ("The minister says she is innocent.", "The minister"),
        ("The minister said she did not do anything wrong.", "The minister"),
    ],
)
def test_innocence_asserted_against_an_accusation_is_a_denial(said: str, denier: str) -> None:
    text = f"Prosecutors accused the minister of taking kickbacks on a road contract. {said}"
    assert _deniers(text) == [denier]


@pytest.mark.parametrize(
    "opening",
    [
        "Lawmakers are weighing an impeachment inquiry against the governor.",
        "Prosecutors opened an investigation into the governor's road contracts.",
    ],
)
def test_an_inquiry_into_someone_is_an_accusation_innocence_answers(opening: str) -> None:
    text = f"{opening} The governor has insisted he did nothing wrong."
    assert _deniers(text) == ["The governor"]


def test_innocence_with_no_accusation_in_the_report_is_a_claim() -> None:
    text = (
        "The airline cancelled 40 flights on Tuesday. The company insisted it had done nothing "
        "wrong and blamed a faulty update from a supplier."
    )
    result = extract(text)
    assert result.denials == ()
    assert [c.speaker for c in result.claims] == ["The company"]


def test_innocent_lives_are_no_ones_innocence() -> None:
    text = (
        "Villagers accused the army of shelling the market. The colonel said the army regrets "
        "any loss of innocent life."
    )
    assert _deniers(text) == []
