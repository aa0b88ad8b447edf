"""The ``briefbot`` command line: every contract of DESIGN.md, one subcommand each.

It also takes the chat grammar (``briefbot donbass since:2d``, ``briefbot follow donbass``)
and answers it through the same parser and handler as Slack and Matrix, with ``stdout`` as
the destination; where a chat word is also a subcommand (``topics``, ``status``), the
subcommand answers. Output meant for people goes to stdout, progress and errors to stderr;
progress shows only on a terminal, so piped output stays clean. Errors name the file or URL
and what to do.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO

from bot.app import Services, build_services
from bot.commands import (
    BriefCommand,
    CommandError,
    FollowCommand,
    HelpCommand,
    StatusCommand,
    TopicsCommand,
    parse_brief_words,
    parse_command,
    parse_since,
)
from bot.config import ConfigError, load_config
from bot.delivery import StdoutDestination
from bot.file_ingest import ingest_paths
from bot.handler import help_notice
from bot.status import build_status
from bot.thread_export import ThreadExportError, read_thread_export
from briefings.brief import build_brief, build_digest
from briefings.database_url import StoreFailed
from briefings.ingest import IngestError, parse_plain, read_report_file
from briefings.model import Notice
from briefings.pipeline import IngestOutcome, run_chat_engine, run_engine
from briefings.render import FORMATS, Renderer, escape_markdown
from briefings.topics import Topic

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class Progress:
    """A one-line counter on stderr when it is a terminal; silent when piped."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.active = stream.isatty()

    def update(self, text: str) -> None:
        if self.active:
            self.stream.write("\r\033[K" + text[:100])
            self.stream.flush()

    def done(self) -> None:
        if self.active:
            self.stream.write("\r\033[K")
            self.stream.flush()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    words = _since_word_first(list(sys.argv[1:] if argv is None else argv))
    args = _chat_args(words, parser) or parser.parse_args(words)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not args.verbose:
        # A page with no article makes trafilatura log its own ERROR and WARNING lines
        # around the one line that names the page and says so; -v shows them.
        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except ConfigError as exc:
        print(f"briefbot: configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except StoreFailed as exc:
        # A full disk or a read-only store, met while working: no setting is wrong (that
        # would be EXIT_USAGE), the command failed; one line, not the driver's traceback.
        print(f"briefbot: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `briefbot brief donbass | head`: the reader left; that is not an error.
        sys.stderr.close()
        return EXIT_OK


CHAT_EPILOG = """\
chat commands:
  The words of /brief on Slack and !brief on Matrix work here too, with the same
  answers (follows go to the standard output of `briefbot run`):
    briefbot donbass since:2d                     the brief of a topic, as brief --since
    briefbot follow donbass at 08:00 Europe/Kyiv  a daily digest of the topic
    briefbot unfollow donbass                     stop that digest
    briefbot help                                 the chat commands and the ones above
  `topics` and `status` are the commands above. Anything else prints the chat
  commands on stderr and exits with status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefbot",
        description="News briefs for Slack and Matrix: attributed claims, denials and open\n"
        "questions, each with the sentence it rests on.",
        epilog=CHAT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_global_options(parser)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser(
        "ingest", help="add reports from files, folders or URLs (default: the configured seeds)"
    )
    p.add_argument("paths", nargs="*", metavar="PATH|URL")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("brief", help="the brief of a topic")
    p.add_argument(
        "topic",
        nargs="+",
        metavar="TOPIC [since:2d]",
        help="a topic's name or alias, of several words if the alias has them (peace talks); "
        "since:2d is the chat form of --since",
    )
    p.add_argument("--since", help="only what changed since: 2d, 36h or 2026-01-20")
    p.add_argument("--format", choices=FORMATS, default="markdown")
    p.set_defaults(func=cmd_brief)

    p = sub.add_parser("digest", help="what a daily digest would post now")
    p.add_argument("--since", help="default: the configured digest window (24h)")
    p.add_argument("--format", choices=FORMATS, default="markdown")
    p.add_argument("--topic", action="append", help="only these topics (repeatable)")
    p.set_defaults(func=cmd_digest)

    p = sub.add_parser("topics", help="topics with aliases and report counts")
    p.set_defaults(func=cmd_topics)

    p = sub.add_parser("extract", help="what the engine finds in one report (no store)")
    p.add_argument("file", metavar="FILE|-")
    p.add_argument("--format", choices=("json", "markdown"), default="json")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "summarize-thread", help='summarize a thread export (JSON list of {"user", "ts", "text"})'
    )
    p.add_argument("file", metavar="FILE.json")
    p.add_argument("--format", choices=FORMATS, default="markdown")
    p.set_defaults(func=cmd_summarize_thread)

    p = sub.add_parser("eval", help="score the engine on an annotated corpus")
    p.add_argument("corpus", metavar="CORPUS_DIR")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("reindex", help="rebuild everything derived from the stored reports")
    p.set_defaults(func=cmd_reindex)

    p = sub.add_parser("status", help="sources, skips and pending deliveries")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("poll", help="fetch every configured source once and exit")
    p.set_defaults(func=cmd_poll)

    p = sub.add_parser("run", help="the bot: Slack and/or Matrix as configured, plus the scheduler")
    p.set_defaults(func=cmd_run)
    # The names the chat words must not shadow (``_chat_args``), kept where argparse's
    # public interface can give them back.
    parser.set_defaults(subcommands=frozenset(sub.choices))
    return parser


def _since_word_first(words: list[str]) -> list[str]:
    """``brief donbass --format json since:2d`` as ``brief donbass since:2d --format json``:
    argparse takes a subcommand's positionals in one run, so a ``since:`` word after an
    option would be refused; it is moved to right after the topic."""
    if "brief" not in words:
        return words
    at = words.index("brief")
    whens = [w for w in words[at + 1 :] if w.lower().startswith("since:")]
    if not whens:
        return words
    rest = words[: at + 1] + [w for w in words[at + 1 :] if not w.lower().startswith("since:")]
    k = at + 1
    while k < len(rest) and rest[k].startswith("-"):
        # An option before the topic, with its value unless written "--format=json".
        k += 1 if "=" in rest[k] else 2
    if k >= len(rest):
        return words
    return rest[: k + 1] + whens + rest[k + 1 :]


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", help="config file (default: $BRIEFBOT_CONFIG or config/briefbot.toml)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug output")


def _chat_args(argv: list[str], parser: argparse.ArgumentParser) -> argparse.Namespace | None:
    """The global options and the chat words of ``briefbot donbass since:2d``, or None.

    None (argparse parses it, as it always did) when there are no words, when the first is
    a subcommand (they win over the chat words ``topics`` and ``status``), or when an option
    comes first that only argparse knows (``--help``) or that it should report.
    """
    front = argparse.ArgumentParser(prog="briefbot", add_help=False, exit_on_error=False)
    _add_global_options(front)
    # REMAINDER: from the first word on, everything is chat, options included, so that
    # `briefbot donbass --soon` is answered by the grammar's help like any unknown word.
    front.add_argument("words", nargs=argparse.REMAINDER)
    try:
        args, unknown = front.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    if unknown or not args.words or args.words[0] in _subcommands(parser):
        return None
    args.func = cmd_chat
    return args


def _subcommands(parser: argparse.ArgumentParser) -> frozenset[str]:
    names: frozenset[str] = parser.get_default("subcommands")
    return names


def _services(args: argparse.Namespace) -> Services:
    return build_services(load_config(args.config))


def _topic(services: Services, name: str) -> Topic | None:
    """The topic by name or alias; otherwise say which names are close, on stderr."""
    topic = services.matcher.resolve(name)
    if topic is None:
        print(f"briefbot: {services.handler.unknown_topic(name).title}", file=sys.stderr)
    return topic


def _since(value: str | None) -> datetime | None:
    """``--since`` as a time; an empty value (``--since ""``, an unset shell variable) is
    refused like any other bad one, not read as no limit at all."""
    if value is None:
        return None
    return parse_since(value)


# --- commands ------------------------------------------------------------------------------


_OTHER_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://")


def cmd_ingest(args: argparse.Namespace) -> int:
    services = _services(args)
    progress = Progress()
    # Schemes are case-insensitive (RFC 3986): "HTTP://…" is a URL like any other.
    urls = [p for p in args.paths if p.lower().startswith(("http://", "https://"))]
    # "ftp://…", "file://…": a URL of a scheme no fetcher reads, told as such rather than
    # looked for as a file (whose name the path type would also mangle).
    other = [p for p in args.paths if p not in urls and _OTHER_SCHEME.match(p)]
    paths = [Path(p) for p in args.paths if p not in urls and p not in other] or (
        [] if urls or other else list(services.config.seeds)
    )
    counts = {"added": 0, "unchanged": 0, "rejected": 0}

    def show(outcome: IngestOutcome) -> None:
        counts[outcome.status] += 1
        progress.done()
        print(_outcome_line(outcome))
        progress.update(f"{sum(counts.values())} read…")

    try:
        for url in other:
            scheme = url.split(":", 1)[0].lower()
            show(
                IngestOutcome(
                    url, "rejected", reason=f"unsupported URL scheme '{scheme}' (http or https)"
                )
            )
        ingest_paths(services.pipeline, paths, services.config.ingest_max_bytes, show)
        if urls:
            from bot.fetch_ingest import ingest_urls

            for outcome in ingest_urls(services, urls):
                show(outcome)
    finally:
        progress.done()
        services.close()
    total = sum(counts.values())
    print(
        f"{counts['added']} added, {counts['unchanged']} unchanged, {counts['rejected']} rejected.",
        file=sys.stderr,
    )
    if total == 0:
        print("briefbot: nothing to ingest (no files found)", file=sys.stderr)
        return EXIT_FAIL
    return EXIT_FAIL if counts["added"] + counts["unchanged"] == 0 else EXIT_OK


def _outcome_line(outcome: IngestOutcome) -> str:
    if outcome.status == "rejected":
        return f"rejected   {outcome.name}: {outcome.reason}"
    topics = f" [{', '.join(outcome.topics)}]" if outcome.topics else ""
    return f"{outcome.status:<10} {outcome.name} ({outcome.report_id}){topics}"


def cmd_brief(args: argparse.Namespace) -> int:
    whens = [w for w in args.topic if w.lower().startswith("since:")]
    name = " ".join(w for w in args.topic if not w.lower().startswith("since:"))
    if not name:
        print("briefbot: say which topic, e.g. `brief donbass since:2d`", file=sys.stderr)
        return EXIT_USAGE
    if whens:
        # `brief donbass since:2d`, the chat form of `--since 2d`.
        if args.since is not None or len(whens) > 1:
            print("briefbot: give the time once: --since 2d or since:2d", file=sys.stderr)
            return EXIT_USAGE
        try:
            since = parse_brief_words(name, whens)
        except CommandError as exc:
            print(f"briefbot: {exc}", file=sys.stderr)
            return EXIT_USAGE
    else:
        try:
            since = _since(args.since)
        except CommandError as exc:
            print(f"briefbot: --since: {exc}", file=sys.stderr)
            return EXIT_USAGE
    services = _services(args)
    try:
        topic = _topic(services, name)
        if topic is None:
            return EXIT_FAIL
        brief = build_brief(services.store, topic.name, since, description=topic.description)
        print(services.renderer.render(brief, args.format))
    finally:
        services.close()
    return EXIT_OK


def cmd_digest(args: argparse.Namespace) -> int:
    services = _services(args)
    try:
        try:
            since = _since(args.since) or datetime.now(UTC) - timedelta(
                hours=services.config.digest_hours
            )
        except CommandError as exc:
            print(f"briefbot: --since: {exc}", file=sys.stderr)
            return EXIT_USAGE
        wanted = args.topic or services.config.topic_names()
        topics = []
        for name in wanted:
            topic = _topic(services, name)
            if topic is None:
                return EXIT_FAIL
            topics.append((topic.name, topic.description))
        digest = build_digest(services.store, topics, since)
        print(services.renderer.render(digest, args.format))
    finally:
        services.close()
    return EXIT_OK


def cmd_topics(args: argparse.Namespace) -> int:
    services = _services(args)
    try:
        counts = services.store.topic_counts()
        for topic in services.matcher.topics:
            n = counts.get(topic.name, 0)
            print(f"{topic.name}  ({n} report{'s' if n != 1 else ''})  {topic.description}")
            print(f"    aliases: {', '.join(topic.aliases) or 'none'}")
            if topic.requires:
                print(f"    only with one of: {', '.join(topic.requires)}")
    finally:
        services.close()
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    try:
        if args.file == "-":
            data = sys.stdin.buffer.read()
            from briefings.ingest import decode_text

            report = parse_plain(decode_text(data, "<stdin>"), "<stdin>")
        else:
            report = read_report_file(Path(args.file))
    except IngestError as exc:
        print(f"briefbot: {exc}", file=sys.stderr)
        return EXIT_FAIL
    extraction = run_engine(report)
    if args.format == "json":
        print(json.dumps(extraction.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(_extraction_markdown(extraction.to_dict()))
    return EXIT_OK


def _extraction_markdown(data: dict[str, object]) -> str:
    """The engine's items as Markdown. Every string comes from the report, which is
    untrusted: escaped as the brief's Markdown escapes it, so a report cannot plant a link,
    HTML or a mass mention where the output is pasted or rendered."""
    md = escape_markdown
    lines: list[str] = []
    for key, label in (
        ("claims", "Claims"),
        ("denials", "Denials"),
        ("open_questions", "Open questions"),
    ):
        items = data[key]
        assert isinstance(items, list)
        lines.append(f"## {label} ({len(items)})")
        for item in items:
            if key == "claims":
                hedge = ", hedged" if item["hedged"] else ""
                lines.append(
                    f"- **{md(item['speaker'])}** ({item['speaker_kind']}{hedge}): "
                    f"{md(item['content'])}"
                )
            elif key == "denials":
                lines.append(
                    f"- **{md(item['speaker'])}** ({item['speaker_kind']}) denies: "
                    f"{md(item['denied'])} (targets {item['targets']})"
                )
            else:
                lines.append(f"- {md(item['question'])} ({item['kind']})")
            sentences = item["evidence"] if key == "open_questions" else [item["sentence"]]
            lines += [f'  > "{md(s)}"' for s in sentences]
        lines.append("")
    return "\n".join(lines)


def cmd_summarize_thread(args: argparse.Namespace) -> int:
    try:
        messages = read_thread_export(Path(args.file))
    except ThreadExportError as exc:
        print(f"briefbot: {exc}", file=sys.stderr)
        return EXIT_FAIL
    summary = run_chat_engine(messages)
    print(Renderer().render(summary, args.format))
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from briefings.baseline import extract_baseline
    from briefings.evaluate import evaluate_corpus, format_table

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"briefbot: {corpus}: not a folder of annotated reports", file=sys.stderr)
        return EXIT_FAIL
    progress = Progress()
    files = len(list(corpus.glob("*.json")))
    progress.update(f"scoring the engine on {files} annotated reports…")
    skipped: list[str] = []

    def skip(path: Path, why: str) -> None:
        skipped.append(f"briefbot: skipped {path}: {why}")

    def warn(path: Path, what: str) -> None:
        skipped.append(f"briefbot: warning: {path}: {what}")

    try:
        result = evaluate_corpus(corpus, on_skip=skip, on_warn=warn)
        baseline = None if args.json else evaluate_corpus(corpus, engine=extract_baseline)
    finally:
        progress.done()
    for line in skipped:
        print(line, file=sys.stderr)
    if result.files == 0:
        # Scores over nothing are perfect by definition and would pass any regression floor.
        print(
            f"briefbot: no annotated reports (*.json with text and gold) in {corpus}",
            file=sys.stderr,
        )
        return EXIT_FAIL
    if baseline is None:
        print(json.dumps(result.to_dict(), indent=2))
    else:
        print(format_table(result, baseline))
    return EXIT_OK


def cmd_reindex(args: argparse.Namespace) -> int:
    services = _services(args)
    progress = Progress()
    try:
        total = services.store.count_reports()
        count = services.pipeline.reindex(
            lambda n, report: progress.update(f"{n}/{total} {report.title[:60]}")
        )
    finally:
        progress.done()
        services.close()
    print(f"Reindexed {count} report{'s' if count != 1 else ''}.")
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    services = _services(args)
    try:
        notice = build_status(
            services.store,
            datetime.now(UTC),
            [s.name for s in services.config.sources],
            topics=[t.name for t in services.config.topics],
        )
        print(services.renderer.render(notice, "markdown"))
    finally:
        services.close()
    return EXIT_OK


def cmd_poll(args: argparse.Namespace) -> int:
    from bot.polling import poll_all

    services = _services(args)
    progress = Progress()
    count = len(services.config.sources)
    progress.update(f"polling {count} source{'s' if count != 1 else ''}…")
    try:
        # Asked for by hand (or by cron), every source is fetched now, even one the
        # scheduler of `briefbot run` is backing off from after errors.
        results = poll_all(services, force=True)
    finally:
        progress.done()
        services.close()
    for line in results.lines():
        print(line)
    return EXIT_OK if results.ok else EXIT_FAIL


def cmd_chat(args: argparse.Namespace) -> int:
    """The chat grammar, answered as on Slack and Matrix; follows go to ``stdout``, where
    the scheduler of ``briefbot run`` prints their digests."""
    command = parse_command(" ".join(args.words))
    if isinstance(command, TopicsCommand):
        return cmd_topics(args)
    if isinstance(command, StatusCommand):
        return cmd_status(args)
    if isinstance(command, HelpCommand):
        if command.topic is not None:
            # "frobnicate the thing": a first word that is no topic is what to say.
            services = _services(args)
            try:
                unknown = services.handler.unknown_first_word(command)
            finally:
                services.close()
            if unknown is not None:
                print(f"briefbot: {unknown.title}", *unknown.lines, sep="\n", file=sys.stderr)
                return EXIT_FAIL
        return _print_help(command)
    services = _services(args)
    try:
        misread = services.handler.misread(command) if isinstance(command, BriefCommand) else None
        if misread is not None:
            # "donbass please": a usage error, as the grammar's own are.
            return _print_help(misread)
        # dispatch, not handle: a store that fails says so in the one line ``main`` prints.
        reply = services.handler.dispatch(command, StdoutDestination.prefix)
        if isinstance(reply, Notice) and reply.error:
            print(f"briefbot: {reply.title}", *reply.lines, sep="\n", file=sys.stderr)
            return EXIT_FAIL
        print(services.renderer.render(reply, "markdown"))
        if isinstance(command, FollowCommand):
            # The reply says "here": on the command line that is where `run` prints.
            print("The digest appears on the standard output of `briefbot run`.", file=sys.stderr)
    finally:
        services.close()
    return EXIT_OK


def _print_help(command: HelpCommand) -> int:
    """The help every surface gives, then the subcommands; on stderr when input was wrong."""
    notice = help_notice(command)
    if command.error:
        print(f"briefbot: {command.error}", *notice.lines, sep="\n", file=sys.stderr)
        print("`briefbot --help` lists the other commands.", file=sys.stderr)
        return EXIT_USAGE
    print(Renderer().render(notice, "markdown"))
    print(build_parser().format_help(), end="")
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    from bot.runtime import run_bot

    return run_bot(load_config(args.config))


if __name__ == "__main__":
    sys.exit(main())
