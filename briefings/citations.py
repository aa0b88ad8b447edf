"""The report numbers each part of a split message cites, and packing parts into messages
that name every number they cite.

Quotes cite reports by number ("… [13]"), and the list that names them ends a brief (and
each topic of a digest). A rendering too long for one chat message is split, and a reader
often has one message alone: the first four of an ephemeral Slack answer, a brief cut at the
message cap, the overview a channel shows of a long digest whose lists are in its thread.
Its numbers then named nothing the reader could see. So every rendered part says which
numbers it cites and which it names (a line of the list), and ``pack`` closes each message
early enough that a key of the numbers it cites and does not name fits beside its parts,
counted against the same limits they are. A message that holds its whole list names what
it cites and gets no key, so a rendering of one message is what it always was.

Platform-neutral and pure: the renderer gives each part its cost and renders the key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from briefings.event_parts import Continued
from briefings.model import Evidence
from briefings.similarity import sentence_key

__all__ = [
    "CITED_REPORTS",
    "Cost",
    "KeyRender",
    "Part",
    "Ref",
    "cited_numbers",
    "fit_key",
    "pack",
    "quote_groups",
    "quoted",
    "unnamed",
]

T = TypeVar("T")

Ref = tuple[int, int]
"""A report number as a rendering cites it: (the place of its brief among the briefs
rendered, the number). Each topic of a digest numbers its reports from 1."""

Cost = tuple[int, ...]
"""What a part takes of each limit of a message (Slack: characters, blocks; Matrix: bytes)."""

KeyRender = Callable[[Sequence[Ref], bool, int], T]
"""Renders the key of some numbers: ``(refs, linked, more)``, ``more`` counting the numbers
left out for want of room."""

# Report numbers one quote's label shows before it counts the rest: a claim that twenty
# wire copies carry would otherwise cite all twenty. Those counted ("and 15 more") are
# cited by no number, so no key names them.
CITED_REPORTS = 5


@dataclass(frozen=True, slots=True)
class Part(Generic[T]):
    """One unit the splitter may put in a message (a Slack block, a Matrix piece): its
    cost, the numbers its text cites and those it names (lines of the list of reports)."""

    content: T
    cost: Cost
    cites: frozenset[Ref] = frozenset()
    names: frozenset[Ref] = frozenset()


def quoted(
    evidence: Sequence[Evidence], refs: Mapping[str, int]
) -> list[tuple[str, tuple[int, ...], tuple[str, ...]]]:
    """Each evidence sentence once, as first quoted, with the sorted numbers of the listed
    reports that carry it and the ids of any that are not listed.

    Keyed by the words: wire copies re-type apostrophes and line breaks."""
    groups: dict[str, tuple[str, list[int], list[str]]] = {}
    for e in evidence:
        _, numbers, others = groups.setdefault(sentence_key(e.sentence), (e.sentence, [], []))
        if e.report in refs:
            numbers.append(refs[e.report])
        else:
            others.append(e.report)
    return [
        (sentence, tuple(sorted(set(numbers))), tuple(dict.fromkeys(others)))
        for sentence, numbers, others in groups.values()
    ]


def quote_groups(kind: str, item: Any) -> tuple[tuple[Sequence[Evidence], ...], Mapping[str, int]]:
    """The evidence lists a section of ``kind`` quotes, in the order it shows them (a
    question's answers after its evidence), and the numbers of its brief's reports."""
    if isinstance(item, Continued):
        return (item.evidence, item.closed_by), item.refs
    if kind in ("claim", "denial", "question"):
        obj = item[0]
        return (obj.evidence, getattr(obj, "closed_by", ())), item[1]
    return (), {}


def cited_numbers(kind: str, item: Any) -> frozenset[int]:
    """The report numbers a section of ``kind`` shows: those its quotes' labels cite, or its
    highlights' (an overview). The same grouping and cut as the labels themselves."""
    if kind == "overview":
        return frozenset(n for h in item.highlights for n in h.refs[:CITED_REPORTS])
    groups, refs = quote_groups(kind, item)
    return frozenset(
        n
        for group in groups
        for _, numbers, _ in quoted(group, refs)
        for n in numbers[:CITED_REPORTS]
    )


def unnamed(parts: Sequence[Part[Any]]) -> list[Ref]:
    """What ``parts`` cite and do not name, in order: what their message's key must name."""
    cites: set[Ref] = set().union(*(p.cites for p in parts))
    names: set[Ref] = set().union(*(p.names for p in parts))
    return sorted(cites - names)


def pack(
    parts: Sequence[Part[T]],
    limits: Cost,
    key_cost: Callable[[Sequence[Ref]], Cost],
    never_first: Callable[[T], bool] = lambda _: False,
) -> list[list[Part[T]]]:
    """``parts`` in order, in groups that each fit ``limits`` together with the key of what
    the group cites and does not name (``key_cost`` of those numbers).

    The rest of the parts is taken whole when it fits with its key: read one at a time, the
    quotes before a list would count a key the list then makes needless, and a brief that
    fits one message would be split. A part too large for any group with its key is a group
    of its own: the renderer fits what it can of the key beside it (``fit_key``). Parts for
    which ``never_first`` holds (a divider) are dropped rather than open a group.
    """
    zero: Cost = tuple(0 for _ in limits)
    last: tuple[list[Ref], Cost] = ([], zero)

    def fits(size: Cost, cites: frozenset[Ref], names: frozenset[Ref]) -> bool:
        nonlocal last
        missing = sorted(cites - names)
        if missing != last[0]:
            last = (missing, key_cost(missing) if missing else zero)
        return all(s + k <= limit for s, k, limit in zip(size, last[1], limits, strict=True))

    def total(costs: Sequence[Cost]) -> Cost:
        return tuple(map(sum, zip(*costs, strict=True))) if costs else zero

    suffix: list[Cost] = [zero] * (len(parts) + 1)
    for i in range(len(parts) - 1, -1, -1):
        suffix[i] = total((parts[i].cost, suffix[i + 1]))

    groups: list[list[Part[T]]] = []
    i = 0
    while i < len(parts):
        if never_first(parts[i].content):
            i += 1
            continue
        rest = parts[i:]
        if all(s <= limit for s, limit in zip(suffix[i], limits, strict=True)) and fits(
            suffix[i],
            frozenset().union(*(p.cites for p in rest)),
            frozenset().union(*(p.names for p in rest)),
        ):
            groups.append(list(rest))
            break
        group, size = [parts[i]], parts[i].cost
        cites, names = parts[i].cites, parts[i].names
        i += 1
        while i < len(parts):
            part = parts[i]
            grown = total((size, part.cost))
            if not fits(grown, cites | part.cites, names | part.names):
                break
            group.append(part)
            size, cites, names = grown, cites | part.cites, names | part.names
            i += 1
        groups.append(group)
    return groups


def fit_key(
    refs: Sequence[Ref], render: KeyRender[T], cost: Callable[[T], Cost], room: Cost
) -> T | None:
    """The key of ``refs`` that fits ``room``: with links; else without them; else as many
    entries as fit and how many more there are. None when not even that fits.

    Only a message of one part citing more reports than a message holds names fewer than
    all: a part is never pushed out of its message to make room for its key."""

    def within(key: T) -> bool:
        return all(c <= r for c, r in zip(cost(key), room, strict=True))

    for linked in (True, False):
        key = render(refs, linked, 0)
        if within(key):
            return key
    best: T | None = None
    low, high = 0, len(refs)  # entries shown: ``low`` fits (or is tried first), ``high`` not
    while low < high:
        middle = (low + high) // 2
        key = render(refs[:middle], False, len(refs) - middle)
        if within(key):
            best, low = key, middle + 1
        else:
            high = middle
    return best
