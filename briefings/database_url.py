"""The store's database URL: read, its driver loaded, and what went wrong said in one line.

Opening a store fails in a handful of ways a person can fix — a URL that is not one, a
driver that is not installed, a file that is not a database, a server that does not answer —
and each used to surface as a library traceback. ``StoreUnavailable`` carries one sentence
instead, with the URL as written but its password masked: these words end up on a terminal
and in logs, so the password never goes into them, not even inside the server's own message.

A store can also fail while in use for a reason no code can work around — the disk is full,
the store is read-only — and that reached the terminal as a raw driver traceback.
``StoreFailed`` says it in one line too, naming the store and the cause.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote

from sqlalchemy import create_engine
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    InterfaceError,
    NoSuchModuleError,
    OperationalError,
    SAWarning,
)

SUPPORTED = "sqlite:///path/to/briefbot.db or postgresql+psycopg://user:password@host/dbname"
MASK = "***"


class StoreUnavailable(RuntimeError):
    """The store cannot be opened; the message says why and never holds a password."""


class StoreFailed(RuntimeError):
    """The store refused work for a reason a person must fix (full, read-only); one line."""


Cause = Literal["full", "read-only"]

# SQLSTATEs of PostgreSQL's disk_full and read_only_sql_transaction (a standby, or a
# database set default_transaction_read_only).
_PG_CAUSES: dict[str, Cause] = {"53100": "full", "25006": "read-only"}
_CAUSE_WORDS: dict[Cause, str] = {
    "full": "the disk or the database is full",
    "read-only": "the store is read-only",
}
_CAUSE_FIX: dict[Cause, str] = {
    "full": "free some space and run the command again",
    "read-only": "use a writable store (BRIEFBOT_DATABASE_URL or [database] url)",
}


def parse_url(url: str) -> URL:
    try:
        return make_url(url)
    except (ArgumentError, ValueError) as exc:  # ValueError: a port that is not a number
        masked = _without_userinfo(url)
        port = _port_text(masked) if isinstance(exc, ValueError) else None
        if port is not None:
            # The form is right but for the port: saying so beats showing the whole form.
            raise StoreUnavailable(
                f"{masked!r} is not a database URL: its port {port!r} is not a number"
            ) from exc
        raise StoreUnavailable(f"{masked!r} is not a database URL; expected {SUPPORTED}") from exc


def refuse_in_memory(url: str) -> None:
    """``StoreUnavailable`` for an SQLite store held in memory, where the URL is the user's.

    ``sqlite://`` and ``sqlite:///:memory:`` open without complaint, so ``ingest`` said
    "added" and the reports were gone when the command ended. Tests open such stores on
    purpose, through ``Store.open``; this is for URLs a person configured.
    """
    parsed = parse_url(url)
    if in_memory(parsed):
        raise StoreUnavailable(
            f"{shown(parsed)} is an in-memory SQLite store, emptied when each command ends; "
            "give a file, such as sqlite:///var/briefbot.db"
        )


def in_memory(url: URL) -> bool:
    """Whether ``url`` is an SQLite database kept only in the memory of the process:
    no file, ``:memory:``, or an SQLite URI (``uri=true``) naming memory."""
    if url.get_backend_name() != "sqlite":
        return False
    database = url.database or ""
    if database in ("", ":memory:"):
        return True
    query = url.normalized_query
    uri = any(
        v.strip().lower() in {"true", "yes", "on", "y", "t", "1"} for v in query.get("uri", ())
    )
    return uri and (database.startswith("file::memory:") or "memory" in query.get("mode", ()))


def engine_for(url: URL, **kwargs: Any) -> Engine:
    """The engine for ``url``; loading its dialect and driver is where an unknown one fails."""
    try:
        # SQLAlchemy only warns of a query option the driver ignores (SQLite's ?mode=ro
        # without uri=true): a raw warning on the terminal, and a store opened otherwise
        # than asked, read-write where read-only was meant. It is refused instead.
        with warnings.catch_warnings():
            warnings.simplefilter("error", SAWarning)
            return create_engine(url, **kwargs)
    except SAWarning as exc:
        reason = _reason(url, exc).split(" (Background on this warning at:")[0]
        raise StoreUnavailable(
            f"{shown(url)} has an option its driver would ignore ({reason})"
        ) from exc
    except (NoSuchModuleError, ImportError) as exc:
        raise StoreUnavailable(
            f"unsupported database driver '{url.drivername}' in {shown(url)} "
            f"({_reason(url, exc)}); briefbot supports {SUPPORTED}"
        ) from exc
    except (ArgumentError, ValueError, TypeError) as exc:  # e.g. ?timeout=abc
        raise StoreUnavailable(
            f"{shown(url)} has an option its driver cannot take ({_reason(url, exc)})"
        ) from exc


def no_folder(url: URL, folder: str, exc: OSError) -> StoreUnavailable:
    return StoreUnavailable(
        f"cannot create the folder {folder} for {shown(url)}: {exc.strerror or _reason(url, exc)}"
    )


def refused(url: URL, exc: DBAPIError) -> StoreUnavailable:
    """The database's own reason for refusing, on one line, for ``url``."""
    reason = _reason(url, exc.orig or exc)
    cause = failure_cause(exc.orig or exc) or _unwritable_file(url, exc.orig or exc)
    if cause is not None:
        return StoreUnavailable(f"cannot open {shown(url)}: {_CAUSE_WORDS[cause]} ({reason})")
    server = url.get_backend_name() != "sqlite"
    if server and isinstance(exc, OperationalError | InterfaceError):
        return StoreUnavailable(f"cannot connect to {shown(url)}: {reason}")
    return StoreUnavailable(f"cannot open {shown(url)}: {reason}")


def failed(url: URL, exc: BaseException) -> StoreFailed | None:
    """What to say when a store in use refuses work for a cause a person must fix; None
    for every other error (a unique key that lost a race, say), which callers handle."""
    cause = failure_cause(exc)
    if cause is None:
        return None
    return StoreFailed(
        f"cannot write to {shown(url)}: {_CAUSE_WORDS[cause]} ({_reason(url, exc)}); "
        f"{_CAUSE_FIX[cause]}"
    )


def failure_cause(exc: BaseException) -> Cause | None:
    """The driver error's cause, by its code: SQLite's result code, PostgreSQL's SQLSTATE."""
    name = str(getattr(exc, "sqlite_errorname", ""))
    if name.startswith("SQLITE_FULL"):
        return "full"
    if name.startswith("SQLITE_READONLY"):
        return "read-only"
    return _PG_CAUSES.get(str(getattr(exc, "sqlstate", "")))


def _unwritable_file(url: URL, exc: BaseException) -> Cause | None:
    """'unable to open database file' where the file or its folder is not writable here:
    SQLite needs to create the file, or its WAL files beside it, to open it."""
    database = url.database
    if url.get_backend_name() != "sqlite" or not database or database.startswith("file:"):
        return None
    if str(getattr(exc, "sqlite_errorname", "")) != "SQLITE_CANTOPEN" or database == ":memory:":
        return None
    path = Path(database)
    for place in (path, path.parent):
        if place.exists() and not os.access(place, os.W_OK):
            return "read-only"
    return None


def shown(url: URL) -> str:
    """``url`` as written, its password masked (also one given as ``?password=``)."""
    if url.get_backend_name() == "sqlite":
        # No password to mask; rendering would escape the ':' of 'file:' and the like.
        return unquote(url.render_as_string())
    if "password" in url.query:
        url = url.update_query_dict({"password": "hidden"})
        return url.render_as_string(hide_password=True).replace("password=hidden", "password=***")
    return url.render_as_string(hide_password=True)


def _reason(url: URL, exc: BaseException) -> str:
    """What ``exc`` says, on one line, with the password of ``url`` masked wherever it is."""
    lines = [" ".join(line.split()) for line in str(exc).splitlines()]
    reason = "; ".join(line for line in lines if line) or type(exc).__name__
    for secret in (url.password, *url.normalized_query.get("password", ())):
        if secret:
            reason = reason.replace(str(secret), MASK)
    return reason


def _port_text(masked: str) -> str | None:
    """The port of a URL written ``scheme://***@host:port/db`` when it is no number (after
    the ']' of an IPv6 host); read from the masked form, so never a piece of a password."""
    rest = masked.rpartition("://")[2].rpartition("@")[2]
    host = rest.split("/", 1)[0].split("?", 1)[0].rpartition("]")[2]
    _, colon, port = host.rpartition(":")
    return port if colon and not port.isdigit() else None


def _without_userinfo(url: str) -> str:
    """A URL that could not be parsed, with whatever may be its user and password masked."""
    scheme, separator, rest = url.rpartition("://")
    if "@" in rest:
        rest = MASK + "@" + rest.rpartition("@")[2]
    return scheme + separator + rest
