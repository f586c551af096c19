from django.db import models

from wagtail.images.models import AbstractImage, AbstractRendition, Image


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

    class Meta(AbstractImage.Meta):
        verbose_name = "изображение"
        verbose_name_plural = "изображения"


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
