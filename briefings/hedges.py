"""Decide whether a claim is hedged: marked by the report as unconfirmed or tentative.

SCHEMA.md counts evidential and modal hedges ("reportedly", "could", "may", "signaled",
"is said to"), beliefs and forecasts ("believed", "expects", "we will see") and claims whose
only source is "reports". Appeals and wishes ("urged", "hopes Congress will") are not hedges,
and a modal inside a relative clause ("actions that might undermine") does not hedge the
claim itself, unless it doubts a past event ("clashes that may have led to deaths").
"""

from __future__ import annotations

import re

from briefings.lexicon import HEDGE_WORDS, WordFinder, gated_search, lower_aligned, word_pattern
from briefings.verb_gates import attributive_before

__all__ = ["hedge_cue", "is_hedged", "passed_on_by_reports"]

_MODALS = frozenset({"could", "may", "might"})
# "According to news reports, the memo says …": passed on from unnamed reporting.
_PASSED_ON = r"according\s+to\s+(?:[\w\-]+\s+){0,2}?(?:reports|reporting)\b"
_PASSED_ON_ANY_CASE = re.compile(r"\b" + _PASSED_ON, re.IGNORECASE)


def passed_on_by_reports(sentence: str) -> bool:
    """Whether ``sentence`` says its source is passed on by unnamed reporting ("According
    to news reports, …"), which hedges a named source's claim too."""
    return _PASSED_ON_ANY_CASE.search(sentence) is not None


_HEDGE = re.compile(
    r"\b(?:" + word_pattern(HEDGE_WORDS) + r")\b"
    r"|\b(?:is|are|was|were)\s+(?:said|reported|understood|thought|alleged)\s+to\s+(?!police\b)"
    r"|\b(?:is|are|was|were)\s+reported\s+as\s+[a-z]+ing\b"
    r"|\bwe(?:'ll|’ll| will| shall)\s+see\b"
    r"|\b" + _PASSED_ON + r"|\bremains?\s+to\s+be\s+seen\b"
    r"|\b(?:wide|widespread)\s+reporting\b"
    r"|\b(?:appears?|appeared|seems?|seemed)\s+(?:[a-z]+(?:ed|y)\s+)?to\b"
    # "the deal seemed dead", "it is possible that …", "he thought it was over": a
    # source's impression, possibility or belief ("appeared in court" is no hedge).
    r"|\bseem(?:s|ed)?\b|\bpossible\s+(?:that|the|it|he|she|they|there)\b"
    r"|(?:(?<=\b[Hh]e\s)|(?<=\b[Ss]he\s)|(?<=\b[Ww]e\s)|(?<=\b[Tt]hey\s)|(?<=\bI\s))thought\b"
    r"|\bnot\s+(?:yet\s+)?(?:been\s+|be\s+)?(?:independently\s+)?"
    r"(?:confirmed|verified|substantiated|proven)\b",
)
# The first word of every branch of ``_HEDGE``: a hedge can start only where one of these does.
_HEDGE_STARTS = HEDGE_WORDS | frozenset(
    (
        "is are was were we remain remains wide widespread according "
        "appear appears appeared seem seems seemed not possible thought"
    ).split()
)
_HEDGE_START = WordFinder(_HEDGE_STARTS)
_RELATIVE_BEFORE = re.compile(
    r"(?:\b(?:that|which|who)\s+|\b(?:wherever|whatever|whichever|whoever|however)\s+\w+\s+)$",
    re.IGNORECASE,
)
_PERFECT_AFTER = re.compile(r"\s+have\s+(?:been\s+)?[a-z]+(?:ed|en|wn|ught|ne|de|t)\b")
# "The report", "this report": one identified document, not mere reporting.
_ONE_REPORT = re.compile(r"(?:the|this|that|its|their)\s+(?:[\w\-]+\s+){0,2}report$", re.I)
_ALLEGED_BY = re.compile(
    r"\s*(?:allegations|accusations|charges|claims|suggestions)\s+(?:by|from)\s", re.IGNORECASE
)
_PASSIVE_EXPECTED = re.compile(r"\b(?:is|are|was|were|be|been)\s+$", re.IGNORECASE)
_PARTICIPLE_HEDGES = frozenset({"suggested", "indicated", "signaled", "signalled", "hinted"})
_BY_AFTER = re.compile(r"\s+by\s")
_CERTAIN_IDIOM = re.compile(r"\s+not\s+(?:be|have\s+been)\s+(?:[a-z]+er|more|less)\b")
_COMPARATIVE_BEFORE = re.compile(r"\b(?:more|less|most|least|times|as)\s+$")
# "it is most likely that …", "most likely there is …": a source's own estimate.
_CLAUSE_AFTER_LIKELY = re.compile(r"\s+(?:that|there|it)\b")
# An indirect question under "know" ("do not yet know what … could be").
_UNKNOWN_BEFORE = re.compile(
    r"\b(?:know|knows|knew)\s+(?:what|whether|how|why|where|who)\s+"
    r"(?:[\w’'\-]+\s+){0,6}$"
)
_RELATIVE_NOT = re.compile(r"\b(?:that|which)\s+(?:[a-z]+\s+){0,2}$")
_HEAD_END = re.compile(r"\s(?:in|of|from|by|at|on|about)\s")
_TRAILING_PARTICIPLE = re.compile(r"(?<=\w)\s+[a-z]+ed$")
_REPORT_SOURCE = re.compile(
    r"\b(?:reports?|reporting|rumou?rs?|speculation|media|press|allegations|accusations)\b",
    re.IGNORECASE,
)


def hedge_cue(text: str) -> str | None:
    """The first hedge in ``text`` that hedges its clause, or None."""
    low = lower_aligned(text)
    # Matched on the lower-cased text: case-insensitive matching is slower in ``re``. The
    # pattern is tried only where a word of ``_HEDGE_STARTS`` starts, the places where
    # ``_HEDGE.finditer`` could find a match: the same hedges, without a scan of every character.
    done = 0
    for at in _HEDGE_START.starts(low):
        if at < done:
            continue
        m = _HEDGE.match(low, at)
        if m is None:
            continue
        done = m.end()
        word = m.group(0)
        before = low[max(0, m.start() - 40) : m.start()]
        if (
            word in _MODALS
            and _RELATIVE_BEFORE.search(before)
            and not _PERFECT_AFTER.match(low, m.end())
        ):
            # "actions that might undermine" is hypothetical; "clashes that may have led to
            # deaths" leaves a past event unconfirmed, which hedges the claim.
            continue
        if word.startswith("not") and _RELATIVE_NOT.search(before):
            # "a figure that could not be verified": the report's own caveat on a noun, not
            # the source's claim left unconfirmed.
            continue
        if (
            word == "likely"
            and _COMPARATIVE_BEFORE.search(before)
            and not _CLAUSE_AFTER_LIKELY.match(low, m.end())
        ):
            # "40 percent more likely to suffer": a measured risk, not a hedge.
            continue
        if word == "may" and m.start() > 0 and text[m.start()] == "M":
            # "on May 3": the month, not the modal.
            continue
        if (
            word in _PARTICIPLE_HEDGES
            and _BY_AFTER.match(low, m.end())
            and not (_PASSIVE_EXPECTED.search(before))
        ):
            # "the criteria suggested by the agency": a participle modifying a noun reports
            # who proposed it, not a tentative claim.
            continue
        if word in _MODALS and _UNKNOWN_BEFORE.search(before):
            # "we do not know what the cause could be": the modal sits in the question the
            # source leaves open, not in anything the source puts forward.
            continue
        if word == "alleged" and attributive_before(before):
            # "a meeting over the alleged plot": the speaker names what others allege, and
            # says the rest plainly; "alleged to have taken part" is the claim held back.
            continue
        if word == "could" and low.startswith(" no longer", m.end()):
            # "platforms could no longer ignore the law": an ability lost, not a doubt.
            continue
        if word in _MODALS and _CERTAIN_IDIOM.match(low, m.end()):
            # "I could not be happier", "it couldn't be clearer": a certainty, not a doubt.
            continue
        if word == "expected" and _PASSIVE_EXPECTED.search(before):
            # "is expected to meet" is the report's own schedule, not a forecast by a source.
            continue
        return text[m.start() : m.end()]
    return None


# Words every match of _REPORT_SOURCE holds, for the cheap gate before the search.
_REPORT_SOURCE_KEYS = ("report", "rumo", "speculation", "media", "press", "llegation", "ccusation")


def _report_source(head: str) -> bool:
    return gated_search(_REPORT_SOURCE, head, _REPORT_SOURCE_KEYS)


def is_hedged(clause: str, speaker: str) -> bool:
    """True when the claim's clause carries a hedge or its source is mere reporting."""
    # Only the head of the source counts: "Reports in the Lagos press" is mere reporting,
    # "Reuters reports" is a named outlet.
    head = _HEAD_END.split(speaker, maxsplit=1)[0]
    # "The report presented by the inquiry": the participle after the head is no part of it.
    head = _TRAILING_PARTICIPLE.sub("", head)
    if (
        _report_source(head)
        and not any(c.isupper() for c in head[1:])
        and not _ONE_REPORT.match(head)
    ):
        return True
    if _ALLEGED_BY.match(clause):
        # "allegations from X that …": the report itself calls the content unproven.
        return True
    return hedge_cue(clause) is not None
