"""The document an extractor reads: sentences in paragraphs, their clauses, and what the article
is about so far (the topic that "the overall rate", "the futures" or a segment list refer to).

Reading is in order, like an analyst's: each sentence is read with what came before it, and what
it names becomes the context for what follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import pairwise

from scrapers.extract import names
from scrapers.extract.drafts import Draft
from scrapers.extract.quantities import Quantity, read
from scrapers.extract.text import Sentence, fold, sentences

# Where one statement ends and the next begins inside a sentence.
# an amount written before the word for what it is: "RMB -20 per tonne", "USD 15/t"
_AMOUNT_FIRST = (
    r"(?:(?:rmb|cny|usd|us\$|\$)\s*[-+−]?[\d,.]+\s*(?:per\s+tonne|/\s*t|/\s*mt)?"
    r"|[\d,.]+\s*yuan\s*(?:/\s*mt|/\s*t\b|per\s+tonne))"
)
# (Every break begins at a semicolon, a comma, a colon or a space: the lookahead before the
# alternation fails at once everywhere else, where the engine would otherwise try each of the
# alternatives at every letter of the sentence.)
_CLAUSE_BREAK = re.compile(
    r"(?=[;,:\s])(?:"
    r";|(?<=[a-z0-9%)\]])\s*:\s+(?=[a-z])"
    r"|,\s*(?:even\s+)?(?:while|whereas|but|meanwhile|and(?=\s+(?:[a-z]|#\d))(?!\s+(?:rmb|cny|usd|us\$)(?:\b|(?=\d)))|as(?=\s+[a-z]+\s+prices?\b))\s*"
    r"|\s(?:while|whereas|meanwhile)\s"
    # A price and its premium in one sentence are two statements: "..., at a discount of 150
    # per tonne against the 2602 contract"; so are two premiums: "... and a premium of 40".
    r"|,\s*(?=(?:at|with)\s+an?\s+(?:premium|discount)\b|with\s+(?:premium|discount)s\s+(?:of|at)\b)"
    # "As inventories keep shrinking and China's stainless steel demand slowly returns, we expect
    # the SHFE 1807 contract to trade at ...": the reason, then the forecaster's statement
    r"|,\s*(?=we\s+(?:expect|see|believe|forecast)\b)"
    # "The BACK ... moved within 150-180 yuan/mt, with an estimated import loss of approximately
    # 900 yuan/mt": the import window is a statement of its own
    r"|,\s*(?=with\s+(?:an?\s+)?(?:estimated\s+)?import\s+(?:loss|profit)(?:es|s)?\s+of\b)"
    # "We see it trading at 50,100-50,600 yuan/mt with spot premiums at 0-50 yuan/mt today"
    r"|\s+(?=with\s+spot\s+(?:premiums?|discounts?|prices?)\s+(?:at|of|seen|up\s+to)\b)"
    # "... at 17,415 yuan/mt, with open interest decreasing 22,509 lots to 232,000 lots, and is
    # expected to fluctuate above 17,300 yuan/mt tonight": the forecast after the volumes
    r"|,\s*(?=and\s+(?:is|are)\s+(?:expected|likely|forecast|set)\s+to\b)"
    # "It is seen trading between 14,300-14,400 yuan/mt today with LME aluminium at
    # $1,750-1,820/mt": the other exchange's forecast
    r"|\s+(?=with\s+(?:lme|shfe|comex)\s+[a-z]+\s+(?:at|between)\b)"
    # "... at a premium of 260 yuan/mt against the 2506 contract and at a premium of 30 yuan/mt
    # against Shanghai spot cargo": two premiums over two legs
    # (also "... at a premium of 0-50 yuan/mt against the SMM average price or at a discount of
    # 70-80 yuan/mt against the SHFE lead 2601 contract": one quote told against two legs)
    r"|\s+(?:and|or)\s+(?=at\s+an?\s+(?:premium|discount)\s+of\b)"
    # AL Circle writes the amount first: "..., with a RMB -20 per tonne spread against the May
    # contract"; "... and a RMB 35 per tonne discount against the next month"; SMM's "..., at a 30
    # yuan/mt discount to the 2509 contract"
    r"|(?:,\s*|\s+and\s+)(?=(?:with\s+|at\s+)?an?\s+"
    + _AMOUNT_FIRST
    + r"\s+(?:premium|discount|spread)\b)"
    # "RMB 9,910-9,920/mt in Shanghai, discount of RMB 130-120/mt over SHFE 1512 aluminum,
    # versus RMB 9,910-9,920/mt in Wuxi": the premium, and other markets compared
    r"|,\s*(?=an?\s+(?:premium|discount)\s+of\b|(?:premium|discount)s?\s+of\b)"
    r"|,\s*(?=versus\b|vs\.?\s)"
    # "Traded prices mostly occurred at 21,650-21,780 yuan/mt, or a premium of 300-320 yuan/mt
    # over the SHFE December contract": the price, and the same deals as a premium
    r"|,\s*(?=or\s+an?\s+(?:premium|discount)\s+of\b)"
    # "... traded at 24,100-24,150 yuan/mt, about 50-40 yuan/mt lower than the spot market in
    # Shanghai": a price, then how far it stands from another market's
    r"|,\s*(?=(?:about|around|some|roughly)\s+[\d,.]+(?:\s*-\s*[\d,.]+)?\s*yuan(?:/mt)?\s+"
    r"(?:lower|higher)\s+than\b)"
    # "#0 zinc prices were between RMB 13,810-13,890/mt, RMB 90-150/mt above SHFE 1512 zinc
    # contract prices"; "... in Tianjin August 16, 200 yuan per tonne above Shanghai price and
    # 350-400 yuan per tonne above September zinc on the SHFE": a price, then its premiums
    r"|(?:,\s*|\s+and\s+)(?=(?:about\s+|around\s+)?(?:rmb\s*)?[\d,.]+(?:\s*-\s*[\d,.]+)?\s*"
    r"(?:yuan(?:\s*/\s*mt|\s+per\s+tonne)?|/mt)\s+(?:(?:above|below)\s+[a-z]"
    # "... for Shuangyan and new Honglu brands, RMB 500/mt higher than SHFE 1507 lead"
    r"|(?:higher|lower)\s+than\s+(?:the\s+)?shfe\b))"
    # "..., with spot premiums of RMB 340-360/mt, and RMB 15,000/mt for imported zinc": another
    # product's price after the premium
    r"|,\s*and\s+(?=(?:rmb\s*)?[\d,.]+\s*(?:yuan\s*)?/\s*mt\s+for\s+[a-z])"
    # "... and secondary aluminium alloy generally pulled back, with only aluminium wire and
    # cable maintaining stable operations": the exception is a statement of its own
    r"|,\s*(?=with\s+only\b)"
    # "With premiums of up to 10 yuan/mt over the SHFE March contract, spot deals were mostly
    # done at ...": a premium, then the market's prices
    r"|,\s*(?=(?:spot\s+)?(?:deals|transactions|prices)\s+(?:were|was)\s+(?:mostly|mainly)\b)"
    # "premiums for spot copper were quoted slightly lower to RMB 120-200/mt, with traded prices
    # at RMB 54,650-54,780/mt": the premium, then the prices deals were done at
    r"|,\s*(?=with\s+(?:traded|transaction|deal)\s+prices?\b)"
    # "..., trading at parity with the May contract"; "..., trading at a discount of 75 yuan/mt"
    r"|,\s*(?=(?:trading\s+)?at\s+parity\b|trading\s+at\s+an?\s+(?:premium|discount)\b)"
    # (also "... premiums of 0-50 yuan/mt against the SMM 1# lead average price or premiums of 0-50
    # yuan/mt against the SHFE 2402 contract": one quote on two legs)
    r"|(?<!premiums)(?<!premium)\s+(?:and|or)\s+(?=(?:an?\s+|spot\s+)?(?:premiums?|discounts?)\s+of)"
    # "suppliers lowered their premiums for SMM #1 lead to 0-50 yuan/mt, or offered discounts of
    # 120-130 yuan/mt against the SHFE lead 2512 contract"
    r"|,\s*or\s+(?=(?:offered|quoted)\s+(?:premiums?|discounts?)\s+of)"
    r"|,?\s+with\s+(?=the\s+[a-z-]+\s+price\s+spread)"
    r"|,?\s+with\s+(?=[a-z]+-[a-z]+\s+(?:price\s+)?spread\b)"
    # "... to 16,775 yuan/mt, with a price difference between primary metal and scrap of 50"
    r"|,\s*(?=with\s+(?:a|the)\s+price\s+(?:difference|spread|gap)\b)"
    r"|,\s*followed\s+by\s+"
    # "... to stand at A and B, respectively, the price of A356 has increased by ...": a list
    # closed by "respectively" and the next statement
    r"|(?<=respectively),\s*(?=(?:the|while|whereas|and)\b)"
    # "While operating rate in Yunnan went flat at 36.9%, rates across plants in Henan dipped"
    r"|,\s*(?=(?:the\s+)?(?:operating\s+)?rates\s+(?:across|at|in|for)\s)"
    # "operating capacity dropping by 3.22% month-on-month and the operating rate at 78.76%"
    r"|\s+and\s+(?=the\s+(?:[a-z]+\s+)?operating\s+rates?\s+(?:at|was|stood|of)\b)"
    # "..., with Australia bauxite and Guinea bauxite up US$ 2 and US$ 0.5 at US$ 67 and ...":
    # a list of other prices, read on its own
    r"|,\s*with\s+(?=[a-z][a-z\s-]{2,40}?\s+and\s+[a-z][a-z\s-]{2,40}?\s+(?:up|down)\s)"
    # "... took it to 0 yuan/mt, with the premium over the 2408 contract at around 0-30 yuan/mt"
    r"|,\s*(?=with\s+(?:the\s+)?(?:spot\s+)?premiums?\s+(?:over|against)\b)"
    # "Most transactions were heard at 14,540-14,550 yuan/mt with discounts of 50-30 yuan/mt"
    r"|(?<=/mt)\s+(?=with\s+(?:discounts?|premiums?)\s+of\b)"
    # "..., with the nearby import loss for SHFE copper at nearly 500 yuan/mt": apart too.
    r"|,\s*(?=with\s+(?:the\s+)?(?:[a-z]+\s+)?import\s+(?:loss|losses|profit|profits|window)\b)"
    # "..., with spot discounts to settle at RMB 40 per tonne": the spot premium, apart.
    r"|,\s*(?=with\s+(?:the\s+)?spot\s+(?:discounts?|premiums?|contracts?|aluminium|prices?)\b)"
    # (... and AL Circle's slip for it: ", with average prices likely to be traded at a discount
    # price of RMB 30 per tonne")
    r"|,\s*(?=with\s+average\s+prices\s+(?:likely|expected)\s+to\s+be\s+traded\s+at\b)"
    # "... will trade at 13,800-13,980 yuan/mt today with spot discounts at 70-30 yuan/mt"
    r"|(?<=today)\s+(?=with\s+spot\s+(?:discounts?|premiums?|prices?)\b)"
    # "large enterprises was 37.8 per cent, mid-sized companies 35.8 per cent, and small firms
    # 20.5 per cent": each size group with its own number.
    r"|,\s*(?:and\s+)?(?=(?:large|larger|large-scale|mid-sized|medium(?:-sized)?|small|smaller"
    r"|small-sized)\s+(?:enterprises|companies|firms|plants|smelters|producers)\s+[\d.]+\s*"
    r"(?:%|per\s*cent))"
    r")"
)
# "Primary Aluminum Alloy: The operating rate of ...": a section heading opening a paragraph.
_HEADING = re.compile(r"^([A-Z][A-Za-z0-9#&/,'’ ()\-]{2,60}?)\s*[:：]\s*(?=\S)")
_NOT_HEADINGS = frozenset(
    "smm note data source statement for queries specifically among them overall however in"
    " addition meanwhile by sector by segment".split()
)


@dataclass(frozen=True, slots=True)
class Clause:
    text: str  # as written
    folded: str
    start: int  # offset in its sentence
    quantities: tuple[Quantity, ...]  # offsets in the sentence


@dataclass(frozen=True, slots=True)
class PairedPrice:
    """The second of two prices named together ("the cash bid price and the official settlement
    price"), whose numbers come in the next sentence."""

    product: str
    region: str


@dataclass
class Context:
    """What the article is about, as far as it has been read."""

    published: date | None
    rate_subject: names.Named | None = None  # the survey's headline industry
    segment: names.Named | None = None  # the industry the last statement was about
    product: str | None = None  # the product prices were last quoted for
    metal: str | None = None  # the article's metal, for "primary metal and scrap"
    # the front-month contract, when a report quotes against two ("a discount of 60 yuan/mt
    # against the 2601 contract ...; a discount of 150 yuan/mt against the 2602 contract")
    front_contract: int | None = None
    # the contract month the report's spot premium is first quoted against ("over the SHFE
    # December contract"), for a premium over another month later in it
    quote_month: int | None = None
    # the SHFE contract whose close the report gave first, by product (a multi-metal comment
    # names one contract per metal)
    close_contracts: dict[str, int] = field(default_factory=dict)
    heading: str | None = None  # the current paragraph's section heading, folded
    # the base metals a multi-metal comment heads its sections with ("Copper: ...", "Zinc: ...")
    section_metals: frozenset[str] = frozenset()
    # "SMM's forecast of the second-half-May HPM (MC35%):": what the bullet items below are
    list_lead: str | None = None
    weekly: bool = False  # a weekly survey or review
    # the article said it tells of a week ("over the past week", "this week")
    week_told: bool = False
    daily: bool = False  # a daily price report
    week: str | None = None  # the survey week, once named ("2025-W11")
    month: str | None = None  # the survey month, once named ("2025-10")
    forecast_month: str | None = None  # the month a figure-less outlook named ("in August")
    rates_seen: bool = False  # the article is (also) an operating-rate survey
    # the rate last read, for a change told after it ("... to 80.12% in December. This is 13.28
    # percentage points higher from December 2017")
    last_rate: Draft | None = None
    last_spread: tuple[str, str] | None = None  # the legs of the last spread read
    # the name of the last spread emitted, kept across prices ("... premium to the SHFE 1411
    # contract. Traded prices were ... physical copper was quoted at a RMB 50-120/mt premium")
    spread_named: str | None = None
    last_spread_flipped: bool = False  # ... written from its second leg ("a discount of X")
    # a spread of refined secondary lead was read: a secondary lead report, whose "ex-factory
    # prices excluding tax" are what secondary smelters sell
    secondary_lead_report: bool = False
    mentioned_product: str | None = None  # the last product a priceless sentence named
    wrap_venue: str | None = None  # "Shanghai base metals closed higher": the wrap's exchange
    # the bonded copper premium the last sentence quoted as a range, for "The average price was
    # $66/mt, $3.5/mt higher than the previous trading day" (SMM's Yangshan report until 2023)
    bonded_draft: Draft | None = None
    last_price: Draft | None = None  # the price last read ("This represented a decrease ...")
    # the spread read after the last price, for a sentence that only holds it flat ("..., with
    # the average price at parity. This was flat compared to the previous trading day.")
    last_spread_draft: Draft | None = None
    place: str | None = None  # where the last price was quoted (a spot premium's market)
    place_metal: str | None = None  # the metal whose price named that place
    paragraph_place: str | None = None  # "In Tianjin, ...": the market a paragraph reports on
    # the paragraph's place, kept while a later sentence opens with its own ("In Changzhou, ...")
    sentence_place: tuple[str | None] | None = None
    # the place a price of this sentence named ("Prices were mainly between RMB 10,410-10,420/mt
    # in Shanghai, discount of RMB 130-140/mt over SHFE 1511 aluminum"): its premium's market
    quote_place: str | None = None
    pair: PairedPrice | None = None  # a pair of prices named for the next sentence's numbers
    group: list[Draft] | None = None  # the prices a list just named ("Their prices range ...")
    # the sentence before spoke of fees ("billet processing fees fell further"): a next one
    # that names no product ("By region, Foshan stood at -50/0 yuan/mt") goes on about them
    fee_topic: bool = False
    # the (product, region) of each price a list of moves named, None for a bid ("the cash bid
    # and the official settlement price shed US$17 and US$17.50"), for "the prices derived at"
    listed: tuple[tuple[str, str] | None, ...] | None = None
    last_owner: tuple[str, str] | None = None  # (product, market) last read: what "it" is
    # the places a move was told for as a list ("uniform drops of RMB 50 per tonne in Gongyi,
    # Wuxi, Hangzhou, Tianjin, and Linyi"), for a later "the other provinces"
    places_moved: tuple[str, ...] = ()
    # one move told for every place but some ("except for Foshan, all the Chinese provinces have
    # uniformly experienced a downfall of RMB 10 per tonne"): (product, move, the places left
    # out), given to the prices of the other places the paragraph lists next
    uniform_move: tuple[str, Decimal, frozenset[str]] | None = None
    # (subject, region, unit, level) of the prices read so far, for a change told against an
    # earlier value ("If we consider the price on August 16, which was US$2,089 ...")
    levels: list[tuple[str, str, str, Decimal]] = field(default_factory=list)
    # the last move amount written, whoever's it was ("the cash bid ... with a spike of US$2"),
    # for a price that "registered a similar rise" in the next sentence
    last_move: Decimal | None = None
    # the rest of the paragraph after this sentence, folded: where a move told on the way may
    # end ("... opened at A and grew to B. But later, the price ... ended at C")
    paragraph_rest: str = ""
    # ... and the sentences before it (folded), read only when a sentence points back to places
    # it does not name ("The W-o-W price has seen a 14 per cent hike in both provinces")
    paragraph_before: tuple[str, ...] = ()
    # the one exchange the article's body names, if only one ("On the London Metal Exchange,
    # ..."): where a base metal's dollar price that names no venue was made
    venue: str | None = None
    # ... and the one the paragraph names ("On the LME lead side, LME lead stocks fell ... The
    # drawdown lifted lead, pushing them above $2,000/mt")
    paragraph_venue: str | None = None
    # ... and whether it names the LME with no other dollar market (SHFE quotes in yuan): a
    # base metal's dollar price there is the LME's ("LME nickel settled 0.47% higher ... It is
    # expected to hover around $11,800/mt today with the SHFE 1901 contract trading at ...")
    paragraph_dollar_venue: str | None = None
    # ... and the dollar exchange the title names alone ("..., LME Copper Fluctuated and Closed
    # Lower Last Friday [SMM Copper Morning Meeting Minutes]" over a body that says only "the
    # overnight copper price opened at $10,884.5/mt")
    title_dollar_venue: str | None = None
    # ... and whether it names the SHFE, the one exchange quoting in yuan ("Futures: Overnight,
    # LME zinc ... Overnight, the most-traded SHFE zinc 2601 contract ... it recovered slightly,
    # closing down at 23,170 yuan/mt"): a base metal's yuan price there is the SHFE's
    paragraph_yuan_venue: str | None = None
    # whether the paragraph opens on the spot market ("In China's spot market, prices briefly
    # slid ...; ... causing prices to quickly rebound above RMB 16,000/mt"): its bare "prices"
    # are spot prices, not the contract told of before
    paragraph_spot: bool = False


# "between discounts of RMB 20/mt and premiums of RMB 30/mt", "at discounts of RMB 0-30/mt and
# premiums of RMB 0-10/mt": one range told by its two sides
_BETWEEN_TERMS = re.compile(
    r"\b(?:between\s+(?:an?\s+)?(?:premiums?|discounts?)\s+of\s+[^,;]{0,30}"
    r"|(?:premiums?|discounts?)\s+of\s+(?:rmb\s*)?[\d,.]+(?:\s*-\s*[\d,.]+)?\s*(?:yuan\s*)?"
    r"/\s*(?:mt|t))$"
)


_BETWEEN_TERMS_REACH = 100  # longer than any text _BETWEEN_TERMS matches before the cut


# "The SMM A00 spot price stood at a discount of 30 yuan/mt against the SHFE aluminum 2503
# contract, ..., with SMM A00 aluminum ingot prices recorded at 20,630 yuan/mt"; "The SMM central
# China A00 price stood at 20,540 yuan/mt ..., with the Henan-east China price spread at 90
# yuan/mt": a second quote after a first one, its own statement (but not after a flat that has no
# amount of its own: "prices remained unchanged ..., with SMM A00 aluminum closing at 20,780")
_SECOND_QUOTE = re.compile(
    r",\s*(?=with\s+smm\s+[a-z0-9#]+\b"
    # "The price difference between primary metal and scrap was 25 yuan/mt, with ex-factory
    # prices (excluding tax) ranging from 15,550 to 15,650 yuan/mt"
    r"|with\s+(?:the\s+)?ex-(?:factory|works)\s+prices?\b"
    r"|with\s+the\s+(?!inter-|intra-)[a-z]+(?:\s+china)?-[a-z]+(?:\s+china)?\s+(?:price\s+)?spread\b)"
)


def clauses(sentence: Sentence) -> list[Clause]:
    """A sentence cut at semicolons, "while", "but" and the like, each with its quantities."""
    quantities = read(sentence.folded)
    cuts = [0]
    breaks = [(match, False) for match in _CLAUSE_BREAK.finditer(sentence.folded)]
    if "with" in sentence.folded:
        breaks += [(match, True) for match in _SECOND_QUOTE.finditer(sentence.folded)]
        breaks.sort(key=lambda found: found[0].start())
    for match, after_a_quote in breaks:
        if after_a_quote and not any(cuts[-1] <= q.start < match.start() for q in quantities):
            continue
        # Never cut inside a parenthesis: "(surveyed enterprises: 21, capacity: ...)".
        before = sentence.folded[: match.start()]
        if before.count("(") > before.count(")"):
            continue
        if _places_around(sentence.folded, match.start(), match.end()):
            continue  # "Jiangxi, Hubei, and Hebei provinces": one list, not two statements
        if (
            match.group(0).strip() == "and"
            and _BETWEEN_TERMS.search(before.rstrip()[-_BETWEEN_TERMS_REACH:])
            and re.match(
                # "between a discount of 120 yuan/mt and a premium of 10 yuan/mt"
                r"\s*(?:an?\s+)?(?:premiums?|discounts?)\s+of\b",
                sentence.folded[match.end() :],
            )
        ):
            continue  # "between discounts of RMB 20/mt and premiums of RMB 30/mt": one range
        cuts.append(match.end())
    cuts.append(len(sentence.text))
    found = []
    for start, end in pairwise(cuts):
        if end <= start:
            continue
        inside = tuple(q for q in quantities if start <= q.start < end)
        found.append(Clause(sentence.text[start:end], sentence.folded[start:end], start, inside))
    return found


def _places_around(folded: str, start: int, end: int) -> bool:
    """Whether a cut falls inside a list of places: a place just before it and one just after."""
    if _COMPASS_AFTER.match(folded, end) and _COMPASS_BEFORE.search(folded, 0, start):
        return True  # "other markets of east, central, and south"
    window = folded[max(0, start - 25) : start]
    if _OTHER_PLACES_AFTER.match(folded, end) and any(
        stop == len(window) for _, stop, _ in names.regions(window)
    ):
        return True  # "in Sichuan, north-west China, and other regions, it was ..."
    after = names.regions(folded[end : end + 25])
    if after and after[0][0] == 0:
        return any(stop == len(window) for _, stop, _ in names.regions(window))
    # "..., scrap wheel hub, and mechanical casting aluminium scrap rose RMB 200": one list.
    following = names.known_products(folded[end : end + 45])
    if not following or following[0][0] != 0:
        return False
    window = folded[max(0, start - 45) : start]
    return any(stop == len(window) for _, stop, _ in names.known_products(window))


_OTHER_PLACES_AFTER = re.compile(r"other\s+(?:regions|provinces|areas|places|markets)\b")
_COMPASS_AFTER = re.compile(r"(?:the\s+)?(?:east|south|north|west|central)\b(?!\s+of\b)")
_COMPASS_BEFORE = re.compile(r"\b(?:east|south|north|west|central)$")


def heading_of(paragraph: str) -> str | None:
    """A section heading that opens a paragraph ("Aluminum Scrap:"), folded, or None."""
    match = _HEADING.match(paragraph)
    if match is None:
        return None
    heading = fold(match.group(1)).strip()
    if heading in _NOT_HEADINGS or len(heading.split()) > 7:
        return None
    return heading


_WORDS_IN_A_NAME = 3  # the longest product name written alone as a heading ("SiMn alloy")
_HEADING_ALONE = re.compile(r"^\s*([A-Z][A-Za-z0-9#&/,'’ ()\-]{2,40}?)\s*[:：]\s*$")


def heading_alone(paragraph: str) -> str | None:
    """A section heading on a line of its own ("Lithium Ore:", or a product's name alone, "SiMn
    alloy"), folded, for the paragraphs under it; None for any other line."""
    match = _HEADING_ALONE.match(paragraph)
    if match is None:
        alone = fold(paragraph).strip()
        if len(alone.split()) > _WORDS_IN_A_NAME:
            return None  # (a paragraph, not a name: no product scan of a whole paragraph)
        named = names.known_products(alone)
        if named and named[0][:2] == (0, len(alone)):
            return alone
        return None
    heading = fold(match.group(1)).strip()
    if heading in _NOT_HEADINGS or len(heading.split()) > 5:
        return None
    return heading


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    start: int
    heading: str | None


def paragraphs(body: str) -> Iterator[Paragraph]:
    offset = 0
    for text in body.split("\n"):
        if text.strip():
            yield Paragraph(text, offset, heading_of(text))
        offset += len(text) + 1


def sentences_of(paragraph: Paragraph) -> Iterator[Sentence]:
    for sentence in sentences(paragraph.text):
        yield Sentence(sentence.text, sentence.start + paragraph.start, sentence.folded)
