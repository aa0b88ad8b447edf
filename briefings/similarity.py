"""Content similarity of claims, denials and texts: shared stems, shared names, shingles.

Used inside one report to find which claims a denial rejects, and by the store's
cross-report linker to tie a denial in one report to a claim in another and to spot wire
copies. Pure functions on verbatim text; scores are in 0..1.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter

from briefings.model import Claim, Denial

__all__ = [
    "content_terms",
    "denial_targets_claim",
    "name_terms",
    "near_duplicate",
    "same_claim",
    "same_speaker",
    "term_overlap",
    "topic_terms",
]

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z][A-Za-z’'\-]+")
_NAME = re.compile(r"\b(?:[A-Z]\.){2,}|\b[A-Z][a-zA-Z\-]+")
_STOP = frozenset(
    """
    the and for that with this from have has had was were are is be been being will would
    could should may might can not but its it's their there they them then than into over
    about after before while also said says told say saying stated added according which who
    whom what when where why how all any some such only other more most very just our your
    his her him she he we you i of to in on at by as an a or if so no nor own same too
    reports report reported reportedly claim claims claimed allegations alleged denied deny
    denies rejected rejects statement statements assertion news article
    """.split()
)
_GENERIC_NAMES = frozenset({"The", "A", "An", "In", "On", "But", "And", "He", "She", "It", "They"})


# Longest first: the leftmost suffix that runs to the end of the word is the one removed.
_SUFFIXES = ("ations", "ation", "ments", "ions", "ment", "ion", "ing", "ed", "es", "ly", "s")


def _stem(word: str) -> str:
    # A suffix only changes the five-letter stem when fewer than five letters precede it.
    if 5 < len(word) < 11:
        for suffix in _SUFFIXES:
            if word.endswith(suffix):
                word = word[: -len(suffix)] or word
                break
    return word[:5]


# Content words of lower-cased text: initialisms ("u.s.") or words of three letters or more
# (shorter ones are never content words), so most function words never reach Python. Both
# branches begin with the letter, written once: ``re`` then skips every position that does
# not hold a letter without entering the pattern.
_LOW_WORD = re.compile(r"[a-z](?:\.(?:[a-z]\.)+|[a-z’']{2,})")


# The words whose stem is shorter than their first five letters, in a newline-joined list
# (one word a line, a newline first): six to ten letters, of which the first one to four
# are followed by a suffix. The shortest such start is the ``_stem`` rule (longest suffix
# removed). Group 1 is the word, group 2 its stem. "ations" is all suffix and keeps its
# letters, as in ``_stem``; every other word's stem is its first five letters.
_SHORT_STEM = re.compile(
    r"\n((?=[^\n]{6})(?!ations$)([^\n]{1,4}?)(?:ations?|ions?|ments?|ing|e[ds]|ly|s))$", re.M
)
_FIRST_FIVE = itemgetter(slice(None, 5))


@lru_cache(maxsize=4096)
def content_terms(text: str) -> frozenset[str]:
    """Stems (first five letters) of the content words of ``text``."""
    # Distinct words once, stop words in one set difference, the few words a suffix shortens
    # in one regex pass and the rest cut in C: no Python call per word.
    words = set(_LOW_WORD.findall(text.lower())) - _STOP
    stems: list[str] = []
    if "'" in text or "’" in text:
        # Possessives and contractions ("russia’s", "it's") go the slow way.
        marked = {w for w in words if "'" in w or "’" in w}
        words -= marked
        for word in marked:
            word = word.replace("’", "'")
            if word.endswith("'s"):
                word = word[:-2]
            if len(word) >= 3 and word not in _STOP:
                stems.append(_stem(word))
    for word, stem in _SHORT_STEM.findall("\n" + "\n".join(words)):
        words.discard(word)
        stems.append(stem)
    stems += map(_FIRST_FIVE, words)
    return frozenset(stems)


@lru_cache(maxsize=4096)
def name_terms(text: str) -> frozenset[str]:
    """Capitalized names and initialisms of ``text``, lower-cased."""
    return frozenset(n.lower().rstrip(".") for n in _NAME.findall(text) if n not in _GENERIC_NAMES)


def term_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: shared terms over the smaller set (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _initials(text: str) -> str:
    return "".join(w[0] for w in text.split() if w[:1].isupper())


_SPEAKER_STOP = frozenset({"the", "a", "an", "of", "in", "for", "at", "and", "with"})


@lru_cache(maxsize=4096)
def _speaker_words(speaker: str) -> frozenset[str]:
    """Lower-cased words of a speaker, function words left out.

    A report pairs each of its few speakers with every other one, so each speaker's words
    are worked out once rather than once per pair.
    """
    return frozenset({t.strip(".,").lower() for t in speaker.split()} - _SPEAKER_STOP)


@lru_cache(maxsize=4096)
def _speaker_match(a: str, b: str) -> float:
    """Token F1 of two speaker strings (function words ignored); 1.0 for an acronym."""
    ta = _speaker_words(a)
    tb = _speaker_words(b)
    if not ta or not tb:
        return 0.0
    for short, long in ((a, b), (b, a)):
        word = short.split()[-1]
        if word.isupper() and len(word) >= 2 and _initials(long).endswith(word):
            return 1.0
    common = len(ta & tb)
    if common == 0:
        return 0.0
    pa, pb = _proper_tokens(a), _proper_tokens(b)
    if pa and pb and not pa & pb:
        # "Azerbaijan's defence ministry" is not "Armenia's defence ministry": shared role
        # words, different names.
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


_COMMON_OPENERS = frozenset(
    """
    the a an officials official sources source people analysts experts reports report
    spokesman spokeswoman spokesperson diplomats diplomat authorities observers
    """.split()
)


@lru_cache(maxsize=4096)
def _proper_tokens(speaker: str) -> frozenset[str]:
    """Capitalized words of a speaker that name someone (a sentence-initial "Officials" or
    "The" does not), possessive endings dropped; memoized like ``_speaker_words``."""
    out = set()
    for i, word in enumerate(speaker.split()):
        if not word[:1].isupper():
            continue
        low = word.lower().strip(".,").replace("’", "'")
        if low.endswith("'s"):
            low = low[:-2]
        if i == 0 and low in _COMMON_OPENERS:
            continue
        out.add(low)
    return frozenset(out)


def same_speaker(a: str, b: str) -> bool:
    """Whether two speaker strings name the same source (shared words, or an acronym)."""
    return _speaker_match(a, b) >= 0.5


def _speaker_compat(a: str, b: str) -> float:
    """1.0 for the same source ("Sergei Lavrov" / "Lavrov", "WHO" / "the World Health
    Organization"), 0.6 when neither names anyone ("sources" / "people familiar with the
    matter") or only one does, 0.0 for two differently named sources."""
    if _speaker_match(a, b) >= 0.5:
        return 1.0
    pa, pb = _proper_tokens(a), _proper_tokens(b)
    if pa & pb:
        # "Kremlin spokesman Dmitry Peskov" / "Peskov": the surname is the source.
        return 1.0
    if pa and pb:
        return 0.0
    return 0.6


_DIGITS = re.compile(r"\d[\d,.]*")


def _claim_terms(claim: Claim) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Content stems, key names and numbers of what ``claim`` says, its speaker left out."""
    said = claim.content or claim.sentence
    terms = content_terms(said) - content_terms(claim.speaker)
    names = name_terms(said) - name_terms(claim.speaker)
    numbers = frozenset(n.rstrip(".,") for n in _DIGITS.findall(said))
    return terms, names, numbers


def same_claim(a: Claim, b: Claim, common: frozenset[str] = frozenset()) -> float:
    """How likely two claims (e.g. from two outlets) state the same thing from the same source.

    Two outlets paraphrase one statement with few shared words, so the score rests on three
    agreements: compatible speakers, the same key names, and overlapping content stems
    (shared over the shorter claim's). Two named sources that differ, or different names
    or figures in what is said, mark different statements and pull the score down; a
    paraphrase sharing about half its content words from a compatible source scores above
    0.6, the same source saying something else on the same matter stays below it.

    ``common`` holds the stems and names of the topic's own names ("Donbass", "Pokrovsk"):
    shared, they say only that both claims are on the topic, so they count for no
    agreement; different ("Pokrovsk" and "Bakhmut"), they still mark different statements.
    """
    ta, na, xa = _claim_terms(a)
    tb, nb, xb = _claim_terms(b)
    ta, tb = ta - common, tb - common
    if not ta or not tb:
        return 0.0
    shared = len(ta & tb)
    content = shared / max(min(len(ta), len(tb)), 3)
    speaker = _speaker_compat(a.speaker, b.speaker)
    # With no names on one side there is nothing to compare: neither for nor against.
    ka, kb = na - common, nb - common
    names = len(ka & kb) / min(len(ka), len(kb)) if ka and kb else 0.5
    score = 0.55 * content + 0.2 * names + 0.25 * speaker
    if content >= 0.45:
        # Half the words of the shorter statement: a paraphrase, unless the checks below say
        # the sources, names or figures differ.
        score += 0.15
    score = min(1.0, score)
    if na and nb and not na & nb:
        score *= _DIFFERENT
    if xa and xb and not xa & xb:
        score *= _DIFFERENT
    if speaker == 0.0:
        score *= _DIFFERENT
    return max(0.0, score)


# Below the pipeline's 0.6 even for identical wording: a different source, name or figure
# makes it another statement.
_DIFFERENT = 0.55


# Words of a denial that say that it denies, not what: "denied the reports, stating that …".
_DENIAL_FRAME = content_terms(
    "stating saying adding insisting calling described dismissed rejected denial refuted "
    "false untrue baseless unfounded categorically flatly strongly rumors rumours "
    "speculation suggestions accusations charges media story stories reports"
)


def denial_targets_claim(
    denial: Denial, claim: Claim, common: frozenset[str] = frozenset()
) -> float:
    """How likely ``denial`` rejects ``claim``, by shared content and shared names.

    A generic denial ("X denied the reports, stating that the U.S. is not seeking …") says
    what it rejects in the rest of its sentence, so the whole sentence counts, minus the
    speaker and the words that only frame a denial. The score is the share of the smaller
    side's content stems that the two have in common, plus shared names. A source does not
    deny its own claim, so a shared speaker scores zero. ``common`` (the topic's own names,
    across reports) counts for nothing, as in ``same_claim``.
    """
    if _speaker_match(denial.speaker, claim.speaker) >= 0.5:
        return 0.0
    d_terms = (
        content_terms(f"{denial.denied} {denial.sentence}")
        - content_terms(denial.speaker)
        - _DENIAL_FRAME
        - common
    )
    c_terms = content_terms(claim.content or claim.sentence) - content_terms(claim.speaker) - common
    if not d_terms or not c_terms:
        return 0.0
    content = len(d_terms & c_terms) / max(min(len(d_terms), len(c_terms)), 3)
    names = term_overlap(
        name_terms(denial.sentence) - name_terms(denial.speaker) - common,
        name_terms(claim.sentence) - name_terms(claim.speaker) - common,
    )
    return max(0.0, min(1.0, 0.7 * content + 0.3 * names))


def topic_terms(aliases: Sequence[str]) -> frozenset[str]:
    """The content stems and names of a topic's names, for ``same_claim``'s ``common``."""
    text = " ".join(aliases)
    return content_terms(text) | name_terms(text)


_QUOTE_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def sentence_key(sentence: str) -> str:
    """A sentence as copies of a report repeat it: the same words whatever the apostrophes,
    quote marks, Unicode forms and line breaks (a wire copy re-wraps and re-types them)."""
    return " ".join(unicodedata.normalize("NFKC", sentence).translate(_QUOTE_FOLD).split())


def _shingles(text: str, size: int = 5) -> frozenset[tuple[str, ...]]:
    # (Quote marks folded: a copy that re-types "Kyiv's" as "Kyiv’s" repeats the same words.)
    words = [w.lower() for w in _WORD.findall(text.translate(_QUOTE_FOLD))]
    if len(words) < size:
        return frozenset({tuple(words)}) if words else frozenset()
    return frozenset(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def near_duplicate(text_a: str, text_b: str, threshold: float = 0.5) -> bool:
    """True for wire copies: Jaccard of five-word shingles at least ``threshold``."""
    a, b = _shingles(text_a), _shingles(text_b)
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= threshold
