"""A deliberately naive extractor, the floor the engine is compared against in ``briefbot eval``.

Every sentence with a reporting verb becomes a claim of the words before that verb; no
denials, questions or entities. If the engine ever scores near this, the rules are not
pulling their weight.
"""

from __future__ import annotations

import re

from briefings.model import Claim, Extraction, Report
from briefings.segment import split_sentences

__all__ = ["extract_baseline"]

_VERB = re.compile(
    r"\b(?:said|says|say|told|tells|stated|states|claimed|claims|added|announced|"
    r"warned|urged|believes|believed|expects|expected|according to)\b"
)


def extract_baseline(report: Report | str) -> Extraction:
    """Claims only: the grammatical subject (words before the first reporting verb)."""
    text = report if isinstance(report, str) else report.text
    claims: list[Claim] = []
    for sentence in split_sentences(text):
        m = _VERB.search(sentence.text)
        if m is None:
            continue
        speaker = sentence.text[: m.start()].strip(' ,"“”')
        claims.append(
            Claim(
                sentence=sentence.text,
                speaker=speaker or "unknown",
                speaker_kind="named",
                content=sentence.text[m.end() :].strip(" ,."),
                hedged=False,
                sentence_index=sentence.index,
                cue=m.group(0),
            )
        )
    return Extraction(claims=tuple(claims))
