"""Prices and spreads in CNY/t or USD/t: levels, ranges, stated changes and threshold language."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from scrapers.extract.cues import BASIS, FORECAST, direction_before
from scrapers.extract.periods import month_period
from scrapers.extract.text import NUMBER, Sentence, to_decimal
from scrapers.extract.vocabulary import PRICE_VOCABULARY
from scrapers.models import Bound, Figure, Metric, PriceChange

_TONNE = r"(?:metric\s+)?(?:tonnes?|tons?|mt|t)\b"
_RANGE = rf"(?P<num>{NUMBER})(?:\s*(?:-|–|—|to)\s*(?P<high>{NUMBER}))?"
# Every spelling in the wild: "RMB 92,000 per tonne", "RMB 412/tonne", "20,325 yuan/mt",
# "20,405 RMB per metric tonne", "USD 2,500/t", "$2,500 per tonne".
_AMOUNT = re.compile(
    rf"(?:(?P<pre>RMB|CNY|USD|US\$|\$)\s*{_RANGE}\s*(?:/\s*|per\s+){_TONNE}"
    rf"|(?P<num2>{NUMBER})(?:\s*(?:-|–|—|to)\s*(?P<high2>{NUMBER}))?\s*"
    rf"(?P<post>yuan|RMB|CNY|USD|dollars)\s*(?:/\s*|per\s+){_TONNE})",
    re.I,
)
_ABOVE = re.compile(
    r"\b(?:broke\s+(?:through|above)|break(?:s|ing)?\s+(?:through|above)|exceed(?:ed|s|ing)?"
    r"|topp(?:ed|ing)|tops?|surpass(?:ed|es|ing)?|above|over|beyond)\s*$",
    re.I,
)
_BELOW = re.compile(
    r"\b(?:f[ae]ll(?:s|ing)?\s+below|dropp?(?:ed|s|ing)?\s+(?:below|under)|dipp?(?:ed|s)?\s+below"
    r"|slipp?(?:ed|s)?\s+below|below|under)\s*$",
    re.I,
)
_CHANGE_LEAD = re.compile(r"\b(?:by|of)\s*$|\b(?:up|down)\s+(?:\w+\s+)?(?:by\s+)?$", re.I)
_LEVEL_LEAD = re.compile(r"\b(?:to|at|reached|hit|stood\s+at|range\s+of|between)\s*$", re.I)
_SPREAD = re.compile(r"\b(?P<name>[a-z]+(?:-to-|\s+to\s+|/)[a-z]+)?\s*(?:price\s+)?spread\b", re.I)


def _unit(match: re.Match[str]) -> str:
    currency = (match.group("pre") or match.group("post") or "").upper()
    return "USD/t" if currency in {"USD", "US$", "$", "DOLLARS"} else "CNY/t"


def extract(sentence: Sentence, published: date | None) -> list[Figure]:
    text = sentence.text
    figures = []
    forecast = FORECAST.search(text) is not None
    for amount in _AMOUNT.finditer(text):
        low = to_decimal(amount.group("num") or amount.group("num2"))
        high_text = amount.group("high") or amount.group("high2")
        high = to_decimal(high_text) if high_text else None
        before = text[: amount.start()]
        clause = re.split(r"[;(]|\bwhile\b|\bwhereas\b", before)[-1]
        spread = _SPREAD.search(clause)
        metric = Metric.SPREAD if spread else Metric.PRICE
        if spread:
            subject = (spread.group("name") or "spread").lower().replace(" to ", "-to-")
        else:
            subjects = PRICE_VOCABULARY.find(clause)
            if not subjects:
                continue  # a price of nothing we know is not a figure
            subject = subjects[-1].subject
        lead = before[-40:]
        after = text[amount.end() : amount.end() + 20]
        change: PriceChange | None = None
        value: Decimal | None = None
        bound: Bound | None = None
        if high is None and (_CHANGE_LEAD.search(lead) or BASIS.match(after.lstrip(" ,"))):
            sign = direction_before(lead)
            if sign is None:
                continue
            change = PriceChange(amount=sign * low)
        elif high is None:
            value = low
            if _ABOVE.search(lead):
                bound = Bound.ABOVE
            elif _BELOW.search(lead):
                bound = Bound.BELOW
        figures.append(
            Figure(
                metric=metric,
                subject=subject,
                value=value,
                low=low if high is not None else None,
                high=high,
                unit=_unit(amount),
                change=change,
                bound=bound,
                period=month_period(text, published, forecast=forecast),
                forecast=forecast,
                evidence=text,
                span=(sentence.start, sentence.end),
            )
        )
    return figures
