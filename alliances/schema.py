"""schema.org `Organization` markup for the alliance pages and the organisation pages."""


def organization_schema(organization, absolute_url):
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organization.name,
        "url": absolute_url(organization.get_absolute_url()),
    }
    if organization.short_name:
        data["alternateName"] = organization.short_name
    if organization.description:
        data["description"] = organization.description
    if organization.website:
        data["sameAs"] = [organization.website]
    if organization.city:
        data["address"] = {
            "@type": "PostalAddress",
            "addressLocality": organization.city,
            "addressCountry": "NL",
        }
    if organization.logo:
        data["logo"] = absolute_url(organization.logo.url)
    return data


def alliance_schema(alliance, absolute_url):
    """The alliance, with its published lead institutes (prefetched by `for_page`)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": alliance.name,
        "alternateName": alliance.short_name,
        "url": absolute_url(alliance.get_absolute_url()),
        "description": alliance.intro,
        "areaServed": "Zuidoost-Nederland",
    }
    leads = [
        {
            "@type": "Organization",
            "name": organization.name,
            "url": absolute_url(organization.get_absolute_url()),
        }
        for organization in alliance.lead_institutes.all()
    ]
    if leads:
        data["member"] = leads
    return data
