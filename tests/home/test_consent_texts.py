"""Every consent text names exactly what its form asks (152-FZ art. 9).

Each public form's fields are mapped to the words that name them in each consent text the form shows. A new
field without an entry here fails the test: add the words here and name the data in a new version of the text
(a data migration, as home/migrations/0010_consent_texts_per_form.py does).
"""

import pytest

from clubs.factories import ClubIndexPageFactory, ClubPageFactory
from clubs.forms import ClubApplicationForm
from home.models import ConsentText
from mentors.factories import MentorCallIndexPageFactory, MentorCallPageFactory
from mentors.forms import MentorApplicationForm

pytestmark = pytest.mark.django_db
Kind = ConsentText.Kind

# The consent checkboxes themselves and the spam protection ask nothing about a person.
NOT_PERSONAL_DATA = {"consent", "guardian_consent", "website", "form_started", "publication"}

CLUB_PARTICIPANT = {
    "child_name": "фамилии и имени участника",
    "birth_date": "даты рождения",
    "phone": "телефона",
    "email": "электронной почты",
    "school": "школы",
    "grade": "класса",
    "motivation": "«почему хочется заниматься в кружке»",
}
CLUB_GUARDIAN_BY_THE_PARTICIPANT = "фамилии, имени и отчества, телефона и электронной почты родителя"
OWN_GUARDIAN_DATA = "моих фамилии, имени и отчества, телефона и электронной почты"
CLUB_TEXTS = {
    Kind.PERSONAL_DATA: {
        **CLUB_PARTICIPANT,
        **dict.fromkeys(
            ["guardian_name", "guardian_phone", "guardian_email"], CLUB_GUARDIAN_BY_THE_PARTICIPANT
        ),
    },
    Kind.GUARDIAN: {
        **CLUB_PARTICIPANT,
        **dict.fromkeys(["guardian_name", "guardian_phone", "guardian_email"], OWN_GUARDIAN_DATA),
    },
}
MENTOR_APPLICANT = {
    "full_name": "фамилии, имени и отчества",
    "phone": "телефона",
    "email": "электронной почты",
    "region": "региона",
    "city": "города или посёлка",
    "audience": "«кто вы»",
    "profession": "профессии или должности",
    "experience": "опыта",
    "directions": "направлений наставничества",
    "availability": "времени, которое заявитель готов уделять",
    "mentoring_format": "формата занятий",
    "organization": "места работы или учёбы",
    "employer_offers": "что организация предлагает молодёжи",
    "employer_offer_details": "подробностей предложения",
    "birth_date": "для школьника — даты рождения",
}
MENTOR_PUPILS_GUARDIAN = "фамилии, имени и отчества, телефона и электронной почты родителя"
MENTOR_TEXTS = {
    Kind.MENTOR: {
        **MENTOR_APPLICANT,
        **dict.fromkeys(["guardian_name", "guardian_phone", "guardian_email"], MENTOR_PUPILS_GUARDIAN),
    },
    Kind.MENTOR_GUARDIAN: {
        **MENTOR_APPLICANT,
        **dict.fromkeys(["guardian_name", "guardian_phone", "guardian_email"], OWN_GUARDIAN_DATA),
    },
}
EVERY_TEXT_SAYS = ["«Трудовая доблесть России»", "г. Москва", "Цель", "хранятся", "отозвать"]


@pytest.fixture
def club_form(home_page):
    club = ClubPageFactory(parent=ClubIndexPageFactory(parent=home_page, slug="kruzhki"))
    return ClubApplicationForm(club=club)


@pytest.fixture
def mentor_form(home_page):
    call = MentorCallPageFactory(parent=MentorCallIndexPageFactory(parent=home_page, slug="nastavnikam"))
    return MentorApplicationForm(call=call)


def check(form, texts):
    asked = set(form.fields) - NOT_PERSONAL_DATA
    for kind, words_for_field in texts.items():
        assert asked == set(words_for_field), f"{kind}: map every field the form asks to words in the text"
        text = ConsentText.objects.current(kind).text.casefold()
        missing = {name: words for name, words in words_for_field.items() if words.casefold() not in text}
        assert not missing, f"the {kind} consent text does not name {missing}"
        for words in EVERY_TEXT_SAYS:
            assert words.casefold() in text, f"the {kind} consent text does not say {words}"


def test_the_club_texts_name_every_field_of_the_club_form(club_form):
    check(club_form, CLUB_TEXTS)
    assert club_form.consent_text.kind == Kind.PERSONAL_DATA
    assert club_form.guardian_consent_text.kind == Kind.GUARDIAN


def test_the_mentor_texts_name_every_field_of_the_mentor_form(mentor_form):
    check(mentor_form, MENTOR_TEXTS)
    assert mentor_form.consent_text.kind == Kind.MENTOR
    assert mentor_form.guardian_consent_text.kind == Kind.MENTOR_GUARDIAN


def test_the_club_texts_ask_nothing_the_club_form_does_not(club_form):
    """The mentor's data (region, profession, organization) is not in the club texts, and the other way."""
    for kind in CLUB_TEXTS:
        text = ConsentText.objects.current(kind).text
        assert "професси" not in text and "организаци" not in text.replace("организации «Трудовая", "")
    for kind in MENTOR_TEXTS:
        text = ConsentText.objects.current(kind).text
        assert "школы" not in text and "класса" not in text


def test_the_publication_text_and_its_checkbox_name_the_same_data(mentor_form):
    text = ConsentText.objects.current(Kind.PUBLICATION).text
    label = str(mentor_form.fields["publication"].label)
    assert "фамилии, имени и профессии" in text
    assert "фамилия, имя и профессия" in label
    assert "фотограф" not in text and "фотограф" not in label
    assert mentor_form.publication_consent_text.kind == Kind.PUBLICATION


def test_every_kind_has_a_text(db):
    assert {kind for kind in Kind.values if ConsentText.objects.current(kind) is None} == set()


@pytest.fixture
def volunteer_form_page(home_page):
    from home.factories import FormPageFactory
    from home.models import FormField
    from mentors.demo_content import VOLUNTEER_FIELD_OPTIONS, VOLUNTEER_FIELDS

    return FormPageFactory(
        parent=home_page,
        slug="stat-volonterom",
        form_fields=[
            FormField(
                label=label,
                field_type=kind,
                required=required,
                choices=choices,
                **VOLUNTEER_FIELD_OPTIONS.get(label, {}),
            )
            for label, kind, required, choices, _help in VOLUNTEER_FIELDS
        ],
    )


def test_the_volunteer_consent_lists_exactly_the_fields_of_its_form(client, volunteer_form_page):
    """The demo form's fields, and the guardian's fields its age field brings, are all named; the record
    keeps exactly the words shown."""
    import time

    from home.applications.spam import sign_started_at
    from home.models import VolunteerFormSubmission

    form = volunteer_form_page.get_form(page=volunteer_form_page)
    asked = [
        form.fields[name] for name in form.fields if name not in NOT_PERSONAL_DATA | {"guardian_consent"}
    ]
    for kind, shown in (
        (Kind.VOLUNTEER, form.shown_consent_text),
        (Kind.VOLUNTEER_GUARDIAN, form.shown_guardian_consent_text),
    ):
        assert shown.startswith(ConsentText.objects.current(kind).text)
        missing = [str(field.label) for field in asked if f"«{str(field.label).rstrip(' ?:.')}»" not in shown]
        assert not missing, f"the {kind} consent shown does not name {missing}"
        for words in EVERY_TEXT_SAYS:
            assert words.casefold() in shown.casefold()
    assert "Фамилия, имя и отчество родителя" in form.shown_consent_text

    html = client.get(volunteer_form_page.url).text
    for paragraph in form.shown_consent_text.split("\n\n"):
        assert paragraph in html
    data = {
        "familiya_i_imya": "Никитин Павел",
        "telefon": "+7 916 123-45-02",
        "vash_vozrast": "22",
        "gorod": "Тула",
        "chem_khotite_pomoch": ["Фото и видео"],
        "kogda_udobno": "В будни",
        "consent": "on",
        "form_started": sign_started_at(time.time() - 60),
    }
    assert client.post(volunteer_form_page.url, data).status_code == 302
    assert VolunteerFormSubmission.objects.get().consent.text_shown == form.shown_consent_text


def test_a_field_added_by_an_editor_joins_the_volunteer_consent(volunteer_form_page):
    from home.models import FormField

    FormField.objects.create(page=volunteer_form_page, label="Размер футболки", field_type="singleline")
    form = volunteer_form_page.get_form(page=volunteer_form_page)
    assert "«Размер футболки»" in form.shown_consent_text
