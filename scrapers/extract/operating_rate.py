"""Operating rates: an industry's level in % and its stated changes in percentage points."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from scrapers.extract.cues import BASIS, FORECAST, PERCENT, POINTS, basis_of, direction_before
from scrapers.extract.periods import month_period
from scrapers.extract.text import NUMBER, Sentence, to_decimal
from scrapers.extract.vocabulary import OPERATING_RATE_VOCABULARY
from scrapers.models import ChangeBasis, Figure, Metric

_MENTION = re.compile(r"\boperating\s+rates?\b|\bcapacity\s+utili[sz]ation(?:\s+rates?)?\b", re.I)
# "to 46.3per cent", "at 44.0%", "reached 61.9%": the level the rate stands at.
_LEVEL = re.compile(
    rf"\b(?:to|at|of|was|were|is|reached|hit|stood\s+at|remained\s+at|around|about)\s+"
    rf"(?:about\s+|around\s+|approximately\s+)?(?P<num>{NUMBER}){PERCENT}",
    re.I,
)
# "rose 2.3 percentage points M-o-M", "up 2.7 ppts YoY": a change with its basis after it.
_CHANGE = re.compile(rf"(?P<num>{NUMBER}){POINTS}\s*(?:,\s*)?(?P<basis>{BASIS.pattern})?", re.I)
_FLAT = re.compile(rf"\b(?:flat|unchanged|stable|steady)\s+(?P<basis>{BASIS.pattern})", re.I)


def _changes(text: str) -> dict[ChangeBasis, Decimal]:
    changes: dict[ChangeBasis, Decimal] = {}
    for match in _CHANGE.finditer(text):
        basis_text = match.group("basis")
        if not basis_text:
            continue
        basis_match = BASIS.fullmatch(basis_text)
        if basis_match is None:
            continue
        sign = direction_before(text[: match.start()][-40:])
        if sign is None:
            continue  # a change whose direction is not stated is not guessed
        changes.setdefault(basis_of(basis_match), sign * to_decimal(match.group("num")))
    for match in _FLAT.finditer(text):
        basis_match = BASIS.fullmatch(match.group("basis"))
        if basis_match is not None:
            changes.setdefault(basis_of(basis_match), Decimal(0))
    return changes


def _level(text: str) -> Decimal | None:
    for match in _LEVEL.finditer(text):
        tail = text[match.end() : match.end() + 12]
        if BASIS.match(tail.lstrip(" ,")):
            continue  # "of 2.8 per cent YoY" is a change, not a level
        return to_decimal(match.group("num"))
    return None


def extract(sentence: Sentence, published: date | None) -> list[Figure]:
    mention = _MENTION.search(sentence.text)
    if mention is None:
        return []
    subjects = OPERATING_RATE_VOCABULARY.find(sentence.text)
    if not subjects:
        return []
    # The industry named closest to "operating rate" is the one it belongs to.
    subject = min(
        subjects, key=lambda s: min(abs(s.start - mention.end()), abs(mention.start() - s.end))
    )
    value = _level(sentence.text)
    changes = _changes(sentence.text)
    if value is None and not changes:
        return []
    forecast = FORECAST.search(sentence.text) is not None
    return [
        Figure(
            metric=Metric.OPERATING_RATE,
            subject=subject.subject,
            value=value,
            unit="%",
            changes=changes,
            period=month_period(sentence.text, published, forecast=forecast),
            forecast=forecast,
            evidence=sentence.text,
            span=(sentence.start, sentence.end),
        )
    ]
