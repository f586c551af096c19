import re

from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.rich_text import RichText

import pytest

from home.factories import CustomImageFactory, StandardPageFactory
from stories.blocks import GalleryBlock, StoryBodyBlock, TimelineBlock
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://rutube.ru/video/demo-video/"
AUDIO_URL = "https://music.example.org/track/vospominaniya"


def cached_embed(url, html):
    """An embed already in Wagtail's cache table: rendering it needs no network."""
    return Embed.objects.create(url=url, hash=get_embed_hash(url, None, None), type="video", html=html)


@pytest.fixture
def story_with_every_block(story_index, home_page):
    cached_embed(
        VIDEO_URL, '<iframe title="Видео о заводе" src="https://rutube.ru/play/embed/demo"></iframe>'
    )
    cached_embed(
        AUDIO_URL, '<iframe title="Воспоминания сталевара" src="https://music.example.org/e/1"></iframe>'
    )
    photo = CustomImageFactory(title="Печь", description="Мартеновская печь", credit="Фото: И. Петров")
    album = [CustomImageFactory(title=f"Архив {n}", description=f"Снимок из архива {n}") for n in range(3)]
    document = Document.objects.create(title="Устав клуба", file=ContentFile(b"%PDF-1.4", name="ustav.pdf"))
    club = StandardPageFactory(parent=home_page, title="Кружок юных металлургов", slug="kruzhok")
    body = [
        ("heading", {"text": "Начало пути", "level": "h3"}),
        ("paragraph", RichText("<p>Пришёл на <b>комбинат</b> в шестнадцать лет.</p>")),
        ("quote", {"text": "Работу надо делать на совесть", "attribution": "П. А. Кузнецов"}),
        ("image", {"image": photo, "caption": "У печи", "credit": ""}),
        ("embed", VIDEO_URL),
        ("audio", AUDIO_URL),
        ("document", {"document": document, "title": "Устав кружка"}),
        ("call_to_action", {"text": "Запишитесь в кружок", "page": club, "button_label": "Записаться"}),
        (
            "gallery",
            {
                "title": "Семейный архив",
                "images": [{"image": image, "caption": image.title} for image in album],
            },
        ),
        ("timeline", {"title": "Вехи", "events": [{"year": 1947, "text": "Подручный сталевара"}]}),
    ]
    return StoryPageFactory(parent=story_index, title="Все блоки", slug="vse-bloki", body=body)


def test_every_block_renders(client, story_with_every_block):
    html = client.get(story_with_every_block.url).text
    assert '<h3 class="block-heading">Начало пути</h3>' in html
    assert "Пришёл на <b>комбинат</b> в шестнадцать лет." in html
    assert "<blockquote><p>Работу надо делать на совесть</p></blockquote>" in html
    assert "— П. А. Кузнецов" in html
    assert 'alt="Мартеновская печь"' in html and "У печи" in html and "Фото: И. Петров" in html
    assert 'title="Видео о заводе"' in html
    assert 'class="block-embed block-embed--audio"' in html and 'title="Воспоминания сталевара"' in html
    assert "Устав кружка" in html and "PDF" in html
    assert 'href="/kruzhok/"' in html and "Записаться" in html
    assert "Семейный архив" in html
    assert html.count('class="block-gallery__item"') == 3
    assert '<span class="timeline__year">1947</span>' in html and "Подручный сталевара" in html


def test_gallery_thumbnails_link_to_the_large_picture_and_load_lazily(client, story_with_every_block):
    html = client.get(story_with_every_block.url).text
    gallery = html[html.index('class="block-gallery"') :]
    gallery = gallery[: gallery.index("</ul>")]
    links = re.findall(r'class="block-gallery__link" href="([^"]+)"', gallery)
    assert len(links) == 3 and all(link.endswith(".jpg") for link in links)
    assert gallery.count('loading="lazy"') == 3
    assert "image/avif" in gallery and "image/webp" in gallery
    assert re.search(r'<img[^>]+width="\d+"[^>]+height="\d+"', gallery) or re.search(
        r'<img[^>]+height="\d+"[^>]+width="\d+"', gallery
    )


def test_blocks_declare_icon_template_and_description():
    for name, block in StoryBodyBlock().child_blocks.items():
        assert block.meta.icon, name
        assert block.meta.template.startswith("blocks/"), name
        assert block.meta.description, name


def test_timeline_block_preview_renders():
    block = TimelineBlock()
    html = block.render(block.get_preview_value())
    assert "Вехи трудового пути" in html and "1971" in html


def test_gallery_preview_uses_images_of_the_library():
    CustomImageFactory(title="Первое фото")
    CustomImageFactory(title="Второе фото")
    value = GalleryBlock().get_preview_value()
    assert [item["caption"] for item in value["images"]] == ["Первое фото", "Второе фото"]


def test_gallery_needs_two_photos():
    from wagtail.blocks import StructBlockValidationError

    block = GalleryBlock()
    one = CustomImageFactory()
    value = block.to_python({"title": "", "images": [{"image": one.pk, "caption": ""}]})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)
