"""Answers for people asking the bot: the newest figures of a subject, the subjects known, the
last alerts, and what a rule remembers. Read-only queries on the backend's connection."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from alerts.rules import Side
from scrapers.models import Article, Bound, ChangeBasis, Figure, Metric, PriceChange


@dataclass(frozen=True, slots=True)
class StoredFigure:
    """A figure as stored, with its row id and the article that carried it."""

    id: int
    figure: Figure
    article: Article


@dataclass(frozen=True, slots=True)
class StoredAlert:
    rule: str
    reason: str
    created_at: datetime
    figure: StoredFigure


@dataclass(frozen=True, slots=True)
class RememberedSeries:
    """What a rule remembers about one series (subject, region, unit)."""

    series: str
    side: Side | None
    updated_at: datetime
    fired_at: datetime | None


FIGURE_COLUMNS = (
    "f.id AS figure_id, f.metric, f.subject, f.region, f.period, f.value, f.low, f.high, f.unit,"
    " f.changes, f.change, f.bound, f.forecast, f.evidence, f.span_start, f.span_end,"
    " f.quarantined, a.id AS article_id, a.source, a.url, a.original_url, a.title,"
    " a.published_at"
)


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def stored_figure(row: sqlite3.Row) -> StoredFigure:
    change = None
    if row["change"]:
        ((key, amount),) = json.loads(row["change"]).items()
        change = PriceChange(Decimal(amount), percent=key == "pct")
    figure = Figure(
        metric=Metric(row["metric"]),
        subject=row["subject"],
        value=_decimal(row["value"]),
        unit=row["unit"],
        evidence=row["evidence"],
        span=(row["span_start"], row["span_end"]),
        article_id=row["article_id"],
        region=row["region"],
        period=row["period"],
        low=_decimal(row["low"]),
        high=_decimal(row["high"]),
        changes={ChangeBasis(k): Decimal(v) for k, v in json.loads(row["changes"]).items()},
        change=change,
        bound=Bound(row["bound"]) if row["bound"] else None,
        forecast=bool(row["forecast"]),
        quarantined=row["quarantined"],
    )
    article = Article(
        source=row["source"],
        id=row["article_id"],
        url=row["url"],
        title=row["title"],
        published_at=datetime.fromisoformat(row["published_at"]),
        body="",
        original_url=row["original_url"],
    )
    return StoredFigure(row["figure_id"], figure, article)


class Lookups:
    """Read-only answers about stored figures, alerts and rule state."""

    def _x(self, sql: str, parameters: Sequence[object] = ()) -> sqlite3.Cursor:
        raise NotImplementedError  # the backend's

    def latest_figures(self, subject_glob: str, limit: int = 5) -> list[StoredFigure]:
        """The newest figure of each series whose subject matches the glob, newest first."""
        rows = self._x(
            f"SELECT {FIGURE_COLUMNS} FROM figures f JOIN articles a ON a.id = f.article_id"  # noqa: S608
            " WHERE f.id IN (SELECT max(id) FROM figures WHERE lower(subject) GLOB ?"
            " AND forecast = 0 GROUP BY metric, subject, region, unit)"
            " ORDER BY a.published_at DESC, f.id DESC LIMIT ?",
            (subject_glob.lower(), limit),
        ).fetchall()
        return [stored_figure(row) for row in rows]

    def subjects(self) -> list[str]:
        rows = self._x("SELECT DISTINCT subject FROM figures ORDER BY subject").fetchall()
        return [row["subject"] for row in rows]

    def recent_alerts(
        self, limit: int = 5, rules: Sequence[str] | None = None
    ) -> list[StoredAlert]:
        """The last alerts decided (history left out), newest first; of ``rules`` when given."""
        where = ""
        parameters: tuple[object, ...] = ()
        if rules is not None:
            where = f" AND al.rule IN ({', '.join('?' * len(rules))})"
            parameters = tuple(rules)
        rows = self._x(
            f"SELECT al.rule, al.reason, al.created_at, {FIGURE_COLUMNS} FROM alerts al"  # noqa: S608
            " JOIN figures f ON f.id = al.figure_id JOIN articles a ON a.id = f.article_id"
            f" WHERE al.suppressed = 0{where} ORDER BY al.created_at DESC, al.rowid DESC LIMIT ?",
            (*parameters, limit),
        ).fetchall()
        return [
            StoredAlert(
                row["rule"],
                row["reason"],
                datetime.fromisoformat(row["created_at"]),
                stored_figure(row),
            )
            for row in rows
        ]

    def alert_on(self, rule: str, figure_id: int) -> tuple[str, bool] | None:
        """(reason, suppressed) of a rule's alert on a figure; None when it decided none."""
        row = self._x(
            "SELECT reason, suppressed FROM alerts WHERE rule = ? AND figure_id = ?",
            (rule, figure_id),
        ).fetchone()
        return None if row is None else (row["reason"], bool(row["suppressed"]))

    def remembered(self, rule: str) -> list[RememberedSeries]:
        rows = self._x(
            "SELECT series, side, updated_at, fired_at FROM rule_state WHERE rule = ?"
            " ORDER BY updated_at DESC",
            (rule,),
        ).fetchall()
        return [
            RememberedSeries(
                row["series"],
                Side(row["side"]) if row["side"] else None,
                datetime.fromisoformat(row["updated_at"]),
                datetime.fromisoformat(row["fired_at"]) if row["fired_at"] else None,
            )
            for row in rows
        ]
