"""AL Circle source: RSS feeds at {base_url}/api/rss/{feed}.

Items usually carry the whole article in ``description``; when one carries only a teaser (short,
or ending in an ellipsis) the article page is fetched and read instead.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import logging
from datetime import UTC, datetime
from urllib.parse import urlsplit

import feedparser

from scrapers.clean import html_to_text, tree_to_text
from scrapers.dates import alcircle_published
from scrapers.errors import ParseError, ScrapeError, describe
from scrapers.http import HttpClient, Validators
from scrapers.models import Article, ListedItem
from scrapers.pages import check_article_text, page_title, printed_text, read_page
from scrapers.sources.base import (
    IsKnown,
    ItemFailure,
    ListingFailure,
    ListingRead,
    PollResult,
    SourceOptions,
)
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


def unreadable_item_id(source: str, link: str) -> str:
    """An identity for an item whose link names no article, so that it is reported once."""
    return f"{source}:unreadable:{hashlib.sha256(link.encode()).hexdigest()[:16]}"


def parse_feed(text: str, *, url: str, fetched_at: datetime) -> list[Article]:
    articles, _ = parse_feed_items(text, url=url, fetched_at=fetched_at)
    return [article for article, _ in articles]


def _item(
    entry: feedparser.FeedParserDict, fetched_at: datetime, also_hosts: frozenset[str]
) -> tuple[Article, bool] | None:
    link = entry.get("link") or entry.get("id") or ""
    canonical = canonical_alcircle(link, also_hosts=also_hosts)
    if canonical is None:
        return None
    body = html_to_text(entry.get("description") or entry.get("summary") or "")
    published = _published(entry)
    article = Article(
        source="alcircle",
        id=canonical.id,
        url=canonical.url,
        title=" ".join((entry.get("title") or "").split()),
        published_at=published or fetched_at,
        body=body,
        original_url=link,
    )
    return article, published is not None


def parse_feed_items(
    text: str, *, url: str, fetched_at: datetime, also_hosts: frozenset[str] = frozenset()
) -> tuple[list[tuple[Article, bool]], list[ItemFailure]]:
    """Every item of one AL Circle feed as an Article (seen or not), and the items that could
    not be read.

    Items without pubDate are dated when first seen (the flag says whether the feed dated the
    item); without guid, the link is the identity. An item that cannot be read (a link that
    names no article, an entry that breaks the reader) is reported, never raised: it must not
    cost the feed's other items. ``also_hosts``: a mirror's host, whose links are accepted.
    """
    # A stream, not the str: given a str, feedparser first tries it as a URL (urllib's urlsplit,
    # whose cache then keeps the last 128 feeds alive, megabytes in a long-lived daemon) and as
    # a file name. What it reads is the same UTF-8 either way.
    feed = feedparser.parse(io.BytesIO(text.encode("utf-8")))
    if not feed.get("version"):
        # A block page or an error page served with status 200.
        reason = feed.get("bozo_exception") or "no RSS or Atom channel"
        raise ParseError(f"not an RSS feed: {reason}", url=url)
    articles = []
    failures = []
    for entry in feed.entries:
        link = str(entry.get("link") or entry.get("id") or "")
        try:
            found = _item(entry, fetched_at, also_hosts)
            error = None if found is not None else "the link is not an article URL"
        except Exception as exc:  # one entry must never break the feed
            found, error = None, f"{type(exc).__name__}: {exc}"
        if found is not None:
            articles.append(found)
            continue
        item = ListedItem(id=unreadable_item_id("alcircle", link), url=link or url)
        failures.append(ItemFailure(item, f"{error} ({link[:200]!r} in {url})", final=True))
    return articles, failures


def parse_article_page(html: str, *, url: str, fallback: Article, dated: bool = True) -> Article:
    """An AL Circle article page: title from h1 or og:title, body from the main text.

    The printed date ("3 DECEMBER 2025") carries no time, so it replaces the feed's date only
    when the feed gave none (``dated`` false).
    """
    tree = read_page(html, url=url, markers=MARKERS)
    title = page_title(tree) or fallback.title
    body = tree_to_text(tree)
    check_article_text(title, body, url=url)
    if not title or len(body) < len(fallback.body):
        raise ParseError("article page has no title or less text than the feed", url=url)
    printed = alcircle_published(printed_text(tree))
    if printed is None and not dated and tree.body is not None:
        printed = alcircle_published(tree.body.text(separator="\n"))  # the date printed apart
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
        base_host = urlsplit(options.base_url).hostname or ""
        self._allowed = {*HOSTS, base_host}
        # A mirror or a test server lists its own links: they name AL Circle's articles too.
        self._also_hosts = frozenset({base_host})

    def _page_url(self, article_url: str) -> str:
        # Fetch from the configured site (a mirror or a test server answers for www.alcircle.com).
        return self._options.base_url.rstrip("/") + urlsplit(article_url).path

    async def poll(
        self, http: HttpClient, is_known: IsKnown, *, page: int = 1, fresh: bool = False
    ) -> PollResult:
        if page > 1:
            return PollResult(articles=(), listed=0)  # feeds have no older pages
        found: dict[str, Article] = {}
        failures: dict[str, ItemFailure] = {}
        listings: list[ListingRead] = []
        broken: list[ListingFailure] = []
        errors: list[ScrapeError] = []
        listed = unchanged = 0
        for feed in self._options.feeds:
            url = feed_url(self._options.base_url, feed)
            try:
                response = await http.get(url, conditional=not fresh, allowed_hosts=self._allowed)
                if response.status == 304:
                    unchanged += 1
                    continue
                items, unreadable = parse_feed_items(
                    response.text,
                    url=url,
                    fetched_at=response.fetched_at,
                    also_hosts=self._also_hosts,
                )
            except ScrapeError as exc:
                # One broken feed must not hide the others' news.
                log.warning("alcircle feed failed feed=%s error=%s", feed, exc)
                errors.append(exc)
                broken.append(
                    ListingFailure(feed, url, str(exc), getattr(exc, "retry_after", None))
                )
                continue
            listed += len(items)
            ids = [article.id for article, _ in items] + [f.item.id for f in unreadable]
            listings.append(ListingRead(url, Validators.of(response), tuple(ids)))
            for failure in unreadable:
                if not is_known(failure.item.id):
                    failures.setdefault(failure.item.id, failure)
            for article, dated in items:
                # One article can sit in several feeds; it is new once.
                if article.id in found or article.id in failures or is_known(article.id):
                    continue
                if not is_teaser(article.body):
                    found[article.id] = article
                    continue
                item = ListedItem(article.id, article.url, teaser=article, dated=dated)
                try:
                    found[article.id] = await self.read_item(http, item)
                except Exception as exc:  # contained to this one item
                    failures[article.id] = ItemFailure(item, describe(exc))
        if errors and len(errors) == len(self._options.feeds):
            raise errors[0]
        return PollResult(
            articles=tuple(found.values()),
            listed=listed,
            failures=tuple(failures.values()),
            listings=tuple(listings),
            listing_failures=tuple(broken),
            unchanged=unchanged == len(self._options.feeds),
        )

    async def read_item(self, http: HttpClient, item: ListedItem) -> Article:
        if item.teaser is None:
            raise ParseError("nothing to read: the item has no article link", url=item.url)
        url = self._page_url(item.teaser.url)
        response = await http.get(url, allowed_hosts=self._allowed)
        return parse_article_page(response.text, url=url, fallback=item.teaser, dated=item.dated)
