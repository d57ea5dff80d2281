"""What reading a price and reading a spread share: one draft per series, the basis, bound
and period a clause gives a number, and the flat words that hold it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrapers.extract import names
from scrapers.extract.document import Clause, Context
from scrapers.extract.drafts import Draft
from scrapers.extract.lexicon import DOD
from scrapers.extract.periods import (
    FULL_MONTH_NAMES,
    MONTH_NAMES,
    days_back_to,
    days_since_told_from,
    month_period,
    names_a_day_a_month_back,
    on_the_day_published,
    relative_month,
)
from scrapers.extract.quantities import Kind, Quantity
from scrapers.extract.reading import SEE_PRICES, VIEW_VERBS, basis_at, looks_forward, month_basis
from scrapers.extract.text import Sentence
from scrapers.models import Bound, ChangeBasis, Metric

_ABOVE = re.compile(
    r"(?:\b(?:broken?\s+(?:through|above)|break(?:s|ing)?\s+(?:through|above)|exceed(?:ed|s|ing)?"
    # "zinc prices will climb, possibly breaking RMB 18,000/mt during 2H"
    r"|break(?:s|ing)?|broke"
    r"|breach(?:es|ed|ing)?"
    r"|topp(?:ed|ing)|tops?|surpass(?:ed|es|ing)?|above|over|beyond|past|more\s+than"
    # "once copper passed 80,000 yuan/mt": a line crossed going up
    r"|pass(?:ed|es|ing)"
    r"|returned\s+above|rose\s+above|climbed\s+above|jumped\s+above|stood\s+above"
    r"|stand(?:s|ing)?\s+above|stay(?:s|ed|ing)?\s+above|climbing\s+(?:well\s+|significantly\s+)?above)"
    r"(?:\s+the)?(?:\s+(?:mark|level|threshold|high|high\s+level)\s+of)?)\s*$"
)

_BELOW = re.compile(
    r"(?:\b(?:f[ae]ll(?:s|ing)?\s+(?:to\s+)?(?:below|under)|dropp?(?:ed|s|ing)?\s+(?:below|under)"
    r"|dipp?(?:ed|s|ing)?\s+(?:below|under)|slipp?(?:ed|s|ing)?\s+(?:below|under)"
    r"|sank\s+below|below|under|less\s+than)(?:\s+the)?)\s*$"
)

_AVERAGE = re.compile(
    r"\b(?:(?:with\s+)?(?:an?\s+|the\s+)?average(?:\s+(?:market\s+)?(?:price|premium|discount|quote))?"
    r"(?:\s+quoted)?(?:\s+(?:of|at|was|stood\s+at))?|averag(?:ed|ing)(?:\s+at)?)\s*(?:a\s+)?"
    r"(?:premium\s+of\s*|discount\s+of\s*)?$"
)

_CHANGE_NOUN = re.compile(
    r"\b(?:increase|rise|gain|growth|jump|rebound|decrease|decline|drop|fall|dip|reduction"
    r"|change|hike|cut|loss|slump|plunge|surge|slide|leap|uptick|downtick|escalation|spike)\s+(?:of\s*|(?:of\s+)?(?:more\s+than|over|nearly|about|around)\s*"
    r"|exceed(?:s|ed|ing)\s*|topp(?:ed|ing)\s*)?$"
)

_MONTHS = FULL_MONTH_NAMES

_REFERENCE = re.compile(
    # (nor "with prices spanning from 110,000 to 115,100 yuan/ton": a range)
    r"(?<!ranged\s)(?<!ranging\s)(?<!range\s)(?<!ranges\s)(?<!spanning\s)(?<!spanned\s)"
    # ... "up 3.9% from multi-year lows of 37,000-40,000 yuan/mt"
    r"\b(?:from(?:\s+(?:a|the)\s+(?:high|low|peak)\s+of|\s+an?\s+average(?:\s+of)?"
    r"|\s+(?:(?:multi-year|record|recent|\w+-(?:year|month|week))\s+)?(?:highs?|lows?|peaks?)\s+of)?"
    r"(?:\s+(?:around|about|nearly))?"
    # "decreased by RMB 310 per tonne from its earlier price of RMB 13460 per tonne"
    r"|from\s+(?:its|the)\s+(?:earlier|previous|prior|last|recorded)\s+(?:price|level|close|rate)\s+of"
    # "a drop of RMB 130 per tonne or 0.99 per cent from Tuesday's price of RMB 13140"
    r"|from\s+(?:monday|tuesday|wednesday|thursday|friday|yesterday)'s\s+(?:price|level|close)\s+of"
    # "risen gradually during 2Q to RMB 13,000/mt, up from late April's level of RMB 11,800/mt"
    rf"|from\s+(?:(?:late|early|mid)[\s-]+)?(?:{_MONTHS})'s\s+(?:price|level|close|average)\s+of"
    # "after holding at RMB 2175 per tonne since May 15"
    # ("after remaining restrained at US$ 303 per tonne for the past two days")
    r"|after\s+(?:holding|remaining|staying|hovering)(?:\s+(?:flat|steady|stable|restrained"
    r"|unchanged))?\s+at"
    # "following a day of restraint at RMB 2,809 per tonne"
    r"|following\s+a\s+day\s+of\s+[a-z]+\s+at"
    # "..., compared with the closing price of 123080 yuan / ton on September 1"
    r"|compared\s+(?:with|to)\s+(?:the\s+)?(?:closing|settlement|average)\s+price\s+of"
    # "to stand at RMB 14690 per tonne, in contrast to 14550 per tonne on 20th of September"
    r"|in\s+contrast\s+to"
    # "only 3% away from the record high level of USD 10,190/mt set on February 15th"
    r"|\bthe\s+(?:record|all-time|historical)\s+(?:high|low)(?:\s+level)?\s+of"
    r"|compared\s+(?:with|to)|(?<!more\s)(?<!less\s)(?<!higher\s)(?<!lower\s)than|versus|vs\.?"
    # "compared to the RMB 300-500/mt premiums from a week earlier"
    r"|against)(?:\s+the)?\s*$"
)

_DROP_WORDS = re.compile(
    r"\b(?:smm|the|domestic|spot|average|mainstream|main|most-traded|most\s+traded|price|prices"
    r"|quote|quotes|quotation|quotations|index|ex-tax|tax|included|excluded|concentratedly"
    r"|market|circulating|regional|weighted|national|benchmark|current|today's|its|of|for)\b"
)

_PAREN = re.compile(r"\([^()]*\)")


# "in December", "in December 2025" (a year, read with the month), but not "in December 25"
_DEMAND_IN_A_MONTH = re.compile(
    rf"\b(?:demand|consumption|orders|buying)\s+to\s+(?:[a-z]+\s+){{1,3}}in\s+(?:{_MONTHS})\b"
    # ... "China's official manufacturing PMI hit its lowest since August 2012 at 49.4 in
    # January": the index's month
    rf"|\bpmi\b(?:[^.;]|\.\d){{0,60}}?\bin\s+(?:{_MONTHS})\b"
    # ... "the US unemployment rate fell from 8.1% for August to 7.8% for September": the
    # indicator's months
    rf"|\b(?:unemployment|jobless)\s+rate\b(?:[^.;,]|\.\d){{0,60}}?\b(?:in|for)\s+(?:{_MONTHS})\b"
    rf"(?:(?:[^.;,]|\.\d){{0,20}}?\b(?:in|for)\s+(?:{_MONTHS})\b)?"
    # ... "The US builders' housing index rose to a near five-year high in March": the index's
    rf"|\b(?:housing|confidence|sentiment|manufacturing|services|consumer)\s+(?:market\s+)?index\b"
    rf"(?:[^.;,]|\.\d){{0,60}}?\bin\s+(?:{_MONTHS})\b"
    # ... "Fed speakers fed talk of tapering in December, and LME lead ... closed at": the
    # central bank's meeting, not the price's month
    rf"|\b(?:taper(?:ing)?|rate\s+(?:cut|hike)s?|(?:fomc|fed)\s+meeting|policy\s+meeting)"
    rf"\s+(?:[a-z]+\s+){{0,2}}in\s+(?:{_MONTHS})\b"
    # ... "restarting smelters will do maintenance in June; ... allowing spot premiums to expand
    # to RMB 150/mt": the plants' month, not the premium's
    rf"|\b(?:maintenance|shutdowns?|restarts?|output|production)\s+(?:[a-z]+\s+){{0,2}}in\s+(?:{_MONTHS})\b"
    # ... "The most active SHFE aluminum contract for delivery in May is expected to ...": the
    # contract's month, not the quote's
    rf"|\bfor\s+delivery\s+in\s+(?:{_MONTHS})\b"
)
_IN_MONTH = re.compile(
    # (not "a high last seen in May 2009": when the market was last this high)
    rf"(?<!last\sseen\s)(?<!not\sseen\s)(?<!since\s)\b(?:in|during|for)\s+(?:the\s+month\s+of\s+)?({_MONTHS})\b(?:\s+\d{{4}}\b|(?!\s+\d))"
    # not a contract named by its delivery month ("the most active nickel contract ... for June
    # delivery")
    r"(?!\s+(?:delivery|contract|futures)\b)"
)


@dataclass(frozen=True, slots=True)
class _Owner:
    product: str
    region: str


# "the import loss once widened to 3,000 yuan/mt", "the import profit once widened beyond 500
# yuan/mt", "... once expanded to above 500 yuan/mt": how far it went, not where it stood
_ONCE = re.compile(
    r"\bonce\s+[a-z]+(?:\s+by|\s+to)?(?:\s+(?:nearly|about|over|some|above|beyond|past))?\s*$"
    # "The metal only hit USD 2,339/mt with the help of ...": as high as it got, not the close
    r"|\bonly\s+(?:hit|reached|touched)\s*(?:usd|rmb|us\$|\$)?\s*$"
)

_TODAYS_QUOTE = re.compile(
    r"\b(?:expected|estimated|likely)\s+to\s+(?:range|settle|be\s+traded|hover)\b"
    r"|\bmay\s+be\s+traded\b|\bto\s+be\s+traded\s+at\b"
    # (and its "The spot contract will likely trade at a discount price of RMB 50-10 per tonne":
    # the day's quote of the spot contract, a morning comment's spot names its metal)
    r"|\bspot\s+contracts?\s+(?:will|is|are)\s+(?:likely|expected)\s+(?:to\s+)?trade\s+at\b"
)

_LATER = re.compile(r"\b(?:tomorrow|next|coming|following|later|future|ahead|outlook)\b")

# "SHFE copper is expected to range at ...", "spot lead is likely to range between ...": a
# morning comment's forecast names what will trade (AL Circle's today's quote names "prices")
_EXCHANGE_SUBJECT = re.compile(
    r"\b(?:shfe|lme|comex)\b|\b\d{4}\s+contract\b|\bmost[- ]active\b"
    # (but AL Circle's "Spot aluminium price (contract) is likely to be traded at ..." is
    # today's quote)
    r"|\bspot\s+(?:copper|zinc|lead|nickel|tin|alumini?um)\b(?!\s+(?:prices?|contracts?)\b)"
    # "LME nickel settled 0.47% higher overnight ... It is expected to hover around $11,800/mt
    # today": the contract the comment is on
    r"|^\W*(?:it|the\s+contract)\s+(?:is|was)\s*$"
)

# "As the SHFE 1805 contract failed to stay firm above 24,000 yuan/mt", "After SHFE current-month
# aluminum price failed to stay at RMB 18,000/mt": a line a price did not hold, not where it is
FAILED_TO_HOLD = re.compile(
    r"\b(?:failed|fails|unable|struggled)\s+to\s+(?:stay|hold|remain|stand)(?:\s+(?:firm|steady))?"
    r"\s+(?:above|below|over|under|at)\s*(?:rmb|us\$|\$)?\s*$"
    # "prices lacked the push to break through the 127,000 yuan/mt price platform"
    r"|\b(?:lacked|lacking|lack|without)\s+(?:the\s+)?(?:push|momentum|strength|impetus|drive)\s+to\s+"
    r"(?:break|push|climb|rise|fall|drop)(?:\s+(?:through|above|below|past|over))?(?:\s+the)?\s*"
    r"(?:rmb|us\$|\$)?\s*$"
    # "SHFE aluminum for October delivery will not be able to break through RMB 14,400/mt until
    # more upward momentum is available": a line it will not pass
    # ... "may not be able to return to above the RMB 16,000/mt mark", "is not likely to break
    # through RMB 15,900/mt in the near term"
    r"|\b(?:will\s+not|won't|cannot|can't|not)\s+(?:be\s+able\s+to\s+|likely\s+to\s+)?"
    r"(?:break|push|climb|rise|fall|drop|return\s+to)\s+(?:through|above|below|past|over)(?:\s+the)?"
    r"\s*(?:rmb|us\$|\$)?\s*$"
    # "as they doubted SHFE three-month zinc prices will rise above RMB 15,000/mt": a line they
    # did not expect to be passed
    r"|\bdoubt(?:ed|s|ing)?\b[^.;]{0,60}?\b(?:will|would|could|can)\s+(?:break|push|climb|rise|fall"
    r"|drop)\s+(?:through|above|below|past|over)(?:\s+the)?\s*(?:rmb|us\$|\$)?\s*$"
)

_WHY = {
    "intraday": "an opening, high or low price: only a session's close is a figure",
    "reference": "a value compared with, not the figure",
    "expectation": "a miss against an expectation",
    "technical": "a support or resistance line a chart reader drew, not a price",
    "span": "the span a price moved in over the week, not a quote",
    "places": "the spread of several places' prices, from the cheapest to the dearest: not a price",
    "to date": "a month-to-date average of the daily quotes, not a quote",
    "round": 'a round level named ("back to the 20,000 level"), not a quote',
    "bid": "a bid or offer price",
    "deal": "a deal or one seller's offer, not the market's quote",
    "terms": "the price on other payment terms beside the cash price: a variant of the quote",
    "far": "a later contract's close or move after the one the report follows: a far contract",
    "other": (
        "a ceiling, an adjustment without a direction, or a quote relative to the market:"
        " not a price"
    ),
}


def _held(lead: str) -> bool:
    return (
        re.search(
            # "cerium oxide prices also continued to stabilize at 11,000-12,000 yuan/mt" (but
            # not "has stabilized at", where a move came first)
            r"\b(?:held|holding|hold|remained|stayed|stable|steady|unchanged|flat|restrained"
            r"|(?<=continued\sto\s)stabili[sz]e)"
            # ("The ADC12 price held firm at 21,350 yuan/mt, with enterprises showing weak
            # willingness to adjust prices")
            r"(?:\s+(?:basically|largely|mostly|broadly|generally))?"
            # ("A00 aluminium ingot price has remained muted at RMB 18,460 per tonne")
            r"(?:\s+(?:steady|stable|the\s+same|(?<=held\s)firm|(?<=remained\s)muted))?"
            # "cerium oxide prices also held steady this week at 11,000-12,000 yuan/mt"
            r"(?:\s+(?:this\s+week|today|during\s+the\s+week))?"
            # "alumina prices have been stable at the relatively low level at RMB 2,500/t"
            r"(?:\s+at\s+(?:the\s+|a\s+)?(?:relatively\s+)?(?:low|high|same)\s+level)?"
            # "... enterprises offer stable, concentrated at 13200-13300 yuan / ton"
            r"(?:,\s*concentrated)?"
            # "yttrium oxide prices remained stable this week within the range of"
            # "spot copper premiums held stable between RMB 150-220/mt"
            r"(?:\s+(?:at|in|(?<=stable\s)within|(?<=steady\s)within|(?<=week\s)within"
            r"|(?<=stable\s)between|(?<=steady\s)between"
            # "but spot premiums remained between RMB 220-260/mt"
            r"|(?<=remained\s)between|(?<=stayed\s)between))?"
            r"(?:\s+the\s+range\s+of)?"
            # "quotations remained at discounts of 300 yuan/mt"
            r"(?:(?<=\sat)\s+(?:an?\s+)?(?:premium|discount)s?\s+of)?"
            r"(?:\s+(?:around|about|approximately|roughly))?\s*$"
            r"|\bno\s+change(?:\s+[a-z]+){0,3}\s+(?:at|in)\s*$"
            # AL Circle's "has remained stagnant on its previous weekend's position, recording a
            # price of RMB 18,830 per tonne"
            r"|\b(?:remained|stayed)\s+stagnant\b[^.;]{0,60},\s*recording\s+a\s+price\s+of\s*$"
            # "Aluminum hydroxide prices have been relatively stable this week, with SMM
            # recording an average ex-factory price of 2,092 yuan/mt"
            r"|\b(?:stable|steady|flat|unchanged)(?:\s+this\s+week)?,\s*with\s+smm\s+recording\s+"
            r"an?\s+(?:[a-z-]+\s+){0,3}price\s+of\s*$"
            # AL Circle's "has refrained from any change, staying stoic at RMB 20,070 per tonne"
            r"|\brefrained\s+from\s+any\s+change\b[^.;]{0,30}\bat\s*$"
            # "the SMM ADC12 spot price maintained a theoretical premium of 345 yuan/mt"
            r"|\bmaintain(?:ed|s)?\s+an?\s+(?:[a-z]+\s+)?(?:premium|discount|spread)\s+of\s*$",
            lead.rstrip(),
        )
        is not None
    )


_A_RATE_HELD = re.compile(r"\b(?:operating|utili[sz]ation)\s+rates?\b[^,;]{0,60}$")


def _flat_basis(folded: str, context: Context) -> tuple[bool, ChangeBasis | None] | None:
    """ "flat WoW", "unchanged from the previous trading day": a change of 0, with its basis
    (SMM's "flat MoM" is the previous day's in a daily report, the previous week's in a weekly
    one, as for a move)."""
    match = re.search(
        # (not "a discount of 500 yuan/ton to flat": the end of a range at parity)
        r"\b(?:(?<!\bto\s)flat(?!\s+to\s)|unchanged|no\s+(?:recent\s+)?change|(?:shows?|showed)\s+restraint"
        # "with an average of 96,200 yuan/ton, holding steady compared to the previous working day"
        r"|(?:held|holds?|holding|remained|remaining|stayed|staying|was|were|kept)"
        r"\s+(?:stable|steady)"
        # "being 10,000 yuan/mt, maintaining stability this week"
        r"|maintain(?:ing|ed|s)?\s+stability"
        # "..., the same as last week"
        r"|the\s+same\s+as(?=\s+(?:last\s+(?:week|month|friday)|the\s+previous|yesterday)))\b",
        folded,
    )
    if match is None:
        return None
    if _A_RATE_HELD.search(folded, 0, match.start()):
        # "Operating rates at major primary aluminium alloy enterprises were flat from the previous
        # week, with aluminium moving narrowly above 18,000 yuan/mt": the rate held, not the price
        return None
    rest = folded[match.end() : match.end() + 45]
    if match.group(0).startswith("the same as"):
        # "the same as last week": the period named is the basis
        said = re.match(
            r"\s+(?:(?:last|the\s+previous)\s+(?P<period>week|month|friday|(?:trading\s+|working\s+)?day)"
            r"|yesterday)",
            rest,
        )
        period = said.group("period") if said is not None else None
        if period == "week" or (period == "friday" and context.weekly):
            return True, ChangeBasis.WOW
        if period == "month":
            return True, _periodic(ChangeBasis.MOM, context, today=False)
        if said is not None and period != "friday":
            return True, ChangeBasis.DOD  # "yesterday", "the previous trading day"
        return None
    if DOD.search(rest) is not None:
        return True, ChangeBasis.DOD
    if _from_the_day_before(rest, folded, context):
        return (
            True,
            ChangeBasis.DOD,
        )  # "as of Friday ..., with the average price flat from Thursday"
    basis, _ = basis_at(rest, after=True)
    if basis is None and not re.match(
        # (AL Circle's "has remained unchanged to close at RMB 3,305 per tonne")
        # ("maintaining stability this week": the week the review covers, no basis named)
        r"^\s*(?:from|on|wow|mom|yoy|dod|w-o-w|m-o-m|today|this\s+week\b|[;,.]|$"
        r"|to\s+(?:close|settle|stand|rest|peg|clock|end|finish)\s+at\b)",
        rest,
    ):
        return None
    return True, _periodic(basis, context, today=False)


_NOUN_BASIS = re.compile(
    r"\b(?P<which>weekly|monthly|daily|single-day|yearly|annual|week-on-week|month-on-month|year-on-year"
    # ("a week-on-week (WoW) decline of about 6%": the abbreviation after the words)
    r"|w-o-w|m-o-m|y-o-y|wow|mom|yoy)(?:\s+\((?:wow|mom|yoy)\))?\s+(?:(?:increase|rise|gain|decrease|decline"
    # "The weekly increase was 660 yuan/mt"
    r"|drop|fall|change|growth|loss|slump|plunge|surge|jump|hike|dip|escalation|spike)\s+(?:of\s*|was\s*|"
    # "3303# silicon saw a weekly drop of 7% or 1,450 yuan/mt to 18,400-18,500 yuan/mt"
    r"of\s+[\d.]+\s*(?:%|per\s*cent)\s+or\s*|(?:of\s+)?(?:more\s+than|over|nearly|about"
    r"|around|approximately|roughly)\s*|exceed(?:s|ed|ing)\s*)?"
    # "The W-o-W price has seen a 14 per cent hike"
    r"|price\s+(?:has\s+|had\s+)?(?:seen|saw|recorded|registered|witnessed)\s+an?\s*)$"
)

_FOR_THE_PERIOD = re.compile(
    # (also "LME nickel ... ending the week up 1.50%")
    r"\b(?:for|ending|ended|finishing|finished|closing|closed)\s+the\s+(?P<which>week|month)\s+"
    r"(?:up|down|higher|lower|rose|fell|gained|lost)"
    r"(?:\s+by)?\s*$"
)

_AFTER_A_HOLIDAY = re.compile(
    r"\bon\s+the\s+first\s+(?:trading\s+)?day\s+after\s+the\s+(?:[a-z'-]+\s+){0,3}?holidays?\b"
)

_ON_A_BASIS = re.compile(
    # (AL Circle also writes it without the article: "on M-o-M calculation")
    r"\bon\s+(?:an?\s+)?(?P<which>week-on-week|month-on-month|year-on-year|w-o-w|m-o-m|y-o-y|weekly"
    r"|monthly|yearly|annual)\s+(?:basis|calculation|scale)\b"
)

_NOUN_BASES = {
    "weekly": ChangeBasis.WOW,
    "monthly": ChangeBasis.MOM,
    "daily": ChangeBasis.DOD,
    "single-day": ChangeBasis.DOD,
    "yearly": ChangeBasis.YOY,
    "annual": ChangeBasis.YOY,
    **dict.fromkeys(("week-on-week", "w-o-w", "wow"), ChangeBasis.WOW),
    **dict.fromkeys(("month-on-month", "m-o-m", "mom"), ChangeBasis.MOM),
    **dict.fromkeys(("year-on-year", "y-o-y", "yoy"), ChangeBasis.YOY),
}

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")
_FROM_THE_DAY_BEFORE = re.compile(
    # (also "closing 270 yuan/mt lower from Monday at 48,590 yuan/mt", and Mysteel's "fell by
    # RMB 5 per tonne (USD 0.7 per tonne) from Monday", the move converted in passing)
    r"^\W*(?:/\s*(?:mt|t)\s*|per\s+tonne\s*)?(?:\(\s*(?:usd|us\$|\$)\s*[\d.,]+\s*"
    r"(?:per\s+tonne|/\s*t)?\s*\)\s*)?(?:(?:higher|lower)\s+)?from\s+"
    rf"(?P<day>{'|'.join(_WEEKDAYS)})(?:'s\s+(?:price|close|level))?\b"
    # not "from Thursday last week", nor "from Friday, May 23" (but "by some 90 yuan/mt from
    # Monday to 850-1,000 yuan/mt" is the day before's)
    rf"(?!\s*,?\s*(?:(?:{MONTH_NAMES})\.?\s+)?\d|\s+(?:of\s+)?(?:last|the\s+previous|a)\s+week)"
)

_FROM_LAST_FRIDAY = re.compile(
    r"^\W*(?:/\s*mt\s*)?(?:or\s+[\d.]+\s*(?:%|per\s*cent)\s*)?(?:from|compared\s+(?:to|with))"
    r"\s+last\s+friday\b"
)


# "a decrease of 50 yuan/mt from last Wednesday" in a Thursday weekly (the week's last quote
# before a holiday): a day of the week before, as "from last Friday" is
_FROM_LAST_WEEKDAY = re.compile(
    r"^\W*(?:/\s*mt\s*)?(?:or\s+[\d.]+\s*(?:%|per\s*cent)\s*)?(?:from|compared\s+(?:to|with))"
    rf"\s+last\s+(?:{'|'.join(_WEEKDAYS)})\b"
)


def _from_the_day_before(trail: str, folded: str, context: Context) -> bool:
    """Whether a move or a flat price told "from Thursday" is against the day before: in a
    daily report always (a Friday's "up RMB 15 per tonne from Thursday"), in a weekly review
    when the quote is dated the day after ("as of Friday March 26, ... with the average price
    flat from Thursday")."""
    named = _FROM_THE_DAY_BEFORE.match(trail)
    if named is None:
        return False
    if not context.weekly:
        return True
    day = named.group("day")
    after = _WEEKDAYS[_WEEKDAYS.index(day) + 1] if day != "friday" else None
    return after is not None and re.search(rf"\b(?:as\s+of|on)\s+{after}\b", folded) is not None


_IN_THE_WEEK_ENDING = re.compile(
    r"^\W*(?:/\s*(?:mt|t)\s*|per\s+tonne\s*)?in\s+the\s+week\s+(?:ending|ended|to)\b"
)


def _basis(trail: str, context: Context, sentence: Sentence, lead: str = "") -> ChangeBasis | None:
    noun = _NOUN_BASIS.search(lead.rstrip()[-40:]) if lead else None
    if (
        noun is not None
        and _NOUN_BASES[noun.group("which")] is ChangeBasis.MOM
        and names_a_day_a_month_back(sentence.folded, context.published)
    ):
        return ChangeBasis.MOM  # "the price on October 20 ..., a Month-on-Month surge of US$40"
    if noun is not None:
        # "a MoM decrease of 30 yuan/mt from the weekly average price last week": SMM's "MoM"
        # in a weekly review is the week's
        return _periodic(
            _NOUN_BASES[noun.group("which")], context, today="today" in sentence.folded
        )
    framed = _ON_A_BASIS.search(lead) if lead else None
    if framed is not None and _ON_A_BASIS.match(trail.lstrip(" %")):
        # "up 43.67% on yearly basis, down 9.15% on monthly basis": the basis written after
        # the number, not the one before it
        framed = None
    if (
        framed is not None
        and _NOUN_BASES[framed.group("which")] is ChangeBasis.MOM
        and names_a_day_a_month_back(sentence.folded, context.published)
    ):
        # "on M-o-M calculation, the price has fallen by RMB 80 per tonne from RMB 19,080 per
        # tonne recorded on October 20" (November 21): a month, even in a daily report
        return ChangeBasis.MOM
    if framed is not None and framed.group("which") == "monthly":
        # "while that on a monthly basis has nosedived by RMB 1,450 per tonne": the word says a
        # month, unlike SMM's "MoM" in a daily report
        return ChangeBasis.MOM
    if framed is not None:
        # "on a week-on-week basis, the price reflects an increase of RMB 260"
        return _periodic(
            _NOUN_BASES[framed.group("which")], context, today="today" in sentence.folded
        )
    if lead and _AFTER_A_HOLIDAY.search(lead):
        # "On the first day after the National Day holiday, A00 aluminum rose by 240 yuan/mt":
        # against the last session before the holiday, the previous trading day
        return ChangeBasis.DOD
    told_for = _FOR_THE_PERIOD.search(lead.rstrip()[-40:]) if lead else None
    if told_for is not None:
        # "with prices for the week up 0.6%": the week's move
        return ChangeBasis.WOW if told_for.group("which") == "week" else ChangeBasis.MOM
    dod = DOD.search(trail)
    if dod is not None and dod.start() < 45:
        return ChangeBasis.DOD
    if _IN_THE_WEEK_ENDING.match(trail):
        return ChangeBasis.WOW  # "rose by 400 yuan/mt in the week ending December 23"
    if (
        _from_the_day_before(trail, sentence.folded, context)
        or on_the_day_published(trail, context.published)
        # "up RMB 10 per tonne from RMB 11470 per tonne on March 30" in a report of March 31
        or days_back_to(trail, context.published) == 1
    ):
        return ChangeBasis.DOD  # also "gained 10,000 yuan/mt on Monday December 2" that day
    if (
        context.daily
        and context.published is not None
        and context.published.weekday() == 0
        and _FROM_LAST_FRIDAY.match(trail)
    ):
        # a Monday's daily report, "up 25 yuan/mt from last Friday": the previous trading day
        return ChangeBasis.DOD
    if context.weekly and _FROM_LAST_WEEKDAY.match(trail):
        # a weekly review's "down 900 yuan/mt or 6% from last Friday" is the week's move; in a
        # Monday morning comment the same words mean the previous session, and name no basis
        return ChangeBasis.WOW
    if (context.weekly or context.week_told) and (
        days_back_to(trail, context.published) or 0
    ) in range(5, 9):
        # a weekly review's "down 100 yuan/mt from March 28", the last day of the week before
        # (also where the review says it looks back "over the past week")
        return ChangeBasis.WOW
    if (days_since_told_from(sentence.folded, trail, context.published) or 0) in range(5, 9):
        # "As of October 7, LME copper closed at $7,462/mt, down $96/mt or 1.27% from $7,558/mt
        # on September 30": a week's move between two dated closes
        return ChangeBasis.WOW
    basis, _ = basis_at(trail, after=True)
    if basis is None:
        basis = month_basis(trail, None)
    if basis is ChangeBasis.MOM and re.match(
        r"^\W*(?:/\s*mt\s*)?(?:(?:higher|lower|more|less)\s+than|from)\s+a\s+month\s+(?:ago|earlier)\b",
        trail,
    ):
        # "and 163 yuan/mt from a month ago", "RMB 158 per tonne higher than a month ago": a
        # month, whatever the report's period
        return basis
    return _periodic(basis, context, today="today" in sentence.folded)


def _periodic(basis: ChangeBasis | None, context: Context, *, today: bool) -> ChangeBasis | None:
    if basis is ChangeBasis.MOM and (context.daily or today):
        return ChangeBasis.DOD  # SMM's "MoM" in a daily report means the previous day
    if basis is ChangeBasis.MOM and (context.weekly or context.week_told):
        # ... and in a weekly review (or one that says it tells of this week), the previous week
        return ChangeBasis.WOW
    return basis


_FELL_PAST = re.compile(
    r"\b(?:f[ae]ll(?:s|ing)?|dropp?(?:ed|s|ing)?|dipp?(?:ed|s|ing)?|slipp?(?:ed|s|ing)?|sank|slid)"
    # (a translation's "Lun Copper fell sharply to break 6000 US dollars / ton")
    r"\s+(?:past(?:\s+the)?|(?:sharply\s+)?to\s+break)\s*$"
)


def _bound(lead: str) -> Bound | None:
    stripped = lead.rstrip()
    if _FELL_PAST.search(stripped[-30:]):
        return Bound.BELOW  # "LME copper dropped past $6,100/mt": it went below the line
    if _ABOVE.search(stripped[-40:]):
        return Bound.ABOVE
    if _BELOW.search(stripped[-30:]):
        return Bound.BELOW
    return None


_FORWARD_LEAD_IN = re.compile(
    r"\bnext\s+(?:week|month)\b|\b(?:is|are)\s+expected\b|\b(?:will|should)\s+[a-z]+"
)


_VERBLESS = re.compile(
    r"\s*(?:the\s+)?(?:[a-z]+\s+){0,3}?prices?\s+(?:between|at|around|of|in\s+the\s+range\s+of)\b"
    # "..., while SHFE copper between 58100-58600 yuan/mt"
    r"|\s*(?:shfe|lme|spot)\s+(?:[a-z0-9#]+\s+){0,2}?(?:between|at|around)\b"
    # "..., while SHFE 1210 copper contract moving in the RMB 53500-54,000/mt range": a
    # participle, the modal before it carried on
    r"|\s*(?:shfe|lme)\s+(?:[a-z0-9#]+\s+){0,3}?(?:moving|hovering|trading|fluctuating|ranging)"
    r"\s+(?:in|between|at|around|within)\b"
)


_CROSSED_AFTER = re.compile(
    r"\bafter\s+(?:the\s+)?[^,;]{0,60}?\b(?:dropped|fell|slid|rose|climbed|broke)\s+"
    r"(?:below|above|through|under|over)\s*(?:rmb|usd|us\$|\$)?\s*$"
)
_PRICES_WILL = re.compile(rf"\b(?:prices?|[a-z]+)\s+(?:to\s+)?(?:{VIEW_VERBS})\b")


_BARE_VERB_GOES_ON = re.compile(
    # ... "and SHFE 1602 drop below RMB 12,500/mt", "and SHFE 1609 zinc to climb to": the next
    # market's view, its verb bare
    r"\s*(?:(?:shfe|lme)\s+(?:\d{4}\s+)?(?:[a-z]+\s+)?(?:to\s+)?)?"
    r"(?:then\s+)?(?:attempt|try|fail|struggle|test|break|rise|fall|drop"
    r"|climb|move|remain|stay|hold|trade|rebound|retreat|breach|reach|advance|point|hit)\s"
)


def _forward(sentence: Sentence, clause: Clause, quantity: Quantity) -> bool:
    end = clause.start + len(clause.folded)
    today = _TODAYS_QUOTE.search(clause.folded)
    if (
        today is not None
        and not _LATER.search(sentence.folded)
        and not _EXCHANGE_SUBJECT.search(clause.folded, 0, today.start())
    ):
        # AL Circle writes the day's SMM quote as "the average prices are expected to range
        # between A and B": today's range, not a forecast (but "SHFE copper is expected to range
        # at RMB 36,200-36,600/mt" in a morning comment is the session ahead).
        return False
    if _CROSSED_AFTER.search(sentence.folded, 0, quantity.start):
        # "Goods holders' selling interest will be low after the SHFE current-month aluminum price
        # dropped below RMB 16,000/mt": the line already crossed, told as the cause
        return False
    if looks_forward(
        sentence.text[clause.start : end], clause.folded, quantity.start - clause.start
    ):
        return True
    if SEE_PRICES.search(sentence.folded, 0, clause.start) and _PRICES_WILL.search(clause.folded):
        # "60% see LME zinc prices stabilize between ..., and SHFE 1601 zinc contract prices
        # move between ...": the same view, of the next market
        return True
    lead_in = sentence.folded[: clause.start].rstrip()
    if lead_in.endswith(":") and _FORWARD_LEAD_IN.search(lead_in):
        # "Next week the market should stay firm with grades diverging: shredded tense scrap
        # fluctuating within the range of 15,800 to 17,400 yuan/mt": what the colon introduces
        return True
    if re.match(
        r"\s*(?:/\s*mt\s*)?(?:are|is)\s+(?:expected|likely|forecast|predicted)\b(?!\s+to\s+range)",
        sentence.folded[quantity.end : end],
    ):
        return True  # "spot discounts of RMB 30-70/mt are expected over SHFE 1407 aluminum"
    # "... to trade at 103,500-105,000 yuan/mt today, with spot prices at 103,000-104,300
    # yuan/mt": a "with" clause carries on the forecast before it.
    # ... and so does an "and" clause with no verb of its own ("The prices are likely to move
    # around 14,850-15,150 yuan/mt this week, and FOB prices between $2,250-2,350/mt").
    return (
        (
            re.match(r"\s*with\b", clause.folded) is not None
            or (
                _VERBLESS.match(clause.folded) is not None
                and re.search(r"\b(?:and|while)\s*$", sentence.folded[: clause.start]) is not None
            )
            # "spot copper prices should hold stable at RMB 60,000/mt, but attempt to break
            # above RMB 61,000/mt": the modal's second verb, in its bare form
            or (
                _BARE_VERB_GOES_ON.match(clause.folded) is not None
                and re.search(r"\b(?:but|and|yet)\s*$", sentence.folded[: clause.start]) is not None
            )
        )
        and clause.start > 0
        and looks_forward(
            sentence.text[: clause.start], sentence.folded[: clause.start], clause.start
        )
        and not _todays_quote_before(sentence.folded[: clause.start])
    )


def _todays_quote_before(before: str) -> bool:
    """Whether the clause before tells AL Circle's quote of the day ("the average prices are
    expected to range between"), not a morning comment's forecast for a contract ("The contract
    is expected to hover in a wide range today with most transactions occurring at ...")."""
    today = _TODAYS_QUOTE.search(before)
    if today is None:
        return False
    start = before.rfind(",", 0, today.start()) + 1
    start = max(start, before.rfind(".", 0, today.start()) + 1)
    return not _EXCHANGE_SUBJECT.search(before[start : today.start()].strip())


_FROM_A_MONTHS_PRICE = re.compile(
    r"\bfrom\s+(?:an?\s+average\s+(?:price\s+)?(?:of\s+)?)?(?:rmb|us\$|\$)?\s*[\d,.]+"
    # ("inched down from 9,200-9,400 yuan/tonne in May to 9,000-9,200 yuan/tonne in June")
    r"(?:\s*-\s*[\d,.]+)?\s*"
    rf"(?:yuan)?\s*(?:/\s*mt|/\s*t|/\s*tonne|/\s*ton|per\s+tonne)?\s+in\s+(?:{_MONTHS})\b"
)


_AFTER_IN_A_MONTH = re.compile(rf"\bafter\s+[^,;.]{{0,60}}?\bin\s+(?:{_MONTHS})\s*,")


def _price_period(folded: str, context: Context, forecast: bool) -> str | None:
    """A price has a period only when its sentence names a month ("in December", "last
    month"), never a week or a day."""
    published = context.published
    if published is None:
        return None
    # (not "as buyers ask more, expecting demand to pick up in March": when demand returns)
    folded = _DEMAND_IN_A_MONTH.sub(" ", folded)
    # (nor "After a small adjustment in June, the price surged in September with monthly
    # average price of ...": what came before the month the price is told for)
    folded = _AFTER_IN_A_MONTH.sub(" ", folded)
    if "from" in folded:
        # (not "had fallen from an average RMB 14,800/mt in February to RMB 13,800/mt in May":
        # the month of the level compared with)
        folded = _FROM_A_MONTHS_PRICE.sub(lambda m: " " * len(m.group(0)), folded)
    match = _IN_MONTH.search(folded)
    if match is not None:
        return month_period(match.group(0), published, forecast=forecast)
    if "month" in folded:
        return relative_month(folded, published)
    return None


def _with_qualifier(product: str, qualifier: str) -> str:
    if product.endswith(")"):
        return product[:-1] + f", {qualifier})"
    return f"{product} ({qualifier})"


_ORE_OF_SOME_ORIGIN = frozenset(
    {"some", "certain", "these", "those", "other", "most", "all", "ore", "ores", "concentrate"}
    | {"concentrates", "australian", "african", "brazilian", "chinese", "canadian", "overseas"}
    | {"imported", "domestic", "zimbabwean", "nigerian", "malian"}
)


def _normalise_product(text: str) -> str | None:
    words = names.british(_DROP_WORDS.sub(" ", text.lower()).split())
    words = [word for word in words if word not in {"a", "an", "and"}]
    if not words or len(words) > 5:
        return None
    name = " ".join(words)
    known = names.PRODUCT_ALIASES.get(name)
    if known is not None:
        return known
    if set(words) <= _ORE_OF_SOME_ORIGIN:
        # "Current CIF prices for some Australian ores are projected to be $1300-1400/mt": the
        # ore the paragraph is about, told by where it comes from, not a product of its own
        return None
    metals = (
        "copper",
        "alumin",
        "zinc",
        "lead",
        "nickel",
        "tin",
        "lithium",
        "cobalt",
        "silicon",
        "scrap",
        "alloy",
        "ore",
        "steel",
    )
    if any(word.startswith(metals) for word in words):
        return name
    return None


def _draft(
    drafts: dict[tuple[object, ...], Draft],
    owner: _Owner,
    unit: str,
    sentence: Sentence,
    period: str | None,
    forecast: bool,
    *,
    metric: Metric = Metric.PRICE,
    fresh: bool = False,
) -> Draft:
    key: tuple[object, ...] = (metric, owner.product, owner.region, unit, period, forecast)
    draft = drafts.get(key)
    if draft is not None and fresh:
        index = 1
        while (*key, index) in drafts:
            index += 1
        key = (*key, index)
        draft = None
    if draft is None:
        draft = Draft(
            metric=metric,
            subject=owner.product,
            unit=unit,
            sentence=sentence,
            region=owner.region,
            period=period,
            forecast=forecast,
        )
        drafts[key] = draft
    return draft


def money_of(clauses: list[Clause]) -> list[Quantity]:
    """The sentence's amounts of money, as its clauses read them, in order."""
    return sorted(
        (q for clause in clauses for q in clause.quantities if q.kind is Kind.MONEY),
        key=lambda q: q.start,
    )
