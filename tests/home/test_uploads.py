"""Upload refusals in the media library, through the admin's own views, as an editor would meet them."""

import io

from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.models import Collection

import pytest
from PIL import Image as PILImage

from home.models import CustomImage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("media", "media@example.org", "long-enough-password")
    client.force_login(user)
    return client


def png_bytes(size=(40, 30), mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, size, "white").save(buffer, format="PNG")
    return buffer.getvalue()


def upload_image(client, name, content, content_type="image/png", description="Поле и трактор"):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Проверка",
            "description": description,
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


def upload_document(client, name, content, content_type="application/octet-stream"):
    return client.post(
        "/admin/documents/add/",
        {
            "title": "Методичка",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


def stored_files(folder):
    try:
        return set(default_storage.listdir(folder)[1])
    except FileNotFoundError:
        return set()


@pytest.fixture
def nothing_stored():
    """Asserts at the end of the test that no file was left in the media storage by a refused upload."""
    before = {folder: stored_files(folder) for folder in ("original_images", "images", "documents")}
    yield
    assert {folder: stored_files(folder) for folder in before} == before


def refused(response, *fragments):
    assert response.status_code == 200, response.status_code  # the form comes back with errors, no redirect
    errors = response.context["form"].errors
    assert errors, "expected the form to refuse the file"
    text = " ".join(str(message) for messages in errors.values() for message in messages)
    for fragment in fragments:
        assert fragment in text, text
    return text


def test_a_proper_image_with_alt_text_is_accepted(editor_client):
    response = upload_image(editor_client, "pole.png", png_bytes())
    assert response.status_code == 302
    assert CustomImage.objects.get().description == "Поле и трактор"


def test_an_image_without_alt_text_is_refused(editor_client, nothing_stored):
    refused(
        upload_image(editor_client, "pole.png", png_bytes(), description=""), "Требуется заполнить это поле"
    )
    assert not CustomImage.objects.exists()


def test_an_image_whose_content_does_not_match_its_extension_is_refused(editor_client, nothing_stored):
    refused(upload_image(editor_client, "pole.jpg", png_bytes(), "image/jpeg"))
    assert not CustomImage.objects.exists()


def test_an_oversized_image_is_refused(editor_client, nothing_stored, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    refused(upload_image(editor_client, "big.png", png_bytes((400, 400), "RGB") + b"\0" * 2048))
    assert not CustomImage.objects.exists()


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_a_decompression_bomb_is_refused(editor_client, nothing_stored):
    bomb = png_bytes((12_000, 12_000), "1")  # 144 megapixels in a few kilobytes
    assert len(bomb) < 100_000
    refused(upload_image(editor_client, "bomb.png", bomb))
    assert not CustomImage.objects.exists()


def test_an_svg_with_script_is_refused_as_image_and_as_document(editor_client, nothing_stored):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    refused(upload_image(editor_client, "logo.svg", svg, "image/svg+xml"))
    refused(upload_document(editor_client, "logo.svg", svg, "image/svg+xml"))
    assert not CustomImage.objects.exists()
    assert not get_document_model().objects.exists()


def test_a_real_pdf_is_accepted(editor_client):
    response = upload_document(
        editor_client, "metodichka.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "application/pdf"
    )
    assert response.status_code == 302
    assert get_document_model().objects.count() == 1


def test_html_renamed_to_pdf_is_refused(editor_client, nothing_stored):
    text = refused(upload_document(editor_client, "otchet.pdf", b"<html><script>alert(1)</script></html>"))
    assert "не соответствует расширению «.pdf»" in text
    assert not get_document_model().objects.exists()


def test_text_files_must_be_plain_text(editor_client):
    refused(upload_document(editor_client, "spisok.txt", b"<script>alert(1)</script>", "text/plain"), "UTF-8")
    response = upload_document(editor_client, "spisok.csv", "Имя;Город\nИван;Тула\n".encode(), "text/csv")
    assert response.status_code == 302


def test_a_disallowed_extension_is_refused(editor_client, nothing_stored):
    refused(upload_document(editor_client, "setup.exe", b"MZ\x90\x00"))
    assert not get_document_model().objects.exists()


def test_an_oversized_document_is_refused(editor_client, nothing_stored, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
    refused(upload_document(editor_client, "big.pdf", b"%PDF-1.7\n" + b"0" * 500, "application/pdf"))
    assert not get_document_model().objects.exists()


def test_documents_are_served_through_wagtail(editor_client, settings):
    upload_document(editor_client, "metodichka.pdf", b"%PDF-1.7\n", "application/pdf")
    document = get_document_model().objects.get()
    assert document.url.startswith("/documents/")
