"""Two sources the report turns against each other: "Officials say the dam wall is safe. But
engineers say cracks have appeared in the wall." The turn ("But", "However", "Yet") sets a
claim against an account of another source a few sentences before it, on the same matter
(two content words shared), and the two are one contested question.

The turn is what tells a dispute from two sources adding to one story; without it the
rule would pair every two claims on a topic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.clusters import Cluster, said_by
from briefings.model import Claim, Sentence
from briefings.similarity import content_terms, same_speaker

__all__ = ["turned_claims"]

# The turn at the head of the later claim's sentence.
_TURN = re.compile(r"^\W*(?:But|However|Yet)\b|^[^,]{0,60},\s+however,")
# How many sentences back the account turned against may stand, and how many content stems
# the two must share. (Measured on blind sets A–S and H: insensitive between 2 and 5
# sentences and 1 and 3 stems.)
_REACH = 3
_SHARED = 2


def turned_claims(
    sentences: Sequence[Sentence], claims: Sequence[Claim], clusters: list[Cluster]
) -> None:
    """Join each turned claim no question holds to the question of the account it turns
    against, or open one for the two."""
    taken = {i for c in clusters for i in c.claims}
    held = {i for c in clusters for i in c.sentences}
    for bi, reply in enumerate(claims):
        if bi in taken or reply.sentence_index in held or not reply.content:
            continue
        if _TURN.search(sentences[reply.sentence_index].text) is None:
            continue
        terms = content_terms(reply.content)
        for ai in range(bi - 1, -1, -1):
            told = claims[ai]
            gap = reply.sentence_index - told.sentence_index
            if gap > _REACH:
                break
            if gap <= 0 or not told.content or same_speaker(told.speaker, reply.speaker):
                continue
            if len(terms & content_terms(told.content)) < _SHARED:
                continue
            home = next((c for c in clusters if ai in c.claims), None)
            if home is None:
                home = Cluster(
                    "contested",
                    f"Who is right: {said_by(told)} or {said_by(reply, last=True)}?",
                    {told.sentence_index},
                    {ai},
                )
                clusters.append(home)
            home.claims.add(bi)
            home.sentences.add(reply.sentence_index)
            taken.update((ai, bi))
            held.add(reply.sentence_index)
            break
