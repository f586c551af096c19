"""`{% form_field %}` (home/templatetags/form_tags.py, templates/includes/form_field.html): label, required
marker, help text and error for every field of the public forms, with what was typed escaped."""

from django.template import Context, Template

import pytest

from clubs.factories import ClubIndexPageFactory, ClubPageFactory
from clubs.forms import ClubApplicationForm

pytestmark = pytest.mark.django_db

FIELD = Template("{% load form_tags %}{% form_field field %}")


@pytest.fixture
def club(home_page):
    return ClubPageFactory(parent=ClubIndexPageFactory(parent=home_page, slug="kruzhki"), slug="tehnik")


def render(field):
    return FIELD.render(Context({"field": field}))


def test_a_required_field_has_its_label_marker_and_widget(club):
    html = render(ClubApplicationForm(club=club)["child_name"])
    assert '<label for="id_child_name">' in html and "(обязательно)" in html
    assert 'name="child_name"' in html and "form-field--error" not in html


def test_errors_and_typed_values_are_escaped(club):
    form = ClubApplicationForm({"child_name": "<script>alert(1)</script>", "email": "a<b"}, club=club)
    form.is_valid()
    html = render(form["child_name"]) + render(form["email"])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'class="form-field__error" id="id_email_error"' in html
    assert "form-field--error" in html


def test_a_checkbox_puts_its_label_after_the_box(club):
    html = render(ClubApplicationForm(club=club)["consent"])
    assert "form-field--checkbox" in html
    assert html.index('type="checkbox"') < html.index('<label for="id_consent">')
