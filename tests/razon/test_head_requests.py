"""HEAD works wherever GET does (load balancers, link checkers and crawlers ask it): every
public URL pattern (tests/routes.py) answers HEAD with GET's status and headers, and no body."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from razon.models import Document
from razon.uploads import PDF
from tests import factories
from tests.routes import demo_paths

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_every_public_url_answers_head_as_it_answers_get(client, demo):
    answers = {}
    for name, path in demo_paths().items():
        get, head = client.get(path), client.head(path)
        answers[name] = head.status_code
        assert head.status_code == get.status_code, name
        assert head.get("Content-Type") == get.get("Content-Type"), name
        assert body(head) == b"", name

    assert {name for name, status in answers.items() if status == 405} == set()
    for name in ["home", "robots_txt", "healthz", "document", "media", "news:list", "search"]:
        assert answers[name] == 200, name


def test_head_of_a_document_gives_its_type_and_disposition(client, db):
    event = factories.event()
    document = Document.objects.create(
        title="Verslag", slug="verslag", content_type=PDF.content_type, size=8
    )
    document.file.save("verslag.pdf", SimpleUploadedFile("verslag.pdf", b"%PDF-1.4"))
    event.documents.add(document)

    response = client.head(document.get_absolute_url())

    assert response.status_code == 200
    assert response["Content-Type"] == PDF.content_type
    assert "filename=" in response["Content-Disposition"]
    assert body(response) == b""


def test_a_head_request_fills_the_page_cache_with_the_whole_page(client, db, settings):
    settings.RAZON_PAGE_CACHE = True
    factories.post(title="Een bericht")

    client.head("/berichten/")
    response = client.get("/berichten/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Een bericht" in html and "</html>" in html
