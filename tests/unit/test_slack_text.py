"""Slack markup to plain text: what the engine reads from a thread, never a live mention."""

from __future__ import annotations

import pytest

from bot.slack.threads import mentioned_user_ids, plain_text

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("markup", "plain"),
    [
        ("<@U0BOB> agreed", "@U0BOB agreed"),
        ("<@U0BOB|bob> agreed", "@bob agreed"),
        ("<!channel> look", "@channel look"),
        ("<!here|here> look", "@here look"),
        ("ask <!subteam^S1|@editors>", "ask @editors"),
        ("in <#C123|news>", "in #news"),
        ("see <https://example.org/a|the memo>", "see the memo (https://example.org/a)"),
        ("see <https://example.org/a>", "see https://example.org/a"),
        ("<!date^1392734382^{date}|Feb 18, 2014>", "Feb 18, 2014"),
        ("a &lt;b&gt; &amp; c", "a <b> & c"),
        ("&amp;lt;", "&lt;"),
    ],
)
def test_markup_becomes_what_a_reader_sees(markup: str, plain: str) -> None:
    assert plain_text(markup) == plain


def test_user_ids_become_names_when_known() -> None:
    names = {"U0BOB": "Bob"}
    assert plain_text("<@U0BOB> and <@U0EVE>", names) == "@Bob and @U0EVE"
    assert mentioned_user_ids("<@U0BOB> and <@U0EVE|eve>") == ["U0BOB", "U0EVE"]


def test_no_slack_control_sequence_survives() -> None:
    hostile = "<!channel> <!everyone> <@U1> <https://evil.example|ok> <#C1> <!subteam^S1>"
    assert "<" not in plain_text(hostile) and ">" not in plain_text(hostile)
