from __future__ import annotations

from scrapers.clean import html_to_text, to_text

DESCRIPTION = (
    '<p style="text-align: center;"><img alt="Ingots" src="https://www.alcircle.com/api/media/'
    '1764750000_ingots_0_0.jpg" /></p>\\n\\n'
    "<p>{alcircleadd}The <strong>survey</strong> covered 120 plants.</p>\\n\\n"
    '<p>Orders came from <a href="https://example.com" target="_blank">car makers</a>.</p>\\n\\n'
    '<blockquote><p>Also read: <a href="https://www.alcircle.com/news/x-1">Copper tops RMB 95,000 '
    "per tonne</a></p></blockquote>\\n\\n"
    "<p>Note: This article has been issued by SMM and has been published by AL Circle with its "
    "original information without any modifications.</p>"
)


def test_description_becomes_clean_paragraphs() -> None:
    assert html_to_text(DESCRIPTION) == (
        "The survey covered 120 plants.\n\nOrders came from car makers."
    )


def test_ad_placeholder_glued_to_text_is_removed_with_its_space() -> None:
    assert (
        html_to_text("<p>Intro.</p><p>{alcircleadd} Prices rose.</p>") == "Intro.\n\nPrices rose."
    )


def test_plain_text_keeps_paragraphs_and_drops_the_smm_footer() -> None:
    text = "First line.\n\n\nSecond   line.\nNote: This article has been issued by SMM and more.\nResponses\n"
    assert to_text(text) == "First line.\n\nSecond line."


def test_script_and_style_never_reach_the_text() -> None:
    html = "<html><head><style>p{}</style></head><body><script>var x=92000;</script><p>Body.</p></body></html>"
    assert html_to_text(html) == "Body."
