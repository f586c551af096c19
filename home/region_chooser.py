"""The region chooser searches: 89 federal subjects are too many to page through ten at a time.

Wagtail's chooser searches only models in its search index; regions are loaded by a data migration (so never
indexed) and are few, so the search runs over their names in Python, case-insensitive for Cyrillic on every
database (SQLite's LIKE folds ASCII letters only).
"""

from django import forms

from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet

REGIONS_PER_PAGE = 30


class RegionSearchForm(BaseFilterForm):
    q = forms.CharField(
        label="Название региона",
        required=False,
        widget=forms.TextInput(
            attrs={"placeholder": "Начните вводить название региона", "autocomplete": "off"}
        ),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = " ".join((self.cleaned_data.get("q") or "").split()).casefold().replace("ё", "е")
        if query:
            names = objects.values_list("pk", "name")
            matching = [pk for pk, name in names if query in name.casefold().replace("ё", "е")]
            objects = objects.filter(pk__in=matching)
            self.is_searching = True
            self.search_query = self.cleaned_data["q"]
        return objects


class RegionChooseView(ChooseView):
    filter_form_class = RegionSearchForm


class RegionChooseResultsView(ChooseResultsView):
    filter_form_class = RegionSearchForm


class RegionChooserViewSet(SnippetChooserViewSet):
    choose_view_class = RegionChooseView
    choose_results_view_class = RegionChooseResultsView
