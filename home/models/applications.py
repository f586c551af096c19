"""Database pieces of the shared application machinery (see home/applications/)."""

from django.conf import settings
from django.contrib import admin
from django.db import models


class ReferenceSequence(models.Model):
    """The last reference number given in a year; shared by every kind of application."""

    year = models.PositiveIntegerField("Год", primary_key=True)
    last_number = models.PositiveIntegerField("Последний номер", default=0)

    class Meta:
        verbose_name = "счётчик номеров заявок"
        verbose_name_plural = "счётчики номеров заявок"

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class ExportLog(models.Model):
    """Who took personal data out of the site, when, what and how much."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Пользователь",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField("Логин", max_length=150)
    exported_at = models.DateTimeField("Когда", auto_now_add=True)
    model_label = models.CharField("Что выгружено", max_length=100)
    file_format = models.CharField("Формат", max_length=10)
    row_count = models.PositiveIntegerField("Строк")
    filters = models.CharField("Условия отбора", max_length=1000, blank=True)
    ip_address = models.GenericIPAddressField("IP-адрес", null=True, blank=True)

    class Meta:
        ordering = ["-exported_at"]
        verbose_name = "выгрузка персональных данных"
        verbose_name_plural = "журнал выгрузок"

    def __str__(self):
        # Shown in the site history and the audit log: readable, not «clubs.ClubApplication, csv».
        from home.admin_plurals import plural_form

        rows = plural_form(self.row_count, ("строка", "строки", "строк"))
        return f"{self.username}: {self.what_exported()}, {self.file_format.upper()}, {self.row_count} {rows}"

    @admin.display(description="Что выгружено")
    def what_exported(self) -> str:
        from django.apps import apps

        try:
            model = apps.get_model(self.model_label)
        except (LookupError, ValueError):
            return self.model_label
        return str(model._meta.verbose_name_plural).capitalize()
