"""Spreads per tonne: the difference between two named prices (a premium or discount, a
refined-to-scrap spread, an import profit or loss, two markets at parity), named by its legs.
"""

from __future__ import annotations

import re
from decimal import Decimal

from scrapers.extract import metrics, names
from scrapers.extract.document import Clause, Context
from scrapers.extract.drafts import Draft, Notes
from scrapers.extract.lexicon import EXPECTATION
from scrapers.extract.periods import MONTH_NAMES, month_number
from scrapers.extract.quantities import Kind, Quantity
from scrapers.extract.quoting import (
    _AVERAGE,
    _CHANGE_NOUN,
    _LATER,
    _ONCE,
    _PAREN,
    _REFERENCE,
    _TODAYS_QUOTE,
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
)
from scrapers.extract.reading import AFTER, basis_at, direction, looks_forward, without_dateline
from scrapers.extract.text import Sentence
from scrapers.models import Bound, Metric, PriceChange

# The words for an import margin, which both make a sentence a spread's and name it the import
# window: "import losses", "the loss on importing against the current month contract", "spot
# imports lost around 250 yuan/mt", "the loss of imports has been reduced to less than 100
# yuan/mt", "the real-time loss per ton for imported ADC12", "Losses for copper importers were"
_IMPORT_MARGIN = (
    # ("the import real-time loss remained stable in the range of 500-600 yuan/mt")
    r"import\s+(?:real-time\s+)?(?:losses|loss|profits?|windows?|margins?)"
    r"|(?:loss|losses|profits?)\s+on\s+importing\b|\bimports\s+(?:lost|made)\b"
    r"|(?:loss|losses|profits?)\s+of\s+imports\b"
    r"|(?:loss|losses|profits?)(?=[^.;]{0,25}?\b(?:for|on)\s+imported\b)"
    r"|(?:loss|losses|profits?)(?=\s+(?:for|of)\s+(?:[a-z]+\s+)?importers\b)"
)

_SPREAD = re.compile(
    r"\b(?:price\s+(?:difference|spread|gap)s?|(?:the|a|its|this)\s+spread|spreads\b"
    r"|spread\s+(?:between|of|narrowed|widened|was|stood|closed|expanded|shrank|against|over)"
    r"|(?:theoretical\s+)?premiums?(?:/discounts?)?"
    r"|discounts?|discounted|" + _IMPORT_MARGIN +
    # "Imported minerals keep a loss of about 800-900 yuan per tonne": the ore's import loss
    r"|(?<=\bimported\sminerals\skeep\sa\s)loss"
    r"|refined[\s-]+(?:to[\s-]+)?(?:scrap|waste)|price\s+differential)\b"
)

# an inter-month spread ("BACK 250 yuan/mt"), not a price falling back ("pulled back 3,370")
_NOT_A_SPREAD = re.compile(
    r"\binter-?month|\bcontango\b|\bbackwardation\b"
    # "the price spread between SHFE 1606 and 1605 aluminum contracts": two months of one contract
    r"|\bbetween\s+(?:the\s+)?shfe\s+\d{4}\s+and\s+\d{4}\b"
    r"|(?<![a-z]ed\s)(?<!fell\s)(?<!came\s)(?<!went\s)(?<!slid\s)\bback\s+\d"
    # "The BACK between contracts moved within 150-180 yuan/mt": the next month's discount
    r"|\bback\s+(?:spread\s+)?between\s+(?:the\s+)?(?:futures\s+)?contracts\b"
    # a calendar spread, not "the average spot price ... in June (calendar month)"
    r"|calendar(?!\s+(?:month|year|week|day)s?\b)"
)

_BETWEEN = re.compile(
    r"(?:\bbetween|\b(?:spread|difference|gap)\s+of)\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)"
    r"(?=\s+(?:in\s+[a-z]+\s+)?"
    r"(?:was|were|is|are|stood|closed|rose|fell|widened|narrowed|expanded|has|had|remained"
    r"|also|at|to|of|came|hit|reached|continued|shrank|showed|fluctuated|increased|decreased"
    r"|dropped|moved|adjusted)\b|,|$)"
)

# ... and a leg told as a price of something ("between the SMM ADC12 spot price and the 10:15
# closing price of the most-traded cast aluminum alloy futures contract (AD2603) was 960"),
# read to the verb when the short reading names no leg.
_BETWEEN_TO_VERB = re.compile(
    r"\bbetween\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)"
    r"(?=\s+(?:was|were|is|are|stood|came|widened|narrowed|expanded|shrank)\b|,|$)"
)

_HYPHENED_PAIR = re.compile(
    r"\b(?P<a>[a-z]+(?:\s+[a-z]+){0,3})-(?P<b>[a-z]+(?:\s+[a-z]+){0,3}?)"
    r"\s+price\s+(?:difference|spread|gap)\b"
)

_OVER = re.compile(
    r"\b(?:premium|discount)s?\s+(?:of\s+(?P<a>[\w$#,.\s/~–-]+?)\s+)?(?:to|over|against|relative\s+to)\s+"
    # "over the 10:15 closing price of the most-traded ... contract"
    r"(?:the\s+)?(?P<b>[a-z0-9#:\s'’-]+?)(?=\s*(?:\(|\bat\b|\bon\b|\bwas\b|\bwere\b|\bis\b"
    r"|\bnarrowed\b|\bwidened\b|\bstood\b|,)|$)"
)

# "In Henan, spot prices against the SMM 1# lead maintained a premium of 25-75 yuan/mt or a premium
# of 50-100 yuan/mt against the SHFE lead 2402 contract": the verb holds both quotes
_HELD_THEN_OR = re.compile(
    r"\bmaintain(?:ed|s)?\s+an?\s+(?:[a-z]+\s+)?(?:premium|discount)s?\s+of\s+[^;]{0,80}?\s+or\s*$"
)

_YESTERDAY_WHEN = re.compile(r"\b(?:yesterday|the\s+previous\s+(?:trading\s+)?day)\s+when\b[^.;]*$")

_AGAINST_NEXT_MONTH = re.compile(r"\bagainst\s+(?:the\s+)?next[\s-]+month(?:'s)?\b")

_SIGNED_LINE = re.compile(
    r"\b(?:f[ae]ll(?:s|ing|en)?|dropp?(?:ed|s|ing)?|slipp?(?:ed|s|ing)?|sank|r[io]s(?:e|es|en|ing)"
    r"|climb(?:ed|s|ing)?)\s+(?P<way>below|above)\s+an?\s+(?:discount|premium)\s+of\s*$"
)

_DISCOUNTED = re.compile(
    r"(?P<a>[a-z0-9#\s'’-]+?)\s+(?:has\s+|had\s+|was\s+)?discounted\s+[^a-z]*(?:yuan\s*/\s*tons?)?"
    r"\s*(?:of|to|against)\s+(?P<b>[a-z0-9#\s'’-]+)"
)

_SPOT_PREMIUM = re.compile(
    r"\bspot\s+(?:premiums?|discounts?)\b|\bpremiums\s+and\s+discounts\b"
    # "spot prices are expected to be near RMB 20/mt above SHFE three-month zinc contract prices"
    r"|\bspot\s+(?:[a-z#0-9]+\s+)?prices?\b[^.;]{0,60}?\b(?:above|below)\s+(?:the\s+)?shfe\b"
    # "spot copper premiums rose to RMB 350-400/mt"
    r"|\bspot\s+(?:copper|zinc|alumini?um|lead|nickel|tin)\s+(?:premiums?|discounts?)\b"
    # "spot copper will trade 200-100 yuan per tonne below SHFE copper for February delivery"
    r"|\bspot\s+(?:copper|zinc|alumini?um|lead|nickel|tin)\b[^.;]{0,60}?\b(?:above|below)\s+"
    r"(?:the\s+)?shfe\b"
    # "spot prices are likely to trade at a premium of 20-80 yuan today"; "The 0# common brand
    # will trade at a discount of 100-60 yuan/mt": the market's own spot premium
    r"|\bspot\s+(?:[a-z]+\s+)?prices?\b(?:\s+[a-z]+){0,7}?\s+an?\s+(?:premium|discount)\b"
    # "On the spot market, the discounts are seen at 220-180 yuan/mt"
    r"|\bon\s+the\s+spot\s+market\s*,\s*the\s+(?:premiums?|discounts?)\b"
    # AL Circle's "with spot contracts to be traded at a discount price of RMB 20 per tonne and
    # a premium price of RMB 20 per tonne"
    # (or "The spot contract will likely trade at a discount price of RMB 50-10 per tonne")
    r"|\bspot\s+contracts?\s+(?:(?:is|are|was|were|will|may)\s+)?(?:(?:likely|expected)\s+)?"
    r"(?:to\s+)?(?:be\s+)?trade[ds]?\s+at\s+an?\s+(?:premium|discount)\b"
    # ... and its slip "with average prices likely to be traded at a discount price of RMB 30 per
    # tonne and a premium price of RMB 10 per tonne" (the template's words for the spot contract)
    r"|\baverage\s+prices\s+(?:(?:is|are|was|were)\s+)?(?:(?:likely|expected)\s+)?(?:to\s+be\s+)?"
    r"traded\s+at\s+an?\s+(?:premium|discount)\s+price\s+of\b"
    # "In the spot market, sellers began the day with premiums of 600-620 yuan/mt"
    r"|\bin\s+the\s+spot\s+market\s*,[^.;]{0,60}?\b(?:premiums?|discounts?)\s+of\b"
    # "Spot prices are expected to trade at premiums of RMB 0-40/mt"; "Spot copper in China
    # should trade between discounts of RMB 50/mt and premiums of RMB 30/mt"
    r"|\bspot\s+(?:prices|copper|zinc|alumini?um|lead|nickel|tin)\b(?:\s+[a-z]+){0,7}?\s+"
    r"(?:an?\s+)?(?:premium|discount)s?\s+of\b"
    r"|\b(?:common|mainstream|ordinary|standard)\s+brands?\b"
    # "quoted at premiums of 265~300 yuan/mt over the market": over the futures
    r"|\b(?:premiums?|discounts?)\s+of\s+[^a-z]*(?:yuan/mt\s+)?(?:over|against|to)\s+the\s+"
    r"(?:market|online\s+price|futures)\b"
    # "premiums for high-quality copper were quoted at 100 yuan/mt"; "Hydro-copper was quoted
    # with premiums of 140 yuan/mt"
    r"|\b(?:premiums?|discounts?)\s+for\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:copper|zinc|nickel|tin"
    r"|lead|alumini?um)\b"
    r"|\bquoted\s+with\s+(?:an?\s+)?(?:premium|discount)s?\s+of\b"
    # "the mainstream electrodeposited nickel premium range remained relatively stable at
    # -100-200 yuan/mt" (as "the premium range for mainstream electrodeposited nickel")
    r"|\b(?:copper|zinc|nickel|tin|lead|alumini?um)\s+(?:spot\s+)?premium\s+range\b"
    # "High-quality copper traded at a premium of around 100 yuan/mt."
    r"|^\s*(?:standard-quality|high-quality|sx-ew|hydro|non-standard)\s+(?:copper|zinc|nickel|tin"
    r"|lead|alumini?um)\s+(?:was\s+|were\s+)?(?:quoted|traded|offered)\s+(?:at|in)\s+(?:an?\s+)?"
    r"(?:premium|discount)s?\b"
    # "When premiums of standard-quality products fell to 60-70 yuan/mt", "Offers of
    # high-quality copper dipped from a premium of 110 yuan/mt to 80 yuan/mt": a grade's premium
    r"|\b(?:premiums?|discounts?|offers?)\s+(?:of|for)\s+(?:the\s+)?(?:mainstream\s+)?"
    r"(?:standard-quality|high-quality|good-quality|sx-ew|hydro-?copper|non-standard)\b"
    # "mainstream standard-quality copper premiums were 150-180 yuan/mt"
    r"|\b(?:standard-quality|high-quality|sx-ew|hydro|mainstream)\s+(?:[a-z-]+\s+){0,2}"
    r"(?:copper|zinc|nickel|tin|lead|alumini?um)\s+(?:premiums?|discounts?)\s+(?:were|was|stood)\b"
    # "SX-EW copper was also tight, quoted at a discount of 40-20 yuan/mt"; "high-quality copper
    # was at a premium of 90 yuan/mt"
    r"|\b(?:high-quality|standard-quality|sx-ew|hydro)[\s-]*copper\b[^.;]{0,40}?"
    r"\b(?:quoted|was|were|is|are)\s+at\s+an?\s+(?:premium|discount)s?\b"
    # "In Shanghai, mainstream standard-quality copper traded at premiums of 80-120 yuan/mt"; "A
    # little more high-quality copper was on offer, and its cargoes invoiced next month drew
    # deals at a premium of 150 yuan/mt"
    # (hydro-copper that "traded at a premium of 90 yuan/mt" is one deal: batch 96)
    r"|\b(?:mainstream\s+)?(?:high-quality|standard-quality)\s+copper\s+"
    r"(?:was\s+|were\s+)?traded\s+at\s+(?:an?\s+)?(?:premium|discount)s?\b"
    r"|\b(?:high-quality|standard-quality|sx-ew|hydro)[\s-]*copper\b[^.;]{0,70}?\bdeals\s+at\s+an?\s+"
    r"(?:premium|discount)\b"
    # "high-quality copper was quoted at a discount of 50 yuan/mt"; "SX-EW copper was quoted at
    # parity to a premium of 40 yuan/mt"; "SX-EW copper was reported at a discount of 20 yuan/mt
    # to a premium of 20 yuan/mt"
    r"|\b(?:high-quality|standard-quality|sx-ew|hydro)[\s-]*(?:copper\s+)?(?:is|are|was|were)\s+"
    r"(?:quoted|reported)\s+at"
    r"\s+(?:parity\s+to\s+)?(?:an?\s+)?(?:premium|discount)s?\b"
    # "SMM average premium for #1 copper cathode was 170-230 yuan/mt"
    r"|\baverage\s+premiums?\s+(?:for|of)\s+(?:smm\s+)?(?:#1|1#)\s"
    # "suppliers quoted standard-quality copper at premiums of 160-180 yuan/mt"; "high-quality
    # copper (plate) was quoted at premiums of 180-200 yuan/mt"
    r"|\bquoted\s+(?:[a-z#0-9()-]+\s+){1,5}?at\s+(?:parity\s+to\s+)?(?:an?\s+)?"
    r"(?:premium|discount)s?\s+of\b"
    # "suppliers offered standard-quality copper at a premium of 30-70 yuan/mt"; "quoting
    # standard-quality copper at a discount of 250-170 yuan/mt": a grade's offer (not a brand's:
    # "offered Peruvian and other brands at premiums of 40-80 yuan/mt")
    r"|\b(?:offered|offering|quoting)\s+(?:mainstream\s+)?(?:standard-quality|high-quality"
    r"|good-quality|sx-ew|hydro|non-standard)[\s-]*copper\s+at\s+(?:parity\s+to\s+)?(?:an?\s+)?"
    r"(?:premium|discount)s?\s+of\b"
    r"|\bpremiums?(?:\s+range)?\s+(?:for|of)\s+(?:the\s+)?mainstream\b|\bspot\s+(?:[a-z]+\s+)?contract(?:\s+price)?\s+"
    r"(?:is\s+|was\s+)?(?:likely\s+|expected\s+)?(?:to\s+be\s+|may\s+be\s+)?traded\b"
)

_THAN_FUTURES = re.compile(
    r"\b(?:lower|higher)\s+than\s+(?:the\s+)?(?:shfe|lme|comex)\b"
    r"|\b(?:above|below|over|under)\s+(?:the\s+)?(?:shfe|lme|comex)\s+\d{4}\b"
    # "near RMB 20/mt above SHFE three-month zinc contract prices"
    r"|\b(?:above|below|over|under)\s+(?:the\s+)?shfe\s+(?:[a-z-]+\s+){1,3}contract\b"
    r"|\b(?:lower|higher)\s+than\s+(?:the\s+)?(?:[a-z]+\s+)?\d{4}\s+contract\b"
    # "350-400 yuan per tonne above September zinc on the SHFE"; "discounts of RMB 20-40/mt over
    # August aluminum on the SHFE"
    r"|\b(?:above|below|over|under)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:zinc|copper|alumini?um|lead"
    r"|nickel|tin)\s+on\s+the\s+shfe\b"
    # "200-100 yuan per tonne below SHFE copper for February delivery"
    r"|\b(?:above|below|over|under)\s+(?:the\s+)?shfe\s+(?:zinc|copper|alumini?um|lead|nickel|tin)"
    r"\s+for\s+[a-z]+\s+delivery\b"
)

# "Aluminum prices were mainly between RMB 11,830-11,840/mt in Shanghai on Wednesday, discounts
# of RMB 60-70/mt, versus ...": a premium or discount told bare right after a market's spot price
_BARE_TERMS = re.compile(
    r"^\s*(?:with\s+)?(?:spot\s+)?(?:premiums?|discounts?)\s+of\s+(?:rmb\s*)?[\d,.]+"
    r"(?:\s*-\s*[\d,.]+)?\s*(?:yuan\s*)?/\s*(?:mt|t)\s*,?\s*$"
)

_VERSUS = re.compile(
    # ("against average SMM #1 lead price")
    r"\b(?:against|over)\s+(?:the\s+)?(?:(?:average|spot)\s+prices?\s+of\s+(?:the\s+)?"
    r"|average\s+(?=smm\s*(?:#1|1#)))?"
    # "quoted at a discount of 100-50 yuan/mt to the SMM 1# lead price"
    r"|\bto\s+(?:the\s+)?(?:average\s+)?(?=smm\s*(?:#1|1#))"  # "to the average SMM #1 lead price"
    # "In Henan, suppliers lowered their premiums for SMM #1 lead to 0-50 yuan/mt"
    r"|(?<=premiums\s)for\s+(?:the\s+)?(?=smm\s*(?:#1|1#))|(?<=premium\s)for\s+(?:the\s+)?(?=smm\s*(?:#1|1#))"
    # "ex-factory prices ... were 100-40 yuan/mt lower than the SMM 1# lead average price"
    r"|\b(?:lower|higher)\s+than\s+(?:the\s+)?(?=smm\s*(?:#1|1#))"
    # "ex-works quotations were mostly at parity with the SMM #1 lead average price"
    r"|(?<=parity\s)with\s+(?:the\s+)?(?=smm\s*(?:#1|1#|refined\s+[a-z]+\s+price))"
    # "Goods in Henan were quoted at premiums of RMB 0-80/mt to SMM refined lead prices"
    r"|(?<=/mt\s)to\s+(?=smm\s+refined\s+[a-z]+\s+price)"
)

_AGAINST = re.compile(
    # "offering a discount of 500 yuan/ton to flat on the February contract"
    # ("a discount of RMB 110-150/mt for the most active SHFE 1406 zinc contract prices")
    r"\b(?:against|over|on|(?<=par\s)with|(?<=parity\s)with|(?<=premium\s)to|(?<=discount\s)to"
    # ("at a discount of 90 yuan/mt to the 2505 contract")
    r"|(?<=/mt\s)for|(?<=/mt\s)to)"
    r"\s+(?:the\s+)?(?P<b>[a-z0-9#\s'’-]+?)\s+contract\b"
    # "a premium of 55 yuan/mt over the current month", "a discount of 75 yuan/mt to the
    # current month"
    r"|\b(?:against|over|to)\s+(?:the\s+)?(?P<month>current|next|front|this)\s+month\b"
    # "350-400 yuan per tonne above September zinc on the SHFE"
    r"|\b(?:above|below)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:zinc|copper|alumini?um|lead|nickel|tin)"
    r"\s+on\s+the\s+shfe\b"
    # "with premiums of positive RMB 0-50/mt over SHFE current-month aluminum prices"
    r"|\b(?:against|over|to)\s+(?:the\s+)?shfe\s+(?:current-month|front-month|most-traded\s+)?"
    r"\s*[a-z]+\s+prices?\b"
)

# "..., and that for Jiangsu bare bright aluminium wire was ..."; "with the price spread of
# machine-made aluminum tense scrap in Shanghai widening to ..." after the pair was named
_THAT_FOR = re.compile(
    r"^\s*(?:(?:and|while|with)\s+)?(?:that|the\s+price\s+(?:spread|difference|gap))"
    r"\s+(?:for|of)\s+(?!the\s+(?:most|main)\b)"
)

_DISCOUNT_BEFORE = re.compile(
    r"\bdiscounts?(?:\s+price)?(?:\s+of)?(?:\s+about|\s+around)?\s*$|\bdiscounted\s*$"
    # "with spot discounts expected at RMB 0-50/mt"
    r"|\bdiscounts?\s+(?:are\s+|is\s+)?expected\s+(?:at|of|between)\s*$"
    # "Spot copper discounts were RMB 0-40/mt and premiums RMB 0-80/mt in Shanghai"
    # (not "The average spot premiums/discounts stood at 170 yuan/mt": either side)
    r"|(?<![/-])\bdiscounts?\s+(?:were|was|are|is|stood\s+at)\s*$"
)

_LOSS = re.compile(r"\b(?:losses|loss)\b")

_IMPORT_COST = re.compile(
    r"^\s*(?:yuan/mt\s+|per\s+tonne\s+)?(?:(?P<dir>higher|lower)\s+than|(?P<side>above|below))"
    r"\s+(?:the\s+)?domestic"
)

_ABOVE_DOMESTIC = re.compile(
    r"^\s*(?P<dir>higher|lower|above|below)\s+(?:than\s+)?(?:the\s+)?(?:domestic|[a-z]+\s+index|spot)\b"
    # "This represents a RMB 145/mt premium over domestic alumina prices, keeping the alumina
    # import window closed"
    r"|^\s*(?P<side>premium|discount)\s+(?:over|to|against)\s+(?:the\s+)?domestic\b"
)

_FEW_QUOTES = re.compile(
    r"\b(?:a\s+few|some|several|individual)\s+(?:(?:quotes|quotations|offers|deals|cargoes)\s+"
    r"(?:at|were\s+at)\s+)?(?:premiums?|discounts?)\s+of\s*$"
    # "suppliers quoted mainstream premiums around 160 yuan/mt, with deals later at 100-120
    # yuan/mt": where deals were done after the quotes
    r"|\bwith\s+deals\s+later\s+at\s*$"
)

# "30 yuan/mt discount": the side of a spread written after its amount
_SPREAD_SIDE_AFTER = re.compile(r"^\s*(?:/\s*mt\s*|yuan/mt\s*)?(?P<side>discount|premium)\b")


def _on_side(amount: Decimal, side: str, flip: bool) -> Decimal:
    """An amount signed by the side the text gives it, turned round when the legs are named the
    other way round from the text's."""
    return -amount if (side == "discount") != flip else amount


_THAN = re.compile(
    r"^\s*(?:yuan/mt\s*)?(?P<dir>lower|higher|more|less)\s+than\s+(?:the\s+)?(?P<what>[a-z]+)"
)

_MOVED_FROM = re.compile(
    r"\b(?:dipped|fell|dropped|slid|declined|rose|climbed|increased|decreased|narrowed|widened"
    r"|moved|edged\s+(?:up|down)|(?:were|was)\s+(?:raised|lowered|cut|lifted))\s+from\s+"
    r"(?:an?\s+)?(?:premium|discount)\s+of\b"
)

_DOMESTIC_AND_IMPORTED = re.compile(
    r"\bbetween\s+(?:the\s+)?domestic(?:\s+#?\d#?)?\s+(?:[a-z]+\s+)?and\s+imported\s+[a-z]+\b"
)
_ITS_PREMIUMS_MOVED = re.compile(
    r"\s*with\s+(?:spot\s+)?(?:premiums?|discounts?)\s+(?:widening|narrowing|rising|falling|up|down)\b"
)
_AND_THE_OTHER_SIDE = re.compile(
    r"^\s*(?:yuan\s*)?(?:/\s*mt\s*)?,?\s*and\s+(?:premiums?|discounts?)\s+(?:of\s+|between\s+|at\s+)?"
    r"(?:rmb\s*)?$"  # ("spot discounts expected at RMB 0-50/mt and premiums between RMB 0-50/mt")
)

_BELOW_OR_ABOVE = re.compile(r"^\s*(?:/\s*mt\s*)?below\s+(?:or|to)\s+(?:rmb\s*)?$")

_WIDER_FROM = re.compile(r"^\s*(?:yuan/mt\s*)?(?P<dir>wider|narrower)\s+(?:from|than)\b")

_AT_A_MARGIN = re.compile(
    r"\b(?:at|with|showed|show|keeps?|kept)\s+an?\s+(?:loss|profit)\s+of"
    r"(?:\s+(?:about|around|roughly|nearly))?\s*$"
    # "spot imports lost around 250 yuan/mt": what an import loses, the window's level
    r"|\bimports\s+(?:lost|made)(?:\s+(?:about|around|roughly|nearly))?\s*$"
)
_IMPORTS_LOST = re.compile(r"\bimports\s+lost\b")

# A spot copper report's "after deals at parity, the centre rose to 10-20 yuan/mt": where a
# market's spot premium moved to once it had traded at parity with the futures
_CENTRE_AFTER_PARITY = re.compile(
    r"\b(?:deals?|transactions?)\s+(?:were\s+)?(?:done\s+|concluded\s+)?at\s+parity\b[^.;]{0,30}?"
    r"\bcent(?:re|er)\s+(?:rose|fell|moved|edged\s+(?:up|down)|climbed|dropped)\s+to\b"
)
# "deals then came lower, centred at a discount of 30 yuan/mt": where the market's deals
# settled against the futures, its spot premium
# "Standard-quality copper was quoted at 140 yuan/mt, a decrease of 10 yuan/mt from last
# Thursday" after the better grade's premium: the next grade's premium, its word left out
_GRADE_QUOTED_BARE = re.compile(
    r"^\s*(?:,\s*)?(?:(?:and|while)\s+)?(?:mainstream\s+)?"
    r"(?P<grade>high-quality|standard-quality|sx-ew|hydro|non-standard)[\s-]*copper\s+"
    r"(?:was|were|is|are)\s+quoted\s+at\s+[\d,.]+\s*(?:yuan|/mt|rmb)"
)


def _grade_told_on(folded: str, context: Context) -> str | None:
    """The premium a grade's bare quote belongs to, when the premium before it was over the
    futures (the standard grade's is the market's, as `_spread_name` folds it)."""
    told = _GRADE_QUOTED_BARE.match(folded)
    if told is None or context.last_spread is None:
        return None
    first, second = context.last_spread
    if not second.endswith(" futures") or names.base_metal(first) != "copper":
        return None
    return f"copper ({told.group('grade')}) - {second}"


_ITS_DEALS = re.compile(
    r"^\W*(?:and\s+)?its\s+cargoes\b[^.;]{0,40}?\bdeals\s+at\s+an?\s+(?:premium|discount)\s+of\b"
)
_NEXT_MONTH_CARGOES = re.compile(
    r"\bcargoes\s+(?:with\s+invoices\s+dated|invoiced)\s+next\s+month\b"
)
_DEALS_CENTRED = re.compile(
    r"\bdeals\b[^.;]{0,30}?\bcent(?:red|ered)\s+at\s+an?\s+(?:premium|discount)\s+of\b"
)
_AVERAGE_AT_PARITY = re.compile(
    r"\baverage(?:\s+(?:price|premium|spread))?\s+(?:(?:was|stood|being)\s+)?at\s+parity\b"
)

# "For price differences between A00 aluminum and aluminum scrap, the spread for mechanical
# casting aluminum scrap in Shanghai narrowed ...": the spread told after the pair is one grade's
_SPREAD_FOR = re.compile(r"\b(?:spread|difference|gap)s?\s+for\s+(?P<leg>[^,;]+)")


def _graded_leg(leg: str, after: str) -> str:
    """The pair's second leg, or the grade of it named after the pair and before the amount:
    "the spread for mechanical casting aluminum scrap in Shanghai narrowed ..."; "..., the
    Foshan mixed aluminum extrusion scrap free of paint saw a narrowing of 160 yuan/mt"."""
    spread_for = _SPREAD_FOR.search(after)
    told = spread_for.group("leg") if spread_for is not None else after
    told = told[: next((m.start() for m in re.finditer(r"\d", told)), len(told))]
    graded = names.known_products(told)
    if graded and graded[0][2].startswith(f"{leg} ("):
        return graded[0][2]
    if leg.endswith(" scrap") and re.search(r"\bprofile\s+alumini?um\b", told):
        # "with the spread for Foshan profile aluminum expanding to 1,975 yuan/mt": the
        # profile scrap Foshan quotes (batch 04's "Foshan aluminium for profiles")
        return f"{leg} (profile)"
    return leg


def _grade_of_pair_before(sentence: Sentence, clause: Clause, context: Context) -> str | None:
    """A spread clause that names only a grade, after a pair told earlier in the sentence: "In
    terms of the price difference between A00 aluminum and aluminum scrap, ..., while the
    Shanghai mechanical casting aluminum scrap spread widened by 29 yuan/mt WoW"."""
    if not re.search(r"\b(?:spread|price\s+difference)\b", clause.folded):
        return None
    before = sentence.folded[: clause.start]
    pair = next(iter(reversed(list(_BETWEEN.finditer(before)))), None)
    if pair is None:
        return None
    first, second = _leg(pair.group("a"), context), _leg(pair.group("b"), context)
    if not first or not second:
        return None
    graded = _graded_leg(second, clause.folded)
    return names.spread_name(first, graded) if graded != second else None


# "For the price difference between primary metal and scrap, Foshan aluminium for profiles
# closed at RMB 3,766 per tonne, and shredded tense scrap closed at RMB 2,691 per tonne."
_SCRAP_SPREADS = re.compile(
    r"^(?:for|as\s+for|regarding|in\s+terms\s+of)\s+the\s+price\s+(?:differences?|spreads?|gaps?)"
    r"\s+between\s+primary(?:\s+metal|\s+aluminium|\s+copper)?\s+and\s+scrap\s*,"
)


def _read_scrap_spreads(
    sentence: Sentence,
    clauses: list[Clause],
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> bool:
    """Each amount is the spread between the primary metal and the scrap its clause names."""
    metal = context.metal
    if metal is None:
        return False
    whole = sentence.folded
    start = _SCRAP_SPREADS.match(whole)
    read = False
    for clause in clauses:
        for quantity in (q for q in clause.quantities if q.kind is Kind.MONEY):
            head = whole[max(clause.start, start.end() if start else 0) : quantity.start]
            products = names.known_products(head)
            if not products:
                continue
            scrap = products[-1][2]
            if "scrap" not in scrap:
                purpose = re.search(r"\bfor\s+([a-z]+?)s?\b", head[products[-1][1] :])
                if scrap != metal or purpose is None:
                    continue
                scrap = f"{metal} scrap ({purpose.group(1)})"  # "aluminium for profiles"
            places = names.regions(head)
            owner = _Owner(f"{metal} - {scrap}", places[-1][2] if places else "China")
            draft = _draft(
                drafts, owner, quantity.unit or "CNY/t", sentence, None, False, metric=Metric.SPREAD
            )
            draft.value = quantity.value
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "spread",
                owner=owner.product,
                emitted=True,
                why="the primary metal's spread over this scrap",
            )
            read = True
    return read


# Another market's price ("New York gold prices closed up 0.8%"): its close is not the metal's.
_PER_POUND = re.compile(r"[^¢]{0,4}(?:¢|\bcents?\b)\s*(?:/|per)\s*(?:lb|pound)")

_THAN_BENCHMARK = re.compile(
    r"\b(?:lower|higher)\s+than\s+(?:the\s+)?smm\s*(?:#1|1#)\s+[a-z]+\s+(?:average\s+)?price"
)


# "... ended the trading day 0.29% higher at 13,825 yuan/mt, recovering from an earlier low of
# 13,800 yuan/mt as falling stocks and firm spot premiums limited the downside": a close, and
# premiums named only in the reason told after it
_CLOSE_THEN_REASON = re.compile(
    r"\b(?:closed|ended|finished|settled)\b[^;]*?\bat\s*(?:rmb|usd|us\$|\$)?\s*[\d,.]+"
    r"[^;]*?\b(?:as|because|since)\s+[^;\d]*?\b(?:premiums?|discounts?)\b"
    r"(?![^;]*(?:yuan|/mt|/t\b|per\s+tonne))"
)


def _is_spread(folded: str, context: Context) -> bool:
    # (each pattern is tried only where its own words are written: most sentences have none of
    # them, and a failed search still walks the whole sentence)
    premium_words = "premium" in folded or "discount" in folded
    if premium_words and _CLOSE_THEN_REASON.search(folded):
        return False
    if context.last_spread is not None and _THAT_FOR.match(folded):
        return True  # "..., and that for Jiangsu bare bright aluminium wire was 899.4 yuan/mt"
    if "quoted" in folded and _grade_told_on(folded, context) is not None:
        return True
    if "against" in folded and _SIGNED_AGAINST.search(folded):
        return True  # "quotations against the SHFE 2411 contract were +0~+200 yuan/mt"
    if "par" in folded and (_AT_PARITY.search(folded) or _CENTRE_AFTER_PARITY.search(folded)):
        # "ex-works quotations were mostly at parity with the SMM #1 lead price"; "In the
        # Changzhou region, after deals at parity, the centre rose to 10-20 yuan/mt"
        return True
    if (
        ("spread" in folded or "exceeded" in folded or "difference" in folded)
        and _REGION_PAIR.search(folded)
    ) or ("between" in folded and _VENUE_PAIR.search(folded)):
        # "the prices in Guangdong exceeded those in Shanghai by 20 yuan/mt"; "with
        # Guangdong-Shanghai spread at 120 yuan/mt"; "The difference between LME and SME
        # aluminium now stands at about US$ 261"
        return True
    compared = (
        "than" in folded
        or "above" in folded
        or "below" in folded
        or "over" in folded
        or "under" in folded
    )
    if compared and (
        _REGION_THAN.search(folded) is not None
        or _THAN_FUTURES.search(folded) is not None
        or _THAN_BENCHMARK.search(folded) is not None
    ):
        # "Prices in Tianjin were 40 yuan/mt lower than Shanghai prices"; "spot copper should be
        # offered RMB 20-80/mt lower than SHFE 1509 copper"
        return True
    if "than" in folded and _DEARER_THAN_AN_AMOUNT.search(folded):
        return True  # "it is still 0-50 yuan/mt more expensive than secondary refined lead"
    if not any(
        map(
            folded.__contains__,
            (
                "spread",
                "premium",
                "discount",
                "difference",
                "gap",
                "import",
                "refined",
                "differential",
            ),
        )
    ):
        return False
    if _NOT_A_SPREAD.search(folded) and not re.search(
        r"\bpremium|\bdiscount|price\s+difference", folded
    ):
        return False
    if _SPREAD.search(folded) is not None or _REGION_THAN.search(folded) is not None:
        return True
    return (
        "import" in folded
        and "domestic" in folded
        and any(map(folded.__contains__, ("higher than", "lower than", "above the", "below the")))
    )


# "at premiums above 150 yuan/mt": the premium's own number, right after the word.
_BARE_PREMIUM = re.compile(
    r"\bat\s+(?:a\s+)?(?:premiums?|discounts?)\s+(?:of\s+)?(?:above|below|over|under|around|about)?"
    r"\s*(?:rmb\s*)?[+-]?\d"
    # "SMM expects overall premiums to grow further to 100 yuan/mt on Tuesday"
    r"|\b(?:overall\s+)?(?:premiums?|discounts?)\s+to\s+(?:grow|rise|increase|widen|narrow|fall"
    r"|drop|ease|shrink)\s+(?:further\s+)?to\s*(?:rmb\s*)?[+-]?\d"
)

# "Mainstream transaction prices mainly ranged from a discount of 150 yuan/mt to a discount of
# 130 yuan/mt against the 2602 contract"; "actual transactions were at premiums of 10-20"
_DEALT = re.compile(
    r"\b(?:transactions?\s+(?:were|was)|deals?\s+(?:were|was))\b"
    # "with transaction prices continuing to decline, hovering at discounts of 20-60 yuan/mt
    # against the central China price"; "deals kept sliding, to discounts of ..."
    r"|\b(?:deals|transactions|transaction\s+prices)\s+(?:kept|continued|continuing|hovered"
    r"|hovering|ranged|ranging|settled|stayed|remained)\b"
    # "traders raised offers to a premium of RMB 30/mt over the current month": sellers' asks
    r"|\b(?:raised|lifted|cut|lowered)\s+(?:their\s+)?offers\s+to\b"
    # "after spot cargoes and warehouse warrants ... were sold out at premiums of 100-150
    # yuan/mt against the SHFE lead 2502 contract": what the lots went for
    r"|\b(?:were|was)\s+sold(?:\s+out)?\s+at\s+(?:premiums?|discounts?)\s+of\s*$"
)

# (not "for regular brands": the market's own)
_CEILING = re.compile(
    r"(?<!firmed\s)(?<!firm\s)(?<!pushed\s)(?<!moved\s)\bup\s+to\s*(?:rmb|\$)?\s*$"
)


def _primary_if_smelters(first: str | None, told: str, context: Context) -> str | None:
    """ "Mainstream producing region smelters quoted cargoes self-picked up from production sites
    at discounts of 220-80 yuan/mt against the SHFE lead 2506 contract": what primary smelters
    sell, in a metal whose reports tell primary and secondary apart (lead)."""
    if first == "lead" and not context.secondary_lead_report and _PRIMARY_SMELTERS.search(told):
        # (in a secondary lead report, "Smelters' quotations were at discounts ..." are the
        # secondary smelters')
        return "primary lead"
    return first


_IN_THE_SPOT_MARKET = re.compile(r"\s*in\s+the\s+(?:domestic\s+)?spot\s+market\s*,")
_LONDON_SPOT_PREMIUM = re.compile(
    r"\b(?:spot\s+)?(?:[a-z]+\s+)?premiums?\s+in\s+london\b|\blondon\s+spot\s+(?:[a-z]+\s+)?premiums?\b"
)
_PRIMARY_SMELTERS = re.compile(r"(?<!secondary\s)(?<!secondary\slead\s)\bsmelters\b")
_A_FEW_QUOTES = re.compile(
    r"\b(?:with\s+)?(?:some|a\s+few)(?:\s+quotes)?\s+at\s+(?:premiums?|discounts?)\s+of\s*$"
    r"|\bor\s+even\s+(?:at\s+)?(?:premiums?|discounts?)\s+of\s*$"
)
_APPROACHED = re.compile(r"\b(?:to\s+)?(?:approach(?:ing|ed)?|towards?|nearing)\s*(?:rmb|\$)?\s*$")

# "some cargoes were even quoted at discounts of RMB 300/mt": a few sellers, not the market
# ("and some suppliers narrowed their discounts against the SHFE lead 2601 contract to 50-30
# yuan/mt"; "with individual suppliers achieving small transactions at premiums of 50 yuan/mt")
_SOME_LOTS = re.compile(
    r"\b(?:some|individual)\s+(?:cargoes|goods|lots|sellers|holders|suppliers)\b[^.;]{0,50}$"
    r"|\b(?:some|individual)\s+suppliers\s+(?:narrow|widen|rais|lower|cut|achiev)[a-z]*\b[^.;,]{0,60}$"
)

_FOR_BRANDS_AFTER = re.compile(
    r"^[^.;]{0,50}?\bfor\s+(?!(?:regular|common|mainstream|ordinary|standard|general|domestic)\b)"
    r"(?:[a-z()]+\s+){1,5}?brands?\b"
)

# "high-quality copper such as Jinchuan (plate)", "... like Jinchuan (plate)": the grade, one
# brand given as its example (two named are those brands' own premium)
_FOR_EXAMPLE = re.compile(r"\b(?:such\s+as|like)\s+[a-z]+(?:\s+\([a-z ]+\))?")


def _read_import_window(
    sentence: Sentence,
    quantity: Quantity,
    product: str,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> bool:
    """ "translating to RMB 3,240.48 per tonne, RMB 72.02 per tonne higher than the alumina
    index": the import price against the domestic one, an import loss. Whether it was one."""
    whole = sentence.folded
    parity = _ABOVE_DOMESTIC.match(whole[quantity.end :])
    if parity is None or not re.search(r"\b(?:fob|cif|import|ports?)\b", whole):
        return False
    base = product.split(" (")[0]
    _window_at_parity(sentence, quantity, parity, f"{base} import window", drafts, notes)
    return True


def _window_at_parity(
    sentence: Sentence,
    quantity: Quantity,
    parity: re.Match[str],
    subject: str,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> None:
    """The import window read from an import price told against the domestic one: a loss when
    the import price is the higher."""
    window = _draft(
        drafts,
        _Owner(subject, "China"),
        quantity.unit or "CNY/t",
        sentence,
        None,
        False,
        metric=Metric.SPREAD,
    )
    sign = (
        -1 if (parity.group("dir") or parity.group("side")) in {"higher", "above", "premium"} else 1
    )
    window.value = sign * quantity.value
    notes.add(
        sentence,
        quantity.start,
        quantity.end,
        "spread",
        owner=window.subject,
        emitted=True,
        why="import parity against the domestic price: the import window",
    )


def _spot_price_beside(
    sentence: Sentence,
    amounts: list[Quantity],
    name: str,
    region: str,
    forecast: bool,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> list[Quantity]:
    """ "#0 zinc prices were RMB 330-350/mt lower than SHFE three-month zinc contract prices,
    between RMB 15,500-15,550/mt": after the spot premium, the spot price itself, at a price's
    level; it is read as the spot leg's price and the premium keeps the amounts before it."""
    spot, _, futures = name.partition(" - ")
    if not futures.endswith(" futures") or len(amounts) < 2:
        return amounts
    floor = metrics.price_floor(spot, amounts[0].unit or "CNY/t")
    if floor is None or amounts[0].value >= floor:
        return amounts
    kept = [q for q in amounts if q.value < floor]
    for index, quantity in enumerate(amounts):
        if quantity.value < floor or not _PRICE_TOLD_BESIDE.search(
            sentence.folded[: quantity.start]
        ):
            continue
        price = _draft(
            drafts, _Owner(spot, region), quantity.unit or "CNY/t", sentence, None, forecast
        )
        if quantity.is_range:
            price.low, price.high = quantity.value, quantity.high
        else:
            price.value = quantity.value
        notes.add(
            sentence,
            quantity.start,
            quantity.end,
            "range" if quantity.is_range else "level",
            owner=price.subject,
            emitted=True,
            why="the spot price told beside its premium",
        )
        move = amounts[index + 1] if index + 1 < len(amounts) else None
        told = (
            _PRICE_MOVED_AFTER.fullmatch(sentence.folded[quantity.end : move.start])
            if move is not None
            else None
        )
        if move is not None and told is not None and move in kept:
            # "..., with SMM A00 aluminum ingot prices at 20,390 yuan/mt, down 200 yuan/mt from
            # the previous trading day": the price's move, not the premium's
            sign = -1 if told.group("dir") == "down" else 1
            basis, _ = basis_at(sentence.folded[move.end :], after=True)
            price.change = PriceChange(sign * move.value, basis=basis)
            kept.remove(move)
            notes.add(
                sentence,
                move.start,
                move.end,
                "change",
                owner=price.subject,
                emitted=True,
                why="the move of the spot price told beside its premium",
            )
    return kept or amounts


# "drove its gap to SHFE 1405 to as high as RMB 600/mt": two contracts' gap, an inter-month spread
_WENT_ON_TO = re.compile(
    r"\b(?:narrow(?:ed|ing)|widen(?:ed|ing)|expand(?:ed|ing)|shr[ai]nk(?:ing)?|contract(?:ed|ing))\s+to"
    r"\s*(?:rmb|usd|us\$|\$)?\s*$"
)

_GAP_BETWEEN_CONTRACTS = re.compile(
    r"\b(?:gap|spread)\s+(?:to|with|between)\s+(?:the\s+)?shfe\s+\d{4}\b[^.;,]{0,30}$"
)

_PRICE_MOVED_AFTER = re.compile(r"\s*(?:/\s*mt\s*)?,\s*(?P<dir>up|down)\s*(?:rmb|usd|us\$|\$)?\s*")
_PRICE_TOLD_BESIDE = re.compile(
    r",\s*(?:between|at|or)\s*(?:rmb|usd|us\$|\$)?\s*$"
    # "..., with SMM A00 aluminum ingot prices at 20,390 yuan/mt"
    r"|,\s*with\s+(?:the\s+)?(?:smm\s+)?(?:[a-z0-9#]+\s+){0,4}prices?\s+(?:at|of|stood\s+at)"
    r"\s*(?:rmb|usd|us\$|\$)?\s*$"
    # "... was quoted at a RMB 50-120/mt premium and traded lower at RMB 47,830-48,000/mt"
    r"|\band\s+traded\s+(?:lower\s+|higher\s+)?at\s*(?:rmb|usd|us\$|\$)?\s*$"
)


def _told_as_import_parity(
    sentence: Sentence,
    clause: Clause,
    amounts: list[Quantity],
    name: str,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> bool:
    """ "That works out at about RMB 3,292.48 per tonne at the main domestic ports, RMB 47.51 per
    tonne above the alumina index, though ... the import window has opened": the window is the
    amount told against the domestic price (the converted import price is no figure), China's."""
    whole = sentence.folded
    for quantity in amounts:
        parity = _ABOVE_DOMESTIC.match(whole[quantity.end :])
        if parity is None:
            continue
        _window_at_parity(sentence, quantity, parity, name.replace(" (index)", ""), drafts, notes)
        for other in amounts:
            if other is not quantity:
                notes.add(
                    sentence,
                    other.start,
                    other.end,
                    "other",
                    why="the import price converted into yuan, compared with the domestic one",
                )
        return True
    return False


# "..., physical copper was quoted at a RMB 50-120/mt premium and traded lower at ...": a premium
# with no leg named, after one told against the contract
_BARE_PREMIUM_TOLD = re.compile(
    r"\b(?:quoted|offered)\s+at\s+an?\s+(?:rmb\s*)?[\d,.]+(?:\s*-\s*[\d,.]+)?\s*(?:yuan\s*)?"
    r"(?:/\s*mt\s+)?(?:premium|discount)\b(?!\s+(?:to|over|against)\b)"
)

_PREMIUMS_SUBJECT = re.compile(
    r"^\s*(?:the\s+)?(?:spot\s+)?(?:premiums?|discounts?)\s+"
    r"(?:are|is|were|was|will|should|may|might|could)\b"
)

_IMPORTED_ORE_LOSS = re.compile(
    r"\bimported\s+(?:minerals|ores?|concentrates?)\s+(?:keeps?|kept|sees?|saw)\s+(?:an?\s+)?"
    r"(?:loss|losses)\s+of\b"
)

_LATER_CONTRACT = "a premium against a later contract: only the front one is the spot premium"

# "offering a discount of 500 yuan/ton to flat on the February contract, and flat to a premium
# of 500 yuan/ton on the March contract": the spot quoted against two futures months
_MONTH_CONTRACT = re.compile(rf"\b(?:on|against|over|to)\s+the\s+({MONTH_NAMES})\s+contract\b")


# "... 140-180 yuan/mt over the 2410 contract" right after the amount, and any contract named by
# its year and month before it
_AGAINST_CODED_CONTRACT = (
    r"(?:on|against|over|to)\s+the\s+(?:shfe\s+)?(?:[a-z]+\s+)?(\d{4})\s+contract\b"
)
_CODED_CONTRACT = re.compile(r"\s*(?:/\s*mt\s*)?(?:yuan/mt\s*)?" + _AGAINST_CODED_CONTRACT)
_CONTRACT_JUST_BEFORE = 12
_CODED_CONTRACT_NAMED = re.compile(r"\b" + _AGAINST_CODED_CONTRACT)


_NEXT_MONTH_AFTER = re.compile(
    r"\s*(?:yuan\s*/\s*mt|/\s*mt)?\s*(?:against|over|to)\s+the\s+(?:next[- ]month|next\s+month's)"
    r"(?:\s+futures)?\s+contract\b"
)


def _against_a_later_month(sentence: Sentence, quantity: Quantity, context: Context) -> bool:
    """Whether the amount is quoted against a later futures month than one the sentence named
    before it: only the nearer month's is the spot premium (the later one is a far contract)."""
    if _NEXT_MONTH_AFTER.match(sentence.folded, quantity.end):
        # "Standard-quality copper was quoted at a discount of 50 yuan/mt against the
        # next-month contract" on delivery day: the spot premium is the front month's
        return True
    named = list(_CODED_CONTRACT_NAMED.finditer(sentence.folded, 0, quantity.start))
    coded = _CODED_CONTRACT.match(sentence.folded, quantity.end)
    own: str | None = coded.group(1) if coded is not None else None
    if own is None and named and quantity.start - named[-1].end() <= _CONTRACT_JUST_BEFORE:
        own = named.pop().group(1)  # "... and over the 2410 contract 140-180 yuan/mt"
    if own is not None and named:
        # "the premium over the 2409 contract was 50-90 yuan/mt and over the 2410 contract
        # 140-180 yuan/mt": contracts named by year and month
        return int(own) > min(int(earlier.group(1)) for earlier in named)
    after = _MONTH_CONTRACT.search(sentence.folded, quantity.end, quantity.end + AFTER)
    earlier = _MONTH_CONTRACT.findall(sentence.folded, 0, quantity.start)
    if after is None or not earlier:
        return False
    start = context.published.month if context.published else 1

    def ahead(name: str) -> int:
        return ((month_number(name) or start) - start) % 12

    return ahead(after.group(1)) > min(ahead(name) for name in earlier)


# "a premium of 250-300 yuan/mt over the SHFE December contract", "Over the November contract,
# the 0# zinc was offered at a premium of 70-100 yuan/mt"
_SHFE_MONTH_CONTRACT = re.compile(
    rf"\b(?:on|against|over|to)\s+the\s+(?:shfe\s+)?({MONTH_NAMES})\.?\s+contract\b"
)


def _against_another_month(
    sentence: Sentence, clause: Clause, quantity: Quantity, context: Context
) -> bool:
    """Whether the amount is a premium against another contract month than the report's own
    spot premium is quoted against (the first it named): "... over the SHFE December contract
    in Shanghai. ... Over the November contract, the 0# zinc was offered at a premium of
    70-100 yuan/mt" on the expiring contract's last day is not the spot premium."""
    named = _SHFE_MONTH_CONTRACT.search(
        sentence.folded, quantity.end, quantity.end + AFTER
    ) or _SHFE_MONTH_CONTRACT.search(sentence.folded, clause.start, quantity.start)
    if named is None:
        return False
    month = month_number(named.group(1))
    if context.quote_month is None:
        context.quote_month = month
        return False
    return month != context.quote_month


# (and AL Circle's "The spot contract price may be traded at a discount of RMB 30 per tonne and
# RMB 10 per tonne")
_BETWEEN_SPREADS = re.compile(
    r"\b(?:between\s+(?:discounts?|premiums?)|at\s+an?\s+(?:discount|premium))\s+of\s*"
    r"(?:rmb|us\$|\$)?\s*$"
)
_AND_THE_OTHER_END = re.compile(
    r"^\s*(?:yuan\s*)?(?:/\s*mt\s*|per\s+tonne\s*)?and\s*(?:rmb|us\$|\$)?\s*$"
)


def _ends_told_apart(whole: str, amounts: list[Quantity]) -> list[Quantity]:
    """ "spot copper will be traded between discounts of 160 yuan/mt and 80 yuan/mt": one
    range whose ends are written as two amounts."""
    joined: list[Quantity] = []
    for quantity in amounts:
        first = joined[-1] if joined else None
        if (
            first is not None
            and not first.is_range
            and not quantity.is_range
            and first.unit == quantity.unit
            and _BETWEEN_SPREADS.search(whole[: first.start])
            and _AND_THE_OTHER_END.match(whole[first.end : quantity.start])
        ):
            joined[-1] = Quantity(
                first.start, quantity.end, first.kind, first.value, quantity.value, first.unit
            )
            continue
        joined.append(quantity)
    return joined


# "..., but it is still 0-50 yuan/mt more expensive than secondary refined lead"
_DEARER_THAN = re.compile(
    r"\s*(?:yuan\s*)?(?:/\s*(?:mt|t)\b|per\s+(?:tonne|ton|mt)\b)?\s*"
    r"(?P<side>more\s+expensive|dearer|cheaper)\s+than\s+"
)
_DEARER_THAN_AN_AMOUNT = re.compile(r"\d[^.;]{0,20}?\b(?:more\s+expensive|dearer|cheaper)\s+than\b")


def _compared_products(sentence: Sentence, amounts: list[Quantity]) -> tuple[str, bool] | None:
    """ "Domestic crude lead output changed little ..., but it is still 0-50 yuan/mt more
    expensive than secondary refined lead": the product the sentence is about over the one it
    is compared with (a cheaper one is below it, the legs kept in the text's order)."""
    folded = sentence.folded
    compared = _DEARER_THAN.match(folded, amounts[-1].end)
    if compared is None:
        return None
    after = names.known_products(folded[compared.end() : compared.end() + 60])
    if not after or after[0][0] != 0:
        return None
    other = after[0][2]
    before = [product for *_, product in names.known_products(folded[: amounts[0].start])]
    own = next((product for product in reversed(before) if product != other), None)
    if own is None:
        return None
    return f"{own} - {other}", compared.group("side") == "cheaper"


_SPREAD_WITH = re.compile(
    r"\bprice\s+spreads?\s+with\s+(?P<other>[^,;]+?)\s+(?:are|is|was|were|will)\b"
)


def _spread_with(folded: str, context: Context) -> tuple[str, bool] | None:
    """ "The price spreads with battery-grade lithium carbonate are expected to narrow to
    15,000-20,000 yuan/mt" in a note on lithium hydroxide: the article's product over the one
    the spread is "with"."""
    told = _SPREAD_WITH.search(folded)
    if told is None:
        return None
    other = names.known_products(told.group("other"))
    own = context.mentioned_product or context.product
    if not other or own is None or own == other[-1][2]:
        return None
    return f"{own} - {other[-1][2]}", False


def _gap_of_the_prices_before(
    drafts: dict[tuple[object, ...], Draft], amount: Quantity
) -> str | None:
    """ "The average price of MHP in November was $13,126/mt Ni, and the average price of
    high-grade nickel matte was $13,409/mt Ni, with a price gap of $283/mt Ni": the difference of
    the two prices the sentence just gave, when the amount is exactly that (the higher named
    first, as the gap is told without a sign)."""
    unit = amount.unit or "CNY/t"
    prices = [
        (draft.value, draft.subject)
        for draft in drafts.values()
        if draft.metric is Metric.PRICE and draft.value is not None and draft.unit == unit
    ]
    if len(prices) < 2:
        return None
    (first, first_name), (second, second_name) = prices[-2:]
    if first_name == second_name or abs(first - second) != amount.value:
        return None
    high, low = (first_name, second_name) if first > second else (second_name, first_name)
    return f"{high} - {low}"


_IN_METAL_CONTENT = re.compile(r"\s*(?:yuan\s*)?(?:/\s*mt\s*)?(?:in\s+|\(\s*)metal\s+content\b")


_BETWEEN_THE_TWO = re.compile(r"\b(?:difference|spread|gap)\s+between\s+the\s+two\b")
_EXTREME_PREMIUM = re.compile(
    r"\bthe\s+(?:highest|lowest)\s+(?:cash\s+|spot\s+)?(?:price|premium|discount)\b[^.;]{0,40}?"
    r"\bat\s+an?\s+(?:premium|discount)\s+of\s*$"
)


def _read_spread(
    sentence: Sentence,
    clause: Clause,
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> None:
    folded = clause.folded
    amounts = [q for q in clause.quantities if q.kind is Kind.MONEY]
    for quantity in clause.quantities:
        # "with a premium of 80 against the 06 contract": an amount whose unit the report
        # leaves to its readers.
        if (
            quantity.kind is Kind.OTHER
            and re.search(
                r"\b(?:premium|discount)s?\s+of\s*$",
                sentence.folded[clause.start : quantity.start],
            )
            and not _PER_POUND.match(sentence.folded, quantity.end - 4)
            # (not "spot discounts of 0# zinc were RMB 80/mt": the grade's number)
            and not sentence.folded.startswith("#", quantity.end)
        ):
            unit = amounts[0].unit if amounts else "CNY/t"
            amounts.append(
                Quantity(
                    quantity.start,
                    quantity.end,
                    Kind.MONEY,
                    quantity.value,
                    quantity.high,
                    unit,
                    quantity.sign,
                )
            )
    parity = _AT_PARITY.search(folded)
    if (
        parity is not None
        and not any(q.start < clause.start + parity.start() for q in amounts)
        # (its move may follow, "at parity against the 2511 contract, down 10 yuan/mt", but not
        # the premium itself: "was on par with the SHFE aluminum 2502 contract at a discount of
        # 20 yuan/mt")
        and not (
            amounts
            and _PREMIUM_OF_AHEAD.search(folded, parity.end(), amounts[0].start - clause.start)
        )
    ):
        # a spread of nothing: "quotations were mostly at parity with the SMM #1 lead price"
        # (also with its move after it: "at parity against the 2511 contract, down 10 yuan/mt")
        start = clause.start + parity.start()
        amounts.append(Quantity(start, start + 9, Kind.MONEY, Decimal(0), None, "CNY/t"))
    amounts.sort(key=lambda q: q.start)
    amounts = _ends_told_apart(sentence.folded, amounts)
    if not amounts:
        return
    if any(_IN_METAL_CONTENT.match(sentence.folded, q.end) for q in amounts):
        # "the premium of battery-grade nickel sulphate over first-grade nickel rose 10% to an
        # average 20,948 yuan/mt in metal content": per tonne of the nickel a salt holds, not
        # per tonne of the products quoted
        notes.add_all(
            sentence,
            amounts,
            "other",
            why="a premium per tonne of metal content, not per tonne of the products",
        )
        return
    # "high-quality copper such as Jinchuan (plate) was quoted at premiums of 180-200": a grade,
    # with a brand for example.
    named_before = _FOR_EXAMPLE.sub(" ", folded[: amounts[0].start - clause.start])
    if re.match(
        r"(?:at|with)\s+an?\s+(?:premium|discount)\b|with\s+(?:spot\s+)?(?:premium|discount)s\s+of\b"
        r"|an?\s+(?:premium|discount)\s+of\b"
        # "Chihong Zn & Ge brand was quoted at RMB 13,660/mt, a RMB 60/mt premium to SHFE 1412"
        r"|an?\s+(?:rmb\s*)?[\d,.]+(?:\s*-\s*[\d,.]+)?\s*(?:yuan)?\s*/\s*mt\s+(?:premium|discount)\b"
        # "Huize #0 zinc prices were RMB 16,890-16,920/mt, RMB 250-260/mt above SHFE 1503"
        r"|(?:rmb\s*)?[\d,.]+(?:\s*-\s*[\d,.]+)?\s*(?:yuan|/mt)[^,;]{0,20}?\s+(?:above|below"
        # "Quotes were RMB 13,870/mt for ... Honglu brands, RMB 500/mt higher than SHFE 1507 lead"
        r"|higher\s+than|lower\s+than)\b",
        folded,
    ):
        # "JCC and Jinde lead were quoted at 16,740-16,800 yuan/mt, with a premium of 0-50": the
        # premium is the brand's, named in the statement this one trails.
        statement = sentence.folded.rfind(";", 0, clause.start) + 1
        named_before = (
            _FOR_EXAMPLE.sub(" ", sentence.folded[statement : clause.start]) + named_before
        )
    if _DEALT.search(named_before) or _SOME_LOTS.search(named_before):
        notes.add_all(
            sentence, amounts, "deal", why="where deals were done, not the market's quote"
        )
        return
    first_after = sentence.folded[amounts[0].end : clause.start + len(folded)]
    if names.names_brand(named_before) or _FOR_BRANDS_AFTER.match(first_after):
        # ... "Spot lead premiums narrowed to RMB 400/mt to SHFE 1508 lead for Tongguan and
        # Chengyuan brands": the brands named after the amount
        notes.add_all(sentence, amounts, "brand", why="one brand's premium, not the market's")
        return
    own = re.findall(r"\b(\d{4})\s+contract\b", folded)
    later = (
        bool(own) and context.front_contract is not None and int(own[-1]) > context.front_contract
    )
    if later or _AGAINST_NEXT_MONTH.search(folded):
        notes.add_all(sentence, amounts, "other", why=_LATER_CONTRACT)
        return
    opening = sentence.folded[: clause.start]
    if (
        _AGAINST_NEXT_MONTH.search(opening)
        and not _AGAINST.search(folded)
        and not _VERSUS.search(folded)
        and not re.search(r"\bcurrent\s+month\b", folded)
    ):
        # "suppliers quoted standard-quality copper at around a discount of 170 yuan/mt against
        # the next month contract, and high-quality copper at around a discount of 100 yuan/mt":
        # the next grade is quoted against the same later contract
        notes.add_all(sentence, amounts, "other", why=_LATER_CONTRACT)
        return
    named = _spread_name(folded, context, sentence)
    if (
        named is not None
        and named[0] == "nickel pig iron (high-grade) - nickel"
        and all(q.value is not None and abs(q.value) < _NPI_DISCOUNT_PER_TONNE for q in amounts)
    ):
        # "the average discount of high-grade NPI to refined nickel narrowed to 260.4 yuan/mt":
        # SMM gives it per nickel unit (yuan/mtu); per tonne it runs to tens of thousands, so a
        # few hundred "yuan/mt" is the unit misprinted
        notes.add_all(
            sentence, amounts, "other", why="a per-nickel-unit discount printed per tonne"
        )
        return
    if named is None and context.spread_named is not None and _BETWEEN_THE_TWO.search(folded):
        # "The highest cash price of ADC12 was at a premium of 500 yuan/mt over A00 ...
        # Therefore, the price difference between the two remained at 200-400 yuan/mt": the
        # spread the sentence before named
        named = (context.spread_named, False)
    just_read = next(
        (d for d in reversed(list(drafts.values())) if d.metric is Metric.SPREAD and not d.empty),
        None,
    )
    if just_read is not None and _ITS_PREMIUMS_MOVED.match(folded):
        # "Imported zinc prices were RMB 70/mt below or RMB 20/mt above SHFE 1512 zinc contract
        # prices, with spot premiums widening RMB 10/mt": the premium just quoted moved
        named = (just_read.subject, False)
    if named is None and _BARE_TERMS.match(folded):
        spot = next(
            (
                d
                for d in reversed(list(drafts.values()))
                if d.metric is Metric.PRICE and d.region == context.place and d.value is None
            ),
            None,
        )
        if spot is not None:
            metal = names.base_metal(spot.subject)
            named = (f"{metal} - {metal} futures", False)
    told = context.spread_named
    if (
        named is None
        and told is not None
        and not any(d.metric is Metric.SPREAD and d.subject == told for d in drafts.values())
        and (
            (_PREMIUMS_SUBJECT.match(sentence.folded) and not names.known_products(folded))
            or (
                _BARE_PREMIUM_TOLD.search(folded)
                and {names.base_metal(product) for *_, product in names.known_products(folded)}
                <= {names.base_metal(told.split(" - ")[0])}
            )
        )
    ):
        # "..., allowing spot premiums to expand to RMB 150/mt over SHFE 1606 aluminum.
        # Premiums are expected to expand further to over RMB 200/mt."; "As SHFE copper fell
        # during the afternoon, physical copper was quoted at a RMB 50-120/mt premium": the
        # premium told before (the market's, when a grade's was told last and this one names none)
        if "(high-quality)" in told and "high-quality" not in folded:
            told = told.replace(" (high-quality)", "")
        named = (told, False)
    if named is None:
        graded_pair = _grade_of_pair_before(sentence, clause, context)
        named = (graded_pair, False) if graded_pair is not None else None
    carried_region: str | None = None
    if named is None and _TURNED_INTO.match(folded):
        # "... averaged at premiums of 85 yuan per tonne on Jul. 31, and turned into discounts of
        # 50 yuan per tonne on Aug. 27": the spread the clause before quoted, where it went
        spread_before = [d for d in drafts.values() if d.metric is Metric.SPREAD]
        if spread_before:
            named = (spread_before[-1].subject, False)
            carried_region = spread_before[-1].region
    if named is None:
        named = _compared_products(sentence, amounts) or _spread_with(folded, context)
    if named is None and len(amounts) == 1:
        gap = _gap_of_the_prices_before(drafts, amounts[0])
        named = (gap, False) if gap is not None else None
    if named is None:
        notes.add_all(
            sentence,
            amounts,
            "spread",
            why="a price difference whose legs are not named: not guessed",
        )
        return
    name, flip = named
    if name.endswith(" import window") and _told_as_import_parity(
        sentence, clause, amounts, name, drafts, notes
    ):
        return
    found_regions = [
        found
        for found in names.regions(without_dateline(folded))
        # not the markets of a list after the spread ("..., Henan at premiums of 25 yuan/mt")
        if (
            not _ITEM_AFTER_PLACE.match(without_dateline(folded), found[1])
            or found[0] < amounts[0].start - clause.start
        )
        # nor the exchange a translation names by its city ("As Shanghai copper fell to ...")
        and not _CITY_FOR_EXCHANGE.match(without_dateline(folded), found[0])
    ]
    region = found_regions[-1][2] if found_regions else "China"
    listed = names.listed_regions(without_dateline(folded[: amounts[0].start - clause.start]))
    if re.search(r"\([a-z ]+\) - ", name):
        listed = []  # a spread between two places names both
    if listed:
        region = listed[0]  # "In east and north China, ... at a discount of 50-0 yuan/mt"
    for start, _, place in found_regions:
        if _SPREAD_IN.search(folded[:start]):
            # "Spot premiums in Changzhou followed these in Shanghai": the premium's own market
            region = place
            break
    led = _PLACE_LED.match(sentence.folded)
    if (
        not found_regions
        and led is not None
        # ("At the beginning of the week, suppliers in Henan quoted a premium of 50 yuan/mt
        # against the SMM #1 lead or a discount of 120 yuan/mt against the SHFE lead 2512
        # contract": both the province's suppliers' quotes)
        and (name.startswith("primary ") or led.group("suppliers") is not None)
    ):
        # "In Hunan, cuts spread; ... the little spot metal left was quoted at premiums of
        # 250-300 yuan/mt against the SMM 1# lead price": the province the sentence opened on
        region = next((place for *_, place in names.regions(led.group(0))), region)
    smelters_in = _SMELTERS_IN.search(sentence.folded) if name.startswith("primary ") else None
    if not found_regions and led is None and smelters_in is not None:
        # "smelter inventories in Hunan accumulated slightly, and premiums for #1 lead ... were
        # lowered to 30-50 yuan/mt": the smelters' province, told in the clause before
        region = next((place for *_, place in names.regions(smelters_in.group("place"))), region)
    market = context.quote_place or context.paragraph_place or context.place
    if (
        not found_regions
        and name.endswith(" futures")
        and market
        # (the sentence up to the amount: "SMM A00 aluminum was quoted at 21,160 yuan/mt, ...,
        # at a discount of about 40 yuan/mt against the 2511 contract" tells it in a later clause)
        and not _SMM_A00_NATIONAL.search(sentence.folded[: amounts[0].start])
    ):
        # a market's spot premium, in the market the report is about (but "the SMM A00 spot
        # price recorded a discount of 90 yuan/mt" is SMM's national benchmark, wherever the
        # paragraph is)
        region = market
    if re.search(r"\([a-z ]+\) - ", name):
        region = "China"  # a spread between two places belongs to neither
    if _DOMESTIC_SPOT_PREMIUM.search(folded[: amounts[0].start - clause.start]):
        # "The domestic trade premiums exceeded 500 yuan/mt, ... against Shanghai spot copper":
        # the country's premium, whatever market the sentence goes on to
        region = "China"
    if carried_region is not None:
        region = carried_region
    if not found_regions and _AVERAGE_OF_IT.match(folded):
        # "spot premiums ... in the Shanghai market were 480-560 yuan/mt over the SHFE 2209
        # copper contract, and the average premium was 520 yuan/mt": the same market's
        region = next(
            (
                draft.region
                for draft in drafts.values()
                if draft.metric is Metric.SPREAD and draft.subject == name
            ),
            region,
        )
    forecast = (
        (
            _forward(sentence, clause, amounts[-1])
            # "SHFE zinc will fluctuate between ..., with spot prices RMB 200-380/mt above SHFE
            # 1709 zinc": a "with" clause carries on the forecast before it.
            or (
                re.match(r"\s*with\b", folded) is not None
                and looks_forward(
                    sentence.text[: clause.start], sentence.folded[: clause.start], clause.start
                )
                # ... but not AL Circle's "prices are expected to range between": today's quote
                and not (
                    _TODAYS_QUOTE.search(sentence.folded[: clause.start])
                    and not _LATER.search(sentence.folded)
                )
            )
        )
        and "than domestic" not in folded
    )
    if _EXTREME_PREMIUM.search(sentence.folded, clause.start, amounts[0].start):
        # "The highest cash price of ADC12 was at a premium of 500 yuan/mt over A00": the
        # month's extreme, not where the spread stands; the pair it names is remembered
        notes.add_all(
            sentence, amounts, "other", why="a spread's extreme over a period, not its level"
        )
        context.spread_named = name
        return
    amounts = [
        quantity
        for quantity in _spot_price_beside(sentence, amounts, name, region, forecast, drafts, notes)
        if not _GAP_BETWEEN_CONTRACTS.search(sentence.folded[: quantity.start])
    ] or amounts
    draft = _draft(
        drafts,
        _Owner(name, region),
        amounts[0].unit or "CNY/t",
        sentence,
        # "the average price spread ... was 780 yuan/mt in April": a month's, as a price's is
        _price_period(sentence.folded, context, forecast),
        forecast,
        metric=Metric.SPREAD,
    )
    loss = (
        _LOSS.search(folded) is not None or _IMPORTS_LOST.search(folded) is not None
    ) and "import" in folded
    # "Spot discounts were heard at 40-30 yuan/mt": every amount of a discount-only clause.
    all_discount = "discount" in folded and "premium" not in folded
    previous_end = clause.start
    others = [q for q in clause.quantities if q.kind is Kind.OTHER]
    # "imports would land at 4,236 yuan/mt, 855 yuan/mt higher than domestic prices": only the
    # difference is the spread; the landed cost is a cost.
    costed = [
        q for q in amounts if _IMPORT_COST.match(sentence.folded[q.end : q.end + AFTER]) is not None
    ]
    for quantity in sorted([*amounts, *others], key=lambda q: q.start):
        lead = sentence.folded[max(clause.start, previous_end) : quantity.start]
        trail = sentence.folded[quantity.end : quantity.end + AFTER]
        if quantity.kind is Kind.OTHER and re.match(r"\s*contracts?\b", trail):
            continue  # "Zijin's premium against the 2505 contract was ...": the contract's name
        if _against_a_later_month(sentence, quantity, context) or (
            name.endswith(" futures")
            and _against_another_month(sentence, clause, quantity, context)
        ):
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                why=_LATER_CONTRACT,
            )
            previous_end = quantity.end
            continue
        if _NEXT_MONTH_CARGOES.search(lead) and not draft.empty:
            # "mainstream standard-quality copper traded at premiums of 80-120 yuan/mt, with
            # cargoes invoiced next month mostly at premiums of 80-100 yuan/mt": a part of the
            # market just quoted, not its quote
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                why="the cargoes invoiced next month, a part of the quote just read",
            )
            previous_end = quantity.end
            continue
        if _COMPARED_WITH.search(lead):
            # "This compared with a premium of 70-120 yuan/mt over the SHFE September contract
            # ... on Monday": the earlier day's premium
            notes.add(sentence, quantity.start, quantity.end, "reference", why=_WHY["reference"])
            previous_end = quantity.end
            continue
        if (
            _PRICE_PAST_A_LINE.search(lead) and not _PREMIUMS_OF.search(lead)
        ) or FAILED_TO_HOLD.search(lead):
            # "spot discounts widened, narrowing a little once futures were under 20,000
            # yuan/mt": where the price stood, not the spread
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                why="a line a price crossed, told beside the spread: not the spread",
            )
            previous_end = quantity.end
            continue
        if _CEILING.search(lead):
            # "With premiums of up to 10 yuan/mt over the SHFE March contract": a ceiling (but
            # "Spot premiums will be firmed up to 10-50 yuan/mt" rise to a quote)
            notes.add(
                sentence, quantity.start, quantity.end, "other", why="a ceiling, not a spread"
            )
            previous_end = quantity.end
            continue
        if _A_FEW_QUOTES.search(lead):
            # "... at discounts of 75-0 yuan/mt against the SMM 1# lead average price, with some
            # at premiums of 25-75 yuan/mt"; "..., or even premiums of 50-75 yuan/mt": a few
            # sellers beside the market's quote
            notes.add(sentence, quantity.start, quantity.end, "deal", why="a few sellers' quotes")
            previous_end = quantity.end
            continue
        if _APPROACHED.search(lead):
            # "Premiums for high-quality copper dropped to approach 1,100 yuan/mt at noon": a
            # level only approached
            notes.add(
                sentence, quantity.start, quantity.end, "other", why="a level only approached"
            )
            previous_end = quantity.end
            continue
        if quantity.kind is Kind.OTHER and _PER_POUND.match(sentence.folded, quantity.end - 4):
            # "a discount of 72-74¢/lb against the COMEX July copper contract": cents a pound
            notes.add(sentence, quantity.start, quantity.end, "other", why="a price per pound")
            previous_end = quantity.end
            continue
        previous_end = quantity.end
        stripped = lead.rstrip()
        held = _held(stripped) or (
            re.fullmatch(r"\s*(?:an?\s+)?(?:premium|discount)s?\s+of", stripped) is not None
            and _HELD_THEN_OR.search(sentence.folded[: clause.start]) is not None
        )
        if _YESTERDAY_WHEN.search(stripped[-90:]):
            # "though the discount narrowed compared to yesterday when standard-quality copper
            # was quoted at a discount of 200 yuan/mt": the day before's quote, to compare with
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "reference",
                owner=name,
                why="the day before's quote, told to compare with",
            )
            continue
        if _FEW_QUOTES.search(stripped[-60:]):
            # "..., with a few quotes at premiums of 25-50 yuan/mt": some sellers, not the market
            notes.add(sentence, quantity.start, quantity.end, "deal", owner=name, why=_WHY["deal"])
            continue
        if _ONCE.search(stripped[-40:]):
            # "the import loss ... once widened to 3,000 yuan/mt": how far it went in the session
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "intraday",
                owner=name,
                why="how far a spread went during the session, not where it stood",
            )
            continue
        brand_after = _FOR_A_BRAND.match(trail)
        if quantity is not amounts[0] and (
            names.names_brand(stripped)
            or (brand_after is not None and names.names_brand(brand_after.group(0)))
        ):
            # "The 0# common brand will trade at a discount of 100-60 yuan/mt and Shuangyan brand
            # at a discount of 40-10 yuan/mt", "80-110 yuan/mt for regular brands ..., 110-120
            # yuan/mt for high-priced Zijin zinc": the brand's own premium, after the market's.
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "brand",
                why="one brand's premium, not the market's",
            )
            continue
        if costed and quantity not in costed:
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                owner=name,
                why="a landed import cost, not the spread",
            )
            continue
        if quantity.kind is Kind.OTHER and (
            draft.empty or not re.search(r"\b(?:up|down|by)\s*$", stripped)
        ):
            continue
        if _REFERENCE.search(stripped[-34:]) or EXPECTATION.search(trail[:30] or " "):
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "reference",
                owner=name,
                why="a value compared with, not the figure",
            )
            continue
        bare = re.sub(
            r"(?:\b(?:by|slightly|sharply|another|about|around|nearly|approximately|roughly|some)"
            r"\s*)+$",
            "",
            stripped,
        )
        # "premiums slid again this week, by roughly 40 yuan/mt WoW": the verb before "by"
        by_verb = bare != stripped and re.search(r"\bby\b", stripped[len(bare) :]) is not None
        moved = direction(bare[-14:]) or (direction(bare[-50:]) if by_verb else None)
        changing = moved is not None and not re.search(r"(?:\bto|\bat)\s*$", stripped)
        basis_follows = basis_at(trail[:30], after=True)[0] is not None
        last_word = re.search(r"([a-z]+)\s*$", bare)
        # "Import profit margins ... were at a loss of 1,070-960 yuan/mt": the level, not a move
        at_a_margin = _AT_A_MARGIN.search(stripped) is not None
        is_change = (_CHANGE_NOUN.search(stripped[-25:]) is not None and not at_a_margin) or (
            changing
            and not at_a_margin
            and (
                not draft.empty
                or re.search(
                    r"\bby(?:\s+(?:some|about|around|nearly|roughly|approximately))?\s*$", stripped
                )
                is not None
                or re.match(r"^\s*(?:yuan/mt\s*)?to\b", trail) is not None
                or basis_follows
                or (last_word is not None and direction(last_word.group(1)) is not None)
            )
        )
        if is_change and _FUTURES_MOVED.search(bare[-40:]):
            # "The premiums fell further to 550 yuan/mt after SHFE copper gained 200 yuan/mt":
            # the contract's move, which the premium answered, not the premium's
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "other",
                why="the futures' move beside a premium, not the premium's",
            )
            continue
        if is_change or quantity.kind is Kind.OTHER:
            sign = quantity.sign if quantity.sign is not None else direction(bare[-30:]) or moved
            if sign is None:
                continue
            if quantity.is_range and quantity.kind is Kind.MONEY:
                # "Spot premiums in Tianjin expanded 50-100 yuan per tonne": moves of several
                # quotes told as a range, no one change to carry
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "change",
                    owner=name,
                    why="moves told as a range: no one change to carry",
                )
                continue
            # "with a WoW decrease of 25 yuan/mt in the weekly average price"
            draft.change = PriceChange(
                sign * quantity.value, basis=_basis(trail, context, sentence, stripped)
            )
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "change",
                owner=name,
                emitted=True,
                why="a spread's change",
            )
            continue
        negative = (
            quantity.sign == -1
            or re.search(r"\bminus\s*$", stripped) is not None  # "... price spread at minus 130"
            or _DISCOUNT_BEFORE.search(stripped[-30:]) is not None
            or (all_discount and not _THAN.match(trail))
        )
        if flip:
            negative = not negative  # the legs are named in the other order than the text's
        if loss and not re.search(r"\bprofit", stripped[-30:]):
            negative = True
        cost = _IMPORT_COST.match(trail)
        if cost is not None:
            negative = (cost.group("dir") or cost.group("side")) in {"higher", "above"}
        wider = _WIDER_FROM.match(trail)
        if wider is not None and not draft.empty and draft.change is None:
            # "The Guangdong-Shanghai price spread stood at a premium of 50 yuan/mt today, 20
            # yuan/mt wider from Wednesday": a premium widens up, a discount down
            level = draft.value if draft.value is not None else draft.low
            outward = -1 if level is not None and level < 0 else 1
            sign = outward if wider.group("dir") == "wider" else -outward
            draft.change = PriceChange(
                sign * quantity.value, basis=_basis(trail[wider.end("dir") :], context, sentence)
            )
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "change",
                owner=name,
                emitted=True,
                why="how far the spread widened or narrowed",
            )
            continue
        than = _THAN.match(trail)
        if than is not None and than.group("what") != "domestic":
            if than.group("what") in {"previous", "yesterday", "last"}:
                sign = -1 if than.group("dir") in {"lower", "less"} else 1
                basis = _basis(trail[than.end("dir") :], context, sentence)
                draft.change = PriceChange(sign * quantity.value, basis=basis)
                notes.add(
                    sentence,
                    quantity.start,
                    quantity.end,
                    "change",
                    owner=name,
                    emitted=True,
                    why="a spread's change against an earlier day",
                )
                continue
            negative = than.group("dir") in {"lower", "less"}
        side = _HIGHER_IN.match(trail)
        legs = re.match(r"^[a-z]+ \(([a-z ]+)\) - [a-z]+ \(([a-z ]+)\)$", name)
        if side is not None and legs is not None:
            # "between Shanghai and Guangdong was 60 yuan/mt (higher in Guangdong)": the first
            # leg less the second, so negative when the second is the dearer.
            dearer = (side.group("dir") == "higher") == (_place(side.group("where")) == legs[1])
            negative = not dearer
        value = -quantity.value if negative else quantity.value
        if quantity.is_range:
            if draft.value is not None and draft.low is None and lead.strip() in {"", "+"}:
                # "spot premiums of RMB 10+340-360/mt": a stray number glued to the range
                draft.value = None
            high = quantity.high if quantity.high is not None else quantity.value
            discount = (
                _DISCOUNT_BEFORE.search(stripped[-30:]) is not None
                or all_discount
                or (loss and not re.search(r"\bprofit", stripped[-30:]))
                # "should be offered RMB 20-80/mt lower than SHFE 1509 copper"; "will trade
                # RMB 20-60/mt below SHFE 1509 copper"
                or re.match(r"^\s*(?:/\s*mt\s*)?(?:lower\s+than|below)\b", trail) is not None
            )
            # "at discounts of RMB 0-30/mt and premiums of RMB 0-10/mt": one range across both
            # sides, from the deepest discount to the highest premium
            other_side = (
                (draft.low, draft.high)
                if draft.low is not None
                and draft.high is not None
                and _AND_THE_OTHER_SIDE.match(lead)
                else None
            )
            if quantity.sign == -1:
                # "premiums of -50~0 yuan/mt": the ends as signed; from the other leg if the
                # text names the legs the other way round
                ends = (-quantity.value, high)
                draft.low, draft.high = sorted((-ends[1], -ends[0]) if flip else ends)
            elif discount != flip:
                draft.low, draft.high = -high, -quantity.value
            else:
                draft.low = quantity.value
                draft.high = high
            if other_side is not None:
                draft.low, draft.high = (
                    min(draft.low, other_side[0]),
                    max(draft.high, other_side[1]),
                )
            if held and draft.change is None:
                draft.change = PriceChange(Decimal(0))  # "the premium range remained at -200-300"
            if draft.value is not None and _WENT_ON_TO.search(stripped[-40:]):
                # "spot discounts widened to RMB 150/mt ..., with spot discounts narrowing to RMB
                # 90-140/mt": where the quote went next replaces where it stood
                draft.value = None
            why = "a spread's range"
        elif _AVERAGE.search(stripped[-40:]) and draft.low is not None:
            if (
                draft.high is not None
                and not draft.low <= value <= draft.high
                and draft.low <= -value <= draft.high
            ):
                # "quoted at a discount of 200 yuan/mt to a discount of 100 yuan/mt, with the
                # average premium quoted at 150 yuan/mt": an average lies within its range, so
                # the side word is the template's, not the quote's
                value = -value
            draft.value = value
            why = "a spread's average"
        elif (
            draft.empty
            and (side_after := _SPREAD_SIDE_AFTER.match(trail)) is not None
            and re.match(r"\s*to\s+[-+]?\d", trail[side_after.end() :])
        ):
            # "a range of 30 yuan/mt discount to 150 yuan/mt premium": each end says its side
            # after its amount
            draft.low = _on_side(quantity.value, side_after.group("side"), flip)
            why = "a spread's range, its first end"
        elif (
            draft.empty
            # ("reported at a range of 150 yuan/mt to a premium of 300 yuan/mt": the first end
            # told without its side, the side of the premium it runs to)
            and re.search(r"\b(?:(?:discount|premium)s?(?:\s+price)?|a\s+range)\s+of\s*$", stripped)
            and (
                re.match(
                    # (and AL Circle's "a discount price of RMB 20 to a premium price of RMB 20")
                    r"^\s*(?:yuan/mt\s*)?to\s+(?:(?:an?\s+)?(?:premium|discount)s?(?:\s+price)?\s+of"
                    r"|parity"
                    r"|flat\b)",
                    trail,
                )
                or (
                    # (also AL Circle's "at a discount price of RMB 20 per tonne and a premium
                    # price of RMB 20 per tonne")
                    re.search(
                        r"\b(?:between|at)\s+(?:an?\s+)?(?:discount|premium)s?(?:\s+price)?\s+of\s*$",
                        stripped,
                    )
                    and re.match(
                        r"^\s*(?:yuan/mt\s*)?and\s+(?:an?\s+)?(?:premium|discount)s?(?:\s+price)?"
                        r"\s+of",
                        trail,
                    )
                )
            )
        ):
            # "at a discount of 400 yuan/mt to a discount of 280 yuan/mt"; "a discount of 50
            # yuan/mt to parity" ("to flat"); "between discounts of RMB 50/mt and premiums of
            # RMB 30/mt": the first end of a range
            draft.low = value
            if re.match(r"^\s*(?:yuan/mt\s*)?to\s+(?:parity|flat\b)", trail):
                draft.low, draft.high = sorted((value, Decimal(0)))
            why = "a spread's range, its first end"
        elif draft.low is not None and draft.high is None:
            side_after = _SPREAD_SIDE_AFTER.match(trail)
            if side_after is not None:
                value = _on_side(quantity.value, side_after.group("side"), flip)
            draft.low, draft.high = sorted((draft.low, value))
            why = "a spread's range, its second end"
        elif draft.empty and re.search(
            r"\b(?:parity|flat)\s+to\s+an?\s+(?:premium|discount)\s+of\s*$", stripped
        ):
            # "quoted at parity to a premium of 280 yuan/mt", "flat to a premium of 500 yuan/ton"
            draft.low, draft.high = sorted((Decimal(0), value))
            why = "a spread's range, from parity"
        elif (
            draft.empty
            and not quantity.is_range
            and re.search(r"\bdiscounts?\s+to\s+premiums?\s+of\s*$", stripped)
        ):
            # "ex-factory prices ... were reported at discounts to premiums of 50 yuan/mt against
            # the SMM #1 lead average price": a discount of 50 to a premium of 50
            draft.low, draft.high = sorted((value, -value))
            why = "a spread's range, either side of parity"
        elif (
            draft.value is not None
            and draft.low is None
            and re.fullmatch(r"\s*to\s*(?:rmb|cny|us\$|\$)?\s*", lead)
            and _MOVED_FROM.search(sentence.folded[clause.start : quantity.start])
        ):
            # "Offers of high-quality copper dipped from a premium of 110 yuan/mt to 80
            # yuan/mt": where the premium went, from where it was
            draft.value = value
            why = "where a spread moved to, from an earlier level"
        elif (
            draft.value is not None
            and draft.low is None
            and re.fullmatch(r"\s*to\s*(?:rmb|cny|us\$|\$)?\s*", lead)
        ):
            # "a discount price of RMB 110 per tonne to RMB 70 per tonne": one range
            other_end = -quantity.value if draft.value < 0 else quantity.value
            draft.low, draft.high = sorted((draft.value, other_end))
            draft.value = None
            why = "a spread's range, its ends each with a unit"
        elif (
            not draft.empty
            and (item := _PLACE_ITEM.search(lead)) is not None
            and (places := names.regions(item.group("place")))
            and places[0][2] != draft.region
        ):
            in_market = _draft(
                drafts,
                _Owner(name, places[0][2]),
                quantity.unit or draft.unit,
                sentence,
                None,
                forecast,
                metric=Metric.SPREAD,
                fresh=True,
            )
            in_market.value = value
            why = "one market's spread in a list of markets"
        elif (
            draft.value is not None
            and draft.low is None
            and draft.change is None
            and _BELOW_OR_ABOVE.search(lead)
        ):
            # "Imported zinc prices were RMB 70/mt below or RMB 20/mt above SHFE 1512 zinc
            # contract prices": one range, from its deep end to its high one
            draft.low, draft.high = -abs(draft.value), value
            draft.value = None
            why = "a spread's range, told as below or above"
        elif draft.value is None and draft.low is None:
            draft.value = value
            draft.bound = _bound(stripped)
            if draft.bound is None and re.search(r"\bwithin\s*$", stripped):
                draft.bound = Bound.BELOW  # "import losses narrowed to within 400 yuan/mt"
            signed = _SIGNED_LINE.search(stripped)
            if signed is not None:
                # "causing the premium/discount ... to fall below a discount of 300 yuan/mt": the
                # line is the signed spread's, -300, and it went under it
                draft.bound = Bound.BELOW if signed.group("way") == "below" else Bound.ABOVE
            elif draft.bound is not None and value < 0:
                # "the loss widened to over 500 yuan/mt": more than 500 of loss, so the spread
                # is below -500
                draft.bound = Bound.BELOW if draft.bound is Bound.ABOVE else Bound.ABOVE
            if held and draft.change is None:
                draft.change = PriceChange(Decimal(0))  # "remained at 80 yuan/mt"
            draft.unit = (
                quantity.unit or draft.unit
            )  # the spread's own unit, not a cost's before it
            why = "a spread"
        elif _QUOTE_MOVED_ON.search(stripped):
            # "... offered in premiums of 100-110 yuan/mt in the morning, ..., then sellers cut
            # premiums to 90 yuan/mt": where the quote went, the later one
            draft.value, draft.low, draft.high = (
                (None, value, quantity.high) if quantity.is_range else (value, None, None)
            )
            draft.bound = _bound(stripped)
            why = "where the premium went next: the later quote"
        else:
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "spread",
                owner=name,
                why="a second amount for one spread: the first is kept",
            )
            continue
        notes.add(
            sentence, quantity.start, quantity.end, "spread", owner=name, emitted=True, why=why
        )
    if draft.value is None and draft.low is not None and _AVERAGE_AT_PARITY.search(folded):
        draft.value = Decimal(0)  # "..., with the average price at parity"
    if not draft.empty:
        context.last_spread_draft = draft
        context.spread_named = draft.subject
    if draft.change is None and not draft.empty:
        flat = _flat_basis(folded, context)
        if flat is not None:
            draft.change = PriceChange(Decimal(0), basis=flat[1])
        elif _held(sentence.folded[clause.start : amounts[0].start]):
            # "quotations for cargoes self-picked up from primary lead smelters remained at
            # discounts of 30 yuan/mt to premiums of 100 yuan/mt": held, on no basis written
            draft.change = PriceChange(Decimal(0))
    if draft.low is not None and draft.high is not None and draft.low > draft.high:
        draft.low, draft.high = draft.high, draft.low  # a range written from its other leg
    for other in listed[1:]:
        # Each market of the list has the spread the clause states.
        twin = _draft(
            drafts,
            _Owner(name, other),
            draft.unit,
            sentence,
            None,
            forecast,
            metric=Metric.SPREAD,
        )
        twin.value, twin.low, twin.high = draft.value, draft.low, draft.high
        twin.change, twin.bound = draft.change, draft.bound
    if " - " in name:
        first, second = name.split(" - ", 1)
        context.last_spread = (first, second)
        context.last_spread_flipped = flip
        if "refined secondary lead" in context.last_spread:
            context.secondary_lead_report = True


def _leg(text: str, context: Context) -> str | None:
    """One side of a spread, named as a price is."""
    folded = _PAREN.sub(" ", text).strip()
    if re.search(
        r"\b(?:futures?|contract)\b|\bshfe\b|\b\d{4}\s+[a-z]+$|\b[a-z]+\s+\d{4}\b", folded
    ):
        # "SHFE 1509 copper", "the 2602 contract": a futures leg
        product = names.known_products(folded)
        section = names.known_products(context.heading) if context.heading else []
        # (in a comment heading each metal's section, the section's: "Aluminium: ... with spot
        # premiums of 60-100 yuan/mt over the SHFE 1912 contract")
        base = (
            product[-1][2]
            if product
            else (section[-1][2] if section else (context.metal or context.product))
        )
        if base is None:
            return None
        return f"{base} futures"
    if re.fullmatch(r"(?:the\s+)?(?:primary(?:\s+metal)?|refined(?:\s+metal)?|spot)", folded):
        return context.metal
    if re.fullmatch(r"(?:the\s+)?(?:scrap|secondary(?:\s+metal)?)", folded):
        return names.scrap_of(context.metal) if context.metal else None
    found = names.known_products(folded)
    if found:
        return found[-1][2]
    return _normalise_product(folded)


# A market named by its place ("Shanghai prices", "the Guangdong market"); "the domestic spot
# prices" names none.
_PLACE = (
    r"(?P<{}>(?!(?:the|domestic|international|overseas|spot|market|average|futures|local)\b)"
    r"[a-z]+(?:\s+china)?)"
)

# "spot deals were mostly done at ... in Guangdong, and the spread with prices in Shanghai widened
# to 70 yuan/mt": the market just quoted against another
_SPREAD_WITH_PLACE = re.compile(
    r"\b(?:price\s+)?spread\s+(?:with|to|against)\s+(?:the\s+)?(?:prices?\s+in\s+)?"
    + _PLACE.format("other")
)

_REGION_AGAINST = re.compile(
    r"\b(?:premiums?|discounts?)\s+of\s+(?:(?:around|about|approximately|roughly)\s+)?(?:rmb\s*)?[^a-z]*"
    r"(?:yuan/mt|yuan|rmb|per\s+tonne|/mt)?\s*"
    r"(?:against|over|to|compared\s+(?:to|with))\s+(?:the\s+)?"
    + _PLACE.format("other")
    # "... against the Shanghai market"; "Tianjin stood at a discount of 50 yuan/mt to Shanghai.";
    # "Spot discounts of 60 yuan/mt against Shanghai were reported."
    + r"(?:\s+(?:spot|prices?|market)\b|\s*(?=[,.;]|$)|\s+(?=(?:were|was|are|is)\b))"
    # a zinc minutes' "Tianjin: Quoted at a 10 yuan/mt premium against Shanghai."
    + r"|\ban?\s+(?:rmb\s*)?[\d,.]+\s*(?:yuan/mt|yuan|/mt)\s+(?:premium|discount)\s+"
    r"(?:against|over|to)\s+(?:the\s+)?"
    + _PLACE.format("other2")
    + r"(?:\s+(?:spot|prices?|market)\b|\s*(?=[,.;]|$))"
)

# "with premiums over Shanghai prices expanding ... to 150 yuan per tonne"; "the premium of the
# Tianjin market against the Shanghai market was around 70 yuan/mt"
_REGION_PREMIUM_OVER = re.compile(
    r"\b(?:premiums?|discounts?)\s+(?:of\s+(?:the\s+)?[a-z]+(?:\s+china)?\s+(?:market\s+)?)?"
    r"(?:over|against|to)\s+(?:the\s+)?"
    + _PLACE.format("other")
    + r"\s+(?:spot\s+)?(?:prices?|market)\b"
    # "Guangdong: Spot discounts to Shanghai narrowed to 10 yuan/mt."
    + r"|\b(?:premiums?|discounts?)\s+(?:over|against|to)\s+(?:the\s+)?"
    + _PLACE.format("other2")
    + r"\s+(?:narrowed|widened|expanded|shrank|held|stood|were|was)\b"
)

# "Discounts of zinc prices in Tianjin narrowed to 70 yuan/mt against Shanghai prices"
_REGION_MOVED_AGAINST = re.compile(
    r"\b(?:premiums?|discounts?)\b[^.;]{0,60}?\b(?:narrowed|widened|expanded|shrank|stood|was|were)"
    r"\s+(?:to|at)?\s*(?:(?:around|about|approximately)\s+)?(?:rmb\s*)?[\d,.]+\s*"
    r"(?:yuan/mt|yuan|/mt)?\s*(?:against|over|compared\s+(?:to|with))\s+(?:the\s+)?"
    + _PLACE.format("other")
    + r"(?:\s+(?:spot|prices?|market)\b|\s*(?=[,.;]|$))"
)

_REGION_THAN = re.compile(
    r"\b(?:lower|higher)\s+than\s+(?:the\s+)?"
    + _PLACE.format("other")
    + r"\s+(?:spot|prices?|market)\b"
    # "200 yuan per tonne above Shanghai price"
    + r"|\b(?:above|below)\s+(?:the\s+)?"
    + _PLACE.format("other3")
    + r"\s+(?:spot\s+)?prices?\b"
    # "about 50-40 yuan/mt lower than the spot market in Shanghai"
    + r"|\b(?:lower|higher)\s+than\s+(?:the\s+)?(?:spot\s+)?(?:market|prices?)\s+in\s+"
    + _PLACE.format("other2")
)

_REGION_PAIR = re.compile(
    r"\b(?:the\s+)?(?P<a>[a-z]+(?:\s+china)?)-(?P<b>[a-z]+(?:\s+china)?)\s+(?:price\s+)?spread\b"
    # "the price spread for standard-quality copper premiums between Shanghai and Guangdong"
    # (also "the spread of standard-quality copper premiums between Shanghai and Guangdong", "the
    # spread between standard-quality copper premiums in Shanghai and Guangdong", "the price spread
    # for standard-quality copper premiums/discounts between Shanghai and Guangdong")
    # ("The price difference between Henan and Shanghai was -130 yuan/mt")
    r"|\b(?:price\s+)?(?:spread|difference)\s+(?:(?:for|of|between)\s+[a-z /-]{3,50}?\s+)?"
    r"(?:between|in)\s+"
    r"(?P<c>[a-z]+(?:\s+china)?)\s+and\s+(?P<d>[a-z]+(?:\s+china)?)\b"
    # "the prices in Guangdong exceeded those in Shanghai by 20 yuan/mt"
    r"|\bprices?\s+in\s+(?P<e>[a-z]+(?:\s+china)?)\s+exceeded\s+(?:those|that)\s+in\s+"
    r"(?P<f>[a-z]+(?:\s+china)?)\b"
)

_VENUE_PAIR = re.compile(
    r"\b(?:price\s+)?(?:difference|spread|gap)\s+between\s+(?:the\s+)?(?P<a>lme|shfe|sme)\s+and\s+"
    r"(?:the\s+)?(?P<b>lme|shfe|sme)\s+(?P<metal>aluminium|copper|zinc|lead|nickel|tin)\b"
)
_VENUE_LEG = {"lme": "lme", "shfe": "shfe", "sme": "shfe"}

# "... was 60 yuan/mt (higher in Guangdong)"; "... was 10 yuan/mt lower in Guangdong"
_HIGHER_IN = re.compile(r"^\s*(?:/\s*mt\s*)?\(?\s*(?P<dir>higher|lower)\s+in\s+(?P<where>[a-z]+)")


def _place(word: str) -> str | None:
    found = names.regions(word)
    return found[0][2].lower() if found else None


PARITY_WORDS = ("on par with", "at parity with")

_SPOT_ON_PAR = re.compile(
    r"\bspot\s+(?P<metal>copper|zinc|alumini?um|lead|nickel|tin)\s+(?:[a-z]+\s+){0,2}trade\s+on\s+par"
    r"\s+with\s+(?:the\s+)?shfe\s+\d{4}\s+contract\b"
)

_ON_PAR = re.compile(
    r"\b(?:the\s+)?(?P<a>[a-z]+)\s+market\s+(?:was|is|were|are|stood|remained|stayed)\s+"
    r"(?:on\s+par|at\s+parity)\s+with\s+(?:the\s+)?(?P<b>[a-z]+)\s+(?:market|prices?)\b"
)


def _read_parity(sentence: Sentence, clauses: list[Clause], context: Context) -> Draft | None:
    """ "The Tianjin market was on par with the Shanghai market": a spread between two places
    of 0, stated in words."""
    if not any(map(sentence.folded.__contains__, PARITY_WORDS)):
        return None
    if any(q.kind is Kind.MONEY for clause in clauses for q in clause.quantities):
        return None
    spot = _SPOT_ON_PAR.search(sentence.folded)
    if spot is not None:
        # "spot copper might trade on par with the SHFE 1509 contract": the spot premium, 0
        metal_named = spot.group("metal").replace("aluminum", "aluminium")
        return Draft(
            metric=Metric.SPREAD,
            subject=f"{metal_named} - {metal_named} futures",
            unit="CNY/t",
            sentence=sentence,
            region="China",
            period=None,
            forecast=looks_forward(sentence.text, sentence.folded, spot.end()),
            value=Decimal(0),
        )
    match = _ON_PAR.search(sentence.folded)
    metal = context.metal or (names.base_metal(context.product) if context.product else None)
    if match is None or metal is None:
        return None
    first, second = _place(match.group("a")), _place(match.group("b"))
    if first is None or second is None or first == second:
        return None
    return Draft(
        metric=Metric.SPREAD,
        subject=f"{metal} ({first}) - {metal} ({second})",
        unit="CNY/t",
        sentence=sentence,
        region="China",
        period=None,
        forecast=False,
        value=Decimal(0),
    )


_LME_TO_COMEX = re.compile(
    r"\blme-comex\s+(?:price\s+)?spread\b"
    r"|\bspread\s+between\s+(?:the\s+)?lme(?:\s+3m)?(?:\s+contracts?)?\s+and\s+comex\b"
)
_BILLS_TO_WARRANTS = re.compile(
    r"\bspread\s+between\s+(?:the\s+)?b/ls?\s+and\s+(?:warehouse\s+)?warrants?\b"
)
_DOMESTIC_SPOT_PREMIUM = re.compile(
    # (and the Yangshan weekly's "The domestic trade premiums exceeded 500 yuan/mt", not the
    # nickel ore weekly's "the domestic trade premium for May": Indonesia's ore over its HPM)
    r"\b(?:domestic\s+spot\s+premiums?|domestic\s+trade\s+premiums"
    r"|premiums?\s+in\s+the\s+domestic\s+spot\s+market"
    r"|spot\s+premiums?\s+in\s+the\s+domestic\s+market"
    # "suppliers quoted mainstream premiums around 160 yuan/mt" in a spot copper report
    r"|(?<=quoted\s)mainstream\s+premiums?)\b"
)


def _regional(folded: str, context: Context, sentence: Sentence) -> str | None:
    """A spread between two places: "the Shanghai-Guangdong price spread", "a premium of 40
    yuan/mt against Shanghai prices", "40 yuan/mt lower than Shanghai prices"."""
    venues = _VENUE_PAIR.search(folded)
    if venues is not None:
        # "The difference between LME and SME aluminium now stands at about US$ 261": the two
        # exchanges' prices, in the order written (AL Circle's SME is the SHFE)
        metal_told = venues.group("metal")
        legs = [_VENUE_LEG[venues.group(side)] for side in ("a", "b")]
        return f"{metal_told} ({legs[0]}) - {metal_told} ({legs[1]})"
    metal = context.metal or (names.base_metal(context.product) if context.product else None)
    if metal is None:
        return None
    pair = _REGION_PAIR.search(folded)
    other = (
        _REGION_AGAINST.search(folded)
        or _REGION_PREMIUM_OVER.search(folded)
        or _REGION_THAN.search(folded)
        or _REGION_MOVED_AGAINST.search(folded)
        or _SPREAD_WITH_PLACE.search(folded)
    )
    if other is not None and pair is not None and other.start() < pair.start():
        # "Tianjin was at a discount of 70 yuan/mt to Shanghai, a narrower Shanghai-Tianjin
        # spread": the amount is the one told against the other place; the pair only names it.
        pair = None
    if pair is not None:
        first = _place(pair.group("a") or pair.group("c") or pair.group("e") or "")
        second = _place(pair.group("b") or pair.group("d") or pair.group("f") or "")
        if first and second:
            return f"{metal} ({first}) - {metal} ({second})"
    if other is None:
        return None
    second = _place(
        next(
            (
                other.group(name)
                for name in ("other", "other2", "other3")
                if name in other.re.groupindex and other.group(name)
            ),
            "",
        )
    )
    offset = sentence.folded.find(folded)
    limit = (offset if offset >= 0 else 0) + other.start()
    places = [
        region.lower()
        for start, _, region in names.regions(without_dateline(sentence.folded))
        if start < limit and region.lower() != second
    ]
    here = context.paragraph_place or context.place
    if not places and here and here.lower() != second:
        places = [here.lower()]  # the market the paragraph reports on
    if second is None or not places:
        return None
    return f"{metal} ({places[-1]}) - {metal} ({second})"


# "..., high-quality copper ... was quoted at a discount of 120 yuan/mt, standard-quality copper
# at a discount of 350 yuan/mt, and SX-EW copper at a discount of 400 yuan/mt": each grade's
# spot premium, the amount right after its name.
_PREMIUM_LEAD = re.compile(
    r"(?:\b(?:premium|discount)s?\s+of|\bquoted\s+at|\bat|\b(?:premium|discount)s?\s+(?:were|was|to))"
    r"\s*(?:rmb|\$)?\s*$"
)

# "mainstream standard-quality copper premiums were 150-180 yuan/mt and high-quality copper
# premiums were 180-200 yuan/mt"; "adjusted standard-quality copper premiums to 270-290, with
# trading concentrated at high-quality copper premiums of 290-310": grades' spot premiums, the
# futures left unsaid
_GRADE_PREMIUMS_WERE = re.compile(
    r"\b(?:standard-quality|high-quality|sx-ew|hydro)\s+(?:[a-z-]+\s+){0,1}"
    r"(?:copper|zinc|nickel|tin|lead|alumini?um)\s+(?:premium|discount)s?\s+(?:were|was|to|of)\b"
)


def _read_premium_list(
    sentence: Sentence,
    clauses: list[Clause],
    context: Context,
    drafts: dict[tuple[object, ...], Draft],
    notes: Notes,
) -> bool:
    """A list of grades, each with its own spot premium against the futures; whether the
    sentence was one."""
    folded = sentence.folded
    if not ("premium" in folded or "discount" in folded) or (
        "contract" not in folded and not _GRADE_PREMIUMS_WERE.search(folded)
    ):
        return False
    if re.search(r"\bto\s+an?\s+(?:premium|discount)\s+of\b|/mt\s+to\s+[\d$]", folded):
        return False  # "a discount of 10 yuan/mt to a premium of 20 yuan/mt": one range
    amounts = [q for clause in clauses for q in clause.quantities if q.kind is Kind.MONEY]
    items: list[tuple[Quantity, str, int]] = []
    previous_end = 0
    for quantity in amounts:
        lead = folded[previous_end : quantity.start]
        previous_end = quantity.end
        if _PREMIUM_LEAD.search(lead) is None or names.names_brand(_FOR_EXAMPLE.sub(" ", lead)):
            continue
        products = names.known_products(lead)
        if not products:
            continue
        sign = -1 if re.search(r"\bdiscounts?\s+of\s*(?:rmb|\$)?\s*$", lead) else 1
        items.append((quantity, products[-1][2], sign))
    if len(items) < 2 or len({product for _, product, _ in items}) < len(items):
        return False
    market = context.paragraph_place or context.place or "China"
    for quantity, product, sign in items:
        name, _ = _ordered(product, f"{names.base_metal(product)} futures")
        standard = re.match(r"^([a-z]+) \(standard-quality\) - (\1 futures)$", name)
        if standard is not None:
            name = f"{standard.group(1)} - {standard.group(2)}"  # the market's own premium
        draft = _draft(
            drafts,
            _Owner(name, market),
            quantity.unit or "CNY/t",
            sentence,
            None,
            False,
            metric=Metric.SPREAD,
            fresh=True,
        )
        if quantity.is_range:
            ends = sorted((sign * quantity.value, sign * (quantity.high or quantity.value)))
            draft.low, draft.high = ends[0], ends[1]
        else:
            draft.value = sign * quantity.value
        notes.add(
            sentence,
            quantity.start,
            quantity.end,
            "spread",
            owner=name,
            emitted=True,
            why="one grade's spot premium in a list of grades",
        )
    return True


# "In Henan, ...": a sentence that opens on a place
_PLACE_LED = re.compile(
    # ("In Henan and Hunan, suppliers offered discounts of 50-0 yuan/mt against ...")
    r"^\s*in\s+(?P<place>[a-z]+(?:\s+and\s+[a-z]+)?)(?:\s+provinces?)?\s*,"
    # "Henan's lead smelters ... quoted at discounts of RMB 100-130/mt against SMM refined lead"
    # "Henan's branded lead was RMB 50-100/mt lower than SMM #1 lead average price"
    r"|^\s*(?P<owner>[a-z]+)['’]s\s+(?:[a-z]+\s+)?(?:smelters|lead|zinc|copper|nickel|tin)\b"
    # "Lead in Henan was offered a RMB 200/mt premium over SMM lead"
    r"|^\s*(?:lead|zinc|copper|nickel|tin)\s+in\s+(?P<within>[a-z]+)\s+(?:was|were|is)\b"
    # "Smelters in Henan province quoted ex-works at discounts of 30-0 yuan/mt against ..."
    r"|^\s*(?:lead\s+|zinc\s+)?smelters\s+in\s+(?P<smelters>[a-z]+)\b"
    # "Goods in Henan were quoted at premiums of ...", "Quotes from Jiangxi were identical with
    # SMM refined lead prices"
    r"|^\s*(?:goods|quotes|quotations|offers)\s+(?:in|from)\s+(?P<goods>[a-z]+)\s+(?:was|were)\b"
    # "At the beginning of the week, suppliers in Henan quoted a premium of 50 yuan/mt against
    # the SMM #1 lead"
    r"|^\s*(?:at|by|near|towards?)\s+the\s+(?:beginning|start|end)\s+of\s+the\s+week\s*,"
    r"\s*(?:suppliers|smelters)\s+in\s+(?P<suppliers>[a-z]+)\b"
)


def _producing_region_led(sentence: Sentence, benchmark: str | None = None) -> bool:
    """Whether a sentence opens on a province and names no product but the benchmark: "In
    Henan, suppliers quoted discounts of 50-0 yuan/mt against the SMM 1# lead average price"
    (a lead midday's round of the producing regions, whose smelters sell primary metal)."""
    led = _PLACE_LED.match(sentence.folded)
    if led is None or not names.regions(led.group(0)):
        return False
    named = names.known_products(_PAREN.sub(" ", sentence.folded))
    # ("..., while in Jiangxi, Yunnan, and Guangdong, primary lead supply had not recovered")
    return all(product in {benchmark, f"primary {benchmark}"} for *_, product in named)


_SMELTERS_IN = re.compile(
    r"(?<!secondary\s)\bsmelters?(?:\s+[a-z]+){0,2}?\s+in\s+(?P<place>[a-z]+)\b"
)


def _smelters_in_a_region(sentence: Sentence, context: Context) -> bool:
    """Whether a sentence tells of a province's smelters ("smelter inventories in Hunan"), in a
    report that does not quote secondary metal."""
    if context.secondary_lead_report:
        return False
    found = _SMELTERS_IN.search(sentence.folded)
    return found is not None and bool(names.regions(found.group("place")))


def _next_provinces_quote(folded: str, sentence: Sentence, context: Context) -> str | None:
    """ "In Hunan, ... against the SMM 1# lead average price. In Yunnan, quotations remained at
    discounts of 300 yuan/mt": in a round of the producing provinces, the next province's quote
    with no leg named is on the metal's benchmark, as the provinces before were."""
    if context.last_spread is None:
        return None
    benchmark = names.base_metal(context.last_spread[0])
    if (
        benchmark in context.last_spread
        and not names.known_products(folded)
        and _producing_region_led(sentence, benchmark)
        and re.search(r"\b(?:premium|discount)s?\b", folded)
    ):
        return f"primary {benchmark} - {benchmark}"
    return None


def _leg_place(leg: str) -> str | None:
    """The market a spread's leg is quoted in, written after it ("... rod in Jiangxi")."""
    place = re.search(r"\bin\s+((?:[a-z]+\s+)?[a-z]+)\s*$", leg)
    if place is None:
        return None
    found = names.regions(place.group(1))
    return found[-1][2] if found else None


_NPI_DISCOUNT_PER_TONNE = 5_000  # under this, an NPI-to-nickel discount is per nickel unit


def _spread_name(folded: str, context: Context, sentence: Sentence) -> tuple[str, bool] | None:
    """A spread's name, and whether its value is to be negated (a premium or discount written
    from the other leg)."""
    named = _spread_legs(folded, context, sentence)
    if named is None:
        return None
    name, flip = named
    standard = re.match(r"^([a-z]+) \(standard-quality\) - (\1 futures)$", name)
    if standard is not None:
        # "mainstream standard-quality copper was quoted at a discount of 10 yuan/mt against
        # the front-month contract": the market's own spot premium
        name = f"{standard.group(1)} - {standard.group(2)}"
    return name, flip


def _futures_leg(first: str, folded: str) -> str:
    """The futures a spot price is set against: its metal's, or the listed product the clause
    names ("ADC12 spot aluminum against the most-traded cast aluminum alloy contract (AD2512)")."""
    contract = _CONTRACT_OF.search(folded)
    named = names.known_products(contract.group("product")) if contract is not None else []
    metal = names.base_metal(first)
    if named and named[-1][2] != metal and names.base_metal(named[-1][2]) == metal:
        return f"{named[-1][2]} futures"
    return f"{metal} futures"


_CONTRACT_OF = re.compile(
    r"\bmost[- ]traded\s+(?P<product>(?:[a-z]+\s+){1,4}?)(?:futures\s+)?contract\b"
)


# "the Midwest premium exceeding $900/mt": the US market's premium over LME aluminium, duty paid
_MIDWEST_PREMIUM = re.compile(
    r"\b(?:us\s+)?mid-?west(?:\s+aluminium)?\s+(?:duty-paid\s+)?premiums?\b"
)


# "Premiums of LME cash to 3M contract stood at $65/mt": the LME's own time spread, which the
# Yangshan reports give beside the premiums as they give "the premiums of LME 0-3" (no figure)
_LME_CASH_TO_3M = re.compile(r"\blme\s+cash\s+(?:to|against|over)\s+(?:the\s+)?3m\b")


# "import premiums for highquality pyro-copper stood at around $115/mt under warrants": one
# grade's bonded premium, beside the report's own ranges (no figure, like the grades' deals)
_ONE_GRADE_IMPORTED = re.compile(
    r"\bimport\s+premiums?\s+for\s+(?:[a-z-]+\s+)?(?:pyro|hydro)-?copper\b"
)


def _spread_legs(folded: str, context: Context, sentence: Sentence) -> tuple[str, bool] | None:
    if _LME_CASH_TO_3M.search(folded) is not None or _ONE_GRADE_IMPORTED.search(folded):
        return None
    grade_told_on = _grade_told_on(folded, context) if "quoted" in folded else None
    if grade_told_on is not None:
        return grade_told_on, False
    if _ITS_DEALS.match(folded) is not None:
        # "A little more high-quality copper was on offer, and its cargoes invoiced next month
        # drew deals at a premium of 150 yuan/mt": the grade the clause before named
        opening = sentence.folded[: max(0, sentence.folded.find(folded))]
        named = names.known_products(opening)
        if named and names.base_metal(named[-1][2]) != named[-1][2]:
            return _ordered(named[-1][2], f"{names.base_metal(named[-1][2])} futures")
    if _MIDWEST_PREMIUM.search(folded) is not None:
        return "aluminium (us midwest) - aluminium (lme)", False
    metal_named = context.metal or (names.base_metal(context.product) if context.product else None)
    if (
        metal_named is not None
        and _IN_THE_SPOT_MARKET.match(sentence.folded)
        and re.search(rf"\b{metal_named}\s+(?:premiums?|discounts?)\b", folded)
    ):
        # "In the spot market, after SHFE copper prices opened higher, copper premiums fell
        # slightly to between positive RMB 150-250/mt before 11:00 am": spot over the futures
        return f"{metal_named} - {metal_named} futures", False
    if metal_named is not None and _LME_TO_COMEX.search(folded) is not None:
        # "the LME-COMEX price spread widened again to $1,000/mt", "the price spread between
        # LME 3M contracts and COMEX widened to over $2,500/mt": the two exchanges' gap, as
        # written
        return f"{metal_named} (lme) - {metal_named} (comex)", False
    if metal_named is not None and _BILLS_TO_WARRANTS.search(folded) is not None:
        # "the price spread between B/L and warehouse warrants inverted by nearly $50/mt": two
        # bonded premiums' gap
        return f"{metal_named} (b/l) - {metal_named} (warrant)", False
    if metal_named is not None and _LONDON_SPOT_PREMIUM.search(folded) is not None:
        # "Spot copper premiums in London surged to USD 21/mt": the LME's cash price over its
        # three-month price (a backwardation), in dollars
        return f"{metal_named} (lme cash) - {metal_named} (lme)", False
    if _GRADE_SPREAD.search(folded) is not None:
        # "The spread between good-quality and standard-quality copper was still around 20
        # yuan/mt": the better grade over the standard one
        return "copper (high-quality) - copper (standard-quality)", False
    place_to_futures = (
        _PLACE_TO_FUTURES.search(folded)
        or _CENTRE_AFTER_PARITY.search(folded)
        or _DEALS_CENTRED.search(folded)
    )
    if place_to_futures is None:
        spot_futures = _PLACE_SPOT_FUTURES.search(folded)
        if spot_futures is not None and names.regions(spot_futures.group("place")):
            place_to_futures = spot_futures
    metal = context.metal or (names.base_metal(context.product) if context.product else None)
    if place_to_futures is not None and metal is not None:
        # "the price spread between central China and SHFE at -120 yuan/mt": that market's
        # spot premium
        return f"{metal} - {metal} futures", False
    regional = _regional(folded, context, sentence)
    if regional is not None:
        return regional, False
    metal = context.metal
    if metal is not None and _DOMESTIC_SPOT_PREMIUM.search(folded):
        # "Meanwhile, premiums in the domestic spot market exceeded 300 yuan/mt, prompting
        # sellers to raise import premiums": the home spot premium, whatever it prompts abroad
        return f"{metal} - {metal} futures", False
    between_home_and_imports = _DOMESTIC_AND_IMPORTED.search(folded)
    if between_home_and_imports is not None:
        # "the price spread between domestic and imported zinc narrowed below RMB 200/mt": the
        # home metal over the imported, a spread of two grades, not the import window
        imported = names.known_products(between_home_and_imports.group(0))
        if imported and imported[-1][2].endswith(" (imported)"):
            return f"{names.base_metal(imported[-1][2])} - {imported[-1][2]}", False
    if re.search(r"\b(?:" + _IMPORT_MARGIN + r")|" + _IMPORTED_ORE_LOSS.pattern, folded) or (
        "import" in folded and "domestic" in folded
    ):
        products = names.known_products(
            _PAREN.sub(" ", sentence.folded[: sentence.folded.find(folded) + len(folded)])
        )
        product = products[0][2] if products else context.product or metal
        if not products and metal and _IMPORTED_ORE_LOSS.search(folded):
            product = f"{metal} concentrate"  # the ore of the article's metal
        if product is not None and product.endswith("futures"):
            product = product[: -len(" futures")]
        if product is not None and product.endswith(" (imported)"):
            # "... drew in imported copper, ..., with import losses below 100 yuan/mt": the
            # metal's window, whichever of its names the sentence used
            product = product[: -len(" (imported)")]
        return (f"{product} import window", False) if product else None
    that_for = _THAT_FOR.match(folded)
    if that_for is not None and _BETWEEN.search(folded):
        that_for = None  # "the price spread of primary and secondary copper rods": its own pair
    pair = context.last_spread
    if that_for is not None and pair is None:
        # "The price difference between primary metal and scrap moved in a narrow range, with
        # the price spread of X in Shanghai widening to ...": the pair the sentence named first
        opening = sentence.folded[: max(0, sentence.folded.find(folded))]
        for between in reversed(list(_BETWEEN.finditer(opening))):
            first = _leg(between.group("a"), context)
            second = _leg(between.group("b"), context)
            if first and second:
                pair = (first, second)
                break
    if that_for is not None and pair is not None:
        rest = re.split(
            r"\b(?:was|were|is|stood|at|in|widening|narrowing|holding|closing|rising|falling)\b",
            folded[that_for.end() :],
        )[0]
        leg = _leg(rest, context)
        if leg is not None:
            return names.spread_name(pair[0], leg), False
    # The last pair named is the one the number belongs to: "In terms of the price difference
    # between A00 aluminium and aluminium scrap, the price difference between A00 aluminium and
    # mechanical casting aluminium scrap in Shanghai increased ...".
    for between in reversed(list(_BETWEEN.finditer(folded))):
        a, b = between.group("a"), between.group("b")
        if re.fullmatch(r"primary|refined", a.strip()) and re.match(
            r"secondary\s+copper\s+rods?", b.strip()
        ):
            return "copper cathode rod - secondary copper rod", False
        if re.search(r"\brods?\s+with\s+copper\s+cathode$", a.strip()) and re.match(
            r"(?:copper\s+)?scrap\s+as\s+feedstock", b.strip()
        ):
            # "the spreads between copper rods with copper cathode and copper scrap as
            # feedstock": rods named by their feed
            return "copper cathode rod - secondary copper rod", False
        first, second = _leg(a, context), _leg(re.sub(r"\s+in\s+[a-z]+$", "", b), context)
        if first and second:
            first, second = _rod(first, a), _rod(second, b)
            place_a, place_b = _leg_place(a), _leg_place(b)
            if place_a and place_b and place_a != place_b:
                # "the average price spread between secondary copper rod in Jiangxi and
                # power-use copper rod in east China": each leg in its own market
                first = _with_qualifier(first, place_a.lower())
                second = _with_qualifier(second, place_b.lower())
            return names.spread_name(first, _graded_leg(second, folded[between.end() :])), False
    hyphened = _HYPHENED_PAIR.search(folded)
    if hyphened is not None:
        # "the Shanghai aluminum tense scrap-primary aluminum price difference"
        hyphen_first = names.known_products(hyphened.group("a"))
        hyphen_second = names.known_products(hyphened.group("b"))
        if hyphen_first and hyphen_second and hyphen_first[-1][2] != hyphen_second[-1][2]:
            return names.spread_name(hyphen_first[-1][2], hyphen_second[-1][2]), False
    for between in reversed(list(_BETWEEN_TO_VERB.finditer(folded))):
        first, second = _leg(between.group("a"), context), _leg(between.group("b"), context)
        if first and second and first != second:
            return names.spread_name(first, second), False
    if re.search(r"refined[\s-]+(?:to[\s-]+)?(?:scrap|waste)|refined\s+and\s+scrap", folded):
        return (f"{metal} - {names.scrap_of(metal)}", False) if metal else None
    # (its lazy head is tried at every letter: only where the word is written)
    discounted = _DISCOUNTED.search(folded) if "discounted" in folded else None
    if discounted is not None:
        first, second = _leg(discounted.group("a"), context), _leg(discounted.group("b"), context)
        if first and second:
            return _ordered(first, second)
    over = _OVER.search(folded)
    if over is not None:
        of_part = names.known_products(over.group("a") or "")
        first_found = of_part or names.known_products(_PAREN.sub(" ", folded[: over.start()]))
        # with nothing named, the spot premium of the metal the report quotes ("ordinary
        # domestic brands were quoted at premiums of 220~230 yuan/mt against the 2505
        # contract" after a 1# zinc price: zinc's)
        quoted = names.base_metal(context.product) if context.product else None
        first = first_found[-1][2] if first_found else (quoted or metal)
        if not first_found:
            first = _primary_if_smelters(first, folded[: over.start()], context)
        second = _leg(over.group("b"), context)
        if first and second and first != second:
            return _ordered(first, second)
    than = _THAN_FUTURES.search(folded)
    if than is not None:
        # "spot copper should be offered RMB 20-80/mt lower than SHFE 1509 copper"
        leg = _leg(re.split(r"[,;.]", folded[than.end() - 4 :])[0], context)
        firsts = names.known_products(folded[: than.start()])
        first = firsts[-1][2] if firsts else (context.product or metal)
        if leg is not None and first is not None and leg.endswith(" futures"):
            return _ordered(first, leg)
    versus = _VERSUS.search(folded)
    if versus is not None and not _AGAINST.search(folded):
        # "secondary refined lead ... at a discount of 200 yuan/mt against the average price of
        # SMM #1 lead": two products, each named.
        after = folded[versus.end() : versus.end() + 50]
        seconds = [name for *_, name in names.known_products(after)]
        # ... "over SHFE 1110 lead contracts": the futures leg too
        futures_leg = re.match(
            r"\s*(?:the\s+)?(?:shfe\s+)?(?:\d{4}\s+)?([a-z]+)\s+(?:futures|contracts?)\b"
            # "with premiums over SHFE three-month zinc prices between RMB 90-110/mt"
            r"|\s*(?:the\s+)?shfe\s+(?:three-month\s+|3-month\s+|\d{4}\s+)?([a-z]+)"
            r"(?:\s+(?:futures|contracts?|prices?))?\b",
            after,
        )
        if futures_leg is not None and seconds and seconds[0] in futures_leg.groups():
            seconds = [f"{seconds[0]} futures"]  # "against copper futures": the futures leg
        if not seconds and metal and re.match(r"(?:smm\s*)?(?:#1|1#)(?![\w#])", after):
            seconds = [metal]  # "against the average price of SMM 1#": the metal's benchmark
        if not seconds and metal and re.match(r"\s*smm\s+(?:spot\s+)?average\s+prices?\b", after):
            # "quoted #1 lead at a premium of 0-50 yuan/mt against the SMM average price": the
            # metal's benchmark, its name left out
            seconds = [metal]
        before = folded[: versus.start()]
        firsts = names.known_products(_PAREN.sub(" ", before))
        opening = sentence.folded[: max(0, sentence.folded.find(folded))]
        if metal and (
            re.search(rf"\bprimary\s+{metal}\b", opening + before)
            # "Discounts of lead by pyrometallurgy process increase to RMB 600-800/mt, against
            # average SMM #1 lead price": the metal smelted from concentrate
            or re.search(rf"\b{metal}\s+by\s+pyrometallurg", opening + before)
        ):
            # "Primary lead smelters mostly sold at market prices, with ex-factory quotes ranging
            # from ... against the SMM 1# lead average price": primary metal against its benchmark
            firsts = [(0, 0, f"primary {metal}")]
        if not firsts:
            # the product the sentence opened with, before this clause
            firsts = [
                found
                for found in names.known_products(_PAREN.sub(" ", opening))
                if found[2] != metal
            ][-1:]
        if (
            not firsts
            and metal
            and seconds[:1] == [metal]
            and _producing_region_led(sentence, metal)
        ):
            # "Other markets: ... In Henan, suppliers quoted discounts of 50-0 yuan/mt against
            # the SMM 1# lead average price": that province's smelters, against the benchmark
            firsts = [(0, 0, f"primary {metal}")]
        mentioned = context.mentioned_product
        if not firsts and mentioned is not None and mentioned not in seconds[:1]:
            # "Spot secondary refined lead was scarce. Suppliers' offers narrowed to a discount
            # of 50-0 yuan/mt against the SMM #1 lead average price": the product just named
            # (not the benchmark itself).
            firsts = [(0, 0, mentioned)]
        if not firsts and seconds and context.last_spread and seconds[0] == context.last_spread[0]:
            # "... a price difference between primary metal and scrap of 50 yuan/mt. ...
            # quotations against the SMM 1# lead average price ranging from a discount of 100":
            # the other leg of the spread just read.
            firsts = [(0, 0, context.last_spread[1])]
        if not firsts and metal and re.search(r"\bex-(?:works|factory)\b", folded):
            # "the main producing areas quoting premiums of 0-50 yuan/mt against the SMM #1 lead
            # price ex-works": what the plants ask, against the benchmark
            firsts = [(0, 0, f"{metal} (ex-works)")]
        if (
            not firsts
            and metal
            and seconds[:1] == [metal]
            and _primary_if_smelters(metal, opening + before, context) != metal
        ):
            # "smelters adjusted their spot premiums to discounts of 30-0 yuan/mt against SMM #1
            # lead": what primary smelters sell, against the benchmark
            firsts = [(0, 0, f"primary {metal}")]
        if firsts and seconds and firsts[-1][2] == seconds[0]:
            # "The mainstream ex-factory prices of refined lead were at a discount of 50-0
            # yuan/mt against the SMM 1# lead average price" in a secondary lead report: the
            # report's own product (or the other leg of the spread just read), not the benchmark
            other = None
            if metal and _producing_region_led(sentence, metal):
                other = f"primary {metal}"  # a province's smelters against the benchmark
            if other is None and metal and _smelters_in_a_region(sentence, context):
                # "smelter inventories in Hunan accumulated slightly, and premiums for #1 lead
                # against the SMM average price were lowered to 30-50 yuan/mt": the province's
                # smelters, selling primary metal against the benchmark
                other = f"primary {metal}"
            if other is None:
                other = _the_reports_own(seconds[0], context)
            if other is not None:
                firsts = [(0, 0, other)]
        if firsts and seconds and firsts[-1][2] != seconds[0]:
            first, second = firsts[-1][2], seconds[0]
            if first == "secondary lead":
                # "secondary lead smelters' ex-factory prices were at a discount of 50-0 yuan/mt
                # against the SMM #1 lead average price": what they sell, refined secondary lead
                first = "refined secondary lead"
            if names.base_metal(first) == names.base_metal(second):
                return _ordered(first, second)
    against = _AGAINST.search(folded)
    if against is None and (province_quote := _next_provinces_quote(folded, sentence, context)):
        # "In Hunan, a few small smelters sold on par, while other smelters still quoted with a
        # premium of 100 yuan/mt": the province's smelters on the benchmark, not a spot premium
        # over the futures
        return province_quote, False
    if against is not None or _SPOT_PREMIUM.search(folded):
        head = folded[: against.start()] if against else folded
        first_found = names.known_products(head)
        amount = re.search(r"\d", head)
        named_first = names.known_products(head[: amount.start()]) if amount else []
        if named_first:
            # "Premiums of mainstream standard-quality copper were quoted at 560-570 yuan/mt,
            # almost level with high-quality copper": the grade the premium is told of, not one
            # compared after the amount
            first_found = named_first
        # The spot premium of the product the report was quoting: "the A00 price ..., with spot
        # discounts to settle at RMB 40 per tonne".
        quoted = names.base_metal(context.product) if context.product else None
        section = names.known_products(context.heading) if context.heading else []
        if section and not first_found:
            quoted = section[-1][2]  # "Aluminium: ... Spot discounts are seen at 60-20 yuan/mt."
        first = first_found[-1][2] if first_found else quoted or metal
        if not first_found:
            first = _primary_if_smelters(first, head, context)
        futures_leg = _FUTURES_LEG_METAL.search(folded)
        if (
            first
            and futures_leg is not None
            and names.base_metal(first) != futures_leg.group(1)
            and context.metal == futures_leg.group(1)
        ):
            # "spot zinc will trade 200-100 yuan per tonne below SHFE copper" in a copper
            # outlook: a spot premium is over its own metal's futures, and the report's metal
            # tells which of the two names is the slip
            first = futures_leg.group(1)
        if first:
            return _ordered(first, _futures_leg(first, folded))
    told_on = _TOLD_ON.match(folded)
    named_here = names.known_products(folded)
    if told_on is not None and named_here and context.last_spread is not None:
        # "..., while high-quality copper was quoted at a premium of 30 yuan/mt to 50 yuan/mt":
        # the next product against the same leg.
        first = named_here[0][2]
        # the leg both are quoted against: the second as written, the first when the house
        # order swapped them ("lead - refined secondary lead" from a discount to SMM 1# lead)
        reference = context.last_spread[0 if context.last_spread_flipped else 1]
        if first != reference:
            return _ordered(first, reference)
    province_quote = _next_provinces_quote(folded, sentence, context)
    if province_quote is not None:
        return province_quote, False
    if context.last_spread is not None and (
        _SAME_SPREAD.match(folded)
        or _SPREAD_GOES_ON.match(folded)
        or _PREMIUMS_HELD_A_LINE.search(folded)
    ):
        # "... quoted at premiums of 260-310 yuan/mt over the 2206 contract. The average premium
        # was 285 yuan/mt": the spread just named, told on (the market's again when a grade's
        # was named last and this one names none: "premiums were quoted mostly between ...")
        first, second = context.last_spread
        if first.endswith(" (high-quality)") and "quality" not in folded:
            first = first.removesuffix(" (high-quality)")
        return f"{first} - {second}", context.last_spread_flipped
    if (
        context.last_spread is not None
        and context.last_spread[1].endswith(" futures")
        and not named_here
        and _BARE_PREMIUM.search(folded)
        and re.search(
            r"\b(?:expect(?:ed|s)?|will|likely|forecast|predict(?:ed|s)?)\b", sentence.folded
        )
        and not re.search(r"\b(?:deals?|offers?|offered)\b", folded)
    ):
        # "It is expected that tomorrow's transactions will still be at premiums above 150
        # yuan/mt": in a spot report, the premium a forecast gives, naming nothing, is the
        # market's.
        metal = names.base_metal(context.last_spread[0])
        return _ordered(metal, f"{metal} futures")
    if (
        context.last_spread is not None
        and context.last_spread[1].endswith(" futures")
        and re.search(r"\b(?:premium|discount)s?\b", folded)
        and not re.search(
            r"\b(?:traded|trading|deals?|transactions?|brands?|non-registered|such\s+as)\b", folded
        )
    ):
        # "SX-EW copper weakened to a discount of around 40 yuan/mt during the day": in a spot
        # report, a grade's own spot premium against the futures the report quotes against
        # (not a premium told of brands, "high-quality copper such as CCC-P and ENM ...").
        metal = names.base_metal(context.last_spread[0])
        graded = [
            found
            for *_, found in named_here
            if names.base_metal(found) == metal and _GRADE.search(found)
        ]
        if graded:
            return _ordered(graded[0], f"{metal} futures")
    spot = _SPOT_PRICE_THEN.search(sentence.folded)
    if spot is not None and _WITH_BARE_SPREAD.match(folded):
        # "Spot aluminum was mainly traded at RMB 14,550-14,570/mt in Shanghai on Thursday, with
        # discounts at RMB 130-150/mt": the spot price's own discount to the futures
        metal = names.base_metal(names.known_products(spot.group("metal"))[0][2])
        return _ordered(metal, f"{metal} futures")
    return None


_SPOT_PRICE_THEN = re.compile(
    r"^\W*spot\s+(?P<metal>copper|zinc|alumini?um|lead|nickel|tin)\s+was\s+(?:mainly\s+)?traded\b"
)
_WITH_BARE_SPREAD = re.compile(r"^\W*with\s+(?:spot\s+)?(?:premiums?|discounts?)\s+(?:at|of)\b")


_GRADE = re.compile(r"\((?:sx-ew|high-quality)\)$")

_FUTURES_LEG_METAL = re.compile(
    r"\b(?:above|below|over|under)\s+(?:the\s+)?shfe\s+(?:\d{4}\s+)?"
    r"(copper|zinc|aluminium|lead|nickel|tin)\b"
)

# "..., while in southwest and south China, discounts ranged from 170-50 yuan/mt": the spread
# just read, in other markets.
_PLACE_TO_FUTURES = re.compile(
    r"\bprice\s+spread\s+between\s+[a-z]+(?:\s+china)?\s+and\s+(?:the\s+)?(?:shfe|futures)\b"
)
# "The Tianjin spot-futures price spread was 65 yuan/mt": that market's spot premium (a
# product's own, "the ADC12 spot-futures price spread", has legs of its own)
_PLACE_SPOT_FUTURES = re.compile(
    r"\b(?P<place>[a-z]+(?:\s+china)?)\s+spot-futures\s+(?:price\s+)?spread\b"
)

_SPREAD_GOES_ON = re.compile(
    r"^\s*(?:,\s*)?(?:(?:and|while|whereas|but)\s+)?in\s+[a-z ]+?,\s*(?:spot\s+)?(?:premiums?"
    r"|discounts?)\s+(?:was|were|stood|ranged|widened|narrowed)\b"
    # "..., Henan at premiums of 25 yuan/mt, and Guangxi at premiums of 50 yuan/mt"
    r"|^\s*(?:,\s*)?(?:and\s+)?(?:in\s+)?[a-z]+(?:\s+china)?\s+at\s+(?:premiums?|discounts?)\s+of\b"
)

_PREMIUM_OF_AHEAD = re.compile(r"\b(?:premium|discount)s?\s+of\s*(?:rmb|\$)?\s*$")

_AT_PARITY = re.compile(
    r"\b(?:at\s+parity|on\s+par)\s+(?:with|against|to)\s+(?:the\s+)?(?:smm\s*(?:#1|1#)"
    r"|smm\s+refined\s+[a-z]+\s+price"
    # "spot copper might trade on par with the SHFE 1509 contract"; "SMMA00 was on par with the
    # SHFE aluminum 2505 contract"; "at parity against the 2511 contract"
    r"|(?:shfe\s+)?(?:[a-z]+\s+)?(?:\d{4}\s+)?contract\b)"
)

_ITEM_AFTER_PLACE = re.compile(
    r"\s+(?:(?:was|were|quoted)\s+)?at\s+(?:premiums?|discounts?)\s+of\b"
)

# "..., with quotations in Anhui at premiums of 100 yuan/mt ex-factory, Henan at premiums of 25
# yuan/mt": one market's spread in a list of markets after the spread itself
_PLACE_ITEM = re.compile(
    r"(?:^|,|\band\b|\bwith\b)\s*(?:(?:quotations|quotes|offers)\s+)?(?:in\s+)?"
    r"(?P<place>[a-z]+(?:\s+china)?)\s+(?:(?:was|were|quoted)\s+)?at\s+(?:premiums?|discounts?)\s+of"
    r"\s*(?:rmb|\$)?\s*$"
)

_SPREAD_IN = re.compile(r"\b(?:premiums?|discounts?|spreads?)\s+in\s+(?:the\s+)?$")

# "110-120 yuan/mt for high-priced Zijin zinc": the brand a premium is told for, after it
_FOR_A_BRAND = re.compile(r"^\s*(?:/\s*mt\s*)?for\s+[^,;.]{1,40}")


_PRICE_PAST_A_LINE = re.compile(
    r"\b(?:futures|prices?|aluminium|aluminum|copper|zinc|lead|nickel|tin)\s+(?:were|was|fell|dropped"
    r"|slid|stood|broke|rose|climbed)\s+(?:back\s+)?(?:under|below|above|over|through"
    # "As Shanghai copper fell to levels around 47,300 yuan/mt, spot sellers added premiums"
    r"|to\s+(?:levels?\s+)?(?:around|about|near))\s*(?:rmb\s*)?$"
)
_AVERAGE_OF_IT = re.compile(
    r"\s*(?:,\s*)?(?:and\s+)?(?:the\s+|its\s+)?average\s+(?:premium|discount|spread)\b"
)
# "premiums of mainstream standard-quality copper fell below 500 yuan/mt": the premium's line
_PREMIUMS_OF = re.compile(r"\b(?:premiums?|discounts?)\s+(?:of|for)\s+[^,;]{0,50}$")
_CITY_FOR_EXCHANGE = re.compile(
    r"shanghai\s+(?:aluminum|aluminium|copper|zinc|lead|nickel|tin)\s+(?:has|have|had|fell|rose"
    r"|closed|climbed|dropped|slid|gained|lost|edged|moved)\b"
)
_COMPARED_WITH = re.compile(
    r"\b(?:this|these|that|which)\s+compared\s+(?:with|to)\s+(?:an?\s+|the\s+)?"
    r"(?:(?:lowest|highest)\s+)?(?:premium|discount)s?\s+of\s*$"
)
_SMM_A00 = re.compile(r"\bsmm\s+a00\b")
# ... not "SMM A00 aluminum (Foshan)", the benchmark's price in one market
_SMM_A00_NATIONAL = re.compile(r"\bsmm\s+a00\b(?!(?:\s+alumini?um)?(?:\s+ingots?)?\s*\()")


def _the_reports_own(benchmark: str, context: Context) -> str | None:
    """The product a report quotes against ``benchmark`` when it calls it by the benchmark's
    own name: the other leg of the spread just read, or the product last priced."""
    if context.last_spread is not None and context.last_spread[0] == benchmark:
        return context.last_spread[1]
    product = context.product
    if product is not None and product != benchmark and names.base_metal(product) == benchmark:
        return product
    return None


_TOLD_ON = re.compile(
    r"^\s*(?:,\s*)?(?:(?:and|while|whereas)\s+)?(?!in\b)[a-z#0-9 ()-]{0,60}?\s+"
    # "..., while high-bismuth lead could go at a discount of 100-50 yuan/mt"
    r"(?:(?:was|were)\s+quoted|(?:could|can|would|might)\s+(?:go|sell|trade))\s+at\s+"
    r"(?:an?\s+)?(?:premium|discount)s?\b"
    # "..., while some high-bismuth lead sources could be discounted by 80 yuan/mt"
    r"|^\s*(?:,\s*)?(?:(?:and|while|whereas)\s+)?(?!in\b)[a-z#0-9 ()-]{0,60}?\s+"
    r"(?:could|can|would|might)\s+be\s+discounted\s+by\b"
    r"|^\s*(?:,\s*)?(?:(?:and|while|whereas)\s+)?(?!in\b)[a-z#0-9 -]{0,40}?\s+"
    r"(?:premiums?|discounts?)\s+(?:was|were)\s+quoted\s+at\b"
    # "...; standard-quality copper at a premium of 160 yuan/mt": the verb of the grade before
    # left out
    # (a grade alone, not a brand's example or deals: "SX-EW copper such as Spence traded at")
    r"|^\s*(?:,\s*)?(?:(?:and|while|whereas)\s+)?(?!in\b)"
    r"(?![^,;]{0,40}?\b(?:such\s+as|traded|sold|went|offered|dealt|quoted)\b)"
    r"[a-z#0-9 -]{2,40}?\s+at\s+an?\s+(?:premium|discount)\s+of\b"
)

_SIGNED_AGAINST = re.compile(
    r"\bagainst\s+(?:the\s+)?(?:shfe\s+)?\d{4}\s+contract\s+(?:were|was|are|is|at|of)\s+[+\-−]\d"
)

_PREMIUMS_HELD_A_LINE = re.compile(
    r"\b(?:the\s+)?premiums?\s+(?:were|held|stayed|remained)\s+(?:firmly\s+|steadily\s+)?"
    r"(?:above|below)\b"
)
_GRADE_SPREAD = re.compile(
    r"\b(?:price\s+)?(?:spread|difference|gap)\s+between\s+(?:good|high)-quality\s+and\s+"
    r"standard-quality\s+copper\s+(?:was|were|stood|remained|is)\b"
)

_TURNED_INTO = re.compile(r"\s*(?:and\s+)?turned\s+(?:in)?to\s+(?:an?\s+)?(?:premium|discount)s?\b")

_QUOTE_MOVED_ON = re.compile(
    r"\bthen\s+(?:the\s+)?(?:sellers\s+(?:[a-z]+\s+)?)?(?:cut|lowered|raised|lifted|fell|dropped|rose)\s+"
    r"(?:the\s+)?(?:(?:premium|discount)s?\s+)?to\s*$"
    # "averaged at premiums of 85 yuan per tonne on Jul. 31, and turned into discounts of 50
    # yuan per tonne on Aug. 27": where it stands now
    r"|\bturned\s+(?:in)?to\s+(?:an?\s+)?(?:premium|discount)s?\s+of\s*$"
    # "quoted at a premium of 170 yuan/mt, which was later lowered to 130 yuan/mt"
    # "offered standard-quality copper at a discount of around 150 yuan/mt, then quickly moved
    # their offers to a discount of 200-60 yuan/mt"
    r"|\bmoved\s+(?:their\s+)?offers\s+to\s+(?:an?\s+)?(?:premium|discount)s?\s+of\s*$"
    r"|\b(?:which|that)\s+(?:was|were)\s+(?:later\s+|then\s+)?(?:cut|lowered|raised|lifted|reduced"
    r"|pressed\s+down|pushed\s+(?:down|up))\s+to\s*$"
)

_FUTURES_MOVED = re.compile(
    r"\b(?:shfe|lme)\s+(?:\d{4}\s+)?(?:copper|aluminium|aluminum|zinc|lead|nickel|tin)\s+"
    r"(?:\d{4}\s+)?(?:gained|rose|climbed|added|jumped|fell|dropped|lost|slid|declined)\s*$"
)

_SAME_SPREAD = re.compile(
    r"^\s*(?:the\s+)?(?:average\s+)?(?:premium|discount|spread)s?\s+(?:was|were|stood|averaged"
    r"|held|stayed|remained)\b"
    # "..., then sellers cut premiums to 90 yuan/mt"
    r"|^\s*(?:,\s*)?(?:and\s+)?(?:then\s+)?(?:the\s+)?sellers\s+(?:[a-z]+\s+)?(?:cut|lowered|raised"
    r"|lifted)\s+(?:the\s+)?(?:premium|discount)s?\s+to\b"
    # "..., and spot order discounts widened to -100~0 yuan/mt"
    r"|^\s*(?:,\s*)?(?:and\s+)?(?:the\s+)?(?:spot\s+(?:order\s+)?)?(?:premium|discount)s?\s+"
    # ("The premiums fell further to 550 yuan/mt after SHFE copper gained 200 yuan/mt")
    r"(?:widened|narrowed|expanded|shrank|increased|decreased|rose|fell|dropped)\s+"
    r"(?:further\s+|quickly\s+|slightly\s+)?(?:to|by)\b"
)


def _ordered(first: str, second: str) -> tuple[str, bool]:
    """A premium of ``first`` over ``second``, named in the house order; True when swapped."""
    # "Secondary lead was quoted at premiums of 0-100 yuan/mt against the SMM 1# lead average
    # price": what secondary smelters sell, refined secondary lead
    first, second = (
        "refined secondary lead" if leg == "secondary lead" else leg for leg in (first, second)
    )
    name = names.spread_name(first, second)
    return name, not name.startswith(first + " - ")


def _rod(name: str, text: str) -> str:
    if "rod" in text and "copper" in name:
        if "secondary" in text or "scrap" in text or "recycled" in text:
            return "secondary copper rod"
        return "copper cathode rod"
    return name
