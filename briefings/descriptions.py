"""A body the report names once and then calls by a description: "ConocoPhillips … The
American company said", "The Wall Street Journal … The paper said", "the State Oceanic
Administration … The agency said".

Annotators, and readers of a brief, want the body's name: "the company" says nothing on its
own in a digest. A description is resolved only to an organization the report named before
it, of a kind the description's head noun allows, so "the agency" never becomes a newspaper
and "the paper" never a ministry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.gazetteer import gazetteer

__all__ = ["body_described", "lead_body"]

# Head nouns of a description, each with the words one of the body's names must hold (None:
# any body that is not a government office, for firms known only by a brand name).
_OUTLET_WORDS = (
    "times post journal news herald guardian telegraph mail tribune gazette daily radio tv "
    "television broadcasting network press agency reuters xinhua tass bbc cnn voa afp ap "
    "observer chronicle standard globe star sun express report"
).split()
_OUTLETS = frozenset(_OUTLET_WORDS) - {"agency", "report", "network"}
_KINDS: dict[str, tuple[str, ...] | None] = {
    **dict.fromkeys(
        (
            "company firm carmaker automaker maker manufacturer producer operator giant "
            "lender insurer airline carrier retailer miner chipmaker drugmaker conglomerate "
            "corporation group organization organisation"
        ).split(),
        None,
    ),
    "agency": ("agency", "administration", "bureau", "service", "authority", "office"),
    "regulator": ("agency", "administration", "authority", "commission", "office", "board"),
    "watchdog": ("agency", "administration", "authority", "commission", "office", "watch"),
    **dict.fromkeys(
        "paper newspaper daily journal tabloid broadcaster network station magazine outlet".split(),
        tuple(_OUTLET_WORDS),
    ),
    "commission": ("commission",),
    "committee": ("committee",),
    "council": ("council",),
    "court": ("court", "tribunal"),
    "ministry": ("ministry", "department"),
    "union": ("union", "federation", "congress"),
    "party": ("party", "movement", "front", "congress"),
    # "NATO … The alliance said": a military alliance or a bloc of states.
    "alliance": ("alliance", "nato", "treaty", "pact", "coalition"),
    "bloc": ("union", "bloc", "community", "association", "asean", "alliance", "nato"),
}
# Bodies of a state, and schools: never what "the company" or "the group" stands for.
_STATE_WORDS = frozenset(
    (
        "ministry department agency administration commission council parliament court "
        "police army government office bureau authority party union senate congress "
        "assembly tribunal university college institute school hospital"
    ).split()
)
_NOUN_ENDINGS = frozenset(
    (
        "administration authority bureau service office board organization organisation "
        "institute foundation association federation council commission committee "
        "department ministry agency fund bank programme program movement front alliance "
        "coalition"
    ).split()
)
# ("the U.N. agency": a modifier may be initials.)
_DESCRIPTION = re.compile(r"the\s+(?:[\w\-’'.]+\s+){0,2}?([a-z]+)$", re.IGNORECASE)
# How far back the body must have been named (characters): a few paragraphs.
_REACH = 2500


def body_described(
    description: str, organizations: Sequence[str], text: str, before: int
) -> str | None:
    """The organization ``description`` ("The American company") stands for: the one named
    last in ``text`` before offset ``before`` whose name suits the description's head noun."""
    m = _DESCRIPTION.fullmatch(description.strip())
    if m is None or not m.group(1).islower():
        # "The World Health Organization" is a name, not a description.
        return None
    head = m.group(1)
    if head not in _KINDS:
        return None
    wanted = _KINDS[head]
    origin = _origin(description)
    best: tuple[int, str] | None = None
    lo = max(0, before - _REACH)
    for name in organizations:
        at = text.rfind(name, lo, before)
        if at < 0:
            continue
        if origin and _foreign_to(name, origin):
            # "The Chinese agency" is not the U.S. Food and Drug Administration.
            continue
        words = {w.lower().strip(".,") for w in name.split()}
        if wanted is None:
            if words & _STATE_WORDS or words & _OUTLETS:
                continue
        elif not (words & set(wanted)) and not _apposed(head, name, text, lo, before):
            continue
        if best is None or at > best[0]:
            best = (at, name)
    if best is None:
        return None
    name = best[1]
    if name.split()[-1].lower() in _KINDS or name.split()[-1].lower() in _NOUN_ENDINGS:
        # "the State Oceanic Administration": a name ending in a common noun keeps its
        # article, as the report would write it; "ConocoPhillips" takes none.
        return name if name.lower().startswith("the ") else f"the {name}"
    return name


def _apposed(head: str, name: str, text: str, lo: int, before: int) -> bool:
    """Whether the report set ``head`` beside ``name`` ("the opposition party, the Coalition
    for Unity and Democracy", "Human Rights Watch, a rights group"): a body whose name holds
    no word of its kind is of that kind when the report says so."""
    words = re.escape(head)
    escaped = re.escape(name)
    pattern = (
        rf"\b{words}s?\s*,\s*(?:the\s+)?{escaped}"
        rf"|{escaped}\s*(?:\([^)]{{1,12}}\)\s*)?,\s*(?:the|a|an|its)\s+(?:[\w\-’'.]+\s+){{0,3}}{words}\b"
    )
    return re.search(pattern, text[lo:before], re.IGNORECASE) is not None


# A lead's source described as a body of no state ("An environmental group says …", "A New
# York-based human rights group says …", "An international watchdog published a report").
_LEAD_BODY = re.compile(
    # (Not "A spokesman for the militant group": a person of the body, who is no body.)
    r"(?:An?|One)\s+(?:(?!(?:for|of|at|in|from|with|to|by|on)\b)[\w\-’'.]+\s+){0,4}"
    r"(?:group|watchdog|organization|organisation|"
    r"charity|NGO|coalition|think\s+tank)",
)
# How far after the lead the body must be named (characters): the next sentence or two.
_LEAD_REACH = 600


def lead_body(description: str, organizations: Sequence[str], text: str, after: int) -> str | None:
    """The organization a report's lead describes without naming, when the text right after
    the lead names one ("U.S.-based International Rivers says it has obtained …"): news
    writes the lead that way, and the reader of a brief needs the name. ``after`` is where
    the lead sentence ends. A state body or an outlet is never what such a description means,
    nor a body the lead itself names."""
    if _LEAD_BODY.fullmatch(description.strip()) is None:
        return None
    lead = text[:after]
    best: tuple[int, str] | None = None
    for name in organizations:
        if name in lead:
            continue
        at = text.find(name, after, after + _LEAD_REACH)
        if at < 0:
            continue
        words = {w.lower().strip(".,") for w in name.split()}
        if words & _STATE_WORDS or words & _OUTLETS:
            continue
        if best is None or at < best[0]:
            best = (at, name)
    return best[1] if best else None


def _stem(word: str) -> str:
    """A country and its adjective share their first letters ("China"/"Chinese"); "U.S."
    is written for "American"."""
    low = word.lower().strip(".,")
    if low in {"u.s", "u.s.", "us", "american", "america"}:
        return "amer"
    return low[:4]


def _origin(description: str) -> set[str]:
    """The places or peoples a description names ("The Chinese agency": {"chin"})."""
    gaz = gazetteer()
    return {
        _stem(w)
        for w in description.split()[1:-1]
        if w[:1].isupper() and (w.lower() in gaz.demonyms or w.lower().strip(".") in gaz.places)
    } | {"amer" for w in description.split() if w in {"U.S.", "US"}}


def _foreign_to(name: str, origin: set[str]) -> bool:
    """Whether the body's name places it elsewhere than the description does."""
    gaz = gazetteer()
    placed = {
        _stem(w)
        for w in name.split()
        if w[:1].isupper()
        and (
            w.lower() in gaz.demonyms or w.lower().strip(".,") in gaz.places or w in {"U.S.", "US"}
        )
    }
    return bool(placed) and not placed & origin
