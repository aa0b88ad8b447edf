"""Open questions: what a report leaves unresolved — contested, pending or unconfirmed."""

from __future__ import annotations

from collections.abc import Sequence

from briefings.model import Claim, Denial, OpenQuestion, Sentence

__all__ = ["find_open_questions"]


def find_open_questions(
    sentences: Sequence[Sentence], claims: Sequence[Claim], denials: Sequence[Denial]
) -> list[OpenQuestion]:
    return []
