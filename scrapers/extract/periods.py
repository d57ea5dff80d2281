"""Reading the period a figure is about ("in November 2025", "in October") as YYYY-MM."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# "May" is also a verb ("may pull back"), so a bare month must follow "in" / "for" / "of".
_MONTH = re.compile(
    r"\b(?P<lead>in|for|of|during|from|since|than)?\s*"
    r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
    r"(?:\s*(?:'|’)?(?P<year>(?:19|20)\d{2}|\d{2})\b)?(?!\w)",
    re.IGNORECASE,
)


def month_period(text: str, published: date | None, *, forecast: bool) -> str | None:
    """The month a statement is about, or None when it names none.

    A month without a year is resolved against the publication date: the latest such month not
    after publication for observed data, the earliest not before it for a forecast. Months after
    "from"/"since"/"than" are the baseline of a comparison, not the period.
    """
    for match in _MONTH.finditer(text):
        lead = (match.group("lead") or "").lower()
        word = match.group("month").lower()
        year_text = match.group("year")
        if lead in {"from", "since", "than"}:
            continue
        if word == "may" and not lead and not year_text:
            continue
        if not lead and not year_text:
            continue
        month = _MONTHS[word]
        if year_text:
            year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
        elif published is None:
            continue
        elif forecast:
            year = published.year if month >= published.month else published.year + 1
        else:
            year = published.year if month <= published.month else published.year - 1
        return f"{year:04d}-{month:02d}"
    return None
