from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from alerts.models import Alert, AlertKind, Crossing, MovesBy, Rule
from alerts.render import format_number, render, split_message, to_plain_text
from scrapers.models import Bound, ChangeBasis, Metric
from tests.alerts.factories import article, price, rate

SWING = Rule("operating-rate-swing", Metric.OPERATING_RATE, MovesBy(ChangeBasis.MOM, Decimal(2)))
COPPER = Rule(
    "copper-above-92k", Metric.PRICE, Crossing(Bound.ABOVE, Decimal(92000)), subject="copper"
)


def test_rate_alert_names_everything_a_reader_needs() -> None:
    figure = replace(
        rate("2.3"), changes={ChangeBasis.MOM: Decimal("2.3"), ChangeBasis.YOY: Decimal("2.7")}
    )
    text = render(Alert(SWING, figure, article(), "MOM +2.3 pp", "k"))

    assert text.splitlines() == [
        "🔔 <b>Secondary aluminium operating rate</b> · China · Nov 2025",
        "<b>46.3%, MOM +2.3 pp, YOY +2.7 pp</b>",
        "Rule <code>operating-rate-swing</code>: |MOM change| &gt; 2 pp",
        "<i>“the operating rate of the secondary aluminium industry rose 2.3 percentage points MoM”</i>",
        '<a href="https://www.alcircle.com/press-release/rates-climb-118842">Rates climb</a>'
        " · AL Circle · 03 Dec 2025 17:30 China time",
    ]


def test_price_alert_shows_the_bound_and_threshold() -> None:
    text = render(Alert(COPPER, price("92000", bound=Bound.ABOVE), article(), "above", "k"))
    assert "<b>above 92,000 CNY/t</b>" in text
    assert "Rule <code>copper-above-92k</code>: above 92,000 CNY/t" in text


def test_every_interpolated_value_is_escaped() -> None:
    hostile = replace(rate("2.3"), evidence='rate <b>rose</b> & "jumped"', subject="a<b")
    page = replace(article(title="<script>alert(1)</script>"), url='https://x.test/?a=1&b="2"')
    text = render(Alert(replace(SWING, name="<rule>"), hostile, page, "r", "k"))

    assert "<script>" not in text and "<rule>" not in text and "a<b" not in text
    assert '&lt;b&gt;rose&lt;/b&gt; &amp; "jumped"' in text
    assert 'href="https://x.test/?a=1&amp;b=&quot;2&quot;"' in text


def test_numbers_keep_their_stated_precision() -> None:
    assert format_number(Decimal("92000")) == "92,000"
    assert format_number(Decimal("44.0")) == "44.0"
    assert format_number(Decimal("-1.5")) == "-1.5"
    assert format_number(Decimal("23800.5")) == "23,800.5"


def test_every_source_that_carried_the_fact_is_linked() -> None:
    smm = replace(
        article(103660382, source="smm", title="SMM original"),
        url="https://news.metal.com/newscontent/103660382",
    )
    alcircle = article(118842, title="AL Circle copy")
    text = render(Alert(SWING, rate("2.3"), smm, "r", "k", sources=(smm, alcircle)))

    assert text.splitlines()[-2:] == [
        '<a href="https://news.metal.com/newscontent/103660382">SMM original</a> · SMM · 03 Dec 2025 17:30 China time',
        '<a href="https://www.alcircle.com/press-release/rates-climb-118842">AL Circle copy</a> · AL Circle · 03 Dec 2025 17:30 China time',
    ]


def test_a_revision_says_what_changed() -> None:
    reason = "revised to MOM +1.8 pp: no longer exceeds 2 pp"
    text = render(Alert(SWING, rate("1.8"), article(), reason, "k", kind=AlertKind.REVISED))

    assert text.startswith("✏️ Revised: <b>Secondary aluminium operating rate</b>")
    assert f"|MOM change| &gt; 2 pp ({reason})" in text


def test_long_messages_are_split_between_lines_never_inside_a_tag() -> None:
    lines = [f"<b>line {n}</b> " + "x" * 90 for n in range(100)]
    parts = split_message("\n".join(lines), limit=1000)

    assert len(parts) > 5
    assert all(len(part) <= 1000 for part in parts)
    assert "\n".join(parts) == "\n".join(lines)
    for part in parts:
        assert part.count("<b>") == part.count("</b>")


def test_a_single_overlong_line_is_cut_in_words_without_markup() -> None:
    parts = split_message("<i>" + "word " * 500 + "</i>", limit=300)

    assert all(len(part) <= 300 for part in parts)
    assert all("<i>" not in part for part in parts)
    assert " ".join(" ".join(parts).split()) == " ".join(["word"] * 500)


def test_plain_text_fallback_keeps_the_words() -> None:
    assert (
        to_plain_text("<b>46.3%</b> &gt; 2 pp\n<a href='x'>Title &amp; more</a>")
        == "46.3% > 2 pp\nTitle & more"
    )
