"""Every labelled article in tests/corpus gives exactly its expected figures; the whole corpus
scores above the targets; and `metalert eval` reports what it misses and invents."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.cli import main
from bot.evaluation import Case, evaluate_cases, figure_key, load_corpus
from scrapers.clean import to_text
from scrapers.extract import extract_text

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CASES = load_corpus(CORPUS)


def test_the_corpus_is_big_enough_and_has_traps() -> None:
    assert len(CASES) >= 80
    assert sum(1 for case in CASES if not case.expected) >= 10
    assert sum(1 for case in CASES if case.id.startswith("trap-")) >= 15
    assert len({case.id for case in CASES}) == len(CASES), "case ids must be unique"


def _marked(case: Case) -> object:
    """A case the extractor is known to misread fails as expected (strictly: once it reads the
    case right, the mark must go)."""
    if case.known_miss is None:
        return case
    return pytest.param(case, marks=pytest.mark.xfail(reason=case.known_miss, strict=True))


@pytest.mark.parametrize("case", [_marked(case) for case in CASES], ids=[case.id for case in CASES])
def test_article_gives_exactly_its_labelled_figures(case: Case) -> None:
    found = extract_text(to_text(case.text), case.published, case.title)
    assert Counter(figure_key(figure) for figure in found) == Counter(case.expected)


def test_the_corpus_meets_the_precision_and_recall_targets() -> None:
    overall = evaluate_cases(CASES).overall
    assert overall.precision >= 0.99
    assert overall.recall >= 0.97


def test_eval_lists_misses_and_false_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "one.yaml"
    corpus.write_text(
        "- id: wrong-label\n"
        "  published: 2025-12-02\n"
        "  text: Copper prices broke through 92,000 yuan/mt.\n"
        "  figures:\n"
        "    - {metric: price, subject: copper, value: 91000, bound: above}\n"
    )

    assert main(["eval", str(corpus), "--min-precision", "0.99"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "1 cases"
    assert "overall              0.000   0.000     0    1    1" in out
    assert "miss   wrong-label: price copper region=China value=91000 unit=CNY/t bound=above" in out
    assert "false  wrong-label: price copper region=China value=92000 unit=CNY/t bound=above" in out


def test_eval_names_a_broken_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "bad.yaml"
    corpus.write_text("- id: x\n  text: t\n  figures:\n    - {subject: copper}\n")

    assert main(["eval", str(corpus)]) == 2
    assert "bad expected figure" in capsys.readouterr().err
