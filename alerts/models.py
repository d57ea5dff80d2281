"""The data the alert stage produces: rules, alerts, and messages waiting in the outbox."""

from __future__ import annotations

import fnmatch
import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from scrapers.extract import metrics
from scrapers.models import Article, Bound, ChangeBasis, Figure, Metric


@dataclass(frozen=True, slots=True)
class MovesBy:
    """Fires when a change exceeds ``threshold`` in absolute value.

    The change is the one the article states on ``basis`` (any basis for prices when None), or,
    for a level alone, the one computed from the stored previous period. ``percent``: the
    threshold is in % of the price (``moves_by: {pct: 5}``).
    """

    basis: ChangeBasis | None
    threshold: Decimal
    percent: bool = False

    def describe(self, unit: str) -> str:
        basis = f"{self.basis.value.upper()} " if self.basis else ""
        return f"|{basis}change| > {self.threshold} {'%' if self.percent else unit}"


@dataclass(frozen=True, slots=True)
class Crossing:
    """Fires when a level crosses into the region beyond ``threshold``, once.

    It re-arms only after a value on the other side of ``rearm`` (default: the threshold), so
    that a price hovering around the line does not alert on every wobble (hysteresis).
    """

    bound: Bound
    threshold: Decimal
    rearm: Decimal | None = None

    @property
    def rearm_level(self) -> Decimal:
        return self.threshold if self.rearm is None else self.rearm

    def describe(self, unit: str) -> str:
        return f"{self.bound.value} {self.threshold:,} {unit}"


Condition = MovesBy | Crossing


class FirstObservation(StrEnum):
    ALERT = "alert"
    BASELINE = "baseline"


@dataclass(frozen=True, slots=True)
class RuleOptions:
    cooldown: timedelta | None = None  # minimum time between two alerts of one rule and subject
    repeat: timedelta | None = None  # re-send while still beyond the threshold
    expires: date | None = None  # the rule is off after this day
    on_first_observation: FirstObservation = FirstObservation.ALERT  # a series' first figure
    max_age: timedelta = timedelta(days=45)  # older periods and articles are history, not news
    send_resolved: bool = False  # say so when a crossing rule re-arms


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    metric: Metric
    condition: Condition
    subject: str = "*"  # glob, case-insensitive
    unit: str | None = None  # None: any unit the metric is quoted in
    options: RuleOptions = RuleOptions()
    region: str = "*"  # glob on the figure's region or venue, case-insensitive

    def applies_to(self, figure: Figure) -> bool:
        if figure.metric != self.metric:
            return False
        if not fnmatch.fnmatch(figure.subject.lower(), self.subject.lower()):
            return False
        if not fnmatch.fnmatch(figure.region.lower(), self.region.lower()):
            return False
        # A rate is always in %, its changes in pp; a price rule must match the currency.
        quoted_once = len(metrics.spec(self.metric).units) == 1
        return self.unit is None or quoted_once or self.unit == figure.unit

    @property
    def condition_digest(self) -> str:
        """What the rule watches and when it fires; options (cooldown, repeat, ...) left out.

        Rule state decided under one digest is not valid under another (store.sync_rules).
        """
        watched = (self.metric.value, self.subject.lower(), self.region.lower(), self.unit,
                   repr(self.condition))  # fmt: skip
        return hashlib.sha256(repr(watched).encode()).hexdigest()[:16]

    @property
    def first_observation(self) -> FirstObservation:
        """Whether a series' first figure may alert. It does by default: a user who asked for
        "copper above 92,000" wants to hear that copper is at 93,500. History (a source's first
        poll, backfill) never alerts either way."""
        return self.options.on_first_observation


class AlertKind(StrEnum):
    FIRED = "fired"  # crossed, or moved by more than the threshold
    STILL = "still"  # repeat: still beyond the threshold
    RESOLVED = "resolved"  # a crossing rule re-armed
    REVISED = "revised"  # a corrected figure changes whether the rule fires


@dataclass(frozen=True, slots=True)
class AlertContent:
    """What an alert says, as stored when it was decided: each notifier renders it at send time
    (Telegram as HTML, the console as text). The condition is written out when decided, so a
    rule changed or removed since still reads as it fired."""

    rule: str  # the rule's name ("chat:<chat>:<id>" for a chat's own rule)
    condition: str  # "above 92,000 CNY/t", "|MOM change| > 2 pp"
    kind: AlertKind
    reason: str
    figure: Figure
    article: Article
    sources: tuple[Article, ...] = ()  # every article that carried the fact, first one first


@dataclass(frozen=True, slots=True)
class Alert:
    rule: Rule
    figure: Figure
    article: Article
    reason: str
    dedup_key: str  # the same fact seen again, from any site, yields the same key
    kind: AlertKind = AlertKind.FIRED
    sources: tuple[Article, ...] = ()  # every article that carried the fact, first one first

    @property
    def condition(self) -> str:
        condition = self.rule.condition
        if isinstance(condition, MovesBy):
            unit = metrics.spec(self.figure.metric).change_unit or self.figure.unit
            return condition.describe(unit)
        return condition.describe(self.figure.unit)

    @property
    def content(self) -> AlertContent:
        return AlertContent(
            rule=self.rule.name,
            condition=self.condition,
            kind=self.kind,
            reason=self.reason,
            figure=self.figure,
            article=self.article,
            sources=self.sources,
        )


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    chat: str
    text: str  # empty for an alert: its notifier renders it when it is sent
    idempotency_key: str
    photo: bytes | None = None  # a PNG chart, sent with the text as its caption
    alert_key: str | None = None  # the alert this message tells (alerts.dedup_key)
    notifier: str = "telegram"  # the kind of notifier that delivers it (its target's kind)


@dataclass(frozen=True, slots=True)
class Target:
    """Where a message goes: a kind of notifier (bot/notifiers.py) and an address there."""

    notifier: str
    address: str


@dataclass(frozen=True, slots=True)
class QueuedMessage:
    id: int
    chat: str
    text: str
    idempotency_key: str
    attempts: int
    created_at: datetime
    plain: bool = False  # send without HTML parsing (after Telegram could not parse it)
    photo: bytes | None = None
    unknown_outcomes: int = 0  # earlier sends that may or may not have arrived
    alert_key: str | None = None  # rendered from this alert at send time
    parts_sent: int = 0  # of an alert too long for one message, the parts already sent
    notifier: str = "telegram"  # the kind of notifier that delivers it
