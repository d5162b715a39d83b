import re
from xml.etree import ElementTree

from django.contrib.auth import get_user_model

from tests.e2e.conftest import assert_no_axe_violations, wait_for_new_results


def test_filter_load_older_posts_and_open_one_with_htmx(page, demo_site):
    page.goto(demo_site + "/berichten/")
    page.evaluate("window.stillTheSamePage = true")
    assert page.locator(".post-summary").count() == 10
    assert_no_axe_violations(page)

    before = page.locator("#results-title").inner_text()
    page.get_by_label("Sector", exact=True).select_option("po")
    page.wait_for_url(re.compile(r"/berichten/\?sector=po$"))
    wait_for_new_results(page, before)
    assert page.evaluate("window.stillTheSamePage") is True
    shown = page.locator(".post-summary").count()
    total = int(page.locator("#results-title").inner_text().split()[0])
    assert shown == min(10, total) and total > 10

    page.get_by_role("link", name="Oudere berichten").click()
    page.wait_for_function(f"() => document.querySelectorAll('.post-summary').length > {shown}")
    assert page.evaluate("document.activeElement.id") == "page-2"  # the first new post
    assert page.url.endswith("/berichten/?sector=po")  # the list grew; the address stayed
    page.wait_for_function(
        "() => document.getElementById('live-region').textContent.includes('geladen')"
    )
    assert page.evaluate("window.stillTheSamePage") is True
    assert_no_axe_violations(page)

    page.locator("#page-2").click()
    page.wait_for_url(re.compile(r"/berichten/[\w-]+/$"))
    assert page.locator("article.post h1").is_visible()


def test_without_javascript_filter_page_through_and_open_a_post(page_without_js, demo_site):
    page = page_without_js
    page.goto(demo_site + "/berichten/")

    page.get_by_label("Soort bericht").select_option("verslag")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url(re.compile(r"soort=verslag"))
    assert set(page.locator(".post-summary .badge").all_inner_texts()) == {"Verslag"}

    page.goto(demo_site + "/berichten/")
    page.get_by_role("link", name="Oudere berichten").click()
    page.wait_for_url(re.compile(r"\?pagina=2$"))
    assert page.locator(".post-summary").count() == 10
    assert page.get_by_text("Berichten 11 tot en met 20.").is_visible()
    page.get_by_role("link", name="Nieuwere berichten").click()
    page.wait_for_url(re.compile(r"\?pagina=1$"))

    page.get_by_role("link", name="Leerruimte onderwijsregio's").click()
    page.wait_for_url(re.compile(r"/berichten/leerruimte-onderwijsregios/$"))
    assert page.get_by_role("heading", name="Meer lezen of luisteren?").is_visible()


def test_a_post_page_passes_axe_and_its_footnote_works(page, demo_site):
    page.goto(demo_site + "/berichten/leerruimte-onderwijsregios/")

    assert page.get_by_text("Door Miranda, lector").is_visible()
    assert page.get_by_role("heading", name="Gerelateerde berichten").is_visible()
    # The JSON-LD block is data: the strict CSP neither runs nor reports it (console errors
    # fail every browser test), and a search engine can read it.
    data = page.evaluate(
        "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)"
    )
    assert data["@type"] == "Article" and data["author"]["name"] == "Miranda"
    assert_no_axe_violations(page)

    page.locator("a.footnote-ref").click()
    assert page.url.endswith("#fn:1")
    assert page.locator('[id="fn:1"]').is_visible()


def test_the_feeds_are_announced_and_valid(page, demo_site):
    page.goto(demo_site + "/berichten/?soort=blog")

    links = page.locator('link[rel="alternate"]')
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs == [
        "/berichten/feed/",
        "/berichten/feed/atom/",
        "/berichten/feed/blog/",
        "/berichten/feed/blog/atom/",
    ]
    response = page.request.get(demo_site + "/berichten/feed/blog/")
    channel = ElementTree.fromstring(response.body()).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert "Leerruimte onderwijsregio's" in titles
    assert channel.find("item").findtext("link").startswith(demo_site + "/berichten/")


def test_an_event_page_lists_its_report(page, demo_site):
    page.goto(demo_site + "/agenda/strategiesessie-onderwijsregios-7-februari-2024/")

    page.get_by_role("link", name="Verslag: strategiesessie onderwijsregio's").click()

    page.wait_for_url(re.compile(r"/berichten/verslag-strategiesessie"))


def test_the_admin_preview_shows_the_sanitised_text(page, demo_site):
    get_user_model().objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord")
    page.goto(demo_site + "/admin/login/?next=/admin/news/post/add/")
    page.get_by_label("Gebruikersnaam").fill("redacteur")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url(re.compile(r"/admin/news/post/add/$"))

    page.locator("#id_body").fill(
        '## Tussenkop\n\n- punt\n\n<img src=x onerror="window.hacked=1">[x](javascript:alert(1))'
    )
    page.get_by_role("button", name="Voorbeeld").click()

    preview = page.locator("#id_body_preview")
    preview.get_by_role("heading", name="Tussenkop").wait_for()
    assert preview.locator("li").inner_text() == "punt"
    assert preview.locator("img").count() == 0
    assert preview.locator("a").get_attribute("href") is None
    assert page.evaluate("window.hacked") is None
