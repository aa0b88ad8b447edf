"""Long reports are read in sections, so that reading one costs time in proportion to its length.

The report-level stages (linking denials to claims, gathering disputes, placing question
evidence) compare each item with the others of its report, so their work grows with the
square of a report's claims. A news report is a few hundred to a few thousand words, and
that square is small; a 300-page transcript accepted under the size cap would hold one
ingest for the better part of an hour. Beyond ``SECTION_WORDS`` a report is cut, at
paragraph breaks where it has them, into sections that are each read as a report of their
own (with the whole report's names, so "Peskov" still resolves to the Dmitry Peskov of an
earlier section); their items are then put back in order into one extraction.

What is given up is only what no reader would ask of such a text: a denial in one section
does not target a claim ten thousand words away in another, and a dispute does not span two.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from briefings.model import Claim, Denial, OpenQuestion, Sentence

__all__ = ["SECTION_WORDS", "Section", "plan_sections", "shift_items", "surely_whole"]

# Several times the length of a long news feature: every report of the dev corpus and of
# the annotated sets (the longest ~350 words) is read whole, as is a 10,000-word long read.
SECTION_WORDS = 10_000
# A section that has reached ``SECTION_WORDS`` ends at the next paragraph break, or after
# half as many words again when a paragraph runs on (an unbroken transcript or scrape).
_OVERRUN = SECTION_WORDS // 2


class Section:
    """A run of a report's sentences, re-based to start at zero within its own text."""

    __slots__ = ("first", "sentences", "text")

    def __init__(self, text: str, sentences: Sequence[Sentence]) -> None:
        head, tail = sentences[0], sentences[-1]
        self.first = head.index
        self.text = text[head.start : tail.end]
        self.sentences = [
            Sentence(
                s.index - head.index,
                s.text,
                s.start - head.start,
                s.end - head.start,
                s.paragraph - head.paragraph,
            )
            for s in sentences
        ]


def surely_whole(text: str) -> bool:
    """Whether ``text`` is read whole without counting its words: a word takes at least two
    characters with its space, so a text shorter than twice the threshold cannot exceed it.
    Nearly every report is decided here."""
    return len(text) < 2 * SECTION_WORDS


def plan_sections(text: str, sentences: Sequence[Sentence]) -> list[Section]:
    """The sections ``text`` is read in: one, the whole report, unless it is long."""
    if surely_whole(text):
        return [Section(text, sentences)] if sentences else []
    sizes = [len(s.text.split()) for s in sentences]
    if sum(sizes) <= SECTION_WORDS:
        return [Section(text, sentences)] if sentences else []
    sections: list[Section] = []
    start = 0
    words = 0
    for i, s in enumerate(sentences):
        if i > start and words >= SECTION_WORDS:
            new_paragraph = s.paragraph != sentences[i - 1].paragraph
            if new_paragraph or words >= SECTION_WORDS + _OVERRUN:
                sections.append(Section(text, sentences[start:i]))
                start, words = i, 0
        words += sizes[i]
    sections.append(Section(text, sentences[start:]))
    return sections


def shift_items(
    section: Section,
    claims: Sequence[Claim],
    denials: Sequence[Denial],
    questions: Sequence[OpenQuestion],
    claims_before: int,
    denials_before: int,
) -> tuple[list[Claim], list[Denial], list[OpenQuestion]]:
    """A section's items with their indices made the whole report's: sentence indices
    move by the section's first sentence, claim and denial references by the items the
    sections before it gave."""
    first = section.first
    return (
        [replace(c, sentence_index=_moved(c.sentence_index, first)) for c in claims],
        [
            replace(
                d,
                sentence_index=_moved(d.sentence_index, first),
                targets=tuple(t + claims_before for t in d.targets),
            )
            for d in denials
        ],
        [
            replace(
                q,
                claims=tuple(c + claims_before for c in q.claims),
                denials=tuple(d + denials_before for d in q.denials),
            )
            for q in questions
        ],
    )


def _moved(index: int, by: int) -> int:
    """A sentence index moved into the whole report; -1 (no sentence known) stays."""
    return index + by if index >= 0 else index
