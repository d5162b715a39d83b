"""Renditions made on request (razon/images.py, the media view): only the declared ones of
an original image that an item holds; anything else is a 404 that writes nothing."""

import io
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from razon.images import rendition_name
from tests import factories
from tests.images import png_bytes

pytestmark = pytest.mark.django_db


def stored_files(media_root):
    return sorted(str(path.relative_to(media_root)) for path in Path(media_root).rglob("*"))


@pytest.fixture
def logo():
    """An organisation's logo 700 pixels wide stored before renditions existed: its 240, 480
    and 960 renditions (the last at 700 pixels) are declared, and none is on disk yet."""
    name = default_storage.save("organisaties/logo/logo.png", io.BytesIO(png_bytes(700, 350)))
    return factories.organization(logo=name, logo_width=700, logo_height=350).logo


def test_a_declared_rendition_of_an_original_is_made_when_asked_for(client, logo):
    response = client.get(rendition_name(logo.url, 960))

    assert response.status_code == 200
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).size == (700, 350)


def test_a_rendition_of_a_rendition_is_a_404_that_writes_nothing(client, logo, media_root):
    assert client.get(rendition_name(logo.url, 480)).status_code == 200
    before = stored_files(media_root)

    for path in [
        rendition_name(rendition_name(logo.url, 480), 240),
        rendition_name(rendition_name(logo.url, 480), 480),
        rendition_name(rendition_name(rendition_name(logo.url, 480), 480), 960),
    ]:
        assert client.get(path).status_code == 404, path

    assert stored_files(media_root) == before


def test_a_width_the_original_does_not_have_is_a_404_that_writes_nothing(client, logo, media_root):
    before = stored_files(media_root)

    for slot in (1600, 700, 100):  # wider than the original, and widths not in WIDTHS
        assert client.get(rendition_name(logo.url, slot)).status_code == 404, slot

    assert stored_files(media_root) == before


def test_an_image_no_item_holds_gets_no_renditions(client, media_root):
    default_storage.save("organisaties/logo/los.png", io.BytesIO(png_bytes(700, 350)))
    before = stored_files(media_root)

    assert client.get("/media/organisaties/logo/los-240w.webp").status_code == 404
    assert stored_files(media_root) == before
