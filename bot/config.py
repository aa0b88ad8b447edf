"""The configuration schema, in one place: TOML file plus environment, checked at start.

A bad config fails at start with the file, the key and what was expected, never later in a
scheduled job. Secrets (Slack and Matrix tokens) come only from the environment and are
never written back or logged.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qs

from bot.time_zones import find_zone
from bot.urls import url_problem
from briefings.ingest import DEFAULT_MAX_BYTES
from briefings.store import DEFAULT_DATABASE_URL
from briefings.topics import Topic, topics_from_mapping

DEFAULT_CONFIG = Path("config/briefbot.toml")
DEFAULT_DATABASE_URL_SOURCE = (
    "the default database URL (set BRIEFBOT_DATABASE_URL or [database] url to change it)"
)
SourceKind = Literal["folder", "feed", "url"]

_DURATION = re.compile(r"^(\d+)\s*(s|m|h|d)$")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# Polling a feed or a page more often than once a minute only burdens the site, and a
# folder gains nothing from it; "0m" would have polled every second.
MIN_SOURCE_INTERVAL = 60
# Upper bounds, far above any use, so that a slip of the keyboard is said at start instead
# of failing later: an interval or a ceiling past what a date can hold stopped the scheduler
# every second with an OverflowError, and an infinite timeout meant no timeout at all.
MAX_SOURCE_INTERVAL = 30 * 86400  # a page checked once a month is as rare as polling gets
MAX_BACKOFF_CEILING = 30 * 86400
MAX_TIMEOUT = 600.0  # a fetch (a feed, a page) that takes ten minutes is not coming
MAX_BYTES = 1024**3  # 1 GiB: a report or page is read whole into memory
MAX_REDIRECTS = 20  # what browsers and httpx allow
MAX_DIGEST_HOURS = 365 * 24
# Every key the schema knows, by section or table array; anything else is a typo, refused at
# start rather than silently leaving the default in force.
SCHEMA: dict[str, tuple[str, ...]] = {
    "database": ("url",),
    "topics": ("file",),
    "seeds": ("paths",),
    "ingest": ("max_bytes",),
    "http": ("host", "port"),
    "digest": ("hours",),
    "fetch": ("allow_private", "timeout", "max_bytes", "max_redirects", "backoff_ceiling"),
    "matrix": ("allow_invites_from", "state_dir"),
    "sources": (
        "name",
        "kind",
        "url",
        "path",
        "interval",
        "timeout",
        "max_bytes",
        "baseline",
        "updates",
    ),
    "follows": ("destination", "topic", "at", "timezone"),
}
_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_DESTINATION = re.compile(r"^(stdout|slack:[A-Z0-9][A-Z0-9_-]*|matrix:![^\s]+)$")


class ConfigError(ValueError):
    """A configuration problem: names the file and key and says what was expected."""


@dataclass(frozen=True, slots=True)
class SourceConfig:
    name: str
    kind: SourceKind
    url: str | None = None
    path: Path | None = None
    interval: int = 1800
    timeout: float = 20.0
    max_bytes: int = DEFAULT_MAX_BYTES
    baseline: bool = True
    # A feed entry the feed marks revised after it was stored is read again (feeds only).
    updates: bool = True


@dataclass(frozen=True, slots=True)
class FollowConfig:
    destination: str
    topic: str
    at: str = "08:00"
    timezone: str = "UTC"


@dataclass(frozen=True, slots=True)
class FetchConfig:
    allow_private: bool = False
    timeout: float = 20.0
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 5
    backoff_ceiling: int = 6 * 3600


@dataclass(frozen=True, slots=True)
class MatrixConfig:
    """Non-secret Matrix settings; ``allow_invites_from`` empty means the bot's homeserver."""

    allow_invites_from: tuple[str, ...] = ()
    state_dir: Path = Path("var/matrix")


@dataclass(frozen=True, slots=True)
class Secrets:
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str | None = None
    matrix_homeserver: str | None = None
    matrix_user_id: str | None = None
    matrix_access_token: str | None = None
    matrix_password: str | None = None
    matrix_device_id: str | None = None

    def __repr__(self) -> str:  # never print a token by accident
        present = [name for name in self.__dataclass_fields__ if getattr(self, name)]
        return f"Secrets(set={present})"


@dataclass(frozen=True, slots=True)
class Config:
    path: Path | None
    database_url: str = DEFAULT_DATABASE_URL
    # Where database_url came from, for errors: the variable, the file and key, or neither.
    database_url_source: str = DEFAULT_DATABASE_URL_SOURCE
    topics_file: Path = Path("config/topics.toml")
    topics: tuple[Topic, ...] = ()
    seeds: tuple[Path, ...] = (Path("seeds"),)
    ingest_max_bytes: int = DEFAULT_MAX_BYTES
    http_host: str = "127.0.0.1"
    http_port: int = 3000
    digest_hours: int = 24
    fetch: FetchConfig = field(default_factory=FetchConfig)
    sources: tuple[SourceConfig, ...] = ()
    follows: tuple[FollowConfig, ...] = ()
    matrix: MatrixConfig = field(default_factory=MatrixConfig)
    secrets: Secrets = field(default_factory=Secrets)

    def topic_names(self) -> list[str]:
        return [t.name for t in self.topics]


def load_config(path: str | Path | None = None, environ: Mapping[str, str] | None = None) -> Config:
    """Read the config file (``BRIEFBOT_CONFIG`` or ``config/briefbot.toml``) and environment."""
    env = os.environ if environ is None else environ
    chosen = Path(path or env.get("BRIEFBOT_CONFIG") or DEFAULT_CONFIG)
    data: dict[str, Any] = {}
    if chosen.exists():
        try:
            data = tomllib.loads(chosen.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{chosen}: not valid TOML ({exc})") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{chosen}: cannot be read ({exc})") from exc
    elif path or env.get("BRIEFBOT_CONFIG"):
        raise ConfigError(f"{chosen}: config file not found")
    base = chosen.parent.parent if chosen.parent.name == "config" else chosen.parent
    return parse_config(data, chosen, base, env)


DEFAULT_TOPICS_FILE = "config/topics.toml"


def parse_config(
    data: Mapping[str, Any], origin: Path, base: Path, env: Mapping[str, str]
) -> Config:
    reader = _Reader(str(origin))
    for key in data:
        if key not in SCHEMA:
            raise ConfigError(
                f"{origin}: unknown section or key '{key}' ({_hint(key, SCHEMA.keys())})"
            )
    database = reader.table(data, "database")
    topics_section = reader.table(data, "topics")
    ingest = reader.table(data, "ingest")
    http = reader.table(data, "http")
    digest = reader.table(data, "digest")
    fetch = reader.table(data, "fetch")
    matrix = reader.table(data, "matrix")
    seeds_section = reader.table(data, "seeds")

    given = reader.string(topics_section, "topics.file", None)
    topics_file = _resolve(base, given or DEFAULT_TOPICS_FILE)
    if (
        given in (None, DEFAULT_TOPICS_FILE)
        and not topics_file.exists()
        and (origin.parent / "topics.toml").exists()
    ):
        # A config kept outside a project ("/etc/briefbot/briefbot.toml") with its topics
        # beside it: the default finds that file too, also when the key is written out with
        # its default value, as the shipped config (copied there) writes it.
        topics_file = origin.parent / "topics.toml"
    topics = _load_topics(topics_file)

    db_url, db_url_source = _database_url(reader, database, env)
    allow_private = _env_flag(env, "BRIEFBOT_FETCH_ALLOW_PRIVATE")
    if allow_private is None:
        allow_private = reader.boolean(fetch, "fetch.allow_private", False)
    fetch_config = FetchConfig(
        allow_private=allow_private,
        timeout=reader.number(fetch, "fetch.timeout", 20.0, maximum=MAX_TIMEOUT),
        max_bytes=reader.integer(
            fetch, "fetch.max_bytes", DEFAULT_MAX_BYTES, maximum=MAX_BYTES, unit="bytes"
        ),
        max_redirects=reader.integer(fetch, "fetch.max_redirects", 5, maximum=MAX_REDIRECTS),
        backoff_ceiling=reader.duration(
            fetch, "fetch.backoff_ceiling", 6 * 3600, maximum=MAX_BACKOFF_CEILING
        ),
    )
    port_text = env.get("BRIEFBOT_HTTP_PORT")
    if port_text:
        # (Only the variable's own parse is caught here: a wrong type for http.port in the
        # file is the reader's error, with the file and the key.)
        try:
            port = int(port_text)
        except ValueError as exc:
            raise ConfigError(
                f"BRIEFBOT_HTTP_PORT: expected a port number, got {port_text!r}"
            ) from exc
        if not 0 <= port <= 65535:
            raise ConfigError(f"BRIEFBOT_HTTP_PORT: expected 0..65535, got {port}")
    else:
        # The range is said below, as for the variable.
        port = reader.integer(http, "http.port", 3000, maximum=None)
        if not 0 <= port <= 65535:
            raise ConfigError(f"{origin}: http.port: expected 0..65535, got {port}")

    sources = tuple(
        _source(reader, item, n, base, fetch_config)
        for n, item in enumerate(reader.tables(data, "sources"))
    )
    names = [s.name for s in sources]
    for name in names:
        if names.count(name) > 1:
            raise ConfigError(f"{origin}: sources: the name '{name}' is used twice")
    topic_names = {t.name for t in topics}
    follows = tuple(
        _follow(reader, item, n, topic_names)
        for n, item in enumerate(reader.tables(data, "follows"))
    )
    seeds = tuple(
        _resolve(base, p) for p in reader.string_list(seeds_section, "seeds.paths", ["seeds"])
    )
    allow = tuple(reader.string_list(matrix, "matrix.allow_invites_from", []))
    return Config(
        path=origin,
        database_url=_sqlite_relative(db_url, base),
        database_url_source=db_url_source,
        topics_file=topics_file,
        topics=tuple(topics),
        seeds=seeds,
        ingest_max_bytes=reader.integer(
            ingest, "ingest.max_bytes", DEFAULT_MAX_BYTES, maximum=MAX_BYTES, unit="bytes"
        ),
        http_host=env.get("BRIEFBOT_HTTP_HOST")
        or reader.string(http, "http.host", None)
        or "127.0.0.1",
        http_port=port,
        digest_hours=reader.integer(
            digest, "digest.hours", 24, maximum=MAX_DIGEST_HOURS, unit="hours"
        ),
        fetch=fetch_config,
        sources=sources,
        follows=follows,
        matrix=MatrixConfig(
            allow_invites_from=allow,
            state_dir=_resolve(base, reader.string(matrix, "matrix.state_dir", "var/matrix")),
        ),
        secrets=secrets_from_env(env),
    )


def secrets_from_env(env: Mapping[str, str]) -> Secrets:
    def get(name: str) -> str | None:
        value = env.get(name, "").strip()
        return value or None

    return Secrets(
        slack_bot_token=get("SLACK_BOT_TOKEN"),
        slack_signing_secret=get("SLACK_SIGNING_SECRET"),
        slack_app_token=get("SLACK_APP_TOKEN"),
        slack_api_url=get("SLACK_API_URL"),
        matrix_homeserver=get("MATRIX_HOMESERVER"),
        matrix_user_id=get("MATRIX_USER_ID"),
        matrix_access_token=get("MATRIX_ACCESS_TOKEN"),
        matrix_password=get("MATRIX_PASSWORD"),
        matrix_device_id=get("MATRIX_DEVICE_ID"),
    )


_TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
_FALSE_WORDS = frozenset({"0", "false", "no", "off"})


def _env_flag(env: Mapping[str, str], name: str) -> bool | None:
    """A yes-or-no variable, None when unset or empty; it wins over the file, as the other
    variables do. Any other word is refused: "maybe" read as false left a setting off
    without a word."""
    text = env.get(name, "").strip()
    if not text:
        return None
    if text.lower() in _TRUE_WORDS | _FALSE_WORDS:
        return text.lower() in _TRUE_WORDS
    raise ConfigError(f"{name}: expected 1 or 0, true or false, yes or no, on or off; got {text!r}")


def parse_duration(text: str) -> int:
    """``30m``, ``2h``, ``1d``, ``45s`` to seconds; ValueError otherwise."""
    match = _DURATION.match(text.strip().lower())
    if not match:
        raise ValueError(f"expected a duration like 30m, 2h or 1d, got {text!r}")
    return int(match.group(1)) * _SECONDS[match.group(2)]


def _hint(key: str, known: Collection[str]) -> str:
    """The known key ``key`` was probably meant to be, or else all of them."""
    close = difflib.get_close_matches(key, known, n=1)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"expected one of {', '.join(sorted(known))}"


def _shortest(seconds: int) -> str:
    """The way a person would write ``seconds`` as a duration: 60 is "1m", 90 is "90s"."""
    for unit in ("d", "h", "m"):
        if seconds % _SECONDS[unit] == 0:
            return f"{seconds // _SECONDS[unit]}{unit}"
    return f"{seconds}s"


def _load_topics(path: Path) -> list[Topic]:
    if not path.exists():
        raise ConfigError(f"{path}: topics file not found (set [topics] file in the config)")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
    except (OSError, UnicodeDecodeError) as exc:  # a folder, no permission, not UTF-8
        raise ConfigError(f"{path}: cannot be read ({exc})") from exc
    try:
        return topics_from_mapping(data, str(path))
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc


def _source(
    reader: _Reader, item: Mapping[str, Any], n: int, base: Path, fetch: FetchConfig
) -> SourceConfig:
    where = f"sources[{n}]"
    name = reader.string(item, f"{where}.name", None)
    if not name or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,127}", name):
        raise reader.error(f"{where}.name", "a name of letters, digits, '-', '_' or '.'")
    kind = reader.string(item, f"{where}.kind", None)
    if kind not in ("folder", "feed", "url"):
        raise reader.error(f"{where}.kind", "one of folder, feed, url")
    url = reader.string(item, f"{where}.url", None) if "url" in item else None
    path = reader.string(item, f"{where}.path", None) if "path" in item else None
    if kind == "folder" and not path:
        raise reader.error(f"{where}.path", 'a folder path for kind = "folder"')
    if kind in ("feed", "url") and not (url and re.match(r"^https?://", url)):
        raise reader.error(f"{where}.url", 'an http(s) URL for kind = "feed" or "url"')
    problem = url_problem(url) if url and kind in ("feed", "url") else None
    if problem:
        raise ConfigError(
            f"{reader.origin}: {where}.url: the source '{name}' has {url!r}: {problem}"
        )
    return SourceConfig(
        name=name,
        kind=kind,  # type: ignore[arg-type]
        url=url,
        path=_resolve(base, path) if path else None,
        interval=reader.duration(
            item,
            f"{where}.interval",
            1800,
            minimum=MIN_SOURCE_INTERVAL,
            maximum=MAX_SOURCE_INTERVAL,
        ),
        timeout=reader.number(item, f"{where}.timeout", fetch.timeout, maximum=MAX_TIMEOUT),
        max_bytes=reader.integer(
            item, f"{where}.max_bytes", fetch.max_bytes, maximum=MAX_BYTES, unit="bytes"
        ),
        baseline=reader.boolean(item, f"{where}.baseline", True),
        updates=reader.boolean(item, f"{where}.updates", True),
    )


def _follow(reader: _Reader, item: Mapping[str, Any], n: int, topics: set[str]) -> FollowConfig:
    where = f"follows[{n}]"
    destination = reader.string(item, f"{where}.destination", None)
    if not destination or not _DESTINATION.match(destination):
        raise reader.error(
            f"{where}.destination", '"stdout", "slack:C0123456" or "matrix:!room:example.org"'
        )
    topic = reader.string(item, f"{where}.topic", None)
    if topic not in topics:
        raise reader.error(f"{where}.topic", f"one of the topics ({', '.join(sorted(topics))})")
    at = reader.string(item, f"{where}.at", "08:00") or "08:00"
    if not _CLOCK.match(at):
        raise reader.error(f"{where}.at", "a time of day HH:MM such as 08:00")
    zone = reader.string(item, f"{where}.timezone", "UTC") or "UTC"
    if find_zone(zone) is None:
        raise reader.error(f"{where}.timezone", "an IANA time zone such as Europe/Kyiv")
    return FollowConfig(destination, topic, at, zone)


def _database_url(
    reader: _Reader, database: Mapping[str, Any], env: Mapping[str, str]
) -> tuple[str, str]:
    """The store's URL and where it was set: the environment wins over the file."""
    if env.get("BRIEFBOT_DATABASE_URL"):
        return env["BRIEFBOT_DATABASE_URL"], "BRIEFBOT_DATABASE_URL"
    url = reader.string(database, "database.url", None)
    if url:
        return url, f"{reader.origin}: database.url"
    return DEFAULT_DATABASE_URL, DEFAULT_DATABASE_URL_SOURCE


def _resolve(base: Path, value: str | None) -> Path:
    path = Path(value or ".")
    return path if path.is_absolute() else base / path


def _sqlite_relative(url: str, base: Path) -> str:
    """A relative SQLite path in the config file is relative to the project, not the cwd.

    SQLAlchemy's URI form (``sqlite:///file:/abs/ro.db?mode=ro&uri=true``) names an SQLite
    URI, not a path: prefixing the project folder to it made a relative file named
    ``file:/abs/ro.db`` and a new, empty store in place of the one asked for (read-only, too).
    An absolute URI is left as written; a relative one (``file:var/ro.db``) gets the
    project folder in its path, as a plain relative path does.
    """
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url.startswith(prefix + "/") or ":memory:" in url:
        return url
    rest = url[len(prefix) :]
    path, mark, query = rest.partition("?")
    if path.startswith("file:") and _query_flag(query, "uri"):
        inner = path[len("file:") :]
        return url if inner.startswith("/") else f"{prefix}file:{base / inner}{mark}{query}"
    return prefix + str(base / rest)


def _query_flag(query: str, name: str) -> bool:
    """Whether a URL's query sets ``name`` true, as SQLAlchemy's SQLite dialect reads it."""
    values = parse_qs(query).get(name, [])
    return any(v.strip().lower() in {"true", "yes", "on", "y", "t", "1"} for v in values)


class _Reader:
    """Typed access to parsed TOML that names the key and the expectation on error."""

    def __init__(self, origin: str) -> None:
        self.origin = origin

    def error(self, key: str, expected: str) -> ConfigError:
        return ConfigError(f"{self.origin}: {key}: expected {expected}")

    def table(self, data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise self.error(key, "a table")
        self.known_keys(value, key, SCHEMA[key])
        return value

    def tables(self, data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.error(key, f"[[{key}]] tables")
        for n, item in enumerate(value):
            self.known_keys(item, f"{key}[{n}]", SCHEMA[key])
        return value

    def known_keys(self, data: Mapping[str, Any], where: str, known: Collection[str]) -> None:
        for key in data:
            if key not in known:
                hint = _hint(key, known)
                raise ConfigError(f"{self.origin}: {where}.{key}: unknown key ({hint})")

    def string(self, data: Mapping[str, Any], key: str, default: str | None) -> str | None:
        value = data.get(key.rsplit(".", 1)[-1], default)
        if value is not None and not isinstance(value, str):
            raise self.error(key, "a string")
        return value

    def string_list(self, data: Mapping[str, Any], key: str, default: list[str]) -> list[str]:
        value = data.get(key.rsplit(".", 1)[-1], default)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(key, "a list of strings")
        return value

    def boolean(self, data: Mapping[str, Any], key: str, default: bool) -> bool:
        value = data.get(key.rsplit(".", 1)[-1], default)
        if not isinstance(value, bool):
            raise self.error(key, "true or false")
        return value

    def integer(
        self,
        data: Mapping[str, Any],
        key: str,
        default: int,
        *,
        maximum: int | None,
        unit: str = "",
    ) -> int:
        """A whole number from 0 to ``maximum`` (None: a caller that says its own range)."""
        value = data.get(key.rsplit(".", 1)[-1], default)
        if (
            isinstance(value, int)
            and not isinstance(value, bool)
            and value >= 0
            and (maximum is None or value <= maximum)
        ):
            return value
        number = f"a whole number of {unit}" if unit else "a whole number"
        raise self.error(
            key, f"{number} ≥ 0" if maximum is None else f"{number} from 0 to {maximum}"
        )

    def number(self, data: Mapping[str, Any], key: str, default: float, *, maximum: float) -> float:
        """Seconds over 0 and at most ``maximum``: the bound also keeps out inf, and nan,
        which compares false with everything (``nan <= 0`` let it through)."""
        value = data.get(key.rsplit(".", 1)[-1], default)
        if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= maximum:
            return float(value)
        raise self.error(key, f"a number of seconds > 0 and at most {maximum:g}")

    def duration(
        self,
        data: Mapping[str, Any],
        key: str,
        default: int,
        *,
        maximum: int,
        minimum: int = 1,
    ) -> int:
        """Seconds, from a whole number of seconds or a text like "30m", from ``minimum`` to
        ``maximum``."""
        value = data.get(key.rsplit(".", 1)[-1])
        if value is None:
            return default
        seconds: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            seconds = value
        elif isinstance(value, str):
            with contextlib.suppress(ValueError):  # said below, with the key
                seconds = parse_duration(value)
        if seconds is not None and minimum <= seconds <= maximum:
            return seconds
        at_least = f"at least {_shortest(minimum)} and " if minimum > 1 else ""
        raise self.error(
            key, f'a duration of {at_least}at most {_shortest(maximum)}, like "30m", "2h" or "1d"'
        )
