"""A source set off by commas inside the clause it reports: the claim runs from the subject
before the source to the end of the predicate after it, one verbatim stretch with the
source inside it.

Before, the content was whichever side the cue rule read: "on Tuesday, will continue next
week", "reporters, would not accept …", or for "according to" the bare subject "The army".
"""

from __future__ import annotations

import pytest

from briefings.extract import extract
from briefings.model import Report
from briefings.parentheticals import fronted_subject

pytestmark = pytest.mark.unit


def _claims(text: str) -> list[tuple[str, str]]:
    result = extract(Report(id="r", title="", text=text))
    return [(c.speaker, c.content) for c in result.claims]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The talks, the minister said on Tuesday, will continue next week in Geneva.",
            "the minister",
            "The talks, the minister said on Tuesday, will continue next week in Geneva",
        ),
        (
            "The army, according to two officials, has pulled back from the town.",
            "two officials",
            "The army, according to two officials, has pulled back from the town",
        ),
        (
            "Moscow, Dmitry Peskov told reporters, would not accept a ceasefire that leaves "
            "Ukraine armed.",
            "Dmitry Peskov",
            "Moscow, Dmitry Peskov told reporters, would not accept a ceasefire that leaves "
            "Ukraine armed",
        ),
        (
            "The convoy, said a spokesman for the mission, was turned back at the border.",
            "a spokesman for the mission",
            "The convoy, said a spokesman for the mission, was turned back at the border",
        ),
        (
            "Grain exports, the agency reported, have already fallen by a third.",
            "the agency",
            "Grain exports, the agency reported, have already fallen by a third",
        ),
    ],
)
def test_the_claim_runs_from_the_subject_through_its_predicate(
    text: str, speaker: str, content: str
) -> None:
    assert _claims(text) == [(speaker, content)]


def test_a_quoted_predicate_keeps_its_marks() -> None:
    text = "Kyiv, the envoy said, “will never accept” a frozen front line."
    assert _claims(text) == [("the envoy", text.rstrip("."))]


@pytest.mark.parametrize(
    "text",
    [
        # A whole clause before the source: it is the content, as before.
        "The factory had hired a company to fumigate, she said, to keep insects away.",
        # A fronted phrase, not a subject; the clause after it has its own.
        "In Kyiv, officials said, the talks would resume within days.",
        "However, the minister said, the talks will continue.",
        # After the source comes another clause or a phrase, not a predicate.
        "Fines are possible, he said, but the prison chief cannot try anyone.",
        "The ceasefire, he said, a word Moscow rarely uses, is holding.",
        # A subject pronoun before the source is a clause's start, not a fronted subject.
        "It, the minister said, will take years.",
    ],
)
def test_no_fronted_subject_where_the_frame_is_something_else(text: str) -> None:
    result = extract(Report(id="r", title="", text=text))
    for claim in result.claims:
        assert claim.content in text, claim


def test_the_offsets_name_the_subject_and_where_the_predicate_starts() -> None:
    sentence = "The talks, the minister said on Tuesday, will continue."
    source = sentence.index("the minister")
    cue_end = sentence.index(" on Tuesday")
    frame = fronted_subject(sentence, source, source + len("the minister"), cue_end, "said")
    assert frame == (0, len("The talks"), sentence.index("will"))
    # A long stretch with a clause of its own between the cue and the comma is no setting.
    sentence = "The talks, the minister said the envoys agreed, will continue."
    source = sentence.index("the minister")
    cue_end = sentence.index(" the envoys")
    assert fronted_subject(sentence, source, source + len("the minister"), cue_end, "said") is None


def test_a_passive_said_to_be_has_no_speaker() -> None:
    # "said to be" after a comma is a reduced passive: no one is said to say anything.
    assert _claims("The new law, said to be the strictest in Europe, takes effect today.") == []


def test_a_participle_before_the_source_is_not_the_clauses_subject() -> None:
    assert _claims("Speaking to reporters, the minister said, troops would stay.") == [
        ("the minister", "troops would stay")
    ]
