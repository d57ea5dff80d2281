"""Prices and spreads per tonne: levels, ranges, stated changes and threshold language.

Every spelling in the wild is read: "RMB 92,000 per tonne", "RMB 412/tonne", "20,325 yuan/mt",
"20,405 RMB per metric tonne", "USD 2,500/t", "$2,500 per tonne", and bare "304 yuan" when the
sentence has already said "per metric ton". A change followed by the level it led to ("rose 120
yuan/mt to 20,450 yuan/mt") is one figure.

Patterns run on the folded sentence (``Sentence.folded``), except the exchange names, which are
matched as written ("LME", not "lme" inside another word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from scrapers.extract.context import Context
from scrapers.extract.cues import (
    DIRECTION,
    FOREIGN_QUANTITY,
    PERCENT,
    basis_after,
    clause_start,
    direction_of,
    is_forecast,
)
from scrapers.extract.periods import month_period, week_period
from scrapers.extract.text import NUMBER, EndPattern, Sentence, to_decimal
from scrapers.extract.vocabulary import PRICE_VOCABULARY, SPREAD_VOCABULARY, SubjectMatch
from scrapers.models import Bound, ChangeBasis, Figure, Metric, PriceChange

CUES = ("rmb", "yuan", "cny", "usd", "$", "dollar", "price")  # lower-case, as for rates
_TONNE = r"(?:metric\s+)?(?:tonnes?|tons?|mt|t)(?![A-Za-z])"
_PER_TONNE = rf"\s*(?:/\s*|per\s+){_TONNE}"
_DASH = r"\s*(?:-|–|—|~|to)\s*"
_CURRENCY_PRE = r"(?P<pre>rmb|cny|usd|us\$|\$)"
_CURRENCY_POST = r"(?P<post>yuan|rmb|cny|usd|dollars)"
# The lookahead lets the pattern engine pass over letters that cannot open an amount.
_AMOUNT = re.compile(
    rf"(?=\d|\$|rmb|cny|us|between)(?:(?:between\s+)?{_CURRENCY_PRE}\s*(?P<low>{NUMBER})"
    rf"(?:(?:{_DASH}|\s+and\s+)(?:rmb|cny|usd|us\$|\$)?\s*(?P<high>{NUMBER}))?"
    rf"(?:\s*(?:yuan|rmb))?(?P<tonne>{_PER_TONNE})?"
    rf"|(?P<low2>{NUMBER})(?:(?:{_DASH}|\s+and\s+)(?P<high2>{NUMBER}))?\s*{_CURRENCY_POST}"
    rf"(?P<tonne2>{_PER_TONNE})?)"
)
_BIG_UNIT = re.compile(r"^\s*(?:billion|million|thousand|bn|mn|k)\b")
_TONNE_CONTEXT = re.compile(rf"per\s+{_TONNE}|/\s*{_TONNE}")
_ABOVE = EndPattern(
    re.compile(
        r"\b(?:broke\s+(?:through|above)|break(?:s|ing)?\s+(?:through|above)|exceed(?:ed|s|ing)?"
        r"|topp(?:ed|ing)|tops?|surpass(?:ed|es|ing)?|above|over|beyond|past)"
        r"(?:\s+the)?(?:\s+(?:mark|level|threshold)\s+of)?\s*$"
    ),
    tuple(
        (
            "through above exceed exceeds ed ing top tops surpass surpasses over beyond past the of"
        ).split()
    ),
)
_BELOW = EndPattern(
    re.compile(
        r"\b(?:f[ae]ll(?:s|ing)?\s+(?:below|under)|dropp?(?:ed|s|ing)?\s+(?:below|under)"
        r"|dipp?(?:ed|s|ing)?\s+(?:below|under)|slipp?(?:ed|s|ing)?\s+(?:below|under)"
        r"|sank\s+below|below|under)(?:\s+the)?\s*$"
    ),
    ("below", "under", "the"),
)
_VERB_LEAD = re.compile(
    rf"(?:{DIRECTION.pattern})\s+(?:\w+ly\s+)?(?:by\s+)?(?:about\s+|around\s+|nearly\s+|over\s+)?$"
)
_CHANGE_NOUN = (
    r"increase|rise|gain|growth|jump|decrease|decline|drop|fall|dip|reduction|change|rebound"
)
_NOUN_LEAD = EndPattern(
    re.compile(
        rf"\b(?:{_CHANGE_NOUN})s?\s+(?:of|by|exceed(?:ed|s|ing)?|topp(?:ed|ing)|tops?|of\s+over"
        rf"|of\s+more\s+than|of\s+about|of\s+around|was|were|reached)\s*$"
    ),
    tuple("of by exceed exceeds ed ing top tops over than about around was were".split()),
)
_BY_LEAD = EndPattern(
    re.compile(r"\bby\s+(?:about\s+|around\s+|nearly\s+|over\s+)?$"),
    ("by", "about", "around", "nearly", "over"),
)
_MERGE_GAP = re.compile(
    r"^\s*,?\s*(?:(?:on|in|during)\s+(?:the\s+)?\w+\s+)?"
    r"(?:to(?:\s+close\s+at)?|at|reaching|hitting|and\s+closed\s+at|closing\s+at)\s*$"
)
_SPREAD = re.compile(r"\bspreads?\b")
_DIRECTION_AFTER = re.compile(
    r"\s*(higher|lower|up|down|more|less)\s+(?=than\b|from\b|on\s+the\b|over\b|compared\b)"
)
# "alloy plants lost 300 yuan/mt": the subject is a business, the amount its margin.
_COMPANY = re.compile(
    r"\b(?:plants?|enterprises?|producers?|smelters?|makers?|companies|company|firms?|mills?"
    r"|refiners?|refineries|recyclers?|traders?|buyers?|sellers?)\b"
)
_PRICE_WORD = re.compile(r"\bprices?\b|\bquot(?:es|ations?)\b|\bcosts?\b")
_NOT_A_PRICE = re.compile(
    r"\b(?:fees?|freight|tax(?:es)?|tolls?|subsid(?:y|ies)|fines?|investment|invest(?:ed|s)?"
    r"|revenue|valuation|loss(?:es)?|wages?|tariffs?|premiums?|discounts?|processing)\b"
)
_PCT_CHANGE = re.compile(rf"(?=[\d+\-−])(?P<sign>[+\-−](?=\d))?(?P<num>{NUMBER}){PERCENT}")
_OPERATING = re.compile(r"\boperating\s+rates?\b|\butili[sz]ation\b")
_DOLLARS = re.compile(r"\bUSD\b|\$|\bLME\b|\bCOMEX\b")  # as written: "LME", not "lme"
_LME = re.compile(r"\bLME\b")
_COMEX = re.compile(r"\bCOMEX\b")
_WEEKLY = re.compile(r"\bweek|\bw-?o-?w\b")


@dataclass(frozen=True, slots=True)
class _Amount:
    start: int
    end: int
    low: Decimal
    high: Decimal | None
    unit: str


def _amounts(text: str) -> list[_Amount]:
    found = []
    tonne_context: bool | None = None  # whether the sentence says "per tonne" somewhere
    for match in _AMOUNT.finditer(text):
        if _BIG_UNIT.match(text[match.end() : match.end() + 12]):
            continue  # "RMB 5 billion" is money, not a price per tonne
        if not (match.group("tonne") or match.group("tonne2")):
            if tonne_context is None:
                tonne_context = _TONNE_CONTEXT.search(text) is not None
            if not tonne_context:
                continue
        currency = (match.group("pre") or match.group("post") or "").upper()
        unit = "USD/t" if currency in {"USD", "US$", "$", "DOLLARS"} else "CNY/t"
        low = to_decimal(match.group("low") or match.group("low2"))
        high_text = match.group("high") or match.group("high2")
        found.append(
            _Amount(
                match.start(), match.end(), low, to_decimal(high_text) if high_text else None, unit
            )
        )
    return found


def _between(matches: list[SubjectMatch], start: int, end: int) -> list[SubjectMatch]:
    """The subjects named between two offsets of the sentence (found once per sentence)."""
    return [match for match in matches if match.start >= start and match.end <= end]


def _subject(text: str, clause: int, position: int) -> tuple[Metric, str] | None:
    window = text[clause:position]
    if "spread" in window and _SPREAD.search(window):
        spreads = _between(SPREAD_VOCABULARY.find(text), 0, position)
        if spreads:
            return Metric.SPREAD, spreads[-1].subject
        return None
    if _NOT_A_PRICE.search(window):
        return None
    subjects = _between(PRICE_VOCABULARY.find(text), clause, position)
    if subjects:
        last = subjects[-1]
        between = text[last.end : position]
        if (
            FOREIGN_QUANTITY.search(between)
            or _OPERATING.search(between)
            or _COMPANY.search(between)
        ):
            return None
        return Metric.PRICE, last.subject
    return None


def _basis_after(text: str, position: int) -> ChangeBasis | None:
    return basis_after(_DIRECTION_AFTER.sub("", text[position : position + 50]))


def _sign_after(text: str, position: int) -> int | None:
    """ "$6/mt lower than last week": the direction written after the amount."""
    match = _DIRECTION_AFTER.match(text, position)
    if match is None:
        return None
    return 1 if match.group(1).lower() in {"higher", "up", "more"} else -1


def _is_change(lead: str, text: str, amount: _Amount, bound: Bound | None) -> bool:
    """Whether the amount is a change rather than a level; ``bound`` is the threshold language
    before it ("broke through"), if any."""
    if amount.high is not None:
        return False
    if _DIRECTION_AFTER.match(text, amount.end):
        return True
    if bound is not None:
        return bool(_NOUN_LEAD.search(lead))  # "weekly increase exceeds 1,200 yuan/mt"
    if _VERB_LEAD.search(lead) or _NOUN_LEAD.search(lead) or _BY_LEAD.search(lead):
        return True
    return _basis_after(text, amount.end) is not None


def _region(text: str) -> str:
    if "LME" in text and _LME.search(text):
        return "LME"
    if "COMEX" in text and _COMEX.search(text):
        return "COMEX"
    return "China"


def _period(text: str, context: Context, forecast: bool, basis: ChangeBasis | None) -> str | None:
    month = month_period(text, context.published, forecast=forecast)
    if month is not None:
        return month
    if basis is ChangeBasis.WOW or (("w" in text) and _WEEKLY.search(text)):
        return week_period(text, context.published, weekly=basis is ChangeBasis.WOW)
    return None


def extract(sentence: Sentence, context: Context) -> list[Figure]:
    text = sentence.folded
    figures: list[Figure] = []
    pending_change: tuple[Figure, int, str] | None = None  # a change waiting for "to <level>"
    for amount in _amounts(text):
        clause = clause_start(sentence.text, amount.start)
        found = _subject(text, clause, amount.start)
        if found is None:
            continue
        metric, subject = found
        lead = text[max(clause, amount.start - 45) : amount.start]
        forecast = is_forecast(sentence.text, amount.start, clause)
        region = _region(sentence.text[: amount.end])
        bound = None
        if amount.high is None:
            bound = (
                Bound.ABOVE if _ABOVE.search(lead) else Bound.BELOW if _BELOW.search(lead) else None
            )
        if _is_change(lead, text, amount, bound):
            sign = _sign_after(text, amount.end) or direction_of(lead)
            if sign is None:
                continue
            basis = _basis_after(text, amount.end)
            change = PriceChange(amount=sign * amount.low, basis=basis)
            figure = Figure(
                metric=metric,
                subject=subject,
                value=None,
                unit=amount.unit,
                change=change,
                region=region,
                period=_period(text, context, forecast, basis),
                forecast=forecast,
                evidence=sentence.text,
                span=(sentence.start, sentence.end),
            )
            figures.append(figure)
            pending_change = (figure, amount.end, subject)
            continue
        if (
            pending_change is not None
            and pending_change[2] == subject
            and _MERGE_GAP.match(text[pending_change[1] : amount.start])
        ):
            # "rose 120 yuan/mt to 20,450 yuan/mt": the level belongs to the change before it.
            changed = figures.pop()
            figures.append(
                Figure(
                    metric=changed.metric,
                    subject=subject,
                    value=amount.low if amount.high is None else None,
                    low=amount.low if amount.high is not None else None,
                    high=amount.high,
                    unit=amount.unit,
                    change=changed.change,
                    bound=bound,
                    region=changed.region,
                    period=changed.period,
                    forecast=changed.forecast or forecast,
                    evidence=sentence.text,
                    span=(sentence.start, sentence.end),
                )
            )
            pending_change = None
            continue
        pending_change = None
        figures.append(
            Figure(
                metric=metric,
                subject=subject,
                value=amount.low if amount.high is None else None,
                low=amount.low if amount.high is not None else None,
                high=amount.high,
                unit=amount.unit,
                bound=bound,
                region=region,
                period=_period(text, context, forecast, None),
                forecast=forecast,
                evidence=sentence.text,
                span=(sentence.start, sentence.end),
            )
        )
    figures.extend(_percent_changes(sentence, context, {f.subject for f in figures}))
    return figures


def _percent_changes(sentence: Sentence, context: Context, taken: set[str]) -> list[Figure]:
    """ "copper prices rose 1.2% WoW": a price change in per cent, for a subject with no amount."""
    text = sentence.folded
    # A change in per cent needs "%", "per cent" or "percent", and a price word.
    if not ("%" in text or "cent" in text) or not _PRICE_WORD.search(text):
        return []
    figures = []
    for match in _PCT_CHANGE.finditer(text):
        clause = clause_start(sentence.text, match.start())
        window = text[clause : match.start()]
        if (
            not _PRICE_WORD.search(window)
            or _OPERATING.search(window)
            or _NOT_A_PRICE.search(window)
        ):
            continue
        subjects = _between(PRICE_VOCABULARY.find(text), clause, match.start())
        if not subjects or subjects[-1].subject in taken:
            continue
        between = text[subjects[-1].end : match.start()]
        if FOREIGN_QUANTITY.search(between):
            continue
        lead = window[-45:]
        sign = (
            -1
            if match.group("sign") in {"-", "−"}
            else 1
            if match.group("sign") == "+"
            else direction_of(lead)
        )
        if sign is None or not (
            _VERB_LEAD.search(lead) or _NOUN_LEAD.search(lead) or _BY_LEAD.search(lead)
        ):
            continue
        basis = _basis_after(text, match.end())
        forecast = is_forecast(sentence.text, match.start(), clause)
        unit = "USD/t" if _DOLLARS.search(sentence.text, 0, match.end()) else "CNY/t"
        subject = subjects[-1].subject
        taken.add(subject)
        figures.append(
            Figure(
                metric=Metric.PRICE,
                subject=subject,
                value=None,
                unit=unit,
                change=PriceChange(
                    amount=sign * to_decimal(match.group("num")), percent=True, basis=basis
                ),
                region=_region(sentence.text[: match.end()]),
                period=_period(text, context, forecast, basis),
                forecast=forecast,
                evidence=sentence.text,
                span=(sentence.start, sentence.end),
            )
        )
    return figures
