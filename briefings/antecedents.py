"""Who a pronoun or a bare description speaks for, worked out from what the report said before.

"He said", "the spokesperson said", "the group said", "these representatives added", "the ten
withdrew": each points back to a speaker the report named earlier, and the reader needs that
name. Resolving them means remembering, sentence by sentence, the noun phrases a later
reference may point to (each sentence's subject, each source quoted) and judging what kind of
thing each is (a person, a group, a body). That memory is report-scoped state the other
stages never touch, so it lives here; extract.py only creates the context, moves its position
and feeds it the names it resolves.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from briefings.claims import Attribution, document_issuer
from briefings.descriptions import body_described, lead_body
from briefings.gazetteer import gazetteer
from briefings.lexicon import (
    ANONYMOUS_HEADS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    ROLE_HEADS,
    SAY_VERBS,
    SMALL_NUMBERS,
    TITLE_WORDS,
    word_pattern,
)
from briefings.name_runs import INITIALISM
from briefings.roles import (
    NAME_WORD,
    RoleMention,
    described_role,
    lead_holder,
    resolve_description,
    role_mentions,
)
from briefings.speaker_kinds import is_pronoun, titled_name
from briefings.speakers import Span
from briefings.subjects import participle_subject, sentence_subject

__all__ = ["Antecedent", "Context", "apposed_kind", "remember", "resolve"]


@dataclass(slots=True)
class Context:
    """What one report has said so far that a later reference may point back to.

    Created once per report; extract.py moves ``position`` to each sentence in turn and
    appends the phrases each sentence offers (its subject, the sources it names).
    """

    people: Mapping[str, str]
    text: str = ""
    # The organizations the report names, for "the company" and "the paper".
    bodies: tuple[str, ...] = ()
    antecedents: list[Antecedent] = field(default_factory=list)
    # Where in the current sentence each source it named stands, with the index of its
    # entry in ``antecedents``: a pronoun cannot point ahead to a source named after it.
    named_here: list[tuple[int, int]] = field(default_factory=list)
    # Each sentence's subject, found once for this report: a pronoun in a sentence and a
    # later pronoun pointing back to it both ask for it.
    subjects: dict[str, Span | None] = field(default_factory=dict)

    def subject(self, sentence: str) -> Span | None:
        if sentence in self.subjects:
            return self.subjects[sentence]
        found = self.subjects[sentence] = sentence_subject(sentence)
        return found

    # Where the sentence being read starts in the report, and the roles introduced so far
    # (read only when a definite description asks).
    position: int = 0
    _roles: list[RoleMention] | None = None

    def roles(self) -> list[RoleMention]:
        if self._roles is None:
            self._roles = role_mentions(self.text, self.people)
        return self._roles

    _lead: int | None = None
    _lead_end: int | None = None

    def lead_start(self) -> int:
        """Where the report's first sentence starts: a sentence starting there is the lead,
        which may describe a source the next paragraph names."""
        if self._lead is None:
            self._lead = len(self.text) - len(self.text.lstrip())
        return self._lead

    def lead_end(self) -> int:
        """Where the report's first paragraph ends."""
        if self._lead_end is None:
            start = self.lead_start()
            brk = self.text.find("\n\n", start)
            self._lead_end = brk if brk != -1 else len(self.text)
        return self._lead_end

    def role_holder(self, description: str) -> str | None:
        """The one person introduced before ``position`` with the role ``description`` names
        ("the minister"); the report's roles are read only for a description of a person's
        role, not for "the company", which no role introduction answers."""
        if described_role(description) is None:
            return None
        return resolve_description(description, self.roles(), self.position)


def _kind_of(np: str, people: Mapping[str, str]) -> str:
    words = np.replace(",", " ").split()
    low = [w.lower() for w in words]
    if any(w in people for w in low if not w.endswith(("’s", "'s"))) or (
        len(words) >= 2 and " ".join(low[-2:]) in people
    ):
        return "person"
    if len(words) == 1 and words[0][:1].isupper() and any(low[0] in k.split() for k in people):
        # "Lindqvist" when the entity list holds only a clipped "Lindqvist Ann": one word of a
        # known person's name is that person.
        return "person"
    if titled_name(words):
        # "Health Ministry spokesperson Ida Holm", "Colonel Jo Park": a title, then a name.
        return "person"
    if " and " in f" {np.lower()} ":
        return "plural"
    name = " ".join(low[1:] if low[0] == "the" else low) if low else ""
    if name.endswith("s") and (name in gazetteer().places or name in gazetteer().organizations):
        # "The United States rejected the charges. It also chided …": a country or a body
        # whose name ends in "s" is one thing ("the Philippines", "the United Nations").
        return "thing"
    head = low
    for i, w in enumerate(low):
        if w in {"of", "in", "with", "from", "at"} and i > 0:
            head = low[:i]
            break
    if len(head) == 1 and len(low) > 2 and low[1] == "of" and _COUNT_WORD.match(head[0]):
        # "Ten of the scientists", "some of the families": the head follows "of".
        head = [w for w in low[2:] if w not in {"the", "those", "these", "its", "their"}][:3]
        head = head[: next((k for k, w in enumerate(head) if w in _HEAD_STOPS), len(head))]
    last = head[-1] if head else ""
    if len(head) >= 2 and head[0] == "the" and _COUNT_WORD.match(last) and last != "one":
        # "The ten withdrew …": a group counted before, named by its number.
        return "plural"
    if last in PERSON_NOUNS:
        return "person"
    if last in {"people", "police", "staff", "personnel", "crew"}:
        # Plural nouns without an "s": "Hundreds of people … they".
        return "plural"
    if (
        last.endswith("s")
        and not last.endswith(("’s", "'s", "ss", "us", ".s."))
        and (
            last in ROLE_HEADS or last in ANONYMOUS_HEADS or words[-1][0].isupper() or len(last) > 3
        )
    ):
        return "plural"
    return "thing"


_COUNT_WORD = re.compile(
    r"\d+$|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|dozens|"
    r"hundreds|thousands|some|many|most|several|all|both|none|few|half|majority|members)$"
)
_HEAD_STOPS = frozenset({"of", "in", "with", "from", "at", "who", "that"})


# How far back (sentences and sources remembered) a pronoun looks for its antecedent.
# Real antecedents sit a few sentences back; without a bound, every unresolved "he" in a
# long text rescans the whole report, and 6,000 one-line sentences took 40 s.
_PRONOUN_REACH = 80

_AGENT = re.compile(r"\bby\s+((?:a|an|the)(?:\s+[a-z\-]+){1,4})")
# The sentence's opening plural ("The educators …") or a plural agent ("… by Western
# officials"): what a later "they" in the sentence can point back to.
_PLURAL_BEFORE = re.compile(
    r"^\s*((?:The|Some|Many|Most|Several|All)\s+(?:[a-z\-]+\s+){0,2}?[a-z\-]+[^s\W]s)\b"
    r"|\bby\s+((?:[A-Z][\w\-]*\s+){0,2}[a-z\-]+[^s\W]s)\b"
)


def resolve(speaker: str, sentence: str, start: int, ctx: Context) -> str:
    """The earlier name ``speaker`` (at ``start`` in ``sentence``) stands for, or ``speaker``.

    Descriptions ("the minister", "the group", "the ten") are tried before pronouns ("he",
    "they"), and a pronoun looks first inside its own sentence, then back through the report.
    """
    low = speaker.lower()
    if sentence.startswith(",", start + len(speaker)) and low.startswith(("the ", "a ", "an ")):
        given = _NAMED_AFTER.match(sentence, start + len(speaker))
        if given is not None:
            # "The group, known as the Alliance of Democrats for Change, is demanding …":
            # the name the description is given right after it.
            return given.group(1)
    if low in _SUBJECT_FORMS:
        # "quoted her as saying": the object pronoun stands for whom "she" would, and is
        # "she" where nobody is found.
        return resolve(_SUBJECT_FORMS[low], sentence, start, ctx)
    if low.startswith(("that ", "this ")) and low.count(" ") == 1:
        # "… including the OSCE. That organization said …": a demonstrative points to the
        # body named last; other nouns point back as "the" does.
        nearest = _nearest_body(ctx) if low.split()[1] in _BODY_HEADS else None
        if nearest is not None:
            return nearest
        the = "the " + speaker.split()[1]
        found = _described(the, the, ctx)
        if found is not None and found.lower() != the:
            return found
    if (
        ctx.position <= ctx.lead_start()
        # "… However, the tribunal chief prosecutor says …": later in the lead paragraph,
        # a description no one before it answers looks ahead as the first sentence does.
        or (ctx.position < ctx.lead_end() and ctx.role_holder(speaker) is None)
    ) and not is_pronoun(speaker):
        named = lead_holder(
            speaker, sentence, ctx.text, ctx.position + len(sentence), ctx.people, ctx.roles
        )
        if named is not None:
            return named
        body = lead_body(speaker, ctx.bodies, ctx.text, ctx.position + len(sentence))
        if body is not None:
            return body
    described = _described(speaker, low, ctx)
    if described is not None:
        return described
    if not is_pronoun(speaker) or low in {"we", "i"}:
        return speaker
    want = "person" if low in PERSON_PRONOUNS else "plural" if low == "they" else "thing"
    found = _earlier_in_sentence(low, want, sentence, start, ctx)
    if found is not None:
        return found
    found = _earlier_in_report(low, want, ctx)
    return found if found is not None else speaker


_NAMED_AFTER = re.compile(
    r",\s+(?:also\s+)?(?:known\s+as|called|named|which\s+calls\s+itself|calling\s+itself|"
    r"who\s+call\s+themselves|calling\s+themselves)\s+"
    r"((?:the\s+)?[A-Z][\w’'.\-]*(?:\s+(?:of|for|and|the|[A-Z][\w’'.\-]*)){0,6}),"
)


# (The possessive forms too: "in his recent denials of …" is his denial.)
_SUBJECT_FORMS = {
    "him": "he",
    "her": "she",
    "them": "they",
    "his": "he",
    "their": "they",
    "its": "it",
}
_BODY_HEADS = frozenset(
    "organization organisation group body agency alliance bloc institution company firm".split()
)
# How far back the body a demonstrative points to may be named (characters).
_DEMONSTRATIVE_REACH = 400


def _nearest_body(ctx: Context) -> str | None:
    """The organization named last before the current sentence, a few lines back at most."""
    before = ctx.text[max(0, ctx.position - _DEMONSTRATIVE_REACH) : ctx.position]
    best: tuple[int, str] | None = None
    for name in ctx.bodies:
        at = before.rfind(name)
        if at >= 0 and (best is None or at > best[0]):
            best = (at, name)
    return best[1] if best else None


def _described(speaker: str, low: str, ctx: Context) -> str | None:
    """What a description ("the minister", "these representatives", "the group", "the ten",
    "the paper") stands for; None when ``speaker`` is no description these rules read."""
    if _DESCRIPTION_START.match(low) and low.count(" ") <= 3:
        # "The minister", "her lawyer": the person introduced with that role, if only one.
        person = ctx.role_holder(speaker) or _salient_person(low, ctx)
        if person is not None:
            return person
        if low.startswith(("these ", "those ")):
            return _demonstrative_antecedent(speaker, low, ctx)
    if low in _SHELL_BODIES or (
        # "Amnesty also says … The rights group says …": a kind of group, the body quoted
        # last, before any body named later in the text ("Boko Haram").
        low.startswith("the ")
        and low.count(" ") == 2
        and low.rsplit(" ", 1)[1] in _SHELL_HEADS
        and not _names_itself(speaker)
    ):
        return _named_body(speaker, ctx)
    if low in _ISSUED_DOCUMENTS:
        issuer = _document_issuer(low.split()[1], ctx)
        if issuer is not None:
            return issuer
    counted = _COUNTED_BACK.fullmatch(low)
    if counted is not None:
        return _counted_antecedent(speaker, counted.group(1), ctx)
    if low.startswith("the ") and low.count(" ") == 1:
        found = _definite_antecedent(speaker, low, ctx)
        if found != speaker:
            return found
    if low.startswith("the ") and low.count(" ") <= 3 and not _names_itself(speaker):
        # "The American company said", "The paper said": the body the report named.
        return body_described(speaker, ctx.bodies, ctx.text, ctx.position) or speaker
    return None


def _names_itself(phrase: str) -> bool:
    """ "The Washington Post newspaper": a capitalized word other than a demonym, a place or
    initials ("the U.N. agency") names the body, so the phrase points back to no other one."""
    gaz = gazetteer()
    return any(
        w[:1].isupper()
        and w.lower() not in gaz.demonyms
        and gaz.single.get(w.lower()) != "places"
        and INITIALISM.match(w) is None
        for w in phrase.split()[1:]
    )


def _earlier_in_sentence(
    low: str, want: str, sentence: str, start: int, ctx: Context
) -> str | None:
    """What the pronoun ``low`` (of kind ``want``) points to before it in its own sentence:
    the sentence's subject, a person named, a plural, an agent ("made by a former doctor")."""
    subject = ctx.subject(sentence)
    if subject is not None and subject.end <= start:
        np = sentence[subject.start : subject.end]
        if not is_pronoun(np) and _kind_of(np, ctx.people) == want and not _other_gender(low, np):
            # ("the U.N. agency expressed concern, which it says …": "it" is whom the
            # description stands for.)
            return _described(np, np.lower(), ctx) or np
    if (
        want == "person"
        and (subject is None or is_pronoun(sentence[subject.start : subject.end]))
        # "It was Ruiz's plan, he said": after the words it reports, the pronoun points to
        # the story's speaker, not to a name inside those words.
        and not sentence[:start].rstrip().endswith((",", "”", '"', "—", "–", ":"))
    ):
        # "It was then that Mr. Ruiz chose to wait, citing what he said were threats": with
        # no subject of its own to point to, "he" is the person just named in the sentence.
        named = _person_earlier(sentence, start, ctx.people)
        if named is not None and not _other_gender(low, named):
            return named
    if want == "plural":
        # "The educators say …, at what they say is …", "welcomed by Western officials …,
        # they made clear": a plural noun phrase earlier in the same sentence.
        plural = _PLURAL_BEFORE.search(sentence, 0, start)
        np = (plural.group(1) or plural.group(2)) if plural is not None else ""
        if np and _kind_of(np, ctx.people) == "plural":
            return np
    if want == "person" and " by " in sentence[:start]:
        # "The allegations were made by a former team doctor …, in which he said": the
        # agent earlier in the sentence.
        for m in reversed(list(_AGENT.finditer(sentence, 0, start))):
            words = m.group(1).split()
            for n in range(2, len(words) + 1):
                if words[n - 1] in PERSON_NOUNS:
                    return " ".join(words[:n])
    return None


def _earlier_in_report(low: str, want: str, ctx: Context) -> str | None:
    """The latest phrase the report offered before (within :data:`_PRONOUN_REACH`) that the
    pronoun ``low`` can point to: of kind ``want`` and not of the other sex."""
    nearest = True
    for entry in reversed(ctx.antecedents[-_PRONOUN_REACH:]):
        np = entry.noun_phrase(ctx)
        if not np:
            continue
        if nearest and want == "plural" and np.lower().split()[-1] in _COLLECTIVE:
            # "The military denied the charges. They say …": a body of many people, just
            # named, is "they" as readily as "it".
            return np
        nearest = False
        if entry.kind(ctx) == want and not _other_gender(low, np):
            if want == "person" and _DESCRIPTION_START.match(np.lower()) and np.count(" ") <= 3:
                # "The former president also denied …. He has dismissed …": the person that
                # description stood for.
                return ctx.role_holder(np) or np
            return np
    return None


_COLLECTIVE = frozenset("military army navy government family team crew".split())


def _person_earlier(sentence: str, start: int, people: Mapping[str, str]) -> str | None:
    """The last person of the report named in ``sentence`` before ``start``."""
    found = None
    for m in NAME_WORD.finditer(sentence, 0, start):
        person = people.get(m.group(0).lower())
        if person is not None and sentence[m.end() : start].strip() != ",":
            # "Ruiz, he said, left early": the name is the subject of what is said.
            found = person
    return found


_FEMALE = frozenset(
    "ms ms. mrs mrs. miss madam spokeswoman chairwoman congresswoman woman mother daughter "
    "sister wife girl queen princess aunt niece grandmother businesswoman policewoman".split()
)
_MALE = frozenset(
    "mr mr. spokesman chairman congressman man father son brother husband boy king prince "
    "uncle nephew grandfather businessman policeman".split()
)


def _other_gender(pronoun: str, np: str) -> bool:
    """ "he" cannot be "Ms. Okafor", nor "she" "the spokesman": the few words of English
    that mark a person's sex rule an antecedent out; names themselves are not guessed."""
    words = {w.lower().strip(",") for w in np.split()}
    if pronoun == "he":
        return bool(words & _FEMALE)
    if pronoun == "she":
        return bool(words & _MALE)
    return False


# Heads that say only that a person holds some office or standing ("the Honduran leader",
# "the U.N. envoy", "the official"), each with the titles it may stand for: a leader heads
# a state, a government or a party, never a ministry ("Foreign Minister Ana Ruiz … the
# Ruritanian leader" is someone else). An antecedent with no title at all fits every head.
_LEADER_TITLES = frozenset(
    "president premier chancellor leader chairman chairwoman head king queen emir sultan "
    "prime former mr mr. ms ms. mrs mrs. dr dr.".split()
)
_ENVOY_TITLES = frozenset(
    "envoy ambassador representative special rapporteur diplomat negotiator former senior "
    "top mr mr. ms ms. mrs mrs. dr dr.".split()
)
_GENERIC_PERSON_HEADS: dict[str, frozenset[str] | None] = {
    "leader": _LEADER_TITLES,
    "official": None,
    "envoy": _ENVOY_TITLES,
    "diplomat": _ENVOY_TITLES,
}


def _salient_person(low: str, ctx: Context) -> str | None:
    """The named person the report was just speaking of, for a description whose head names
    no particular office: "Mr. Zelaya said … The Honduran leader said" is Zelaya again.

    Only the nearest person counts, and only when named: "a ministry official said … the
    official added" is left to the rules that read the earlier description itself.
    """
    words = low.split()
    if words[0] != "the" or words[-1] not in _GENERIC_PERSON_HEADS:
        return None
    allowed = _GENERIC_PERSON_HEADS[words[-1]]
    for entry in reversed(ctx.antecedents[-4:]):
        np = entry.noun_phrase(ctx)
        if not np or entry.kind(ctx) != "person":
            continue
        if _DESCRIPTION_START.match(np.lower()) or np[:1].islower() or np.split()[0] in _A_AN:
            return None
        titles = {w for w in np.lower().split() if w in TITLE_WORDS}
        if allowed is not None and not titles <= allowed:
            return None
        return np
    return None


_A_AN = frozenset({"A", "An"})


def _definite_antecedent(speaker: str, low: str, ctx: Context) -> str:
    """ "the spokesperson said" after "A health ministry spokesperson called …": the bare
    role points back to the fuller phrase with the same head noun."""
    head = low[4:]
    for entry in reversed(ctx.antecedents[-6:]):
        np = entry.noun_phrase(ctx)
        words = np.lower().split()
        if len(words) > 2 and words[-1] == head and words[0] in {"a", "an", "the"}:
            return np
        if (
            len(words) > 3
            and words[0] in {"a", "an"}
            and _NP_HEAD_END.split(f" {np.lower()} ", maxsplit=1)[0].split()[-1] == head
        ):
            # "said the politician" after "A politician from nearby Kano state, speaking on
            # condition of anonymity, said": the head stands before what places the person.
            return np
        if (
            len(words) > 2
            and words[-1] == head
            and head.endswith("s")
            and np[:1].isupper()
            # ("Two former aides … The aides said": a counted group keeps its description;
            # "One of the officials" is one of them, not the group.)
            and not _COUNT_WORD.match(words[0])
            and words[1] != "of"
        ):
            # "Opposition and civil society groups accuse the police … The groups said":
            # a plural subject with no article, named again by its head.
            return np
        if len(words) >= 2 and words[-1] == head and np.split()[-1][:1].isupper():
            # "the commission" after "Norway's Fisheries Commission": the body's own name.
            return np
    return speaker


_DESCRIPTION_START = re.compile(r"(?:the|his|her|their|its|these|those)\s")
_NP_HEAD_END = re.compile(r"\s(?:from|of|in|at|with|for|on|who)\s")


_COUNTED_BACK = re.compile(r"(?:the|these|those|all|both)\s+(" + word_pattern(SMALL_NUMBERS) + ")")


def _counted_antecedent(speaker: str, count: str, ctx: Context) -> str:
    """ "The ten withdrew …" after "a letter from ten of those scientists": the group the
    report counted, as it was named then."""
    named = None
    pattern = re.compile(
        r"\b" + count + r"\s+(?:of\s+(?:the|those|these|its|their)\s+)?(?:[a-z\-]+\s+){0,2}?"
        r"[a-z\-]+[^s\W’']s\b",
        re.IGNORECASE,
    )
    for m in pattern.finditer(ctx.text, max(0, ctx.position - 1500), ctx.position):
        if m.group(0).rsplit(None, 1)[-1].lower() not in _UNITS:
            named = m.group(0)
    return named if named is not None else speaker


# Counted things that never speak: "all three will face three years' probation … all three
# rejected the accusations" counts people, not the years.
_UNITS = frozenset(
    "years months weeks days hours minutes seconds times decades centuries miles kilometers "
    "kilometres meters metres dollars euros pounds percent points seats votes rounds "
    "tons tonnes cases".split()
)


# Nouns that say only that some body speaks, not what kind ("the group said"): unlike "the
# company" or "the newspaper", they carry nothing a reader could use, so the body's name is
# given instead.
_SHELL_HEADS = frozenset({"group", "organization", "organisation", "body", "movement"})
_SHELL_BODIES = frozenset(f"the {head}" for head in _SHELL_HEADS)


_ORG_SUFFIXES = gazetteer().org_suffixes


def _named_body(speaker: str, ctx: Context) -> str:
    """ "the group said" after "Amnesty International said …": the body last named as a
    source; else the organization last named of a kind the noun allows ("Amnesty
    International released a report … The organization said")."""
    head = speaker.split()[-1].lower()
    for entry in reversed(ctx.antecedents[-8:]):
        if not entry.is_source:
            continue
        np = entry.noun_phrase(ctx)
        words = np.split()
        if len(words) > 2 and words[0].lower() in {"a", "an"} and words[-1].lower() == head:
            # "A Nicaraguan human rights group said … The group accused …": the body the
            # report described, not named, is the fuller description.
            return np
        if (
            words
            and all(w[:1].isupper() or w.lower() in {"of", "for", "and", "the"} for w in words)
            and (entry.kind(ctx) == "thing" or words[-1].lower() in _ORG_SUFFIXES)
        ):
            return np
    return body_described(speaker, ctx.bodies, ctx.text, ctx.position) or speaker


# "The statement said …" after "Egypt's Foreign Ministry issued a statement": the document
# speaks for whoever issued it, as annotators and readers name the source.
_ISSUED_NOUNS = ("statement", "article", "report", "letter", "communique", "communiqué")
_ISSUED_DOCUMENTS = frozenset(f"the {noun}" for noun in _ISSUED_NOUNS)
_A_DOCUMENT = {
    noun: re.compile(r"\b(?:a|an|its|their|his|her|the)\s+(?:[\w’'\-]+\s+){0,3}?" + noun + r"\b")
    for noun in _ISSUED_NOUNS
}
# How many sentences back the issuing sentence may stand.
_ISSUER_REACH = 3


def _document_issuer(noun: str, ctx: Context) -> str | None:
    """Who issued the document a definite "the statement" points back to: the subject of the
    verb in a recent sentence that issued, released or published one ("Egypt's Foreign
    Ministry issued a statement"), if it names someone."""
    pattern = _A_DOCUMENT[noun]
    seen = 0
    # The sentence being read is not among the antecedents yet; sources quoted are.
    for entry in reversed(ctx.antecedents):
        if entry.is_source:
            continue
        seen += 1
        if seen > _ISSUER_REACH:
            break
        text = entry.sentence
        for document in pattern.finditer(text) if noun in text else ():
            issuer = document_issuer(text, document.start())
            if issuer is not None:
                np = text[issuer.start : issuer.end]
                return np if not is_pronoun(np) else None
    return None


def _demonstrative_antecedent(speaker: str, low: str, ctx: Context) -> str:
    """ "These representatives added …": the group named just before with that head noun,
    however long ("representatives from the ministry, the agency and the institute")."""
    head = low.split()[-1]
    for entry in reversed(ctx.antecedents[-6:]):
        np = entry.noun_phrase(ctx)
        lead = _NP_HEAD_END.split(f" {np} ", maxsplit=1)[0].lower().split()
        if lead and lead[-1] == head and np.lower() != low:
            return np
    return speaker


# Words that show a common-noun "subject" ran into a clause ("the minute we were").
_NOT_IN_A_SUBJECT = frozenset("we i you he she it they was were is are had has have".split())


class Antecedent:
    """A noun phrase a later pronoun may point to; worked out only when a pronoun asks.

    Most reports resolve few pronouns, so the subject of each sentence and the kind of each
    phrase are computed lazily.
    """

    __slots__ = ("_kind", "_np", "_sentence", "is_source")

    def __init__(
        self, np: str | None = None, sentence: str | None = None, kind: str | None = None
    ) -> None:
        self._np = np
        self._sentence = sentence
        self._kind: str | None = kind
        # A source the report has quoted, rather than the subject of a sentence.
        self.is_source = np is not None

    @property
    def sentence(self) -> str:
        return self._sentence or ""

    def noun_phrase(self, ctx: Context) -> str:
        if self._np is None:
            text = self._sentence or ""
            subject = ctx.subject(text)
            self._np = text[subject.start : subject.end] if subject is not None else ""
            if not self._np and text[:1].isupper():
                # "The Russian agency blocked the site. It said …": a subject of common
                # nouns, read only when a pronoun asks (not in text that has lost its
                # capitals, where no phrase boundary can be trusted).
                common = participle_subject(text)
                if common is not None and not any(
                    w in SAY_VERBS or w in _NOT_IN_A_SUBJECT for w in common[1].lower().split()
                ):
                    self._np = common[1]
            if is_pronoun(self._np):
                self._np = ""
        return self._np

    def kind(self, ctx: Context) -> str:
        if self._kind is None:
            self._kind = _kind_of(self.noun_phrase(ctx), ctx.people)
        return self._kind


def resolve_in_place(speaker: str, sentence: str, start: int, ctx: Context) -> str:
    """``resolve`` for a speaker read after the sentence's sources were remembered (a
    denial's): a pronoun does not point to a source its own sentence names after it ("They
    are calling "baseless" U.S. media reports that …" is not the reports' denial)."""
    later = {k for at, k in ctx.named_here if at > start}
    if not later or not is_pronoun(speaker):
        return resolve(speaker, sentence, start, ctx)
    kept = ctx.antecedents
    ctx.antecedents = [a for k, a in enumerate(kept) if k not in later]
    try:
        return resolve(speaker, sentence, start, ctx)
    finally:
        ctx.antecedents = kept


def remember(np: str, ctx: Context, kind: str | None = None) -> None:
    """Offer a named source to later references; a pronoun is no antecedent of its own."""
    if np and not is_pronoun(np):
        ctx.antecedents.append(Antecedent(np, kind=kind))


_APPOSED_BEFORE = re.compile(r"(?:^|[,;:(—–]\s*)([^,;:()—–]{3,90}),\s*$")
_APPOSED_AFTER = re.compile(r"\s*,\s*([^,;:()—–]{3,90})(?:,|\s+(?:said|says|told|added)\b)")
# An apposition is a noun phrase that opens with a determiner or a possessive.
_APPOSITION = re.compile(r"(?:the|a|an|his|her|its|their|\S+(?:’s|'s))\s", re.IGNORECASE)


def apposed_kind(sentence: str, att: Attribution, ctx: Context) -> str | None:
    """ "the director of the agency, Lena Ortiz, said", "Tom Beck, a lawyer for the club,
    said": a name set beside a person noun is a person, whatever the entity list says."""
    if not att.speaker[:1].isupper() or " " not in att.speaker.strip():
        return None
    before = _APPOSED_BEFORE.search(sentence, 0, att.speaker_start)
    after = _APPOSED_AFTER.match(sentence, att.speaker_start + len(att.speaker))
    for m in (before, after):
        if m is None:
            continue
        phrase = m.group(1).strip()
        if (
            _APPOSITION.match(phrase)
            and len(phrase.split()) <= 8
            and _kind_of(phrase, ctx.people) == "person"
        ):
            return "person"
    return None
