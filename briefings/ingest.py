"""Turning files and pages into ``Report`` objects, rejecting bad input with a clear reason.

Reads Markdown with TOML front matter, plain text, JSON report objects and HTML. Parsing is
pure (bytes in, a ``Report`` or an ``IngestError`` out); the caller decides where the bytes
came from and stores the report before anything is derived from it.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import json
import os
import re
import stat
import sys
import tomllib
import unicodedata
from dataclasses import replace
from datetime import date, datetime, time
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from briefings.model import Report

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# What trafilatura keeps of a page with no article is a menu or a cookie notice: a real
# report has at least a few sentences.
MIN_ARTICLE_WORDS = 30
SUFFIXES = (".md", ".markdown", ".txt", ".json", ".html", ".htm")

_WS = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
# A year, a month or a day, then perhaps a time: the dates of reports, in ISO 8601's
# extended form (a week date or "20260127" is no date a report gives).
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(-\d{2}(?:[T ].+)?)?)?")
# What may close a line after its last word: closing quotes and brackets.
_CLOSERS = "\"'”’)]»"
# A line ending in one of these ends a sentence (the segmenter cuts there) or runs on into
# the next line ("He said:", "KYIV (Reuters) -").
_RUN_ON_ENDS = ".!?:;,-–—"


class IngestError(ValueError):
    """A report that cannot be read; the message says what is wrong and where."""


def report_id(text: str) -> str:
    """The same content gives the same id, whatever its whitespace or Unicode form."""
    folded = _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


# The setting that caps what ``briefbot ingest`` reads; a watched folder names its own.
INGEST_CAP = "[ingest] max_bytes"


def decode_text(
    data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES, cap: str = INGEST_CAP
) -> str:
    """Bytes to text, refusing empty, oversized, binary and undecodable input; ``cap`` is
    the setting an oversized input is told to raise.

    UTF-8 is the rule. UTF-16 is read too, since Windows tools write it (Notepad's
    "Unicode", PowerShell's ``>``): with its byte order mark, or without one when the first
    kilobyte has a NUL in every other byte and none between, as English in UTF-16 has.
    UTF-32 is read only with its byte order mark: without one, English in UTF-32 looks
    like an array of small 32-bit numbers, which is binary far more often than text. Any
    other NUL byte, anywhere in the file, makes it binary: a NUL is no text, and PostgreSQL
    cannot store one, so the whole file is checked, not its first kilobytes.
    """
    if len(data) > max_bytes:
        raise IngestError(
            f"{name}: {len(data):,} bytes is over the size cap of {max_bytes:,} bytes "
            f"(raise {cap} in the config to accept it)"
        )
    if not data.strip():
        raise IngestError(f"{name}: the file is empty")
    binary = IngestError(f"{name}: this looks like a binary file, not text")
    wide = _wide_encoding(data)
    if wide is None:
        if b"\x00" in data:
            raise binary
        text = decode_utf8(data, name)
    else:
        codec, start = wide
        try:
            text = data[start:].decode(codec)
        except UnicodeDecodeError as exc:
            raise IngestError(
                f"{name}: not valid {codec[:6].upper()} (byte {exc.start + start}); "
                "save the file as UTF-8"
            ) from exc
        if "\x00" in text:
            raise binary
    return text.replace("\r\n", "\n").replace("\r", "\n")


# The UTF-32 marks come first: the little-endian one begins with UTF-16's. Read as UTF-16,
# the text after it would open with a NUL, so no UTF-16 file briefbot reads begins with it.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _wide_encoding(data: bytes) -> tuple[str, int] | None:
    """The UTF-32 or UTF-16 codec the bytes are in and where the text starts, or None."""
    for bom, codec in _BYTE_ORDER_MARKS:
        if data.startswith(bom):
            return codec, len(bom)
    head = data[:1024]
    if len(head) < 2 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    if not odd.strip(b"\x00") and b"\x00" not in even:
        return "utf-16-le", 0
    if not even.strip(b"\x00") and b"\x00" not in odd:
        return "utf-16-be", 0
    return None


def decode_utf8(data: bytes, name: str) -> str:
    """UTF-8 (with or without a byte order mark), or an error that says how to fix the file.

    Every file briefbot reads says it the same way, so a user who met it once knows it.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"{name}: not valid UTF-8 (byte {exc.start}); save the file as UTF-8"
        ) from exc


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path as text that can be printed and stored.

    A file name that is not valid UTF-8 reaches Python with its odd bytes as lone
    surrogates, which no UTF-8 output or store accepts; shown as ``caf\\xe9.txt`` it still
    names the file readably.
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def special_file(path: Path) -> str | None:
    """Why ``path`` is no file to read, or None for a regular file or a folder (and for a
    path that does not exist, which the caller says in its own words).

    A FIFO would block the read forever, a device (a link to ``/dev/zero``) would never
    end it, and a link that leads nowhere would be reported as missing when it is there.
    """
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symlink loop (the link leads back to itself)"
        try:
            target = os.readlink(path)
        except OSError:  # no link (the caller says the file is missing), or gone meanwhile
            return None
        return f"a broken symlink (to {shown_path(target)}, which does not exist)"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return f"not a regular file ({_kind(mode)})"


def _kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return kind
    return "neither a file nor a folder"


# Opening does not wait for a FIFO's writer; nor may a terminal device become ours.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def read_file_bytes(path: Path, name: str, max_bytes: int, over_cap: str = "") -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; ``IngestError`` otherwise.

    ``over_cap`` ends the message for a file over the cap (what to do about it). The file
    is checked again on the open descriptor, so a FIFO put in its place after the first
    check cannot hang the read either, and the read stops past the cap however the file
    grows while it is read.
    """
    problem = special_file(path)
    if problem:
        raise IngestError(f"{name}: {problem}")
    try:
        with os.fdopen(os.open(path, _OPEN_FLAGS), "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise IngestError(f"{name}: not a regular file ({_kind(info.st_mode)})")
            data = file.read(max_bytes + 1) if info.st_size <= max_bytes else b""
    except OSError as exc:
        raise IngestError(f"{name}: cannot be read ({exc.strerror or exc})") from exc
    size = max(info.st_size, len(data))
    if size > max_bytes:
        raise IngestError(
            f"{name}: {size:,} bytes is over the size cap of {max_bytes:,} bytes{over_cap}"
        )
    return data


def read_report_file(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, cap: str = INGEST_CAP
) -> Report:
    """Read one file by its suffix; raises ``IngestError`` naming the file and the problem."""
    name = shown_path(path)
    suffix = path.suffix.lower()
    if path.is_dir():
        raise IngestError(f"{name}: is a folder; give one report file")
    if suffix not in SUFFIXES:
        raise IngestError(
            f"{name}: unsupported file type '{suffix or 'none'}' "
            f"(briefbot reads {', '.join(SUFFIXES)})"
        )
    data = read_file_bytes(path, name, max_bytes, f" (raise {cap} in the config to accept it)")
    source = f"file:{shown_path(path.name)}"
    if suffix in (".html", ".htm"):
        return replace(parse_html(data, name, max_bytes=max_bytes), source=source)
    text = decode_text(data, name, max_bytes, cap)
    if suffix in (".md", ".markdown"):
        report = parse_markdown(text, name)
    elif suffix == ".json":
        report = parse_json(text, name)
    else:
        report = parse_plain(text, name)
    return replace(report, source=source)


def parse_plain(text: str, name: str = "<text>") -> Report:
    """Plain text: the first non-empty line is the title, the whole text is the report."""
    body = _set_apart_headline(_clean_body(text))
    if not body:
        raise IngestError(f"{name}: the file is empty")
    title = body.split("\n", 1)[0].strip()
    return Report(id=report_id(body), title=_clip_title(title), text=body)


_DASH_FIELD = re.compile(r"\s*([A-Za-z_][\w\-]*)\s*:\s*(.*?)\s*$")


def _dash_front_matter(lines: list[str]) -> tuple[dict[str, Any], int] | None:
    """The flat ``key: value`` front matter between ``---`` lines that many Markdown tools
    write instead of TOML, and where it ends; None when the block is anything else (a
    horizontal rule, prose), which then stays part of the text."""
    end = next((i for i in range(1, min(len(lines), 40)) if lines[i].strip() == "---"), None)
    if end is None or end == 1:
        return None
    meta: dict[str, Any] = {}
    for line in lines[1:end]:
        if not line.strip():
            continue
        m = _DASH_FIELD.fullmatch(line)
        if m is None:
            return None
        value = m.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        meta[m.group(1)] = value
    return meta, end


def parse_markdown(text: str, name: str = "<markdown>") -> Report:
    """Markdown with optional TOML front matter between ``+++`` lines (or flat
    ``key: value`` lines between ``---``)."""
    meta: dict[str, Any] = {}
    body = text
    lines = text.split("\n")
    if lines and lines[0].strip() == "+++":
        try:
            end = next(i for i in range(1, len(lines)) if lines[i].strip() == "+++")
        except StopIteration:
            raise IngestError(f"{name}:1: front matter opened with '+++' is never closed") from None
        try:
            meta = tomllib.loads("\n".join(lines[1:end]))
        except tomllib.TOMLDecodeError as exc:
            line = _toml_error_line(exc, lines[1:end])
            where = f"{name}:{line + 1}" if line else name
            raise IngestError(f"{where}: front matter is not valid TOML ({exc})") from exc
        except RecursionError:
            raise IngestError(f"{name}: front matter is nested too deeply to read") from None
        except ValueError:
            raise IngestError(f"{name}: front matter {_too_many_digits()}") from None
        body = "\n".join(lines[end + 1 :])
    elif lines and lines[0].strip() == "---":
        yaml_like = _dash_front_matter(lines)
        if yaml_like is not None:
            meta, end = yaml_like
            body = "\n".join(lines[end + 1 :])
    body = _set_apart_headline(_clean_body(body))
    if not body:
        raise IngestError(f"{name}: the report has no text after its front matter")
    title = _text_field(meta, "title", name) or body.split("\n", 1)[0].lstrip("# ").strip()
    return Report(
        id=report_id(body),
        title=_clip_title(title),
        text=body,
        outlet=_text_field(meta, "outlet", name),
        url=_url_field(meta, name),
        published=_date_field(meta, "published", name),
        language=_text_field(meta, "language", name) or "en",
    )


def parse_json(text: str, name: str = "<json>") -> Report:
    """A JSON report object; keys other than the report's own (``gold`` …) are ignored."""
    data = load_json(text, name)
    if not isinstance(data, dict):
        raise IngestError(f"{name}: expected a JSON object with 'title' and 'text'")
    body = data.get("text")
    body = _clean_body(body) if isinstance(body, str) else ""
    if not body:
        raise IngestError(f"{name}: the JSON object has no 'text' string")
    title = _text_field(data, "title", name) or body.split("\n", 1)[0]
    return Report(
        id=report_id(body),
        title=_clip_title(title),
        text=body,
        outlet=_text_field(data, "outlet", name),
        url=_url_field(data, name),
        published=_date_field(data, "published", name),
        language=_text_field(data, "language", name) or "en",
    )


def load_json(text: str, name: str) -> Any:
    """JSON text as Python values, or an ``IngestError`` saying in one line why not.

    Besides a syntax error (with its line), JSON that parses can still be refused by Python:
    nesting deeper than its recursion limit (no report or export is nested so deep), and an
    integer of more digits than it converts (``sys.get_int_max_str_digits()``, 4300).
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(f"{name}:{exc.lineno}: not valid JSON ({exc.msg})") from exc
    except RecursionError:
        raise IngestError(f"{name}: the JSON is nested too deeply to read") from None
    except ValueError:
        # JSONDecodeError is a ValueError too, caught above: this is int()'s digit limit.
        raise IngestError(f"{name}: the JSON {_too_many_digits()}") from None


def _too_many_digits() -> str:
    return f"has a number of more than {sys.get_int_max_str_digits():,} digits"


def parse_html(
    data: bytes | str,
    name: str = "<html>",
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Report:
    """An article page: main text by trafilatura, title/outlet/date from the page's metadata."""
    import trafilatura  # imported here: it is slow to import and only pages need it

    html = data if isinstance(data, str) else decode_html(data, name, max_bytes)
    try:
        body = trafilatura.extract(
            html, url=url, include_comments=False, include_tables=False, favor_precision=True
        )
        meta = trafilatura.extract_metadata(html, default_url=url)
    except Exception as exc:
        raise IngestError(f"{name}: the page could not be parsed ({type(exc).__name__})") from exc
    if not body or len(body.split()) < MIN_ARTICLE_WORDS:
        raise IngestError(f"{name}: no article text found in the page")
    body = _set_apart_blocks(_clean_body(body))
    title = (meta.title if meta and meta.title else "") or body.split("\n", 1)[0]
    return Report(
        id=report_id(body),
        title=_clip_title(title),
        text=body,
        outlet=(storable_text(meta.sitename) if meta and meta.sitename else None),
        url=url or (meta.url if meta and meta.url and _is_http(meta.url) else None),
        published=(meta.date if meta and meta.date else None),
    )


def decode_html(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """HTML bytes to text: UTF-8, else the charset the page declares, else Latin-1."""
    if len(data) > max_bytes:
        raise IngestError(f"{name}: {len(data):,} bytes is over the size cap of {max_bytes:,}")
    if not data.strip():
        raise IngestError(f"{name}: the page is empty")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"charset=[\"']?([A-Za-z0-9_.:-]+)", data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode("latin-1")


_SURROGATE = re.compile("[\ud800-\udfff]")


def storable_text(text: str) -> str:
    """Text as every store can hold it: NUL characters removed, lone surrogates replaced.

    JSON and TOML spell both as escapes in a string (``\\u0000``, ``\\ud800`` in JSON), and
    a feed as ``&#0;``. Neither is anything a reader sees, PostgreSQL refuses a NUL and no
    UTF-8 store takes a lone surrogate; so they are removed (a surrogate becomes U+FFFD, so
    the text shows something was there) rather than the whole report being refused for a
    character nobody can see. A NUL *byte* in a file is another matter: the file is binary.
    """
    if "\x00" in text:
        text = text.replace("\x00", "")
    return _SURROGATE.sub("\ufffd", text)


def _clean_body(text: str) -> str:
    # Paragraphs are separated by one blank line; more is layout, not meaning.
    lines = [line.rstrip() for line in storable_text(text).strip().split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _stands_alone(line: str, following: str) -> bool:
    """A headline, byline or subheading: a line that neither ends a sentence nor runs on into
    the next one, and that the next line does not continue in lower case."""
    end = line.rstrip().rstrip(_CLOSERS)
    return bool(end) and end[-1] not in _RUN_ON_ENDS and not following[:1].islower()


def _set_apart_headline(body: str) -> str:
    """A headline on the first line, right above the text, becomes a paragraph of its own.

    Without the blank line it would open the first sentence ("… trade blame\nUkrainian
    Foreign Minister … said"). Only the first line: further down, a line without a full stop
    may be a hard-wrapped sentence. Whitespace only, so the report id does not change.
    """
    first, newline, rest = body.partition("\n")
    if newline and rest[:1] != "\n" and _stands_alone(first, rest):
        return f"{first}\n\n{rest}"
    return body


def _set_apart_blocks(body: str) -> str:
    """Every headline, byline and subheading of a page's text becomes a paragraph of its own.

    trafilatura puts each block of the page (heading, paragraph, byline) on a line of its
    own with a single newline between them, so a line that ends no sentence is one of those
    labels, not the start of the sentence below it. The lines that end a sentence keep
    their single newline: the paragraphs of the text stay as the engine has always read them.
    """
    lines = body.split("\n")
    out = [lines[0]]
    for line, following in pairwise(lines):
        if line and following and _stands_alone(line, following):
            out.append("")
        out.append(following)
    return "\n".join(out)


def _clip_title(title: str, limit: int = 300) -> str:
    title = _WS.sub(" ", storable_text(title)).strip()
    return title if len(title) <= limit else title[: limit - 1] + "…"


def _text_field(meta: dict[str, Any], key: str, name: str) -> str | None:
    value = meta.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise IngestError(f"{name}: '{key}' should be a string, not {type(value).__name__}")
    return storable_text(value).strip() or None


def _url_field(meta: dict[str, Any], name: str) -> str | None:
    """The report's ``url``: an http(s) address, or none.

    Briefs render it as the report's link, so a ``javascript:`` or ``data:`` URL would be a
    link that runs where the brief is read. It is refused with the report, as a
    ``published`` that is no date is, rather than dropped: the ingest line has no place to
    say a field was left out, and a report stored without the link its author gave would
    pass for complete.
    """
    value = _text_field(meta, "url", name)
    if value is None or _is_http(value):
        return value
    raise IngestError(
        f"{name}: 'url' should be an http(s) address like https://example.org/story, "
        f"not {_shown(value)}"
    )


def _is_http(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:  # a "[" never closed
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _date_field(meta: dict[str, Any], key: str, name: str) -> str | None:
    """A publication date as precise as the source gave it: a year, a month, a day or an
    ISO date-time, from a string, a TOML date or a bare TOML year; anything else is refused
    here, before it reaches a brief as if it were a date."""
    value = meta.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    # A year has four digits; testing the range first spares str() an integer of thousands.
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)
    if isinstance(value, str) and (not value.strip() or _is_date(value.strip())):
        return storable_text(value).strip() or None
    raise IngestError(
        f"{name}: '{key}' should be a date like 2026-01-27 (or 2026-01, 2026, or an ISO "
        f"date-time like 2026-01-27T09:30:00Z), not {_shown(value)}"
    )


def _is_date(text: str) -> bool:
    """``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or an ISO date-time, with real months and days."""
    match = _DATE.fullmatch(text)
    if match is None:
        return False
    year, month, rest = match.groups()
    try:
        if rest:
            datetime.fromisoformat(text)
        else:
            date(int(year), int(month or 1), 1)
    except ValueError:
        return False
    return True


def _shown(value: Any) -> str:
    """A front matter or JSON value as the user wrote it, never as a Python repr."""
    if isinstance(value, str):
        return f'"{_clip_title(value, 60)}"'
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int) and abs(value) >= 10**60:
        return "a number of more than 60 digits"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, time):
        return f"the time {value.isoformat()}"
    return "a list" if isinstance(value, list) else "a table"


def _toml_error_line(exc: tomllib.TOMLDecodeError, lines: list[str]) -> int | None:
    """The TOML line at fault (1-based), even for errors tomllib reports at end of document."""
    lineno = getattr(exc, "lineno", None)
    if isinstance(lineno, int):
        return lineno
    match = re.search(r"line (\d+)", str(exc))
    if match:
        return int(match.group(1))
    # "Unterminated string (at end of document)": the first prefix that fails is the culprit.
    for count in range(1, len(lines) + 1):
        try:
            tomllib.loads("\n".join(lines[:count]))
        except tomllib.TOMLDecodeError:
            return count
    return None
