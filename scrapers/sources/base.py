"""What every site source provides, and what it is given."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from scrapers.http import HttpClient
from scrapers.models import Article

IsSeen = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class PollResult:
    """What one poll found: new articles, how many items were listed, and pages that failed."""

    articles: tuple[Article, ...]
    listed: int
    failed_pages: int = 0
    unchanged: bool = False  # every feed or listing answered 304 Not Modified


@dataclass(frozen=True, slots=True)
class SourceOptions:
    """What a source needs to know from the user's settings."""

    base_url: str
    feeds: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()


class Source(Protocol):
    name: str

    async def poll(
        self, http: HttpClient, is_seen: IsSeen, *, page: int = 1, fresh: bool = False
    ) -> PollResult:
        """The articles not yet seen on listing page ``page`` (1 is the newest).

        ``fresh`` asks for full listings even if unchanged since the last poll (no conditional GET).

        Raises ScrapeError when the source as a whole cannot be read; a single article page
        that fails is logged, counted in ``failed_pages`` and tried again next time.
        """
        ...
