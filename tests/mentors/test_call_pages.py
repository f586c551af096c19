"""Calls for mentors: page rules, the deadline closing the form, the archive, filters, home page section."""

import datetime

from django.utils import timezone

from wagtail.test.utils import WagtailPageTestCase

import pytest
import time_machine

from home.models import HomePage, Region
from mentors.choices import Audience
from mentors.factories import MentorCallPageFactory, in_days
from mentors.models import MentorApplication, MentorCallIndexPage, MentorCallPage
from mentors.wagtail_hooks import mentor_calls_on_home_page
from tests.mentors.conftest import application_data

pytestmark = pytest.mark.django_db


class PageTypeRulesTests(WagtailPageTestCase):
    def test_calls_live_under_their_index_under_the_home_page(self):
        self.assertAllowedParentPageTypes(MentorCallIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(MentorCallIndexPage, {MentorCallPage})
        self.assertAllowedParentPageTypes(MentorCallPage, {MentorCallIndexPage})
        self.assertAllowedSubpageTypes(MentorCallPage, set())
        self.assertEqual(MentorCallIndexPage.max_count, 1)


def test_the_call_page_shows_what_a_mentor_does_and_the_form(client, call):
    call.region = Region.objects.get(slug="moskva")
    call.time_commitment = "2 часа в неделю"
    call.save()
    response = client.get(call.url)
    assert response.status_code == 200
    html = response.text
    assert "Что делает наставник" in html
    assert "2 часа в неделю" in html
    assert "Москва" in html
    assert "nastavniki@example.org" in html
    assert 'name="full_name"' in html
    assert response["Cache-Control"].startswith("private") or "private" in response["Cache-Control"]


def test_a_call_for_all_of_russia_says_so(client, call):
    assert "Вся Россия" in client.get(call.url).text


def test_the_deadline_day_is_still_open(client, call):
    call.deadline = timezone.localdate()
    call.save()
    response = client.get(call.url)
    assert 'name="full_name"' in response.text
    assert "Архив" not in response.text


def test_after_the_deadline_the_form_closes_with_a_message(client, call):
    call.deadline = timezone.localdate()
    call.save()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        response = client.get(call.url)
    assert response.status_code == 200
    assert 'name="full_name"' not in response.text
    assert "Приём заявок по этому призыву завершён" in response.text
    assert "Архив" in response.text


def test_a_form_sent_after_the_deadline_is_refused_and_stores_nothing(client, call):
    call.deadline = in_days(-1)
    call.save()
    response = client.post(call.url, application_data())
    assert response.status_code == 410
    assert not MentorApplication.objects.exists()


def test_a_form_opened_before_and_sent_after_the_deadline_keeps_what_was_typed(client, call):
    call.deadline = timezone.localdate()
    call.save()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        response = client.post(call.url, application_data())
    assert response.status_code == 410
    assert "Приём заявок по этому призыву завершён" in response.text
    assert not MentorApplication.objects.exists()


def make_calls(call_index, count, **fields):
    return [
        MentorCallPageFactory(parent=call_index, slug=f"call-{fields.get('deadline', 'x')}-{n}", **fields)
        for n in range(count)
    ]


def test_the_index_lists_open_calls_first_then_the_archive(client, call_index):
    late = MentorCallPageFactory(parent=call_index, title="Призыв поздний", slug="late", deadline=in_days(40))
    soon = MentorCallPageFactory(parent=call_index, title="Призыв скорый", slug="soon", deadline=in_days(3))
    old = MentorCallPageFactory(parent=call_index, title="Призыв старый", slug="old", deadline=in_days(-30))
    recent = MentorCallPageFactory(
        parent=call_index, title="Призыв недавний", slug="recent", deadline=in_days(-2)
    )
    response = client.get(call_index.url)
    assert response.status_code == 200
    assert [page.pk for page in response.context["calls"]] == [soon.pk, late.pk, recent.pk, old.pk]
    html = response.text
    assert html.index("Приём заявок открыт") < html.index("Призыв скорый") < html.index("Архив")
    assert html.index("Архив") < html.index("Призыв недавний")


def test_the_index_filters_by_region_keeping_calls_for_all_of_russia(client, call_index):
    moscow, tatarstan = Region.objects.get(slug="moskva"), Region.objects.get(slug="respublika-tatarstan")
    in_moscow = MentorCallPageFactory(parent=call_index, slug="m", region=moscow)
    in_tatarstan = MentorCallPageFactory(parent=call_index, slug="t", region=tatarstan)
    everywhere = MentorCallPageFactory(parent=call_index, slug="e", region=None)
    response = client.get(call_index.url, {"region": "moskva"})
    shown = {page.pk for page in response.context["calls"]}
    assert shown == {in_moscow.pk, everywhere.pk}
    assert in_tatarstan.pk not in shown


def test_the_index_filters_by_audience(client, call_index):
    for_students = MentorCallPageFactory(parent=call_index, slug="s", audiences=[Audience.STUDENTS])
    MentorCallPageFactory(parent=call_index, slug="v", audiences=[Audience.VETERANS])
    both = MentorCallPageFactory(
        parent=call_index, slug="b", audiences=[Audience.VETERANS, Audience.STUDENTS]
    )
    response = client.get(call_index.url, {"audience": "students"})
    assert {page.pk for page in response.context["calls"]} == {for_students.pk, both.pk}


def test_the_index_shows_only_open_or_only_archived_calls(client, call_index):
    open_call = MentorCallPageFactory(parent=call_index, slug="o", deadline=in_days(5))
    closed_call = MentorCallPageFactory(parent=call_index, slug="c", deadline=in_days(-5))
    assert [p.pk for p in client.get(call_index.url, {"state": "open"}).context["calls"]] == [open_call.pk]
    assert [p.pk for p in client.get(call_index.url, {"state": "archive"}).context["calls"]] == [
        closed_call.pk
    ]


def test_wrong_filter_values_are_explained_not_a_server_error(client, call_index, call):
    response = client.get(call_index.url, {"region": "atlantida", "audience": "martians", "state": "x"})
    assert response.status_code == 200
    assert "Такого региона нет в списке" in response.text
    assert "Такого варианта нет — показаны призывы для всех" in response.text
    assert [page.pk for page in response.context["calls"]] == [call.pk]
    assert 'aria-describedby="id_region_error' in response.text


@pytest.mark.parametrize("count", [3, 30])
def test_the_index_needs_the_same_number_of_queries_for_3_and_30_calls(
    client, call_index, count, django_assert_num_queries
):
    make_calls(call_index, count // 2, deadline=in_days(10))
    make_calls(call_index, count - count // 2, deadline=in_days(-10))
    client.get(call_index.url)  # warm: renditions, settings rows
    with django_assert_num_queries(QUERIES_ON_INDEX):
        response = client.get(call_index.url)
    assert response.status_code == 200
    assert len(response.context["calls"]) == min(count, 12)


QUERIES_ON_INDEX = 17  # the footer reads the partners (home.Partner) too


def test_the_home_page_lists_open_calls_nearest_deadline_first(client, home_page, call_index):
    later = MentorCallPageFactory(parent=call_index, title="Позже", slug="later", deadline=in_days(50))
    sooner = MentorCallPageFactory(parent=call_index, title="Раньше", slug="sooner", deadline=in_days(5))
    MentorCallPageFactory(parent=call_index, title="Закрытый призыв", slug="closed", deadline=in_days(-1))
    response = client.get(home_page.url)
    html = response.text
    assert "Ищем наставников" in html
    assert html.index("Раньше") < html.index("Позже")
    assert "Закрытый призыв" not in html
    assert later.title in html and sooner.title in html


def test_the_home_page_has_no_section_without_open_calls(client, home_page, call_index):
    MentorCallPageFactory(parent=call_index, slug="closed", deadline=in_days(-1))
    assert "Ищем наставников" not in client.get(home_page.url).text


@pytest.mark.parametrize("count", [3, 30])
def test_the_home_page_section_queries_do_not_grow(
    client, home_page, call_index, count, django_assert_num_queries
):
    make_calls(call_index, count, deadline=in_days(10))
    # index, calls, view restrictions, audiences
    with django_assert_num_queries(4):
        section = mentor_calls_on_home_page(home_page, None)
    assert len(section["calls"]) == 3


def test_the_home_page_section_drops_a_call_at_midnight_without_any_edit(
    client, home_page, call_index, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the section's own cache (home/models/pages.py), keyed by the date
    MentorCallPageFactory(
        parent=call_index, title="Наставники для юных моряков", slug="moryaki", deadline=in_days(0)
    )
    assert "Наставники для юных моряков" in client.get(home_page.url).text
    assert "Наставники для юных моряков" in client.get(home_page.url).text  # now from the cache
    # Half an hour past midnight: well within the cache's lifetime, so only the date in the key can tell.
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with time_machine.travel(timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(0, 30)))):
        assert "Ищем наставников" not in client.get(home_page.url).text
