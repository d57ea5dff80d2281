"""Local stand-ins on real sockets (127.0.0.1): a fixture website and the Telegram Bot API."""

from __future__ import annotations

import email.policy
import hashlib
import json
import select
import socket
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.parser import BytesParser
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Reply:
    """One scripted HTTP answer."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering, for timeout and shutdown tests
    stream_chunks: int = 0  # send this many 1 MiB chunks, chunked, instead of ``body``


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    client_alive: Callable[[], bool] = lambda: True  # False once the client hung up


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that gave up (a capped body, a cancelled fetch) is part of the test, not news.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class _Server:
    """A ThreadingHTTPServer on an ephemeral port, run in a daemon thread."""

    def __init__(self, handle: Callable[[Request], Reply]) -> None:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in separate writes; with Nagle's algorithm on, a kept-alive
            # client's delayed ACK holds each answer ~40 ms, which is the stand-in, not Telegram.
            disable_nagle_algorithm = True

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                request = Request(
                    method=self.command,
                    path=self.path,
                    headers=dict(self.headers.items()),
                    body=self.rfile.read(length) if length else b"",
                )
                with outer._lock:
                    outer.requests.append(request)
                reply = handle(request)
                if reply.delay:
                    time.sleep(reply.delay)
                self.send_response(reply.status)
                if reply.stream_chunks:
                    self._stream(reply)
                    return
                headers = {"Content-Length": str(len(reply.body)), **reply.headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(reply.body)

            def _client_alive(self) -> bool:
                readable, _, _ = select.select([self.connection], [], [], 0)
                if not readable:
                    return True
                try:
                    return bool(self.connection.recv(1, socket.MSG_PEEK) != b"")
                except OSError:
                    return False

            def _stream(self, reply: Reply) -> None:
                # No Content-Length: the client learns the size only by reading.
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                chunk = b"x" * (1024 * 1024)
                for _ in range(reply.stream_chunks):
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    with outer._lock:
                        outer.streamed_bytes += len(chunk)
                self.wfile.write(b"0\r\n\r\n")

            do_GET = do_POST = do_HEAD = _serve  # noqa: N815

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output clean

        self.requests: list[Request] = []
        self.streamed_bytes = 0
        self._lock = threading.Lock()
        self._httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


class FixtureSite(_Server):
    """Serves fixture pages by path; each path may have a script of replies used in order."""

    def __init__(self) -> None:
        self._routes: dict[str, deque[Reply]] = {}
        self._etags: dict[str, str] = {}
        self._bodies: dict[str, int] = {}
        super().__init__(self._route)

    def serve(self, path: str, *replies: Reply) -> None:
        self._routes[path] = deque(replies)
        self._etags.pop(path, None)

    def serve_text(
        self, path: str, text: str, content_type: str = "application/rss+xml", *, etag: bool = True
    ) -> None:
        """Serve a text body with an ETag (its hash), answering 304 when the client has it."""
        headers = {"Content-Type": f"{content_type}; charset=utf-8"}
        tag = f'"{hashlib.sha256(text.encode()).hexdigest()[:16]}"'
        if etag:
            headers["ETag"] = tag
        self.serve(path, Reply(body=text.encode(), headers=headers))
        if etag:
            self._etags[path] = tag

    def serve_html(self, path: str, html: str) -> None:
        self.serve_text(path, html, "text/html", etag=False)

    def bodies_sent(self, path: str) -> int:
        """How many requests for ``path`` were answered with a body (not 304)."""
        return self._bodies.get(path, 0)

    def hits(self, path: str) -> int:
        return sum(1 for request in self.requests if urlsplit(request.path).path == path)

    def _route(self, request: Request) -> Reply:
        # A route registered with its query ("/en?page=2") wins over the bare path.
        path = request.path if request.path in self._routes else urlsplit(request.path).path
        script = self._routes.get(path)
        if not script:
            return Reply(status=404, body=b"not found")
        tag = self._etags.get(path)
        if tag is not None and request.headers.get("If-None-Match") == tag:
            return Reply(status=304, headers={"ETag": tag})
        self._bodies[path] = self._bodies.get(path, 0) + 1
        # The last reply of a script repeats for ever after.
        return script.popleft() if len(script) > 1 else script[0]


@dataclass(frozen=True)
class SentMessage:
    chat_id: str
    text: str  # the caption, for a photo
    parse_mode: str | None
    photo: bytes | None = None


class BotApiStandIn(_Server):
    """Answers the Bot API methods metalert uses, like Telegram does, for one token.

    ``fail_next`` scripts failures of sendMessage (429 with retry_after, 5xx, 403, 400).
    """

    def __init__(self, token: str) -> None:
        self.token = token
        self.sent: list[SentMessage] = []
        self._failures: deque[tuple[int, dict[str, Any]]] = deque()
        self._next_id = 100
        self._hold: float = 0.0
        self._get_me_delay: float = 0.0
        self._stall: float = 0.0
        self.latency: float = 0.0  # every send answers this many seconds late, as over a network
        self.held = threading.Event()  # set when a held sendMessage has arrived
        self.commands_menu: list[dict[str, str]] = []  # what setMyCommands set
        self._updates: list[dict[str, Any]] = []
        self._update_id = 500
        self._blocked: set[str] = set()
        self._news = threading.Condition()
        super().__init__(self._answer)

    @property
    def api_base_url(self) -> str:
        return f"{self.url}/bot"

    def fail_next(self, status: int, description: str, retry_after: int | None = None) -> None:
        payload: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if retry_after is not None:
            payload["parameters"] = {"retry_after": retry_after}
        self._failures.append((status, payload))

    def clear_failures(self) -> None:
        self._failures.clear()

    def slow_get_me(self, seconds: float) -> None:
        """Answer getMe only after ``seconds``: a start-up that takes its time."""
        self._get_me_delay = seconds

    def hold_next_send(self, seconds: float) -> None:
        """Hold the next sendMessage before accepting it; if the client hangs up meanwhile (the
        process was killed), the message is not accepted, as Telegram would not have it either."""
        self._hold = seconds

    def accept_then_stall(self, seconds: float) -> None:
        """Accept the next sendMessage, then answer only after ``seconds``: Telegram under load,
        as a client with a shorter timeout sees it (the message is there; no answer came)."""
        self._stall = seconds

    def user_says(self, user: int, text: str) -> None:
        """A user writes to the bot in a private chat (chat id = user id), as getUpdates gives
        it: a leading /command carries a bot_command entity."""
        message: dict[str, Any] = {
            "message_id": self._update_id,
            "date": int(time.time()),
            "chat": {"id": user, "type": "private", "first_name": f"user{user}"},
            "from": {"id": user, "is_bot": False, "first_name": f"user{user}"},
            "text": text,
        }
        if text.startswith("/"):
            length = len(text.split()[0])
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        with self._news:
            self._update_id += 1
            self._updates.append({"update_id": self._update_id, "message": message})
            self._news.notify_all()

    def block(self, chat: str) -> None:
        """The user behind a private chat blocks the bot: sends to it get 403."""
        self._blocked.add(chat)

    def answered(self) -> bool:
        """Whether every update given so far has been fetched and confirmed by the client."""
        with self._news:
            return not self._updates

    def messages_to(self, chat: str) -> list[SentMessage]:
        return [message for message in self.sent if message.chat_id == chat]

    @staticmethod
    def _params(request: Request) -> dict[str, str]:
        content_type = request.headers.get("Content-Type", "")
        if content_type.startswith("multipart/form-data"):
            parsed = BytesParser(policy=email.policy.HTTP).parsebytes(
                f"Content-Type: {content_type}\r\n\r\n".encode() + request.body
            )
            fields: dict[str, str] = {}
            for part in parsed.iter_parts():
                name = part.get_param("name", header="content-disposition")
                payload = part.get_payload(decode=True)
                if part.get_filename():
                    fields[f"{name}:file"] = payload.hex() if isinstance(payload, bytes) else ""
                else:
                    fields[str(name)] = (
                        payload.decode() if isinstance(payload, bytes) else str(payload)
                    )
            return fields
        if "json" in content_type:
            return {
                k: v if isinstance(v, str) else json.dumps(v)
                for k, v in json.loads(request.body).items()
            }
        return {k: v[0] for k, v in parse_qs(request.body.decode()).items()}

    def _json(self, status: int, payload: dict[str, Any]) -> Reply:
        return Reply(
            status=status,
            body=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )

    def _answer(self, request: Request) -> Reply:
        prefix = f"/bot{self.token}/"
        if not request.path.startswith(prefix):
            return self._json(
                HTTPStatus.UNAUTHORIZED,
                {"ok": False, "error_code": 401, "description": "Unauthorized"},
            )
        method = request.path[len(prefix) :]
        if method == "getMe":
            if self._get_me_delay:
                time.sleep(self._get_me_delay)
            user = {
                "id": 4242,
                "is_bot": True,
                "first_name": "metalert",
                "username": "metalert_test_bot",
            }
            return self._json(200, {"ok": True, "result": user})
        if method == "getUpdates":
            return self._get_updates(self._params(request))
        if method in {"deleteWebhook", "setMyCommands"}:
            if method == "setMyCommands":
                self.commands_menu = json.loads(self._params(request)["commands"])
            return self._json(200, {"ok": True, "result": True})
        if method in {"sendMessage", "sendPhoto"}:
            params = self._params(request)
            if params.get("chat_id") in self._blocked:
                return self._json(
                    HTTPStatus.FORBIDDEN,
                    {"ok": False, "error_code": 403,
                     "description": "Forbidden: bot was blocked by the user"},
                )  # fmt: skip
            if self._failures:
                status, payload = self._failures.popleft()
                return self._json(status, payload)
            if self._hold:
                hold, self._hold = self._hold, 0.0
                self.held.set()
                deadline = time.monotonic() + hold
                while time.monotonic() < deadline:
                    if not request.client_alive():
                        return Reply(status=499)  # nobody is listening; nothing accepted
                    time.sleep(0.02)
            if self.latency:
                time.sleep(self.latency)
            self._next_id += 1
            chat_id = params["chat_id"]
            photo = bytes.fromhex(params["photo:file"]) if "photo:file" in params else None
            text = params["caption"] if method == "sendPhoto" else params["text"]
            self.sent.append(SentMessage(chat_id, text, params.get("parse_mode"), photo))
            if self._stall:
                stall, self._stall = self._stall, 0.0
                time.sleep(stall)  # the client has hung up by now; the reply goes nowhere
            message = {
                "message_id": self._next_id,
                "date": int(time.time()),
                "chat": {"id": -1001234567890, "type": "channel", "title": chat_id},
                "text": text,
            }
            return self._json(200, {"ok": True, "result": message})
        return self._json(
            HTTPStatus.NOT_FOUND, {"ok": False, "error_code": 404, "description": "Not Found"}
        )

    def _get_updates(self, params: dict[str, str]) -> Reply:
        """Long polling: the updates from ``offset`` on (those before it are confirmed and
        dropped), waiting up to ``timeout`` seconds for one to come."""
        offset = int(params.get("offset", "0") or 0)
        deadline = time.monotonic() + min(float(params.get("timeout", "0") or 0), 2.0)
        with self._news:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and (left := deadline - time.monotonic()) > 0:
                self._news.wait(left)
            pending = list(self._updates)
        return self._json(200, {"ok": True, "result": pending})


def running(server: _Server) -> Iterator[Any]:
    server.start()
    try:
        yield server
    finally:
        server.stop()
