"""Answers to chat commands, as data: the same answer whichever platform asked.

Handlers never see Slack or Matrix payloads and never send anything: they take a parsed
command and the destination it came from and return a ``Brief`` or a ``Notice``; each
adapter renders and sends it. Errors become a ``Notice`` with one sentence, never a trace.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from difflib import get_close_matches

from bot.commands import (
    HELP_TEXT,
    BriefCommand,
    Command,
    FollowCommand,
    HelpCommand,
    StatusCommand,
    SummarizeCommand,
    TopicsCommand,
    UnfollowCommand,
    clip_word,
)
from bot.status import build_status
from bot.time_zones import next_occurrence_day
from briefings.brief import build_brief
from briefings.database_url import StoreFailed
from briefings.ledger import Follow, digest_key
from briefings.model import Brief, Notice
from briefings.store import Store
from briefings.topics import Topic, TopicMatcher

log = logging.getLogger(__name__)

FollowListener = Callable[[Follow, bool], None]


class CommandHandler:
    """Turns commands into replies against the store; notifies the scheduler of follows."""

    def __init__(
        self,
        store: Store,
        matcher: TopicMatcher,
        on_follow: FollowListener | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        sources: Sequence[str] | None = None,
    ) -> None:
        self.store = store
        self.matcher = matcher
        self.on_follow = on_follow
        self.clock = clock
        # The configured sources' names, for status (None: list every source polled).
        self.sources = sources

    def handle(self, command: Command, destination: str) -> Brief | Notice:
        """The answer to ``command``, never an exception: a chat surface must always have
        something to say. A store that cannot be written (read-only, full) is one known line
        in the log, not a traceback; anything else is logged whole."""
        try:
            return self.dispatch(command, destination)
        except StoreFailed as exc:
            log.error("command %r failed: %s", type(command).__name__, exc)
            return Notice(
                "Sorry, the bot's store cannot be written just now; the error was logged.",
                error=True,
            )
        except Exception:
            log.exception("command %r failed", type(command).__name__)
            return Notice("Sorry, that failed on our side; the error was logged.", error=True)

    def dispatch(self, command: Command, destination: str) -> Brief | Notice:
        """The answer to ``command``; raises what went wrong (the command line says it in
        its own one line: ``bot.cli``)."""
        if isinstance(command, BriefCommand):
            topic = self.matcher.resolve(command.topic)
            if topic is None:
                return self.unnamed_topic(command.topic)
            return build_brief(
                self.store, topic.name, command.since, self.clock(), topic.description
            )
        if isinstance(command, TopicsCommand):
            return self.topics()
        if isinstance(command, FollowCommand):
            return self.follow(command, destination)
        if isinstance(command, UnfollowCommand):
            return self.unfollow(command, destination)
        if isinstance(command, StatusCommand):
            return build_status(
                self.store,
                self.clock(),
                self.sources,
                destination=destination,
                topics=[t.name for t in self.matcher.topics],
            )
        unknown = self.unknown_first_word(command) if isinstance(command, HelpCommand) else None
        if unknown is not None:
            return unknown
        if isinstance(command, SummarizeCommand):
            return Notice(
                "Thread summaries work inside a thread: mention the bot with "
                '"summarize" in the thread (Slack), or send `!brief summarize` in it (Matrix).'
            )
        return help_notice(command)

    def unknown_first_word(self, command: HelpCommand) -> Notice | None:
        """ "frobnicate the thing": input that did not parse after a first word that is no
        topic either; that is what to say, not that "the" is not understood after it."""
        if command.topic is None or self.matcher.resolve(command.topic) is not None:
            return None
        return self.unknown_topic(command.topic)

    def unnamed_topic(self, phrase: str) -> Notice:
        """The answer when the words before ``since:`` name no topic. Several words may be an
        alias ("peace talks"); when they are not, and an opening of them names a topic, the
        rest are what was not understood ("donbass please", ``misread``); else the first word
        is what to correct, as likely a mistyped command ("folow donbass") as a mistyped
        topic."""
        misread = self.misread(BriefCommand(phrase))
        if misread is not None:
            return help_notice(misread)
        return self.unknown_topic(phrase.partition(" ")[0])

    def misread(self, command: BriefCommand) -> HelpCommand | None:
        """A brief of several words that name no topic while the first does: the help the
        grammar gives for words it cannot read after a topic, naming them."""
        words = command.topic.split(" ")
        if len(words) < 2 or self.matcher.resolve(command.topic) is not None:
            return None
        # The longest opening that names a topic ("peace talks" of "peace talks please").
        for end in range(len(words) - 1, 0, -1):
            named = " ".join(words[:end])
            if self.matcher.resolve(named) is not None:
                rest = " ".join(words[end:])
                return HelpCommand(
                    error=f"'{clip_word(rest)}' is not understood; try `{named} since:2d`.",
                    topic=named,
                )
        return None

    def unknown_topic(self, word: str) -> Notice:
        """One sentence naming the word and the closest topics, then the commands: a single
        unknown word is as likely a mistyped command ("folow donbass") as a mistyped topic,
        so a command word close to it is offered first."""
        close = self.matcher.suggest(word)
        command = get_close_matches(word.lower(), COMMAND_WORDS, n=1, cutoff=0.75)
        if command:
            also = f", or the topic {', '.join(close)}" if close else ""
            hint = f"Did you mean the command `{command[0]}`{also}?"
        elif close:
            hint = f"Did you mean {', '.join(close)}?"
        else:
            hint = "Send `topics` to list them."
        return Notice(
            f"There is no topic '{clip_word(word)}'. {hint}",
            tuple(HELP_TEXT.splitlines()),
            error=True,
        )

    def topics(self) -> Notice:
        counts = self.store.topic_counts()
        lines = tuple(
            f"{t.name} — {t.description} ({_reports(counts.get(t.name, 0))}); "
            f"aliases: {', '.join(t.aliases) or 'none'}"
            + (f"; only with one of: {', '.join(t.requires)}" if t.requires else "")
            for t in self.matcher.topics
        )
        return Notice("Topics", lines or ("No topics are configured.",))

    def follow(self, command: FollowCommand, destination: str) -> Notice:
        topic = self._known(command.topic)
        if isinstance(topic, Notice):
            return topic
        refused = self._set_in_config(destination, topic.name)
        if refused is not None:
            return refused
        follow = Follow(destination, topic.name, command.at, command.timezone, origin="chat")
        self.store.add_follow(follow, self.clock())
        if self.on_follow:
            self.on_follow(follow, True)
        lines: tuple[str, ...] = ()
        day = next_occurrence_day(command.at, command.timezone, self.clock())
        row = self.store.delivery(digest_key(destination, topic.name, day))
        if row is not None and row.status == "delivered":
            # One digest a day here: the one at the new time would find this day's posted.
            lines = (
                f"Today's digest was already posted here; the first at {command.at} comes "
                "tomorrow.",
            )
        return Notice(
            f"Following {topic.name} here: a digest every day at {command.at} "
            f"({command.timezone}) when something changed.",
            lines,
        )

    def unfollow(self, command: UnfollowCommand, destination: str) -> Notice:
        topic = self._known(command.topic)
        if isinstance(topic, Notice):
            # A topic taken out of topics.toml can still be followed here: let it go.
            name = command.topic.lower()
            if not any(f.topic == name for f in self.store.follows(destination)):
                return topic
            name_of_topic = name
        else:
            name_of_topic = topic.name
        refused = self._set_in_config(destination, name_of_topic)
        if refused is not None:
            return refused
        removed = self.store.remove_follow(destination, name_of_topic)
        if removed and self.on_follow:
            self.on_follow(Follow(destination, name_of_topic, "00:00", "UTC"), False)
        if not removed:
            return Notice(f"This conversation does not follow {name_of_topic}.")
        return Notice(f"Stopped the daily digest of {name_of_topic} here.")

    def _set_in_config(self, destination: str, topic: str) -> Notice | None:
        """A refusal when this follow comes from the config file: a change from chat would
        be undone at the next start, which writes the config's follows again."""
        follow = next((f for f in self.store.follows(destination) if f.topic == topic), None)
        if follow is None or follow.origin != "config":
            return None
        return Notice(
            f"The daily digest of {topic} here is set in the config file ([[follows]]): "
            "change it there and restart briefbot.",
            error=True,
        )

    def _known(self, name: str) -> Topic | Notice:
        topic = self.matcher.resolve(name)
        return topic if topic is not None else self.unknown_topic(name)


# The words the grammar reads as commands, offered when an unknown first word is close to
# one of them.
COMMAND_WORDS = ("topics", "follow", "unfollow", "status", "summarize", "help")


def help_notice(command: HelpCommand | Command) -> Notice:
    lines = tuple(HELP_TEXT.splitlines())
    if isinstance(command, HelpCommand) and command.error:
        return Notice(command.error, lines, error=True)
    return Notice("briefbot: what I can do", lines)


def _reports(n: int) -> str:
    return f"{n} report" if n == 1 else f"{n} reports"
