"""Summarize a chat thread with the same care as reports: who claims, disputes, asks, decides.

Chat is written unlike news: lower case after a full stop, several intents in one message
("ok going with AP. dana, call the press office"), quotes pasted in, and chatter between the
work. Each message is cut into sentences at every full stop, question mark, exclamation mark
or line break, whatever case follows; each sentence is one item at most, quoted verbatim: a
disagreement, a decision, an action item, an unanswered question, or else a participant's
claim when it says something checkable. Cues are matched on the sentence with its quoted
text blanked out, so a pasted "I will never sign" is the official's words, not the poster's
promise. No platform I/O here: adapters hand in ``ChatMessage`` values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.lexicon import CHAT_ACTION, CHAT_ASSENT, CHAT_DECISION, CHAT_DISAGREE
from briefings.model import ChatItem, ChatMessage, ThreadSummary
from briefings.similarity import content_terms

__all__ = ["summarize_thread"]


def _any(patterns: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_DISAGREE = _any(CHAT_DISAGREE)
_DECISION = _any(CHAT_DECISION)
_ASSENT = _any(CHAT_ASSENT)
_ACTION = _any(CHAT_ACTION)
_MENTION = re.compile(r"<@(\w+)(?:\|[^>]*)?>|@([\w.\-]+(?::[\w.\-]+)?)")
# A sentence ends at . ? ! (and runs of them) before a space, or at a line break.
_SENTENCE = re.compile(r"[^\n]+?(?:[.?!]+(?=\s)|$)", re.MULTILINE)
# Quoted text, and a line pasted as a quote (Slack's "> …"), blanked out for the cues.
_QUOTED = re.compile(r"\"[^\"\n]*\"|\u201c[^\u201d\n]*\u201d|^\s*(?:>|&gt;).*$", re.MULTILINE)
# A question without its question mark: a question word or an inverted verb first (after a
# lead-in such as "one more:"), as chat often leaves the mark off.
_ASKS = re.compile(
    r"^(?:[\w ]{1,20}:\s*)?(?!(?:how|what) about\b)(?:who|what|when|where|why|how|which|whose|"
    r"(?:does|do|did|is|are|was|were|can|could|will|would|should|has|have|had)\s+"
    r"(?:any(?:one|body)|we|you|they|it|he|she|there|this|that|the)\b|"
    r"any(?:one|body) (?:know|have|got|seen|heard)\b)",
    re.IGNORECASE,
)
# A question of what to do or say ("so what's the line?"), which a decision answers; a
# yes-or-no question ("is there a response yet?") it does not.
_ASKS_WHAT = re.compile(r"^(?:\w+[:,]?\s+){0,3}?(?:what|which|how|who)\b", re.IGNORECASE)
# How a reply that answers a question opens, when it shares no word with it.
_ANSWER_OPENS = re.compile(
    r"^\W*(?:yes|yeah|yep|yup|no|nope|nah|not yet|sure|maybe|probably|possibly|i think|"
    r"i believe|afaik|iirc|as far as|it'?s|it is|it was|they|he|she|we|there|that'?s|"
    r"their|its|his|her|our|"
    r"should be|looks like|according to|per\b|only|just|mostly|both|neither|none|"
    r"around|about|roughly|before|after|since|until|by|\d|\w+:\s|how about|what about|"
    r"let'?s|i'?d (?:say|go|lead|put)|i say|go with|lead with|absolutely|definitely|"
    r"of course|not\b)",
    re.IGNORECASE,
)
_SMALL_TALK = re.compile(
    r"^\W*(?:ok(?:ay)?|k|thanks?(?: you)?|thx|ty|lol|lmao|rofl|haha\w*|yes|yeah|yep|sure|"
    r"cool|great|nice|\+1|hi|hello|hey|morning|good (?:morning|afternoon|evening|night)|"
    r"brb|omg|ugh|oof|wow|me too|same|ha)\b",
    re.IGNORECASE,
)
# A claim says something a reader could check: a name, a number, a source or a saying verb.
_CHECKABLE = re.compile(
    r"\d|(?<=\S\s)[A-Z]|\b(?:says?|said|told|tells|report(?:s|ed)?|according|confirm(?:s|ed)?|"
    r"announce[sd]?|den(?:y|ies|ied)|claim(?:s|ed)?|source[sd]?|officials?|statement)\b"
)
_MIN_CLAIM_WORDS = 4
_LONG_ENOUGH = 8


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for m in _SENTENCE.finditer(text):
        out += _clauses(m.group(0).strip())
    return [s for s in out if s]


# Where chat runs a second intent on after a dash or a semicolon: "nope, that's outdated —
# I'll check the wire". Cut there only when what follows opens as work taken on, asked for
# or decided, so a dash around an aside ("the Kremlin — via TASS — says") stays whole.
_INTENT_BREAK = re.compile(r"\s+[\u2014\u2013]\s+|;\s+|\s+-\s+")


def _clauses(sentence: str) -> list[str]:
    for mark in _INTENT_BREAK.finditer(sentence):
        rest = sentence[mark.end() :]
        cues = _cue_text(rest)
        if _ACTION.match(cues) or _DECISION.match(cues):
            return [sentence[: mark.start()].strip(), *_clauses(rest.strip())]
    return [sentence]


def _cue_text(sentence: str) -> str:
    """The sentence as cues read it: quotes blanked, apostrophes straight."""
    blanked = _QUOTED.sub(lambda m: " " * len(m.group(0)), sentence)
    return blanked.replace("\u2019", "'").replace("\u2018", "'").strip()


def _is_question(sentence: str, cues: str) -> bool:
    return sentence.rstrip().endswith("?") or (
        bool(_ASKS.match(cues)) and not sentence.rstrip().endswith((".", "!"))
    )


def _mentions(text: str) -> set[str]:
    return {(a or b).lower() for a, b in _MENTION.findall(text)}


def _names_of(user: str) -> set[str]:
    """How a mention may name ``user``: the whole id, its local part, its first name."""
    user = user.lower()
    local = user.lstrip("@").split(":")[0]
    return {user, user.lstrip("@"), local, local.split()[0] if local.split() else local}


def _answered(index: int, asker: str, question: str, messages: Sequence[ChatMessage]) -> bool:
    """Whether someone else answered: a later message that names the asker, shares the
    question's words, or replies at once in the form of an answer. Chatter that happens to
    come next ("who ordered the pizza?") answers nothing."""
    terms = content_terms(question)
    asker_names = _names_of(asker)
    for j in range(index + 1, len(messages)):
        later = messages[j]
        if later.user == asker:
            continue
        text = _cue_text(later.text)
        if _mentions(later.text) & asker_names:
            return True
        if terms and len(terms & content_terms(text)) >= max(1, len(terms) // 3):
            return True
        if (
            j <= index + 3
            and _ASKS_WHAT.match(_cue_text(question))
            and any(_DECISION.search(_cue_text(s)) for s in _sentences(later.text))
        ):
            return True  # "what's the line?" … "let's go with …": decided is answered
        first = _sentences(later.text)[:1]
        if (
            j == index + 1
            and first
            and not _is_question(first[0], _cue_text(first[0]))
            and _ANSWER_OPENS.match(_cue_text(first[0]))
        ):
            return True
    return False


def _previous_other(index: int, user: str, messages: Sequence[ChatMessage]) -> int | None:
    for j in range(index - 1, -1, -1):
        if messages[j].user != user:
            return j
    return None


def _proposal(
    index: int, n: int, message: ChatMessage, messages: Sequence[ChatMessage]
) -> ChatItem:
    """What a short "agreed" (sentence ``n`` of ``message``) decides: the sentence before it
    in the same message ("we attribute to officials. Decided."), else the last sentence of
    the message before it by someone else, kept as its author wrote it, and failing both
    the marker itself."""
    own = _sentences(message.text)
    if n > 0:
        return ChatItem(message.user, "decision", own[n - 1], message.ts)
    j = _previous_other(index, message.user, messages)
    if j is not None:
        theirs = _sentences(messages[j].text)
        if theirs:
            return ChatItem(messages[j].user, "decision", theirs[-1], messages[j].ts)
    return ChatItem(message.user, "decision", own[n], message.ts)


def summarize_thread(messages: Sequence[ChatMessage], total: int | None = None) -> ThreadSummary:
    """The summary of ``messages``; ``total`` is the thread's length when only part was read."""
    participants: list[str] = []
    claims: list[ChatItem] = []
    disagreements: list[ChatItem] = []
    questions: list[ChatItem] = []
    decisions: list[ChatItem] = []
    actions: list[ChatItem] = []
    for index, message in enumerate(messages):
        if message.user not in participants:
            participants.append(message.user)
        before = _previous_other(index, message.user, messages)
        replies_to = messages[before].ts if before is not None else None
        for n, text in enumerate(_sentences(message.text or "")):
            cues = _cue_text(text)
            asks = _is_question(text, cues)
            if (
                _DISAGREE.search(cues)
                and not asks
                and (n == 0 or not _opens_with_no(cues))
                and not _answers_with_no(cues, before, messages)
            ):
                disagreements.append(
                    ChatItem(message.user, "disagreement", text, message.ts, replies_to)
                )
            elif not asks and len(cues.split()) <= 5 and _ASSENT.match(cues):
                proposal = _proposal(index, n, message, messages)
                if proposal not in decisions:
                    decisions.append(proposal)
                    _drop(claims, proposal)  # a decision now, not also its author's claim
            elif not asks and _DECISION.search(cues):
                decisions.append(ChatItem(message.user, "decision", text, message.ts))
            elif _ACTION.search(cues) and (not asks or _requests(cues)):
                # "@bo can you send the notes?" asks for work: an action item, not a question.
                actions.append(ChatItem(message.user, "action", text, message.ts))
            elif asks:
                # "both?" or "source?" is a reply in passing, not a question left open.
                if len(text.split()) > 1 and not _answered(index, message.user, text, messages):
                    questions.append(ChatItem(message.user, "question", text, message.ts))
            elif _claims_something(text, cues):
                claims.append(ChatItem(message.user, "claim", text, message.ts))
    read = len(messages)
    return ThreadSummary(
        participants=tuple(participants),
        claims=tuple(claims),
        disagreements=tuple(disagreements),
        open_questions=tuple(questions),
        decisions=tuple(decisions),
        action_items=tuple(actions),
        read=read,
        total=total if total is not None else read,
    )


def _opens_with_no(cues: str) -> bool:
    """A later sentence opening with "no" is usually a statement ("No one called back"),
    not a reply; only a message's first sentence is read as one."""
    return re.match(r"(?:no|nope|nah)\b", cues, re.IGNORECASE) is not None


def _answers_with_no(cues: str, before: int | None, messages: Sequence[ChatMessage]) -> bool:
    """A "no, …" that answers the question just before it is an answer, not a dispute;
    one that goes on to a judgement of its own ("no, that's outdated") is still one."""
    opener = re.match(
        r"(?:no|nope|nah|(?:absolutely|definitely|certainly|of course) not)\b\W*",
        cues,
        re.IGNORECASE,
    )
    if opener is None or before is None or _DISAGREE.search(cues[opener.end() :]):
        return False
    asked = _sentences(messages[before].text)
    return bool(asked) and _is_question(asked[-1], _cue_text(asked[-1]))


def _requests(cues: str) -> bool:
    """A question that asks someone for work: "can/could you …" or one with a mention."""
    return bool(re.search(r"\b(?:can|could|would|will) you\b", cues, re.IGNORECASE)) or bool(
        _MENTION.search(cues)
    )


def _drop(items: list[ChatItem], decided: ChatItem) -> None:
    """Take out the claim a later "agreed" turned into a decision."""
    for item in items:
        if (item.user, item.text, item.ts) == (decided.user, decided.text, decided.ts):
            items.remove(item)
            return


def _claims_something(text: str, cues: str) -> bool:
    """A claim says something a reader could check, or at least says a good deal: chatter
    is short ("my laptop died again") and names nothing."""
    words = len(text.split())
    if words < _MIN_CLAIM_WORDS or _SMALL_TALK.match(cues):
        return False
    return words >= _LONG_ENOUGH or bool(_CHECKABLE.search(cues))
