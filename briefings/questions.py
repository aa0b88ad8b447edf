"""Open questions: what a report leaves unresolved — contested, pending or unconfirmed.

*contested*: a claim and a denial about the same matter; *pending*: an outcome awaited,
hoped for, scheduled or left without agreement; *unconfirmed*: a hedged claim that nothing
in the report confirms. Evidence sentences about one matter (adjacent, or sharing rare
words) are gathered into one question. The question text is a template around verbatim
spans: the engine never writes its own account of events.

The contested questions come from ``disputes``; this module finds the pending and
unconfirmed matters and hands each sentence to ``placement``, which decides the question it
joins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.accusations import unanswered_accusations
from briefings.clusters import Cluster, in_question
from briefings.disputes import (
    ANAPHORIC_ACCOUNT,
    DISPUTE_REACH,
    find_disputes,
    latest_dispute,
    party_of,
)
from briefings.hedges import hedge_cue, passed_on_by_reports
from briefings.lexicon import (
    NARRATION_HEDGES,
    PENDING_PATTERNS,
    REJECTABLE_NOUNS,
    lower_aligned,
    word_pattern,
)
from briefings.model import Claim, Denial, OpenQuestion, Sentence
from briefings.placement import Placement
from briefings.similarity import same_speaker
from briefings.word_starts import word_start_pattern

__all__ = ["find_open_questions"]


# Matched against the lower-cased sentence: case-insensitive matching is slower in ``re``.
_PENDING_LETTERS = "acdefghijlmnoprstuvwy"
_PENDING = word_start_pattern(PENDING_PATTERNS, _PENDING_LETTERS)
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
        or "suspected of" in low
    )


_WHOSE = re.compile(r"\bwhose\s+[\w-]+\s+$")


# A noun right before "hoping": a participle describing it.
_DESCRIBED_HOPE = re.compile(
    r"\b(?!(?:is|are|was|were|be|been|being|still|also|now|not|and|all)\b)[a-z]{3,}\s+$"
)


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


def _latest_question(index: int, clusters: list[Cluster]) -> Cluster | None:
    """The question of any kind with evidence closest before ``index``, a few sentences back."""
    near = [c for c in clusters if any(0 < index - i <= DISPUTE_REACH for i in c.sentences)]
    return max(near, key=lambda c: max(i for i in c.sentences if i < index)) if near else None


# "captured several suspects, including a man believed to be a courier": a hedge on a noun
# in the claim, not on what the source asserts.
_DETAIL_HEDGE = re.compile(
    # The space first and the look-behinds taking it in: ``re`` skips to the spaces in C
    # instead of trying six look-behinds at every character.
    r"\s(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbe\s)(?<!\bbeen\s)(?:believed|"
    r"thought|suspected)\s+to\s+(?:be|have)\b"
)


def _only_a_detail_hedged(claim: Claim) -> bool:
    """The claim's one hedge sits in a reduced relative on a noun ("a man believed to be"),
    so the source asserts the claim itself plainly."""
    said = claim.content or claim.sentence
    if hedge_cue(said) is None or not _DETAIL_HEDGE.search(said):
        return False
    return hedge_cue(_DETAIL_HEDGE.sub(" ", said)) is None


def _unsettled_accounts(
    placement: Placement,
    lowered: Sequence[str],
    claims: Sequence[Claim],
    denials: Sequence[Denial],
    by_sentence: dict[int, list[int]],
) -> None:
    """Sentences saying that an account stands unsettled ("The claim could not be
    verified"): evidence of the dispute before them when they speak of it, else the question
    whether the claim of their sentence, or the one before it, is confirmed."""
    clusters = placement.clusters
    place = placement.place
    for s, low in zip(placement.sentences, lowered, strict=True):
        if not _has_unsettled_key(low):
            continue
        unsettled = _UNSETTLED.search(low)
        if unsettled is None:
            continue
        if " or den" in low or "nor den" in low:
            # "The ministry has neither confirmed nor denied it": a side of the dispute before
            # it that answers neither way (a third party's silence is a question of its own).
            home = latest_dispute(s.index, clusters)
            if home is not None and party_of(s.text[: unsettled.start()], home, claims, denials):
                home.sentences.add(s.index)
                continue
        elif (
            "conflicting" in low
            or "reconcile" in low
            or "contradictory" in low
            or "competing" in low
            or _TWO_ACCOUNTS.search(low) is not None
            or ANAPHORIC_ACCOUNT.search(s.text) is not None
        ):
            # "It was not possible to reconcile the conflicting claims": the dispute before it.
            home = latest_dispute(s.index, clusters)
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


# Pending cues that ask for an act still to come (a call, a demand), as
# opposed to silence or a missing confirmation, which belong to the dispute itself.
_FORWARD = re.compile(r"call|demand")


def _awaited_outcomes(
    placement: Placement, lowered: Sequence[str], by_sentence: dict[int, list[int]]
) -> None:
    """Sentences awaiting an outcome ("The talks are set to resume on Tuesday"): a pending
    question, or an unconfirmed one when what is awaited is a confirmation; silence on a
    disputed account, or no confirmation of either account, joins the dispute before it."""
    clusters = placement.clusters
    place = placement.place
    for s, low in zip(placement.sentences, lowered, strict=True):
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
        if "comment" in cue and ANAPHORIC_ACCOUNT.search(s.text) is not None:
            # "The embassy refused to comment on the reports": silence on the disputed account.
            home = latest_dispute(s.index, clusters)
            if home is not None:
                home.sentences.add(s.index)
                continue
        if ("confirm" in cue or "verif" in cue) and _TWO_ACCOUNTS.search(low):
            # "There has been no independent confirmation of either account": the question
            # the two accounts before it raised.
            home = latest_dispute(s.index, clusters) or _latest_question(s.index, clusters)
            if home is not None:
                home.sentences.add(s.index)
                continue
        if "confirm" in cue or "verif" in cue:
            # "a claim the ministry has not confirmed": nothing settles it, nothing awaits.
            place(s.index, "unconfirmed", "Is it confirmed: ", s.text[start:], "?", related)
            continue
        # "rejected those results and called for the annulment of the elections": the
        # dispute the sentence belongs to, and the demand it leaves open, are two questions.
        apart = _FORWARD.search(cue) is not None and any(
            c.kind == "contested" and s.index in c.sentences for c in clusters
        )
        place(s.index, "pending", "What comes of it: ", s.text[start:], "?", related, apart)


# An account put in doubt, or accusations traded: "observers have questioned the
# credibility of the results", "cast doubt on the figures", "the Games are mired in
# allegations of corruption", "both camps accused each other of rigging".
_DOUBTED = re.compile(
    r"\b(?=[abcdefghkmopqrstu])(?:questioned\s+the\s+(?:\w+\s+)?(?:credibility|legitimacy|validity|"
    r"accuracy|fairness|reliability|results?|figures?|findings|count|tally|claims?|version)\b"
    # "independent economists said they doubted inflation had declined".
    r"|doubted\b"
    r"|cast(?:s|ing)?\s+doubts?\s+(?:on|over)\b|raised?\s+doubts?\s+(?:about|over)\b"
    r"|mired\s+in\s+(?:\w+\s+)?(?:allegations|accusations|controversy|claims|scandal)\b"
    # "polls that have been plagued by claims of campaign fraud".
    r"|(?:plagued|marred|dogged|overshadowed)\s+by\s+(?:\w+\s+)?(?:allegations|claims|"
    r"accusations|charges|reports|complaints)\b"
    # "he has been criticized for accepting money", "are facing harsh criticism for",
    # "came under fire for", "council members appear to be split on what to do next".
    r"|(?:has|have|had)\s+been\s+(?:\w+\s+)?critici[sz]ed\s+for\b"
    r"|fac(?:es|ed|ing)\s+(?:\w+\s+)?criticism\b|came\s+under\s+(?:\w+\s+)?fire\b"
    r"|under\s+fire\s+for\b|(?:split|divided)\s+(?:on|over)\b"
    # "But there is growing concern they could incite political violence".
    r"|growing\s+(?:concern|concerns|fears|doubts)\b"
    # "The biggest concern is that he requires patients to stop their drugs".
    r"|(?:biggest|main|chief|greatest|key|major)\s+concerns?\s+(?:is|are|was|were)\s+that\b"
    r"|accused\s+each\s+other\b|accuse\s+(?:each\s+other|one\s+another)\b"
    r"|each\s+accused\s+the\s+other\b|traded\s+accusations\b)"
)


# A word every branch of ``_DOUBTED`` holds: most sentences hold none and skip the search.
_DOUBT_KEYS = (
    "doubt",
    "question",
    "accus",
    "mired",
    "plagued",
    "marred",
    "dogged",
    "overshadowed",
    "concern",
    "critici",
    "under fire",
    "split",
    "divided",
)


def _has_doubt_key(low: str) -> bool:
    """Whether ``low`` holds a word of ``_DOUBT_KEYS``: a plain loop, cheaper than ``any``
    over a generator on a test every sentence takes."""
    for key in _DOUBT_KEYS:  # noqa: SIM110 (a loop, not any() over a generator)
        if key in low:
            return True
    return False


def _doubted_matters(
    placement: Placement, lowered: Sequence[str], by_sentence: dict[int, list[int]]
) -> None:
    """Sentences that put an account in doubt or trade accusations, with no denial of their
    own: the matter is contested whether or not the report gives the account itself."""
    for s, low in zip(placement.sentences, lowered, strict=True):
        if not _has_doubt_key(low):
            continue
        m = _DOUBTED.search(low)
        if m is None:
            continue
        home = latest_dispute(s.index, placement.clusters)
        if home is not None:
            # "But in parts of the capital, voters questioned the initial results", just
            # after the parties disputed them: more evidence of that dispute.
            home.sentences.add(s.index)
            continue
        start = max(0, s.text.rfind(",", 0, m.start()) + 1)
        related = next(iter(by_sentence.get(s.index, [])), None)
        placement.place(
            s.index, "contested", "Is it settled: ", s.text[start:].strip(), "?", related
        )


# What a named source says may come of something: a warning, or a harm that could follow.
_FORECAST = re.compile(
    # ("actions that might undermine the talks", "wherever they may lead": a hypothetical
    # in a relative or free clause forecasts nothing.)
    # (The lookahead for the modals' first letters spares most positions the look-behinds.)
    r"(?=[cmw])(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwho\s)(?<!\bthey\s)\b(?:could|might|may|would)\s+"
    r"(?:\w+\s+)?(?:harm|damage|hurt|lead|cause|collapse|affect|"
    r"destroy|undermine|threaten|trigger|spark|fuel|worsen|delay|derail|jeopardi[sz]e|endanger|"
    r"kill|cost|force|result|plunge|weaken|end)\b"
)


def _has_modal(said: str) -> bool:
    """Whether ``said`` holds a modal ``_FORECAST`` needs: most claims hold none and skip its
    search, which tries four look-behinds at every position."""
    return "could" in said or "might" in said or "may" in said or "would" in said


def _forecasts(placement: Placement, claims: Sequence[Claim]) -> None:
    """Forecasts and warnings of a named source that no question holds yet ("Gates says
    their release could harm troops", "warned the drop in income might lead to the company's
    death"): what comes of it?"""
    clusters = placement.clusters
    for ci, claim in enumerate(claims):
        if claim.speaker_kind != "named" or not claim.content:
            continue
        said = claim.content
        # (A bare condition, "will strike if the price is not reversed", is left out: on the
        # two sets scored blind after it was added, H and L, it only added questions no
        # annotator listed.)
        if not (
            claim.cue.lower().startswith("warn") or (_has_modal(said) and _FORECAST.search(said))
        ):
            continue
        if any(ci in c.claims for c in clusters) or any(
            claim.sentence_index in c.sentences for c in clusters
        ):
            continue
        placement.place(
            claim.sentence_index, "pending", "What comes of it: ", said, f"? ({claim.speaker})", ci
        )


_CONTRAST = re.compile(r",\s+but\s|;\s")


def _two_sides_in_a_sentence(
    placement: Placement, claims: Sequence[Claim], by_sentence: dict[int, list[int]]
) -> None:
    """Two sources set against each other in one sentence ("Chamisa says the elections were
    rigged, but ZANU-PF wants the court to dismiss the challenge"): who is right?"""
    clusters = placement.clusters
    for index, found in by_sentence.items():
        if len(found) < 2 or any(index in c.sentences for c in clusters):
            continue
        first, second = claims[found[0]], claims[found[-1]]
        if same_speaker(first.speaker, second.speaker) or not _CONTRAST.search(first.sentence):
            continue
        placement.place(
            index,
            "contested",
            f"Who is right: {in_question(first.speaker)}, saying ",
            first.content or first.sentence,
            f", or {in_question(second.speaker)}?",
            found[0],
        )


def _hedged_claims(placement: Placement, claims: Sequence[Claim], *, named: bool = False) -> None:
    """Hedged claims of an official or anonymous source ("Officials said the suspect may have
    fled abroad"), or of a named one passed on by unnamed reporting, that no question holds
    yet: is it confirmed? With ``named``, the hedged claims of named sources that are left
    once forecasts have their questions ("The company said it could cut prices"): a named
    source's hedge leaves the matter as open as an unnamed one's."""
    clusters = placement.clusters
    for ci, claim in enumerate(claims):
        if not claim.hedged:
            continue
        # A named source passed on by unnamed reporting ("According to news reports, the
        # memo says …") is as unconfirmed as the reporting: it goes with the unnamed ones.
        if named != (claim.speaker_kind == "named" and not passed_on_by_reports(claim.sentence)):
            continue
        if any(ci in c.claims for c in clusters):
            continue
        own = _speakers_question(clusters, claims, claim.speaker) if named else None
        if own is not None:
            # "Ruiz said troops burned the market." … "The army denied it." … "Ruiz said
            # they may come back.": her hedge belongs to the question she is already part
            # of, as evidence; a question of its own would ask her matter twice.
            own.sentences.add(claim.sentence_index)
            continue
        if _only_a_detail_hedged(claim):
            continue
        feared = _FEARED.search(claim.speaker)
        if feared is not None:
            # "There are fears that the bid could suffer": a fear is not a source that
            # confirms anything; what is open is whether it is founded.
            verb = "Is" if feared.group(1) == "concern" else "Are"
            prefix, tail = f"{verb} the {claim.speaker} that ", " founded?"
        else:
            prefix, tail = "Is it confirmed that ", f", according to {claim.speaker}?"
        placement.place(
            claim.sentence_index,
            "unconfirmed",
            prefix,
            claim.content or claim.sentence,
            tail,
            ci,
            # A named source's hedged sentence beside a dispute is evidence of it, but the
            # hedge does not make the claim itself a side of the dispute.
            party=not named,
        )


def _speakers_question(
    clusters: Sequence[Cluster], claims: Sequence[Claim], speaker: str
) -> Cluster | None:
    """The first question that holds a claim of ``speaker``, if any."""
    for cluster in clusters:
        if any(same_speaker(claims[k].speaker, speaker) for k in cluster.claims):
            return cluster
    return None


# "will" announcing what is to come; not "will not", which refuses or rules out rather
# than leaving an outcome to wait for, nor "will continue", an intention to keep on.
_FUTURE = re.compile(r"\bwill\b(?!\s+(?:not|continue|remain|keep|stay)\b)")


def _future_claims(placement: Placement, claims: Sequence[Claim]) -> None:
    """What a source says will happen ("The union says its members will strike on Monday",
    "the evictions will go ahead"), from any source, when no question holds it yet: the
    report cannot yet say what comes of it, so the matter is pending."""
    clusters = placement.clusters
    for ci, claim in enumerate(claims):
        said = claim.content
        if not said or not _FUTURE.search(said):
            continue
        if any(ci in c.claims for c in clusters) or any(
            claim.sentence_index in c.sentences for c in clusters
        ):
            continue
        own = _speakers_question(clusters, claims, claim.speaker)
        if own is not None:
            # What a party to a question says will happen is more of that question.
            own.sentences.add(claim.sentence_index)
            continue
        placement.place(
            claim.sentence_index,
            "pending",
            "What comes of it: ",
            said,
            f"? ({claim.speaker})",
            ci,
            party=False,
        )


_FEARED = re.compile(r"\b(fears|concerns|concern|worries)$")


def _hedged_narration(
    placement: Placement,
    lowered: Sequence[str],
    denials: Sequence[Denial],
    by_sentence: dict[int, list[int]],
) -> None:
    """Sentences of the report's own narration that hedge what they tell ("The gunman is
    believed to have fled", "There are reports of shelling"): is it confirmed?"""
    # Sentences with a source, or already evidence of a question. Worked out once: ``place``
    # adds only the sentence it is given, so no later sentence of this loop joins the set.
    covered = set(by_sentence).union(
        (d.sentence_index for d in denials), *(c.sentences for c in placement.clusters)
    )
    for s, low in zip(placement.sentences, lowered, strict=True):
        if s.index in covered:
            continue
        if _may_hedge_narration(low) and _NARRATION_HEDGE.search(low):
            placement.place(s.index, "unconfirmed", "Is it confirmed: ", s.text, "?")


def find_open_questions(
    sentences: Sequence[Sentence], claims: Sequence[Claim], denials: Sequence[Denial]
) -> list[OpenQuestion]:
    """Open questions of one report, each with verbatim evidence, in order of first evidence."""
    if not sentences:
        return []
    # Lower-cased once for the searches below.
    # Aligned with the original: the cues found here cut spans out of ``s.text``.
    lowered = [lower_aligned(s.text) for s in sentences]
    clusters = find_disputes(sentences, lowered, claims, denials)
    placement = Placement(sentences, claims, clusters)

    by_sentence: dict[int, list[int]] = {}
    for ci, claim in enumerate(claims):
        by_sentence.setdefault(claim.sentence_index, []).append(ci)

    _unsettled_accounts(placement, lowered, claims, denials, by_sentence)
    _awaited_outcomes(placement, lowered, by_sentence)
    _doubted_matters(placement, lowered, by_sentence)
    _hedged_claims(placement, claims)
    unanswered_accusations(placement, claims)
    _forecasts(placement, claims)
    _two_sides_in_a_sentence(placement, claims, by_sentence)
    _hedged_claims(placement, claims, named=True)
    _future_claims(placement, claims)
    _hedged_narration(placement, lowered, denials, by_sentence)

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
