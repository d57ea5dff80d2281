"""Canonical identities for article URLs, so every variant of a link names one article."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

ALCIRCLE_BASE = "https://www.alcircle.com"
SMM_BASE = "https://news.metal.com"

_ALCIRCLE_HOSTS = frozenset({"alcircle.com", "www.alcircle.com"})
# Ids are counters: AL Circle's are six digits today, SMM's eight or nine. A link ending in
# thousands of digits is not an article, and int() of it would raise rather than say so.
_ALCIRCLE_PATH = re.compile(r"^/(?:news/)?(?:news|press-release)/[^/]*?-0*(\d{1,12})/?$")
_SMM_HOSTS = frozenset({"news.metal.com", "www.metal.com", "metal.com"})
_SMM_ID = re.compile(r"/newscontent/(\d{8,12})(?!\d)")


@dataclass(frozen=True, slots=True)
class CanonicalLink:
    id: str  # "alcircle:116506"
    url: str  # the form used for display and storage


def canonical_alcircle(
    url: str, *, also_hosts: frozenset[str] = frozenset()
) -> CanonicalLink | None:
    """`http://alcircle.com/news/some-slug-116506?srsltid=x` -> alcircle:116506, or None.

    ``also_hosts``: further hosts that serve AL Circle's paths (a mirror, a test server).
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:  # a malformed netloc ("http://[x") is no article link
        return None
    if host not in _ALCIRCLE_HOSTS and host not in also_hosts:
        return None
    path = parts.path.rstrip("/") or "/"
    match = _ALCIRCLE_PATH.match(path)
    if match is None:
        return None
    return CanonicalLink(id=f"alcircle:{match.group(1)}", url=ALCIRCLE_BASE + path)


def canonical_smm(url: str, *, also_hosts: frozenset[str] = frozenset()) -> CanonicalLink | None:
    """Any news.metal.com or www.metal.com article URL -> smm:<id>, or None.

    ``also_hosts``: further hosts that serve SMM's paths (a mirror, a test server).
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:  # a malformed netloc ("http://[x") is no article link
        return None
    if host not in _SMM_HOSTS and host not in also_hosts:
        return None
    # Slugs may be percent-encoded once or twice; the id is plain digits either way.
    match = _SMM_ID.search(unquote(unquote(parts.path)))
    if match is None:
        return None
    article_id = match.group(1)
    return CanonicalLink(id=f"smm:{article_id}", url=f"{SMM_BASE}/newscontent/{article_id}")
