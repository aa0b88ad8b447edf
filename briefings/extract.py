"""The engine's entry point: one report in, its claims, denials, questions and entities out.

This module knows the order of the stages — sentences, entities, attributions, quotes,
pronouns, denials, targets, questions — and nothing about how each works. It is pure,
deterministic and never raises: a report the rules cannot read yields an empty extraction.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from briefings.claims import Attribution, find_attributions
from briefings.denial_links import link_targets, promote_contradictions
from briefings.denial_parts import DenialCue
from briefings.denials import find_denial_cues
from briefings.descriptions import body_described
from briefings.entities import extract_entities, gazetteer, person_names
from briefings.hedges import is_hedged
from briefings.lexicon import (
    ANONYMOUS_HEADS,
    DOCUMENT_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    ROLE_HEADS,
    SMALL_NUMBERS,
    word_pattern,
)
from briefings.model import Claim, Denial, Entities, Extraction, Report, Sentence, SpeakerKind
from briefings.questions import find_open_questions
from briefings.quotes import quote_spans
from briefings.roles import RoleMention, resolve_description, role_mentions
from briefings.segment import split_sentences
from briefings.speakers import (
    Span,
    classify_speaker,
    is_pronoun,
    speaker_before,
    tidy_speaker,
    titled_name,
)
from briefings.subjects import sentence_subject

log = logging.getLogger(__name__)

__all__ = ["extract"]

_TRANSCRIPT = re.compile(r"\s*((?:M[RS]S?\.?|DR\.?)\s+)?([A-Z][A-Z'\-]+(?:\s+[A-Z][A-Z'\-]+)?):\s")
_LETTER = re.compile(r"[A-Za-z]")
_NO_COMMENT = re.compile(
    r"\b(?:cannot|can't|can’t|could not|would not|will not|won't|won’t|declined to|"
    r"refused to|do not|does not|did not|don't|don’t|doesn't|doesn’t|didn't|didn’t)\s+"
    r"(?:comment|confirm\s+or\s+deny)\b|\bno comment\b|\bneither\s+confirm\w*\s+nor\s+den",
    re.IGNORECASE,
)
_OPEN_QUOTE = ("“", '"', "‘")
_CLOSE_QUOTE = ("”", '"', "''", "’")
_PROCEDURAL = re.compile(
    r"\b(?:good (?:morning|afternoon|evening)|thank you|thanks|questions?|let me|"
    r"happy (?:monday|tuesday|wednesday|thursday|friday)|briefing|update at the top)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Item:
    sentence: Sentence
    speaker: str
    start: int
    clause_start: int
    content: str
    cue: str
    denial: bool = False
    denied: str = ""
    clause_end: int | None = None


@dataclass(slots=True)
class _Context:
    people: Mapping[str, str]
    text: str = ""
    # The organizations the report names, for "the company" and "the paper".
    bodies: tuple[str, ...] = ()
    antecedents: list[_Antecedent] = field(default_factory=list)
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


def extract(report: Report | str) -> Extraction:
    """Extract attributed items from ``report``; deterministic and never raises.

    A rule that fails on some text must not stop the feed it came from: the report is
    already stored, so it keeps no items rather than raising. The failure is logged with
    the report's id, because a report that silently yields nothing looks like a quiet one.
    """
    if isinstance(report, str):
        report = Report(id="stdin", title="", text=report)
    try:
        return _extract(report.text)
    except Exception:
        log.exception(
            "extraction failed on report %s (%d characters); it is stored with no items",
            report.id,
            len(report.text),
        )
        return Extraction()


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


def _resolve(speaker: str, sentence: str, start: int, ctx: _Context) -> str:
    low = speaker.lower()
    if _DESCRIPTION_START.match(low) and low.count(" ") <= 3:
        # "The minister", "her lawyer": the person introduced with that role, if only one.
        person = resolve_description(speaker, ctx.roles(), ctx.position)
        if person is not None:
            return person
        if low.startswith(("these ", "those ")):
            return _demonstrative_antecedent(speaker, low, ctx)
    if low in _SHELL_BODIES:
        return _named_body(speaker, ctx)
    counted = _COUNTED_BACK.fullmatch(low)
    if counted is not None:
        return _counted_antecedent(speaker, counted.group(1), ctx)
    if low.startswith("the ") and low.count(" ") == 1:
        found = _definite_antecedent(speaker, low, ctx)
        if found != speaker:
            return found
    if low.startswith("the ") and low.count(" ") <= 3:
        # "The American company said", "The paper said": the body the report named.
        return body_described(speaker, ctx.bodies, ctx.text, ctx.position) or speaker
    if not is_pronoun(speaker) or low in {"we", "i"}:
        return speaker
    want = "person" if low in PERSON_PRONOUNS else "plural" if low == "they" else "thing"
    subject = ctx.subject(sentence)
    if subject is not None and subject.end <= start:
        np = sentence[subject.start : subject.end]
        if not is_pronoun(np) and _kind_of(np, ctx.people) == want:
            return np
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
    for entry in reversed(ctx.antecedents[-_PRONOUN_REACH:]):
        np = entry.noun_phrase(ctx)
        if np and entry.kind(ctx) == want and not _other_gender(low, np):
            if want == "person" and _DESCRIPTION_START.match(np.lower()) and np.count(" ") <= 3:
                # "The former president also denied …. He has dismissed …": the person that
                # description stood for.
                return resolve_description(np, ctx.roles(), ctx.position) or np
            return np
    return speaker


_NAME_WORD = re.compile(r"[A-Z][\w\-]+")


def _person_earlier(sentence: str, start: int, people: Mapping[str, str]) -> str | None:
    """The last person of the report named in ``sentence`` before ``start``."""
    found = None
    for m in _NAME_WORD.finditer(sentence, 0, start):
        person = people.get(m.group(0).lower())
        if person is not None and sentence[m.end() : start].strip() != ",":
            # "Ruiz, he said, left early": the name is the subject of what is said.
            found = person
    return found


_FEMALE = frozenset("ms ms. mrs mrs. miss madam spokeswoman chairwoman congresswoman woman".split())
_MALE = frozenset("mr mr. spokesman chairman congressman man".split())


def _other_gender(pronoun: str, np: str) -> bool:
    """ "he" cannot be "Ms. Okafor", nor "she" "the spokesman": the few words of English
    that mark a person's sex rule an antecedent out; names themselves are not guessed."""
    words = {w.lower().strip(",") for w in np.split()}
    if pronoun == "he":
        return bool(words & _FEMALE)
    if pronoun == "she":
        return bool(words & _MALE)
    return False


def _definite_antecedent(speaker: str, low: str, ctx: _Context) -> str:
    """ "the spokesperson said" after "A health ministry spokesperson called …": the bare
    role points back to the fuller phrase with the same head noun."""
    head = low[4:]
    for entry in reversed(ctx.antecedents[-6:]):
        np = entry.noun_phrase(ctx)
        words = np.lower().split()
        if len(words) > 2 and words[-1] == head and words[0] in {"a", "an", "the"}:
            return np
        if len(words) >= 2 and words[-1] == head and np.split()[-1][:1].isupper():
            # "the commission" after "Norway's Fisheries Commission": the body's own name.
            return np
    return speaker


_DESCRIPTION_START = re.compile(r"(?:the|his|her|their|its|these|those)\s")
_NP_HEAD_END = re.compile(r"\s(?:from|of|in|at|with|for|on|who)\s")


_COUNTED_BACK = re.compile(r"(?:the|these|those|all|both)\s+(" + word_pattern(SMALL_NUMBERS) + ")")


def _counted_antecedent(speaker: str, count: str, ctx: _Context) -> str:
    """ "The ten withdrew …" after "a letter from ten of those scientists": the group the
    report counted, as it was named then."""
    named = None
    pattern = re.compile(
        r"\b" + count + r"\s+(?:of\s+(?:the|those|these|its|their)\s+)?(?:[a-z\-]+\s+){0,2}?"
        r"[a-z\-]+[^s\W’']s\b",
        re.IGNORECASE,
    )
    for m in pattern.finditer(ctx.text, max(0, ctx.position - 1500), ctx.position):
        named = m.group(0)
    return named if named is not None else speaker


# Nouns that say only that some body speaks, not what kind ("the group said"): unlike "the
# company" or "the newspaper", they carry nothing a reader could use, so the body's name is
# given instead.
_SHELL_BODIES = frozenset(
    {"the group", "the organization", "the organisation", "the body", "the movement"}
)


_ORG_SUFFIXES = gazetteer().org_suffixes


def _named_body(speaker: str, ctx: _Context) -> str:
    """ "the group said" after "Amnesty International said …": the body last named as a source."""
    for entry in reversed(ctx.antecedents[-8:]):
        if not entry.is_source:
            continue
        np = entry.noun_phrase(ctx)
        words = np.split()
        if (
            words
            and all(w[:1].isupper() or w.lower() in {"of", "for", "and", "the"} for w in words)
            and (entry.kind(ctx) == "thing" or words[-1].lower() in _ORG_SUFFIXES)
        ):
            return np
    return speaker


def _demonstrative_antecedent(speaker: str, low: str, ctx: _Context) -> str:
    """ "These representatives added …": the group named just before with that head noun,
    however long ("representatives from the ministry, the agency and the institute")."""
    head = low.split()[-1]
    for entry in reversed(ctx.antecedents[-6:]):
        np = entry.noun_phrase(ctx)
        lead = _NP_HEAD_END.split(f" {np} ", maxsplit=1)[0].lower().split()
        if lead and lead[-1] == head and np.lower() != low:
            return np
    return speaker


class _Antecedent:
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

    def noun_phrase(self, ctx: _Context) -> str:
        if self._np is None:
            text = self._sentence or ""
            subject = ctx.subject(text)
            self._np = text[subject.start : subject.end] if subject is not None else ""
            if is_pronoun(self._np):
                self._np = ""
        return self._np

    def kind(self, ctx: _Context) -> str:
        if self._kind is None:
            self._kind = _kind_of(self.noun_phrase(ctx), ctx.people)
        return self._kind


def _remember(np: str, ctx: _Context, kind: str | None = None) -> None:
    if np and not is_pronoun(np):
        ctx.antecedents.append(_Antecedent(np, kind=kind))


_APPOSED_BEFORE = re.compile(r"(?:^|[,;:(—–]\s*)([^,;:()—–]{3,90}),\s*$")
_APPOSED_AFTER = re.compile(r"\s*,\s*([^,;:()—–]{3,90})(?:,|\s+(?:said|says|told|added)\b)")
# An apposition is a noun phrase that opens with a determiner or a possessive.
_APPOSITION = re.compile(r"(?:the|a|an|his|her|its|their|\S+(?:’s|'s))\s", re.IGNORECASE)


def _apposed_kind(sentence: str, att: Attribution, ctx: _Context) -> str | None:
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


def _extract(text: str) -> Extraction:
    sentences = split_sentences(text)
    entities: Entities = extract_entities(text)
    people = person_names(entities)
    ctx = _Context(people, text, bodies=entities.organizations)
    header = _TRANSCRIPT.match(text)
    turns = _transcript_turns(sentences) if header else {}
    quotes = quote_spans(text)

    per_sentence: list[list[Attribution]] = [
        find_attributions(s.text, _local_quotes(s, quotes)) for s in sentences
    ]
    quote_speaker = _quote_speakers(sentences, per_sentence, quotes)

    items: list[_Item] = []
    previous_quote: _Item | None = None
    for s, atts in zip(sentences, per_sentence, strict=True):
        ctx.position = s.start
        resolved: list[tuple[Attribution, str]] = []
        for att in atts:
            name = _resolve(att.speaker, s.text, att.speaker_start, ctx)
            resolved.append((att, name))
        ctx.antecedents.append(_Antecedent(sentence=s.text))
        for att, name in resolved:
            _remember(name, ctx, _apposed_kind(s.text, att, ctx) if name == att.speaker else None)
        if not _LETTER.search(s.text):
            continue
        found = _sentence_items(s, resolved, quote_speaker.get(s.index), turns.get(s.index), ctx)
        continued = False
        if not found and not resolved and previous_quote is not None:
            found = _continued_quote(s, text, previous_quote, quotes)
            continued = bool(found)
        previous_quote = found[0] if continued else None
        if not found:
            # "The reporter asked her what the ministry must do.": the interviewer speaks no
            # claim, and the quote that answers in the next paragraph is hers.
            previous_quote = _interviewee(s, ctx) or previous_quote
        for item in found:
            if item.denial:
                _remember(item.speaker, ctx)
            if item.cue == "quote" or _ends_quoted(s.text) or _closes_paragraph(s, text):
                previous_quote = item
        items.extend(item for item in found if not _no_comment(item.content))

    claims: list[Claim] = []
    denials: list[Denial] = []
    anonymous_groups: set[str] = set()
    # A report quotes the same few speakers again and again; tidying, classifying and the
    # group noun depend only on the speaker and this report's people, so each is worked out
    # once per report.
    tidied: dict[str, str] = {}
    kinds: dict[str, tuple[SpeakerKind, str | None]] = {}
    for item in items:
        speaker = tidied.get(item.speaker)
        if speaker is None:
            speaker = tidied[item.speaker] = tidy_speaker(item.speaker, people)
        known = kinds.get(speaker)
        if known is None:
            known = kinds[speaker] = (classify_speaker(speaker, people), _group_head(speaker))
        kind, head = known
        if kind != "anonymous" and _anonymous_after(item.sentence.text, item.start):
            kind = "anonymous"
        if head is not None:
            if kind != "named" and head in anonymous_groups and _refers_back(speaker):
                # "One of the officials", "the diplomats": the anonymous group named before.
                kind = "anonymous"
            if kind == "anonymous":
                anonymous_groups.add(head)
        if item.denial:
            denials.append(
                Denial(
                    item.sentence.text,
                    speaker,
                    kind,
                    item.denied.strip(" ,.“”\"'"),
                    (),
                    item.sentence.index,
                    item.cue,
                )
            )
        else:
            clause = item.sentence.text[item.clause_start : item.clause_end]
            claims.append(
                Claim(
                    item.sentence.text,
                    speaker,
                    kind,
                    item.content.strip(" ,.“”\"'"),
                    is_hedged(clause, speaker),
                    item.sentence.index,
                    item.cue,
                )
            )
    claims, denials = promote_contradictions(claims, denials)
    denials = link_targets(claims, denials)
    questions = find_open_questions(sentences, claims, denials)
    return Extraction(tuple(claims), tuple(denials), tuple(questions), entities)


def _interviewee(s: Sentence, ctx: _Context) -> _Item | None:
    """The one asked in an interviewer's question ("asked her what …"), to whom the quote
    after it belongs; None for any other sentence."""
    asked = _ASKED_WH.search(s.text)
    if asked is None:
        return None
    whom = _SUBJECT_FORM.get(asked.group(1), asked.group(1))
    # The one asked is never the one asking: "her" points to someone before this sentence.
    this_sentence = ctx.antecedents.pop()
    answerer = _resolve(whom, "", 0, ctx)
    ctx.antecedents.append(this_sentence)
    return _Item(s, answerer, 0, 0, "", "asked")


_ASKED_WH = re.compile(
    r"\basked\s+(him|her|them|(?:[A-Z][\w’'\-]*\s+){0,2}[A-Z][\w’'\-]*)\s+"
    r"(?:what|whether|if|why|how|when|where|who|about)\b"
)

_SUBJECT_FORM = {"him": "he", "her": "she", "them": "they"}

_ANONYMITY = re.compile(
    r"(?:condition|promise|request)s?\s+of\s+anonymity|(?:not|n[’']t)\s+(?:be\s+)?"
    r"(?:authori[sz]ed|allowed|permitted)\s+to\s+(?:speak|talk|comment)|"
    r"(?:declined|asked|refused)\s+(?:not\s+)?to\s+be\s+(?:named|identified)"
)


def _anonymous_after(sentence: str, start: int) -> bool:
    """A source who "spoke on condition of anonymity" is anonymous, whatever its title."""
    if "anonym" not in sentence and " to be " not in sentence and "to speak" not in sentence:
        return False
    m = _ANONYMITY.search(sentence, start)
    return m is not None and m.start() - start < 160


_GROUP_HEAD = re.compile(r"([a-z]+s)(?:\s+(?:familiar|close|briefed|with|who|in|at|of)\b.*)?$")
_REFERS_BACK = re.compile(
    r"^(?:the|these|those|(?:one|two|some|both|each|neither|either|all)\s+of\s+the)\s", re.I
)


def _group_head(speaker: str) -> str | None:
    """The plural noun heading a speaker ("two officials briefed on the talks" → officials)."""
    m = _GROUP_HEAD.search(speaker.lower())
    if m is None:
        return None
    head = m.group(1)
    return head[:-1] if head.endswith("s") else head


def _refers_back(speaker: str) -> bool:
    return _REFERS_BACK.match(speaker) is not None


def _no_comment(content: str) -> bool:
    low = content.lower()
    # "could not confirm or deny the talks" says no more than "no comment".
    return ("comment" in low or "confirm" in low) and _NO_COMMENT.search(content) is not None


def _local_quotes(s: Sentence, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [
        (max(0, q_start - s.start), min(len(s.text), q_end - s.start))
        for q_start, q_end in quotes
        if q_start < s.end and q_end > s.start
    ]


def _ends_quoted(text: str) -> bool:
    return text.rstrip().endswith(_CLOSE_QUOTE) or '," ' in text or ",” " in text


def _closes_paragraph(s: Sentence, text: str) -> bool:
    """Whether ``s`` is the last sentence of its paragraph."""
    rest = text[s.end : s.end + 4]
    return not rest.strip() or rest.lstrip(" \t").startswith("\n")


def _closes_paragraph_at(end: int, text: str) -> bool:
    rest = text[end : end + 4]
    return not rest.strip() or rest.lstrip(" \t").startswith("\n")


def _continued_quote(
    s: Sentence, text: str, previous: _Item, quotes: list[tuple[int, int]]
) -> list[_Item]:
    """A wholly quoted sentence right after an attributed quote: the same speaker's.

    A counter-claim in it ("We have found no design fault.") is that speaker's denial.
    """
    body = s.text.strip()
    # A sentence of an unattributed quote running over several sentences ("“We are only
    # talking. Nothing is planned.”"): the span that holds it, if any.
    held = next(
        (
            (q_start, q_end)
            for q_start, q_end in quotes
            if q_start <= s.start + 1 and q_end >= s.end - 1 and q_end - q_start > len(body)
        ),
        None,
    )
    opens_quote_paragraph = (
        held is not None and held[0] <= s.start + 1 and _closes_paragraph_at(held[1], text)
    )
    if (
        previous.sentence.paragraph != s.paragraph
        and not (
            s.paragraph == previous.sentence.paragraph + 1
            and s.index == previous.sentence.index + 1
            and opens_quote_paragraph
        )
        and not (
            # A paragraph that is only a quote, right after a paragraph that closed on the same
            # speaker's quote, or on their attributed words, goes on with that speaker.
            s.paragraph == previous.sentence.paragraph + 1
            and s.index == previous.sentence.index + 1
            and (
                previous.sentence.text.rstrip().endswith(_CLOSE_QUOTE)
                or previous.sentence.text.lstrip().startswith(_OPEN_QUOTE)
                or _closes_paragraph(s, text)
            )
        )
    ):
        return []
    if not (body.startswith(_OPEN_QUOTE) and body.endswith(_CLOSE_QUOTE)) and held is None:
        return []
    if body.rstrip("”\"'’").endswith("?"):
        return []
    for cue in find_denial_cues(body):
        if cue.needs_source:
            denied = body[cue.denied_start : cue.denied_end]
            return [_Item(s, previous.speaker, 0, 0, "", cue.cue, True, denied)]
    return [_Item(s, previous.speaker, 0, 0, body, "quote")]


def _quote_speakers(
    sentences: list[Sentence], per_sentence: list[list[Attribution]], quotes: list[tuple[int, int]]
) -> dict[int, tuple[int, Attribution]]:
    """Sentences inside a multi-sentence quote, mapped to the quote's attribution."""
    out: dict[int, tuple[int, Attribution]] = {}
    for q_start, q_end in quotes:
        covered = [s for s in sentences if s.start < q_end and s.end > q_start]
        if len(covered) < 2:
            continue
        source: tuple[int, Attribution] | None = None
        for s in covered:
            for att in per_sentence[s.index]:
                pos = s.start + att.cue_start
                if not (q_start <= pos < q_end):
                    source = (s.index, att)
                    break
            if source:
                break
        if source is None:
            # ""…," she said. "Our members have waited. They will not wait."": a quote that
            # goes on after an attributed quote, in the same paragraph, is the same speaker's.
            first = covered[0]
            prev = sentences[first.index - 1] if first.index > 0 else None
            if (
                prev is not None
                and (
                    (prev.paragraph == first.paragraph and any(q in prev.text for q in _OPEN_QUOTE))
                    # A quote that opens the next paragraph goes on with the speaker whose
                    # quote closed the paragraph before.
                    or (prev.paragraph + 1 == first.paragraph and _ends_quoted(prev.text))
                )
                and first.start >= q_start - 1
            ):
                outside = [
                    att
                    for att in per_sentence[prev.index]
                    if not any(
                        a <= prev.start + att.cue_start < b for a, b in quotes if a >= prev.start
                    )
                ]
                if outside:
                    source = (prev.index, outside[-1])
        if source is None:
            continue
        for s in covered:
            if s.index != source[0] and s.start >= q_start - 1:
                out[s.index] = source
    return out


def _sentence_items(
    s: Sentence,
    resolved: list[tuple[Attribution, str]],
    quoted: tuple[int, Attribution] | None,
    transcript: str | None,
    ctx: _Context,
) -> list[_Item]:
    text = s.text
    cues = find_denial_cues(text)
    items: list[_Item] = []
    consumed: set[int] = set()
    denied_speakers: list[str] = []

    quote_name: str | None = None
    if quoted is not None:
        quote_name = _resolve(quoted[1].speaker, "", 0, ctx)

    for cue in cues:
        speaker: str | None = None
        start = 0
        if cue.speaker is not None:
            raw = text[cue.speaker.start : cue.speaker.end]
            speaker, start = _resolve(raw, text, cue.speaker.start, ctx), cue.speaker.start
            # "Ana Ruiz said her client does not accept the charges": the source speaks for
            # the side she names with a pronoun, and her words are the denial.
            i = _reporting(resolved, cue) if _own_side(raw) else None
            if i is not None:
                speaker, start = resolved[i][1], resolved[i][0].speaker_start
                consumed.add(i)
        elif (
            not cue.needs_source
            and (
                same := next(
                    (k for k, (a, _n) in enumerate(resolved) if a.cue_start == cue.cue_start), None
                )
            )
            is not None
        ):
            # "…, calling the charges "absurd, baseless and false."": the participle whose
            # subject the claim rules found is the denial's.
            speaker, start = resolved[same][1], resolved[same][0].speaker_start
            consumed.add(same)
        elif cue.needs_source:
            i = _reporting(resolved, cue)
            if i is not None:
                speaker, start = resolved[i][1], resolved[i][0].speaker_start
                consumed.add(i)
            if speaker is None and quote_name is not None and not resolved:
                speaker = quote_name
            if speaker is None and transcript is not None:
                speaker = transcript
            if speaker is None and _FINDING.search(cue.cue):
                # "An official investigation has found no links between …": an inquiry
                # reports its own finding.
                subject = speaker_before(text, cue.cue_start)
                found_by = text[subject.start : subject.end] if subject is not None else ""
                if found_by and found_by.split()[-1].lower() in DOCUMENT_NOUNS:
                    speaker, start = found_by, subject.start if subject is not None else 0
        if speaker is None:
            continue
        if any(_same_speaker(speaker, d) for d in denied_speakers):
            continue
        denied_speakers.append(speaker)
        items.append(
            _Item(
                s, speaker, start, start, "", cue.cue, True, text[cue.denied_start : cue.denied_end]
            )
        )

    if resolved and not _is_question(text):
        for i, (att, name) in enumerate(resolved):
            if i in consumed or any(_same_speaker(name, d) for d in denied_speakers):
                continue
            if any(_same_speaker(name, it.speaker) for it in items if not it.denial):
                continue
            if (
                (not att.nominal or "eport" in att.cue or att.cue.lower().startswith(_ACCOUNT_CUES))
                and _inside_denied(att, cues, any(not a.nominal for a, _n in resolved))
                # "rejected allegations by residents who say troops fired": the residents'
                # own words are a claim, the one the denial answers.
                and text[att.speaker_start + len(att.speaker) : att.cue_start].strip() != "who"
            ):
                # "denied reports that …": the reports are what is denied, not a claim.
                continue
            # The first attribution of a sentence owns its opening quote for hedging.
            first = i == 0 and not att.nominal
            items.append(
                _Item(
                    s,
                    name,
                    att.speaker_start,
                    0 if first else min(att.speaker_start, att.cue_start, att.content_start),
                    text[att.content_start : att.content_end],
                    att.cue,
                    clause_end=max(att.content_end, att.cue_end),
                )
            )
        return items

    if items or text.rstrip().endswith(("?", "?”", '?"')):
        return items
    if quote_name is not None:
        items.append(_Item(s, quote_name, 0, 0, text, "quote"))
    elif ("allegedly" in text or "reportedly" in text) and (hearsay := _unsourced_hearsay(text)):
        items.append(_Item(s, hearsay, 0, 0, text, "hearsay"))
    elif transcript is not None and _transcript_claim(text):
        # The content leaves out the turn's "MS. OKAFOR:" label.
        turn = _TRANSCRIPT.match(text)
        items.append(_Item(s, transcript, 0, 0, text[turn.end() :] if turn else text, "transcript"))
    return items


_HEARSAY = re.compile(r"\s(allegedly|reportedly)\s+[a-z]+(?:ed|t|d|k|e|n)\b")


def _unsourced_hearsay(text: str) -> str | None:
    """ "The mayor reportedly took the bribe": an event the report passes on from no named
    source is an anonymous claim whose source is the adverb itself (SCHEMA.md)."""
    m = _HEARSAY.search(text)
    if m is None:
        return None
    subject = speaker_before(text, m.start() + 1)
    # Only the adverb of the main clause, right after the sentence's subject: "seized a
    # barge for allegedly dumping oil" passes nothing on.
    if subject is None or text[: subject.start].strip(" -—–") != "":
        return None
    return m.group(1)


# Nouns that pass on an account with no source ("allegations that …"), like "reports".
_ACCOUNT_CUES = ("allegations", "accusations")


_FINDING = re.compile(r"\b(?:found|seen|detected|identified|shown|showed|find)\b")


def _reporting(resolved: list[tuple[Attribution, str]], cue: DenialCue) -> int | None:
    """The attribution whose reported clause holds the denial cue, if any."""
    for i, (att, _name) in enumerate(resolved):
        if att.content_start <= cue.cue_start < att.content_end and not att.nominal:
            return i
    return None


_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})


def _own_side(subject: str) -> bool:
    """ "he", "we", "his country", "their client": a subject that points back at whoever
    reports it rather than naming another party."""
    words = subject.lower().split()
    return bool(words) and (
        (len(words) == 1 and words[0] in _SUBJECT_PRONOUNS) or words[0] in _POSSESSIVES
    )


def _is_question(text: str) -> bool:
    """A sentence that asks ("Can you confirm that?") states nothing of its own."""
    return text.rstrip().rstrip("”\"'’)").endswith("?")


def _inside_denied(att: Attribution, cues: list[DenialCue], sourced: bool) -> bool:
    # "…, denying reports that …": a participle whose speaker is the reporting verb's;
    # "The allegations that … are baseless, said Hong": a predicate whose speaker is, when
    # the sentence has one ("Several reports that … were wrong" is the narrator's word).
    return any(
        (c.speaker is not None or c.cue.endswith("ing") or (c.needs_source and sourced))
        and c.denied_start <= att.cue_start < c.denied_end
        for c in cues
    )


_NOT_BRIEFERS = frozenset({"question", "q", "reporter", "moderator", "operator", "audience"})


def _transcript_turns(sentences: list[Sentence]) -> dict[int, str]:
    """In a briefing transcript ("MS PORTER: …"), each sentence's speaker by turn.

    Reporters' turns ("QUESTION: …") carry no claims of the briefer.
    """
    out: dict[int, str] = {}
    current: str | None = None
    last_paragraph = -1
    for s in sentences:
        if s.paragraph != last_paragraph:
            last_paragraph = s.paragraph
            turn = _TRANSCRIPT.match(s.text)
            if turn is not None:
                name = turn.group(2).split()[-1]
                current = None if name.lower() in _NOT_BRIEFERS else name.title()
        if current is not None:
            out[s.index] = current
    return out


def _transcript_claim(text: str) -> bool:
    words = text.split()
    return len(words) >= 8 and not _PROCEDURAL.search(text) and not text.rstrip().endswith(":")


def _same_speaker(a: str, b: str) -> bool:
    # Determiners say nothing of who speaks: "a spokesman" and "a local paper" differ.
    ta = {t.strip(".,").lower() for t in a.split()} - _DETERMINER_WORDS
    tb = {t.strip(".,").lower() for t in b.split()} - _DETERMINER_WORDS
    if not ta or not tb:
        return a.lower() == b.lower()
    return bool(ta & tb) and len(ta & tb) / min(len(ta), len(tb)) >= 0.5


_DETERMINER_WORDS = frozenset({"a", "an", "the", "of"})
