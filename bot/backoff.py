"""How long to wait before trying a platform that did not answer again: doubling from
``first`` up to ``ceiling``, so a platform down for hours is asked once a minute, not in a
loop that floods the log."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Backoff:
    first: float = 1.0
    ceiling: float = 60.0

    def delay(self, failures: int) -> float:
        """The wait after the ``failures``-th failure in a row (1 for the first)."""
        return min(self.first * 2.0 ** max(failures - 1, 0), self.ceiling)
