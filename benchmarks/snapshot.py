"""Proof that a speed change left the engine's output alone: write a snapshot, then check it.

    python -m benchmarks.snapshot write /tmp/engine.snap    # before the change
    python -m benchmarks.snapshot check /tmp/engine.snap    # after: exit 1 on any difference

The texts are every report the project can read (the dev corpus beside the checkout, the
team's own fixtures under ``tests/fixtures/engine``, the seeds) plus deterministic mixtures
of their paragraphs and a few mangled copies (lower-cased, quotes straightened, newlines
folded), so that rules meet neighbours and spellings no single report gives them. The same
seed always gives the same texts. Each line of the snapshot is one text's whole extraction
as JSON; ``check`` names the first text that differs and shows both outputs.

This is a development tool, not a test: rules change on purpose, and then the snapshot is
simply written again.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefings.extract import extract  # noqa: E402
from briefings.model import Report  # noqa: E402

_MIXTURES = 700
_MANGLED = 150


def _read_texts(folder: Path) -> list[str]:
    texts: list[str] = []
    for path in sorted(folder.glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8")).get("text", "")
        if isinstance(text, str) and text.strip():
            texts.append(text)
    for path in sorted(folder.glob("*.md")):
        texts.append(path.read_text(encoding="utf-8"))
    return texts


def snapshot_texts(seed: int = 7) -> list[str]:
    """The texts the snapshot covers, the same list for the same seed and sources."""
    corpus = Path(os.environ.get("BRIEFBOT_CORPUS_DIR", ROOT / ".." / "shared" / "corpus" / "dev"))
    base = (
        _read_texts(corpus)
        + _read_texts(ROOT / "tests" / "fixtures" / "engine")
        + _read_texts(ROOT / "seeds")
    )
    rng = random.Random(seed)
    paragraphs = [p for text in base for p in text.split("\n\n") if p.strip()]
    mixtures = ["\n\n".join(rng.sample(paragraphs, rng.randint(2, 9))) for _ in range(_MIXTURES)]
    mangled: list[str] = []
    for _ in range(_MANGLED):
        text = rng.choice(base)
        how = rng.randrange(4)
        if how == 0:
            text = text.lower()
        elif how == 1:
            text = text.replace("“", '"').replace("”", '"').replace("’", "'")
        elif how == 2:
            text = text.replace("\n", " ")
        else:
            text = text.upper()
        mangled.append(text)
    return base + mixtures + mangled


def _line(text: str) -> str:
    result = extract(Report(id="snapshot", title="", text=text))
    return json.dumps(dataclasses.asdict(result), ensure_ascii=False, sort_keys=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("write", "check"))
    parser.add_argument("path", type=Path)
    args = parser.parse_args(argv)
    texts = snapshot_texts()
    if args.action == "write":
        lines = [_line(text) for text in texts]
        args.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines)} extractions to {args.path}")
        return 0
    expected = args.path.read_text(encoding="utf-8").splitlines()
    if len(expected) != len(texts):
        print(f"snapshot has {len(expected)} lines, there are {len(texts)} texts: write it again")
        return 1
    for number, (text, want) in enumerate(zip(texts, expected, strict=True)):
        got = _line(text)
        if got != want:
            print(f"text {number} differs: {text[:120]!r}")
            print(f"  expected: {want[:2000]}")
            print(f"  got:      {got[:2000]}")
            return 1
    print(f"all {len(texts)} extractions identical")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
