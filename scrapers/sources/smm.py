"""SMM source (news.metal.com): listing pages, then each new article page.

Articles are found by their /newscontent/<id> links, never by class names (the site's CSS module
names are hashed and change with every release). An article page gives the title (h1,
og:title or <title>), the "Published:" time in China time (older layouts too) and the body,
from which the cleaner drops the Data Source Statement, contact and promotion lines and the
Related News block.
"""

from __future__ import annotations

import logging
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from scrapers.clean import tree_to_text
from scrapers.dates import smm_published
from scrapers.errors import ParseError, ScrapeError, describe
from scrapers.http import HttpClient, Validators
from scrapers.models import Article, ListedItem, Page
from scrapers.pages import check_article_text, page_title, printed_text, read_page
from scrapers.sources.base import (
    IsKnown,
    ItemFailure,
    ListingFailure,
    ListingRead,
    PollResult,
    SourceOptions,
)
from scrapers.urls import canonical_smm

log = logging.getLogger(__name__)

HOSTS = ("news.metal.com", "www.metal.com", "metal.com")
MARKERS = ("smm", "metal.com", "shanghai metals market")


def listing_url(base_url: str, listing: str, page: int) -> str:
    url = urljoin(base_url.rstrip("/") + "/", listing.lstrip("/"))
    # Older listing pages: "?page=N" (an assumption: the live site's paging is not documented).
    return url if page == 1 else f"{url}?page={page}"


def article_links(html: str, *, base: str) -> list[tuple[str, str]]:
    """(canonical id, absolute link) for every article linked from a listing, in page order."""
    base_host = frozenset({urlsplit(base).hostname or ""})
    tree = LexborHTMLParser(html)
    found: dict[str, str] = {}
    for anchor in tree.css("a[href]"):
        href = anchor.attributes.get("href") or ""
        if "newscontent" not in href:
            continue
        absolute = urljoin(base, href)
        canonical = canonical_smm(absolute, also_hosts=base_host)
        if canonical is not None and canonical.id not in found:
            found[canonical.id] = absolute
    return list(found.items())


def parse_article_page(page: Page, *, article_id: str, canonical_url: str, link: str) -> Article:
    tree = read_page(page.text, url=page.url, markers=MARKERS)
    title = page_title(tree)
    published = smm_published(printed_text(tree))
    if published is None and tree.body is not None:
        published = smm_published(tree.body.text(separator="\n"))  # a layout with the date apart
    body = tree_to_text(tree)
    check_article_text(title, body, url=page.url)
    if not title or not body:
        raise ParseError(
            "article page has no title or no body: the layout may have changed", url=page.url
        )
    return Article(
        source="smm",
        id=article_id,
        url=canonical_url,
        title=title,
        published_at=published or page.fetched_at,
        body=body,
        original_url=link,
    )


class SmmSource:
    name = "smm"

    def __init__(self, options: SourceOptions) -> None:
        self._options = options
        base_host = urlsplit(options.base_url).hostname or ""
        self._allowed = {*HOSTS, base_host}

    def _fetch_url(self, link: str) -> str:
        # Fetch from the configured site (a mirror or a test server answers for news.metal.com).
        parts = urlsplit(link)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        return self._options.base_url.rstrip("/") + path

    async def poll(
        self, http: HttpClient, is_known: IsKnown, *, page: int = 1, fresh: bool = False
    ) -> PollResult:
        links: dict[str, str] = {}
        errors: list[ScrapeError] = []
        listings: list[ListingRead] = []
        broken: list[ListingFailure] = []
        unchanged = 0
        for listing in self._options.listings:
            url = listing_url(self._options.base_url, listing, page)
            try:
                response = await http.get(
                    url, conditional=page == 1 and not fresh, allowed_hosts=self._allowed
                )
                if response.status == 304:
                    unchanged += 1
                    continue
                found = article_links(response.text, base=url)
                if not found:
                    # A listing with no article links is a changed layout or a block page.
                    raise ParseError("no /newscontent/ links on the listing", url=url)
            except ScrapeError as exc:
                log.warning("smm listing failed listing=%s error=%s", listing, exc)
                errors.append(exc)
                broken.append(
                    ListingFailure(listing, url, str(exc), getattr(exc, "retry_after", None))
                )
                continue
            listings.append(
                ListingRead(url, Validators.of(response), tuple(item for item, _ in found))
            )
            for article_id, link in found:
                links.setdefault(article_id, link)
        if errors and len(errors) == len(self._options.listings):
            raise errors[0]
        articles: list[Article] = []
        failures: list[ItemFailure] = []
        for article_id, link in links.items():
            if is_known(article_id):
                continue  # article pages already seen are never fetched again
            item = ListedItem(article_id, link)
            try:
                articles.append(await self.read_item(http, item))
            except Exception as exc:  # one item must never cost the others
                failures.append(ItemFailure(item, describe(exc)))
        return PollResult(
            articles=tuple(articles),
            listed=len(links),
            failures=tuple(failures),
            listings=tuple(listings),
            listing_failures=tuple(broken),
            unchanged=unchanged == len(self._options.listings),
        )

    async def read_item(self, http: HttpClient, item: ListedItem) -> Article:
        canonical = canonical_smm(item.url, also_hosts=frozenset(self._allowed))
        if canonical is None:
            raise ParseError("not an SMM article link", url=item.url)
        url = self._fetch_url(item.url)
        response = await http.get(url, allowed_hosts=self._allowed)
        return parse_article_page(
            response, article_id=item.id, canonical_url=canonical.url, link=item.url
        )
