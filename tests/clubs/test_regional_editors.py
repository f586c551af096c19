"""Regional editors: one action on the branch page assigns (and removing undoes) everything; what they see.

The yes/no of each action lives in tests/home/test_permission_matrix.py; here is the machinery around it.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Collection, GroupCollectionPermission, ReferenceIndex
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from clubs.factories import (
    BranchIndexPageFactory,
    BranchPageFactory,
    ClubApplicationFactory,
    ClubPageFactory,
    region,
)
from clubs.models import BranchPage, ClubPage
from clubs.regional_editors import REGIONAL_EDITORS_GROUP, region_collection

pytestmark = pytest.mark.django_db

MEDIA_CODENAMES = {
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
    "add_media",
    "change_media",
}


@pytest.fixture
def branch_index(home_page):
    return BranchIndexPageFactory(parent=home_page, slug="otdeleniya")


@pytest.fixture
def branch(branch_index):
    return BranchPageFactory(
        parent=branch_index, slug="moskva", title="Отделение: Москва", region=region("moskva")
    )


@pytest.fixture
def other_branch(branch_index):
    return BranchPageFactory(
        parent=branch_index, slug="tver", title="Отделение: Тверь", region=region("tverskaya-oblast")
    )


@pytest.fixture
def chief(client):
    user = get_user_model().objects.create_user("chief", "chief@example.org", "x")
    user.groups.add(Group.objects.get(name="Главные редакторы"))
    return user


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("ivanova", "ivanova@example.org", "x", first_name="Мария")


def branch_form(branch, editors, **overrides):
    data = {
        "title": branch.title,
        "slug": branch.slug,
        "level": branch.level,
        "region": branch.region_id,
        "city": branch.city,
        "address": branch.address,
        "body": streamfield([]),
        "documents": streamfield([]),
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    data = nested_form_data(data)
    # A list in nested_form_data becomes numbered keys; a multiple choice is posted as repeated values.
    data["regional_editors"] = [str(user.pk) for user in editors]
    return data


def media_group(region_slug):
    return Group.objects.get(name=f"Региональные редакторы: {region(region_slug).name}")


def test_the_group_exists_and_chief_editors_may_assign():
    group = Group.objects.get(name=REGIONAL_EDITORS_GROUP)
    assert set(group.permissions.values_list("codename", flat=True)) == {"access_admin"}
    chiefs = Group.objects.get(name="Главные редакторы")
    assert chiefs.permissions.filter(codename="assign_regional_editors").exists()


def test_saving_a_branch_creates_its_regions_collection_with_a_media_group(branch):
    collection = Collection.objects.get(name="Москва")
    assert collection.get_parent().name == "Регионы"
    permissions = GroupCollectionPermission.objects.filter(group=media_group("moskva"), collection=collection)
    assert set(permissions.values_list("permission__codename", flat=True)) == MEDIA_CODENAMES
    # Saving again (or a second branch in the region) makes no second collection.
    branch.save_revision().publish()
    assert Collection.objects.filter(name="Москва").count() == 1


def test_choosing_a_user_on_the_branch_page_is_the_one_action(client, chief, editor, branch):
    client.force_login(chief)
    response = client.post(f"/admin/pages/{branch.pk}/edit/", branch_form(branch, [editor]))
    assert response.status_code == 302
    assert editor.groups.filter(name=REGIONAL_EDITORS_GROUP).exists()
    assert media_group("moskva").user_set.filter(pk=editor.pk).exists()
    assert list(BranchPage.objects.filter(regional_editors=editor)) == [branch]

    # Removing them undoes it all.
    response = client.post(f"/admin/pages/{branch.pk}/edit/", branch_form(branch, []))
    assert response.status_code == 302
    assert not editor.groups.filter(name=REGIONAL_EDITORS_GROUP).exists()
    assert not media_group("moskva").user_set.filter(pk=editor.pk).exists()


def test_an_editor_of_two_branches_keeps_the_role_when_removed_from_one(
    client, chief, editor, branch, other_branch
):
    client.force_login(chief)
    client.post(f"/admin/pages/{branch.pk}/edit/", branch_form(branch, [editor]))
    client.post(f"/admin/pages/{other_branch.pk}/edit/", branch_form(other_branch, [editor]))
    client.post(f"/admin/pages/{branch.pk}/edit/", branch_form(branch, []))
    assert editor.groups.filter(name=REGIONAL_EDITORS_GROUP).exists()
    assert not media_group("moskva").user_set.filter(pk=editor.pk).exists()
    assert media_group("tverskaya-oblast").user_set.filter(pk=editor.pk).exists()


def test_a_draft_assignment_takes_effect_only_when_published(client, chief, editor, branch):
    client.force_login(chief)
    data = branch_form(branch, [editor])
    del data["action-publish"]
    client.post(f"/admin/pages/{branch.pk}/edit/", data)
    assert not editor.groups.filter(name=REGIONAL_EDITORS_GROUP).exists()


def test_deleting_the_branch_releases_its_editors(client, chief, editor, branch):
    client.force_login(chief)
    client.post(f"/admin/pages/{branch.pk}/edit/", branch_form(branch, [editor]))
    response = client.post(f"/admin/pages/{branch.pk}/delete/")
    assert response.status_code == 302
    assert not BranchPage.objects.filter(pk=branch.pk).exists()
    assert not editor.groups.filter(name__startswith=REGIONAL_EDITORS_GROUP).exists()


@pytest.fixture
def regional(client, chief, editor, branch):
    client.force_login(chief)
    client.post(f"/admin/pages/{branch.pk}/edit/", branch_form(branch, [editor]))
    client.force_login(editor)
    return editor


def test_a_regional_editor_cannot_assign_editors_nor_move_the_branch_to_another_region(
    client, regional, branch
):
    html = client.get(f"/admin/pages/{branch.pk}/edit/").text
    assert 'name="regional_editors"' not in html and 'name="region"' not in html
    intruder = get_user_model().objects.create_user("intruder", "intruder@example.org", "x")
    data = branch_form(branch, [regional, intruder], region=region("tverskaya-oblast").pk)
    assert client.post(f"/admin/pages/{branch.pk}/edit/", data).status_code == 302
    branch.refresh_from_db()
    assert branch.region.slug == "moskva"
    assert list(get_user_model().objects.filter(edited_branches=branch)) == [regional]
    assert not intruder.groups.exists()


def test_a_regional_editor_is_told_to_choose_their_own_branch_for_a_new_club(
    client, regional, branch, other_branch, home_page
):
    from clubs.factories import ClubIndexPageFactory

    index = ClubIndexPageFactory(parent=home_page, slug="kruzhki")
    data = nested_form_data(
        {
            "title": "Чужой кружок",
            "slug": "chuzhoy",
            "intro": "Вступление",
            "photos": inline_formset([]),
            "direction": "technical",
            "age_min": 10,
            "age_max": 16,
            "format": "in_person",
            "region": region("tverskaya-oblast").pk,
            "city": "Тверь",
            "schedule": "Вторник",
            "capacity": 10,
            "leader_name": "Петров",
            "branch": other_branch.pk,
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    response = client.post(f"/admin/pages/add/clubs/clubpage/{index.pk}/", data)
    assert response.status_code == 200
    assert "Выберите отделение, которое вы ведёте: Отделение: Москва." in response.text
    assert not ClubPage.objects.filter(slug="chuzhoy").exists()


def test_a_regional_editors_new_club_is_in_their_branchs_region_whatever_is_posted(
    client, regional, branch, home_page
):
    from clubs.factories import ClubIndexPageFactory

    index = ClubIndexPageFactory(parent=home_page, slug="kruzhki")
    form = client.get(f"/admin/pages/add/clubs/clubpage/{index.pk}/")
    assert form.context["form"].fields["region"].disabled
    assert "Регион кружка — регион его отделения." in form.text
    data = nested_form_data(
        {
            "title": "Свой кружок",
            "slug": "svoy",
            "intro": "Вступление",
            "photos": inline_formset([]),
            "direction": "technical",
            "age_min": 10,
            "age_max": 16,
            "format": "in_person",
            "region": region("tverskaya-oblast").pk,
            "city": "Москва",
            "schedule": "Вторник",
            "capacity": 10,
            "leader_name": "Петров",
            "branch": branch.pk,
            "body": streamfield([]),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    assert client.post(f"/admin/pages/add/clubs/clubpage/{index.pk}/", data).status_code == 302
    assert ClubPage.objects.get(slug="svoy").region.slug == "moskva"


def test_the_regional_editor_explores_their_pages_from_the_pages_menu(client, regional, branch, home_page):
    from clubs.factories import ClubIndexPageFactory

    index = ClubIndexPageFactory(parent=home_page, slug="kruzhki")
    ClubPageFactory(parent=index, slug="svoy", title="Свой кружок", branch=branch)
    ClubPageFactory(parent=index, slug="chuzhoy", title="Чужой кружок")
    html = client.get(f"/admin/pages/{index.pk}/").text
    assert "Свой кружок" in html
    assert client.get(f"/admin/pages/{branch.pk}/edit/").status_code == 200


def test_their_upload_form_offers_only_their_regions_collection(client, regional, branch, other_branch):
    form = client.get("/admin/images/add/").context["form"]
    # With one collection to offer, Wagtail hides the field and files the image there.
    assert list(form.collections) == [region_collection(region("moskva"))]


# --- a club with applications cannot be deleted -------------------------------------------------------------


def test_a_club_with_applications_cannot_be_deleted_and_the_admin_says_why(client, chief, home_page):
    from clubs.factories import ClubIndexPageFactory

    index = ClubIndexPageFactory(parent=home_page, slug="kruzhki")
    club = ClubPageFactory(parent=index, slug="yunyy-tehnik", title="Юный техник")
    ClubApplicationFactory(club=club)
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "x"))
    for page in (club, index):
        response = client.post(f"/admin/pages/{page.pk}/delete/", follow=True)
        assert response.status_code == 200
        assert "Кружок «Юный техник» нельзя удалить: в него поданы заявки" in response.text
    # In bulk, Wagtail itself refuses when its reference index knows the application; applications it never
    # saw (bulk-created, older) are refused by our hook.
    ReferenceIndex.objects.all().delete()
    response = client.post(f"/admin/bulk/wagtailcore/page/delete/?id={club.pk}", follow=True)
    assert response.status_code == 200
    assert "нельзя удалить" in response.text
    assert ClubPage.objects.filter(pk=club.pk).exists()


def test_a_regional_editor_submits_a_story_for_moderation_but_cannot_publish_it(client, regional, home_page):
    from wagtail.test.utils.form_data import rich_text

    from stories.factories import StoryIndexPageFactory
    from stories.models import StoryPage

    index = StoryIndexPageFactory(parent=home_page)
    data = nested_form_data(
        {
            "title": "Уральский сталевар",
            "slug": "uralskiy-stalevar",
            "lead": "О мастере с Урала.",
            "kind": "story",
            "date": "2026-01-15",
            "story_heroes": inline_formset([]),
            "tags": "",
            "body": streamfield([("paragraph", rich_text("<p>Текст истории.</p>"))]),
            "participants": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    published = dict(data, **{"action-publish": "action-publish"})
    client.post(f"/admin/pages/add/stories/storypage/{index.pk}/", published)
    story = StoryPage.objects.get(slug="uralskiy-stalevar")
    assert not story.live

    submitted = dict(data, **{"action-submit": "action-submit"})
    response = client.post(f"/admin/pages/{story.pk}/edit/", submitted)
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.workflow_in_progress and not story.live
    assert story.current_workflow_state.requested_by == regional


def test_a_clubs_region_follows_its_branch_whatever_is_saved(club, branch):
    club.branch = branch
    club.region = region("tverskaya-oblast")
    club.save()
    assert ClubPage.objects.get(pk=club.pk).region.slug == "moskva"


def test_moving_a_branch_to_another_region_moves_its_clubs(club, branch):
    club.branch = branch
    club.save()
    branch.region = region("tverskaya-oblast")
    branch.save()
    assert ClubPage.objects.get(pk=club.pk).region.slug == "tverskaya-oblast"


def test_the_dashboard_leads_a_regional_editor_to_their_branch_and_clubs(client, regional, branch, home_page):
    from clubs.factories import ClubIndexPageFactory
    from tests.support.admin_crawl import urls_in_menu

    index = ClubIndexPageFactory(parent=home_page, slug="kruzhki")
    own = ClubPageFactory(parent=index, slug="svoy", title="Свой кружок", branch=branch)
    ClubPageFactory(parent=index, slug="chuzhoy", title="Чужой кружок")
    html = client.get("/admin/").text
    # The Pages menu is there (it leads to the explorer, which shows only their pages).
    assert "/admin/pages/" in urls_in_menu(html)
    panel = html[html.index("Мои отделения и кружки") :]
    assert f'href="/admin/pages/{branch.pk}/edit/"' in panel
    assert f'href="/admin/pages/{own.pk}/edit/"' in panel and "Свой кружок" in panel
    assert "Чужой кружок" not in html
    assert f'href="/admin/pages/add/clubs/clubpage/{index.pk}/"' in panel
    assert f'href="/admin/pages/{index.pk}/"' in panel
    explorer = client.get(f"/admin/pages/{index.pk}/").text
    assert "Свой кружок" in explorer and "Чужой кружок" not in explorer
    assert client.get(f"/admin/pages/add/clubs/clubpage/{index.pk}/").status_code == 200


def test_others_have_no_branches_panel(client, chief, branch):
    client.force_login(chief)
    assert "Мои отделения и кружки" not in client.get("/admin/").text
