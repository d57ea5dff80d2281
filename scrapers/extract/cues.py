"""Words that carry meaning around numbers: directions, change bases, units, forecasts."""

from __future__ import annotations

import re

from scrapers.models import ChangeBasis

UP_WORDS = (
    r"rose|rise|rises|rising|risen|increased?|increases|increasing|up|gained?|gains|climbed?|climbs"
    r"|rebounded|rebounds?|recovered|grew|grow|growth|higher|jumped?|surged?|added|edged up"
    r"|picked up|ticked up|expanded|widened|widens"
)
DOWN_WORDS = (
    r"fell|fall|falls|falling|fallen|decreased?|decreases|decreasing|down|declined?|declines"
    r"|declining|dropped|drops?|dipped|dips?|slipped|slid|lower|lost|pulled back|retreated"
    r"|contracted|narrowed|narrows|eased|shrank|decline"
)
FLAT_WORDS = r"flat|unchanged|stable|steady"
DIRECTION = re.compile(
    rf"\b(?:(?P<up>{UP_WORDS})|(?P<down>{DOWN_WORDS})|(?P<flat>{FLAT_WORDS}))\b", re.I
)

BASIS = re.compile(
    r"(?<![A-Za-z])(?:"
    r"(?P<mom>m-?o-?m|month[\s-]+on[\s-]+month|month[\s-]+over[\s-]+month)"
    r"|(?P<yoy>y-?o-?y|year[\s-]+on[\s-]+year|year[\s-]+over[\s-]+year)"
    r"|(?P<wow>w-?o-?w|week[\s-]+on[\s-]+week|week[\s-]+over[\s-]+week)"
    r")(?![A-Za-z])",
    re.I,
)
PERCENT = r"(?:\s*%|\s*per\s*cent\b|\s*percent\b|per\s*cent\b)"
POINTS = r"\s*(?:percentage[\s-]+points?|percent(?:age)?[\s-]+pts?|ppts?|pp|pct[\s-]+pts?)\b"
FORECAST = re.compile(
    r"\b(?:expected|expects?|forecast(?:s|ed)?|projected|predicts?|predicted|anticipated"
    r"|estimated to|likely|may|might|could|will|would|is set to|are set to|outlook)\b",
    re.I,
)


def basis_of(match: re.Match[str]) -> ChangeBasis:
    for basis in ChangeBasis:
        if match.group(basis.value):
            return basis
    raise AssertionError("BASIS matched no group")


def direction_before(text: str) -> int | None:
    """+1, -1 or 0 for the last direction word in text, None when there is none."""
    last = None
    for match in DIRECTION.finditer(text):
        last = match
    if last is None:
        return None
    if last.group("up"):
        return 1
    if last.group("down"):
        return -1
    return 0
