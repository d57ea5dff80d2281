"""The daemon: wires sources, extraction, rules, store and notifier, and runs them on a schedule."""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from alerts.engine import chart_for
from alerts.errors import StoreError
from alerts.models import AlertContent, OutgoingMessage
from alerts.notifier import Notifier
from alerts.outbox import DeliveryReport, Outbox
from alerts.render import escape
from alerts.store import Store
from bot.config import Config
from bot.errors import ConfigError, StartupError
from bot.health import Health
from bot.lock import DatabaseLock
from bot.notifiers import kind_for, start_notifier
from bot.pipeline import Harvest, Pipeline
from bot.telegram import TelegramNotifier
from bot.wiring import ConfiguredSource, build_http, build_sources
from scrapers.errors import FetchError, ScrapeError
from scrapers.http import HttpClient

if TYPE_CHECKING:
    from bot.chat.commands import Settings as ChatSettings
    from bot.chat.listener import Listener
    from bot.ops import DaemonMetrics, OpsServer

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
# Chats sent to at once (each chat still one message at a time, in order); the pacer keeps the
# total under Telegram's 30 a second.
SEND_CONCURRENCY = 8
GRACE_SECONDS = 8.0  # SIGTERM to exit: let a running cycle reach a safe point, within 10 s
OUTBOX_INTERVAL = timedelta(seconds=60)
RETENTION_INTERVAL = timedelta(days=1)
KEEP_REMOVED_RULES = timedelta(days=30)  # a rule put back within this keeps its state
MAX_BACKOFF = timedelta(hours=6)
HEARTBEAT_SECONDS = 5.0


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
    failed_listings: tuple[str, ...] = ()


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
        self._listener: Listener | None = None
        self._outbox: Outbox | None = None
        self._pipeline: Pipeline | None = None
        self._lock: DatabaseLock | None = None
        self._sources = build_sources(config)
        self.health = Health({source.name: source.interval for source in self._sources})
        self._metrics: DaemonMetrics | None = None  # with ops.listen set (run_forever)
        self._scheduler: AsyncIOScheduler | None = None
        self._reloads: set[asyncio.Task[bool]] = set()
        self._reload_pending = False  # SIGHUP before start-up finished: reload once running

    def now(self) -> datetime:
        return self._clock()

    @property
    def store(self) -> Store:
        assert self._store is not None, "open() first"
        return self._store

    @property
    def pipeline(self) -> Pipeline:
        assert self._pipeline is not None, "open() first"
        return self._pipeline

    # -- lifecycle -----------------------------------------------------------------------------

    def lock(self, *, wait: float = 0.0) -> None:
        """Become the one process that scrapes and sends with this database (LockHeldError)."""
        lock = DatabaseLock(self._config.storage_path)
        lock.acquire(wait=wait)
        self._lock = lock

    async def open(self) -> tuple[Store, HttpClient]:
        store = Store(self._config.storage_path)
        http = build_http(
            self._config, store, self._metrics.observe_request if self._metrics else None
        )
        try:
            notifier = await self._start_notifier(self._config)
        except StartupError:
            await http.aclose()
            store.close()
            raise
        self._store, self._http, self._notifier = store, http, notifier
        self._outbox = Outbox(
            store,
            {kind_for(self._config): notifier},
            self._clock,
            admin_chat=self._config.settings.telegram.admin_chat,
            concurrency=SEND_CONCURRENCY,
            chart=self._charts(store, self._config),
        )
        self._pipeline = Pipeline(
            store,
            self._config.rules,
            self._config.chats,
            self._clock,
            notifier=kind_for(self._config),
            stopping=lambda: self._stopping,
        )
        self._check_identity(store)
        self._sync_rules()
        self.health.store_open = True
        return store, http

    @staticmethod
    def _charts(store: Store, config: Config) -> Callable[[AlertContent], bytes | None] | None:
        """How the outbox draws an alert's chart when it sends it; None with charts off."""
        if not config.settings.alerts.charts:
            return None
        return lambda content: chart_for(store, content)

    @staticmethod
    async def _start_notifier(config: Config) -> Notifier:
        """The notifier the config asks for, from the registry (bot/notifiers.py)."""
        return await start_notifier(config)

    async def _reconnect(self, new: Config) -> None:
        """Swap the notifier for one built from the reloaded Bot API settings, between two
        drains; when the new one cannot start, the old one stays and the log says why."""
        if self._outbox is None:
            return
        async with self._deliver_lock:
            try:
                notifier = await self._start_notifier(new)
            except StartupError as exc:
                log.error("reload: the new Bot API settings do not work, keeping the old: %s", exc)
                return
            old, self._notifier = self._notifier, notifier
            self._outbox.reconfigure(
                {kind_for(new): notifier},
                new.settings.telegram.admin_chat,
                self._charts(self._store, new) if self._store is not None else None,
            )
        if isinstance(old, TelegramNotifier):
            await old.stop()
        if self._listener is not None:
            await self._listener.stop()
            self._listener = self._start_listener(new)

    def _check_identity(self, store: Store) -> None:
        """Say so when this database is not the one this place ran with before: its first polls
        are baselines, so news published in between would never alert."""
        if self._lock is None:
            return
        before = self._lock.previous
        if before is not None and before.database_id not in (None, store.database_id):
            what = "is new" if store.created else "is another one"
            text = (
                f"the database {self._config.storage_path} {what}: metalert ran here before with"
                f" database {before.database_id} ({before.describe()}). Each source's first poll"
                " is now a baseline, so news published since then will not alert; restore the"
                " old database if it still exists."
            )
            log.warning("%s", text)
            self._notify_admin(
                f"database-replaced:{store.database_id}",
                f"⚠️ <b>Database replaced</b>: {escape(text)}",
            )
        self._lock.record(store.database_id)

    async def close(self) -> None:
        if isinstance(self._notifier, TelegramNotifier):
            await self._notifier.stop()
        if self._http is not None:
            await self._http.aclose()
        self.health.store_open = False
        if self._store is not None:
            self._store.close()
        self._store = self._http = self._notifier = None
        self._outbox = self._pipeline = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def request_stop(self) -> None:
        """Stop recording at the next safe point (between two articles); used by backfill."""
        self._stopping = True

    # -- one cycle -----------------------------------------------------------------------------

    async def cycle(self, source: ConfiguredSource) -> CycleResult | None:
        """Poll one source, record what is new, then deliver what is queued."""
        task = asyncio.current_task()
        if task is not None:
            self._running.add(task)
        try:
            result = await self.scrape(source)
            await self.deliver()
            return result
        except asyncio.CancelledError:
            # Cancelled at shutdown, at a point where nothing is half-recorded: not an error.
            log.info("cycle source=%s cancelled at shutdown", source.name)
            return None
        finally:
            if task is not None:
                self._running.discard(task)

    async def scrape(self, configured: ConfiguredSource) -> CycleResult:
        assert self._store is not None and self._http is not None
        store, name = self._store, configured.name
        now = self._clock()
        started = time.monotonic()
        try:
            state = store.source_state(name)
            if state.backoff_until is not None and now < state.backoff_until:
                log.info(
                    "scrape source=%s skipped: backing off until %s", name, state.backoff_until
                )
                return CycleResult(name, ok=False, skipped=True)
            baseline = configured.on_first_run == "baseline" and state.first_poll_at is None
            # A bound on the whole cycle: retries inside may not eat the next interval.
            async with asyncio.timeout(configured.interval.total_seconds()):
                harvest = await self._poll(configured, baseline=baseline)
        except (ScrapeError, TimeoutError) as exc:
            error = str(exc) or "the cycle took longer than the source's interval"
            self._contained(self._source_failed, configured, error, exc)
            if self._metrics is not None:
                self._metrics.polls.labels(source=name).inc()
                self._metrics.poll_failures.labels(source=name).inc()
            log.warning(
                "scrape source=%s failed error=%s took=%.1fs",
                name,
                error,
                time.monotonic() - started,
            )
            return CycleResult(name, ok=False, failed_listings=configured.listings)
        except StoreError as exc:
            log.error("scrape source=%s stopped: the store cannot write: %s", name, exc)
            return CycleResult(name, ok=False)
        if self._metrics is not None:
            self._count_poll(name, harvest)
        log.info(
            "scrape source=%s new=%d figures=%d alerts=%d took=%.1fs%s%s%s%s%s",
            name,
            harvest.new,
            harvest.figures,
            harvest.alerts,
            time.monotonic() - started,
            " baseline=yes" if baseline else "",
            f" failed_pages={harvest.failed_items}" if harvest.failed_items else "",
            f" given_up={harvest.given_up}" if harvest.given_up else "",
            f" failed_listings={','.join(harvest.failed_listings)}"
            if harvest.failed_listings
            else "",
            " unchanged=yes" if harvest.polled.unchanged else "",
        )
        return CycleResult(
            name,
            ok=True,
            new=harvest.new,
            figures=harvest.figures,
            alerts=harvest.alerts,
            failed_listings=tuple(harvest.failed_listings),
        )

    def _count_poll(self, source: str, harvest: Harvest) -> None:
        assert self._metrics is not None
        metrics = self._metrics
        metrics.polls.labels(source=source).inc()
        metrics.articles.labels(source=source).inc(harvest.new)
        metrics.figures.labels(source=source).inc(harvest.figures)
        for rule in harvest.fired:
            metrics.alerts.labels(rule=rule).inc()

    async def _poll(self, configured: ConfiguredSource, *, baseline: bool) -> Harvest:
        assert self._http is not None
        harvest = await self.pipeline.fetch(configured.source, self._http)
        self._source_succeeded(configured)
        self._listings_polled(configured, harvest)
        return await self.pipeline.take(configured.source, self._http, harvest, send=not baseline)

    def _contained(
        self,
        step: Callable[[ConfiguredSource, str, Exception], None],
        configured: ConfiguredSource,
        error: str,
        exc: Exception,
    ) -> None:
        try:
            step(configured, error, exc)
        except StoreError as store_error:
            log.error("source %s: cannot record its health: %s", configured.name, store_error)

    # -- source health -------------------------------------------------------------------------

    def _notify_admin(self, key: str, text: str) -> None:
        admin = self._config.settings.telegram.admin_chat
        assert self._store is not None
        if admin is None:
            return
        with self._store.transaction():
            # the admin chat is on the channel's notifier
            notice = OutgoingMessage(admin, text, key, notifier=kind_for(self._config))
            self._store.enqueue(notice, self._clock())

    def _source_failed(self, configured: ConfiguredSource, error: str, exc: Exception) -> None:
        assert self._store is not None
        now = self._clock()
        with self._store.transaction():
            failures = self._store.record_source_failure(configured.name, error, now, None)
            for listing in configured.listings:
                self._store.record_listing_result(configured.name, listing, error, now)
            until = None
            backoff = backoff_for(configured, failures)
            if backoff is not None:
                until = now + backoff
            retry_after = exc.retry_after if isinstance(exc, FetchError) else None
            if retry_after:
                # The site asked for a pause: honour it across restarts and `run --once` runs.
                asked = now + timedelta(seconds=retry_after)
                until = asked if until is None else max(until, asked)
                log.warning("source %s paused until %s (Retry-After)", configured.name, asked)
            if until is not None:
                self._store.set_backoff(configured.name, until)
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
        self.health.succeeded(configured.name)
        with self._store.transaction():
            before = self._store.record_source_success(configured.name, now)
        if before.failures >= configured.broken_after:
            log.info("source %s recovered after %d failed cycles", configured.name, before.failures)
            self._notify_admin(
                f"source-recovered:{configured.name}:{now.isoformat()}",
                f"✅ <b>Source {escape(configured.name)} recovered</b> after {before.failures}"
                " failed cycles.",
            )

    def _listings_polled(self, configured: ConfiguredSource, harvest: Harvest) -> None:
        """Count each feed or listing on its own: one failing for ever beside a working one is
        a broken feed, even though the source as a whole answers."""
        assert self._store is not None
        now = self._clock()
        errors = {failure.name: failure.error for failure in harvest.polled.listing_failures}
        for listing in configured.listings:
            error = errors.get(listing)
            with self._store.transaction():
                before = self._store.listing_failures(configured.name, listing)
                failures = self._store.record_listing_result(configured.name, listing, error, now)
            kind = "feed" if configured.name == "alcircle" else "listing"
            if error is not None and failures == configured.broken_after:
                log.error(
                    "source %s %s %s looks broken after %d failed polls: %s",
                    configured.name,
                    kind,
                    listing,
                    failures,
                    error,
                )
                self._notify_admin(
                    f"listing-broken:{configured.name}:{listing}:{now.isoformat()}",
                    f"⚠️ <b>{escape(configured.name)} {kind} {escape(listing)} looks broken</b>:"
                    f" {failures} failed polls in a row while the rest of the source works."
                    f" Last error: <code>{escape(error[:500])}</code>",
                )
            elif error is None and before >= configured.broken_after:
                log.info("source %s %s %s recovered", configured.name, kind, listing)

    # -- delivery ------------------------------------------------------------------------------

    async def deliver(self) -> DeliveryReport:
        assert self._outbox is not None
        # One sender at a time: two sources finishing together must not send a message twice.
        async with self._deliver_lock:
            try:
                report = await self._outbox.deliver(lambda: self._stopping)
            except StoreError as exc:
                log.error("deliver stopped: the store cannot be read: %s", exc)
                return DeliveryReport(0, 0, 0, -1, paused=True)
        if self._metrics is not None:
            target = "telegram" if isinstance(self._notifier, TelegramNotifier) else "console"
            self._metrics.sent.labels(target=target).inc(report.sent)
            self._metrics.failed.labels(target=target).inc(report.failed + report.rejected)
            self._metrics.queued.labels(target=target).set(report.queued)
        if report.sent or report.failed or report.rejected:
            log.info(
                "deliver sent=%d failed=%d rejected=%d queued=%d",
                report.sent,
                report.failed,
                report.rejected,
                report.queued,
            )
        return report

    def prune(self) -> None:
        """Apply storage.retention: old article bodies and settled messages go."""
        assert self._store is not None
        retention = self._config.settings.storage.retention
        try:
            with self._store.transaction():
                bodies, messages = self._store.prune(self._clock() - retention)
        except StoreError as exc:
            log.error("retention: the store cannot be pruned: %s", exc)
            return
        if bodies or messages:
            log.info(
                "retention pruned article_bodies=%d messages=%d older_than=%dd",
                bodies,
                messages,
                retention.days,
            )

    async def _prune_job(self) -> None:
        # A coroutine, so that it runs on the event loop's thread, which owns the store.
        self.prune()
        self._sync_rules()  # forget rules removed from the config 30 days ago

    def _sync_rules(self) -> None:
        assert self._store is not None
        conditions = {rule.name: rule.condition_digest for rule in self._config.rules}
        with self._store.transaction():
            reset, forgotten = self._store.sync_rules(conditions, self._clock(), KEEP_REMOVED_RULES)
        for name in reset:
            log.info("rule %s: its condition changed, so its series state starts afresh", name)
        for name in forgotten:
            log.info("rule %s: not configured for %d days, its state forgotten", name,
                     KEEP_REMOVED_RULES.days)  # fmt: skip

    # -- reload --------------------------------------------------------------------------------

    async def reload(self) -> bool:
        """Read config.yaml again; apply it if valid, else keep the running one and say why.

        Rules, thresholds, sources and alert settings take effect for the next cycle; settings
        held in open connections (see bot.reload) wait for a restart, and the log says so.
        """
        from bot.config import load_config  # the config module is loaded already; no cost
        from bot.reload import changes, reconnect

        try:
            new = load_config(self._config.file)
        except ConfigError as exc:
            log.error("reload refused, the running config stays in force: %s", exc)
            self._notify_admin(
                f"reload-refused:{self._clock().isoformat()}",
                "⚠️ <b>Config reload refused</b>; the running config stays in force:"
                f" <code>{escape(str(exc)[:800])}</code>",
            )
            await self.deliver()
            return False
        applied, waiting = changes(self._config, new)
        if reconnect(self._config, new):
            await self._reconnect(new)
        self._apply(new)
        log.info(
            "reload: %s%s",
            "; ".join(applied) or "nothing that applies while running changed",
            f"; waiting for a restart: {', '.join(waiting)}" if waiting else "",
        )
        return True

    def _apply(self, new: Config) -> None:
        old_sources = {source.name: source for source in self._sources}
        self._config = new
        self._sources = build_sources(new)
        self.health.watch({source.name: source.interval for source in self._sources})
        if self._pipeline is not None:
            self._pipeline.reconfigure(new.rules, new.chats, kind_for(new))
        if self._outbox is not None and self._store is not None and self._notifier is not None:
            self._outbox.reconfigure(
                {kind_for(new): self._notifier},
                new.settings.telegram.admin_chat,
                self._charts(self._store, new),
            )
        if self._store is not None:
            self._sync_rules()
        scheduler = self._scheduler
        if scheduler is None:
            return
        for name in old_sources:
            if name not in {source.name for source in self._sources}:
                scheduler.remove_job(f"source:{name}")
        for source in self._sources:
            job = f"source:{source.name}"
            before = old_sources.get(source.name)
            if before is None:
                self._schedule(scheduler, source, first_run=self._clock())
            elif before.interval != source.interval:
                scheduler.remove_job(job)
                self._schedule(scheduler, source, first_run=self._clock() + source.interval)
            else:
                scheduler.modify_job(job, args=[source])  # its feeds or settings, next cycle

    def _schedule(
        self, scheduler: AsyncIOScheduler, source: ConfiguredSource, first_run: datetime
    ) -> None:
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
            next_run_time=first_run,
        )

    def _reload_on_signal(self) -> None:
        if self._scheduler is None:
            self._reload_pending = True  # still starting: read the file again once running
            return
        task = asyncio.create_task(self.reload())
        self._reloads.add(task)
        task.add_done_callback(self._reloads.discard)

    async def _deliver_job(self) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._running.add(task)
        try:
            await self.deliver()
        except asyncio.CancelledError:
            log.info("delivery cancelled at shutdown; queued messages stay queued")
        finally:
            if task is not None:
                self._running.discard(task)

    # -- entry points --------------------------------------------------------------------------

    async def run_once(self) -> int:
        """One cycle of every enabled source, then delivery; 0 when all went through, else 1."""
        await self.open()
        try:
            self.prune()
            results = await asyncio.gather(*(self.scrape(source) for source in self._sources))
            report = await self.deliver()
        finally:
            await self.close()
        failed = [result.source for result in results if not result.ok]
        partly = [
            f"{result.source} ({', '.join(result.failed_listings)})"
            for result in results
            if result.ok and result.failed_listings
        ]
        if failed:
            log.error("run --once: source(s) failed: %s", ", ".join(failed))
        if partly:
            log.error("run --once: feed(s) or listing(s) failed: %s", "; ".join(partly))
        if report.paused:
            log.error("run --once: sending paused: the store cannot record sent messages")
        elif report.queued:
            log.error("run --once: %d message(s) still queued for the next run", report.queued)
        return 1 if failed or partly or report.queued or report.paused else 0

    async def run_forever(self) -> int:
        """Run until SIGTERM or SIGINT; finish or cancel the running cycle at a safe point."""
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        # At once, before start-up's slow steps: SIGHUP's default would end the process.
        loop.add_signal_handler(signal.SIGHUP, self._reload_on_signal)
        ops = self._start_ops()
        try:
            await self.open()
        except BaseException:
            if ops is not None:
                ops.stop()
            raise
        scheduler = AsyncIOScheduler(timezone=UTC)
        self._scheduler = scheduler
        now = self._clock()
        for source in self._sources:
            self._schedule(scheduler, source, first_run=now)  # a first cycle at start-up
        scheduler.add_job(
            self._prune_job,
            "interval",
            id="retention",
            seconds=RETENTION_INTERVAL.total_seconds(),
            max_instances=1,
            coalesce=True,
            next_run_time=now,
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
        self._listener = self._start_listener(self._config)
        if self._reload_pending:
            self._reload_on_signal()
        self.health.scheduler_running = True
        heartbeat = asyncio.create_task(self._heartbeat())
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
            heartbeat.cancel()
            self.health.scheduler_running = False
            scheduler.pause()
            running = set(self._running)
            if running:
                _, pending = await asyncio.wait(running, timeout=GRACE_SECONDS)
                for task in pending:
                    task.cancel()
                if pending:
                    await asyncio.wait(pending, timeout=1.0)
            scheduler.shutdown(wait=False)
            for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
                loop.remove_signal_handler(signum)
            self._scheduler = None
            if self._listener is not None:
                await self._listener.stop()
                self._listener = None
            await self.close()
            if ops is not None:
                ops.stop()
            log.info("metalert stopped")
        return 0

    def _start_listener(self, config: Config) -> Listener | None:
        """The bot's command side (long polling), when a token is set and commands are on."""
        telegram = config.settings.telegram
        if config.token is None or not telegram.commands or self._store is None:
            return None
        # python-telegram-bot's ext package only for a daemon that answers chats
        from bot.chat.commands import Commands
        from bot.chat.listener import Listener

        store = self._store
        commands = Commands(store, self._chat_settings, self._clock)

        def blocked(chat: str) -> None:
            with store.transaction():
                store.disable_chat(chat, "blocked the bot", self._clock())

        listener = Listener(
            config.token,
            api_base_url=telegram.api_base_url,
            commands=commands,
            on_blocked=blocked,
        )
        listener.start()
        return listener

    def _chat_settings(self) -> ChatSettings:
        """What the commands read of the config: the current one, after any reload."""
        from bot.chat.commands import Settings as ChatSettings

        config = self._config
        telegram = config.settings.telegram
        return ChatSettings(
            rules=config.rules,
            channel=telegram.channel,
            admins=frozenset(telegram.admins),
            sources=tuple(source.name for source in self._sources),
            rules_per_chat=telegram.rules_per_chat,
        )

    def _start_ops(self) -> OpsServer | None:
        """The /healthz, /readyz and /metrics endpoint, when ops.listen is set."""
        listen = self._config.settings.ops.listen
        if listen is None:
            return None
        from bot.ops import DaemonMetrics, OpsServer  # prometheus-client only when asked for

        self._metrics = DaemonMetrics(self.health)
        try:
            server = OpsServer(listen, self.health, self._metrics)
        except OSError as exc:
            raise StartupError(
                f"ops.listen: cannot listen on {listen}: {exc.strerror or exc}"
            ) from None
        server.start()
        return server

    async def _heartbeat(self) -> None:
        """Tells /healthz the event loop is turning."""
        while True:
            self.health.beat()
            await asyncio.sleep(HEARTBEAT_SECONDS)
