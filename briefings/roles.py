"""Who holds which role in a report, so that "the minister" or "her lawyer" can be named.

News introduces a person once with a role ("Foreign Minister Ana Ruiz", "the club's
lawyer, Tom Beck", "Ida Holm, a spokeswoman for the port") and later refers to them by the
role alone ("The minister said …", "Her lawyer added …"). Reading those introductions gives
each named person a set of role words; a later definite description resolves to the one
person whose role words cover it, and to nobody when two people share the role.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import accumulate

from briefings.gazetteer import gazetteer
from briefings.lexicon import (
    LEADING_ADVERBIALS,
    NAME_PARTICLES,
    PERSON_NOUNS,
    ROLE_HEADS,
    TIME_WORDS,
    TITLE_WORDS,
    WEEKDAYS,
)

__all__ = [
    "NAME_WORD",
    "RoleMention",
    "described_role",
    "lead_holder",
    "resolve_description",
    "role_mentions",
]

# Role nouns a description may be headed by: people, not bodies ("the ministry").
_HEADS = PERSON_NOUNS - {"man", "woman", "boy", "girl", "local", "member"}
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# The tokens as the one group of a split: the pieces between them come with them, so their
# offsets are running sums of the pieces' lengths (no match object per token).
# "U.S." is one word ("The U.S. Ambassador to Mexico, Tony Garza,"), not "U.S" and a stop.
_TOKEN = re.compile(
    r"((?:[A-Z]\.){2,}|(?:Gen|Capt|Gov|Sen|Cmdr|Insp|Amb)\.(?=\s)|[A-Za-z][\w’'\-.]*[\w]|[A-Za-z]"
    r"|[,;:()“”\"—–.!?])"
)
# Titles written short before a name ("Gen. Ana Ruiz"), read as the role they abbreviate, so
# that "the general" later finds her.
_ABBREVIATED = {
    "gen.": "general",
    "capt.": "captain",
    "gov.": "governor",
    "sen.": "senator",
    "cmdr.": "commander",
    "insp.": "inspector",
    "amb.": "ambassador",
}
_DETERMINERS = frozenset("the a an his her their its our this that".split())
_LINKS = frozenset("of for at with in from to on".split())
_DESCRIPTION = re.compile(
    r"^(?:the|his|her|their|its|this|that)\s+((?:[\w’'\-]+\s+|(?:[A-Z]\.){2,}\s+){0,2})"
    r"([a-z]+(?:-[a-z]+)?)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class RoleMention:
    """A person introduced with a role at ``position`` in the report's text; ``person`` is
    empty for someone introduced with the role but no name ("a spokesperson")."""

    position: int
    person: str
    head: str
    words: frozenset[str]


def _norm_head(word: str) -> str:
    low = word.lower()
    return "spokesperson" if low in _SPOKES else _ABBREVIATED.get(low, low)


# A name's part after a short lower-case particle: "al-Sadiq", "ki-Moon", "el-Sisi".
_PARTICLE_NAME = re.compile(r"[a-z]{1,3}-[A-Z]")


def _name_chunk(words: list[str]) -> bool:
    """Every word a name's: capitalized, or a particle inside it ("Carla del Ponte")."""
    return all(
        _is_name_word(w) or (0 < k < len(words) - 1 and w in NAME_PARTICLES)
        for k, w in enumerate(words)
    )


def _is_name_word(word: str) -> bool:
    low = word.lower()
    return (
        (word[:1].isupper() or _PARTICLE_NAME.match(word) is not None)
        and low not in TITLE_WORDS
        and low not in ROLE_HEADS
        and low not in _DETERMINERS
        # "President Ana Ruiz Tuesday pledged": a day after a name is when, not who.
        and low not in WEEKDAYS
        and not word.endswith(("’s", "'s"))
    )


def _person(words: list[str], people: Mapping[str, str]) -> str | None:
    """The person a run of capitalized words names: known to the report, or a two- or
    three-word name that no gazetteer lists as a place or body."""
    if not words:
        return None
    joined = " ".join(words).lower()
    for key in (joined, words[-1].lower()):
        if key in people:
            return people[key]
    if not 2 <= len(words) <= 3:
        return None
    gaz = gazetteer()
    if (
        any(
            w.lower() in gaz.places
            or w.lower() in gaz.organizations
            or w.lower() in gaz.org_suffixes
            for w in words
        )
        or joined in gaz.organizations
    ):
        return None
    return " ".join(words)


def _unowned(word: str) -> str:
    """A role word without a possessor's "'s": "Acme's director" is later "the Acme director"."""
    return _norm_head(word[:-2] if word.endswith(("’s", "'s")) else word)


def _role_words(chunk: list[str], remit: bool = True) -> tuple[str, frozenset[str]] | None:
    """ "the Executive Director of the agency" → ("director", {executive, director, agency}).

    The remit after "of" or "for" counts among the role's words (unless ``remit`` is
    false): a report that introduced "Minister of State for External Affairs Sashi Tharoor"
    later calls him "the state minister", and "the agency director" is the agency's
    Executive Director."""
    head_at = len(chunk)
    for i, w in enumerate(chunk):
        if i > 0 and w.lower() in _LINKS:
            head_at = i
            break
    lead = chunk[:head_at]
    if not lead or (_norm_head(lead[-1]) not in _HEADS and lead[-1].lower() not in _SPOKES):
        return None
    words = frozenset(_unowned(w) for w in lead if w.lower() not in _DETERMINERS)
    if not remit:
        return _norm_head(lead[-1]), words
    remit_words = frozenset(
        _unowned(w)
        for w in chunk[head_at + 1 :]
        if w.lower() not in _DETERMINERS and w.lower() not in _LINKS and w[:1].isalpha()
    )
    return _norm_head(lead[-1]), words | remit_words


def role_mentions(text: str, people: Mapping[str, str]) -> list[RoleMention]:
    """Every person the text introduces with a role, in order of position."""
    parts = _TOKEN.split(text)
    words = parts[1::2]
    starts = list(accumulate(map(len, parts), initial=0))[1::2]
    # Each token lower-cased in one call (no token holds a newline, and lower-casing one
    # token never reads the next); only the few tokens a rule starts from are visited.
    lows = "\n".join(words).lower().split("\n") if words else []
    if "." in text:
        lows = [_ABBREVIATED.get(low, low) for low in lows]
    out: list[RoleMention] = []
    n = len(words)
    triggers = [i for i, low in enumerate(lows) if low in _TRIGGERS]
    # Where the role nouns stand: a comma's chunks hold a role only with one of them near.
    heads = [i for i in triggers if lows[i] in _HEADS or lows[i] in _SPOKES]
    for i in triggers:
        low = lows[i]
        word = words[i]
        pos = starts[i]
        if (low in _HEADS or low in _SPOKES) and i + 1 < n and _is_name_word(words[i + 1]):
            # "Foreign Minister Ana Ruiz", "ministry spokesperson Ida Holm", and a name that
            # owns what follows ("Vice President Dick Cheney's chief of staff"): the role is
            # hers or his all the same, for "the vice president" later.
            j = i + 1
            while j < n and j - i <= 3 and _is_name_word(words[j]):
                j += 1
            names = words[i + 1 : j]
            if j < n and j - i <= 3 and words[j].endswith(("’s", "'s")):
                stem = words[j][:-2]
                if stem and _is_name_word(stem):
                    names = [*names, stem]
            person = _person(names, people)
            if person is not None:
                k = i
                while k > 0 and i - k < 3 and words[k - 1][:1].isalpha():
                    prev = words[k - 1]
                    if prev.lower() in _DETERMINERS or (prev.islower() and prev not in _HEADS):
                        break
                    k -= 1
                role = _role_words(words[k : i + 1])
                if role is not None:
                    out.append(RoleMention(pos, person, role[0], role[1]))
        elif (
            (low in _HEADS or low in _SPOKES)
            and i + 3 < n
            and lows[i + 1] in {"to", "for"}
            and _is_name_word(words[i + 2])
        ):
            # "U.S. Ambassador to Kabul John Bass": the post's place, then the name.
            mention = _remit_then_name(words, lows, i, people)
            if mention is not None:
                out.append(RoleMention(pos, mention[0], _norm_head(word), mention[1]))
        if low in {"a", "an", "another"}:
            unnamed = _unnamed_role(words, starts, i, people)
            if unnamed is not None:
                out.append(unnamed)
        if word == "," and _near(heads, i, _CHUNK_WORDS):
            before = _chunk(words, i, -1)
            after = _chunk(words, i, 1)
            # "the club's lawyer, Tom Beck" / "Ida Holm, a spokeswoman for the port".
            for role_chunk, name_chunk in ((before, after), (after, before)):
                role = _role_words(role_chunk)
                if role is None and role_chunk is before:
                    role = _role_words(_role_phrase(before))
                if role is None or not name_chunk:
                    continue
                while name_chunk and name_chunk[0].lower() in LEADING_ADVERBIALS:
                    name_chunk = name_chunk[1:]
                if not name_chunk or not _name_chunk(name_chunk):
                    continue
                person = _person(name_chunk, people)
                if person is not None:
                    out.append(RoleMention(pos, person, role[0], role[1]))
    return out


_PHRASE_OPENERS = _LINKS | {"by", "as", "than"}


def _role_phrase(chunk: list[str]) -> list[str]:
    """The role's own phrase at the end of a longer run: "(an accusation made) by | the
    parliament representative from Karamoja", from after the last preposition before the
    first role noun; the whole run when no role noun is in it."""
    for h, word in enumerate(chunk):
        if _norm_head(word) in _HEADS or word.lower() in _SPOKES:
            for k in range(h - 1, -1, -1):
                if chunk[k] in _PHRASE_OPENERS:
                    return chunk[k + 1 :]
            return chunk
    return chunk


def _remit_then_name(
    words: list[str], lows: list[str], at: int, people: Mapping[str, str]
) -> tuple[str, frozenset[str]] | None:
    """The person named after a role's place ("Ambassador to Kabul John Bass"), with the
    role's words (the head, the words before it and the place's)."""
    end = at + 2
    while end < len(words) and end - at <= 7 and _is_name_word(words[end]):
        end += 1
    for size in (3, 2):
        start = end - size
        if start <= at + 2:
            continue
        person = people.get(" ".join(words[start:end]).lower())
        if person is not None:
            k = at
            while k > 0 and at - k < 3 and _is_name_word(words[k - 1]):
                k -= 1
            role = frozenset(_norm_head(w) for w in words[k : at + 1]) | frozenset(
                w.lower() for w in words[at + 2 : start]
            )
            return person, role
    return None


def _near(positions: list[int], at: int, reach: int) -> bool:
    """Whether one of the sorted ``positions`` is within ``reach`` of ``at``."""
    k = bisect_left(positions, at - reach)
    return k < len(positions) and positions[k] <= at + reach


def _name_after_description(
    words: list[str], at: int, people: Mapping[str, str]
) -> tuple[str, int] | None:
    """The person named in apposition after a description running on from ``at`` ("for
    the coalition known as the Alliance, Mansour Abbas,"), with where the comma before the
    name stands; None when a clause or a second comma comes first."""
    for k in range(at, min(at + _DESCRIPTION_REACH, len(words))):
        if words[k] == ",":
            end = k + 1
            while end < len(words) and end - k <= 3 and _is_name_word(words[end]):
                end += 1
            if end > k + 1 and end < len(words) and words[end] == ",":
                person = _person(words[k + 1 : end], people)
                return (person, k) if person is not None else None
            return None
        if not words[k][:1].isalpha():
            return None
    return None


# How many tokens a description may run on before the name set beside it.
_DESCRIPTION_REACH = 16


def _unnamed_role(
    words: list[str], starts: list[int], at: int, people: Mapping[str, str]
) -> RoleMention | None:
    """ "a health ministry spokesperson said": someone new with the role and no name, after
    whom "the spokesperson" means this person, not one named earlier."""
    if (
        at >= 2
        and words[at - 1] == ","
        and _is_name_word(words[at - 2])
        and words[at - 2].lower() not in LEADING_ADVERBIALS | TIME_WORDS
    ):
        # "Ida Holm, a spokeswoman for …": the role of the name before it.
        return None
    for j in range(at + 1, min(at + 5, len(words))):
        word = words[j]
        if not word[:1].isalpha():
            return None
        low = word.lower()
        if low in _HEADS or low in _SPOKES:
            nxt = words[j + 1] if j + 1 < len(words) else ""
            after = words[j + 2] if j + 2 < len(words) else ""
            if _is_name_word(nxt) or (nxt == "," and _is_name_word(after)):
                return None
            role = _role_words(words[at : j + 1])
            if role is None:
                return None
            # "An exiled spokesman for the coalition known as the National Alliance, Mansour
            # Abbas, tells …": the name set after a long description is whose role it is.
            named = _name_after_description(words, j + 1, people)
            if named is not None:
                described = frozenset(w.lower() for w in words[at + 1 : named[1]] if w.islower())
                return RoleMention(starts[at], named[0], role[0], role[1] | described)
            return RoleMention(starts[at], "", role[0], role[1])
    return None


# A chunk beside a comma is at most this many tokens, so the role noun it ends on is at
# most this far from the comma.
_CHUNK_WORDS = 8


def _chunk(tokens: list[str], comma: int, step: int) -> list[str]:
    """The words between the comma at ``comma`` and the next punctuation in ``step``
    direction, at most eight, in text order; a verb ending the run ends the chunk."""
    words: list[str] = []
    i = comma + step
    while 0 <= i < len(tokens) and len(words) < _CHUNK_WORDS:
        word = tokens[i]
        if not word[:1].isalpha():
            break
        if step > 0 and words and word.islower() and word in _VERBISH:
            break
        words.append(word)
        i += step
    if step < 0:
        words.reverse()
        # "In an interview, the club's lawyer": a preposition starts no role phrase.
        while words and words[0].lower() in _LINKS | {"in", "on", "after", "before"}:
            return []
    if step > 0 and len(words) > 2 and words[0] == "who" and words[1] in _BECAME:
        # "Fatou Bensouda, who became chief prosecutor last June": the office the relative
        # clause gives is the role, up to its time or its next clause.
        role = words[3:] if words[2] == "as" else words[2:]
        for k, w in enumerate(role):
            if k and (w.lower() in _ROLE_ENDS or not w[:1].isalpha()):
                return role[:k]
        return role
    if step > 0 and words and words[0].lower() in {"who", "which", "said", "says", "told"}:
        return []
    return words


_BECAME = frozenset("became becomes is was serves served".split())
# Words after an office in a relative clause that end the role ("last June", "in 2010").
_ROLE_ENDS = frozenset("last this next in on since after before until when and".split())


_VERBISH = frozenset(
    "said says told added wrote argued claimed insisted warned denied has had have is was".split()
)
# The lower-cased tokens a rule of ``role_mentions`` starts from: a role noun, an indefinite
# article, a comma.
_TRIGGERS = _HEADS | _SPOKES | {"a", "an", "another", ","}


def described_role(description: str) -> tuple[str, frozenset[str]] | None:
    """The role a definite description asks for ("the foreign minister" → ("minister",
    {"foreign"})); None when it names no person's role ("the company", "the paper"), which no
    introduction in the report can answer, so the report's roles need not be read for it."""
    m = _DESCRIPTION.match(description.strip())
    if m is None:
        return None
    head = _norm_head(m.group(2))
    if head not in _HEADS and head != "spokesperson":
        return None
    return head, frozenset(_norm_head(w) for w in m.group(1).split())


# "The Venezuelan leader" after "Venezuelan President Hugo Chavez": who heads a state,
# a government or a body is its leader, whatever the title.
_LEADERS = frozenset(
    "leader president premier chancellor king queen emir sultan monarch chairman chief".split()
)


def _same_role(head: str, mention: RoleMention) -> bool:
    """Whether a description headed by ``head`` fits a role introduced with ``mention``."""
    if mention.head == head:
        return True
    if head == "spokesperson" and mention.head == "secretary" and "press" in mention.words:
        # "Pentagon Press Secretary Geoff Morrell … The Pentagon spokesman said".
        return True
    return head == "leader" and (
        mention.head in _LEADERS or (mention.head == "minister" and "prime" in mention.words)
    )


# Bodies a description may name by their initials where the introduction spelled them out.
_INITIALS = {
    "u.n.": frozenset({"united", "nations"}),
    "u.s.": frozenset({"united", "states"}),
    "u.k.": frozenset({"united", "kingdom"}),
    "e.u.": frozenset({"european", "union"}),
}


# What befell a role's holder, which the report's introduction of the role never says: "the
# dismissed prime minister" is the "Prime Minister Sher Bahadur Deuba" named before. ("former"
# is no such word: "the former president" is seldom the "President" the report named.)
_FATE_WORDS = frozenset(
    "dismissed ousted deposed sacked fired exiled jailed detained imprisoned embattled "
    "beleaguered outgoing besieged".split()
)


def _modifiers_fit(modifiers: frozenset[str], words: frozenset[str]) -> bool:
    """Whether each word of a description ("the U.N. secretary-general") is in the role it
    points back to, initials matching the words they stand for ("United Nations")."""
    return all(
        m in words or _INITIALS.get(m, frozenset({m})) <= words or _demonym_of(m, words)
        for m in modifiers
    )


def _demonym_of(modifier: str, words: frozenset[str]) -> bool:
    """Whether ``modifier`` is the people of a country among ``words``: "the Mexican
    ambassador" is "Mexico's ambassador to Beijing" (by the stem the two share)."""
    gaz = gazetteer()
    if modifier not in gaz.demonyms:
        return False
    return any(
        w in gaz.places
        and len(w) >= 4
        and modifier.startswith(w[: max(4, len(w) - 3)])
        # ("Nigerian" is Nigeria's, not Niger's.)
        and not (modifier.startswith(w + "ia") and w + "ia" in gaz.places)
        for w in words
    )


def resolve_description(description: str, mentions: list[RoleMention], before: int) -> str | None:
    """The one person a definite role description ("the foreign minister", "her lawyer")
    points back to, among roles introduced before ``before``; None when none or several fit.
    """
    role = described_role(description)
    if role is None:
        return None
    head, modifiers = role
    modifiers -= _FATE_WORDS
    fits = [
        r
        for r in mentions
        if r.position < before and _same_role(head, r) and _modifiers_fit(modifiers, r.words)
    ]
    if not fits or not fits[-1].person:
        # The latest holder of the role has no name ("a spokesperson said …").
        return None
    people = {r.person for r in fits if r.person}
    if len(people) != 1:
        return None
    return fits[-1].person


# A person noun a lead may describe someone by before naming them ("A top Somali official
# disputes …", "Iran's parliament speaker has rejected …"): the role words with the article
# or the possessor's "'s" set aside.
_LEAD_DESCRIPTION = re.compile(
    r"^(?:[Aa]n?\s+|[Tt]he\s+|(?:[A-Z][\w.\-]*\s+){0,2}[A-Z][\w.\-]*(?:’s|'s)\s+)(?P<rest>.+)$"
)
# A capitalized word, as the report's names are looked up one word at a time.
NAME_WORD = re.compile(r"[A-Z][\w\-]+")
# Heads that say only that someone holds an office, with the heads of the roles a report may
# then name them by; "leader" is read by ``_same_role``.
_OFFICE_HEADS = frozenset(
    "minister spokesperson secretary director chief commander governor ambassador envoy "
    "adviser aide deputy official representative negotiator diplomat".split()
)
_ENVOY_HEADS = frozenset("envoy ambassador representative diplomat negotiator".split())
_SPELLINGS = {"advisor": "adviser"}


def _fits_lead(head: str, modifiers: frozenset[str], mention: RoleMention) -> bool:
    """Whether the lead's description headed by ``head`` can be the person the report then
    introduces with ``mention``'s role: the same office ("Syria's information minister",
    "Information Minister Mahdi Dakhlallah") or one a generic head covers ("A top Somali
    official", "Interior Minister Mohamud Guled"); "The interior minister" is not "Prime
    Minister Eva Kralova"."""
    head = _SPELLINGS.get(head, head)
    other = _SPELLINGS.get(mention.head, mention.head)
    if head == other:
        return modifiers <= mention.words
    if _same_role(head, mention):
        return True
    if head == "official":
        return other in _OFFICE_HEADS
    if head in {"envoy", "diplomat"}:
        return other in _ENVOY_HEADS
    return False


def lead_holder(
    description: str,
    lead: str,
    text: str,
    after: int,
    people: Mapping[str, str],
    mentions: Callable[[], list[RoleMention]],
) -> str | None:
    """The person a report's lead describes without naming ("A top Somali official
    disputes …"), when the next paragraph names them first ("Interior Minister Mohamud
    Guled called the report untrue"): news writes the lead that way, and the reader of a
    brief needs the name. ``after`` is where the lead sentence ends in ``text``.

    Only the first person the next paragraph names is taken, never one the lead already
    named, and only when the role they are introduced with fits the description: "A top
    Russian diplomat says …" is not "Georgian President Mikheil Saakashvili".
    """
    m = _LEAD_DESCRIPTION.match(description)
    if m is None or _UNNAMED_ON_PURPOSE.search(lead) or " and " in description:
        # ("Venezuela's president and election chief": two people, not one to name.)
        return None
    # (The lead's remit, "adviser to the president", is not asked of the one who is named.)
    role = _role_words(m.group("rest").split(), remit=False)
    if role is None:
        return None
    head = role[0]
    # The office's own words ("information" minister), not rank, age or nationality.
    modifiers = frozenset(
        w
        for w in role[1] - {head}
        if w.isalpha() and w not in _RANK_WORDS and w in _lower(description)
    )
    # The rest of the lead paragraph first ("The Maldives' former president … is calling on
    # the world to sanction his country. Mohamed Nasheed met …"), then the next paragraph.
    brk = text.find("\n\n", after)
    start = after
    end = text.find("\n\n", brk + 2) if brk >= 0 else -1
    if 0 <= end < start + _LEAD_REACH // 2:
        # A short paragraph between ("Media reports quoted residents as saying …") may
        # stand before the one that names the source.
        end = text.find("\n\n", end + 2)
    end = min(start + _LEAD_REACH, len(text) if end < 0 else end)
    named_in_lead = {people.get(w.lower()) for w in NAME_WORD.findall(lead)}
    for word in NAME_WORD.finditer(text, start, end):
        person = people.get(word.group(0).lower())
        if (
            person is None
            or _BYLINE_AFTER.match(text, word.end())
            # ("the Bush administration": a name that only says whose.)
            or _WHOSE_AFTER.match(text, word.end())
        ):
            # ("Dorian Jones reports from Istanbul …", "VOA's Kurt Achin has more from Seoul":
            # the reporter's byline names no source.)
            continue
        if person in named_in_lead:
            return None
        # (The report's roles are read only now, for the one lead that gets this far.)
        introduced = [r for r in mentions() if r.person == person and start <= r.position < end]
        if introduced and not _fits_lead(head, modifiers, introduced[0]):
            return None
        if not introduced and head not in _LEADERS and head != "speaker":
            # Named with no role at all: only a description that any holder of a
            # state's top office fits ("Iran's president") is trusted to mean them.
            return None
        # (The sentence the name stands in, which a paragraph break also ends.)
        clause = max(text.rfind(". ", start, word.start()), text.rfind("\n", start, word.start()))
        clause = clause + 1 if clause >= 0 else start
        if _SAID_BEFORE.search(text, clause, word.start()) and not _SPEAKS_AFTER.match(
            text, word.end()
        ):
            # "Prosecutors said that former minister Elena Marsh took bribes": a person
            # named inside what someone else says is spoken of, not the one who speaks.
            return None
        return person
    return None


# A source the report leaves unnamed on purpose is never given a name found later.
_UNNAMED_ON_PURPOSE = re.compile(
    r"\b(?:anonymity|anonymously|not to be (?:named|identified)|unnamed|not authori[sz]ed)\b"
)
_BYLINE_AFTER = re.compile(
    r"(?:\s+[A-Z][\w\-’']+)*\s+(?:reports\s+(?:from|that|on)|reports(?=,)|has\s+(?:more|details|the\s+story|"
    r"this\s+report)|files\s+this\s+report)\b"
)
_WHOSE_AFTER = re.compile(
    r"\s+(?:administration|government|campaign|family|era|team|camp|aides|cabinet|presidency|"
    r"regime|years)\b"
)
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|tells|reported|reports|alleged|alleges|alleging|accused|accuses|"
    r"accusing|charged|charges|claimed|claims|claiming)\b"
)
# What follows the first person named when that person is the next paragraph's source: a
# verb of saying or rejecting, perhaps after a day or an adverb.
_SPEAKS_AFTER = re.compile(
    r"(?:\s+[A-Z][\w\-]+)?(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|also|later|earlier|again|has|had|have))?\s+(?:said|says|told|tells|added|denied|"
    r"denies|rejected|rejects|dismissed|dismisses|called|calls|insisted|insists|argued|argues|"
    r"accused|accuses|warned|warns|stressed|claimed|claims|disputed|disputes|noted|notes)\b"
)


_RANK_WORDS = frozenset("top senior former chief deputy acting new longtime veteran".split())


def _lower(description: str) -> frozenset[str]:
    """The words written in lower case in ``description``: the office, not a nationality."""
    return frozenset(w for w in description.split() if w.islower())


# How far into the next paragraph the lead's person is looked for.
_LEAD_REACH = 600
