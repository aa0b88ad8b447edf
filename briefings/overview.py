"""The first message of a long digest: each topic's counts and the few changes to lead with.

A busy day's digest runs to many chat messages, and a channel shows only the first; the rest
sit in its thread. That first message used to be whatever claims fitted in it, in the
order of the store, so the reader of a channel saw the top of a list rather than the news.
It now says, topic by topic, how much changed and names the changes an editor would lead
with: a question answered, a claim denied, a claim that several independent sources carry,
a matter now contested. Each highlight is a span of an item the thread shows whole, with its
sentence, so the overview invents nothing; it cites the same report numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from briefings.model import Brief, BriefClaim, BriefDenial, BriefQuestion, Evidence

__all__ = ["Highlight", "TopicOverview", "overview"]

HighlightKind = Literal["answered", "denial", "claim", "question"]

# Highlights per topic, fewer as more topics share one message: a one-screen overview of a
# few topics can lead with three changes each; a digest of a dozen topics with one each,
# and past that each topic is its line of counts.
_PER_TOPIC = ((4, 3), (12, 1))
# A highlight quotes at most this much of its item's span (a question, built from two
# spans, a little more); the thread has the whole of it.
SPAN_CHARS = 160
QUESTION_CHARS = 200
# A speaker the engine could not resolve past its pronoun.
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})


@dataclass(frozen=True, slots=True)
class Highlight:
    """One change worth leading with: who (a speaker, or "" for a question), what (a
    verbatim span or a question built from them), and the numbers of its reports."""

    kind: HighlightKind
    who: str
    what: str
    refs: tuple[int, ...]
    # For a denial: the speakers of the claims of this brief it rejects.
    against: tuple[str, ...] = ()
    # For a claim: how many independent sources carry it.
    sources: int = 1
    # The sentence's own verb before ``what`` ("urged"), or "" (see ``lead_verbs``).
    verb: str = ""


@dataclass(frozen=True, slots=True)
class TopicOverview:
    """A changed topic's line of counts and its highlights."""

    topic: str
    reports: int
    claims: int
    contested_claims: int
    denials: int
    questions: int
    answered: int
    highlights: tuple[Highlight, ...]


def overview(briefs: tuple[Brief, ...]) -> list[TopicOverview]:
    """The overview of every topic that changed, in the digest's order."""
    changed = [b for b in briefs if not b.is_empty()]
    limit = next((n for most, n in _PER_TOPIC if len(changed) <= most), 0)
    return [_topic(b, limit) for b in changed]


def _topic(brief: Brief, limit: int) -> TopicOverview:
    return TopicOverview(
        topic=brief.topic,
        reports=len(brief.reports),
        claims=len(brief.claims),
        contested_claims=sum(c.status != "uncontested" for c in brief.claims),
        denials=len(brief.denials),
        questions=sum(not q.closed_by for q in brief.open_questions),
        answered=sum(bool(q.closed_by) for q in brief.open_questions),
        highlights=tuple(_highlights(brief, limit)),
    )


def _highlights(brief: Brief, limit: int) -> list[Highlight]:
    """The ``limit`` changes to lead with, most telling first.

    The order is an editor's: a question answered closes a matter; a denial that rejects a
    claim is the day's conflict; a claim carried by several independent sources is the
    day's firmest news; a contested question names a conflict the denial did not already.
    Then denials with no claim of the brief to reject, then firm claims of named people.
    An item already told by a higher highlight (the claim a highlighted denial rejects, the
    question built from it) is not told again.
    """
    if limit <= 0:
        return []
    numbers = {r.id: n for n, r in enumerate(brief.reports, start=1)}
    claims = {c.id: c for c in brief.claims}
    told: set[str] = set()
    chosen: list[Highlight] = []

    candidates: list[tuple[str, Highlight, tuple[str, ...]]] = []
    for q in brief.open_questions:
        if q.closed_by:
            candidates.append((q.id, _question(q, "answered", numbers), q.related))
    rejecting = [d for d in brief.denials if any(t in claims for t in d.targets)]
    for d in rejecting:
        candidates.append((d.id, _denial(d, claims, numbers), d.targets))
    carried = sorted(
        (c for c in brief.claims if c.independent_sources > 1),
        key=lambda c: -c.independent_sources,
    )
    candidates += [(c.id, _claim(c, numbers), ()) for c in carried]
    for q in brief.open_questions:
        if not q.closed_by and q.kind == "contested":
            candidates.append((q.id, _question(q, "question", numbers), q.related))
    for d in brief.denials:
        if d not in rejecting:
            candidates.append((d.id, _denial(d, claims, numbers), d.targets))
    firm = [c for c in brief.claims if c.speaker_kind == "named" and not c.hedged]
    candidates += [(c.id, _claim(c, numbers), ()) for c in firm]
    for item_id, highlight, also in candidates:
        if highlight.who.lower() in _PRONOUNS:
            # "he denies …" out of its paragraph names no one: the thread shows it in full.
            continue
        built_from = also if highlight.kind in ("answered", "question") else ()
        if item_id in told or any(r in told for r in built_from):
            continue
        chosen.append(highlight)
        told.update((item_id, *also))
        if len(chosen) >= limit:
            break
    return chosen


def _claim(c: BriefClaim, numbers: dict[str, int]) -> Highlight:
    return Highlight(
        "claim",
        c.speaker,
        _clip(c.content or c.evidence[0].sentence),
        _refs(c.evidence, numbers),
        sources=c.independent_sources,
        verb=c.verb if c.content else "",
    )


def _denial(d: BriefDenial, claims: dict[str, BriefClaim], numbers: dict[str, int]) -> Highlight:
    against = tuple(dict.fromkeys(claims[t].speaker for t in d.targets if t in claims))
    return Highlight(
        "denial", d.speaker, _clip(d.denied), _refs(d.evidence, numbers), against, verb=d.verb
    )


def _question(q: BriefQuestion, kind: HighlightKind, numbers: dict[str, int]) -> Highlight:
    cited = q.closed_by if kind == "answered" else q.evidence
    return Highlight(kind, "", _clip(q.question, QUESTION_CHARS), _refs(cited, numbers))


def _refs(evidence: tuple[Evidence, ...], numbers: dict[str, int]) -> tuple[int, ...]:
    return tuple(sorted({numbers[e.report] for e in evidence if e.report in numbers}))


def _clip(text: str, limit: int = SPAN_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:") + "…"
