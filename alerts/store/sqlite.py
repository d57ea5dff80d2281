"""The SQLite store: articles, figures, rule state, alerts and the outbox. All SQL lives here.

Durability: WAL with synchronous=FULL, and one transaction per article, so that a crash can never
leave an alert decided but its message not queued, nor a message queued twice.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from alerts.errors import StoreError
from alerts.models import OutgoingMessage, QueuedMessage
from alerts.rules import FactState, SeriesState, Side
from alerts.store import chats
from alerts.store.chats import ChatRecords
from alerts.store.lookups import Lookups
from scrapers.models import Article, Figure, ListedItem

SCHEMA_VERSION = 8
_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id            TEXT PRIMARY KEY,     -- canonical identity, e.g. alcircle:116506
    source        TEXT NOT NULL,
    url           TEXT NOT NULL,
    original_url  TEXT NOT NULL,
    title         TEXT NOT NULL,
    published_at  TEXT NOT NULL,        -- ISO 8601, UTC
    first_seen_at TEXT NOT NULL,
    body          TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS figures (
    id          INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id),
    metric      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    region      TEXT NOT NULL,
    period      TEXT,
    value       TEXT,                   -- Decimal as text: no float rounding
    low         TEXT,
    high        TEXT,
    unit        TEXT NOT NULL,
    changes     TEXT NOT NULL,          -- JSON {"mom": "2.3"}
    change      TEXT,                   -- JSON {"abs": "304"} or {"pct": "1.2"}
    bound       TEXT,
    forecast    INTEGER NOT NULL,
    evidence    TEXT NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    quarantined TEXT                    -- why the figure is outside sanity bounds
);
CREATE INDEX IF NOT EXISTS figures_series ON figures (metric, subject, region, period);
CREATE TABLE IF NOT EXISTS rule_state (
    rule        TEXT NOT NULL,
    series      TEXT NOT NULL,
    side        TEXT,                   -- inside | outside, for crossing rules
    figure_id   INTEGER NOT NULL REFERENCES figures(id),
    updated_at  TEXT NOT NULL,
    data_order  TEXT,                   -- latest period (or publication day) seen
    value       TEXT,                   -- the value that decided the side
    fired_at    TEXT,
    sent_at     TEXT,
    PRIMARY KEY (rule, series)
);
-- The rules the config has named, with their condition: a rule whose condition changes starts
-- its state afresh; a removed rule's state is kept for a while, so putting it back does not
-- alert again on what it already said.
CREATE TABLE IF NOT EXISTS rules_configured (
    rule          TEXT PRIMARY KEY,
    condition     TEXT NOT NULL,        -- a digest of metric, subject, region, unit, condition
    last_seen_at  TEXT NOT NULL         -- the last start or reload whose config named it
);
CREATE TABLE IF NOT EXISTS rule_facts (
    rule        TEXT NOT NULL,
    fact_key    TEXT NOT NULL,
    signature   TEXT NOT NULL,          -- the change or value decided on
    fired       INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (rule, fact_key)
);
CREATE TABLE IF NOT EXISTS chats (
    chat         TEXT PRIMARY KEY,
    disabled_at  TEXT,                  -- the chat refused the bot; nothing is sent there
    reason       TEXT,
    paused_at    TEXT                   -- an admin paused it: its messages wait in the outbox
);
CREATE TABLE IF NOT EXISTS alerts (
    dedup_key   TEXT PRIMARY KEY,
    rule        TEXT NOT NULL,
    figure_id   INTEGER NOT NULL REFERENCES figures(id),
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    suppressed  INTEGER NOT NULL DEFAULT 0   -- decided during a baseline: history, never sent
);
CREATE TABLE IF NOT EXISTS outbox (
    id              INTEGER PRIMARY KEY,
    chat            TEXT NOT NULL,
    text            TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    status          TEXT NOT NULL DEFAULT 'queued',   -- queued | sent | rejected | unconfirmed
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    sent_at         TEXT,
    delivery_id     TEXT,
    next_attempt_at TEXT,               -- after a failure: not before this time
    plain           INTEGER NOT NULL DEFAULT 0,  -- send as plain text (HTML was refused)
    unknown_outcomes INTEGER NOT NULL DEFAULT 0 -- sends that may or may not have arrived
);
-- A PNG chart to send with a message, its text as the caption; deleted once the message is
-- settled (sent or given up). Kept apart from the outbox so that a settled row stays small:
-- a blob in the row would leave each outbox page nearly empty once it was dropped.
CREATE TABLE IF NOT EXISTS outbox_photos (
    message_id      INTEGER PRIMARY KEY REFERENCES outbox (id),
    png             BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_queued ON outbox (chat, id) WHERE status = 'queued';
CREATE TABLE IF NOT EXISTS http_validators (
    url            TEXT PRIMARY KEY,
    etag           TEXT,
    last_modified  TEXT,
    updated_at     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS source_state (
    source          TEXT PRIMARY KEY,
    first_poll_at   TEXT,              -- the first successful poll; before it, nothing alerts
    failures        INTEGER NOT NULL DEFAULT 0,   -- failed cycles in a row
    last_error      TEXT,
    items_given_up  INTEGER NOT NULL DEFAULT 0,   -- items never read after every attempt
    backoff_until   TEXT,
    updated_at      TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pending_items (
    id              TEXT PRIMARY KEY,   -- canonical identity of an item not yet recorded
    source          TEXT NOT NULL,
    url             TEXT NOT NULL,
    stage           TEXT NOT NULL,      -- read (the page failed) | record (recording failed)
    article         TEXT,               -- JSON: the teaser or the whole article, to try again
    dated           INTEGER NOT NULL DEFAULT 1,
    history         INTEGER NOT NULL DEFAULT 0,  -- listed by a baseline poll: never alerts
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT NOT NULL,
    first_failed_at TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    gave_up_at      TEXT                -- after too many attempts: known, never tried again
);
CREATE TABLE IF NOT EXISTS listing_health (
    source      TEXT NOT NULL,
    listing     TEXT NOT NULL,          -- a feed name or a listing path, as configured
    failures    INTEGER NOT NULL DEFAULT 0,   -- failed polls in a row
    last_error  TEXT,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (source, listing)
);
CREATE TABLE IF NOT EXISTS meta (
    key    TEXT PRIMARY KEY,            -- database_id, created_at
    value  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS backfill_state (
    source     TEXT PRIMARY KEY,
    next_page  INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
"""
# Each step takes a database from the version before it to the version named.
_MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: ("ALTER TABLE alerts ADD COLUMN suppressed INTEGER NOT NULL DEFAULT 0",),
    3: (
        "ALTER TABLE figures ADD COLUMN quarantined TEXT",
        "ALTER TABLE rule_state ADD COLUMN data_order TEXT",
        "ALTER TABLE rule_state ADD COLUMN value TEXT",
        "ALTER TABLE rule_state ADD COLUMN fired_at TEXT",
        "ALTER TABLE rule_state ADD COLUMN sent_at TEXT",
        "ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT",
        "ALTER TABLE outbox ADD COLUMN plain INTEGER NOT NULL DEFAULT 0",
    ),
    4: ("ALTER TABLE outbox ADD COLUMN photo BLOB",),
    5: (
        "ALTER TABLE source_state ADD COLUMN items_given_up INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE outbox ADD COLUMN unknown_outcomes INTEGER NOT NULL DEFAULT 0",
    ),
    # Charts move out of the outbox rows; those of settled messages (~17 KB each) go.
    6: (
        "CREATE TABLE outbox_photos (message_id INTEGER PRIMARY KEY REFERENCES outbox (id),"
        " png BLOB NOT NULL)",
        "INSERT INTO outbox_photos (message_id, png)"
        " SELECT id, photo FROM outbox WHERE status = 'queued' AND photo IS NOT NULL",
        "ALTER TABLE outbox DROP COLUMN photo",
    ),
    7: (),  # rules_configured: created by the schema script, nothing to convert
    # The bot's users: subscriptions, personal rules and mutes come with the schema script.
    8: ("ALTER TABLE chats ADD COLUMN paused_at TEXT",),
}


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


class Store(ChatRecords, Lookups):
    """One SQLite connection, used from one thread (the daemon's event loop).

    Every SQLite failure leaves as a StoreError: a full disk or a read-only file is something
    the caller must act on (stop sending), not a traceback.
    """

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        """Open (and create or upgrade) the store; ``read_only`` for a look while the daemon
        runs (`metalert status`): nothing is created, upgraded or written."""
        if read_only:
            self._open_read_only(Path(path))
            return
        try:
            self._db = sqlite3.connect(path, isolation_level=None)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA busy_timeout=5000")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(f"{path}: schema version {version} is newer than this metalert")
            fresh = (
                self._db.execute(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'articles'"
                ).fetchone()[0]
                == 0
            )
            if not fresh:
                for step in range(version + 1, SCHEMA_VERSION + 1):
                    for statement in _MIGRATIONS[step]:
                        self._db.execute(statement)
            self._db.executescript(_SCHEMA)
            self._db.executescript(chats.SCHEMA)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            self.created = fresh  # this open made the database
            self.database_id = self._identity()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store at {path}: {exc}") from exc
        self._in_transaction = False

    def _open_read_only(self, path: Path) -> None:
        if not path.is_file():
            raise StoreError(f"no database at {path}")
        try:
            self._db = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None
            )
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA busy_timeout=5000")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            row = self._db.execute("SELECT value FROM meta WHERE key = 'database_id'").fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read the store at {path}: {exc}") from exc
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"{path}: schema version {version}, this metalert reads {SCHEMA_VERSION}"
                " (start the daemon once to upgrade it)"
            )
        self.created = False
        self.database_id = str(row["value"]) if row else ""
        self._in_transaction = False

    def _identity(self) -> str:
        """This database's identity, made once: a replaced database has another one."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'database_id'").fetchone()
        if row is not None:
            return str(row["value"])
        identity = uuid.uuid4().hex
        now = _iso(datetime.now(UTC))
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES ('database_id', ?), ('created_at', ?)",
            (identity, now),
        )
        return identity

    def _x(self, sql: str, parameters: Sequence[object] = ()) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, parameters)
        except sqlite3.Error as exc:
            raise StoreError(f"the store failed: {exc}") from exc

    def close(self) -> None:
        self._db.close()

    def durability(self) -> tuple[str, str]:
        """This connection's journal mode and synchronous level, e.g. ("wal", "full")."""
        mode = str(self._x("PRAGMA journal_mode").fetchone()[0])
        levels = {0: "off", 1: "normal", 2: "full", 3: "extra"}
        return mode, levels.get(int(self._x("PRAGMA synchronous").fetchone()[0]), "?")

    @property
    def rows_written(self) -> int:
        """Rows this connection has inserted, updated or deleted since it opened."""
        return self._db.total_changes

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside commits together or not at all."""
        if self._in_transaction:
            raise StoreError("nested transaction")
        self._x("BEGIN IMMEDIATE")
        self._in_transaction = True
        try:
            yield
        except BaseException:
            with suppress(sqlite3.Error):  # a failed rollback must not hide why it was needed
                self._db.execute("ROLLBACK")
            raise
        else:
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                with suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
                raise StoreError(f"the store could not commit: {exc}") from exc
        finally:
            self._in_transaction = False

    # -- articles and figures ------------------------------------------------------------------

    def is_seen(self, article_id: str) -> bool:
        row = self._x("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def is_known(self, item_id: str) -> bool:
        """Recorded, or given up on for good: a poll has nothing more to do with it."""
        row = self._x(
            "SELECT 1 FROM articles WHERE id = ?1 UNION ALL"
            " SELECT 1 FROM pending_items WHERE id = ?1 AND gave_up_at IS NOT NULL",
            (item_id,),
        ).fetchone()
        return row is not None

    # -- items not yet recorded ----------------------------------------------------------------

    def pending_items(self, source: str) -> list[PendingItem]:
        """Items of a source that failed before and are still worth another attempt."""
        rows = self._x(
            "SELECT id, url, stage, article, dated, history, attempts FROM pending_items"
            " WHERE source = ? AND gave_up_at IS NULL ORDER BY first_failed_at, id",
            (source,),
        ).fetchall()
        return [
            PendingItem(
                item=ListedItem(
                    id=row["id"],
                    url=row["url"],
                    teaser=_article_from_json(row["article"]) if row["stage"] == "read" else None,
                    dated=bool(row["dated"]),
                ),
                stage=row["stage"],
                article=_article_from_json(row["article"]) if row["stage"] == "record" else None,
                history=bool(row["history"]),
                attempts=row["attempts"],
            )
            for row in rows
        ]

    def note_item_failure(
        self,
        source: str,
        item: ListedItem,
        error: str,
        now: datetime,
        *,
        stage: str = "read",
        article: Article | None = None,
        history: bool = False,
    ) -> int:
        """Count one more failed attempt at an item; return the attempts so far."""
        kept = article if stage == "record" else item.teaser
        self._x(
            "INSERT INTO pending_items (id, source, url, stage, article, dated, history,"
            " attempts, last_error, first_failed_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            " attempts = pending_items.attempts + 1, last_error = excluded.last_error,"
            " stage = excluded.stage, article = coalesce(excluded.article, pending_items.article),"
            " updated_at = excluded.updated_at",
            (
                item.id,
                source,
                item.url,
                stage,
                _article_to_json(kept) if kept is not None else None,
                int(item.dated),
                int(history),
                error,
                _iso(now),
                _iso(now),
            ),
        )
        row = self._x("SELECT attempts FROM pending_items WHERE id = ?", (item.id,)).fetchone()
        return int(row["attempts"])

    def give_up_item(self, source: str, item_id: str, now: datetime) -> None:
        """Never try this item again, and count it against the source's health."""
        cursor = self._x(
            "UPDATE pending_items SET gave_up_at = ?, updated_at = ?"
            " WHERE id = ? AND gave_up_at IS NULL",
            (_iso(now), _iso(now), item_id),
        )
        if cursor.rowcount:
            self._x(
                "INSERT INTO source_state (source, items_given_up, updated_at) VALUES (?, 1, ?)"
                " ON CONFLICT (source) DO UPDATE SET"
                " items_given_up = source_state.items_given_up + 1,"
                " updated_at = excluded.updated_at",
                (source, _iso(now)),
            )

    def clear_pending(self, item_id: str) -> None:
        self._x("DELETE FROM pending_items WHERE id = ?", (item_id,))

    def add_article(self, article: Article, seen_at: datetime) -> bool:
        """Record an article; False when it was already known."""
        cursor = self._x(
            "INSERT OR IGNORE INTO articles (id, source, url, original_url, title, published_at,"
            " first_seen_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.source,
                article.url,
                article.original_url,
                article.title,
                _iso(article.published_at),
                _iso(seen_at),
                article.body,
            ),
        )
        return cursor.rowcount == 1

    def add_figure(self, figure: Figure) -> int:
        change = None
        if figure.change is not None:
            key = "pct" if figure.change.percent else "abs"
            change = json.dumps({key: str(figure.change.amount)})
        cursor = self._x(
            "INSERT INTO figures (article_id, metric, subject, region, period, value, low, high,"
            " unit, changes, change, bound, forecast, evidence, span_start, span_end, quarantined)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                figure.article_id,
                figure.metric.value,
                figure.subject,
                figure.region,
                figure.period,
                _text(figure.value),
                _text(figure.low),
                _text(figure.high),
                figure.unit,
                json.dumps({basis.value: str(v) for basis, v in figure.changes.items()}),
                change,
                figure.bound.value if figure.bound else None,
                int(figure.forecast),
                figure.evidence,
                figure.span[0],
                figure.span[1],
                figure.quarantined,
            ),
        )
        return int(cursor.lastrowid or 0)

    def count(self, table: str) -> int:
        if table not in {"articles", "figures", "alerts", "outbox"}:
            raise ValueError(table)
        return int(self._x(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608

    # -- rule state and alerts -----------------------------------------------------------------

    def series_state(self, rule: str, series: str) -> SeriesState | None:
        row = self._x(
            "SELECT side, data_order, value, fired_at, sent_at FROM rule_state"
            " WHERE rule = ? AND series = ?",
            (rule, series),
        ).fetchone()
        if row is None:
            return None
        return SeriesState(
            side=Side(row["side"]) if row["side"] else None,
            order=row["data_order"],
            value=Decimal(row["value"]) if row["value"] is not None else None,
            fired_at=_parse(row["fired_at"]),
            sent_at=_parse(row["sent_at"]),
        )

    def save_series_state(
        self, rule: str, series: str, state: SeriesState, figure_id: int, now: datetime
    ) -> None:
        self._x(
            "INSERT INTO rule_state (rule, series, side, figure_id, updated_at, data_order, value,"
            " fired_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (rule, series) DO UPDATE SET side = excluded.side,"
            " figure_id = excluded.figure_id, updated_at = excluded.updated_at,"
            " data_order = excluded.data_order, value = excluded.value,"
            " fired_at = excluded.fired_at, sent_at = excluded.sent_at",
            (
                rule,
                series,
                state.side.value if state.side else None,
                figure_id,
                _iso(now),
                state.order,
                _text(state.value),
                _iso(state.fired_at) if state.fired_at else None,
                _iso(state.sent_at) if state.sent_at else None,
            ),
        )

    def sync_rules(
        self, conditions: dict[str, str], now: datetime, keep_removed: timedelta
    ) -> tuple[list[str], list[str]]:
        """Record the configured rules (name -> condition digest).

        A rule whose condition differs from the one recorded loses its series state (its sides
        and cooldowns were decided on another threshold); the facts it decided are kept, so a
        republished article still says nothing twice. A rule not configured for ``keep_removed``
        is forgotten with its state. Returns (rules reset, rules forgotten).
        """
        recorded = {
            row["rule"]: row["condition"]
            for row in self._x("SELECT rule, condition FROM rules_configured").fetchall()
        }
        reset = sorted(
            name
            for name, condition in conditions.items()
            if recorded.get(name) not in (None, condition)
        )
        for name in reset:
            self._x("DELETE FROM rule_state WHERE rule = ?", (name,))
        for name, condition in conditions.items():
            self._x(
                "INSERT INTO rules_configured (rule, condition, last_seen_at) VALUES (?, ?, ?)"
                " ON CONFLICT (rule) DO UPDATE SET condition = excluded.condition,"
                " last_seen_at = excluded.last_seen_at",
                (name, condition, _iso(now)),
            )
        stale = [
            row["rule"]
            for row in self._x(
                "SELECT rule FROM rules_configured WHERE last_seen_at < ?",
                (_iso(now - keep_removed),),
            ).fetchall()
            if row["rule"] not in conditions
        ]
        for name in stale:
            self._x("DELETE FROM rule_state WHERE rule = ?", (name,))
            self._x("DELETE FROM rule_facts WHERE rule = ?", (name,))
            self._x("DELETE FROM rules_configured WHERE rule = ?", (name,))
        return reset, sorted(stale)

    def fact_state(self, rule: str, fact_key: str) -> FactState | None:
        row = self._x(
            "SELECT signature, fired FROM rule_facts WHERE rule = ? AND fact_key = ?",
            (rule, fact_key),
        ).fetchone()
        return None if row is None else FactState(row["signature"], bool(row["fired"]))

    def save_fact_state(self, rule: str, fact_key: str, state: FactState, now: datetime) -> None:
        self._x(
            "INSERT INTO rule_facts (rule, fact_key, signature, fired, updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (rule, fact_key) DO UPDATE SET"
            " signature = excluded.signature, fired = excluded.fired,"
            " updated_at = excluded.updated_at",
            (rule, fact_key, state.signature, int(state.fired), _iso(now)),
        )

    def level(self, metric: str, subject: str, region: str, period: str) -> Decimal | None:
        """The latest observed level stored for a period (forecasts and quarantined excluded)."""
        row = self._x(
            "SELECT value FROM figures WHERE metric = ? AND subject = ? AND region = ?"
            " AND period = ? AND value IS NOT NULL AND forecast = 0 AND quarantined IS NULL"
            " ORDER BY id DESC LIMIT 1",
            (metric, subject, region, period),
        ).fetchone()
        return None if row is None else Decimal(row["value"])

    def fact_sources(self, figure: Figure) -> list[Article]:
        """Every stored article that carried the same numbers for the same subject and period."""
        rows = self._x(
            "SELECT DISTINCT a.id, a.source, a.url, a.original_url, a.title, a.published_at"
            " FROM figures f JOIN articles a ON a.id = f.article_id"
            " WHERE f.metric = ? AND f.subject = ? AND f.region = ? AND f.period IS ?"
            " AND f.value IS ? AND f.low IS ? AND f.high IS ? ORDER BY a.first_seen_at, a.id",
            (
                figure.metric.value,
                figure.subject,
                figure.region,
                figure.period,
                _text(figure.value),
                _text(figure.low),
                _text(figure.high),
            ),
        ).fetchall()
        return [
            Article(
                source=row["source"],
                id=row["id"],
                url=row["url"],
                title=row["title"],
                published_at=datetime.fromisoformat(row["published_at"]),
                body="",
                original_url=row["original_url"],
            )
            for row in rows
        ]

    def history(
        self, metric: str, subject: str, region: str, limit: int = 24
    ) -> list[tuple[str, Decimal]]:
        """(period, level) of a series, oldest first: the latest observed value per period."""
        rows = self._x(
            "SELECT period, value FROM figures WHERE id IN ("
            " SELECT max(id) FROM figures WHERE metric = ? AND subject = ? AND region = ?"
            " AND period IS NOT NULL AND value IS NOT NULL AND forecast = 0"
            " AND quarantined IS NULL GROUP BY period) ORDER BY period DESC LIMIT ?",
            (metric, subject, region, limit),
        ).fetchall()
        return [(row["period"], Decimal(row["value"])) for row in reversed(rows)]

    def add_alert(
        self,
        dedup_key: str,
        rule: str,
        figure_id: int,
        reason: str,
        now: datetime,
        *,
        suppressed: bool = False,
    ) -> bool:
        """Record a decided alert; False when this fact already fired this rule."""
        cursor = self._x(
            "INSERT OR IGNORE INTO alerts (dedup_key, rule, figure_id, reason, created_at,"
            " suppressed) VALUES (?, ?, ?, ?, ?, ?)",
            (dedup_key, rule, figure_id, reason, _iso(now), int(suppressed)),
        )
        return cursor.rowcount == 1

    # -- outbox --------------------------------------------------------------------------------

    def enqueue(self, message: OutgoingMessage, now: datetime) -> bool:
        cursor = self._x(
            "INSERT OR IGNORE INTO outbox (chat, text, idempotency_key, created_at)"
            " VALUES (?, ?, ?, ?)",
            (message.chat, message.text, message.idempotency_key, _iso(now)),
        )
        if cursor.rowcount != 1:
            return False
        if message.photo is not None:
            self._x(
                "INSERT INTO outbox_photos (message_id, png) VALUES (?, ?)",
                (cursor.lastrowid, message.photo),
            )
        return True

    def queued_chats(self, now: datetime) -> list[str]:
        """Chats whose oldest queued message is due now, oldest first; disabled chats are left
        out. A deferred message holds back its chat's later ones, so that they arrive in order."""
        rows = self._x(
            "SELECT o.chat FROM outbox o WHERE o.status = 'queued'"
            " AND o.id = (SELECT min(id) FROM outbox WHERE chat = o.chat AND status = 'queued')"
            " AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)"
            " AND o.chat NOT IN (SELECT chat FROM chats WHERE disabled_at IS NOT NULL"
            " OR paused_at IS NOT NULL)"
            " ORDER BY o.id",
            (_iso(now),),
        ).fetchall()
        return [row["chat"] for row in rows]

    def queued(self, chat: str, limit: int = -1) -> list[QueuedMessage]:
        """A chat's queued messages, in the order they must arrive."""
        rows = self._x(
            "SELECT id, chat, text, idempotency_key, attempts, created_at, plain,"
            " unknown_outcomes, png AS photo FROM outbox"
            " LEFT JOIN outbox_photos ON message_id = id"
            " WHERE status = 'queued' AND chat = ? ORDER BY id LIMIT ?",
            (chat, limit),
        ).fetchall()
        return [
            QueuedMessage(
                id=row["id"],
                chat=row["chat"],
                text=row["text"],
                idempotency_key=row["idempotency_key"],
                attempts=row["attempts"],
                created_at=datetime.fromisoformat(row["created_at"]),
                plain=bool(row["plain"]),
                photo=row["photo"],
                unknown_outcomes=row["unknown_outcomes"],
            )
            for row in rows
        ]

    def next_queued(self, chat: str) -> QueuedMessage | None:
        """The message that must reach ``chat`` next."""
        queued = self.queued(chat, limit=1)
        return queued[0] if queued else None

    def mark_sent(self, message_id: int, delivery_id: str, now: datetime) -> None:
        self._x(
            "UPDATE outbox SET status = 'sent', sent_at = ?, delivery_id = ?,"
            " attempts = attempts + 1, next_attempt_at = NULL WHERE id = ?",
            (_iso(now), delivery_id, message_id),
        )
        self._drop_photo(message_id)

    def _drop_photo(self, message_id: int) -> None:
        """A settled message's chart is not needed again."""
        self._x("DELETE FROM outbox_photos WHERE message_id = ?", (message_id,))

    def mark_failed_attempt(
        self,
        message_id: int,
        error: str,
        next_attempt_at: datetime | None = None,
        *,
        count: bool = True,
    ) -> None:
        """Keep the message queued; ``count`` false for waits the service asked for (429)."""
        self._x(
            "UPDATE outbox SET attempts = attempts + ?, last_error = ?, next_attempt_at = ?"
            " WHERE id = ?",
            (int(count), error, _iso(next_attempt_at) if next_attempt_at else None, message_id),
        )

    def mark_plain(self, message_id: int, error: str) -> None:
        self._x(
            "UPDATE outbox SET plain = 1, attempts = attempts + 1, last_error = ? WHERE id = ?",
            (error, message_id),
        )

    def mark_rejected(self, message_id: int, error: str) -> None:
        self._x(
            "UPDATE outbox SET status = 'rejected', attempts = attempts + 1, last_error = ?"
            " WHERE id = ?",
            (error, message_id),
        )
        self._drop_photo(message_id)

    def disable_chat(self, chat: str, reason: str, now: datetime) -> bool:
        """Stop sending to a chat; False when it was already disabled."""
        cursor = self._x(
            "INSERT INTO chats (chat, disabled_at, reason) VALUES (?, ?, ?)"
            " ON CONFLICT (chat) DO UPDATE SET disabled_at = excluded.disabled_at,"
            " reason = excluded.reason WHERE chats.disabled_at IS NULL",
            (chat, _iso(now), reason),
        )
        return cursor.rowcount == 1

    def enable_chat(self, chat: str) -> None:
        self._x("UPDATE chats SET disabled_at = NULL, reason = NULL WHERE chat = ?", (chat,))

    def mark_outcome_unknown(self, message_id: int, error: str, next_attempt_at: datetime) -> None:
        """The service may or may not have the message: try once more later, not now."""
        self._x(
            "UPDATE outbox SET attempts = attempts + 1, unknown_outcomes = unknown_outcomes + 1,"
            " last_error = ?, next_attempt_at = ? WHERE id = ?",
            (error, _iso(next_attempt_at), message_id),
        )

    def mark_unconfirmed(self, message_id: int, error: str, now: datetime) -> None:
        """Stop sending a message that may already have arrived more than once."""
        self._x(
            "UPDATE outbox SET status = 'unconfirmed', attempts = attempts + 1,"
            " unknown_outcomes = unknown_outcomes + 1, last_error = ?, sent_at = ?"
            " WHERE id = ?",
            (error, _iso(now), message_id),
        )
        self._drop_photo(message_id)

    def backup(self, target: Path) -> None:
        """A consistent copy of the database at ``target``, taken while others may write.

        SQLite's online backup API, in one step: in WAL mode that reads one snapshot without
        holding writers back. The copy is written beside ``target`` and renamed into place, so a
        failed backup never leaves a half-written file under the name.
        """
        partial = target.with_name(f".{target.name}.partial")
        try:
            with closing(sqlite3.connect(partial)) as copy:
                self._db.backup(copy)
                (verdict,) = copy.execute("PRAGMA integrity_check").fetchone()
                if verdict != "ok":
                    raise StoreError(f"the backup failed its integrity check: {verdict}")
            partial.replace(target)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot back up to {target}: {exc}") from exc
        finally:
            partial.unlink(missing_ok=True)

    def oldest_queued_at(self) -> datetime | None:
        row = self._x("SELECT min(created_at) FROM outbox WHERE status = 'queued'").fetchone()
        return _parse(row[0])

    def disabled_chats(self) -> list[tuple[str, datetime, str]]:
        """(chat, disabled since, why) of every chat that refused the bot."""
        rows = self._x(
            "SELECT chat, disabled_at, reason FROM chats WHERE disabled_at IS NOT NULL"
            " ORDER BY chat"
        ).fetchall()
        return [(row["chat"], datetime.fromisoformat(row["disabled_at"]), row["reason"] or "")
                for row in rows]  # fmt: skip

    def listing_health(self, source: str) -> dict[str, tuple[int, str | None]]:
        """Each feed or listing of a source: (failed polls in a row, last error)."""
        rows = self._x(
            "SELECT listing, failures, last_error FROM listing_health WHERE source = ?", (source,)
        ).fetchall()
        return {row["listing"]: (row["failures"], row["last_error"]) for row in rows}

    def prune(self, before: datetime) -> tuple[int, int]:
        """Drop what is only bulk once old: the bodies of articles first seen before ``before``
        and settled outbox messages from before it. Figures, alerts and rule state are kept, so
        nothing old can alert again. Returns (bodies dropped, messages deleted)."""
        cutoff = _iso(before)
        bodies = self._x(
            "UPDATE articles SET body = '' WHERE first_seen_at < ? AND body != ''", (cutoff,)
        ).rowcount
        messages = self._x(
            "DELETE FROM outbox WHERE status != 'queued' AND coalesce(sent_at, created_at) < ?",
            (cutoff,),
        ).rowcount
        return bodies, messages

    def queued_count(self) -> int:
        row = self._x("SELECT count(*) FROM outbox WHERE status = 'queued'").fetchone()
        return int(row[0])

    # -- HTTP validators -----------------------------------------------------------------------

    def validators(self, url: str) -> tuple[str | None, str | None] | None:
        row = self._x(
            "SELECT etag, last_modified FROM http_validators WHERE url = ?", (url,)
        ).fetchone()
        return None if row is None else (row["etag"], row["last_modified"])

    def put_validators(
        self, url: str, etag: str | None, last_modified: str | None, now: datetime
    ) -> None:
        self._x(
            "INSERT INTO http_validators (url, etag, last_modified, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,"
            " last_modified = excluded.last_modified, updated_at = excluded.updated_at",
            (url, etag, last_modified, _iso(now)),
        )

    # -- source health ---------------------------------------------------------------------------

    def record_listing_result(
        self, source: str, listing: str, error: str | None, now: datetime
    ) -> int:
        """One poll of a feed or listing: reset on success, count on failure; return failures
        in a row."""
        if error is None:
            row = self._x(
                "SELECT failures, last_error, updated_at FROM listing_health"
                " WHERE source = ? AND listing = ?",
                (source, listing),
            ).fetchone()
            if (
                row is not None
                and row["failures"] == 0
                and row["last_error"] is None
                and _fresh(_parse(row["updated_at"]), now)
            ):
                return 0  # nothing changed: no write (see record_source_success)
            self._x(
                "INSERT INTO listing_health (source, listing, failures, updated_at)"
                " VALUES (?, ?, 0, ?) ON CONFLICT (source, listing) DO UPDATE SET failures = 0,"
                " last_error = NULL, updated_at = excluded.updated_at",
                (source, listing, _iso(now)),
            )
            return 0
        self._x(
            "INSERT INTO listing_health (source, listing, failures, last_error, updated_at)"
            " VALUES (?, ?, 1, ?, ?) ON CONFLICT (source, listing) DO UPDATE SET"
            " failures = listing_health.failures + 1, last_error = excluded.last_error,"
            " updated_at = excluded.updated_at",
            (source, listing, error, _iso(now)),
        )
        row = self._x(
            "SELECT failures FROM listing_health WHERE source = ? AND listing = ?",
            (source, listing),
        ).fetchone()
        return int(row["failures"])

    def listing_failures(self, source: str, listing: str) -> int:
        row = self._x(
            "SELECT failures FROM listing_health WHERE source = ? AND listing = ?",
            (source, listing),
        ).fetchone()
        return 0 if row is None else int(row["failures"])

    def source_state(self, source: str) -> SourceState:
        row = self._x(
            "SELECT first_poll_at, failures, last_error, backoff_until, items_given_up, updated_at"
            " FROM source_state"
            " WHERE source = ?",
            (source,),
        ).fetchone()
        if row is None:
            return SourceState(source=source)
        return SourceState(
            source=source,
            first_poll_at=_parse(row["first_poll_at"]),
            failures=row["failures"],
            last_error=row["last_error"],
            backoff_until=_parse(row["backoff_until"]),
            items_given_up=row["items_given_up"],
            updated_at=_parse(row["updated_at"]),
        )

    def record_source_success(self, source: str, now: datetime) -> SourceState:
        """Reset the failure count; return the state as it was before this success.

        A success that changes nothing is not written unless the stored one is older than
        HEALTH_HEARTBEAT: an idle daemon should not write (and fsync) its database every cycle.
        """
        before = self.source_state(source)
        if before.healthy and _fresh(before.updated_at, now):
            return before
        self._x(
            "INSERT INTO source_state (source, first_poll_at, failures, updated_at)"
            " VALUES (?, ?, 0, ?) ON CONFLICT (source) DO UPDATE SET"
            " first_poll_at = coalesce(source_state.first_poll_at, excluded.first_poll_at),"
            " failures = 0, last_error = NULL, backoff_until = NULL,"
            " updated_at = excluded.updated_at",
            (source, _iso(now), _iso(now)),
        )
        return before

    def record_source_failure(
        self, source: str, error: str, now: datetime, backoff_until: datetime | None
    ) -> int:
        """Count one more failed cycle in a row; return the count."""
        self._x(
            "INSERT INTO source_state (source, failures, last_error, backoff_until, updated_at)"
            " VALUES (?, 1, ?, ?, ?) ON CONFLICT (source) DO UPDATE SET"
            " failures = source_state.failures + 1, last_error = excluded.last_error,"
            " backoff_until = excluded.backoff_until, updated_at = excluded.updated_at",
            (source, error, _iso(backoff_until) if backoff_until else None, _iso(now)),
        )
        return self.source_state(source).failures

    def set_backoff(self, source: str, until: datetime | None) -> None:
        self._x(
            "UPDATE source_state SET backoff_until = ? WHERE source = ?",
            (_iso(until) if until else None, source),
        )

    # -- backfill progress -----------------------------------------------------------------------

    def backfill_next_page(self, source: str) -> int:
        row = self._x("SELECT next_page FROM backfill_state WHERE source = ?", (source,)).fetchone()
        return 1 if row is None else int(row["next_page"])

    def set_backfill_next_page(self, source: str, page: int, now: datetime) -> None:
        self._x(
            "INSERT INTO backfill_state (source, next_page, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (source) DO UPDATE SET next_page = excluded.next_page,"
            " updated_at = excluded.updated_at",
            (source, page, _iso(now)),
        )

    def clear_backfill(self, source: str) -> None:
        self._x("DELETE FROM backfill_state WHERE source = ?", (source,))
