"""Each command's decision, apart from Telegram: a chat, a user and the text after the command
in, the reply out. The listener calls these; tests may too."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from alerts import rule_codec
from alerts.models import Rule
from alerts.render import escape
from alerts.store import Store
from bot.chat import answers
from bot.chat.grammar import ALERT_EXAMPLES, CommandError, mute_for, personal_rule

log = logging.getLogger(__name__)

LATEST_LIMIT = 5
RECENT_ALERTS = 3


@dataclass(frozen=True, slots=True)
class Settings:
    """What the commands need from the config; read again after a reload."""

    rules: tuple[Rule, ...]
    channel: str | None
    admins: frozenset[int]
    sources: tuple[str, ...]
    rules_per_chat: int


@dataclass
class Throttle:
    """A few commands a second per chat (a token bucket: ``rate`` a second, bursts of
    ``burst``); past that, one notice, then silence until the chat slows down."""

    rate: float = 3.0
    burst: float = 6.0
    clock: Callable[[], float] = time.monotonic
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)  # tokens, at
    _warned: set[str] = field(default_factory=set)

    def admit(self, chat: str) -> str:
        """ "ok", "notice" (tell the chat once) or "ignore"."""
        now = self.clock()
        tokens, at = self._buckets.get(chat, (self.burst, now))
        tokens = min(self.burst, tokens + (now - at) * self.rate)
        if tokens >= 1:
            self._buckets[chat] = (tokens - 1, now)
            self._warned.discard(chat)
            return "ok"
        self._buckets[chat] = (tokens, now)
        if chat in self._warned:
            return "ignore"
        self._warned.add(chat)
        return "notice"


class Commands:
    def __init__(
        self,
        store: Store,
        settings: Callable[[], Settings],
        clock: Callable[[], datetime],
    ) -> None:
        self._store = store
        self._settings = settings
        self._clock = clock

    # -- everyone ------------------------------------------------------------------------------

    def start(self, chat: str, user: int) -> str:
        self._store.enable_chat(chat)  # a user who blocked the bot and came back
        settings = self._settings()
        return answers.welcome(settings.channel, user in settings.admins)

    def latest(self, chat: str, user: int, args: str) -> str:
        now = self._clock()
        asked = args.strip().lower()
        if not asked:
            recent = self._store.recent_alerts(RECENT_ALERTS)
            if not recent:
                return "No alerts yet. Ask for a subject: /latest copper"
            return "<b>Last alerts</b>\n\n" + "\n\n".join(
                answers.figure_line(alert.figure, now) for alert in recent
            )
        found = self._store.latest_figures(asked, LATEST_LIMIT)
        if not found and not set("*?[") & set(asked):
            found = self._store.latest_figures(f"{asked}*", LATEST_LIMIT)
        return answers.latest(found, asked, self._store.subjects(), now)

    def subscribe(self, chat: str, user: int, args: str) -> str:
        filter_ = args.strip().lower() or None
        with self._store.transaction():
            self._store.subscribe(chat, filter_, self._clock())
            self._store.enable_chat(chat)
        what = f"the channel's alerts on {escape(filter_)}" if filter_ else "every channel alert"
        return f"Subscribed: you will get {what} here. /unsubscribe to stop."

    def unsubscribe(self, chat: str, user: int, args: str) -> str:
        with self._store.transaction():
            removed = self._store.unsubscribe(chat)
        return "Unsubscribed." if removed else "You were not subscribed."

    def alert(self, chat: str, user: int, args: str) -> str:
        if not args.strip():
            raise CommandError("say what to watch, for example " + " or ".join(ALERT_EXAMPLES))
        settings = self._settings()
        owned = self._store.personal_rules(chat)
        if len(owned) >= settings.rules_per_chat:
            raise CommandError(
                f"you have {len(owned)} rules, the most a chat may have; /delete one first"
            )
        rule = personal_rule(args, "draft")
        with self._store.transaction():
            rule_id = self._store.add_personal_rule(
                chat, rule_codec.encode(rule), f"/alert {args.strip()}", self._clock()
            )
            self._store.enable_chat(chat)
        return f"Rule #{rule_id} set: {escape(answers.describe(rule))}. /alerts lists yours."

    def alerts(self, chat: str, user: int, args: str) -> str:
        owned = self._store.personal_rules(chat)
        if not owned:
            return "You have no rules yet: " + ALERT_EXAMPLES[0]
        lines = ["<b>Your rules</b>"]
        for row in owned:
            rule = rule_codec.decode(row.rule, row.name)
            lines.append(f"#{row.id}: {escape(answers.describe(rule))}")
        muted = self._store.muted_until(chat)
        if muted is not None and muted > self._clock():
            lines.append(f"Muted for {answers.age(self._clock(), muted).replace(' ago', '')}")
        return "\n".join(lines)

    def delete(self, chat: str, user: int, args: str) -> str:
        text = args.strip().lstrip("#")
        if not text.isdigit():
            raise CommandError("say which rule: /delete 3 (/alerts lists their numbers)")
        with self._store.transaction():
            deleted = self._store.delete_personal_rule(chat, int(text))
        if not deleted:
            raise CommandError(f"you have no rule #{text} (/alerts lists yours)")
        return f"Rule #{text} deleted."

    def mute(self, chat: str, user: int, args: str) -> str:
        length = mute_for(args)
        until = self._clock() + length
        with self._store.transaction():
            self._store.mute(chat, until)
        if not length:
            return "Unmuted: your private alerts come again."
        return (
            f"Muted until {until:%Y-%m-%d %H:%M} UTC: alerts decided until then are not sent"
            " here. /mute 0s ends it."
        )

    def rules(self, chat: str, user: int, args: str) -> str:
        settings = self._settings()
        channel = [(rule, self._store.remembered(rule.name)) for rule in settings.rules]
        own = [
            (
                row.id,
                rule_codec.decode(row.rule, row.name),
                self._store.remembered(row.name),
            )
            for row in self._store.personal_rules(chat)
        ]
        return answers.rules_list(channel, own, self._clock())

    def why(self, chat: str, user: int, args: str) -> str:
        asked = args.strip().lower()
        if not asked:
            raise CommandError("say which subject: /why copper")
        found = self._store.latest_figures(asked, 1)
        if not found:
            return answers.latest([], asked, self._store.subjects(), self._clock())
        stored = found[0]
        now = self._clock()
        lines = [answers.figure_line(stored, now), ""]
        checked: list[tuple[str, Rule]] = [
            (f"<code>{escape(rule.name)}</code>", rule) for rule in self._settings().rules
        ]
        checked += [
            (f"your rule #{row.id}", rule_codec.decode(row.rule, row.name))
            for row in self._store.personal_rules(chat)
        ]
        relevant = [(label, rule) for label, rule in checked if rule.metric is stored.figure.metric]
        for label, rule in relevant:
            lines.append(
                answers.why(
                    rule,
                    stored.figure,
                    stored.article.published_at,
                    self._store.alert_on(rule.name, stored.id),
                    self._store.remembered(rule.name),
                    now,
                    label,
                )
            )
        if not relevant:
            lines.append("No rule watches this metric.")
        return "\n".join(lines)

    # -- admins --------------------------------------------------------------------------------

    def _admin(self, user: int, command: str) -> None:
        if user not in self._settings().admins:
            log.warning("command /%s refused: user %s is not an admin", command, user)
            raise CommandError("not allowed: only the bot's admins may do that")

    def status(self, chat: str, user: int, args: str) -> str:
        self._admin(user, "status")
        settings = self._settings()
        sources = []
        for name in settings.sources:
            state = self._store.source_state(name)
            success = state.updated_at if state.failures == 0 else None
            sources.append((name, success, state.failures, state.last_error))
        paused = self._store.paused_since(settings.channel) if settings.channel else None
        return answers.status(
            sources,
            self._store.queued_count(),
            self._store.disabled_chats(),
            paused,
            self._clock(),
        )

    def pause(self, chat: str, user: int, args: str) -> str:
        self._admin(user, "pause")
        channel = self._settings().channel
        if channel is None:
            raise CommandError("no channel is configured")
        with self._store.transaction():
            self._store.pause_chat(channel, self._clock())
        log.warning("channel %s paused by user %s", channel, user)
        return f"Paused: alerts for {escape(channel)} wait in the queue until /resume."

    def resume(self, chat: str, user: int, args: str) -> str:
        self._admin(user, "resume")
        channel = self._settings().channel
        if channel is None:
            raise CommandError("no channel is configured")
        with self._store.transaction():
            resumed = self._store.resume_chat(channel)
        log.warning("channel %s resumed by user %s", channel, user)
        return "Resumed: queued alerts go out now." if resumed else "The channel was not paused."
