"""Where the direct quotes in a text run: curly, straight and doubled-apostrophe marks paired
into spans, with the news habits that leave a quote without its closing mark.

It stands apart from the cue rules in ``claims``: it reads a whole text, not one sentence,
and decides only which characters are someone's own words, before any speaker is sought.
"""

from __future__ import annotations

import re

__all__ = ["quote_spans"]


# ``[“”"]|''`` written to start with one character set, so that ``re`` skips to the next
# mark in C: an apostrophe matches only as the first of two.
_QUOTE_MARK = re.compile(r"[“”\"'](?:(?<=')'|(?<!'))")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of direct quotes in ``text`` (curly, straight and '' closings).

    A quote that opens a paragraph, or a sentence in it, and is still open where the
    paragraph ends runs to that end: news leaves out the closing mark when a quote goes on
    into the next paragraph, or when the text stops inside the quote.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _QUOTE_MARK.finditer(text):
        mark = m.group(0)
        if open_at is not None:
            end = _paragraph_end(text, open_at, m.start())
            if end is not None:
                spans.append((open_at, end))
                open_at = None
        if mark == '"' and open_at is not None and _sure_opener(text, m.start()):
            # '"It is worse, said Ruiz. "The rules …': the writer left out a closing mark;
            # the open quote ends where its inverted attribution starts, and this mark
            # opens the next quote.
            inverted = _INVERTED_SAID.search(text, open_at, m.start())
            spans.append((open_at, inverted.start() if inverted else m.start()))
            open_at = m.start()
        elif mark == "“" or (
            mark == '"' and open_at is None and not _stray_closer(text, m.start())
        ):
            open_at = m.start()
        elif open_at is not None:
            spans.append((open_at, m.end()))
            open_at = None
    if open_at is not None:
        end = _paragraph_end(text, open_at, len(text))
        if end is not None:
            spans.append((open_at, end))
    return spans


_INVERTED_SAID = re.compile(
    r",\s+(?:said|says|added|adds)\s+[A-Z]|,\s+(?:[A-Z][\w.’'\-]*\s+){1,4}(?:said|says|added)\b"
)


def _sure_opener(text: str, at: int) -> bool:
    """Whether the straight quote mark at ``at`` can only open a quote: after a space and
    before a letter or digit (' said Ruiz. "The rules')."""
    return text[at - 1 : at] in (" ", "\n") and text[at + 1 : at + 2].isalnum()


def _stray_closer(text: str, at: int) -> bool:
    """Whether the straight quote mark at ``at`` can only close a quote: glued to the word
    before it and followed by a space or punctuation ('called it "offensive" and unfair".').
    Read as an opener, a mistyped mark would make the rest of the report a quote."""
    before = text[at - 1 : at]
    after = text[at + 1 : at + 2]
    return (before.isalnum() or before in ".,!?") and (after == "" or after in " \n.,;:!?)")


def _paragraph_end(text: str, open_at: int, before: int) -> int | None:
    """Where the paragraph of a quote opened at ``open_at`` ends, if that is before
    ``before`` and the quote opened the paragraph or a sentence of it ('"Rubbish," he
    said. "They knew …' with no closing mark before the paragraph ends); None otherwise."""
    if open_at > 0 and text[:open_at].rstrip(" \t")[-1:] not in ("\n", "", ".", "!", "?"):
        return None
    brk = text.find("\n\n", open_at, before)
    if brk == -1:
        return len(text.rstrip()) if before == len(text) else None
    return brk
