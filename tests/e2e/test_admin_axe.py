"""The back-office for editors (#22): every admin page a role uses — the start page, the
changelists, add and change forms of every model it may see, the AVG page — has no axe
violation, walked as a superuser (every page) and as a Partnerschapsredacteur (read-only
forms of the content they may only view); the start page fits a phone."""

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.urls import reverse

from tests.conftest import make_role_user
from tests.e2e.conftest import ARTIFACTS, assert_no_axe_violations


def login(page, base, user):
    """Logs the browser in as `user` (a session made by the test client)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base}])


def admin_paths(user):
    """Every admin page `user` may open: the index, the AVG page when they handle requests,
    and per model the changelist, the add form and the change form of its first object."""
    request = RequestFactory().get("/admin/")
    request.user = user
    paths = [reverse("admin:index")]
    if user.has_perm("privacy.handle_datarequestlog"):
        paths.append(reverse("privacy:data_request"))
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_or_change_permission(request):
            continue
        opts = model._meta
        name = f"admin:{opts.app_label}_{opts.model_name}"
        paths.append(reverse(f"{name}_changelist"))
        if model_admin.has_add_permission(request):
            paths.append(reverse(f"{name}_add"))
        first = model_admin.get_queryset(request).order_by("pk").first()
        if first is not None:
            paths.append(reverse(f"{name}_change", args=[first.pk]))
    return paths


def walk(page, base, paths):
    """{path: axe report} of the pages with violations."""
    found = {}
    for path in paths:
        response = page.goto(base + path)
        assert response.status == 200, path
        try:
            assert_no_axe_violations(page)
        except AssertionError as error:
            found[path] = str(error)
    return found


@pytest.mark.parametrize("role", ["superuser", "Partnerschapsredacteur"])
def test_every_admin_page_a_role_uses_has_no_axe_violation(page, demo_site, role):
    if role == "superuser":
        user = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "x")
    else:
        from partnerships.models import Partnership

        user = make_role_user("partnerschap", role)
        Partnership.objects.first().editors.add(user)
    login(page, demo_site, user)
    paths = admin_paths(user)
    assert len(paths) > 10
    found = walk(page, demo_site, paths)
    assert not found, "\n".join(f"{path}:\n{report}" for path, report in found.items())


@pytest.mark.parametrize("width", [1280, 390])
def test_the_start_page_uses_its_width_and_stacks_on_a_phone(page, demo_site, width):
    user = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "x")
    login(page, demo_site, user)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo_site + reverse("admin:index"))
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"admin-index-{width}.png", full_page=True)

    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
        " > window.innerWidth + 0.5 && !e.parentElement.closest('.module')).slice(0, 3)"
        ".map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right)"
    )
    assert overflow <= 0, f"the page is {overflow}px wider than the screen: {wide}"
    boxes = page.locator(".razon-dashboard > .module").evaluate_all(
        "modules => modules.map(m => m.getBoundingClientRect().toJSON())"
    )
    assert len(boxes) == 4
    if width == 1280:
        # Side by side, two or more in a row, each wider than Django's old 600px column/2.
        assert boxes[0]["top"] == boxes[1]["top"] and boxes[1]["left"] > boxes[0]["right"]
    else:
        # Stacked, each the screen's width (less the margins).
        assert all(box["left"] == boxes[0]["left"] for box in boxes)
        assert all(box["width"] > width * 0.85 for box in boxes)
    # Titles wrap between words, never per letter: the title column keeps room for words.
    widths = page.locator(".razon-dashboard th[scope=row]").evaluate_all(
        "cells => cells.map(cell => cell.getBoundingClientRect().width)"
    )
    assert widths and min(widths) >= 120, widths
    # The app list's "Toevoegen" and "Wijzigen" stay on one line each.
    heights = page.locator(".app-list a.addlink, .app-list a.changelink").evaluate_all(
        "links => links.map(link => link.getBoundingClientRect().height)"
    )
    assert heights and max(heights) < 30, max(heights)
