"""Denials carried by the grammar of a reported clause rather than by a denial verb:
negated blame ("human error did not cause the crash"), words disowned ("said they never
stated that …"), an empty search ("found no evidence"), accounts discredited ("the
allegations are politically motivated", "lack basis"), and a denial that opens on the
account it answers ("Claims that … are false, the ministry said").

Each needs the reporting verb's speaker, found by ``denials.find_denial_cues``, which calls
these families after its own.
"""

from __future__ import annotations

import re

from briefings.denial_parts import (
    ACCOUNT_WORD,
    CLAUSE_OPENER,
    CLAUSE_STOP,
    DISOWNED,
    REJECTABLE,
    SECOND_THAT,
    SUBJECT_REACH,
    DenialCue,
    account_subject,
    cue_subject,
    has_any,
)
from briefings.lexicon import REJECTABLE_NOUNS, word_pattern
from briefings.speakers import Span, speaker_after

__all__ = ["JUDGED_KEYS", "clausal_denials", "fronted_denials", "is_blameless", "is_clausal_cue"]


# Denials carried by the grammar of a reported clause rather than by a denial verb. Each
# needs the reporting verb's speaker (or a sentence-final ", say officials"), so narration
# with the same words is no denial.
# Each part is tried only when the sentence has one of its words: most sentences have none.
_CLAUSAL_PARTS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (keys, re.compile(pattern, re.IGNORECASE))
    for keys, pattern in (
        # Blame negated: "human error did not cause the crash", "No fault could have caused
        # it". The effect is a definite event ("the crash"), not a quantity ("any injuries").
        (
            ("caus",),
            r"\b(?:did|does|do|could|can|would)\s*(?:not|n[’']t|never)\s+(?:have\s+)?"
            r"caus(?:e|ed)\s+(?=(?:the|this|that|its|their)\b|(?-i:[A-Z0-9]))"
            r"|^\s*[“\"]?No\s+(?:[\w\-]+\s+){0,3}?(?:could|can|did|would)\s+(?:have\s+)?"
            r"caus(?:e|ed)\b",
        ),
        # "the recalls should not be blamed on China", "the crew is not to blame": blame
        # laid by others, lifted.
        (
            ("blame",),
            r"\b(?:(?:should|must|can|could)\s*(?:not|n[’']t)|cannot)\s+be\s+blamed\s+on\b"
            r"|\b(?:is|are|was|were)\s*(?:not|n[’']t)\s+to\s+blame\b",
        ),
        # "called it unacceptable for Google to blame China": the accusing itself judged
        # wrong, so the accusation is rejected.
        (
            ("to blame", "to accuse", "to claim", "to allege", "to suggest", "to link"),
            r"\b(?:unacceptable|irresponsible|wrong|unfair|absurd|ridiculous|groundless|"
            r"baseless|unfounded|outrageous|unjust)\s+(?:for\s+(?:[\w’'.\-]+\s+){1,5}?)?"
            r"to\s+(?:blame|accuse|claim|allege|suggest|link)\b",
        ),
        # "said they never stated that the vaccine caused autism": words put in the
        # speaker's mouth, disowned; the pronoun is the speaker's own side.
        (
            ("never", "not ", "n’t", "n't"),
            r"\b(?:I|we|he|she|they|it)\s+(?:had\s+|has\s+|have\s+)?(?:never|"
            r"(?:did|had|has|have)\s*(?:not|n[’']t))\s+(?:ever\s+)?(?:said|say|stated|state|"
            r"claimed|claim|suggested|suggest|alleged|allege|asserted|assert)\s+(?=that\b)",
        ),
        (
            ("mistake", "error"),
            r"\b(?:did|do|does|had|has|have)\s*(?:not|n[’']t|never)\s+(?:make|made)\s+"
            r"(?:a\s+|any\s+)?(?:mistakes?|errors?)\b",
        ),
        # "played no role in the attack", "had nothing to do with it": involvement denied.
        (
            ("role", "part in", "hand in", "involvement", "nothing"),
            r"\b(?:play(?:ed|s|ing)?|had|has|have)\s+no\s+(?:\w+\s+)?(?:role|part|hand|"
            r"involvement)\s+in\b|\b(?:had|has|have)\s+(?:\w+ly\s+)?nothing\s+(?:at\s+all\s+|whatsoever\s+)?"
            # ('"had absolutely nothing to do" with the blast': a quote may close before "with".)
            r"to\s+do[”\"]?\s+with\b"
            # "the audit has nothing to do with the claims": kept apart from an account, not
            # a denial of it.
            r"(?!\s+(?:the|these|those|such)\s+(?:claims|allegations|accusations|reports|charges)\b)",
        ),
        # "the firm never made the profits, as its founder claimed": a claim negated and named
        # in the same breath.
        # "the rebellion has not been defeated, as the president claims", "did not destroy
        # the forest as charged": what the other side says, named as the thing negated.
        (
            (", as ", " as charged", " as alleged", " as claimed", " as accused"),
            r"\b(?:never|not|n[’']t)\s+(?:[\w’'\-]+\s+){1,14}?[\w’'\-]+,\s+as\s+"
            r"(?:[\w’'.\-]+\s+){0,4}?(?:had\s+|has\s+|was\s+)?(?:claimed|claims|alleged|alleges|"
            r"asserted|asserts)\b"
            r"|\b(?:never|not|n[’']t)\s+(?:[\w’'\-]+\s+){1,10}?[\w’'\-]+\s+as\s+(?:charged|"
            r"alleged|claimed|accused)\b",
        ),
        # "the issue is not China displaying its strength, but Japan's ships …": what the
        # other side makes of the matter, set aside for the speaker's own account.
        (
            ("not ",),
            r"\b(?:issue|problem|question|point|matter|truth|reality|cause)\s+(?:\w+\s+){0,2}?"
            r"(?:is|was)\s+not\s+(?=(?:[^\s,;]+\s+){2,20}?[^\s,;]+,\s+but\b)",
        ),
        # "I do not think this story is true", "we do not believe such an alliance took
        # place": the account's truth doubted by the one who answers it.
        (
            ("think", "believe"),
            r"\b(?:do|does|did)\s*(?:not|n[’']t)\s+(?:think|believe)\s+(?:that\s+)?"
            r"(?:[\w’'\-]+\s+){1,8}?(?:(?:is|was|are|were)\s+(?:\w+ly\s+)?(?:true|correct|"
            r"accurate)|took\s+place|happened|occurred|exists?|existed)\b",
        ),
        # "the prosecution has failed to prove its case": the charges said to be unproven.
        (
            ("to prove",),
            r"\b(?:failed|fails|has\s+failed|have\s+failed|did\s+not|could\s+not|cannot)\s+"
            r"(?:to\s+)?prove\s+(?:its|their|his|her|the)\s+(?:case|charges?|allegations?|"
            r"accusations?|claims?)\b",
        ),
        # "It's not true that the plant polluted the river": the contracted form of "it is
        # not true that", which opens a quote as often as it ends a clause.
        (
            ("’s not", "'s not"),
            r"\b(?:it|that)[’']s\s+(?:\w+ly\s+)?not\s+(?:true|correct|accurate)\b"
            r"(?:\s+to\s+say)?(?:\s+that)?",
        ),
        # "prosecutors never showed any evidence against him": the accusation's proof
        # denied. Not "the study offered evidence …": only a negated showing.
        (
            ("evidence", "proof"),
            # ("has yet to provide any specific proof of a link", "cannot produce a single
            # evidence": a showing still owed, or impossible, is denied too.)
            r"\b(?:never|not|n[’']t|cannot|yet\s+to|failed\s+to|fails\s+to)\s+(?:\w+ly\s+)?(?:show|"
            r"showed|shown|present|presented|produce|produced|provide|provided|offer|offered)\s+"
            r"(?:any\s+|a\s+single\s+|a\s+shred\s+of\s+)?(?:(?:specific|concrete|credible|"
            r"solid|hard|real)\s+)?(?:evidence|proof)\b(?=\s+(?:against|of|for|that|to\s+(?:support|"
            r"back|prove|substantiate))\b|\s*[,.;”\"]|\s*$)",
        ),
        (
            ("never",),
            r"\bnever\s+(?:happened(?!\s+to\b)|took\s+place|occurred)\b",
        ),
        # "evidence had not been presented to substantiate the claims".
        (
            ("evidence", "proof"),
            r"\b(?:evidence|proof)\s+(?:has|had|have|was|were)\s+(?:not|never)\s+(?:yet\s+)?"
            r"(?:been\s+)?(?:presented|provided|produced|offered|shown|given|supplied)\s+"
            r"(?=to\s+(?:substantiate|support|back|prove|corroborate|justify|confirm)\b|that\b|"
            r"for\s+(?:the|these|those|such|any)\s+(?:claims?|allegations?|accusations?|"
            r"charges?|assertions?)\b)",
        ),
        # "not as bad as what the critics stated": an account measured and found overstated.
        (
            ("not as ", "not so ", "not nearly "),
            r"\bnot\s+(?:nearly\s+)?(?:as|so)\s+(?:bad|serious|severe|grave|widespread|dire|"
            r"high|large|big|great|extensive|systematic|alarming)\s+as\s+"
            r"(?=(?:[\w’'\-]+\s+){0,8}?(?:stated|said|claimed|reported|alleged|portrayed|"
            r"described|suggested|depicted|painted|made\s+out|reports?|claims?|allegations?|"
            r"critics)\b)",
        ),
        # "we don't count it as abuse", referring to a report: the account's label refused.
        (
            ("it as ", "this as ", "that as ", "them as ", "these as ", "those as "),
            r"\b(?:do|does|did)\s*(?:not|n[’']t)\s+(?:count|consider|regard|see|view|accept|"
            r"recogni[sz]e|class|classify)\s+(?:it|this|that|them|these|those)\s+as\b",
        ),
        # "Nothing could be further from the truth": the account just given, rejected whole.
        (
            ("further from the truth", "farther from the truth"),
            r"\b[Nn]othing\s+(?:could|can|would)\s+be\s+(?:further|farther)\s+from\s+the\s+truth\b",
        ),
        # "the photos in the reports are not his": what was pinned on the speaker disowned.
        (
            ("not his", "not hers", "not theirs", "not mine", "not ours", "n’t his", "n't his"),
            r"\b(?:is|are|was|were)\s*(?:not|n[’']t)\s+(?:hers|theirs|mine|ours|"
            # "not his concern": "his" before a noun is a determiner, not the owner.
            r"his(?=\s*[,.;:!?”\"]|\s*$))\b"
            # "the choice is not hers to make": a duty, not a disowning.
            r"(?!\s+(?:to|alone|only|either)\b)",
        ),
        # "the figures do not reflect the reality on the ground": an account measured
        # against what is there and found wanting.
        (
            ("reflect",),
            r"\b(?:do|does|did)\s*(?:not|n[’']t)\s+(?:seem\s+to\s+|appear\s+to\s+)?(?:be\s+)?"
            r"reflect(?:ing)?\s+(?:the\s+)?(?:(?:actual|true|real)\s+)?(?:reality|realities|"
            r"situation|facts|truth|(?:(?:what\s+is\s+happening|what\s+we\s+see)\s+)?"
            r"on\s+the\s+ground)\b",
        ),
        # "refrain from publishing unfounded reports": accounts called false by their
        # adjective ("this false reporting" points back to an account already rejected).
        (
            (
                "untrue",
                "false",
                "baseless",
                "unfounded",
                "groundless",
                "fabricated",
                "inaccurate",
                "misleading",
                "fake",
                "distorted",
                "slanderous",
                "defamatory",
                "bogus",
                "spurious",
            ),
            # (The lookahead for the first letters spares most positions the look-behinds.)
            # ('arrested for allegedly posting "false information"': a charge's own label,
            # quoted, calls nothing false for the one who reports it.)
            r"(?=[ufbgimds])(?<!this\s)(?<!that\s)(?<!these\s)(?<!those\s)(?<![“\"])\b(?:untrue|false|baseless|"
            r"unfounded|groundless|fabricated|inaccurate|misleading|fake|distorted|slanderous|"
            r"defamatory|bogus|spurious)\s+(?:media\s+|news\s+|press\s+)?(?:claims?|reports|"
            r"allegations?|accusations?|stories|rumou?rs?|charges|information|reporting)\b",
        ),
    )
)


def _clausal_matches(sentence: str, low: str) -> list[re.Match[str]]:
    """Matches of the clausal denial patterns whose words the sentence has, in order."""
    found: list[re.Match[str]] = []
    for keys, pattern in _CLAUSAL_PARTS:
        for key in keys:
            if key in low:
                found.extend(pattern.finditer(sentence))
                break
    if len(found) > 1:
        found.sort(key=lambda m: m.start())
    return found


def _clausal_at(sentence: str, at: int) -> re.Match[str] | None:
    """The clausal denial pattern matching at ``at``, if any."""
    for _keys, pattern in _CLAUSAL_PARTS:
        m = pattern.match(sentence, at)
        if m is not None:
            return m
    return None


# The cues above that only deny when the sentence names an account ("the report").
_NEEDS_ACCOUNT = ("count", "consider", "regard", "see", "view", "accept", "recogni", "class")
# "accused the reporter of lying about …": the accuser calls the account false.
_ACCUSED_OF_LYING = re.compile(
    r"\baccus(?:ed|es|ing)\s+((?:[\w’'.\-]+\s+){1,6}?)of\s+(?=(?:deliberately\s+)?(?:lying|"
    r"fabricating|inventing|making\s+up|misrepresenting|distorting|falsifying|peddling|"
    r"spreading\s+(?:lies|falsehoods|disinformation|misinformation|fake|false|rumou?rs)"
    # "accused the Colombian president of repeated lies", 'of "lies, aggression and …"'.
    r"|[“\"]?(?:(?:repeated|outright|blatant|deliberate|telling)\s+)?(?:lies|falsehoods|"
    r"fabrications?|disinformation|misinformation)\b"
    # 'accused the union of carrying out an "organized smear campaign"'.
    r"|(?:carrying\s+out|running|waging|orchestrating|conducting|launching|mounting)\s+(?:an?\s+)?"
    r"[“\"]?(?:[\w\-]+\s+)?smear\b"
    # "accused the U.S. of making "unfounded" accusations": the accusations called false.
    r"|(?P<labelled>(?:making|leveling|levelling|spreading)\s+[“\"]?(?:false|unfounded|baseless|"
    r"groundless|fabricated|bogus|untrue)[”\"]?\s+(?:accusations|allegations|claims|charges)))\b)"
)
_FLAW_NOUNS = r"(?:inaccuracies|errors|mistakes|falsehoods|distortions)"
_FLAWS_IN = re.compile(
    r"\b(?P<flaws>" + _FLAW_NOUNS + r")\s+(?:contained\s+)?in\s+(?P<account>(?:the|its|their|this|"
    r"that)\s+(?:[\w’'\-]+\s+){0,3}?(?:" + word_pattern(REJECTABLE_NOUNS) + r"))\b"
    r"|\b(?:contain|contains|contained|has|have|had)\s+(?:a\s+number\s+of\s+|many\s+|several\s+|"
    r"numerous\s+|serious\s+|factual\s+)?(?P<flaws2>" + _FLAW_NOUNS + r")\b"
)
_FLAW_KEYS = ("inaccura", "errors", "mistakes", "falsehoods", "distortions")
# Predicates that discredit an account without a word of falsehood ("the allegations are
# politically motivated", "the claims were not based on facts"); the subject must be one.
_DISCREDITED = re.compile(
    r"\b(?:is|are|was|were|be|been)\s+(?:\w+ly\s+)?[“\"‘]?(?:politically\s+motivated|"
    r"unsubstantiated|not\s+based\s+on\s+(?:any\s+)?(?:facts?|evidence|reality|the\s+truth)|"
    # "the estimate was based on faulty counting": the account's method called wrong.
    r"based\s+on\s+(?:an?\s+)?(?:improper|faulty|flawed|erroneous|incorrect|inaccurate|wrong|"
    r"false|mistaken|unreliable|incomplete|outdated|bad|poor|misleading|double)\b|"
    r"(?:an?\s+|part\s+of\s+an?\s+)(?:\w+\s+)?(?:smear|hoax|witch[\s-]hunt|slander)\w*|"
    # "the report was riddled with errors".
    r"(?:riddled|littered|full)\s+(?:with|of)\s+(?:\w+\s+)?(?:errors|mistakes|inaccuracies|"
    r"falsehoods|lies|holes)\b)"
    # "the accusations had no basis in fact", "the claims did not stand up to scrutiny".
    r"|\b(?:has|have|had)\s+[“\"]?no\s+(?:\w+\s+)?(?:basis|foundation|grounding|merit|substance)\b"
    # "the case against her is without merit".
    r"|\b(?:is|are|was|were)\s+(?:\w+ly\s+)?without\s+(?:any\s+)?(?:\w+\s+)?(?:basis|foundation|"
    r"merit|substance)\b"
    # "the reasons for the tariffs "lack basis" and "are not underpinned by facts"".
    r"|\black(?:s|ed)?\s+(?:any\s+)?[“\"]?(?:basis|foundation|merit|credibility)\b"
    r"|\b(?:is|are|was|were)\s*[“\"]?not\s+(?:underpinned|supported|backed\s+up)\s+by\s+"
    r"(?:any\s+)?(?:facts?|evidence)\b"
    r"|\b(?:do|does|did)\s*(?:not|n[’']t)\s+(?:stand\s+up|hold\s+up|hold\s+water|add\s+up)\b"
)
_DISCREDITED_KEYS = (
    "motivated",
    "unsubstantiated",
    "based on",
    "smear",
    "hoax",
    "witch",
    "slander",
    "riddled",
    "littered",
    "full of",
    "basis",
    "foundation",
    "grounding",
    "stand up",
    "hold up",
    "hold water",
    "add up",
    "underpinned",
    "supported by",
    "backed up",
    "merit",
    "credibility",
    "substance",
    "without",
)
# ", say senior officials at the airline.": an attribution after the reported clause.
_INVERTED_SAY = re.compile(r",\s*(?:say|says|said)\s+(?=\S)")


def clausal_denials(sentence: str, low: str, cues: list[DenialCue]) -> list[DenialCue]:
    """Negated counter-claims and accounts called false inside a reported clause."""
    out: list[DenialCue] = []
    # "said a fault did not cause X, denying claims that …": one denial, the one that
    # names the account it rejects.
    named_account: bool | None = None
    for m in _clausal_matches(sentence, low):
        if named_account is None:
            named_account = any(
                ACCOUNT_WORD.search(sentence, c.denied_start, c.denied_end) for c in cues
            )
        if named_account and not ACCOUNT_WORD.search(m.group(0)):
            continue
        if any(
            c.denied_start <= m.start() < c.denied_end or c.cue_start <= m.start() < c.cue_end
            for c in cues
        ):
            continue
        cue = " ".join(m.group(0).split())
        if _needs_account(cue) and not REJECTABLE.search(sentence):
            continue
        start = _clause_start(sentence, m.start())
        judged = _JUDGED_ACCUSING.match(cue)
        if judged is not None:
            # "unacceptable for Google to blame China …": the accusing is what is rejected.
            start = m.start() + judged.end()
        if "reflect" in cue and not REJECTABLE.search(sentence, start, m.start()):
            # "the figures do not reflect …" answers an account; "the deal does not reflect
            # the market" is an opinion about something else.
            continue
        stop = CLAUSE_STOP.search(sentence, m.end())
        end = stop.start() if stop else len(sentence.rstrip())
        if "reflect" in cue or cue.endswith(DISOWNED):
            # What does not reflect the facts, or is not theirs, is the clause's subject.
            end = len(sentence[: m.start()].rstrip())
        if _SET_ASIDE.match(cue):
            # "the issue is not China displaying its strength, but …": what is set aside.
            start, end = m.end(), sentence.find(", but", m.end())
        said_so = _AS_SAID_SO.search(sentence, start, end)
        if said_so is not None:
            # "has not been crushed, as the governor claims": the claim named is what is
            # denied, not a part of the denial's words.
            end = said_so.start()
        inverted = _INVERTED_SAY.search(sentence, m.end())
        speaker = _inverted_speaker(sentence, inverted.end()) if inverted else None
        out.append(DenialCue(cue, m.start(), m.end(), start, end, speaker, speaker is None))
    for m in _DISCREDITED.finditer(sentence) if has_any(low, _DISCREDITED_KEYS) else ():
        if any(c.cue_start <= m.start() < c.cue_end for c in cues):
            continue
        account = account_subject(sentence, m.start())
        if account is not None:
            cue = " ".join(m.group(0).split())
            out.append(DenialCue(cue, m.start(), m.end(), *account, None, True))
    for m in _FLAWS_IN.finditer(sentence) if has_any(low, _FLAW_KEYS) else ():
        # "there are a number of inaccuracies contained in the report", "parts of the
        # report contain inaccuracies": the account said to hold errors.
        if any(c.cue_start <= m.start() < c.cue_end for c in cues + out):
            continue
        flaws = m.group("flaws") or m.group("flaws2")
        if m.group("account") is not None:
            out.append(
                DenialCue(flaws, m.start(), m.end(), m.start("account"), m.end(), None, True)
            )
            continue
        account = account_subject(sentence, m.start())
        if account is not None:
            out.append(DenialCue(flaws, m.start(), m.end(), *account, None, True))
    for m in _ACCUSED_OF_LYING.finditer(sentence) if "accus" in low else ():
        # ("of making "unfounded" accusations against …": past the quote marks it holds.)
        stop = CLAUSE_STOP.search(sentence, m.end("labelled") if m.group("labelled") else m.end())
        end = stop.start() if stop else len(sentence.rstrip())
        out.append(
            DenialCue(
                "accused",
                m.start(),
                m.end(),
                m.start(1),
                end,
                cue_subject(sentence, m.start()),
                False,
            )
        )
    for m in _BLAMELESS.finditer(sentence) if _may_be_blameless(low) else ():
        # "“I have done nothing wrong,” she said", "She tells Peter Clottey her hands are
        # clean": innocence claimed in what a source says; the sayer denies.
        if any(c.cue_start <= m.start() < c.cue_end for c in cues + out):
            continue
        stop = CLAUSE_STOP.search(sentence, m.end())
        end = stop.start() if stop else len(sentence.rstrip())
        start = _clause_start(sentence, m.start())
        out.append(
            DenialCue(" ".join(m.group(0).split()), m.start(), m.end(), start, end, None, True)
        )
    for m in _INNOCENCE.finditer(sentence) if "guilty" in low or "innocen" in low else ():
        if any(c.cue_start <= m.start() < c.cue_end for c in cues):
            continue
        stop = CLAUSE_STOP.search(sentence, m.end())
        end = stop.start() if stop else len(sentence.rstrip())
        speaker = cue_subject(sentence, m.start())
        # "X, who has pleaded not guilty, …": the relative's antecedent, like any cue.
        cue = " ".join(m.group(0).split())
        start = m.end() if end > m.end() else m.start()
        out.append(DenialCue(cue, m.start(), m.end(), start, end, speaker, speaker is None))
    return out


# "…, a claim the opposition dismisses", "- an allegation the club rejects": the account is
# named first, and its rejecter is the subject of the relative clause after it.
# The rejecter and its verb at the end of a relative clause on an account ("… the opposition
# dismisses", "… the panel has flatly denied").
_REJECTED_BY = (
    r"(?P<who>(?:the\s+|its\s+|his\s+|her\s+|their\s+)?[\w’'.\-]+(?:\s+[\w’'.\-]+){0,3}?)\s+"
    r"(?P<verb>(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?(?:denie[sd]|deny|reject(?:s|ed)?|dismiss(?:es|ed)?|"
    r"dispute[sd]?|refute[sd]?))(?=\s*[,.;)]|\s*$)"
)
_FRONTED_ACCOUNT = re.compile(
    r"\b(?P<account>(?:an?|the|this|that)\s+(?:\w+\s+)?(?:claims?|allegations?|accusations?|"
    r"charges?|assertions?|suggestions?)"
    # ("…, charges his family denies": a plural account in apposition needs no article.)
    r"|(?<=,\s)(?:claims|allegations|accusations|charges))\s+(?:that\s+|which\s+)?" + _REJECTED_BY
)
# "… was listed as backing the experiment, something the panel denies", "…, which the
# ministry disputes": the clause before the comma is the account.
_CLAUSE_DENIED = re.compile(
    r",\s+(?P<account>something|which)\s+"
    # (", which is usually denied": a passive, nobody named.)
    r"(?!(?:is|was|are|were|be|been|being|has|have|had|also|often|usually)\b)" + _REJECTED_BY
)
_FRONTED_KEYS = ("claim", "allegation", "accusation", "charge", "assertion", "suggestion")
_FRONTED_VERBS = ("denie", "deny", "reject", "dismiss", "disput", "refut")


def fronted_denials(sentence: str, low: str, cues: list[DenialCue]) -> list[DenialCue]:
    """ "…, a claim the opposition dismisses": the account comes first, then its rejecter.

    A cue already found on the verb with nothing after it to deny gives way to this one.
    """
    out: list[DenialCue] = []
    if not has_any(low, _FRONTED_VERBS):
        return out
    if "something " in low or "which " in low:
        out.extend(_clause_denied(sentence, cues))
    if not has_any(low, _FRONTED_KEYS):
        return out
    for m in _FRONTED_ACCOUNT.finditer(sentence):
        verb = [c for c in cues if c.cue_start <= m.start("verb") < c.cue_end]
        if any(c.denied_end > c.denied_start for c in verb):
            continue
        for c in verb:
            # "- an allegation the club denies": the verb found no object after it; the
            # account before it is what is denied.
            cues.remove(c)
        out.append(_rejected(m, m.start("account"), m.end("account")))
    return out


def _rejected(m: re.Match[str], denied_start: int, denied_end: int) -> DenialCue:
    """The cue of a rejecter and its verb matched by ``_REJECTED_BY``."""
    return DenialCue(
        " ".join(m.group("verb").split()),
        m.start("verb"),
        m.end("verb"),
        denied_start,
        denied_end,
        Span(m.start("who"), m.end("who")),
        False,
    )


def _clause_denied(sentence: str, cues: list[DenialCue]) -> list[DenialCue]:
    """ "…, something the panel denies": the clause before the comma, from the sentence's
    start or its opening phrase ("According to a form posted online,"), is denied by the
    subject of the relative clause."""
    out: list[DenialCue] = []
    for m in _CLAUSE_DENIED.finditer(sentence):
        for c in [c for c in cues if c.cue_start <= m.start("verb") < c.cue_end]:
            cues.remove(c)
        start = sentence.rfind(", ", 0, m.start()) + 2 if sentence.startswith("According") else 0
        out.append(_rejected(m, start, m.start()))
    return out


# "pleaded not guilty", "has maintained his innocence": the charges rejected in court.
_INNOCENCE = re.compile(
    r"\bplead(?:ed|s|ing)?\s+not\s+guilty\b|\bpled\s+not\s+guilty\b|"
    r"\b(?:maintain|maintained|maintains|maintaining|protest|protested|protests|protesting|"
    r"assert|asserted|asserts|proclaim|proclaimed|proclaims)\s+(?:his|her|their|its|my|our)\s+"
    r"innocence\b"
)


# Blamelessness asserted of the speaker's side: "is innocent", "did nothing wrong", "her
# hands are clean". ("the loss of innocent life" is no one's innocence.)
_BLAMELESS = re.compile(
    r"\b(?:is|am|are|was|were|be|been)\s+(?:\w+ly\s+)?innocent\b(?!\s+(?:of\s+)?(?:people|"
    r"civilians|lives?|bystanders|victims|children|men|women|man|woman)\b)"
    r"|\b(?:did|does|do|has|have|had)\s+(?:done\s+)?(?:absolutely\s+)?nothing\s+wrong\b"
    r"|\b(?:did|does|do)\s*(?:not|n[’']t)\s+do\s+anything\s+wrong\b"
    r"|\bhands\s+are\s+clean\b"
)


def is_blameless(cue: str) -> bool:
    """Whether ``cue`` asserts blamelessness ("had done nothing wrong", "is innocent"),
    which denies only where the report holds an accusation to deny."""
    return _BLAMELESS.fullmatch(cue) is not None


def _may_be_blameless(low: str) -> bool:
    return (
        "innocent" in low
        or "nothing wrong" in low
        or "anything wrong" in low
        or "hands are clean" in low
    )


_SENTENCE_TAIL = re.compile(r"((?:[\w’'.\-]+\s+){0,7}[\w’'.\-]*\w)\s*[.!]?\s*$")


def _inverted_speaker(sentence: str, at: int) -> Span | None:
    """The speaker of ", say managers at the tram company.": what the inversion names,
    or the short rest of the sentence when nothing follows it."""
    span = speaker_after(sentence, at)
    if span is not None:
        return span
    tail = _SENTENCE_TAIL.match(sentence, at)
    return Span(tail.start(1), tail.end(1)) if tail else None


def _needs_account(cue: str) -> bool:
    words = cue.lower().split()
    return len(words) >= 3 and words[-1] == "as" and words[-3].startswith(_NEEDS_ACCOUNT)


def _clause_start(sentence: str, at: int) -> int:
    """Start of the reported clause holding position ``at``."""
    openers = list(CLAUSE_OPENER.finditer(sentence, max(0, at - SUBJECT_REACH), at))
    if openers:
        # "said he had confiscated saws, but that he did not …": the second clause.
        second = list(SECOND_THAT.finditer(sentence, openers[-1].end(), at))
        return second[-1].end() if second else openers[-1].end()
    comma = max(sentence.rfind(",", 0, at), sentence.rfind("“", 0, at), sentence.rfind('"', 0, at))
    return comma + 1 if comma >= 0 else 0


_SET_ASIDE = re.compile(
    r"(?:issue|problem|question|point|matter|truth|reality|cause)\b.*\bnot$", re.IGNORECASE
)
_AS_SAID_SO = re.compile(
    r",?\s+as\s+(?:[\w’'.\-]+\s+){0,4}?(?:had\s+|has\s+|was\s+)?(?:claimed|claims|alleged|"
    r"alleges|asserted|asserts|charged|accused)\b"
)
_JUDGED_ACCUSING = re.compile(
    r"\w+\s+(?=(?:for\s.+\s)?to\s(?:blame|accuse|claim|allege|suggest|link)$)"
)
# Judgments of an accusing ("unacceptable for Google to blame …") not among FALSE_WORDS.
JUDGED_KEYS = ("unacceptable", "irresponsible", "unfair", "outrageous", "unjust")


def is_clausal_cue(sentence: str, cue: str) -> bool:
    """Whether ``cue`` is a whole clausal denial in ``sentence`` ("played no role in"),
    which rejects a proposition of its own rather than an account named after a verb."""
    at = sentence.find(cue)
    clausal = _clausal_at(sentence, at) if at >= 0 else None
    return clausal is not None and " ".join(clausal.group(0).split()) == cue
