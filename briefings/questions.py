"""Open questions: what a report leaves unresolved — contested, pending or unconfirmed.

*contested*: a claim and a denial about the same matter; *pending*: an outcome awaited,
hoped for, scheduled or left without agreement; *unconfirmed*: a hedged claim that nothing
in the report confirms. Evidence sentences about one matter (adjacent, or sharing rare
words) are gathered into one question. The question text is a template around verbatim
spans: the engine never writes its own account of events.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, pairwise

from briefings.hedges import hedge_cue, passed_on_by_reports
from briefings.lexicon import (
    NARRATION_HEDGES,
    PENDING_PATTERNS,
    REJECTABLE_NOUNS,
    lower_aligned,
    word_pattern,
)
from briefings.model import Claim, Denial, OpenQuestion, QuestionKind, Sentence
from briefings.similarity import content_terms, same_speaker

__all__ = ["find_open_questions"]


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


def _word_start_pattern(patterns: Sequence[str], letters: str) -> re.Pattern[str]:
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


# Matched against the lower-cased sentence: case-insensitive matching is slower in ``re``.
_PENDING_LETTERS = "acdefghijlmnoprstuvwy"
_PENDING = _word_start_pattern(PENDING_PATTERNS, _PENDING_LETTERS)
_NARRATION_HEDGE = re.compile(r"\b(?=[aiprtw])(?:" + "|".join(NARRATION_HEDGES) + r")\b")


def _may_hedge_narration(low: str) -> bool:
    """A cheap test that every sentence ``_NARRATION_HEDGE`` matches passes: each of its
    phrases holds one of these ("is believed to", "reportedly", "there are reports"), and
    most sentences hold none. A phrase added to ``NARRATION_HEDGES`` needs its own test here.
    """
    return (
        "ed to" in low
        or "edly" in low
        or "reports" in low
        or "said to" in low
        or "thought to" in low
        or "understood to" in low
    )


_MERGE_OVERLAP = 0.34
_WHOSE = re.compile(r"\bwhose\s+[\w-]+\s+$")
# Cues of negated counter-claims (as ``denials`` words them), as opposed to explicit denials.
_COUNTER_CLAIM = re.compile(
    r"(?:there|not aware|is not|are not|was not|were not|am not|would|will|did|does|do|has|"
    r"have|had|nobody|no one)\b",
    re.IGNORECASE,
)
_ACCOUNT = re.compile(r"\b(?:" + word_pattern(REJECTABLE_NOUNS) + r")\b", re.IGNORECASE)


_OWNER = re.compile(r"^(?:the\s+)?((?:[\w.\-]+\s+){0,2}?[\w.\-]+)[’']s\s+")
_NUMBER = re.compile(r"\d[\d,.]*")
# "Organisers put the number at …": the second source speaks of the same count.
_FIGURE_WORDS = re.compile(
    r"\b(?:number|figure|figures|toll|total|count|turnout|estimate|tally)\b", re.IGNORECASE
)


# Events news counts, each word with the count it belongs to: two sources giving each a
# number of people "killed" and "dead" count one thing.
_COUNTED = re.compile(
    r"\b(killed|dead|died|deaths|injured|wounded|hurt|arrested|detained|displaced|missing|"
    r"evacuated|infected|sickened|rescued|kidnapped|abducted|joined|attended|marched|"
    r"protested|rallied|took part)\b",
    re.IGNORECASE,
)
_COUNT_OF = {
    "killed": "dead",
    "died": "dead",
    "deaths": "dead",
    "wounded": "injured",
    "hurt": "injured",
    "detained": "arrested",
    "kidnapped": "abducted",
    "attended": "crowd",
    "joined": "crowd",
    "marched": "crowd",
    "protested": "crowd",
    "rallied": "crowd",
    "took part": "crowd",
}


def _counts(text: str) -> set[str]:
    return {_COUNT_OF.get(m.lower(), m.lower()) for m in _COUNTED.findall(text)}


# "… were killed in a separate attack": another event, another count.
_OTHER_EVENT = re.compile(r"\b(?:separate|another|other|second|also|earlier|later)\b", re.I)


def _same_count(earlier: str, later: str) -> bool:
    """Whether two figures count the same event: each content holds a number and one of the
    counted events, the same one ("killed 105 soldiers" / "15 recruits were killed")."""
    mine = _counts(later)
    return bool(mine) and bool(mine & _counts(earlier))


def _shares_name(owner: str, speaker: str) -> bool:
    mine = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", owner)} - {"the"}
    return bool(mine & {w.lower() for w in re.findall(r"[A-Za-z]{3,}", speaker)})


def _contested_figures(
    sentences: Sequence[Sentence], claims: Sequence[Claim], clusters: list[_Cluster]
) -> None:
    """Two sources giving different figures for one count, in one sentence or one after the
    other ("Police said about 8,000 people … Organisers put the number at more than
    50,000."), contest each other with no denial word."""
    taken = {c for cluster in clusters for c in cluster.claims}
    for j in range(1, len(claims)):
        later, earlier = claims[j], claims[j - 1]
        if j in taken or j - 1 in taken:
            continue
        if later.sentence_index - earlier.sentence_index not in (0, 1):
            # The next sentence, or the same one ("Police said 2,000 …, while organisers
            # put the figure at 15,000").
            continue
        if _NUMBER.search(later.content) is None:
            # No figure: the cheap test first, before comparing speakers.
            continue
        if same_speaker(later.speaker, earlier.speaker):
            continue
        mine, theirs = _NUMBER.findall(later.content), _NUMBER.findall(earlier.content)
        if not mine or not theirs or set(mine) == set(theirs):
            continue
        if _same_count(earlier.content, later.content) and not _OTHER_EVENT.search(later.sentence):
            # "… saying it killed 105 soldiers." "… 15 recruits were killed": the same event
            # counted twice, whether or not a paragraph break falls between.
            pass
        elif sentences[later.sentence_index].paragraph != sentences[
            earlier.sentence_index
        ].paragraph or not _FIGURE_WORDS.search(f"{later.cue} {later.content}"):
            continue
        text = (
            f"Who is right: {earlier.speaker} ({_quote(earlier.content or earlier.sentence)})"
            f" or {later.speaker} ({_quote(later.content or later.sentence)})?"
        )
        clusters.append(
            _Cluster("contested", text, {earlier.sentence_index, later.sentence_index}, {j - 1, j})
        )
        taken |= {j - 1, j}


# "The prosecutor gave a different version of what happened": a second account of a matter
# another source has already told.
_OTHER_VERSION = re.compile(
    r"\b(?:a|an)\s+(?:very\s+|quite\s+|starkly\s+|entirely\s+)?"
    r"(?:different|contrasting|conflicting|competing|opposing|contradictory)\s+"
    r"(?:version|account|picture|story|explanation|narrative)\b"
)


_BARE_PRONOUNS = frozenset({"it", "this", "that", "they", "these", "those", "them"})


# A noun right before "hoping": a participle describing it.
_DESCRIBED_HOPE = re.compile(
    r"\b(?!(?:is|are|was|were|be|been|being|still|also|now|not|and|all)\b)[a-z]{3,}\s+$"
)


def _has_other_version_key(low: str) -> bool:
    """A cheap test that every sentence ``_OTHER_VERSION`` matches passes (a plain chain of
    substring tests: every sentence takes it)."""
    return (
        "differ" in low
        or "contrast" in low
        or "conflict" in low
        or "compet" in low
        or "oppos" in low
        or "contradict" in low
    )


_VERSION_REACH = 6


def _other_versions(
    sentences: Sequence[Sentence],
    lowered: Sequence[str],
    claims: Sequence[Claim],
    clusters: list[_Cluster],
) -> None:
    """A sentence offering "a different version" contests the account told just before it:
    the dispute a few sentences back, or else the run of claims of the latest other source
    (from its first claim of that run), with the next sentence if it tells the new version."""
    for s, low in zip(sentences, lowered, strict=True):
        if not _has_other_version_key(low):
            continue
        cue = _OTHER_VERSION.search(low)
        if cue is None or any(s.index in c.sentences for c in clusters):
            continue
        home = _latest_dispute(s.index, clusters)
        if home is not None:
            home.sentences.add(s.index)
            continue
        teller = _side_words(s.text[: cue.start()])
        before = [
            i
            for i, c in enumerate(claims)
            if 0 < s.index - c.sentence_index <= _VERSION_REACH
            and c.content
            and not _side_words(c.speaker) & teller
        ]
        if not before:
            continue
        first = before[-1]
        while first - 1 in before and same_speaker(
            claims[first - 1].speaker, claims[first].speaker
        ):
            first -= 1
        told = claims[first]
        cluster = _Cluster(
            "contested",
            f"Who is right: {told.speaker} ({_quote(told.content)}) or {_quote(s.text)}?",
            {told.sentence_index, s.index},
            {first},
        )
        after = [i for i, c in enumerate(claims) if c.sentence_index == s.index + 1 and c.content]
        if after:
            cluster.sentences.add(s.index + 1)
            cluster.claims.add(after[0])
        clusters.append(cluster)


def _is_counter_claim(denial: Denial) -> bool:
    """A negated statement ("not aware of any casualties") rather than a rejection of an
    account ("no truth to reports of shelling", "denied the reports")."""
    return _COUNTER_CLAIM.match(denial.cue) is not None and not _ACCOUNT.search(denial.denied)


# "the claims", "these reports", "such allegations": an account already on the table.
_ANAPHORIC_ACCOUNT = re.compile(
    r"\b(?:(?:the|these|those|such|that|this|their|its)|(?:the\s+)?[a-z]+(?:s’|s'|’s|'s))\s+"
    r"(?:" + word_pattern(REJECTABLE_NOUNS) + r")\b",
    re.IGNORECASE,
)
_DISPUTE_REACH = 3


@lru_cache(maxsize=1024)
def _side_words(speaker: str) -> frozenset[str]:
    """Stems of the words naming a speaker's side, roles left out ("Taliban's spokesman" →
    {"talib"}, "the national cycling federation" → {"natio", "cycli", "feder"})."""
    return frozenset(
        w.lower()[:5]
        for w in re.findall(r"\b[A-Za-z][a-z]{2,}", speaker)
        if w.lower() not in _ROLE_WORDS
    )


# Words any side can use of itself: they tell no side apart.
_ROLE_WORDS = frozenset(
    """
    the and for with from its his her their our of a an in at on to
    government ministry minister office department officials official spokesman
    spokeswoman spokesperson president chief executive director secretary company firm
    group agency police army military sources source statement people chairman chairwoman
    head deputy senior top main also new national state federal local public
    """.split()
)


# The capitalized words of a speaker that name someone ("Jan Kowal", not "The" or "A").
_NAME_WORD = re.compile(
    r"(?<![\w.])(?!(?:The|A|An|His|Her|Its|Their)\b)[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b"
)


def _same_dispute(
    denial: Denial, denials: Sequence[Denial], clusters: list[_Cluster]
) -> _Cluster | None:
    """The contested question a denial with no target of its own belongs to: one whose
    denials come from the same side ("the Taliban" / "the Taliban's spokesman"), or, for
    an anaphoric account ("the claims"), the latest dispute a few sentences back."""
    mine = _side_words(denial.speaker)
    for cluster in clusters:
        if cluster.kind != "contested" or not cluster.denials:
            continue
        if mine and any(mine & _side_words(denials[d].speaker) for d in cluster.denials):
            return cluster
    at = denial.sentence_index
    names = _NAME_WORD.findall(denial.speaker)
    if names:
        # "But Jan Kowal, a spokesman for the operator, dismissed the claims." … "He also
        # ruled out sabotage": the same person, named where the dispute's denial is.
        for cluster in clusters:
            if cluster.kind == "contested" and any(
                0 < at - denials[d].sentence_index <= _DISPUTE_REACH
                and all(re.search(rf"\b{re.escape(n)}\b", denials[d].sentence) for n in names)
                for d in cluster.denials
            ):
                return cluster
    if _ANAPHORIC_ACCOUNT.search(denial.denied):
        near = [
            c
            for c in clusters
            if c.kind == "contested"
            and any(0 < at - denials[d].sentence_index <= _DISPUTE_REACH for d in c.denials)
        ]
        if near:
            return max(near, key=lambda c: max(denials[d].sentence_index for d in c.denials))
    return None


# A denied span that is nothing but an account already on the table ("the official
# assertions", "these claims", "such reports").
_BARE_ACCOUNT = re.compile(
    r"(?:the|these|those|such|that|this|their|his|her|its)\s+(?:[a-z]+(?:['’]s)?\s+)?(?:"
    + word_pattern(REJECTABLE_NOUNS)
    + r")\W*$",
    re.IGNORECASE,
)


def _shares_side(denial: Denial, cluster: _Cluster, denials: Sequence[Denial]) -> bool:
    mine = _side_words(denial.speaker)
    return bool(mine) and any(mine & _side_words(denials[d].speaker) for d in cluster.denials)


def _target_dispute(
    denial: Denial, targets: Sequence[int], denials: Sequence[Denial], clusters: list[_Cluster]
) -> _Cluster | None:
    """The contested question a denial's targets already sit in. A denial aimed at claims of
    two disputes ("they would not engage in the conduct the report describes", after the
    company denied the experts' allegations) goes on with the one its own side is already
    answering; otherwise with the dispute over its first target."""
    if not targets:
        return None
    wanted = set(targets)
    homes = [c for c in clusters if c.kind == "contested" and c.claims & wanted]
    if not homes:
        return None
    same_side = next((c for c in homes if _shares_side(denial, c, denials)), None)
    if same_side is not None:
        return same_side
    return next((c for c in homes if min(targets) in c.claims), None)


def _core(cluster: _Cluster, claims: Sequence[Claim], denials: Sequence[Denial]) -> set[int]:
    """The sentences holding a contested question's own denials and the claims they reject."""
    return {denials[d].sentence_index for d in cluster.denials} | {
        claims[c].sentence_index for c in cluster.claims
    }


# "The article said …" right after "… released an article saying …": the same source.
_DEFINITE_SOURCE = re.compile(
    r"^(?:the|this|that)\s+(article|report|statement|study|letter|document|story|survey)$",
    re.IGNORECASE,
)


def _same_source(a: Claim, b: Claim) -> bool:
    """Whether two claims come from one source: the same name, or a definite "the article"
    in the sentence after the one that introduced an article."""
    if same_speaker(a.speaker, b.speaker):
        return True
    first, second = (a, b) if a.sentence_index < b.sentence_index else (b, a)
    if second.sentence_index - first.sentence_index != 1:
        return False
    back = _DEFINITE_SOURCE.match(second.speaker.strip())
    return (
        back is not None
        and re.search(rf"\b{back.group(1)}\b", first.sentence, re.IGNORECASE) is not None
    )


_SPEAKER_STOP = frozenset({"the", "a", "an", "of", "in", "for", "at", "and", "with"})


@dataclass(frozen=True, slots=True)
class _Traits:
    """What deciding whether two contested questions are one dispute reads of each, worked
    out once per question rather than once per pair."""

    core: frozenset[int]
    sides: frozenset[str]
    words: frozenset[str]
    # Lower-cased words of the claims' speakers, for a cheap test before ``same_speaker``.
    speaker_words: frozenset[str]
    # A speaker that ``same_speaker`` might match with no shared word (an acronym) or that
    # points back ("the article").
    loose_speaker: bool
    answers_back: bool
    matter: frozenset[str]


def _traits(
    cluster: _Cluster,
    claims: Sequence[Claim],
    denials: Sequence[Denial],
    sentences: Sequence[Sentence],
) -> _Traits:
    speakers = [claims[c].speaker for c in cluster.claims]
    first = denials[min(cluster.denials)]
    return _Traits(
        core=frozenset(_core(cluster, claims, denials)),
        sides=frozenset().union(*(_side_words(denials[d].speaker) for d in cluster.denials)),
        words=frozenset().union(*(content_terms(sentences[i].text) for i in cluster.sentences)),
        speaker_words=frozenset(
            w.strip(".,").lower() for speaker in speakers for w in speaker.split()
        )
        - _SPEAKER_STOP,
        loose_speaker=any(
            _DEFINITE_SOURCE.match(speaker.strip()) is not None
            or any(w.isupper() and len(w) >= 2 for w in speaker.split())
            for speaker in speakers
        ),
        answers_back=_BARE_ACCOUNT.match(first.denied) is not None,
        matter=content_terms(first.denied),
    )


def _one_matter(
    a: _Cluster, b: _Cluster, ta: _Traits, tb: _Traits, claims: Sequence[Claim]
) -> bool:
    """Whether two contested questions are one dispute: a sentence holds a denial or rejected
    claim of both ("denied meeting officials, calling the claims baseless": two denials, one
    matter), or the same side rejects both and they share a word of substance besides the
    side's own name ("the ministry denied holding peace talks …", "the ministry's spokesman
    said no peace talks had been held")."""
    if ta.core & tb.core:
        return True
    if (ta.speaker_words & tb.speaker_words or ta.loose_speaker or tb.loose_speaker) and any(
        _same_source(claims[i], claims[j]) for i in a.claims for j in b.claims
    ):
        # Two claims of one source ("WHO said …", "the World Health Organization's
        # figures …") rejected in two places: one account, one dispute.
        return True
    if not ta.sides & tb.sides:
        # A later question opened by dismissing "the official assertions" goes on with the
        # earlier dispute when it speaks of what that dispute's first denial rejected.
        if not tb.answers_back:
            return False
        return bool(ta.matter) and len(ta.matter & tb.words) * 2 >= len(ta.matter)
    # Two words of substance: one ("officials", "said") is the house style of a report.
    return len((ta.words & tb.words) - ta.sides - tb.sides) >= 2


def _merge_disputes(
    clusters: list[_Cluster],
    claims: Sequence[Claim],
    denials: Sequence[Denial],
    sentences: Sequence[Sentence],
) -> None:
    """Fold contested questions about one matter into the first of them: a report that
    carries a denial, a second rejection by the same side and the report it answers holds
    one dispute, not three."""
    contested = [c for c in clusters if c.kind == "contested" and c.denials]
    if len(contested) < 2:
        return
    traits = [_traits(c, claims, denials, sentences) for c in contested]
    merged = True
    while merged:
        merged = False
        for i, first in enumerate(contested):
            j = i + 1
            while j < len(contested):
                later = contested[j]
                if not _one_matter(first, later, traits[i], traits[j], claims):
                    j += 1
                    continue
                first.sentences |= later.sentences
                first.claims |= later.claims
                first.denials |= later.denials
                clusters.remove(later)
                del contested[j], traits[j]
                traits[i] = _traits(first, claims, denials, sentences)
                merged = True


# Sentences saying that an account stands unsettled: no one has confirmed or answered it,
# or two accounts conflict.
_UNSETTLED = re.compile(
    # The lookahead holds the letters the branches start with, as for ``_PENDING``.
    r"\b(?=[acdghinoprw])(?:(?:has|have|had)(?:\s+not|n[’']t)\s+(?:yet\s+)?(?:commented|responded)"
    r"(?:\s+on\b|\W*$)"
    r"|(?:could(?:\s+not|n[’']t)|can(?:not|\s+not|[’']t)|(?:was|were|is|are)\s+unable\s+to)\s+"
    r"(?:be\s+)?"
    r"(?:(?:immediately|independently)\s+)*(?:verif(?:y|ied)|confirm(?:ed)?|check(?:ed)?|reconciled)\b"
    # "Neither claim could be verified", "there was no way to confirm the rebels' claim".
    r"|(?:neither|none)\b[^.]*?\bcould\s+be\s+(?:(?:independently|immediately)\s+)?"
    r"(?:verified|confirmed|checked)\b"
    r"|no\s+way\s+(?:to|of)\s+(?:independently\s+)?(?:confirm|verify|check)\w*"
    r"|(?:was|is)(?:\s+not|n[’']t)\s+(?:immediately\s+)?possible\s+to\s+(?:independently\s+)?"
    r"(?:confirm|verify|reconcile|establish)\b"
    # "it is difficult to prove the minister's allegations", "hard to determine how many".
    r"|(?:difficult|impossible|hard)\s+to\s+(?:independently\s+)?"
    r"(?:prove|verify|confirm|establish|determine)\b"
    # "offered no evidence for the claim", "accused them without providing evidence".
    r"|(?:offered|provided|gave|presented|produced|cited)\s+no\s+evidence\b"
    r"|without\s+(?:providing|offering|giving|presenting|citing|producing)\s+(?:any\s+)?evidence\b"
    # "has not confirmed or denied involvement": a party that answers neither way.
    r"|not\s+(?:yet\s+)?confirm(?:ed)?\s+or\s+den(?:y|ied)\b"
    r"|neither\s+confirm(?:ed|s)?\s+nor\s+den(?:y|ied|ies)\b"
    r"|(?:conflicting|contradictory|competing)\s+(?:claims|accounts|reports|versions|statements)\b"
    r"|reconcile\s+the\s+(?:\w+\s+)?(?:claims|accounts|reports|versions))"
)
# The unsettled sentence speaks of an account before it ("VOA could not verify the claim",
# "This could not be confirmed").
_REFERS_BACK = re.compile(
    r"^(?:this|that)\b|\b(?:the|these|those|this|that|such)\s+(?:"
    + word_pattern(REJECTABLE_NOUNS)
    + r")\b"
)


def _has_unsettled_key(low: str) -> bool:
    """A cheap test that every sentence ``_UNSETTLED`` matches passes (a plain chain of
    substring tests: every sentence takes it, and most hold none of these)."""
    return (
        "comment" in low
        or "respond" in low
        or "verif" in low
        or "confirm" in low
        or "possible" in low
        or "difficult" in low
        or "hard to" in low
        or "unable" in low
        or "evidence" in low
        or "conflicting" in low
        or "contradictory" in low
        or "competing" in low
        or "reconcile" in low
        or "check" in low
    )


# "either account", "neither version", "both claims": two accounts already told.
_TWO_ACCOUNTS = re.compile(
    r"\b(?:(?:either|neither)\s+(?:account|version|claim|side)|both\s+(?:accounts|versions|claims))\b"
)


def _latest_question(index: int, clusters: list[_Cluster]) -> _Cluster | None:
    """The question of any kind with evidence closest before ``index``, a few sentences back."""
    near = [c for c in clusters if any(0 < index - i <= _DISPUTE_REACH for i in c.sentences)]
    return max(near, key=lambda c: max(i for i in c.sentences if i < index)) if near else None


def _party_of(
    subject: str, cluster: _Cluster, claims: Sequence[Claim], denials: Sequence[Denial]
) -> bool:
    """Whether ``subject`` names a side of a contested question: one of its sources."""
    mine = _side_words(subject)
    speakers = chain(
        (denials[d].speaker for d in cluster.denials), (claims[c].speaker for c in cluster.claims)
    )
    return bool(mine) and any(mine & _side_words(speaker) for speaker in speakers)


def _latest_dispute(index: int, clusters: list[_Cluster]) -> _Cluster | None:
    near = [
        c
        for c in clusters
        if c.kind == "contested" and any(0 < index - i <= _DISPUTE_REACH for i in c.sentences)
    ]
    return max(near, key=lambda c: max(i for i in c.sentences if i < index)) if near else None


# "captured several suspects, including a man believed to be a courier": a hedge on a noun
# in the claim, not on what the source asserts.
_DETAIL_HEDGE = re.compile(
    r"(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bwere)(?<!\bbe)(?<!\bbeen)\s(?:believed|thought|"
    r"suspected)\s+to\s+(?:be|have)\b"
)


def _only_a_detail_hedged(claim: Claim) -> bool:
    """The claim's one hedge sits in a reduced relative on a noun ("a man believed to be"),
    so the source asserts the claim itself plainly."""
    said = claim.content or claim.sentence
    if hedge_cue(said) is None or not _DETAIL_HEDGE.search(said):
        return False
    return hedge_cue(_DETAIL_HEDGE.sub(" ", said)) is None


_ADJACENT_CONTESTED = 0.12
# Two awaited outcomes a sentence or two apart: one shared word of substance is enough.
_NEAR_PENDING = 0.08
_MAX_SPAN = 160


@dataclass(slots=True)
class _Cluster:
    kind: QuestionKind
    question: str
    sentences: set[int] = field(default_factory=set)
    claims: set[int] = field(default_factory=set)
    denials: set[int] = field(default_factory=set)


_BARE_POINTER = frozenset({"this", "that", "it", "these", "those", "which", "them"})


def _rejected(denied: str) -> str:
    """What a denial rejected, for a question: a bare "This" quoted says nothing, so it is
    "it"; anything else is quoted verbatim."""
    if denied.strip(" “”\"'").lower() in _BARE_POINTER:
        return "it"
    return _quote(denied)


def _quote(span: str) -> str:
    span = " ".join(span.split()).strip(" ,.;:“”\"'")
    if len(span) > _MAX_SPAN:
        cut = span.rfind(" ", 0, _MAX_SPAN)
        span = span[: cut if cut > 0 else _MAX_SPAN] + " …"
    return f"“{span}”"


class _Idf(dict[str, float]):
    """Inverse document frequency of stems over the report's sentences, each worked out the
    first time it is looked up: the comparisons read only a few of a report's stems."""

    __slots__ = ("_df", "_n")

    def __init__(self, df: Mapping[str, int], n: int) -> None:
        super().__init__()
        self._df = df
        self._n = n

    def __missing__(self, term: str) -> float:
        f = self._df.get(term)
        if f is None:
            return 0.0
        weight = self[term] = math.log((self._n + 1) / f)
        return weight


def _weights(sentences: Sequence[Sentence]) -> _Idf:
    # Counter counts in C; each sentence's terms are distinct, so a count is a document count.
    df = Counter(chain.from_iterable(content_terms(s.text) for s in sentences))
    return _Idf(df, len(sentences))


# A sentence opening on a definite noun ("The talks", "The Commission"): what it names was
# introduced before.
_DEFINITE_OPENING = re.compile(
    # "This week", "that day": times, not matters.
    r"(?!.*\b(?:[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+(?:week|weeks|month|months|year|years|"
    r"morning|evening|afternoon|weekend|time|season|summer|winter|spring|autumn)\b)"
    r"(?:^(?:The|This|That|These|Those)\s+([A-Za-z][a-z]{3,})\b"
    # "… is going to sign that deal.": a demonstrative ("that" only where its noun ends the
    # clause, so "said that talks would …" is no pointer back).
    r"|.*?\b(?:this|these|those)\s+([a-z]{4,})\b"
    r"|.*?\bthat\s+([a-z]{4,})(?=\s*[.,;:!?\"”’]|\s*$))"
)
_PENDING_REACH = 6


def _names_back(index: int, members: set[int], sentences: Sequence[Sentence]) -> bool:
    """Whether sentence ``index`` opens on a definite noun that an earlier sentence of
    ``members``, a few sentences back, already names."""
    text = sentences[index].text
    if not (
        # Every match opens on "The"/"This"/… or holds "this", "these", "those" or "that":
        # a sentence with none of them skips the scan, which runs over the whole sentence.
        text.startswith("Th")
        or "this" in text
        or "that" in text
        or "these" in text
        or "those" in text
    ):
        return False
    opening = _DEFINITE_OPENING.match(text)
    if opening is None:
        return False
    word = next(w for w in opening.groups() if w)
    noun = re.compile(rf"\b{word}\b", re.IGNORECASE)
    return any(
        0 < index - i <= _PENDING_REACH and noun.search(sentences[i].text) is not None
        for i in members
    )


def _related(
    index: int,
    cluster: _Cluster,
    sentences: Sequence[Sentence],
    claims: Sequence[Claim],
    weights: Callable[[], _Idf],
    totals: dict[int, float],
    kind: QuestionKind | None = None,
) -> bool:
    """Whether sentence ``index`` belongs with ``cluster``; ``totals`` remembers each
    sentence's summed term weight for the rest of the report, since a sentence is compared
    with one cluster after another."""
    paragraph = sentences[index].paragraph
    members = cluster.sentences
    # Only the sentence itself and its two neighbours can be adjacent.
    adjacent = any(
        i in members and sentences[i].paragraph == paragraph for i in (index - 1, index, index + 1)
    )
    if adjacent and cluster.kind != "contested":
        # Neighbours join a pending or unconfirmed question.
        return True
    if (
        cluster.kind == "contested"
        and any(claims[c].sentence_index == index - 1 for c in cluster.claims)
        and sentences[index - 1].paragraph == paragraph
    ):
        # The sentence right after a contested claim goes on with its account.
        return True
    if not members:
        return False
    if kind == cluster.kind == "pending" and _names_back(index, members, sentences):
        # "… held a fourth round of talks without a breakthrough." "The talks … are set to
        # resume on Tuesday": the definite subject is the matter already awaited.
        return True
    mine = content_terms(sentences[index].text)
    theirs: set[str] = set()
    for i in members:
        theirs |= content_terms(sentences[i].text)
    shared = mine & theirs
    if not shared:
        # No word in common: no weighting makes the overlap reach any threshold.
        return False
    idf = weights()
    total = totals.get(index)
    if total is None:
        total = totals[index] = sum(map(idf.__getitem__, mine))
    if total <= 0:
        return False
    # A contested question holds the claim and the denial about one matter: a neighbour
    # joins it only when it shares that matter's words, so analysts' price talk next to a
    # denial stays out.
    # An outcome awaited a sentence or two apart ("expected to find him guilty" … "set to be
    # sentenced after the court decides") is the same outcome when the words say so.
    near = kind == cluster.kind == "pending" and any(abs(index - i) <= 2 for i in members)
    need = (
        _NEAR_PENDING
        if near and not adjacent
        else (_ADJACENT_CONTESTED if adjacent else _MERGE_OVERLAP)
    )
    return sum(map(idf.__getitem__, shared)) / total >= need


def find_open_questions(
    sentences: Sequence[Sentence], claims: Sequence[Claim], denials: Sequence[Denial]
) -> list[OpenQuestion]:
    """Open questions of one report, each with verbatim evidence, in order of first evidence."""
    if not sentences:
        return []
    # Lower-cased once for the searches below.
    # Aligned with the original: the cues found here cut spans out of ``s.text``.
    lowered = [lower_aligned(s.text) for s in sentences]
    # Term weights over the whole report, worked out only if a sentence needs them: most
    # reports place every question without comparing words.
    cached: list[_Idf] = []

    def weights() -> _Idf:
        if not cached:
            cached.append(_weights(sentences))
        return cached[0]

    clusters: list[_Cluster] = []

    # Contested: each denial with the claims it rejects; denials sharing a target join up.
    deferred: list[int] = []
    for di, denial in enumerate(denials):
        if denial.sentence_index < 0:
            continue
        targets = [t for t in denial.targets if 0 <= t < len(claims)]
        home = _target_dispute(denial, targets, denials, clusters)
        if not targets:
            # "… evidence had not been presented to substantiate the claims", a second
            # rejection by the same side: the question the first denial raised.
            home = _same_dispute(denial, denials, clusters)
        if home is None and not targets and _is_counter_claim(denial):
            # "We are not aware of any casualties", "Nobody asked us anything": with no
            # account it answers, nothing is contested — unless its side's dispute comes
            # later in the report (looked for once every denial is placed).
            deferred.append(di)
            continue
        owner = _OWNER.match(denial.denied) if not targets and home is None else None
        if owner is not None:
            # "rejected the minister's account": the question the minister's denial raised.
            home = next(
                (
                    c
                    for c in clusters
                    if c.kind == "contested"
                    and any(_shares_name(owner.group(1), denials[d].speaker) for d in c.denials)
                ),
                None,
            )
        if home is None:
            if targets:
                claim = claims[min(targets)]
                # Past tense and "according to" keep each template grammatical for any
                # speaker, singular or plural.
                text = (
                    f"Who is right: {claim.speaker} ({_quote(claim.content or claim.sentence)})"
                    f" or {denial.speaker}, who rejected {_rejected(denial.denied)}?"
                )
            else:
                # "It is a sham": a pronoun alone would make "Is “It” so?"; the sentence says
                # what is denied.
                denied = denial.denied if denial.denied.lower() not in _BARE_PRONOUNS else ""
                text = f"Is {_quote(denied or denial.sentence)} so? {denial.speaker} denied it."
            home = _Cluster("contested", text)
            clusters.append(home)
        home.denials.add(di)
        home.sentences.add(denial.sentence_index)
        for t in targets:
            if any(t in c.claims for c in clusters if c is not home):
                # Already the subject of another dispute: it stays there.
                continue
            home.claims.add(t)
            home.sentences.add(claims[t].sentence_index)

    for di in deferred:
        # A lead counter-claim ("A faulty valve did not cause the fire, say engineers")
        # belongs to the dispute its side opens further down.
        joined = _same_dispute(denials[di], denials, clusters)
        if joined is not None:
            joined.denials.add(di)
            joined.sentences.add(denials[di].sentence_index)

    _merge_disputes(clusters, claims, denials, sentences)
    _contested_figures(sentences, claims, clusters)
    _other_versions(sentences, lowered, claims, clusters)

    totals: dict[int, float] = {}

    def place(
        index: int, kind: QuestionKind, before: str, span: str, after: str, claim: int | None = None
    ) -> _Cluster:
        """Add sentence ``index`` to the first question it belongs with, or open a question
        ``before + quoted span + after`` (quoted only then: most sentences join one); the
        question it went to."""
        for cluster in clusters:
            if index not in cluster.sentences and not _related(
                index, cluster, sentences, claims, weights, totals, kind
            ):
                continue
            cluster.sentences.add(index)
            if claim is not None:
                cluster.claims.add(claim)
            return cluster
        cluster = _Cluster(kind, f"{before}{_quote(span)}{after}", {index})
        if claim is not None:
            cluster.claims.add(claim)
        clusters.append(cluster)
        return cluster

    by_sentence: dict[int, list[int]] = {}
    for ci, claim in enumerate(claims):
        by_sentence.setdefault(claim.sentence_index, []).append(ci)

    for s, low in zip(sentences, lowered, strict=True):
        if not _has_unsettled_key(low):
            continue
        unsettled = _UNSETTLED.search(low)
        if unsettled is None:
            continue
        if " or den" in low or "nor den" in low:
            # "The ministry has neither confirmed nor denied it": a side of the dispute before
            # it that answers neither way (a third party's silence is a question of its own).
            home = _latest_dispute(s.index, clusters)
            if home is not None and _party_of(s.text[: unsettled.start()], home, claims, denials):
                home.sentences.add(s.index)
                continue
        elif (
            "conflicting" in low
            or "reconcile" in low
            or "contradictory" in low
            or "competing" in low
            or _TWO_ACCOUNTS.search(low) is not None
            or _ANAPHORIC_ACCOUNT.search(s.text) is not None
        ):
            # "It was not possible to reconcile the conflicting claims": the dispute before it.
            home = _latest_dispute(s.index, clusters)
            if home is not None:
                home.sentences.add(s.index)
                continue
        related = next(iter(by_sentence.get(s.index, [])), None)
        if related is not None and not claims[related].content:
            related = None
        if related is None and _REFERS_BACK.search(low):
            # "… said 200 fighters were killed. The claim could not be verified.": the
            # question is the claim before it, with both sentences as evidence.
            prior = by_sentence.get(s.index - 1, [])
            if prior and claims[prior[-1]].content:
                claim = claims[prior[-1]]
                home = place(
                    claim.sentence_index,
                    "unconfirmed",
                    "Is it confirmed that ",
                    claim.content,
                    f", according to {claim.speaker}?",
                    prior[-1],
                )
                home.sentences.add(s.index)
                continue
        if related is not None:
            claim = claims[related]
            place(
                s.index,
                "unconfirmed",
                "Is it confirmed that ",
                claim.content,
                f", according to {claim.speaker}?",
                related,
            )
        else:
            stop = s.text.rfind(",", 0, unsettled.start())
            span = s.text[:stop] if stop > 0 else s.text
            place(s.index, "unconfirmed", "Is it confirmed: ", span, "?", related)

    for s, low in zip(sentences, lowered, strict=True):
        m = _PENDING.search(" " + low)
        if m is None:
            continue
        # The cue starts one character after the match, which the leading space offsets.
        if m.group(1).startswith("call") and (
            low[m.end() - 1 :].lstrip().startswith("help")
            or _WHOSE.search(low, 0, m.start()) is not None
        ):
            # "No one called for help": a literal call, nothing awaited; "the party, whose
            # charter calls for a republic": what it stands for, not a demand in play.
            continue
        if m.group(1).startswith("hoping") and _DESCRIBED_HOPE.search(low, 0, m.start()):
            # "a consortium hoping to bring the Cup home": who they are, not an outcome the
            # report awaits ("the club is hoping to sign him" is).
            continue
        start = max(0, s.text.rfind(",", 0, m.start()) + 1)
        related = next(iter(by_sentence.get(s.index, [])), None)
        cue = m.group(1)
        if "comment" in cue and _ANAPHORIC_ACCOUNT.search(s.text) is not None:
            # "The embassy refused to comment on the reports": silence on the disputed account.
            home = _latest_dispute(s.index, clusters)
            if home is not None:
                home.sentences.add(s.index)
                continue
        if ("confirm" in cue or "verif" in cue) and _TWO_ACCOUNTS.search(low):
            # "There has been no independent confirmation of either account": the question
            # the two accounts before it raised.
            home = _latest_dispute(s.index, clusters) or _latest_question(s.index, clusters)
            if home is not None:
                home.sentences.add(s.index)
                continue
        if "confirm" in cue or "verif" in cue:
            # "a claim the ministry has not confirmed": nothing settles it, nothing awaits.
            place(s.index, "unconfirmed", "Is it confirmed: ", s.text[start:], "?", related)
            continue
        place(s.index, "pending", "What comes of it: ", s.text[start:], "?", related)

    for ci, claim in enumerate(claims):
        if not claim.hedged or (
            # A named source passed on by unnamed reporting ("According to news reports,
            # the memo says …") is as unconfirmed as the reporting.
            claim.speaker_kind == "named" and not passed_on_by_reports(claim.sentence)
        ):
            continue
        if any(ci in c.claims for c in clusters):
            continue
        if _only_a_detail_hedged(claim):
            continue
        place(
            claim.sentence_index,
            "unconfirmed",
            "Is it confirmed that ",
            claim.content or claim.sentence,
            f", according to {claim.speaker}?",
            ci,
        )

    # Sentences with a source, or already evidence of a question. Worked out once: ``place``
    # adds only the sentence it is given, so no later sentence of this loop joins the set.
    covered = set(by_sentence).union(
        (d.sentence_index for d in denials), *(c.sentences for c in clusters)
    )
    for s, low in zip(sentences, lowered, strict=True):
        if s.index in covered:
            continue
        if _may_hedge_narration(low) and _NARRATION_HEDGE.search(low):
            place(s.index, "unconfirmed", "Is it confirmed: ", s.text, "?")

    clusters.sort(key=lambda c: min(c.sentences))
    return [
        OpenQuestion(
            question=c.question,
            kind=c.kind,
            evidence=tuple(sentences[i].text for i in sorted(c.sentences)),
            claims=tuple(sorted(c.claims)),
            denials=tuple(sorted(c.denials)),
        )
        for c in clusters
    ]
