"""One story across reports: a later report denies the seed's claims, another outlet and its
wire copy carry the same claim, and ``--since`` shows only what changed. Driven through the
``briefbot`` command line on a real store, with update reports written for these tests."""

from __future__ import annotations

import json
import os
import shutil
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from bot.cli import main
from briefings import schema as t
from briefings.brief import build_brief
from briefings.ingest import read_report_file
from briefings.model import Claim, Denial, Extraction, OpenQuestion, Report
from briefings.pipeline import Pipeline
from briefings.render import Renderer
from briefings.store import Store
from briefings.topics import TopicMatcher
from tests.conftest import ROOT, SEED_DIR, make_config

pytestmark = pytest.mark.integration

UPDATES = ROOT / "tests" / "fixtures" / "updates"
DENIAL = UPDATES / "2026-01-29-white-house-official-denies-withdrawal-demand.md"
HARBOR = UPDATES / "2026-01-30-harbor-times-peskov-abu-dhabi.md"
WIRE = UPDATES / "2026-01-30-wire-copy-peskov-abu-dhabi.md"


def write_config(tmp_path: Path) -> Path:
    (tmp_path / "updates").mkdir()
    path = tmp_path / "briefbot.toml"
    path.write_text(
        f"""
[database]
url = "sqlite:///{tmp_path / "briefbot.db"}"
[topics]
file = "{ROOT / "config" / "topics.toml"}"
[seeds]
paths = ["{SEED_DIR}"]
[[sources]]
name = "updates"
kind = "folder"
path = "{tmp_path / "updates"}"
interval = "5m"
""",
        encoding="utf-8",
    )
    return path


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def brief_json(capsys: pytest.CaptureFixture[str], config: Path, *extra: str) -> dict[str, Any]:
    code, out = cli(capsys, "--config", str(config), "brief", "donbass", "--format", "json", *extra)
    assert code == 0
    data: dict[str, Any] = json.loads(out)
    return data


def backdate_everything(database: Path, days: int) -> None:
    """The seed arrived days ago: move every timestamp the store wrote back in time."""
    store = Store.open(f"sqlite:///{database}")
    then = datetime.now(UTC) - timedelta(days=days)
    with store.engine.begin() as conn:
        conn.execute(update(t.reports).values(ingested_at=then, derived_at=then))
        for table in (t.claims, t.denials, t.denial_targets, t.questions):
            conn.execute(update(table).values(created_at=then))
    store.close()


def claim_about(brief: dict[str, Any], words: str) -> dict[str, Any]:
    """The one claim whose first evidence sentence (the verbatim source) has ``words``."""
    found: list[dict[str, Any]] = [
        c for c in brief["claims"] if words in c["evidence"][0]["sentence"]
    ]
    assert len(found) == 1, [c["evidence"][0]["sentence"] for c in brief["claims"]]
    return found[0]


def test_later_reports_deny_count_sources_and_since_shows_only_the_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_config(tmp_path)
    assert cli(capsys, "--config", str(config), "ingest")[0] == 0
    before = brief_json(capsys, config)
    seed_id = before["reports"][0]["id"]
    aid = claim_about(before, "additional military aid")
    assert aid["status"] == "uncontested"
    withdrawal = claim_about(before, "completely withdraw")
    peskov = claim_about(before, "Peskov")
    assert peskov["independent_sources"] == 1
    backdate_everything(tmp_path / "briefbot.db", days=3)

    copied = time.time() - 60  # a minute before the poll: a folder source reads settled files
    for path in (DENIAL, HARBOR, WIRE):
        shutil.copy(path, tmp_path / "updates" / path.name)
        os.utime(tmp_path / "updates" / path.name, (copied, copied))
    code, out = cli(capsys, "--config", str(config), "poll")
    assert code == 0
    assert "updates (folder): 3 new reports" in out

    after = brief_json(capsys, config)
    # The seed's claim of a military-aid offer is now denied by the named official.
    assert claim_about(after, "While Washington has signaled")["status"] == "denied"
    ellery = [d for d in after["denials"] if d["speaker"] == "Martin Ellery"]
    assert {g for d in ellery for g in d["targets"]} >= {withdrawal["id"], aid["id"]}
    assert all(d["evidence"][0]["report"] != seed_id for d in ellery)
    # One claim, three evidence items from three reports, two independent sources: the
    # wire copy repeats the Harbor Times report and counts once.
    story = claim_about(after, "Peskov described")
    assert story["id"] == peskov["id"]
    assert len({e["report"] for e in story["evidence"]}) == 3
    assert story["independent_sources"] == 2

    since = brief_json(capsys, config, "--since", "2d")
    contents = [c["evidence"][0]["sentence"] for c in since["claims"]]
    assert any("While Washington has signaled" in c for c in contents)  # newly denied
    assert not any("Peskov" in c for c in contents)  # old news, only more evidence
    assert not any("Both regions" in c for c in contents)  # untouched seed claim
    assert {d["speaker"] for d in since["denials"]} == {"Martin Ellery"}
    # Every id the brief names is one it shows.
    shown = {c["id"] for c in since["claims"]} | {d["id"] for d in since["denials"]}
    assert {t for d in since["denials"] for t in d["targets"]} <= shown
    assert {i for q in since["open_questions"] for i in q["related"]} <= shown
    titles = {r["title"] for r in since["reports"]}
    assert "White House official says U.S. is not demanding a Donbass withdrawal" in titles

    code, out = cli(
        capsys,
        "--config",
        str(config),
        "digest",
        "--since",
        "2d",
        "--topic",
        "donbass",
        "--format",
        "json",
    )
    assert code == 0
    (topic,) = json.loads(out)["topics"]
    assert topic["claims"] == since["claims"] and topic["denials"] == since["denials"]

    code, out = cli(capsys, "--config", str(config), "status")
    assert "Source updates: last fetch" in out and "next run in" in out


def _script(path: Path, extraction: Extraction) -> tuple[str, Report, Extraction]:
    report = read_report_file(path)
    return report.id, report, extraction


def test_a_later_firm_statement_closes_the_open_question_it_answers(tmp_path: Path) -> None:
    seed = read_report_file(next(SEED_DIR.glob("*.md")))
    denial_report = read_report_file(DENIAL)
    raised = (
        "A White House spokesperson denied the reports, stating that America’s role in the "
        "negotiations is limited to facilitating a deal between both parties."
    )
    answer = (
        "He told reporters that the administration's role in the negotiations is limited to "
        "helping both sides reach a deal."
    )
    scripted = {
        seed.id: Extraction(
            denials=(Denial(raised, "A White House spokesperson", "official", "the reports"),),
            open_questions=(
                OpenQuestion(
                    "Is America’s role in the negotiations limited to facilitating a deal "
                    "between both parties?",
                    "contested",
                    (raised,),
                ),
            ),
        ),
        denial_report.id: Extraction(
            claims=(
                Claim(answer, "Martin Ellery", "named", answer, hedged=False, sentence_index=2),
            )
        ),
    }
    config = make_config(tmp_path)
    store = Store.open(config.database_url)
    pipeline = Pipeline(store, TopicMatcher(config.topics), engine=lambda r: scripted[r.id])
    try:
        pipeline.ingest(seed, "seed")
        (question,) = build_brief(store, "donbass").open_questions
        assert question.closed_by == ()
        moment = datetime.now(UTC)
        pipeline.ingest(denial_report, "update")
        (closed,) = build_brief(store, "donbass", since=moment).open_questions
        assert closed.id == question.id
        assert [(e.report, e.sentence) for e in closed.closed_by] == [(denial_report.id, answer)]
        # Rebuilding everything derived closes it again, the same way.
        pipeline.reindex()
        (again,) = build_brief(store, "donbass").open_questions
        assert [e.sentence for e in again.closed_by] == [answer]
    finally:
        store.close()


def test_an_updated_version_answers_with_its_new_sentences_and_a_copy_with_none(
    tmp_path: Path,
) -> None:
    """A near-copy of a report (a story updated where it stands, a wire copy) is counted as a
    copy, but a sentence it adds can still answer the question the first version left open;
    the sentences it repeats cannot, since they raised it, and raise it no second time."""
    raised = "The talks are expected to resume in Abu Dhabi next week, the delegation said."
    body = (
        "Ukrainian negotiators said on Thursday that the future of the Donbass remained the "
        "main obstacle to a ceasefire after two days of meetings with American envoys. "
        "A member of the delegation said the two sides had exchanged maps of the front line "
        "but had not agreed on where any demilitarized zone would begin. " + raised
    )
    answer = "The talks resumed in Abu Dhabi on Monday, a spokesman for the delegation said."
    first = Report(id="first-version", title="Donbass talks", text=body)
    copy = Report(id="wire-copy", title="Donbass talks", text=body.replace("Thursday", "Thu"))
    updated = Report(id="updated-version", title="Donbass talks", text=body + " " + answer)
    repeated = Claim(raised, "the delegation", "official", raised, hedged=True)
    pending = OpenQuestion("Will the talks resume in Abu Dhabi next week?", "pending", (raised,))
    scripted = {
        first.id: Extraction(claims=(repeated,), open_questions=(pending,)),
        # Each copy raises again the question its repeated sentence raised.
        copy.id: Extraction(claims=(repeated,), open_questions=(pending,)),
        updated.id: Extraction(
            claims=(
                repeated,
                Claim(answer, "a spokesman for the delegation", "official", answer, False),
            ),
            open_questions=(pending,),
        ),
    }
    config = make_config(tmp_path)
    store = Store.open(config.database_url)
    pipeline = Pipeline(store, TopicMatcher(config.topics), engine=lambda r: scripted[r.id])
    try:
        pipeline.ingest(first, "first")
        pipeline.ingest(copy, "copy")
        # One question, not one a copy: the copy raises nothing its original had not.
        (question,) = build_brief(store, "donbass").open_questions
        assert question.closed_by == (), "a copy's repeated sentence answers nothing"

        pipeline.ingest(updated, "updated")
        [row] = store.report_rows([updated.id])
        assert row.duplicate_of in (first.id, copy.id), "still counted as a copy"
        (closed,) = build_brief(store, "donbass").open_questions
        assert [(e.report, e.sentence) for e in closed.closed_by] == [(updated.id, answer)]
    finally:
        store.close()


def test_a_denial_copies_repeat_word_for_word_is_one_denial_cited_by_each(
    tmp_path: Path,
) -> None:
    body = (
        "Ukrainian negotiators said on Thursday that American envoys had urged Kyiv to "
        "withdraw its troops from the Donbass before any ceasefire. The talks in Abu Dhabi "
        "ended without an agreement, and both delegations went home to consult. The White "
        "House's spokesperson denied that the envoys had urged Kyiv to withdraw its troops "
        "from the Donbass."
    )
    original = Report(id="original", title="Envoys and the Donbass", text=body)
    # Another outlet's copy: the day abridged, the apostrophes re-typed.
    copy = Report(
        id="copy",
        title="Envoys and the Donbass",
        text=body.replace("Thursday", "Thu").replace("'", "’"),
    )
    config = make_config(tmp_path)
    store = Store.open(config.database_url)
    pipeline = Pipeline(store, TopicMatcher(config.topics))
    try:
        pipeline.ingest(original, "original")
        moment = datetime.now(UTC)
        pipeline.ingest(copy, "copy")
        # What changed since: the copy repeats a denial already told, which is no news.
        assert build_brief(store, "donbass", since=moment).denials == ()
        brief = build_brief(store, "donbass")
        [denial] = brief.denials
        assert [e.report for e in denial.evidence] == [original.id, copy.id]
        [claim] = [c for c in brief.claims if c.speaker == "Ukrainian negotiators"]
        assert denial.targets == (claim.id,)
        # What a question relates to is the denial the brief shows.
        shown = {claim.id, denial.id}
        assert all(
            set(q.related) <= shown | {c.id for c in brief.claims} for q in brief.open_questions
        )
        assert any(denial.id in q.related for q in brief.open_questions)
        # The list of reports says which is a copy of which, on every platform.
        assert [(r.id, r.copy_of) for r in brief.reports] == [
            (original.id, None),
            (copy.id, original.id),
        ]
        renderer = Renderer()
        assert f"({copy.id}), a copy of [1]" in renderer.markdown(brief)
        assert "(outlet unknown, a copy of [1])" in json.dumps(renderer.slack(brief))
        assert "(outlet unknown, a copy of [1])" in renderer.matrix(brief)[-1]["body"]
    finally:
        store.close()


def test_a_question_two_reports_raise_in_the_same_words_is_listed_once(tmp_path: Path) -> None:
    pending = "The talks in Abu Dhabi are expected to resume next week, the delegation said."
    first = Report(
        id="first",
        title="Donbass talks",
        text="Ukrainian negotiators met American envoys in Abu Dhabi over the Donbass. " + pending,
    )
    second = Report(
        id="second",
        title="Ceasefire in the Donbass",
        text="Shelling went on overnight along the Donbass front line, officials in Kyiv said. "
        + pending,
    )
    config = make_config(tmp_path)
    store = Store.open(config.database_url)
    pipeline = Pipeline(store, TopicMatcher(config.topics))
    try:
        pipeline.ingest(first, "first")
        pipeline.ingest(second, "second")
        asked = [
            q for q in build_brief(store, "donbass").open_questions if pending[:20] in q.question
        ]
        [question] = asked
        assert [e.report for e in question.evidence] == [first.id, second.id]
    finally:
        store.close()


def test_a_copy_that_retypes_apostrophes_and_line_breaks_repeats_the_same_sentences(
    tmp_path: Path,
) -> None:
    """A wire copy re-types apostrophes and re-wraps lines: its repeated sentences are still
    the original's, so they neither answer the question they raised nor raise it again, and
    a claim both carry in words that are mostly the topic's own is still one claim."""
    body = (
        "Officials said Kyiv's talks in Abu Dhabi would resume next week in a new format. "
        "Kyiv has consistently refused any territorial concessions in Donbass. "
        "Ukrainian negotiators met American envoys for two days without an agreement on "
        "the front line."
    )
    original = Report(id="original", title="Donbass talks", text=body)
    copy = Report(
        id="copy",
        title="Donbass talks",
        text=body.replace("Kyiv's", "Kyiv’s").replace("next week in", "next week\nin")
        + " The Kremlin later said Moscow was ready to discuss new proposals on Donbass soon.",
    )
    config = make_config(tmp_path)
    store = Store.open(config.database_url)
    pipeline = Pipeline(store, TopicMatcher(config.topics))
    try:
        pipeline.ingest(original, "original")
        pipeline.ingest(copy, "copy")
        [row] = store.report_rows([copy.id])
        assert row.duplicate_of == original.id
        brief = build_brief(store, "donbass")
        resume = [q for q in brief.open_questions if "resume next week" in q.question]
        assert len(resume) == 1, [q.question for q in brief.open_questions]
        assert resume[0].closed_by == (), "its own sentence again does not answer it"
        [refused] = [c for c in brief.claims if c.speaker == "Kyiv"]
        assert [e.report for e in refused.evidence] == [original.id, copy.id]
        assert refused.independent_sources == 1
    finally:
        store.close()


def test_an_updated_version_is_a_copy_however_many_reports_came_between(
    tmp_path: Path,
) -> None:
    """Copies of late are found among the newest 200 reports; an article read again from
    the same URL is checked against its earlier versions whenever they came."""
    body = (
        "Ukrainian negotiators said on Thursday that American envoys had urged Kyiv to "
        "withdraw its troops from the Donbass before any ceasefire. The talks in Abu Dhabi "
        "ended without an agreement, and both delegations went home to consult."
    )
    url = "https://example.org/news/envoys"
    original = Report(id="original", title="Envoys and the Donbass", text=body, url=url)
    updated = Report(
        id="updated",
        title="Envoys and the Donbass",
        text=body + " The Kremlin later said Moscow was ready to discuss new proposals.",
        url=url,
    )
    config = make_config(tmp_path)
    store = Store.open(config.database_url)
    pipeline = Pipeline(store, TopicMatcher(config.topics))
    try:
        pipeline.ingest(original, "original", url)
        for n in range(205):
            filler = f"The weather in town {n} was mild on day {n}, and people walked in park {n}."
            pipeline.ingest(Report(id=f"filler-{n}", title=f"Weather {n}", text=filler), "f")
        pipeline.ingest(updated, "updated", url)
        [row] = store.report_rows([updated.id])
        assert row.duplicate_of == original.id
        [claim] = [c for c in build_brief(store, "donbass").claims if "envoys" in c.content]
        assert claim.independent_sources == 1
    finally:
        store.close()


def _links(tmp_path: Path, order: list[Path], name: str) -> set[tuple[str, str]]:
    """(denial sentence, claim sentence) of every denial link after ingesting ``order``."""
    store = Store.open(f"sqlite:///{tmp_path / name}")
    config = make_config(tmp_path)
    pipeline = Pipeline(store, TopicMatcher(config.topics))
    try:
        reports = [read_report_file(path) for path in order]
        for report in reports:
            pipeline.ingest(report, report.id)
        ids = [r.id for r in reports]
        denials = {d.id: d.denial.sentence for d in store.denials_for(ids)}
        claims = {c.id: c.claim.sentence for c in store.claims_for(ids)}
        return {(denials[d], claims[c]) for d, c, _at in store.targets_of(list(denials))}
    finally:
        store.close()


def test_denial_links_do_not_depend_on_the_order_reports_arrive_in(tmp_path: Path) -> None:
    # A feed may deliver the denial before the report whose claim it rejects.
    seed = next(SEED_DIR.glob("*.md"))
    forward = _links(tmp_path, [seed, DENIAL, HARBOR], "forward.db")
    backward = _links(tmp_path, [DENIAL, HARBOR, seed], "backward.db")
    assert forward
    assert backward == forward
