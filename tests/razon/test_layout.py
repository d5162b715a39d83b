"""The layout the README and DESIGN.md describe, read from the source with `ast` (an import
inside a function counts too): razon/'s building blocks import no app, and the apps depend on
each other one way, so no app imports a higher one; none imports the benchmark."""

import ast
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
CONTENT_APPS = {"alliances", "regions", "partnerships", "events", "news", "contact"}

# Each of the project's apps and the apps it may import, stated by hand:
# razon ← alliances ← regions ← partnerships ← events ← news (a post can be about an event),
# partnerships ← network (the picture of who works with whom);
# contact stands alone on razon, and so does privacy (the AVG tool: the apps register their
# personal data with razon/personal_data.py); portal (the pages that read every app) and
# accounts (the back-office with the editors' start page) are on top, beside each other. None
# imports the benchmark (bench/, installed only by bench.settings), which may import them all.
MAY_IMPORT = {
    "razon": set(),
    "alliances": {"razon"},
    "regions": {"razon", "alliances"},
    "partnerships": {"razon", "alliances", "regions"},
    "events": {"razon", "alliances", "regions", "partnerships"},
    "news": {"razon", "alliances", "regions", "partnerships", "events"},
    # The network (/netwerk/) reads who works with whom: organisations, regions, partnerships.
    "network": {"razon", "alliances", "regions", "partnerships"},
    # The scale-level conversation (/schaalniveau/): boards link an event and a region.
    "conversations": {"razon", "alliances", "regions", "partnerships", "events"},
    "contact": {"razon"},
    # The AVG tool reads the apps' personal data through razon/personal_data.py only.
    "privacy": {"razon"},
    "portal": {"razon"} | CONTENT_APPS,
    "accounts": {"razon"} | CONTENT_APPS,
}


def imports(source):
    """(line, top-level package) of every import in the source, at any depth, including
    `import_module("...")` with a literal name. Relative imports stay in their package."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", getattr(node.func, "attr", None)) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = [node.args[0].value]
        else:
            continue
        for name in names:
            yield node.lineno, name.split(".")[0]


def forbidden_imports(app):
    """["path:line imports app"] for every import of a project app `app` may not use."""
    found = []
    for path in sorted((BASE / app).rglob("*.py")):
        relative = path.relative_to(BASE).as_posix()
        for line, package in imports(path.read_text()):
            if package == "bench" or (
                package in MAY_IMPORT and package != app and package not in MAY_IMPORT[app]
            ):
                found.append(f"{relative}:{line} imports {package}")
    return found


def test_razon_imports_no_app():
    assert forbidden_imports("razon") == []


def test_no_app_imports_a_higher_app():
    assert [found for app in MAY_IMPORT for found in forbidden_imports(app)] == []


def test_every_app_of_the_project_has_its_place_in_the_layers():
    apps = {path.parent.name for path in BASE.glob("*/apps.py")}
    assert apps == set(MAY_IMPORT)


def test_installed_apps_lists_every_app_after_the_apps_it_builds_on():
    """load_demo and the registries (related sections, search) follow this order."""
    order = [app for app in settings.INSTALLED_APPS if app in MAY_IMPORT]
    for position, app in enumerate(order):
        assert MAY_IMPORT[app] <= set(order[:position]), app


def test_the_check_sees_every_kind_of_import():
    source = (
        "import events.models\n"
        "from news import feeds\n"
        "from . import sibling\n"
        "def late():\n"
        "    from contact.models import ContactMessage\n"
        "    return import_module('portal.views')\n"
    )
    assert sorted(imports(source)) == [(1, "events"), (2, "news"), (5, "contact"), (6, "portal")]
