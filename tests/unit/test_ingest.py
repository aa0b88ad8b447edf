"""Reading reports from files: every format, and every kind of bad input with its reason."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from briefings import ingest
from briefings.ingest import (
    IngestError,
    parse_html,
    parse_json,
    parse_markdown,
    parse_plain,
    read_report_file,
    report_id,
)
from briefings.pipeline import run_engine
from briefings.segment import split_sentences

pytestmark = pytest.mark.unit


def test_markdown_front_matter_gives_metadata_and_keeps_text() -> None:
    text = (
        '+++\ntitle = "Talks resume"\noutlet = "Example Wire"\n'
        'published = 2026-02-01\nlanguage = "en"\n+++\n'
        "Negotiators met again on Monday.\nA spokesman said progress was slow.\n"
    )
    report = parse_markdown(text, "a.md")
    assert report.title == "Talks resume"
    assert report.outlet == "Example Wire"
    assert report.published == "2026-02-01"
    assert report.text == "Negotiators met again on Monday.\nA spokesman said progress was slow."


def test_front_matter_error_names_file_and_line() -> None:
    text = '+++\ntitle = "ok"\noutlet = = "broken"\n+++\nBody.\n'
    with pytest.raises(IngestError, match=r"^bad\.md:3: front matter is not valid TOML"):
        parse_markdown(text, "bad.md")


def test_unclosed_front_matter_is_rejected() -> None:
    with pytest.raises(IngestError, match="never closed"):
        parse_markdown('+++\ntitle = "x"\nBody without end\n', "open.md")


def test_plain_text_title_is_first_line() -> None:
    report = parse_plain("\n\nHeadline here\n\nFirst paragraph.\n")
    assert report.title == "Headline here"
    assert report.text.startswith("Headline here")


HEADLINE = "Bridge talks falter as both sides trade accusations"
LEAD = "Regional governor Oksana Melnyk said the army had shelled the bridge at Siversk twice."
DENIAL = "A Defence Ministry spokesman denied that claim, saying no unit was near the river."


def test_plain_text_headline_does_not_open_the_first_sentence(tmp_path: Path) -> None:
    path = tmp_path / "bridge.txt"
    path.write_text(f"{HEADLINE}\n{LEAD}\n{DENIAL}\n", encoding="utf-8")
    report = read_report_file(path)
    assert report.title == HEADLINE
    assert [s.text for s in split_sentences(report.text)] == [HEADLINE, LEAD, DENIAL]
    assert [c.sentence for c in run_engine(report).claims] == [LEAD]
    # The text changed only in whitespace: a file stored before keeps its id.
    assert report.id == report_id(f"{HEADLINE}\n{LEAD}\n{DENIAL}")


@pytest.mark.parametrize(
    "first_line",
    [
        "Officials said the bridge at Siversk reopened on Monday.",  # a sentence: its own already
        "Regional governor Oksana Melnyk said the army",  # a sentence wrapped onto the next line
        "KYIV (Example Wire) -",  # a dateline belongs to the sentence it opens
        "The governor told reporters:",  # introduces what follows
    ],
)
def test_a_first_line_that_ends_a_sentence_or_runs_on_is_left_as_it_is(first_line: str) -> None:
    following = "had shelled it twice." if first_line.endswith("army") else LEAD
    text = f"{first_line}\n{following}"
    assert parse_plain(text).text == text


def test_markdown_heading_without_front_matter_stands_apart() -> None:
    report = parse_markdown(f"# {HEADLINE}\n{LEAD}\n", "bridge.md")
    assert report.title == HEADLINE
    assert [c.sentence for c in run_engine(report).claims] == [LEAD]


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("2026-02-01", "2026-02-01"),  # a TOML date
        ("2026-02-01T08:15:00Z", "2026-02-01T08:15:00+00:00"),  # a TOML date-time
        ("2026", "2026"),  # a bare year
        ('"2026"', "2026"),
        ('"2026-02"', "2026-02"),
        ('"2026-02-01"', "2026-02-01"),
        ('"2026-02-01T08:15:00Z"', "2026-02-01T08:15:00Z"),
        ('"2026-02-01T10:15:00+02:00"', "2026-02-01T10:15:00+02:00"),
        ('""', None),
    ],
)
def test_published_keeps_the_precision_of_any_real_date(written: str, stored: str | None) -> None:
    text = f"+++\npublished = {written}\n+++\nThe mayor said the road was open.\n"
    assert parse_markdown(text, "a.md").published == stored


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ('"not-a-date"', '"not-a-date"'),
        ('"last Tuesday"', '"last Tuesday"'),
        ('"2026-13"', '"2026-13"'),
        ('"2026-02-30"', '"2026-02-30"'),
        ('"01/02/2026"', '"01/02/2026"'),
        ("08:15:00", "the time 08:15:00"),
        ("true", "true"),
        ("[2026]", "a list"),
    ],
)
def test_a_published_value_that_is_no_date_is_refused(written: str, shown: str) -> None:
    text = f"+++\npublished = {written}\n+++\nThe mayor said the road was open.\n"
    with pytest.raises(IngestError) as caught:
        parse_markdown(text, "bad.md")
    assert str(caught.value) == (
        "bad.md: 'published' should be a date like 2026-01-27 (or 2026-01, 2026, or an ISO "
        f"date-time like 2026-01-27T09:30:00Z), not {shown}"
    )


def test_a_json_report_with_no_date_in_published_is_refused() -> None:
    data = {"title": "T", "published": "soon", "text": "Officials said the deal was close."}
    with pytest.raises(IngestError, match=r"^r\.json: 'published' should be a date"):
        parse_json(json.dumps(data), "r.json")


def test_json_report_ignores_annotation_keys() -> None:
    data = {
        "id": "x",
        "title": "T",
        "outlet": "O",
        "url": "https://example.org/a",
        "published": "2025-03",
        "text": "Officials said the deal was close.",
        "gold": {"claims": []},
        "notes": "ignored",
    }
    report = parse_json(json.dumps(data))
    assert (report.title, report.outlet, report.published) == ("T", "O", "2025-03")
    assert report.url == "https://example.org/a"


def test_json_without_text_is_rejected() -> None:
    with pytest.raises(IngestError, match="no 'text'"):
        parse_json('{"title": "no body"}', "x.json")
    with pytest.raises(IngestError, match=r"x\.json:1: not valid JSON"):
        parse_json("{nope", "x.json")


def test_html_main_text_and_metadata_are_extracted() -> None:
    paragraphs = "".join(
        f"<p>Paragraph {n}: the minister said on Tuesday that talks would continue "
        f"next week in Geneva, according to officials familiar with the plans.</p>"
        for n in range(6)
    )
    html = (
        "<html><head><title>Talks to continue | Example News</title>"
        '<meta property="og:site_name" content="Example News">'
        '<meta property="article:published_time" content="2026-02-03T10:00:00Z">'
        "</head><body><nav>Home | World | Sports</nav>"
        f"<article><h1>Talks to continue</h1>{paragraphs}</article>"
        "<footer>Copyright</footer></body></html>"
    )
    report = parse_html(html, "page.html", url="https://news.example.org/talks")
    assert "the minister said on Tuesday" in report.text
    assert "Home | World" not in report.text
    assert report.outlet == "Example News"
    assert report.published == "2026-02-03"


def test_html_headline_byline_and_subheading_stand_apart_from_the_text() -> None:
    html = (
        f"<html><head><title>{HEADLINE}</title></head><body><nav>Home | World</nav>"
        f"<article><h1>{HEADLINE}</h1><p>By Iryna Koval</p><p>{LEAD}</p>"
        f"<h2>Moscow answers</h2><p>{DENIAL}</p>"
        "<p>Engineers said the crossing would stay closed for at least a week.</p></article>"
        "</body></html>"
    )
    report = parse_html(html, "bridge.html")
    sentences = [s.text for s in split_sentences(report.text)]
    assert sentences[:5] == [HEADLINE, "By Iryna Koval", LEAD, "Moscow answers", DENIAL]
    extraction = run_engine(report)
    assert extraction.claims[0].sentence == LEAD
    assert [d.sentence for d in extraction.denials] == [DENIAL]
    # Paragraphs that end in a full stop keep their single line break.
    assert f"{DENIAL}\nEngineers said" in report.text


def test_html_without_article_is_rejected() -> None:
    with pytest.raises(IngestError, match="no article text"):
        parse_html("<html><body><nav>menu</nav></body></html>", "empty.html")


def test_same_content_same_id_whatever_the_whitespace() -> None:
    assert report_id("A  claim.\r\nMore.") == report_id("A claim. More.")
    assert report_id("A claim.") != report_id("Another claim.")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\n ", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin1.txt", "Caf\u00e9 talks".encode("latin-1"), "not valid UTF-8"),
        ("notes.docx", b"PK\x03\x04", "unsupported file type"),
    ],
)
def test_bad_files_are_rejected_with_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(IngestError, match=reason) as caught:
        read_report_file(path)
    assert str(path) in str(caught.value)


def test_oversized_file_is_rejected_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 1000)
    with pytest.raises(IngestError, match="over the size cap of 100 bytes"):
        read_report_file(path, max_bytes=100)


def test_utf8_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffTitle line\r\nBody said.\r\n".encode())
    report = read_report_file(path)
    assert report.title == "Title line"
    assert "\r" not in report.text


def test_a_folder_given_as_one_report_says_it_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as err:
        read_report_file(tmp_path)
    assert str(err.value) == f"{tmp_path}: is a folder; give one report file"


def test_dash_front_matter_of_flat_keys_gives_the_same_metadata() -> None:
    # Many Markdown tools write "key: value" between "---" lines; read as the TOML block is.
    text = (
        '---\ntitle: "Talks resume"\noutlet: Example Wire\npublished: 2026-02-01\n---\n'
        "Negotiators met again on Monday.\nA spokesman said progress was slow.\n"
    )
    report = parse_markdown(text, "a.md")
    assert (report.title, report.outlet, report.published) == (
        "Talks resume",
        "Example Wire",
        "2026-02-01",
    )
    assert report.text == "Negotiators met again on Monday.\nA spokesman said progress was slow."


@pytest.mark.parametrize(
    "text",
    [
        # Near misses: a rule with prose after it, and a block that is not "key: value".
        "---\nNegotiators met again on Monday. A spokesman said progress was slow.\n",
        "---\nNegotiators met again\n---\nA spokesman said progress was slow.\n",
    ],
)
def test_a_dash_line_that_opens_no_front_matter_stays_text(text: str) -> None:
    assert "Negotiators met again" in parse_markdown(text, "a.md").text


DEEP = 100_000  # far past Python's recursion limit, some 200 kB of brackets


def test_a_json_report_nested_too_deeply_is_refused_in_one_line() -> None:
    with pytest.raises(IngestError) as caught:
        parse_json("[" * DEEP + "]" * DEEP, "deep.json")
    assert str(caught.value) == "deep.json: the JSON is nested too deeply to read"


def test_front_matter_nested_too_deeply_is_refused_in_one_line() -> None:
    text = "+++\nx = " + "[" * DEEP + "]" * DEEP + "\n+++\nThe mayor said the road was open.\n"
    with pytest.raises(IngestError) as caught:
        parse_markdown(text, "deep.md")
    assert str(caught.value) == "deep.md: front matter is nested too deeply to read"


def test_a_number_of_thousands_of_digits_is_refused_in_one_line() -> None:
    digits = "1" * 5000
    with pytest.raises(IngestError) as caught:
        parse_json(
            f'{{"title": "t", "text": "The mayor said so.", "published": {digits}}}', "n.json"
        )
    assert str(caught.value) == "n.json: the JSON has a number of more than 4,300 digits"
    with pytest.raises(IngestError) as caught:
        parse_markdown(f"+++\npublished = {digits}\n+++\nThe mayor said so.\n", "n.md")
    assert str(caught.value) == "n.md: front matter has a number of more than 4,300 digits"
    # In hexadecimal TOML reads it; as a date it is refused without printing it.
    with pytest.raises(IngestError, match=r"not a number of more than 60 digits$"):
        parse_markdown(f"+++\npublished = 0x{'f' * 5000}\n+++\nThe mayor said so.\n", "h.md")


def test_a_nul_byte_anywhere_in_a_text_file_makes_it_binary(tmp_path: Path) -> None:
    path = tmp_path / "late.txt"
    path.write_bytes(b"Title\n" + b"The mayor said so. " * 1000 + b"\x00 and more.\n")
    with pytest.raises(IngestError, match="this looks like a binary file, not text"):
        read_report_file(path)


@pytest.mark.parametrize(
    "encoded",
    [
        "\ufeffTitle line\r\nThe mayor said the road was open.\r\n".encode("utf-16-le"),
        "\ufeffTitle line\r\nThe mayor said the road was open.\r\n".encode("utf-16-be"),
        "Title line\r\nThe mayor said the road was open.\r\n".encode("utf-16-le"),
        "Title line\r\nThe mayor said the road was open.\r\n".encode("utf-16-be"),
        "\ufeffTitle line\r\nThe mayor said the road was open.\r\n".encode("utf-32-le"),
        "\ufeffTitle line\r\nThe mayor said the road was open.\r\n".encode("utf-32-be"),
    ],
    ids=["le-bom", "be-bom", "le", "be", "utf32-le-bom", "utf32-be-bom"],
)
def test_utf16_and_utf32_text_is_read(tmp_path: Path, encoded: bytes) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes(encoded)
    report = read_report_file(path)
    assert report.title == "Title line"
    assert report.text == "Title line\n\nThe mayor said the road was open."


def test_utf16_that_holds_a_nul_character_or_broken_utf16_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes("\ufeffTitle\x00line\n".encode("utf-16-le"))
    with pytest.raises(IngestError, match="binary"):
        read_report_file(path)
    path.write_bytes("\ufeffTitle line\n".encode("utf-16-le") + b"\x00\xdc")
    with pytest.raises(IngestError, match=r"not valid UTF-16 \(byte 24\); save the file as UTF-8"):
        read_report_file(path)


def test_utf32_needs_its_byte_order_mark_and_must_be_valid(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    # Without a mark English in UTF-32 is three NULs in every four bytes: binary.
    path.write_bytes("Title line\nThe mayor said the road was open.\n".encode("utf-32-le"))
    with pytest.raises(IngestError, match="binary"):
        read_report_file(path)
    path.write_bytes("\ufeffTitle\x00line\n".encode("utf-32-be"))
    with pytest.raises(IngestError, match="binary"):
        read_report_file(path)
    # 0x110000 is past the last code point there is.
    path.write_bytes("\ufeffTitle line\n".encode("utf-32-le") + b"\x00\x00\x11\x00")
    with pytest.raises(IngestError, match=r"not valid UTF-32 \(byte 48\); save the file as UTF-8"):
        read_report_file(path)


def test_nul_characters_in_json_and_toml_strings_are_removed_not_stored() -> None:
    data = {
        "title": "Talks\u0000 resume",
        "outlet": "Wire\u0000",
        "text": "The mayor said\u0000 the road was open.\ud800",
    }
    report = parse_json(json.dumps(data), "nul.json")
    assert (report.title, report.outlet) == ("Talks resume", "Wire")
    assert report.text == "The mayor said the road was open.\ufffd"
    assert report.id == report_id(report.text)
    text = '+++\ntitle = "Talks\\u0000 resume"\n+++\nThe mayor said the road was open.\n'
    assert parse_markdown(text, "nul.md").title == "Talks resume"
    with pytest.raises(IngestError, match="no 'text' string"):
        parse_json('{"text": "\\u0000"}', "nul.json")


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def read_in_time(path: Path) -> IngestError:
    """The error reading ``path`` gives, failing (not hanging) if the read blocks."""
    caught: list[IngestError] = []

    def read() -> None:
        with pytest.raises(IngestError) as err:
            read_report_file(path)
        caught.append(err.value)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():
        # Unblock it: a writer that comes and goes ends the reader's wait.
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail(f"reading {path} blocked")
    return caught[0]


@needs_fifo
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert str(read_in_time(fifo)) == f"{fifo}: not a regular file (a FIFO)"


@needs_fifo
def test_a_fifo_put_in_place_after_the_check_is_still_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    monkeypatch.setattr(ingest, "special_file", lambda path: None)
    assert str(read_in_time(fifo)) == f"{fifo}: not a regular file (a FIFO)"


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
def test_a_link_to_a_device_is_refused_not_read(tmp_path: Path) -> None:
    # /dev/zero would be read without end; /dev/null ends at once where reading is wrong.
    link = tmp_path / "null.txt"
    link.symlink_to("/dev/null")
    with pytest.raises(IngestError) as caught:
        read_report_file(link)
    assert str(caught.value) == f"{link}: not a regular file (a character device)"


def test_a_symlink_loop_and_a_broken_link_say_so(tmp_path: Path) -> None:
    loop, broken = tmp_path / "loop.md", tmp_path / "broken.txt"
    loop.symlink_to(loop.name)
    broken.symlink_to("missing.txt")
    with pytest.raises(IngestError) as caught:
        read_report_file(loop)
    assert str(caught.value) == f"{loop}: a symlink loop (the link leads back to itself)"
    with pytest.raises(IngestError) as caught:
        read_report_file(broken)
    assert str(caught.value) == (
        f"{broken}: a broken symlink (to missing.txt, which does not exist)"
    )


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("javascript:alert(1)", '"javascript:alert(1)"'),
        ("data:text/html,<script>alert(1)</script>", '"data:text/html,<script>alert(1)</script>"'),
        ("/news/1", '"/news/1"'),
        ("http://[::1", '"http://[::1"'),
    ],
)
def test_a_url_that_is_no_http_address_is_refused(url: str, shown: str) -> None:
    expected = f"'url' should be an http(s) address like https://example.org/story, not {shown}"
    with pytest.raises(IngestError) as caught:
        parse_markdown(f"+++\nurl = {json.dumps(url)}\n+++\nThe mayor said so.\n", "a.md")
    assert str(caught.value) == f"a.md: {expected}"
    with pytest.raises(IngestError) as caught:
        parse_json(json.dumps({"url": url, "text": "The mayor said so."}), "a.json")
    assert str(caught.value) == f"a.json: {expected}"


def test_an_http_url_in_any_case_is_kept() -> None:
    text = '+++\nurl = "HTTPS://example.org/story"\n+++\nThe mayor said so.\n'
    assert parse_markdown(text, "a.md").url == "HTTPS://example.org/story"
