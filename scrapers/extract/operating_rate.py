"""Operating rates: an industry's level in % and its stated changes in percentage points.

A sentence is read in segments, one per industry it names, so that "extrusion rose 1.2 pp to
52.1%, while foil fell 0.5 pp to 70.3%" gives two figures. Inside a segment every number with a
unit is classified: a level ("to 46.3per cent"), a change in pp ("rose 2.3 percentage points
M-o-M"), a change written "per cent" that can only mean pp (reported with ``unit_inferred``), or
something else (output growth, a share, a price), which is left alone.

Patterns run on the folded sentence (``Sentence.folded``); evidence comes from the sentence as
written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from scrapers.extract.context import Context
from scrapers.extract.cues import (
    BASIS,
    FOREIGN_QUANTITY,
    PERCENT,
    POINTS,
    basis_after,
    basis_before,
    clause_start,
    direction_of,
    is_forecast,
    stated_basis,
)
from scrapers.extract.periods import month_period, relative_month, week_ended, week_period
from scrapers.extract.text import NUMBER, EndPattern, Sentence, to_decimal
from scrapers.extract.vocabulary import OPERATING_RATE_VOCABULARY, SubjectMatch
from scrapers.models import ChangeBasis, Figure, Metric

CUES = ("operat", "utilis", "utiliz")  # lower-case words a sentence needs to be read here
_MENTION = re.compile(
    r"\boperating\s+rates?\b|\bcapacity\s+utili[sz]ation(?:\s+rates?)?\b|\butili[sz]ation\s+rates?\b"
)
# "the operating rate of the", "operating rates of domestic": the lead-in owned by the next subject.
_LEAD_IN = re.compile(
    r"(?:the\s+)?(?:overall\s+|average\s+|weekly\s+|monthly\s+)?(?:operating\s+rates?"
    r"|capacity\s+utili[sz]ation(?:\s+rates?)?)\s+(?:of|for|at|in|among|across)\s+"
    r"(?:the\s+)?(?:domestic\s+|china's\s+|chinese\s+|major\s+|sample\s+|large\s+|leading\s+)*$"
)
# The lookahead lets the pattern engine skip to digits and signs instead of trying every
# character (a third of the cost of this scan).
_QUANTITY = re.compile(
    rf"(?=[\d+\-−])(?P<sign>[+\-−](?=\d))?(?P<num>{NUMBER})(?:(?P<points>{POINTS})|(?P<percent>{PERCENT}))"
)
_LEVEL_LEAD = EndPattern(
    re.compile(
        r"(?:\b(?:to|at|of|was|were|is|are|reached|reaching|hit|hitting|stood\s+at|standing\s+at"
        r"|remained\s+at|held\s+at|around|about|approximately|roughly|near|nearly|some|registering"
        r"|recorded|reported|settling\s+at|settled\s+at|came\s+in\s+at)|:|=)\s*$"
    ),
    tuple("to at of was were is are ed ing hit around about ly near some : =".split()),
)
_CHANGE_NOUN_OF = EndPattern(
    re.compile(
        r"\b(?:increase|rise|gain|growth|jump|decrease|decline|drop|fall|dip|reduction|change)"
        r"\s+of\s*$"
    ),
    ("of",),
)
_FROM = EndPattern(re.compile(r"\bfrom\s*$"), ("from",))
_RESPECTIVELY = re.compile(r"\brespectively\b")
_WEEKLY_HINT = re.compile(r"\bweek|\bw-?o-?w\b")
_FOREIGN_WINDOW = 80  # characters before a number where another quantity's noun may stand
_FLAT = re.compile(r"\b(?:flat|unchanged|stable|steady)\b[\s,]*(?P<rest>.{0,40})")
_FROM_LAST_WEEK = re.compile(r"from\s+(?:the\s+)?(?:previous|last)\s+week")
# Biggest change in pp that reads as a change of a rate written in per cent ("up 2.8 per cent").
_MAX_INFERRED_POINTS = Decimal(15)


@dataclass
class _Reading:
    value: Decimal | None = None
    value_end: int = 0  # where the level's number ends, to find the month written after it
    changes: dict[ChangeBasis, Decimal] = field(default_factory=dict)
    unit_inferred: bool = False
    forecast: bool = False


def _anchor(text: str, subject: SubjectMatch) -> int:
    # The lead-in is short; searching only just before the subject keeps this linear.
    lead_in = _LEAD_IN.search(text, max(0, subject.start - 90), subject.start)
    if lead_in is not None and lead_in.end() == subject.start:
        return lead_in.start()
    return subject.start


def _segments(text: str, subjects: list[SubjectMatch]) -> list[tuple[SubjectMatch, int, int]]:
    if len(subjects) == 1:
        return [(subjects[0], 0, len(text))]  # one industry owns the whole sentence
    anchors = [(_anchor(text, subject), subject) for subject in subjects]
    anchors.sort(key=lambda pair: pair[0])
    segments = []
    for index, (start, subject) in enumerate(anchors):
        end = anchors[index + 1][0] if index + 1 < len(anchors) else len(text)
        # The first segment also owns what comes before it ("In October, the operating ...").
        segments.append((subject, 0 if index == 0 else start, end))
    return segments


def _direction(text: str, start: int, sign: str | None) -> int | None:
    if sign:
        return 1 if sign == "+" else -1
    return direction_of(text[max(start - 45, 0) : start])


def _basis(sentence: Sentence, start: int, position: int, after: str) -> ChangeBasis | None:
    """The basis of the change at ``position``: written after it, else earlier in its clause."""
    basis = basis_after(after)
    if basis is not None:
        return basis
    # Clause breaks are found only when needed: most changes name their basis after the number.
    head = max(clause_start(sentence.text, position), start, position - 30)
    return basis_before(sentence.folded[head:position])


def _read(sentence: Sentence, start: int, end: int, anchor: int) -> _Reading:
    """Classify every number with a unit between ``anchor`` (where the industry is named) and
    ``end``; numbers before the industry is named ("35% of plants said their operating rates")
    are about something else."""
    text = sentence.folded
    reading = _Reading()
    previous_end = max(start, anchor)
    for quantity in _QUANTITY.finditer(text, previous_end, end):
        begin = quantity.start()
        before = text[previous_end:begin]
        previous_end = quantity.end()
        if FOREIGN_QUANTITY.search(before[-_FOREIGN_WINDOW:]):
            # "…, while output rose 5.2% YoY": the number is about something else, and so is
            # the rest of this segment's clause.
            continue
        number = to_decimal(quantity.group("num"))
        after = text[quantity.end() : quantity.end() + 40]
        if quantity.group("points"):
            basis = _basis(sentence, start, begin, after)
            sign = _direction(text, begin, quantity.group("sign"))
            if basis is None or sign is None:
                continue  # a change whose basis or direction is not written is not guessed
            reading.changes.setdefault(basis, sign * number)
            reading.forecast = reading.forecast or is_forecast(sentence.text, begin)
            continue
        lead = text[max(begin - 40, start) : begin]
        if _CHANGE_NOUN_OF.search(lead) or basis_after(after) is not None:
            # "a Y-o-Y increase of 2.8 per cent" beside a rate: AL Circle's spelling of pp.
            basis = _basis(sentence, start, begin, after)
            sign = _direction(text, begin, quantity.group("sign"))
            if basis is None or sign is None or number > _MAX_INFERRED_POINTS:
                continue
            if basis not in reading.changes:
                reading.changes[basis] = sign * number
                reading.unit_inferred = True
            continue
        if _FROM.search(lead):
            continue  # "from 44.0%" is the previous level
        if reading.value is None and (_LEVEL_LEAD.search(lead) or _MENTION.search(lead)):
            reading.value = number
            reading.value_end = quantity.end()
            reading.forecast = reading.forecast or is_forecast(sentence.text, begin)
    # Flat changes: "remained flat MoM", "unchanged from last week".
    segment = text[start:end]
    if not (
        "flat" in segment or "unchanged" in segment or "stable" in segment or "steady" in segment
    ):
        return reading
    for flat in _FLAT.finditer(segment):
        rest = flat.group("rest")
        basis = stated_basis(rest, "")
        if basis is None and _FROM_LAST_WEEK.match(rest):
            basis = ChangeBasis.WOW
        if basis is not None:
            reading.changes.setdefault(basis, Decimal(0))
    return reading


_MONTH_AFTER_LEVEL = 25  # characters: "to 44.0 per cent in October"


def _period(segment: str, sentence: str, context: Context, reading: _Reading) -> str | None:
    published = context.published
    if week_ended(sentence):
        return week_period(sentence, published, weekly=True)
    after_level = sentence[reading.value_end : reading.value_end + _MONTH_AFTER_LEVEL]
    for text in (after_level if reading.value is not None else "", segment, sentence):
        month = month_period(text, published, forecast=reading.forecast)
        if month is not None:
            return month
    if ChangeBasis.WOW in reading.changes or _WEEKLY_HINT.search(segment):
        return week_period(sentence, published, weekly=True)
    return relative_month(sentence, published)


def _figure(subject: str, reading: _Reading, period: str | None, sentence: Sentence) -> Figure:
    return Figure(
        metric=Metric.OPERATING_RATE,
        subject=subject,
        value=reading.value,
        unit="%",
        changes=reading.changes,
        period=period,
        forecast=reading.forecast,
        unit_inferred=reading.unit_inferred,
        evidence=sentence.text,
        span=(sentence.start, sentence.end),
    )


def _respectively(
    sentence: Sentence, subjects: list[SubjectMatch], context: Context
) -> list[Figure] | None:
    """ "The operating rates of A and B were 52.1% and 70.3%, respectively." """
    text = sentence.folded
    levels = [
        q
        for q in _QUANTITY.finditer(text)
        if q.group("percent") and not BASIS.match(text[q.end() : q.end() + 12].lstrip(" ,"))
    ]
    if len(levels) != len(subjects):
        return None
    figures = []
    for subject, level in zip(subjects, levels, strict=True):
        reading = _Reading(
            value=to_decimal(level.group("num")),
            forecast=is_forecast(sentence.text, level.start()),
        )
        period = _period(text, text, context, reading)
        figures.append(_figure(subject.subject, reading, period, sentence))
    return figures


def extract(sentence: Sentence, context: Context) -> list[Figure]:
    text = sentence.folded
    if _MENTION.search(text) is None:
        return []
    subjects = _distinct(OPERATING_RATE_VOCABULARY.find(text))
    if not subjects:
        # "the industry operating rate", "the operating rate": the article's own industry.
        if context.rate_subject is None:
            return []
        subjects = [SubjectMatch(context.rate_subject, 0, 0)]
    if len(subjects) > 1 and _RESPECTIVELY.search(text):
        paired = _respectively(sentence, subjects, context)
        if paired is not None:
            return paired
    figures = []
    for subject, start, end in _segments(text, subjects):
        reading = _read(sentence, start, end, subject.end)
        if reading.value is None and not reading.changes:
            continue
        period = _period(text[start:end], text, context, reading)
        figures.append(_figure(subject.subject, reading, period, sentence))
    return figures


def _distinct(subjects: list[SubjectMatch]) -> list[SubjectMatch]:
    """One segment per industry: a name repeated later in the sentence does not split it."""
    seen: set[str] = set()
    kept = []
    for subject in subjects:
        if subject.subject not in seen:
            seen.add(subject.subject)
            kept.append(subject)
    return kept


def subject_hint(text: str) -> str | None:
    """The industry a title or sentence is about, if it names exactly one."""
    if not text:
        return None
    names = {match.subject for match in OPERATING_RATE_VOCABULARY.find(text)}
    return names.pop() if len(names) == 1 else None
