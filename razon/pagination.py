from django.core.paginator import Paginator

from razon import pagecache

PAGE_PARAM = "pagina"


def paginate(request, queryset, per_page):
    """The requested page of `queryset`; a page number that is not a number or out of range
    gives the first or last page instead of an error."""
    asked = request.GET.get(PAGE_PARAM)
    page = Paginator(queryset, per_page).get_page(asked)
    if asked == str(page.number):
        pagecache.accept(request, PAGE_PARAM)
    return page


def next_page(page):
    """The page after `page` (for "load more": its number and item range), or None. Costs
    no query while its items are left alone: test `page.has_next`, not its truth (a Page's
    truth is its length, which fetches it)."""
    return page.paginator.page(page.next_page_number()) if page.has_next() else None
