"""The SQLite backend: the connection, the schema and its numbered migrations, transactions,
backup and retention, and ``Store``, which assembles the concerns (each in its own module, all
SQL in this package) on that connection.

Durability: WAL with synchronous=FULL, and one transaction per article, so that a crash can never
leave an alert decided but its message not queued, nor a message queued twice.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from alerts.errors import StoreError
from alerts.store import chats
from alerts.store.articles import ArticleRecords
from alerts.store.chats import ChatRecords
from alerts.store.delivery import DeliveryRecords
from alerts.store.health import SourceHealthRecords
from alerts.store.lookups import Lookups
from alerts.store.rows import _iso
from alerts.store.rule_state import RuleStateRecords

SCHEMA_VERSION = 9
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
-- suppressed: decided during a baseline (history, never sent). kind, condition (the rule's, as
-- it was when decided) and article_id: what the message says, rendered when it is sent. (No
-- comments among these columns: SQLite's DROP COLUMN rewrites the table's text and trips on
-- them.)
CREATE TABLE IF NOT EXISTS alerts (
    dedup_key   TEXT PRIMARY KEY,
    rule        TEXT NOT NULL,
    figure_id   INTEGER NOT NULL REFERENCES figures(id),
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    suppressed  INTEGER NOT NULL DEFAULT 0,
    kind        TEXT NOT NULL DEFAULT 'fired',
    condition   TEXT NOT NULL DEFAULT '',
    article_id  TEXT
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
    unknown_outcomes INTEGER NOT NULL DEFAULT 0,
    alert_key       TEXT,
    parts_sent      INTEGER NOT NULL DEFAULT 0,
    notifier        TEXT NOT NULL DEFAULT 'telegram'
);
-- unknown_outcomes: sends that may or may not have arrived. alert_key: the alert a message
-- tells, rendered by its notifier when sent (its text is then empty); parts_sent: of an alert
-- sent in parts, those gone. notifier: the kind of notifier the message's target is on.
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
    # Alerts are rendered when sent: the alert keeps what the message says, the outbox row
    # which alert it tells (rows queued before the upgrade keep their text and go as they are).
    9: (
        "ALTER TABLE alerts ADD COLUMN kind TEXT NOT NULL DEFAULT 'fired'",
        "ALTER TABLE alerts ADD COLUMN condition TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE alerts ADD COLUMN article_id TEXT",
        "ALTER TABLE outbox ADD COLUMN alert_key TEXT",
        "ALTER TABLE outbox ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE outbox ADD COLUMN notifier TEXT NOT NULL DEFAULT 'telegram'",
    ),
}


class Store(
    ArticleRecords,
    RuleStateRecords,
    DeliveryRecords,
    SourceHealthRecords,
    ChatRecords,
    Lookups,
):
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
