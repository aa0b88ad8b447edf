"""Quality floor of the engine on the shared annotated dev corpus (read in place, never copied).

The same engine is scored on held-out reports, so these floors guard against regressions;
they are not targets to tune rules against.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefings.baseline import extract_baseline
from briefings.evaluate import EvalResult, evaluate_corpus, format_table

pytestmark = pytest.mark.eval


def _corpus_dir() -> Path:
    env = os.environ.get("BRIEFBOT_CORPUS_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "dev"


@pytest.fixture(scope="module")
def result() -> EvalResult:
    corpus = _corpus_dir()
    if not corpus.is_dir() or not any(corpus.glob("*.json")):
        pytest.skip(f"dev corpus not found at {corpus} (set BRIEFBOT_CORPUS_DIR)")
    return evaluate_corpus(corpus)


def test_claims_floor(result: EvalResult) -> None:
    assert result.claims.f1 >= 0.80
    assert result.claims.precision >= 0.85


def test_denials_floor(result: EvalResult) -> None:
    assert result.denials.f1 >= 0.75
    assert result.denial_target_accuracy >= 0.65


def test_attribute_accuracy_floor(result: EvalResult) -> None:
    assert result.hedged_accuracy >= 0.90
    assert result.speaker_kind_accuracy >= 0.85


def test_open_questions_floor(result: EvalResult) -> None:
    assert result.open_questions.recall >= 0.60
    assert result.open_questions.precision >= 0.40


def test_engine_beats_the_baseline(result: EvalResult) -> None:
    baseline = evaluate_corpus(_corpus_dir(), extract_baseline)
    assert result.claims.f1 > baseline.claims.f1
    print(format_table(result, baseline))
