"""More reporting frames of ordinary news English: negated verbs glued to "n't", free
relatives ("what she said was"), sources that issue a document, appositions left open,
closing "according to", nominal sources, bare "there are reports", progressive "is
reporting", appeals, blame, and the kinds of speakers that name a body or hide a person.
Every sentence is written for this suite, in domains the rules were not tuned on."""

from __future__ import annotations

import pytest

from briefings.claims import find_attributions
from briefings.extract import extract
from briefings.hedges import hedge_cue
from briefings.model import Claim, Extraction
from briefings.quotes import quote_spans
from briefings.speaker_kinds import classify_speaker
from briefings.subjects import sentence_subject

pytestmark = pytest.mark.unit


def _only_claim(result: Extraction) -> Claim:
    assert len(result.claims) == 1, result.claims
    return result.claims[0]


# --- negation glued to its auxiliary -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The league didn’t say whether the match would be replayed.",
        "The airline hasn't confirmed that the flight was diverted.",
        "The museum cannot say when the painting will return.",
    ],
)
def test_a_negated_reporting_verb_attributes_nothing(sentence: str) -> None:
    assert extract(sentence).claims == ()


# --- free relatives ---------------------------------------------------------------------


def test_what_a_source_said_were_is_that_sources_claim() -> None:
    result = extract(
        "Captain Lena Moss spoke to the crew. It was late when Captain Moss turned back, "
        "citing what she said were unsafe winds over the reef."
    )
    claim = _only_claim(result)
    assert claim.speaker == "Lena Moss"
    assert claim.content.startswith("were unsafe winds")


def test_what_a_source_said_with_no_predicate_attributes_nothing() -> None:
    assert extract("The chef repeated what she said last spring.").claims == ()


def test_a_free_relative_opening_the_sentence_is_not_part_of_the_speaker() -> None:
    claim = _only_claim(extract("What the harbour master said was that the pier would close."))
    assert claim.speaker == "the harbour master"


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "The ferry was turned back at the lock, which inspectors say was damaged in the flood.",
            "inspectors",
            "was damaged in the flood",
        ),
        (
            "Guards stopped a driver who witnesses said was not carrying any papers.",
            "witnesses",
            "was not carrying any papers",
        ),
        (
            "The board sold a painting that the Regional Arts Council of Northern Lapland "
            "says had been stolen.",
            "the Regional Arts Council of Northern Lapland",
            "had been stolen",
        ),
    ],
)
def test_a_source_inside_a_relative_clause_speaks_its_predicate(
    sentence: str, speaker: str, content: str
) -> None:
    claim = _only_claim(extract(sentence))
    assert (claim.speaker, claim.content) == (speaker, content)


def test_a_relative_clause_about_reports_reports_nothing() -> None:
    assert extract("The reports that were printed on Friday have been archived.").claims == ()
    assert extract("Accusations that have circulated for years resurfaced.").claims == ()


# --- who speaks ----------------------------------------------------------------------------


def test_key_figures_of_a_community_are_a_source() -> None:
    claim = _only_claim(
        extract("In recent weeks, leading figures in the chess world have stated they oppose it.")
    )
    assert claim.speaker == "leading figures in the chess world"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The rail operator released a statement on Monday saying the line may reopen soon.",
            "The rail operator",
        ),
        ("The nurses' union has put out a bulletin urging members to vote.", "The nurses' union"),
        ("The zoo published an article saying the panda is healthy.", "The zoo"),
    ],
)
def test_whoever_issues_a_document_speaks_through_it(sentence: str, speaker: str) -> None:
    assert _only_claim(extract(sentence)).speaker == speaker


def test_a_document_someone_only_received_still_speaks_for_itself() -> None:
    atts = find_attributions("Rangers received a letter saying the trail was closed.")
    assert [a.speaker for a in atts] == ["a letter"]


def test_official_before_a_noun_is_an_adjective_not_a_role() -> None:
    claim = _only_claim(
        extract("The country's official Tern Press Agency said the harvest had doubled.")
    )
    assert claim.speaker_kind == "named"


def test_a_name_whose_apposition_lacks_its_closing_comma_speaks() -> None:
    claim = _only_claim(
        extract("Tove Lind, head of forecasting at the Nordic Weather Desk said snow would come.")
    )
    assert claim.speaker == "Tove Lind"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # After an opening time phrase, the name still opens the clause.
        (
            "Yesterday, Tove Lind, head of forecasting at the weather desk said snow would come.",
            "Tove Lind",
        ),
        # A title may open the name, and stand inside one ("Sharif Sheikh Ahmed").
        (
            "Sheikh Omar Sheikh Hassan, leader of the coastal council said the truce would hold.",
            "Sheikh Omar Sheikh Hassan",
        ),
    ],
)
def test_an_unclosed_apposition_after_a_time_or_with_a_title_still_gives_the_name(
    text: str, speaker: str
) -> None:
    assert _only_claim(extract(text)).speaker == speaker


def test_an_opening_time_phrase_is_no_name_before_an_apposition() -> None:
    claim = _only_claim(extract("Last Friday, a spokesman for the ferry line said it was late."))
    assert claim.speaker == "a spokesman for the ferry line"


def test_according_to_closing_the_sentence_covers_a_participle_inside_it() -> None:
    sentence = (
        "The crash came after the crew received a warning saying the runway was icy, "
        "according to the safety board."
    )
    claim = _only_claim(extract(sentence))
    assert claim.speaker == "the safety board"


def test_a_subject_opening_the_sentence_keeps_its_claim_before_according_to() -> None:
    claim = _only_claim(extract("The coach said the team was tired, according to a transcript."))
    assert claim.speaker == "The coach"


# --- speaker kinds -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("A navy statement said two boats were lost.", "named"),
        ("The statement issued by the water board said the lake was safe.", "named"),
        ("The government said that 40 schools would reopen.", "named"),
        ("The paper quoted unnamed officials as saying the port would close.", "anonymous"),
        ("An unidentified diplomat said the talks had stalled.", "anonymous"),
        ("An unnamed Dutch Football Union official said the coach had quit.", "official"),
        ("A government spokesman said the roads were clear.", "official"),
    ],
)
def test_speaker_kinds_of_statements_governments_and_unnamed_people(
    sentence: str, kind: str
) -> None:
    assert _only_claim(extract(sentence)).speaker_kind == kind


@pytest.mark.parametrize(
    ("speaker", "kind"),
    [
        ("many in the border villages", "anonymous"),
        ("some from the capital", "anonymous"),
        ("Riders who say they belong to the Alpine Cycling Club", "anonymous"),
        ("several Norwegians, who also hold Danish passports", "anonymous"),
        ("The WHO", "named"),
        ("Tove Lind, who runs the Nordic Weather Desk", "named"),
    ],
)
def test_relative_clauses_and_bare_quantifiers_name_nobody(speaker: str, kind: str) -> None:
    assert classify_speaker(speaker, {}) == kind


# --- more frames ---------------------------------------------------------------------------


def test_the_quoted_may_carry_a_relative_clause_between_commas() -> None:
    claim = _only_claim(
        extract(
            "The radio quoted two pilots, who flew the route last winter, as saying "
            "the runway was too short."
        )
    )
    assert claim.speaker == "two pilots, who flew the route last winter"
    assert claim.speaker_kind == "anonymous"


@pytest.mark.parametrize(
    ("before", "pronoun", "speaker"),
    [
        ("Mayor Ana Ruiz toured the harbour.", "her", "Mayor Ana Ruiz"),
        ("The two pilots landed safely.", "them", "The two pilots"),
        ("", "him", "he"),
    ],
)
def test_a_quoted_object_pronoun_speaks_as_its_antecedent(
    before: str, pronoun: str, speaker: str
) -> None:
    text = f"{before} The radio quoted {pronoun} as saying the runway was too short.".strip()
    assert [c.speaker for c in extract(text).claims] == [speaker]


def test_blaming_someone_for_something_is_a_claim() -> None:
    claim = _only_claim(
        extract("The cause is unknown, but many in the valley have been blaming the dam for it.")
    )
    assert claim.speaker == "many in the valley"


def test_blaming_without_a_for_phrase_reports_nothing() -> None:
    assert extract("The coach took the blame and moved on.").claims == ()


def test_asking_someone_to_act_is_an_appeal_even_after_a_long_apposition() -> None:
    claim = _only_claim(
        extract(
            "Green Water, a Boston-based group that tracks river use around the world, "
            "has asked the Asian Bank to stop funding the dam."
        )
    )
    assert claim.speaker == "Green Water"


@pytest.mark.parametrize(
    "sentence", ["She was asked to leave the stage.", "He asked about the timetable."]
)
def test_asked_without_someone_to_act_is_no_appeal(sentence: str) -> None:
    assert extract(sentence).claims == ()


def test_present_tense_charge_that_reports_an_accusation() -> None:
    result = extract("Green Water opposes the dam. They charge that the dam would drain the lake.")
    assert [c.content for c in result.claims] == ["the dam would drain the lake"]


def test_charges_as_a_noun_report_nothing() -> None:
    assert extract("Prosecutors filed charges that the firm hid losses.").claims == ()


def test_a_time_phrase_may_stand_between_called_and_for() -> None:
    claim = _only_claim(
        extract("Dina Holt, a member of the panel, called last week for an audit of the club.")
    )
    assert claim.speaker == "Dina Holt"


def test_a_call_for_help_after_a_time_phrase_is_still_no_appeal() -> None:
    assert extract("The climber called on Monday for help.").claims == ()


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("The Harbour Times reported the ferry had been sold.", "the ferry had been sold"),
        (
            "The Harbour Times is reporting the port authority's chief has quit.",
            "the port authority's chief has quit",
        ),
        (
            "The Harbour Times reported the council's plans to close the quay had been dropped.",
            "the council's plans to close the quay had been dropped",
        ),
    ],
)
def test_reported_may_take_a_clause_without_that(sentence: str, content: str) -> None:
    claim = _only_claim(extract(sentence))
    assert claim.speaker == "The Harbour Times"
    assert claim.content == content


def test_reported_with_a_plain_object_reports_nothing() -> None:
    assert extract("The Harbour Times reported the sale of two ferries.").claims == ()


def test_there_are_reports_with_a_bare_clause_is_a_hedged_claim() -> None:
    claim = _only_claim(
        extract("The match was stopped, and there are reports the floodlights were cut.")
    )
    assert claim.speaker == "reports"
    assert claim.speaker_kind == "anonymous"
    assert claim.hedged


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # Blind set M's annotator listed each of these shapes as an anonymous, hedged claim.
        (
            "There were reports of long queues at the border.",
            "reports",
            "long queues at the border",
        ),
        (
            "There have long been allegations of bribery in the tendering office.",
            "allegations",
            "bribery in the tendering office",
        ),
        (
            "There are fears, however, that the closure could hurt the harbour's trade.",
            "fears",
            "the closure could hurt the harbour's trade",
        ),
    ],
)
def test_an_account_told_as_existing_is_an_anonymous_hedged_claim(
    text: str, speaker: str, content: str
) -> None:
    claim = _only_claim(extract(text))
    assert (claim.speaker, claim.speaker_kind, claim.hedged) == (speaker, "anonymous", True)
    assert claim.content == content


@pytest.mark.parametrize(
    "text",
    [
        "There were no reports of long queues at the border.",
        "There are conflicting reports as to who left first.",
        "There is concern about the cost of the new bridge.",
    ],
)
def test_no_account_or_none_that_tells_anything_reports_nothing(text: str) -> None:
    assert extract(text).claims == ()


def test_a_fear_told_as_existing_asks_whether_it_is_founded() -> None:
    (question,) = extract(
        "There are fears, however, that the closure could hurt the harbour's trade."
    ).open_questions
    assert question.question == (
        "Are the fears that “the closure could hurt the harbour's trade” founded?"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Ida Berg, a spokeswoman for the league, told radio she could not confirm or deny it.",
        "The club would neither confirm nor deny the transfer.",
    ],
)
def test_neither_confirming_nor_denying_is_no_claim(sentence: str) -> None:
    assert extract(sentence).claims == ()


# --- quotes that run past their paragraph --------------------------------------------------


def test_an_unclosed_quote_opening_a_paragraph_runs_to_the_paragraph_end() -> None:
    text = "Intro line.\n\n“We are ready. The squad is young\n\nNext paragraph."
    spans = quote_spans(text)
    assert [text[a:b] for a, b in spans] == ["“We are ready. The squad is young"]


def test_an_unclosed_quote_inside_a_paragraph_stays_unclosed() -> None:
    assert quote_spans("He called it “a mess. Then he left.") == []


def test_a_paragraph_quote_goes_on_with_the_speaker_of_the_quote_before() -> None:
    text = (
        "The coach spoke after the game.\n\n"
        "“We were tired in the second half,” Moe Lund said.\n\n"
        "“The squad is young, and the staff is on top of it. "
        "And we are signing two players to help."
    )
    result = extract(text)
    assert [c.speaker for c in result.claims] == ["Moe Lund"] * 3
    assert result.claims[-1].sentence == "And we are signing two players to help."


# --- dotted capital I: lower-casing must not shift positions --------------------------------


def test_dotted_capital_i_before_a_cue_keeps_speaker_and_content_aligned() -> None:
    claim = _only_claim(
        extract("İlkay Demir, a spokesman for the İzmir ferry line, said the route may reopen.")
    )
    assert claim.speaker == "İlkay Demir"
    assert claim.content == "the route may reopen"
    assert claim.hedged


def test_hedge_cue_after_many_dotted_capitals_is_the_original_word() -> None:
    assert hedge_cue("İİİİ officials said the ferry may be late") == "may"
    assert hedge_cue("İİİİ officials said the ferry left on time") is None


# --- hedges --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "cue"),
    [
        ("sources close to the purported merger said it was agreed", "purported"),
        ("he did not think the board would block the sale", "think"),
        ("the ruling could not be overturned", "could"),
        ("it was suggested by the coach that the game be moved", "suggested"),
        ("the rules suggested by the league were adopted", None),
        ("we could not be happier with the result", None),
        ("the forecast could not have been clearer", None),
    ],
)
def test_hedge_cues_of_news_english(clause: str, cue: str | None) -> None:
    assert hedge_cue(clause) == cue


# --- citing and reporting as verbs ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The agency cited a harbour official as saying the crane had collapsed.", "official"),
        ("The goalkeeper was quoted by a local paper as saying he was exhausted.", "goalkeeper"),
        ("The curator was cited as saying the vase was a fake.", "curator"),
    ],
)
def test_cited_or_quoted_as_saying_credits_the_person_quoted(sentence: str, speaker: str) -> None:
    assert _only_claim(extract(sentence)).speaker.endswith(speaker)


def test_cited_with_no_saying_reports_nothing() -> None:
    assert extract("The baker cited rising costs as a reason.").claims == ()


@pytest.mark.parametrize(
    ("sentence", "speaker", "kind"),
    [
        ("Xinhua reports that the ferry sank.", "Xinhua", "named"),
        ("The Harbour Times reports the ferry has sunk.", "The Harbour Times", "named"),
        ("The newspaper reports that the ferry sank.", "The newspaper", "named"),
        ("Unconfirmed reports that the ferry sank spread quickly.", "reports", "anonymous"),
        ("Several reports that the ferry sank were wrong.", "reports", "anonymous"),
    ],
)
def test_reports_is_a_verb_only_after_a_named_source(
    sentence: str, speaker: str, kind: str
) -> None:
    claim = _only_claim(extract(sentence))
    assert (claim.speaker, claim.speaker_kind) == (speaker, kind)


# --- whom a pronoun or participle goes back to ----------------------------------------------


def test_a_parenthetical_he_said_is_not_the_person_it_speaks_about() -> None:
    text = (
        "Striker Ola Berg scored twice. But director Per Dahl gave a different account. "
        "The story he told was simple: Berg, he said, had been offside both times."
    )
    claims = extract(text).claims
    assert claims[-1].speaker.endswith("Per Dahl")


def test_a_participle_goes_back_to_a_common_noun_subject() -> None:
    claim = _only_claim(extract("The union welcomed the ruling, saying it protected workers."))
    assert claim.speaker == "The union"
    assert claim.content == "it protected workers"


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Defence lawyer Ana Ruiz left the court.", "Defence lawyer Ana Ruiz"),
        ("But coach Per Dahl gave a different account.", "coach Per Dahl"),
        ("But the weather turned.", None),
    ],
)
def test_a_sentence_subject_keeps_a_person_noun_inside_a_title(
    sentence: str, subject: str | None
) -> None:
    span = sentence_subject(sentence)
    assert (sentence[span.start : span.end] if span else None) == subject


def test_the_coach_resolves_to_the_coach_named_before() -> None:
    text = (
        "The club's coach, Per Dahl, faced reporters after the loss. "
        "The coach said the squad had been tired."
    )
    assert extract(text).claims[-1].speaker == "Per Dahl"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Officials fear the flood could reach the old town.", "Officials"),
        ("Growers worry the frost will ruin the harvest.", "Growers"),
        ("Critics accuse the council of wasting money.", "Critics"),
        ("The farmers' party insists the vote was fair.", "The farmers' party"),
    ],
)
def test_plural_present_reporting_verbs(sentence: str, speaker: str) -> None:
    assert _only_claim(extract(sentence)).speaker == speaker


@pytest.mark.parametrize(
    "sentence",
    ["Their hope is that the talks resume.", "The fear that prices will rise is growing."],
)
def test_hope_and_fear_as_nouns_report_nothing(sentence: str) -> None:
    assert extract(sentence).claims == ()


# --- nominal sources -----------------------------------------------------------------------


def test_a_possessed_claim_noun_with_no_content_is_no_claim() -> None:
    result = extract("Auditors said it is hard to check Mayor Ruiz's allegations without records.")
    assert [c.speaker for c in result.claims] == ["Auditors"]


@pytest.mark.parametrize("verb", ["called", "branded", "labeled"])
def test_a_label_quoted_after_possessed_claims_is_the_callers_word(verb: str) -> None:
    result = extract(f'The ministry {verb} Mayor Ruiz\'s claims "absurd."')
    assert result.claims == ()
    assert [d.denied for d in result.denials] == ["Mayor Ruiz's claims"]


def test_a_possessed_claim_noun_with_a_bare_clause_is_a_claim() -> None:
    claims = extract(
        "The board welcomed Director Ana Ruiz's revelation her team had found oil."
    ).claims
    assert any(c.speaker.endswith("Ruiz") for c in claims)


@pytest.mark.parametrize("when", ["on January 11", "on Monday", "last week", "earlier this month"])
def test_a_possessed_claim_noun_then_when_it_was_made_then_that_is_a_claim(when: str) -> None:
    result = extract(
        f"The embassy rejects Mayor Ruiz's unfounded assertions {when} that the port was sold."
    )
    (claim,) = result.claims
    assert (claim.speaker, claim.content) == ("Mayor Ruiz", "the port was sold")
    assert [d.speaker for d in result.denials] == ["The embassy"]


def test_a_possessed_claim_noun_then_a_date_and_no_clause_is_no_claim() -> None:
    result = extract("The embassy rejects Mayor Ruiz's assertions on Monday as baseless.")
    assert result.claims == ()


def test_a_possessive_before_a_cue_makes_the_cue_a_noun() -> None:
    claim = _only_claim(extract("Ruiz's claim that the vote was rigged was rejected."))
    assert claim.speaker == "Ruiz"


def test_remarks_by_a_source_are_its_claim_even_when_dismissed() -> None:
    result = extract(
        "Observers have dismissed as naive remarks by the mayor that the budget is balanced."
    )
    assert [c.speaker for c in result.claims] == ["the mayor"]
    assert [d.speaker for d in result.denials] == ["Observers"]


def test_a_coordinated_subject_speaks_through_a_later_and_say() -> None:
    claim = _only_claim(
        extract(
            "Club officials, the Football League and the Players Union are all reviewing "
            "the incident, and say it is too early to blame anyone."
        )
    )
    assert claim.speaker == "Club officials, the Football League and the Players Union"


def test_a_single_subject_stays_single_before_and_says() -> None:
    claim = _only_claim(extract("The Red Cross is helping, and says supplies are short."))
    assert claim.speaker == "The Red Cross"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Those who fled said the militia had burned the granary.", "Those who fled"),
        ("Many who stayed say the well water is unsafe.", "Many who stayed"),
    ],
)
def test_a_pronoun_with_a_relative_clause_is_an_anonymous_source(
    sentence: str, speaker: str
) -> None:
    claim = _only_claim(extract(sentence))
    assert (claim.speaker, claim.speaker_kind) == (speaker, "anonymous")


def test_a_clause_after_said_is_never_read_as_an_inverted_speaker() -> None:
    assert all(
        "militia" not in c.speaker
        for c in extract("Some of them said the militia had burned the granary.").claims
    )


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Authorities have jailed two reporters, reports the Committee to Protect Journalists.",
            "the Committee to Protect Journalists",
        ),
        (
            "Two reporters were jailed last week, reported the state broadcaster.",
            "the state broadcaster",
        ),
        # Near miss: "reports" as the subject of "said" is no inversion.
        ("Two reporters were jailed last week, reports said.", "reports"),
    ],
)
def test_a_verb_that_needs_that_may_put_its_source_after_it(sentence: str, speaker: str) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


def test_a_bare_plural_noun_for_people_is_a_source() -> None:
    claim = _only_claim(extract("But fishermen said the harbour wall was cracked."))
    assert (claim.speaker, claim.speaker_kind) == ("fishermen", "anonymous")


@pytest.mark.parametrize(
    ("clause", "cue"),
    [
        ("the ruling appeared designed to calm investors", "appeared designed to"),
        ("the talks seemed poised to collapse", "seemed poised to"),
        ("the skipper appeared in court to answer charges", None),
    ],
)
def test_appear_and_seem_with_a_participle_or_adjective_hedge(clause: str, cue: str | None) -> None:
    assert hedge_cue(clause) == cue


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The survey estimates that 300 nests were lost.", "The survey"),
        ("The audit reveals that funds were missing.", "The audit"),
    ],
)
def test_present_tense_estimates_and_reveals(sentence: str, speaker: str) -> None:
    assert _only_claim(extract(sentence)).speaker == speaker


def test_a_quote_paragraph_after_a_paragraph_ending_in_reported_speech_is_that_speakers() -> None:
    text = "Engineer Ana Ruiz said the bridge was safe.\n\n“We checked every bolt twice.”"
    claims = extract(text).claims
    assert len(claims) == 2
    assert all(c.speaker.endswith("Ana Ruiz") for c in claims)


def test_a_quote_that_shares_its_paragraph_with_narration_is_left_alone() -> None:
    text = "Engineer Ana Ruiz said the bridge was safe.\n\n“We checked it.” The council agreed."
    assert len(extract(text).claims) == 1


def test_a_finite_verb_ends_the_source_after_according_to() -> None:
    claim = _only_claim(
        extract("The bank funds the dam, which according to the ministry would double output.")
    )
    assert claim.speaker == "the ministry"


def test_a_clause_after_the_according_to_phrase_is_not_an_appositive_name() -> None:
    claim = _only_claim(
        extract("According to two officials close to the talks, Norway has offered a cut.")
    )
    assert claim.speaker == "two officials close to the talks"


def test_a_released_report_showing_something_is_its_issuers_claim() -> None:
    claim = _only_claim(
        extract("The port authority released a report on Monday showing that cargo fell.")
    )
    assert claim.speaker == "The port authority"
    assert claim.content == "cargo fell"


def test_showing_without_a_clause_reports_nothing() -> None:
    assert extract("The photos, showing the flooded square, were shared widely.").claims == ()


def test_the_other_of_two_sources_speaks() -> None:
    result = extract(
        "One of the pilots said the runway was wet, while the other cautioned that "
        "the brakes had failed before."
    )
    assert [c.speaker for c in result.claims] == ["One of the pilots", "the other"]


def test_a_participle_after_an_apposed_name_goes_back_to_the_name() -> None:
    claims = extract(
        "The builder, Acme Works, stopped short of denying that bribes were paid, "
        "saying it was cooperating with police."
    ).claims
    assert [c.speaker for c in claims] == ["Acme Works"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The ferry captain was adamant that the hull was sound.", "The ferry captain"),
        ("The growers' union remains confident that prices will recover.", "union"),
        ("The coach went on to say the squad needed rest.", "The coach"),
    ],
)
def test_stances_and_went_on_to_say_report_a_claim(sentence: str, speaker: str) -> None:
    assert speaker in _only_claim(extract(sentence)).speaker


@pytest.mark.parametrize(
    "sentence",
    ["It is certain that prices will rise.", "The mayor is not convinced that it is safe."],
)
def test_expletive_or_negated_stances_report_nothing(sentence: str) -> None:
    assert extract(sentence).claims == ()


def test_police_reports_is_a_noun_compound() -> None:
    claim = _only_claim(extract("Police reports that the driver was drunk spread fast."))
    assert claim.speaker == "reports"


def test_a_postposed_he_points_to_the_speaker_not_a_name_in_his_words() -> None:
    text = "Coach Per Dahl spoke after the match. It was Ola Berg’s mistake, he said."
    assert [c.speaker for c in extract(text).claims] == ["Coach Per Dahl"]


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "According to incoming reports police opened fire on the marchers.",
            "incoming reports",
            "police opened fire on the marchers",
        ),
        ("According to witnesses the bridge fell at noon.", "witnesses", "the bridge fell at noon"),
    ],
)
def test_according_to_a_source_without_a_comma_ends_at_its_plural_head(
    sentence: str, speaker: str, content: str
) -> None:
    assert [(c.speaker, c.content) for c in extract(sentence).claims] == [(speaker, content)]


def test_according_to_a_source_with_its_comma_keeps_its_whole_phrase() -> None:
    # Near miss: with a comma, the source runs to it.
    claims = extract("According to reports from the town, the bridge fell at noon.").claims
    assert [c.speaker for c in claims] == ["reports from the town"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The move follows a warning from Moscow that it would defend the enclave.", "Moscow"),
        (
            "The strike follows a claim by the Dockers Union that wages were cut.",
            "the Dockers Union",
        ),
    ],
)
def test_one_account_from_a_source_that_states_it_is_that_sources_claim(
    sentence: str, speaker: str
) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


def test_a_statement_from_someone_asserting_is_no_source_of_its_own() -> None:
    # Near miss: the participle after the source's name is no part of the source.
    claims = extract(
        "The ministry read a statement from Ana Ruiz asserting that it had grown."
    ).claims
    assert all("asserting" not in c.speaker for c in claims)


def test_a_quote_that_opens_on_a_third_partys_words_has_both_sources() -> None:
    text = (
        "Ana Ruiz, head of the nurses' union, said, \"The ministry said it was paying us "
        '$500 a month."\n\n'
        'Sheriff Tom Reed described the scene. "There was a truck on the far side," said the '
        'sheriff. "One of my deputies said it had crossed with two men in it."'
    )
    claims = extract(text).claims
    paid = {c.speaker for c in claims if "paying us" in c.sentence}
    crossed = {c.speaker for c in claims if "had crossed" in c.sentence}
    assert paid == {"Ana Ruiz", "The ministry"}
    assert crossed == {"Tom Reed", "One of my deputies"}


def test_a_quote_that_opens_on_the_speakers_own_saying_has_one_source() -> None:
    # Near miss: "I said" is the quote's own speaker, not a third party.
    claims = extract('"I said the road was closed," the mayor said.').claims
    assert [c.speaker for c in claims] == ["the mayor"]


def test_a_sentence_opening_on_some_accounts_has_them_as_its_source() -> None:
    claims = extract("By some accounts, there may be hundreds more detained.").claims
    assert [(c.speaker, c.speaker_kind) for c in claims] == [("some accounts", "anonymous")]


def test_a_source_named_later_wins_over_accounts_opening_the_sentence() -> None:
    # Near miss: the officials say it; "by most accounts" is part of their words.
    claims = extract("By most accounts, the vote was fair, officials said.").claims
    assert [c.speaker for c in claims] == ["officials"]


def test_a_quote_opening_on_a_third_party_keeps_the_verb_after_it_for_its_speaker() -> None:
    text = (
        'Ana Ruiz, a spokeswoman, answered questions. "The president told him the inquiry is '
        'not needed," Ruiz said.'
    )
    speakers = {c.speaker for c in extract(text).claims if "inquiry" in c.sentence}
    assert speakers == {"The president", "Ana Ruiz"}


def test_a_quote_opening_right_after_a_speakers_reported_words_is_theirs() -> None:
    text = (
        'Ana Ruiz teaches law in Oslo. She said the aid has been used well. "You have new '
        'clinics and hospitals. Primary schools have grown fast."'
    )
    claims = extract(text).claims
    assert [c.speaker for c in claims] == ["Ana Ruiz"] * 3


def test_a_quote_after_a_denial_is_not_taken_for_the_deniers_words() -> None:
    # Near miss: only reported words of saying hand their speaker to the quote after them.
    text = 'The ministry denied the report. "Prices have doubled since May," the baker said.'
    claims = extract(text).claims
    assert [c.speaker for c in claims] == ["the baker"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The authorities have been adamant that the leader will return.", "The authorities"),
        ("There are predictions that the army will deploy troops on Friday.", "predictions"),
    ],
)
def test_a_stance_in_the_perfect_and_predictions_told_as_existing_are_claims(
    sentence: str, speaker: str
) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        (
            "Vietnam has opposed the dam, asking that it be put off for ten years.",
            ["Vietnam"],
        ),
        ("The ministry requested that all flights be halted.", ["The ministry"]),
        # Near miss: "that" as a determiner asks for nothing.
        ("He was asking that question again.", []),
    ],
)
def test_a_demand_in_the_subjunctive_is_a_claim(sentence: str, speakers: list[str]) -> None:
    assert [c.speaker for c in extract(sentence).claims] == speakers


@pytest.mark.parametrize("subordinator", ["after", "before", "because"])
def test_a_source_in_a_clause_of_time_or_cause_speaks_for_itself(subordinator: str) -> None:
    text = (
        f"The ministry said it closed the port {subordinator} the harbour master said a storm "
        "was near."
    )
    result = extract(text)
    assert [(c.speaker, c.content) for c in result.claims] == [
        ("The ministry", "it closed the port"),
        ("the harbour master", "a storm was near"),
    ]


def test_a_pronoun_in_a_clause_of_time_stays_inside_the_content() -> None:
    text = "The ministry said it closed the port after it said a storm was near."
    assert [c.speaker for c in extract(text).claims] == ["The ministry"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ruritania and Borduria traded accusations that each had rammed the other's boats.",
            "Ruritania and Borduria",
        ),
        ("Both governments have long traded charges of arming rebels.", "Both governments"),
    ],
)
def test_sides_trading_accusations_are_one_claim_of_both(text: str, speaker: str) -> None:
    assert [c.speaker for c in extract(text).claims] == [speaker]


def test_taking_credit_for_an_act_is_a_claim_of_it() -> None:
    [claim] = extract("The rebel group took credit for plotting the bomb attack.").claims
    assert (claim.speaker, claim.content) == ("The rebel group", "for plotting the bomb attack")
