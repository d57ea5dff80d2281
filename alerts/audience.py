"""Who hears an alert: the channel hears the config's rules; each subscriber the channel's
alerts that match their filter; a chat alone hears its own rules. Muted chats hear nothing
until their mute ends."""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from alerts import rule_codec
from alerts.models import Alert, Rule
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


@dataclass(frozen=True, slots=True)
class Audience:
    channel: tuple[str, ...]
    subscriptions: tuple[Subscription, ...]
    owners: dict[str, str]  # personal rule name -> its chat
    muted: frozenset[str]

    def chats_for(self, alert: Alert) -> list[str]:
        """The chats an alert goes to, the channel first."""
        owner = self.owners.get(alert.rule.name)
        if owner is not None:
            return [] if owner in self.muted else [owner]
        chats = list(self.channel)
        for subscription in self.subscriptions:
            chat = subscription.chat
            if chat in chats or chat in self.muted:
                continue
            if filter_matches(subscription.filter, alert):
                chats.append(chat)
        return chats


def load(
    store: AudienceStore, rules: Sequence[Rule], channel: Sequence[str], now: datetime
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
    return everything, Audience(tuple(channel), subscriptions, owners, muted)
