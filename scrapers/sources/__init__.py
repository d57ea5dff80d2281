"""Site sources: each turns a site's feeds or listings into new Articles.

Adding a site is one module here plus one line in ``SOURCES``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from scrapers.models import ListedItem
from scrapers.sources.alcircle import AlCircleSource
from scrapers.sources.base import (
    IsKnown,
    IsSeen,
    ItemFailure,
    ListingFailure,
    ListingRead,
    PollResult,
    Source,
    SourceOptions,
)
from scrapers.sources.smm import SmmSource

SOURCES: Mapping[str, Callable[[SourceOptions], Source]] = {
    "alcircle": AlCircleSource,
    "smm": SmmSource,
}


def build_source(name: str, options: SourceOptions) -> Source:
    try:
        factory = SOURCES[name]
    except KeyError:
        raise ValueError(f"unknown source {name!r}") from None
    return factory(options)


__all__ = [
    "SOURCES",
    "IsKnown",
    "IsSeen",
    "ItemFailure",
    "ListedItem",
    "ListingFailure",
    "ListingRead",
    "PollResult",
    "Source",
    "SourceOptions",
    "build_source",
]
