"""What the admin inboxes of applications (club and mentor applications) share, so that a list of 200,000
applications stays quick:

- the count under the list is capped: past 10,000 the inbox says «Более 10 000 заявок» instead of counting
  every matching row for each page, and every page stays reachable (the count always reaches 10,000 rows
  past the page asked for);
- the search reads a reference number by its index: «2026-000123», «2026000123», «№ 2026-000123» or just
  «123» find the application, «2026-0001» every number that starts so; any other text is looked for, case
  aside, inside the names, as before;
- a choice filter over thousands of pages (every club) is listed from (id, title) rows and rendered in one
  pass, not one page object and one template include per option.
"""

import html
import math
import re

from django import forms
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.admin.paginator import WagtailPaginator

import django_filters
from django_filters.fields import ModelChoiceField as FilterModelChoiceField
from django_filters.fields import ModelChoiceIterator as FilterModelChoiceIterator

from home.models import ReferenceSequence

from .references import format_reference

COUNT_CAP = 10_000
REFERENCE_FIELD = "reference_number"


def thousands(number: int) -> str:
    """10000 → «10 000» (a non-breaking space between the groups, as Russian text writes it)."""
    return f"{number:,}".replace(",", "\u00a0")


class CappedCountPaginator(WagtailPaginator):
    """Counts the matching rows only up to COUNT_CAP past the start of the requested page.

    When there are more, `is_capped` is set and `count` is the rows counted: a whole number of full pages, the
    requested one never the last of them, so «Next» and the page numbers always lead on (each page counts the
    next COUNT_CAP rows again). A count under a LIMIT reads only those rows; a full count of 200,000
    applications, or of every «Смирнова», read them all for every page.
    """

    cap = COUNT_CAP

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.requested_page = 1
        self.is_capped = False

    def get_page(self, number):
        try:
            self.requested_page = max(1, int(number))
        except (TypeError, ValueError):
            self.requested_page = 1
        return super().get_page(number)

    @cached_property
    def count(self):
        if not hasattr(self.object_list, "order_by"):
            return super().count
        pages_ahead = max(2, math.ceil(self.cap / self.per_page))
        limit = (self.requested_page - 1 + pages_ahead) * self.per_page
        # Which rows are counted does not matter, only how many (at most limit + 1): no ORDER BY.
        counted = self.object_list.order_by()[: limit + 1].count()
        self.is_capped = counted > limit
        return min(counted, limit)

    @cached_property
    def items_count_label(self):
        if self.count and self.is_capped:
            return f"более {thousands(self.cap)} заявок"
        return super().items_count_label


# «Заявка № 2026-000123», «№2026-000123», «N 2026 000123»: the words and signs people copy before the number.
_REFERENCE_PREFIX = re.compile(r"^(?:заявк[аиуе]\b\.?)?\s*(?:№|#|no\.?|n)?\s*", re.IGNORECASE)
# Any run of spaces, hyphens, dashes or minus signs between the year and the number reads as the hyphen.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]+")
_YEAR_AND_NUMBER = re.compile(r"(\d{4})-(\d{1,6})")
_DIGITS = re.compile(r"\d{1,10}")
_LETTERS = re.compile(r"[^\W\d_]")


def reference_condition(query: str, field: str = REFERENCE_FIELD) -> Q | None:
    """The reference numbers a query asks for, as conditions the field's indexes answer (an exact match or
    a LIKE 'prefix%' on the varchar_pattern_ops index Django keeps for a unique CharField); None when the
    query is no reference number.

    «2026-000123» or «2026000123»: that application; «2026-0001» or «20260001»: every number starting so;
    «123» or «000123»: number 123 of any year (the years that have reference numbers).
    """
    text = _SEPARATORS.sub("-", _REFERENCE_PREFIX.sub("", query.strip())).strip("-")
    if match := _YEAR_AND_NUMBER.fullmatch(text):
        return _starting_with(field, match[1], match[2])
    if not _DIGITS.fullmatch(text):
        return None
    condition = Q(pk__in=[])
    years = [str(year) for year in ReferenceSequence.objects.order_by("year").values_list("year", flat=True)]
    if len(text) >= 4 and text[:4] in years:
        condition |= _starting_with(field, text[:4], text[4:])
    if len(text) <= 6:
        condition |= Q(**{f"{field}__in": [format_reference(int(year), int(text)) for year in years]})
    return condition


def _starting_with(field: str, year: str, number: str) -> Q:
    prefix = f"{year}-{number}"
    if len(number) == 6:
        return Q(**{field: prefix})
    return Q(**{f"{field}__startswith": prefix})


def search_condition(query: str, fields) -> Q:
    """What the inbox's search box finds: a reference number by its index, any other text (case aside)
    inside the other search fields (names), exactly as the admin's default `icontains` search did."""
    if REFERENCE_FIELD in fields:
        reference = reference_condition(query)
        if reference is not None:
            return reference
    # Text with letters cannot be inside a reference number (digits and a hyphen): only the names are read.
    # Anything else that is no reference number falls back on the default search over every field.
    if _LETTERS.search(query):
        fields = [field for field in fields if field != REFERENCE_FIELD]
    condition = Q(pk__in=[])
    for field in fields:
        condition |= Q(**{f"{field}__icontains": query})
    return condition


class ApplicationInboxMixin:
    """For the IndexView of an application ModelViewSet: the capped count and the search above."""

    paginator_class = CappedCountPaginator
    results_template_name = "home/admin/application_inbox_results.html"

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.filter(search_condition(self.search_query, self.search_fields or []))


class FlatSelect(forms.Select):
    """A select whose options are written in one pass of plain Python: Django renders each option through a
    template include (~0.1 ms each), which made the list of 3,000 clubs cost 300 ms. Options only, no groups;
    one selected value."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options = []
        for option_value, label in self.choices:
            option_value = "" if option_value is None else str(option_value)
            selected = option_value in chosen
            chosen.discard(option_value)  # as Select: only the first option with the value is selected
            options.append(
                f'<option value="{html.escape(option_value)}"{" selected" if selected else ""}>'
                f"{html.escape(str(label))}</option>"
            )
        opening = format_html('<select name="{}"{}>', name, flatatt(self.build_attrs(self.attrs, attrs)))
        return mark_safe(opening + "".join(options) + "</select>")


class _LabelChoiceIterator(FilterModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.null_label is not None:
            yield (self.field.null_value, self.field.null_label)
        yield from self.queryset.values_list("pk", self.field.label_field)


class _LabelModelChoiceField(FilterModelChoiceField):
    iterator = _LabelChoiceIterator
    widget = FlatSelect

    def __init__(self, *args, label_field, **kwargs):
        self.label_field = label_field
        super().__init__(*args, **kwargs)


class LabelModelChoiceFilter(django_filters.ModelChoiceFilter):
    """A ModelChoiceFilter whose options are (pk, `label_field`) rows from its queryset: no model instance per
    option (a page object costs ~70 µs to build). The chosen value is still validated against the queryset,
    so a choice outside it (another coordinator's club) is refused as before."""

    field_class = _LabelModelChoiceField

    def __init__(self, *args, label_field="title", **kwargs):
        super().__init__(*args, label_field=label_field, **kwargs)
