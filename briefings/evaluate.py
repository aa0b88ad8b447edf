"""Score an extraction engine against the annotated corpus exactly as SCHEMA.md "Scoring" says.

The scores are the regression floor of the suite and the table in the README, so the
matching rules live in one place: claims and denials match on the same sentence (after
whitespace folding) and a speaker token F1 of at least 0.5, one-to-one; open questions match
when their evidence sets share a sentence, one-to-one; entities are compared as sets.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefings.extract import extract
from briefings.model import Extraction, Report

__all__ = [
    "EvalResult",
    "Score",
    "evaluate_corpus",
    "evaluate_pairs",
    "format_table",
    "load_corpus",
    "speaker_f1",
]

SPEAKER_THRESHOLD = 0.5
_EDGE_PUNCT = "\"'“”‘’()[],;:!?."
_ENTITY_TYPES = ("people", "organizations", "places")


@dataclass(frozen=True, slots=True)
class Score:
    """Micro precision/recall/F1 from raw counts, so files can be summed before dividing."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        if self.predicted == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.matched / self.predicted

    @property
    def recall(self) -> float:
        if self.gold == 0:
            return 1.0 if self.predicted == 0 else 0.0
        return self.matched / self.gold

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def __add__(self, other: Score) -> Score:
        return Score(
            self.matched + other.matched,
            self.predicted + other.predicted,
            self.gold + other.gold,
        )

    def to_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True, slots=True)
class _Ratio:
    hits: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 0.0

    def __add__(self, other: _Ratio) -> _Ratio:
        return _Ratio(self.hits + other.hits, self.total + other.total)


@dataclass(frozen=True, slots=True)
class EvalResult:
    """Corpus-level scores; ``to_dict`` is the ``briefbot eval --json`` contract."""

    files: int = 0
    claims: Score = field(default_factory=Score)
    denials: Score = field(default_factory=Score)
    open_questions: Score = field(default_factory=Score)
    speaker_kind: _Ratio = field(default_factory=_Ratio)
    hedged: _Ratio = field(default_factory=_Ratio)
    denial_targets: _Ratio = field(default_factory=_Ratio)
    denial_speaker_kind: _Ratio = field(default_factory=_Ratio)
    entities: dict[str, Score] = field(default_factory=dict)

    @property
    def speaker_kind_accuracy(self) -> float:
        return self.speaker_kind.value

    @property
    def hedged_accuracy(self) -> float:
        return self.hedged.value

    @property
    def denial_target_accuracy(self) -> float:
        return self.denial_targets.value

    def __add__(self, other: EvalResult) -> EvalResult:
        entities = dict(self.entities)
        for kind, score in other.entities.items():
            entities[kind] = entities.get(kind, Score()) + score
        return EvalResult(
            files=self.files + other.files,
            claims=self.claims + other.claims,
            denials=self.denials + other.denials,
            open_questions=self.open_questions + other.open_questions,
            speaker_kind=self.speaker_kind + other.speaker_kind,
            hedged=self.hedged + other.hedged,
            denial_targets=self.denial_targets + other.denial_targets,
            denial_speaker_kind=self.denial_speaker_kind + other.denial_speaker_kind,
            entities=entities,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "claims": self.claims.to_dict(),
            "denials": self.denials.to_dict(),
            "open_questions": self.open_questions.to_dict(),
            "speaker_kind_accuracy": self.speaker_kind_accuracy,
            "hedged_accuracy": self.hedged_accuracy,
            "denial_target_accuracy": self.denial_target_accuracy,
            "denial_speaker_kind_accuracy": self.denial_speaker_kind.value,
            "entities": {
                kind: {"precision": s.precision, "recall": s.recall}
                for kind, s in sorted(self.entities.items())
            },
        }


def load_corpus(
    corpus_dir: Path,
    on_skip: Callable[[Path, str], None] | None = None,
    on_warn: Callable[[Path, str], None] | None = None,
) -> list[tuple[Report, dict[str, Any]]]:
    """Read every ``*.json`` report of ``corpus_dir`` (sorted by name) with its ``gold``.

    A file that is not an annotated report (unreadable, not JSON, no ``text`` or ``gold``,
    gold items of the wrong shape: a scores file saved next to the corpus, say) is skipped
    and reported to ``on_skip`` with the reason, so one stray file cannot stop a scoring
    run and is never scored as if it were a report with nothing in it.
    """
    out: list[tuple[Report, dict[str, Any]]] = []
    for path in sorted(Path(corpus_dir).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            problem: str | None = f"not UTF-8 (byte {exc.start})"
        except json.JSONDecodeError as exc:
            problem = f"not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        except OSError as exc:
            problem = f"unreadable ({exc.strerror or exc})"
        else:
            problem = _corpus_problem(data)
        if problem is not None:
            if on_skip is not None:
                on_skip(path, problem)
            continue
        if on_warn is not None:
            for warning in _corpus_warnings(data):
                on_warn(path, warning)
        report = Report(
            id=str(data.get("id") or path.stem),
            title=str(data.get("title") or ""),
            text=str(data["text"]),
            outlet=data.get("outlet"),
            url=data.get("url"),
            published=data.get("published"),
        )
        out.append((report, dict(data["gold"])))
    return out


def _corpus_problem(data: Any) -> str | None:
    """Why ``data`` is not an annotated report in the SCHEMA.md shape, or None."""
    if not isinstance(data, dict):
        return f"a JSON {type(data).__name__}, not an annotated report object"
    if not isinstance(data.get("text"), str):
        return 'no "text" string: not an annotated report'
    gold = data.get("gold")
    if not isinstance(gold, dict):
        return 'no "gold" object: not an annotated report'
    for key in ("claims", "denials", "open_questions"):
        items = gold.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            return f'gold "{key}" must be a list of objects'
    for denial in gold.get("denials", []):
        targets = denial.get("targets", [])
        if not isinstance(targets, list) or not all(
            isinstance(t, int) and not isinstance(t, bool) for t in targets
        ):
            return 'gold denial "targets" must be a list of claim indexes'
    for question in gold.get("open_questions", []):
        evidence = question.get("evidence", [])
        if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
            return 'gold question "evidence" must be a list of sentences'
    entities = gold.get("entities", {}) or {}
    if not isinstance(entities, dict) or not all(isinstance(v, list) for v in entities.values()):
        return 'gold "entities" must map each type to a list of names'
    return None


_SPEAKER_KINDS = ("named", "official", "anonymous")


def _corpus_warnings(data: dict[str, Any]) -> list[str]:
    """Annotation mistakes that leave a file scoreable but score it wrong: a gold sentence
    that is not in the text can never be matched, a ``hedged`` that is no boolean is never
    right, a target past the last claim points at nothing. The file is scored as it is."""
    text = fold(data["text"])
    gold = data["gold"]
    out: list[str] = []
    for key in ("claims", "denials"):
        for n, item in enumerate(gold.get(key, [])):
            sentence = item.get("sentence")
            if not isinstance(sentence, str) or fold(sentence) not in text:
                out.append(f"gold {key}[{n}] sentence is not in the text (it can never match)")
    for n, claim in enumerate(gold.get("claims", [])):
        if "hedged" in claim and not isinstance(claim["hedged"], bool):
            out.append(f"gold claims[{n}] hedged is {claim['hedged']!r}, not true or false")
    for key in ("claims", "denials"):
        for n, item in enumerate(gold.get(key, [])):
            # A speaker that is no string can never match; a kind outside the three is
            # never right.
            if not isinstance(item.get("speaker"), str) or not item["speaker"].strip():
                out.append(f"gold {key}[{n}] speaker is {item.get('speaker')!r}, not a name")
            kind = item.get("speaker_kind")
            if "speaker_kind" in item and kind not in _SPEAKER_KINDS:
                out.append(
                    f"gold {key}[{n}] speaker_kind is {kind!r}, not one of "
                    + ", ".join(_SPEAKER_KINDS)
                )
    count = len(gold.get("claims", []))
    for n, denial in enumerate(gold.get("denials", [])):
        for target in denial.get("targets", []):
            if not 0 <= target < count:
                out.append(f"gold denials[{n}] target {target} is not one of the {count} claims")
    return out


def evaluate_corpus(
    corpus_dir: Path,
    engine: Callable[[Report], Extraction] = extract,
    on_skip: Callable[[Path, str], None] | None = None,
    on_warn: Callable[[Path, str], None] | None = None,
) -> EvalResult:
    """Run ``engine`` over every annotated report of ``corpus_dir`` and score it."""
    return evaluate_pairs(
        (report, gold, engine(report)) for report, gold in load_corpus(corpus_dir, on_skip, on_warn)
    )


def evaluate_pairs(rows: Iterable[tuple[Report, dict[str, Any], Extraction]]) -> EvalResult:
    """Score already-computed extractions; the sum over files is micro-averaged."""
    total = EvalResult()
    for _report, gold, predicted in rows:
        total = total + _score_file(gold, predicted.to_dict())
    return total


def fold(text: str) -> str:
    """Whitespace folding used for every sentence comparison."""
    return " ".join(text.split())


def _tokens(speaker: str) -> list[str]:
    tokens = (t.strip(_EDGE_PUNCT) for t in speaker.lower().split())
    return [t for t in tokens if t]


def speaker_f1(a: str, b: str) -> float:
    """Token F1 of two lower-cased speaker strings (multiset overlap)."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    pool = list(tb)
    common = 0
    for token in ta:
        if token in pool:
            pool.remove(token)
            common += 1
    if common == 0:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def _match_items(pred: Sequence[dict[str, Any]], gold: Sequence[dict[str, Any]]) -> dict[int, int]:
    """One-to-one pred→gold matching: same sentence, speaker F1 ≥ 0.5, best overlap first."""
    pairs: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        g_sentence = fold(str(g.get("sentence", "")))
        for pi, p in enumerate(pred):
            if fold(str(p.get("sentence", ""))) != g_sentence:
                continue
            f1 = speaker_f1(str(p.get("speaker", "")), str(g.get("speaker", "")))
            if f1 >= SPEAKER_THRESHOLD:
                pairs.append((-f1, gi, pi))
    pairs.sort()
    used_gold: set[int] = set()
    matched: dict[int, int] = {}
    for _neg, gi, pi in pairs:
        if gi in used_gold or pi in matched:
            continue
        used_gold.add(gi)
        matched[pi] = gi
    return matched


def _match_questions(pred: Sequence[dict[str, Any]], gold: Sequence[dict[str, Any]]) -> int:
    """Size of a maximum one-to-one matching of questions sharing an evidence sentence."""
    gold_sets = [{fold(s) for s in g.get("evidence", [])} for g in gold]
    edges: list[list[int]] = []
    for p in pred:
        evidence = {fold(s) for s in p.get("evidence", [])}
        edges.append([gi for gi, gs in enumerate(gold_sets) if evidence & gs])
    owner: dict[int, int] = {}

    def augment(pi: int, seen: set[int]) -> bool:
        for gi in edges[pi]:
            if gi in seen:
                continue
            seen.add(gi)
            if gi not in owner or augment(owner[gi], seen):
                owner[gi] = pi
                return True
        return False

    return sum(1 for pi in range(len(pred)) if augment(pi, set()))


def _score_file(gold: dict[str, Any], pred: dict[str, Any]) -> EvalResult:
    g_claims = list(gold.get("claims", []))
    p_claims = list(pred.get("claims", []))
    claim_map = _match_items(p_claims, g_claims)
    kind_hits = sum(
        p_claims[pi].get("speaker_kind") == g_claims[gi].get("speaker_kind")
        for pi, gi in claim_map.items()
    )
    hedge_hits = sum(
        bool(p_claims[pi].get("hedged")) == bool(g_claims[gi].get("hedged"))
        for pi, gi in claim_map.items()
    )

    g_denials = list(gold.get("denials", []))
    p_denials = list(pred.get("denials", []))
    denial_map = _match_items(p_denials, g_denials)
    denial_kind_hits = sum(
        p_denials[pi].get("speaker_kind") == g_denials[gi].get("speaker_kind")
        for pi, gi in denial_map.items()
    )
    target_hits = 0
    for pi, gi in denial_map.items():
        mapped = {claim_map.get(int(t), -1 - int(t)) for t in p_denials[pi].get("targets", [])}
        if mapped == {int(t) for t in g_denials[gi].get("targets", [])}:
            target_hits += 1

    g_questions = list(gold.get("open_questions", []))
    p_questions = list(pred.get("open_questions", []))
    q_matched = _match_questions(p_questions, g_questions)

    entities: dict[str, Score] = {}
    g_ent = gold.get("entities", {}) or {}
    p_ent = pred.get("entities", {}) or {}
    for kind in _ENTITY_TYPES:
        gs = {str(e).casefold() for e in g_ent.get(kind, [])}
        ps = {str(e).casefold() for e in p_ent.get(kind, [])}
        entities[kind] = Score(len(gs & ps), len(ps), len(gs))

    return EvalResult(
        files=1,
        claims=Score(len(claim_map), len(p_claims), len(g_claims)),
        denials=Score(len(denial_map), len(p_denials), len(g_denials)),
        open_questions=Score(q_matched, len(p_questions), len(g_questions)),
        speaker_kind=_Ratio(kind_hits, len(claim_map)),
        denial_speaker_kind=_Ratio(denial_kind_hits, len(denial_map)),
        hedged=_Ratio(hedge_hits, len(claim_map)),
        denial_targets=_Ratio(target_hits, len(denial_map)),
        entities=entities,
    )


def _score_pick(name: str, metric: str) -> Callable[[EvalResult], float]:
    def pick(result: EvalResult) -> float:
        return float(getattr(getattr(result, name), metric))

    return pick


def _entity_pick(kind: str, metric: str) -> Callable[[EvalResult], float]:
    def pick(result: EvalResult) -> float:
        return float(getattr(result.entities.get(kind, Score()), metric))

    return pick


def format_table(result: EvalResult, baseline: EvalResult | None = None) -> str:
    """A fixed-width table of the engine's scores, with a baseline column when given."""
    columns = ["engine"] + (["baseline"] if baseline is not None else [])
    results = [result] + ([baseline] if baseline is not None else [])
    rows: list[tuple[str, list[str]]] = []

    def add(label: str, pick: Callable[[EvalResult], float]) -> None:
        rows.append((label, [f"{pick(r):.3f}" for r in results]))

    for name in ("claims", "denials", "open_questions"):
        for metric in ("precision", "recall", "f1"):
            add(f"{name.replace('_', ' ')} {metric}", _score_pick(name, metric))
    add("speaker kind accuracy", lambda r: r.speaker_kind_accuracy)
    add("hedged accuracy", lambda r: r.hedged_accuracy)
    add("denial target accuracy", lambda r: r.denial_target_accuracy)
    add("denial speaker kind accuracy", lambda r: r.denial_speaker_kind.value)
    for kind in _ENTITY_TYPES:
        for metric in ("precision", "recall"):
            add(f"entities {kind} {metric[0]}", _entity_pick(kind, metric))
    width = max(len(label) for label, _ in rows)
    files = f"{result.files} file" + ("" if result.files == 1 else "s")
    header = f"{'metric (' + files + ')':<{width}}  " + "  ".join(f"{c:>8}" for c in columns)
    lines = [header, "-" * len(header)]
    lines += [f"{label:<{width}}  " + "  ".join(f"{v:>8}" for v in vals) for label, vals in rows]
    return "\n".join(lines)
