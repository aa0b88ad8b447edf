"""The evaluator scores exactly as SCHEMA.md "Scoring" says, on a tiny hand-made corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefings.baseline import extract_baseline
from briefings.evaluate import EvalResult, evaluate_corpus, format_table, load_corpus, speaker_f1
from briefings.model import Claim, Denial, Extraction, OpenQuestion, Report

pytestmark = pytest.mark.unit

S1 = "Mayor Ines Duarte said the bridge will reopen in May."
S2 = "Engineers said the repairs may take longer."
S3 = "The city denied that the bridge was unsafe."
TEXT = f"{S1} {S2}\n\n{S3}"

GOLD: dict[str, Any] = {
    "claims": [
        {
            "sentence": S1,
            "speaker": "Ines Duarte",
            "speaker_kind": "named",
            "content": "the bridge will reopen in May",
            "hedged": False,
        },
        {
            "sentence": S2,
            "speaker": "Engineers",
            "speaker_kind": "anonymous",
            "content": "the repairs may take longer",
            "hedged": True,
        },
    ],
    "denials": [
        {
            "sentence": S3,
            "speaker": "The city",
            "speaker_kind": "named",
            "denied": "the bridge was unsafe",
            "targets": [1],
        },
    ],
    "open_questions": [{"question": "When will the bridge reopen?", "evidence": [S1, S2]}],
    "entities": {"people": ["Ines Duarte"], "organizations": [], "places": []},
}


def write_corpus(tmp_path: Path) -> Path:
    data = {
        "id": "bridge",
        "title": "Bridge",
        "outlet": "Test",
        "url": None,
        "published": "2026-01",
        "text": TEXT,
        "gold": GOLD,
    }
    (tmp_path / "bridge.json").write_text(json.dumps(data), encoding="utf-8")
    return tmp_path


def engine(report: Report) -> Extraction:
    return Extraction(
        claims=(
            # Matches gold 1 (speaker F1 = 0.8); kind right, hedge wrong.
            Claim(
                "Mayor   Ines Duarte said the bridge will reopen in May.",
                "Mayor Ines Duarte",
                "named",
                "",
                True,
            ),
            # Same sentence as gold 2 but the speaker does not overlap: no match.
            Claim(S2, "the city", "named", "", True),
            # Matches gold 2 after the miss above; kind wrong.
            Claim(S2, "Engineers", "official", "", True),
        ),
        denials=(Denial(S3, "The city", "named", "the bridge", (2,)),),
        open_questions=(
            OpenQuestion("q1", "pending", (S2,)),
            OpenQuestion("q2", "pending", (S1,)),  # shares with the same gold: one-to-one
        ),
    )


def test_scores_follow_the_schema(tmp_path: Path) -> None:
    result = evaluate_corpus(write_corpus(tmp_path), engine)
    d = result.to_dict()
    assert d["files"] == 1
    assert d["claims"]["precision"] == pytest.approx(2 / 3)
    assert d["claims"]["recall"] == pytest.approx(1.0)
    assert d["speaker_kind_accuracy"] == pytest.approx(0.5)
    assert d["hedged_accuracy"] == pytest.approx(0.5)
    assert d["denials"]["f1"] == pytest.approx(1.0)
    # Predicted target 2 maps to gold claim 1 through the claim matching.
    assert d["denial_target_accuracy"] == pytest.approx(1.0)
    assert d["open_questions"]["precision"] == pytest.approx(0.5)
    assert d["open_questions"]["recall"] == pytest.approx(1.0)
    assert d["entities"]["people"] == {"precision": 0.0, "recall": 0.0}


def test_contract_keys(tmp_path: Path) -> None:
    d = evaluate_corpus(write_corpus(tmp_path), engine).to_dict()
    for key in (
        "files",
        "claims",
        "denials",
        "open_questions",
        "speaker_kind_accuracy",
        "hedged_accuracy",
        "denial_target_accuracy",
    ):
        assert key in d
    for key in ("claims", "denials", "open_questions"):
        assert set(d[key]) == {"precision", "recall", "f1"}
    json.dumps(d)


def test_load_corpus_builds_reports(tmp_path: Path) -> None:
    [(report, gold)] = load_corpus(write_corpus(tmp_path))
    assert (report.id, report.title, report.outlet, report.published) == (
        "bridge",
        "Bridge",
        "Test",
        "2026-01",
    )
    assert report.text == TEXT and gold == GOLD


def test_speaker_f1() -> None:
    assert speaker_f1("Kremlin spokesperson Dmitry Peskov", "Dmitry Peskov") == pytest.approx(2 / 3)
    assert speaker_f1("the city", "Engineers") == 0.0
    assert speaker_f1("", "x") == 0.0


def test_table_has_engine_and_baseline_columns(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    table = format_table(evaluate_corpus(corpus), evaluate_corpus(corpus, extract_baseline))
    lines = table.splitlines()
    assert "engine" in lines[0] and "baseline" in lines[0]
    assert any(line.startswith("claims f1") for line in lines)
    assert len({len(line) for line in lines[2:]}) == 1  # fixed width


def test_empty_corpus(tmp_path: Path) -> None:
    assert evaluate_corpus(tmp_path).to_dict()["files"] == 0
    assert isinstance(EvalResult().to_dict()["claims"]["f1"], float)


def test_files_that_are_not_annotated_reports_are_skipped_with_a_reason(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    (corpus / "scores.json").write_text('{"files": 1, "claims": {"f1": 1.0}}', encoding="utf-8")
    (corpus / "broken.json").write_text('{"text": "half', encoding="utf-8")
    (corpus / "latin1.json").write_bytes(b'{"text": "caf\xe9", "gold": {}}')
    (corpus / "list.json").write_text("[1, 2]", encoding="utf-8")
    bad_targets = {"text": TEXT, "gold": {"denials": [{"sentence": S3, "targets": ["zero"]}]}}
    (corpus / "targets.json").write_text(json.dumps(bad_targets), encoding="utf-8")

    skipped: dict[str, str] = {}
    rows = load_corpus(corpus, lambda path, why: skipped.__setitem__(path.name, why))

    assert [report.id for report, _ in rows] == ["bridge"]
    assert "not an annotated report" in skipped["scores.json"]
    assert skipped["broken.json"].startswith("not JSON")
    assert skipped["latin1.json"].startswith("not UTF-8")
    assert "list" in skipped["list.json"]
    assert "targets" in skipped["targets.json"]
    # The scores of the one real report are those of the clean corpus.
    assert evaluate_corpus(corpus).to_dict()["files"] == 1


def test_annotation_mistakes_are_warned_of_and_the_file_still_scored(tmp_path: Path) -> None:
    gold = {
        "claims": [
            {"sentence": "A sentence the text does not hold.", "speaker": "x", "hedged": "no"}
        ],
        "denials": [
            {"sentence": S3, "speaker": "y", "denied": "it", "targets": [5]},
            {"sentence": S3, "speaker": None, "speaker_kind": "celebrity", "targets": []},
        ],
    }
    (tmp_path / "odd.json").write_text(json.dumps({"text": TEXT, "gold": gold}), encoding="utf-8")
    warned: list[str] = []
    rows = load_corpus(tmp_path, on_warn=lambda path, what: warned.append(what))
    assert len(rows) == 1
    assert warned == [
        "gold claims[0] sentence is not in the text (it can never match)",
        "gold claims[0] hedged is 'no', not true or false",
        "gold denials[1] speaker is None, not a name",
        "gold denials[1] speaker_kind is 'celebrity', not one of named, official, anonymous",
        "gold denials[0] target 5 is not one of the 1 claims",
    ]


def test_a_clean_corpus_gives_no_warning(tmp_path: Path) -> None:
    warned: list[str] = []
    load_corpus(write_corpus(tmp_path), on_warn=lambda path, what: warned.append(what))
    assert warned == []
