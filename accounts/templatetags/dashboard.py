"""`{% admin_dashboard %}`: the editors' start page, placed on the admin's index by
templates/admin/index.html (the sections are gathered in accounts/dashboard.py)."""

from django import template

from accounts.dashboard import dashboard

register = template.Library()


@register.inclusion_tag("admin/accounts/dashboard.html", takes_context=True)
def admin_dashboard(context):
    return {**dashboard(context["request"]), "request": context["request"]}
