"""The reading pass: every number in a sentence, once, with its unit, sign and range.

A ``Quantity`` is what the metric readers classify (a level, a change, a range end, a bound, a
reference value, or something else); they never scan for numbers themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from scrapers.extract.lexicon import PERCENT, POINTS, TONNE
from scrapers.extract.periods import MONTH_NAMES
from scrapers.extract.text import NUMBER


class Kind(StrEnum):
    PERCENT = "percent"  # 46.3%, 46.3 per cent
    POINTS = "points"  # 2.3 percentage points, 0.5 ppts
    MONEY = "money"  # RMB 92,000 per tonne, 20,325 yuan/mt, $2,390/mt, 304 yuan
    TONNES = "tonnes"  # 46,650 mt: a quantity of metal, never a price
    OTHER = "other"  # a bare number, a count, a date, a price per pound


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int  # offsets in the sentence
    end: int
    kind: Kind
    value: Decimal  # the number, or a range's low end
    high: Decimal | None = None  # a range's high end
    unit: str | None = None  # "%", "pp", "CNY/t", "USD/t"
    sign: int | None = None  # written as "+2.3" or "-105"
    per_tonne: bool = False  # the unit says per tonne (not only a currency)

    @property
    def is_range(self) -> bool:
        return self.high is not None

    @property
    def low(self) -> Decimal:
        return self.value


# AL Circle writes "USD$ 2,665" too, and an SMM lead review of 2013 "started at SUD 2,248/mt"
_CURRENCY = r"(?:rmb|cny|usd\s?\$|usd|sud|us\s?\$|\$|¥)"
_PER_TONNE = rf"\s*(?:/\s*|per\s+){TONNE}"
_QUANTITY = re.compile(
    # (also "closed up 1.11% or 770 yuan/mt to70300 yuan/mt": a space the site dropped)
    # (... and "up by1% from 3rd September")
    rf"(?:(?<![\w.$])|(?<=\sto)|(?<=\sby))(?P<btw>between\s+)?(?P<sign>[+\-−](?=[\d$¥]|rmb|usd|us))?"
    rf"(?:(?P<pre>{_CURRENCY})\s*)?(?P<num>{NUMBER})"
    rf"(?(btw)(?:\s+and\s+(?:{_CURRENCY}\s*)?(?P<and>{NUMBER}))?|)"
    # "4.1 million-4.15 million yuan/mt": the scale word may be written on both ends
    # ... and "RMB 13850 per tonne-14050 per tonne": AL Circle's unit on both ends of a dash
    # (... and "US$1,820 per tonne to US$1,830 per tonne", unless it is a move's "from ... to")
    rf"(?:(?P<lowscale>\s*(?:million|billion))?(?P<lowtonne>{_PER_TONNE}(?=\s*(?:[-–—]|to\s)))?"
    rf"\s*(?P<dash>-|–|—|~|to)\s*\+?"
    rf"(?:{_CURRENCY}\s*)?(?P<high>{NUMBER}))?"
    # "2.95-3.01 million yuan/mt": a scale word, only before a price's unit.
    rf"(?P<scale>\s*(?:million|billion|thousand)(?=\s*(?:yuan|rmb|cny|usd|us\s?dollars?|dollars?"
    rf"|/|per\s)))?"
    rf"(?:(?P<points>{POINTS})|(?P<percent>{PERCENT})"
    # (and "European APT at 610-685 $/mtu": the dollar sign after the amount)
    rf"|(?P<perother>\s*(?:yuan|rmb|cny|usd|us\s?dollars?|dollars?|\$)?\s*(?:/|per\s+)\s*"
    # ("27,000 yuan per metric ton unit": per unit of the metal an ore holds)
    rf"(?:mtu|dmtu|nickel\s+(?:unit|point)|metric\s+tonn?e?\s+unit|tonn?e?-degree|kg|kilogram|g|gram"
    rf"|lb|pound|oz|ounce"
    rf"|unit|kwh|wh|ah|w|wp|piece|sheet|sq\s*m|m2|m3|litre|liter|barrel|bbl)(?![a-z]))"
    # (AL Circle's "increasing by a solid 40 bucks ... to RMB 19,870 per tonne": money in the
    # report's own currency, yuan unless the clause counts in dollars)
    rf"|\s*(?P<post>yuan|rmb|cny|usd|us\s?dollars?|dollars?|bucks)(?![a-z])(?P<tonne>{_PER_TONNE})?"
    # "China's FOB was quoted at 2,350-2,410 $/mt": the dollar sign after the amount
    rf"|\s*(?P<postdollar>\$)(?P<tonne3>{_PER_TONNE})"
    rf"|(?P<tonne2>{_PER_TONNE})"
    rf"|(?P<pound>\s*(?:¢|cents?)\s*(?:/|per)\s*(?:lb|pound))"
    # (a machine translation's "hands" are lots: "the position was reduced by 1862 hands")
    rf"|(?P<mass>\s*(?:{TONNE}|kt|lots|hands|units|million|billion|thousand|days|hours)(?![a-z])))?"
)
# "Spot prices for India's aluminium alloy ADC12 ingot ... INR 216,000 per tonne": money in a
# currency no figure is kept in (a price per tonne without a currency word is otherwise yuan)
_FOREIGN_MONEY = re.compile(r"(?:\b(?:inr|rs\.?|rupees?|eur|gbp|jpy|yen)|[€£])\s*$")
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# "X to Y" is a range only when its ends are of one magnitude: "rose by 120 to 20,450" is a
# change and a level. A dash ("premiums of 60-300 yuan/mt") is a range whatever the ends.
_MAX_RANGE_RATIO = 3
_FROM_BEFORE = re.compile(r"\bfrom\s+$")
_DAY_OF_MONTH = re.compile(rf"\b(?:{MONTH_NAMES})\.?\s+$")


def _scaled(number: Decimal, scale: int) -> Decimal:
    if scale == 1:
        return number
    value = number * scale
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def to_decimal(number: str) -> Decimal:
    try:
        return Decimal(number.replace(",", ""))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {number!r}") from exc


def _kind(match: re.Match[str]) -> tuple[Kind, str | None, bool]:
    if match.group("points"):
        return Kind.POINTS, "pp", False
    if match.group("percent"):
        return Kind.PERCENT, "%", False
    if match.group("pound") or match.group("perother"):
        return Kind.OTHER, None, False  # per pound, per nickel unit, per kg: not per tonne
    pre = (match.group("pre") or "").replace(" ", "")
    post = match.group("post") or match.group("postdollar") or ""
    dollars = pre in {"usd", "sud", "usd$", "us$", "$"} or post.startswith(
        ("usd", "us", "dollar", "$")
    )
    if pre or post:
        tonne = bool(match.group("tonne") or match.group("tonne2") or match.group("tonne3"))
        return Kind.MONEY, "USD/t" if dollars else "CNY/t", tonne
    if match.group("tonne2"):
        return Kind.MONEY, "CNY/t", True  # "RMB 412/tonne" names its currency before the number
    if match.group("mass") and re.match(rf"\s*{TONNE}", match.group("mass")):
        return Kind.TONNES, None, False
    return Kind.OTHER, None, False


_CURRENCY_WORD = re.compile(
    r"\b(?:inr|rs\.?|rupees?|eur|gbp|jpy|yen|rmb|cny|yuan|usd)\b|us\$|[€£$]"
)
_FOREIGN_ANYWHERE = re.compile(r"\b(?:inr|rs\.?|rupees?|eur|gbp|jpy|yen)\b|[€£]")
_FOREIGN_CURRENCIES = ("inr", "rs", "rupee", "eur", "gbp", "jpy", "yen", "€", "£")


def _in_foreign_money(folded: str, match: re.Match[str]) -> bool:
    """Whether an amount "per tonne" with no currency of its own follows one in a foreign
    currency in its sentence: "rose INR 2,000 per tonne, to 240,850 per tonne"."""
    if re.search(r"yuan|rmb|cny", match.group(0)):
        return False
    named = [found.group(0) for found in _CURRENCY_WORD.finditer(folded, 0, match.start())]
    return bool(named) and named[-1].startswith(_FOREIGN_CURRENCIES)


def read(folded: str) -> list[Quantity]:
    """Every number in a folded sentence, in order."""
    if not any(map(folded.__contains__, "0123456789")):
        return []
    # (the carried-currency check reads the sentence again for each amount: only where a foreign
    # currency is written at all)
    foreign_named = _FOREIGN_ANYWHERE.search(folded) is not None
    found: list[Quantity] = []
    position = 0
    while (match := _QUANTITY.search(folded, position)) is not None:
        position = max(match.end(), position + 1)
        kind, unit, per_tonne = _kind(match)
        if (
            kind is Kind.MONEY
            and not match.group("pre")
            and (
                _FOREIGN_MONEY.search(folded, 0, match.start("num"))
                or (foreign_named and unit == "CNY/t" and _in_foreign_money(folded, match))
            )
        ):
            kind, unit, per_tonne = Kind.OTHER, None, False
        sign_text = match.group("sign") or ""
        sign = -1 if sign_text in {"-", "−"} else 1 if sign_text == "+" else None
        scale_word = (match.group("scale") or "").strip()
        if match.group("lowscale") and match.group("lowscale").strip() != scale_word:
            # "4.1 million-4 yuan": the scale word of the low end is not the range's
            position = match.end("num")
            continue
        try:
            scale = _SCALES.get(scale_word, 1)
            low_written = to_decimal(match.group("num"))
            high_text = match.group("and") or match.group("high")
            high_written = to_decimal(high_text) if high_text else None
        except ValueError:
            continue
        if (
            kind is Kind.OTHER
            and high_written is not None
            and match.group("dash") in {"-", "–"}
            and (lead := _EXCHANGE_RANGE_LEAD.search(folded, 0, match.start())) is not None
        ):
            # "The suggested core trading range for SHFE aluminum is 23,400–24,000", "The core
            # trading range for LME aluminum is suggested at 3,120-3,160": the contract's range,
            # in the money per tonne its exchange quotes in
            unit = "USD/t" if lead.group("venue") == "lme" else "CNY/t"
            kind, per_tonne = Kind.MONEY, True
        if high_written is not None and kind is Kind.MONEY and match.group("dash") in {"-", "–"}:
            low_written = _short_low(match.group("num"), low_written, high_text, high_written)
        value = _scaled(low_written, scale)
        high = _scaled(high_written, scale) if high_written is not None else None
        start = match.start("sign") if match.group("sign") else match.start("pre")
        if start < 0:
            start = match.start("num")
        spaced_to = (match.group("dash") or "") == "to"
        signed_low = -value if sign == -1 else value
        if (
            high is not None
            and kind is Kind.MONEY
            and not spaced_to
            and sign is None
            and high < value
        ):
            value, high = high, value  # SMM writes a discount range from its deep end: "40-30"
            signed_low = value
        if (
            high is not None
            and spaced_to
            and match.group("lowtonne")
            and _FROM_BEFORE.search(folded, 0, start)
        ):
            # "rose by US$22 per tonne from US$2,915 per tonne to US$2,937 per tonne": where a
            # move started and where it ended, each a price of its own
            found.append(
                Quantity(start, match.end("lowtonne"), kind, value, None, unit, sign, True)
            )
            position = match.end("dash")
            continue
        if high is not None and (
            kind in {Kind.OTHER, Kind.TONNES}
            or high < signed_low
            or (spaced_to and value > 0 and high > value * _MAX_RANGE_RATIO)
        ):
            if spaced_to and kind is Kind.OTHER:
                # "on August 12 to 200-150 yuan/mt": a date, then the next number on its own.
                found.append(Quantity(start, match.end("num"), kind, value, None, unit, sign))
                position = match.end("num")
                continue
            if kind in {Kind.OTHER, Kind.TONNES} or match.group("and"):
                high = None
            elif spaced_to and _DAY_OF_MONTH.search(folded, 0, start):
                # "rose from 13,150 yuan/mt on March 3 to 13,300 yuan/mt": a date, then a price
                found.append(Quantity(start, match.end("num"), Kind.OTHER, value, None, None, sign))
                position = match.end("dash")
                continue
            else:
                # Two numbers sharing one unit, not a range: "rose by 120 to 20,450 yuan/mt".
                # The second is read again on its own, so that it keeps a range of its own:
                # "rose by $20 to $2,250-2,330/mt". (A low end with its own unit keeps it:
                # "discounts at RMB 70 per tonne to RMB 30 per tonne".)
                low_end = match.end("lowtonne") if match.group("lowtonne") else match.end("num")
                found.append(
                    Quantity(
                        start, low_end, kind, value, None, unit, sign, bool(match.group("lowtonne"))
                    )
                )
                position = match.end("dash")
                continue
        found.append(Quantity(start, match.end(), kind, value, high, unit, sign, per_tonne))
    return _dashless_ranges(folded, _closes_without_unit(folded, _between_ranges(folded, found)))


# How far below the high end a low end read from its leading digits may lie: a range printed
# short spans a few per cent ("17-175000" is 170,000-175,000), never a different magnitude.
_SHORT_LOW_SPAN = Decimal("0.2")


def _short_low(low_text: str, low: Decimal, high_text: str, high: Decimal) -> Decimal:
    """The low end of a range printed short, as the high end's magnitude reads it. SMM's
    Chinese sources write prices in units of ten thousand yuan and the translation keeps the
    low end so: "17-175000 yuan / ton" and "26.6-269000" are 170,000-175,000 and
    266,000-269,000; or the low end loses its decimal point before a scale word, "193-1.95
    million" and "415-4.2 million" being 1.93-1.95 and 4.15-4.2 million. Only an end at least
    a thousand times too small, or written without the point the high end has and at least
    ten times too large, is moved, and only when it then lies just below the high end; "0-50",
    "5-10" and a deep-end discount "40-30" stay as written."""
    if low <= 0 or high <= 0:
        return low
    if low * 1000 <= high:
        shift = Decimal(10) ** (len(str(int(high))) - len(str(int(low))))
    elif "." not in low_text and "." in high_text and low >= high * 10:
        shift = Decimal(10) ** -(len(str(int(low))) - len(str(int(high))))
    else:
        return low
    moved = (low * shift).normalize()
    if moved > high:
        moved /= 10
    if not high * (1 - _SHORT_LOW_SPAN) <= moved < high:
        return low
    return moved.quantize(Decimal(1)) if moved == moved.to_integral_value() else moved


_CLOSED_AT = re.compile(r"\bclos(?:ed|ing)\s+at\s*$")
_THEN_MOVED = re.compile(r"^[^.;]{0,30}?\b(?:up|down|rose|fell|gained|lost)\b[^.;]{0,10}$")
# A Chinese exchange's contract is named by its delivery month ("contract 2509", "the 2509
# futures contract", "fer2509") and trades in yuan per tonne.
_CHINESE_CONTRACT = re.compile(
    r"\b(?:contract\s+[a-z]{0,3}\d{4}|[a-z]{0,3}\d{4}\s+(?:futures\s+)?contract|[a-z]{1,3}\d{4})\b"
)
_BARE_MOVE = re.compile(r"^,?\s*(?:up|down)\s*$")
_EXCHANGE_RANGE_LEAD = re.compile(
    r"\btrading\s+range\s+for\s+(?P<venue>shfe|lme)\s+(?:copper|zinc|alumini?um|lead|nickel|tin)"
    # ("The core trading range for SHFE aluminum was suggested at 22,200-22,650")
    r"\s+(?:is|was)(?:\s+suggested\s+at)?\s*$"
)


# A number written with no unit at all ("closed at 5,660"), not one in a unit no figure is kept
# in ("closed at 280,000-281,000 yuan/mtu, down 2,000 yuan/mt WoW": per unit of the ore's metal,
# whatever unit its move is misprinted in)
_BARE_NUMBER = re.compile(r"[\d.,]+")


def _unit_of_a_bare_close(folded: str, close: Quantity, after: Quantity | None) -> str | None:
    """The unit of a contract's close written without one: the unit its move is written in
    ("fer2509 closed at 5,660 yesterday, down 64 yuan"), or yuan per tonne for a domestic
    contract whose move has no unit either ("contract 2509 closed at 5,496, down 40 (0.72%)")."""
    if (
        close.kind is not Kind.OTHER
        or close.high is not None
        or close.sign is not None
        or close.value < 100
        or after is None
        or not _BARE_NUMBER.fullmatch(folded, close.start, close.end)
        or not _CLOSED_AT.search(folded[max(0, close.start - 20) : close.start])
    ):
        return None
    between = folded[close.end : after.start]
    if after.kind is Kind.MONEY and after.unit in {"CNY/t", "USD/t"} and _THEN_MOVED.match(between):
        return after.unit
    if (
        after.kind in {Kind.OTHER, Kind.PERCENT}
        and _BARE_MOVE.match(between)
        and _CHINESE_CONTRACT.search(folded, 0, close.start)
    ):
        return "CNY/t"
    return None


# "Spot premiums ... expand 50 to 450-500 yuan per tonne": a move whose unit is its level's
_BARE_MOVE_VERB = re.compile(
    r"\b(?:expand(?:ed|s)?|narrow(?:ed|s)?|widen(?:ed|s)?|shr[iau]nk|rose|fell|climbed|dropped"
    r"|gained|lost)\s*$"
)


def _unit_of_a_bare_move(folded: str, move: Quantity, after: Quantity | None) -> str | None:
    """The unit of a move written without one, told just before the level it led to."""
    if (
        move.kind is not Kind.OTHER
        or move.high is not None
        or after is None
        or not _BARE_NUMBER.fullmatch(folded, move.start, move.end)
        or after.kind is not Kind.MONEY
        or not _BARE_MOVE_VERB.search(folded[max(0, move.start - 20) : move.start])
        or folded[move.end : after.start].strip() != "to"
    ):
        return None
    return after.unit


def _dashless_ranges(folded: str, found: list[Quantity]) -> list[Quantity]:
    """ "Inner Mongolia is 5900-6000 yuan / 50 basis tons, the northwest 58506000 yuan / 50 basis
    tons": a machine translation's range whose dash was lost, read as the ranges beside it are
    written, when its two halves have their digits and lie just apart, low before high."""
    widths = {len(str(int(q.high))) for q in found if q.high is not None and q.kind is Kind.MONEY}
    if not widths:
        return found
    read: list[Quantity] = []
    for quantity in found:
        digits = folded[quantity.start : quantity.end]
        number = re.search(r"\d+", digits)
        if (
            quantity.kind is Kind.MONEY
            and quantity.high is None
            and number is not None
            and len(number.group(0)) % 2 == 0
            and len(number.group(0)) // 2 in widths
            and "," not in digits
        ):
            half = len(number.group(0)) // 2
            low, high = Decimal(number.group(0)[:half]), Decimal(number.group(0)[half:])
            if high * (1 - _SHORT_LOW_SPAN) <= low < high:
                quantity = Quantity(
                    quantity.start,
                    quantity.end,
                    quantity.kind,
                    low,
                    high,
                    quantity.unit,
                    quantity.sign,
                    quantity.per_tonne,
                )
        read.append(quantity)
    return read


def _closes_without_unit(folded: str, found: list[Quantity]) -> list[Quantity]:
    """ "the most-traded contract fer2509 closed at 5,660 yesterday, down 64 yuan or 1.12%": a
    close whose unit is the one its change is written in."""
    if "clos" not in folded and " to " not in folded:
        return found
    read: list[Quantity] = []
    for index, quantity in enumerate(found):
        after = found[index + 1] if index + 1 < len(found) else None
        unit = _unit_of_a_bare_close(folded, quantity, after) or _unit_of_a_bare_move(
            folded, quantity, after
        )
        if unit is not None:
            quantity = Quantity(
                quantity.start, quantity.end, Kind.MONEY, quantity.value, None, unit
            )
        read.append(quantity)
    return read


# "ranged from 102,160 yuan/mt to 102,990 yuan/mt"; "within a range of RMB 20,290 per tonne to
# RMB 20,330 per tonne"
_RANGED_FROM = re.compile(r"\b(?:ranged?|ranging|varied|varying)\s+from$|\ba\s+range\s+of$")


def _between_ranges(folded: str, found: list[Quantity]) -> list[Quantity]:
    """ "between RMB 19,550 per tonne and (or to) RMB 19,590 per tonne", "ranged from 102,160
    yuan/mt to 102,990 yuan/mt": one range, each end with its unit. ("rose from 75,180 yuan/mt
    to 75,300 yuan/mt" is a move, not a range.)"""
    merged: list[Quantity] = []
    for quantity in found:
        if merged:
            low = merged[-1]
            joint = folded[low.end : quantity.start].strip()
            before = folded[max(0, low.start - 14) : low.start].rstrip()
            if (
                low.kind is Kind.MONEY
                and quantity.kind is Kind.MONEY
                and low.high is None
                and quantity.high is None
                and (
                    (joint == "and" and before.endswith("between"))
                    or (joint == "to" and _RANGED_FROM.search(before) is not None)
                    # AL Circle: "sold between RMB 425 per tonne to RMB 450 per tonne", "sold
                    # for RMB 325 per tonne to RMB 370 yuan per tonne"
                    or (joint == "to" and re.search(r"\b(?:between|sold\s+for)$", before))
                    # "have risen by RMB 5 per tonne to RMB 10 per tonne": a range of moves
                    # ("fell by RMB 100 to RMB 20,000" is a move and the level it reached)
                    or (
                        joint == "to"
                        and re.search(r"\bby$", before)
                        and low.value < quantity.value <= 5 * low.value
                    )
                )
            ):
                merged[-1] = Quantity(
                    low.start,
                    quantity.end,
                    low.kind,
                    low.value,
                    quantity.value,
                    low.unit,
                    low.sign,
                    low.per_tonne or quantity.per_tonne,
                )
                continue
        merged.append(quantity)
    return merged
