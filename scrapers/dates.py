"""Publication dates as the sites print them, read as aware UTC datetimes.

SMM prints China time (UTC+8): "Published: Nov 11, 2025 19:07", older "iconJul 21, 2025 12:00",
www.metal.com "Mar 26, 2025, at 7:10 pm"; AL Circle prints "14 FEBRUARY 2024".
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")
_MONTHS = {
    name: index
    for index, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}
_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_MONTH_FIRST = re.compile(
    rf"{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>20\d\d),?\s*(?:at\s+)?"
    r"(?:(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*(?P<ampm>am|pm)?)?",
    re.I,
)
_DAY_FIRST = re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>20\d\d)\b", re.I)


def _build(match: re.Match[str], zone: ZoneInfo) -> datetime | None:
    groups = match.groupdict()
    hour = int(groups.get("hour") or 0)
    minute = int(groups.get("minute") or 0)
    ampm = (groups.get("ampm") or "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        local = datetime(
            int(groups["year"]),
            _MONTHS[groups["month"][:3].lower()],
            int(groups["day"]),
            hour,
            minute,
            tzinfo=zone,
        )
    except ValueError:
        return None
    return local.astimezone(UTC)


def smm_published(text: str) -> datetime | None:
    """The first SMM-style publication time in text (China time), in UTC."""
    match = _MONTH_FIRST.search(text)
    return _build(match, CHINA) if match else None


def alcircle_published(text: str) -> datetime | None:
    """An AL Circle printed date ("14 FEBRUARY 2024"), taken as midnight China time, in UTC."""
    match = _DAY_FIRST.search(text)
    return _build(match, CHINA) if match else None
