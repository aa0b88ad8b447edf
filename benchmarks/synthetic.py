"""A synthetic news corpus shaped like the seed story, with the rows the engine would derive.

Reports read like the seed report: a dateline, attributed claims (named, official and
anonymous speakers; some hedged), denials of earlier claims, open questions, and background
sentences that name the places a topic's aliases match. The story moves on: each day brings
new facts, a fact stays in the news for a few days and is repeated by other outlets (so
claims cluster across reports), some reports are wire copies of others, and denials target
claims carried earlier. Everything is drawn from a seeded ``random.Random``: the same seed
gives the same corpus, byte for byte.

Besides the text, each report comes with the ``Derived`` rows the generator knows to be in
it (its claims with their story cluster, its denials with the earlier claims they reject,
its questions, entities and topics), so a store of 100k reports can be bulk-loaded in
minutes instead of running the engine over 20M words; ``tests/unit/test_synthetic.py``
checks that the real engine finds the same claims in the generated text.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from briefings.ingest import report_id
from briefings.model import (
    Claim,
    Denial,
    Entities,
    OpenQuestion,
    Report,
    Sentence,
    SpeakerKind,
)
from briefings.store import Derived, claim_id
from briefings.topics import TopicMatcher

REPORTS_PER_DAY = 120
DONBASS_SHARE = 0.6
FACT_LIFETIME_REPORTS = 600  # about five days of news
START_DAY = date(2026, 1, 27)

SPEAKERS: tuple[tuple[str, SpeakerKind], ...] = (
    ("Kremlin spokesperson Dmitry Peskov", "named"),
    ("President Volodymyr Zelensky", "named"),
    ("Foreign Minister Andrii Sybiha", "named"),
    ("Russian Foreign Minister Sergei Lavrov", "named"),
    ("U.S. envoy Steve Witkoff", "named"),
    ("Secretary of State Marco Rubio", "named"),
    ("Ukrainian officials", "official"),
    ("A White House spokesperson", "official"),
    ("The Russian Defence Ministry", "official"),
    ("The Ukrainian General Staff", "official"),
    ("European diplomats", "official"),
    ("Two sources familiar with the talks", "anonymous"),
    ("People with knowledge of the matter", "anonymous"),
    ("A senior Western official", "anonymous"),
)
PEOPLE = {
    "Kremlin spokesperson Dmitry Peskov": "Dmitry Peskov",
    "President Volodymyr Zelensky": "Volodymyr Zelensky",
    "Foreign Minister Andrii Sybiha": "Andrii Sybiha",
    "Russian Foreign Minister Sergei Lavrov": "Sergei Lavrov",
    "U.S. envoy Steve Witkoff": "Steve Witkoff",
    "Secretary of State Marco Rubio": "Marco Rubio",
}
DENIERS: tuple[tuple[str, SpeakerKind], ...] = (
    ("A White House spokesperson", "official"),
    ("Kremlin spokesperson Dmitry Peskov", "named"),
    ("The Ukrainian Foreign Ministry", "official"),
    ("President Volodymyr Zelensky", "named"),
)
SUBJECTS = (
    "Kyiv",
    "Moscow",
    "Washington",
    "the Trump administration",
    "Ukrainian forces",
    "Russian troops",
    "the European Union",
    "the negotiators",
)
PREDICATES = (
    "would withdraw from {place}",
    "has asked for control of {place}",
    "will not accept a ceasefire line near {place}",
    "is ready to discuss security guarantees after a deal on {place}",
    "has moved reserves towards {place}",
    "wants a demilitarized zone around {place}",
    "rejected a proposal to freeze the front near {place}",
    "expects monitors to be deployed in {place}",
)
# Donbass places match the "donbass" topic's aliases; the others keep some reports out of it.
DONBASS_PLACES = ("Donetsk", "Luhansk", "Kramatorsk", "Sloviansk", "Pokrovsk", "Bakhmut", "Donbass")
OTHER_PLACES = ("Kherson", "Zaporizhzhia", "Kharkiv", "Odesa")
TALKS_CITIES = ("Abu Dhabi", "Geneva", "Istanbul", "Riyadh")
OUTLETS = tuple(
    f"{name}"
    for name in (
        "Kyiv Ledger",
        "Eastern Wire",
        "Dnipro Courier",
        "Baltic Monitor",
        "Continental Post",
        "The Steppe Review",
        "Danube Daily",
        "Harbour Gazette",
        "Northern Dispatch",
        "Atlas Newswire",
        "Capital Observer",
        "Frontline Digest",
        "Meridian Times",
        "Carpathian Herald",
        "Union Bulletin",
        "Global Briefing Service",
    )
)
BACKGROUND = (
    "The talks follow months of fighting around {place}.",
    "Kyiv has consistently refused any territorial concessions in {place}.",
    "Residents of {place} reported {n} shelling incidents overnight.",
    "The report follows the latest round of peace talks in {city}.",
    "Both delegations described the atmosphere in {city} as tense.",
    "Aid convoys reached {place} for the {nth} time this month.",
    "Analysts expect security guarantees to dominate the next round.",
    "Power was restored to {n} thousand homes near {place}.",
)


@dataclass
class _Fact:
    content: str
    place: str
    group: str  # the first claim carrying it: the story cluster's id
    members: deque[str] = field(default_factory=lambda: deque(maxlen=8))
    born: int = 0


@dataclass(frozen=True, slots=True)
class SyntheticReport:
    report: Report
    derived: Derived


class SyntheticCorpus:
    """Generates reports in order; ``take(n)`` continues where the last call stopped."""

    def __init__(self, matcher: TopicMatcher, seed: int = 20260127) -> None:
        self.matcher = matcher
        self.rng = random.Random(seed)
        self.count = 0
        self._facts: deque[_Fact] = deque()
        self._recent: deque[SyntheticReport] = deque(maxlen=50)
        self._ids: set[str] = set()

    def take(self, n: int) -> list[SyntheticReport]:
        return [self._next() for _ in range(n)]

    def __iter__(self) -> Iterator[SyntheticReport]:
        while True:
            yield self._next()

    # --- one report -------------------------------------------------------------------------

    def _next(self) -> SyntheticReport:
        rng = self.rng
        index = self.count
        self.count += 1
        while self._facts and index - self._facts[0].born > FACT_LIFETIME_REPORTS:
            self._facts.popleft()
        day = START_DAY + timedelta(days=index // REPORTS_PER_DAY)
        outlet = rng.choice(OUTLETS)
        if self._recent and rng.random() < 0.05:
            made = self._wire_copy(rng.choice(self._recent), outlet, day)
        else:
            made = self._original(index, outlet, day)
        self._recent.append(made)
        return made

    def _original(self, index: int, outlet: str, day: date) -> SyntheticReport:
        rng = self.rng
        # A report is about one front: Donbass (the "donbass" topic) or somewhere else.
        places = DONBASS_PLACES if rng.random() < DONBASS_SHARE else OTHER_PLACES
        while True:
            draft = _Draft(rng, places)
            draft.add(f"KYIV, {day:%d %B} ({outlet}) —", paragraph_break=False)
            claim_facts: list[_Fact] = []
            for _ in range(rng.randint(2, 4)):
                fact = self._pick_fact(index, places)
                claim_facts.append(fact)
                draft.claim(fact.content)
            denied: list[_Fact] = []
            candidates = [f for f in list(self._facts)[-120:] if f.place in places]
            if candidates and rng.random() < 0.3:
                target = rng.choice(candidates)
                if target.members:
                    denied.append(target)
                    draft.denial(target.content, restate=rng.random() < 0.4)
            if rng.random() < 0.25:
                draft.pending(self._pick_fact(index, places, new_only=True).content)
            for _ in range(rng.randint(3, 6)):
                draft.background()
            text = draft.text()
            rid = report_id(text)
            if rid not in self._ids:  # else a collision: draw again (vanishingly rare)
                break
        self._ids.add(rid)
        title = f"{draft.claims[0].speaker} on {claim_facts[0].place}"
        report = Report(id=rid, title=title, text=text, outlet=outlet, published=day.isoformat())
        derived = self._derive(report, draft, claim_facts, denied)
        return SyntheticReport(report, derived)

    def _wire_copy(self, original: SyntheticReport, outlet: str, day: date) -> SyntheticReport:
        text = f"({outlet}) {original.report.text}"
        rid = report_id(text)
        if rid in self._ids:
            return self._original(self.count - 1, outlet, day)
        self._ids.add(rid)
        report = Report(
            id=rid,
            title=original.report.title,
            text=text,
            outlet=outlet,
            published=day.isoformat(),
        )
        source = original.derived
        shift = len(text) - len(original.report.text)
        derived = Derived(
            report_id=rid,
            sentences=[
                Sentence(s.index, s.text, s.start + shift, s.end + shift, s.paragraph)
                for s in source.sentences
            ],
            topics=source.topics,
            claims=source.claims,
            claim_groups=source.claim_groups,
            denials=source.denials,
            denial_targets=source.denial_targets,
            questions=source.questions,
            entities=source.entities,
            duplicate_of=original.report.id,
        )
        return SyntheticReport(report, derived)

    def _pick_fact(self, index: int, places: tuple[str, ...], new_only: bool = False) -> _Fact:
        rng = self.rng
        if not new_only and rng.random() < 0.55:
            recent = [f for f in list(self._facts)[-200:] if f.place in places]
            if recent:
                return rng.choice(recent)
        place = rng.choice(places)
        day = START_DAY + timedelta(days=index // REPORTS_PER_DAY + rng.randint(1, 20))
        content = (
            f"{rng.choice(SUBJECTS)} {rng.choice(PREDICATES).format(place=place)} by {day:%d %B}"
        )
        fact = _Fact(content=content, place=place, group="", born=index)
        if not new_only:
            self._facts.append(fact)
        return fact

    def _derive(
        self, report: Report, draft: _Draft, facts: list[_Fact], denied: list[_Fact]
    ) -> Derived:
        rid = report.id
        groups: list[str] = []
        for i, fact in enumerate(facts):
            cid = claim_id(rid, i)
            if not fact.group:
                fact.group = cid
            groups.append(fact.group)
        claims = list(draft.claims)
        targets: list[tuple[int, str]] = []
        questions: list[OpenQuestion] = []
        for d_index, fact in enumerate(denied):
            targets += [(d_index, cid) for cid in fact.members]
            denial = draft.denials[d_index]
            if draft.restated is not None:
                # the report restates the claim it reports denied: a contested question
                claims.append(draft.restated)
                groups.append(fact.group)
                questions.append(
                    OpenQuestion(
                        question=f"Is “{fact.content}” so? {denial.speaker} denies it.",
                        kind="contested",
                        evidence=(draft.restated.sentence, denial.sentence),
                        claims=(len(claims) - 1,),
                        denials=(d_index,),
                    )
                )
        for sentence in draft.pending_sentences:
            questions.append(
                OpenQuestion(
                    question=f"What comes of it: “{sentence.rstrip('.')}”?",
                    kind="pending",
                    evidence=(sentence,),
                )
            )
        for i, fact in enumerate(facts):
            fact.members.append(claim_id(rid, i))
        people = tuple(dict.fromkeys(PEOPLE[c.speaker] for c in claims if c.speaker in PEOPLE))
        places = tuple(
            dict.fromkeys(
                p for p in (*DONBASS_PLACES, *OTHER_PLACES, *TALKS_CITIES) if p in report.text
            )
        )
        return Derived(
            report_id=rid,
            sentences=draft.sentences,
            topics=self.matcher.match(report.title, report.text),
            claims=claims,
            claim_groups=groups,
            denials=draft.denials,
            denial_targets=targets,
            questions=questions,
            entities=Entities(people=people, places=places),
        )


class _Draft:
    """A report being written: its sentences with offsets, and the items they carry."""

    def __init__(self, rng: random.Random, places: tuple[str, ...]) -> None:
        self.rng = rng
        self.places = places
        self.parts: list[str] = []
        self.sentences: list[Sentence] = []
        self.claims: list[Claim] = []
        self.denials: list[Denial] = []
        self.restated: Claim | None = None
        self.pending_sentences: list[str] = []
        self._length = 0
        self._paragraph = 0

    def add(self, sentence: str, paragraph_break: bool = True) -> int:
        if self.parts:
            joiner = "\n\n" if paragraph_break and self.rng.random() < 0.4 else " "
            if joiner == "\n\n":
                self._paragraph += 1
            self.parts.append(joiner)
            self._length += len(joiner)
        start = self._length
        self.parts.append(sentence)
        self._length += len(sentence)
        index = len(self.sentences)
        self.sentences.append(Sentence(index, sentence, start, self._length, self._paragraph))
        return index

    def claim(self, content: str) -> Claim:
        speaker, kind = self.rng.choice(SPEAKERS)
        hedged = self.rng.random() < 0.3
        if hedged:
            cue, sentence = "believes", f"{speaker} reportedly believes that {content}."
        else:
            cue = self.rng.choice(("said", "told reporters", "claimed"))
            sentence = f"{speaker} {cue} that {content}."
        index = self.add(sentence)
        claim = Claim(sentence, speaker, kind, content, hedged, index, cue.split()[0])
        self.claims.append(claim)
        return claim

    def denial(self, content: str, restate: bool) -> None:
        if restate:
            self.restated = self.claim(content)
            self.claims.pop()  # restated claims are appended after the report's own claims
        speaker, kind = self.rng.choice(DENIERS)
        sentence = f"{speaker} denied that {content}."
        index = self.add(sentence)
        self.denials.append(Denial(sentence, speaker, kind, content, (), index, "denied"))

    def pending(self, content: str) -> None:
        sentence = f"It remains unclear whether {content}."
        self.add(sentence)
        self.pending_sentences.append(sentence)

    def background(self) -> None:
        template = self.rng.choice(BACKGROUND)
        self.add(
            template.format(
                place=self.rng.choice(self.places),
                city=self.rng.choice(TALKS_CITIES),
                n=self.rng.randint(2, 400),
                nth=self.rng.choice(("second", "third", "fourth", "fifth", "sixth")),
            )
        )

    def text(self) -> str:
        return "".join(self.parts)


__all__ = ["SyntheticCorpus", "SyntheticReport"]
