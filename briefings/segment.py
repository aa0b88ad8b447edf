"""Split report text into sentences with paragraph numbers and exact character spans.

Abbreviation-safe ("U.S.", "Gen.", "Jan.", "Mr.", "St.") because a false break would cut a
speaker from its verb; quotes and dashes stay inside their sentence because evidence must
be a verbatim sentence of the report (``Sentence.text == text[start:end]``).
"""

from __future__ import annotations

import re

from briefings.lexicon import TITLE_ABBREVIATIONS
from briefings.model import Sentence

__all__ = ["MAX_SENTENCE", "dateline_end", "split_sentences"]

# Titles and other abbreviations that are almost never the last word of a sentence: a
# period after them is never a break.
_NEVER_FINAL = TITLE_ABBREVIATIONS | frozenset(
    """
    mt ft jr sr messrs mme mlle no nos vs op art fig sec dept est approx
    jan feb mar apr jun jul aug sep sept oct nov dec inc corp ltd co bros univ ave blvd rd
    """.split()
)

# Words that typically open a new sentence: after an ambiguous abbreviation ("U.S.",
# "a.m.", "etc.") a break is taken only when one of these follows.
_OPENERS = frozenset(
    """
    the a an he she it they we i you his her its their our this that these those there
    but and so yet however meanwhile still also in on at for after before while when if
    as although though since during asked many some most several other another both one
    no not none what who why how where
    """.split()
)

_PLACE_PREPOSITIONS = frozenset({"on", "in", "at", "via"})

# A candidate break: terminal punctuation, any closing quotes or brackets, whitespace.
# Matched only where ``_stops`` found a mark, as is ``_GLUED``.
_BREAK = re.compile(r"[.!?][.!?]*[\"'”’)\]»]*(?=\s)")
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# A full stop with no space after it, before a capitalised word ("of power.The
# government"): scraped text loses the space where markup separated two sentences. Only
# after a lower-case word of two letters or more, so "U.S.Army" and "e.g.The" stay whole.
_GLUED = re.compile(r"[.!?](?=[\"“]?[A-Z][a-z])")
_NEXT_WORD = re.compile(r"\s+([\"'“‘(\[«]*)(\S*)")
# The characters of the word before a period (``[A-Za-z][A-Za-z.\-']*``).
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_WORD_CHARS = _LETTERS | frozenset(".-'")


# A wire dateline opening a report: "KYIV (Reuters) -", "GENEVA, March 9 (Alpine Press) —",
# "BRUSSELS —". It is the report's furniture, never part of a speaker or of a claim.
_DATELINE = re.compile(
    # ("JUBA, SOUTH SUDAN -": a city, then its country or state, in capitals.)
    r"\s*[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3}(?:,\s+[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,2})?"
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s+\([^()]{1,40}\))?\s*(?:—|–|--|-)\s+"
    # ("Washington, D.C., Aug. 21, 2007 -": a place in title case, with the full date.)
    r"|\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2},\s+(?:[A-Z][A-Za-z.]{1,12},\s+)?(?:Jan|Feb|Mar|Apr|May|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\s*(?:—|–|--|-)\s+"
)


def dateline_end(sentence: str) -> int:
    """Offset just past a wire dateline at the start of ``sentence`` (0 when there is none)."""
    m = _DATELINE.match(sentence)
    return m.end() if m else 0


def _is_break(para: str, dot: int, end: int) -> bool:
    """Decide whether the punctuation at ``para[dot:end]`` ends a sentence."""
    nxt = _NEXT_WORD.match(para, end)
    if nxt is None:
        return True
    opener, word = nxt.group(1), nxt.group(2)
    if not word and not opener:
        return True
    first = (word or opener)[:1]
    if first.islower() and not opener and _lower_case_restart(para, dot, end, word):
        # "… needed medical attention as a result. the individuals also alleged …": a
        # sentence whose capital the source dropped.
        return True
    if first.islower() or first in ",;:-–—)":
        # "… he asked?” the minister said" and "3 p.m. on Friday" continue the sentence.
        return False
    if para[dot] != ".":
        return True
    # Only the word right before the period matters; a short window keeps this linear.
    before = _word_before(para, max(0, dot - 40), dot)
    if before is None:
        return True
    before_start, token = before
    bare = token.rstrip(".").lower()
    if "." in token.rstrip("."):
        # Dotted initialisms (U.S., D.C., a.m.) end a sentence only before a usual opener.
        return _opener(word)
    if bare in _NEVER_FINAL:
        return False
    if len(token) == 1 and token.isupper():
        # A lone capital is an initial ("John F. Kennedy") unless a usual opener follows;
        # right after "on", "in", "at" or "via" ("a post on X.") it is a name of its own.
        prev = _word_before(para, max(0, before_start - 40), before_start - 1)
        if prev is not None and prev[1] in _PLACE_PREPOSITIONS:
            return True
        return _opener(word)
    return True


# Lower-case shortenings of four letters or more that a period does not end.
_LONG_SHORTENINGS = frozenset("incl excl govt admin assoc intl natl resp approx cont".split())


def _lower_case_restart(para: str, dot: int, end: int, word: str) -> bool:
    """A full stop after a plain lower-case word of four letters or more, and before a
    usual sentence opener ("result. the individuals"), ends a sentence even though the next
    one lost its capital; abbreviations ("p.m.", "etc.", "approx.") still never do."""
    if para[dot:end] != "." or word.rstrip(",") not in _OPENERS or len(word) < 2:
        return False
    before = _word_before(para, max(0, dot - 40), dot)
    if before is None:
        return False
    token = before[1]
    return (
        len(token) >= 4
        and token.isalpha()
        and token.islower()
        and token not in _NEVER_FINAL
        and token not in _LONG_SHORTENINGS
    )


def _glued_cut(para: str, after: int) -> int:
    """Where a glued break falls: before an opening quote ('said."Based' starts a new quote),
    after a closing one ('no."Then' ends the quote it closes). A straight quote mark closes
    when an odd number of them came before it in the paragraph."""
    if para[after : after + 1] == '"' and para.count('"', 0, after) % 2 == 1:
        return after + 1
    return after


def _glued_break(para: str, dot: int) -> bool:
    """A full stop glued to the next sentence ends one after a lower-case word of two or
    more letters that is not an abbreviation ("power.The", not "approx.The"), also after a
    doubled mark ('stay..“We will': a typing slip, or an ellipsis cut short)."""
    while dot > 0 and para[dot - 1] in ".!?":
        dot -= 1
    before = _word_before(para, max(0, dot - 40), dot)
    if before is None:
        return False
    token = before[1]
    return (
        len(token) >= 2
        and token.isalpha()
        and token.islower()
        and token not in _NEVER_FINAL
        # "www.example.Com": part of an address, not the end of a sentence.
        and (before[0] == 0 or para[before[0] - 1] not in "./@")
    )


def _word_before(para: str, low: int, high: int) -> tuple[int, str] | None:
    """The word ``[A-Za-z][A-Za-z.\\-']*`` ending ``para[low:high]``, with its offset, if any.

    It may also end just before a final newline of that window. Found by stepping back
    from ``high``: a regex search for it would retry from every offset of the window.
    """
    if high > low and para[high - 1] == "\n":
        high -= 1
    start = high
    while start > low and para[start - 1] in _WORD_CHARS:
        start -= 1
    # The word starts with a letter: leading periods, hyphens and apostrophes are not in it.
    while start < high and para[start] not in _LETTERS:
        start += 1
    if start >= high:
        return None
    return start, para[start:high]


def _opener(word: str) -> bool:
    cleaned = word.strip("\"'“‘(,").lower()
    return cleaned in _OPENERS


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for gap in _PARAGRAPH.finditer(text):
        spans.append((pos, gap.start()))
        pos = gap.end()
    spans.append((pos, len(text)))
    return spans


def _stops(para: str) -> list[int]:
    """Offsets of the full stops, question and exclamation marks of ``para``, in order.

    ``str.find`` skips to each in C; a pattern opening with ``[.!?]`` would test the
    class at every character, which costs more than all the matching at the marks.
    """
    stops: list[int] = []
    for mark in ".!?":
        at = para.find(mark)
        while at >= 0:
            stops.append(at)
            at = para.find(mark, at + 1)
    stops.sort()
    return stops


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of ``text`` in order, each a verbatim slice of it."""
    sentences: list[Sentence] = []
    paragraph = 0
    for p_start, p_end in _paragraph_spans(text):
        para = text[p_start:p_end]
        if not para.strip():
            continue
        # The matches ``_BREAK.finditer`` and ``_GLUED.finditer`` would give, tried only at
        # the marks; a break's trailing marks are part of it, not breaks of their own.
        cuts: list[int] = []
        glued: list[int] = []
        done = 0
        for at in _stops(para):
            if at >= done and (m := _BREAK.match(para, at)) is not None:
                done = m.end()
                if _is_break(para, at, done):
                    cuts.append(done)
            if _GLUED.match(para, at) is not None and _glued_break(para, at):
                glued.append(_glued_cut(para, at + 1))
        if glued:
            cuts = sorted([*cuts, *glued])
        pos = 0
        for cut in [*cuts, len(para)]:
            _append(sentences, text, p_start + pos, p_start + cut, paragraph)
            pos = cut
        paragraph += 1
    return sentences


# The longest sentence, in characters, handed to the rules. Real news sentences stay well
# under it (the longest of ~1,000 annotated ones is 365); text without sentence punctuation
# (a scraped table, an unpunctuated transcript) would otherwise reach the rules as one
# sentence tens of thousands of characters long, and rules that look around each cue cost
# time in the square of a sentence's length: 100 KB without a full stop took 90 s.
MAX_SENTENCE = 1000
# Where an over-long run is cut, best first: a clause boundary, then any space.
_RUN_CUTS = ("; ", ", ", " ")


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        # Cut at the last boundary in the run's second half, so no piece is tiny; the
        # pieces stay verbatim slices of the report.
        cut = start + MAX_SENTENCE
        for sep in _RUN_CUTS:
            at = text.rfind(sep, start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
            if at >= 0:
                cut = at + len(sep.rstrip())
                break
        _append(out, text, start, cut, paragraph)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append(Sentence(len(out), text[start:end], start, end, paragraph))
