"""The shared chat grammar: every command, and malformed input turning into help."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.commands import (
    BriefCommand,
    CommandError,
    FollowCommand,
    HelpCommand,
    StatusCommand,
    SummarizeCommand,
    TopicsCommand,
    UnfollowCommand,
    parse_brief_words,
    parse_command,
)

pytestmark = pytest.mark.unit
NOW = datetime(2026, 2, 1, 12, 0, tzinfo=UTC)


def test_brief_with_and_without_since() -> None:
    assert parse_command("donbass", NOW) == BriefCommand("donbass")
    assert parse_command("  Donbass  since:2d", NOW) == BriefCommand(
        "donbass", NOW - timedelta(days=2)
    )
    assert parse_command("donbass since:2026-01-20", NOW) == BriefCommand(
        "donbass", datetime(2026, 1, 20, tzinfo=UTC)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("topics", TopicsCommand()),
        ("status", StatusCommand()),
        ("summarize", SummarizeCommand()),
        ("help", HelpCommand()),
        ("", HelpCommand()),
        ("follow donbass", FollowCommand("donbass", "08:00", "UTC")),
        ("follow donbass at 7:30 Europe/Kyiv", FollowCommand("donbass", "07:30", "Europe/Kyiv")),
        ("follow donbass 18:00", FollowCommand("donbass", "18:00", "UTC")),
        ("unfollow donbass", UnfollowCommand("donbass")),
    ],
)
def test_commands(text: str, expected: object) -> None:
    assert parse_command(text, NOW) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("donbass since:yesterday", "is not a time"),
        ("donbass since:2026-02-30", "not a real date"),
        ("follow donbass at 25:00", "not a time of day"),
        ("follow donbass at 08:00 Mars/Olympus", "not a time zone"),
        # Folders of the zone database, and a name too long to be a file name: ZoneInfo
        # raises OSError for those, not ZoneInfoNotFoundError.
        ("follow donbass at 08:00 Europe", "'Europe' is not a time zone; use an IANA name"),
        ("follow donbass Etc", "'Etc' is not a time zone"),
        # A lower-case word where a zone would be is a second word of a topic.
        ("follow peace talks", "`follow` takes a one-word topic name or alias"),
        ("follow donbass at 08:00 America", "'America' is not a time zone"),
        ("follow donbass at 08:00 Europe/" + "K" * 300, "is not a time zone"),
        ("follow", "which topic"),
        ("unfollow", "which topic"),
        ("topics now", "takes no arguments"),
        ("<!channel>", "not a topic name"),
        ("x" * 500, "not a topic name"),
    ],
)
def test_malformed_input_becomes_help_with_reason(text: str, fragment: str) -> None:
    command = parse_command(text, NOW)
    assert isinstance(command, HelpCommand)
    assert command.error is not None and fragment in command.error
    assert len(command.error) < 200


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Aliases in any script, and of several words: the handler resolves them.
        ("Донбас", BriefCommand("донбас")),
        ("peace talks since:2d", BriefCommand("peace talks", NOW - timedelta(days=2))),
        ("Donetsk People's Republic", BriefCommand("donetsk people's republic")),
        ("unfollow peace talks", UnfollowCommand("peace talks")),
        # Scripts whose letters carry combining marks, and names with signs in them.
        ("यूक्रेन", BriefCommand("यूक्रेन")),
        ("AT&T deal", BriefCommand("at&t deal")),
    ],
)
def test_a_topic_may_be_named_by_any_alias(text: str, expected: object) -> None:
    assert parse_command(text, NOW) == expected


def test_the_words_after_a_topic_are_read_alone_for_the_command_line() -> None:
    assert parse_brief_words("donbass", ["since:2d"], NOW) == NOW - timedelta(days=2)
    assert parse_brief_words("Донбас", [], NOW) is None, "any topic the CLI resolves"
    with pytest.raises(CommandError, match="'please' is not understood; try `donbass since:2d`"):
        parse_brief_words("donbass", ["please"], NOW)


@pytest.mark.parametrize(
    "text", ["donbass\u202e", "donbass since:2d\u202e", "follow donbass at 9\u2066"]
)
def test_an_error_never_quotes_a_control_or_direction_character(text: str) -> None:
    # "\u202e" in a quoted word would turn the rest of the reply's line around.
    command = parse_command(text, NOW)
    assert isinstance(command, HelpCommand) and command.error is not None
    assert not any(c in command.error for c in "\u202e\u2066")


@pytest.mark.parametrize("when", ["2.30", "8am", "8PM", "8h30", "8.30pm", "0830", "8"])
def test_a_time_of_day_in_another_notation_is_called_a_time_not_a_zone(when: str) -> None:
    for text in (f"follow donbass at {when}", f"follow donbass {when} Europe/Kyiv"):
        command = parse_command(text, NOW)
        assert isinstance(command, HelpCommand)
        assert command.error == f"'{when}' is not a time of day; use HH:MM, e.g. 08:00."


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("<#C0123ABC|general>", "'#general' is a channel, not a topic; `topics` lists them."),
        ("<#C0123ABC>", "'#C0123ABC' is a channel, not a topic; `topics` lists them."),
        ("<@U0123ABC>", "'@U0123ABC' is a person, not a topic; `topics` lists them."),
        ("<@U0123ABC|alice> since:2d", "'@alice' is a person, not a topic; `topics` lists them."),
        (
            "follow <#C0123ABC|general>",
            "'#general' is a channel, not a topic; `topics` lists them.",
        ),
        ("unfollow <@W0123ABC>", "'@W0123ABC' is a person, not a topic; `topics` lists them."),
        (
            "<#C0123ABC|" + "x" * 80 + ">",
            "'#" + "x" * 38 + "…' is a channel, not a topic; `topics` lists them.",
        ),
    ],
)
def test_a_channel_or_person_slack_sends_as_markup_is_named_as_one(text: str, error: str) -> None:
    # Slack sends a channel or person picked in a slash command as <#C…|name> and <@U…>.
    assert parse_command(text, NOW) == HelpCommand(error=error)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ｄｏｎｂａｓｓ", BriefCommand("donbass")),
        ("ｄｏｎｂａｓｓ\u3000ｓｉｎｃｅ：２ｄ", BriefCommand("donbass", NOW - timedelta(days=2))),
        ("donbass since：2d", BriefCommand("donbass", NOW - timedelta(days=2))),
        ("ｆｏｌｌｏｗ donbass ａｔ ０７：３０", FollowCommand("donbass", "07:30", "UTC")),
        ("ｔｏｐｉｃｓ", TopicsCommand()),
    ],
)
def test_fullwidth_letters_read_as_their_ascii_forms(text: str, expected: object) -> None:
    # An East Asian input method left in full-width mode types these.
    assert parse_command(text, NOW) == expected
    if isinstance(expected, BriefCommand) and expected.since is not None:
        assert parse_brief_words("donbass", text.split()[1:], NOW) == expected.since
