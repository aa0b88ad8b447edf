"""Speakers that are bodies the report describes rather than names: counted or pointed-back
groups, their documents, allies of a named person, the opposition; and bodies whose proper
names hold link words ("Board of Trustees") or a title-like word ("Justice"). Every
sentence is written for this suite, in domains the rules were not tuned on."""

from __future__ import annotations

import pytest

from briefings.extract import extract
from briefings.hedges import is_hedged
from briefings.speaker_kinds import classify_speaker

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("speaker", "kind"),
    [
        ("Three farming groups", "official"),
        ("The two groups", "official"),
        ("The groups", "official"),
        ("A Berlin-based consumer group", "official"),
        ("Their report", "official"),
        ("the experts", "official"),
        ("Ortega allies", "official"),
        ("the opposition", "official"),
        # Bare plurals stay unnamed people; a capitalized body is a name.
        ("Consumer groups", "anonymous"),
        ("fisheries experts", "anonymous"),
        ("The International Skating Organization", "named"),
        ("The report", "named"),
        # A name before the group noun says which group speaks.
        ("The Islamic State group", "named"),
        ("the Wagner group", "named"),
        ("The Norwegian group", "official"),
    ],
)
def test_group_and_document_kinds(speaker: str, kind: str) -> None:
    assert classify_speaker(speaker, {}) == kind


def test_a_group_pointed_back_to_keeps_the_official_kind() -> None:
    text = (
        "Two consumer groups say the dairy cartel raised milk prices. "
        "The groups say regulators ignored the complaints for years."
    )
    claims = extract(text).claims
    assert [(c.speaker, c.speaker_kind) for c in claims] == [
        ("Two consumer groups", "official"),
        ("The groups", "official"),
    ]


def test_groups_first_left_unnamed_stay_anonymous_when_pointed_back_to() -> None:
    text = (
        "Consumer groups say the dairy cartel raised milk prices. "
        "The groups say regulators ignored the complaints for years."
    )
    assert [c.speaker_kind for c in extract(text).claims] == ["anonymous", "anonymous"]


def test_a_body_name_with_link_words_heads_its_apposition() -> None:
    claim = extract(
        "The Board of Trustees, the governing body for both museums in Lyon and Turin, "
        "said the loan of the tapestries would go ahead."
    ).claims
    assert [c.speaker for c in claim] == ["The Board of Trustees"]


def test_a_title_like_word_inside_a_body_name_is_not_a_title() -> None:
    claim = extract(
        "The Coastal Fairness Justice Initiative said fishing quotas were set unfairly."
    ).claims
    assert [(c.speaker, c.speaker_kind) for c in claim] == [
        ("The Coastal Fairness Justice Initiative", "named")
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "kind", "organization"),
    [
        # A rank before a body's noun is part of the body's name, not a title before a
        # surname ("General Staff" is not General Staff the person).
        (
            "Ruritania's General Staff said the border posts were quiet.",
            "Ruritania's General Staff",
            "named",
            "General Staff",
        ),
        (
            "The Northern Command said the border posts were quiet.",
            "The Northern Command",
            "named",
            "Northern Command",
        ),
        # The near miss: a role of that body is still an unnamed official.
        (
            "A General Staff spokesman said the border posts were quiet.",
            "A General Staff spokesman",
            "official",
            "General Staff",
        ),
    ],
)
def test_a_body_named_with_a_rank_word_speaks_as_itself(
    text: str, speaker: str, kind: str, organization: str
) -> None:
    extraction = extract(text)
    assert [(c.speaker, c.speaker_kind) for c in extraction.claims] == [(speaker, kind)]
    assert organization in extraction.entities.organizations


# --- base forms after plural subjects and "did", clauses without "that" -------------------


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Two farming groups blame careless dredging for the loss of the wetlands.",
            "Two farming groups",
            "careless dredging for the loss of the wetlands",
        ),
        (
            "The unions note that the port has rules against night shifts.",
            "The unions",
            "the port has rules against night shifts",
        ),
        (
            "However, Ortiz did verify on Monday that Lund had designed the first bridge.",
            "Ortiz",
            "Lund had designed the first bridge",
        ),
        (
            "Still, Mara Lind has maintained she owns the land under the pier.",
            "Mara Lind",
            "she owns the land under the pier",
        ),
    ],
)
def test_base_forms_and_thatless_clauses_report(text: str, speaker: str, content: str) -> None:
    claims = extract(text).claims
    assert [(c.speaker, c.content) for c in claims] == [(speaker, content)]


def test_a_plural_evidential_verb_hedges() -> None:
    claim = extract("The ministry says early samples indicate the fish died of a parasite.")
    assert [c.hedged for c in claim.claims] == [True]


def test_the_people_of_a_named_person_are_an_unnamed_role() -> None:
    text = "Daniel Ortega won again. Ortega allies said the count had been fair."
    assert [(c.speaker, c.speaker_kind) for c in extract(text).claims] == [
        ("Ortega allies", "official")
    ]


def test_a_named_person_and_others_stay_named() -> None:
    text = "Ida Holm spoke first. Ida Holm and two officials said the bridge was safe."
    assert [c.speaker_kind for c in extract(text).claims] == ["named"]


def test_a_pronoun_finds_a_person_known_by_one_word_of_the_name() -> None:
    text = (
        "Chen Li-wei runs the shipyard. Chen has not yet responded to the ruling. "
        "He accuses the port authority of hiding the records."
    )
    claims = extract(text).claims
    # "Chen" is the family name of "Chen Li-wei" (the given name, hyphenated, follows it),
    # so the person is named in full.
    assert [c.speaker for c in claims] == ["Chen Li-wei"]


def test_a_quote_only_paragraph_over_several_sentences_goes_on_with_the_speaker() -> None:
    text = (
        "Harbour director Ian Moss said on Friday the berth was safe.\n\n"
        "“We are only inspecting. The cranes stay in service. Work resumes on Monday.”\n\n"
        "The union has called a meeting."
    )
    claims = extract(text).claims
    assert [(c.speaker, c.content) for c in claims] == [
        ("Harbour director Ian Moss", "the berth was safe"),
        ("Harbour director Ian Moss", "We are only inspecting"),
        ("Harbour director Ian Moss", "The cranes stay in service"),
        ("Harbour director Ian Moss", "Work resumes on Monday"),
    ]


def test_a_quote_inside_narration_is_not_carried_on() -> None:
    text = (
        "Harbour director Ian Moss said on Friday the berth was safe.\n\n"
        "Dockers call the cranes “old. Rusty, even.” The union has called a meeting."
    )
    assert [c.content for c in extract(text).claims] == ["the berth was safe"]


# --- hedges: an estimate with "most likely", a modal inside what is not known --------------


@pytest.mark.parametrize(
    ("clause", "hedged"),
    [
        ("if no cattle fall ill this week it is most likely that the herd is clean", True),
        ("we still do not know what the cause of the leak could be", False),
        ("the leak could be older than the survey", True),
        ("tenants are three times more likely to move", False),
    ],
)
def test_estimates_and_open_questions(clause: str, hedged: bool) -> None:
    assert is_hedged(clause, "the inspector") is hedged


def test_a_pronoun_set_inside_the_clause_it_reports_is_the_speaker() -> None:
    text = "Lena Ortiz runs the harbour. Since then, she says, the silt has got worse."
    claims = extract(text).claims
    assert [(c.speaker, c.content) for c in claims] == [("Lena Ortiz", "the silt has got worse")]


def test_a_plural_noun_before_says_is_still_not_a_verb() -> None:
    claims = extract("Sales fell in three member states, officials said.").claims
    assert [c.speaker for c in claims] == ["officials"]


def test_the_bare_body_noun_points_back_to_its_proper_name() -> None:
    text = (
        "Norway's Fisheries Commission has yet to publish the quotas, saying it is still "
        'counting. The commission defended the count, calling it "fair."'
    )
    claims = extract(text).claims
    assert [c.speaker for c in claims] == ["Norway's Fisheries Commission"] * 2


# --- hearsay passed on with no source -----------------------------------------------------


def test_an_unsourced_reportedly_is_an_anonymous_hedged_claim_of_reports() -> None:
    # Annotators of two blind sets named the source of "reportedly" as "reports".
    claim = extract("The goalkeeper reportedly accepted a car from the agent.").claims
    assert [(c.speaker, c.speaker_kind, c.hedged) for c in claim] == [
        ("reports", "anonymous", True)
    ]
    claim = extract("The goalkeeper allegedly accepted a car from the agent.").claims
    assert [c.speaker for c in claim] == ["allegedly"]


@pytest.mark.parametrize(
    "sentence",
    [
        # Any finite verb after the adverb, not only a past tense.
        "The skipper reportedly was on the trawler that sank on Monday.",
        "The photos reportedly show the skipper meeting the buyers.",
        # A counted subject, and the subject of a second main clause.
        "At least 14 fishermen have reportedly been detained.",
        "The trawler's log was found on the beach, and the skipper reportedly was aboard.",
    ],
)
def test_reportedly_after_a_main_clauses_subject_is_hearsay_of_reports(sentence: str) -> None:
    assert [c.speaker for c in extract(sentence).claims] == ["reports"]


def test_a_reportedly_adjective_or_aside_is_no_hearsay_claim() -> None:
    assert extract("A reportedly large crowd gathered at the port.").claims == ()
    assert extract("The ship, reportedly carrying arms, docked on Monday.").claims == ()


def test_allegedly_inside_a_phrase_or_with_a_source_is_no_hearsay_claim() -> None:
    assert extract("Customs seized a barge for allegedly dumping oil.").claims == ()
    claims = extract("The coach allegedly took cash, a local paper said.").claims
    assert [c.speaker for c in claims] == ["a local paper"]


# --- a stated aim ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The rail agency hopes to open the line by May.",
            "The rail agency",
            "open the line by May",
        ),
        ("Once the dam is built, the engineers hope to add a lock.", "the engineers", "add a lock"),
    ],
)
def test_a_present_hope_to_is_a_stated_aim(text: str, speaker: str, content: str) -> None:
    claims = extract(text).claims
    assert [(c.speaker, c.content, c.hedged) for c in claims] == [(speaker, content, False)]


def test_a_participle_hoping_to_reports_nothing() -> None:
    assert extract("A firm hoping to win the tender posed as a buyer.").claims == ()


def test_the_subject_of_an_absolute_with_clause_speaks() -> None:
    text = "Dozens of seals died on the coast, with marine biologists saying most had starved."
    claims = extract(text).claims
    assert [(c.speaker, c.content) for c in claims] == [("marine biologists", "most had starved")]


def test_an_absolute_with_clause_of_a_non_saying_verb_reports_nothing() -> None:
    assert extract("The team won, with fans chanting songs all night.").claims == ()


def test_the_accusers_in_a_rejected_allegation_keep_their_claim() -> None:
    text = "The ministry is rejecting allegations by rival officials who say the border was shut."
    result = extract(text)
    assert [(c.speaker, c.content) for c in result.claims] == [
        ("rival officials", "the border was shut")
    ]
    assert [d.speaker for d in result.denials] == ["The ministry"]


def test_could_no_longer_is_a_lost_ability_not_a_hedge() -> None:
    assert (
        is_hedged("saying large platforms could no longer ignore the law", "campaigners") is False
    )


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Peru has reported its first human case of the fever.",
            "Peru",
            "its first human case of the fever",
        ),
        ("The ministry reported 40 new cases on Monday.", "The ministry", "40 new cases on Monday"),
    ],
)
def test_a_reported_figure_or_first_is_a_claim(text: str, speaker: str, content: str) -> None:
    assert [(c.speaker, c.content) for c in extract(text).claims] == [(speaker, content)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # An event, or what was seen, put on record by a source.
        ("Activists reported mass killings in the village.", "Activists"),
        ("Residents reported heavy shelling overnight.", "Residents"),
        ("Witnesses reported seeing bodies near the bridge.", "Witnesses"),
        # A relative clause's own clause after a verb that otherwise needs "that".
        (
            "The protests followed the vote, which many opposition figures maintain was rigged.",
            "many opposition figures",
        ),
    ],
)
def test_a_reported_event_or_a_relatives_clause_is_a_claim(text: str, speaker: str) -> None:
    assert [c.speaker for c in extract(text).claims] == [speaker]


def test_reporting_an_event_to_someone_is_no_claim() -> None:
    assert extract("Police reported the theft to the insurer.").claims == ()
    # Near misses: sales are no event a source puts on record; a view maintained is no
    # relative's clause.
    assert extract("The company reported strong sales in May.").claims == ()
    assert extract("The club maintains its pitch at great cost.").claims == ()


@pytest.mark.parametrize(
    "text",
    [
        # Money pledged is given, not said.
        "International donors pledged hundreds of millions of dollars to fight the virus.",
        "The bank pledged $50 million for the port.",
        "Donors pledged more than 2 billion euros at the conference.",
        # A passive with "first" between the auxiliary and the participle.
        "When the election results were first declared in June, riots erupted.",
    ],
)
def test_a_sum_pledged_or_a_passive_is_no_claim(text: str) -> None:
    assert extract(text).claims == ()


def test_a_pledge_to_act_is_still_a_claim() -> None:
    # Near miss: a pledge to do something is the source's word.
    assert [c.speaker for c in extract("Donors pledged to rebuild the school.").claims] == [
        "Donors"
    ]


def test_unsourced_allegations_that_are_an_anonymous_hedged_claim() -> None:
    claims = extract("The league is examining allegations that rival clubs traded votes.").claims
    assert [(c.speaker, c.speaker_kind, c.hedged, c.content) for c in claims] == [
        ("allegations", "anonymous", True, "rival clubs traded votes")
    ]


@pytest.mark.parametrize(
    ("clause", "hedged"),
    [
        ("claims of ballot stuffing would be checked but had not yet been substantiated", True),
        ("the sighting has not been confirmed", True),
        ("a toll that could not be independently verified", False),
        ("the council did not say when the pool reopens", False),
    ],
)
def test_an_account_said_to_be_unconfirmed_is_hedged(clause: str, hedged: bool) -> None:
    assert is_hedged(clause, "the observer") is hedged


@pytest.mark.parametrize(
    "text",
    [
        "Ruiz's 2019 claims to have found the wreck were never checked.",
        "Ruiz's 2019 claims to have built the first drone were never checked.",
    ],
)
def test_a_year_after_a_possessive_and_a_perfect_infinitive_report_nothing(text: str) -> None:
    assert extract(text).claims == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "As protests grew, the body that represents bus operators has told them to stay "
            "in their depots.",
            "the body that represents bus operators",
        ),
        (
            "The group that organised the vigil said police had blocked the square.",
            "The group that organised the vigil",
        ),
    ],
)
def test_a_body_known_by_what_it_does_speaks_with_its_clause_and_is_official(
    text: str, speaker: str
) -> None:
    (claim,) = extract(text).claims
    assert (claim.speaker, claim.speaker_kind) == (speaker, "official")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The rights group reports that 15 villagers have been detained.", "The rights group"),
        ("The health ministry reports that 40 new cases were found.", "The health ministry"),
    ],
)
def test_a_body_that_reports_is_the_speaker_not_the_noun_reports(text: str, speaker: str) -> None:
    (claim,) = extract(text).claims
    assert claim.speaker == speaker


def test_a_named_dam_is_no_person_and_leaves_the_speaker_whole() -> None:
    result = extract("Officials in charge of the Three Gorges Dam say the river is stable.")
    assert result.entities.people == ()
    (claim,) = result.claims
    assert claim.speaker == "Officials in charge of the Three Gorges Dam"


def test_a_family_name_without_its_article_names_the_person_in_full() -> None:
    claims = extract(
        "Egyptian President Abdel Fattah el-Sisi opened the canal on Friday.\n\n"
        "President Sisi said the project was finished on time. Mr. Sisi added that traffic "
        "would double."
    ).claims
    assert [c.speaker for c in claims] == ["Abdel Fattah el-Sisi", "Abdel Fattah el-Sisi"]


def test_a_hyphenated_family_name_is_no_given_name_after_it() -> None:
    # "Ali Al-Amin": "Al-Amin" is the family name; "Mr. Ali" is someone else.
    claims = extract(
        "Ali Al-Amin leads the council. Mr. Al-Amin said the vote would go ahead."
    ).claims
    assert [c.speaker for c in claims] == ["Ali Al-Amin"]


def test_a_long_subject_of_officials_from_two_bodies_still_denies() -> None:
    (denial,) = extract(
        "But officials from both the Ministry of Transport and the Port Safety Office in "
        "Valletta deny the allegations."
    ).denials
    assert denial.speaker == (
        "officials from both the Ministry of Transport and the Port Safety Office in Valletta"
    )


def test_a_paper_described_by_its_city_is_named_alone() -> None:
    (claim,) = extract(
        "The fine was raised again, according to Lisbon weekly newspaper Expresso."
    ).claims
    assert claim.speaker == "Expresso"


def test_critics_including_a_named_group_keep_their_head() -> None:
    (claim,) = extract(
        "Critics, including the farmers group Green Acres, have made claims that the dam "
        "was rushed."
    ).claims
    assert claim.speaker.startswith("Critics")


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # An answer in deeds names no words.
        ("The government responded with a brutal wave of arrests.", []),
        # Near miss: an answer in words is still one.
        ("The ministry responded with a statement saying the port was open.", ["The ministry"]),
    ],
)
def test_responding_with_an_act_is_no_claim(text: str, speakers: list[str]) -> None:
    assert [c.speaker for c in extract(text).claims] == speakers


def test_joining_a_long_list_of_others_in_a_call_is_the_subjects_call() -> None:
    text = (
        "The union joined the families who are suffering, the rights defenders, and those who "
        "share its concern around the world in calling for the release of the detained."
    )
    assert [c.speaker for c in extract(text).claims] == ["The union"]


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "The coach's long absence was never explained, prompting rumors he had been sacked.",
            "rumors",
            "he had been sacked",
        ),
        (
            "The club was silent, sparking rampant speculation that the owner would sell.",
            "rampant speculation",
            "the owner would sell",
        ),
        (
            "Rumors also were rife that the stadium would close.",
            "Rumors",
            "the stadium would close",
        ),
    ],
)
def test_talk_told_as_spreading_is_an_anonymous_hedged_claim(
    sentence: str, speaker: str, content: str
) -> None:
    [claim] = extract(sentence).claims
    assert (claim.speaker, claim.speaker_kind, claim.hedged, claim.content) == (
        speaker,
        "anonymous",
        True,
        content,
    )


def test_rumors_named_without_what_they_tell_are_no_claim() -> None:
    # Near misses: the rumors themselves are the subject, or a noun follows, not a clause.
    assert extract("The rumors spread quickly through the town.").claims == ()
    assert extract("The silence prompted rumors about the owner's health.").claims == ()


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [
        # Beliefs and forecasts hedge what they report (the dev README's convention).
        ("Port officials think the strike will end soon.", True),
        ("Port officials predicted the strike would end soon.", True),
        ("Port officials fear the strike will spread.", True),
        # Wishes and appeals do not.
        ("Port officials hope the strike will end soon.", False),
        ("Port officials urged the unions to end the strike.", False),
    ],
)
def test_beliefs_and_forecasts_hedge_wishes_do_not(sentence: str, hedged: bool) -> None:
    [claim] = extract(sentence).claims
    assert claim.hedged is hedged
