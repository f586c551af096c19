"""Snippets that heroes and stories are filtered by: awards and industries."""

from django.db import models

from wagtail.search import index


class AwardKind(models.TextChoices):
    HERO_OF_SOCIALIST_LABOUR = "hero_socialist_labour", "Герой Социалистического Труда"
    HERO_OF_LABOUR = "hero_labour", "Герой Труда Российской Федерации"
    ORDER_OF_LABOUR_GLORY = "order_labour_glory", "Орден Трудовой Славы"
    STATE_PRIZE = "state_prize", "Лауреат Государственной премии"
    OTHER = "other", "Другая государственная награда"


class Award(index.Indexed, models.Model):
    """A state award or title; heroes hold it with the year it was conferred (HeroAward)."""

    name = models.CharField(
        "Название",
        max_length=200,
        unique=True,
        help_text="Например: «Орден Трудовой Славы I степени».",
    )
    kind = models.CharField("Вид награды", max_length=30, choices=AwardKind.choices)
    description = models.TextField("Описание", blank=True, max_length=1000)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("kind")]

    class Meta:
        ordering = ["name"]
        verbose_name = "награда"
        verbose_name_plural = "награды"

    def __str__(self):
        return self.name


class Industry(index.Indexed, models.Model):
    name = models.CharField("Название", max_length=100, unique=True)
    slug = models.SlugField(
        "Адрес (латиницей)",
        max_length=100,
        unique=True,
        help_text="Используется в адресе фильтра, например «metallurgiya».",
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "отрасль"
        verbose_name_plural = "отрасли"

    def __str__(self):
        return self.name
