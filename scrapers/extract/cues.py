"""Words that carry meaning around numbers: directions, change bases, units, forecasts, clauses.

The patterns are written in lower case and run on folded text (``text.fold``): a case-blind
pattern scans several times slower, and the extractors scan every sentence with a number.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from scrapers.extract.text import fold
from scrapers.models import ChangeBasis

# Words that say which way a number moved; two-word ones are written with one space.
_UP = [
    *(
        "rose rise rises rising risen increase increased increases increasing up gain gained"
        " gains climb climbed climbs rebound rebounded rebounds recovered recovers grew grow"
        " growth higher jump jumped jumps surge surged surges added adds expanded widened widens"
        " advanced advances soared rallied firmed strengthened"
    ).split(),
    "edged up",
    "picked up",
    "ticked up",
]
_DOWN = [
    *(
        "fell fall falls falling fallen decrease decreased decreases decreasing down decline"
        " declined declines declining dropped drop drops dipped dip dips slipped slips slid lower"
        " lost loses retreated retreats contracted narrowed narrows eased eases shrank shrinks"
        " plunged plummeted slumped tumbled weakened softened reduction"
    ).split(),
    "pulled back",
]
_STEADY = ["flat", "unchanged", "stable", "steady"]


def _alternation(words: list[str]) -> str:
    return "|".join(
        re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True)
    )


DIRECTION_WORDS = frozenset((*_UP, *_DOWN, *_STEADY))  # two-word ones with one space
UP_WORDS = _alternation(_UP)
DOWN_WORDS = _alternation(_DOWN)
FLAT_WORDS = _alternation(_STEADY)
DIRECTION = re.compile(
    rf"(?:(?<![\w-])(?:(?P<up>{UP_WORDS})|(?P<down>{DOWN_WORDS})|(?P<flat>{FLAT_WORDS}))(?![\w-]))"
)

BASIS = re.compile(
    r"(?<![A-Za-z])(?:"
    r"(?P<mom>m-?o-?m|month[\s-]+on[\s-]+month|month[\s-]+over[\s-]+month|monthly)"
    r"|(?P<yoy>y-?o-?y|year[\s-]+on[\s-]+year|year[\s-]+over[\s-]+year|annually)"
    r"|(?P<wow>w-?o-?w|week[\s-]+on[\s-]+week|week[\s-]+over[\s-]+week|weekly)"
    r")(?![A-Za-z])"
)
# "from last week", "compared with the previous month", "from a year earlier"
BASIS_PHRASE = re.compile(
    r"\b(?:from|than|compared\s+(?:with|to)|against|over|versus|vs\.?)\s+"
    r"(?:the\s+|a\s+)?(?:(?P<wow>last\s+week|(?:the\s+)?previous\s+week|a\s+week\s+(?:ago|earlier)"
    r"|the\s+prior\s+week)"
    r"|(?P<mom>last\s+month|(?:the\s+)?previous\s+month|a\s+month\s+(?:ago|earlier)|the\s+prior\s+month)"
    r"|(?P<yoy>last\s+year|(?:the\s+)?previous\s+year|a\s+year\s+(?:ago|earlier)"
    r"|the\s+same\s+period\s+(?:of\s+)?last\s+year|the\s+same\s+(?:month|week)\s+last\s+year))"
)
PERCENT = r"(?:\s*%|\s*per\s*cent\b|\s*percent\b)"
POINTS = (
    r"\s*(?:percentage[\s-]+points?|percent(?:age)?[\s-]+pts?|ppts?|pps?|pct[\s-]+pts?"
    r"|percentage[\s-]+pt)(?![A-Za-z])"
)
FORECAST = re.compile(
    r"\b(?:expected|expects?|forecasts?|forecasted|projected|projects?|predicts?|predicted"
    r"|anticipated|anticipates?|estimated\s+to|likely|may|might|could|will|would|should"
    r"|is\s+set\s+to|are\s+set\s+to|outlook|next\s+(?:week|month)|coming\s+(?:week|month)s?"
    r"|target(?:s|ed)?|plans?\s+to)\b"
)
# Every FORECAST word contains one of these.
_FORECAST_STEMS = (
    "expect",
    "forecast",
    "project",
    "predict",
    "anticipat",
    "estimated",
    "likely",
    "may",
    "might",
    "could",
    "will",
    "would",
    "should",
    "set to",
    "outlook",
    "next",
    "coming",
    "target",
    "plan",
)
# Where one statement ends and another begins inside a sentence.
CLAUSE_BREAK = re.compile(
    r"[;:()\[\]]|,\s*(?:even\s+)?(?:while|whereas|but|and|although|though|as|with|meanwhile)\b"
    r"|\s(?:while|whereas|but|although|meanwhile)\s"
)
# Nouns that show a number is about something other than the operating rate or the price.
FOREIGN_QUANTITY = re.compile(
    r"\b(?:output|production|produced|sales|exports?|imports?|inventor(?:y|ies)|stocks?"
    r"|proportion|share|profits?|margins?|orders|consumption|demand|shipments?"
    r"|capacity(?!\s+utili[sz]ation)"
    r"|volumes?|premiums?|discounts?|deliveries|arrivals|purchases|procurement)\b"
)


_BASES = {basis.value: basis for basis in ChangeBasis}


def basis_of(match: re.Match[str]) -> ChangeBasis:
    """The basis a BASIS or BASIS_PHRASE match names: its one named group that matched."""
    if match.lastgroup is None:
        raise AssertionError("BASIS matched no group")
    return _BASES[match.lastgroup]


_SIGNS = {
    **dict.fromkeys(_STEADY, 0),
    **dict.fromkeys(_DOWN, -1),
    **dict.fromkeys(_UP, 1),
}
_SECOND_WORDS = frozenset(word.split()[1] for word in _SIGNS if " " in word)
_DIRECTION_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def direction_of(text: str) -> int | None:
    """+1, -1 or 0 for the last direction word in folded text, None when there is none.

    The same words as DIRECTION, looked up in a dictionary from the end (two-word ones such as
    "pulled back" too): much cheaper than scanning with the alternation, and this runs per number.
    """
    words = _DIRECTION_WORD.findall(text)
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if index and word in _SECOND_WORDS:
            sign = _SIGNS.get(f"{words[index - 1]} {word}")
            if sign is not None:
                return sign
        sign = _SIGNS.get(word)
        if sign is not None:
            return sign
    return None


@lru_cache(maxsize=512)
def _clause_breaks(text: str) -> tuple[int, ...]:
    return tuple([match.end() for match in CLAUSE_BREAK.finditer(fold(text))])


def clause_start(text: str, position: int) -> int:
    """Where the clause holding ``position`` begins (clause breaks are found once per text)."""
    breaks = _clause_breaks(text)
    index = bisect_right(breaks, position) - 1
    # A break must end at or before the position to open its clause.
    while index >= 0 and breaks[index] > position:
        index -= 1
    return breaks[index] if index >= 0 else 0


@lru_cache(maxsize=512)
def _forecast_cues(text: str) -> tuple[tuple[int, int], ...]:
    """Where each forecast word starts and ends, in the original text (not folded: "May" is a
    month, "may" a forecast)."""
    folded = fold(text)
    if not any(map(folded.__contains__, _FORECAST_STEMS)):
        return ()  # most sentences hold no forecast word; substring tests are far cheaper
    return tuple(
        match.span()
        for match in FORECAST.finditer(folded)
        if match.group() != "may" or text[match.start()] == "m"
    )


def is_forecast(text: str, position: int, clause: int | None = None) -> bool:
    """A forecast cue in the clause before the number: "is expected to fall to around 43%".

    ``text`` is the sentence as written, since only its case tells the month "May" from "may";
    ``clause`` is where the number's clause starts, when the caller knows it already.
    """
    cues = _forecast_cues(text)
    if not cues:
        return False
    start = clause_start(text, position) if clause is None else clause
    index = bisect_right(cues, (position, position)) - 1
    # The cue must start inside the clause and end before the number.
    while index >= 0 and cues[index][0] >= start:
        if cues[index][1] <= position:
            return True
        index -= 1
    return False


_LABELS_NEXT_NUMBER = re.compile(r"\s*[+\-−]?\d")


def basis_after(after: str) -> ChangeBasis | None:
    """The basis written right after a number, in folded text: "2.3 pp mom", "6/mt lower than
    last week".

    A basis followed by another number ("43.9%, mom +1.7 pp") labels that number instead.
    """
    text = after.lstrip(" ,")
    match = BASIS.match(text)
    if match is not None and not _LABELS_NEXT_NUMBER.match(text, match.end()):
        return basis_of(match)
    match = BASIS_PHRASE.match(text)
    return basis_of(match) if match is not None else None


def basis_before(before: str) -> ChangeBasis | None:
    """The last basis written before a number, in folded text ("a mom rise of")."""
    last = None
    for match in BASIS.finditer(before):
        last = match
    return basis_of(last) if last is not None else None


def stated_basis(after: str, before: str) -> ChangeBasis | None:
    """The basis written right after a number, else right before it (folded text)."""
    basis = basis_after(after)
    return basis if basis is not None else basis_before(before)


def clear_caches() -> None:
    _clause_breaks.cache_clear()
    _forecast_cues.cache_clear()
