"""Applicants' journeys in a real browser, on a phone (375 px) and on a desktop (1280 px).

Everything is done as a person does it: typing, ticking, clicking links and buttons. The browser sends its
own headers (Origin, Referer, cookies): nothing is intercepted or overridden, nothing is posted around it.
"""

import datetime
import re

import pytest

from clubs.models import ClubApplication, ClubPage
from mentors.models import MentorApplication
from tests.e2e.conftest import axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# The forms refuse submissions faster than a person could type (home/applications/spam.py).
HUMAN_PAUSE_MS = 3500
VIEWPORTS = {
    "phone": {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}
REFERENCE = re.compile(r"Заявка №\s(\d{4}-\d{6})")


@pytest.fixture(params=list(VIEWPORTS))
def person(browser, request):
    context = browser.new_context(locale="ru-RU", **VIEWPORTS[request.param])
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def birth_date(years_old):
    today = datetime.date.today()
    return today.replace(year=today.year - years_old) - datetime.timedelta(days=30)


def open_club_for_age(page, live_server, age):
    """Finds, through the directory's filters, a club that takes this age and has places, and opens it."""
    club = (
        ClubPage.objects.live()
        .filter(age_min__lte=age, age_max__gte=age, accepting_applications=True)
        .order_by("path")
        .first()
    )
    page.goto(f"{live_server.url}/kruzhki/")
    fold = page.locator("summary.club-filters-fold__summary")
    if fold.is_visible() and not page.get_by_label("Регион").is_visible():
        fold.click()  # on a phone the filters are folded under «Фильтры»
    region = page.get_by_label("Регион")
    region.select_option(
        region.evaluate(
            "(el, text) => [...el.options].find(o => o.textContent.trim().startsWith(text)).value",
            club.region.name,
        )
    )
    page.get_by_label("Мне (ребёнку) лет").fill(str(age))
    page.get_by_role("button", name="Показать кружки").click()
    page.get_by_role("link", name=club.title).first.click()
    page.wait_for_url(f"**{club.url}")
    return club


def send(page, button_name):
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    with page.expect_navigation():
        page.get_by_role("button", name=button_name).click()


def reference_on(page) -> str:
    heading = page.get_by_role("heading", level=1).inner_text()
    errors = page.locator("[role=alert], .form-field__error").all_inner_texts()
    match = REFERENCE.search(heading)
    assert match, (heading, errors)
    return match.group(1)


def a_teen_applies(page, live_server):
    open_club_for_age(page, live_server, 15)
    page.get_by_label("Фамилия и имя ребёнка или участника").fill("Петров Артём")
    page.get_by_label("Дата рождения").fill(birth_date(15).isoformat())
    page.get_by_label("Электронная почта", exact=True).fill("artem@example.org")
    page.get_by_label("Фамилия, имя и отчество родителя или законного представителя").fill(
        "Петрова Ольга Ивановна"
    )
    page.get_by_label("Электронная почта родителя").fill("olga@example.org")
    page.get_by_label("Я даю согласие на обработку персональных данных").check()
    send(page, "Отправить заявку")
    return reference_on(page)


def withdraw_from_the_status_link(page):
    """Follows the private link shown after sending, and withdraws the application there."""
    with page.expect_navigation():
        page.locator(".status-link__url a").click()
    assert page.get_by_text("Новая", exact=True).is_visible()
    page.get_by_label("Да, я хочу отозвать заявку").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Отозвать заявку").click()
    assert page.get_by_text("Заявка отозвана.").is_visible(), page.content()[:2000]
    assert page.get_by_text("Отозвана", exact=True).first.is_visible()
    assert axe_violations(page) == []


def test_a_teen_applies_and_withdraws_from_the_status_link(person, live_server, demo_site):
    reference = a_teen_applies(person, live_server)
    withdraw_from_the_status_link(person)
    assert ClubApplication.objects.get(reference_number=reference).status == "withdrawn"


def test_a_parent_applies_for_a_young_child(person, live_server, demo_site):
    club = open_club_for_age(person, live_server, 10)
    person.get_by_label("Фамилия и имя ребёнка или участника").fill("Смирнова Алиса")
    person.get_by_label("Дата рождения").fill(birth_date(10).isoformat())
    person.get_by_label("Фамилия, имя и отчество родителя или законного представителя").fill(
        "Смирнова Екатерина Андреевна"
    )
    person.get_by_label("Телефон родителя").fill("+7 912 345-67-89")
    person.get_by_label("Я даю согласие на обработку персональных данных").check()
    send(person, "Отправить заявку")
    reference = reference_on(person)
    assert person.locator(".status-link__url a").is_visible()
    application = ClubApplication.objects.get(reference_number=reference)
    assert application.club_id == club.pk
    assert application.guardian_name == "Смирнова Екатерина Андреевна"
    assert application.consent.text.kind == "guardian"


def test_a_mentor_withdraws_from_the_status_link(person, live_server, demo_site):
    person.goto(f"{live_server.url}/nastavnikam/")
    # A retired engineer answers the call to veterans (a call to senior pupils asks for a parent too).
    person.locator("main a[href='/nastavnikam/veterany-i-geroi-truda/']").first.click()
    person.get_by_label("Фамилия, имя и отчество").fill("Сидоров Николай Петрович")
    person.get_by_label("Электронная почта").fill("sidorov@example.org")
    person.get_by_label("Регион").select_option(index=1)
    person.get_by_label("Город или посёлок").fill("Тула")
    audience = person.locator("input[name=audience]")
    if audience.count() and audience.first.is_visible() and not audience.first.is_checked():
        audience.first.check()
    person.get_by_label("Профессия, должность").fill("Токарь-универсал")
    person.get_by_label("Опыт").fill("Тридцать лет на заводе, десять учеников.")
    person.locator("input[name=directions]").first.check()
    person.get_by_label("Сколько времени готовы уделять").fill("Два вечера в неделю")
    person.locator("input[name=mentoring_format]").first.check()
    person.get_by_label("Я даю согласие на обработку персональных данных").check()
    person.wait_for_timeout(HUMAN_PAUSE_MS)
    with person.expect_navigation():
        person.locator("main form [type=submit]").last.click()
    reference = reference_on(person)
    withdraw_from_the_status_link(person)
    assert MentorApplication.objects.get(reference_number=reference).status == "withdrawn"


def test_under_production_settings_an_application_sent_while_redis_is_down_still_succeeds(
    page, live_server, demo_site, settings
):
    """Production's session engine, with its Redis unreachable from the first click to the withdrawal.

    The live server built its middleware (and so chose its session engine) before this test started: the
    test settings must already use production's engine, which is checked first.
    """
    from tests.home.test_resilience import (
        CLOSED_PORT_REDIS,
        PRODUCTION_WITH_REDIS,
        production_setting,
        resilient_cache,
    )

    assert production_setting("SESSION_ENGINE", **PRODUCTION_WITH_REDIS) == settings.SESSION_ENGINE
    settings.CACHES = {"default": resilient_cache(CLOSED_PORT_REDIS)}  # read at every request
    reference = a_teen_applies(page, live_server)
    assert ClubApplication.objects.filter(reference_number=reference).count() == 1
    withdraw_from_the_status_link(page)


def open_volunteer_form(page, live_server):
    page.goto(f"{live_server.url}/")
    page.goto(f"{live_server.url}/stat-volonterom/")  # the menu link differs on a phone and a desktop
    assert page.get_by_role("heading", level=1).inner_text().strip() == "Стать волонтёром"


def fill_volunteer_form(page, *, name, age):
    page.get_by_label("Фамилия и имя").fill(name)
    page.get_by_label(re.compile(r"^Телефон(?! родителя)")).fill("+7 916 123-45-02")
    page.get_by_label("Ваш возраст").fill(str(age))
    page.get_by_label("Город").fill("Тула")
    page.get_by_label("Фото и видео").check()
    page.get_by_label("В выходные").check()
    page.get_by_label("Я даю согласие на обработку персональных данных").check()


def test_a_volunteer_sends_the_form_and_a_reload_sends_nothing_again(person, live_server, demo_site):
    from home.models import VolunteerFormSubmission

    before = VolunteerFormSubmission.objects.count()
    open_volunteer_form(person, live_server)
    fill_volunteer_form(person, name="Никитин Павел", age=250)
    send(person, "Отправить")
    assert "не больше 99" in person.locator(".form-field__error").first.inner_text()
    assert person.get_by_label("Фамилия и имя").input_value() == "Никитин Павел"
    person.get_by_label("Ваш возраст").fill("22")
    send(person, "Отправить")
    heading = person.get_by_role("heading", level=1).inner_text()
    reference = re.search(r"Анкета №\s(\d{4}-\d{6}) отправлена", heading)
    assert reference, heading
    person.reload()  # the thanks were a GET: nothing is sent again, the form opens
    assert person.get_by_role("heading", level=1).inner_text().strip() == "Стать волонтёром"
    assert VolunteerFormSubmission.objects.count() == before + 1
    assert VolunteerFormSubmission.objects.get(reference_number=reference.group(1)).guardian_consent is None


def test_a_sixteen_year_old_volunteer_sends_the_form_with_a_parent(person, live_server, demo_site):
    from home.models import VolunteerFormSubmission

    open_volunteer_form(person, live_server)
    fill_volunteer_form(person, name="Орлова Вера", age=16)
    send(person, "Отправить")
    error = person.locator("#id_guardian_name_error")
    assert "родителя или законного представителя" in error.inner_text()
    assert person.get_by_label("Фамилия и имя").input_value() == "Орлова Вера"
    assert axe_violations(person) == []  # the guardian's section with its errors
    person.get_by_label("Фамилия, имя и отчество родителя или законного представителя").fill(
        "Орлова Татьяна Петровна"
    )
    person.get_by_label("Телефон родителя").fill("8 916 765-43-21")
    person.get_by_label("Я — родитель или законный представитель заявителя").check()
    send(person, "Отправить")
    heading = person.get_by_role("heading", level=1).inner_text()
    reference = re.search(r"Анкета №\s(\d{4}-\d{6}) отправлена", heading)
    assert reference, heading
    submission = VolunteerFormSubmission.objects.get(reference_number=reference.group(1))
    assert submission.form_data["guardian_phone"] == "+79167654321"
    assert submission.guardian_consent.given_by_name == "Орлова Татьяна Петровна"
    assert axe_violations(person) == []
