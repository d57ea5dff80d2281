"""Figure extraction: cleaned article text in, typed figures with their evidence out.

Adding a metric is one module with an ``extract(sentence, context)`` function and ``CUES``, the
lower-case words without which a sentence is skipped (a substring test is far cheaper than a
pattern), plus one line in ``EXTRACTORS``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

from scrapers.extract import cues, operating_rate, periods, price, sanity, vocabulary
from scrapers.extract.context import Context
from scrapers.extract.text import Sentence, sentences
from scrapers.models import Article, Figure, Metric


class _ExtractFunction(Protocol):
    def __call__(self, sentence: Sentence, context: Context) -> list[Figure]: ...


@dataclass(frozen=True, slots=True)
class Extractor:
    cues: tuple[str, ...]
    extract: _ExtractFunction

    def wants(self, lowered: str) -> bool:
        return any(map(lowered.__contains__, self.cues))  # map: no generator frame per cue


EXTRACTORS: Sequence[Extractor] = (
    Extractor(operating_rate.CUES, operating_rate.extract),
    Extractor(price.CUES, price.extract),
)


def _key(figure: Figure) -> tuple[object, ...]:
    return (figure.metric, figure.subject, figure.region, figure.period, figure.forecast)


def _covers(rich: Figure, poor: Figure) -> bool:
    """Whether ``rich`` states everything ``poor`` states (a title repeating the body)."""
    if _key(rich) != _key(poor) or rich.unit != poor.unit:
        return False
    for name in ("value", "low", "high", "change", "bound"):
        mine = getattr(poor, name)
        if mine is not None and getattr(rich, name) != mine:
            return False
    return all(rich.changes.get(basis) == amount for basis, amount in poor.changes.items())


def _merge(figures: list[Figure]) -> list[Figure]:
    if len(figures) < 2:
        return figures
    kept: list[Figure] = []
    for figure in figures:
        if any(_covers(other, figure) for other in kept):
            continue
        kept = [other for other in kept if not _covers(figure, other)] + [figure]
    order = {id(figure): index for index, figure in enumerate(figures)}
    return sorted(kept, key=lambda figure: order[id(figure)])


def extract_text(body: str, published: date | None = None, title: str = "") -> list[Figure]:
    """Every figure stated in a cleaned body, in reading order, each fact once."""
    context = Context(published=published, rate_subject=operating_rate.subject_hint(title))
    figures: list[Figure] = []
    for sentence in sentences(body, with_numbers=True):
        for extractor in EXTRACTORS:
            if not extractor.wants(sentence.folded):
                continue
            found = extractor.extract(sentence, context)
            if not found:
                continue
            figures.extend(found)
            rates = [f.subject for f in found if f.metric is Metric.OPERATING_RATE]
            if rates and rates[-1] != context.rate_subject:
                context = Context(published=published, rate_subject=rates[-1])
    return [sanity.check(figure) for figure in _merge(figures)]


def clear_caches() -> None:
    """Forget every per-sentence memo (benchmarks measure cold text, as the daemon sees it)."""
    cues.clear_caches()
    periods.month_period.cache_clear()
    vocabulary.clear_caches()


def extract(article: Article) -> list[Figure]:
    """Every figure in an article, each linked back to it."""
    published = article.published_at.date()
    figures = extract_text(article.body, published, article.title)
    return [replace(figure, article_id=article.id) for figure in figures]
