"""The ``briefbot`` command line end to end, as a user runs it: a real process, a real store."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

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
        "i-notes.pdf": "unsupported file type",
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


def test_extract_reads_stdin(env: dict[str, str]) -> None:
    result = run(["extract", "-"], env, stdin="The minister said the border would reopen.\n")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"claims", "denials", "open_questions", "entities"}


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
    assert "no annotated report could be read" in done.stderr
    assert "Traceback" not in done.stderr


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


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
