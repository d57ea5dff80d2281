"""Reading whole article pages: telling a real page from a block page, and finding its title."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from scrapers.errors import BlockedPageError

MIN_PAGE_BYTES = 1500  # real article pages weigh tens of kilobytes; block pages a few hundred bytes
_WALL = re.compile(
    r"captcha|access denied|are you a robot|verify you are human|just a moment|attention required"
    r"|enable javascript and cookies|please log ?in to (?:continue|read)|sign in to continue"
    r"|subscribe to (?:continue|read)|request blocked|too many requests",
    re.I,
)


def check_not_blocked(html: str, *, url: str, markers: tuple[str, ...]) -> None:
    """Raise BlockedPageError for an interstitial, a login wall or a page from some other site."""
    if len(html.encode("utf-8", errors="ignore")) < MIN_PAGE_BYTES:
        raise BlockedPageError("page too short to be an article", url=url)
    head = html[:20000]
    wall = _WALL.search(head)
    if wall is not None:
        raise BlockedPageError(f"block page ({wall.group(0)!r})", url=url)
    lowered = html.lower()
    if not any(marker in lowered for marker in markers):
        raise BlockedPageError("no site marker on the page", url=url)


def page_title(tree: LexborHTMLParser) -> str:
    """The article title: the page's h1, else og:title, else <title>."""
    for node in (tree.css_first("h1"),):
        if node is not None and node.text(strip=True):
            return " ".join(node.text().split())
    og = tree.css_first('meta[property="og:title"]')
    if og is not None and (og.attributes.get("content") or "").strip():
        return " ".join((og.attributes.get("content") or "").split())
    title = tree.css_first("title")
    return " ".join(title.text().split()) if title is not None else ""
