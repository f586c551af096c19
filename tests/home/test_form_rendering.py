"""home/form_rendering.py writes the common widgets in Python: the HTML must be exactly what Django's own
widget templates give, for every widget, value and attribute the site's forms use."""

import datetime

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

import pytest

from home.form_rendering import PythonWidgetRenderer


class Everything(forms.Form):
    text = forms.CharField(
        max_length=20, help_text="Подсказка", widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    number = forms.IntegerField(min_value=3, max_value=35, required=False)
    email = forms.EmailField()
    phone = forms.CharField(widget=forms.TelInput(attrs={"inputmode": "tel", "data-x": '"<&>'}))
    url = forms.URLField(required=False, assume_scheme="https")
    hidden = forms.CharField(widget=forms.HiddenInput)
    password = forms.CharField(widget=forms.PasswordInput(render_value=True))
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    agree = forms.BooleanField()
    agree_off = forms.BooleanField(required=False, widget=forms.CheckboxInput(attrs={"disabled": True}))
    search = forms.CharField(widget=forms.SearchInput, required=False)
    about = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))
    kind = forms.ChoiceField(choices=[("", "Все"), ("a", "Алый & <синий>"), (1, "Один")])
    grouped = forms.ChoiceField(
        choices=[("", "—"), ("Урал", [("ekb", "Екатеринбург"), ("chel", "Челябинск")]), ("msk", "Москва")]
    )
    many = forms.MultipleChoiceField(choices=[("x", "Икс"), ("y", "Игрек")])
    radio = forms.ChoiceField(choices=[("1", "Да"), ("2", "Нет")], widget=forms.RadioSelect)


VALUES = [
    {},
    {
        "text": 'Иван "Ваня" <b>',
        "number": "12",
        "email": "a@b.ru",
        "phone": "+7 900",
        "url": "https://example.org/?a=1&b=2",
        "hidden": "скрыто",
        "password": "секрет",
        "date": "2024-05-01",
        "agree": "on",
        "about": "Строка 1\nСтрока <2> & 3",
        "kind": "a",
        "grouped": "chel",
        "many": ["x", "y"],
        "radio": "2",
    },
    {"number": "abc", "kind": "нет такого", "many": ["z"], "about": ""},
]


@pytest.mark.parametrize("data", VALUES)
def test_every_widget_renders_as_djangos_templates_do(data):
    for field_name in Everything.base_fields:
        django_form = Everything(data or None, renderer=DjangoTemplates())
        python_form = Everything(data or None, renderer=PythonWidgetRenderer())
        django_form.is_valid(), python_form.is_valid()
        assert str(python_form[field_name]) == str(django_form[field_name]), field_name


def test_initial_values_safe_strings_and_dates_render_alike():
    class Initial(forms.Form):
        name = forms.CharField(initial=mark_safe("<i>готово</i>"))
        day = forms.DateField(initial=datetime.date(2024, 1, 2))
        count = forms.IntegerField(initial=0)

    for field_name in Initial.base_fields:
        assert str(Initial(renderer=PythonWidgetRenderer())[field_name]) == str(
            Initial(renderer=DjangoTemplates())[field_name]
        )


@pytest.mark.django_db
def test_the_sites_forms_render_alike():
    from clubs.directory import ClubFilterForm

    for data in ({}, {"region": "moskva", "direction": "technical", "age": "12", "q": "робот <script>"}):
        django_form = ClubFilterForm(data, renderer=DjangoTemplates())
        python_form = ClubFilterForm(data, renderer=PythonWidgetRenderer())
        django_form.is_valid(), python_form.is_valid()
        for field_name in ClubFilterForm.base_fields:
            assert str(python_form[field_name]) == str(django_form[field_name]), field_name
