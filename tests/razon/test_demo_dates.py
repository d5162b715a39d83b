"""Demo meetings dated relative to today (razon/demo.py, events/demo.py): never on a weekend, a
Dutch public holiday or between Christmas and New Year, whatever day the demo is loaded."""

import datetime

import pytest

from events.demo import upcoming_day
from razon.demo import dutch_public_holidays, easter_sunday, is_meeting_day, meeting_day

D = datetime.date


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2019, D(2019, 4, 21)),
        (2024, D(2024, 3, 31)),
        (2025, D(2025, 4, 20)),
        (2026, D(2026, 4, 5)),
        (2027, D(2027, 3, 28)),
        (2038, D(2038, 4, 25)),  # the latest possible date
        (2285, D(2285, 3, 22)),  # the earliest possible date
    ],
)
def test_easter_sunday(year, easter):
    assert easter_sunday(year) == easter


def test_the_dutch_public_holidays_of_2026():
    assert sorted(dutch_public_holidays(2026)) == [
        D(2026, 1, 1),  # Nieuwjaarsdag
        D(2026, 4, 3),  # Goede Vrijdag
        D(2026, 4, 5),  # Eerste Paasdag
        D(2026, 4, 6),  # Tweede Paasdag
        D(2026, 4, 27),  # Koningsdag
        D(2026, 5, 5),  # Bevrijdingsdag
        D(2026, 5, 14),  # Hemelvaartsdag
        D(2026, 5, 24),  # Eerste Pinksterdag
        D(2026, 5, 25),  # Tweede Pinksterdag
        D(2026, 12, 25),
        D(2026, 12, 26),
    ]


def test_kings_day_on_a_sunday_moves_to_the_saturday_before():
    assert D(2025, 4, 26) in dutch_public_holidays(2025)
    assert D(2025, 4, 27) not in dutch_public_holidays(2025)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 4, 3), D(2026, 4, 7)),  # Goede Vrijdag, weekend, Tweede Paasdag
        (D(2026, 5, 14), D(2026, 5, 15)),  # Hemelvaartsdag
        (D(2026, 12, 23), D(2026, 12, 23)),  # a Wednesday before Christmas Eve
        (D(2026, 12, 24), D(2027, 1, 4)),  # between the years, then a weekend
        (D(2027, 4, 27), D(2027, 4, 28)),  # Koningsdag
        (D(2026, 6, 3), D(2026, 6, 3)),  # an ordinary Wednesday
    ],
)
def test_meeting_day_moves_off_holidays_and_weekends(day, expected):
    assert meeting_day(day) == expected


def test_no_relative_demo_day_falls_on_a_holiday_for_any_day_the_demo_is_loaded():
    today = D(2024, 1, 1)
    while today < D(2032, 1, 1):
        for weeks in (3, 6, 10):
            for weekday in range(5):
                day = upcoming_day(today, weeks, weekday)
                assert is_meeting_day(day), (today, weeks, weekday, day)
                assert day >= today + datetime.timedelta(weeks=weeks)
                assert day - today < datetime.timedelta(weeks=weeks + 3)
        today += datetime.timedelta(days=1)
