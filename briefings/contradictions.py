"""Claims that are really denials: a reported clause that negates what another speaker
asserted earlier in the report, or the accused's own act ("Witnesses said police fired on the
crowd." … "Police said officers did not fire.").

Kept apart from ``denial_links``, which links each denial to the claims it answers: this
turns claims into denials before any linking, by comparing the roots of a negated clause
with those of earlier claims, and it reads no account nouns or report words.
``accusation_against`` serves both: the accused answering a charge is a denial, and the
charge is what it answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.accusations import ACCUSING
from briefings.lexicon import HONORIFICS, TITLE_WORDS
from briefings.model import Claim, Denial
from briefings.similarity import name_terms, same_speaker

__all__ = ["accusation_against", "promote_contradictions"]


# A reported clause that negates its own verb ("officers did not fire on the crowd").
_NEGATED_CLAUSE = re.compile(
    r"\b(?:did|does|do|was|were|is|are|had|has|have|could|would|will)\s*(?:not|n[’']t)\s+"
    r"(?:been\s+|have\s+|be\s+)?(?P<verb>[a-z]+)|\bnever\s+(?P<never>[a-z]+)"
    # "no detainees were beaten": the act denied of everyone it could have touched.
    r"|\b[Nn]o\s+(?:[a-z]+\s+)?[a-z]+\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+"
    r"(?P<none>[a-z]+)"
)
# Every match of _NEGATED_CLAUSE holds "not", "n’t", "never" or "no" with a space after it:
# a claim with none of them, as most are, skips the search, which starts at every word.
_NO_SPACE = re.compile(r"[Nn]o\s")


def _negated_clause(content: str) -> re.Match[str] | None:
    if not (
        "not" in content
        or "n’t" in content
        or "n't" in content
        or "never" in content
        or _NO_SPACE.search(content)
    ):
        return None
    return _NEGATED_CLAUSE.search(content)


_CLAUSE_WORD = re.compile(r"[a-z]{3,}")
# Function words, auxiliaries and the negation itself: what remains is the proposition.
_NOT_PROPOSITION = frozenset(
    """
    the and for that with this from have has had was were are been being will would could
    should may might can not but its their there they them than into over about after
    before while also which who what when where how all any some such only more most very
    just our your his her him she you did does never nor own too said says told
    """.split()
)


def _proposition_roots(text: str) -> frozenset[str]:
    """Roots of the words of a clause ("fired", "fire", "firing" → "fir"), so a negated
    clause and the claim it answers compare whatever the tense."""
    roots = set()
    for word in _CLAUSE_WORD.findall(text.lower()):
        if word in _NOT_PROPOSITION:
            continue
        # "used"/"use", "beaten"/"beating": short verbs keep three letters of stem.
        for suffix in ("ing", "ed", "en", "d", "es", "s", "e"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        roots.add(word[:5])
    return frozenset(roots)


# Below this share of a negated clause's words, it says something else than the claim.
_CONTRADICTION_SHARE = 0.5
_CONTRADICTION_MIN = 2


def promote_contradictions(
    claims: Sequence[Claim], denials: Sequence[Denial]
) -> tuple[list[Claim], list[Denial]]:
    """Claims whose reported clause negates what another speaker asserted earlier in the
    report ("Witnesses said police fired on the crowd." … "Police said officers did not
    fire on the crowd.") are that speaker's denials, not claims.

    The negated clause must carry the same verb as the earlier claim and at least half of
    its own words: a negation that merely mentions the same matter stays a claim.
    """
    promoted: dict[int, str] = {}
    negations = [_negated_clause(c.content) for c in claims]
    if not any(negations):
        return list(claims), list(denials)
    roots: dict[int, frozenset[str]] = {}

    def roots_of(k: int) -> frozenset[str]:
        found = roots.get(k)
        if found is None:
            found = roots[k] = _proposition_roots(claims[k].content) - _proposition_roots(
                claims[k].speaker
            )
        return found

    for i, claim in enumerate(claims):
        m = negations[i]
        if m is None:
            continue
        if _denied_before(claim, denials):
            # A speaker who has denied an account and goes on to negate its own part ("The
            # mayor denied the reports." … "He said he had never met the builder.").
            promoted[i] = " ".join(m.group(0).split())
            continue
        verb = _proposition_roots(m.group("verb") or m.group("never") or m.group("none") or "")
        mine = roots_of(i)
        if len(mine) < _CONTRADICTION_MIN or not verb:
            continue
        for j in range(i):
            other = claims[j]
            if j in promoted or negations[j] is not None:
                continue
            if other.sentence_index >= claim.sentence_index:
                continue
            theirs = roots_of(j)
            if not verb & theirs:
                continue
            shared = mine & theirs
            if (
                len(shared) >= _CONTRADICTION_MIN
                and len(shared) >= _CONTRADICTION_SHARE * len(mine)
                and not same_speaker(other.speaker, claim.speaker)
            ):
                promoted[i] = " ".join(m.group(0).split())
                break
        if i not in promoted and (
            accusation_against(claim.speaker, claim.content, claim.sentence_index, claims)
            is not None
        ):
            # "Rights groups accused the army of torturing detainees." … "The army said it
            # had never mistreated prisoners.": the accused answering in its own words.
            promoted[i] = " ".join(m.group(0).split())
    if not promoted:
        return list(claims), list(denials)
    kept = [c for i, c in enumerate(claims) if i not in promoted]
    added = [
        Denial(c.sentence, c.speaker, c.speaker_kind, c.content, (), c.sentence_index, promoted[i])
        for i, c in enumerate(claims)
        if i in promoted
    ]
    return kept, sorted([*denials, *added], key=lambda d: d.sentence_index)


# A reported clause whose subject is the speaker itself, negated: "it had never …".
_SELF_NEGATED = re.compile(
    # (A quote opens on a capital: "We would never …".)
    r"^\s*(?:[Ii]t|[Tt]hey|[Hh]e|[Ss]he|[Ww]e|I)\s+(?:\w+ly\s+)?(?:(?:had|has|have|did|does|do|was|were|is|"
    r"are|would|could|will)\s*(?:not|n[’']t|never)|never)\b"
    # Not "it did not know", "he would not comment": no answer to the charge.
    r"(?!\s+(?:yet\s+)?(?:know|knew|known|expect|comment|say|said|plan|intend|want|wish|see|"
    r"think|believe|recall|remember|decide|decided|be\s+able)\b)"
)
# "does not have a crystal ball", "did not know": a state or a plan, no act answered.
_NO_ANSWER = re.compile(r"\s+(?:have|has|know|knew|expect|plan|intend|want|comment|see|think)\b")
# How many sentences before the negated answer the accusation it answers may stand.
_ACCUSATION_REACH = 3


# A reported clause whose subject is a named or definite party, negated: "the company had
# not added …".
_PARTY_NEGATED = re.compile(
    r"^\s*((?:[Tt]he\s+)?[\w’'\-]+(?:\s+[A-Z][\w’'\-]*){0,3})\s+(?:\w+ly\s+)?(?:(?:had|has|have|did|"
    r"does|do|was|were|is|are)\s*(?:not|n[’']t|never)|never)\b"
)


def _denied_before(claim: Claim, denials: Sequence[Denial]) -> bool:
    """Whether the claim's speaker denied something earlier in the report and the claim
    negates the speaker's own doing ("he had never met the builder"), or whether the claim
    negates the doing of a party that denied before ("…, a claim the company denies." …
    "A representative said the company had not added more soldiers.")."""
    party = _PARTY_NEGATED.match(claim.content) if claim.content else None
    if (
        party is not None
        and not _SELF_NEGATED.match(claim.content)
        and not _NO_ANSWER.match(claim.content, party.end())
    ):
        named = party.group(1).lower()
        if any(
            d.sentence_index < claim.sentence_index and d.speaker.lower() == named for d in denials
        ):
            return True
    negated = _SELF_NEGATED.match(claim.content) if claim.content else None
    if negated is None or _PLAN.search(claim.content, 0, negated.end() + 9):
        # "she would not resign" is a plan, not an answer about her own doing.
        return False
    if claim.content.lstrip()[:4].lower() == "they" and _ONE_PERSON.match(claim.speaker):
        # '"They are not in a position to tell us …," said Ali Abdu': a person's "they" is
        # others, not the speaker's own side.
        return False
    # "Mr. Uribe" after "Colombian President Alvaro Uribe": the surname is the person.
    surname = claim.speaker.split()[-1].lower()
    return any(
        d.sentence_index < claim.sentence_index
        and (
            same_speaker(d.speaker, claim.speaker)
            or (surname[:1].isalpha() and surname in name_terms(d.speaker) - _FORMS_OF_ADDRESS)
        )
        for d in denials
    )


# A shared "Mr." or title is no shared name.
_FORMS_OF_ADDRESS = HONORIFICS | TITLE_WORDS


# ("we would never use terror" disowns a deed; "she would not resign" is a plan.)
# A personal name: two or three capitalized words, no plural or body noun.
_ONE_PERSON = re.compile(r"(?:[A-Z][\w\-’']+\s+){1,2}[A-Z][\w\-’']*[^s\W]$")
_PLAN = re.compile(r"\b(?:would|will|could)\b(?!\s+never\b)|\bgoing\s+to\b")


def accusation_against(
    speaker: str, content: str, sentence_index: int, claims: Sequence[Claim]
) -> int | None:
    """The earlier claim accusing ``speaker``, when ``content`` (what the speaker said)
    negates something of the speaker itself ("The bank said it did not assist any client …"
    after "A former employee alleged that the bank helped clients …"); None otherwise."""
    if not content or not speaker or _SELF_NEGATED.match(content) is None:
        return None
    head = speaker.split()[-1].lower().removesuffix("’s").removesuffix("'s")
    if len(head) < 3:
        return None
    for j in range(len(claims) - 1, -1, -1):
        other = claims[j]
        if other.sentence_index >= sentence_index:
            continue
        if sentence_index - other.sentence_index > _ACCUSATION_REACH:
            break
        if same_speaker(other.speaker, speaker):
            continue
        if ACCUSING.match(other.cue) and head in other.content.lower().split():
            return j
    return None
