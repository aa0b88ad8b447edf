"""Rendering briefs, digests, thread summaries and notices for the terminal, Slack and Matrix.

The wording lives in jinja2 templates shipped inside the package (one file per format, one
macro per kind of item); this module owns the structure: the order of the sections and the
splitting that keeps each platform's limits — Slack's 50 blocks, 3,000 characters a section
and ~13k characters a message, Matrix's 64 KiB events. A message of a split brief or digest
that cites reports its own part of the list does not name ends with a key naming them
(``citations.py``): read alone, as a channel's overview or a cut answer is, it still says
which report each number is. Report and chat text is untrusted:
each format escapes it (mrkdwn ``& < >`` for Slack, HTML for Matrix) and mass mentions are
defused everywhere, so no report can ping a channel or forge a link.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from itertools import groupby
from operator import itemgetter
from typing import Any, Literal, TypeVar

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from briefings.citations import (
    CITED_REPORTS,
    Cost,
    KeyRender,
    Part,
    Ref,
    cited_numbers,
    fit_key,
    pack,
    quote_groups,
    quoted,
    unnamed,
)
from briefings.event_parts import Piece, split_item
from briefings.model import Brief, Digest, Evidence, Notice, ThreadSummary
from briefings.overview import TopicOverview, overview

Format = Literal["markdown", "json", "slack", "matrix"]
FORMATS: tuple[Format, ...] = ("markdown", "json", "slack", "matrix")
Renderable = Brief | Digest | ThreadSummary | Notice

SLACK_MAX_BLOCKS = 50
SLACK_MAX_SECTION = 3000
SLACK_MAX_HEADER = 150
# Slack rejects messages whose blocks add up to a little over 13k characters
# (msg_blocks_too_long, observed, not documented): stay well under it.
SLACK_MAX_MESSAGE_CHARS = 12000
SLACK_MAX_FALLBACK = 3000
# The whole Matrix event must stay under 65,536 bytes; leave room for the envelope.
MATRIX_MAX_EVENT_BYTES = 60000
# How many messages (events) one brief, digest or thread summary may post; a notice of the
# bot's own is never cut. A brief of the newest reports is a few messages (four Slack
# messages for a 30-report topic) and a digest a few per followed topic; one huge report (a
# transcript of thousands of claims) would otherwise post hundreds of messages into a thread
# at Slack's one a second, a flood users of peer bots complain of. Past the cap the last
# message says how much was left out and how to ask for less.
SLACK_MAX_MESSAGES = 25
MATRIX_MAX_EVENTS = 10

_BLOCK_KINDS = frozenset({"title", "topic_title", "digest_title", "heading", "thread_title"})
_MASS_MENTION = re.compile(r"@(?=(channel|here|everyone|room)\b)", re.IGNORECASE)
_WORD_JOINER = "\u2060"
# U+202A-U+202E (embeddings and overrides) and U+2066-U+2069 (isolates).
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>]")


def defuse_mentions(text: str) -> str:
    """Break ``@channel``/``@here``/``@everyone``/``@room`` with an invisible word joiner, and
    drop the bidirectional embedding, override and isolate controls, with which one quote
    could show its words in another order than they have (and run on into what follows)."""
    return _MASS_MENTION.sub("@" + _WORD_JOINER, text).translate(_BIDI_CONTROLS)


def escape_markdown(text: str) -> str:
    """Report text made literal in Markdown: a backslash before each character that could
    start a link, an image, inline HTML, emphasis or code, so a report cannot plant a link
    where the Markdown output is rendered."""
    return defuse_mentions(_MARKDOWN_SPECIAL.sub(r"\\\g<0>", text))


def escape_mrkdwn(text: str) -> str:
    """Slack mrkdwn escaping: only ``&``, ``<`` and ``>`` are special (not HTML escaping)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return defuse_mentions(text)


def escape_html(text: str) -> Markup:
    return escape(defuse_mentions(text))


def utc_minute(moment: datetime) -> str:
    """A moment as every brief, digest and notice shows it: ``2026-01-20 08:00 UTC``.

    The year is padded here, not by strftime: glibc's ``%Y`` writes year 1 as ``1``, so
    ``since:0001-01-01`` came out as "since 1-01-01".
    """
    return f"{moment.year:04d}-{moment:%m-%d %H:%M} UTC"


def safe_url(url: str | None) -> str | None:
    """Only http(s) links are ever rendered as links."""
    if url and re.match(r"^https?://[^\s<>\"'|]+$", url):
        return url
    return None


@dataclass(frozen=True, slots=True)
class Section:
    """One unit of a rendered message: a header, an item, a line of context.

    ``brief`` is the place, among the briefs rendered (``_rendered_briefs``), of the brief
    whose report numbers the section cites or lists; None for a section of no brief."""

    kind: str
    item: Any = None
    label: str = ""
    brief: int | None = None


@dataclass(frozen=True, slots=True)
class KeyGroup:
    """The entries of one brief in a message's key: its topic in a digest (each topic
    numbers its reports from 1), else ""; and the indexes (from 0) of its reports named."""

    topic: str
    brief: Brief
    indexes: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Key:
    """A message's key for the Matrix templates' ``cited`` macro: its groups, with links or
    not, and how many numbers it leaves out for want of room."""

    groups: tuple[KeyGroup, ...]
    linked: bool
    more: int


Block = dict[str, Any]
T = TypeVar("T")


class Renderer:
    """Holds the template environment (one per renderer, never module-global)."""

    def __init__(self) -> None:
        self.env = Environment(
            loader=PackageLoader("briefings", "templates"),
            undefined=StrictUndefined,
            autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.env.filters["mrkdwn"] = escape_mrkdwn
        self.env.filters["html"] = escape_html
        self.env.filters["safe_url"] = safe_url
        self.env.filters["utc_minute"] = utc_minute
        self.env.filters["plain"] = defuse_mentions
        self.env.filters["md"] = escape_markdown
        self.env.filters["clip"] = _clip
        self.env.filters["wrap"] = _wrap
        self.env.filters["differs"] = _differs
        self.env.filters["omitted_note"] = omitted_note
        self.env.filters["overview_counts"] = overview_counts
        self.env.filters["cite"] = cite
        self.env.filters["by_sentence"] = by_sentence
        self.env.filters["copy_note"] = copy_note

    # --- public API ----------------------------------------------------------------------

    def render(self, obj: Renderable, fmt: Format) -> str:
        """One string per format (Slack and Matrix as the JSON of their message list)."""
        if fmt == "json":
            return json.dumps(obj.to_dict(), ensure_ascii=False, indent=2)
        if fmt == "markdown":
            return self.markdown(obj)
        if fmt == "slack":
            return json.dumps(self.slack(obj), ensure_ascii=False, indent=2)
        if fmt == "matrix":
            return json.dumps(self.matrix(obj), ensure_ascii=False, indent=2)
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")

    def markdown(self, obj: Renderable) -> str:
        module = self.env.get_template("markdown.j2").module
        parts: list[str] = []
        for s in sections(obj):
            part = str(getattr(module, s.kind)(s.item, s.label)).rstrip("\n")
            # Titles and headings stand apart from the items that follow them.
            parts.append(part + "\n" if s.kind in _BLOCK_KINDS else part)
        text = "\n".join(p for p in parts if p.strip()).strip()
        return re.sub(r"\n{3,}", "\n\n", text) + "\n"

    def slack(self, obj: Renderable) -> list[dict[str, Any]]:
        """Messages for ``chat.postMessage``/``respond``: each within Slack's block limits, at
        most ``SLACK_MAX_MESSAGES`` of them, the last saying what was left out past that."""
        messages = self.slack_uncapped(obj)
        if len(messages) > SLACK_MAX_MESSAGES and not isinstance(obj, Notice):
            note = escape_mrkdwn(_overflow_note(obj, len(messages), SLACK_MAX_MESSAGES - 1))
            messages = [
                *messages[: SLACK_MAX_MESSAGES - 1],
                {
                    "text": note,
                    "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": note}}],
                },
            ]
        return messages

    def slack_uncapped(self, obj: Renderable) -> list[dict[str, Any]]:
        """Every Slack message ``obj`` renders to, before the cap: the ephemeral answer shows
        the first few and must tell the true size, which the capped list no longer holds.

        A digest longer than one message opens with its overview, the one message the
        channel shows, and goes on in the thread with every item (``overview_sections``).
        Each message citing reports its blocks do not name ends with a key naming them."""
        key = self._slack_key(obj)
        rendered = self._slack_blocks(sections(obj))
        messages = self._slack_pack(obj, _joined(rendered), key)
        if isinstance(obj, Digest) and len(messages) > 1:
            overview_parts = _joined(self._slack_blocks(overview_sections(obj)))
            head = self._slack_head(obj, overview_parts, key)
            messages = [head, *self._slack_pack(obj, _joined(_after_title(rendered)), key)]
        return messages

    def _slack_blocks(self, parts: Iterable[Section]) -> list[tuple[str, list[Part[Block]]]]:
        """Each section's kind and its blocks, rendered once (a digest's thread reuses them),
        each block with the numbers it cites (``_block_cites``)."""
        module = self.env.get_template("slack.j2").module
        rendered: list[tuple[str, list[Part[Block]]]] = []
        for s in parts:
            if s.kind == "reports":
                rendered.append((s.kind, _slack_report_blocks(module, s.item, s.brief)))
                continue
            text = str(getattr(module, s.kind)(s.item, s.label)).strip()
            if not text:
                continue
            blocks: list[Block]
            if s.kind in ("title", "topic_title"):
                blocks = [
                    {
                        "type": "header",
                        "text": {"type": "plain_text", "text": _clip(text, SLACK_MAX_HEADER)},
                    }
                ]
            elif s.kind in ("context", "footer"):
                blocks = [
                    {
                        "type": "context",
                        "elements": [{"type": "mrkdwn", "text": _clip(text, SLACK_MAX_SECTION)}],
                    }
                ]
            elif s.kind == "divider":
                blocks = [{"type": "divider"}]
            else:
                blocks = [
                    {"type": "section", "text": {"type": "mrkdwn", "text": chunk}}
                    for chunk in _split_text(text, SLACK_MAX_SECTION)
                ]
            cites = _block_cites(s, text, [_block_text(b) for b in blocks])
            rendered.append(
                (s.kind, [Part(b, _slack_cost([b]), c) for b, c in zip(blocks, cites, strict=True)])
            )
        return rendered

    def _slack_pack(
        self, obj: Renderable, parts: list[Part[Block]], key: KeyRender[list[Block]]
    ) -> list[dict[str, Any]]:
        """Blocks in messages within Slack's limits, each with room for its key."""
        groups = pack(
            parts, _SLACK_LIMITS, lambda refs: _slack_cost(key(refs, True, 0)), _is_divider
        )
        return [self._slack_message(obj, group, key) for group in groups or [[]]]

    def _slack_head(
        self, obj: Renderable, parts: list[Part[Block]], key: KeyRender[list[Block]]
    ) -> dict[str, Any]:
        """A long digest's overview, one message: the topics it showed before there were
        keys, then the key of its highlights' numbers in the room they leave (without
        links, or cut short, if it must), so no topic leaves the channel's one message."""
        groups = pack(parts, _SLACK_LIMITS, lambda refs: (0, 0), _is_divider)
        return self._slack_message(obj, groups[0] if groups else [], key)

    def _slack_message(
        self, obj: Renderable, group: list[Part[Block]], key: KeyRender[list[Block]]
    ) -> dict[str, Any]:
        blocks = [p.content for p in group]
        missing = unnamed(group)
        if missing:
            room = tuple(
                limit - used for limit, used in zip(_SLACK_LIMITS, _slack_cost(blocks), strict=True)
            )
            cited: list[Block] | None = fit_key(missing, key, _slack_cost, room)
            blocks += cited or []
        return {"text": _clip(_fallback_title(obj), SLACK_MAX_FALLBACK), "blocks": blocks}

    def _slack_key(self, obj: Renderable) -> KeyRender[list[Block]]:
        """How a Slack message names the reports it cites: context blocks of the list's own
        entries (the same escaping and clipping, a link dropped where the line would pass a
        block), one a line, led by "Cited here:" (in a digest, with the topic)."""
        module: Any = self.env.get_template("slack.j2").module
        briefs = _rendered_briefs(obj)
        topics = isinstance(obj, Digest)
        entries: dict[tuple[Ref, bool], str] = {}

        def entry(ref: Ref, linked: bool) -> str:
            if (ref, linked) not in entries:
                slot, number = ref
                line = module.report_entry(briefs[slot], number - 1, linked, False)
                entries[ref, linked] = str(line).strip()
            return entries[ref, linked]

        def render(refs: Sequence[Ref], linked: bool, more: int) -> list[Block]:
            lines: list[str] = []
            slot = None
            for ref in refs:
                lead = ""
                if ref[0] != slot:
                    slot = ref[0]
                    lead = str(module.cited_lead(briefs[slot].topic if topics else "")) + " "
                line = entry(ref, linked)
                if len(lead) + len(line) > SLACK_MAX_SECTION:
                    line = entry(ref, False)
                lines.append(_clip(lead + line, SLACK_MAX_SECTION))
            if more:
                lines.append(str(module.cited_more(more)))
            return [
                {
                    "type": "context",
                    "block_id": f"cited-{i}",
                    "elements": [{"type": "mrkdwn", "text": "\n".join(chunk)}],
                }
                for i, chunk in enumerate(_line_chunks(lines, SLACK_MAX_SECTION))
            ]

        return _remembered(render)

    def matrix(self, obj: Renderable) -> list[dict[str, Any]]:
        """``m.notice`` contents with a plain ``body`` and sanitized HTML, each under 64 KiB.

        As on Slack, a digest of several events opens with its overview; the destination
        threads the events after the first under it. Each event citing reports its pieces
        do not name ends with a key naming them."""
        key = self._matrix_key(obj)
        rendered = self._matrix_pieces(sections(obj), key)
        messages = _matrix_pack(_joined(rendered), key)
        if isinstance(obj, Digest) and len(messages) > 1:
            head = _matrix_head(_joined(self._matrix_pieces(overview_sections(obj), key)), key)
            messages = [head, *_matrix_pack(_joined(_after_title(rendered)), key)]
        if len(messages) > MATRIX_MAX_EVENTS and not isinstance(obj, Notice):
            note = _overflow_note(obj, len(messages), MATRIX_MAX_EVENTS - 1)
            messages = [
                *messages[: MATRIX_MAX_EVENTS - 1],
                _matrix_content([defuse_mentions(note)], [str(escape_html(note))]),
            ]
        return messages

    def _matrix_pieces(
        self, parts: Iterable[Section], key: KeyRender[Piece]
    ) -> list[tuple[str, list[Part[Piece]]]]:
        """Each section's kind and its (plain, HTML) pieces, an item too large for one event
        split between its quotes, each part with the numbers its own quotes cite; rendered
        once (a digest's thread reuses them).

        A part is measured with the key of what it cites, so that each fits an event beside
        its key: filled to the limit alone, a part would leave its key no room but a stub."""
        html = self.env.get_template("matrix.html.j2").module
        text = self.env.get_template("matrix.txt.j2").module

        def render(kind: str, item: Any, slot: int | None = None, label: str = "") -> Part[Piece]:
            piece = (
                str(getattr(text, kind)(item, label)).strip(),
                str(getattr(html, kind)(item, label)).strip(),
            )
            return Part(piece, _matrix_cost(piece), _refs(slot, cited_numbers(kind, item)))

        def with_key(part: Part[Piece]) -> int:
            cited = sorted(part.cites - part.names)
            return part.cost[0] + (_piece_bytes(key(cited, True, 0)) if cited else 0)

        rendered: list[tuple[str, list[Part[Piece]]]] = []
        for s in parts:
            part = render(s.kind, s.item, s.brief, s.label)
            if s.kind == "reports":
                part = replace(part, names=_refs(s.brief, range(1, len(s.item.reports) + 1)))
                if part.cost[0] > MATRIX_MAX_EVENT_BYTES:
                    rendered.append((s.kind, self._matrix_report_parts(s.item, s.brief)))
                    continue
            split = None
            if with_key(part) > MATRIX_MAX_EVENT_BYTES:
                split = split_item(
                    s.kind, s.item, partial(render, slot=s.brief), with_key, MATRIX_MAX_EVENT_BYTES
                )
            rendered.append((s.kind, split or [part]))
        return rendered

    def _matrix_report_parts(self, brief: Brief, slot: int | None) -> list[Part[Piece]]:
        """A list of reports too long for one event (a dated brief or a digest reads up to
        500, with their URLs), as parts of whole entries that each fit one, numbered as in
        the whole list, so no link is cut and the splitter can put them in any event.

        Entries are weighed one by one and packed with room to spare; a part the real
        render finds too heavy after all is halved until it fits."""
        html: Any = self.env.get_template("matrix.html.j2").module
        text: Any = self.env.get_template("matrix.txt.j2").module

        def piece(indexes: tuple[int, ...], first: bool, last: bool) -> Piece:
            part = ReportsPart(brief, indexes, first, last)
            return (
                str(text.reports_part(part, "")).strip(),
                str(html.reports_part(part, "")).strip(),
            )

        room = MATRIX_MAX_EVENT_BYTES * 9 // 10
        weights = [_piece_bytes(piece((i,), False, False)) for i in range(len(brief.reports))]
        runs: list[list[int]] = [[]]
        weight = 0
        for index, entry in enumerate(weights):
            if runs[-1] and weight + entry > room:
                runs.append([])
                weight = 0
            runs[-1].append(index)
            weight += entry
        parts: list[Part[Piece]] = []
        pending = [tuple(run) for run in runs]
        while pending:
            run = pending.pop(0)
            first, last = run[0] == 0, run[-1] == len(brief.reports) - 1
            content = piece(run, first, last)
            if _piece_bytes(content) > MATRIX_MAX_EVENT_BYTES and len(run) > 1:
                half = len(run) // 2
                pending[:0] = [run[:half], run[half:]]
                continue
            names = _refs(slot, (i + 1 for i in run))
            parts.append(Part(content, _matrix_cost(content), frozenset(), names))
        return parts

    def _matrix_key(self, obj: Renderable) -> KeyRender[Piece]:
        """How a Matrix event names the reports it cites: the templates' ``cited`` macro, a
        paragraph of the list's own entries (in a digest, one a topic, with its name)."""
        html: Any = self.env.get_template("matrix.html.j2").module
        text: Any = self.env.get_template("matrix.txt.j2").module
        briefs = _rendered_briefs(obj)
        topics = isinstance(obj, Digest)

        def render(refs: Sequence[Ref], linked: bool, more: int) -> Piece:
            groups = tuple(
                KeyGroup(
                    briefs[slot].topic if topics else "",
                    briefs[slot],
                    tuple(number - 1 for _, number in members),
                )
                for slot, members in groupby(refs, key=itemgetter(0))
            )
            key = Key(groups, linked, more)
            return str(text.cited(key, "")).strip(), str(html.cited(key, "")).strip()

        return _remembered(render)


@dataclass(frozen=True, slots=True)
class ReportsPart:
    """Some entries of a brief's list of reports (indexes into ``brief.reports``), for the
    templates' ``reports_part``: the first part says "Reports", the last the omitted note."""

    brief: Brief
    indexes: tuple[int, ...]
    first: bool
    last: bool


def _remembered(render: KeyRender[T]) -> KeyRender[T]:
    """A key renderer that renders each key once: splitting weighs the same key of an item
    at every quote it tries, and packing at every part it adds."""
    keys: dict[tuple[tuple[Ref, ...], bool, int], T] = {}

    def remembered(refs: Sequence[Ref], linked: bool, more: int) -> T:
        known = (tuple(refs), linked, more)
        if known not in keys:
            keys[known] = render(refs, linked, more)
        return keys[known]

    return remembered


def _rendered_briefs(obj: Renderable) -> tuple[Brief, ...]:
    """The briefs whose report numbers ``obj`` cites, in the order ``Section.brief`` counts."""
    if isinstance(obj, Brief):
        return (obj,)
    if isinstance(obj, Digest):
        return tuple(b for b in obj.briefs if not b.is_empty())
    return ()


def _refs(slot: int | None, numbers: Iterable[int]) -> frozenset[Ref]:
    return frozenset() if slot is None else frozenset((slot, n) for n in numbers)


def _block_cites(section: Section, text: str, chunks: list[str]) -> list[frozenset[Ref]]:
    """What each block of a section's Slack ``text`` cites, when split into ``chunks``.

    An item of many quotes runs to several blocks and may straddle two messages: taken to
    cite all its numbers, each block would have its message's key name every report of the
    item (a claim of 200 wire copies quadrupled the messages of its brief). So each quote's
    label is found in the text, in order, and its numbers go to the blocks it falls in.
    Where the text cannot be followed so, every block is taken to cite the whole section:
    a key then names a few reports too many, never one too few."""
    whole = _refs(section.brief, cited_numbers(section.kind, section.item))
    if len(chunks) < 2 or not whole:
        return [whole] * len(chunks)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for chunk in chunks:  # each chunk is a run of the text (``_split_text``)
        start = text.find(chunk, cursor)
        if start < 0:
            return [whole] * len(chunks)
        spans.append((start, start + len(chunk)))
        cursor = start + len(chunk)
    found: list[set[int]] = [set() for _ in chunks]
    cursor = 0
    groups, refs = quote_groups(section.kind, section.item)
    for group in groups:
        labels = by_sentence(group, refs)
        for (_, numbers, _), (_, label) in zip(quoted(group, refs), labels, strict=True):
            if not numbers:
                continue
            token = escape_mrkdwn(label)
            start = text.find(token, cursor)
            # A label ends its line: the same text inside a sentence is not it.
            while start >= 0 and text[start + len(token) : start + len(token) + 1] not in (
                "",
                "\n",
            ):
                start = text.find(token, start + 1)
            if start < 0:
                return [whole] * len(chunks)
            cursor = start + len(token)
            for i, (first, end) in enumerate(spans):
                if first < cursor and start < end:
                    found[i].update(numbers[:CITED_REPORTS])
    return [_refs(section.brief, numbers) for numbers in found]


def _block_text(block: Block) -> str:
    return str(block.get("text", {}).get("text", ""))


def _slack_report_blocks(module: Any, brief: Brief, slot: int | None) -> list[Part[Block]]:
    """The list of a brief's reports as context blocks, each naming the numbers it lists."""
    lines = _slack_report_lines(module, brief)
    blocks: list[Part[Block]] = []
    start = 0
    for chunk in _line_chunks([line for line, _ in lines], SLACK_MAX_SECTION):
        text = "\n".join(chunk)
        block: Block = {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}
        numbers = [n for _, n in lines[start : start + len(chunk)] if n is not None]
        blocks.append(Part(block, _slack_cost([block]), names=_refs(slot, numbers)))
        start += len(chunk)
    return blocks


def _slack_report_lines(module: Any, brief: Brief) -> list[tuple[str, int | None]]:
    """The list of a brief's reports for Slack: one line per report, each whole.

    Evidence cites reports by number, so the list must name every one: cut at twelve ("and
    12 more") it left quotes citing [13] or [24] with nothing to say which report that is,
    and clipped at 3,000 characters (a dozen ordinary news URLs) it ended inside a
    ``<url|title>`` link and lost the reports after it. As lines, the list is split between
    blocks and messages only where one entry ends. A line too long for a block (a URL of
    thousands of characters) drops its link but keeps its number and title. Each line comes
    with the number it names (None for the note of reports left out).
    """
    since = str(module.reports_since(brief)).strip()
    omitted = str(module.reports_omitted(brief)).strip()
    head = f"{since} " if since else ""  # opens the first line
    lines: list[tuple[str, int | None]] = []
    for index in range(len(brief.reports)):
        line = str(module.report_entry(brief, index, True)).strip()
        if len(head) + len(line) > SLACK_MAX_SECTION:
            line = str(module.report_entry(brief, index, False)).strip()
        lines.append((_clip(head + line, SLACK_MAX_SECTION), index + 1))
        head = ""
    if omitted:
        lines.append((head + omitted, None))
    return lines


def _line_chunks(lines: list[str], limit: int) -> list[list[str]]:
    """Lines (each at most ``limit`` long) in as few runs as fit ``limit`` characters joined
    by line breaks, never splitting a line: a context block each."""
    chunks: list[list[str]] = []
    size = 0
    for line in lines:
        if chunks and size + 1 + len(line) <= limit:
            chunks[-1].append(line)
            size += 1 + len(line)
        else:
            chunks.append([line])
            size = len(line)
    return chunks


_SLACK_LIMITS: Cost = (SLACK_MAX_MESSAGE_CHARS, SLACK_MAX_BLOCKS)
_MATRIX_LIMITS: Cost = (MATRIX_MAX_EVENT_BYTES,)


def _slack_cost(blocks: list[Block]) -> Cost:
    """What blocks take of a message: characters of text, and blocks."""
    return sum(_block_chars(b) for b in blocks), len(blocks)


def _is_divider(block: Block) -> bool:
    return bool(block["type"] == "divider")


def _matrix_cost(piece: Piece) -> Cost:
    return (_piece_bytes(piece),)


def _matrix_pack(parts: list[Part[Piece]], key: KeyRender[Piece]) -> list[dict[str, Any]]:
    """Pieces in events of at most ``MATRIX_MAX_EVENT_BYTES``, each with room for its key."""
    fitted = [_matrix_fitted(p) for p in parts if p.content[0] or p.content[1]]
    groups = pack(fitted, _MATRIX_LIMITS, lambda refs: _matrix_cost(key(refs, True, 0)))
    return [_matrix_event(group, key) for group in groups]


def _matrix_head(parts: list[Part[Piece]], key: KeyRender[Piece]) -> dict[str, Any]:
    """A long digest's overview, one event: as on Slack (``Renderer._slack_head``), the
    topics it showed before there were keys, then its key in the room they leave."""
    fitted = [_matrix_fitted(p) for p in parts if p.content[0] or p.content[1]]
    groups = pack(fitted, _MATRIX_LIMITS, lambda refs: (0,))
    return _matrix_event(groups[0] if groups else [], key)


def _matrix_fitted(part: Part[Piece]) -> Part[Piece]:
    """A piece cut to a quarter of an event if it passes one. Only an item that cannot be
    split between its quotes gets here; cut, it no longer names the reports it listed."""
    if part.cost[0] <= MATRIX_MAX_EVENT_BYTES:
        return part
    budget = MATRIX_MAX_EVENT_BYTES // 4
    plain = _clip(part.content[0], budget)
    piece = (plain, str(escape_html(plain)))
    return Part(piece, _matrix_cost(piece), part.cites)


def _matrix_event(group: list[Part[Piece]], key: KeyRender[Piece]) -> dict[str, Any]:
    pieces = [p.content for p in group]
    missing = unnamed(group)
    if missing:
        room = (MATRIX_MAX_EVENT_BYTES - sum(p.cost[0] for p in group),)
        cited = fit_key(missing, key, _matrix_cost, room)
        if cited is not None:
            pieces.append(cited)
    return _matrix_content([plain for plain, _ in pieces], [rich for _, rich in pieces])


def _joined(rendered: list[tuple[str, list[T]]]) -> list[T]:
    return [part for _, parts in rendered for part in parts]


def _after_title(rendered: list[tuple[str, list[T]]]) -> list[tuple[str, list[T]]]:
    """A digest's rendered sections without its title (and the divider after it), for the
    thread under its overview."""
    rest = rendered[1:]
    return rest[1:] if rest and rest[0][0] == "divider" else rest


def sections(obj: Renderable) -> Iterator[Section]:
    """The order of what a message shows, the same on every platform."""
    if isinstance(obj, Notice):
        yield Section("notice_title", obj)
        for line in obj.lines:
            yield Section("line", line)
        return
    if isinstance(obj, ThreadSummary):
        yield Section("thread_title", obj)
        for label, rows in (
            ("Claims", obj.claims),
            ("Disagreements", obj.disagreements),
            ("Open questions", obj.open_questions),
            ("Decisions", obj.decisions),
            ("Action items", obj.action_items),
        ):
            if rows:
                yield Section("heading", None, label)
                for row in rows:
                    yield Section("chat_item", row)
        if not any(
            (obj.claims, obj.disagreements, obj.open_questions, obj.decisions, obj.action_items)
        ):
            yield Section("line", "Nothing in this thread reads as a claim, question or decision.")
        return
    if isinstance(obj, Digest):
        yield Section("digest_title", obj)
        changed = [b for b in obj.briefs if not b.is_empty()]
        if not changed:
            yield Section("line", "Nothing new on the followed topics since the last digest.")
        for slot, brief in enumerate(changed):
            yield Section("divider")
            yield from _brief_sections(brief, nested=True, slot=slot)
        return
    yield from _brief_sections(obj, nested=False, slot=0)


# Topics the overview of a digest names, each on its line; a digest of more topics than
# that is rare, and the rest are named in the thread.
OVERVIEW_TOPICS = 40


def overview_sections(digest: Digest) -> Iterator[Section]:
    """The first message of a digest too long for one: what changed, topic by topic, and
    the few changes to lead with (``overview.py``); every item follows in the thread."""
    yield Section("digest_title", digest)
    topics = overview(digest.briefs)
    for slot, topic in enumerate(topics[:OVERVIEW_TOPICS]):
        yield Section("overview", topic, brief=slot)
    if len(topics) > OVERVIEW_TOPICS:
        yield Section("line", f"{len(topics) - OVERVIEW_TOPICS} more topics changed.")
    yield Section("context", "Every item, with its sentence and report, is in the thread.")


def overview_counts(topic: TopicOverview) -> str:
    """A topic's line of counts ("3 reports · 12 claims, 2 denied or disputed · …"), plain."""

    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    parts = [n(topic.reports, "report")]
    if topic.claims:
        contested = (
            f", {topic.contested_claims} denied or disputed" if topic.contested_claims else ""
        )
        parts.append(n(topic.claims, "claim") + contested)
    if topic.denials:
        parts.append(n(topic.denials, "denial"))
    if topic.questions:
        parts.append(n(topic.questions, "open question"))
    if topic.answered:
        parts.append(f"{topic.answered} answered")
    return " · ".join(parts)


def cite(numbers: tuple[int, ...]) -> str:
    """``[1, 4]``, or ``[2, 3, 4, 5, 6 and 19 more]`` for a claim of many reports."""
    shown = ", ".join(str(n) for n in numbers[:CITED_REPORTS])
    more = len(numbers) - CITED_REPORTS
    return f"[{shown} and {more} more]" if more > 0 else f"[{shown}]"


def copy_note(brief: Brief, index: int) -> str:
    """ ", a copy of [2]" for the report at ``index`` (from 0) that copies another the brief
    lists: it says why a claim the two carry counts one source, and that nothing is lost
    by skipping it."""
    copied = brief.reports[index].copy_of
    if copied is None:
        return ""
    number = next((n for n, r in enumerate(brief.reports, start=1) if r.id == copied), None)
    return f", a copy of [{number}]" if number is not None else ""


def by_sentence(evidence: Sequence[Evidence], refs: Mapping[str, int]) -> list[tuple[str, str]]:
    """Each evidence sentence once, with the numbers of every report that carries it.

    Wire copies and a story's updated versions repeat a sentence word for word: quoted once
    a report, a claim twenty copies carry filled a screen (and a Slack message) with the
    same line. Now it is one quote, "[1, 2, 3, 4, 5 and 15 more]".
    """
    cited: list[tuple[str, str]] = []
    for sentence, numbers, others in quoted(evidence, refs):
        label = cite(numbers) if numbers else ""
        extra = ", ".join(others)
        if extra:
            label = f"{label[:-1]}, {extra}]" if label else f"[{extra}]"
        cited.append((sentence, label))
    return cited


def _brief_sections(brief: Brief, nested: bool, slot: int) -> Iterator[Section]:
    """A brief's sections; ``slot`` is its place among the briefs rendered (``Section``)."""
    yield Section("topic_title" if nested else "title", brief)
    # Evidence cites reports by number ([1], [2]); the list at the end names them once.
    titles = {r.id: n for n, r in enumerate(brief.reports, start=1)}
    if brief.is_empty():
        yield Section(
            "line",
            "Nothing new since then." if brief.since else "No reports on this topic yet.",
        )
        return
    if brief.claims:
        yield Section("heading", None, f"Claims ({len(brief.claims)})")
        for claim in brief.claims:
            yield Section("claim", (claim, titles), brief=slot)
    if brief.denials:
        yield Section("heading", None, f"Denials ({len(brief.denials)})")
        for denial in brief.denials:
            yield Section("denial", (denial, titles, {c.id: c for c in brief.claims}), brief=slot)
    if brief.open_questions:
        yield Section("heading", None, f"Open questions ({len(brief.open_questions)})")
        for question in brief.open_questions:
            yield Section("question", (question, titles), brief=slot)
    yield Section("reports", brief, brief=slot)


def _fallback_title(obj: Renderable) -> str:
    if isinstance(obj, Brief):
        return defuse_mentions(
            f"Brief: {obj.topic} — {len(obj.claims)} claims, {len(obj.denials)} denials, "
            f"{len(obj.open_questions)} open questions"
        )
    if isinstance(obj, Digest):
        return "Daily digest: " + ", ".join(b.topic for b in obj.briefs if not b.is_empty())
    if isinstance(obj, ThreadSummary):
        return f"Thread summary ({obj.read} of {obj.total} messages)"
    return escape_mrkdwn(obj.title)


def omitted_note(brief: Brief) -> str:
    """What a brief says of the reports it did not read (plain text; "" when none).

    A topic's brief reads its newest reports, so what it left out is older; a brief of a
    period (a digest) reads the whole period up to a far larger bound, so what it left out
    is some of the period itself, and only a shorter period shows it.
    """
    n = brief.omitted_reports
    if not n:
        return ""
    plural = "" if n == 1 else "s"
    what = (
        f"older report{plural} of this topic"
        if brief.since is None
        else f"report{plural} of this period"
    )
    return f"{n} {what} not shown; use since: to ask for a shorter period."


def _overflow_note(obj: Renderable, total: int, kept: int) -> str:
    """What the last message says when the rest would flood the room (plain text; each
    platform escapes it)."""
    if isinstance(obj, Brief):
        what = "brief"
        rest = (
            f"Ask for a shorter period with since:1d, or run `briefbot brief {obj.topic}` "
            "where the bot runs to read all of it."
        )
    elif isinstance(obj, Digest):
        what, rest = "digest", "Run `briefbot digest` where the bot runs to read all of it."
    else:
        what = "summary"
        rest = "Run `briefbot summarize-thread` on an export of the thread to read all of it."
    return (
        f"This {what} runs to {total} messages; the first {kept} are posted here and the "
        f"other {total - kept} left out, so as not to flood the room. {rest}"
    )


def _block_chars(block: dict[str, Any]) -> int:
    if "text" in block:
        return len(block["text"]["text"])
    return sum(len(e.get("text", "")) for e in block.get("elements", []))


def _split_text(text: str, limit: int) -> list[str]:
    """Split at line breaks where possible, so no section exceeds Slack's limit."""
    if len(text) <= limit:
        return [text]
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                chunks.append(current)
                current = ""
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            chunks.append(line[:cut])
            line = line[cut:].lstrip()
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current:
        chunks.append(current)
    return chunks


def _json_bytes(text: str) -> int:
    """Bytes a string takes inside the event's JSON: escapes for quotes, newlines and control
    characters count too, so a report full of them cannot push an event past 64 KiB."""
    return len(json.dumps(text, ensure_ascii=False).encode())


def _piece_bytes(piece: Piece) -> int:
    return _json_bytes(piece[0]) + _json_bytes(piece[1])


def _matrix_content(body: list[str], formatted: list[str]) -> dict[str, Any]:
    """An event's content as it is sent. The empty ``m.mentions`` (intentional mentions,
    spec v1.7) is here, not added on the way out, so what ``--format matrix`` shows is
    what a room gets."""
    return {
        "msgtype": "m.notice",
        "body": "\n\n".join(body),
        "format": "org.matrix.custom.html",
        "formatted_body": "\n".join(formatted),
        "m.mentions": {},
    }


def _wrap(text: str, indent: int = 0, first: str = "", width: int = 100) -> str:
    """Wrap for a 100-column terminal; ``first`` prefixes the first line (a bullet)."""
    pad = " " * indent
    return textwrap.fill(
        str(text),
        width=width,
        initial_indent=pad + first,
        subsequent_indent=pad + " " * len(first),
        break_long_words=False,
        break_on_hyphens=False,
    )


def _differs(content: str, sentence: str) -> bool:
    """Show a claim's content apart from its sentence only when it says something shorter."""
    strip = " .\u201d\"'"
    return content.strip(strip) != sentence.strip(strip) and content.strip(strip) not in (
        "",
        sentence,
    )


def _clip(text: str, limit: int) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
