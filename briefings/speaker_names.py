"""The name a speaker phrase carries: a bare surname made whole, a long title dropped.

"Mr. Uribe" is the Alvaro Uribe named earlier; in "Zimbabwe's Prime Minister Ana Ruiz" the
name outweighs the title. Tidying reads a phrase already found, against the people the report
names, before its kind is judged, so it stands apart from finding (``speakers``) and from
judging (``speaker_kinds``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from briefings.gazetteer import Gazetteer, gazetteer
from briefings.lexicon import (
    GROUP_HEADS,
    HONORIFICS,
    ORG_DESCRIPTORS,
    PERSON_NOUNS,
    PREPOSITIONS,
    ROLE_HEADS,
    TITLE_WORDS,
)
from briefings.speaker_kinds import plural_role

__all__ = ["tidy_speaker"]


def tidy_speaker(speaker: str, people: Mapping[str, str]) -> str:
    """Expand a bare surname to the fullest name seen; drop a title longer than the name."""
    speaker = speaker.strip()
    full = people.get(speaker.lower())
    if full is not None:
        return full
    placed = _PLACED_BODY.match(speaker)
    if placed is not None and any(c.isupper() for c in speaker[placed.end() :]):
        # "the Qatar-based al-Jazeera television network", "the state-run Xinhua news
        # agency": where a body sits or who runs it describes it; the rest names it.
        speaker = speaker[placed.end() :]
    territory = _DESCRIBED_TERRITORY.match(speaker)
    if territory is not None:
        # "The former Soviet republic of Georgia", "the island nation of Nauru": a lower-case
        # description of the place; the name after "of" is who speaks.
        return territory.group(1)
    words = speaker.split()
    gaz = gazetteer()
    full = _surname_named_earlier(words, people, gaz)
    if full is not None:
        return full
    before_of = _around_of(speaker, words, people, gaz)
    if before_of is not None:
        return before_of
    if _serves_titled(words):
        # "A spokesman for local rights group Adhoc": the body named is the one served.
        return speaker
    described = _described_body(words, gaz.demonyms)
    if described is not None:
        return described
    return _name_after_title(speaker, words, people, gaz)


_DESCRIBED_TERRITORY = re.compile(
    r"(?:[Tt]he\s+)?(?:[\w\-]+\s+){0,3}?(?:republic|kingdom|nation|state|country|island|"
    r"islands|emirate|principality|monarchy|enclave|territory)\s+of\s+"
    r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})$"
)


def _surname_named_earlier(
    words: list[str], people: Mapping[str, str], gaz: Gazetteer
) -> str | None:
    """ "Mr. Uribe", "the 61-year-old Taylor": a surname after a title or a description, for
    the person the report named in full earlier."""
    if len(words) >= 2 and all(
        w.lower().rstrip(".") in HONORIFICS
        or w.lower() in TITLE_WORDS
        or w.lower() in ROLE_HEADS
        or w.lower() in gaz.titles
        for w in words[:-1]
    ):
        # "Mr. Uribe", "President Mbeki": the person named in full earlier in the report.
        full = people.get(words[-1].lower())
        if full is not None and " " in full:
            return full
    if (
        len(words) >= 2
        and words[-1][:1].isupper()
        and all(_surname_modifier(w) for w in words[:-1])
    ):
        # "the 61-year-old Taylor", "Mattel's Debrowski", "the embattled Ruiz": the person
        # named in full earlier, described again.
        full = people.get(words[-1].lower())
        if full is not None and " " in full:
            return full
    return None


def _around_of(
    speaker: str, words: list[str], people: Mapping[str, str], gaz: Gazetteer
) -> str | None:
    """A phrase with "of", "at", "from" or "with" after its second word: the person the
    report names before it, or a body whose name holds it."""
    of = next((k for k, w in enumerate(words) if k > 1 and w in {"of", "at", "from", "with"}), None)
    if of is None:
        return None
    # "Professor Ruth Okoye of Imperial College London", "Ana Ruiz with the group Clean
    # Rivers": the person, not the institution.
    lead = " ".join(words[of - 2 : of])
    if lead.lower() in people:
        return people[lead.lower()]
    after_of = words[of + 1 :]
    if (
        words[of - 1].lower() in gaz.org_suffixes
        and all(w[:1].isupper() or w in {"of", "and", "the", "for"} for w in after_of)
        and not any(w.lower() in ROLE_HEADS for w in after_of)
    ):
        # "The Ministry of Foreign Affairs": one body's name, not a title before a name
        # (as "Director" is in "The Ministry of Health Director Anna Berg").
        return speaker
    return None


def _name_after_title(
    speaker: str, words: list[str], people: Mapping[str, str], gaz: Gazetteer
) -> str:
    """ "Kremlin spokesperson Dmitry Peskov", "Zimbabwe's Prime Minister Ana Ruiz": the
    personal name that ends the phrase stands alone when the title before it would outweigh
    it; a body's name, or a name the role serves ("Lawyers for Paul Azzopardi"), stays whole."""
    # Trailing personal name after a title ("Kremlin spokesperson Dmitry Peskov").
    i = len(words)
    while i > 0 and _name_word(words[i - 1], gaz.titles, gaz.places, gaz.organizations):
        i -= 1
    known = next(
        (n for n in (3, 2) if len(words) > n and " ".join(words[-n:]).lower() in people), None
    )
    if known is not None:
        # "Liberia's Minister of Information Lawrence Bropleh": a person the report names
        # ends the phrase; a capitalized title word before ("Information") is no part of it.
        # And a title word inside the name stays in it: "President Sheikh Sharif Sheikh
        # Ahmed" is Sharif Sheikh Ahmed, not "Ahmed".
        i = len(words) - known
    if i < len(words) and words[-1].lower() in gaz.org_suffixes:
        # "A spokesperson for the Russian Foreign Ministry": a body, not a person's name.
        return speaker
    name = words[i:]
    if not name or i == 0 or len(name) > 3:
        return speaker
    prefix = [w.lower().rstrip(",") for w in words[:i]]
    if words[i - 1].lower() in PREPOSITIONS | {"the", "a", "an"} or (
        plural_role(words[0]) and any(w in {"for", "of", "to"} for w in prefix)
    ):
        # "A spokesperson for the Polish Ministry of Development", "Lawyers for Paul
        # Azzopardi": the name is whom the role serves, not the person speaking.
        return speaker
    if not any(w in TITLE_WORDS or w in ROLE_HEADS or w in PERSON_NOUNS for w in prefix):
        return speaker
    if _serves_titled(words[:i]):
        # "An aide to President Ana Ruiz", "A senior advisor to Burundian President Pierre
        # Nkurunziza": the name is the titled person the role serves, and the aide speaks.
        return speaker
    if any(w in {"with", "and", "including"} for w in prefix[-2:]):
        return speaker
    if len(name) == 1 and any(
        prefix[k] in gaz.org_suffixes and prefix[k + 1] in {"for", "of", "on"}
        for k in range(len(prefix) - 1)
    ):
        # "The Institute for Security Studies", "the Council on Foreign Relations": a body's
        # name runs on past its suffix word; no one-word person ends it.
        return speaker
    if words[0].lower() == "the" and all(w[:1].isupper() for w in words[1:]):
        # "The Open Society Justice Initiative": a capitalized word that can be a title
        # ("Justice") inside a body's name, not a title before a person's name.
        return speaker
    if i > 3 or words[i - 1].endswith(","):
        # A long title ("U.S. Special Envoy for Ukraine") would bury the name.
        return " ".join(name)
    if (
        len(_SPAN_TOKEN.findall(speaker)) >= 3 * len(_SPAN_TOKEN.findall(" ".join(name)))
        # Right after the title: "Emir Khalid bin Rashid" has a particle inside the name.
        and (prefix[-1] in TITLE_WORDS or prefix[-1] in ROLE_HEADS or prefix[-1] in PERSON_NOUNS)
    ):
        # "Zimbabwe's Prime Minister Ana Ruiz", "Russian gas giant Gazprom": a title or
        # description longer than the name it goes with would outweigh the name.
        return " ".join(name)
    return speaker


_SPAN_TOKEN = re.compile(r"\w+")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_PLACED_BODY = re.compile(
    r"(?:[Tt]he|[Aa]n?)\s+(?:(?:[A-Z][\w’'.]*\s+)*[\w’'.]+-"
    r"(?:based|run|owned|backed|controlled|funded|affiliated|aligned|financed|operated)\s+)+"
)
_AGE = re.compile(r"\d+-year-old$")


def _surname_modifier(word: str) -> bool:
    """A word that may stand before a surname without being part of the name: a
    determiner, an age, a lower-case adjective, or a possessor ("Mattel's")."""
    return (
        (
            word.isalpha()
            and word.islower()
            # "A spokeswoman for Gore" is someone else, who speaks for Gore.
            and word not in PREPOSITIONS | {"for", "and", "or", "to", "with", "by", "of"}
            and word not in ROLE_HEADS
            and word not in PERSON_NOUNS
            and word not in TITLE_WORDS
        )
        or word in {"The", "A"}
        or _AGE.match(word) is not None
        or (word.endswith(("'s", "’s")) and word[:1].isupper())
    )


def _described_body(words: list[str], demonyms: frozenset[str]) -> str | None:
    """ "Russian gas giant Gazprom", "the carmaker Toyota Motor": the body's name after a
    description of what it is; the description is no part of the name."""
    # A lower-case descriptor: "The Daily Post" is a name.
    at = next((k for k in range(len(words) - 1, 0, -1) if words[k] in ORG_DESCRIPTORS), 0)
    name = words[at + 1 :]
    if not at or not 1 <= len(name) <= 3 or not all(w[:1].isupper() for w in name):
        return None
    lead = words[:at]
    if lead[0].lower() in {"the", "a", "an"}:
        lead = lead[1:]
    if 2 <= len(lead) <= 3 and lead[0].isalpha() and lead[0][:1].isupper() and lead[1].islower():
        # "Managua weekly newspaper Confidencial": where the paper is published, then what
        # it is.
        lead = lead[1:]
    if not all(
        w.islower() or w.isupper() or w.lower() in demonyms or w.endswith(("an", "ese", "ish"))
        for w in lead
    ):
        # Lower-case words, "U.S.", and adjectives of nationality ("Chilean") only.
        return None
    if len(_SPAN_TOKEN.findall(" ".join(words))) < 3 * len(_SPAN_TOKEN.findall(" ".join(name))):
        # "Internet giant Google", "the carmaker Toyota Motor": short enough to keep.
        return None
    return " ".join(name)


def _name_word(
    word: str, titles: frozenset[str], places: frozenset[str], orgs: frozenset[str]
) -> bool:
    low = word.lower()
    return (
        word[:1].isupper()
        # "Thomas-Greenfield", "O'Brien": hyphens and apostrophes sit inside names, and
        # initials ("George W. Bush", "P.J. Crowley") keep their periods.
        and (
            word.replace("-", "").replace("’", "").replace("'", "").isalpha()
            or _INITIALS.fullmatch(word) is not None
        )
        and low not in titles
        and low not in TITLE_WORDS
        and low not in places
        and low not in orgs
        and not word.endswith(("’s", "'s", ","))
    )


# Lower-case roles that "of" joins to the body they serve.
_OF_ROLES = frozenset(
    "official officials spokesman spokeswoman spokesperson representative representatives "
    "employee employees member members executive executives".split()
)


def _serves_titled(before: list[str]) -> bool:
    """Whether the words before a name read "role to/for … Title": a person's role, written
    in lower case, in the service of the titled person named next ("aide to President"),
    unlike a capitalized title over a remit ("Deputy Minister for Oil and Civil Defense
    Hamdollah Mohammadnejad", "Special Envoy for Ukraine Kurt Volker"), the named one's own."""
    for k in range(len(before) - 2, 0, -1):
        # ("An official of the company Energoatom": "of" serves the body as "for" does.)
        if before[k] in {"to", "for"} or (before[k] == "of" and before[k - 1] in _OF_ROLES):
            role = before[k - 1]
            return (
                role.islower()
                and (role in ROLE_HEADS or role in PERSON_NOUNS or role == "advisor")
                and any(
                    # ("an aide to U.S. President-elect Barack Obama": a title to come.)
                    (w.lower().split("-")[0] in TITLE_WORDS and w[:1].isupper())
                    # "A spokesman for local rights group Adhoc": a body served.
                    or (w.islower() and (w in GROUP_HEADS or w in ORG_DESCRIPTORS))
                    for w in before[k + 1 :]
                )
            )
    return False
