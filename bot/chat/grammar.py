"""What users type, read into the daemon's own types: a personal threshold becomes the same
Rule config.yaml would make (same validation), a mute a duration. Every mistake is one line
saying what was wrong, with an example."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError

from alerts.models import Rule
from bot.config import RuleSettings, duration, rule_from_settings
from bot.errors import BotError, ConfigError

ALERT_EXAMPLES = (
    "/alert copper above 95000 CNY/t",
    "/alert secondary aluminium moves 1.5 pp mom",
)
_UNITS = {
    "cny/t": "CNY/t",
    "yuan/t": "CNY/t",
    "yuan/mt": "CNY/t",
    "rmb/t": "CNY/t",
    "cny": "CNY/t",
    "yuan": "CNY/t",
    "rmb": "CNY/t",
    "usd/t": "USD/t",
    "$/t": "USD/t",
    "usd": "USD/t",
    "pp": "pp",
    "%": "%",
}
_BASES = {"mom", "yoy", "wow", "dod"}
_SPELLING = {"aluminum": "aluminium", "sulfate": "sulphate", "sulfide": "sulphide"}
_NUMBER_UNIT = re.compile(r"^(?P<number>[\d,]*\.?\d+)(?P<unit>%|pp)?$")
_LONGEST_MUTE = timedelta(days=365)


class CommandError(BotError):
    """A command that cannot be carried out; its message is the one line the user reads."""


def _number(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise CommandError(f"{text!r} is not a number") from None


def _subject(words: list[str]) -> tuple[str, str]:
    """The subject glob and the region ("copper at SHFE", "alumina in Shandong")."""
    region = "*"
    for marker in ("at", "in"):
        if marker in words[1:]:
            index = words.index(marker, 1)
            region = " ".join(words[index + 1 :]) or "*"
            words = words[:index]
            break
    subject = " ".join(_SPELLING.get(word, word) for word in words)
    return subject, region


def personal_rule(text: str, name: str) -> Rule:
    """Read "/alert" arguments: ``<subject> above|below <n> <unit>`` or ``<subject> moves
    <n> <unit> [mom|yoy|wow|dod]``."""
    words = text.lower().split()
    verb = next((w for w in words if w in {"above", "below", "moves", "moves_by"}), None)
    if verb is None or words.index(verb) == 0:
        raise CommandError(
            "say what to watch and when: a subject, then above, below or moves, then a number"
        )
    at = words.index(verb)
    subject, region = _subject(words[:at])
    rest = [w for w in words[at + 1 :] if w != "by"]
    if not rest:
        raise CommandError(f"a number is missing after {verb!r}")
    number_unit = _NUMBER_UNIT.match(rest[0])
    if number_unit is None:
        raise CommandError(f"{rest[0]!r} is not a number")
    threshold = _number(number_unit.group("number"))
    unit = number_unit.group("unit")
    basis = None
    for word in rest[1:]:
        if word in _UNITS and unit is None:
            unit = _UNITS[word]
        elif word in _BASES and basis is None:
            basis = word
        else:
            raise CommandError(f"{word!r} is not a unit (CNY/t, USD/t, pp, %) or a basis (mom…)")
    unit = _UNITS.get(unit, unit) if unit else None
    raw: dict[str, Any] = {"name": name, "subject": subject, "region": region}
    if unit in {"pp", "%"} and not (verb.startswith("moves") and unit == "%"):
        raw["metric"] = "operating_rate"
        raw["unit"] = None if unit == "pp" else "%"
    elif unit is None:
        raise CommandError("add a unit: CNY/t or USD/t for a price, pp or % for a rate")
    else:
        spread = " - " in subject or subject.endswith("window")
        raw["metric"] = "spread" if spread else "price"
        raw["unit"] = unit if unit != "%" else None
    if verb.startswith("moves"):
        raw["moves_by"] = {"pct": threshold} if unit == "%" else threshold
        if basis is not None:
            raw["change"] = basis
    else:
        if basis is not None:
            raise CommandError(f"{basis} only applies to moves")
        raw[verb] = threshold
    try:
        settings = RuleSettings.model_validate(raw)
        return rule_from_settings(0, settings, "/alert")
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise CommandError(f"{where}: {first['msg'].lower()}") from None
    except ConfigError as exc:
        key = (exc.key or "").removeprefix("rules[0].")
        words_for = {"change": "basis", "moves_by": "moves", "unit": "unit"}
        raise CommandError(f"{words_for.get(key, key)}: {exc.message}") from None


def mute_for(text: str) -> timedelta:
    """ "/mute 1d", "/mute 12h": how long; at most a year."""
    try:
        length = duration(text.strip() or "?")
    except ValueError:
        raise CommandError("say for how long: /mute 30m, /mute 12h or /mute 1d") from None
    if length > _LONGEST_MUTE:
        raise CommandError("a mute lasts at most 365d")
    return length
