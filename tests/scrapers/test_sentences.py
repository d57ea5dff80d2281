"""Where the extractor's sentences end."""

from scrapers.extract.text import sentences


def _split(text: str) -> list[str]:
    return [sentence.text for sentence in sentences(text)]


def test_a_bill_of_lading_ends_a_sentence_though_its_last_letter_stands_alone() -> None:
    assert _split("Traders bought June B/L. Meanwhile, premiums rose.") == [
        "Traders bought June B/L.",
        "Meanwhile, premiums rose.",
    ]


def test_initials_and_abbreviations_do_not() -> None:
    assert _split("Mr. A. Smith said so. Quotes fell on Sep. 4 as e.g. copper slid.") == [
        "Mr. A. Smith said so.",
        "Quotes fell on Sep. 4 as e.g. copper slid.",
    ]
