"""Site sources: each turns a site's feeds or listings into new Articles.

Adding a site is one module here plus one line in ``SOURCES``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from scrapers.http import HttpClient
from scrapers.models import Article

IsSeen = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class PollResult:
    """What one poll of a source found: new articles, and how many items it listed in all."""

    articles: tuple[Article, ...]
    listed: int


class Source(Protocol):
    name: str

    async def poll(self, http: HttpClient, is_seen: IsSeen) -> PollResult:
        """Return the articles not yet seen; raise ScrapeError when the source cannot be read."""
        ...


@dataclass(frozen=True, slots=True)
class SourceOptions:
    """What a source needs to know from the user's settings."""

    base_url: str
    feeds: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()


def build_source(name: str, options: SourceOptions) -> Source:
    from scrapers.sources import alcircle

    factories: Mapping[str, Callable[[SourceOptions], Source]] = {
        "alcircle": alcircle.AlCircleSource,
    }
    try:
        factory = factories[name]
    except KeyError:
        raise ValueError(f"unknown source {name!r}") from None
    return factory(options)


SOURCE_NAMES = ("alcircle",)
