from __future__ import annotations

import pytest

from scrapers.urls import canonical_alcircle, canonical_smm

ALCIRCLE_CANONICAL = "https://www.alcircle.com/press-release/secondary-aluminium-rate-climbs-116506"


@pytest.mark.parametrize(
    "variant",
    [
        ALCIRCLE_CANONICAL,
        "http://www.alcircle.com/press-release/secondary-aluminium-rate-climbs-116506",
        "https://alcircle.com/press-release/secondary-aluminium-rate-climbs-116506",
        "https://www.alcircle.com/press-release/secondary-aluminium-rate-climbs-116506?srsltid=AfmBOop",
        "https://www.alcircle.com/press-release/secondary-aluminium-rate-climbs-116506/",
    ],
)
def test_alcircle_variants_name_one_article(variant: str) -> None:
    link = canonical_alcircle(variant)
    assert link is not None
    assert link.id == "alcircle:116506"
    assert link.url == ALCIRCLE_CANONICAL


def test_alcircle_news_and_legacy_paths_share_the_id_sequence() -> None:
    news = canonical_alcircle("https://www.alcircle.com/news/hydro-s-new-plant-116400")
    legacy = canonical_alcircle("https://www.alcircle.com/news/press-release/old-item-98765")
    assert news is not None and news.id == "alcircle:116400"
    assert legacy is not None and legacy.id == "alcircle:98765"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.alcircle.com/api/rss/secondaryaluminium_news",
        "https://www.alcircle.com/news",
        "https://example.com/news/some-article-116506",
        "not a url",
    ],
)
def test_alcircle_non_articles_have_no_identity(url: str) -> None:
    assert canonical_alcircle(url) is None


@pytest.mark.parametrize(
    "variant",
    [
        "https://news.metal.com/newscontent/103660382/Secondary-Aluminum-Operating-Rate",
        "https://news.metal.com/newscontent/103660382-secondary-aluminum-operating-rate",
        "https://news.metal.com/en/newscontent/103660382-%5BSMM-Analysis%5D-rate",
        "https://www.metal.com/en/newscontent/103660382",
        "https://news.metal.com/newscontent/103660382/%255BSMM%2520Analysis%255D",
    ],
)
def test_smm_variants_name_one_article(variant: str) -> None:
    link = canonical_smm(variant)
    assert link is not None
    assert link.id == "smm:103660382"
    assert link.url == "https://news.metal.com/newscontent/103660382"


def test_smm_short_numbers_are_not_article_ids() -> None:
    assert canonical_smm("https://news.metal.com/newscontent/12345/x") is None
