"""The grid every open page of a board asks for after a change (the poll, views.poll).

With 60 participants polling, each change would otherwise cost 60 renders of the whole grid
(about 50 ms for 120 cards, 230 KB each). It is rendered once per board version and language,
for nobody, and kept in the page cache's store; each participant then gets it with their own
CSRF token (razon.pagecache.personalised) and their own +1s marked as given (one query).
A cache outage renders it for every request, as before."""

from django.utils.html import escape
from django.utils.translation import get_language, gettext

from conversations.models import Agreement
from razon import pagecache

# Long enough to serve every participant's poll of one version, short enough to leave
# nothing behind (a new version is a new key).
SECONDS = 120


def _key(board):
    return f"conversations:grid:{board.pk}:{board.version}:{get_language()}"


def shared_grid(request, board, participant, render):
    """The grid's HTML (bytes) for this participant; `render()` renders it for nobody (no +1
    given) and returns the response."""
    stored = pagecache.cache.get(_key(board))
    if stored is None:
        with pagecache.shared_rendering(request) as placeholder:
            stored = {"content": render().content, "placeholder": placeholder}
        pagecache.cache.set(_key(board), stored, SECONDS)
    given = []
    if participant:
        given = Agreement.objects.filter(card__board=board, participant=participant)
        given = given.values_list("card_id", flat=True)
    content = mark_agreed(stored["content"], given)
    return pagecache.personalised(request, content, stored["placeholder"])


def mark_agreed(content, card_ids):
    """The grid rendered for nobody as the participant who agreed with these cards sees it:
    their +1 buttons disabled and named as given (as templates/conversations/board.html
    renders a card with `agreed`; tests/conversations/test_live.py holds them equal)."""
    given = escape(gettext("(gegeven)"))
    for pk in card_ids:
        content = content.replace(
            f'data-agree="{pk}">+1<span class="visually-hidden"> '.encode(),
            f'data-agree="{pk}" disabled>+1<span class="visually-hidden"> {given} '.encode(),
        )
    return content
