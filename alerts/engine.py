"""Recording an article: store it and its figures, decide rules, queue messages; one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from alerts.models import Alert, Crossing, OutgoingMessage, Rule
from alerts.render import render
from alerts.rules import evaluate, fact_key, state_key
from alerts.store import Store
from scrapers.models import Article, Figure


def record(
    store: Store,
    rules: Sequence[Rule],
    article: Article,
    figures: Sequence[Figure],
    chats: Sequence[str],
    now: datetime,
    *,
    send: bool = True,
) -> list[Alert]:
    """Store a new article with its figures and queue a message per alert and chat.

    Returns the alerts decided for this article; an article already stored decides nothing.
    With ``send`` false (a source's first poll, a backfill) the article is history: rule state
    moves and decided facts are remembered, so they never alert later, but nothing is queued.
    """
    alerts: list[Alert] = []
    with store.transaction():
        if not store.add_article(article, now):
            return []
        for figure in figures:
            figure_id = store.add_figure(figure)
            for rule in rules:
                alert = _decide(store, rule, figure, figure_id, article, now, send=send)
                if alert is None or not send:
                    continue
                alerts.append(alert)
                text = render(alert)
                for chat in chats:
                    store.enqueue(
                        OutgoingMessage(
                            chat=chat, text=text, idempotency_key=f"{alert.dedup_key}>{chat}"
                        ),
                        now,
                    )
    return alerts


def _decide(
    store: Store,
    rule: Rule,
    figure: Figure,
    figure_id: int,
    article: Article,
    now: datetime,
    *,
    send: bool,
) -> Alert | None:
    crossing = isinstance(rule.condition, Crossing)
    series = state_key(rule, figure)
    last = store.rule_side(rule.name, series) if crossing else None
    decision = evaluate(rule, figure, last)
    if decision.side is not None and decision.side is not last:
        store.set_rule_side(rule.name, series, decision.side, figure_id, now)
    if not decision.fires:
        return None
    # A crossing is its own event (the state above already stops repeats); a stated change is
    # one fact however many sites carry it.
    dedup_key = f"{series}|crossed|{figure_id}" if crossing else fact_key(rule, figure)
    if not store.add_alert(
        dedup_key, rule.name, figure_id, decision.reason, now, suppressed=not send
    ):
        return None
    return Alert(
        rule=rule, figure=figure, article=article, reason=decision.reason, dedup_key=dedup_key
    )
