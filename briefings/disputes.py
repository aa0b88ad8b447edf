"""Contested questions: a claim and the denial that rejects it, as one dispute.

Each denial opens or joins the dispute over the claims it rejects; a second rejection by
the same side, a lead counter-claim and a denial of "the minister's account" join the
dispute they answer; disputes about one matter fold into one. Two sources giving different
figures for one count, and "a different version" of an account already told, contest each
other with no denial word.

Kept apart from ``questions``, which places pending and unconfirmed matters around the
disputes built here: a dispute is built from claims and denials and whose side each
speaks for, not from the words a sentence shares with its neighbours.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from briefings.accusations import accused_replies
from briefings.clusters import Cluster, in_question, quote, said_by
from briefings.false_predicates import is_verdict
from briefings.lead_verbs import lead_verb
from briefings.lexicon import REJECTABLE_NOUNS, word_pattern
from briefings.model import Claim, Denial, Sentence
from briefings.similarity import content_terms, same_speaker
from briefings.turns import turned_claims

__all__ = [
    "ANAPHORIC_ACCOUNT",
    "DISPUTE_REACH",
    "find_disputes",
    "latest_dispute",
    "party_of",
    "side_words",
]


# Cues of negated counter-claims (as ``counter_claims`` words them), as opposed to explicit denials.
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
    sentences: Sequence[Sentence], claims: Sequence[Claim], clusters: list[Cluster]
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
        text = f"Who is right: {said_by(earlier)} or {said_by(later, last=True)}?"
        clusters.append(
            Cluster("contested", text, {earlier.sentence_index, later.sentence_index}, {j - 1, j})
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
    clusters: list[Cluster],
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
        home = latest_dispute(s.index, clusters)
        if home is not None:
            home.sentences.add(s.index)
            continue
        teller = side_words(s.text[: cue.start()])
        before = [
            i
            for i, c in enumerate(claims)
            if 0 < s.index - c.sentence_index <= _VERSION_REACH
            and c.content
            and not side_words(c.speaker) & teller
        ]
        if not before:
            continue
        first = before[-1]
        while first - 1 in before and same_speaker(
            claims[first - 1].speaker, claims[first].speaker
        ):
            first -= 1
        told = claims[first]
        cluster = Cluster(
            "contested",
            f"Who is right: {said_by(told)} or {quote(s.text)}?",
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
ANAPHORIC_ACCOUNT = re.compile(
    r"\b(?:(?:the|these|those|such|that|this|their|its)|(?:the\s+)?[a-z]+(?:s’|s'|’s|'s))\s+"
    r"(?:" + word_pattern(REJECTABLE_NOUNS) + r")\b",
    re.IGNORECASE,
)
DISPUTE_REACH = 3


@lru_cache(maxsize=1024)
def side_words(speaker: str) -> frozenset[str]:
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
    denial: Denial, denials: Sequence[Denial], clusters: list[Cluster]
) -> Cluster | None:
    """The contested question a denial with no target of its own belongs to: one whose
    denials come from the same side ("the Taliban" / "the Taliban's spokesman"), or, for
    an anaphoric account ("the claims"), the latest dispute a few sentences back."""
    mine = side_words(denial.speaker)
    for cluster in clusters:
        if cluster.kind != "contested" or not cluster.denials:
            continue
        if mine and any(mine & side_words(denials[d].speaker) for d in cluster.denials):
            return cluster
    at = denial.sentence_index
    names = _NAME_WORD.findall(denial.speaker)
    if names:
        # "But Jan Kowal, a spokesman for the operator, dismissed the claims." … "He also
        # ruled out sabotage": the same person, named where the dispute's denial is.
        for cluster in clusters:
            if cluster.kind == "contested" and any(
                0 < at - denials[d].sentence_index <= DISPUTE_REACH
                and all(re.search(rf"\b{re.escape(n)}\b", denials[d].sentence) for n in names)
                for d in cluster.denials
            ):
                return cluster
    if ANAPHORIC_ACCOUNT.search(denial.denied):
        near = [
            c
            for c in clusters
            if c.kind == "contested"
            and any(0 < at - denials[d].sentence_index <= DISPUTE_REACH for d in c.denials)
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


def _shares_side(denial: Denial, cluster: Cluster, denials: Sequence[Denial]) -> bool:
    mine = side_words(denial.speaker)
    return bool(mine) and any(mine & side_words(denials[d].speaker) for d in cluster.denials)


def _target_dispute(
    denial: Denial, targets: Sequence[int], denials: Sequence[Denial], clusters: list[Cluster]
) -> Cluster | None:
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


def _core(cluster: Cluster, claims: Sequence[Claim], denials: Sequence[Denial]) -> set[int]:
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
    cluster: Cluster,
    claims: Sequence[Claim],
    denials: Sequence[Denial],
    sentences: Sequence[Sentence],
) -> _Traits:
    speakers = [claims[c].speaker for c in cluster.claims]
    first = denials[min(cluster.denials)]
    return _Traits(
        core=frozenset(_core(cluster, claims, denials)),
        sides=frozenset().union(*(side_words(denials[d].speaker) for d in cluster.denials)),
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


def _one_matter(a: Cluster, b: Cluster, ta: _Traits, tb: _Traits, claims: Sequence[Claim]) -> bool:
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
    clusters: list[Cluster],
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


def party_of(
    subject: str, cluster: Cluster, claims: Sequence[Claim], denials: Sequence[Denial]
) -> bool:
    """Whether ``subject`` names a side of a contested question: one of its sources."""
    mine = side_words(subject)
    speakers = chain(
        (denials[d].speaker for d in cluster.denials), (claims[c].speaker for c in cluster.claims)
    )
    return bool(mine) and any(mine & side_words(speaker) for speaker in speakers)


def latest_dispute(index: int, clusters: list[Cluster]) -> Cluster | None:
    """The contested question with evidence closest before ``index``, a few sentences
    back."""
    near = [
        c
        for c in clusters
        if c.kind == "contested" and any(0 < index - i <= DISPUTE_REACH for i in c.sentences)
    ]
    return max(near, key=lambda c: max(i for i in c.sentences if i < index)) if near else None


_BARE_POINTER = frozenset({"this", "that", "it", "these", "those", "which", "them"})


def _verb_of(denial: Denial) -> str:
    """The denial's own verb where it leads what it denies ("denied", "dismissed"), else
    "rejected" (for "is not", "there is no", a noun …)."""
    return lead_verb(denial.cue, denial.denied, denial.sentence) or "rejected"


def _rejected(denied: str) -> str:
    """What a denial rejected, for a question: a bare "This" quoted says nothing, so it is
    "it"; anything else is quoted verbatim."""
    if denied.strip(" “”\"'").lower() in _BARE_POINTER:
        return "it"
    return quote(denied)


def find_disputes(
    sentences: Sequence[Sentence],
    lowered: Sequence[str],
    claims: Sequence[Claim],
    denials: Sequence[Denial],
) -> list[Cluster]:
    """The contested questions of one report, in the order they were opened; ``lowered``
    holds each sentence's text lower-cased (aligned with it)."""
    clusters: list[Cluster] = []

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
                # A verdict quoted alone ("Total utter rubbish") is what the account was
                # called, not what was rejected.
                rejected = (
                    f"called it {quote(denial.denied)}"
                    if is_verdict(denial.cue, denial.denied)
                    else f"{_verb_of(denial)} {_rejected(denial.denied)}"
                )
                rejecting = in_question(denial.speaker)
                text = f"Who is right: {said_by(claim)} or {rejecting}, who {rejected}?"
            else:
                # "It is a sham": a pronoun alone would make "Is “It” so?"; the sentence says
                # what is denied.
                denied = denial.denied if denial.denied.lower() not in _BARE_PRONOUNS else ""
                if is_verdict(denial.cue, denial.denied):
                    text = f"Is it so? {denial.speaker} called it {quote(denied)}."
                else:
                    text = f"Is {quote(denied or denial.sentence)} so? {denial.speaker} denied it."
            home = Cluster("contested", text)
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
    accused_replies(claims, denials, clusters)
    turned_claims(sentences, claims, clusters)
    return clusters
