"""Extraction throughput (words/s on one core) and peak memory over the dev corpus texts.

The corpus texts are repeated until at least ``--words`` words have been extracted, one
report at a time, as the store's ingest path would. Prints one line per metric; with
``--json PATH`` also writes ``{"extract_words_per_s": …, "extract_peak_rss_mb": …}``.

Honest about repetition: the same texts come round again, so any memo cache keyed on text
(sentence terms, speaker matches, word stems) would hit far more often here than on fresh
news. Before every report the bench clears every such cache of the engine's modules (each
``functools`` cache whose function takes an argument); only loaded data (the gazetteer,
compiled patterns) survives, as it would in a long-running bot. ``--keep-caches`` shows
the inflated figure for comparison.
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefings.claims import find_attributions  # noqa: E402
from briefings.denials import find_denial_cues  # noqa: E402
from briefings.entities import extract_entities  # noqa: E402
from briefings.extract import extract  # noqa: E402
from briefings.model import Report  # noqa: E402
from briefings.segment import split_sentences  # noqa: E402


def _corpus_dir() -> Path:
    env = os.environ.get("BRIEFBOT_CORPUS_DIR")
    return Path(env) if env else ROOT / ".." / "shared" / "corpus" / "dev"


def _texts(corpus: Path) -> list[str]:
    texts = [
        str(json.loads(p.read_text(encoding="utf-8")).get("text", ""))
        for p in sorted(corpus.glob("*.json"))
    ]
    return [t for t in texts if t.strip()]


def _text_caches() -> list[Callable[[], None]]:
    """``cache_clear`` of every memo cache in the engine keyed on its argument(s)."""
    clears: list[Callable[[], None]] = []
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("briefings.") or module is None:
            continue
        for attr in vars(module).values():
            clear = getattr(attr, "cache_clear", None)
            wrapped = getattr(attr, "__wrapped__", None)
            if clear is None or wrapped is None or getattr(attr, "__module__", "") != name:
                continue
            if inspect.signature(wrapped).parameters:
                clears.append(clear)
    return clears


_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


def _reset_peak_rss() -> None:
    """Start the peak over from the current RSS (Linux).

    ``ru_maxrss`` cannot be reset, and a process started by ``make bench`` inherits its
    parent's high-water mark across fork and exec (80 MB of benchmark runner, not engine),
    so on Linux the peak is read from ``VmHWM`` after writing 5 to ``clear_refs``.
    """
    with contextlib.suppress(OSError):
        _CLEAR_REFS.write_text("5", encoding="ascii")


def _peak_rss_mb() -> float:
    try:
        for line in _STATUS.read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # ru_maxrss is KiB on Linux, bytes on macOS.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _stage_rates(
    texts: list[str], clears: list[Callable[[], None]], words: int
) -> list[tuple[str, float]]:
    """Words per CPU second of single stages run alone over the same texts.

    They bound what any tuning of the whole can reach: a target above the rate of a few
    stages together cannot be met by making the rest cheaper.
    """
    sentences = [[s.text for s in split_sentences(text)] for text in texts]
    sizes = [len(text.split()) for text in texts]
    stages: list[tuple[str, Callable[[int], object]]] = [
        ("sentences", lambda i: split_sentences(texts[i])),
        ("entities", lambda i: extract_entities(texts[i])),
        ("claim cues and speakers", lambda i: [find_attributions(s) for s in sentences[i]]),
        ("denial cues", lambda i: [find_denial_cues(s) for s in sentences[i]]),
    ]
    rates: list[tuple[str, float]] = []
    for name, run in stages:
        done = 0
        i = 0
        cpu_start = time.process_time()
        while done < words:
            for clear in clears:
                clear()
            run(i % len(texts))
            done += sizes[i % len(texts)]
            i += 1
        cpu = time.process_time() - cpu_start
        rates.append((name, done / cpu if cpu > 0 else float("inf")))
    return rates


def _long_report_rate(texts: list[str], words: int) -> tuple[float, int, float, float]:
    """Words per CPU second, the words, the seconds and the peak RSS (MB) of extracting
    one report of at least ``words`` words: the corpus texts joined, paragraph after
    paragraph, as a long transcript or a scraped dossier would arrive in one file.

    The per-report figure above never meets the stages whose work grows with the square of
    a report's items; this one does, and shows whether a long text stays linear.
    """
    joined: list[str] = []
    total = 0
    while total < words:
        for text in texts:
            joined.append(text)
            total += len(text.split())
    report = Report(id="bench-long", title="", text="\n\n".join(joined))
    _reset_peak_rss()
    cpu_start = time.process_time()
    extract(report)
    cpu = time.process_time() - cpu_start
    return (total / cpu if cpu > 0 else float("inf"), total, cpu, _peak_rss_mb())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=_corpus_dir())
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--json", type=Path, default=None, help="write a JSON fragment here")
    parser.add_argument(
        "--keep-caches",
        action="store_true",
        help="keep text memo caches between reports (inflated by the repeated texts)",
    )
    parser.add_argument(
        "--stages",
        action="store_true",
        help="also time single stages alone (sentences, entities, claim and denial cues)",
    )
    parser.add_argument(
        "--long-words",
        type=int,
        default=200_000,
        help="also extract one report of this many words (0: skip)",
    )
    args = parser.parse_args(argv)

    texts = _texts(args.corpus)
    if not texts:
        print(f"no report texts under {args.corpus}", file=sys.stderr)
        return 2
    reports = [Report(id=f"bench-{i}", title="", text=text) for i, text in enumerate(texts)]
    sizes = [len(text.split()) for text in texts]
    extract(reports[0])  # load the gazetteer and compile the patterns once
    clears = [] if args.keep_caches else _text_caches()
    _reset_peak_rss()

    words = 0
    i = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    while words < args.words:
        # Vary the id so nothing can be memoized per report.
        index = i % len(reports)
        for clear in clears:
            clear()
        extract(Report(id=f"bench-{i}", title="", text=reports[index].text))
        words += sizes[index]
        i += 1
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start

    # CPU time is the one-core figure; wall time is shown too, as other load on the machine
    # slows it down without saying anything about the engine.
    rate = words / cpu if cpu > 0 else float("inf")
    wall_rate = words / elapsed if elapsed > 0 else float("inf")
    rss = _peak_rss_mb()
    print(
        f"extract_words_per_s {rate:,.0f}  ({words:,} words, {i:,} reports, {cpu:.2f} s CPU; "
        f"wall {wall_rate:,.0f} words/s; {len(clears)} text caches cleared per report)"
    )
    print(f"extract_peak_rss_mb {rss:.1f}")
    if args.stages:
        for name, stage_rate in _stage_rates(texts, clears, args.words // 5):
            print(f"  stage alone: {name:<24} {stage_rate:>12,.0f} words/s")
    figures: dict[str, float] = {
        "extract_words_per_s": round(rate),
        "extract_peak_rss_mb": round(rss, 1),
    }
    if args.long_words > 0:
        for clear in clears:
            clear()
        long_rate, long_words, long_cpu, long_rss = _long_report_rate(texts, args.long_words)
        print(
            f"extract_long_report_words_per_s {long_rate:,.0f}  (one report of {long_words:,} "
            f"words, {long_cpu:.2f} s CPU, peak RSS {long_rss:.1f} MB)"
        )
        figures["extract_long_report_words_per_s"] = round(long_rate)
        figures["extract_long_report_peak_rss_mb"] = round(long_rss, 1)
    if args.json is not None:
        args.json.write_text(json.dumps(figures) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
