"""Images made on the spot with Pillow, for the tests of uploads."""

import io

from PIL import Image


def image_bytes(width=64, height=48, image_format="JPEG", color=(200, 80, 40), **options):
    buffer = io.BytesIO()
    mode = "RGBA" if image_format == "PNG" else "RGB"
    Image.new(mode, (width, height), color).save(buffer, image_format, **options)
    return buffer.getvalue()


def png_bytes(width=64, height=48):
    return image_bytes(width, height, "PNG", color=(0, 120, 200, 128))


def jpeg_bytes(width=64, height=48, **options):
    return image_bytes(width, height, "JPEG", **options)
