from django.urls import path

from conversations import compare, exports, publish_views, views

app_name = "conversations"

urlpatterns = [
    path("schaalniveau/", views.index, name="index"),
    # Before "<code>/": the compare page and the facilitator's exports and publishing.
    path("schaalniveau/vergelijken/", compare.compare, name="compare"),
    path("schaalniveau/<str:code>/beheer/export.csv", exports.export_csv, name="manage_csv"),
    path("schaalniveau/<str:code>/beheer/export.docx", exports.export_docx, name="manage_docx"),
    path("schaalniveau/<str:code>/beheer/afdrukken/", exports.print_page, name="manage_print"),
    path(
        "schaalniveau/<str:code>/beheer/publiceren/",
        publish_views.publish_view,
        name="manage_publish",
    ),
    path(
        "schaalniveau/<str:code>/beheer/niet-publiceren/",
        publish_views.unpublish_view,
        name="manage_unpublish",
    ),
    path("schaalniveau/starten/", views.start, name="start"),
    path("schaalniveau/meedoen/", views.join, name="join"),
    path("schaalniveau/borden/<slug:slug>/", views.published, name="published"),
    path("schaalniveau/<str:code>/", views.board, name="board"),
    path("schaalniveau/<str:code>/gestart/", views.started, name="started"),
    path("schaalniveau/<str:code>/stand/", views.poll, name="poll"),
    path("schaalniveau/<str:code>/kaartjes/", views.card_add, name="card_add"),
    path("schaalniveau/<str:code>/kaartjes/<int:card_id>/", views.card_detail, name="card"),
    path(
        "schaalniveau/<str:code>/kaartjes/<int:card_id>/verplaatsen/",
        views.card_move,
        name="card_move",
    ),
    path(
        "schaalniveau/<str:code>/kaartjes/<int:card_id>/eens/", views.card_agree, name="card_agree"
    ),
    path("schaalniveau/<str:code>/beheer/", views.manage, name="manage"),
    path("schaalniveau/<str:code>/beheer/sluiten/", views.manage_close, name="manage_close"),
    path("schaalniveau/<str:code>/beheer/heropenen/", views.manage_reopen, name="manage_reopen"),
    path("schaalniveau/<str:code>/beheer/niveaus/", views.manage_levels, name="manage_levels"),
    path(
        "schaalniveau/<str:code>/beheer/kaartjes/<int:card_id>/verbergen/",
        views.manage_hide,
        name="manage_hide",
    ),
    path(
        "schaalniveau/<str:code>/beheer/kaartjes/<int:card_id>/samenvoegen/",
        views.manage_merge,
        name="manage_merge",
    ),
    # Last: the management link itself (a secret is never one of the words above).
    path("schaalniveau/<str:code>/beheer/<str:token>/", views.manage_login, name="manage_login"),
]
