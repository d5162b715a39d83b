"""Checking uploaded documents by what they contain, not by what they are called.

A file is accepted when its first bytes (and, for the office formats, the parts inside the
zip container) match one of the document types the site offers for download; its name is
cleaned and its size limited. What is stored is the sniffed type, so downloads are served
with a content type the site chose, never one a file name suggested."""

import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import signals
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename, slugify
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class DocumentType:
    extension: str
    content_type: str
    label: str


PDF = DocumentType("pdf", "application/pdf", "PDF")
DOCX = DocumentType(
    "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"
)
PPTX = DocumentType(
    "pptx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "PowerPoint",
)
XLSX = DocumentType(
    "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"
)
ODT = DocumentType("odt", "application/vnd.oasis.opendocument.text", "OpenDocument")
DOCUMENT_TYPES = {t.content_type: t for t in (PDF, DOCX, PPTX, XLSX, ODT)}

# The folder inside an Office Open XML package that tells which kind of document it is.
_OOXML_PARTS = {"word/document.xml": DOCX, "ppt/presentation.xml": PPTX, "xl/workbook.xml": XLSX}


def sniff_document(file):
    """The DocumentType of an uploaded file, judged by its content; None when it is none of
    the accepted kinds (a script renamed to .pdf, an image, a damaged file)."""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(file) as package:
            names = set(package.namelist())
            if (
                "mimetype" in names
                and package.read("mimetype").strip() == ODT.content_type.encode()
            ):
                return ODT
            if "[Content_Types].xml" in names:
                return next((t for part, t in _OOXML_PARTS.items() if part in names), None)
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    finally:
        file.seek(0)
    return None


def validate_size(file, message):
    """Refuses a file over RAZON_MAX_UPLOAD_SIZE with `message` (which names %(size)s and
    %(limit)s), for documents and images alike."""
    limit = settings.RAZON_MAX_UPLOAD_SIZE
    if file.size > limit:
        raise ValidationError(
            message % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="too_large",
        )


def validate_document(file):
    """Raises a ValidationError an editor understands; returns the DocumentType otherwise."""
    validate_size(
        file,
        _(
            "Dit bestand is %(size)s; het maximum is %(limit)s. "
            "Verklein het bestand of deel het op."
        ),
    )
    kind = sniff_document(file)
    if kind is None:
        raise ValidationError(
            _(
                "Dit bestand is geen PDF-, Word-, PowerPoint-, Excel- of OpenDocument-bestand "
                "(gekeken naar de inhoud, niet naar de naam). Sla het op in een van die formaten."
            ),
            code="wrong_type",
        )
    return kind


def clean_filename(name, extension):
    """A safe, readable file name with the extension that matches the content."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return get_valid_filename(f"{slugify(stem)[:80] or 'document'}.{extension}")


class FileCleanupMixin:
    """For a file field: the stored file it held is removed once it is replaced, cleared or
    its row deleted, and only after the commit (a rolled-back change still has its file), and
    only when no other row of the model points at the same file. `files_of(name)` says which
    stored files belong to a value (an image adds its renditions)."""

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        if cls._meta.abstract:
            return
        uid = f"razon-file-cleanup-{cls._meta.label}-{name}"
        signals.post_init.connect(self._remember, sender=cls, weak=False, dispatch_uid=uid)
        signals.post_save.connect(self._after_save, sender=cls, weak=False, dispatch_uid=uid)
        signals.post_delete.connect(self._after_delete, sender=cls, weak=False, dispatch_uid=uid)

    def files_of(self, name):
        return [name]

    def _stored_name(self, instance):
        """The name of the file in storage; "" for none, or for an upload not yet stored
        (its name is only what the browser sent). Read from __dict__, so a deferred field
        is not loaded just to remember it."""
        value = instance.__dict__.get(self.attname)
        if isinstance(value, str):
            return value
        return value.name if isinstance(value, FieldFile) and value._committed else ""

    def _remember(self, sender, instance, **kwargs):
        if self.attname in instance.__dict__:
            instance.__dict__.setdefault("_razon_stored_files", {})[self.attname] = (
                self._stored_name(instance)
            )

    def _after_save(self, sender, instance, using, **kwargs):
        stored = instance.__dict__.setdefault("_razon_stored_files", {})
        old, current = stored.get(self.attname), self._stored_name(instance)
        stored[self.attname] = current
        if old and old != current:
            self._delete_after_commit(sender, old, using)

    def _after_delete(self, sender, instance, using, **kwargs):
        if name := self._stored_name(instance):
            self._delete_after_commit(sender, name, using)

    def _delete_after_commit(self, model, name, using):
        storage = self.storage

        def delete():
            if model._default_manager.using(using).filter(**{self.name: name}).exists():
                return
            for stored in self.files_of(name):
                storage.delete(stored)

        transaction.on_commit(delete, using=using)


class ManagedFileField(FileCleanupMixin, models.FileField):
    """A FileField whose replaced and deleted files do not stay behind in storage."""
