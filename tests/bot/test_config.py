"""A broken config names the file and key in one line and exits 2; a good one is summarised."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.config import load_config, parse_config
from bot.errors import ConfigError
from scrapers.models import Metric

SHIPPED = Path(__file__).resolve().parents[2] / "config.yaml"


def check(text: str, environ: dict[str, str] | None = None) -> None:
    parse_config(text, file="config.yaml", base_dir=Path("/srv/metalert"), environ=environ or {})


def test_the_shipped_config_is_valid_with_the_two_mission_rules() -> None:
    config = load_config(SHIPPED, environ={})
    assert [rule.name for rule in config.rules] == ["operating-rate-swing", "copper-above-92k"]
    assert config.rules[0].metric is Metric.OPERATING_RATE
    assert config.storage_path == SHIPPED.parent / "metalert.db"
    assert config.token is None


RULE = "rules:\n  - name: r\n    metric: price\n    subject: copper\n"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (RULE + "    above: lots\n", "config.yaml: rules[0].above: must be a number"),
        (RULE + '    above: "92000"\n', "config.yaml: rules[0].above: must be a number"),
        (RULE + "    abov: 92000\n", "config.yaml: rules[0].abov: unknown key"),
        (
            RULE + "    unit: pp\n    change: mom\n    moves_by: 2\n",
            "config.yaml: rules[0].unit: pp does not apply to price (use CNY/t or USD/t)",
        ),
        (
            "rules:\n  - name: r\n    metric: operating_rate\n    change: mom\n    moves_by: {pct: 2}\n",
            "config.yaml: rules[0].moves_by: operating-rate changes are in percentage points, not %",
        ),
        (
            RULE + "    above: 92000\n    unit: null\n",
            "config.yaml: rules[0].unit: required for a price threshold (CNY/t or USD/t)",
        ),
        (
            RULE + "    unit: CNY/t\n    above: 92000\n    rearm: 93000\n",
            "config.yaml: rules[0].rearm: must be at or below the threshold 92000",
        ),
        (
            "rules:\n  - name: r\n    metric: stock\n    above: 1\n",
            "config.yaml: rules[0].metric: must be one of operating_rate, price or spread",
        ),
        (RULE, "config.yaml: rules[0]: needs exactly one of moves_by, above, below (found none)"),
        (
            RULE + "    above: 1\n    below: 2\n",
            "config.yaml: rules[0]: needs exactly one of moves_by, above, below (found above, below)",
        ),
        (
            "rules:\n  - name: r\n    metric: operating_rate\n    moves_by: 2\n",
            "config.yaml: rules[0].change: required with moves_by (mom, yoy or wow)",
        ),
        (
            "sources:\n  alcircle:\n    interval: soon\n",
            "config.yaml: sources.alcircle.interval: must be a duration such as 30s, 15m, 2h or 1d",
        ),
        (
            "sources:\n  alcircle:\n    enabled: yes please\n",
            "config.yaml: sources.alcircle.enabled: must be true or false",
        ),
        ("telegram:\n  chanel: '@x'\n", "config.yaml: telegram.chanel: unknown key"),
        ("storage: metalert.db\n", "config.yaml: storage: must be a mapping of keys"),
        (
            RULE + "    above: 1\n  - name: r\n    metric: price\n    above: 2\n",
            "config.yaml: rules[1].name: duplicate rule name 'r'",
        ),
        (
            "[1, 2]\n",
            "config.yaml: the top level must be a mapping of keys (telegram, sources, ...)",
        ),
        ("", "config.yaml: the file is empty; see the README for every key"),
        ("# only a comment\n", "config.yaml: the file is empty; see the README for every key"),
        (
            RULE + "    above: 1\nrules: []\n",
            "config.yaml: rules: line 6: duplicate key (first written on line 1)",
        ),
        (
            "sources:\n  smm:\n    interval: 5m\n    interval: 10m\n",
            "config.yaml: sources.smm.interval: line 4: duplicate key (first written on line 3)",
        ),
        (
            "sources:\n  smm:\n    interval: 99999999999d\n",
            "config.yaml: sources.smm.interval: must be at most 36500d",
        ),
        (
            RULE + "    above: 1\n    cooldown: 99999999999999999999s\n",
            "config.yaml: rules[0].cooldown: must be at most 36500d",
        ),
        (
            'http:\n  contact: "ops@example.com\\nX-Evil: 1"\n',
            "config.yaml: http.contact: must be one line of printable characters",
        ),
        (
            "telegram:\n  channel: '@x'\n bad: indent\n",
            "config.yaml: line 3, column 2: invalid YAML: expected <block end>, but found '<block mapping start>'",
        ),
    ],
)
def test_errors_name_the_key(text: str, line: str) -> None:
    with pytest.raises(ConfigError) as caught:
        check(text)
    assert str(caught.value) == line


def test_a_token_without_a_channel_is_an_error() -> None:
    with pytest.raises(ConfigError) as caught:
        check("telegram:\n  channel: null\n", {"TELEGRAM_BOT_TOKEN": "1:abc"})
    assert (
        str(caught.value)
        == "config.yaml: telegram.channel: required when $TELEGRAM_BOT_TOKEN is set"
    )


def test_the_token_is_read_from_the_named_variable_and_hidden_in_repr() -> None:
    config = parse_config(
        "telegram:\n  channel: '@metal_news'\n  token_env: MY_TOKEN\n",
        file="config.yaml",
        base_dir=Path("/srv"),
        environ={"MY_TOKEN": "1:supersecret"},
    )
    assert config.token is not None and config.token.get_secret_value() == "1:supersecret"
    assert "supersecret" not in repr(config)


def test_check_config_cli_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(RULE + "    above: lots\n")

    assert main(["check-config", "--config", str(path)]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        f"{path}: rules[0].above: must be a number"
    ]


def test_check_config_cli_reports_a_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.yaml"
    assert main(["check-config", "--config", str(missing)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"{missing}: no such file (pass --config PATH, or copy config.yaml from the project)"
    )


def test_check_config_prints_a_summary(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert main(["check-config", "--config", str(SHIPPED)]) == 0
    out = capsys.readouterr().out
    assert "source alcircle: enabled, every 15m, feeds secondaryaluminium_news, alumina_news" in out
    assert "operating-rate-swing: operating_rate '*' |MOM change| > 2 pp" in out
    assert "copper-above-92k: price 'copper' above 92,000 CNY/t" in out


@pytest.mark.parametrize(
    ("storage", "message"),
    [
        ("missing/metalert.db", "the folder {dir}/missing does not exist"),
        ("a_folder", "{dir}/a_folder is a directory, not a database file"),
    ],
)
def test_a_storage_path_that_cannot_be_a_database_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], storage: str, message: str
) -> None:
    (tmp_path / "a_folder").mkdir()
    path = tmp_path / "config.yaml"
    path.write_text(f"storage:\n  path: {storage}\n")

    assert main(["check-config", "--config", str(path)]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        f"{path}: storage.path: " + message.format(dir=tmp_path)
    ]
