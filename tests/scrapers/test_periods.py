"""Days a text names, read against the day it was published."""

from datetime import date

from scrapers.extract.periods import days_named, month_period, told_for_an_earlier_day
from scrapers.extract.reading import month_basis, period_of
from scrapers.models import ChangeBasis

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


def test_a_months_possessive_names_the_month_of_its_figure() -> None:
    told = "june’s average operating rate at the surveyed smelters rose to 59.06%"
    assert month_period(told, date(2013, 7, 15), forecast=False) == "2013-06"
    # ... but not a month whose story goes on in the next ("extend July's declines in August")
    assert (
        month_period("will extend july's declines in august", date(2015, 8, 21), forecast=True)
        == "2015-08"
    )


def test_the_month_before_and_a_level_compared_with_are_not_the_period() -> None:
    published = date(2012, 1, 16)
    after = "after increasing in november, the average operating rate in december fell 0.53%"
    assert period_of(after, after, published, forecast=False, weekly=False, fallback=None) == (
        "2011-12"
    )
    compared = "june’s average operating rate rose to 59.06% and was up from may’s 55.13%"
    assert period_of(
        compared, compared, date(2013, 7, 15), forecast=False, weekly=False, fallback=None
    ) == ("2013-06")


def test_a_named_month_of_the_year_before_is_a_years_change_unless_it_is_the_month_before() -> None:
    assert month_basis(" from december 2017.", "2018-01") is ChangeBasis.MOM
    assert month_basis(" from january 2017.", "2018-01") is ChangeBasis.YOY
    assert month_basis(" from march 2018", "2019-03") is ChangeBasis.YOY


def test_the_days_a_text_names_are_read_in_order() -> None:
    assert days_named("August 28, 2025: ... On 29 August, ...") == [(8, 28), (8, 29)]
    assert days_named("no day here") == []
