"""Uploaded images (razon/images.py): judged by their content, hostile files refused with a
clear message, metadata stripped, renditions made and cleaned up, served safely."""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from news.models import Post
from razon.images import WIDTHS, prepare_image, rendition_name
from tests import factories
from tests.images import image_bytes, jpeg_bytes, png_bytes

pytestmark = pytest.mark.django_db

SCRIPT = b"<script>fetch('/admin/').then(r => r.text()).then(alert)</script>"


def upload(name, content):
    return SimpleUploadedFile(name, content)


def cover_errors(name, content):
    """The messages a post's cover gets for this upload."""
    post = factories.post(cover_alt="Een foto")
    post.cover = upload(name, content)
    with pytest.raises(ValidationError) as error:
        post.full_clean()
    return " ".join(error.value.message_dict["cover"])


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.html", "<p>hallo</p>")
    return buffer.getvalue()


def png_header_only(width, height):
    """A PNG that claims to be width by height pixels: a decompression bomb needs only its
    header to threaten the server's memory."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def jpeg_with_comment(comment):
    data = jpeg_bytes()
    segment = b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment
    return data[:2] + segment + data[2:]


# Accepted images ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, extension",
    [(jpeg_bytes(), "jpg"), (png_bytes(), "png"), (image_bytes(image_format="WEBP"), "webp")],
)
def test_jpeg_png_and_webp_are_recognised_by_content_whatever_their_name(content, extension):
    prepared = prepare_image(upload("foto.gif", content))

    assert prepared.kind.extension == extension
    assert (prepared.width, prepared.height) == (64, 48)
    assert prepared.filename("Mijn Foto.GIF") == f"mijn-foto-{prepared.digest}.{extension}"


def test_a_phone_photo_with_a_second_jpeg_after_the_first_is_accepted():
    prepare_image(upload("telefoon.jpg", jpeg_bytes() + jpeg_bytes(8, 8)))


# Hostile and unusable files -------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content",
    [
        ("foto.jpg", b"<html><body><script>alert(1)</script></body></html>"),
        ("foto.png", b"#!/bin/sh\nrm -rf /\n"),
        ("tekening.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("foto.jpg", b"%PDF-1.7\n1 0 obj\n"),
        ("foto.jpg", image_bytes(image_format="GIF")),
    ],
)
def test_a_file_that_is_not_a_web_image_is_refused_whatever_its_name(name, content):
    assert "geen JPEG-, PNG- of WebP-afbeelding" in cover_errors(name, content)


@pytest.mark.parametrize(
    "content",
    [
        jpeg_bytes() + SCRIPT,  # a script glued after the image
        jpeg_bytes() + zip_bytes(),  # a zip glued after the image (opens as an archive)
        png_bytes() + b"<html>" + SCRIPT,  # a PNG with trailing data
        image_bytes(image_format="WEBP") + b"PK\x03\x04",
        jpeg_with_comment(SCRIPT),  # markup inside the image, nothing after it
        jpeg_with_comment(b"%PDF-1.4 1 0 obj"),  # a JPEG that PDF readers also open
    ],
    ids=["jpeg+script", "jpeg+zip", "png+trailing", "webp+trailing", "script-inside", "pdf"],
)
def test_a_polyglot_image_is_refused_with_a_clear_message(content):
    assert "meer dan alleen een afbeelding" in cover_errors("foto.jpg", content)


def test_an_image_over_the_size_limit_is_refused(settings):
    settings.RAZON_MAX_UPLOAD_SIZE = 500
    assert "het maximum is 500" in cover_errors("groot.jpg", jpeg_bytes(400, 400, quality=95))


def test_an_image_with_too_many_pixels_is_refused(settings):
    settings.RAZON_MAX_IMAGE_PIXELS = 10_000
    assert "te veel pixels" in cover_errors("groot.png", png_bytes(200, 100))


def test_a_decompression_bomb_is_refused_before_it_is_decoded():
    assert "te veel pixels" in cover_errors("bom.png", png_header_only(100_000, 100_000))
    assert "te veel pixels" in cover_errors("bom.png", png_header_only(8_000, 6_000))


def test_a_truncated_image_is_refused_as_damaged():
    buffer = io.BytesIO()
    Image.effect_noise((300, 200), 64).convert("RGB").save(buffer, "JPEG")
    photo = buffer.getvalue()
    assert "beschadigd" in cover_errors("half.jpg", photo[: len(photo) // 2])


# Cleaning -------------------------------------------------------------------------------


def test_exif_with_gps_is_stripped_and_the_photo_turned_upright():
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # taken with the phone on its side
    exif[ExifTags.Base.Make] = "Telefoon"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 50.0, 30.0)
    photo = jpeg_bytes(64, 48, exif=exif.tobytes())
    assert Image.open(io.BytesIO(photo)).getexif().get_ifd(ExifTags.IFD.GPSInfo)

    post = factories.post(cover_alt="Een foto", cover=upload("IMG_0042.JPG", photo))

    with default_storage.open(post.cover.name, "rb") as stored:
        data = stored.read()
    stored_image = Image.open(io.BytesIO(data))
    assert not stored_image.getexif()
    assert b"Exif" not in data and b"Telefoon" not in data
    assert stored_image.size == (48, 64)
    assert (post.cover_width, post.cover_height) == (48, 64)
    assert post.cover.name.startswith("berichten/") and post.cover.name.endswith(".jpg")


# Renditions -----------------------------------------------------------------------------


def rendition_sizes(fieldfile):
    sizes = {}
    for slot in WIDTHS:
        name = rendition_name(fieldfile.name, slot)
        if default_storage.exists(name):
            with default_storage.open(name, "rb") as handle:
                image = Image.open(handle)
                sizes[slot] = (image.format, image.size)
    return sizes


def test_renditions_are_made_at_every_width_in_webp():
    post = factories.post(cover_alt="Een foto", cover=upload("breed.jpg", jpeg_bytes(2000, 1000)))

    assert rendition_sizes(post.cover) == {
        240: ("WEBP", (240, 120)),
        480: ("WEBP", (480, 240)),
        960: ("WEBP", (960, 480)),
        1600: ("WEBP", (1600, 800)),
    }


def test_renditions_are_never_wider_than_the_original():
    post = factories.post(cover_alt="Een foto", cover=upload("smal.png", png_bytes(700, 350)))

    assert rendition_sizes(post.cover) == {
        240: ("WEBP", (240, 120)),
        480: ("WEBP", (480, 240)),
        960: ("WEBP", (700, 350)),
    }


def stored_files(fieldfile):
    return [fieldfile.name] + [rendition_name(fieldfile.name, slot) for slot in (240, 480)]


def test_replacing_an_image_removes_the_old_files_after_the_commit(
    django_capture_on_commit_callbacks,
):
    post = factories.post(cover_alt="Een foto", cover=upload("oud.jpg", jpeg_bytes(500, 300)))
    old_files = stored_files(post.cover)
    assert all(default_storage.exists(name) for name in old_files)

    with django_capture_on_commit_callbacks(execute=True):
        post = Post.objects.get(pk=post.pk)
        post.cover = upload("nieuw.jpg", jpeg_bytes(500, 300, color=(0, 0, 0)))
        post.save()
        assert all(default_storage.exists(name) for name in old_files)  # until the commit

    assert not any(default_storage.exists(name) for name in old_files)
    assert all(default_storage.exists(name) for name in stored_files(post.cover))
    assert post.cover.name != old_files[0]


def test_a_new_upload_never_removes_a_stored_file_that_has_its_name(
    django_capture_on_commit_callbacks,
):
    default_storage.save("foto.jpg", io.BytesIO(jpeg_bytes()))
    with django_capture_on_commit_callbacks(execute=True):
        factories.post(cover_alt="Een foto", cover=upload("foto.jpg", jpeg_bytes(90, 60)))

    assert default_storage.exists("foto.jpg")


def test_deleting_an_organisation_removes_its_logo_after_the_commit(
    django_capture_on_commit_callbacks,
):
    organization = factories.organization(logo=upload("logo.png", png_bytes(300, 300)))
    files = stored_files(organization.logo)

    with django_capture_on_commit_callbacks(execute=True):
        organization.delete()

    assert not any(default_storage.exists(name) for name in files)


def test_an_unchanged_image_is_kept_when_the_post_is_saved_again(
    django_capture_on_commit_callbacks,
):
    post = factories.post(cover_alt="Een foto", cover=upload("foto.jpg", jpeg_bytes()))
    with django_capture_on_commit_callbacks(execute=True):
        post = Post.objects.get(pk=post.pk)
        post.title = "Nieuwe titel"
        post.full_clean()
        post.save()

    assert default_storage.exists(post.cover.name)


# Pages and serving ----------------------------------------------------------------------


def test_the_post_page_shows_the_cover_with_renditions_and_its_size(client):
    post = factories.post(cover_alt="Zes tafels", cover=upload("foto.jpg", jpeg_bytes(1200, 600)))

    html = client.get(post.get_absolute_url()).content.decode()

    small = rendition_name(post.cover.url, 240)
    assert f'srcset="{small} 240w, ' in html
    assert f"{rendition_name(post.cover.url, 1600)} 1200w" in html
    assert 'width="1200"' in html and 'height="600"' in html
    assert "loading=" not in html  # the cover is at the top of the page
    assert 'alt="Zes tafels"' in html
    assert "sizes=" in html


def test_the_organisation_page_shows_the_logo_from_its_renditions(client):
    organization = factories.organization(logo=upload("logo.png", png_bytes(200, 100)))

    html = client.get(organization.get_absolute_url()).content.decode()

    assert f'srcset="{rendition_name(organization.logo.url, 240)} 200w"' in html
    assert 'width="200"' in html and 'height="100"' in html


def test_images_are_served_inline_with_a_safe_type_and_long_caching(client):
    post = factories.post(cover_alt="Een foto", cover=upload("foto.jpg", jpeg_bytes(300, 200)))

    response = client.get(rendition_name(post.cover.url, 240))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline; filename=")
    assert "immutable" in response["Cache-Control"]
    assert "sandbox" in response["Content-Security-Policy"]
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).size == (240, 160)

    original = client.get(post.cover.url)
    assert original["Content-Type"] == "image/jpeg"
    assert client.head(post.cover.url).status_code == 200


def test_a_missing_rendition_of_a_stored_image_is_made_when_asked_for(client):
    name = default_storage.save("organisaties/logo/oud.png", io.BytesIO(png_bytes(600, 300)))
    organization = factories.organization(logo=name, logo_width=600, logo_height=300)

    response = client.get(rendition_name(organization.logo.url, 480))

    assert response.status_code == 200
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).size == (480, 240)


@pytest.mark.parametrize(
    "path",
    [
        "/media/documenten/2024/verslag.pdf",
        "/media/pagina.html",
        "/media/../razon/settings.py",
        "/media/%2e%2e/%2e%2e/etc/passwd.png",
        "/media/bestaat-niet.jpg",
        "/media/bestaat-niet-480w.webp",
    ],
)
def test_the_media_view_serves_only_stored_images(client, path):
    default_storage.save("documenten/2024/verslag.pdf", io.BytesIO(b"%PDF-1.4"))
    default_storage.save("pagina.html", io.BytesIO(b"<script>alert(1)</script>"))

    assert client.get(path).status_code == 404


# The admin ------------------------------------------------------------------------------


def test_the_admin_shows_why_a_logo_is_refused(superuser_client):
    organization = factories.organization(name="Hogeschool", slug="hogeschool")
    url = f"/admin/alliances/organization/{organization.pk}/change/"
    form = {
        "name": "Hogeschool",
        "short_name": "",
        "slug": "hogeschool",
        "kind": organization.kind,
        "city": "",
        "website": "",
        "description": "",
        "status": "published",
        "logo": upload("logo.png", png_bytes(40, 40) + SCRIPT),
    }

    response = superuser_client.post(url, form)

    assert response.status_code == 200
    assert "meer dan alleen een afbeelding" in response.content.decode()
    organization.refresh_from_db()
    assert not organization.logo

    form["logo"] = upload("logo.png", png_bytes(40, 40))
    response = superuser_client.post(url, form)
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.logo.name.endswith(".png") and organization.logo_width == 40


def test_the_logo_field_offers_only_web_images(superuser_client):
    response = superuser_client.get("/admin/alliances/organization/add/")

    assert 'accept="image/jpeg,image/png,image/webp"' in response.content.decode()


def test_every_image_field_of_the_site_uses_the_shared_mechanism():
    from django.apps import apps
    from django.db import models

    from razon.images import WebImageField

    image_fields = {
        f"{model._meta.label}.{field.name}": field
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.ImageField)
    }
    assert {"news.Post.cover", "alliances.Organization.logo"} <= set(image_fields)
    for field in image_fields.values():
        assert isinstance(field, WebImageField)
        assert field.width_field and field.height_field
