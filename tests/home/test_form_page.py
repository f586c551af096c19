"""Volunteer forms built by editors: readable field names, automatic consent, spam protection, e-mail,
submissions in the admin and logged exports."""

import csv
import io
import re
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import openpyxl
import pytest

from home.applications.ratelimit import RateLimit
from home.applications.spam import sign_started_at
from home.factories import FormPageFactory
from home.models import ConsentRecord, ConsentText, ExportLog, FormField, FormPage, HomePage
from home.models import VolunteerFormSubmission as Submission
from home.models.forms import readable_clean_name

pytestmark = pytest.mark.django_db

FIELDS = [
    ("Фамилия и имя", "singleline", True, ""),
    ("Ваш возраст", "number", True, ""),
    ("Электронная почта", "email", False, ""),
    ("Чем хотите помочь", "checkboxes", True, "Помощь ветеранам\nФото и видео"),
]


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def form_page(home_page):
    return FormPageFactory(
        parent=home_page,
        title="Стать волонтёром",
        slug="stat-volonterom",
        to_address="vol@example.org, boss@example.org",
        form_fields=[
            FormField(label=label, field_type=kind, required=required, choices=choices)
            for label, kind, required, choices in FIELDS
        ],
    )


def answers(**overrides):
    data = {
        "familiya_i_imya": "Андреева Дарья",
        "vash_vozrast": "17",
        "elektronnaya_pochta": "dasha@example.org",
        "chem_khotite_pomoch": ["Помощь ветеранам", "Фото и видео"],
        "consent": "on",
        "website": "",
        "form_started": sign_started_at(time.time() - 60),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


class PageTypeRulesTests(WagtailPageTestCase):
    def test_forms_live_under_the_home_page(self):
        self.assertAllowedParentPageTypes(FormPage, {HomePage})
        self.assertAllowedSubpageTypes(FormPage, set())


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Ваш возраст", "vash_vozrast"),
        ("Фамилия, имя и отчество", "familiya_imya_i_otchestvo"),
        ("Чем хотите помочь?", "chem_khotite_pomoch"),
        ("Объём работы (часов в неделю)", "obem_raboty_chasov_v_nedelyu"),
        ("E-mail", "e_mail"),
        ("1. Город", "pole_1_gorod"),
        ("Consent", "pole_consent"),
        ("???", "pole"),
    ],
)
def test_cyrillic_labels_give_readable_names(label, name):
    assert readable_clean_name(label) == name


def test_names_are_fixed_when_saved_and_unique_within_the_form(form_page):
    names = [field.clean_name for field in form_page.form_fields.all()]
    assert names == ["familiya_i_imya", "vash_vozrast", "elektronnaya_pochta", "chem_khotite_pomoch"]
    field = form_page.form_fields.get(clean_name="vash_vozrast")
    field.label = "Сколько вам лет"
    field.save()
    field.refresh_from_db()
    assert field.clean_name == "vash_vozrast"  # stored answers keep their key
    twin = FormField(page=form_page, label="Ваш  возраст", field_type="singleline")
    twin.save()
    assert twin.clean_name == "vash_vozrast_2"


def test_the_admin_refuses_two_fields_with_the_same_name(client, home_page):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    client.force_login(admin)
    data = nested_form_data(
        {
            "title": "Анкета",
            "slug": "anketa",
            "intro": "",
            "thank_you_text": rich_text(""),
            "to_address": "",
            "subject": "",
            "form_fields": inline_formset(
                [
                    {"label": "Ваш возраст", "field_type": "number", "required": "on"},
                    {"label": "ваш возраст", "field_type": "singleline", "required": "on"},
                ]
            ),
        }
    )
    response = client.post(f"/admin/pages/add/home/formpage/{home_page.pk}/", data)
    assert response.status_code == 200
    assert not FormPage.objects.exists()
    assert "vash_vozrast" in response.text


def test_an_editor_builds_a_form_in_the_admin_and_it_gets_readable_names(client, home_page):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    client.force_login(admin)
    data = nested_form_data(
        {
            "title": "Анкета",
            "slug": "anketa",
            "intro": "",
            "thank_you_text": rich_text(""),
            "to_address": "",
            "subject": "",
            "form_fields": inline_formset(
                [{"label": "Ваш возраст", "field_type": "number", "required": "on"}]
            ),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/add/home/formpage/{home_page.pk}/", data)
    assert response.status_code == 302
    assert list(FormPage.objects.get().form_fields.values_list("clean_name", flat=True)) == ["vash_vozrast"]


def test_the_form_has_the_editor_fields_and_a_consent_box_nobody_added(client, form_page):
    response = client.get(form_page.url)
    assert response.status_code == 200
    html = response.text
    for name in ("familiya_i_imya", "vash_vozrast", "elektronnaya_pochta", "chem_khotite_pomoch"):
        assert f'name="{name}"' in html
    consent = re.search(r'<input[^>]*name="consent"[^>]*>', html).group(0)
    assert "checked" not in consent
    assert ConsentText.objects.current(ConsentText.Kind.VOLUNTEER).text in html
    assert html.index('name="chem_khotite_pomoch"') < html.index('name="consent"')
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert not form_page.form_fields.filter(clean_name="consent").exists()


def test_a_submission_is_stored_with_its_consent_and_mailed_to_the_recipients(
    client, form_page, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_page.url, answers())
    # Post/redirect/get: the thanks live at their own address, so a reload sends nothing again.
    assert response.status_code == 302
    assert response["Location"] == f"{form_page.url}otpravlena/"
    thanks = client.get(response["Location"])
    submission = Submission.objects.get()
    assert re.fullmatch(r"\d{4}-\d{6}", submission.reference_number)
    assert f'Анкета <span class="reference">№&nbsp;{submission.reference_number}</span> отправлена' in (
        thanks.text
    )
    assert "no-store" in thanks["Cache-Control"]
    assert client.get(response["Location"])["Location"] == form_page.url  # shown once
    assert submission.form_data == {
        "familiya_i_imya": "Андреева Дарья",
        "vash_vozrast": 17,
        "elektronnaya_pochta": "dasha@example.org",
        "chem_khotite_pomoch": ["Помощь ветеранам", "Фото и видео"],
    }
    consent = submission.consent
    assert consent.text == ConsentText.objects.current(ConsentText.Kind.VOLUNTEER)
    assert (consent.given_by_name, consent.given_by_email, consent.ip_address) == (
        "Андреева Дарья",
        "dasha@example.org",
        "127.0.0.1",
    )
    assert f"Анкета № {submission.reference_number} «Стать волонтёром»" == consent.covers
    assert consent.text_shown.startswith(consent.text.text)
    [message] = mailoutbox
    assert f"Номер анкеты: {submission.reference_number}" in message.body
    assert message.to == ["vol@example.org", "boss@example.org"]
    assert message.reply_to == ["dasha@example.org"]
    assert "Ваш возраст: 17" in message.body
    assert "Чем хотите помочь: Помощь ветеранам, Фото и видео" in message.body
    assert f"/admin/forms/submissions/{form_page.pk}/" in message.body


def test_without_consent_nothing_is_stored_and_the_answers_stay(client, form_page):
    response = client.post(form_page.url, answers(consent=None))
    assert response.status_code == 200
    assert "Без согласия на обработку персональных данных" in response.text
    assert 'value="Андреева Дарья"' in response.text
    assert 'aria-describedby="id_consent_error"' in response.text
    assert not Submission.objects.exists() and not ConsentRecord.objects.exists()


def test_a_required_editor_field_left_empty_is_explained(client, form_page):
    response = client.post(form_page.url, answers(vash_vozrast=""))
    assert response.status_code == 200
    assert response.context["form"].errors["vash_vozrast"]
    assert 'id="id_vash_vozrast_error"' in response.text
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"website": "http://spam.example"}, "honeypot"),
        ({"form_started": "now"}, "too_fast"),
        ({"form_started": "forged"}, "stale"),
    ],
)
def test_spam_is_rejected_and_stores_nothing(client, form_page, mailoutbox, overrides, code):
    if overrides.get("form_started") == "now":
        overrides = {"form_started": sign_started_at(time.time())}
    response = client.post(form_page.url, answers(**overrides))
    assert response.status_code == 200
    assert code in response.context["form"].spam_error_codes
    assert not Submission.objects.exists() and not ConsentRecord.objects.exists()
    assert not mailoutbox


def test_over_the_rate_limit_nothing_is_stored(client, form_page, monkeypatch):
    monkeypatch.setattr("home.volunteer_forms.APPLICATION_SUBMISSIONS", RateLimit("applications", 2, 600))
    for name in ("Первая Волонтёрка", "Второй Волонтёр"):
        assert client.post(form_page.url, answers(familiya_i_imya=name)).status_code == 302
    response = client.post(form_page.url, answers(familiya_i_imya="Третий Волонтёр"))
    assert response.status_code == 429
    assert "очень много заявок" in response.text
    assert 'value="Третий Волонтёр"' in response.text
    assert Submission.objects.count() == 2


def submit_two(client, form_page):
    client.post(form_page.url, answers())
    client.post(form_page.url, answers(familiya_i_imya='=HYPERLINK("http://evil")', vash_vozrast="30"))
    cache.clear()


@pytest.fixture
def chief(client):
    user = get_user_model().objects.create_user("chief", "chief@example.org", "x")
    user.groups.add(Group.objects.get(name="Главные редакторы"))
    return user


def test_chief_editors_list_submissions_with_russian_headings(client, form_page, chief):
    submit_two(client, form_page)
    client.force_login(chief)
    response = client.get(f"/admin/forms/submissions/{form_page.pk}/")
    assert response.status_code == 200
    assert "Андреева Дарья" in response.text
    assert "Ваш возраст" in response.text and "Согласие на обработку персональных данных" in response.text


def test_the_csv_export_has_the_labels_as_headings_is_formula_safe_and_logged(client, form_page, chief):
    submit_two(client, form_page)
    client.force_login(chief)
    response = client.get(f"/admin/forms/submissions/{form_page.pk}/", {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][1:] == [
        "Номер анкеты",
        "Фамилия и имя",
        "Ваш возраст",
        "Электронная почта",
        "Чем хотите помочь",
        "Согласие на обработку персональных данных",
    ]
    assert sorted(row[1] for row in rows[1:]) == sorted(
        Submission.objects.values_list("reference_number", flat=True)
    )
    names = sorted(row[2] for row in rows[1:])
    assert names == ['\'=HYPERLINK("http://evil")', "Андреева Дарья"]
    assert all(row[5] == "Помощь ветеранам, Фото и видео" for row in rows[1:])
    assert all(row[6].startswith("Анкета волонтёра, версия 1") for row in rows[1:])
    entry = ExportLog.objects.get()
    assert (entry.username, entry.model_label, entry.row_count) == (
        "chief",
        "home.VolunteerFormSubmission",
        2,
    )
    assert f"page={form_page.pk}" in entry.filters


def test_the_xlsx_export_has_the_labels_as_headings(client, form_page, chief):
    submit_two(client, form_page)
    client.force_login(chief)
    response = client.get(f"/admin/forms/submissions/{form_page.pk}/", {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    headings = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    assert headings[1:4] == ["Номер анкеты", "Фамилия и имя", "Ваш возраст"]
    assert ExportLog.objects.get().file_format == "xlsx"


@pytest.mark.parametrize("group", ["Авторы", "Координаторы наставников", "Координаторы кружков"])
def test_other_roles_neither_see_nor_export_submissions(client, form_page, group):
    submit_two(client, form_page)
    user = get_user_model().objects.create_user("other", "other@example.org", "x")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    listing = client.get("/admin/forms/")
    assert "Стать волонтёром" not in listing.content.decode()
    for query in ({}, {"export": "csv"}):
        response = client.get(f"/admin/forms/submissions/{form_page.pk}/", query)
        assert response.status_code in (302, 403)
        assert "Андреева" not in response.content.decode()
    assert not ExportLog.objects.exists()


def test_an_editor_without_the_export_permission_sees_but_cannot_export(client, form_page):
    submit_two(client, form_page)
    user = get_user_model().objects.create_user("viewer", "viewer@example.org", "x")
    group = Group.objects.create(name="Только просмотр анкет")
    group.permissions.set(
        Group.objects.get(name="Главные редакторы").permissions.exclude(
            codename="export_volunteerformsubmission"
        )
    )
    group.page_permissions.set(
        [
            type(permission)(group=group, page=permission.page, permission=permission.permission)
            for permission in Group.objects.get(name="Главные редакторы").page_permissions.all()
        ],
        bulk=False,
    )
    user.groups.add(group)
    client.force_login(user)
    listing = client.get(f"/admin/forms/submissions/{form_page.pk}/")
    assert listing.status_code == 200
    assert "?export=csv" not in listing.text
    response = client.get(f"/admin/forms/submissions/{form_page.pk}/", {"export": "csv"})
    assert response.status_code in (302, 403)
    assert not ExportLog.objects.exists()
