"""Faceted filters of a listing: each filter lives in the URL, filters combine, every option shows its count.

The number of queries depends on the number of facets, never on the data: one query per facet for the
counts, one for the total, plus one existence check for each asked-for slug.
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.http import QueryDict

MAX_VALUE_LENGTH = 100


@dataclass(frozen=True)
class Facet:
    param: str  # the GET parameter
    label: str
    all_label: str  # the first, empty option of the select
    lookup: str  # ORM path from the listed model to the value in the URL
    label_lookup: str = ""  # ORM path to the option's name; empty when names come from `choices`
    choices: tuple = ()  # (value, label) pairs of a fixed list
    model: type | None = None  # where a slug is looked up when it is not among the options
    multi_valued: bool = False  # the lookup crosses a many-relation: filter through a subquery, no duplicates
    # A short list (genres, awards, industries) offers every value, those with nothing under the other filters
    # disabled with their zero, so that the field does not vanish; long ones (regions, topics) only the found.
    every_value: bool = False

    def apply(self, queryset, value):
        if self.multi_valued:
            matching = queryset.model.objects.filter(**{self.lookup: value}).values("pk")
            return queryset.filter(pk__in=matching)
        return queryset.filter(**{self.lookup: value})

    def exists(self, value) -> bool:
        if self.choices:
            return value in dict(self.choices)
        return self.model.objects.filter(slug=value).exists()

    def counts(self, queryset) -> list["Option"]:
        value_field = self.lookup
        # filter(), not exclude(): across a many-relation exclude() becomes a correlated NOT EXISTS per row.
        rows = queryset.filter(**{f"{value_field}__isnull": False})
        # A story appears once per value of a single-valued field: DISTINCT (a sort of every row) only across
        # a many-relation.
        count = Count("pk", distinct=self.multi_valued)
        if self.choices:
            counted = dict(rows.order_by().values_list(value_field).annotate(count=count))
            return [
                Option(value, label, counted.get(value, 0))
                for value, label in self.choices
                if value in counted or self.every_value
            ]
        rows = rows.order_by().values_list(value_field, self.label_lookup).annotate(count=count)
        options = {value: Option(value, label, count) for value, label, count in rows}
        if self.every_value:
            for value, label in self.model.objects.values_list("slug", "name"):
                options.setdefault(value, Option(value, label, 0))
        # Sorted here, not in SQL: database collations disagree on Cyrillic and on upper/lower case.
        return sorted(options.values(), key=lambda o: o.label.lower())


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class FacetState:
    facet: Facet
    value: str = ""  # applied to the listing
    rejected: str = ""  # asked for in the URL but unknown: not applied, and said so next to the field
    options: list = field(default_factory=list)
    remove_url: str = ""

    @property
    def param(self):
        return self.facet.param

    @property
    def field_id(self):
        return f"filter-{self.facet.param}"

    @property
    def error(self):
        if not self.rejected:
            return ""
        return (
            f"«{self.rejected}» нет среди значений фильтра «{self.facet.label}», поэтому он не применён. "
            "Выберите значение из списка."
        )

    @property
    def selected_label(self):
        return next((option.label for option in self.options if option.selected), self.value)


class FacetedFilter:
    """Filters `queryset` by the facets found in `params` (request.GET); `fixed` facets come from the path."""

    def __init__(self, queryset, facets, params: QueryDict, fixed: dict | None = None):
        self.base = queryset
        self.params = params
        self.fixed = [(facet, fixed[facet.param]) for facet in facets if fixed and facet.param in fixed]
        fixed_params = {facet.param for facet, _ in self.fixed}
        self.states = [self._read(facet) for facet in facets if facet.param not in fixed_params]
        for state in self.states:
            if state.value and not state.facet.exists(state.value):
                state.value, state.rejected = "", state.value
        for state in self.states:
            state.options = self._options(state)
            state.remove_url = self.url_without(state.param)

    def _read(self, facet):
        """The asked-for value, checked later (in `_snapshot`) against what exists."""
        return FacetState(facet, value=self.params.get(facet.param, "").strip()[:MAX_VALUE_LENGTH])

    def _filtered(self, skip=None):
        queryset = self.base
        for facet, value in self.fixed:
            queryset = facet.apply(queryset, value)
        for state in self.states:
            if state is not skip and state.value:
                queryset = state.facet.apply(queryset, state.value)
        return queryset

    def _options(self, state):
        # Counts answer "how many would I get if I chose this", so they ignore the facet's own choice.
        options = state.facet.counts(self._filtered(skip=state))
        for option in options:
            option.selected = option.value == state.value
        if state.value and not any(option.selected for option in options):
            # A known value with nothing left under the other filters stays visible and selected.
            label = dict(state.facet.choices).get(state.value, state.value) if state.facet.choices else None
            if label is None:
                label = (
                    state.facet.model.objects.filter(slug=state.value).values_list("name", flat=True).first()
                )
            options.insert(0, Option(state.value, label or state.value, 0, selected=True))
        return options

    @property
    def accepted_params(self) -> list[str]:
        """The parameters whose values are known and applied (home.page_cache caches only those addresses)."""
        return [state.param for state in self.active if self.params.get(state.param) == state.value]

    @property
    def queryset(self):
        return self._filtered()

    @property
    def active(self):
        return [state for state in self.states if state.value]

    @property
    def is_active(self):
        return bool(self.active)

    def url_without(self, *params):
        query = self.params.copy()
        for param in (*params, "page"):
            query.pop(param, None)
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else "?"
