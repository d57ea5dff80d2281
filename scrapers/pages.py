"""Reading whole article pages: telling a real page from a block page, and finding its title."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scrapers.errors import BlockedPageError

MIN_PAGE_BYTES = 1500  # real article pages weigh tens of kilobytes; block pages a few hundred bytes
WALL_WINDOW = 20_000  # characters: an interstitial or a login wall says so near the top
HEAD_WINDOW = 4_000  # characters: the part of the head that holds the page's title
SMALL_PAGE = 60_000  # characters: interstitials weigh a few to a few tens of kilobytes
WALL_TEXT = 3_000  # characters of an article's start and end read for a wall's words
# What interstitials and walls say. Read on a lower-cased window, so no case-blind scan is needed.
_WALL = re.compile(
    r"captcha|access denied|are you a robot|verify you are human|just a moment|attention required"
    r"|enable javascript and cookies|please log ?in to (?:continue|read)|sign in to continue"
    r"|subscribe to (?:continue|read)|request blocked|too many requests"
)


_WALL_WORDS = (
    "captcha",
    "denied",
    "robot",
    "human",
    "moment",
    "attention",
    "javascript",
    "log in",
    "login",
    "sign in",
    "subscribe",
    "blocked",
    "too many",
)


def check_not_blocked(html: str, *, url: str, markers: tuple[str, ...]) -> None:
    """Raise BlockedPageError for an interstitial, a login wall or a page from some other site.

    A real page weighs 100 KB or more, so every step here is a cheap substring search: the byte
    length is counted only for short pages, the wall phrases are looked for in a lower-cased
    window at the top, and the site's marker in the page as written, in its usual spellings.
    """
    if len(html) < MIN_PAGE_BYTES and len(html.encode("utf-8", errors="ignore")) < MIN_PAGE_BYTES:
        raise BlockedPageError("page too short to be an article", url=url)
    top = html[:WALL_WINDOW].lower()
    # An interstitial is a small page, or says what it is in its title. A wall drawn over a
    # real (heavy) article page is caught on the article's own text (``check_article_text``).
    if len(html) < SMALL_PAGE or any(word in top[:HEAD_WINDOW] for word in _WALL_WORDS):
        wall = _WALL.search(top)
        if wall is not None:
            raise BlockedPageError(f"block page ({wall.group(0)!r})", url=url)
    # The marker is in the head (title, site name, canonical link) on real pages; a case-blind
    # look through the whole page is needed only when it is not.
    if not any(marker in top for marker in markers) and not any(
        spelling in html for spelling in _spellings(markers)
    ):
        raise BlockedPageError("no site marker on the page", url=url)


def check_article_text(title: str, body: str, *, url: str) -> None:
    """Raise BlockedPageError when the article's own text is a wall ("subscribe to continue
    reading" under a teaser): the check a heavy page gets after it is read."""
    text = f"{title}\n{body[:WALL_TEXT]}\n{body[-WALL_TEXT:]}".lower()
    wall = _WALL.search(text)
    if wall is not None:
        raise BlockedPageError(f"block page ({wall.group(0)!r})", url=url)


def _spellings(markers: tuple[str, ...]) -> tuple[str, ...]:
    """A marker as sites write it: "smm", "SMM", "Smm"; "alcircle", "AlCircle", "ALCIRCLE"."""
    found: dict[str, None] = {}
    for marker in markers:
        for spelling in (marker, marker.upper(), marker.title(), marker.capitalize()):
            found[spelling] = None
        if marker == "alcircle":
            found["AlCircle"] = found["AL Circle"] = None
    return tuple(found)


def read_page(html: str, *, url: str, markers: tuple[str, ...]) -> LexborHTMLParser:
    """A fetched article page, checked not to be a block page and parsed once."""
    check_not_blocked(html, url=url, markers=markers)
    return LexborHTMLParser(html)


def heading(tree: LexborHTMLParser) -> LexborNode | None:
    """The page's first h1 (tags() walks the tree without the CSS engine: several times faster)."""
    return next(iter(tree.tags("h1")), None)


def printed_text(tree: LexborHTMLParser) -> str:
    """The text of the block around the article's heading, where both sites print its date
    ("Published: Dec 2, 2025 17:40", "3 DECEMBER 2025")."""
    node = heading(tree)
    block = node.parent if node is not None else None
    return block.text(separator="\n")[:4000] if block is not None else ""


def page_title(tree: LexborHTMLParser) -> str:
    """The article title: the page's h1, else og:title, else <title>."""
    node = heading(tree)
    if node is not None and node.text(strip=True):
        return " ".join(node.text().split())
    og = tree.css_first('meta[property="og:title"]')
    if og is not None and (og.attributes.get("content") or "").strip():
        return " ".join((og.attributes.get("content") or "").split())
    title = tree.css_first("title")
    return " ".join(title.text().split()) if title is not None else ""
