from django.conf import settings

from razon import navigation


def site(request):
    """What the site shell (header, footer) needs on every page."""
    path = request.path
    return {
        "nav_sections": [
            {"url": url, "label": label, "current": path.startswith(url)}
            for url, label, _description in navigation.sections()
        ],
        "contact_url": navigation.url_or_none("contact:form"),
        "contact_email": settings.RAZON_CONTACT_EMAIL,
    }
