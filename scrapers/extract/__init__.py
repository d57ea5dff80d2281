"""Figure extraction: cleaned article text in, typed figures with their evidence out.

The article is read in order, like an analyst reads it: each sentence with what came before it
(the industry a survey is about, the product last quoted, the survey's week or month, a section
heading), each clause of it given an owner, each number in it classified once (``Reading``).
The metric readers are listed in ``READERS``: adding a metric is one ``MetricSpec`` in
``metrics``, one reader module, and one line here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from scrapers.extract import metrics, names, prices, rates, spreads
from scrapers.extract.document import (
    Clause,
    Context,
    clauses,
    heading_alone,
    paragraphs,
    sentences_of,
)
from scrapers.extract.drafts import Draft, Notes, Reading
from scrapers.extract.periods import days_named, month_period
from scrapers.extract.quantities import Kind
from scrapers.extract.quantities import read as read_quantities
from scrapers.extract.reading import without_dateline
from scrapers.extract.text import Sentence, fold, has_digit, sentences
from scrapers.models import Article, Bound, ChangeBasis, Figure, Metric, PriceChange

ReadSentence = Callable[[Sentence, list, Context, Notes], list[Draft]]  # type: ignore[type-arg]
READERS: Sequence[ReadSentence] = (rates.read_sentence, prices.read_sentence)

_TITLE_MONTH = re.compile(
    r"\bin\s+(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)\s+(?:19|20)\d\d\b"
)
_WEEKLY_TITLE = re.compile(r"\bweek|\bw-?o-?w\b")
_DAILY = re.compile(
    r"\bdaily\b|\bmorning\s+comment|\btoday\b|\bprevious\s+trading\s+day\b"
    r"|\bintraday\b|\bspot\s+copper\]|\bovernight\b"
)
_RATE_TITLE = re.compile(r"operating\s+rates?|utili[sz]ation|operations?\b|production\s+starts")


@dataclass(frozen=True, slots=True)
class Extraction:
    figures: list[Figure]
    readings: list[Reading]


_METALS = (
    "copper",
    "aluminium",
    "aluminum",
    "zinc",
    "nickel",
    "lead",
    "tin",
    "alumina",
    "lithium",
    "cobalt",
    "silicon",
)


_METAL_WORD = re.compile(r"\b(" + "|".join(_METALS) + r")\b")
_BRAND_WORD = re.compile(r"\b(" + "|".join(names.BRAND_METALS) + r")\b")


def _learn_metal(title: str, body: str, context: Context) -> None:
    """The article's metal, for "the futures" or "primary metal and scrap": the one its title
    names, else the one its opening paragraphs name most."""
    counts: dict[str, int] = {}
    for text, weight in ((fold(title), 3), (fold(body[:2000]), 1)):
        for metal in _METAL_WORD.findall(text):
            key = "aluminium" if metal == "aluminum" else metal
            counts[key] = counts.get(key, 0) + weight
    if counts:
        context.metal = max(counts, key=lambda metal: counts[metal])
        return
    # "premiums for the high-priced brand Shuangyan": a report that never says its metal, but
    # whose brands are one metal's
    brands = [names.BRAND_METALS[b] for b in _BRAND_WORD.findall(fold(body[:2000]))]
    if brands:
        context.metal = max(set(brands), key=brands.count)


def _learn_title(title: str, context: Context) -> None:
    if not title:
        return
    folded = fold(title)
    industries = names.known_industries(folded)
    if industries and (_RATE_TITLE.search(folded) or len({n for *_, n in industries}) == 1):
        context.rate_subject = names.Named(industries[0][2], None, None, True)
    products = names.known_products(folded)
    if products:
        context.product = products[0][2]
    if _WEEKLY_TITLE.search(folded):
        context.weekly = True
    elif context.published is not None and _TITLE_MONTH.search(folded):
        # "Analysis and Trend Outlook of China's Refined Tin Industry Operations in February
        # 2024": a monthly report, whose figures without a month are that month's
        context.month = month_period(folded, context.published, forecast=False)
    if _DAILY.search(folded):
        context.daily = True


def _learn_spot_market(sentence: Sentence, context: Context, *, first: bool) -> None:
    """The market a paragraph's spot premiums are quoted in, from its opening words (which may
    hold no number: "Guangdong stocks rose slightly after four straight declines")."""
    opening = without_dateline(sentence.folded).lstrip()
    heading = (
        _PLACE_HEADING.match(opening)
        or _PLACE_MARKET.match(opening)
        or _PLACE_TRADED.match(opening)
        # "In Guangdong, sellers held back and deals were as many as the day before.": a
        # paragraph opened on its market, before any number (a later "In east China, ..." of a
        # paragraph is only that sentence's)
        or (_IN_PLACE.match(opening) if first and not has_digit(opening) else None)
    )
    if heading is not None:
        regions = names.regions(next(group for group in heading.groups() if group))
        if regions:
            context.paragraph_place = regions[0][2]
    elif first and not has_digit(opening) and _MARKET_TALK.search(opening):
        # "Reluctant sellers kept transactions in the Guangdong market flat from the previous
        # day. The 0# zinc was heard to trade at ...": a paragraph opened on the one market it
        # is about, in a sentence with no number
        places = {region for *_, region in names.regions(opening)}
        if len(places) == 1:
            context.paragraph_place = places.pop()
    if context.place is not None:
        return
    spot_market = _OPENING_SPOT_MARKET.match(without_dateline(sentence.folded).lstrip())
    if spot_market is not None:
        regions = names.regions(next(group for group in spot_market.groups() if group))
        if regions:
            context.place = regions[0][2]


def _learn_sentence(sentence: Sentence, context: Context, *, first: bool) -> None:
    folded = sentence.folded
    opening = _OPENING_PLACE.match(without_dateline(folded).lstrip())
    if opening is not None:
        regions = names.regions(next(group for group in opening.groups() if group))
        if regions:
            if not first:
                context.sentence_place = (context.paragraph_place,)
            context.paragraph_place = regions[0][2]
    if not context.daily and _DAILY.search(folded):
        context.daily = True
    if _OVER_THE_WEEK.search(folded):
        context.week_told = True
    if context.metal is None and has_digit(folded):
        products = names.known_products(folded)
        if products:
            context.metal = names.base_metal(products[0][2])


# words for a market's trading, which a paragraph opened on one place goes on to quote (not
# "billet stocks in Nanhai drew down faster" in a paragraph about China)
_MARKET_TALK = re.compile(
    r"\b(?:market|transactions?|trades?|trading|deals|sellers|buyers|quiet|active|sluggish|brisk)\b"
)
_SECONDARY_LEAD_SOLD = re.compile(r"\bsecondary\s+(?:refined|crude)\s+lead\b")
_OVER_THE_WEEK = re.compile(
    r"\b(?:over|during|in)\s+the\s+(?:past|last)\s+week\b"
    # a review that tells of the week: "CNOOC's coke rose by 20-50 yuan/mt ... this week"
    r"|\bthis\s+week\b"
)
_FEES = re.compile(r"\b(?:processing|treatment|refining)\s+(?:fees?|charges?)\b")
_SPOT_PARAGRAPH = re.compile(r"\s*in\s+(?:china's\s+)?(?:the\s+)?(?:domestic\s+)?spot\s+market\b")
_WRAP = re.compile(
    r"\b(?P<venue>shanghai|shfe|lme|london)\s+(?:base\s+|nonferrous\s+|non-ferrous\s+)?"
    r"(?:metals|complex)\b"
    # "Most nonferrous metals on the SHFE closed higher on Friday"; "On the SHFE, lead climbed"
    r"|\bmetals\s+on\s+the\s+(?P<on>shfe|lme)\b|^\W*(?:overnight\s+)?on\s+the\s+(?P<first>shfe|lme)\s*,"
    # "Their counterparts on the LME closed mixed on Monday."
    r"|\bcounterparts\s+on\s+the\s+(?P<counterparts>shfe|lme)\b"
    # "As of the midday close, base metals at home mostly fell": the SHFE's
    r"|\bbase\s+metals\s+(?:at\s+home|in\s+the\s+domestic\s+market)\b"
)


def _learn_wrap(sentence: Sentence, context: Context) -> None:
    """ "Shanghai base metals all closed higher overnight.", "The LME complex performed
    similarly": the exchange a wrap's next list of moves is about."""
    folded = sentence.folded
    if "metals" not in folded and "complex" not in folded and "on the" not in folded:
        return  # (every wording _WRAP knows holds one of these)
    wrap = _WRAP.search(folded)
    if wrap is not None:
        named = (
            wrap.group("venue")
            or wrap.group("on")
            or wrap.group("first")
            or wrap.group("counterparts")
        )
        context.wrap_venue = "LME" if named in {"lme", "london"} else "SHFE"


def _named_after_the_numbers(
    sentence: Sentence, parts: Sequence[Clause], found: Sequence[Draft]
) -> str | None:
    ends = [q.end for clause in parts for q in clause.quantities]
    if not ends:
        return None
    priced = {draft.subject for draft in found}
    after = [
        name
        for *_, name in names.known_products(sentence.folded[max(ends) :])
        if name not in priced
    ]
    return after[-1] if after else None


def _learn_mention(sentence: Sentence, context: Context) -> None:
    """The product a sentence that stated no price was about, for a next one that leaves it
    out ("... ex-factory prices for secondary refined lead were at a discount of 50-0 yuan/mt
    ... The mainstream ex-factory prices excluding tax were 15,750-15,850 yuan/mt")."""
    products = names.known_products(sentence.folded)
    contract = _CONTRACT_OPENS.match(without_dateline(sentence.folded).lstrip())
    metal = context.metal or (names.base_metal(context.product) if context.product else None)
    section = names.known_products(context.heading) if context.heading else []
    if contract is not None and (section or metal):
        # "The most-liquid SHFE November contract held around the five-day moving average ...
        # It is seen trading between 14,300-14,400 yuan/mt today": what "it" is now
        product = section[-1][2] if section else metal
        assert product is not None
        context.last_owner = (product, contract.group(1).upper())
        if context.last_price is not None and context.last_price.region != context.last_owner[1]:
            context.last_price = None  # the LME close told before is no longer the topic
    last = context.last_price
    if last is not None and any(product == last.subject for *_, product in products):
        # "With Guinea's bauxite exports disrupted, how will China keep up its alumina
        # exports?": a sentence that names the product just priced is still about it
        context.mentioned_product = None
    elif _GAP_BETWEEN.search(sentence.folded):
        # "the gap between domestic #0 and imported zinc narrowed further": about the gap, not
        # the product named last
        context.mentioned_product = None
    elif products:
        # the product named last is the one the sentence ends on ("the molybdenum market
        # rebounded; ferromolybdenum makers held back ... mainstream market quotations were")
        context.mentioned_product = products[-1][2]


# "The most-liquid SHFE November contract held ...": a sentence about an exchange's contract
_CONTRACT_OPENS = re.compile(
    r"^(?:the\s+)?(?:most[- ](?:liquid|traded|active)\s+)?(shfe|lme)\s+(?:[a-z0-9]+\s+){0,2}?"
    r"contract\b"
)
_GAP_BETWEEN = re.compile(r"\b(?:gap|spread|difference)\s+between\b")


# "In Tianjin, #0 zinc ingot was mostly traded at ...": the paragraph's market.
_OPENING_PLACE = re.compile(
    # "Today, in North China, spot ..."; "In North China today, spot ..."
    r"^(?:(?:today,\s*)?in\s+([a-z]+(?:\s+china)?)(?:\s+today)?\s*,"
    # "Copper cathode spots in the Shanghai market were quoted at ..."
    r"|(?:[a-z#0-9]+\s+){0,4}(?:spots?|prices?|premiums?)\s+in\s+the\s+([a-z]+(?:\s+china)?)"
    r"\s+market\b"
    # "SMM September 19: Shanghai spot quotes maintained a fluctuating trend this week"
    # (also "This week, Shanghai spot cargo quotations continued to rise")
    r"|(?:smm[^:]{0,30}:\s*)?(?:this\s+week,\s*)?([a-z]+)\s+spot\s+(?:cargo\s+)?(?:quotes|quotations"
    r"|premiums|offers|prices|market)\b"
    # "Spot: (1) Shanghai: On September 2, SMM #1 copper cathode spot prices ..."
    r"|(?:[a-z ]+:\s*)?\(\d\)\s*([a-z]+(?:\s+china)?)\s*:"
    # "Silicon prices at Huangpu port held steady on Monday July 23."
    r"|(?:[a-z#0-9]+\s+){0,3}prices?\s+at\s+([a-z]+)\s+port\b"
    # "The average spot alumina price in East China is up by RMB 15 per tonne ..."
    r"|(?:the\s+)?(?:average\s+)?(?:spot\s+)?(?:[a-z0-9#-]+\s+){0,2}prices?\s+in\s+"
    r"([a-z]+(?:\s+china)?)\s+(?:is|was|has|have|rose|fell|stood|stands|were|are)\b"
    # "Today, spot #1 copper cathode in North China traded at a discount of 90 yuan/mt ..."
    r"|(?:today,\s*)?spot\s+(?:[a-z0-9#-]+\s+){1,3}in\s+([a-z]+(?:\s+china)?)\s+"
    r"(?:traded|was|were|is|stood)\b)"
)
# "Spot zinc trade in Shanghai was quiet", "Spot premiums on zinc in Shanghai fell", "However,
# Guangdong saw transactions improve", "Guangdong traded better than on Wednesday": the market a
# paragraph goes on to quote, named by how it traded (the sentence may hold no number)
# (also "In east China spot market, aluminum stocks are unlikely to grow ...")
_IN_PLACE = re.compile(
    r"^(?:today,\s*)?in\s+([a-z]+(?:\s+china)?)(?:(?:'s)?\s+(?:spot\s+)?(?:[a-z]+\s+)?market)?\s*,"
)
_PLACE_TRADED = re.compile(
    r"^(?:spot\s+(?:[a-z]+\s+)?(?:trade|trades|trading|premiums?\s+on\s+[a-z]+)\s+in\s+"
    r"([a-z]+(?:\s+china)?)\b"
    r"|(?:however,\s*)?([a-z]+(?:\s+china)?)\s+(?:saw\s+(?:transactions|trades|deals|trading)"
    r"|traded\s+(?:better|worse|more|less|actively|briskly|quietly))\b"
    # "Physical copper in Shanghai was quoted Wednesday at a RMB 60-130/mt premium ..."
    r"|(?:spot|physical)\s+[a-z]+\s+in\s+([a-z]+)\s+(?:was|were)\s+(?:quoted|offered|traded)\b"
    # "Spot aluminum was traded at RMB 14,940-14,960/mt in Shanghai, a premium of ..."
    r"|spot\s+[a-z]+\s+was\s+(?:mainly\s+)?traded\s+(?:at|between)\s+[^;]{0,40}?\s+in\s+"
    r"(shanghai|guangdong|tianjin|wuxi|hangzhou)\b"
    # "Shanghai spot copper premiums were quoted between RMB 20-110/mt in the morning business"
    r"|(shanghai|guangdong|tianjin)\s+spot\s+[a-z]+\s+premiums?\s+(?:was|were)\s+(?:quoted|offered)\b"
    # "In the Shanghai market, copper was offered Friday at a RMB 350-430/mt premium ..." (but
    # not "In the Shanghai market, Honglu lead was priced at": one brand's)
    r"|in\s+the\s+([a-z]+)\s+market,\s*(?:spot\s+|physical\s+)?(?:copper|zinc|alumini?um|lead"
    r"|nickel|tin)\s+(?:was|were)\s+(?:quoted|offered|traded)\b)"
)
# "SMM reported on July 22 that the Fugu magnesium ingot market swung widely today": the market
# the paragraph's quotes are from, named before them
_PLACE_MARKET = re.compile(
    r"^(?:smm\s+(?:reported\s+)?(?:on\s+)?[a-z]+\.?\s+\d{1,2}(?:\s+that|:|,)?\s+)?"
    # (also "In the Shanghai physical market, copper was offered Tuesday at ...")
    r"(?:today,?\s+)?(?:in\s+)?the\s+(?!shanghai\s+metals?\s+market)"
    r"(?:([a-z]+)\s+(?:[a-z-]+\s+){1,3}market"
    r"|(?:[a-z-]+\s+){1,3}market\s+in\s+(?:the\s+)?([a-z]+)(?:\s+(?:region|area))?)\b"
)
# "Guangdong Region: This week, ..."; "Guangdong: Premiums rose ...": a paragraph headed by its
# market, whether or not the heading sentence holds a number.
# (also after a section's label on the same line: "Spot Market: Shanghai: In the second trading
# session, ordinary domestic brands quoted premiums of ...")
_PLACE_HEADING = re.compile(r"^(?:spot\s+market\s*:\s*)?([a-z]+(?:\s+china)?)(?:\s+region)?\s*:\s")
# "Premiums in Guangdong hovered around 200 yuan/mt", "Today, spot prices of #1 copper cathode
# in Guangdong against the front-month contract ...", "Spot market: Inventory in Guangdong ...":
# the market the paragraph's spot premiums are quoted in (its prices name their own places).
_OPENING_SPOT_MARKET = re.compile(
    r"^(?:today,\s*)?(?:the\s+)?(?:spot\s+)?(?:prices?|premiums?)\s+"
    r"(?:(?:of|for)\s+[#a-z0-9 -]{0,40}?\s+)?in\s+([a-z]+(?:\s+china)?)\b"
    r"|^(?:spot\s+market:\s*)?(?:(?:inventory|inventories|stocks)\s+in\s+([a-z]+)|([a-z]+)\s+"
    r"(?:stocks|inventor(?:y|ies)))\b"
)


def _relevant(sentence: Sentence, context: Context) -> bool:
    """Sentences without a digit state no figure, except a flat one ("remained stable") and
    two markets on par ("The Tianjin market was on par with the Shanghai market")."""
    folded = sentence.folded
    if has_digit(folded):
        return True
    if any(map(folded.__contains__, spreads.PARITY_WORDS)):
        return True
    if "unchanged" in folded and "price" in folded:
        return True  # "Today's secondary copper raw material prices remained unchanged MoM"
    if "price" in folded and prices.states_unchanged(folded):
        return True  # "This week, spodumene prices remained basically flat WoW"
    if ("scrap" in folded or "ubc" in folded) and prices.grades_held(folded):
        # "Baled UBC, shredded aluminum tense scrap ..., scrap wheel hub, and mechanical
        # casting aluminum scrap were flat from the previous trading day": each grade's quote
        return True
    if context.rates_seen and any(
        map(folded.__contains__, ("stable", "steady", "flat", "unchanged"))
    ):
        return True
    # "only the primary aluminium alloy sector maintained its previous operating rate": a rate
    # held, said of the rate itself, even before any number was read
    return "operating rate" in folded and any(
        map(
            folded.__contains__,
            ("maintained its previous", "maintained the previous", "maintained previous"),
        )
    )


def read(
    body: str, published: date | None = None, title: str = "", *, explain: bool = False
) -> Extraction:
    """Every figure in a cleaned body, each fact once, with the readings of the numbers the
    readers weighed; with ``explain``, every other number of the text too, and why it was not
    read (the daemon does not pay for that)."""
    with names.article_memo():
        return _read(body, published, title, explain=explain)


_BULLET = re.compile(r"^\s*(?:[-•*·]|\d{1,2}[.)])\s")


def _list_lead(text: str, lead: str | None) -> str | None:
    """The line a list's items hang from: kept through its bullet items, set by a line that
    ends with a colon, dropped by any other line."""
    if lead is not None and _BULLET.match(text):
        return lead
    stripped = text.rstrip()
    return fold(stripped) if stripped.endswith(":") and not _BULLET.match(text) else None


# "Zinc: LME fluctuated to end the day higher ...": a multi-metal comment's section
_METAL_SECTION = re.compile(r"^(copper|aluminium|aluminum|zinc|lead|nickel|tin)\s*:", re.MULTILINE)


def _read(body: str, published: date | None, title: str, *, explain: bool) -> Extraction:
    context = Context(published=published)
    _learn_metal(title, body, context)
    _learn_title(title, context)
    rates.learn_survey_week(fold(body[:3000]), context)
    folded_body = fold(body)
    prices.learn_front_contract(folded_body, context)
    prices.learn_venue(folded_body, context)
    context.title_dollar_venue = prices.dollar_venue_named(fold(title))
    context.section_metals = frozenset(
        "aluminium" if metal == "aluminum" else metal
        for metal in _METAL_SECTION.findall(folded_body)
    )
    notes = Notes()
    drafts: list[Draft] = []
    # A heading on a line of its own ("Lithium Ore:", "SiMn alloy") heads the paragraphs under
    # it, through their own headings that name no product ("Demand: The ex-works prices ..."),
    # until the next one.
    section: str | None = None
    for paragraph in paragraphs(body):
        own = paragraph.heading
        named = own is not None and bool(names.known_products(own))
        context.heading = own if named or section is None else section
        # a comment's metal section ("Copper: The most-traded SHFE 2210 copper closed ...")
        # runs on through the unheaded paragraphs after it ("In the spot market, sellers began
        # the day with premiums of 600-620 yuan/mt ...") until the next section
        section = heading_alone(paragraph.text) or (own if named else None) or section
        context.list_lead = _list_lead(paragraph.text, context.list_lead)
        context.paragraph_place = None
        context.uniform_move = None
        context.paragraph_spot = _SPOT_PARAGRAPH.match(fold(paragraph.text)) is not None
        context.sentence_place = None
        context.fee_topic = False
        context.place = None  # a spot premium's market is named in its own paragraph
        context.paragraph_venue = prices.venue_named(paragraph.text.lower())
        context.paragraph_dollar_venue = prices.dollar_venue_named(paragraph.text.lower())
        context.paragraph_yuan_venue = prices.yuan_venue_named(paragraph.text.lower())
        told = list(sentences_of(paragraph))
        for index, sentence in enumerate(told):
            context.paragraph_rest = " ".join(later.folded for later in told[index + 1 :])
            context.paragraph_before = tuple(earlier.folded for earlier in told[:index])
            context.quote_place = None
            if context.sentence_place is not None:
                # "In Changzhou, deals were done at ...": a place opening a later sentence of
                # the paragraph is that sentence's, not the rest of the paragraph's.
                context.paragraph_place, context.sentence_place = context.sentence_place[0], None
            _learn_wrap(sentence, context)
            _learn_spot_market(sentence, context, first=index == 0)
            if "secondary" in sentence.folded and _SECONDARY_LEAD_SOLD.search(sentence.folded):
                # "... in some regions it now costs more than secondary refined lead": a report
                # on secondary lead, whose "ex-factory price for refined lead" is that lead's
                context.secondary_lead_report = True
            rates.learn_opening_month(sentence, context)
            if not _relevant(sentence, context):
                if _FEES.search(sentence.folded):
                    context.fee_topic = True
                rates.learn_from_words(sentence, context)
                _learn_mention(sentence, context)
                prices.read_trend_words(sentence, context, notes)
                continue
            _learn_sentence(sentence, context, first=index == 0)
            parts = clauses(sentence)
            found_rates = rates.read_sentence(sentence, parts, context, notes)
            found_prices = prices.read_sentence(sentence, parts, context, notes)
            _topic_for_a_carried_misfit(found_prices, sentence, paragraph.text)
            rates.learn(found_rates, context)
            if not found_rates:
                rates.learn_from_words(sentence, context)  # "Operating rates will fall in August"
            prices.learn(found_prices, sentence, context)
            if found_prices:
                context.fee_topic = False
            elif _FEES.search(sentence.folded):
                context.fee_topic = True
            drafts.extend(found_rates)
            drafts.extend(found_prices)
            if any(draft.metric is Metric.PRICE for draft in found_prices):
                # the prices read say what it was about, unless it goes on to name another
                # product ("..., with few spot order quotations for secondary refined lead")
                context.mentioned_product = _named_after_the_numbers(sentence, parts, found_prices)
            else:
                _learn_mention(sentence, context)
    merged = merge([draft.figure() for draft in drafts], context.published, body)
    figures = [metrics.check(_own_metal_misnamed(figure, context.metal)) for figure in merged]
    readings = notes.readings
    if explain:
        readings = sorted([*readings, *_unread(body, readings)], key=lambda r: r.offset)
    return Extraction(figures, readings)


def _topic_for_a_carried_misfit(found: list[Draft], sentence: Sentence, paragraph: str) -> None:
    """ "This week, spodumene prices showed a slight downward trend WoW ... lithium carbonate ...
    Australian mines have been shipping actively, with CIF transaction prices ranging from
    $850-870/mt": a price whose product the sentence does not name, carried from the last one
    mentioned, which its level cannot be (no lithium carbonate sells at $860), is the price of
    the product the paragraph opened on, if that one fits."""
    for draft in found:
        if draft.metric is not Metric.PRICE or metrics.problem(draft.figure()) is None:
            continue
        if any(product == draft.subject for *_, product in names.known_products(sentence.folded)):
            continue  # the sentence names it: a misreading to quarantine, not to rename
        named = names.known_products(fold(paragraph))
        topic = named[0][2] if named else None
        if (
            topic is not None
            and topic != draft.subject
            and metrics.problem(replace(draft.figure(), subject=topic)) is None
        ):
            draft.subject = topic


_EXCHANGE_METALS = frozenset({"aluminium", "copper", "zinc", "lead", "nickel", "tin"})


def _own_metal_misnamed(figure: Figure, metal: str | None) -> Figure:
    """ "SHFE 1511 copper opened at RMB 13,170/mt ..., to close at RMB 13,330/mt" in a lead
    review: another base metal named where only the report's own metal's price can stand
    (13,330 yuan is no copper price, and a lead one), so a misprint of the report's metal."""
    if (
        metal is None
        or figure.metric is not Metric.PRICE
        or figure.subject == metal
        or figure.subject not in _EXCHANGE_METALS
        or metrics.problem(figure) is None
    ):
        return figure
    renamed = replace(figure, subject=metal)
    return renamed if metrics.problem(renamed) is None else figure


_UNREAD_WHY = {
    Kind.TONNES: "a quantity of metal (tonnes), never a price or rate",
    Kind.OTHER: "a bare number, date, count or a price per kg or pound: no figure's unit",
    Kind.PERCENT: "a percentage in a sentence about no rate or price",
    Kind.POINTS: "percentage points in a sentence about no rate",
    Kind.MONEY: "an amount in a sentence with no price or spread wording",
}


def _unread(body: str, readings: list[Reading]) -> list[Reading]:
    """The numbers no reader weighed, each with the reason it could not be a figure."""
    seen = {reading.offset for reading in readings}
    found = []
    for sentence in sentences(body, with_numbers=True):
        for quantity in read_quantities(sentence.folded):
            offset = sentence.start + quantity.start
            if offset in seen:
                continue
            text = sentence.text[quantity.start : quantity.end]
            found.append(Reading(offset, text, "other", "", False, _UNREAD_WHY[quantity.kind]))
    return found


def extract_text(body: str, published: date | None = None, title: str = "") -> list[Figure]:
    """Every figure stated in a cleaned body, in reading order, each fact once."""
    return read(body, published, title).figures


def _key(figure: Figure) -> tuple[object, ...]:
    return (
        figure.metric,
        figure.subject,
        figure.region,
        figure.period,
        figure.forecast,
        figure.unit,
    )


def _compatible(kept: Figure, new: Figure) -> bool:
    """Two readings of one fact: nothing one states contradicts the other."""
    if (
        _key(kept) != _key(new)
        and not _restated_without_place(kept, new)
        and not _heading_restated(kept, new)
    ):
        return False
    for name in ("value", "low", "high", "bound"):
        mine, theirs = getattr(kept, name), getattr(new, name)
        if mine is not None and theirs is not None and mine != theirs:
            return False
    if _level_beside_a_range(kept, new) or _level_beside_a_range(new, kept):
        return False
    if (
        kept.forecast
        and new.forecast
        and (kept.bound is None) != (new.bound is None)
        and kept.evidence != new.evidence
    ):
        # two camps of a survey: "... will drop below RMB 10,500/mt" and "The rest 43% see SHFE
        # 1603 aluminum moving around RMB 10,500/mt" are two views, not one told twice
        return False
    if kept.span == new.span and kept.metric is Metric.PRICE and (_lone(kept) != _lone(new)):
        return False
    if (
        kept.change is not None
        and new.change is not None
        and kept.change != new.change
        and not (_lone(kept) != _lone(new) and _rounded_alike(kept.change, new.change))
        and not _same_move(kept, new)
        and not _same_move(new, kept)
        and not _restated(kept, new)
        and not _restated(new, kept)
        and not _basis_told_once(kept.change, new.change)
    ):
        return False
    return all(kept.changes.get(basis, amount) == amount for basis, amount in new.changes.items())


def _level_beside_a_range(ranged: Figure, level: Figure) -> bool:
    """A price's range and a level that is not its middle are two facts ("quoted at
    30,000-31,500 yuan/mt as of Friday, with the weekly average price up 0.16% ... to 30,550
    yuan/mt": Friday's quote and the week's average). A spread's stated average may sit off its
    range's middle ("a discount of 40-100 yuan/mt, averaging 50"; "a price difference between
    primary metal and scrap of 50 yuan/mt" before "discounts of 50-0"), so a spread joins a
    level told with its range or before it."""
    return (
        # a spread's average told beside its range may sit off the middle, but a spread's level
        # told in another sentence ("Premiums of standard-quality copper moved lower ..., to 120
        # yuan/mt at noon") is a quote of its own
        (ranged.metric is Metric.PRICE or level.span[0] > ranged.span[1])
        and ranged.low is not None
        and ranged.high is not None
        and ranged.value is None
        and level.low is None
        and level.value is not None
        and level.bound is None
        and level.value * 2 != ranged.low + ranged.high
    )


def _restated_without_place(kept: Figure, new: Figure) -> bool:
    """A price repeated later without its market ("Mainstream quotations in the Fugu area were
    16,200 yuan/mt ... in the afternoon they lifted mainstream quotes to 16,200 yuan/mt"): the
    same number for the same product is the same fact, not a national price."""
    return (
        new.region == "China"
        and kept.region not in prices.EXCHANGES | {"China"}
        and _key(replace(new, region=kept.region)) == _key(kept)
        and (
            (new.value is not None and new.value == kept.value and new.low is None)
            # "Spot 75 ferrosilicon ... rose to 6,100-6,200 yuan/mt" after the Shaanxi quote of
            # 6,100-6,200 yuan/mt: the same range again
            or (
                new.value is None
                and new.low is not None
                and (new.low, new.high) == (kept.low, kept.high)
            )
            or _midpoint_told(kept, new)
            # "Fugu ... 16,200-16,300 yuan/mt, up 250 yuan from yesterday. ... a rise of 250
            # yuan in a day": the move told again
            or (
                _lone(new)
                and not _lone(kept)
                and new.change is not None
                and new.change == kept.change
            )
        )
    )


def _inside_the_range(kept: Figure, new: Figure) -> bool:
    """Deals or quotes told inside a market's quoted range, without a move of their own
    ("Fugu ... 16,100-16,200 yuan/mt ... By the afternoon, actual transaction prices pulled
    back further to the range of 16,100-16,150 yuan/mt"; FOB "$2,350-2,410/mt ... Current FOB
    prices remained on the high side, quoted at 2,380-2,410 $/mt"): the trading within the
    quote, no new fact."""
    # A spread's move told with no basis inside the market's range ("Premiums of standard-quality
    # products also increased some 20 yuan/mt to 70 yuan/mt" after "50-90 yuan/mt ... in
    # Shanghai") is where trading went within the day's quote, not a move from the day before.
    moved_within = (
        new.metric is Metric.SPREAD and new.change is not None and new.change.basis is None
    )
    if (
        kept.metric is Metric.SPREAD
        and _key(kept) == _key(new)
        and kept.low is not None
        and kept.high is not None
        and new.low is not None
        and new.high is not None
        and new.change is None
        and _AFTERNOON.search(new.evidence) is not None
        and _AFTERNOON.search(kept.evidence) is None
        and kept.low <= new.low <= new.high <= kept.high
    ):
        # "#0 zinc ..., RMB 340-380/mt above SHFE 1510 ... Prices moved sideways in the
        # afternoon, with spot premiums of RMB 340-360/mt": the day's trading within the quote
        return True
    if (
        kept.low is None
        or kept.high is None
        or (new.change is not None and not moved_within)
        or new.bound is not None  # a line prices fell below is not a quote within the range
        or new.region not in {"China", kept.region}
        or kept.region in prices.EXCHANGES | {"China"}
        or _key(replace(new, region=kept.region)) != _key(kept)
        or _midpoint_told(kept, new)  # the range's average, told as "the price"
    ):
        return False
    if new.region == kept.region and (
        new.metric is not Metric.PRICE or new.low is None or new.bound is not None
    ):
        return False  # in the market's own place, only a narrower price range is told within
    ends = [end for end in (new.low, new.high, new.value) if end is not None]
    return bool(ends) and all(kept.low <= end <= kept.high for end in ends)


def _range_told_again(kept: Figure, new: Figure) -> bool:
    """A market's quoted range told again without its place, of the product or its kind
    ("... in Sichuan and north-west China, it was 8,500-8,600 yuan/mt ... Retail prices ...
    held, with quotations concentrated at 8,500-8,600 yuan/mt"): the same fact."""
    if (
        new.metric is not Metric.PRICE
        or kept.metric is not Metric.PRICE
        or new.region != "China"
        or kept.region in prices.EXCHANGES | {"China"}
        or new.low is None
        or (new.low, new.high) != (kept.low, kept.high)
        or new.change is not None
        or (new.unit, new.period, new.forecast) != (kept.unit, kept.period, kept.forecast)
    ):
        return False
    mine, theirs = names.base_metal(kept.subject), names.base_metal(new.subject)
    return mine == theirs or mine.endswith(" " + theirs) or theirs.endswith(" " + mine)


def _heading_restated(kept: Figure, new: Figure) -> bool:
    """A section heading's rate move with no month ("Operating Rates Flat on the Year"), and the
    survey's rate in the paragraph under it with the same move: one fact."""
    if kept.metric is not Metric.OPERATING_RATE or (kept.period is None) == (new.period is None):
        return False
    lone, full = (kept, new) if kept.period is None else (new, kept)
    return (
        _lone(lone)
        and not _lone(full)
        and bool(lone.changes)
        and _key(replace(lone, period=full.period)) == _key(full)
        and all(full.changes.get(basis) == amount for basis, amount in lone.changes.items())
    )


def _range_told_after(kept: Figure, new: Figure) -> bool:
    """A price told with its move, and later the range it is the middle of ("... to settle at
    RMB 21,090 per tonne ... As of today, the average prices may stand between RMB 21,070 per
    tonne and RMB 21,110 per tonne"): the same quote, with its range."""
    return (
        kept.value is not None
        # (one of them tells the move: "... stands at RMB 2540 per tonne ... The average price is
        # up by RMB20 per tonne and expected to range within RMB 2500-2580 per tonne")
        and (kept.change is None or new.change is None)
        and not (kept.forecast or new.forecast)
        and kept.low is None
        and new.value is None
        and new.low is not None
        and new.high is not None
        and new.bound is None
        and kept.value * 2 == new.low + new.high
    )


def _midpoint_told(kept: Figure, new: Figure) -> bool:
    """A range's middle told later as the price ("quoted at 16,000-16,100 yuan/mt ... magnesium
    prices pulled back to 16,050 yuan/mt"): the same quote, with its average."""
    return (
        kept.value is None
        and kept.low is not None
        and kept.high is not None
        and new.low is None
        and new.bound is None
        and new.change is None
        and new.value is not None
        and new.value * 2 == kept.low + kept.high
    )


def _richer_change(kept: Figure, new: Figure) -> PriceChange | None:
    """The change of one fact read twice: an amount beats a percentage ("down 0.87% or 550
    yuan/mt" is a change of -550)."""
    if kept.change is not None and new.change is not None and kept.change.percent:
        return new.change
    return kept.change or new.change


def _combine(kept: Figure, new: Figure) -> Figure:
    changes = {**new.changes, **kept.changes}
    richer = (
        new
        if kept.value is None
        and kept.low is None
        and (new.value is not None or new.low is not None)
        else kept
    )
    return replace(
        kept,
        period=kept.period or new.period,
        evidence=richer.evidence,
        span=richer.span,
        value=kept.value if kept.value is not None else new.value,
        low=kept.low if kept.low is not None else new.low,
        high=kept.high if kept.high is not None else new.high,
        bound=kept.bound or new.bound,
        change=_richer_change(kept, new),
        changes=changes,
        unit_inferred=kept.unit_inferred or new.unit_inferred,
    )


def _level_past_the_line(line: Figure, level: Figure) -> bool:
    """A bound carrying a move, then the level beyond it with no move of its own."""
    if line.bound is None or line.change is None or line.value is None:
        return False
    if level.bound is not None or level.change is not None or level.value is None:
        return False
    if _key(line) != _key(level) or line.metric is not Metric.PRICE:
        return False
    above = line.bound is Bound.ABOVE
    return level.value >= line.value if above else level.value <= line.value


def _one_move_for_the_grades(figures: list[Figure]) -> list[Figure]:
    """ "the average price of SMM antimony trioxide so far is 99.5% at 65,000 yuan/ton and 99.8%
    at 66,000 yuan/ton, a price increase of 1,500 yuan/ton compared to last week": one move told
    of the product after its grades' quotes is each grade's."""
    moves = [
        figure
        for figure in figures
        if figure.metric is Metric.PRICE
        and _lone(figure)
        and figure.change is not None
        and " (" not in figure.subject
    ]
    if not moves:
        return figures
    result = list(figures)
    for move in moves:
        grades = [
            index
            for index, figure in enumerate(result)
            if figure.subject.startswith(f"{move.subject} (")
            and figure.evidence == move.evidence
            and figure.change is None
            and not _lone(figure)
            and (figure.region, figure.unit, figure.period) == (move.region, move.unit, move.period)
        ]
        if len(grades) < 2:
            continue
        for index in grades:
            result[index] = replace(result[index], change=move.change)
        result.remove(move)
    return result


def _moves_told_again_by_grade(figures: list[Figure]) -> list[Figure]:
    """ "silicon coal prices in Gansu fell by 60 yuan/mt" and later "the ex-factory price of
    mixed silicon coal in Gansu is 1,030-1,050 yuan/mt, with an average decrease of 60 yuan/mt":
    the move told first of the product is the graded quote's, one fact."""
    return [
        figure
        for figure in figures
        if not (
            figure.metric is Metric.PRICE
            and _lone(figure)
            and figure.change is not None
            and " (" not in figure.subject
            and any(
                other.subject.startswith(f"{figure.subject} (")
                and other.region == figure.region
                and other.change == figure.change
                and not _lone(other)
                for other in figures
            )
        )
    ]


_COIL_304 = "stainless steel cold-rolled coil (304)"


def _mill_price_named_for_its_coil(figures: list[Figure]) -> list[Figure]:
    """A stainless steel cost analysis prices its model at "the stainless steel mill price of
    13,150 yuan/mt" after quoting 304 cold-rolled coil's weekly average: the coil's price, the
    article's product, not a price of "stainless steel" at large."""
    if not any(figure.subject == _COIL_304 for figure in figures):
        return figures
    return [
        replace(figure, subject=_COIL_304)
        if figure.subject == "stainless steel" and figure.change is None and figure.value
        else figure
        for figure in figures
    ]


def _misprint_told_right(kept: Figure, new: Figure) -> bool:
    """A quote first printed with a slip its sanity bounds catch, then told right."""
    return (
        _key(kept) == _key(new)
        and kept.low is not None
        and new.low is not None
        and (kept.low == new.low or kept.high == new.high)
        and metrics.problem(kept) is not None
        and metrics.problem(new) is None
    )


def _a_day_before(kept: Figure, new: Figure) -> bool:
    """The same series quoted twice with different numbers, the first in a summary (SMM's
    blurb, cut off with "...") told for an earlier day of the same or the month before; not a
    week's prices told day by day."""
    if (
        _key(kept) != _key(new)
        or (kept.value, kept.low, kept.high) == (new.value, new.low, new.high)
        or not kept.evidence.rstrip().endswith(("...", "…"))
    ):
        return False
    before, after = days_named(kept.evidence), days_named(new.evidence)
    if not before or not after:
        return False
    last, first = max(before), min(after)
    return last < first and first[0] - last[0] in {0, 1}


_WEEKDAY_EVENING = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday)\s+(?:evening|night)\b", re.IGNORECASE
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")
_OVERNIGHT = re.compile(r"\bovernight\b", re.IGNORECASE)
# the characters before a close that may tell its session ("LME copper opened at $10,752/mt
# overnight. After opening, ... finally closing at $10,781.5/mt")
_OVERNIGHT_WINDOW = 300
_A_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def _an_earlier_evenings_close(
    kept: Figure, new: Figure, published: date | None, body: str
) -> bool:
    """A Tuesday minute's summary that repeats Friday's close ("On Friday evening, LME copper ...
    closing at $10,778/mt") above the body's own overnight close ("... finally closing at
    $10,781.5/mt"): an evening that was not the last before the day published is not the
    day's figure."""
    if published is None or _key(kept) != _key(new):
        return False
    if (kept.value, kept.low, kept.high) == (new.value, new.low, new.high):
        return False
    evening = _WEEKDAY_EVENING.search(kept.evidence)
    # (a daily review's "closed at RMB 14,655/mt Monday evening ... closed at RMB 14,680/mt on
    # Tuesday": a night session and the day's, each told for its day; only an overnight close
    # told after the summary replaces it)
    if evening is None or _A_WEEKDAY.search(new.evidence) is not None:
        return False
    told = body[max(0, new.span[0] - _OVERNIGHT_WINDOW) : new.span[1]]
    if _OVERNIGHT.search(told) is None:
        return False
    named = _WEEKDAYS.index(evening.group(1).lower())
    # the last evening session before a morning minute: the day before, or Friday for Monday
    last = 4 if published.weekday() in {0, 5, 6} else published.weekday() - 1
    return named != last


def merge(figures: list[Figure], published: date | None = None, body: str = "") -> list[Figure]:
    """One figure per fact: a summary and its paragraph, a restatement, a level read in one
    sentence and its change in the next become one figure; a different number for the same
    series and period stays a figure of its own. ``published`` and ``body`` tell a stale
    summary's session from the day's."""
    figures = _one_move_for_the_grades(_mill_price_named_for_its_coil(figures))
    figures = _moves_told_again_by_grade(figures)
    kept: list[Figure] = []
    for figure in figures:
        misprinted = next(
            (index for index, other in enumerate(kept) if _misprint_told_right(other, figure)),
            None,
        )
        if misprinted is not None:
            # "... in Inner Mongolia was 7,700-79,000 yuan/mt ..., unchanged MoM" in the summary,
            # "7,700-7,900 yuan/mt" in the article: the quote as the article gives it, with
            # the summary's move
            kept[misprinted] = replace(figure, change=figure.change or kept[misprinted].change)
            continue
        stale = next(
            (
                index
                for index, other in enumerate(kept)
                if _a_day_before(other, figure)
                or _an_earlier_evenings_close(other, figure, published, body)
            ),
            None,
        )
        if stale is not None:
            # "August 28, 2025: The ex-factory price ... today was 8,250-8,300 yuan/mt" in the
            # summary, "On August 29, 2025, the ex-factory price ... stood at 8,200-8,350
            # yuan/mt" in the article: the day before's quote is not the day's figure
            kept[stale] = figure
            continue
        flat = next((index for index, other in enumerate(kept) if _held_flat(other, figure)), None)
        if flat is not None:
            # "the ore-side quotations remained basically flat on a WoW basis. ... transaction
            # prices of lithium ore still fell within the range of $600-620/mt": the price held
            # flat is the one quoted, whatever currency the quote is in
            kept[flat] = replace(figure, change=kept[flat].change)
            continue
        level = next((index for index, other in enumerate(kept) if _held_flat(figure, other)), None)
        if level is not None:
            kept[level] = replace(kept[level], change=figure.change)
            continue
        if kept and _level_past_the_line(kept[-1], figure):
            # "has hiked by RMB 210 per tonne to reach above RMB 20,000 per tonne yet again.
            # Data shows the price is standing at RMB 20,130": the line was a way of saying
            # the level that follows, and the move was the level's
            kept[-1] = replace(figure, change=kept[-1].change)
            continue
        end_moved = next(
            (index for index, other in enumerate(kept) if _range_end_moved(other, figure)), None
        )
        if end_moved is not None:
            # "Spot aluminum was mainly traded at RMB 14,550-14,570/mt ... spot aluminum prices
            # slid RMB 150/mt to RMB 14,550/mt": the quote told again by its end, with its move
            kept[end_moved] = replace(kept[end_moved], change=figure.change)
            continue
        superseded = next(
            (index for index, other in enumerate(kept) if _later_quote_of_the_same(other, figure)),
            None,
        )
        if superseded is not None:
            # "In the morning, the mainstream quotations were A. In the afternoon, quotations
            # continued to rise to B": the day's quote is where it ended
            kept[superseded] = figure
            continue
        if any(
            _inside_the_range(other, figure)
            or _range_told_again(other, figure)
            or _line_told_again(other, figure)
            or _line_the_level_is_past(other, figure)
            for other in kept
        ):
            continue
        for index, other in enumerate(kept):
            # A line crossed on the way ("broke through $5,000/mt to a high of $5,030/mt") does
            # not part a range from the average that completes it.
            # ... nor do other series read from the same sentence ("Baled UBC was quoted at A,
            # while shredded tense scrap was quoted at B. Baled UBC rose 100 yuan/mt WoW").
            # ... nor do other series' figures between them ("Henan, Foshan and Guizhou held
            # unchanged. Both baled UBC and shredded tense scrap pulled back by 100 yuan/mt").
            adjacent = all(
                _line_crossed(later)
                or later.evidence == other.evidence
                or (later.subject, later.region) != (figure.subject, figure.region)
                for later in kept[index + 1 :]
            )
            if _compatible(other, figure) and (
                _overlaps(other, figure) or (adjacent and _completes(other, figure))
            ):
                kept[index] = _combine(other, figure)
                break
        else:
            kept.append(figure)
    return [
        figure
        for figure in kept
        if not any(
            _summarised(figure, full)
            or _grade_named_less(figure, full)
            or _flat_told_of_its_grades(figure, full)
            or _move_told_again_with_its_basis(figure, full)
            for full in kept
        )
    ]


def _move_told_again_with_its_basis(bare: Figure, full: Figure) -> bool:
    """ "A00 aluminium ingot price ... has dipped by RMB 10 per tonne ... the price has lost only
    RMB 10 per tonne on Tuesday, February 14 ... The price has come in at RMB 18,460": the move
    told first without its basis is the one the level carries with it."""
    return (
        _key(bare) == _key(full)
        and bare.value is None
        and bare.low is None
        and bare.change is not None
        and bare.change.basis is None
        and (full.value is not None or full.low is not None)
        and full.change is not None
        and full.change.basis is not None
        and (full.change.amount, full.change.percent) == (bare.change.amount, bare.change.percent)
    )


def _flat_told_of_its_grades(flat: Figure, graded: Figure) -> bool:
    """ "Silicon metal spot prices were largely stable WoW. SMM oxygen-blown #553 silicon in east
    China was at 9,400-9,600 yuan/mt, ...": the metal's flat, said of the grades quoted next,
    is no figure of its own once the grades carry it."""
    return (
        flat.metric is Metric.PRICE
        and graded.metric is Metric.PRICE
        and flat.value is None
        and flat.low is None
        and flat.change is not None
        and flat.change.amount == 0
        and flat.change == graded.change
        and graded.subject.startswith(flat.subject + " (")
        and flat.region == "China"
        and (flat.unit, flat.forecast, flat.period) == (graded.unit, graded.forecast, graded.period)
        # (not "Today's secondary copper raw material prices remained unchanged MoM. Guangdong
        # bare bright copper prices were 70,600-70,800 yuan/mt, unchanged from the previous
        # trading day": a grade that tells its own flat beside the raw materials' index)
        and _FLAT_WORD.search(graded.evidence) is None
    )


_FLAT_WORD = re.compile(r"\b(?:unchanged|flat|stable|steady)\b", re.IGNORECASE)


def _line_told_again(kept: Figure, new: Figure) -> bool:
    """A line a placed or exchange price crossed, told again without its place ("SHFE aluminium
    ... breaking below the 20,000 yuan/mt threshold ... Outflows may pick up now that prices are
    under 20,000 yuan/mt"): the same fact, not the national price's."""
    if _range_end_as_a_line(kept, new):
        return True
    return (
        new.metric is Metric.PRICE
        and new.bound is not None
        and new.region == "China"
        and kept.region != "China"
        and (kept.metric, kept.bound, kept.value, kept.unit)
        == (Metric.PRICE, new.bound, new.value, new.unit)
        and names.base_metal(kept.subject) == names.base_metal(new.subject)
    )


# How near a level a line told later must lie to be the same fact: a close of $11,232.5/mt is
# the "broke through $11,200/mt" of the news paragraph, not a line a tenth away.
_LINE_NEAR_THE_LEVEL = Decimal("0.02")


def _line_the_level_is_past(kept: Figure, new: Figure) -> bool:
    """A line the series' level already stands past, told again later in other words ("LME
    copper ... finally closed at $11,232.5/mt, up 0.51%" and in the news "LME three-month
    copper recently broke through $11,200/mt to a record high"): the level says it, and says
    more."""
    if (
        new.metric is not Metric.PRICE
        or not _line_crossed(new)
        or new.value is None
        or kept.value is None
        or kept.bound is not None
        or kept.low is not None
        or _key(kept) != _key(new)
        or kept.evidence == new.evidence
    ):
        return False
    past = kept.value >= new.value if new.bound is Bound.ABOVE else kept.value <= new.value
    return past and abs(kept.value - new.value) <= new.value * _LINE_NEAR_THE_LEVEL


def _range_end_moved(kept: Figure, new: Figure) -> bool:
    """A price range quoted with no move, then one of its ends told again with a move: one
    quote and its move."""
    return (
        new.metric is Metric.PRICE
        and _key(kept) == _key(new)
        and kept.low is not None
        and kept.value is None
        and kept.change is None
        and new.value is not None
        and new.low is None
        and new.change is not None
        and not new.change.percent
        and new.value in (kept.low, kept.high)
        and kept.evidence != new.evidence
    )


def _range_end_as_a_line(kept: Figure, new: Figure) -> bool:
    """A spread's range told again as the line it stays beyond ("a premium of RMB 20-30/mt ...
    kept spot aluminum at a premium of over RMB 20/mt"): the line is the range's own end."""
    return (
        new.metric is Metric.SPREAD
        and _key(kept) == _key(new)
        and new.bound is not None
        and new.change is None
        and kept.low is not None
        and new.value == (kept.low if new.bound is Bound.ABOVE else kept.high)
    )


def _held_flat(flat: Figure, level: Figure) -> bool:
    """A price said to hold flat, with no number (so with no currency of its own, read as
    yuan in China), and a level of that product quoted in another currency: one fact."""
    return (
        flat.metric is Metric.PRICE
        and level.metric is Metric.PRICE
        and flat.subject == level.subject
        and flat.value is None
        and flat.low is None
        and flat.change is not None
        and flat.change.amount == 0
        and (level.value is not None or level.low is not None)
        and level.change is None
        and (flat.period, flat.forecast) == (level.period, level.forecast)
        and (flat.region, flat.unit) == ("China", "CNY/t")
        and level.unit != flat.unit
    )


def _summarised(summary: Figure, full: Figure) -> bool:
    """ "lithium carbonate futures plummeted ..., while spot prices increased to an average of
    107,500 yuan/ton. ... battery-grade lithium carbonate ..., averaging 107,500 yuan/ton": the
    metal's price in a summary is the graded product's, told again."""
    return (
        summary.metric is Metric.PRICE
        and full.metric is Metric.PRICE
        and "(" not in summary.subject
        and full.subject.startswith(summary.subject + " (")
        and (summary.region, summary.unit, summary.forecast)
        == (full.region, full.unit, full.forecast)
        and summary.value is not None
        and summary.low is None
        and summary.value in (full.value, full.low, full.high)
        and (summary.change is None or summary.change == full.change)
    )


def _grade_named_less(brief: Figure, full: Figure) -> bool:
    """ "SMM East China 553# silicon was quoted at 9,200-9,300 yuan/mt, flat WoW" in a summary,
    and "SMM's oxygen-permeable 553# silicon in east China was quoted at 9,200-9,300 yuan/mt,
    flat WoW" in the body: one quote, the body naming its grade more fully."""
    return (
        brief.metric is full.metric
        and brief.subject.endswith(")")
        and full.subject.startswith(brief.subject[:-1] + " ")
        and (brief.region, brief.unit, brief.forecast, brief.value, brief.low, brief.high)
        == (full.region, full.unit, full.forecast, full.value, full.low, full.high)
        and brief.change == full.change
    )


_MORNING = re.compile(r"\s*(?:in|during)\s+the\s+morning\b", re.IGNORECASE)
_AFTERNOON = re.compile(r"\s*(?:in|during)\s+the\s+afternoon\b", re.IGNORECASE)


_AS_OF_A_TIME = re.compile(r"\s*as\s+of\s+\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?)?\s*,", re.IGNORECASE)

_LATER_SESSION = re.compile(
    r"\b(?:in|during)\s+the\s+(?:second|afternoon)\s+(?:trading\s+)?session\b"
    # "In the afternoon, premiums for spot copper continued to narrow to RMB 70-230/mt"
    r"|\bin\s+the\s+afternoon\b",
    re.IGNORECASE,
)
_NIGHT = re.compile(r"\bnight\s+session\b|\bovernight\b", re.IGNORECASE)
_BACK_TO = re.compile(
    r"\b(?:back|retreated|pulled\s+back|fell\s+back|dropped\s+back)\s+(?:slightly\s+|somewhat\s+)?"
    r"to\s+[\d,.]+",
    re.IGNORECASE,
)
# "As of the midday close, it was reported at ...", "closing at 121,280 yuan/mt by midday",
# "settling at 123,350 yuan/mt by midday"
_MIDDAY_CLOSE = re.compile(
    r"\b(?:as\s+of|by|at)\s+(?:the\s+midday\s+close|midday)\b", re.IGNORECASE
)


_HELD_FIRMLY = re.compile(r"\b(?:were|held|stayed|remained)\s+firmly\s+(?:above|below)\b")
# "At the beginning of the week, suppliers ... quoted ... a discount of 120 yuan/mt against the
# SHFE lead 2512 contract. By the end of the week, the discount widened to 150-170 yuan/mt"
_WEEK_START = re.compile(
    r"\s*(?:at|in)\s+the\s+(?:beginning|start)\s+of\s+the\s+week\b|\s*early\s+in\s+the\s+week\b",
    re.IGNORECASE,
)
_WEEK_END = re.compile(
    r"\s*(?:by|at|towards?|near)\s+the\s+end\s+of\s+the\s+week\b"
    r"|\s*(?:approaching|near|towards?)\s+the\s+weekend\b",
    re.IGNORECASE,
)

_MOVED_FURTHER = re.compile(
    r"\b(?:fell|dropped|slid|eased|narrowed|rose|climbed|widened|increased|decreased)\s+further\s+to\b"
    # "Premiums narrowed slightly to RMB 130-230/mt" after the morning's 150-250
    r"|\b[Pp]remiums\s+(?:narrowed|widened)\s+slightly\s+to\b"
)


def _later_quote_of_the_same(kept: Figure, new: Figure) -> bool:
    """The same quote later in the day: the afternoon's after the morning's, or a contract's
    midday quote after its night-session close ("closed at 116,100 yuan/mt in the night session
    ... as of the midday close, it was reported at 116,320 yuan/mt")."""
    if _key(kept) != _key(new) or _lone(kept) or _lone(new):
        return False
    if _MORNING.match(kept.evidence) is not None and _AFTERNOON.match(new.evidence) is not None:
        return True
    if (
        kept.metric is Metric.SPREAD
        and _MORNING.match(kept.evidence) is not None
        and _AS_OF_A_TIME.match(new.evidence) is not None
        and kept.change is None
        and new.change is None
    ):
        # "In the morning session, ... standard-quality copper quoted at a discount of 320
        # yuan/mt ... As of 11:00, ... standard-quality copper at a discount of 350 yuan/mt":
        # the quote at the time the report stamps is the day's
        return True
    if (
        kept.metric is Metric.SPREAD
        and _WEEK_START.match(kept.evidence) is not None
        and _WEEK_END.match(new.evidence) is not None
        and kept.change is None
        and new.change is None
    ):
        # a weekly review's spread told at the week's start and again at its end: where the
        # week ended is the week's quote
        return True
    if (
        kept.metric is Metric.SPREAD
        and kept.evidence != new.evidence
        and kept.change is None
        and new.change is None
        and (
            _MOVED_FURTHER.search(new.evidence) is not None
            # "..., then sellers cut premiums to 90 yuan/mt ... premiums held firmly above 100
            # yuan/mt": the line the premium then held
            or (new.bound is not None and _HELD_FIRMLY.search(new.evidence) is not None)
        )
    ):
        # "..., but fell quickly to 560 yuan/mt ... The premiums fell further to 550 yuan/mt":
        # the premium went on moving, and where it got to is the day's quote
        return True
    if (
        kept.metric is Metric.PRICE
        and _AFTERNOON.search(new.evidence) is not None
        and _AFTERNOON.search(kept.evidence) is None
        and kept.change is None
        and new.change is None
        and kept.evidence != new.evidence
    ):
        # "#0 zinc prices were between RMB 13,690-13,780/mt ... traded prices between RMB
        # 13,680-13,780/mt in the afternoon": the afternoon's is the day's
        return True
    if (
        kept.metric is Metric.SPREAD
        and _LATER_SESSION.search(new.evidence) is not None
        and _LATER_SESSION.search(kept.evidence) is None
        and kept.change is None
        # ("but spot premiums remained between RMB 220-260/mt" in the afternoon: held there)
        and (new.change is None or new.change.amount == 0)
        # ... any later quote that leaves the first range, wholly or in part ("In the
        # afternoon, premiums ... continued to narrow to RMB 70-230/mt" after 100-260)
        and not _within(new, kept)
    ):
        # "Premiums of mainstream standard-quality copper were quoted at 560-570 yuan/mt ...
        # in the second session, premiums of mainstream standard-quality copper fell below 500
        # yuan/mt": where the day's quotes ended (a later quote within the first range is the
        # day's trading within it)
        return True
    if (
        _NIGHT.search(kept.evidence) is not None
        and _MIDDAY_CLOSE.search(new.evidence) is not None
        and _NIGHT.search(new.evidence) is None
    ):
        return True
    # "Pr-Nd oxide prices rapidly rose to 594,000-597,000 yuan/mt. ... then took Pr-Nd oxide
    # prices back slightly to 592,000-595,000 yuan/mt": where the week ended
    return (
        kept.evidence != new.evidence
        and kept.change is None
        and new.change is None
        and _BACK_TO.search(new.evidence) is not None
    )


def _within(new: Figure, kept: Figure) -> bool:
    """Whether every end of a later quote lies inside the range or level quoted first."""
    low = kept.low if kept.low is not None else kept.value
    high = kept.high if kept.high is not None else kept.value
    if low is None or high is None:
        return False
    ends = [end for end in (new.low, new.high, new.value) if end is not None]
    return bool(ends) and all(low <= end <= high for end in ends)


def _rounded_alike(one: PriceChange, other: PriceChange) -> bool:
    """Whether two moves in % are one move told to different precision (0.2% and 0.23%)."""
    if not (one.percent and other.percent) or (one.amount < 0) != (other.amount < 0):
        return False
    if one.basis is not None and other.basis is not None and one.basis != other.basis:
        return False
    coarse, fine = sorted((one.amount, other.amount), key=_decimal_places)
    places = _decimal_places(coarse)
    if places >= _decimal_places(fine):
        return False
    return abs(fine - coarse) <= Decimal(5) * Decimal(10) ** -(places + 1)


def _decimal_places(amount: Decimal) -> int:
    exponent = amount.as_tuple().exponent
    return -exponent if isinstance(exponent, int) else 0


def _overlaps(kept: Figure, new: Figure) -> bool:
    """Whether two compatible readings are one fact: they share a number, or one of them adds
    only what the other lacks (a rate's YoY change stated in the next sentence)."""
    if kept.period is None and kept.metric.value != "operating_rate":
        # Prices without a period are points in time: the same numbers are one fact, a level
        # and a lone change are not.
        if (
            kept.change is not None
            and new.change is not None
            and _lone(kept) != _lone(new)
            and (kept.change == new.change or _rounded_alike(kept.change, new.change))
        ):
            # "Copper rose 0.63%, ..." then "closed 0.63% higher at 52,590"; a wrap's "copper
            # shed 0.2%" then "it ended down 0.23% at 47,000 yuan/mt": one move, rounded
            return True
        if _restated(kept, new) or _restated(new, kept):
            return True
        if _same_move(kept, new) or _same_move(new, kept):
            return True
        if _midpoint_told(kept, new) or _range_told_after(kept, new):
            return True
        return any(
            getattr(kept, name) is not None and getattr(kept, name) == getattr(new, name)
            for name in ("value", "low", "high")
        )
    return True


def _restated(full: Figure, lone: Figure) -> bool:
    """A move told again without its basis: "down 740 yuan/mt from last Thursday" and later
    "... has fallen for five days, by 740 yuan/mt in all"."""
    return (
        _lone(lone)
        and not _lone(full)
        and full.change is not None
        and lone.change is not None
        and lone.change.basis is None
        and lone.change.percent == full.change.percent
        and lone.change.amount == full.change.amount
    )


def _same_move(lone: Figure, full: Figure) -> bool:
    """A move in % stated alone, and a level whose sentence gives the same % beside an amount:
    "Shanghai copper shed 0.87%, ..." then "closed down 0.87% or 550 yuan/mt at 62,650"."""
    if not _lone(lone) or _lone(full) or lone.change is None or not lone.change.percent:
        return False
    if full.change is None or full.change.percent:
        return False
    stated = f"{abs(lone.change.amount)}"
    return (
        re.search(rf"(?<![\d.]){re.escape(stated)}\s*(?:%|per\s*cent)", full.evidence.lower())
        is not None
    )


def _basis_told_once(one: PriceChange, other: PriceChange) -> bool:
    """The same move, its basis said only once: "closed at USD 15,177/mt, down USD 382/mt from
    the previous trading day" and, a paragraph on, "to close at USD 15,177/mt, down USD 382/mt"."""
    return (
        one.amount == other.amount
        and one.percent == other.percent
        and (one.basis is None) != (other.basis is None)
    )


def _line_crossed(figure: Figure) -> bool:
    """A price line and nothing more: "broke through RMB 92,000 per tonne"."""
    return figure.bound is not None and figure.low is None and figure.change is None


def _lone(figure: Figure) -> bool:
    """A change stated without its level."""
    return figure.value is None and figure.low is None


def _completes(kept: Figure, new: Figure) -> bool:
    """Whether a price read just after another states only what that one lacks: a range's
    average in the next sentence ("... premiums of 260-310 yuan/mt. The average premium was
    285 yuan/mt"), or the level a lone change led up to ("prices fell by RMB 150 per tonne.
    SMM A00 spot aluminium closed at RMB 20,200 per tonne")."""
    ranged = kept.low is not None and kept.value is None
    if ranged and new.value is not None and new.low is None and new.bound is None:
        return True
    if kept.value is not None and kept.low is None and new.low is not None and new.value is None:
        # "a price difference between primary metal and scrap of 50 yuan/mt. ... quotations
        # ranging from a discount of 100 yuan/mt to a premium of 0": the range of that spread
        return kept.metric is Metric.SPREAD
    if kept.change is None and not _lone(kept) and _lone(new) and new.change is not None:
        # "... before closing at $9,793.0/mt. The overall trend showed ..., with a gain of
        # 0.45%"; "Baled UBC was quoted at 16,550-17,050 yuan/mt today ... Baled UBC prices
        # rose 100 yuan/mt WoW": the level's change, told in the next sentence.
        return True
    # Only a day's move: a weekly review's "weekly average up 5 yuan/mt WoW" is the week's
    # average, not the Friday quote that follows it.
    lone_change = (
        kept.value is None
        and kept.low is None
        and kept.change is not None
        and kept.change.basis in {None, ChangeBasis.DOD}
    )
    return lone_change and new.change is None and (new.value is not None or new.low is not None)


def extract(article: Article) -> list[Figure]:
    """Every figure in an article, each linked back to it."""
    published = article.published_at.date()
    figures = extract_text(article.body, published, article.title)
    return [replace(figure, article_id=article.id) for figure in figures]
