"""The verb a brief puts before a claim's content: only the sentence's own, and only where
the content follows it, so that verb and content read as the report wrote them."""

from __future__ import annotations

import pytest

from briefings.lead_verbs import lead_verb

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("cue", "content", "sentence", "verb"),
    [
        # A verb whose object is the content: without it, "claims: Kyiv to withdraw" reads
        # as if the speaker asserted the demand, "claims: any concessions" the opposite.
        ("urged", "Kyiv to withdraw", "Officials urged Kyiv to withdraw.", "urged"),
        ("refused", "any concessions", "Kyiv has refused any concessions.", "refused"),
        ("accused", "Moscow of shelling", "Kyiv accused Moscow of shelling.", "accused"),
        ("called on", "both sides to stop", "The UN called on both sides to stop.", "called on"),
        # A light verb with its noun.
        (
            "expressed growing concerns",
            "about the delays",
            "Officials expressed growing concerns about the delays.",
            "expressed growing concerns",
        ),
        # "said that …": the content starts after "that".
        ("said", "the talks failed", "Peskov said that the talks failed.", "said"),
        ("says", "the talks failed", "Peskov says the talks failed.", "says"),
        # Denials read the same way.
        ("denied", "the reports", "A spokesman denied the reports.", "denied"),
        ("dismissed", "the claim", "The ministry dismissed the claim as false.", "dismissed"),
        # The sentence's spelling is kept.
        ("Said", "the talks failed", "Said the talks failed, one aide claimed.", "Said"),
    ],
)
def test_a_finite_verb_followed_by_its_content_leads(
    cue: str, content: str, sentence: str, verb: str
) -> None:
    assert lead_verb(cue, content, sentence) == verb


@pytest.mark.parametrize(
    ("cue", "content", "sentence"),
    [
        # The content is before the verb: "said The talks failed" would read wrong.
        ("said", "The talks failed", '"The talks failed," Peskov said.'),
        # Something stands between: "told the talks failed" drops who was told.
        ("told", "the talks failed", "Peskov told reporters the talks failed."),
        # A participle, a noun, a passive, a negation, a quotation: no verb to lead with.
        ("saying", "the talks failed", "The party issued a statement, saying the talks failed."),
        ("claims", "the plan is ready", "Zelensky's claims that the plan is ready are false."),
        ("assertion", "the plan is ready", "Zelensky's assertion that the plan is ready."),
        (
            "are considered by",
            "Both regions",
            "Both regions are considered by Moscow as essential.",
        ),
        ("is not", "seeking concessions", "The U.S. is not seeking concessions."),
        ("has denied", "the reports", "The ministry has denied the reports."),
        ("quote", "We will win", '"We will win."'),
        ("according to", "the talks failed", "According to Peskov, the talks failed."),
        # Only a whole word is the verb: "unsaid" is no "said".
        ("said", "the rest", "He left unsaid the rest."),
        # No content, no verb.
        ("said", "", "Peskov said so."),
    ],
)
def test_no_verb_leads_where_it_would_not_read_as_the_report_wrote_it(
    cue: str, content: str, sentence: str
) -> None:
    assert lead_verb(cue, content, sentence) == ""


def test_the_content_s_start_is_what_must_follow_the_verb() -> None:
    # The content's end may be tidied ('back.”' keeps its closing quote mark, not the stop).
    sentence = "Volker called his last meeting with Surkov in Belgrade last November “a step back.”"
    content = "his last meeting with Surkov in Belgrade last November “a step back”"
    assert lead_verb("called", content, sentence) == "called"


@pytest.mark.parametrize(
    ("cue", "content", "sentence"),
    [
        (
            "confirmed",
            "nor denied that talks took place",
            "The Kremlin neither confirmed nor denied that talks took place.",
        ),
        ("denied", "the reports", "Peskov hardly denied the reports."),
        ("denied", "the reports", "The ministry has never denied the reports."),
        ("confirmed", "the deal", "Peskov hardly ever confirmed the deal."),
        ("deny", "the reports", "The ministry didn’t deny the reports."),
    ],
)
def test_a_verb_a_negator_turns_round_does_not_lead(cue: str, content: str, sentence: str) -> None:
    assert lead_verb(cue, content, sentence) == ""
