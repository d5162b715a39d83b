"""A Projectleider manages the users of their own organisation, and nothing above that: no
other organisations, no superusers, no loose permissions, no groups but the four roles."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from accounts.models import StaffProfile
from tests import factories
from tests.conftest import admin_form_data, logged_in, make_role_user

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def leader_client(project_leader):
    return logged_in(project_leader)


@pytest.fixture
def colleague(project_leader):
    return make_role_user(
        "collega", "Redacteur", organization=project_leader.staff_profile.organization
    )


@pytest.fixture
def outsider(db):
    return make_role_user(
        "buitenstaander", "Redacteur", organization=factories.organization(name="Radboud")
    )


def change_url(user):
    return reverse("admin:auth_user_change", args=[user.pk])


def test_the_list_shows_only_their_own_organisation(leader_client, colleague, outsider, superuser):
    response = leader_client.get(reverse("admin:auth_user_changelist"))
    shown = {user.username for user in response.context["cl"].result_list}
    assert shown == {"projectleider", "collega"}


def test_a_user_of_another_organisation_cannot_be_opened_or_changed(
    leader_client, outsider, superuser
):
    superuser_client = Client()
    superuser_client.force_login(superuser)
    data = admin_form_data(superuser_client.get(change_url(outsider)), email="x@evil.example")
    assert leader_client.get(change_url(outsider)).status_code == 302
    leader_client.post(change_url(outsider), data)
    password_url = reverse("admin:auth_user_password_change", args=[outsider.pk])
    leader_client.post(
        password_url, {"password1": "overgenomen-wachtwoord", "password2": "overgenomen-wachtwoord"}
    )
    outsider.refresh_from_db()
    assert outsider.email == "buitenstaander@example.org"
    assert outsider.check_password("een-lang-wachtwoord-voor-tests")


def test_superusers_are_out_of_reach(leader_client, superuser):
    assert leader_client.get(change_url(superuser)).status_code == 302


def test_a_forged_post_cannot_make_a_superuser_or_give_loose_permissions(leader_client, colleague):
    powerful = Group.objects.create(name="Beheerders")
    powerful.permissions.set(Permission.objects.all())
    page = leader_client.get(change_url(colleague))
    fields = page.context["adminform"].form.fields
    assert "is_superuser" not in fields and "user_permissions" not in fields
    data = admin_form_data(
        page,
        is_superuser="on",
        user_permissions=[str(Permission.objects.get(codename="delete_user").pk)],
        groups=[str(powerful.pk)],
    )
    response = leader_client.post(change_url(colleague), data)
    assert response.status_code == 200  # the group is not a choice
    data["groups"] = [str(Group.objects.get(name="Projectleider").pk)]
    assert leader_client.post(change_url(colleague), data).status_code == 302
    colleague.refresh_from_db()
    assert not colleague.is_superuser
    assert not colleague.user_permissions.exists()
    assert list(colleague.groups.values_list("name", flat=True)) == ["Projectleider"]


def test_the_role_choices_are_the_four_roles(leader_client, colleague):
    Group.objects.create(name="Beheerders")
    page = leader_client.get(change_url(colleague))
    choices = page.context["adminform"].form.fields["groups"].queryset
    assert sorted(choices.values_list("name", flat=True)) == [
        "Partnerschapsredacteur",
        "Projectleider",
        "Redacteur",
        "Secretariaat",
    ]


def test_a_user_they_add_belongs_to_their_organisation_and_is_staff(leader_client, project_leader):
    response = leader_client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "nieuw",
            "usable_password": "true",
            "password1": "een-heel-goed-wachtwoord-42",
            "password2": "een-heel-goed-wachtwoord-42",
            "is_superuser": "on",
            "is_staff": "on",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="nieuw")
    assert user.is_staff and not user.is_superuser
    assert user.staff_profile.organization == project_leader.staff_profile.organization


def test_a_short_password_is_refused(leader_client):
    response = leader_client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "nieuw",
            "usable_password": "true",
            "password1": "Kort-42!",
            "password2": "Kort-42!",
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors.as_data()["password2"]
    assert [error.code for error in errors] == ["password_too_short"]
    assert not User.objects.filter(username="nieuw").exists()


def test_a_project_leader_without_organisation_manages_nobody(client, colleague):
    leader = make_role_user("zonder", "Projectleider")
    client.force_login(leader)
    response = client.get(reverse("admin:auth_user_changelist"))
    assert list(response.context["cl"].result_list) == []


def test_a_superuser_sets_the_organisation(superuser_client, outsider):
    page = superuser_client.get(change_url(outsider))
    assert "staff_profile-0-organization" in page.content.decode()
    assert StaffProfile.objects.get(user=outsider).organization.name == "Radboud"
