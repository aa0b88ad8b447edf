"""Who utters a denial: the speaker a denial cue in a sentence belongs to.

``denials`` finds where a sentence denies and what it denies, and many cues name no one
("the charges are false", "a statement denying …", "What they said was not true"). The one
who denies is then the cue's own subject, the issuer of the document that denies, the
reporting verb whose clause or second that-clause holds the cue, the speaker of the quote it
stands in, the briefer whose transcript turn it is, or an inquiry reporting its own finding.
``extract`` asks ``denier`` once per cue and builds the denial items itself; these rules read
only the sentence, its attributions and the names said before it, and build no item, so they
stand apart from the module that knows the order of the stages.
"""

from __future__ import annotations

import re

from briefings.antecedents import Context, resolve_in_place
from briefings.claims import Attribution, coordinated_before, document_issuer, is_document
from briefings.denial_parts import SECOND_THAT, DenialCue
from briefings.lexicon import DOCUMENT_NOUNS, SUBJECT_PRONOUNS
from briefings.speaker_kinds import is_pronoun
from briefings.speakers import speaker_before

__all__ = ["denier"]


# "a statement denying …", "a statement on Friday calling …": the document's participle.
# ("released a statement later Wednesday rejecting …": a time of up to two words between.)
_PARTICIPLE_NEXT = re.compile(r"\s+(?:(?:on\s+)?(?:[A-Z]?[a-z]+\s+){1,2})?[a-z]+ing\b")


def denier(
    cue: DenialCue,
    text: str,
    resolved: list[tuple[Attribution, str]],
    quote_name: str | None,
    transcript: str | None,
    ctx: Context,
) -> tuple[str | None, int, int | None]:
    """Who utters ``cue`` and where in ``text`` they are named (None when no one does), and
    the index of the attribution in ``resolved`` whose speaker that is, if any."""
    if cue.speaker is not None:
        raw, start = text[cue.speaker.start : cue.speaker.end], cue.speaker.start
        if is_document(raw) and _PARTICIPLE_NEXT.match(text, cue.speaker.end):
            # "The company released a statement denying the allegations": the statement is
            # the company's, so the company denies, as the claim rules read "saying".
            issuer = document_issuer(text, start)
            if issuer is not None:
                raw, start = text[issuer.start : issuer.end], issuer.start
        speaker = resolve_in_place(raw, text, start, ctx)
        # "Ana Ruiz said her client does not accept the charges": the source speaks for
        # the side she names with a pronoun, and her words are the denial.
        i = _reporting(resolved, cue) if _own_side(raw) or _quoted(text, cue) else None
        if i is not None and not (
            # "The government accuses him of plotting, charges his family denies": "his"
            # is the accused's; no one accuses and denies in one breath.
            _own_side(raw) and resolved[i][0].cue.lower() in _ACCUSING
        ):
            return resolved[i][1], resolved[i][0].speaker_start, i
        return speaker, start, None
    if not cue.needs_source:
        same = next((k for k, (a, _n) in enumerate(resolved) if a.cue_start == cue.cue_start), None)
        if same is not None:
            # "…, calling the charges "absurd, baseless and false."": the participle whose
            # subject the claim rules found is the denial's.
            return resolved[same][1], resolved[same][0].speaker_start, same
        if coordinated_before(text, cue.cue_start):
            # "Officials responded there is no doubt that …, and dismissed its claims": a
            # verb joined by "and" has the subject of the verb before it.
            before = [
                k
                for k, (a, _n) in enumerate(resolved)
                if a.cue_start < cue.cue_start and not a.nominal
            ]
            if before:
                k = before[-1]
                return resolved[k][1], resolved[k][0].speaker_start, k
        return None, 0, None
    return _source_of(cue, text, resolved, quote_name, transcript)


def _source_of(
    cue: DenialCue,
    text: str,
    resolved: list[tuple[Attribution, str]],
    quote_name: str | None,
    transcript: str | None,
) -> tuple[str | None, int, int | None]:
    """A denial that needs a source ("the charges are false"): the attribution reporting it,
    else the speaker of the quote it stands in, the briefer whose turn it is, or an inquiry
    reporting its own finding; as :func:`denier` returns it."""
    i = _reporting(resolved, cue)
    if i is None:
        i = _second_clause_of(resolved, cue, text)
    if i is None and cue.cue.endswith("ing"):
        i = _participle_after(resolved, cue, text)
    if i is not None:
        return resolved[i][1], resolved[i][0].speaker_start, i
    # "What they said was not true": a saying inside the denied account is what is denied,
    # never who denies it.
    outside = [a for a, _n in resolved if not _inside_account(a, cue)]
    if quote_name is not None and not outside:
        return quote_name, 0, None
    if transcript is not None:
        return transcript, 0, None
    if _FINDING.search(cue.cue):
        # "An official investigation has found no links between …": an inquiry
        # reports its own finding.
        subject = speaker_before(text, cue.cue_start)
        found_by = text[subject.start : subject.end] if subject is not None else ""
        if found_by and (
            found_by.split()[-1].lower() in DOCUMENT_NOUNS
            # "Regulators worldwide have found glyphosate not to be carcinogenic": a finding
            # that something is not so is its finders' own.
            or (cue.cue.endswith("found") and not is_pronoun(found_by))
        ):
            return found_by, subject.start if subject is not None else 0, None
    return None, 0, None


_FINDING = re.compile(r"\b(?:found|seen|detected|identified|shown|showed|find)\b")


def _quoted(text: str, cue: DenialCue) -> bool:
    """Whether the denial's words open a direct quote (""The United States categorically
    rejects allegations …," said spokeswoman Victoria Nuland"): then the one quoted speaks
    them, for the side the quote names."""
    return text[: cue.speaker.start if cue.speaker else cue.cue_start].strip() in {'"', "“"}


def _reporting(resolved: list[tuple[Attribution, str]], cue: DenialCue) -> int | None:
    """The attribution whose reported clause holds the denial cue, if any; not one whose
    verb stands inside the account denied ("What they said was not true")."""
    for i, (att, _name) in enumerate(resolved):
        if (
            att.content_start <= cue.cue_start < att.content_end
            and not att.nominal
            and not _inside_account(att, cue)
        ):
            return i
    return None


def _inside_account(att: Attribution, cue: DenialCue) -> bool:
    """Whether the verb of ``att`` stands inside the account that ``cue`` calls false, as
    its subject ("What they said was not true")."""
    return (
        cue.cue.split(" ", 1)[0] in _COPULAS
        and cue.denied_end <= cue.cue_start
        and cue.denied_start <= att.cue_start < cue.denied_end
    )


_COPULAS = frozenset({"is", "was", "are", "were"})


# Between a reporting verb and a participle that goes on with its speaker's words: "…,
# Noupheap added, denying …", "…, he told VOA by phone, denying …".
_TO_PARTICIPLE = re.compile(r"(?:\s+[\w’'.\-]+){0,4}?\s*,\s*$")


def _participle_after(
    resolved: list[tuple[Attribution, str]], cue: DenialCue, text: str
) -> int | None:
    """The attribution whose verb the participle ``cue`` follows, after its comma."""
    for i in range(len(resolved) - 1, -1, -1):
        att = resolved[i][0]
        if att.cue_end <= cue.cue_start and _TO_PARTICIPLE.fullmatch(
            text, att.cue_end, cue.cue_start
        ):
            return i
    return None


def _second_clause_of(
    resolved: list[tuple[Attribution, str]], cue: DenialCue, text: str
) -> int | None:
    """The attribution whose verb also reports a second that-clause holding the cue: "said
    he had confiscated saws, but that he did not destroy the forest as charged"."""
    for i, (att, _name) in enumerate(resolved):
        if att.nominal or att.content_end > cue.cue_start:
            continue
        joined = SECOND_THAT.match(text, att.content_end)
        if joined is not None and joined.end() <= cue.cue_start:
            return i
        if _BUT_IT.fullmatch(text, att.content_end, cue.cue_start):
            # "told VOA the army arrested some soldiers, but it is not true any officers
            # were involved": the reported speech goes on after "but".
            return i
    return None


_BUT_IT = re.compile(r"[\s,]+but\s+(?:it|this|that)\s*")


_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my"})


_ACCUSING = frozenset(
    "accuse accuses accused accusing suspect suspects suspected charged charges blamed "
    "blames".split()
)


def _own_side(subject: str) -> bool:
    """ "he", "we", "his country", "their client": a subject that points back at whoever
    reports it rather than naming another party."""
    words = subject.lower().split()
    return bool(words) and (
        (len(words) == 1 and words[0] in SUBJECT_PRONOUNS) or words[0] in _POSSESSIVES
    )
