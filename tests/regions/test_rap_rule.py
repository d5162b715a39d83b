"""A RAP project cannot run after the RAP scheme ended (seed 001: "De RAP-regeling is verlengd
tot uiterlijk december 2023")."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from regions.models import RAP_SCHEME_ENDS_ON, Programme, ProjectStatus
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def after_the_scheme(monkeypatch):
    monkeypatch.setattr(
        "regions.models.timezone.localdate", lambda *args: datetime.date(2026, 12, 1)
    )


@pytest.fixture
def during_the_scheme(monkeypatch):
    monkeypatch.setattr(
        "regions.models.timezone.localdate", lambda *args: datetime.date(2023, 6, 1)
    )


def errors_of(project):
    with pytest.raises(ValidationError) as raised:
        project.full_clean()
    return raised.value.message_dict


def test_the_scheme_ends_in_december_2023():
    assert datetime.date(2023, 12, 31) == RAP_SCHEME_ENDS_ON


@pytest.mark.parametrize("progress", [ProjectStatus.RUNNING, ProjectStatus.PLANNED])
def test_a_rap_project_cannot_be_running_or_planned_after_the_scheme(after_the_scheme, progress):
    project = factories.rap_project(progress=progress, start_year=2023, end_year=None)

    errors = errors_of(project)

    assert "De RAP-regeling liep tot uiterlijk december 2023." in errors["progress"]


def test_a_finished_rap_project_within_the_scheme_is_valid(after_the_scheme):
    factories.rap_project(
        progress=ProjectStatus.FINISHED, start_year=2022, end_year=2023
    ).full_clean()


def test_a_rap_project_cannot_start_or_end_after_the_scheme(during_the_scheme):
    project = factories.rap_project(progress=ProjectStatus.RUNNING, start_year=2024, end_year=2025)

    errors = errors_of(project)

    assert "Een RAP-project kan niet later beginnen." in errors["start_year"]
    assert "Een RAP-project kan niet later eindigen." in errors["end_year"]


def test_a_finished_rap_project_has_an_end_year(after_the_scheme):
    project = factories.rap_project(progress=ProjectStatus.FINISHED, start_year=2022, end_year=None)

    assert "Vul het eindjaar in: het project is afgerond." in errors_of(project)["end_year"]


def test_a_rap_project_may_run_while_the_scheme_does(during_the_scheme):
    factories.rap_project(
        progress=ProjectStatus.RUNNING, start_year=2022, end_year=None
    ).full_clean()


def test_the_rule_is_for_rap_only(after_the_scheme):
    factories.rap_project(
        programme=Programme.RAL, progress=ProjectStatus.RUNNING, start_year=2024, end_year=None
    ).full_clean()


def test_the_admin_refuses_a_running_rap_project(superuser_client, after_the_scheme):
    project = factories.rap_project(progress=ProjectStatus.FINISHED, start_year=2022, end_year=2023)
    url = reverse("admin:regions_rapproject_change", args=[project.pk])
    form = superuser_client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data.update(
        name=project.name,
        slug=project.slug,
        programme="rap",
        progress="lopend",
        lead_organization=project.lead_organization_id,
        start_year=2022,
        end_year="",
        status=project.status,
    )

    response = superuser_client.post(url, data)

    assert response.status_code == 200
    assert "De RAP-regeling liep tot uiterlijk december 2023." in response.content.decode()
    project.refresh_from_db()
    assert project.progress == ProjectStatus.FINISHED
