"""Long polling with python-telegram-bot's Application: each command to its handler in
``commands``, the reply sent straight back. Started beside the daemon's jobs; Telegram being
unreachable at start-up only delays it (the alerts do not wait for it)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from pydantic import SecretStr
from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import Forbidden, InvalidToken, TelegramError
from telegram.ext import Application, ApplicationBuilder, CommandHandler, ContextTypes, filters
from telegram.ext import MessageHandler as _MessageHandler
from telegram.request import HTTPXRequest

from alerts.errors import StoreError
from alerts.render import escape
from bot.chat.answers import COMMANDS
from bot.chat.commands import Commands, Throttle
from bot.chat.grammar import CommandError
from scrapers.http import shared_tls_context

log = logging.getLogger(__name__)

POLL_TIMEOUT = 10  # seconds a getUpdates call waits for news (Telegram's long polling)
RETRY_START = 30.0  # seconds between attempts to reach Telegram at start-up
_ADMIN_COMMANDS = ("status", "pause", "resume")

Handler = Callable[[str, int, str], str]
Context = ContextTypes.DEFAULT_TYPE
Callback = Callable[[Update, Context], Coroutine[Any, Any, None]]


class Listener:
    """The bot's command side. Holds its own Bot: replies never wait behind the outbox."""

    def __init__(
        self,
        token: SecretStr,
        *,
        api_base_url: str,
        commands: Commands,
        on_blocked: Callable[[str], None],
        throttle: Throttle | None = None,
        retry_start: float = RETRY_START,
    ) -> None:
        shared = {"verify": shared_tls_context()}
        self._app: Application = (  # type: ignore[type-arg]
            ApplicationBuilder()
            .token(token.get_secret_value())
            .base_url(api_base_url)
            .request(HTTPXRequest(httpx_kwargs=shared))
            .get_updates_request(HTTPXRequest(read_timeout=POLL_TIMEOUT + 10, httpx_kwargs=shared))
            .job_queue(None)
            .build()
        )
        self._commands = commands
        self._on_blocked = on_blocked
        self._throttle = throttle or Throttle()
        self._retry_start = retry_start
        self._task: asyncio.Task[None] | None = None
        self._polling = False
        handlers: dict[str, Handler] = {
            "start": lambda chat, user, _: commands.start(chat, user),
            "help": lambda chat, user, _: commands.start(chat, user),
            "latest": commands.latest,
            "subscribe": commands.subscribe,
            "unsubscribe": commands.unsubscribe,
            "alert": commands.alert,
            "alerts": commands.alerts,
            "delete": commands.delete,
            "mute": commands.mute,
            "rules": commands.rules,
            "why": commands.why,
            "status": commands.status,
            "pause": commands.pause,
            "resume": commands.resume,
        }
        for name, handler in handlers.items():
            self._app.add_handler(CommandHandler(name, self._answering(name, handler)))
        self._app.add_handler(_MessageHandler(filters.COMMAND, self._unknown))
        self._app.add_error_handler(self._error)

    def __repr__(self) -> str:
        return "Listener(token=<secret>)"

    def start(self) -> None:
        """Begin in the background: reach Telegram, set the command menu, poll."""
        self._task = asyncio.create_task(self._run(), name="telegram-commands")

    async def stop(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        if self._polling:
            self._polling = False
            try:
                await self._app.updater.stop()  # type: ignore[union-attr]
                await self._app.stop()
            except TelegramError as exc:
                log.warning("telegram commands stop: %s", exc)
        try:
            await self._app.shutdown()
        except (TelegramError, RuntimeError) as exc:
            log.debug("telegram commands shutdown: %s", exc)

    async def _run(self) -> None:
        while True:
            try:
                await self._app.initialize()
                break
            except InvalidToken:
                log.error("telegram commands: the bot token was rejected; commands are off")
                return
            except TelegramError as exc:
                log.warning(
                    "telegram commands: cannot reach the Bot API (%s); trying again in %.0fs",
                    exc,
                    self._retry_start,
                )
                await asyncio.sleep(self._retry_start)
        try:
            await self._app.bot.set_my_commands(
                [BotCommand(name, text[:256]) for name, text in COMMANDS]
            )
        except TelegramError as exc:
            log.warning("telegram commands: setMyCommands failed: %s", exc)
        updater = self._app.updater
        assert updater is not None
        await updater.start_polling(timeout=POLL_TIMEOUT, error_callback=self._polling_error)
        await self._app.start()
        self._polling = True
        log.info("telegram commands: listening")

    @staticmethod
    def _polling_error(exc: TelegramError) -> None:
        log.warning("telegram commands: getUpdates failed (%s); polling goes on", exc)

    def _answering(self, name: str, handler: Handler) -> Callback:
        async def answer(update: Update, context: Context) -> None:
            message, chat, user = (
                update.effective_message,
                update.effective_chat,
                update.effective_user,
            )
            if message is None or chat is None or user is None:
                return
            chat_id = str(chat.id)
            admitted = self._throttle.admit(chat_id)
            if admitted == "ignore":
                return
            if admitted == "notice":
                log.warning(
                    "telegram commands: chat %s sends too fast; ignoring it a while", chat_id
                )
                await self._reply(
                    context, chat_id, "Too many commands at once: wait a few seconds."
                )
                return
            args = " ".join(context.args or ())
            try:
                text = handler(chat_id, user.id, args)
            except CommandError as exc:
                text = f"⚠️ {escape(str(exc))}"
            except StoreError as exc:
                log.error("telegram commands: /%s failed on the store: %s", name, exc)
                text = "⚠️ The bot cannot read its database right now; try again later."
            except Exception:
                log.exception("telegram commands: /%s failed", name)
                text = "⚠️ Something went wrong answering that; it has been logged."
            await self._reply(context, chat_id, text)

        return answer

    async def _unknown(self, update: Update, context: Context) -> None:
        chat = update.effective_chat
        if chat is None or self._throttle.admit(str(chat.id)) != "ok":
            return
        await self._reply(context, str(chat.id), "Unknown command: /help lists them.")

    async def _reply(self, context: Context, chat: str, text: str) -> None:
        try:
            await context.bot.send_message(
                chat_id=chat,
                text=text,
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        except Forbidden:
            log.warning("telegram commands: chat %s blocked the bot; its rules are kept", chat)
            self._on_blocked(chat)
        except TelegramError as exc:
            log.warning("telegram commands: reply to chat %s failed: %s", chat, exc)

    async def _error(self, update: object, context: Context) -> None:
        log.warning("telegram commands: %s", context.error)
