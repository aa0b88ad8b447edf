"""Which open question a sentence joins, or the question it opens.

A sentence joins a question when it sits next to the question's evidence in one paragraph
(for a contested question, only when it shares the matter's words), goes on with a contested
claim, names back to a matter already awaited, or shares enough of the question's words,
weighted so that words the whole report repeats count little.

Kept apart from ``questions``, which finds what is pending or unconfirmed: this module
decides only where each such sentence goes, and holds the report-wide term weights that
decision needs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from itertools import chain

from briefings.clusters import Cluster, quote
from briefings.model import Claim, QuestionKind, Sentence
from briefings.similarity import content_terms

__all__ = ["Placement"]


# The share of a sentence's weighted words a question must hold for the sentence to join it:
# a sentence further off needs the most, a contested question's neighbour less.
_MERGE_OVERLAP = 0.34
_ADJACENT_CONTESTED = 0.12
# Two awaited outcomes a sentence or two apart: one shared word of substance is enough.
_NEAR_PENDING = 0.08


class _Idf(dict[str, float]):
    """Inverse document frequency of stems over the report's sentences, each worked out the
    first time it is looked up: the comparisons read only a few of a report's stems."""

    __slots__ = ("_df", "_n")

    def __init__(self, df: Mapping[str, int], n: int) -> None:
        super().__init__()
        self._df = df
        self._n = n

    def __missing__(self, term: str) -> float:
        f = self._df.get(term)
        if f is None:
            return 0.0
        weight = self[term] = math.log((self._n + 1) / f)
        return weight


def _weights(sentences: Sequence[Sentence]) -> _Idf:
    # Counter counts in C; each sentence's terms are distinct, so a count is a document count.
    df = Counter(chain.from_iterable(content_terms(s.text) for s in sentences))
    return _Idf(df, len(sentences))


# A sentence opening on a definite noun ("The talks", "The Commission"): what it names was
# introduced before.
_DEFINITE_OPENING = re.compile(
    # "This week", "that day": times, not matters.
    r"(?!.*\b(?:[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+(?:week|weeks|month|months|year|years|"
    r"morning|evening|afternoon|weekend|time|season|summer|winter|spring|autumn)\b)"
    r"(?:^(?:The|This|That|These|Those)\s+([A-Za-z][a-z]{3,})\b"
    # "… is going to sign that deal.": a demonstrative ("that" only where its noun ends the
    # clause, so "said that talks would …" is no pointer back).
    r"|.*?\b(?:this|these|those)\s+([a-z]{4,})\b"
    r"|.*?\bthat\s+([a-z]{4,})(?=\s*[.,;:!?\"”’]|\s*$))"
)
_PENDING_REACH = 6


def _names_back(index: int, members: set[int], sentences: Sequence[Sentence]) -> bool:
    """Whether sentence ``index`` opens on a definite noun that an earlier sentence of
    ``members``, a few sentences back, already names."""
    text = sentences[index].text
    if not (
        # Every match opens on "The"/"This"/… or holds "this", "these", "those" or "that":
        # a sentence with none of them skips the scan, which runs over the whole sentence.
        text.startswith("Th")
        or "this" in text
        or "that" in text
        or "these" in text
        or "those" in text
    ):
        return False
    opening = _DEFINITE_OPENING.match(text)
    if opening is None:
        return False
    word = next(w for w in opening.groups() if w)
    noun = re.compile(rf"\b{word}\b", re.IGNORECASE)
    return any(
        0 < index - i <= _PENDING_REACH and noun.search(sentences[i].text) is not None
        for i in members
    )


def _related(
    index: int,
    cluster: Cluster,
    sentences: Sequence[Sentence],
    claims: Sequence[Claim],
    weights: Callable[[], _Idf],
    totals: dict[int, float],
    kind: QuestionKind | None = None,
) -> bool:
    """Whether sentence ``index`` belongs with ``cluster``; ``totals`` remembers each
    sentence's summed term weight for the rest of the report, since a sentence is compared
    with one cluster after another."""
    paragraph = sentences[index].paragraph
    members = cluster.sentences
    # Only the sentence itself and its two neighbours can be adjacent.
    adjacent = any(
        i in members and sentences[i].paragraph == paragraph for i in (index - 1, index, index + 1)
    )
    if adjacent and cluster.kind != "contested":
        # Neighbours join a pending or unconfirmed question.
        return True
    if (
        cluster.kind == "contested"
        and any(claims[c].sentence_index == index - 1 for c in cluster.claims)
        and sentences[index - 1].paragraph == paragraph
    ):
        # The sentence right after a contested claim goes on with its account.
        return True
    if not members:
        return False
    if kind == cluster.kind == "pending" and _names_back(index, members, sentences):
        # "… held a fourth round of talks without a breakthrough." "The talks … are set to
        # resume on Tuesday": the definite subject is the matter already awaited.
        return True
    mine = content_terms(sentences[index].text)
    theirs: set[str] = set()
    for i in members:
        theirs |= content_terms(sentences[i].text)
    shared = mine & theirs
    if not shared:
        # No word in common: no weighting makes the overlap reach any threshold.
        return False
    idf = weights()
    total = totals.get(index)
    if total is None:
        total = totals[index] = sum(map(idf.__getitem__, mine))
    if total <= 0:
        return False
    # A contested question holds the claim and the denial about one matter: a neighbour
    # joins it only when it shares that matter's words, so analysts' price talk next to a
    # denial stays out.
    # An outcome awaited a sentence or two apart ("expected to find him guilty" … "set to be
    # sentenced after the court decides") is the same outcome when the words say so.
    near = kind == cluster.kind == "pending" and any(abs(index - i) <= 2 for i in members)
    need = (
        _NEAR_PENDING
        if near and not adjacent
        else (_ADJACENT_CONTESTED if adjacent else _MERGE_OVERLAP)
    )
    return sum(map(idf.__getitem__, shared)) / total >= need


class Placement:
    """The open questions of one report while its sentences are placed among them.

    It lives for one ``find_open_questions`` call: the term weights and each sentence's
    summed weight are worked out once for the report, and the weights only if a sentence
    needs them (most reports place every question without comparing words).
    """

    __slots__ = ("_idf", "_totals", "claims", "clusters", "sentences")

    def __init__(
        self, sentences: Sequence[Sentence], claims: Sequence[Claim], clusters: list[Cluster]
    ) -> None:
        self.sentences = sentences
        self.claims = claims
        self.clusters = clusters
        self._idf: _Idf | None = None
        self._totals: dict[int, float] = {}

    def weights(self) -> _Idf:
        """Term weights over the whole report."""
        idf = self._idf
        if idf is None:
            idf = self._idf = _weights(self.sentences)
        return idf

    def place(
        self,
        index: int,
        kind: QuestionKind,
        before: str,
        span: str,
        after: str,
        claim: int | None = None,
        same_kind: bool = False,
        party: bool = True,
    ) -> Cluster:
        """Add sentence ``index`` to the first question it belongs with, or open a question
        ``before + quoted span + after`` (quoted only then: most sentences join one); the
        question it went to. With ``same_kind``, only a question of ``kind`` is joined: a
        sentence that disputes one matter may leave another pending. Without ``party``, a
        claim whose sentence joins a contested question is evidence of the dispute but not
        one of its sides (a hedge or an announcement beside it takes no side)."""
        sentences, claims, weights, totals = self.sentences, self.claims, self.weights, self._totals
        clusters = self.clusters
        for cluster in clusters:
            if same_kind and cluster.kind != kind:
                continue
            if index not in cluster.sentences and not _related(
                index, cluster, sentences, claims, weights, totals, kind
            ):
                continue
            cluster.sentences.add(index)
            if claim is not None and (party or cluster.kind != "contested"):
                cluster.claims.add(claim)
            return cluster
        cluster = Cluster(kind, f"{before}{quote(span)}{after}", {index})
        if claim is not None:
            cluster.claims.add(claim)
        clusters.append(cluster)
        return cluster
