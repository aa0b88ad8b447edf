"""Denials, their speakers and the claims they target (own fixture reports)."""

from __future__ import annotations

import pytest

from briefings.extract import extract
from briefings.model import Denial, Extraction

pytestmark = pytest.mark.unit

MINE = """Villagers near the Tarkwa gold mine say the company has dumped waste into the river \
for months, according to a report by a local rights group.

The mining company denied the report, saying its waste water is treated before release. \
"There has been no dumping of any kind," company spokesman Kofi Mensah said.

Ghana's environment agency is not investigating the site, an agency official said, adding \
that samples taken in March showed no contamination.
"""


def denial_in(result: Extraction, start: str) -> Denial:
    found = [d for d in result.denials if d.sentence.startswith(start)]
    assert found, f"no denial for sentence starting {start!r}"
    return found[0]


def test_denied_the_report_targets_the_reported_claim() -> None:
    result = extract(MINE)
    denial = denial_in(result, "The mining company denied the report")
    assert denial.speaker == "The mining company"
    assert denial.denied == "the report"
    targets = [result.claims[i].sentence for i in denial.targets]
    assert any(t.startswith("Villagers near the Tarkwa") for t in targets)


def test_a_denial_is_not_also_a_claim_of_the_same_speaker() -> None:
    result = extract(MINE)
    sentence = next(d.sentence for d in result.denials if d.speaker == "The mining company")
    assert not [c for c in result.claims if c.sentence == sentence]


def test_negated_counter_claim_inside_a_quote_is_a_denial() -> None:
    result = extract(MINE)
    denial = denial_in(result, '"There has been no dumping')
    assert "Kofi Mensah" in denial.speaker
    assert denial.denied.startswith("dumping")


def test_rejecting_a_proposal_is_not_a_denial() -> None:
    text = "The council rejected the proposal to raise bus fares, the mayor's office said."
    assert extract(text).denials == ()


def test_rejecting_a_claim_is_a_denial() -> None:
    text = (
        "Auditors said the hospital overspent by $4 million. Hospital chief Mira Sandoval "
        "rejected that claim, saying the figures were incomplete."
    )
    result = extract(text)
    denial = denial_in(result, "Hospital chief Mira Sandoval rejected")
    assert [result.claims[i].speaker for i in denial.targets] == ["Auditors"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The ministry called the allegations baseless.", "The ministry"),
        ("A police spokesman said there was no truth to the rumors.", "A police spokesman"),
        ("The airline is not seeking state aid, its chief executive said.", "its chief executive"),
        ("The senator dismissed the reports as fake news.", "The senator"),
    ],
)
def test_denial_cues(text: str, speaker: str) -> None:
    assert [d.speaker for d in extract(text).denials] == [speaker]


def test_relative_clause_denial_belongs_to_its_antecedent() -> None:
    text = "The company, which has denied wrongdoing, said it would appeal."
    assert [d.speaker for d in extract(text).denials] == ["The company"]


def test_passive_denial_names_the_agent() -> None:
    text = "Rights groups said the camp was overcrowded. The claims were denied by the embassy."
    result = extract(text)
    [denial] = result.denials
    assert denial.speaker == "the embassy"
    assert [result.claims[i].speaker for i in denial.targets] == ["Rights groups"]


def test_briefing_transcript_turns() -> None:
    text = (
        "MR PRICE: Good afternoon. The United States will keep supporting the talks in "
        "Geneva this month.\n\n"
        "QUESTION: Ned, there are reports that the talks have collapsed and that both "
        "delegations went home early this week. Is that accurate?\n\n"
        "MR PRICE: That is simply false. The delegations will meet again on Thursday in the "
        "same format as before."
    )
    result = extract(text)
    briefer = [c.sentence for c in result.claims if c.speaker == "Price"]
    assert len(briefer) == 2 and not any(s.startswith("QUESTION") for s in briefer)
    [denial] = result.denials
    assert denial.speaker == "Price"
    assert [result.claims[i].speaker for i in denial.targets] == ["reports"]


@pytest.mark.parametrize("header", ["Press Statement - Ana Ruiz", "Remarks by Ana Ruiz"])
def test_a_statement_headed_by_its_speaker_is_that_speakers_turn(header: str) -> None:
    text = (
        f"{header}\n\n"
        "Over 800 protesters have been detained since the march last month. "
        "We join the families of the detained in calling for their immediate release. "
        "The government of Ruritania denies this systematic abuse of the detained."
    )
    result = extract(text)
    assert [c.speaker for c in result.claims] == ["Ana Ruiz", "Ana Ruiz"]
    assert [d.speaker for d in result.denials] == ["The government of Ruritania"]


def test_a_first_line_naming_no_statement_gives_no_turn() -> None:
    # Near miss: a headline that names a person is no statement of theirs.
    text = (
        "Ana Ruiz wins the vote\n\n"
        "Over 800 protesters have been detained since the march last month."
    )
    assert extract(text).claims == ()


def test_without_merit_inside_a_reported_statement_is_a_denial() -> None:
    text = "A spokeswoman for the firm said the allegations were without merit."
    [denial] = extract(text).denials
    assert (denial.speaker, denial.denied) == ("A spokeswoman for the firm", "the allegations")
    assert extract(text).claims == ()


def test_a_bare_denial_answers_the_claim_just_before_it() -> None:
    text = (
        "Ukrainian officials said Russian troops had shelled a power plant overnight. "
        "The Kremlin has flatly denied any involvement."
    )
    result = extract(text)
    [denial] = result.denials
    assert [result.claims[i].speaker for i in denial.targets] == ["Ukrainian officials"]


def test_said_there_was_no_evidence_is_the_speakers_denial() -> None:
    text = "The minister said there was no evidence that the vote had been rigged."
    result = extract(text)
    assert [d.speaker for d in result.denials] == ["The minister"]
    assert result.claims == ()


def test_pushed_back_saying_denies_the_clause_it_introduces() -> None:
    text = (
        "A union leaflet said the plant would shed 300 jobs. "
        "The plant manager pushed back, saying no jobs would be cut this year."
    )
    [denial] = extract(text).denials
    assert denial.speaker == "The plant manager"
    assert denial.denied == "no jobs would be cut this year"


def test_branding_an_account_with_any_label_rejects_it() -> None:
    text = (
        "Opposition lawmakers said the tender had been rigged. "
        "The transport minister branded the accusations a smear campaign."
    )
    result = extract(text)
    [denial] = result.denials
    assert denial.denied == "the accusations"
    assert [result.claims[i].speaker for i in denial.targets] == ["Opposition lawmakers"]


def test_not_having_received_any_is_a_counter_claim() -> None:
    text = "The embassy said it had not received any complaint from the students."
    [denial] = extract(text).denials
    assert denial.speaker == "The embassy"


def test_no_immediate_danger_is_a_reassurance_not_a_denial() -> None:
    text = "The fire brigade said there was no immediate danger to nearby homes."
    result = extract(text)
    assert result.denials == ()
    assert [c.speaker for c in result.claims] == ["The fire brigade"]


def test_a_time_after_the_rejected_account_is_not_part_of_it() -> None:
    text = (
        "The broadcaster reported that the coach had resigned. "
        "The club rejected the report on Friday."
    )
    result = extract(text)
    [denial] = result.denials
    assert denial.denied == "the report"
    assert [result.claims[i].speaker for i in denial.targets] == ["The broadcaster"]


def test_a_bare_role_points_back_to_the_fuller_phrase() -> None:
    text = (
        "A city hall spokeswoman rejected the reports. "
        '"No contract has been signed," the spokeswoman said.'
    )
    speakers = [d.speaker for d in extract(text).denials]
    assert speakers == ["A city hall spokeswoman", "A city hall spokeswoman"]


def test_took_issue_with_an_account_rejects_it() -> None:
    text = (
        "The auditor said the council had lost 2 million euros on the deal. "
        "The mayor took issue with the auditor's figures."
    )
    result = extract(text)
    [denial] = result.denials
    assert (denial.speaker, denial.denied) == ("The mayor", "the auditor's figures")
    assert [result.claims[i].speaker for i in denial.targets] == ["The auditor"]


def test_no_evidence_that_denies_the_clause_after_it() -> None:
    text = "The union said there was no evidence that any driver had been dismissed for striking."
    [denial] = extract(text).denials
    assert denial.denied == "any driver had been dismissed for striking"


def test_insisted_that_with_a_negation_answers_the_claim_that_follows() -> None:
    text = (
        "The school board insisted that no classes had been cancelled, after parents said "
        "three schools closed early."
    )
    result = extract(text)
    [denial] = result.denials
    assert denial.speaker == "The school board"
    assert [result.claims[i].speaker for i in denial.targets] == ["parents"]


def test_insisted_without_a_negation_is_a_claim() -> None:
    text = "The school board insisted that classes would resume on Monday."
    result = extract(text)
    assert result.denials == ()
    assert [c.speaker for c in result.claims] == ["The school board"]


def test_the_allegations_reject_every_claim_of_their_source() -> None:
    text = (
        "Two former staff said the charity had inflated its donor numbers. "
        "The staff said the figures were shown to auditors in March. "
        "The charity denied the allegations."
    )
    result = extract(text)
    [denial] = result.denials
    assert len(denial.targets) == 2


def test_rejecting_a_deniers_account_targets_no_claim() -> None:
    text = (
        "Villagers said soldiers burned two houses. "
        "The defence minister denied the villagers' account. "
        "Aid groups rejected the minister's account."
    )
    result = extract(text)
    assert [d.targets for d in result.denials][1] == ()


@pytest.mark.parametrize(
    "verb", ["rubbished", "slammed", "brushed aside", "shrugged off", "poured cold water on"]
)
def test_dismissive_verbs_with_an_account_as_object_are_denials(verb: str) -> None:
    text = (
        "A trade newsletter reported that the airline would cut its Lisbon route. "
        f"The airline {verb} the report."
    )
    result = extract(text)
    [denial] = result.denials
    assert (denial.speaker, denial.denied) == ("The airline", "the report")
    assert [result.claims[i].speaker for i in denial.targets] == ["A trade newsletter"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The union did not deny that talks had taken place.",
        "The regulator neither confirmed nor denied the figure.",
        "The agency refused to confirm or deny that it had opened an inquiry.",
    ],
)
def test_declining_to_deny_is_no_denial(sentence: str) -> None:
    assert extract(sentence).denials == ()


def test_has_no_plans_to_answers_the_report_after_it() -> None:
    text = (
        "The brewery has no plans to sell its Leeds site, a spokesman said, after a local "
        "paper reported that the site would be sold."
    )
    result = extract(text)
    [denial] = result.denials
    assert denial.speaker == "a spokesman"
    assert [result.claims[i].speaker for i in denial.targets] == ["a local paper"]


def test_it_is_not_true_that_denies_the_clause() -> None:
    text = '"It is not true that the mine is closing," the manager said.'
    [denial] = extract(text).denials
    assert (denial.speaker, denial.denied) == ("the manager", "the mine is closing")


def test_no_question_of_is_a_denial_but_no_question_that_is_not() -> None:
    assert extract('The coach said there was "no question" of him resigning.').denials
    assert not extract("The coach said there was no question that the team had improved.").denials


def test_called_with_an_article_before_the_false_word_is_a_denial() -> None:
    text = 'Villagers said the dam was cracked. The operator called the claims "a fabrication".'
    [denial] = extract(text).denials
    assert (denial.speaker, denial.denied) == ("The operator", "the claims")


def test_a_plural_possessive_account_belongs_to_its_source() -> None:
    text = (
        "Striking miners said the company had cut their wages. "
        "The company characterised the miners' account as misleading."
    )
    result = extract(text)
    [denial] = result.denials
    assert [result.claims[i].speaker for i in denial.targets] == ["Striking miners"]
