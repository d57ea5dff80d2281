"""The operations endpoint: /healthz, /readyz and /metrics on a local address (`ops.listen`).

It serves from its own thread (the standard library's WSGI server, as prometheus-client's own
exporter does), so that a scrape never waits for a poll, and a stuck event loop still answers
/healthz -- with 503. It reads only what the daemon tells it (`Health`, `DaemonMetrics`), never the
database: the SQLite connection belongs to the event loop's thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from socketserver import TCPServer, ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.registry import Collector

from bot.health import Health

log = logging.getLogger(__name__)


class _SourceAges(Collector):
    """The age of each source's last successful poll, computed when scraped."""

    def __init__(self, health: Health) -> None:
        self._health = health

    def collect(self) -> Iterator[GaugeMetricFamily]:
        now = time.time()
        ages = GaugeMetricFamily(
            "metalert_source_last_success_age_seconds",
            "Seconds since the source's last successful poll.",
            labels=["source"],
        )
        for source, last in sorted(self._health.last_success.items()):
            ages.add_metric([source], now - last)
        yield ages


class DaemonMetrics:
    """The daemon's Prometheus metrics, in a registry of their own."""

    def __init__(self, health: Health) -> None:
        self.registry = CollectorRegistry()
        registry = self.registry
        self.polls = Counter(
            "metalert_polls_total", "Polls of a source.", ["source"], registry=registry
        )
        self.poll_failures = Counter(
            "metalert_poll_failures_total", "Polls of a source that failed.", ["source"],
            registry=registry,
        )  # fmt: skip
        self.articles = Counter(
            "metalert_articles_stored_total", "New articles stored.", ["source"],
            registry=registry,
        )  # fmt: skip
        self.figures = Counter(
            "metalert_figures_stored_total", "Figures extracted and stored.", ["source"],
            registry=registry,
        )  # fmt: skip
        self.alerts = Counter(
            "metalert_alerts_fired_total", "Alerts decided, per rule.", ["rule"],
            registry=registry,
        )  # fmt: skip
        self.sent = Counter(
            "metalert_messages_sent_total", "Messages delivered.", ["target"], registry=registry
        )
        self.failed = Counter(
            "metalert_messages_failed_total",
            "Send attempts that failed (the message stays queued or is given up).",
            ["target"],
            registry=registry,
        )
        self.queued = Gauge(
            "metalert_outbox_queued_messages",
            "Messages waiting in the outbox, per target (their sum is the queue's length).",
            ["target"],
            registry=registry,
        )
        self.http = Histogram(
            "metalert_http_request_duration_seconds",
            "Duration of HTTP requests to the sites, per host.",
            ["host"],
            buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
            registry=registry,
        )
        ProcessCollector(namespace="metalert", registry=registry)
        registry.register(_SourceAges(health))

    def observe_request(self, host: str, seconds: float) -> None:
        self.http.labels(host=host).observe(seconds)


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True

    def server_bind(self) -> None:
        # HTTPServer's own bind looks the host's name up in DNS, which may hang a machine with
        # no resolver; the address is name enough.
        TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)
        self.setup_environ()


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        log.debug("ops %s", format % args)


StartResponse = Callable[[str, list[tuple[str, str]]], object]


class OpsServer:
    """The endpoint, on ``host:port``; ``start()`` and ``stop()`` from the daemon."""

    def __init__(self, listen: str, health: Health, metrics: DaemonMetrics) -> None:
        host, _, port = listen.rpartition(":")
        self._health = health
        self._metrics = metrics
        self._server = make_server(
            host.strip("[]"),
            int(port),
            self._app,
            server_class=_ThreadingWSGIServer,
            handler_class=_QuietHandler,
        )
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="metalert-ops", daemon=True
        )

    @property
    def address(self) -> str:
        return f"{self._server.server_name}:{self._server.server_port}"

    def start(self) -> None:
        self._thread.start()
        log.info("ops endpoint on http://%s (/healthz /readyz /metrics)", self.address)

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _app(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/metrics":
            body = generate_latest(self._metrics.registry)
            start_response("200 OK", [("Content-Type", CONTENT_TYPE_LATEST)])
            return [body]
        if path in ("/healthz", "/readyz"):
            ok, why = self._health.alive() if path == "/healthz" else self._health.ready()
            status = "200 OK" if ok else "503 Service Unavailable"
            start_response(status, [("Content-Type", "text/plain; charset=utf-8")])
            return [f"{why}\n".encode()]
        start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
        return [b"not found: /healthz, /readyz or /metrics\n"]
