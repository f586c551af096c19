from django.db import models


class Region(models.Model):
    """A federal subject of Russia; loaded by a data migration, rarely edited."""

    class Kind(models.TextChoices):
        REPUBLIC = "republic", "Республика"
        KRAI = "krai", "Край"
        OBLAST = "oblast", "Область"
        FEDERAL_CITY = "federal_city", "Город федерального значения"
        AUTONOMOUS_OBLAST = "autonomous_oblast", "Автономная область"
        AUTONOMOUS_OKRUG = "autonomous_okrug", "Автономный округ"

    name = models.CharField("Название", max_length=100, unique=True)
    slug = models.SlugField("Адрес (латиницей)", max_length=100, unique=True)
    kind = models.CharField("Вид субъекта", max_length=20, choices=Kind.choices)

    class Meta:
        ordering = ["name"]
        verbose_name = "регион"
        verbose_name_plural = "регионы"

    def __str__(self):
        return self.name
