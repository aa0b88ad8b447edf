"""Topic assignment by aliases: word boundaries, case, typographic apostrophes, longest first."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from briefings.topics import Topic, TopicMatcher, topics_from_mapping

pytestmark = pytest.mark.unit

TOPICS = [
    Topic("donbass", "east", ("Donbass", "Donbas", "Donetsk", "People's Republics", "DPR")),
    Topic("talks", "negotiations", ("peace talks", "ceasefire")),
]


def test_alias_matches_whole_words_case_insensitively() -> None:
    matcher = TopicMatcher(TOPICS)
    assert matcher.match("Fighting in the DONBAS region") == ["donbass"]
    assert matcher.match("The dprk launched a missile") == []
    assert matcher.match("Donetskiy is a surname") == []


def test_typographic_apostrophe_and_spacing() -> None:
    matcher = TopicMatcher(TOPICS)
    assert matcher.match("the Donetsk and Lugansk People\u2019s  Republics") == ["donbass"]


def test_several_topics_in_config_order() -> None:
    matcher = TopicMatcher(TOPICS)
    assert matcher.match("A ceasefire in Donbass") == ["donbass", "talks"]


def test_resolve_by_alias_and_suggest() -> None:
    matcher = TopicMatcher(TOPICS)
    assert matcher.resolve("Donbas") is not None
    assert matcher.resolve("Donbas").name == "donbass"  # type: ignore[union-attr]
    assert matcher.suggest("donbas")[0] == "donbass"
    assert matcher.suggest("zzz") == []


def test_bad_topic_definitions_name_the_key() -> None:
    with pytest.raises(ValueError, match=r"topics\[0\]\.name"):
        topics_from_mapping({"topics": [{"name": "Bad Name"}]})
    with pytest.raises(ValueError, match=r"topics\[1\]\.name: topic 'a' is defined twice"):
        topics_from_mapping({"topics": [{"name": "a"}, {"name": "a"}]})
    with pytest.raises(ValueError, match=r"aliases"):
        topics_from_mapping({"topics": [{"name": "a", "aliases": "Donbass"}]})


@pytest.mark.parametrize("blank", ["", " ", "\t", "\u3000"])
def test_an_empty_or_blank_alias_is_refused(blank: str) -> None:
    with pytest.raises(ValueError, match=r"topics\[0\]\.aliases: expected a list of non-empty"):
        topics_from_mapping({"topics": [{"name": "a", "aliases": ["Donbass", blank]}]})


def test_unknown_keys_in_a_topics_file_are_refused_with_the_key_meant() -> None:
    # "alias" for "aliases" would leave the topic matching no report without a word.
    with pytest.raises(
        ValueError, match=r"topics\[0\]\.alias: unknown key \(did you mean 'aliases'\?\)"
    ):
        topics_from_mapping({"topics": [{"name": "a", "alias": ["Donbass"]}]})
    with pytest.raises(ValueError, match=r"bogus: unknown key"):
        topics_from_mapping({"bogus": 1, "topics": [{"name": "a"}]})


def test_a_topic_with_required_words_joins_only_reports_that_name_one() -> None:
    talks = Topic("ukraine-talks", "talks", ("peace talks", "ceasefire"), ("Ukraine", "Kyiv"))
    matcher = TopicMatcher([TOPICS[0], talks])
    # Another war's talks name the alias but not the story.
    assert matcher.match("Kerry returns to Israel for peace talks") == []
    assert matcher.match("Peace talks resume", "Delegations from Kyiv arrived.") == [
        "ukraine-talks"
    ]
    # Whole words in any case, a possessive too, and in any of the texts.
    assert matcher.match("UKRAINE'S negotiators want a ceasefire") == ["ukraine-talks"]
    assert matcher.match("A ceasefire in Kyivska oblast") == []
    # A topic without required words is as before.
    assert matcher.match("A ceasefire in Donbass") == ["donbass"]
    # The aliases still name the topic in chat.
    assert matcher.resolve("ceasefire") is talks


def test_required_words_must_be_a_list_of_words() -> None:
    [topic] = topics_from_mapping(
        {"topics": [{"name": "a", "aliases": ["peace talks"], "requires": ["Ukraine"]}]}
    )
    assert topic.requires == ("Ukraine",)
    for bad in ("Ukraine", ["Ukraine", " "], [1]):
        with pytest.raises(
            ValueError, match=r"topics\[0\]\.requires: expected a list of non-empty"
        ):
            topics_from_mapping({"topics": [{"name": "a", "requires": bad}]})


def test_the_shipped_peace_talks_topic_leaves_other_wars_talks_out() -> None:
    shipped = Path(__file__).resolve().parents[2] / "config" / "topics.toml"
    matcher = TopicMatcher(topics_from_mapping(tomllib.loads(shipped.read_text("utf-8"))))
    assert matcher.match("Kerry presses Israel and the Palestinians on a peace deal") == []
    assert matcher.match("Zelensky says a ceasefire must come first") == ["ukraine-peace-talks"]
    assert matcher.match("Russia and Ukraine agree a truce in the Donbas") == [
        "donbass",
        "ukraine-peace-talks",
    ]
