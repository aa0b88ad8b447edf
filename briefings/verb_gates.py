"""Whether a cue word is a verb of saying where it stands.

``cue_patterns`` finds every word that can report speech, and many of them are often
something else: a noun ("Her claims are false", "in three member states, officials said"),
a passive without an agent ("is expected to"), a negation ("did not say"), an act
("declared martial law", "called for help", "added 9,000 trucks to the recall"), or a verb
whose clause stands elsewhere ("…, the newspaper reported on Monday."). ``claims`` asks
these gates before it looks for a speaker. They read only the words around the cue and
build no attribution, so they stand apart from the rules that find speakers and content.
"""

from __future__ import annotations

import re

from briefings.content_spans import THAT, that_after_time
from briefings.lexicon import AUXILIARIES, CLAUSE_VERBS, NEEDS_THAT, TIME_WORDS, word_pattern

__all__ = [
    "AUX_AFTER",
    "BE_BEFORE",
    "CLAUSE_NEXT",
    "NP_CLAUSE_NEXT",
    "TO_VERB",
    "as_starts_clause",
    "attributive_before",
    "be_before",
    "negated_before",
    "no_clause_after",
    "not_a_saying_verb",
    "raised_saying",
    "reports_a_call",
    "takes_account_before",
]


# "called it unacceptable", "called that a mistake": a judgment said of what went before.
_CALLED_IT = re.compile(
    r"\s+(?:it|this|that)\s+(?:\w+ly\s+)?(?!(?:off|quits|a\s+day|in|out|up|back)\b)"
    r"(?:an?\s+)?[a-z\-]{3,}\b"
)
# "calls the attempt to break the blockade a provocation": a judgment of a thing named in
# full. Never a telephone call or a meeting convened ("called the hospital a second time",
# "called the council a week early"), which a counted time after the object gives away.
_CALLED_SOMETHING = re.compile(
    r"\s+(?:the|its|his|her|their|this|these|those)\s+(?:[\w’'\-]+\s+){0,7}?an?\s+"
    r"(?!(?:day|week|month|year|few|couple|number|second|third|lot|time|total|moment|minute|"
    r"while|bit)\b)[a-z\-]{3,}\b"
)
# "called the expulsions unjustified", "called the move totally unacceptable": a judgment in
# an adjective that closes the clause. Only the endings adjectives of judgment take, so that
# "called the hospital." or "called the agent" judge nothing.
_CALLED_JUDGED = re.compile(
    r"\s+(?:the|its|his|her|their|this|these|those|such)\s+(?:[\w’'\-]+\s+){0,5}?"
    r"(?:\w+ly\s+)?[a-z\-]{2,}(?:able|ible|ful|less|ous|ied|ed)"
    r"(?=\s*(?:[.,;:!?”\"]|$)|\s+(?:and|but|because|as|since|after|while|saying|adding)\b)"
)
# "called for", "called last week for", "called again on Monday for": an appeal.
_CALL_FOR = re.compile(
    r"(?:\s+(?i:on|last|this|again|also|publicly|repeatedly|once|earlier|"
    + word_pattern(TIME_WORDS)
    + r")){0,3}\s+for\b"
)
# "called for help.": a call for rescue is an act, not an appeal that reports anything.
_LITERAL_CALL = re.compile(
    r"(?:\s+\w+){0,3}?\s+for\s+(?:help|backup|assistance|rescue|an\s+ambulance|a\s+doctor)\s*(?:[,.;!]|$)"
)
# ("called the comments from Ms. Rice “unacceptable”": a title's or an initial's period is
# no sentence's end.)
_QUOTE_NEAR = re.compile(
    r"^(?:[^.;]|(?<=Mr)\.|(?<=Ms)\.|(?<=Mrs)\.|(?<=Dr)\.|(?<=St)\.|(?<=\b[A-Z])\.){0,80}?[“\"‘]"
)


def reports_a_call(after: str) -> bool:
    """Whether "called" reports what a source said: an appeal ("called for talks", "called
    last week for"), a quote close by ("called the plan “reckless”") or a judgment ("called
    it unacceptable"); never a call for rescue ("called for help.")."""
    if not (
        _CALL_FOR.match(after)
        or _QUOTE_NEAR.match(after)
        or _CALLED_IT.match(after)
        or _CALLED_SOMETHING.match(after)
        or _CALLED_JUDGED.match(after)
    ):
        return False
    return _LITERAL_CALL.match(after) is None


_AS_CONJUNCTION = re.compile(
    r"as\s+(?:(?:the|his|her|its|their|a|an)\s+)?[\w\-]+\s+"
    r"(?:is|are|was|were|has|have|had|will|would|could|began|[a-z]+ed)\b"
)


def as_starts_clause(after: str) -> bool:
    """ "dismissed the coach as results worsened": "as" starts a clause here, so the verb
    evaluates nothing "as" anything."""
    as_at = re.search(r"\bas\b", after)
    return as_at is not None and _AS_CONJUNCTION.match(after, as_at.start()) is not None


# "is reported to accuse", "is said to have told", "is understood to call … a failure":
# a raising passive whose infinitive is itself a verb of saying.
_RAISING_VERBS = frozenset({"reported", "said", "understood", "believed", "thought", "alleged"})
_RAISED_SAYING = re.compile(
    r"\s+to\s+(?:have\s+)?(accuse[ds]?|call(?:ed)?|say|said|told|tell|warn(?:ed)?|urge[ds]?|"
    r"criticize[ds]?|criticise[ds]?|recommend(?:ed)?|conclude[ds]?|blame[ds]?|describe[ds]?|"
    r"demand(?:ed)?|suggest(?:ed)?|state[ds]?|claim(?:ed)?|find|found|charge[ds]?)\b"
)


def raised_saying(sentence: str, start: int, end: int, low: str) -> re.Match[str] | None:
    """ "The audit is reported to accuse the board of …", "It is understood to call the
    failings serious": the subject is said to say it, hedged; the match holds the infinitive
    of saying."""
    if low in _RAISING_VERBS and be_before(sentence, start):
        return _RAISED_SAYING.match(sentence, end)
    return None


# "acknowledged there have been issues", "noted they had left": a clause without "that"
# (an existential or a subject pronoun with its verb), not an object noun phrase.
CLAUSE_NEXT = re.compile(
    r"\s+(?:there\s+(?:is|are|was|were|has|have|had|will|would|could|may|might|remains?)|"
    # "worry it could damage the river": "it" with a finite auxiliary opens a clause.
    r"it\s+(?:is|was|will|would|could|may|might|should|must|can|has|had)|"
    # ("acknowledged he now has little influence": an adverb may come before the verb.)
    r"(?:he|she|they|we|i)\s+(?:(?:now|still|also|already|never|always|only|\w+ly)\s+)?"
    r"(?:is|are|was|were|has|have|had|will|would|could|may|might|"
    r"should|must|can|did|does|do|[a-z]+ed|[a-z]+[^s\W]s))\b"
)
# "reported the mayor had resigned", "is reporting Ruiz's office has been …": a subject noun
# phrase and a finite auxiliary open a clause without "that"; "reported the deaths of two
# climbers" is a plain object.
NP_CLAUSE_NEXT = re.compile(
    # "notes about 13,000 people are believed to have died": a counted subject too; the
    # subject may run to six words after its first ("Cairo fears Ethiopia's plans to fill
    # the reservoir could …").
    r"\s+(?:the|a|an|his|her|its|their|[A-Z][\w’'\-]*|about|around|nearly|almost|roughly|"
    r"at\s+least|more\s+than|\d[\d,.]*)"
    r"(?:\s+(?!who\b|which\b|that\b)[\w’'.\-]+(?:,\d+)*){0,6}?"
    r"\s+(?:is|are|was|were|has|have|had|will|would|could|may|might|should|must|can)\b"
    # "reported Friday's airstrike targeted military sites": a past tense of an event.
    r"|\s+(?:the|a|an|[A-Z][\w’'\-]*)(?:\s+(?!who\b|which\b|that\b)[\w’'.\-]+){0,4}?"
    r"\s+(?:killed|targeted|hit|struck|destroyed|damaged|injured|wounded|caused|forced)\s"
    # "fear the Hmong, who have been held at a camp, will be persecuted": the subject's
    # relative clause set off by commas, then its verb.
    r"|\s+(?:the|a|an|his|her|its|their|[A-Z][\w’'\-]*)(?:\s+[\w’'.\-]+){0,4}?,\s+(?:who|which)\s"
    r"[^,;:]{3,150}?,\s+(?:is|are|was|were|has|have|had|will|would|could|may|might|should|must|"
    r"can)\b"
)


# "The ministry hopes to open the line by May": a source's stated aim, in the present tense
# ("had hoped to" tells the story of a wish, not what anyone says now).
TO_VERB = re.compile(r"\s+to\s+([a-z]+)\b")


# "The ministry reported 40 new cases", "the firm reported its first loss": a figure or a
# first the source puts on record.
_REPORTED_FIGURE = re.compile(
    r"\s+(?:(?:its|their)\s+first\b|(?:at\s+least\s+|more\s+than\s+|nearly\s+)?\d)"
)


def no_clause_after(sentence: str, end: int, low: str, after: str) -> bool:
    """Whether a verb that reports only a clause ("reported", "confirmed") has none after
    it: "…, the newspaper reported on Monday." reports the clause before it, so its speaker
    must come after that clause. A stated aim ("hopes to open the line") or a figure put on
    record ("reported 40 new cases") is reported as it stands."""
    return (
        low in NEEDS_THAT
        and not THAT.match(after)
        and not that_after_time(sentence, end, low)
        and not CLAUSE_NEXT.match(after)
        and not NP_CLAUSE_NEXT.match(after)
        # "If they strike, he conceded, it would hurt": a parenthesis reports the sentence
        # around it, as ", he said," does.
        and not (after.startswith(",") and _PARENTHESIS_BEFORE.search(sentence, 0, end - len(low)))
        # "hopes to open the line", "proposed to send the relatives": an aim stated.
        and not (
            low in {"hope", "hopes", "proposed", "proposes", "swore", "sworn", "swears"}
            and TO_VERB.match(after)
        )
        and not (
            low in {"reported", "reports", "report"}
            and (_REPORTED_FIGURE.match(after) or _REPORTED_EVENT.match(after))
        )
        # "the elections, which many opposition figures maintain were rigged": the clause
        # reported is the relative's own, its subject the noun before "which".
        and not (
            _FINITE_AFTER.match(after) and _RELATIVE_BEFORE.search(sentence, 0, end - len(low))
        )
    )


# "Activists reported mass killings", "Witnesses reported seeing bodies": an event, or what
# was seen or heard, that the source puts on record.
_REPORTED_EVENT = re.compile(
    r"\s+(?:seeing|hearing|finding|(?:[a-z\-]+\s+){0,2}(?:killings|massacres?|clashes|fighting|"
    r"gunfire|shelling|explosions?|blasts|attacks|casualties|deaths|looting|abuses|air\s*strikes|"
    r"shootings?)\b)"
)
_FINITE_AFTER = re.compile(r"\s+(?:was|were|is|are|had|has|have)\b")
_RELATIVE_BEFORE = re.compile(r"\b(?:which|that)\s+(?:[a-z][\w’'\-]*\s+){0,3}[a-z][\w’'\-]*\s+$")


# ", he conceded" or ", the minister admitted" right before the cue's own comma.
_PARENTHESIS_BEFORE = re.compile(
    r",\s+(?:he|she|they|we|I|it|(?:the\s+)?[A-Z]?[\w.’'\-]+(?:\s+[A-Z][\w.’'\-]+){0,2})\s+$"
)
_DECLARED_ACT = re.compile(
    r"\s+(?:an?\s+|the\s+)?(?:state\s+of\s+(?:emergency|siege)|martial\s+law|war|independence|"
    r"(?:a\s+)?curfew|victory|bankruptcy|(?:a\s+)?(?:national\s+)?(?:holiday|day\s+of\s+mourning)|"
    r"emergency|(?:a\s+)?ceasefire|(?:a\s+)?truce)\b"
)
_ANSWERED_WITH_ACT = re.compile(
    r"\s+with\s+(?!(?:a|an|the|his|her|its|their)?\s*(?:[\w\-]+\s+){0,2}?(?:statements?|remarks?|"
    r"comments?|words|letter|note|tweet|post|denial|message|answer|reply|rebuttal|questions?|"
    r"criticism|warning|call|appeal|plea|defiance|anger|outrage|scorn|dismay)\b)"
)
_SUM_NEXT = re.compile(
    r"\s+(?:(?:some|about|around|nearly|almost|over|more\s+than|up\s+to|another|an\s+additional|"
    r"a\s+further)\s+)?(?:[$€£¥]|\d|(?:hundreds|tens|thousands|millions|billions)\s+of\b|"
    r"(?:a|one|two|three|four|five|ten)\s+(?:hundred|thousand|million|billion)\b)"
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:to|over|amid|about|despite|of|with|after|following|against|among|from)\s+$"
)


def takes_account_before(sentence: str, start: int) -> bool:
    """Whether a verb that takes an account as its object ("repeated", "rejected") stands
    right before ``start``, perhaps with the account's owner named between."""
    return _TAKES_ACCOUNT_BEFORE.search(sentence, max(0, start - 40), start) is not None


_TAKES_ACCOUNT_BEFORE = re.compile(
    r"\b(?:repeated|repeats|renewed|renews|reiterated|reiterates|echoed|echoes|heeded|ignored|"
    r"answered|dismissed|rejected)\s+(?:(?:[A-Z][\w’'\-]*|(?:[A-Z]\.){2,})\s+){0,2}$"
)
# Verbs whose object comes before "of"/"for" ("accused the firm of", "blamed him for").
_OBJECT_FIRST = frozenset(
    "accused charged suspected blamed criticized criticised condemned praised faulted".split()
)
_OF_OR_FOR = re.compile(r"\s+(?:of|for)\b")
# "member states," is a noun; "as the article erroneously states," and "as X states," are verbs.
# A subject pronoun before "says" makes it the verb: "Since then, she says, it has worsened."
_NOUN_BEFORE = re.compile(r"(?<![\w’'\-])(?!(?:as|he|she|they|we|i|it)\s)[a-z]+(?<!ly)\s+$")
_AS_CLAUSE = re.compile(r"\b[Aa]s\s+(?:[\w’'\-]+\s+){0,4}$")
_NOUN_NEXT = re.compile(r"\s*(?:[,.;:)]|$)")
_POSTPOSED_BEFORE = re.compile(
    r"[,”\"]\s+(?:(?:the|a|an|his|her|its|their)\s+)?(?:[\w’'\-]+\s+){0,3}$"
)
_SENTENCE_END = re.compile(r"\s*[.!]\s*$")
AUX_AFTER = re.compile(
    r"\s+(?:was|were|is|are|has|have|had|will|would|could|may|might|should|must|can|cannot)\b"
)
# "what the minister said was …": the auxiliary after the cue is the free relative's verb.
_WHAT_CLAUSE = re.compile(r"\b[Ww]hat\s+(?:[\w’'.\-]+\s+){1,4}$")
# "which observers say was rigged", "who police said was armed": the relative pronoun is the
# subject of the clause after the cue, so an auxiliary there is that clause's verb.
_RELATIVE_CLAUSE = re.compile(r"(?:^|[\s,])(?:which|who|that)\s+(?:[\w’'.\-]+\s+){1,7}$")
_IRREGULAR_PP = frozenset({"told", "said", "thought", "written", "known", "heard"})


# "added 9,000 trucks to the recall", "added a clause to the contract": a counted or
# determined object, then "to", with no verb of a clause between ("added 40 people had died
# due to the fire" reports a clause).
_ADDING_TO = re.compile(r"\s+to\s+(?!(?:reporters|journalists|the\s+press)\b)")
_ADDED_OBJECT = re.compile(
    r"\s+(?:\d[\d,.]*|an?|another|more|several|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"((?:[\w’'\-(),]+\s+){0,6}?)to\s+(?:the|its|their|his|her|an?|this|that)\b"
)


def _added_to(after: str) -> bool:
    if _ADDING_TO.match(after):
        # "adding to a wave of deadly assaults", "added to fears that": "add to" is to
        # increase, with nothing said.
        return True
    m = _ADDED_OBJECT.match(after)
    return m is not None and not any(
        w.lower() in AUXILIARIES or w.lower() in CLAUSE_VERBS for w in m.group(1).split()
    )


_COUNTER_SAYS = re.compile(r"\s*(?:that\b|[,.:;“\"”]|$|(?:on|in)\s+(?:\w+\s+){0,3}?that\b)")
# What follows "states" the noun and never "states" the verb, which takes a clause, a quote or
# nothing after it.
_STATES_NOUN_AFTER = re.compile(
    r"\s+(?:to|and|or|with|from|were|are|have|had|which|who|whose|such)\b"
)


def not_a_saying_verb(sentence: str, start: int, low: str, after: str, before_cue: str) -> bool:
    """Whether a verb cue is no verb of saying here: a thing added ("added 9,000 trucks to
    the recall"), an agentless passive ("is expected to"), a negation ("did not say"), or a
    noun ("Her claims are false", "in three member states, officials said")."""
    if low in {"added", "adds", "add", "adding"} and _added_to(after):
        # "the firm added 9,000 trucks to the recall": a thing added, nothing said.
        return True
    if (low.endswith("ed") or low in _IRREGULAR_PP) and be_before(sentence, start):
        # "is expected to", "were told to": passive without an agent is narration.
        return True
    if low == "demanding" and not be_before(sentence, start):
        # "The protesters were demanding his resignation" reports a demand; "a banner
        # demanding justice", "camped outside, demanding …" describe a scene.
        return True
    if low in _OBJECT_FIRST and _OF_OR_FOR.match(after):
        # "was arrested in February, accused of plotting": these verbs name whom they
        # accuse before "of" or "for", so one right before it is a passive participle.
        return True
    if negated_before(sentence, start):
        # "has not confirmed", "did not say": nothing is attributed.
        return True
    if (
        AUX_AFTER.match(after)
        and not _WHAT_CLAUSE.search(before_cue)
        and not _RELATIVE_CLAUSE.search(sentence, max(0, start - 60), start)
    ):
        # "The storm warning was lifted", "Her claims are false": the cue is a noun.
        return True
    if low == "accused" and before_cue.endswith("the ") and _NOUN_NEXT.match(after):
        # "Von Pov, one of the accused, addressed reporters": the noun, not the verb.
        return True
    if low == "alleged" and attributive_before(before_cue[-10:]):
        # "one of the alleged recipients", "an alleged plot": an adjective on a noun.
        return True
    if low in {"states", "claims", "reports"} and after.startswith(" of "):
        # "The member states of the group came together": a noun with its "of" phrase.
        return True
    if low in {"countered", "counters", "counter"} and not _COUNTER_SAYS.match(after):
        # "The army countered the attack with artillery": an act answered, nothing said;
        # the verb reports with "that", a quote or nothing after it ('…," he countered').
        return True
    if low == "states" and _STATES_NOUN_AFTER.match(after):
        # "a tour of former Soviet bloc states to promote reform": the states visited.
        return True
    if low in {"pledged", "pledges", "pledge", "pledging"} and _SUM_NEXT.match(after):
        # "Donors pledged hundreds of millions of dollars": money given, not words.
        return True
    if low in {"responded", "responds", "reacted", "reacts"} and _ANSWERED_WITH_ACT.match(after):
        # "The government responded with a brutal wave of repression": an act, not words.
        return True
    if low in {"declared", "declares", "declare", "declaring"} and _DECLARED_ACT.match(after):
        # "declared martial law in the province": an act, not words.
        return True
    if low.endswith("s") and _PREPOSITION_BEFORE.search(before_cue):
        # "its slow response to fears its vehicles could accelerate", "amid claims that":
        # after a preposition, a word in -s is a plural noun (an infinitive has no -s).
        return True
    if low.endswith("s") and low != "says" and _TAKES_ACCOUNT_BEFORE.search(before_cue):
        # "Harf repeated U.S. calls for the release", "renewed claims that": the object of
        # a verb that takes an account, perhaps with its owner's name before it.
        return True
    # "in three member states, officials said": a plural noun, not a verb ("says" never is:
    # "The agency that monitors food exports says …"), unless a speaker after a comma ends
    # the sentence with it ("The border will stay shut, the minister insists.").
    return (
        low.endswith("s")
        and low != "says"
        and _NOUN_NEXT.match(after) is not None
        and _NOUN_BEFORE.search(before_cue) is not None
        and not (_POSTPOSED_BEFORE.search(before_cue) and _SENTENCE_END.match(after))
        and not _AS_CLAUSE.search(before_cue)
    )


# A determiner or preposition right before "alleged": the adjective on a noun ("one of the
# alleged recipients", "a report on alleged irregularities"), not the verb ("Hichilema
# alleged that …"). ``hedges`` reads it too: the adjective holds no claim back.
_ATTRIBUTIVE_BEFORE = re.compile(
    r"(?<![\w’'\-])(?:the|a|an|its|their|his|her|our|this|that|these|those"
    r"|on|of|about|over|into|against|for|with|amid|despite|regarding)\s+$",
    re.IGNORECASE,
)


def attributive_before(text: str) -> bool:
    """Whether ``text`` ends in a determiner or preposition that makes the next word an
    adjective on a noun ("over the alleged plot")."""
    return _ATTRIBUTIVE_BEFORE.search(text) is not None


BE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:\w+ly|first|also|then|later|still|even)\s+)?$"
)
# "n’t" is glued to its auxiliary ("didn’t", "hasn’t"), so no word boundary precedes it.
_NEGATED_BEFORE = re.compile(r"(?:\bnot|\bnever|\bcannot|n[’']t)\s+(?:\w+ly\s+)?$")


def be_before(sentence: str, start: int) -> bool:
    """``BE_BEFORE`` at the end of ``sentence[:start]`` ("is expected", "were quickly told").

    The auxiliary is the last word or the one before an adverb, so a match starts no earlier
    than the second-to-last word: searching from there instead of from the sentence's start
    spares ``re`` a match attempt at every earlier character, with the same answer.
    """
    words = sentence[:start].rsplit(None, 2)
    lo = len(words[0]) if len(words) == 3 else 0
    return BE_BEFORE.search(sentence, lo, start) is not None


def negated_before(sentence: str, start: int) -> bool:
    """``_NEGATED_BEFORE`` in the 30 characters before ``start`` ("has not confirmed").

    A match holds one of the negations literally; most windows hold none, and looking for
    them is much cheaper than trying the pattern at every character.
    """
    lo = max(0, start - 30)
    window = sentence[lo:start]
    if (
        "not" not in window
        and "never" not in window
        and "n’t" not in window
        and "n't" not in window
    ):
        return False
    return _NEGATED_BEFORE.search(sentence, lo, start) is not None
