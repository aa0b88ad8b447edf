"""The subject a news sentence opens with: past a dateline, an opening conjunction or a
fronted phrase ("Speaking to reporters …,", "In a statement,"), a run of names, titles and
role nouns, or a counted group ("Ten of the scientists", "The ten").

Participles ("…, saying") and pronouns in later sentences go back to it, so it is worked out
here once, apart from the cue rules in ``claims``; so is the fuller subject a participle or a
coordinated verb ("… and added …") speaks for, with the names listed after it or, failing a
leading name, the common nouns before the main verb.
"""

from __future__ import annotations

import re

from briefings.gazetteer import gazetteer
from briefings.lexicon import (
    AGENT_PLURALS,
    ANONYMOUS_HEADS,
    CLAUSE_VERBS,
    FORCE_PLURALS,
    NAME_PARTICLES,
    ORG_DESCRIPTORS,
    PERSON_NOUNS,
    ROLE_HEADS,
    SAY_VERBS,
    SMALL_NUMBERS,
    TITLE_WORDS,
    word_pattern,
)
from briefings.segment import dateline_end
from briefings.speakers import Span

__all__ = ["participle_subject", "sentence_subject", "subject_start", "subject_with_who"]


_SUBJECT_LEAD = re.compile(
    r"\s*(?:[A-Z]{2,}[A-Z .]*\s*(?:—|--|–)\s*)?(?:(?:But|And|Still|Meanwhile|However|Yet)"
    r",?\s+)?"
)
_SUBJECT_TOKEN = re.compile(r"[\w.’'\-]+")
# Nouns of an outlet or a document: after "official" or "state" they head the phrase.
_MEDIA_NOUNS = frozenset(
    "news agency media newspaper television radio broadcaster website outlet channel "
    "network statement".split()
)
_NP_NOUNS = TITLE_WORDS | ROLE_HEADS | ANONYMOUS_HEADS | PERSON_NOUNS
_NP_FUNCTION = frozenset("the a an of in for from at and on".split())
_OF_THE_NAME = re.compile(r"(?:of|to|for|at|in|on)\s+(?:the\s+)?[A-Z]")
# "The aid group Doctors Without Borders": lower-case words ending in what a body is, then
# its name.
_DESCRIBED_BODY_NAME = re.compile(
    r"(?:The|the)\s+(?:[a-z\-]+\s+){0,3}?(?:" + word_pattern(ORG_DESCRIPTORS) + r")\s+"
    r"(?:[A-Z][\w’'.&\-]*\s+){0,4}[A-Z][\w’'.&\-]*(?=\s+[a-z])"
)
_BODY_NOUN_AFTER = re.compile(
    r"\s+(?:" + word_pattern(ORG_DESCRIPTORS) + r")(?=\s+(?:has|have|had|is|are|was|were|will|"
    r"would|said|says|[a-z]+ed)\b)"
)
# "The lead lawyer for the plaintiffs, Martin Day, reacts": a description, then the name.
_DESCRIBED_NAME = re.compile(
    r"(?:The|A|An|Its|Their|His|Her)\s+((?:[\w’'\-]+\s+){0,6}?[\w’'\-]+),\s+"
    r"([A-Z][\w’'.\-]+(?:\s+[A-Z][\w’'.\-]+){1,3}),\s+(?:\w+ly\s+)?[a-z]"
)


# "Speaking to reporters on Monday, the coach …", "In a statement, the club …", "Asked about
# the delay, the mayor …": a fronted participle or prepositional phrase, closed by a comma,
# comes before the subject. Only openers that cannot be names (unlike "Boeing" or "Reading").
_FRONTED_PHRASE = re.compile(
    r"(?:In|On|At|After|Before|During|Following|Despite|Amid|Under|Asked|Pressed|Questioned|"
    r"Interviewed|Speaking|Addressing|Responding|Writing|Testifying|Commenting|Reacting|"
    r"Referring|Talking|Appearing|Answering|According)\s[^,;:\"“”]{1,150},\s+"
    # "Released Tuesday, the report …", "Published in May, the study …": a participle of
    # the subject's, fronted with what it says of the subject.
    r"|(?:Released|Published|Issued|Presented|Compiled|Commissioned|Based|Founded|Elected|"
    r"Appointed|Written|Signed|Made|Taken|Leaked|Obtained)\s[^,;:\"“”]{1,80},\s+"
    # "Last November, the agency …", "Earlier this month, …", "Late Wednesday, …": when.
    r"|(?:Last|This|Next|Earlier|Later|Early|Late|Since|Until|Throughout)\s[^,;:\"“”]{1,60},\s+"
    r"|(?:Earlier|Later|Previously|Separately|Overnight|Yesterday|Today),\s+"
    # "So far, the United States has not …", "For its part, the ministry …": a sentence
    # adverb of more than one word.
    r"|(?:So\s+far|For\s+now|For\s+(?:its|his|her|their|our)\s+part|Even\s+so|By\s+contrast|"
    r"Once\s+again|Again|Elsewhere|Otherwise|Ultimately|Finally|Eventually|Initially|Recently|"
    r"Currently|Now),\s+"
    # "Thursday, South Africa's government …", "Therefore, it sees …": a day or a sentence
    # adverb set off by its comma.
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Therefore|Thus|Hence|"
    r"Instead|Nevertheless|Nonetheless|Moreover|Furthermore|Additionally|Also|Indeed|"
    r"Likewise|Similarly|Consequently|Accordingly),\s+"
)


_TRAILING_DAY = re.compile(
    r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$"
)


def subject_start(sentence: str) -> int:
    """Where the subject of a sentence starts: after a dateline or opening conjunction, and
    after a fronted phrase."""
    # ("Washington, D.C., Aug. 21, 2007 - Abdullahi Yusuf, …, rejected": any wire dateline.)
    lead = _SUBJECT_LEAD.match(sentence, dateline_end(sentence) if sentence[:1].isupper() else 0)
    pos = lead.end() if lead else 0
    fronted = _FRONTED_PHRASE.match(sentence, pos)
    return fronted.end() if fronted else pos


_PART_OF = re.compile(
    r"(?:\d+|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty|Dozens|Hundreds|"
    r"Thousands|Some|Many|Most|Several|All|Both|Few|Half|Members)\s+of\s+"
    r"(?:(?:the|those|these|its|their|his|her)\s+|(?=people\b))(?:[a-z\-]+\s+){0,2}?"
    r"(?:[a-z\-]+[^s\W’']s|people)\b"
)


_COUNTED_GROUP = re.compile(
    r"(?:The|These|Those|All|Both)\s+(?:" + word_pattern(SMALL_NUMBERS) + r"|\d+)\s+([a-z]+)\b"
)
_IRREGULAR_PAST = frozenset(
    "withdrew wrote spoke won lost fled began became sought knew thought left stood fought "
    "drew threw swore bore".split()
)


def _verb_like(word: str) -> bool:
    """Whether the word after "The ten" is its verb, so that the number is the head."""
    return (
        word.endswith("ed")
        or word in CLAUSE_VERBS
        or word in SAY_VERBS
        or word in _IRREGULAR_PAST
        or word in {"also", "have", "are", "will", "would"}
    )


# "Polish border guards released …", "The riot police fired …": up to two lower-case words
# and the head noun they modify, with the verb right after.
_COMMON_WORDS = re.compile(r"([a-z\-]+)\s+([a-z\-]+)(?:\s+([a-z\-]+))?(?:\s+([a-z]+))?\b")


# Up to two lower-case words and a title or role word, then a capitalized name.
_TITLE_BEFORE_NAME = re.compile(r"(?:[a-z\-]+\s+){0,2}?([a-z\-]+)\s+(?=[A-Z][a-z])")


# The words that may end a title run: a title, a role or a person noun (built once).
_TITLE_HEADS = TITLE_WORDS | ROLE_HEADS | PERSON_NOUNS


def _title_run(words: str) -> bool:
    """ "court judge", "prime minister": lower-case words ending in a title or role, with no
    verb or article among them ("disputed the accusations Friday" is a predicate)."""
    low = words.split()
    return low[-1] in _TITLE_HEADS and not any(
        _verb_like(w) or w in {"the", "a", "an"} for w in low
    )


def _after_demonym(sentence: str, end: int) -> bool:
    """Whether the phrase so far ends in a demonym ("Polish", "South Korean")."""
    words = sentence[max(0, end - 40) : end].split()
    demonyms = gazetteer().demonyms
    return bool(words) and (
        words[-1].lower() in demonyms or " ".join(words[-2:]).lower() in demonyms
    )


def _people_head(word: str) -> bool:
    """A noun for people: a role or source noun, or a plural of people ("guards",
    "villagers", "soldiers")."""
    return word in _NP_NOUNS or (
        word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and word not in CLAUSE_VERBS
        and word not in SAY_VERBS
        and (word[:-1] in PERSON_NOUNS or word in FORCE_PLURALS or word.endswith(AGENT_PLURALS))
    )


def _common_head(sentence: str, at: int, open_phrase: bool) -> int | None:
    """Where a subject of common nouns ends, when only a determiner or a demonym came before
    (``open_phrase``): "The guards said", "Polish border guards released", "Syrian state
    media reported". The head is a noun for people and the next word a verb, so that "The
    plan worked" or "Chinese exports rose" name no one."""
    if not open_phrase:
        return None
    m = _COMMON_WORDS.match(sentence, at)
    if m is None:
        return None
    words = [w for w in m.groups() if w]
    for k in range(min(3, len(words) - 1)):
        if _people_head(words[k]) and _verb_like(words[k + 1]):
            return m.end(k + 1)
    return None


_HEAD_BEFORE_ASIDE = re.compile(r"(?:[a-z\-]+\s+){0,3}([a-z\-]+)(?=,)")
_ADJECTIVE_ENDINGS = ("al", "an", "ern", "ic", "ish", "ese", "ive", "ous", "ary")


def _lone_adjective(chunk: str) -> bool:
    """Whether ``chunk`` is one capitalized word that reads as an adjective ("International",
    "Foreign", "Western", "Kenyan"), which a sentence's first letter alone capitalized."""
    return (
        chunk[:1].isupper()
        and " " not in chunk
        and chunk[1:].islower()
        and (chunk.lower().endswith(_ADJECTIVE_ENDINGS) or chunk.lower() in {"foreign", "local"})
    )


def sentence_subject(sentence: str) -> Span | None:
    """The leading noun phrase of a sentence, for "..., saying" and pronoun antecedents."""
    pos = subject_start(sentence)
    part = _PART_OF.match(sentence, pos)
    if part is not None:
        # "Ten of the scientists withdrew …", "Some of the families": a part of a group.
        return Span(pos, part.end())
    counted = _COUNTED_GROUP.match(sentence, pos)
    if counted is not None and _verb_like(counted.group(1)):
        # "The ten withdrew …", "The two said …": a group the report counted before.
        return Span(pos, counted.start(1) - 1)
    introduced = _DESCRIBED_BODY_NAME.match(sentence, pos)
    if introduced is not None:
        # "The aid group Doctors Without Borders pulled out …": a description, then the
        # body's name, one subject.
        return Span(pos, introduced.end())
    described = _DESCRIBED_NAME.match(sentence, pos)
    if described is not None and any(
        w in ROLE_HEADS or w in PERSON_NOUNS for w in described.group(1).lower().split()
    ):
        # "The lead lawyer for the plaintiffs, Martin Day, reacts …": the name set beside
        # the description is who the sentence is about.
        return Span(described.start(2), described.end(2))
    start = pos
    end = pos
    # Tokens are read one ahead and only as far as the phrase goes, not to the sentence's end.
    tokens = _SUBJECT_TOKEN.finditer(sentence, pos)
    m = next(tokens, None)
    while m is not None:
        following = next(tokens, None)
        if sentence[end : m.start()].strip():
            break
        word = m.group(0)
        low = word.lower()
        nxt = following.group(0) if following is not None else ""
        if (
            low == "and"
            and following is not None
            and nxt.islower()
            and _lone_adjective(sentence[start:end])
        ):
            # "International and local humanitarian agencies have objected …": a capitalized
            # first adjective coordinated with others before the head noun, not a name.
            head = _common_head(sentence, following.start(), True)
            aside = _HEAD_BEFORE_ASIDE.match(sentence, following.start()) if head is None else None
            if aside is not None and _people_head(aside.group(1)):
                # "…, as well as rights groups, have objected": an aside follows the head.
                head = aside.end()
            if head is not None:
                end = head
            break
        if word[0].isupper() or word[0].isdigit() or low in _NP_NOUNS:
            end = m.end()
        elif end > start and low in _MEDIA_NOUNS:
            # "Iran's official news agency, IRNA, reported": "official" modifies the outlet
            # after it, which is the subject (not "Iran's official").
            end = m.end()
        elif end > start and _OF_THE_NAME.match(sentence, m.start()):
            # "Russia's Ambassador to the United Nations Vasily Nebenzya sent …": a title's
            # complement ("to the United Nations") runs on to the name after it.
            end = m.end()
            if nxt == "the" and following is not None:
                end = following.end()
                following = next(tokens, None)
            m = following
            continue
        elif end > start and low in NAME_PARTICLES and nxt[:1].isupper():
            # "Carla del Ponte", "Luuk de Graaf": a particle inside a personal name.
            end = m.end()
            m = following
            continue
        elif (low in _NP_FUNCTION and nxt[:1].isupper()) or low in {"the", "a", "an"}:
            if end == start and low in {"the", "a", "an"} and start > 0:
                # "Meanwhile, the Kremlin said …", "Last November, the agency …": after a
                # lead, the subject's article is in lower case and starts the phrase.
                end = m.end()
            m = following
            continue
        else:
            titled = _TITLE_BEFORE_NAME.match(sentence, m.start()) if end > start else None
            if titled is not None and _title_run(titled.group(0)):
                # "High court judge Charles Hungwe …": lower-case words of a title run on
                # to the name after them.
                m = following
                while m is not None and m.start() < titled.end():
                    m = next(tokens, None)
                end = titled.end()
                continue
            head = _common_head(
                sentence,
                m.start(),
                end == start
                or _after_demonym(sentence, end)
                # ("A militia spokesman called …": only the sentence's own article so far,
                # or its count: "Two suicide bombers attacked …".)
                or sentence[start:end] in {"The", "A", "An", "the", "a", "an"}
                or sentence[start:end].lower() in SMALL_NUMBERS,
            )
            if head is not None:
                end = head
            break
        if (
            word.endswith(("’s", "'s"))
            and nxt
            and not nxt[0].isupper()
            and (nxt.lower() not in TITLE_WORDS and nxt.lower() not in ROLE_HEADS)
            # "The channel's executives": a possessor's people are a subject too.
            and nxt.lower().rstrip("s") not in PERSON_NOUNS
        ):
            return None
        m = following
    if end == start:
        return None
    day = _TRAILING_DAY.search(sentence, start, end)
    if day is not None and day.start() > start:
        # "A military spokesman Friday hailed …": when it was said, not who said it.
        end = day.start()
    body = _BODY_NOUN_AFTER.match(sentence, end)
    if body is not None and any(
        w[:1].isupper() and w.lower() not in gazetteer().demonyms and w not in {"The", "A", "An"}
        for w in sentence[start:end].split()
    ):
        # "The London-based Global Witness organization has released …": the lower-case
        # noun after the name says what the named thing is, and belongs to the subject.
        end = body.end()
    chunk = sentence[start:end]
    if chunk.split()[0].lower() in {"with", "without", "given", "amid", "despite", "for"}:
        # "With the rebels' defeat days away, the army …": a fronted phrase, no subject.
        return None
    if chunk.lower() in {"the", "a", "an"}:
        # "The federation …": a determiner alone names nobody.
        return None
    if len(chunk.split()) > 10:
        return None
    if not chunk[0].isupper() and not (
        start > 0 and (chunk.split()[0] in _NP_NOUNS or chunk.startswith(("the ", "a ", "an ")))
    ):
        # "But prosecutor Ana Ruiz gave …": after an opening conjunction a subject may start
        # with a lower-case title.
        return None
    return Span(start, end)


def participle_subject(sentence: str) -> tuple[int, str] | None:
    """The start and text of the subject that a participle or a verb coordinated with "and"
    speaks for, when no speaker came before it in the sentence ("The union welcomed the
    ruling, saying …", "The club, the league and the union are reviewing it, and say …").

    The leading noun phrase, with the names listed after it; without one, a determiner and
    common nouns before the main verb ("The channel's executives have defended …").
    """
    subject = sentence_subject(sentence)
    if subject is None:
        common = _COMMON_SUBJECT.match(sentence, subject_start(sentence))
        if common is None:
            return None
        if common.group(2):
            # "The builder, Acme, stopped short of …, saying": the apposed name speaks.
            return common.start(2), common.group(2)
        return common.start(1), common.group(1)
    listed = _LISTED_SUBJECT.match(sentence, subject.end)
    if listed is not None:
        # "The club, the league and the union are all reviewing it, and say …": the whole
        # coordinated subject speaks.
        return subject.start, sentence[subject.start : listed.end(1)]
    return subject.start, sentence[subject.start : subject.end]


# "…, the league and the union are …": more names listed after the leading one, up to the
# verb, belong to the same subject.
_LISTED_SUBJECT = re.compile(
    r"((?:,\s+(?:the\s+)?[A-Z][^,;]{0,60}?)*,?\s+and\s+(?:the\s+)?[A-Z][^,;]{0,60}?)"
    r"\s+(?:are|were|is|was|have|has|had|will|would)\b"
)


# "The union welcomed the ruling, saying …": a determiner and common nouns before the main
# verb (past tense, perhaps after an auxiliary) are the subject a participle goes back to.
_COMMON_SUBJECT = re.compile(
    # "The channel's executives have defended …": a possessor may come first.
    r"\s*((?:[Tt]he|An?|an?|Its|its|Their|their|His|his|Her|her)\s+"
    # (Not an auxiliary or "not": "the harbour board has not named …".)
    r"(?:(?!(?:has|have|had|is|are|was|were|not|did|does|will|would)\b)[a-z\-]+(?:’s|'s)?\s+){0,3}?"
    r"(?!(?:has|have|had|is|are|was|were|not|did|does|will|would)\b)[a-z\-]+)"
    r"(?:,\s+([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3}),)?"
    # ("The party later issued a statement, declaring": an adverb of time is not the head.)
    r"\s+(?:has\s+|have\s+|had\s+)?(?:(?:\w+ly|later|also|then|again|already|still|now|"
    r"soon|once|even|first)\s+)?[a-z]+ed\b"
)


def subject_with_who(sentence: str, cue_start: int) -> Span | None:
    """ "In a statement, a U.S. official who declined to be identified, disputed …": the
    sentence's subject with a relative clause, then a stray comma before the verb at
    ``cue_start``; the subject with its clause speaks (no inverted "…, said X" follows)."""
    if not sentence[max(0, cue_start - 4) : cue_start].rstrip().endswith(","):
        # (Most cues have no comma right before them: no subject is looked for.)
        return None
    m = _OPENING_WHO.match(sentence, subject_start(sentence), cue_start)
    return Span(m.start(1), m.end(1)) if m is not None else None


_OPENING_WHO = re.compile(
    r"\s*((?:[A-Za-z][\w.’'\-]*)(?:\s+[\w.’'\-]+){0,3}?\s+who\s+[^,;:“”\"]{3,80}?)\s*,\s*$"
)
