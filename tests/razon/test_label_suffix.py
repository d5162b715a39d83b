"""Form labels without Django's trailing colon (#17), consistently: the public forms, the
login and two-factor pages, and every admin form of the project (readonly fields too)."""

import re

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse

from razon import roles
from razon.admin import PlainLabelsAdmin
from tests import factories

pytestmark = pytest.mark.django_db

LABEL = re.compile(r"<(label|legend)\b[^>]*>(.*?)</\1>", re.S)
TAG = re.compile(r"<[^>]+>")


def labels(html):
    return [" ".join(TAG.sub(" ", text).split()) for _tag, text in LABEL.findall(html)]


def with_colon(html):
    return [label for label in labels(html) if label.endswith(":")]


def test_the_label_check_sees_a_colon():
    html = '<label for="a">Naam:</label><legend>Rollen</legend><label><img alt="x"> Zoek</label>'
    assert labels(html) == ["Naam:", "Rollen", "Zoek"]
    assert with_colon(html) == ["Naam:"]


def test_the_public_forms_and_the_login_have_labels_without_a_colon(client, editor):
    event = factories.event(registration_enabled=True)
    pages = {
        "contact": client.get(reverse("contact:form")).content.decode(),
        "register": client.get(reverse("events:register", args=[event.slug])).content.decode(),
        "login": client.get(reverse("admin:login")).content.decode(),
        "password_reset": client.get(reverse("admin_password_reset")).content.decode(),
    }
    client.force_login(editor)
    pages["two_factor"] = client.get(reverse("two_factor")).content.decode()

    for name, html in pages.items():
        assert labels(html), name
        assert with_colon(html) == [], name
    assert "Naam" in labels(pages["contact"])
    assert "Code uit je authenticator-app" in labels(pages["two_factor"])


def project_admin_models():
    """The models of the project's apps that have an admin, and the staff users."""
    models = [
        model
        for config in roles.project_app_configs()
        for model in config.get_models()
        if admin.site.is_registered(model)
    ]
    return [*models, get_user_model()]


def test_every_admin_form_of_the_project_has_labels_without_a_colon(superuser_client, demo):
    data_request = superuser_client.get(reverse("privacy:data_request")).content.decode()
    assert labels(data_request) and with_colon(data_request) == []
    checked = 0
    for model in project_admin_models():
        assert isinstance(admin.site.get_model_admin(model), PlainLabelsAdmin), model
        opts = model._meta
        urls = [reverse(f"admin:{opts.app_label}_{opts.model_name}_add")]
        if first := model._default_manager.order_by("pk").first():
            urls.append(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk])
            )
        for url in urls:
            response = superuser_client.get(url)
            if response.status_code == 403:
                continue  # no adding here (sectors, the inbox)
            html = response.content.decode()
            assert response.status_code == 200, url
            assert labels(html), url
            assert with_colon(html) == [], url
            checked += 1
    assert checked > 15
