"""Operating rates: an industry's level in %, with its stated changes in percentage points.

Each clause of a sentence is given an owner, in this order: the industry named with "operating
rate" ("the operating rate of leading domestic aluminium extrusion enterprises", "the die-casting
zinc alloy operating rate"), an industry of the vocabulary opening the clause (a segment list:
"Aluminium foil remained at 73%"), the paragraph's section heading ("Primary Aluminum Alloy:"),
else the industry the article is about. A region ("in Shandong") or a size group ("at large
smelters") in the clause qualifies that owner. Then each number in the clause is read as a level,
a change, a reference value, a miss against an expectation, or something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from scrapers.extract import names
from scrapers.extract.document import Clause, Context
from scrapers.extract.drafts import Draft, Notes
from scrapers.extract.lexicon import BASES, EXPECTATION, FLAT, FOREIGN, STAYED
from scrapers.extract.periods import FULL_MONTH_NAMES, month_period, publication_week, shift_week
from scrapers.extract.quantities import Kind, Quantity
from scrapers.extract.reading import (
    AFTER,
    WINDOW,
    basis_at,
    direction,
    is_weekly,
    looks_forward,
    month_basis,
    opening,
    period_of,
    phrase_after,
    phrase_before,
    without_dateline,
    without_expectations,
)
from scrapers.extract.text import Sentence
from scrapers.models import Bound, ChangeBasis, Metric

CUES = (
    "operat",
    "utili",
    "%",
    "per cent",
    "percent",
    "point",
    "ppt",
    " pp",
    "flat",
    "stable",
    "steady",
    "unchanged",
    "the same",
)
_MENTION = re.compile(
    r"\b(?:operating|utili[sz]ation|capacity\s+utili[sz]ation)\s+rates?\b|\boperating\s+levels?\b"
    # "The start-up rate of enamelled wire enterprises", "The machine operation rate in the
    # enamelled wire industry": SMM's other words for it
    r"|\b(?:start-?up|(?:machine\s+)?operation)\s+rates?\b"
    # "The weekly opening rate of SMM renewable lead smelters": a machine translation's word
    r"|\bopening\s+rates?\b(?=\s+(?:of|at|in|for|across)\b)"
    # "Rates across foil producers are estimated at 87%", "The average rate at foil producers
    # rose only marginally to 64.98%": a survey's rate, its noun left out
    r"|\brates?(?=\s+(?:across|at)\s+(?:[a-z/,-]+\s+){0,4}?(?:producers|enterprises|plants"
    r"|smelters|mills|factories)\b)"
    # "a sharp 28-percentage-point drop in capacity utilisation"
    r"|\bcapacity\s+utili[sz]ation\b"
    # "The rate for industrial extrusion edged down ...": a survey's rate, the word shortened
    r"|\bthe\s+rates?(?=\s+(?:for|across)\s)"
)
_AFTER_MENTION = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:of|for|in|across|among|at|amongst)\s+(?:the\s+)?"
)
# a time, not an industry: "in the third week after ...", "in the first half", "in 2024"
_A_TIME = re.compile(
    r"(?:the\s+)?(?:(?:first|second|third|fourth|fifth|last|final|same|previous|following|past)\s+"
    r"(?:week|weeks|month|months|half|quarter|period|days?)|(?:19|20)\d\d)\b"
)
_THAT_OF = re.compile(r"^\s*(?:and\s+)?(?:that|those)\s+(?:of|for|in|at)\s+")
_PRICE_WORDS = re.compile(r"\bprices?\b|\bquot|yuan|\brmb\b|\$|\bpremium|\bdiscount|\bspread")
_LEVEL_LEAD = re.compile(
    r"(?:\b(?:to|at|was|were|is|are|of|be|reached|reaching|hit|hitting|stood|standing|recorded"
    r"|registered|maintained|maintaining|remained|remaining|held|holding|around|about"
    r"|approximately|roughly|nearly|near|some|settled|stabilized|stabilised|steady|stable|flat"
    r"|unchanged|printed|posted|rate|rates|reported|came\s+in|in|averaged|averaging|under|over"
    r"|below|above|than"
    # "the average operating rate at the 18 wire and cable producers was as high as 83.3%"
    r"|as\s+(?:high|low)\s+as"
    # "smelters ... ran at an average 55.8%"
    r"|at\s+an\s+average(?:\s+of)?)|[:=])\s*$"
)
_ADVERBS = re.compile(
    r"(?:\b(?:by|another|a\s+further|further|slightly|sharply|significantly|markedly|marginally"
    r"|notably|mildly|modestly|substantially|considerably|only|just|about|around|nearly|some"
    r"|approximately|roughly|respectively)\s*)*$"
)
_CHANGE_NOUN = re.compile(
    r"\b(?:increase|rise|gain|growth|jump|rebound|decrease|decline|drop|fall|dip|reduction"
    r"|change)\s+of\s*$"
)
_REFERENCE_LEAD = re.compile(
    r"\b(?:from(?:\s+a\s+(?:high|low)\s+of)?|than|compared\s+(?:with|to)|against|versus|vs\.?"
    r"|previous(?:ly)?|the\s+average|average)\s*(?:the\s+)?(?:average\s+)?(?:of\s+)?$"
)
_OF_WHAT = re.compile(
    r"^\s*of\s+(?:the\s+)?(?:\w+\s+){0,2}(?:enterprises|plants|companies|firms"
    r"|respondents|producers|smelters|capacity|output|total|sample|market|consumption|demand"
    # "scrap recycling has run at only 70% of its annual average"
    r"|average|normal|usual)"
)
# "ran at just 55.65% of their capacity": an operating rate told without the words.
_CAPACITY_USE = re.compile(
    r"\b(?:to\s+)?(?:run|ran|runs|running|operated|operating)\s+at\s+(?:just\s+|only\s+|about\s+)?"
    r"(?=[\d.]+\s*(?:%|per\s*cent)\s+of\s+(?:their|its|the)\s+(?:production\s+)?capacity)"
)
# "secondary lead smelters in Jiangsu, Anhui and Henan ran at an average 55.8% in the week",
# "aluminum profile enterprises ran at about 63.33% in June": a survey's rate, its noun left out
_SURVEY_RUN = (
    r"\b(?:run|ran|runs|operated)\s+at\s+(?:an\s+average(?:\s+(?:rate\s+)?of)?"
    r"|about|around|roughly|approximately)"
)
_SURVEY_RAN_AT = re.compile(
    _SURVEY_RUN + r"\s+(?=[\d.]+\s*(?:%|per\s*cent)"
    # (not "ran at about 50% of their capacity": how hard some plants ran, see below)
    r"(?!\s+(?:of\s+)?(?:their\s+|its\s+)?capacity))"
)
_SURVEY_RAN_AT_LEAD = re.compile(_SURVEY_RUN + r"\s*$")
# "large plants operated at around 50% capacity": how hard some plants ran, told in passing
_ROUGH_CAPACITY = re.compile(
    r"\b(?:run|ran|runs|running|operated|operating|work(?:ed|ing)?)\s+at\s+(?:around|about|roughly"
    r"|approximately|nearly|some)\s+[\d.]+\s*(?:%|per\s*cent)\s+(?:of\s+(?:their|its)\s+)?capacity\b"
)
_OF_CAPACITY = re.compile(r"\s*of\s+(?:their|its|the)\s+(?:production\s+)?capacity\b")
_CAPACITY_OF = re.compile(
    r"\b(?:operating\s+)?capacity\s+of\s+(?:the\s+)?([a-z][a-z\s-]{2,40}?)\s+"
    r"(?:stood|was|were|reached|totall?ed|hit|came)\b"
)
_MAX_INFERRED = Decimal(40)  # a rate change written in % beyond this is something else's growth
_WEEK_AND_A_BIT = 10  # days: a change told from a day no further back is the week's
_SIZE_GROUP = re.compile(
    r"\b(?:(?P<sm>small\s+and\s+medium(?:-sized)?|medium\s+and\s+small(?:-sized)?)"
    r"|(?P<size>large|larger|large-scale|medium|medium-sized|mid-sized|small|smaller|small-sized))"
    r"\s+(?:\w+\s+)?(?:enterprises|smelters|plants|producers|companies|firms|factories|mills"
    r"|refineries|makers|manufacturers|ones)\b"  # "the rate across medium-sized ones"
)
_CONTINUATION = re.compile(
    # "Although it increased slightly by 0.15 percentage points MoM from August, ..."
    r"^\s*(?:and\s+|(?:al)?though\s+|while\s+)?(?:(?:this|that|which|it)\s+(?:was|is|had|has|rose|fell|slid|dropped"
    r"|increased|decreased|came|stood|represented)\b"
    # "SMM expects the rate to ease back to 58.79% next week"
    r"|(?:smm\s+)?(?:expects|predicts|forecasts|projects|estimates)\s+(?:the|its|this)\s+(?:rate|figure|level)\b"
    r"|(?:the|its|this)\s+(?:rate|figure|level)\b"
    r"|(?:however|meanwhile|on\s+a\s+yearly\s+basis|on\s+a\s+monthly\s+basis|year\s+on\s+year),"
    r"|(?:up|down)\s+[\d.]+)"
)
# "Although supported by orders on hand, the YoY increase was still 8.96 percentage points": the
# last rate's move on a basis, told in a sentence of its own.
_BASIS_MOVE_NOUN = re.compile(
    r"\b(?:the|its)\s+(?:yoy|mom|wow|y-o-y|m-o-m|w-o-w|year-on-year|month-on-month|week-on-week)"
    r"\s+(?:increase|rise|gain|growth|decrease|decline|drop|fall)\s+"
    r"(?:(?:was|stood|remained|came)\s+)?(?:still\s+|only\s+)?(?:at\s+|of\s+)?$"
)
_SAME_SIGN = re.compile(
    r"^\s*(?:(?:mom|yoy|wow|m-o-m|y-o-y|w-o-w|month-on-month|year-on-year|week-on-week"
    r"|on\s+the\s+(?:month|year|week)"
    # "down 1.33% from May and 1.65% from last year"
    r"|from\s+(?:the\s+previous\s+|last\s+)?(?:month|week|year|january|february|march|april"
    r"|may|june|july|august|september|october|november|december))\s*)?(?:,\s*)?(?:and|or)\s*"
    r"(?:by\s+)?$"
)
# "a month-on-month drop of 1.4 percentage points": the basis written before its number.
_NAMED_BASIS = re.compile(
    r"\b(?:month-on-month|year-on-year|week-on-week|m-o-m|y-o-y|w-o-w|mom|yoy|wow|monthly"
    r"|yearly|annual|weekly)\s+(?:drop|decline|decrease|fall|rise|increase|gain|growth|rebound)"
    r"\s+of\s*$"
)


@dataclass(frozen=True, slots=True)
class _Owner:
    """Who the numbers of a clause belong to."""

    subject: str
    region: str
    group: str | None

    @property
    def name(self) -> str:
        return f"{self.subject} ({self.group})" if self.group else self.subject


@dataclass(frozen=True, slots=True)
class _Change:
    quantity: Quantity
    sign: int
    written: ChangeBasis | None  # the basis written with it, if any
    trail: str  # the words after it, for "from April"
    inferred: bool  # written in % beside a rate: read as pp


def read_sentence(
    sentence: Sentence, clauses: list[Clause], context: Context, notes: Notes
) -> list[Draft]:
    """Every operating-rate figure a sentence states."""
    folded = sentence.folded
    mentioned = _MENTION.search(folded) is not None or _SURVEY_RAN_AT.search(folded) is not None
    if not mentioned and not context.rates_seen:
        return []
    if not mentioned and not any(map(folded.__contains__, CUES)):
        return []
    drafts: dict[tuple[object, ...], Draft] = {}
    previous: list[_Owner] = []
    elsewhere = False  # an earlier clause of this sentence was about something else
    for clause in clauses:
        if _ROUGH_CAPACITY.search(clause.folded):
            for quantity in clause.quantities:
                if quantity.kind is Kind.PERCENT:
                    notes.add(
                        sentence,
                        quantity.start,
                        quantity.end,
                        "other",
                        why="a rough share of capacity said in passing, not a survey's rate",
                    )
            continue
        owners = (
            []
            if elsewhere and not _MENTION.search(clause.folded)
            else _owners(clause, context, previous, folded[: clause.start])
        )
        group = _group_named_after(clause) if len(owners) == 1 else None
        if group is not None:
            owners = [_Owner(owners[0].subject, owners[0].region, group)]
        if not owners and any(q.kind in {Kind.PERCENT, Kind.POINTS} for q in clause.quantities):
            elsewhere = not previous
        if not owners:
            for quantity in clause.quantities:
                if quantity.kind in {Kind.PERCENT, Kind.POINTS}:
                    notes.add(
                        sentence,
                        quantity.start,
                        quantity.end,
                        "other",
                        why="no operating rate and no industry to own it",
                    )
            continue
        if _read_clause(sentence, clause, owners, context, drafts, notes) or not any(
            q.kind in {Kind.PERCENT, Kind.POINTS} for q in clause.quantities
        ):
            # the next clause may go on about them; not after a clause whose numbers were
            # something else's ("scrap recycling ran at 70% of its average, with electronic
            # scrap down 30%")
            previous = owners
    return [draft for draft in drafts.values() if not draft.empty]


# -- who the numbers belong to ---------------------------------------------------------------------


def _narrower(industry: str, resolved: list[_Owner]) -> bool:
    """A segment of the one industry the clause was otherwise given ("prebaked anode
    (commercial)" of "prebaked anode")."""
    return (
        len(resolved) == 1
        and resolved[0].group is None
        and industry.startswith(f"{resolved[0].subject} (")
    )


def _owners(
    clause: Clause, context: Context, previous: list[_Owner], before: str = ""
) -> list[_Owner]:
    folded = _without_firms_places(clause.text, _size_by_capacity(without_dateline(clause.folded)))
    first_number = min(
        (
            q.start - clause.start
            for q in clause.quantities
            if q.kind in {Kind.PERCENT, Kind.POINTS}
        ),
        default=len(folded),
    )
    mention = _MENTION.search(folded)
    if mention is not None and first_number < mention.start():
        # "with actual operating capacity increasing by 3.14% MoM and an operating rate of
        # 79.7%": a volume's growth before the rate is not the rate's number
        first_number = _first_rate_number(clause, folded, mention.start(), first_number)
    head = folded[:first_number]
    sized = _size_list(clause, folded, context, previous) or _regions_respectively(
        clause, folded, context, previous
    )
    if sized:
        return sized
    if _THE_RATE_GOES_ON.match(folded) and _region(head) is None:
        # "Smelters in Henan Province kept production stable, and the operating rate remained
        # flat WoW": the rate of the place the sentence opened with
        place = _region(without_dateline(before))
        if place is not None:
            head = f"in {place.lower()} {head}"
    start = opening(folded)
    if mention is not None and mention.start() < first_number:
        named = _named_at_mention(folded, mention)
        if any(item.subject for item in named):
            return _resolve(named, head, context, previous)
        capacity = _CAPACITY_OF.search(head)
        if capacity is not None and names.known_industries(capacity.group(1)):
            # "the national operating capacity of aluminium stood at 43.78 million tonnes a
            # year, with an operating rate of 95.6 per cent"
            industry = names.known_industries(capacity.group(1))[0][2]
            return [_Owner(industry, _region(head) or "China", None)]
        at_opening = _opening_industries(head, start)
        if at_opening:
            region = next((item.region for item in named if item.region), None)
            # "Refined lead output and operating rates at enterprises with capacities below
            # 50,000 mt/yr": the opening's industry, of the size group the rate is said of
            group = next((item.group for item in named if item.group), None)
            return [_Owner(name, region or _region(head) or "China", group) for name in at_opening]
        resolved = _resolve(named, head, context, previous)
        group = (
            _opening_group(folded, start)
            if not named and _SIZE_GROUP.match(folded, start)
            else None
        )
        if group is not None:
            # "Smelters with capacity more than 150kt/yr maintained previous operating rates":
            # the survey's rate, of the size group the clause opens with (not "with large
            # enterprises entering maintenance, the operating rate is expected to ...")
            resolved = [
                _Owner(owner.subject, owner.region, owner.group or group) for owner in resolved
            ]
        earlier = (
            names.known_industries(before + " " + folded[: mention.start()]) if not previous else []
        )
        if earlier and (not resolved or _narrower(earlier[-1][2], resolved)):
            # ... or a segment of the survey's industry: "the commercial prebaked anode output
            # in January was about 893,900 mt, with operating rates at about 74.1%"
            # "China's metallurgical-grade alumina capacity was 110.82 million mt, with an
            # operating rate of 79.7%": the industry the sentence named before this clause
            return [_Owner(earlier[-1][2], _region(head) or "China", None)]
        return resolved
    if mention is not None and _CHANGE_IN_RATE.search(folded):
        # "emerging production areas in Anhui ... saw a sharp 28-percentage-point drop in
        # capacity utilisation": the survey's rate, in the place the clause names
        base = _inherited(context, [], mentioned=True)
        if base is not None:
            return [_Owner(base.subject, _region(head) or base.region, base.group)]
    if mention is not None and _OVERALL_RATE.search(folded, max(0, mention.start() - 40)):
        # "SMM forecasts a slight 0.6 pp drop in the overall industry operating rate to 61.8%
        # next week": the survey's headline rate, named after its change.
        base = _inherited(context, [], mentioned=True)
        if base is not None:
            # "... resulting in a 1.67 percentage point rise in the regional operating rate": the
            # region the clause names
            return [_Owner(base.subject, _region(head) or base.region, base.group)]
    used = _CAPACITY_USE.search(folded) or _SURVEY_RAN_AT.search(folded)
    if used is not None and used.start() < first_number:
        # "allowed industrial aluminum extruders to run at 59.08% of their capacity"
        runners = names.known_industries(folded[: used.start()])
        if runners:
            return [_Owner(runners[-1][2], _region(head) or "China", _opening_group(folded, start))]
    trailing = _trailing_owners(clause, folded)
    if trailing:
        return trailing
    if (
        _BASIS_MOVE_NOUN.search(head)
        and not names.known_industries(head)
        and (base := _inherited(context, previous, mentioned=False)) is not None
    ):
        return [_Owner(base.subject, base.region, base.group)]
    place_rate = _A_PLACES_RATE.search(head[-60:])
    if place_rate is not None and (context.rates_seen or previous):
        # "which cut Jiangsu's average by 4.7 percentage points on the week to 70%", "Anhui
        # went the other way, its rate climbing 3.4 percentage points": the survey's rate in the
        # place named as its owner (or, for "its", the place the sentence opened with)
        place = (
            _region(place_rate.group("place"))
            if place_rate.group("place") != "its"
            else _region(without_dateline(before))
        )
        base = _inherited(context, previous, mentioned=True)
        if place is not None and base is not None:
            return [_Owner(base.subject, place, base.group)]
    if _PRICE_WORDS.search(head) or _foreign_before(head):
        return []
    that_of = _THAT_OF.match(folded)
    if that_of is not None and previous:
        text, _ = phrase_after(folded, that_of.end())
        return _resolve([names.industry(text)], head, context, previous)
    at_opening = _opening_industries(head, start)
    if at_opening and (context.rates_seen or previous):
        group = _opening_group(folded, start)
        return _distinct([_Owner(name, _region(head) or "China", group) for name in at_opening])
    if not context.rates_seen and not previous:
        return []
    if _FIRMS_RAN_AT.search(head):
        # "In January, surveyed manufacturers operated at 49.02%": the survey's firms, whose
        # industry the article has named
        base = _inherited(context, previous, mentioned=True)
        if base is not None:
            group = _opening_group(folded, start) or base.group
            return [_Owner(base.subject, _region(head) or base.region, group)]
    kin = _kindred_segment(head, previous)
    if kin is not None:
        return [kin]
    if context.heading is not None:
        heading = names.known_industries(context.heading)
        if heading:
            return [_Owner(heading[0][2], _region(head) or "China", _opening_group(folded, start))]
    base = _inherited(context, previous, mentioned=False)
    if base is None:
        return []
    region, group = _opening_region(folded, start), _opening_group(folded, start)
    if not previous and region is None and group is None and not _CONTINUATION.match(folded):
        # No rate word, no industry, nothing earlier in this sentence: only a continuation of
        # the last statement ("This was down 5.15 percentage points from April") is a rate's.
        return []
    return [_Owner(base.subject, region or base.region, group or base.group)]


_SIZE_OF_A_CUT = re.compile(
    r"\b(?:cuts?|restrictions?|reductions?|curtailments?|curbs?)\s+(?:of\s+)?"
    r"(?:up\s+to\s+|about\s+|around\s+|nearly\s+)?$"
)
# "weekly operating rates of 89.5%, 89.2%, 88.1% and 87.6%, averaging 88.6%": a list of rates and
# their average
_LIST_THEN_AVERAGE = re.compile(
    r"[\d.]+\s*%(?:\s*(?:,|and|,\s*and)\s*[\d.]+\s*%)+[^%\d]{0,20}?,?\s*"
    r"(?:averaging|an\s+average\s+of|with\s+an\s+average\s+of|on\s+average)\s*"
    r"(?P<average>[\d.]+\s*%)"
)
# "Jiangsu's average", "Henan's rate", "its rate": a place's share of the survey's rate
_A_PLACES_RATE = re.compile(
    r"(?:\b(?P<place>its|[a-z][a-z ]{1,30}?)(?:'s|’s)?)\s+(?:average\s+)?(?:operating\s+)?"
    r"(?:rate|average)\b(?!\s+(?:price|cost|premium|discount|of\s+return))"
)
_FIRMS_RAN_AT = re.compile(
    r"\b(?:manufacturers|producers|enterprises|companies|plants|firms|mills|smelters|makers"
    r"|extruders|refineries)\s+(?:operated|ran|were\s+running|were\s+operating)\s+at\s*$"
)
_SEGMENT_OPENING = re.compile(
    r"^\s*(?:and\s+)?(?:the\s+)?(?P<phrase>[a-z][a-z -]{3,50}?)\s+"
    r"(?:reached|rose|fell|was|stood|posted|recorded|registered|climbed|dropped|came\s+in)\b"
)


def _kindred_segment(head: str, previous: list[_Owner]) -> _Owner | None:
    """ "..., while lithium battery copper foil reached 78.64%": a segment the vocabulary does not
    know, named like the one just read (the same product noun), opening its own clause."""
    if not previous:
        return None
    opening_match = _SEGMENT_OPENING.match(head)
    if opening_match is None:
        return None
    named = names.industry(opening_match.group("phrase"))
    last = previous[-1]
    if named.subject is None or named.subject == last.subject:
        return None
    noun = " ".join(last.subject.split()[-2:])
    if not named.subject.endswith(noun):
        return None
    return _Owner(named.subject, named.region or last.region, named.group)


def _size_list(
    clause: Clause, folded: str, context: Context, previous: list[_Owner]
) -> list[_Owner]:
    """ "large enterprises registered an operating rate of 84.04%, medium-sized enterprises at
    50.79%": each size group right before its own rate, of the industry the survey is about."""
    rates = [q for q in clause.quantities if q.kind is Kind.PERCENT]
    if len(rates) < 2:
        return []
    groups = []
    previous_end = 0
    for rate in rates:
        lead = folded[previous_end : rate.start - clause.start]
        previous_end = rate.end - clause.start
        found = list(_SIZE_GROUP.finditer(lead))
        if not found:
            return []
        groups.append(found[-1])
    base = _inherited(context, previous, mentioned=True) or _inherited(
        context, previous, mentioned=False
    )
    if base is None:
        industries = names.known_industries(folded[: rates[0].start - clause.start])
        if not industries:
            return []
        base = _Owner(industries[-1][2], "China", None)
    owners = []
    for match in groups:
        group: str | None = "small and medium enterprises"
        if not match.group("sm"):
            group = names.industry(match.group("size")).group
        owners.append(_Owner(base.subject, base.region, group))
    return owners


def _regions_respectively(
    clause: Clause, folded: str, context: Context, previous: list[_Owner]
) -> list[_Owner]:
    """ "Jiangsu and Anhui held where they were, at 74.7% and 36% respectively": as many places
    before the rates as there are rates, each the survey's rate there."""
    if "respectively" not in folded:
        return []
    rates = [q for q in clause.quantities if q.kind is Kind.PERCENT]
    if len(rates) < 2:
        return []
    places = names.regions(folded[: rates[0].start - clause.start])
    base = _inherited(context, previous, mentioned=True)
    if len(places) != len(rates) or base is None:
        return []
    return [_Owner(base.subject, place, base.group) for *_, place in places]


# "plants with annual capacity greater than 100,000 mt": a size group told by its capacity band.
# ... and SMM's zinc smelter surveys of 2009-2010: "smelters with capacity greater than 200
# kt/yr", "smelters with capacity between 100-200 kt/yr (including 100 kt/yr and 200 kt/yr)",
# "those with capacity of 20-100kt/yr", "smelters with capacity 100-150kt/yr".
_CAPACITY_UNIT = r"(?:kt|mt|tonnes|t)(?:/yr|/year|\s+a\s+year|\s+per\s+year)?"
_CAPACITY_BAND = re.compile(
    r"(?:(?P<size>large|larger|medium|medium-sized|small|smaller)\s+)?"
    r"(?P<firms>plants|smelters|enterprises|producers|companies|those)\s+with\s+(?:an?\s+)?"
    r"(?:annual\s+)?capacit(?:y|ies)\s+(?:(?P<above>greater\s+than|more\s+than|above|over|exceeding)\s*"
    r"|(?P<below>below|less\s+than|under)\s*|(?:of\s+|between\s+|ranging\s+from\s+)?)"
    rf"(?P<low>[\d,.]+)\s*(?P<low_unit>{_CAPACITY_UNIT})?"
    rf"(?P<range>\s*(?:-|~|to|and)\s*[\d,.]+)?\s*(?P<unit>{_CAPACITY_UNIT})"
    r"(?:\s*\((?:including|incl\.)[^()]*\))?"
)
# A range band starting under this many tonnes a year is a survey's smallest ("capacity of
# 20-100kt/yr" beside bands of 100-200 and above 200 kt/yr); one starting higher is a middle
# band ("annual capacity of 50,000-100,000 mt").
_SMALLEST_BAND_STARTS_UNDER = 50_000


# "Production cuts of Baoding Anjian Nonferrous Metals and Tianjin Toho Lead Recycling all drove
# the rate at small smelters ...": a place that opens a firm's name (a capitalised word after
# it, as written) is the firm's, not where the rate is
_FIRMS_NAME_AFTER_PLACE = re.compile(
    r"\s+(?!(?:Province|Provinces|City|Port|Region|China)\b)[A-Z][a-z]+"
)


def _without_firms_places(text: str, folded: str) -> str:
    """The clause with every firm's name that opens with a place blanked, offsets kept."""
    if len(text) != len(folded):
        return folded
    for start, end, _ in reversed(names.regions(folded)):
        name = _FIRMS_NAME_AFTER_PLACE.match(text, end)
        if name is None:
            continue
        stop = name.end()
        while (more := _FIRMS_NAME_AFTER_PLACE.match(text, stop)) is not None:
            stop = more.end()
        folded = folded[:start] + " " * (stop - start) + folded[stop:]
    return folded


_AT_A_SIZE_GROUP = re.compile(r"\s*(?:at|for|in|among|across)\s+(?:the\s+)?")


def _group_named_after(clause: Clause) -> str | None:
    """ "with the average rate down 1.28 percentage points MoM to 42.52% at medium smelters":
    the size group a clause names after its rate."""
    rates = [q for q in clause.quantities if q.kind is Kind.PERCENT]
    if not rates:
        return None
    at = rates[-1].end - clause.start
    lead = _AT_A_SIZE_GROUP.match(clause.folded, at)
    found = _SIZE_GROUP.match(clause.folded, lead.end()) if lead is not None else None
    if found is None or found.group("sm"):
        return None
    return names.industry(found.group("size")).group


def _size_by_capacity(folded: str) -> str:
    """The clause with a capacity band written as its size group ("plants with annual capacity
    of 50,000-100,000 mt" -> "medium plants"), offsets kept."""

    def size_words(match: re.Match[str]) -> str:
        if match.group("size"):
            size = match.group("size")
        elif match.group("above"):
            size = "large"
        elif match.group("below"):
            size = "small"
        elif match.group("range"):
            low = float(match.group("low").replace(",", "") or 0)
            if (match.group("low_unit") or match.group("unit")).startswith("kt"):
                low *= 1000
            size = "small" if low < _SMALLEST_BAND_STARTS_UNDER else "medium"
        else:
            return match.group(0)
        # "while those with capacity of 20-100kt/yr rose": "small ones", as the size lists say
        firms = "ones" if match.group("firms") == "those" else match.group("firms")
        words = f"{size} {firms}"
        return words.ljust(len(match.group(0)))

    return _CAPACITY_BAND.sub(size_words, folded) if "capacit" in folded else folded


_TRAILING_OWNER = re.compile(
    r"\s*(?:for|in|at|among)\s+(?:the\s+)?([a-z][a-z\s-]{2,60}?)(?=\s*(?:,|;|\.|\band\b|$))"
)


def _trailing_owners(clause: Clause, folded: str) -> list[_Owner]:
    """ "The average rate will be 54% for aluminum extruders, with 58% in industrial aluminum
    extrusion segment and 54% in construction ...": each rate named after its number."""
    rates = [q for q in clause.quantities if q.kind is Kind.PERCENT]
    if not rates or not re.search(r"\brates?\b", folded[: rates[0].start - clause.start]):
        return []
    owners = []
    for quantity in rates:
        after = _TRAILING_OWNER.match(folded, quantity.end - clause.start)
        known = names.known_industries(after.group(1)) if after else []
        if not known:
            return []
        longest = max(known, key=lambda found: found[1] - found[0])
        owners.append(_Owner(longest[2], "China", None))
    return owners


def _opening_industries(head: str, start: int) -> list[str]:
    """The vocabulary industries a clause opens with ("Aluminium foil remained at 73%")."""
    found = [name for begin, _, name in names.known_industries(head) if begin <= start + 12]
    if not found:
        return []
    # "Aluminum plate/sheet and strip and aluminum foil": a list, every member in order.
    return list(
        dict.fromkeys(
            name for begin, _, name in names.known_industries(head) if begin <= start + 80
        )
    )


def _opening_region(folded: str, start: int) -> str | None:
    found = [region for begin, _, region in names.regions(folded[: start + 40]) if begin >= start]
    return found[0] if found else None


def _opening_group(folded: str, start: int) -> str | None:
    match = _SIZE_GROUP.search(folded, start, start + 60)
    if match is None:
        return None
    if match.group("sm"):
        return "small and medium enterprises"
    return names.industry(match.group("size")).group


_SIZE_WORD = r"large-scale|large|medium-sized|medium-size|medium|mid-sized|small-sized|small"
_GROUP_LIST = re.compile(
    rf"(?:the\s+)?(?P<list>(?:(?:{_SIZE_WORD})\s*(?:,\s*(?:and\s+)?|\s+and\s+))+(?:{_SIZE_WORD}))"
    r"\s+(?:enterprises|smelters|plants|producers|companies|firms|factories|mills)\b"
)


def _foreign_before(head: str) -> bool:
    return FOREIGN.mentioned(head) and FOREIGN.search(head) is not None


_VOLUME_GROWTH = re.compile(
    r"\b(?:capacity|output|production|sales|imports|exports|consumption)\s+"
    # ("domestic silicone production in May increased by 6.48% MoM")
    r"(?:in\s+[a-z]+\s+)?"
    # (also "as exports are likely to drop nearly 10% on the month")
    r"(?:(?:are|is|were|was)\s+(?:likely|expected)\s+to\s+)?"
    r"(?:increas|decreas|ris|fell|fall|grew|grow|rose|drop|declin)\w*\s+"
    r"(?:by\s+)?(?:nearly\s+|about\s+|around\s+)?$"
)


# "silicon enterprises in Xinjiang (accounting for 76% of capacity) was 39,840 mt": the sample's
# share of the region's capacity, said before the rate
_CAPACITY_SHARE = re.compile(
    r"\s*of\s+(?:(?:the|their|its)\s+)?(?:(?:total|production|national|regional)\s+)?capacity\b"
)


_PAST_A_RATE = re.compile(
    r"\brates?\s+(?:exceeding|exceeded|surpassing|surpassed|topping|above)\s*$"
)


def _first_rate_number(clause: Clause, folded: str, mention: int, first: int) -> int:
    """Where the rate's numbers start when every percentage before "operating rate" is a
    volume's growth or a share of capacity; else where the first number is."""
    before = [
        (q.start - clause.start, q.end - clause.start)
        for q in clause.quantities
        if q.kind in {Kind.PERCENT, Kind.POINTS} and q.start - clause.start < mention
    ]
    if not all(
        _VOLUME_GROWTH.search(folded[max(0, at - 40) : at]) or _CAPACITY_SHARE.match(folded, end)
        for at, end in before
    ):
        return first
    return min(
        (
            q.start - clause.start
            for q in clause.quantities
            if q.kind in {Kind.PERCENT, Kind.POINTS} and q.start - clause.start > mention
        ),
        default=len(folded),
    )


def _named_at_mention(folded: str, mention: re.Match[str]) -> list[names.Named]:
    """What "operating rate" is said of: the phrase after "of/for/in/at", else the one before."""
    after = _AFTER_MENTION.match(folded, mention.end())
    if after is not None and _A_TIME.match(folded, after.end()):
        after = None  # "the operating rate in the third week after the Chinese New Year"
    found: list[names.Named] = []
    if after is not None:
        groups = _GROUP_LIST.match(folded, after.end())
        if groups is not None:
            # "The average operating rates of large, medium-sized and small enterprises stood at
            # 75.37%, 61.22%, and 32.88% respectively": the survey's size groups, in order
            sizes = re.findall(_SIZE_WORD, groups.group("list"))
            return [names.Named(None, None, names.industry(size).group) for size in sizes]
        text, _ = phrase_after(folded, after.end())
        listed = names.listed_regions(text)
        if listed and not names.known_industries(text):
            # "operating rates in Henan and Jiangsu came in at 57.6% and 58.3% respectively"
            return [names.Named(None, region, None) for region in listed]
        if text:
            known = names.known_industries(text)
            if len(known) > 1:
                region, _ = names.take_region(text)
                return [names.Named(name, region, None, True) for _, _, name in known]
            found = [names.industry(text)]
    before = phrase_before(folded, mention.start())
    if before:
        # "the SMM copper wire and cable enterprise operating rate": a name with "and" in it
        # reaches back past where the phrase stopped.
        window = folded[max(0, mention.start() - 70) : mention.start()]
        spanning = [
            start
            for start, end, _ in names.known_industries(window)
            if end > len(window) - len(before) > start
        ]
        if spanning:
            before = window[spanning[-1] :].strip()
        named_before = names.industry(before)
        has_before = named_before.subject or named_before.region or named_before.group
        if has_before and (not found or found[0].subject is None):
            return [
                names.Named(
                    named_before.subject,
                    (found[0].region if found else None) or named_before.region,
                    (found[0].group if found else None) or named_before.group,
                    named_before.known,
                )
            ]
    return found


def _resolve(
    named: list[names.Named], head: str, context: Context, previous: list[_Owner]
) -> list[_Owner]:
    owners = []
    for item in named:
        subject = item.subject
        if subject is not None and not item.known and _SMELTERS.search(head):
            # "average operating rates at the 20 copper smelters": the metal's own smelters
            subject = names.INDUSTRY_ALIASES.get(f"{subject} smelter", subject)
        if subject is not None and not item.known:
            subject = _in_the_surveys_metal(subject, context) or subject
        if subject is not None and not item.known and not _plausible(subject):
            subject = None
        if subject is None:
            base = _inherited(context, previous, mentioned=True)
            if base is None and context.metal and _SMELTERS.search(head):
                # "the operating rate of smelters in Yunnan" in an article about tin.
                base = _Owner(f"{context.metal} smelting", "China", None)
            if base is None:
                continue
            region = item.region or _region(head) or base.region
            owners.append(_Owner(base.subject, region, item.group or base.group))
            continue
        owners.append(_Owner(subject, item.region or _region(head) or "China", item.group))
    if not owners and not named:
        base = _inherited(context, previous, mentioned=True)
        if base is not None:
            owners.append(_Owner(base.subject, _region(head) or base.region, base.group))
    return _distinct(owners)


def _in_the_surveys_metal(subject: str, context: Context) -> str | None:
    """A product form named without its metal in a survey of one metal's processors ("Rates
    across foil producers are estimated at 87%" in an aluminium flat-rolled survey): the form in
    that metal, when the name table knows it so."""
    headline = context.rate_subject.subject if context.rate_subject is not None else None
    metal = names.base_metal(headline) if headline is not None else context.metal
    if metal is None or metal == headline or subject.startswith(metal):
        return None
    completed = names.industry(f"{metal} {subject}")
    return completed.subject if completed.known else None


_SMELTERS = re.compile(r"\bsmelters?\b")
_THE_RATE_GOES_ON = re.compile(
    r"^\s*(?:,\s*)?(?:and|while|but|so)?\s*(?:the|its|their)\s+(?:weekly\s+)?(?:operating|utili[sz]ation)"
    r"\s+rates?\b"
)
# "a 7.22% increase in operating rate": a change told before the noun it changes
_CHANGE_OF_RATE = (
    r"\s+(?:drop|decline|decrease|fall|rise|increase|gain|jump)\s+in\s+(?:the\s+)?(?:[a-z]+\s+)?"
    r"(?:capacity\s+utili[sz]ation|(?:operating|utili[sz]ation)\s+rates?)\b"
)
_CHANGE_IN_RATE = re.compile(
    r"[\d.]+(?:\s*|-)(?:percentage[\s-]+points?|pp|ppts?|%|per\s*cent)" + _CHANGE_OF_RATE
)
_CHANGE_NOUN_AFTER = re.compile("^" + _CHANGE_OF_RATE)
_OVERALL_RATE = re.compile(
    r"\b(?:in|of)\s+the\s+(?:overall|industry-wide|whole|regional|provincial)(?:\s+industry)?"
    r"(?:\s+weekly)?\s+"
    r"(?:operating|utili[sz]ation)\s+rates?\b"
)
_IMPLAUSIBLE = re.compile(
    r"\b(?:it|this|that|which|these|those|industry|market|overall|rate|week|month|year|survey"
    r"|data|statistics|enterprises|china|domestic|january|february|march|april|may|june|july"
    r"|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov"
    r"|dec|period|quarter|half|h1|h2|q1|q2|q3|q4)\b"
)


def _plausible(subject: str) -> bool:
    """An unknown name taken as an industry: a few words, no pronouns or filler."""
    words = subject.split()
    return (
        0 < len(words) <= 6
        and _IMPLAUSIBLE.search(subject) is None
        and not subject[0].isdigit()
        and subject not in {"large", "small", "medium"}
    )


def _inherited(context: Context, previous: list[_Owner], *, mentioned: bool) -> _Owner | None:
    if previous:
        return previous[-1]
    named = context.rate_subject if mentioned else context.segment or context.rate_subject
    if named is None or named.subject is None:
        return None
    return _Owner(named.subject, named.region or "China", named.group)


def _region(head: str) -> str | None:
    if names.listed_regions(head):
        return None  # "smelters in Jiangsu, Anhui and Henan": the survey's scope, not a region
    found = names.regions(head)
    return found[-1][2] if found else None


def _distinct(owners: list[_Owner]) -> list[_Owner]:
    return list(dict.fromkeys(owners))


# -- what the numbers are --------------------------------------------------------------------------


_RESPECTIVELY = re.compile(r"\s*,?\s*respectively\b")


def _read_clause(
    sentence: Sentence,
    clause: Clause,
    owners: list[_Owner],
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> bool:
    """Read a clause's rates for its owners; whether it held any."""
    whole = sentence.folded
    folded = clause.folded
    clause_end = clause.start + len(folded)
    weekly = is_weekly(whole) or (context.weekly and not _names_month(whole))
    levels: list[tuple[Quantity, bool]] = []
    changes: list[tuple[_Change, bool]] = []
    previous_end = clause.start
    last_sign: int | None = None
    named_after = bool(_trailing_owners(clause, folded))  # "54% for extruders, 58% in ..."
    averaged = _LIST_THEN_AVERAGE.search(folded)
    for quantity in (q for q in clause.quantities if q.kind in {Kind.PERCENT, Kind.POINTS}):
        own_lead = whole[max(clause.start, previous_end) : quantity.start]
        lead = whole[max(clause.start, quantity.start - WINDOW) : quantity.start]
        trail = whole[quantity.end : min(quantity.end + AFTER, clause_end)]
        previous_end = quantity.end
        forecast = _forward(sentence, clause, quantity.start)
        role, why = _role(quantity, lead, trail)
        if role == "level" and _YEAR_AGO_STORY.search(whole, clause.start, quantity.start):
            role, why = "reference", "a year-ago level: not the figure"
        if averaged is not None and quantity.kind is Kind.PERCENT:
            # "with weekly operating rates of 89.5%, 89.2%, 88.1% and 87.6%, averaging 88.6%":
            # the period's figure is the average; the weeks listed before it are its parts
            at = quantity.start - clause.start
            if at == averaged.start("average"):
                role, why = "level", ""
            elif averaged.start() <= at < averaged.start("average"):
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "other",
                    why="one of several rates the sentence averages: the average is the figure",
                )
                continue
        if (
            role in {"other", "change"}
            and levels
            and levels[-1][0].kind is quantity.kind is Kind.PERCENT
            and re.fullmatch(r"\s*(?:,\s*)?(?:and|,)\s*", own_lead)
            and (role == "other" or _RESPECTIVELY.match(trail))
        ):
            # "were 72.3 per cent and 58.9 per cent, respectively" (also before "..., with a
            # slight MoM decline": the list's second level, not a change)
            role = "level"
        if (
            role == "other"
            and quantity.kind is Kind.PERCENT
            and (named_after or _SIZE_GROUP.fullmatch(own_lead.strip()))
        ):
            role = "level"  # "..., mid-sized companies 35.8 per cent"
        if role == "level":
            levels.append((quantity, forecast))
            continue
        if role != "change":
            notes.add(sentence, quantity.start, quantity.end, role, why=why)
            continue
        sign = quantity.sign
        if sign is None and last_sign is not None and _SAME_SIGN.match(own_lead):
            sign = last_sign  # "up 0.30 pp MoM and 3.23 pp YoY"
        if sign is None:
            sign = _sign(own_lead if own_lead.strip() else lead, trail)
        if sign is None:
            notes.add(
                sentence, quantity.start, quantity.end, "change", why="no direction: not guessed"
            )
            continue
        inferred = quantity.kind is Kind.PERCENT
        if inferred and _VOLUME_GROWTH.search(lead[-40:]):
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                why="a volume's growth in %, not the rate's change",
            )
            continue
        if inferred and quantity.value > _MAX_INFERRED:
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                why="a change in % too large for a rate: growth of something else",
            )
            continue
        days_back = _days_back(trail, context.published)
        if days_back is not None and days_back > _WEEK_AND_A_BIT:
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "reference",
                why="a change since a day weeks back: no basis a rule could compare",
            )
            continue
        named = _NAMED_BASIS.search(own_lead)
        written, _ = basis_at(named.group(0), after=False) if named else basis_at(trail, after=True)
        if days_back is not None and written is None:
            written = ChangeBasis.WOW  # "from September 17" in the week to September 24
        if written is None and month_basis(trail, None) is None:
            written, _ = basis_at(whole[clause.start : quantity.start], after=False)
        last_sign = sign
        changes.append((_Change(quantity, sign, written, trail, inferred), forecast))
    # (a capacity band is the owner's name: "smelters with capacity more than 150kt/yr
    # maintained previous operating rates" says nothing of capacity)
    flat = (
        not changes
        and _flat(_size_by_capacity(folded))
        and (bool(levels) or _explicit(clause, context))
    )
    stayed = STAYED.search(folded) is not None
    if not levels and not changes and not flat:
        return False
    for owner, owner_levels, owner_changes in _pair(owners, levels, changes):
        if owner_levels:
            forecast = owner_levels[0][1]
        elif owner_changes:
            forecast = owner_changes[0][1]
        else:
            forecast = _forward(sentence, clause, clause_end)
        told, ends = _own_statement(whole, clause.start)
        outlook = None if forecast else _OUTLOOK_AFTER.search(whole, clause_end, ends)
        if outlook is not None:
            # "rebounded to 66.0%, ..., and a pullback is expected next week": the week of the
            # outlook told after the level is not the level's
            ends = outlook.start()
        period = _month_after(whole, owner_levels, context, forecast) or period_of(
            sentence.text[told:ends],
            _without_earlier_move(without_expectations(whole[told:ends])),
            context.published,
            forecast=forecast,
            weekly=weekly,
            fallback=context.week if weekly else context.month,
        )
        if forecast and context.forecast_month and not weekly and not _names_month(whole):
            period = context.forecast_month  # the month an earlier outlook sentence named
        last = context.last_rate
        if (
            not owner_levels
            and last is not None
            and last.subject == owner.name
            and clause.start == 0
            and _THIS_IS.match(folded)
        ):
            # "This is 13.28 percentage points higher from December 2017": the change of the
            # rate the sentence before told, forecast or not
            forecast, period = last.forecast, last.period
        draft = _draft(drafts, owner, sentence, period, forecast)
        for quantity, _ in owner_levels:
            if draft.value is None:
                draft.value = quantity.value
                if _PAST_A_RATE.search(whole[max(0, quantity.start - 30) : quantity.start]):
                    # "with operating rates exceeding 70%": a line the rate is past, not its
                    # level
                    draft.bound = Bound.ABOVE
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "level",
                    owner=owner.name,
                    emitted=True,
                    why="a level, its industry named",
                )
            else:
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "level",
                    owner=owner.name,
                    why="a second level for one series in one clause: the first is kept",
                )
        for change, _ in owner_changes:
            basis = change.written or month_basis(change.trail, period)
            final = _final_basis(basis, period, weekly)
            quantity = change.quantity
            if final in draft.changes:
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "change",
                    owner=owner.name,
                    why=f"a second {final.value} change: the first is kept",
                )
                continue
            draft.changes[final] = change.sign * quantity.value
            draft.unit_inferred = draft.unit_inferred or change.inferred
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "change",
                owner=owner.name,
                emitted=True,
                why=f"{final.value} change"
                + (" written in %, read as pp" if change.inferred else ""),
            )
        if (flat or (stayed and owner_levels)) and not forecast and not owner_changes:
            final = _final_basis(_flat_basis(folded), period, weekly)
            draft.changes.setdefault(final, Decimal(0))
    return True


_MONTH_AFTER = re.compile(
    r"\s*(?:in|for|during)\s+(?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december)(?:\s+(?:19|20)\d\d)?\b(?!\s+\d{1,2}\b)"  # not "October 8-11"
)


def _month_after(
    whole: str, levels: list[tuple[Quantity, bool]], context: Context, forecast: bool
) -> str | None:
    """ "to 44.0 per cent in October": the month written right after a level is its period,
    whatever other months the sentence names ("from 45.5 per cent in September")."""
    for quantity, _ in levels:
        match = _MONTH_AFTER.match(whole, quantity.end)
        if match is not None:
            return month_period(match.group(0), context.published, forecast=forecast)
    return None


def _explicit(clause: Clause, context: Context) -> bool:
    """A statement with no number ("remained stable") counts only when its clause names the
    rate or the industry itself."""
    folded = clause.folded
    if _MENTION.search(folded):
        return True
    start = opening(folded)
    return bool(_opening_industries(folded, start)) or (
        context.heading is not None and bool(names.known_industries(context.heading)) and start < 3
    )


def _names_month(folded: str) -> bool:
    return (
        re.search(
            r"\b(?:in|during)\s+(?:january|february|march|april|may|june|july|august|september"
            r"|october|november|december)\b",
            folded,
        )
        is not None
    )


def _forward(sentence: Sentence, clause: Clause, position: int) -> bool:
    end = clause.start + len(clause.folded)
    if looks_forward(sentence.text[clause.start : end], clause.folded, position - clause.start):
        return True
    # "SMM expects the rate to rebound to 68.73% in November, up 4.26 percentage points MoM,
    # but still down 0.31 percentage points YoY": a bare change carrying on the forecast before
    return (
        clause.start > 0
        and _CARRIED_CHANGE.match(clause.folded) is not None
        and looks_forward(
            sentence.text[: clause.start], sentence.folded[: clause.start], clause.start
        )
    )


# "rates dipped 1.36 percentage point after an increase of 4.2 percentage points in October":
# the month before's move, whose month is not the change's
_EARLIER_MOVE = re.compile(
    r",?\s+after\s+(?:an?\s+)?(?:increase|rise|gain|decline|drop|fall|decrease)\s+of\s+[\d.]+"
    rf"\s+percentage\s+points?\s+in\s+(?:{FULL_MONTH_NAMES})\b"
)


def _without_earlier_move(folded: str) -> str:
    """The text with a month-before's move ("after an increase of ... in October") blanked."""
    return _EARLIER_MOVE.sub(lambda m: " " * len(m.group(0)), folded)


_THIS_IS = re.compile(
    r"\s*(?:this|that)\s+(?:is|was|would\s+be|will\s+be)\s+[\d.]+\s+percentage\s+points?\b"
)


_CARRIED_CHANGE = re.compile(
    r"\s*(?:(?:but|and|while)\s+)?still\s+(?:up|down)\b|\s*(?:but|and|while)\s+(?:up|down)\b"
)


# ", and a pullback is expected next week as stockpiling completes": an outlook clause after a
# level, with a period of its own
_OUTLOOK_AFTER = re.compile(
    r"[,;]\s*(?:(?:but|and|while)\s+)+(?:[a-z-]+\s+){0,4}(?:is|are)\s+(?:expected|projected|likely)\b"
)


# "Last week, ...", "In March ...", "This week ...": a sentence that opens on its period
_OPENS_ON_A_PERIOD = re.compile(
    r"^\s*(?:last|this|next|in|during|over|as\s+of|from|between|for\s+the)\b"
)


def _own_statement(whole: str, clause_start: int) -> tuple[int, int]:
    """Where the statement holding a clause starts and ends: between the semicolons around it,
    unless the sentence opens on its period ("Henan Jinli bought little feed last week and ran on
    its stockpile; Henan's rate fell to 62.6%": last week is when the feed was bought, not the
    survey's week; "... was stable as they worked through stocks; wheel plants should reach
    pre-holiday levels this week": this week is the plants' forecast)."""
    if _OPENS_ON_A_PERIOD.match(without_dateline(whole).lstrip(" –-")):
        return 0, len(whole)
    cut = whole.rfind(";", 0, clause_start)
    ends = whole.find(";", clause_start)
    return cut + 1, len(whole) if ends < 0 else ends


def _final_basis(basis: ChangeBasis | None, period: str | None, weekly: bool) -> ChangeBasis:
    in_weeks = weekly if period is None else "-W" in period
    if basis is None:
        return ChangeBasis.WOW if in_weeks else ChangeBasis.MOM
    if basis is ChangeBasis.MOM and in_weeks:
        return ChangeBasis.WOW  # SMM's "MoM" in a weekly survey means the previous week
    return basis


def _flat_basis(folded: str) -> ChangeBasis | None:
    match = FLAT.search(folded)
    if match is None:
        return None
    basis, _ = basis_at(folded[match.end() : match.end() + 50], after=True)
    return basis


def _flat(folded: str) -> bool:
    if not FLAT.mentioned(folded):
        return False
    match = FLAT.search(folded)
    if match is None or folded.startswith(" out", match.end()):
        return False  # "kept running flat out": at full load, not unchanged
    if match.group(0) == "the same" and re.match(
        r"\s+(?:period|time|day|week|month|year|way|region|sample)\b", folded[match.end() :]
    ):
        return False  # "During the same period, the operating rate in Jiangxi was 40.19%"
    before = folded[: match.start()]
    return not _foreign_before(before[-40:]) and not _PRICE_WORDS.search(before[-40:])


_DECLINE_NOUNS = frozenset({"decline", "drop", "fall", "decrease"})
_MOVE_RESIZED_TO = re.compile(
    r"\b(?P<move>decline|drop|fall|decrease|rise|increase|gain)s?\s+(?:further\s+)?"
    r"(?:widen(?:ed|ing|s)?|expand(?:ed|ing|s)?|deepen(?:ed|ing|s)?|narrow(?:ed|ing|s)?"
    r"|shr[iau]nk(?:ing|s)?)\s+(?:further\s+)?to\s*$"
)


def _sign(lead: str, trail: str) -> int | None:
    # "lost more than expected, by 4.31 percentage points": the miss's words are no direction
    lead = _THAN_EXPECTED.sub(" ", lead)
    after = re.match(
        r"\s*(?:(?:wow|mom|yoy|w-o-w|m-o-m|y-o-y|week-on-week|month-on-month|year-on-year)\s*)?"
        r"(lower|higher|less|more|down|up|above|below"
        # "a slight 0.6 pp drop in the overall industry operating rate"
        r"|drop|decline|decrease|fall|dip|rise|increase|gain|rebound|jump)\b",
        trail,
    )
    if after is not None:
        rising = {"higher", "more", "up", "above", "rise", "increase", "gain", "rebound", "jump"}
        return 1 if after.group(1) in rising else -1
    resized = _MOVE_RESIZED_TO.search(lead[-60:])
    if resized is not None:
        # "with the YoY decline further widening to 26.09 percentage points": a decline's new
        # size, whichever way the size went
        return -1 if resized.group("move") in _DECLINE_NOUNS else 1
    sign = direction(lead[-50:])
    if sign is None and re.search(r"\bby\s*$", lead):
        # "lifted the average rate across Anhui's smelters by 17.1 percentage points"
        sign = direction(lead[-90:])
    return sign


# "nearly 10 percentage points lower than at the beginning of the year"; "down by approximately
# 15 percentage points compared to the beginning of the year"
_SINCE_A_POINT = re.compile(
    r"^\s*(?:(?:lower|higher|up|down|more|less)\s+)?(?:than|compared\s+(?:to|with)|from|since|below"
    r"|above)\s+"
    r"(?:at\s+)?the\s+(?:beginning|start|end)\s+of\s+(?:the\s+|this\s+|last\s+)?"
    r"(?:year|month|quarter)\b"
)
# "up 4.6 percentage points from February 5", "decreased 0.22 percentage point from September 17":
# a change since a dated day, a week back (the survey's own basis) or more (no basis to carry)
_FROM_DAY = re.compile(
    r"^\s*(?:from|since|compared\s+(?:to|with))\s+(?P<month>january|february|march|april|may|june"
    r"|july|august|september|october|november|december)\s+(?P<day>\d{1,2})\b"
)
_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        "january february march april may june july august september october november"
        " december".split(),
        start=1,
    )
}


def _days_back(trail: str, published: date | None) -> int | None:
    """How many days before publication the day a change is told from was."""
    match = _FROM_DAY.match(trail)
    if match is None or published is None:
        return None
    month, day = _MONTH_NUMBERS[match.group("month")], int(match.group("day"))
    for year in (published.year, published.year - 1):
        try:
            then = date(year, month, day)
        except ValueError:
            return None
        if then <= published:
            return (published - then).days
    return None


_THAN_EXPECTED = re.compile(
    r"\b(?:more|less|higher|lower|better|worse|faster|slower)\s+than\s+(?:expected|forecast"
    r"|anticipated|predicted)\b"
)


_MORE_THAN_BEFORE = re.compile(
    r"^\s*(?:(?:higher|lower|more|less|up|down)\s+than"
    # "Industrial profile makers ... ran about 8% above a year earlier"
    r"|above|below)\s+(?:the\s+)?(?:previous|prior|last|a)\s+(?:month|week|year)\b"
)


_RUN_OF_PERIODS = re.compile(r"^\s*for\s+(?:the\s+)?(?:[a-z0-9]+\s+){0,2}(?:months?|weeks?)\b")


# "(the operating rate in January last year was 56.74%)": the level a year ago
_YEAR_AGO_LEAD = re.compile(
    r"\b(?:last\s+year|a\s+year\s+(?:ago|earlier)|the\s+same\s+(?:period|month|week)\s+last\s+year)"
    r"(?:'s)?[^%;]{0,25}?\b(?:was|stood\s+at|at|of)\s*$"
)
# "because last year's pullback from the highs had released demand and lifted the operating rate
# as high as 91.5%": what the rate was a year ago, told as the reason for the yearly gap
_YEAR_AGO_STORY = re.compile(
    r"\blast\s+year(?:'s)?\s[^.;%]{0,80}?\boperating\s+rates?\s+"
    r"(?:as\s+(?:high|low)\s+as|to|of|at)\s*$"
)  # (read over the clause up to the rate: the story runs longer than a lead's window)
# "The operating rate was 68.96% in April last year."
_YEAR_AGO_TRAIL = re.compile(r"^\s*in\s+[a-z]+\s+(?:of\s+)?last\s+year\b")
# "increased by 11.97 percentage points MoM compared to February 2024 on a lunar calendar basis"
_AGAINST_ANOTHER_MONTH = re.compile(
    r"^\s*(?:(?:mom|yoy|wow)\s+)?(?:compared\s+(?:to|with)|against|versus)\s+"
    r"(?:the\s+same\s+[a-z]+\s+of\s+)?[a-z]+\s+(?:19|20)\d\d\b"
    r"|^[^.;]{0,40}\blunar\s+calendar\b"
)


_EXPECTATION_BY = re.compile(rf"(?<![\w-]){EXPECTATION.alternation}\s+by\s*$")


def _role(quantity: Quantity, lead: str, trail: str) -> tuple[str, str]:
    """What a % or pp number is: level, change, reference, expectation or other."""
    if _SIZE_OF_A_CUT.search(lead[-50:]):
        # "large galvanisers in Tianjin faced cuts of up to 50%": how much output a rule took
        # away, not a rate
        return "other", "the size of a cut or restriction, not a rate"
    if quantity.is_range:
        # "production line operating rates mostly at 60-70%", "raised operating rates by
        # 10-20%": several firms' numbers, not one rate
        return "other", "a range of rates (several firms): not one figure"
    if EXPECTATION.mentioned(trail[:45]):
        match = EXPECTATION.search(trail[:45])
        if (
            match is not None
            and match.start() < 30
            # "down ... 24.16 percentage points YoY, falling short of expectations by 2.96": a
            # change that names its own basis first is the year's, the distance comes after
            and not any(basis.search(trail[: match.start()]) for basis in BASES)
        ):
            return "expectation", "how far a result was from an expectation: not a figure"
    if EXPECTATION.mentioned(lead[-45:]) and _EXPECTATION_BY.search(lead[-45:]):
        # "..., falling short of expectations by 2.96 percentage points"
        return "expectation", "how far a result was from an expectation: not a figure"
    if re.search(r"\b(?:above|over|below|under)\s*$", lead) and _RUN_OF_PERIODS.match(trail):
        # "The average operating rate has been over 75% for fourth straight month"
        return "other", "a line the rate stayed beyond for a run of months: not a level"
    if quantity.kind is Kind.PERCENT and re.search(
        r"\b(?:were|was|is|are|stood|remained|stayed|kept|ran|run|runs|running|operated)\s+"
        r"(?:above|over|below|under|more\s+than|less\s+than)\s*$",
        lead,
    ):
        # "Operating rate at large stainless steel mills were above 85%": a line the rate is
        # beyond, not its level
        return "other", "a line the rate stood beyond: not a level"
    if quantity.kind is Kind.POINTS and _SINCE_A_POINT.match(trail):
        return (
            "reference",
            "a change since a dated point (the start of the year): no basis to carry",
        )
    if quantity.kind is Kind.POINTS and _AGAINST_ANOTHER_MONTH.match(trail):
        return (
            "reference",
            "a change against a month the basis does not name (a lunar-calendar comparison)",
        )
    if quantity.kind is Kind.POINTS:
        return "change", ""
    if _REFERENCE_LEAD.search(lead[-30:]) and not _SURVEY_RAN_AT_LEAD.search(lead):
        return "reference", "a value compared with, not the figure"
    if _YEAR_AGO_LEAD.search(lead[-60:]) or _YEAR_AGO_TRAIL.match(trail):
        return "reference", "a year-ago level: not the figure"
    if _OF_WHAT.match(trail) and not (
        _OF_CAPACITY.match(trail) and re.search(r"\b(?:run|ran|runs|running|operated)\s+at", lead)
    ):
        return "other", "a share of firms or output, not a rate"
    basis, _ = basis_at(trail, after=True)
    stripped = re.sub(r"\s+(?:just|only)$", "", lead.rstrip())
    if _CHANGE_NOUN.search(stripped[-30:]):
        return "change", ""
    bare = _ADVERBS.sub("", stripped).rstrip()
    if direction(bare[-14:]) is not None and re.search(r"(?:\bto|\bat)\s*$", bare) is None:
        return "change", ""
    if basis is not None and not _LEVEL_LEAD.search(stripped):
        return "change", ""
    if _MORE_THAN_BEFORE.match(trail) or _CHANGE_NOUN_AFTER.match(trail):
        return "change", ""  # "61.42%, 1.34% higher than the previous month"
    if _LEVEL_LEAD.search(stripped) or stripped.endswith(("rate", "rates", ",")) or not stripped:
        return "level", ""
    if re.search(r"\b(?:operating|utili[sz]ation)\s+rates?\b[^%]{0,40}$", stripped):
        return "level", ""
    if _SIZE_GROUP.search(stripped[-40:]) and re.search(
        r"\b(?:enterprises|smelters|plants|producers|companies|firms|factories|mills|refineries"
        r"|makers|manufacturers)\s*$",
        stripped,
    ):
        return "level", ""  # "..., for medium-sized enterprises 52.78%": the verb left out
    return "other", "no level or change wording before it"


def _pair(
    owners: list[_Owner],
    levels: list[tuple[Quantity, bool]],
    changes: list[tuple[_Change, bool]],
) -> list[tuple[_Owner, list[tuple[Quantity, bool]], list[tuple[_Change, bool]]]]:
    """Give each owner its numbers: one owner takes them all; several owners with as many
    levels (or changes) as owners take them in order ("A and B were 52.1% and 70.3%")."""
    if len(owners) == 1:
        return [(owners[0], levels, changes)]
    if levels and len(levels) == len(owners):
        return [(owner, [level], []) for owner, level in zip(owners, levels, strict=True)]
    if changes and len(changes) == len(owners) and not levels:
        return [(owner, [], [change]) for owner, change in zip(owners, changes, strict=True)]
    if not levels and not changes:
        return [(owner, [], []) for owner in owners]
    return [(owners[-1], levels, changes)]


def _draft(
    drafts: dict[tuple[object, ...], Draft],
    owner: _Owner,
    sentence: Sentence,
    period: str | None,
    forecast: bool,
) -> Draft:
    key = (owner.name, owner.region, period, forecast)
    draft = drafts.get(key)
    if draft is None:
        draft = Draft(
            metric=Metric.OPERATING_RATE,
            subject=owner.name,
            unit="%",
            sentence=sentence,
            region=owner.region,
            period=period,
            forecast=forecast,
        )
        drafts[key] = draft
    return draft


_SIZE_QUALIFIER = re.compile(r" \((?:large|medium|small|small and medium) enterprises\)$")


def learn(drafts: list[Draft], context: Context) -> None:
    """What this sentence's figures teach about the rest of the article."""
    for draft in drafts:
        # an article that opens on a forecast rate is a rate survey too ("Operating rates ... are
        # likely to increase to 56% in September. Producers operated at 51.7% in August"), but
        # a forecast does not name the survey's subject
        first = not context.rates_seen
        context.rates_seen = True
        context.last_rate = draft
        if draft.forecast:
            continue
        subject = _SIZE_QUALIFIER.sub("", draft.subject)  # the survey's, not one size group's
        title = context.rate_subject.subject if context.rate_subject is not None else None
        if title is None or (first and subject.startswith(f"{title} (")):
            # (a title's "Steel mills' operating rates" before the body's first rate, "at 110
            # blast furnace-based steel mills": the survey is the narrower one)
            context.rate_subject = names.Named(subject, None, None, True)
        context.segment = names.Named(subject, None, None, True)
        if draft.period and "-W" in draft.period:
            if context.week is None:
                context.week = draft.period
            context.weekly = True
        elif draft.period and context.month is None:
            context.month = draft.period


_SURVEY_WEEK = re.compile(r"\b(last|this)\s+week\b")
_CLOSING_MONTH = re.compile(
    r"\bin\s+(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)\s*[.!]?\s*$"
)
_OPENING_MONTH = re.compile(
    r"^\W*in\s+(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)(?:\s+\d{4})?\s*,"
)


# "alumina output stood at 6.72 million mt in January (31 days)": a monthly report's month
_MONTH_DAYS = re.compile(
    r"\bin\s+(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)(?:\s+\d{4})?\s*\(\s*\d{2}\s+days\s*\)"
    # "Total output in November was 326.8 kt": a monthly survey's output line
    r"|^\W*(?:total\s+)?(?:output|production)\s+in\s+(?:january|february|march|april|may|june"
    r"|july|august|september|october|november|december)(?:\s+\d{4})?\s+(?:was|stood|reached)\b"
    # "SMM surveyed on the production in September of 23 major domestic galvanizing
    # enterprises": the month the survey covers
    rf"|\bsurveyed\s+(?:on\s+)?(?:the\s+)?(?:production|output|operations)\s+in\s+(?:{FULL_MONTH_NAMES})\b"
)


def learn_opening_month(sentence: Sentence, context: Context) -> None:
    """A monthly report that opens "In September 2025, ...": the month its later figures are
    about when they name none ("The domestic refined nickel enterprise operating rate was 66%")."""
    if context.month is not None or context.weekly or context.published is None:
        return
    opening = (
        _OPENING_MONTH.match(without_dateline(sentence.folded))
        or _MONTH_DAYS.search(sentence.folded)
        # "Primary aluminium billet plants ran worse than expected in January.": a sentence
        # with no figure that closes on the month
        # (not one that closes on the month it looks forward to: "the start-up rate fell in June
        # ... and will struggle to recover in July")
        or (
            None
            if re.search(r"\d", sentence.folded)
            or looks_forward(sentence.text, sentence.folded, len(sentence.folded))
            else _CLOSING_MONTH.search(sentence.folded)
        )
    )
    if opening is not None:
        context.month = month_period(opening.group(0), context.published, forecast=False)


def learn_survey_week(folded_body: str, context: Context) -> None:
    """A weekly survey that gives its rate without a period and names its week only in passing
    ("fell 10.6 percentage points to 46.72%. ... raw material stocks fell last week"): the week
    it is about. Only when the text names one week and no month."""
    if context.weekly or context.published is None or "operating rate" not in folded_body:
        return
    if "month" in folded_body or month_period(folded_body, context.published, forecast=False):
        return
    said = {match.group(1) for match in _SURVEY_WEEK.finditer(folded_body)}
    if len(said) != 1:
        return
    week = publication_week(context.published)
    context.week = shift_week(week, -1) if said == {"last"} else week
    context.weekly = True


_PRICES_SURVEYED = re.compile(r"\bprices?\b")


def learn_from_words(sentence: Sentence, context: Context) -> None:
    """A sentence with no figure can still say what the survey is about and when ("Last week,
    an SMM survey covered ... copper rod makers")."""
    folded = sentence.folded
    mentioned = _MENTION.search(folded) is not None
    if "survey" not in folded and not mentioned:
        return
    if not mentioned and _PRICES_SURVEYED.search(folded):
        return  # "SMM surveys found export order prices mostly lower": a price survey
    found = {name for *_, name in names.known_industries(folded)}
    if len(found) == 1:
        context.rates_seen = True
        if context.rate_subject is None:
            context.rate_subject = names.Named(found.pop(), None, None, True)
    if looks_forward(sentence.text, folded, len(folded)):
        # "Operating rates will extend July's declines in August": the month forecast next.
        month = month_period(folded, context.published, forecast=True)
        if month is not None:
            context.forecast_month = month
    if context.week is None and "week" in folded:
        week = period_of(
            sentence.text, folded, context.published, forecast=False, weekly=True, fallback=None
        )
        if week is not None and "-W" in week and ("last week" in folded or "this week" in folded):
            context.week = week
            context.weekly = True
