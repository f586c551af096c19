"""Journeys of a would-be mentor (a pensioner, an employer) and of someone who lost a status link, at phone
(375 px) and desktop (1280 px) widths, by clicking and typing, with the browser's own requests and headers."""

import re

from django.core import mail

import pytest

from home.applications import tokens
from mentors.choices import Audience
from mentors.factories import MentorApplicationFactory, MentorCallPageFactory
from mentors.models import MentorApplication, MentorCallIndexPage, MentorCallPage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HUMAN_PAUSE_MS = 3500  # the forms refuse what is sent faster than a person types (home/applications/spam.py)
WIDTHS = [375, 1280]


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def person(request, browser):
    width = request.param
    context = browser.new_context(
        locale="ru-RU", viewport={"width": width, "height": 900}, is_mobile=width < 800, has_touch=width < 800
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.width = width
    yield page
    context.close()


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth") <= page.width


def open_call(page, live_server, title):
    """From the home page through the header menu (folded behind «Меню» on a phone) to the call."""
    page.goto(f"{live_server.url}/")
    menu = page.locator("summary.site-nav__button")
    if menu.is_visible():
        menu.click()
    page.locator("header").get_by_role("link", name="Наставникам").click()
    page.get_by_role("link", name=title).first.click()
    page.get_by_role("heading", level=1, name=title).wait_for()


def fill_common(page, *, name, email, phone, profession, experience):
    page.get_by_label("Фамилия, имя и отчество").fill(name)
    page.get_by_label("Телефон", exact=True).fill(phone)
    page.get_by_label("Электронная почта", exact=True).fill(email)
    page.get_by_label("Город или посёлок").fill("Тула")
    page.get_by_label("Профессия, должность").fill(profession)
    page.get_by_label("Опыт").fill(experience)
    page.get_by_label("Техническое творчество").check()
    page.get_by_label("Сколько времени готовы уделять").fill("Два вечера в неделю")
    page.get_by_label("Очно", exact=True).check()
    page.get_by_label("Я даю согласие на обработку персональных данных").check()


def submit(page):
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    with page.expect_navigation():
        page.get_by_role("button", name="Отправить заявку").click()
    errors = page.locator("[role=alert], .form-field__error").all_inner_texts()
    heading = page.get_by_role("heading", level=1).inner_text()
    assert re.search(r"Заявка №\s\d{4}-\d{6} отправлена", heading), errors
    return heading


def test_a_pensioner_answers_the_call_for_veterans(person, live_server, demo_site):
    call = MentorCallPage.objects.live().get(slug="veterany-i-geroi-truda")
    open_call(person, live_server, call.title)
    # The call is for veterans only: the answer to «Кто вы» is already given, and nothing about employers
    # or pupils is asked.
    assert person.get_by_label("Ветераны и Герои Труда").is_checked()
    assert person.get_by_text("Для работодателей").count() == 0
    assert person.get_by_text("справка об отсутствии судимости").is_visible()
    assert person.get_by_text("не меньше 20 знаков").is_visible()
    person.get_by_label("Регион").select_option(label="Тульская область")
    fill_common(
        person,
        name="Степанов Иван Кузьмич",
        email="stepanov@example.org",
        phone="8 (915) 123-45-67",
        profession="Слесарь-инструментальщик на пенсии",
        experience="Сорок лет на оружейном заводе, вырастил двадцать учеников.",
    )
    submit(person)
    assert fits_the_screen(person)
    # «Скопировать ссылку» appears with JavaScript and puts the status link on the clipboard.
    person.get_by_role("button", name="Скопировать ссылку").click()
    person.get_by_text("Ссылка скопирована").wait_for()
    copied = person.evaluate("navigator.clipboard.readText()")
    assert re.fullmatch(rf"{live_server.url}/zayavka/nastavnik/[\w-]+/", copied)
    person.get_by_role("link", name=copied).click()
    person.get_by_text("История заявки").wait_for()
    assert "МСК" in person.locator("main").inner_text()
    application = MentorApplication.objects.get(full_name="Степанов Иван Кузьмич")
    assert (application.audience, application.phone) == (Audience.VETERANS, "+79151234567")
    assert fits_the_screen(person)


def test_an_employer_answers_the_call_to_enterprises(person, live_server, demo_site):
    call = MentorCallPage.objects.live().get(slug="predpriyatiya-urala")
    open_call(person, live_server, call.title)
    assert person.get_by_label("Работодатели").is_checked()
    offers = person.get_by_role("group", name="Что организация предлагает молодёжи")
    assert offers.is_visible()
    person.get_by_label("Место работы или учёбы").fill("АО «Уралмашзавод»")
    fill_common(
        person,
        name="Лебедева Ольга Сергеевна",
        email="hr@uralmash.example.org",
        phone="+7 343 123-45-67",
        profession="Директор по персоналу",
        experience="Двадцать лет руковожу обучением рабочих, веду программу стажировок.",
    )
    # Forgetting the offers is explained next to them, and everything typed stays.
    submit_without_offers = person.get_by_role("button", name="Отправить заявку")
    person.wait_for_timeout(HUMAN_PAUSE_MS)
    submit_without_offers.click()
    person.get_by_text("Отметьте, что организация предлагает").wait_for()
    assert person.get_by_label("Место работы или учёбы").input_value() == "АО «Уралмашзавод»"
    person.get_by_label("Стажировки и практика").check()
    person.get_by_label("Работа для выпускников").check()
    person.get_by_label("Подробнее о предложении").fill("Пять мест на практику для токарей и сварщиков.")
    submit(person)
    application = MentorApplication.objects.get(full_name="Лебедева Ольга Сергеевна")
    assert application.employer_offers == ["internships", "graduate_jobs"]
    assert application.organization == "АО «Уралмашзавод»"
    assert fits_the_screen(person)


def test_employer_questions_appear_only_when_employer_is_chosen(person, live_server, demo_site):
    index = MentorCallIndexPage.objects.live().first()
    call = MentorCallPageFactory(
        parent=index,
        title="Ветераны и предприятия Тулы",
        slug="tula",
        audiences=[Audience.VETERANS, Audience.EMPLOYERS],
    )
    person.goto(f"{live_server.url}{call.url}")
    employer_section = person.get_by_role("group", name="Для работодателей")
    assert not employer_section.is_visible()
    person.get_by_label("Работодатели").check()
    assert employer_section.is_visible()
    person.get_by_label("Ветераны и Герои Труда").check()
    assert not employer_section.is_visible()


def test_a_lost_link_is_recovered_through_my_applications(person, live_server, demo_site):
    old_token, digest = tokens.new_token()
    call = MentorCallPage.objects.live().get(slug="veterany-i-geroi-truda")
    application = MentorApplicationFactory(call=call, email="zabyl@example.org", status_token_digest=digest)
    mail.outbox.clear()
    person.goto(f"{live_server.url}/")
    person.locator("footer").get_by_role("link", name="Мои заявки").click()
    person.get_by_role("heading", level=1, name="Мои заявки").wait_for()
    person.get_by_label("Электронная почта или телефон из заявки").fill("Zabyl@example.org")
    person.wait_for_timeout(HUMAN_PAUSE_MS)
    with person.expect_navigation():
        person.get_by_role("button", name="Прислать ссылки").click()
    neutral = person.get_by_role("status").inner_text()
    assert "Если заявки с этими данными есть" in neutral and "позвоните в кружок" in neutral
    assert fits_the_screen(person)
    letters = [letter for letter in mail.outbox if letter.to == ["zabyl@example.org"]]
    assert len(letters) == 1 and application.reference_number in letters[0].body
    new_link = re.search(r"http://\S+/zayavka/nastavnik/[\w-]+/", letters[0].body).group(0)
    person.goto(new_link)
    person.get_by_role("heading", level=1, name=re.compile(application.reference_number)).wait_for()
    # The old link now says it is invalid and what to do.
    person.goto(f"{live_server.url}/zayavka/nastavnik/{old_token}/")
    person.get_by_role("heading", level=1, name="Ссылка недействительна").wait_for()
    person.get_by_role("link", name="Мои заявки").first.click()
    person.get_by_role("heading", level=1, name="Мои заявки").wait_for()
