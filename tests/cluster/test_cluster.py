"""Two app servers behind nginx (`make cluster`): whatever one server does, the other knows at
once, because they share only PostgreSQL and Redis. Each test speaks to the app servers
directly (with the headers nginx adds) to choose which server answers, or to nginx itself."""

import gzip
import json
import re
import secrets
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from events.models import RegistrationStatus
from tests.cluster.conftest import (
    APP_SERVERS,
    PROXY,
    Browser,
    deployment,
    query,
    shell,
    staff_login,
)
from tests.images import jpeg_bytes

pytestmark = [pytest.mark.cluster, pytest.mark.usefixtures("cluster")]

A, B = APP_SERVERS
FORM_MIN_SECONDS = 3.2  # the bot trap's minimum fill time (production's 3 s) and a little


def spread(n):
    """The app servers in turn: the n-th request's server."""
    return APP_SERVERS[n % 2]


def test_a_login_through_one_server_continues_through_the_other():
    browser = Browser()
    assert browser.get(B, "/admin/").status == 302  # not logged in yet
    staff_login(browser, A, f"cluster-{secrets.token_hex(4)}")

    page = browser.get(B, "/admin/")
    assert page.status == 200
    assert "Uitloggen" in page.text or "logout" in page.text
    # And back: the session is one, whichever server saves it.
    assert browser.get(A, "/admin/news/post/").status == 200


def test_the_rate_limit_counts_across_both_servers():
    browser = Browser()
    hidden = browser.open_form(A, "/contact/")
    time.sleep(FORM_MIN_SECONDS)
    marker = f"limit-{secrets.token_hex(4)}@school.example"
    data = {**contact_data(marker), **hidden}
    statuses = [browser.post(spread(n), "/contact/", data).status for n in range(7)]
    # Five messages per client per window, counted in the shared Redis whichever server
    # received them: the sixth and seventh are refused by either server.
    assert statuses == [302] * 5 + [429] * 2
    assert stored_messages(marker) == 5


def test_an_edit_through_one_server_shows_at_once_through_the_other():
    word = f"clusterwoord{secrets.token_hex(3)}"
    slug = shell(
        "from tests import factories; from razon.models import PublishStatus; "
        f"print(factories.post(title='Bericht {word}', slug='bericht-{word}', "
        f"intro='Over {word}.', status=PublishStatus.DRAFT, date='2099-01-01').slug)"
    )
    post_id = query("SELECT id FROM news_post WHERE slug = %s", slug)[0][0]
    visitor = Browser()

    def shown_through(server):
        """Where the post shows for a visitor: its page, the list, the list's htmx fragment,
        the search and the sitemap (each cached by the page cache once asked)."""
        link = f"/berichten/{slug}/"
        return {
            "page": visitor.get(server, link).status == 200,
            "list": link in visitor.get(server, "/berichten/").text,
            "fragment": link in visitor.get(server, "/berichten/", **{"HX-Request": "true"}).text,
            "search": link in visitor.get(server, f"/zoeken/?zoek={word}").text,
            "sitemap": link in visitor.get(server, "/sitemap.xml").text,
        }

    nowhere = dict.fromkeys(["page", "list", "fragment", "search", "sitemap"], False)
    everywhere = dict.fromkeys(nowhere, True)
    assert shown_through(B) == nowhere  # and now cached on B's side
    assert shown_through(B) == nowhere

    editor = Browser()
    staff_login(editor, A, f"cluster-{secrets.token_hex(4)}")
    editor.open_form(A, "/admin/news/post/")
    action = {"action": "make_published", "_selected_action": post_id, "index": 0}
    assert editor.post(A, "/admin/news/post/", action).status == 302

    assert shown_through(B) == everywhere

    # Back to draft through B: gone at once through A (which had it cached meanwhile).
    assert shown_through(A) == everywhere
    editor.open_form(B, "/admin/news/post/")
    action["action"] = "make_draft"
    assert editor.post(B, "/admin/news/post/", action).status == 302
    assert shown_through(A) == nowhere


def test_50_concurrent_registrations_for_10_seats_over_both_servers():
    slug = f"bijeenkomst-{secrets.token_hex(4)}"  # the cluster's database outlives a run
    shell(
        "from tests import factories; "
        f"factories.event(slug={slug!r}, title='Bijeenkomst {slug[-8:]}', "
        "registration_enabled=True, capacity=10, waiting_list=True)"
    )
    path = f"/agenda/{slug}/aanmelden/"
    visitors = [Browser() for _ in range(50)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        forms = list(pool.map(lambda n: visitors[n].open_form(spread(n), path), range(50)))
    time.sleep(FORM_MIN_SECONDS)

    def register(n):
        data = {**registration_data(f"deelnemer{n}@{slug}.example"), **forms[n]}
        return visitors[n].post(spread(n + 1), path, data).status

    with ThreadPoolExecutor(max_workers=25) as pool:
        assert list(pool.map(register, range(50))) == [302] * 50

    links = json.loads(
        shell(
            "import json; from events.models import Registration; "
            "from events.services import confirm_token; from django.urls import reverse; "
            "print(json.dumps({r.email: reverse('events:confirm', args=[confirm_token(r)]) "
            f"for r in Registration.objects.filter(event__slug={slug!r})}}))"
        )
    )
    assert len(links) == 50

    def confirm(n):
        return visitors[n].post(spread(n), links[f"deelnemer{n}@{slug}.example"], {}).status

    with ThreadPoolExecutor(max_workers=25) as pool:
        assert list(pool.map(confirm, range(50))) == [200] * 50

    counts = dict(
        query(
            "SELECT r.status, count(*) FROM events_registration r JOIN events_event e "
            "ON e.id = r.event_id WHERE e.slug = %s GROUP BY r.status",
            slug,
        )
    )
    assert counts == {RegistrationStatus.CONFIRMED: 10, RegistrationStatus.WAITING: 40}


def test_200_contact_messages_over_both_servers_are_all_stored():
    marker = f"bulk{secrets.token_hex(4)}"
    # 40 visitors with five messages each: every one within the rate limit.
    visitors = [Browser() for _ in range(40)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        forms = list(pool.map(lambda n: visitors[n].open_form(spread(n), "/contact/"), range(40)))
    time.sleep(FORM_MIN_SECONDS)

    def send(n):
        visitor = n % 40
        data = {**contact_data(f"afzender{n}@{marker}.example"), **forms[visitor]}
        return visitors[visitor].post(spread(n), "/contact/", data).status

    with ThreadPoolExecutor(max_workers=25) as pool:
        assert list(pool.map(send, range(200))) == [302] * 200

    rows = query(
        "SELECT email, status FROM contact_contactmessage WHERE email LIKE %s",
        f"%@{marker}.example",
    )
    assert sorted(email for email, _ in rows) == sorted(
        f"afzender{n}@{marker}.example" for n in range(200)
    )
    assert {status for _, status in rows} == {"new"}  # none set aside as spam


def test_static_files_are_served_the_same_by_both_servers_and_nginx():
    manifest = json.loads((deployment.HOME / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/razon.css"]
    on_disk = (deployment.HOME / "static" / hashed).read_bytes()
    visitor = Browser()
    answers = [visitor.get(server, f"/static/{hashed}") for server in (A, B, PROXY)]
    assert [answer.status for answer in answers] == [200] * 3
    assert [answer.content for answer in answers] == [on_disk] * 3
    assert {answer.headers["Content-Type"].split(";")[0] for answer in answers} == {"text/css"}
    for answer in answers:
        assert "immutable" in answer.headers["Cache-Control"]
        assert "max-age=31536000" in answer.headers["Cache-Control"]


def test_an_uploaded_image_is_served_the_same_by_both_servers_and_nginx():
    """Uploaded through the admin of one server; the other and nginx serve the same file, with
    the type, sandbox and cache the app gives it."""
    editor = Browser()
    staff_login(editor, A, f"cluster-{secrets.token_hex(4)}")
    form = editor.get(A, "/admin/news/post/add/").text
    title = f"Beeld {secrets.token_hex(3)}"
    fields = [
        ("kind", "nieuws"),
        ("title", title),
        ("slug", title.lower().replace(" ", "-")),
        ("date", "2099-01-02"),
        ("intro", "Een bericht met een beeld."),
        ("body", "Tekst."),
        ("cover_alt", "Een oranje vlak."),
        ("status", "draft"),
        *management_forms(form),
    ]
    image = jpeg_bytes(800, 400)
    files = {"cover": ("beeld.jpg", image)}
    response = editor.post_multipart(A, "/admin/news/post/add/", fields, files)
    assert response.status == 302, errors(response.text)
    cover = query("SELECT cover FROM news_post WHERE title = %s", title)[0][0]
    assert cover

    visitor = Browser()
    answers = [visitor.get(server, f"/media/{cover}") for server in (A, B, PROXY)]
    assert [answer.status for answer in answers] == [200] * 3
    assert len({answer.content for answer in answers}) == 1
    assert answers[0].content == (deployment.HOME / "media" / cover).read_bytes()
    for answer in answers:
        assert answer.headers["Content-Type"] == "image/jpeg"
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in answer.headers["Content-Security-Policy"]
        assert "immutable" in answer.headers["Cache-Control"]
    # A document is never served from /media/, by nginx either.
    document = query("SELECT file FROM razon_document WHERE file <> '' LIMIT 1")
    if document:
        assert visitor.get(PROXY, f"/media/{document[0][0]}").status == 404


def test_nginx_redirects_to_https_spreads_over_both_servers_compresses_and_limits_bodies():
    import http.client

    plain = http.client.HTTPConnection(deployment.HOST, deployment.HTTP_PORT, timeout=10)
    plain.request("GET", "/agenda/?x=1", headers={"Host": deployment.SERVER_NAME})
    response = plain.getresponse()
    assert (response.status, response.headers["Location"]) == (301, f"{PROXY}/agenda/?x=1")

    probe = f"probe{secrets.token_hex(4)}"
    visitor = Browser()
    for _ in range(8):
        assert visitor.get(PROXY, f"/healthz?p={probe}").status == 200
    hits = [
        (deployment.LOGS / f"app-{port}.log").read_text().count(probe)
        for port in deployment.APP_PORTS
    ]
    assert sum(hits) == 8 and min(hits) > 0, hits

    # Through nginx the app sees https (secure cookies, no redirect) and the page compressed.
    page = visitor.get(PROXY, "/agenda/", **{"Accept-Encoding": "gzip"})
    assert page.status == 200
    assert page.headers["Content-Encoding"] == "gzip"
    assert b"</html>" in gzip.decompress(page.content)
    assert "Strict-Transport-Security" in page.headers

    # A public body over the app's limit gets the app's own page; one far over it, nginx's.
    visitor.open_form(PROXY, "/contact/")
    large = visitor.post(PROXY, "/contact/", {"message": "x" * 100_000})
    assert large.status == 413 and "<html" in large.text.lower()
    huge = visitor.post(PROXY, "/contact/", {"message": "x" * 2_000_000})
    assert huge.status == 413 and "nginx" in huge.text


def test_the_timers_services_run():
    """razon-hourly and razon-daily, each as systemd runs it (run_oneshot exits on a failure)."""
    with ThreadPoolExecutor() as pool:
        assert list(pool.map(deployment.run_oneshot, deployment.ONESHOTS)) == list(
            deployment.ONESHOTS
        )


def contact_data(email):
    return {
        "name": "Anna de Vries",
        "email": email,
        "organization": "Stichting Voorbeeld",
        "topic": "vraag",
        "message": "Hoe kan ons bestuur aansluiten bij RA-ZON?",
        "page": "/",
        "website": "",
    }


def registration_data(email):
    return {
        "name": "Bram Jansen",
        "email": email,
        "organization": "Stichting Voorbeeld",
        "role": "Schoolopleider",
        "question": "",
        "website": "",
    }


def stored_messages(email):
    return query("SELECT count(*) FROM contact_contactmessage WHERE email = %s", email)[0][0]


def management_forms(html):
    """The inline formsets' management fields of an admin form, with no rows."""
    names = re.findall(r'name="([^"]+-(?:TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS)"', html)
    return [
        (name, "0" if name.endswith(("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS")) else "1000")
        for name in names
    ]


def errors(html):
    return re.findall(r'<ul class="errorlist[^"]*"[^>]*>.*?</ul>', html, re.S)[:5] or html[:1000]
