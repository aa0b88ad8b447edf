"""Patterns matched at a word start, compiled so that ``re`` tries few branches at each.

A long alternation of cue phrases searched at every word start is a costly part of a scan
that reads every sentence; written letter-first and grouped by letter, each word start
tries only the branches that begin with its letter. The rewriting reads only pattern text,
never a sentence, so it stands apart from the question rules whose cue list it compiles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

__all__ = ["word_start_pattern"]


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """Each structural character of ``pattern`` (a ``|`` or parenthesis outside escapes and
    character sets) with its index and the group depth after it."""
    depth, i, in_set = 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_set:
            in_set = ch != "]"
        elif ch == "[":
            in_set = True
        elif ch in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[ch]
            yield i, ch, depth
        i += 1


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern``: split at each ``|`` outside groups and sets."""
    cuts = [i for i, ch, depth in _structure(pattern) if ch == "|" and depth == 0]
    bounds = [-1, *cuts, len(pattern)]
    return [pattern[a + 1 : b] for a, b in pairwise(bounds)]


def _letter_led(alternative: str) -> list[str]:
    """``alternative`` as alternatives that each start with a literal letter where it can be:
    a leading group ``(?:a|b)rest`` becomes ``arest|brest``, which matches the same text
    (the branches are tried in the same order)."""
    if not alternative.startswith("(?:"):
        return [alternative]
    close = next(
        (i for i, ch, depth in _structure(alternative) if ch == ")" and depth == 0),
        len(alternative),
    )
    rest = alternative[close + 1 :]
    if rest[:1] in ("?", "*", "+", "{"):
        return [alternative]
    return [
        led for inner in _alternatives(alternative[3:close]) for led in _letter_led(inner + rest)
    ]


def word_start_pattern(patterns: Sequence[str], letters: str) -> re.Pattern[str]:
    """``patterns`` matched at a word start (``\\b``, with a lookahead of the ``letters`` they
    start with), as a search of ``" " + text`` for a non-word character followed by the
    match, which is group 1.

    ``re`` runs its matcher at every position of a pattern that opens with ``\\b``, and then
    tries each branch of the alternation at every word start; a leading character set lets it
    skip the letters in C and enter the matcher only after spaces and punctuation. The
    branches are grouped by their first letter, each group's letter written once, so a word
    start tries only the branches that begin with its letter; the order within a group is
    kept, so the same branch wins. Patterns that cannot be written letter-first keep the
    plain alternation.
    """
    branches = [led for p in patterns for alt in _alternatives(p) for led in _letter_led(alt)]
    by_letter: dict[str, list[str]] = {}
    for branch in branches:
        if not branch or branch[0] not in letters or branch[1:2] in ("?", "*", "{"):
            # An optional or non-letter start: no grouping.
            return re.compile(rf"\W(?=[{letters}])(" + "|".join(patterns) + ")")
        by_letter.setdefault(branch[0], []).append(branch)
    groups = ("(?:" + "|".join(group) + ")" for group in by_letter.values())
    return re.compile(r"\W(" + "|".join(groups) + ")")
