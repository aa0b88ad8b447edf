"""Accusations as open questions. An accused party's answer contests the accusation:
"Opposition groups accuse the police of bias …" then "But the police say the act requires
notice …". An accusation nobody answers in the report is still open: is it founded?

The answer need not deny anything in words: the accused tell their own version, and a reader
of the brief wants the two side by side as one open question. The one answering must be the
party the accusation named as its object ("accuse the police of"), within a few sentences,
and not the accuser's side. When that party already rejects something in a contested
question, the accusation joins that question instead of opening another.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.clusters import Cluster, said_by
from briefings.model import Claim, Denial
from briefings.placement import Placement

__all__ = ["ACCUSING", "accusations_of", "accused_replies", "unanswered_accusations"]

# "accuse the police of bias", "blamed the army for the deaths", "criticized the ministry
# over …": the accused is the object of the verb, up to its preposition.
_ACCUSED = re.compile(
    r"\b(?:accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|criticiz(?:e|es|ed|ing)|"
    r"criticis(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|fault(?:s|ed|ing)?)\s+"
    r"((?:[\w’'.\-]+\s+){0,5}?[\w’'.\-]+)\s+(?:of|for|over)\b"
)
_ACCUSED_STEMS = ("accus", "blam", "critic", "condemn", "fault")
# Words of three letters or more in an accused phrase that name no party.
_NOT_PARTY = frozenset("the its his her their our this that these those and".split())
# How many sentences after the accusation a reply may come.
_REACH = 6


def accused_replies(
    claims: Sequence[Claim], denials: Sequence[Denial], clusters: list[Cluster]
) -> None:
    """Add each accusation to the question its accused party's rejection opened, or else open
    one with the party's answer; claims already in a question stay where they are."""
    taken = {i for c in clusters for i in c.claims}
    for ai, accusation in enumerate(claims):
        if ai in taken or not accusation.content:
            continue
        low = accusation.sentence.lower()
        if not any(stem in low for stem in _ACCUSED_STEMS):
            # Most claims accuse no one: a substring test before the search.
            continue
        m = _ACCUSED.search(accusation.sentence)
        if m is None:
            continue
        party = _party_words(m.group(1))
        if not party or party & _party_words(accusation.speaker):
            continue
        home = _party_dispute(party, clusters, denials)
        if home is not None:
            # "Global Witness is also accusing the Taylor government of …" when the
            # government's rejection is already a question: the accusation joins it.
            home.claims.add(ai)
            home.sentences.add(accusation.sentence_index)
            taken.add(ai)
            continue
        for bi in range(ai + 1, len(claims)):
            reply = claims[bi]
            gap = reply.sentence_index - accusation.sentence_index
            if gap > _REACH:
                break
            if gap <= 0 or bi in taken or not reply.content:
                continue
            if not party & _party_words(reply.speaker):
                continue
            clusters.append(
                Cluster(
                    "contested",
                    f"Who is right: {said_by(accusation)} or {said_by(reply, last=True)}?",
                    {accusation.sentence_index, reply.sentence_index},
                    {ai, bi},
                )
            )
            taken.update((ai, bi))
            break


def _party_dispute(
    party: frozenset[str], clusters: list[Cluster], denials: Sequence[Denial]
) -> Cluster | None:
    """The contested question in which the accused party already rejects something."""
    for cluster in clusters:
        if cluster.kind == "contested" and any(
            party & _party_words(denials[d].speaker) for d in cluster.denials
        ):
            return cluster
    return None


def _party_words(phrase: str) -> frozenset[str]:
    """The lower-cased words naming a party ("the Zambian police" → {"zambian", "police"}),
    possessives trimmed, function words left out."""
    words = (w.lower().removesuffix("’s").removesuffix("'s") for w in phrase.split())
    return frozenset(w for w in words if len(w) > 2 and w not in _NOT_PARTY)


# "blamed the attack on Israel and the United States": the accused after "on".
_BLAMED_ON = re.compile(
    r"\bblam(?:e|es|ed|ing)\s+(?:[\w’'.\-]+\s+){1,6}?on\s+((?:[\w’'.\-]+\s+){0,6}?[\w’'.\-]+)"
    r"(?=[,.;:]|\s*$)"
)


def accusations_of(
    speaker: str, before: int, claims: Sequence[Claim], cands: Sequence[int]
) -> set[int]:
    """The claims among ``cands``, made before sentence ``before``, that accuse the party
    ``speaker`` names ("Iran blamed the attack on Israel and the United States", then "The
    United States denied any role"): what that party's denial of an act answers."""
    party = _party_words(speaker)
    if not party:
        return set()
    found: set[int] = set()
    for i in cands:
        claim = claims[i]
        if claim.sentence_index == before or party & _party_words(claim.speaker):
            continue
        low = claim.sentence.lower()
        if not any(stem in low for stem in _ACCUSED_STEMS):
            continue
        for m in (*_ACCUSED.finditer(claim.sentence), *_BLAMED_ON.finditer(claim.sentence)):
            if party & _party_words(m.group(1)):
                found.add(i)
    return found


# The cues of an accusation: "accused", "alleges", "charged that", "blamed".
ACCUSING = re.compile(r"^(?:accus|alleg|charg|blam)", re.IGNORECASE)


def unanswered_accusations(placement: Placement, claims: Sequence[Claim]) -> None:
    """Each accusation no question holds yet: is it founded? Annotators list an accusation
    the report leaves unanswered as open, and it joins a question on the same matter."""
    clusters = placement.clusters
    for ci, claim in enumerate(claims):
        if not ACCUSING.match(claim.cue) or not claim.content:
            continue
        if any(ci in c.claims for c in clusters):
            continue
        placement.place(
            claim.sentence_index,
            "unconfirmed",
            "Is it founded: ",
            claim.content,
            f", as {claim.speaker} charged?",
            ci,
        )
