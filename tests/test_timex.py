import pytest

from newsgraph.extract.timex import normalise_timex


@pytest.mark.parametrize("text, pub, expected", [
    ("2004", None, "2004"),
    ("in 2004", None, "2004"),
    ("April 2017", None, "2017-04"),
    ("March 5, 2020", None, "2020-03-05"),
    ("5 March 2020", None, "2020-03-05"),
    ("a year and a half ago", "2017-04-04", "2015-10"),
    ("two years ago", "2017-03-10", "2015-03"),
    ("yesterday", "2019-12-07", "2019-12-06"),
    ("a year and a half ago", None, None),  # relative with nothing to anchor it
    ("the coming days", "2017-04-04", None),  # vague
    ("the 1990s", None, None),
])
def test_normalise_timex(text, pub, expected):
    assert normalise_timex(text, pub) == expected


@pytest.mark.parametrize("text, expected", [
    ("Friday, August 21, 2015", "2015-08-21"),
    ("21 August 2015", "2015-08-21"),
    ("Aug. 21, 2015", "2015-08-21"),
    ("2015-08-21", "2015-08-21"),
    ("sometime in August", None),
])
def test_full_dates_without_dateparser(text, expected):
    from newsgraph.extract.timex import full_date

    got = full_date(text)
    assert (got.isoformat() if got else None) == expected


def test_weekdays_and_yearless_dates_need_the_publication_date():
    # Without a publication date, "Monday" or "May 10" name no knowable day (not the day the
    # build ran); with one, they resolve against it.
    assert normalise_timex("Monday", None) is None
    assert normalise_timex("May 10", None) is None
    assert normalise_timex("May 10", "2025-05-12") == "2025-05-10"
    assert normalise_timex("May 2017", None) == "2017-05"
