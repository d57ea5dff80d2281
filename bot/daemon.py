"""The daemon: wires sources, extraction, rules, store and notifier, and runs them on a schedule."""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from alerts.engine import record
from alerts.notifier import ConsoleNotifier, Notifier
from alerts.outbox import DeliveryReport, deliver
from alerts.store import Store
from bot.config import Config
from bot.errors import StartupError
from bot.telegram import TelegramNotifier
from scrapers.errors import ScrapeError
from scrapers.extract import extract
from scrapers.http import HttpClient
from scrapers.sources import Source, SourceOptions, build_source

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
GRACE_SECONDS = 8.0  # SIGTERM to exit: let a running cycle reach a safe point, within 10 s
OUTBOX_INTERVAL = timedelta(seconds=60)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class CycleResult:
    source: str
    ok: bool
    new: int = 0
    figures: int = 0
    alerts: int = 0


def build_sources(config: Config) -> list[tuple[Source, timedelta]]:
    sources = config.settings.sources
    built: list[tuple[Source, timedelta]] = []
    if sources.alcircle.enabled:
        options = SourceOptions(base_url=sources.alcircle.base_url, feeds=sources.alcircle.feeds)
        built.append((build_source("alcircle", options), sources.alcircle.interval))
    if sources.smm.enabled:
        options = SourceOptions(base_url=sources.smm.base_url, listings=sources.smm.listings)
        built.append((build_source("smm", options), sources.smm.interval))
    return built


class Daemon:
    def __init__(self, config: Config, *, clock: Clock = utc_now) -> None:
        self._config = config
        self._clock = clock
        self._stopping = False
        self._deliver_lock = asyncio.Lock()
        self._running: set[asyncio.Task[object]] = set()
        self._store: Store | None = None
        self._http: HttpClient | None = None
        self._notifier: Notifier | None = None
        self._sources = build_sources(config)

    # -- lifecycle -----------------------------------------------------------------------------

    async def _open(self) -> tuple[Store, HttpClient, Notifier]:
        store = Store(self._config.storage_path)
        http = HttpClient()
        notifier: Notifier
        if self._config.token is None:
            log.info(
                "no bot token in $%s: alerts are printed to stdout",
                self._config.settings.telegram.token_env,
            )
            notifier = ConsoleNotifier()
        else:
            telegram = TelegramNotifier(
                self._config.token, api_base_url=self._config.settings.telegram.api_base_url
            )
            try:
                username = await telegram.start()
            except StartupError:
                await http.aclose()
                store.close()
                raise
            log.info(
                "telegram bot %s posts to %s",
                username or "(not reachable yet)",
                self._config.settings.telegram.channel,
            )
            notifier = telegram
        self._store, self._http, self._notifier = store, http, notifier
        return store, http, notifier

    async def _close(self) -> None:
        if isinstance(self._notifier, TelegramNotifier):
            await self._notifier.stop()
        if self._http is not None:
            await self._http.aclose()
        if self._store is not None:
            self._store.close()
        self._store = self._http = self._notifier = None

    # -- one cycle -----------------------------------------------------------------------------

    async def cycle(self, source: Source) -> CycleResult:
        """Poll one source, record what is new, then deliver what is queued."""
        task = asyncio.current_task()
        if task is not None:
            self._running.add(task)
        try:
            result = await self._scrape(source)
            await self.deliver()
            return result
        finally:
            if task is not None:
                self._running.discard(task)

    async def _scrape(self, source: Source) -> CycleResult:
        assert self._store is not None and self._http is not None
        store = self._store
        started = time.monotonic()
        try:
            poll = await source.poll(self._http, store.is_seen)
        except ScrapeError as exc:
            log.warning(
                "scrape source=%s failed error=%s took=%.1fs",
                source.name,
                exc,
                time.monotonic() - started,
            )
            return CycleResult(source.name, ok=False)
        new = figures = alerts = 0
        for article in poll.articles:
            if self._stopping:
                break  # a safe point: every article before this one is fully recorded
            try:
                found = extract(article)
            except Exception:
                # The extractor must never stop a cycle; the article stays unseen for a fixed build.
                log.exception("extract failed article=%s", article.id)
                continue
            decided = record(
                store, self._config.rules, article, found, self._config.chats, self._clock()
            )
            new += 1
            figures += len(found)
            alerts += len(decided)
        log.info(
            "scrape source=%s new=%d figures=%d alerts=%d took=%.1fs",
            source.name,
            new,
            figures,
            alerts,
            time.monotonic() - started,
        )
        return CycleResult(source.name, ok=True, new=new, figures=figures, alerts=alerts)

    async def deliver(self) -> DeliveryReport:
        assert self._store is not None and self._notifier is not None
        # One sender at a time: two sources finishing together must not send a message twice.
        async with self._deliver_lock:
            report = await deliver(self._store, self._notifier, self._clock, lambda: self._stopping)
        if report.sent or report.failed or report.rejected:
            log.info(
                "deliver sent=%d failed=%d rejected=%d queued=%d",
                report.sent,
                report.failed,
                report.rejected,
                report.queued,
            )
        return report

    async def _deliver_job(self) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._running.add(task)
        try:
            await self.deliver()
        finally:
            if task is not None:
                self._running.discard(task)

    # -- entry points --------------------------------------------------------------------------

    async def run_once(self) -> int:
        """One cycle of every enabled source, then delivery; 0 when all went through, else 1."""
        await self._open()
        try:
            results = await asyncio.gather(*(self._scrape(source) for source, _ in self._sources))
            report = await self.deliver()
        finally:
            await self._close()
        failed = [result.source for result in results if not result.ok]
        if failed:
            log.error("run --once: source(s) failed: %s", ", ".join(failed))
        if report.queued:
            log.error("run --once: %d message(s) still queued for the next run", report.queued)
        return 1 if failed or report.queued else 0

    async def run_forever(self) -> int:
        """Run until SIGTERM or SIGINT; finish or cancel the running cycle at a safe point."""
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        await self._open()
        scheduler = AsyncIOScheduler(timezone=UTC)
        now = self._clock()
        for source, interval in self._sources:
            seconds = interval.total_seconds()
            scheduler.add_job(
                self.cycle,
                "interval",
                args=[source],
                id=f"source:{source.name}",
                seconds=seconds,
                jitter=min(60.0, seconds / 10),
                max_instances=1,
                coalesce=True,
                next_run_time=now,  # a first cycle at start-up
            )
        scheduler.add_job(
            self._deliver_job,
            "interval",
            id="outbox",
            seconds=OUTBOX_INTERVAL.total_seconds(),
            max_instances=1,
            coalesce=True,
        )
        scheduler.start()
        log.info(
            "metalert running sources=%s store=%s",
            ",".join(source.name for source, _ in self._sources) or "none",
            self._config.storage_path,
        )
        try:
            await stop.wait()
        finally:
            log.info("metalert stopping")
            self._stopping = True
            scheduler.pause()
            running = set(self._running)
            if running:
                _, pending = await asyncio.wait(running, timeout=GRACE_SECONDS)
                for task in pending:
                    task.cancel()
                if pending:
                    await asyncio.wait(pending, timeout=1.0)
            scheduler.shutdown(wait=False)
            for signum in (signal.SIGTERM, signal.SIGINT):
                loop.remove_signal_handler(signum)
            await self._close()
            log.info("metalert stopped")
        return 0
