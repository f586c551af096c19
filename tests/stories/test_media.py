"""Audio and video in stories: uploads to the media library are limited by format, content and size (a refused
file leaves nothing behind), and the «Видео и аудио» block plays them with controls, a caption and a
transcript, never by itself."""

import json

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from wagtail.blocks import StreamValue, StructBlockValidationError
from wagtail.models import Collection

import pytest
from wagtailmedia.models import Media

from stories.blocks import StoryBodyBlock, StoryMediaBlock
from stories.factories import StoryPageFactory
from stories.models import StoryPage

MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 200
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 800
WEBM = b"\x1a\x45\xdf\xa3" + b"\x00" * 800


@pytest.fixture
def admin_client(client, db):
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "x"))
    return client


def upload(client, kind, name, content, **fields):
    data = {
        "title": fields.pop("title", "Запись"),
        "file": SimpleUploadedFile(name, content),
        "collection": str(Collection.get_first_root_node().pk),
        "duration": "12",
        "tags": "",
        **fields,
    }
    return client.post(f"/admin/media/{kind}/add/", data)


def stored_media_files():
    """The tests' in-memory storage lives as long as the test process, so compare before and after."""
    try:
        return sorted(default_storage.listdir("media")[1])
    except FileNotFoundError:
        return []


def form_errors(response):
    assert response.status_code == 200, "a refused upload shows the form again"
    return " ".join(str(error) for errors in response.context["form"].errors.values() for error in errors)


def test_an_audio_and_a_video_file_are_accepted(admin_client):
    assert upload(admin_client, "audio", "vospominaniya.mp3", MP3).status_code == 302
    assert upload(admin_client, "video", "plavka.webm", WEBM).status_code == 302
    assert upload(admin_client, "video", "plavka.mp4", MP4).status_code == 302
    assert sorted(Media.objects.values_list("type", flat=True)) == ["audio", "video", "video"]


@override_settings(MEDIA_AUDIO_MAX_UPLOAD_SIZE=500)
def test_an_oversized_file_is_refused_and_nothing_is_stored(admin_client):
    stored_before = stored_media_files()
    response = upload(admin_client, "audio", "dlinnaya.mp3", MP3)
    errors = form_errors(response)
    assert "Файл слишком большой" in errors
    assert "не больше 500" in errors
    assert not Media.objects.exists()
    assert stored_media_files() == stored_before


@pytest.mark.parametrize(
    ("kind", "name", "content", "message"),
    [
        ("audio", "film.mp4", MP4, "нельзя загрузить как аудиозапись"),
        ("video", "programma.exe", b"MZ\x90\x00" + b"\x00" * 100, "нельзя загрузить как видеозапись"),
        (
            "video",
            "stranica.mp4",
            b"<html><script>alert(1)</script></html>",
            "не соответствует расширению «.mp4»",
        ),
        ("audio", "zapis.mp3", b"%PDF-1.7 not a sound", "не соответствует расширению «.mp3»"),
        ("audio", "zapis.ogg", MP3, "не соответствует расширению «.ogg»"),
    ],
)
def test_a_wrong_type_or_a_disguised_file_is_refused(admin_client, kind, name, content, message):
    stored_before = stored_media_files()
    errors = form_errors(upload(admin_client, kind, name, content))
    assert message in errors
    assert not Media.objects.exists()
    assert stored_media_files() == stored_before


def test_a_cover_picture_that_is_not_a_picture_is_refused(admin_client):
    fake_cover = SimpleUploadedFile("oblozhka.png", b"<svg><script>alert(1)</script></svg>")
    errors = form_errors(upload(admin_client, "video", "plavka.mp4", MP4, thumbnail=fake_cover))
    assert "не соответствует расширению «.png»" in errors
    assert not Media.objects.exists()


def make_media(kind, name, content):
    media = Media(title=f"Запись {name}", type=kind, collection=Collection.get_first_root_node())
    media.file.save(name, ContentFile(content), save=False)
    media.save()
    return media


def test_the_story_plays_video_and_audio_with_controls_caption_and_transcript(client, story_index):
    video = make_media("video", "plavka.mp4", MP4)
    audio = make_media("audio", "rasskaz.mp3", MP3)
    story = StoryPageFactory(
        parent=story_index,
        slug="plavka",
        body=StreamValue(
            StoryBodyBlock(),
            [
                ("media", {"media": video, "caption": "Первая плавка, 1958 год", "transcript": "Гул печи."}),
                ("media", {"media": audio, "caption": "Рассказ мастера", "transcript": "Я пришёл на завод…"}),
            ],
        ),
    )
    html = client.get(story.url).content.decode()
    assert "<video controls" in html
    assert "<audio controls" in html
    assert "autoplay" not in html
    assert f'src="{video.url}" type="video/mp4"' in html
    assert f'src="{audio.url}" type="audio/mpeg"' in html
    assert "<figcaption>Первая плавка, 1958 год</figcaption>" in html
    assert "<summary>Расшифровка видео</summary>" in html
    assert "Я пришёл на завод…" in html


def test_an_audio_recording_needs_a_transcript(db):
    audio = make_media("audio", "rasskaz.mp3", MP3)
    block = StoryMediaBlock()
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(block.to_python({"media": audio.pk, "caption": "Рассказ", "transcript": "  "}))
    assert "Добавьте расшифровку аудиозаписи" in str(refused.value.block_errors["transcript"])

    video = make_media("video", "plavka.mp4", MP4)
    assert (
        block.clean(block.to_python({"media": video.pk, "caption": "", "transcript": ""}))["media"] == video
    )


def test_replacing_a_recording_renews_cached_pages(db, django_capture_on_commit_callbacks):
    from home import page_cache

    video = make_media("video", "plavka.mp4", MP4)
    before = page_cache.current_generation()
    with django_capture_on_commit_callbacks(execute=True):
        video.file.save("plavka-novaya.mp4", ContentFile(MP4), save=True)
    assert page_cache.current_generation() != before


@pytest.mark.parametrize(
    ("group_name", "may_upload"),
    [("Главные редакторы", True), ("Авторы", True), ("Координаторы кружков", False)],
)
def test_chief_editors_and_authors_use_the_media_library_coordinators_do_not(
    client, db, group_name, may_upload
):
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("user", "user@example.org", "x")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    response = upload(client, "audio", "vospominaniya.mp3", MP3)
    if may_upload:
        assert response.status_code == 302
        assert Media.objects.get().uploaded_by_user == user
        assert client.get("/admin/media/").status_code == 200
    else:
        assert response.status_code in (302, 403)
        assert not Media.objects.exists()
        assert client.get("/admin/media/").status_code in (302, 403)


def test_an_editor_puts_a_video_into_a_story_through_the_admin(admin_client, story_index):
    from django.urls import reverse

    from wagtail.test.utils.form_data import querydict_from_html

    video = make_media("video", "plavka.mp4", MP4)
    add_url = reverse("wagtailadmin_pages:add", args=["stories", "storypage", story_index.pk])
    page = admin_client.get(add_url).content.decode()
    assert json.dumps("Видео и аудио")[1:-1] in page  # the block is offered (in the editor's block JSON)
    data = querydict_from_html(page, form_id="page-edit-form")
    data.update(
        {
            "title": "Первая плавка",
            "slug": "pervaya-plavka",
            "lead": "Видео с завода.",
            "kind": "story",
            "date": "2026-11-20",
            "body-count": "1",
            "body-0-type": "media",
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-id": "",
            "body-0-value-media": str(video.pk),
            "body-0-value-caption": "Первая плавка, 1958 год",
            "body-0-value-transcript": "Гул печи.",
            "action-publish": "action-publish",
        }
    )
    response = admin_client.post(add_url, data)
    assert response.status_code == 302
    story = StoryPage.objects.get(slug="pervaya-plavka")
    assert story.live
    assert story.body[0].value["media"] == video
    assert "<video controls" in admin_client.get(story.url).content.decode()

    first = story.get_latest_revision()
    story.body[0].value["caption"] = "Плавка, 1958"
    second = story.save_revision()
    compare = admin_client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[story.pk, first.pk, second.pk])
    )
    assert compare.status_code == 200
    assert video.title in compare.content.decode()
