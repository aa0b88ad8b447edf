"""The ephemeral /brief answer: share button value, response_url budget, Block Kit limits."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.slack_response import SlackResponse

from bot.commands import BriefCommand
from bot.slack.errors import retry_after
from bot.slack.replies import (
    RESPONSE_URL_USES,
    SHARE_ACTION,
    ephemeral_replies,
    parse_share_value,
    share_value,
)
from bot.work_claims import RecentKeys
from briefings.model import Brief, Entities
from briefings.render import SLACK_MAX_MESSAGES

pytestmark = pytest.mark.unit

SINCE = datetime(2026, 1, 26, 7, 30, tzinfo=UTC)


def brief(topic: str = "donbass", since: datetime | None = SINCE) -> Brief:
    return Brief(topic, SINCE, since, (), (), (), (), Entities())


def message(n: int, blocks: int = 3) -> dict:
    return {
        "text": f"part {n}",
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": f"{n}.{b}"}}
            for b in range(blocks)
        ],
    }


def share_buttons(replies: list[dict]) -> list[dict]:
    return [
        e
        for r in replies
        for b in r.get("blocks", [])
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == SHARE_ACTION
    ]


def test_share_value_round_trips_topic_and_exact_window() -> None:
    value = share_value(brief())
    assert len(value) <= 2000
    assert parse_share_value(value) == BriefCommand("donbass", SINCE)
    assert parse_share_value(share_value(brief(since=None))) == BriefCommand("donbass", None)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "not json",
        "[1, 2]",
        '{"topic": 5}',
        '{"topic": "<!channel>"}',
        '{"topic": "donbass since:2d"}',
        '{"topic": "topics"}',
        '{"topic": "donbass", "since": "yesterday"}',
        '{"topic": "donbass", "since": "2026-01-26T07:30:00"}',
        '{"topic": "donbass", "since": 5}',
    ],
)
def test_malformed_share_values_are_refused(value: str) -> None:
    assert parse_share_value(value) is None


def test_a_short_brief_is_one_ephemeral_message_ending_with_the_share_button() -> None:
    replies = ephemeral_replies([message(1)], share_value(brief()), "donbass")
    assert len(replies) == 1
    assert replies[0]["response_type"] == "ephemeral"
    assert replies[0]["blocks"][:3] == message(1)["blocks"]
    assert len(share_buttons(replies)) == 1
    assert replies[0]["blocks"][-1]["type"] == "actions"


def test_notices_have_no_share_button() -> None:
    assert share_buttons(ephemeral_replies([message(1)], None)) == []


def test_a_brief_longer_than_five_responses_is_cut_with_a_pointer_to_since() -> None:
    replies = ephemeral_replies([message(n) for n in range(8)], share_value(brief()), "donbass")
    assert len(replies) == RESPONSE_URL_USES
    assert [r["text"] for r in replies[:4]] == ["part 0", "part 1", "part 2", "part 3"]
    note = replies[-1]["text"]
    assert "runs to 8 messages" in note and "since:1d" in note
    assert "post it whole" in note
    assert len(share_buttons(replies)) == 1


def test_a_brief_longer_than_the_share_cap_gives_its_size_and_what_sharing_posts() -> None:
    # The share posts SLACK_MAX_MESSAGES - 1 parts and a note: "whole" would be untrue.
    replies = ephemeral_replies([message(n) for n in range(246)], share_value(brief()), "donbass")
    assert len(replies) == RESPONSE_URL_USES
    note = replies[-1]["text"]
    assert "This brief runs to 246 messages; Slack lets me show 4 here." in note
    assert f"posts the first {SLACK_MAX_MESSAGES - 1} and says what it left out" in note
    assert "whole" not in note and "`/brief donbass since:1d`" in note
    assert len(share_buttons(replies)) == 1


def test_a_full_last_message_gets_the_button_in_a_message_of_its_own() -> None:
    replies = ephemeral_replies([message(1, blocks=50)], share_value(brief()), "donbass")
    assert len(replies) == 2
    assert all(len(r["blocks"]) <= 50 for r in replies)
    assert len(share_buttons(replies)) == 1


def test_five_full_messages_still_fit_the_budget_and_the_block_limit() -> None:
    replies = ephemeral_replies(
        [message(n, blocks=50) for n in range(5)], share_value(brief()), "donbass"
    )
    assert len(replies) == RESPONSE_URL_USES
    assert all(len(r["blocks"]) <= 50 for r in replies)
    assert len(share_buttons(replies)) == 1


def test_a_full_fifth_message_is_never_cut_short_to_make_room_for_the_button() -> None:
    # Five messages, the fifth with its 50 blocks: the button would need a sixth use. The
    # answer shows four messages whole and a note with the button, never the fifth message
    # with its last block (the list of reports) swapped for the button.
    brief_parts = [message(n) for n in range(4)] + [message(4, blocks=50)]
    replies = ephemeral_replies(brief_parts, share_value(brief()), "donbass")
    assert len(replies) == RESPONSE_URL_USES
    assert [r["blocks"] for r in replies[:4]] == [m["blocks"] for m in brief_parts[:4]]
    note = replies[-1]
    assert "This brief runs to 5 messages; Slack lets me show 4 here." in note["text"]
    assert "post it whole" in note["text"]
    assert [b["type"] for b in note["blocks"]] == ["section", "actions"]
    assert len(share_buttons(replies)) == 1


def test_a_full_fourth_and_last_message_is_shown_whole_with_the_button_after_it() -> None:
    # Near miss: one use is left, so nothing is cut and the button comes alone.
    brief_parts = [message(n) for n in range(3)] + [message(3, blocks=50)]
    replies = ephemeral_replies(brief_parts, share_value(brief()), "donbass")
    assert [r["blocks"] for r in replies[:4]] == [m["blocks"] for m in brief_parts]
    assert len(replies) == RESPONSE_URL_USES
    assert [b["type"] for b in replies[-1]["blocks"]] == ["actions"]
    assert "runs to" not in json.dumps(replies)


def test_recent_keys_remember_a_bounded_number_of_events() -> None:
    keys = RecentKeys(capacity=2)
    assert keys.first_time("Ev1") and not keys.first_time("Ev1")
    assert keys.first_time("Ev2") and keys.first_time("Ev3")
    assert keys.first_time("Ev1")  # forgotten once the memory is full


def test_recent_keys_forget_a_key_whose_first_try_failed() -> None:
    keys = RecentKeys()
    assert keys.first_time("share") and not keys.first_time("share")
    keys.forget("share")
    assert keys.first_time("share")
    keys.forget("never seen")  # nothing to forget is no error


def test_a_retry_after_slack_could_not_mean_waits_a_second() -> None:
    def limited(header: str) -> SlackApiError:
        response = SlackResponse(
            client=None,
            http_verb="POST",
            api_url="https://slack.invalid/api/chat.postMessage",
            req_args={},
            data={"ok": False, "error": "ratelimited"},
            headers={"Retry-After": header},
            status_code=429,
        )
        return SlackApiError("ratelimited", response)

    assert retry_after(limited("7")) == 7.0
    # "²" is a digit to str.isdigit and no number to float: a second, not a ValueError.
    assert retry_after(limited("²")) == 1.0
