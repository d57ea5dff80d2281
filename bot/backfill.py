"""`metalert backfill`: walk a source's older listing pages and store what they hold as history.

Nothing is sent unless asked (``--alert``). Progress is saved after every page, so a run that is
interrupted (Ctrl-C) continues where it stopped; articles already stored are never fetched again.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from dataclasses import dataclass
from datetime import date

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from alerts.engine import record
from bot.config import Config
from bot.daemon import Daemon
from bot.wiring import build_sources
from scrapers.errors import ScrapeError
from scrapers.extract import extract

log = logging.getLogger(__name__)


@dataclass
class BackfillReport:
    pages: int = 0
    new: int = 0
    figures: int = 0
    alerts: int = 0
    older: int = 0  # skipped for being before --since
    failed_pages: int = 0
    interrupted: bool = False
    next_page: int = 1


async def backfill(
    config: Config, *, source_name: str, pages: int, since: date | None, send: bool
) -> BackfillReport:
    daemon = Daemon(config)
    (configured,) = build_sources(config, only=source_name)
    report = BackfillReport()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGINT, stop.set)
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    store, http = await daemon.open()
    try:
        first = store.backfill_next_page(source_name)
        if first > 1:
            log.info("backfill source=%s resuming at page %d", source_name, first)
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=Console(stderr=True)) as progress:
            task = progress.add_task(f"backfill {source_name}", total=pages, completed=first - 1)
            for page in range(first, pages + 1):
                if stop.is_set():
                    report.interrupted = True
                    break
                try:
                    poll = await configured.source.poll(http, store.is_seen, page=page, fresh=True)
                except ScrapeError as exc:
                    log.warning("backfill source=%s page=%d failed: %s", source_name, page, exc)
                    report.failed_pages += 1
                    continue
                report.failed_pages += poll.failed_pages
                for article in poll.articles:
                    if since is not None and article.published_at.date() < since:
                        report.older += 1
                        continue
                    found = extract(article)
                    decided = record(
                        store,
                        config.rules,
                        article,
                        found,
                        config.chats,
                        daemon.now(),
                        send=send,
                        charts=config.settings.alerts.charts,
                    )
                    report.new += 1
                    report.figures += len(found)
                    report.alerts += len(decided)
                with store.transaction():
                    store.set_backfill_next_page(source_name, page + 1, daemon.now())
                report.pages += 1
                report.next_page = page + 1
                progress.advance(task)
        if not report.interrupted:
            with store.transaction():
                store.clear_backfill(source_name)
        if send:
            await daemon.deliver()
    finally:
        loop.remove_signal_handler(signal.SIGINT)
        loop.remove_signal_handler(signal.SIGTERM)
        await daemon.close()
    return report
