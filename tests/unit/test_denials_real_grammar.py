"""Denials carried by the grammar of real news English, their targets and the questions
they raise (sentences written for these tests, in domains of their own).

Each rule has a case where it fires and a near miss where it must not: a denial needs a
reporting speaker and, for the weaker cues, an account it answers.
"""

from __future__ import annotations

import pytest

from briefings.denials import find_denial_cues
from briefings.extract import extract
from briefings.model import Denial, Extraction

pytestmark = pytest.mark.unit


def denial_in(result: Extraction, start: str) -> Denial:
    found = [d for d in result.denials if d.sentence.startswith(start)]
    assert found, f"no denial for sentence starting {start!r}: {result.denials}"
    return found[0]


def targets_of(result: Extraction, denial: Denial) -> list[str]:
    return [result.claims[i].sentence for i in denial.targets]


def no_denial(text: str) -> None:
    result = extract(text)
    assert result.denials == (), result.denials


# Pattern 4: participial and inverted attributions.


def test_participle_after_the_reporting_clause_is_the_speakers_denial() -> None:
    text = (
        "The ferry operator said the vessel had passed every inspection, denying local "
        "claims that the hull was rusted through.\n\n"
        "But fishermen said the hull was rusted through along the waterline."
    )
    result = extract(text)
    denial = denial_in(result, "The ferry operator said")
    assert denial.speaker == "The ferry operator"
    assert denial.denied.startswith("local claims that")
    assert targets_of(result, denial) == [
        "But fishermen said the hull was rusted through along the waterline."
    ]
    # The sentence is the operator's denial, not also a claim of theirs.
    assert not [c for c in result.claims if c.sentence.startswith("The ferry operator")]


def test_participle_after_a_statement_clause_belongs_to_that_clauses_subject() -> None:
    sentence = (
        "The coach said the match had been fair — on the same day that league "
        "officials issued their reply to the betting allegations, dismissing them as "
        "idle gossip."
    )
    result = extract(sentence)
    denial = denial_in(result, "The coach said the match")
    assert denial.speaker == "league officials"
    # The coach's own statement stays a claim of the coach.
    assert [c.speaker for c in result.claims] == ["The coach"]


def test_inverted_plural_attribution_gives_the_denial_its_speaker() -> None:
    text = "A faulty valve did not cause the refinery fire, say engineers at the plant."
    result = extract(text)
    denial = denial_in(result, "A faulty valve")
    assert denial.speaker == "engineers at the plant"


def test_rejecting_the_idea_that_is_a_denial_but_rejecting_an_idea_of_is_not() -> None:
    result = extract(
        "The museum director rejected the idea that the painting had been damaged in transit."
    )
    assert denial_in(result, "The museum director").speaker == "The museum director"
    no_denial("The museum director rejected the idea of a second exhibition hall.")


def test_accusing_someone_of_lying_rejects_their_account() -> None:
    text = (
        "The blogger wrote that the stadium roof had leaked for years.\n\n"
        "The club chairman accused the blogger of lying about the roof, and called the "
        "post a stunt."
    )
    result = extract(text)
    denial = denial_in(result, "The club chairman accused")
    assert denial.speaker == "The club chairman"
    assert targets_of(result, denial) == [
        "The blogger wrote that the stadium roof had leaked for years."
    ]
    no_denial("The club chairman accused the blogger of trespassing on the training ground.")


# Pattern 2: negated counter-claims and accounts evaluated as false.


def test_long_account_subject_called_groundless_is_a_denial() -> None:
    text = (
        "The shipping line says allegations its captains dumped fuel oil off the coast "
        'and hid the logs are "groundless".'
    )
    denial = denial_in(extract(text), "The shipping line says")
    assert denial.speaker == "The shipping line"
    assert denial.denied.startswith("allegations its captains dumped")


def test_account_with_an_inserted_phrase_called_baseless_is_a_denial() -> None:
    text = "Okafor said the charge of reckless driving, as well as the witness list, are baseless."
    denial = denial_in(extract(text), "Okafor said")
    assert denial.denied.startswith("the charge of reckless driving")


def test_an_ordinary_subject_with_a_false_word_later_is_no_denial() -> None:
    no_denial("The referee said the young striker was wrong to leave the pitch early.")


def test_evidence_not_presented_to_back_the_claims_is_a_denial() -> None:
    text = "A club spokesman said on Monday that proof had not been provided to support the claims."
    denial = denial_in(extract(text), "A club spokesman said")
    assert denial.speaker == "A club spokesman"


def test_negated_causation_and_mistakes_in_reported_speech_are_denials() -> None:
    result = extract(
        "The rail operator said a signal fault did not cause the derailment.\n\n"
        "The driver's union said the driver did not make a mistake."
    )
    speakers = sorted(d.speaker for d in result.denials)
    assert speakers == ["The driver's union", "The rail operator"]


def test_negated_causation_in_narration_is_no_denial() -> None:
    # No one reports it: the writer's own account is not a denial.
    no_denial("The storm did not cause lasting damage to the harbour wall.")


def test_not_as_bad_as_what_a_report_stated_is_a_denial() -> None:
    text = (
        "A ministry spokeswoman said the drought was not as bad as what the aid agencies "
        "described in their appeal."
    )
    assert denial_in(extract(text), "A ministry spokeswoman").speaker == "A ministry spokeswoman"


def test_not_as_bad_as_feared_is_no_denial() -> None:
    no_denial("The harbour master said the flooding was not as bad as expected.")


def test_refusing_a_reports_label_is_a_denial_only_beside_an_account() -> None:
    result = extract('The coach added "we don’t see it as cheating," referring to the report.')
    assert denial_in(result, "The coach added").speaker == "The coach"
    no_denial('The coach added "we don’t see it as a setback" after the defeat.')


def test_unfounded_reports_in_a_speakers_appeal_are_denied() -> None:
    text = "The bank's chairman urged newspapers to stop printing unfounded rumours."
    assert denial_in(extract(text), "The bank's chairman").speaker == "The bank's chairman"


def test_unfounded_reports_in_narration_are_no_denial() -> None:
    no_denial("Unfounded rumours about the bank spread quickly online last week.")


def test_pointing_back_at_a_false_report_is_no_new_denial() -> None:
    cues = find_denial_cues("The photo in this false reporting is ten years old.")
    assert cues == []


def test_no_such_thing_as_is_a_general_verdict() -> None:
    no_denial('The defence lawyer said, "There is no such thing as a fair hearing here.')


# Pattern 5: targets by source, side and stance.


def test_an_account_named_by_its_source_rejects_that_sources_claims() -> None:
    text = (
        "The province's governor denied the findings of an annual Coastal Watch survey "
        "on Thursday.\n\n"
        "Coastal Watch said in its survey that mangrove cover had fallen by a third.\n\n"
        "Fishermen said the catch had also fallen sharply this year.\n\n"
        "Coastal Watch said separately that it would open an office in the port next month."
    )
    result = extract(text)
    denial = denial_in(result, "The province's governor denied")
    assert targets_of(result, denial) == [
        "Coastal Watch said in its survey that mangrove cover had fallen by a third."
    ]


def test_a_named_document_that_no_claim_speaks_for_gets_no_targets() -> None:
    text = (
        "The airline rejected the findings of a Transport Safety Board report on the "
        "runway incident.\n\n"
        "Several pilots, who asked not to be named, said crews had raised the problem "
        "with managers for months."
    )
    result = extract(text)
    assert denial_in(result, "The airline rejected").targets == ()


def test_a_document_speaker_is_what_an_accusation_denial_rejects() -> None:
    text = (
        "According to the charge sheet, the trader moved client money into his own "
        "account.\n\n"
        "His lawyer, Ines Duarte, said the accusation of fraud was baseless."
    )
    result = extract(text)
    denial = denial_in(result, "His lawyer")
    assert [result.claims[i].speaker for i in denial.targets] == ["the charge sheet"]


def test_a_claim_about_the_denial_itself_is_never_its_target() -> None:
    text = (
        "The club's board rejected the findings of the fan survey.\n\n"
        "A supporters' group leader said the denial by the board was no surprise."
    )
    result = extract(text)
    denial = denial_in(result, "The club's board")
    assert denial.targets == ()


def test_a_countrys_own_line_is_not_what_its_minister_denies() -> None:
    text = (
        "Norland continues to maintain that only one mill has closed this year.\n\n"
        "Norlandic Industry Minister Pia Holm said there were no new closures."
    )
    result = extract(text)
    denial = denial_in(result, "Norlandic Industry Minister")
    assert denial.targets == ()


def test_a_counter_claim_does_not_target_a_later_rebuttal() -> None:
    text = (
        "A worn brake did not cause the tram crash, say managers at the tram company.\n\n"
        "But city inspectors say it is too early to rule out a worn brake as the cause "
        "of the crash."
    )
    result = extract(text)
    assert denial_in(result, "A worn brake").targets == ()


# Pattern 9: open questions.


def test_conflicting_claims_sentence_joins_the_dispute_before_it() -> None:
    text = (
        "The army said the men killed in the raid were smugglers, denying local claims "
        "that they were farmers.\n\n"
        "But relatives said all of the men were farmers.\n\n"
        "It was not immediately possible to reconcile the conflicting claims."
    )
    result = extract(text)
    contested = [q for q in result.open_questions if q.kind == "contested"]
    assert len(contested) == 1
    assert contested[0].evidence[-1].startswith("It was not immediately possible")
    assert len(result.open_questions) == 1


def test_has_not_commented_leaves_a_claim_unconfirmed() -> None:
    text = (
        "The magazine quoted a former engineer as saying the dam's sensors were switched "
        "off, although the water authority has not commented on the report."
    )
    result = extract(text)
    assert [q.kind for q in result.open_questions] == ["unconfirmed"]


def test_second_denial_by_the_same_side_joins_its_question() -> None:
    text = (
        "Halvard Shipping has rejected reports that it sold a tanker to a sanctioned "
        "buyer.\n\n"
        "A broker in Oslo said the tanker was sold to a sanctioned buyer in May.\n\n"
        "Halvard Shipping's spokesman also urged reporters to stop repeating unfounded "
        "stories."
    )
    result = extract(text)
    contested = [q for q in result.open_questions if q.kind == "contested"]
    assert len(contested) == 1
    assert len(contested[0].denials) == 2


def test_a_literal_call_for_help_awaits_nothing() -> None:
    assert extract("No one on the boat called for help.").open_questions == ()


def test_two_nearby_awaited_outcomes_on_one_matter_are_one_question() -> None:
    text = (
        "A district court is expected to rule on the zoning appeal this week.\n\n"
        "Residents have protested outside the town hall for a month. The court is set to "
        "hand down its ruling on Friday."
    )
    result = extract(text)
    pending = [q for q in result.open_questions if q.kind == "pending"]
    assert len(pending) == 1
    assert len(pending[0].evidence) == 2


def test_unrelated_awaited_outcomes_stay_apart() -> None:
    text = (
        "The orchestra is expected to announce its new conductor in May.\n\n"
        "Separately, the city council is set to vote on bus fares next week."
    )
    pending = [q for q in extract(text).open_questions if q.kind == "pending"]
    assert len(pending) == 2


def test_a_lead_counter_claim_joins_its_sides_later_dispute() -> None:
    text = (
        "A software bug did not cause the outage, say engineers at Veltro.\n\n"
        "A Veltro manager rejected the idea that a contractor had deleted the backups.\n\n"
        "The weather in the city was mild on Sunday."
    )
    result = extract(text)
    contested = [q for q in result.open_questions if q.kind == "contested"]
    assert len(contested) == 1
    assert len(contested[0].denials) == 2


def test_a_harmless_outcome_negated_is_no_denial() -> None:
    # "did not cause any injuries" reports a consequence; no one is cleared of blame.
    no_denial("Police said the kitchen fire did not cause any injuries.")


def test_a_speakers_own_statement_called_incorrect_is_a_correction() -> None:
    no_denial("The bakery chain said its statement on Monday was incorrect and issued a fix.")


def test_evidence_not_yet_shown_to_a_jury_is_no_denial() -> None:
    no_denial("The prosecutor said the evidence has not been presented to the jury yet.")


def test_a_later_rejection_of_accounts_by_the_same_side_rejects_the_same_claims() -> None:
    text = (
        "Anonymous crew members said the captain had ignored a storm warning.\n\n"
        "Meridian Ferries has denied the reports, saying the warning came after departure.\n\n"
        "Passengers praised the crew for keeping calm.\n\n"
        "Meridian Ferries' chief executive also urged journalists to stop spreading "
        "baseless stories."
    )
    result = extract(text)
    first = denial_in(result, "Meridian Ferries has denied")
    later = denial_in(result, "Meridian Ferries' chief executive")
    assert first.targets
    assert later.targets == first.targets


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry said the allegations were politically motivated.",
        "The bottler said the claims were not based on facts.",
        "The general said the army played no role in the failed coup.",
        "The club said its owner had nothing to do with the transfer dispute.",
        "The union contested the findings of the audit.",
        "The senator contradicted the account given by her former aide.",
    ],
)
def test_involvement_denied_and_accounts_discredited_are_denials(sentence: str) -> None:
    assert len(extract(sentence).denials) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts said the protests were politically motivated.",
        "The mayor challenged the council to hold a vote on the budget.",
        "The driver contested the speeding fine in court.",
        "Lawyers challenged the ruling at the supreme court.",
    ],
)
def test_discrediting_words_without_an_account_are_no_denials(sentence: str) -> None:
    no_denial(sentence)


def test_a_voice_after_the_denial_is_not_the_report_it_points_back_to() -> None:
    text = (
        "The regional government rejected the findings of a Baltic Fisheries Council "
        "report on cod stocks.\n\n"
        'A fisheries spokesman said the decline was "not as bad as what the scientists '
        'stated in their report."\n\n'
        "Several trawler owners said catches had fallen every year since 2019."
    )
    result = extract(text)
    assert [d.targets for d in result.denials] == [(), ()]
    contested = [q for q in result.open_questions if q.kind == "contested"]
    assert len(contested) == 1


def test_denying_any_wrongdoing_rejects_every_earlier_claim_of_the_accuser() -> None:
    text = (
        "The Water Regulator said on Monday that utility firm Aquaris had overbilled "
        "customers for two years.\n\n"
        "In its ruling, the regulator said Aquaris had ignored repeated warnings.\n\n"
        "Aquaris chief executive Tom Reyes denies any wrongdoing."
    )
    result = extract(text)
    denial = denial_in(result, "Aquaris chief executive")
    assert len(denial.targets) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "The former mayor pleaded not guilty to charges of bribery on Tuesday.",
        "Rossi, who has maintained his innocence, is due in court next week.",
        '"That never happened," the coach told reporters.',
        "The club said the meeting never took place.",
    ],
)
def test_pleas_of_innocence_and_events_that_never_happened_are_denials(sentence: str) -> None:
    assert len(extract(sentence).denials) == 1


def test_happening_to_do_something_is_no_denial() -> None:
    no_denial("The witness said she never happened to see the defendant in the bar.")


def test_a_hedge_on_a_detail_does_not_leave_the_claim_unconfirmed() -> None:
    text = (
        "Customs officials said they seized two tonnes of ivory at the port, including a "
        "shipment believed to be bound for a private collector."
    )
    assert extract(text).open_questions == ()


def test_a_hedge_on_the_claim_itself_still_asks_for_confirmation() -> None:
    text = "Customs officials said the ivory is believed to be bound for a private collector."
    assert [q.kind for q in extract(text).open_questions] == ["unconfirmed"]


def test_a_lead_rejection_of_a_newspaper_report_targets_the_papers_story() -> None:
    text = (
        "The rowing federation rejected a newspaper report that two coaches had been "
        "suspended.\n\n"
        "The Harbour Gazette reported on Monday that the coaches were suspended after a "
        "complaint."
    )
    result = extract(text)
    denial = denial_in(result, "The rowing federation")
    assert [result.claims[i].speaker for i in denial.targets] == ["The Harbour Gazette"]


@pytest.mark.parametrize(
    "account", ["a U.S. report", "a Pentagon report", "the U.N. panel's allegations"]
)
def test_an_account_named_with_an_abbreviation_is_denied_to_the_end_of_its_clause(
    account: str,
) -> None:
    text = f"Ruritania denied {account} that it had moved missiles to the border."
    denial = denial_in(extract(text), "Ruritania")
    assert denial.denied == f"{account} that it had moved missiles to the border"


def test_the_denial_that_names_the_account_wins_over_a_counter_claim_beside_it() -> None:
    text = (
        "Brewer Maltby said a cooling fault did not cause the recall, denying claims by a "
        "drinks watchdog that it had ignored warnings.\n\n"
        "The watchdog, BrewWatch, said in a report that it had warned Maltby twice."
    )
    result = extract(text)
    denial = denial_in(result, "Brewer Maltby")
    assert denial.cue == "denying"
    assert denial.targets


def test_the_claims_could_not_be_verified_joins_the_dispute_before_it() -> None:
    text = (
        "The swimming union rejected reports that its coaches had hidden injuries.\n\n"
        "Two former swimmers said coaches had told them to train through injuries.\n\n"
        "The claims could not be independently verified."
    )
    questions = extract(text).open_questions
    assert [q.kind for q in questions] == ["contested"]
    assert questions[0].evidence[-1] == "The claims could not be independently verified."


def test_an_unverified_account_named_in_passing_joins_the_dispute() -> None:
    text = (
        "The zoo's director said there was no evidence that the elephants had been "
        "mistreated.\n\n"
        "Two former keepers, who asked not to be named, said the elephants were kept "
        "chained for days.\n\n"
        "It was not possible to verify the keepers' accounts independently."
    )
    questions = extract(text).open_questions
    assert [q.kind for q in questions] == ["contested"]
    assert questions[0].evidence[-1].startswith("It was not possible")


def test_an_opening_participial_phrase_is_never_the_speaker() -> None:
    text = (
        "Speaking on Monday, the mayor said the budget was balanced, dismissing the "
        "auditors' findings as outdated."
    )
    denial = denial_in(extract(text), "Speaking on Monday")
    assert denial.speaker == "the mayor"


def test_reports_denied_by_a_participle_are_not_a_claim_of_their_own() -> None:
    text = (
        "Speaking Tuesday, the minister said the talks would go on, denying reports that "
        "they had collapsed."
    )
    result = extract(text)
    assert denial_in(result, "Speaking Tuesday").speaker == "the minister"
    # Nothing of the minister's; the reports, given nowhere else, are the denial's target.
    assert [c.speaker for c in result.claims] == ["reports"]


def test_a_negated_clause_answering_another_speakers_claim_is_a_denial() -> None:
    text = (
        "Witnesses said guards fired on the marchers near the bridge.\n\n"
        "The prison service said its guards did not fire on the marchers."
    )
    result = extract(text)
    denial = denial_in(result, "The prison service")
    assert denial.speaker == "The prison service"
    assert targets_of(result, denial) == [
        "Witnesses said guards fired on the marchers near the bridge."
    ]
    assert [c.speaker for c in result.claims] == ["Witnesses"]


def test_a_negation_about_something_else_stays_a_claim() -> None:
    text = (
        "Analysts said the central bank raised rates in March.\n\n"
        "The governor said the bank did not plan further increases this year."
    )
    result = extract(text)
    assert result.denials == ()
    assert len(result.claims) == 2


def test_a_bare_this_is_not_quoted_as_what_was_rejected() -> None:
    text = (
        "Fishermen said the dredging had killed the oyster beds.\n\n"
        'The port authority denied this, saying "the beds were already dying."'
    )
    questions = [q.question for q in extract(text).open_questions]
    assert any(q.endswith("who denied it?") for q in questions), questions


def test_a_colleague_of_the_same_ministry_is_never_the_target() -> None:
    text = (
        "Farm Minister Lena Holt said there were no new cases of bird flu in the region.\n\n"
        "Farm Ministry spokesperson Ola Berg added that culled birds would be tested for "
        "bird flu within a week."
    )
    result = extract(text)
    assert denial_in(result, "Farm Minister Lena Holt").targets == ()


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The brewery released a statement denying the allegations.", "The brewery"),
        ("The consulate issued a statement calling the reports false.", "The consulate"),
        (
            "The league issued a statement on Friday rejecting the accusations as baseless.",
            "The league",
        ),
        # A time of two words between the document and the participle.
        (
            "The rebel front released a statement later Wednesday rejecting what it called a "
            "fabricated allegation.",
            "The rebel front",
        ),
        ("The guild put out a statement late Friday denying the story.", "The guild"),
    ],
)
def test_a_statement_that_denies_is_its_issuers_denial(sentence: str, speaker: str) -> None:
    assert [d.speaker for d in extract(sentence).denials] == [speaker]


def test_a_document_nobody_is_said_to_issue_keeps_its_own_voice() -> None:
    # Near miss: "read" does not put a statement out, so no issuer is looked for.
    denials = extract("Officials read a statement later Wednesday rejecting the story.").denials
    assert [d.speaker for d in denials] == ["a statement"]


def test_a_document_that_denies_by_itself_keeps_its_own_voice() -> None:
    assert [d.speaker for d in extract("The audit denied any link between the firms.").denials] == [
        "The audit"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The union leader told reporters that is not exactly true.",
        '"That is not entirely accurate," the curator said.',
    ],
)
def test_not_true_with_a_degree_word_is_still_a_denial(sentence: str) -> None:
    assert len(extract(sentence).denials) == 1
    assert extract(sentence).claims == ()


def test_a_statement_put_out_after_an_apposition_denies_for_its_issuer() -> None:
    text = (
        "The exile council, based in the hill town of Varna, released a statement Monday "
        "denying involvement in the riots."
    )
    assert [d.speaker for d in extract(text).denials] == ["The exile council"]


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # A verb joined by "and" has the subject of the verb before it.
        (
            "Army officials responded there is no doubt that the rebels fired first, and "
            "dismissed their claims as typical of the group.",
            "their claims",
        ),
        # A comment is an account a source can reject.
        (
            "The navy rejected the rebels' comment, saying two boats had sunk.",
            "the rebels' comment",
        ),
    ],
)
def test_a_rejection_after_and_or_of_a_comment_is_the_speakers_denial(
    sentence: str, denied: str
) -> None:
    result = extract(sentence)
    assert [d.denied for d in result.denials] == [denied]
    assert result.claims == ()


def test_a_verb_after_and_with_no_speaker_before_it_denies_for_no_one() -> None:
    # Near miss: no attribution before "and", so nobody is given the rejection.
    assert extract("The road reopened on Monday and rejected the claims.").denials == ()


def test_a_denial_before_a_second_verb_of_refusing_is_still_a_denial() -> None:
    sentence = (
        "The government denies this systematic abuse of the detained and refuses access to "
        "outside observers."
    )
    [denial] = extract(sentence).denials
    assert denial.denied == "this systematic abuse of the detained"


def test_denying_a_list_of_people_access_is_still_a_refusal() -> None:
    # Near miss: "and" inside the list of those refused is no second verb.
    sentence = "The guards denied the families and several reporters access to the jail."
    assert extract(sentence).denials == ()


def test_charges_in_apposition_without_an_article_are_denied_by_who_follows() -> None:
    sentence = "The government suspects him of plotting attacks, charges his family denies."
    [denial] = extract(sentence).denials
    assert (denial.speaker, denial.denied) == ("his family", "charges")


def test_a_rejection_after_two_adverbs_is_the_speakers() -> None:
    sentence = '"I would very strongly reject any insinuation of any role in the attack," he said.'
    [denial] = extract("Ana Ruiz, the envoy, spoke on Monday. " + sentence).denials
    assert denial.speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("sentence", "denies"),
    [
        # A relative clause describing a noun answers nothing.
        (
            "The bank says it is reviewing the transfer to Kalyan, a separate firm, which is "
            "not involved in lending.",
            False,
        ),
        # Near miss: the speaker's own "is not involved" still denies.
        ("The company said it is not involved in the scheme.", True),
    ],
)
def test_a_negation_in_a_relative_clause_is_no_denial(sentence: str, denies: bool) -> None:
    assert bool(extract(sentence).denials) is denies


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        (
            "Mr. Novak disputed claims that Mr. Varga enjoys wide support.",
            "claims that Mr. Varga enjoys wide support",
        ),
        (
            "The ministry denied reports that Gen. Ruiz had resigned.",
            "reports that Gen. Ruiz had resigned",
        ),
    ],
)
def test_a_title_inside_what_is_denied_does_not_end_it(sentence: str, denied: str) -> None:
    [denial] = extract(sentence).denials
    assert denial.denied == denied


def test_an_adverb_before_the_predicate_is_not_part_of_what_is_denied() -> None:
    (denial,) = extract("The ministry said the claim just doesn’t hold water.").denials
    assert denial.denied == "the claim"


@pytest.mark.parametrize(
    ("text", "speaker", "denied"),
    [
        (
            "Prime Minister Tomas Varga stood firm on Monday in his recent denials of forced "
            "labor in the camps.",
            "Prime Minister Tomas Varga",
            "forced labor in the camps",
        ),
        (
            "The row flared again after the Ruritanian leader's public denial of military "
            "involvement in the camps.",
            "the Ruritanian leader",
            "military involvement in the camps",
        ),
    ],
)
def test_a_denial_noun_owned_by_a_pronoun_or_a_described_leader(
    text: str, speaker: str, denied: str
) -> None:
    (denial,) = extract(text).denials
    assert (denial.speaker, denial.denied) == (speaker, denied)


def test_an_owned_rejection_of_a_bid_is_no_denial() -> None:
    assert extract("Her rejection of the bid was final.").denials == ()


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        (
            '"There is nothing, absolutely nothing, to suggest that it was an intentional '
            'attack," Ana Ruiz said.',
            "it was an intentional attack",
        ),
        (
            "Ana Ruiz said there was no evidence the women were forced to work.",
            "the women were forced to work",
        ),
    ],
)
def test_nothing_to_suggest_and_no_evidence_without_that_deny_the_clause(
    text: str, denied: str
) -> None:
    (denial,) = extract(text).denials
    assert (denial.speaker, denial.denied) == ("Ana Ruiz", denied)


def test_nothing_to_do_denies_nothing() -> None:
    assert extract("There is nothing to do, Ana Ruiz said.").denials == ()


def test_countering_a_report_rejects_it() -> None:
    text = "Ruritania has countered a human rights report that accuses its police of brutality."
    (denial,) = extract(text).denials
    assert denial.speaker == "Ruritania"
    assert denial.denied.startswith("a human rights report")


@pytest.mark.parametrize(
    ("text", "claims", "denials"),
    [
        ("The army countered the attack with artillery.", 0, 0),
        ("The minister countered that the report was biased.", 1, 0),
        ('"We never did that," the minister countered.', 1, 0),
    ],
)
def test_countering_an_act_or_with_a_clause_is_no_rejection_of_an_account(
    text: str, claims: int, denials: int
) -> None:
    result = extract(text)
    assert (len(result.claims), len(result.denials)) == (claims, denials)


@pytest.mark.parametrize(
    "text",
    [
        "Friday, Ruritania's foreign minister, Ana Ruiz, defended the country's record on the "
        "border and dismissed the accusations.",
        "Ana Ruiz met the minister and the governor and rejected the charges.",
    ],
)
def test_the_second_verb_of_a_coordination_has_the_first_ones_subject(text: str) -> None:
    (denial,) = extract(text).denials
    assert denial.speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A militia spokesman (Ana Ruiz) called reporters on Sunday in the north to deny "
            "involvement.",
            "Ana Ruiz",
        ),
        ("The minister met reporters to deny the charges.", "The minister"),
        ("The minister asked reporters to deny the charges.", "reporters"),
    ],
)
def test_a_purpose_infinitive_denies_for_the_subject_not_the_object(
    text: str, speaker: str
) -> None:
    (denial,) = extract(text).denials
    assert denial.speaker == speaker
