"""The subjects metalert knows, each with the spellings that land on it.

Canonical names are lower case and British ("aluminium"); aliases are matched case-insensitively,
with "aluminum"/"aluminium", hyphens/spaces and a trailing plural "s" all accepted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from scrapers.extract.text import fold

# Industries whose operating rates SMM surveys.
OPERATING_RATE_SUBJECTS: Mapping[str, tuple[str, ...]] = {
    "secondary aluminium": (
        "secondary aluminium alloy",
        "secondary aluminium",
        "recycled aluminium alloy",
        "recycled aluminium",
    ),
    "aluminium extrusion": ("aluminium extrusion", "aluminium extruder", "aluminium profile"),
    "aluminium foil": ("aluminium foil",),
    "aluminium plate, sheet and strip": (
        "aluminium plate, sheet and strip",
        "aluminium plate/sheet/strip",
        "aluminium plate/sheet and strip",
        "aluminium plate per sheet and strip",
        "aluminium plate, sheet, and strip",
        "aluminium plate and strip",
        "aluminium sheet and strip",
    ),
    "aluminium wire and cable": ("aluminium wire and cable", "aluminium cable", "aluminium rod"),
    "aluminium alloy": ("aluminium alloy",),
    "aluminium downstream": ("aluminium downstream", "downstream aluminium processing"),
    "primary aluminium alloy": ("primary aluminium alloy",),
    "alumina": ("alumina refineries", "alumina refinery", "alumina"),
    "copper cathode rod": ("copper cathode rod", "copper rod"),
    "secondary copper rod": ("secondary copper rod", "recycled copper rod"),
    "copper wire and cable": ("copper wire and cable", "copper cable", "wire and cable"),
    "copper foil": ("copper foil",),
    "copper tube": ("copper tube",),
    "brass rod": ("brass rod",),
}

# Things whose prices are quoted per tonne.
PRICE_SUBJECTS: Mapping[str, tuple[str, ...]] = {
    "aluminium scrap": (
        "aluminium scrap",
        "scrap aluminium",
        "used beverage can",
        "ubc scrap",
        "shredded aluminium",
        "baled aluminium",
    ),
    "copper scrap": ("copper scrap", "scrap copper", "bare bright copper"),
    "adc12": ("adc12", "adc 12"),
    "secondary aluminium alloy": ("secondary aluminium alloy", "recycled aluminium alloy"),
    "alumina": ("alumina",),
    "aluminium": (
        "a00 aluminium",
        "a00",
        "aluminium ingot",
        "primary aluminium",
        "spot aluminium",
        "aluminium spot",
        "aluminium",
    ),
    "copper": ("copper cathode", "refined copper", "spot copper", "copper"),
    "silicon": ("industrial silicon", "silicon metal", "silicon"),
    "zinc": ("zinc ingot", "zinc"),
    "nickel": ("nickel",),
    "lead": ("lead ingot", "refined lead"),
    "tin": ("tin ingot", "refined tin"),
}

# Differences between two prices.
SPREAD_SUBJECTS: Mapping[str, tuple[str, ...]] = {
    "refined-to-scrap": (
        "refined-to-scrap",
        "refined-scrap",
        "refined copper-scrap",
        "refined copper-to-scrap",
        "refined copper and copper scrap",
        "refined copper and scrap copper",
        "refined copper and scrap",
        "refined and scrap copper",
        "refined and scrap",
    ),
    "primary-to-scrap aluminium": (
        "primary-to-scrap aluminium",
        "a00 aluminium and aluminium scrap",
        "primary aluminium and aluminium scrap",
        "primary aluminium and scrap",
        "aluminium ingot and scrap",
    ),
    "adc12-to-a00": ("adc12-a00", "adc12-to-a00", "adc12 and a00 aluminium", "adc12 and a00"),
    "spot-futures": ("spot-futures", "spot and futures", "spot-to-futures"),
}


_WORD = re.compile(r"[a-z0-9]+")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_JOINER = r"[\s\-/,]+"  # what may stand between the words of one name
_US_SPELLINGS = {"aluminum": "aluminium", "aluminums": "aluminiums"}


def _word(token: str) -> str:
    """A lower-case word in the vocabulary's spelling."""
    return _US_SPELLINGS.get(token, token)


@dataclass(frozen=True, slots=True)
class SubjectMatch:
    subject: str
    start: int
    end: int


class Vocabulary:
    """Finds every known subject mentioned in a piece of text.

    Names are matched word by word, so that "aluminum" and "aluminium", hyphens, slashes and
    spaces, and a plural "s" on the last word all land on one subject. One pass of a small pattern
    finds the words that can open a name; at each, one pattern holding only the names that start
    with that word picks the longest that fits. Much cheaper than one big alternation tried at
    every character.
    """

    def __init__(self, subjects: Mapping[str, tuple[str, ...]]) -> None:
        by_words: dict[tuple[str, ...], str] = {}
        for name, aliases in subjects.items():
            for alias in aliases:
                by_words[tuple(_word(w) for w in _WORD.findall(alias.lower()))] = name
        by_opener: dict[str, list[tuple[str, ...]]] = {}
        for words in by_words:
            by_opener.setdefault(words[0], []).append(words)
        self._subjects: dict[str, str] = {}  # pattern group name -> subject
        self._names: dict[str, re.Pattern[str]] = {}  # opening word -> its names, longest first
        for opener, names in by_opener.items():
            branches = []
            for words in sorted(names, key=len, reverse=True):
                group = f"n{len(self._subjects)}"
                self._subjects[group] = by_words[words]
                body = _JOINER.join(_spellings(word) for word in words)
                branches.append(f"(?P<{group}>{body}s?(?![a-z0-9]))")
            self._names[opener] = re.compile("|".join(branches))
        # Searched in the folded text (lower case: a case-blind pattern scans several times slower).
        openers = set(by_opener) | {word.replace("aluminium", "aluminum") for word in by_opener}
        self._openers = re.compile(
            "(?:"
            + "|".join(re.escape(word) for word in sorted(openers, key=len, reverse=True))
            + ")s?(?![a-z0-9])"
        )
        self._recent: dict[str, tuple[SubjectMatch, ...]] = {}

    def forget(self) -> None:
        self._recent.clear()

    def find(self, text: str) -> list[SubjectMatch]:
        # The same sentence is asked for by several extractors; remember the last few answers.
        cached = self._recent.get(text)
        if cached is not None:
            return list(cached)
        found = self._find(fold(text))
        if len(self._recent) >= 64:
            self._recent.clear()
        self._recent[text] = tuple(found)
        return found

    def _find(self, folded: str) -> list[SubjectMatch]:
        found: list[SubjectMatch] = []
        taken_until = 0
        for opener in self._openers.finditer(folded):
            start = opener.start()
            if start < taken_until or (start and folded[start - 1] in _WORD_CHARS):
                continue  # inside a longer name already found, or inside another word
            first = _word(opener.group(0))
            names = self._names.get(first) or self._names.get(first[:-1])
            name = names.match(folded, start) if names is not None else None
            if name is not None and name.lastgroup is not None:
                found.append(SubjectMatch(self._subjects[name.lastgroup], start, name.end()))
                taken_until = name.end()
        return found


def _spellings(word: str) -> str:
    return "alumini?um" if word == "aluminium" else re.escape(word)


OPERATING_RATE_VOCABULARY = Vocabulary(OPERATING_RATE_SUBJECTS)
PRICE_VOCABULARY = Vocabulary(PRICE_SUBJECTS)
SPREAD_VOCABULARY = Vocabulary(SPREAD_SUBJECTS)


def clear_caches() -> None:
    for vocabulary in (OPERATING_RATE_VOCABULARY, PRICE_VOCABULARY, SPREAD_VOCABULARY):
        vocabulary.forget()
