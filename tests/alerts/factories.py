"""Small builders for the alert-stage tests."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from alerts.render import render
from alerts.store import Store
from scrapers.models import Article, Bound, ChangeBasis, Figure, Metric

PUBLISHED = datetime(2025, 12, 3, 9, 30, tzinfo=UTC)


def article(number: int = 118842, source: str = "alcircle", title: str = "Rates climb") -> Article:
    return Article(
        source=source,
        id=f"{source}:{number}",
        url=f"https://www.alcircle.com/press-release/rates-climb-{number}",
        title=title,
        published_at=PUBLISHED,
        body="…",
        original_url=f"https://www.alcircle.com/press-release/rates-climb-{number}",
    )


def rate(
    mom: str | None = "2.3",
    *,
    value: str | None = "46.3",
    subject: str = "secondary aluminium",
    period: str | None = "2025-11",
    forecast: bool = False,
    article_id: str = "alcircle:118842",
) -> Figure:
    changes = {ChangeBasis.MOM: Decimal(mom)} if mom is not None else {}
    return Figure(
        metric=Metric.OPERATING_RATE,
        subject=subject,
        value=Decimal(value) if value is not None else None,
        unit="%",
        changes=changes,
        period=period,
        forecast=forecast,
        evidence=f"the operating rate of the {subject} industry rose {mom} percentage points MoM",
        span=(0, 10),
        article_id=article_id,
    )


def price(
    value: str | None = "92000",
    *,
    bound: Bound | None = None,
    subject: str = "copper",
    unit: str = "CNY/t",
    low: str | None = None,
    high: str | None = None,
    forecast: bool = False,
    article_id: str = "alcircle:118842",
) -> Figure:
    return Figure(
        metric=Metric.PRICE,
        subject=subject,
        value=Decimal(value) if value is not None else None,
        low=Decimal(low) if low is not None else None,
        high=Decimal(high) if high is not None else None,
        unit=unit,
        bound=bound,
        forecast=forecast,
        evidence=f"{subject} prices at {value} {unit}",
        span=(0, 10),
        article_id=article_id,
    )


def queued_texts(store: Store, chat: str) -> list[str]:
    """A chat's queued messages as Telegram will read them: an alert rendered from the store,
    as the notifier renders it when it sends."""
    texts = []
    for message in store.queued(chat):
        if message.text or message.alert_key is None:
            texts.append(message.text)
            continue
        content = store.alert_content(message.alert_key)
        assert content is not None, message
        texts.append(render(content))
    return texts
