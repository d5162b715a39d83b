"""Who may download a document (/documenten/<slug>/): visitors only once it belongs to
something published; editors who may view documents always, privately."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from razon.models import Document, PublishStatus
from razon.uploads import PDF
from tests import factories

pytestmark = pytest.mark.django_db


def stored_document(slug, title=None):
    document = Document(title=title or slug, slug=slug, content_type=PDF.content_type, size=8)
    document.file.save(f"{slug}.pdf", SimpleUploadedFile(f"{slug}.pdf", b"%PDF-1.4"), save=False)
    document.save()
    return document


def status(client, document):
    return client.get(document.get_absolute_url()).status_code


def test_a_document_attached_to_nothing_is_not_public(client):
    assert status(client, stored_document("los")) == 404


def test_a_document_is_public_only_while_a_published_item_holds_it(client):
    document = stored_document("presentatie")
    draft = factories.event(status=PublishStatus.DRAFT)
    draft.documents.add(document)
    assert status(client, document) == 404

    factories.event(publish_at=timezone.now() + timedelta(days=1)).documents.add(document)
    assert status(client, document) == 404  # scheduled: not yet

    published = factories.event()
    published.documents.add(document)
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "X-Robots-Tag" not in response

    published.documents.remove(document)
    assert status(client, document) == 404


def test_a_visitor_download_takes_one_query(client, django_assert_num_queries):
    document = stored_document("verslag")
    factories.event().documents.add(document)
    factories.event(status=PublishStatus.DRAFT).documents.add(document)
    with django_assert_num_queries(1):  # the document, if a published item holds it
        response = client.get(document.get_absolute_url())
    assert response.status_code == 200


def test_an_editor_checks_an_upload_privately(client, editor):
    document = stored_document("nieuw")
    client.force_login(editor)

    response = client.get(document.get_absolute_url())

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


def test_staff_who_may_not_view_documents_get_a_404(client, staff_without_permissions):
    document = stored_document("intern")
    client.force_login(staff_without_permissions)
    assert status(client, document) == 404

    staff_without_permissions.user_permissions.add(Permission.objects.get(codename="view_document"))
    assert status(client, document) == 200


def test_with_two_factor_required_an_unverified_editor_gets_a_404(client, editor, settings):
    settings.RAZON_REQUIRE_2FA = True
    client.force_login(editor)  # the password alone, no code
    assert status(client, stored_document("concept")) == 404


def test_neither_the_sitemap_nor_the_search_mentions_a_hidden_document(client):
    factories.event(status=PublishStatus.DRAFT).documents.add(
        stored_document("geheim-verslag", title="Geheim verslag")
    )
    stored_document("losse-bijlage", title="Losse bijlage")

    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/documenten/" not in sitemap
    for words in ["Geheim verslag", "Losse bijlage"]:
        response = client.get("/zoeken/", {"zoek": words})
        assert response.context["page"].paginator.count == 0
        assert "/documenten/" not in response.content.decode()


def test_the_admin_list_says_which_documents_visitors_can_download(superuser_client):
    factories.event().documents.add(stored_document("openbaar"))
    stored_document("verborgen")

    response = superuser_client.get("/admin/razon/document/")

    rows = {
        document.slug: document.is_downloadable for document in response.context["cl"].result_list
    }
    assert rows == {"openbaar": True, "verborgen": False}
    assert (
        "gepubliceerd item hoort"
        in superuser_client.get("/admin/razon/document/add/").content.decode()
    )
