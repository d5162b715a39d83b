"""The example board on /schaalniveau/: the question of the strategy session of 7 February
2024 (seed 003). The seeds hold its outcome only as a PDF analysis, not as cards, so the
cards below are invented for the demo and the board is marked as demo."""

from django.conf import settings

from conversations.models import Board, BoardLevel, BoardState, Card, Function, ScaleLevel
from events.models import Event

SLUG = "strategiesessie-7-februari-2024"
EVENT = "strategiesessie-onderwijsregios-7-februari-2024"

# (function, level index in the default levels, text): invented, marked demo on the page.
CARDS = [
    (Function.RECRUIT, 3, "Gezamenlijke wervingscampagne voor zij-instromers"),
    (Function.RECRUIT, 0, "Open dagen op school voor scholieren die leraar willen worden"),
    (Function.MATCH, 2, "Eén loket dat studenten aan opleidingsscholen koppelt"),
    (Function.TRAIN, 1, "Opleidingsplan per bestuur met de lerarenopleiding"),
    (Function.SUPERVISE, 0, "Schoolopleiders begeleiden startende leraren"),
    (Function.SUPERVISE, 3, "Inductieprogramma voor starters in de hele regio"),
    (Function.DEVELOP, 4, "Regionale leergemeenschappen over de sectoren heen"),
]


def load():
    if Board.objects.filter(slug=SLUG).exists():
        return 0
    board = Board(
        name="Strategiesessie onderwijsregio's, 7 februari 2024",
        slug=SLUG,
        code="VBRD24",
        facilitator_email=settings.RAZON_CONTACT_EMAIL,
        state=BoardState.CLOSED,
        is_example=True,
        is_demo=True,
        event=Event.objects.filter(slug=EVENT).first(),
    )
    board.set_manage_token()
    board.mail_token = ""  # nobody is mailed a link for the example
    board.save()
    levels = BoardLevel.objects.bulk_create(
        BoardLevel(board=board, name=name, position=index)
        for index, name in enumerate(ScaleLevel.objects.names(), start=1)
    )
    Card.objects.bulk_create(
        Card(board=board, function=function, level=levels[min(index, len(levels) - 1)], text=text)
        for function, index, text in CARDS
        if levels
    )
    return 1 + len(CARDS)
