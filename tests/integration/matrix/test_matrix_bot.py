"""The Matrix bot against a real Synapse: invitations, commands, threads, restarts, safety.

Each test is one conversation: people (nio clients) talk in a room, the bot answers, and the
test reads what arrived in the room, as any Matrix client would.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.app import Services, build_services
from bot.delivery import DeliveryError, DeliveryRouter
from bot.file_ingest import ingest_paths
from bot.matrix import MatrixAdapter
from bot.matrix.client import MatrixLoginError
from bot.scheduler import BotScheduler
from briefings.brief import build_digest
from briefings.ingest import read_report_file
from briefings.ledger import Follow
from briefings.model import Digest, Notice
from briefings.render import MATRIX_MAX_EVENTS
from tests.conftest import ROOT, bot_env, make_config
from tests.integration.long_story import write_late_report, write_long_story
from tests.integration.matrix.conftest import bot_services, running
from tests.integration.matrix.homeserver import Homeserver, MatrixUser
from tests.integration.matrix.human import Event, Human, notices_from

pytestmark = pytest.mark.integration

EVIDENCE = "U.S. officials have reportedly urged Kyiv to completely withdraw"


def body(event: Event) -> str:
    return str((event.get("content") or {}).get("body", ""))


def formatted(event: Event) -> str:
    return str((event.get("content") or {}).get("formatted_body", ""))


def everything_on_donbass(services: Services) -> Digest:
    """A digest of every report on the topic (ten years back)."""
    now = datetime.now(UTC)
    return build_digest(services.store, [("donbass", "Donbass")], now - timedelta(days=3650), now)


def thread_root(event: Event) -> str | None:
    """The root of the thread ``event`` is in (None outside any thread)."""
    relation = (event.get("content") or {}).get("m.relates_to") or {}
    return relation.get("event_id") if relation.get("rel_type") == "m.thread" else None


def test_invite_from_a_user_of_the_same_homeserver_is_accepted(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    async def scenario() -> None:
        services = bot_services(homeserver, bot_user, tmp_path)
        async with running(services), Human(homeserver, alice) as person:
            room = await person.create_room(invite=bot_user.user_id)
            member = await person.membership(room, bot_user.user_id)
            assert member["content"]["membership"] == "join"
        services.close()

    asyncio.run(scenario())


def test_invite_from_outside_the_allowlist_is_declined_with_a_reason(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    async def scenario() -> None:
        allowed = {"allow_invites_from": ["@someone-else:localhost", "example.org"]}
        services = bot_services(homeserver, bot_user, tmp_path, matrix=allowed)
        async with running(services), Human(homeserver, alice) as person:
            room = await person.create_room(invite=bot_user.user_id)
            member = await person.membership(room, bot_user.user_id)
            assert member["content"]["membership"] == "leave"
            assert "accepts invitations only from" in member["content"]["reason"]
            assert "@someone-else:localhost" in member["content"]["reason"]
        services.close()

    asyncio.run(scenario())


def test_brief_command_answers_with_an_html_notice_carrying_the_evidence(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    async def scenario() -> None:
        services = bot_services(homeserver, bot_user, tmp_path)
        async with running(services), Human(homeserver, alice) as person:
            room = await person.create_room(invite=bot_user.user_id)
            await person.membership(room, bot_user.user_id)
            await person.say(room, "!BRIEF donbass")
            [notice] = await person.wait_for(room, notices_from(bot_user.user_id))
        services.close()
        content = notice["content"]
        assert content["msgtype"] == "m.notice"
        assert content["format"] == "org.matrix.custom.html"
        assert content["body"].startswith("Brief: donbass")
        assert EVIDENCE in content["body"]
        assert "<h3>Brief: donbass</h3>" in content["formatted_body"]
        assert f"<blockquote>{EVIDENCE}" in content["formatted_body"]
        assert "<" not in content["body"]
        assert content["m.mentions"] == {}
        assert "m.relates_to" not in content

    asyncio.run(scenario())


def test_thread_summary_is_posted_in_the_thread_with_a_reply_fallback(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    bob_user = homeserver.register("bob")

    async def scenario() -> None:
        services = bot_services(homeserver, bot_user, tmp_path)
        async with (
            running(services),
            Human(homeserver, alice) as person,
            Human(homeserver, bob_user) as bob,
        ):
            room = await person.create_room(invite=bot_user.user_id)
            await person.invite(room, bob_user.user_id)
            await person.membership(room, bot_user.user_id)
            await bob.client.join(room)
            root = await person.say(room, "Should Kyiv accept the Donbass terms before Friday?")
            first = await bob.say_in_thread(
                room, root, "I think the withdrawal demand is a non-starter for Kyiv.", root
            )
            second = await person.say_in_thread(
                room, root, "We decided to brief the desk at 9. @room <b>bold</b>", first
            )
            command = await bob.say_in_thread(room, root, "!brief summarize", second)
            [notice] = await person.wait_for(room, notices_from(bot_user.user_id))
        services.close()
        content = notice["content"]
        assert content["msgtype"] == "m.notice"
        assert content["m.relates_to"] == {
            "rel_type": "m.thread",
            "event_id": root,
            "is_falling_back": True,
            "m.in_reply_to": {"event_id": command},
        }
        assert content["body"].startswith("Thread summary")
        assert "of 3 messages" in content["body"], content["body"]
        assert "<b>bold</b>" not in content["formatted_body"]
        assert "@room" not in content["body"] and "@room" not in content["formatted_body"]

    asyncio.run(scenario())


def test_a_long_thread_is_summarized_from_its_root_and_newest_messages(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    """Past the read cap (lowered to 5 here), the summary keeps the root and the newest
    replies, as on Slack, and its "N of M" does not count the command that asked."""

    async def thread(person: Human, room: str, replies: int) -> str:
        root = await person.say(room, f"Will the {replies} Donbass convoys reach Kramatorsk?")
        last = root
        for n in range(1, replies + 1):
            last = await person.say_in_thread(
                room, root, f"Will convoy number {n} reach Kramatorsk before Friday?", last
            )
        return await person.say_in_thread(room, root, "!brief summarize", last)

    async def scenario() -> list[str]:
        services = bot_services(homeserver, bot_user, tmp_path)
        async with (
            running(services, max_thread_messages=5),
            Human(homeserver, alice) as person,
        ):
            room = await person.create_room(invite=bot_user.user_id)
            await person.membership(room, bot_user.user_id)
            await thread(person, room, 8)
            await person.wait_for(room, notices_from(bot_user.user_id))
            # A near miss: a root and four replies fit the cap and are summarized whole.
            await thread(person, room, 4)
            notices = await person.wait_for(room, notices_from(bot_user.user_id), count=2)
        services.close()
        return [body(n) for n in notices]

    cut, whole = asyncio.run(scenario())
    assert cut.startswith("Thread summary (5 of 9 messages)"), cut
    assert "convoy number 8" in cut and "convoy number 5" in cut
    assert "convoy number 4" not in cut, "the oldest replies are the ones left out"
    assert "8 Donbass convoys" in cut, "the root says what the thread is about"
    assert whole.startswith("Thread summary (5 of 5 messages)"), whole
    assert "convoy number 1 " in whole and "convoy number 4" in whole


def test_summarize_outside_a_thread_explains_where_it_works(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    async def scenario() -> None:
        services = bot_services(homeserver, bot_user, tmp_path)
        async with running(services), Human(homeserver, alice) as person:
            room = await person.create_room(invite=bot_user.user_id)
            await person.membership(room, bot_user.user_id)
            await person.say(room, "!brief summarize")
            [notice] = await person.wait_for(room, notices_from(bot_user.user_id))
        services.close()
        assert "inside a thread" in body(notice)
        assert "m.relates_to" not in notice["content"]

    asyncio.run(scenario())


def test_an_unknown_word_gets_one_sentence_and_the_commands(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    async def scenario() -> None:
        services = bot_services(homeserver, bot_user, tmp_path)
        async with running(services), Human(homeserver, alice) as person:
            room = await person.create_room(invite=bot_user.user_id)
            await person.membership(room, bot_user.user_id)
            await person.say(room, "!brief frobnicate")
            [notice] = await person.wait_for(room, notices_from(bot_user.user_id))
        services.close()
        assert body(notice).startswith("Error: There is no topic 'frobnicate'.")
        for shown in (body(notice), formatted(notice)):
            assert "stop the daily digest of the topic here" in shown
            assert "Traceback" not in shown

    asyncio.run(scenario())


def test_restart_keeps_the_device_and_never_answers_a_command_twice(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    async def scenario() -> None:
        services = bot_services(homeserver, bot_user, tmp_path)
        async with Human(homeserver, alice) as person:
            async with running(services) as first:
                room = await person.create_room(invite=bot_user.user_id)
                await person.membership(room, bot_user.user_id)
                await person.say(room, "!brief topics")
                await person.wait_for(room, notices_from(bot_user.user_id))
            devices = homeserver.devices(bot_user)
            async with running(services) as second:
                await person.say(room, "!brief help")
                await person.wait_for(room, notices_from(bot_user.user_id), count=2)
            # stop() waited for every answer in flight, so the room now holds all of them.
            await person.catch_up()
            assert second.device_id == first.device_id
            assert homeserver.devices(bot_user) == devices
            answers = [body(e) for e in person.events(room, notices_from(bot_user.user_id))]
        services.close()
        assert [a.split("\n")[0] for a in answers] == ["Topics", "briefbot: what I can do"]

    asyncio.run(scenario())


def test_history_from_before_the_bot_joined_is_not_answered(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    async def scenario() -> None:
        services = bot_services(homeserver, bot_user, tmp_path)
        async with Human(homeserver, alice) as person:
            room = await person.create_room()
            await person.say(room, "!brief help")
            async with running(services):
                await person.invite(room, bot_user.user_id)
                await person.membership(room, bot_user.user_id)
                await person.say(room, "!brief topics")
                await person.wait_for(room, notices_from(bot_user.user_id))
            await person.catch_up()
            answers = [body(e) for e in person.events(room, notices_from(bot_user.user_id))]
        services.close()
        assert [a.split("\n")[0] for a in answers] == ["Topics"]

    asyncio.run(scenario())


def test_the_bot_ignores_notices_and_its_own_messages(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    async def scenario() -> None:
        services = bot_services(homeserver, bot_user, tmp_path)
        async with Human(homeserver, alice) as person:
            async with running(services) as adapter:
                room = await person.create_room(invite=bot_user.user_id)
                await person.membership(room, bot_user.user_id)
                await person.send(room, {"msgtype": "m.notice", "body": "!brief help"})
                # The bot's own m.text command, sent as the bot.
                await adapter.destination.send_contents(
                    room, [{"msgtype": "m.text", "body": "!brief status"}]
                )
                await person.say(room, "!brief topics")
                await person.wait_for(room, notices_from(bot_user.user_id))
            await person.catch_up()
            answers = [body(e) for e in person.events(room, notices_from(bot_user.user_id))]
        services.close()
        assert [a.split("\n")[0] for a in answers] == ["Topics"]

    asyncio.run(scenario())


HOSTILE_REPORT = """+++
title = "Donbass talks <script>alert(1)</script> @room"
outlet = "<a href=\\"javascript:alert(3)\\">Evil Daily</a>"
published = "2026-01-28"
+++
Kremlin spokesman Dmitry Peskov said the Donbass talks <script>alert(1)</script> would resume @room next week, see <a href="javascript:alert(2)">the plan</a>.
Ukrainian officials denied that the Donbass talks would resume @Room next week.
"""  # noqa: E501


def test_hostile_report_text_is_escaped_and_cannot_mention_the_room(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    report = tmp_path / "hostile.md"
    report.write_text(HOSTILE_REPORT, encoding="utf-8")

    async def scenario() -> None:
        services = bot_services(homeserver, bot_user, tmp_path)
        # Ingest refuses a javascript: url now; a report stored before it did may hold one.
        hostile = replace(read_report_file(report), url="javascript:alert(4)")
        services.pipeline.ingest(hostile, str(report))
        async with running(services), Human(homeserver, alice) as person:
            room = await person.create_room(invite=bot_user.user_id)
            await person.membership(room, bot_user.user_id)
            await person.say(room, "!brief donbass")
            [notice] = await person.wait_for(room, notices_from(bot_user.user_id))
        services.close()
        html, plain = formatted(notice), body(notice)
        assert "Dmitry Peskov" in plain and "Dmitry Peskov" in html
        assert "&lt;script&gt;" in html
        for tag in ("<script", '<a href="javascript', 'javascript:alert(4)"'):
            assert tag not in html
        for link in re.findall(r"<a\s[^>]*>", html):
            assert re.fullmatch(r'<a href="https?://[^"]*">', link), link
        for text in (plain, html):
            assert "@room" not in text.lower()
        assert notice["content"]["m.mentions"] == {}

    asyncio.run(scenario())


def test_rate_limited_sends_are_retried_in_order(
    homeserver: Homeserver,
    bot_user: MatrixUser,
    alice: MatrixUser,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    parts = 6

    async def scenario() -> None:
        services = bot_services(homeserver, bot_user, tmp_path)
        async with (
            Human(homeserver, alice) as person,
            running(services, send_budget=60.0) as adapter,
        ):
            room = await person.create_room(invite=bot_user.user_id)
            await person.membership(room, bot_user.user_id)
            homeserver.limit_messages(bot_user.user_id, per_second=1, burst_count=1)
            batches = [
                [{"msgtype": "m.notice", "body": f"{b}-{n}"} for n in range(parts)]
                for b in ("a", "b")
            ]
            await asyncio.gather(
                *(adapter.destination.send_contents(room, batch) for batch in batches)
            )
            got = await person.wait_for(room, notices_from(bot_user.user_id), count=2 * parts)
        services.close()
        assert [body(e) for e in got] == [f"{b}-{n}" for b in "ab" for n in range(parts)]

    with caplog.at_level(logging.INFO, logger="bot.matrix.sender"):
        asyncio.run(scenario())
    assert any("M_LIMIT_EXCEEDED" in r.getMessage() for r in caplog.records)


def test_digest_goes_to_the_room_through_the_destination(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    async def scenario() -> None:
        services = bot_services(homeserver, bot_user, tmp_path)
        router = DeliveryRouter()
        async with running(services, router=router) as adapter, Human(homeserver, alice) as person:
            router.register(adapter.destination)
            room = await person.create_room(invite=bot_user.user_id)
            await person.membership(room, bot_user.user_id)
            digest = everything_on_donbass(services)
            await router.send(f"matrix:{room}", digest)
            [notice] = await person.wait_for(room, notices_from(bot_user.user_id))
            not_joined = await person.create_room()
            with pytest.raises(DeliveryError):
                await router.send(f"matrix:{not_joined}", digest)
        with pytest.raises(DeliveryError):
            await router.send(f"matrix:{room}", digest)  # stopped: nothing accepted it
        services.close()
        assert body(notice).startswith("Daily digest")
        assert EVIDENCE in body(notice)
        assert "<h3>Daily digest</h3>" in formatted(notice)

    asyncio.run(scenario())


def test_a_long_digest_and_a_long_answer_show_one_event_in_the_room_and_the_rest_in_its_thread(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    story = write_long_story(tmp_path / "story")

    async def scenario() -> tuple[list[Event], list[Event]]:
        services = bot_services(homeserver, bot_user, tmp_path, reports=[story])
        router = DeliveryRouter()
        async with running(services, router=router) as adapter, Human(homeserver, alice) as person:
            router.register(adapter.destination)
            room = await person.create_room(invite=bot_user.user_id)
            await person.membership(room, bot_user.user_id)
            digest = everything_on_donbass(services)
            parts = services.renderer.matrix(digest)
            assert len(parts) >= 3, "the digest should need several events"
            await router.send(f"matrix:{room}", digest)
            posted = await person.wait_for(room, notices_from(bot_user.user_id), count=len(parts))
            await person.say(room, "!brief donbass")
            await person.wait_for(room, notices_from(bot_user.user_id), count=len(parts) + 2)
            await asyncio.sleep(1.0)  # the answer's last events
            await person.catch_up()
            every = person.events(room, notices_from(bot_user.user_id))
        services.close()
        return posted, every[len(posted) :]

    digest, answer = asyncio.run(scenario())
    head = digest[0]
    assert body(head).startswith("Daily digest") and "donbass: 25 reports" in body(head)
    assert "Marta Kovalenko" in body(head) and "said on Monday" not in body(head)
    assert "and 19 more]" in body(head), "a claim of 24 reports cites five and counts the rest"
    assert thread_root(head) is None
    assert all(thread_root(e) == head["event_id"] for e in digest[1:])
    assert "said on Monday" in body(digest[1])
    # An answer of several events, asked in the room: its first event in the room, the
    # rest in that event's thread.
    assert len(answer) >= 2 and thread_root(answer[0]) is None
    assert all(thread_root(e) == answer[0]["event_id"] for e in answer[1:])


def test_an_encrypted_room_is_told_once_that_the_bot_cannot_read_it(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    # What a client with encryption sends for "!brief donbass": the bot holds no keys.
    sealed = {
        "algorithm": "m.megolm.v1.aes-sha2",
        "ciphertext": "AwgAEnAcbbhxPJkVn3Qw",
        "device_id": "ALICEPHONE",
        "sender_key": "c2VuZGVyIGtleQ",
        "session_id": "c2Vzc2lvbg",
    }

    async def scenario() -> list[Event]:
        services = bot_services(homeserver, bot_user, tmp_path)
        async with running(services), Human(homeserver, alice) as person:
            room = await person.create_room(invite=bot_user.user_id, encrypted=True)
            await person.membership(room, bot_user.user_id)
            await person.send(room, sealed, "m.room.encrypted")
            [told] = await person.wait_for(room, notices_from(bot_user.user_id))
            await person.send(room, sealed, "m.room.encrypted")
            await person.say(room, "!brief topics")  # in the clear: answered as anywhere
            await person.wait_for(room, notices_from(bot_user.user_id), count=2)
            await asyncio.sleep(1.0)  # a second notice would arrive by now
            await person.catch_up()
            every = person.events(room, notices_from(bot_user.user_id))
        services.close()
        assert every[0]["event_id"] == told["event_id"]
        return every

    every = asyncio.run(scenario())
    assert body(every[0]).startswith("I cannot read messages in this room")
    assert "without encryption" in body(every[0])
    assert [body(e).split("\n")[0] for e in every[1:]] == ["Topics"], "told once, not twice"


def test_follow_and_unfollow_from_the_room_are_stored(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    async def scenario() -> None:
        services = bot_services(homeserver, bot_user, tmp_path)
        async with running(services), Human(homeserver, alice) as person:
            room = await person.create_room(invite=bot_user.user_id)
            await person.membership(room, bot_user.user_id)
            await person.say(room, "!brief follow donbass at 7:30 Europe/Kyiv")
            [followed] = await person.wait_for(room, notices_from(bot_user.user_id))
            assert services.store.follows(f"matrix:{room}") == [
                Follow(f"matrix:{room}", "donbass", "07:30", "Europe/Kyiv", "chat")
            ]
            await person.say(room, "!brief unfollow donbass")
            await person.wait_for(room, notices_from(bot_user.user_id), count=2)
            assert services.store.follows(f"matrix:{room}") == []
        services.close()
        assert body(followed).startswith("Following donbass here")

    asyncio.run(scenario())


def test_an_access_token_alone_is_enough_to_log_in(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    async def scenario() -> None:
        services = build_services(
            make_config(
                tmp_path,
                {"matrix": {"state_dir": str(tmp_path / "matrix")}},
                {"MATRIX_HOMESERVER": homeserver.url, "MATRIX_ACCESS_TOKEN": bot_user.access_token},
            )
        )
        async with running(services) as adapter, Human(homeserver, alice) as person:
            assert (adapter.user_id, adapter.device_id) == (bot_user.user_id, bot_user.device_id)
            room = await person.create_room(invite=bot_user.user_id)
            await person.membership(room, bot_user.user_id)
            await person.say(room, "!brief topics")
            [notice] = await person.wait_for(room, notices_from(bot_user.user_id))
        services.close()
        assert body(notice).startswith("Topics")

    asyncio.run(scenario())


def test_a_message_over_64_kib_arrives_as_several_accepted_events(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    lines = tuple(f"{n:03d} " + "Донбас — evidence line " * 20 for n in range(400))
    notice = Notice("A very long notice", lines)

    async def scenario() -> None:
        services = bot_services(homeserver, bot_user, tmp_path)
        async with running(services) as adapter, Human(homeserver, alice) as person:
            room = await person.create_room(invite=bot_user.user_id)
            await person.membership(room, bot_user.user_id)
            parts = services.renderer.matrix(notice)
            assert len(parts) >= 3
            await adapter.destination.send(room, notice)
            got = await person.wait_for(room, notices_from(bot_user.user_id), count=len(parts))
        services.close()
        text = "\n\n".join(body(e) for e in got)
        assert [line[:3] for line in text.split("\n\n")[1:]] == [f"{n:03d}" for n in range(400)]
        for event in got:
            assert len(json.dumps(event, ensure_ascii=False).encode()) < 65536

    asyncio.run(scenario())


def test_refused_credentials_stop_the_start_with_a_clear_error(
    homeserver: Homeserver, bot_user: MatrixUser, tmp_path: Path
) -> None:
    async def start(env: dict[str, str]) -> None:
        services = build_services(make_config(tmp_path, None, env))
        try:
            await MatrixAdapter(services).start()
        finally:
            services.close()

    with pytest.raises(MatrixLoginError, match="MATRIX_ACCESS_TOKEN was refused"):
        asyncio.run(start({"MATRIX_HOMESERVER": homeserver.url, "MATRIX_ACCESS_TOKEN": "wrong"}))
    # Knowing the user and the device must not let a wrong token past the start.
    known_device = {
        "MATRIX_HOMESERVER": homeserver.url,
        "MATRIX_USER_ID": bot_user.user_id,
        "MATRIX_DEVICE_ID": bot_user.device_id,
        "MATRIX_ACCESS_TOKEN": "wrong",
    }
    with pytest.raises(MatrixLoginError, match="MATRIX_ACCESS_TOKEN was refused"):
        asyncio.run(start(known_device))
    wrong_password = {
        "MATRIX_HOMESERVER": homeserver.url,
        "MATRIX_USER_ID": bot_user.user_id,
        "MATRIX_PASSWORD": "not-the-password",
    }
    with pytest.raises(MatrixLoginError, match=f"login for {bot_user.user_id} failed"):
        asyncio.run(start(wrong_password))


def test_briefbot_run_with_a_refused_token_stops_with_one_line(
    homeserver: Homeserver, bot_user: MatrixUser, tmp_path: Path
) -> None:
    env = bot_env(tmp_path) | {
        "MATRIX_HOMESERVER": homeserver.url,
        "MATRIX_USER_ID": bot_user.user_id,
        "MATRIX_ACCESS_TOKEN": "not-a-token-of-this-server",
    }
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "run"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("briefbot:")]
    assert f"MATRIX_ACCESS_TOKEN was refused by {homeserver.url}" in line
    assert "HTTP 401 M_UNKNOWN_TOKEN" in line, line


def test_a_first_start_answers_nothing_from_before_it_but_a_restart_catches_up(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    """No stored token: the history is skipped. A stored token: what came meanwhile is answered."""

    async def scenario() -> None:
        services = bot_services(homeserver, bot_user, tmp_path)
        state = services.config.matrix.state_dir / "session.json"
        async with Human(homeserver, alice) as person:
            async with running(services):
                room = await person.create_room(invite=bot_user.user_id)
                await person.membership(room, bot_user.user_id)
            state.unlink()  # as if the bot had never run here
            await person.say(room, "!brief help")
            async with running(services):
                await person.say(room, "!brief topics")
                await person.wait_for(room, notices_from(bot_user.user_id))
            await person.say(room, "!brief status")  # sent while the bot is down
            async with running(services):
                await person.wait_for(room, notices_from(bot_user.user_id), count=2)
            await person.catch_up()
            answers = [body(e) for e in person.events(room, notices_from(bot_user.user_id))]
        services.close()
        assert [a.split("\n")[0] for a in answers] == ["Topics", "Status"]

    asyncio.run(scenario())


def test_a_command_sent_while_the_bot_was_down_is_answered_behind_more_than_a_sync_holds(
    homeserver: Homeserver,
    bot_user: MatrixUser,
    alice: MatrixUser,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A sync gives a room at most 100 timeline events; the rest of what came while the bot
    was stopped is read back to where it stopped, and answered once, like live commands."""

    async def scenario() -> list[str]:
        services = bot_services(homeserver, bot_user, tmp_path)
        async with Human(homeserver, alice) as person:
            async with running(services):
                room = await person.create_room(invite=bot_user.user_id)
                await person.membership(room, bot_user.user_id)
                await person.say(room, "!brief topics")
                await person.wait_for(room, notices_from(bot_user.user_id))
            await person.say(room, "!brief status")  # sent while the bot is down
            for n in range(120):
                await person.say(room, f"chatter {n}")
            await person.say(room, "!brief help")  # within the timeline of the next sync
            with caplog.at_level(logging.INFO, logger="bot.matrix.adapter"):
                async with running(services):
                    await person.wait_for(room, notices_from(bot_user.user_id), count=3)
            await person.catch_up()
            answers = [body(e) for e in person.events(room, notices_from(bot_user.user_id))]
        services.close()
        return answers

    answers = asyncio.run(scenario())
    firsts = [a.split("\n")[0] for a in answers]
    # "Topics", answered before the stop, is not answered again: the read stops where the
    # last sync did. The two missed ones run at once, so either may be posted first.
    assert firsts[0] == "Topics"
    assert sorted(firsts[1:]) == ["Status", "briefbot: what I can do"], firsts
    assert re.search(r"!\S+: read \d+ events the sync left out", caplog.text), caplog.text


def test_the_brief_of_one_huge_report_posts_a_bounded_number_of_events(
    homeserver: Homeserver, bot_user: MatrixUser, alice: MatrixUser, tmp_path: Path
) -> None:
    # A transcript of 3,000 sourced lines: some 30 events of 64 KiB without a cap.
    report = tmp_path / "transcript.md"
    report.write_text(
        "\n\n".join(
            f"Officials in Donetsk said convoy {i} had crossed the Donbass line near "
            f"checkpoint {i} before dawn, and that {i} trucks were turned back."
            for i in range(3000)
        ),
        encoding="utf-8",
    )

    async def scenario() -> list[Event]:
        services = bot_services(homeserver, bot_user, tmp_path, reports=[report])
        async with running(services), Human(homeserver, alice) as person:
            room = await person.create_room(invite=bot_user.user_id)
            await person.membership(room, bot_user.user_id)
            await person.say(room, "!brief donbass")
            got = await person.wait_for(
                room, notices_from(bot_user.user_id), count=MATRIX_MAX_EVENTS
            )
        services.close()
        return got

    got = asyncio.run(scenario())
    assert "Officials in Donetsk" in body(got[0])
    assert f"the first {MATRIX_MAX_EVENTS - 1} are posted here" in body(got[-1])
    assert "so as not to flood the room" in formatted(got[-1])


@pytest.mark.parametrize("between", ["nothing", "a restart", "a new report"])
def test_a_digest_refused_part_way_is_continued_in_the_room(
    homeserver: Homeserver,
    bot_user: MatrixUser,
    alice: MatrixUser,
    tmp_path: Path,
    between: str,
) -> None:
    """The homeserver takes the first events of a long digest, then rate-limits the bot longer
    than its send budget. Whatever happens before the retry, the room ends with every event of
    that digest once, in order."""
    story = write_long_story(tmp_path / "story")
    store_url: list[str] = []

    async def attempt(services: Services, room: str, retry: str | None) -> str:
        router = DeliveryRouter()
        async with running(services, router=router, send_budget=0.5) as adapter:
            router.register(adapter.destination)
            scheduler = BotScheduler(services, router)
            await scheduler.start(paused=True)
            try:
                if retry is None:
                    return await scheduler.run_digest(f"matrix:{room}", "donbass")
                await scheduler.run_job_now(retry)
                return "retried"
            finally:
                await scheduler.stop()

    async def scenario() -> None:
        services = bot_services(homeserver, bot_user, tmp_path, reports=[story])
        store_url.append(services.config.database_url)
        async with Human(homeserver, alice) as person:
            async with running(services):
                room = await person.create_room(invite=bot_user.user_id)
                await person.membership(room, bot_user.user_id)
            services.store.add_follow(Follow(f"matrix:{room}", "donbass", "08:00", "UTC"))
            homeserver.limit_messages(bot_user.user_id, per_second=1, burst_count=3)
            try:
                assert await attempt(services, room, None) == "failed"
            finally:
                homeserver.limit_messages(bot_user.user_id, per_second=1000, burst_count=1000)
            (row,) = services.store.deliveries(("failed",))
            # It says what happened: the server's delay was longer than the budget left.
            assert row.last_error is not None and "gave up" not in row.last_error
            assert re.search(r"asked to wait [\d.]+ s, more than the", row.last_error)
            unfinished = services.store.unfinished_digest(row.key)
            assert unfinished is not None
            parts = [part["body"] for part in unfinished.parts]
            assert len(parts) >= 4, "the digest should need several events"
            assert 0 < unfinished.accepted < len(parts) - 1
            if between != "nothing":
                services.close()
                services = bot_services(homeserver, bot_user, tmp_path)
            if between == "a new report":
                late = write_late_report(tmp_path / "late.md")
                ingest_paths(services.pipeline, [late], services.config.ingest_max_bytes)
            assert await attempt(services, room, f"retry:{row.key}") == "retried"
            delivered = services.store.delivery(row.key)
            assert delivered is not None and delivered.status == "delivered"
            got = await person.wait_for(room, notices_from(bot_user.user_id), count=len(parts))
            await asyncio.sleep(1.0)  # anything sent twice would arrive by now
            await person.catch_up()
            every = person.events(room, notices_from(bot_user.user_id))
        services.close()
        assert [body(e) for e in got] == parts
        assert len(every) == len(parts)
        # The room shows the first event, the overview; the rest, also those sent after
        # the failure, are in its thread.
        assert "m.relates_to" not in got[0]["content"]
        assert all(thread_root(e) == got[0]["event_id"] for e in got[1:])

    asyncio.run(scenario())
