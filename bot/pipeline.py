"""The one poll -> read -> extract -> record step, used by the daemon, `run --once` and backfill.

Nothing a poll lists may be lost: an item that cannot be read or recorded is kept in the store
and tried again on later polls (even when the feed answers 304), until it is recorded or, after
``MAX_ITEM_ATTEMPTS``, given up on for good (logged, counted in the source's health). A feed's
validators are remembered only once every item it listed is recorded or given up, so that an
interrupted poll (a failed page, a timeout, SIGTERM, kill -9) is simply done again.

Every failure is contained to its item: the rest of the poll, and every other source, go on.
Only a store that cannot write stops the step (StoreError): nothing can be recorded then.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from alerts.engine import record
from alerts.errors import StoreError
from alerts.models import Rule
from alerts.store import PendingItem, Store
from scrapers.errors import describe
from scrapers.extract import extract
from scrapers.http import HttpClient
from scrapers.models import Article, ListedItem
from scrapers.sources import PollResult, Source

log = logging.getLogger(__name__)

MAX_ITEM_ATTEMPTS = 5  # polls in a row an item may fail before it is given up on
Clock = Callable[[], datetime]


@dataclass
class Harvest:
    """What one poll of one source came to."""

    polled: PollResult
    pending: Sequence[PendingItem] = ()
    new: int = 0  # articles recorded
    figures: int = 0
    alerts: int = 0
    older: int = 0  # skipped for being older than asked (backfill --since)
    failed_items: int = 0
    given_up: int = 0
    failed_listings: list[str] = field(default_factory=list)
    complete: bool = False  # take() went through everything (it stops early when stopping)
    fired: list[str] = field(default_factory=list)  # the rule of each alert decided


class Pipeline:
    def __init__(
        self,
        store: Store,
        rules: Sequence[Rule],
        chats: Sequence[str],
        clock: Clock,
        *,
        notifier: str = "telegram",
        stopping: Callable[[], bool] = lambda: False,
    ) -> None:
        self._store = store
        self._rules = rules
        self._chats = chats
        self._notifier = notifier  # the kind of notifier the chats are on
        self._clock = clock
        self._stopping = stopping

    def reconfigure(
        self, rules: Sequence[Rule], chats: Sequence[str], notifier: str = "telegram"
    ) -> None:
        """New rules and chats (a config reload), for the next article recorded."""
        self._rules, self._chats, self._notifier = rules, chats, notifier

    async def fetch(
        self,
        source: Source,
        http: HttpClient,
        *,
        page: int = 1,
        fresh: bool = False,
        retry_pending: bool = True,
    ) -> Harvest:
        """Poll the source. Raises ScrapeError when none of its feeds or listings answered."""
        pending = self._store.pending_items(source.name) if retry_pending else []
        polled = await source.poll(http, self._store.is_known, page=page, fresh=fresh)
        harvest = Harvest(polled=polled, pending=pending)
        harvest.failed_listings = [failure.name for failure in polled.listing_failures]
        return harvest

    async def take(
        self,
        source: Source,
        http: HttpClient,
        harvest: Harvest,
        *,
        send: bool,
        since: date | None = None,
    ) -> Harvest:
        """Record what the poll read, try pending items again, and settle the feeds' validators.

        ``send`` false: history (a baseline, a backfill) that moves rule state but never alerts.
        Raises StoreError when the store cannot write; everything else is contained per item.
        """
        polled = harvest.polled
        for failure in polled.failures:
            harvest.given_up += self._failed(
                source.name, failure.item, failure.error, history=not send, final=failure.final
            )
            harvest.failed_items += 1
        for article in polled.articles:
            # A safe point, and a turn for other tasks (a backfill's next page is fetched
            # meanwhile, another source's poll goes on).
            await asyncio.sleep(0)
            if self._stopping():
                return harvest  # each article so far is recorded, or pending
            if since is not None and article.published_at.date() < since:
                harvest.older += 1
                continue
            self._take(source.name, article, send=send, harvest=harvest)
        listed = {article.id for article in polled.articles}
        listed.update(failure.item.id for failure in polled.failures)
        for waiting in harvest.pending:
            if self._stopping():
                return harvest
            if waiting.item.id in listed or self._store.is_known(waiting.item.id):
                continue  # this poll listed it again and dealt with it
            kept = waiting.article
            if kept is None:
                try:
                    kept = await source.read_item(http, waiting.item)
                except Exception as exc:  # contained to this item, like every failure here
                    harvest.given_up += self._failed(
                        source.name, waiting.item, describe(exc), history=waiting.history
                    )
                    harvest.failed_items += 1
                    continue
            self._take(
                source.name,
                kept,
                send=send and not waiting.history,
                harvest=harvest,
                listed=waiting.item,
            )
        self._settle_validators(polled)
        harvest.complete = True
        return harvest

    def _take(
        self,
        source: str,
        article: Article,
        *,
        send: bool,
        harvest: Harvest,
        listed: ListedItem | None = None,
    ) -> None:
        try:
            figures = extract(article)
            decided = record(
                self._store,
                self._rules,
                article,
                figures,
                self._chats,
                self._clock(),
                send=send,
                notifier=self._notifier,
            )
        except StoreError:
            raise
        except Exception as exc:  # one article must never stop a poll
            item = listed or ListedItem(article.id, article.original_url or article.url)
            log.debug("record failed article=%s", article.id, exc_info=True)
            harvest.given_up += self._failed(
                source, item, describe(exc), stage="record", article=article, history=not send
            )
            harvest.failed_items += 1
            return
        self._store.clear_pending(article.id)
        harvest.new += 1
        harvest.figures += len(figures)
        harvest.alerts += len(decided)
        harvest.fired.extend(alert.rule.name for alert in decided)

    def _failed(
        self,
        source: str,
        item: ListedItem,
        error: str,
        *,
        stage: str = "read",
        article: Article | None = None,
        history: bool = False,
        final: bool = False,
    ) -> bool:
        """Count a failed attempt at an item; True when it is now given up on."""
        now = self._clock()
        attempts = self._store.note_item_failure(
            source, item, error, now, stage=stage, article=article, history=history
        )
        if final or attempts >= MAX_ITEM_ATTEMPTS:
            self._store.give_up_item(source, item.id, now)
            log.error(
                "item given up source=%s id=%s url=%s attempts=%d error=%s",
                source,
                item.id,
                item.url,
                attempts,
                error,
            )
            return True
        log.warning(
            "item failed source=%s id=%s url=%s attempt=%d error=%s (tried again next poll)",
            source,
            item.id,
            item.url,
            attempts,
            error,
        )
        return False

    def _settle_validators(self, polled: PollResult) -> None:
        """Remember a feed's validators once nothing it listed is left to do."""
        now = self._clock()
        for listing in polled.listings:
            if listing.validators is None:
                continue
            if all(self._store.is_known(item_id) for item_id in listing.item_ids):
                self._store.put_validators(
                    listing.url, listing.validators.etag, listing.validators.last_modified, now
                )
