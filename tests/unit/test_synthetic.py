"""The benchmark corpus: reproducible, clustered like a running story, and true to its rows.

The benchmarks bulk-load the rows the generator says it wrote instead of running the
engine over 100k reports; these tests hold it to that: the real engine finds the same
claims and denials in the generated text, and the links (clusters across outlets, denials
of earlier claims, wire copies) are there in realistic proportions.
"""

from __future__ import annotations

import tomllib
from collections import Counter

import pytest

from benchmarks.synthetic import SyntheticCorpus
from briefings.extract import extract
from briefings.topics import TopicMatcher, topics_from_mapping
from tests.conftest import ROOT

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def matcher() -> TopicMatcher:
    with (ROOT / "config" / "topics.toml").open("rb") as handle:
        return TopicMatcher(topics_from_mapping(tomllib.load(handle)))


def test_same_seed_same_corpus_and_no_repeated_ids(matcher: TopicMatcher) -> None:
    first = SyntheticCorpus(matcher).take(300)
    again = SyntheticCorpus(matcher).take(300)
    assert [r.report for r in first] == [r.report for r in again]
    assert len({r.report.id for r in first}) == 300
    other = SyntheticCorpus(matcher, seed=1).take(50)
    assert {r.report.id for r in other}.isdisjoint(r.report.id for r in first)


def test_rows_point_into_the_text(matcher: TopicMatcher) -> None:
    for item in SyntheticCorpus(matcher).take(200):
        text, derived = item.report.text, item.derived
        assert derived.report_id == item.report.id
        for s in derived.sentences:
            assert text[s.start : s.end] == s.text
        sentences = {s.text for s in derived.sentences}
        assert all(c.sentence in sentences for c in derived.claims)
        assert all(d.sentence in sentences for d in derived.denials)
        assert len(derived.claim_groups) == len(derived.claims)


def test_the_engine_finds_what_the_generator_wrote(matcher: TopicMatcher) -> None:
    items = SyntheticCorpus(matcher).take(150)
    claims = found_claims = denials = found_denials = 0
    for item in items:
        extraction = extract(item.report)
        engine_claims = {(c.speaker, c.content) for c in extraction.claims}
        engine_deniers = {d.speaker for d in extraction.denials}
        for claim in item.derived.claims:
            claims += 1
            found_claims += (claim.speaker, claim.content) in engine_claims
        for denial in item.derived.denials:
            denials += 1
            found_denials += denial.speaker in engine_deniers
    assert claims > 300 and denials > 20
    assert found_claims / claims >= 0.95
    assert found_denials / denials >= 0.9


def test_a_running_story_clusters_links_and_copies(matcher: TopicMatcher) -> None:
    items = SyntheticCorpus(matcher).take(3000)
    outlets_per_group: dict[str, set[str]] = {}
    for item in items:
        for group in item.derived.claim_groups:
            outlets_per_group.setdefault(group, set()).add(str(item.report.outlet))
    sizes = Counter(len(o) for o in outlets_per_group.values())
    multi = sum(n for size, n in sizes.items() if size > 1)
    assert multi / len(outlets_per_group) > 0.3, "many claims are carried by several outlets"
    assert max(sizes) <= 20, "no claim is repeated by every report"

    claim_ids = {f"{i.report.id}-c{k}" for i in items for k in range(len(i.derived.claims))}
    targets = [cid for i in items for _, cid in i.derived.denial_targets]
    assert targets and all(cid in claim_ids for cid in targets), "denials target earlier claims"

    copies = [i for i in items if i.derived.duplicate_of]
    assert 0.02 < len(copies) / len(items) < 0.1
    topics = Counter(t for i in items for t in i.derived.topics)
    assert 0.4 < topics["donbass"] / len(items) < 0.8
    kinds = Counter(q.kind for i in items for q in i.derived.questions)
    assert kinds["contested"] and kinds["pending"]
