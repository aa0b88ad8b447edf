"""A brief that left older reports out says so, in every format; a complete one says nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from briefings.model import Brief, BriefClaim, BriefReport, Entities, Evidence
from briefings.render import Renderer

pytestmark = pytest.mark.unit
NOTE = "older reports of this topic not shown; use since:"


def brief(omitted: int) -> Brief:
    claim = BriefClaim(
        "c1",
        "Ann",
        "named",
        "the port closes",
        False,
        "uncontested",
        (Evidence("r1", "Ann said the port closes."),),
    )
    return Brief(
        topic="donbass",
        generated_at=datetime(2026, 2, 1, tzinfo=UTC),
        since=None,
        reports=(BriefReport("r1", "Port news", "Wire", None, None),),
        claims=(claim,),
        denials=(),
        open_questions=(),
        entities=Entities(),
        omitted_reports=omitted,
    )


def rendered(obj: Brief) -> list[str]:
    renderer = Renderer()
    slack = " ".join(str(m["blocks"]) + m["text"] for m in renderer.slack(obj))
    matrix = renderer.matrix(obj)
    return [
        slack,
        " ".join(m["body"] for m in matrix),
        " ".join(m["formatted_body"] for m in matrix),
        renderer.markdown(obj),
    ]


def test_every_format_counts_the_reports_left_out() -> None:
    for text in rendered(brief(1234)):
        assert f"1234 {NOTE}" in text


def test_a_complete_brief_has_no_such_line() -> None:
    for text in rendered(brief(0)):
        assert NOTE not in text
    assert brief(0).to_dict()["omitted_reports"] == 0
    assert brief(7).to_dict()["omitted_reports"] == 7
