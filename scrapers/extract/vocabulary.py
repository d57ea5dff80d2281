"""The subjects metalert knows, each with the spellings that land on it.

Canonical names are lower case and British ("aluminium"); aliases are matched case-insensitively,
with "aluminum"/"aluminium", hyphens/spaces and a trailing plural "s" all accepted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

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


def _alias_pattern(alias: str) -> str:
    parts = []
    for word in re.split(r"\s+", alias):
        escaped = re.escape(word).replace("aluminium", "alumini?um")
        parts.append(escaped)
    return r"[\s-]+".join(parts) + r"s?"


@dataclass(frozen=True, slots=True)
class SubjectMatch:
    subject: str
    start: int
    end: int


class Vocabulary:
    """Finds every known subject mentioned in a piece of text."""

    def __init__(self, subjects: Mapping[str, tuple[str, ...]]) -> None:
        by_alias = {alias: name for name, aliases in subjects.items() for alias in aliases}
        # Longest alias first, so "aluminium scrap" wins over "aluminium" at the same place.
        ordered = sorted(by_alias, key=len, reverse=True)
        self._names = [by_alias[alias] for alias in ordered]
        self._pattern = re.compile(
            "|".join(rf"(?P<a{i}>\b{_alias_pattern(alias)}\b)" for i, alias in enumerate(ordered)),
            re.IGNORECASE,
        )

    def find(self, text: str) -> list[SubjectMatch]:
        found = []
        for match in self._pattern.finditer(text):
            index = int((match.lastgroup or "a0")[1:])
            found.append(SubjectMatch(self._names[index], match.start(), match.end()))
        return found


OPERATING_RATE_VOCABULARY = Vocabulary(OPERATING_RATE_SUBJECTS)
PRICE_VOCABULARY = Vocabulary(PRICE_SUBJECTS)
SPREAD_VOCABULARY = Vocabulary(SPREAD_SUBJECTS)
