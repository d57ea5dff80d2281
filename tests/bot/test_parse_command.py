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


SURVEY = (
    "According to the SMM survey, the operating rate of the secondary aluminum industry in "
    "October 2025 fell 1.5 percentage points MoM to 44.0%, but rose 2.2 percentage points YoY.\n"
)
PRICES = (
    "SMM A00 aluminum closed at 21,540 yuan/mt, up 180 yuan/mt from the previous trading day. "
    "Aluminum ingot inventories in major consumption areas totalled 464,500 mt on Friday.\n"
)


def test_several_files_print_one_json_line_each_with_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    survey, prices = tmp_path / "survey.txt", tmp_path / "prices.txt"
    survey.write_text(SURVEY)
    prices.write_text(PRICES)

    assert main(["parse", str(survey), str(prices), "--json", "--published", "2025-11-07"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["path"] == str(survey)
    assert [(f["subject"], f["value"]) for f in first["figures"]] == [("secondary aluminium", 44.0)]
    assert second["path"] == str(prices)
    assert [(f["subject"], f["value"], f["change"]) for f in second["figures"]] == [
        ("aluminium", 21540, {"abs": 180, "basis": "dod"})
    ]


def test_a_folder_is_read_file_by_file_in_name_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "b-prices.txt").write_text(PRICES)
    (tmp_path / "a-survey.html").write_text(f"<html><body><p>{SURVEY}</p></body></html>")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")

    assert main(["parse", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"== {tmp_path / 'a-survey.html'}"
    assert out[1].startswith("operating_rate  secondary aluminium  2025-10  44.0%")
    assert out[2] == f"== {tmp_path / 'b-prices.txt'}"
    assert out[3] == "price  aluminium  21540 CNY/t  change +180 CNY/t"
    assert len(out) == 4  # the PDF is not an article file


def test_one_unreadable_file_does_not_stop_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prices, missing = tmp_path / "prices.txt", tmp_path / "gone.txt"
    prices.write_text(PRICES)

    assert main(["parse", str(missing), str(prices), "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"metalert parse: cannot read {missing}: No such file or directory\n"
    (line,) = captured.out.splitlines()
    assert json.loads(line)["path"] == str(prices)


def test_explain_lists_every_number_and_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prices = tmp_path / "prices.txt"
    prices.write_text(PRICES)

    assert main(["parse", str(prices), "--explain"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "price  aluminium  21540 CNY/t  change +180 CNY/t"
    assert out[1] == "readings (+ emitted, - not emitted):"
    readings = out[2:]
    assert any(
        "'21,540 yuan/mt'" in r and r.lstrip().startswith("+") and "level" in r for r in readings
    )
    assert any("'180 yuan/mt'" in r and "change" in r for r in readings)
    tonnes = [r for r in readings if "464,500 mt" in r]
    assert len(tonnes) == 1 and tonnes[0].lstrip().startswith("-")
    assert "a quantity of metal (tonnes)" in tonnes[0]


def test_explain_in_json_gives_each_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prices = tmp_path / "prices.txt"
    prices.write_text(PRICES)

    document = parse_json(prices, capsys, "--explain")

    assert isinstance(document, dict)
    by_text = {r["text"]: r for r in document["readings"]}
    assert by_text["21,540 yuan/mt"] == {
        "offset": PRICES.index("21,540"),
        "text": "21,540 yuan/mt",
        "role": "level",
        "owner": "aluminium",
        "emitted": True,
        "why": "a price",
    }
    assert by_text["464,500 mt"]["emitted"] is False
