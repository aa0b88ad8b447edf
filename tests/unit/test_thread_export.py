"""Thread export files for ``briefbot summarize-thread``: the shapes Slack and Matrix give."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.thread_export import ThreadExportError, read_thread_export
from briefings.ingest import IngestError, read_report_file

pytestmark = pytest.mark.unit


def write(tmp_path: Path, messages: Any, name: str = "thread.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(messages), encoding="utf-8")
    return path


def users(tmp_path: Path, messages: list[dict[str, Any]]) -> list[str]:
    return [m.user for m in read_thread_export(write(tmp_path, messages))]


def test_a_non_utf8_export_is_refused_in_the_words_ingest_uses(tmp_path: Path) -> None:
    data = '[{"user": "U1", "ts": "1", "text": "Caf\u00e9 talks resumed"}]'.encode("latin-1")
    export = tmp_path / "thread.json"
    export.write_bytes(data)
    report = tmp_path / "thread.txt"
    report.write_bytes(data)
    with pytest.raises(ThreadExportError) as thread_error:
        read_thread_export(export)
    with pytest.raises(IngestError) as ingest_error:
        read_report_file(report)
    reason = f"not valid UTF-8 (byte {data.index(0xE9)}); save the file as UTF-8"
    assert str(thread_error.value) == f"{export}: {reason}"
    assert str(ingest_error.value) == f"{report}: {reason}"


def test_a_utf8_export_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    export = tmp_path / "thread.json"
    export.write_bytes(b"\xef\xbb\xbf" + b'[{"user": "U1", "ts": "1", "text": "Hello."}]')
    assert [m.text for m in read_thread_export(export)] == ["Hello."]


def test_user_ids_and_user_objects_give_the_person(tmp_path: Path) -> None:
    assert users(
        tmp_path,
        [
            {"user": "U01", "ts": "1", "text": "a"},
            {"user": "@ana:example.org", "ts": "2", "text": "b"},
            {"user": {"id": "U02"}, "ts": "3", "text": "c"},
            {"user": {"id": "U03", "name": "bo"}, "ts": "4", "text": "d"},
            {"user": {"name": "cy"}, "ts": "5", "text": "e"},
            {"user": None, "ts": "6", "text": "f"},
            {"ts": "7", "text": "g"},
        ],
    ) == ["U01", "@ana:example.org", "U02", "bo", "cy", "unknown", "unknown"]


def test_a_slack_export_names_each_person_on_every_message(tmp_path: Path) -> None:
    profile = {"real_name": "Dana Hrytsenko", "display_name": "", "name": "dana.h"}
    assert users(
        tmp_path,
        [
            {"user": "U04", "ts": "1", "text": "a"},
            {"user": "U04", "user_profile": profile, "ts": "2", "text": "b"},
            {"user": "U05", "user_name": "eli", "ts": "3", "text": "c"},
            {"user": "U06", "ts": "4", "text": "d"},
        ],
    ) == ["Dana Hrytsenko", "Dana Hrytsenko", "eli", "U06"]


@pytest.mark.parametrize(
    ("user", "shape"),
    [
        (7, "the number 7"),
        (["U01"], "a list"),
        (True, "true"),
        ({"team": "T01"}, "an object with neither"),
    ],
)
def test_any_other_user_is_refused_with_the_message_index(
    tmp_path: Path, user: Any, shape: str
) -> None:
    export = write(
        tmp_path,
        {"messages": [{"user": "U01", "ts": "1", "text": "a"}, {"user": user, "text": "b"}]},
    )
    with pytest.raises(ThreadExportError) as caught:
        read_thread_export(export)
    assert str(caught.value) == (
        f"{export}: message 1: 'user' should be a user id or an object with an 'id' or "
        f"'name', not {shape}"
    )


def test_an_export_over_the_size_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    export = write(tmp_path, [{"user": "U1", "ts": str(n), "text": "x" * 50} for n in range(50)])
    with pytest.raises(ThreadExportError, match="over the size cap of 1,000 bytes"):
        read_thread_export(export, max_bytes=1000)
    # Near miss: under the cap it is read.
    assert len(read_thread_export(export, max_bytes=10_000)) == 50


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("  \n", "the file is empty"),
        ('{"a": 1}', "expected a JSON list of messages, or an object with a 'messages' list"),
    ],
)
def test_an_empty_or_misshapen_export_says_what_is_wrong(
    tmp_path: Path, content: str, message: str
) -> None:
    export = tmp_path / "thread.json"
    export.write_text(content, encoding="utf-8")
    with pytest.raises(ThreadExportError) as err:
        read_thread_export(export)
    assert str(err.value) == f"{export}: {message}"


def test_an_export_nested_too_deeply_is_refused_in_one_line(tmp_path: Path) -> None:
    export = tmp_path / "deep.json"
    export.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(ThreadExportError) as caught:
        read_thread_export(export)
    assert str(caught.value) == f"{export}: the JSON is nested too deeply to read"


def test_an_export_that_is_a_broken_link_says_so(tmp_path: Path) -> None:
    export = tmp_path / "thread.json"
    export.symlink_to("gone.json")
    with pytest.raises(ThreadExportError) as caught:
        read_thread_export(export)
    assert str(caught.value) == f"{export}: a broken symlink (to gone.json, which does not exist)"


def test_a_slack_export_reads_as_slack_shows_it(tmp_path: Path) -> None:
    """Markup decoded, channel notices left out, a wire bot named, a file-only message kept."""
    messages = [
        {"user": "U1", "user_profile": {"real_name": "Dana Ruiz"}, "ts": "1", "text": "hi"},
        {"user": "U9", "subtype": "channel_join", "ts": "2", "text": "<@U9> has joined"},
        {
            "user": "U2",
            "ts": "3",
            "text": "<@U1> see <https://example.org/a|the filing> &amp; the <#C1|desk> notes",
        },
        {
            "subtype": "bot_message",
            "username": "Wire Bot",
            "ts": "4",
            "text": "FLASH: vote delayed",
        },
        {"user": "U1", "ts": "5", "files": [{"name": "map.png"}]},
    ]
    read = read_thread_export(write(tmp_path, {"messages": messages}))
    assert [(m.user, m.text) for m in read] == [
        ("Dana Ruiz", "hi"),
        ("U2", "@Dana Ruiz see the filing (https://example.org/a) & the #desk notes"),
        ("Wire Bot", "FLASH: vote delayed"),
        ("Dana Ruiz", ""),
    ]
