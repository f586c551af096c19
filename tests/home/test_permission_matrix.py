"""The permission matrix: every role × action, with the expected yes or no, through the admin's own URLs.

Each case logs in as one role (client.force_login), does the thing the way an editor would (posting the
admin's forms), and reads the result from the database: a page created, a title changed, a page live, a page
gone, an image stored, a status changed, rows in an export. A refusal may be a 403, a redirect or a form
error, but never a 500, and it must leave nothing behind. Test ids read like
«regional_editor-publish-other_region-no».

The world: two regions, each with a branch and a club of that branch (the regional editor edits the Moscow
branch: «own_region»; Sverdlovsk is «other_region»), a story, a story in moderation, applications to both
clubs, a mentor application, and a media collection per region. In the Moscow collection every role has
uploaded an image and a recording nobody uses («own_unused») and one that a live story uses
(«own_used_live»), and a photographer has uploaded one of each («someone_elses»).
"""

import csv
import io
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.blocks import StreamValue
from wagtail.models import Collection, Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest
from PIL import Image as PILImage
from wagtailmedia.models import Media

from clubs.factories import (
    BranchIndexPageFactory,
    BranchPageFactory,
    ClubApplicationFactory,
    ClubIndexPageFactory,
    ClubPageFactory,
    region,
)
from clubs.models import BranchPage, ClubApplication, ClubPage, Status
from clubs.regional_editors import region_collection
from home.factories import CustomImageFactory
from home.models import CustomImage
from mentors.factories import MentorApplicationFactory, MentorCallIndexPageFactory, MentorCallPageFactory
from stories.blocks import StoryBodyBlock
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from stories.models import StoryPage
from tests.support.shared_data import shared_data, shared_fixture

pytestmark = pytest.mark.django_db

ROLES = {
    "administrator": None,
    "chief_editor": "Главные редакторы",
    "regional_editor": "Региональные редакторы",
    "author": "Авторы",
    "club_coordinator": "Координаторы кружков",
    "mentor_coordinator": "Координаторы наставников",
}
OWN, OTHER = "moskva", "sverdlovskaya-oblast"
CLUB_APPLICATIONS = "/admin/club_applications/"
MENTOR_APPLICATIONS = "/admin/mentor_applications/"

# --- the expected matrix ------------------------------------------------------------------------------------
# (action, target) → the roles that may do it. Everything not listed is a "no".
ALL_EDITORS = {"administrator", "chief_editor"}
MEDIA_EDITORS = ALL_EDITORS | {"regional_editor"}
EXPECTED = {
    # Pages. Authors (Wagtail's "Editors") may add and edit any page, but every change of theirs stays a draft
    # until someone who may publish does so; they never publish, and may delete only their own drafts.
    ("create", "own_region"): ALL_EDITORS | {"regional_editor", "author"},
    ("create", "other_region"): ALL_EDITORS | {"author"},
    ("create", "story"): ALL_EDITORS | {"regional_editor", "author"},
    ("edit", "own_region"): ALL_EDITORS | {"regional_editor", "author"},
    ("edit", "own_branch"): ALL_EDITORS | {"regional_editor", "author"},
    ("edit", "other_region"): ALL_EDITORS | {"author"},
    ("edit", "other_branch"): ALL_EDITORS | {"author"},
    # A regional editor writes stories (their own drafts) but does not edit other people's.
    ("edit", "story"): ALL_EDITORS | {"author"},
    ("publish", "own_region"): ALL_EDITORS | {"regional_editor"},
    ("publish", "own_branch"): ALL_EDITORS | {"regional_editor"},
    ("publish", "other_region"): ALL_EDITORS,
    ("publish", "other_branch"): ALL_EDITORS,
    ("publish", "story"): ALL_EDITORS,
    ("delete", "own_region"): ALL_EDITORS | {"regional_editor"},
    # The branch itself (and so their own assignment) is deleted only by chief editors.
    ("delete", "own_branch"): ALL_EDITORS,
    ("delete", "other_region"): ALL_EDITORS,
    ("delete", "story"): ALL_EDITORS,
    ("approve", "story_in_moderation"): ALL_EDITORS,
    # Media: Wagtail's default editors' groups work in every collection, a regional editor in their region's.
    ("upload_image", "own_region"): ALL_EDITORS | {"regional_editor", "author"},
    ("upload_image", "other_region"): ALL_EDITORS | {"author"},
    # Applications of children: personal data, for coordinators of the club (and administrators) only.
    ("see_applications", "own_club"): {"administrator", "club_coordinator"},
    ("see_applications", "other_club"): {"administrator"},
    ("change_application", "own_club"): {"administrator", "club_coordinator"},
    ("change_application", "other_club"): {"administrator"},
    ("export_applications", "own_club"): {"administrator", "club_coordinator"},
    ("export_applications", "other_club"): {"administrator"},
    ("see_mentor_applications", "any"): {"administrator", "mentor_coordinator"},
    # Coordinators get children's personal data: only holders of «Может назначать доступ к персональным
    # данным» (administrators) see the field and choose them, only among the coordinators' group; a crafted
    # POST by anyone else changes nothing, and nobody outside the group can make themselves one.
    ("see_coordinators", "own_region"): {"administrator"},
    ("set_coordinators", "own_region"): {"administrator"},
    ("make_self_coordinator", "own_region"): set(),
    # A club's region is its branch's: posting another region changes nothing; moving the club to another
    # branch (chief editors) moves it to that branch's region.
    ("set_region", "own_region"): set(),
    ("move_to_other_branch", "own_region"): ALL_EDITORS,
    # Media in the Moscow collection. Uploaders («add», authors) change, replace or delete their own files
    # only while no live page uses them; «change» on the collection (chief editors, the region's editor)
    # covers everything in it.
    **{
        (action, target): MEDIA_EDITORS | ({"author"} if target == "own_unused" else set())
        for action in ("change_image", "replace_image", "delete_image", "change_media", "delete_media")
        for target in ("own_unused", "own_used_live", "someone_elses")
    },
}


def cases():
    for (action, target), allowed in EXPECTED.items():
        for role in ROLES:
            expected = role in allowed
            yield pytest.param(
                role, action, target, expected, id=f"{role}-{action}-{target}-{'yes' if expected else 'no'}"
            )


# --- the world ----------------------------------------------------------------------------------------------


class World:
    def fresh(self):
        """A copy with every object read again from the database: what one test caches on an instance
        (permissions, workflow states) or changes in memory never reaches the next test."""
        copy = World()
        for name, value in vars(self).items():
            setattr(copy, name, _reload(value))
        return copy


def _reload(obj):
    if isinstance(obj, dict):
        return {key: _reload(value) for key, value in obj.items()}
    return type(obj)._default_manager.get(pk=obj.pk)


# The world is the same for every case: built once for the module (tests/support/shared_data.py), and each
# case runs in its own savepoint, so what one case creates, changes or deletes is gone before the next.
@shared_fixture
def shared_world(django_db_setup, django_db_blocker):
    with shared_data(django_db_blocker) as unblocked:
        with unblocked():
            world = build_world(Site.objects.get(is_default_site=True).root_page.specific)
        yield world


@pytest.fixture
def world(shared_world, db):
    return shared_world.fresh()


def build_world(home_page):
    w = World()
    w.users = {}
    for role, group_name in ROLES.items():
        user = get_user_model().objects.create_user(
            username=role, email=f"{role}@example.org", password="x", is_superuser=group_name is None
        )
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        w.users[role] = user
    chief = w.users["chief_editor"]

    branch_index = BranchIndexPageFactory(parent=home_page, slug="otdeleniya")
    w.branch = {
        OWN: BranchPageFactory(
            parent=branch_index, slug="moskva", title="Отделение: Москва", region=region(OWN)
        ),
        OTHER: BranchPageFactory(
            parent=branch_index, slug="sverdlovsk", title="Отделение: Свердловская", region=region(OTHER)
        ),
    }
    own_branch = w.branch[OWN]
    own_branch.regional_editors.add(w.users["regional_editor"])
    own_branch.save_revision(user=chief).publish()

    w.club_index = ClubIndexPageFactory(parent=home_page, slug="kruzhki")
    w.club = {
        slug: ClubPageFactory(
            parent=w.club_index,
            slug=f"kruzhok-{slug}",
            title=f"Кружок {slug}",
            region=region(slug),
            branch=branch,
        )
        for slug, branch in w.branch.items()
    }
    w.club[OWN].coordinators.add(w.users["club_coordinator"])
    w.club[OWN].save()
    # Clubs to delete: without applications, which would (rightly) stop any deletion.
    w.empty_club = {
        slug: ClubPageFactory(
            parent=w.club_index,
            slug=f"pustoy-{slug}",
            title=f"Пустой {slug}",
            region=region(slug),
            branch=branch,
        )
        for slug, branch in w.branch.items()
    }
    w.application = {
        OWN: ClubApplicationFactory(club=w.club[OWN], child_name="Своя Заявка"),
        OTHER: ClubApplicationFactory(club=w.club[OTHER], child_name="Чужая Заявка"),
    }

    w.story_index = StoryIndexPageFactory(parent=home_page)
    w.story = StoryPageFactory(
        parent=w.story_index, title="История о сталеваре", slug="o-stalevare", owner=chief
    )
    w.story_in_moderation = StoryPageFactory(
        parent=w.story_index, title="История на модерации", slug="na-moderacii", live=False
    )
    workflow = w.story_in_moderation.get_workflow()
    assert workflow is not None, "stories must be moderated by a workflow"
    w.story_in_moderation.save_revision(user=w.users["author"])
    workflow.start(w.story_in_moderation, w.users["author"])

    call_index = MentorCallIndexPageFactory(parent=home_page, slug="nastavnikam")
    call = MentorCallPageFactory(parent=call_index, slug="prizyv")
    MentorApplicationFactory(call=call, full_name="Наставник Проверочный")

    w.collection = {slug: region_collection(region(slug)) for slug in (OWN, OTHER)}
    w.second_coordinator = get_user_model().objects.create_user(
        username="vtoroy_koordinator", email="vtoroy@example.org", first_name="Вера", last_name="Второва"
    )
    w.second_coordinator.groups.add(Group.objects.get(name="Координаторы кружков"))
    build_media(w, home_page=home_page)
    return w


def build_media(w, home_page):
    """Per uploader: an image and a recording nobody uses, and an image and a recording a live story uses."""
    photographer = get_user_model().objects.create_user(username="fotograf", password="x")
    photographer.groups.add(Group.objects.get(name="Авторы"))
    collection = w.collection[OWN]
    w.images, w.media = {}, {}
    for owner_name, owner in [*w.users.items(), ("someone_elses", photographer)]:
        images = {
            usage: CustomImageFactory(
                title=f"{owner_name} {usage}", collection=collection, uploaded_by_user=owner
            )
            for usage in ("unused", "used")
        }
        recordings = {
            usage: make_media(f"{owner_name} {usage}", collection, owner) for usage in ("unused", "used")
        }
        StoryPageFactory(
            parent=w.story_index,
            slug=f"oblozhka-{owner_name}".replace("_", "-"),
            cover_image=images["used"],
            body=StreamValue(
                StoryBodyBlock(),
                [("media", {"media": recordings["used"], "caption": "", "transcript": "Запись."})],
            ),
        )
        if owner_name == "someone_elses":
            w.images["someone_elses"], w.media["someone_elses"] = images["unused"], recordings["unused"]
        else:
            w.images[owner_name] = {"own_unused": images["unused"], "own_used_live": images["used"]}
            w.media[owner_name] = {"own_unused": recordings["unused"], "own_used_live": recordings["used"]}


def make_media(title, collection, owner):
    media = Media(title=title, type="video", collection=collection, uploaded_by_user=owner)
    media.file.save("zapis.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 100), save=False)
    media.save()
    return media


# --- how each action is done through the admin --------------------------------------------------------------


def no_server_error(response):
    assert response.status_code < 500, response.status_code
    return response


def club_form(club=None, **overrides):
    data = {
        "title": club.title if club else "Новый кружок",
        "slug": club.slug if club else "novyy-kruzhok",
        "intro": "Кружок для тех, кто любит технику.",
        "photos": inline_formset([]),
        "direction": "technical",
        "age_min": 10,
        "age_max": 16,
        "format": "in_person",
        "is_free": "on",
        "region": club.region_id if club else region(OWN).pk,
        "city": "Москва",
        "address": "ул. Ленина, д. 10",
        "schedule": "Вторник, 16:00",
        "capacity": 15,
        "accepting_applications": "on",
        "leader_name": "Петров Пётр Петрович",
        "email": "kruzhok@example.org",
        "branch": club.branch_id if club else "",
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    data = nested_form_data(data)
    # A list in nested_form_data becomes numbered keys; a multiple choice is posted as repeated values.
    data["coordinators"] = [str(user.pk) for user in club.coordinators.all()] if club else []
    return data


def branch_form(branch, **overrides):
    data = {
        "title": branch.title,
        "slug": branch.slug,
        "level": branch.level,
        "region": branch.region_id,
        "city": branch.city,
        "address": branch.address,
        "head_name": branch.head_name,
        "intro": branch.intro,
        "body": streamfield([]),
        "documents": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    data = nested_form_data(data)
    data["regional_editors"] = [str(user.pk) for user in branch.regional_editors.all()]
    return data


def story_form(story=None, **overrides):
    data = {
        "title": story.title if story else "Новая история",
        "slug": story.slug if story else "novaya-istoriya",
        "lead": "О человеке труда.",
        "kind": "story",
        "date": "2026-01-15",
        "story_heroes": inline_formset([]),
        "tags": "",
        "body": streamfield([("paragraph", rich_text("<p>Текст истории.</p>"))]),
        "participants": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def page_for(world, target):
    return {
        "own_region": world.club[OWN],
        "other_region": world.club[OTHER],
        "own_branch": world.branch[OWN],
        "other_branch": world.branch[OTHER],
        "story": world.story,
    }[target]


def form_for(page, **overrides):
    page = page.specific
    if isinstance(page, ClubPage):
        return club_form(page, **overrides)
    if isinstance(page, BranchPage):
        return branch_form(page, **overrides)
    return story_form(page, **overrides)


def do_create(client, world, target):
    if target == "story":
        data = story_form(title="Новая история региона")
        no_server_error(client.post(f"/admin/pages/add/stories/storypage/{world.story_index.pk}/", data))
        return StoryPage.objects.filter(title="Новая история региона").exists()
    slug = OWN if target == "own_region" else OTHER
    data = club_form(title="Новый кружок", branch=world.branch[slug].pk, region=region(slug).pk)
    no_server_error(client.post(f"/admin/pages/add/clubs/clubpage/{world.club_index.pk}/", data))
    return ClubPage.objects.filter(title="Новый кружок").exists()


def do_edit(client, world, target):
    """Saves a draft with a new title: the page's latest revision holds it."""
    page = page_for(world, target)
    no_server_error(
        client.post(f"/admin/pages/{page.pk}/edit/", form_for(page, title="Исправленный заголовок"))
    )
    page = Page.objects.get(pk=page.pk)
    return page.get_latest_revision_as_object().title == "Исправленный заголовок"


def do_publish(client, world, target):
    """Publishes a new title: the live page carries it."""
    page = page_for(world, target)
    data = form_for(page, title="Опубликованный заголовок")
    data["action-publish"] = "action-publish"
    no_server_error(client.post(f"/admin/pages/{page.pk}/edit/", data))
    page = Page.objects.get(pk=page.pk)
    return page.live and page.title == "Опубликованный заголовок"


def do_delete(client, world, target):
    page = {
        "own_region": world.empty_club[OWN],
        "other_region": world.empty_club[OTHER],
        "own_branch": world.branch[OWN],
        "story": world.story,
    }[target]
    no_server_error(client.post(f"/admin/pages/{page.pk}/delete/"))
    return not Page.objects.filter(pk=page.pk).exists()


def do_approve(client, world, target):
    page = world.story_in_moderation
    task_state = page.current_workflow_task_state
    no_server_error(
        client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""})
    )
    task_state.refresh_from_db()
    return task_state.status == task_state.STATUS_APPROVED


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def do_upload_image(client, world, target):
    collection = world.collection[OWN if target == "own_region" else OTHER]
    data = {
        "title": "Фото кружка",
        "file": SimpleUploadedFile("kruzhok.png", png_bytes(), content_type="image/png"),
        "collection": collection.pk,
        "description": "Дети собирают модель самолёта",
        "credit": "Фото: отделение",
        "tags": "",
    }
    no_server_error(client.post("/admin/images/add/", data))
    return CustomImage.objects.filter(title="Фото кружка", collection=collection).exists()


def _application(world, target):
    return world.application[OWN if target == "own_club" else OTHER]


def do_see_applications(client, world, target):
    application = _application(world, target)
    detail = no_server_error(client.get(f"{CLUB_APPLICATIONS}edit/{application.pk}/"))
    listing = no_server_error(client.get(CLUB_APPLICATIONS))
    seen_in_listing = listing.status_code == 200 and application.child_name in listing.text
    seen_alone = detail.status_code == 200 and application.child_name in detail.text
    assert seen_in_listing == seen_alone
    return seen_alone


def do_change_application(client, world, target):
    application = _application(world, target)
    no_server_error(client.post(f"{CLUB_APPLICATIONS}edit/{application.pk}/", {"status": Status.CONTACTED}))
    return ClubApplication.objects.get(pk=application.pk).status == Status.CONTACTED


def do_export_applications(client, world, target):
    application = _application(world, target)
    response = no_server_error(client.get(CLUB_APPLICATIONS, {"export": "csv"}))
    if response.status_code != 200 or "text/csv" not in response.get("Content-Type", ""):
        return False
    rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    return any(application.child_name in row for row in rows)


def _own_club_edit(client, world, coordinators=None, **overrides):
    """Publishes the own region's club with these changes (a draft for those who may not publish)."""
    club = world.club[OWN]
    data = club_form(club, **overrides)
    if coordinators is not None:
        data["coordinators"] = [str(pk) for pk in coordinators]
    data["action-publish"] = "action-publish"
    return no_server_error(client.post(f"/admin/pages/{club.pk}/edit/", data))


def _coordinator_ids(world):
    """The coordinators in effect (live) and those in the latest draft."""
    club = ClubPage.objects.get(pk=world.club[OWN].pk)
    drafted = club.get_latest_revision_as_object()
    return {user.pk for user in club.coordinators.all()} | {user.pk for user in drafted.coordinators.all()}


def do_see_coordinators(client, world, target):
    response = no_server_error(client.get(f"/admin/pages/{world.club[OWN].pk}/edit/"))
    return response.status_code == 200 and 'name="coordinators"' in response.text


def do_set_coordinators(client, world, target):
    """Adds a member of the coordinators' group, by a crafted POST where the field is not offered."""
    current = [user.pk for user in world.club[OWN].coordinators.all()]
    _own_club_edit(client, world, coordinators=[*current, world.second_coordinator.pk])
    return world.second_coordinator.pk in _coordinator_ids(world)


def do_make_self_coordinator(client, world, target):
    me = world.users[world.role]
    before = _coordinator_ids(world)
    _own_club_edit(client, world, coordinators=[*before, me.pk])
    return me.pk in _coordinator_ids(world) - before


def do_set_region(client, world, target):
    _own_club_edit(client, world, region=region(OTHER).pk)
    club = ClubPage.objects.get(pk=world.club[OWN].pk)
    return (
        club.region_id == region(OTHER).pk
        or club.get_latest_revision_as_object().region_id == region(OTHER).pk
    )


def do_move_to_other_branch(client, world, target):
    _own_club_edit(client, world, branch=world.branch[OTHER].pk)
    club = ClubPage.objects.get(pk=world.club[OWN].pk)
    return club.branch_id == world.branch[OTHER].pk and club.region_id == region(OTHER).pk


def _image(world, target):
    return world.images[target] if target == "someone_elses" else world.images[world.role][target]


def _recording(world, target):
    return world.media[target] if target == "someone_elses" else world.media[world.role][target]


def _image_form(image, **overrides):
    return {
        "title": image.title,
        "collection": image.collection_id,
        "description": image.description,
        "credit": image.credit,
        "tags": "",
        **overrides,
    }


def do_change_image(client, world, target):
    """The alt text, as an author changed a published story's cover."""
    image = _image(world, target)
    no_server_error(client.post(f"/admin/images/{image.pk}/", _image_form(image, description="Подмена")))
    return CustomImage.objects.get(pk=image.pk).description == "Подмена"


def do_replace_image(client, world, target):
    image = _image(world, target)
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), "black").save(buffer, format="PNG")
    new_file = SimpleUploadedFile("podmena.png", buffer.getvalue(), content_type="image/png")
    no_server_error(client.post(f"/admin/images/{image.pk}/", _image_form(image, file=new_file)))
    return CustomImage.objects.get(pk=image.pk).width == 64


def do_delete_image(client, world, target):
    image = _image(world, target)
    no_server_error(client.post(f"/admin/images/{image.pk}/delete/"))
    return not CustomImage.objects.filter(pk=image.pk).exists()


def do_change_media(client, world, target):
    media = _recording(world, target)
    data = {"title": "Подменённая запись", "collection": media.collection_id, "duration": "12", "tags": ""}
    no_server_error(client.post(f"/admin/media/edit/{media.pk}/", data))
    return Media.objects.get(pk=media.pk).title == "Подменённая запись"


def do_delete_media(client, world, target):
    media = _recording(world, target)
    no_server_error(client.post(f"/admin/media/delete/{media.pk}/"))
    return not Media.objects.filter(pk=media.pk).exists()


def do_see_mentor_applications(client, world, target):
    response = no_server_error(client.get(MENTOR_APPLICATIONS))
    return response.status_code == 200 and "Наставник Проверочный" in response.text


ACTIONS = {
    "create": do_create,
    "edit": do_edit,
    "publish": do_publish,
    "delete": do_delete,
    "approve": do_approve,
    "upload_image": do_upload_image,
    "see_applications": do_see_applications,
    "change_application": do_change_application,
    "export_applications": do_export_applications,
    "see_mentor_applications": do_see_mentor_applications,
    "see_coordinators": do_see_coordinators,
    "set_coordinators": do_set_coordinators,
    "make_self_coordinator": do_make_self_coordinator,
    "set_region": do_set_region,
    "move_to_other_branch": do_move_to_other_branch,
    "change_image": do_change_image,
    "replace_image": do_replace_image,
    "delete_image": do_delete_image,
    "change_media": do_change_media,
    "delete_media": do_delete_media,
}


@pytest.mark.parametrize(("role", "action", "target", "expected"), list(cases()))
def test_permission_matrix(client, world, role, action, target, expected):
    client.force_login(world.users[role])
    world.role = role
    assert ACTIONS[action](client, world, target) is expected


def test_the_matrix_covers_every_role_and_action():
    assert {action for action, _target in EXPECTED} == set(ACTIONS)
    assert all(role in ROLES for allowed in EXPECTED.values() for role in allowed)
    assert len(list(itertools.islice(cases(), 1000))) == len(EXPECTED) * len(ROLES)


def test_every_region_with_a_branch_has_its_collection(world):
    assert Collection.objects.filter(name="Регионы").exists()
    assert {c.name for c in Collection.objects.get(name="Регионы").get_children()} == {
        "Москва",
        "Свердловская область",
    }
