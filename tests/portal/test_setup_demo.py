"""`manage.py setup_demo` (portal/management/commands/setup_demo.py), run by `make run`."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from alliances.models import Alliance

pytestmark = pytest.mark.django_db


def test_setup_demo_loads_content_and_prints_the_admin_password_only_once():
    first = io.StringIO()
    call_command("setup_demo", stdout=first)

    assert Alliance.objects.filter(is_main=True).exists()
    assert "password:" in first.getvalue()
    password = first.getvalue().split("password:")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)

    second = io.StringIO()
    call_command("setup_demo", stdout=second)

    assert "password:" not in second.getvalue()
    assert "already present" in second.getvalue()
