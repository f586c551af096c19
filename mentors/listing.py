"""The list of calls for mentors: open calls first, then the archive; filters by region and audience.

A GET form, so that it works without JavaScript and every filtered list has its own address. A wrong value in
the address shows a message next to that filter and is ignored, never a server error.
"""

from django import forms
from django.core.paginator import Paginator

from home.applications.fields import AccessibleErrorsMixin
from home.models import Region
from mentors.choices import Audience
from mentors.forms import RegionChoiceField
from mentors.models import MentorCallPage

PER_PAGE = 12
STATES = [("", "Открытые и архив"), ("open", "Только открытые"), ("archive", "Только архив")]


class CallFilterForm(AccessibleErrorsMixin, forms.Form):
    region = RegionChoiceField(
        label="Регион",
        queryset=Region.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Все регионы",
        help_text="Показываются призывы региона и призывы для всей России.",
        error_messages={"invalid_choice": "Такого региона нет в списке — показаны призывы всех регионов."},
    )
    audience = forms.ChoiceField(
        label="Кого ищут",
        choices=[("", "Всех"), *Audience.choices],
        required=False,
        error_messages={"invalid_choice": "Такого варианта нет — показаны призывы для всех."},
    )
    state = forms.ChoiceField(
        label="Приём заявок",
        choices=STATES,
        required=False,
        error_messages={"invalid_choice": "Такого варианта нет — показаны открытые призывы и архив."},
    )

    def value(self, name):
        """The cleaned value of a filter, or None when it was wrong (its error is shown instead)."""
        if name in self.errors:
            return None
        return self.cleaned_data.get(name)


def filter_calls(index_page, form, request):
    form.is_valid()  # fills cleaned_data for the valid fields; wrong ones are reported and skipped
    calls = MentorCallPage.objects.live().public().child_of(index_page)
    if region := form.value("region"):
        calls = calls.for_region(region)
    if audience := form.value("audience"):
        calls = calls.for_audience(audience)
    state = form.value("state")
    if state == "open":
        calls = calls.open()
    elif state == "archive":
        calls = calls.archived()
    return calls.open_first().select_related("region").prefetch_related("audiences")


def call_listing_context(index_page, request) -> dict:
    form = CallFilterForm(request.GET)
    paginator = Paginator(filter_calls(index_page, form, request), PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return {
        "filter_form": form,
        "calls": page_obj.object_list,
        "page_obj": page_obj,
        "result_count": paginator.count,
        "is_filtered": any(form.value(name) for name in form.fields),
    }
