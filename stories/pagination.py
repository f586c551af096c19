from dataclasses import dataclass

from django.core.paginator import Page, Paginator


@dataclass
class Pagination:
    page: Page
    notice: str  # said to the reader when the asked-for page did not exist

    @property
    def page_range(self):
        return self.page.paginator.get_elided_page_range(self.page.number, on_each_side=2, on_ends=1)


def paginate(queryset, requested, per_page) -> Pagination:
    """The asked-for page; a wrong number (abc, 0, past the end) shows the nearest real page, not an error."""
    paginator = Paginator(queryset, per_page)
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
