"""Configuration: config.yaml parsed once into frozen, typed settings, or one clear error line."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SecretStr,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationError,
)
from pydantic_core import ErrorDetails

from alerts.models import Crossing, FirstObservation, MovesBy, Rule, RuleOptions
from bot.errors import ConfigError
from scrapers.extract import metrics
from scrapers.models import Bound, ChangeBasis, Metric

_DURATION = re.compile(r"^\s*(\d+)\s*([smhd])\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


_LONGEST = timedelta(days=36_500)  # a century: anything longer is a typo, not a setting


def _duration(value: object) -> timedelta:
    if isinstance(value, timedelta):
        return value
    match = _DURATION.match(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError("must be a duration such as 30s, 15m, 2h or 1d")
    seconds = int(match.group(1)) * _UNIT_SECONDS[match.group(2)]
    if seconds > _LONGEST.total_seconds():
        raise ValueError("must be at most 36500d")
    return timedelta(seconds=seconds)


def _one_line(value: object) -> object:
    # Sent in a header (the User-Agent): a line break would break every request.
    if isinstance(value, str) and not value.isprintable():
        raise ValueError("must be one line of printable characters")
    return value


def _listen(value: object) -> object:
    # "host:port", the host an address or name ("[::1]:9108" for IPv6), the port 0-65535.
    if value is None:
        return None
    if isinstance(value, str):
        host, _, port = value.rpartition(":")
        if host and port.isdigit() and int(port) <= 65535 and " " not in host:
            return value
    raise ValueError('must be "host:port", e.g. "127.0.0.1:9108"')


def duration(text: str) -> timedelta:
    """A duration as config.yaml writes them ("30s", "15m", "2h", "1d"); ValueError if not."""
    return _duration(text)


def _positive_duration(value: object) -> timedelta:
    duration = _duration(value)
    if duration <= timedelta(0):
        raise ValueError("must be longer than 0s")
    return duration


def _number(value: object) -> Decimal:
    # YAML gives int or float; a quoted string or a boolean is a mistake worth naming.
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("must be a number")
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError("must be a number") from exc


def _chat(value: object) -> str | None:
    # A chat is "@channelname" or a numeric id (negative for groups and channels).
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and (
        re.fullmatch(r"@[A-Za-z]\w{3,}", value) or re.fullmatch(r"-?\d+", value)
    ):
        return value
    raise ValueError("must be @channelname or a numeric chat id")


Duration = Annotated[timedelta, BeforeValidator(_duration)]
Interval = Annotated[timedelta, BeforeValidator(_positive_duration)]
Number = Annotated[Decimal, BeforeValidator(_number)]
Chat = Annotated[str | None, BeforeValidator(_chat)]
NonEmpty = Annotated[StrictStr, Field(min_length=1)]
OneLine = Annotated[StrictStr, Field(min_length=1), BeforeValidator(_one_line)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TelegramSettings(_Section):
    channel: Chat = None
    token_env: NonEmpty = "TELEGRAM_BOT_TOKEN"  # noqa: S105 (a variable name, not a secret)
    api_base_url: NonEmpty = "https://api.telegram.org/bot"
    admin_chat: Chat = None
    # Well above Telegram's usual answer: a send that times out may still have been accepted.
    send_timeout: Interval = timedelta(seconds=30)
    # The bot answers commands in chats (long polling) when a token is set.
    commands: StrictBool = True
    admins: tuple[StrictInt, ...] = ()  # Telegram user ids allowed /status, /pause, /resume
    rules_per_chat: Annotated[StrictInt, Field(ge=0)] = 20  # personal thresholds per chat


class _SourceSettings(_Section):
    enabled: StrictBool = True
    on_first_run: Literal["baseline", "alert"] = "baseline"
    broken_after: Annotated[StrictInt, Field(ge=1)] = 3  # failed cycles in a row


class AlCircleSettings(_SourceSettings):
    base_url: NonEmpty = "https://www.alcircle.com"
    feeds: tuple[NonEmpty, ...] = ("secondaryaluminium_news", "alumina_news")
    interval: Interval = timedelta(minutes=15)


class SmmSettings(_SourceSettings):
    base_url: NonEmpty = "https://news.metal.com"
    listings: tuple[NonEmpty, ...] = ("/en",)
    interval: Interval = timedelta(minutes=30)


class HttpSettings(_Section):
    contact: OneLine | None = None  # a URL or e-mail for site operators, in the User-Agent
    min_interval: Duration = timedelta(seconds=2)  # between two requests to one host
    timeout: Interval = timedelta(seconds=20)
    max_body_mb: Annotated[Number, Field(gt=0)] = Decimal(5)
    robots: StrictBool = True


class SourcesSettings(_Section):
    alcircle: AlCircleSettings = AlCircleSettings()
    smm: SmmSettings = SmmSettings()


class StorageSettings(_Section):
    path: Path = Path("metalert.db")
    # Article bodies and sent messages older than this are pruned daily; figures never are.
    retention: Interval = timedelta(days=400)


class PercentMove(_Section):
    pct: Decimal


def _move(value: object) -> Decimal | PercentMove:
    """`moves_by: 2` (in the metric's unit) or `moves_by: {pct: 5}` (per cent of the price)."""
    if isinstance(value, PercentMove):
        return value
    if isinstance(value, dict):
        if set(value) != {"pct"}:
            raise ValueError("must be a number, or {pct: n} for a move in per cent")
        return PercentMove(pct=_number(value["pct"]))
    return _number(value)


Move = Annotated[Decimal | PercentMove, BeforeValidator(_move)]


def _metric_name(value: object) -> object:
    if isinstance(value, str) and metrics.named(value) is None:
        known = [spec.metric.value for spec in metrics.METRICS.values()]
        raise ValueError(f"must be one of {', '.join(known[:-1])} or {known[-1]}")
    return value


# The metrics the extractor's registry knows; a new metric needs no change here.
MetricName = Annotated[str, BeforeValidator(_metric_name)]


class RuleSettings(_Section):
    name: NonEmpty
    metric: MetricName
    subject: NonEmpty = "*"
    region: NonEmpty = "*"
    unit: Literal["%", "pp", "CNY/t", "USD/t"] | None = None
    change: Literal["mom", "yoy", "wow", "dod"] | None = None
    moves_by: Move | None = None
    above: Number | None = None
    below: Number | None = None
    rearm: Number | None = None
    cooldown: Duration | None = None
    repeat: Interval | None = None
    expires: date | None = None
    on_first_observation: Literal["alert", "baseline"] = "alert"
    max_age: Interval = timedelta(days=45)
    send_resolved: StrictBool = False


class AlertsSettings(_Section):
    charts: StrictBool = True  # attach a history chart when a series has 3 or more points


class LoggingSettings(_Section):
    level: Literal["debug", "info", "warning", "error"] = "info"
    format: Literal["text", "json"] = "text"  # json: one object per line


class OpsSettings(_Section):
    # /healthz, /readyz and /metrics; off unless an address is given.
    listen: Annotated[str | None, BeforeValidator(_listen)] = None


class Settings(_Section):
    telegram: TelegramSettings = TelegramSettings()
    ops: OpsSettings = OpsSettings()
    logging: LoggingSettings = LoggingSettings()
    alerts: AlertsSettings = AlertsSettings()
    sources: SourcesSettings = SourcesSettings()
    http: HttpSettings = HttpSettings()
    storage: StorageSettings = StorageSettings()
    rules: tuple[RuleSettings, ...] = ()


@dataclass(frozen=True, slots=True)
class Config:
    """Everything the daemon needs to know, checked: settings, rules, and the secret token."""

    file: str
    settings: Settings
    rules: tuple[Rule, ...]
    storage_path: Path
    token: SecretStr | None  # from the environment, never from the file

    @property
    def chats(self) -> tuple[str, ...]:
        channel = self.settings.telegram.channel
        return (channel,) if channel else ("console",)


def _key_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "required"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    if kind == "literal_error":
        return "must be one of " + str(error["ctx"]["expected"]).replace("'", "")
    if kind in {"int_type", "int_parsing"}:
        return "must be a whole number"
    if kind in {"greater_than_equal", "greater_than"}:
        return f"must be {'at least' if kind == 'greater_than_equal' else 'more than'} " + str(
            error["ctx"].get("ge", error["ctx"].get("gt"))
        )
    if kind in {"bool_type", "bool_parsing"}:
        return "must be true or false"
    if kind in {"string_type"}:
        return "must be a string"
    if kind in {"tuple_type", "list_type"}:
        return "must be a list"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return "must be a mapping of keys"
    message = str(error["msg"])
    return message[0].lower() + message[1:]


_PRICE_UNITS = set(metrics.spec(Metric.PRICE).units)


def _check_unit(raw: RuleSettings, metric: Metric, key: str, file: str) -> None:
    if raw.unit is None:
        return
    spec = metrics.spec(metric)
    allowed = [*spec.units, *([spec.change_unit] if spec.change_unit else [])]
    if raw.unit not in allowed:
        raise ConfigError(
            file,
            f"{raw.unit} does not apply to {raw.metric} (use {' or '.join(allowed)})",
            key=f"{key}.unit",
        )


def _moves_by(raw: RuleSettings, metric: Metric, key: str, file: str) -> MovesBy:
    assert raw.moves_by is not None
    percent = isinstance(raw.moves_by, PercentMove)
    threshold = raw.moves_by.pct if isinstance(raw.moves_by, PercentMove) else raw.moves_by
    if metric is Metric.OPERATING_RATE:
        if raw.change is None:
            raise ConfigError(file, "required with moves_by (mom, yoy or wow)", key=f"{key}.change")
        if raw.unit == "%" or percent:
            raise ConfigError(
                file,
                "operating-rate changes are in percentage points, not %",
                key=f"{key}.moves_by",
            )
    if threshold <= 0:
        raise ConfigError(file, "must be greater than 0", key=f"{key}.moves_by")
    if metric is not Metric.OPERATING_RATE and not percent and raw.unit is None:
        raise ConfigError(
            file, "required for a price move in money (CNY/t or USD/t)", key=f"{key}.unit"
        )
    basis = ChangeBasis(raw.change) if raw.change else None
    return MovesBy(basis=basis, threshold=threshold, percent=percent)


def _crossing(raw: RuleSettings, metric: Metric, key: str, file: str) -> Crossing:
    if raw.change is not None:
        raise ConfigError(file, "only applies with moves_by", key=f"{key}.change")
    if raw.unit == "pp":
        raise ConfigError(file, "a level threshold cannot be in pp", key=f"{key}.unit")
    if metric is not Metric.OPERATING_RATE and raw.unit is None:
        # 92,000 means nothing against a price quoted in dollars: say which currency.
        raise ConfigError(
            file, "required for a price threshold (CNY/t or USD/t)", key=f"{key}.unit"
        )
    bound = Bound.ABOVE if raw.above is not None else Bound.BELOW
    threshold = raw.above if raw.above is not None else raw.below
    assert threshold is not None
    if raw.rearm is not None and (
        (bound is Bound.ABOVE and raw.rearm > threshold)
        or (bound is Bound.BELOW and raw.rearm < threshold)
    ):
        side = "at or below" if bound is Bound.ABOVE else "at or above"
        raise ConfigError(file, f"must be {side} the threshold {threshold}", key=f"{key}.rearm")
    return Crossing(bound=bound, threshold=threshold, rearm=raw.rearm)


def rule_from_settings(index: int, raw: RuleSettings, file: str) -> Rule:
    key = f"rules[{index}]"
    conditions = [name for name in ("moves_by", "above", "below") if getattr(raw, name) is not None]
    if len(conditions) != 1:
        found = ", ".join(conditions) if conditions else "none"
        raise ConfigError(
            file, f"needs exactly one of moves_by, above, below (found {found})", key=key
        )
    metric = Metric(raw.metric)
    _check_unit(raw, metric, key, file)
    condition: MovesBy | Crossing
    if raw.moves_by is not None:
        if raw.rearm is not None or raw.send_resolved:
            name = "rearm" if raw.rearm is not None else "send_resolved"
            raise ConfigError(file, "only applies with above or below", key=f"{key}.{name}")
        condition = _moves_by(raw, metric, key, file)
    else:
        condition = _crossing(raw, metric, key, file)
    unit = raw.unit if raw.unit in _PRICE_UNITS else None
    options = RuleOptions(
        cooldown=raw.cooldown,
        repeat=raw.repeat,
        expires=raw.expires,
        on_first_observation=FirstObservation(raw.on_first_observation),
        max_age=raw.max_age,
        send_resolved=raw.send_resolved,
    )
    return Rule(
        name=raw.name,
        metric=metric,
        condition=condition,
        subject=raw.subject,
        region=raw.region,
        unit=unit,
        options=options,
    )


def _key_path_text(path: tuple[int | str, ...]) -> str:
    return _key_path(path) or "(top level)"


def _check_duplicate_keys(node: yaml.Node, path: tuple[int | str, ...], file: str) -> None:
    """A key written twice silently replaces the first (a second ``rules:`` block drops every
    rule of the first): name it instead."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is not None and key != "<<":
                line = key_node.start_mark.line + 1
                if key in seen:
                    raise ConfigError(
                        file,
                        f"line {line}: duplicate key (first written on line {seen[key]})",
                        key=_key_path_text((*path, key)),
                    )
                seen[key] = line
            _check_duplicate_keys(value_node, (*path, key) if key is not None else path, file)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _check_duplicate_keys(item, (*path, index), file)


def parse_config(text: str, *, file: str, base_dir: Path, environ: dict[str, str]) -> Config:
    """Check a config document; raise ConfigError with one line naming the key at fault."""
    try:
        composed = yaml.compose(text, Loader=yaml.SafeLoader)
        if composed is not None:
            _check_duplicate_keys(composed, (), file)
        document = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise ConfigError(file, f"{where}invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(file, f"invalid YAML: {exc}") from None
    if document is None:
        raise ConfigError(file, "the file is empty; see the README for every key")
    if not isinstance(document, dict):
        raise ConfigError(file, "the top level must be a mapping of keys (telegram, sources, ...)")
    try:
        settings = Settings.model_validate(document)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ConfigError(file, _message(first), key=_key_path(first["loc"]) or None) from None

    names: set[str] = set()
    for index, raw in enumerate(settings.rules):
        if raw.name in names:
            raise ConfigError(file, f"duplicate rule name {raw.name!r}", key=f"rules[{index}].name")
        names.add(raw.name)
    rules = tuple(rule_from_settings(index, raw, file) for index, raw in enumerate(settings.rules))

    telegram = settings.telegram
    token_value = environ.get(telegram.token_env, "").strip()
    token = SecretStr(token_value) if token_value else None
    if token is not None and telegram.channel is None:
        raise ConfigError(
            file, f"required when ${telegram.token_env} is set", key="telegram.channel"
        )
    if not telegram.api_base_url.startswith(("http://", "https://")):
        raise ConfigError(file, "must be an http:// or https:// URL", key="telegram.api_base_url")
    for name in ("alcircle", "smm"):
        base_url = getattr(settings.sources, name).base_url
        if not base_url.startswith(("http://", "https://")):
            raise ConfigError(
                file, "must be an http:// or https:// URL", key=f"sources.{name}.base_url"
            )

    storage_path = settings.storage.path
    if not storage_path.is_absolute():
        storage_path = base_dir / storage_path
    return Config(file=file, settings=settings, rules=rules, storage_path=storage_path, token=token)


def load_config(path: str | Path, environ: dict[str, str] | None = None) -> Config:
    file = str(path)
    config_path = Path(path)
    try:
        text = config_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            file, "no such file (pass --config PATH, or copy config.yaml from the project)"
        ) from None
    except IsADirectoryError:
        raise ConfigError(file, "is a directory, not a config file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(file, f"cannot be read: {exc}") from None
    config = parse_config(
        text,
        file=file,
        base_dir=config_path.resolve().parent,
        environ=dict(os.environ) if environ is None else environ,
    )
    check_storage(config)
    return config


def check_storage(config: Config) -> None:
    """The database must be creatable where the settings put it, before anything runs."""
    path = config.storage_path
    if path.is_dir():
        raise ConfigError(
            config.file, f"{path} is a directory, not a database file", key="storage.path"
        )
    if not path.parent.is_dir():
        raise ConfigError(
            config.file, f"the folder {path.parent} does not exist", key="storage.path"
        )
