"""Generated bad input: never a 500, never HTML that executes."""

import pytest
from django.core import mail
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contact.models import ContactMessage
from tests.contact.conftest import started

pytestmark = pytest.mark.django_db

HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "x\r\nBcc: victim@example.org",
        "a@b.example\nCc: c@d.example",
        "\x00\x01\x1b[31m",
        "‮reversed",
        "javascript:alert(1)",
        "😀" * 50,
        "",
        " ",
    ]
)
TEXT = st.one_of(HOSTILE, st.text(max_size=300), st.text(min_size=5000, max_size=6000))
FIELD = st.one_of(TEXT, st.integers().map(str), st.just(None))


def form_data(values):
    data = {key: value for key, value in values.items() if value is not None}
    data["started"] = started()
    return data


@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    values=st.fixed_dictionaries(
        {
            "name": FIELD,
            "email": st.one_of(FIELD, st.emails().map(str)),
            "organization": FIELD,
            "topic": st.one_of(FIELD, st.sampled_from(["vraag", "suggestie", "opmerking"])),
            "message": FIELD,
            "page": st.one_of(FIELD, st.just("/alliantie/")),
            "website": st.one_of(st.just(""), FIELD),
        }
    ),
    htmx=st.booleans(),
)
def test_generated_input_never_breaks_the_form_or_injects_html(
    client, mail_worker_pass, values, htmx
):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}

    response = client.post(reverse("contact:form"), form_data(values), **headers)

    assert response.status_code in {200, 302}
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "<img src=x onerror" not in body
    for message in ContactMessage.objects.all():
        for field in ("name", "email", "organization", "page"):
            assert "\n" not in getattr(message, field) and "\r" not in getattr(message, field)
        assert "\x00" not in message.message
    assert ", 0 failed" in mail_worker_pass()
    for sent in mail.outbox:
        assert "\n" not in sent.subject
