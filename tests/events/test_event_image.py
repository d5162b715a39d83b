"""An event's picture (#22): a description is required with it, and the event page and the
agenda show it responsive, lazy in the list, with its size set."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse

from tests import factories
from tests.images import png_bytes

pytestmark = pytest.mark.django_db


def event_with_image(**fields):
    event = factories.event(**fields)
    event.image = ContentFile(png_bytes(1200, 630), "zaal.png")
    event.image_alt = "Een zaal met zes ronde tafels."
    event.save()
    return event


def test_an_image_needs_a_description():
    event = factories.event()
    event.image = ContentFile(png_bytes(800, 400), "zaal.png")
    event.image_alt = "  "

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert "image_alt" in error.value.message_dict


def test_the_event_page_shows_the_picture_at_the_top(client):
    event = event_with_image()

    html = client.get(event.get_absolute_url()).content.decode()

    (image,) = re.findall(r'<img [^>]*class="event-hero__image"[^>]*>', html)
    assert 'alt="Een zaal met zes ronde tafels."' in image
    assert 'width="1200"' in image and 'height="630"' in image and "srcset=" in image
    assert 'loading="lazy"' not in image


def test_the_agenda_shows_the_picture_lazily(client):
    event_with_image()
    factories.event(title="Zonder beeld")

    html = client.get(reverse("events:list")).content.decode()

    images = re.findall(r'<img [^>]*class="event__image"[^>]*>', html)
    assert len(images) == 1
    assert 'loading="lazy"' in images[0] and 'sizes="12rem"' in images[0]
    assert 'alt="Een zaal met zes ronde tafels."' in images[0]
