"""StreamField blocks of a story: the shared body blocks plus gallery, audio, video, timeline."""

from django.core.exceptions import ValidationError
from django.utils.html import format_html

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from wagtailmedia.blocks import AbstractMediaChooserBlock

from home.blocks import BodyStreamBlock, ImageBlock, SearchesPictureTitle

from . import images


class PrefetchingImageChooserBlock(ImageChooserBlock):
    """Loads all images of a StreamField with their renditions in two queries, however many there are."""

    def __init__(self, *args, rendition_specs=(), **kwargs):
        self.rendition_specs = tuple(rendition_specs)
        super().__init__(*args, **kwargs)

    def bulk_to_python(self, values):
        by_pk = images.images_with_renditions(*self.rendition_specs).in_bulk([pk for pk in values if pk])
        return [by_pk.get(pk) for pk in values]

    def deconstruct(self):
        # Migrations see a plain ImageChooserBlock: the specs only matter when rendering.
        path, args, kwargs = super().deconstruct()
        kwargs.pop("rendition_specs", None)
        return path, args, kwargs


class StoryImageBlock(ImageBlock):
    image = PrefetchingImageChooserBlock(label="Изображение", rendition_specs=images.BODY_IMAGE)

    class Meta:
        icon = "image"
        label = "Изображение"
        template = "blocks/image_block.html"
        description = "Фотография с подписью и автором"


class GalleryImageBlock(SearchesPictureTitle, blocks.StructBlock):
    image = PrefetchingImageChooserBlock(label="Изображение", rendition_specs=images.GALLERY)
    caption = blocks.CharBlock(label="Подпись", required=False, max_length=300)

    class Meta:
        icon = "image"
        label = "Фотография"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Заголовок галереи", required=False, max_length=200)
    images = blocks.ListBlock(GalleryImageBlock(), label="Фотографии", min_num=2, max_num=40)

    class Meta:
        icon = "image"
        label = "Галерея"
        template = "blocks/gallery_block.html"
        description = "Несколько фотографий с подписями; каждая открывается в полном размере"

    def get_preview_value(self):
        # A gallery cannot be previewed without pictures: take the first ones of the library.
        latest = images.images_with_renditions(*images.GALLERY).order_by("pk")[:4]
        return self.normalize(
            {
                "title": "Фотографии из семейного архива",
                "images": [{"image": image, "caption": image.title} for image in latest],
            }
        )


class AudioEmbedBlock(EmbedBlock):
    # Until the media library arrives, audio comes from a service that Wagtail can embed by link.
    class Meta:
        icon = "media"
        label = "Аудио по ссылке"
        template = "blocks/audio_embed_block.html"
        description = "Запись интервью или воспоминаний с поддерживаемого сервиса по ссылке"


class MediaFileChooserBlock(AbstractMediaChooserBlock):
    """An audio or a video file from the media library (wagtailmedia); StoryMediaBlock's template plays it."""

    def render_basic(self, value, context=None):
        # Used by the revision comparison: the file's title says which recording was chosen.
        return format_html("{}", value.title) if value else ""


TRANSCRIPT_REQUIRED_MESSAGE = (
    "Добавьте расшифровку аудиозаписи: без неё запись недоступна тем, кто не слышит "
    "или не может включить звук."
)


class StoryMediaBlock(blocks.StructBlock):
    media = MediaFileChooserBlock(label="Аудио- или видеофайл")
    caption = blocks.CharBlock(
        label="Подпись", required=False, max_length=300, help_text="Кто говорит, где и когда записано."
    )
    transcript = blocks.TextBlock(
        label="Расшифровка",
        required=False,
        help_text="Текст записи для тех, кто не слышит или не может включить звук. Для аудио обязательна.",
    )

    class Meta:
        icon = "media"
        label = "Видео и аудио"
        template = "blocks/media_block.html"
        description = "Видео или аудиозапись из медиатеки с подписью и расшифровкой; сама не запускается"

    def clean(self, value):
        value = super().clean(value)
        media = value.get("media")
        if media is not None and media.type == "audio" and not value.get("transcript", "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={"transcript": ValidationError(TRANSCRIPT_REQUIRED_MESSAGE)}
            )
        return value

    def get_preview_value(self):
        from wagtailmedia.models import get_media_model

        return self.normalize(
            {
                "media": get_media_model().objects.order_by("pk").first(),
                "caption": "Воспоминания сталевара о первой плавке",
                "transcript": "— Мне было семнадцать, когда я впервые встал к печи…",
            }
        )


class TimelineEventBlock(blocks.StructBlock):
    year = blocks.IntegerBlock(label="Год", min_value=1800, max_value=2100)
    text = blocks.CharBlock(label="Событие", max_length=300)

    class Meta:
        icon = "date"
        label = "Событие"


class TimelineBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Заголовок", required=False, max_length=200)
    events = blocks.ListBlock(TimelineEventBlock(), label="События", min_num=1)

    class Meta:
        icon = "history"
        label = "Хроника"
        template = "blocks/timeline_block.html"
        preview_value = {
            "title": "Вехи трудового пути",
            "events": [
                {"year": 1958, "text": "Пришёл учеником токаря на Уралмашзавод"},
                {"year": 1971, "text": "Удостоен звания Героя Социалистического Труда"},
                {"year": 1985, "text": "Возглавил заводской совет наставников"},
            ],
        }
        description = "Годы и события: трудовой путь героя или история предприятия"


class StoryBodyBlock(BodyStreamBlock):
    image = StoryImageBlock()
    gallery = GalleryBlock()
    audio = AudioEmbedBlock()
    media = StoryMediaBlock()
    timeline = TimelineBlock()

    class Meta:
        label = "Текст истории"
