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
from alerts.models import OutgoingMessage
from alerts.notifier import ConsoleNotifier, Notifier
from alerts.outbox import DeliveryReport, Outbox
from alerts.pacing import Pacer
from alerts.render import escape
from alerts.store import Store
from bot.config import Config
from bot.errors import StartupError
from bot.telegram import TelegramNotifier
from bot.wiring import ConfiguredSource, build_http, build_sources
from scrapers.errors import ScrapeError
from scrapers.extract import extract
from scrapers.http import HttpClient
from scrapers.models import Article

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
GRACE_SECONDS = 8.0  # SIGTERM to exit: let a running cycle reach a safe point, within 10 s
OUTBOX_INTERVAL = timedelta(seconds=60)
MAX_BACKOFF = timedelta(hours=6)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class CycleResult:
    source: str
    ok: bool
    new: int = 0
    figures: int = 0
    alerts: int = 0
    skipped: bool = False


def backoff_for(source: ConfiguredSource, failures: int) -> timedelta | None:
    """No backoff until the source looks broken; then the interval doubles per failure, capped."""
    if failures < source.broken_after:
        return None
    doublings = min(failures - source.broken_after, 10)
    backoff: timedelta = source.interval * (2**doublings)
    return min(backoff, MAX_BACKOFF)


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
        self._pacer = Pacer()

    def now(self) -> datetime:
        return self._clock()

    # -- lifecycle -----------------------------------------------------------------------------

    async def open(self) -> tuple[Store, HttpClient]:
        store = Store(self._config.storage_path)
        http = build_http(self._config, store)
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
        return store, http

    async def close(self) -> None:
        if isinstance(self._notifier, TelegramNotifier):
            await self._notifier.stop()
        if self._http is not None:
            await self._http.aclose()
        if self._store is not None:
            self._store.close()
        self._store = self._http = self._notifier = None

    # -- one cycle -----------------------------------------------------------------------------

    async def cycle(self, source: ConfiguredSource) -> CycleResult:
        """Poll one source, record what is new, then deliver what is queued."""
        task = asyncio.current_task()
        if task is not None:
            self._running.add(task)
        try:
            result = await self.scrape(source)
            await self.deliver()
            return result
        finally:
            if task is not None:
                self._running.discard(task)

    async def scrape(self, configured: ConfiguredSource) -> CycleResult:
        assert self._store is not None and self._http is not None
        store, name = self._store, configured.name
        now = self._clock()
        state = store.source_state(name)
        if state.backoff_until is not None and now < state.backoff_until:
            log.info("scrape source=%s skipped: backing off until %s", name, state.backoff_until)
            return CycleResult(name, ok=False, skipped=True)
        baseline = configured.on_first_run == "baseline" and state.first_poll_at is None
        started = time.monotonic()
        try:
            # A bound on the whole cycle: retries inside may not eat the next interval.
            poll = await asyncio.wait_for(
                configured.source.poll(self._http, store.is_seen),
                timeout=configured.interval.total_seconds(),
            )
        except (ScrapeError, TimeoutError) as exc:
            error = str(exc) or "the cycle took longer than the source's interval"
            self._source_failed(configured, error)
            log.warning(
                "scrape source=%s failed error=%s took=%.1fs",
                name,
                error,
                time.monotonic() - started,
            )
            return CycleResult(name, ok=False)
        self._source_succeeded(configured)
        new = figures = alerts = 0
        for article in poll.articles:
            if self._stopping:
                break  # a safe point: every article before this one is fully recorded
            found = self._record(article, send=not baseline)
            if found is not None:
                new += 1
                figures += found[0]
                alerts += found[1]
        log.info(
            "scrape source=%s new=%d figures=%d alerts=%d took=%.1fs%s%s%s",
            name,
            new,
            figures,
            alerts,
            time.monotonic() - started,
            " baseline=yes" if baseline else "",
            f" failed_pages={poll.failed_pages}" if poll.failed_pages else "",
            " unchanged=yes" if poll.unchanged else "",
        )
        return CycleResult(name, ok=True, new=new, figures=figures, alerts=alerts)

    def _record(self, article: Article, *, send: bool) -> tuple[int, int] | None:
        assert self._store is not None
        try:
            found = extract(article)
        except Exception:
            # The extractor must never stop a cycle; the article stays unseen for a fixed build.
            log.exception("extract failed article=%s", article.id)
            return None
        decided = record(
            self._store,
            self._config.rules,
            article,
            found,
            self._config.chats,
            self._clock(),
            send=send,
            charts=self._config.settings.alerts.charts,
        )
        return len(found), len(decided)

    # -- source health -------------------------------------------------------------------------

    def _notify_admin(self, key: str, text: str) -> None:
        admin = self._config.settings.telegram.admin_chat
        assert self._store is not None
        if admin is None:
            return
        with self._store.transaction():
            self._store.enqueue(OutgoingMessage(admin, text, key), self._clock())

    def _source_failed(self, configured: ConfiguredSource, error: str) -> None:
        assert self._store is not None
        now = self._clock()
        with self._store.transaction():
            failures = self._store.record_source_failure(configured.name, error, now, None)
            backoff = backoff_for(configured, failures)
            if backoff is not None:
                self._store.set_backoff(configured.name, now + backoff)
        if failures == configured.broken_after:
            log.error(
                "source %s looks broken after %d failed cycles: %s",
                configured.name,
                failures,
                error,
            )
            self._notify_admin(
                f"source-broken:{configured.name}:{now.isoformat()}",
                f"⚠️ <b>Source {escape(configured.name)} looks broken</b>: {failures} failed cycles"
                f" in a row. Polling backs off. Last error: <code>{escape(error[:500])}</code>",
            )

    def _source_succeeded(self, configured: ConfiguredSource) -> None:
        assert self._store is not None
        now = self._clock()
        with self._store.transaction():
            before = self._store.record_source_success(configured.name, now)
        if before.failures >= configured.broken_after:
            log.info("source %s recovered after %d failed cycles", configured.name, before.failures)
            self._notify_admin(
                f"source-recovered:{configured.name}:{now.isoformat()}",
                f"✅ <b>Source {escape(configured.name)} recovered</b> after {before.failures}"
                " failed cycles.",
            )

    # -- delivery ------------------------------------------------------------------------------

    async def deliver(self) -> DeliveryReport:
        assert self._store is not None and self._notifier is not None
        # One sender at a time: two sources finishing together must not send a message twice.
        async with self._deliver_lock:
            outbox = Outbox(
                self._store,
                self._notifier,
                self._clock,
                pacer=self._pacer,
                admin_chat=self._config.settings.telegram.admin_chat,
            )
            report = await outbox.deliver(lambda: self._stopping)
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
        await self.open()
        try:
            results = await asyncio.gather(*(self.scrape(source) for source in self._sources))
            report = await self.deliver()
        finally:
            await self.close()
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
        await self.open()
        scheduler = AsyncIOScheduler(timezone=UTC)
        now = self._clock()
        for source in self._sources:
            seconds = source.interval.total_seconds()
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
            ",".join(source.name for source in self._sources) or "none",
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
            await self.close()
            log.info("metalert stopped")
        return 0
