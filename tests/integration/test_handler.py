"""The command handler against a real store: replies as data, the same on every platform."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.app import Services
from bot.commands import HELP_TEXT, parse_command
from bot.file_ingest import ingest_paths
from bot.status import build_status
from briefings.ledger import Follow
from briefings.model import Brief, Notice

pytestmark = pytest.mark.integration


def ask(services: Services, text: str, where: str = "slack:C1") -> Brief | Notice:
    return services.handler.handle(parse_command(text), where)


def test_brief_of_the_seed(services: Services, seed_file: Path) -> None:
    ingest_paths(services.pipeline, [seed_file], services.config.ingest_max_bytes)
    reply = ask(services, "donbass")
    assert isinstance(reply, Brief) and reply.topic == "donbass"
    assert reply.claims and reply.reports[0].published == "2026-01-27"
    by_alias = ask(services, "donbas")
    assert isinstance(by_alias, Brief) and by_alias.topic == "donbass"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Донбас", "donbass"),
        ("Donetsk People's Republic since:2d", "donbass"),
        ("peace talks", "ukraine-peace-talks"),
    ],
)
def test_every_alias_that_topics_lists_names_its_topic(
    services: Services, text: str, topic: str
) -> None:
    # `topics` lists these aliases; a user who types one gets the brief, not "no topic".
    reply = ask(services, text)
    assert isinstance(reply, Brief) and reply.topic == topic


def test_unknown_topic_suggests(services: Services) -> None:
    reply = ask(services, "donbasss")
    assert isinstance(reply, Notice) and reply.error
    assert "Did you mean donbass" in reply.title


@pytest.mark.parametrize("text", ["frobnicate", "follow frobnicate", "unfollow frobnicate"])
def test_an_unknown_word_gets_its_sentence_and_the_commands(services: Services, text: str) -> None:
    # One word may be a mistyped command as well as a mistyped topic: show both ways out.
    reply = ask(services, text)
    assert isinstance(reply, Notice) and reply.error
    assert reply.title == "There is no topic 'frobnicate'. Send `topics` to list them."
    assert reply.lines == tuple(HELP_TEXT.splitlines())


def test_an_unknown_topic_is_quoted_clipped_as_every_other_word(services: Services) -> None:
    """`briefbot brief` takes any word as a topic: 10 kB of it came back whole."""
    reply = services.handler.unknown_topic("x" * 10_000 + "\u202e")
    assert reply.title == f"There is no topic '{'x' * 39}…'. Send `topics` to list them."
    assert "\u202e" not in services.handler.unknown_topic("donbas\u202e").title


@pytest.mark.parametrize(
    ("text", "command"),
    [("folow donbass", "follow"), ("topcis", "topics"), ("stauts", "status"), ("hepl", "help")],
)
def test_a_mistyped_command_word_is_offered_as_the_command(
    services: Services, text: str, command: str
) -> None:
    reply = ask(services, text)
    assert isinstance(reply, Notice) and reply.error
    word = text.split()[0]
    assert reply.title == f"There is no topic '{word}'. Did you mean the command `{command}`?"


def test_follow_and_unfollow_persist_and_notify(services: Services) -> None:
    seen: list[tuple[Follow, bool]] = []
    services.handler.on_follow = lambda follow, added: seen.append((follow, added))
    reply = ask(services, "follow donbass at 07:15 Europe/Kyiv", "matrix:!abc")
    assert isinstance(reply, Notice) and not reply.error
    assert services.store.follows("matrix:!abc") == [
        Follow("matrix:!abc", "donbass", "07:15", "Europe/Kyiv", "chat")
    ]
    assert seen[-1][1] is True
    assert "Stopped" in ask(services, "unfollow donbass", "matrix:!abc").title  # type: ignore[union-attr]
    assert seen[-1] == (Follow("matrix:!abc", "donbass", "00:00", "UTC"), False)
    assert services.store.follows("matrix:!abc") == []
    again = ask(services, "unfollow donbass", "matrix:!abc")
    assert isinstance(again, Notice) and "does not follow" in again.title


def test_topics_status_help_and_garbage(services: Services) -> None:
    topics = ask(services, "topics")
    assert isinstance(topics, Notice) and any(line.startswith("donbass") for line in topics.lines)
    status = ask(services, "status")
    assert isinstance(status, Notice) and "0 reports stored." in status.lines
    garbage = ask(services, "follow donbass at noon-ish")
    assert isinstance(garbage, Notice) and garbage.error and garbage.lines


def test_a_failing_handler_answers_one_sentence(services: Services) -> None:
    services.store.close()
    services.store.engine.dispose()

    def explode(*_: object) -> list[str]:
        raise RuntimeError("database is gone")

    services.store.topic_window = explode  # type: ignore[method-assign]
    reply = ask(services, "donbass")
    assert isinstance(reply, Notice) and reply.error
    assert "database is gone" not in reply.title and "Traceback" not in reply.title


def test_an_unknown_word_with_more_words_after_it_is_named_as_no_topic(services: Services) -> None:
    # "frobnicate the thing": that "the" is not understood after a topic is beside the point.
    reply = ask(services, "frobnicate the thing")
    assert isinstance(reply, Notice) and reply.error
    assert reply.title == "There is no topic 'frobnicate'. Send `topics` to list them."


def test_a_known_topic_with_words_it_cannot_read_says_which_word(services: Services) -> None:
    # Near miss: the topic exists, so the word after it is what is wrong.
    reply = ask(services, "donbass please")
    assert isinstance(reply, Notice) and reply.error
    assert reply.title.startswith("'please' is not understood")
    # After an alias of several words, the words after the whole alias are.
    reply = ask(services, "peace talks please")
    assert isinstance(reply, Notice) and reply.error
    assert reply.title == "'please' is not understood; try `peace talks since:2d`."


def test_status_in_a_conversation_lists_its_own_daily_digests_only(services: Services) -> None:
    ask(services, "follow donbass at 07:15 Europe/Kyiv", "matrix:!abc")
    ask(services, "follow donbass at 09:00", "slack:C2")

    here = ask(services, "status", "matrix:!abc")
    assert isinstance(here, Notice)
    assert "Daily digests here:" in here.lines
    assert "  donbass at 07:15 (Europe/Kyiv)" in here.lines
    assert not any("slack:C2" in line for line in here.lines), "another room is not named"

    elsewhere = ask(services, "status", "slack:C9")
    assert isinstance(elsewhere, Notice)
    assert "No daily digest here (`follow <topic>` sets one up)." in elsewhere.lines

    everything = build_status(services.store, datetime.now(UTC))
    assert "  donbass at 09:00 (UTC) to slack:C2" in everything.lines
    assert "  donbass at 07:15 (Europe/Kyiv) to matrix:!abc" in everything.lines


def deliver(services: Services, destination: str, day: str, error: str | None) -> None:
    key = f"{destination}|donbass|{day}"
    assert services.store.begin_delivery(key, destination, "donbass", day)
    services.store.finish_delivery(key, error, give_up=error is not None)


def test_status_folds_digests_a_later_delivered_one_made_moot_and_names_no_other_room(
    services: Services,
) -> None:
    services.store.add_follow(Follow("slack:C1", "donbass", "08:00", "UTC"))
    services.store.add_follow(Follow("matrix:!other", "donbass", "08:00", "UTC"))
    for day in ("2026-11-20", "2026-11-21", "2026-11-22"):
        deliver(services, "slack:C1", day, "channel_not_found")
    # A room that stopped following: its failure is no one's to act on any more.
    deliver(services, "slack:C2", "2026-11-24", "channel_not_found")
    deliver(services, "slack:C1", "2026-11-23", None)
    deliver(services, "slack:C1", "2026-11-24", "ratelimited")
    deliver(services, "matrix:!other", "2026-11-22", "M_FORBIDDEN")

    lines = build_status(services.store, datetime.now(UTC)).lines
    # The failure after the last delivered digest is listed in full; the three before it
    # are one line, since their news came with the digest of the 23rd.
    assert any(line.startswith("  slack:C1 donbass 2026-11-24: given up") for line in lines)
    assert (
        "  slack:C1 donbass: 3 earlier digests (2026-11-20 to 2026-11-22) not delivered; "
        "their news came with the digest of 2026-11-23."
    ) in lines
    assert not any("slack:C1 donbass 2026-11-2" in line for line in lines if "-24" not in line)
    # A room that never got a digest keeps its failure listed in full.
    assert any(line.startswith("  matrix:!other donbass 2026-11-22: given up") for line in lines)
    assert not any("slack:C2" in line for line in lines)

    here = ask(services, "status", "slack:C1")
    assert isinstance(here, Notice)
    assert not any("matrix:!other" in line for line in here.lines), "another room is not named"
    assert any("slack:C1 donbass 2026-11-24" in line for line in here.lines)


def test_status_leaves_out_a_source_taken_out_of_the_config_and_counts_it(
    services: Services,
) -> None:
    services.store.update_source_state("old-wire", failures=0, last_error=None)
    lines = ask(services, "status", "slack:C1").lines
    assert not any("old-wire" in line for line in lines)
    assert "1 source no longer in the config is not shown." in lines
