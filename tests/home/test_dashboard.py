"""The admin dashboard shows each role what it must act on, and nothing that belongs to another role."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from clubs.factories import ClubApplicationFactory, ClubIndexPageFactory, ClubPageFactory
from mentors.factories import MentorApplicationFactory, MentorCallIndexPageFactory, MentorCallPageFactory
from stories.factories import StoryIndexPageFactory, StoryPageFactory

DRAFTS = "Мои черновики и страницы на утверждении"
AWAITING_REVIEW = "В ожидании вашего отзыва"
RECENT_EDITS = "Ваши последние правки"
CLUB_APPLICATIONS = "Заявки в кружки без ответа"
MENTOR_APPLICATIONS = "Новые заявки наставников"


def make_user(username, group_name):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="x", first_name=username
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def people(db):
    return {
        "chief": make_user("glavred", "Главные редакторы"),
        "author": make_user("avtor", "Авторы"),
        "coordinator": make_user("koordinator", "Координаторы кружков"),
        "mentor_coordinator": make_user("nastavniki", "Координаторы наставников"),
    }


@pytest.fixture
def story_index(home_page):
    return StoryIndexPageFactory(parent=home_page)


def draft_story(story_index, author, title, slug):
    story = StoryPageFactory(parent=story_index, title=title, slug=slug, live=False, owner=author)
    story.save_revision(user=author, log_action=True)
    return story


@pytest.fixture
def work(people, home_page, story_index):
    author = people["author"]
    draft_story(story_index, author, "Набросок о сталеварах", "nabrosok")
    submitted = draft_story(story_index, author, "Мастер золотые руки", "master")
    submitted.get_workflow().start(submitted, author)

    club_index = ClubIndexPageFactory(parent=home_page, slug="kruzhki")
    club = ClubPageFactory(parent=club_index, title="Юный техник", slug="yunyy-tehnik")
    club.coordinators.add(people["coordinator"])
    club.save()
    ClubApplicationFactory(club=club)

    call_index = MentorCallIndexPageFactory(parent=home_page, slug="nastavnikam")
    call = MentorCallPageFactory(parent=call_index, slug="prizyv")
    MentorApplicationFactory(call=call)
    MentorApplicationFactory(call=call)
    return submitted


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_author_sees_their_drafts_and_submitted_pages_with_their_state(client, people, work):
    html = dashboard(client, people["author"])
    assert DRAFTS in html
    drafts_panel = html[html.index(DRAFTS) :]
    assert "Набросок о сталеварах" in drafts_panel
    assert "Черновик" in drafts_panel
    assert "Мастер золотые руки" in drafts_panel
    assert "На утверждении" in drafts_panel
    assert RECENT_EDITS in html
    for other in (AWAITING_REVIEW, CLUB_APPLICATIONS, MENTOR_APPLICATIONS):
        assert other not in html


def test_a_story_returned_for_changes_says_so(client, people, work):
    state = work.current_workflow_state
    state.current_task_state.task.specific.on_action(
        state.current_task_state, people["chief"], "reject", comment="Уточните даты"
    )
    html = dashboard(client, people["author"])
    assert "Возвращена на доработку" in html[html.index(DRAFTS) :]


def test_chief_editor_sees_what_awaits_their_approval(client, people, work):
    html = dashboard(client, people["chief"])
    assert AWAITING_REVIEW in html
    assert "Мастер золотые руки" in html[html.index(AWAITING_REVIEW) :]
    assert "Набросок о сталеварах" not in html  # a draft not submitted is the author's own business
    for other in (CLUB_APPLICATIONS, MENTOR_APPLICATIONS):
        assert other not in html


def test_club_coordinator_sees_their_new_applications_only(client, people, work):
    html = dashboard(client, people["coordinator"])
    assert CLUB_APPLICATIONS in html
    assert "Новых заявок: <strong>1</strong>" in html
    for other in (DRAFTS, AWAITING_REVIEW, MENTOR_APPLICATIONS, "Мастер золотые руки"):
        assert other not in html


def test_mentor_coordinator_sees_new_mentor_applications(client, people, work):
    html = dashboard(client, people["mentor_coordinator"])
    assert MENTOR_APPLICATIONS in html
    assert "Новых заявок: <strong>2</strong>" in html
    assert "/admin/mentor_applications/?status=new" in html
    for other in (DRAFTS, AWAITING_REVIEW, CLUB_APPLICATIONS, "Мастер золотые руки"):
        assert other not in html


def test_the_dashboard_makes_as_many_queries_for_many_drafts_as_for_few(client, people, story_index):
    author = people["author"]
    client.force_login(author)

    def queries():
        client.get("/admin/")  # warm-up: sessions, content types, the user's permissions
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/admin/").status_code == 200
        return len(captured)

    for number in range(3):
        draft_story(story_index, author, f"Черновик {number}", f"draft-{number}")
    few = queries()
    for number in range(3, 15):
        draft_story(story_index, author, f"Черновик {number}", f"draft-{number}")
    many = queries()
    assert many == few
    html = client.get("/admin/").content.decode()
    assert "Показаны 10 последних из 15." in html
    assert Page.objects.filter(owner=author, live=False).count() == 15


def test_the_chief_editors_comment_reaches_the_author_on_the_dashboard_and_editor(client, people, work):
    chief = people["chief"]
    chief.last_name = "Смирнова"
    chief.first_name = "Анна"
    chief.save()
    state = work.current_workflow_state
    state.current_task_state.task.specific.on_action(
        state.current_task_state, chief, "reject", comment="Уточните даты в третьем абзаце"
    )
    html = dashboard(client, people["author"])
    drafts_panel = html[html.index(DRAFTS) :]
    assert "Анна Смирнова" in drafts_panel
    assert "вернул(а) страницу на доработку: «Уточните даты в третьем абзаце»" in drafts_panel

    editor = client.get(f"/admin/pages/{work.pk}/edit/").content.decode()
    messages = editor[editor.index('class="messages"') :]
    assert "«Уточните даты в третьем абзаце»" in messages[:3000]
    # Once resubmitted, the request is answered: it leaves the dashboard and the editor.
    work.current_workflow_state.resume(people["author"])
    assert "Уточните даты" not in dashboard(client, people["author"])
    assert "Уточните даты" not in client.get(f"/admin/pages/{work.pk}/edit/").content.decode()
