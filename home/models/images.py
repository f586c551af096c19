import functools

from django.db import models

from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image


@functools.lru_cache(maxsize=1024)
def shared_filter(spec: str) -> Filter:
    """One Filter per spec for the life of the process.

    Wagtail's image tags build new Filter objects on every render, and each one parses its spec again
    (inspect.getcallargs per operation): on a page of cards that was a tenth of the CPU time. A Filter holds
    nothing but its parsed spec, so sharing it is safe.
    """
    return Filter(spec=spec)


def _shared(filter):
    if type(filter) is Filter:
        return shared_filter(filter.spec)
    if isinstance(filter, str):
        return shared_filter(filter)
    return filter  # anything else goes to Wagtail untouched, which explains what is wrong with it


class CustomImage(AbstractImage):
    # Wagtail uses `description` as the alt text; here it is required, since every picture on a public
    # page must be described for screen-reader users.
    description = models.CharField(
        "Альтернативный текст",
        max_length=255,
        help_text="Что изображено: текст для незрячих читателей и для тех, у кого не загрузилась картинка.",
    )
    credit = models.CharField(
        "Автор или источник",
        max_length=255,
        blank=True,
        help_text="Например: «Фото: И. Петров» или «Из архива музея завода».",
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    def get_renditions(self, *filters):
        return super().get_renditions(*map(_shared, filters))

    def get_rendition(self, filter):
        return super().get_rendition(_shared(filter))

    class Meta(AbstractImage.Meta):
        verbose_name = "изображение"
        verbose_name_plural = "изображения"


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
