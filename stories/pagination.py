from dataclasses import dataclass

from django.core.paginator import Page, Paginator

from home.fragment_cache import cached_for_generation


class FromEitherEndPaginator(Paginator):
    """Reads a page past the middle from the other end of the list, in reverse order.

    The database skips the rows before a page one by one (OFFSET), so with 10,000 stories the last page cost
    ten times page 1. Counted from the nearer end, no page skips more than half the list. The queryset must
    have a total order (a unique last sort key), or the two directions could disagree."""

    def page(self, number):
        number = self.validate_number(number)
        if number <= (self.num_pages + 1) // 2 or not hasattr(self.object_list, "reverse"):
            return super().page(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        reversed_rows = self.object_list.reverse()[self.count - top : self.count - bottom]
        return self._get_page(list(reversed_rows)[::-1], number, self)


@dataclass
class Pagination:
    page: Page
    notice: str  # said to the reader when the asked-for page did not exist

    @property
    def page_range(self):
        return self.page.paginator.get_elided_page_range(self.page.number, on_each_side=2, on_ends=1)


def paginate(queryset, requested, per_page, count=None) -> Pagination:
    """The asked-for page; a wrong number (abc, 0, past the end) shows the nearest real page, not an error.
    A page past the middle holds a list, not a queryset: fetch related data with prefetch_related_objects.
    `count`, when the caller knows it (FacetedFilter.total, kept per content generation), saves the COUNT."""
    paginator = FromEitherEndPaginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # Paginator.count is a cached_property: this is its value
    notice = ""
    try:
        number = int(requested) if requested not in (None, "") else 1
    except (TypeError, ValueError):
        number, notice = 1, "Номер страницы указан неверно, поэтому показана первая страница."
    if number < 1:
        number, notice = 1, "Страницы с таким номером нет, поэтому показана первая страница."
    elif number > paginator.num_pages:
        number, notice = paginator.num_pages, "Такой страницы нет, поэтому показана последняя страница."
    return Pagination(page=paginator.page(number), notice=notice)


def page_of_pks(pks, requested, per_page, count, key, request) -> tuple[Pagination, list]:
    """The asked-for page of `pks` (a values_list queryset in the listing's order) and that page's pks.

    A listing's order and pages change only with publishing, so with a `key` (what the listing is: its filters
    and order) the page's pks are kept per page asked for and content generation, and the request runs no
    query for them. The page object is then built over the count alone: its numbers and links are the same."""
    if key is None:
        pagination = paginate(pks, requested, per_page, count=count)
        return pagination, list(pagination.page.object_list)

    def build():
        pagination = paginate(pks, requested, per_page, count=count)
        return pagination.page.number, pagination.notice, list(pagination.page.object_list)

    number, notice, page_pks = cached_for_generation(
        f"page-of-pks:{key}:{requested!r}", build, request=request
    )
    page = FromEitherEndPaginator(range(count), per_page).page(number)
    return Pagination(page=page, notice=notice), page_pks
