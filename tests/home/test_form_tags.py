"""`{% form_field %}` (home/templatetags/form_tags.py) gives exactly the HTML of the template it replaced, for
every field of the public forms, empty, filled in and with errors."""

from pathlib import Path

from django.http import QueryDict
from django.template import Context, Template

import pytest

from clubs.directory import ClubFilterForm
from clubs.factories import ClubIndexPageFactory, ClubPageFactory
from clubs.forms import ClubApplicationForm
from home.templatetags.form_tags import form_field
from mentors.factories import MentorCallIndexPageFactory, MentorCallPageFactory
from mentors.forms import MentorApplicationForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def club(home_page):
    return ClubPageFactory(parent=ClubIndexPageFactory(parent=home_page, slug="kruzhki"), slug="tehnik")


@pytest.fixture
def call(home_page):
    return MentorCallPageFactory(parent=MentorCallIndexPageFactory(parent=home_page, slug="nastavnikam"))


# The template the tag replaced (clubs/includes/form_field.html), kept beside this test as the reference.
REFERENCE = Template((Path(__file__).parent / "form_field_reference.html").read_text())


def forms_to_compare(club, call):
    typed = {
        "child_name": 'Иванов <Иван> & "сын"',
        "birth_date": "не дата",
        "email": "нет-собаки",
        "consent": "on",
        "website": "",
        "full_name": "О'Брайен",
    }
    return [
        ClubApplicationForm(club=club),
        ClubApplicationForm(typed, club=club),
        ClubApplicationForm({}, club=club),
        MentorApplicationForm(call=call),
        MentorApplicationForm(typed, call=call),
        ClubFilterForm(QueryDict("")),
        ClubFilterForm(QueryDict("region=net-takogo&age=abc&direction=moskva&free=1&q=<b>")),
    ]


def test_every_field_renders_as_the_template_did(club, call):
    compared = 0
    for form in forms_to_compare(club, call):
        if form.is_bound:
            form.is_valid()  # fills the errors shown next to the fields
        for field in form:
            assert form_field(field) == REFERENCE.render(Context({"field": field})), field.name
            compared += 1
    assert compared > 60


def test_errors_and_typed_values_are_escaped(club, call):
    form = ClubApplicationForm({"child_name": "<script>alert(1)</script>", "email": "a<b"}, club=club)
    form.is_valid()
    html = form_field(form["child_name"]) + form_field(form["email"])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'class="form-field__error"' in html
