"""Realistic article pages for the benchmarks, built from the labelled corpus texts.

Each page holds one corpus article followed by five paragraphs of market commentary without key
figures (real analyses run to several hundred words, most of them prose), wrapped in the
furniture the sites serve around an article: a navigation menu, the AL Circle language list,
scripts and styles, a "Related News" block and a footer. A page weighs what a real one does
(tens of kilobytes), and both the cleaner and the extractor have real work to do.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
LANGUAGES = ["English", "中文", "Español", "Deutsch", "Français", "日本語", "한국어", "Русский"] * 5
NAV = "".join(f'<li><a href="/section/{n}">Section {n}</a></li>' for n in range(60))
SCRIPT = "<script>window.__STATE__ = " + "{'k': [1, 2, 3]}, " * 400 + "{};</script>"
STYLE = "<style>" + ".c{margin:0;padding:0}" * 300 + "</style>"
RELATED = "".join(
    f'<li><a href="/newscontent/1036{n:05d}">Copper rod operating rate rises {n % 7}.{n % 10} '
    f"percentage points WoW to 6{n % 10}.5%</a><span>{n} hours ago</span></li>"
    for n in range(25)
)


# Analysts' prose around the figures, as long articles have it (written for this benchmark).
NARRATIVE = [
    "Market participants said buying interest remained cautious, with most downstream plants"
    " purchasing only for immediate needs and avoiding building inventory ahead of the holidays.",
    "Traders in East China reported that negotiations were slow, as sellers held firm offers while"
    " buyers waited for clearer signals from the futures market before committing to new deals.",
    "Several producers in Henan and Shandong said environmental inspections could disrupt output"
    " later in the season, although no formal notices had been issued by local authorities.",
    "Demand from the automotive sector continued to provide support, particularly from makers"
    " of new energy vehicles, whose orders for castings and structural parts held up better.",
    "On the supply side, the arrival of imported material was delayed by congestion at southern"
    " ports, and some smelters said they had drawn down their own stocks to keep lines running.",
    "Looking ahead, market sentiment is likely to stay mixed, with macroeconomic data and policy"
    " signals expected to set the tone for trading in the coming weeks.",
    "Some enterprises reported that cash flow pressure had increased, prompting them to shorten"
    " payment terms with customers and to slow purchases of raw materials.",
    "Industry insiders noted that the gap between large and small producers widened again, as"
    " larger plants secured long-term contracts while smaller ones relied on the spot market.",
]


def _page(title: str, text: str, index: int) -> str:
    narrative = [NARRATIVE[(index + k) % len(NARRATIVE)] for k in range(5)]
    text = "\n".join([*text.splitlines(), *narrative])
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
    menu = "".join(f"<li>{language}</li>" for language in LANGUAGES)
    return (
        f"<!doctype html><html><head><title>{escape(title)}</title>{STYLE}{SCRIPT}</head><body>"
        f"<header><ul class='nav_a1b2'>{NAV}</ul><div>Adv</div><div>LANGUAGES</div><ul>{menu}</ul>"
        f"</header><main><div class='byline_x9'>SMM</div><h1>{escape(title)}</h1>"
        f"<div class='read_q1'>2MINS READ</div><article class='content_7f3e'>{paragraphs}</article>"
        f"<section><h2>Related News</h2><ul>{RELATED}</ul></section></main>"
        f"<footer><ul>{NAV}</ul><p>Contact: service@example-metal.test</p></footer></body></html>"
    )


def pages() -> list[str]:
    """One page per corpus article."""
    built: list[str] = []
    for path in sorted(CORPUS.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            built.append(_page(case.get("title") or case["id"], case["text"], len(built)))
    return built
