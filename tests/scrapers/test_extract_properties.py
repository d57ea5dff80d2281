"""Property-based: no text or HTML, however broken, makes cleaning or extraction raise, and every
figure's evidence is the text its span points at."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrapers.clean import to_text
from scrapers.extract import extract_text
from scrapers.models import ChangeBasis
from tests.scrapers.test_corpus import CASES

WORDS = [
    "operating rate",
    "of the",
    "secondary aluminium",
    "aluminum extrusion",
    "industry",
    "rose",
    "fell",
    "by",
    "to",
    "at",
    "percentage points",
    "ppts",
    "pp",
    "per cent",
    "%",
    "M-o-M",
    "MoM",
    "YoY",
    "W-o-W",
    "RMB",
    "yuan/mt",
    "per tonne",
    "/tonne",
    "USD",
    "$",
    "copper",
    "ADC12",
    "prices",
    "broke through",
    "fell below",
    "spread",
    "refined-to-scrap",
    "-",
    "–",
    ",",
    ".",
    ";",
    "(",
    ")",
    "respectively",
    "and",
    "while",
    "in November",
    "in May 2025",
    "this week",
    "last week",
    "week ended March 14",
    "expected",
    "may",
    "flat",
    "unchanged",
    "from",
    "<p>",
    "</p>",
    "<br>",
    "<div>",
    "&amp;",
    "{alcircleadd}",
    "\n",
    "\n\n",
    "Related News",
]
NUMBERS = st.one_of(
    st.integers(min_value=-(10**7), max_value=10**9).map(str),
    st.decimals(min_value=-1000, max_value=100000, places=2, allow_nan=False).map(str),
    st.sampled_from(["92,000", "46.3", "1,200", "23,800-24,330", "0", "100.0", "1e5", "9" * 40]),
)
TOKENS = st.one_of(st.sampled_from(WORDS), NUMBERS, st.text(max_size=6))
PHRASES = st.lists(TOKENS, max_size=60).map(" ".join)
SETTINGS = settings(
    max_examples=int(os.environ.get("METALERT_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def check(document: str, published: date | None) -> None:
    body = to_text(document)
    for figure in extract_text(body, published):
        start, end = figure.span
        assert body[start:end] == figure.evidence
        assert figure.subject == figure.subject.lower()


@SETTINGS
@given(st.text(), st.none() | st.dates())
def test_any_text_gives_a_result(text: str, published: date | None) -> None:
    check(text, published)


@SETTINGS
@given(PHRASES, st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)))
def test_figure_like_word_salad_gives_a_result(text: str, published: date | None) -> None:
    check(text, published)


@SETTINGS
@given(st.sampled_from(CASES), st.data())
def test_mutated_corpus_articles_give_a_result(case: object, data: st.DataObject) -> None:
    text: str = case.text  # type: ignore[attr-defined]
    for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
        position = data.draw(st.integers(min_value=0, max_value=len(text)))
        action = data.draw(st.sampled_from(["insert", "delete", "duplicate"]))
        if action == "insert":
            text = text[:position] + data.draw(TOKENS) + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + data.draw(st.integers(0, 20)) :]
        else:
            text = text[:position] + text[position : position + 30] + text[position:]
    check(text, case.published)  # type: ignore[attr-defined]


@SETTINGS
@given(
    st.recursive(
        st.text(max_size=40) | TOKENS,
        lambda inner: st.tuples(
            st.sampled_from(["p", "div", "span", "script", "blockquote", "li", "img"]),
            st.lists(inner, max_size=4),
        ).map(
            lambda pair: (
                f"<{pair[0]}>" + "".join(pair[1]) + (f"</{pair[0]}>" if pair[0] != "img" else "")
            )
        ),
        max_leaves=30,
    )
)
def test_broken_html_gives_a_result(html: str) -> None:
    check("<p>" + html, date(2025, 12, 3))


# -- paraphrase: one survey, written the ways the corpus shows, reads the same ------------------

SURVEY_DATE = date(2025, 11, 14)
HEADLINE_SUBJECT = "aluminium downstream"
SEGMENTS = {
    "aluminium extrusion": "aluminium extrusion",
    "aluminium foil": "aluminium foil",
    "primary aluminium alloy": "primary aluminium alloy",
    "aluminium wire and cable": "aluminium wire and cable",
    "secondary aluminium": "secondary aluminium producers",
}
LEVELS = st.decimals(min_value=20, max_value=90, places=1, allow_nan=False)
MOVES = st.decimals(min_value="0.1", max_value="5", places=1, allow_nan=False)


def _rate(value: Decimal, per_cent: bool) -> str:
    return f"{value} per cent" if per_cent else f"{value}%"


def _points(move: Decimal, short: bool) -> str:
    return f"{move} ppts" if short else f"{move} percentage points"


def _statement(name: str, level: Decimal, move: Decimal, up: bool, style: dict[str, bool]) -> str:
    """One segment's sentence, in one of the corpus's ways of writing it."""
    verb = "rose" if up else "fell"
    rate, points = _rate(level, style["per_cent"]), _points(move, style["ppts"])
    if style["level_first"]:
        said = f"stood at {rate}, {'up' if up else 'down'} {points} WoW"
    else:
        said = f"{verb} {points} WoW to {rate}"
    if style["heading"]:
        return f"{name[0].upper()}{name[1:]}: the operating rate {said}."
    if style["named_rate"]:
        return f"The operating rate of {name} {said}."
    return f"{name[0].upper()}{name[1:]} {said}."


@st.composite
def surveys(draw: st.DrawFn) -> tuple[list[tuple[str, Decimal, Decimal, bool]], list[str]]:
    """A weekly downstream survey's truth (headline first, then segments) and its segment order."""
    chosen = draw(st.lists(st.sampled_from(sorted(SEGMENTS)), min_size=1, max_size=4, unique=True))
    truth = [
        (subject, draw(LEVELS), draw(MOVES), draw(st.booleans()))
        for subject in [HEADLINE_SUBJECT, *chosen]
    ]
    order = draw(st.permutations(chosen))
    return truth, list(order)


STYLES = st.fixed_dictionaries(
    {
        "per_cent": st.booleans(),
        "ppts": st.booleans(),
        "level_first": st.booleans(),
        "heading": st.booleans(),
        "named_rate": st.booleans(),
    }
)


@SETTINGS
@given(surveys(), STYLES, STYLES)
def test_a_survey_reads_the_same_however_it_is_written(
    survey: tuple[list[tuple[str, Decimal, Decimal, bool]], list[str]],
    headline_style: dict[str, bool],
    segment_style: dict[str, bool],
) -> None:
    truth, order = survey
    _, level, move, up = truth[0]
    headline = _statement(
        "leading domestic aluminium downstream processing enterprises",
        level,
        move,
        up,
        {**headline_style, "heading": False, "named_rate": True},
    ).replace("The operating rate", "This week, the operating rate", 1)
    by_subject = {item[0]: item for item in truth}
    lines = [headline]
    for name in order:
        _, seg_level, seg_move, seg_up = by_subject[name]
        lines.append(_statement(SEGMENTS[name], seg_level, seg_move, seg_up, segment_style))
    text = "\n".join(lines)

    found = {
        (figure.subject, figure.value, figure.changes.get(ChangeBasis.WOW))
        for figure in extract_text(to_text(text), SURVEY_DATE, "SMM weekly survey")
    }
    expected = {(name, lvl, mv * (1 if rising else -1)) for name, lvl, mv, rising in truth}
    assert found == expected, text
