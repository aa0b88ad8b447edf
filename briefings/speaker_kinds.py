"""What kind of source a speaker phrase is: named, official or anonymous (SCHEMA.md).

Judging a phrase once it is found needs no offsets and no scanning of the sentence: only
its words, the people the report names and the word lists of sources, roles and bodies.
So it stands apart from ``speakers``, which finds the phrase beside a cue.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from briefings.gazetteer import gazetteer
from briefings.lexicon import (
    AGENT_PLURALS,
    ANONYMOUS_HEADS,
    BODY_HEADS,
    BODY_PLURALS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FORCE_PLURALS,
    GROUP_HEADS,
    PERSON_NOUNS,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_HEADS,
    TITLE_WORDS,
    gated_search,
)
from briefings.model import SpeakerKind

__all__ = ["can_act", "classify_speaker", "is_pronoun", "plural_role", "titled_name"]

_QUANTIFIERS = frozenset(
    "one two three four five six seven eight nine ten some several many most few none each "
    "any all both dozens hundreds thousands millions scores".split()
)
_PARTICIPLES = frozenset(
    "polled surveyed interviewed quoted cited seen obtained reviewed published commissioned".split()
)
_ADJECTIVE_ENDINGS = ("al", "ent", "ant", "ive", "ic", "ous", "ern", "ary", "ible", "able")
# Nouns for a firm or association that speaks as itself when the report says "the company".
_FIRM_HEADS = frozenset(
    "company firm operator manufacturer maker producer carrier airline group broadcaster "
    "federation association league confederation foundation university hospital "
    "newspaper union club insurer retailer developer lender bank insurer utility "
    "automaker carmaker miner party".split()
)
# People who speak for the body they work at ("analysts at X", "observers from Y").
_STAFF_HEADS = frozenset(
    "analysts analyst experts expert observers observer researchers researcher economists "
    "economist employees employee monitors monitor staff engineers scientists".split()
)
# Words after which a speaker phrase's head noun has ended ("a source within the army").
_HEAD_ENDERS = frozenset("of with in on familiar along at from by within who".split())


def can_act(speaker: str, opens_sentence: bool) -> bool:
    """Whether ``speaker`` names people or a body, which can threaten or promise: "The crisis
    threatened to derail the talks" has an event for its subject, and nobody speaks.

    The head (the last word) decides. A capitalized head is a name, unless it is the
    sentence's first word and looks like a plural common noun ("Floods threaten …").
    """
    words = speaker.split()
    if not words:
        return False
    head = words[-1].strip(",.;:“”\"'")
    low = head.lower()
    if low in {"he", "she", "they", "we", "i"}:
        return True
    if (
        low in ROLE_HEADS
        or low in ANONYMOUS_HEADS
        or low in BODY_HEADS
        or low in BODY_PLURALS
        or low in FORCE_PLURALS
        or low in GROUP_HEADS
        or low in _FIRM_HEADS
        or low in _STAFF_HEADS
        or low.rstrip("s") in PERSON_NOUNS
        or low.endswith((*AGENT_PLURALS, "men"))
        or (len(words) == 1 and low in _QUANTIFIERS)
    ):
        return True
    if not head[:1].isupper():
        return False
    return not (opens_sentence and len(words) == 1 and low.endswith("s"))


def is_pronoun(speaker: str) -> bool:
    # "WHO" the organization is not "who" the pronoun.
    return speaker.lower() in PRONOUNS and not (speaker.isupper() and len(speaker) > 1)


def _in_named_outlet(words: list[str], low: list[str], head_end: int) -> bool:
    """ "Published reports in The Sunday Times": accounts printed by a named outlet (a name
    ending in a word like "Times", "Post" or "News"), not "reports in Kabul"."""
    if head_end >= len(words) or low[head_end] != "in" or low[head_end - 1] not in _PRINTED:
        return False
    suffixes = gazetteer().org_suffixes
    return any(w[:1].isupper() and w.lower() in suffixes for w in words[head_end + 1 :])


_PRINTED = frozenset({"reports", "report", "articles", "article", "accounts", "stories"})


_OFFICIAL_MAKERS = frozenset(
    "official government police state parliamentary military army ministry court".split()
)


def classify_speaker(speaker: str, people: Mapping[str, str]) -> SpeakerKind:
    """named / official / anonymous as SCHEMA.md defines them.

    The first family of checks that applies decides, in this order: a phrase may fit more
    than one ("Their report" is a document the report identified, and an unnamed group's),
    so the order is part of the rule.
    """
    words = speaker.replace(",", " ").split()
    if not words:
        return "anonymous"
    low = [w.lower() for w in words]
    if _serves_someone(words, low):
        # "A spokeswoman for Gore", "the head of the soccer federation", "an aide to the
        # president": an unnamed person tied to a named one or a body.
        return "official"
    if _names_person(words, people) or titled_name(words):
        return "named"
    if (
        len(low) >= 3
        and low[0] in {"a", "an", "one", "another"}
        and low[-1] in PERSON_NOUNS
        and low[-1] not in ROLE_HEADS
        and all(w[:1].isupper() for w in words[1:-1])
    ):
        # "a Kabul resident", "one Oromia resident", "a Texas farmer": someone from a place,
        # not named and serving no body.
        return "anonymous"
    described = _DESCRIBED_BODY.match(speaker)
    if described is not None and (
        described.group(1).lower() in BODY_HEADS or described.group(1).lower() in GROUP_HEADS
    ):
        # "the body that represents garment exporters", "The Chinese agency that monitors
        # food exports": one body, known by what it does rather than by its name.
        return "official"
    if _STATE_MEDIA.search(speaker):
        # "Chinese state media", "state television": the state speaks through its outlets,
        # an unnamed voice of a known body.
        return "official"
    return (
        _document_or_counted_body(speaker, words, low)
        or _body_in_view_or_withheld(speaker, words, low)
        or _kind_by_head(words, low)
        or _kind_by_shape(speaker, words, low)
    )


_DESCRIBED_BODY = re.compile(r"(?i:the|an?)\s+(?:[\w\-]+\s+){0,2}?([a-z]+)\s+that\s+[a-z]")


def _document_or_counted_body(speaker: str, words: list[str], low: list[str]) -> SpeakerKind | None:
    """ "Their report", "the two groups", "the indictment", "A military statement", "a police
    report": a document, a statement or a counted group the report points back to."""
    if low[0] == "their" and _IDENTIFIED_DOCUMENT.match(speaker):
        # "Their report": the document of a group the report has described but not named
        # speaks for that group, an unnamed body.
        return "official"
    if _counted_body(low) and words[-1].islower() and not _name_before_noun(words):
        # "Two environmental groups", "the two groups", "a legal group": bodies the report
        # counts or points back to, not named here; bare "rights groups" stays anonymous,
        # and "the World Health Organization" is a name.
        return "official"
    if _IDENTIFIED_DOCUMENT.match(speaker):
        # "the indictment", "The report": a document the report has identified speaks as
        # itself, like a named body; "reports" or "a document" name no source.
        return "named"
    if _STATEMENT.match(speaker):
        # "A military statement", "the statement issued by the ministry": a statement is
        # put out by an identified body, which speaks through it as itself.
        return "named"
    if low[-1] in DOCUMENT_NOUNS and not _OFFICIAL_MAKERS.isdisjoint(low[:-1]):
        # "An official investigation", "a police report": a state body's unnamed document.
        return "official"
    return None


def _body_in_view_or_withheld(speaker: str, words: list[str], low: list[str]) -> SpeakerKind | None:
    """ "the opposition", "The government", "The company": the one body of its kind the report
    is about; "unnamed officials", "diplomats close to the talks": a source withheld."""
    if len(low) == 2 and low[0] in {"a", "an", "the"} and low[1] in {"court", "tribunal", "judge"}:
        # "a court ruled …", "the tribunal said": an unnamed body of the state.
        return "official"
    if low == ["the", "opposition"]:
        # "the opposition": the organised opposition of the country the report is about.
        return "official"
    if low in (["the", "government"], ["the", "military"]):
        # "The government said": the one government the report is about, speaking as itself
        # like "the Kremlin"; "a government official" is still a role.
        return "named"
    if _UNNAMED.match(speaker) and not any(
        w[:1].isupper() and w.lower() not in DETERMINERS for w in words[1:]
    ):
        # "unnamed officials", "an unidentified diplomat": the report withholds who, and
        # names no body they serve.
        return "anonymous"
    if low in (["the", "agency"], ["the", "coalition"], ["the", "alliance"]):
        # "The coalition denied …": the one body of that kind the report is about, speaking
        # as itself ("the state disaster agency" is still an unnamed office).
        return "named"
    if len(low) >= 2 and low[0] == "the" and low[-1] in _FIRM_HEADS:
        # "The company", "the rail operator": a firm the report has named, speaking as itself.
        return "named"
    if _close_to(speaker):
        # "diplomats close to the talks", like "people familiar with the matter".
        return "anonymous"
    return None


def _kind_by_head(words: list[str], low: list[str]) -> SpeakerKind | None:
    """ "Analysts at Ridgeway Capital", "A government spokesman", "sources familiar with the
    matter", "Reports in the Daily Courier": the head noun, with whom it serves or who
    published it, decides."""
    # The part before "of"/"with"/"in" carries the head ("internal assessments of ...").
    head_start = 0
    if len(low) > 2 and low[1] == "of" and low[0] in _QUANTIFIERS:
        # "one of the officials", "some of the sources": the head follows "of".
        head_start = 2
    head_end = len(words)
    for i, w in enumerate(low):
        if w in _HEAD_ENDERS and i > head_start:
            head_end = i
            break
    head = low[head_start:head_end]
    source_by = _source_by(words, low)
    if head_end < len(words) and _staff_of_named_body(words, low, head, head_end):
        return "official"
    if not source_by and _role_head(words, head, head_start):
        return "official"
    if any(w in ANONYMOUS_HEADS for w in head) or "familiar" in low or "knowledge" in low:
        return _source_noun_kind(words, low, head_end, source_by)
    return None


def _source_by(words: list[str], low: list[str]) -> bool:
    """ "a report by Human Rights Watch": a capitalized name after "by" or "from" is the
    source; "economists polled by Reuters": the agent of the poll is not."""
    polled = any(
        w
        in {"polled", "surveyed", "interviewed", "quoted", "cited", "seen", "obtained", "reviewed"}
        for w in low
    )
    return (
        not polled
        and any(w in {"by", "from"} for w in low)
        and any(
            words[i][0].isupper()
            for i in range(len(words))
            if i > low.index(next(w for w in low if w in {"by", "from"}))
        )
    )


def _staff_of_named_body(words: list[str], low: list[str], head: list[str], head_end: int) -> bool:
    """ "Analysts at Ridgeway Capital", "Observers from the African Union": unnamed people
    of a named body."""
    if not any(
        w in _STAFF_HEADS
        or (
            w == head[-1]
            and plural_role(w)
            and w not in ANONYMOUS_HEADS
            # "The Sunday Times of London": a capitalized word after the first is part of a
            # name ("Regulators at …" opens the sentence).
            and (head_end == 1 or words[head_end - 1].islower())
        )
        for w in head
    ):
        return False
    rest = words[head_end + 1 :]
    return low[head_end] in {"at", "from", "of", "with", "for"} and any(
        w[0].isupper() and w.lower() not in DETERMINERS for w in rest
    )


def _role_head(words: list[str], head: list[str], head_start: int) -> bool:
    """ "A government spokesman", "Police": a role or an unnamed body heads the phrase, and
    no capitalized word before a body's noun names it ("Azerbaijan's foreign ministry").
    A role word inside a body's capitalized name ("the General Staff") heads nothing."""
    last = head_start + len(head) - 1
    if (
        len(head) >= 2
        and words[last][:1].isupper()
        and words[last - 1][:1].isupper()
        and head[-1] in gazetteer().org_suffixes
    ):
        return False
    return bool(head) and (
        head[-1] not in ANONYMOUS_HEADS
        and any(
            (w in ROLE_HEADS and w not in BODY_HEADS and not _adjective_official(head, i))
            or (w in BODY_HEADS and not _proper_before(words, head_start + i))
            for i, w in enumerate(head)
        )
    )


def _source_noun_kind(
    words: list[str], low: list[str], head_end: int, source_by: bool
) -> SpeakerKind:
    """ "sources familiar with the matter", "reports in Lagos": a source noun names no one,
    unless a name publishes or qualifies it ("Published reports in The Harbour Times")."""
    if source_by or _in_named_outlet(words, low, head_end):
        return "named"
    modifiers = words[1:head_end] if words[0][0].isupper() else words[:head_end]
    demonyms = gazetteer().demonyms
    if any(
        m[0].isupper() and m.lower() not in DETERMINERS and m.lower() not in demonyms
        for m in modifiers
    ):
        return "named"
    return "anonymous"


def _kind_by_shape(speaker: str, words: list[str], low: list[str]) -> SpeakerKind:
    """ "Independent physicists", "many in the border villages", "Farmers", "Her neighbor":
    with no head that decides, a phrase is named only by a capitalized word that neither
    opens the sentence nor gives a nationality."""
    if (
        len(words) >= 2
        and words[0][0].isupper()
        and all(w.islower() for w in words[1:])
        and low[0].endswith(_ADJECTIVE_ENDINGS)
        and plural_role(words[-1])
    ):
        # "Independent physicists", "Local residents": a sentence-initial adjective, no name.
        return "official" if words[-1].lower() in ROLE_HEADS else "anonymous"
    # A relative clause describes the speaker but names nobody who speaks: "Militants who
    # say they serve the Northern Front" are still unnamed militants.
    own = words[: words.index("who")] if "who" in words[1:] else words
    if len(own) > 1 and low[0] in _QUANTIFIERS | {"others", "those"} and low[1] in PREPOSITIONS:
        # "many in the border towns", "some from the capital": unnamed people of a place.
        return "anonymous"
    if (
        words[0][0].isupper()
        and all(w.islower() for w in own[1:])
        and low[0].endswith(AGENT_PLURALS)
        and low[0] not in gazetteer().organizations
    ):
        # "Farmers said", "Commuters who rely on the line say": a plural common noun
        # capitalized only because it starts the sentence names nobody.
        return "official" if low[0] in ROLE_HEADS else "anonymous"
    # "The tanker's Greek owner" names nobody; "the Norwegian fisheries ministry" is a body
    # named by its country.
    demonyms = frozenset() if any(w in BODY_HEADS for w in low) else gazetteer().demonyms
    if (
        not any(
            (w[0].isupper() or (w[0].isdigit() and any(c.isupper() for c in w)))
            and w.lower() not in DETERMINERS
            and w.lower() not in demonyms
            # "Norwegians": the plural of a demonym names no one either.
            and not (w.endswith("s") and w.lower()[:-1] in demonyms)
            for w in own
        )
        and not (len(words) == 1 and is_pronoun(speaker))
    ):
        # "Her neighbor", "a local farmer": an unnamed person is no named source.
        return "anonymous"
    return "named"


_GROUP_NOUNS = frozenset(
    {"group", "groups", "organization", "organizations", "organisation", "organisations"}
    | {"parties", "federations", "unions", "associations"}
)
_COUNTING = frozenset(
    "a an the these those both two three four five six seven eight nine ten several".split()
) | {str(n) for n in range(2, 100)}
# Only a pointing determiner turns "experts" into the members of a body just described.
_POINTING = frozenset({"the", "these", "those"})


def _name_before_noun(words: list[str]) -> bool:
    """ "The Islamic State group", "the Wagner group": a name before the group noun, which
    says which group it is ("the Norwegian group" has only a demonym, "a Berlin-based
    group" only a place)."""
    demonyms = gazetteer().demonyms
    return any(
        w[:1].isupper()
        and "-" not in w
        and w.lower() not in demonyms
        and w.lower() not in DETERMINERS
        for w in words[1:-1]
    )


def _counted_body(low: list[str]) -> bool:
    if len(low) < 2 or low[0] not in _COUNTING or len(low) > 5:
        return False
    if low[-1] in _GROUP_NOUNS:
        return not any(w in _HEAD_ENDERS for w in low)
    return len(low) == 2 and low[0] in _POINTING and low[1] in {"experts", "researchers"}


def _adjective_official(head: list[str], i: int) -> bool:
    """ "the official news agency", "official media": before another word of the head,
    "official" is an adjective, not a person."""
    return head[i] == "official" and i + 1 < len(head)


# Words every match of _CLOSE_TO holds, for the cheap gate before the search.

_CLOSE_TO_KEYS = ("close", "familiar", "privy", "briefed", "knowledgeable")
_CLOSE_TO = re.compile(
    r"\b(?:(?:close|familiar|privy)\s+(?:to|with)|briefed\s+on|knowledgeable\s+about)\b",
    re.IGNORECASE,
)


def _close_to(speaker: str) -> bool:
    return gated_search(_CLOSE_TO, speaker, _CLOSE_TO_KEYS)


_STATEMENT = re.compile(
    r"^(?:the|this|its|their|a|an)\s+(?:[\w’'\-]+\s+){0,3}?(?:statement|communiqu[eé]|"
    r"press\s+release)(?:$|\s+(?:issued|released|published|posted|sent|from|by|of)\b)",
    re.IGNORECASE,
)
_UNNAMED = re.compile(
    r"^(?:(?:an?|the|two|three|several|some)\s+)?(?:unnamed|unidentified)\s", re.IGNORECASE
)
_IDENTIFIED_DOCUMENT = re.compile(
    r"^(?:the|this|its|their)\s+(?:[\w’'\-]+\s+){0,3}?(?:report|indictment|study|survey|"
    r"ruling|verdict|judgment|judgement|audit|review|assessment|findings|investigation|inquiry|"
    r"complaint|lawsuit|resolution|communique|communiqué|analysis|document|memo|letter|"
    r"dossier)$",
    re.IGNORECASE,
)


def titled_name(words: list[str]) -> bool:
    """A role or title word followed by a capitalized name of one to three words
    ("Health Ministry spokesperson Ida Holm", "Colonel Jo Park")."""
    for i, word in enumerate(words[:-1]):
        low = word.lower()
        if low in {"for", "of", "to", "by", "with", "at", "from"}:
            # "Lawyers for port director Ida Holm": the named person is whom they serve.
            return False
        if low not in PERSON_NOUNS and low not in TITLE_WORDS:
            continue
        name = words[i + 1 :]
        if len(name) <= 3 and all(
            w[:1].isupper()
            and w.lower() not in TITLE_WORDS
            and w.lower() not in ROLE_HEADS
            and w.lower() not in DETERMINERS
            and not w.endswith(("’s", "'s"))
            for w in name
        ):
            return True
    return False


_STATE_MEDIA = re.compile(
    r"\bstate(?:-run|-owned|-controlled)?\s+(?:media|television|tv|radio|broadcaster|press)$",
    re.IGNORECASE,
)
# People who act for someone: with "for", "of" or "to" after them, the one they serve is
# named, they are not.
_SERVING = frozenset(
    "spokesman spokeswoman spokesperson lawyer lawyers attorney attorneys aide aides adviser "
    "advisers advisor advisors head representative representatives".split()
)


def _serves_someone(words: list[str], low: list[str]) -> bool:
    """An article, perhaps a lower-case modifier, a serving role, then "for", "of" or "to"
    ("A spokeswoman for Gore", "Lawyers for Dr. Wakefield", "the head of the federation");
    not a title before a name ("Spokesman Ana Ruiz")."""
    for i, word in enumerate(low[:3]):
        if word in _SERVING:
            return (
                i + 1 < len(low)
                and low[i + 1] in {"for", "of", "to"}
                and words[i].islower() == (i > 0)
                and all(w in DETERMINERS or words[k].islower() for k, w in enumerate(low[:i]))
            )
    return False


def plural_role(word: str) -> bool:
    """A plural common noun heading a speaker ("Lawyers", "relatives", "supporters")."""
    low = word.lower()
    return (
        low.endswith("s") and not low.endswith(("'s", "’s", "ss", "us")) and low not in TITLE_WORDS
    )


def _proper_before(words: list[str], head: int) -> bool:
    """A body named by a capitalized modifier ("Azerbaijan's foreign ministry", "The State
    Department") speaks as itself; "Police" or "the embassy" alone is an unnamed body.
    """
    if words[head][0].isupper() and head > 0:
        return True
    return any(w[0].isupper() and w.lower() not in DETERMINERS for w in words[:head])


def _names_person(words: list[str], people: Mapping[str, str]) -> bool:
    for i, word in enumerate(words):
        if (
            i > 0
            and word.lower() in {"for", "of", "to", "by"}
            and (plural_role(words[0]) or words[i - 1].lower() in _PARTICIPLES)
        ):
            # "Lawyers for Paul Azzopardi", "a document seen by Ledger Line": the people named
            # after the preposition do not speak.
            return False
        if word.endswith(("’s", "'s")) or not word[:1].isupper():
            # A lower-case word ("the defence ministry") is never a person's name.
            continue
        if (
            i + 1 < len(words)
            and words[-1].islower()
            and words[-1] in ROLE_HEADS
            and all(w[:1].isupper() for w in words[i + 1 : -1])
        ):
            # "Ortega allies", "Lund aides": the people of a named person, not that person.
            continue
        if word.lower() in people:
            return True
        if i + 1 < len(words) and f"{word} {words[i + 1]}".lower() in people:
            return True
    return False
