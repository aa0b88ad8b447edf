"""The ``briefbot`` command line end to end, as a user runs it: a real process, a real store."""

from __future__ import annotations

import codecs
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.commands import HELP_TEXT, parse_command
from bot.config import load_config
from bot.handler import CommandHandler
from briefings.ledger import Follow
from briefings.render import Renderer
from briefings.store import Store
from briefings.topics import TopicMatcher
from tests.conftest import closed_port

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]

GOOD_MD = """+++
title = "Harbour talks stall"
outlet = "Example Wire"
published = 2026-02-02
+++
Negotiators in Donetsk met again on Monday.

A regional spokesman said the talks would continue next week.
"""
GOOD_TXT = "Ceasefire monitors report shelling\n\nMonitors said shelling near Luhansk continued.\n"
GOOD_JSON = json.dumps(
    {
        "id": "anything",
        "title": "Envoy expects deal",
        "outlet": "Example Daily",
        "published": "2026-02-03",
        "text": "The envoy said a peace deal on Donbas was close.",
        "gold": {"claims": []},
    }
)


def run(
    args: list[str], env: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "briefbot.toml"
    config.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "cli.db"}"\n'
        f'[topics]\nfile = "{ROOT / "config" / "topics.toml"}"\n'
        f'[seeds]\npaths = ["{ROOT / "seeds"}"]\n'
        "[ingest]\nmax_bytes = 20000\n",
        encoding="utf-8",
    )
    environ = {
        k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "SLACK_", "MATRIX_"))
    }
    environ["BRIEFBOT_CONFIG"] = str(config)
    return environ


def test_ingest_mixed_folder_adds_good_explains_bad_and_is_idempotent(
    tmp_path: Path, env: dict[str, str]
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "a-good.md").write_text(GOOD_MD, encoding="utf-8")
    (drop / "b-good.txt").write_text(GOOD_TXT, encoding="utf-8")
    (drop / "c-good.json").write_text(GOOD_JSON, encoding="utf-8")
    (drop / "d-empty.txt").write_bytes(b"")
    (drop / "e-binary.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    (drop / "f-latin1.txt").write_bytes("Déclaration du porte-parole".encode("latin-1"))
    (drop / "g-huge.txt").write_bytes(b"words " * 5000)
    (drop / "h-broken.md").write_text('+++\ntitle = "x\n+++\nBody.\n', encoding="utf-8")
    (drop / "i-notes.pdf").write_bytes(b"%PDF-1.4")

    first = run(["ingest", str(drop)], env)
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert sum(line.startswith("added") for line in lines) == 3
    expected = {
        "d-empty.txt": "empty",
        "e-binary.txt": "binary",
        "f-latin1.txt": "not valid UTF-8",
        "g-huge.txt": "over the size cap",
        "h-broken.md": "line 2",
        # In a folder as for a single file, the types that are read are named.
        "i-notes.pdf": "unsupported file type '.pdf' (briefbot reads .md, .markdown, .txt",
    }
    for name, reason in expected.items():
        line = next(line for line in lines if name in line)
        assert line.startswith("rejected") and reason in line, line
    assert "3 added, 0 unchanged, 6 rejected." in first.stderr

    second = run(["ingest", str(drop)], env)
    assert second.returncode == 0
    assert "0 added, 3 unchanged, 6 rejected." in second.stderr

    only_bad = tmp_path / "bad"
    only_bad.mkdir()
    (only_bad / "empty.txt").write_bytes(b"")
    assert run(["ingest", str(only_bad)], env).returncode == 1
    assert run(["ingest", str(tmp_path / "missing")], env).returncode == 1


def test_ingest_reads_utf32_with_a_byte_order_mark_and_still_refuses_binary(
    tmp_path: Path, env: dict[str, str]
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    little = "Monitors report shelling\r\nMonitors said shelling near Luhansk continued.\r\n"
    big = "Envoy expects a deal\nThe envoy said a peace deal on Donbas was close.\n"
    (drop / "a-utf32le.txt").write_bytes(("\ufeff" + little).encode("utf-32-le"))
    (drop / "b-utf32be.txt").write_bytes(("\ufeff" + big).encode("utf-32-be"))
    noise = random.Random(32).randbytes(4096)
    assert b"\x00" in noise
    (drop / "c-random.txt").write_bytes(noise)
    (drop / "d-marked-random.txt").write_bytes(codecs.BOM_UTF32_LE + noise)

    done = run(["ingest", str(drop)], env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["added", "added", "rejected", "rejected"]
    assert lines[2].endswith("c-random.txt: this looks like a binary file, not text")
    assert "d-marked-random.txt: not valid UTF-32 (byte " in lines[3]
    assert "2 added, 0 unchanged, 2 rejected." in done.stderr

    store = store_of(env)
    try:
        reports = sorted(store.iter_reports(), key=lambda report: report.title)
    finally:
        store.close()
    assert [(r.title, r.text) for r in reports] == [
        (
            "Envoy expects a deal",
            "Envoy expects a deal\n\nThe envoy said a peace deal on Donbas was close.",
        ),
        (
            "Monitors report shelling",
            "Monitors report shelling\n\nMonitors said shelling near Luhansk continued.",
        ),
    ]


def test_a_report_dated_with_no_date_is_rejected_and_the_store_keeps_the_rest(
    tmp_path: Path, env: dict[str, str]
) -> None:
    assert run(["ingest"], env).returncode == 0
    bad = tmp_path / "undated.md"
    bad.write_text(GOOD_MD.replace("published = 2026-02-02", 'published = "soon"'), "utf-8")
    result = run(["ingest", str(bad)], env)
    assert result.returncode == 1
    assert result.stdout == (
        f"rejected   {bad}: 'published' should be a date like 2026-01-27 (or 2026-01, 2026, "
        'or an ISO date-time like 2026-01-27T09:30:00Z), not "soon"\n'
    )
    brief = json.loads(run(["brief", "donbass", "--format", "json"], env).stdout)
    assert [r["published"] for r in brief["reports"]] == ["2026-01-27"]


def test_seed_brief_in_every_format(env: dict[str, str]) -> None:
    assert run(["ingest"], env).returncode == 0
    markdown = run(["brief", "donbass"], env)
    assert markdown.returncode == 0, markdown.stderr
    assert "A White House spokesperson denied the reports" in markdown.stdout
    assert "Open questions" in markdown.stdout

    data = json.loads(run(["brief", "donbass", "--format", "json"], env).stdout)
    assert data["topic"] == "donbass" and data["reports"][0]["published"] == "2026-01-27"
    assert data["claims"] and data["denials"] and data["open_questions"]
    seed_text = (ROOT / "seeds").glob("*.md").__next__().read_text(encoding="utf-8")
    for item in data["claims"] + data["denials"] + data["open_questions"]:
        for evidence in item["evidence"]:
            assert evidence["sentence"] in seed_text, "evidence must be verbatim"

    slack = json.loads(run(["brief", "donbass", "--format", "slack"], env).stdout)
    assert slack and all(len(m["blocks"]) <= 50 for m in slack)
    matrix = json.loads(run(["brief", "donbass", "--format", "matrix"], env).stdout)
    assert matrix[0]["msgtype"] == "m.notice" and matrix[0]["formatted_body"]

    digest = run(["digest"], env)
    assert digest.returncode == 0 and "donbass" in digest.stdout


def test_unknown_topic_suggests_and_fails(env: dict[str, str]) -> None:
    result = run(["brief", "donbas"], env)
    assert result.returncode == 0, "an alias resolves to its topic"
    result = run(["brief", "donbasss"], env)
    assert result.returncode == 1
    assert "Did you mean donbass" in result.stderr


def test_empty_topic_says_so(env: dict[str, str]) -> None:
    result = run(["brief", "ukraine-peace-talks"], env)
    assert result.returncode == 0
    assert "No reports on this topic yet." in result.stdout


def test_topics_lists_aliases_and_counts(env: dict[str, str]) -> None:
    run(["ingest"], env)
    result = run(["topics"], env)
    assert "donbass  (1 report)" in result.stdout
    assert "Lugansk" in result.stdout
    # The words a topic of general aliases requires are listed with it.
    assert "    only with one of: Ukraine, Ukrainian" in result.stdout


def test_extract_reads_stdin(env: dict[str, str]) -> None:
    result = run(["extract", "-"], env, stdin="The minister said the border would reopen.\n")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"claims", "denials", "open_questions", "entities"}


def test_extract_markdown_escapes_the_reports_text(env: dict[str, str]) -> None:
    # The report is untrusted: its words may not ping a channel, plant a link or HTML
    # where the Markdown is pasted or rendered, as in `brief --format markdown`.
    hostile = (
        "Officials said <!channel> the plan is [a trap](http://x.example) and @room must act "
        "<script>x</script>.\n"
    )
    result = run(["extract", "-", "--format", "markdown"], env, stdin=hostile)
    assert result.returncode == 0, result.stderr
    claim = result.stdout.splitlines()[1]
    assert claim.startswith("- **Officials** (official): ")
    assert "\\<!channel\\>" in claim and "\\[a trap\\]" in claim and "\\<script\\>" in claim
    assert "@room" not in result.stdout and "@\u2060room" in result.stdout


def test_extract_keeps_a_text_files_headline_out_of_its_first_sentence(
    env: dict[str, str], tmp_path: Path
) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "Pumping station back in service\n"
        "The mayor of Sloviansk said water was flowing again on Tuesday.\n",
        encoding="utf-8",
    )
    result = run(["extract", str(report)], env)
    assert result.returncode == 0, result.stderr
    (claim,) = json.loads(result.stdout)["claims"]
    assert claim["sentence"] == "The mayor of Sloviansk said water was flowing again on Tuesday."


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_ingest_and_extract_refuse_a_fifo_at_once_in_one_line(
    env: dict[str, str], tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    ingested = run(["ingest", str(fifo)], env)
    assert ingested.returncode == 1
    assert ingested.stdout == f"rejected   {fifo}: not a regular file (a FIFO)\n"
    extracted = run(["extract", str(fifo)], env)
    assert (extracted.returncode, extracted.stdout) == (1, "")
    assert extracted.stderr == f"briefbot: {fifo}: not a regular file (a FIFO)\n"


def test_summarize_thread_reads_user_objects_and_explains_bad_exports(
    env: dict[str, str], tmp_path: Path
) -> None:
    thread = tmp_path / "thread.json"
    message = {"ts": "1", "text": "The engineers said the pumping station was repaired."}
    thread.write_text(json.dumps([{**message, "user": {"id": "U01"}}]), encoding="utf-8")
    done = run(["summarize-thread", str(thread), "--format", "json"], env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["participants"] == ["U01"]

    thread.write_text(json.dumps([message, {**message, "user": 42}]), encoding="utf-8")
    done = run(["summarize-thread", str(thread)], env)
    assert done.returncode == 1
    assert done.stderr == (
        f"briefbot: {thread}: message 1: 'user' should be a user id or an object with an 'id' "
        "or 'name', not the number 42\n"
    )

    latin1 = '[{"user": "U01", "ts": "1", "text": "Caf\u00e9"}]'.encode("latin-1")
    thread.write_bytes(latin1)
    done = run(["summarize-thread", str(thread)], env)
    assert done.returncode == 1
    assert done.stderr == (
        f"briefbot: {thread}: not valid UTF-8 (byte {latin1.index(0xE9)}); save the file as UTF-8\n"
    )


def test_bad_config_fails_with_file_and_key(tmp_path: Path, env: dict[str, str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        f'[topics]\nfile = "{ROOT / "config" / "topics.toml"}"\n[fetch]\ntimeout = "soon"\n',
        encoding="utf-8",
    )
    result = run(["topics"], {**env, "BRIEFBOT_CONFIG": str(bad)})
    assert result.returncode == 2
    assert f"{bad}: fetch.timeout: expected a number of seconds" in result.stderr


def test_reindex_and_status(env: dict[str, str]) -> None:
    run(["ingest"], env)
    before = json.loads(run(["brief", "donbass", "--format", "json"], env).stdout)
    assert run(["reindex"], env).stdout.strip() == "Reindexed 1 report."
    after = json.loads(run(["brief", "donbass", "--format", "json"], env).stdout)
    for data in (before, after):
        data.pop("generated_at")
    assert before == after
    status = run(["status"], env)
    assert status.returncode == 0 and "1 report stored." in status.stdout


def test_eval_skips_stray_files_and_names_them(env: dict[str, str], tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.json").write_text(GOOD_JSON, encoding="utf-8")
    (corpus / "scores.json").write_text('{"files": 3}', encoding="utf-8")
    done = run(["eval", str(corpus), "--json"], env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["files"] == 1
    assert "scores.json" in done.stderr and "not an annotated report" in done.stderr

    (corpus / "report.json").unlink()
    done = run(["eval", str(corpus)], env)
    assert done.returncode == 1
    assert "scores.json" in done.stderr and "not an annotated report" in done.stderr
    assert f"no annotated reports (*.json with text and gold) in {corpus}" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("extra", [None, "notes.md"])
def test_eval_of_a_folder_without_reports_fails_instead_of_scoring_nothing(
    env: dict[str, str], tmp_path: Path, extra: str | None
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    if extra:
        (corpus / extra).write_text("Not a report in the corpus format.\n", encoding="utf-8")
    for args in (["eval", str(corpus)], ["eval", str(corpus), "--json"]):
        done = run(args, env)
        assert done.returncode == 1
        assert done.stdout == ""
        assert done.stderr == (
            f"briefbot: no annotated reports (*.json with text and gold) in {corpus}\n"
        )


# --- the chat grammar on the command line ------------------------------------------------


def store_of(env: dict[str, str]) -> Store:
    """The store the CLI of ``env`` writes to (the config names a SQLite file)."""
    config = Path(env["BRIEFBOT_CONFIG"])
    return Store.open(f"sqlite:///{config.parent / 'cli.db'}")


def without_clock(markdown: str) -> str:
    """A brief without the minute it was generated, which two runs need not share."""
    return re.sub(r"Generated \d{4}-\d\d-\d\d \d\d:\d\d UTC", "Generated", markdown)


def test_a_topic_with_since_answers_what_brief_answers_in_chat(env: dict[str, str]) -> None:
    assert run(["ingest"], env).returncode == 0
    chat = run(["donbass", "since:2026-01-20"], env)
    assert chat.returncode == 0, chat.stderr
    assert "What changed since 2026-01-20 00:00 UTC" in chat.stdout
    assert "A White House spokesperson denied the reports" in chat.stdout

    # the answer of Slack's and Matrix's handler to the same words, rendered for a terminal
    store = store_of(env)
    try:
        config = load_config(env["BRIEFBOT_CONFIG"])
        handler = CommandHandler(store, TopicMatcher(config.topics))
        answer = handler.handle(parse_command("donbass since:2026-01-20"), "slack:C0DESK")
        expected = Renderer().render(answer, "markdown") + "\n"
    finally:
        store.close()
    assert without_clock(chat.stdout) == without_clock(expected)

    option = run(["brief", "donbass", "--since", "2026-01-20"], env)
    word = run(["brief", "donbass", "since:2026-01-20"], env)
    assert word.returncode == 0, word.stderr
    assert without_clock(word.stdout) == without_clock(option.stdout) == without_clock(expected)
    later = run(["brief", "donbass", "since:2099-01-01"], env).stdout
    assert "What changed since 2099-01-01 00:00 UTC" in later and "Nothing new since then." in later
    # The since word may come after an option too, as users type it.
    after_option = run(["brief", "donbass", "--format", "json", "since:2099-01-01"], env)
    assert after_option.returncode == 0, after_option.stderr
    assert json.loads(after_option.stdout)["since"].startswith("2099-01-01")

    unknown = run(["donbasss", "since:2d"], env)
    assert unknown.returncode == 1 and unknown.stdout == ""
    assert unknown.stderr.strip().splitlines() == [
        "briefbot: There is no topic 'donbasss'. Did you mean donbass?",
        *HELP_TEXT.splitlines(),
    ], "the chat grammar answers an unknown word as Slack and Matrix do, with the commands"


def test_a_since_before_the_year_1000_is_shown_with_four_digits(env: dict[str, str]) -> None:
    """strftime's %Y wrote year 1 as "1": "What changed since 1-01-01 00:00 UTC"."""
    assert run(["ingest"], env).returncode == 0
    shown = {
        "markdown": "What changed since 0001-01-01 00:00 UTC.",
        "slack": "Since 0001-01-01 00:00 UTC",
        "matrix": "(since 0001-01-01 00:00 UTC)",
    }
    for form, line in shown.items():
        done = run(["brief", "donbass", "--since", "0001-01-01", "--format", form], env)
        assert done.returncode == 0, done.stderr
        assert line in done.stdout, form
        assert " 1-01-01" not in done.stdout
    html = run(["brief", "donbass", "--since", "0001-01-01", "--format", "matrix"], env).stdout
    assert "<em>What changed since 0001-01-01 00:00 UTC</em>" in html
    chat = run(["donbass", "since:0999-12-31"], env)
    assert "What changed since 0999-12-31 00:00 UTC." in chat.stdout, chat.stderr
    digest = run(["digest", "--since", "0001-01-01"], env)
    assert "What changed since 0001-01-01 00:00 UTC." in digest.stdout, digest.stderr


def test_brief_of_a_huge_unknown_word_quotes_it_clipped(env: dict[str, str]) -> None:
    """The chat path clipped such a word to 40 characters; `brief` echoed all 10 kB."""
    result = run(["brief", "x" * 10_000], env)
    assert result.returncode == 1 and result.stdout == ""
    assert (
        result.stderr == f"briefbot: There is no topic '{'x' * 39}…'. Send `topics` to list them.\n"
    )


def test_a_malformed_since_word_after_brief_is_one_line_and_a_usage_error(
    env: dict[str, str],
) -> None:
    wrong = run(["brief", "donbass", "since:soon"], env)
    assert wrong.returncode == 2 and wrong.stdout == ""
    assert wrong.stderr.strip().splitlines() == [
        "briefbot: 'soon' is not a time: use a duration like 2d, 36h, 90m, or a date like "
        "2026-01-20."
    ]
    twice = run(["brief", "donbass", "since:2d", "--since", "2d"], env)
    assert twice.returncode == 2
    assert "give the time once" in twice.stderr


@pytest.mark.parametrize("command", ["brief donbass", "digest"])
def test_an_empty_since_is_refused_not_read_as_no_limit(env: dict[str, str], command: str) -> None:
    # `--since "$WHEN"` with WHEN unset gave the whole brief, exit 0, as if no limit was asked.
    result = run([*command.split(), "--since", ""], env)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("briefbot: --since: '' is not a time")


def test_brief_takes_an_alias_of_several_words_as_chat_does(env: dict[str, str]) -> None:
    result = run(["brief", "peace", "talks", "--format", "json", "since:2d"], env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["topic"] == "ukraine-peace-talks"
    twice = run(["brief", "donbass", "since:2d", "since:3d"], env)
    assert twice.returncode == 2 and "give the time once" in twice.stderr


def test_help_is_the_shared_help_and_the_subcommands(env: dict[str, str]) -> None:
    asked = run(["help"], env)
    assert asked.returncode == 0, asked.stderr
    for line in HELP_TEXT.splitlines():
        assert line in asked.stdout
    for subcommand in ("ingest", "summarize-thread", "eval", "reindex", "run"):
        assert re.search(rf"^\s+{subcommand}\s", asked.stdout, re.MULTILINE), subcommand

    documented = run(["--help"], env)
    assert documented.returncode == 0
    assert "briefbot follow donbass at 08:00 Europe/Kyiv" in documented.stdout
    assert "briefbot donbass since:2d" in documented.stdout
    assert "since:2d" in run(["brief", "--help"], env).stdout


@pytest.mark.parametrize(
    ("words", "reason"),
    [
        (["donbass", "please"], "'please' is not understood"),
        (["donbass", "--soon"], "'--soon' is not understood"),
        (["follow", "donbass", "at", "25:00"], "'25:00' is not a time of day"),
        (["unfollow"], "Say which topic to unfollow"),
        (["<!channel>"], "'<!channel>' is not a topic name"),
    ],
)
def test_unknown_input_prints_help_on_stderr_and_fails(
    env: dict[str, str], words: list[str], reason: str
) -> None:
    result = run(words, env)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"briefbot: {reason}")
    assert "follow <topic> [at HH:MM] [Area/City]" in result.stderr
    assert "Traceback" not in result.stderr


def test_follow_and_unfollow_store_a_digest_for_stdout(env: dict[str, str]) -> None:
    followed = run(["follow", "donbass", "at", "08:00", "Europe/Kyiv"], env)
    assert followed.returncode == 0, followed.stderr
    assert "Following donbass here: a digest every day at 08:00 (Europe/Kyiv)" in followed.stdout
    assert "standard output of `briefbot run`" in followed.stderr
    store = store_of(env)
    try:
        assert store.follows() == [Follow("stdout", "donbass", "08:00", "Europe/Kyiv", "chat")]
    finally:
        store.close()

    assert run(["follow", "donbasss"], env).returncode == 1, "an unknown topic is not followed"
    unfollowed = run(["unfollow", "Donbas"], env)
    assert unfollowed.returncode == 0, unfollowed.stderr
    assert "Stopped the daily digest of donbass here." in unfollowed.stdout
    store = store_of(env)
    try:
        assert store.follows() == []
    finally:
        store.close()
    again = run(["unfollow", "donbass"], env)
    assert again.returncode == 0 and "does not follow donbass" in again.stdout


def test_subcommands_win_over_the_chat_words_they_share(env: dict[str, str]) -> None:
    run(["ingest"], env)
    for words in (["topics"], ["Topics"]):
        assert "donbass  (1 report)" in run(words, env).stdout, "the subcommand's own listing"
    for words in (["status"], ["STATUS"]):
        assert "1 report stored." in run(words, env).stdout
    assert run(["topics", "now"], env).returncode == 2, "the subcommand's own usage error"


STORE_COMMANDS = [
    ["ingest"],
    ["brief", "donbass"],
    ["digest"],
    ["topics"],
    ["reindex"],
    ["status"],
    ["poll"],
    ["run"],
]


def assert_one_line(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if "briefbot:" in line]
    for words in expected:
        assert words in line, line


@pytest.mark.parametrize("command", STORE_COMMANDS, ids=lambda c: c[0])
def test_every_store_command_names_a_bad_database_url_in_one_line(
    command: list[str], env: dict[str, str]
) -> None:
    result = run(command, {**env, "BRIEFBOT_DATABASE_URL": "not a url"})
    assert_one_line(result, "BRIEFBOT_DATABASE_URL", "not a database URL", "sqlite:///")


def test_bad_database_urls_say_what_is_wrong_and_never_the_password(
    tmp_path: Path, env: dict[str, str]
) -> None:
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_text("These are notes, not a database.\n" * 100, encoding="utf-8")
    port = closed_port()
    cases = {
        "mysql://briefbot:s3cret-pw@127.0.0.1/news": ("unsupported database driver", "mysql"),
        "oracle+nosuchdriver://x": ("unsupported database driver", "postgresql+psycopg://"),
        f"sqlite:///{not_a_database}": (str(not_a_database), "not a database"),
        "sqlite:///:memory:": ("in-memory SQLite store", "give a file"),
        f"postgresql+psycopg://briefbot:s3cret-pw@127.0.0.1:{port}/news": (
            f"cannot connect to postgresql+psycopg://briefbot:***@127.0.0.1:{port}/news",
            "refused",
        ),
    }
    for url, expected in cases.items():
        result = run(["topics"], {**env, "BRIEFBOT_DATABASE_URL": url})
        assert_one_line(result, "BRIEFBOT_DATABASE_URL: ", *expected)
        assert "s3cret-pw" not in result.stderr + result.stdout


def test_a_bad_database_url_in_the_config_file_names_the_file_and_key(
    tmp_path: Path, env: dict[str, str]
) -> None:
    config = tmp_path / "db.toml"
    config.write_text(
        '[database]\nurl = "mysql://briefbot:s3cret-pw@db/news"\n'
        f'[topics]\nfile = "{ROOT / "config" / "topics.toml"}"\n',
        encoding="utf-8",
    )
    result = run(["status"], {**env, "BRIEFBOT_CONFIG": str(config)})
    assert_one_line(result, f"{config}: database.url: ", "unsupported database driver")
    assert "s3cret-pw" not in result.stderr
    # The near miss: the same file with a good URL works.
    good = f'[database]\nurl = "sqlite:///{tmp_path / "good.db"}"\n'
    config.write_text(good + config.read_text().split("\n", 2)[2], encoding="utf-8")
    assert run(["status"], {**env, "BRIEFBOT_CONFIG": str(config)}).returncode == 0


def test_run_with_a_homeserver_but_no_credentials_stops_before_anything_runs(
    tmp_path: Path, env: dict[str, str]
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "update.md").write_text(GOOD_MD, encoding="utf-8")
    config = Path(env["BRIEFBOT_CONFIG"])
    config.write_text(
        config.read_text(encoding="utf-8")
        + f'[matrix]\nstate_dir = "{tmp_path / "matrix"}"\n'
        + f'[[sources]]\nname = "drop"\nkind = "folder"\npath = "{drop}"\ninterval = "1m"\n',
        encoding="utf-8",
    )
    homeserver = f"http://127.0.0.1:{closed_port()}"
    result = run(["run"], {**env, "MATRIX_HOMESERVER": homeserver})
    assert_one_line(result, "MATRIX_HOMESERVER is set", "MATRIX_ACCESS_TOKEN or MATRIX_PASSWORD")
    # The scheduler never started: the folder source was not polled.
    assert "(0 reports)" in run(["topics"], env).stdout


def test_a_store_from_a_newer_briefbot_is_one_line_not_a_traceback(
    env: dict[str, str], tmp_path: Path
) -> None:
    assert run(["topics"], env).returncode == 0
    with sqlite3.connect(tmp_path / "cli.db") as conn:
        conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    result = run(["topics"], env)
    assert_one_line(result, "schema version 999, newer than this briefbot", "upgrade briefbot")


def test_an_unknown_first_word_with_more_after_it_is_named_as_no_topic(
    env: dict[str, str],
) -> None:
    result = run(["frobnicate", "the", "thing"], env)
    assert result.returncode == 1
    assert result.stderr.startswith("briefbot: There is no topic 'frobnicate'.")
    assert "Traceback" not in result.stderr


def test_ingest_into_a_read_only_store_says_so_in_one_line(
    tmp_path: Path, env: dict[str, str]
) -> None:
    (tmp_path / "a.md").write_text(GOOD_MD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD_TXT, encoding="utf-8")
    assert run(["ingest", str(tmp_path / "a.md")], env).returncode == 0
    url = f"sqlite:///file:{tmp_path / 'cli.db'}?mode=ro&uri=true"
    read_only = {**env, "BRIEFBOT_DATABASE_URL": url}
    assert run(["topics"], read_only).returncode == 0, "a read-only store can be read"
    result = run(["ingest", str(tmp_path / "b.txt")], read_only)
    assert result.returncode == 1
    assert_one_line(result, f"cannot write to {url}: the store is read-only")
