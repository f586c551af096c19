"""Volunteer forms check what people type: typed fields, limits, repeats, and a minor's guardian."""

import datetime
import re
import time

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ValidationError

import pytest

from home.applications.spam import sign_started_at
from home.factories import FormPageFactory
from home.models import ConsentRecord, ConsentText, FormField
from home.models import VolunteerFormSubmission as Submission

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def make_form(home_page, *fields, slug="anketa"):
    return FormPageFactory(parent=home_page, title="Анкета волонтёра", slug=slug, form_fields=list(fields))


@pytest.fixture
def form_page(home_page):
    return make_form(
        home_page,
        FormField(label="Фамилия и имя", field_type="singleline"),
        FormField(label="Телефон", field_type="phone"),
        FormField(label="Электронная почта", field_type="email", required=False),
        FormField(
            label="Ваш возраст", field_type="number", min_value=14, max_value=80, is_applicant_age=True
        ),
        FormField(label="Когда сможете начать", field_type="date", required=False),
        FormField(label="О себе", field_type="multiline", required=False),
    )


def answers(**overrides):
    data = {
        "familiya_i_imya": "Никитин Павел",
        "telefon": "8 (916) 123-45-02",
        "elektronnaya_pochta": "pavel@example.org",
        "vash_vozrast": "22",
        "kogda_smozhete_nachat": "",
        "o_sebe": "Фотограф-любитель.",
        "consent": "on",
        "website": "",
        "form_started": sign_started_at(time.time() - 60),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def errors_of(response, name):
    return response.context["form"].errors.get(name, [])


@pytest.mark.parametrize(
    ("age", "message"),
    [
        ("-3", "не меньше 14"),
        ("15.5", "целое число"),
        ("250", "не больше 80"),
        ("13", "не меньше 14"),
        ("семнадцать", "целое число"),
    ],
)
def test_a_number_outside_the_editors_bounds_is_explained(client, form_page, age, message):
    response = client.post(form_page.url, answers(vash_vozrast=age))
    assert response.status_code == 200
    assert any(message in error for error in errors_of(response, "vash_vozrast")), errors_of(
        response, "vash_vozrast"
    )
    assert f'value="{age}"' in response.text  # what was typed stays
    assert not Submission.objects.exists()


def test_the_number_input_carries_its_bounds(client, form_page):
    html = client.get(form_page.url).text
    assert 'type="number"' in html and 'min="14"' in html and 'max="80"' in html


@pytest.mark.parametrize("phone", ["garbage", "+7 (912) 345", "12345678901234"])
def test_a_phone_that_is_not_a_phone_is_explained(client, form_page, phone):
    response = client.post(form_page.url, answers(telefon=phone))
    assert "Проверьте номер телефона" in " ".join(errors_of(response, "telefon"))
    assert not Submission.objects.exists()


def test_phone_email_and_date_are_checked_and_stored_cleanly(client, form_page):
    bad = client.post(
        form_page.url, answers(elektronnaya_pochta="pavel@", kogda_smozhete_nachat="31.02.2026")
    )
    assert "Проверьте адрес почты" in " ".join(errors_of(bad, "elektronnaya_pochta"))
    assert "ДД.ММ.ГГГГ" in " ".join(errors_of(bad, "kogda_smozhete_nachat"))
    good = client.post(form_page.url, answers(kogda_smozhete_nachat="01.06.2026"))
    assert good.status_code == 302
    data = Submission.objects.get().form_data
    assert data["telefon"] == "+79161234502"
    assert data["vash_vozrast"] == 22
    assert data["kogda_smozhete_nachat"] == "2026-06-01"


@pytest.mark.parametrize(("field", "limit"), [("familiya_i_imya", 255), ("o_sebe", 2000)])
def test_long_answers_have_a_limit_with_a_clear_message(client, form_page, field, limit):
    response = client.post(form_page.url, answers(**{field: "а" * 400_000}))
    assert response.status_code in (200, 400)
    assert not Submission.objects.exists()
    if response.status_code == 200:
        assert f"Сократите ответ до {limit} знаков: сейчас 400000." in " ".join(errors_of(response, field))
    html = client.get(form_page.url).text
    assert f'maxlength="{limit}"' in html
    at_limit = client.post(form_page.url, answers(**{field: "а" * limit}))
    assert at_limit.status_code == 302


def test_a_reload_after_sending_sends_nothing_again(
    client, form_page, mailoutbox, django_capture_on_commit_callbacks
):
    form_page.to_address = "vol@example.org"
    form_page.save()
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(form_page.url, answers())
    assert first.status_code == 302
    # The browser's Back and «Отправить» again, with the same answers typed differently:
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(
            form_page.url,
            answers(familiya_i_imya="  никитин   ПАВЕЛ ", elektronnaya_pochta="PAVEL@example.org"),
        )
    assert again.status_code == 409
    assert "Такая анкета уже отправлена" in again.text
    assert 'value="  никитин   ПАВЕЛ "' in again.text
    assert Submission.objects.count() == 1
    assert ConsentRecord.objects.count() == 1
    assert len(mailoutbox) == 1
    # Different answers are a new submission, and so is the same one a day later.
    assert client.post(form_page.url, answers(o_sebe="Ещё умею монтировать видео.")).status_code == 302
    Submission.objects.update(submit_time=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    assert client.post(form_page.url, answers()).status_code == 302
    assert Submission.objects.count() == 3


def test_the_same_answers_to_another_form_are_not_a_repeat(client, home_page, form_page):
    other = make_form(
        home_page,
        *[
            FormField(
                label=f.label,
                field_type=f.field_type,
                required=f.required,
                min_value=f.min_value,
                max_value=f.max_value,
                is_applicant_age=f.is_applicant_age,
            )
            for f in form_page.form_fields.all()
        ],
        slug="drugaya",
    )
    assert client.post(form_page.url, answers()).status_code == 302
    assert client.post(other.url, answers()).status_code == 302


GUARDIAN = {
    "guardian_name": "Андреева Ирина Викторовна",
    "guardian_phone": "+7 916 123-45-99",
    "guardian_consent": "on",
}


def test_a_minor_needs_a_guardian_and_the_guardians_consent(client, form_page):
    response = client.post(form_page.url, answers(vash_vozrast="16"))
    assert response.status_code == 200
    assert "укажите фамилию, имя и отчество родителя" in " ".join(errors_of(response, "guardian_name"))
    assert "Укажите телефон или электронную почту родителя" in " ".join(errors_of(response, "guardian_phone"))
    assert "нужно согласие родителя" in " ".join(errors_of(response, "guardian_consent"))
    assert not Submission.objects.exists() and not ConsentRecord.objects.exists()

    response = client.post(form_page.url, answers(vash_vozrast="16", **GUARDIAN))
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.form_data["guardian_name"] == "Андреева Ирина Викторовна"
    assert submission.form_data["guardian_phone"] == "+79161234599"
    guardian_consent = submission.guardian_consent
    assert guardian_consent.text == ConsentText.objects.current(ConsentText.Kind.VOLUNTEER_GUARDIAN)
    assert guardian_consent.given_by_name == "Андреева Ирина Викторовна"
    assert submission.reference_number in guardian_consent.covers
    assert "Фамилия, имя и отчество родителя" in guardian_consent.text_shown
    assert submission.consent.text.kind == ConsentText.Kind.VOLUNTEER


def test_an_adult_keeps_nothing_about_a_guardian(client, form_page):
    response = client.post(form_page.url, answers(vash_vozrast="30", **GUARDIAN))
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert "guardian_name" not in submission.form_data
    assert submission.guardian_consent is None
    assert ConsentRecord.objects.count() == 1


def test_a_birth_date_marked_as_the_applicants_age_works_the_same(client, home_page):
    page = make_form(
        home_page,
        FormField(label="Фамилия и имя", field_type="singleline"),
        FormField(label="Дата рождения", field_type="date", is_applicant_age=True),
    )
    today = datetime.date.today()
    fifteen = today.replace(year=today.year - 15).strftime("%d.%m.%Y")
    base = {
        key: value
        for key, value in answers().items()
        if key in ("familiya_i_imya", "consent", "website", "form_started")
    }
    minor = client.post(page.url, {**base, "data_rozhdeniya": fifteen})
    assert "guardian_name" in minor.context["form"].errors
    future = client.post(page.url, {**base, "data_rozhdeniya": "01.01.2999"})
    assert "не может быть в будущем" in " ".join(future.context["form"].errors["data_rozhdeniya"])
    assert client.post(page.url, {**base, "data_rozhdeniya": fifteen, **GUARDIAN}).status_code == 302
    assert Submission.objects.get().guardian_consent is not None


def test_a_form_without_an_applicant_age_asks_nothing_about_a_guardian(client, home_page):
    page = make_form(home_page, FormField(label="Фамилия и имя", field_type="singleline"))
    html = client.get(page.url).text
    assert "guardian_name" not in html and "Если вам нет 18 лет" not in html


def test_the_guardian_section_is_shown_with_its_own_consent_text(client, form_page):
    html = client.get(form_page.url).text
    assert "Если вам нет 18 лет" in html
    assert (
        'name="guardian_consent"' in html and "checked" not in html.split('name="guardian_consent"')[1][:80]
    )
    assert ConsentText.objects.current(ConsentText.Kind.VOLUNTEER_GUARDIAN).text in html


def test_the_guardian_fields_have_their_own_autofill_section(client, form_page):
    """As on the club and mentor forms: autofill must not put the volunteer's own details there."""
    html = client.get(form_page.url).text
    for name, token in [("guardian_name", "name"), ("guardian_phone", "tel"), ("guardian_email", "email")]:
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
        assert f'autocomplete="section-guardian {token}"' in tag, tag


@pytest.mark.parametrize(
    ("options", "error_field"),
    [
        ({"field_type": "singleline", "min_value": 1}, "min_value"),
        ({"field_type": "number", "min_value": 10, "max_value": 5}, "max_value"),
        ({"field_type": "singleline", "is_applicant_age": True}, "is_applicant_age"),
    ],
)
def test_editors_are_told_when_a_fields_options_do_not_fit_its_type(form_page, options, error_field):
    field = FormField(page=form_page, label="Поле", **options)
    with pytest.raises(ValidationError) as error:
        field.clean()
    assert error_field in error.value.message_dict


def test_editors_can_choose_the_phone_type_in_the_admin(client, form_page):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "x"))
    html = client.get(f"/admin/pages/{form_page.pk}/edit/").text
    assert '<option value="phone"' in html
    assert "Возраст или дата рождения заявителя" in html


def test_the_admin_accepts_one_applicant_age_field_only(client, home_page):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    from home.models import FormPage

    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "x"))

    def post(*fields):
        data = nested_form_data(
            {
                "title": "Анкета",
                "slug": "anketa",
                "intro": "",
                "thank_you_text": rich_text(""),
                "to_address": "",
                "subject": "",
                "form_fields": inline_formset(list(fields)),
            }
        )
        return client.post(f"/admin/pages/add/home/formpage/{home_page.pk}/", data)

    age = {"label": "Ваш возраст", "field_type": "number", "required": "on", "is_applicant_age": "on"}
    birth = {"label": "Дата рождения", "field_type": "date", "required": "on", "is_applicant_age": "on"}
    refused = post(age, birth)
    assert refused.status_code == 200
    assert "можно отметить только одно поле" in refused.text
    assert not FormPage.objects.exists()
    accepted = post(age, {**birth, "is_applicant_age": ""})
    assert accepted.status_code == 302
    assert FormPage.objects.get().form_fields.get(is_applicant_age=True).label == "Ваш возраст"


def test_the_guardians_data_is_found_and_erased_with_the_submission(client, form_page):
    from django.utils import timezone

    from home.privacy.holders import ERASED

    client.post(form_page.url, answers(vash_vozrast="16", **GUARDIAN))
    submission = Submission.objects.get()
    exported = submission.personal_data_export()
    assert exported["Ответы"]["Телефон родителя"] == "+79161234599"
    assert len(exported["Согласия"]) == 2
    consents = [submission.consent_id, submission.guardian_consent_id]
    submission.anonymise(timezone.now(), on_request=True)
    assert not Submission.objects.exists()
    for consent in ConsentRecord.objects.filter(pk__in=consents):
        assert (consent.given_by_name, consent.ip_address) == (ERASED, None)
        assert consent.withdrawn_at is not None
