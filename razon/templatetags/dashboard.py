from django import template

from razon.dashboard import dashboard

register = template.Library()


@register.inclusion_tag("admin/razon/dashboard.html", takes_context=True)
def admin_dashboard(context):
    return {**dashboard(context["request"]), "request": context["request"]}
