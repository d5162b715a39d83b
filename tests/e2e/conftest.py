"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Without Chromium these tests skip with the reason printed; with RAZON_REQUIRE_BROWSER=1 (as
CI sets it) a missing browser is a failure instead, so CI can never pass them silently."""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).parent / "artifacts"


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash.setdefault(_failed_key, report.failed)
    return report


_failed_key = pytest.StashKey[bool]()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        reason = f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)"
        if os.environ.get("RAZON_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{reason}, and RAZON_REQUIRE_BROWSER=1 requires the browser tests.")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(request, browser):
    """A fresh browser page; its console errors fail the test, a failure leaves a screenshot."""
    yield from _page(request, browser, java_script_enabled=True)


@pytest.fixture
def page_without_js(request, browser):
    """The same, with JavaScript switched off: the path every feature must work on first."""
    yield from _page(request, browser, java_script_enabled=False)


def _page(request, browser, java_script_enabled):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale="nl-NL",
        java_script_enabled=java_script_enabled,
    )
    page = context.new_page()
    errors = []
    page.on("console", lambda message: _record_console_error(message, errors))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda response: _record_broken_resource(response, errors))
    yield page
    if request.node.stash.get(_failed_key, False):
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"{request.node.name}.png", full_page=True)
    context.close()
    assert not errors, f"The browser console reported errors: {errors}"


def _record_console_error(message, errors):
    # A page answered with 404 on purpose logs "Failed to load resource"; broken
    # subresources are caught by _record_broken_resource instead.
    if message.type == "error" and not message.text.startswith("Failed to load resource"):
        errors.append(message.text)


# Refusals htmx shows in the page on purpose (base.html's htmx-config swaps them).
SHOWN_REFUSALS = {413, 429}


def _record_broken_resource(response, errors):
    if response.request.resource_type == "xhr" and response.status in SHOWN_REFUSALS:
        return
    if response.request.resource_type != "document" and response.status >= 400:
        errors.append(f"{response.status} for {response.url}")


@pytest.fixture
def demo_site(live_server, transactional_db):
    """The live server with the demo content loaded; yields its base URL."""
    call_command("load_demo", stdout=io.StringIO())
    return live_server.url


def assert_no_axe_violations(page, exclude=()):
    """Runs axe-core on the page and fails with a readable list of what it found. `exclude`:
    CSS selectors of parts axe leaves out (only with a written reason where it is used).
    Only on a page with JavaScript on: axe is a script, and with JavaScript off the wait below
    never ends (that hung the no-JS board test for a day)."""
    from axe_playwright_python.sync_playwright import Axe

    # Check the page at rest, not halfway through an htmx request.
    page.wait_for_function("() => !document.querySelector('.htmx-request, .htmx-settling')")
    context = {"include": [["html"]], "exclude": [[selector] for selector in exclude]}
    results = Axe().run(page, context=context if exclude else None)
    violations = results.response["violations"]
    report = "\n".join(
        f"- {violation['id']} ({violation['impact']}): {violation['help']} "
        f"at {[node['target'] for node in violation['nodes']][:3]}"
        for violation in violations
    )
    assert not violations, f"axe found {len(violations)} violation(s):\n{report}"


def wait_for_new_results(page, before):
    """Waits until an htmx swap has replaced the results heading that read `before`."""
    page.wait_for_function(
        "before => document.querySelector('#results-title').innerText !== before", arg=before
    )
