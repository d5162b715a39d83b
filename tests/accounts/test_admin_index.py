"""Editors see their work, not the machinery (#22): what the admin's start page lists for each
role. The security sections (login protection, two-factor devices, groups) are for superusers;
a Projectleider manages the users of their organisation under a plain Dutch name."""

import pytest

pytestmark = pytest.mark.django_db

SECURITY = {"Inlogbeveiliging", "Tweestapsverificatie"}
CONTENT = {
    "Allianties en organisaties",
    "Agenda",
    "Berichten",
    "Partnerschappen",
    "Regio-infrastructuur",
}


def index(client, user):
    """{section: [model names]} as the admin index lists them for `user`."""
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return {
        app["name"]: [model["name"] for model in app["models"]]
        for app in response.context["app_list"]
    }


def test_the_start_page_lists_the_security_sections_for_superusers_only(
    client, superuser, project_leader, editor, partnership_editor, secretariat
):
    sections = index(client, superuser)
    assert set(sections) >= SECURITY
    assert sections["Gebruikers en rollen"] == ["Gebruikers", "Rollen"]
    for user in (project_leader, editor, partnership_editor, secretariat):
        assert not SECURITY & set(index(client, user)), user.username


def test_each_role_sees_its_work(client, project_leader, editor, partnership_editor, secretariat):
    leader = index(client, project_leader)
    assert leader["Gebruikers en rollen"] == ["Gebruikers"]  # no groups: the roles are fixed
    assert set(leader) >= CONTENT and "Contact" in leader

    assert "Gebruikers en rollen" not in index(client, editor)
    assert set(index(client, editor)) >= CONTENT

    sections = index(client, secretariat)
    assert "Gebruikers en rollen" not in sections
    assert "Contactberichten" in sections["Contact"]
    assert set(sections) >= CONTENT  # to read

    assert "Gebruikers en rollen" not in index(client, partnership_editor)
    assert "Contact" not in index(client, partnership_editor)
