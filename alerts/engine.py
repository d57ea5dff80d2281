"""Recording an article: store it and its figures, decide rules, queue messages; one transaction."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

from alerts import audience
from alerts.charts import MIN_POINTS, render_chart
from alerts.models import Alert, AlertContent, AlertKind, MovesBy, OutgoingMessage, Rule
from alerts.rules import (
    Decision,
    evaluate,
    fact_key,
    series_key,
    stated_change,
)
from alerts.store.protocols import ArticleStore, RecordingStore
from scrapers.extract import metrics
from scrapers.models import Article, ChangeBasis, Figure

log = logging.getLogger(__name__)

# A stated change and the one computed from stored levels may differ by rounding.
CHANGE_TOLERANCE = Decimal("0.15")


def record(
    store: RecordingStore,
    rules: Sequence[Rule],
    article: Article,
    figures: Sequence[Figure],
    chats: Sequence[str],
    now: datetime,
    *,
    send: bool = True,
    notifier: str = "telegram",
) -> list[Alert]:
    """Store a new article with its figures and queue a message per alert and chat.

    ``chats`` (on the ``notifier`` kind) hear the rules given; the store adds every chat's own
    rules (heard by that chat) and the subscribers, who hear the channel's alerts that match
    their filters.

    Returns the alerts decided for this article; an article already stored decides nothing.
    With ``send`` false (a source's first poll, a backfill) the article is history: rule state
    moves and decided facts are remembered, so they never alert later, but nothing is queued.
    A queued message names its alert; the notifier renders it (and draws its chart) when it is
    sent, outside this transaction.
    """
    alerts: list[Alert] = []
    with store.transaction():
        if not store.add_article(article, now):
            return []
        everyone, heard_by = audience.load(store, rules, chats, now, notifier)
        for figure in figures:
            figure_id = store.add_figure(figure)
            for rule in everyone:
                alert = _decide(store, rule, figure, figure_id, article, now, send=send)
                if alert is None:
                    continue
                alerts.append(alert)
                for target in heard_by.targets_for(alert):
                    message = OutgoingMessage(
                        chat=target.address,
                        text="",
                        idempotency_key=f"{alert.dedup_key}>{target.address}",
                        alert_key=alert.dedup_key,
                        notifier=target.notifier,
                    )
                    store.enqueue(message, now)
    return alerts


def chart_for(store: ArticleStore, alert: Alert | AlertContent) -> bytes | None:
    """A PNG of the series' history, threshold drawn for level rules; None below 3 points."""
    content = alert.content if isinstance(alert, Alert) else alert
    figure = content.figure
    points = store.history(figure.metric.value, figure.subject, figure.region)
    if len(points) < MIN_POINTS:
        return None
    threshold = _threshold(content.condition)
    title = f"{figure.subject} {figure.metric.value.replace('_', ' ')} ({figure.region})"
    return render_chart(points, title=title, unit=figure.unit, threshold=threshold)


_LEVEL_CONDITION = re.compile(r"^(?:above|below)\s+(?P<threshold>[\d,]+(?:\.\d+)?)\b")


def _threshold(condition: str) -> Decimal | None:
    """The line a level rule watches ("above 92,000 CNY/t"), to draw on its chart."""
    match = _LEVEL_CONDITION.match(condition)
    return Decimal(match.group("threshold").replace(",", "")) if match else None


def previous_period(period: str, basis: ChangeBasis) -> str | None:
    """The period a change on ``basis`` compares with: 2025-11 MoM -> 2025-10."""
    try:
        if "-W" in period:
            year, week = int(period[:4]), int(period[6:])
            if basis is ChangeBasis.WOW:
                monday = date.fromisocalendar(year, week, 1).toordinal() - 7
                y, w, _ = date.fromordinal(monday).isocalendar()
                return f"{y:04d}-W{w:02d}"
            return f"{year - 1:04d}-W{week:02d}" if basis is ChangeBasis.YOY else None
        year, month = int(period[:4]), int(period[5:7])
    except ValueError:
        return None
    if basis is ChangeBasis.MOM:
        return f"{year - 1:04d}-12" if month == 1 else f"{year:04d}-{month - 1:02d}"
    if basis is ChangeBasis.YOY:
        return f"{year - 1:04d}-{month:02d}"
    return None


def computed_change(store: ArticleStore, rule: Rule, figure: Figure) -> Decimal | None:
    """The change since the stored previous period, for a rate; warns when it disagrees with
    the change the article states."""
    condition = rule.condition
    if not isinstance(condition, MovesBy) or condition.basis is None:
        return None
    point_changes = metrics.spec(figure.metric).point_changes
    if not point_changes or figure.value is None or not figure.period:
        return None
    before = previous_period(figure.period, condition.basis)
    previous = (
        store.level(figure.metric.value, figure.subject, figure.region, before) if before else None
    )
    if previous is None:
        return None
    computed = figure.value - previous
    stated = stated_change(condition, figure)
    if stated is not None and abs(stated[0] - computed) > CHANGE_TOLERANCE:
        log.warning(
            "stated and computed changes disagree subject=%s period=%s stated=%s computed=%s",
            figure.subject,
            figure.period,
            stated[0],
            computed,
        )
    return computed


def _dedup_key(rule: Rule, figure: Figure, figure_id: int, decision: Decision) -> str:
    if decision.kind is AlertKind.REVISED:
        return f"{fact_key(rule, figure)}|revised|{figure_id}"
    if isinstance(rule.condition, MovesBy):
        return fact_key(rule, figure)
    # A crossing, a repeat or a re-arm is an event of its own; the series state stops repeats.
    return f"{series_key(rule, figure)}|{decision.kind}|{figure_id}"


def _decide(
    store: RecordingStore,
    rule: Rule,
    figure: Figure,
    figure_id: int,
    article: Article,
    now: datetime,
    *,
    send: bool,
) -> Alert | None:
    series = series_key(rule, figure)
    fact = fact_key(rule, figure)
    moves_by = isinstance(rule.condition, MovesBy)
    decision = evaluate(
        rule,
        figure,
        series=store.series_state(rule.name, series),
        fact=store.fact_state(rule.name, fact) if moves_by else None,
        published=article.published_at,
        now=now,
        computed_change=computed_change(store, rule, figure) if moves_by else None,
    )
    if decision.series is not None:
        store.save_series_state(rule.name, series, decision.series, figure_id, now)
    if decision.fact is not None:
        store.save_fact_state(rule.name, fact, decision.fact, now)
    if decision.kind is None:
        if decision.suppressed:
            log.debug(
                "alert suppressed rule=%s subject=%s why=%s",
                rule.name,
                figure.subject,
                decision.suppressed,
            )
        return None
    dedup_key = _dedup_key(rule, figure, figure_id, decision)
    alert = Alert(
        rule=rule,
        figure=figure,
        article=article,
        reason=decision.reason,
        dedup_key=dedup_key,
        kind=decision.kind,
    )
    if not store.add_alert(
        dedup_key,
        rule.name,
        figure_id,
        decision.reason,
        now,
        suppressed=not send,
        kind=decision.kind.value,
        condition=alert.condition,
        article_id=article.id,
    ):
        return None
    if not send:
        return None
    return replace(alert, sources=tuple(store.fact_sources(figure)) or (article,))
