from dataclasses import dataclass

from django.core.paginator import Page, Paginator


class FromEitherEndPaginator(Paginator):
    """Reads a page past the middle from the other end of the list, in reverse order.

    The database skips the rows before a page one by one (OFFSET), so the last page of a long list costs many
    times page 1. Counted from the nearer end, no page skips more than half the list. The queryset must
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
    requested: str | None = None  # the page parameter as written in the address

    @property
    def accepted_params(self) -> tuple[str, ...]:
        """The page parameter, when it is a real page written as the site writes it (home.page_cache)."""
        return ("page",) if self.requested == str(self.page.number) and not self.notice else ()

    @property
    def page_range(self):
        return self.page.paginator.get_elided_page_range(self.page.number, on_each_side=2, on_ends=1)


def paginate(queryset, requested, per_page) -> Pagination:
    """The asked-for page; a wrong number (abc, 0, past the end) shows the nearest real page, not an error.
    A page past the middle holds a list, not a queryset: fetch related data with prefetch_related_objects."""
    paginator = FromEitherEndPaginator(queryset, per_page)
    notice = ""
    try:
        number = int(requested) if requested not in (None, "") else 1
    except (TypeError, ValueError):
        number, notice = 1, "Номер страницы указан неверно, поэтому показана первая страница."
    if number < 1:
        number, notice = 1, "Страницы с таким номером нет, поэтому показана первая страница."
    elif number > paginator.num_pages:
        number, notice = paginator.num_pages, "Такой страницы нет, поэтому показана последняя страница."
    return Pagination(page=paginator.page(number), notice=notice, requested=requested)
