"""Negated counter-claims: a source stating the opposite of an account rather than rejecting
it ("there are no plans to close the plant", "is not seeking", "not aware of any", "no one had
been hurt", "we have found no design fault", "insisted that the protest had not been
blocked").

Its own module because a negation, not a denial word, carries these: most take the reporting
verb's speaker (their cues need a source), and reassurances ("there is no immediate danger")
must be kept out.
"""

from __future__ import annotations

import re

from briefings.denial_parts import CLAUSE_STOP, DenialCue, cue_subject, object_end

__all__ = ["NEGATION_KEYS", "insisted_not_cues", "negation_cues"]


_NEGATION = re.compile(
    # Every branch starts a word with one of these letters: the lookahead, and one "\b" for
    # all branches, let ``re`` pass over other positions without trying each branch.
    r"(?=[TtnNiawdhfu])\b(?:"
    r"[Tt]here\s+(?:\w+\s+)?(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?"
    # ('there was "no damage"': the quoted words may open on "no".)
    r"(?:no|[“\"]no(?!\s+(?:evidence|basis|question|truth)\b))\s+(?![“\"]?truth\b)"
    # ("there was no need for an outside inquiry" is an opinion, not a fact denied.)
    r"(?!(?:any\s+)?need\b)"
    r"(?!question[”\"]?\s+of\b)"
    # "There is nothing, absolutely nothing, to suggest that it was an intentional attack".
    r"|[Tt]here\s+(?:is|was)\s+nothing(?:\s*,\s*(?:absolutely|simply)\s+nothing\s*,)?\s+to\s+"
    r"(?:suggest|indicate|show|prove)\s+(?:that\s+)?"
    r"|not\s+aware\s+of\s+"
    # "we were completely unaware of any such situation".
    r"|unaware\s+of\s+(?=any\b|such\b)"
    r"|(?:is|are|was|were|am)\s+not\s+(?=seeking|planning|considering|involved|responsible"
    # "we are not guilty of anything": the guilt charged, denied; "he is not there", "the
    # troops are not in Kursk": a presence reported, denied.
    r"|guilty\b|there\b(?!\s+(?:yet|anymore|any\s+more|to)\b)|in\s+(?:the\s+)?[A-Z])"
    # "Holbrooke never made an agreement to …", "did not give Poland any commitment": the
    # promise an account says was given, denied.
    r"|(?:(?:did|does|do|had|has|have)(?:\s+not|n[’']t)|never|(?:had|has|have)\s+never)\s+"
    r"(?=(?:make|made|"
    r"give|gave|given|offer|offered|sign|signed)\s+(?:[\w’'\-]+\s+){0,2}?(?:an?|any|such)\s+"
    r"(?:agreement|deal|promise|commitment|pledge|guarantee|assurance|offer)s?\b)"
    # "the remarks do not reflect the U.S. position": words disowned as no one's policy.
    r"|(?:do|does|did)(?:\s+not\s+|n[’']t\s+)(?=(?:reflect|represent)\s+(?:[\w.’'\-]+\s+){0,4}?(?:views?|"
    r"position|policy|policies|stance)\b)"
    # "a humanitarian crisis does not exist": what the account reported, said not to be.
    r"|(?:does|do|did)\s+not\s+(?=exist\b(?!\s+(?:only|just|solely)\b))"
    r"|(?:would|will|did|does|do|has|have|had)\s+(?:not|never)\s+(?:yet\s+)?(?=engage|engaged|happen"
    r"|happened|occur|occurred|take\s+place|taken\s+place|took\s+place"
    # "Snowden had not crossed the Russian border": the crossing reported, negated.
    r"|(?:crossed|cross|entered|enter|invaded|invade)\s+(?:the\s+|any\s+|its\s+|their\s+)?"
    r"(?:[\w’'\-]+\s+)?(?:border|country|territory|airspace|waters|zone)\b)"
    r"|no\s+truth(?:\s+whatsoever|\s+at\s+all)?[”\"]?\s+(?:to|in)\s+"
    # "had never offered anything", "did not receive any payment": a flat counter-claim.
    # Not "never paid any attention": an idiom, not an act denied.
    r"|(?:(?:had|has|have|did|does|do)\s+)?never\s+(?![a-z]+\s+any\s+(?:attention|heed|mind|notice)\b)"
    r"(?=[a-z]+\s+(?:any|anything|anyone|such|a\s+cent|"
    r"a\s+penny)\b|(?:received|taken|accepted|paid|met|ordered|authori[sz]ed|approved|"
    r"solicited|requested|demanded)\b)"
    # "China has never exported wheat gluten to the U.S.", "had never shipped gluten": a
    # trade or supply the account reported, flatly negated.
    r"|(?:had|has|have)\s+never\s+(?=(?:exported|imported|shipped|supplied|delivered|"
    r"transferred|smuggled|funded|financed|armed|sponsored)\b)"
    r"|\bnever\s+(?=sent\s+(?:any\s+)?(?:weapons|arms|troops|money|funds|fighters)\b)"
    # "Vietnamese ships have never attacked China's vessels": the attack charged, denied.
    r"|(?:had|has|have)\s+never\s+(?=(?:attacked|fired\s+(?:on|at)|shelled|bombed|targeted|"
    r"rammed|invaded|harmed|tortured|kidnapped)\b)"
    # "The border was not violated": the act the accusation names, negated in the passive.
    r"|(?:was|were|is|are|has\s+not\s+been|have\s+not\s+been)\s+(?:not\s+)?(?=(?:violated|"
    r"breached|shelled|bombed|hacked|poisoned|rigged|manipulated|falsified|tampered)\b)"
    # "he was not kidnapped", "the detainees were never tortured": the harm charged, to the
    # person it was charged about, negated.
    r"|(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+(?:not|never)\s+"
    r"(?=(?:kidnapped|abducted|tortured|beaten|coerced|mistreated|abused)\b)"
    # '"Neither Russia's top leadership nor any official representatives have anything to
    # do with the events"': every party named, disowned.
    r"|[Nn]either\s+[^.;]{3,120}?\s+nor\s+[^.;]{3,160}?\s+(?:has|have|had)\s+anything\s+to\s+do\s+"
    r"with\s+"
    # "it has no knowledge of the emails", "it is not a part of this".
    # ("the increase is not part of the budget" says what a budget holds, denies nothing.)
    r"|(?:has|have|had)\s+no\s+knowledge\s+of\s+"
    r"|(?:is|was|are|were)\s+not\s+(?:a\s+)?part\s+of\s+(?=(?:this|that|it|any)\b)"
    # "Regulators have found glyphosate not to be carcinogenic".
    r"|(?:has|have|had)\s+found\s+(?=(?:[\w\-]+\s+){1,3}not\s+to\s+be\b)"
    # "But he said it was not a bribe": the act named as the accusation names it, negated.
    # ("his removal from office was not a coup": whatever the subject, the label is the
    # accusation's.)
    r"|(?:is|was)\s+not\s+(?:a|an)\s+(?=(?:bribe|kickback|payoff|pay-off|"
    r"cover-up|coup|ransom|fraud|scam|theft|massacre|invasion|attack)\b)"
    # "the holidays were never paid for by the campaign": the act itself negated.
    r"|(?:was|were)\s+never\s+(?=(?:paid|offered|spent|used|sold|given|approved|signed|"
    r"authori[sz]ed|ordered|sent|transferred|diverted|promised|asked|consulted)\b)"
    # "no civilians have been killed in the offensive": the harm charged, flatly negated.
    r"|[Nn]o\s+(?:\w+\s+)?(?:civilians|people|soldiers|troops|lives|children)\s+(?:have|has|had|were|"
    r"was)\s+(?:been\s+)?(?=(?:killed|hurt|injured|harmed|wounded|lost)\b)"
    # "Nobody asked us anything", "no one had been hurt": a flat counter-claim.
    r"|(?:[Nn]obody|[Nn]o\s+one)\s+(?:(?:has|had|have|was|were)\s+(?:been\s+)?[a-z]+|"
    r"(?:ever\s+)?[a-z]+ed)\b"
    # "We have found no design fault": a search that came up empty.
    r"|(?:has|have|had)\s+(?:found|seen|detected|identified|received|shown|showed|"
    r"recorded|observed)\s+no\s+"
    # "they failed to find evidence linking the kill to the plant": the same search.
    r"|(?:failed|fails|fail|unable)\s+to\s+(?:find|produce|provide|show)\s+(?:any\s+)?"
    r"(?:evidence|proof|links?|signs?|traces?)\b"
    # "no such offer had been made": the account named, and negated.
    r"|no\s+such\s+"
    # "no offer had been received", "no agreement was reached": the event negated.
    r"|[Nn]o\s+(?=(?:[a-z]+\s+)?(?:offers?|payments?|requests?|proposals?|bids?|complaints?|"
    r"applications?|money|funds|orders?|invitations?|warnings?|threats?|contracts?)\s+"
    r"(?:has|had|have|was|were)\s+(?:yet\s+)?(?:been\s+)?(?:received|made|offered|submitted|"
    r"sent|paid|filed|issued|signed)\b)"
    r"|not\s+(?:correct|true|accurate)\s+to\s+say\s+(?:that\s+)?"
    r"|no\s+(?:evidence|basis)[”\"]?\s+(?:for|to|that)\s+"
    # "has no plans to close the plant": the intention reported is denied.
    r"|(?:has|have|had)\s+no\s+(?:\w+\s+)?(?:plans?|intention|decision)\s+(?:to|of)\s+"
    # "there was \"no question\" of any rider having broken the rules".
    r"|no\s+question[”\"]?\s+of\s+"
    # "We have not received any request": nothing of the kind reached them.
    r"|(?:has|have|had|did|does|do)\s+not\s+(?:yet\s+)?(?=(?:received|receive|seen|see|found|"
    r"find|made|make|signed|sign|held|hold|authori[sz]ed?|approved?|ordered?"
    # "has not carried out any military action": an act of force charged, negated.
    r")\s+any\b|(?:carried\s+out|carry\s+out|conducted|conduct|launched|launch)\s+any\s+"
    r"(?:\w+\s+)?(?:action|operations?|attacks?|strikes|air\s*strikes|raids?|bombings?|shelling|"
    r"offensives?|killings?|executions?)\b|(?:fired|fire)\s+any\s+(?:shots?|rounds?|missiles?|"
    r"rockets?|shells?|weapons?)\b)"
    # "The army did not attack any cities", "We do not support any rebellion": an act of
    # force or of backing, the kind an accusation names, flatly negated (also contracted).
    r"|(?:has|have|had|did|does|do)(?:\s+not|n[’']t)\s+(?:yet\s+|ever\s+)?(?=(?:attack|attacked|"
    r"bomb|bombed|shell|shelled|strike|struck|raid|raided|kill|killed|arm|armed|fund|funded|"
    r"finance|financed|harbou?r|harbou?red|shelter|sheltered|train|trained|sponsor|sponsored)"
    r"\s+any\b"
    # (Backing only of armed groups: "does not support any candidate" denies nothing.)
    r"|(?:support|supported|back|backed|help|helped|aid|aided)\s+any\s+(?:[\w\-]+\s+)?(?:rebels?|"
    r"rebellion|militias?|militants?|insurgents?|insurgency|separatists?|terrorists?|terrorism|"
    r"armed\s+groups?|fighters)\b"
    # "we haven't moved an army", "did not send any troops": forces moved, negated.
    r"|(?:sent|send|deployed|deploy|moved|move)\s+(?:any|an?)\s+(?:[\w\-]+\s+)?(?:troops|army|"
    r"forces|soldiers|weapons|arms)\b)"
    # "Moscow says it has no troops in eastern Ukraine", "the troops did not have live
    # ammunition": the forces or arms an account places there, said not to be there.
    # (Only where they are said to be: "the rebels have no weapons and need help" pleads.)
    r"|(?:has|have|had)\s+no\s+(?=(?:[\w\-]+\s+)?(?:troops|soldiers|forces|military\s+presence|"
    r"weapons|arms|fighters|bases|personnel|warships)\s+(?:in|on|inside|near|at|across|along|"
    r"within|there)\b)"
    r"|(?:has|have|had|did|does|do)(?:\s+not|n[’']t)\s+have\s+(?:any\s+)?(?=(?:[\w\-]+\s+)?"
    r"(?:ammunition|weapons|arms|guns|troops|soldiers|forces|fighters|bases|personnel)\b)"
    # '"No U.S. aircraft were operating in Iranian airspace"': forces said not to be there.
    r"|[Nn]o\s+(?:[\w.\-]+\s+){0,2}?(?:aircraft|planes|jets|drones|troops|soldiers|forces|ships|"
    r"vessels|warships|personnel|weapons)\s+(?:were|was|are|is|had\s+been|have\s+been|has\s+been)"
    r"\s+(?=(?:operating|present|deployed|involved|stationed|flying|used|fired)\b)"
    # "We don't have any decision to enter": no intention, in the contracted form.
    r"|(?:do|does|did)(?:\s+not|n[’']t)\s+have\s+(?:any\s+)?(?=(?:plans?|intention|decision)\s+"
    r"(?:to|of)\b)"
    # 'the man is "not associated" with U.S. intelligence': the tie charged, negated.
    r"|(?:is|are|was|were)\s+[“\"]?not\s+(?:\w+ly\s+)?(?:associated|affiliated|linked|"
    r"connected)[”\"]?\s+(?:in\s+any\s+way\s+)?(?:with|to)\s+"
    # "We have not been able to find any attempts of hacking": a search that came up empty.
    r"|(?:has|have|had)\s+not\s+been\s+able\s+to\s+(?=(?:find|detect|identify)\s+any\b)"
    # "Not one of them was a fighter": those harmed, said not to be what they were called.
    # "Not a single person was moved in the region": the act reported, flatly negated.
    r"|[Nn]ot\s+a\s+single\s+(?:[a-z\-]+\s+)?(?:person|people|soldier|troops?|shot|shell|"
    r"vehicle|unit)\s+(?:was|were|has|have|had)\s+(?:been\s+)?(?=[a-z]+ed\b)"
    r"|[Nn]ot\s+(?:one|a\s+single\s+one)\s+of\s+(?:them|the\s+\w+)\s+(?:was|were|is|are)\s+"
    r"(?=(?:an?\s+)?(?:fighters?|militants?|combatants?|soldiers?|terrorists?|rebels?|gunmen|"
    r"insurgents?|members?)\b))"
)
# "insisted that the protest had not been blocked": a counter-claim the speaker stands by.
_INSISTED_NOT = re.compile(
    r"\b(?:insisted|insists|insisting|maintained|maintains|maintaining)\s+(?:that\s+)?"
)
_CLAUSE_NEGATION = re.compile(r"\b(?:not|never|no)\b|n[’']t\b")
# "there is no evidence that X": X is what is denied.
# ("no evidence the women were forced": the clause may go without "that".)
_NO_EVIDENCE = re.compile(
    r"(?:evidence|proof|indication|suggestion)\s+(?:that\s+|(?=(?:the|a|an|his|her|its|their)\s))"
)
# "there is no immediate danger": a reassurance about a risk, not a rejected account.
_REASSURANCE = re.compile(
    r"(?:immediate\s+|imminent\s+|direct\s+|serious\s+|further\s+|real\s+)?(?:danger|threat|"
    r"risk|cause\s+for\s+(?:concern|alarm)|need\s+(?:to|for)\s+(?:panic|alarm|worry))\b"
    # "there was no question that the team had improved": certainty, not a denial.
    r"|[“\"]?(?:question|doubt)[”\"]?\s+(?:that|about|whether)\b"
    # "there is no such thing as a fair trial here": a general verdict, not an answer.
    r"|(?:such\s+)?thing\s+as\b"
)
# The acts an accusation names, negated in the passive ("was not violated").
_PASSIVE_ACT = re.compile(
    r"(?:violated|breached|shelled|bombed|hacked|poisoned|rigged|manipulated|falsified|"
    r"tampered)\b"
)
# "no civilians have been killed": the whole clause is the counter-claim, as for "no one".
_NO_PEOPLE = re.compile(r"[Nn]o\s+(?:\w+\s+)?(?:civilians|people|soldiers|troops|lives|children)\b")
# "Nobody asked us", "no one had been hurt": the whole clause is the counter-claim.
_NOBODY = re.compile(r"(?:nobody|no\s+one)\b", re.IGNORECASE)
# A word each branch of ``_NEGATION`` needs: without one of them it cannot match.
NEGATION_KEYS = (
    "there",
    "neither",
    "kidnap",
    "abduct",
    "tortur",
    "beaten",
    "coerced",
    "mistreat",
    "abused",
    "troop",
    "soldier",
    "force",
    "weapon",
    "ammunition",
    "aircraft",
    "fighters",
    "bases",
    "personnel",
    "warship",
    "vessel",
    "ship",
    "plane",
    "jet",
    "drone",
    "presence",
    "guns",
    "attack",
    "bomb",
    "shell",
    "strike",
    "struck",
    "raid",
    "support",
    "arm",
    "fund",
    "financ",
    "harbo",
    "shelter",
    "train",
    "back",
    "help",
    "aid",
    "sponsor",
    "move",
    "deploy",
    "decision",
    "associated",
    "affiliated",
    "linked",
    "connected",
    "carr",
    "conduct",
    "launch",
    "fire",
    "not one",
    "single",
    "cross",
    "enter",
    "invad",
    "exist",
    "aware",
    "seeking",
    "planning",
    "considering",
    "involved",
    "responsible",
    "engage",
    "happen",
    "occur",
    "place",
    "truth",
    "say",
    "evidence",
    "basis",
    "never",
    "found",
    "seen",
    "detected",
    "identified",
    "received",
    "nobody",
    "no one",
    "shown",
    "showed",
    "recorded",
    "observed",
    "such",
    "made",
    "offered",
    "submitted",
    "sent",
    "paid",
    "filed",
    "plan",
    "intention",
    "question",
    "signed",
    "receive",
    "held",
    "hold",
    "find",
    "make",
    "authori",
    "approve",
    "order",
    "not a",
    "not an",
    "killed",
    "hurt",
    "injured",
    "wounded",
    "violated",
    "breached",
    "shelled",
    "bombed",
    "hacked",
    "poisoned",
    "rigged",
    "manipulated",
    "falsified",
    "tampered",
    "knowledge",
    "part of",
    "not to be",
    "sent",
    "no bribe",
    "no money",
    "no payment",
    "no kickback",
    "no cash",
    "no gift",
    "no time",
    "no point",
    "no losses",
    "no casualties",
    "no deaths",
)


# Flat negations with "no" inside the phrase, kept apart from ``_NEGATION`` so that its
# scan stays on the few first letters its branches share.
_FLAT_NEGATION = re.compile(
    # "he accepted no bribes", "took no money from the firm": the payment charged, negated.
    r"\b(?:accepted|received|took|solicited|demanded|sought)\s+no\s+(?=(?:bribes?|money|"
    r"payments?|kickbacks?|cash|gifts?)\b)"
    # "at no time have U.S. forces entered the country": the act, negated for all time.
    r"|\b[Aa]t\s+no\s+(?:time|point)\s+(?=(?:have|has|had|did|does|do|was|were|is|are)\b)"
    # "the group suffered no losses": the harm an attack is said to have done, negated.
    r"|\b(?:suffered|sustained|incurred)\s+no\s+(?=(?:losses|casualties|deaths)\b)"
)


# ("anyone who was not aware of the exemptions": the auxiliary may stand between.)
_RELATIVE_BEFORE = re.compile(r"\b(?:which|who)\s+(?:(?:is|are|was|were)\s+)?$")
_PURPOSE_BEFORE = re.compile(
    r"\b(?:make\s+sure|ensure|ensuring|so\s+that|guarantee)\s+(?:that\s+)?$"
)


def negation_cues(sentence: str, cues: list[DenialCue]) -> None:
    """ "there are no plans to …", "is not seeking", "not aware of any", "no one had been
    hurt", "failed to find evidence": a counter-claim, by the reporting verb's speaker."""
    found = list(_NEGATION.finditer(sentence))
    if " no " in sentence:
        found.extend(_FLAT_NEGATION.finditer(sentence))
        found.sort(key=lambda m: m.start())
    for m in found:
        if _REASSURANCE.match(sentence, m.end()):
            continue
        if _PURPOSE_BEFORE.search(sentence, max(0, m.start() - 20), m.start()):
            # "want to make sure there is no military presence there": an aim, not a fact.
            continue
        if _RELATIVE_BEFORE.search(sentence, max(0, m.start() - 8), m.start()):
            # "Grameen Kalyan, a separate company, which is not involved in lending": the
            # relative clause describes a noun; no one answers anything with it.
            continue
        d_start = m.end()
        d_end = object_end(sentence, d_start)
        evidence = _NO_EVIDENCE.match(sentence, d_start)
        if evidence is not None:
            stop = CLAUSE_STOP.search(sentence, evidence.end())
            d_start, d_end = evidence.end(), stop.start() if stop else len(sentence.rstrip())
        elif "nothing" in m.group(0):
            # "nothing to suggest that it was an intentional attack": the whole clause.
            stop = CLAUSE_STOP.search(sentence, d_start)
            d_end = stop.start() if stop else len(sentence.rstrip())
        rather = re.search(r"\s(?:but|rather)\b", sentence[d_start:d_end])
        if rather:
            d_end = d_start + rather.start()
        cue_text = m.group(0).strip()
        neg = re.search(r"\b(?:not|no|never)\b", cue_text)
        if (
            neg
            and cue_text.startswith(("is", "are", "was", "were", "am"))
            # ("was not a bribe": the label named, without its article.)
            and not cue_text.endswith((" a", " an"))
        ):
            d_start = m.start() + neg.end() + 1
        passive = _PASSIVE_ACT.match(sentence, m.end())
        if passive is not None:
            # "The border of Georgia was not violated": the whole clause is what is denied.
            opener = max(sentence.rfind(q, 0, m.start()) for q in ('"', "“", ","))
            d_start = opener + 1 if opener >= 0 else 0
            d_end = passive.end()
        if (
            _NOBODY.match(cue_text)
            or cue_text in {"No", "no"}
            or _NO_PEOPLE.match(cue_text) is not None
        ):
            # "no one had been hurt", "Nobody asked us": the whole clause is the counter-claim.
            stop = CLAUSE_STOP.search(sentence, m.end())
            d_start, d_end = m.start(), stop.start() if stop else len(sentence.rstrip())
        cues.append(DenialCue(cue_text, m.start(), m.end(), d_start, d_end, None, True))


def insisted_not_cues(sentence: str, cues: list[DenialCue]) -> None:
    """ "insisted that the protest had not been blocked": a negated clause the speaker
    stands by, when no other cue is inside it."""
    for m in _INSISTED_NOT.finditer(sentence):
        stop = CLAUSE_STOP.search(sentence, m.end())
        d_end = stop.start() if stop else len(sentence.rstrip())
        if _CLAUSE_NEGATION.search(sentence, m.end(), d_end) is None:
            continue
        if any(
            m.end() <= c.cue_start < d_end or c.cue_start <= m.start() < c.cue_end for c in cues
        ):
            continue
        cues.append(
            DenialCue(
                m.group(0).split()[0],
                m.start(),
                m.end(),
                m.end(),
                d_end,
                cue_subject(sentence, m.start()),
                False,
            )
        )
