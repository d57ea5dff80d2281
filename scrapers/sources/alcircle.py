"""AL Circle source: RSS feeds at {base_url}/api/rss/{feed}.

Items usually carry the whole article in ``description``; when one carries only a teaser (short,
or ending in an ellipsis) the article page is fetched and read instead.
"""

from __future__ import annotations

import calendar
import logging
from datetime import UTC, datetime
from urllib.parse import urlsplit

import feedparser
from selectolax.lexbor import LexborHTMLParser

from scrapers.clean import html_to_text
from scrapers.dates import alcircle_published
from scrapers.errors import ParseError, ScrapeError
from scrapers.http import HttpClient
from scrapers.models import Article
from scrapers.pages import check_not_blocked, page_title
from scrapers.sources.base import IsSeen, PollResult, SourceOptions
from scrapers.urls import canonical_alcircle

log = logging.getLogger(__name__)

HOSTS = ("www.alcircle.com", "alcircle.com")
TEASER_CHARS = 400  # a whole article is longer than this; a teaser is not
MARKERS = ("alcircle",)


def feed_url(base_url: str, feed: str) -> str:
    return f"{base_url.rstrip('/')}/api/rss/{feed}"


def _published(entry: feedparser.FeedParserDict) -> datetime | None:
    # feedparser normalises pubDate to a UTC struct_time.
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return None if parsed is None else datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)


def is_teaser(body: str) -> bool:
    return len(body) < TEASER_CHARS or body.rstrip().endswith(("...", "…", "[…]"))


def parse_feed(text: str, *, url: str, fetched_at: datetime) -> list[Article]:
    return [article for article, _ in parse_feed_items(text, url=url, fetched_at=fetched_at)]


def parse_feed_items(text: str, *, url: str, fetched_at: datetime) -> list[tuple[Article, bool]]:
    """Every item of one AL Circle feed as an Article (seen or not).

    Items without pubDate are dated when first seen (the flag says whether the feed dated
    the item); without guid, the link is the identity.
    """
    feed = feedparser.parse(text)
    if not feed.get("version"):
        # A block page or an error page served with status 200.
        reason = feed.get("bozo_exception") or "no RSS or Atom channel"
        raise ParseError(f"not an RSS feed: {reason}", url=url)
    articles = []
    for entry in feed.entries:
        link = entry.get("link") or entry.get("id") or ""
        canonical = canonical_alcircle(link)
        if canonical is None:
            log.warning("alcircle item skipped: link %r is not an article URL (%s)", link, url)
            continue
        body = html_to_text(entry.get("description") or entry.get("summary") or "")
        published = _published(entry)
        articles.append(
            (
                Article(
                    source="alcircle",
                    id=canonical.id,
                    url=canonical.url,
                    title=" ".join((entry.get("title") or "").split()),
                    published_at=published or fetched_at,
                    body=body,
                    original_url=link,
                ),
                published is not None,
            )
        )
    return articles


def parse_article_page(html: str, *, url: str, fallback: Article, dated: bool = True) -> Article:
    """An AL Circle article page: title from h1 or og:title, body from the main text.

    The printed date ("3 DECEMBER 2025") carries no time, so it replaces the feed's date only
    when the feed gave none (``dated`` false).
    """
    check_not_blocked(html, url=url, markers=MARKERS)
    tree = LexborHTMLParser(html)
    title = page_title(tree) or fallback.title
    body = html_to_text(html)
    if not title or len(body) < len(fallback.body):
        raise ParseError("article page has no title or less text than the feed", url=url)
    printed = alcircle_published(tree.body.text(separator="\n") if tree.body else "")
    return Article(
        source="alcircle",
        id=fallback.id,
        url=fallback.url,
        title=title,
        published_at=fallback.published_at if dated or printed is None else printed,
        body=body,
        original_url=fallback.original_url,
    )


class AlCircleSource:
    name = "alcircle"

    def __init__(self, options: SourceOptions) -> None:
        self._options = options
        self._allowed = {*HOSTS, urlsplit(options.base_url).hostname or ""}

    def _page_url(self, article: Article) -> str:
        # Fetch from the configured site (a mirror or a test server answers for www.alcircle.com).
        return self._options.base_url.rstrip("/") + urlsplit(article.url).path

    async def poll(
        self, http: HttpClient, is_seen: IsSeen, *, page: int = 1, fresh: bool = False
    ) -> PollResult:
        if page > 1:
            return PollResult(articles=(), listed=0)  # feeds have no older pages
        found: dict[str, Article] = {}
        listed = failed_pages = unchanged = 0
        failures: list[ScrapeError] = []
        for feed in self._options.feeds:
            url = feed_url(self._options.base_url, feed)
            try:
                response = await http.get(url, conditional=not fresh, allowed_hosts=self._allowed)
                if response.status == 304:
                    unchanged += 1
                    continue
                items = parse_feed_items(response.text, url=url, fetched_at=response.fetched_at)
            except ScrapeError as exc:
                # One broken feed must not hide the others' news.
                log.warning("alcircle feed failed feed=%s error=%s", feed, exc)
                failures.append(exc)
                continue
            listed += len(items)
            for article, dated in items:
                # One article can sit in several feeds; it is new once.
                if article.id in found or is_seen(article.id):
                    continue
                if is_teaser(article.body):
                    try:
                        article = await self._read_page(http, article, dated)
                    except ScrapeError as exc:
                        log.warning("alcircle article failed id=%s error=%s", article.id, exc)
                        failed_pages += 1
                        continue
                found[article.id] = article
        if failures and len(failures) == len(self._options.feeds):
            raise failures[0]
        return PollResult(
            articles=tuple(found.values()),
            listed=listed,
            failed_pages=failed_pages,
            unchanged=unchanged == len(self._options.feeds),
        )

    async def _read_page(self, http: HttpClient, teaser: Article, dated: bool) -> Article:
        url = self._page_url(teaser)
        response = await http.get(url, allowed_hosts=self._allowed)
        return parse_article_page(response.text, url=url, fallback=teaser, dated=dated)
