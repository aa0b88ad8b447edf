"""Assembling a topic's brief (and the daily digest) from what the store holds.

One story is told across many reports: claims that several reports carry are one claim with
several evidence items (the store's ``group_id``), and its independent-source count leaves
out wire copies. A claim's status follows the denials linked to it. With ``since`` the brief
keeps only what changed after that moment: new claims, claims newly denied, new denials,
questions opened or closed, and the reports they rest on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from briefings.model import (
    Brief,
    BriefClaim,
    BriefDenial,
    BriefQuestion,
    BriefReport,
    ClaimStatus,
    Digest,
    Evidence,
    QuestionKind,
)
from briefings.store import ReportRow, Store, StoredClaim

_KINDS: dict[str, QuestionKind] = {
    "contested": "contested",
    "pending": "pending",
    "unconfirmed": "unconfirmed",
}


def build_brief(
    store: Store,
    topic: str,
    since: datetime | None = None,
    now: datetime | None = None,
    description: str = "",
) -> Brief:
    now = now or datetime.now(UTC)
    report_ids = store.topic_report_ids(topic)
    rows = {r.id: r for r in store.report_rows(report_ids)}
    order = {rid: n for n, rid in enumerate(report_ids)}

    stored_claims = sorted(
        store.claims_for(report_ids),
        key=lambda c: (order.get(c.report_id, 0), c.claim.sentence_index),
    )
    stored_denials = sorted(
        store.denials_for(report_ids),
        key=lambda d: (order.get(d.report_id, 0), d.denial.sentence_index),
    )
    links = store.targets_of([d.id for d in stored_denials])
    questions = store.questions_for(report_ids)

    groups: dict[str, list[StoredClaim]] = {}
    group_of: dict[str, str] = {}
    for stored in stored_claims:
        groups.setdefault(stored.group_id, []).append(stored)
        group_of[stored.id] = stored.group_id

    denied_groups: dict[str, datetime] = {}
    targets_by_denial: dict[str, list[str]] = {}
    for did, cid, linked_at in links:
        gid = group_of.get(cid)
        if gid is None:
            continue
        targets_by_denial.setdefault(did, []).append(gid)
        earliest = denied_groups.get(gid)
        denied_groups[gid] = linked_at if earliest is None else min(earliest, linked_at)
    contested = {
        item
        for q in questions
        if q.kind == "contested" and q.closed_at is None
        for item in q.related
    }

    claims: list[BriefClaim] = []
    for gid, members in groups.items():
        status: ClaimStatus = "uncontested"
        if gid in denied_groups:
            status = "denied"
        elif any(m.id in contested for m in members):
            status = "disputed"
        created = min(m.created_at for m in members)
        newly_denied = gid in denied_groups and denied_groups[gid] >= since if since else False
        if since is not None and created < since and not newly_denied:
            continue
        first = members[0]
        claims.append(
            BriefClaim(
                id=gid,
                speaker=first.claim.speaker,
                speaker_kind=first.claim.speaker_kind,
                content=first.claim.content,
                hedged=all(m.claim.hedged for m in members),
                status=status,
                evidence=_dedupe(Evidence(m.report_id, m.claim.sentence) for m in members),
                independent_sources=_independent(members, rows),
            )
        )

    denials = [
        BriefDenial(
            id=d.id,
            speaker=d.denial.speaker,
            speaker_kind=d.denial.speaker_kind,
            denied=d.denial.denied,
            targets=tuple(dict.fromkeys(targets_by_denial.get(d.id, []))),
            evidence=(Evidence(d.report_id, d.denial.sentence),),
        )
        for d in stored_denials
        if since is None or d.created_at >= since
    ]

    brief_questions: list[BriefQuestion] = []
    for q in sorted(questions, key=lambda q: (order.get(q.report_id, 0), q.id)):
        opened_since = since is None or q.created_at >= since
        closed_since = q.closed_at is not None and (since is None or q.closed_at >= since)
        if since is None and q.closed_at is not None:
            closed_since = True
        if not (opened_since or closed_since):
            continue
        related = tuple(dict.fromkeys(group_of.get(i, i) for i in q.related))
        kind: QuestionKind = _KINDS.get(q.kind, "pending")
        brief_questions.append(
            BriefQuestion(
                id=q.id,
                question=q.question,
                kind=kind,
                related=related,
                evidence=tuple(Evidence(r, s) for r, s in q.evidence),
                closed_by=tuple(Evidence(r, s) for r, s in q.closing),
            )
        )

    used = _used_reports(claims, denials, brief_questions)
    if since is None:
        used = list(report_ids)
    else:
        used += [rid for rid, r in rows.items() if r.ingested_at >= since and rid not in used]
    reports = tuple(
        BriefReport(r.id, r.title, r.outlet, r.url, r.published)
        for r in store.report_rows(sorted(used, key=lambda rid: order.get(rid, 0)))
    )
    return Brief(
        topic=topic,
        generated_at=now,
        since=since,
        reports=reports,
        claims=tuple(claims),
        denials=tuple(denials),
        open_questions=tuple(brief_questions),
        entities=store.entities_for([r.id for r in reports]),
        description=description,
    )


def build_digest(
    store: Store,
    topics: Sequence[tuple[str, str]],
    since: datetime,
    now: datetime | None = None,
) -> Digest:
    """Per topic (name, description): what changed since ``since``."""
    now = now or datetime.now(UTC)
    briefs = tuple(
        build_brief(store, name, since, now, description) for name, description in topics
    )
    return Digest(generated_at=now, since=since, briefs=briefs)


def _dedupe(items: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(dict.fromkeys(items))


def _independent(members: list[StoredClaim], rows: dict[str, ReportRow]) -> int:
    """Distinct reports carrying the claim, wire copies (near-duplicate text) counted once."""
    reports = {m.report_id for m in members}
    origins = set()
    for rid in reports:
        row = rows.get(rid)
        dup = row.duplicate_of if row else None
        origins.add(dup if dup in reports else rid)
    return max(1, len(origins))


def _used_reports(
    claims: list[BriefClaim], denials: list[BriefDenial], questions: list[BriefQuestion]
) -> list[str]:
    used: dict[str, None] = {}
    for claim in claims:
        for e in claim.evidence:
            used[e.report] = None
    for denial in denials:
        for e in denial.evidence:
            used[e.report] = None
    for question in questions:
        for e in (*question.evidence, *question.closed_by):
            used[e.report] = None
    return list(used)
