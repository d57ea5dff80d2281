"""Who hears an alert: the channel hears the config's rules; each subscriber the channel's
alerts that match their filter; a chat alone hears its own rules. Muted chats hear nothing
until their mute ends."""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from alerts import rule_codec
from alerts.models import Alert, Rule, Target
from alerts.store.chats import Subscription
from alerts.store.protocols import AudienceStore
from scrapers.extract import metrics

_GLOB = frozenset("*?[")


def filter_matches(filter_: str | None, alert: Alert) -> bool:
    """A subscription filter: a metric name, or a subject glob; a plain word ("copper") takes
    every subject that starts with it (copper scrap, copper cathode rod)."""
    if filter_ is None:
        return True
    if metrics.named(filter_) is not None:
        return alert.figure.metric.value == filter_
    pattern = filter_.lower() if _GLOB & set(filter_) else f"{filter_.lower()}*"
    return fnmatch.fnmatchcase(alert.figure.subject.lower(), pattern)


# Users talk to the bot on Telegram: their subscriptions and own rules are answered there.
CHAT_NOTIFIER = "telegram"


@dataclass(frozen=True, slots=True)
class Audience:
    channel: tuple[Target, ...]
    subscriptions: tuple[Subscription, ...]
    owners: dict[str, str]  # personal rule name -> its chat
    muted: frozenset[str]

    def targets_for(self, alert: Alert) -> list[Target]:
        """Where an alert goes, the channel first."""
        owner = self.owners.get(alert.rule.name)
        if owner is not None:
            return [] if owner in self.muted else [Target(CHAT_NOTIFIER, owner)]
        targets = list(self.channel)
        for subscription in self.subscriptions:
            target = Target(CHAT_NOTIFIER, subscription.chat)
            if target in targets or subscription.chat in self.muted:
                continue
            if filter_matches(subscription.filter, alert):
                targets.append(target)
        return targets


def load(
    store: AudienceStore,
    rules: Sequence[Rule],
    channel: Sequence[str],
    now: datetime,
    notifier: str = CHAT_NOTIFIER,
) -> tuple[list[Rule], Audience]:
    """The config's rules with every chat's own, and who hears each."""
    personal = store.personal_rules()
    owners = {row.name: row.chat for row in personal}
    subscriptions = tuple(store.subscriptions())
    muted = frozenset(
        chat
        for chat in {*owners.values(), *(s.chat for s in subscriptions)}
        if (until := store.muted_until(chat)) is not None and until > now
    )
    everything = [*rules, *(rule_codec.decode(row.rule, row.name) for row in personal)]
    targets = tuple(Target(notifier, chat) for chat in channel)
    return everything, Audience(targets, subscriptions, owners, muted)
