"""Where the subject of a news sentence is, when something comes before it or around it:
fronted phrases ("Speaking to reporters …, the coach …"), day numbers between a verb and
its that-clause, a body's name with "of" in it, and a mistyped quote mark that must not
swallow the rest of a report. Every sentence is written for this suite."""

from __future__ import annotations

import pytest

from briefings.claims import quote_spans, sentence_subject
from briefings.extract import extract

pytestmark = pytest.mark.unit


# --- fronted phrases ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Speaking to reporters at the harbour on Monday, Captain Ines Duarte blamed the "
            "pilot, saying the tug had arrived late.",
            "Captain Ines Duarte",
        ),
        (
            "In a statement on Sunday, the orchestra welcomed the grant, saying it would "
            "fund two tours.",
            "the orchestra",
        ),
        (
            "Asked about the outage, the mayor blamed the contractor, saying the cables were old.",
            "the mayor",
        ),
    ],
)
def test_a_fronted_phrase_is_not_the_subject_a_participle_goes_back_to(
    sentence: str, speaker: str
) -> None:
    claims = extract(sentence).claims
    assert [c.speaker for c in claims] == [speaker]


def test_a_company_name_ending_in_ing_is_still_a_subject() -> None:
    subject = sentence_subject("Boeing on Monday defended the jet, saying it was safe.")
    assert subject is not None
    assert "Boeing on Monday defended the jet"[subject.start : subject.end] == "Boeing"


# --- what may stand between a verb and its that-clause ------------------------------------


def test_a_date_with_a_day_number_may_come_before_that() -> None:
    claims = extract(
        "The Leeds Courier reported on June 14 that the club's chairman had paid the referees."
    ).claims
    assert [c.speaker for c in claims] == ["The Leeds Courier"]


def test_a_number_that_is_the_object_is_not_skipped() -> None:
    # "said 40 of them …": the number starts the reported clause, which has no "that".
    claims = extract("The warden said 40 of the birds had died of the cold.").claims
    assert [c.speaker for c in claims] == ["The warden"]


# --- a body's name with "of" in it ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The Ministry of Foreign Affairs has called the report false.",
            "The Ministry of Foreign Affairs",
        ),
        (
            "The Department of Fisheries and Oceans said the quota was safe.",
            "The Department of Fisheries and Oceans",
        ),
        # A role after the body's name is the person's title: the person speaks.
        ("The Ministry of Health Director Anna Berg said the vaccine was safe.", "Anna Berg"),
    ],
)
def test_a_body_named_with_of_keeps_its_whole_name(sentence: str, speaker: str) -> None:
    result = extract(sentence)
    assert [i.speaker for i in (*result.claims, *result.denials)] == [speaker]


# --- a mistyped quote mark ----------------------------------------------------------------


def test_a_straight_mark_glued_to_a_word_closes_nothing_and_opens_nothing() -> None:
    text = (
        'The league called the ruling "hasty" and unfair".\n\n'
        "The hearing resumes next week in Turin.\n\n"
        "Fans say the stadium is half empty."
    )
    # Read as an opener, the stray mark would run the quote over both later paragraphs.
    assert quote_spans(text) == [(text.index('"hasty"'), text.index('"hasty"') + 7)]
    sentences = [c.sentence for c in extract(text).claims]
    assert "The hearing resumes next week in Turin." not in sentences


def test_a_straight_mark_after_a_space_still_opens_a_quote() -> None:
    text = 'She called the vote "fair" and "open".'
    assert quote_spans(text) == [(20, 26), (31, 37)]


def test_a_missing_closing_mark_before_an_inverted_attribution_is_supplied() -> None:
    # The writer left out the mark after "late": the next opening mark shows it.
    text = (
        '"The ferry was late again, said Ines Duarte. "The timetable means nothing now. '
        'Nobody checks it."'
    )
    spans = quote_spans(text)
    assert spans[0] == (0, text.index(", said"))
    claims = extract(text).claims
    assert [c.speaker for c in claims] == ["Ines Duarte"] * 3


# --- a name in brackets, an aside in brackets -------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The governor's press officer (Lena Moss) said the bridge would reopen.", "Lena Moss"),
        ("The mayor (pictured) said the bridge would reopen.", "The mayor"),
        ("The Port Authority (PA) said the bridge would reopen.", "The Port Authority"),
    ],
)
def test_brackets_before_the_verb(sentence: str, speaker: str) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


# --- verbs of saying that are easy to miss, and one that is easy to over-read --------------


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
    ],
)
def test_no_clause_is_reported(sentence: str) -> None:
    assert extract(sentence).claims == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "The ranger added 40 deer had died of the cold due to the early frost.",
        'The ranger added: "The herd will recover."',
    ],
)
def test_added_with_a_clause_still_reports(sentence: str) -> None:
    assert [c.speaker for c in extract(sentence).claims] == ["The ranger"]


# --- names beside their descriptions ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "But Rosa Lind, one of the driver's lawyers, countered that the brakes failed.",
            "Rosa Lind",
        ),
        ("But Rosa Lind, a lawyer for the driver, said the brakes failed.", "Rosa Lind"),
        ("Rosa Lind with the group Safe Streets says the junction needs lights.", "Rosa Lind"),
        ("Rosa Lind of the cyclists' union said the junction needs lights.", "Rosa Lind"),
    ],
)
def test_the_name_beside_a_description_speaks(sentence: str, speaker: str) -> None:
    assert [c.speaker for c in extract(sentence).claims] == [speaker]


def test_a_possessor_in_a_role_names_the_person_later() -> None:
    text = (
        "The ferry line's director, Ola Berg, said the boat was sound. "
        '"We are checking the hull," said the ferry line director.'
    )
    assert [c.speaker for c in extract(text).claims] == ["Ola Berg", "Ola Berg"]


# --- an interviewer's question and the answer after it ---------------------------------------


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


def test_asking_someone_to_act_is_still_an_appeal() -> None:
    claims = extract("The mayor asked residents to save water.").claims
    assert [c.speaker for c in claims] == ["The mayor"]


# --- a long audience and place before "that" ----------------------------------------------------


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


# --- kinds of named outlets -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("speaker", "kind"),
    [
        ("The Harbour Times of Lagos", "named"),
        ("Published reports in The Harbour Times and elsewhere", "named"),
        ("Reports in the Daily Courier", "named"),
        ("reports in Lagos", "anonymous"),
        ("Analysts at Ridgeway Capital", "official"),
        ("Inspectors at the Harbour Safety Office", "official"),
    ],
)
def test_an_outlet_is_named_and_staff_of_a_body_are_official(speaker: str, kind: str) -> None:
    from briefings.speakers import classify_speaker

    assert classify_speaker(speaker, {}) == kind


# --- raising passives: the subject is said to say something ----------------------------------


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


def test_an_according_to_phrase_is_not_the_subject_a_pronoun_points_to() -> None:
    text = "According to the ferry operator, Captain Ines Duarte was at the helm."
    subject = sentence_subject(text)
    assert subject is not None
    assert text[subject.start : subject.end] == "Captain Ines Duarte"


# --- a description longer than the name it goes with -----------------------------------------


@pytest.mark.parametrize(
    ("speaker", "tidied"),
    [
        ("Norwegian salmon giant Fjordlaks", "Fjordlaks"),
        ("The Chilean copper miner Andacollo", "Andacollo"),
        ("Lagos's Deputy Port Director Ada Obi", "Ada Obi"),
        # Short enough to keep as written: the title goes with the name.
        ("Port spokesperson Ada Obi", "Port spokesperson Ada Obi"),
        ("Salmon giant Fjordlaks", "Salmon giant Fjordlaks"),
        # Capitalized, "Daily" is part of the name; "bin" is inside one.
        ("The Daily Courier", "The Daily Courier"),
        ("Emir Khalid bin Rashid", "Emir Khalid bin Rashid"),
    ],
)
def test_a_long_description_gives_way_to_the_name(speaker: str, tidied: str) -> None:
    from briefings.speakers import tidy_speaker

    assert tidy_speaker(speaker, {}) == tidied


def test_a_titled_surname_is_the_person_named_in_full_before() -> None:
    text = (
        "Transport Minister Ida Holm opened the hearing on Monday. "
        "Minister Holm said the port would reopen. Ms. Holm added that she was hopeful."
    )
    assert [c.speaker for c in extract(text).claims] == ["Ida Holm", "Ida Holm"]


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


@pytest.mark.parametrize(
    "title", ["Commissioner", "Inspector", "Prosecutor", "Archbishop", "Ombudsman"]
)
def test_common_titles_are_not_read_as_part_of_a_name(title: str) -> None:
    from briefings.entities import extract_entities

    text = f"Harbour {title} Ida Holm opened the hearing. {title} Holm said the port would reopen."
    assert extract_entities(text).people == ("Ida Holm",)
    assert [c.speaker for c in extract(text).claims] == ["Ida Holm"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The nurses voice anger at what they say is the hospital's refusal to hire staff.",
            "The nurses",
        ),
        (
            "While the offer was welcomed by Danish officials at the talks, they made clear "
            "the shipyard must do much more.",
            "Danish officials",
        ),
    ],
)
def test_they_points_to_a_plural_earlier_in_its_sentence(text: str, speaker: str) -> None:
    assert [c.speaker for c in extract(text).claims] == [speaker]


def test_a_source_passed_on_by_reports_speaks_hedged_and_unconfirmed() -> None:
    text = "According to news reports, the audit memo says the harbour fund lost money."
    result = extract(text)
    [claim] = result.claims
    assert (claim.speaker, claim.speaker_kind, claim.hedged) == ("the audit memo", "named", True)
    assert [q.kind for q in result.open_questions] == ["unconfirmed"]


def test_according_to_a_source_with_no_inner_verb_keeps_that_source() -> None:
    [claim] = extract("According to the harbour master, the channel is too shallow.").claims
    assert claim.speaker == "the harbour master"
