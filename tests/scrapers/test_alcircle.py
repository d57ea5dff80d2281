from __future__ import annotations

import asyncio
import urllib.parse
from datetime import UTC, datetime

import pytest

from scrapers.errors import FetchError, ParseError
from scrapers.http import HttpClient, RetryPolicy
from scrapers.models import Article
from scrapers.sources import SourceOptions, build_source
from scrapers.sources.alcircle import parse_feed
from tests.conftest import fixture_text
from tests.servers import FixtureSite, Reply

FETCHED = datetime(2025, 12, 3, 10, 0, tzinfo=UTC)


def test_feed_items_become_articles_with_canonical_ids() -> None:
    articles = parse_feed(
        fixture_text("alcircle/secondaryaluminium_news.xml"), url="feed", fetched_at=FETCHED
    )

    assert [a.id for a in articles] == ["alcircle:118842", "alcircle:118840"]
    release = articles[0]
    assert release.url.startswith("https://www.alcircle.com/press-release/")
    assert (
        release.title
        == "Secondary aluminium operating rate climbs 2.3 percentage points in November"
    )
    assert release.published_at == datetime(2025, 12, 3, 9, 30, tzinfo=UTC)
    assert release.body.startswith("SMM's monthly survey found that the operating rate")
    assert "{alcircleadd}" not in release.body
    assert "Note: This article has been issued by SMM" not in release.body
    assert "Also read" not in release.body and "95,000" not in release.body
    assert "api/media" not in release.body


def test_an_item_without_pubdate_is_dated_when_first_seen() -> None:
    articles = parse_feed(
        fixture_text("alcircle/secondaryaluminium_news.xml"), url="feed", fetched_at=FETCHED
    )
    assert articles[1].published_at == FETCHED


def test_an_html_page_is_not_a_feed() -> None:
    with pytest.raises(ParseError, match="not an RSS feed"):
        parse_feed(
            "<html><body><h1>Access denied</h1></body></html>", url="feed", fetched_at=FETCHED
        )


def test_an_empty_feed_is_valid_and_empty() -> None:
    assert (
        parse_feed(fixture_text("alcircle/alumina_news_empty.xml"), url="feed", fetched_at=FETCHED)
        == []
    )


def _poll(site: FixtureSite, feeds: tuple[str, ...], seen: set[str]) -> list[str]:
    async def go() -> list[str]:
        source = build_source("alcircle", SourceOptions(base_url=site.url, feeds=feeds))
        async with HttpClient(
            retry=RetryPolicy(attempts=2, initial_wait=0.01, max_wait=0.01)
        ) as http:
            result = await source.poll(http, seen.__contains__)
        return [article.id for article in result.articles]

    return asyncio.run(go())


def test_poll_over_http_returns_only_unseen_items(site: FixtureSite) -> None:
    site.serve_text(
        "/api/rss/secondaryaluminium_news", fixture_text("alcircle/secondaryaluminium_news.xml")
    )

    assert _poll(site, ("secondaryaluminium_news",), set()) == [
        "alcircle:118842",
        "alcircle:118840",
    ]
    assert _poll(site, ("secondaryaluminium_news",), {"alcircle:118842"}) == ["alcircle:118840"]
    user_agents = {request.headers.get("User-Agent", "") for request in site.requests}
    assert all(agent.startswith("metalert/") for agent in user_agents)


def test_one_broken_feed_does_not_hide_another(site: FixtureSite) -> None:
    site.serve_text(
        "/api/rss/secondaryaluminium_news", fixture_text("alcircle/secondaryaluminium_news.xml")
    )
    site.serve("/api/rss/alumina_news", Reply(status=500, body=b"oops"))

    found = _poll(site, ("alumina_news", "secondaryaluminium_news"), set())

    assert found == ["alcircle:118842", "alcircle:118840"]


def test_every_feed_failing_fails_the_poll(site: FixtureSite) -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        _poll(site, ("missing_news",), set())


def test_a_teaser_item_is_read_from_its_article_page(site: FixtureSite) -> None:
    site.serve_text(
        "/api/rss/secondaryaluminium_news",
        fixture_text("alcircle/secondaryaluminium_news_with_teaser.xml"),
    )
    site.serve_html(
        "/press-release/aluminium-foil-operating-rate-edges-up-in-november-118845",
        fixture_text("alcircle/article-118845.html"),
    )

    async def go() -> list[Article]:
        source = build_source(
            "alcircle", SourceOptions(base_url=site.url, feeds=("secondaryaluminium_news",))
        )
        async with HttpClient() as http:
            return list(
                (
                    await source.poll(http, {"alcircle:118842", "alcircle:118840"}.__contains__)
                ).articles
            )

    (foil,) = asyncio.run(go())
    assert foil.id == "alcircle:118845"
    assert (
        foil.url
        == "https://www.alcircle.com/press-release/aluminium-foil-operating-rate-edges-up-in-november-118845"
    )
    assert foil.title == "Aluminium foil operating rate edges up in November"
    assert foil.published_at == datetime(
        2025, 12, 3, 11, 0, tzinfo=UTC
    )  # the feed's, not the page's day
    assert "rose 0.6 percentage points M-o-M to 71.9 per cent" in foil.body
    for gone in (
        "LANGUAGES",
        "Español",
        "2MINS READ",
        "{alcircleadd}",
        "Note: This article",
        "Responses",
    ):
        assert gone not in foil.body


def test_a_teaser_whose_page_is_missing_is_retried_later(site: FixtureSite) -> None:
    site.serve_text(
        "/api/rss/secondaryaluminium_news",
        fixture_text("alcircle/secondaryaluminium_news_with_teaser.xml"),
    )

    async def go() -> tuple[list[str], int]:
        source = build_source(
            "alcircle", SourceOptions(base_url=site.url, feeds=("secondaryaluminium_news",))
        )
        async with HttpClient() as http:
            result = await source.poll(http, set().__contains__)
        return [article.id for article in result.articles], result.failed_pages

    assert asyncio.run(go()) == (["alcircle:118842", "alcircle:118840"], 1)


def test_a_feed_is_not_kept_alive_after_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a str, feedparser tries it as a URL first; urllib's urlsplit cache would then hold
    # the last 128 feeds (megabytes in a daemon that runs for months).
    text = fixture_text("alcircle/secondaryaluminium_news.xml")
    parsed: list[str] = []
    real = urllib.parse.urlparse

    def spy(url: str, scheme: str = "", allow_fragments: bool = True) -> urllib.parse.ParseResult:
        parsed.append(url)
        return real(url, scheme, allow_fragments)

    monkeypatch.setattr(urllib.parse, "urlparse", spy)
    articles = parse_feed(text, url="feed", fetched_at=FETCHED)

    assert len(articles) == 2
    assert all(len(url) < 500 for url in parsed), max(map(len, parsed))
