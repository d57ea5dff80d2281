"""What the store's concerns share: the row helpers, the records a caller reads back, and the
backend's two primitives each concern is written against."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from scrapers.models import Article, ListedItem


class Backend:
    """The two things a concern needs from the backend: run a statement, and a transaction."""

    def _x(self, sql: str, parameters: Sequence[object] = ()) -> sqlite3.Cursor:
        raise NotImplementedError  # the backend's

    def transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError  # the backend's


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def _parse(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


# How stale a stored health timestamp may grow while nothing else changes. Readers of the
# database (a status command, a monitor) see a source's last success at most this far behind.
HEALTH_HEARTBEAT = timedelta(hours=1)


def _fresh(written: datetime | None, now: datetime) -> bool:
    return written is not None and timedelta(0) <= now - written < HEALTH_HEARTBEAT


@dataclass(frozen=True, slots=True)
class SourceState:
    source: str
    first_poll_at: datetime | None = None
    failures: int = 0
    last_error: str | None = None
    backoff_until: datetime | None = None
    items_given_up: int = 0
    updated_at: datetime | None = None  # the last write: a success, at most HEALTH_HEARTBEAT old

    @property
    def healthy(self) -> bool:
        """Polled before, and nothing failing or held back since."""
        return (
            self.first_poll_at is not None
            and self.failures == 0
            and self.last_error is None
            and self.backoff_until is None
        )


@dataclass(frozen=True, slots=True)
class PendingItem:
    """An item that failed before: read it again (stage "read"), or record the article kept
    from last time (stage "record")."""

    item: ListedItem
    stage: str  # "read" | "record"
    article: Article | None
    history: bool  # listed by a baseline poll: recorded as history, never alerts
    attempts: int


def _article_to_json(article: Article) -> str:
    data = asdict(article)
    data["published_at"] = _iso(article.published_at)
    return json.dumps(data)


def _article_from_json(text: str | None) -> Article | None:
    if text is None:
        return None
    data = json.loads(text)
    data["published_at"] = datetime.fromisoformat(data["published_at"])
    return Article(**data)


def _text(number: Decimal | None) -> str | None:
    return None if number is None else str(number)
