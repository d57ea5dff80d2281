"""What every site source provides, and what it is given.

A poll lists items (feed entries, listing links) and reads the new ones into Articles. What it
could not read is reported item by item, never raised, so that one bad item costs only itself;
the caller keeps such items and asks the source to read them again later (``read_item``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from scrapers.http import HttpClient, Validators
from scrapers.models import Article, ListedItem

IsKnown = Callable[[str], bool]  # an item already recorded, or given up on for good
IsSeen = IsKnown  # the older name


@dataclass(frozen=True, slots=True)
class ItemFailure:
    """An item that could not be read this time."""

    item: ListedItem
    error: str
    final: bool = False  # reading it again cannot help (a link that is no article URL)


@dataclass(frozen=True, slots=True)
class ListingRead:
    """A feed or listing that answered with a body, and the items it named.

    Its validators may be remembered only once every one of those items is recorded or given
    up: until then the next poll must get the body again, not a 304.
    """

    url: str
    validators: Validators | None
    item_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ListingFailure:
    """A feed or listing that could not be read this time."""

    name: str  # as configured: a feed name or a listing path
    url: str
    error: str
    retry_after: float | None = None  # seconds the site asked us to stay away


@dataclass(frozen=True, slots=True)
class PollResult:
    """What one poll found."""

    articles: tuple[Article, ...]
    listed: int
    failures: tuple[ItemFailure, ...] = ()
    listings: tuple[ListingRead, ...] = ()
    listing_failures: tuple[ListingFailure, ...] = ()
    unchanged: bool = False  # every feed or listing answered 304 Not Modified

    @property
    def failed_pages(self) -> int:
        return len(self.failures)


@dataclass(frozen=True, slots=True)
class SourceOptions:
    """What a source needs to know from the user's settings."""

    base_url: str
    feeds: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()


class Source(Protocol):
    name: str

    async def poll(
        self, http: HttpClient, is_known: IsKnown, *, page: int = 1, fresh: bool = False
    ) -> PollResult:
        """The items on listing page ``page`` (1 is the newest) not yet known, read.

        ``fresh`` asks for full listings even if unchanged since the last poll (no conditional GET).

        Raises ScrapeError only when no feed or listing of the source could be read; anything
        that goes wrong with one item is reported in ``failures``.
        """
        ...

    async def read_item(self, http: HttpClient, item: ListedItem) -> Article:
        """Read one item again, without its listing (which may have moved on).

        Raises ScrapeError when it still cannot be read.
        """
        ...
