"""The data that flows between briefbot's stages: reports, sentences, extracted items, briefs.

Every type here is a frozen dataclass whose field names follow ``corpus/SCHEMA.md`` and the
brief JSON of ``DESIGN.md``, so that what the engine emits, what the store keeps and what the
renderers show can be compared field by field. Datetimes are timezone-aware UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

SpeakerKind = Literal["named", "official", "anonymous"]
ClaimStatus = Literal["uncontested", "denied", "disputed"]
QuestionKind = Literal["contested", "pending", "unconfirmed"]

SPEAKER_KINDS: tuple[SpeakerKind, ...] = ("named", "official", "anonymous")
QUESTION_KINDS: tuple[QuestionKind, ...] = ("contested", "pending", "unconfirmed")


@dataclass(frozen=True, slots=True)
class Report:
    """One news report as ingested: stored verbatim before anything is derived from it.

    ``id`` is derived from the content (see ``briefings.ingest.report_id``), so the same
    report read twice is the same report. ``published`` keeps the precision the source gave
    ("2026-01-27", "2026-01" or a full ISO timestamp) because inventing a day would be a lie.
    """

    id: str
    title: str
    text: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str = "en"
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a report: ``text == report.text[start:end]`` always holds."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement the report attributes to a source (SCHEMA.md "claims")."""

    sentence: str
    speaker: str
    speaker_kind: SpeakerKind
    content: str
    hedged: bool
    sentence_index: int = -1
    cue: str = ""


@dataclass(frozen=True, slots=True)
class Denial:
    """A source rejecting a claim or report; ``targets`` index into the same extraction's claims."""

    sentence: str
    speaker: str
    speaker_kind: SpeakerKind
    denied: str
    targets: tuple[int, ...] = ()
    sentence_index: int = -1
    cue: str = ""


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    """An unresolved issue: ``question`` frames verbatim spans; ``evidence`` is verbatim."""

    question: str
    kind: QuestionKind
    evidence: tuple[str, ...]
    claims: tuple[int, ...] = ()
    denials: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Entities:
    """People, organizations and places named in a text, in order of first mention."""

    people: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, list[str]]:
        return {
            "people": list(self.people),
            "organizations": list(self.organizations),
            "places": list(self.places),
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the engine finds in one report: the ``briefbot extract`` contract."""

    claims: tuple[Claim, ...] = ()
    denials: tuple[Denial, ...] = ()
    open_questions: tuple[OpenQuestion, ...] = ()
    entities: Entities = field(default_factory=Entities)

    def to_dict(self) -> dict[str, Any]:
        return {
            "claims": [
                {
                    "sentence": c.sentence,
                    "speaker": c.speaker,
                    "speaker_kind": c.speaker_kind,
                    "content": c.content,
                    "hedged": c.hedged,
                }
                for c in self.claims
            ],
            "denials": [
                {
                    "sentence": d.sentence,
                    "speaker": d.speaker,
                    "speaker_kind": d.speaker_kind,
                    "denied": d.denied,
                    "targets": list(d.targets),
                }
                for d in self.denials
            ],
            "open_questions": [
                {"question": q.question, "kind": q.kind, "evidence": list(q.evidence)}
                for q in self.open_questions
            ],
            "entities": self.entities.to_dict(),
        }


# --- chat threads -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChatMessage:
    """One message of a chat thread, platform-neutral (Slack ``ts`` or Matrix event id)."""

    user: str
    ts: str
    text: str


@dataclass(frozen=True, slots=True)
class ChatItem:
    """A line of a thread summary: who, what kind of contribution, and the verbatim text."""

    user: str
    kind: Literal["claim", "disagreement", "question", "decision", "action"]
    text: str
    ts: str
    replies_to: str | None = None


@dataclass(frozen=True, slots=True)
class ThreadSummary:
    """What a thread said, by participant; ``read``/``total`` make a truncated read visible."""

    participants: tuple[str, ...]
    claims: tuple[ChatItem, ...]
    disagreements: tuple[ChatItem, ...]
    open_questions: tuple[ChatItem, ...]
    decisions: tuple[ChatItem, ...]
    action_items: tuple[ChatItem, ...]
    read: int
    total: int

    def to_dict(self) -> dict[str, Any]:
        def items(rows: tuple[ChatItem, ...]) -> list[dict[str, Any]]:
            return [
                {"user": r.user, "ts": r.ts, "text": r.text, "replies_to": r.replies_to}
                for r in rows
            ]

        return {
            "participants": list(self.participants),
            "messages": {"read": self.read, "total": self.total},
            "claims": items(self.claims),
            "disagreements": items(self.disagreements),
            "open_questions": items(self.open_questions),
            "decisions": items(self.decisions),
            "action_items": items(self.action_items),
        }


# --- briefs, assembled from the store -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    """A verbatim sentence and the id of the report it comes from."""

    report: str
    sentence: str


@dataclass(frozen=True, slots=True)
class BriefReport:
    id: str
    title: str
    outlet: str | None
    url: str | None
    published: str | None
    # The report this one copies (a wire copy, an updated version), when the brief shows it.
    copy_of: str | None = None


@dataclass(frozen=True, slots=True)
class BriefClaim:
    id: str
    speaker: str
    speaker_kind: SpeakerKind
    content: str
    hedged: bool
    status: ClaimStatus
    evidence: tuple[Evidence, ...]
    independent_sources: int = 1
    # The sentence's own verb before ``content`` ("urged"), or "": see ``lead_verbs``.
    verb: str = ""


@dataclass(frozen=True, slots=True)
class BriefDenial:
    id: str
    speaker: str
    speaker_kind: SpeakerKind
    denied: str
    targets: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    verb: str = ""


@dataclass(frozen=True, slots=True)
class BriefQuestion:
    id: str
    question: str
    kind: QuestionKind
    related: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    closed_by: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Brief:
    """The brief of a topic: the DESIGN.md brief JSON, and what every renderer shows."""

    topic: str
    generated_at: datetime
    since: datetime | None
    reports: tuple[BriefReport, ...]
    claims: tuple[BriefClaim, ...]
    denials: tuple[BriefDenial, ...]
    open_questions: tuple[BriefQuestion, ...]
    entities: Entities
    description: str = ""
    # Older reports of the topic this brief did not read (it reads the newest ones only).
    omitted_reports: int = 0

    def is_empty(self) -> bool:
        return not (self.claims or self.denials or self.open_questions)

    def to_dict(self) -> dict[str, Any]:
        def ev(items: tuple[Evidence, ...]) -> list[dict[str, str]]:
            return [{"report": e.report, "sentence": e.sentence} for e in items]

        return {
            "topic": self.topic,
            "generated_at": _iso(self.generated_at),
            "since": _iso(self.since) if self.since else None,
            "reports": [
                {
                    "id": r.id,
                    "title": r.title,
                    "outlet": r.outlet,
                    "url": r.url,
                    "published": r.published,
                }
                for r in self.reports
            ],
            "claims": [
                {
                    "id": c.id,
                    "speaker": c.speaker,
                    "speaker_kind": c.speaker_kind,
                    "content": c.content,
                    "hedged": c.hedged,
                    "status": c.status,
                    "independent_sources": c.independent_sources,
                    "evidence": ev(c.evidence),
                }
                for c in self.claims
            ],
            "denials": [
                {
                    "id": d.id,
                    "speaker": d.speaker,
                    "speaker_kind": d.speaker_kind,
                    "denied": d.denied,
                    "targets": list(d.targets),
                    "evidence": ev(d.evidence),
                }
                for d in self.denials
            ],
            "open_questions": [
                {
                    "id": q.id,
                    "question": q.question,
                    "kind": q.kind,
                    "related": list(q.related),
                    "evidence": ev(q.evidence),
                    "closed_by": ev(q.closed_by),
                }
                for q in self.open_questions
            ],
            "entities": self.entities.to_dict(),
            "omitted_reports": self.omitted_reports,
        }


@dataclass(frozen=True, slots=True)
class Digest:
    """What changed since ``since``, topic by topic: the daily post."""

    generated_at: datetime
    since: datetime
    briefs: tuple[Brief, ...]

    def is_empty(self) -> bool:
        return all(b.is_empty() for b in self.briefs)

    def to_dict(self) -> dict[str, Any]:
        return {
            "generated_at": _iso(self.generated_at),
            "since": _iso(self.since),
            "topics": [b.to_dict() for b in self.briefs],
        }


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class Notice:
    """A short text reply (help, topics, status, an error): a title and plain-text lines.

    The lines are plain text, never markup: every renderer escapes them for its format.
    """

    title: str
    lines: tuple[str, ...] = ()
    error: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "lines": list(self.lines), "error": self.error}
