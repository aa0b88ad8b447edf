"""Accounts that a denial spells out and no claim of the report gives: "The ministry denied
reports that troops opened fire on protesters."

The reports are a source the denial itself names, and what they say is spelled out in its
that-clause; when no other sentence of the report attributes that account to anyone, the
reports are listed as a claim of their own so that the denial has something to reject (the
corpus convention: "listed so that the official's denial has a target"). A denial that
already rejects a claim of the report, or whose account is owned by a source ("Iran's
accusations") or pointed back to ("the charges"), adds nothing: that source's own words are
elsewhere in the report, or the account was given before.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from briefings.model import Claim, Denial
from briefings.speaker_kinds import classify_speaker
from briefings.speaker_names import tidy_speaker

__all__ = ["with_implied_accounts"]

# "reports that …", "news reports that …", "a U.S. media report that …", "accusations from
# Congo and U.N. monitors that …", "charges by India's home minister that …". Group 1 is the
# account as a source, group 2 whoever the account is by, group 3 what it says.
_SPELLED_ACCOUNT = re.compile(
    r"^(?:(?:a|an|some|recent|new|fresh|repeated|persistent|widespread)\s+)?"
    r"((?:[\w.\-]+\s+){0,3}?"
    r"(?:reports?|rumou?rs?|allegations?|accusations?|claims?|charges?|suggestions?|"
    r"speculation|stories|story|conjectures?|insinuations?|theories|theory))"
    # Owned by a named source ("by Venezuelan President Hugo Chavez"): that source is the
    # speaker. Up to eight words, none of them "that" (the clause would start there).
    r"(?:\s+(?:by|from)\s+((?:(?!that\b)[\w.\-’']+\s+){0,7}?(?!that\b)[\w.\-’']+))?"
    r"\s+that\s+(\S.*)$",
    re.DOTALL,
)
# Words before the account noun that make it someone's or one already given: "Iran's
# accusations", "their allegations", "the charges", "these reports", "any claims".
_BACK_WORDS = frozenset(
    "the these those such this that their his her its our your my any all".split()
)
_POSSESSIVE = ("’s", "'s", "s’", "s'")


# "claims that I have seen circulate": a relative clause about the account, not its content.
_RELATIVE = re.compile(r"^(?:I|we|you|they)\s+(?:have\s+|had\s+)?(?:seen|heard|read)\b")
# "a report that blamed the mine", "allegations that surfaced last week": "that" opens a
# relative clause about the account when a verb follows it straight away.
_RELATIVE_VERB = re.compile(
    r"^(?:said|says|say|blamed|blames|accused|accuses|claimed|claims|alleged|alleges|suggested|"
    r"suggests|showed|shows|appeared|appears|emerged|emerges|surfaced|circulated|circulate|"
    r"quoted|quotes|cited|cites|described|describes|named|names|linked|links|called|calls|was|"
    r"were|is|are|has|had|have|came|comes|first|spread|spreads|[a-z]+ed\s+(?:the|a|an|his|her|"
    r"its|their|this|that|these|those)|[a-z]+ed\s+(?:on|in|at|by|over|last|this|earlier)\b)\b"
)
# "despite some media reports, there are no plans …": the account the counter-claim answers.
_DESPITE_REPORTS = re.compile(
    r"\b(?:despite|contrary\s+to)\s+((?:(?:some|recent|the|media|news|press|many|several)\s+){0,3}"
    r"reports)\s*,",
    re.IGNORECASE,
)


def with_implied_accounts(
    claims: list[Claim], denials: list[Denial], people: Mapping[str, str]
) -> tuple[list[Claim], list[Denial]]:
    """``claims`` with the accounts that untargeted denials spell out, and ``denials`` with
    those accounts as their targets (claim indices renumbered in sentence order)."""
    implied: list[tuple[int, Claim]] = []
    for i, denial in enumerate(denials):
        if denial.targets:
            continue
        claim = _implied_claim(denial, people)
        if claim is not None:
            implied.append((i, claim))
    if not implied:
        return claims, denials
    # Each implied claim goes after the claims of sentences before or at its own sentence,
    # so the list keeps its reading order; the old indices shift past it.
    merged: list[tuple[int, int, Claim]] = [(c.sentence_index, 0, c) for c in claims]
    merged += [(c.sentence_index, 1, c) for _, c in implied]
    order = sorted(range(len(merged)), key=lambda k: (merged[k][0], merged[k][1], k))
    new_index = {old: new for new, old in enumerate(order)}
    out_claims = [merged[k][2] for k in order]
    owner = {i: new_index[len(claims) + n] for n, (i, _) in enumerate(implied)}
    out_denials: list[Denial] = []
    for i, d in enumerate(denials):
        targets = tuple(sorted(new_index[t] for t in d.targets))
        if i in owner:
            targets = (owner[i],)
        out_denials.append(
            Denial(
                d.sentence, d.speaker, d.speaker_kind, d.denied, targets, d.sentence_index, d.cue
            )
        )
    return out_claims, out_denials


def _implied_claim(denial: Denial, people: Mapping[str, str]) -> Claim | None:
    """The claim of the account ``denial`` spells out, or None when it names none."""
    denied = denial.denied.strip()
    m = _SPELLED_ACCOUNT.match(denied)
    if m is not None and not _owned_or_back(denial.sentence, denied, m.end(1)):
        content = m.group(3).rstrip(" .,;:")
        if _RELATIVE.match(content) or _RELATIVE_VERB.match(content) or len(content.split()) < 3:
            return None
        by = m.group(2)
        speaker = tidy_speaker(by, people) if by else m.group(1)
        kind = classify_speaker(speaker, people) if by else "anonymous"
        noun = m.group(1).split()[-1]
        return Claim(denial.sentence, speaker, kind, content, True, denial.sentence_index, noun)
    despite = _DESPITE_REPORTS.search(denial.sentence)
    if despite is not None and denied:
        return Claim(
            denial.sentence,
            despite.group(1),
            "anonymous",
            denied,
            True,
            denial.sentence_index,
            "reports",
        )
    return None


def _owned_or_back(sentence: str, denied: str, noun_end: int) -> bool:
    """Whether the account noun of ``denied`` is someone's or one already given; the word
    before the span counts too ('"Any charges that …' names no account given)."""
    at = sentence.find(denied)
    before = sentence[:at].split()[-1:] if at > 0 else []
    words = [w.strip("“\"‘'(") for w in before + denied[:noun_end].split()]
    for k, w in enumerate(words):
        if w.lower() == "the" and k + 1 < len(words) and words[k + 1][:1].isupper():
            # "the Western conjecture that …": a first mention named by its source.
            continue
        if w.lower() in _BACK_WORDS or w.endswith(_POSSESSIVE):
            return True
    return False
