"""Reading the period a figure is about ("in November 2025", "in October") as YYYY-MM.

Patterns are lower case and run on folded text, which every function here makes for itself.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from scrapers.extract.text import fold

# each month's names, the written-out one first
_NAMES_BY_MONTH = (
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
)
_MONTHS = {name: number for number, names in enumerate(_NAMES_BY_MONTH, start=1) for name in names}


def month_number(name: str) -> int | None:
    """1-12 for a month's name or its abbreviation ("feb"), None for any other word."""
    return _MONTHS.get(name)


# "May" is also a verb ("may pull back"), so a bare month must follow "in" / "for" / "of".
# The lookahead on months' first letters lets the pattern engine pass over most characters.
_MONTH = re.compile(
    r"(?=[jfmasond])\b(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
    r"(?:\s*(?P<year>(?:19|20)\d{2})\b|\s*(?:'|’)(?P<short>\d{2})\b)?(?!\w)"
)
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_LEAD = re.compile(r"\b(in|for|of|during|from|since|than)\s*$")
_BEGAN_IN = re.compile(r"\b(?:began|begun|started|starting|beginning)\s+in\s*$")
_UNTIL = re.compile(
    r"\b(?:until|till|through)\s+(?:the\s+)?(?:end|middle|start|beginning)\s+of\s*$"
)


def week_ended(text: str) -> bool:
    """Whether the text names its week by the day it ended ("in the week ended March 14")."""
    text = fold(text)
    return "week" in text and _WEEK_ENDED.search(text) is not None


_MONTHS_FIGURE = re.compile(r"['’]s\s+(?:average|operating\s+rate|rate|price)\b")


def month_period(text: str, published: date | None, *, forecast: bool) -> str | None:
    """The month a statement is about, or None when it names none.

    A month without a year is resolved against the publication date: the latest such month not
    after publication for observed data, the earliest not before it for a forecast. Months after
    "from"/"since"/"than" are the baseline of a comparison, not the period.
    """
    text = fold(text)
    if not any(map(text.__contains__, _MONTH_STEMS)):
        return None  # most sentences name no month; str.find is far cheaper than the pattern
    for match in _MONTH.finditer(text):
        before = _LEAD.search(text, max(0, match.start() - 8), match.start())
        lead = before.group(1) if before else ""
        word = match.group("month")
        year_text = match.group("year") or match.group("short")
        if lead in {"from", "since", "than"}:
            continue
        if _UNTIL.search(text, max(0, match.start() - 40), match.start()):
            continue  # "likely until the end of November": a deadline, not the period
        if _BEGAN_IN.search(text, max(0, match.start() - 20), match.start()):
            continue  # "extending the recovery that began in July": where a run started
        # "June’s average operating rate ... rose to 59.06%": the month's own figure (not
        # "will extend July's declines in August")
        possessive = _MONTHS_FIGURE.match(text, match.end()) is not None
        if not lead and not year_text and not possessive:
            continue  # ("may" alone is the verb)
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


_WEEK_ENDED = re.compile(
    r"\bweek\s+(?:ended|ending|to|through)\s+(?:on\s+)?(?P<month>"
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\.?\s+(?P<day>\d{1,2})\b"
)
_LAST_WEEK = re.compile(r"\b(?:last|previous|past)\s+week\b")
_NEXT_WEEK = re.compile(r"\b(?:next|coming|following)\s+week\b")
_THIS_WEEK = re.compile(
    r"\b(?:this|the\s+current|the)\s+week\b(?!\s+(?:ended|ending|to)\b)|\bweekly\b|\bw-?o-?w\b"
)
# "from last week", "than the previous week": a comparison, not the period.
_COMPARED_WITH = re.compile(
    r"\b(?:from|than|compared\s+(?:with|to)|against|over|versus|vs\.?)\s+(?:the\s+|a\s+)?"
    r"(?:last|previous|prior|past)\s+(?:week|month|year)\b"
    # "climbed 3.47% from the week ended April 26 to stand at 51.31% in the week through May 10"
    r"|\b(?:from|than|compared\s+(?:with|to)|against|over|versus)\s+(?:the\s+)?week\s+"
    r"(?:ended|ending|to|through)\s+[a-z]+\.?\s+\d{1,2}\b"
)
_LAST_MONTH = re.compile(r"\blast\s+month\b")
# ("the average premium for cargoes invoiced this month": when the invoice is dated, not the
# figure's period)
_THIS_MONTH = re.compile(
    r"(?<!invoiced )(?<!dated )\bthis\s+month\b"
    # "the monthly price of SMM 1# lead ingots only declined 28 yuan/mt ... this Thursday": the
    # running average of the month the report is in
    r"|\bthe\s+monthly\s+(?:average\s+)?price\s+of\b"
)


def _without_comparisons(folded: str) -> str:
    """The text with "from last week"-style comparisons blanked out (they are not the period)."""
    if any(map(folded.__contains__, ("last", "previous", "prior", "past", "week end"))):
        return _COMPARED_WITH.sub(" ", folded)
    return folded


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def week_period(text: str, published: date | None, *, weekly: bool) -> str | None:
    """The ISO week of a weekly statement, or None when the text is not about a week.

    "week ended Nov 21" names its week; "last week" is the week before publication; "this week",
    "weekly" and a WoW change mean the week of publication.
    """
    if published is None:
        return None
    text = _without_comparisons(fold(text))
    # Substring tests first: most sentences never say "week", and the patterns cost more.
    if "week" in text:
        ended = _WEEK_ENDED.search(text)
        if ended is not None:
            month = _MONTHS[ended.group("month")]
            year = published.year if month <= published.month else published.year - 1
            try:
                return _iso_week(date(year, month, int(ended.group("day"))))
            except ValueError:
                return None
        if ("last" in text or "previous" in text or "past" in text) and _LAST_WEEK.search(text):
            return _iso_week(published - timedelta(days=7))
        if ("next" in text or "coming" in text or "following" in text) and _NEXT_WEEK.search(text):
            return _iso_week(published + timedelta(days=7))
    if weekly or (("week" in text or "wo" in text or "w-o" in text) and _THIS_WEEK.search(text)):
        return _iso_week(published)
    return None


def relative_month(text: str, published: date | None) -> str | None:
    """ "this month" / "last month", resolved against publication."""
    if published is None:
        return None
    text = _without_comparisons(fold(text))
    if "month" not in text:
        return None
    if _LAST_MONTH.search(text):
        first = published.replace(day=1) - timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}"
    if _THIS_MONTH.search(text):
        return f"{published.year:04d}-{published.month:02d}"
    return None


# Every month name and abbreviation, longest first, for patterns (also the reading pass's)
MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
# the twelve names written out ("january|...|december"), for patterns that take no abbreviation
FULL_MONTH_NAMES = "|".join(names[0] for names in _NAMES_BY_MONTH)
_DOTTED_RANGE = re.compile(
    r"(?:\(|week\s+of\s+|weekly\s*\()\s*(?:from\s+)?(?P<m1>\d{1,2})\.(?P<d1>\d{1,2})\s*"
    r"(?:-|–|~|to)\s*(?P<m2>\d{1,2})\.(?P<d2>\d{1,2})(?!\d)"
)
_NAMED_RANGE = re.compile(
    # ("the weekly rate ... was 38.19% for August 31 to September 6")
    rf"(?:\(|week\s+of\s+|from\s+|during\s+|between\s+|for\s+)\s*(?:from\s+)?(?P<m1>{MONTH_NAMES})\.?\s+(?P<d1>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?\s*(?:-|–|~|to)\s*(?:(?P<m2>{MONTH_NAMES})\.?\s+)?(?P<d2>\d{{1,2}})"
    r"(?:st|nd|rd|th)?(?!\d)"
)
_AS_OF = re.compile(
    rf"\bas\s+of\s+(?:(?P<this>this\s+(?:monday|tuesday|wednesday|thursday|friday))"
    rf"|(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"
    rf"(?P<m>{MONTH_NAMES})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?)"
)


_NTH_WEEK = re.compile(
    rf"\b(?P<nth>first|second|third|fourth|fifth|last|final)\s+week\s+of\s+(?P<m>{MONTH_NAMES})\b"
)
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}


def _nth_week(nth: str, month: int, published: date) -> str | None:
    """ "the first week of September": the ISO weeks whose Thursday falls in the month, counted
    from its start (or its end, for "the last week")."""
    first = _dated(month, 1, published)
    if first is None:
        return None
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    thursdays = [
        thursday + timedelta(weeks=n)
        for n in range(6)
        if (thursday + timedelta(weeks=n)).month == month
    ]
    if nth in {"last", "final"}:
        return _iso_week(thursdays[-1])
    index = _NTH[nth] - 1
    return _iso_week(thursdays[index]) if index < len(thursdays) else None


def _dated(month: int, day: int, published: date) -> date | None:
    """A month and day without a year, as the one nearest before publication (or just after:
    a survey published on Wednesday December 31 for the week to Thursday January 1)."""
    for year in (published.year + 1, published.year, published.year - 1):
        try:
            when = date(year, month, day)
        except ValueError:
            continue  # February 29 in a year without it
        if when <= published + timedelta(days=10):
            return when
    return None


def stated_week(text: str, published: date | None) -> str | None:
    """The ISO week a survey's date range or cut-off names: "(3.14-3.20)", "(from July 11th to
    July 17th)", "week ended March 14", "as of March 27" -> the week of the last day."""
    if published is None:
        return None
    folded = _without_comparisons(fold(text))
    if not any(map(folded.__contains__, ("(", "week", "from", "as of"))):
        return None
    nth = _NTH_WEEK.search(folded) if "week of" in folded else None
    if nth is not None:
        return _nth_week(nth.group("nth"), _MONTHS[nth.group("m")], published)
    ended = _WEEK_ENDED.search(folded) if "week" in folded else None
    if ended is not None:
        day = _dated(_MONTHS[ended.group("month")], int(ended.group("day")), published)
        return _iso_week(day) if day else None
    dotted = _DOTTED_RANGE.search(folded)
    if dotted is not None:
        day = _dated(int(dotted.group("m2")), int(dotted.group("d2")), published)
        return _iso_week(day) if day else None
    named = _NAMED_RANGE.search(folded)
    if named is not None:
        month = _MONTHS[named.group("m2") or named.group("m1")]
        day = _dated(month, int(named.group("d2")), published)
        return _iso_week(day) if day else None
    as_of = _AS_OF.search(folded) if "as of" in folded else None
    if as_of is not None:
        if as_of.group("this"):
            return _iso_week(published)
        day = _dated(_MONTHS[as_of.group("m")], int(as_of.group("d")), published)
        return _iso_week(day) if day else None
    return None


def shift_week(week: str, weeks: int) -> str:
    year, number = int(week[:4]), int(week[6:])
    monday = date.fromisocalendar(year, number, 1) + timedelta(weeks=weeks)
    return _iso_week(monday)


def shift_month(month: str, months: int) -> str:
    year, number = int(month[:4]), int(month[5:7])
    index = year * 12 + number - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def publication_week(published: date) -> str:
    return _iso_week(published)


_FROM_A_DAY = re.compile(
    rf"^\W*(?:/\s*mt\s*)?(?:,?\s*(?:or|an?\s+(?:decrease|increase|decline|drop|rise|gain)\s+of)"
    rf"\s+(?:approximately\s+|about\s+)?[\d.]+\s*(?:%|per\s*cent)\s*)?"
    rf"(?:from|compared\s+(?:to|with)|against)\s+(?:that\s+of\s+)?"
    # "increased by RMB 10 per tonne from RMB 11470 per tonne on March 30": the day, after the
    # level it was at
    rf"(?:(?:rmb|us\$|\$)\s*[\d,.]+\s*(?:per\s+tonne|yuan/mt|/mt)?\s+on\s+)?"
    rf"(?P<m>{MONTH_NAMES})\.?\s+"
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
)


_DAY_THEN_MONTH = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{MONTH_NAMES})\b")
_ON_THE_DAY = re.compile(
    rf"^\W*(?:/\s*mt\s*)?on\s+(?:(?:monday|tuesday|wednesday|thursday|friday),?\s+)?"
    rf"(?P<m>{MONTH_NAMES})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
)


def on_the_day_published(trail: str, published: date | None) -> bool:
    """Whether a move is told "on Monday December 2" of the day the note was published: the
    day's move."""
    found = _ON_THE_DAY.match(trail)
    if found is None or published is None:
        return False
    return _dated(_MONTHS[found.group("m")], int(found.group("d")), published) == published


def days_back_to(trail: str, published: date | None) -> int | None:
    """How many days before publication the day a change is told "from" lies: "down 100
    yuan/mt from March 28" in a review of April 3 is six."""
    found = _FROM_A_DAY.match(trail)
    if found is None or published is None:
        return None
    when = _dated(_MONTHS[found.group("m")], int(found.group("d")), published)
    return None if when is None else (published - when).days


_ON_A_DAY = re.compile(
    rf"^\s*(?:/\s*mt|per\s+tonne)?\s*on\s+(?:(?:monday|tuesday|wednesday|thursday|friday|saturday"
    rf"|sunday),?\s+)?(?P<m>{MONTH_NAMES})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
)


def told_for_an_earlier_day(trail: str, told_before: str, published: date | None) -> bool:
    """Whether a level is told for a day before the one the text before it reports: "... to
    stand at USD 312 per tonne, as of July 9. The price was USD 314 per tonne on Monday, July 8"."""
    found = _ON_A_DAY.match(trail) if published is not None else None
    if found is None or published is None:
        return False
    when = _dated(_MONTHS[found.group("m")], int(found.group("d")), published)
    # (the days named either way: "July 9", "on Thursday, 20 February 2020")
    reported = [_dated(month, day, published) for month, day in days_named(told_before)]
    return when is not None and any(day is not None and day > when for day in reported)


def days_since_told_from(folded: str, trail: str, published: date | None) -> int | None:
    """Days between the day a level is given "as of" and the day its change is told "from":
    "As of October 7, LME copper closed at $7,462/mt, down $96/mt ... from $7,558/mt on September
    30" is seven."""
    as_of = _AS_OF.search(folded) if "as of" in folded else None
    found = _FROM_A_DAY.match(trail)
    if as_of is None or as_of.group("m") is None or found is None or published is None:
        return None
    level_day = _dated(_MONTHS[as_of.group("m")], int(as_of.group("d")), published)
    from_day = _dated(_MONTHS[found.group("m")], int(found.group("d")), published)
    if level_day is None or from_day is None:
        return None
    return (level_day - from_day).days


_A_DAY = re.compile(rf"\b(?P<m>{MONTH_NAMES})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)")


def names_a_day_a_month_back(folded: str, published: date | None) -> bool:
    """Whether a sentence dates its comparison about a month before publication ("If the
    aluminium price on October 20 is considered, ... a Month-on-Month surge" on November 20):
    then "month-on-month" is a month's move, even in a daily report."""
    if published is None:
        return False
    for found in _A_DAY.finditer(folded):
        when = _dated(_MONTHS[found.group("m")], int(found.group("d")), published)
        if when is not None and 26 <= (published - when).days <= 33:
            return True
    return False


def days_named(text: str) -> list[tuple[int, int]]:
    """The (month, day) pairs a text names ("August 28, 2025", "on 20 February"), in order."""
    folded = text.lower()
    found = [(m.start(), _MONTHS[m.group("m")], int(m.group("d"))) for m in _A_DAY.finditer(folded)]
    found += [
        (m.start(), _MONTHS[m.group("m")], int(m.group("d")))
        for m in _DAY_THEN_MONTH.finditer(folded)
    ]
    return [(month, day) for _, month, day in sorted(found)]
