"""A long report is read in sections: whole below the threshold, cut at paragraph breaks
above it, and its items put back into one extraction with the whole report's indices."""

from __future__ import annotations

from briefings.extract import extract
from briefings.sections import SECTION_WORDS, plan_sections
from briefings.segment import split_sentences

# One paragraph with a claim, the denial that rejects it, and a pending matter.
UNIT = (
    "Russian officials said Ukraine had agreed to withdraw its troops from the Donbass region. "
    "Kyiv denied that it had agreed to any withdrawal, calling the report false. "
    "Talks are expected to continue next week in Geneva, a diplomat said on condition of "
    "anonymity."
)


def _long(words: int, separator: str = "\n\n") -> str:
    copies = words // len(UNIT.split()) + 1
    return separator.join([UNIT] * copies)


def test_a_news_length_report_is_one_section_with_its_own_sentences() -> None:
    text = "\n\n".join([UNIT] * 20)
    sentences = split_sentences(text)
    (section,) = plan_sections(text, sentences)
    assert section.text == text
    assert section.sentences == sentences


def test_a_long_report_is_cut_at_paragraph_breaks_into_sections_that_cover_it() -> None:
    text = _long(3 * SECTION_WORDS)
    sentences = split_sentences(text)
    sections = plan_sections(text, sentences)
    assert len(sections) == 3
    covered = [s.text for section in sections for s in section.sentences]
    assert covered == [s.text for s in sentences]
    for section in sections:
        assert section.sentences[0].index == 0
        assert section.sentences[0].paragraph == 0
        assert section.text.startswith("Russian officials said")  # a paragraph's start
        assert all(s.text == section.text[s.start : s.end] for s in section.sentences)
        assert all(i == s.index for i, s in enumerate(section.sentences))
    for section in sections[:-1]:
        words = len(section.text.split())
        assert SECTION_WORDS <= words < SECTION_WORDS + len(UNIT.split())


def test_a_long_paragraph_without_breaks_is_still_cut_between_sentences() -> None:
    text = _long(3 * SECTION_WORDS, separator=" ")
    sentences = split_sentences(text)
    assert len({s.paragraph for s in sentences}) == 1
    sections = plan_sections(text, sentences)
    assert len(sections) == 2
    assert len(sections[0].text.split()) >= SECTION_WORDS * 3 // 2
    assert sections[1].text.startswith("Russian officials said")


def test_a_long_report_keeps_every_item_each_with_the_whole_reports_indices() -> None:
    text = _long(3 * SECTION_WORDS)
    copies = text.count("Russian officials said")
    one = extract(UNIT)
    got = extract(text)
    sentences = split_sentences(text)
    sections = plan_sections(text, sentences)
    section_of: list[int] = []
    for number, section in enumerate(sections):
        section_of += [number] * len(section.sentences)
    assert len(sections) == 3

    assert len(got.claims) == copies * len(one.claims)
    assert len(got.denials) == copies * len(one.denials)
    for claim in got.claims:
        assert sentences[claim.sentence_index].text == claim.sentence
    for denial in got.denials:
        assert sentences[denial.sentence_index].text == denial.sentence
        assert denial.targets
        for t in denial.targets:
            # What the denial rejects is the claim it answers, not a sentence of it.
            assert got.claims[t].speaker == "Russian officials"
            # Every copy of the account in its own section, and none in another.
            assert section_of[got.claims[t].sentence_index] == section_of[denial.sentence_index]
    for question in got.open_questions:
        assert all(e in text for e in question.evidence)
        assert all(0 <= c < len(got.claims) for c in question.claims)
        assert all(0 <= d < len(got.denials) for d in question.denials)
    # The first paragraph, read as the start of a long report, gives what it gives alone.
    assert got.claims[: len(one.claims)] == one.claims
    assert got.denials[0].sentence == one.denials[0].sentence
    assert got.denials[0].denied == one.denials[0].denied
    assert set(one.denials[0].targets) <= set(got.denials[0].targets)
    assert {q.kind for q in got.open_questions} == {q.kind for q in one.open_questions}
    assert got.entities == one.entities


def test_a_section_reads_names_introduced_in_an_earlier_one() -> None:
    opening = "Kremlin spokesman Dmitry Peskov spoke to reporters in Moscow on Monday.\n\n"
    filler = "\n\n".join(["The weather in the region was cold and the roads were icy."] * 1000)
    text = f"{opening}{filler}\n\nPeskov said the talks would continue next week."
    assert len(plan_sections(text, split_sentences(text))) > 1
    (claim,) = extract(text).claims
    assert claim.speaker == "Dmitry Peskov"
    assert claim.speaker_kind == "named"
