"""Who may do what on a board, without accounts. A participant is a random key in a signed
cookie (stored only as its hash on what they write); the facilitator proved the management
link once and the session remembers it for that board, bound to the secret's hash (a new
secret ends old sessions). The management secret is never put in a page."""

import secrets

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from conversations.models import CODE_ALPHABET, Board, token_hash

PARTICIPANT_COOKIE = "razon_deelnemer"
PARTICIPANT_SALT = "conversations.participant"
PARTICIPANT_MAX_AGE = 60 * 60 * 24 * 90
MANAGE_SESSION_KEY = "conversations_manage"


def normal_code(code):
    """A join code as typed (spaces, dashes, lower case) in its stored form; '' if it cannot
    be one."""
    code = "".join(code.split()).replace("-", "").upper()[:12]
    return code if code and all(c in CODE_ALPHABET for c in code) else ""


def participant_key(request):
    """The participant key of this browser, or None. A forged or altered cookie is none."""
    return request.get_signed_cookie(
        PARTICIPANT_COOKIE, default=None, salt=PARTICIPANT_SALT, max_age=PARTICIPANT_MAX_AGE
    )


def participant_hash(request):
    """The key's hash (what cards, +1s and comments store), or None."""
    key = participant_key(request)
    return token_hash(key) if key else None


def ensure_participant(request):
    """The key's hash, making a key for this browser first when it has none (set on the
    response by `remember_participant`)."""
    key = participant_key(request)
    if not key:
        key = secrets.token_urlsafe(24)
        request.new_participant_key = key
    return token_hash(key)


def remember_participant(request, response):
    key = getattr(request, "new_participant_key", None)
    if key:
        response.set_signed_cookie(
            PARTICIPANT_COOKIE,
            key,
            salt=PARTICIPANT_SALT,
            max_age=PARTICIPANT_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


def board_by_code(code):
    return get_object_or_404(Board, code=normal_code(code) or "-")


def grant_management(request, board):
    grants = dict(request.session.get(MANAGE_SESSION_KEY, {}))
    grants[str(board.pk)] = board.manage_token_hash
    request.session[MANAGE_SESSION_KEY] = grants
    request.session.cycle_key()


def may_manage(request, board):
    """Whether this browser proved the board's management link (the session holds the
    hash of the board's current secret), compared in constant time."""
    held = request.session.get(MANAGE_SESSION_KEY, {}).get(str(board.pk), "")
    return bool(held) and secrets.compare_digest(held, board.manage_token_hash)


def facilitator_board(request, code):
    """The board with this code when this browser may manage it; 404 for an unknown code,
    403 for anyone else (a participant, someone with only the join link)."""
    board = board_by_code(code)
    if not may_manage(request, board):
        raise PermissionDenied
    return board
