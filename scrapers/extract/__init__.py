"""Figure extraction: cleaned article text in, typed figures with their evidence out.

Adding a metric is one module with an ``extract(sentence, published)`` function plus one line in
``EXTRACTORS``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from scrapers.extract import operating_rate, price
from scrapers.extract.text import Sentence, sentences
from scrapers.models import Article, Figure

Extractor = Callable[[Sentence, date | None], list[Figure]]

EXTRACTORS: Sequence[Extractor] = (operating_rate.extract, price.extract)


def extract_text(body: str, published: date | None = None) -> list[Figure]:
    """Every figure stated in a cleaned body, in reading order, without repeats."""
    figures: list[Figure] = []
    seen: set[tuple[object, ...]] = set()
    for sentence in sentences(body):
        for extractor in EXTRACTORS:
            for figure in extractor(sentence, published):
                key = (
                    figure.metric,
                    figure.subject,
                    figure.period,
                    figure.value,
                    figure.low,
                    figure.high,
                    tuple(sorted(figure.changes.items())),
                    figure.change,
                    figure.forecast,
                )
                # A title or summary that repeats the body states one fact, not two.
                if key not in seen:
                    seen.add(key)
                    figures.append(figure)
    return figures


def extract(article: Article) -> list[Figure]:
    """Every figure in an article, each linked back to it."""
    published = article.published_at.date()
    return [replace(f, article_id=article.id) for f in extract_text(article.body, published)]
