"""Building the running parts from the settings: sources, the HTTP client and its caches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from alerts.store import Store
from bot.config import AlCircleSettings, Config, SmmSettings
from scrapers.http import HttpClient, Politeness, RetryPolicy, Validators
from scrapers.sources import Source, SourceOptions, build_source


@dataclass(frozen=True, slots=True)
class ConfiguredSource:
    """A source with the settings the daemon applies to it."""

    source: Source
    interval: timedelta
    on_first_run: str  # "baseline" | "alert"
    broken_after: int
    listings: tuple[str, ...] = ()  # its feeds or listing pages, as configured (health is per each)

    @property
    def name(self) -> str:
        return self.source.name


def _options(settings: AlCircleSettings | SmmSettings) -> SourceOptions:
    if isinstance(settings, AlCircleSettings):
        return SourceOptions(base_url=settings.base_url, feeds=settings.feeds)
    return SourceOptions(base_url=settings.base_url, listings=settings.listings)


def build_sources(config: Config, only: str | None = None) -> list[ConfiguredSource]:
    built = []
    for name in ("alcircle", "smm"):
        settings: AlCircleSettings | SmmSettings = getattr(config.settings.sources, name)
        if (only is None and not settings.enabled) or (only is not None and name != only):
            continue
        built.append(
            ConfiguredSource(
                source=build_source(name, _options(settings)),
                interval=settings.interval,
                on_first_run=settings.on_first_run,
                broken_after=settings.broken_after,
                listings=settings.feeds
                if isinstance(settings, AlCircleSettings)
                else settings.listings,
            )
        )
    return built


class StoreValidatorCache:
    """ETag / Last-Modified per URL, kept in the database so they survive restarts. Read-only
    here: the pipeline writes them once a feed's items are all recorded."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, url: str) -> Validators | None:
        found = self._store.validators(url)
        return None if found is None else Validators(etag=found[0], last_modified=found[1])


def build_http(
    config: Config, store: Store, observe: Callable[[str, float], None] | None = None
) -> HttpClient:
    http = config.settings.http
    return HttpClient(
        observe=observe,
        timeout=http.timeout.total_seconds(),
        max_bytes=int(http.max_body_mb * 1024 * 1024),
        retry=RetryPolicy(),
        politeness=Politeness(
            min_interval=http.min_interval.total_seconds(), contact=http.contact, robots=http.robots
        ),
        validators=StoreValidatorCache(store),
    )
