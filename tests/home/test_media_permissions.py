"""Authors change their own media only while no live page uses it (home/media_permissions.py), and still
choose anybody's media for their drafts. The yes/no per role and action is in test_permission_matrix.py."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.models import Collection, GroupCollectionPermission
from wagtail.permissions import policy_registry

import pytest
from wagtailmedia.models import Media

from home.factories import CustomImageFactory
from home.models import CustomImage
from stories.factories import StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def member(username, group_name):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def author(client):
    user = member("avtor", "Авторы")
    client.force_login(user)
    return user


@pytest.fixture
def story_index(home_page):
    return StoryIndexPageFactory(parent=home_page)


def recording(owner, title="Запись"):
    media = Media(
        title=title, type="audio", collection=Collection.get_first_root_node(), uploaded_by_user=owner
    )
    media.file.save("zapis.mp3", ContentFile(b"ID3" + b"\x00" * 64), save=False)
    media.save()
    return media


def test_authors_hold_add_and_choose_but_no_change_or_delete():
    codenames = set(
        GroupCollectionPermission.objects.filter(group__name="Авторы").values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_image", "choose_image", "add_document", "choose_document", "add_media"} <= codenames
    assert not {c for c in codenames if c.startswith(("change_", "delete_"))}


def test_a_cover_used_only_by_a_draft_stays_the_authors_to_change(author, story_index):
    image = CustomImageFactory(uploaded_by_user=author)
    draft = StoryPageFactory(parent=story_index, slug="chernovik", cover_image=image, live=False)
    policy = policy_registry.get_by_type(CustomImage)
    assert policy.user_has_permission_for_instance(author, "change", image)

    draft.save_revision(user=author).publish()
    assert not policy.user_has_permission_for_instance(author, "change", image)
    assert not policy.user_has_permission_for_instance(author, "delete", image)
    assert policy.user_has_permission_for_instance(author, "choose", image)


def test_the_authors_library_lists_only_what_they_may_still_change(client, author, story_index):
    free = CustomImageFactory(title="Свободное фото", uploaded_by_user=author)
    published = CustomImageFactory(title="Опубликованная обложка", uploaded_by_user=author)
    StoryPageFactory(parent=story_index, slug="opublikovana", cover_image=published)
    listing = client.get("/admin/images/").text
    assert "Свободное фото" in listing and "Опубликованная обложка" not in listing
    assert free.pk
    # The chooser still offers both: «choose» covers every collection.
    chooser = client.get("/admin/images/chooser/").json()["html"]
    assert "Свободное фото" in chooser and "Опубликованная обложка" in chooser


def test_authors_still_choose_anybodys_recording_for_their_drafts(client, author):
    chief = member("glavred", "Главные редакторы")
    theirs = recording(chief, "Запись главреда")
    chooser = client.get("/admin/media/chooser/")
    assert chooser.status_code == 200 and "Запись главреда" in chooser.json()["html"]
    assert client.get(f"/admin/media/chooser/{theirs.pk}/").json()["step"] == "media_chosen"
    # ...but cannot edit it.
    assert client.get(f"/admin/media/edit/{theirs.pk}/").status_code in (302, 403)


def test_a_document_on_a_live_branch_page_is_not_the_authors_to_change_any_more(client, author, home_page):
    from wagtail.documents import get_document_model

    from clubs.factories import BranchIndexPageFactory, BranchPageFactory

    Document = get_document_model()
    document = Document(
        title="Положение", collection=Collection.get_first_root_node(), uploaded_by_user=author
    )
    document.file.save("polozhenie.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    assert client.get(f"/admin/documents/edit/{document.pk}/").status_code == 200

    branches = BranchIndexPageFactory(parent=home_page, slug="otdeleniya")
    BranchPageFactory(
        parent=branches, slug="moskva", documents=[("document", {"document": document, "title": ""})]
    )
    response = client.get(f"/admin/documents/edit/{document.pk}/")
    assert response.status_code in (302, 403)
    client.post(f"/admin/documents/delete/{document.pk}/")
    assert Document.objects.filter(pk=document.pk).exists()
