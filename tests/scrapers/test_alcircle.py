from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from scrapers.errors import FetchError, ParseError
from scrapers.http import HttpClient, RetryPolicy
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
