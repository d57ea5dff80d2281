"""Sentence splitting and number reading shared by the metric extractors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A number as the sites write figures: "92,000", "46.3", "1,234,567.5". Bounded on purpose: no
# figure has more than twelve digits before the point or six after it, and a run of thousands of
# digits (or "1e300", or the digits after a point) must not become one. The lookarounds keep a
# bounded match from starting or stopping inside a longer run of digits.
NUMBER = (
    r"(?<![\d,])(?<!\d\.)(?<!\d[eE])(?<!\d[eE][+-])"
    r"(?:\d{1,3}(?:,\d{3}){1,3}|\d{1,12})(?:\.\d{1,6})?(?!\d|,\d|\.\d|[eE][+-]?\d)"
)

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
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_GOES_ON_AFTER_A_TIME = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"today", "tomorrow", "yesterday", "beijing", "local", "gmt", "utc", "cst", "bst", "et"}
)
# ... and a full stop glued to the next sentence's first word, as some pages print a paragraph
# ("narrowing by 5 yuan/mt from the previous day.The low spot-futures price spread ...")
_BOUNDARY = re.compile(r"[.!?](?=[\s\"”’)]*(?:\s|$))|(?<=[a-z]{3})\.(?=[A-Z][a-z]{1,20}\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z.-]+)$")
# A paragraph that opens with its headline in brackets before the first sentence of its text
_BRACKETED_HEADLINE = re.compile(r"\s*[\[【][^\]】]{10,400}[\]】](?=\s+[A-Z])")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int  # offset in the article body
    # The text in lower case, offset for offset: the patterns that scan whole sentences are
    # written in lower case and run on this, since a case-blind scan costs several times more.
    folded: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str) -> str:
    """``text`` in lower case with every offset kept (str.lower lengthens a few letters, "İ")."""
    lowered = text.lower()
    folded = lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)
    if "contango" in folded:
        # SMM's lead middays translate a discount to a reference price as "contango" ("quoted at
        # a contango of 50-0 yuan/mt against the SMM 1# lead average price"): the same word
        # length, so every offset holds
        folded = _CONTANGO_AS_DISCOUNT.sub("discount", folded)
        # ... and with the reference named first ("In Henan, suppliers' quotes against the
        # SHFE lead 2507 contract were at a contango of 200-150 yuan/mt ex-factory")
        folded = _CONTANGO_AFTER_ITS_REFERENCE.sub(r"\g<lead>discount", folded)
    if "identical" in folded:
        # "Quotes from Jiangxi were identical with SMM refined lead prices": a spread of nothing,
        # written as the site writes parity elsewhere (the same length again)
        folded = _IDENTICAL_AS_PARITY.sub("at parity", folded)
    if "mur" in folded:
        # ... and its "200mur300 yuan / ton" (a dash read as "mur")
        folded = _MUR_AS_DASH.sub("-  ", folded)
    if " million " in folded:
        # a machine translation's "operating range ... 12400 million 12800 yuan / ton": its
        # range sign read as a number word, between two ends of one size
        folded = _MILLION_BETWEEN_ENDS.sub(_as_range_sign, folded)
    return folded


_MUR_AS_DASH = re.compile(r"(?<=\d)mur(?=\d)")
_MILLION_BETWEEN_ENDS = re.compile(r"(?<![\d,.])(\d{4,6}) million (\d{4,6})(?![\d,.])")


def _as_range_sign(match: re.Match[str]) -> str:
    low, high = int(match.group(1)), int(match.group(2))
    if not low < high <= low * 1.5:
        return match.group(0)
    return f"{match.group(1)} ~       {match.group(2)}"


_CONTANGO_AS_DISCOUNT = re.compile(
    r"\bcontango(?=\s+of\s+[\d,.\s-]+(?:yuan/mt|yuan)?\s+against\s+the\s+(?:smm|shfe)\b)"
)


_CONTANGO_AFTER_ITS_REFERENCE = re.compile(
    r"(?P<lead>\bagainst\s+the\s+(?:smm|shfe)\b[^.;]{0,50}?\bat\s+an?\s+)contango"
    r"(?=\s+of\s+[\d,.\s-]+(?:yuan/mt|yuan))"
)


_IDENTICAL_AS_PARITY = re.compile(r"\bidentical(?=\s+with\s+(?:the\s+)?smm\b)")


def has_digit(text: str) -> bool:
    # Ten one-character searches run at memchr speed; a \d pattern steps through the text one
    # character at a time and costs about seven times more on prose (any() over a generator
    # costs twice as much again).
    return (
        "0" in text
        or "1" in text
        or "2" in text
        or "3" in text
        or "4" in text
        or "5" in text
        or "6" in text
        or "7" in text
        or "8" in text
        or "9" in text
    )


def _ends_sentence(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return True
    # Only the word just before the full stop matters; a short window keeps this linear.
    window = max(0, dot - 24)
    word = _WORD_BEFORE.search(text[window:dot])
    if word is None:
        if not text[:dot].rstrip()[-1:].isdigit() or dot + 1 >= len(text):
            return True
        # "... on Tuesday, March 12. Al Fluoride price ...": a number ends a sentence when a
        # capital follows; "No. 1. copper" and list numbers do not.
        after = text[dot + 1 : dot + 4].lstrip()[:1]
        before = re.search(r"([A-Za-z]+)\.?\s*\d+$", text[max(0, dot - 16) : dot])
        return after.isupper() and (before is None or before.group(1).lower() not in {"no", "art"})
    token = word.group(1).lower().strip(".")
    if token in {"a.m", "p.m"}:
        # "closing at RMB 2,553 per tonne by 1 a.m. Wednesday, rebounding ...": the time goes
        # on with its day (or in lower case); "... at 3 p.m. Prices then eased" ends there
        following = _NEXT_WORD.match(text, dot + 1)
        return following is None or not (
            following.group(1).islower() or following.group(1).lower() in _GOES_ON_AFTER_A_TIME
        )
    # "Sep. 4", "e.g. copper", single initials ("U.S.") do not end a sentence; "m-o-m." does,
    # and so does "B/L." (the letter after a slash is no initial)
    after_slash = window + word.start() > 0 and text[window + word.start() - 1] == "/"
    return token not in _ABBREVIATIONS and (len(token) > 1 or "-" in word.group(1) or after_slash)


def _sentence(text: str, offset: int) -> Sentence:
    stripped = text.strip()
    return Sentence(stripped, offset + len(text) - len(text.lstrip()), fold(stripped))


def sentences(body: str, *, with_numbers: bool = False) -> Iterator[Sentence]:
    """Split a cleaned article body into sentences, keeping each one's offset.

    ``with_numbers`` skips paragraphs and sentences without a digit: they can state no figure,
    and most of an article's prose is such text.
    """
    offset = 0
    for text in body.split("\n"):
        paragraph_start = offset
        offset += len(text) + 1
        if not text or (with_numbers and not has_digit(text)):
            continue
        start = 0
        headline = _BRACKETED_HEADLINE.match(text)
        if headline is not None:
            # "[SMM ... Morning Comment: ..., Expected to Hold Up Well in the Short Term] Aluminum
            # prices edged up slightly yesterday, ...": the bracketed headline is a sentence of
            # its own, its forecast not the next sentence's
            piece = text[: headline.end()]
            if not (with_numbers and not has_digit(piece)):
                yield _sentence(piece, paragraph_start)
            start = headline.end()
        for match in _BOUNDARY.finditer(text, start):
            # The paragraph's last full stop ends a sentence either way: no need to ask.
            if match.end() < len(text) and not _ends_sentence(text, match.start()):
                continue
            piece = text[start : match.end()]
            if piece.strip() and not (with_numbers and not has_digit(piece)):
                yield _sentence(piece, paragraph_start + start)
            start = match.end()
        rest = text[start:]
        if rest.strip() and not (with_numbers and not has_digit(rest)):
            yield _sentence(rest, paragraph_start + start)
