"""The order of the stages: store the report, then segment, extract, assign topics and link.

This is the one module that calls the extraction engine, so swapping the engine (an LLM
backend one day) touches one import. Storing comes first and commits on its own: if
anything after it fails, the report is safe and ``reindex`` derives it again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from briefings import similarity
from briefings.answers import answering_sentences
from briefings.extract import extract
from briefings.model import (
    ChatMessage,
    Claim,
    Denial,
    Extraction,
    Report,
    ThreadSummary,
)
from briefings.segment import split_sentences
from briefings.store import Derived, Store, StoredClaim, claim_id, denial_id
from briefings.topics import TopicMatcher

SAME_CLAIM_THRESHOLD = 0.6
DENIAL_TARGET_THRESHOLD = 0.35

OutcomeStatus = Literal["added", "unchanged", "rejected"]


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What happened to one input: the line ``briefbot ingest`` prints for it."""

    name: str
    status: OutcomeStatus
    report_id: str | None = None
    title: str = ""
    reason: str = ""
    topics: tuple[str, ...] = ()

    @classmethod
    def internal_error(cls, name: str, exc: Exception) -> IngestOutcome:
        """The item an unexpected error stopped, rejected by name so the batch goes on.

        Only the error's first line, clipped: a driver's error carries the SQL and the
        report's whole text, which belong in the log (the caller logs the traceback), not
        in a line per item.
        """
        lines = str(exc).strip().splitlines()
        message = _clip(lines[0]) if lines else ""
        detail = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
        return cls(name, "rejected", reason=f"internal error ({detail})")


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def run_engine(report: Report) -> Extraction:
    """The engine, for callers that want one report's items without the store."""
    return extract(report)


def run_chat_engine(messages: Sequence[ChatMessage], total: int | None = None) -> ThreadSummary:
    """The engine over a chat thread (the Slack and Matrix summaries, the CLI)."""
    from briefings.chat import summarize_thread  # chat rules load only where threads are read

    return summarize_thread(messages, total)


class Pipeline:
    """Stores reports and derives their items; holds the topic matcher built from config."""

    def __init__(
        self,
        store: Store,
        matcher: TopicMatcher,
        engine: Callable[[Report], Extraction] = run_engine,
    ) -> None:
        self.store = store
        self.matcher = matcher
        self.engine = engine
        store.sync_topics((t.name, t.description) for t in matcher.topics)

    def ingest(self, report: Report, name: str, canonical_url: str | None = None) -> IngestOutcome:
        """Store first (committed), then derive; an unchanged report is left as it is.

        A report an earlier ingest stored but never derived (stopped by Ctrl-C or a full disk
        in between) is not unchanged: no brief has shown it yet. It is derived now, from the
        stored copy, and reported "added", the moment its items reach the briefs.
        """
        if not self.store.add_report(report, canonical_url=canonical_url):
            stored = self.store.underived_report(report.id)
            if stored is None:
                return IngestOutcome(name, "unchanged", report.id, report.title)
            report = stored
        topics = self.derive(report)
        return IngestOutcome(name, "added", report.id, report.title, topics=tuple(topics))

    def derive_pending(self) -> int:
        """Derive every report stored but never derived, oldest first; return how many.

        The long-running paths (``briefbot run`` at start, every poll) call this, so a report
        an interrupted ingest left behind reaches the briefs without anyone ingesting it again.
        """
        pending = list(self.store.iter_reports(underived_only=True))
        for report in pending:
            self.derive(report)
        return len(pending)

    def derive(self, report: Report) -> list[str]:
        """Everything derived from one report, linked to what the store already holds."""
        sentences = split_sentences(report.text)
        extraction = self.engine(report)
        topics = self.matcher.match(report.title, report.text)
        rid = report.id

        # An earlier version of the same article first, however long ago; then any report
        # of late (a wire copy).
        duplicate_of, copied = next(
            (
                (other, text)
                for other, text in (*self.store.same_url_texts(rid), *self.store.recent_texts())
                if other != rid and similarity.near_duplicate(report.text, text)
            ),
            (None, ""),
        )
        repeated = {similarity.sentence_key(s.text) for s in split_sentences(copied)}

        def own(sentence: str) -> bool:
            """Not a sentence the copied report has (in any apostrophes and line breaks)."""
            return duplicate_of is None or similarity.sentence_key(sentence) not in repeated

        earlier = self.store.claims_of_topics(topics, exclude_report=rid)
        common = similarity.topic_terms(
            [
                alias
                for t in self.matcher.topics
                if t.name in topics
                for alias in (t.name, *t.aliases)
            ]
        )
        # The same speaker in the same sentence (a copy, an updated version) is the same
        # claim, however much of it is the topic's own words, which the score leaves out:
        # the earlier claims by their words, keyed once for the report, the first kept.
        said_before: dict[tuple[str, str], str] = {}
        for stored in earlier:
            said_before.setdefault(_said_key(stored.claim), stored.group_id)
        groups = [
            said_before.get(_said_key(c)) or _group_for(rid, i, c, earlier, common)
            for i, c in enumerate(extraction.claims)
        ]

        targets: list[tuple[int, str]] = []
        for d_index, denial in enumerate(extraction.denials):
            targets += [(d_index, claim_id(rid, k)) for k in denial.targets]
            for stored in earlier:
                score = similarity.denial_targets_claim(denial, stored.claim, common)
                if score >= DENIAL_TARGET_THRESHOLD:
                    targets.append((d_index, stored.id))
        # The other way round: a denial stored before the claim it rejects (feeds and
        # folders do not deliver reports in the order they were written), so that the
        # same reports give the same links whatever order they came in.
        late = [
            (stored.id, claim_id(rid, k))
            for stored in self.store.denials_of_topics(topics, exclude_report=rid)
            for k, claim in enumerate(extraction.claims)
            if similarity.denial_targets_claim(stored.denial, claim, common)
            >= DENIAL_TARGET_THRESHOLD
        ]

        # Found before anything is written, and written with the report's own rows. A copy
        # (a wire copy, a story's updated version) answers only with sentences of its own:
        # the ones it repeats raised the question, or were there while it stayed open.
        said: list[Claim | Denial] = [*extraction.claims, *extraction.denials]
        closings = self._answered(rid, topics, [item for item in said if own(item.sentence)])
        self.store.save_derived(
            Derived(
                report_id=rid,
                sentences=sentences,
                topics=topics,
                claims=extraction.claims,
                claim_groups=groups,
                denials=extraction.denials,
                denial_targets=targets,
                # A copy raises again what its repeated sentences raised: not listed twice.
                questions=tuple(
                    q for q in extraction.open_questions if any(own(s) for s in q.evidence)
                ),
                entities=extraction.entities,
                duplicate_of=duplicate_of,
                late_targets=late,
                closings=closings,
            )
        )
        return topics

    def _answered(
        self, rid: str, topics: Sequence[str], items: Sequence[Claim | Denial]
    ) -> list[tuple[str, list[tuple[str, str]]]]:
        """The topic's open questions that this later report answers, each with its
        sentences that answer it."""
        closings: list[tuple[str, list[tuple[str, str]]]] = []
        for question in self.store.open_questions_of_topics(topics, exclude_report=rid):
            raised_by = [sentence for _, sentence in question.evidence]
            answers = answering_sentences(question.question, raised_by, items)
            if answers:
                closings.append((question.id, [(rid, s) for s in answers]))
        return closings

    def reindex(self, progress: Callable[[int, Report], None] | None = None) -> int:
        """Forget every derived row and derive all stored reports again, in ingestion order."""
        self.store.clear_derived()
        count = 0
        for count, report in enumerate(self.store.iter_reports(), start=1):
            self.derive(report)
            if progress:
                progress(count, report)
        return count


def _said_key(claim: Claim) -> tuple[str, str]:
    """Who said it and in which sentence, by their words (any apostrophes, line breaks)."""
    return similarity.sentence_key(claim.speaker).casefold(), similarity.sentence_key(
        claim.sentence
    )


def _group_for(
    rid: str, index: int, claim: Claim, earlier: list[StoredClaim], common: frozenset[str]
) -> str:
    best, best_score = claim_id(rid, index), SAME_CLAIM_THRESHOLD
    for stored in earlier:
        score = similarity.same_claim(claim, stored.claim, common)
        if score >= best_score:
            best, best_score = stored.group_id, score
    return best


__all__ = [
    "IngestOutcome",
    "Pipeline",
    "denial_id",
    "run_chat_engine",
    "run_engine",
]
