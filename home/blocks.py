"""StreamField blocks shared by every section. Apps extend `BodyStreamBlock` with their own blocks."""

from django.utils.html import format_html_join

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Rich text that editors cannot turn into a layout tool: headings have their own block.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Текст заголовка", max_length=200)
    level = blocks.ChoiceBlock(
        label="Уровень",
        choices=[("h2", "Заголовок 2"), ("h3", "Заголовок 3"), ("h4", "Заголовок 4")],
        default="h2",
        help_text="Заголовок 1 — это название страницы; внутри текста начинайте со второго уровня.",
    )

    class Meta:
        icon = "title"
        label = "Заголовок"
        template = "blocks/heading_block.html"
        preview_value = {"text": "Наставник — это тот, кто верит в тебя", "level": "h2"}
        description = "Заголовок раздела внутри текста"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        kwargs.setdefault("label", "Текст")
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        preview_value = (
            "<p>Сорок лет у мартеновской печи — и ни одного дня без учеников. "
            "Так говорили об Иване Сергеевиче на заводе.</p>"
        )
        description = "Абзацы текста со ссылками и списками"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Цитата")
    attribution = blocks.CharBlock(label="Чьи слова", required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = "Цитата"
        template = "blocks/quote_block.html"
        preview_value = {
            "text": "Труд — это не только заработок. Это то, что остаётся после тебя.",
            "attribution": "Герой Социалистического Труда",
        }
        description = "Выделенная цитата с указанием автора"


class SearchesPictureTitle:
    """A picture's title is part of what a reader sees (often its only description): searched with the
    block's own text. A chooser block indexes nothing of its image, so a picture block adds it."""

    def get_searchable_content(self, value):
        content = super().get_searchable_content(value)
        image = value.get("image") if value else None
        if image is not None:
            content.append(image.title)
        return content


class ImageBlock(SearchesPictureTitle, blocks.StructBlock):
    image = ImageChooserBlock(label="Изображение")
    caption = blocks.CharBlock(label="Подпись", required=False, max_length=300)
    credit = blocks.CharBlock(
        label="Автор фото",
        required=False,
        max_length=200,
        help_text="Если пусто, берётся из карточки изображения.",
    )

    class Meta:
        icon = "image"
        label = "Изображение"
        template = "blocks/image_block.html"
        description = "Фотография с подписью и автором"


class EmbedVideoBlock(EmbedBlock):
    class Meta:
        icon = "media"
        label = "Видео по ссылке"
        template = "blocks/embed_block.html"
        description = "Видео с поддерживаемого сервиса по ссылке"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Документ")
    title = blocks.CharBlock(label="Название для читателя", required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = "Документ для скачивания"
        template = "blocks/document_block.html"
        description = "Ссылка на файл из библиотеки документов с размером и форматом"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Призыв", max_length=200)
    page = blocks.PageChooserBlock(label="Страница")
    button_label = blocks.CharBlock(label="Надпись на кнопке", max_length=60, default="Подробнее")

    class Meta:
        icon = "pick"
        label = "Призыв к действию"
        template = "blocks/call_to_action_block.html"
        preview_value = {"text": "Станьте наставником для юных", "button_label": "Подать заявку"}
        description = "Ссылка-кнопка на кружок, призыв наставников или другую страницу"


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    embed = EmbedVideoBlock()
    document = DocumentBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        label = "Содержание"

    def render_basic(self, value, context=None):
        # Every block's own template gives it its element and class (e.g. <figure class="block-quote">).
        # Wagtail's default adds a <div class="block-quote"> around each one, doubling borders and margins.
        return format_html_join("\n", "{}", [(child.render(context=context),) for child in value])
