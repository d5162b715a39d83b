"""Uploaded images, for every model that holds one: checked by content, cleaned, and served in
sizes that fit the page.

A model declares `WebImageField` (with width and height fields) and gets all of it:

- the check: Pillow must recognise the bytes as JPEG, PNG or WebP (the name does not count),
  within the size and pixel limits, and the file must be only an image: nothing after the
  image's end marker and no markup inside (a polyglot that a browser or PDF reader could also
  read as HTML, script or a document is refused);
- the cleaning: the image is decoded and encoded again, turned upright by its EXIF orientation,
  so EXIF (GPS, camera serial numbers), XMP and comments are gone; the colour profile stays;
- the name: a slug of the original name plus a hash of the content, so a replaced image has a
  new address and no cache ever shows the old one;
- renditions: WebP copies at the widths in WIDTHS, never wider than the original, made when
  the image is saved (the editor waits a moment once; visitors never wait, and no request has
  to write files), named after the original so templates find them without any I/O;
- the clean-up: a replaced or deleted image and its renditions are removed after the commit
  (razon.uploads.FileCleanupMixin);
- the markup: `{% responsive_image obj.field alt sizes=… %}` writes `<img>` with `srcset`,
  `width` and `height` (no layout shift) and lazy loading unless told otherwise.

A rendition that is missing (an image stored before renditions existed, or a width added to
WIDTHS) is made from its original the first time it is asked for (`open_stored_image`): only
the renditions the original's width declares, and only of an original that an item holds, so
no request makes renditions of renditions or of any other file."""

import hashlib
import io
import re
import warnings
from dataclasses import dataclass

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps, UnidentifiedImageError

from razon.uploads import FileCleanupMixin, validate_size

# Widths of the renditions, in pixels. The last one is the widest any page shows.
WIDTHS = (240, 480, 960, 1600)
RENDITION_FORMAT = "WEBP"
RENDITION_QUALITY = 80


@dataclass(frozen=True)
class ImageType:
    extension: str
    content_type: str


IMAGE_TYPES = {
    "JPEG": ImageType("jpg", "image/jpeg"),
    "PNG": ImageType("png", "image/png"),
    "WEBP": ImageType("webp", "image/webp"),
}
# What a stored image is served as, by the extension it was given from its content.
CONTENT_TYPES_BY_EXTENSION = {t.extension: t.content_type for t in IMAGE_TYPES.values()}

# Byte sequences that have no business in a photo or a logo but make a browser, a script
# interpreter or a PDF reader see something else in the same file. Matched case-insensitively;
# each is long enough not to turn up by chance in compressed image data.
MARKUP = (
    b"<script",
    b"<html",
    b"<body",
    b"<head",
    b"<iframe",
    b"<object",
    b"<embed",
    b"<svg",
    b"<?php",
    b"<!doctype",
    b"<meta",
    b"javascript:",
    b"onerror=",
    b"onload=",
    b"%pdf-",
)


@dataclass
class PreparedImage:
    """An accepted upload, decoded and encoded again without metadata."""

    content: bytes
    width: int
    height: int
    kind: ImageType

    @property
    def digest(self):
        return hashlib.sha256(self.content).hexdigest()[:12]

    def filename(self, original_name):
        stem = original_name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        return f"{slugify(stem)[:60] or 'afbeelding'}-{self.digest}.{self.kind.extension}"


def _refuse_wrong_type():
    return ValidationError(
        _(
            "Dit bestand is geen JPEG-, PNG- of WebP-afbeelding (gekeken naar de inhoud, niet "
            "naar de naam). Sla het op als JPEG, PNG of WebP en probeer het opnieuw."
        ),
        code="wrong_type",
    )


def _refuse_too_many_pixels():
    return ValidationError(
        _(
            "Deze afbeelding heeft te veel pixels om te verwerken (het maximum is %(limit)s "
            "megapixel). Maak haar kleiner, bijvoorbeeld 3000 pixels breed, en probeer het "
            "opnieuw."
        )
        % {"limit": settings.RAZON_MAX_IMAGE_PIXELS // 1_000_000},
        code="too_many_pixels",
    )


def _refuse_polyglot():
    return ValidationError(
        _(
            "Dit bestand bevat meer dan alleen een afbeelding (bijvoorbeeld code of een ander "
            "bestand erachter) en wordt daarom geweigerd. Open de afbeelding in een "
            "fotoprogramma, sla haar opnieuw op als JPEG, PNG of WebP en probeer het opnieuw."
        ),
        code="polyglot",
    )


def _refuse_damaged():
    return ValidationError(
        _(
            "Deze afbeelding is beschadigd of onvolledig en kan niet worden gelezen. Sla haar "
            "opnieuw op en probeer het opnieuw."
        ),
        code="damaged",
    )


def _jpeg_end(data, start=0):
    """Where the JPEG starting at `start` ends (just after its EOI marker), by walking its
    segments and skipping the entropy-coded scans; None when the structure is broken."""
    pos, size = start + 2, len(data)
    while pos + 1 < size:
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
        elif marker == 0xD9:  # end of image
            return pos + 2
        elif 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a length
            pos += 2
        else:
            pos += 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
            if marker == 0xDA:  # start of scan: compressed data runs to the next real marker
                while True:
                    pos = data.find(b"\xff", pos)
                    if pos < 0 or pos + 1 >= size:
                        return None
                    following = data[pos + 1]
                    if following != 0x00 and not 0xD0 <= following <= 0xD7:
                        break
                    pos += 2
    return None


def _png_end(data):
    pos = 8
    while pos + 12 <= len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        pos += 12 + length
        if kind == b"IEND":
            return pos
    return None


def _webp_end(data):
    size = int.from_bytes(data[4:8], "little")
    return 8 + size + (size & 1)


def _trailing_data(data, image_format):
    """The bytes after the image's end marker (the usual way to glue a zip, a script or a
    document to an image), or None when the image's structure is broken. Phones write a
    second JPEG after the first (MPF previews and depth maps): that counts as part of the
    image when it is itself a whole JPEG. Zero padding is ignored."""
    if image_format == "JPEG":
        end = _jpeg_end(data)
        while end is not None and data[end : end + 2] == b"\xff\xd8":
            end = _jpeg_end(data, end)
    elif image_format == "PNG":
        end = _png_end(data)
    else:
        end = _webp_end(data)
    return None if end is None else data[end:].strip(b"\x00")


def _contains_markup(data):
    lowered = data.lower()
    return any(marker in lowered for marker in MARKUP)


def prepare_image(file):
    """Checks an uploaded image and returns it cleaned (a PreparedImage); raises a
    ValidationError an editor understands. The result is kept on the upload, so the check
    in the form and the save after it decode the image once."""
    cached = getattr(file, "_razon_prepared", None)
    if cached is not None:
        return cached
    validate_size(
        file,
        _("Deze afbeelding is %(size)s; het maximum is %(limit)s. Verklein de afbeelding."),
    )
    file.seek(0)
    data = file.read()
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=list(IMAGE_TYPES))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse_too_many_pixels() from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise _refuse_wrong_type() from None
    width, height = image.size
    if width * height > settings.RAZON_MAX_IMAGE_PIXELS:
        raise _refuse_too_many_pixels()
    trailing = _trailing_data(data, image.format)
    if trailing is None:
        raise _refuse_damaged()
    if trailing or _contains_markup(data):
        raise _refuse_polyglot()
    try:
        image.load()
    except (OSError, SyntaxError, ValueError, EOFError):
        raise _refuse_damaged() from None
    kind = IMAGE_TYPES[image.format]
    prepared = PreparedImage(*_encode(image), kind=kind)
    file._razon_prepared = prepared
    return prepared


def _encode(image):
    """(bytes, width, height) of the image encoded again in its own format: upright, without
    EXIF, XMP, comments or text chunks; the colour profile is kept, so colours stay as the
    photographer saw them."""
    image_format = image.format
    icc_profile = image.info.get("icc_profile")
    image = ImageOps.exif_transpose(image)
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image, icc_profile = image.convert("RGB"), None
    elif image.mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    elif image_format == "WEBP" and image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA")
    image.info = {}
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if image_format == "JPEG":
        options.update(quality=90, optimize=True)
    elif image_format == "PNG":
        options.update(optimize=True)
    else:
        options.update(quality=90)
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue(), image.width, image.height


def validate_image(value):
    """The field's validator: newly chosen files only (a stored image was checked when it
    came in)."""
    if getattr(value, "_committed", False):
        return
    prepare_image(getattr(value, "file", None) or value)


# Renditions ---------------------------------------------------------------------------


def rendition_name(name, slot):
    """The stored name of the rendition for WIDTHS slot `slot` of the original `name`."""
    return f"{name.rsplit('.', 1)[0]}-{slot}w.webp"


def rendition_widths(width):
    """[(slot, pixel width)] of the renditions an original `width` pixels wide has: every slot
    narrower than it, and the first slot that is not, at the original's width (never
    upscaled)."""
    sizes = []
    for slot in WIDTHS:
        sizes.append((slot, min(slot, width)))
        if slot >= width:
            break
    return sizes


def make_renditions(storage, name, image=None):
    """Writes the WebP renditions of the stored original `name` (replacing any that exist)."""
    if image is None:
        with storage.open(name, "rb") as handle:
            image = Image.open(handle)
            if image.width * image.height > settings.RAZON_MAX_IMAGE_PIXELS:
                raise ValueError(f"{name} has too many pixels for renditions")
            image.load()
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    image = image.convert("RGBA" if has_alpha else "RGB")
    for slot, width in rendition_widths(image.width):
        height = max(1, round(image.height * width / image.width))
        resized = image if width == image.width else image.resize((width, height), Image.LANCZOS)
        buffer = io.BytesIO()
        resized.save(buffer, RENDITION_FORMAT, quality=RENDITION_QUALITY, method=4)
        target = rendition_name(name, slot)
        storage.delete(target)
        storage.save(target, ContentFile(buffer.getvalue()))


def rendition_names(name):
    """Every rendition an original may have (for clean-up, without knowing its width)."""
    return [rendition_name(name, slot) for slot in WIDTHS]


def srcset(fieldfile, width):
    """[(url, pixel width)] of the renditions of a stored image `width` pixels wide."""
    return [
        (fieldfile.storage.url(rendition_name(fieldfile.name, slot)), pixels)
        for slot, pixels in rendition_widths(width)
    ]


# The field ---------------------------------------------------------------------------


class WebImageFormField(forms.FileField):
    """A file input that offers only web images in the file chooser. The real check is the
    model field's validator (by content), whose messages the form shows under the field."""

    accept = ",".join(t.content_type for t in IMAGE_TYPES.values())
    widget = forms.ClearableFileInput(attrs={"accept": accept})


class WebImageField(FileCleanupMixin, models.ImageField):
    """An image on a page (a post's picture, an organisation's logo). See the module
    docstring for what it does; give it `width_field` and `height_field` so pages can reserve
    the space and choose renditions without opening the file."""

    default_validators = [validate_image]

    def formfield(self, **kwargs):
        field = super().formfield(**{"form_class": WebImageFormField, **kwargs})
        field.widget.attrs.setdefault("accept", WebImageFormField.accept)  # also the admin's
        return field

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        prepared = None
        if file and not file._committed:
            prepared = prepare_image(file.file)
            file.name = prepared.filename(file.name)
            # Named, so that Django reads the new (upright) size from it after storing.
            file.file = ContentFile(prepared.content, name=file.name)
        file = super().pre_save(model_instance, add)
        if prepared is not None:
            with Image.open(io.BytesIO(prepared.content)) as image:
                make_renditions(file.storage, file.name, image)
        return file

    def files_of(self, name):
        return [name, *rendition_names(name)]

    def update_dimension_fields(self, instance, *args, **kwargs):
        """Django reads the size of a newly assigned file at once; a hostile one must not
        break that (a decompression bomb raises): its size stays empty and the validator
        refuses it with a message."""
        try:
            super().update_dimension_fields(instance, *args, **kwargs)
        except (Image.DecompressionBombError, OSError, ValueError, SyntaxError):
            for name in (self.width_field, self.height_field):
                if name:
                    setattr(instance, name, None)


# Serving ------------------------------------------------------------------------------

_RENDITION = re.compile(r"^(?P<stem>.+)-(?P<slot>\d+)w\.webp$")


def open_stored_image(storage, name):
    """Opens a stored image for serving. A rendition that is missing (an image stored before
    renditions existed, or a slot added to WIDTHS) is made from its original first, when an
    item holds that original and its width declares the slot; raises FileNotFoundError when
    there is nothing to serve."""
    try:
        return storage.open(name, "rb")
    except FileNotFoundError:
        match = _RENDITION.match(name)
        original = match and held_original(match["stem"])
        if not original:
            raise
        try:
            with storage.open(original, "rb") as handle:
                width = Image.open(handle).width  # reads the header only
            if int(match["slot"]) not in dict(rendition_widths(width)):
                raise FileNotFoundError(name)
            make_renditions(storage, original)
        except (OSError, ValueError, Image.DecompressionBombError) as error:
            raise FileNotFoundError(name) from error
        return storage.open(name, "rb")


def held_original(stem):
    """The stored name of the original image `stem` plus one of the extensions, when a
    WebImageField of some item holds it; None for anything else (a rendition, a stray file)."""
    names = [f"{stem}.{kind.extension}" for kind in IMAGE_TYPES.values()]
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, WebImageField):
                held = model._base_manager.filter(**{f"{field.attname}__in": names})
                found = held.values_list(field.attname, flat=True).first()
                if found:
                    return found
    return None


def image_attributes(fieldfile):
    """The attributes of an <img> for a stored image: src, and when its width is known (the
    field's width_field) srcset, width and height too."""
    field, instance = fieldfile.field, fieldfile.instance
    width = getattr(instance, field.width_field, None) if field.width_field else None
    height = getattr(instance, field.height_field, None) if field.height_field else None
    if not width or not height or not isinstance(field, WebImageField):
        return {"src": fieldfile.url}
    candidates = srcset(fieldfile, width)
    # The fallback src: the widest rendition up to 960 pixels (browsers use srcset).
    src = next((url for url, pixels in reversed(candidates) if pixels <= 960), candidates[0][0])
    return {
        "src": src,
        "srcset": ", ".join(f"{url} {pixels}w" for url, pixels in candidates),
        "width": width,
        "height": height,
    }


def picture_fields(name, upload_to):
    """An optional picture with its description and stored size, as posts and events have
    it: the fields `name`, `<name>_alt`, `<name>_width` and `<name>_height`, in that order."""
    return (
        WebImageField(
            gettext_lazy("afbeelding"),
            upload_to=upload_to,
            blank=True,
            width_field=f"{name}_width",
            height_field=f"{name}_height",
            help_text=gettext_lazy(
                "Optioneel. JPEG, PNG of WebP, liefst liggend en minstens 1200 pixels breed."
            ),
        ),
        models.CharField(
            gettext_lazy("beschrijving van de afbeelding"),
            max_length=250,
            blank=True,
            help_text=gettext_lazy(
                "Verplicht bij een afbeelding: wat er te zien is, voor wie de afbeelding niet kan "
                "zien. Bijvoorbeeld: Deelnemers in gesprek aan zes tafels."
            ),
        ),
        models.PositiveIntegerField(editable=False, null=True),
        models.PositiveIntegerField(editable=False, null=True),
    )


def require_picture_description(obj, name):
    """Refuses a picture without its description (a model's clean())."""
    if getattr(obj, name) and not getattr(obj, f"{name}_alt").strip():
        raise ValidationError(
            {
                f"{name}_alt": _(
                    "Beschrijf wat er op de afbeelding te zien is; zonder beschrijving "
                    "missen blinde en slechtziende bezoekers deze informatie."
                )
            }
        )
