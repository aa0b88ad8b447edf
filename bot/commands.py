"""The command grammar shared by every surface (`/brief` on Slack, `!brief` on Matrix, the CLI).

Parsing is pure: text in, a frozen command object out. Anything that does not parse becomes
``Help`` with the reason, so a user never meets a stack trace, only the help text and one
sentence saying what was wrong.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.time_zones import find_zone

HELP_TEXT = """\
Commands:
  <topic> [since:<2d|36h|2026-01-20>]   the brief of a topic (e.g. donbass since:2d)
  topics                                 the topics and their aliases
  follow <topic> [at HH:MM] [Area/City]  a daily digest of the topic here (default 08:00 UTC)
  unfollow <topic>                       stop the daily digest of the topic here
  status                                 sources, last fetch, errors, what was skipped and why
  summarize                              (inside a thread) a summary of the thread
  help                                   this text"""

_DURATION = re.compile(r"^(\d{1,4})\s*([mhdw])$", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
# A time of day meant in another notation (2.30, 8am, 8h30, 0830): no zone name starts with
# a digit, so saying it is not a time zone would only mislead.
_OTHER_CLOCK = re.compile(r"^\d{1,4}(?:[.h]\d{0,2})?(?:[ap]\.?m\.?)?$", re.IGNORECASE)
# A word of a topic's name or alias: letters of any script with their combining marks
# ("донбас", "यूक्रेन"), digits, and the signs names carry ("people's", "u.s.", "at&t").
_TOPIC_SIGNS = frozenset("'’.-&_")
_TOPIC_WORD_LIMIT = 64
_TOPIC_PHRASE_LIMIT = 100
# How Slack sends a channel or a person picked in a slash command: <#C123|general>, <@U123>.
_MENTION = re.compile(r"^<([#@])([A-Z0-9]+)(?:\|([^<>]*))?>$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


class CommandError(ValueError):
    """A command that does not parse; the message is one sentence meant for the user."""


@dataclass(frozen=True, slots=True)
class BriefCommand:
    topic: str
    since: datetime | None = None


@dataclass(frozen=True, slots=True)
class TopicsCommand:
    pass


@dataclass(frozen=True, slots=True)
class FollowCommand:
    topic: str
    at: str = "08:00"
    timezone: str = "UTC"


@dataclass(frozen=True, slots=True)
class UnfollowCommand:
    topic: str


@dataclass(frozen=True, slots=True)
class StatusCommand:
    pass


@dataclass(frozen=True, slots=True)
class SummarizeCommand:
    pass


@dataclass(frozen=True, slots=True)
class HelpCommand:
    """Help, asked for or given because the input did not parse (``error`` says why)."""

    error: str | None = None
    # The first word, when the input read as a topic and then did not parse: if it names no
    # topic either, that is the more useful thing to say ("/brief frobnicate the thing").
    topic: str | None = None


Command = (
    BriefCommand
    | TopicsCommand
    | FollowCommand
    | UnfollowCommand
    | StatusCommand
    | SummarizeCommand
    | HelpCommand
)


def parse_since(value: str, now: datetime | None = None) -> datetime:
    """``2d``/``36h``/``90m``/``1w`` back from ``now``, or a date (midnight UTC)."""
    now = now or datetime.now(UTC)
    text = value.strip()
    match = _DURATION.match(text)
    if match:
        amount, unit = int(match.group(1)), match.group(2).lower()
        return now - timedelta(**{_UNITS[unit]: amount})
    if _DATE.match(text):
        try:
            return datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=UTC)
        except ValueError as exc:
            raise CommandError(f"'{clip_word(value)}' is not a real date.") from exc
    raise CommandError(
        f"'{clip_word(value)}' is not a time: use a duration like 2d, 36h, 90m, or a date like "
        "2026-01-20."
    )


def parse_command(text: str, now: datetime | None = None) -> Command:
    """Parse the words after the command prefix; never raises."""
    try:
        return _parse(_compatible(text), now)
    except CommandError as exc:
        return HelpCommand(error=str(exc))


def _parse(text: str, now: datetime | None) -> Command:
    words = text.strip().split()
    if not words:
        return HelpCommand()
    head, rest = words[0].lower(), words[1:]
    if head in {"help", "-h", "--help", "?"}:
        return HelpCommand()
    if head == "topics":
        _no_more(head, rest)
        return TopicsCommand()
    if head == "status":
        _no_more(head, rest)
        return StatusCommand()
    if head in {"summarize", "summarise", "summary"}:
        _no_more(head, rest)
        return SummarizeCommand()
    if head == "follow":
        return _parse_follow(rest)
    if head == "unfollow":
        if not rest:
            raise CommandError("Say which topic to unfollow, e.g. `unfollow donbass`.")
        return UnfollowCommand(" ".join(_topic(w) for w in rest))
    # A topic may be named by an alias of several words ("peace talks"): every word before
    # the first ``since:`` is the name; the handler, which knows the aliases, says when they
    # name nothing.
    named = next((i for i, w in enumerate(words) if _is_since(w)), len(words))
    topic = _topic(words[0])
    try:
        phrase = " ".join([topic, *(_topic_word(topic, w) for w in words[1:named])])
        if len(phrase) > _TOPIC_PHRASE_LIMIT:
            raise CommandError(f"'{clip_word(phrase)}' is not a topic name; `topics` lists them.")
        return BriefCommand(phrase, parse_brief_words(topic, words[named:], now))
    except CommandError as exc:
        return HelpCommand(error=str(exc), topic=topic)


def _is_since(word: str) -> bool:
    key, sep, _value = _compatible(word).partition(":")
    return bool(sep) and key.lower() == "since"


def parse_brief_words(
    topic: str, words: Sequence[str], now: datetime | None = None
) -> datetime | None:
    """What may follow a topic (``since:2d``, ``since:2026-01-20``): the time it names.

    Public for the command line, whose ``brief TOPIC since:2d`` takes the same words after a
    topic that its own option parser has already read. Raises ``CommandError``.
    """
    since: datetime | None = None
    for word in map(_compatible, words):
        key, sep, value = word.partition(":")
        if sep and key.lower() == "since" and value:
            since = parse_since(value, now)
        else:
            raise CommandError(f"'{clip_word(word)}' is not understood; try `{topic} since:2d`.")
    return since


def _compatible(text: str) -> str:
    """Full-width letters and signs (``ｄｏｎｂａｓｓ``, ``since：2d``, as an East Asian input
    method types them) as the ASCII ones they stand for; the grammar already took full-width
    digits, since ``\\d`` and ``int`` read them, and a half-accepted word only confuses."""
    return unicodedata.normalize("NFKC", text)


def _parse_follow(rest: list[str]) -> FollowCommand:
    if not rest:
        raise CommandError("Say which topic to follow, e.g. `follow donbass at 08:00 Europe/Kyiv`.")
    topic = _topic(rest[0])
    at, zone = "08:00", "UTC"
    args = rest[1:]
    if args and args[0].lower() == "at":
        args = args[1:]
        if not args:
            raise CommandError("`at` needs a time, e.g. `at 08:00`.")
    if args and _CLOCK.match(args[0]):
        hour, minute = _CLOCK.match(args[0]).groups()  # type: ignore[union-attr]
        at = f"{int(hour):02d}:{minute}"
        args = args[1:]
    elif args and (":" in args[0] or _OTHER_CLOCK.match(args[0])):
        raise CommandError(f"'{clip_word(args[0])}' is not a time of day; use HH:MM, e.g. 08:00.")
    if args:
        zone = args[0]
        if find_zone(zone) is None:
            if zone.islower() and "/" not in zone:
                # "follow peace talks": no zone is written so; a word of a topic is.
                raise CommandError(
                    f"'{clip_word(zone)}' is not understood: `follow` takes a one-word topic "
                    "name or alias, then [at HH:MM] [Area/City]."
                )
            raise CommandError(
                f"'{clip_word(zone)}' is not a time zone; use an IANA name like Europe/Kyiv."
            )
        args = args[1:]
    if args:
        raise CommandError(f"'{clip_word(args[0])}' is not understood after the time zone.")
    return FollowCommand(topic, at, zone)


def _topic(word: str) -> str:
    mention = _MENTION.match(word)
    if mention:
        sign, target, label = mention.groups()
        what = "a channel" if sign == "#" else "a person"
        name = clip_word(sign + (label or target))
        raise CommandError(f"'{name}' is {what}, not a topic; `topics` lists them.")
    name = word.lower()
    if not _is_topic_word(name):
        raise CommandError(f"'{clip_word(word)}' is not a topic name; `topics` lists them.")
    return name


def _topic_word(topic: str, word: str) -> str:
    """A later word of a topic's name ("talks" of "peace talks"); one that no name holds
    ("--soon") is what the words after a topic cannot read."""
    name = word.lower()
    if not _is_topic_word(name):
        raise CommandError(f"'{clip_word(word)}' is not understood; try `{topic} since:2d`.")
    return name


def _is_topic_word(word: str) -> bool:
    return (
        0 < len(word) <= _TOPIC_WORD_LIMIT
        and word[0].isalnum()
        and all(
            c.isalnum() or c in _TOPIC_SIGNS or unicodedata.category(c).startswith("M")
            for c in word
        )
    )


def _no_more(head: str, rest: list[str]) -> None:
    if rest:
        raise CommandError(f"`{head}` takes no arguments.")


def clip_word(word: str, limit: int = 40) -> str:
    """The user's word as an error quotes it: short, and with no control or direction
    character ("\u202e" would turn the rest of the line around). Public for the answers
    that quote a word the grammar let through (``brief TOPIC`` takes any word)."""
    word = "".join(c if unicodedata.category(c) not in {"Cc", "Cf"} else "\ufffd" for c in word)
    return word if len(word) <= limit else word[: limit - 1] + "…"
