"""Articles and their figures: what was seen, what is pending, the series' stored levels."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal

from alerts.store.rows import (
    Backend,
    PendingItem,
    _article_from_json,
    _article_to_json,
    _iso,
    _text,
)
from scrapers.models import Article, Figure, ListedItem


class ArticleRecords(Backend):
    """Articles and their figures: what was seen, what is pending, the series' stored levels."""

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
