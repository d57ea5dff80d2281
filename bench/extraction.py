"""Articles per second through clean + extract, against bare selectolax parsing (the floor)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

from selectolax.lexbor import LexborHTMLParser

from bench.pages import pages
from scrapers.clean import html_to_text
from scrapers.extract import clear_caches, extract_text

PUBLISHED = date(2025, 12, 3)
ROUNDS = 25


def _bare(page: str) -> object:
    tree = LexborHTMLParser(page)
    return tree.body.text(separator="\n") if tree.body else ""


def _ours(page: str) -> object:
    return extract_text(html_to_text(page), PUBLISHED)


def _seconds(work: Callable[[str], object], batch: list[str]) -> float:
    clear_caches()
    started = time.perf_counter()
    for page in batch:
        work(page)
    return time.perf_counter() - started


def _rates(batch: list[str]) -> tuple[float, float]:
    """Pages per second, bare and ours: the best of several rounds of each (the best round has
    the least noise).

    The two alternate round by round, so that a machine that speeds up or slows down part way
    (a shared host, a CPU changing clock) weighs on both alike rather than on whichever ran
    second. Every round starts cold: the extractor's per-sentence memos are cleared, as the
    daemon never sees the same article twice.
    """
    bare = ours = float("inf")
    for _ in range(ROUNDS):
        bare = min(bare, _seconds(_bare, batch))
        ours = min(ours, _seconds(_ours, batch))
    return len(batch) / bare, len(batch) / ours


def run() -> list[tuple[str, str, str]]:
    batch = pages()
    size_kib = sum(len(page.encode()) for page in batch) / len(batch) / 1024
    bare, ours = _rates(batch)
    return [
        ("extraction", "pages in batch", f"{len(batch)} (mean {size_kib:.0f} KiB)"),
        (
            "extraction",
            "bare selectolax parse + text (floor)",
            f"{bare:,.0f} pages/s ({1e6 / bare:.0f} µs/page)",
        ),
        (
            "extraction",
            "clean + extract (metalert)",
            f"{ours:,.0f} pages/s ({1e6 / ours:.0f} µs/page)",
        ),
        ("extraction", "cost ratio, ours / floor (target <= 2.0)", f"{bare / ours:.2f}x"),
    ]
