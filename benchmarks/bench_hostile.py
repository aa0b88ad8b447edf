"""Extraction speed on text shaped unlike news: the worst case a feed can hand the engine.

The dev-corpus figure says how fast ordinary reports go. A scraped page can instead be a
table, a list or a transcript without a single full stop, and rules that look around each
cue cost time in the square of a sentence's length — before the segmenter bounded
sentences, 100 KB of unpunctuated words took 90 s. Each shape here is ~100 KB; the figure
that matters is the slowest shape's kilobytes per second (CPU time, one process).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefings.extract import extract  # noqa: E402

SIZE = 100_000

# Each shape is a unit repeated to SIZE characters.
SHAPES: dict[str, str] = {
    "markdown table, no full stops": "| Ana Ruiz | said | denied | 12 | the ministry |\n",
    "unpunctuated words": "the officials denied reports that it was not true according to sources ",
    "comma run": "said, ",
    "one-line sentences": "He said no.\n\n",
    "capitalised run": "Minister Foreign Affairs Council Said ",
    "open quote never closed": "“We deny it, ",
}


def shape_text(unit: str, size: int = SIZE) -> str:
    return unit * (size // len(unit) + 1)


def measure(size: int = SIZE) -> dict[str, float]:
    """KB of text extracted per CPU second, for each shape."""
    extract("Warm up: the spokesman said the gazetteer loads once.")
    rates: dict[str, float] = {}
    for name, unit in SHAPES.items():
        text = shape_text(unit, size)
        start = time.process_time()
        extract(text)
        cpu = time.process_time() - start
        rates[name] = len(text) / 1000 / cpu if cpu > 0 else float("inf")
    return rates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=SIZE, help="characters per shape")
    parser.add_argument("--json", type=Path, default=None, help="write a JSON fragment here")
    args = parser.parse_args(argv)
    rates = measure(args.size)
    for name, rate in rates.items():
        print(f"hostile {name:32s} {rate:8,.0f} KB/s")
    slowest = min(rates.values())
    print(f"extract_hostile_kb_per_s {slowest:,.0f}  (slowest shape)")
    if args.json is not None:
        args.json.write_text(
            json.dumps({"extract_hostile_kb_per_s": round(slowest, 1)}) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
