"""Run inside `manage.py shell` by tests/razon/test_backup.py: prints, as JSON, the pages a
visitor sees (home, overviews, the first partnership, event and post) and a digest of every
image and document they link to, with the per-response parts (CSRF token, form start time)
taken out, so two sites with the same content print the same."""

import hashlib
import json
import re

from django.test import Client

from events.models import Event
from news.models import Post
from partnerships.models import Partnership

PER_RESPONSE = re.compile(
    r'(csrfmiddlewaretoken" value="|X-CSRFToken": "|name="started" value=")[^"]*'
)
LINKED_FILES = re.compile(r'(?:src|href)="(/(?:media|documenten)/[^"]+)"')


def main():
    client = Client(HTTP_HOST="localhost")
    paths = ["/", "/agenda/", "/berichten/", "/partnerschappen/"]
    for model in (Partnership, Event, Post):
        paths += [item.get_absolute_url() for item in model.objects.published().order_by("pk")[:3]]
    pages, files = {}, {}
    for path in paths:
        response = client.get(path)
        page = PER_RESPONSE.sub(r"\1", response.content.decode())
        pages[path] = [response.status_code, page]
        for linked in LINKED_FILES.findall(page):
            answer = client.get(linked.replace("&amp;", "&"))
            body = b"".join(answer.streaming_content) if answer.streaming else answer.content
            files[linked] = [answer.status_code, hashlib.sha256(body).hexdigest()]
    print(json.dumps({"pages": pages, "files": files}))
