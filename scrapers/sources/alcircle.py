"""AL Circle source: RSS feeds at {base_url}/api/rss/{feed}, whose items carry the whole article."""

from __future__ import annotations

import calendar
import logging
from datetime import UTC, datetime

import feedparser

from scrapers.clean import html_to_text
from scrapers.errors import ParseError, ScrapeError
from scrapers.http import HttpClient
from scrapers.models import Article
from scrapers.sources import IsSeen, PollResult, SourceOptions
from scrapers.urls import canonical_alcircle

log = logging.getLogger(__name__)


def feed_url(base_url: str, feed: str) -> str:
    return f"{base_url.rstrip('/')}/api/rss/{feed}"


def _published(entry: feedparser.FeedParserDict, fallback: datetime) -> datetime:
    # feedparser normalises pubDate to a UTC struct_time; items without one get the time first seen.
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed is None:
        return fallback
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)


def parse_feed(text: str, *, url: str, fetched_at: datetime) -> list[Article]:
    """Every item of one AL Circle feed as an Article (seen or not)."""
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
        title = " ".join((entry.get("title") or "").split())
        if not body:
            log.warning("alcircle item %s skipped: empty description", canonical.id)
            continue
        articles.append(
            Article(
                source="alcircle",
                id=canonical.id,
                url=canonical.url,
                title=title,
                published_at=_published(entry, fetched_at),
                body=body,
                original_url=link,
            )
        )
    return articles


class AlCircleSource:
    name = "alcircle"

    def __init__(self, options: SourceOptions) -> None:
        self._options = options

    async def poll(self, http: HttpClient, is_seen: IsSeen) -> PollResult:
        found: dict[str, Article] = {}
        listed = 0
        failures: list[ScrapeError] = []
        for feed in self._options.feeds:
            url = feed_url(self._options.base_url, feed)
            try:
                page = await http.get(url)
                items = parse_feed(page.text, url=url, fetched_at=page.fetched_at)
            except ScrapeError as exc:
                # One broken feed must not hide the others' news.
                log.warning("alcircle feed failed feed=%s error=%s", feed, exc)
                failures.append(exc)
                continue
            listed += len(items)
            for article in items:
                # One article can sit in several feeds; it is new once.
                if article.id not in found and not is_seen(article.id):
                    found[article.id] = article
        if failures and len(failures) == len(self._options.feeds):
            raise failures[0]
        return PollResult(articles=tuple(found.values()), listed=listed)
