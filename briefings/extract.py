"""The engine's entry point: one report in, its claims, denials, questions and entities out."""

from __future__ import annotations

import re

from briefings.model import Claim, Extraction, Report
from briefings.segment import split_sentences

__all__ = ["extract"]

_SAID = re.compile(r"^(?P<speaker>[A-Z][^,]{0,80}?)\s+(?:said|says|told|stated)\b(?P<rest>.*)$")


def extract(report: Report | str) -> Extraction:
    """Extract attributed items from ``report``; deterministic and never raises."""
    if isinstance(report, str):
        report = Report(id="stdin", title="", text=report)
    claims: list[Claim] = []
    for sentence in split_sentences(report.text):
        m = _SAID.match(sentence.text)
        if m:
            claims.append(
                Claim(
                    sentence=sentence.text,
                    speaker=m.group("speaker"),
                    speaker_kind="named",
                    content=m.group("rest").strip(" ,."),
                    hedged=False,
                    sentence_index=sentence.index,
                    cue="said",
                )
            )
    return Extraction(claims=tuple(claims))
