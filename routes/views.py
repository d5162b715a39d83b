from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from razon import pagecache
from razon.pagecache import cached_page
from razon.partials import render_page
from razon.preview import get_public_or_preview
from routes import finder as logic
from routes.models import Route

# The finder lists at most this many fitting routes and near misses: more answers narrow them.
MAX_FITTING = 30
MAX_NEAR = 10
MAX_COMPARE = 3
FINDER_TOPICS = ["alliances", "routes"]


def _finder_url(values):
    query = urlencode(values)
    return reverse("routes:finder") + (f"?{query}" if query else "")


def _questions(answers):
    """What the template shows of each question: its state for the step-by-step finder
    (answered, needless, current, later), the chosen value, and the address that changes it."""
    current = answers.current
    shown = []
    for number, question in enumerate(logic.QUESTIONS, start=1):
        value = answers.values.get(question.name)
        if value is not None:
            state = "answered"
        elif answers.needless(question):
            state = "needless"
        elif current is not None and question.name == current.name:
            state = "current"
        else:
            state = "later"
        shown.append(
            {
                "number": number,
                "question": question,
                "state": state,
                "value": value,
                "answer_label": question.skip_label
                if value == logic.SKIP
                else question.label_of(value),
                "change_url": _finder_url(answers.without(question.name)),
            }
        )
    return shown


@require_safe
@cached_page(depends_on=FINDER_TOPICS)
def finder(request):
    answers = logic.parse(request.GET)
    pagecache.accept(request, *answers.values)  # only valid answers; the rest is not stored
    outcome = logic.match(Route.objects.published().facts(), answers)
    shown, near = outcome.fitting[:MAX_FITTING], outcome.near[:MAX_NEAR]
    routes = Route.objects.published().for_results([r.route.pk for r in shown + near])
    fitting = len(outcome.fitting)
    if answers.narrowing:
        results_text = ngettext(
            "%(count)d route past bij je antwoorden",
            "%(count)d routes passen bij je antwoorden",
            fitting,
        ) % {"count": fitting}
    else:
        results_text = ngettext(
            "%(count)d route in de regio", "Alle %(count)d routes in de regio", fitting
        ) % {"count": fitting}
    return render_page(
        request,
        "routes/finder.html",
        {
            "answers": answers,
            "questions": _questions(answers),
            "skip": logic.SKIP,
            "fitting": logic.loaded(shown, routes),
            "fitting_hidden": max(0, fitting - MAX_FITTING),
            "near": logic.loaded(near, routes),
            "other_count": outcome.other_count,
            "results_text": results_text,
            "max_compare": MAX_COMPARE,
            "breadcrumbs": [(_("Opleidingsroutes"), request.path)],
        },
        partials=["finder"],
    )


@require_safe
@cached_page(depends_on=["alliances", "events", "news", "partnerships", "routes"])
def route_detail(request, slug):
    route = get_public_or_preview(request, Route.objects.for_page(), slug=slug)
    return render(
        request,
        "routes/route_detail.html",
        {
            "route": route,
            "breadcrumbs": [
                (_("Opleidingsroutes"), reverse("routes:finder")),
                (route.name, route.get_absolute_url()),
            ],
        },
    )


def _as_list(value):
    if isinstance(value, (list, tuple)):
        return [str(part) for part in value if part]
    return [str(value)] if value else []


def _compare_rows(routes, answers):
    """[(label, [value per route])]: each value a text or a list of texts."""

    def each(read):
        return [_as_list(read(route)) for route in routes]

    yes, no = _("ja"), _("nee")
    rows = [
        (_("Lerarenopleiding"), each(lambda r: r.institute_names)),
        (_("Soort"), each(lambda r: r.get_kind_display())),
        (_("Leidt tot"), each(lambda r: r.get_qualification_display())),
        (_("Lesgeven op"), each(lambda r: r.level_labels)),
        (_("Vakken"), each(lambda r: r.subject_labels or [_("alle vakken")])),
        (_("Vorm"), each(lambda r: r.form_labels)),
        (_("Toelaatbaar met"), each(lambda r: r.admits_labels)),
        (_("Baan op een school nodig"), each(lambda r: yes if r.requires_school_job else no)),
        (_("Toelatingseisen"), each(lambda r: r.entry_requirements)),
        (_("Duur"), each(lambda r: r.duration)),
        (_("Studielast"), each(lambda r: r.study_load)),
        (_("Startmomenten"), each(lambda r: r.start_moments)),
        (_("Plaatsen"), each(lambda r: r.place_labels)),
        (_("Taal"), each(lambda r: r.get_language_display())),
    ]
    if answers.narrowing:
        results = [logic.assess(route, answers) for route in routes]
        rows.insert(0, (_("Waarom het past"), [r.reasons or ["–"] for r in results]))
        rows.insert(1, (_("Wat ontbreekt"), [r.missing or ["–"] for r in results]))
    return rows


@require_safe
@cached_page(depends_on=FINDER_TOPICS)
def compare(request):
    """Up to three routes side by side: `?route=<slug>&route=<slug>…` (the finder's
    checkboxes), with the finder's answers passed along for the reasons and the way back."""
    asked = list(dict.fromkeys(s[:200] for s in request.GET.getlist("route") if s))
    chosen = asked[:MAX_COMPARE]
    found = {route.slug: route for route in Route.objects.for_compare(chosen)}
    routes = [found[slug] for slug in chosen if slug in found]
    answers = logic.parse(request.GET)
    if len(routes) == len(request.GET.getlist("route")) == 1:
        pagecache.accept(request, "route", *answers.values)
    return render(
        request,
        "routes/compare.html",
        {
            "routes": routes,
            "rows": _compare_rows(routes, answers),
            "not_found": [slug for slug in chosen if slug not in found],
            "too_many": len(asked) > MAX_COMPARE,
            "max_compare": MAX_COMPARE,
            "finder_url": _finder_url(answers.values),
            "answers": answers,
            "breadcrumbs": [
                (_("Opleidingsroutes"), reverse("routes:finder")),
                (_("Vergelijken"), request.path),
            ],
        },
    )
