"""Figures being assembled while a sentence is read, and the record of why each number was or was
not used (what ``metalert parse --explain`` prints)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from scrapers.extract.text import Sentence
from scrapers.models import Bound, ChangeBasis, Figure, Metric, PriceChange

if TYPE_CHECKING:
    from scrapers.extract.quantities import Quantity


@dataclass
class Draft:
    """One figure in the making: the level and changes read for one series in one sentence."""

    metric: Metric
    subject: str
    unit: str
    sentence: Sentence
    region: str = "China"
    period: str | None = None
    forecast: bool = False
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    changes: dict[ChangeBasis, Decimal] = field(default_factory=dict)
    change: PriceChange | None = None
    bound: Bound | None = None
    unit_inferred: bool = False
    # the other places quoted in the same words ("In Guizhou and Guanxi, the average price was
    # RMB 5,350 (+75) per tonne, in a wider range of ..."): they share what is told after the level
    twins: list[Draft] = field(default_factory=list, repr=False, compare=False)

    def share_with_twins(self) -> None:
        """Give the places quoted alike the move and range read after their shared level."""
        for twin in self.twins:
            if twin.value is None:
                twin.value = self.value
            if twin.change is None:
                twin.change = self.change
            if not twin.changes:
                twin.changes = dict(self.changes)
            if twin.low is None and twin.high is None:
                twin.low, twin.high = self.low, self.high

    @property
    def series(self) -> tuple[object, ...]:
        return (self.metric, self.subject, self.region, self.unit)

    @property
    def empty(self) -> bool:
        return self.value is None and self.low is None and not self.changes and self.change is None

    def figure(self) -> Figure:
        return Figure(
            metric=self.metric,
            subject=self.subject,
            value=self.value,
            unit=self.unit,
            evidence=self.sentence.text,
            span=(self.sentence.start, self.sentence.end),
            region=self.region,
            period=self.period,
            low=self.low,
            high=self.high,
            changes=self.changes,
            change=self.change,
            bound=self.bound,
            forecast=self.forecast,
            unit_inferred=self.unit_inferred,
        )


@dataclass(frozen=True, slots=True)
class Reading:
    """What one number in the text was read as, and whether it became (part of) a figure."""

    offset: int  # where the number is in the article body
    text: str  # the number as written, with its unit
    role: str  # level, change, range, bound, reference, expectation, intraday, other, ...
    owner: str  # the series it was given to, or "" when none
    emitted: bool
    why: str

    def line(self) -> str:
        mark = "+" if self.emitted else "-"
        owner = f" -> {self.owner}" if self.owner else ""
        return f"{mark} @{self.offset:<6} {self.text!r:<32} {self.role:<11}{owner}  ({self.why})"


@dataclass
class Notes:
    """The readings of a whole article, in order."""

    readings: list[Reading] = field(default_factory=list)

    def add(
        self,
        sentence: Sentence,
        start: int,
        end: int,
        role: str,
        *,
        owner: str = "",
        emitted: bool = False,
        why: str = "",
    ) -> None:
        reading = Reading(
            sentence.start + start, sentence.text[start:end], role, owner, emitted, why
        )
        if self.readings and self.readings[-1].offset >= reading.offset:
            # A number read again (a close named by "closed at this level") has one reading:
            # the last.
            self.readings = [kept for kept in self.readings if kept.offset != reading.offset]
        self.readings.append(reading)

    def add_all(
        self, sentence: Sentence, quantities: list[Quantity], role: str, *, why: str
    ) -> None:
        """The same reading for every amount of a clause (all deals, all one brand's, ...)."""
        for quantity in quantities:
            self.add(sentence, quantity.start, quantity.end, role, why=why)
