"""Reporting frames of news English that are easy to miss or to over-read: day numbers
before "that", "made clear" and "agree", "added" with and without a clause, an interviewer's
question, a long audience before "that", raising passives ("is reported to accuse"),
blaming a cause, documents in relative clauses, and sources passed on by reports. Every
sentence is written for this suite."""

from __future__ import annotations

import pytest

from briefings.extract import extract

pytestmark = pytest.mark.unit


def test_a_date_with_a_day_number_may_come_before_that() -> None:
    claims = extract(
        "The Leeds Courier reported on June 14 that the club's chairman had paid the referees."
    ).claims
    assert [c.speaker for c in claims] == ["The Leeds Courier"]


def test_a_number_that_is_the_object_is_not_skipped() -> None:
    # "said 40 of them …": the number starts the reported clause, which has no "that".
    claims = extract("The warden said 40 of the birds had died of the cold.").claims
    assert [c.speaker for c in claims] == ["The warden"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The inspectors made clear the dam must be drained before winter.", "The inspectors"),
        ("The auditor made it clear that the fund had lost money.", "The auditor"),
        ("Even some rivals of the mayor agree there were errors in the tally.", None),
    ],
)
def test_made_clear_and_agree_report_a_clause(sentence: str, speaker: str | None) -> None:
    claims = extract(sentence).claims
    assert len(claims) == 1
    if speaker is not None:
        assert claims[0].speaker == speaker
    else:
        # "Even" is an adverb, not part of who agrees.
        assert claims[0].speaker == "some rivals of the mayor"


@pytest.mark.parametrize(
    "sentence",
    [
        "The inspectors made clear progress on the dam this year.",
        "The two unions agree to meet again on Friday.",
        "A week later the maker added 12,000 scooters to the recall.",
        "The council added a clause on noise to the permit.",
        # "add to" is to increase.
        "Two gunmen attacked a depot on Tuesday, adding to a wave of assaults seen as revenge.",
        "The ruling added to fears that the talks would fail.",
    ],
)
def test_no_clause_is_reported(sentence: str) -> None:
    assert extract(sentence).claims == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "The ranger added 40 deer had died of the cold due to the early frost.",
        'The ranger added: "The herd will recover."',
        "The ranger added to reporters that the herd will recover.",
    ],
)
def test_added_with_a_clause_still_reports(sentence: str) -> None:
    assert [c.speaker for c in extract(sentence).claims] == ["The ranger"]


def test_the_quote_after_an_interviewers_question_is_the_answer_of_the_one_asked() -> None:
    text = (
        "Dock workers' leader Ana Ruiz says the strike will go on. "
        "Radio reporter Tom Beck asked her what the port must do to end it.\n\n"
        '"The port has to pay what it promised. Nothing else will do. We have waited a year."'
    )
    result = extract(text)
    assert "Tom Beck" not in {c.speaker for c in result.claims}
    quoted = [c for c in result.claims if c.sentence.startswith(('"The port', "We have"))]
    assert [c.speaker for c in quoted] == ["Dock workers' leader Ana Ruiz"] * 2


@pytest.mark.parametrize(
    "intro",
    [
        # Introduced, then referred to by pronoun in the paragraph's last sentence.
        "Maria Okafor is director of the water program at the Lake Institute, a research "
        "group. She is an expert on the dams of the upper river.",
        # Named in a sentence that attributes nothing.
        "Engineer Maria Okafor spoke at the meeting.\n\nOkafor does not rule out new "
        "dams on the upper river.",
    ],
)
def test_a_quote_alone_in_its_paragraph_is_the_person_the_paragraph_before_is_about(
    intro: str,
) -> None:
    """News sets a quote apart with no "she said" right after introducing its speaker."""
    text = (
        intro + '\n\n"Three companies are building dams on the river. So the '
        'companies matter more than the ministry."\n\nThe river floods each spring.'
    )
    quoted = [c for c in extract(text).claims if c.sentence.startswith(('"Three', "So the"))]
    assert [c.speaker for c in quoted] == ["Maria Okafor"] * 2


@pytest.mark.parametrize(
    "intro",
    [
        # A group as the paragraph's subject: the quote may well be about it, not by it.
        "Police arrested four men near the dam on Tuesday.",
        # The person is not the subject.
        "The river flooded the farm of Maria Okafor on Tuesday.",
    ],
)
def test_a_quote_alone_after_a_paragraph_about_no_named_person_stays_unattributed(
    intro: str,
) -> None:
    text = intro + '\n\n"Three companies are building dams on the river."\n\nIt rained.'
    assert extract(text).claims == ()


def test_asking_someone_to_act_is_still_an_appeal() -> None:
    claims = extract("The mayor asked residents to save water.").claims
    assert [c.speaker for c in claims] == ["The mayor"]


def test_the_clause_after_a_long_audience_and_place_is_the_content() -> None:
    [claim] = extract(
        "The coach told reporters in the northern port city of Split on Friday that the "
        "team would appeal."
    ).claims
    assert claim.content == "the team would appeal"


def test_a_clause_inside_the_object_is_not_skipped() -> None:
    [claim] = extract(
        "The coach told reporters at the club's training ground he believed that the "
        "team would appeal."
    ).claims
    # The audience is kept rather than the clause "he believed" lost.
    assert claim.content.endswith("he believed that the team would appeal")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The inspectors' report, still to be published, is reported to accuse the port "
            "of hiding leaks.",
            "The inspectors' report",
        ),
        ("The memo is understood to call the delays a serious failure.", "The memo"),
        ("The coach is said to have told the players that she would leave.", "The coach"),
    ],
)
def test_a_subject_said_to_say_something_is_a_hedged_source(sentence: str, speaker: str) -> None:
    [claim] = extract(sentence).claims
    assert (claim.speaker, claim.hedged) == (speaker, True)


@pytest.mark.parametrize(
    "sentence",
    [
        "The striker is said to have left the country.",
        "The theft was reported to police on Monday.",
        "The minister is understood to be unwell.",
    ],
)
def test_a_raising_passive_without_a_verb_of_saying_names_no_source(sentence: str) -> None:
    assert extract(sentence).claims == ()


@pytest.mark.parametrize(
    ("sentence", "claims"),
    [
        ("Firefighters blamed the blaze on a faulty heater.", 1),
        ("The ministry, in a statement, blamed the delay on the weather.", 1),
        # "on Monday" says when, not what caused it.
        ("The coach blamed himself on Monday.", 0),
    ],
)
def test_blaming_a_cause_on_something_is_a_claim(sentence: str, claims: int) -> None:
    assert len(extract(sentence).claims) == claims


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        (
            "Economists are criticizing a survey that said wages rose by nine percent last year.",
            ["Economists", "a survey"],
        ),
        (
            "Economists pointed to a survey that said wages rose by nine percent last year.",
            ["a survey"],
        ),
    ],
)
def test_a_document_that_said_something_is_a_source(sentence: str, speakers: list[str]) -> None:
    claims = extract(sentence).claims
    assert [c.speaker for c in claims] == speakers
    assert claims[-1].content.startswith("wages rose")


def test_a_source_passed_on_by_reports_speaks_hedged_and_unconfirmed() -> None:
    text = "According to news reports, the audit memo says the harbour fund lost money."
    result = extract(text)
    [claim] = result.claims
    assert (claim.speaker, claim.speaker_kind, claim.hedged) == ("the audit memo", "named", True)
    assert [q.kind for q in result.open_questions] == ["unconfirmed"]


def test_according_to_a_source_with_no_inner_verb_keeps_that_source() -> None:
    [claim] = extract("According to the harbour master, the channel is too shallow.").claims
    assert claim.speaker == "the harbour master"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The ferry line was quoted in local media Monday blaming the storm for the delay.",
            "The ferry line",
        ),
        ("The coach was quoted by the paper as describing the pitch as dangerous.", "The coach"),
        ("Ana Duarte was quoted as saying the vote had been rigged.", "Ana Duarte"),
    ],
)
def test_the_one_quoted_with_a_participle_of_saying_speaks(sentence: str, speaker: str) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


def test_a_study_cited_regarding_something_says_nothing() -> None:
    assert extract("The study was cited in the report regarding water use.").claims == ()


def test_reported_as_saying_is_hearsay_of_the_subjects_words() -> None:
    claims = extract("The coach is reported as saying he would resign.").claims
    assert [(c.speaker, c.hedged) for c in claims] == [("The coach", True)]


def test_reported_with_a_participle_and_no_as_is_an_event() -> None:
    assert extract("The ferry was reported sinking near the coast.").claims == ()


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        (
            "The regulator says it was checking the wells after the latest leak and Lagos "
            "also announced it was investigating the company.",
            ["The regulator", "Lagos"],
        ),
        (
            "Ana Ruiz said the army fired first and Ines Duarte told reporters the army had "
            "held its fire.",
            ["Ana Ruiz", "Ines Duarte"],
        ),
    ],
)
def test_a_new_named_subject_after_and_opens_a_second_attribution(
    sentence: str, speakers: list[str]
) -> None:
    assert [c.speaker for c in extract(sentence).claims] == speakers


def test_names_coordinated_inside_what_is_said_stay_the_first_speakers_words() -> None:
    claims = extract("The minister said that Ana and Rui said nothing.").claims
    assert [c.speaker for c in claims] == ["The minister"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The outage, which engineers blamed on a storm, lasted a day.", "engineers"),
        ("It was a fire that the owners blamed on faulty wiring.", "the owners"),
    ],
)
def test_blame_in_a_relative_clause_is_the_relative_clauses_subjects_claim(
    sentence: str, speaker: str
) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


def test_blame_in_the_passive_with_no_agent_is_narration() -> None:
    assert extract("The fire was blamed on faulty wiring.").claims == ()


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Oslo raised the tariff in May after claiming that the fish were dumped.", "Oslo"),
        ("The minister resigned after saying the budget was a fraud.", "The minister"),
    ],
)
def test_a_participle_after_a_time_conjunction_goes_back_to_the_subject(
    sentence: str, speaker: str
) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


def test_a_participle_of_no_saying_after_a_conjunction_is_narration() -> None:
    assert extract("The ship sank after hitting a rock.").claims == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "The doctor notes about 13,000 people are believed to have died.",
        "The ministry noted more than 200 homes were flooded.",
    ],
)
def test_a_counted_subject_opens_a_clause_without_that(sentence: str) -> None:
    assert len(extract(sentence).claims) == 1


def test_a_counted_object_is_no_clause() -> None:
    assert extract("The doctor noted about 13,000 cases in the ward.").claims == ()


def test_a_participle_in_an_absolute_with_phrase_is_passive() -> None:
    text = "With most of the votes declared on Sunday, the ruling party is on course to win."
    assert extract(text).claims == ()


def test_a_source_saying_in_an_absolute_with_phrase_still_speaks() -> None:
    claims = extract(
        "With health experts saying the cases came from poultry, markets closed."
    ).claims
    assert [c.speaker for c in claims] == ["health experts"]


def test_a_document_released_after_and_is_the_sentence_subjects() -> None:
    claims = extract(
        "Ana Duarte met regulators on Monday and released written testimony saying the "
        "firm should have acted sooner."
    ).claims
    assert [c.speaker for c in claims] == ["Ana Duarte"]


def test_a_possessed_claim_noun_is_no_verb_with_a_subject() -> None:
    claims = extract(
        "A local researcher's surprise claim that he cured the disease drew doubt."
    ).claims
    assert claims == ()


def test_a_participle_of_released_by_stays_inside_the_phrase() -> None:
    claims = extract("The report published and released by the ministry said prices rose.").claims
    assert [c.speaker for c in claims] == ["The report published and released by the ministry"]


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Kargbo told VOA his letter had made the rules clear.", "his letter had made"),
        ("The minister told reporters the deal was off.", "the deal was off"),
        ("The minister told The Associated Press the deal was off.", "the deal was off"),
        ("She told him on Friday the vote had been rigged.", "the vote had been rigged"),
        # A warning needs no hearer: the name starts the clause.
        ("The general warned Russia would respond to any attack.", "Russia would respond"),
    ],
)
def test_the_one_told_is_not_part_of_what_was_said(sentence: str, content: str) -> None:
    (claim,) = extract(sentence).claims
    assert claim.content.startswith(content), claim.content


def test_a_quote_before_its_speaker_is_what_he_told_reporters() -> None:
    sentence = (
        '"We are signing an agreement very soon that will get us our money back" the '
        "president told reporters in the Oval Office when asked about a potential deal."
    )
    (claim,) = extract(sentence).claims
    assert claim.content.startswith("We are signing an agreement")


def test_a_plural_noun_after_a_preposition_is_no_verb_of_saying() -> None:
    sentence = (
        "The lawmakers wasted no time, immediately criticizing the carmaker for its slow "
        "response to fears its cars could accelerate without warning."
    )
    claims = extract(sentence).claims
    assert [c.speaker for c in claims] == ["The lawmakers"]
    assert claims[0].cue == "criticizing"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The strike began a week after the governor issued a warning that striking "
            "teachers would lose their pay.",
            "the governor",
        ),
        ("The minister gave assurances that the plant would stay open.", "The minister"),
        (
            "The state auditor has held the organizing body responsible for losses on a "
            "dozen contracts.",
            "The state auditor",
        ),
    ],
)
def test_a_warning_an_assurance_or_blame_issued_is_a_claim(sentence: str, speaker: str) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


def test_holding_an_event_is_no_claim() -> None:
    assert extract("The club held a press conference on Monday.").claims == ()


def test_narration_around_a_subordinate_source_does_not_hedge_its_words() -> None:
    sentence = (
        "The alleged thefts happened days after the governor warned that thieves would be "
        "prosecuted."
    )
    (claim,) = extract(sentence).claims
    assert claim.hedged is False


def test_an_auditor_of_the_state_is_an_official_source() -> None:
    sentence = "The government's auditor said the project had lost millions."
    (claim,) = extract(sentence).claims
    assert claim.speaker_kind == "official"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Environmentalists worry it could damage the river.", "Environmentalists"),
        ("The tribunal ruled the ministry had broken the law.", "The tribunal"),
        ("Prices rose, the bank reported on Friday.", "the bank"),
    ],
)
def test_clauses_without_that_after_worry_and_ruled(sentence: str, speaker: str) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "So far, five judges have ruled in his favor; but 31 judges decided against him.",
        "The referee ruled out a replay.",
        "So far, two papers have reported on the case.",
    ],
)
def test_a_ruling_for_someone_or_a_fronted_adverbial_reports_nothing(sentence: str) -> None:
    assert extract(sentence).claims == ()


def test_a_participle_after_a_closing_speaker_leaves_the_quote_as_content() -> None:
    sentence = (
        'The official data "are totally false," the economist concluded, estimating that '
        "inflation had doubled."
    )
    result = extract(sentence)
    assert [(d.speaker, d.denied) for d in result.denials] == [
        ("the economist", "The official data")
    ]
    sentence = '"It was a step back," the envoy said, calling the talks unready.'
    (claim,) = extract(sentence).claims
    assert claim.content == "It was a step back"


@pytest.mark.parametrize(
    "sentence",
    [
        "President Ana Ruiz declared martial law in the northern province.",
        "The member states of the bloc came together last week, marking a new step.",
    ],
)
def test_an_act_declared_or_a_noun_in_s_reports_nothing(sentence: str) -> None:
    assert extract(sentence).claims == ()


def test_the_one_quoted_speaks_a_denial_in_the_name_of_a_side() -> None:
    sentence = (
        '"The United States categorically rejects allegations of any involvement in the plot," '
        "said State Department spokeswoman Ana Ruiz."
    )
    result = extract(sentence)
    assert [d.speaker for d in result.denials] == ["State Department spokeswoman Ana Ruiz"]
    assert result.claims == ()


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The dockers' union has threatened to strike if the port is sold.", "The dockers' union"),
        ("Norland threatened Vessia with fresh tariffs on its steel.", "Norland"),
        (
            "Opposition parties threatened a boycott unless the count is redone.",
            "Opposition parties",
        ),
        ("The governor renewed a threat to close the border crossings.", "The governor"),
    ],
)
def test_a_threat_is_what_the_one_threatening_says_it_will_do(sentence: str, speaker: str) -> None:
    claims = extract(sentence).claims
    assert [(c.speaker, c.hedged) for c in claims] == [(speaker, False)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The crisis threatened to derail the talks.",
        "Floods threaten to cut the coastal road.",
        "The scandal threatens to topple the cabinet if it spreads.",
        "The construction threatened the survival of the lake.",
    ],
)
def test_an_event_that_threatens_says_nothing(sentence: str) -> None:
    assert extract(sentence).claims == ()


def test_a_warning_issued_to_someone_to_act_is_the_issuers_claim() -> None:
    claims = extract("The coastguard issued a stern warning to trawlers to leave the bay.").claims
    assert [c.speaker for c in claims] == ["The coastguard"]


def test_an_allegation_by_a_description_with_its_name_beside_it_is_the_names() -> None:
    text = (
        "The ministry has answered allegations by the London-based rights organization, "
        "Fair Harbour, that it hid the funds."
    )
    assert [c.speaker for c in extract(text).claims] == ["Fair Harbour"]


def test_plural_reporters_may_have_three_words_before_their_head() -> None:
    text = "WHO disease control scientists report that the count is far higher."
    assert [c.speaker for c in extract(text).claims] == ["WHO disease control scientists"]


def test_a_call_on_a_list_with_an_apposition_is_still_an_appeal() -> None:
    text = (
        "The rights group is calling on the rebels and a smaller militia, the Valley Front "
        "(VF) to immediately release the hostages."
    )
    assert [c.speaker for c in extract(text).claims] == ["The rights group"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The town was tense, with police vowing to find the arsonists.", "police"),
        ("The mayor is pledging to rebuild the bridge by spring.", "The mayor"),
    ],
)
def test_vowing_and_pledging_report_what_is_promised(sentence: str, speaker: str) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "A drone strike was reported to have killed the militia's commander.",
        "Dozens of fishermen have been reported missing after the storm.",
    ],
)
def test_the_passive_of_reporting_with_no_reporter_is_a_claim_of_reports(sentence: str) -> None:
    claims = extract(sentence).claims
    assert [(c.speaker, c.speaker_kind, c.hedged) for c in claims] == [
        ("reports", "anonymous", True)
    ]


def test_a_fire_reported_to_police_passes_nothing_on() -> None:
    assert extract("The fire was reported to police at 3 a.m.").claims == ()


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        # After a determiner, "alleged" is an adjective on a noun: nobody alleges here.
        (
            "The editor, named as one of the alleged recipients of the money, left early.",
            [],
        ),
        ("Police arrested an alleged smuggler at the port on Sunday.", []),
        # So it is after a preposition.
        (
            "The council has endorsed the findings of the audit on alleged irregularities in "
            "the vote.",
            [],
        ),
        # A name ending in "a" before the verb is no article ("Hichilema alleged").
        ("Hichilema alleged that the judges had broken the rules.", ["Hichilema"]),
    ],
)
def test_alleged_after_a_determiner_is_an_adjective(sentence: str, speakers: list[str]) -> None:
    assert [c.speaker for c in extract(sentence).claims] == speakers


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        # An appeal renewed is the renewer's, with the appeal's owner between.
        ("Harf repeated U.S. calls for the release of the detained reporters.", ["Harf"]),
        ("The union renewed calls for a strike at the port.", ["The union"]),
        ("The laureate repeated her call for a fresh election.", ["The laureate"]),
        # The perfect of "quoted as saying" names its source as the simple past does.
        ("Port officials have been quoted as saying the crane had failed.", ["Port officials"]),
        # "calls" after "rejected" is the noun rejected, not a verb with "U.N." as subject.
        ("The minister rejected U.N. calls for an inquiry into the shooting.", []),
    ],
)
def test_calls_renewed_are_the_renewers_and_calls_rejected_are_nobodys_claim(
    sentence: str, speakers: list[str]
) -> None:
    assert [c.speaker for c in extract(sentence).claims] == speakers


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        # A demand in progress, and a vow in the present, are what their subjects say.
        (
            "The protesters were demanding the mayor's resignation over the contracts.",
            ["The protesters"],
        ),
        ("The nurses have been demanding higher pay since March.", ["The nurses"]),
        ("They vow to stay in the square until the vote is annulled.", ["They"]),
        # A participle that describes a scene reports no one's demand.
        ("Hundreds marched past the ministry holding a banner demanding justice.", []),
        ("Villagers camped outside the mine for weeks, demanding compensation.", []),
    ],
)
def test_a_demand_in_progress_is_a_claim_and_a_scene_is_not(
    sentence: str, speakers: list[str]
) -> None:
    assert [c.speaker for c in extract(sentence).claims] == speakers


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Hospital staff put the toll at more than 40.", "more than 40"),
        # What the figure is of may stand between the noun and "at".
        ("The government has put the death toll in the protests at about 30.", "about 30"),
        ("Insurers put the cost of the storm at $2 billion.", "$2 billion"),
    ],
)
def test_a_source_puts_a_figure_at_a_number(sentence: str, content: str) -> None:
    assert [c.content for c in extract(sentence).claims] == [content]


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [
        # "alleged" on a noun names what others allege; the speaker's own words are plain.
        ("The spokeswoman said Washington met Iranian officials over the alleged plot.", False),
        ("The ministry said it had opened an inquiry into alleged links to the firm.", False),
        # The verb, or "alleged to", still holds the claim back.
        ("The mayor's brother owns the company, an opposition councillor alleged on Monday.", True),
        ("The report names 80 players alleged to have taken part in fixing.", True),
    ],
)
def test_alleged_on_a_noun_does_not_hedge_the_claim(sentence: str, hedged: bool) -> None:
    assert [c.hedged for c in extract(sentence).claims] == [hedged]


@pytest.mark.parametrize(
    "sentence",
    [
        "Rights groups fear the herders, who have been held at a camp, will be punished.",
        "The ranger noted the deer, which were counted in May, had died of the cold.",
    ],
)
def test_a_thatless_clause_whose_subject_has_a_relative_aside_still_reports(
    sentence: str,
) -> None:
    assert len(extract(sentence).claims) == 1


def test_an_object_with_a_relative_aside_and_no_verb_after_it_is_no_clause() -> None:
    # Near miss: after the aside comes a place, not the clause's verb.
    sentence = "The ranger noted the deer, which were counted in May, in the valley."
    assert extract(sentence).claims == ()


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "The party later issued a statement defending the ceremony, declaring "
            "“Democracy must prevail, always.”",
            "The party",
            "Democracy must prevail, always",
        ),
        (
            "The union also issued a statement, saying the strike would go on.",
            "The union",
            "the strike would go on",
        ),
        (
            "The mayor ended the evening by declaring: “The bridge will open in May.”",
            "The mayor",
            "The bridge will open in May",
        ),
    ],
)
def test_declaring_reports_words_and_an_adverb_before_the_verb_is_not_the_subject(
    sentence: str, speaker: str, content: str
) -> None:
    (claim,) = extract(sentence).claims
    assert (claim.speaker, claim.content) == (speaker, content)


def test_declaring_an_emergency_is_an_act_not_words() -> None:
    assert (
        extract(
            "Last month the king dismissed the government, declaring a state of emergency."
        ).claims
        == ()
    )


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The minister blamed Islamist insurgents rooted in the south.", "The minister"),
        (
            "Security officials blame the rebels and link the violence to smuggling.",
            "Security officials",
        ),
        (
            "Fishermen blame the die-off, which left tons of dead fish on the beaches in April, "
            "on a new steel mill.",
            "Fishermen",
        ),
    ],
)
def test_blame_named_alone_or_with_an_aside_before_on_is_a_claim(
    sentence: str, speaker: str
) -> None:
    (claim,) = extract(sentence).claims
    assert claim.speaker == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "The region has seen more bombings this year, many blamed on insurgents.",
        "Nobody is to blame for the delay.",
        "The fire was blamed on faulty wiring.",
    ],
)
def test_blame_in_a_passive_after_a_quantifier_or_with_no_object_is_no_claim(
    sentence: str,
) -> None:
    assert extract(sentence).claims == ()
