"""The command line: `metalert run | check-config | parse` (DESIGN.md section 3).

Exit codes: 0 success, 2 bad usage or bad configuration, 1 a runtime failure.

Each command imports what it needs when it runs: `--help` and `parse` should not pay for the
daemon's Telegram, scheduler and store modules.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from alerts.errors import AlertError
from bot import logs
from bot.errors import ConfigError, StartupError
from bot.lock import LockHeldError
from scrapers.clean import looks_like_html, to_text
from scrapers.dates import alcircle_published, smm_published
from scrapers.errors import ScrapeError
from scrapers.models import Article, Page
from scrapers.sources import alcircle, smm

if TYPE_CHECKING:
    from bot.config import Config
    from scrapers.extract import Extraction

log = logging.getLogger("metalert")

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="metalert", description="Figure alerts for metals-market news."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log at DEBUG level")
    parser.add_argument(
        "--log-level",
        choices=("debug", "info", "warning", "error"),
        help="log level (default: logging.level in config.yaml, else info)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="run the daemon")
    run.add_argument(
        "--config", default="config.yaml", help="path to config.yaml (default: ./config.yaml)"
    )
    run.add_argument(
        "--once", action="store_true", help="one cycle of every enabled source, deliver, exit"
    )
    run.add_argument(
        "--wait",
        type=_seconds,
        default=None,
        metavar="DURATION",
        help="with --once: how long to wait for another metalert using the database"
        " (default 60s; the daemon never waits)",
    )

    check = commands.add_parser(
        "check-config", help="validate the configuration and print a summary"
    )
    check.add_argument(
        "--config", default="config.yaml", help="path to config.yaml (default: ./config.yaml)"
    )

    parse = commands.add_parser(
        "parse", help="extract figures from articles (plain text or HTML files, or folders)"
    )
    parse.add_argument(
        "paths",
        nargs="*",
        default=["-"],
        metavar="PATH",
        help="article files or folders of them, or - for stdin (default)",
    )
    parse.add_argument(
        "--json",
        action="store_true",
        help="print the figures as JSON (one object per line, with its path, for several files)",
    )
    parse.add_argument(
        "--explain",
        action="store_true",
        help="also list every number in the text, what it was read as and why",
    )
    parse.add_argument("--published", type=date.fromisoformat, help="publication date, YYYY-MM-DD")
    parse.add_argument("--source", choices=("alcircle", "smm"), help="the site the article is from")

    back = commands.add_parser("backfill", help="store a source's older articles as history")
    back.add_argument(
        "--config", default="config.yaml", help="path to config.yaml (default: ./config.yaml)"
    )
    back.add_argument("--source", required=True, choices=("alcircle", "smm"))
    back.add_argument("--pages", type=int, default=5, help="listing pages to walk (default 5)")
    back.add_argument(
        "--since", type=date.fromisoformat, help="skip articles published before YYYY-MM-DD"
    )
    back.add_argument("--alert", action="store_true", help="send alerts for what is found")
    back.add_argument(
        "--wait",
        type=_seconds,
        default=ONCE_WAIT,
        metavar="DURATION",
        help="how long to wait for another metalert using the database (default 60s)",
    )

    enable = commands.add_parser(
        "enable-chat", help="deliver to a chat again after it refused the bot"
    )
    enable.add_argument("chat", help="@channelname or numeric chat id")
    enable.add_argument(
        "--config", default="config.yaml", help="path to config.yaml (default: ./config.yaml)"
    )

    backup = commands.add_parser(
        "backup", help="a consistent copy of the database, taken while the daemon runs"
    )
    backup.add_argument("path", help="where to write the copy (must not exist)")
    backup.add_argument(
        "--config", default="config.yaml", help="path to config.yaml (default: ./config.yaml)"
    )

    reload = commands.add_parser(
        "reload", help="check config.yaml, then have the running daemon read it again (SIGHUP)"
    )
    reload.add_argument(
        "--config", default="config.yaml", help="path to config.yaml (default: ./config.yaml)"
    )

    status = commands.add_parser(
        "status",
        help="the running daemon's health, from its database (exit 0 healthy, 1 not)",
    )
    status.add_argument(
        "--config", default="config.yaml", help="path to config.yaml (default: ./config.yaml)"
    )

    rule_tests = commands.add_parser(
        "test-rules", help="run rule scenarios: figures in, alerts out"
    )
    rule_tests.add_argument("file", help="a YAML file of rules and cases")

    score = commands.add_parser("eval", help="score the extractor on a labelled corpus")
    score.add_argument("path", help="a corpus YAML file, or a folder of them (e.g. tests/corpus)")
    score.add_argument("--min-precision", type=float, default=0.0, help="exit 1 below this")
    score.add_argument("--min-recall", type=float, default=0.0, help="exit 1 below this")
    return parser


ONCE_WAIT = 60.0  # seconds a one-off run waits for the database's current user to finish


def _seconds(text: str) -> float:
    from bot.config import duration

    try:
        return duration(text).total_seconds()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _duration(value: timedelta) -> str:
    seconds = int(value.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def _summary(config: Config) -> str:
    from alerts.models import MovesBy

    settings = config.settings
    telegram = settings.telegram
    token_state = "set" if config.token else "not set: alerts go to stdout"
    lines = [
        f"{config.file}: OK",
        f"  telegram: channel {telegram.channel or '(none)'}, ${telegram.token_env} {token_state}",
        f"            api {telegram.api_base_url}, admin chat {telegram.admin_chat or '(none)'}",
    ]
    alcircle, smm = settings.sources.alcircle, settings.sources.smm
    for name, enabled, interval, pages in (
        ("alcircle", alcircle.enabled, alcircle.interval, "feeds " + ", ".join(alcircle.feeds)),
        ("smm", smm.enabled, smm.interval, "listings " + ", ".join(smm.listings)),
    ):
        state = "enabled" if enabled else "disabled"
        lines.append(f"  source {name}: {state}, every {_duration(interval)}, {pages}")
    lines.append(f"  storage: {config.storage_path}")
    lines.append(f"  rules: {len(config.rules)}")
    for rule in config.rules:
        condition = rule.condition
        unit = "pp" if isinstance(condition, MovesBy) and rule.unit is None else (rule.unit or "")
        described = condition.describe(unit).strip()
        lines.append(f"    {rule.name}: {rule.metric.value} {rule.subject!r} {described}")
    return "\n".join(lines)


def _log_level(args: argparse.Namespace, configured: str = "info") -> int:
    if args.verbose:
        return logging.DEBUG
    return int(getattr(logging, (args.log_level or configured).upper()))


def _configure_logging(args: argparse.Namespace, config: Config) -> None:
    """The config's log level and format, the command line's level over it, the token hidden."""
    settings = config.settings.logging
    secrets = [config.token.get_secret_value()] if config.token is not None else []
    logs.configure(_log_level(args, settings.level), secrets, json_lines=settings.format == "json")


def _check_config(args: argparse.Namespace) -> int:
    from bot.config import load_config

    config = load_config(args.config)
    print(_summary(config))
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    from bot.config import load_config
    from bot.daemon import Daemon

    config = load_config(args.config)
    _configure_logging(args, config)
    daemon = Daemon(config)
    if args.wait is not None and not args.once:
        print("metalert run: --wait only applies with --once", file=sys.stderr)
        return EXIT_USAGE
    # A cron `run --once` overlapping another run waits its turn; a second daemon does not.
    daemon.lock(wait=(ONCE_WAIT if args.wait is None else args.wait) if args.once else 0.0)
    if args.once:
        return asyncio.run(daemon.run_once())
    return asyncio.run(daemon.run_forever())


def read_saved_page(source: str, html: str) -> Article:
    """An article page saved from AL Circle or SMM, read by that source's page reader."""
    now = datetime.now(UTC)
    if source == "smm":
        page = Page(url="saved page", status=200, headers={}, text=html, fetched_at=now)
        return smm.parse_article_page(page, article_id="smm:saved", canonical_url="", link="")
    blank = Article(
        source="alcircle",
        id="alcircle:saved",
        url="",
        title="",
        published_at=now,
        body="",
        original_url="",
    )
    return alcircle.parse_article_page(html, url="saved page", fallback=blank, dated=False)


# What `parse` reads in a folder: the article files a user saves (text or HTML pages).
ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm", ".text", ".md"})


def _article_paths(paths: Sequence[str]) -> list[str]:
    """The files to read: each path as given, a folder's article files in name order."""
    found: list[str] = []
    for path in paths:
        folder = Path(path)
        if path != "-" and folder.is_dir():
            found.extend(
                str(child)
                for child in sorted(folder.iterdir())
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES
            )
        else:
            found.append(path)
    return found


def _read_article(path: str, args: argparse.Namespace) -> Extraction:
    """One file's figures (and, with --explain, every number's reading)."""
    try:
        if path == "-":
            raw = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as handle:
                raw = handle.read()
    except OSError as exc:
        raise _UnreadableArticleError(f"cannot read {path}: {exc.strerror or exc}") from None
    if b"\x00" in raw[:4096]:
        raise _UnreadableArticleError(f"{path} is not a text or HTML file")
    text = raw.decode("utf-8", errors="replace")
    published = args.published
    if published is None:
        # A saved page usually prints its own date; use it to resolve "in October".
        printed = smm_published(text) or alcircle_published(text)
        published = printed.date() if printed else None
    body, title = to_text(text), ""
    if args.source and looks_like_html(text):
        # A whole page saved from the site: read it as the source does (title, body, footers).
        try:
            article = read_saved_page(args.source, text)
        except ScrapeError as exc:
            raise _UnreadableArticleError(f"{path}: {exc}") from None
        body, title = article.body, article.title
    # (the extractor compiles its patterns on import, a fifth of a second: only `parse` pays it)
    from scrapers.extract import read as read_article

    return read_article(body, published, title, explain=args.explain)


class _UnreadableArticleError(Exception):
    """A file `parse` could not read; its message is the line the user sees."""


def _parse(args: argparse.Namespace) -> int:
    from bot.figures_json import figure_to_line, figures_to_json, reading_to_json

    paths = _article_paths(args.paths)
    if not paths:
        print(
            "metalert parse: no article files (.txt, .html) in the given folders", file=sys.stderr
        )
        return EXIT_FAILURE
    several = len(paths) > 1
    failed = False
    for path in paths:
        try:
            extraction = _read_article(path, args)
        except _UnreadableArticleError as exc:
            print(f"metalert parse: {exc}", file=sys.stderr)
            failed = True
            continue  # one bad file does not stop the others
        if args.json:
            document = figures_to_json(extraction.figures)
            if args.explain:
                document["readings"] = [reading_to_json(r) for r in extraction.readings]
            if several:
                # JSON Lines: one compact object per file, its path first.
                print(json.dumps({"path": path, **document}, ensure_ascii=False))
            else:
                print(json.dumps(document, ensure_ascii=False, indent=2))
            continue
        if several:
            print(f"== {path}")
        for figure in extraction.figures:
            print(figure_to_line(figure))
        if not extraction.figures:
            print("no figures found")
        if args.explain:
            print("readings (+ emitted, - not emitted):")
            for reading in extraction.readings:
                print(f"  {reading.line()}")
    return EXIT_FAILURE if failed else EXIT_OK


def _backfill(args: argparse.Namespace) -> int:
    from bot.backfill import backfill
    from bot.config import load_config

    config = load_config(args.config)
    if args.pages < 1:
        print("metalert backfill: --pages must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    _configure_logging(args, config)
    report = asyncio.run(
        backfill(
            config,
            source_name=args.source,
            pages=args.pages,
            since=args.since,
            send=args.alert,
            wait=args.wait,
        )
    )
    log.info(
        "backfill source=%s pages=%d new=%d figures=%d alerts=%d older=%d failed_pages=%d",
        args.source,
        report.pages,
        report.new,
        report.figures,
        report.alerts,
        report.older,
        report.failed_pages,
    )
    if report.interrupted:
        log.warning("backfill interrupted: run it again to continue from page %d", report.next_page)
        return 130
    return EXIT_OK


def _enable_chat(args: argparse.Namespace) -> int:
    from alerts.store import Store
    from bot.config import load_config

    config = load_config(args.config)
    store = Store(config.storage_path)
    try:
        with store.transaction():
            store.enable_chat(args.chat)
        print(f"{args.chat}: enabled; {store.queued_count()} message(s) queued will be delivered")
    finally:
        store.close()
    return EXIT_OK


def _backup(args: argparse.Namespace) -> int:
    from alerts.store import Store
    from bot.config import load_config

    config = load_config(args.config)
    target = Path(args.path)
    if target.exists():
        print(f"metalert backup: {target} already exists; name a new file", file=sys.stderr)
        return EXIT_USAGE
    if not target.parent.is_dir():
        print(f"metalert backup: {target.parent} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    store = Store(config.storage_path, read_only=True)
    try:
        store.backup(target)
    finally:
        store.close()
    size = target.stat().st_size / 2**20
    print(f"{config.storage_path} -> {target}: {size:.1f} MiB, integrity ok")
    return EXIT_OK


def _reload(args: argparse.Namespace) -> int:
    import os
    import signal

    from bot.config import load_config
    from bot.lock import running_holder

    config = load_config(args.config)  # a broken config stops here: exit 2, nothing signalled
    holder = running_holder(config.storage_path)
    if holder is None or holder.pid is None:
        print(f"metalert reload: no daemon runs with {config.storage_path}", file=sys.stderr)
        return EXIT_FAILURE
    try:
        os.kill(holder.pid, signal.SIGHUP)
    except OSError as exc:
        print(f"metalert reload: cannot signal pid {holder.pid}: {exc.strerror}", file=sys.stderr)
        return EXIT_FAILURE
    print(f"{args.config} is valid; asked the daemon (pid {holder.pid}) to read it again")
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    from alerts.store import Store
    from bot.config import load_config
    from bot.lock import running_holder
    from bot.status import assess

    config = load_config(args.config)
    try:
        store = Store(config.storage_path, read_only=True)
    except AlertError as exc:
        print(f"metalert status: UNHEALTHY\n  problem: {exc}")
        return EXIT_FAILURE
    try:
        status = assess(config, store, running_holder(config.storage_path), datetime.now(UTC))
    finally:
        store.close()
    print("\n".join(status.lines))
    return EXIT_OK if status.healthy else EXIT_FAILURE


def _test_rules(args: argparse.Namespace) -> int:
    from bot.rule_tests import RuleTestError
    from bot.rule_tests import run_file as run_rule_file

    try:
        outcomes = run_rule_file(Path(args.file))
    except RuleTestError as exc:
        print(f"metalert test-rules: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ConfigError as exc:
        print(f"metalert test-rules: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for outcome in outcomes:
        print(
            f"PASS {outcome.case}" if outcome.passed else f"FAIL {outcome.case}: {outcome.detail}"
        )
    failed = sum(1 for outcome in outcomes if not outcome.passed)
    print(f"{len(outcomes) - failed} passed, {failed} failed")
    return EXIT_FAILURE if failed else EXIT_OK


def _eval(args: argparse.Namespace) -> int:
    from bot.evaluation import CorpusError, evaluate_cases, load_corpus, render_report

    try:
        report = evaluate_cases(load_corpus(Path(args.path)))
    except CorpusError as exc:
        print(f"metalert eval: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print("\n".join(render_report(report)))
    overall = report.overall
    if overall.precision < args.min_precision or overall.recall < args.min_recall:
        return EXIT_FAILURE
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logs.configure(_log_level(args))
    handlers = {
        "run": _run,
        "check-config": _check_config,
        "parse": _parse,
        "eval": _eval,
        "backfill": _backfill,
        "test-rules": _test_rules,
        "enable-chat": _enable_chat,
        "status": _status,
        "backup": _backup,
        "reload": _reload,
    }
    try:
        return handlers[args.command](args)
    except (ConfigError, LockHeldError) as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    except (StartupError, AlertError) as exc:
        log.error("%s", exc)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
