"""The claims a denial answers when its denied phrase names an account.

"the union's account", "the Amnesty International findings", "the report accusing …",
"denied the allegations", "media reports that …": each names whose account it rejects, or
what kind of account it is, so the targets are that source's claims or the claims of that
kind, not whatever shares the most words. ``denial_links`` tries these first and falls
back on shared content when none applies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.denial_parts import ACCOUNT_WORD
from briefings.lexicon import CLAIM_NOUNS, REJECTABLE_NOUNS, word_pattern
from briefings.model import Claim, Denial
from briefings.similarity import content_terms
from briefings.target_context import TargetLinks

__all__ = [
    "ALLEGATION",
    "OWNED_ACCOUNT",
    "STATED",
    "by_account_kind",
    "by_named_source",
    "by_owned_account",
    "by_report_source",
    "shares_word",
    "source_names",
]


# "the union's account", "Kreivys's claim": an account owned by a named source.
OWNED_ACCOUNT = re.compile(
    r"(?:the\s+)?((?:[\w.\-]+\s+){0,3}?[\w.\-]+)(?:[’']s|(?<=s)[’'])\s+(?:\w+\s+)?(?:"
    + word_pattern(REJECTABLE_NOUNS | CLAIM_NOUNS)
    + r")\b",
    re.IGNORECASE,
)


STATED = re.compile(
    r"^(?:\S+\s+){0,3}?(?:" + word_pattern(REJECTABLE_NOUNS | CLAIM_NOUNS) + r")\s+that\s"
)


ALLEGATION = re.compile(r"\b(?:allegations?|accusations?|charges?|alleg\w*|accus\w*)\b", re.I)


def by_owned_account(denial: Denial, links: TargetLinks, cands: list[int]) -> set[int] | None:
    """An account owned by a source ("the union's account", "the minister's claim that …"):
    that source's claims (those saying what is stated, when the denial states it); nothing
    for "rejected the minister's account" when the minister denied and claimed nothing;
    None when the denied phrase is no owned account."""
    claims = links.claims
    owner = OWNED_ACCOUNT.match(denial.denied)
    if owner is not None:
        theirs = [i for i in cands if shares_word(owner.group(1), claims[i].speaker)]
        stated_claim = STATED.search(denial.denied)
        if theirs and stated_claim is not None:
            said = content_terms(denial.denied[stated_claim.end() :])
            theirs = [i for i in theirs if said & content_terms(claims[i].content)]
        if theirs:
            return set(theirs)
        if any(d is not denial and shares_word(owner.group(1), d.speaker) for d in links.denials):
            # "rejected the minister's account": the minister denied, and claimed nothing.
            return set()
    return None


def by_named_source(denial: Denial, claims: Sequence[Claim], cands: list[int]) -> set[int] | None:
    """Claims by the source a denied account names ("denied the Amnesty International findings"
    → what that group said), None when the denial names no source this report quotes.

    An account given before the denial is the one rejected; a denial that comes first (a
    lead) rejects the source's first run of claims after it, not what the source says
    later about something else.
    """
    if not ACCOUNT_WORD.search(denial.denied):
        return None
    names = source_names(denial.denied) - _speaker_words(denial.speaker)
    if not names:
        return None
    theirs = [i for i in cands if names & _speaker_words(claims[i].speaker)]
    if not theirs and _ONE_DOCUMENT.search(denial.denied):
        # "the findings of a State Department report": what a document says, and no one
        # else's; anonymous voices that echo it are not what is rejected.
        theirs = [i for i in cands if _DOCUMENT_SPEAKER.search(claims[i].speaker)]
        if not theirs:
            return set()
    if not theirs:
        return None
    before = [i for i in theirs if claims[i].sentence_index <= denial.sentence_index]
    if before:
        return set(before)
    # The first run: the source's claims up to the first claim or denial of anyone else.
    first = min(theirs, key=lambda i: claims[i].sentence_index)
    run = {first}
    for i in range(first + 1, len(claims)):
        if i not in theirs:
            break
        run.add(i)
    return run


def by_report_source(denial: Denial, links: TargetLinks, cands: list[int], head: str) -> set[int]:
    """A report or allegation with a source ("the report accusing ..."): the claims whose
    source is that report (with what the press reported of it, in a lead); empty if no
    claim's source is one."""
    claims = links.claims
    sources = _stems(head) & _SOURCE_STEMS
    by_source = [i for i in cands if sources & _stems(claims[i].speaker)] if sources else []
    if by_source:
        return set(by_source) | _press_in_lead(denial, links, cands, head)
    agent = _UNNAMED_AUTHORS.match(denial.denied)
    if agent is not None:
        # "rejected a report by multinational investigators that …": what investigators
        # said, whichever investigators the report names them as.
        return {i for i in cands if agent.group(1) in claims[i].speaker.lower().split()}
    return set()


# "a report by multinational investigators": an account by people the report describes.
_UNNAMED_AUTHORS = re.compile(
    r"^(?:an?|the)\s+(?:[a-z\-]+\s+)?(?:report|study|findings|account|claims?|allegations?)\s+"
    r"(?:by|from)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}([a-z]+s)\b"
)


def by_account_kind(
    denial: Denial,
    links: TargetLinks,
    cands: list[int],
    head: str,
    stated: re.Match[str] | None,
    reportish_head: bool,
    allegation_head: bool,
) -> set[int] | None:
    """An account of a kind ("denied the allegations", "the findings", "the story"): the
    claims of that kind (accusations, a document, unnamed or hedged reporting, the press),
    those that say what "reports that …" states; the ones made before the denial, or all
    of them when the denial comes before every claim; None when that leaves none."""
    claims = links.claims
    typed: list[int] = []
    if allegation_head:
        typed = [i for i in cands if ALLEGATION.search(f"{claims[i].cue} {claims[i].content}")]
    if not typed and (reportish_head or allegation_head or _LOOSE_CLAIMS.match(head)):
        # "the accusation", "the findings": what a document says ("according to the
        # indictment"), else what unnamed or hedged reporting said.
        typed = [i for i in cands if _DOCUMENT_SPEAKER.search(claims[i].speaker)]
        typed = typed or [i for i in cands if links.reportish(i)]
    if reportish_head and not any(claims[i].sentence_index <= denial.sentence_index for i in typed):
        typed = _press_story(denial, links, cands, head, typed)
    if stated is not None and allegation_head:
        # "denied allegations that rebels engaged in cannibalism. Some witnesses have alleged
        # that … fighters in Liberia ate …": the allegation spelled out in the very next
        # sentence, about the same matter, is the one denied.
        own = content_terms(denial.denied[stated.end() :])
        spelled = [
            i
            for i in typed
            if claims[i].sentence_index == denial.sentence_index + 1
            and ALLEGATION.search(claims[i].cue)
            and own & links.claim_terms(i)
        ]
        if spelled:
            return set(spelled)
    if stated is not None and typed:
        typed = _saying_what_is_stated(denial, links, cands, head, stated, typed)
    # "the report" points back: claims made before the denial, when there are any.
    earlier_typed = [i for i in typed if claims[i].sentence_index <= denial.sentence_index]
    if earlier_typed:
        return set(earlier_typed)
    if typed and (
        stated is not None
        or not any(claims[i].sentence_index < denial.sentence_index for i in cands)
    ):
        # "denied accusations that his country is supporting rebels …. Sudan has accused the
        # south of supporting rebels": the background given after the denial, when it says
        # what the denial states and nothing before did.
        return set(typed)
    return None


def _press_story(
    denial: Denial, links: TargetLinks, cands: list[int], head: str, typed: list[int]
) -> list[int]:
    """A story or report ("the story", "the report") with no claim of its kind before the
    denial: what a newspaper, broadcaster or agency reported. The press's claims when one
    comes no later than the denial; in a lead, ``typed`` joined by press reports saying the
    same, or the paper's story that follows "rejected a newspaper report that …"; else
    ``typed`` as it was."""
    claims = links.claims
    press = [i for i in cands if links.press(i)]
    lead = not any(claims[i].sentence_index < denial.sentence_index for i in cands)
    if lead and not typed and _press_report(denial.denied):
        # "rejected a newspaper report that …" in the lead: the paper's story follows.
        typed = press
    elif lead and typed:
        typed = sorted({*typed, *_press_in_lead(denial, links, cands, head)})
    if any(claims[i].sentence_index <= denial.sentence_index for i in press):
        typed = press
    return typed


def _saying_what_is_stated(
    denial: Denial,
    links: TargetLinks,
    cands: list[int],
    head: str,
    stated: re.Match[str],
    typed: list[int],
) -> list[int]:
    """An account spelled out ("reports that blasting had loosened the hillside" says which
    account it rejects): only the claims of ``typed`` sharing its words (or, for a lead
    denying "reports that …" that the reporting says in other words, that reporting and
    what the press reported)."""
    claims = links.claims
    own = content_terms(denial.denied[stated.end() :])
    sharing = [i for i in typed if own & content_terms(claims[i].content or claims[i].sentence)]
    if (
        not sharing
        and _PLURAL_REPORTS.search(head)
        and not any(claims[i].sentence_index < denial.sentence_index for i in cands)
    ):
        # A lead that denies "reports that …" and a report whose only reporting says it
        # in other words ("is about to be sacked" / "a replacement has been approached"):
        # that reporting, and what the press reported, is still what it answers.
        sharing = sorted({*typed, *(i for i in cands if links.press(i))})
    return sharing


def _press_in_lead(denial: Denial, links: TargetLinks, cands: list[int], head: str) -> set[int]:
    """Press claims a lead denial of "reports" also rejects ("denied media reports that
    talks were held", before any claim): the reports are both what unnamed sources said and
    what the outlets that broke the story reported, when they say the same thing."""
    claims = links.claims
    if not _PLURAL_REPORTS.search(head) or any(
        claims[i].sentence_index < denial.sentence_index for i in cands
    ):
        return set()
    stated = STATED.search(denial.denied)
    own = content_terms(denial.denied[stated.end() :] if stated else denial.denied)
    return {
        i
        for i in cands
        if links.press(i) and own & content_terms(claims[i].content or claims[i].sentence)
    }


_PLURAL_REPORTS = re.compile(r"\breports\b", re.IGNORECASE)


# "local claims that …", "claims by residents": claims of no named source, like "reports".
_LOOSE_CLAIMS = re.compile(r"^(?:(?:the|such|these|those)\s+)?(?:[a-z\-]+\s+)?claims\b")


# A single document named as the rejected account ("the findings of a … report").
_ONE_DOCUMENT = re.compile(
    r"\b(?:a|an|the|this|that|its|their|his|her)\s+(?:[\w.’'\-]+\s+){0,8}?(?:report|study|survey|"
    r"indictment|investigation|inquiry|audit|review|dossier)\b(?!\s+(?:that|of)\b)"
)


# Speakers that are documents: "the indictment", "a commission report", "the study".
_DOCUMENT_SPEAKER = re.compile(
    r"\b(?:report|study|findings|indictment|investigation|inquiry|review|audit|"
    r"assessment|survey|document|documents|memo|dossier|ruling|verdict|charge\s+sheet)\b",
    re.IGNORECASE,
)


# Capitalized words premodifying an account noun ("the Amnesty International findings", "a
# U.S. State Department report") or naming its author after it ("a report by the BBC").
_PREMODIFIED = re.compile(
    r"((?:(?:[A-Z][\w.&’'\-]*|of|for|on)\s+){0,6}?[A-Z][\w.&’'\-]*)\s+(?:[a-z\-]+\s+){0,2}?"
    r"(?:" + word_pattern(REJECTABLE_NOUNS | CLAIM_NOUNS) + r")\b"
)


_AUTHOR_AFTER = re.compile(
    r"\b(?:" + word_pattern(REJECTABLE_NOUNS | CLAIM_NOUNS) + r")\s+(?:by|from)\s+(?:the\s+)?"
    r"((?:[A-Z][\w.&’'\-]*\s*){1,5})"
)


_NOT_SOURCE_NAMES = frozenset({"the", "a", "an", "of", "for", "on", "annual", "monthly"})


def source_names(denied: str) -> frozenset[str]:
    """Names of whoever gave the account a denied phrase names (lower-cased words)."""
    words: set[str] = set()
    for m in list(_PREMODIFIED.finditer(denied)) + list(_AUTHOR_AFTER.finditer(denied)):
        words |= {
            w.lower().strip(".’'").removesuffix("’s").removesuffix("'s")
            for w in m.group(1).split()
            if w[:1].isupper()
        }
    return frozenset(w for w in words if len(w) > 1 and w not in _NOT_SOURCE_NAMES)


def _speaker_words(speaker: str) -> frozenset[str]:
    return frozenset(
        w.lower().strip(".,’'").removesuffix("’s").removesuffix("'s") for w in speaker.split()
    )


def shares_word(owner: str, speaker: str) -> bool:
    mine = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", owner)} - {"the"}
    # "the rebels' account" belongs to "Rebel commanders".
    mine |= {w.rstrip("s") for w in mine}
    return bool(
        mine & {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]{3,}", speaker)}
        | (mine & {w.lower() for w in re.findall(r"[A-Za-z]{3,}", speaker)})
    )


def _stems(text: str) -> set[str]:
    return {w.lower()[:5] for w in re.findall(r"[A-Za-z]+", text)}


_SOURCE_STEMS = frozenset({"repor", "artic", "study", "memo", "docum", "letter"})


_PRESS_REPORT = re.compile(
    r"\b(?:newspaper|press|media|news|magazine|television|tv|radio|broadcaster|website|"
    r"tabloid|paper's|newspaper's)\s+(?:reports?|stories|story|articles?|reporting)\b",
    re.IGNORECASE,
)


def _press_report(denied: str) -> bool:
    """Whether a denied phrase names a press account ("a newspaper report that …")."""
    return _PRESS_REPORT.search(denied) is not None
