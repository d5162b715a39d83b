"""The scale-level conversation: the explanation and start page, the board for participants
(full page without JavaScript, its regions as partials for htmx, polled for changes) and the
facilitator's page. Every write answers a plain form with a redirect (POST-redirect-GET) and
htmx with the changed region."""

import functools

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from conversations import access, live, services
from conversations.forms import (
    CardForm,
    CommentForm,
    JoinForm,
    LevelForm,
    MergeForm,
    MoveForm,
    RemoveLevelForm,
    StartForm,
)
from conversations.grid import board_grid
from conversations.models import Board, BoardState, Card, Function
from conversations.publishing import publish_form
from events.models import Event
from razon import pagecache
from razon.ratelimit import client_fingerprint, limit_reached, subject_limit_reached

# The 2024 strategy session whose question this is (seed 003; events/demo.py).
STRATEGY_SESSION = "strategiesessie-onderwijsregios-7-februari-2024"
STARTED_SESSION_KEY = "conversations_started"


def _index_context(request, start_form=None, join_form=None):
    example = Board.objects.examples().select_related("event").first()
    session = Event.objects.published().filter(slug=STRATEGY_SESSION).first()
    return {
        "start_form": start_form or StartForm(),
        "join_form": join_form or JoinForm(),
        "example": example,
        "example_grid": board_grid(example) if example else None,
        "strategy_session": session,
        "breadcrumbs": [(_("Schaalniveau-gesprek"), reverse("conversations:index"))],
    }


@require_safe
@pagecache.cached_page(depends_on=["conversations", "events"])
def index(request):
    return render(request, "conversations/index.html", _index_context(request))


@require_http_methods(["GET", "HEAD", "POST"])
def start(request):
    """The start form: a board, its levels, and the management link owed by mail; the link
    is shown once on the next page (kept in the session until then)."""
    if request.method != "POST":
        return redirect(reverse("conversations:index") + "#starten")
    form = StartForm(request.POST)
    status = 200
    refusal = None
    if form.is_valid():
        if limit_reached(
            request,
            "conversation-start",
            limit=settings.RAZON_CONVERSATION_START_LIMIT,
            window=settings.RAZON_CONVERSATION_START_WINDOW,
        ):
            refusal = _(
                "Vanaf dit adres zijn de afgelopen tijd veel gesprekken gestart. Wacht even en "
                "probeer het dan opnieuw; wat je invulde staat nog klaar."
            )
            status = 429
        elif form.looks_automated():
            # A bot is not told: it gets the same page, and no board is made.
            return redirect("conversations:index")
        else:
            board, secret = services.start_board(
                name=form.cleaned_data["name"], facilitator_email=form.cleaned_data["email"]
            )
            access.grant_management(request, board)
            request.session[STARTED_SESSION_KEY] = {"board": board.pk, "secret": secret}
            return redirect("conversations:started", code=board.code)
    context = _index_context(request, start_form=form) | {"refusal": refusal}
    response = render(request, "conversations/index.html", context, status=status)
    return response


@never_cache
@require_safe
def started(request, code):
    """Shows the management link once, to the browser that started the board."""
    board, elsewhere = _facilitator_page(request, code)
    if elsewhere:
        return elsewhere
    shown = request.session.pop(STARTED_SESSION_KEY, None)
    secret = shown["secret"] if shown and shown.get("board") == board.pk else None
    return render(
        request,
        "conversations/started.html",
        {
            "board": board,
            "manage_url": request.build_absolute_uri(services.manage_path(board, secret))
            if secret
            else None,
            "board_url": request.build_absolute_uri(board_url(board)),
            "breadcrumbs": _breadcrumbs(board, (_("Gestart"), request.path)),
        },
    )


@require_safe
def join(request):
    """The code form: to the board, or back with a message. Wrong codes count against the
    client, so codes cannot be guessed by trying."""
    form = JoinForm(request.GET or None)
    if form.is_valid():
        code = access.normal_code(form.cleaned_data["code"])
        if _guessing(request):
            form.add_error("code", _("Te veel onbekende codes geprobeerd. Wacht even."))
        elif code and Board.objects.filter(code=code).exists():
            return redirect("conversations:board", code=code)
        else:
            _count_wrong_code(request)
            form.add_error("code", _("Er is geen gesprek met deze code. Kijk de code na."))
    return render(request, "conversations/index.html", _index_context(request, join_form=form))


def _guessing(request):
    count = cache.get(f"ratelimit:conversation-code:{client_fingerprint(request)}", 0)
    return count >= settings.RAZON_CONVERSATION_CODE_LIMIT


def _count_wrong_code(request):
    limit_reached(
        request,
        "conversation-code",
        limit=settings.RAZON_CONVERSATION_CODE_LIMIT,
        window=settings.RAZON_CONVERSATION_WINDOW,
    )


def _board_or_404(request, code):
    """The board with this code; a wrong code counts against the client, and once it tried
    too many, even right ones answer 404 for a while."""
    normal = access.normal_code(code)
    board = Board.objects.filter(code=normal).first() if normal else None
    if board is None or _guessing(request):
        if board is None:
            _count_wrong_code(request)
        raise Http404
    return board


def board_url(board):
    return reverse("conversations:board", args=[board.code])


def _breadcrumbs(board, *extra):
    return [
        (_("Schaalniveau-gesprek"), reverse("conversations:index")),
        (board.name, board_url(board)),
        *extra,
    ]


BOARD_PARTIALS = ("grid", "add-card")


def _board_context(request, board, *, card_form=None, participant=None, grid_html=None, **extra):
    if grid_html is None:
        grid = board_grid(board, participant=participant)
        levels = grid.levels
    else:  # the grid comes rendered (live.py): only the levels, for the add form
        grid, levels = None, list(board.levels.all())
    initial = {}
    if (function := request.GET.get("functie")) in Function.values:
        initial["function"] = function
    if (level := request.GET.get("niveau", "")).isdigit():
        initial["level"] = int(level)
    return {
        "board": board,
        "grid": grid,
        "grid_html": grid_html,
        "card_form": card_form or CardForm(levels=levels, initial=initial),
        "level_choices": [(level.pk, level.name) for level in levels],
        "poll_seconds": settings.RAZON_CONVERSATION_POLL_SECONDS,
        "is_facilitator": access.may_manage(request, board),
        "limits": {"text": Card._meta.get_field("text").max_length},
        "breadcrumbs": _breadcrumbs(board),
        **extra,
    }


def _render_board(request, board, *, partial=None, status=200, **context):
    template = "conversations/board.html"
    if request.htmx:
        target = request.htmx.target
        name = partial or (target if target in BOARD_PARTIALS else "grid")
        template = f"{template}#{name}"
    participant = access.participant_hash(request) or getattr(request, "participant", None)
    response = render(
        request,
        template,
        _board_context(request, board, participant=participant, **context),
        status=status,
    )
    return access.remember_participant(request, response)


@never_cache
@require_safe
def board(request, code):
    board = _board_or_404(request, code)
    if request.htmx:
        return _render_board(request, board)
    return _render_board(request, board, grid_html=_shared_grid(request, board))


def _shared_grid(request, board):
    """The grid as this participant sees it, from the render shared by everyone (live.py)."""
    html = live.shared_grid(
        request,
        board,
        access.participant_hash(request),
        render=lambda: render(
            request, "conversations/board.html#grid", _board_context(request, board)
        ),
    )
    return mark_safe(html.decode())  # rendered by the template engine, escaped there


@never_cache
@require_safe
def poll(request, code):
    """What an open board's page asks every few seconds: 204 (one query) while the board's
    version is the one it shows, else the grid, rendered once for everyone (live.py)."""
    normal = access.normal_code(code)
    row = Board.objects.filter(code=normal).values_list("version", flat=True).first()
    if row is None:
        raise Http404
    if request.GET.get("versie") == str(row):
        return HttpResponse(status=204)
    board = Board.objects.get(code=normal)
    if not request.htmx:
        return _render_board(request, board)
    return HttpResponse(_shared_grid(request, board))


def _over_limit(request, participant):
    return subject_limit_reached(
        "conversation-participant",
        participant,
        limit=settings.RAZON_CONVERSATION_PARTICIPANT_LIMIT,
        window=settings.RAZON_CONVERSATION_WINDOW,
    ) or limit_reached(
        request,
        "conversation-client",
        limit=settings.RAZON_CONVERSATION_CLIENT_LIMIT,
        window=settings.RAZON_CONVERSATION_WINDOW,
    )


def post_only(back):
    """A write's URL followed as a link (GET or HEAD; a crawler, a bookmark, a reload) leads
    back to the page its form is on instead of a 405: `back(request, code, **kwargs)`."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, code, **kwargs):
            if request.method in ("GET", "HEAD"):
                return redirect(back(request, code, **kwargs))
            return view(request, code, **kwargs)

        return require_http_methods(["GET", "HEAD", "POST"])(wrapper)

    return decorate


def _to_board(request, code, **kwargs):
    return reverse("conversations:board", args=[code])


def _to_card(request, code, card_id, **kwargs):
    return reverse("conversations:card", args=[code, card_id])


def _to_manage(request, code, **kwargs):
    return reverse("conversations:manage", args=[code])


TOO_FAST = _("Je doet veel in korte tijd. Wacht even en probeer het dan opnieuw.")


def _act(request, board, action, *, done, partial="grid", focus=None, **context):
    """Runs a participant's action: refused when over the rate limit or when the board does
    not allow it, with the message on the page. Plain forms are redirected to the board."""
    participant = access.ensure_participant(request)
    request.participant = participant
    status = 200
    if _over_limit(request, participant):
        notice, status = str(TOO_FAST), 429
    else:
        try:
            result = action(participant)
        except services.Refused as refusal:
            notice = str(refusal)
        else:
            notice = done(result) if callable(done) else done
            if not request.htmx:
                messages.success(request, notice)
                response = redirect(board_url(board) + (f"#{focus(result)}" if focus else ""))
                return access.remember_participant(request, response)
            board.refresh_from_db()
            return _render_board(
                request,
                board,
                partial=partial,
                announce=notice,
                oob_grid=partial != "grid",
                **context,
            )
    if not request.htmx:
        messages.error(request, notice)
        return access.remember_participant(request, redirect(board_url(board)))
    return _render_board(request, board, partial=partial, notice=notice, status=status, **context)


@post_only(lambda request, code: _to_board(request, code) + "#add-card")
def card_add(request, code):
    board = _board_or_404(request, code)
    form = CardForm(request.POST, levels=board.levels.all())
    if not form.is_valid():
        if request.htmx:
            return _render_board(request, board, partial="add-card", card_form=form)
        return _render_board(request, board, card_form=form)
    data = form.cleaned_data

    def action(participant):
        return services.add_card(
            board,
            function=data["function"],
            level_id=data["level"],
            text=data["text"],
            author_name=data["author_name"],
            participant=participant,
        )

    return _act(
        request,
        board,
        action,
        done=_("Je kaartje staat op het bord."),
        partial="add-card",
        focus=lambda card: f"kaartje-{card.pk}",
        card_form=CardForm(
            levels=board.levels.all(),
            initial={"function": data["function"], "level": data["level"]},
        ),
    )


def _card_or_404(board, card_id):
    return get_object_or_404(Card.objects.visible(), board=board, pk=card_id)


@post_only(_to_card)
def card_move(request, code, card_id):
    board = _board_or_404(request, code)
    form = MoveForm(request.POST, levels=board.levels.all())
    if not form.is_valid():
        return _act(request, board, _refuse(_("Kies een schaalniveau van dit bord.")), done="")
    return _act(
        request,
        board,
        lambda participant: services.move_card(
            board, card_id=card_id, level_id=form.cleaned_data["level"]
        ),
        done=lambda card: _("Kaartje verplaatst naar %(level)s.") % {"level": card.level.name},
        focus=lambda card: f"kaartje-{card.pk}",
    )


def _refuse(message):
    def action(participant):
        raise services.Refused(message)

    return action


@post_only(_to_card)
def card_agree(request, code, card_id):
    board = _board_or_404(request, code)
    return _act(
        request,
        board,
        lambda participant: services.agree(board, card_id=card_id, participant=participant),
        done=_("Je bent het eens met dit kaartje (+1)."),
        focus=lambda card: f"kaartje-{card.pk}",
    )


@require_http_methods(["GET", "HEAD", "POST"])
def card_detail(request, code, card_id):
    """One card with its comments and the comment form: the way to react without
    JavaScript, and the page a card's link opens."""
    board = _board_or_404(request, code)
    card = _card_or_404(board, card_id)
    form = CommentForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        participant = access.ensure_participant(request)
        if _over_limit(request, participant):
            form.add_error(None, TOO_FAST)
            status = 429
        else:
            try:
                services.comment(
                    board,
                    card_id=card.pk,
                    text=data["text"],
                    author_name=data["author_name"],
                    participant=participant,
                )
            except services.Refused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _("Je reactie staat bij het kaartje."))
                return access.remember_participant(
                    request, redirect(board_url(board) + f"#kaartje-{card.pk}")
                )
    comments = card.comments.visible().order_by("created_at", "pk")
    response = render(
        request,
        "conversations/card.html",
        {
            "board": board,
            "card": card,
            "comments": comments,
            "form": form,
            "move_form": MoveForm(levels=board.levels.all(), initial={"level": card.level_id}),
            "breadcrumbs": _breadcrumbs(board, (_("Kaartje"), request.path)),
        },
        status=status,
    )
    return access.remember_participant(request, response)


# The facilitator ----------------------------------------------------------------------


def _facilitator_page(request, code):
    """(board, None) for the facilitator; anyone else who opens a facilitator's page as a
    link is sent to the board with a word why: (board, redirect). A POST by anyone else is
    refused (403) by `access.facilitator_board`."""
    board = access.board_by_code(code)
    if access.may_manage(request, board):
        return board, None
    messages.error(
        request,
        _(
            "Alleen de begeleider beheert dit bord. Begeleid je het? Open dan de beheerlink "
            "uit je e-mail."
        ),
    )
    return board, redirect(board_url(board))


@never_cache
@require_safe
def manage_login(request, code, token):
    """The management link: proves the secret (constant time) once, remembers the right in
    the session and sends the browser on to the management page, so the secret does not
    stay in the address bar or go out as a referrer."""
    board = get_object_or_404(Board, code=access.normal_code(code) or "-")
    if not board.manage_token_matches(token):
        _count_wrong_code(request)
        raise Http404
    access.grant_management(request, board)
    return redirect("conversations:manage", code=board.code)


def _manage_context(request, board, **extra):
    grid = board_grid(board)
    hidden = Card.objects.filter(board=board, hidden=True, merged_into__isnull=True)
    return {
        "board": board,
        "grid": grid,
        "hidden_cards": hidden.select_related("level"),
        "level_form": LevelForm(),
        "board_url": request.build_absolute_uri(board_url(board)),
        "publish_form": publish_form(board),  # conversations/publishing.py
        "breadcrumbs": _breadcrumbs(board, (_("Beheer"), request.path)),
        **extra,
    }


@never_cache
@require_safe
def manage(request, code):
    board, elsewhere = _facilitator_page(request, code)
    if elsewhere:
        return elsewhere
    return render(request, "conversations/manage.html", _manage_context(request, board))


def _managed(request, code, action, done):
    """A facilitator's POST: the right checked first, then the action; back to the
    management page with the outcome."""
    board = access.facilitator_board(request, code)
    try:
        action(board)
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, done)
    return redirect("conversations:manage", code=board.code)


@post_only(_to_manage)
def manage_hide(request, code, card_id):
    hidden = request.POST.get("verbergen") != "0"
    return _managed(
        request,
        code,
        lambda board: services.set_hidden(board, card_id=card_id, hidden=hidden),
        _("Kaartje verborgen.") if hidden else _("Kaartje staat weer op het bord."),
    )


@require_http_methods(["GET", "HEAD", "POST"])
def manage_merge(request, code, card_id):
    """Merging a duplicate: choose the card of the same function it joins."""
    if request.method == "POST":
        board = access.facilitator_board(request, code)
    else:
        board, elsewhere = _facilitator_page(request, code)
        if elsewhere:
            return elsewhere
    card = _card_or_404(board, card_id)
    form = MergeForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            return _managed(
                request,
                code,
                lambda board: services.merge(
                    board, card_id=card.pk, into_id=form.cleaned_data["into"]
                ),
                _("Kaartjes samengevoegd."),
            )
        messages.error(request, _("Kies het kaartje waarmee je dit kaartje samenvoegt."))
    candidates = (
        Card.objects.visible()
        .filter(board=board, function=card.function)
        .exclude(pk=card.pk)
        .select_related("level")
        .order_by("level__position", "created_at")
    )
    return render(
        request,
        "conversations/merge.html",
        {
            "board": board,
            "card": card,
            "candidates": candidates,
            "breadcrumbs": _breadcrumbs(
                board,
                (_("Beheer"), reverse("conversations:manage", args=[board.code])),
                (_("Samenvoegen"), request.path),
            ),
        },
    )


@post_only(_to_manage)
def manage_levels(request, code):
    """Renames, adds or removes a level: the button pressed says which."""
    board = access.facilitator_board(request, code)
    action = request.POST.get("actie")
    level_id = request.POST.get("niveau", "")
    if action in ("hernoemen", "toevoegen"):
        form = LevelForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Geef het schaalniveau een naam van hoogstens 60 tekens."))
            return redirect("conversations:manage", code=board.code)
        if action == "toevoegen":
            return _managed(
                request,
                code,
                lambda board: services.add_level(board, name=form.cleaned_data["name"]),
                _("Schaalniveau toegevoegd."),
            )
        return _managed(
            request,
            code,
            lambda board: services.rename_level(
                board,
                level_id=_int(level_id),
                name=form.cleaned_data["name"],
                position=form.cleaned_data["position"],
            ),
            _("Schaalniveau aangepast."),
        )
    if action == "verwijderen":
        form = RemoveLevelForm(request.POST, levels=board.levels.all())
        move_to = form.cleaned_data["move_to"] if form.is_valid() else None
        return _managed(
            request,
            code,
            lambda board: services.remove_level(board, level_id=_int(level_id), move_to_id=move_to),
            _("Schaalniveau verwijderd."),
        )
    messages.error(request, _("Onbekende actie."))
    return redirect("conversations:manage", code=board.code)


def _int(value):
    return int(value) if str(value).isdigit() else 0


@post_only(_to_manage)
def manage_close(request, code):
    return _managed(
        request,
        code,
        lambda board: services.set_state(board, BoardState.CLOSED),
        _("Het bord is gesloten: iedereen kan het nog lezen, niemand kan nog iets toevoegen."),
    )


@post_only(_to_manage)
def manage_reopen(request, code):
    return _managed(
        request,
        code,
        lambda board: services.set_state(board, BoardState.OPEN),
        _("Het bord is weer open."),
    )


@require_safe
def published(request, slug):
    """A published or example board, read-only, for everyone."""
    board = get_object_or_404(Board.objects.published() | Board.objects.examples(), slug=slug)
    return render(
        request,
        "conversations/published.html",
        {
            "board": board,
            "grid": board_grid(board),
            "breadcrumbs": [*_breadcrumbs(board)[:1], (board.name, request.path)],
        },
    )
