"""Contested questions: one dispute per matter, however many denials and reports it takes.

The rules are called directly with hand-built claims and denials, so each test pins the
grouping of sentences, not the claim and denial finders upstream of it.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from briefings.clusters import in_question
from briefings.extract import extract
from briefings.model import Claim, Denial, OpenQuestion, Sentence
from briefings.questions import find_open_questions

pytestmark = pytest.mark.unit


def _sentences(*texts: str) -> list[Sentence]:
    """One paragraph per sentence, so adjacency alone never joins two of them."""
    out, at = [], 0
    for i, text in enumerate(texts):
        out.append(Sentence(i, text, at, at + len(text), i))
        at += len(text) + 2
    return out


def _claim(sentences: Sequence[Sentence], index: int, speaker: str, content: str) -> Claim:
    assert content in sentences[index].text
    return Claim(sentences[index].text, speaker, "named", content, False, index, "said")


def _denial(
    sentences: Sequence[Sentence],
    index: int,
    speaker: str,
    denied: str,
    targets: tuple[int, ...] = (),
    cue: str = "denied",
) -> Denial:
    assert denied in sentences[index].text
    return Denial(sentences[index].text, speaker, "named", denied, targets, index, cue)


def _contested(questions: Sequence[OpenQuestion]) -> list[OpenQuestion]:
    return [q for q in questions if q.kind == "contested"]


def test_a_denial_aimed_at_two_disputes_stays_with_its_own_sides() -> None:
    s = _sentences(
        "Regulators rejected a parliamentary report accusing two shipping firms of dumping waste.",
        "The parliamentary report said the firms should lose their port licences.",
        "It quoted former crew members alleging falsified logbooks and bribed inspectors.",
        "The shipping firms deny the allegations.",
        "They say they would never falsify a logbook, as the report describes.",
    )
    claims = [
        _claim(s, 1, "The parliamentary report", "the firms should lose their port licences"),
        _claim(s, 2, "former crew members", "falsified logbooks and bribed inspectors"),
    ]
    denials = [
        _denial(s, 0, "Regulators", "a parliamentary report", (0,), "rejected"),
        _denial(s, 3, "The shipping firms", "the allegations", (1,), "deny"),
        _denial(s, 4, "The shipping firms", "falsify a logbook", (0, 1), "would"),
    ]
    licences, logbooks = _contested(find_open_questions(s, claims, denials))
    assert licences.evidence == (s[0].text, s[1].text)
    assert licences.denials == (0,)
    assert logbooks.evidence == (s[2].text, s[3].text, s[4].text)
    assert logbooks.denials == (1, 2)


def test_two_denials_in_one_sentence_are_one_dispute() -> None:
    s = _sentences(
        "A trade paper reported that the union had accepted the airline's pay offer.",
        "The union's general secretary denied accepting any offer, calling the claims baseless.",
        "One negotiator said the offer was signed on Friday night.",
    )
    claims = [
        _claim(s, 0, "A trade paper", "the union had accepted the airline's pay offer"),
        _claim(s, 2, "One negotiator", "the offer was signed on Friday night"),
    ]
    denials = [
        _denial(s, 1, "The union's general secretary", "accepting any offer", (0,)),
        _denial(s, 1, "The union's general secretary", "the claims", (1,), "calling"),
    ]
    [question] = find_open_questions(s, claims, denials)
    assert question.kind == "contested"
    assert question.evidence == tuple(x.text for x in s)
    assert question.denials == (0, 1)


def test_one_side_denying_the_same_matter_twice_is_one_dispute() -> None:
    s = _sentences(
        "The Harbour Authority denied holding talks with the striking pilots.",
        "A local radio station reported that its officials met pilot delegates at a hotel.",
        "Container traffic was down by a third on Tuesday.",
        "A Harbour Authority spokeswoman later said no talks had taken place.",
        "Two pilots said the talks lasted most of the night.",
    )
    claims = [
        _claim(s, 1, "A local radio station", "its officials met pilot delegates at a hotel"),
        _claim(s, 4, "Two pilots", "the talks lasted most of the night"),
    ]
    denials = [
        _denial(s, 0, "The Harbour Authority", "holding talks with the striking pilots", (0,)),
        _denial(s, 3, "A Harbour Authority spokeswoman", "talks had taken place", (1,), "no"),
    ]
    [question] = find_open_questions(s, claims, denials)
    assert question.kind == "contested"
    assert question.evidence == (s[0].text, s[1].text, s[3].text, s[4].text)
    assert question.claims == (0, 1)
    # The first dispute's wording frames the question.
    assert question.question.startswith("Who is right: a local radio station")


def test_one_side_denying_two_different_matters_keeps_two_disputes() -> None:
    s = _sentences(
        "The Harbour Authority denied that a crane had collapsed.",
        "Dock workers said a crane fell onto a moored barge on Monday.",
        "The Harbour Authority also rejected a union estimate of its overtime bill.",
        "The union said overtime pay had tripled since spring.",
    )
    claims = [
        _claim(s, 1, "Dock workers", "a crane fell onto a moored barge on Monday"),
        _claim(s, 3, "The union", "overtime pay had tripled since spring"),
    ]
    denials = [
        _denial(s, 0, "The Harbour Authority", "a crane had collapsed", (0,)),
        _denial(s, 2, "The Harbour Authority", "a union estimate", (1,), "rejected"),
    ]
    crane, overtime = _contested(find_open_questions(s, claims, denials))
    assert crane.evidence == (s[0].text, s[1].text)
    assert overtime.evidence == (s[2].text, s[3].text)


def test_one_shared_word_does_not_make_one_matter() -> None:
    s = _sentences(
        "The Harbour Authority denied that a crane had collapsed on Monday.",
        "Dock workers said a crane fell onto a moored barge.",
        "The Harbour Authority also rejected a union estimate of its overtime bill on Monday.",
        "The union said overtime pay had tripled since spring.",
    )
    claims = [
        _claim(s, 1, "Dock workers", "a crane fell onto a moored barge"),
        _claim(s, 3, "The union", "overtime pay had tripled since spring"),
    ]
    denials = [
        _denial(s, 0, "The Harbour Authority", "a crane had collapsed", (0,)),
        _denial(s, 2, "The Harbour Authority", "a union estimate", (1,), "rejected"),
    ]
    assert len(_contested(find_open_questions(s, claims, denials))) == 2


def test_different_sides_on_one_subject_keep_two_disputes() -> None:
    s = _sentences(
        "Rebel leaders denied shelling the river crossing.",
        "A village elder said shells hit the river crossing at dawn.",
        "An army colonel denied that troops had crossed the river.",
        "Fishermen said soldiers crossed the river by boat.",
    )
    claims = [
        _claim(s, 1, "A village elder", "shells hit the river crossing at dawn"),
        _claim(s, 3, "Fishermen", "soldiers crossed the river by boat"),
    ]
    denials = [
        _denial(s, 0, "Rebel leaders", "shelling the river crossing", (0,)),
        _denial(s, 2, "An army colonel", "troops had crossed the river", (1,)),
    ]
    assert len(_contested(find_open_questions(s, claims, denials))) == 2


def test_two_claims_of_one_source_rejected_twice_are_one_dispute() -> None:
    s = _sentences(
        "The WMO said the drought had cut the region's wheat harvest by half.",
        "The farm ministry rejected those figures as alarmist.",
        "Farmers' unions met in the capital on Monday.",
        "Minister Ana Ruiz said the World Meteorological Organization's estimate of lost "
        "grazing land was based on old satellite images.",
    )
    claims = [
        _claim(s, 0, "The WMO", "the drought had cut the region's wheat harvest by half"),
        _claim(s, 3, "the World Meteorological Organization", "estimate of lost grazing land"),
    ]
    denials = [
        _denial(s, 1, "The farm ministry", "those figures", (0,), "rejected"),
        _denial(s, 3, "Ana Ruiz", "estimate of lost grazing land", (1,), "was based on old"),
    ]
    [question] = find_open_questions(s, claims, denials)
    assert question.evidence == (s[0].text, s[1].text, s[3].text)


def test_a_later_denial_by_a_person_named_in_the_dispute_joins_it() -> None:
    s = _sentences(
        "Residents said the new bridge was shaking in high winds.",
        "But Tomas Lind, an engineer for the city, dismissed the residents' accounts.",
        "Traffic was diverted for an hour.",
        "Lind also ruled out any crack in the main span.",
    )
    claims = [_claim(s, 0, "Residents", "the new bridge was shaking in high winds")]
    denials = [
        _denial(s, 1, "an engineer for the city", "the residents' accounts", (0,), "dismissed"),
        _denial(s, 3, "Tomas Lind", "any crack in the main span", (), "ruled out"),
    ]
    [question] = find_open_questions(s, claims, denials)
    assert question.evidence == (s[0].text, s[1].text, s[3].text)
    assert question.denials == (0, 1)


def test_dismissing_the_assertions_goes_on_with_the_dispute_they_belong_to() -> None:
    s = _sentences(
        "The navy disputed claims that its patrol boat had sunk a fishing trawler at night.",
        "Coast guard officials said the trawler sank after a collision with a patrol boat.",
        "A fisherman's widow told reporters a patrol boat had rammed her husband's trawler "
        "at night.",
        "But an admiral of the fleet dismissed the widow's assertions.",
    )
    claims = [
        _claim(s, 1, "Coast guard officials", "the trawler sank after a collision"),
        _claim(s, 2, "A fisherman's widow", "a patrol boat had rammed her husband's trawler"),
    ]
    denials = [
        _denial(
            s,
            0,
            "The navy",
            "claims that its patrol boat had sunk a fishing trawler at night",
            (0,),
            "disputed",
        ),
        _denial(s, 3, "an admiral of the fleet", "the widow's assertions", (1,), "dismissed"),
    ]
    [question] = find_open_questions(s, claims, denials)
    assert question.evidence == tuple(x.text for x in s)


def test_dismissing_the_allegations_of_another_matter_stays_apart() -> None:
    s = _sentences(
        "The club rejected a league report accusing it of breaking spending limits.",
        "The league report said the club had overspent by 40 million.",
        "A former player alleged that coaches had ignored concussion rules.",
        "The club's doctors deny the allegations.",
    )
    claims = [
        _claim(s, 1, "The league report", "the club had overspent by 40 million"),
        _claim(s, 2, "A former player", "coaches had ignored concussion rules"),
    ]
    denials = [
        _denial(
            s,
            0,
            "The club",
            "a league report accusing it of breaking spending limits",
            (0,),
            "rejected",
        ),
        _denial(s, 3, "The club's doctors", "the allegations", (1,), "deny"),
    ]
    assert len(_contested(find_open_questions(s, claims, denials))) == 2


def test_two_sources_counting_the_same_deaths_differently_contest_each_other() -> None:
    s = _sentences(
        "The insurgents claimed the ambush, saying they killed 60 police officers.",
        "Hospital staff told reporters that 9 officers were killed.",
    )
    claims = [
        _claim(s, 0, "The insurgents", "they killed 60 police officers"),
        _claim(s, 1, "Hospital staff", "9 officers were killed"),
    ]
    [question] = find_open_questions(s, claims, [])
    assert question.kind == "contested"
    assert question.evidence == (s[0].text, s[1].text)
    assert "“they killed 60 police officers”" in question.question


def test_a_count_of_a_separate_event_contests_nothing() -> None:
    s = _sentences(
        "The insurgents said they killed 60 police officers at a checkpoint.",
        "Hospital staff said 9 people were killed in a separate blast at a market.",
    )
    claims = [
        _claim(s, 0, "The insurgents", "they killed 60 police officers at a checkpoint"),
        _claim(s, 1, "Hospital staff", "9 people were killed in a separate blast"),
    ]
    assert find_open_questions(s, claims, []) == []


def test_the_article_in_the_next_sentence_is_the_article_just_mentioned() -> None:
    s = _sentences(
        "The telecom regulator denied that its servers had been breached.",
        "A state news agency released an article saying foreign hackers had entered the network.",
        "The article said a group called Blue Lantern had claimed the breach.",
        "The regulator dismissed the agency's story as speculation.",
    )
    claims = [
        _claim(s, 1, "A state news agency", "foreign hackers had entered the network"),
        _claim(s, 2, "The article", "a group called Blue Lantern had claimed the breach"),
    ]
    denials = [
        _denial(s, 0, "The telecom regulator", "its servers had been breached", (1,)),
        _denial(s, 3, "Ministry", "the agency's story", (0,), "dismissed"),
    ]
    [question] = find_open_questions(s, claims, denials)
    assert question.evidence == tuple(x.text for x in s)


def test_a_different_version_contests_the_account_told_before_it() -> None:
    s = _sentences(
        "The cyclist appeared before the tribunal on Thursday.",
        "The cyclist says he swerved to avoid a dog and never touched his rival's wheel.",
        "He said the crash left him with a broken wrist.",
        "Spectators cheered as he left the building.",
        "But the race commissaire gave a different version of the final sprint.",
        "The rider, he said, leaned into his rival and pushed him into the barrier.",
    )
    claims = [
        _claim(s, 1, "The cyclist", "he swerved to avoid a dog"),
        _claim(s, 2, "The cyclist", "the crash left him with a broken wrist"),
        _claim(s, 5, "the race commissaire", "leaned into his rival"),
    ]
    [question] = find_open_questions(s, claims, [])
    assert question.kind == "contested"
    assert question.evidence == (s[1].text, s[4].text, s[5].text)
    # The account from its first claim, and the new version, both verbatim.
    assert question.question.startswith("Who is right: The cyclist (“he swerved to avoid a dog”)")
    assert "“But the race commissaire gave a different version of the final sprint”" in (
        question.question
    )


def test_a_different_version_with_no_account_before_it_raises_nothing() -> None:
    s = _sentences(
        "The museum opened a new wing on Friday.",
        "Its director gave a different account of the building's history in a short film.",
    )
    assert find_open_questions(s, [], []) == []


def test_two_counts_in_one_sentence_contest_each_other() -> None:
    s = _sentences(
        "Stewards said 3,000 fans attended the protest, while supporters' groups said 9,000 "
        "marched.",
    )
    claims = [
        _claim(s, 0, "Stewards", "3,000 fans attended the protest"),
        _claim(s, 0, "supporters' groups", "9,000 marched"),
    ]
    [question] = find_open_questions(s, claims, [])
    assert question.kind == "contested"
    assert question.claims == (0, 1)


def test_killed_and_died_count_the_same_dead() -> None:
    s = _sentences(
        "Hospital officials said 12 people were killed in the landslide.",
        "Village elders said 31 people died.",
    )
    claims = [
        _claim(s, 0, "Hospital officials", "12 people were killed in the landslide"),
        _claim(s, 1, "Village elders", "31 people died"),
    ]
    [question] = find_open_questions(s, claims, [])
    assert question.kind == "contested"


def test_the_dead_and_the_injured_are_two_counts() -> None:
    s = _sentences(
        "Hospital officials said 12 people were killed in the landslide.",
        "Village elders said 31 people were injured.",
    )
    claims = [
        _claim(s, 0, "Hospital officials", "12 people were killed in the landslide"),
        _claim(s, 1, "Village elders", "31 people were injured"),
    ]
    assert find_open_questions(s, claims, []) == []


def test_a_question_never_quotes_a_bare_pronoun_as_what_is_denied() -> None:
    sentence = '"It is a sham tender," the harbour workers\' union said.'
    [question] = extract(sentence).open_questions
    assert "“It”" not in question.question
    assert question.evidence == (sentence,)


def test_two_sources_set_against_each_other_in_one_sentence_are_contested() -> None:
    sentence = (
        "The opposition leader says the vote was rigged, but the ruling party says the count "
        "was fair."
    )
    questions = extract(sentence).open_questions
    assert [(q.kind, q.evidence) for q in questions] == [("contested", (sentence,))]
    assert questions[0].question == (
        "Who is right: The opposition leader, saying “the vote was rigged”, or the ruling party?"
    )


def test_a_rejection_that_calls_for_something_leaves_that_pending_too() -> None:
    text = (
        "The electoral commission said the ruling party won 53 seats. "
        "The opposition rejected those results and called for the annulment of the vote."
    )
    kinds = sorted(q.kind for q in extract(text).open_questions)
    assert kinds == ["contested", "pending"]


def test_an_accused_partys_answer_contests_the_accusation() -> None:
    text = (
        "Farm unions accuse the water board of favouring the mills in the drought.\n\n"
        "The board said it shares water fairly among all users."
    )
    contested = [q for q in extract(text).open_questions if q.kind == "contested"]
    assert [len(q.evidence) for q in contested] == [2]


def test_a_third_party_after_an_accusation_answers_nothing() -> None:
    text = (
        "Farm unions accuse the water board of favouring the mills in the drought.\n\n"
        "Weather forecasters said rain was expected next week."
    )
    assert [q for q in extract(text).open_questions if q.kind == "contested"] == []


def test_an_accusation_nobody_answers_is_an_open_question() -> None:
    text = (
        "A rights group accuses the port police of beating migrants at the docks.\n\n"
        "The docks handle most of the country's grain exports."
    )
    questions = extract(text).open_questions
    assert [(q.kind, len(q.evidence)) for q in questions] == [("unconfirmed", 1)]
    assert questions[0].evidence[0].startswith("A rights group accuses")


def test_a_source_the_report_turns_against_another_contests_its_account() -> None:
    text = (
        "Dam officials say the wall of the reservoir is safe.\n\n"
        "But engineers say cracks have appeared in the wall of the reservoir."
    )
    contested = [q for q in extract(text).open_questions if q.kind == "contested"]
    assert [len(q.evidence) for q in contested] == [2]


def test_two_sources_without_a_turn_are_no_dispute() -> None:
    text = (
        "Dam officials say the wall of the reservoir is safe.\n\n"
        "Engineers say cracks have appeared in the wall of the reservoir."
    )
    assert [q for q in extract(text).open_questions if q.kind == "contested"] == []


def test_a_side_of_a_dispute_keeps_the_verb_its_content_follows() -> None:
    # "Port officials (“the mayor to close the harbour”)" read as if the officials said the
    # mayor closed it; the sentence's own verb says what they did.
    [question] = extract(
        "Port officials urged the mayor to close the harbour on Friday. "
        "The harbour authority denied the reports."
    ).open_questions
    assert question.question == (
        "Who is right: Port officials, who urged “the mayor to close the harbour on Friday”, "
        "or The harbour authority, who denied “the reports”?"
    )
    # An indefinite article is lower-cased mid-question; "The" may begin a name and stays.
    [question] = extract(
        "Port officials said the harbour will close on Friday. "
        "A spokesman for the harbour authority denied the reports."
    ).open_questions
    assert question.question.endswith(
        "or a spokesman for the harbour authority, who denied “the reports”?"
    )
    # Content before its verb ("…," he said) keeps the quoted form: "said “We …”" would
    # put the speaker's verb on words that did not follow it.
    [question] = extract(
        '"The harbour will close on Friday," port officials said. '
        "The harbour authority denied the reports."
    ).open_questions
    assert question.question.startswith(
        "Who is right: port officials (“The harbour will close on Friday”) or"
    )


@pytest.mark.parametrize(
    ("speaker", "named"),
    [
        ("A White House spokesperson", "a White House spokesperson"),
        ("An official", "an official"),
        ("An Iranian diplomat", "an Iranian diplomat"),
        ("An Nguyen", "An Nguyen"),  # a name, not an article
        ("The Hague", "The Hague"),
        ("Alexander Vershbow", "Alexander Vershbow"),
    ],
)
def test_a_speaker_named_mid_question_loses_only_an_indefinite_article_s_capital(
    speaker: str, named: str
) -> None:
    assert in_question(speaker) == named
