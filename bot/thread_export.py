"""Reading a chat thread export (``briefbot summarize-thread``) into platform-neutral messages.

An export is a JSON list of ``{"user", "ts", "text"}`` messages, or an object holding such a
list under ``messages`` (Slack's export files). Who wrote a message comes the way Slack and
Matrix exports give it: a user id string ("U0123", "@ana:example.org"), a user object with an
id or a name, and in Slack's files a ``user_profile`` or ``user_name`` beside the id. As in
the Slack adapter, a person is shown by name where the export gives one. Anything else is
refused with the message's index, never printed as a Python value.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot.slack.threads import NOT_CONVERSATION, plain_text
from briefings.ingest import IngestError, decode_utf8, load_json, read_file_bytes, shown_path
from briefings.model import ChatMessage

__all__ = ["MAX_EXPORT_BYTES", "ThreadExportError", "parse_thread_export", "read_thread_export"]

# Slack's notices in a channel (joins, renames, a deleted message's tombstone): a bot's
# post is kept, since a wire bot's line in a thread is part of what the desk discussed.
_SYSTEM = NOT_CONVERSATION - {"bot_message", "thread_broadcast_bot"}

# The fields of a Slack user or profile object that name the person, best first (the order
# the Slack adapter uses for users.info).
_NAME_KEYS = ("display_name", "real_name", "name")


class ThreadExportError(ValueError):
    """A thread export that cannot be read; the message names the file and what is wrong."""


# An export carries a kilobyte or two of metadata per message: 20 MB is some ten thousand
# messages, past any thread a person asks to have summarized, and keeps a mistaken file (a
# whole workspace export) from taking the machine's memory.
MAX_EXPORT_BYTES = 20 * 1024 * 1024


def read_thread_export(path: Path, max_bytes: int = MAX_EXPORT_BYTES) -> list[ChatMessage]:
    """The messages of the export at ``path``, in order."""
    name = shown_path(path)
    try:
        data = read_file_bytes(
            path, name, max_bytes, " for a thread export (export the one thread, not the channel)"
        )
    except IngestError as exc:
        raise ThreadExportError(str(exc)) from exc
    return parse_thread_export(data, name)


def parse_thread_export(data: bytes, name: str) -> list[ChatMessage]:
    """The messages of an export's bytes; ``name`` is what errors call the file."""
    if not data.strip():
        raise ThreadExportError(f"{name}: the file is empty")
    try:
        raw = load_json(decode_utf8(data, name), name)
    except IngestError as exc:
        raise ThreadExportError(str(exc)) from exc
    if isinstance(raw, dict) and isinstance(raw.get("messages"), list):
        raw = raw["messages"]
    if not isinstance(raw, list):
        raise ThreadExportError(
            f"{name}: expected a JSON list of messages, or an object with a 'messages' list"
        )
    ids: list[str | None] = []
    kept: list[dict[str, Any]] = []
    for n, item in enumerate(raw):
        if not isinstance(item, dict):
            raise ThreadExportError(f"{name}: message {n} is not an object")
        text = item.get("text", "")
        if not isinstance(text, str):
            raise ThreadExportError(f"{name}: message {n}: 'text' should be a string")
        if item.get("subtype") in _SYSTEM:
            continue  # "… has joined the channel" is no one's statement
        ids.append(_user_id(item, n, name))
        kept.append(item)
    raw = kept
    # A name given on one message of a person (Slack puts user_profile on most, not all)
    # names them on every message, so one person is never shown two ways.
    names: dict[str, str] = {}
    for user, item in zip(ids, raw, strict=True):
        given = _given_name(item)
        if user is not None and given is not None:
            names.setdefault(user, given)
    # Slack's markup is read as Slack shows it: "<@U02DANA>" as "@Dana", a link by its label,
    # "&amp;" as "&" (a Matrix export has none of it, and is left as it is).
    return [
        ChatMessage(
            names.get(user, user) if user is not None else _given_name(item) or "unknown",
            str(item.get("ts") or n),
            plain_text(item.get("text", ""), names),
        )
        for n, (user, item) in enumerate(zip(ids, raw, strict=True))
    ]


def _user_id(item: Mapping[str, Any], n: int, name: str) -> str | None:
    """The id of who wrote message ``n`` (None where the export leaves it out)."""
    user = item.get("user")
    if user is None or user == "":
        return None
    if isinstance(user, str):
        return user.strip() or None
    if isinstance(user, dict):
        for key in ("id", *_NAME_KEYS):
            value = user.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
    raise ThreadExportError(
        f"{name}: message {n}: 'user' should be a user id or an object with an 'id' or "
        f"'name', not {_shape(user)}"
    )


def _given_name(item: Mapping[str, Any]) -> str | None:
    """The person's name where the export gives one: a user object's or profile's name,
    Slack's ``user_profile``, or a ``user_name``."""
    user = item.get("user")
    candidates: list[Any] = []
    if isinstance(user, dict):
        candidates += [user.get("profile"), user]
    candidates.append(item.get("user_profile"))
    for found in candidates:
        if isinstance(found, dict):
            for key in _NAME_KEYS:
                value = found.get(key)
                if isinstance(value, str) and value.strip():
                    return value.strip()
    for key in ("user_name", "username"):  # a bot's post carries its name as "username"
        given = item.get(key)
        if isinstance(given, str) and given.strip():
            return given.strip()
    profile = item.get("bot_profile")
    if isinstance(profile, dict) and isinstance(profile.get("name"), str):
        return profile["name"].strip() or None
    return None


def _shape(value: Any) -> str:
    """What a JSON value is, in the words of JSON (str and null never get here)."""
    if isinstance(value, dict):
        return "an object with neither"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return str(value).lower()
    return f"the number {value}"
