"""Prices per tonne: levels, ranges with their average, stated changes, thresholds.

Each money amount in a clause is given an owner: the product named nearest before it (a grade
or form stays a qualifier: ``aluminium scrap (baled ubc)``), else the product the clause's
"price" is said of, else the paragraph's heading, else the product the article last quoted. The
market it is quoted in (a province, a port, FOB/CIF, SHFE, the LME) comes from the clause. Of a
futures session only the close is a figure; opening, high and low prices, bids and offers are
read and set aside. A clause about the difference between two prices is read by ``spreads``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise

from scrapers.extract import metrics, names
from scrapers.extract.bonded import (
    read_bonded_average,
    read_bonded_premiums,
    read_older_bonded_premiums,
    read_one_bonded_premium,
)
from scrapers.extract.document import Clause, Context, PairedPrice
from scrapers.extract.drafts import Draft, Notes
from scrapers.extract.lexicon import (
    CLOSE,
    DOD,
    DOWN,
    EXPECTATION,
    FLAT,
    FOREIGN,
    FUTURES,
    INTRADAY,
    UP,
)
from scrapers.extract.periods import MONTH_NAMES, days_back_to, told_for_an_earlier_day
from scrapers.extract.quantities import Kind, Quantity, to_decimal
from scrapers.extract.quantities import read as read_quantities
from scrapers.extract.quoting import (
    _AVERAGE,
    _CHANGE_NOUN,
    _FELL_PAST,
    _LATER,
    _MONTHS,
    _NOUN_BASES,
    _ONCE,
    _PAREN,
    _REFERENCE,
    _WHY,
    FAILED_TO_HOLD,
    _basis,
    _bound,
    _draft,
    _flat_basis,
    _forward,
    _held,
    _normalise_product,
    _Owner,
    _price_period,
    _with_qualifier,
    money_of,
)
from scrapers.extract.reading import AFTER, basis_at, direction, tail_of, without_dateline
from scrapers.extract.spreads import (
    _NOT_A_SPREAD,
    _SCRAP_SPREADS,
    _is_spread,
    _read_import_window,
    _read_parity,
    _read_premium_list,
    _read_scrap_spreads,
    _read_spread,
)
from scrapers.extract.text import Sentence, has_digit
from scrapers.models import Bound, ChangeBasis, Metric, PriceChange

CUES = (
    "yuan",
    "rmb",
    "cny",
    "usd",
    "$",
    "price",
    "pricing",  # "a 91.2 per cent gain in the average pricing of alumina Y-o-Y"
    "/mt",
    "/t",
    "tonne",
    "per ton",
    "premium",
    "discount",
    "spread",
    # "SMMA00 was on par with the SHFE aluminum 2505 contract": a premium of nothing
    "parity",
    "on par",
)

# a clause that is only a move, its subject the clause before's: "but still down 1.3% for the week"
_LONE_MOVE = re.compile(r"^\W*(?:but\s+|and\s+)?(?:still\s+)?(?:down|up|off)\s+[\d.]+\s*%")

_EXCHANGE_METAL_MOVED = re.compile(
    r"\b(?:lme|shfe|comex)\s+(?:copper|alumini?um|zinc|lead|nickel|tin)\s+(?:settled|closed|ended"
    r"|finished|rose|fell|gained|lost|climbed|dropped|slid|jumped|declined)\s+(?:up\s+|down\s+)?"
    r"[\d.]+\s*%"
)

# What moves a contract told of as "it": "... pushed it to $1,991/mt", "... lifted it late in the
# week to close at"
_MOVED_IT = "lifted|pushed|drove|sent|dragged"

_PRICE_WORD = re.compile(r"\b(?:prices?|pricing\s+of|quot(?:e|es|ed|ations?)|offers?)\b")

# AL Circle's "If we consider the LME aluminium price on August 16, which was US$2,089 per tonne,
# ... a Week-on-Week surge of US$32.50": the earlier value the change is told against
_CONSIDERED_THEN = re.compile(
    r"(?:\b(?:if\s+we\s+consider|considering|compared\s+(?:with|to))\b"
    # "If the aluminium price on October 20 is considered, which was US$2,152 per tonne"
    r"|\bif\s+the\b[^.;]{0,80}\bis\s+considered\b)[^.;]{0,100}"
    r"\bwhich\s+(?:was|stood\s+at)\s*(?:us\$|\$|rmb)?\s*$"
)

# ... "The settlement marked a 55 yuan/mt or 0.28% increase from the previous trading day":
# the close just told
_CONTINUES = re.compile(
    r"^\s*(?:this|which|that|it|the\s+(?:settlement|close))\s+(?:represented|was|marked|meant|is)\b"
    r"(?!\s+(?:expected|likely|projected|estimated|forecast|believed|reported))"
    # "This suggests that the price has grown by RMB 70 per tonne today."
    r"|^\s*(?:this|which)\s+(?:suggests|means|shows|indicates)\s+(?:that\s+)?(?:the\s+)?price\b"
    # "... 97% fluorite powder is 3,325 yuan/mt. Prices have remained weak this week, down 1.25%
    # MoM": the week's move of the price just told
    r"|^\s*(?:this\s+week,\s*)?prices\s+(?:have\s+)?(?:remained|continued|stayed|kept)\b"
    r"(?=[^.;\d]{0,40}\b(?:down|up|declining|rising|falling|dropping)\s+(?:by\s+)?[\d.]+\s*%)"
)

_CONVERTED = re.compile(
    r"\b(?:translat(?:ing|es|ed)|works?\s+out|equivalent|convert(?:s|ed|ing)?|comes?\s+to)\b"
)

_TONNES_AT = re.compile(r"\b[\d,.]+\s*(?:mt|tonnes?|tons?)\s+at\s*(?:\$|usd|us\$|rmb)?\s*\d")

_SO_FAR = re.compile(
    r"\bso\s+far\b|\bto\s+date\b|\byear-to-date\b|\bsince\s+the\s+(?:beginning|start)\s+of\b"
)

# A tender or auction, or one mill's own buying price ("a steel mill in south China raised its
# tax-inclusive purchase price for 304 stainless steel scrap molten steel to 10,000 yuan/mt"):
# one buyer's deal, not a market quote
# "8,100-8,300 yuan/mt (50% metal content), down 50 yuan/mt (50% metal content) MoM": the
# basis a ferroalloy is priced on, between a price and the words about it
# A note right after an amount that says nothing of the change or its basis: a content note
# ("(45% content)"), or the day the quote is for ("unchanged at 126,000-131,000 yuan/mt as of
# Friday May 18, compared to the Friday before").
_AMOUNT_NOTE = re.compile(
    r"\s*\(\s*[\d.]+\s*%\s*(?:metal\s+)?content\s*\)"
    # "dropped by RMB 31 per tonne (USD 4.4 per tonne) or 1 per cent from a week earlier": the
    # amount converted into dollars
    r"|\s*\(\s*(?:usd|us\$|\$)\s*[\d.,]+\s*(?:per\s+(?:metric\s+)?tonne|/\s*t(?:onne)?)?\s*\)"
    r"|\s*as\s+of\s+(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+)?"
    rf"(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
)


def _without_amount_note(trail: str) -> str:
    """The words after an amount with its note blanked out (offsets kept)."""
    note = _AMOUNT_NOTE.match(trail)
    return trail if note is None else " " * note.end() + trail[note.end() :]


# "CIF quotes at $750/mt and above", "SC6 quoted at CIF $630/mt and above": sellers' floors
_OPEN_ENDED = re.compile(
    r"^\s*(?:yuan\s*)?(?:/\s*(?:mt|t|ton|tonne)\s*)?(?:or|and)\s+(?:more|above|higher)\b"
)
_LOTS_BEYOND = re.compile(
    r"\b(?:resources|cargoes|cargo|lots|goods|supplies)\s+(?:priced\s+)?(?:higher|lower|more|less)"
    r"\s+than\s*$"
    # "weak willingness to purchase lithium ore priced above CIF $730/mt": goods at a price, not
    # the market's; "a few traded prices heard below 126,000 yuan/mt": single deals
    r"|\bpriced\s+(?:above|below|over|under)(?:\s+(?:cif|fob))?\s*(?:rmb|us\$|\$)?\s*$"
    # "their acceptance of offers above CIF USD 630/mt was limited": offers beyond a line
    r"|\boffers?\s+(?:above|below|over|under)(?:\s+(?:cif|fob))?\s*(?:usd|rmb|us\$|\$)?\s*$"
    # "with quotes at or above $630/mt": sellers' floors
    r"|\bat\s+or\s+(?:above|below|over|under)(?:\s+(?:cif|fob))?\s*(?:rmb|us\$|\$)?\s*$"
    # (where most deals were heard, "Most transactions ... were heard at", is the market's)
    r"|\bheard\s+(?:below|above)(?:\s+(?:cif|fob))?\s*(?:rmb|us\$|\$)?\s*$"
    # "export order prices mostly increased, with adjustments in the range of $10-25/mt": how
    # far several orders moved, not a price
    r"|\b(?:adjustments?|declines?|increases?)\s+(?:were\s+)?(?:concentrated\s+)?"
    r"(?:around|in\s+the\s+range\s+of|within|between)\s*(?:usd|rmb|us\$|\$)?\s*$"
)
_SELLING_LINE = re.compile(
    r"\b(?:shipping|selling|sales)\s+prices?\s+of\s+(?:less|lower|more|higher)\s+than\s*$"
)
_AT_ITS_PEAK = re.compile(
    r"^\s*(?:/\s*mt\s*)?at\s+(?:its|the|one)\s+(?:peak|high|highest|low|lowest|point)\b"
)

_LAST_WEEK_OPENS = re.compile(r"^\s*last\s+week\s*,")

_THAT_AGAIN = re.compile(
    r"^\s*,?\s*(?:while|whereas|and|but)?\s*that\s+(?:of|using|made|produced|from|for|with|based)\b"
)

# An amount per unit of an ore's metal content ("yuan/mtu", "yuan per metric ton unit")
_PER_UNIT_OF_METAL = re.compile(r"(?:/|\bper\s)\s*(?:d?mtu|metric\s+tonn?e?\s+unit)\b")
_AFTER_A_QUOTE_PER_UNIT = re.compile(
    r"(?:/|\bper\s)\s*(?:d?mtu|metric\s+tonn?e?\s+unit|kg|kilogram)\s*\(\s*$"
    # "Nalco's prices stand at INR 218,050 per tonne (US$2,622 per tonne)": a price in money no
    # figure is kept in, converted
    r"|(?:\b(?:inr|rs\.?|rupees?|eur|gbp|jpy|yen)|[€£])\s*[\d,.]+\s*(?:per\s+tonne|/\s*t)?\s*\(\s*$"
)

_NEXT_ITEM_OPENS = re.compile(r"(?:;|,\s*and)\s*$")
_AMOUNT_ALONE = re.compile(
    r"^\W*(?:rmb\s*)?[\d,.]+\s*(?:yuan|rmb)?\s*(?:/\s*mt\s*)?(?:below|above|lower|higher)\b"
)

_TENDER = re.compile(
    r"\b(?:tender(?:s|ed)?|auctions?|auctioned)\b"
    # a mill's tender told in its own terms: "The tax-inclusive factory acceptance price is set
    # at 7,800-8,000 yuan/mt (50% metal content)"
    r"|\bfactory\s+acceptance\s+pric(?:e|es|ing)\b"
    r"|\b(?:a|one|the)\s+(?:steel\s+)?mill\b[^.;]{0,60}?\b(?:purchase|purchasing|procurement)"
    r"\s+prices?\b"
    # one firm's own prices: "the guidance price for Jiangxi Tungsten Industry Holding Group's
    # ... wolframite concentrate", "Chongyi Zhangyuan's long-term contract procurement prices",
    # "A tungsten enterprise in Xiamen announced its APT procurement price"
    r"|\bguidance\s+prices?\b|\blong-term\s+contract\s+(?:procurement\s+|purchase\s+)?prices?\b"
    # "The big producers cut their contract prices by 10,000 yuan/mt": sellers' own contracts,
    # not an exchange's
    r"|\b(?:its|their)\s+(?:[a-z]+\s+){0,2}contract\s+prices?\b"
    r"|\b(?:its|their)\s+(?:[a-z]+\s+)?(?:procurement|purchase|purchasing)\s+prices?\b"
    # "a large alumina refinery in Shandong adjusted the purchase price of 32 per cent ionic
    # membrane liquid caustic soda": one buyer's own bid for its raw material
    r"|\b(?:refinery|smelter|plant|mill)\b[^.;]{0,40}?\b(?:adjusted|raised|lowered|cut)\s+the\s+"
    r"(?:procurement|purchase|purchasing)\s+prices?\b"
    # "Codelco plans to increase the copper surcharge for the European market to $345/mt in
    # 2026": a producer's premium for next year's contracts, not a market's price
    r"|\b(?:[a-z]+\s+)?surcharges?\b"
    # an aluminium smelter's monthly price for its anodes or aluminium fluoride: "the March 2025
    # procurement benchmark price of a certain aluminum smelter in Shandong", "Weiqiao cut its
    # benchmark purchasing prices for prebaked anode", "the procurement base price", "Prebaked
    # anode benchmark price has been lowered for four consecutive months"
    r"|\b(?:procurement|purchas(?:e|ing))\s+(?:benchmark|base)\s+prices?\b"
    r"|\bbenchmark\s+(?:procurement|purchas(?:e|ing))\s+prices?\b"
    r"|\bbenchmark\s+prices?\s+for\s+(?:[a-z-]+\s+){0,3}purchases\b"
    r"|\bbenchmark\s+prices?\s+(?:has|have|had|was|were)\s+(?:been\s+)?"
    r"(?:lowered|raised|cut|set|adjusted)\b"
    # ... and one seller's own price: "another major domestic anode supplier lifted its March
    # sales price by 1,381 yuan/mt"; "In June the company raised prices ..."
    r"|\b(?:a|an|another|one|the)\s+(?:[a-z-]+\s+){0,4}(?:supplier|seller|company|enterprise"
    r"|smelter)\b[^.;]{0,60}?\bits\s+(?:[a-z]+\s+){0,2}(?:(?:sales|selling)\s+)?prices?\b"
    r"|\bthe\s+company\s+(?:raised|lowered|cut|lifted)\s+(?:its\s+)?prices?\b"
)

_DEAL = re.compile(
    r"\b(?:traded|transacted|sold|bought|concluded|deals?\s+(?:were|was|for))\b"
    # "suppliers quoted mainstream premiums around 160 yuan/mt, with deals later at 100-120"
    r"|\bdeals?\s+later\s+at\b"
    # "30,000 tonnes went at USD 538 per tonne FOB Western Australia"
    r"|\bwent\s+at\b|\bchanged\s+hands\b"
    r"|\b(?:was|were)\s+done\s+at\b"  # "A deal for 30,000 mt of alumina was done at $342/mt"
    # "Shanxi saw spot alumina transactions of 2,000 mt at a transaction price of 4,850 yuan/mt"
    r"|\btransactions?\s+of\s+[\d,.]+\s*(?:mt|tonnes?|tons?)\b"
)

# For a spot quote only a session's words make a price intraday; "traded between X and Y" is
# the day's range.
_SESSION = re.compile(
    r"\b(?:opened|opening|open)(?:\s+(?:higher|lower|flat))?(?:\s+at)?\s*(?:rmb|usd|\$)?\s*$"
    r"|\b(?:after\s+)?start(?:ed|ing)\s+(?:(?:slightly\s+)?(?:higher|lower)\s+)?at\s*(?:rmb|usd|\$)?\s*$"
    # "LME lead started Tuesday at USD 1,879/mt", "... started last Friday at USD 2,083/mt"
    r"|\b(?:opened|started)\s+(?:last\s+)?(?:mon|tues|wednes|thurs|fri)day\s+at\s*(?:rmb|usd|\$)?\s*$"
    # "gapped lower at the open to 24,190 yuan/mt"
    r"|\bat\s+the\s+open(?:ing)?\s+(?:to|at)\s*(?:rmb|usd|\$)?\s*$"
    # (and "rose to a maximum of 8,500 yuan/mt and a minimum of 8,045", "hitting a peak above")
    # ("It hit a bottom of 21,860 yuan/mt during the day and finally closed at 21,915")
    r"|\b(?:a\s+)?(?:new\s+|intraday\s+)?(?:high|low|maximum|minimum|peak|trough|bottom)"
    r"(?:\s+point)?"
    r"(?:\s+since\s+[a-z\s]+)?\s+(?:of|at|above|below)(?:\s+(?:around|about))?\s*$"
    # "with some spot and futures-linked sources trading as low as around 9,200 yuan/mt" (but
    # "prices recovered ... to as high as RMB 100,000" is where they went)
    r"|\b(?:trading|traded|trade|selling|sold)\s+as\s+(?:low|high)\s+as(?:\s+(?:around|about))?\s*$"
    # "... momentum to touch RMB 12,165/mt"
    r"|\b(?:to\s+)?touch(?:ed|ing)?\s*$"
    # "the weekly high was 9,010 yuan/mt, and the low was 8,600 yuan/mt"
    r"|\b(?:the|its)\s+(?:weekly\s+|daily\s+|week's\s+|day's\s+|intraday\s+)?(?:high|low)\s+"
    r"(?:was|stood\s+at)\s*$"
)

# A spot price that crossed a line and rose on to a new level: the level is the price, not a
# session's high.
_MOVED_BY = re.compile(
    r"\b(?:reduced|cut|lowered|raised|increased|decreased|rose|fell|dropped|declined|climbed"
    # "the price is up by around US$ 176 per tonne"
    r"|(?:is|was|stood|are|were)\s+(?:up|down))\s+by\b"
)
# "..., and on a year-on-year basis by US$ 935.50 per tonne": a move on another basis, its verb
# the one told before
_BASIS_THEN_BY = re.compile(
    r"\b(?:basis|calculation)\s*,?\s*by\s*(?:around\s+|about\s+|nearly\s+)?(?:rmb|us\$|\$)?\s*$"
)
_BRIEFLY_MOVED = re.compile(
    r"\bbriefly\s+(?:fell|dropped|slid|dipped|rose|climbed|jumped|touched|hit)\s*(?:to|at)?\s*"
    r"(?:rmb|usd|us\$|\$)?$"
    # "after dipping briefly to RMB 14,035/mt"
    r"|\b(?:dipping|falling|dropping|sliding|rising|climbing|jumping)\s+briefly\s+to\s*"
    r"(?:rmb|usd|us\$|\$)?$"
)
_A_VIEW_BEFORE = re.compile(r"\b(?:see|sees|expect|expects|believe|believes)\b")
_TO_HIT_A_HIGH = re.compile(r"\bto\s+hit\s+a\s+(?:new\s+)?high\s+of\s*(?:rmb|usd|us\$|\$)?$")
_TO_BEYOND = re.compile(r"\bto\s+(?:below|above|under|over)\s*(?:rmb|usd|us\$|\$)?$")
_DIPPED_TO = re.compile(r"\bdipped\s+to\s*(?:rmb|usd|us\$|\$)?$")
_BELOW_COST_AFTER = re.compile(
    r"^\s*(?:/\s*mt\s*)?(?:is|was|are|were)\s+(?:below|under|above)\s+(?:their|its|the)\s+"
    r"(?:production\s+)?cost"
)
_SUM_OF_MONEY_FOR = re.compile(
    # (two words at most between, and none that starts another clause: not "... as subsidies")
    r"^\s*(?:(?!(?:as|and|but|while|after|before|on|in|amid|with)\b)[a-z-]+\s+){0,2}"
    r"(?:checks?|cheques?|payments?|handouts?|subsid(?:y|ies)|bailouts?)\b"
)
# "demanding $2,000 direct payments to Americans instead of $600": the sum it replaces
_INSTEAD_OF_A_SUM = re.compile(
    r"\b(?:checks?|cheques?|payments?|handouts?|subsid(?:y|ies)|bailouts?)\b[^.;]{0,60}"
    r"\b(?:instead\s+of|rather\s+than|from)\s*(?:\$|rmb|us\$)?\s*$"
)


def _another_things_move(lead: str, trail: str) -> str | None:
    """Why a move in % beside an amount is not a price's, or None: "Chinese stocks gained almost
    2%", "The People's Bank of China cut interest rates by 0.25%", "43,000 cars imported in
    November 2025, down 1.8% MoM", "January-April FDI rose 11.1% to RMB 273.61 billion", "more
    than 90% of the fourth batch of 69 billion yuan of subsidies has been used"."""
    if _STOCKS_MOVED.search(lead):
        return "a stock market's move, not a price's"
    if _UNTRACKED_MARKET_MOVED.search(lead):
        # "COMEX gold rose 2.05%", "SHFE gold rose 4.39%", "the most-traded European
        # container shipping contract fell 2.16%": markets priced per ounce, gram or point
        return "a precious metal's or an index's move, not a price per tonne"
    if _INTEREST_RATE_MOVED.search(lead):
        return "an interest rate's move, not a price's"
    if _COUNT_OF_THINGS.search(lead):
        return "the move of a count of things, not a price's"
    if _TO_A_SUM.match(trail):
        return "the growth of a sum of money, not a price's move"
    if _SHARE_OF.match(trail):
        return "a share of something, not a price's move"
    return None


_UNTRACKED_MARKET_MOVED = re.compile(
    r"\b(?:gold|silver|platinum|palladium|shipping(?:\s+contract)?|bitcoin)\s+"
    r"(?:(?:rose|fell|gained|lost|climbed|dropped|slid|jumped|surged|edged\s+(?:up|down)|was\s+(?:up|down))"
    r"\s+(?:by\s+)?|(?:up|down)\s+)$"
)
# a number of things counted, then their move: "43,000 cars imported in November 2025, down"
_COUNT_OF_THINGS = re.compile(
    r"\b\d[\d,.]*\s+(?:cars|vehicles|units|trucks|phones|smartphones|vessels|ships|lots)\b"
    r"[^.;%]{0,60}$"
)
_HIGHEST_SINCE_AT = re.compile(
    r"\b(?:its\s+)?(?:highest|lowest)(?:\s+(?:level|point|price))?\s+since\s+[a-z0-9\s]+?\s+"
    r"(?:of|at)\s*(?:rmb|usd|\$)?\s*$"
)
_HIGH_AND_LOW_AT = re.compile(
    r"\b(?:highest|lowest|high|low)\s+and\s+(?:highest|lowest|high|low)\s+(?:(?:levels?|points?|prices?)"
    # "once hit the lowest and highest of $7,458/mt and $7,588/mt respectively"
    r"\s+at|of)\s*(?:rmb|\$)?\s*(?:[\d,.]+\s*(?:yuan)?\s*(?:/\s*mt)?\s+and\s*(?:rmb|\$)?\s*)?$"
)
_CLOSED_SIDE = re.compile(r"\b(?:closed|ended|settled|finished)\s+(?:up|down)\s*(?:rmb|\$)?\s*$")
_ANOTHER_MOVE_AFTER = re.compile(
    r"\s*(?:/\s*(?:mt|t)\s*)?,\s*(?:up|down)\s+(?:by\s+)?(?:rmb|\$)?\s*\d"
)
_DOLOMITE_SIZE = re.compile(r"\bfor\s+(1-3|2-4)\s+material\b")
_MOVED_TO_EXTREME = re.compile(
    r"\b(?:dropped|fell|slid|declined|sank|slumped|rose|climbed|surged|jumped)\s+to\s+a\s+"
    r"(?:new\s+)?(?:low|high)\s+of\s*(?:rmb|usd|us\$|\$)?$"
)
_BROKE_TO_HIGH = re.compile(
    r"\b(?:broke|breaking|broken|rose|climbed|surged|jumped)\s+(?:through|above|past)\s+"
    r"[^a-z;]{1,20}(?:yuan)?(?:\s*/\s*(?:mt|t))?\s*,?\s*to\s+a\s+(?:new\s+|record\s+|fresh\s+)?"
    r"high\s+of\s*(?:rmb|usd|us\$|\$)?\s*$"
)

_BID_OFFER = re.compile(
    r"\b(?:(?:3|three)-month|cash|(?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december)\s+\d{2})\s+(?:bid|offer)s?\b|\bbid\s+and\s+offer\b"
    # "the bid climbed 1.40 per cent to ...", "the offer up 1.26 per cent at ..." (but not a
    # spot report's export quote, "with the FOB offer at $2,310/mt")
    r"|\b(?:the\s+)?(?<!fob\s)(?<!cif\s)(?:bid|offer)\s+(?:price\s+)?(?:[a-z]+ed|rose|fell|went|lost|grew|at"
    r"|up|down)\b"
    # "the bid lost USD 22 ..., and the offer USD 20.5 per tonne ... to USD 2,732": no verb
    r"|\bthe\s+(?:bid|offer)\s+(?=usd|us\$|\$)"
)

_BENCHMARK_PRICE_NAMED = re.compile(r"\bbenchmark\s+(?:[a-z]+\s+)?price\b")

# What a metal's futures contract is, where the metal is not the thing traded
_TRADED_AS = {"lithium": "lithium carbonate"}

_PER_KG = re.compile(r"\bper\s+kg\b|/\s*kg\b|\bper\s+kilogram\b")

_CURRENCY = re.compile(r"rmb|yuan|cny|usd|us\$|\$")

_NOT_A_BID = re.compile(r"\bsettlement\b|\breference\s+price\b|\bofficial\s+price\b")

# "The average (weekly) sulphuric acid price in Yunnan was 310 yuan/ton in the week of February
# 9, and its average price in the week of March 22 was 590 yuan/ton": the earlier week's level
_EARLIER_WEEKS_LEVEL = re.compile(
    r"^\s*(?:/\s*(?:mt|t|ton|tonne)\s*)?in\s+the\s+week\s+of\s+[a-z]+\s+\d{1,2}\s*,\s*and\s+"
    r"(?:its|the)\s+(?:average\s+)?price\s+in\s+the\s+week\s+of\b"
)
_LAST_WEEKS_LEVEL = re.compile(r"\blast\s+week\b(?:[^.;]|\.\d){0,40}\b(?:was|were|stood)\b")
_THIS_WEEKS_AFTER = re.compile(r"[^.;]{0,30}?,\s*(?:while|whereas)\s+this\s+week['’]s\b")

# "the SMM alumina index", not the dollar's ("overnight US index lower, ... aluminum closed at")
# (not "the Shanghai Composite Index": stocks, nor a "manufacturing index")
_PRICE_INDEX = re.compile(
    r"(?<!dollar\s)(?<!us\s)(?<!usd\s)(?<!composite\s)(?<!manufacturing\s)\bindex\b"
)


def _told_of_a_bid(head: str) -> bool:
    """Whether the clause is about a bid or an offer: named last before the number, however far
    back ("the 3-month offer increased by USD 3.5 ..., from USD 2,894.5 per tonne to ...")."""
    bids = [match.end() for match in _BID_OFFER.finditer(head[-200:])]
    if not bids:
        return False
    others = [match.end() for match in _NOT_A_BID.finditer(head[-200:])]
    return not others or others[-1] < bids[-1]


_OR_PERCENT = re.compile(r"\s*(?:/\s*mt\s*)?,?\s*or\s+[\d.]+\s*(?:%|per\s*cent)")

# "... and 163 yuan/mt from a month ago": a second change with its own basis.
_AGO = re.compile(
    r"^\s*(?:/\s*mt\s*)?(?:from|than|compared\s+(?:with|to))\s+(?:a|one|the\s+previous|the\s+last|last)"
    r"\s+(?:week|month|year|day|trading\s+day)\b"
)

_IN_PLACE = re.compile(
    r"^\s*(?:/\s*mt\s*)?in\s+(?:north|south|east|west|central|northwest|southwest|northeast)"
    r"(?:ern)?\s+china\b"
)

_PLACES_OF_AN_AMOUNT = re.compile(
    r"\d\s*(?:yuan/mt|yuan/ton|/mt|/t|per\s+tonne)\s+in\s+[a-z]+(?:\s*,\s*[a-z]+)*\s+and\s+[a-z]+"
)

# a move told only as more or less than an amount: "Traded prices were down more than 30
# yuan/mt", "surged higher by over 20%" ("falling nearly US$50/t" carries its amount, as
# "around" does)
_MOVED_BEYOND = re.compile(
    rf"(?<![\w-])(?:{UP.alternation}|{DOWN.alternation})\s+(?:by\s+)?"
    r"(?:(?:more|less)\s+than|over|in\s+excess\s+of)\s*$"
)

_IN_NAMED_PLACE = re.compile(r"^\s*(?:/\s*mt\s*)?in\s+([a-z]+(?:\s+china)?)\b")


def _also_quoted_in(trail: str, region: str) -> list[str]:
    """The other markets of "... yuan/mt in Shanghai and Wuxi", when the first is ``region``."""
    places = _IN_PLACE_LIST.match(trail)
    if places is None:
        return []
    listed = names.listed_regions(places.group(1))
    return listed[1:] if len(listed) > 1 and listed[0] == region else []


_IN_PLACE_LIST = re.compile(r"^\s*(?:/\s*mt\s*)?in\s+([a-z ,]+?\s+and\s+[a-z]+)\b")

# "the price of mixed silicon coal in Ningxia and Gansu is around 1,200-1,300 yuan/mt": two
# places named after the product, just before its verb
_PLACES_BEFORE_THE_VERB = re.compile(
    r"\bin\s+([a-z -]+?(?:\s*,\s*[a-z -]+?)*,?\s+and\s+[a-z -]+?)\s+(?:is|are|was|were)"
    r"(?:\s+(?:around|about|roughly|at))?\s*$"
)
_PLACES_OPENING = re.compile(
    r"^\s*(?:and\s+|while\s+|whereas\s+)?(?:(?:the\s+)?(?:prices?|quotes?|quotations?)\s+)?in\s+"
    # ("Prices in Sichuan and north-west China were 8,300-8,400 yuan/mt"; "..., while in
    # Sichuan, north-west China, and other regions, it was 8,200-8,300 yuan/mt")
    r"([a-z -]+?(?:\s*,\s*[a-z -]+?)*,?\s+and\s+[a-z -]+?)"
    r"\s*(?:,|(?=\s(?:were|was|stood|reached)\b))"
)
# "...; in Sichuan and north-west China, it was also 7,800-7,900 yuan/mt"
_PLACES_THEN_IT = re.compile(_PLACES_OPENING.pattern + r"\s*it\s+(?:was|is|stood)\b")


def _quote_twin(
    drafts: dict[tuple[object, ...], Draft],
    draft: Draft,
    place: str,
    sentence: Sentence,
    period: str | None,
    forecast: bool,
) -> None:
    """Another market quoted in the same words as ``draft``: its own draft, the same level."""
    twin = _draft(
        drafts, _Owner(draft.subject, place), draft.unit, sentence, period, forecast, fresh=True
    )
    twin.value, twin.low, twin.high, twin.bound = draft.value, draft.low, draft.high, draft.bound
    draft.twins.append(twin)


def _also_quoted_before(opening: str, region: str) -> list[str]:
    """The other markets of a clause opening "In Sichuan and north-west China, ...", or of a
    product "in Ningxia and Gansu is around ...", when the price was given to one of them
    (``region``)."""
    places = _PLACES_OPENING.match(opening) or _PLACES_BEFORE_THE_VERB.search(opening)
    if places is None:
        return []
    listed = names.listed_regions(places.group(1))
    if len(listed) < 2 or region not in listed:
        return []
    return [place for place in listed if place != region]


def _in_a_place(trail: str) -> bool:
    """ "... yuan/mt in south China", "... /mt in Wuxi": a market named right after the amount."""
    if _IN_PLACE.match(trail):
        return True
    named = _IN_NAMED_PLACE.match(trail)
    return named is not None and bool(names.regions(named.group(1)))


# "even after RMB 200-300 per tonne of processing cost": the amount of a cost, named after it.
_OF_SOMETHING_ELSE = re.compile(
    r"^\s*(?:/\s*mt\s*)?of\s+(?:[a-z]+\s+){0,2}(?:costs?|fees?|profits?|margins?|losses|freight)\b"
)

# "an increase of $14/mt from the previous transaction": one deal against the one before.
_FROM_LAST_DEAL = re.compile(
    r"^\s*(?:/\s*mt\s*)?from\s+the\s+(?:previous|last|prior)\s+(?:transaction|deal|trade)s?\b"
)

_GFEX_PRODUCTS = ("lithium carbonate", "silicon", "polysilicon")

_ZCE_PRODUCTS = ("ferrosilicon", "silicomanganese")  # traded on the Zhengzhou exchange

_INE_PRODUCTS = ("copper (bc)",)  # the Shanghai International Energy Exchange's

# An aside in parentheses ("(tax not included)", "(LME nickel also fell ...)"); not a grade and
# its basis ("(6%, CIF China)").
_LONG_PAREN = re.compile(
    # (not a ternary series' "(polycrystalline/consumer type)": part of the product's name)
    r"(?<!series\s)(?<!series)"
    # (nor "421# silicon (for silicone)" or "(used in silicone)": the grade's use)
    # (nor "Sulfur (CIF Indonesia) Price": where the quote is landed)
    # (nor "secondary lead (Pb ≥ 99.97)": the purity that names refined secondary lead)
    r"(?:\((?![\d.]+%,\s*(?:cif|fob)\b)(?!(?:for|used\s+in)\s+silicone\b)"
    r"(?!(?:cif|fob|cfr)\s+[a-z ]+\))(?!pb\s*(?:≥|>=))(?=[^()]*\s)[^()]*\)"
    r"|\((?![\d.]+%,)(?!(?:for|used\s+in)\s+silicone\b)(?!(?:cif|fob|cfr)\s+[a-z ]+\))"
    r"(?!pb\s*(?:≥|>=))[^()]{13,}\))"
)

_RELATIVE = re.compile(
    r"\b(?:minus|plus|less)\s*(?:rmb|cny|\$)?\s*$|\bsmm\s*[+-]\s*$"
    # "actual deals mainly at SMM Central China -10 yuan/mt to parity"
    r"|\bat\s+smm(?:\s+[a-z0-9#]+){0,3}\s*$"
)

_QUOTES_OF = re.compile(
    r"\b(?:quotations?|quotes|offers|prices?)\s+(?:of|from)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$"
)
_FIRMS_AFTER = re.compile(
    r"\s+(?:plants?|enterprises?|producers?|smelters?|makers?|manufacturers?|mills?|companies"
    r"|firms?|factories|refineries)\b"
)


def read_sentence(
    sentence: Sentence, clauses: list[Clause], context: Context, notes: Notes
) -> list[Draft]:
    """Every price and spread figure a sentence states."""
    if "low end" in sentence.folded and "high end" in sentence.folded:
        ends = _read_range_ends_moved(sentence, clauses, context, notes)
        if ends is not None:
            return [ends]
    drafts = _read_sentence(sentence, clauses, context, notes)
    if "the same" in sentence.folded:
        drafts.extend(_same_move(sentence, drafts))
    return drafts


# "The low end of battery-grade lithium carbonate prices increased from 72,000 yuan/mt to 73,000
# yuan/mt, while the high end decreased from 76,400 yuan/mt to 76,200 yuan/mt": a weekly review
# telling the quoted range end by end; the range is where the ends moved to
_END_MOVED = (
    r"(?:increased|decreased|rose|fell|dropped|declined|climbed|edged\s+(?:up|down)|moved"
    r"|remained|was\s+(?:up|down))\s+from\s+[\d,.]+\s*yuan/mt\s+to\s+"
)
_RANGE_ENDS_MOVED = re.compile(
    r"\bthe\s+low\s+end\s+of\s+(?P<product>[a-z0-9#()\s-]+?)\s+prices?\s+"
    + _END_MOVED
    + r"(?P<low>[\d,.]+)\s*yuan/mt\s*,?\s*(?:while|and)\s+the\s+high\s+end\s+"
    + _END_MOVED
    + r"(?P<high>[\d,.]+)\s*yuan/mt"
)


def _read_range_ends_moved(
    sentence: Sentence, clauses: list[Clause], context: Context, notes: Notes
) -> Draft | None:
    ends = _RANGE_ENDS_MOVED.search(sentence.folded)
    products = names.known_products(ends.group("product")) if ends is not None else []
    if ends is None or not products:
        return None
    product = products[-1][2]
    draft = Draft(Metric.PRICE, product, "CNY/t", sentence)
    draft.low = Decimal(ends.group("low").replace(",", ""))
    draft.high = Decimal(ends.group("high").replace(",", ""))
    context.product = product  # "The average price rose from ... to ...": this product's
    for clause in clauses:
        for quantity in clause.quantities:
            kept = quantity.start in {ends.start("low"), ends.start("high")}
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "range" if kept else "reference",
                owner=product,
                emitted=kept,
                why="an end of the quoted range, where it moved to"
                if kept
                else "where an end of the range moved from",
            )
    return draft


def _read_sentence(
    sentence: Sentence, clauses: list[Clause], context: Context, notes: Notes
) -> list[Draft]:
    folded = sentence.folded
    bonded = (
        read_bonded_premiums(sentence, clauses, context, notes)
        or read_older_bonded_premiums(sentence, clauses, context, notes)
        or read_one_bonded_premium(sentence, clauses, context, notes)
    )
    if bonded:
        return bonded
    if read_bonded_average(sentence, clauses, context, notes):
        return []
    moves = _read_moves(sentence, clauses, context, notes)
    if moves:
        return moves
    alone = _read_session_move(sentence, notes)
    if alone is not None:
        return [alone]
    if _read_trend_change(sentence, clauses, context, notes):
        return []
    parity = _read_parity(sentence, clauses, context)
    if parity is not None:
        return [parity]
    unchanged = _read_unchanged(sentence, clauses, context)
    if unchanged is not None:
        return [unchanged]
    held = _read_places_unmoved(sentence, clauses, context, notes)
    if held:
        return held
    if not any(map(folded.__contains__, CUES)):
        note_subject(sentence, context)  # "The SHFE nickel contract broke below support."
        # ... but a domestic contract's close needs no unit: "the most-traded ferrosilicon
        # futures contract, si2603, closed at 5,592, up 68" (read as money by the reading pass)
        # (nor does an exchange metal's move: "While LME nickel settled 0.47% higher overnight")
        # (in per cent however written: Mysteel's "the most-traded January 2026 contract fell
        # 2.47 per cent to close Thursday's daytime session")
        in_percent = any(q.kind is Kind.PERCENT for clause in clauses for q in clause.quantities)
        if not (
            in_percent and ("contract" in folded or _EXCHANGE_METAL_MOVED.search(folded))
        ) and not any(q.kind is Kind.MONEY for clause in clauses for q in clause.quantities):
            return []
        # ... and a contract's move in %: "the main 2407 contract moved up, closing the day
        # with a 1.70% increase"
    drafts: dict[tuple[object, ...], Draft] = {}
    previous: _Owner | None = None
    pair = context.pair
    context.pair = None
    named_pair = _PAIR.search(folded)
    if named_pair is not None and not any(
        q.kind is Kind.MONEY for c in clauses for q in c.quantities
    ):
        # "both the LME aluminium cash bid price and LME aluminium official settlement price
        # hit five-week highs": the numbers follow in the next sentence, in this order.
        products = names.known_products(folded[: named_pair.start()])
        if products:
            context.pair = PairedPrice(_with_qualifier(products[-1][2], "cash"), "LME")
        return []
    if pair is not None and _read_pair(sentence, clauses, pair, drafts, notes):
        return [draft for draft in drafts.values() if not draft.empty]
    group = context.group
    context.group = None
    if _RANGES_OF.match(folded) and _read_later_ranges(sentence, clauses[0], context, group, notes):
        # "The price is expected to range between A and B, with spot discounts at C": the
        # first clause gave the ranges; the rest is read as usual.
        clauses = clauses[1:]
    if _SCRAP_SPREADS.match(folded) and _read_scrap_spreads(
        sentence, clauses, context, drafts, notes
    ):
        return [draft for draft in drafts.values() if not draft.empty]
    if _read_premium_list(sentence, clauses, context, drafts, notes):
        return [draft for draft in drafts.values() if not draft.empty]
    if _read_places_held(sentence, clauses, context, drafts, notes) or _read_both_moved(
        sentence, clauses, context, drafts, notes
    ):
        return [draft for draft in drafts.values() if not draft.empty]
    for clause in clauses:
        if _read_hovering_premium(sentence, clause, context, drafts, notes):
            continue
        if _is_spread(clause.folded, context) and not _prices_before_the_spread_words(
            clause, context
        ):
            _read_spread(sentence, clause, context, drafts, notes)
            continue
        if _read_quote_list(sentence, clause, context, drafts, notes):
            continue
        if _read_move_in_places(sentence, clause, context, drafts, notes):
            continue
        if _read_listed_levels(sentence, clause, context, drafts, notes):
            continue
        if _read_respective_percents(sentence, clause, context, drafts, notes):
            continue
        if _read_span_of_places(sentence, clause, context, drafts, notes):
            continue
        if _read_respective(sentence, clause, context, drafts, notes):
            continue
        if not any(q.kind in {Kind.MONEY, Kind.PERCENT} for q in clause.quantities):
            # "..., and the average price flat WoW": the change of the price just read.
            flat = _flat_basis(clause.folded, context)
            last = context.last_price
            recent = next(reversed(drafts.values()), None)
            if (
                flat is not None
                and recent is not None
                and recent.metric is Metric.SPREAD
                and recent.sentence is sentence
                and recent.change is None
                and not names.regions(clause.folded)
                and not re.search(r"\bprices?\b", clause.folded)  # "the price was about flat"
                # (not "and the proportion of cancelled warrants to total LME copper stocks
                # remained stable": another quantity's)
                and not _OTHER_QUANTITY.search(clause.folded)
            ):
                # "with a discount of 55 yuan/mt against the current month, unchanged": the
                # spread just read
                recent.change = PriceChange(Decimal(0), basis=flat[1])
            elif (
                flat is not None
                and last is not None
                and last.change is None
                and any(draft is last for draft in drafts.values())
                # "..., while Jiangxi, Hubei and Anhui lagged and held steady WoW": other markets
                and all(place == last.region for *_, place in names.regions(clause.folded))
                # (and "..., while prices in other regions held steady")
                and not _OTHERS_HELD.search(clause.folded)
                # (and "..., while cryolite prices remained stable": another product's)
                and all(
                    product == last.subject for *_, product in names.known_products(clause.folded)
                )
            ):
                last.change = PriceChange(Decimal(0), basis=flat[1])
            if flat is not None:
                _read_flat_grades(sentence, clause, context, drafts, notes)
            if names.known_products(clause.folded):
                # "the SHFE copper 2601 contract traced a V: it opened at ...": the clause names
                # what the next one's "it" is.
                end = clause.start + len(clause.folded)
                marker = Quantity(end, end, Kind.MONEY, Decimal(0), None, "CNY/t")
                previous = _owner(sentence.folded, clause, marker, context, previous) or previous
                if previous is not None:
                    context.last_owner = (previous.product, previous.region)
            continue
        if _NOT_A_SPREAD.search(clause.folded):
            continue  # an inter-month spread: neither a price nor a spread figure
        clause = _read_place_lists(sentence, clause, context, drafts, notes)
        previous = _read_prices(sentence, clause, context, drafts, notes, previous)
    _respective_moves_after(sentence, clauses, context, drafts, notes)
    _uniform_move_for_listed(drafts, context)
    _close_at_named_level(sentence, clauses, drafts, notes)
    _series_by_reference(sentence, drafts, context)
    _share_trailing_change(folded, drafts)
    _flat_over_the_list(folded, drafts)
    _flat_leading_the_list(folded, drafts, context)
    _flat_told_just_before(drafts, context)
    _both_flat(folded, drafts, context)
    _similar_move(folded, drafts, context)
    _mark_crossed(sentence, drafts, notes)
    _shared_by_places_named_first(folded, drafts)
    _dollar_prices_at_the_venue(drafts, context)
    _one_name_for_two_prices(sentence, drafts, notes)
    for draft in list(drafts.values()):
        draft.share_with_twins()
    return [draft for draft in drafts.values() if not draft.empty]


_OTHER_QUANTITY = re.compile(
    r"\b(?:warrants?|stocks?|inventor(?:y|ies)|positions?|volumes?|output|imports?|exports?)\b"
)
_SPREAD_WORD = re.compile(r"\b(?:premiums?|discounts?|par)\b")


def _prices_before_the_spread_words(clause: Clause, context: Context) -> bool:
    """ "Spot lead in Shanghai traded at RMB 12,450-12,550/mt last week, shifting from a premium
    to par, then even a discount to the most active SHFE lead contract": amounts as large as the
    metal's prices, told before any premium word, are prices; the premium has no amount."""
    amounts = [q for q in clause.quantities if q.kind is Kind.MONEY]
    metal = context.metal
    if not amounts or metal is None:
        return False
    word = _SPREAD_WORD.search(clause.folded)
    if word is None or clause.start + word.start() < amounts[-1].end:
        return False
    return all(_at_price_level(metal, quantity) for quantity in amounts)


def _one_name_for_two_prices(
    sentence: Sentence, drafts: dict[tuple[object, ...], Draft], notes: Notes
) -> None:
    """ "35500 yuan / ton for low bismuth antimony ingots, 36000 yuan / ton for antimony ingots,
    37000 yuan / ton for antimony ingots": a translation that dropped the grades (#1, #0) gives
    one bare name two prices; which is which is not written, so neither is a figure."""
    levels: dict[tuple[object, ...], list[tuple[object, ...]]] = {}
    for key, draft in drafts.items():
        if (
            draft.metric is Metric.PRICE
            and draft.subject in names.MINOR_ELEMENTS
            and draft.value is not None
        ):
            levels.setdefault(key[:6], []).append(key)
    for keys in levels.values():
        values = {drafts[key].value for key in keys}
        listed = len(re.findall(rf"\bfor\s+{re.escape(drafts[keys[0]].subject)}\s+ingots?\b",
                                sentence.folded))  # fmt: skip
        if len(values) < 2 or listed < 2:
            continue
        subject = drafts[keys[0]].subject
        for key in keys:
            del drafts[key]
        # (last first: a number's later reading replaces its earlier one)
        for quantity in reversed(read_quantities(sentence.folded)):
            if quantity.kind is Kind.MONEY and quantity.value in values:
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "other",
                    owner=subject,
                    why="one bare name given two prices in a list: its grades were left out",
                )


_NAMES_JOINED = re.compile(r"^\s*(?:,\s*)?(?:and\s+)?$")


def _listed_before(lead: str, subject: str) -> list[str]:
    """The products listed with ``subject`` as one subject, before its price ("lanthanum oxide
    and cerium oxide remained unchanged at"), the subject's own name last."""
    named = names.known_products(lead)
    last = next((i for i in range(len(named) - 1, -1, -1) if named[i][2] == subject), None)
    if last is None or last != len(named) - 1:
        return []
    listed: list[str] = []
    for index in range(last, 0, -1):
        before, after = named[index - 1], named[index]
        if (
            not _NAMES_JOINED.match(lead[before[1] : after[0]])
            or before[2] == subject
            # "For titanium dioxide, anatase titanium dioxide was quoted at": the family the
            # paragraph is about, then the kind quoted, not two products sharing a price
            or subject.split(" (")[0] == before[2]
        ):
            break
        listed.append(before[2])
    return listed


def _moved_without_level(drafts: dict[tuple[object, ...], Draft], quoted: Draft) -> Draft | None:
    """A draft of the same series as ``quoted`` holding a move and no level yet."""
    return next(
        (
            draft
            for draft in drafts.values()
            if draft is not quoted
            and draft.series == quoted.series
            and draft.value is None
            and draft.low is None
            and draft.change is not None
        ),
        None,
    )


_ASKS_AND_DEALS = re.compile(
    r"\btheir\s+(?:quotations|quotes|offers)\b[^.;]{0,40}\b(?:held|were|stood|remained)\b"
    r"[^.;\d]{0,20}\b(?:between|at)\s*$"
    r"|\bactual\s+(?:transaction|deal|traded)\s+prices?\s+(?:were|was)\s+"
    r"(?:basically\s+|mostly\s+|mainly\s+)?(?:between|at)\s*$"
)
_COUNTED_SHIPS = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|several)\s+(?:vessels?|cargoes|shipments)\b"
)
_DEALS_BESIDE_THE_QUOTE = re.compile(
    r"(?:\bwhile\s+|^\W*)(?:the\s+)?(?:mainstream\s+)?(?:traded|transaction|deal)\s+prices?\s+"
    r"(?:were|was|stood\s+at|at)\s*$"
)
_QUOTED = re.compile(r"\bquoted\s+(?:at|between)\b")
_WEEKLY_AVERAGE = re.compile(r"\b(?:weekly|week's)\s+average(?:\s+price)?\b")

_WHICH_WAS = re.compile(
    r"\b(?:if\s+we\s+consider|considering|compared\s+(?:with|to))\b[^.;]{0,100}"
    r"\bwhich\s+(?:was|stood\s+at)\s*(?:us\$|\$|rmb)?\s*(?P<value>[\d,]+(?:\.\d+)?)"
)


# "A was 75,100 yuan/mt, and that of B was 71,800 yuan/mt, with a decline of around 500 yuan/mt
# WoW": one move told once for two parallel levels
_SHARED_CHANGE = re.compile(
    r",\s*and\s+that\s+of\b[^;]*,\s*with\s+an?\s+"
    r"(?:decline|drop|fall|decrease|rise|increase|gain)\s+of\b"
)

# "..., in Inner Mongolia was 8,100-8,200 yuan/mt; in Sichuan ..., 8,150-8,250 yuan/mt; in east
# China, the offer price was 8,250-8,350 yuan/mt, flat MoM from the previous trading day."
# "... were between RMB13,200~13,300/t in Fugu Shaanxi and RMB13,500~13,600/t in Wenxi Shanxi,
# the same as last week."
# "(TiO2≥46%) was quoted at 1,680-1,750 yuan/mt, ..., while TiO2≥47% specifications were quoted
# at 1,950-2,100 yuan/mt, ..., with prices flat WoW."
_FLAT_CLOSING_A_LIST = re.compile(
    r"(?:;|,\s+(?:and|while)\s|\band\s+(?:rmb\s*)?\d)[^;]*,\s*"
    r"(?:which\s+(?:remained|was|were|is|are)\s+|with\s+(?:prices|quotes)\s+)?"
    r"(?:flat|unchanged|the\s+same\s+as)\b[^;,]*\.?\s*$"
)


def _flat_over_the_list(folded: str, drafts: dict[tuple[object, ...], Draft]) -> None:
    """A "flat" that closes a list of one product's prices separated by semicolons is said of
    every price in the list, not only the last (a move would be told as a range of moves, "up
    25-50 yuan/mt", when the places differ). The last price may be told for several places, whose
    copies of it come later: "..., while in Sichuan, north-west China, and other regions, it was
    8,200-8,300 yuan/mt, unchanged from the previous trading day"."""
    if _FLAT_CLOSING_A_LIST.search(folded) is None:
        return
    prices = [d for d in drafts.values() if d.metric is Metric.PRICE and not d.empty]
    told = [d for d in prices if d.change is not None]
    if len(prices) < 2 or not told:
        return
    last = told[-1]
    flat = last.change
    if (
        flat is None
        or flat.amount != 0
        or any(not _twin_of(d, last) for d in prices[prices.index(last) + 1 :])
    ):
        return  # the flat closes the list: only the places told with it follow it
    if len({d.subject.split(" (")[0] for d in prices}) != 1 or any(
        d.change is not None and d.change != flat for d in prices
    ):
        return
    for draft in prices:
        if draft.change is None:
            draft.change = flat


_FLAT_ADVERB = r"(?:largely|basically|broadly|generally|mostly)"

# "Silicon coal prices held steady this week, with caking silicon coal in Xinjiang at ..., non-
# caking silicon coal averaging ...", "Prices in other regions held steady, including ...": the
# flat the sentence opens on, said of each price it then lists
_FLAT_LEADING_A_LIST = re.compile(
    # (after the headings a minute's sentence may open on: "Silicon coal Price: ...")
    # ("Last week, silicon metal spot prices were largely stable, with SMM oxygen-blown #553
    # silicon in east China at ...": the week the flat is told over)
    r"(?:^|:)\s*(?P<last_week>last\s+week\s*,\s*)?(?:[a-z-]+\s+){0,3}prices?\s+"
    r"(?:in\s+other\s+regions\s+)?(?:held|remained|stayed|were)\s+"
    rf"(?:{_FLAT_ADVERB}\s+)?(?:steady|stable|flat|unchanged)"
    r"(?:\s+across\s+regions)?(?:\s+this\s+week)?\s*,\s*(?:with|including)\b"
)

# "Silicon coal prices held steady this week." or "Silicon metal spot prices were largely stable
# WoW." told alone, before the sentence that quotes them: the flat is each quote's
_FLAT_TOLD_ALONE = re.compile(
    r"(?:^|:)\s*(?:[a-z-]+\s+){0,4}prices?\s+(?:held|remained|stayed|were)\s+"
    rf"(?:{_FLAT_ADVERB}\s+)?(?:steady|stable|flat|unchanged)"
    r"(?P<when>\s+(?:wow|this\s+week|last\s+week|during\s+the\s+week))?\s*\.?\s*$"
)


def _flat_leading_the_list(
    folded: str, drafts: dict[tuple[object, ...], Draft], context: Context
) -> None:
    opening = _FLAT_LEADING_A_LIST.search(folded)
    if opening is None:
        return
    # ("held steady this week, with ...": the week the minutes cover, no basis of its own)
    said = re.sub(
        rf"\s+(?:across\s+regions|this\s+week)|(?<=were)\s+{_FLAT_ADVERB}\b", "", opening.group(0)
    )
    flat = _flat_basis(said, context)
    if flat is None:
        return
    basis = ChangeBasis.WOW if opening.group("last_week") else flat[1]
    prices = [d for d in drafts.values() if d.metric is Metric.PRICE and not d.empty]
    if len(prices) < 2:
        return
    for draft in prices:
        if draft.change is None:
            draft.change = PriceChange(Decimal(0), basis=basis)


def _flat_told_just_before(drafts: dict[tuple[object, ...], Draft], context: Context) -> None:
    """Give the spot quotes of a sentence the flat the sentence just before told alone ("Silicon
    coal prices held steady this week. The average price of non-caking silicon coal in
    Xinjiang was about 825 yuan/mt, ...")."""
    if not context.paragraph_before:
        return
    told = _FLAT_TOLD_ALONE.search(context.paragraph_before[-1])
    if told is None or has_digit(context.paragraph_before[-1]):
        return
    named = {names.base_metal(product) for *_, product in names.known_products(told.group(0))}
    when = (told.group("when") or "").strip()
    # ("this week": the week a minute covers, no basis of its own, as in the list above)
    basis = ChangeBasis.WOW if when and when != "this week" else None
    for draft in drafts.values():
        if (
            draft.metric is Metric.PRICE
            and not draft.empty
            and draft.change is None
            and draft.region not in _VENUES
            and (not named or names.base_metal(draft.subject) in named)
        ):
            draft.change = PriceChange(Decimal(0), basis=basis)


_SINCE_A_NAMED_DAY = re.compile(
    r"^\s*(?:yuan\s*)?(?:/\s*mt\s*)?from\s+(?:last\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
)


_SMM_REGIONAL_QUOTE = re.compile(
    r"\bsmm(?:'s)?\s+(?:east|south|north|west|central|north-west|south-west|north-east)\s+china\b"
)


_GRADED_INDEX = re.compile(r"\b(battery|industrial)-grade\s+(?:[a-z]+\s+){0,2}index\b")
_BOTTOM_PRICE = re.compile(r"\b(?:bottom|floor)\s+prices?\b[^.;,]{0,50}$")
_OTHERS_QUOTES = re.compile(
    r"\bother\s+(?:[a-z-]+\s+){0,2}(?:enterprises|producers|plants|smelters|suppliers|sellers)\b"
    r"[^.;,]{0,40}\b(?:quotes?|quotations?|offers?|prices?)\b[^.;,]{0,30}$"
)
_ROUND_OF_MOVES_EXCEEDED = re.compile(
    r"\b(?:price\s+)?(?:increases|rises|gains|declines|drops|falls|decreases)\s+"
    r"(?:have\s+|has\s+)?(?:exceeded|topped|surpassed)\s*(?:rmb|us\$|\$)?$"
)


def _twin_of(draft: Draft, of: Draft) -> bool:
    return any(twin is draft for twin in of.twins)


_BOTH_FLAT = re.compile(r",\s*(?P<which>both|all)\s+(?P<flat>(?:flat|unchanged|stable|steady)\b.*)")


def _both_flat(folded: str, drafts: dict[tuple[object, ...], Draft], context: Context) -> None:
    """ "with prices of gadolinium oxide at 175,000 yuan/mt and samarium oxide at 12,000
    yuan/mt, both flat on the week": the flat is said of the last two prices read (of all the
    sentence's, after "all")."""
    said = _BOTH_FLAT.search(folded)
    flat = _flat_basis(said.group("flat"), context) if said is not None else None
    if said is None or flat is None:
        return
    prices = [d for d in drafts.values() if d.metric is Metric.PRICE and not d.empty]
    count = 2 if said.group("which") == "both" else len(prices)
    for draft in prices[-count:]:
        if draft.change is None:
            draft.change = PriceChange(Decimal(0), basis=flat[1])


# "propelled by the tumble below the 100,000 mark in nickel prices": a line a product's price
# crossed, named as a round number without its unit
_MARK_CROSSED = re.compile(
    r"\b(?:tumble|fall|drop|slide|plunge|dive|rise|climb|jump|surge|break)\s+(?P<dir>below|above)"
    r"\s+(?:the\s+)?(?P<value>\d{1,3}(?:,\d{3})+)\s+(?:yuan\s+)?(?:mark|level|threshold)\s+in\s+"
    r"(?P<what>[a-z]+(?:\s+[a-z]+)?)\s+prices\b"
)


def _mark_crossed(
    sentence: Sentence, drafts: dict[tuple[object, ...], Draft], notes: Notes
) -> None:
    for crossed in _MARK_CROSSED.finditer(sentence.folded):
        named = names.known_products(crossed.group("what"))
        if not named:
            continue
        owner = _Owner(named[0][2], "China")
        draft = _draft(drafts, owner, "CNY/t", sentence, None, False)
        if not draft.empty:
            continue
        draft.value = to_decimal(crossed.group("value"))
        draft.bound = Bound.BELOW if crossed.group("dir") == "below" else Bound.ABOVE
        notes.add(
            sentence,
            crossed.start("value"),
            crossed.end("value"),
            "level",
            owner=owner.product,
            emitted=True,
            why="a line the price crossed",
        )


# a move written as its amount: "with a spike of US$2 per tonne", "a drop of RMB 30"
_MOVE_OF = re.compile(
    r"\b(?:rise|gain|spike|increase|hike|surge|jump|fall|drop|decline|slump|dip|loss|decrease)"
    r"\s+of\s+(?:us\$|\$|rmb|usd)?\s*(?P<amount>\d[\d,]*(?:\.\d+)?)"
)
_SIMILAR_MOVE = re.compile(
    r"\b(?:registered|recorded|posted|marked|saw|showed|with)\s+a\s+similar\s+(?P<move>rise|gain"
    r"|increase|spike|fall|drop|decline|dip)\b"
)


# "Lianyungang and Bayuquan stay the dearest places in China, with an average price of alumina
# gaining RMB 50 per tonne ...": places named as the sentence's subject, before any number
_PLACES_FIRST = re.compile(
    r"^\s*(?:both\s+)?(?P<places>[a-z]+(?:\s*,\s*[a-z]+)*,?\s+and\s+[a-z]+)\s+"
    r"(?:stay|stayed|remain|remained|were|are|saw|recorded|registered|led|topped)\b"
)


def _shared_by_places_named_first(folded: str, drafts: dict[tuple[object, ...], Draft]) -> None:
    """The sentence's prices are each place's, when it opens on places and names no other."""
    opening = _PLACES_FIRST.match(without_dateline(folded))
    if opening is None:
        return
    listed = opening.group("places")
    places = [place for *_, place in names.regions(listed)]
    items = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", listed.strip())
    if len(places) < 2 or len(places) != len(items):
        return  # something other than places opens the sentence
    own = [draft for draft in drafts.values() if draft.metric is Metric.PRICE and not draft.empty]
    if not own or any(draft.region not in {*places, "China"} for draft in own):
        return
    for draft in own:
        for place in places:
            twin = _draft(
                drafts,
                _Owner(draft.subject, place),
                draft.unit,
                draft.sentence,
                draft.period,
                draft.forecast,
            )
            if twin is draft or not twin.empty:
                continue
            twin.value, twin.low, twin.high = draft.value, draft.low, draft.high
            twin.bound, twin.change = draft.bound, draft.change
        if draft.region not in places:
            draft.value = draft.low = draft.high = draft.change = draft.bound = None


def _similar_move(folded: str, drafts: dict[tuple[object, ...], Draft], context: Context) -> None:
    """ "The LME official settlement price parked at US$2,214 per tonne, having registered a
    similar rise" (after "a spike of US$2 per tonne"): the move just written, for the price."""
    similar = _SIMILAR_MOVE.search(folded)
    if similar is None or context.last_move is None:
        return
    unmoved = [d for d in drafts.values() if d.metric is Metric.PRICE and d.value is not None]
    if len(unmoved) == 1 and unmoved[0].change is None:
        sign = direction(similar.group("move")) or 1
        unmoved[0].change = PriceChange(sign * context.last_move)


def _share_trailing_change(folded: str, drafts: dict[tuple[object, ...], Draft]) -> None:
    if _SHARED_CHANGE.search(folded) is None:
        return
    prices = [d for d in drafts.values() if d.metric is Metric.PRICE and not d.empty]
    moved = [d for d in prices if d.change is not None]
    still = [d for d in prices if d.change is None and d.value is not None]
    if len(moved) == 1 and len(still) == 1:
        still[0].change = moved[0].change


def _series_by_reference(
    sentence: Sentence, drafts: dict[tuple[object, ...], Draft], context: Context
) -> None:
    """ "If we consider the LME aluminium price on August 16, which was US$2,089 ..., a
    Week-on-Week surge of US$32.50": of the prices read, the one that stands the change above
    that value (2,121.50 here, the official settlement) is the series that moved."""
    told = _WHICH_WAS.search(sentence.folded) or _TAKEN_FROM.search(sentence.folded)
    if told is None:
        if _TAKEN_INTO_ACCOUNT.search(sentence.folded):
            _the_benchmark_moved(drafts, context)
        return
    earlier = to_decimal(told.group("value"))
    for draft in drafts.values():
        if draft.value is not None or draft.change is None or draft.change.percent:
            continue
        base = names.base_metal(draft.subject)
        matching = [
            (subject, region)
            for subject, region, unit, level in context.levels
            if unit == draft.unit
            and names.base_metal(subject) == base
            and abs(level - earlier) == abs(draft.change.amount)
        ]
        if len(set(matching)) == 1:
            draft.subject, draft.region = matching[0]


# AL Circle's "If the LME aluminium price on December 29 last year is taken into account, we can
# calculate a Month-on-Month slump of US$121.50": a comparison without the earlier value
_TAKEN_INTO_ACCOUNT = re.compile(
    r"\bif\s+the\s+(?:lme\s+)?[a-z]+\s+price\s+on\b[^.;]{0,60}\b(?:is|was)\s+taken\s+into\s+account\b"
)
# ... "If the aluminium price on October 24, this year, is taken into account, we find a
# Month-on-Month increase of US$32.50 per tonne or 1.51 per cent from US$2,146.50 per tonne":
# the comparison with its earlier value
_TAKEN_FROM = re.compile(
    _TAKEN_INTO_ACCOUNT.pattern
    + r"[^.;]{0,120}?\bfrom\s+(?:us\$|\$|rmb)\s*(?P<value>[\d,]+(?:\.\d+)?)"
)


def _the_benchmark_moved(drafts: dict[tuple[object, ...], Draft], context: Context) -> None:
    """A comparison of "the LME aluminium price" with an earlier date is of the benchmark the
    daily headlines, the official settlement read before it (``aluminium (cash)``)."""
    for draft in drafts.values():
        if draft.value is not None or draft.change is None or draft.region != "LME":
            continue
        official = _with_qualifier(names.base_metal(draft.subject), "cash")
        if any((subject, region) == (official, "LME") for subject, region, *_ in context.levels):
            draft.subject = official


_SESSION_RANGE = re.compile(
    r"\b(?:within|in)\s+(?:the\s+|a\s+)?range\s+of\s*$|\bfrom\s+(?:the\s+|a\s+)?range\s+of\s*$"
    r"|\brange\s+of\s+[\d,.]+\s*-\s*[\d,.]+\s*(?:yuan/mt)?[^.;]{0,60}\bto\s*$"
)

# "The May contract traded mostly at RMB 12,110-12,135/mt on Friday morning": the span of a
# part of the session, not where it closed
_TRADED_IN_A_MORNING = re.compile(r"\btraded\s+(?:mostly\s+|largely\s+)?(?:at|between)\s*(?:rmb)?$")
_A_MORNING_AFTER = re.compile(
    r"^\s*(?:/\s*mt\s*)?(?:on\s+(?:mon|tues|wednes|thurs|fri)day\s+|in\s+the\s+)morning\b"
)

_FROM_THE_OPEN = re.compile(
    r"^\s*(?:yuan\s*)?(?:/\s*mt\s*)?(?:from|over|since)\s+(?:the\s+|its\s+)?(?:opening|open)\b"
    r"(?!\s+(?:of|on)\b)"
)

_A_SUM = re.compile(r"\d\s*(?:billion|million|trillion)\b")

_AFTER_THE_OPEN = re.compile(
    r"^\s*(?:/\s*mt\s*)?(?:shortly\s+|soon\s+|right\s+)?after\s+"
    # "after the open", "after Wednesday's open": the session's open, however it is dated
    r"(?:the\s+|(?:mon|tues|wednes|thurs|fri|satur|sun|to)day['’]s\s+)?open(?:ing)?\b"
)

_FLUCTUATING_BETWEEN = re.compile(r"\bfluctuat(?:ing|ed)\s+between\s*(?:rmb|us\$|\$)?$")
_WEEK_SPAN = re.compile(r"\b(?:this|the|last)\s+week\b|\bduring\s+the\s+week\b")

_CLOSED_THERE = re.compile(
    r"\b(?:clos(?:ed|ing)|end(?:ed|ing)|settl(?:ed|ing))\s+(?:at\s+)?(?:this|that|the\s+same)\s+level"
    r"|\b(?:clos(?:ed|ing)|end(?:ed|ing))\s+there\b"
)


def _close_at_named_level(
    sentence: Sentence,
    clauses: list[Clause],
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> None:
    """ "... rebounded to a high of $2,305/mt, and closed at this level, up $9.5/mt": the close
    is the level just named."""
    there = _CLOSED_THERE.search(sentence.folded)
    if there is None:
        return
    for draft in drafts.values():
        if draft.value is not None or draft.low is not None or draft.change is None:
            continue
        before = [
            quantity
            for clause in clauses
            for quantity in clause.quantities
            if quantity.kind is Kind.MONEY
            and quantity.end <= there.start()
            and quantity.unit == draft.unit
            and not quantity.is_range
        ]
        if before:
            named = before[-1]
            draft.value = named.value
            notes.add(
                sentence,
                named.start,
                named.end,
                "level",
                owner=draft.subject,
                emitted=True,
                why="the close, at the level the sentence named before it",
            )


def _in_aside(whole: str, quantity: Quantity) -> bool:
    """Whether an amount is inside parentheses: an aside about another series."""
    before = whole[: quantity.start]
    return before.count("(") > before.count(")")


# "Copper rose 0.76%, zinc surged 3.18%, aluminium added 0.71%, ...": a market wrap's moves.
_WRAPPED = (
    # ("Nickle slipped 1.6%": a misspelling the site prints)
    r"copper|aluminium|aluminum|zinc|lead|nickel|nickle|tin|iron\s+ore|rebar|hot-rolled\s+coil"
    r"|wire\s+rod|coking\s+coal|coke|stainless\s+steel"
    # ... and a midday review's other contracts ("Alumina fell 0.92%. Lithium carbonate fell
    # 1.27%, silicon metal rose 0.34%", "HRC down 0.22%")
    r"|alumina|lithium\s+carbonate|silicon\s+metal|hrc"
)
# ... also "Nickel led the losses and fell 1.6%", "Nickel remained the best performer with a 3.4%
# gain", "coke and iron ore climbed 1%"
_MOVE = re.compile(
    # (not "Lead added 1.6% to lead the gains": the verb)
    rf"\b(?P<venue>(?:shanghai|shfe|lme|london)\s+)?(?<!\bto\s)(?P<metal>{_WRAPPED})"
    rf"(?:\s+and\s+(?P<metal2>{_WRAPPED}))?\b"
    # ... and "Tin was the best performer with a rise of 1.75%"
    # ... and "Zinc was the best performer, closing up 1.52%"
    # (the words of one metal's move never run into the next metal: "LME copper rose,
    # aluminium rose 2.35%"; "lead was flat, zinc inched down 0.02%")
    # ("Aluminium extended its decline to a four-year trough and shed 2% on the day")
    r"(?:,\s*[^,%\d]{0,40},)?\s+(?P<verb>(?:(?!(?:" + _WRAPPED + r")\b)[a-z-]+,?\s+){0,8}?"
    r"(?!(?:" + _WRAPPED + r")\b)[a-z]+)\s+(?:by\s+|with\s+an?\s+|of\s+)?"
    r"(?P<pct>\d+(?:\.\d+)?)\s*(?:%|per\s*cent\b)"
    r"(?:\s+(?P<noun>gain|rise|increase|loss|decline|drop|fall))?"
    # "lead climbed 0.8% on the day": the day's move
    r"(?P<day>\s+on\s+the\s+day\b)?"
)

# "The ferrous complex extended their declines as iron ore lost 0.68%, rebar fell 1.33%, ...":
# each ferrous future trades on one exchange, whatever the wrap is about
_FERROUS_VENUES = {
    "iron ore": "DCE",
    "coking coal": "DCE",
    "coke": "DCE",
    "rebar": "SHFE",
    "hot-rolled coil": "SHFE",
    "wire rod": "SHFE",
    "stainless steel": "SHFE",
    "alumina": "SHFE",
    "lithium carbonate": "GFEX",
    "silicon": "GFEX",
}

_WRAP_SPELLINGS = {
    "aluminum": "aluminium",
    "nickle": "nickel",
    "hrc": "hot-rolled coil",
    "silicon metal": "silicon",
}


def _wrap_metal(name: str) -> str:
    return _WRAP_SPELLINGS.get(name, re.sub(r"\s+", " ", name))


# "coking coal fell 1.94% and coke 1.67%": the next metal's move, its verb left out
_AND_NO_VERB = re.compile(rf"\s*,?\s*and\s+(?P<metal>{_WRAPPED})\s+(?P<pct>\d+(?:\.\d+)?)\s*%")
# "copper and zinc tumbled more than 2.5%": a bound on the move, no amount
_MOVED_BEYOND_IN_WRAP = re.compile(r"\b(?:more|less)\s+than\s*$|\bover\s*$|\bin\s+excess\s+of\s*$")
_MOVES_AT_LEAST = 3  # a list, not one sentence about one metal
_FLAT_IN_WRAP = re.compile(
    rf"\b(?P<metal>{_WRAPPED})\s+(?:remained|stayed|was|held|closed|traded|ended)\s+(?:unchanged|flat|steady)\b"
)
# a sentence that is nothing but moves ("Lead fell 0.5% and tin shed 0.3%, while zinc stayed
# flat."; "Stainless steel ended down 0.1% on its first trading day on the Shanghai Futures
# Exchange.")
# ... "Dalian iron ore rose for a seventh straight day, gaining 1.1% on the day"
_ONLY_MOVES = re.compile(
    rf"^\W*(?:on\s+the\s+(?:shfe|lme)\s*,\s*)?(?:the\s+)?(?:dalian\s+)?(?:{_WRAPPED})\b[^;:]*%"
)

# ... "SHFE nonferrous metals closed mixed on Monday November 2, with aluminium jumping 2.95%"
_BASE_METALS_OF = re.compile(
    r"\b(?P<venue>shanghai|shfe|lme|london)\s+(?:base|nonferrous|non-ferrous)\s+metals\b"
)
_BASE_METALS_AT_HOME = re.compile(r"\bbase\s+metals\s+(?:at\s+home|in\s+the\s+domestic\s+market)\b")
_WRAP_MOVES_RESPECTIVELY = re.compile(
    rf"\b(?P<m1>{_WRAPPED})\s+and\s+(?P<m2>{_WRAPPED})\s+(?P<verb>(?:[a-z]+\s+){{0,3}}?[a-z]+)\s+"
    r"(?P<p1>\d+(?:\.\d+)?)\s*%\s+and\s+(?P<p2>\d+(?:\.\d+)?)\s*%\s+"
    r"(?P<noun>gains?|losses?|rises?|declines?|falls?|drops?|increases?|decreases?)\s+respectively\b"
)

_VENUES_OF = {"shanghai": "SHFE", "shfe": "SHFE", "lme": "LME", "london": "LME"}


def _read_moves(
    sentence: Sentence, clauses: list[Clause], context: Context, notes: Notes
) -> list[Draft]:
    """A wrap's list of moves, each metal's change in % on the exchange the wrap is about
    ("Shanghai base metals all closed higher overnight. Copper rose 0.76%, zinc surged
    3.18%, ..."). Nothing when the sentence names amounts of money or lists fewer metals."""
    folded = sentence.folded
    if "%" not in folded and "per cent" not in folded:
        return []
    if any(q.kind is Kind.MONEY for clause in clauses for q in clause.quantities):
        return []
    items = list(_MOVE.finditer(folded))
    # "Except tin, all LME base metals fell with nickel down 5.54%": one metal singled out of
    # an exchange's wrap
    wrap = _BASE_METALS_OF.search(folded)
    at_home = _BASE_METALS_AT_HOME.search(folded) is not None
    # ... or the wrap named its exchange in a sentence before and this one goes on with its
    # moves alone ("Lead fell 0.5% and tin shed 0.3%, while zinc stayed flat.")
    moves_alone = bool(items and context.wrap_venue and _ONLY_MOVES.match(without_dateline(folded)))
    # ... or each move names its own exchange ("SHFE tin fell 0.78%, SHFE nickel rose 0.34%")
    # (two or more of them; one metal's move told with its exchange is a sentence about that
    # metal, "LME aluminium ... lost nearly 10 per cent over the week"), or, in a wrap, trades on
    # one exchange only ("Alumina fell 0.92%.", "Lithium carbonate fell 1.27%, silicon metal ...")
    each_named = (
        bool(items)
        and context.wrap_venue is not None
        and all(_wrap_metal(item.group("metal")) in _FERROUS_VENUES for item in items)
    ) or (len(items) > 1 and all(item.group("venue") for item in items))
    if (
        len(items) < _MOVES_AT_LEAST
        and not ((wrap or at_home) and items)
        and not moves_alone
        and not each_named
    ):
        return []
    named = items[0].group("venue")
    if named:
        venue: str | None = _VENUES_OF[named.strip()]
    elif wrap is not None:
        venue = _VENUES_OF[wrap.group("venue")]
    elif at_home:
        venue = "SHFE"  # "As of the midday close, base metals at home mostly fell, with ..."
    else:
        venue = context.wrap_venue
    drafts: list[Draft] = []
    # (metal, move in %, the words that say which way, whether told "on the day")
    wrapped: list[tuple[str, str, str, bool]] = []
    respective = list(_WRAP_MOVES_RESPECTIVELY.finditer(folded))
    for told in respective:
        # "aluminium and tin underperformed with 0.05% and 0.58% losses respectively"
        noun = told.group("noun")
        noun = noun[:-2] if noun.endswith("sses") else noun.removesuffix("s")  # "losses"
        said = told.group("verb") + " " + noun
        wrapped += [(told.group("m1"), told.group("p1"), said, False)]
        wrapped += [(told.group("m2"), told.group("p2"), said, False)]
    own_venues: dict[str, str] = {}
    for item in items:
        if any(told.start() <= item.start() < told.end() for told in respective):
            continue
        if _MOVED_BEYOND_IN_WRAP.search(item.group("verb")):
            continue
        said = item.group("verb") + " " + (item.group("noun") or "")
        names_here = [name for name in (item.group("metal"), item.group("metal2")) if name]
        elided = _AND_NO_VERB.match(folded, item.end())
        wrapped += [(name, item.group("pct"), said, bool(item.group("day"))) for name in names_here]
        if elided is not None:
            wrapped.append((elided.group("metal"), elided.group("pct"), said, False))
        if item.group("venue"):
            for name in names_here:
                own_venues[name] = _VENUES_OF[item.group("venue").strip()]
    for name, pct, said, on_the_day in wrapped:
        sign = direction(said)
        metal = _WRAP_SPELLINGS.get(name, re.sub(r"\s+", " ", name))
        at = _FERROUS_VENUES.get(metal, own_venues.get(name, venue))
        if sign is None or at is None:
            continue
        draft = Draft(
            metric=Metric.PRICE,
            subject=metal,
            unit="USD/t" if at == "LME" else "CNY/t",
            sentence=sentence,
            region=at,
        )
        draft.change = PriceChange(
            sign * Decimal(pct),
            percent=True,
            basis=ChangeBasis.DOD if on_the_day else None,
        )
        drafts.append(draft)
    for flat in _FLAT_IN_WRAP.finditer(folded) if drafts else ():
        # "..., while iron ore remained unchanged": no move, on the wrap's exchange
        metal = _WRAP_SPELLINGS.get(flat.group("metal"), re.sub(r"\s+", " ", flat.group("metal")))
        at = _FERROUS_VENUES.get(metal, venue)
        if at is None:
            continue
        drafts.append(
            Draft(
                metric=Metric.PRICE,
                subject=metal,
                unit="USD/t" if at == "LME" else "CNY/t",
                sentence=sentence,
                region=at,
                change=PriceChange(Decimal(0)),
            )
        )
        notes.add(
            sentence,
            item.start("pct"),
            item.end(),
            "change",
            owner=metal,
            emitted=True,
            why=f"one metal's move in a {at} market wrap",
        )
    return drafts


# "... before closing at $9,793.0/mt. The overall trend showed an initial rise, followed by a
# decline, with a gain of 0.45%." / "... with no % change."
_TREND_CHANGE = re.compile(
    r"^\s*the\s+overall\s+trend\b[^.;]*?\bwith\s+(?:(?:a|an)\s+(?P<dir>gain|rise|increase|decline"
    r"|drop|decrease|loss|fall)\s+of\s+(?P<pct>\d+(?:\.\d+)?)\s*%|(?P<none>no\s+%\s+change))"
)


# "LME lead dropped 2.98% Thursday night.": a session's move in % told in a sentence of its
# own before the story of the session; the close the paragraph goes on to is its level
_SESSION_MOVE = re.compile(
    r"^\s*(?P<venue>lme|shfe|comex)\s+(?P<metal>[a-z]+)\s+(?P<dir>rose|fell|dropped|gained|"
    r"climbed|slid|declined|lost|jumped|advanced|edged\s+(?:up|down))\s+"
    r"(?P<pct>\d+(?:\.\d+)?)\s*%\s*(?:(?:on\s+)?(?:mon|tues|wednes|thurs|fri)day\s+night"
    r"|overnight|last\s+night)?\s*\.?\s*$"
)


def _read_session_move(sentence: Sentence, notes: Notes) -> Draft | None:
    told = _SESSION_MOVE.match(without_dateline(sentence.folded))
    if told is None:
        return None
    products = names.known_products(told.group("metal"))
    if not products:
        return None
    venue = told.group("venue").upper()
    sign = direction(told.group("dir")) or 1
    notes.add(
        sentence,
        told.start("pct"),
        told.end("pct") + 1,
        "change",
        owner=products[0][2],
        emitted=True,
        why="a session's move in %, told before its close",
    )
    return Draft(
        Metric.PRICE,
        products[0][2],
        "USD/t" if venue in {"LME", "COMEX"} else "CNY/t",
        sentence,
        region=venue,
        change=PriceChange(sign * Decimal(told.group("pct")), percent=True),
    )


def _read_trend_change(
    sentence: Sentence, clauses: list[Clause], context: Context, notes: Notes
) -> bool:
    """The change in % of the close the sentence before read, told as the session's trend."""
    trend = _TREND_CHANGE.search(sentence.folded)
    last = context.last_price
    if trend is None or last is None or last.change is not None or last.value is None:
        return False
    if any(q.kind is Kind.MONEY for clause in clauses for q in clause.quantities):
        return False
    if trend.group("none"):
        last.change = PriceChange(Decimal(0), percent=True)
        return True
    sign = direction(trend.group("dir")) or 1
    last.change = PriceChange(sign * Decimal(trend.group("pct")), percent=True)
    notes.add(
        sentence,
        trend.start("pct"),
        trend.end(),
        "change",
        owner=last.subject,
        emitted=True,
        why="the change of the close the sentence before read",
    )
    return True


def read_trend_words(sentence: Sentence, context: Context, notes: Notes) -> None:
    """A sentence without numbers can still close the change of the price before it: "The
    overall trend was fluctuating downward, with no % change." """
    if _read_trend_change(sentence, [], context, notes):
        return
    held = _HELD_FLAT.match(sentence.folded)
    last = context.last_spread_draft or context.last_price
    if held is None or last is None or last.change is not None or last.empty:
        return
    # "... with the average price at parity. This was flat compared to the previous trading
    # day.": the figure just read did not move
    basis, _ = basis_at(sentence.folded[held.end() :], after=True)
    last.change = PriceChange(Decimal(0), basis=basis)


_HELD_FLAT = re.compile(
    r"^\s*(?:this|that|it)\s+(?:was|is|remained|stayed|held)\s+(?:flat|unchanged|stable|steady)\b"
)


def note_subject(sentence: Sentence, context: Context) -> None:
    """Remember the product a sentence without amounts names, for the next sentence's "it"."""
    products = names.known_products(sentence.folded)
    if not products:
        return
    end = len(sentence.folded)
    clause = Clause(sentence.text, sentence.folded, 0, ())
    marker = Quantity(end, end, Kind.MONEY, Decimal(0), None, "CNY/t")
    owner = _owner(sentence.folded, clause, marker, context, None)
    if owner is not None and owner.region != "skip":
        context.last_owner = (owner.product, owner.region)


def _read_prices(
    sentence: Sentence,
    clause: Clause,
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
    previous: _Owner | None,
) -> _Owner | None:
    """Read one clause's prices; return its owner for the next clause of the sentence."""
    whole = sentence.folded
    folded = clause.folded
    clause_end = clause.start + len(folded)
    money = [q for q in clause.quantities if q.kind is Kind.MONEY]
    percents = [q for q in clause.quantities if q.kind is Kind.PERCENT]
    if not money and not (
        percents
        and (
            _PRICE_WORD.search(folded)
            or re.search(r"\bcontract\b(?:[^.;]|\.\d)*\bclos", folded)
            # "Shanghai nickel ..., and closed up 1.25% as of the day": a close's move; "The most
            # active SHFE rebar contract was down by just 0.44%": a contract's; "LME lead dropped
            # 2.98% Thursday night": an exchange's metal
            or re.search(r"\bclosed\s+(?:up|down|higher|lower)\b", folded)
            # "..., and it ultimately closed at that level, down 2.04%": the close's move
            or _CLOSED_AT_THAT_LEVEL.match(folded)
            or re.search(
                r"\b(?:lme|shfe|comex)\s+[a-z]+\s+(?:rose|fell|dropped|gained|lost|climbed|slid"
                r"|jumped|declined|surged|tumbled|settled|closed|ended|finished)\b",
                folded,
            )
            or re.search(
                r"\bcontract\s+(?:was\s+|were\s+)?(?:up|down|rose|fell|gained|lost|climbed|dropped)\b",
                folded,
            )
            # "SHFE copper prices ..., moving primarily between RMB 47,200-47,800/mt, but still
            # down 1.3% for the week": the move of the series the clause before was about
            or (previous is not None and _LONE_MOVE.match(folded) is not None)
            # "..., rebounding from a 0.2 per cent daytime drop": the other session's move
            or (previous is not None and _SESSION_MOVE_NOUN.search(folded) is not None)
        )
    ):
        return previous
    if not money and ("operating rate" in folded or "utili" in folded):
        return previous
    tonnes = any(q.kind is Kind.TONNES for q in clause.quantities)
    # "... long-term contract procurement prices ... were: A; ammonium paratungstate B", "...
    # published its long-term contract prices ..., with A increasing by ..., and APT rising by
    # 20,000 yuan/mt to 410,000 yuan/mt": the next item of the firm's own list
    listed_after_a_tender = bool(_TENDER.search(whole[: clause.start])) and (
        bool(_NEXT_ITEM_OPENS.search(whole, 0, clause.start))
        # "TISCO ... announce its August steel tender price at 7,645 yuan/mt (50% metal
        # content), 200 yuan below July": the tender's own move, its clause only an amount
        or _AMOUNT_ALONE.match(folded) is not None
        # "the tender price for prebaked anode at a large aluminum plant in Shandong fell 266
        # yuan/mt MoM in May, with the spot price for prebaked anode in May 2025 at 4,939 yuan/mt
        # and the acceptance price at 4,963 yuan/mt": the tender's own terms, told after it
        or re.match(r"\W*with\s+the\b", folded) is not None
    )
    if (
        # a tender told after the prices is their cause ("settled at 730,000-740,000 yuan/mt,
        # ..., as big magnet makers' tenders came in lower"), not what they are
        _TENDER.search(whole[clause.start : money[-1].end] if money else folded)
        or listed_after_a_tender
        or (
            # ("The recent three vessels of Guinea bauxite traded at USD 74-75 per dry metric
            # tonne": counted ships, not the market's quote)
            (tonnes or _COUNTED_SHIPS.search(folded) is not None)
            and (
                _DEAL.search(folded)
                # "Three deals were recorded: on March 10, 30,000 mt was transacted at $480/mt ...;
                # on March 11, 35,000 mt at $440/mt ...": the later deals with the verb left out
                or (_DEAL.search(whole) and _TONNES_AT.search(folded))
            )
        )
    ):
        dealt = names.known_products(folded)
        for quantity in money:
            if dealt and _read_import_window(sentence, quantity, dealt[0][2], drafts, notes):
                # "A deal ... was done at $342/mt FOB ..., equivalent to 3,078.3 yuan/mt CIF
                # China and 133.55 yuan/mt higher than the domestic spot prices": the deal is
                # not a figure, the import window it shows is.
                continue
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "deal",
                why="a single deal's price, not a market quote",
            )
        return previous
    continues = _CONTINUES.match(folded) is not None and context.last_price is not None
    current: Draft | None = None
    last_owner = previous
    previous_end = clause.start
    last_change: Quantity | None = None
    pending_sign: int | None = None
    skipped_deal: Quantity | None = None  # the amount just passed over as a deal or offer
    skipped_role = "deal"  # ... and what it was passed over as
    clause_start_amount = True  # the next money amount is the clause's first
    foreign_clause = False  # the clause is about a fee, cost or volume
    # "..., while that using high-grade NPI is about 13,802.73 yuan/mt": the cost the clause
    # before it was about, not the product named
    cost_again = bool(_THAT_AGAIN.match(folded)) and _foreign(whole[: clause.start])
    quantities = [q for q in clause.quantities if q.kind in {Kind.MONEY, Kind.PERCENT, Kind.OTHER}]
    told_unit: str | None = None
    # "Aluminium ingot price in Foshan stands at RMB 13640 per tonne, down RMB 20 per tonne and
    # RMB 30 per tonne": two moves for one price, which is the move is not written
    two_moves = _TWO_MOVES_FOR_ONE.search(folded)
    for quantity in quantities:
        if two_moves is not None and (
            clause.start + two_moves.start("moves")
            <= quantity.start
            < clause.start + two_moves.end()
        ):
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                why="one of two moves told for one price: which is its move is not written",
            )
            continue
        if _MISPRINTED_PERCENT.match(whole, quantity.start):
            # "It finally closed at 17,290 yuan/mt, down 1/13%.": a move misprinted, no amount
            # to read from it
            notes.add(sentence, quantity.start, quantity.end, "other", why="a misprinted number")
            continue
        if quantity.kind is Kind.MONEY:
            if (
                quantity.value < 1000
                and _PER_KG.search(whole, 0, quantity.start)
                and quantity.high is None
            ):
                # "an upward strive of RMB 0.10 per kg, stopping at RMB 20.30 per tonne": a price
                # the sentence counts per kilogram, its unit mistyped (not "lead fell by nearly
                # RMB 300/mt during May, while #1 silver prices fell by over RMB 500/kg")
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "other",
                    why="a price per kilogram written as per tonne",
                )
                previous_end = quantity.end
                continue
            converted = (
                told_unit is not None
                and quantity.unit != told_unit
                and whole[max(clause.start, previous_end) : quantity.start].strip() == "("
            )
            converted = converted or (
                _AFTER_A_QUOTE_PER_UNIT.search(
                    whole, max(clause.start, quantity.start - 40), quantity.start
                )
                is not None
            )
            if converted:
                # "RMB 20,656 per tonne (USD 2,880 per tonne)": the same price in other money
                # (or "European APT at 610-685 $/mtu (384,000-431,200 yuan/mt)": a quote per
                # unit of metal, converted)
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "other",
                    why="a price converted into another currency",
                )
                previous_end = quantity.end
                continue
            if told_unit and not _CURRENCY.search(whole[quantity.start : quantity.end]):
                # "dropped US$13.50 per tonne to peg at 2,284.42 per tonne": the currency the
                # clause is counting in
                quantity = replace(quantity, unit=told_unit)
            else:
                told_unit = quantity.unit
        own_lead = whole[max(clause.start, previous_end) : quantity.start]
        note = _AMOUNT_NOTE.match(whole, quantity.end)
        reach = AFTER + (len(note.group(0)) if note else 0)
        led_to = _TO_THE_LEVEL.match(whole, quantity.end)
        if led_to is not None:
            # "rose slightly by 50 yuan/mt to 20,570 yuan/mt on Thursday compared to the
            # previous day": the basis follows the level the change led to
            reach += len(led_to.group(0))
        trail = _without_amount_note(whole[quantity.end : min(quantity.end + reach, clause_end)])
        previous_end = quantity.end
        if (
            quantity.kind is Kind.MONEY
            and not quantity.per_tonne
            and re.search(r"\b(?:billion|trillion)\b", whole[quantity.start : quantity.end + 10])
        ):
            continue  # "new government debt ... 290 billion yuan more": a sum, not a price
        if re.search(r"\(\s*(?:[~≈]|approximately|approx\.|about|around|roughly)\s*$", own_lead):
            # "113,900 yuan per ton (~15,775.62 USD/ton)", "RMB 19,830 per tonne (approximately
            # US$2717)": the same price converted, whose owner the next amount must not inherit
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                why="a price converted into another currency",
            )
            continue
        if quantity.kind is Kind.OTHER and _PER_UNIT_OF_METAL.search(
            whole, quantity.start, quantity.end
        ):
            # "closed at 280,000-281,000 yuan/mtu, down 2,000 yuan/mt WoW": a quote per unit of
            # the ore's metal keeps no figure, nor does its move, whatever unit that is
            # misprinted in
            skipped_deal, skipped_role = quantity, "other"
            continue
        if quantity.kind is Kind.OTHER:
            # "down 225" after a price: an amount without its unit, in the unit of the price.
            signed_aside = quantity.sign is not None and own_lead.rstrip().endswith("(")
            # "down 0.95%, or 52 points": the same move in the contract's points (yuan)
            in_points = re.search(r"\bor\s*$", own_lead) and re.match(r"\s*points?\b", trail)
            if current is None or not (
                re.search(r"\b(?:up|down|by)\s*$", own_lead) or signed_aside or in_points
            ):
                continue  # ... or "RMB 20,750 per tonne (-50)": the change in parentheses
            if FOREIGN.mentioned(own_lead) or re.search(
                r"\b(?:lots|contracts|positions?|open\s+interest|volume)\b",
                whole[clause.start : quantity.start],
            ):
                continue  # "with open interest of 189,460 contracts, up 4,364": not the price's
            if _CHART_INDICATOR.search(own_lead):
                continue  # "with a narrowing negative histogram (-44.5096)": the MACD's reading
            quantity = Quantity(
                quantity.start,
                quantity.end,
                Kind.MONEY,
                quantity.value,
                None,
                current.unit,
                quantity.sign,
            )
        if (
            quantity.kind is Kind.MONEY
            and (
                _OTHER_MARKET_SUBJECT.match(without_dateline(whole))
                # "Citigroup turned bearish on gold and expects it to fall to $4,000"
                or _VIEW_ON_ANOTHER_MARKET.search(whole[clause.start : quantity.start])
            )
            and not names.known_products(whole[: quantity.start])
        ):
            # "Gold closed up 2.2% at USD 1,218.20/mt" in a zinc review: gold's price, whatever
            # unit the site misprinted
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                why="another market's price (gold, oil, the dollar), not a metal's",
            )
            continue
        if quantity.kind is Kind.PERCENT:
            if _OTHER_MARKET_SUBJECT.match(without_dateline(whole)) and not names.known_products(
                whole[clause.start : quantity.start]
            ):
                # "Spot gold fell for a third day, ..., and closed down 0.83%": gold's move
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "other",
                    why="another market's move (gold, oil, the dollar), not a metal's price",
                )
                continue
            not_a_price = _another_things_move(whole[clause.start : quantity.start], trail)
            if not_a_price is not None:
                notes.add(sentence, quantity.start, quantity.end, "other", why=not_a_price)
                continue
            if _SO_FAR.search(whole[clause.start : quantity.start]) and re.match(
                r"^\s*(?:or\s+[^,;]{1,30}?\s+)?from\b", trail
            ):
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "reference",
                    why="a move since a dated point (so far this month): no period to compare",
                )
                continue
            if _SINCE_THE_START.match(trail):
                # "an average price of RMB88,000/t up by 66% from the beginning 2021": a move
                # since a dated point, with no period a rule could compare
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "reference",
                    why="a move since the start of a year: no period to compare",
                )
                continue
            if _TO_THE_LIMIT.match(trail):
                # "rising sharply by 11.99%, with prices reaching the limit of 174,060": the move
                # to the exchange's daily limit within the session, no close told
                notes.add(sentence, quantity.start, quantity.end, "intraday", why=_WHY["intraday"])
                continue
            if _MOVED_BEYOND.search(whole[clause.start : quantity.start].rstrip()):
                # "Local tin prices have surged higher by over 20%": a bound on a move, no amount
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "other",
                    why="a move told only as more or less than an amount: none to carry",
                )
                continue
            target = current
            if target is not None and _NAMES_ANOTHER.search(own_lead):
                target = None  # "(LME nickel also fell 1.46% to $14,840/mt)": another series
            if target is None and continues:
                target = context.last_price
            sign = quantity.sign if quantity.sign is not None else direction(tail_of(own_lead, 40))
            if sign is None and _OFF_BY.search(own_lead):
                sign = -1  # "The contract closed the day at RMB 80,370/mt, off 0.35%."
            noun_after = _NOUN_AFTER.match(trail)
            if noun_after is not None and (sign is None or _FROM_A.search(own_lead)):
                # "marking a 1.22% decline"; "rebounding from a 0.2 per cent daytime drop": the
                # noun tells the move's side, not the verb before it
                sign = direction(noun_after.group(0))
            # "closed 0.63% higher at 52,590 yuan/mt", "ended the day 0.3% lower at 19,800"
            # (the lead from the clause's start: "closed the nighttime session on August 29 0.43
            # per cent lower" has a date's number between the close and its move)
            side_after = (
                _SIDE_AFTER.match(trail)
                if _CLOSE_BEFORE.search(whole, clause.start, quantity.start)
                else None
            )
            if side_after is None and re.search(r"\b(?:which|that)\s+(?:is|was)\s*$", own_lead):
                # "RMB 4,698 per tonne, which is 56 per cent higher than last year's October 23
                # price": the year's move
                side_after = _THAN_A_YEAR_AGO.match(trail)
            if side_after is None and target is not None and re.fullmatch(r"\s*,\s*", own_lead):
                # "Nickel briquette averaged 122,000 yuan/mt, 2% lower than the week before":
                # the level's move, its side told after it
                side_after = _THAN_THE_PERIOD_BEFORE.match(trail)
            stood = _STOOD_BASIS_SIDE.search(own_lead)
            if side_after is None and stood is not None:
                # "the LME aluminium benchmark price stood week-on-week high by 1 per cent": the
                # week's move of the benchmark, a figure of its own
                side_after = stood
                target = None
            if side_after is not None and (sign is None or side_after.re is _SIDE_AFTER):
                # (the side told after outweighs a move before: "It then rebounded and closed
                # the trading day 0.86% lower at 48,150 yuan/mt")
                side = "side" if "side" in side_after.re.groupindex else 1
                word = side_after.group(side)
                sign = direction(_SIDE_WORDS.get(word, word))
            if (
                target is None
                and sign is not None
                and (_change_lead(own_lead) or side_after is not None or noun_after is not None)
                and not _OVER_SPAN.match(trail)
            ):
                # "aluminium prices rose 2.1 per cent W-o-W"; "closed down 0.27 per cent or
                # RMB 50 per tonne at RMB 18,610": the figure starts with its change in %.
                owner = _owner(whole, clause, quantity, context, last_owner)
                named_after = _PRODUCT_AFTER.match(trail) if owner is None else None
                after = names.known_products(named_after.group(1)) if named_after else []
                if after:
                    # "a 91.2 per cent gain in the average pricing of alumina Y-o-Y": the
                    # product named after its move
                    owner = _Owner(after[0][2], "China")
                if (
                    owner is not None
                    and owner.region == "LME"
                    and _BENCHMARK_PRICE_NAMED.search(own_lead)
                ):
                    # AL Circle's "the LME aluminium benchmark price": the official settlement
                    # (not the "Benchmark aluminium on the LME" of a wire report: its close)
                    owner = _Owner(_with_qualifier(owner.product, "cash"), "LME")
                if _told_of_a_bid(whole[: quantity.start]):
                    # "The cash bid rose 2.11 per cent to USD 2,884.5 per tonne": a bid's move
                    notes.add(sentence, quantity.start, quantity.end, "bid", why=_WHY["bid"])
                    continue
                if (
                    owner is None
                    or owner.region == "skip"
                    or _foreign(whole[clause.start : quantity.start])
                    or (_futures(owner) and _ONCE.search(own_lead[-40:]))
                    or _government_benchmark(whole[: quantity.start], owner.product, context)
                ):
                    continue
                if not _in_aside(whole, quantity):
                    last_owner = owner
                target = _draft(
                    drafts,
                    owner,
                    "CNY/t" if owner.region != "LME" else "USD/t",
                    sentence,
                    _price_period(whole, context, False),
                    _forward(sentence, clause, quantity),
                )
                current = target
                pending_sign = sign
            if target is not None and _moved_again_on_another_basis(
                target, trail, context, sentence, whole[clause.start : quantity.start]
            ):
                # "settled at 117,180 yuan/mt, surging 3,600 yuan/mt for the day and gaining
                # 1.27% WoW": the week's move is a figure of its own, not the day's in per cent
                target = _draft(
                    drafts,
                    _Owner(target.subject, target.region),
                    target.unit,
                    sentence,
                    target.period,
                    target.forecast,
                    fresh=True,
                )
            if target is None or (
                target.change is not None
                and not target.change.percent
                # "remained stable at 234,000-254,000 yuan/mt, ..., down 0.2% from March 28":
                # the move the report measures outweighs the word
                and (target.change.amount != 0 or quantity.value == 0)
            ):
                continue
            if (
                sign is None
                or not (_change_lead(own_lead) or noun_after is not None or side_after is not None)
                or _OVER_SPAN.match(trail)
            ):
                continue  # "losing 17% in 10 trading days": a run, not a stated change
            if _since_a_dated_point(whole, quantity) or _SINCE_A_DAY_AFTER.match(
                whole, quantity.end
            ):
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "reference",
                    owner=target.subject,
                    why="a change since a dated point: no basis a rule compares",
                )
                continue
            if _A_MARGIN.search(own_lead[-60:]) and not _IN_A_NIGHT_OR_DAY_SESSION.match(trail):
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "other",
                    owner=target.subject,
                    why="a producer's margin against its cost, not the price's move",
                )
                continue
            if _A_SUM.search(whole[clause.start : quantity.start]):
                # "state-controlled firms made 2,008.36 billion yuan, down 1.6% YoY"
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "other",
                    owner=target.subject,
                    why="the change of a sum or a volume, not of a price",
                )
                continue
            told_before = whole[max(clause.start, quantity.start - 120) : quantity.start]
            if _MONTHS_SPANNED.search(told_before) and "average" in told_before:
                # "Average price ... during January to October reaches 86,600 yuan per tonne,
                # rising 27.17% on yearly basis": the move of a span's average, no series'
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "span",
                    owner=target.subject,
                    why="the move of an average over several months",
                )
                continue
            basis = _basis(trail, context, sentence, whole[clause.start : quantity.start])
            if basis is None and (
                days_back_to(trail, context.published) is not None
                or _FROM_A_HIGH_OR_LOW.match(trail)
            ):
                # "the average price of low-sulphur coke ... reached approximately RMB 3,877 per
                # tonne, up 5.72 per cent from July 7": since a dated point, no day, week or
                # month before (and "slipped about 35% from a post-holiday high level": since
                # a peak)
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "reference",
                    owner=target.subject,
                    why="a change since a dated point: no basis a rule compares",
                )
                continue
            if basis is None and side_after is not None and side_after.re is _THAN_A_YEAR_AGO:
                basis = ChangeBasis.YOY
            if side_after is not None and side_after.re is _STOOD_BASIS_SIDE:
                basis = _NOUN_BASES[side_after.group("which")]
            if (target.low is not None or target.value is not None) and _WEEKLY_AVERAGE.search(
                own_lead[-60:]
            ):
                # "quoted at 552,000-558,000 yuan/mt as of April 23, ... and the weekly average
                # price fell 2.41% from a week ago": the move of the week's average, not of the
                # day's quote
                target = _draft(
                    drafts,
                    _Owner(target.subject, target.region),
                    target.unit,
                    sentence,
                    target.period,
                    target.forecast,
                    fresh=True,
                )
            move_places = _places_of_the_move(trail, context) if target.region == "China" else []
            if move_places:
                # "The W-o-W price has seen a 14 per cent hike in both provinces": the move of
                # each place named, not of the national price read before
                first_place, *other_places = move_places
                target = _draft(
                    drafts,
                    _Owner(target.subject, first_place),
                    target.unit,
                    sentence,
                    target.period,
                    target.forecast,
                    fresh=True,
                )
                target.twins.extend(
                    _draft(
                        drafts,
                        _Owner(target.subject, place),
                        target.unit,
                        sentence,
                        target.period,
                        target.forecast,
                        fresh=True,
                    )
                    for place in other_places
                )
            if (
                target.change is not None
                and target.change.percent
                and _SESSION_NAMED.search(whole, clause.start, quantity.end + AFTER)
            ):
                # "fell 2.47 per cent to close Thursday's daytime session and ended the
                # nighttime session 0.55 per cent lower": each session's move, a figure of its own
                target = _draft(
                    drafts,
                    _Owner(target.subject, target.region),
                    target.unit,
                    sentence,
                    target.period,
                    target.forecast,
                    fresh=True,
                )
            if (
                target.change is not None
                and target.change.percent
                and target.change.basis is not None
                and basis is not None
                and basis is not target.change.basis
            ):
                # "103,300 yuan per tonne, up 43.67% on yearly basis, down 9.15% on monthly
                # basis": a price holds one move, the one written first
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "other",
                    owner=target.subject,
                    why="a second move of the same price on another basis: the first is kept",
                )
                continue
            target.change = PriceChange(sign * quantity.value, percent=True, basis=basis)
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "change",
                owner=target.subject,
                emitted=True,
                why="a price change in %",
            )
            last_change = quantity
            pending_sign = sign  # "up 0.60% (or $242) on the day": the amount follows
            continue
        found: _Owner | None
        if (
            continues
            and context.last_price is not None
            # "This was mainly due to lithium carbonate prices, which fell by about 1,450
            # yuan/mt": a sentence naming a product goes on about that one
            and not names.known_products(whole[: quantity.start])
        ):
            found = _Owner(context.last_price.subject, context.last_price.region)
        elif (
            current is not None
            and quantity.sign is not None
            and not quantity.is_range
            and own_lead.rstrip().endswith("(")
        ):
            found = _Owner(current.subject, current.region)  # "RMB 20,520 (-60) in Foshan"
        else:
            found = _owner(whole, clause, quantity, context, last_owner)
        owner = found
        if (
            owner is not None
            and owner.product in _STEEL_PRODUCTS
            and _BILLET.search(own_lead)
            and not names.known_products(own_lead)
        ):
            # "In China, spot billet prices in Tangshan edged up RMB 10 a ton" in a report on
            # rebar: steel billet, not the aluminium billet a bare "billet" is elsewhere
            owner = _Owner("steel billet", owner.region)
        if owner is not None and context.fee_topic and not names.known_products(whole):
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                why="a fee the paragraph is about, not a price",
            )
            continue
        if owner is None and (named_for := _FOR_A_PRODUCT.match(trail)) is not None:
            # "Prices were RMB 29,500/mt for lanthanum oxide, RMB 28,000/mt for cerium oxide":
            # the product named after the first amount of such a list
            after = names.known_products(named_for.group(1))
            owner = _Owner(after[0][2], "China") if after and after[0][0] == 0 else None
        if owner is None:
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                why="no product named for this amount: not guessed",
            )
            continue
        if owner.region == "skip":
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                owner=owner.product,
                why="an exchange price converted into another currency",
            )
            continue
        if _CONVERTED.search(own_lead):
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                owner=owner.product,
                why="a price converted into another currency or delivery point",
            )
            continue
        if _read_import_window(sentence, quantity, owner.product, drafts, notes):
            continue
        if (
            names.names_brand(own_lead)
            or (
                _AFTER_A_GRADE_NUMBER.match(own_lead) is not None
                and names.names_brand(_since_the_last_comma(whole, clause.start, quantity.start))
            )
            # "Quotes were RMB 13,870/mt for Shuangyan (packed in iron) and new Honglu brands"
            or _FOR_BRANDS.match(whole, quantity.end) is not None
        ):
            # (also "Huize #0 zinc prices were RMB 16,890-16,920/mt", the grade's number
            # cutting the words before the amount)
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "brand",
                owner=owner.product,
                why="one brand's price, not the market's",
            )
            continue
        if not quantity.per_tonne and _A_SUM_OF_MONEY.search(whole, quantity.start, quantity.end):
            # "Over 40 million yuan left the 1911 and 1912 contracts": money, not a price
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                owner=owner.product,
                why="a sum of money, not a price per tonne",
            )
            continue
        if _RELATIVE.search(own_lead):
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                owner=owner.product,
                why="a deal quoted relative to a benchmark (SMM minus 10)",
            )
            continue
        # The first amount of a clause is read with what the clause (or sentence) is about;
        # a later one with the words since the amount before it ("..., then fell back with
        # Chinese stocks, to end at 40,990": the stocks are not the copper's).
        said_of = (
            _subject_text(whole, clause, quantity)
            if clause_start_amount or foreign_clause
            else own_lead
        )
        first_amount, clause_start_amount = clause_start_amount, False
        if (
            (
                _TC_PER_DRY_TONNE.search(whole[quantity.start : quantity.end + 4])
                or _PER_TONNE_OF_METAL.match(whole, quantity.end)
            )
            and (
                _TC_WORDS.search(whole)
                # "recent offers for standard zinc concentrates were heard around $20/dmt": a
                # base metal concentrate's dry-tonne offer is its treatment charge
                or owner.product.startswith(("zinc concentrate", "lead concentrate"))
            )
        ) or (
            # "the SMM Imported Copper Concentrate Index (Weekly) stood at $81.36/mt": copper
            # concentrate is bought by its treatment charge, in dollars a fee, not a price
            owner.product.startswith("copper concentrate") and quantity.unit == "USD/t"
        ):
            # "the SMM Imported Zinc Concentrate Index increased by $1/dmt WoW to $66.25/dmt" in
            # a TC report: the treatment charge per dry tonne of concentrate, a fee
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                owner=owner.product,
                why="a treatment charge per dry tonne of concentrate: a fee, not a price",
            )
            continue
        if _government_benchmark(whole[: quantity.start], owner.product, context):
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                owner=owner.product,
                why="a government benchmark worked out from exchange prices (HMA, HPM)",
            )
            continue
        if (
            _foreign(said_of)
            or (foreign_clause and not names.known_products(own_lead))
            or _OF_SOMETHING_ELSE.match(trail)
            or (cost_again and first_amount)
        ):
            foreign_clause = True
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                owner=owner.product,
                why="an amount of something else (a cost, fee, profit or volume)",
            )
            continue
        if (
            owner.region == "China"
            and context.paragraph_place
            and not names.regions(
                without_dateline(whole[clause.start : clause.start + len(clause.folded)])
            )
            and not names.is_cif(whole)
        ):
            owner = _Owner(owner.product, context.paragraph_place)
        if owner.product.startswith("dolomite"):
            # "The ex-factory price of dolomite (Wutai) for 1-3 material is 78 yuan/mt, and for
            # 2-4 material is 128 yuan/mt": the size each price is for
            sizes = _DOLOMITE_SIZE.findall(whole[: quantity.start])
            if sizes:
                owner = _Owner(f"dolomite ({sizes[-1]} grade)", owner.region)
        if owner.region == "China" and not names.regions(clause.folded):
            # "the aluminum-to-silicon ratio in Shanxi was 5.0, and bauxite containing 60%
            # alumina was about 500-530 yuan/mt": the place a priceless clause before named
            segment = whole[whole.rfind(";", 0, clause.start) + 1 : clause.start]
            places = {place for *_, place in names.regions(without_dateline(segment))}
            if (
                len(places) == 1
                and re.search(r"\b(?:ratio|grade|content)\b", segment)  # the quote's quality
                and not any(q.kind is Kind.MONEY for q in read_quantities(segment))
            ):
                owner = _Owner(owner.product, places.pop())
        if (
            owner.region == "China"
            and " (" in owner.product
            and context.place
            and context.place_metal == names.base_metal(owner.product)
            and not re.search(r"\b(?:fob|cif|domestic|national|china's)\b", clause.folded)
            and not names.regions(clause.folded)
            # "For imported material, the offer price for South African high-carbon
            # ferrochrome was ...": imports quoted at home, not in the market named before
            and not _FOR_IMPORTS.search(whole)
            and not names.imported_by_origin(owner.product)
            # (the local refineries' average coke is a market of its own, not a grade of the
            # north-east's low-sulphur coke quoted before it)
            and not owner.product.endswith("(local refinery)")
        ):
            # "SMM east China oxygen-blown #553 silicon was priced at ..., while #441 silicon was
            # priced at ...": the grades of one quote list share its market.
            owner = _Owner(owner.product, context.place)
        if (
            owner.region == "China"
            and context.place
            and _THE_MARKETS_DEALS.match(without_dateline(whole))
            and not names.regions(clause.folded)
        ):
            # "Spot prices of #1 copper cathode in North China ... were at a discount of 450-310
            # yuan/mt today ... Transaction prices ranged from 102,450-103,140 yuan/mt": the
            # deals of the market the paragraph's spot quote named
            owner = _Owner(owner.product, context.place)
        if (
            owner.region == "China"
            and whole[: clause.start].rstrip().endswith(";")
            and not re.search(r"\b(?:fob|cif)\b", clause.folded)
            and not names.imported_by_origin(owner.product)
        ):
            # "553# silicon ... at 16,300-16,600 yuan/mt in east China, ...; 441# silicon
            # 18,000-18,200 yuan/mt": a list's items share the place its first item names.
            listed = _listed_place(drafts, owner.product)
            if listed is not None and not names.regions(whole[clause.start : quantity.start]):
                owner = _Owner(owner.product, listed)
        named_after = _PRODUCT_AFTER.match(trail)
        if named_after is not None:
            # "Traded prices were RMB 41,000-41,250/mt for standard-quality copper"; "with a
            # decline of 10,000 yuan/mt in prices of europium oxide"
            after = names.known_products(named_after.group(1))
            if after:
                owner = _Owner(after[0][2], owner.region)
        told_before = whole[clause.start : quantity.start]
        if (
            owner.region not in EXCHANGES | {"China"}
            and not owner.region.startswith(("FOB", "CIF"))
            and re.search(r"\bdomestic\b", told_before)
            and not names.regions(told_before)
        ):
            # "the price of a plant in Jiangxi fell ..., while the transaction price of domestic
            # small and medium-sized plants fell ...": the country's, not the place before
            owner = _Owner(owner.product, "China")
        if owner.region in EXCHANGES and _SPOT_METAL_AT.search(own_lead):
            # "SHFE 1507 lead should fluctuate between RMB 13,080-13,280/mt and spot lead
            # 13,550-13,650/mt": the spot market's price, not the exchange's
            owner = _Owner(owner.product, "China")
        venue_after = _FOR_A_VENUE.match(trail)
        if venue_after is not None:
            # "LME nickel is expected to trade at $10,200-10,600 per tonne, and 80,000-83,000
            # yuan per tonne for SHFE 1701": the venue named after the amount
            owner = _Owner(owner.product, venue_after.group(1).upper())
        if owner.region not in _VENUES:
            # "the hike of RMB 125 per tonne in Guangxi to peg at RMB 3,700"; "at 14,630-14,660
            # yuan/mt in Shanghai, at 14,620-14,660 yuan/mt in Wuxi": the place follows.
            place_after = _PLACE_AFTER.match(trail)
            regions = names.regions(place_after.group(1)) if place_after else []
            if regions:
                owner = _Owner(owner.product, regions[0][2])
        if not _in_aside(whole, quantity):
            # "(LME nickel also fell 1.46% to $14,840/mt); it kept falling": an aside is not
            # what the next clause or the next "it" is about.
            last_owner = owner
            context.last_owner = (owner.product, owner.region)
        role = _role(
            quantity,
            own_lead,
            whole[clause.start : quantity.start],
            trail,
            owner,
            last_change,
            whole[quantity.end :],
            _later_on(context.paragraph_rest),
            context.paragraph_rest,
        )
        if role in {"level", "range", "bound"} and quantity.sign == 1:
            # "with quotes shifting to +20 yuan/mt above the average range", "quotations ...
            # between -60 and +80 yuan": a signed amount is a difference from a price, never one
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                why="a signed amount: a difference from a price, not a price",
            )
            continue
        if role in {"level", "range", "change"} and _refiners_own(whole, quantity.start):
            role = "deal"  # a refining group's own coke price, told in its own statement
        if (
            role in {"level", "range", "change"}
            and context.paragraph_before
            and _expiring_contracts_own(context.paragraph_before, whole)
        ):
            role = "other"  # the expiring contract's last prices, not the market's
        if (
            role == "change"
            and _AFTER_MOVING_BY.search(own_lead)
            and told_for_an_earlier_day(
                whole[quantity.end :], _told_before(context, whole, quantity), context.published
            )
        ):
            # "Alumina price stands at RMB 2503 per tonne, after rising by RMB 7 per tonne on
            # February 19": the day before's move, not today's
            role = "reference"
        if (
            role == "level"
            and _WAS_BEFORE.search(own_lead)
            and told_for_an_earlier_day(
                whole[quantity.end :], _told_before(context, whole, quantity), context.published
            )
        ):
            # "Australian alumina FOB price dropped USD 2 per tonne to stand at USD 312 per tonne,
            # as of July 9. The price was USD 314 per tonne on Monday, July 8": the day before's
            role = "reference"
        if (
            role == "level"
            and _UNPLACED_NEXT_LEVEL.match(whole, clause.start, quantity.start)
            and re.search(r"\bfollowed\s+by\s*$", whole[: clause.start])
        ):
            # "The average alumina spot price has dropped by RMB 2 per tonne to stand at RMB
            # 3,906 per tonne, followed by a slump of RMB 10 per tonne to stand at RMB 3,890 per
            # tonne": a second level whose place the text leaves out, not guessed
            role = "other"
        if role == "level" and _WHILE_IT_WAS.search(
            whole[max(0, clause.start - _CONJUNCTION) : quantity.start]
        ):
            role = "reference"
        if (
            role == "level"
            and not _futures(owner)
            and (
                (
                    _HOVERED.search(own_lead.rstrip()[-40:])
                    and _WEEK_SPAN.search(whole[: quantity.start])
                )
                # "Aluminium prices hovered at highs, with spot prices fluctuating between RMB
                # 20,600-20,800 per tonne" in a weekly survey: the week's span
                or (
                    quantity.is_range
                    and _FLUCTUATING_BETWEEN.search(own_lead.rstrip()[-40:])
                    and (context.weekly or _WEEK_SPAN.search(whole))
                )
            )
        ):
            # "the cost went from about 13,670 yuan/mt early in the week to around 13,750
            # yuan/mt by March 21, while spot prices only fluctuated around 13,450 yuan/mt":
            # where the week's quotes hovered, the week named before
            role = "span"
        if (
            role == "level"
            and _DEALS_BESIDE_THE_QUOTE.search(own_lead.rstrip())
            and _QUOTED.search(whole[: clause.start])
        ):
            # "quoted at 552,000-558,000 yuan/mt as of April 23, while mainstream traded prices
            # were 550,000 yuan/mt": where deals went against the quote, which is the figure
            role = "deal"
        if (
            role == "level"
            and quantity.is_range
            and not context.weekly
            and _LAST_WEEK_OPENS.match(without_dateline(whole))
            # (but "Last week, silicon metal spot prices were largely stable, with SMM
            # oxygen-blown #553 silicon in east China at 9,400-9,500 yuan/mt" in Monday's
            # minutes: where the quote stood, told as a level, not the week's span)
            and re.search(
                r"\b(?:range|between|concentrated|fluctuat\w*|hover\w*|within)\b[^.;]{0,25}$",
                own_lead.rstrip(),
            )
        ):
            # a daily's "Last week, magnesium prices continued to hold up well, with mainstream
            # quotations concentrated in the range of 16,600-17,000 yuan/mt": the span of a
            # week gone, not today's quote
            role = "reference"
        if (
            role == "level"
            and _OFFERED_AT.search(own_lead)
            and _SELLERS_ASKING.search(whole[: quantity.start])
        ):
            role = "deal"  # "raised their asking prices: ... low-grade was offered at 95,000"
        if role == "level" and _ONE_BUYERS_BID.search(
            whole, max(0, quantity.start - 160), quantity.start
        ):
            # (the whole sentence before the amount: "The purchase price of waste battery in a
            # refinery in Jiangxi Province today: electric 7700 yuan / ton" is cut at its colon)
            role = "deal"
        if role == "level" and _ASKS_AND_DEALS.search(own_lead):
            # "northern refiners ...; their quotations in Shanxi held firm between 2,950-3,050
            # yuan/mt, while the actual transaction prices were basically between 2,900-3,000
            # yuan/mt": the sellers' asks and where deals went, beside the price the report
            # assessed for the province
            role = "deal"
        if (
            role == "intraday"
            and _TO_HIT_A_HIGH.search(own_lead.rstrip()[-40:])
            and _A_VIEW_BEFORE.search(whole[: quantity.start])
        ):
            # "They see LME lead to challenge USD 1,850/mt and SHFE 1609 lead to hit a high of
            # RMB 14,275/mt for the year": the level a view expects, not a session's high
            role = "level"
        if (
            role == "level"
            and re.search(r"\bprices?\s+by\s*$", own_lead)
            and re.match(r"^\s*(?:yuan\s*)?(?:/\s*(?:mt|t)\s*)?to\s*(?:rmb\s*)?\d", trail)
            and _MOVED_BY.search(whole[: quantity.start])
        ):
            # "mixed coal prices were reduced by 75 yuan to 1,180 yuan/mt, and granular coal
            # prices by 70 yuan to 1,330 yuan/mt": the verb told once for both moves
            role = "change"
        if (
            role == "level"
            and _SELLERS_BESIDE_DEALS.match(own_lead.rstrip())
            and _DEALS_DONE.search(whole[: quantity.start])
        ):
            # "Transactions ... were mostly done at 11,500-11,600 yuan/mt while most producers
            # offered at 11,700 yuan/mt": what sellers ask beside where the deals went
            role = "deal"
        if (
            role == "level"
            and _ON_CREDIT.match(trail)
            and _FOR_CASH.search(whole[: quantity.start])
        ):
            # "traded at 725,000-730,000 yuan/mt on a cash payment basis, and at 730,000-735,000
            # yuan/mt with a credit period": the cash price is the quote, the other terms a
            # variant of it
            role = "terms"
        if role == "level" and owner.region == "SHFE":
            codes = list(_SHFE_CODE.finditer(whole, 0, quantity.start))
            code = codes[-1] if codes else None
            first = context.close_contracts.get(owner.product)
            if code is not None and first is None:
                context.close_contracts[owner.product] = int(code.group(1))
            elif (
                code is not None
                and first is not None
                and int(code.group(1)) > first
                and _BECAME_MOST_ACTIVE.match(whole, code.end())
            ):
                # "SHFE 1409 zinc became the most active contract last Friday; it ... closed at
                # RMB 15,765/mt": the report follows the new front contract from here on
                context.close_contracts[owner.product] = int(code.group(1))
            elif code is not None and first is not None and int(code.group(1)) > first:
                # "The SHFE 1811 contract ... settled at 48,860 yuan/mt ... The SHFE 1812
                # contract ... closed at 48,980 yuan/mt": the later month, a far contract
                role = "far"
                if (
                    current is not None
                    and current.sentence is sentence
                    and current.value is None
                    and current.low is None
                    and last_change is not None
                ):
                    # "SHFE 1303 copper contract ... closed RMB 50/mt or 0.09% higher at RMB
                    # 56,090/mt": the far contract's move goes with its close
                    current.change = None
                    notes.add(
                        sentence,
                        last_change.start,
                        last_change.end,
                        "far",
                        owner=owner.product,
                        why=_WHY["far"],
                    )
        if role == "change" and owner.region == "SHFE" and _far_contract_moved(whole, quantity):
            role = "far"
        if role == "level" and _TARGET_PRICE.search(own_lead):
            role = "deal"
        if (
            role == "intraday"
            and _forward(sentence, clause, quantity)
            # (not "SHFE copper prices are likely to rise by RMB 600-700/mt after opening up":
            # the opening's gap)
            and not re.search(r"\bby\s*(?:rmb|usd|\$)?\s*$", own_lead)
            # (nor "... will open flat at RMB 14,350/mt, with prices between ...": the open)
            and not _OPENS_AT.search(own_lead.rstrip()[-40:])
        ):
            role = "level"  # "LME copper should move in USD 5,320-5,400/mt during Asian hours"
        if role in {"level", "average"} and quantity.sign == -1:
            # "the average price of SMM 6063 aluminium billet (Guangdong) Φ90 was -RMB 120": a
            # price is never below zero, so this is a premium or fee over one left unnamed
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                owner=owner.product,
                why="a negative amount: a premium or fee over a price not named, not a price",
            )
            continue
        if (
            role in {"level", "average"}
            and _far_below_any_price(owner.product, quantity)
            # "The average spot price of SMM #1 tin stood at 6,250 yuan/mt" says it is a price:
            # a misprint, kept and quarantined for a reader to see
            and not re.search(r"\bprices?\b", whole[clause.start : quantity.start])
        ):
            # "Standard-quality copper was first offered at 120-160 yuan/mt": a premium quoted
            # without its word, a hundredth of any price copper has had
            graded_on = _GRADED_PREMIUM_GOES_ON.search(whole[: quantity.start]) is not None
            if (graded_on and owner.product.endswith("(high-quality)")) or (
                _PREMIUM_MOVED_ON.search(whole[: quantity.start]) is not None
            ):
                # "standard-quality copper was in premiums 1,200-1,300 yuan/mt over SHFE 2211,
                # and good-quality copper 1,400 yuan/mt": the better grade's premium, told on;
                # "premiums ... were mainly 480-550 yuan/mt, and then fell to 420-440 yuan/mt":
                # where the premium went, which the day's quote is (it replaces the first)
                base = names.base_metal(owner.product)
                # (the better grade's only when told on as that grade: "..., and premiums were
                # quoted mostly between RMB 150-350/mt" after a high-quality premium is the
                # market's again)
                graded = owner.product.endswith("(high-quality)") and (
                    graded_on or "quality" in whole[clause.start : quantity.start]
                )
                leg = owner.product if graded else base
                premium = _draft(
                    drafts,
                    _Owner(f"{leg} - {base} futures", owner.region),
                    "CNY/t",
                    sentence,
                    None,
                    _forward(sentence, clause, quantity),
                    metric=Metric.SPREAD,
                )
                # (a later quote replaces the first, range and all)
                premium.value = None if quantity.is_range else quantity.value
                premium.low, premium.high = (
                    (quantity.value, quantity.high) if quantity.is_range else (None, None)
                )
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "spread",
                    owner=premium.subject,
                    emitted=True,
                    why=(
                        "a better grade's premium, told on after the market's"
                        if graded_on
                        else "where the premium went next: the later quote"
                    ),
                )
                continue
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                owner=owner.product,
                why="far below any price of the product: a premium or fee told without its word",
            )
            continue
        if (
            role == "change"
            and skipped_deal is not None
            and re.match(r"^[^;]{0,80}?,\s*(?:up|down)\b", own_lead)
        ):
            # "offering ... at 260 yuan/mt, up 130 yuan/mt": the offer's own change (or the far
            # contract's: "closed at 48,980 yuan/mt at the end of the morning trading session,
            # up 40 yuan/mt on the day")
            role = skipped_role
        misprinted_line = (
            role == "change"
            and _MOVE_STRAIGHT_TO_AMOUNT.search(own_lead) is not None
            and not _far_below_any_price(owner.product, quantity)
            and _at_price_level(owner.product, quantity)
        )
        if role == "change" and _SINCE_A_DAY_AFTER.match(whole, quantity.end):
            # "113850 yuan / ton, down 9230 yuan / ton, or 7.4%, compared with the closing price
            # of 123080 yuan / ton on September 1": a move since a day, no period to compare
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "reference",
                owner=owner.product,
                why="a change since a dated point: no basis a rule compares",
            )
            continue
        if role == "level" and _CLIMBING_IN_THE_WEEK.search(own_lead[-40:] + "|" + trail[:30]):
            # "copper prices climbing to 66,000 yuan/mt during the week put buyers off": how
            # high prices went in the week, told as the reason for something else
            role = "intraday"
        if (
            role == "level"
            and _futures(owner)
            and _MOVED_TO.search(own_lead[-45:])
            and _SWING_BY_DAY.search(whole)
        ):
            # "Aluminum prices jumped to $4073.50 on Monday from about $3300 on Feb. 23 and fell
            # back to $3300 on Wednesday": the week's swing day by day, not where it closed
            role = "intraday"
        if misprinted_line:
            # "SMM anticipates SHFE copper will fall RMB 53,000/mt in the coming week": no move
            # is as large as the lowest price the metal has had; the word "below" was dropped
            role = "level"
        elif (
            role == "change"
            and _CLOSED_SIDE.search(own_lead) is not None
            and _at_price_level(owner.product, quantity)
            and _ANOTHER_MOVE_AFTER.match(whole, quantity.end)
        ):
            # "closed down RMB 44,710/mt, down RMB 450/mt": the close, its "at" dropped (no move
            # is as large as a price, and the move is told next)
            role = "level"
        if role not in {"level", "change", "average"}:
            notes.add(
                sentence, quantity.start, quantity.end, role, owner=owner.product, why=_WHY[role]
            )
            skipped_deal = quantity if role in {"deal", "far"} else None
            skipped_role = role
            continue
        skipped_deal = None
        forecast = _forward(sentence, clause, quantity)
        todays_range = (
            quantity.is_range
            and current is not None
            and current.low is None
            and current.value is not None
            and (current.subject, current.region) == (owner.product, owner.region)
            and _TODAYS_RANGE.search(own_lead) is not None
            and not _LATER.search(sentence.folded)
        )
        if (
            quantity.is_range
            and _AVERAGE_PRICES_BETWEEN.search(own_lead)
            and re.search(
                # (or "As per the data, the average prices may hover between ...": the data of
                # the day the paragraph quotes)
                r"\btoday\b|\bas\s+per\s+(?:the\s+)?(?:data|smm)\b",
                whole[clause.start : quantity.start],
            )
        ):
            # "As of today, the average prices may stand between RMB 21,070 per tonne and RMB
            # 21,110 per tonne": the day's range, hedged, not a forecast
            forecast = False
        if todays_range:
            # AL Circle's "The price now stood at RMB 13010 per tonne and is expected to move
            # within a range of RMB 12990-13030 per tonne": the day's range, not a forecast
            forecast = False
        months_average = _A_MONTHS_AVERAGE_AFTER.search(whole, clause.start)
        if months_average is not None and quantity.start < months_average.start():
            # "As of February 9, the SMM ADC12 quotation was 23,650 yuan/mt, ..., and the average
            # price in January was up 10% MoM": the day's quote has no month; the month's
            # average, told after it, is a figure of its own
            period = _price_period(whole[: months_average.start()], context, forecast)
        else:
            period = _price_period(whole, context, forecast)
        months_average_told = _A_MONTHS_AVERAGE_AFTER.search(whole[: quantity.start], 1)
        if (
            owner.region not in _VENUES
            and owner.region != "China"
            and not owner.region.startswith(("FOB", "CIF"))
        ):
            context.place = owner.region  # for a spot premium later in the sentence
            context.quote_place = owner.region
            if not _PREMIUM_WORD.search(own_lead):
                # (a premium's market is not a quote list's: "Spot copper in Shanghai was
                # offered at a premium of RMB 100-260/mt ... Traded prices for standard-quality
                # copper were ..." quotes the grades at home)
                context.place_metal = names.base_metal(owner.product)
        if (
            continues
            and context.last_price is not None
            and role == "change"
            and owner.product == context.last_price.subject
        ):
            draft = context.last_price
        elif todays_range:
            assert current is not None
            draft = current
        elif (
            role == "change"
            and current is not None
            and (current.subject, current.region) == (owner.product, owner.region)
            and (months_average_told is None or current.period == period)
        ):
            draft = current  # "closing at 117,020 at midday, down 950": the level just read
        else:
            unit = quantity.unit or "CNY/t"
            if owner.region == "LME" and unit == "CNY/t":
                # "LME zinc ... closed at RMB 2,054/mt, up RMB 41/mt": the LME quotes in dollars,
                # so the yuan sign beside its close is a misprint
                unit = "USD/t"
            draft = _draft(drafts, owner, unit, sentence, period, forecast)
        if role == "change":
            if quantity.is_range:
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "other",
                    owner=draft.subject,
                    why="a range of changes (several sellers): not one figure",
                )
                continue
            sign = (
                quantity.sign if quantity.sign is not None else _sign(own_lead, trail, last_change)
            )
            noun_after = _NOUN_AFTER.match(trail)
            if sign is None and noun_after is not None:
                sign = direction(noun_after.group(0))
            if (
                sign is None
                and last_change is not None
                and (
                    re.match(r"^\s*,?\s*\(?\s*or\s*$", own_lead)
                    or (re.search(r"\band\s*$", own_lead) and _AGO.match(trail))
                )
            ):
                sign = pending_sign
            if (
                sign is None
                and (last_change is not None or _TO_A_LEVEL_AFTER.match(trail))
                and _gapped_move(whole[clause.start : quantity.start])
            ):
                # "304 CRC fell 150 yuan/mt and 304 HRC 50 yuan/mt"; "Shenyang RMB 95 per tonne
                # to RMB 11,930 per tonne and Gongyi RMB 90 per tonne to RMB 11,800 per tonne"
                sign = pending_sign
            if (
                sign is None
                and last_change is None
                and _PLACE_OPENS.fullmatch(whole[clause.start : quantity.start])
                and re.search(r"\bfollowed\s+by\s*$", whole[: clause.start])
            ):
                # "In Foshan, the price has increased by RMB 100 per tonne ..., followed by
                # Shenyang RMB 95 per tonne to ...": the move the sentence told before
                moved = list(_MOVED_BY.finditer(whole[: clause.start]))
                sign = direction(moved[-1].group(0)) if moved else None
            if sign is None and _OFF_BY.search(own_lead):
                sign = -1  # "finally closed down at $3,051/mt, off $3.5/mt, or 0.11%"
            if sign is None and re.search(r",\s*by\s*$", own_lead):
                # "Prices fell across the country, most of all in Chongqing, by RMB 90": the
                # verb the aside interrupted
                sign = direction(whole[clause.start : quantity.start][-120:])
            if sign is None and (
                re.search(r"\bprices?\s+by\s*$", own_lead) or _BASIS_THEN_BY.search(own_lead)
            ):
                # "..., and granular coal prices by 70 yuan to 1,330 yuan/mt": the verb the
                # sentence told for the move before
                moved = list(_MOVED_BY.finditer(whole[: quantity.start]))
                sign = direction(moved[-1].group(0)) if moved else None
            if sign is None:
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "change",
                    owner=draft.subject,
                    why="no direction written: not guessed",
                )
                continue
            if draft.change is not None and not draft.change.percent and last_change is None:
                basis = _basis(trail, context, sentence, own_lead)
                if (
                    draft.change.basis is None
                    and basis is not None
                    and abs(draft.change.amount) == quantity.value
                ):
                    # "gained 1,000 yuan/mt to ..., with its average price up 1,000 yuan/mt in a
                    # single day": the same move told again, now with its period.
                    draft.change = PriceChange(draft.change.amount, basis=basis)
                    notes.add(
                        sentence,
                        quantity.start,
                        quantity.end,
                        "change",
                        owner=draft.subject,
                        why="the change already read, told again with its period",
                    )
                    continue
                if (
                    basis is not None
                    and basis is not draft.change.basis
                    # (or in this sentence, told with its own basis: "On a month-on-month
                    # calculation the price is up by around US$ 176 per tonne ..., and on a
                    # year-on-year basis by US$ 935.50 per tonne")
                    and (
                        draft.sentence is not sentence
                        or _BASIS_THEN_BY.search(own_lead)
                        # "has shed off US$11 per tonne, reaching US$670 per tonne, down by US$10
                        # per tonne from a week ago": the day's move, then the week's
                        or (
                            draft.change.basis in {None, ChangeBasis.DOD}
                            and basis in {ChangeBasis.WOW, ChangeBasis.MOM, ChangeBasis.YOY}
                        )
                        # "On a week-on-week basis, ... an increase of RMB 90 per tonne ..., and
                        # on an annual basis, the price is only higher by RMB 40 per tonne"
                        or draft.change.basis is not None
                    )
                ):
                    # "... up RMB 16 per tonne to RMB 4,074. That is RMB 158 per tonne higher
                    # than a month ago": the same price's move over another period, a figure
                    # of its own
                    draft = _draft(
                        drafts,
                        owner,
                        quantity.unit or "CNY/t",
                        sentence,
                        period,
                        forecast,
                        fresh=True,
                    )
                    draft.change = PriceChange(sign * quantity.value, basis=basis)
                    notes.add(
                        sentence,
                        quantity.start,
                        quantity.end,
                        "change",
                        owner=draft.subject,
                        emitted=True,
                        why=f"the price's change over another period ({basis.value})",
                    )
                    current = draft
                    last_change = quantity
                    continue
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "change",
                    owner=draft.subject,
                    why="a second change for one price: the first is kept",
                )
                continue
            basis = _basis(trail, context, sentence, own_lead)
            if basis is None:
                # "...; against last week, 304 CRC fell 150 yuan/mt and 304 HRC 50 yuan/mt": the
                # basis the statement opens with
                framing = _AGAINST_THE_LAST_PERIOD.match(
                    whole, whole.rfind(";", 0, quantity.start) + 1
                )
                if framing is not None:
                    basis = (
                        ChangeBasis.WOW if framing.group("period") == "week" else ChangeBasis.MOM
                    )
            if basis is None and re.fullmatch(r"\s*or\s*", own_lead):
                # "saw a weekly drop of 7% or 1,450 yuan/mt": the basis named before the
                # percentage is the amount's too
                basis = _basis(trail, context, sentence, whole[clause.start : quantity.start])
            also = _OR_PERCENT.match(whole[quantity.end : clause_end])
            if basis is None and also is not None:
                # "up RMB 105 per tonne or 0.54 per cent compared with the previous trading day":
                # the basis written after the percentage is the amount's too
                basis = _basis(whole[quantity.end + also.end() : clause_end], context, sentence)
            earlier = context.last_price
            if (
                basis is None
                and _ALSO_MOVED.search(whole[clause.start : quantity.start])
                and earlier is not None
                and earlier is not draft
                and earlier.change is not None
                and earlier.change.basis is not None
            ):
                # "..., with a weekly increase of 1,300 yuan/mt. Bare bright copper also saw an
                # increase of nearly 1,200 yuan/mt": the move on the basis just told
                basis = earlier.change.basis
            if (
                draft.change is not None
                and draft.change.basis is not None
                and basis is not None
                and basis is not draft.change.basis
            ):
                # "up 17 yuan/mt from a week ago and 163 yuan/mt from a month ago": a change on
                # another basis is a figure of its own.
                draft = _draft(
                    drafts, owner, quantity.unit or "CNY/t", sentence, period, forecast, fresh=True
                )
            if (
                draft.change is not None
                and draft.change.percent
                and draft.change.basis is None
                and basis is None
                and last_change is not None
                and re.fullmatch(r"\s*,\s*(?:up|down)\s*", own_lead)
                and (draft.change.amount > 0) == (sign > 0)
            ):
                # "closed yesterday at 1710 US dollars / ton, up 0.77%, up 13 US dollars / ton":
                # the same move again in money; the one told first is kept, as with "or"
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "other",
                    owner=draft.subject,
                    why="the move just read, told again in money",
                )
                last_change = quantity
                continue
            if (
                draft.change is not None
                and draft.change.basis is not None
                and basis is None
                and _SINCE_A_NAMED_DAY.match(trail)
            ):
                # "closing at 9,075 yuan/mt, down 315 yuan/mt from the previous day but up 55
                # yuan/mt from last Friday": a second move since a named day, no basis a rule
                # compares; the day's move told first is kept
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "reference",
                    owner=draft.subject,
                    why="a change since a dated point: no basis a rule compares",
                )
                continue
            draft.change = PriceChange(sign * quantity.value, basis=basis)
            pending_sign = sign
            if _BOTH_UP_BY.search(own_lead):
                # "... rose from 60,250 yuan/mt to 60,650 yuan/mt and the average industrial-grade
                # price from 58,650 yuan/mt to 59,050 yuan/mt, both up by around 400 yuan/mt": the
                # one move of the two prices just told
                for other in _levels_told_in(drafts, sentence)[-2:]:
                    if other is not draft and other.change is None:
                        other.change = draft.change
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "change",
                owner=draft.subject,
                emitted=True,
                why="a change" + (f" ({draft.change.basis.value})" if draft.change.basis else ""),
            )
            current = draft
            last_change = quantity
            continue
        last_change = None
        if role == "average":
            draft.value = quantity.value
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "average",
                owner=draft.subject,
                emitted=True,
                why="the average, with its range",
            )
            current = draft
            continue
        if (
            quantity.is_range
            and draft.low is None
            and draft.value is not None
            and (_RANGE_OF_AVERAGE.search(own_lead) or todays_range)
        ):
            # "... to clock at RMB 19,570, with the average prices between RMB 19,550 and RMB
            # 19,590": the quotes the average was taken from.
            draft.low, draft.high = quantity.value, quantity.high
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "range",
                owner=draft.subject,
                emitted=True,
                why="the range of the average just read",
            )
            current = draft
            continue
        if (
            draft.value is None
            and draft.low is None
            and draft.change is not None
            and _NIGHT_SESSION.search(whole[: clause.start]) is not None
            and _DAY_SESSION.search(whole[clause.start : quantity.start]) is not None
        ):
            # "... fell 1.08% (down 1,260 yuan) during the previous night session ...; prices
            # declined further during the daytime session, closing the morning session at 114,850
            # yuan/mt, down 1.66%": the night's move stays the night's
            draft = _draft(
                drafts, owner, quantity.unit or "CNY/t", sentence, period, forecast, fresh=True
            )
        if (
            draft.value is not None
            and draft.value == quantity.value
            and not quantity.is_range
            and draft.sentence is sentence
            and _bound(own_lead) is not None
        ):
            # "The ADC12 price increased by 50 yuan/mt to 22,000 yuan/mt, back above 22,000
            # yuan/mt for the first time since May 2022": the level told again as the line it
            # crossed, one fact
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "level",
                owner=draft.subject,
                why="the level just read, told again as the line it crossed",
            )
            continue
        if draft.value is not None or draft.low is not None:
            # A second level for one price in one clause: another session, another figure --
            # or the level of a move already read apart from the quote ("..., with the weekly
            # average price up 0.16% from the previous week to 30,550 yuan/mt").
            draft = _moved_without_level(drafts, draft) or _draft(
                drafts, owner, quantity.unit or "CNY/t", sentence, period, forecast, fresh=True
            )
        sign = -1 if quantity.sign == -1 else 1
        if quantity.is_range:
            draft.low, draft.high = sign * quantity.value, quantity.high
        else:
            draft.value = sign * quantity.value
            draft.bound = _bound(own_lead)
            if misprinted_line:
                draft.bound = Bound.BELOW if direction(tail_of(own_lead, 20)) == -1 else Bound.ABOVE
        opening = whole[clause.start : quantity.start]
        for place in _also_quoted_in(trail, draft.region) + _also_quoted_before(
            opening, draft.region
        ):
            # "... at 13,340-13,360 yuan/mt in Shanghai and Wuxi", "In Sichuan and north-west
            # China, the ex-factory price ... was 7,800-7,900 yuan/mt": each market's price
            _quote_twin(drafts, draft, place, sentence, period, forecast)
        if not draft.twins and not names.regions(opening[opening.rfind(",") + 1 :]):
            # "... mixed silicon coal in Ningxia and Gansu is around 1,200-1,300 yuan/mt, while
            # the price of granular silicon coal ranges between 1,400-1,600 yuan/mt": the next
            # product, its places carried, is quoted in both places too
            shared = next(
                (
                    told
                    for told in reversed(drafts.values())
                    if told is not draft
                    and told.sentence is sentence
                    and told.twins
                    and told.region == draft.region
                ),
                None,
            )
            for place in [twin.region for twin in shared.twins] if shared else []:
                _quote_twin(drafts, draft, place, sentence, period, forecast)
        latest = _LATEST_QUOTE.search(own_lead)
        if latest is not None and latest.group("moved"):
            held_lead = own_lead  # "remained stable, with the latest quote dropping to": a move
        else:
            held_lead = _LATEST_QUOTE.sub("", own_lead)
        if _held(held_lead) and draft.change is None and not draft.forecast:
            # (a forecast that prices "should hold stable at RMB 60,000/mt" states a level)
            basis = _basis(trail, context, sentence)
            if basis is None and _WEEKLY_QUOTES.search(held_lead):
                # "with weekly offers basically stable at 15,800-17,400 yuan/mt": held over
                # the week
                basis = ChangeBasis.WOW
            if basis is None and DOD.search(held_lead) is not None:
                # "has remained stagnant on its previous weekend's position, recording a price
                # of": held from the session before
                basis = ChangeBasis.DOD
            draft.change = PriceChange(Decimal(0), basis=basis)
        same = context.last_price
        if (
            draft.change is None
            and same is not None
            and same is not draft
            and same.change is not None
            and same.subject == draft.subject
            and _SAME_MOVE_TO.search(own_lead)
        ):
            # "..., followed by Shenyang, where it has experienced the same price hike to land at
            # RMB 21,010 per tonne": the move just told, for this place too
            draft.change = same.change
        flat_after = _FLAT_AFTER.match(trail)
        if flat_after is not None and draft.change is None:
            # "above-standard #553 silicon metal were 11,700-12,000 yuan/mt, flat WoW, ..."
            basis = _basis(trail[flat_after.end() :], context, sentence)
            earlier = context.last_price
            if basis is None and flat_after.group("also") and earlier and earlier.change:
                # "1-3 cm dolomite was 108 yuan/mt, flat from the previous working day; 2-4 cm
                # dolomite was 128 yuan/mt, also flat": flat on the same basis
                basis = earlier.change.basis
            draft.change = PriceChange(
                Decimal(0), percent=flat_after.group("pct") is not None, basis=basis
            )
        for product in _listed_before(own_lead, draft.subject):
            # "Listed prices of lanthanum oxide and cerium oxide remained unchanged at 13,000
            # yuan/mt": each product listed has the price
            twin = _draft(
                drafts, _Owner(product, draft.region), draft.unit, sentence, period, forecast
            )
            if twin.empty:
                twin.value, twin.low, twin.high = draft.value, draft.low, draft.high
                twin.bound, twin.change = draft.bound, draft.change
        notes.add(
            sentence,
            quantity.start,
            quantity.end,
            "range" if quantity.is_range else "level",
            owner=draft.subject,
            emitted=True,
            why="a price",
        )
        current = draft
    # "remained stable, with the latest quote dropping to 9,350 yuan/mt": the move outweighs
    # the flat word
    if (
        current is not None
        and current.change is None
        and not current.forecast
        and not _QUOTE_MOVED.search(folded)
    ):
        # (not "..., while prices in other regions held steady": the others' flat)
        flat = _flat_basis(_OTHERS_HELD.sub(" ", folded), context)
        if flat is not None:
            current.change = PriceChange(Decimal(0), basis=flat[1])
    if current is not None:
        context.last_price = current
        context.last_spread_draft = None
    return last_owner


def _moved_again_on_another_basis(
    target: Draft, trail: str, context: Context, sentence: Sentence, lead: str
) -> bool:
    """Whether a move in per cent after a price's move in money is told on another basis ("...,
    surging 3,600 yuan/mt for the day and gaining 1.27% WoW"), not as the same move again."""
    if target.change is None or target.change.percent or target.change.basis is None:
        return False
    basis = _basis(trail, context, sentence, lead)
    return basis is not None and basis is not target.change.basis


# A futures price reached on the way ("advanced to", "gapped higher at", "fell back to"), when the
# session's close is still to come in the sentence.
# "closed down 0.51% at", "closing at", "ended at": the session's close is this number.
# "Early in the session, it quickly dropped to $2,625.5": a move within the session.
_AT_CLOCK_TIME = re.compile(r"^\s*(?:/\s*mt\s*)?(?:near|around|at|by)\s+\d{1,2}:\d{2}")

_SESSION_TIME = re.compile(
    r"\b(?:early|late)\s+in\s+the\s+session\b|\b(?:in|during)\s+(?:european|asian|us|american)\s+"
    r"(?:trading\s+)?(?:hours|trading)\b|\bat\s+the\s+(?:beginning|start|end)\s+of\s+the\s+session\b"
    r"|\bduring\s+the\s+(?:night|day)\s+session\b|\bat\s+the\s+open(?:ing)?\b"
    r"|\bearly\s+in\s+the\s+(?:morning|day)\b"
)

_OVERNIGHT_AFTER = re.compile(
    r"^\s*(?:/\s*mt\s*)?(?:overnight|intraday|early\s+on|in\s+early\s+trade)\b"
)

_CLOSE_BEFORE = re.compile(
    r"\b(?:clos(?:e|ed|ing|es)|settl(?:e|ed|ing)|end(?:ed|ing)|finish(?:ed|ing)?|to\s+end)\b"
    # (Mysteel's "closed the nighttime session on August 29 0.43 per cent lower")
    r"(?:(?:[^.;,]|\.\d){0,30}|\s+the\s+(?:nighttime|daytime|night|day)\s+session\s+on\s+"
    r"[a-z]+\s+\d{1,2})\s*$"
)

_MOVED_TO = re.compile(
    r"\b(?:gapped|moved|advanced|rose|rallied|climbed|surged|jumped|dropped|fell|slid|declined|dipped"
    r"|edged|pulled|retreated|rebounded|started|shot|falling|rising|dropping|climbing|advancing"
    r"|dived|dove|sank|plunged|tumbled|slumped|soared|spiked|slipped|sagged|eased|bounced"
    r"|recovered|firmed|ticked|nudged|drifted|dipping|sliding|easing|rebounding|retreating"
    r"|surging|jumping|soaring|plunging|tumbling|slipping|recovering"
    r"|probed|explored|probing|exploring"
    # "A New York Fed manufacturing index that plunged nearly 21 points pushed it to $1,991/mt"
    rf"|(?:{_MOVED_IT})\s+it"
    r"|increased|decreased|plummeted|grew|fluctuated)"
    # "fell overnight to the 20,700 yuan/mt level and closed at 20,720 yuan/mt"
    r"(?:\s+(?:back|up|down|higher|lower|slightly|quickly|steadily|straight|again|all\s+the\s+way"
    r"|overnight|upwards?|downwards?"
    # "it climbed late in the week to $1,965/mt"
    r"|(?:late|early)\s+in\s+the\s+(?:week|session|day)))*"
    # "slid through the European session to $3,153/mt"
    r"(?:\s+(?:through|in|during)\s+the\s+(?:european|asian|us|american|night|day)\s+"
    r"(?:session|hours|trading\s+hours))?"
    r"\s+(?:to|at)(?:\s+(?:around|about|the))?\s*(?:rmb|usd|us\$|\$)?\s*$"
    r"|\b(?:testing|tested|touching|touched|traded\s+within|within|between)\s*(?:rmb|\$)?\s*$"
    # "it hit 17,585 yuan/mt near the close, finally settling at 17,555 yuan/mt"
    r"|\b(?:it|prices?|the\s+contract)\s+hit\s*(?:rmb|usd|us\$|\$)?\s*$"
    # "eased to probe $12,907/mt": a low tested on the way
    r"|\bto\s+(?:probe|test|touch)\s*(?:rmb|usd|us\$|\$)?\s*$"
    # "... dived to RMB 13,300/mt but later reached RMB 13,465/mt ..., to finish up"
    r"|\breached\s*(?:rmb|usd|us\$|\$)?\s*$"
    # "On Thursday morning the contract held near RMB 40,800/mt ..., before ending at ..."
    r"|\b(?:held|hovered|hovering|holding|stayed|steadied|moved\s+stably)\s+(?:near|around|about)"
    r"\s*(?:rmb|usd|us\$|\$)?\s*$"
    r"|\bto\s+(?:around|about)\s*$"
    # "... followed by another decline to 100,200 yuan/mt, before rising again to close at
    # 100,270 yuan/mt": a move told as a noun, on the way
    r"|\b(?:another|a)\s+(?:decline|drop|fall|rise|rebound|pullback|climb)\s+to\s*(?:rmb|usd|us\$|\$)?\s*$"
)

_WAYPOINT = re.compile(
    r"\b(?:went|rose|climbed|broke|fell|dropped|slipped|dipped)(?:\s+(?:back|again))?\s+"
    r"(?:above|below|under|over|through)\s*(?:rmb|\$)?\s*$"
    r"|\b(?:got|broke)\s+(?:through|above|below)\s*(?:rmb|\$)?\s*$"
    r"|\b(?:test(?:ed|ing)?|reach(?:ed|ing))\s*(?:rmb|\$)?\s*$"
)

# "dropped fast to", "broke through ... hit": a move to a level on the way
_WENT_TO = re.compile(
    r"\b(?:climbed|rose|rallied|jumped|surged|advanced|dropped|fell|slid|slipped|dipped|tumbled"
    # ("crept higher to RMB 13,840/mt after starting at ..., and finished the night session at")
    r"|declined|crept\s+(?:higher|lower|up|down)|edged\s+(?:higher|lower|up|down)"
    # ("dropped to $10,755/mt at first, recovered to $10,883/mt and finally closed at")
    r"|recovered|rebounded)"
    r"(?:\s+(?:fast|sharply|rapidly|quickly|back|again|further))?"
    # ("rose on buying to USD 2,263/mt")
    r"(?:\s+on\s+[a-z-]+(?:\s+[a-z-]+)?)?\s+to\b(?:\s+hit)?"
    # "rebounded to hover mostly at RMB 14,060/mt after dipping briefly to ..., but finished"
    r"|\bto\s+hover\s+(?:mostly\s+)?(?:at|around|near)"
    r"\s*(?:usd|us\$|\$|rmb)?\s*$"
    r"|\b(?:broke|broken)\s+(?:through|above|below)\s*(?:usd|us\$|\$|rmb)?\s*$"
    r"|(?:,|\band)\s+hit\s*(?:usd|us\$|\$|rmb)?\s*$"
    # "... dragged the most active contract down to RMB 50,580/mt", "pushing the most active
    # contract all the way to RMB 51,090/mt"
    r"|\b(?:dragged|dragging|pushed|pushing)\s+(?:[a-z0-9-]+\s+){1,5}?(?:all\s+the\s+way\s+)?"
    r"(?:(?:up|down)\s+)?to\s*(?:usd|us\$|\$|rmb)?\s*$"
    # "LME copper prices held firm around USD 7,800/mt despite profit-taking and finally closed
    # at USD 7,804/mt"
    r"|\bheld\s+(?:firm|steady|stable)\s+(?:around|near|at)\s*(?:usd|us\$|\$|rmb)?\s*$"
)

# ... and the close told after it in the same sentence
_CLOSE_LATER = re.compile(
    r"\b(?:to\s+close|(?:finally\s+)?closed|closing|to\s+end|ended|to\s+finish|finished|finishing"
    r"|to\s+settle|settled)\b(?:\s+[a-z]+){0,3}\s+at\s*(?:usd|us\$|\$|rmb)?\s*\d"
    # ("but finished down RMB 120/mt at an intraday low of RMB 14,010/mt")
    r"|\b(?:closed|ended|finished|settled)\s+(?:up|down|higher|lower)\s+(?:rmb|usd|us\$|\$)?\s*"
    r"[\d,.]+\s*(?:yuan)?(?:/\s*mt)?[^.;]{0,40}?\bat\b"
)

# ... or the day's close told in a later sentence of the paragraph ("LME lead prices started at
# USD 2,248/mt overnight and rose on buying to USD 2,263/mt. ... LME lead hovered near USD
# 2,250/mt and finally ended at USD 2,250.8/mt")
_FINAL_CLOSE_LATER = re.compile(
    # (also "Finally, the most active SHFE copper contract finished at RMB 50,600/mt" and
    # "finally closed RMB 290/mt or 0.57% lower at RMB 50,950/mt")
    r"\bfinally,?\s+(?:the\s+(?:[a-z0-9-]+\s+){1,5}?)?(?:closed|ended|finished|settled)\b"
    r"(?:\s+(?:rmb|usd|us\$|\$)?\s*[\d,.]+\s*(?:/mt|%)(?:\s+or\s+[\d.]+%)?)?"
    r"(?:\s+[a-z]+){0,3}\s+at\s*(?:usd|us\$|\$|rmb)?\s*\d"
)

# "lifted the center to", "the center slipped to consolidate around", "the price center moved
# up to": the contract's center of trade in the session, not where it closed
_CENTER_MOVED = re.compile(
    r"\bcent(?:er|re)\b[^.;$\d]{0,50}?\b(?:to|around|near)\s*(?:usd|us\$|\$|rmb)?\s*$"
)
_CENTER_AROUND = re.compile(
    r"\bcent(?:er|re)\b[^.;$\d]{0,90}?\b(?:fluctuat\w*|hover\w*|rangebound|ranging|oscillat\w*"
    r"|consolidat\w*|swung|swinging|stood|stayed|remained|moved|moving|sat)"
    r"(?:\s+[a-z]+){0,2}?\s+(?:around|near)\s*(?:usd|us\$|\$|rmb)?\s*$"
)
# "The 5-day (around 22,180 yuan/mt), 10-day (...) and 20-day moving averages": a chart line
_MOVING_AVERAGE_LEVEL = re.compile(
    r"\b\d{1,3}-day\s*\(\s*(?:around|about|approximately|near)?\s*(?:rmb|usd|\$)?\s*$"
)
# "closed at 12875 yuan / ton during the day, and rose slightly in the night market to close
# at 12955 yuan / ton": the day session's close, which the night's replaced
_DAY_CLOSE_BEFORE_THE_NIGHTS = re.compile(
    r"^\s*(?:/\s*(?:mt|t|tons?)\s*)?(?:during|in)\s+the\s+day(?:time)?(?:\s+session)?\b[^.;]{0,60}?"
    r"\bnight\s+(?:market|session|trading)\b[^.;]{0,30}?\b(?:to\s+close|closed|closing|to\s+end)"
    r"\s+at\b"
)

# "though it could not hold above the $2,000/mt mark"
_A_MARK_AFTER = re.compile(r"\s*(?:/\s*mt\s*)?(?:psychological\s+)?(?:mark|barrier|threshold)\b")
_HOLD_BEYOND_THE = re.compile(
    r"\b(?:hold|stay|stand|remain)\s+(?:above|below|over|under)\s+the\s*"
    r"(?:usd|us\$|\$|rmb)?\s*$"
)

_ALSO_MOVED = re.compile(
    r"\balso\s+(?:saw|recorded|posted|registered)\s+an?\s+(?:increase|rise|gain|decrease|decline|drop|fall)"
    r"\s+of(?:\s+(?:nearly|about|around|almost|some))?\s*$"
    # "while the average price of SX-EW copper was 87,220 yuan/mt, also up 270 yuan/mt"
    r"|\balso\s+(?:up|down)\s+(?:by\s+)?$"
    # "The average price for industrial-grade lithium carbonate increased from 132,000 yuan/mt
    # to 139,000 yuan/mt, also rising by 7,000 yuan/mt"
    r"|\balso\s+(?:rising|falling|climbing|dropping|declining|increasing|decreasing)\s+(?:by\s+)?$"
)

# "surged ... to 79,900 yuan/mt before pulling back to 79,200 yuan/mt": where it went first
_BEFORE_IT_TURNED_TO = re.compile(
    r"\s*(?:/\s*mt\s*)?,?\s*before\s+(?:pulling|falling|easing|retreating|rebounding|recovering"
    r"|bouncing|dropping|climbing)(?:\s+back)?\s+to\s*(?:rmb|usd|us\$|\$)?\s*\d"
)

_IN_THE_SESSION = re.compile(
    r"\bbriefly\b|\bearly\b|\b(?:before|near)\s+the\s+(?:morning\s+|midday\s+)?close\b"
    # "In European hours bulls added positions and drove a quick rally to test $2,900/mt"
    r"|\bin\s+(?:the\s+)?(?:asian|european|us|american)\s+(?:trading\s+)?(?:hours|session)\b"
    # "after 10 a.m., it repeatedly tested 80,420 yuan/mt before rebounding to around 80,600"
    r"|\bafter\s+\d{1,2}(?::\d\d)?\s*(?:a\.m\.|am|p\.m\.|pm)"
    r"|\bbefore\s+(?:rebounding|recovering|bouncing|retreating|pulling\s+back|falling\s+back)\b"
)

# "fell from RMB 47,000/mt to RMB 45,750/mt at the beginning of last week, but then ..."
_MOVED_FROM_TO = re.compile(
    r"\b(?:fell|dropped|slid|declined|rose|climbed|rallied|gained|jumped|surged)\s+from\s*"
    r"(?:rmb|usd|us\$|\$)?\s*[\d,.]+\s*(?:yuan)?(?:\s*/\s*(?:mt|t))?\s+to\s*(?:rmb|usd|us\$|\$)?\s*$"
)
_LATER_MOVE = re.compile(r"\bafter\s+open(?:ing|ed)\b|\bafter\s+starting\b|\bthen\b|\blater\b")

_OPENED_SESSION_AT = re.compile(
    # ("started Thursday's night trading at RMB 49,540/mt")
    r"\b(?:open(?:ed|ing|s)?|start(?:ed|ing|s)?)\s+(?:[a-z]+(?:['’]s)?\s+){0,4}(?:session|trading)\s+at\s*"
    r"(?:rmb|usd|us\$|\$)?$"
)

# a contract's path through the session, before its close: an open, a gap, a hover, a waypoint
_ON_THE_WAY = re.compile(
    r"\b(?:open(?:ed|ing)?|start(?:ed|ing)?|gap(?:ped)?\s+(?:higher|lower)|grew|returned)\b[^.;]{0,50}"
    r"\bat\s*(?:rmb|usd|us\$|\$)?\s*$"
    # (a translation's "shook around 102800 yuan / ton", "running at ... 101000 yuan / ton")
    r"|\b(?:moved|hovered|hovering|traded|trading|moving|shook|shock|running)\s+"
    r"(?:narrowly\s+|mostly\s+|stably\s+)?(?:around|at|between|along)\s*(?:rmb|usd|us\$|\$)?\s*"
    r"(?:[\d,.]+\S*\s+and)?\s*$"
    # (and a translation's "grew slight to RMB 36,260/mt")
    r"|\b(?:lifted|pushed|dragged|grew|returned)\s+(?:it\s+)?(?:slight(?:ly)?\s+|modestly\s+)?to\s*"
    r"(?:rmb|usd|us\$|\$)?\s*$"
    # "some bulls then left at 14530 yuan per ton, and ... closing at 14575": where they left
    r"|\b(?:bulls|bears|longs|shorts)\s+(?:then\s+)?(?:left|exited|entered)\s+at\s*(?:rmb|\$)?\s*$"
    # "a turn in the Shanghai Composite pushed August copper up to RMB 53,060/mt late in trading"
    r"|\b(?:lifted|pushed|dragged|sent)\s+(?:[a-z]+\s+){1,3}(?:up|down|higher|lower)\s+to\s*"
    r"(?:rmb|usd|us\$|\$)?\s*$"
)

_LATER_ON = re.compile(
    r"^\s*(?:but\s+)?(?:later|then|afterwards|after\s+that|in\s+the\s+afternoon|finally)\b"
    # "... and moved higher to RMB 13,550/mt. The contract finished up ...": the same contract
    # (also "But the red metal dived to RMB 35,580/mt later ... and ended at RMB 35,620/mt")
    r"|^\s*(?:but\s+)?(?:the\s+(?:contract|metal|light\s+metal|red\s+metal"
    r"|most[- ]active\s+contract)|it)\s"
)


def _later_on(following: str) -> str:
    """The rest of the paragraph when its next sentence goes on with the same session ("But
    later, the price fell below 13,000 and ended at 12,985"; "It reached ..."), else nothing."""
    return following if _LATER_ON.match(following) else ""


_MOVED_AGAIN_AHEAD = re.compile(
    r"\bthen\s+(?:rebounded|recovered|rose|fell|dropped)\b[^.]{0,80}?\b(?:falling|rising|dropping)"
    r"\s+again\s+to\b"
)

_CLOSE_AHEAD = re.compile(
    r"\b(?:clos(?:ed|ing|es)|end(?:ed|ing)?\s+(?:the\s+(?:session|day|night\s+session)\s+)?"
    r"(?:at|up|down|higher|lower)|to\s+(?:end|close)\b"
    r"|settl(?:ed|ing)|finished)\b"
)

_NAMES_ANOTHER = re.compile(r"\b(?:lme|shfe|comex|gfex)\b")

_OVER_SPAN = re.compile(
    # (also "a 40% increase in copper prices over the past 12 months")
    r"^\s*(?:(?:increase|rise|gain|jump|drop|decline|fall)\s+in\s+(?:[a-z]+\s+){1,3})?"
    r"(?:in|over)\s+(?:the\s+(?:past|last)\s+)?(?:\d+|two|three|four|five|ten)\s+"
    # (the trail a reader is given may end inside the unit: "over the past 12 mont")
    r"(?:trading\s+)?(?:days\b|weeks\b|sessions\b|mont)"
)

# How far back from a clause its opening conjunction ("while") may stand.
_CONJUNCTION = 12

# "most buyers had stocked up while copper was below 76,000 yuan/mt": a past state, not a bound
_WHILE_IT_WAS = re.compile(
    r"\bwhile\s+(?:the\s+)?[a-z]+(?:\s+prices?)?\s+(?:was|were)\s+(?:above|below|under|over)\s*$"
)

_DURING_THE_PERIOD = re.compile(
    r"^\s*(?:/\s*mt\s*)?(?:during|in)\s+the\s+(?:month|week|day|session|quarter|year)\b"
)

_OVERNIGHT_TRADING = re.compile(
    r"^\s*(?:/\s*mt\s*)?(?:in|during)\s+(?:the\s+)?overnight\s+trading\b"
    # "the SHFE aluminum 2601 contract rose slightly by 0.28% to 21,750 yuan/mt during the night
    # session": the whole night session, its move told with it
    r"|^\s*(?:/\s*mt\s*)?(?:in|during)\s+(?:the\s+)?night\s+session\b"
)
_SESSION_AFTER = re.compile(
    r"^\s*(?:/\s*mt\s*)?(?:in|during|through)\s+(?:the\s+)?(?:early\s+|late\s+)?"
    r"(?:asian|european|us|american|night|day"
    r"|morning|afternoon|overnight|second|first)"
    # "hovered at USD 1,870-1,880/mt through Asian and European hours"
    r"(?:\s+and\s+(?:asian|european|us|american))?\s+(?:session|trading|hours)"
    # "rose from 85,000 yuan/mt to 85,460 yuan/mt in the morning"
    r"|^\s*(?:/\s*mt\s*)?in\s+the\s+(?:morning|afternoon)\b"
    r"|^\s*(?:/\s*mt\s*)?(?:from\s+overnight\s+)?as\s+of\s+(?:noon|midday)"
)

_GRADE_DEALT = re.compile(
    # (also "#1 zinc ingot transactions were concluded around RMB 22,050-22,220 yuan/mt" and
    # "... and #1 zinc ingot transactions at around")
    r"(?:#\d|\d#)\s+(?:[a-z]+\s+){0,2}(?:transactions?|deals?)\s+(?:(?:were|was)\s+concluded\s+)?"
    r"(?:at\s+)?(?:around|at|between)\s*(?:rmb)?\s*$"
)

_MOSTLY_DEALT = re.compile(
    r"\b(?:deals?|transactions?|trades?)\s+(?:were\s+|was\s+)?(?:mostly|mainly|largely)\b"
)

_PRODUCT_OFFERS_MOVED = re.compile(
    r"\b(?:oxide|metal|alloy)\s+offers\s+(?:were|was)\s+(?:further\s+)?"
    r"(?:reduced|raised|lowered|cut|increased|adjusted)\s+to\s*$"
)

_GAVE_WAY = re.compile(
    r"\b(?:gave\s+way|pulled\s+back|fell\s+back|dropped\s+back|eased\s+back|retreated)\b"
)

# "..., with the latest offer around 9,750 yuan/mt", "with quotes around", "with the latest quote
# being around", "with the latest quote dropping to": where the quoted price now stands
_WITH_THE_QUOTE = r"\bwith\s+(?:the\s+)?(?:latest\s+)?(?:offers?|quotes?|quotations?)\s+"
_QUOTE_MOVE = r"(?:dropping|falling|rising|climbing|edging\s+(?:up|down))\s+to"
_QUOTE_MOVED = re.compile(_WITH_THE_QUOTE + _QUOTE_MOVE + r"\b")
_LATEST_QUOTE = re.compile(
    r",\s*" + _WITH_THE_QUOTE + rf"(?:being\s+|(?P<moved>{_QUOTE_MOVE})\s+)?"
    r"(?:at|of|around|about|(?<=to\s))\s*$"
)

_DEAL_LEAD = re.compile(
    # not an export quote: "with the FOB offer at $2,310/mt"
    r"(?<!most\s)(?<!mainstream\s)(?<!main\s)(?<!to\s)(?<!will\s)(?<!fob\s)(?<!cif\s)(?<!and\s)"
    # ... nor a forecast's verb: "LME aluminum should trade at $1,500-1,570/mt"
    r"(?<!should\s)(?<!may\s)(?<!might\s)(?<!could\s)(?<!would\s)(?<!shall\s)(?<!can\s)"
    # ... nor a weekly review's "with weekly offers basically stable at": the grade's quote
    r"(?<!weekly\s)"
    r"\b(?:deals?|transactions?|trades?|offers?|bids?)\b"
    r"(?:\s+[a-z]+){0,3}\s+(?:at|to|around)\s*$"
    r"|\b(?:changed|changing|change)\s+hands\s+(?:at|around|near)\s*$"
    # "the occasional small-volume transactions below $880/mt CIF SC6": deals, not a bound
    # "some deals were done below 550,000 yuan/mt", "several trades occurred below 600,000"
    r"|\b(?:deals?|transactions?|trades)\s+(?:(?:were\s+|was\s+)?(?:concluded|done|heard|occurred)"
    r"\s+)?(?:at\s+or\s+)?(?:below|above|under|over)\s*$"
    # "one deal in south China was done at around 3,260 yuan/mt"
    r"|\b(?:deals?|transactions?)\b[^.;]{0,40}?\b(?:was|were)\s+(?:done|concluded|made|struck)"
    r"\s+at(?:\s+(?:around|about))?\s*$"
    # "a small volume of high-grade cobalt sulphate traded at 53,000 yuan/mt"
    r"|\ba\s+small\s+(?:volume|amount|lot|quantity)\s+of\b[^.;,]{0,50}\btraded\s+at\s*$"
    # "with a small number traded at 8,100-8,150 yuan/mt"
    r"|\b(?:a\s+)?(?:small\s+number|few)\s+(?:of\s+[a-z]+\s+)?(?:traded|sold|done)\s+at\s*$"
    # "and some traders quoted 8,100 yuan/mt": some sellers' offer
    r"|\b(?:some|several|a\s+few|many)\s+(?:traders?|smelters?|sellers?|suppliers?|plants?)"
    r"\s+(?:quoted|offered)\s*(?:at\s*)?$"
    # "cobalt intermediate product smelter quotations remained at 54,000~55,000"; "traders
    # increased their quotations to 51,000~52,000": one group of sellers' offers
    r"|\b(?:smelters?|traders?|companies|producers?|suppliers?|sellers?|plants?|recyclers?)(?:'s?)?"
    r"\s+(?:(?:raised|increased|lowered|cut|reduced|held|kept)\s+(?:their\s+)?)?"
    r"(?:quotations?|quotes|offers)\s+(?:remained|stayed|held|stood|were|was|to|at)\b[^.;,]{0,12}$"
    # "Downstream producers were reluctant to purchase at 282,000 yuan/mt": a price refused.
    r"|\b(?:reluctant|unwilling|hesitant)\s+to\s+(?:purchase|buy|sell|accept|take)"
    r"(?:\s+[a-z]+){0,2}\s+(?:at|above|below)\s*$"
)

_EARLIER_MOVE = re.compile(
    r"\b(?:after|following)\s+(?:a|an)\s+(?:decline|drop|fall|dip|rise|increase|gain|hike)\s+of\s*(?:rmb|us\$|\$)?$"
)

_ON_CREDIT = re.compile(
    r"^\s*(?:/\s*(?:mt|t)\s*)?(?:with\s+(?:a\s+)?credit\s+(?:period|terms?)|on\s+credit"
    r"|on\s+(?:a\s+)?credit\s+basis)\b"
)
_FOR_CASH = re.compile(r"\b(?:on\s+a\s+cash(?:\s+payment)?\s+basis|for\s+cash|in\s+cash)\b")
_STEEL_PRODUCTS = frozenset({"rebar", "iron ore", "steel", "hot-rolled coil", "steel billet"})
_BILLET = re.compile(r"\bbillets?\b")
_LAST_WEEK_THEN_MOVED = re.compile(
    r"^\s*(?:/\s*(?:mt|t)\s*)?last\s+week\s+and\s+(?:gained|rose|added|climbed|fell|lost|dropped"
    r"|declined|edged\s+(?:up|down))\b"
)
# What may stand between an amount and the words after it: its unit written out ("yuan", "/mt",
# "/ ton")
_AFTER_THE_UNIT = r"\s*(?:yuan\s*)?(?:/\s*(?:tonne|ton|mt|t)\s*)?"

# "... in mid-May", "... yuan/mt in mid-to-late May": a part of a month, no day a rule can name
_IN_PART_OF_A_MONTH = re.compile(
    _AFTER_THE_UNIT + rf"in\s+(?:early|mid|late|mid-to-late|early-to-mid)[-\s]?(?:{_MONTHS})\b"
)
_LOOKED_BACK = re.compile(r"\bhad\s+[a-z]+ed\b|\b(?:lowest|highest)\s+(?:level\s+)?(?:in|since)\b")

_ON_AN_EARLIER_DAY = re.compile(
    r"^\s*(?:/\s*(?:mt|t)|per\s+tonne)?\s*(?:on\s+(?:(?:january|february|march|april|may|june"
    r"|july|august|september|october|november|december)\s+\d|monday|tuesday|wednesday|thursday"
    r"|friday)|yesterday|the\s+(?:previous|day\s+before)|last\s+week\b)"
)

_STOOD_BASIS_SIDE = re.compile(
    r"\b(?:stood|was|is|remained)\s+(?P<which>week-on-week|month-on-month|year-on-year|w-o-w|m-o-m"
    r"|y-o-y|wow|mom|yoy)\s+(?P<side>high|higher|low|lower|up|down)\s+by\s*$"
)

_THAN_A_YEAR_AGO = re.compile(
    r"^\s*(?:per\s*cent|%)?\s*(higher|lower)\s+than\s+(?:last\s+year's|the\s+same\s+(?:day|period)"
    r"\s+(?:of\s+)?last\s+year|a\s+year\s+(?:ago|earlier))"
)

_THAN_THE_PERIOD_BEFORE = re.compile(
    r"^\s*(higher|lower)\s+than\s+(?:the|a)\s+(?:day|week|month)\s+(?:before|earlier)\b"
)

_LAST_YEARS_PRICE = re.compile(
    r"\b(?:last\s+year's|a\s+year\s+(?:ago|earlier))\b[^.;]{0,40}?\bprice\s*\(\s*(?:rmb|us\$|\$)?$"
)

_MONTH_WORDS = rf"(?:the\s+month|{_MONTHS})\b"

_RANGE_OVER_A_PERIOD = re.compile(
    r"\b(?:trading|traded|moving|moved|fluctuating|fluctuated)\s+(?:with)?in\s+a\s+range\s+of"
    r"\s*(?:rmb|us\$|\$)?$"
)

_OVER_DATED_DAYS = re.compile(
    rf"^\s*(?:per\s+tonne|/\s*mt)?\s*(?:during|over|between)\s+(?:{_MONTHS})\.?\s+\d{{1,2}}"
    r"\s*(?:-|–|to|and)\s*\d{1,2}\b"
)


# ... and the move that ran over those days ("rose by US$22 per tonne from US$2,915 per tonne to
# US$2,937 per tonne during September 17-23")
_MOVE_OVER_DATED_DAYS = re.compile(
    r"^[^.;]{0,80}?\bto\s*(?:us\$|\$|usd|rmb)?\s*[\d,.]+\s*(?:per\s+tonne|/\s*mt)?\s*"
    rf"(?:during|over|between)\s+(?:{_MONTHS})\.?\s+\d{{1,2}}\s*(?:-|–|to|and)\s*\d{{1,2}}\b"
)


# A move told for one trading session: "a 0.2 per cent daytime drop", "overnight"
_SESSION_ADJECTIVE = r"(?:daytime|nighttime|overnight)"
# "recorded a further loss of 1.73 per cent in the nighttime session": a session's move
_IN_A_NIGHT_OR_DAY_SESSION = re.compile(
    r"\s*(?:in|during)\s+(?:the\s+)?(?:[a-z]+'s\s+)?(?:nighttime|daytime|night|day)\s+"
    r"(?:trading\s+)?session\b"
)
# A session named around a second move in %: "... daytime session and ended the nighttime session"
_SESSION_NAMED = re.compile(rf"\b(?:{_SESSION_ADJECTIVE}|(?:night|day)\s+(?:trading\s+)?session)\b")
_FROM_A = re.compile(r"\bfrom\s+an?\s*$")
_SESSION_MOVE_NOUN = re.compile(
    rf"\b[\d.]+\s*(?:%|per\s*cent)\s+{_SESSION_ADJECTIVE}\s+"
    r"(?:drop|fall|decline|loss|gain|rise|increase)\b"
)
_A_MARGIN = re.compile(
    r"\b(?:loss|losses|profit|profits|margin|margins)\s+(?:of|at|was|were|stood\s+at|reached"
    r"|expanded\s+to|narrowed\s+to|widened\s+to|to)?\s*(?:nearly|about|around|approximately)?\s*$"
)
_A_LINE_IN_BUYERS_MINDS = re.compile(
    r"^\s*(?:per\s+tonne|/\s*mt)?\s*as\s+(?:an?\s+|the\s+)?(?:emotional|psychological)\s+"
    r"(?:benchmark|threshold|level|line|mark|barrier)\b"
)
_OVER_THE_SAME_PERIOD = re.compile(
    r"^\s*(?:per\s+tonne|/\s*mt)?\s*(?:over|during|in)\s+the\s+same\s+(?:period|time|months)\b"
)


_ONCE_CROSSED = re.compile(
    r"\bonce\s+(?:exceed(?:ed|ing)?|topp(?:ed|ing)|top|surpass(?:ed|ing)?|broke(?:n)?(?:\s+through)?"
    r"|breaking(?:\s+through)?|hit(?:ting)?|reach(?:ed|ing)?|touch(?:ed|ing)?)\s*(?:rmb|us\$|\$)?\s*$"
)


def _futures_closed(head: str) -> bool:
    """Whether the words before an amount tell a close ("closed at", "settled at")."""
    return bool(re.search(r"\b(?:closed|closing|settled|ended|finished)\b", head))


_WHEN_PRICES_WERE = re.compile(
    r"\b(?:when|if|once)\s+(?:the\s+)?prices?\s+(?:were|was|are|is|fall|fell|reach|reached)\s+"
    r"(?:between|at|around|below|above|to)\s*(?:rmb|usd|us\$|\$)?$"
)
_MONTHS_SPANNED = re.compile(
    rf"\b(?:from|during)\s+(?:{_MONTHS})\s+(?:to|through|until)\s+(?:{_MONTHS})\b"
    rf"|\bbetween\s+(?:{_MONTHS})\s+and\s+(?:{_MONTHS})\b"
)
# ... over a month (a week's trading range is read as the week's quote, as the corpus has it)
_OVER_A_PERIOD = re.compile(
    r"\bin\s+(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)\b|\b(?:this|last|the\s+past)\s+month\b|\bduring\s+the\s+month\b"
)

# A change's "to <level>": its basis may come after the level
_TO_THE_LEVEL = re.compile(
    r"\s*,?\s*to\s+(?:rmb\s*|us?\$\s*)?[\d,.]+(?:\s*-\s*[\d,.]+)?\s*(?:yuan/mt|yuan|/mt|per\s+tonne)"
)

_TC_PER_DRY_TONNE = re.compile(r"/\s*dmt\b")
# "marking increases of approximately 2,000 yuan/mt (metal content) and $100/dmt": a domestic
# treatment charge, quoted per tonne of the metal the concentrate holds
# (also "remained flat MoM at 1,500 yuan/mt in metal content")
_PER_TONNE_OF_METAL = re.compile(
    r"\s*(?:yuan\s*)?(?:/\s*mt\s*)?(?:\(\s*(?:in\s+)?metal\s+content\s*\)|in\s+metal\s+content\b)"
)
_TC_WORDS = re.compile(r"\b(?:tcs?|treatment\s+charges?|processing\s+fees?)\b")

_BUYERS_LINE = re.compile(
    r"\b(?:buy|buys|buying|bought|purchases?|purchasing|acceptance)\b(?:\s+[a-z]+){0,3}\s+"
    r"(?:below|under)\s*(?:rmb|usd|us\$|\$)?\s*$"
)
_AROUND_A_ROUND_LEVEL = re.compile(
    r"\b(?:fluctuated|moved|hovered|swung|oscillated)\s+around\s*(?:rmb|usd|us\$|\$)?\s*$"
)

_BECAME_MOST_ACTIVE = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:contracts?\s+)?became\s+the\s+most\s+(?:active|actively\s+traded)\b"
)

_BY_MIDDAY = re.compile(r"\b(?:by|at|before)\s+(?:the\s+)?(?:midday|noon)\b")

_SETTLE_BEFORE = re.compile(
    r"\b(?:previous|prior|last)\s+(?:session's|day's|trading\s+day's)\s+settle(?:ment)?\s+price\s+of"
    r"\s*(?:rmb|usd|us\$|\$)?\s*$"
)

_WEEKLY_QUOTES = re.compile(r"\bweekly\s+(?:offers|quotes|quotations|prices)\b")

_OVER_DAYS = re.compile(
    r"\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:two|three|four|five|several|few|\d+)\s+"
    r"(?:trading\s+)?(?:days|sessions)\b"
    # "aluminium has edged up for three days in a row since Tuesday, a cumulative increase of
    # 100 yuan/mt"
    r"|\bfor\s+(?:two|three|four|five|several|\d+)\s+(?:consecutive\s+)?(?:trading\s+)?"
    r"(?:days|sessions)\b"
)

_CLOSED_AT_EXTREME = re.compile(
    r"\bclos(?:ed|ing)\s+at\s+(?:the\s+)?(?:day's|session's)\s+(?:low|high)\s+of\s*(?:rmb|\$)?$"
    # "but finished down RMB 120/mt at an intraday low of RMB 14,010/mt": the close
    r"|\b(?:finished|ended|closed|settled)\b[^.;]{0,40}?\bat\s+(?:an|the)\s+(?:intraday|session|day's)"
    r"\s+(?:low|high)\s+of\s*(?:rmb|\$)?$"
    # "before closing at a recent high of USD 7,420/mt, a gain of USD 60/mt"
    r"|\bclos(?:ed|ing)\s+at\s+an?\s+(?:recent|fresh|new|[a-z0-9]+-(?:day|week|month|year))\s+"
    r"(?:low|high)\s+of\s*(?:usd|us\$|rmb|\$)?$"
)

_EXTREME = re.compile(
    r"\b(?:highest|lowest)(?:\s+price)?(?:\s+on\s+[a-z]+)?\s+(?:was|of|at|hit|reached|reaching"
    r"|touched|touching)\s*$"
    # "with prices soaring to a historical high above $14,500/mt by the end of January": a
    # record reached at one time, not where the price stands
    r"|\bto\s+an?\s+(?:historical|record|all-time|historic)\s+high\s+(?:above|of|at|near)\s*"
    r"(?:rmb|usd|us\$|\$)?\s*$"
)

# "with the lowest spot transaction prices in northern China this week reaching around
# 3,200-3,300 yuan/mt": the week's cheapest deals, not the market's quote
_EXTREME_DEALS = re.compile(
    r"\b(?:highest|lowest)\s+(?:spot\s+)?(?:transaction\s+|deal\s+)?prices\b[^.;,]{0,50}?"
    r"\b(?:reaching|reached|were|at)(?:\s+(?:around|about|roughly))?\s*$"
)

_WHEN_WAS = re.compile(
    r"\bwhen\b[^,;]{0,60}\b(?:was|stood\s+at|were(?:\s+at)?)\s*$"
    # "around the 12th when prices first fell to around 75,000 yuan/mt": a past level
    r"|\bwhen\b[^,;]{0,60}\b(?:rose|fell|dropped|climbed|reached|hit|touched)"
    r"(?:\s+(?:to|above|below))?(?:\s+(?:around|about|nearly))?\s*$"
    # (but a weekly review's "ended the week at" is the week's close, its figure)
    r"|\b(?:(?:started|began|opened)\s+the\s+(?:year|month|week|quarter)"
    r"|ended\s+the\s+(?:year|month|quarter))\s+(?:at|with)\s*$"
)

_NOUN_AFTER = re.compile(
    # "marking a 0.56 per cent week-on-week uptick": the noun may carry its basis before it
    # ("The settlement marked a 55 yuan/mt or 0.28% increase": the percentage told beside it)
    r"^\s*(?:/mt\s*)?(?:or\s+[\d.]+\s*(?:%|per\s*cent)\s+)?"
    r"(?:(?:week-on-week|month-on-month|year-on-year|w-o-w|m-o-m|y-o-y)\s+)?"
    # (Mysteel's "rebounding from a 0.2 per cent daytime drop": the session's move)
    rf"(?:{_SESSION_ADJECTIVE}\s+)?"
    # ("followed by Linyi witnessing RMB 280 per tonne increment to RMB 17,820 per tonne")
    r"(?:increase|increment|rise|gain|hike|jump|uptick|decrease|decline|drop|fall|loss|cut|downtick"
    # ("finished at RMB 50,600/mt, a RMB 1,470/mt or 2.99% surge")
    # ("the 2407 main contract enjoyed a 3.00% uplift")
    r"|downfall|surge|rally|slump|plunge|slide|uplift)\b"
)

_NEAR_MIDDAY = re.compile(
    r"^\s*(?:/\s*(?:mt|t)\s*)?(?:near|around|before|towards|toward)\s+(?:the\s+)?(?:mid-?day|noon)\b"
)
_PRICES_SENT = re.compile(
    r"\b(?:sending|sent|pushing|pushed|dragging|dragged|lifting|lifted|taking|took)\s+(?:the\s+)?"
    r"prices?\s+(?:down|up|back|lower|higher)?\s*to\s*(?:rmb|usd|us\$|\$)?$"
)
_CLOSED_AT_ITS_HIGH = re.compile(
    # (also "ended at a recent high of RMB 56,140/mt, up RMB 80/mt")
    # (and "ending at the day's high of 19,700 yuan/mt, up 75 yuan/mt")
    r"\b(?:ended|closed|finished|settled|ending|closing)\s+at\s+(?:an?|the)\s+(?:session|intraday"
    r"|day's|recent|new"
    # ("LME nickel closed at a four-month low of $13,545/mt overnight")
    r"|(?:[a-z]+|\d+)-(?:day|week|month|year))\s+(?:high|low)\s+of\s*(?:rmb|usd|us\$|\$)?$"
    # "... slipped and ended the trading day at a low of 14,110 yuan/mt, down 0.7%"
    r"|\b(?:ended|closed|finished|settled)\s+the\s+(?:trading\s+)?(?:day|session)\s+at\s+an?\s+"
    r"(?:high|low)\s+of\s*(?:rmb|usd|us\$|\$)?$"
    # "to close at an intraday high of $1,757.5/mt", "to finish Wednesday 0.3% higher at a
    # session high of $2,750/mt"
    r"|\bto\s+(?:close|end|finish|settle)\b(?:[^.;,]|(?<=\d)\.(?=\d)){0,40}?\bat\s+an?\s+"
    r"(?:session|intraday|day's)?\s*"
    r"(?:high|low)\s+of\s*(?:rmb|usd|us\$|\$)?$"
    # "hit a high of 20,505 yuan/mt, and finally closed at the lowest of 20,405 yuan/mt"
    r"|\b(?:ended|closed|finished|settled)\s+at\s+the\s+(?:highest|lowest)\s+of\s*"
    r"(?:rmb|usd|us\$|\$)?$"
)
# "It then fell back to its lowest in nearly six years at USD 1,476/mt": a low on the way
_ITS_LOWEST_AT = re.compile(
    r"\b(?:its|a|the)\s+(?:lowest|highest)(?:\s+(?:level|point|price))?(?:\s+(?:in|since)\s+"
    r"[^,;]{0,30}?)?\s+at\s*(?:rmb|usd|us\$|\$)?$"
)
_EXTREME_POINT = re.compile(
    r"\b(?:lowest|highest)\s+(?:point|level|price)s?(?:\s+(?:was|were|at|of|below|above|under))+"
    r"\s*(?:rmb|usd|\$)?$"
)
_SPOT_METAL_AT = re.compile(
    r"\band\s+spot\s+(?:copper|zinc|lead|nickel|tin|alumini?um)\s+(?:at\s+|between\s+)?(?:rmb\s*)?$"
)

# "will fall RMB 53,000/mt": a move verb with its amount right after it
_MOVE_STRAIGHT_TO_AMOUNT = re.compile(
    r"\b(?:will|to|may|could|should|would)\s+(?:fall|drop|decline|rise|climb|increase)\s*"
    r"(?:rmb|usd|us\$|\$)?\s*$"
)
_PREMIUM_WORD = re.compile(r"\b(?:premiums?|discounts?)\b")
_THE_WEEKS_MOVE = re.compile(
    r"^\s*(?:yuan)?\s*(?:/\s*(?:mt|t))?\s*,?\s*(?:an?\s+)?(?:drop|decline|fall|loss|rise|gain|increase)"
    r"\s+of\s+[\d.]+\s*%\s+(?:for|on|over)\s+the\s+week\b"
)
_FROM_A_HIGH_OR_LOW = re.compile(
    r"\s*(?:from|off)\s+(?:a|the|its)\s+(?:[a-z-]+\s+){0,2}(?:high|low|peak|bottom|top)\b"
)
_SINCE_A_DAY_AFTER = re.compile(
    r"(?:[^.;]|(?<=\d)\.(?=\d)){0,40}?\bcompared\s+(?:with|to)\s+[^.;]{0,60}?\bon\s+"
    rf"(?:(?:{MONTH_NAMES})\.?\s+\d{{1,2}}\b|\d{{1,2}}\s+(?:{MONTH_NAMES})\b)"
)
_TEST_AHEAD = re.compile(r"\b(?:and|to)\s+(?:re-?)?test\s*(?:rmb|usd|us\$|\$)?$")
_LOOKS_AHEAD = re.compile(
    r"\b(?:should|will|would|may|might|could|expects?|expected|likely|forecasts?|predicts?)\b"
)
_REASON_FIRST = re.compile(
    r"^\W*(?:with|amid)\s+[^,;]{0,80}?\b(?:growing|rising|falling|weakening"
    r"|strengthening|shrinking|piling\s+up|building"
    # "With lower refined zinc stocks over the weekend and higher September output, ..."
    r"|lower|higher|declining|increasing)\b[^,;]{0,40},"
)
_A_SUM_OF_MONEY = re.compile(r"\b(?:million|billion|trillion|mln|bn)\b")
_AFTER_IT_WENT = re.compile(
    r"\b(?:closed|ended|settled|finished)\b[^;]*?\bat\s*(?:rmb|usd|us\$|\$)?\s*[\d,.]+[^;]*?"
    r"\bafter\s+(?:it|the\s+contract|prices?)\s+(?:had\s+)?[a-z]+"
)
# ... "US ADP employment and whether the contract could remain above 57000 yuan/mt will come
# under scrutiny tonight"
_WHETHER = re.compile(
    r"^\W*whether\b|\band\s+whether\s+(?:the|it)\b[^.;]*\b(?:could|can|would|will)\b"
)
_TO_A_PEAK = re.compile(
    r"\b(?:to|at|reached|hit|hitting|reaching)\s+(?:a|its)\s+(?:[a-z-]+\s+)?peak\s+of\s*"
    r"(?:rmb|usd|us\$|\$)?$"
)
_NOT_LESS_THAN = re.compile(
    r"\bnot\s+(?:be\s+|fall\s+|go\s+|drop\s+|rise\s+)?(?:less|lower|more|higher)\s+than\s*"
    r"(?:rmb|usd|us\$|\$)?$"
)
_TO_HIGHS_AROUND = re.compile(
    r"\bto\s+(?:its\s+|new\s+|fresh\s+)?(?:highs?|lows?)\s+(?:around|near|of|at)\s*(?:rmb|usd|us\$|\$)?$"
)
_AT_ONE_POINT = re.compile(r"^\s*(?:/\s*mt\s*)?(?:mark\s+|level\s+)?at\s+one\s+point\b")
_DURING_WHICH = re.compile(r"\bduring\s+which(?:\s+time)?\b")
_UP_TO_HIT = re.compile(
    r"\b(?:up|down|higher|lower)\s+to\s+(?:hit|touch|reach)\s*(?:rmb|usd|us\$|\$)?$"
)
_HELPED_HOLD = re.compile(
    r"\b(?:help(?:ing|ed|s)?|allow(?:ing|ed|s)?|enabl(?:ing|ed|es))\s+(?:[a-z/]+\s+){0,4}?"
    r"hold\s+(?:at|above|near)\s*(?:rmb|usd|us\$|\$)?$"
)
_NIGHT_SESSION = re.compile(r"\bnight\s+(?:trading\s+)?session\b|\bovernight\b")
_DAY_SESSION = re.compile(r"\b(?:day|daytime|morning|afternoon)\s+(?:trading\s+)?session\b")
_OTHER_MARKET_SUBJECT = re.compile(
    # (also the first item of a minutes' macro list: "Macro: Gold breaks above the $5,000 mark")
    r"^\W*(?:macro(?:\s+front)?\s*:\s*)?(?:\(\d\)\s*)?(?:spot\s+|comex\s+|new\s+york\s+|wti\s+"
    r"|brent\s+|the\s+)?"
    r"(?:gold|silver|platinum|palladium|crude(?:\s+oil)?|oil|(?:us\s+)?dollar(?:\s+index)?"
    r"|(?:us\s+)?treasur(?:y|ies))\b"
)
# A bank's or analyst's view on another market, whose price the clause goes on to give
_VIEW_ON_ANOTHER_MARKET = re.compile(
    r"\b(?:bearish|bullish|positive|negative)\s+on\s+(?:gold|silver|platinum|palladium|crude"
    r"|oil|the\s+dollar)\b"
)
_STOCKS_MOVED = re.compile(
    r"\b(?:stocks|shares|equities|stock\s+markets?|composite(?:\s+index)?)\b[^,;]{0,30}$"
)
_INTEREST_RATE_MOVED = re.compile(
    r"\b(?:interest|lending|deposit|benchmark)\s+rates?\b[^.;,]{0,20}?(?:by\s+)?$"
)
_TO_A_SUM = re.compile(
    r"^\s*(?:yoy\s+|y-o-y\s+)?to\s+(?:rmb|usd|us\$|\$|eur)?\s*[\d,.]+\s*(?:billion|million|trillion)\b"
)

_SHARE_OF = re.compile(r"^\s*of\s+(?:the|a|an|its|their|all|total|china's)\b")

_FOR_BRANDS = re.compile(
    r"\s*(?:/\s*mt\s*)?for\s+[^.;,]{0,60}?\b(?:brands?|branded)\b"
    # "RMB 15,550-15,570/mt for Yuguang and RMB 15,520-15,530/mt for Baohui": a brand named alone
    r"|\s*(?:/\s*mt\s*)?for\s+(?=" + names.BRAND_NAMES + r")"
)
_PUT_OFF = re.compile(
    r"^\s*(?:/\s*mt\s*)?(?:discouraged|deterred|dampened|curbed|hurt|put\s+off|scared\s+off)\b"
)
_LARGEST_MOVE = re.compile(
    r"\b(?:highest|largest|biggest|greatest|maximum)\s+(?:single-day\s+|one-day\s+|daily\s+)?"
    r"(?:price\s+)?(?:increase|rise|gain|decrease|drop|decline|fall|adjustment)s?(?:\s+of)?\s*"
    r"(?:rmb|us\$|\$)?$"
)
_KEPT_UNDER = re.compile(
    r"\b(?:maintained|kept|remained|stayed|held)\s+(?:at\s+)?(?:less\s+than|below|under)\s*(?:rmb)?$"
    # "Smelters cut what they pay for scrap batteries, keeping it below RMB 8,100/mt": a ceiling
    # their bids stay under
    r"|\bkeeping\s+(?:it|them|prices?|bids?|quotes?)\s+(?:below|under)\s*(?:rmb)?$"
)
# "... keeping it below RMB 8,100/mt and in some regions below RMB 7,900/mt": a second ceiling
_KEPT_UNDER_TOO = re.compile(
    r"\bkeeping\s+(?:it|them|prices?|bids?|quotes?)\s+(?:below|under)\s*(?:rmb)?\s*[\d,]+"
    r"\s*(?:/\s*mt|yuan/mt)?\s+and\s+(?:in\s+some\s+(?:regions|areas)\s+)?(?:below|under)"
    r"\s*(?:rmb)?$"
)
# "Jinchuan Group cut its nickel price by RMB 2,000/mt on November 21 to RMB 95,500/mt": one
# producer's own list price, not the market's
_A_PRODUCERS_OWN_PRICE = re.compile(
    rf"\b{names.BRAND_NAMES}(?:\s+group)?\s+(?:cut|raised|lowered|lifted|hiked|adjusted|set)\s+"
    r"(?:its|their)\s+(?:[a-z]+\s+){0,2}(?:prices?|quotations?|quotes?)\b"
)
# "A Guangdong tungsten firm published its long-term contract prices ...: its APT price was set at
# 453,000 yuan/mt": one seller's own price
_ITS_PRICE_SET_AT = re.compile(
    r"\bits\s+(?:[a-z0-9%#-]+\s+){0,3}prices?\s+(?:was\s+|were\s+)?(?:set|fixed)\s+at\s*"
    r"(?:rmb|us\$|\$)?$"
)
# "CNOOC's coke mostly fell by 100-150 yuan/mt this week, to a range of 3,300-3,400 yuan/mt",
# "Zhoushan Petrochemical's bidding price this week was 5,500 yuan/mt": a refining group's or one
# refinery's own price for its petroleum coke, beside the market averages and indices SMM gives
_REFINERS_OWN = re.compile(
    r"\b(?:cnooc|petrochina|sinopec)\b|\b[a-z]+\s+petrochemical\b|\brefineries\s+under\b"
)
_THEY_OPEN = re.compile(r"\s*(?:[a-z]+\s+){0,2}(?:they|it)\b")


def _refiners_own(whole: str, position: int) -> bool:
    """Whether the statement holding the amount (since the last ";") names a refining group or one
    refinery as its seller; a statement that opens on "they" or "it" ("...; this week they cut
    by 500-610 yuan/mt, to 4,560-5,100 yuan/mt") is the one before's."""
    start = whole.rfind(";", 0, position) + 1
    if _THEY_OPEN.match(whole, start):
        start = whole.rfind(";", 0, max(0, start - 1)) + 1
    return _REFINERS_OWN.search(whole, start, position) is not None


_SELLERS_QUOTES_CONCENTRATED = re.compile(
    r"\b(?:enterprises|producers|smelters|plants|suppliers|sellers|manufacturers)\b[^.;]{0,100}?"
    r"\bwith\s+(?:their\s+)?(?:quotations?|quotes|offers)\s+(?:mostly\s+)?concentrated\s+"
    r"(?:in\s+the\s+range\s+of|at|around|between)\s*$"
)
# "Shandong Weiqiao Group, the top aluminium producer in China, reduced the purchasing price for
# prebaked anode by 170 yuan/mt from March to 2,660 yuan/mt in cash for April": one buyer's price
# One buyer's price beside the market's: "Shandong Weiqiao Group ... reduced the purchasing price
# for prebaked anode by 170 yuan/mt from March to 2,660 yuan/mt"; smelters that "cut their buying
# prices for scrap batteries ... to RMB 7,500/mt"; "A Shanxi refinery bid 9020 yuan / ton
# delivered for electric batteries"; "The purchase price of waste battery in a refinery in
# Jiangxi Province today: electric 7700 yuan / ton"; "One smelter ... after offering a price of
# 10,050 yuan/mt". Searched over the sentence before the amount: a colon cuts the clause.
_ONE_BUYERS_BID = re.compile(
    r"\b(?:group|company|smelters?|enterprises?|refiner(?:y|ies))\b[^.;]{0,60}\b(?:reduced|cut|lowered"
    r"|raised|lifted|set|adjusted)\s+(?:the|its|their)\s+(?:purchasing|procurement|purchase|buying)\s+"
    r"(?:benchmark\s+)?prices?\b[^.;]{0,80}$"
    r"|\b(?:an?|one)\s+(?:[a-z]+\s+){0,2}(?:refinery|smelter|refiner)\b[^.;]{0,40}?"
    r"\b(?:bid|bids|offering\s+a\s+price\s+of)\b[^.;]{0,80}$"
    r"|\bpurchase\s+price\s+of\s+(?:waste\s+|scrap\s+)?batter(?:y|ies)\s+in\s+an?\s+refinery\b"
    r"[^.;]{0,120}$"
)
_ONE_PLANT = re.compile(
    r"\bprices?\s+of\s+an?\s+(?:[a-z-]+\s+){0,3}(?:plant|smelter|enterprise|producer|factory|mill)\b"
)

# "with Qatar, UAE, and Kuwait successively announcing January FOB prices of $517/mt, $520/mt,
# and $516/mt": each seller's list price for the month, like a mill's tender, not the market's
_ANNOUNCED_PRICES = re.compile(
    r"\bannounc(?:ed|ing|es)\s+(?:[a-z]+\s+){0,3}prices?\s+(?:of|at)\s+[^.;]{0,40}$"
)

_CLOSE_TO_THE = re.compile(r"\b(?:close|closer|near)\s+to\s+the\s*(?:rmb|usd|us\$|\$)?$")
_A_LINE_AFTER = re.compile(_AFTER_THE_UNIT + r"(?:level|mark|threshold)\b")

_UNDER_PRESSURE_OF = re.compile(
    r"\b(?:under|with)\s+(?:the\s+)?pressure\s+(?:of|at)\s*(?:usd|us\$|\$|rmb)?\s*$"
)
_WITHIN_THE = re.compile(r"\bwithin\s+the\s*(?:rmb)?\s*$")
_CHANNEL_AFTER = re.compile(r"[^.;]{0,30}?\b(?:channel|platform|band)\b")

_FROM_A_LEVEL_TO = re.compile(
    r"\bfrom\s+(?:rmb\s*)?[\d,.]+\s*(?:yuan)?\s*(?:/\s*(?:mt|ton|tonne))?\s+to\s*(?:rmb)?$"
)

_MOVED_THEN_AT = re.compile(
    _AFTER_THE_UNIT + r"(?:higher|lower)\b(?:\s+(?:from|than)\s+[a-z]+)?\s+at\b"
)

_DELIVERED = re.compile(r"\b\d{4}\s+contract\s+delivery\s+(?:was\s+|has\s+been\s+)?completed\b")

# "Today is the last trading day for SHFE 1512 copper. The contract started at RMB 36,480/mt and
# ended down RMB 610/mt at RMB 35,750/mt": the expiring contract's prices, the sentence after
_LAST_TRADING_DAY = re.compile(
    r"\blast\s+trading\s+day\s+(?:for|of)\s+(?:the\s+)?(?:shfe\s+)?\d{4}\s+[a-z]+"
    r"(?:\s+contract)?\s*\.?\s*$"
)
_THE_CONTRACT_OPENS = re.compile(r"\s*(?:the|this|that)\s+contract\b")
_ITS_SETTLEMENT = re.compile(r"\s*(?:and\s+)?(?:the|its)\s+settlement\s+prices?\b")


def _expiring_contracts_own(before: tuple[str, ...], folded: str) -> bool:
    """Whether a sentence tells of the contract the one before said expires today ("Today is the
    last trading day for SHFE 1512 copper. The contract started at ... And the settlement prices
    at RMB 36,240/mt.")."""
    if before and _LAST_TRADING_DAY.search(before[-1]):
        return _THE_CONTRACT_OPENS.match(folded) is not None
    return (
        len(before) >= 2
        and _LAST_TRADING_DAY.search(before[-2]) is not None
        and _THE_CONTRACT_OPENS.match(before[-1]) is not None
        and _ITS_SETTLEMENT.match(folded) is not None
    )


_SUPPORT_AFTER = re.compile(_AFTER_THE_UNIT + r"(?:support|resistance)\b")

_STILL_HAS_ROOM = re.compile(r"\b(?:still\s+)?ha(?:ve|s)\s+(?:about|around|some|nearly)?\s*$")
_ROOM_TO_MOVE = re.compile(
    _AFTER_THE_UNIT + r"(?:of\s+)?(?:room\s+|space\s+)?to\s+"
    r"(?:fall|drop|decline|rise|climb|go)\b"
)

_A_FEW_DEALS = re.compile(
    r"\b(?:only\s+)?(?:a\s+few|few|several|some|scattered)\s+(?:deals?|transactions?|trades?)\s+"
    r"(?:were\s+|was\s+)?(?:reported|heard|done|concluded|closed|made|completed)\s+(?:at|around|near)"
    r"(?:\s+(?:above|below|over|under))?\s*(?:rmb)?$"  # "few transactions were completed at above"
    # "still with buying from some Chinese traders at USD 7,300/mt": a few buyers' bids
    r"|\b(?:buying|purchases?|selling|sales)\s+(?:from|by)\s+(?:some|a\s+few|few)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:traders|buyers|sellers|investors|consumers)\s+at\s*(?:rmb|usd|us\$|\$)?$"
    # "with sparse quotations seen at RMB 14,440-14,480/mt": a few sellers' asks
    r"|\b(?:sparse|scattered|few)\s+(?:quotations|quotes|offers)\s+(?:were\s+)?"
    r"(?:seen|heard|reported|made)?\s*(?:at|around|near)\s*(?:rmb)?$"
    # "mainly due to difficulties in closing deals for Guinea bauxite at around $75/mt": deals
    # tried at a level, no quote
    r"|\b(?:closing|concluding|closed|concluded)\s+deals?\s+(?:for\s+[^.;,]{0,40}?)?"
    r"(?:at|around)(?:\s+(?:around|about))?\s*(?:rmb|usd|us\$|\$)?$"
)
_NARROW_RANGE_AROUND = re.compile(
    r"\b(?:within|in)\s+an?\s+(?:narrow|tight|small|wide)\s+range\s+(?:around|near|of)\s*(?:rmb)?\s*$"
)
_OPENED_MOVED_AT = re.compile(
    # ("SHFE 1307 copper contract prices gapped RMB 350/mt higher at RMB 55,450/mt")
    r"\b(?:open(?:ed|s)?|start(?:ed|s)?|gapped)\s+(?:(?:mon|tues|wednes|thurs|fri)day\s+)?"
    r"(?:rmb\s*|us\$|\$)?[\d,.]+\s*(?:yuan)?(?:\s*/\s*(?:mt|t))?\s+"
    r"(?:higher|lower)\s+at\s*(?:rmb|us\$|\$)?$"
)
# "SHFE 1310 aluminum contract will open flat at RMB 14,350/mt, with prices between ...": a
# morning note's open for the day, not the day's range or close
_OPENS_AT = re.compile(
    r"\b(?:open|opens|opened|opening)\s+(?:slightly\s+)?(?:flat|lower|higher)\s+at\s*"
    r"(?:rmb|usd|us\$|\$)?$"
    # "The most active SHFE four-month aluminum contract is expected to open at RMB 16,250/mt"
    r"|\b(?:expected|likely|set)\s+to\s+open\s+at\s*(?:rmb|usd|us\$|\$)?$"
)
# ... "SHFE 1309 copper contract started Monday RMB 570/mt higher at RMB 53,000/mt": the open's move
_OPEN_BY = re.compile(
    r"\b(?:open(?:ed|s)?|start(?:ed|s)?|gapped)(?:\s+(?:mon|tues|wednes|thurs|fri)day)?"
    # ("opened up by RMB 620/mt at RMB 56,220/mt")
    r"(?:\s+(?:up|down|higher|lower))?(?:\s+by)?\s*(?:rmb|us\$|\$)?\s*$"
)

_AFTER_AN_OPENING = re.compile(
    r"\bopen(?:ed|ing)\s+(?:higher\s+|lower\s+)?at\s*(?:rmb|us\$|\$)?\s*[\d,.]+\s*"
    r"(?:yuan)?(?:\s*/\s*(?:mt|t))?\s*,\s*$"
)

_POST_TAX = re.compile(
    r"\b(?:post-tax|after-tax|tax-inclusive)\s+price\s+(?:is|was|would\s+be)\s*"
    r"(?:approximately|about|around|roughly)?\s*$"
)

_CLOSE_FOLLOWS = re.compile(r"^\s*(?:/\s*mt\s*)?,?\s*(?:and\s+)?(?:clos|settl|end)")

_BEFORE_THE_CLOSE = re.compile(
    r"^\s*(?:/\s*mt\s*)?,?\s*before\s+(?:finally\s+|eventually\s+)?(?:clos|settl|end|finish)"
)
_THEN_MOVED_TO = re.compile(
    r"^\s*(?:(?:and\s+then|then|but(?:\s+then)?)\s+)?(?:[a-z]+ed|moved|fell|rose|slid)\s+"
    r"(?:down\s+|up\s+|back\s+|higher\s+|lower\s+)?to\s*(?:usd|rmb|us\$|\$)?\s*$"
)
# ("... and LME lead prices kept rising to hit USD 2,221.5/mt. However, ... ended at USD
# 2,184.5/mt"): how high it went on the way
_ROSE_TO_HIT = re.compile(
    r"\b(?:kept\s+)?(?:rising|rose|climbing|climbed|falling|fell)\s+to\s+(?:hit|touch)\s*"
    r"(?:usd|rmb|us\$|\$)?\s*$"
)
# "broke through the 30-day moving average to USD 1,851.3/mt, but fell back at the tail of the
# session to close at USD 1,839.3/mt": where it went before the close
_BUT_THEN_CLOSED = re.compile(
    r"^\s*(?:/\s*mt\s*)?,?\s*but\s+(?:then\s+|later\s+)?(?:fell|dropped|slipped|retreated|pared"
    r"|gave|eased|rose|rebounded|recovered)\b[^.;]{0,60}?\bto\s+(?:clos|settl|end|finish)"
    # "was initially sent down to USD 7,360/mt by the disappointing US economic figures but
    # erased some of the previous losses ..., with prices finally ending at USD 7,376/mt"
    r"|^\s*(?:/\s*mt\s*)?[^.;]{0,60}?\bbut\s+(?:erased|pared|recouped|regained|recovered|gave\s+back)"
    r"\b[^.;]{0,90}?\bfinally\s+(?:ending|closing|settling|finishing)\b"
    # "The most active contract slid to RMB 49,840/mt before rebounding": a step on the way
    r"|^\s*(?:/\s*mt\s*)?,?\s*before\s+(?:rebounding|recovering|bouncing|climbing|falling|dropping"
    r"|pulling\s+back|retreating"
    # "dived from RMB 102,300/mt to RMB 98,730/mt before a corrective rebound"
    r"|an?\s+(?:[a-z]+\s+)?(?:rebound|recovery|bounce|pullback|correction))\b"
)

_OFFERED_AT = re.compile(r"\b(?:was|were)\s+(?:offered|quoted)\s+at\s*$")

_SELLERS_BESIDE_DEALS = re.compile(
    r"^\s*(?:while\s+)?most\s+(?:traders|smelters|sellers|suppliers|producers|plants)"
    r"\s+(?:quoted|offered)\s*(?:at\s*)?$"
)
_DEALS_DONE = re.compile(
    r"\b(?:transactions?|deals?)\b[^.;]{0,60}\b(?:done|concluded|made|struck)\s+at\b"
)

# A sentence about what sellers ask, as against "3303# silicon was offered at ..." in a list of
# the week's prices.
_SELLERS_ASKING = re.compile(
    r"\basking\s+prices?\b|\b(?:their|smelters'?|traders'?)\s+offers\b"
    # "Supply side, smelters continued to hold prices firm: MHP-based cobalt sulphate was quoted
    # at ..."
    r"|\b(?:smelters|traders|sellers|suppliers|producers)\s+(?:\w+\s+){0,2}"
    r"(?:hold|held|holding)\s+(?:their\s+)?(?:prices|offers|quotes)\s+firm\b"
)

# "raised their target prices to around 80,000 yuan/mt": what sellers hope to get
_TARGET_PRICE = re.compile(r"\btarget\s+prices?\b[^.;,]{0,30}$")

_OFFERS_MOVED = re.compile(
    r"\b(?:rais|lower|cut|increas|reduc)\w*\s+(?:their\s+|the\s+)?(?:quotes|offers|quotations)\b"
    r"[^.;]{0,40}\bby(?:\s+(?:about|around|approximately))?\s*$"
    # "cheaper offers in the afternoon before quotes went back to 17,400 yuan/mt"
    r"|\b(?:quotes|offers|quotations)\s+(?:went|came|moved|bounced|rebounded)\s+back\s+to\s*$"
    # "some traders cut offers to RMB 14,530/mt, ... letting traders raise quotations to RMB
    # 14,560/mt": sellers' asks
    r"|\b(?:rais|lower|cut|lift)\w*\s+(?:their\s+|the\s+)?(?:quotes|offers|quotations)\s+to\s*"
    r"(?:rmb|us\$|\$)?\s*$"
)

_FROM_A_TO = re.compile(
    r"\bfrom\s+(?:rmb\s*|us\$|\$)?[\d,.]+\s*(?:yuan)?\s*(?:/\s*(?:mt|t)|per\s+tonne)?\s+to\s*"
    r"(?:rmb|us\$|\$)?\s*$"
)

_SINCE_DATE = re.compile(
    r"\bsince\s+the\s+(?:beginning|start)\s+of\s+(?:the\s+|this\s+)?year\b|\byear[\s-]to[\s-]date\b"
    r"|\bsince\s+(?:(?:early|mid|late|mid-to-late|the\s+end\s+of)[\s-]+)?(?:january|february|march"
    r"|april|may|june|july|august|september|october|november|december)\b"
    r"|\bso\s+far\s+this\s+year\b|\bytd\b"
)


def _since_a_dated_point(whole: str, quantity: Quantity) -> bool:
    """ "falling for nearly five months since late October: prices were lowered to 17,150
    yuan/mt, a drop of 19.7%": the lead-in before the colon dates where the change runs from."""
    colon = whole.rfind(":", 0, quantity.start)
    return colon > 0 and _SINCE_DATE.search(whole[:colon]) is not None


_IN_SESSION = re.compile(
    # (not "By the close of the morning session, it was quoted at 122,520 yuan/mt": its close)
    r"(?<!close of the )\b(?:night|morning|day|afternoon|second)\s+session\b|\bintraday\b"
    r"|\bearly\s+(?:on|trading|trade)\b|\bin\s+the\s+morning\b"
    # "fell quickly from 78,500 yuan/mt early and went on below 78,200 yuan/mt"
    r"|\bearly\s+(?:and|then|before)\b"
)

_FOR_A_PRODUCT = re.compile(r"\s*for\s+((?:[a-z#0-9.%-]+\s+){0,3}[a-z-]+)(?=\s*(?:[,;.]|$))")

_PRODUCT_AFTER = re.compile(
    # ... "a 91.2 per cent gain in the average pricing of alumina"
    r"^\s*(?:/\s*mt\s*)?(?:for|(?:(?:gain|rise|increase|drop|fall|decline|decrease)\s+)?in\s+"
    r"(?:the\s+)?(?:average\s+)?(?:prices?|pricing)\s+of)\s+(?:the\s+)?"
    r"((?:[a-z#0-9.%-]+\s+){0,3}[a-z]+)(?=\s*(?:[,;.]|and\b|in\b|on\b|$))"
)

_SAME_MOVE_TO = re.compile(
    r"\bthe\s+same\s+(?:price\s+)?(?:hike|rise|increase|gain|growth|drop|decline|fall|decrease)\s+"
    r"to\s+(?:land|stand|settle|close|rest|peg|clock|reach|come)\b[^.;,]{0,12}$"
)
_AVERAGE_PRICES_BETWEEN = re.compile(
    r"\baverage\s+prices?\s+(?:may|are\s+expected\s+to|are\s+likely\s+to)\s+(?:stand|range|be|hover)\s+"
    r"between\s*(?:rmb)?\s*$"
)
_TODAYS_RANGE = re.compile(
    # (or a clause of its own: "... to RMB 13950 per tonne today, expected to range at ...")
    r"(?:\band\s+(?:is|are)\s+|^\s*(?:today\s*)?,?\s*)(?:expected|likely)\s+to\s+(?:move|range|trade|hover)\s+"
    r"(?:within|between|in|at)\s+(?:a\s+range\s+of\s+)?(?:rmb|us\$|\$)?\s*$"
    # ... or told after the place's average: "average RMB 19,810 per tonne (+40) in Gongyi with
    # a range of RMB 19,790-19,830 per tonne", "(range between RMB 19,740 and RMB 19,780 per
    # tonne)", "(+50) in Wuxi ranging from RMB 19,830 to RMB 19,850 per tonne"
    r"|(?:\bwith\s+a\s+range\s+of|\(\s*range(?:\s+between)?|\branging\s+(?:from|between))\s*"
    r"(?:rmb|us\$|\$)?\s*$"
)

_FOR_IMPORTS = re.compile(r"^\s*(?:for|as\s+for)\s+imported\s+[a-z-]+\s*,")

_IMPORTED_AT_HOME = re.compile(
    r"\bimported\s+[a-z0-9 -]{2,40}?\s+in\s+the\s+domestic\s+(?:spot\s+)?market\b"
)

# The exchanges whose contracts a price can be quoted on, as regions.
EXCHANGES = metrics.EXCHANGES

_VENUES = EXCHANGES | {"skip"}

# "RMB 20,520 per tonne (-60) in Foshan": the change may come between; "11,600-11,700 yuan/mt
# at Tianjin port"
_PLACE_AFTER = re.compile(
    r"\s*(?:\(\s*[+-]\s*[\d,.]+\s*\)\s*)?"
    # "RMB 19,760 per tonne with a gain of RMB 40 in Gongyi", "RMB 19,980 per tonne which
    # gained RMB 30 in Foshan": the day's move, then the place
    r"(?:,?\s*(?:with\s+an?\s+(?:gain|increase|rise|drop|decline|fall|loss)\s+of"
    r"|which\s+(?:gained|rose|fell|lost|dropped))\s+(?:rmb\s*)?[\d,.]+\s+)?"
    # "8,200-8,350 yuan/mt in cash in north China": the terms, then the place
    r"(?:in\s+cash\s+|(?:including|excluding)\s+tax\s+)?"
    # "25,050-25,710 yuan per tonne range in Tianjin"
    r"(?:range\s+)?"
    # "435-475 yuan/mt in Shanxi's Xiaoyi": the town, not its province
    # ("The only increase of RMB 10 per tonne was in Foshan")
    r"(?:(?:was|were)\s+)?"
    r"(?:in\s+(?:[a-z]+['’]s\s+)?|at\s+(?=[a-z]+\s+port\b))([a-z]+(?:\s+china)?)\b"
)

_RANGE_OF_AVERAGE = re.compile(
    r"^\s*,?\s*with\s+(?:the\s+)?(?:average\s+)?(?:prices?|quotes?|markers?)\s+"
    r"(?:(?:standing|stood|hovering)\s+)?"
    # "with average prices likely to range between ...": AL Circle's word for the day's range
    r"(?:(?:likely|expected|estimated)\s+to\s+range\s+)?"
    r"(?:between|ranging\s+from|in\s+the\s+range\s+of|at)\s*$"
    # "to an average of RMB 20,310 per tonne, within a range of RMB 20,290 ... to RMB 20,330"
    # (the unit may come after a change in parentheses: "RMB 5,350 (+75) per tonne, in a ...")
    r"|^\s*\)?\s*(?:per\s+tonne|/\s*mt)?\s*,?\s*(?:with)?in\s+(?:a|the)\s+(?:slightly\s+)?"
    r"(?:wider\s+|narrower\s+|different\s+)?range\s+of\s*$"
    # "was also seen to be RMB 5,350 (+75) per tonne, but it had a slightly different range of"
    r"|^\s*\)?\s*(?:per\s+tonne|/\s*mt)?\s*,?\s*(?:but\s+)?it\s+(?:had|has)\s+a\s+(?:slightly\s+)?"
    r"(?:wider\s+|narrower\s+|different\s+)?range\s+of\s*$"
)

_PAIR = re.compile(
    r"\bcash\s+bid(?:\s+price)?\s+and\s+(?:the\s+)?(?:lme\s+)?(?:\w+\s+)?"
    r"(?:official\s+(?:settlement\s+)?price"  # "... and the LME aluminium official price"
    r"|settlement\s+(?:price|offer))"  # "The LME cash bid and the settlement offer fell by"
)


def _listed_place(drafts: dict[tuple[object, ...], Draft], product: str) -> str | None:
    """The place named for an earlier item of the same metal in this sentence."""
    base = names.base_metal(product)
    for draft in drafts.values():
        if (
            draft.metric is Metric.PRICE
            and draft.region not in _VENUES
            and draft.region != "China"
            # "...; the average FOB price for grade 0 sponge titanium was $6,650/mt; the
            # quotation for grade 1 ... was 45,000-46,000 yuan/mt": an export quote is no place
            and not names.is_seaborne(draft.region)
            and names.base_metal(draft.subject) == base
        ):
            return draft.region
    return None


def _read_pair(
    sentence: Sentence,
    clauses: list[Clause],
    pair: PairedPrice,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> bool:
    """ "They had climbed by US$65 and US$65.5 to clock at US$2,434 and US$2,435": the second
    of each pair is the official settlement named in the sentence before (the first, a bid)."""
    money = [q for c in clauses for q in c.quantities if q.kind is Kind.MONEY]
    if len(money) != 4 or names.known_products(sentence.folded):
        return False
    first_change, change, first_level, level = money
    sign = direction(sentence.folded[: first_change.start])
    if sign is None:
        return False
    owner = _Owner(pair.product, pair.region)
    draft = _draft(drafts, owner, level.unit or "USD/t", sentence, None, False)
    draft.value = level.value
    draft.change = PriceChange(sign * change.value)
    for skipped in (first_change, first_level):
        notes.add(sentence, skipped.start, skipped.end, "bid", owner=owner.product, why=_WHY["bid"])
    notes.add(
        sentence,
        change.start,
        change.end,
        "change",
        owner=owner.product,
        emitted=True,
        why="the second of a pair: the official settlement's change",
    )
    notes.add(
        sentence,
        level.start,
        level.end,
        "level",
        owner=owner.product,
        emitted=True,
        why="the second of a pair: the official settlement",
    )
    return True


# What joins the numbers of a list: "and" or a comma, perhaps after a change in %.
_PAIR_JOIN = re.compile(r"\s*(?:or\s+[\d.]+\s*(?:per\s*cent|%)\s*)?(?:,?\s*and|,)\s*")

_NO_CHANGE = re.compile(
    # (AL Circle's "the prices have shown no growth at RMB 20,550 per tonne and ...", "the price
    # has stayed the same at A and B", "the price has not changed and has been recorded at")
    r"\b(?:no\s+(?:recent\s+)?(?:change|growth)|unchanged|flat|stable|steady|restraint|restrained"
    r"|(?:stayed|remained|kept)\s+the\s+same|(?:has|have|had)\s+not\s+changed)\b"
)

# Where a list's levels begin: "to clock at", "arriving at", "to RMB ..."
_TO_LEVELS = re.compile(
    r"(?:\bto|\bat|\barriving\s+at|\breach|\bhover(?:ing)?\s+(?:around|at)|\blisted\s+as)\s*"
    r"(?:rmb|us\$|\$|usd)?\s*$"
)

_RANGES_FOLLOW = re.compile(r"\b(?:range|ranging|between)\b")

_EACH = re.compile(r"^\s*(?:per\s+tonne\s*)?,?\s*each\b")

# "..., down RMB 300 and RMB 310"; "..., a decrease of RMB 100 per tonne each"
_CHANGES_AFTER = re.compile(
    r"\s*(?:each\s*)?,?\s*(?:(?:down|up)(?:\s+by)?|an?\s+(?:decrease|increase|drop|rise|gain|decline)\s+of)"
    r"\s*(?:rmb|us\$|\$|usd)?\s*"
)

_LIST_JOIN = re.compile(r"^\s*(?:,\s*and|,|and)\s*(?:rmb|us\$|\$|usd)?\s*$")

_CHANGE_JOIN = re.compile(
    r"^\s*(?:or\s+[\d.]+\s*(?:per\s*cent|%)\s*)?(?:wow|w-o-w|mom|dod|yoy)?\s*(?:,\s*and|,|and)"
    r"\s*(?P<dir>up|down|rising|falling|higher|lower)\s*(?:by\s*)?(?:rmb|\$)?\s*$"
)


def _read_quote_list(
    sentence: Sentence,
    clause: Clause,
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> bool:
    """ "prices of standard 553# silicon, above-standard 553# silicon, 441# silicon, 421#
    silicon and 3303# silicon in East China were A, B, C, D and E respectively, up 400 yuan/mt
    or 3% WoW, up 450 yuan/mt or 2% WoW, ...": a quote and a change for each product, in
    order."""
    whole = sentence.folded
    if "respectively" not in clause.folded:
        return False
    money = [q for q in clause.quantities if q.kind is Kind.MONEY]
    if len(money) < 2:
        return False
    head = whole[clause.start : money[0].start]
    legs = _respective_legs(head, context, money[0])
    if legs is None or any(owner is None for owner in legs):
        return False
    count = len(legs)
    if len(money) not in {count, 2 * count}:
        return False
    if (
        len(money) == count
        and re.search(r"\bby\s*(?:rmb|\$)?\s*$", head)
        and _MOVED_BY.search(head)
    ):
        return False  # "prices in Shanxi and Henan dropped by 25 yuan/mt and 10 yuan/mt": moves
    quotes, changes = money[:count], money[count:]
    for before, after in pairwise(quotes):
        if not _LIST_JOIN.match(whole[before.end : after.start]):
            return False
    signs: list[int] = []
    for index, change in enumerate(changes):
        lead = whole[(changes[index - 1] if index else quotes[-1]).end : change.start]
        join = _CHANGE_JOIN.match(lead) if index else None
        word = join.group("dir") if join else (lead.split() or [""])[-1]
        if index == 0 and not re.search(r"\brespectively\s*,?\s*(?:up|down)\s*(?:by\s*)?$", lead):
            return False
        sign = direction(word)
        if sign in {None, 0}:
            return False
        signs.append(sign)
    for index, owner in enumerate(legs):
        assert owner is not None
        quote = quotes[index]
        draft = _draft(drafts, owner, quote.unit or "CNY/t", sentence, None, False)
        if quote.is_range:
            draft.low, draft.high = quote.value, quote.high
        else:
            draft.value = quote.value
        if changes:
            change = changes[index]
            trail = whole[change.end : change.end + AFTER]
            draft.change = PriceChange(
                signs[index] * change.value, basis=_basis(trail, context, sentence)
            )
        elif _NO_CHANGE.search(head):
            draft.change = PriceChange(Decimal(0))  # "has shown no recent change ... at A, B"
        notes.add(
            sentence,
            quote.start,
            quote.end,
            "range" if quote.is_range else "level",
            owner=owner.product,
            emitted=True,
            why="one of several quotes listed in the order of their products",
        )
    return True


# AL Circle's "The discount prices have ventured around RMB 60 per tonne or RMB 20 per tonne";
# "The premium and discount prices have hovered around RMB 20 per tonne, on the downward or
# upward side": the day's spot premium range, told loosely
_HOVERING_PREMIUM = re.compile(
    r"^\s*(?:the\s+)?(?P<kind>premium\s+and\s+discount|discount|premium)\s+prices\s+have\s+"
    r"(?:hovered|ventured|moved|stood)\s+around\s+(?:rmb\s*)?(?P<a>[\d,]+)\s*(?:per\s+tonne)?\s*"
    r"(?:or\s+(?:rmb\s*)?(?P<b>[\d,]+)\s*(?:per\s+tonne)?|,\s*on\s+the\s+downward\s+or\s+upward\s+side)"
)


def _read_hovering_premium(
    sentence: Sentence,
    clause: Clause,
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> bool:
    told = _HOVERING_PREMIUM.match(clause.folded)
    metal = context.metal or (names.base_metal(context.product) if context.product else None)
    if told is None or metal is None:
        return False
    first = to_decimal(told.group("a"))
    if told.group("b") is None:
        ends = (-first, first)  # either side of the futures
    else:
        second = to_decimal(told.group("b"))
        sign = -1 if told.group("kind") == "discount" else 1
        ends = (sign * first, sign * second)
    name = f"{metal} - {metal} futures"
    draft = _draft(
        drafts, _Owner(name, "China"), "CNY/t", sentence, None, False, metric=Metric.SPREAD
    )
    draft.low, draft.high = min(ends), max(ends)
    for quantity in clause.quantities:
        notes.add(
            sentence,
            quantity.start,
            quantity.end,
            "spread",
            owner=name,
            emitted=True,
            why="the spot premium's range, told as where it hovered",
        )
    return True


_RESPECTIVE_MOVES = re.compile(
    r"\brespective\s+(?P<dir>declines|decreases|drops|falls|increases|rises|gains)\s+of\s*$"
)


def _read_respective_percents(
    sentence: Sentence,
    clause: Clause,
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> bool:
    """Moves in per cent for prices named together: "spot prices in East and South China have
    edged up by roughly 0.41 per cent and 0.27 per cent respectively"; "..., marking respective
    declines of 0.08 per cent and 0.07 per cent compared to the previous week" after the
    sentence gave the two prices."""
    whole = sentence.folded
    percents = [q for q in clause.quantities if q.kind is Kind.PERCENT]
    if len(percents) < 2 or any(q.kind is Kind.MONEY for q in clause.quantities):
        return False
    head = whole[clause.start : percents[0].start]
    if "respectively" not in clause.folded or _RESPECTIVE_MOVES.search(head):
        return False
    sign = direction(tail_of(head, 60))
    legs = _respective_legs(head, context, percents[0])
    if not legs or any(leg is None for leg in legs) or sign in {None, 0}:
        return False
    targets = [
        _draft(drafts, leg, "USD/t" if leg.region == "LME" else "CNY/t", sentence, None, False)
        for leg in legs
        if leg is not None
    ]
    if len(targets) != len(percents):
        return False
    _give_moves(sentence, targets, percents, sign or 1, context, notes)
    return True


# AL Circle's province lists: "RMB 19,880 per tonne in Shenyang and Tianjin with increase of
# RMB 90 and RMB 80, respectively", "average RMB 19,910 and RMB 19,920 per tonne in Shenyang and
# Tianjin, with increases of RMB 30 and RMB 40, respectively": one or two levels, then the two
# places, then each place's move.
_PLACES_AFTER_LEVELS = re.compile(
    r"(?:average\s+)?rmb\s*[\d,]+(?:\s*per\s+tonne)?(?:\s+and\s+rmb\s*[\d,]+)?\s*per\s+tonne\s+"
    r"in\s+(?P<first>[a-z]+)\s+and\s+(?P<second>[a-z]+)\s*,?\s*with\s+(?:an?\s+)?"
    r"(?P<dir>increases?|rises?|gains?|decreases?|drops?|declines?)\s+of\s+rmb\s*[\d,]+"
    r"\s+and\s+rmb\s*[\d,]+\s*,?\s*respectively\b"
)


def _read_place_lists(
    sentence: Sentence,
    clause: Clause,
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> Clause:
    """AL Circle's places named after their numbers: what one of the readers below recognises is
    read, and the clause comes back without those amounts, for the rest of it to be read as
    usual."""
    for reader in (
        _places_after_levels,
        _level_for_places_after,
        _move_for_places_after,
        _move_for_all_but,
    ):
        rest = reader(sentence, clause, context, drafts, notes)
        if rest is not clause:
            return rest
    return clause


def _places_after_levels(
    sentence: Sentence,
    clause: Clause,
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> Clause:
    """A pair of places told after their levels, with their moves "respectively"."""
    told = _PLACES_AFTER_LEVELS.search(clause.folded) if "respectively" in clause.folded else None
    if told is None or context.last_owner is None:
        return clause
    start, end = clause.start + told.start(), clause.start + told.end()
    amounts = [q for q in clause.quantities if start <= q.start < end and q.kind is Kind.MONEY]
    places = [names.regions(told.group(group)) for group in ("first", "second")]
    sign = direction(told.group("dir"))
    if len(amounts) not in {3, 4} or not all(places) or sign in {None, 0}:
        return clause
    levels, moves = amounts[:-2], amounts[-2:]
    if len(levels) == 1:
        levels = levels * 2  # "RMB 19,880 per tonne in Shenyang and Tianjin": one level for both
    product = context.last_owner[0]
    for place, level, move in zip(places, levels, moves, strict=True):
        draft = _draft(drafts, _Owner(product, place[0][2]), "CNY/t", sentence, None, False)
        draft.value = level.value
        draft.change = PriceChange((sign or 1) * move.value)
        for quantity, role in ((level, "level"), (move, "change")):
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                role,
                owner=f"{product} ({place[0][2]})",
                emitted=True,
                why="a place's level and move, told with another place's, in the same order",
            )
    return replace(clause, quantities=tuple(q for q in clause.quantities if q not in amounts))


# "The price averaged at RMB 19,850 per tonne in Hangzhou, Shenyang, Chongqing, and Tianjin": one
# level for every place listed after it
_LEVEL_FOR_PLACES_AFTER = re.compile(
    r"\b(?:averaged?\s+)?at\s+rmb\s*[\d,]+\s*per\s+tonne\s+in\s+"
    r"(?P<places>[a-z]+(?:\s*,\s*[a-z]+)+\s*,?\s*and\s+[a-z]+)\b(?!\s*,?\s*(?:with\s+increases?"
    r"\s+of\s+rmb\s*[\d,]+\s+and|respectively))"
)


def _level_for_places_after(
    sentence: Sentence,
    clause: Clause,
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> Clause:
    """One level for every place listed after it."""
    told = _LEVEL_FOR_PLACES_AFTER.search(clause.folded) if " and " in clause.folded else None
    if told is None or context.last_owner is None:
        return clause
    places = [place for *_, place in names.regions(told.group("places"))]
    items = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", told.group("places").strip())
    start = clause.start + told.start()
    level = next((q for q in clause.quantities if q.kind is Kind.MONEY and q.start >= start), None)
    if level is None or len(places) != len(items) or len(places) < 3:
        return clause
    product = context.last_owner[0]
    for place in places:
        draft = _draft(drafts, _Owner(product, place), "CNY/t", sentence, None, False)
        draft.value = level.value
    notes.add(
        sentence,
        level.start,
        level.end,
        "level",
        owner=f"{product} ({', '.join(places)})",
        emitted=True,
        why="one level for every place listed after it",
    )
    return replace(clause, quantities=tuple(q for q in clause.quantities if q is not level))


# "there have been uniform drops of RMB 50 per tonne in Gongyi, Wuxi, Hangzhou, Tianjin, and
# Linyi": one move for every place listed after it
_MOVE_FOR_PLACES_AFTER = re.compile(
    r"\b(?P<dir>drops?|declines?|falls?|decreases?|rises?|increases?|gains?|hikes?)\s+of\s+"
    r"rmb\s*[\d,]+\s*per\s+tonne\s+in\s+(?P<places>[a-z]+(?:\s*,\s*[a-z]+)+\s*,?\s*and\s+[a-z]+)\b"
)
# "..., while in the other provinces, the aluminium prices remained locked at RMB 20,060 per
# tonne each": the places of that list this sentence has not named
_THE_OTHER_PLACES = re.compile(
    r"\bin\s+the\s+other\s+(?:provinces|regions|cities|places)\b[^.;]{0,60}?\bat\s+rmb\s*[\d,]+"
    r"\s*per\s+tonne\s+each\b"
)


def _move_for_places_after(
    sentence: Sentence,
    clause: Clause,
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> Clause:
    """One move for every place listed after it, and later "the other provinces" of that list."""
    if context.last_owner is None or "rmb" not in clause.folded:
        return clause
    product = context.last_owner[0]
    told = _MOVE_FOR_PLACES_AFTER.search(clause.folded)
    if told is not None:
        places = [place for *_, place in names.regions(told.group("places"))]
        items = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", told.group("places").strip())
        start = clause.start + told.start()
        move = next(
            (q for q in clause.quantities if q.kind is Kind.MONEY and q.start >= start), None
        )
        sign = direction(told.group("dir"))
        if move is None or len(places) != len(items) or sign in {None, 0}:
            return clause
        for place in places:
            draft = _draft(drafts, _Owner(product, place), "CNY/t", sentence, None, False)
            draft.change = PriceChange((sign or 1) * move.value)
        context.places_moved = tuple(places)
        notes.add(
            sentence,
            move.start,
            move.end,
            "change",
            owner=f"{product} ({', '.join(places)})",
            emitted=True,
            why="one move for every place listed after it",
        )
        return replace(clause, quantities=tuple(q for q in clause.quantities if q is not move))
    others = _THE_OTHER_PLACES.search(clause.folded) if context.places_moved else None
    if others is None:
        return clause
    named = {place for *_, place in names.regions(sentence.folded)}
    rest = [place for place in context.places_moved if place not in named]
    start = clause.start + others.start()
    level = next((q for q in clause.quantities if q.kind is Kind.MONEY and q.start >= start), None)
    if level is None or not rest:
        return clause
    for place in rest:
        draft = _draft(drafts, _Owner(product, place), "CNY/t", sentence, None, False)
        draft.value = level.value
    notes.add(
        sentence,
        level.start,
        level.end,
        "level",
        owner=f"{product} ({', '.join(rest)})",
        emitted=True,
        why='the level of "the other" places of the list told before',
    )
    return replace(clause, quantities=tuple(q for q in clause.quantities if q is not level))


# "except for Foshan, all the Chinese provinces have uniformly experienced a downfall of RMB 10
# per tonne": one move for every place but those named, whose prices the paragraph lists next
_MOVE_FOR_ALL_BUT = re.compile(
    r"\bexcept\s+(?:for\s+)?(?P<places>[a-z]+(?:\s*(?:,|\band\b)\s*[a-z]+)*)\s*,\s*all\s+(?:the\s+)?"
    r"(?:other\s+)?(?:chinese\s+)?(?:provinces|regions|cities|places)\s+(?:have|has)\s+"
    r"(?:uniformly\s+)?(?:experienced|seen|witnessed|recorded|registered|posted)\s+(?:an?\s+)?"
    r"(?:uniform\s+)?(?P<dir>downfall|drop|fall|decline|decrease|rise|hike|increase|gain)s?\s+of\s+"
    r"rmb\s*[\d,]+\s*per\s+tonne\b"
)


def _move_for_all_but(
    sentence: Sentence,
    clause: Clause,
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> Clause:
    """One move for every place but those named: kept for the prices listed after it."""
    told = _MOVE_FOR_ALL_BUT.search(clause.folded) if "except" in clause.folded else None
    if told is None or context.last_owner is None:
        return clause
    excluded = frozenset(place for *_, place in names.regions(told.group("places")))
    start = clause.start + told.start("dir")
    move = next((q for q in clause.quantities if q.kind is Kind.MONEY and q.start >= start), None)
    sign = direction(told.group("dir"))
    if move is None or not excluded or sign in {None, 0}:
        return clause
    product = context.last_owner[0]
    context.uniform_move = (product, (sign or 1) * move.value, excluded)
    notes.add(
        sentence,
        move.start,
        move.end,
        "change",
        owner=f"{product} (all places but {', '.join(sorted(excluded))})",
        why="one move for every place but those named: given to the prices listed next",
    )
    return replace(clause, quantities=tuple(q for q in clause.quantities if q is not move))


def _uniform_move_for_listed(drafts: dict[tuple[object, ...], Draft], context: Context) -> None:
    """The move told for every place but some, given to the listed places' prices."""
    if context.uniform_move is None:
        return
    product, move, excluded = context.uniform_move
    for draft in drafts.values():
        if (
            draft.subject == product
            and draft.region not in excluded
            and draft.region != "China"
            and draft.value is not None
            and draft.change is None
        ):
            draft.change = PriceChange(move)


def _respective_moves_after(
    sentence: Sentence,
    clauses: list[Clause],
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> None:
    """ "..., marking respective declines of 0.08 per cent and 0.07 per cent compared to the
    previous week": the moves of the prices the sentence just gave, in their order."""
    whole = sentence.folded
    for clause in clauses:
        percents = [q for q in clause.quantities if q.kind is Kind.PERCENT]
        if len(percents) < 2:
            continue
        told = _RESPECTIVE_MOVES.search(whole[clause.start : percents[0].start])
        if told is None:
            continue
        targets = [
            draft
            for draft in drafts.values()
            if draft.value is not None and draft.metric is Metric.PRICE
        ]
        sign = direction(told.group("dir"))
        if len(targets) == len(percents) and sign not in {None, 0}:
            _give_moves(sentence, targets, percents, sign or 1, context, notes)


def _give_moves(
    sentence: Sentence,
    targets: list[Draft],
    percents: list[Quantity],
    sign: int,
    context: Context,
    notes: Notes,
) -> None:
    basis = _basis(sentence.folded[percents[-1].end :], context, sentence)
    for draft, percent in zip(targets, percents, strict=True):
        draft.change = PriceChange(sign * percent.value, percent=True, basis=basis)
        notes.add(
            sentence,
            percent.start,
            percent.end,
            "change",
            owner=f"{draft.subject} ({draft.region})",
            emitted=True,
            why="each listed price's move in per cent, in the list's order",
        )


# "With the latest decline, the prices derived at US$2,246 per tonne and US$2,246.50 per tonne"
_THE_PRICES_AT = re.compile(
    r"^\s*(?:with\s+[^,]{1,40},\s*)?the\s+prices\s+(?:derived|stood|settled|came\s+in|closed|ended)"
    r"\s+at\s*(?:us\$|\$|rmb|usd)?\s*$"
)


def _read_listed_levels(
    sentence: Sentence,
    clause: Clause,
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> bool:
    """The levels of the prices the sentence before listed with their moves, in its order."""
    listed = context.listed
    money = [q for q in clause.quantities if q.kind is Kind.MONEY]
    if listed is None or len(money) != len(listed):
        return False
    if not _THE_PRICES_AT.match(sentence.folded[clause.start : money[0].start]):
        return False
    for leg, level in zip(listed, money, strict=True):
        if leg is None:
            notes.add(sentence, level.start, level.end, "bid", why=_WHY["bid"])
            continue
        product, region = leg
        draft = _draft(
            drafts, _Owner(product, region), level.unit or "CNY/t", sentence, None, False
        )
        draft.value = level.value
        notes.add(
            sentence,
            level.start,
            level.end,
            "level",
            owner=product,
            emitted=True,
            why="the level of a price the sentence before listed",
        )
    context.listed = None
    return True


# "..., followed by RMB 50 per tonne slump in Gongyi and Hangzhou, where the prices rested at
# RMB 18,810 per tonne and RMB 18,930 per tonne, respectively"
_A_MOVE_IN = (
    r"^\s*(?:per\s+tonne\s+)?(?:an?\s+)?(?P<move>slump|drop|fall|decline|dip|rise|hike|increase"
    r"|gain|surge|jump)s?\s+in\s+"
)
_WHERE_PRICES_WERE = (
    r",\s*where\s+(?:the\s+)?(?:[a-z]+\s+){0,2}prices?\s+"
    r"(?:rested|stood|settled|closed|came\s+in|clocked)\s+at\s*(?:rmb|us\$|\$)?\s*$"
)
_MOVE_IN_PLACES = re.compile(_A_MOVE_IN + r"(?P<places>[a-z ,]+?)" + _WHERE_PRICES_WERE)
# "RMB 140 per tonne slump in Gongyi and RMB 110 per tonne drop in Foshan, where aluminium prices
# clocked at RMB 18,460 per tonne each": a move for each place, then the level they share
_MOVE_IN_A_PLACE = re.compile(_A_MOVE_IN + r"(?P<places>[a-z ]+?)\s*,?\s*and\s*$")
_LAST_MOVE_IN_A_PLACE = re.compile(_A_MOVE_IN + r"(?P<places>[a-z ]+?)" + _WHERE_PRICES_WERE)

# "In Jiangxi, Foshan, Guizhou, and other regions, ..., with quotes remaining unchanged from
# yesterday"; "baled UBC prices remained unchanged from the previous trading day in Henan, Foshan,
# and Jiangxi, while Sichuan, Chongqing, Shanghai, and Zhejiang saw an overall decrease of 50"
_HELD_IN_PLACES = re.compile(
    r"\b(?:remain(?:ed|ing)|stay(?:ed|ing)|held|holding)\s+(?:basically\s+)?unchanged\s+"
    r"from\s+(?:yesterday|the\s+previous\s+(?:trading\s+|working\s+)?day)\b"
)

_PLACES_MOVED = re.compile(
    r"\bwhile\s+(?P<places>[a-z ,]+?)\s+saw\s+(?:an?\s+)?(?:overall\s+)?"
    r"(?P<move>decrease|increase|decline|rise|drop|fall|gain)\s+of\s*$"
)


_WARRANTS_HELD = re.compile(r"\b(?:warrants?|registered\s+volume)\b")


def _read_places_held(
    sentence: Sentence,
    clauses: list[Clause],
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> bool:
    """A scrap or spot report's round of provinces: those whose quotes held from the previous
    day (a change of 0 each), and those that moved together by one amount."""
    folded = sentence.folded
    held = _HELD_IN_PLACES.search(folded)
    if held is None or _WARRANTS_HELD.search(folded):
        # (not "the total registered volume of alumina warrants remained unchanged from the
        # previous trading day at 21,300 tonnes, with 0 tonnes in Shandong, ...": stocks)
        return False
    places = names.regions(folded)
    if len(places) < 2:
        return False
    named = [found for found in names.known_products(_PAREN.sub(" ", folded)) if "(" in found[2]]
    if named:
        product = named[0][2]
    elif context.last_price is not None and " (" in context.last_price.subject:
        # "quotes remaining unchanged" in a scrap report: the market's quotes, not one grade's
        product = context.last_price.subject.split(" (")[0]
    else:
        return False
    moved = None
    for quantity in money_of(clauses):
        told = _PLACES_MOVED.search(folded[: quantity.start])
        if told is not None:
            moved = (told, quantity)
    moved_places = set()
    if moved is not None:
        told, quantity = moved
        sign = direction(told.group("move")) or 1
        for *_, place in names.regions(told.group("places")):
            moved_places.add(place)
            draft = _draft(drafts, _Owner(product, place), "CNY/t", sentence, None, False)
            draft.change = PriceChange(sign * quantity.value, basis=ChangeBasis.DOD)
        notes.add(
            sentence,
            quantity.start,
            quantity.end,
            "change",
            owner=product,
            emitted=True,
            why="one move of several markets, the day's (the sentence's basis)",
        )
    for *_, place in places:
        if place not in moved_places:
            draft = _draft(drafts, _Owner(product, place), "CNY/t", sentence, None, False)
            draft.change = PriceChange(Decimal(0), basis=ChangeBasis.DOD)
    return True


# "By product, both baled UBC and shredded aluminum tense scrap prices have pulled back by 100
# yuan/mt compared to yesterday": one move of two products
_BOTH_MOVED = re.compile(
    r"\bboth\s+(?P<a>[a-z0-9# ()-]+?)\s+and\s+(?P<b>[a-z0-9# ()-]+?)\s+prices?\s+"
    r"(?:have\s+|has\s+|had\s+)?(?P<move>[a-z]+(?:\s+(?:back|up|down))?)\s+(?:by\s+)?$"
)


def _read_both_moved(
    sentence: Sentence,
    clauses: list[Clause],
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> bool:
    folded = sentence.folded
    if "both" not in folded:
        return False
    amounts = money_of(clauses)
    if len(amounts) != 1:
        return False
    quantity = amounts[0]
    told = _BOTH_MOVED.search(folded[: quantity.start])
    sign = direction(told.group("move")) if told is not None else None
    if told is None or sign is None:
        return False
    products = [
        found[-1][2]
        for found in (names.known_products(told.group("a")), names.known_products(told.group("b")))
        if found
    ]
    if len(products) != 2:
        return False
    basis = _basis(folded[quantity.end : quantity.end + AFTER], context, sentence)
    for product in products:
        draft = _draft(drafts, _Owner(product, "China"), "CNY/t", sentence, None, False)
        draft.change = PriceChange(sign * quantity.value, basis=basis)
    notes.add(
        sentence,
        quantity.start,
        quantity.end,
        "change",
        owner=" and ".join(products),
        emitted=True,
        why="one move told for two products",
    )
    return True


def _read_move_in_places(
    sentence: Sentence,
    clause: Clause,
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> bool:
    """One move named before the places it happened in, then each place's level."""
    whole = sentence.folded
    money = [q for q in clause.quantities if q.kind is Kind.MONEY]
    if len(money) < 2 or whole[clause.start : money[0].start].strip():
        return False
    told = _MOVE_IN_PLACES.match(whole[money[0].end : money[1].start])
    product = context.last_price.subject if context.last_price else context.product
    if product is None:
        return False
    if told is None:
        return _read_moves_in_places(sentence, money, product, drafts, notes)
    places = [place for *_, place in names.regions(told.group("places"))]
    levels = money[1:]
    if len(places) != len(levels) or len(set(places)) != len(places):
        return False
    sign = direction(told.group("move")) or 1
    for place, level in zip(places, levels, strict=True):
        draft = _draft(drafts, _Owner(product, place), level.unit or "CNY/t", sentence, None, False)
        draft.value = level.value
        draft.change = PriceChange(sign * money[0].value)
        notes.add(
            sentence,
            level.start,
            level.end,
            "level",
            owner=f"{product} ({place})",
            emitted=True,
            why="each place's level after the move they shared",
        )
    return True


def _read_moves_in_places(
    sentence: Sentence,
    money: list[Quantity],
    product: str,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> bool:
    """A move for each place, then the level they all reached ("RMB 140 per tonne slump in
    Gongyi and RMB 110 per tonne drop in Foshan, where aluminium prices clocked at RMB 18,460
    per tonne each")."""
    whole = sentence.folded
    *moves, level = money
    if len(moves) < 2 or _EACH.match(whole[level.end :]) is None:
        return False
    owned: list[tuple[str, int, Quantity]] = []
    for index, move in enumerate(moves):
        gap = whole[move.end : money[index + 1].start]
        told = (_LAST_MOVE_IN_A_PLACE if index == len(moves) - 1 else _MOVE_IN_A_PLACE).match(gap)
        places = names.regions(told.group("places")) if told is not None else []
        if told is None or len(places) != 1:
            return False
        owned.append((places[0][2], direction(told.group("move")) or 1, move))
    for place, sign, move in owned:
        draft = _draft(drafts, _Owner(product, place), level.unit or "CNY/t", sentence, None, False)
        draft.value = level.value
        draft.change = PriceChange(sign * move.value)
        notes.add(
            sentence,
            move.start,
            move.end,
            "change",
            owner=f"{product} ({place})",
            emitted=True,
            why="one place's move, before the level the places share",
        )
    notes.add(
        sentence,
        level.start,
        level.end,
        "level",
        owner=product,
        emitted=True,
        why="the level each place named before reached",
    )
    return True


def _read_respective(
    sentence: Sentence,
    clause: Clause,
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> bool:
    """Several prices named together with their numbers in the same order: "the prices in
    Shandong, Shanxi and Guizhou have expanded by RMB 70 to clock at A, B, and C"; "in
    Chongqing and Tianjin ... increased by RMB 50 and RMB 40, arriving at A and B"; "the
    high-purity aluminium (99.99%) and (99.996%) prices have gained RMB 100 to peg at A and B";
    "in the south and north, the price increased 50 and 40 to hover at 13,650, each"; "both the
    LME cash bid price and the official settlement price hiked by A and B to C and D" (a bid is
    no figure, so only the second is read)."""
    whole = sentence.folded
    money = [q for q in clause.quantities if q.kind is Kind.MONEY]
    if not money:
        return False
    head = whole[clause.start : money[0].start]
    shared_price = (
        _SAW_A_PRICE.search(head) is not None
        or (
            # "the price in Hangzhou, Chongqing and Linyi experienced the same price hike to peg
            # at RMB 19,190 per tonne": one level for the places listed
            len(money) == 1
            and len(names.listed_regions(head)) >= 2
            and _TO_LEVELS.search(head) is not None
            and not re.search(r"\bup\s+to\s*$", head)  # "raised ... by up to RMB 200": a ceiling
        )
        or (
            # "mainstream transaction prices for 4.45V/4.48V products reached 230,000 yuan/mt": one
            # price for the grades joined by a slash
            len(money) == 1 and _SLASHED_GRADES.search(head) is not None
        )
    )
    if (
        len(money) == 1
        and not shared_price
        and not re.search(
            r"\b(?:rose|fell|increased|decreased|dropped|declined|gained|lost|climbed|slid"
            r"|(?:were|was)\s+(?:down|up))\s*(?:by\s*)?$",
            head,
        )
    ):
        return False  # one amount for a list only as the change they share, or the price
    if _foreign(head):
        return False  # "the TCs of tin concentrate in Yunnan and Jiangxi both dropped by 500"
    legs = _respective_legs(head, context, money[-1])
    if legs is None:
        return False
    count = len(legs)
    told_ranges = [
        quantity
        for index, quantity in enumerate(money)
        if index
        and quantity.is_range
        and _RANGE_IN_PARENS.search(whole[money[index - 1].end : quantity.start])
    ]
    if told_ranges:
        money = [quantity for quantity in money if quantity not in told_ranges]
    changes: list[Quantity] = []
    levels: list[Quantity] = []
    ranges: list[Quantity] = []
    listed = whole
    for told in told_ranges:
        # the parenthetical range is read with its level: the list runs on without it
        opening = listed.rfind("(", 0, told.start)
        closing = listed.find(")", told.end)
        end = closing + 1 if closing >= 0 else told.end
        listed = listed[:opening] + " " * (end - opening) + listed[end:]
    signed_aside: int | None = None
    for index, quantity in enumerate(money):
        lead = listed[money[index - 1].end if index else clause.start : quantity.start]
        if levels and not changes and quantity.sign is not None and lead.strip() == "(":
            # "In Guizhou and Guanxi, the average alumina price was also RMB 5,350 (+75) per
            # tonne": the shared level's move, signed in parentheses
            changes.append(quantity)
            signed_aside = quantity.sign
            continue
        if levels and re.search(r"\bby\s*$", lead) and direction(lead) not in {None, 0}:
            changes.append(quantity)  # "standing at A and B after declining by RMB 70"
            continue
        if levels and not changes and _CHANGES_AFTER.fullmatch(lead):
            changes.append(quantity)  # "stand at A and B, down RMB 300 and RMB 310"
            continue
        if (
            changes
            and levels
            and changes[-1].start > levels[-1].start
            and _PAIR_JOIN.fullmatch(lead)
        ):
            changes.append(quantity)
            continue
        if (
            index
            and not (ranges or _RANGES_FOLLOW.search(lead))
            and not _PAIR_JOIN.fullmatch(lead)
            and not (changes and not levels and _TO_LEVELS.search(lead))
        ):
            return False  # something else between the numbers: not one list
        if ranges or (levels and _RANGES_FOLLOW.search(lead)) or quantity.is_range:
            if not quantity.is_range:
                return False
            ranges.append(quantity)
        elif (
            levels
            or _TO_LEVELS.search(lead)
            or re.search(r"\bat\s*(?:rmb|\$)?\s*$", lead)
            or (not index and (shared_price or _VARIANTS_ARE.search(lead)))
        ):
            levels.append(quantity)
        else:
            changes.append(quantity)
    if (
        len(levels) == 1
        and not changes
        and levels[0].value % 1000 == 0
        and _RETURNED_TO.search(whole[clause.start : levels[0].start][-30:])
    ):
        # "trading in east China and central China was moderate, mainly due to ... aluminum
        # prices returning to 20,000 yuan/mt": a round line come back to, no market's quote
        return False
    respectively = "respectively" in clause.folded
    if respectively and (
        len(levels) not in {0, 1, count} or bool(changes and len(changes) not in {1, count})
    ):
        # "In Chongqing, Hangzhou, Gongyi, Wuxi, Tianjin, and Linyi, the price has expanded by
        # RMB 70, 60, 55 and 50 respectively": six places, four numbers; which is whose is
        # not written, so none is guessed.
        for quantity in money:
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                why="a list whose numbers do not pair with its names: not guessed",
            )
        return True
    if not levels and changes and any(owner is not None for owner in legs):
        # "Both the cash bid price and official settlement price marked a surge of US$86 ... and
        # US$87 ...": each price's change (the bid's is no figure)
        context.listed = tuple(
            (owner.product, owner.region) if owner is not None else None for owner in legs
        )
        return _read_shared_changes(sentence, clause, legs, changes, context, drafts, notes)
    # "the price in Shenyang and Tianjin has increased by RMB 210 per tonne to come in at RMB
    # 20,140": places of one product, one move, one level: theirs alike
    named = [owner for owner in legs if owner is not None]
    one_product_places = (
        len(named) == count
        and len({owner.product for owner in named}) == 1
        and len({owner.region for owner in named}) == count
    )
    shared_level = len(levels) == 1 and (
        _EACH.match(whole[levels[0].end :]) is not None
        or len(changes) == count
        or (shared_price and len(money) == 1)
        or (one_product_places and len(changes) <= 1)
    )
    if not (len(levels) == count or shared_level):
        return False
    if changes and len(changes) not in {1, count}:
        return False
    if told_ranges and not ranges:
        ranges = told_ranges
    if ranges and len(ranges) != count and not (len(ranges) == 1 and len(levels) == 1):
        return False  # (one range beside one shared level is everyone's)
    sign = direction(tail_of(head, 60))
    if changes and levels and changes[0].start > levels[-1].start:
        # "standing at A and B after declining by RMB 70": the change names its direction
        sign = direction(whole[levels[-1].end : changes[0].start])
    if sign == 0:
        sign = None  # "showed no change": read below as a change of 0
    if sign is None and signed_aside is not None:
        sign = signed_aside
    if changes and sign is None:
        return False
    if not changes and sign is not None:
        sign = None  # "have dropped to stand at A, B and C": levels; by how much is not said
    tail = whole[max(quantity.end for quantity in [*money, *told_ranges]) :]
    flat = not changes and (
        _NO_CHANGE.search(head) is not None
        # "are A and B without any further change to yesterday's price"
        or re.match(r"^[^.;]{0,30}?\bwithout\s+any\s+(?:further\s+)?change\b", tail) is not None
    )
    period = _price_period(whole, context, False)
    last = context.last_price
    same_move = (
        last.change
        if last is not None and not changes and _SAME_MOVE.search(head) is not None
        else None
    )
    group: list[Draft] = []
    for index, owner in enumerate(legs):
        level = levels[index] if len(levels) == count else levels[0]
        if owner is None:
            notes.add(sentence, level.start, level.end, "bid", why=_WHY["bid"])
            continue
        draft = _draft(drafts, owner, level.unit or "CNY/t", sentence, period, False)
        draft.value = level.value
        if ranges:
            told = ranges[index] if len(ranges) == count else ranges[0]
            draft.low, draft.high = told.value, told.high
        if changes and sign is not None:
            change = changes[index] if len(changes) == count else changes[0]
            # the basis beside the move ("fell by RMB 10 per tonne on day to A and B
            # respectively") or after the levels
            basis = _basis(whole[change.end :], context, sentence) or _basis(
                whole[level.end :], context, sentence
            )
            draft.change = PriceChange(sign * change.value, basis=basis)
        elif flat:
            # "remained unchanged at A, B and C over the week": the basis after the list
            draft.change = PriceChange(Decimal(0), basis=_basis(tail, context, sentence))
        elif same_move is not None:
            draft.change = same_move
        notes.add(
            sentence,
            level.start,
            level.end,
            "level",
            owner=f"{owner.product} ({owner.region})",
            emitted=True,
            why="one of several prices named together, in their order",
        )
        context.last_price = draft
        group.append(draft)
    if changes and sign is not None:
        owners = [f"{draft.subject} ({draft.region})" for draft in group]
        for index, change in enumerate(changes):
            notes.add(
                sentence,
                change.start,
                change.end,
                "change",
                owner=owners[index] if len(changes) == len(owners) else ", ".join(owners),
                emitted=True,
                why="the move of the prices named together",
            )
    context.group = group
    return True


# Where a range told for several places begins: "..., averaging RMB 3,190-3,310 per tonne",
# "... to average between A and B", "... at RMB 3,205-3,325 per tonne"
_SPAN_LEAD = re.compile(
    r"(?:,\s*averaging|\bto\s+(?:average|range)\s+between|\bat)\s*(?:rmb|us\$|usd|\$)?\s*$"
)
# "..., unchanged from Wednesday" after the span (and its conversion in dollars)
_SPAN_HELD = re.compile(
    r"\s*(?:per\s+tonne|/\s*(?:mt|t))?\s*(?:\(\s*(?:usd|us\$|\$)[^)]*\)\s*)?,?\s*"
    r"(?:unchanged|flat|steady)\b"
)


def _read_span_of_places(
    sentence: Sentence,
    clause: Clause,
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> bool:
    """Mysteel's "in Shandong, Henan, and Guizhou provinces declined by RMB 10 per tonne from
    Monday, averaging RMB 3,190-3,310 per tonne" and "... at RMB 3,205-3,325 per tonne,
    unchanged from Wednesday": one range told for several places is the span of their prices,
    no one place's quote; the move, or "unchanged", told with it is each place's."""
    whole = sentence.folded
    money = [
        quantity
        for quantity in clause.quantities
        if quantity.kind is Kind.MONEY and whole[: quantity.start].rstrip()[-1:] != "("
    ]
    spans = [quantity for quantity in money if quantity.is_range]
    if len(spans) != 1 or len(money) > 2 or not money[-1].is_range:
        return False
    span = spans[0]
    head = whole[clause.start : money[0].start]
    places = names.listed_regions(head)
    if len(places) < 2 or not _SPAN_LEAD.search(whole[clause.start : span.start]):
        return False
    products = names.known_products(head)
    product = products[-1][2] if products else context.product
    if product is None:
        return False
    if len(money) == 2:
        move = money[0]
        sign = direction(tail_of(head, 60))
        if sign in {None, 0}:
            return False
        change = PriceChange(
            sign * move.value, basis=_basis(whole[move.end :], context, sentence, head)
        )
        told = move
    else:
        held = _SPAN_HELD.match(whole, span.end)
        if held is None:
            return False
        change = PriceChange(Decimal(0), basis=_basis(whole[held.end() :], context, sentence))
        told = span
    for place in places:
        draft = _draft(drafts, _Owner(product, place), "CNY/t", sentence, None, False)
        draft.change = change
    owners = ", ".join(f"{product} ({place})" for place in places)
    notes.add(
        sentence,
        told.start,
        told.end,
        "change",
        owner=owners,
        emitted=True,
        why="the move of each place the list names",
    )
    if told is not span:
        notes.add(
            sentence,
            span.start,
            span.end,
            "other",
            why="one range for several places: their span, no one place's price",
        )
    return True


_BARE_METALS = frozenset(
    {"alumina", "aluminium", "copper", "zinc", "lead", "nickel", "tin", "silicon", "lithium"}
    | {"cobalt", "magnesium", "aluminium scrap", "copper scrap"}
)

_HELD = re.compile(
    r"\b(?:held|holds?|remained|stayed|was|were|kept|(?:have|has|had)\s+been)\s+"
    r"(?:(?:basically|largely|broadly|generally|mostly)\s+)?(?:stable|steady|flat|unchanged)\b"
)


def _read_flat_grades(
    sentence: Sentence,
    clause: Clause,
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> None:
    """ "Baled UBC prices held steady MoM"; "shredded tense scrap, scrap wheel hub and
    mechanical casting scrap remained stable WoW": a change of 0 for each grade named before
    the verb, when the clause gives its basis. A market "held steady overall" names no grade."""
    held = _HELD.search(clause.folded)
    if held is None:
        return
    basis = _basis(clause.folded[held.end() :], context, sentence)
    if basis is None:
        return
    named = _PAREN.sub(" ", clause.folded[: held.start()])
    # "Silicon prices at Huangpu port held steady on Monday July 23": the place named with them
    places = {place for *_, place in names.regions(without_dateline(named))}
    region = places.pop() if len(places) == 1 else context.paragraph_place or "China"
    for start, end, product in names.known_products(named):
        if product in _BARE_METALS and not (
            re.search(r"\bprices?\s+of\s+(?:the\s+)?$", named[:start])
            or re.match(r"\s*prices?\b", named[end:])
        ):
            # a base metal "held steady" is its market's mood, not a quote ("the price of
            # secondary copper raw material remained unchanged MoM" is a quote's)
            continue
        draft = _draft(drafts, _Owner(product, region), "CNY/t", sentence, None, False)
        if draft.change is None:
            draft.change = PriceChange(Decimal(0), basis=basis)


# What joins the products of a list: "A and the B", "A, B, and C" (a grade word may lead).
# ... and "the price of A and the price of B have both decreased"
_SLASHED_GRADES = re.compile(r"[\w.#]+\s*/\s*[\w.#]+\s+(?:products?|models?|grades?)\b")

_PRODUCT_JOIN = re.compile(
    # ("high purity aluminium (99.99%) price and high purity aluminium (99.996%) price"; AL
    # Circle's "Aluminium alloy (ADC12) price and (A380) price", the second grade's product
    # word left out)
    r"\)?\s*(?:prices?\s*)?(?:,\s*and|,|and)\s+(?:the\s+)?(?:prices?\s+of\s+(?:the\s+)?)?"
    r"(?:[a-z-]+\s+){0,2}\(?"
    r"|\s*,\s*"
    # "4.2V/4.4V/4.5V products": grades joined by slashes
    r"|\s*/\s*"
)


def _read_shared_changes(
    sentence: Sentence,
    clause: Clause,
    legs: list[_Owner | None],
    changes: list[Quantity],
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> bool:
    """ "Shredded tensile scrap, scrap wheel hub and mechanical casting scrap rose RMB 200 per
    tonne w-o-w": a change for each, no level."""
    whole = sentence.folded
    head = whole[clause.start : changes[0].start]
    sign = direction(tail_of(head, 60))
    if sign in {None, 0} or len(changes) not in {1, len(legs)}:
        return False
    for index, owner in enumerate(legs):
        change = changes[index] if len(changes) == len(legs) else changes[0]
        if owner is None:
            notes.add(sentence, change.start, change.end, "bid", why=_WHY["bid"])
            continue
        draft = _draft(drafts, owner, change.unit or "CNY/t", sentence, None, False)
        trail = whole[change.end : change.end + AFTER]
        draft.change = PriceChange(
            (sign or 1) * change.value, basis=_basis(trail, context, sentence, head)
        )
        notes.add(
            sentence,
            change.start,
            change.end,
            "change",
            owner=f"{owner.product} ({owner.region})",
            emitted=True,
            why="the change of each price the list names",
        )
    return True


# "The price is expected to range between A and B"; "Their prices are expected to range between
# A and B and C and D": the ranges of the prices the sentence before gave.
_RANGES_OF = re.compile(
    # "The average aluminium prices have circulated between A and B"
    # ... "The average aluminium ingot prices have ranged between A and B"
    r"^\s*(?:today,\s*)?(?:the|its|their)\s+(?:average\s+)?(?:[a-z0-9]+\s+){0,3}prices?\s+"
    r"(?:trends?\s+)?(?:today\s+)?"  # ("The average prices today are expected to range between")
    r"(?:is|are|were|was|have|has|had)\b"
    r"[^.]{0,40}?\b(?:range|ranged|ranging|between)\b"
)


def _read_later_ranges(
    sentence: Sentence,
    clause: Clause,
    context: Context,
    group: list[Draft] | None,
    notes: Notes,
) -> bool:
    owners = group or ([context.last_price] if context.last_price is not None else [])
    owners = [draft for draft in owners if draft.low is None and draft.value is not None]
    if not owners:
        return False
    ranges: list[tuple[Quantity, Decimal, Decimal]] = []
    loose: list[Quantity] = []
    for quantity in (q for q in clause.quantities if q.kind is Kind.MONEY):
        if quantity.high is not None:
            ranges.append((quantity, quantity.value, quantity.high))
        elif loose:
            first = loose.pop()
            ranges.append((first, first.value, quantity.value))  # "... and C and D": a range C-D
        else:
            loose.append(quantity)
    if loose or not ranges or len(ranges) not in {1, len(owners)}:
        return False
    for index, draft in enumerate(owners):
        where, low_end, high_end = ranges[index] if len(ranges) == len(owners) else ranges[0]
        draft.low, draft.high = low_end, high_end
        notes.add(
            sentence,
            where.start,
            where.end,
            "range",
            owner=draft.subject,
            emitted=True,
            why="the range of a price the sentence before gave",
        )
    return True


_VARIANTS_ARE = re.compile(r"\b(?:variants?|grades?)\s+(?:are|were|stood\s+at)\s*(?:rmb|\$)?\s*$")

_PURITY_VARIANTS = re.compile(
    r"\balumini?um(?:\s+ingot)?\s+prices?\s+of\s+(?:the\s+)?(99\.\d+)\s*(?:per\s*cent|%)\s+and\s+"
    r"(99\.\d+)\s*(?:per\s*cent|%)\s+(?:variants?|grades?)\b"
)

# "RMB 27,800 per tonne (range RMB 27,400-28,200 per tonne)": the range of the price before
_RANGE_IN_PARENS = re.compile(r"\(\s*(?:a\s+)?range(?:\s+of)?\s*(?:rmb|\$)?\s*$")

# "Shandong and Henan saw an average price of RMB 4,725 per tonne": one price, each place's
_SAME_MOVE = re.compile(
    r"\bthe\s+same\s+(?:price\s+)?(?:hike|rise|increase|gain|growth|drop|fall|decline|decrease|cut)\b"
)

# "As of June 5, copper prices rose by 300 yuan/mt, with the same increase observed in the price
# of bare bright copper in Guangdong": a second product moved by the amount just stated
_SAME_MOVE_IN_ANOTHER = re.compile(
    r"\bwith\s+"
    + _SAME_MOVE.pattern.removeprefix(r"\b")
    + r"\s+(?:observed|seen|recorded|registered)\s+(?:in|for)\s+(?P<what>[^,;.]+)"
)


def _same_move(sentence: Sentence, drafts: list[Draft]) -> list[Draft]:
    match = _SAME_MOVE_IN_ANOTHER.search(sentence.folded)
    if match is None:
        return []
    moved = [
        draft
        for draft in drafts
        if draft.metric is Metric.PRICE and draft.change is not None and draft.value is None
    ]
    products = names.known_products(match.group("what"))
    if len(moved) != 1 or not products:
        return []
    places = names.regions(match.group("what"))
    return [
        Draft(
            Metric.PRICE,
            products[-1][2],
            moved[0].unit,
            sentence,
            region=places[-1][2] if places else moved[0].region,
            change=moved[0].change,
        )
    ]


_SAW_A_PRICE = re.compile(
    r"\b(?:saw|had|recorded|posted)\s+(?:an?\s+)?(?:average\s+)?prices?\s+of\s*(?:rmb|\$)?\s*$"
)

# "while Henan, Shanxi and Guangxi saw hikes of RMB 20, 15 and 10 to close at ...": the places'
# moves in a report of one product's prices
_SAW_MOVES = re.compile(
    r"\b(?:saw|seen|recorded|witnessed|experienced|posted|been)\s+(?:price\s+|slight\s+|sharp\s+)?"
    r"(?:hikes|rises|increases|gains|falls|drops|declines|decreases)\s+of\s*$"
    # "Wuxi and Hangzhou have seen the highest growth today of RMB 110 per tonne"
    r"|\b(?:saw|seen|recorded|witnessed)\s+the\s+(?:highest|largest|biggest|lowest|smallest)\s+"
    r"(?:growth|rise|increase|gain|drop|decline|fall)(?:\s+today)?\s+of\s*$"
)

# "Bauxite Shanxi, Alumina (Imported) and ...": a place written right after a product's name
_PLACE_THEN_JOIN = re.compile(r"\s+[a-z]+(?:\s+china)?\s*(?:,\s*and|,|and)\s+(?:the\s+)?")

_PLACE_AFTER_NAME = re.compile(r"\s+(?P<place>[a-z]+(?:\s+china)?)\b")

_COMPASS_CHINA = {
    "east": "East China",
    "south": "South China",
    "north": "North China",
    "central": "Central China",
    "southwest": "Southwest China",
    "northwest": "Northwest China",
}


# "..., while those in Henan and Guizhou eased by RMB 5 per tonne to A and B": the prices the
# clause before told, in other places
# (and the singular: "..., and that in Chongqing, Shenyang, and Tianjin, has settled at A, B,
# C": the price the clause before was about)
_THOSE_IN = re.compile(r"(?:^|,|\bwhile|\bwhereas|\band)\s*(?:those|that)\s+in\b")


def _respective_legs(head: str, context: Context, level: Quantity) -> list[_Owner | None] | None:
    """The prices a list of numbers belongs to, in order; None for a bid."""
    if _PAIR.search(head):
        products = names.known_products(head)
        # "Both the cash bid price and official settlement price marked ...": the metal the
        # report is about
        product = products[-1][2] if products else context.metal
        if product is None:
            return None
        return [None, _Owner(_with_qualifier(product, "cash"), "LME")]
    variants = _PURITY_VARIANTS.search(head)
    if variants is not None:
        # "The high-purity aluminium ingot prices of 99.99 per cent and 99.96 per cent variants
        # are A and B": one product in two purities
        return [_Owner(f"aluminium ({purity}%)", "China") for purity in variants.groups()]
    places = names.listed_regions(head)
    if places:
        products = names.known_products(head)
        if (
            not products
            and not _PRICE_WORD.search(head)
            and not _SAW_MOVES.search(head)
            and not _THOSE_IN.search(head)
        ):
            return None  # "Jiangxi and Henan were down 200 yuan/mt in all": whose price is not said
        product = products[-1][2] if products else context.product
        if product == "aluminium alloy" and context.product == "adc12":
            product = "adc12"  # "The prices of aluminium alloys in East, South and West": ADC12's
        if product is None:
            return None
        return [_Owner(product, place) for place in places]
    bare = _LONG_PAREN.sub(lambda m: " " * len(m.group(0)), head)
    products = names.known_products(bare)
    if len(products) < 2:
        return None
    run: list[tuple[int, int, str]] = []
    # The run of products joined into one list, the last such: "... (99.99%) price and ...
    # (99.996%) price have rallied up the aluminium price index by RMB 100": not the index.
    for last in range(len(products) - 1, 0, -1):
        run = [products[last]]
        for found in reversed(products[:last]):
            between = bare[found[1] : run[0][0]]
            if not (_PRODUCT_JOIN.fullmatch(between) or _PLACE_THEN_JOIN.fullmatch(between)):
                break
            run.insert(0, found)
        if len(run) >= 2:
            break
    names_in_run = [name for *_, name in run]
    if len(run) < 2 or len(set(names_in_run)) < len(names_in_run):
        return None
    region = _market(head, names_in_run[-1], level, False)
    # "Bauxite (6.0≤Al/Si<7.0) Shanxi, Alumina (Imported) and Prebaked Anode East": SMM's price
    # names, each with its own place after it
    own_places: list[str | None] = []
    for index, (_, end, _name) in enumerate(run):
        upto = run[index + 1][0] if index + 1 < len(run) else len(bare)
        after = _PLACE_AFTER_NAME.match(bare, end, upto)
        word = after.group("place") if after is not None else ""
        named_here = names.regions(word) if word else []
        own_places.append(named_here[0][2] if named_here else _COMPASS_CHINA.get(word))
    if any(own_places):
        # the list names each product's place: one without is quoted nationally
        return [
            _Owner(name, place or "China")
            for name, place in zip(names_in_run, own_places, strict=True)
        ]
    return [_Owner(name, region) for name in names_in_run]


def _change_lead(lead: str) -> bool:
    # "declining by approximately 2.32% MoM": the hedge word does not part the move from it
    stripped = _HEDGE_AT_END.sub("", lead.rstrip())
    return (
        re.search(r"(?:\bor|,)\s*[+\-−]?$", stripped) is not None
        or _OFF_BY.search(stripped) is not None
        or direction(tail_of(stripped, 14)) is not None
        or _CHANGE_NOUN.search(stripped[-25:]) is not None
        or stripped.endswith(("by", "up", "down"))
    )


# ", off $3.5/mt", "and off 0.35%": the amount a level just told is below the one before it
_OFF_BY = re.compile(r"(?:,|\band)\s*off\s*(?:usd|us\$|\$|rmb)?\s*$")

# (and AL Circle's "increasing by a solid 40 bucks": a word for the size of the move)
# Words for the size of a move between its verb and its amount ("increasing by a solid 40
# bucks", Mysteel's "fell by a larger RMB 15 per tonne", "eased by a smaller RMB 5 per tonne")
_MOVE_SIZE_WORDS = (
    r"(?:approximately|about|around|roughly|nearly|some"
    r"|a\s+(?:solid|mere|modest|hefty|slight|larger|smaller|bigger|further))"
)
_HEDGE_AT_END = re.compile(rf"\s+{_MOVE_SIZE_WORDS}$")


def _subject_text(whole: str, clause: Clause, quantity: Quantity) -> str:
    """What an amount is said of: its clause, or the sentence so far when the clause names no
    product ("Processing fees in Foshan were quoted at 380-430; in Wuxi at 150-230")."""
    own = whole[clause.start : quantity.start]
    if names.known_products(own) or re.search(
        r"\bprices?\b|\bquot(?:es|ations?)\b|\bcontracts?\b",
        own,  # "we expect the SHFE 1807 contract"
    ):
        return own
    # (not an aside on volumes: "... at 17,415 yuan/mt, with open interest decreasing 22,509 lots
    # to 232,000 lots, and is expected to fluctuate above 17,300 yuan/mt tonight")
    return _VOLUMES_ASIDE.sub(" ", whole[: quantity.start])


_POSITIONS_ON_THE_WAY = re.compile(
    r"\b(?:showed|saw|recorded|posted)\s+an?\s+(?:reduction|decrease|decline|drop|increase|rise)"
    r"\s+in\s+(?:open\s+interest|positions)\s+and\b"
)

_RETURNED_TO = re.compile(r"\breturn(?:ed|ing|s)?\s+to\s*(?:rmb|\$)?\s*$")

_VOLUMES_ASIDE = re.compile(
    r",\s*with\s+(?:open\s+interest|positions|(?:trading\s+)?volumes?)\b[^,;]*"
)

# "with Chinese stocks": equities, not the metal's inventories.
_EQUITIES = re.compile(
    # ("as Shanghai stocks pared losses and LME lead rallied further, SHFE 1307 lead rose")
    r"\b(?:chinese|china's|shanghai|us|u\.s\.|global|asian|european|equity)\s+stocks\b"
    r"|\bstock\s+markets?\b"
)

_PRICE_AGAIN = re.compile(
    r"\bprices?\b(?!\s+(?:climbed|rose|rallied|fell|dropped|slid|surged|increased|decreased"
    r"|rising|falling|moved|fluctuated))|\bquot(?:es|ations?)\b|\bpremiums?\b|\bspreads?\b"
    # "weak demand and shorts lowered the 1901 contract, which lost 355 yuan/mt ... to settle at"
    r"|\b\d{4}\s+contract,\s+which\b"
)

# "purchases were rare and mainstream trading prices fell below RMB 18,000/mt": the amount is
# where the prices went
_PRICES_MOVED_TO = re.compile(
    r"\bprices?\s+(?:fell|dropped|slid|rose|climbed|broke|moved)\s+(?:below|above|under|over|to|through)"
    r"\s*(?:rmb|us\$|\$)?\s*$"
)

_OTHER_MARKET = re.compile(r"gold prices|silver prices|crude oil|oil prices|dollar index")

_CLOSED_AFTER = re.compile(r"\b(?:to\s+close|closed|closing|to\s+end|ended|ending|settled)\b")

_SUBJECT_OPENS = re.compile(
    r"\s*(?:the\s+)?(?:most-traded\s+)?(?:shfe\s+|lme\s+|spot\s+|shanghai\s+|london\s+)?"
)


_MOVED_VERB = (
    r"(?:plunged|fell|rose|surged|dropped|slumped|rallied|climbed|tumbled|jumped|slid|soared"
    # "..., pared some losses as the dollar index eased, and closed at USD 8,087/mt"
    r"|eased|weakened|firmed|strengthened|softened)"
)
# "..., but gave up the gains as crude oil plunged, and closed at USD 1,806/mt"; "as the dollar
# index fell and crude oil rose": why the metal moved, no other product's price
_WHY_IT_MOVED = re.compile(
    rf"\b(?:as|after|while|because)\s+(?:(?!prices?\b)[a-z]+\s+){{1,3}}{_MOVED_VERB}"
    rf"(?:\s+and\s+(?:(?!prices?\b)[a-z]+\s+){{1,3}}{_MOVED_VERB})*\b"
)


# "...; with the dollar index rising strongly it kept weakening in European hours": why the metal
# moved, wherever the sentence tells it
_DOLLAR_AS_REASON = re.compile(
    r"\b(?:with|amid|as)\s+(?:the\s+)?(?:us\s+)?dollar(?:\s+index)?\s+(?:rising|falling"
    r"|strengthening|weakening|climbing|dropping|rose|fell|strengthened|weakened"
    # ("in the night session, with the dollar index strong, its centre slipped to")
    r"|strong|weak|firm|higher|lower)"
    r"(?:\s+[a-z]+ly)?\b"
)


_OTHER_MARKETS = frozenset({"crude oil", "wti", "brent"})


_DEMAND_AS_REASON = re.compile(
    r"\b(?:under|amid)\s+(?:[a-z-]+\s+){0,2}(?:pressure|support)\b"
    # "fell further to RMB 13,225/mt on profit taking on Thursday before finishing at"
    r"|\bprofit[\s-]taking\b"
    # "with spot ingots tight and social stocks at a near one-year low, it climbed to": why
    r"|\bwith\s+(?:[a-z-]+\s+){0,6}(?:stocks|inventor(?:y|ies))\s+at\s+an?\s+[^,;]{0,30}?\b(?:low|high)\b"
    # "Output cuts at big battery makers and weaker expected demand pushed it down": why
    rf"|\b(?:output|production)\s+cuts?\b[^,;]{{0,60}}?\b(?:{_MOVED_IT}|weighed\s+on)\s+it\b"
    # "before some took profits and it climbed back above 19,000 yuan/mt": traders' profits
    r"|\b(?:took|take|taking|takes)\s+profits?\b"
    # "LME lead stocks rose by nearly 1,000 mt and the fall deepened": why it moved
    r"|\b(?:stocks|inventor(?:y|ies))\s+(?:rose|fell|increased|decreased|dropped|grew)\s+by\s+"
    r"(?:nearly\s+|about\s+|over\s+|around\s+)?[\d,.]+\s*(?:mt|tonnes|tons)\b(?=\s+and\s+the\b)"
    r"|\b(?:pressure|support)\s+from\s+(?:[a-z-]+\s+){0,2}demand\b"
    r"|\bon\s+(?:weak|strong|firm|slow|sluggish|improving|poor|rigid)\s+demand\b"
)


_CUSTOMS_DATA = re.compile(
    r"\bcustoms\s+(?:data|statistics|figures)\b"
    r"|\baccording\s+to\s+(?:the\s+)?(?:general\s+administration\s+of\s+)?customs\b"
)


def _foreign(head: str) -> bool:
    """Whether the clause is about a cost, fee, profit or volume rather than a price: such a
    noun opens it, or stands between the product and the amount."""
    if not FOREIGN.mentioned(head):
        return False
    if _CUSTOMS_DATA.search(head):
        # "Customs data show China exported 485,000 tons ..., up 45.7% YoY, at an average export
        # price of US$23.9/ton": trade statistics, whose unit values are no market's price
        return True
    # "Bauxite ... was sold between RMB 425 per tonne to ...": what it sold for is its price;
    # "Baled UBC prices, supported by rigid demand, fluctuated within ...": an aside
    # (also "high-quality copper sold for RMB 44,300-44,380/mt")
    head = re.sub(r"\b(?:(?:was|were)\s+)?sold\s+(?:between|for|at)\b", " ", head)
    # "Export contracts for ADC12 are currently in the range of US$2,180 per tonne": what
    # exports are sold for, not how much is exported
    head = re.sub(r"\bexport\s+(?:contracts?|prices?|quotes?|quotations?)\b", " ", head)
    # "The average spot price of EMM in major production areas was": where, not how much
    head = re.sub(r"\b(?:production|producing)\s+(?:areas?|regions?|bases?)\b", " ", head)
    # "..., but gave up the gains as crude oil plunged, and closed at USD 1,806/mt": why it moved
    head = _WHY_IT_MOVED.sub(" ", head)
    # "With stocks growing and spot demand weakening, the contract will fall further to ...":
    # a reason told before the clause's subject
    head = _REASON_FIRST.sub(" ", head)
    head = _DOLLAR_AS_REASON.sub(" ", head)
    # AL Circle's "Bauxite Henan has registered a drop of RMB 10": a move, not registrations
    head = re.sub(
        # (and "it has registered a week-on-week fall of RMB 540 per tonne")
        r"\b(?:(?:has|have|had)\s+)?registered\s+(?:an?\s+)?(?:[a-z-]+\s+)?"
        r"(?:drop|fall|decline|rise|increase|gain|hike)",
        " ",
        head,
    )
    # "The full cost of stainless steel based on the intraday prices of raw materials was":
    # the prices a cost is worked out from
    head = re.sub(
        r"\b(?:based\s+on|using|at)\s+(?:the\s+)?(?:[a-z'-]+\s+){0,3}"
        r"(?:prices?\s+of\s+(?:the\s+)?raw\s+materials?|raw\s+material\s+prices?)\b",
        " ",
        head,
    )
    head = re.sub(
        r",\s*(?:supported|backed|driven|weighed(?:\s+on)?|dragged|pressured|boosted|helped|hit|affected)"
        r"\s+by\s+[^,]{1,60},",
        ",",
        head,
    )
    # "Baled UBC prices fluctuated rangebound under demand pressure, eventually settling at";
    # "baled UBC faces more pressure from weak demand, potentially testing": why it moved
    head = _DEMAND_AS_REASON.sub(" ", head)
    # "the SHFE copper front-month contract showed a reduction in open interest and rose
    # steadily ..., closing at 78,300 yuan/mt": its positions told on the way to its close
    head = _POSITIONS_ON_THE_WAY.sub(" ", head)
    head = _EQUITIES.sub(
        " ", _PAREN.sub(" ", head)
    )  # "shredded tense scrap (including freight) quoted at ..."
    foreign = list(FOREIGN.pattern.finditer(head))
    if not foreign:
        return False
    after = head[foreign[-1].end() :]
    if foreign[-1].group(0) in _OTHER_MARKETS and re.match(r"\s*prices?\b", after):
        return True  # "WTI crude oil prices jumped 3%": oil's price, not a metal's
    # "fees in Foshan were quoted at": still the fee; "..., the price was": a price again (but
    # not "fees weakened as prices climbed: Foshan quoted ..."); "... said it would cut copper
    # output, but longs left and it fell back, to close up USD 27": a close is a price's.
    if _PRICE_AGAIN.search(after) is not None or _PRICES_MOVED_TO.search(after) is not None:
        return False
    if names.known_products(after) and re.search(r"\bprices?\b", after):
        # "Silicone makers worked through their own stocks, so DMC traded poorly and its prices
        # fell slightly by 400 yuan/mt": a product named after the volume, and its price
        return False
    if "," in after:
        tail = after[after.find(",") + 1 :]
        subject = names.known_products(tail)
        if subject and _SUBJECT_OPENS.fullmatch(tail[: subject[0][0]]):
            # "With foreign investors allowed in and lead warrants falling, SHFE lead stayed
            # near its highs, mostly between ...": a new subject after the aside
            return False
    other_market = _OTHER_MARKET.fullmatch(foreign[-1].group(0)) is not None
    if other_market and names.known_products(after):
        # "the US dollar index broke through the 100 mark and LME lead hit a session low of
        # $2,013/mt, before finally closing at": the metal, named after the other market
        return False
    return other_market or _CLOSED_AFTER.search(after) is None


def _sign(lead: str, trail: str, last_change: Quantity | None) -> int | None:
    after = re.match(
        r"^\s*(?:/\s*(?:mt|t|tonne)\s*)?(?:or\s+[\d.]+\s*(?:%|per\s*cent)\s+)?"
        r"(higher|lower|more|less)\b",
        trail,
    )
    if after is not None:
        return 1 if after.group(1) in {"higher", "more"} else -1
    return direction(tail_of(lead, 50))


_AND_ANOTHER = re.compile(
    r"\s*,?\s*and\s+(?:the\s+)?(?P<product>[a-z0-9#/ -]{2,40}?)\s*(?:rmb|us\$|\$)?\s*"
)


_AGAINST_THE_LAST_PERIOD = re.compile(
    r"\s*(?:against|compared\s+(?:with|to)|versus)\s+(?:the\s+previous|last)\s+(?P<period>week|month)"
    r"\s*,"
)
_RANGE_OF_MOVES = re.compile(
    r"\b(?:inflation|increase|rise|gain|drop|decline|decrease|fall)\s+range\s+(?:between|of|from)"
    r"\s*(?:rmb|us\$|\$)?$"
)


def _told_before(context: Context, whole: str, quantity: Quantity) -> str:
    """The sentence before (in the paragraph) and this one up to the amount: where the day a
    report is for was named."""
    before = context.paragraph_before[-1] if context.paragraph_before else ""
    return before + " " + whole[: quantity.start]


_TWO_MOVES_FOR_ONE = re.compile(
    r"\bper\s+tonne\s*,\s*(?:down|up)\s+(?P<moves>(?:rmb|us\$|\$)\s*[\d,.]+\s*per\s+tonne\s+and\s+"
    r"(?:rmb|us\$|\$)\s*[\d,.]+\s*per\s+tonne)\s*(?:[.;]|$)"
)
_AFTER_MOVING_BY = re.compile(
    r"\bafter\s+(?:rising|falling|climbing|dropping|declining|gaining|losing|increasing|decreasing)"
    r"\s+by\s*(?:rmb|usd|us\$|\$)?\s*$"
)
_WAS_BEFORE = re.compile(r"\b(?:was|were|had\s+been)\s*(?:at\s*)?(?:rmb|usd|us\$|\$)?\s*$")
_UNPLACED_NEXT_LEVEL = re.compile(
    r"\s*an?\s+(?:slump|drop|fall|decline|decrease|rise|increase|hike|gain|jump)\s+of\s+"
    r"(?:rmb|us\$|\$)?\s*[\d,.]+\s*per\s+tonne\s+to\s+[a-z]+\s+at\s*(?:rmb|us\$|\$)?$"
)
_RUN_THAT_TOOK_IT = re.compile(
    r"\b(?:falls|declines|drops|rises|gains|increases)\s+that\s+(?:took|brought|pushed|dragged)\s+"
    r"(?:it|the\s+price|prices)\s+from\b[^.;]{0,40}\bto\s*(?:rmb|us\$|\$)?$"
)
_PRICE_AGO = re.compile(
    r"\b(?:one|a|two|\d+)\s+(?:weeks?|months?|years?|days?)\s+ago\)?\s*(?:was|were|stood)\s+"
    r"(?:averaged\s+|quoted\s+)?at\s*(?:rmb|us\$|\$)?$"
)
_ACROSS_THE_PLACES = re.compile(
    r"\b(?:range|variations?|prices?)\s+(?:in|across|among)\s+(?:the\s+)?(?:provinces|regions|places"
    r"|cities)\b[^.;]{0,40}\b(?:between|from|at)\s*(?:rmb|us\$|\$)?\s*$"
)
_GAP_TO_A_PAST_LEVEL = re.compile(
    r"\s*,\s*or\s+[\d.]+\s*(?:%|per\s*cent)\s*,?\s*(?:below|above|lower\s+than|higher\s+than)"
    r"\s+(?:the|its)\b"
)
_BEYOND_THE = re.compile(
    r"\b(?:below|above|lower\s+than|higher\s+than)(?:\s+(?:the|its))?\s*(?:rmb|us\$|\$)?\s*$"
)
_OF_A_PAST_DAY = re.compile(rf"\s*(?:of|on)\s+(?:{MONTH_NAMES})\.?\s+\d{{1,2}}\b")
# "..., followed by Shenyang RMB 95 per tonne to RMB 11,930 per tonne": a clause opening with a
# place, its amount moving to the level after it
_PLACE_OPENS = re.compile(r"\s*[a-z]+(?:\s+china)?\s*(?:rmb|us\$|\$)?\s*")
_TO_A_LEVEL_AFTER = re.compile(r"\s*to\s*(?:rmb|us\$|\$)?\s*\d")
_FOLLOWED_BY_A_PLACE = re.compile(
    r"\s*,?\s*(?:(?:followed\s+by|and)\s+)?(?P<place>[a-z]+(?:\s+china)?)\s*(?:rmb|us\$|\$)?\s*"
)
_FOR_A_GRADE_AND = re.compile(r"\s*for\s+[a-z0-9#-]+(?:\s+(?:grade|type))?\s*,?\s*and\s*")
_AMOUNT_END = re.compile(r"(?:yuan|/\s*mt|per\s+tonne|/\s*t)\b")


def _gapped_move(head: str) -> bool:
    """Whether the words since the last amount are only "and" and another product: the move's
    verb left out for the second ("304 CRC fell 150 yuan/mt and 304 HRC 50 yuan/mt")."""
    ends = [match.end() for match in _AMOUNT_END.finditer(head)]
    # (the clause may open with it: "..., followed by Shenyang RMB 95 per tonne to ...")
    since = head[ends[-1] :] if ends else head
    place = _FOLLOWED_BY_A_PLACE.fullmatch(since)
    if place is not None and names.regions(place.group("place")):
        return True  # "..., followed by Shenyang RMB 95 per tonne to RMB 11,930 per tonne"
    if not ends:
        return False
    if _FOR_A_GRADE_AND.fullmatch(since):
        return True  # "increased by 200 yuan/mt for anatase grade and 250 yuan/mt for rutile grade"
    match = _AND_ANOTHER.fullmatch(since)
    return match is not None and bool(names.known_products(match.group("product")))


# (SMM's regional spot copper reports: "Transaction prices ranged from 102,450-103,140 yuan/mt,
# with the average price at 102,795 yuan/mt")
_THE_MARKETS_DEALS = re.compile(r"\s*(?:the\s+)?transaction\s+prices\s+ranged\b")

_CONTRACTS_TRADING_RANGE = re.compile(
    r"\b(?:price|trading)\s+range\s+(?:for|of)\s+the\s+most[- ](?:traded|active)\s+contract\b"
)

_CLOSED_AT_THAT_LEVEL = re.compile(
    r"^\s*(?:/\s*mt\s*)?,?\s*(?:and\s+)?(?:it\s+)?(?:ultimately\s+|finally\s+|eventually\s+)?"
    r"(?:closed|ended|settled|finished)\s+at\s+(?:that|this|the\s+same)\s+level\b"
)

_MISPRINTED_PERCENT = re.compile(r"\d+(?:\.\d+)?/\d+(?:\.\d+)?%|(?<=/)\d+(?:\.\d+)?%")

_FROM_TWO_LEVELS = re.compile(
    r"\bfrom\s+(?:usd|us\$|\$|rmb)\s*[\d,.]+\s*(?:per\s+(?:tonne|cent)|/\s*m?t)?\s+and\s*"
    r"(?:usd|us\$|\$|rmb)?\s*$"
)

_SOME_MOVED_BY = re.compile(
    r"\bwith\s+some(?:\s+[a-z]+){0,2}?\s+(?:rais|lower|cutt|lift|trimm)(?:ing|ed)\s+(?:their\s+)?"
    r"(?:prices|quotes|quotations|offers)\s+by\s*(?:rmb|usd|\$)?\s*$"
)


def _role(
    quantity: Quantity,
    own_lead: str,
    head: str,
    trail: str,
    owner: _Owner,
    last_change: Quantity | None,
    rest: str = "",
    later: str = "",
    following: str = "",
) -> str:
    stripped = own_lead.rstrip()
    if EXPECTATION.search(trail[:30]) is not None:
        return "expectation"
    if _SINCE_AN_EARLIER_MOVE.search(head[-_EARLIER_MOVE_WINDOW:]):
        # "The price has grown after remaining restrained since the last hike of RMB 3 per tonne
        # on February 7 from RMB 2,947 per tonne to RMB 2,950 per tonne": a move days before
        return "reference"
    if quantity.is_range and _CONTRACTS_TRADING_RANGE.search(head):
        # "with the price range for the most-traded contract fluctuating upward from
        # 135,000-141,000 yuan/mt at the start of the week to 146,000-152,400 yuan/mt": where
        # the contract traded, no close or quote
        return "span"
    if _CLOSED_AT_THAT_LEVEL.match(rest):
        # "with the price hitting a low of $2,016.5/mt, and it ultimately closed at that level,
        # down 2.04%": the low is where it closed
        return "level"
    if (
        quantity.kind is Kind.PERCENT
        and _A_MARGIN.search(stripped[-60:])
        and not _IN_A_NIGHT_OR_DAY_SESSION.match(trail)
    ):
        # "the cash cost incurred a loss of nearly 2.91%, while the full cost loss reached
        # 7.16%": how far a producer's price is from its cost, not the price's move
        return "other"
    if (_LAST_WEEKS_LEVEL.search(head[-120:]) and _THIS_WEEKS_AFTER.match(rest)) or (
        _EARLIER_WEEKS_LEVEL.match(rest)
    ):
        # "the average weekly price of aluminum ingots in Guangdong last week (06.10 06.14) was
        # around 14136 yuan / ton, while this week's average price ... was 13954": the week
        # before's level, the one this week's is compared with
        return "reference"
    if re.search(r"\brecorded\s+on\s*(?:rmb|us\$|\$)?$", stripped):
        # "a Y-o-Y surge of RMB 2,780 was witnessed from RMB 18,410 per tonne recorded on RMB
        # 18,410 per tonne": the old level again where the date belongs, a misprint
        return "reference"
    if _ONCE_CROSSED.search(stripped[-40:]):
        # "Aluminum prices fell and than surged again during September 10 to September 20, and
        # once exceeding 15,000 yuan/mt": a line reached at one time, not where the price stands
        return "reference"
    if _FROM_TWO_LEVELS.search(head.rstrip()[-60:]):
        # "both down around 1.37 per cent from USD 2,918 per cent and USD 2,923 per tonne
        # respectively": the day before's levels, the first with its unit misprinted
        return "reference"
    if _SOME_MOVED_BY.search(stripped[-60:]):
        # "Secondary aluminum enterprises showed divergent quotations, with some raising prices
        # by 100 yuan/mt ..., while others held steady": a few sellers' move, not the market's
        return "other"
    if _BOTTOM_PRICE.search(stripped[-70:]):
        # "the bottom price of DMC in China this week was slightly raised to 10,700 yuan/mt":
        # the floor of the market's quotes, beside the quotes themselves
        return "other"
    if _OTHERS_QUOTES.search(stripped[-90:]):
        # "Other monomer enterprises raised their quotes to around 11,000 yuan/mt": the rest of
        # the sellers, named by no market
        return "deal"
    if _ROUND_OF_MOVES_EXCEEDED.search(stripped[-60:]):
        # "this round of spot price increases exceeded 600 yuan/mt": how far prices have come
        # since the run began, no price and no move a rule compares
        return "reference"
    if _RUN_THAT_TOOK_IT.search(head.rstrip()[-120:]):
        # "rose today after three straight falls that took it from RMB 12,740 per tonne to RMB
        # 11,730 per tonne": where an earlier run ended, not today's price
        return "reference"
    if _PRICE_AGO.search(stripped[-80:]):
        # "the price on December 16 (one week ago) was averaged at RMB 20,160 per tonne": the
        # level a week's move is measured from
        return "reference"
    if quantity.is_range and _RANGE_OF_MOVES.search(stripped[-40:]):
        # "with an inflation range between RMB 10 to RMB 40": how far the places moved, from
        # the least to the most, not a price
        return "other"
    if quantity.is_range and _ACROSS_THE_PLACES.search(stripped[-90:]):
        # "The price range in the provinces has varied between RMB 19,750 per tonne to RMB
        # 19,910 per tonne": the spread of the places' prices, not a price
        return "places"
    if _GAP_TO_A_PAST_LEVEL.match(trail) or (
        _BEYOND_THE.search(stripped[-20:]) and _OF_A_PAST_DAY.match(trail)
    ):
        # "the December 18 average is 7,000 yuan/mt, or 13.59%, below the 51,500 yuan/mt of
        # December 29, 2023": how far the price is from a dated level, and that level
        return "reference"
    if _BASIS_THEN_BY.search(stripped[-60:]):
        return "change"  # "and on a year-on-year basis by US$ 935.50 per tonne"
    if (last_change is not None or _TO_A_LEVEL_AFTER.match(trail)) and _gapped_move(head):
        # "304 CRC fell 150 yuan/mt and 304 HRC 50 yuan/mt": the second product's move, its verb
        # left out
        return "change"
    if (
        _OVER_DATED_DAYS.match(trail) or _MOVE_OVER_DATED_DAYS.match(rest or trail)
    ) and not _futures_closed(head):
        # "rose by US$22 per tonne from US$2,915 per tonne to US$2,937 per tonne during
        # September 17-23. However, on September 24, the price decreased to ...": where a run of
        # days ended, told before the day's price
        return "span"
    if _A_LINE_IN_BUYERS_MINDS.match(trail):
        # "most downstream buyers considered RMB 18,000/mt as an emotional benchmark": a line
        # buyers watch, not a price
        return "other"
    if _OVER_THE_SAME_PERIOD.match(trail):
        # "#1 lead had fallen from an average RMB 14,800/mt in February to RMB 13,800/mt in May,
        # and secondary lead prices also fell by RMB 800/mt over the same period": a move over
        # months, no basis a rule could compare
        return "span"
    if quantity.is_range and _TO_BEYOND.search(stripped[-30:]):
        # "seeing LME zinc fall to below USD 1,730-1,760/mt": a line given as a range, no line a
        # rule could compare, and no range the price is said to stay in
        return "other"
    if _BRIEFLY_MOVED.search(stripped[-40:]) or (
        _futures(owner) and _DIPPED_TO.search(stripped[-30:])
    ):
        # "briefly fell to RMB 15,200/mt", "LME zinc dipped to USD 1,962/mt": where it went and
        # did not stay
        return "intraday"
    if _LARGEST_MOVE.search(stripped[-60:]):
        # "East China moved most, with the highest daily price increase of 200 yuan/mt": the
        # biggest of a week's daily steps somewhere, not the market's move
        return "other"
    if _BELOW_COST_AFTER.match(trail):
        return "other"  # "lead below RMB 16,000/mt is below their cost": a cost line
    if _SUM_OF_MONEY_FOR.match(trail) or _INSTEAD_OF_A_SUM.search(head):
        return "other"  # "Washington still argues over $2,000 stimulus checks": a sum paid out
    if _futures(owner) and _AFTER_IT_WENT.search(head[-120:]):
        # "settled the trading day 0.42% lower at 21,195 yuan/mt after it plunged past 21,000
        # yuan/mt to the 20,850 yuan/mt level": where it went before the close told first
        return "intraday"
    if _WHETHER.search(head):
        # "Whether the contract could stay above 51,000 yuan/mt will come under scrutiny
        # tonight": a question to watch, not a forecast
        return "other"
    if re.search(r"\blisting\s+(?:benchmark\s+|reference\s+)?price\s+(?:of|at|was)\s*$", stripped):
        # "Their listing benchmark price of 18,365 yuan/mt sat far below spot": what the
        # exchange set for the first day, which the first trades were measured against
        return "reference"
    if _BUYERS_LINE.search(stripped[-60:]):
        # "most processors buy more readily below 20,500 yuan/mt": where buyers step in, not a
        # price the market stands at
        return "other"
    if (
        not quantity.is_range
        and quantity.value % 500 == 0
        and _AROUND_A_ROUND_LEVEL.search(stripped[-40:])
        and not _futures(owner)
    ):
        # "Zinc prices fluctuated around 20,500 yuan/mt, and there will be still room for price
        # gains": the round level prices hovered about lately, no quote
        return "span"
    if quantity.value % 1000 == 0 and not quantity.is_range and _RETURNED_TO.search(stripped[-30:]):
        # "mainly due to increased spot market supply and aluminum prices returning to 20,000
        # yuan/mt": a round line come back to, from a side not told; the day's quote follows
        return "other"
    if _TO_A_PEAK.search(stripped[-50:]):
        # "Battery-grade lithium carbonate price climbed over 37% from the start of 2017 to a
        # peak of 171,000 yuan/mt, ... then turned": where it topped out, not where it stands
        return "reference"
    if _FROM_A_LEVEL_TO.search(head.rstrip()[-50:]) and _IN_PART_OF_A_MONTH.match(trail):
        # "Aluminium prices fell from 20,000 yuan/mt to 18,000 yuan/mt in mid-to-late May" in a
        # survey of its users: how far the price went over part of a month, not a quote
        return "other"
    if _FELL_PAST.search(stripped[-30:]) and not _CLOSE_AHEAD.search(rest):
        # "Lun Copper fell sharply to break 6000 US dollars / ton and Shanghai copper followed":
        # a line broken, a bound, whatever the paragraph closes at later
        return "level"
    if _CLOSE_BEFORE.search(stripped[-30:]) and _MOVED_THEN_AT.match(trail):
        return "change"  # "closing 270 yuan/mt lower from Monday at 48,590 yuan/mt": its move
    if _DELIVERED.search(head[-120:]):
        # "Today, Shanghai Copper 1808 contract delivery was completed, closing at 48500 yuan /
        # ton, settlement price of 48680": the expiring contract's last prices, not the market's
        return "other"
    if _CLOSE_TO_THE.search(stripped[-30:]) and _A_LINE_AFTER.match(trail):
        # "LME zinc rebounded close to the $2,400/mt level": a line approached, not reached
        return "other"
    if _UNDER_PRESSURE_OF.search(stripped[-40:]):
        return "other"  # "falling again to $13070 / ton under pressure of $13300 / ton": a line
    if (
        _WITHIN_THE.search(stripped[-20:])
        and _CHANNEL_AFTER.match(trail)
        and _OVER_A_PERIOD.search(head)
    ):
        # "Over the past month Shanghai Nickel has mostly run within the 98000 RMB102500 / ton
        # platform channel": where it moved over the month, not a quote
        return "other"
    if _STILL_HAS_ROOM.search(stripped[-30:]) and _ROOM_TO_MOVE.match(trail):
        # "alumina prices still have about 150 yuan to fall in space": room left to move, no
        # level and no move made
        return "other"
    if _NOT_LESS_THAN.search(stripped[-40:]):
        # "expecting copper price will not be less than 40,000 yuan per tonne": a floor named,
        # not a level
        return "other"
    if _CLOSED_AT_ITS_HIGH.search(head.rstrip()[-90:]):
        return "level"  # "The most active contract ended at a session high of RMB 13,115/mt"
    if _EXTREME_POINT.search(stripped[-50:]) or (
        _futures(owner) and _ITS_LOWEST_AT.search(stripped[-70:])
    ):
        return "intraday"  # "deals went lower still, with the lowest point below RMB 2,500/t"
    if _PUT_OFF.match(trail) and re.search(
        r"\bprices?\s+(?:as\s+high\s+as|above|over)\s*(?:rmb)?$", stripped
    ):
        # "Price as high as RMB 40,000/mt discouraged buyers": a level told by its effect on
        # buyers, not a quote
        return "other"
    if _KEPT_UNDER.search(stripped[-40:]) or _KEPT_UNDER_TOO.search(head.rstrip()[-90:]):
        # "The quotation of imported waste aluminum enterprises is still maintained at less than
        # 13000 yuan / ton": a ceiling the quotes stay under, not a price
        return "other"
    if "announc" in head and _ANNOUNCED_PRICES.search(head[-100:]):
        return "deal"
    if (
        _ONE_PLANT.search(head[-80:])
        or _A_PRODUCERS_OWN_PRICE.search(head[-100:])
        or _ITS_PRICE_SET_AT.search(stripped[-60:])
    ):
        # "the price of a recycled aluminum plant in Jiangxi fell by 100 yuan / ton to 13000":
        # one seller's price, not the market's
        return "deal"
    if "concentrated" in head and _SELLERS_QUOTES_CONCENTRATED.search(head[-160:]):
        # "APT enterprises mostly shipped under long-term contracts, with quotations
        # concentrated in the range of 395,000-400,000 yuan/mt": what the sellers ask, beside
        # the price SMM assesses
        return "deal"
    if _A_FEW_DEALS.search(stripped[-60:]):
        # "spot prices held, with a few transactions reported at RMB 11,820-11,840/mt"
        return "deal"
    if (
        not quantity.is_range
        and quantity.value % 1000 == 0
        and _HELPED_HOLD.search(stripped[-70:]) is not None
    ):
        # "Chinese stocks gained almost 2%, helping SHFE copper hold at RMB 54,000/mt": a
        # round line the market kept above, told as an effect, not a quote
        return "round"
    if (
        not quantity.is_range
        and _A_LINE_AFTER.match(trail)
        and re.search(r"\bstood\s+firm\s+(?:above|below)\s+the\s*(?:rmb|\$)?$", stripped)
    ):
        return "round"  # "The SHFE 1809 contract stood firm above the 14,000 yuan/mt level"
    if not quantity.is_range and _A_MARK_AFTER.match(trail) and _HOLD_BEYOND_THE.search(stripped):
        # "though it could not hold above the $2,000/mt mark": a round line, not a quote
        return "round"
    if _TECHNICAL_AFTER.match(trail) and re.search(
        # "ex-factory prices pulled back significantly today to the 16,000 yuan/mt level"
        r"\b(?:return(?:s|ed|ing)?|back)(?:\s+[a-z]+){0,3}\s+to(?:\s+the)?$"
        # "lead prices stopped falling and rebounded to hold firm at the 17,000 yuan/mt level"
        r"|\bh[oe]ld(?:s|ing)?\s+(?:firm|steady|stable)\s+at\s+the$",
        stripped,
    ):
        # "with spot aluminium returning to the RMB 20,000 per tonne level": a round level
        # named, not a quote
        return "round"
    if (
        _NEAR_MIDDAY.match(trail)
        and re.search(r"\bby(?:\s+(?:nearly|about|around|some))?\s*(?:rmb|us\$|\$)?$", stripped)
        and not _CLOSE_BEFORE.search(head[-60:])
    ):
        # "The SHFE 1307 contract fell back by nearly RMB 200/mt near midday": a move within
        # the session, not a close's
        return "intraday"
    if _futures(owner) and re.search(r"\bas\s+(?:low|high)\s+as\s*(?:rmb|usd|us\$|\$)?$", stripped):
        # "SHFE 1509 aluminum fell to as low as RMB 11,885/mt": the session's low (a spot price
        # "as high as RMB 100,000" is where the market stood)
        return "intraday"
    if (
        _futures(owner)
        and re.search(r"\b(?:reached|touched|hit)\s*(?:rmb|usd|us\$|\$)?$", stripped)
        and re.match(r"^\s*(?:yuan\s*)?(?:/\s*mt\s*)?(?:last\s+night|overnight)\b", trail)
    ):
        return "intraday"  # "SHFE tin reached 147,000 yuan/mt last night": the night's high
    if _futures(owner) and _NARROW_RANGE_AROUND.search(stripped[-50:]):
        # "The SHFE 1808 contract traded within a narrow range around 49,200 yuan/mt during
        # the morning": where it traded, and "narrow" is no move
        return "intraday"
    if (
        _OPENED_MOVED_AT.search(head.rstrip()[-70:])
        or _OPENS_AT.search(head.rstrip()[-40:])
        or (_futures(owner) and _BUT_THEN_CLOSED.match(rest))
        or (
            # "LME zinc prices overnight opened at USD 2,038/mt, and then inched down to USD
            # 2,027.8/mt. ... LME zinc prices closed with declines at USD 2,033/mt": a step of
            # the session its close is told after
            _futures(owner)
            and (_THEN_MOVED_TO.match(head) or _ROSE_TO_HIT.search(head))
            and CLOSE.mentioned(following)
            and CLOSE.search(following) is not None
        )
    ):
        # "helped SHFE 1307 copper contract open RMB 140/mt higher at RMB 54,180/mt": the open
        return "intraday"
    if stripped.endswith("(") and _LAST_YEARS_PRICE.search(head.rstrip()[-90:]):
        return "reference"  # "than last year's October 23 price (RMB 2998 per tonne)"
    if quantity.is_range and _MONTHS_SPANNED.search(head):
        # "From January to May lead swung at high levels, with LME lead prices mainly between
        # USD 2,000-2,200/mt": where prices moved over several months, not a quote
        return "span"
    if _MONTHS_SPANNED.search(head[-80:]) and "average" in head[-80:]:
        # "Average price of Tungsten concentrates during January to October reaches 86,600 yuan
        # per tonne": the average of several months, which no month's series holds
        return "span"
    if (
        quantity.is_range
        and _RANGE_OVER_A_PERIOD.search(stripped[-60:])
        and _OVER_A_PERIOD.search(head)
    ):
        # "In June, ... with the aluminium spot price trading in a range of RMB 23,800-24,330 per
        # tonne": where the price went over the month, not a quote
        return "other"
    if (
        quantity.is_range
        and re.search(r"\bwithin(?:\s+(?:the|a))?(?:\s*(?:rmb|us\$|\$))?\s*$", stripped)
        and re.match(
            rf"^\s*(?:/\s*mt\s*)?range\s+(?:during|in|over|throughout)\s+{_MONTH_WORDS}", trail
        )
    ):
        return "other"  # "within the RMB 71,000-72,000/mt range during July": the month's span
    if re.search(r"\b(?:quarter-on-quarter|q-o-q|qoq)\b", stripped[-60:]):
        return "reference"  # "a Quarter-on-Quarter rise of RMB 70": no basis a rule compares
    if _OVER_DAYS.search(head) and (
        _CHANGE_NOUN.search(stripped[-40:]) or re.search(r"\bby\s*$", stripped)
    ):
        # "Hunan also raised quotations over the past two days, with a cumulative increase of
        # 400 yuan/mt": a run of days, with no basis a rule could compare
        return "reference"
    if _CLOSED_AT_EXTREME.search(stripped[-60:]) or _CLOSED_AT_EXTREME.search(head.rstrip()[-100:]):
        return "level"  # "closed at the day's low of RMB 20,200 per tonne": the close
    if _HOVERED.search(stripped[-40:]) and _RECENTLY.match(trail):
        # "With lithium carbonate fluctuating around 60,000 yuan/mt recently": where the price
        # has hovered of late, not the day's quote
        return "span"
    if _TO_DATE.search(stripped[-80:]):
        # "The MTD average spot market price of battery-grade manganese sulphate was 6,215
        # yuan/mt": a running average of the month's quotes, beside the week's price
        return "to date"
    if _LIMIT_PRICE.search(stripped[-40:]):
        # "the most-traded contract started near its limit-up price of 156,000 yuan/mt": the
        # exchange's daily limit, where a session may stop, not a quote
        return "intraday"
    if _OPEN_ENDED.match(trail) or _LOTS_BEYOND.search(stripped) or _SELLING_LINE.search(stripped):
        # "some small trading prices will appear about 41500 yuan / ton or more", "a small
        # amount of resources higher than 34000 yuan / ton", "the shipping price of less than
        # 40500 yuan / ton ... untenable": single lots and sellers' lines, not the market
        return "deal"
    if _AT_ITS_PEAK.match(trail):
        # "the SI2412 contract exceeding 13,200 yuan/mt at its peak during the week": where it
        # went, not where it stands
        return "intraday"
    if _EARLIER_MOVE.search(stripped[-40:]) and _ON_AN_EARLIER_DAY.match(trail):
        # "stands at RMB 2213 per tonne, after a decline of RMB 2 on May 28"; "up 100,000
        # yuan/mt from a week ago, following a rise of 150,000 yuan/mt last week"
        return "reference"
    if re.search(
        r"\b(?:dropped|fell|slid|declined|rose|climbed|rallied|rise|fall|drop|climb)\s+to\s+test\s*"
        r"(?:usd|us\$|\$|rmb)?$"
        # "Last night nickel price slumped, testing downward $11,700 per tonne"
        r"|\b(?:test(?:ing|ed|s)?|to\s+test)\s+(?:downward|upward|down|up)\s*(?:usd|us\$|\$|rmb)?$",
        stripped,
    ):
        return "technical"  # "LME zinc prices dropped to test USD 1,650/mt last week"
    if re.search(r"\bto\s+test\s*(?:usd|us\$|\$|rmb)?$", stripped) and _SUPPORT_AFTER.match(trail):
        return "technical"  # "It is expected to test 48000 yuan / ton support in the evening"
    if _WHEN_PRICES_WERE.search(stripped[-60:]):
        # "speculative buying will be attracted when prices were between RMB 75,000-76,000/mt":
        # a price something waits for, not the market's
        return "other"
    if FAILED_TO_HOLD.search(stripped[-110:]):
        # "As the SHFE 1805 contract failed to stay firm above 24,000 yuan/mt this morning":
        # a line it did not hold, not where it stands
        return "other"
    if _LAST_WEEK_THEN_MOVED.match(trail):
        # "prices of terbium oxide held stable at 3.4-3.45 million yuan/mt last week and gained
        # 10,000 yuan/mt on Monday December 2": the week's level, before today's move
        return "reference"
    if _IN_PART_OF_A_MONTH.match(trail) and _LOOKED_BACK.search(head):
        # "weak demand had knocked prices of dysprosium oxide to the lowest in about six months
        # at 1.5-1.53 million yuan/mt in early November": where the price stood then
        return "reference"
    if _futures(owner) and _BY_MIDDAY.search(head) and not CLOSE.mentioned(head + trail):
        # "By midday SHFE copper was up another RMB 500/mt or so": how far the session had gone
        # by noon, not the day's move
        return "intraday"
    if _AS_IT_MOVED.search(stripped[-40:]):
        # "With SHFE copper up nearly RMB 400/mt toward midday the premium stayed firm, and as it
        # soared RMB 1,000/mt spot supply got tighter": the futures' move in the session, told
        # as the reason for the spot market's
        return "intraday"
    if _SETTLE_BEFORE.search(stripped[-60:]):
        # "down RMB 60/mt from previous session's settle price of RMB 14130/mt": the price the
        # move is told against
        return "reference"
    if _CONSIDERED_THEN.search(head[-140:]):
        return "reference"  # "If we consider the price on August 16, which was US$2,089 ..."
    if _SO_FAR.search(head) and (
        re.match(r"^\s*(?:/\s*(?:mt|t)\s*)?(?:or\s+[^,;]{1,30}?\s+)?from\b", trail)
        or re.search(r"\bby\s*(?:us\$|\$|rmb)?\s*$|\bor\s*(?:us\$|\$|rmb)?\s*$", stripped)
    ):
        # "so far it has decreased by 1.42 per cent or US$31 per tonne from US$2,184 per tonne":
        # a move since a dated point, with no period a rule could compare
        return "reference"
    if (
        _TECHNICAL.search(head.rstrip()[-100:])
        or (
            (_TECHNICAL_AFTER.match(trail) or _LEVEL_OF.search(stripped))
            and _TRIED.search(stripped[-80:])
        )
        or _LEVEL_UNDER_PRESSURE.match(trail)
    ):
        return "technical"  # "met support at $2,100/mt", "struggled to break the $3,300/mt level"
    if re.search(
        r"\b(?:adjustments?|fluctuations?)(?:\s+[a-z]+){0,3}\s*$",
        stripped,
    ):
        return "other"  # "with price adjustments ranging from RMB 100-150 per tonne": no level
    if (
        # "Bidding prices reached or exceeded $700/mt": what buyers offered
        re.search(r"\bbid(?:ding)?\s+prices?\b", head)
        # a spot market's "offer price" ("in east China, the offer price was 8,250-8,350
        # yuan/mt") is how SMM quotes it; an exchange's is a bid or offer
        or (
            re.search(r"\boffer\s+prices?\b", head)
            and (owner.region in EXCHANGES or _futures(owner))
        )
    ) and not re.search(r"settlement", head):
        return "bid"
    if _told_of_a_bid(head):
        return "bid"  # "The 3-month bid rose by USD 2 per tonne ... to USD 2,677 per tonne"
    closed = _CLOSE_BEFORE.search(head[-60:]) is not None
    if (
        _futures(owner)
        and not closed
        and (_OPENED_SESSION_AT.search(stripped[-70:]) or _AFTER_THE_OPEN.match(trail))
    ):
        # "after opening Monday evening session at RMB 13,315/mt", "returned to RMB 13,590/mt
        # after opening Wednesday trading session": the session's open, not its close
        return "intraday"
    if (
        _futures(owner)
        and not closed
        and _ON_THE_WAY.search(stripped[-60:])
        and not _STARTED_THE_WEEK.search(stripped[-60:])
        and (
            _CLOSE_AHEAD.search(rest)
            or _CLOSE_AHEAD.search(trail)
            or _CLOSE_AHEAD.search(later)
            # "... it shook around 102800 yuan / ton, ... Shanghai nickel finally closed at"
            or _CLOSE_AHEAD.search(following[:200])
        )
    ):
        # "SHFE 1511 lead immediately dropped to RMB 13,250/mt after opening Monday evening
        # session at RMB 13,315/mt", "gapped lower at RMB 13,540/mt ... narrowly moved around RMB
        # 13,550/mt, to end at": where the contract went before the close the text goes on to
        return "intraday"
    if (
        _futures(owner)
        and not closed
        and (_MOVED_TO.search(stripped[-45:]) or _PRICES_SENT.search(stripped[-45:]))
        # (not a weekly review's "The LME aluminium cash contract started the week flat from
        # last week at US$1843.50": the week's first price, a figure as each day's is)
        and not _STARTED_THE_WEEK.search(stripped[-60:])
        and (
            _CLOSE_AHEAD.search(rest)
            or _CLOSE_AHEAD.search(later)  # "..., and fell to A. In the afternoon, ... closed at"
            # "prices stayed weak, mostly between $1,950/mt and $1,990/mt, and in the final
            # session LME lead probed down to $1,947/mt. As of 15:00 ..., it finally closed at"
            or _CLOSE_AHEAD.search(following[:200])
            # "Renni fell back steadily to 13180 US dollars / ton; Lunni then rebounded ...,
            # falling again to $13070 / ton": a level on the way to the next move told
            or _MOVED_AGAIN_AHEAD.search(following[:160])
            or _OVERNIGHT_AFTER.match(trail)
            or _SESSION_TIME.search(head[-120:])
            # "touched a high of 86,650, probed a low of 85,650, and edged up to 86,070 near
            # 11:30 a.m.": a waypoint at a time of day, no close
            or _AT_CLOCK_TIME.match(trail)
        )
    ):
        return "intraday"  # "gapped higher at 40,000, advanced to 41,110 before ending at 40,880"
    if (
        _futures(owner)
        and not closed
        and _MOVED_TO.search(stripped[-45:])
        and re.search(r"\b(?:started|opened)\s+(?:the\s+session\s+)?at\b", head)
    ):
        return "intraday"  # "It started at RMB 41,220/mt and slipped to RMB 40,840/mt"
    if (
        _futures(owner)
        and not closed
        and (_MOVED_TO.search(stripped[-45:]) or _MOVED_FROM_TO.search(head[-80:]))
        and _LATER_MOVE.search(head[-120:] + " " + rest[:60])
    ):
        # "SHFE 1601 aluminum sank to RMB 10,030/mt after opening at RMB 10,245/mt"; "fell to USD
        # 1,590/mt on Tuesday, but then bounced back": a move the session went on from
        return "intraday"
    if (
        quantity.is_range
        and quantity.high is not None
        and quantity.high < quantity.value
        and quantity.sign is None
    ):
        # "with the average prices ranging between US$2,366.50 and US$2,232 this month": where
        # the price went, from one day to another, not a quote's range
        return "other"
    if (
        _futures(owner)
        and not closed
        and re.search(r"\bto\s+(?:around|about)\s*$", stripped)
        # "... and SHFE copper prices to around 53,000/mt, a drop of 5.3% for the week": where
        # the week ended, told with the week's move
        and not _THE_WEEKS_MOVE.match(trail)
    ):
        return "intraday"  # "LME copper keeps falling, to around $9,700/mt": a quote, no close
    if _ONCE.search(stripped[-40:]) and _DURING_THE_PERIOD.match(trail):
        # "The average price of SMM #1 copper cathode once fell to 72,330 yuan/mt during the
        # month": how low it went, not where the month's average stood
        return "intraday"
    if _futures(owner) and (
        _ONCE.search(stripped[-40:])
        or (
            _SESSION_AFTER.match(trail)
            and not closed
            # (but "jumped USD 59/mt or 2.81% to USD 2,158/mt during overnight trading": a
            # morning review's whole LME day, its move told with it)
            and not (last_change is not None and _OVERNIGHT_TRADING.match(trail))
        )
        # "it hovered around the $34,000/mt mark" in the Asian session: no close
        or _HOVERED.search(stripped) is not None
        # "The SHFE copper 2501 contract hovered at 74,660 yuan/mt early and surged to test
        # 74,830 yuan/mt": where it sat before it moved on
        or (_HOVERED_AT.search(stripped) is not None and _MOVED_ON_AFTER.match(trail) is not None)
    ):
        return "intraday"  # "once rose by 300", "dipped to $1,948.5 in the European session"
    if (
        _futures(owner)
        and _IN_SESSION.search(head)
        and not (CLOSE.mentioned(head + trail) and CLOSE.search(head + trail))
    ):
        return "intraday"  # "copper prices in the futures night session surged to 80,000"
    if quantity.is_range and re.search(r"\bby\s*$", stripped):
        return "change"  # "Shanghai and Tianjin mostly by 200-250 yuan/mt": moves, several sellers'
    if quantity.is_range and re.search(r"\b(?:ranged?|ranging)\s+from\s*$", stripped):
        return "level" if not _futures(owner) else "intraday"
    if (
        quantity.is_range
        and _futures(owner)
        and _TRADED_IN_A_MORNING.search(stripped[-30:])
        and _A_MORNING_AFTER.match(trail)
    ):
        return "intraday"
    if quantity.is_range and _futures(owner) and not closed and _SESSION_RANGE.search(head[-150:]):
        # "the most-traded contract moving sideways within the range of 72,800-75,000 yuan/mt";
        # "rising from a range of 91,100-95,500 yuan/mt ... to 95,500-99,600 yuan/mt": where the
        # contract traded, not a close
        return "intraday"
    if _FROM_THE_OPEN.match(trail):
        # "closing up at 24,600 yuan/mt, an increase of 205 yuan/mt from the opening": a move
        # within the session, not against the previous close
        return "reference"
    if _futures(owner) and _AFTER_THE_OPEN.match(trail):
        # "It climbed to RMB 25,005 per tonne after the open before easing": a high on the way
        return "intraday"
    if (
        quantity.is_range
        and "scrap" not in owner.product
        and re.search(
            r"\b(?:fluctuat\w*(?:\s+rangebound)?|(?:remained|stayed|was|were|traded)\s+rangebound"
            # "kept moving rangebound between 19,630-19,670 yuan/mt this week"
            r"|(?:kept|keeps)\s+(?:moving|trading|fluctuating)\s+rangebound)"
            r"\s+between\s*$",
            stripped,
        )
        and _WEEK_SPAN.search(head + " " + trail[:60])
    ):
        # "This week, domestic primary aluminum spot prices remained fluctuating between
        # 20,020-20,200 yuan/mt", "... remained rangebound between 19,700-19,900 yuan/mt": the
        # span the daily quotes moved in, which the week's closing quote then gives (scrap,
        # quoted as a range every day, keeps its range)
        return "span"
    if (
        quantity.is_range
        and (
            _MOVED_WITHIN_A_RANGE.search(stripped)
            # "Over the week prices kept fluctuating within the 16,200-16,300 yuan/mt range"
            or (_MOVED_WITHIN_THE.search(stripped) and _RANGE_AFTER.match(trail))
        )
        and re.search(r"\bweek\b", head + " " + trail[:60])
    ):
        # "The benchmark aluminium price ... had an upbeat week, moving within a higher range of
        # US$ 2064- 2100 per tonne": where it went during the week
        return "span"
    if (
        quantity.is_range
        and _futures(owner)
        and re.search(
            r"\b(?:moved|fluctuated|hovered|traded)\s+(?:mostly\s+)?in\s+the\s*(?:rmb|\$)?\s*$",
            stripped,
        )
        and re.match(r"^\s*(?:/\s*mt\s*)?range\b", trail)
    ):
        # "It mostly moved in the RMB 14,485-14,500/mt range before finally closing at": the
        # session's range, not a quote
        return "intraday"
    if quantity.is_range and _futures(owner) and re.search(r"\branged\s*(?:rmb|\$)?\s*$", stripped):
        # "SHFE 1609 nickel started at RMB 69,120/mt overnight and ranged RMB 69,000-69,500/mt"
        return "intraday"
    if (
        _futures(owner)
        and not closed
        and _WAYPOINT.search(stripped[-40:])
        and _IN_THE_SESSION.search(head[-150:] + " " + trail[:80])
    ):
        # "SHFE copper briefly went above 78,100 early, fell back under 77,700 and climbed again
        # to test 78,200 before the morning close": waypoints of a session, no close
        return "intraday"
    if not closed and _BEFORE_IT_TURNED_TO.match(trail):
        # "copper prices surged over the weekend from 77,900 yuan/mt to 79,900 yuan/mt before
        # pulling back to 79,200 yuan/mt": a waypoint, the level it turned to is the quote
        return "intraday"
    if (
        _futures(owner)
        and not closed
        and _CENTER_MOVED.search(stripped[-70:])
        and (_CLOSE_LATER.search(rest) or _FINAL_CLOSE_LATER.search(following))
    ):
        # "Bulls added positions in European hours and lifted the center to $2,810/mt; in the
        # night session it ... closed at $2,814/mt": where the session's center stood on the way
        return "intraday"
    if not closed and _CENTER_AROUND.search(stripped[-110:]):
        # "the center of aluminum prices shifted slightly higher, fluctuating rangebound around
        # RMB 20,200 yuan/mt": where trade centred, in any market, never a quote
        return "intraday"
    if not closed and not quantity.is_range and _WENT_TO.search(stripped[-50:]):
        later_close = _CLOSE_LATER.search(rest)
        between = rest[: later_close.start()] if later_close is not None else ""
        told_on = later_close is not None and not re.search(r"\bwhile\b|\bwhereas\b|;", between)
        if later_close is None and _futures(owner):
            later_close = _FINAL_CLOSE_LATER.search(following)
            between = following[: later_close.start()] if later_close is not None else ""
            told_on = later_close is not None
            if told_on and owner.region == "LME" and _A_CONTRACT_NAMED.search(rest):
                between = rest  # (the contract named on the way: see below)
        if told_on and owner.region == "LME" and _A_CONTRACT_NAMED.search(between):
            # "LME copper then broke through USD 7,000/mt and ..., pushing the most active
            # contract all the way to RMB 51,090/mt": an LME line crossed, not a waypoint of
            # the SHFE contract whose close is told next
            told_on = False
        if told_on and not _another_product_named(between, owner):
            # "Tin climbed to USD 21,250/mt ..., then dropped fast to USD 20,500/mt when ..., and
            # pared some losses ... to close at USD 21,075/mt": where it went on the way to the
            # close the same sentence tells
            return "intraday"
    if (
        quantity.is_range
        and _futures(owner)
        and not closed
        and re.search(r"\b(?:contract's|price)\s+range\b", head[-100:])
    ):
        # "the most-traded contract's range moving from ... to 104,700-109,900 yuan/mt": where
        # the contract traded over the week, not a close
        return "intraday"
    if (
        quantity.is_range
        and _futures(owner)
        and not closed
        and re.search(
            # "then fluctuated considerably within the 155,600-165,000 yuan/mt range"
            r"\b(?:moved|moving|movement|fluctuated|fluctuating|traded|trading|hovered|oscillated"
            r"|consolidated|consolidating|sat|stayed|held)\s+"
            # ("pulled back to sideways movement within the 20,650-20,690 yuan/mt range")
            r"(?:[a-z]+ly\s+|sideways\s+)?(?:between|within)(?:\s+the)?\s*(?:rmb|\$)?\s*$"
            # "the most-traded continuous contract ... climbed, swinging around 8,050-8,450
            # yuan/mt in the week"
            # (and "fluctuated considerably around 7,300-7,550", "fluctuated rangebound near
            # 8,600-8,800", "moved sideways near 8,800-8,900 yuan/mt")
            r"|\b(?:swing|swinging|swung|oscillating|oscillated|fluctuating|fluctuated|moved"
            r"|moving|hovered|hovering)\s+(?:mainly\s+|mostly\s+|[a-z]+ly\s+|rangebound\s+"
            r"|sideways\s+)?(?:around|near)\s*(?:rmb|\$)?\s*$",
            stripped,
        )
    ):
        return "intraday"  # "SHFE copper moved between 79,700-79,790 yuan/mt early": its span
    if _MOVING_AVERAGE_LEVEL.search(head.rstrip()[-40:]) and "moving average" in rest:
        # "The 5-day (around 22,180 yuan/mt), 10-day (around 22,030 yuan/mt) and 20-day moving
        # averages stood in a bullish alignment": lines on the chart
        return "technical"
    if _futures(owner) and _DAY_CLOSE_BEFORE_THE_NIGHTS.match(rest):
        # "closed at 12875 yuan / ton during the day, and rose slightly in the night market to
        # close at 12955 yuan / ton": the day session's close, which the night's replaced
        return "intraday"
    if _futures(owner) and _BEFORE_THE_CLOSE.match(trail):
        # "trading around 17,250 yuan/mt before finally closing at 17,230 yuan/mt": a waypoint
        return "intraday"
    if _bound(stripped) is not None and _CLOSE_FOLLOWS.match(trail):
        return "reference"  # "fell below 8,000 yuan/mt, closing at 7,880": the line, then the close
    if (
        _OFFERS_MOVED.search(stripped[-80:])
        # (not a size group's quote moved to its new level: "large secondary aluminum
        # enterprises raised their quotes by 100 yuan/mt to 20,800-21,000 yuan/mt")
        and not ("enterprises)" in owner.product and _TO_THE_LEVEL.match(trail))
    ) or _FROM_LAST_DEAL.match(trail):
        return "deal"  # "suppliers raising their quotes to downstream users by about 100"
    if re.search(
        r"\b(?:most\s+(?:deals|transactions)|(?:deals|transactions)\s+were\s+mostly)\b[^.;]{0,40}"
        r"\bat\s*$",
        stripped,
    ):
        return "level"  # "Most transactions in Shanghai were heard at 14,540-14,550": the market's
    if re.search(r"\(\s*[~≈]\s*$", stripped) or _POST_TAX.search(stripped):
        # "111,686 yuan per ton (~15,468.98 USD/ton)"; "its post-tax price is approximately
        # 82,524 yuan/mt": a conversion of a price already read
        return "other"
    if re.match(
        r"^\s*(?:/\s*mt\s*)?(?:over|above|below|under)\s+the\s+(?:smm\s+)?average\s+price", trail
    ):
        return "other"  # "about 20/30 yuan/mt over the average price": relative to a benchmark
    if re.search(r"\bdaily\s+average(?:\s+line)?\s+(?:of|at)\s*(?:rmb|\$)?\s*$", stripped):
        return "intraday"  # "aluminium steadied near its daily average of 20,800 yuan/mt"
    if re.search(r"\bparity\s+to(?:\s+(?:around|about))?\s*(?:rmb|\$)?\s*$", stripped):
        return "deal"  # "the market traded SMM A00 at parity to around 10 yuan/mt"
    if re.search(r"\boffering\b[^.;]{0,80}\bat\s*$", head[-120:]):
        return "deal"  # "Smelters are heard offering 2026 long-term contract prices ... at 260"
    if (
        _DEAL_LEAD.search(stripped[-60:])
        and not re.search(r"\bprices?\b", stripped[-60:])
        # "Spot deals mostly occurred at 13,340-13,360 yuan/mt in Shanghai": where the market
        # traded, its price
        and not _MOSTLY_DEALT.search(stripped[-60:])
        # "#1 zinc ingot transactions around 21,760 to 22,020 yuan/mt": where a grade traded in
        # the market the report covers, that grade's price
        and not _GRADE_DEALT.search(head.rstrip()[-60:])
        # "terbium oxide offers were further reduced to 6.02-6.06 million yuan/mt": the
        # product's quote in a rare earth review, not one seller's
        and not _PRODUCT_OFFERS_MOVED.search(stripped[-60:])
        # "304 off-cuts prices in east China were largely steady, with the latest offer around
        # 9,750 yuan/mt": where the product's quoted price now stands
        and not (_LATEST_QUOTE.search(stripped) and re.search(r"\bprices?\b", head[-160:]))
    ):
        return "deal"  # "morning deals clustered at 16,600"; "some lifting offers to 16,700"
    if _EXTREME.search(stripped[-40:]) or _EXTREME_DEALS.search(stripped[-90:]):
        return "intraday"  # "The highest price was 257,880 yuan/mt, and the lowest was ..."
    if re.search(r"\bwithin\s*$", stripped) and re.match(r"^\s*(?:/\s*mt\s*)?of\b", trail):
        return "other"  # "moved within 100 yuan of the daily average line"
    if re.search(r"\bwithin\s+an?\s*$", stripped) and re.match(
        r"^\s*(?:/\s*mt\s+|per\s+tonne\s+)?(?:range|band)\b", trail
    ):
        return "other"  # "prices fluctuating within a 100-200 yuan range": how wide they swung
    if re.search(
        r"\b(?:offers?|quotes?|quotations?)\b[^.;]{0,80}\bas\s+low\s+as\s*(?:rmb|\$)?\s*$", stripped
    ):
        # "Ex-factory offers of sulphuric acid in Hubei, Hunan, Jiangxi and Anhui were as low as
        # 0 yuan/mt": the lowest offers heard, as "some #1 lead quoted as low as" is
        return "deal"
    if re.search(r"\bas\s+much\s+as\s*(?:rmb|\$)?\s*$", stripped):
        return "other"  # "some regions moving as much as RMB 300 per tonne in a day": a ceiling
    if _SINCE_THE_START.match(trail) and not re.search(r"\bto\s*(?:rmb|us\$|\$)?\s*$", stripped):
        # "up 56000 yuan / ton from mid-July": since a dated point, no basis (but "up by 2,000
        # yuan per tonne to 17,625 yuan per tonne from the lowest level at 15,550": the level)
        return "reference"
    if re.search(
        r"\b(?:matching|corresponding|implied|equivalent)\s+(?:[a-z]+\s+){0,3}prices?\b",
        head[-100:],
    ):
        return "other"  # "the matching lithium price would exceed 200000 yuan": a calculation
    if (
        re.search(
            # (but "the mainstream transaction prices of DMC in China fell to around 10,700 yuan/mt"
            # is the market's)
            r"(?<!mainstream\s)\b(?:actual\s+)?transaction\s+prices?\b"
            # (and "the transaction price for conventional models reaching 350,000 yuan/mt" is the
            # market's price of that grade)
            r"(?!\s+for\s+[^.;]{0,30}?\b(?:models?|products?|grades?)\b)[^.;]{0,40}?"
            # ("with actual transaction prices still below $2,200/mt": where deals stayed)
            r"\b(?:reaching|reached|at|to|around|(?:still\s+)?(?:below|under))\s*$"
            # "resulting in spot transactions at 16,800-16,900 yuan/mt": where the deals were done
            r"|\b(?:spot|actual)\s+transactions\s+at\s*(?:rmb|\$)?\s*$",
            stripped,
        )
        and (
            not quantity.is_range
            or "transactions" in stripped[-30:]
            # "with some spot transaction prices pulling back to 16,800-16,900 yuan/mt": a few deals
            or re.search(r"\bsome\s+(?:spot\s+)?transaction\s+prices?\b", stripped[-80:])
            is not None
        )
    ):
        # "transaction prices followed suit, reaching 16,700 yuan/mt"; "today's market
        # transaction price was reported at 16,250 yuan/mt": one price deals were done at,
        # beside the quoted range ("transaction prices in the Fugu region reaching
        # 16,300-16,400 yuan/mt" is the market's range)
        return "deal"
    if (
        re.search(
            r"(?<!level\s)(?<!levels\s)(?<!price\s)\bbefore\s+the\s+(?:holiday|festival)\b",
            head[-120:],
        )
        and not re.search(r"\b(?:will|expected|likely|may|could)\b", head[-120:])
        # (but a contract's last close before the holiday, "... before the holiday, ...
        # closing at 322,920 yuan/mt", is where it stands)
        and not (_futures(owner) and _CLOSE_BEFORE.search(stripped[-40:]))
    ):
        # a weekly after a holiday: "before the holiday copper prices broke through the high
        # level of 83,000 yuan/mt" is the week before's news
        return "reference"
    if re.search(r"\b(?:price\s+)?(?:floor|ceiling|bottom\s+line)\s+of\s*$", stripped):
        return "other"  # "most smelters kept to a price floor of 190,000 yuan/mt": sellers' line
    if re.search(r"\bthe\s+bottom\s+(?:price\s+)?(?:at|of)\s*$", stripped):
        # "with a generally conservative perspective of the bottom price at RMB 10,000/mt":
        # where a survey's respondents think prices will stop falling, a view and not a price
        return "other"
    if re.search(
        r"\b(?:towards?|approach(?:es|ed|ing)?|near(?:ed|ing|s)?)(?:\s+the)?\s*$", stripped
    ) and not re.search(
        # "market transactions holding near 50,000-52,000 yuan/mt": where deals stayed
        r"\b(?:holding|held|hovering|hovered|staying|stayed)\s+near\s*$",
        stripped,
    ):
        return "other"  # "SHFE lead rose towards the 17,000 yuan/mt threshold": not reached
    if re.search(
        r"\b(?:tried|tries|trying|attempted|attempts|attempting)\s+(?:for|to\s+(?:reach|break"
        r"|hit|touch|test|top|clear)(?:\s+(?:through|above|below))?)(?:\s+the)?\s*"
        r"(?:rmb|usd|us\$|\$)?\s*$",
        stripped,
    ):
        return "other"  # "LME lead tried for the $2,000/mt mark but failed": a line it aimed at
    moved_up_to = re.search(
        r"\b(?:move|moved|moving|go|goes|went|rise|rose|climb|climbed|edge|edged)\s+up\s+to\s*$"
        # "pushing prices up to 50,000-55,000 yuan/mt": where they were pushed, not a ceiling
        r"|\b(?:push(?:ed|ing)?|drive|drove|driving|lift(?:ed|ing)?|sen[dt](?:ing)?)\s+"
        r"(?:[a-z-]+\s+){0,2}up\s+to\s*$"
        # a survey camp's "with LME lead up to USD 2,000-2,050/mt": where it sees the price go
        r"|\bwith\s+(?:lme|shfe|spot)\s+(?:[a-z0-9]+\s+){0,2}?(?:copper|zinc|lead|nickel|tin"
        r"|alumini?um)(?:\s+prices?)?\s+up\s+to\s*$",
        stripped,
    )
    if _MOVED_BEYOND.search(stripped):
        return "other"  # "Traded prices were down more than 30 yuan/mt": no amount to carry
    if (re.search(r"\bup\s+to\s*$", stripped) and not moved_up_to) or re.match(
        r"^\s*(?:/mt\s*)?(?:(?:above|below)\s+the\s+(?:market|current|spot)|(?:cheaper|dearer)\s+than)\b",
        trail,
    ):
        return "other"  # "by up to RMB 200": a ceiling; "200-300 yuan/mt above the market price"
    if re.search(r"\b(?:versus|vs\.?|while|whereas)\s*$", stripped) and (
        _in_a_place(trail)
        or re.match(r"^\s*(?:/\s*mt\s*)?for\s+(?![^.;,]{0,30}\bbrands?\b)[a-z-]+\s+[a-z]+\b", trail)
    ):
        # "2,860-3,000 yuan/mt in north China, versus 2,800-2,900 yuan/mt in south China";
        # "..., versus RMB 39,060-39,260/mt for standard-quality copper": another market's or
        # grade's price, not a value compared with
        return "level"
    if (
        _REFERENCE.search(stripped[-34:])
        # "Since the beginning of the year, ... has increased by 223,000", but not "tin, breaking
        # out of the range it had held since late February, grew 1.95% to 150,320": an aside
        # between commas is not the number's
        or (
            (_SINCE_DATE.search(head.split(",")[0]) or _SINCE_DATE.search(head.split(",")[-1]))
            # ... but "in decline since early August, falling from RMB 3,500/t to RMB 3,100/t":
            # where the fall since then has brought the price, its level now
            and not _FROM_A_TO.search(head.rstrip()[-60:])
        )
        or _WHEN_WAS.search(stripped[-60:])
        # "After two days of decline from A to B, the price rose to C": B is past.
        or re.match(r"^\s*after\b(?:(?!,\s)[^;])*$", head) is not None
    ):
        return "reference"  # "from 13,610"; "since the beginning of the year, up 223,000"
    if re.search(
        r"\bafter\s+(?:(?:two|three|four|five|several|\d+)\s+)?(?:consecutive\s+)?(?:trading\s+)?"
        r"(?:days?|sessions?|weeks?)\s+of\s*$",
        stripped,
    ):
        return "reference"  # "after two trading days of 30,000 yuan gains, rose again to ..."
    if last_change is not None and re.match(r"^\s*,?\s*\(?\s*or\s*$", own_lead):
        return "change"  # "down 0.27 per cent or RMB 50 per tonne", "down 0.95%, or 52 points"
    if last_change is not None and re.search(r"\band\s*$", own_lead) and _AGO.match(trail):
        return "change"  # "up 17 yuan/mt from a week ago and 163 yuan/mt from a month ago"
    if quantity.sign is not None and not quantity.is_range and stripped.endswith("("):
        return "change"  # "2,860-2,960 yuan/mt in Shandong (+35 yuan/mt)"
    if _AVERAGE.search(stripped[-40:]):
        return "average"
    if _CHANGE_NOUN.search(stripped[-40:]) or _NOUN_AFTER.match(trail):
        return "change"  # "an increase of 70"; "showing only a 200 yuan/mt increase"
    if re.search(
        r"\bby(?:\s+(?:about|around|nearly|some|approximately|roughly))?\s*$", stripped
    ) and (direction(tail_of(stripped, 70)) not in {None, 0}):
        if _futures(owner) and _OPEN_BY.search(stripped[-30:]):
            return "intraday"  # "opened up by RMB 620/mt at RMB 56,220/mt": the open's gap
        return "change"  # "has slipped over the weekend by RMB 30 per tonne"
    if re.match(
        # (also "finished RMB 440/mt or 0.81% higher at RMB 54,480/mt")
        r"^\s*(?:/\s*(?:mt|t)\s*)?(?:or\s+[\d.]+\s*(?:%|per\s*cent)\s+)?(?:higher|lower)\s+(?:than|at)\b",
        trail,
    ):
        if _AFTER_AN_OPENING.search(head) or _OPEN_BY.search(stripped[-30:]):
            # "it opened at 267,800 yuan/mt, 340 yuan lower than the settlement price of the
            # previous trading day", "helped SHFE 1307 copper contract open RMB 140/mt higher at
            # RMB 54,180/mt": where the opening stood, not the day's move
            return "intraday"
        return "change"  # "closed RMB 60/mt higher at RMB 40,880/mt"
    if re.match(
        # (also "stands USD 14 per tonne or 4.91 per cent higher on Thursday")
        r"^\s*(?:/\s*(?:mt|t)\s*)?(?:or\s+[\d.]+\s*(?:%|per\s*cent)\s+)?(?:higher|lower)\s+"
        r"(?:on|today|yesterday)\b",
        trail,
    ):
        return "change"  # "Australian alumina FOB price stands USD 3 per tonne lower on Friday"
    if re.search(
        r"\bwith\s+(?:the\s+)?(?:futures|prices?|[a-z]+\s+prices?)\s+(?:high|low|firm|steady)\s+"
        r"(?:around|near|at|above|below)\s*$",
        stripped,
    ):
        return "reference"  # "With prices high around 20,800 yuan/mt, users picked up slowly"
    if re.search(
        r"(?:^|\bbut)\s*(?:the\s+)?[a-z]+(?:\s+prices?)?\s+(?:climbing|rising|surging|falling|dropping)"
        r"\s+to\s+(?:nearly|around|about|near)?\s*$",
        stripped,
    ):
        return "reference"  # "but copper climbing to nearly 86,000 yuan/mt put buyers off"
    if _bound(stripped) is not None:
        if re.search(
            r"\bwith\s+(?:the\s+)?(?:futures|prices?|[a-z]+\s+prices?)\s+(?:above|below)\s*$",
            stripped,
        ):
            return "reference"  # "With futures above 78,000 yuan/mt, buyers held back"
        if re.search(
            r"\bas\s+(?:[a-z-]+\s+){0,3}prices?\s+(?:rose|climbed|fell|dropped)\s+"
            r"(?:above|below|past|under)\s*$",
            stripped,
        ) and _GAVE_WAY.search(rest):
            # "as Pr-Nd oxide prices rose above 580,000 yuan/mt, alloy plants took fewer orders
            # and prices gave way again": a line crossed on the way back, not where it stands
            return "reference"
        if (
            _futures(owner)
            # ("LME copper then broke through USD 7,000/mt and ..., pushing the most active
            # contract all the way to ...": the LME's line, crossed in an SHFE contract's day)
            and not (owner.region == "LME" and _A_CONTRACT_NAMED.search(rest[:120]))
            and (
                _session_told(head) == "intraday"
                or (INTRADAY.mentioned(rest) and INTRADAY.search(rest) is not None)
                or (re.search(r"\bthen\b", head[-60:]) and not closed)
                # "... and dropped below RMB 69,000/mt as shorts grew. The contract fell further
                # before ending at RMB 68,050/mt": a line crossed before the close told next
                or (not closed and _CLOSE_AHEAD.search(following[:160]) is not None)
                # "pulled back below 140,000 yuan/mt early before rallying again, closing the
                # morning session at 141,910 yuan/mt": crossed on the way to the close told on
                or (not closed and _CLOSE_LATER.search(rest) is not None)
                or (_SESSION_TIME.search(head) and not _CLOSE_BEFORE.search(head + rest))
            )
        ):
            # "opened at $2,022/mt and climbed, breaking through $2,040"; "climbed above
            # 17,700 yuan/mt, with the intraday high reaching 17,760": lines crossed in a session.
            return "intraday"
        return "level"  # "fell below 72,000 yuan/mt": a level and the line it crossed
    if _TEST_AHEAD.search(stripped[-40:]) and _LOOKS_AHEAD.search(head):
        # "SHFE zinc prices should fall and test RMB 14,500/mt", "LME copper prices are expected
        # to rise and test $4,795 per tonne next week": the level the forecast names (a past
        # "dropped to test USD 1,650/mt" is a line the chart met)
        return "level"
    if _futures(owner) and _TO_HIGHS_AROUND.search(stripped[-40:]):
        # "Longs loading up lifted the most-liquid SHFE November contract to highs around
        # 137,200 yuan/mt": how high it went
        return "intraday"
    if _futures(owner) and _AT_ONE_POINT.match(trail):
        # "took LME copper prices down to the $9,200/mt mark at one point": how low it went
        return "intraday"
    if _futures(owner) and _DURING_WHICH.search(head):
        # "This month, Shanghai Nickel fell below the 120000 mark, during which time it
        # approached 110000 yuan, falling to 110420 yuan per ton": how low it went meanwhile
        return "intraday"
    if (
        _futures(owner)
        and _HIGHEST_SINCE_AT.search(head.rstrip()[-50:])
        and (_CLOSE_AHEAD.search(trail) or _CLOSE_AHEAD.search(rest))
    ):
        # "surged to its highest since 2013 at $8,028/mt on last Friday, before paring some
        # gains to end 0.71% higher at $7,995.5/mt": the session's peak before its close
        return "intraday"
    if _futures(owner) and _HIGH_AND_LOW_AT.search(head[-110:]):
        # "after hitting the highest and lowest levels at $9,880/mt and $9,786.5/mt
        # respectively": the session's extremes, both of them
        return "intraday"
    if _futures(owner) and _UP_TO_HIT.search(stripped[-40:]):
        # "... but then followed LME copper price up to hit RMB 46,500/mt": how high it went
        return "intraday"
    if _OFF_BY.search(stripped):
        return "change"  # "finally closed down at $3,051/mt, off $3.5/mt, or 0.11%": the fall
    bare = re.sub(
        rf"(?:\b(?:by|slightly|sharply|another|further|over|{_MOVE_SIZE_WORDS}"
        r"|only|just|cumulatively|significantly)\s*)+$",
        "",
        stripped,
    )
    if direction(tail_of(bare, 14)) is not None and not re.search(
        r"(?:\bto(?:\s+the)?|\bat|\brange\s+of)\s*$",
        bare,  # "fall to the RMB 135,500-138,000/mt band"
    ):
        return "change"
    if (
        _futures(owner)
        and (told_after := _CLOSE_TOLD_AFTER.match(trail)) is not None
        # (not "fluctuated upward to a high of 86,230 yuan/mt by the close, and finally settled
        # at 86,180 yuan/mt": the session's high, near its close)
        and not _AN_EXTREME_OF.search(stripped[-30:])
        and not _CLOSE_AHEAD.search(trail[told_after.end() :])
    ):
        # "... then rebounded to a high of RMB 23,550 per tonne, before pulling back to RMB
        # 23,425 per tonne by the close, up RMB 45 per tonne": the close, its verb after it
        return "level"
    if _futures(owner) and (told := _session_told(head)) is not None:
        return told
    if not _futures(owner) and _BROKE_TO_HIGH.search(head[-90:]):
        return "level"  # "Its average price broke through $5,000/mt to a high of $5,030/mt"
    if (
        not _futures(owner)
        and _MOVED_TO_EXTREME.search(stripped[-50:])
        and not re.search(r"\d", trail[:80].split(".")[0])
    ):
        # "DMC dropped to a low of 18,800 yuan/mt last Friday": where a spot product's price
        # went and stayed (no later level in the sentence), not a session's low
        return "level"
    if _SESSION.search(stripped[-34:]) and not _CLOSED_AT_ITS_HIGH.search(stripped[-50:]):
        return "intraday"
    return "level"  # ... "The most active contract ended at a session high of RMB 13,115/mt"


# "... a 14 per cent hike in both provinces", "... a 3% rise in Shandong": where the move was
_MOVE_TOLD_IN = re.compile(
    r"^\W*(?:(?:hike|rise|increase|gain|jump|surge|drop|fall|decline|decrease|dip|slump)\s+)?"
    r"in\s+(?:(?P<both>both\s+(?:the\s+)?(?:provinces|regions|ports|places|markets|cities|areas))"
    r"|(?P<place>[a-z]+(?:\s+[a-z]+)?))\b"
)


def _places_of_the_move(trail: str, context: Context) -> list[str]:
    """The places a move in % is told of after its amount; "both provinces" are the two the
    paragraph named before."""
    told = _MOVE_TOLD_IN.match(trail)
    if told is None:
        return []
    if told.group("place"):
        return [region for *_, region in names.regions(told.group("place"))][:1]
    for earlier in reversed(context.paragraph_before):
        listed = names.listed_regions(earlier)
        if len(listed) == 2:
            return listed
    return []


_CLIMBING_IN_THE_WEEK = re.compile(
    r"\b(?:climbing|rising|surging|jumping|falling|dropping|sliding|slumping)\s+to\s*"
    r"(?:rmb|usd|us\$|\$)?\s*\|\s*(?:yuan\s*)?(?:/\s*mt\s*)?(?:during|over|in)\s+(?:the|this)\s+week"
    # ... the phrase the subject of a verb after it (not "holmium oxide prices falling to
    # 550,000-560,000 yuan/mt during the week, and ...", where the price went and stayed)
    r"\s+(?!and\b|but\b|while\b)[a-z]"
)

_MOVED_WITHIN_A_RANGE = re.compile(
    r"\b(?:moved|moving|fluctuated|fluctuating|traded|trading|hovered|hovering)\s+within\s+"
    r"(?:a|the)\s+(?:[a-z]+\s+)?range\s+of\s*(?:us\$|\$|rmb|usd)?\s*$"
)

_MOVED_WITHIN_THE = re.compile(
    r"\b(?:moved|moving|fluctuated|fluctuating|traded|trading|hovered|hovering)\s+within\s+the"
    r"\s*(?:us\$|\$|rmb|usd)?\s*$"
)
_RANGE_AFTER = re.compile(r"\s*range\b")

_STARTED_THE_WEEK = re.compile(r"\bstart(?:ed|s)\s+the\s+week\b")

_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri)day"
_SWING_BY_DAY = re.compile(
    r"\b(?:jumped|rose|surged|climbed|soared|rallied|fell|dropped|slid|slumped|tumbled)\s+"
    rf"(?:back\s+)?to\s*(?:us\$|\$|usd|rmb)?\s*[\d,.]+[^.;]{{0,60}}?\bon\s+{_WEEKDAY}\b"
    # (the span may hold a dated month, "from about $3300 on Feb. 23 and ...")
    r"(?:[^.;]|\.(?=\s*\d))*?"
    r"\b(?:fell|dropped|slid|slumped|tumbled|rose|jumped|climbed|rebounded|bounced)\s+(?:back\s+)?"
    rf"to\s*(?:us\$|\$|usd|rmb)?\s*[\d,.]+[^.;]{{0,20}}?\bon\s+{_WEEKDAY}\b"
)

_RANGE_END_BEFORE = re.compile(r"\b(?:high|low)[\s-]$")


def _session_told(head: str) -> str | None:
    """A futures session told in full: only the close counts ("opened at 19,500 ..., closed at
    19,620 yuan/mt"). None when the head tells no session."""
    if not (INTRADAY.mentioned(head) and INTRADAY.search(head) is not None):
        return None
    closes = [
        close
        for close in (CLOSE.pattern.finditer(head) if CLOSE.mentioned(head) else ())
        # "with the high end at USD 17,361/mt": the top of the session's range, no close
        if not _RANGE_END_BEFORE.search(head[: close.start()])
    ]
    if not closes:
        return "intraday"
    after = head[closes[-1].end() :]
    if _CLOSED_AT_ITS_EXTREME.match(after):
        return "level"  # "eventually closing at a high of 16,895 yuan/mt, up 0.12%": the close
    if INTRADAY.mentioned(after) and INTRADAY.search(after):
        return "intraday"
    return "level"


# "..., and the average price in January was up 10% MoM from the previous month": a month's
# average told after a day's quote in the same sentence
_A_MONTHS_AVERAGE_AFTER = re.compile(
    rf"[,;]\s*(?:and|while|with)\s+(?:the\s+)?(?:monthly\s+)?average\s+(?:price\s+)?(?:in|for)\s+"
    rf"(?:{_MONTHS})\b"
)

_SINCE_AN_EARLIER_MOVE = re.compile(
    r"\b(?:since|after)\s+the\s+(?:last|previous|latest)\s+"
    r"(?:hike|rise|increase|gain|jump|drop|fall|cut|decline|dip)\s+of\b"
)
# the characters before an amount that may hold "since the last hike of ... from A to B"
_EARLIER_MOVE_WINDOW = 120

_AN_EXTREME_OF = re.compile(r"\b(?:high|low|peak|bottom)\s+of\s*(?:rmb|usd|us\$|\$)?\s*$")
_CLOSE_TOLD_AFTER = re.compile(r"\s*(?:per\s+tonne\s+|/mt\s+)?(?:by|at)\s+the\s+close\b(?!\s+of)")

_LME_AS_REASON = re.compile(
    r"\b(?:with|as|amid)\s+lme\s+[a-z]+\s+(?:lower|higher|falling|rising|down|up|weaker|stronger)\b"
)
_CLOSED_AT_ITS_EXTREME = re.compile(
    r"^\s*(?:at\s+)?(?:an?|the)\s+(?:session\s+|intraday\s+|daily\s+|day's\s+)?(?:high|low)\s+of"
    r"\s*(?:rmb|usd|us\$|\$)?\s*$"
)


def _in_currency(owner: _Owner, quantity: Quantity) -> _Owner:
    """An LME price is in dollars and an SHFE one in yuan: an "it" priced in the other currency
    is the metal's other exchange ("... LME zinc at $3,260-3,310/mt. ... It will trade at
    24,900-25,350 yuan/mt today")."""
    if quantity.kind is not Kind.MONEY:
        return owner
    if owner.region == "LME" and quantity.unit == "CNY/t":
        return _Owner(owner.product, "SHFE")
    if owner.region == "SHFE" and quantity.unit == "USD/t":
        return _Owner(owner.product, "LME")
    return owner


def _inherited(last: _Owner, head: str) -> _Owner:
    """The owner a clause takes from the clause before it: the same series, but the spot
    market when it says so ("SHFE nickel will trade at ..., with spot prices at ...")."""
    if re.search(r"\bimport(?:ed)?\s+spot\s+prices?\b", head) and "imported" not in last.product:
        # "the CIF quotes for imported ADC12 rose to $2,430-2,470/mt, while the import spot
        # prices remained around 19,200 yuan/mt": imported metal's price at home, in yuan
        return _Owner(_with_qualifier(last.product, "imported"), "China")
    if last.region in _VENUES and re.search(r"\bspot\b", head):
        return _Owner(last.product, "China")
    return last


def _another_product_named(text: str, owner: _Owner) -> bool:
    """Whether text names a product of another metal than the owner's (the close told after a
    waypoint is then perhaps not the owner's)."""
    base = names.base_metal(owner.product)
    return any(names.base_metal(product) != base for *_, product in names.known_products(text))


def _futures(owner: _Owner) -> bool:
    """A contract traded in sessions (not a benchmark the exchange publishes once a day, like
    the LME's Asian reference price)."""
    return owner.region in EXCHANGES and "asian reference" not in owner.product


# "large secondary aluminium plants kept their quotes firm at ...", "medium and small plants
# held steady at ...": the quotes of one size of producer, a series of its own (not the buyers
# of "dysprosium oxide edged up on steady buying by large enterprises").
_PLANT_SIZE = re.compile(
    r"(?<!\bby\s)\b(?P<size>large(?:-sized|-scale)?|medium(?:-sized)?(?:\s+and\s+small(?:-sized)?)?"
    r"|small(?:-sized)?(?:\s+and\s+medium(?:-sized)?)?)\s+(?:[a-z-]+\s+){0,3}?"
    # ("..., while those from small and medium-sized ones were up 900 yuan/mt")
    r"(?:plants|enterprises|smelters|factories|producers|firms|ones)\b"
)

_PLACE_MOVED = re.compile(
    r"(?:^|[:,;]\s*)(?:and\s+)?(?P<place>[a-z]+(?:\s+and\s+[a-z]+)*(?:\s+china)?)\s+"
    r"(?:raised|lifted|cut|lowered|increased|reduced|followed)\b"
)

_SIZED = re.compile(r" \((?:large|medium and small|medium|small) enterprises\)$")


_BOTH_UP_BY = re.compile(
    r"\bboth\s+(?:up|down|higher|lower|rising|falling)\s+(?:by\s+)?(?:around\s+|about\s+|nearly\s+)?"
    r"(?:rmb|us\$|\$)?\s*$"
)


def _levels_told_in(drafts: dict[tuple[object, ...], Draft], sentence: Sentence) -> list[Draft]:
    """The prices a sentence has given levels for so far, in the order it told them."""
    return [
        draft
        for draft in drafts.values()
        if draft.sentence is sentence and (draft.value is not None or draft.low is not None)
    ]


_GRADE_ALONE = re.compile(
    r"\b(?P<grade>battery|industrial)-grade\s+(?:average\s+)?(?:prices?|quotes?|quotations?)\b"
)
_LITHIUM_SALT_GRADES = ("(battery-grade)", "(industrial-grade)")


def _owner(
    whole: str,
    clause: Clause,
    quantity: Quantity,
    context: Context,
    last: _Owner | None,
) -> _Owner | None:
    owner = _owner_as_written(whole, clause, quantity, context, last)
    if owner is None:
        return None
    if owner.region in {"SHFE", "GFEX"} and owner.product in _TRADED_AS:
        # "the settlement price for the LC2601 contract", "the main 2407 futures contract falling
        # by 3.63%": lithium trades as its carbonate
        owner = _Owner(_TRADED_AS[owner.product], "GFEX")
    owner = _kind_not_carried(whole, clause, quantity, owner)
    # "No.2 low-bismuth ingot at 180,500 yuan/mt, No.1 ingot at 186,500 yuan/mt", "157,000
    # yuan/mt for 99.8%": grades of the product named before, each its own series
    trailing = _FOR_GRADE.match(whole, quantity.end)
    grades = (
        # (titanium dioxide's "chlorination process" is its chloride process)
        [trailing.group(1).replace("chlorination", "chloride")]
        if trailing
        else names.bare_grades(whole[clause.start : quantity.start])
    )
    if grades:
        owner = _Owner(names.graded_anew(owner.product, grades), owner.region)
    since_comma = whole[clause.start : quantity.start]
    grade_alone = _GRADE_ALONE.search(re.split(r",\s", since_comma)[-1])
    if grade_alone is not None and owner.product.endswith(_LITHIUM_SALT_GRADES):
        # "..., and the average industrial-grade price from 58,650 yuan/mt to 59,050 yuan/mt":
        # the other grade of the salt just named
        base = owner.product.rsplit(" (", 1)[0]
        owner = _Owner(f"{base} ({grade_alone.group('grade')}-grade)", owner.region)
    sentence_head = whole[: quantity.start]
    if (
        owner.region in {"SHFE", "ZCE", "GFEX", "INE"}
        and re.match(r"^\s*spot\b", without_dateline(sentence_head))
        and not FUTURES.search(sentence_head)
    ):
        # "Spot 75 ferrosilicon is tight and ... rose to 6,100-6,200 yuan/mt": the spot market's,
        # not the exchange named in the sentence before
        owner = _Owner(owner.product, "China")
    own_clause = whole[clause.start : quantity.start]
    own_clause = own_clause[own_clause.rfind(",") + 1 :]
    if (
        owner.region == "SHFE"
        and _SPOT_METAL.search(own_clause)
        and "shfe" not in own_clause
        and not FUTURES.search(own_clause)
    ):
        # "SHFE 1306 gained for a tenth straight day, pushing spot aluminum up to RMB
        # 14,950/mt": the spot price the contract moved, in the paragraph's market
        owner = _Owner(owner.product, context.paragraph_place or "China")
    if (
        owner.region == "LME"
        and quantity.unit == "CNY/t"
        and ("shfe" in sentence_head or _THE_CONTRACT.search(sentence_head))
    ):
        # "The most-traded SHFE lead contract ..., but with LME lead dragging, it closed at
        # 17,230 yuan/mt": the LME trades in dollars; a yuan close is the SHFE contract's (and
        # so is "The contract then bounced with LME copper ..., to end at RMB 41,070/mt, down
        # RMB 60/mt" after an SHFE contract's open)
        owner = _Owner(owner.product, "SHFE")
    origin = _FROM_ORIGIN.search(whole[clause.start : quantity.start])
    if origin is not None:
        # "The quoted price for high-carbon ferrochrome from South Africa was ..., and from
        # Kazakhstan, it was ...": imports by origin, quoted at home
        owner = _Owner(names.from_origin(owner.product, origin.group(1)), "China")
    elif (named_origin := _ORIGINS_PRODUCT.search(whole[clause.start : quantity.start])) and (
        names.imported_by_origin(owner.product)
    ):
        # "South African high-carbon ferrochrome was quoted at ..., and Kazakh product at ...":
        # the same import, from the origin the clause names
        origin_name = names.ORIGIN_ADJECTIVES[re.sub(r"\s+", " ", named_origin.group(1))]
        owner = _Owner(names.from_origin(owner.product, origin_name), "China")
    size = _PLANT_SIZE.search(whole[clause.start : quantity.start])
    if size is None:
        return owner  # a size named in an earlier clause carries on
    words = size.group("size").replace("-sized", "").replace("-scale", "")
    named = "medium and small" if "medium" in words and "small" in words else words
    base = _SIZED.sub("", owner.product)
    return _Owner(_with_qualifier(base, f"{named} enterprises"), owner.region)


def _kind_not_carried(whole: str, clause: Clause, quantity: Quantity, owner: _Owner) -> _Owner:
    """The product itself, not one of its kinds, for a list item that names only a place after
    the sentence set two kinds against each other: "the average price of non-caking silicon coal
    in Xinjiang was about 825 yuan/mt, caking silicon coal prices ranged from 1,300-1,650
    yuan/mt, the average price in Shaanxi was about 880 yuan/mt" (Shaanxi's coal is neither)."""
    base, _, kind = owner.product.partition(" (")
    lead = whole[clause.start : quantity.start]
    item_start = clause.start + lead.rfind(",") + 1
    item = whole[item_start : quantity.start]
    if not kind or names.known_products(item) or not names.regions(item):
        return owner
    kinds = {
        product
        for _, _, product in names.known_products(whole[:item_start])
        if product.startswith(f"{base} (")
    }
    if owner.product not in kinds or len(kinds) < 2:
        return owner
    return _Owner(base, owner.region)


# "Silicon coal prices in Shaanxi edged down WoW, ..., while prices in other regions held
# steady": the flat is the other places', not the price the sentence gives
_OTHERS_HELD = re.compile(
    r"(?:[,;]?\s*(?:while|and|but)\s+)?(?:(?:the\s+)?prices?\s+)?in\s+(?:the\s+)?other\s+"
    r"(?:regions|areas|places|markets|provinces)\b[^,;.]*"
)


# "157,000 yuan/mt for 99.8%", "an average price of 50,500 yuan/mt for Grade 0", "by 200
# yuan/mt for anatase grade"
_FOR_GRADE = re.compile(
    r"\s*for\s+(99\.\d+%|grade\s\d(?!\d)|anatase|rutile|chloride\s+process|chlorination\s+process)"
    r"(?![\w%]|\.\d)"
)
_BARE_ZINC_GRADE = re.compile(
    r"(?:#[01]|\b[01]#)(?!\s*(?:[a-z]+\s+)?(?:zinc|lead|copper|nickel|tin))"
)
_SPOT_METAL = re.compile(r"\bspot\s+(?:copper|zinc|alumini?um|lead|nickel|tin)\b")
_AS_IT_MOVED = re.compile(
    r"\bas\s+it\s+(?:soared|surged|rose|climbed|jumped|fell|dropped|slid|tumbled)\s*"
    r"(?:rmb|usd|us\$|\$)?\s*$"
)
_A_CONTRACT_NAMED = re.compile(r"\bshfe\b|\bcontract\b")
_IN_PASSING = re.compile(r",\s*(?:especially|particularly)\s+[^,;]{1,40},")
# a futures contract named without its exchange: "the contract", "the most active contract",
# "October copper" (a delivery month)
_THE_CONTRACT = re.compile(
    r"\bthe\s+contract\b|\bmost[- ](?:active|traded)\b"
    r"|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\s+(?:copper|zinc|lead|alumini?um|nickel|tin)\b"
)

_ORIGINS_PRODUCT = re.compile(
    r"\b("
    + "|".join(
        a.replace(" ", r"\s+") for a in sorted(names.ORIGIN_ADJECTIVES, key=len, reverse=True)
    )
    + r")\s+(?:products?|material|cargoes|cargo|goods|resources?)\b"
)
_FROM_ORIGIN = re.compile(
    r"\bfrom\s+(" + "|".join(o.replace(" ", r"\s+") for o in names.IMPORT_ORIGINS) + r")\b"
)


_WHAT_ITS_FOR = re.compile(
    r",\s*(?:an?|the)\s+(?:core|key|main|major|chief)\s+raw\s+material\s+(?:for|of)\s+"
    r"[a-z ]{3,30}?(?=,)"
    r"|\b(?:at|by|for)\s+(?:[a-z]+\s+){1,2}(?:enterprises|producers|makers)\b(?!\s+in\b)"
)


_REASON_BEFORE_IT = re.compile(
    r"^\s*(?:with|as|amid)\s+[^,;]{0,100},(?=\s*it\b)"
    # "but scarce scrap batteries and deeper cuts at secondary smelters lifted it ... to close
    # at": what moved the contract, not the product quoted
    # (not "Three-month LME aluminium gave back ... as a stronger US dollar sent it down": the
    # clause names its market before the reason)
    r"|^\s*(?:but\s+)?(?![^,;]*\b(?:lme|shfe|comex)\b)[^,;]{0,100}?"
    rf"(?=\b(?:{_MOVED_IT})\s+it\b)"
)
_MOVED_WITH_LME = re.compile(r"\bwith\s+(?:the\s+)?lme\s+[a-z]+(?=\s+and\b)")


def _owner_as_written(
    whole: str,
    clause: Clause,
    quantity: Quantity,
    context: Context,
    last: _Owner | None,
) -> _Owner | None:
    head = _LONG_PAREN.sub(
        lambda m: " " * len(m.group(0)), without_dateline(whole[clause.start : quantity.start])
    )
    # "SMM Central China A00 aluminum ingot prices against the SHFE 2502 contract recorded
    # 20,220": the contract is what the spot is priced off, not the market quoted; "bauxite with
    # an Al/Si ratio of 4 and alumina of 58 per cent": the ore's grade, not a second product.
    head = _PRICED_OFF.sub(lambda m: " " * len(m.group(0)), head)
    head = _ORE_GRADE.sub(lambda m: " " * len(m.group(0)), head)
    # "the delivery-to-factory price for 97% fluorite powder, a core raw material for aluminum
    # fluoride, was ...", "fluorite by aluminum fluoride enterprises": what the raw material is
    # for, and who buys it, not the product priced
    head = _WHAT_ITS_FOR.sub(lambda m: " " * len(m.group(0)), head)
    # "it once surged to 17,670 yuan/mt with LME lead and finally settled at": the market it
    # moved with, not the one quoted
    head = _MOVED_WITH_LME.sub(lambda m: " " * len(m.group(0)), head)
    # "...; with spot ingots tight and social stocks at a near one-year low, it climbed to": the
    # reason before "it", whose goods are not the product quoted
    head = _REASON_BEFORE_IT.sub(lambda m: " " * len(m.group(0)), head)
    if "especially" in head or "particularly" in head:
        # "Premiums for spot copper, especially standard-quality copper, slipped ..., with
        # traded prices at": the grade named in passing, not the one the price is for
        head = _IN_PASSING.sub(lambda m: " " * len(m.group(0)), head)
    for reference in _COEFFICIENT_OF.finditer(head):
        start, end = reference.span(1)
        head = head[:start] + " " * (end - start) + head[end:]
    products = [
        found for found in names.known_products(head) if not _FOLLOWED.search(head[: found[0]])
    ]
    product = None
    position = 0
    if (
        not products
        and len(names.listed_regions(head)) > 1
        and re.search(r"\band\b", head)
        and not _PRICE_WORD.search(head)
        # "... at 13,340-13,360 yuan/mt in Shanghai and Wuxi, and 13,350-13,360 yuan/mt in
        # Hangzhou": the list was where the amount before was quoted
        and not _PLACES_OF_AN_AMOUNT.search(head)
        # "...; in Sichuan and north-west China, it was also 7,800-7,900 yuan/mt": the product
        # of the clause before, in both places
        and not (last is not None and _PLACES_THEN_IT.match(head))
    ):
        return None  # "and Jiangxi and Henan were down 200 yuan/mt in all": whose price is not said
    if not products:
        moved = _PLACE_MOVED.search(head)
        if moved is not None and names.regions(moved.group("place")):
            # "Jiangxi raised prices by 200 yuan/mt in one day, east and central China followed
            # with 50-100 yuan/mt": a place's move in prices of no grade named
            return None
    if products:
        begin, position, product = products[-1]
        first = products[0][2]
        if (
            len(products) > 1
            and product.startswith(f"{first} (")
            and any(
                q.kind is Kind.MONEY and clause.start + position <= q.start < quantity.start
                for q in clause.quantities
            )
        ):
            # "... in Inner Mongolia is 5900-6000 yuan / 50 basis tons, ..., the mainstream
            # quotation of natural blocks in Sichuan is 6000-6200 yuan / 50 basis tons, East China
            # 6100-6200 yuan / 50 basis tons": the variant had its own amount; the list goes on
            # with the product it began with
            product = first
        if (
            _FIRMS_AFTER.match(head, position)
            and not _PRICE_WORD.search(head[position:])
            # "The quotations of domestic lithium hydroxide smelters stood at ...": their price
            and not _QUOTES_OF.search(head[:begin])
        ):
            return None  # "Secondary aluminium alloy plants lost about 300 yuan/mt": firms' money
    else:
        product = _open_product(head)
        bare = _BARE_ZINC_GRADE.findall(head) if context.metal == "zinc" else []
        if product is None and bare:
            # "#0 zinc traded at ... Traded prices for #1 were around RMB 14,540/mt. ... In the
            # afternoon business, #0 traded between ...": the report's grades, named alone
            product = "zinc (#1)" if "1" in bare[-1] else "zinc"
    if product is None and (
        context.metal == "silicon" or "silicon" in whole or "silicon" in (context.heading or "")
    ):
        # (also a silicon section of another metal's report: "Silicon Metal: ... #553 was at")
        bare = names.bare_silicon_grades(head)
        if bare:
            product = bare[-1][2]  # "..., and traded prices of #441 were around RMB 13,000/mt"
    if product is None:
        series = names.bare_series(head)
        base = names.ternary_base(whole[: clause.start + series[-1][0]]) if series else None
        if series and base is not None:
            # "..., and 5-series (monocrystalline/power battery) prices were 62,800-64,500
            # yuan/mt": the next series of the ternary product the list began with
            product = f"{base} {series[-1][2]}"
    if product is None and last is None and clause.start > 0:
        # "Shredded aluminum tense scrap held up well, and prices remained stable within the
        # range of 15,700-17,300 yuan/mt": the product the sentence opened with.
        opening = without_dateline(whole[: clause.start])
        if "especially" in opening or "particularly" in opening:
            opening = _IN_PASSING.sub(lambda m: " " * len(m.group(0)), opening)
        earlier = [
            found
            for found in names.known_products(opening)
            if not _FOLLOWED.search(whole[: found[0]])
        ]
        if earlier:
            product = earlier[-1][2]
    if (product is None or "ore" in product.split(" (")[0].split()) and _about_nickel_ore(
        whole, context, last
    ):
        # "The CIF price of NI1.5% is", "... NI1.3% CIF China was $41-43/wmt, NI1.4% CIF China
        # was": a grade named alone, after any ore the clause named
        bare = [found for found in names.bare_ore_grades(head) if found[0] >= position]
        if bare:
            origin = names.ore_origin(product) if product else None
            product = names.nickel_ore(origin, bare[-1][2])
    # "Three-month LME copper rose 1.3% to end at $10,367/mt, and is likely to trade between
    # ...": the clause before in the sentence, then the section's heading ("Copper:").
    heading_product = None
    if product is None and context.heading:
        heading = names.known_products(context.heading)
        if heading:
            heading_product = heading[-1][2]
    if (
        product is None
        and _PRONOUN.search(head[:40])
        and re.search(
            r"\b(?:premium|discount)s?\b", whole[max(0, clause.start - 80) : clause.start]
        )
    ):
        return None  # "the market average premium was 10 yuan/mt, but poor trading took it to 0"
    if (
        product is None
        and last is None
        and context.last_owner
        and (heading_product is None or context.last_owner[0] == heading_product)
        and _PRONOUN.search(head[:40])
        and not names.regions(head)
    ):
        # "LME zinc tested the 10-day average and failed. We expect it to trade at $2,440-2,490"
        return _in_currency(_Owner(*context.last_owner), quantity)
    if (
        product is None
        and last is None
        and context.last_owner
        and context.last_owner[1] in _VENUES
        and _PRICES_SENT.search(head[-40:])
        and not names.regions(head)
    ):
        # "In the afternoon, longs left ..., sending prices down to RMB 10,530/mt": the contract
        # the paragraph is telling of (the spot price, in a paragraph about the spot market)
        if context.paragraph_spot:
            return _Owner(context.last_owner[0], "China")
        return _Owner(*context.last_owner)
    if (
        heading_product is not None
        and last is not None
        and last.product.startswith(heading_product.removesuffix(")"))
    ):
        # "Philippine nickel ore: The CIF price of NI1.3% is ...; the FOB price is": the grade
        # the sentence named, within the heading's product
        heading_product = last.product
    if heading_product is not None:
        if (
            last is not None
            and not names.regions(head)
            and not re.search(r"\b(?:fob|cif|lme|shfe|comex)\b", head)
        ):
            return _inherited(last, head)
        product = heading_product
    near = head[max(0, position - _FUTURES_WORD_REACH) :]
    futures_word = FUTURES.search(near) if FUTURES.mentioned(head) else None
    if futures_word is not None and _SPOT_PRODUCT.search(near[futures_word.end() :]):
        # "SHFE 1305 lead contract price should move between ..., with spot lead prices in China
        # expected at RMB 14,500-14,600/mt": the spot market, named after the contract
        futures_word = None
    if futures_word is not None and _SMM_REGIONAL_QUOTE.search(near[futures_word.end() :]):
        # "In the futures market, SMM's east China oxygen-blown #553 silicon metal was priced at
        # 8,700-8,800 yuan/mt": SMM's spot quote for a region, whatever the sentence opened on
        futures_word = None
    if futures_word is None:
        # "On Thursday morning the contract held near ..., then ... before ending at": the
        # clause's subject, however far back; "September copper bounced back ... before closing
        # at": a contract named by its delivery month
        futures_word = _CONTRACT_SUBJECT.match(head) or _MONTH_CONTRACT_SUBJECT.match(head)
    if (
        product is None
        and futures_word is not None
        and last is not None
        and last.region in _VENUES
        and not names.regions(head)
        and not re.search(r"\b(?:lme|shfe|comex|gfex)\b", head)
    ):
        if last.region == "LME" and quantity.unit == "CNY/t":
            # "Lun aluminum ... closing price at $1778 / ton ...; the main contract 1908 closed at
            # 13875 yuan / ton": a contract quoted in yuan is Shanghai's, not the LME's
            return _Owner(last.product, "SHFE")
        return last  # "The contract opened at 113,000 ... and closed at 113,900": the same contract
    if (
        product is None
        and futures_word is None
        and last is not None
        and not names.regions(head)
        and not re.search(r"\b(?:fob|cif)\b", head)
    ):
        # the clause before in this sentence named it: "..., and finally closed at"
        return _inherited(last, head)
    if (
        product is None
        and last is None
        and context.last_owner
        and not names.regions(head)
        and (
            _pronoun_subject(head)
            or (context.last_owner[1] in _VENUES and _still_in_the_session(head, whole))
            # "SHFE copper swung ...: prices moved in a tight range of ... On Friday, prices
            # surged to 70,200 yuan/mt": bare "prices" go on with the contract just told of
            or (context.last_owner[1] in _VENUES and _BARE_PRICES_SUBJECT.match(head) is not None)
        )
    ):
        # "Near the end it shot up ..., closing at $9,665"; "After a slight rebound towards the
        # close, it settled at 332,520 yuan/mt"; "Near the end of the session, prices hovered at
        # highs, finally closing up at 24,600 yuan/mt": what the sentence before was about
        return _Owner(*context.last_owner)
    if product is None and futures_word is None and _VERB_FIRST.match(head):
        # "The SHFE 1808 contract hovered around the 20-day moving average, and closed at
        # 49,215 yuan/mt": the contract the sentence opened with
        futures_word = FUTURES.search(whole[: clause.start])
    if product is None:
        if futures_word is not None or "futures" in (context.heading or ""):
            product = context.metal or context.product
        else:
            product = (
                (last.product if last else None) or context.mentioned_product or context.product
            )
            if product is not None and _MARKET_DEALS.search(head):
                # "trade was quiet overall, and traded prices between RMB 13,680-13,780/mt in the
                # afternoon": the market's deals, not the grade last quoted (#1 zinc)
                product = names.base_metal(product)
        if product is None and context.metal and re.search(r"\bspot\s+prices?\b", head):
            # "Spot price forecast: 17,000-17,250 yuan/mt" after LME and SHFE lead forecasts:
            # the article's metal at home
            product = context.metal
        if product is None:
            return None
        product = re.sub(
            r"\s*\((?:index|cash)\)$|, (?:index|cash)\)$",
            lambda m: ")" if m.group(0).startswith(",") else "",
            product,
        )
    index_named = [match.end() for match in _PRICE_INDEX.finditer(head, max(0, position - 60))]
    if (
        index_named
        and "index" not in product
        # (not the index quoted just before: "the index was 27,821 yuan/mt, battery-grade
        # nickel sulphate was quoted at 27,820-28,340 yuan/mt")
        # (a grade's number is no amount: "the spot price index for No.1 petroleum coke")
        and not re.search(r"(?<!no\.)(?<!#)\d", head[index_named[-1] : position])
    ):
        graded = _GRADED_INDEX.search(head, max(0, position - 60))
        if graded is not None and "grade" not in product:
            # "The battery-grade index dropped to 100,136 yuan/ton": the grade's index
            product = _with_qualifier(product, f"{graded.group(1)}-grade")
        product = _with_qualifier(product, "index")
    if re.search(r"\bplatts\b", head[max(0, position - 60) :]) and "platts" not in product:
        product = _with_qualifier(product, "platts")  # "The LME alumina platts price"
    if (
        re.search(r"\bimport(?:ed)?\s+spot\s+prices?\b|\bport\s+spot\s+cargo", head[-60:])
        or _IMPORTED_AT_HOME.search(head[-100:])
    ) and "imported" not in product:
        # "the import spot price rose 100 yuan/mt to around 19,200 yuan/mt", "prices of imported
        # ADC12 secondary aluminium in the domestic spot market": imported metal's price at
        # home, in yuan
        return _Owner(_with_qualifier(product, "imported"), "China")
    if re.search(
        # "the LME aluminium official price ... to officially close at US$2,179": the settlement
        r"\bofficial\s+settlement\b|\bcash\s+settlement\b|\blme\s+(?:\w+\s+)?official\s+price\b"
        # "The LME cash offer settlement also widened by USD 18 per tonne"
        r"|\bcash\s+offer\s+settlement\b"
        # "The LME aluminium cash contract started the week ... at US$1843.50"
        r"|\blme\s+(?:\w+\s+)?cash\s+contract\b",
        head,
    ):
        product = _with_qualifier(product, "cash")
    if re.search(r"\basian\s+reference\s+price\b", head):
        # "LME aluminium 3-month Asian Reference Price": the LME's own benchmark
        return _Owner(_with_qualifier(product, "asian reference"), "LME")
    if (
        product == "lead"
        and re.search(r"\bex-(?:factory|works)\b", head)
        and context.secondary_lead_report
    ):
        # "ex-factory quotes for tax-free refined lead" in a secondary lead report: what the
        # secondary smelters sell
        product = "refined secondary lead"
    if product.startswith("nickel ore") and names.ore_origin(product) is None:
        product = _ore_with_origin(product, whole[: quantity.start], context, last)
    product = _section_metal_misnamed(product, context)
    own = whole[clause.start : quantity.start]
    said = without_dateline(own[own.rfind(",") + 1 :])
    spot_deals = (
        _SPOT_DEALS.search(said) is not None
        and not _EXCHANGE_WORDS.search(said)
        and _EXCHANGE_WORDS.search(own) is not None
    )
    region = _market(
        # "... waiting for the SHFE current-month contract to roll, purchases were rare and
        # mainstream trading prices fell below RMB 18,000/mt": the spot deals the words say
        said if spot_deals else _from_the_product(head, products),
        product,
        quantity,
        futures_word is not None and not spot_deals,
        clause.folded,
        own,
    )
    if region == "SHFE" and product == "aluminium alloy":
        product = "cast aluminium alloy"  # the aluminium alloy futures are cast alloy's
    if region == "China":
        # "... to RMB 450 per tonne (including VAT, ...) in north Shanxi"
        after = _PAREN.sub(" ", whole[quantity.end : clause.start + len(clause.folded)])
        place = re.match(r"^[^a-z]{0,3}in\s+([a-z]+(?:\s+[a-z]+)?)", after)
        if place is not None:
            found = names.regions(place.group(1))
            if found:
                region = found[0][
                    2
                ]  # "traded between RMB 16,400 and RMB 16,700 per tonne in Foshan"
    venue = context.paragraph_venue
    if venue is None and quantity.unit == "CNY/t":
        venue = context.paragraph_yuan_venue  # (the paragraph names the LME too)
    if (
        region == "China"
        and product in _EXCHANGE_METALS
        and venue is not None
        and quantity.unit == _VENUE_UNIT.get(venue)
        # (a translation's "the main operating range is expected to be ...": the contract's,
        # whatever spot premiums the sentence told of first)
        and (not _SPOT_MARKET_WORDS.search(whole) or _MAIN_OPERATING_RANGE.search(whole))
        and not names.regions(whole)
        and not context.paragraph_spot
    ):
        # "This week, the most-traded SHFE lead 2503 contract opened at 16,690 yuan/mt ...
        # Later in the week lead rebounded ..., and finally closed at 16,730 yuan/mt": the
        # contract the paragraph is about, in its currency
        region = venue
    elif (
        region == "China"
        and product in _EXCHANGE_METALS
        and _unit_told(quantity, clause) == "USD/t"
        and "LME"
        in (
            context.venue,
            context.paragraph_venue,
            context.paragraph_dollar_venue,
            context.title_dollar_venue,
        )
        and not _SPOT_MARKET_WORDS.search(_MINUTES_LABEL.sub("", whole))
        and not _IMPORT_TERMS.search(whole)
        and not names.regions(whole)
    ):
        # "LME nickel prices opened at USD 19,182/mt ... Last Friday nickel slipped to USD
        # 19,053/mt after the open": China prices its metal in yuan, so a base metal's dollar
        # price in an article about the LME is the exchange's, and its session is read as one
        # (the same call `_dollar_prices_at_the_venue` makes once the article is read)
        region = "LME"
    elif (
        region == "China"
        and product in {"alumina", "alumina (platts)"}
        and _unit_told(quantity, clause) == "USD/t"
        and context.venue == "LME"
        and not re.search(r"\b(?:fob|cif|cfr)\b", whole)
    ):
        # AL Circle's LME daily ends "Alumina platts price also remained unchanged at USD 321
        # per tonne" (or just "Alumina price ..."): the LME's alumina (Platts) contract, the only
        # dollar alumina price it reports
        product, region = "alumina (platts)", "LME"
    return _Owner(product, region)


def _unit_told(quantity: Quantity, clause: Clause) -> str | None:
    """The currency of an amount, or for a move in % the currency of the level the clause gives
    after it ("It closed up 0.65% on the day at $2,469/mt")."""
    if quantity.kind is not Kind.PERCENT:
        return quantity.unit
    later = [q for q in clause.quantities if q.start > quantity.start and q.kind is Kind.MONEY]
    return later[0].unit if later else None


# the terms of a dollar price that is no exchange's: imports priced at a port
_IMPORT_TERMS = re.compile(r"\b(?:cif|fob|cfr|bonded|imports?|imported|origin)\b")


_FOR_A_VENUE = re.compile(
    r"^\s*(?:yuan\s+per\s+tonne|yuan/mt|/mt|per\s+tonne)?\s*for\s+(?:the\s+)?(shfe|lme)\b"
)
_VENUE_UNIT = {"LME": "USD/t", "SHFE": "CNY/t"}
# words for a spot market's prices and deals, which a paragraph about a contract also quotes
# "SMM Morning Meeting Minutes: On Friday night the overnight copper price opened at ...": the
# report's label, which names SMM as its author and no spot market
_MINUTES_LABEL = re.compile(r"^\s*smm\s+morning\s+meeting\s+minutes\b[^:]{0,12}:")
_SPOT_MARKET_WORDS = re.compile(
    r"\b(?:spot|smm|traded\s+prices?|transactions?|deals?|offers?|quot(?:ed|es|ations?)"
    r"|ex-(?:works|factory)|premiums?|discounts?|mainstream|brands?|\d#|secondary|primary)\b"
    r"|#\d|\bsmm\s*\d#?|\d#(?!\w)"  # "the average price of SMM1# refined nickel"
)


def _section_metal_misnamed(product: str, context: Context) -> str:
    """ "Zinc: LME fluctuated to end the day higher ... LME lead is likely to continue its
    rangebound pattern today with a trading range of $2,635-2,680/mt": in a comment that heads
    each metal's section, a metal with no section of its own named inside another's is a
    misprint of the section's metal."""
    if len(context.section_metals) < 2 or product not in _EXCHANGE_METALS:
        return product
    heading = names.known_products(context.heading) if context.heading else []
    own = heading[-1][2] if heading else None
    if own is None or own == product or own not in context.section_metals:
        return product
    return own if product not in context.section_metals else product


# How far before an amount a word for the futures still says the amount is the contract's ("The
# SHFE 1808 contract hovered around the 20-day moving average, and closed at 49,215 yuan/mt")
_FUTURES_WORD_REACH = 80
_SPOT_PRODUCT = re.compile(
    r"\bwith\s+spot\s+[a-z]+\s+prices?\b"
    # "Despite the low SHFE lead price, the monthly price of SMM 1# lead ingots only declined":
    # SMM's own spot assessment, named after the contract
    r"|\bsmm\s+(?:#\s?\d|\d#|a00)\s"
)


def _since_the_last_comma(whole: str, start: int, end: int) -> str:
    """The words of a clause before ``end`` since the last comma or "and" ("..., Zijin traded at
    X, and 1# zinc ingot traded around": "1# zinc ingot traded around")."""
    cut = max(whole.rfind(",", start, end), whole.rfind(" and ", start, end))
    return whole[max(start, cut + 1) : end]


# the words after a grade's number ("#0 zinc prices were "): the number was read as an amount
_AFTER_A_GRADE_NUMBER = re.compile(
    r"^#?\s+[a-z]+\s+(?:ingots?\s+)?(?:prices?\s+)?(?:were|was|traded|at"
    # ("KZ and SMC branded #0 zinc around RMB 14,840/mt", "... lower at RMB 14,810/mt")
    r"|around|(?:higher|lower)\s+at)\b"
    # ("Feilong, Qinxin and Jiulong branded #0 zinc RMB 14,850-14,860/mt")
    r"|^#?\s+[a-z]+\s*(?:rmb)?\s*$"
)

# "the SHFE 1812 contract", "SHFE 1511 copper": a contract named by its delivery year and month
_SHFE_CODE = re.compile(r"\bshfe\s+(?:[a-z]+\s+)?(\d{4})\b(?!\s*(?:yuan|mt|lots|tonnes))")
_MOST_ACTIVE_BEFORE = re.compile(r"\bmost[- ]active\s+$")


def _far_contract_moved(whole: str, quantity: Quantity) -> bool:
    """A later contract's move told after the most active one is named in the same sentence:
    "the most active SHFE 1408 lead contract saw no deals, and the SHFE 1409 lead contract,
    which took most of the trade, fell by RMB 10/mt" (the report follows the 1408 contract)."""
    codes = list(_SHFE_CODE.finditer(whole, 0, quantity.start))
    if len(codes) < 2:
        return False
    front = codes[0]
    return _MOST_ACTIVE_BEFORE.search(
        whole, max(0, front.start() - 20), front.start()
    ) is not None and int(codes[-1].group(1)) > int(front.group(1))


_VERB_FIRST = re.compile(
    r"^\s*(?:and\s+)?(?:finally\s+)?(?:closed|ended|settled|finished|closing|ending|settling)\b"
)

_MARKET_DEALS = re.compile(r"\b(?:traded|transaction|deal)\s+prices\b")
_SPOT_DEALS = re.compile(
    r"\b(?:mainstream\s+)?(?:trading|traded|transaction|spot)\s+prices?\b"
    r"|\b(?:china|domestic)\s+spot\s+[a-z]+\b"  # "and China spot lead to slip to RMB ..."
)
_EXCHANGE_WORDS = re.compile(r"\b(?:shfe|lme|comex|futures|contracts?)\b")


def _from_the_product(head: str, products: list[tuple[int, int, str]]) -> str:
    """The part of the clause that can say where the product is quoted: not a place named in an
    aside before it ("Together with cuts at separation plants in Jiangxi, this is expected to
    keep the prices of praseodymium-neodymium oxide at ...")."""
    if not products:
        return head
    before = head[: products[-1][0]]
    comma = before.rfind(",")
    if comma < 0 or names.regions(before[comma:]):
        return head
    places = names.regions(before[:comma])
    if not places or not _FIRMS_IN.search(before[: places[-1][0]]):
        return head
    return " " * (comma + 1) + head[comma + 1 :]


_FIRMS_IN = re.compile(
    r"\b(?:plants|smelters|producers|refineries|mines|enterprises|firms|factories)\s+in\s+$"
)

_BENCHMARK_PRICE = re.compile(r"\bbenchmark\s+(?:prices?|hpm)\b|\bhpm\b|\bhma\b")

# An amount under a tenth of the lowest price a metal's sanity band allows cannot be its price.
_PRICE_FLOOR_SHARE = Decimal("0.1")


def _at_price_level(product: str, quantity: Quantity) -> bool:
    """Whether an amount is at least the lowest price the product's series has had."""
    floor = metrics.price_floor(product, quantity.unit or "CNY/t")
    return floor is not None and quantity.value >= floor


def _far_below_any_price(product: str, quantity: Quantity) -> bool:
    floor = metrics.price_floor(product, quantity.unit or "CNY/t")
    top = quantity.high if quantity.high is not None else quantity.value
    return floor is not None and top < floor * _PRICE_FLOOR_SHARE


def _government_benchmark(head: str, product: str, context: Context) -> bool:
    """Indonesia's nickel benchmarks: "The benchmark price for Indonesia's local nickel ore ...
    was $15,142/dmt", a list of ore grades under "SMM's forecast of ... HPM (MC35%):"; what
    royalties are charged on, worked out from LME averages."""
    if not product.startswith("nickel"):
        return False
    return any(
        _BENCHMARK_PRICE.search(text) for text in (head, context.heading, context.list_lead) if text
    )


def _about_nickel_ore(whole: str, context: Context, last: _Owner | None) -> bool:
    known = (
        last.product if last else None,
        context.last_price.subject if context.last_price else None,
        context.mentioned_product,
        context.product,
    )
    return "ore" in whole or any(name and name.startswith("nickel ore") for name in known)


_ORE_ORIGIN_WORD = re.compile(r"\b(indonesia|philippine)")


def _origin_written(text: str) -> str | None:
    words = _ORE_ORIGIN_WORD.findall(text)
    if not words:
        return None
    return "indonesia" if words[-1] == "indonesia" else "philippines"


def _ore_with_origin(product: str, before: str, context: Context, last: _Owner | None) -> str:
    """ "the delivered price for 1.6% nickel laterite ore", "NI1.5%": nickel ore whose origin
    the sentence named before it, else the ore last priced or named, or the paragraph's heading
    ("Philippine nickel ore: ...")."""
    grade = re.search(r"[\d.]+%", product)
    origin = _origin_written(before)
    known = (
        last.product if last else None,
        context.last_price.subject if context.last_price else None,
        context.mentioned_product,
        context.product,
    )
    for name in known:
        if origin is None and name and name.startswith("nickel ore"):
            origin = names.ore_origin(name)
    if origin is None and context.heading:
        origin = _origin_written(context.heading)
    return names.nickel_ore(origin, grade.group(0) if grade else None)


def _open_product(head: str) -> str | None:
    """ "the X price", "prices of X": a product outside the vocabulary, normalised."""
    matches = list(re.finditer(r"\b(?:prices?|quot(?:es|ations?))\s+(?:of|for)\s+", head))
    if matches:
        match = matches[-1]
        text = re.split(r"[,;(]|\b(?:was|were|is|are|rose|fell|at|to|in)\b", head[match.end() :])[0]
        return _normalise_product(text)
    return None


_ORE_GRADE = re.compile(
    r"\balumina\s+(?:content\s+|concentration\s+)?(?:of\s+)?[\d.]+\s*(?:%|per\s*cent)"
    r"|[\d.]+\s*(?:%|per\s*cent)\s+alumina(?:\s+content)?\b"
)

_PRICED_OFF = re.compile(
    r"(?:(?<=prices\s)|(?<=price\s)|(?<=quotes\s)|(?<=quotations\s)|(?<=/mt\s))against\s+(?:the\s+)?"
    # "... A00 price against the SHFE aluminum 2501 contract recorded 20,020"
    r"(?:shfe\s+)?(?:alumini?um\s+|copper\s+|zinc\s+|lead\s+|nickel\s+|tin\s+)?\d{4}\s+contract\b"
)
# "The coefficient for US brass against LME copper was 68-69%, with the fixed prices of
# $5,550-5,650/mt": the exchange price a scrap grade's coefficient is taken of
_COEFFICIENT_OF = re.compile(r"\bcoefficient\b[^.;]{0,40}?\b(against\s+(?:the\s+)?lme\s+[a-z]+)")

_THREE_MONTH = re.compile(r"\b(?:3|three)-month\b")

# "September copper bounced back to the daily moving average ... before closing at": the
# contract for delivery that month (not "September copper imports")
_MONTH_CONTRACT_SUBJECT = re.compile(
    rf"^\W*(?:{MONTH_NAMES})\s+(?:copper|alumini?um|zinc|lead|nickel|tin)\s+"
    r"(?!imports?|exports?|output|production|sales|demand|supply|consumption|shipments?)[a-z]"
)

# "Near the end it shot up ...": the series the last sentence was about (not a dummy "it is
# expected that ...").
# (also SMM's misprint "The contact finished down RMB 165/mt")
_CONTRACT_SUBJECT = re.compile(
    r"^\W*(?:[a-z]+\s+){0,4}?the\s+(?:most-traded\s+)?(?:contract|contact)\b"
)

# "Overall, prices fluctuated between ..., and by the close, prices rose to 101,950 yuan/mt"
_BY_THE_CLOSE = re.compile(r"\b(?:by|at|towards?|near|before)\s+the\s+(?:midday\s+)?close\b")

_IN_A_SESSION = re.compile(
    r"\b(?:the|this|that|its|night|day|morning|afternoon)\s+(?:trading\s+)?session\b"
)


def _still_in_the_session(head: str, whole: str) -> bool:
    """A clause about the session or its close, not about spot prices."""
    in_session = _IN_A_SESSION.search(head) or _BY_THE_CLOSE.search(whole)
    return in_session is not None and re.search(r"\bspot\b", head) is None


def _pronoun_subject(head: str) -> bool:
    """The clause's subject is "it" (or "the price", "the contract"), after any opening phrase."""
    if _PRONOUN.search(head[:40]):
        return True
    # (the opening may be a reason: "with spot ingots tight and social stocks at a near
    # one-year low, it climbed to 17,165 yuan/mt")
    opening = re.match(r"^[^,;]{0,80},\s*", head)
    return opening is not None and _PRONOUN.match(head, opening.end()) is not None


_BARE_PRICES_SUBJECT = re.compile(
    r"^\W*(?:on\s+[a-z]+(?:\s+[a-z]+)?,\s*|then\s+|later\s+)?prices\s+(?:surged|rose|jumped|climbed"
    r"|rallied|fell|dropped|slid|declined|tumbled|plunged|rebounded|edged|moved|closed|ended)\b"
)
_PRONOUN = re.compile(
    r"\b(?:it|they|the\s+price|its(?:\s+average)?\s+price|the\s+contract"
    # "Finally, the red metal closed RMB 60/mt higher": the metal just reported, by its epithet
    r"|the\s+(?:red|grey|gray|white|light|base)\s+metal)\b"
    # ... but not a dummy "it": "it is expected that", "it is reported ..."
    r"(?!\s+(?:is|was|will\s+be|has\s+been)\s+(?:expected|likely|projected|estimated|forecast)"
    r"\s+that\b)"
    # (but "as of the midday close, it was reported at 121,090 yuan/mt" is the contract)
    r"(?!\s+(?:is|was|will\s+be|has\s+been)\s+(?:reported|believed|said|learned|understood)"
    r"(?!\s+(?:at|around|near)\b))"
)


def _market(
    head: str,
    product: str,
    quantity: Quantity,
    futures: bool,
    clause: str = "",
    own: str | None = None,
) -> str:
    """Where a price is quoted: an exchange, FOB/CIF, a province or port, or China. ``own`` is
    the amount's clause up to it, where a word for abroad must stand ("Overseas mines quoted at
    or above $630/mt; trade was mediocre, with prices at $600-620/mt": the market's range)."""
    origin = names.ore_origin(product) if product.startswith("nickel ore") else None
    if origin is not None:
        # Ore is quoted where it is loaded (FOB), landed in China (CIF), or delivered to a
        # smelter in the country that mines it ("delivery-to-factory price")
        if re.search(r"\bfob\b", head):
            return f"FOB {origin.capitalize()}"
        if names.is_cif(head) or origin == "philippines":
            return "CIF China"
        return origin.capitalize()
    if "fob" in clause and "fob" not in head:
        found = [region for *_, region in names.regions(clause) if region.startswith("FOB")]
        if found:
            return found[0]
    if "cif" in clause and "cif" not in head:
        # "US$1,820 per tonne to US$1,830 per tonne CIF west coast India": landed abroad, the
        # place written after the amount
        found = [region for *_, region in names.regions(clause) if region.startswith("CIF ")]
        if found:
            return found[0]
    # "an LME coefficient of 67-67.5%": a scrap quote's pricing formula, not the exchange's price
    head = re.sub(r"\blme\s+coefficient", " " * 15, head)
    # "the contract ... followed LME copper up to RMB 41,000/mt before ending at": what it
    # followed is not where it trades
    head = re.sub(
        r"\b(?:followed|following|tracked|tracking|traced|tracing|shadowed|shadowing|mirrored)"
        r"\s+(?:the\s+)?lme\b",
        lambda m: " " * len(m.group(0)),
        head,
    )
    london = max(head.rfind("lme"), head.rfind("london metal exchange"), _last_at(_LUN, head))
    if (three_month := _THREE_MONTH.search(head)) is not None and quantity.unit != "CNY/t":
        # ("The three-month contract ... rallied above RMB 16,000/mt": SHFE's, in yuan)
        london = max(london, three_month.start())
    machine_translated = _last_at(_HU, head)
    shanghai = max(head.rfind("shfe"), machine_translated)
    if (
        london >= 0
        and shanghai < london
        and quantity.unit == "CNY/t"
        and re.search(r"\bspot\b", head[london:])
    ):
        # "LME lead will slip to USD 1,800/mt this week and spot lead prices will drop to RMB
        # 13,400/mt": the spot market named after the exchange
        return "China"
    if (
        london >= 0
        and shanghai < london
        and not (shanghai >= 0 and quantity.unit == "CNY/t")
        # ("With LME lead lower and domestic scrap costs easing, it fell quickly ... and closed
        # at 16,820 yuan/mt": the LME named as the reason, the yuan price the SHFE's)
        and not (quantity.unit == "CNY/t" and _LME_AS_REASON.search(head))
        # ("Lun aluminum ... closed at $1778 / ton; the main contract 1908 closed at 13875 yuan /
        # ton": a contract named by its delivery month, in yuan, after the LME's close)
        and not (quantity.unit == "CNY/t" and _CONTRACT_MONTH.search(head, london))
    ):
        # ... unless SHFE is named after it ("Lifted by LME lead, SHFE lead rose"), or the price
        # is in yuan after both ("SHFE lead ... with LME lead dragging, it closed at 17,230")
        return "LME"
    if shanghai >= 0 and machine_translated == shanghai:
        return "SHFE"  # "Shanghai aluminum main night open low, the final close at 13865"
    if "comex" in head:
        return "COMEX"
    if futures and re.search(r"\bsul(?:ph|f)ates?\b", product):
        # "If SHFE nickel stays near its recent lows, battery-grade nickel sulphate quotes are
        # likely to fall to 30,500-31,500 yuan/mt": a salt no exchange lists, quoted at home
        futures = False
    if futures:
        if quantity.unit == "USD/t":
            return "skip"  # SHFE's price converted into dollars: a conversion, not a market
        if any(product.startswith(name) for name in _GFEX_PRODUCTS):
            return "GFEX"
        if any(product.startswith(name) for name in _ZCE_PRODUCTS):
            return "ZCE"
        if any(product.startswith(name) for name in _INE_PRODUCTS):
            return "INE"
        return "SHFE"
    places = names.regions(head)
    if (
        len(places) >= 2
        and places[-1][2].lower() in names.PROVINCES
        and places[-2][2].lower() not in names.PROVINCES
        and re.fullmatch(r",\s*", head[places[-2][1] : places[-1][0]])
    ):
        places = places[:-1]  # "in Xiaoyi, Shanxi": the city, with its province
    fob = [m.start() for m in re.finditer(r"\bfob\b", head)]
    if places and not (fob and fob[-1] > places[-1][0]):
        return places[-1][2]
    if fob and not any(region.startswith("FOB") for *_, region in places):
        return "FOB China"  # "... in the Fugu area were 16,200 yuan/mt, with FOB prices at $2,300"
    if places:
        return places[-1][2]
    if (
        names.is_cif(head)
        or (
            re.search(r"\bimport|\babroad\b|\boverseas\b", head if own is None else own)
            and quantity.unit == "USD/t"
        )
        # China's domestic bauxite is quoted in yuan; in dollars it is ore landed from abroad,
        # and so is lithium ore ("transaction prices of lithium ore fell within $600-620/mt")
        or (
            product.startswith(("bauxite", "spodumene", "lithium ore", "lepidolite"))
            and quantity.unit == "USD/t"
        )
        # ... and so is scrap ("US brass ... with the fixed prices of $5,550-5,650/mt")
        or ("scrap" in product and quantity.unit == "USD/t")
    ):
        return "CIF China"  # "Abroad, ADC12 offers stayed above $2,500/mt": what imports cost
    if re.search(r"\bfob\b", head):
        return "FOB China"  # "The FOB offer was $2,390/mt": China's export quote
    return "China"


_MAIN_OPERATING_RANGE = re.compile(r"\bmain\s+operating\s+range\b")

_CONTRACT_MONTH = re.compile(r"\bcontract\s+\d{4}\b|\b\d{4}\s+contract\b")

# SMM's machine translations of 2019-2020 write the LME's contract as "Lun aluminum" (伦铝)
# (and LME nickel as one word, "Lunni", or misspelt "Renni")
_LUN = re.compile(
    r"\b(?:lun|london)\s+(?:aluminum|aluminium|copper|zinc|lead|nickel|tin)\b|\b(?:lunni|renni)\b"
)

# ... and the SHFE's most-traded contract as "Shanghai aluminum main" (沪铝主力), or its night
# session as "Shanghai copper night"
_HU = re.compile(
    r"\bshanghai\s+(?:aluminum|aluminium|copper|zinc|lead|nickel|tin)\s+(?:main|night|owners)\b"
    # "Shanghai nickel has continued to rise ..., and closed up 1.25%": the contract, as its
    # subject (a spot market is "Shanghai spot nickel", "nickel in Shanghai")
    r"|\bshanghai\s+(?:aluminum|aluminium|copper|zinc|lead|nickel|tin)(?=\s+(?:[a-z]+ly\s+)?(?:has|have|had|closed"
    r"|continued|rose|fell|gained|lost|hit|reached|opened|edged|climbed|dropped|slid|surged"
    r"|plunged)\b)"
)


def _last_at(pattern: re.Pattern[str], head: str) -> int:
    """Where the pattern last starts in the head, or -1 (as str.rfind answers)."""
    found = [match.start() for match in pattern.finditer(head)]
    return found[-1] if found else -1


# "Today's secondary copper raw material prices remained unchanged MoM": a product's price held,
# with its basis, told without a number.
_UNCHANGED = re.compile(
    # "Other markets: Today, the SMM 1# lead average price was flat compared to ..."
    # "At the beginning of this week, lithium ore prices were basically flat WoW."
    r"^(?:[a-z ]{3,30}:\s*)?(?:(?:today(?:'s)?|this\s+week"
    r"|at\s+the\s+(?:beginning|start|end)\s+of\s+(?:this|the)\s+week),?\s+)?(?:the\s+)?"
    r"(?P<what>[a-z0-9# -]{3,60}?)\s+prices?\s+"
    r"(?:remained|were|was|held|stayed)\s+(?:basically\s+|largely\s+)?(?:unchanged|flat|stable|steady)\b"
    # "For lepidolite, ... with prices staying high and showing no significant changes WoW."
    r"|^for\s+(?P<topic>[a-z0-9# -]{3,40}?),"
    r"(?:[^;]*?\bprices?\b[^;]*?\b(?:showing|showed|shows|with)"
    r"\s+no\s+(?:significant\s+|major\s+|obvious\s+)?changes?\b"
    # "For lepidolite, prices remained basically flat WoW"
    r"|\s+(?:the\s+)?prices?\s+(?:remained|were|was|held|stayed)\s+(?:basically\s+|largely\s+)?"
    r"(?:unchanged|flat|stable|steady)\b)"
)


_SPOT_PRICE_SAME = re.compile(
    r"^in\s+the\s+spot\s+market,\s*the\s+(?:spot\s+)?price\s+(?:is|was)\s+(?:still\s+)?the\s+same"
    r"\s+as\s+(?P<when>last\s+friday|yesterday|the\s+previous\s+(?:trading\s+)?day)\b"
)

# "Lithium Ore: ... Market prices remained basically flat compared to last Friday": the
# section's market, named by no product
_MARKET_WORDS = frozenset({"market", "overall", "spot", "the", "mainstream"})

# "..., but the ore-side quotations remained basically flat on a WoW basis": a later clause
# holding a price
_UNCHANGED_AFTER = re.compile(
    r"(?:,\s*but|;)\s+(?:the\s+)?(?P<what>[a-z0-9# -]{3,40}?)\s+(?:prices?|quotations?|quotes)\s+"
    r"(?:remained|were|was|held|stayed)\s+(?:basically\s+|largely\s+)?(?:unchanged|flat|stable|steady)\b"
    r"(?P<topic>)"
)


def grades_held(folded: str) -> bool:
    """Whether a sentence holds quotes flat ("... were flat from the previous trading day"), which
    ``_read_flat_grades`` reads grade by grade."""
    return _HELD.search(folded) is not None


def states_unchanged(folded: str) -> bool:
    """Whether a sentence opens with a product's price held flat: "This week, spodumene prices
    remained basically flat WoW"."""
    return (
        _UNCHANGED.match(without_dateline(folded).strip()) is not None
        or _SPOT_PRICE_SAME.match(without_dateline(folded).strip()) is not None
        or _UNCHANGED_AFTER.search(folded) is not None
        or _PLACES_UNMOVED.search(folded) is not None
    )


# "Prices in provinces like Shanxi, Guizhou and Guangxi, by contrast, remained unfazed from the
# previous week's closing price": the markets whose price did not move, the product's last read
_PLACES_UNMOVED = re.compile(
    r"\bprices?\s+in\s+(?:(?:the\s+)?provinces?\s+(?:like|such\s+as|of)\s+)?"
    r"(?P<places>[a-z]+(?:\s*,\s*[a-z]+)*,?\s+and\s+[a-z]+)\s*,?"
    r"(?:\s*(?:by\s+contrast|however|meanwhile)\s*,)?\s+"
    r"(?:remained|stayed|held|were|was)\s+(?:unfazed|unchanged|flat|stable|steady)\b"
)


def _read_places_unmoved(
    sentence: Sentence, clauses: list[Clause], context: Context, notes: Notes
) -> list[Draft]:
    if any(q.kind in {Kind.MONEY, Kind.PERCENT} for clause in clauses for q in clause.quantities):
        return []
    told = _PLACES_UNMOVED.search(sentence.folded)
    product = context.product
    if told is None or product is None:
        return []
    places = [place for *_, place in names.regions(told.group("places"))]
    items = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", told.group("places").strip())
    if len(places) != len(items):
        return []
    basis, _ = basis_at(sentence.folded[told.end() :], after=True)
    return [
        Draft(
            metric=Metric.PRICE,
            subject=product,
            unit="CNY/t",
            sentence=sentence,
            region=place,
            change=PriceChange(Decimal(0), basis=basis),
        )
        for place in places
    ]


def _read_unchanged(sentence: Sentence, clauses: list[Clause], context: Context) -> Draft | None:
    """A price held from the day or week before, with that basis written ("... remained
    unchanged MoM"); without a basis it is commentary, not a figure."""
    folded = sentence.folded
    if not FLAT.mentioned(folded) or any(
        q.kind in {Kind.MONEY, Kind.PERCENT} for clause in clauses for q in clause.quantities
    ):
        return None  # a sentence with an amount says more than "unchanged"
    spot_same = _SPOT_PRICE_SAME.match(without_dateline(folded).strip())
    if spot_same is not None and context.metal is not None:
        # "In the spot market, the price is still the same as last Friday" in a Monday's nickel
        # analysis: the metal's spot price held from the trading day before
        friday = spot_same.group("when").startswith("last friday")
        published = context.published
        if not friday or (published is not None and published.weekday() == 0):
            return Draft(
                metric=Metric.PRICE,
                subject=context.metal,
                unit="CNY/t",
                sentence=sentence,
                change=PriceChange(Decimal(0), basis=ChangeBasis.DOD),
            )
    match = _UNCHANGED.match(without_dateline(folded).strip()) or _UNCHANGED_AFTER.search(folded)
    if match is None:
        return None
    what = match.group("what") or match.group("topic")
    products = names.known_products(what)
    section = context.heading or context.list_lead  # "Lithium Ore:" on a line of its own
    heading = names.known_products(section) if section else []
    words = set(what.replace("-", " ").split())
    if not products and heading and (words & set(heading[-1][2].split()) or words <= _MARKET_WORDS):
        # "Lithium Ore: ... but the ore-side quotations remained basically flat on a WoW
        # basis": the section's product, named by part of its name
        products = heading
    if not products:
        return None
    basis, _ = basis_at(folded[folded.find(match.group(0)) + len(match.group(0)) :], after=True)
    if basis is ChangeBasis.MOM and context.daily:
        basis = ChangeBasis.DOD  # SMM's "MoM" in a daily report means the previous day
    if basis is ChangeBasis.MOM and context.weekly:
        basis = ChangeBasis.WOW  # ... and in a weekly review, the previous week
    if basis is None:
        return None
    return Draft(
        metric=Metric.PRICE,
        subject=products[-1][2],
        unit="CNY/t",
        sentence=sentence,
        change=PriceChange(Decimal(0), basis=basis),
    )


_TWO_CONTRACTS = re.compile(
    r"\bagainst\s+the\s+(\d{4})\s+contract\b[^.]{0,80}?;\s*at\s+an?\s+(?:premium|discount)\s+of\s+"
    r"[\d,]+\s*yuan/mt\s+against\s+the\s+(\d{4})\s+contract\b"
)


_VENUE_NAMES = {
    "LME": re.compile(r"\blme\b|\blondon\s+metal\s+exchange\b|" + _LUN.pattern),
    "SHFE": re.compile(r"\bshfe\b|\bshanghai\s+futures\s+exchange\b|" + _HU.pattern),
    "COMEX": re.compile(r"\bcomex\b"),
}


_EXCHANGE_METALS = frozenset({"aluminium", "copper", "zinc", "lead", "nickel", "tin"})


def learn_venue(folded_body: str, context: Context) -> None:
    """The exchange an article is about, when its body names that one alone."""
    context.venue = venue_named(folded_body)


def dollar_venue_named(folded: str) -> str | None:
    """The one exchange quoting in dollars (LME or COMEX) a text names, if it names one alone."""
    named = [venue for venue in ("LME", "COMEX") if _VENUE_NAMES[venue].search(folded) is not None]
    return named[0] if len(named) == 1 else None


def yuan_venue_named(folded: str) -> str | None:
    """The SHFE, when a text names it (the one exchange of these metals quoting in yuan)."""
    return "SHFE" if _VENUE_NAMES["SHFE"].search(folded) is not None else None


def venue_named(folded: str) -> str | None:
    """The one exchange a text names, if it names one alone."""
    named = [venue for venue, pattern in _VENUE_NAMES.items() if pattern.search(folded)]
    return named[0] if len(named) == 1 else None


def _dollar_prices_at_the_venue(drafts: dict[tuple[object, ...], Draft], context: Context) -> None:
    """ "If the aluminium price on October 20 is considered, which was US$2,152 per tonne" in an
    article about the LME alone: a base metal's dollar price naming no venue is the exchange's
    (China's own prices are in yuan)."""
    if "LME" not in (context.venue, context.paragraph_venue, context.paragraph_dollar_venue):
        return
    for draft in drafts.values():
        if (
            draft.metric is Metric.PRICE
            and draft.region == "China"
            and draft.unit == "USD/t"
            and draft.subject in _EXCHANGE_METALS
        ):
            draft.region = "LME"


def learn_front_contract(folded_body: str, context: Context) -> None:
    """The front-month contract of a report that quotes the spot price against two: the one
    named first. A premium against the other is not the spot premium."""
    pair = _TWO_CONTRACTS.search(folded_body)
    if pair is not None and int(pair.group(1)) < int(pair.group(2)):
        context.front_contract = int(pair.group(1))


# "Baled UBC prices followed aluminium lower, ... closing at 15,200-15,700": what a price
# followed is not what it is.
_FOLLOWED = re.compile(
    # "spodumene prices tracked the rapid slide in lithium carbonate, falling nearly US$50/t"
    r"\b(?:follow(?:ed|ing|s)?|track(?:ed|ing|s)?|in\s+line\s+with|along\s+with|in\s+tandem\s+with)"
    # ... "SHFE 1511 lead should follow SHFE zinc to move at highs between ..."
    r"\s+(?:the\s+)?(?:(?:shfe|lme|comex)\s+)?(?:(?:[a-z-]+\s+){1,3}(?:in|of)\s+)?$"
    # "closing at ... on talk of a US ban on Rusal aluminium": news about the metal, not its price
    r"|\b(?:ban|bans|sanctions|tariffs?|duties|embargo)\s+on\s+(?:[a-z]+\s+){0,2}$"
    # "then inched down with crude oil and copper prices, dipping to ...": what it moved with
    r"|\b(?:up|down|higher|lower|fell|rose|dropped|climbed)\s+with\s+(?:[a-z]+\s+){0,3}$"
    # "The contract then bounced with LME copper and won back most of its losses, to end at"
    r"|\b(?:bounced|rebounded|recovered)\s+with\s+(?:[a-z]+\s+){0,3}$"
)

# A move told from a dated point with no period a rule could compare: "up by 66% from the
# beginning 2021", "a drop of 20% from early May", "up 56000 yuan / ton from mid-July"
_SINCE_THE_START = re.compile(
    r"^\s*(?:/\s*(?:mt|t)|yuan\s*/\s*ton|per\s+tonne)?\s*(?:from|since|compared\s+(?:to|with))\s+"
    r"(?:the\s+(?:beginning|start)\s+(?:of\s+)?(?:(?:the|this|last)\s+year|\d{4})"
    # "Ferrochrome prices rose to 7,400 yuan/mt, up 200 yuan/mt compared to pre-holiday levels"
    r"|(?:the\s+)?pre-holiday\s+(?:levels?|prices?)"
    # "a drop of 20% from early May": from a vague point of a month
    rf"|(?:early|mid|late)[-\s]+(?:{_MONTHS})|the\s+(?:beginning|start|middle|end)\s+of\s+"
    rf"(?:{_MONTHS})"
    # "up 650 yuan/mt from the lowest price in the first half of the year": from a low, whenever
    # (or "up 300 yuan/mt from last week's lowest point")
    r"|(?:the|(?:last|this|the\s+previous)\s+(?:week|month)'s)\s+(?:lowest|highest)\s+"
    r"(?:price|level|point)?)\b"
    # "The prices soared by around 16% so far in 2021": since the year began
    r"|^\s*so\s+far\s+(?:in|this)\s+(?:\d{4}|year)\b"
)

_TO_THE_LIMIT = re.compile(
    r"^\s*,?\s*(?:with\s+(?:the\s+)?(?:prices?\s+|contract\s+)?)?(?:reaching|hitting|touching|to)\s+"
    r"(?:the|its)\s+(?:daily\s+)?limit\b"
)

_GRADED_PREMIUM_GOES_ON = re.compile(
    r"\bpremiums?\b[^.;]{0,60}?\b(?:over|against)\s+(?:the\s+)?shfe\s+\d{4}\s*,\s*and\s+"
    r"(?:good|high)-quality\s+copper\s*$"
)
_PREMIUM_MOVED_ON = re.compile(
    r"\bpremiums?\b[^.;]{0,80}?\d[^.;]{0,20}?,?\s*(?:and|but)\s+(?:then\s+)?(?:fell|dropped|slid|eased"
    r"|narrowed|rose|climbed|widened|increased|decreased)\s+(?:further\s+|quickly\s+)?to\s*$"
)
_HOVERED_AT = re.compile(r"\bhover(?:ing|ed|s)?\s+at\s*(?:rmb|us\$|\$)?\s*$")
_MOVED_ON_AFTER = re.compile(
    r"^\s*(?:yuan\s*)?(?:/\s*mt\s*)?(?:(?:early|in\s+(?:the\s+)?early\s+[a-z]+(?:\s+trading)?)\s+)?"
    r"(?:and|then|before)\s+(?:then\s+)?(?:surged|rose|climbed|jumped|rallied|fell|dropped|slid|dipped"
    r"|pulled\s+back|edged)\b"
)
_HOVERED = re.compile(
    r"\b(?:fluctuat(?:ing|ed|es)|hover(?:ing|ed|s)?|oscillat(?:ing|ed|es))\s+(?:around|near)"
    r"(?:\s+the)?\s*(?:rmb|us\$|\$)?\s*$"
    # "hovered in a 40 yuan/mt range around the lower Bollinger band at 18,360 yuan/mt"
    r"|\brange\s+around\s+the\s+(?:[a-z-]+\s+){0,3}(?:band|average|line)\s+at\s*(?:rmb|us\$|\$)?\s*$"
    # "SHFE 1306 slipped to stall at RMB 14,800/mt": where it sat in the session, no close
    r"|\b(?:stall(?:ed)?|stagnat(?:e|ed))\s+at\s*(?:rmb|us\$|\$)?\s*$"
)
_RECENTLY = re.compile(
    r"^\s*(?:/\s*mt\s*)?,?\s*(?:recently|lately|in\s+recent\s+(?:days|weeks)"
    # "the price of 304 cold-rolled coil fluctuated around 13,450 yuan/mt this week": where the
    # week's quotes hovered, beside the week's costs
    r"|this\s+week|during\s+the\s+week|over\s+the\s+week)\b"
)

_TO_DATE = re.compile(r"\b(?:mtd|month-to-date|ytd|year-to-date)\b")

_LIMIT_PRICE = re.compile(
    r"\blimit[- ](?:up|down)(?:\s+(?:price|level|board))?(?:\s+(?:of|at))?\s*(?:rmb|us\$|\$)?\s*$"
    # "with prices reaching the limit of 174,060 yuan per ton"
    r"|\b(?:hit(?:ting|s)?|reach(?:ed|ing|es)?|touch(?:ed|ing|es)?)\s+(?:the|its)\s+(?:daily\s+)?limit"
    r"(?:\s+(?:price|level|board))?(?:\s+(?:of|at))?\s*(?:rmb|us\$|\$)?\s*$"
    # "pushed SHFE copper prices to the upper trading limit of RMB 57,240/mt"
    r"|\b(?:upper|lower)\s+(?:trading\s+|daily\s+|price\s+)?limit(?:\s+(?:price|level))?\s+(?:of|at)"
    r"\s*(?:rmb|us\$|\$)?\s*$"
)

# ", flat WoW"; "(flat WoW)" after the quote
_FLAT_AFTER = re.compile(
    r"^\s*(?:/\s*mt\s*)?(?:,|\()\s*(?P<also>also\s+)?(?:(?:flat|unchanged|stable)\b"
    # "finally closed at $1,971.5/mt, with a % change of 0": no move, told in per cent
    r"|(?P<pct>with\s+a\s+%\s+change\s+of\s+0(?:\.0+)?(?!\d)(?!\.\d)))"
)

# ... "to close 0.17% weaker at 17,170 yuan/mt"
_SIDE_WORDS = {
    "high": "higher",
    "low": "lower",
    "weaker": "lower",
    "softer": "lower",
    "stronger": "higher",
    "firmer": "higher",
}
_SIDE_AFTER = re.compile(r"^\s*(higher|lower|weaker|stronger|firmer|softer)\b")

_TECHNICAL = re.compile(
    r"\b(?:support|resistance)(?:\s+(?:level|line)s?)?(?:\s+(?:above|below))?"
    # "Resistance above is noted at ...", "support first at A, then B"
    # ("Resistance is watched at 21,135 yuan/mt and support at 20,940")
    r"(?:\s+(?:is|was|sits|lies|stands))?(?:\s+(?:noted|seen|found|watched))?(?:\s+first)?"
    # ("prices found support near the key 119,000 yuan/mt level")
    r"\s+(?:at|of|around|near|from)(?:\s+the)?(?:\s+key)?\s*"
    r"(?:(?:rmb\s*|\$\s*)?[\d,.]+\s*(?:yuan/mt|yuan|/mt|per\s+tonne)?\s*[,;]?\s*"
    r"(?:followed\s+by|then|and)\s*)?(?:rmb|\$)?\s*$"
    # "The key resistance level is 21,050-21,100 yuan/mt"
    r"|\b(?:support|resistance)(?:\s+(?:level|line|range|zone)s?)?\s+(?:is|was|are|were)\s*"
    r"(?:rmb|\$)?\s*$"
    # "SHFE 1709 tin will challenge 152,000 yuan per tonne": a line to be tested
    r"|\b(?:challeng(?:e|es|ed|ing)|re-?test(?:s|ed|ing)?)\s*(?:rmb|\$)?\s*$"
    # "It is likely to try to stand above 46,500 yuan/mt tomorrow": a line it may hold
    r"|\btry\s+to\s+(?:stand|stay|hold)\s+(?:above|below|over)\s*(?:rmb|\$)?\s*$"
    # "..., but should meet pressure at RMB 57,000/mt": a ceiling it will run into
    r"|\b(?:meet|meets|met|face|faces|faced|suffer|suffers|suffered)\s+pressure\s+(?:at|around|near)"
    r"\s*(?:rmb|usd|\$)?\s*$"
    # "closed at $3,110/mt, above MA60 ($2,991.28)": a moving average on the chart
    r"|\bma\d{1,3}\s*\(\s*(?:rmb|usd|\$)?\s*$"
    # a headline's "Focus on Breakthrough Momentum at 20,500 yuan/mt": a line to watch
    r"|\b(?:breakthrough|breakout)\s+(?:momentum\s+)?(?:at|above|near|around)\s*(?:rmb|usd|\$)?\s*$"
)

# "struggled to break the $3,300/mt level": a line not crossed ("breaking through the 50000
# yuan mark" is a bound).
_TRIED = re.compile(
    r"\b(?:struggl\w*|fail\w*|unable|tried|attempt\w*)\s+to\s+(?:break|breach|pierce|surpass)\b"
    r"|\btest(?:ed|ing|s)?\b"
)

# "failed to break through the psychological level of $2,000/mt": the line named first
_LEVEL_OF = re.compile(r"\b(?:level|mark|threshold)\s+of\s*(?:rmb|usd|us\$|\$)?\s*$")

# "with the 21,000 yuan/mt level still under pressure": a line the market struggles at
_LEVEL_UNDER_PRESSURE = re.compile(
    r"^\s*(?:/\s*mt\s*)?(?:level|mark|line)\s+(?:(?:still|remaining|being|is|was)\s+){0,2}"
    r"(?:under\s+pressure|(?:acting|seen)\s+as\s+(?:resistance|support))\b"
)
# A chart indicator whose reading a morning meeting prints in parentheses: "the MACD's DIF
# (79.9094)", "with a narrowing negative histogram (-44.5096)"
_CHART_INDICATOR = re.compile(r"\b(?:histogram|macd|dif|dea|kdj|rsi|ma\d{1,3})\b")
_TECHNICAL_AFTER = re.compile(r"^\s*(?:/\s*mt\s*)?(?:level|mark|line)\b(?!\s+(?:of|in)\b)")


def learn(drafts: list[Draft], sentence: Sentence, context: Context) -> None:
    """What this sentence's prices teach about the rest of the article."""
    moves = list(_MOVE_OF.finditer(sentence.folded))
    if moves:
        context.last_move = to_decimal(moves[-1].group("amount"))
    for draft in drafts:
        if draft.region not in EXCHANGES | {"China"} and not draft.region.startswith(
            ("FOB", "CIF")
        ):
            context.place = draft.region
        if draft.metric is Metric.PRICE and draft.value is not None and not draft.forecast:
            context.levels.append((draft.subject, draft.region, draft.unit, draft.value))
        if draft.metric is Metric.PRICE and not draft.forecast:
            context.product = draft.subject
        if draft.metric is Metric.PRICE and context.metal is None:
            # (a forecast's metal too: "LME lead is expected to ... trade within $1,970-2,015/mt
            # ... Spot price forecast: 17,000-17,250 yuan/mt")
            context.metal = names.base_metal(draft.subject)
