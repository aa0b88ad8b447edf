"""More denial grammar of wire-service English: quoted denials, events said not to have
happened yet, blame refused, accounts of a quantity called too high, methods called faulty,
figures that "do not reflect" the facts and incidents whose harm is ruled out.

Sentences are written for these tests, in domains of their own (shipping, sport, farming,
transport, retail). Each rule has a case where it fires and a near miss where it must not.
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


def claims_in(result: Extraction, start: str) -> list[str]:
    return [c.speaker for c in result.claims if c.sentence.startswith(start)]


def targets_of(result: Extraction, denial: Denial) -> list[str]:
    return [result.claims[i].sentence for i in denial.targets]


# "quoted X as denying": the quoted source denies, not the outlet quoting it.


def test_quoted_as_denying_credits_the_quoted_source() -> None:
    text = "Local radio quoted a harbour official as denying that the tanker had run aground."
    result = extract(text)
    denial = denial_in(result, "Local radio quoted")
    assert denial.speaker == "a harbour official"
    assert denial.denied == "the tanker had run aground"
    # The sentence is the official's denial and nobody's claim.
    assert claims_in(result, "Local radio quoted") == []


def test_cited_as_rejecting_an_account_credits_the_cited_source() -> None:
    text = "The paper cited the club's lawyer as rejecting reports of unpaid wages."
    denial = denial_in(extract(text), "The paper cited")
    assert denial.speaker == "the club's lawyer"


def test_quoted_as_saying_is_still_a_claim_of_the_quoted_source() -> None:
    text = "Local radio quoted a harbour official as saying the tanker had run aground."
    result = extract(text)
    assert result.denials == ()


# An event said not to have happened "yet".


def test_not_yet_occurred_is_a_denial_of_the_event() -> None:
    text = (
        "The league's spokesman told reporters that while the owners have asked for a "
        "meeting with the players' union, such talks have not yet taken place."
    )
    result = extract(text)
    denial = denial_in(result, "The league's spokesman")
    assert denial.speaker == "The league's spokesman"
    assert claims_in(result, "The league's spokesman") == []


def test_not_yet_decided_is_no_denial() -> None:
    text = "The league's spokesman said the owners have not yet decided on a date."
    assert extract(text).denials == ()


# Blame refused: "denied responsibility", but not "attempts to deny responsibility".


def test_denied_responsibility_is_a_denial() -> None:
    text = "The rebel group has denied responsibility for the fire at the grain depot."
    denial = denial_in(extract(text), "The rebel group")
    assert denial.speaker == "The rebel group"
    assert denial.denied.startswith("responsibility for the fire")


def test_trying_to_deny_responsibility_reports_a_stance_not_a_denial() -> None:
    sentence = "The mill owner tries to deny responsibility by blaming the weather."
    assert [c for c in find_denial_cues(sentence) if c.cue.startswith("den")] == []


# A phrasal rejection with its time in the middle: "hit back on Friday at".


def test_hit_back_with_a_day_in_between_rejects_the_reports() -> None:
    text = "The rail operator's chief, Ana Lima, hit back Friday at media reports of a strike."
    denial = denial_in(extract(text), "The rail operator's chief")
    assert denial.denied == "media reports of a strike"


def test_hit_back_at_a_rival_is_no_denial() -> None:
    text = "The striker hit back Friday at the defender with a late equaliser."
    assert extract(text).denials == ()


# An account whose method is called faulty.


def test_announcement_based_on_faulty_counting_is_denied() -> None:
    text = (
        "The farm minister said the inspectors' announcement that 4,000 sheep had died was "
        "based on faulty counting of the flocks."
    )
    result = extract(text)
    denial = denial_in(result, "The farm minister")
    assert denial.speaker == "The farm minister"
    assert denial.denied.startswith("the inspectors' announcement that 4,000 sheep")
    assert claims_in(result, "The farm minister") == []


def test_a_plan_based_on_faulty_assumptions_is_no_denial_of_an_account() -> None:
    text = "The farm minister said the new subsidy plan was based on faulty assumptions."
    assert extract(text).denials == ()


# A quantity someone gave, called too high.


def test_those_numbers_are_too_high_answers_the_figure_given() -> None:
    text = (
        "A retail group said the holiday sales fell by a fifth, but a trade ministry "
        "spokeswoman said those numbers are too high."
    )
    result = extract(text)
    denial = denial_in(result, "A retail group")
    assert denial.speaker == "a trade ministry spokeswoman"
    assert denial.denied == "those numbers"
    assert [result.claims[i].speaker for i in denial.targets] == ["A retail group"]


def test_an_owned_estimate_called_inflated_is_a_denial() -> None:
    text = "The port authority said the Dock Workers Union's strike figures were inflated."
    denial = denial_in(extract(text), "The port authority")
    assert denial.denied == "the Dock Workers Union's strike figures"


def test_prices_too_high_is_a_complaint_not_a_denial() -> None:
    no = "The shoppers' group said the grocery numbers are too high this winter."
    assert extract(no).denials == ()


# Figures that "do not reflect" what is there.


def test_figures_that_do_not_reflect_the_ground_are_denied() -> None:
    text = (
        '"The big figures being passed around online do not seem to reflect the reality '
        'on the ground," the mayor said.'
    )
    denial = denial_in(extract(text), '"The big figures')
    assert denial.speaker == "the mayor"
    assert denial.denied == "The big figures being passed around online"


def test_a_plan_not_reflecting_reality_is_an_opinion_not_a_denial() -> None:
    text = "An economist said the budget does not reflect the reality on the ground."
    assert extract(text).denials == ()


# A single account called false.


def test_a_false_claim_named_by_the_speaker_is_a_denial() -> None:
    text = '"This is the third false claim of doping against our riders this year," Ruiz said.'
    result = extract(text)
    denial = denial_in(result, '"This is the third')
    assert denial.speaker == "Ruiz"
    assert claims_in(result, '"This is the third') == []


# Harm ruled out after an incident; a plan ruled out is a refusal, not a denial.


def test_ruled_out_casualties_is_a_denial() -> None:
    text = (
        "The ferry company ruled out any injuries among passengers, saying everyone had "
        "left the deck before the collision."
    )
    result = extract(text)
    denial = denial_in(result, "The ferry company")
    assert denial.cue == "ruled out"
    assert denial.denied.startswith("any injuries")
    # The participle that follows is the company's reason, not a second item.
    assert claims_in(result, "The ferry company") == []


def test_ruled_out_a_plan_is_no_denial() -> None:
    text = "The coach ruled out a move to another club before the season ends."
    assert extract(text).denials == ()


# "remarks" are an account a denial can reject, with the label before them.


def test_dismissed_as_labelled_remarks_is_a_denial() -> None:
    text = (
        "Auditors have dismissed as fanciful remarks by the city treasurer that the "
        "budget had balanced for the first time in a decade."
    )
    denial = denial_in(extract(text), "Auditors have dismissed")
    assert denial.speaker == "Auditors"
    assert denial.denied.startswith("remarks by the city treasurer that")


def test_dismissing_a_player_for_remarks_is_no_denial() -> None:
    text = "The club dismissed its goalkeeper over remarks he made to fans."
    assert extract(text).denials == ()


# A report that opens on a denial of "reports that …" keeps denying that account.

_TRANSFER = (
    "Harbour City FC is denying media reports that it has agreed to sign the striker "
    "Tomas Vidal.\n\n"
    "A club spokeswoman says there have been no such negotiations.\n\n"
    "The denial follows reports that the club's scouts met Vidal's agent in Lisbon last week.\n\n"
    "The sports daily Marca reported Monday that Harbour City had agreed a fee of 30 million "
    "euros for Vidal.\n\n"
    "Harbour City's chairman, Leo Brandt, told reporters that while the coach has asked for "
    "a new forward, talks with Vidal have not yet taken place.\n\n"
    "Vidal's former teammate Ivo Petrov said the striker wants to stay in Portugal."
)


def test_lead_denial_of_reports_rejects_the_outlet_that_broke_the_story() -> None:
    result = extract(_TRANSFER)
    lead = denial_in(result, "Harbour City FC is denying")
    assert sorted(result.claims[i].speaker for i in lead.targets) == [
        "Marca",
        "reports",
    ]


def test_later_denials_of_the_same_matter_reject_the_whole_account() -> None:
    result = extract(_TRANSFER)
    lead = denial_in(result, "Harbour City FC is denying")
    later = denial_in(result, "Harbour City's chairman")
    assert later.targets == lead.targets
    # "no such negotiations" points back to the account the lead denial rejected.
    such = denial_in(result, "A club spokeswoman")
    assert such.targets == lead.targets
    # A claim on another matter is never pulled in.
    assert not any(result.claims[i].speaker.startswith("Vidal") for i in lead.targets)


def test_an_unspelled_lead_account_does_not_spread() -> None:
    text = (
        "The airline's chief executive dismissed the false news about the company on "
        "Monday.\n\n"
        "Local reports said the airline's pilots had gone on strike over pay.\n\n"
        "A travel website reported that the airline will cut ten routes next year.\n\n"
        "There are no pilots on strike, the chief executive said."
    )
    result = extract(text)
    later = denial_in(result, "There are no pilots")
    assert [result.claims[i].speaker for i in later.targets] == ["Local reports"]


# The name beside an appositive description is who denies.


def test_the_name_before_a_description_is_the_denier() -> None:
    text = "But Mara Quint, a spokeswoman for the bus company, dismissed the union's claims."
    assert denial_in(extract(text), "But Mara Quint").speaker == "Mara Quint"


def test_the_name_before_a_capitalised_title_is_the_denier() -> None:
    text = "Omar Haddad, Jordan's Minister of Tourism, rejected reports of empty hotels."
    assert denial_in(extract(text), "Omar Haddad").speaker == "Omar Haddad"


def test_a_place_before_the_subject_is_no_name() -> None:
    text = "In Lyon, the transport authority rejected reports of cancelled trams."
    assert denial_in(extract(text), "In Lyon").speaker == "the transport authority"


# What was pinned on the speaker, disowned: "the photos are not his".


def test_disowning_what_reports_showed_is_a_denial() -> None:
    text = "The chef said the recipes printed under his name in magazine stories are not his."
    result = extract(text)
    denial = denial_in(result, "The chef said")
    assert denial.speaker == "The chef"
    assert denial.denied == "the recipes printed under his name in magazine stories"
    assert result.claims == ()


def test_a_choice_not_hers_to_make_is_no_denial() -> None:
    assert extract("The judge said the verdict is not hers to change.").denials == ()


# "the claims" right after another side's denial of them: the claims that denial named.


def test_the_claims_points_back_to_the_account_denied_just_before() -> None:
    text = (
        "On Monday, an auditors' report accused the cycling federation of hiding "
        "sponsorship money.\n\n"
        "The federation says allegations its officials hid sponsorship money are "
        '"baseless."\n\n'
        "A sports ministry spokesman said Tuesday that evidence had not been presented to "
        "substantiate the claims."
    )
    result = extract(text)
    first = denial_in(result, "The federation says")
    second = denial_in(result, "A sports ministry spokesman")
    assert first.targets
    assert second.targets == first.targets


def test_a_later_unrelated_denial_far_away_does_not_borrow_targets() -> None:
    text = (
        "An auditors' report accused the cycling federation of hiding sponsorship money.\n\n"
        'The federation says allegations its officials hid money are "baseless."\n\n'
        "The season opens in March.\n\n"
        "Riders will race in six countries.\n\n"
        "Tickets go on sale next week.\n\n"
        "A stadium spokesman said evidence had not been presented to substantiate the claims."
    )
    result = extract(text)
    assert denial_in(result, "A stadium spokesman").targets == ()


# "criticized a report": only a report, article or claims as the object's head.


def test_criticizing_a_report_rejects_it() -> None:
    text = (
        "At a press briefing, the mayor criticized a March 3 web report by Alves, who wrote "
        "that the city had not yet answered questions about the bridge."
    )
    result = extract(text)
    denial = denial_in(result, "At a press briefing")
    assert denial.speaker == "the mayor"
    assert denial.denied == "a March 3 web report by Alves"
    # The columnist's account is a claim of the columnist's, and it is what is rejected.
    assert [result.claims[i].speaker for i in denial.targets] == ["Alves"]


def test_criticizing_people_or_the_media_is_no_denial() -> None:
    assert extract("The coach criticized the referees after the match.").denials == ()
    assert extract("The senator criticized the news media for its coverage.").denials == ()


# Positions come from text lower-cased without shifting ("İ" is one character in the
# original and two in ``str.lower``): the denied span is cut from the original correctly.


def test_dotted_capital_i_before_a_cue_leaves_the_denied_span_exact() -> None:
    sentence = (
        "İlkay İnce, İzmir's port director, hit back Friday at media reports of a strike, "
        "and the union's tally was inflated, he said."
    )
    cues = find_denial_cues(sentence)
    denied = [sentence[c.denied_start : c.denied_end] for c in cues]
    assert "media reports of a strike" in denied
    hit = next(c for c in cues if c.cue.startswith("hit back"))
    assert sentence[hit.cue_start : hit.cue_end] == "hit back Friday at"
    assert hit.speaker is not None
    assert sentence[hit.speaker.start : hit.speaker.end] == "İlkay İnce"


# Everyday forms of rejection that wire copy uses, each with a near miss.


@pytest.mark.parametrize(
    ("text", "speaker", "denied"),
    [
        (
            "The prison service denied allegations from rights groups that inmates had "
            "been starved.",
            "The prison service",
            "allegations from rights groups that inmates had been starved",
        ),
        (
            "The brewery issued a denial of the reports on Wednesday.",
            "The brewery",
            "the reports",
        ),
        (
            "The orchestra's board refused to accept the findings of the review.",
            "The orchestra's board",
            "the findings of the review",
        ),
        (
            'A ferry spokesman said the reports were "not true."',
            "A ferry spokesman",
            "the reports",
        ),
        (
            'The embassy said the claims were "completely unfounded."',
            "The embassy",
            "the claims",
        ),
        (
            'The party said the allegations were "a pack of lies."',
            "The party",
            "the allegations",
        ),
        (
            "The federation said the accusations had no basis in fact.",
            "The federation",
            "the accusations",
        ),
        (
            'The league said the report was "riddled with errors."',
            "The league",
            "the report",
        ),
        (
            "The regulator said the claims did not stand up to scrutiny.",
            "The regulator",
            "the claims",
        ),
        (
            "The bakery chain said the video had been doctored.",
            "The bakery chain",
            "the video",
        ),
        (
            'The museum described the article as "one-sided and inaccurate."',
            "The museum",
            "the article",
        ),
        (
            'The miner said it was "categorically false" that it had fouled the river.',
            "The miner",
            "it had fouled the river",
        ),
        (
            "The central bank has denied it is planning to devalue the currency.",
            "The central bank",
            "it is planning to devalue the currency",
        ),
        (
            "The judge rejected the defense's argument that the tapes were inadmissible.",
            "The judge",
            # (An argument is an account, so its that-clause runs to the end.)
            "the defense's argument that the tapes were inadmissible",
        ),
    ],
)
def test_everyday_rejections(text: str, speaker: str, denied: str) -> None:
    result = extract(text)
    assert len(result.denials) == 1, result.denials
    assert result.denials[0].speaker == speaker
    assert result.denials[0].denied == denied
    # No claim of the denier's; only the account it spells out, given nowhere else.
    assert all(i in result.denials[0].targets for i in range(len(result.claims)))
    assert all(c.speaker != speaker for c in result.claims)


@pytest.mark.parametrize(
    "text",
    [
        "The board refused to accept the bid from the rival firm.",
        "The union would not accept the offer, its leader said.",
        "The minister gave a rebuttal speech in parliament on Tuesday.",
        "The bank made a denial of service attack report to police.",
        "The director said the documents were altered to protect sources.",
        "The coach said the footage was staged for the documentary crew.",
        "The ministry described the report as a useful first step.",
        "The league said the report was full of useful recommendations.",
        "The plan has no basis in law, the opposition said.",
        "The scientist said the data was biased toward younger patients.",
        "The studio said the film had been edited for television.",
    ],
)
def test_near_misses_of_everyday_rejections(text: str) -> None:
    assert extract(text).denials == ()


@pytest.mark.parametrize(
    ("text", "speaker", "denied"),
    [
        (
            "The railway's flat rejection of the report came a day after its release.",
            "The railway",
            "the report",
        ),
        (
            'The port authority dismissed as "groundless" a report that cranes had collapsed.',
            "The port authority",
            "a report that cranes had collapsed",
        ),
        (
            "The manager dismissed talk of a rift in the dressing room.",
            "The manager",
            "talk of a rift in the dressing room",
        ),
        (
            "The bakery said it never paid any bribes to inspectors.",
            "The bakery",
            "paid any bribes to inspectors",
        ),
        (
            "Ministers played down reports of a split in the cabinet.",
            "Ministers",
            "reports of a split in the cabinet",
        ),
        (
            "The delivery firm disputes that its riders are employees.",
            "The delivery firm",
            "its riders are employees",
        ),
        (
            'A spokeswoman for the zoo said the allegations were "without foundation."',
            "A spokeswoman for the zoo",
            "the allegations",
        ),
        (
            'The team said the claims were "wide of the mark."',
            "The team",
            "the claims",
        ),
        (
            'The airline said this was "simply not the case."',
            "The airline",
            "this",
        ),
    ],
)
def test_more_rejections(text: str, speaker: str, denied: str) -> None:
    result = extract(text)
    assert len(result.denials) == 1, result.denials
    assert result.denials[0].speaker == speaker
    assert result.denials[0].denied == denied


@pytest.mark.parametrize(
    "text",
    [
        "The minister disputed that point in parliament.",
        "The coach played down his own role in the win.",
        "The star downplayed her injury before the final.",
        "The channel dismissed talk show host Ann Lee last week.",
        "The striker's shot was wide of the mark.",
        "In the case of the bridge, the city said repairs would begin soon.",
        "The ministry's rejection of the bid surprised investors.",
        "He said he never paid any attention to the polls.",
    ],
)
def test_near_misses_of_more_rejections(text: str) -> None:
    assert extract(text).denials == ()


# Targets: what the denial answers, when the report words it differently.


def test_claims_sharing_the_denial_equally_are_rejected_alike() -> None:
    text = (
        "Police denied using rubber bullets against protesters in the capital on Saturday.\n\n"
        "Witnesses told reporters they saw officers fire rubber bullets into the crowd.\n\n"
        "A hospital official said 12 people were treated for wounds consistent with rubber "
        "bullets.\n\n"
        "The police chief said officers used only tear gas."
    )
    result = extract(text)
    denial = denial_in(result, "Police denied")
    assert sorted(result.claims[i].speaker for i in denial.targets) == [
        "A hospital official",
        "Witnesses",
    ]


def test_a_day_between_denied_and_that_keeps_the_clause() -> None:
    text = "The mining company denied on Tuesday that its dam had leaked waste into the river."
    denial = denial_in(extract(text), "The mining company")
    assert denial.denied == "its dam had leaked waste into the river"


def test_a_lead_denial_of_reports_answers_the_reporting_in_other_words() -> None:
    text = (
        "The football club has rejected reports that its manager is about to be sacked.\n\n"
        "The Daily Post reported on Sunday that the board had lost patience after six "
        "straight defeats.\n\n"
        "Two people close to the chairman said a replacement had already been approached.\n\n"
        '"The manager has our full support," a club spokesman said.'
    )
    result = extract(text)
    denial = denial_in(result, "The football club")
    assert sorted(result.claims[i].speaker for i in denial.targets) == [
        "The Daily Post",
        "Two people close to the chairman",
    ]


# A reported clause that negates what another speaker said earlier is a denial of it.


def test_negated_short_verb_answers_the_earlier_claim() -> None:
    text = (
        "Critics say the governor used state planes for her holidays.\n\n"
        "The governor said she did not use state planes for her holidays."
    )
    result = extract(text)
    denial = denial_in(result, "The governor said")
    assert [result.claims[i].speaker for i in denial.targets] == ["Critics"]


def test_no_one_of_them_was_harmed_answers_the_accusation() -> None:
    text = (
        "Volunteers said the shelter's staff had beaten stray dogs.\n\n"
        "The shelter said no dogs were beaten by its staff."
    )
    result = extract(text)
    denial = denial_in(result, "The shelter said")
    assert [result.claims[i].speaker for i in denial.targets] == ["Volunteers"]


def test_a_negation_about_something_else_stays_a_claim() -> None:
    text = (
        "Critics say the governor used state planes for her holidays.\n\n"
        "The governor said she did not know about the audit."
    )
    result = extract(text)
    assert result.denials == ()
    assert len(result.claims) == 2


# The participle after a denial is the denier's reason: one denial, nobody else's claim.


def test_reason_participle_after_a_denial_is_not_a_second_item() -> None:
    text = (
        "In an interview with a local radio station, the club's captain, Rui Sa, denied "
        'having met the agent, saying the claims were "baseless and made up."'
    )
    result = extract(text)
    assert [d.speaker for d in result.denials] == ["Rui Sa"]
    assert result.claims == ()


def test_calling_participle_after_a_nominal_denial_is_no_claim() -> None:
    text = 'In a statement, the orchestra issued a flat denial, calling the story "pure invention."'
    result = extract(text)
    assert [d.speaker for d in result.denials] == ["the orchestra"]
    assert result.claims == ()


def test_a_participle_of_another_clause_is_not_the_deniers() -> None:
    sentence = (
        "The orchestra denied the report; the conductor spoke to reporters, saying the "
        "season would go ahead."
    )
    assert [c.cue for c in find_denial_cues(sentence)] == ["denied"]
    same = "The orchestra denied the report, saying the season would go ahead."
    assert [c.cue for c in find_denial_cues(same)] == ["denied", "saying"]


# Harm denied answers an account of harm, whatever words each uses.


def test_no_one_hurt_answers_the_earlier_account_of_deaths() -> None:
    text = (
        "Rebel leaders say an air raid on a grain silo outside the city killed six farm "
        "workers.\n\n"
        "The air force's spokeswoman, Major Lina Haddad, said the raid hit only an empty "
        "warehouse, adding that no one had been hurt.\n\n"
        "Aid groups have asked for an inquiry."
    )
    result = extract(text)
    denial = denial_in(result, "The air force's spokeswoman")
    assert [result.claims[i].speaker for i in denial.targets] == ["Rebel leaders"]


def test_casualties_no_one_spoke_of_answer_nothing() -> None:
    text = (
        "Fishermen said coast guard boats had fired warning shots near the reef.\n\n"
        "A diplomat, who spoke on condition of anonymity, said patrols had been doubled.\n\n"
        '"We are not aware of any casualties," a spokesman for the regional monitors said.'
    )
    result = extract(text)
    assert denial_in(result, '"We are not aware').targets == ()


def test_not_aware_inside_a_relative_clause_describes_someone_and_denies_nothing() -> None:
    text = (
        "The official said anyone who was not aware of the exemptions had not been paying "
        "attention."
    )
    result = extract(text)
    assert result.denials == ()
    assert [c.speaker for c in result.claims] == ["The official"]


def test_not_aware_of_answers_the_question_next_to_it() -> None:
    text = (
        "MR. ROSS: The ministry approved the shipment on June 2.\n\n"
        "QUESTION: Reports in the local press say the timber left the harbour on Friday.\n\n"
        "MR. ROSS: We are not aware of any timber leaving the harbour last week."
    )
    result = extract(text)
    denial = denial_in(result, "MR. ROSS: We are not aware")
    assert [result.claims[i].speaker for i in denial.targets] == ["Reports in the local press"]


# The accused, answering in words of its own: "it had never mistreated prisoners".


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Campaigners accused the zoo of starving its elephants over the winter.\n\n"
            "The zoo said it had never underfed any animal.",
            "The zoo",
        ),
        (
            "A former driver alleged that the courier firm paid staff below the minimum "
            "wage.\n\nThe firm said it did not underpay any worker.",
            "The firm",
        ),
    ],
)
def test_the_accused_negating_its_own_act_denies_the_accusation(text: str, speaker: str) -> None:
    result = extract(text)
    assert [d.speaker for d in result.denials] == [speaker]
    denial = result.denials[0]
    assert [result.claims[i].cue for i in denial.targets] in (["accused"], ["alleged"])


@pytest.mark.parametrize(
    "text",
    [
        "Campaigners accused the zoo of starving its elephants.\n\n"
        "The zoo said it did not know when the inspectors would return.",
        "Economists said the central bank would cut rates next month.\n\n"
        "The bank said it had not set a date for its next meeting.",
        "Neighbours blamed the landlord for the fire.\n\n"
        "The tenant said she was not home when it started.",
    ],
)
def test_negations_that_answer_no_charge_stay_claims(text: str) -> None:
    assert extract(text).denials == ()


@pytest.mark.parametrize(
    ("text", "speaker", "denied"),
    [
        (
            "The airline has brushed aside criticism that its fares are too high.",
            "The airline",
            "criticism that its fares are too high",
        ),
        (
            '"There is no truth whatsoever in these claims," the coach said.',
            "the coach",
            "these claims",
        ),
        (
            'The museum said the allegations were "entirely without merit."',
            "The museum",
            "the allegations",
        ),
        (
            "The regulator said the casualty figures were grossly inflated.",
            "The regulator",
            "the casualty figures",
        ),
        (
            'The senator called the report "a hatchet job."',
            "The senator",
            "the report",
        ),
        (
            'The navy said reports of a collision were "provocative lies."',
            "The navy",
            "reports of a collision",
        ),
        (
            'A spokeswoman for the brewery said it "strongly rejects" the accusations.',
            "A spokeswoman for the brewery",
            "the accusations",
        ),
    ],
)
def test_still_more_rejections(text: str, speaker: str, denied: str) -> None:
    result = extract(text)
    assert len(result.denials) == 1, result.denials
    assert result.denials[0].speaker == speaker
    assert result.denials[0].denied == denied


@pytest.mark.parametrize(
    "text",
    [
        "The navy said reports of a collision were not lies.",
        "The economist said house prices were inflated by cheap credit.",
        "The coach has brushed aside criticism of his tactics.",
    ],
)
def test_near_misses_of_still_more_rejections(text: str) -> None:
    assert extract(text).denials == ()


# Pronouns for an account named earlier in the sentence, and opening participles.


@pytest.mark.parametrize(
    ("text", "speaker", "denied"),
    [
        (
            "Asked about the reports, the harbour master said they were false.",
            "the harbour master",
            "they",
        ),
        (
            "Asked about the reports, the harbour master denied them.",
            "the harbour master",
            "them",
        ),
        (
            "Denying the reports, the coach said the squad was united.",
            "the coach",
            "the reports",
        ),
        (
            "Rejecting the allegations, the charity said its accounts were in order.",
            "the charity",
            "the allegations",
        ),
    ],
)
def test_pronouns_and_opening_participles(text: str, speaker: str, denied: str) -> None:
    result = extract(text)
    assert len(result.denials) == 1, result.denials
    assert result.denials[0].speaker == speaker
    assert result.denials[0].denied == denied
    assert result.claims == ()


@pytest.mark.parametrize(
    "text",
    [
        "Asked about the reports, the harbour master said they were not his concern.",
        "The consul was denied a visa, and officials denied him entry.",
        "Denying access to reporters, the army said the area was closed.",
        "Rejecting the offer, the union said it would strike.",
    ],
)
def test_near_misses_of_pronouns_and_opening_participles(text: str) -> None:
    assert extract(text).denials == ()


def test_nothing_further_from_the_truth_answers_the_account_before_it() -> None:
    text = (
        "Rivals say the chess federation's president fixed the draw for the final.\n\n"
        '"Nothing could be further from the truth," the president said.'
    )
    result = extract(text)
    denial = denial_in(result, '"Nothing could be')
    assert denial.speaker == "the president"
    assert [result.claims[i].speaker for i in denial.targets] == ["Rivals"]


def test_far_from_home_is_no_denial() -> None:
    assert extract("Nothing could be further from home, the sailor said.").denials == ()


def test_no_one_killed_after_a_death_toll_is_a_denial_of_it() -> None:
    text = "Rebels said ten soldiers died in the raid.\n\nThe army said no one was killed."
    result = extract(text)
    denial = denial_in(result, "The army said")
    assert [result.claims[i].speaker for i in denial.targets] == ["Rebels"]


@pytest.mark.parametrize(
    ("text", "speaker", "denied"),
    [
        (
            'The ministry said there was "no evidence" to support the claims.',
            "The ministry",
            "support the claims",
        ),
        (
            'The league said the claims had "no basis in fact."',
            "The league",
            "the claims",
        ),
        (
            'The brewery said it "categorically denies" the allegations.',
            "The brewery",
            "the allegations",
        ),
    ],
)
def test_quoted_words_inside_a_denial(text: str, speaker: str, denied: str) -> None:
    result = extract(text)
    assert len(result.denials) == 1, result.denials
    assert result.denials[0].speaker == speaker
    assert result.denials[0].denied == denied


def test_denying_oneself_something_is_no_denial() -> None:
    assert extract("The runner denied himself a rest day for years.").denials == ()


def test_stopping_short_of_denying_keeps_the_reason_a_claim() -> None:
    text = (
        "The builder stopped short of denying that payments were made, saying it was "
        "cooperating with investigators."
    )
    result = extract(text)
    assert result.denials == ()


def test_a_lead_disputing_casualty_claims_rejects_each_account_of_harm() -> None:
    text = (
        "The navy on Sunday disputed claims that a patrol boat had caused civilian "
        "casualties off the coast.\n\n"
        "Village elders said four fishermen were killed when the boat opened fire.\n\n"
        "A local doctor told reporters two of the victims were teenagers.\n\n"
        "The navy's spokesman, Commander Ines Roca, said the patrol had fired only "
        "warning shots.\n\n"
        "She said the navy takes every report of civilian casualties seriously.\n\n"
        "Harbour officials said the port would reopen on Monday."
    )
    result = extract(text)
    lead = denial_in(result, "The navy on Sunday")
    assert sorted(result.claims[i].speaker for i in lead.targets) == [
        "A local doctor",
        "Village elders",
    ]


def test_reports_with_a_clause_but_no_that_keep_the_clause() -> None:
    text = "The rowing club is denying reports it has been talking with a new sponsor."
    denial = denial_in(extract(text), "The rowing club")
    assert denial.denied == "reports it has been talking with a new sponsor"


def test_the_allegations_after_but_answer_the_account_of_their_own_sentence() -> None:
    text = (
        "Local papers reported that the mayor had hired relatives at the port authority.\n\n"
        "The auditors have said they believe the contract was signed without a tender, but "
        "the mayor has denied the allegations.\n\n"
        "The council meets on Friday."
    )
    result = extract(text)
    denial = denial_in(result, "The auditors have said")
    assert [result.claims[i].speaker for i in denial.targets] == ["The auditors"]


def test_no_such_thing_rejects_what_the_denial_before_it_rejected() -> None:
    text = (
        "Prosecutors have accused the former governor of taking bribes from builders in the "
        "capital.\n\n"
        "On Monday the governor rejected the testimony of a contractor who said the governor "
        "had been paid in cash at a petrol station.\n\n"
        '"It is a lie," the governor said.\n\n'
        '"There was no such thing in the capital then, there is no such thing today," he '
        "said.\n\n"
        "Other contractors have alleged that payments went through his brother's bank in "
        "the capital."
    )
    result = extract(text)
    first = denial_in(result, "On Monday the governor")
    such = denial_in(result, '"There was no such')
    assert first.targets
    assert such.targets == first.targets


def test_allegations_spelled_out_in_the_next_sentence_are_the_ones_denied() -> None:
    text = (
        "Prosecutors have accused the former militia leader of war crimes committed in the "
        "northern provinces.\n\n"
        "The former commander also denied allegations that his fighters in the provinces "
        "burned villages. Several witnesses have alleged that militia fighters in the "
        "provinces set fire to homes with families inside.\n\n"
        "His trial resumes next month."
    )
    result = extract(text)
    denial = denial_in(result, "The former commander also denied")
    assert [result.claims[i].speaker for i in denial.targets] == ["Several witnesses"]


def test_an_allegation_about_another_matter_next_is_not_the_one_denied() -> None:
    text = (
        "The health agency is denying accusations that it delayed an emergency declaration "
        "for political reasons.\n\n"
        "The army accused the rebels of shelling a market on Sunday, killing 12 civilians."
    )
    result = extract(text)
    # Not the army's accusation: the accusations it spells out, given nowhere else.
    assert targets_of(result, denial_in(result, "The health agency")) == [
        result.denials[0].sentence
    ]


def test_an_accusation_given_after_the_denial_as_background_is_its_target() -> None:
    text = (
        "Border police said 14 people were hurt when a bridge collapsed on Tuesday.\n\n"
        "The interior minister denied accusations that her ministry is arming smugglers on "
        "the river.\n\n"
        "She also said the neighbouring state plans to close the crossing.\n\n"
        "The neighbouring state has accused the ministry of arming smugglers along the "
        "river for years."
    )
    result = extract(text)
    denial = denial_in(result, "The interior minister denied")
    assert [result.claims[i].speaker for i in denial.targets] == ["The neighbouring state"]


@pytest.mark.parametrize(
    "quoted",
    [
        # The opening mark lost in print.
        'There were no military flights near the border on Monday," said Colonel Ivan Petrov.',
        # The second sentence of a quote, its opening mark in the sentence before.
        '"We checked every log. There were no military flights near the border on Monday," '
        "said Colonel Ivan Petrov.",
    ],
)
def test_a_counter_claim_closing_a_quote_without_its_opening_mark_has_its_speaker(
    quoted: str,
) -> None:
    text = "The government accused the air force of sending jets across the border.\n\n" + quoted
    result = extract(text)
    denial = denial_in(result, "There were no military flights")
    assert denial.speaker == "Colonel Ivan Petrov"


def test_distancing_itself_from_a_letter_disowns_it() -> None:
    text = (
        "The government has distanced itself from a letter supposedly written by a senior "
        "adviser granting a permit to import waste."
    )
    denial = denial_in(extract(text), "The government has distanced")
    assert denial.speaker == "The government"
    assert denial.denied.startswith("a letter supposedly written")


def test_keeping_a_distance_is_no_denial() -> None:
    assert extract("The runners kept their distance from the crowd.").denials == ()


def test_a_source_that_authorized_no_one_denies_the_deal() -> None:
    text = (
        "A letter signed by an adviser granted a permit to import waste. The ministry said "
        "it did not authorize any official to approve such a deal."
    )
    denial = denial_in(extract(text), "The ministry said")
    assert denial.speaker == "The ministry"
    assert denial.denied.startswith("authorize any official")


def test_a_negated_order_in_narration_is_no_denial() -> None:
    assert extract("The school did not order any new desks this year.").denials == ()


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        ("The president rejected the ruling of the arbitration court.", "the ruling"),
        (
            "The main opposition party says it rejects early election results that give the "
            "governor 60 percent.",
            "early election results",
        ),
    ],
)
def test_an_outcome_announced_as_fact_can_be_rejected(sentence: str, denied: str) -> None:
    (denial,) = extract(sentence).denials
    assert denial.denied.startswith(denied)


def test_an_offer_rejected_or_a_ruling_challenged_is_no_denial() -> None:
    assert extract("The union rejected the offer from the port operator.").denials == ()
    assert extract("The club challenged the ruling in court on Monday.").denials == ()


@pytest.mark.parametrize(
    ("text", "speaker", "denied"),
    [
        (
            "The agency that monitors food exports says the country has never exported wheat "
            "gluten to Canada.",
            "The agency that monitors food exports",
            "exported wheat gluten to Canada",
        ),
        (
            "The federation's president admitted that a payment had been made. But he said it "
            "was not a bribe.",
            "The federation's president",
            "bribe",
        ),
    ],
)
def test_a_flat_negation_of_the_act_charged_is_a_denial(
    text: str, speaker: str, denied: str
) -> None:
    denials = extract(text).denials
    assert [(d.speaker, d.denied) for d in denials] == [(speaker, denied)]


def test_having_never_done_something_harmless_is_no_denial() -> None:
    assert extract("She said she had never sold a painting before.").denials == ()


def test_a_named_claim_inside_a_denial_is_that_sources_claim_and_its_target() -> None:
    text = (
        "Provincial officials rejected a Taliban claim of killing 20 soldiers, saying no one "
        "was hurt in the attack."
    )
    result = extract(text)
    (claim,) = result.claims
    assert claim.content == "of killing 20 soldiers"
    denial = denial_in(result, "Provincial officials")
    assert denial.targets == (0,)


def test_claims_made_by_a_group_that_are_denied_are_the_groups_claims() -> None:
    text = (
        "A spokesman for the sugar firm denied claims made by the villagers that a senator "
        "owned the plantation."
    )
    result = extract(text)
    assert [c.speaker for c in result.claims] == ["the villagers"]
    assert denial_in(result, "A spokesman").targets == (0,)


def test_an_owned_account_followed_by_the_deniers_participle_states_nothing() -> None:
    text = (
        "The president has made a series of allegations against the neighbouring state.\n\n"
        "Senator Ana Ruiz denied the president's claims, saying there are no such plans."
    )
    result = extract(text)
    assert [c.sentence[:13] for c in result.claims] == ["The president"]
    assert denial_in(result, "Senator Ana Ruiz").targets == (0,)


def test_the_allegation_its_own_sentence_gave_is_the_one_rejected() -> None:
    text = (
        "Earlier reports blamed the drought on farming.\n\n"
        "Thai authorities say the low river is linked to the dams upstream, although the "
        "dam operators have rejected the allegation and refused to discuss the issue."
    )
    result = extract(text)
    denial = denial_in(result, "Thai authorities")
    assert denial.denied == "the allegation"
    assert [result.claims[i].speaker for i in denial.targets] == ["Thai authorities"]


def test_findings_described_as_a_fabrication_despite_an_aside_are_denied() -> None:
    text = (
        "The defence commission described the findings of the international team, co-led by "
        'the navy, as a "fabrication" and a "farce."'
    )
    denial = denial_in(extract(text), "The defence commission")
    assert denial.denied.startswith("the findings of the international team")


def test_a_report_by_unnamed_investigators_answers_what_investigators_said() -> None:
    text = (
        "The government has rejected a report by multinational investigators that accuses it "
        "of sinking a warship.\n\n"
        'The White House late Wednesday called the sinking an "act of aggression."\n\n'
        "The international investigators say fragments of a torpedo were found near the site."
    )
    result = extract(text)
    denial = denial_in(result, "The government has rejected")
    assert [result.claims[i].speaker for i in denial.targets] == ["The international investigators"]
    assert "The White House" in [c.speaker for c in result.claims]


def test_a_named_owners_statement_dismissing_claims_is_the_owners_denial() -> None:
    text = (
        "Union leader Tom Hale says he is disturbed by police spokeswoman Ana Ruiz's "
        "statement dismissing his abduction claims."
    )
    result = extract(text)
    assert [d.speaker for d in result.denials] == ["Ana Ruiz"]
    assert [c.speaker for c in result.claims] == ["Union leader Tom Hale"]


@pytest.mark.parametrize(
    ("text", "speaker", "denied"),
    [
        (
            'Georgia accused Russia of violating its airspace. "The border of Georgia was not '
            'violated," the colonel said.',
            "the colonel",
            "The border of Georgia was not violated",
        ),
        (
            "The minister said the government has no knowledge of the emails.",
            "The minister",
            "the emails",
        ),
        (
            "The minister said the government is not a part of this.",
            "The minister",
            "a part of this",
        ),
        (
            "Regulators worldwide have found the weed killer not to be carcinogenic.",
            "Regulators worldwide",
            "the weed killer not to be carcinogenic",
        ),
        (
            "The former president testified that he never sent weapons to the rebels.",
            "The former president",
            "sent weapons to the rebels",
        ),
    ],
)
def test_more_flat_counter_claims(text: str, speaker: str, denied: str) -> None:
    assert [(d.speaker, d.denied) for d in extract(text).denials] == [(speaker, denied)]


def test_what_a_budget_holds_is_no_denial() -> None:
    assert extract("Officials say the increase is not part of the budget.").denials == ()


@pytest.mark.parametrize(
    ("text", "speaker", "denied"),
    [
        (
            "Military commanders say no civilians have been killed in their offensive.",
            "Military commanders",
            "no civilians have been killed in their offensive",
        ),
        (
            'The agency quotes an oil ministry official as saying there was "no damage" to the '
            "data.",
            "an oil ministry official",
            "damage",
        ),
    ],
)
def test_harm_or_damage_flatly_negated(text: str, speaker: str, denied: str) -> None:
    assert [(d.speaker, d.denied) for d in extract(text).denials] == [(speaker, denied)]


# --- found in blind set M's residue ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "denied"),
    [
        (
            "The ministry is hitting back at opposition allegations the police are hiding "
            "the ballots.",
            "The ministry",
            "opposition allegations the police are hiding the ballots",
        ),
        (
            "The port authority has rejected concerns its new pier is a danger to the reef.",
            "The port authority",
            "concerns its new pier is a danger to the reef",
        ),
        (
            "The league reiterated its flat rejection of involvement in the betting ring.",
            "The league",
            "involvement in the betting ring",
        ),
        (
            "“Those figures are not credible,” the mayor said.",
            "the mayor",
            "Those figures",
        ),
        (
            '"But to say that a buyer has been found is simply untrue," the director said.',
            "the director",
            "a buyer has been found",
        ),
    ],
)
def test_more_shapes_of_rejection_are_denials(text: str, speaker: str, denied: str) -> None:
    (denial,) = extract(text).denials
    assert (denial.speaker, denial.denied) == (speaker, denied)


def test_a_rejection_of_an_offer_repeated_is_no_denial() -> None:
    assert extract("The union reiterated its rejection of the pay offer.").denials == ()


def test_a_verdict_quoted_alone_answers_the_account_before_it() -> None:
    result = extract(
        "The shipping firm says its tanker unloaded the waste legally.\n\n"
        '"Total utter rubbish," the lawyer said.'
    )
    (denial,) = result.denials
    assert (denial.speaker, denial.denied, denial.targets) == (
        "the lawyer",
        "Total utter rubbish",
        (0,),
    )
    (question,) = result.open_questions
    assert question.question.endswith("or the lawyer, who called it “Total utter rubbish”?")


def test_a_verdict_quoted_with_nothing_to_answer_asks_what_it_calls_false() -> None:
    (question,) = extract('"Lies," she said.').open_questions
    assert question.question == "Is it so? she called it “Lies”."


# --- found in blind set N's residue ---------------------------------------------------------


def test_a_clause_negating_what_the_other_side_claims_is_a_denial() -> None:
    (denial,) = extract(
        "Rebel spokesman Ali Farah said the uprising has not been crushed, as the governor claims."
    ).denials
    assert (denial.speaker, denial.denied) == (
        "Rebel spokesman Ali Farah",
        "the uprising has not been crushed",
    )


def test_a_second_that_clause_denying_as_charged_is_the_speakers_denial() -> None:
    result = extract(
        'The ranger said he had seized the saws, but that he "did not clear the forest as charged."'
    )
    (denial,) = result.denials
    assert denial.speaker == "The ranger"
    assert denial.denied == 'he "did not clear the forest'
    assert result.claims == ()


def test_nothing_to_do_with_the_claims_keeps_apart_and_denies_nothing() -> None:
    result = extract(
        "They say an audit is under way, but that it has nothing to do with the claims."
    )
    assert result.denials == ()


@pytest.mark.parametrize(
    ("text", "speaker", "denied"),
    [
        ("Customs officers refused the charges.", "Customs officers", "the charges"),
        (
            "The mayor angrily defended her office against charges that its staff took bribes.",
            "The mayor",
            "charges that its staff took bribes",
        ),
        ('"It is not a true account," said Mr. Okoro.', "Mr. Okoro", "It"),
        (
            '"It is not even remotely credible," Ms. Lund said of the report in an emailed '
            "statement to reporters on Friday.",
            "Ms. Lund",
            "It",
        ),
    ],
)
def test_accounts_refused_or_called_untrue_in_other_words_are_denied(
    text: str, speaker: str, denied: str
) -> None:
    (denial,) = extract(text).denials
    assert (denial.speaker, denial.denied) == (speaker, denied)


@pytest.mark.parametrize(
    "text",
    [
        "The union refused the offer from the port.",
        "The coach defended his players against the referee.",
        "He said it was not a true friend.",
    ],
)
def test_an_offer_refused_or_a_person_defended_is_no_denial(text: str) -> None:
    assert extract(text).denials == ()


def test_words_said_of_something_are_the_words_before_them() -> None:
    (claim,) = extract('"The deal is dead," the minister said of the talks.').claims
    assert claim.content == "The deal is dead"


def test_a_statement_challenged_is_an_account_rejected() -> None:
    result = extract(
        "The health minister said the strike had ended. But the nurses' union challenged "
        "his statement."
    )
    (denial,) = result.denials
    assert (denial.speaker, denial.denied, denial.targets) == (
        "the nurses' union",
        "his statement",
        (0,),
    )
    (claim,) = extract("The ministry said in a statement that the talks failed.").claims
    assert claim.speaker == "The ministry"


def test_an_account_called_a_thing_that_is_dishonest_is_denied() -> None:
    result = extract(
        "The party leader called the report a compilation of partisan and dishonest rumors."
    )
    (denial,) = result.denials
    assert (denial.speaker, denial.denied) == ("The party leader", "the report")
    assert result.claims == ()


def test_a_complaint_that_reports_were_exaggerated_denies_them_without_the_auxiliary() -> None:
    (denial,) = extract(
        "The minister complained Thursday that reports of abuse at the border camp in the "
        "north have been exaggerated."
    ).denials
    assert (denial.speaker, denial.denied) == (
        "The minister",
        "reports of abuse at the border camp in the north",
    )


@pytest.mark.parametrize(
    ("text", "speaker", "denied"),
    [
        (
            "Spokeswoman Lina Hart said the issue is not the navy showing its strength, but "
            "foreign boats fishing in the bay.",
            "Spokeswoman Lina Hart",
            "the navy showing its strength",
        ),
        (
            "The case turns on a tax bill, a charge Ortega dismissed as “absurd” on his way "
            "into court.",
            "Ortega",
            "a charge",
        ),
        (
            "The trade spokesman said most exports are safe, and the media are exaggerating "
            "the extent of the problem.",
            "The trade spokesman",
            "the extent of the problem",
        ),
    ],
)
def test_a_framing_set_aside_an_account_waved_off_or_the_press_said_to_overstate(
    text: str, speaker: str, denied: str
) -> None:
    (denial,) = extract(text).denials
    assert (denial.speaker, denial.denied) == (speaker, denied)


def test_a_plain_contrast_of_two_nouns_is_no_denial() -> None:
    assert extract("He said the problem is not money, but time.").denials == ()


@pytest.mark.parametrize(
    ("text", "speaker", "denied"),
    [
        (
            '"I do not think this story is true," Mr. Abebe said.',
            "Mr. Abebe",
            "I do not think this story is true",
        ),
        (
            'The envoy said: "We do not believe such a meeting took place."',
            "The envoy",
            "We do not believe such a meeting took place",
        ),
        (
            "The ministry has rejected that argument, insisting on a majority stake.",
            "The ministry",
            "that argument",
        ),
        (
            'They say reports of a buildup of U.S. forces are "unnecessary hype."',
            "They",
            "reports of a buildup of U.S. forces",
        ),
    ],
)
def test_truth_doubted_an_argument_rejected_and_hype_are_denials(
    text: str, speaker: str, denied: str
) -> None:
    (denial,) = extract(text).denials
    assert (denial.speaker, denial.denied) == (speaker, denied)


def test_not_thinking_something_will_happen_is_no_denial() -> None:
    assert extract("I do not think the talks will resume, he said.").denials == ()


def test_being_unaware_of_any_such_thing_is_a_denial() -> None:
    (denial,) = extract(
        "The spokesman said the office was completely unaware of any such recording."
    ).denials
    assert (denial.speaker, denial.denied) == ("The spokesman", "any such recording")
    assert extract("She said she was unaware of the plan.").denials == ()


def test_deny_that_rights_abuses_happen_denies_a_clause_not_rights() -> None:
    denials = extract("Officials deny that rights abuses happen in the camps.").denials
    assert [(d.speaker, d.denied) for d in denials] == [
        ("Officials", "rights abuses happen in the camps")
    ]


def test_denied_rights_is_still_a_refusal() -> None:
    assert extract("The regime denied women their rights.").denials == ()


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The cabinet describes the allegations as complete rubbish.", "The cabinet"),
        (
            'Palace officials describe the suggestion of a cover-up as "nonsense."',
            "Palace officials",
        ),
    ],
)
def test_an_account_described_as_false_in_the_present_tense_is_denied(
    sentence: str, speaker: str
) -> None:
    assert [d.speaker for d in extract(sentence).denials] == [speaker]


def test_what_they_said_was_not_true_is_denied_by_the_one_quoted() -> None:
    text = (
        'Port official Lin Dao spoke on Monday.\n\n"The trawlers rammed us. What they said was '
        'not true," he said.'
    )
    denials = extract(text).denials
    assert [(d.speaker, d.denied) for d in denials] == [("Port official Lin Dao", "What they said")]


def test_a_saying_inside_the_denied_account_never_denies_it() -> None:
    assert extract("What the ministry claims is false.").denials == ()


def test_something_the_panel_denies_denies_the_clause_before_it() -> None:
    text = "The board was listed as backing the trial, something the panel denies."
    denials = extract(text).denials
    assert [(d.speaker, d.denied) for d in denials] == [
        ("the panel", "The board was listed as backing the trial")
    ]


def test_which_is_usually_denied_names_no_denier() -> None:
    text = "Visitors need a permit, which is usually denied."
    assert extract(text).denials == ()


def test_it_is_not_true_after_but_goes_on_with_the_reported_speech() -> None:
    text = (
        "Army spokesman Tomas Ode told reporters the army had arrested two soldiers, but it is "
        '"absolutely" not true any officers were involved in the killings.'
    )
    denials = extract(text).denials
    assert [(d.speaker, d.denied) for d in denials] == [
        ("Army spokesman Tomas Ode", "any officers were involved in the killings")
    ]


def test_by_denying_is_a_denial_of_the_clauses_subject() -> None:
    text = "The governor drew protests by denying that the police had fired on the crowd."
    denials = extract(text).denials
    assert [(d.speaker, d.denied) for d in denials] == [
        ("The governor", "the police had fired on the crowd")
    ]


@pytest.mark.parametrize(
    "text",
    [
        '"They try to scare us, but we are not guilty of anything," the activist said.',
        "The spokesman said the envoy never made an agreement to shield the general.",
        "An aide said the governor did not give the union any commitment on wages.",
        "The spokesman said the remarks do not reflect the government's position.",
        "The spokesman said those statements don't represent the views of the government.",
    ],
)
def test_a_charge_or_a_promise_or_a_remark_disowned_is_a_counter_claim(text: str) -> None:
    result = extract(text)
    assert len(result.denials) == 1
    assert result.claims == ()


@pytest.mark.parametrize(
    "text",
    [
        "The court found him not guilty, his lawyer said.",
        "The coach said he never gave up hope.",
        "The spokesman said the painting does not reflect light well.",
    ],
)
def test_a_verdict_an_idiom_or_a_literal_reflection_denies_nothing(text: str) -> None:
    assert extract(text).denials == ()


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("Soldiers are disputing the number killed.", "the number killed"),
        ("The army disputed the death toll.", "the death toll"),
        (
            "Some reports say he fled abroad, but police say he is not there.",
            "there",
        ),
        ("Police say the missing sailors are not in Ruritania.", "in Ruritania"),
    ],
)
def test_a_figure_disputed_or_a_presence_denied(text: str, denied: str) -> None:
    [denial] = extract(text).denials
    assert denial.denied == denied


@pytest.mark.parametrize(
    "text",
    [
        "The ministry rejected a number of proposals.",
        "Police say he was not in a position to act.",
        "Police say the money is not there to fund it.",
    ],
)
def test_a_quantity_a_position_or_an_absent_means_denies_nothing(text: str) -> None:
    assert extract(text).denials == ()


def test_a_long_setting_before_the_that_clause_keeps_the_counter_claim() -> None:
    text = (
        "The former leader has testified at his war crimes trial in The Hague that he never "
        "sent weapons to the rebels."
    )
    [denial] = extract(text).denials
    assert denial.speaker == "The former leader"


@pytest.mark.parametrize(
    "text",
    [
        "The captain stressed that his ships have never attacked the other side's vessels.",
        "The army said its troops had never fired on protesters.",
    ],
)
def test_an_attack_charged_and_flatly_negated_is_a_counter_claim(text: str) -> None:
    assert len(extract(text).denials) == 1


def test_an_idiom_after_never_is_no_counter_claim() -> None:
    assert extract("The coach said he has never killed time better.").denials == ()


@pytest.mark.parametrize(
    "text",
    [
        "The observers called Saturday's election flawed.",
        'The observers criticized what they called a "flawed vote count".',
    ],
)
def test_an_event_called_flawed_is_judged_not_denied(text: str) -> None:
    assert extract(text).denials == ()


def test_an_account_called_an_imagination_is_denied() -> None:
    text = "The spokesman said the allegations of rigging are an imagination of the losers."
    [denial] = extract(text).denials
    assert denial.denied == "allegations of rigging"


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister spoke on Monday, denying that troops fired on protesters.",
        "The minister spoke to reporters, rejecting claims that troops fired on protesters.",
        # "joined … in": the one who joined denies, not the phrase before "in".
        "The minister joined the army chief in rejecting claims that troops fired on protesters.",
        "The minister joined his counterpart Ana Ruiz in denying that troops fired.",
    ],
)
def test_a_participle_after_a_clause_is_its_subjects_denial(sentence: str) -> None:
    assert [d.speaker for d in extract(sentence).denials] == ["The minister"]


def test_a_participle_after_an_apposed_subject_keeps_the_name() -> None:
    # Near miss: the phrase before the comma is the subject itself, with no verb in it.
    sentence = "The mayor of Arvel, Ana Ruiz, denying the claims, left the hall."
    assert "The mayor of Arvel" not in [d.speaker for d in extract(sentence).denials]


def test_a_pronoun_does_not_point_ahead_to_a_source_its_sentence_names_after_it() -> None:
    text = (
        "Port officials met on Monday. "
        'They are calling "baseless" local media reports that the dock was unsafe.'
    )
    assert [d.speaker for d in extract(text).denials] == ["Port officials"]


@pytest.mark.parametrize(
    ("text", "speaker", "denied"),
    [
        (
            "The opposition leader told reporters results from the election commission giving "
            'the president 50.8 percent of the vote were "fiction."',
            "The opposition leader",
            "results from the election commission giving the president 50.8 percent of the vote",
        ),
        (
            "The rebel spokesman said Thursday the agency's declaration of famine in the "
            "province is “100% false and propaganda.”",
            "The rebel spokesman",
            "the agency's declaration of famine in the province",
        ),
        (
            "The director, Ana Reyes, released a statement saying: “Speculation that the "
            "letter was written by me or my deputy is patently false.",
            "Ana Reyes",
            "Speculation that the letter was written by me or my deputy",
        ),
        (
            "The president says media reports have exaggerated the incidents of fraud.",
            "The president",
            "the incidents of fraud",
        ),
        (
            'An embassy spokesman said late Tuesday reports of the border crossing were a "rumor."',
            "An embassy spokesman",
            "reports of the border crossing",
        ),
    ],
)
def test_results_a_declaration_speculation_or_what_the_press_has_done_called_false(
    text: str, speaker: str, denied: str
) -> None:
    """An announced count or declaration, speculation quoted after "saying:", and the press
    said to have (not only to be) overstating are accounts rejected like any report."""
    (denial,) = extract(text).denials
    assert (denial.speaker, denial.denied) == (speaker, denied)
    assert extract(text).claims == ()


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the results were disappointing for the party.",
        "Analysts said the media reports have exaggerated by a wide margin in the past.",
        "He said the announcement of the ceasefire was welcome news.",
        "Officials said prices have inflated steadily since spring.",
    ],
)
def test_results_and_reports_not_called_false_are_no_denial(text: str) -> None:
    assert extract(text).denials == ()
