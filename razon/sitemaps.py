"""sitemap.xml: the list pages, and the page of every published item the site search knows
(razon/search.py registers every public model; those with a page of their own)."""

from django.contrib.sitemaps import Sitemap

from razon import navigation, search

# Public list pages besides the menu's sections; ones whose app is absent are left out.
LIST_PAGES = [
    "home",
    *(url_name for url_name, _label, _description in navigation.SECTIONS),
    "regions:education_regions",
    "regions:rap_projects",
    "privacy",
    "accessibility",
    "open_data",
]


class SiteSitemap(Sitemap):
    """Exactly the pages a visitor can open: drafts and scheduled items are absent, and an
    address that is both a list page and an item's page (the main alliance) appears once."""

    def items(self):
        pages = {url: None for name in LIST_PAGES if (url := navigation.url_or_none(name))}
        for searchable in search.searchables():
            if not searchable.has_page:
                continue
            for item in searchable.model._default_manager.published().order_by("pk"):
                pages.setdefault(item.get_absolute_url(), item.updated_at)
        return list(pages.items())

    def location(self, item):
        return item[0]

    def lastmod(self, item):
        return item[1]


sitemaps = {"site": SiteSitemap}
