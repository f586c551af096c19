"""The journeys people make on the site, in a real browser, as they would make them."""

import datetime
import re

from django.contrib.auth import get_user_model

import pytest

from clubs.models import ClubPage
from stories.models import HeroPage, StoryPage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# The forms refuse submissions faster than a person could type (home/applications/spam.py).
HUMAN_PAUSE_MS = 3500


def select_option_starting_with(select, text):
    """Chooses the option whose label starts with `text` (filters add counts to labels, e.g. «… (3)»)."""
    value = select.evaluate(
        "(el, text) => [...el.options].find(o => o.textContent.trim().startsWith(text)).value", text
    )
    select.select_option(value)


def birth_date(years_old):
    today = datetime.date.today()
    return today.replace(year=today.year - years_old) - datetime.timedelta(days=30)


def open_club_for_age(page, live_server, age):
    """Finds, through the directory's filters, a club that takes this age and has places, and opens it."""
    club = (
        ClubPage.objects.live()
        .filter(age_min__lte=age, age_max__gte=age)
        .filter(accepting_applications=True)
        .order_by("path")
        .first()
    )
    page.goto(f"{live_server.url}/kruzhki/")
    select_option_starting_with(page.get_by_label("Регион"), club.region.name)
    page.get_by_label("Мне (ребёнку) лет").fill(str(age))
    page.get_by_role("button", name="Показать кружки").click()
    page.get_by_role("link", name=club.title).first.click()
    page.wait_for_url(f"**{club.url}")
    return club


def test_a_reader_finds_a_hero_by_search_and_by_region_and_opens_a_story(page, live_server, demo_site):
    hero = HeroPage.objects.live().order_by("path").first()
    surname = hero.title.split()[0]
    page.goto(f"{live_server.url}/search/")
    form = page.get_by_role("search", name="Уточнить поиск")  # the header has a search form too
    form.get_by_role("searchbox").fill(surname)
    form.get_by_role("button", name="Найти").click()
    page.get_by_role("link", name=hero.title).first.click()
    page.wait_for_url(f"**{hero.url}")
    assert page.get_by_role("heading", level=1).inner_text().strip() == hero.title

    page.goto(f"{live_server.url}/geroi/")
    select_option_starting_with(page.get_by_label("Регион"), hero.region.name)
    page.get_by_role("button", name=re.compile("Показать")).click()
    page.get_by_role("link", name=hero.title).first.click()
    page.wait_for_url(f"**{hero.url}")

    story = StoryPage.objects.live().filter(story_heroes__hero=hero).order_by("-first_published_at").first()
    page.get_by_role("link", name=story.title).first.click()
    page.wait_for_url(f"**{story.url}")
    gallery = page.locator(".block-gallery img, .gallery img")
    if gallery.count():
        gallery.first.scroll_into_view_if_needed()
        # Lazy pictures load once scrolled into view; a broken rendition would never get a width.
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=gallery.first.element_handle()
        )


def fill_club_application(page, child_age):
    page.get_by_label("Фамилия и имя ребёнка или участника").fill("Петров Артём")
    page.get_by_label("Дата рождения").fill(birth_date(child_age).isoformat())
    page.get_by_label("Электронная почта", exact=True).fill("artem@example.org")
    page.get_by_label("Фамилия, имя и отчество родителя или законного представителя").fill(
        "Петрова Ольга Ивановна"
    )
    page.get_by_label("Электронная почта родителя").fill("olga@example.org")
    page.get_by_label("Я даю согласие на обработку персональных данных").check()


def test_a_fifteen_year_old_applies_with_a_guardian_and_a_coordinator_enrolls_them(
    browser, page, live_server, demo_site
):
    club = open_club_for_age(page, live_server, 15)
    fill_club_application(page, 15)
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    page.get_by_role("button", name="Отправить заявку").click()
    heading = page.get_by_role("heading", level=1).inner_text()
    assert re.search(r"Заявка №\s\d{4}-\d{6}", heading), heading
    status_url = page.locator(".status-link__url a").get_attribute("href")
    with page.expect_navigation():
        page.locator(".status-link__url a").click()
    assert "Петров Артём" in page.content() or club.title in page.content()

    coordinator = get_user_model().objects.create_superuser(
        "coord", "coord@example.org", "long-enough-password"
    )
    admin = browser.new_context(locale="ru-RU").new_page()
    admin.goto(f"{live_server.url}/admin/login/")
    admin.locator("input[name=username]").fill(coordinator.username)
    admin.locator("input[name=password]").fill("long-enough-password")
    admin.locator("form [type=submit]").first.click()
    admin.wait_for_url("**/admin/")
    admin.goto(f"{live_server.url}/admin/")
    reference = re.search(r"\d{4}-\d{6}", heading).group(0)
    admin.goto(f"{live_server.url}/admin/club_applications/?q={reference}")
    admin.get_by_role("link", name=re.compile(reference)).first.click()
    admin.locator("select[name=status]").select_option("enrolled")
    admin.locator("textarea[name=public_message]").fill("Ждём на первое занятие в субботу.")
    admin.get_by_role("button", name="Сохранить и сообщить заявителю").click()
    admin.wait_for_load_state()

    page.goto(status_url)
    assert "Зачислен" in page.content()


def test_an_adult_answers_a_call_for_mentors(page, live_server, demo_site):
    page.goto(f"{live_server.url}/nastavnikam/")
    # A call for adults (a senior pupil's call also asks a birth date and a parent).
    page.locator("main a[href='/nastavnikam/veterany-i-geroi-truda/']").first.click()
    page.get_by_label("Фамилия, имя и отчество").fill("Сидоров Николай Петрович")
    page.get_by_label("Электронная почта").fill("sidorov@example.org")
    page.get_by_label("Регион").select_option(index=1)
    page.get_by_label("Город или посёлок").fill("Тула")
    page.locator("input[name=audience]").first.check()
    page.get_by_label("Профессия, должность").fill("Токарь-универсал")
    page.get_by_label("Опыт").fill("Тридцать лет на заводе, десять учеников.")
    page.locator("input[name=directions]").first.check()
    page.get_by_label("Сколько времени готовы уделять").fill("Два вечера в неделю")
    page.locator("input[name=mentoring_format]").first.check()
    page.get_by_label("Я даю согласие на обработку персональных данных").check()
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    page.locator("main form [type=submit]").last.click()
    assert re.search(r"Заявка №\s\d{4}-\d{6}", page.get_by_role("heading", level=1).inner_text())


def test_the_club_application_works_by_keyboard_alone(page, live_server, demo_site):
    open_club_for_age(page, live_server, 16)
    page.get_by_label("Фамилия и имя ребёнка или участника").focus()
    page.keyboard.type("Иванова Мария")
    # From here on only Tab, typing and Space/Enter, as a keyboard user fills in the form.
    fields = {
        # 1 January reads the same in day-month and month-day order, whatever the browser's locale.
        "birth_date": f"0101{datetime.date.today().year - 16}",
        "email": "maria@example.org",
        "guardian_name": "Иванова Анна Сергеевна",
        "guardian_email": "anna@example.org",
    }
    for _ in range(40):
        page.keyboard.press("Tab")
        name = page.evaluate("document.activeElement.name || ''")
        if name in fields:
            page.keyboard.type(fields.pop(name))
        elif name == "consent":
            page.keyboard.press("Space")
        elif page.evaluate("document.activeElement.type") == "submit" and not fields:
            break
    assert not fields, f"not reached by Tab: {fields}"
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    errors = page.locator("[role=alert], .form-field__error").all_inner_texts()
    assert re.search(r"Заявка №\s\d{4}-\d{6}", page.get_by_role("heading", level=1).inner_text()), errors


def test_form_errors_are_announced_and_keep_what_was_typed(page, live_server, demo_site):
    open_club_for_age(page, live_server, 15)
    page.get_by_label("Фамилия и имя ребёнка или участника").fill("Петров Артём")
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    page.get_by_role("button", name="Отправить заявку").click()
    assert page.get_by_label("Фамилия и имя ребёнка или участника").input_value() == "Петров Артём"
    alert = page.locator("[role=alert]").first
    assert alert.count() and alert.inner_text().strip()
    invalid = page.locator("[aria-invalid=true]")
    assert invalid.count() >= 1
    described = invalid.first.get_attribute("aria-describedby")
    assert described and page.locator(f"#{described.split()[0]}").inner_text().strip()


def test_the_mentor_application_works_by_keyboard_alone(page, live_server, demo_site):
    page.goto(f"{live_server.url}/nastavnikam/")
    # A call for adults (a senior pupil's call also asks a birth date and a parent).
    page.locator("main a[href='/nastavnikam/veterany-i-geroi-truda/']").first.click()
    page.get_by_label("Фамилия, имя и отчество").focus()
    page.keyboard.type("Кузьмина Елена Викторовна")
    texts = {
        "email": "kuzmina@example.org",
        "city": "Пермь",
        "profession": "Инженер-технолог",
        "experience": "Двадцать лет на заводе.",
        "availability": "Суббота",
    }
    chosen = set()
    for _ in range(80):
        page.keyboard.press("Tab")
        name, kind = page.evaluate("[document.activeElement.name || '', document.activeElement.type || '']")
        if name in texts:
            page.keyboard.type(texts.pop(name))
        elif kind == "select-one" and name not in chosen:
            page.keyboard.press("ArrowDown")
            chosen.add(name)
        elif kind in ("radio", "checkbox") and name not in chosen and name != "publication_consent":
            page.keyboard.press("Space")
            chosen.add(name)
        elif kind == "submit" and not texts:
            break
    assert not texts, f"not reached by Tab: {texts}"
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    errors = page.locator("[role=alert], .form-field__error").all_inner_texts()
    assert re.search(r"Заявка №\s\d{4}-\d{6}", page.get_by_role("heading", level=1).inner_text()), errors
