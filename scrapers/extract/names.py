"""Names: what a phrase in an article names, as a series a user can put in a rule.

Subjects are lower case, British, singular. An industry drops the words for firms and surveys
("leading domestic aluminium extrusion enterprises" -> ``aluminium extrusion``); a product keeps
its grade or form as a qualifier in parentheses (``aluminium scrap (shredded tense)``); a spread
is named by its two legs (``aluminium - aluminium scrap (shredded tense)``). Aliases fold the
spellings a user would expect to be one series into one name. The rules are documented, with
examples, in tests/corpus/README.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar, cast

from scrapers.extract.lexicon import FEEDS

# -- spelling --------------------------------------------------------------------------------------

_BRITISH = {
    "aluminum": "aluminium",
    "aluminums": "aluminiums",
    "sulfate": "sulphate",
    "sulfates": "sulphates",
    "low-sulfur": "low-sulphur",
    "high-sulfur": "high-sulphur",
    "sulfur": "sulphur",
    "galvanizing": "galvanising",
    "galvanized": "galvanised",
    "enameled": "enamelled",
    "fiber": "fibre",
    "color": "colour",
    "colored": "coloured",
}
_PLURALS = {
    "extruders": "extruder",
    "processors": "processor",
    "profiles": "profile",
    "billets": "billet",
    "bars": "bar",
    "rods": "rod",
    "wires": "wire",
    "cables": "cable",
    "tubes": "tube",
    "pipes": "pipe",
    "foils": "foil",
    "sheets": "sheet",
    "plates": "plate",
    "strips": "strip",
    "batteries": "battery",
    # "Local refineries fared no better": `petroleum coke (local refinery)`
    "refineries": "refinery",
    "blocks": "block",
    "ingots": "ingot",
    "alloys": "alloy",
    "cans": "can",
    "cathodes": "cathode",
    "salts": "salt",
    "wafers": "wafer",
    "cells": "cell",
    "modules": "module",
    "frames": "frame",
    "castings": "casting",
    "magnets": "magnet",
    "oxides": "oxide",
    "materials": "material",
    "products": "product",
    "producers": "producer",
    "smelters": "smelter",
    "particles": "particle",
    "concentrates": "concentrate",
}


def british(words: list[str]) -> list[str]:
    return [_BRITISH.get(word, word) for word in words]


# -- industries (operating rates) ------------------------------------------------------------------

# Words that name the firms or the survey, not the industry: dropped from a name.
_FIRM_WORDS = frozenset(
    "industry industries enterprise enterprises producer producers plant plants smelter smelters"
    " refinery refineries sector sectors company companies manufacturer manufacturers maker"
    " makers mill mills firm firms factory factories segment segments line lines"
    # "the operating rate of enamelled wire machinery": the machines' utilisation is the
    # industry's rate
    " machinery machines".split()
)
_DROPPED_MODIFIERS = frozenset(
    "the a an its their leading major domestic china's chinese china national overall average"
    " weekly monthly comprehensive key sample sampled surveyed mainstream licensed license"
    " smm smm's smm‘s all total whole entire integrated related relevant regional nationwide"
    # "with a stable weekly operating rate of 82%": how the rate moved, not whose it is
    " countrywide stable steady flat unchanged"
    # "large enterprises registered an operating rate of 84.04%": the verb, not the industry
    " registered posted recorded reported logged saw"
    # "only the primary aluminium alloy sector maintained its previous operating rate"
    " only previous maintained kept"
    # "SMM now puts construction extrusion plants' operating rate up to 59%": the estimate's verb
    " now puts put"
    # "the local operating rate", "the province's operating rate": the place the sentence named
    " local province province's provincial region region's area"
    # "which buoyed operating rates across smelters in Hunan": the verb, not the industry
    " buoyed lifted pushed dragged boosted weighed".split()
)
_SIZE_WORDS = {
    "large": "large enterprises",
    "larger": "large enterprises",
    "large-scale": "large enterprises",
    "big": "large enterprises",
    "medium": "medium enterprises",
    "medium-sized": "medium enterprises",
    "medium-size": "medium enterprises",
    "mid-sized": "medium enterprises",
    "small": "small enterprises",
    "smaller": "small enterprises",
    "small-sized": "small enterprises",
}
# "medium and large" is how SMM describes its sample, not a size group.
_SAMPLE_SIZE = re.compile(
    r"\b(?:medium(?:-sized)?\s+and\s+large(?:-sized)?|large\s+and\s+medium(?:-sized)?)\b"
)
# "SMM five provinces lead battery enterprise weekly ... operating rate": where the sample is,
# not whose rate it is.
_SAMPLE_PLACES = re.compile(
    r"\b(?:in\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:provinces|regions"
    r"|cities)\b"
)
_SMALL_AND_MEDIUM = re.compile(
    r"\b(?:small\s+and\s+medium(?:-sized)?|medium\s+and\s+small(?:-sized)?|smes?)\b"
)

INDUSTRY_ALIASES: Mapping[str, str] = {
    "aluminium extruder": "aluminium extrusion",
    # "the operating rate of downstream extruders" in an aluminium billet survey
    "downstream extruder": "aluminium extrusion",
    "downstream aluminium extruder": "aluminium extrusion",
    "aluminium extrusion": "aluminium extrusion",
    "aluminium profile": "aluminium extrusion",
    "extrusion": "aluminium extrusion",
    # "the national operating capacity of aluminium ..., with an operating rate of 95.6%": the
    # metal's own production is its smelting.
    "aluminium": "primary aluminium",
    "aluminium processing": "aluminium downstream",
    "aluminium processor": "aluminium downstream",
    "construction aluminium extrusion": "construction aluminium extrusion",
    "construction aluminium extruder": "construction aluminium extrusion",
    "construction extrusion": "construction aluminium extrusion",
    "industrial aluminium extrusion": "industrial aluminium extrusion",
    "industrial aluminium extruder": "industrial aluminium extrusion",
    "industrial extrusion": "industrial aluminium extrusion",
    # "the operating rate of industrial profile enterprises": SMM's profile surveys are its
    # extrusion surveys
    "industrial profile": "industrial aluminium extrusion",
    "industrial aluminium profile": "industrial aluminium extrusion",
    "construction profile": "construction aluminium extrusion",
    "construction aluminium profile": "construction aluminium extrusion",
    "aluminium downstream processing": "aluminium downstream",
    "downstream aluminium processing": "aluminium downstream",
    "aluminium downstream": "aluminium downstream",
    "downstream aluminium": "aluminium downstream",
    "aluminium plate/sheet and strip": "aluminium plate, sheet and strip",
    "aluminium plate, sheet and strip": "aluminium plate, sheet and strip",
    "aluminium plate, sheet, and strip": "aluminium plate, sheet and strip",
    "aluminium plate per sheet and strip": "aluminium plate, sheet and strip",
    "aluminium plate/sheet/strip": "aluminium plate, sheet and strip",
    "aluminium plate and strip": "aluminium plate, sheet and strip",
    "aluminium sheet and strip": "aluminium plate, sheet and strip",
    "aluminium plate, sheet and strip foil": "aluminium plate, sheet and strip",
    "plate/sheet and strip": "aluminium plate, sheet and strip",
    "plate, sheet and strip": "aluminium plate, sheet and strip",
    # SMM's flat-rolled surveys of 2014-2018 give the rate of plate, sheet, strip and foil
    # together beside each part's: a series of its own there
    "aluminium plate, sheet, strip and foil": "aluminium plate, sheet, strip and foil",
    "aluminium plate, sheet, strip, and foil": "aluminium plate, sheet, strip and foil",
    # ... and without the plate ("aluminium sheet, strip and foil producers", 2017)
    "aluminium sheet, strip and foil": "aluminium plate, sheet, strip and foil",
    "aluminium plate/sheet, strip and foil": "aluminium plate, sheet, strip and foil",
    "aluminium plate/sheet strip and foil": "aluminium plate, sheet, strip and foil",
    "aluminium plate/sheet, strip, foil": "aluminium plate, sheet, strip and foil",
    "aluminium plate/sheet": "aluminium plate, sheet and strip",
    "aluminium plate and sheet": "aluminium plate, sheet and strip",
    "aluminium foil": "aluminium foil",
    "aluminium wire and cable": "aluminium wire and cable",
    "aluminium cable": "aluminium wire and cable",
    "aluminium wire & cable": "aluminium wire and cable",
    "aluminium rod": "aluminium wire and cable",
    "primary aluminium alloy": "primary aluminium alloy",
    "primary alloy": "primary aluminium alloy",
    "secondary aluminium": "secondary aluminium",
    "secondary aluminium alloy": "secondary aluminium",
    "recycled aluminium": "secondary aluminium",
    "recycled aluminium alloy": "secondary aluminium",
    "secondary alloy": "secondary aluminium",
    "aluminium bar": "aluminium billet",
    "aluminium billet": "aluminium billet",
    # SMM's monthly survey names it by its feed: "primary aluminum billets", "molten aluminium
    # casting billet enterprises"
    "primary aluminium billet": "aluminium billet",
    "molten aluminium casting billet": "aluminium billet",
    "aluminium billet and bar": "aluminium billet",
    "aluminium rod and bar": "aluminium billet",
    "copper rod": "copper cathode rod",
    "copper wire rod": "copper cathode rod",
    "refined copper rod": "copper cathode rod",
    "copper cathode rod": "copper cathode rod",
    "medium and large copper rod": "copper cathode rod",
    "secondary copper rod": "secondary copper rod",
    "recycled copper rod": "secondary copper rod",
    "scrap copper rod": "secondary copper rod",
    # "manufacturers that produce copper rods with copper scrap": the rod named by its feed
    "copper rod with copper scrap": "secondary copper rod",
    "copper rod with scrap": "secondary copper rod",
    "copper wire and cable": "copper wire and cable",
    "wire and cable": "copper wire and cable",
    "wire & cable": "copper wire and cable",
    "enamelled wire": "enamelled wire",
    "copper enamelled wire": "enamelled wire",
    "copper foil": "copper foil",
    "copper tube": "copper tube",
    "copper plate, sheet and strip": "copper plate, sheet and strip",
    "copper plate/sheet and strip": "copper plate, sheet and strip",
    # SMM's older surveys counted foil with plate, sheet and strip: the same series
    "copper plate, sheet, strip and foil": "copper plate, sheet and strip",
    "copper plate, sheet, strip, and foil": "copper plate, sheet and strip",
    "copper plate and strip": "copper plate, sheet and strip",
    "brass rod": "brass rod",
    "brass billet": "brass billet",
    # SMM's English names brass billet (the rod extruded or cast from brass) "copper billet" too
    "copper billet": "brass billet",
    "recycled lead": "secondary lead",
    # machine translations' words for it: "SMM renewable lead smelters", "reclaimed lead smelter"
    "renewable lead": "secondary lead",
    "reclaimed lead": "secondary lead",
    "secondary lead": "secondary lead",
    "recycled lead refinery": "secondary lead",
    "primary lead": "primary lead",
    # "The operating rates of refined lead in Yunnan were flat": the primary smelters' product
    "refined lead": "primary lead",
    # "the operating rates of refined tin smelters in Yunnan and Jiangxi"
    "refined tin": "tin smelting",
    "tin smelter": "tin smelting",
    "tin smelting": "tin smelting",
    # "the operating rates of zinc smelters", "utilization rate at 46 major domestic zinc
    # smelters": a metal's own smelters
    "zinc": "zinc smelting",
    "refined zinc": "zinc smelting",
    "zinc smelter": "zinc smelting",
    "copper smelter": "copper smelting",
    # "the average operating rate at scrap copper smelters": smelters fed on scrap
    "scrap copper smelter": "secondary copper smelting",
    "secondary copper smelter": "secondary copper smelting",
    "copper smelting": "copper smelting",
    "zinc smelting": "zinc smelting",
    "lead-acid battery": "lead-acid battery",
    "lead acid battery": "lead-acid battery",
    "lead battery": "lead-acid battery",
    "zinc die-casting alloy": "die-casting zinc alloy",
    "die-casting zinc alloy": "die-casting zinc alloy",
    "zinc die-casting": "die-casting zinc alloy",
    "zinc alloy": "die-casting zinc alloy",
    "die-casting zinc": "die-casting zinc alloy",
    "zinc oxide": "zinc oxide",
    "galvanising": "galvanising",
    "zinc galvanising": "galvanising",
    "hot-dip galvanising": "galvanising",
    "alumina": "alumina",
    "alumina refinery": "alumina",
    "bauxite": "bauxite",
    "industrial silicon": "silicon",
    "silicon metal": "silicon",
    "silicon": "silicon",
    "polysilicon": "polysilicon",
    # the silicone monomer plants that turn #421 silicon into DMC: "domestic silicone production
    # in May ..., with the operating rate rising to 62.37%", "DMC production ..., with operating
    # rates exceeding 70%"
    "silicone": "silicone",
    "silicone monomer": "silicone",
    "dmc": "silicone",
    "primary aluminium": "primary aluminium",
    "aluminium smelter": "primary aluminium",
    "lithium salt": "lithium salt",
    "lithium carbonate": "lithium carbonate",
    "lithium hydroxide": "lithium hydroxide",
    "lithium iron phosphate": "lithium iron phosphate",
    "ternary cathode": "ternary cathode",
    # "operating rates at EMM producers"
    "electrolytic manganese": "electrolytic manganese",
    "emm": "electrolytic manganese",
    "nickel sulphate": "nickel sulphate",
    "cobalt sulphate": "cobalt sulphate",
    "tin solder": "tin solder",
    "solder": "tin solder",
    "magnesium": "magnesium",
    # "the average operating rate at 110 blast furnace-based steel mills": steel made by the
    # blast furnace route, a segment of steel
    "blast furnace-based steel": "steel (blast furnace)",
    "blast furnace steel": "steel (blast furnace)",
    "pv aluminium frame": "pv aluminium frame",
    # "total output of domestic prebaked anodes ..., and the industry average operating rates
    # came in at about 74.8%"; the survey splits merchant plants from smelters' own
    "prebaked anode": "prebaked anode",
    "pre-baked anode": "prebaked anode",
    "commercial prebaked anode": "prebaked anode (commercial)",
    "supporting anode": "prebaked anode (supporting)",
    "supporting anodes": "prebaked anode (supporting)",
    "supporting prebaked anode": "prebaked anode (supporting)",
    # "The operating rate of the APT industry in October was around 70.4%": tungsten's smelting
    # to its intermediate, named by its product
    "apt": "ammonium paratungstate",
    "ammonium paratungstate": "ammonium paratungstate",
}
# Known industry names as word tuples, for finding them anywhere in a clause.
_INDUSTRY_WORDS: dict[tuple[str, ...], str] = {}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9#]+(?:[-'’][a-z0-9]+)*|[/,&]", text.lower())


def _key(words: list[str]) -> str:
    text = " ".join(words)
    return re.sub(r"\s+([,/])", r"\1", re.sub(r"([/])\s+", r"\1", text)).replace(" ,", ",")


for _alias, _name in INDUSTRY_ALIASES.items():
    _INDUSTRY_WORDS[tuple(_words(_alias))] = _name


@dataclass(frozen=True, slots=True)
class Named:
    """What a phrase names: a subject, and the region and size group it carries, if any."""

    subject: str | None
    region: str | None = None
    group: str | None = None  # a size group: "large enterprises"
    known: bool = False  # the name is in the vocabulary (not only normalised)

    def with_group(self) -> str | None:
        if self.subject is None:
            return None
        return f"{self.subject} ({self.group})" if self.group else self.subject


def _singular(words: list[str]) -> list[str]:
    return [_PLURALS.get(word, word) for word in words]


# Names looked up while one article is read: its sentences ask about the same phrases many times.
# The memo lives only while that article is read (``article_memo``); nothing is kept between
# articles, so a long-lived daemon's memory does not grow with what it has read.
_MEMO: ContextVar[dict[tuple[str, str], object] | None] = ContextVar("names_memo", default=None)


@contextmanager
def article_memo() -> Iterator[None]:
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


_T = TypeVar("_T")


def _remembered(kind: str, text: str, compute: Callable[[str], _T]) -> _T:
    memo = _MEMO.get()
    if memo is None:
        return compute(text)
    key = (kind, text)
    if key not in memo:
        memo[key] = compute(text)
    return cast(_T, memo[key])


_FED_BY = re.compile(rf"\busing\s+(?P<feed>{'|'.join(sorted(FEEDS, key=len, reverse=True))})\b")


def industry(phrase: str) -> Named:
    """The industry a noun phrase names (remembered while one article is read)."""
    return _remembered("industry", phrase, _industry)


def _industry(phrase: str) -> Named:
    """The industry a noun phrase names: "leading domestic aluminum extrusion enterprises" ->
    aluminium extrusion; "Jiangsu recycled lead license smelter" -> secondary lead in Jiangsu;
    "large smelters" -> no subject, the size group "large enterprises"."""
    text = phrase.lower().replace("’", "'")
    # "By segment, only the primary aluminium alloy sector ...": the lead-in names no industry
    text = re.sub(r"^\s*by\s+(?:segment|sector|size|region|product|field)s?\s*,\s*", "", text)
    group = None
    if _SMALL_AND_MEDIUM.search(text):
        group = "small and medium enterprises"
        text = _SMALL_AND_MEDIUM.sub(" ", text)
    text = _SAMPLE_SIZE.sub(" ", text)
    text = _SAMPLE_PLACES.sub(" ", text)
    region, text = take_region(text)
    fed = _FED_BY.search(text)
    if fed is not None:
        text = text[: fed.start()] + text[fed.end() :]
    words = british(_singular(_words(text)))
    if region is not None and words[:1] == ["s"]:
        words = words[1:]  # "Shandong's weekly operating rate": the place's possessive
    # "manufacturers of zinc die-casting alloy": the industry follows "of".
    for index, word in enumerate(words[:-1]):
        if word in _FIRM_WORDS and words[index + 1] == "of":
            words = words[index + 2 :]
            break
        if word in _FIRM_WORDS and words[index + 1 : index + 3] in (
            ["that", "produce"],
            ["that", "make"],
            ["which", "produce"],
        ):
            # "manufacturers that produce copper rods with copper scrap": the product named
            words = words[index + 3 :]
            break
    kept = []
    for word in words:
        if word.endswith(("'s", "'")) and word.rstrip("'s").rstrip("'") in _FIRM_WORDS:
            continue  # "the construction aluminium extrusion sector's operating rate"
        if word in _DROPPED_MODIFIERS or word in _FIRM_WORDS or word == "'s":
            continue
        if word.replace(",", "").isdigit():
            continue  # "at 46 major domestic zinc smelters": how many were surveyed
        if word in _SIZE_WORDS and group is None:
            group = _SIZE_WORDS[word]
            continue
        if word.endswith("'s") or word.endswith("'"):
            word = word.rstrip("'s").rstrip("'")
        kept.append(word)
    while kept and kept[-1] in {"of", "and", "in", ",", "/", "&", "for"}:
        kept.pop()
    while kept and kept[0] in {"of", "and", ",", "/", "&", "for", "in"}:
        kept.pop(0)
    if not kept:
        return Named(None, region, group)
    key = _key(kept)
    known = INDUSTRY_ALIASES.get(key)
    if fed is not None:
        # "copper anode producers using ore": the segment fed by it, `copper anode (ore-fed)`
        feed = fed.group("feed").rstrip("s")
        return Named(f"{known or key} ({feed}-fed)", region, group, known=known is not None)
    if known is not None:
        return Named(known, region, group, known=True)
    return Named(key, region, group)


def known_industries(folded: str) -> list[tuple[int, int, str]]:
    """Every vocabulary industry named in folded text: (start, end, name), longest first."""
    found: list[tuple[int, int, str]] = []
    for match in _INDUSTRY_PATTERN.finditer(folded):
        words = tuple(british(_singular(_words(match.group(0)))))
        name = _INDUSTRY_WORDS.get(words)
        if name is not None:
            found.append((match.start(), match.end(), name))
    return found


_PUNCTUATION = frozenset({"/", ",", "&"})


def _word_pattern(word: str) -> str:
    """One word of an alias as the text may spell it (American spellings, a plural)."""
    if word in _PUNCTUATION:
        return r"\s*" + re.escape(word) + r"\s*"
    spelled = re.escape(word).replace(r"\#", "#")
    if word == "aluminium":
        spelled = "alumini?um"
    elif word == "galvanising":
        spelled = "galvani[sz]ing"
    elif word == "enamelled":
        spelled = "enamell?ed"
    elif word == "sulphate":
        spelled = "sul(?:ph|f)ate"
    elif word.isdigit():
        return spelled + "%?"  # a grade by content: "75 ferrosilicon" is "75% ferrosilicon"
    if len(word) > 2 and word[-1] == "y" and word[-2] not in "aeiou":
        return spelled[:-1] + "(?:y|ies)"  # "scrap e-bike lead-acid batteries"
    return spelled + "s?"


_END = ""  # marks a word sequence that is a whole alias


def _alias_trie_pattern(aliases: Iterable[tuple[str, ...]]) -> str:
    """One pattern for every alias, its words shared as a tree ("aluminium" / "aluminium
    scrap" / "aluminium scrap (baled ubc)" try "aluminium" once): with hundreds of aliases, a
    flat alternation is tried alias by alias at every position of every sentence. Longer
    continuations are tried first, so the longest alias written wins, as it should."""
    trie: dict[str, Any] = {}
    for words in aliases:
        node = trie
        for word in words:
            node = node.setdefault(word, {})
        node[_END] = {}

    def branches(node: dict[str, Any], after: str | None) -> str:
        options = []
        for word in sorted((w for w in node if w != _END), key=lambda w: (-len(w), w)):
            joined = after is not None and after not in _PUNCTUATION and word not in _PUNCTUATION
            options.append(
                (r"[\s-]+" if joined else "") + _word_pattern(word) + tail(node[word], word)
            )
        return "(?:" + "|".join(options) + ")"

    def tail(node: dict[str, Any], word: str) -> str:
        if set(node) == {_END}:
            return ""
        more = branches(node, word)
        return more + "?" if _END in node else more

    return branches(trie, None)


_INDUSTRY_PATTERN = re.compile(
    r"(?<![a-z0-9])" + _alias_trie_pattern(w for w in _INDUSTRY_WORDS if w) + r"(?![a-z0-9])"
)

# -- regions and venues ----------------------------------------------------------------------------

PROVINCES = (
    "anhui beijing chongqing fujian gansu guangdong guangxi guizhou hainan hebei heilongjiang"
    " henan hubei hunan jiangsu jiangxi jilin liaoning ningxia qinghai shaanxi shandong shanghai"
    " shanxi sichuan tianjin xinjiang tibet yunnan zhejiang"
).split()
PLACES = (
    "inner mongolia",
    "the east",
    "east china",
    "south china",
    "north china",
    "central china",
    "southwest china",
    "northwest china",
    "northeast china",
    # "In north-west China, ...": the same regions, hyphenated
    "north-west china",
    "south-west china",
    "north-east china",
    "foshan",
    "wuxi",
    "gongyi",
    "linyi",
    "changzhou",
    "ningbo",
    "bayuquan",
    "lianyungang",
    "qingdao",
    "rizhao",
    "fangchenggang",
    "yantai",
    "longkou",
    "tianjin port",
    "lanzhou",
    "baotou",
    "xinjiang",
    "yunnan",
    "nanhai",
    "huzhou",
    "hangzhou",
    "shenzhen",
    "guangzhou",
    "nanjing",
    "suzhou",
    "jinan",
    "zhengzhou",
    "luoyang",
    "xinxiang",
    "yongkang",
    "ningjin",
    "chengdu",
    "shenyang",
    "nanchang",
    "fugu",
    "wenxi",
    "wutai",
    "xiaoyi",
    "sanmenxia",
    "huangpu",
    "tangshan",  # Hebei's steel city, where billet is quoted
    "chenzhou",  # Hunan's lead and zinc smelting city
    "the south",
    "the north",
    "the southwest",
    "the northwest",
    # "low-sulphur petroleum coke prices in the northeast region range from ..."
    "the northeast region",
    "the northwest region",
    "the north-east region",
    "the north-west region",
)
# Places written otherwise: provinces as two syllables ("Shan Dong reported RMB 3,250-3,350 per
# tonne"), and the sites' misprints "Mainstream traded prices at Huangput port" and "In Guizhou
# and Guanxi, the average alumina price".
_SPACED_PROVINCES = {
    "huangput": "huangpu",
    "guanxi": "guangxi",
    "shan dong": "shandong",
    "shan xi": "shanxi",
    "he nan": "henan",
    "he bei": "hebei",
    "guang xi": "guangxi",
    "guang dong": "guangdong",
    "gui zhou": "guizhou",
    "yun nan": "yunnan",
    "jiang su": "jiangsu",
    "zhe jiang": "zhejiang",
}
_PLACE_PATTERN = re.compile(
    r"(?<![a-z])("
    + "|".join(
        re.escape(place)
        for place in sorted((*PLACES, *PROVINCES, *_SPACED_PROVINCES), key=len, reverse=True)
    )
    + r")(?:\s+province)?(?![a-z])"
    # "the north-west China sample": not "the north"
    r"(?<!the north(?=-))(?<!the south(?=-))(?<!the east(?=-))"
)
_FOB = re.compile(
    # ("the FOB alumina price in Western Australia was $348/mt")
    r"\bfob\s+(?:alumina\s+)?(?:price\s+(?:for|of|in)\s+)?((?:western\s+)?australia(?:n)?|bunbury|kendawangan"
    r"|indonesia|india|vietnam|brazil|jamaica|guinea|china|philippines)\b"
    # "the FOB price of Indonesian MHP nickel": the origin as the product's adjective
    r"|\bfob\s+prices?\s+(?:for|of)\s+(?:the\s+)?(indonesian|philippine)\b"
)
_CIF = re.compile(r"\bcif\b")
# "Sulfur (CIF Indonesia) Price": a landed quote in a named country other than China
# (also "CIF west coast India", "CIF western coast of India": a port coast of the country)
_CIF_ABROAD = re.compile(
    r"\bcif\s+(?:(?:the\s+)?west(?:ern)?\s+coast(?:\s+of)?\s+)?"
    r"(indonesia|india|japan|korea|south\s+korea|vietnam|taiwan)\b"
)


def _title(place: str) -> str:
    place = _SPACED_PROVINCES.get(place, place)
    if place.startswith("the "):
        # "Spot discounts were heard at 40-30 yuan/mt in the east"; "In the south and north"
        quarter = re.sub(r"\b(north|south)-(west|east)\b", r"\1\2", place[4:])
        return f"{quarter.removesuffix(' region').capitalize()} China"
    place = re.sub(r"\b(north|south)-(west|east)\b", r"\1\2", place)
    return " ".join(word.capitalize() for word in place.split())


_ORIGIN_FOB = re.compile(
    r"\b(western\s+australia(?:n)?|australia(?:n)?|indonesia(?:n)?|india(?:n)?|brazil(?:ian)?"
    r"|vietnam(?:ese)?|jamaica(?:n)?)\b(?=.*\bfob\b)"
)


_ORIGINS = {
    "western australia": "western australia",
    "western australian": "western australia",
    # SMM's Australian FOB quote is the Western Australia one.
    "australia": "western australia",
    "australian": "western australia",
    "indonesia": "indonesia",
    "indonesian": "indonesia",
    "india": "india",
    "indian": "india",
    "brazil": "brazil",
    "brazilian": "brazil",
    "vietnam": "vietnam",
    "vietnamese": "vietnam",
    "jamaica": "jamaica",
    "jamaican": "jamaica",
    "philippine": "philippines",
}


def _fob_region(match: re.Match[str]) -> str:
    origin = _origin(match.group(1) or match.group(2))
    origin = "western australia" if origin == "bunbury" else origin
    return f"FOB {_title(origin)}"


def _origin(word: str) -> str:
    return _ORIGINS.get(" ".join(word.split()), word)


# (also "as of 15:00 Beijing time": a clock, not a market)
_NOT_PLACES = re.compile(
    r"shanghai\s+(?:metals?\s+market|futures\s+exchange|non-?ferrous|composite)|\bbeijing\s+time\b"
)


def listed_regions(folded: str) -> list[str]:
    """The places of a list ("Jiangsu, Anhui and Henan provinces"), when a phrase lists two or
    more; else nothing. A list is a survey's scope or a "respectively", never one region."""
    found = [place for *_, place in _region_list(folded)]
    if not found:
        # "in East, Central, and North China markets": each quarter of China the list names
        quarters = _CHINA_LIST.search(folded)
        if quarters is not None:
            found = [
                f"{word.capitalize()} China"
                for word in re.findall(rf"\b(?:{_QUARTER})\b", quarters.group(0))
            ]
    if not found:
        compass = _COMPASS_LIST.search(folded)
        if compass is not None:
            found = [f"{word.capitalize()} China" for word in _COMPASS.findall(compass.group(0))]
    if not found:
        pair = _CHINA_PAIR.search(folded)
        if pair is not None:
            found = [f"{pair.group(1).capitalize()} China", f"{pair.group(2).capitalize()} China"]
    return found


_QUARTER = r"(?:south|north)(?:east|west)|east|south|north|west|central"
# "In east and north China, ...", "in southwest and south China": two regions of China.
_CHINA_PAIR = re.compile(rf"\b({_QUARTER})\s+and\s+({_QUARTER})\s+china\b")
_CHINA_LIST = re.compile(
    rf"\b(?:{_QUARTER})(?:\s*,\s*(?:{_QUARTER}))+\s*,?\s*and\s+(?:{_QUARTER})\s+china\b"
)


_COMPASS = re.compile(r"\b(east|south|north|west|central)\b")
# "in the south and north", "other markets of east, central, and south"
_COMPASS_LIST = re.compile(
    r"\b(?:the\s+)?(?:east|south|north|west|central)(?:\s*(?:,\s*and|,|and)\s*(?:the\s+)?"
    r"(?:east|south|north|west|central)\b)+(?!\s+(?:of|china)\b)"
)


def _region_list(folded: str) -> list[tuple[int, int, str]]:
    best: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []
    for found in _PLACE_PATTERN.finditer(folded):
        place = (found.start(), found.end(), _title(found.group(1)))
        if run and not _LIST_JOIN.fullmatch(folded[run[-1][1] : place[0]]):
            run = []
        run.append(place)
        if len(run) > len(best):
            best = list(run)
    return best if len(best) > 1 else []


# (Mysteel's "in Shandong and Henan provinces and in the Guangxi autonomous region": the
# provinces' word, and a region of another kind joined with "in the")
_LIST_JOIN = re.compile(
    r"\s*(?:(?:provinces|regions)\s*)?(?:,|and|&|,\s*and)\s*(?:in\s+)?(?:the\s+)?"
)


def take_region(folded: str) -> tuple[str | None, str]:
    """The region a phrase names, and the phrase without it (without all of a list's)."""
    listed = _region_list(folded)
    if listed:
        start, end = listed[0][0], listed[-1][1]
        before = re.search(r"\b(?:in|across|at|from)\s+$", folded[:start])
        after = re.match(r"\s+(?:provinces|regions|cities)\b", folded[end:])
        start = before.start() if before else start
        end = end + after.end() if after else end
        return None, folded[:start] + " " + folded[end:]
    fob = _FOB.search(folded)
    if fob is not None:
        return _fob_region(fob), folded[: fob.start()] + folded[fob.end() :]
    match = _PLACE_PATTERN.search(folded)
    if match is None:
        return None, folded
    return _title(match.group(1)), folded[: match.start()] + folded[match.end() :]


def regions(folded: str) -> list[tuple[int, int, str]]:
    """Every region named in folded text, with where it is."""
    if "shanghai" in folded or "beijing" in folded:
        folded = _NOT_PLACES.sub(lambda m: " " * len(m.group(0)), folded)
    found = []
    for match in _FOB.finditer(folded):
        found.append((match.start(), match.end(), _fob_region(match)))
    if "cif" in folded:
        for match in _CIF_ABROAD.finditer(folded):
            found.append((match.start(), match.end(), f"CIF {_title(match.group(1))}"))
    if not found and "fob" in folded:
        origin_match = _ORIGIN_FOB.search(folded)
        if origin_match is not None:
            origin = _origin(origin_match.group(1))
            found.append((origin_match.start(), origin_match.end(), f"FOB {_title(origin)}"))
    for match in _PLACE_PATTERN.finditer(folded):
        if any(start <= match.start() < end for start, end, _ in found):
            continue
        found.append((match.start(), match.end(), _title(match.group(1))))
    if "-" in folded:
        for match in _PRODUCT_DASH_REGION.finditer(folded):
            found.append((match.start(1), match.end(1), f"{_title(match.group(1))} China"))
    return sorted(found)


# AL Circle's "the average price of Alumina-North": SMM's regional series, named with a dash
_PRODUCT_DASH_REGION = re.compile(r"\b(?:alumina|aluminium|bauxite)-(north|south|east|central)\b")


def is_cif(folded: str) -> bool:
    return "cif" in folded and _CIF.search(folded) is not None


def is_seaborne(region: str) -> bool:
    """Whether a region is a seaborne quote's terms ("FOB China", "CIF Japan"), not a place."""
    return region.startswith(("FOB ", "CIF "))


# -- products (prices) -----------------------------------------------------------------------------

# Phrase (lower case, British) -> product. Longest phrases win. A grade or form of a product is a
# qualifier in parentheses and never folds into the base metal.
_NAMED_PRODUCTS: Mapping[str, str] = {
    "a00 aluminium": "aluminium",
    "a00 spot aluminium": "aluminium",
    "a00": "aluminium",
    "spot aluminium": "aluminium",
    "primary aluminium": "aluminium",
    "aluminium ingot": "aluminium",
    "aluminium": "aluminium",
    "low-carbon aluminium": "aluminium (low-carbon)",
    "green aluminium": "aluminium (low-carbon)",
    "adc12": "adc12",
    "adc 12": "adc12",
    # "the spread for SMM ADC12 spot aluminum against the most-traded cast aluminum alloy
    # contract": ADC12's spot price, not primary aluminium's
    "adc12 spot aluminium": "adc12",
    "a380": "aluminium alloy (a380)",
    "a356": "aluminium alloy (a356)",
    "alsi9cu3": "alsi9cu3",
    "cast aluminium alloy": "cast aluminium alloy",
    "aluminium alloy": "aluminium alloy",
    # SMM's secondary aluminium alloy price is its ADC12 quote
    "secondary aluminium alloy": "adc12",
    "secondary aluminium": "adc12",
    "recycled aluminium alloy": "adc12",
    # "the mainstream large-scale recycled aluminum enterprises offer stable, concentrated at"
    "recycled aluminium": "adc12",
    "aluminium scrap": "aluminium scrap",
    "scrap aluminium": "aluminium scrap",
    "baled ubc": "aluminium scrap (baled ubc)",
    "baled ubc aluminium scrap": "aluminium scrap (baled ubc)",
    "ubc": "aluminium scrap (ubc)",
    "ubc aluminium scrap": "aluminium scrap (ubc)",
    "used beverage can": "aluminium scrap (ubc)",
    "shredded aluminium tense scrap": "aluminium scrap (shredded tense)",
    "shredded aluminium tensile scrap": "aluminium scrap (shredded tense)",
    "aluminium tensile scrap": "aluminium scrap (shredded tense)",
    "scrap wheel hub": "aluminium scrap (wheel hub)",
    "wheel hub scrap": "aluminium scrap (wheel hub)",
    "aluminium wheel hub scrap": "aluminium scrap (wheel hub)",
    # "shredded aluminum tense scrap ... and wheel hubs (both car and motorcycle) remained
    # unchanged WoW" in a scrap round-up
    "wheel hubs": "aluminium scrap (wheel hub)",
    "wheel hub": "aluminium scrap (wheel hub)",
    "shredded aluminium scrap": "aluminium scrap (shredded)",
    "baled aluminium scrap": "aluminium scrap (baled)",
    "shredded aluminium tense": "aluminium scrap (shredded tense)",
    # SMM's tense scrap quote is for shredded tense scrap, however it is written
    "aluminium tense scrap": "aluminium scrap (shredded tense)",
    # "Tense scrap stayed tight and firm" in an aluminium scrap review
    "tense scrap": "aluminium scrap (shredded tense)",
    "mechanical casting aluminium scrap": "aluminium scrap (mechanical casting)",
    "machinery aluminium scrap": "aluminium scrap (mechanical casting)",
    # SMM's "machine-made aluminum tense scrap": cast (tense) scrap from machinery
    "machine-made aluminium tense scrap": "aluminium scrap (mechanical casting)",
    "machine-made tense scrap": "aluminium scrap (mechanical casting)",
    "mechanical casting aluminium": "aluminium scrap (mechanical casting)",
    "bare bright aluminium wire": "aluminium scrap (bare bright wire)",
    "bare bright aluminium": "aluminium scrap (bare bright wire)",
    "mixed aluminium extrusion scrap": "aluminium scrap (mixed extrusion)",
    "aluminium extrusion scrap": "aluminium scrap (extrusion)",
    "copper": "copper",
    "copper cathode": "copper",
    "#1 copper cathode": "copper",
    "#1 copper": "copper",
    "1# copper": "copper",
    "refined copper": "copper",
    "electrolytic copper": "copper",
    "spot copper": "copper",
    "primary copper": "copper",
    # the INE's bonded copper contract, priced without VAT: a market of its own
    "international copper": "copper (bc)",
    "bc copper": "copper (bc)",
    "copper scrap": "copper scrap",
    "scrap copper": "copper scrap",
    # a machine translation's "waste" for scrap ("the price of all kinds of waste aluminum")
    "waste copper": "copper scrap",
    "waste aluminium": "aluminium scrap",
    "secondary copper raw material": "copper scrap",
    "recycled copper raw material": "copper scrap",
    "secondary copper": "copper scrap",
    "bare bright copper": "copper scrap (bare bright)",
    "#1 bare bright copper": "copper scrap (bare bright)",
    "#1 copper scrap": "copper scrap (#1)",
    "#2 copper scrap": "copper scrap (#2)",
    "brass scrap": "brass scrap",
    "us brass": "brass scrap",  # the imported scrap grade ("The coefficient for US brass ...")
    "copper cathode rod": "copper cathode rod",
    "secondary copper rod": "secondary copper rod",
    "alumina": "alumina",
    "metallurgical-grade alumina": "alumina",
    "bauxite": "bauxite",
    "zinc": "zinc",
    "zinc ingot": "zinc",
    "#0 zinc": "zinc",
    "0# zinc": "zinc",
    "refined zinc": "zinc",
    "lead": "lead",
    "#1 lead": "lead",
    "1# lead": "lead",
    "lead ingot": "lead",
    "refined lead": "lead",
    "primary lead": "lead",
    "secondary lead": "secondary lead",
    "recycled lead": "secondary lead",
    "refined secondary lead": "refined secondary lead",
    "recycled refined lead": "refined secondary lead",
    "secondary refined lead": "refined secondary lead",
    "scrap lead-acid battery": "scrap lead-acid battery",
    "scrap battery": "scrap lead-acid battery",
    # SMM's machine-translated dailies of 2019-2020: "electric waste battery to the factory
    # price ..., automobile big white ..." (cars' white-cased batteries)
    "electric waste battery": "scrap lead-acid battery (e-bike)",
    "automobile big white": "scrap lead-acid battery (car)",
    "automobile white": "scrap lead-acid battery (car)",
    "car white": "scrap lead-acid battery (car)",
    # SMM quotes scrap batteries from e-bikes ("electric vehicles" in its older English) apart
    # from those of cars: the grade is kept
    "scrap e-bike lead-acid battery": "scrap lead-acid battery (e-bike)",
    "e-bike lead-acid battery scrap": "scrap lead-acid battery (e-bike)",
    "e-bike battery scrap": "scrap lead-acid battery (e-bike)",
    "electric vehicle battery scrap": "scrap lead-acid battery (e-bike)",
    # what secondary smelters pour from battery paste before refining it
    "secondary crude lead": "secondary crude lead",
    "crude lead": "secondary crude lead",
    # crude lead shipped in from abroad, quoted apart against the SMM #1 lead average
    "imported crude lead": "secondary crude lead (imported)",
    "imported secondary crude lead": "secondary crude lead (imported)",
    "japanese crude lead": "secondary crude lead (imported)",
    "russian crude lead": "secondary crude lead (imported)",
    "overseas crude lead": "secondary crude lead (imported)",
    "nickel": "nickel",
    "refined nickel": "nickel",
    "#1 refined nickel": "nickel",
    "nickel sulphate": "nickel sulphate",
    "zinc oxide": "zinc oxide",
    "high-grade npi": "nickel pig iron (high-grade)",
    "nickel pig iron": "nickel pig iron",
    "tin": "tin",
    "tin ingot": "tin",
    "refined tin": "tin",
    "#1 tin": "tin",
    "cobalt": "cobalt",
    "electrolytic cobalt": "cobalt",
    "cobalt sulphate": "cobalt sulphate",
    "cobalt tetroxide": "cobalt tetroxide",
    "tricobalt tetroxide": "cobalt tetroxide",
    # SMM's English calls Co3O4 "cobalt oxide" too; LCO is a cathode material of its own
    "co3o4": "cobalt tetroxide",
    "cobalt oxide": "cobalt tetroxide",
    "lithium cobalt oxide": "lithium cobalt oxide",
    "lco": "lithium cobalt oxide",
    "tricobalt tetraoxide": "cobalt tetroxide",
    "cobalt tetraoxide": "cobalt tetroxide",
    "cobalt chloride": "cobalt chloride",
    "cobalt intermediate": "cobalt intermediate",
    "cobalt hydroxide": "cobalt hydroxide",
    "lithium carbonate": "lithium carbonate",
    "battery-grade lithium carbonate": "lithium carbonate (battery-grade)",
    "battery grade lithium carbonate": "lithium carbonate (battery-grade)",
    "industrial grade lithium carbonate": "lithium carbonate (industrial-grade)",
    "industrial grade-0 lithium carbonate": "lithium carbonate (industrial-grade)",
    "industrial-grade lithium carbonate": "lithium carbonate (industrial-grade)",
    "lithium hydroxide": "lithium hydroxide",
    "battery-grade lithium hydroxide": "lithium hydroxide (battery-grade)",
    "battery-grade lithium hydroxide coarse particle": (
        "lithium hydroxide (battery-grade, coarse particle)"
    ),
    "battery-grade lithium hydroxide micropowder": "lithium hydroxide (battery-grade, micropowder)",
    "lithium hydroxide coarse particle": "lithium hydroxide (coarse particle)",
    "lithium hydroxide micropowder": "lithium hydroxide (micropowder)",
    "lithium metal": "lithium metal",
    # SMM's yuan average of lithium carbonate landed from abroad, a series of its own
    "imported lithium carbonate": "lithium carbonate (imported)",
    # Cathode materials: LFP ("lithium iron phosphate", "LFP material"), and the black mass
    # recycled from LFP batteries, which is quoted per lithium point and is not LFP's price
    "lithium iron phosphate": "lithium iron phosphate",
    "lfp": "lithium iron phosphate",
    "lfp material": "lithium iron phosphate",
    "lfp cathode material": "lithium iron phosphate",
    "lfp black mass": "black mass (lfp)",
    "lfp pole piece black mass": "black mass (lfp, pole piece)",
    "lfp battery black mass": "black mass (lfp, battery)",
    "lfp cathode black mass": "black mass (lfp, cathode)",
    "cobalt monoxide": "cobalt monoxide",
    # Electrolyte salt, and the anode side: graphite by grade, and the cokes it is made from
    "lithium hexafluorophosphate": "lithium hexafluorophosphate",
    "lipf6": "lithium hexafluorophosphate",
    "artificial graphite": "artificial graphite",
    "high-end artificial graphite": "artificial graphite (high-end)",
    "mid-end artificial graphite": "artificial graphite (mid-end)",
    "low-end artificial graphite": "artificial graphite (low-end)",
    "natural graphite": "natural graphite",
    "high-end natural graphite": "natural graphite (high-end)",
    "mid-end natural graphite": "natural graphite (mid-end)",
    "low-end natural graphite": "natural graphite (low-end)",
    "petroleum coke": "petroleum coke",
    # an auxiliary material of MHP (acid leaching burns it), quoted CIF Indonesia in USD/t
    "sulphur": "sulphur",
    "sulfur": "sulphur",
    "low-sulphur petroleum coke": "petroleum coke (low-sulphur)",
    "high-sulphur petroleum coke": "petroleum coke (high-sulphur)",
    # SMM's anode notes shorten it: "the average price of low-sulphur coke in north-east China"
    "low-sulphur coke": "petroleum coke (low-sulphur)",
    "high-sulphur coke": "petroleum coke (high-sulphur)",
    "calcined petroleum coke": "calcined petroleum coke",
    # the independent (Shandong) refiners' coke, whose average SMM's anode reviews give beside
    # the state refiners' quotes: "the average price of local refinery petroleum coke"
    "local refinery petroleum coke": "petroleum coke (local refinery)",
    # "Local refineries fared no better ... The current average price is approximately 2,498
    # yuan/mt": in SMM's coke and anode reviews the local refineries stand for their coke
    "local refinery": "petroleum coke (local refinery)",
    # the anode's binder, quoted beside the coke in the same reviews
    "coal tar pitch": "coal tar pitch",
    "modified coal tar pitch": "coal tar pitch (modified)",
    # smelters' by-product acid, whose price SMM tracks by region
    "sulphuric acid": "sulphuric acid",
    "sulfuric acid": "sulphuric acid",
    "smelting acid": "sulphuric acid",
    "needle coke": "needle coke",
    # Cells are priced per watt-hour, never per tonne, and are not their cathode's price
    "lfp battery cell": "lfp battery cell",
    "lfp cell": "lfp battery cell",
    "sodium battery cell": "sodium battery cell",
    "sodium-ion battery cell": "sodium battery cell",
    "nickel briquette": "nickel briquette",
    # Nickel intermediates are priced per tonne of the metal they hold ("$15,887/mt Ni"); MHP's
    # price without an element is its nickel's.
    "mhp": "mhp (nickel)",
    "mhp nickel": "mhp (nickel)",
    "mhp cobalt": "mhp (cobalt)",
    "mixed hydroxide precipitate": "mhp (nickel)",
    "nickel matte": "nickel matte",
    # Laterite nickel ore, by origin (its grade, "NI1.3%", is read beside it)
    "nickel ore": "nickel ore",
    "laterite nickel ore": "nickel ore",
    "nickel laterite ore": "nickel ore",
    "philippine nickel ore": "nickel ore (philippines)",
    "philippine laterite nickel ore": "nickel ore (philippines)",
    "philippines laterite nickel ore": "nickel ore (philippines)",
    "indonesian nickel ore": "nickel ore (indonesia)",
    "indonesian laterite nickel ore": "nickel ore (indonesia)",
    "indonesian domestic laterite nickel ore": "nickel ore (indonesia)",
    "indonesian domestic nickel ore": "nickel ore (indonesia)",
    "indonesia's local laterite nickel ore": "nickel ore (indonesia)",
    "indonesia's local nickel ore": "nickel ore (indonesia)",
    "indonesian local laterite nickel ore": "nickel ore (indonesia)",
    "guinea bauxite": "bauxite (guinea)",
    "guinean bauxite": "bauxite (guinea)",
    "imported bauxite index": "bauxite (index)",
    # SMM quotes imported ore by origin and, over all origins, as its index: "imported bauxite
    # prices" with no origin are the index.
    "imported bauxite": "bauxite (index)",
    "malaysia bauxite": "bauxite (malaysia)",
    "malaysian bauxite": "bauxite (malaysia)",
    "australia bauxite": "bauxite (australia)",
    "australian bauxite": "bauxite (australia)",
    "bauxite index": "bauxite (index)",
    "alumina index": "alumina (index)",
    # SMM's "regional weighted index" is its alumina index's name in the weekly alumina review,
    # which may print no title naming alumina ("As of this Thursday, the SMM regional weighted
    # index stood at 5,408 yuan/mt")
    "regional weighted index": "alumina (index)",
    "australia low-temperature bauxite": "bauxite (australia, low-temperature)",
    "australian low-temperature bauxite": "bauxite (australia, low-temperature)",
    "australia high-temperature bauxite": "bauxite (australia, high-temperature)",
    "australian high-temperature bauxite": "bauxite (australia, high-temperature)",
    "aluminium fluoride": "aluminium fluoride",
    "al fluoride": "aluminium fluoride",
    # the other fluoride salt and the raw materials SMM's fluoride salt reviews quote beside it
    "cryolite": "cryolite",
    "fluorite": "fluorite",
    "fluorite powder": "fluorite",
    "97% fluorite powder": "fluorite (97%)",
    "97% fluorite": "fluorite (97%)",
    "97 per cent fluorite powder": "fluorite (97%)",
    "smm 97% fluorite powder": "fluorite (97%)",
    "aluminium hydroxide": "aluminium hydroxide",
    "metal lithium": "lithium metal",
    "spodumene": "spodumene",
    "spodumene concentrate": "spodumene",
    # spodumene concentrate of 6% Li2O, the grade seaborne ore is quoted in
    "sc6": "spodumene (6%)",
    "lepidolite": "lepidolite",
    "lepidolite concentrate": "lepidolite",
    # the ore market as a whole (spodumene and lepidolite), as SMM's weeklies report it
    "lithium ore": "lithium ore",
    "silicon": "silicon",
    "industrial silicon": "silicon",
    "silicon metal": "silicon",
    "polysilicon": "polysilicon",
    # silicone monomer, the chemical silicon grades are sold into, and two silicones made of it
    # that SMM's silicon-based PV minutes quote beside it ("D4: Offers were ...")
    "dmc": "dmc",
    "d4": "d4",
    "107 silicone rubber": "silicone rubber (107)",
    # the low-ash coal silicon plants reduce quartz with, quoted by size ("mixed coal",
    # "granular coal": SMM's silicon reviews name no other coal so)
    "silicon coal": "silicon coal",
    "mixed coal": "silicon coal (mixed)",
    "granular coal": "silicon coal (granular)",
    # "the ex-factory price of granular silicon coal in Ningxia", "mixed silicon coal in Gansu"
    "granular silicon coal": "silicon coal (granular)",
    "mixed silicon coal": "silicon coal (mixed)",
    # the same coals as the morning minutes word them: "Gansu silicon mixed coal", "silicon
    # blended coal", and the "pellet coal" listed after it
    "silicon mixed coal": "silicon coal (mixed)",
    "silicon blended coal": "silicon coal (mixed)",
    "blended coal": "silicon coal (mixed)",
    "pellet coal": "silicon coal (pellet)",
    # "the price of non-caking silicon coal in Xinjiang", beside caking coal
    "non-caking silicon coal": "silicon coal (non-caking)",
    "caking silicon coal": "silicon coal (caking)",
    "magnesium": "magnesium",
    "magnesium ingot": "magnesium",
    # Magnesium's raw materials, by the grade their markets quote.
    "dolomite": "dolomite",
    "prebaked anode": "prebaked anode",
    "pre-baked anode": "prebaked anode",
    "pre-bake anode": "prebaked anode",
    # "the average price of SMM prebaked anodes plunged 868 yuan/mt month-on-month in May"
    "prebaked anodes": "prebaked anode",
    "pre-baked anodes": "prebaked anode",
    # "SMM anode prices in east China closed at 4,832-8,017 yuan/mt": SMM's aluminium reports
    # shorten prebaked anodes to "anode"; battery anodes are always "anode material(s)"
    "smm anode": "prebaked anode",
    # quartz ore for silicon smelting, sold ex-mine by grade
    "silica": "silica",
    "high-grade silica": "silica (high-grade)",
    "low-grade silica": "silica (low-grade)",
    "1-3 grade dolomite": "dolomite (1-3 grade)",
    "2-4 grade dolomite": "dolomite (2-4 grade)",
    # "1-3 cm dolomite (Wutai)": the same sizes, in centimetres
    "1-3 cm dolomite": "dolomite (1-3 grade)",
    "2-4 cm dolomite": "dolomite (2-4 grade)",
    "magnesium alloy": "magnesium alloy",
    "ferrosilicon": "ferrosilicon",
    "75 ferrosilicon": "ferrosilicon (75)",
    "72 ferrosilicon": "ferrosilicon (72)",
    # the silicon content as a grade number ("75% ferrosilicon" matches the plain alias)
    "75# ferrosilicon": "ferrosilicon (75)",
    "72# ferrosilicon": "ferrosilicon (72)",
    "steel": "steel",
    # chromium's ferroalloy, priced per tonne of 50% metal content; imported by origin
    "ferrochrome": "ferrochrome",
    "high-carbon ferrochrome": "high-carbon ferrochrome",
    "high carbon ferrochrome": "high-carbon ferrochrome",
    # SMM's machine translations of 2020: "the ex-factory price of high carbon ferrochromium"
    "ferrochromium": "ferrochrome",
    "high-carbon ferrochromium": "high-carbon ferrochrome",
    "high carbon ferrochromium": "high-carbon ferrochrome",
    # "the mainstream quotation of natural blocks in Sichuan": Sichuan's lump ferrochrome, as
    # it comes from the furnace, quoted apart
    "natural block": "high-carbon ferrochrome (natural block)",
    "south african high-carbon ferrochrome": "high-carbon ferrochrome (south africa)",
    "kazakh high-carbon ferrochrome": "high-carbon ferrochrome (kazakhstan)",
    "kazakhstan high-carbon ferrochrome": "high-carbon ferrochrome (kazakhstan)",
    "kazakhstani high-carbon ferrochrome": "high-carbon ferrochrome (kazakhstan)",
    "indian high-carbon ferrochrome": "high-carbon ferrochrome (india)",
    "stainless steel": "stainless steel",
    # stainless steel's scrap, by grade: SMM quotes "304 off-cuts" in east China
    "stainless steel scrap": "stainless steel scrap",
    "304 off-cuts": "stainless steel scrap (304)",
    "304 offcuts": "stainless steel scrap (304)",
    "304 stainless steel scrap": "stainless steel scrap (304)",
    "304 stainless steel off-cuts": "stainless steel scrap (304)",
    "stainless steel cold-rolled coil": "stainless steel cold-rolled coil",
    "304 stainless steel cold-rolled coil": "stainless steel cold-rolled coil (304)",
    "304/2b stainless steel cold-rolled coil": "stainless steel cold-rolled coil (304)",
    # SMM's weekly spot notes name the grade's coils alone: "304 cold-rolled coil", "304 CRC",
    # "304 hot-rolled coil", "304 HRC"
    "304 cold-rolled coil": "stainless steel cold-rolled coil (304)",
    "304 cold-rolled": "stainless steel cold-rolled coil (304)",
    # the cost analyses' "The weekly average price of private 304 cold-rolled stainless steel"
    "304 cold-rolled stainless steel": "stainless steel cold-rolled coil (304)",
    "304 crc": "stainless steel cold-rolled coil (304)",
    "stainless steel hot-rolled coil": "stainless steel hot-rolled coil",
    "304 stainless steel hot-rolled coil": "stainless steel hot-rolled coil (304)",
    "304 hot-rolled coil": "stainless steel hot-rolled coil (304)",
    "304 hot-rolled": "stainless steel hot-rolled coil (304)",
    "304 hrc": "stainless steel hot-rolled coil (304)",
    "rebar": "rebar",
    "steel billet": "steel billet",
    # imported metal quoted at home against the same exchange ("Imported zinc prices were RMB
    # 70/mt below or RMB 20/mt above SHFE 1512 zinc contract prices")
    "imported zinc": "zinc (imported)",
    "imported #0 zinc": "zinc (imported)",  # "Spot premiums of imported #0 zinc were RMB 300/mt"
    "imported copper": "copper (imported)",
    "imported nickel": "nickel (imported)",
    "iron ore": "iron ore",
    # Minor metals and rare earths named otherwise than by element and form
    "emm": "electrolytic manganese",
    "electrolytic manganese": "electrolytic manganese",
    "electrolytic manganese metal": "electrolytic manganese",
    "electrolytic manganese flake": "electrolytic manganese",
    "manganese flake": "electrolytic manganese",
    "pr-nd": "praseodymium-neodymium oxide",
    "pr-nd oxide": "praseodymium-neodymium oxide",
    # SMM's "Pr-Nd alloy" and "Pr-Nd metal" are one product
    "pr-nd alloy": "praseodymium-neodymium metal",
    "pr-nd metal": "praseodymium-neodymium metal",
    "praseodymium-neodymium alloy": "praseodymium-neodymium metal",
    # cerium-rich mixed rare earth metal, an alloy of its own
    "cerium misch metal": "cerium misch metal",
    "misch metal": "cerium misch metal",
    # the same products under their other names: "didymium" is praseodymium-neodymium, the
    # elements may come the other way round, and a machine translation drops the hyphen
    "didymium oxide": "praseodymium-neodymium oxide",
    "didymium metal": "praseodymium-neodymium metal",
    "neodymium-praseodymium oxide": "praseodymium-neodymium oxide",
    "neodymium-praseodymium metal": "praseodymium-neodymium metal",
    "neodymium-praseodymium alloy": "praseodymium-neodymium metal",
    "praseodymium neodymium oxide": "praseodymium-neodymium oxide",
    # (and a translation's "praseodymium and neodymium oxide", one product, not two)
    "praseodymium and neodymium oxide": "praseodymium-neodymium oxide",
    "praseodymium neodymium metal": "praseodymium-neodymium metal",
    "praseodymium neodymium alloy": "praseodymium-neodymium metal",
    "rare earth carbonate": "rare earth carbonate",
    # SMM's dysprosium and gadolinium are also quoted as iron alloys, a form of their own
    "dysprosium-iron alloy": "dysprosium-iron alloy",
    "dysprosium iron alloy": "dysprosium-iron alloy",
    "dysprosium-ferrum alloy": "dysprosium-iron alloy",
    "dyfe": "dysprosium-iron alloy",
    "gadolinium-iron alloy": "gadolinium-iron alloy",
    "gadolinium iron alloy": "gadolinium-iron alloy",
    "monazite": "monazite",
    # zinc's ore, whose treatment charges are fees (no figure) but whose import loss is a spread
    # ("Imported minerals keep a loss of about 800-900 yuan per tonne")
    "zinc concentrate": "zinc concentrate",
    "imported zinc concentrate": "zinc concentrate (imported)",
    # SMM's "Imported Copper Concentrate Index" is a treatment charge, like zinc's
    "copper concentrate": "copper concentrate",
    "copper concentrates": "copper concentrate",
    "imported copper concentrate": "copper concentrate (imported)",
    # tungsten's ores by mineral ("black tungsten" is wolframite, "white" scheelite) and APT
    "wolframite concentrate": "wolframite concentrate",
    "black tungsten concentrate": "wolframite concentrate",
    "scheelite concentrate": "scheelite concentrate",
    "white tungsten concentrate": "scheelite concentrate",
    "ammonium paratungstate": "ammonium paratungstate",
    "apt": "ammonium paratungstate",
    # the concentrate's WO3 content written before it ("SMM 65% black tungsten concentrate
    # closed at ...") is the grade SMM writes after it ("black tungsten concentrate (65%)")
    "65 black tungsten concentrate": "wolframite concentrate (65%)",
    "55 black tungsten concentrate": "wolframite concentrate (55%)",
    "65 wolframite concentrate": "wolframite concentrate (65%)",
    "55 wolframite concentrate": "wolframite concentrate (55%)",
    # tungsten's ferroalloy, quoted for one grade (70%, as APT is for 88.5%)
    "ferrotungsten": "ferrotungsten",
    "ferro-tungsten": "ferrotungsten",
    "70 ferro-tungsten": "ferrotungsten",
    "70 ferrotungsten": "ferrotungsten",
    # "sponge titanium": titanium sponge with its words the other way round
    "sponge titanium": "titanium sponge",
    # titanium's chain: its ore, slag, pigment (by crystal form and process) and ingot
    "titanium concentrate": "titanium concentrate",
    "titanium slag": "titanium slag",
    "90 titanium slag": "titanium slag (90%)",
    "titanium dioxide": "titanium dioxide",
    "anatase titanium dioxide": "titanium dioxide (anatase)",
    "anatase-grade titanium dioxide": "titanium dioxide (anatase)",
    "rutile titanium dioxide": "titanium dioxide (rutile)",
    "rutile-grade titanium dioxide": "titanium dioxide (rutile)",
    "chloride process titanium dioxide": "titanium dioxide (chloride process)",
    "chloride-process titanium dioxide": "titanium dioxide (chloride process)",
    "chlorination-process titanium dioxide": "titanium dioxide (chloride process)",
    "chlorination process titanium dioxide": "titanium dioxide (chloride process)",
    "titanium ingot": "titanium ingot",
    # molybdenum's ferroalloy ("molybdenum iron" in some translations) and chemical
    "ferromolybdenum": "ferromolybdenum",
    "molybdenum iron": "ferromolybdenum",
    "ammonium heptamolybdate": "ammonium heptamolybdate",
    # manganese's ferroalloy
    "silicomanganese": "silicomanganese",
    "silicomanganese alloy": "silicomanganese",
    "simn": "silicomanganese",
    "simn alloy": "silicomanganese",
    "silicon manganese": "silicomanganese",
    # the coke smelters buy, by grade ("secondary metallurgical coke was sold at 2,950 yuan/mt")
    "metallurgical coke": "metallurgical coke",
    "secondary metallurgical coke": "metallurgical coke (secondary)",
    "first-grade metallurgical coke": "metallurgical coke (first-grade)",
    "medium-yttrium, europium-rich ore": "rare earth ore (medium-yttrium, europium-rich)",
    "medium-yttrium europium-rich ore": "rare earth ore (medium-yttrium, europium-rich)",
}

# Minor metals and rare earths: a product is its element and the form the market quotes, and
# one list of elements and forms makes every name ("antimony ingot" -> antimony, "dysprosium
# oxide", "terbium metal", "antimony trioxide").
MINOR_ELEMENTS = (
    "antimony bismuth manganese chromium molybdenum tungsten vanadium titanium indium germanium"
    " gallium selenium tellurium cadmium niobium tantalum zirconium lanthanum cerium praseodymium"
    " neodymium praseodymium-neodymium samarium europium gadolinium terbium dysprosium holmium"
    " erbium ytterbium yttrium lutetium scandium"
).split()
_ELEMENT_FORMS = {
    "": "",
    "ingot": "",
    "oxide": " oxide",
    "trioxide": " trioxide",
    "pentoxide": " pentoxide",
    "metal": " metal",
    "carbonate": " carbonate",
    "sulphate": " sulphate",
    "chloride": " chloride",
    "concentrate": " concentrate",
    "ore": " ore",
    "sponge": " sponge",
}
PRODUCT_ALIASES: Mapping[str, str] = {
    **{
        f"{element} {form}".strip(): f"{element}{name}"
        for element in MINOR_ELEMENTS
        for form, name in _ELEMENT_FORMS.items()
    },
    **_NAMED_PRODUCTS,
}
_PRODUCT_WORDS: dict[tuple[str, ...], str] = {
    tuple(_words(alias)): name for alias, name in PRODUCT_ALIASES.items()
}
# more than the spellings the alias pattern can match in practice (aliases by plural and spelling)
_ALIAS_SPELLINGS = 8192
_PRODUCT_PATTERN = re.compile(
    # not "bismuth" in "low-bismuth antimony ingot": a grade of another product
    r"(?<![a-z0-9#])(?<!low-)(?<!high-)" + _alias_trie_pattern(_PRODUCT_WORDS) + r"(?![a-z0-9])"
)


# Silicon metal's grades: "#553", "553", "3303", with how it was smelted.
_SILICON_GRADE = re.compile(
    # ... "Oxygen-free 553# silicon", "oxygenated 553# silicon" (a translation's words)
    r"(?<![\w#-])(?P<std>(?:above-|below-)?standard\s+)?"
    # (... and "oxygen-permeable 553# silicon", another translation's word for oxygen-blown)
    r"(?P<before>(?:non-)?oxygen-blown\s+|oxygen-free\s+|oxygenated\s+|oxygen-permeable\s+"
    r"|non-oxygen\s+)?"
    r"(?:#\s?)?(?P<grade>553|550|551|521|441|421|411|3303|2202|2502|1101|97)#?"
    r"(?P<after>\s+(?:non-)?oxygen-blown)?(?:\s+(?:industrial\s+)?silicon(?:\s+metal)?)(?![a-z])"
    r"(?P<oxygen>\s+with(?:out)?\s+oxygen)?"
    # "421# silicon (for silicone)", "#421 silicon (used in silicone)": the grade silicone
    # makers buy
    r"(?P<use>\s*\((?:for|used\s+in)\s+silicone(?:\s+use)?\))?"
)


_OXYGEN_WORDS = {
    "oxygen-free": "non-oxygen-blown",
    "oxygenated": "oxygen-blown",
    "oxygen-permeable": "oxygen-blown",
    "non-oxygen": "non-oxygen-blown",
}


# "China's silicon 553 prices stood at US$2,125 per tonne": the grade written after the name
_SILICON_GRADE_AFTER = re.compile(
    r"(?<![\w#-])silicon(?:\s+metal)?\s+#?\s?(?P<grade>553|550|551|521|441|421|411|3303|2202|2502"
    r"|1101)#?(?![\w.%#])"
)


def _silicon(match: re.Match[str]) -> str:
    blown = (match.group("before") or match.group("after") or "").strip()
    blown = _OXYGEN_WORDS.get(blown, blown)
    oxygen = match.group("oxygen")
    if oxygen:  # "553# silicon without oxygen", "553# silicon with oxygen"
        blown = "non-oxygen-blown" if "without" in oxygen else "oxygen-blown"
    standard = (match.group("std") or "").strip()  # "above-standard #553 silicon metal"
    use = "silicone-grade" if match.group("use") else ""
    words = " ".join(word for word in (blown, standard, use) if word)
    return f"silicon (#{match.group('grade')}{' ' + words if words else ''})"


# "#3303 and # 2202 silicon metal", "#441 were around RMB 13,000/mt": grades the text
# names without repeating "silicon", in an article about silicon.
# "non-oxygen blown #553", "#421 for silicone use": how it was smelted and what it is for.
_BARE_SILICON_GRADE = re.compile(
    r"(?<![\w#-])(?P<blown>(?:non-)?oxygen[- ]blown\s+|non-oxygen\s+)?#\s?"
    r"(?P<grade>553|550|551|521|441|421|411|3303|2202|2502|1101)(?![\w#])"
    r"(?P<use>\s+for\s+silicone\s+use)?"
)


def bare_silicon_grades(folded: str) -> list[tuple[int, int, str]]:
    found = []
    for match in _BARE_SILICON_GRADE.finditer(folded):
        blown = (match.group("blown") or "").strip().replace("oxygen blown", "oxygen-blown")
        words = [_OXYGEN_WORDS.get(blown, blown)]  # "non-oxygen #553"
        if match.group("use"):
            words.append("silicone-grade")
        qualifier = " ".join(word for word in words if word)
        name = f"silicon (#{match.group('grade')}{' ' + qualifier if qualifier else ''})"
        found.append((match.start(), match.end(), name))
    return found


# A grade written before a product ("battery-grade nickel sulphate", "#1 zinc ingot") or after
# it in parentheses ("aluminium alloy (A356)", "high-purity aluminium (99.99%)").
_GRADE = (
    r"battery-grade|industrial-grade|high-grade|low-grade|feed-grade"
    r"|standard-quality|high-quality|good-quality|non-standard|sx-ew|hydro|high-bismuth|low-bismuth"
    r"|low-iron"
    # (a translation's "low bismuth antimony ingots")
    r"|high\sbismuth|low\sbismuth"
    # (AL Circle also writes "low carbon aluminium price" without the hyphen)
    r"|metallurgical-grade|electronic-grade|low-carbon|low\scarbon|#\d+|\d#|no\.\s?\d|99\.9+%"
    # "grade 0 sponge titanium"
    r"|grade\s\d(?!\d)"
    # "the TiO2≥47% specification": an ore's content of the oxide it is sold by
    r"|tio2\s*[≥>]=?\s*\d+%"
)
# "2# low-bismuth antimony ingot", "No. 1 antimony ingot": up to two grades, in the order written
_GRADE_BEFORE = re.compile(
    rf"(?:(?<![\w#.])(?P<grade>{_GRADE})\s+(?:(?P<grade2>{_GRADE})\s+)?"
    r"|(?<![\w#])(?P<joined>hydro)-)$"
)
# "No.2 low-bismuth ingot at 180,500 yuan/mt", "99.5% grade at 160,500": grades of the product
# just named, with its form or none ("For antimony trioxide, ...: 99.5% at 120,000 yuan/mt").
_BARE_GRADES = re.compile(
    # (also a translation's "99.5 per cent at 33500 yuan / tonne")
    rf"(?<![\w#.])(?P<grade>{_GRADE}|99\.\d+(?:%|\s*per\s*cent))\s+(?:(?P<grade2>{_GRADE})\s+)?"
    r"(?:ingots?|grade|purity|specifications?)?"
    # ("..., while grade 1 averaged 49,000 yuan/mt", "the TiO2≥47% specification was quoted at
    # yuan 1,900-2,050/mt", "for the TiO2≥47% specification, quotations were 1,900-2,050")
    r"(?=\s*(?:,\s*(?:quotations?|quotes?|prices?)\s+(?:were|was)|(?:was|were|is)\s+quoted\s+at"
    r"|at|was|were|is|stood|of|averaged|averaging)?\s*(?:rmb|yuan)?\s*$)"
)


def _grade_name(grade: str) -> str:
    """ "2#", "No. 2", "#2" are one grade, "#2"; "low bismuth" is "low-bismuth"."""
    if grade in {"low bismuth", "high bismuth", "low carbon"}:
        return grade.replace(" ", "-")
    if grade.endswith("cent"):
        return re.sub(r"\s*per\s*cent$", "%", grade)  # "99.5 per cent" is "99.5%"
    content = _OXIDE_CONTENT.fullmatch(grade)
    if content is not None:
        return content.group("content")  # "tio2≥46%" is the grade 46%
    numbered = re.fullmatch(r"(?:(\d)#|#(\d+)|no\.\s?(\d))", grade)
    if numbered is None:
        return grade
    return "#" + next(group for group in numbered.groups() if group)


def graded_anew(product: str, grades: list[str]) -> str:
    """A minor metal's product with the grades a clause names alone ("No.1 ingot at ..."), in
    place of those it carried from the clause before."""
    base = product.split(" (")[0]
    if base.split()[0] not in MINOR_ELEMENTS or not grades:
        return product
    return f"{base} ({', '.join(grades)})"


def bare_grades(folded: str) -> list[str]:
    """The grades a clause ends on before its amount, for the product named before them."""
    match = _BARE_GRADES.search(folded)
    if match is None:
        return []
    return [_grade_name(g) for g in (match.group("grade"), match.group("grade2")) if g]


# "(A356)", "(99.99%)"; "(6%, CIF China)": a grade and the basis the quote is on (read as the
# market elsewhere).
# (not "LME tin (three-month)": the contract the LME price is for, which is its benchmark)
_GRADE_AFTER = re.compile(
    # ("the SMM Malaysia bauxite CIF (washed) average price": the grade after the delivery terms)
    r"(?:\s+cif(?=\s*\((?:washed|unwashed)\)))?"
    r"\s*\((?!(?:three-month|3-month|3m)\))(?P<grade>[a-z0-9.%#/-]{1,12})"
    r"(?:,\s*(?:cif|fob)\s+[a-z ]{2,30})?\)"
)
# "titanium concentrate (TiO2≥46%)": the content of the oxide it is sold by, its grade
_OXIDE_CONTENT = re.compile(r"tio2\s*[≥>]=?\s*(?P<content>\d+%)")
_OXIDE_CONTENT_AFTER = re.compile(r"\s*\(\s*tio2\s*[≥>]=?\s*(?P<grade>\d+%)\s*\)")
# "The high-purity aluminium price (99.99%)": a purity written after the word price
_PURITY_AFTER_PRICE = re.compile(r"\s+price\s*\((?P<grade>99\.9\d*%)\)")
# The grade a metal's benchmark price is quoted for: written, but no qualifier.
_BENCHMARK_GRADES = {
    "copper": {"#1", "1#"},
    "zinc": {"#0", "0#"},
    "nickel": {"#1", "1#"},
    "tin": {"#1", "1#"},
    "lead": {"#1", "1#"},
    "aluminium": {"a00"},
    # SMM's nickel sulphate quote is for the crystal: "battery-grade nickel sulphate (crystal)"
    "nickel sulphate": {"crystal"},
}


# Nickel ore is quoted by its nickel content: "laterite nickel ore with NI1.3%", "(NI1.3%)",
# "nickel ore 1.3% (delivery-to-factory price)", "1.6% grade Indonesian nickel ore".
_ORE_GRADE_AFTER = re.compile(
    r"\s*(?:\(\s*|with\s+(?:a\s+grade\s+of\s+)?)?(?:ni\s?)?(?P<grade>\d\.\d{1,2})\s*%\s*\)?"
)
_ORE_GRADE_BEFORE = re.compile(r"(?<![\w.])(?:ni\s?)?(?P<grade>\d\.\d{1,2})\s*%\s+(?:grade\s+)?$")
# "The CIF price of NI1.5% is $59-60/wmt", "delivered prices for 1.2% grade ore": a grade of
# the ore the paragraph is about, named alone.
_BARE_ORE_GRADE = re.compile(
    r"(?<![\w.])(?:ni\s?(?P<ni>\d\.\d{1,2})\s*%|(?P<grade>\d\.\d{1,2})\s*%\s+grade\s+ore\b)"
)
ORE_ORIGINS = ("philippines", "indonesia")


def bare_ore_grades(folded: str) -> list[tuple[int, int, str]]:
    """Nickel ore grades named without the ore: (start, end, "1.5%")."""
    return [
        (match.start(), match.end(), f"{match.group('ni') or match.group('grade')}%")
        for match in _BARE_ORE_GRADE.finditer(folded)
    ]


def nickel_ore(origin: str | None, grade: str | None) -> str:
    qualifiers = ", ".join(word for word in (origin, grade) if word)
    return f"nickel ore ({qualifiers})" if qualifiers else "nickel ore"


def ore_origin(name: str) -> str | None:
    return next((origin for origin in ORE_ORIGINS if f"({origin}" in name), None)


# Countries an imported ferroalloy is quoted by: "South African high-carbon ferrochrome",
# "high-carbon ferrochrome from Kazakhstan"
IMPORT_ORIGINS = ("south africa", "kazakhstan", "india")
# ... and the adjectives a report names them by ("and Kazakh product at 8,900-9,100 yuan/mt")
ORIGIN_ADJECTIVES = {
    "kazakh": "kazakhstan",
    "kazakhstani": "kazakhstan",
    "south african": "south africa",
    "indian": "india",
}


def imported_by_origin(name: str) -> bool:
    """Whether a name is an import quoted by its country of origin."""
    return any(name.endswith(f"({origin})") for origin in IMPORT_ORIGINS)


def from_origin(name: str, origin: str) -> str:
    """A product quoted by its origin: "high-carbon ferrochrome (kazakhstan)"."""
    return f"{base_metal(name)} ({origin})"


def _ore_graded(name: str, folded: str, start: int, end: int) -> tuple[str, int, int]:
    grade = None
    after = _ORE_GRADE_AFTER.match(folded, end)
    before = _ORE_GRADE_BEFORE.search(folded, max(0, start - 16), start)
    if after is not None:
        grade, end = after.group("grade"), after.end()
    elif before is not None:
        grade, start = before.group("grade"), before.start()
    if grade is None:
        return name, start, end
    return nickel_ore(ore_origin(name), f"{grade}%"), start, end


def _graded(name: str, folded: str, start: int, end: int) -> tuple[str, int, int]:
    """A product's name with the grade written around it, and the span that takes."""
    if name.startswith("nickel ore"):
        return _ore_graded(name, folded, start, end)
    qualifiers = []
    before = _GRADE_BEFORE.search(folded, max(0, start - 30), start)
    if before is not None and (before.group("grade") or before.group("joined")) not in name:
        written = (before.group("grade") or before.group("joined"), before.group("grade2"))
        for grade in (_grade_name(word) for word in written if word):
            if grade not in _BENCHMARK_GRADES.get(name, set()):
                qualifiers.append(grade)
        start = before.start()
    after = (
        _GRADE_AFTER.match(folded, end)
        or _PURITY_AFTER_PRICE.match(folded, end)
        or _OXIDE_CONTENT_AFTER.match(folded, end)
    )
    if after is not None and PRODUCT_ALIASES.get(after.group("grade")) == name:
        end, after = after.end(), None  # "electrolytic manganese (EMM)": its short name
    if (
        after is not None
        and not after.group("grade").isdigit()
        and not regions(after.group("grade"))
    ):
        # "SMM A00 aluminum (Foshan)" names a market, not a grade
        if after.group("grade") not in _BENCHMARK_GRADES.get(name, set()):
            qualifiers.append(after.group("grade"))
        end = after.end()
    if name == "antimony" and qualifiers in (["low-bismuth"], ["high-bismuth"]):
        # SMM quotes low- and high-bismuth antimony ingots as the #2 grade only ("low bismuth
        # antimony ingots" is "2# low-bismuth antimony ingot" with its number left out)
        qualifiers.insert(0, "#2")
    for qualifier in qualifiers:
        # SX-EW copper is also called hydro copper (hydro-copper); SMM's older copper reports
        # write "high-grade copper" for the high-quality grade
        qualifier = "sx-ew" if qualifier.startswith("hydro") else qualifier
        if qualifier in {"high-grade", "good-quality"} and name == "copper":
            qualifier = "high-quality"  # (and "good-quality copper" in the evening comments)
        name = name[:-1] + f", {qualifier})" if name.endswith(")") else f"{name} ({qualifier})"
    # "The aluminium alloy (ADC12) price": the alloy is named by its grade
    return _BY_GRADE.get(name, name), start, end


_BY_GRADE = {"aluminium alloy (adc12)": "adc12"}


_BISMUTH_GRADE_BEFORE = re.compile(r"\b(?:low|high)\s+$")
_ANTIMONY_AFTER = re.compile(r"\s+antimony\b")
_CONTENT_AFTER = re.compile(r"\s+(?:content|grade\s+of|equivalent)\b")


def known_products(folded: str) -> list[tuple[int, int, str]]:
    """Every vocabulary product named in folded text: (start, end, name), grades included
    (remembered while one article is read)."""
    return list(_remembered("products", folded, _known_products))


# A futures contract named by its exchange code and month ("the most-traded AD2603 contract",
# "SN2602"): the code is the product the contract trades.
_CONTRACT_CODES = {
    "ad": "cast aluminium alloy",
    "ao": "alumina",
    "al": "aluminium",
    "cu": "copper",
    "zn": "zinc",
    "pb": "lead",
    "ni": "nickel",
    "sn": "tin",
    "lc": "lithium carbonate",
    "si": "silicon",
    "ps": "polysilicon",
}
_CONTRACT_CODE = re.compile(rf"(?<![a-z0-9])({'|'.join(_CONTRACT_CODES)})(\d{{4}})(?![0-9])")


# "For ferrosilicon, the most-traded futures contract, si2509, closed at ...": the product the
# sentence is about outweighs a contract code printed for another one.
_CONTRACT_TOPIC = re.compile(
    r"\bfor\s+([a-z][a-z -]{2,30}),\s+the\s+most[- ]traded\s+(?:futures\s+)?contract,?\s+$"
    # "the most-traded ferrosilicon futures contract, si2603, closed at ..."
    r"|\bthe\s+most[- ]traded\s+([a-z][a-z -]{2,30}?)\s+futures\s+contract,?\s+$"
)


def _contract_product(folded: str, match: re.Match[str]) -> str:
    topic = _CONTRACT_TOPIC.search(folded, max(0, match.start() - 80), match.start())
    if topic is not None:
        words = topic.group(1) or topic.group(2)
        named = _PRODUCT_WORDS.get(tuple(british(_singular(_words(words)))))
        if named is not None:
            return named
    return _CONTRACT_CODES[match.group(1)]


_STEEL_MILL = re.compile(r"steel\s+mills?\b")

# Ternary cathode precursors and materials are quoted by series, crystal form and use ("SMM
# ternary cathode precursor 5-series (polycrystalline/consumer type) prices were ..."); the next
# items of the list name the series alone ("and 5-series (monocrystalline/power battery) prices
# were ..."), of the product named before them.
_SERIES = (
    r"(?P<n>[5-9])-series\s*\(\s*(?P<crystal>polycrystalline|monocrystalline)\s*/\s*"
    r"(?P<use>consumer|power\s+battery)(?:\s+type)?\s*\)"
)
_TERNARY = r"ternary\s+(?:cathode\s+)?(?:precursors?|materials?)"
_TERNARY_SERIES = re.compile(rf"\b(?P<base>{_TERNARY})\s+{_SERIES}")
_BARE_SERIES = re.compile(rf"(?<![\w-]){_SERIES}")
_TERNARY_BASE = re.compile(rf"\b(?:{_TERNARY})\b")


def _ternary_base(words: str) -> str:
    return "ternary cathode precursor" if "precursor" in words else "ternary cathode material"


def _series(match: re.Match[str]) -> str:
    use = re.sub(r"\s+", " ", match.group("use"))
    return f"({match.group('n')}-series, {match.group('crystal')}, {use})"


def bare_series(folded: str) -> list[tuple[int, int, str]]:
    """Series named without their product ("5-series (monocrystalline/power battery)"), each
    as its qualifier."""
    return [(match.start(), match.end(), _series(match)) for match in _BARE_SERIES.finditer(folded)]


def ternary_base(folded: str) -> str | None:
    """The ternary product a list of series hangs from: the last one named."""
    named = list(_TERNARY_BASE.finditer(folded))
    return _ternary_base(named[-1].group(0)) if named else None


# Lithium cobalt oxide is quoted by the charge voltage its cells reach ("4.2V, 4.4V, and 4.5V
# LCO at ...", "4.2V/4.4V/4.5V products pulling back to ..."): in a sentence about LCO each
# voltage names its grade ("4.50V and above models" is the 4.50V grade).
_LCO_VOLTAGE = re.compile(r"(?<![\w.])(\d\.\d{1,2})\s?v(?:\s+and\s+above)?(?![\w.])")
_LCO = re.compile(r"\blco\b|\blithium\s+cobalt\s+oxide\b")
# "4.45V/4.48V products", "4.50V and above models": voltages that name what is quoted, even
# in a clause that does not say LCO
_VOLTAGE_LIST = re.compile(
    r"(?<![\w.])\d\.\d{1,2}\s?v(?:\s*(?:/|,\s*(?:and\s+)?|and\s)\s*\d\.\d{1,2}\s?v)*"
    r"(?:\s+and\s+above)?\s+(?:products?|models?)\b"
)


def _lco_grades(folded: str) -> list[tuple[int, int, str]]:
    # A voltage names a grade only beside LCO or before "products"/"models": without those words
    # (most clauses) there is nothing to scan for.
    if not any(map(folded.__contains__, ("lco", "cobalt oxide", "product", "model"))):
        return []
    lists = [match.span() for match in _VOLTAGE_LIST.finditer(folded)]
    named = _LCO.search(folded) is not None
    return [
        (match.start(), match.end(), f"lithium cobalt oxide ({match.group(1)}v)")
        for match in _LCO_VOLTAGE.finditer(folded)
        if named or any(start <= match.start() < end for start, end in lists)
    ]


# EMM producers' feed: "low-grade ore powder (14-15%)" in a sentence about EMM or manganese is
# manganese ore of that grade
_ORE_POWDER = re.compile(
    r"\b(?:(?:low|high)-grade\s+)?ore\s+powder(?:\s*\((?P<grade>[\d.]+(?:-[\d.]+)?%)\))?"
)
_MANGANESE_TOPIC = re.compile(r"\bemm\b|\bmanganese\b")


def _manganese_ore(folded: str) -> list[tuple[int, int, str]]:
    if "ore powder" not in folded or not _MANGANESE_TOPIC.search(folded):
        return []
    return [
        (match.start(), match.end(), f"manganese ore ({match.group('grade')})")
        if match.group("grade")
        else (match.start(), match.end(), "manganese ore")
        for match in _ORE_POWDER.finditer(folded)
    ]


# An oxide named by its metal's oxidation states, which the word table cannot hold (its words
# drop brackets): "cobalt (II, III) oxide" is Co3O4, "cobalt (II) oxide" CoO.
_OXIDATION_STATES = re.compile(r"\b(cobalt)\s*\(\s*(ii|ii\s*,\s*iii)\s*\)\s*oxide\b")
_OXIDES = {
    ("cobalt", "ii"): "cobalt monoxide",
    ("cobalt", "ii,iii"): "cobalt tetroxide",
}


# Elements listed before one plural form: "praseodymium-neodymium and neodymium oxides" are
# two oxides, "dysprosium and terbium metals" two metals.
_ELEMENT = "|".join(sorted(MINOR_ELEMENTS, key=len, reverse=True))
_SHARED_FORM = re.compile(
    rf"\b(?P<list>(?:(?:{_ELEMENT})\s*,\s*)*(?:{_ELEMENT})\s*,?\s+and\s+(?:{_ELEMENT}))\s+"
    r"(?P<form>oxides|metals)\b"
)
_ONE_ELEMENT = re.compile(rf"\b(?:{_ELEMENT})\b")


def _shared_form(folded: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for match in _SHARED_FORM.finditer(folded):
        form = match.group("form")[:-1]
        for element in _ONE_ELEMENT.finditer(match.group("list")):
            start = match.start("list") + element.start()
            end = (
                match.end()
                if element.end() == len(match.group("list"))
                else start + len(element.group(0))
            )
            found.append((start, end, f"{element.group(0)} {form}"))
    return found


# "prices for secondary lead (Pb ≥ 99.97) were RMB 14,850-15,000/mt": SMM's refined secondary
# lead, named by the purity that sets it apart from secondary lead (Pb ≥ 98.5)
_REFINED_BY_ITS_PURITY = re.compile(
    r"\b(?:secondary|recycled)\s+lead\s*\(\s*pb\s*(?:≥|>=)\s*99\.9\d*\s*\)"
)


def _known_products(folded: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = [
        (match.start(), match.end(), _contract_product(folded, match))
        for match in _CONTRACT_CODE.finditer(folded)
    ]
    if "oxides" in folded or "metals" in folded:
        found.extend(_shared_form(folded))
    if "oxide" in folded:
        found.extend(
            (match.start(), match.end(), _OXIDES[match.group(1), re.sub(r"\s", "", match.group(2))])
            for match in _OXIDATION_STATES.finditer(folded)
        )
    series_named = "-series" in folded  # every ternary series is written "5-series (...)"
    if series_named:
        found.extend(
            (match.start(), match.end(), f"{_ternary_base(match.group('base'))} {_series(match)}")
            for match in _TERNARY_SERIES.finditer(folded)
        )
    found.extend(_manganese_ore(folded))
    for start, end, grade in _lco_grades(folded):
        # "4.2V, 4.4V, and 4.5V LCO": the grade with its product word after the list
        lco = _LCO.match(folded, end + 1) if end < len(folded) else None
        found.append((start, lco.end() if lco else end, grade))
    for start, end, series in bare_series(folded) if series_named else []:
        base = ternary_base(folded[:start])
        if base is not None and not any(begin <= start < stop for begin, stop, _ in found):
            found.append((start, end, f"{base} {series}"))  # "..., and 5-series (...) prices"
    if "pb" in folded:
        found.extend(
            (match.start(), match.end(), "refined secondary lead")
            for match in _REFINED_BY_ITS_PURITY.finditer(folded)
        )
    graded = list(_SILICON_GRADE.finditer(folded)) if "silicon" in folded else []
    for match in graded:
        found.append((match.start(), match.end(), _silicon(match)))
    if "silicon" in folded:
        for match in _SILICON_GRADE_AFTER.finditer(folded):
            if not any(begin <= match.start() < stop for begin, stop, _ in found):
                found.append((match.start(), match.end(), f"silicon (#{match.group('grade')})"))
    if graded:
        for start, end, grade in bare_silicon_grades(folded):
            if not any(begin <= start < stop for begin, stop, _ in found):
                found.append((start, end, grade))  # "#3303 and # 2202 silicon metal"
    for match in _PRODUCT_PATTERN.finditer(folded):
        if any(start <= match.start() < end for start, end, _ in found):
            continue
        if _CONTENT_AFTER.match(folded, match.end()):
            continue  # "60% alumina content": what an ore holds, not a product quoted
        if _STEEL_MILL.match(folded, match.start()):
            continue  # "a steel mill in Guangdong awarded a tender": the buyer, not steel's price
        if _BISMUTH_GRADE_BEFORE.search(folded, 0, match.start()) and _ANTIMONY_AFTER.match(
            folded, match.end()
        ):
            continue  # "low bismuth antimony ingots": a grade of antimony, not bismuth
        name = _alias_name(match.group(0))
        if name is not None:
            found.append(_graded_span(name, folded, match.start(), match.end()))
    return sorted(found)


@lru_cache(maxsize=_ALIAS_SPELLINGS)
def _alias_name(matched: str) -> str | None:
    """The product a spelling the alias pattern matched names. (A table derived from the
    aliases, filled as spellings are met: its keys are the pattern's own matches, so it stays as
    small as the vocabulary, unlike a cache of texts.)"""
    return _PRODUCT_WORDS.get(tuple(british(_singular(_words(matched)))))


def _graded_span(name: str, folded: str, start: int, end: int) -> tuple[int, int, str]:
    graded, begin, stop = _graded(name, folded, start, end)
    return begin, stop, graded


# Brands that belong to one metal, for a report that names its brands but not its metal.
BRAND_METALS: Mapping[str, str] = {
    "shuangyan": "zinc",
    "qilin": "zinc",
    "chihong": "zinc",
    "huludao": "zinc",
    "xinzi": "zinc",
    "yunxi": "tin",
    "yuntin": "tin",
    "guixi": "copper",
    "ccc-p": "copper",
    "tiefeng": "copper",
    "jinfeng": "copper",
}

# Brands whose own premiums a spot report lists: not the market's price.
BRANDS = frozenset(
    "jinchuan qilin mengzi lan zijin shuangyan chihong xinzi huludao xikang bailing hongye"
    " xiangguang lufang jcc tiefeng zhongtiaoshan olyda guixi ccc-p enm norilsk jinfeng spence"
    " yunxi yuntin chinalco smc huize honglu honglu-v baiyin"
    # lead brands SMM's older lead reviews quote one by one
    " humon nanfang chengyuan hengbang tongguan hanjiang dongling shenqian jinde"
    # the site's own misspelling of Chihong in its 2015 lead reviews
    " chihon"
    # zinc brands SMM's older zinc reviews quote one by one
    " qinxin yuguang baohui".split()
)
# The brands alone, as a pattern: "RMB 15,550-15,570/mt for Yuguang"
BRAND_NAMES = r"(?:" + "|".join(sorted(BRANDS, key=len, reverse=True)) + r")\b"
_BRAND = re.compile(
    r"\b(?:" + "|".join(sorted(BRANDS, key=len, reverse=True)) + r")\b|\b(?:high-end|high-priced"
    r"|premium|small|delivery|deliverable|non-deliverable|imported|yunnan\s+tin|specific|certain)"
    r"\s+(?:(?:tin|copper|zinc|lead|nickel|aluminium|aluminum)\s+)?brands?\b"
    # "in the second slot, the same brands were at a premium of 190-220 yuan/mt"
    r"|\b(?:the\s+same|these|those|such)\s+brands\b"
    # imported metal named by its origin, quoted like a brand: "Spanish zinc was quoted at
    # premiums of 250-280 yuan/mt against the 2507 contract"
    r"|\b(?:spanish|korean|peruvian|kazakh|indian|russian|mexican|bolivian|belgian|finnish"
    r"|japanese)\s+(?:#[01]\s+|[01]#\s+)?(?:zinc|copper|lead|tin|nickel)\b"
    # "Some SX-EW copper arrived, Myanmar material at a discount of around 70 yuan/mt": one
    # origin's cargoes
    r"|\b(?:myanmar|burmese|congolese|zambian|chilean|peruvian)\s+(?:material|cargoes|cargo)\b"
    # "Lida branded #1 zinc was around RMB 14,840/mt", "Feilong, Qinxin and Jiulong branded #0
    # zinc": any name the report calls a brand
    r"|\b(?!with\b|and\b|the\b)[a-z]{2,}\s+branded\s+(?:#[01]|[01]#)"
)


def names_brand(folded: str) -> bool:
    return _BRAND.search(folded) is not None


def scrap_of(metal: str) -> str:
    """What a metal's "scrap" leg is in a primary-to-scrap spread: lead's is the refined
    secondary lead smelted from battery scrap."""
    return "refined secondary lead" if metal == "lead" else f"{metal} scrap"


def base_metal(product: str) -> str:
    """The metal a product is made of, for naming its scrap and its futures."""
    head = product.split(" (")[0]
    if head in {"adc12", "a380", "alsi9cu3", "cast aluminium alloy", "secondary aluminium alloy"}:
        return "aluminium"
    if head == "lithium carbonate":
        return head  # the lithium product the GFEX trades: its spot premium is to its own futures
    if head.endswith(" coal"):
        return head  # silicon coal is a raw material of silicon, not silicon
    words = head.split()
    for metal in (
        "alumina",
        "aluminium",
        "copper",
        "zinc",
        "lead",
        "nickel",
        "tin",
        "silicon",
        "lithium",
        "cobalt",
    ):
        if metal in words:
            return metal
    return head


def spread_name(first: str, second: str) -> str:
    """A spread named from its primary, refined or spot leg to its scrap, secondary or futures
    leg, whatever order the text used."""
    if _leg_rank(second) < _leg_rank(first):
        first, second = second, first
    return f"{first} - {second}"


def _leg_rank(leg: str) -> int:
    if leg.endswith(" futures"):
        return 2
    if "scrap" in leg or "secondary" in leg:
        return 1
    return 0
