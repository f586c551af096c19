"""Faceted filters of a listing: each filter lives in the URL, filters combine, every option shows its count.

The number of queries depends on the number of facets, never on the data: one query per facet for the
counts, one for the total, plus one existence check for each asked-for slug. Given a `cache_scope` (what the
base queryset is, e.g. "stories of index 5"), all of that is computed once per combination of asked-for values
and content generation (home/fragment_cache.py), since it changes only when a page is published: a request
then reads it in one round trip and runs none of these queries.
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.http import QueryDict

from home.fragment_cache import cached_for_generation

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
        rows = queryset.exclude(**{f"{value_field}__isnull": True})
        if self.choices:
            counted = dict(
                rows.order_by().values_list(value_field).annotate(count=Count("pk", distinct=True))
            )
            return [Option(value, label, counted[value]) for value, label in self.choices if value in counted]
        rows = (
            rows.order_by()
            .values_list(value_field, self.label_lookup)
            .annotate(count=Count("pk", distinct=True))
        )
        # Sorted here, not in SQL: database collations disagree on Cyrillic and on upper/lower case.
        return sorted(
            (Option(value, label, count) for value, label, count in rows), key=lambda o: o.label.lower()
        )


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

    def __init__(
        self,
        queryset,
        facets,
        params: QueryDict,
        fixed: dict | None = None,
        cache_scope: str | None = None,
        request=None,
    ):
        self.base = queryset
        self.cache_scope = cache_scope
        self.params = params
        self.fixed = [(facet, fixed[facet.param]) for facet in facets if fixed and facet.param in fixed]
        fixed_params = {facet.param for facet, _ in self.fixed}
        self.states = [self._read(facet) for facet in facets if facet.param not in fixed_params]
        self.key = None  # what the listing is, as a cache key (None: not to be cached)
        if cache_scope is None:
            snapshot = self._snapshot()
        else:
            # Which values exist, every option's count and the total: one cached value per combination of
            # asked-for values (known or not) and content generation, read in one round trip.
            asked = [(facet.param, value) for facet, value in self.fixed]
            asked += [(state.param, state.value or state.rejected) for state in self.states]
            self.key = f"{cache_scope}:{asked!r}"
            snapshot = cached_for_generation(f"facet-snapshot:{self.key}", self._snapshot, request=request)
        self._restore(snapshot)
        for state in self.states:
            state.remove_url = self.url_without(state.param)

    def _read(self, facet):
        """The asked-for value, checked later (in `_snapshot`) against what exists."""
        return FacetState(facet, value=self.params.get(facet.param, "").strip()[:MAX_VALUE_LENGTH])

    def _snapshot(self):
        for state in self.states:
            if state.value and not state.facet.exists(state.value):
                state.value, state.rejected = "", state.value
        states = []
        for state in self.states:
            options = [(o.value, o.label, o.count, o.selected) for o in self._options(state)]
            states.append((state.value, state.rejected, options))
        return {"states": states, "total": self._filtered().count()}

    def _restore(self, snapshot):
        for state, (value, rejected, options) in zip(self.states, snapshot["states"], strict=True):
            state.value, state.rejected = value, rejected
            state.options = [Option(*option) for option in options]
        self.total = snapshot["total"]

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
    def fragment_key(self) -> str:
        """What the rendered form depends on besides the content: the address's query without the page."""
        query = self.params.copy()
        query.pop("page", None)
        return f"{self.cache_scope}:{sorted(query.lists())!r}"

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
