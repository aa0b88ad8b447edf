"""General news grammar the engine must read, one construction per test, in sentences written
for this suite (wire datelines, quote-first attributions, fronted "according to", anonymity
clauses, pending cues, question templates)."""

from __future__ import annotations

import logging

import pytest

from briefings.extract import extract
from briefings.model import Claim, Extraction, Report

pytestmark = pytest.mark.unit


def _only_claim(result: Extraction) -> Claim:
    assert len(result.claims) == 1, result.claims
    return result.claims[0]


def test_a_dateline_is_neither_speaker_nor_content() -> None:
    text = (
        "LIMA (Andes Wire) - Copper exports rose 12 percent in May, the mining ministry said "
        "on Tuesday."
    )
    claim = _only_claim(extract(text))
    assert claim.speaker == "the mining ministry"
    assert claim.content == "Copper exports rose 12 percent in May"
    assert not claim.hedged  # "May" the month is no modal


def test_a_dateline_of_city_and_country_is_not_part_of_the_speaker() -> None:
    text = "MOSUL, NORTHERN IRAQ - The governor's spokesman said the town was calm."
    claim = _only_claim(extract(text))
    assert claim.speaker == "The governor's spokesman"


@pytest.mark.parametrize("dateline", ["Lima, Peru, Aug. 21, 2007 - ", "Lima, March 3, 2010 - "])
def test_a_dateline_in_title_case_with_its_date_is_not_part_of_the_speaker(dateline: str) -> None:
    claim = _only_claim(extract(dateline + "The mining minister said exports rose."))
    assert claim.speaker == "The mining minister"


def test_a_coordinated_verb_after_a_dateline_speaks_for_the_subject() -> None:
    text = (
        "Lima, Peru, Aug. 21, 2007 - Ana Ruiz, the mining minister, rejected a report that "
        "blamed the mine and accused its authors of bias."
    )
    result = extract(text)
    assert [d.speaker for d in result.denials] == ["Ana Ruiz"]
    assert all(c.speaker == "Ana Ruiz" for c in result.claims)


def test_quote_first_with_an_audience_takes_the_quote() -> None:
    text = '"We will not sign this deal," Trade Minister Ana Ruiz told a news conference in Quito.'
    claim = _only_claim(extract(text))
    assert claim.speaker.endswith("Ana Ruiz")
    assert claim.content == "We will not sign this deal"


def test_fronted_according_to_takes_the_main_clause() -> None:
    text = "According to two diplomats familiar with the talks, the envoy has proposed a truce."
    claim = _only_claim(extract(text))
    assert claim.speaker == "two diplomats familiar with the talks"
    assert claim.speaker_kind == "anonymous"
    assert claim.content == "the envoy has proposed a truce"


def test_a_source_speaking_on_condition_of_anonymity_is_anonymous() -> None:
    text = (
        "A senior official, who spoke on condition of anonymity because the talks are "
        "private, said the offer could be withdrawn."
    )
    claim = _only_claim(extract(text))
    assert claim.speaker == "A senior official"
    assert claim.speaker_kind == "anonymous"
    assert claim.hedged


def test_a_spokesperson_for_a_named_ministry_keeps_the_whole_phrase() -> None:
    text = (
        "A spokesperson for the Russian Foreign Ministry told reporters that no decision had "
        "been made."
    )
    claim = _only_claim(extract(text))
    assert claim.speaker == "A spokesperson for the Russian Foreign Ministry"
    assert claim.speaker_kind == "official"


def test_was_quoted_as_saying_and_a_postposed_report() -> None:
    result = extract(
        "The chief executive, Maria Lind, was quoted as saying last month that sales had "
        "doubled. The firm is weighing a sale of its shipping arm, the newspaper Dagbladet "
        "reported on Monday."
    )
    speakers = [c.speaker for c in result.claims]
    # The outlet by its name: "the newspaper" describes it.
    assert speakers == ["Maria Lind", "Dagbladet"]
    assert result.claims[0].content == "sales had doubled"


def test_rejected_suggestions_run_to_the_end_of_their_clause() -> None:
    text = (
        "Russian officials, however, rejected suggestions that Moscow had agreed to resume "
        'shipments, calling the reports "pure speculation."'
    )
    [denial] = extract(text).denials
    assert denial.denied == "suggestions that Moscow had agreed to resume shipments"


def test_a_quoted_no_truth_and_a_negated_counter_claim_in_a_continued_quote() -> None:
    result = extract(
        'A police spokesman said there was "no truth" to the rumours.\n\n'
        '"The evidence is clear," the coach said. "We have found no sign of doping."'
    )
    assert [d.denied for d in result.denials] == ["the rumours", "sign of doping"]


def test_a_question_is_not_a_claim() -> None:
    assert extract("Can you confirm that the ship has left?").claims == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "The central bank is expected to announce its decision next week.",
        "The talks are due to resume in Istanbul on Monday.",
        "No date has been set for the vote.",
        "The regulator has yet to rule on the merger.",
        "It is not yet clear who will lead the team.",
        "The treaty still needs approval from parliament.",
        "The treaty must still be ratified by the Senate.",
        "The treaty requires ratification by both parliaments.",
        "The two leaders did not say when they would meet again.",
        "The ministry would not say whether the treaty was signed.",
    ],
)
def test_pending_cues_raise_an_open_question(sentence: str) -> None:
    [question] = extract(sentence).open_questions
    assert question.kind == "pending"
    assert question.evidence == (sentence,)


def test_a_standing_requirement_awaits_nothing() -> None:
    assert extract("The drug requires approval before sale.").open_questions == ()


def test_hedged_narration_with_no_source_is_unconfirmed() -> None:
    sentence = "About 300 people are believed to have fled the town."
    [question] = extract(sentence).open_questions
    assert question.kind == "unconfirmed"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The offer could still be withdrawn, two officials said.", "two officials"),
        ("The offer could still be withdrawn, a Western diplomat said.", "a Western diplomat"),
        ("The offer could still be withdrawn, sources said.", "sources"),
    ],
)
def test_question_templates_need_no_verb_agreement(text: str, speaker: str) -> None:
    [question] = extract(text).open_questions
    assert question.question == (
        f"Is it confirmed that “The offer could still be withdrawn”, according to {speaker}?"
    )


def test_contested_questions_keep_unrelated_neighbours_out() -> None:
    text = (
        "Moscow has agreed to resume grain shipments, two diplomats said. Russian officials "
        "rejected suggestions that Moscow had agreed to resume shipments. Analysts said wheat "
        "prices fell 3 percent on the news."
    )
    contested = [q for q in extract(text).open_questions if q.kind == "contested"]
    assert len(contested) == 1
    assert all("wheat" not in e for e in contested[0].evidence)
    assert "who rejected" in contested[0].question


def test_the_source_closing_the_sentence_speaks_the_clause_before_it() -> None:
    text = (
        "Turkey expects a grain deal within days, Foreign Minister Hakan Fidan said on Wednesday."
    )
    claim = _only_claim(extract(text))
    assert claim.speaker.endswith("Hakan Fidan")
    assert claim.content == "Turkey expects a grain deal within days"
    assert claim.hedged  # a forecast


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        (
            "Mensah, who has always denied taking banned substances, will appeal.",
            "taking banned substances",
        ),
        ("The firm disputed that figure, saying most users paid less.", "that figure"),
        (
            "The spokesman said the strike hit empty tanks, adding that no one had been hurt.",
            "no one had been hurt",
        ),
    ],
)
def test_denial_constructions(text: str, denied: str) -> None:
    [denial] = extract(text).denials
    assert denial.denied == denied


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        (
            'Beijing dismissed as "groundless" reports that its diplomats were spies.',
            "reports that its diplomats were spies",
        ),
        ('The minister\'s office said the report was "pure fiction."', "the report"),
        # A quote opened inside the clause before a closing speaker: the clause is his.
        ('The reports are "pure fiction," the minister said.', "The reports"),
        ("Union officials said no such offer had been made.", "offer"),
    ],
)
def test_more_denial_wording(text: str, denied: str) -> None:
    [denial] = extract(text).denials
    assert denial.denied == denied
    # Only the account the denial spells out, when it is one given nowhere else.
    assert all(i in denial.targets for i in range(len(extract(text).claims)))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # The content stays one verbatim stretch of the sentence: the comma or period inside
        # the closing mark stays too, as printed.
        ('The plan is "a good start," the minister said.', 'The plan is "a good start,"'),
        ("The plan is “a good start,” the minister said.", "The plan is “a good start,”"),
        ('The minister said the plan was "a good start."', 'the plan was "a good start."'),
        ('The minister said: "The plan is a good start."', "The plan is a good start"),
        # The near miss: a whole quote before its speaker is the quote, without its marks.
        ('"The plan is a good start," the minister said.', "The plan is a good start"),
        ('BERLIN - "The plan is a good start," the minister said.', "The plan is a good start"),
    ],
)
def test_a_quote_opened_inside_the_content_keeps_its_closing_mark(text: str, content: str) -> None:
    assert _only_claim(extract(text)).content == content


@pytest.mark.parametrize(
    "text",
    [
        "The minister said in an interview with CNN that the plan was dead.",
        "The minister has said repeatedly that the plan was dead.",
        "The minister said over the weekend that the plan was dead.",
        "The minister said during a phone call that the plan was dead.",
        "The minister wrote on her Telegram channel that the plan was dead.",
        "The minister posted on social media that the plan was dead.",
    ],
)
def test_a_setting_or_adverb_before_that_is_no_part_of_the_content(text: str) -> None:
    assert _only_claim(extract(text)).content == "the plan was dead"


def test_a_post_with_no_that_clause_reports_nothing() -> None:
    assert not extract("The firm posted a loss that surprised analysts.").claims


def test_a_clause_before_that_stays_in_the_content() -> None:
    text = "The minister said the evidence showed that the plan was dead."
    assert _only_claim(extract(text)).content == "the evidence showed that the plan was dead"


def test_a_lone_capital_after_on_can_end_a_sentence() -> None:
    text = '"I am staying," he wrote in a post on X. The premier backed him. J. Smith agreed.'
    assert len(extract(text).claims) == 1
    from briefings.segment import split_sentences

    assert [s.text[:5] for s in split_sentences(text)] == ['"I am', "The p", "J. Sm"]


def test_a_group_named_again_keeps_its_anonymity() -> None:
    text = (
        "A deal is close, two officials briefed on the talks said. One of the officials said "
        "the gaps were small."
    )
    kinds = [c.speaker_kind for c in extract(text).claims]
    assert kinds == ["anonymous", "anonymous"]


def test_a_relative_clause_without_that_leaves_its_subject_as_speaker() -> None:
    text = "The court fined the firm, a ruling the company said it would appeal."
    claim = _only_claim(extract(text))
    assert claim.speaker == "the company"


def test_a_denial_of_a_sources_account_targets_that_source() -> None:
    text = (
        "The union said maintenance budgets had been cut by a third. The operator said the "
        "fire was caused by lightning. The operator called the union's account "
        '"misleading."'
    )
    result = extract(text)
    [denial] = result.denials
    assert [result.claims[t].speaker for t in denial.targets] == ["The union"]


def test_a_finding_of_nothing_answers_the_accusation_before_it() -> None:
    text = (
        "The candidate claimed that thousands of votes were forged. The electoral council "
        "said it had found no irregularities that could have changed the result."
    )
    result = extract(text)
    [denial] = result.denials
    assert denial.targets == (0,)


def test_firms_are_organizations_not_people() -> None:
    text = (
        "Mobile operator Hanbit Telecom said it had closed the server. The manufacturer, "
        "Helvion Biologics, said its freezers worked. Minister Ana Ruiz said nothing."
    )
    entities = extract(text).entities
    assert {"Hanbit Telecom", "Helvion Biologics"} <= set(entities.organizations)
    assert entities.people == ("Ana Ruiz",)


def test_no_offer_received_answers_the_report_before_it() -> None:
    text = (
        "The striker has agreed terms with a rival club, a sports daily reported. His club "
        "said no offer had been received."
    )
    result = extract(text)
    [denial] = result.denials
    assert denial.denied == "no offer had been received"
    assert denial.targets == (0,)


def test_a_professor_of_an_institution_is_the_person() -> None:
    text = '"Claims need evidence," said Professor Ruth Okoye of Imperial College London.'
    assert _only_claim(extract(text)).speaker == "Ruth Okoye"


def test_a_sentence_initial_adjective_names_nobody() -> None:
    text = "Independent physicists cautioned that the data had not been released."
    claim = _only_claim(extract(text))
    assert (claim.speaker, claim.speaker_kind) == ("Independent physicists", "anonymous")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Military analysts said the images were new.", "anonymous"),
        ("An internal document seen by Ledger Line said the bonus was large.", "anonymous"),
        ("The defence ministry said the images were old.", "official"),
    ],
)
def test_speaker_kinds_by_head_noun(text: str, kind: str) -> None:
    assert _only_claim(extract(text)).speaker_kind == kind


def test_a_denied_figure_points_back_to_the_claim_it_answers() -> None:
    text = (
        "The chief executive will receive a bonus of 12 million, according to an internal "
        'document. The bank said the figure was "simply wrong."'
    )
    [denial] = extract(text).denials
    assert denial.targets == (0,)


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("The mayor hit back at the claims, saying the tender was fair.", "the claims"),
        (
            'The provider said reports of a nine-hour outage were "greatly exaggerated."',
            "reports of a nine-hour outage",
        ),
        ('The company branded the report "fake news."', "the report"),
        ('The ministry described the report as "slander."', "the report"),
        ("The ministry dismissed the claims as unsubstantiated.", "the claims"),
        ("The figures are erroneous, the ministry said.", "The figures"),
        ('"It is a rumor," the police spokesman said.', "It"),
    ],
)
def test_rejections_in_other_words(text: str, denied: str) -> None:
    [denial] = extract(text).denials
    assert denial.denied == denied


def test_a_noun_with_a_participle_and_its_agent_still_speaks() -> None:
    text = "Three of the workers named by the inspector said they had followed the rules."
    assert [c.speaker for c in extract(text).claims] == [
        "Three of the workers named by the inspector"
    ]


def test_a_he_after_a_passive_agent_is_that_agent() -> None:
    text = (
        "The complaint was filed by a former employee on Friday, in which he said the "
        "accounts had been altered."
    )
    assert [c.speaker for c in extract(text).claims] == ["a former employee"]


def test_a_pronoun_reaches_back_over_a_long_stretch_of_narration() -> None:
    # The look-back for a pronoun's antecedent is bounded (an unresolved "he" must not
    # rescan a whole long text), but not so tightly that a feature story loses its speaker.
    narration = " ".join(f"The harbour handled {n} ships in week {n}." for n in range(1, 31))
    text = (
        "Port director Tomas Varga said the new crane would arrive in May. "
        f"{narration} He said the delay had cost the port two contracts."
    )
    claims = extract(text).claims
    assert [c.speaker for c in claims] == ["Port director Tomas Varga", "Port director Tomas Varga"]


def test_a_failing_rule_leaves_the_report_without_items_and_says_so_in_the_log(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import briefings.extract as engine

    def broken(*args: object) -> object:
        raise RuntimeError("a rule tripped")

    monkeypatch.setattr(engine, "find_open_questions", broken)
    report = Report(id="r-77", title="", text="The mayor said the bridge would reopen in June.")
    with caplog.at_level(logging.ERROR, logger="briefings.extract"):
        result = extract(report)
    assert result == Extraction()
    assert any("r-77" in record.getMessage() and record.exc_info for record in caplog.records), (
        caplog.text
    )


def test_a_thousands_separator_is_not_a_clause_comma() -> None:
    # After a subordinator ("while X said …") the content runs to the next clause comma;
    # the comma inside "18,500" is part of the number.
    claims = extract(
        "Stewards said 3,200 fans were turned away, while the club said 18,500 had tickets."
    ).claims
    assert [(c.speaker, c.content) for c in claims] == [
        ("Stewards", "3,200 fans were turned away"),
        ("the club", "18,500 had tickets"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ms. Okafor says the mill does not burn coal in Lagos and she rejects the accusations.",
            "Ms. Okafor",
        ),
        ("The firm admits the delay but he disputes the report.", "he"),
    ],
)
def test_a_pronoun_after_and_or_but_is_the_whole_subject_of_its_clause(
    text: str, speaker: str
) -> None:
    # "… in Lagos and she rejects": a new clause, not "Lagos and she" as one subject.
    assert [d.speaker for d in extract(text).denials][-1] == speaker


def test_a_name_coordinated_with_i_stays_one_subject() -> None:
    assert [c.speaker for c in extract("Ana and I said the pitch was flooded.").claims] == [
        "Ana and I"
    ]


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("The minister said the treaty seemed dead.", True),
        ("The minister said it was possible that the treaty was dead.", True),
        ("The minister said he thought the treaty was dead.", True),
        # Near misses: a superlative, a noun, an appearance in court.
        ("The minister said the treaty was the best possible outcome.", False),
        ("The minister said the thought of a treaty was absurd.", False),
        ("The minister said the envoy appeared in court on Monday.", False),
    ],
)
def test_an_impression_a_possibility_or_a_belief_hedges(text: str, hedged: bool) -> None:
    assert _only_claim(extract(text)).hedged is hedged


def test_rumors_told_as_spreading_are_still_reported() -> None:
    result = extract("Rumors spread that the minister had resigned, officials said.")
    assert result.denials == ()
    assert [c.speaker for c in result.claims] == ["officials"]
