"""Claims on fixture reports written for these tests (own words, own names and topics)."""

from __future__ import annotations

import pytest

from briefings.claims import find_attributions
from briefings.extract import extract
from briefings.model import Claim, Extraction

pytestmark = pytest.mark.unit

PORT = """The dockworkers' union in Valparaíso has rejected claims that its members sabotaged \
cranes during last week's strike.

Port director Ana Beltrán told reporters on Tuesday that three cranes were damaged overnight \
and that repairs could take a month. "We have seen this before. Someone cut the hydraulic \
lines," she said.

Union spokesman Diego Fuentes denied the accusation, saying the damage was caused by poor \
maintenance. "There was no sabotage. Our members were not even on the quay that night," \
Fuentes said.

According to two people familiar with the investigation, police have not identified any \
suspects. The Ministry of Transport said it expects the port to reopen next week, but talks \
between the union and the operators remain unresolved.

Chile's Labor Minister Tomás Reyes urged both sides to return to the table.
"""

BANK = """NAIROBI — Kenya's central bank is reportedly preparing to cut interest rates, two \
senior officials said on Monday, although the governor has not confirmed the move.

"Inflation is falling faster than we expected," said one of the officials, who asked not to \
be named because the decision is not final. The cut could come as early as next month, the \
officials said.

Finance Minister Grace Otieno dismissed the reports as speculation. She said the cabinet had \
not discussed interest rates and that the bank remains independent.

Opposition leader Samuel Kariuki's assertion that the government is pressuring the bank was \
called baseless by a Treasury spokeswoman.

Analysts at Standard Research believe a cut is likely before the budget vote, which is \
scheduled for June 12.
"""


def claim_in(result: Extraction, start: str) -> Claim:
    found = [c for c in result.claims if c.sentence.startswith(start)]
    assert found, f"no claim for sentence starting {start!r}"
    return found[0]


def test_reporting_verb_with_that_clause_keeps_the_title_and_hedges_modals() -> None:
    claim = claim_in(extract(PORT), "Port director Ana Beltrán told")
    assert claim.speaker == "Port director Ana Beltrán"
    assert claim.speaker_kind == "named"
    assert claim.hedged  # "repairs could take a month"
    assert claim.content.startswith("three cranes were damaged")


def test_multi_sentence_quote_is_attributed_once_for_each_sentence() -> None:
    result = extract(PORT)
    first = claim_in(result, '"We have seen this before.')
    second = claim_in(result, "Someone cut the hydraulic lines")
    assert "Ana Beltrán" in first.speaker
    assert first.speaker == second.speaker


def test_according_to_an_anonymous_source() -> None:
    claim = claim_in(extract(PORT), "According to two people familiar")
    assert claim.speaker == "two people familiar with the investigation"
    assert claim.speaker_kind == "anonymous"


def test_organization_speaking_as_itself_with_a_forecast_is_named_and_hedged() -> None:
    claim = claim_in(extract(PORT), "The Ministry of Transport said")
    assert claim.speaker_kind == "named"
    assert claim.hedged


def test_an_appeal_is_a_claim_but_not_hedged() -> None:
    claim = claim_in(extract(PORT), "Chile's Labor Minister")
    assert "Tomás Reyes" in claim.speaker
    assert not claim.hedged


def test_inverted_attribution_and_unnamed_officials() -> None:
    result = extract(BANK)
    lead = claim_in(result, "NAIROBI")
    assert lead.speaker == "two senior officials"
    assert lead.speaker_kind == "official"
    assert lead.hedged  # "reportedly"
    quoted = claim_in(result, '"Inflation is falling')
    assert quoted.speaker == "one of the officials"
    # "who asked not to be named": a source speaking on condition of anonymity is anonymous.
    assert quoted.speaker_kind == "anonymous"


def test_pronoun_speaker_resolves_to_the_last_person_named() -> None:
    claim = claim_in(extract(BANK), "She said the cabinet")
    assert "Grace Otieno" in claim.speaker


def test_possessed_claim_noun_is_a_claim_of_the_possessor() -> None:
    claim = claim_in(extract(BANK), "Opposition leader Samuel Kariuki's assertion")
    assert "Samuel Kariuki" in claim.speaker


def test_belief_is_hedged() -> None:
    claim = claim_in(extract(BANK), "Analysts at Standard Research believe")
    assert claim.hedged


def test_narration_is_not_a_claim() -> None:
    text = (
        "The storm closed three highways on Sunday. Crews worked through the night to clear "
        "fallen trees, and schools will stay shut until Wednesday."
    )
    assert extract(text).claims == ()


def test_passive_attribution_names_the_agent() -> None:
    atts = find_attributions(
        "The new dam is seen by Cairo as a threat to its water supply, the report noted."
    )
    assert any(a.speaker == "Cairo" for a in atts)


def test_refusing_to_comment_is_not_a_claim() -> None:
    text = '"I cannot comment on an ongoing inquiry," said Lars Holm, a police spokesman.'
    assert extract(text).claims == ()


def test_a_string_is_wrapped_as_a_report() -> None:
    result = extract("Mayor Ines Duarte said the bridge will reopen in May.")
    assert [c.speaker for c in result.claims] == ["Mayor Ines Duarte"]


def test_unnamed_role_after_a_quote_is_official() -> None:
    result = extract("“We will not withdraw,” the general said, adding that help was coming.")
    [claim] = result.claims
    assert (claim.speaker, claim.speaker_kind) == ("the general", "official")


def test_coordinated_clause_with_its_own_speaker_is_a_second_claim() -> None:
    text = (
        "The government has repeatedly said it will not send troops, but Defense Minister "
        "Rui Matos suggested the position could change."
    )
    claims = extract(text).claims
    assert [c.speaker for c in claims] == ["The government", "Defense Minister Rui Matos"]
    assert [c.hedged for c in claims] == [False, True]


def test_sentence_initial_capital_does_not_make_a_body_named() -> None:
    [claim] = extract("Police said the suspect had confessed.").claims
    assert claim.speaker_kind == "official"


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        (
            "Diplomats close to the talks said no text had been agreed.",
            "Diplomats close to the talks",
            "anonymous",
        ),
        (
            "Azerbaijan's foreign ministry said Armenia was stalling.",
            "Azerbaijan's foreign ministry",
            "named",
        ),
        ("The embassy said the visas were valid.", "The embassy", "official"),
        ("A senior EU official said the bloc was ready.", "A senior EU official", "official"),
    ],
)
def test_speaker_kinds(text: str, speaker: str, kind: str) -> None:
    [claim] = extract(text).claims
    assert (claim.speaker, claim.speaker_kind) == (speaker, kind)


def test_unconfirmed_by_the_report_itself() -> None:
    text = (
        "A news agency reported that the summit would move to Vienna, a claim the foreign "
        "ministry has not confirmed."
    )
    kinds = [q.kind for q in extract(text).open_questions]
    assert "unconfirmed" in kinds


NARRATION = """The storm warning was lifted on Friday after the river fell below flood level.

Residents were told to boil water until further notice. The so-called claims office will \
reopen on Monday to process insurance claims.

The mayor's statement did not mention the cost of the repairs. An estimate is expected \
next week.
"""


def test_nouns_that_look_like_cues_and_agentless_passives_are_narration() -> None:
    assert extract(NARRATION).claims == ()


def test_an_unnamed_person_is_anonymous_and_can_be_a_pronoun_antecedent() -> None:
    text = "Her neighbor said the water rose in minutes. He added that he was moving out."
    claims = extract(text).claims
    assert [(c.speaker, c.speaker_kind) for c in claims] == [
        ("Her neighbor", "anonymous"),
        ("Her neighbor", "anonymous"),
    ]


def test_subordinate_attribution_before_the_main_clause() -> None:
    [claim] = extract("As the coroner said on Monday, the cause of death is unknown.").claims
    assert claim.speaker == "the coroner"
    assert claim.content == "the cause of death is unknown"
    # A longer adverbial before the comma still leaves the main clause as what is said …
    [claim] = extract(
        "As the coroner said on Monday in answer to a question from the family's lawyer, "
        "the cause of death is unknown."
    ).claims
    assert claim.content == "the cause of death is unknown"
    # … but a temporal "as" reports the clause after its verb, however long.
    [claim] = extract(
        "As the coroner said the cause of death would stay unknown until the tests came "
        "back, the family left the court."
    ).claims
    assert claim.content == "the cause of death would stay unknown until the tests came back"
    # A long stretch that holds a clause of its own is what a temporal "as" reports.
    for text, content in (
        (
            "As Zelensky said in January the army would hold Donetsk, the front collapsed.",
            "in January the army would hold Donetsk",
        ),
        (
            "As Zelensky said in January the army held Donetsk, the front collapsed.",
            "in January the army held Donetsk",
        ),
        (
            "As the minister said at a news conference in Kyiv on Monday after the talks, "
            "the front is stable.",
            "the front is stable",
        ),
        # Participles and names in "-ed" are no clause: "televised", "released", "United".
        (
            "As Zelensky said in a televised address on Sunday, Ukraine will not give up Donetsk.",
            "Ukraine will not give up Donetsk",
        ),
        (
            "As the Kremlin said in a statement released on Monday, Russia will keep Donetsk.",
            "Russia will keep Donetsk",
        ),
        (
            "As Peskov said at the United Nations on Monday, Russia will keep Donetsk.",
            "Russia will keep Donetsk",
        ),
    ):
        [claim] = extract(text).claims
        assert claim.content == content, text


def test_a_negated_reporting_verb_attributes_nothing() -> None:
    text = "The central bank has not confirmed the move, and the governor did not say when."
    assert extract(text).claims == ()


def test_reported_with_a_time_before_that_is_a_claim() -> None:
    text = "The Harbour Gazette reported on Tuesday that the ferry line would close."
    [claim] = extract(text).claims
    assert claim.speaker == "The Harbour Gazette"
    assert claim.content == "the ferry line would close"


def test_an_ing_modifier_before_a_titled_name_is_part_of_the_speaker() -> None:
    text = '"We expect to win the league," managing director Ana Ruiz told reporters.'
    [claim] = extract(text).claims
    assert claim.speaker.endswith("Ana Ruiz")


def test_a_time_before_the_speakers_comma_is_not_what_the_speaker_urged() -> None:
    # The clause before a speaker after a comma is what the speaker says ("The deal is dead,
    # the minister told reporters"), but a fronted time or place is only when and where.
    for text, speaker, content in (
        (
            "On Tuesday, the State Department urged Rwanda to stop backing the rebels.",
            "the State Department",
            "Rwanda to stop backing the rebels",
        ),
        (
            "Tuesday, an official at the foreign ministry urged Kyiv to solve the issue.",
            "an official at the foreign ministry",
            "Kyiv to solve the issue",
        ),
        (
            "Late Saturday, the president renewed a threat to halt oil sales.",
            "the president",
            "to halt oil sales",
        ),
        (
            "On March 3, the envoy urged both sides to return to the table.",
            "the envoy",
            "both sides to return to the table",
        ),
        ("The deal is dead, the minister told reporters.", "the minister", "The deal is dead"),
    ):
        assert [(c.speaker, c.content) for c in extract(text).claims] == [(speaker, content)]


def test_a_setting_before_that_is_not_part_of_what_was_said() -> None:
    for text, content in (
        (
            "The spokesman said on state television Friday that jihadists attacked the town.",
            "jihadists attacked the town",
        ),
        (
            "The diplomat said Monday on the social media platform X that Moscow wants a meeting.",
            "Moscow wants a meeting",
        ),
        (
            "The group said in its report that 1,400 families had been evicted.",
            "1,400 families had been evicted",
        ),
        # A quote that opens the clause keeps its opening mark with its closing one.
        (
            'Moscow alleged in recent months that "unmarked" helicopters flew to the north.',
            '"unmarked" helicopters flew to the north',
        ),
        ("The general asserted that “500 fighters” were waiting.", "“500 fighters” were waiting"),
    ):
        assert [c.content for c in extract(text).claims] == [content]
    # A "that" after a time noun, or after what a report is about, is a relative pronoun:
    # the clause after it is not what was said.
    for text in (
        "The mayor said on the day that the talks ended the army withdrew.",
        "The Guardian reported on a secret program that gives the agency access to servers.",
    ):
        for claim in extract(text).claims:
            assert not claim.content.startswith(("the talks ended", "gives")), claim


def test_a_subordinate_clause_after_the_verb_leaves_the_quote_as_what_was_said() -> None:
    text = (
        "“Skiing has become more popular,” he added as a steady stream of skiers made "
        "their way up the slope."
    )
    assert [c.content for c in extract(text).claims] == ["Skiing has become more popular"]
    text = "“The deal is off,” the minister said Monday after the talks collapsed."
    assert [c.content for c in extract(text).claims] == ["The deal is off"]
    # With no quote before the speaker, the clause after the verb is still what was said.
    text = "The minister said after the talks the deal was off."
    assert [c.content for c in extract(text).claims] != ["The minister"]


def test_a_short_phrase_before_that_must_end_like_a_setting() -> None:
    # "on condition that", "in the hope that" lead a clause of their own: it is not what was
    # said, and the phrase stays in the content.
    for text in (
        "The official said on condition that he not be named.",
        "She said in the hope that talks would resume.",
        "She said in the event that talks fail, sanctions will follow.",
    ):
        [claim] = extract(text).claims
        assert claim.content.startswith(("on condition", "in the hope", "in the event"))
    # An audience is a setting, though "to" is also an infinitive's.
    [claim] = extract("The minister said to reporters that the law was strict.").claims
    assert claim.content == "the law was strict"
