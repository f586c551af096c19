"""The club directory: filters that combine and live in the URL, text search, sorting, pagination, a count.

Everything is a GET form, so it works without JavaScript and every result page has a shareable address.
A wrong value in the address (a made-up region, "age=abc") shows a message next to that filter and is ignored,
never a server error. The text search is the site search's query (home/search_query.py): any word form, words
of one family, «ё» = «е», the last word as a prefix. The city is matched ignoring case and «ё», by its
beginning. Clubs that take no applications or have no free places come after the open ones in every sort.
"""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Case, Count, F, IntegerField, Q, When

from clubs.models import ClubPage, Direction, Format
from home.applications.fields import AccessibleErrorsMixin
from home.models import Region
from home.page_cache import accept_query
from home.search_query import build_query
from home.search_ranking import letters_pattern

PER_PAGE = 12
MAX_QUERY_LENGTH = 100

SORTS = {
    "title": ("По названию", ["title", "pk"]),
    "places": ("Больше свободных мест", ["-places_left_sort", "title", "pk"]),
    "newest": ("Сначала новые", ["-first_published_at", "pk"]),
}
YES = [("", "Неважно"), ("1", "Да")]


class RegionChoiceField(forms.ModelChoiceField):
    """Regions with the number of clubs in each; regions without clubs last (still valid choices, so that a
    shared address keeps working)."""

    def label_from_instance(self, region):
        count = getattr(region, "club_count", None)
        return region.name if count is None else f"{region.name} ({count})"


class ClubFilterForm(AccessibleErrorsMixin, forms.Form):
    q = forms.CharField(label="Поиск по названию и описанию", required=False, max_length=MAX_QUERY_LENGTH)
    region = RegionChoiceField(
        label="Регион",
        queryset=Region.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Все регионы",
        error_messages={"invalid_choice": "Такого региона нет в списке — показаны кружки всех регионов."},
    )
    city = forms.CharField(label="Город или посёлок", required=False, max_length=100)
    direction = forms.ChoiceField(
        label="Направление",
        choices=[("", "Все направления"), *Direction.choices],
        required=False,
        error_messages={"invalid_choice": "Такого направления нет — показаны все направления."},
    )
    age = forms.IntegerField(
        label="Мне (ребёнку) лет",
        required=False,
        min_value=3,
        max_value=35,
        error_messages={
            "invalid": "Возраст — это число лет, например 12.",
            "min_value": "В каталоге кружки для участников от 3 до 35 лет.",
            "max_value": "В каталоге кружки для участников от 3 до 35 лет.",
        },
    )
    format = forms.ChoiceField(
        label="Формат",
        choices=[("", "Любой"), *Format.choices],
        required=False,
        error_messages={"invalid_choice": "Такого формата нет — показаны все."},
    )
    disabilities = forms.ChoiceField(label="Принимают детей с ОВЗ", choices=YES, required=False)
    free_places = forms.ChoiceField(label="Есть свободные места", choices=YES, required=False)
    free = forms.ChoiceField(label="Бесплатно", choices=YES, required=False)
    sort = forms.ChoiceField(
        label="Порядок",
        choices=[(key, label) for key, (label, _ordering) in SORTS.items()],
        required=False,
    )

    def __init__(self, *args, index_page=None, **kwargs):
        super().__init__(*args, **kwargs)
        if index_page is not None:
            live_clubs = Q(clubs__live=True, clubs__path__startswith=index_page.path)
            self.fields["region"].queryset = (
                Region.objects.annotate(club_count=Count("clubs", filter=live_clubs))
                .annotate(has_clubs=Case(When(club_count=0, then=1), default=0, output_field=IntegerField()))
                .order_by("has_clubs", "name")
            )

    def value(self, name):
        """The cleaned value of a filter, or empty when it was wrong (its error is shown instead)."""
        if name in self.errors:
            return None
        return self.cleaned_data.get(name)


def search_matches(queryset, text):
    """Clubs whose indexed text matches `text` as the site search would match it."""
    query = build_query(text)
    if query is None:
        return queryset.none()
    matched = ClubPage.objects.live().order_by().search(query, order_by_relevance=False).get_queryset()
    return queryset.filter(pk__in=matched.order_by().values("pk"))


def filter_clubs(index_page, form, request):
    form.is_valid()  # fills cleaned_data for the valid fields; wrong ones are reported and skipped
    clubs = ClubPage.objects.live().public().descendant_of(index_page).with_taken_places()
    clubs = clubs.annotate(places_left_sort=F("capacity") - F("taken_places"))
    if region := form.value("region"):
        clubs = clubs.filter(region=region)
    if city := " ".join((form.value("city") or "").split()):
        # A case-insensitive regular expression: SQLite's LOWER and LIKE fold only Latin letters.
        clubs = clubs.filter(city__iregex=r"^\s*" + letters_pattern(city))
    if direction := form.value("direction"):
        clubs = clubs.filter(direction=direction)
    age = form.value("age")
    if age is not None:
        clubs = clubs.filter(age_min__lte=age, age_max__gte=age)
    if club_format := form.value("format"):
        clubs = clubs.filter(format=club_format)
    if form.value("disabilities") == "1":
        clubs = clubs.filter(accepts_disabilities=True)
    if form.value("free") == "1":
        clubs = clubs.filter(is_free=True)
    if form.value("free_places") == "1":
        clubs = clubs.filter(taken_places__lt=F("capacity"), accepting_applications=True)
    if query := (form.value("q") or "").strip():
        clubs = search_matches(clubs, query)
    sort = form.value("sort") or "title"
    is_closed = Case(
        When(accepting_applications=True, taken_places__lt=F("capacity"), then=0),
        default=1,
        output_field=IntegerField(),
    )
    return clubs.annotate(is_closed=is_closed).order_by("is_closed", *SORTS[sort][1])


def directory_context(index_page, request) -> dict:
    form = ClubFilterForm(request.GET, index_page=index_page)
    clubs = filter_clubs(index_page, form, request)
    paginator = Paginator(clubs.with_listing_data(), PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    accept_query(request, *_bounded_valid_params(form, request, page_obj))
    return {
        "filter_form": form,
        "clubs": page_obj.object_list,
        "page_obj": page_obj,
        "result_count": paginator.count,
        "is_filtered": any(form.value(name) not in (None, "") for name in form.fields if name != "sort"),
        "filter_count": sum(
            1 for name in form.fields if name != "sort" and form.value(name) not in (None, "")
        ),
        "cities": _cities(index_page),
    }


# Free text (what is searched, a city) has no end of values: such addresses are rendered, never cached.
FREE_TEXT = ("q", "city")


def _bounded_valid_params(form, request, page_obj):
    """The parameters the page cache may key on (home.page_cache.accept_query): choices and numbers that
    the form took without an error, and a real page number as the site writes it."""
    params = [name for name in form.fields if name not in FREE_TEXT and name not in form.errors]
    if request.GET.get("page") == str(page_obj.number):
        params.append("page")
    return params


def _cities(index_page):
    """Known cities for the city field's suggestions."""
    return (
        ClubPage.objects.live()
        .descendant_of(index_page)
        .order_by("city")
        .values_list("city", flat=True)
        .distinct()[:500]
    )
