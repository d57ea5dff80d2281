"""Days a text names, read against the day it was published."""

from datetime import date

from scrapers.extract.periods import told_for_an_earlier_day

JULY_9 = date(2019, 7, 9)


def test_a_level_told_for_the_day_before_the_one_reported_is_an_earlier_day() -> None:
    before = (
        "alumina fob price dropped usd 2 per tonne to stand at usd 312 per tonne, as of july 9."
    )
    assert told_for_an_earlier_day(" per tonne on monday, july 8.", before, JULY_9)


def test_a_level_told_for_the_day_the_report_is_for_is_not() -> None:
    # AL Circle reports a day's LME prices the next morning: "stood at ... on October 6" in a
    # report of October 7 is the report's own day
    before = "the lme cash price rose on october 6."
    assert not told_for_an_earlier_day(" per tonne on october 6.", before, date(2023, 10, 7))


def test_the_day_before_the_month_counts_too() -> None:
    before = "the average spot alumina price is up on thursday, 20 february 2020."
    assert told_for_an_earlier_day(" on february 19.", before, date(2020, 2, 20))
