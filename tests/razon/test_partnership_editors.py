"""A Partnerschapsredacteur edits only the partnerships assigned to them, and their events and
posts: in lists, by direct URL, by forged POST, in bulk actions and in the choices of forms."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from events.models import Event
from news.models import Post
from partnerships.models import Partnership
from razon.models import PublishStatus
from tests import factories
from tests.conftest import admin_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(partnership_editor):
    """Their partnership with an event and a post, and a foreign one with the same."""
    own = factories.partnership(name="Eigen Partnerschap")
    own.editors.add(partnership_editor)
    foreign = factories.partnership(name="Ander Partnerschap")
    own_event = factories.event(title="Eigen bijeenkomst", status=PublishStatus.DRAFT)
    own_event.partnerships.add(own)
    foreign_event = factories.event(title="Andere bijeenkomst", status=PublishStatus.DRAFT)
    foreign_event.partnerships.add(foreign)
    own_post = factories.post(title="Eigen bericht", partnerships=[own])
    foreign_post = factories.post(
        title="Ander bericht", partnerships=[foreign], status=PublishStatus.DRAFT
    )
    return {
        "own": own,
        "foreign": foreign,
        "own_event": own_event,
        "foreign_event": foreign_event,
        "own_post": own_post,
        "foreign_post": foreign_post,
    }


@pytest.fixture
def editor_client(client, partnership_editor):
    client.force_login(partnership_editor)
    return client


@pytest.fixture
def rendered_for_superuser(superuser):
    """The form data a superuser's browser would send (a forger's starting point)."""
    other = Client()
    other.force_login(superuser)
    return lambda url, **changes: admin_form_data(other.get(url), **changes)


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


@pytest.mark.parametrize(
    ("changelist", "own", "foreign"),
    [
        ("admin:partnerships_partnership_changelist", "Eigen Partnerschap", "Ander Partnerschap"),
        ("admin:events_event_changelist", "Eigen bijeenkomst", "Andere bijeenkomst"),
        ("admin:news_post_changelist", "Eigen bericht", "Ander bericht"),
    ],
)
def test_lists_show_only_what_they_are_assigned_to(editor_client, world, changelist, own, foreign):
    html = editor_client.get(reverse(changelist)).content.decode()
    assert own in html
    assert foreign not in html


@pytest.mark.parametrize("name", ["foreign", "foreign_event", "foreign_post"])
def test_a_foreign_item_cannot_be_opened_by_direct_url(editor_client, world, name):
    response = editor_client.get(change_url(world[name]))
    assert response.status_code == 302  # the admin's "does not exist" redirect
    assert response.url == reverse("admin:index")
    assert str(world[name]) not in editor_client.get(response.url).content.decode()


@pytest.mark.parametrize("name", ["foreign", "foreign_event", "foreign_post"])
def test_a_forged_post_does_not_change_a_foreign_item(
    editor_client, rendered_for_superuser, world, name
):
    obj = world[name]
    data = rendered_for_superuser(change_url(obj))
    data["name" if name == "foreign" else "title"] = "Overgenomen"
    response = editor_client.post(change_url(obj), data)
    assert response.status_code == 302 and response.url == reverse("admin:index")
    obj.refresh_from_db()
    assert str(obj) != "Overgenomen"


@pytest.mark.parametrize("name", ["foreign_event", "foreign_post"])
def test_a_foreign_item_cannot_be_deleted(editor_client, world, name):
    obj = world[name]
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_delete", args=[obj.pk])
    editor_client.post(url, {"post": "yes"})
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_bulk_publish_acts_only_on_their_own_items(editor_client, world):
    own, foreign = world["own_event"], world["foreign_event"]
    editor_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "make_published", "_selected_action": [own.pk, foreign.pk]},
    )
    own.refresh_from_db()
    foreign.refresh_from_db()
    assert own.status == PublishStatus.PUBLISHED
    assert foreign.status == PublishStatus.DRAFT


def test_bulk_delete_leaves_foreign_posts_alone(editor_client, world):
    editor_client.post(
        reverse("admin:news_post_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [world["own_post"].pk, world["foreign_post"].pk],
            "post": "yes",
        },
    )
    assert list(Post.objects.values_list("title", flat=True)) == ["Ander bericht"]


def test_they_can_change_their_own_partnership(editor_client, world):
    own = world["own"]
    page = editor_client.get(change_url(own))
    assert page.status_code == 200
    response = editor_client.post(change_url(own), admin_form_data(page, name="Nieuwe naam"))
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.name == "Nieuwe naam"


def test_they_can_change_their_own_event(editor_client, world):
    event = world["own_event"]
    page = editor_client.get(change_url(event))
    response = editor_client.post(change_url(event), admin_form_data(page, title="Gewijzigd"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Gewijzigd"


def add_post_data(editor_client, **changes):
    page = editor_client.get(reverse("admin:news_post_add"))
    assert page.status_code == 200
    data = admin_form_data(
        page,
        kind="nieuws",
        title="Nieuw bericht",
        slug="nieuw-bericht",
        intro="Kort.",
        body="Tekst.",
    )
    data.update(changes)
    return data


def test_a_post_they_add_is_tied_to_their_partnership(editor_client, world):
    data = add_post_data(editor_client, partnerships=[str(world["own"].pk)])
    response = editor_client.post(reverse("admin:news_post_add"), data)
    assert response.status_code == 302
    post = Post.objects.get(slug="nieuw-bericht")
    assert list(post.partnerships.all()) == [world["own"]]
    assert "Nieuw bericht" in editor_client.get(reverse("admin:news_post_changelist")).text


def test_a_post_without_one_of_their_partnerships_is_refused(editor_client, world):
    response = editor_client.post(reverse("admin:news_post_add"), add_post_data(editor_client))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["partnerships"]
    assert not Post.objects.filter(slug="nieuw-bericht").exists()


def test_a_post_tied_to_a_foreign_partnership_is_refused(editor_client, world):
    data = add_post_data(editor_client, partnerships=[str(world["foreign"].pk)])
    response = editor_client.post(reverse("admin:news_post_add"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["partnerships"]
    assert not Post.objects.filter(slug="nieuw-bericht").exists()


def test_an_event_cannot_be_handed_to_a_foreign_partnership(editor_client, world):
    event = world["own_event"]
    page = editor_client.get(change_url(event))
    data = admin_form_data(page, partnerships=[str(world["foreign"].pk)])
    response = editor_client.post(change_url(event), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["partnerships"]
    assert list(event.partnerships.all()) == [world["own"]]


def test_foreign_partnerships_already_linked_may_stay(editor_client, world):
    """A post tied to their partnership and a foreign one can still be edited."""
    post = world["own_post"]
    post.partnerships.add(world["foreign"])
    page = editor_client.get(change_url(post))
    response = editor_client.post(change_url(post), admin_form_data(page, title="Samen"))
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.title == "Samen" and post.partnerships.count() == 2


def test_the_partnership_autocomplete_offers_only_their_own(editor_client, world):
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "news", "model_name": "post", "field_name": "partnerships", "term": ""},
    )
    names = [item["text"] for item in response.json()["results"]]
    assert names == ["Eigen Partnerschap"]


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:partnerships_partnership_add",
        "admin:contact_contactmessage_changelist",
        "admin:events_registration_changelist",
        "admin:auth_user_changelist",
        "admin:auth_group_changelist",
    ],
)
def test_they_cannot_add_partnerships_or_open_the_inbox_or_users(editor_client, url_name):
    assert editor_client.get(reverse(url_name)).status_code == 403


def test_other_content_is_read_only_for_them(editor_client, rendered_for_superuser):
    alliance = factories.alliance(name="RA-ZON")
    url = change_url(alliance)
    data = rendered_for_superuser(url, name="Gekaapt")
    assert editor_client.get(url).status_code == 200  # view only
    assert editor_client.post(url, data).status_code == 403
    alliance.refresh_from_db()
    assert alliance.name == "RA-ZON"


def test_a_redacteur_who_is_also_partnership_editor_is_not_limited(client, editor, world):
    editor.groups.add(Group.objects.get(name="Partnerschapsredacteur"))
    client.force_login(editor)
    html = client.get(reverse("admin:events_event_changelist")).content.decode()
    assert "Eigen bijeenkomst" in html and "Andere bijeenkomst" in html


def test_duplicating_an_event_keeps_it_theirs(editor_client, world):
    editor_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "duplicate", "_selected_action": [world["own_event"].pk]},
    )
    copy = Event.objects.get(title__endswith="(kopie)")
    assert list(copy.partnerships.all()) == [world["own"]]


def test_only_partnership_editors_can_be_assigned(client, project_leader, editor, world):
    client.force_login(project_leader)
    url = change_url(world["foreign"])
    page = client.get(url)
    assert "editors" in page.context["adminform"].form.fields
    client.post(url, admin_form_data(page, editors=[str(editor.pk)]))
    assert not Partnership.objects.get(pk=world["foreign"].pk).editors.exists()


def test_a_redacteur_cannot_assign_editors_by_forged_post(client, editor, partnership_editor):
    partnership = factories.partnership()
    client.force_login(editor)
    page = client.get(change_url(partnership))
    assert "editors" not in page.context["adminform"].form.fields
    data = admin_form_data(page, editors=[str(partnership_editor.pk)])
    assert client.post(change_url(partnership), data).status_code == 302
    assert not partnership.editors.exists()


def test_a_post_cannot_be_linked_to_a_foreign_event(editor_client, world):
    post = world["own_post"]
    page = editor_client.get(change_url(post))
    data = admin_form_data(page, events=[str(world["foreign_event"].pk)])
    response = editor_client.post(change_url(post), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["events"]
    data["events"] = [str(world["own_event"].pk)]
    assert editor_client.post(change_url(post), data).status_code == 302
    assert list(post.events.all()) == [world["own_event"]]


def test_an_event_cannot_follow_up_with_a_foreign_event(editor_client, world):
    event = world["own_event"]
    page = editor_client.get(change_url(event))
    data = admin_form_data(page, follow_up=str(world["foreign_event"].pk))
    response = editor_client.post(change_url(event), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["follow_up"]


def test_they_cannot_recover_deleted_items(editor_client, world):
    """A deleted item is assigned to no one any more: its history must not bring back another
    partnership's event through the recover pages (which skip the admin's queryset)."""
    import reversion
    from reversion.models import Version

    foreign_event = world["foreign_event"]
    with reversion.create_revision():
        foreign_event.save()
    foreign_event.delete()
    version = Version.objects.get_deleted(Event).get()

    assert editor_client.get(reverse("admin:events_event_recoverlist")).status_code == 403
    recover = reverse("admin:events_event_recover", args=[version.pk])
    assert editor_client.get(recover).status_code == 403
    assert editor_client.post(recover, {}).status_code == 403
    assert not Event.objects.filter(title="Andere bijeenkomst").exists()
    listing = editor_client.get(reverse("admin:events_event_changelist"))
    assert reverse("admin:events_event_recoverlist") not in listing.content.decode()


def test_a_redacteur_sees_the_recover_link(client, editor):
    client.force_login(editor)
    listing = client.get(reverse("admin:events_event_changelist"))
    assert reverse("admin:events_event_recoverlist") in listing.content.decode()
    assert client.get(reverse("admin:events_event_recoverlist")).status_code == 200


def test_they_preview_their_own_draft_but_not_a_foreign_one(editor_client, world):
    from razon import preview

    own = editor_client.get(preview.preview_url(world["own_event"]))
    assert own.status_code == 200
    assert "Eigen bijeenkomst" in own.content.decode()
    assert editor_client.get(preview.preview_url(world["foreign_event"])).status_code == 403


def test_they_cannot_open_the_history_of_a_foreign_item(editor_client, world):
    url = reverse("admin:events_event_history", args=[world["foreign_event"].pk])
    response = editor_client.get(url)
    assert response.status_code in (302, 403, 404)
    assert "Andere bijeenkomst" not in response.content.decode()
