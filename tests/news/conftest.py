import datetime
from unittest import mock

import pytest
from django.utils import timezone


class Clock:
    """A stopped clock for the whole project: everything that asks django.utils.timezone for
    the time (the published() query, is_published, auto_now fields) gets `now`."""

    def __init__(self, now):
        self.now = now

    def set(self, *args):
        self.now = timezone.make_aware(datetime.datetime(*args))


@pytest.fixture
def clock():
    frozen = Clock(timezone.make_aware(datetime.datetime(2030, 3, 1, 9, 0)))
    with mock.patch("django.utils.timezone.now", side_effect=lambda: frozen.now):
        yield frozen
