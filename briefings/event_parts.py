"""Splitting one brief item too large for a Matrix event into several, between its quotes.

A claim carried by many wire copies holds one evidence quote per copy, and rendered whole it
can pass the 64 KiB a Matrix event may hold. Cutting it would drop quotes that the command
line and Slack show (principles 1 and 5), so the item is split between quotes instead: the
first part is the item as the templates always render it, with as many of its quotes as fit;
each further part names the item again as continued, with the next quotes. Every part goes
through the same autoescaping templates, so each is sanitized HTML with its plain body. Only a
single quote that cannot fit an event even alone is cut, and the cut says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from briefings.model import BriefQuestion, Evidence

Piece = tuple[str, str]
"""One section rendered for Matrix: the plain ``body`` text and the ``formatted_body`` HTML."""
RenderSection = Callable[[str, Any], Piece]
PieceCost = Callable[[Piece], int]

SPLITTABLE_KINDS = frozenset({"claim", "denial", "question"})


@dataclass(frozen=True, slots=True)
class Continued:
    """The next quotes of an item split across events, for the templates' ``continued`` macro.

    ``first`` numbers the part's first quote from 1 among the item's ``total``, so a reader of
    one event knows where it stands in the item.
    """

    title: str
    evidence: tuple[Evidence, ...]
    closed_by: tuple[Evidence, ...]
    refs: dict[str, int]
    first: int
    total: int

    @property
    def last(self) -> int:
        return self.first + len(self.evidence) + len(self.closed_by) - 1


@dataclass(frozen=True, slots=True)
class _Quote:
    evidence: Evidence
    answer: bool  # from a question's ``closed_by`` rather than its ``evidence``


def split_item(
    kind: str, item: tuple[Any, ...], render: RenderSection, cost: PieceCost, limit: int
) -> list[Piece] | None:
    """``item`` (a section of ``kind``) as parts that each cost at most ``limit``, in order and
    with every quote; None when even its first quote, cut to nothing, cannot fit."""
    obj = item[0]
    quotes = [_Quote(e, False) for e in obj.evidence]
    quotes += [_Quote(e, True) for e in getattr(obj, "closed_by", ())]
    if kind not in SPLITTABLE_KINDS or not quotes:
        return None

    def part(start: int, end: int) -> Piece:
        chunk = quotes[start:end]
        evidence = tuple(q.evidence for q in chunk if not q.answer)
        answers = tuple(q.evidence for q in chunk if q.answer)
        if start > 0:
            title = obj.question if isinstance(obj, BriefQuestion) else obj.speaker
            return render(
                "continued", Continued(title, evidence, answers, item[1], start + 1, len(quotes))
            )
        if isinstance(obj, BriefQuestion):
            # The whole answer list rides along so the first part still says "answered"
            # when the answers themselves only come in a later part.
            return render(
                kind, (replace(obj, evidence=evidence, closed_by=answers), item[1], obj.closed_by)
            )
        return render(kind, (replace(obj, evidence=evidence), *item[1:]))

    def fits(start: int, end: int) -> bool:
        return cost(part(start, end)) <= limit

    parts: list[Piece] = []
    start = 0
    while start < len(quotes):
        if not fits(start, start + 1):
            cut = _cut_to_fit(quotes, start, fits)
            if cut is None:
                return None
            quotes[start] = cut
        end = _furthest_fit(start, len(quotes), fits)
        parts.append(part(start, end))
        start = end
    return parts


def _furthest_fit(start: int, count: int, fits: Callable[[int, int], bool]) -> int:
    """The largest ``end`` for which quotes ``start:end`` fit one part (``start + 1`` does)."""
    good, step = start + 1, 1
    while good < count and fits(start, min(good + step, count)):
        good = min(good + step, count)
        step *= 2
    bad = min(good + step, count + 1)
    while bad - good > 1:
        middle = (good + bad) // 2
        if fits(start, middle):
            good = middle
        else:
            bad = middle
    return good


def _cut_to_fit(
    quotes: list[_Quote], index: int, fits: Callable[[int, int], bool]
) -> _Quote | None:
    """The quote at ``index`` cut to the longest start that fits alone, saying it was cut."""
    whole = quotes[index]
    sentence = whole.evidence.sentence

    def cut(length: int) -> _Quote:
        text = (
            f"{sentence[:length].rstrip()}… [quote cut: it runs to {len(sentence):,} "
            "characters, more than one Matrix message holds; `briefbot brief` on the command "
            "line shows it whole]"
        )
        return replace(whole, evidence=replace(whole.evidence, sentence=text))

    good, bad = -1, len(sentence)
    while bad - good > 1:
        middle = (good + bad) // 2
        quotes[index] = cut(middle)
        if fits(index, index + 1):
            good = middle
        else:
            bad = middle
    quotes[index] = whole
    return cut(good) if good >= 0 else None
