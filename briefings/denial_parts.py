"""What the denial rules share: the cue they find, the account nouns a rejection needs, where
a reported clause and a denied object stop, and whose words a cue is (the subject before it,
a participle's, the source "quoted as denying").

Kept apart from ``denials`` (the entry point) and the families it runs (``deny_verbs``,
``reject_verbs``, ``denial_nouns``, ``passive_denials``, ``false_predicates``,
``counter_claims``, ``clausal_denials``), which read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefings.lexicon import CLAIM_NOUNS, REJECTABLE_NOUNS, word_pattern
from briefings.speakers import Span, speaker_before
from briefings.subjects import sentence_subject, subject_start, subject_with_who

__all__ = [
    "ACCOUNT_WORD",
    "BE_BEFORE",
    "CLAUSE_OPENER",
    "CLAUSE_STOP",
    "DISOWNED",
    "QUOTED_VERB",
    "REJECTABLE",
    "SECOND_THAT",
    "SUBJECT_REACH",
    "VERB_GAP",
    "DenialCue",
    "account_subject",
    "cue_subject",
    "has_any",
    "joined_subject",
    "not_a_participle",
    "object_end",
    "participle_subject",
    "quoted_as",
    "statement_subject",
    "subject_end",
]


@dataclass(slots=True)
class DenialCue:
    """A denial cue in a sentence; ``speaker`` is set when the cue's grammar gives one."""

    cue: str
    cue_start: int
    cue_end: int
    denied_start: int
    denied_end: int
    speaker: Span | None
    needs_source: bool


# A noun for an account ("the reports", "that claim"): what a reject-type verb must have.
# ("rejected a number of proposals": a quantity, not a figure given.)
REJECTABLE = re.compile(r"\b(?:" + word_pattern(REJECTABLE_NOUNS) + r")\b(?!(?<=number)\s+of\b)")
# An account noun in a denied phrase: the denial rejects what some source said.
ACCOUNT_WORD = re.compile(r"\b(?:" + word_pattern(REJECTABLE_NOUNS | CLAIM_NOUNS) + r")\b", re.I)
# "the photos are not his": a denial that disowns something rather than rejecting an account.
DISOWNED = ("his", "hers", "theirs", "mine", "ours")
# A full stop after a title is no end of a clause ("disputed claims that Mr. Lukashenko …").
_NOT_A_TITLE = "".join(
    rf"(?<!\b{t})" for t in ("Mr", "Ms", "Mrs", "Dr", "St", "Gen", "Gov", "Sen", "Rep", "Lt", "Col")
)
# Where a denied clause ends: punctuation, a full stop, or the next participle or clause.
CLAUSE_STOP = re.compile(
    # ("<!everyone>" in a pasted chat message: a "!" inside a word ends no clause.)
    r"[,;:?”\"]|!(?=[\s”\"’]|$)|(?<![A-Z])" + _NOT_A_TITLE + r"\.(?=\s|$)"
    r"|\s(?:calling|saying|stating|adding|insisting|but|while)\b"
    r"|\sand\s+(?:accused|said|called|added|insisted|blamed|urged|warned)\b"
)


# "Ana Ruiz, a spokeswoman for the port, rejected …": the name before the description.
_NAME_BEFORE_APPOSITION = re.compile(
    r"(?:^|(?<=[.;:!?]\s)|(?<=\n)|\b(?:But|And|Yet|However|Meanwhile|Still|Later|Earlier)\s+)"
    r"((?!(?:But|And|Yet|However|Meanwhile|Still|Later|Earlier|In|On|At|For|From|With|After|"
    r"The|A|An)\b)(?:[^\W\d_][\w.’'\-]*\s+){1,3}[^\W\d_][\w’'\-]*[a-z]),\s+$"
)
_NAME_REACH = 60


def cue_subject(sentence: str, at: int) -> Span | None:
    """The subject of the cue at ``at``: ``speaker_before``'s answer, or the proper name an
    appositive description it found stands beside ("Ana Ruiz, a port spokeswoman, denied"),
    which is who the report names as speaking."""
    if _AND_BEFORE.search(sentence, max(0, at - 8), at) and not _PARTICIPLE_AT.match(sentence, at):
        # "Kasuri defended Pakistan's record and dismissed the accusations": the second
        # verb of a coordination has the first one's subject, not the object before "and".
        first = _first_verb_subject(sentence, at)
        if first is not None:
            return first
    joined = joined_subject(sentence, at) or subject_with_who(sentence, at)
    if joined is not None:
        return joined
    span = speaker_before(sentence, at)
    if (
        span is not None
        and span.start > 0
        and _TO_BEFORE.search(sentence, max(0, at - 5), at)
        and not _CONTROL_BEFORE.search(sentence, max(0, span.start - 16), span.start)
    ):
        # "A Taliban spokesman called reporters on Sunday to deny involvement": the purpose
        # is the caller's; the object before "to" denies only after "asked", "urged" ….
        verb = _WORD_BEFORE.search(sentence, max(0, span.start - 24), span.start)
        first = speaker_before(sentence, verb.start(1)) if verb is not None else None
        if first is not None and first.end <= span.start:
            return first
    if (
        span is None
        or not sentence.startswith(", ", span.start - 2)
        # The description is set off by a comma on both sides.
        or not sentence[span.end : at].strip().startswith(",")
    ):
        return span
    m = _NAME_BEFORE_APPOSITION.search(sentence, max(0, span.start - _NAME_REACH), span.start)
    # Every word capitalized ("İlkay İnce" too: the class above is any letter).
    if m is None or m.end() != span.start or not all(w[0].isupper() for w in m.group(1).split()):
        return span
    return Span(m.start(1), m.end(1))


def joined_subject(sentence: str, at: int) -> Span | None:
    """ "Spokesman McCormack joined his White House counterpart Trent Duffy in denying …":
    the one who joined speaks through the participle (the one joined does too, but the
    phrase before "in" is no speaker)."""
    if not sentence.endswith(" in ", 0, at) or not _PARTICIPLE_AT.match(sentence, at):
        return None
    joined = _JOINED_IN.search(sentence, max(0, at - 160), at)
    return speaker_before(sentence, joined.start()) if joined is not None else None


def clause_subject(sentence: str, span: Span | None) -> Span | None:
    """``span``, or the sentence's subject when ``span`` runs on from it over a verb: "The
    minister spoke on Monday, denying …" is the minister's denial, not "The minister spoke
    on Monday"'s."""
    if span is None or span.start != subject_start(sentence):
        return span
    subject = sentence_subject(sentence)
    if subject is None or subject.start != span.start or subject.end >= span.end:
        return span
    rest = sentence[subject.end : span.end].split()
    return subject if rest and rest[0].islower() and rest[0].isalpha() else span


_TO_BEFORE = re.compile(r"\sto\s+$")
_JOINED_IN = re.compile(r"\b(?:joined|joins|join)\s+[^.;:]{1,150}?\s+in\s+$")
_WORD_BEFORE = re.compile(r"\b([a-z]+)\s+$")
# Verbs whose object is the subject of the infinitive after it ("urged the ministry to deny").
_CONTROL_BEFORE = re.compile(
    r"\b(?:asked|asks|urged|urges|told|tells|called\s+on|calls\s+on|forced|forces|ordered|"
    r"orders|allowed|allows|wanted|wants|invited|invites|encouraged|encourages|pressed|presses|"
    r"persuaded|requested|requests|challenged|challenges|expected|expects|prompted|prompts|led)\s+$"
)
_AND_BEFORE = re.compile(r"\sand\s+(?:(?:also|then|later)\s+)?$")
# ("quoted a spokesman as saying … and dismissing the accusations": a participle goes on
# the frame it is coordinated in, which ``speaker_before`` reads.)
_PARTICIPLE_AT = re.compile(r"[a-z]+ing\b")
# An apposition between a subject and its verb (", Khurshid Kasuri,").
_APPOSED_AFTER = re.compile(r"\s*,\s*[^,]{1,60}?,\s*|\s*\([^()]{1,60}\)\s*|\s+")


def _first_verb_subject(sentence: str, at: int) -> Span | None:
    """The subject of the first verb of the clause whose later verb stands at ``at``."""
    subject = sentence_subject(sentence)
    if subject is None or subject.end >= at:
        return None
    gap = _APPOSED_AFTER.match(sentence, subject.end)
    verb_at = gap.end() if gap is not None else subject.end
    if verb_at >= at or not sentence[verb_at : verb_at + 1].islower():
        return subject
    return speaker_before(sentence, verb_at) or subject


# Where a reported clause starts: after its reporting verb (and "that"), or the sentence start.
# "said he had seized the saws, but that he did not …": one verb's second reported clause.
SECOND_THAT = re.compile(r"[\s,]+(?:but|and)\s+(?:also\s+)?that\s+")
CLAUSE_OPENER = re.compile(
    r"\b(?:said|says|say|told\s+[\w\s]{1,30}?|insisted|insists|added|adds|stated|states|"
    r"argued|argues|maintained|maintains|declared|declares|believes|believed|countered|"
    r"counters|contended|contends|replied|replies|responded|responds|complained|complains|"
    r"noted|notes|stressed|stresses|asserted|asserts|explained|explains|wrote|writes|"
    # ("released a statement saying: “Speculation that … is false": a quote opens it too.)
    r"saying)[:,]?\s+"
    r"(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)"
    r"\s+)?(?:that\s+)?(?:[“\"‘]\s*)?"
)
# A subject headed by an account noun, with what it is about ("allegations its athletes
# were …", "the accusation of disorderly behavior, as well as the evidence").
_ACCOUNT_NP = re.compile(
    # Not "its statement …": a speaker's own account called wrong is a correction.
    r"(?!(?:his|her|their|its|our|my)\b)(?:(?:the|these|those|such|all|any)\s+)?"
    # ("U.S. claims that …": an abbreviation keeps its periods.)
    r"(?:(?:[\w’'\-]+|(?:[A-Z]\.){2,})\s+){0,3}?"
    # "the case against him": a prosecution's account of what he did.
    r"(?:" + word_pattern(REJECTABLE_NOUNS | CLAIM_NOUNS) + r"|case(?=\s+against\b)"
    # "the reasons given for the tariffs": a side's stated grounds are its account.
    r"|reasons|justifications?|grounds|rationale"
    # "results from the commission giving him 50.8 percent were \"fiction\"": a count announced.
    r"|results|declarations?|announcements?)\b",
    re.IGNORECASE,
)
# How far before its predicate an account-headed subject may start (characters).
SUBJECT_REACH = 160


def account_subject(sentence: str, pred: int) -> tuple[int, int] | None:
    """The span of an account-headed subject whose predicate at ``pred`` calls it false,
    when the subject is too long for the short look-back ("X says allegations its athletes
    doped and covered it up are "groundless""): the reported clause must open with it."""
    lo = max(0, pred - SUBJECT_REACH)
    openers = list(CLAUSE_OPENER.finditer(sentence, lo, pred))
    start = openers[-1].end() if openers else (0 if lo == 0 else -1)
    if start < 0:
        return None
    np = _ACCOUNT_NP.match(sentence, start)
    if np is None or np.end() > pred:
        return None
    # The predicate's own clause: no sentence break or second statement in between.
    # ("charges against three U.S. citizens are …": an abbreviation's period is no break.)
    if re.search(r"(?:[;:!?]|(?<![A-Z])\.)\s|\b(?:said|says|told)\b", sentence[np.end() : pred]):
        return None
    return np.start(), subject_end(sentence, pred)


def subject_end(sentence: str, pred: int) -> int:
    """Where the subject before a predicate at ``pred`` ends: before the spaces, quote marks
    and auxiliaries between them ("reports of abuse … have | been exaggerated")."""
    end = len(sentence[:pred].rstrip(' ,“"‘'))
    aux = _TRAILING_AUX.search(sentence, 0, end)
    return aux.start() if aux is not None and aux.start() < end else end


_TRAILING_AUX = re.compile(
    r"(?:\s+(?:has|have|had|will|would|may|might|could|should))?"
    # ("the claim just doesn't hold water": an adverb before the predicate is not the claim's.)
    r"(?:\s+(?:just|simply|really|also|certainly|clearly|obviously|totally|completely|"
    r"absolutely|still|now))?$"
)


def has_any(low: str, stems: tuple[str, ...]) -> bool:
    """Whether ``low`` contains one of ``stems``: a plain loop, cheaper than ``any`` over a
    generator on the path every sentence takes."""
    for stem in stems:  # noqa: SIM110 (a loop, not any() over a generator: the hot path)
        if stem in low:
            return True
    return False


# Where a denied object ends (``object_end``): "rejected the story on Wednesday" stops
# before the time.
_TRAILING_TIME = re.compile(
    r"\s+(?:on|last|this|earlier|late)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|week|month|year|weekend|night|morning|evening)$"
)
_OBJECT_END = re.compile(
    r"[,;:?”\"]|!(?=[\s”\"’]|$)|(?<![A-Z])" + _NOT_A_TITLE + r"\.(?=\s|$)"
    r"|\s(?:saying|stating|adding|calling|but|and\s+said|was|were|is|are"
    r"|has|had|came|comes|followed|follows"
    # "rejected the allegation and refused to discuss the issue": a second verb phrase.
    r"|and\s+(?:has\s+|have\s+|had\s+)?(?:refused|declined|vowed|called|urged|insisted|accused|"
    r"demanded|promised|threatened|warned|added|asked|pledged|refuses|declines|vows|calls|urges|"
    r"insists|accuses|demands|promises|threatens|warns|adds|asks|pledges))\b"
)


_THAT_CLAUSE = re.compile(
    # ("a U.S. report that …": an abbreviation keeps its periods.)
    r"(?:that\s+|(?:[\w’'.\-]+\s+){0,3}?(?:"
    + word_pattern(REJECTABLE_NOUNS | {"criticism", "talk", "concern"})
    + r")"
    # "allegations from rights groups that …": the account's source may come between.
    r"(?:\s+(?:from|by)\s+(?:[\w’'.\-]+\s+){0,6}?[\w’'.\-]+)?\s+that\s+)"
)
_AS_STOP = re.compile(r"\s+as\s+")


# "reports it has been talking to the rebels": an account noun and its clause, no "that".
# "reports it had shelled the town", "Afghan allegations the Pakistani army is supporting
# terrorism", "concerns its dam is a threat": an account, then its clause with no "that".
_BARE_ACCOUNT_CLAUSE = re.compile(
    r"(?:[\w’'.\-]+\s+){0,2}?(?:reports|claims|allegations|accusations|suggestions|rumou?rs|"
    r"concerns|fears)\s+(?:it|he|she|they|we|(?:the|its|his|her|their|an?)\s+"
    r"(?:[\w’'\-]+\s+){0,4}?[\w’'\-]+)\s+(?:\w+ly\s+)?(?:is|was|were|are|had|has|have|would|"
    r"will|did|could|can)\b"
)


def object_end(sentence: str, start: int) -> int:
    """End of a denied object: a that-clause runs to the end of its clause ("suggestions
    that Moscow had agreed to resume shipments"); a noun phrase stops at its verb or at
    "as" ("dismissed the report as disinformation")."""
    if _THAT_CLAUSE.match(sentence, start) or _BARE_ACCOUNT_CLAUSE.match(sentence, start):
        m = CLAUSE_STOP.search(sentence, start)
        return m.start() if m else len(sentence.rstrip())
    m = _OBJECT_END.search(sentence, start)
    end = m.start() if m else len(sentence)
    as_stop = _AS_STOP.search(sentence, start, end)
    end = as_stop.start() if as_stop else end
    # "rejected the story on Wednesday": the time is when, not part of what is rejected.
    time = _TRAILING_TIME.search(sentence, start, end)
    return time.start() if time else end


# "quoted a party official as denying …", "cited the ministry as rejecting …": the quoted
# source is the one who denies, not the outlet that quotes it.
_QUOTED_AS = re.compile(
    r"\b(?:quot|cit)(?:ed|es|ing)\s+((?:[\w’'.\-]+,?\s+){0,7}?[\w’'.\-]+)\s+as\s+$"
)
# "was denied", "were dismissed": a passive, whose denier (if any) comes after "by".
# ("were also denied their wages": an adverb may stand between.)
BE_BEFORE = re.compile(
    r"\b(?:is|was|were|are|been|being)\s+(?:(?:\w+ly|also|then|later|still|even|often)\s+)?$"
)
# A clause that is itself a statement: its subject also owns a participle after it
# ("officials issued a response to the allegations, dismissing them as …").
_STATEMENT_VERB = re.compile(
    r"\b(?:issued|released|published|put\s+out)\s+(?:[\w’'\-]+\s+){0,4}?(?:statements?|"
    r"responses?|reply|replies|rebuttals?|communiqu\w*|denials?|declarations?)\b|"
    r"\b(?:responded|replied|reacted|hit\s+back|retorted)\b"
)
_PARTICIPLE_REACH = 200


def participle_subject(sentence: str, at: int) -> Span | None:
    """The subject of a participle after a comma ("…, denying claims that …") when the
    clause before it is a statement of its own ("the officials issued a response to the
    allegations, dismissing them"); None when the participle hangs on the sentence's
    reporting verb, whose speaker the caller takes."""
    if not sentence[:at].rstrip().endswith(","):
        return None
    return statement_subject(sentence, at)


def statement_subject(sentence: str, at: int) -> Span | None:
    """The subject of the latest verb of putting out a statement before ``at`` ("the exile
    government, based in …, released a statement Monday denying …"), or None."""
    lo = max(0, at - _PARTICIPLE_REACH)
    verbs = list(_STATEMENT_VERB.finditer(sentence, lo, at))
    if not verbs:
        return None
    return speaker_before(sentence, verbs[-1].start())


# Between a verb and its object: "\"strongly rejects\" the accusations".
VERB_GAP = re.compile(r"[”\"’]?\s+")
# When, where and how a denial was made, between its verb and the account it rejects
# ("denied on Monday reports that …", "rejected in unusually forceful terms a charge …",
# "dismissed in a statement on Tuesday the claim …").
_SETTING = (
    r"(?:on\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:night|morning|afternoon|evening))?|Twitter|X|Facebook|"
    r"Telegram|(?:state|national)\s+(?:television|TV|radio))"
    r"|in\s+(?:the\s+(?:capital|city)|[A-Z][\w\-]+)"
    r"|(?:late|early|last|earlier)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|week|month)"
    r"|in\s+(?:\w+ly\s+)?(?:[\w\-]+\s+)?terms"
    r"|in\s+(?:a|an|its|his|her|their|the)\s+(?:[\w\-]+\s+){0,2}(?:statement|interview|speech|"
    r"letter|post|tweet|message|briefing|address|communiqu\w*)"
    r"|at\s+(?:a|an|the|his|her|its|their)\s+(?:[\w\-]+\s+){0,2}(?:briefing|conference|"
    r"meeting|rally|summit|session|hearing))"
)
# The object must follow the last setting directly: after a comma comes another clause or a
# participle ("denied on Monday, but the army …", "rejected in a statement, calling …").
_SETTINGS = re.compile(r"(?:\s*,?\s+" + _SETTING + r"){1,3}(?=\s+(?!that\b)[^\s,;:])")


def past_setting(sentence: str, pos: int) -> int:
    """Where the denied object starts its whitespace, from ``pos`` (the whitespace after the
    verb): past any time, medium, manner or occasion phrases ("on Monday", "in a statement",
    "in unusually forceful terms"), which say how the denial was made, not what it denies.
    A "that" after them is left to the callers' own time-before-that rules."""
    m = _SETTINGS.match(sentence, pos)
    return pos if m is None else m.end()


# "it \"categorically denies\"": the verb quoted, its subject outside the quote.
QUOTED_VERB = re.compile(r"[“\"]\s*(?:\w+ly\s+)?$")


def quoted_as(sentence: str, at: int) -> Span | None:
    """The source of "quoted a spokesman as denying": the object of "quoted" or "cited"."""
    if not sentence.startswith(" as ", at - 4):
        return None
    m = _QUOTED_AS.search(sentence, max(0, at - 120), at)
    return Span(m.start(1), m.end(1)) if m else None


def not_a_participle(sentence: str, span: Span | None) -> Span | None:
    """``span`` unless it is an opening participial phrase ("Speaking on Monday, the mayor
    said …"), which names no one: then the reporting verb's speaker is the caller's."""
    if span is None:
        return None
    first = sentence[span.start : span.end].split(maxsplit=1)[0]
    return None if first[:1].isupper() and first.endswith("ing") else clause_subject(sentence, span)
