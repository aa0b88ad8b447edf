"""The engine's entry point: one report in, its claims, denials, questions and entities out.

This module knows the order of the stages — sentences, entities, attributions, quotes,
pronouns, denials, targets, questions — and nothing about how each works. It is pure,
deterministic and never raises: a report the rules cannot read yields an empty extraction.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, replace

from briefings.antecedents import Antecedent, Context, apposed_kind, remember, resolve
from briefings.claims import Attribution, find_attributions
from briefings.clausal_denials import is_blameless
from briefings.co_speakers import co_speakers
from briefings.contradictions import promote_contradictions
from briefings.denial_links import link_targets
from briefings.denial_parts import DenialCue
from briefings.denials import find_denial_cues
from briefings.deniers import denier
from briefings.entities import extract_entities, person_names
from briefings.gazetteer import gazetteer
from briefings.hedges import is_hedged
from briefings.implied_accounts import with_implied_accounts
from briefings.model import (
    Claim,
    Denial,
    Entities,
    Extraction,
    OpenQuestion,
    Report,
    Sentence,
    SpeakerKind,
)
from briefings.questions import find_open_questions
from briefings.quotes import quote_spans
from briefings.sections import plan_sections, shift_items, surely_whole
from briefings.segment import split_sentences
from briefings.speaker_kinds import classify_speaker
from briefings.speaker_names import tidy_speaker
from briefings.speakers import Span, speaker_before

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


class _Accusations:
    """Where a report's accusations are, looked for only when a sentence asserts innocence
    (few do): innocence denies an accusation made elsewhere in the report, never one the
    sentence's own words make ("… and blamed a faulty update from a supplier")."""

    __slots__ = ("_at", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._at: list[int] | None = None

    def outside(self, s: Sentence) -> bool:
        if self._at is None:
            self._at = [m.start() for m in _ACCUSATION.finditer(self._text)]
        return any(at < s.start or at >= s.end for at in self._at)


# Words of an accusation anywhere in a report: what a claim of innocence would answer.
_ACCUSATION = re.compile(
    r"\b(?:accus|alleg|charge[sd]?\b|blam|wrongdoing|guilt|suspect|implicat|bribe|corrupt|"
    r"fraud|crime|crimin|abuse|kill|torture|embezzl|rigg|indict|arrest|detain|impeach|"
    # "an investigation into President Ana Ruiz": an inquiry into someone's conduct.
    r"(?:investigation|probe|inquiry)\s+into)",
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


def _extract(text: str) -> Extraction:
    sentences = split_sentences(text)
    entities: Entities = extract_entities(text)
    people = person_names(entities)
    sections = [] if surely_whole(text) else plan_sections(text, sentences)
    if len(sections) <= 1:
        # Nearly every report: read whole, in its own indices.
        claims, denials, questions = _section_items(text, sentences, entities, people)
        return Extraction(tuple(claims), tuple(denials), tuple(questions), entities)
    claims = []
    denials = []
    questions = []
    for section in sections:
        found = _section_items(section.text, section.sentences, entities, people)
        more_claims, more_denials, more_questions = shift_items(
            section, *found, len(claims), len(denials)
        )
        claims += more_claims
        denials += more_denials
        questions += more_questions
    return Extraction(tuple(claims), tuple(denials), tuple(questions), entities)


def _section_items(
    text: str, sentences: list[Sentence], entities: Entities, people: Mapping[str, str]
) -> tuple[list[Claim], list[Denial], list[OpenQuestion]]:
    """The items of a report, or of one section of a long one, in its own indices."""
    items = _report_items(text, sentences, entities, people)
    claims, denials = _claims_and_denials(items, people)
    claims, denials = promote_contradictions(claims, denials)
    denials = link_targets(claims, denials)
    claims, denials = with_implied_accounts(claims, denials, people)
    questions = find_open_questions(sentences, claims, denials)
    return claims, denials, questions


def _report_items(
    text: str, sentences: list[Sentence], entities: Entities, people: Mapping[str, str]
) -> list[_Item]:
    """Every attributed item of the report, sentence by sentence, each read with what the
    sentences before it said: the names a pronoun points back to, the quote a wholly quoted
    sentence goes on with, the briefer whose transcript turn it is."""
    ctx = Context(people, text, bodies=entities.organizations)
    header = _TRANSCRIPT.match(text)
    turns = _transcript_turns(sentences) if header else _statement_turns(text, sentences)
    quotes = quote_spans(text)
    quote_starts = [start for start, _ in quotes]
    quote_ends = [end for _, end in quotes]

    per_sentence: list[list[Attribution]] = [
        find_attributions(s.text, _local_quotes(s, quotes, quote_starts, quote_ends))
        for s in sentences
    ]
    quote_speaker = _quote_speakers(sentences, per_sentence, quotes)
    accusations = _Accusations(text)

    items: list[_Item] = []
    previous_quote: _Item | None = None
    for s, atts in zip(sentences, per_sentence, strict=True):
        ctx.position = s.start
        resolved = _resolved_attributions(s, atts, ctx)
        if not _LETTER.search(s.text):
            continue
        found = _with_co_speakers(
            _sentence_items(
                s, resolved, quote_speaker.get(s.index), turns.get(s.index), ctx, accusations
            ),
            ctx,
        )
        continued = False
        passed_on = bool(resolved) and all(a.in_quote for a, _n in resolved)
        if (
            previous_quote is not None
            and (not found or passed_on)
            and (not resolved or passed_on)
            and not _has_item_of(found, previous_quote.speaker)
        ):
            # A wholly quoted sentence goes on with the quote before it, also when it opens
            # on a third party's words ('"One of my officers said it had crossed."').
            more = _continued_quote(s, text, previous_quote, quotes)
            continued = bool(more)
            found = more + found
        previous_quote = found[0] if continued else None
        if not found:
            # "The reporter asked her what the ministry must do.": the interviewer speaks no
            # claim, and the quote that answers in the next paragraph is hers.
            previous_quote = _interviewee(s, ctx) or _introduced(s, text, ctx) or previous_quote
        for item in found:
            if item.denial:
                remember(item.speaker, ctx)
            if (
                item.cue == "quote"
                or _ends_quoted(s.text)
                or _closes_paragraph(s.end, text)
                # 'He said aid has been used well. "You have the expansion of clinics …"': a
                # quote opening right after the speaker's own reported words is theirs.
                or (item.cue.lower() in _SAYING and _QUOTE_NEXT.match(text, s.end))
            ):
                previous_quote = item
        items.extend(item for item in found if not _no_comment(item.content))
    return items


def _with_co_speakers(items: list[_Item], ctx: Context) -> list[_Item]:
    """Each item once for every named person who says it with its speaker ("Julie Bishop
    and Peter Dutton denied the reports"), one item per speaker as before."""
    out: list[_Item] = []
    for item in items:
        text = item.sentence.text
        end = item.start + len(item.speaker)
        together = (
            co_speakers(text, item.start, end, ctx.people)
            if text.startswith(item.speaker, item.start)
            else []
        )
        if not together:
            out.append(item)
            continue
        for name, at in together:
            if not any(o.speaker == name for o in out):
                out.append(replace(item, speaker=name, start=at))
    return out


def _resolved_attributions(
    s: Sentence, atts: list[Attribution], ctx: Context
) -> list[tuple[Attribution, str]]:
    """Each attribution of ``s`` with the name its speaker stands for ("he" → "Ruiz").

    The sentence's subject and those names are then remembered, so that a pronoun in a
    later sentence can point back to them.
    """
    resolved: list[tuple[Attribution, str]] = []
    for att in atts:
        name = resolve(att.speaker, s.text, att.speaker_start, ctx)
        resolved.append((att, name))
    ctx.antecedents.append(Antecedent(sentence=s.text))
    ctx.named_here = []
    for att, name in resolved:
        before = len(ctx.antecedents)
        remember(name, ctx, apposed_kind(s.text, att, ctx) if name == att.speaker else None)
        if len(ctx.antecedents) > before:
            ctx.named_here.append((att.speaker_start, before))
    return resolved


def _claims_and_denials(
    items: list[_Item], people: Mapping[str, str]
) -> tuple[list[Claim], list[Denial]]:
    """The report's items as claims and denials, each speaker tidied ("Mr. Uribe" → the
    fullest name the report gave him) and classified as named, official or anonymous."""
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
        kind = _kind_here(item, speaker, known, anonymous_groups)
        if item.denial:
            denials.append(
                Denial(
                    item.sentence.text,
                    speaker,
                    kind,
                    _span_words(item.denied),
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
                    _span_words(item.content),
                    # (A verb of belief or forecast hedges as the reporting verb only:
                    # "suspected militants" says nothing tentative.)
                    is_hedged(clause, speaker) or _belief_cue(item.cue),
                    item.sentence.index,
                    item.cue,
                )
            )
    return claims, denials


def _kind_here(
    item: _Item,
    speaker: str,
    known: tuple[SpeakerKind, str | None],
    anonymous_groups: set[str],
) -> SpeakerKind:
    """The speaker's kind at this item: anonymous, whatever its title, when it "spoke on
    condition of anonymity" here or before under the same phrase, or refers back to an
    anonymous group ("one of the officials"); the speaker made anonymous here, and an
    anonymous group's noun, are added to ``anonymous_groups``."""
    kind, head = known
    if kind != "anonymous" and (
        speaker in anonymous_groups or _anonymous_after(item.sentence.text, item.start)
    ):
        # A source granted anonymity stays anonymous when quoted again under the same
        # phrase ("said the politician", resolved to "A politician from Kano state").
        kind = "anonymous"
        anonymous_groups.add(speaker)
    if head is not None:
        if kind != "named" and head in anonymous_groups and _refers_back(speaker):
            # "One of the officials", "the diplomats": the anonymous group named before.
            kind = "anonymous"
        if kind == "anonymous":
            anonymous_groups.add(head)
    return kind


def _interviewee(s: Sentence, ctx: Context) -> _Item | None:
    """The one asked in an interviewer's question ("asked her what …"), to whom the quote
    after it belongs; None for any other sentence."""
    # The pattern needs "asked": most sentences skip its search from every word.
    asked = _ASKED_WH.search(s.text) if "asked" in s.text else None
    if asked is None:
        return None
    whom = _SUBJECT_FORM.get(asked.group(1), asked.group(1))
    # The one asked is never the one asking: "her" points to someone before this sentence.
    this_sentence = ctx.antecedents.pop()
    answerer = resolve(whom, "", 0, ctx)
    ctx.antecedents.append(this_sentence)
    return _Item(s, answerer, 0, 0, "", "asked")


def _introduced(s: Sentence, text: str, ctx: Context) -> _Item | None:
    """The person a paragraph is about, when the next paragraph is a quote alone.

    News sets a quote apart with no "he said" when the paragraph before has just introduced
    its speaker ("Richard Cronin is director of … He is an expert on dams." then a quoted
    paragraph). Only a named person or a "he"/"she" standing for one is taken: a group or
    an institution as the subject is too often only what the quote is about.
    """
    if not _QUOTE_PARAGRAPH_NEXT.match(text, s.end):
        return None
    span = ctx.subject(s.text)
    if span is None:
        return None
    subject = s.text[span.start : span.end]
    if subject in ("He", "She"):
        name = resolve(subject.lower(), s.text, span.start, ctx)
        return None if name.lower() == subject.lower() else _Item(s, name, 0, 0, "", "introduced")
    last = subject.split()[-1]
    if last[:1].isupper() and last.lower() in ctx.people:
        return _Item(s, subject, span.start, 0, "", "introduced")
    return None


# The end of a paragraph, then a paragraph opening with a quote mark.
_QUOTE_PARAGRAPH_NEXT = re.compile(r"[ \t]*\n\s*[“\"]")

_ASKED_WH = re.compile(
    r"\basked\s+(him|her|them|(?:[A-Z][\w’'\-]*\s+){0,2}[A-Z][\w’'\-]*)\s+"
    r"(?:what|whether|if|why|how|when|where|who|about)\b"
)

_SUBJECT_FORM = {"him": "he", "her": "she", "them": "they"}

_SAYING = frozenset("said says told tells added adds".split())
# An opening quote mark starting the next sentence of the same paragraph.
_QUOTE_NEXT = re.compile(r"[ \t]*[“\"]")
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


def _local_quotes(
    s: Sentence, quotes: list[tuple[int, int]], starts: list[int], ends: list[int]
) -> list[tuple[int, int]]:
    """The quotes overlapping ``s``, in its own offsets. ``quote_spans`` gives them in order
    and apart, so both their starts and their ends are sorted and the overlapping ones are
    found by bisection: a long transcript has hundreds of sentences and of quotes."""
    first = bisect_right(ends, s.start)
    stop = bisect_left(starts, s.end, lo=first)
    return [
        (max(0, q_start - s.start), min(len(s.text), q_end - s.start))
        for q_start, q_end in quotes[first:stop]
    ]


def _ends_quoted(text: str) -> bool:
    return text.rstrip().endswith(_CLOSE_QUOTE) or '," ' in text or ",” " in text


def _closes_paragraph(end: int, text: str) -> bool:
    """Whether a sentence or quote ending at ``end`` is the last of its paragraph."""
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
        held is not None and held[0] <= s.start + 1 and _closes_paragraph(held[1], text)
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
                or _closes_paragraph(s.end, text)
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
    ctx: Context,
    accusations: _Accusations,
) -> list[_Item]:
    """The sentence's denials, then its attributed claims; a sentence that attributes nothing
    may still be a claim of the quote it sits in, of hearsay or of a transcript turn."""
    text = s.text
    cues = find_denial_cues(text)
    if any(is_blameless(c.cue) for c in cues) and not accusations.outside(s):
        # "The company insisted it had done nothing wrong": with no accusation elsewhere in
        # the report, innocence asserted is the company's own account, not a denial.
        cues = [c for c in cues if not is_blameless(c.cue)]

    quote_name: str | None = None
    if quoted is not None:
        quote_name = resolve(quoted[1].speaker, "", 0, ctx)

    items, consumed = _denial_items(s, cues, resolved, quote_name, transcript, ctx)
    if transcript is not None:
        # "We join the families … in calling for …" in a briefer's turn: the briefer.
        resolved = [(a, transcript if n.lower() in {"i", "we"} else n) for a, n in resolved]
    if resolved and not _is_question(text):
        items.extend(_claim_items(s, cues, resolved, consumed, items))
        if (
            quote_name is not None
            and not _has_item_of(items, quote_name)
            and all(a.in_quote for a, _n in resolved)
        ):
            # '"One of my officers said it had crossed …"': the quote's speaker says the
            # sentence that passes a third party's words on.
            items.append(_Item(s, quote_name, 0, 0, text, "quote"))
        return items

    if items or text.rstrip().endswith(("?", "?”", '?"')):
        return items
    unattributed = _unattributed_item(s, quote_name, transcript)
    return [unattributed] if unattributed is not None else []


def _has_item_of(items: list[_Item], speaker: str) -> bool:
    """Whether ``items`` hold one of ``speaker``'s."""
    return any(_same_speaker(i.speaker, speaker) for i in items)


def _denial_items(
    s: Sentence,
    cues: list[DenialCue],
    resolved: list[tuple[Attribution, str]],
    quote_name: str | None,
    transcript: str | None,
    ctx: Context,
) -> tuple[list[_Item], set[int]]:
    """The sentence's denials, one per speaker, and the attributions whose speakers they
    took: those make no claim of their own."""
    text = s.text
    items: list[_Item] = []
    consumed: set[int] = set()
    denied_speakers: list[str] = []
    for cue in cues:
        speaker, start, taken = denier(cue, text, resolved, quote_name, transcript, ctx)
        if taken is not None:
            consumed.add(taken)
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
    return items, consumed


def _claim_items(
    s: Sentence,
    cues: list[DenialCue],
    resolved: list[tuple[Attribution, str]],
    consumed: set[int],
    denials: list[_Item],
) -> list[_Item]:
    """The sentence's attributions as claims, one per speaker, leaving out the speakers who
    deny here and the accounts the sentence denies ("denied reports that …")."""
    text = s.text
    claims: list[_Item] = []
    for i, (att, name) in enumerate(resolved):
        if i in consumed or any(_same_speaker(name, d.speaker) for d in denials):
            continue
        if any(_same_speaker(name, it.speaker) for it in claims):
            continue
        if (
            (not att.nominal or "eport" in att.cue or att.cue.lower().startswith(_ACCOUNT_CUES))
            and _inside_denied(att, cues, any(not a.nominal for a, _n in resolved))
            # "rejected allegations by residents who say troops fired": the residents'
            # own words are a claim, the one the denial answers.
            and text[att.speaker_start + len(att.speaker) : att.cue_start].strip() != "who"
            # "rejected a Taliban claim of killing 20 soldiers": a claim its named owner
            # made, which the denial answers, like "the Dalai Lama's claim that".
            and not _named_claim(att)
        ):
            # "denied reports that …": the reports are what is denied, not a claim.
            continue
        # The first attribution of a sentence owns its opening quote for hedging; one inside
        # a subordinate clause ("The alleged rapes occurred after Kiir warned that …") does
        # not own the narration around it.
        first = i == 0 and not att.nominal and not att.subordinate
        content = _own_content(text, att)
        if content.rstrip(" ”\"’'").endswith("?"):
            # '"Will the premier make him accountable?" she wrote': a question asked
            # states nothing.
            continue
        claims.append(
            _Item(
                s,
                name,
                att.speaker_start,
                0 if first else min(att.speaker_start, att.cue_start, att.content_start),
                content,
                att.cue,
                clause_end=max(att.content_end, att.cue_end),
            )
        )
    return claims


def _span_words(span: str) -> str:
    """A content or denied span without the commas, periods and quote marks around it, and
    still a verbatim stretch of it: a quote opened inside it and closed at its end ('The
    plan is "a good start,"') runs on to its closing mark, with what stands before that
    mark; one that opens it and closes inside ('"unmarked" helicopters') keeps its opening
    mark."""
    words = span.strip(" ,.:;“”\"'")
    start = span.find(words)
    before = span[:start]
    if words.count("”") > words.count("“") and before.endswith("“"):
        return "“" + words
    if words.count('"') % 2 and before.endswith('"'):
        return '"' + words
    if words.count("“") > words.count("”"):
        closer = "”"
    elif words.count('"') % 2:
        closer = '"'
    else:
        return words
    close = span.find(closer, start + len(words))
    return words if close == -1 else span[start : close + 1]


_DENIER_PARTICIPLE = re.compile(r",\s+(?:saying|adding|insisting|arguing|noting)\b")


def _own_content(text: str, att: Attribution) -> str:
    """The attributed words; for a claim named inside a denial ("rejected a Taliban claim
    of killing 20, saying no one was hurt"), only up to the denier's participle."""
    content = text[att.content_start : att.content_end]
    if _named_claim(att):
        cut = _DENIER_PARTICIPLE.search(content)
        if cut is not None:
            content = content[: cut.start()]
    return content


def _named_claim(att: Attribution) -> bool:
    """A claim noun owned by a named source right before it ("a Taliban claim of")."""
    return (
        not att.nominal
        and att.cue.lower() in {"claim", "claims"}
        and any(w[:1].isupper() for w in att.speaker.split()[1:] or att.speaker.split())
    )


def _unattributed_item(s: Sentence, quote_name: str | None, transcript: str | None) -> _Item | None:
    """A sentence that attributes and denies nothing: a sentence of a quote whose speaker is
    named elsewhere, hearsay ("The mayor reportedly took the bribe"), or a briefer's turn."""
    text = s.text
    if quote_name is not None:
        return _Item(s, quote_name, 0, 0, text, "quote")
    if ("allegedly" in text or "reportedly" in text or " reported " in text) and (
        hearsay := _unsourced_hearsay(text)
    ):
        return _Item(s, hearsay, 0, 0, text, "hearsay")
    if transcript is not None and _transcript_claim(text):
        # The content leaves out the turn's "MS. OKAFOR:" label.
        turn = _TRANSCRIPT.match(text)
        return _Item(s, transcript, 0, 0, text[turn.end() :] if turn else text, "transcript")
    return None


_HEARSAY = re.compile(
    # ("reportedly was on the jet", "reportedly show the officers": any finite verb.)
    r"\s(allegedly|reportedly)\s+(?:[a-z]+(?:ed|t|d|k|e|n)|was|were|is|are|has|had|have|"
    r"[a-z]+s|show|say|remain|hold|own)\b"
    # "A strike was reported to have killed the commander", "Scores have been reported
    # missing": the passive of reporting, with no reporter, passes on what reports say.
    r"|\s(?:is|are|was|were|has\s+been|have\s+been)\s+(?:(?:still|\w+ly)\s+)?(reported)\s+"
    r"(?:to\s+(?:be|have)|(?:as\s+)?missing|"
    r"killed|dead|injured|wounded|arrested|detained|kidnapped|abducted)\b"
)


def _unsourced_hearsay(text: str) -> str | None:
    """ "The mayor reportedly took the bribe": an event the report passes on from no named
    source is an anonymous claim whose source is the adverb itself (SCHEMA.md)."""
    m = _HEARSAY.search(text)
    if m is None:
        return None
    subject = speaker_before(text, m.start() + 1)
    if subject is None and _COUNTED_SUBJECT.fullmatch(text, 0, m.start()):
        # "At least 64 civilians have reportedly been killed": a counted subject no speaker
        # rule takes, and only its auxiliary before the adverb.
        subject = Span(0, m.start())
    # Only the adverb of a main clause, right after its subject: "seized a barge for
    # allegedly dumping oil" passes nothing on.
    if subject is None or not _BEFORE_SUBJECT.fullmatch(text[: subject.start]):
        return None
    # "reportedly" passes on what reports say, and annotators name them as its source.
    adverb = m.group(1)
    return "reports" if adverb is None or adverb.lower() == "reportedly" else adverb


_COUNTED_SUBJECT = re.compile(
    r"\s*(?:(?:[Aa]t\s+least|[Mm]ore\s+than|[Nn]early|[Aa]lmost|[Aa]bout|[Uu]p\s+to)\s+)?"
    r"(?:\d[\d,]*|[Dd]ozens|[Hh]undreds|[Tt]housands|[Ss]cores)\s+(?:of\s+)?(?:[a-z\-]+\s+){0,2}"
    r"[a-z\-]+(?:\s+(?:have|has|had|were|was))?\s*"
)
# What may come before the main clause's subject: nothing, a dash, or a short phrase of
# place or time and its comma ("In Burundi, the government is reported to have …").
# ("…, and he reportedly was among the ten aboard": a second main clause's subject.)
_BEFORE_SUBJECT = re.compile(
    r"[\s\-—–]*|(?:[\w’'.\-]+\s+){0,4}[\w’'.\-]+,\s*|[^;]{3,200}?,\s+(?:and|but)\s+"
    # ("At least 64 civilians have reportedly been killed": a count before its noun.)
    r"|\s*(?:[Aa]t\s+least|[Mm]ore\s+than|[Nn]early|[Aa]lmost|[Aa]bout|[Uu]p\s+to)\s+"
)
# Nouns that pass on an account with no source ("allegations that …"), like "reports".
_ACCOUNT_CUES = ("allegations", "accusations")


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


# A first line that names who issues the whole text: "Press Statement - Ana Ruiz",
# "Remarks by Ana Ruiz", "Briefing- Ana Ruiz".
_STATEMENT_HEADER = re.compile(
    r"\s*(?:Press\s+)?(?:Briefing|Statement|Remarks|Readout)(?:\s+by)?\s*[-–—:]?\s*"
    # ("Statement by Sean McCormack, Spokesman": the office after the name.)
    r"((?:[A-Z][\w.’'\-]+\s+){1,3}[A-Z][\w.’'\-]+)(?:,(?:\s+[A-Z][\w.’'\-]*){1,6})?\s*\n\s*\n"
)


def _statement_turns(text: str, sentences: list[Sentence]) -> dict[int, str]:
    """A statement or briefing whose first line names its speaker: every sentence after
    that line is the speaker's turn, as in a transcript."""
    if text[:1] not in " \nBSRP" or (header := _STATEMENT_HEADER.match(text)) is None:
        return {}
    return {s.index: header.group(1) for s in sentences if s.start >= header.end()}


def _transcript_claim(text: str) -> bool:
    words = text.split()
    return len(words) >= 8 and not _PROCEDURAL.search(text) and not text.rstrip().endswith(":")


def _same_speaker(a: str, b: str) -> bool:
    # Determiners say nothing of who speaks: "a spokesman" and "a local paper" differ.
    ta = {t.strip(".,").lower() for t in a.split()} - _DETERMINER_WORDS
    tb = {t.strip(".,").lower() for t in b.split()} - _DETERMINER_WORDS
    if not ta or not tb:
        return a.lower() == b.lower()
    # "A South Korean official" is not "a North Korean official", nor "U.S. officials"
    # "Russian officials": each names a party the other does not ("Peskov" is "Kremlin
    # spokesman Dmitry Peskov": one's names are all the other's).
    na, nb = _capitalized(a), _capitalized(b)
    if na and nb and not (na <= nb or nb <= na):
        return False
    return bool(ta & tb) and len(ta & tb) / min(len(ta), len(tb)) >= 0.5


def _capitalized(speaker: str) -> frozenset[str]:
    """The capitalized words of a speaker past its first (a sentence's first letter says
    nothing), lower-cased."""
    words = speaker.split()
    found = {w.strip(".,").lower() for w in words[1:] if w[:1].isupper()}
    if words:
        # The first word counts when it is a name by its own shape or the gazetteer's:
        # "U.S. officials", "Russian officials"; not "Police" or "Officials".
        first = words[0].strip(".,")
        low = first.lower()
        gaz = gazetteer()
        demonym_shaped = (
            len(words) > 1 and words[1][:1].islower() and low.endswith(_DEMONYM_ENDINGS)
        )
        if (
            "." in first
            or (first.isupper() and len(first) > 1)
            or low in gaz.demonyms
            or low in gaz.places
            or demonym_shaped
        ):
            found.add(low)
    return frozenset(found)


_DETERMINER_WORDS = frozenset({"a", "an", "the", "of"})
# Reporting verbs of belief and forecast that hedge what they report (the dev README: "beliefs
# and forecasts"), though the word alone hedges nothing ("suspected militants", "the
# forecast").
_BELIEF_CUES = frozenset(
    "suspected predicted predicts forecast forecasts projected projects feared fears fear".split()
)
# "are confident Ahtisaari will propose …", "is concerned that …": a belief or a fear stated
# as a predicate adjective ("is hopeful that" is a wish, as "hopes" is).
_BELIEF_ADJECTIVES = frozenset("confident convinced certain sure concerned worried".split())


def _belief_cue(cue: str) -> bool:
    low = cue.lower().strip()
    return low in _BELIEF_CUES or low.rsplit(" ", 1)[-1] in _BELIEF_ADJECTIVES


# "Icelandic officials", "Yemeni troops": an adjective of a people before its noun.
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ic", "i", "an")
