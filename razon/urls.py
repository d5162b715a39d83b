"""The site's URLs. Each app's URLs are included by their module's name, so razon imports no
app; `portal.urls` has the home page, `accounts.urls` the two-factor page, `privacy.urls`
the secretariat's page for one person's data (AVG)."""

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from razon import views
from razon.sitemaps import sitemaps

admin.site.site_header = _("RA-ZON beheer")
admin.site.site_title = _("RA-ZON beheer")
admin.site.index_title = _("Inhoud van de site")

# A failure to reach the database outside a view also gets the 503 page (razon/observe.py).
handler500 = "razon.observe.server_error"

urlpatterns = [
    path("", include("portal.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("", include("alliances.urls")),
    path("", include("regions.urls")),
    path("", include("partnerships.urls")),
    path("", include("network.urls")),
    path("", include("events.urls")),
    path("", include("news.urls")),
    path("", include("conversations.urls")),
    path("", include("contact.urls")),
    path("zoeken/", views.search_page, name="search"),
    path("privacy/", views.privacy, name="privacy"),
    path("open-data/", views.open_data, name="open_data"),
    path("documenten/<slug:slug>/", views.document, name="document"),
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", views.media, name="media"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/voorbeeld/", views.richtext_preview, name="richtext_preview"),
    path("", include("accounts.urls")),  # before the admin's catch-all
    path("", include("privacy.urls")),  # the AVG tool, in the admin too
    path("admin/", admin.site.urls),
]
