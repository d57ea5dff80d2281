"""Each EndPattern's list of endings must let through every text its pattern matches: the list is
a shortcut, and a missing ending would silently drop a figure."""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrapers.extract import cues, operating_rate, price
from scrapers.extract.text import EndPattern
from tests.scrapers.test_corpus import CASES

END_PATTERNS = {
    f"{module.__name__.rsplit('.', 1)[-1]}.{name}": value
    for module in (operating_rate, price)
    for name, value in vars(module).items()
    if isinstance(value, EndPattern)
}
SUFFIXES = ("", "s", "es", "ed", "ing", "ped", "ping", "ly")
# Words the patterns are built from, with the inflections they accept, so that the generated
# texts often end the way a pattern wants; the pattern sources only hold stems ("topp(?:ed|ing)").
STEMS = sorted(
    {
        stem + suffix
        for end_pattern in END_PATTERNS.values()
        for stem in re.findall(r"[a-z]+", end_pattern.pattern.pattern)
        for suffix in SUFFIXES
    }
    | {word.split()[-1] for word in cues.DIRECTION_WORDS}
    | {"fell", "fall", "falling", "sank", "broke", "quoted", "rate", "prices", "the", "mark"}
)
SEPARATORS = st.sampled_from([" ", " ", " ", "", "  ", "\n", "-", ", ", "(", ":", "=", " : "])
TEXTS = st.lists(
    st.tuples(st.sampled_from(STEMS) | st.text(max_size=4), SEPARATORS), max_size=8
).map(lambda pairs: "".join(word + separator for word, separator in pairs))


@pytest.mark.parametrize("name", sorted(END_PATTERNS))
@settings(max_examples=int(os.environ.get("METALERT_FUZZ_EXAMPLES", "300")) * 2, deadline=None)
@given(text=TEXTS)
def test_endings_let_through_every_match(name: str, text: str) -> None:
    end_pattern = END_PATTERNS[name]
    assert end_pattern.search(text) == (end_pattern.pattern.search(text) is not None)


@pytest.mark.parametrize("name", sorted(END_PATTERNS))
def test_endings_agree_with_the_pattern_before_every_corpus_number(name: str) -> None:
    end_pattern = END_PATTERNS[name]
    leads = [
        case.text.lower()[max(0, match.start() - 45) : match.start()]
        for case in CASES
        for match in re.finditer(r"(?<![\d,.])\d", case.text)
    ]
    assert len(leads) > 200
    disagreements = [
        lead
        for lead in leads
        if end_pattern.search(lead) != (end_pattern.pattern.search(lead) is not None)
    ]
    assert disagreements == []


def test_every_end_pattern_is_checked() -> None:
    assert set(END_PATTERNS) == {
        "operating_rate._LEVEL_LEAD",
        "operating_rate._CHANGE_NOUN_OF",
        "operating_rate._FROM",
        "price._ABOVE",
        "price._BELOW",
        "price._NOUN_LEAD",
        "price._BY_LEAD",
    }
