"""Denials that judge an account false instead of denying it with a verb: "the reports are
false", "It is simply not true that …", "were \"a pack of lies\"", "called the report
\"misleading\"", "described the study as one-sided", "those figures are too high", "the video
had been doctored", "as the article erroneously states".

Its own module because the judgment (a word of FALSE_WORDS or PARTIAL_WORDS, a figure called
too high, a recording called faked) carries the denial, and what is judged is read from the
predicate's subject or the object of "called". ``false_word`` is also one of the sentence
gates of ``denials.find_denial_cues``.
"""

from __future__ import annotations

import re

from briefings.denial_parts import (
    CLAUSE_STOP,
    REJECTABLE,
    DenialCue,
    account_subject,
    cue_subject,
    object_end,
    subject_end,
)
from briefings.lexicon import FALSE_WORDS, PARTIAL_WORDS, REJECTABLE_NOUNS, word_pattern
from briefings.speakers import Span

__all__ = [
    "CALLED_KEYS",
    "DOCTORED_KEYS",
    "ERRONEOUS_STEMS",
    "ERROR_KEYS",
    "NOT_TRUE_KEYS",
    "OVERSTATED_KEYS",
    "OVERSTATING_KEYS",
    "PARTIAL_KEYS",
    "called_error_cues",
    "called_false_cues",
    "called_partial_cues",
    "dismissal_quote_cues",
    "doctored_cues",
    "erroneous_cues",
    "false_predicate_cues",
    "false_word",
    "is_verdict",
    "misreported_cues",
    "overstated_cues",
    "overstating_cues",
]


# "reports of a nine-hour outage were …": a bare account noun with what it is about.
_ACCOUNT_SUBJECT = re.compile(
    # ("the declaration of famine in Somalia is false": an announcement is an account too.)
    r"\b(?:reports?|claims?|allegations?|accusations?|suggestions?|rumou?rs?|stories|"
    r"speculation|declarations?|announcements?)\s+"
    # ("a buildup of U.S. forces": abbreviations keep their periods.)
    r"(?:of|about)\s+(?:[\w’'.\-]+\s+){0,5}?[\w’'.\-]+\s*$"
    # "Any charges that the U.S. instigated this conflict are …": the account and its clause.
    r"|\b(?:reports?|claims?|allegations?|accusations?|charges?|suggestions?|rumou?rs?|stories|"
    r"speculation)\s+that\s+(?:[\w’'.\-]+\s+){1,16}?[\w’'.\-]+\s*$",
    re.IGNORECASE,
)
_CALLED_OBJECT = re.compile(r"\w+\s+(.+?)\s+(?:as\s+)?[“\"‘']?(?:an?\s+)?(?:\w+ly\s+)?\w+$")
# Events and institutions that a false word can stand before as an adjective.
_EVENT_NOUNS = frozenset(
    """
    election elections vote votes poll polls ballot referendum trial trials hearing court
    process parliament government democracy deal agreement ceasefire cease-fire reform
    reforms contest count recount
    """.split()
)
_EVENT_JUDGED = re.compile(r"\b(?:" + word_pattern(_EVENT_NOUNS) + r")\b")
# The event a label is put on right after it: 'called a "flawed vote count"'.
_EVENT_NEXT = re.compile(r"\s+(?:[\w\-]+\s+)?(?:" + word_pattern(_EVENT_NOUNS) + r")\b")
_FALSE_PRED = re.compile(
    # "it's a lie", "that's untrue": the contracted verb after a pronoun subject. The mark
    # is matched before the look-behinds for the pronoun (which take it in), so that most
    # positions fail on their first character instead of trying six look-behinds each.
    # ("intelligence reports could be wrong": a possibility, not an account called false.)
    r"(?:\b(?:is|was|are|were|(?<!could\s)(?<!might\s)(?<!may\s)be|been)|[’'](?:(?<=\bit.)|(?<=\bIt.)|(?<=\bthat.)|(?<=\bThat.)|"
    # ('it is "absolutely" not true': the adverb may stand in quotes.)
    r"(?<=\bthis.)|(?<=\bThis.))s|[’'](?:(?<=\bthey.)|(?<=\bThey.))re)\s+(?:[“\"]?\w+ly[”\"]?\s+)?(?:[“\"]?not\s+"
    # "not exactly true", "not even remotely credible": a degree word after "not" still
    # denies; so does "not a true report", the account named after the adjective.
    r"(?:even\s+)?(?:(?:exactly|entirely|quite|completely|wholly|altogether|strictly|totally|"
    r"remotely)\s+)?(?:an?\s+(?=(?:true|correct|accurate|credible|reliable|factual|objective|"
    r"genuine|authentic)\s+(?:report|account|story|picture|version|reflection|description)\b))?"
    # "Those reports are not comprehensive": an account called short of the truth.
    r"(?:true|correct|accurate|credible|reliable|factual|objective|comprehensive|genuine|"
    r"authentic)|"
    # "were \"lies\"", "was \"pure fiction\"", "were \"completely unfounded\"", "were \"a
    # pack of lies\"": a quote mark and one modifier may come first.
    # ("is \"100% false\"": a percentage for "completely".)
    r"[“\"]?(?:a\s+[“\"]?)?(?:(?:pack|tissue|bunch|web)\s+of\s+)?(?:(?:deliberate|complete|total|pure|"
    r"utter|simply|greatly|grossly|wildly|hugely|a|\w+ly|100\s?%|100\s+per\s?cent)\s+)?"
    # "were \"provocative lies\"": one more adjective, never a negation ("were not lies").
    r"(?:(?!(?:not|no|never)\b)[a-z]+\s+)?"
    r"(?:" + word_pattern(FALSE_WORDS) + r")"
    # "It is a sham election", "was a flawed vote": the word judges an event or an
    # institution it stands before, not an account of one.
    r"(?!\s+(?:" + word_pattern(_EVENT_NOUNS) + r")\b)|"
    r"[“\"]?(?:\w+ly\s+)?without\s+(?:any\s+)?(?:merit|foundation|basis)|"
    # "was \"simply not the case\"", "were wide of the mark".
    r"[“\"]?(?:\w+ly\s+)?not\s+the\s+(?:case|reality)|[“\"]?(?:wide\s+of|off)\s+the\s+mark|"
    r"[“\"]?far\s+from\s+(?:the\s+truth|true|accurate|correct|the\s+facts))\b"
)
_CALLED_FALSE = re.compile(
    r"\b(?<!-)(?:called|calls|calling|described|describes|describe|describing|labelled|labeled|"
    r"labels|branded|brands|exposed|exposes|"
    r"characteri[sz]ed|"
    r"characteri[sz]es|portrayed|"
    # "considers the allegations as lies", "regarded the report as biased": a judgment.
    r"consider(?:s|ed)|regard(?:s|ed)|view(?:s|ed))\s+"
    # Not "called off the search for a ship that may now lie": a phrasal verb names no label.
    r"(?!(?:off|on|for|up|out|in)\b)"
    # "described the report as \"one-sided and inaccurate\"": quote marks among the words.
    # ("described the findings of the team, co-led by Seoul, as a \"fabrication\"": commas
    # of an aside inside the object.)
    # ("a group called The Sentry, is \"rubbish\"": a finite verb ends the object, so a
    # naming "called" does not reach the predicate of the clause it sits in.)
    # ("called reports of an incursion 'propaganda'": straight single quotes too.)
    r"(?:(?!(?:is|are|was|were)\s)[\w’'.,\-“\"]+\s+){0,16}?(?:as\s+)?[“\"‘']?(?:an?\s+)?(?:\w+ly\s+)?(?:"
    + word_pattern(FALSE_WORDS)
    + r")\b"
)
# "those numbers are too high", "the agency's figures were inflated": an account of a
# quantity called wrong. Only an account pointed back to or owned by a source: "the
# unemployment numbers are too high" is a complaint about the world, not about a report.
_OVERSTATED = re.compile(
    r"\b((?:[Tt]hese|[Tt]hose|[Ss]uch|(?:[Tt]he\s+)?(?:[A-Z][\w.&\-]*\s+){0,3}?[A-Z][\w.&\-]*(?:’s|'s))"
    r"\s+(?:[\w’'\-]+\s+){0,2}?(?:figures?|numbers?|estimates?|tolls?|counts?|tally|tallies|"
    r"statistics|data))\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:far\s+|much\s+|way\s+)?"
    r"(?:too\s+(?:high|low)|inflated|overestimated|underestimated|understated)\b"
)
OVERSTATED_KEYS = ("too high", "too low", "inflated", "estimated", "understated")
# "the video had been doctored": a recording or document the speaker calls faked.
_DOCTORED = re.compile(
    r"\b((?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+(?:[\w’'\-]+\s+){0,3}?(?:videos?|footage|"
    r"photos?|photographs?|images?|pictures?|recordings?|audio|clips?|tapes?|documents?|"
    r"letters?|screenshots?))\s+(?:(?:is|was|were|are|had\s+been|has\s+been|have\s+been)\s+"
    r"(?:\w+ly\s+)?(?:doctored|manipulated|faked|forged|fabricated|fake|staged|"
    r"photoshopped)|(?:is|was|were|are)\s+(?:an?\s+)?(?:\w+ly\s+)?(?:fake|forgery|forgeries|"
    # Not "staged for the crew", "edited to fit": work done openly, for a purpose.
    r"montage))\b(?!\s+(?:to|for)\b)"
)
# "the report misquoted the general", "his remarks were taken out of context", "that was
# misreported": an account, or whoever gave it, said to have got the speaker's words wrong.
_MISREPORTED = re.compile(
    r"\b((?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Ss]uch)\s+"
    r"(?:[\w’'\-]+\s+){0,3}?(?:reports?|articles?|story|stories|newspaper|paper|media|outlets?|"
    r"agency|broadcaster|programs?|programmes?|journalists?|reporters?)|(?:[A-Z][\w.&\-]*\s+){0,3}?"
    r"(?:Times|Post|Journal|Herald|Tribune|Gazette|Telegraph|Guardian|Chronicle|Courier|"
    r"Observer|Express|Standard|Monitor|Mirror|Inquirer|News|Daily))\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:\w+ly\s+)?(?:misquoted|misrepresented|misreported|"
    r"distorted|twisted)\b"
    r"|\b((?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Ss]ome\s+of\s+the)"
    r"\s+(?:[\w’'\-]+\s+){0,2}?(?:quotes?|quotations?|remarks|comments|words|statements?)"
    r"|[Tt]hat|[Tt]his|[Ii]t)\s+(?:is|was|were|are|had\s+been|has\s+been|have\s+been)\s+"
    r"(?:\w+ly\s+)?[“\"]?(?:misquoted|misreported|misrepresented|taken\s+out\s+of\s+context|"
    r"made\s+up|invented)\b"
)
DOCTORED_KEYS = (
    "misquot",
    "misreport",
    "misrepresent",
    "distorted",
    "twisted",
    "out of context",
    "made up",
    "invented",
    "doctored",
    "manipulated",
    "faked",
    "forged",
    "forger",
    "fabricated",
    "fake",
    "staged",
    "photoshop",
    "montage",
)
# The words "is not true" may end in, for the gate of ``denials.find_denial_cues``.
NOT_TRUE_KEYS = (
    "true",
    "correct",
    "accurate",
    "credible",
    "reliable",
    "factual",
    "objective",
    "comprehensive",
    "genuine",
    "authentic",
)
_ERRONEOUS = re.compile(r"\b(?:erroneously|falsely|wrongly|mistakenly)\b")
# Words each pattern needs (``*_KEYS``, ``ERRONEOUS_STEMS``): the gates of
# ``denials.find_denial_cues`` skip a pattern when the sentence has none of them.
ERRONEOUS_STEMS = ("erroneous", "falsely", "wrongly", "mistakenly")
CALLED_KEYS = (
    "call",
    "expos",
    "describ",
    "label",
    "brand",
    "characteri",
    "portrayed",
    "consider",
    "regard",
    "view",
)
PARTIAL_KEYS = (
    "biased",
    "one-sided",
    "unbalanced",
    "unfair",
    "prejudiced",
    "slanted",
    "hollow",
    "partisan",
    "irresponsible",
    "unscientific",
)
_PARTIAL = r"(?:" + word_pattern(PARTIAL_WORDS - {"politically-motivated"}) + r")\b"
# "called the report \"biased\" and unfair", "described the study as one-sided": an account
# so called is rejected; "the report, which it called biased": the account comes first.
_CALLED_PARTIAL = re.compile(
    r"\b(?<!-)(?:called|calls|calling|described|describes|labell?ed|branded|characteri[sz]ed)\s+"
    r"((?:the|this|that|these|those|its|their|his|her|an?)\s+(?:[\w’'\-]+\s+){0,3}?"
    r"(?:" + word_pattern(REJECTABLE_NOUNS) + r"))\b\s*(?:[\w’'\-“\"]+\s+){0,6}?(?:as\s+)?"
    r"[“\"‘]?(?:\w+ly\s+)?"
    + _PARTIAL
    + r"|\b((?:the|this|that|these|those|its|their|his|her|an?)\s+(?:[\w’'\-]+\s+){0,3}?"
    r"(?:" + word_pattern(REJECTABLE_NOUNS) + r")),?\s+(?:which|that)\s+((?:[\w’'\-]+\s+){1,3}?)"
    r"(?:called|described\s+as|labell?ed|branded)\s+(?:as\s+)?[“\"‘]?(?:\w+ly\s+)?"
    r"(?:" + _PARTIAL + "|" + word_pattern(FALSE_WORDS) + r"\b)",
    re.IGNORECASE,
)
_FALSE_ANY = re.compile(r"\b(?:" + word_pattern(FALSE_WORDS) + r")\b")
_FALSE_AFTER_SPACE = re.compile(r" (?:" + word_pattern(FALSE_WORDS) + r")\b")
_FALSE_AFTER_OTHER = re.compile(r"[^a-z0-9_ ](?:" + word_pattern(FALSE_WORDS) + r")\b")


_THAT_AFTER = re.compile(r"[”\"]?,?\s+(?:to\s+say\s+)?that\s+")
# A clause without "that" after "it is not true": a subject, then a finite verb.
_BARE_CLAUSE = re.compile(
    r"\s+(?!(?:to|for|in|of|at|on|by|and|but|or|because|if|when|as)\b)(?:[\w’'\-]+\s+){1,6}?"
    r"(?:is|are|was|were|has|have|had|will|would|did|does|do|could|can)\b"
)
# "to say that one has been reached", "To suggest the army fired first": a saying as subject.
_SAYING_SUBJECT = re.compile(
    r"\b[Tt]o\s+(?:say|suggest|claim|allege|argue|imply|assert)\s+(?:that\s+)?"
    r"((?:[\w’'\-]+,?\s+){0,14}?[\w’'\-]+)\s*$"
)
# "Linking the DPRK to the hacking is a fabrication", "Accusing us of fraud is absurd": an
# accusation made by a gerund opening the clause is what is judged false.
_GERUND_SUBJECT = re.compile(
    r"(?:^|[“\"‘]\s*)((?:[Ll]inking|[Tt]ying|[Cc]onnecting|[Bb]laming|[Aa]ccusing|[Ss]aying|"
    r"[Ss]uggesting|[Cc]laiming|[Aa]lleging|[Aa]sserting|[Ii]mplying)\s+"
    r"(?:[\w’'.\-]+,?\s+){0,14}?[\w’'.\-]+)\s*$"
)
# "What they said was not true", "What the ministry claims is false": a free relative of
# saying is the account rejected.
_WHAT_SAID = re.compile(
    r"(?:^|[\s“\"‘])([Ww]hat\s+(?:[\w’'.\-]+\s+){1,4}?(?:said|says|say|claimed|claims|claim|"
    r"reported|reports|alleged|alleges|allege|wrote|writes|told\s+(?:\w+\s+){0,2}?\w+))\s*,?\s*$"
)
# A verdict of false and nothing else: "Total utter rubbish", "Nonsense", "A pack of lies".
_VERDICT = re.compile(
    r"(?:(?:total|utter|complete|absolute|pure|sheer|totally|completely|absolutely|simply|just|"
    r"all)\s+){0,3}(?:an?\s+)?(?:(?:pack|bunch|tissue|web)\s+of\s+)?(?:"
    + word_pattern(FALSE_WORDS)
    + r")",
    re.IGNORECASE,
)
# A quote that is only a verdict: '"Total utter rubbish," he said', '"Lies!"'.
_DISMISSAL_QUOTE = re.compile(r"\s*[“\"‘]\s*(" + _VERDICT.pattern + r")\s*[.!,]*\s*[”\"’]", re.I)
# Words the overstating pattern needs, for the gate of ``denials.find_denial_cues``.
OVERSTATING_KEYS = ("exaggerat", "overstat", "distort", "misrepresent", "inflating", "inflated")
_OVERSTATING = re.compile(
    r"\b((?:the\s+)?(?:[\w\-]+\s+)?(?:media|press|reports|newspapers|journalists|critics))\s+"
    r"((?:is|are|was|were|have\s+been|has\s+been)\s+(?:\w+ly\s+)?(?:exaggerating|overstating|"
    r"distorting|misrepresenting|inflating)"
    # "media reports have exaggerated the incidents of fraud": done, not doing, is the same
    # charge against the press.
    r"|(?:have|has|had)\s+(?:\w+ly\s+)?(?:exaggerated|overstated|distorted|misrepresented|"
    r"inflated))\b(?!\s+(?:by|that)\b)"
)
_LABEL_NEXT = re.compile(r"\s+an?\s")
_DETERMINER = re.compile(r"\b(?:the|this|these|those|such|a|an)\s", re.IGNORECASE)


def false_word(low: str) -> bool:
    """Whether ``low`` has a word of FALSE_WORDS: ``_FALSE_ANY.search(low)``, found faster.

    A word after a space (nearly all of them) is found by a pattern starting with a literal
    space, which ``re`` scans for quickly; a word at the start or after other punctuation
    by a pattern tried only after a non-letter that is not a space, confirmed by the
    original (its ``\\b`` also counts accented letters as letters).
    """
    return (
        _FALSE_AFTER_SPACE.search(low) is not None
        or _FALSE_ANY.match(low) is not None
        or (_FALSE_AFTER_OTHER.search(low) is not None and _FALSE_ANY.search(low) is not None)
    )


_SO_CALLED = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Aa]ny)\s+so-called\s+(?:[\w’'\-]+\s+){0,6}?"
    r"[\w’'\-]+\s*,?\s*$"
)


def false_predicate_cues(sentence: str, cues: list[DenialCue]) -> None:
    """ "The reports are false", "It is simply not true that …", "they were \"lies\"": add
    each false predicate whose subject is an account, or a pronoun standing for one."""
    for m in _FALSE_PRED.finditer(sentence):
        if any(c.cue_start <= m.start() < c.cue_end for c in cues):
            continue
        subject = _ACCOUNT_SUBJECT.search(sentence, 0, m.start()) or re.search(
            # ("the U.S. claims are false": an abbreviation keeps its periods.)
            # ("Any charges that the U.S. instigated this conflict are ludicrous".)
            r"\b(?:(?:the|this|that|these|those|such|a|an|any|all)\s+(?:(?:[\w’'\-]+|(?:[A-Z]\.){2,})\s+)"
            r"{0,3}?[\w’'\-]+|this|that|it|which|they)\s*,?\s*$",
            sentence[: m.start()],
            re.IGNORECASE,
        )
        said_so = _SAYING_SUBJECT.search(sentence, 0, m.start()) or _GERUND_SUBJECT.search(
            sentence, 0, m.start()
        )
        if said_so is None and "hat " in sentence[: m.start()]:
            said_so = _WHAT_SAID.search(sentence, 0, m.start())
        if said_so is not None:
            # "to say that a deal has been reached is completely untrue": the saying is the
            # subject, and what it says is denied.
            cues.append(
                DenialCue(
                    m.group(0), m.start(), m.end(), said_so.start(1), said_so.end(1), None, True
                )
            )
            continue
        so_called = _SO_CALLED.search(sentence, 0, m.start())
        if so_called is not None:
            # "The so-called attack threat to luxury hotels is a fabrication": the writer's
            # "so-called" marks an account, whatever its noun.
            end = len(sentence[: m.start()].rstrip(" ,"))
            cues.append(
                DenialCue(m.group(0), m.start(), m.end(), so_called.start(), end, None, True)
            )
            continue
        subj = subject.group(0).strip(" ,") if subject is not None else ""
        if subject is None or not (
            REJECTABLE.search(subj)
            or subj.lower() in {"this", "that", "it", "which", "these", "those"}
            or subj.lower().split()[-1] in {"this", "that", "it", "which"}
            # "I have seen those reports, and they are not correct."; "Asked about the
            # reports, the minister said they were false."
            or (
                subj.lower().split()[-1] == "they"
                and REJECTABLE.search(sentence, 0, subject.end() - 4) is not None
            )
        ):
            account = account_subject(sentence, m.start())
            if account is not None:
                cues.append(DenialCue(m.group(0), m.start(), m.end(), *account, None, True))
            continue
        s_start = subject.start()
        # "It is simply not true that our banks are hiding losses": the that-clause; "it is
        # \"absolutely\" not true any officers have been involved": a clause without "that".
        is_it = subj.lower().split()[-1] == "it"
        that = _THAT_AFTER.match(sentence, m.end())
        bare = _BARE_CLAUSE.match(sentence, m.end()) if that is None and is_it else None
        if is_it and (that is not None or bare is not None):
            c_start = (
                that.end()
                if that is not None
                else len(sentence) - len(sentence[m.end() :].lstrip())
            )
            stop = CLAUSE_STOP.search(sentence, c_start)
            end = stop.start() if stop else len(sentence.rstrip())
            cues.append(DenialCue(m.group(0), m.start(), m.end(), c_start, end, None, True))
            continue
        # The subject starts at its last determiner ("the firm said the allegations" → "the
        # allegations"), or is the pronoun itself ("the minister said they").
        inner = list(_DETERMINER.finditer(subject.group(0)))
        last = subj.split()[-1]
        if last.lower() in {"they", "it", "this", "that", "which"} and len(subj.split()) > 1:
            s_start = subject.start() + subject.group(0).rindex(last)
        elif subject.re is not _ACCOUNT_SUBJECT and (
            len(inner) > 1 or (inner and inner[0].start() > 0)
        ):
            s_start += inner[-1].start()
        s_end = subject_end(sentence, subject.end())
        cues.append(DenialCue(m.group(0), m.start(), m.end(), s_start, s_end, None, True))


def overstating_cues(sentence: str, cues: list[DenialCue]) -> None:
    """ "the media are exaggerating the extent of the problem": the press or the reports
    said to overstate; what they overstate is denied."""
    for m in _OVERSTATING.finditer(sentence):
        if any(c.cue_start <= m.start() < c.cue_end for c in cues):
            continue
        stop = CLAUSE_STOP.search(sentence, m.end())
        end = stop.start() if stop else len(sentence.rstrip())
        if end - m.end() < 3:
            # "the media are exaggerating.": nothing named, so the press's account is.
            cues.append(
                DenialCue(m.group(2), m.start(2), m.end(2), m.start(1), m.end(1), None, True)
            )
        else:
            cues.append(DenialCue(m.group(2), m.start(2), m.end(2), m.end() + 1, end, None, True))


def is_verdict(cue: str, denied: str) -> bool:
    """Whether a denial is a verdict quoted alone ('"Total utter rubbish," he said'): its
    cue is also what it calls false, and holds a word of FALSE_WORDS."""
    return cue == denied and _VERDICT.fullmatch(cue) is not None


def dismissal_quote_cues(sentence: str, cues: list[DenialCue]) -> None:
    """'"Total utter rubbish," he said.': a quote that is nothing but a verdict of false
    dismisses the account it answers; the one quoted denies."""
    m = _DISMISSAL_QUOTE.match(sentence)
    if m is not None and not any(c.cue_start <= m.start(1) < c.cue_end for c in cues):
        cues.append(DenialCue(m.group(1), m.start(1), m.end(1), m.start(1), m.end(1), None, True))


# Verbs of judging: like "called", but they deny only when what is judged is an account.
_JUDGING = ("consider", "regard", "view")


# A label straight after the verb: "labeled as a lie", "branded as \"fabricated\"".
_LABEL_FIRST = re.compile(
    r"(?:\w+\s+as\s+[“\"‘']?(?:an?\s+)?"
    # 'calling "baseless" U.S. media reports that …': the label before the account.
    r"|(?:call(?:ed|ing|s)?|label(?:l?ed|l?ing|s)?|brand(?:ed|ing|s)?|term(?:ed|ing|s)?|"
    r"dub(?:bed|bing|s)?)\s+[“\"‘']?)(?:\w+ly\s+|absolute\s+|outright\s+)?\w+$"
)
# What may stand between the label and the account: the closing quote, a time.
_AFTER_LABEL = re.compile(
    r"[”\"’']?\s*(?:,\s*)?(?:(?:on|late|early)\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|yesterday|today)\s+)?"
)


_OPENS_QUOTE = re.compile(r"[“\"‘']")
_REST_OF_QUOTED_LABEL = re.compile(r"[^“”\"‘’',.;:]{1,40}?(?=[”\"’'])")


def called_false_cues(sentence: str, cues: list[DenialCue]) -> None:
    """ "called the claims baseless", "described the report as \"one-sided and
    inaccurate\"": the one who calls them so denies; a report named is what is denied."""
    for m in _CALLED_FALSE.finditer(sentence):
        if any(c.cue_start <= m.start() < c.cue_end for c in cues):
            continue
        d_start, d_end = m.start(), m.end()
        called_obj = _CALLED_OBJECT.match(m.group(0))
        judged = called_obj.group(1) if called_obj is not None else ""
        if not REJECTABLE.search(judged) and (
            _EVENT_JUDGED.search(judged) or _EVENT_NEXT.match(sentence, m.end())
        ):
            # "called Saturday's election flawed", 'called a "flawed vote count"': an event
            # judged, not an account rejected.
            continue
        label_first = _LABEL_FIRST.match(m.group(0))
        after = None
        if label_first is not None:
            # 'called "fake news" reports that …': a quoted label runs to its closing mark.
            rest = (
                _REST_OF_QUOTED_LABEL.match(sentence, m.end())
                if _OPENS_QUOTE.search(m.group(0))
                else None
            )
            after = _AFTER_LABEL.match(sentence, rest.end() if rest else m.end())
        if after is not None and REJECTABLE.search(sentence, after.end(), after.end() + 60):
            # 'labeled as "an absolute lie" on Friday the Western conjecture that …': the
            # label first, then the account it names.
            d_start = after.end()
            d_end = object_end(sentence, d_start)
        elif m.group(0).startswith(_JUDGING) and (
            called_obj is None or not REJECTABLE.search(called_obj.group(1))
        ):
            # "considered the offer ridiculous" judges a thing; only an account so judged
            # ("considers the allegations as lies") is rejected.
            continue
        elif called_obj is not None and REJECTABLE.search(called_obj.group(1)):
            # "called a newspaper report that … "misleading"": the report is what is denied.
            d_start, d_end = m.start() + called_obj.start(1), m.start() + called_obj.end(1)
            as_at = sentence.find(" as ", d_start, d_end)
            d_end = as_at if as_at > 0 else d_end
            noun = REJECTABLE.search(sentence, d_start, d_end)
            if noun is not None and _LABEL_NEXT.match(sentence, noun.end()):
                # "called the report a compilation of dishonest rumors": the label after
                # the account is what it was called, not what is denied.
                d_end = noun.end()
        cues.append(
            DenialCue(
                m.group(0),
                m.start(),
                m.end(),
                d_start,
                d_end,
                cue_subject(sentence, m.start()),
                False,
            )
        )


def called_partial_cues(sentence: str, cues: list[DenialCue]) -> None:
    """ "called the report \"biased\"", "the report, which the ministry called biased":
    an account called partial is rejected by whoever calls it so."""
    for m in _CALLED_PARTIAL.finditer(sentence):
        if any(c.cue_start <= m.start() < c.cue_end for c in cues):
            continue
        group = 1 if m.group(1) is not None else 2
        # "the report, which the ministry called biased": the relative clause's subject.
        speaker = (
            cue_subject(sentence, m.start())
            if group == 1
            else Span(m.start(3), m.start(3) + len(m.group(3).rstrip()))
        )
        cues.append(
            DenialCue(m.group(0), m.start(), m.end(), m.start(group), m.end(group), speaker, False)
        )


def doctored_cues(sentence: str, cues: list[DenialCue]) -> None:
    """ "the video had been doctored", "the documents are forgeries": a recording or
    document called faked, by the reporting verb's speaker."""
    for m in _DOCTORED.finditer(sentence):
        if any(c.cue_start <= m.start(1) < c.cue_end for c in cues):
            continue
        said_of = " ".join(sentence[m.end(1) : m.end()].split())
        # "the company said the video": the thing called faked starts at its own determiner.
        inner = list(_DETERMINER.finditer(m.group(1)))
        start = m.start(1) + (inner[-1].start() if inner else 0)
        cues.append(DenialCue(said_of, m.end(1), m.end(), start, m.end(1), None, True))


# "called the forecast \"a regrettable error\"", "described the report as a mistake": an
# account (never an act: "called the war a mistake") called an error.
_CALLED_ERROR = re.compile(
    r"\b(?<!-)(?:called|calls|calling|described|describes|describing)\s+"
    r"((?:the|this|that|these|those|its|their|his|her|our)\s+(?:[\w’'\-]+\s+){0,3}?"
    r"(?:" + word_pattern(REJECTABLE_NOUNS) + r"))\s+(?:as\s+)?[“\"‘]?(?:an?\s+)?"
    r"(?:[a-z]+\s+)?(?:error|mistake)s?\b"
)
ERROR_KEYS = ("error", "mistake")


def called_error_cues(sentence: str, cues: list[DenialCue]) -> None:
    """ "called the forecast \"a regrettable error\"": the one who calls an account an
    error rejects it (a source retracting its own account among them)."""
    for m in _CALLED_ERROR.finditer(sentence):
        if any(c.cue_start <= m.start() < c.cue_end for c in cues):
            continue
        cues.append(
            DenialCue(
                m.group(0)[: m.start(1) - m.start()].strip(),
                m.start(),
                m.end(),
                m.start(1),
                m.end(1),
                cue_subject(sentence, m.start()),
                False,
            )
        )


def misreported_cues(sentence: str, cues: list[DenialCue]) -> None:
    """ "the report misquoted the general", "his remarks were taken out of context": the
    account, or the outlet that gave it, is what the reporting verb's speaker rejects."""
    for m in _MISREPORTED.finditer(sentence):
        group = 1 if m.group(1) is not None else 2
        if any(c.cue_start <= m.start(group) < c.cue_end for c in cues):
            continue
        said_of = " ".join(sentence[m.end(group) : m.end()].split())
        cues.append(
            DenialCue(said_of, m.end(group), m.end(), m.start(group), m.end(group), None, True)
        )


def overstated_cues(sentence: str, cues: list[DenialCue]) -> None:
    """ "those numbers are too high", "the agency's figures were inflated": an account of
    a quantity called wrong, by the reporting verb's speaker."""
    for m in _OVERSTATED.finditer(sentence):
        if any(c.cue_start <= m.start(1) < c.cue_end for c in cues):
            continue
        said_of = " ".join(sentence[m.end(1) : m.end()].split())
        cues.append(DenialCue(said_of, m.end(1), m.end(), m.start(1), m.end(1), None, True))


def erroneous_cues(sentence: str, cues: list[DenialCue]) -> None:
    """ "as the article erroneously states, X": X, after the verb, is what is denied."""
    for m in _ERRONEOUS.finditer(sentence):
        # "as the article erroneously states, X": what is denied is X, after the verb.
        verb = re.match(r"\s+\w+,?\s*", sentence[m.end() :])
        d_start = m.end() + (verb.end() if verb else 0)
        cues.append(
            DenialCue(
                m.group(0), m.start(), m.end(), d_start, object_end(sentence, d_start), None, True
            )
        )
