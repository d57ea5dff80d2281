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

from bot.config import Config
from bot.daemon import Daemon
from bot.wiring import build_sources
from scrapers.errors import ScrapeError

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
    config: Config,
    *,
    source_name: str,
    pages: int,
    since: date | None,
    send: bool,
    wait: float = 0.0,
) -> BackfillReport:
    daemon = Daemon(config)
    (configured,) = build_sources(config, only=source_name)
    report = BackfillReport()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGINT, stop.set)
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    try:
        daemon.lock(wait=wait)  # backfill records and may send: one process per database
        store, http = await daemon.open()
    except BaseException:
        loop.remove_signal_handler(signal.SIGINT)
        loop.remove_signal_handler(signal.SIGTERM)
        await daemon.close()
        raise
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
                    harvest = await daemon.pipeline.fetch(
                        configured.source, http, page=page, fresh=True, retry_pending=False
                    )
                except ScrapeError as exc:
                    log.warning("backfill source=%s page=%d failed: %s", source_name, page, exc)
                    report.failed_pages += 1
                    continue
                # The same step as the daemon's: each item's failure is contained and kept.
                await daemon.pipeline.take(configured.source, http, harvest, send=send, since=since)
                report.failed_pages += harvest.failed_items
                report.older += harvest.older
                report.new += harvest.new
                report.figures += harvest.figures
                report.alerts += harvest.alerts
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
