"""Which claims of a report each denial answers.

``find_denial_cues`` reads one sentence at a time; this module reads the whole report. It
fills each denial's ``targets``: matched by what the denial names — an owned account, "the
reports", a pronoun — and otherwise by shared content weighted so that words the whole
report repeats count little. The claims that are really denials have already become
denials (``contradictions``), so a denial is never also a claim.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from briefings.account_targets import (
    ALLEGATION,
    OWNED_ACCOUNT,
    STATED,
    by_account_kind,
    by_named_source,
    by_owned_account,
    by_report_source,
    shares_word,
    source_names,
)
from briefings.accusations import accusations_of
from briefings.clausal_denials import is_clausal_cue
from briefings.contradictions import accusation_against
from briefings.denial_parts import ACCOUNT_WORD, DISOWNED
from briefings.false_predicates import is_verdict
from briefings.lexicon import (
    CLAIM_NOUNS,
    DENY_VERBS,
    REJECT_VERBS,
    REJECTABLE_NOUNS,
    word_pattern,
)
from briefings.model import Claim, Denial
from briefings.reject_verbs import denies_proposition, is_rejection
from briefings.similarity import content_terms, name_terms, same_speaker
from briefings.target_context import REPORTISH, TargetLinks, same_side

__all__ = ["link_targets"]


_ANAPHORIC = re.compile(
    r"^\s*(?:this|that|it|which|these|those|(?:a|the|that|this|these|those|such)\s+(?:\w+\s+)?"
    r"(?:claim|claims|assertion|assertions|charge|charges|account|statement|suggestion|figure|"
    r"figures|numbers|estimate|estimates|version|explanation|description))\s*$",
    re.IGNORECASE,
)
# Counter-claims that answer an accusation: "found no irregularities", "no evidence".
_FINDING = re.compile(
    r"\b(?:found|seen|detected|identified|shown|recorded)\s+no\b|\bno\s+such\b|^[Nn]o$"
    # "we are not aware of any shipment": nothing of what was reported reached them.
    r"|^not\s+aware\s+of$"
)
_TARGET_THRESHOLD = 0.3
# Below the threshold, a denial still most likely rejects the single closest claim.
_FALLBACK_THRESHOLD = 0.1


def _negated_clause(denial: Denial) -> str:
    """The negated clause a denial's cue sits in, with its subject ("it had never …")."""
    at = denial.sentence.find(denial.cue) if denial.cue else -1
    if at <= 0:
        return denial.denied
    before = denial.sentence[:at].split()
    return f"{before[-1] if before else ''} {denial.sentence[at:]}"


def link_targets(claims: Sequence[Claim], denials: Sequence[Denial]) -> list[Denial]:
    """Fill each denial's ``targets``: the claims of this report it rejects.

    A claim named inside the denied phrase ("debunking of Trump's claim") is the target; an
    anaphoric object ("that claim", "this", "which") is the claim in the same sentence or the
    closest earlier one; "the reports" and "the allegations" reject what unnamed reporting or
    accusers said; otherwise claims are matched by shared content, weighted so that words
    the whole report repeats count little.
    """
    if not denials:
        return []
    links = TargetLinks(claims, denials)
    out: list[Denial] = []
    for denial in denials:
        cands = links.candidates(denial.speaker)
        targets = _pick(denial, links, cands)
        if _ACT_DISOWNED.search(denial.denied):
            accusers = accusations_of(denial.speaker, denial.sentence_index, claims, cands)
            if accusers:
                targets = accusers
        if out and (_SUCH.search(denial.denied) or _SUCH.search(denial.cue)):
            # "There is no such thing," a sentence or two after a denial: "such" points back
            # to what that denial rejected, unless an account given in between is nearer.
            prev = out[-1]
            between = any(
                prev.sentence_index < claims[t].sentence_index < denial.sentence_index
                for t in targets
            )
            if (
                prev.targets
                and not between
                and 0 < denial.sentence_index - prev.sentence_index <= _SUCH_REACH
            ):
                targets = {t for t in prev.targets if t in cands} or targets
        if not targets:
            accuser = accusation_against(
                denial.speaker, _negated_clause(denial), denial.sentence_index, claims
            )
            if accuser is not None and accuser in cands:
                targets = {accuser}
        if not targets and out:
            # A counter-claim right after a denial from the same side ("Egyptian officials
            # denied …. "There is no proposal," the Egyptian minister said.") rejects the same.
            prev = out[-1]
            if (
                prev.targets
                and 0 < denial.sentence_index - prev.sentence_index <= 1
                and same_side(prev.speaker, denial.speaker)
            ):
                targets = {t for t in prev.targets if t in cands}
        if not targets and ACCOUNT_WORD.search(denial.denied):
            # "… urged the media not to publish unfounded reports", further on from the
            # same side's refutation: the reports that refutation named.
            # "… to substantiate the claims", just after another side's denial of them:
            # the claims that denial named, whoever speaks.
            near = _BACK_TO_ACCOUNT.search(denial.denied) is not None
            earlier = [
                d
                for d in out
                if d.targets
                and d.sentence_index < denial.sentence_index
                and (
                    same_side(d.speaker, denial.speaker)
                    or (near and denial.sentence_index - d.sentence_index <= _BACK_REACH)
                )
                and ACCOUNT_WORD.search(d.denied)
            ]
            if earlier:
                targets = {t for t in earlier[-1].targets if t in cands}
        out.append(_with_targets(denial, tuple(sorted(targets))))
    return _one_disputed_account(_lead_account(out, links), claims)


# "any role in the killing", "involvement", "had nothing to do with": an act disowned.
_ACT_DISOWNED = re.compile(
    r"\b(?:role|involvement|responsibility|wrongdoing|complicity|nothing\s+to\s+do|"
    r"part\s+in|hand\s+in)\b"
)
# "reports that talks were held", "allegations of bribery": an account and what it says.
_SPELLED_OUT = re.compile(
    r"^(?:\S+\s+){0,3}?(?:" + word_pattern(REJECTABLE_NOUNS | CLAIM_NOUNS) + r")\s+(?:that|of)\s"
)
_SUCH = re.compile(r"^such\b|\bsuch$", re.IGNORECASE)
_SUCH_REACH = 3


def _lead_account(denials: list[Denial], links: TargetLinks) -> list[Denial]:
    """A report that opens on a denial of an account ("X denied reports that …", before
    the accounts themselves are given) keeps denying that account: a later denial of the
    same matter that found only part of it rejects all of it, and "no such talks" points
    back to the account the denial before it rejected."""
    lead = next((d for d in denials if d.targets), None)
    if (
        lead is None
        or len(lead.targets) < 2
        or not _SPELLED_OUT.search(lead.denied)
        or any(links.claims[t].sentence_index < lead.sentence_index for t in lead.targets)
    ):
        return denials
    shared = set(lead.targets)
    matter = content_terms(lead.denied)
    for t in shared:
        matter |= links.claim_terms(t)
    out: list[Denial] = []
    for d in denials:
        if d is not lead and d.sentence_index > lead.sentence_index:
            cands = set(links.candidates(d.speaker))
            mine = content_terms(d.denied) | (content_terms(d.sentence) - content_terms(d.speaker))
            prev = out[-1] if out else None
            if (
                (_SUCH.search(d.denied) or _SUCH.search(d.cue))
                and prev is not None
                and prev.targets
                and (d.sentence_index - prev.sentence_index <= _SUCH_REACH)
            ):
                # "there have been no such talks": the account the last denial rejected.
                d = _with_targets(d, tuple(t for t in prev.targets if t in cands) or d.targets)
            elif (
                d.targets
                and set(d.targets) < shared
                and mine & matter
                # "…, which is false": the claim of its own sentence, nothing more.
                and not any(links.claims[t].sentence_index == d.sentence_index for t in d.targets)
            ):
                d = _with_targets(d, tuple(sorted(shared & cands)))
        out.append(d)
    return out


# "the claims", "these allegations": an account already named, pointed back to.
_BACK_TO_ACCOUNT = re.compile(
    r"\b(?:the|these|those|such)\s+(?:claims|allegations|accusations|charges|reports)\b"
)
_BACK_REACH = 2


def _with_targets(d: Denial, targets: tuple[int, ...]) -> Denial:
    """``replace(d, targets=targets)``, without ``replace``'s look at the fields each time."""
    return Denial(d.sentence, d.speaker, d.speaker_kind, d.denied, targets, d.sentence_index, d.cue)


def _one_disputed_account(denials: list[Denial], claims: Sequence[Claim]) -> list[Denial]:
    """When every other denial of the report rejects the same claims, a denial that shares
    no words with any claim ("there was no question of any rider having broken the rules")
    rejects them too: a short report disputes one account. A counter to another denier's
    account ("rejected the minister's account") is left alone."""
    sets = {d.targets for d in denials if d.targets}
    if len(sets) != 1 or len(denials) < 3:
        return denials
    (shared,) = sets
    out: list[Denial] = []
    for d in denials:
        owner = OWNED_ACCOUNT.match(d.denied)
        if (
            not d.targets
            and not source_names(d.denied)
            and not (
                owner is not None
                and any(e is not d and shares_word(owner.group(1), e.speaker) for e in denials)
            )
        ):
            mine = tuple(t for t in shared if not same_speaker(d.speaker, claims[t].speaker))
            if mine:
                d = _with_targets(d, mine)
        out.append(d)
    return out


def _stands_alone(denial: Denial) -> bool:
    """A denial by a negated clause or a rejected proposition, naming no account."""
    if denial.cue.endswith(DISOWNED):
        # "the photos in the reports are not his": the photos, whatever shows them.
        return True
    if ACCOUNT_WORD.search(denial.denied):
        return False
    if is_clausal_cue(denial.sentence, denial.cue):
        return True
    return denies_proposition(denial.denied)


def _pick(denial: Denial, links: TargetLinks, cands: list[int]) -> set[int]:
    claims = links.claims
    if _stands_alone(denial):
        # "the crew did not make a mistake", "rejected the idea that a repair caused it": a
        # counter-claim answers an account already given, one that says the same thing.
        earlier = [i for i in cands if claims[i].sentence_index < denial.sentence_index]
        found = _by_overlap(denial, links, earlier, fallback=False)
        if not found and not content_terms(denial.denied) - content_terms(denial.cue):
            # "Nothing could be further from the truth" names nothing: it answers the
            # account given just before it.
            found = _latest_few_back(denial, claims, earlier)
        return found
    targets = _pick_direct(denial, links, cands)
    if targets and (_ACCOUNT_HEAD.match(denial.denied) or _WHOLE_CHARGE.match(denial.denied)):
        # "disputed the findings", "denied the allegations": every earlier claim of the
        # source whose account it is, not only the one closest to the denial.
        # Each distinct source once: a long report's many claims of one speaker would
        # otherwise make this quadratic in its claims.
        sources = {claims[t].speaker for t in targets}
        targets |= {
            i
            for i in cands
            if claims[i].sentence_index < denial.sentence_index
            and any(same_speaker(claims[i].speaker, src) for src in sources)
        }
    return targets


# "denies any wrongdoing", "denied all charges": the whole accusation, not one claim of it.
_WHOLE_CHARGE = re.compile(
    r"^(?:any|all)\s+(?:\w+\s+)?(?:wrongdoing|charges|allegations|accusations|involvement|"
    r"responsibility|claims)$",
    re.IGNORECASE,
)
# "the findings", "the allegations": an account noun, plural or collective, as the object.
_ACCOUNT_HEAD = re.compile(
    r"^(?:the|these|those|such|all)\s+(?:\w+\s+)?(?:claims|reports|allegations|accusations|"
    r"findings|charges|stories|suggestions|assertions|rumou?rs)$",
    re.IGNORECASE,
)


# "the allegation", "this accusation": one account as the object.
_ONE_ACCOUNT_HEAD = re.compile(
    r"^(?:the|this|that|such\s+an?)\s+(?:\w+\s+)?(?:claim|report|allegation|accusation|charge|"
    r"assertion|suggestion|story)$",
    re.IGNORECASE,
)


def _pick_direct(denial: Denial, links: TargetLinks, cands: list[int]) -> set[int]:
    """The claims a denial rejects by what its denied phrase names, by the first case that
    applies: a claim of its own sentence it names, an owned account, a named source, a
    pointer back, an account of a kind ("the reports", "the allegations"), an account of
    harm a lead disputes; otherwise shared content, and failing that the nearest account
    it may answer."""
    claims = links.claims
    same = [i for i in cands if claims[i].sentence_index == denial.sentence_index]
    named = _named_in_its_sentence(denial, links, cands, same)
    if named:
        return named
    owned = by_owned_account(denial, links, cands)
    if owned is not None:
        return owned
    sourced = by_named_source(denial, claims, cands)
    if sourced is not None:
        return sourced
    if _ANAPHORIC.match(denial.denied):
        return _by_pointer_back(denial, claims, cands, same)
    if same and (_ACCOUNT_HEAD.match(denial.denied) or _ONE_ACCOUNT_HEAD.match(denial.denied)):
        # "Turkey has said it believes …, but Saudi Arabia has denied the allegations": the
        # account its own sentence has just given, not some earlier one of that kind.
        return {same[-1]}
    head = " ".join(denial.denied.split()[:4])
    reportish_head = REPORTISH.search(head) is not None
    allegation_head = ALLEGATION.search(head) is not None
    if reportish_head or allegation_head:
        by_source = by_report_source(denial, links, cands, head)
        if by_source:
            return by_source
    stated = STATED.search(denial.denied)
    typed = by_account_kind(denial, links, cands, head, stated, reportish_head, allegation_head)
    if typed is not None:
        return typed
    if reportish_head or allegation_head:
        # "dismissed the report": an account already given, so an earlier claim.
        before = [i for i in cands if claims[i].sentence_index < denial.sentence_index]
        if before:
            cands = before
    harmed = _harm_told_after_lead(denial, links, cands)
    if harmed:
        return harmed
    cands = _narrowed_to_what_it_names(denial, claims, cands, head)
    targets = _by_overlap(denial, links, cands)
    if not targets and stated is None and REPORTISH.search(denial.sentence):
        targets = {i for i in cands if links.reportish(i)}
    return targets or _by_nearness(denial, links, cands, same, stated)


def _named_in_its_sentence(
    denial: Denial, links: TargetLinks, cands: list[int], same: list[int]
) -> set[int]:
    """Claims of the denial's own sentence that it names ("debunking of Trump's claim": the
    claim's cue inside the denied phrase) or whose cue its adverb modifies ("X falsely
    claimed ...", with the claims sharing that one's content); empty if none."""
    claims = links.claims
    named = [i for i in same if claims[i].cue and claims[i].cue in denial.denied]
    # "X falsely claimed ...": the adverb rejects the very claim it modifies.
    named += [i for i in same if f"{denial.cue} {claims[i].cue}" in denial.sentence]
    if named:
        return set(named) | (
            _by_overlap(denial, links, cands)
            if len(named) == 1 and denial.cue.endswith("ly")
            else set()
        )
    return set()


def _by_pointer_back(
    denial: Denial, claims: Sequence[Claim], cands: list[int], same: list[int]
) -> set[int]:
    """A pointer back ("that claim", "this", "which"): the last claim of the denial's own
    sentence, else the closest earlier one."""
    if same:
        return {same[-1]}
    earlier = [i for i in cands if claims[i].sentence_index < denial.sentence_index]
    return {max(earlier, key=lambda i: claims[i].sentence_index)} if earlier else set()


def _harm_told_after_lead(denial: Denial, links: TargetLinks, cands: list[int]) -> set[int]:
    """A lead disputing "claims that the strike caused civilian casualties": the accounts of
    harm the report then gives; empty if the denial speaks of no harm, comes after a claim
    it may answer, or no one but its deniers tells of harm."""
    claims = links.claims
    if _harms(content_terms(denial.denied)) and not any(
        claims[i].sentence_index < denial.sentence_index for i in cands
    ):
        # A lead disputing "claims that the strike caused civilian casualties": the
        # accounts of harm the report then gives, whatever words they use ("16 civilians
        # were killed", "the victims were in a car"), less what other deniers say.
        deniers = [d.speaker for d in links.denials]
        # "takes every report of casualties seriously" speaks of harm; it reports none.
        harmed = {
            i
            for i in cands
            if not links.claim_terms(i).isdisjoint(_HARM_DONE)
            and not any(same_speaker(claims[i].speaker, d) for d in deniers)
        }
        if harmed:
            return harmed
    return set()


def _narrowed_to_what_it_names(
    denial: Denial, claims: Sequence[Claim], cands: list[int], head: str
) -> list[int]:
    """``cands`` less the claims a denial cannot mean: after "what they stated in their
    report", those made after it; after "the U.S. is not seeking ...", those that do not
    mention the U.S."""
    pointing_back = _DEFINITE_DOCUMENT.search(denial.denied)
    if pointing_back is not None and not REPORTISH.search(head):
        # "not as bad as what they stated in their report": the report was given before
        # the denial; a voice that comes after it answers the denial, it is not the report.
        cands = [i for i in cands if claims[i].sentence_index < denial.sentence_index]
    about = _negated_subject(denial)
    if about:
        # "the U.S. is not seeking ...": only claims that mention the U.S. are rejected.
        mentioning = [i for i in cands if about & name_terms(claims[i].sentence)]
        if mentioning:
            cands = mentioning
    return cands


def _by_nearness(
    denial: Denial,
    links: TargetLinks,
    cands: list[int],
    same: list[int],
    stated: re.Match[str] | None,
) -> set[int]:
    """A denial sharing too little content with any claim: nothing when it denies harm no
    one spoke of; else the account next to it, a few sentences back, the latest account of
    harm, or what follows it in its own sentence, by the first that finds one."""
    if _harms(content_terms(denial.denied)) and not any(
        _harms(links.claim_terms(i)) for i in cands
    ):
        # "We are not aware of any casualties" where no one spoke of casualties: it answers
        # nothing here, not merely the sentence next to it.
        return set()
    claims = links.claims
    targets: set[int] = set()
    # A verdict quoted alone ('"Total utter rubbish," he said') is both its cue and what it
    # calls false: it answers the account next to it, as "denied" does.
    if stated is None and (_answers(denial.cue) or is_verdict(denial.cue, denial.denied)):
        targets = _next_to_it(denial, claims, cands) or _latest_few_back(denial, claims, cands)
    if not targets and _harms(content_terms(denial.sentence)):
        targets = _latest_account_of_harm(denial, links, cands)
    if not targets and same:
        targets = _later_in_its_sentence(denial, claims, same)
    return targets


def _answers(cue: str) -> bool:
    """Whether a cue answers an accusation ("denied", "rejected", "found no"), as opposed to
    a counter-claim that could stand on its own."""
    return bool(cue.lower() in _ANSWER_VERBS or is_rejection(cue) or _FINDING.search(cue))


def _next_to_it(denial: Denial, claims: Sequence[Claim], cands: list[int]) -> set[int]:
    """The claims of the sentence next to an answering denial: "The Kremlin has flatly
    denied any involvement." answers the sentence before it; a denial that opens a report
    answers the accusation right after it."""
    targets: set[int] = set()
    for offset in (-1, 1):
        targets = {i for i in cands if claims[i].sentence_index == denial.sentence_index + offset}
        if targets:
            break
    return targets


def _latest_few_back(denial: Denial, claims: Sequence[Claim], cands: list[int]) -> set[int]:
    """The latest claims a few sentences back: "Chief executive X denies any wrongdoing."
    after other denials answers the accusation made before them."""
    earlier = [
        i for i in cands if 0 < denial.sentence_index - claims[i].sentence_index <= _ANSWER_REACH
    ]
    if earlier:
        latest = max(claims[i].sentence_index for i in earlier)
        return {i for i in earlier if claims[i].sentence_index == latest}
    return set()


def _latest_account_of_harm(denial: Denial, links: TargetLinks, cands: list[int]) -> set[int]:
    """The latest earlier account of harm, for a denial of harm: "no one had been hurt"
    after "the strike killed nine", whatever word each uses for it."""
    claims = links.claims
    earlier = [
        i
        for i in cands
        if claims[i].sentence_index < denial.sentence_index and _harms(links.claim_terms(i))
    ]
    if earlier:
        latest = max(claims[i].sentence_index for i in earlier)
        return {i for i in earlier if claims[i].sentence_index == latest}
    return set()


def _later_in_its_sentence(denial: Denial, claims: Sequence[Claim], same: list[int]) -> set[int]:
    """The claims after the denied phrase in its own sentence: "X insisted that …, after Y
    said …" (one before it, "While Y has signaled …, X said …", is a contrast, not an
    answer)."""
    at = denial.sentence.find(denial.denied) if denial.denied else -1
    return {i for i in same if at >= 0 and denial.sentence.find(claims[i].speaker) > at}


_ANSWER_REACH = 3
# Stems (as ``content_terms`` cuts them) of words for people harmed.
_HARM_STEMS = frozenset(
    {"kille", "kill", "dead", "death", "died", "dies", "wound", "injur", "hurt", "casua", "victi"}
)


# Stems that report harm done ("were killed", "the victims"), not talk of it ("casualties").
_HARM_DONE = _HARM_STEMS - {"casua"}


def _harms(terms: frozenset[str]) -> bool:
    return not terms.isdisjoint(_HARM_STEMS)


_ANSWER_VERBS = DENY_VERBS | REJECT_VERBS
# "their report", "the findings of the report": a document already named, pointed back to.
_DEFINITE_DOCUMENT = re.compile(
    r"\b(?:the|their|its|this|that|these|those)\s+(?:\w+\s+){0,2}?(?:report|findings|study|"
    r"survey|story|article)\b"
)


def _negated_subject(denial: Denial) -> frozenset[str]:
    """Names in the subject of a negated counter-claim ("the U.S. is not seeking ...")."""
    if not denial.cue.startswith(("is ", "are ", "was ", "were ", "am ")):
        return frozenset()
    at = denial.sentence.find(denial.cue)
    if at <= 0:
        return frozenset()
    before = denial.sentence[max(0, at - 40) : at]
    return name_terms(before.rsplit(",", 1)[-1]) - name_terms(denial.speaker)


def _by_overlap(
    denial: Denial, links: TargetLinks, cands: list[int], fallback: bool = True
) -> set[int]:
    """Claims sharing enough of the denied words, weighted by rarity in the report (a claim
    of the denial's own sentence shares nothing); failing that, the best one above a floor."""
    d_terms = content_terms(denial.denied)
    if len(d_terms) < 2:
        d_terms = content_terms(denial.sentence) - content_terms(denial.speaker)
    weight = links.weight
    claims = links.claims
    scores: dict[int, float] = {}
    total = 0.0
    if cands and any(claims[i].sentence != denial.sentence for i in cands):
        total = sum(weight(t) for t in d_terms)
    for i in cands:
        if claims[i].sentence == denial.sentence or total == 0:
            scores[i] = 0.0
        else:
            scores[i] = sum(weight(t) for t in d_terms & links.claim_terms(i)) / total
    targets = {i for i in cands if scores[i] >= _TARGET_THRESHOLD}
    if not targets and scores and fallback:
        best = max(cands, key=lambda i: (scores[i], -i))
        if scores[best] >= _FALLBACK_THRESHOLD:
            # Claims sharing exactly as much of the denial are rejected alike ("fired rubber
            # bullets", said by witnesses and by a doctor, is one account told twice).
            targets = {i for i in cands if math.isclose(scores[i], scores[best])}
    return targets
