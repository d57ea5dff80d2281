"""`metalert backfill`: walk a source's older listing pages and store what they hold as history.

Nothing is sent unless asked (``--alert``). Progress is saved after every page, so a run that is
interrupted (Ctrl-C) continues where it stopped; articles already stored are never fetched again.
Ctrl-C acts at once: a page being fetched is dropped (it is fetched again on resume) and a page
being recorded stops between two articles.

While one page's articles are recorded (CPU work), the next page is already being fetched
(network waits), so that the two overlap.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from bot.config import Config
from bot.daemon import Daemon
from bot.pipeline import Harvest
from bot.wiring import ConfiguredSource, build_sources
from scrapers.errors import ScrapeError
from scrapers.http import HttpClient

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


class _RateColumn(ProgressColumn):
    """A task's mean rate since it started, in its own unit ("pages/s", "articles/s")."""

    def render(self, task: Task) -> Text:
        if not task.elapsed or not task.completed:
            return Text("")
        rate = (task.completed - task.fields.get("resumed_at", 0)) / task.elapsed
        return Text(f"{rate:,.1f} {task.fields.get('noun', 'items')}/s", style="cyan")


@contextlib.contextmanager
def _progress(
    source_name: str, pages: int, first: int
) -> Iterator[tuple[Progress, TaskID, TaskID]]:
    """A display of pages (with the time left) and articles (with their rate) on stderr."""
    progress = Progress(
        TextColumn("{task.description:<14}"),
        BarColumn(bar_width=24),
        MofNCompleteColumn(),
        _RateColumn(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    )
    with progress:
        page_task = progress.add_task(
            f"{source_name} pages",
            total=pages,
            completed=first - 1,
            noun="pages",
            resumed_at=first - 1,
        )
        # The number of articles is not known in advance; its total follows the pages' average.
        article_task = progress.add_task(f"{source_name} articles", total=None, noun="articles")
        yield progress, page_task, article_task


async def _until_stopped(fetching: asyncio.Task[Harvest], stop: asyncio.Event) -> Harvest | None:
    """The page's harvest, or None when Ctrl-C came first (the fetch is then cancelled)."""
    stopped = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait({fetching, stopped}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopped.cancel()
    if not fetching.done():
        fetching.cancel()
        with contextlib.suppress(asyncio.CancelledError, ScrapeError):
            await fetching
        return None
    return fetching.result()  # raises the fetch's ScrapeError


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

    def interrupt() -> None:
        stop.set()
        daemon.request_stop()  # a page being recorded stops between two articles

    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGINT, interrupt)
    loop.add_signal_handler(signal.SIGTERM, interrupt)
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
        report.next_page = first
        if first > 1:
            log.info("backfill source=%s resuming at page %d", source_name, first)
        await _walk(daemon, configured, http, report, stop, first, pages, since=since, send=send)
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


async def _walk(
    daemon: Daemon,
    configured: ConfiguredSource,
    http: HttpClient,
    report: BackfillReport,
    stop: asyncio.Event,
    first: int,
    pages: int,
    *,
    since: date | None,
    send: bool,
) -> None:
    pipeline, source = daemon.pipeline, configured.source

    def fetch(page: int) -> asyncio.Task[Harvest]:
        return asyncio.create_task(
            pipeline.fetch(source, http, page=page, fresh=True, retry_pending=False)
        )

    with _progress(configured.name, pages, first) as (progress, page_task, article_task):
        fetching = fetch(first) if first <= pages else None
        for page in range(first, pages + 1):
            assert fetching is not None
            try:
                harvest = await _until_stopped(fetching, stop)
            except ScrapeError as exc:
                log.warning("backfill source=%s page=%d failed: %s", configured.name, page, exc)
                report.failed_pages += 1
                if stop.is_set():
                    report.interrupted = True
                    break
                fetching = fetch(page + 1) if page < pages else None
                progress.advance(page_task)
                continue
            if harvest is None:
                report.interrupted = True
                break
            fetching = fetch(page + 1) if page < pages else None
            # The same step as the daemon's: each item's failure is contained and kept.
            await pipeline.take(source, http, harvest, send=send, since=since)
            report.failed_pages += harvest.failed_items
            report.older += harvest.older
            report.new += harvest.new
            report.figures += harvest.figures
            report.alerts += harvest.alerts
            progress.advance(article_task, harvest.new)
            if not harvest.complete:
                report.interrupted = True  # stopped part way: the page is walked again
                break
            with daemon.store.transaction():
                daemon.store.set_backfill_next_page(configured.name, page + 1, daemon.now())
            report.pages += 1
            report.next_page = page + 1
            progress.advance(page_task)
            walked = page - first + 1
            progress.update(article_task, total=round(report.new / walked * (pages - first + 1)))
            if stop.is_set():
                report.interrupted = True
                break
        if fetching is not None and not fetching.done():
            fetching.cancel()
            with contextlib.suppress(asyncio.CancelledError, ScrapeError):
                await fetching
