"""Subjects of unusual shape that still speak: a name that opens with a digit, a compound
participle before the head noun, and a time phrase that opens the sentence without a comma.
Every sentence is written for this suite."""

from __future__ import annotations

import pytest

from briefings.extract import extract
from briefings.subjects import sentence_subject

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("7Seas said its ferries would run on Sunday.", "7Seas"),
        ("In a short statement, 4K Media said the footage was genuine.", "4K Media"),
    ],
)
def test_a_name_that_opens_with_a_digit_speaks_as_a_named_source(
    sentence: str, speaker: str
) -> None:
    claims = extract(sentence).claims
    assert [(c.speaker, c.speaker_kind) for c in claims] == [(speaker, "named")]


def test_a_number_alone_is_still_no_source() -> None:
    assert extract("In 2019 40 said the bridge was unsafe.").claims == ()


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "A state-owned shipping firm is denying reports that it dumped fuel at sea.",
            "A state-owned shipping firm",
        ),
        (
            "The rebel-held town's council denied claims that it had hidden weapons.",
            "The rebel-held town's council",
        ),
    ],
)
def test_a_compound_participle_before_the_head_is_part_of_the_subject(
    sentence: str, speaker: str
) -> None:
    denials = extract(sentence).denials
    assert [d.speaker for d in denials] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("On Monday police said the lorry had been stolen.", "police"),
        ("Last year federal auditors said the accounts were sound.", "federal auditors"),
        ("In March 2021 the port authority said the dredging was finished.", "the port authority"),
        ("On Friday morning Ana Duarte said the strike was over.", "Ana Duarte"),
        ("Two weeks later the agency said the cars were unsafe.", "the agency"),
        ("A day earlier police said the man was armed.", "police"),
    ],
)
def test_a_time_phrase_without_a_comma_is_no_part_of_the_subject(
    sentence: str, speaker: str
) -> None:
    claims = extract(sentence).claims
    assert [c.speaker for c in claims] == [speaker]


def test_a_day_name_that_opens_a_proper_name_is_kept() -> None:
    claims = extract("Monday Night Football said the game would go ahead.").claims
    assert [c.speaker for c in claims] == ["Monday Night Football"]


def test_a_day_name_before_a_common_noun_is_still_a_time() -> None:
    claims = extract("Tuesday officials said the border would reopen.").claims
    assert [c.speaker for c in claims] == ["officials"]


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        (
            "Hours before the jury announced its verdict, the defence lawyer declared that "
            "his client was innocent.",
            ["the jury", "the defence lawyer"],
        ),
        (
            "Days after the ministry said the dam was safe, engineers warned that it could fail.",
            ["the ministry", "engineers"],
        ),
        (
            "Until the regulator confirms the figures, the airline said, no refunds will be paid.",
            ["the regulator", "the airline"],
        ),
    ],
)
def test_a_fronted_time_clause_ends_at_its_comma_and_the_main_clause_has_its_own_source(
    sentence: str, speakers: list[str]
) -> None:
    claims = extract(sentence).claims
    assert [c.speaker for c in claims] == speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Former mayor Ines Duarte appeared in court on Monday. The 58-year-old Duarte "
            "said the contracts were legal.",
            "Ines Duarte",
        ),
        (
            "Oskar Lind, a director at Nordhavn, flew to Oslo. Nordhavn's Lind said the yard "
            "would close.",
            "Oskar Lind",
        ),
        (
            "Ines Duarte leads the port union. The embattled Duarte said the strike would go on.",
            "Ines Duarte",
        ),
    ],
)
def test_a_surname_described_again_is_the_person_named_in_full(text: str, speaker: str) -> None:
    assert extract(text).claims[-1].speaker == speaker


def test_a_given_name_before_a_surname_is_another_person() -> None:
    text = "Ines Duarte leads the union. Rui Duarte, her brother, said the strike was over."
    assert extract(text).claims[-1].speaker == "Rui Duarte"


def test_an_occupation_longer_than_the_name_gives_way_to_the_name() -> None:
    claims = extract(
        "The paper quoted Canadian marine and fisheries researcher Ola Berg saying the "
        "stocks had collapsed."
    ).claims
    assert [c.speaker for c in claims] == ["Ola Berg"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The defendant testified on Tuesday.",
        "Two nurses testified for three hours.",
    ],
)
def test_testifying_with_nothing_reported_is_no_claim(sentence: str) -> None:
    assert extract(sentence).claims == ()


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The pilot testified at his trial that the radar had failed.", "The pilot"),
        ("The minister said before the committee that the plan was dead.", "The minister"),
        ('"We ran for the hills," the witness testified.', "the witness"),
    ],
)
def test_testimony_with_a_clause_or_a_quote_is_a_claim(sentence: str, speaker: str) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


def test_a_role_serving_a_person_is_not_that_person() -> None:
    text = "Ines Duarte did not attend. A spokeswoman for Duarte said she was ill."
    assert extract(text).claims[-1].speaker == "A spokeswoman for Duarte"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Two reporters work for the Oslo-based Nordlys television network, which has "
            "rejected the charges against them.",
            "Nordlys television network",
        ),
        (
            "The inspectors came from the Ministry of Health, which has denied the reports.",
            "the Ministry of Health",
        ),
    ],
)
def test_which_points_to_the_body_after_the_last_preposition(sentence: str, speaker: str) -> None:
    assert [d.speaker for d in extract(sentence).denials] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The state-run Harbour News agency said the port was open.", "Harbour News agency"),
        ("The London-based Coast Watch said the spill was hidden.", "Coast Watch"),
    ],
)
def test_where_a_body_sits_or_who_runs_it_is_no_part_of_its_name(
    sentence: str, speaker: str
) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


def test_a_state_run_body_with_no_name_keeps_its_description() -> None:
    claims = extract("The state-run media said the port was open.").claims
    assert [c.speaker for c in claims] == ["The state-run media"]


def test_a_subject_pronoun_right_before_the_verb_is_the_whole_subject() -> None:
    claims = extract(
        "Hundreds of people marched in Hanoi on Sunday against a firm they accuse of "
        "poisoning the river."
    ).claims
    assert [(c.speaker, c.speaker_kind) for c in claims] == [("Hundreds of people", "anonymous")]


@pytest.mark.parametrize(
    ("speaker", "kind"),
    [("Thousands of protesters", "anonymous"), ("Dozens of residents", "anonymous")],
)
def test_a_counted_crowd_is_anonymous(speaker: str, kind: str) -> None:
    claims = extract(f"{speaker} said the water smelled of oil.").claims
    assert [(c.speaker, c.speaker_kind) for c in claims] == [(speaker, kind)]


def test_a_role_after_a_place_is_a_description_of_the_name_before_it() -> None:
    claims = extract("Ola Berg, Bergen deputy mayor, said the quay would reopen.").claims
    assert [c.speaker for c in claims] == ["Ola Berg"]


@pytest.mark.parametrize(
    ("speaker", "kind"),
    [("The coalition", "named"), ("The agency", "named"), ("The state water agency", "official")],
)
def test_the_one_coalition_or_agency_speaks_as_itself(speaker: str, kind: str) -> None:
    claims = extract(f"{speaker} said the strike hit a depot.").claims
    assert [(c.speaker, c.speaker_kind) for c in claims] == [(speaker, kind)]


def test_at_first_between_subject_and_verb_is_when_not_who() -> None:
    claims = extract(
        "The accused firm, Nordhavn Shipping Holdings, at first said the cargo was rice."
    ).claims
    assert [c.speaker for c in claims] == ["Nordhavn Shipping Holdings"]


def test_later_quoted_as_saying_is_the_subjects_claim() -> None:
    claims = extract("A port official was later quoted as saying the cargo was rice.").claims
    assert [c.speaker for c in claims] == ["A port official"]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        (
            "Danish coast guards towed the trawler, saying its engine had failed.",
            "Danish coast guards",
        ),
        ("The riot police fired tear gas, saying the crowd had attacked them.", "The riot police"),
        ("The marchers left the square, saying they would return on Sunday.", "The marchers"),
        # A first adjective, capitalized only as the sentence's first word, coordinated
        # with others before the head noun, perhaps with an aside after it.
        (
            "International and local aid agencies have objected to the move, saying the "
            "island floods.",
            "International and local aid agencies",
        ),
        (
            "Regional and foreign observers, as well as the church, have objected to the "
            "count, saying the tally was late.",
            "Regional and foreign observers",
        ),
        # Near miss: a name before "and" stays the name.
        ("Ruiz and local officials left the square, saying they would return.", "Ruiz"),
    ],
)
def test_a_subject_of_common_nouns_for_people_speaks_for_its_participle(
    sentence: str, subject: str
) -> None:
    claims = extract(sentence).claims
    assert [c.speaker for c in claims] == [subject]


def test_a_pronoun_in_a_relative_clause_is_the_subject_of_common_nouns() -> None:
    claims = extract(
        "Danish coast guards released a video, which they said was filmed from the bridge."
    ).claims
    assert [c.speaker for c in claims] == ["Danish coast guards"]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Danish coast guards towed the trawler.", "Danish coast guards"),
        ("Chinese exports rose in May.", "Chinese"),
        ("Greek harbour fees rose.", "Greek"),
    ],
)
def test_common_nouns_join_the_subject_only_when_they_name_people(
    sentence: str, subject: str
) -> None:
    span = sentence_subject(sentence)
    assert span is not None and sentence[span.start : span.end] == subject


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Appeals court judge Mira Holt on Monday adjourned the hearing, saying the file was "
            "incomplete.",
            "Appeals court judge Mira Holt",
        ),
        (
            "US Harbour spokesman Tom Reed disputed the figures Friday, telling reporters the "
            "port was open.",
            "US Harbour spokesman Tom Reed",
        ),
    ],
)
def test_a_lower_case_title_before_a_name_stays_in_the_subject(sentence: str, speaker: str) -> None:
    assert [c.speaker for c in extract(sentence).claims + extract(sentence).denials] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Lena Park, CEO of Brightwater, said the plant would reopen.", "Lena Park"),
        # A role with its remit after it, the name of its body before the role.
        (
            "Ilse Varga, U.N. special rapporteur on the right to food, said the camps were short "
            "of grain.",
            "Ilse Varga",
        ),
        ("Tomas Reyes, EU coordinator for refugees, said the camp was full.", "Tomas Reyes"),
        # A chain of long descriptions: the name before them all, past the short window.
        (
            "Ilse Varga Molnar, a Hungarian-born economist and adviser to the Central European "
            "Institute for Trade and Development Studies, a think tank in Vienna, said the camp "
            "was full.",
            "Ilse Varga Molnar",
        ),
        # The name beside a body's spokesman is the spokesman's …
        ("A spokesman for the port, Tomas Reyes, said the camp was full.", "Tomas Reyes"),
        # … beside a person's, it is the person served, and the spokesman speaks.
        (
            "A spokesman for the Ruritanian president, Ana Ruiz, said the camp was full.",
            "A spokesman for the Ruritanian president",
        ),
        # A short form in brackets after the name only restates it.
        (
            "The country's largest union, the Harbour Workers Congress (HWC), says it was not "
            "consulted.",
            "the Harbour Workers Congress",
        ),
        (
            "The Office of the Harbour Commissioner, OHC, said on Tuesday that the port was safe.",
            "The Office of the Harbour Commissioner",
        ),
    ],
)
def test_an_apposition_that_only_restates_leaves_the_name_speaking(
    sentence: str, speaker: str
) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Meanwhile, the Kremlin said nothing.", "the Kremlin"),
        ("Last November, the Russian agency blocked the site.", "the Russian agency"),
        ("Earlier this month, the European Commission rejected it.", "the European Commission"),
    ],
)
def test_a_subject_after_a_lead_may_start_with_a_lower_case_article(
    sentence: str, subject: str
) -> None:
    found = sentence_subject(sentence)
    assert found is not None
    assert sentence[found.start : found.end] == subject


def test_it_points_back_to_the_subject_of_the_narration_before() -> None:
    text = (
        "Last November, the Russian agency blocked access to the website. "
        "It said the site was guilty of violating the law."
    )
    (claim,) = extract(text).claims
    assert claim.speaker == "the Russian agency"


def test_it_points_back_to_a_subject_of_common_nouns() -> None:
    (claim,) = extract("The union rejected the offer. It said the pay rise was too small.").claims
    assert claim.speaker == "The union"


def test_she_is_not_the_son_and_with_opens_no_subject() -> None:
    text = (
        "Huot Lykeang was one of several hundred striking workers. Her son lives with her "
        "family in the provinces, and she said that it is getting harder to send money home."
    )
    assert [c.speaker for c in extract(text).claims] == ["Huot Lykeang"]
    assert (
        sentence_subject("With the rebels' defeat days away, the army said it would win.") is None
    )


def test_a_description_with_a_name_beside_it_is_about_the_name() -> None:
    sentence = "The chief engineer of the yard, Petra Lindqvist, answered the critics."
    span = sentence_subject(sentence)
    assert span is not None
    assert sentence[span.start : span.end] == "Petra Lindqvist"


def test_he_after_a_described_name_is_that_person() -> None:
    text = (
        "The chief engineer of the yard, Tomas Brandt, answered the critics on Friday.\n\n"
        '"The hull passed every test," he said.'
    )
    (claim,) = extract(text).claims
    assert claim.speaker == "Tomas Brandt"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Some say the count was rigged.", "Some"),
        ("Many had expected the wage would double.", "Many"),
        ("Some even accuse the mill of poisoning the river.", "Some"),
        ("Few believe the ceasefire will hold.", "Few"),
    ],
)
def test_a_quantifier_alone_speaks_for_unnamed_people(sentence: str, speaker: str) -> None:
    claims = extract(sentence).claims
    assert [(c.speaker, c.speaker_kind) for c in claims] == [(speaker, "anonymous")]


def test_a_quantifier_before_its_noun_stays_in_the_subject() -> None:
    claims = extract("Some 200 growers said the price was too low.").claims
    assert [c.speaker for c in claims] == ["Some 200 growers"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The growers have often said they are paid late.",
        "The growers often say they are paid late.",
        "The growers have sometimes said they are paid late.",
    ],
)
def test_a_frequency_adverb_between_subject_and_verb_is_not_the_subject(sentence: str) -> None:
    claims = extract(sentence).claims
    assert [c.speaker for c in claims] == ["The growers"]


def test_an_official_outlet_is_the_subject_not_an_official() -> None:
    sentence = "Ruritania's official news agency, RNA, reported that the mine had reopened."
    span = sentence_subject(sentence)
    assert span is not None
    assert sentence[span.start : span.end] == "Ruritania's official news agency"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "A statement posted to the agency's website on Monday said the talks had failed.",
            "A statement posted to the agency's website",
        ),
        (
            "A letter delivered to the council on Friday warned that the fund was short.",
            "A letter delivered to the council",
        ),
        # An irregular participle ("sent", "written"), and when it came out.
        (
            "A letter sent to the council warned that the fund was short.",
            "A letter sent to the council",
        ),
        (
            "A statement released after the meeting said the talks had failed.",
            "A statement released after the meeting",
        ),
        (
            "A joint statement issued before the vote said the talks had failed.",
            "A joint statement issued before the vote",
        ),
    ],
)
def test_a_document_with_a_participle_after_it_speaks_as_a_whole(
    sentence: str, speaker: str
) -> None:
    # A document does nothing itself: "posted to", "sent to" after it is passive, so the
    # participle's phrase is part of the subject, not a clause before it.
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


def test_a_clause_of_time_after_a_person_still_bounds_the_speaker() -> None:
    # Only a document's participle carries "after" into the subject: here a person acted.
    text = "The envoy arrived after the meeting ended and officials said it went well."
    assert [c.speaker for c in extract(text).claims] == ["officials"]


def test_a_person_with_a_past_tense_and_a_place_is_still_cut_at_the_verb() -> None:
    # "travelled to Kyiv" is the envoy's act, not a participle: who follows "and" speaks.
    text = "The envoy travelled to Kyiv on Monday and officials said the visit went well."
    assert [c.speaker for c in extract(text).claims] == ["officials"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # A participle after the document noun does not hide the noun.
        (
            "The report presented by the inquiry implicates two senior officials in the fraud.",
            "The report presented by the inquiry",
        ),
        # A draft is a document, which "identifies" as a report does.
        ("The draft also identifies three generals who ordered the raids.", "The draft"),
    ],
)
def test_a_document_verb_finds_its_document_behind_a_participle(
    sentence: str, speaker: str
) -> None:
    claims = extract(sentence).claims
    assert [c.speaker for c in claims] == [speaker]
    # One identified document, not mere reporting: nothing hedges the claim.
    assert [c.hedged for c in claims] == [False]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # An adverb between a passive and its auxiliary: the agent belongs to the clause
        # before, and the subject follows "and".
        (
            "All major media are also controlled by the state and the opposition long "
            "complained it had no voice.",
            "the opposition",
        ),
        (
            "The roads were largely blocked by protesters and the police said the march "
            "was illegal.",
            "the police",
        ),
        # "long" between subject and verb is when, not who.
        ("The union has long argued that the mine is unsafe.", "The union"),
    ],
)
def test_a_passive_with_an_adverb_ends_the_clause_before_the_subject(
    sentence: str, speaker: str
) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # A participle after the head noun takes its own object; the subject is whole.
        (
            "The rebel-led authority administering the region says it is the government.",
            "The rebel-led authority administering the region",
        ),
        # Near miss: a noun with its determiner before it, then a new determiner, opens a
        # relative clause without "that", whose subject speaks.
        ("It is a ruling the company said it would appeal.", "the company"),
    ],
)
def test_a_participle_after_the_head_is_no_reduced_relative(sentence: str, speaker: str) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # An aside set off by dashes between the subject and its verb.
        (
            "The officials - who say they must disclose any threat - said the police were told.",
            "The officials",
        ),
        # People named just before a relative "who" with no article to open a phrase.
        ("On Monday, Ruiz met with prosecutors who told her she would be charged.", "prosecutors"),
        # Near miss: a relative after "the volunteers" keeps the article.
        ("The mayor thanked the volunteers who said the bridge was safe.", "the volunteers"),
    ],
)
def test_an_aside_or_a_relative_who_leaves_the_subject_before_it(
    sentence: str, speaker: str
) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


def test_those_who_say_names_no_source() -> None:
    # Near miss: "Those" is no name, and a generic "those who say" quotes no one.
    assert extract("Those who say the vote was rigged are wrong.").claims == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A participle after an article is an adjective of the subject.
        (
            "The dismissed prime minister told reporters the move broke the law.",
            "The dismissed prime minister",
        ),
        ("The jailed activist told reporters the trial was unfair.", "The jailed activist"),
        # A fronted participle of the subject's leaves the subject after its comma, so "It"
        # later points back to the report, not to "Released".
        (
            "Released Tuesday, the report was written by a Swiss lawmaker. It claims the "
            "prisoners were shot.",
            "the report",
        ),
    ],
)
def test_participles_before_or_opening_the_subject(text: str, speaker: str) -> None:
    assert extract(text).claims[-1].speaker == speaker


def test_the_king_is_the_king_the_report_named() -> None:
    text = (
        "King Gyanendra Tuesday dismissed the government and assumed all powers.\n\n"
        "Speaking on state media, the king said he would rule for three years, but denied he "
        "had staged a coup."
    )
    result = extract(text)
    assert [(d.speaker, d.denied) for d in result.denials] == [
        ("Gyanendra", "he had staged a coup")
    ]
    assert result.claims == ()


def test_a_document_described_after_its_comma_speaks() -> None:
    text = "The report, the second by the senator on the prisons, says the guards were paid."
    assert [c.speaker for c in extract(text).claims] == ["The report"]


def test_a_description_after_a_comma_of_no_document_keeps_its_own_voice() -> None:
    # Near miss: "The talks" are no document; the described phrase is not replaced.
    text = "The talks, the second round this year, say nothing of the border."
    assert all(c.speaker != "The talks" for c in extract(text).claims)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A statement "that said" is its issuer's, as one "saying" is.
        (
            "The aid department released a statement that said rights are central to its work.",
            "The aid department",
        ),
        # A day between a document and "that says".
        (
            "A rights group published a report Tuesday that says the aid is misused.",
            "A rights group",
        ),
        # A body's short form with "the" between commas restates the name before it.
        (
            "A spokesman for the Federal Electoral Institute, the IFE, said the boxes would "
            "be reopened.",
            "A spokesman for the Federal Electoral Institute",
        ),
    ],
)
def test_documents_and_short_forms_leave_the_source_before_them(text: str, speaker: str) -> None:
    assert [c.speaker for c in extract(text).claims] == [speaker]


def test_a_document_no_one_is_said_to_issue_speaks_for_itself() -> None:
    # Near miss: "attacked" issues nothing, so the study is the source.
    claims = extract("Critics attacked a study that said rats developed tumors.").claims
    assert [c.speaker for c in claims] == ["a study"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "One official quoted in the magazine's report cautioned that the estimates could "
            "be wrong.",
            "One official quoted in the magazine's report",
        ),
        ("Officials cited by the paper said the talks had failed.", "Officials cited by the paper"),
    ],
)
def test_a_person_quoted_or_cited_somewhere_still_speaks(text: str, speaker: str) -> None:
    assert [c.speaker for c in extract(text).claims] == [speaker]


def test_what_could_be_wrong_is_a_caution_not_a_denial() -> None:
    assert extract("The minister said the reports could be wrong.").denials == ()
    # Near miss: reports said to be wrong are denied.
    assert len(extract("The minister said the reports were wrong.").denials) == 1


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("A militia spokesman called reporters on Sunday.", "A militia spokesman"),
        ("The militia spokesman said so.", "The militia spokesman"),
        ("The New York Times reported it.", "The New York Times"),
    ],
)
def test_a_sentence_opening_article_then_common_nouns_is_a_subject(
    sentence: str, subject: str
) -> None:
    span = sentence_subject(sentence)
    assert span is not None and sentence[span.start : span.end] == subject


def test_a_thing_that_worked_is_no_subject_for_a_speaker() -> None:
    assert sentence_subject("The plan worked.") is None


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Two suicide bombers attacked a depot, saying it served the army.", "Two suicide bombers"),
        ("Three police officers were hurt, saying the crowd was armed.", "Three police officers"),
        # Near miss: a count that is the whole subject stays whole.
        ("Two said the vote was fair.", "Two"),
    ],
)
def test_a_sentences_count_opens_its_subject_like_an_article(sentence: str, subject: str) -> None:
    span = sentence_subject(sentence)
    assert span is not None and sentence[span.start : span.end] == subject
