"""`metalert parse`: the JSON contract of DESIGN.md section 5, and clear errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import FIXTURES


def parse_json(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> object:
    assert main(["parse", str(path), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_seed_article_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    document = parse_json(FIXTURES / "articles/seed-alcircle-style.txt", capsys)

    assert isinstance(document, dict)
    rate, copper = document["figures"]
    evidence = rate.pop("evidence")
    assert evidence.endswith(
        "rose 2.3 percentage points M-o-M to 46.3per cent, up 2.7 percentage points Y-o-Y."
    )
    assert rate == {
        "metric": "operating_rate",
        "subject": "secondary aluminium",
        "region": "China",
        "period": "2025-11",
        "value": 46.3,
        "low": None,
        "high": None,
        "unit": "%",
        "changes": {"mom": 2.3, "yoy": 2.7},
        "unit_inferred": False,
        "forecast": False,
        "quarantined": False,
        "span": rate["span"],
    }
    assert "copper prices broke through RMB 92,000 per tonne" in copper.pop("evidence")
    copper.pop("span")
    assert copper == {
        "metric": "price",
        "subject": "copper",
        "region": "China",
        "period": None,
        "value": 92000,
        "low": None,
        "high": None,
        "unit": "CNY/t",
        "bound": "above",
        "change": None,
        "forecast": False,
        "quarantined": False,
    }


def test_html_input_is_read_as_an_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "article.html"
    page.write_text(
        "<html><body><p>{alcircleadd}The operating rate of the secondary aluminum industry in "
        "October 2025 fell 1.5 percentage points MoM to 44.0%, but rose 2.2 percentage points YoY."
        "</p></body></html>"
    )

    document = parse_json(page, capsys)

    assert isinstance(document, dict)
    (figure,) = document["figures"]
    assert (figure["value"], figure["changes"]) == (44.0, {"mom": -1.5, "yoy": 2.2})


def test_text_without_figures_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "plain.txt"
    article.write_text("The company opened a new office in Dubai.\n")

    assert main(["parse", str(article)]) == 0
    assert capsys.readouterr().out == "no figures found\n"


def test_an_unreadable_file_exits_1_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"

    assert main(["parse", str(missing)]) == 1
    assert (
        capsys.readouterr().err
        == f"metalert parse: cannot read {missing}: No such file or directory\n"
    )


def test_a_binary_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blob = tmp_path / "image.png"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

    assert main(["parse", str(blob)]) == 1
    assert "is not a text or HTML file" in capsys.readouterr().err


def test_a_bad_publication_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["parse", "-", "--published", "03/12/2025"])
    assert caught.value.code == 2
    assert "--published" in capsys.readouterr().err


def test_a_saved_smm_page_is_read_as_the_source_reads_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    document = parse_json(FIXTURES / "smm/article-103660382.html", capsys, "--source", "smm")

    assert isinstance(document, dict)
    assert [(f["subject"], f["period"]) for f in document["figures"]] == [
        ("secondary aluminium", "2025-11"),
        ("copper", None),
    ]
    # The Related News headlines (95,000 yuan/mt, 51.0%) are not the article's figures.
    assert all(f["value"] not in (95000, 51.0) for f in document["figures"])


def test_a_saved_block_page_exits_1_with_the_reason(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "smm/block-page.html"

    assert main(["parse", str(path), "--source", "smm"]) == 1
    assert (
        capsys.readouterr().err.strip()
        == f"metalert parse: {path}: page too short to be an article (saved page)"
    )
