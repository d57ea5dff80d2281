"""The SMM source over real HTTP: listings, article pages, old layouts, block pages."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from scrapers.errors import BlockedPageError, FetchError, ParseError
from scrapers.http import HttpClient
from scrapers.models import Page
from scrapers.pages import check_not_blocked
from scrapers.sources import PollResult, SourceOptions, build_source
from scrapers.sources.smm import article_links, parse_article_page
from tests.conftest import fixture_text
from tests.servers import FixtureSite

SEED_PATH = (
    "/newscontent/103660382/"
    "%5BSMM-Analysis%5D-Secondary-Aluminum-Operating-Rate-Rises-2.3-Percentage-Points-in-November"
)


def page(name: str) -> Page:
    return Page(
        "https://news.metal.com/x",
        200,
        {},
        fixture_text(f"smm/{name}"),
        datetime(2025, 12, 2, tzinfo=UTC),
    )


def poll(site: FixtureSite, seen: set[str]) -> PollResult:
    async def go() -> PollResult:
        source = build_source("smm", SourceOptions(base_url=site.url, listings=("/en",)))
        async with HttpClient() as http:
            return await source.poll(http, seen.__contains__)

    return asyncio.run(go())


def test_listing_links_are_found_by_path_not_class_names() -> None:
    links = article_links(fixture_text("smm/listing-en.html"), base="https://news.metal.com/en")
    assert [article_id for article_id, _ in links] == [
        "smm:103660382",
        "smm:103655120",
        "smm:103651777",
    ]


def test_current_layout_article_page() -> None:
    article = parse_article_page(
        page("article-103660382.html"),
        article_id="smm:103660382",
        canonical_url="https://news.metal.com/newscontent/103660382",
        link="l",
    )
    assert (
        article.title
        == "[SMM Analysis] Secondary Aluminum Operating Rate Rises 2.3 Percentage Points in November"
    )
    assert article.published_at == datetime(2025, 12, 2, 9, 40, tzinfo=UTC)  # 17:40 China time
    assert article.body.startswith("According to the SMM survey, the operating rate")
    for gone in (
        "Data Source Statement",
        "alloys@example-smm.test",
        "Related News",
        "95,000",
        "51.0%",
    ):
        assert gone not in article.body


def test_older_layout_article_page() -> None:
    article = parse_article_page(
        page("article-103655120.html"), article_id="smm:103655120", canonical_url="c", link="l"
    )
    assert article.published_at == datetime(2025, 11, 21, 8, 5, tzinfo=UTC)
    assert article.body.startswith("SHANGHAI, Nov. 21 (SMM) – This week")
    assert "Check SMM" not in article.body and "Home /" not in article.body


def test_a_wall_over_a_full_weight_article_page_is_not_an_article() -> None:
    # A login wall drawn over the real page: 150 KB of furniture, a teaser, then the wall.
    walled = fixture_text("smm/article-103660382.html").replace(
        "<p>Raw materials remained the constraint.",
        "<p>Subscribe to continue reading this analysis.</p><p>Raw materials remained the constraint.",
    )
    assert len(walled) > 100_000
    with pytest.raises(BlockedPageError, match="subscribe to continue"):
        parse_article_page(
            Page("https://news.metal.com/x", 200, {}, walled, datetime(2025, 12, 3, tzinfo=UTC)),
            article_id="smm:1",
            canonical_url="c",
            link="l",
        )


def test_a_full_weight_page_is_read_to_its_article() -> None:
    article = parse_article_page(
        page("article-103660382.html"), article_id="smm:1", canonical_url="c", link="l"
    )
    assert len(fixture_text("smm/article-103660382.html")) > 140_000
    assert article.body.startswith("According to the SMM survey")
    # The ticker, the mega menu and the related headlines are furniture, not the article.
    assert "21,540" not in article.body and "Copper rod operating rate" not in article.body
    assert "Menu" not in article.body and "Zinc Prices" not in article.body


def test_a_block_page_is_not_an_article() -> None:
    with pytest.raises(BlockedPageError, match="too short"):
        parse_article_page(page("block-page.html"), article_id="smm:1", canonical_url="c", link="l")
    with pytest.raises(BlockedPageError, match="block page"):
        check_not_blocked(
            "<html>" + "Just a moment... " * 200 + "metal.com</html>",
            url="u",
            markers=("metal.com",),
        )
    with pytest.raises(BlockedPageError, match="no site marker"):
        check_not_blocked(
            "<html>" + "a long page from somewhere else " * 100 + "</html>",
            url="u",
            markers=("metal.com",),
        )


def test_a_page_without_title_or_body_is_a_parse_error() -> None:
    broken = Page(
        "u",
        200,
        {},
        "<html><body>" + "<div>metal.com SMM</div>" * 200 + "</body></html>",
        datetime.now(UTC),
    )
    with pytest.raises(ParseError, match="layout may have changed"):
        parse_article_page(broken, article_id="smm:1", canonical_url="c", link="l")


def test_poll_fetches_only_unseen_articles_and_skips_broken_ones(site: FixtureSite) -> None:
    site.serve_html("/en", fixture_text("smm/listing-en.html"))
    site.serve_html(SEED_PATH, fixture_text("smm/article-103660382.html"))
    site.serve_html(
        "/newscontent/103655120-aluminum-extrusion-operating-rate-dips-weekly",
        fixture_text("smm/article-103655120.html"),
    )
    site.serve_html(
        "/en/newscontent/103651777-copper-premiums-narrow", fixture_text("smm/block-page.html")
    )

    result = poll(site, {"smm:103655120"})

    assert [article.id for article in result.articles] == ["smm:103660382"]
    assert result.articles[0].url == "https://news.metal.com/newscontent/103660382"
    assert result.listed == 3
    assert result.failed_pages == 1  # the block page
    assert site.hits("/newscontent/103655120-aluminum-extrusion-operating-rate-dips-weekly") == 0


def test_a_listing_without_article_links_fails_the_poll(site: FixtureSite) -> None:
    site.serve_html(
        "/en", "<html><body>" + "<p>Maintenance at metal.com</p>" * 100 + "</body></html>"
    )
    with pytest.raises(ParseError, match="no /newscontent/ links"):
        poll(site, set())


def test_a_listing_that_is_down_fails_the_poll(site: FixtureSite) -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        poll(site, set())
