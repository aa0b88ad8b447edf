"""Rendering briefs, digests, thread summaries and notices for the terminal, Slack and Matrix.

The wording lives in jinja2 templates shipped inside the package (one file per format, one
macro per kind of item); this module owns the structure: the order of the sections and the
splitting that keeps each platform's limits — Slack's 50 blocks, 3,000 characters a section
and ~13k characters a message, Matrix's 64 KiB events. Report and chat text is untrusted:
each format escapes it (mrkdwn ``& < >`` for Slack, HTML for Matrix) and mass mentions are
defused everywhere, so no report can ping a channel or forge a link.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, TypeVar

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from briefings.event_parts import Piece, split_item
from briefings.model import Brief, Digest, Evidence, Notice, ThreadSummary
from briefings.overview import TopicOverview, overview
from briefings.similarity import sentence_key

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
    """One unit of a rendered message: a header, an item, a line of context."""

    kind: str
    item: Any = None
    label: str = ""


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
        channel shows, and goes on in the thread with every item (``overview_sections``)."""
        rendered = self._slack_blocks(sections(obj))
        messages = self._slack_pack(obj, _joined(rendered))
        if isinstance(obj, Digest) and len(messages) > 1:
            head = self._slack_pack(obj, _joined(self._slack_blocks(overview_sections(obj))))[0]
            messages = [head, *self._slack_pack(obj, _joined(_after_title(rendered)))]
        return messages

    def _slack_blocks(self, parts: Iterable[Section]) -> list[tuple[str, list[dict[str, Any]]]]:
        """Each section's kind and its blocks, rendered once (a digest's thread reuses them)."""
        module = self.env.get_template("slack.j2").module
        rendered: list[tuple[str, list[dict[str, Any]]]] = []
        for s in parts:
            if s.kind == "reports":
                rendered.append(
                    (s.kind, _slack_context_blocks(_slack_report_lines(module, s.item)))
                )
                continue
            text = str(getattr(module, s.kind)(s.item, s.label)).strip()
            if not text:
                continue
            blocks: list[dict[str, Any]]
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
            rendered.append((s.kind, blocks))
        return rendered

    def _slack_pack(self, obj: Renderable, blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
        fallback = _clip(_fallback_title(obj), SLACK_MAX_FALLBACK)
        return [{"text": fallback, "blocks": chunk} for chunk in _pack_blocks(blocks)]

    def matrix(self, obj: Renderable) -> list[dict[str, Any]]:
        """``m.notice`` contents with a plain ``body`` and sanitized HTML, each under 64 KiB.

        As on Slack, a digest of several events opens with its overview; the destination
        threads the events after the first under it."""
        rendered = self._matrix_pieces(sections(obj))
        messages = _matrix_pack(_joined(rendered))
        if isinstance(obj, Digest) and len(messages) > 1:
            head = _matrix_pack(_joined(self._matrix_pieces(overview_sections(obj))))[0]
            messages = [head, *_matrix_pack(_joined(_after_title(rendered)))]
        if len(messages) > MATRIX_MAX_EVENTS and not isinstance(obj, Notice):
            note = _overflow_note(obj, len(messages), MATRIX_MAX_EVENTS - 1)
            messages = [
                *messages[: MATRIX_MAX_EVENTS - 1],
                _matrix_content([defuse_mentions(note)], [str(escape_html(note))]),
            ]
        return messages

    def _matrix_pieces(self, parts: Iterable[Section]) -> list[tuple[str, list[Piece]]]:
        """Each section's kind and its (plain, HTML) pieces, an item too large for one event
        split between its quotes; rendered once (a digest's thread reuses them)."""
        html = self.env.get_template("matrix.html.j2").module
        text = self.env.get_template("matrix.txt.j2").module

        def render(kind: str, item: Any, label: str = "") -> Piece:
            return (
                str(getattr(text, kind)(item, label)).strip(),
                str(getattr(html, kind)(item, label)).strip(),
            )

        rendered: list[tuple[str, list[Piece]]] = []
        for s in parts:
            piece = render(s.kind, s.item, s.label)
            split = None
            if _piece_bytes(piece) > MATRIX_MAX_EVENT_BYTES:
                if s.kind == "reports":
                    rendered.append((s.kind, self._matrix_report_parts(s.item)))
                    continue
                split = split_item(s.kind, s.item, render, _piece_bytes, MATRIX_MAX_EVENT_BYTES)
            rendered.append((s.kind, split or [piece]))
        return rendered

    def _matrix_report_parts(self, brief: Brief) -> list[Piece]:
        """A list of reports too long for one event (a dated brief or a digest reads up to
        500, with their URLs), as pieces of whole entries that each fit one, numbered as in
        the whole list, so no link is cut. The splitter of items splits between quotes, and
        raised on a list.

        Entries are weighed one by one and packed with room to spare; a piece the real
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
        pieces: list[Piece] = []
        pending = [tuple(run) for run in runs]
        while pending:
            run = pending.pop(0)
            first, last = run[0] == 0, run[-1] == len(brief.reports) - 1
            content = piece(run, first, last)
            if _piece_bytes(content) > MATRIX_MAX_EVENT_BYTES and len(run) > 1:
                half = len(run) // 2
                pending[:0] = [run[:half], run[half:]]
                continue
            pieces.append(content)
        return pieces


@dataclass(frozen=True, slots=True)
class ReportsPart:
    """Some entries of a brief's list of reports (indexes into ``brief.reports``), for the
    templates' ``reports_part``: the first part says "Reports", the last the omitted note."""

    brief: Brief
    indexes: tuple[int, ...]
    first: bool
    last: bool


def _slack_report_lines(module: Any, brief: Brief) -> list[str]:
    """The list of a brief's reports for Slack: one line per report, each whole.

    Evidence cites reports by number, so the list must name every one: cut at twelve ("and
    12 more") it left quotes citing [13] or [24] with nothing to say which report that is,
    and clipped at 3,000 characters (a dozen ordinary news URLs) it ended inside a
    ``<url|title>`` link and lost the reports after it. As lines, the list is split between
    blocks and messages only where one entry ends. A line too long for a block (a URL of
    thousands of characters) drops its link but keeps its number and title.
    """
    since = str(module.reports_since(brief)).strip()
    omitted = str(module.reports_omitted(brief)).strip()
    head = f"{since} " if since else ""  # opens the first line
    lines: list[str] = []
    for index in range(len(brief.reports)):
        line = str(module.report_entry(brief, index, True)).strip()
        if len(head) + len(line) > SLACK_MAX_SECTION:
            line = str(module.report_entry(brief, index, False)).strip()
        lines.append(_clip(head + line, SLACK_MAX_SECTION))
        head = ""
    if omitted:
        lines.append(head + omitted)
    return lines


def _slack_context_blocks(lines: list[str]) -> list[dict[str, Any]]:
    """Lines in as few context blocks as Slack's 3,000 characters a block allow, never
    splitting a line (each is at most that long)."""
    return [
        {"type": "context", "elements": [{"type": "mrkdwn", "text": chunk}]}
        for chunk in _split_text("\n".join(lines), SLACK_MAX_SECTION)
        if chunk
    ]


def _matrix_pack(pieces: list[Piece]) -> list[dict[str, Any]]:
    """Pieces packed into events of at most ``MATRIX_MAX_EVENT_BYTES``."""
    messages: list[dict[str, Any]] = []
    body: list[str] = []
    formatted: list[str] = []
    size = 0
    for plain, rich in pieces:
        if not plain and not rich:
            continue
        cost = _piece_bytes((plain, rich))
        if body and size + cost > MATRIX_MAX_EVENT_BYTES:
            messages.append(_matrix_content(body, formatted))
            body, formatted, size = [], [], 0
        if cost > MATRIX_MAX_EVENT_BYTES:
            # Only an item that cannot be split between its quotes gets here.
            budget = MATRIX_MAX_EVENT_BYTES // 4
            plain = _clip(plain, budget)
            rich = str(escape_html(_clip(plain, budget)))
            cost = _json_bytes(plain) + _json_bytes(rich)
        body.append(plain)
        formatted.append(rich)
        size += cost
    if body:
        messages.append(_matrix_content(body, formatted))
    return messages


T = TypeVar("T")


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
        for brief in changed:
            yield Section("divider")
            yield from _brief_sections(brief, nested=True)
        return
    yield from _brief_sections(obj, nested=False)


# Topics the overview of a digest names, each on its line; a digest of more topics than
# that is rare, and the rest are named in the thread.
OVERVIEW_TOPICS = 40


def overview_sections(digest: Digest) -> Iterator[Section]:
    """The first message of a digest too long for one: what changed, topic by topic, and
    the few changes to lead with (``overview.py``); every item follows in the thread."""
    yield Section("digest_title", digest)
    topics = overview(digest.briefs)
    for topic in topics[:OVERVIEW_TOPICS]:
        yield Section("overview", topic)
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


# Report numbers a highlight cites before it counts the rest: a claim that twenty wire
# copies carry would otherwise cite all twenty.
CITED_REPORTS = 5


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
    # Keyed by the words (a copy re-types apostrophes and line breaks); shown as first quoted,
    # with the numbers of the reports listed and the ids of any that are not.
    quoted: dict[str, tuple[str, list[int], list[str]]] = {}
    for e in evidence:
        _, numbers, others = quoted.setdefault(sentence_key(e.sentence), (e.sentence, [], []))
        if e.report in refs:
            numbers.append(refs[e.report])
        else:
            others.append(e.report)
    cited: list[tuple[str, str]] = []
    for sentence, numbers, others in quoted.values():
        label = cite(tuple(sorted(set(numbers)))) if numbers else ""
        extra = ", ".join(dict.fromkeys(others))
        if extra:
            label = f"{label[:-1]}, {extra}]" if label else f"[{extra}]"
        cited.append((sentence, label))
    return cited


def _brief_sections(brief: Brief, nested: bool) -> Iterator[Section]:
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
            yield Section("claim", (claim, titles))
    if brief.denials:
        yield Section("heading", None, f"Denials ({len(brief.denials)})")
        for denial in brief.denials:
            yield Section("denial", (denial, titles, {c.id: c for c in brief.claims}))
    if brief.open_questions:
        yield Section("heading", None, f"Open questions ({len(brief.open_questions)})")
        for question in brief.open_questions:
            yield Section("question", (question, titles))
    yield Section("reports", brief)


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


def _pack_blocks(blocks: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    messages: list[list[dict[str, Any]]] = []
    current: list[dict[str, Any]] = []
    size = 0
    for block in blocks:
        cost = _block_chars(block)
        if current and (len(current) >= SLACK_MAX_BLOCKS or size + cost > SLACK_MAX_MESSAGE_CHARS):
            messages.append(current)
            current, size = [], 0
        if block["type"] == "divider" and not current:
            continue
        current.append(block)
        size += cost
    if current:
        messages.append(current)
    return messages or [[]]


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
