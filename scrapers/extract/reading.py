"""Reading helpers shared by the metric readers: the words around a number, noun phrases, the
direction and basis of a change, forecasts and periods.

All of it works on folded text (lower case, offsets kept) except where case matters ("May" the
month, "may" the verb).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from scrapers.extract import lexicon
from scrapers.extract.lexicon import BASES, DOWN, EXPECTATION, FLAT, FORECAST, UP
from scrapers.extract.periods import (
    FULL_MONTH_NAMES,
    month_number,
    month_period,
    publication_week,
    relative_month,
    shift_month,
    shift_week,
    stated_week,
)
from scrapers.models import ChangeBasis

WINDOW = 60  # characters before a number searched for the words that say what it is
AFTER = 48  # characters after a number searched for its basis or direction

_TOKEN = re.compile(r"[a-z0-9#$%]+(?:['’.-][a-z0-9]+)*(?:['’]s?)?|[/,&()]")
# Words that end a noun phrase: verbs, prepositions, adverbs, pronouns.
_STOP = frozenset(
    (
        "was were is are has have had be been being stood stands came come remained remain"
        " remains maintained maintain maintains recorded records registered reached reaching hit"
        " hits showed shows saw sees edged continued continues continue stayed stays held holds"
        " rebounded reported printed came declined increased decreased dropped rose fell climbed"
        " slid jumped in during for at to by from with on over under this last next as than since"
        " after before amid due while which that who its it they their there up down slightly"
        " further again also still mainly generally significantly temporarily unexpectedly"
        " structurally largely basically across among between compared per or ended ending week"
        " month year today yesterday was, stood, mostly overall, sharply notably marginally"
        " modestly saw, benefited benefiting supported driven affected hurt weighed recovered"
        " improved weakened stabilized stabilised may might could will would should expected"
        " projected predicted likely is, inched picked ticked pulled moved went crept kept stays"
        " dipped slipped eased narrowed widened hovered fluctuated approximately about around"
        " nearly roughly some only just above below more less but however and/or not no such both"
        " either each every another said according quoted priced traded offered bid closed opened"
        " settled finished ended averaged averaging reaching marking amounting totalling totaling"
        # irregular past tenses the "-ed" rule below cannot see: "extrusion took the most
        # direct hit"
        " took takes made makes gave gives got gets ran runs led leads felt feels bore faced"
        " faces suffered suffers lost loses"
    ).split()
)
_STOP |= {word for phrase in UP.phrases + DOWN.phrases for word in phrase.split()}
_STOP -= {"lower", "higher"}  # "lower"/"higher" can be part of no name, but harmless either way
_OPENERS = re.compile(
    r"^\s*(?:(?:by\s+(?:sector|segment|product|region|scale|size)|specifically|meanwhile|among\s+them"
    r"|in\s+addition|in\s+terms\s+of|as\s+for|regarding|of\s+which|however|moreover|overall"
    r"|in\s+contrast|on\s+the\s+other\s+hand|additionally|besides|first|second|third|finally"
    r"|\(\d\)|\d\)|[a-z]\))\s*[,:]?\s*)+"
)


def tokens(folded: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    stop = len(folded) if end is None else end
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(folded, start, stop)]


_FIRM_WORDS = frozenset(
    "industry industries enterprise enterprises producer producers plant plants smelter smelters"
    " refinery refineries sector sectors companies manufacturers makers mills firms factories"
    " segment segments".split()
)
_ED_NAMES = frozenset(
    "enamelled enameled galvanised galvanized shredded baled licensed recycled refined coated"
    " extruded rolled cold-rolled hot-rolled medium-sized mid-sized small-sized large-sized"
    " oxygen-blown integrated sampled surveyed listed".split()
)


_SCRAP_FED = re.compile(r"\s+(?:copper\s+)?scrap\b")


def phrase_after(folded: str, position: int, limit: int = 90) -> tuple[str, int]:
    """The noun phrase starting at ``position``: up to a verb, a preposition, punctuation, or
    the word for the firms that ends an industry's name ("... copper rod enterprises")."""
    words: list[str] = []
    end = position
    found = tokens(folded, position, min(len(folded), position + limit))
    skip = 0
    for index, (_, stop, word) in enumerate(found):
        if skip:
            skip -= 1
            continue
        if word.isdigit() and words in ([], ["the"]) and _counts_firms(found, index):
            continue  # "at the 20 copper smelters": how many were surveyed, not a name
        if word == "with" and "produce" in words and _SCRAP_FED.match(folded, stop):
            # "manufacturers that produce copper rods with copper scrap": the feed names them
            words.append(word)
            end = stop
            continue
        if (
            word in {",", "(", ")"}
            or (word in _STOP and word not in {"and", "per"})
            or word[0].isdigit()
        ):
            if word == "," and words and _continues_name(folded, stop):
                words.append(word)
                end = stop
                continue
            break
        if word == "and" and not words:
            break
        if word == "per" and index + 1 < len(found) and found[index + 1][2] == "sheet":
            words.append("/")  # AL Circle's "aluminium plate per sheet and strip"
            continue
        if words and word.endswith("ed") and word not in _ED_NAMES and "-" not in word:
            # a verb: "smelters staged the biggest decline" (not a compound adjective: "blast
            # furnace-based steel mills")
            break
        words.append(word)
        end = stop
        if word in _FIRM_WORDS:
            following = found[index + 1][2] if index + 1 < len(found) else ""
            fed = found[index + 2] if following == "using" and index + 2 < len(found) else None
            if fed is not None and fed[2] in lexicon.FEEDS:
                # "copper anode producers using ore": the raw material names a segment
                words.extend(("using", fed[2]))
                end = fed[1]
                break
            if (
                following in {"that", "which"}
                and index + 2 < len(found)
                and found[index + 2][2] in {"produce", "make"}
            ):
                # "manufacturers that produce copper rods": the product is the name
                words.extend((following, found[index + 2][2]))
                end = found[index + 2][1]
                skip = 2
                continue
            if following != "of":
                break
    while words and words[-1] in {"and", ",", "/", "&", "of"}:
        words.pop()
    return " ".join(words).replace(" /", "/").replace("/ ", "/").replace(" ,", ","), end


_NOT_A_NAME_AFTER_A_COUNT = frozenset(
    {"kt", "mt", "t", "tonnes", "tons", "per", "percent", "million"}
)


def _counts_firms(found: list[tuple[int, int, str]], index: int) -> bool:
    following = found[index + 1][2] if index + 1 < len(found) else ""
    return following.isalpha() and following not in _NOT_A_NAME_AFTER_A_COUNT


def _continues_name(folded: str, position: int) -> bool:
    """ "plate, sheet and strip": a comma inside a name, followed by a name word and "and"."""
    rest = folded[position : position + 24]
    return re.match(r"\s*[a-z]+(?:\s*,\s*[a-z]+)*,?\s+and\s+[a-z]", rest) is not None


def phrase_before(folded: str, position: int, limit: int = 70) -> str:
    """The noun phrase ending at ``position`` ("the die-casting zinc alloy" before "operating")."""
    found = tokens(folded, max(0, position - limit), position)
    words: list[str] = []
    for _, _, word in reversed(found):
        if word in {",", "(", ")", "the", "of", "and"} or word in _STOP or word[0].isdigit():
            break
        words.append(word)
    return " ".join(reversed(words))


def opening(folded: str) -> int:
    """Where a clause's own words begin, after "By sector:", "Specifically," and the like."""
    match = _OPENERS.match(folded)
    return match.end() if match else len(folded) - len(folded.lstrip())


# -- direction and basis ---------------------------------------------------------------------------

_SIGN_WORDS: dict[str, int] = {}
for _phrase in DOWN.phrases:
    _SIGN_WORDS[_phrase] = -1
for _phrase in UP.phrases:
    _SIGN_WORDS[_phrase] = 1
for _phrase in FLAT.phrases:
    _SIGN_WORDS[_phrase] = 0
_SIGN_WORDS.update({"lower": -1, "higher": 1, "more": 1, "less": -1, "gain": 1, "loss": -1})
_NOUN_SIGNS = {
    "increase": 1,
    "rise": 1,
    "gain": 1,
    "growth": 1,
    "jump": 1,
    "rebound": 1,
    "hike": 1,
    "decrease": -1,
    "decline": -1,
    "drop": -1,
    "fall": -1,
    "dip": -1,
    "reduction": -1,
    "cut": -1,
    "loss": -1,
    "slump": -1,
    "plunge": -1,
    "slide": -1,
    "surge": 1,
    "leap": 1,
    "escalation": 1,  # AL Circle's "a Year-on-Year escalation of RMB 80 per tonne"
    "uptick": 1,
    "increment": 1,
    "downtick": -1,
    "spike": 1,
    "downfall": -1,
}
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def tail_of(text: str, size: int) -> str:
    """The last ``size`` characters of a text without a word cut at their start ("stainless
    steel was"[-14:] is "less steel was", whose "less" is no direction)."""
    if len(text) <= size:
        return text
    cut = text[-size:]
    if text[-size - 1].isalnum() and cut[:1].isalnum():
        space = cut.find(" ")
        return cut[space + 1 :] if space >= 0 else ""
    return cut


def direction(text: str) -> int | None:
    """+1, -1 or 0 for the last direction word in folded text, None when there is none."""
    words = _WORD.findall(text)
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if index:
            pair = f"{words[index - 1]} {word}"
            if pair in _SIGN_WORDS and " " in pair:
                return _SIGN_WORDS[pair]
        sign = _SIGN_WORDS.get(word)
        if sign is None:
            # "saw hikes of RMB 20 ..., RMB 15 ... and RMB 10": the plural noun as well
            sign = _NOUN_SIGNS.get(word[:-1] if word.endswith("s") else word)
        if sign is not None and sign != 0:
            return sign
    return None


_BASIS_OF = {"mom": ChangeBasis.MOM, "yoy": ChangeBasis.YOY, "wow": ChangeBasis.WOW}
_BASIS_OF["dod"] = ChangeBasis.DOD
_MONTH_BASIS = re.compile(
    # ("13.28 percentage points higher from December 2017": the comparative before it)
    r"^\s*,?\s*(?:(?:higher|lower)\s+)?(?:from|than|over|compared\s+(?:with|to)|versus|vs\.?)\s+(?:the\s+)?"
    r"(?:(?P<month>january|february|march|april|may|june|july|august|september|october|november"
    # (not "from July 7": a day, a move since a dated point)
    r"|december)(?!\s+\d{1,2}(?:st|nd|rd|th)?\b)(?:\s+(?P<year>20\d\d|19\d\d))?(?P<last>\s+last\s+year|\s+a\s+year\s+(?:ago|earlier))?"
    r"|(?P<sameperiod>same\s+(?:period|month|week)\s+(?:of\s+)?last\s+year))"
)


_PERCENT_ASIDE = re.compile(r"\(\s*[+-]?[\d.]+\s*(?:%|per\s*cent)\s*\)")


def basis_at(text: str, *, after: bool) -> tuple[ChangeBasis | None, int]:
    """The change basis written at the start of ``text`` (after a number) or anywhere in it
    (before one), with where it ends (0 when none)."""
    best: tuple[int, int, ChangeBasis] | None = None
    for concept in BASES:
        match = concept.search(text)
        if match is None:
            continue
        if after and _LABELS_NEXT.match(text, match.end()):
            continue  # "43.9%, MoM +1.7 pp, YoY -0.6 pp": "YoY" labels the number after it
        if after and _NAMES_NEXT.match(text, match.end()):
            continue  # "a drop of 1.4 pp and a year-on-year decline of 14 pp": the next one's
        if after and match.start() > 14 and not text[: match.start()].strip(" ,").startswith("or"):
            # After a number the basis follows at once ("2.3 pp MoM", "up 50 yuan/mt from
            # the previous trading day"), give or take a few words, or after the level the
            # change led to ("widened by 25 yuan/mt to 1,850 yuan/mt compared to last Thursday").
            # "unchanged at 126,000-131,000 yuan/mt as of Friday May 18, compared to the Friday
            # before": the day the quote is for stands between it and its basis
            between = _AS_OF_DAY.sub(" ", text[: match.start()])
            # "an increase of RMB 40 per tonne (0.20 per cent) from the prior day": the same move
            # in per cent, told in passing
            between = _PERCENT_ASIDE.sub(" ", between)
            to_level = _TO_LEVEL.match(between) is not None
            if not to_level and (len(between) > 40 or re.search(r"[;:]|\d", between)):
                continue
        key = (match.start(), -match.end(), _BASIS_OF[concept.name])
        if after:
            if best is None or key[0] < best[0]:
                best = key
        elif best is None or key[0] > best[0]:
            best = key
    if best is None:
        return None, 0
    return best[2], -best[1]


_LABELS_NEXT = re.compile(r"\s*[+\-−]?\d")
_AS_OF_DAY = re.compile(r"\bas\s+of\s+(?:[a-z]+\s+)?[a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?\b")
_NAMES_NEXT = re.compile(
    r"\s*(?:basis\s+)?(?:drop|decline|decrease|fall|rise|increase|gain|growth|change|rebound"
    r"|contraction|expansion)\s+(?:of|by)\b"
)
_TO_LEVEL = re.compile(
    r"^\s*(?:yuan/mt|yuan|/mt|per\s+tonne|percentage\s+points?|ppts?)?\s*,?\s*to\s+"
    r"(?:the\s+range\s+of\s+|a\s+premium\s+of\s+|a\s+discount\s+of\s+)?(?:rmb\s*|us?\$\s*)?"
    r"[\d,.\s-]+(?:yuan/mt|yuan|/mt|per\s+tonne|%|per\s+cent)?\s*,?"
    # "rose slightly by 50 yuan/mt to 20,570 yuan/mt on Thursday compared to the previous day"
    r"(?:\s*on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\s*)?\s*$"
)


def month_basis(text: str, period: str | None) -> ChangeBasis | None:
    """ "from April", "from May last year", "from March 2018": the basis a named month gives."""
    match = _MONTH_BASIS.match(text)
    if match is None:
        return None
    if match.group("sameperiod") or match.group("last"):
        return ChangeBasis.YOY
    if match.group("year") and period and match.group("year") != period[:4]:
        # "from March 2018" for a figure of March 2019 is a year's change, but "up 0.67
        # percentage point from December 2017" for January 2018 is the month before's
        named = int(match.group("year")) * 12 + (month_number(match.group("month")) or 0)
        if "-W" in period or named != int(period[:4]) * 12 + int(period[5:7]) - 1:
            return ChangeBasis.YOY
    return ChangeBasis.MOM


# -- forecasts -------------------------------------------------------------------------------------


def without_expectations(folded: str) -> str:
    """The text with "than expected"-style comparisons blanked, offsets kept."""
    if not EXPECTATION.mentioned(folded):
        return folded
    return EXPECTATION.pattern.sub(lambda m: " " * len(m.group(0)), folded)


_COULD_NOT = re.compile(r"\s+not\s+(?:stay|hold|break|keep|stand|sustain)\b")
_A_CONTRACT_AFTER = re.compile(r"(?:'s)?\s+(?:shfe\s+)?(?:[a-z]+\s+)?contracts?\b")

_INVOICED = re.compile(r"\b(?:invoiced|invoices?\s+dated|dated)\s+$")

# What a seller can get now, not what is foreseen.
_COULD_TRADE = re.compile(
    r"\s+(?:go|sell|trade|be\s+(?:sold|bought|discounted|offered|quoted))\s+at\b"
    r"|\s+be\s+discounted\s+by\b"  # "some high-bismuth lead sources could be discounted by 80"
)


# market players' view of where prices will go: "60% see LME zinc prices stabilize between"
# where market players see prices going ("stabilize", "fall", "slip to")
# ... "57% of them see LME lead to break through USD 1,900/mt this week"
VIEW_VERBS = (
    "stabili[sz]e|move|trade|fluctuate|hover|range|stay|hold|fall|rise|slip|climb|drop"
    "|break\\s+(?:through|above|below)|rebound|grow|return|hit|challenge"
)
SEE_PRICES = re.compile(
    # ... "63% are neutral, seeing LME zinc prices move between USD 1,620-1,680/mt"
    rf"\b(?:see|expect)(?:s|ing)?\s+(?:[a-z0-9#-]+\s+){{0,4}}?(?:prices?\s+)?(?:to\s+)?"
    rf"(?:{VIEW_VERBS}"
    # "Those optimists see SHFE 1605 aluminum rising above RMB 11,800/mt"
    r"|(?:stabili[sz]|mov|trad|fluctuat|hover|rang|stay|hold|fall|ris|slipp|climb|dropp|advanc"
    r"|declin|rebound|edg)ing)\b"
    # "Those neutral players see SHFE 1607 aluminum at RMB 12,600-12,850/mt"
    # ... and "SMM sees SHFE copper between 71,500-72,100 yuan/mt on Thursday"
    r"|\bsees?\s+(?:shfe|lme)\s+(?:[a-z0-9#-]+\s+){0,3}?(?:at|between|around)\b"
    # a survey's camp and what it looks for: "finds 53% of them bullish on lead this week, with
    # LME lead up to USD 2,000-2,050/mt and spot lead prices rising to RMB 12,300-12,500/mt"
    r"|\b\d+%\s+(?:of\s+[a-z ]{1,30}?\s+)?(?:are\s+|were\s+)?(?:bullish|bearish|neutral)\b"
    r"[^.;]{0,40}?,\s+with\b"
)
_STILL_NOW = re.compile(r"\b(?:is|are)\s+still\b")
_SAID_IT = re.compile(
    r"\b(?:said|says|announced|pledged|promised|vowed)\s+(?:that\s+)?"
    r"(?:it|they|he|she|the\s+(?!prices?\b|market\b|metal\b)[a-z]+)\s+$"
)


# (the price's own move then told as the worry's effect: "..., causing LME aluminum to slid to")
_AS_A_RESULT = re.compile(r",\s*(?:causing|sending|pushing|dragging|driving|leading)\b")
_WORRIED_THAT = re.compile(
    r"\b(?:worries|worried|fears?|feared|concerns?|speculation|rumou?rs?)\s+(?:that\s+)?"
    r"(?:[a-z0-9-]+\s+){1,4}$"
)


def looks_forward(text: str, folded: str, end: int) -> bool:
    """A forward-looking word in ``folded[:end]`` ("is expected to", "SMM predicts", "will"), or
    "next week" anywhere in it; "may" counts only in lower case ("May" is a month)."""
    clean = without_expectations(folded)
    if SEE_PRICES.search(clean, 0, max(end, 0)):
        return True  # "60% see LME zinc prices stabilize between USD 1,640-1,700/mt"
    if not FORECAST.mentioned(clean):
        return False
    for match in FORECAST.pattern.finditer(clean):
        word = match.group(0)
        if word == "may" and text[match.start()] != "m":
            continue
        if word == "could" and _COULD_TRADE.match(clean, match.end()):
            continue  # "high-bismuth lead could go at a discount of 100-50": today's quote
        if (
            word in {"may", "might", "will", "would", "could"}
            and _WORRIED_THAT.search(clean, max(0, match.start() - 40), match.start())
            and _AS_A_RESULT.search(clean, match.end(), max(end, 0))
        ):
            # "Worries that QE3 may end early, causing LME aluminum to slid to USD 2,034.3/mt":
            # what the market feared, not where the price is going
            continue
        if word in {"would", "will"} and _SAID_IT.search(
            clean, max(0, match.start() - 40), match.start()
        ):
            # "LME lead fell as the ECB said it would speed up its QE buying, to touch a low
            # of ...": someone's stated plan, not a forecast of the price
            continue
        if word == "looking ahead" and _STILL_NOW.search(clean, match.end(), max(end, 0)):
            # "Looking ahead to tomorrow, copper prices are still above 90,000 yuan/mt, ...":
            # where prices stand now, the premise of the outlook
            continue
        if word == "next month" and _INVOICED.search(
            clean, max(0, match.start() - 16), match.start()
        ):
            continue  # "cargoes invoiced next month": when the invoice is dated, not a forecast
        if word == "could" and _COULD_NOT.match(clean, match.end()):
            continue  # "rose to $2,040/mt again but could not stay there": what it failed to do
        if word in {"next month", "next-month"} and _A_CONTRACT_AFTER.match(clean, match.end()):
            continue  # "the next-month contract jumped to ...": a contract's name, not a forecast
        if match.start() < end or word.startswith(("next", "the coming", "the following")):
            return True
    return False


# -- periods ---------------------------------------------------------------------------------------

_THIS_WEEK = re.compile(r"\b(?:this|the\s+current)\s+week\b")
_LAST_WEEK = re.compile(r"\b(?:last|previous|past)\s+week\b(?!'s)")
_NEXT_WEEK = re.compile(r"\b(?:next|the\s+coming|the\s+following)\s+week\b")
_WEEK_WORDS = re.compile(r"\bweek|\bw-?o-?w\b|weekly")
_MONTH_WORDS = re.compile(r"\bmonthly\b|\bm-?o-?m\b")


def is_weekly(folded: str) -> bool:
    return "w" in folded and _WEEK_WORDS.search(without_expectations(folded)) is not None


# "down from a high of 63.69% in June 2018", "edged down from 59.77% in December": the month of
# a value compared with, not of the figure
_REFERENCE_MONTH = re.compile(
    # ("lower than 80.2% in July" too)
    r"(?:\b(?:from|than)\s+(?:a\s+(?:high|low|peak|record(?:\s+high|\s+low)?)\s+of\s+)?[\d.]+\s*"
    r"(?:%|per\s*cent)"
    # ... and "After increasing in November, the average operating rate in December fell": the
    # month before's story
    r"|^\s*after\s+[a-z]+ing(?:\s+[a-z]+){0,2})"
    rf"\s+in\s+(?:{FULL_MONTH_NAMES})(?:\s+(?:19|20)\d\d)?\b"
)


# "rose to 59.06% and was up from May’s 55.13%", "rose by 3.43 percentage points from May’s
# average of 37.23% to 40.66%": the month of the level compared with
_FROM_A_MONTHS_LEVEL = re.compile(
    rf"\bfrom\s+(?:{FULL_MONTH_NAMES})['’]s\s+(?:average\s+(?:of\s+)?)?[\d.]+\s*(?:%|per\s*cent)"
)


def period_of(
    text: str,
    folded: str,
    published: date | None,
    *,
    forecast: bool,
    weekly: bool,
    fallback: str | None,
) -> str | None:
    """The period a statement is about: a date range, a month, this/last/next week or month;
    else, for a forecast, the next period; else the survey's own."""
    clean = _REFERENCE_MONTH.sub(lambda m: " " * len(m.group(0)), without_expectations(folded))
    if "'s" in clean or "’s" in clean:
        clean = _FROM_A_MONTHS_LEVEL.sub(lambda m: " " * len(m.group(0)), clean)
    week = stated_week(clean, published)
    if week is not None:
        return week
    month = month_period(clean, published, forecast=forecast)
    if month is not None:
        return month
    if published is not None:
        if "week" in clean:
            if _NEXT_WEEK.search(clean):
                return shift_week(publication_week(published), 1)
            if _LAST_WEEK.search(_strip_comparisons(clean)):
                return shift_week(publication_week(published), -1)
            if _THIS_WEEK.search(clean):
                return publication_week(published)
        if "month" in clean:
            relative = relative_month(clean, published)
            if relative is not None:
                return relative
            if "next month" in clean:
                return shift_month(f"{published.year:04d}-{published.month:02d}", 1)
        if forecast and fallback is not None:
            return shift_week(fallback, 1) if "-W" in fallback else shift_month(fallback, 1)
        if forecast and weekly:
            return shift_week(publication_week(published), 1)
    if fallback is not None:
        return fallback
    if weekly and published is not None:
        return publication_week(published)
    return None


_COMPARED = re.compile(
    # (also "the same as last week": what a rate is compared with, not its period)
    r"\b(?:from|than|compared\s+(?:with|to)|against|over|versus|vs\.?|the\s+same\s+as)\s+"
    r"(?:the\s+|a\s+)?(?:last|previous|prior|past)\s+(?:week|month|year)\b"
)


def _strip_comparisons(folded: str) -> str:
    return _COMPARED.sub(" ", folded) if "last" in folded or "previous" in folded else folded


def nearest_before(
    spans: Iterable[tuple[int, int, str]], position: int
) -> tuple[int, int, str] | None:
    best = None
    for span in spans:
        if span[1] <= position and (best is None or span[1] >= best[1]):
            best = span
    return best


def mentions(folded: str, *concepts: lexicon.Concept) -> bool:
    return any(concept.mentioned(folded) for concept in concepts)


_DATELINE = re.compile(
    r"^\s*(?:shanghai|beijing|singapore|london|hong\s+kong|new\s+delhi),?\s+"
    # "SHANGHAI, Jun 11 (SMM) –", and once "SHANGHAI, Apr. (SMM) -" with its day left out
    r"(?:[a-z]{3,9}\.?\s*\d{1,2}|\d{1,2}\s+[a-z]{3,9}|[a-z]{3,9}\.?)\s*\(smm\)\s*[–—-]?"
    # "SHANGHAI, June 18 -- Domestic spot aluminum prices ..." (a wire story carried by SMM)
    r"|^\s*(?:shanghai|beijing|singapore|london|hong\s+kong|new\s+delhi),?\s+[a-z]{3,9}\.?\s+"
    r"\d{1,2}\s*(?:--|[–—])"
)


def without_dateline(folded: str) -> str:
    """ "SHANGHAI, Jun 11 (SMM) –" opens a story; it is not where its figures are."""
    match = _DATELINE.match(folded)
    return folded if match is None else " " * match.end() + folded[match.end() :]
