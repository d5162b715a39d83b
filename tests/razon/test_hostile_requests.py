"""No visitor's input gives a 500: every public URL pattern (read from the resolver by
tests/routes.py), with hostile values in its path and its query, as a page and for htmx,
answers below 500. CI runs it on SQLite and on PostgreSQL, which fails in ways SQLite does
not (it refuses NUL in text; websearch_to_tsquery nests a NOT per dash)."""

from urllib.parse import quote, urlencode

import pytest

from tests import factories
from tests.hostile import CONTROL_CHARACTERS, HOSTILE_URL_VALUES, MALFORMED_ENCODINGS
from tests.routes import demo_paths, demo_values, public_routes, query_parameters

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true", "HX-Target": "results"}
# Encoded, so they arrive as written; the malformed ones as they are.
HOSTILE = [quote(value, safe="") for value in HOSTILE_URL_VALUES] + MALFORMED_ENCODINGS


def server_errors(client, requests):
    """The (path, htmx) requests answered with a 5xx, as readable lines."""
    client.raise_request_exception = False  # collect every failure, not only the first
    found = []
    for path, htmx in requests:
        status = client.get(path, headers=HTMX if htmx else {}).status_code
        if status >= 500:
            shown = path if len(path) < 150 else path[:150] + "…"
            found.append(f"{status} {'htmx' if htmx else 'page'} {shown}")
    return found


def htmx_routes(client):
    """The names of the routes whose demo page answers htmx with a fragment of its own: they
    are asked both ways (the others give htmx the same page, already asked)."""
    fragments = set()
    for name, path in demo_paths().items():
        response = client.get(path, headers=HTMX)
        if not response.streaming and b"<html" not in response.content:
            fragments.add(name)
    return fragments


def both_ways(name, paths, fragments):
    return [
        (path, htmx) for path in paths for htmx in (False, True) if not htmx or name in fragments
    ]


def test_no_public_url_answers_5xx_to_hostile_values_in_its_path(client, demo):
    paths = demo_paths()  # the walk covers every page, each with a working demo value
    assert len(paths) >= 35 and not any(name.startswith("admin") for name in paths)
    assert {"home", "search", "media", "document", "events:registered"} <= set(paths)
    assert {"zoek", "sector", "pagina", "regio", "voorbeeld"} <= set(query_parameters())
    for name, path in paths.items():
        assert client.get(path).status_code in {200, 301, 302}, name
    fragments = htmx_routes(client)
    assert {"search", "partnerships:list", "regions:map", "contact:form"} <= fragments

    values = demo_values()
    requests = []
    for route in public_routes():
        filled = values.get(route.name, {})
        for placeholder in route.placeholders:
            hostile = [route.path(**{**filled, placeholder: value}) for value in HOSTILE]
            requests += both_ways(route.name, hostile, fragments)
        # Past the end of every route too: what no pattern matches still passes middleware.
        requests += [(route.path(**filled) + value, False) for value in HOSTILE]

    assert server_errors(client, requests) == []


def test_no_public_url_answers_5xx_to_hostile_values_in_its_query(client, demo):
    """Every parameter a page reads gets the same value at once: none of them ends the view
    early (a preview token is only read when the page's item is not found)."""
    parameters = query_parameters()
    fragments = htmx_routes(client)
    requests = []
    for name, path in demo_paths().items():
        queries = [urlencode(dict.fromkeys(parameters, value)) for value in HOSTILE_URL_VALUES]
        queries += [
            "&".join(f"{key}={value}" for key in parameters) for value in MALFORMED_ENCODINGS
        ]
        requests += both_ways(name, [f"{path}?{query}" for query in queries], fragments)

    assert server_errors(client, requests) == []


def test_no_public_url_answers_5xx_to_repeated_or_unknown_parameters(client, demo):
    parameters = query_parameters()
    fragments = htmx_routes(client)
    repeated = urlencode(
        [(key, value) for key in parameters for value in ("po", "vo-mbo", "2", "")]
    )
    unknown = "onbekend=1&utm_source=nieuwsbrief&fbclid=x&a[]=1&=leeg&&a=1=2&%00=1&sector"
    requests = []
    for name, path in demo_paths().items():
        queries = [repeated, unknown, "sector=a&sector=b"]
        requests += both_ways(name, [f"{path}?{query}" for query in queries], fragments)

    assert server_errors(client, requests) == []


@pytest.mark.parametrize(
    "path",
    [
        "/berichten/%00/",
        "/media/berichten/2026/%00.png",
        "/media/%00-240w.webp",
        "/regio/kaart/?regio=%00",
        "/zoeken/?zoek=a%00b",
        "/agenda/?sector=%1b",
        "/organisaties/%7f/",
    ],
)
def test_a_control_character_in_the_path_or_query_gets_a_clear_400(client, db, path):
    response = client.get(path)

    assert response.status_code == 400
    html = response.content.decode()
    assert "Dit adres klopt niet" in html and 'id="main"' in html


def test_an_htmx_request_with_a_control_character_gets_a_fragment(client, db):
    response = client.get("/agenda/?sector=%00", headers=HTMX)

    assert response.status_code == 400
    html = response.content.decode()
    assert "tekens die niet in een webadres horen" in html and "<html" not in html


@pytest.mark.parametrize("character", CONTROL_CHARACTERS)
def test_every_control_character_is_refused_in_the_path(client, db, character):
    assert client.get(f"/berichten/a{quote(character)}b/").status_code == 400


@pytest.mark.parametrize(
    "query", ["zoek=twee%09woorden", "zoek=regel%0D%0Aregel", "zoek=%E2%80%AE"]
)
def test_tabs_line_breaks_and_right_to_left_marks_in_a_search_are_searched(client, db, query):
    """What a visitor can paste into a search box is not refused."""
    assert client.get(f"/zoeken/?{query}").status_code == 200


def test_a_search_of_many_dashes_is_answered(client, db):
    """PostgreSQL: 33 or more dashes made websearch_to_tsquery overflow ("tsquery stack too
    small"); the words are normalised before they reach it."""
    factories.post(title="Samen opleiden in het onderwijs")
    for words in ["-" * 33, "-" * 200, "- " * 60 + "onderwijs", "--onderwijs", "-" * 40 + "x"]:
        response = client.get(f"/zoeken/?{urlencode({'zoek': words})}")
        assert response.status_code == 200, words
