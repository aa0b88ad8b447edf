"""Assembling a topic's brief (and the daily digest) from what the store holds.

One story is told across many reports: claims that several reports carry are one claim with
several evidence items (the store's ``group_id``), and its independent-source count leaves
out wire copies. A claim's status follows the denials linked to it. With ``since`` the brief
keeps only what changed after that moment: new claims, claims newly denied, new denials
with the claims they reject, questions opened or closed, and the reports they rest on.

A brief reads a bounded slice of the store: the newest ``REPORT_LIMIT`` reports of the topic,
the whole story clusters those reports belong to, and the denials and questions linked to
them, all by index. A larger topic is shown from its newest reports, with the number left
out in ``Brief.omitted_reports``, so ``/brief`` costs the same at 1k and at 100k reports.
A brief with ``since`` reads the reports stored in its period instead, all of them up to a
far larger bound: what a digest covers is never cut to the newest few.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime

from briefings.lead_verbs import lead_verb
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
from briefings.similarity import sentence_key
from briefings.store import ReportRow, Store, StoredClaim, StoredDenial

_KINDS: dict[str, QuestionKind] = {
    "contested": "contested",
    "pending": "pending",
    "unconfirmed": "unconfirmed",
}


REPORT_LIMIT = 30
"""How many of a topic's newest reports a brief reads. A topic with more is shown from its
newest reports only, and the brief says how many older ones it left out: a chat answer must
come back in milliseconds whether the store holds a hundred reports or a hundred thousand."""

PERIOD_REPORT_LIMIT = 500
"""How many of a period's reports a brief with ``since`` (a digest) reads: every one stored
in the period, up to this many. A digest that read only the topic's newest ``REPORT_LIMIT``
would never show the rest of a busy day, as the next digest starts where it ended; this
bound only keeps a pathological period (a backfill of thousands) from taking minutes."""


def build_brief(
    store: Store,
    topic: str,
    since: datetime | None = None,
    now: datetime | None = None,
    description: str = "",
    limit: int | None = None,
) -> Brief:
    """The topic's brief, or with ``since`` what changed in ``[since, now)``.

    Without ``since`` it reads the newest ``REPORT_LIMIT`` reports of the topic; with it,
    every report stored in the period (up to ``PERIOD_REPORT_LIMIT``), so that nothing a
    digest covers is left out. ``omitted_reports`` counts what was not read: the older
    reports of the topic, or the period's reports past the bound.
    """
    now = now or datetime.now(UTC)
    if limit is None:
        limit = REPORT_LIMIT if since is None else PERIOD_REPORT_LIMIT

    def in_window(moment: datetime) -> bool:
        # A digest's window is [since, now): an item stored while the brief is being read
        # (after ``now``) belongs to the next window, whose ``since`` is this ``now``, and
        # must not be shown in both.
        return since is None or since <= moment < now

    # Everything below is read by index from the newest ``limit`` reports of the topic and
    # the story clusters, denials and questions they touch; for a topic with no more reports
    # than that, this is every item of the topic, as before the bound existed.
    report_ids, total = store.topic_window(topic, limit, since)
    window_claims = store.claims_for(report_ids)
    stored_denials = store.denials_for(report_ids)
    links = store.targets_of([d.id for d in stored_denials])
    questions = {q.id: q for q in store.questions_for(report_ids)}
    for q in store.questions_closed_by(report_ids, topic):
        questions.setdefault(q.id, q)

    group_of = {c.id: c.group_id for c in window_claims}
    group_of.update(store.claim_groups([cid for _, cid, _ in links if cid not in group_of], topic))
    wanted_groups = list(
        dict.fromkeys(
            [
                *(c.group_id for c in window_claims),
                *(group_of[cid] for _, cid, _ in links if cid in group_of),
            ]
        )
    )
    members_all = store.claims_in_groups(wanted_groups, topic)
    group_of.update({m.id: m.group_id for m in members_all})
    related_claims = [i for q in questions.values() for i in q.related if i not in group_of]
    group_of.update(store.claim_groups(related_claims, topic))

    rows = {r.id: r for r in store.report_rows([*report_ids, *(m.report_id for m in members_all)])}

    def order(rid: str) -> int:
        row = rows.get(rid)
        return row.seq if row else 0

    stored_claims = sorted(members_all, key=lambda c: (order(c.report_id), c.claim.sentence_index))
    stored_denials.sort(key=lambda d: (order(d.report_id), d.denial.sentence_index))

    groups: dict[str, list[StoredClaim]] = {}
    for stored in stored_claims:
        groups.setdefault(stored.group_id, []).append(stored)

    denied_groups: dict[str, datetime] = {}
    for _did, cid, linked_at in store.denial_links_to([m.id for m in stored_claims], topic):
        gid = group_of[cid]
        earliest = denied_groups.get(gid)
        denied_groups[gid] = linked_at if earliest is None else min(earliest, linked_at)
    targets_by_denial: dict[str, list[str]] = {}
    for did, cid, _linked_at in links:
        if cid in group_of:
            targets_by_denial.setdefault(did, []).append(group_of[cid])
    contested = store.contested_items([m.id for m in stored_claims], topic)

    brief_questions: list[BriefQuestion] = []
    for q in sorted(questions.values(), key=lambda q: (order(q.report_id), q.id)):
        opened_since = in_window(q.created_at)
        closed_since = q.closed_at is not None and in_window(q.closed_at)
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

    # What changed may point back at what did not: a new denial of a claim denied before.
    # The claim comes with it, so that the brief says what the denial rejects.
    # A question's evidence carries its own sentences, so an older item it relates to is
    # not pulled in; an id it names that the brief does not show is left out below.
    shown_denials = [d for d in stored_denials if in_window(d.created_at)]
    if since is not None:
        shown_denials = _not_told_before(store, shown_denials, rows, since)
    denials = [
        BriefDenial(
            id=d.id,
            speaker=d.denial.speaker,
            speaker_kind=d.denial.speaker_kind,
            denied=d.denial.denied,
            targets=tuple(dict.fromkeys(targets_by_denial.get(d.id, []))),
            evidence=(Evidence(d.report_id, d.denial.sentence),),
            verb=lead_verb(d.denial.cue, d.denial.denied, d.denial.sentence),
        )
        for d in shown_denials
    ]
    denials, same_denial = _merge_copies(denials)
    brief_questions = _merge_questions(
        [
            replace(q, related=tuple(dict.fromkeys(same_denial.get(i, i) for i in q.related)))
            for q in brief_questions
        ]
    )
    referenced = {t for d in denials for t in d.targets}

    claims: list[BriefClaim] = []
    for gid, members in groups.items():
        status: ClaimStatus = "uncontested"
        if gid in denied_groups:
            status = "denied"
        elif any(m.id in contested for m in members):
            status = "disputed"
        created = min(m.created_at for m in members)
        newly_denied = gid in denied_groups and in_window(denied_groups[gid])
        old_news = since is not None and not in_window(created) and not newly_denied
        if old_news and gid not in referenced:
            continue
        first = members[0]
        cited = members
        if since is not None and not in_window(created):
            # An older claim shown for what happened to it in the period (denied, or
            # rejected by a new denial) is cited by where it was first made and by the
            # period's own reports: the digest of one new denial must not list every
            # report that ever carried the claim. Its source count still counts them all.
            cited = [first, *(m for m in members[1:] if in_window(m.created_at))]
        claims.append(
            BriefClaim(
                id=gid,
                speaker=first.claim.speaker,
                speaker_kind=first.claim.speaker_kind,
                content=first.claim.content,
                hedged=all(m.claim.hedged for m in members),
                status=status,
                evidence=_dedupe(Evidence(m.report_id, m.claim.sentence) for m in cited),
                independent_sources=_independent(members, rows),
                verb=lead_verb(first.claim.cue, first.claim.content, first.claim.sentence),
            )
        )
    # Every id a brief names is in it: a question's older item, or one outside the slice a
    # brief reads (a topic larger than ``limit`` reports), is not named.
    present = {c.id for c in claims} | {d.id for d in denials}
    denials = [replace(d, targets=tuple(t for t in d.targets if t in present)) for d in denials]
    brief_questions = [
        replace(q, related=tuple(i for i in q.related if i in present)) for q in brief_questions
    ]

    used = _used_reports(claims, denials, brief_questions)
    if since is None:
        used = [*report_ids, *used]
    else:
        used += [
            rid
            for rid in report_ids
            if in_window(rows[rid].first_derived_at or rows[rid].ingested_at) and rid not in used
        ]
    shown = store.report_rows(used)
    shown_ids = {r.id for r in shown}
    reports = tuple(
        BriefReport(
            r.id,
            r.title,
            r.outlet,
            r.url,
            r.published,
            copy_of=r.duplicate_of if r.duplicate_of in shown_ids else None,
        )
        for r in sorted(shown, key=lambda r: r.seq)
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
        omitted_reports=total - len(report_ids),
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


def _not_told_before(
    store: Store, denials: list[StoredDenial], rows: dict[str, ReportRow], since: datetime
) -> list[StoredDenial]:
    """The period's denials less those a copy repeats of a report before the period.

    A wire copy stored today of yesterday's story carries yesterday's denial word for word:
    no news. (A claim it repeats joins its group and counts as old already.)
    """
    originals = {
        row.duplicate_of
        for d in denials
        if (row := rows.get(d.report_id)) is not None and row.duplicate_of
    }
    if not originals:
        return denials

    def key(d: StoredDenial) -> tuple[str, str]:
        return sentence_key(d.denial.speaker).casefold(), sentence_key(d.denial.sentence)

    told = {key(d) for d in store.denials_for(sorted(originals)) if d.created_at < since}
    return [d for d in denials if key(d) not in told]


def _merge_copies(denials: list[BriefDenial]) -> tuple[list[BriefDenial], dict[str, str]]:
    """One denial for each that copies repeat word for word, cited by all of them.

    Claims in other reports' words join their group; a denial has none, so a wire copy (or a
    story's updated version) listed the same denial again. Denials of one speaker in one
    sentence are one: the first keeps its id and takes the others' evidence and targets.
    Also returns the id each merged denial now goes by.
    """
    kept: dict[tuple[str, str, str], BriefDenial] = {}
    same: dict[str, str] = {}
    for d in denials:
        key = (
            sentence_key(d.speaker).casefold(),
            sentence_key(d.denied),
            sentence_key(d.evidence[0].sentence),
        )
        first = kept.get(key)
        if first is None:
            kept[key] = d
            continue
        same[d.id] = first.id
        kept[key] = replace(
            first,
            evidence=(*first.evidence, *d.evidence),
            targets=tuple(dict.fromkeys((*first.targets, *d.targets))),
        )
    return list(kept.values()), same


def _merge_questions(questions: list[BriefQuestion]) -> list[BriefQuestion]:
    """One question for each asked in the same words: two reports that quote the same
    sentence raise the same question, and it is listed once, with the evidence, related
    items and answers of both (answered when either was)."""
    kept: dict[tuple[str, str], BriefQuestion] = {}
    for q in questions:
        key = (q.kind, sentence_key(q.question))
        first = kept.get(key)
        kept[key] = (
            q
            if first is None
            else replace(
                first,
                related=tuple(dict.fromkeys((*first.related, *q.related))),
                evidence=tuple(dict.fromkeys((*first.evidence, *q.evidence))),
                closed_by=tuple(dict.fromkeys((*first.closed_by, *q.closed_by))),
            )
        )
    return list(kept.values())


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
