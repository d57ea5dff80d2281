"""The words that carry meaning around numbers, one list per concept.

Each concept is a ``Concept``: one tuple of lower-case phrases that makes both its pattern (a
word-bounded alternation, longest first, tolerant of the spacing and hyphens the sites use) and
its cheap pre-filter (``mentioned``: a substring test on the folded text, run before the
pattern). A new spelling is one entry in one list; nothing else has to be kept in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property


def _phrase(text: str) -> str:
    """A phrase as a pattern: words joined by any run of spaces or hyphens."""
    words = re.split(r"[\s-]+", text)
    return r"[\s-]*".join(re.escape(word) for word in words if word)


@dataclass(frozen=True)
class Concept:
    """A list of phrases that mean one thing."""

    name: str
    phrases: tuple[str, ...]
    # Phrases whose first letters are not enough to pre-filter on (very short words) still
    # count; the filter uses each phrase's longest word.
    _keys: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        keys = {max(re.split(r"[\s-]+", phrase), key=len) for phrase in self.phrases}
        object.__setattr__(self, "_keys", tuple(sorted(keys)))

    def mentioned(self, folded: str) -> bool:
        """Whether any phrase could be in the folded text (no false negatives)."""
        return any(map(folded.__contains__, self._keys))

    @cached_property
    def alternation(self) -> str:
        ordered = sorted(self.phrases, key=len, reverse=True)
        return "(?:" + "|".join(_phrase(phrase) for phrase in ordered) + ")"

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w-]){self.alternation}(?![\w-])")

    def search(self, folded: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        if not self.mentioned(folded):
            return None
        return self.pattern.search(folded, start, len(folded) if end is None else end)

    def finditer(self, folded: str) -> list[re.Match[str]]:
        if not self.mentioned(folded):
            return []
        return list(self.pattern.finditer(folded))

    def ends(self, folded: str) -> bool:
        """Whether the folded text ends with one of the phrases (trailing spaces aside)."""
        text = folded.rstrip()
        if not self.mentioned(text[-40:]):
            return False
        return re.search(rf"(?<![\w-]){self.alternation}$", text) is not None


# -- which way a number moved ----------------------------------------------------------------------

UP = Concept(
    "up",
    (
        *(
            "rose rise rises rising risen increase increased increases increasing up gain gained"
            " gains climb climbed climbs climbing rebound rebounded rebounds rebounding recovered"
            " recovers grew grow higher jump jumped jumps surge surged surges added adds expanded"
            " expand expands widened widen widens widening advanced advances soared rallied firmed"
            " strengthened raised hiked augmented ascended escalated boosted lifted gaining"
            " expanding buoyed growing spiked surging soaring jumping rallying firming advancing"
            " spiking"
        ).split(),
        # "with the most-traded SHFE copper contract fluctuating upward by 1,500 yuan/mt"
        "upward",
        # AL Circle's words for a rise: "has inflated by", "has levitated by", "elevated by"
        "inflated",
        "levitated",
        "elevated",
        "heightened",
        "skyrocketed",
        "leap",
        "leapt",
        "leaped",
        "hike",
        # "the 2407 main contract enjoyed a 3.00% uplift"
        "uplift",
        "surge",
        "built up",
        "grown",
        "edged up",
        "picked up",
        "ticked up",
        "inched up",
        "moved up",
        "went up",
        "shot up",
        "crept up",
        "edged higher",
        # SMM's wraps: "zinc won 0.65%", "won 0.84% to settle at 71,730 yuan/mt"
        "won",
        # AL Circle's "Wuxi and Hangzhou have seen the highest growth today of RMB 110 per tonne"
        "growth",
    ),
)
DOWN = Concept(
    "down",
    (
        *(
            "fell fall falls falling fallen decrease decreased decreases decreasing down decline"
            " declined declines declining dropped drop drops dropping dipped dip dips slipped"
            " slips slid slide slides lower lost loses retreated retreats retreat contracted"
            " negated depleted downfall"
            " narrowed narrow narrows narrowing eased eases shrank shrinks plunged plummeted"
            " slumped tumbled weakened softened reduction descended dived sank slumps cut reduced"
            " lowered lowering lowers losing plunging plummeting slumping tumbling sinking"
            " diving weakening softening shrinking contracting retreating easing dipping slipping"
            " sliding receded recedes receding dwindled dwindles dwindling downward"
            # a gap "compressed by 60 yuan/mt to 1,912 yuan/mt during the week"
            " compressed compresses compressing"
            # the site's typo: "before closing dwn 0.12% at 67920 yuan/mt"
            " dwn"
        ).split(),
        "downsized",
        "shed",
        # AL Circle's "the SMM A00 aluminium ingot price discarding RMB 50 per tonne to close at"
        "discarding",
        "discarded",
        # ... and "that on a monthly basis has nosedived by RMB 1,450 per tonne"
        "nosedived",
        "nosediving",
        "let go",
        "dived",
        "plunge",
        "pulled back",
        "edged down",
        "ticked down",
        "inched down",
        "moved down",
        "went down",
        "edged lower",
        "pulled down",
    ),
)
FLAT = Concept(
    "flat",
    (
        "flat",
        "unchanged",
        "stable",
        "steady",
        "stabilized",
        "stabilised",
        "stabilizing",
        "held steady",
        "holding steady",
        "hold steady",
        "remained stable",
        "the same",
        "basically unchanged",
        "largely unchanged",
        "no change",
        "no significant change",
        "no significant changes",
        "showed no change",
        "shown no change",
        "on par",
        "parity",
        # "only the primary aluminium alloy sector maintained its previous operating rate"
        "maintained its previous",
        "maintained the previous",
        # "Smelters with capacity more than 150kt/yr maintained previous operating rates"
        "maintained previous",
        "kept its previous",
        # "Jiangsu and Anhui held where they were a week earlier, at 74.7% and 36%"
        "held where they were",
        "held where it was",
        "stayed where they were",
        "stayed where it was",
    ),
)
# Verbs that keep a level where it was: "remained at 73%", "maintained 68.0%".
STAYED = Concept(
    "stayed",
    (
        "remained at",
        "remain at",
        "remains at",
        "held at",
        "holding at",
        "stayed at",
        "stays at",
        "maintained",
        "maintained at",
        "kept at",
        "stabilized at",
        "stabilised at",
        "steady at",
        "stable at",
        "flat at",
        "unchanged at",
        "held steady at",
        "holding steady at",
        "remained flat at",
        "remained unchanged at",
        "remained the same at",
        "stayed the same at",
    ),
)

# -- what a change is compared with ----------------------------------------------------------------

MOM = Concept(
    "mom",
    (
        "mom",
        "m-o-m",
        "month-on-month",
        "month on month",
        "month-over-month",
        "from the previous month",
        # "the SMM A00 price on June 30 rose by 490 yuan/mt from the previous month-end"
        "from the previous month-end",
        "from the end of last month",
        "from the end of the previous month",
        "from last month",
        "over the previous month",
        "compared to the previous month",
        "compared with the previous month",
        "compared with last month",
        "than last month",
        "than the previous month",
        "on the month",
        # Mysteel's "rose by 2.8 per cent on month"
        "on month",
        "on a monthly basis",
        "on monthly basis",
        "a month earlier",
        "from a month earlier",
        "from a month ago",
        "than a month ago",
        "than a month earlier",
        "month over month",
        # "lithium carbonate, which fell by about 6,000 yuan/mt during the month" (as "during
        # the week" is the week's)
        "during the month",
    ),
)
YOY = Concept(
    "yoy",
    (
        "yoy",
        "y-o-y",
        "year-on-year",
        "year on year",
        "year-over-year",
        "from the same period last year",
        "over the same period last year",
        "compared with the same period last year",
        "compared to the same period last year",
        "from a year earlier",
        "from a year ago",
        # "down 1.33% from May and 1.65% from last year", "ran about 8% above a year earlier"
        "from last year",
        "above a year earlier",
        "below a year earlier",
        "than a year earlier",
        "than last year",
        "than a year ago",
        "on the year",
        "on year",  # Mysteel's "jumped 17.7 per cent on year"
        "from the same month last year",
        "on a yearly basis",
        "on yearly basis",  # "up 68.2% on yearly basis, 13.93% on monthly basis"
        "year over year",
        "during the same period last year",
        # "74.46%, which will be 3.96 percentage points higher than the same period last year"
        "than the same period last year",
        "than the same month last year",
        # "The rate stood 4.6 percentage points higher than the corresponding period last year"
        "than the corresponding period last year",
        "from the corresponding period last year",
        # "up 7.1% compared with last year's holiday": the same weeks a year before
        "compared with last year's",
        "compared to last year's",
    ),
)
WOW = Concept(
    "wow",
    (
        "wow",
        "w-o-w",
        "week-on-week",
        "week on week",
        "week-over-week",
        "from last week",
        "from the previous week",
        "from the prior week",
        "over the previous week",
        "compared with last week",
        "compared to last week",
        "compared with the previous week",
        "compared to the previous week",
        "than last week",
        # a translation's "about 182 yuan / ton lower than that of last week"
        "than that of last week",
        # "2% lower than the week before"
        "than the week before",
        "than a week earlier",
        "than the previous week",
        "on the week",
        "on week",  # Mysteel's "dropped by RMB 212 per tonne on week"
        "during the week",
        "for the week",
        "this past week",
        "over the week",
        "from a week earlier",
        "from a week ago",
        "compared to last thursday",
        "compared with last thursday",
        "from last thursday",
        "from thursday last week",
        "from friday last week",
        "on a weekly basis",
        "compared with thursday last week",
        "from the same day last week",
        "from the previous period",
        # "with an average decline of 10 yuan/mt compared to the previous period" (a weekly's)
        "compared to the previous period",
        "compared with the previous period",
        "as the previous period",
        "that of the previous period",
        "week over week",
        # "unchanged at 480,000-490,000 yuan/mt as of Friday May 18, compared to a week ago";
        # "flat with a week ago"; "compared to the Friday before"
        "compared to a week ago",
        "compared with a week ago",
        "with a week ago",
        "than a week ago",
        "compared to the friday before",
        "compared with the friday before",
        # AL Circle's "a decline of 1.5 per cent value in just a week's span"
        "in a week's span",
        "in just a week's span",
    ),
)
_PREVIOUS_DAY = tuple(
    f"{lead} the {previous} {day}"
    # "flat with the previous trading day", "on par with the previous session"
    for lead in (
        "from",
        "compared to",
        "compared with",
        "with",
        "over",
        "than",
        "versus",
        "against",
    )
    # (AL Circle's "from the prior day", "from the previous trading session")
    for previous in ("previous", "prior")
    for day in (
        "trading day",
        "working day",
        "day",
        "session",
        "trading session",
        "close",
        "business day",
        "settlement",
        "settlement price",
    )
)
_YESTERDAY = tuple(
    f"{lead} yesterday" for lead in ("compared to", "compared with", "over", "than", "versus")
)
DOD = Concept(
    "dod",
    (
        *_PREVIOUS_DAY,
        *_YESTERDAY,
        "dod",
        "d-o-d",
        "day-on-day",
        "from the previous trading day",
        "from the previous working day",
        "from the previous day",
        "from previous day",
        "from previous trading day",
        "compared to the previous trading day",
        "compared with the previous trading day",
        "over the previous trading day",
        "than the previous trading day",
        "from the previous close",
        "from the previous session",
        "from the prior session",
        "from the previous trading day's settlement price",
        # a translation's "down 1290 yuan / ton ... compared with the settlement price of the
        # previous trading day"
        "compared with the settlement price of the previous trading day",
        "from the previous trading day's close",
        "on the day",
        "on day",  # Mysteel's "declined by RMB 10 per tonne on day"
        "for the day",
        "in a single day",
        "single-day",  # "with a single-day gain of 1.48 per cent"
        "a day",  # "rising another 10,000 yuan a day"
        "from yesterday",
        "to yesterday's price",  # AL Circle's "without any further change to yesterday's price"
        # AL Circle's Monday reports: "showing no changes from the previous week's closing
        # session", the last session before the report's
        "from the previous week's closing session",
        "from the previous week's closing price",
        # ... and "has remained stagnant on its previous weekend's position"
        "on its previous weekend's position",
    ),
)
BASES = (MOM, YOY, WOW, DOD)

# -- units -----------------------------------------------------------------------------------------

PERCENT = r"(?:\s*%|\s*per\s*cent(?![a-z])|\s*percent(?![a-z])(?!age))"
POINTS = (
    # "a sharp 28-percentage-point drop": the compound adjective too
    r"(?:\s*|-)(?:percentage[\s-]+points?|percent(?:age)?[\s-]+pts?\.?|ppts?|pps?(?![a-z])|pct[\s-]+pts?"
    r"|percentage[\s-]+pt|percent[\s-]+points?)(?![a-z])"
)
# Ore is sold by the wet or dry tonne ("$43.5-45/wmt", "USD 26-28/wet ton"): still a tonne.
TONNE = r"(?:(?:(?:wet|dry)\s+)?(?:metric\s+)?(?:tonnes?|tons?|mt|t)|[wd]mt)(?![a-z])"

# -- looking forward, and looking back at a forecast -----------------------------------------------

FORECAST = Concept(
    "forecast",
    (
        "expected to",
        "is expected",
        "are expected",
        "expects",
        "expecting",  # "50% are bearish ..., expecting LME zinc prices to fall to USD 1,700/mt"
        "expect",
        "forecast",
        "forecasts",
        "forecasted",
        "projected",
        # "SMM projects that ...", not "new projects were delayed"
        "smm projects",
        "projects that",
        "predicts",
        "predicted to",
        "anticipated to",
        # a morning review's "Shanghai spot copper premiums are estimated between RMB 0-110/mt
        # versus SHFE 1303" / "are anticipated between RMB 0-100/mt"
        # "..., with spot discounts expected at RMB 0-50/mt and premiums between RMB 0-50/mt"
        "discounts expected at",
        "premiums expected at",
        "are estimated between",
        "is estimated between",
        "are anticipated between",
        "is anticipated between",
        # a morning meeting's "The suggested core trading range for SHFE aluminum is
        # 23,400–24,000": where the analyst advises trading today, not where it traded
        "suggested core trading range",
        # a translation's "with an expected operating range of $1450 / ton today"
        "expected operating range",
        # "Its trading range is set at 20,100-20,550 yuan/mt today"
        "trading range is set at",
        "suggested trading range",
        "is suggested at",  # "The core trading range for LME aluminum is suggested at 3,120-3,160"
        "was suggested at",  # ... and, in the minutes of a meeting past, "was suggested at"
        "anticipates",
        "estimated to",
        # "SMM therefore estimates that the operating rates to rise by 10%": the infinitive
        # looks forward (an estimate "that the rate was" does not)
        "estimates that the operating rate to",
        "estimates that the operating rates to",
        "likely to",
        "is likely",
        "are likely",
        "may",
        "might",
        "potentially",  # "with prices potentially dipping to 15,000-15,500 yuan/mt"
        "possibly",  # a reprint of the same: "with prices possibly dropping to RMB 15,000-15,500"
        "could",
        "will",
        "would",
        "should",
        "set to",
        "on track to",
        # "SHFE zinc is to trade at 25,850-26,300 yuan/mt on weak fundamentals"
        "is to trade",
        "are to trade",  # "SHFE copper ... is on track to move up to 35,500-37,000 yuan per tonne"
        "poised to",
        "outlook",
        "next week",
        "next month",
        "the coming week",
        "the coming month",
        "the following week",
        "plans to",
        "is seen",
        "are seen",
        "we see",
        "looking ahead",
        # "SMM now puts construction extrusion plants' operating rate up to 59% in September"
        "smm puts",
        "smm now puts",
    ),
)
# "lower than the expected value", "in line with expectations": a result measured against a
# forecast, which is neither a forecast nor a figure of its own.
EXPECTATION = Concept(
    "expectation",
    (
        "than expected",
        "than the expected value",
        "than the expected",
        "than expectations",
        "than the forecast",
        "the expected value",
        "below the expected value",
        "above the expected value",
        "below expectations",
        "above expectations",
        "in line with expectations",
        "than last week's expectations",
        "than market expectations",
        "than previously expected",
        "as expected",
        "beat expectations",
        "missed expectations",
        "short of expectations",
        "more than expected",
        "less than expected",
    ),
)

# -- nouns that make a number about something else -------------------------------------------------

FOREIGN = Concept(
    "foreign",
    (
        "output",
        "production",
        "produced",
        "sales",
        "sold",
        "export",
        "exports",
        "import volume",
        "imports",
        "imported volume",
        "inventory",
        "inventories",
        "stocks",
        "stockpile",
        "proportion",
        "share",
        "profit",
        "profits",
        "margin",
        "margins",
        "gross profit",
        "orders",
        "consumption",
        "demand",
        "shipments",
        "shipment",
        "deliveries",
        "arrivals",
        "purchases",
        "procurement",
        "capacity",
        "volume",
        "volumes",
        "open interest",
        "trading volume",
        "warrants",
        "registered",
        "freight",
        "exchange rate",
        "processing fee",
        "gold prices",
        "silver prices",
        "crude oil",
        # "WTI crude oil prices jumped 3% to close at USD 60.72/bbl": oil's market, not a metal's
        "wti",
        "brent",
        "oil prices",
        "dollar index",
        "processing fees",
        "fees",
        "fee",
        "cost",
        "costs",
        # "ore cost of $2,944, sulphur cost of $5,568, and a cobalt value offsetting $4,684": a
        # by-product's credit against a cost
        "value offsetting",
        "cobalt credit",
        # "The steel mills suffered losses of about 300 yuan/mt": a margin below zero
        "suffered losses",
        # "Losses at die-casting companies purchasing spot cargoes expanded to around 2,000
        # yuan/mt": the buyers' margin, not a price
        "losses at",
        # "Anode makers still lose money over a one-month cycle, but about 103 yuan/mt less than
        # a month ago": the makers' margin
        "lose money",
        "losing money",
        "treatment charge",
        "treatment charges",
        "refining charges",
        "tc",
        "rc",
        "tc/rcs",
        "tcs",
        "rcs",
        "tc/rc",
        "sentiment index",
        "sentiment factor",
        "units",
        "gdp",
        "pmi",
        "cpi",
        "yield",
        "tax rebate",
        "tariff",
        "tariffs",
        "royalty",
        "royalties",
        # Indonesia's government benchmarks for nickel (HMA) and its ore (HPM): formulas worked
        # out from LME averages, what royalties are charged on, not traded prices
        "hma",
        "hpm",
        "utilization of capacity",
        "household",
        "loss ratio",
        "operating income",
        "revenue",
        "earns",
        # "completed floor space fell 8.48% in 2018": a driver of demand, not a rate
        "floor space",
        "sales area",
        # "scrap recycling has run at only 70% of its annual average"
        "recycling",
        "earned",
        "earnings",
        "net profit",
        "population",
        "investment",
    ),
)

# -- exchanges and market words --------------------------------------------------------------------

FUTURES = Concept(
    "futures",
    (
        "futures",
        "contract",
        "most-traded",
        "most traded",
        "front-month",
        "main contract",
        "benchmark contract",
        "shfe",
        "sfe",
    ),
)
CLOSE = Concept(
    "close",
    (
        "closed at",
        "closing at",
        "close at",
        "closed",
        "closing",
        "settled at",
        "settling at",
        # "won 0.84% to settle at 71,730 yuan/mt last night"
        "to settle at",
        "finished at",
        # "to finish up RMB 180/mt at RMB 13,380/mt"
        "to finish up",
        "to finish down",
        # "before it slipped to finish 0.04% lower on the day at 48,860 yuan/mt"
        "to finish",
        "finished up",
        "finished down",
        "finished the session at",
        "finished the night session at",
        # "... dipped to a low of RMB 39,300/mt before finishing at RMB 39,350/mt"
        "finishing at",
        # "The SHFE 1411 lead contract finished the night session down RMB 80/mt at RMB 13,655/mt"
        "finished the night session down",
        "finished the night session up",
        "finished the day session at",
        # "finished the day 0.89% weaker at 14,525 yuan/mt", "to finish the day 0.25% weaker at"
        "finished the day",
        "finish the day",
        "finished the trading day",
        "ended at",
        "settlement price",
        "official settlement price",
        "closed down",
        "closed up",
        "settled down",
        "settled up",
        "settling down",
        "settling up",
        "to close at",
        "ending at",
        "to end at",
        "to end",
        "to close",
        "ending",
        "end at",
        "ended",
        "closes at",
        "eventually closing at",
        "finally closed at",
    ),
)
INTRADAY = Concept(
    "intraday",
    (
        "opened at",
        "opening at",
        "open at",
        "opened",
        "a high of",
        "a low of",
        "high of",
        "low of",
        "hitting a high",
        "touching",
        "touched",
        "fluctuated between",
        "fluctuating between",
        "traded between",
        "trading between",
        "trading around",
        "traded around",
        "trading near",
        "traded near",
        "consolidated near",
        "consolidated around",
        "consolidating near",
        "consolidating around",
        "a peak of",
        # "hitting a peak above 9,500 yuan/mt", "rose to a maximum of 8,500 yuan/mt and a
        # minimum of 8,045 yuan/mt during the week"
        "a peak above",
        "a maximum of",
        "a minimum of",
        "peaking at",
        "peaked at",
        # "finally ended at USD 2,206.3/mt, up USD 8.5/mt after peaking USD 2,218/mt"
        "after peaking",
        # "then it swung around 22,715 yuan/mt with a low of ...": where the session hovered
        "swung around",
        "swinging around",
        "fluctuated around",
        "fluctuating around",
        "intraday high",
        "intraday low",
        "intraday range",
        "intraday trading range",
        "trading range of",
        "swinging between",
        "ranging from",
        "reaching a high",
        "new high",
        "new low",
        "fresh high",
        "fresh low",
        "a new high",
        "with a high",
        "with a low",
        "low-end",
        "high-end",
        "its high",
        "its low",
        "bid price",
        "offer price",
        "asian reference price",
        "opening stock",
    ),
)


def any_mentioned(folded: str, *concepts: Concept) -> bool:
    return any(concept.mentioned(folded) for concept in concepts)


# -- raw materials a survey splits its producers by ("copper anode producers using scrap") --------

FEEDS = ("ore", "scrap", "concentrate", "concentrates")
