"""Sentence splitting and number reading shared by the metric extractors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

# A full stop ends a sentence unless it closes an abbreviation that usually precedes more text.
_ABBREVIATIONS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "co",
        "ltd",
        "inc",
        "st",
        "mr",
        "ms",
        "dr",
        "approx",
    ]
)
_BOUNDARY = re.compile(r"[.!?](?=[\s\"”’)]*(?:\s|$))")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int  # offset in the article body

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def to_decimal(number: str) -> Decimal:
    try:
        return Decimal(number.replace(",", ""))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {number!r}") from exc


def _ends_sentence(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return True
    # Only the word just before the full stop matters; a short window keeps this linear.
    word = _WORD_BEFORE.search(text[max(0, dot - 24) : dot])
    if word is None:
        return not text[:dot].rstrip()[-1:].isdigit() or dot + 1 >= len(text)
    token = word.group(1).lower().strip(".")
    # "Sep. 4", "e.g. copper", single initials ("U.S.") do not end a sentence.
    return token not in _ABBREVIATIONS and len(token) > 1


_DIGIT = re.compile(r"\d")


def sentences(body: str, *, with_numbers: bool = False) -> Iterator[Sentence]:
    """Split a cleaned article body into sentences, keeping each one's offset.

    ``with_numbers`` skips paragraphs and sentences without a digit: they can state no figure,
    and most of an article's prose is such text.
    """
    for paragraph in re.finditer(r"[^\n]+", body):
        text = paragraph.group(0)
        if with_numbers and _DIGIT.search(text) is None:
            continue
        start = 0
        for match in _BOUNDARY.finditer(text):
            if not _ends_sentence(text, match.start()):
                continue
            piece = text[start : match.end()]
            if piece.strip() and not (with_numbers and _DIGIT.search(piece) is None):
                offset = paragraph.start() + start + (len(piece) - len(piece.lstrip()))
                yield Sentence(piece.strip(), offset)
            start = match.end()
        rest = text[start:]
        if rest.strip() and not (with_numbers and _DIGIT.search(rest) is None):
            yield Sentence(
                rest.strip(), paragraph.start() + start + (len(rest) - len(rest.lstrip()))
            )
