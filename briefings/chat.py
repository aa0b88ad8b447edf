"""Summarize a chat thread with the same rules as reports: who claims, disputes, asks, decides.

Each message is split into sentences; each sentence is one item of the summary at most,
quoted verbatim: a disagreement ("that's not true", "no, ...", "I disagree"), a decision
("let's go with", "we agreed"), an action item ("I'll ...", "@x can you ...", "TODO"), an
unanswered question (nobody replied to it afterwards) or else a participant's claim. No
platform I/O here: adapters hand in ``ChatMessage`` values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.lexicon import CHAT_ACTION, CHAT_DECISION, CHAT_DISAGREE
from briefings.model import ChatItem, ChatMessage, ThreadSummary
from briefings.segment import split_sentences
from briefings.similarity import content_terms

__all__ = ["summarize_thread"]


def _any(patterns: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_DISAGREE = _any(CHAT_DISAGREE)
_DECISION = _any(CHAT_DECISION)
_ACTION = _any(CHAT_ACTION)
_MENTION = re.compile(r"@([\w.\-]+)")
_SMALL_TALK = re.compile(
    r"^\W*(?:ok(?:ay)?|k|thanks?(?: you)?|thx|ty|lol|haha|yes|yeah|yep|sure|cool|great|nice|"
    r"\+1|hi|hello|hey|morning|good (?:morning|afternoon|evening))\b[\W\w]{0,12}$",
    re.IGNORECASE,
)
_MIN_CLAIM_WORDS = 4


def _answered(index: int, asker: str, question: str, messages: Sequence[ChatMessage]) -> bool:
    """A later message by someone else that follows at once, mentions the asker or shares words."""
    terms = content_terms(question)
    for j in range(index + 1, len(messages)):
        later = messages[j]
        if later.user == asker:
            continue
        if j == index + 1:
            return True
        if asker.lower() in (m.lower() for m in _MENTION.findall(later.text)):
            return True
        if terms and len(terms & content_terms(later.text)) >= max(1, len(terms) // 3):
            return True
    return False


def _previous_other(index: int, user: str, messages: Sequence[ChatMessage]) -> str | None:
    for j in range(index - 1, -1, -1):
        if messages[j].user != user:
            return messages[j].ts
    return None


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
        replies_to = _previous_other(index, message.user, messages)
        for sentence in split_sentences(message.text or ""):
            text = sentence.text
            first = sentence.index == 0
            if _DISAGREE.search(text) and (first or not text.lower().startswith("no")):
                disagreements.append(
                    ChatItem(message.user, "disagreement", text, message.ts, replies_to)
                )
            elif _DECISION.search(text):
                decisions.append(ChatItem(message.user, "decision", text, message.ts))
            elif _ACTION.search(text) and (
                not text.rstrip().endswith("?") or _MENTION.search(text) is not None
            ):
                # "@bo can you send the notes?" asks for work: an action item, not a question.
                actions.append(ChatItem(message.user, "action", text, message.ts))
            elif text.rstrip().endswith("?"):
                if not _answered(index, message.user, text, messages):
                    questions.append(ChatItem(message.user, "question", text, message.ts))
            elif len(text.split()) >= _MIN_CLAIM_WORDS and not _SMALL_TALK.match(text):
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
