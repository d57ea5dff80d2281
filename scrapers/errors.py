"""The scrapers package's exception tree, raised at its boundary.

ScrapeError
├── FetchError        the request failed; ``transient`` says whether retrying may help
└── ParseError        the page or feed no longer has the expected shape; a person must look
"""

from __future__ import annotations


class ScrapeError(Exception):
    """Base of every error the scrapers package raises."""


class FetchError(ScrapeError):
    """A request failed: transport error, timeout or an unwanted HTTP status."""

    def __init__(
        self,
        message: str,
        *,
        url: str,
        status: int | None = None,
        transient: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(f"{message} ({url})")
        self.url = url
        self.status = status
        self.transient = transient
        self.retry_after = retry_after


class ParseError(ScrapeError):
    """A feed, page or article could not be read as expected."""

    def __init__(self, message: str, *, url: str | None = None) -> None:
        super().__init__(f"{message} ({url})" if url else message)
        self.url = url


class BlockedPageError(FetchError):
    """The site answered with a block or interstitial page; it is not parsed as an article."""

    def __init__(self, message: str, *, url: str) -> None:
        super().__init__(message, url=url)


def describe(exc: BaseException) -> str:
    """One line for a log or a health record: our own errors say enough; others get their type."""
    if isinstance(exc, ScrapeError):
        return str(exc)
    text = str(exc)
    return f"{type(exc).__name__}: {text[:300]}" if text else type(exc).__name__
