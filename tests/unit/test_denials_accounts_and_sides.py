"""Denials decided by what is rejected and by whom: an account called partial ("biased",
"one-sided") or not recognized, doubts waved away ("dismissed questions about …"), a source
denying for its own side ("said her client does not accept the charges"), and a speaker who
has denied once and goes on to negate its own doing. Near misses in each case: a policy
called unfair, a person not recognized, an opinion brushed aside, a plan. Every sentence is
written for this suite."""

from __future__ import annotations

import pytest

from briefings.extract import extract

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("sentence", "speaker", "denied"),
    [
        (
            'The railway operator called the inspectors\' report "biased" and unfair.',
            "The railway operator",
            "the inspectors' report",
        ),
        (
            "The glassworks described the study as one-sided.",
            "The glassworks",
            "the study",
        ),
        (
            'The council called the auditors\' findings "irresponsible".',
            "The council",
            "the auditors' findings",
        ),
        (
            "In a statement, the museum said it was hurt by the article, which it called "
            '"slanted".',
            "the museum",
            "the article",
        ),
    ],
)
def test_an_account_called_partial_is_denied(sentence: str, speaker: str, denied: str) -> None:
    result = extract(sentence)
    assert [(d.speaker, d.denied) for d in result.denials] == [(speaker, denied)]
    assert result.claims == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "The farmers' union called the new fuel tax unfair.",
        "The coach described the referee as biased.",
    ],
)
def test_a_policy_or_a_person_called_partial_is_not_a_denial(sentence: str) -> None:
    assert extract(sentence).denials == ()


# --- "does not recognize the allegations" ---------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        ('The orchestra does "not recognize" the allegations.', "the allegations"),
        ("The brewery does not recognise the charges.", "the charges"),
        ("The brewery refused to recognise the findings.", "the findings"),
    ],
)
def test_not_recognizing_an_account_denies_it(sentence: str, denied: str) -> None:
    assert [d.denied for d in extract(sentence).denials] == [denied]


@pytest.mark.parametrize(
    "sentence",
    [
        "The league does not recognize the breakaway club.",
        "The witness did not recognize the man in the photograph.",
    ],
)
def test_not_recognizing_a_thing_or_a_person_denies_nothing(sentence: str) -> None:
    assert extract(sentence).denials == ()


# --- a source denying for its own side --------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The brewery's lawyer said Monday her client does not accept the charges.",
        "The brewery's lawyer said Monday it rejects the findings.",
    ],
)
def test_a_source_that_denies_for_its_own_side_is_the_denial_not_a_claim(sentence: str) -> None:
    result = extract(sentence)
    assert [d.speaker for d in result.denials] == ["The brewery's lawyer"]
    assert result.claims == ()


def test_a_denial_by_another_named_party_stays_that_partys() -> None:
    result = extract("A local paper reported that the brewery denied the allegations.")
    assert [d.speaker for d in result.denials] == ["the brewery"]
    assert [c.speaker for c in result.claims] == ["A local paper"]


# --- a denier who goes on to negate its own part ---------------------------------------------


def test_a_speaker_who_denied_and_then_negates_its_own_doing_denies_again() -> None:
    text = (
        "Harbour Commissioner Ida Holm has denied reports that she took money from a "
        "shipping firm. Ms. Holm told reporters in the old town of Split on Friday that she "
        "had never met the firm's owners.\n\n"
        "She said she would not resign."
    )
    result = extract(text)
    assert [d.sentence_index for d in result.denials] == [0, 1]
    # "would not resign" is a plan, not the denial of her own doing: it stays a claim.
    # (The reports she denied, given nowhere else, are a claim of their own.)
    assert [(c.sentence_index, c.speaker) for c in result.claims] == [
        (0, "reports"),
        (2, "Ida Holm"),
    ]


def test_a_negated_statement_without_an_earlier_denial_stays_a_claim() -> None:
    text = "Harbour Commissioner Ida Holm spoke on Friday. She said she was not at the meeting."
    result = extract(text)
    assert result.denials == ()
    assert len(result.claims) == 1


# --- doubts waved away ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        (
            "The harbour master dismissed questions about the depth of the channel.",
            "questions about the depth of the channel",
        ),
        (
            "The harbour master dismissed concerns that the channel was too shallow.",
            "concerns that the channel was too shallow",
        ),
        (
            "The club brushed aside fears over the goalkeeper's knee.",
            "fears over the goalkeeper's knee",
        ),
    ],
)
def test_doubts_waved_away_are_denied(sentence: str, denied: str) -> None:
    assert [d.denied for d in extract(sentence).denials] == [denied]


@pytest.mark.parametrize(
    "sentence",
    [
        "The harbour master dismissed questions from reporters.",
        "The coach has brushed aside criticism of his tactics.",
        "The board dismissed the coach after the defeat.",
    ],
)
def test_waving_away_an_opinion_or_a_person_denies_nothing(sentence: str) -> None:
    assert extract(sentence).denials == ()


@pytest.mark.parametrize(
    "text",
    [
        'Rivals accused the coach of fixing the match. "It\'s a lie," the coach said.',
        "Rivals accused the coach of fixing the match. “That’s untrue,” the coach said.",
    ],
)
def test_a_contracted_it_is_a_lie_is_a_denial(text: str) -> None:
    result = extract(text)
    assert [d.speaker for d in result.denials] == ["the coach"]
    assert result.denials[0].targets == (0,)


def test_a_contracted_verb_with_a_fine_predicate_is_no_denial() -> None:
    assert extract('"It\'s a fair deal," the coach said.').denials == ()


def test_allegations_called_baseless_by_an_inverted_source_are_no_claim_of_their_own() -> None:
    result = extract(
        "The allegations that the port hid the spill are baseless, said harbour master Ola Berg."
    )
    assert result.claims == ()
    assert [d.speaker for d in result.denials] == ["harbour master Ola Berg"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The engineers said they never stated that the bridge was unsafe.", "The engineers"),
        ("The coach said he did not say that the referee was bribed.", "The coach"),
        ("Ana Duarte said she had never claimed that the votes were forged.", "Ana Duarte"),
    ],
)
def test_words_put_in_a_speakers_mouth_and_disowned_are_a_denial(
    sentence: str, speaker: str
) -> None:
    result = extract(sentence)
    assert [d.speaker for d in result.denials] == [speaker]
    assert result.claims == ()


def test_a_report_that_never_said_something_is_the_narrators_remark() -> None:
    assert extract("The audit never said that the bridge was unsafe.").denials == ()


def test_they_after_a_part_of_a_group_is_that_part() -> None:
    text = (
        "Ten of the engineers wrote to the council. "
        "They said they never stated that the bridge was unsafe."
    )
    assert [d.speaker for d in extract(text).denials] == ["Ten of the engineers"]


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        (
            "The ferry line retracted its report about the crash.",
            "its report about the crash",
        ),
        ("The witness recanted her testimony.", "her testimony"),
        (
            "The magazine withdrew the allegations against the coach.",
            "the allegations against the coach",
        ),
    ],
)
def test_a_retraction_of_an_account_denies_it(sentence: str, denied: str) -> None:
    assert [d.denied for d in extract(sentence).denials] == [denied]


@pytest.mark.parametrize(
    "sentence",
    ["The army withdrew its troops from the town.", "The bidder withdrew its offer on Friday."],
)
def test_withdrawing_troops_or_an_offer_is_no_denial(sentence: str) -> None:
    assert extract(sentence).denials == ()


def test_the_counted_group_is_named_as_it_was_counted() -> None:
    text = (
        "The council received a letter from four of the engineers. "
        "The four withdrew the claim that the bridge was unsafe."
    )
    assert [d.speaker for d in extract(text).denials] == ["four of the engineers"]


def test_a_counted_time_is_not_the_counted_group() -> None:
    # "three years' probation" counts years; "all three" who reject are the people.
    text = (
        "The three engineers were fined, and all three face three years' probation, "
        "a lawyer said. The lawyer added that all three rejected the accusations."
    )
    assert [d.speaker for d in extract(text).denials] == ["three engineers"]


@pytest.mark.parametrize(
    ("sentence", "speaker", "denied"),
    [
        (
            "Port director Ola Berg called it unacceptable for the union to blame the port "
            "for the spill.",
            "Port director Ola Berg",
            "for the union to blame the port for the spill",
        ),
        (
            "The minister called it irresponsible to accuse the police of the killings.",
            "The minister",
            "to accuse the police of the killings",
        ),
    ],
)
def test_calling_the_accusing_itself_wrong_rejects_the_accusation(
    sentence: str, speaker: str, denied: str
) -> None:
    result = extract(sentence)
    assert [(d.speaker, d.denied) for d in result.denials] == [(speaker, denied)]
    assert result.claims == ()


def test_calling_a_plan_unfair_is_a_claim_not_a_denial() -> None:
    result = extract("The coach called it unfair.")
    assert [c.speaker for c in result.claims] == ["The coach"]
    assert result.denials == ()


@pytest.mark.parametrize(
    "sentence", ["The club called it off.", "The council refused to condemn the attack."]
)
def test_no_judgment_or_an_infinitive_stance_is_no_claim(sentence: str) -> None:
    assert extract(sentence).claims == ()


def test_he_after_a_role_that_stood_for_a_person_is_that_person() -> None:
    text = (
        "Former mayor Ines Duarte went on trial on Monday. "
        "The former mayor first took office in 2009. "
        "She has dismissed the charges against her as lies."
    )
    assert [d.speaker for d in extract(text).denials] == ["Ines Duarte"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The shipyard's director says the delays should not be blamed on the welders.",
            "The shipyard's director",
        ),
        ("The union said the crew was not to blame for the crash.", "The union"),
        ("The coach said the loss cannot be blamed on the referee.", "The coach"),
    ],
)
def test_blame_lifted_from_someone_is_a_denial(sentence: str, speaker: str) -> None:
    result = extract(sentence)
    assert [d.speaker for d in result.denials] == [speaker]


def test_blame_laid_on_someone_is_a_claim() -> None:
    result = extract("The fire should be blamed on the landlord, the tenants said.")
    assert [c.speaker for c in result.claims] == ["the tenants"]
    assert result.denials == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor said the case against him has no basis.",
        "Her lawyer said the case against her was politically motivated.",
    ],
)
def test_the_case_against_someone_called_baseless_is_a_denial(sentence: str) -> None:
    denials = extract(sentence).denials
    assert len(denials) == 1
    assert denials[0].denied.startswith("the case against")


def test_a_case_against_no_one_is_not_an_account() -> None:
    # A court case in general (a lawsuit over a bridge) is no account of what someone did.
    assert extract("The mayor said the case was politically motivated.").denials == ()


@pytest.mark.parametrize(
    ("sentence", "speaker", "kind"),
    [
        (
            "Port officials said they failed to find evidence linking the spill to the ferry.",
            "Port officials",
            "official",
        ),
        (
            "An official investigation has found no links between the fire and the plant.",
            "An official investigation",
            "official",
        ),
    ],
)
def test_an_empty_search_reported_by_its_searcher_is_a_denial(
    sentence: str, speaker: str, kind: str
) -> None:
    denials = extract(sentence).denials
    assert [(d.speaker, d.speaker_kind) for d in denials] == [(speaker, kind)]


@pytest.mark.parametrize(
    "sentence",
    ["The divers failed to find the wreck.", "The team has found no trace of the boat."],
)
def test_a_search_with_no_source_reporting_it_is_narration(sentence: str) -> None:
    assert extract(sentence).denials == ()


@pytest.mark.parametrize(
    "sentence",
    [
        # An act of force charged, flatly negated by the side said to have done it.
        "The army said it has not carried out any air strikes in the province.",
        "The police said they did not fire any shots at the marchers.",
        # A search that came up empty, in the speaker's own words.
        '"We have not been able to find any attempts of hacking," the election chief said.',
        # Those harmed, said not to be what they were called.
        '"Not one of them was a fighter," said the medic.',
        # An account said not to be the reality.
        '"And that is not the reality," the union leader said.',
        # An account's issuing denied for what was said, a crossing, a movement.
        '"The police never issued such a warning," the spokesman said.',
        "The foreign minister said the fugitive had not crossed the border.",
        '"Not a single soldier was moved in the valley," said the spokesman.',
    ],
)
def test_a_negated_act_search_or_label_is_a_denial(sentence: str) -> None:
    result = extract(sentence)
    assert len(result.denials) == 1
    assert result.claims == ()


@pytest.mark.parametrize(
    "sentence",
    [
        # Near misses: work not yet done, and a reality described, deny nothing.
        "The team has not carried out any tests yet, the coach said.",
        "Officials said the reality is not the same everywhere.",
        '"We have not been able to confirm any of it," the editor said.',
        # An aim is no fact denied, and a final not yet reached no crossing.
        '"They want to make sure there is no military presence there," the spokesman said.',
        "The coach said the team had not entered the final yet.",
    ],
)
def test_work_not_done_or_a_reality_described_is_no_denial(sentence: str) -> None:
    assert extract(sentence).denials == ()


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        (
            'The minister said the reasons for the tariffs "lack basis" and are not '
            "underpinned by facts.",
            "the reasons for the tariffs",
        ),
        ("The coach said the allegations lack credibility.", "the allegations"),
    ],
)
def test_grounds_said_to_lack_a_basis_are_denied(sentence: str, denied: str) -> None:
    assert [d.denied for d in extract(sentence).denials] == [denied]


def test_a_plan_that_lacks_money_is_no_denial() -> None:
    assert extract("The plan lacks funding, the mayor said.").denials == ()


def test_a_participle_calling_charges_false_is_the_subjects_denial() -> None:
    result = extract(
        "The paper's editors have defended their coverage, calling the charges against "
        'their reporters "absurd, baseless and false."'
    )
    assert [d.speaker for d in result.denials] == ["The paper's editors"]
    assert result.claims == ()


@pytest.mark.parametrize(
    "text",
    [
        # The accusation after a lead denial.
        "Borduria on Monday denied any role in the bombing of the Ruritanian grain depot.\n\n"
        "In a statement, Ruritania blamed the bombing on Borduria and its allies.\n\n"
        "Local media said two men on a motorcycle had planted the bomb at the grain depot.",
        # The accusation before the denial.
        "Local media said two men on a motorcycle had planted the bomb at the grain depot.\n\n"
        "Ruritania's interior minister accused Borduria of organizing the bombing.\n\n"
        "Borduria denied any involvement in the bombing of the grain depot.",
    ],
)
def test_a_party_disowning_an_act_answers_the_accusation_that_names_it(text: str) -> None:
    # Local media tell more of the bombing in the denial's words, but only the accusation
    # names the party that denies: that is what the denial answers.
    result = extract(text)
    (denial,) = result.denials
    assert [result.claims[t].speaker for t in denial.targets] == [
        next(c.speaker for c in result.claims if "Ruritania" in c.speaker)
    ]
