"""Where the extractor's sentences end."""

from scrapers.extract.reading import direction, tail_of
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


def test_a_full_stop_glued_to_the_next_sentence_still_ends_it() -> None:
    text = "narrowing by 5 yuan/mt from the previous day.The low spread kept offers at 0 to +10."
    assert _split(text) == [
        "narrowing by 5 yuan/mt from the previous day.",
        "The low spread kept offers at 0 to +10.",
    ]
    # ... but not inside a web address or a company's abbreviation
    assert len(_split("See news.metal.com for Co.Ltd quotes.")) == 1


def test_a_tail_of_text_starts_at_a_whole_word() -> None:
    # "stainless"[-4:] is "less", a fall: a window cut inside a word must not read it
    assert tail_of("the price of private 304 cold-rolled stainless steel was", 14) == "steel was"
    assert direction(tail_of("private 304 cold-rolled stainless steel was", 14)) is None
    assert tail_of("fell by", 14) == "fell by"
