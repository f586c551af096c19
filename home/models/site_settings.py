from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Orderable


def _digits(*lengths: int, what: str) -> RegexValidator:
    pattern = "|".join(rf"\d{{{length}}}" for length in lengths)
    spelled = " или ".join(str(length) for length in lengths)
    return RegexValidator(rf"^(?:{pattern})$", f"{what}: только цифры, {spelled} знаков.")


@register_setting(icon="site", name="site-identity")
class SiteIdentity(ClusterableModel, BaseGenericSetting):
    organization_name = models.CharField(
        "Полное название организации",
        max_length=300,
        default=(
            "Всероссийская общественная организация Героев, Кавалеров Государственных наград "
            "и Лауреатов Государственных премий «Трудовая доблесть России»"
        ),
    )
    short_name = models.CharField("Короткое название", max_length=100, default="Трудовая доблесть России")
    tagline = models.CharField(
        "Девиз", max_length=200, blank=True, default="Наставничество — связь поколений"
    )
    address = models.CharField("Адрес", max_length=300, blank=True)
    phone = models.CharField("Телефон", max_length=50, blank=True)
    email = models.EmailField("Электронная почта", blank=True)
    vk_url = models.URLField("ВКонтакте", blank=True)
    telegram_url = models.URLField("Telegram", blank=True)
    ok_url = models.URLField("Одноклассники", blank=True)
    privacy_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Политика обработки персональных данных",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Ссылка на политику стоит в подвале и у каждой формы.",
    )
    privacy_policy_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="Политика обработки персональных данных (файл)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Если политика выложена файлом, а не страницей.",
    )
    charter_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Устав (страница)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    charter_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="Устав (файл)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Файл главнее страницы, если выбрано и то и другое.",
    )
    # Requisites of the legal entity: shown in the footer of every page, as the law on NGOs expects.
    inn = models.CharField("ИНН", max_length=12, blank=True, validators=[_digits(10, 12, what="ИНН")])
    ogrn = models.CharField("ОГРН", max_length=13, blank=True, validators=[_digits(13, what="ОГРН")])
    kpp = models.CharField("КПП", max_length=9, blank=True, validators=[_digits(9, what="КПП")])
    legal_address = models.CharField("Юридический адрес", max_length=300, blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("organization_name"), FieldPanel("short_name"), FieldPanel("tagline")],
            heading="Организация",
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading="Контакты",
        ),
        MultiFieldPanel(
            [FieldPanel("vk_url"), FieldPanel("telegram_url"), FieldPanel("ok_url")],
            heading="Социальные сети",
        ),
        MultiFieldPanel(
            [FieldPanel("inn"), FieldPanel("ogrn"), FieldPanel("kpp"), FieldPanel("legal_address")],
            heading="Реквизиты",
        ),
        MultiFieldPanel(
            [
                FieldPanel("charter_document"),
                FieldPanel("charter_page"),
                FieldPanel("privacy_policy_document"),
                FieldPanel("privacy_policy_page"),
            ],
            heading="Документы",
        ),
        InlinePanel("partners", label="Партнёры"),
    ]

    class Meta:
        verbose_name = "сведения об организации"

    @property
    def documents(self) -> list[tuple[str, str]]:
        """(label, address) of the statutory documents that are set: a file wins over a page."""
        found = []
        for label, document, page in (
            ("Устав", self.charter_document, self.charter_page),
            (
                "Политика обработки персональных данных",
                self.privacy_policy_document,
                self.privacy_policy_page,
            ),
        ):
            if document is not None:
                found.append((label, document.url))
            elif page is not None:
                found.append((label, page.url))
        return found

    @property
    def requisites(self) -> list[tuple[str, str]]:
        values = [
            ("ИНН", self.inn),
            ("КПП", self.kpp),
            ("ОГРН", self.ogrn),
            ("Юридический адрес", self.legal_address),
        ]
        return [(label, value) for label, value in values if value]

    @property
    def social_links(self):
        links = [("ВКонтакте", self.vk_url), ("Telegram", self.telegram_url), ("Одноклассники", self.ok_url)]
        return [(label, url) for label, url in links if url]


class Partner(Orderable):
    identity = ParentalKey(SiteIdentity, related_name="partners", on_delete=models.CASCADE)
    name = models.CharField("Название", max_length=200)
    url = models.URLField("Сайт", blank=True)
    logo = models.ForeignKey(
        "home.CustomImage",
        verbose_name="Логотип",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Необязательно. Название партнёра всё равно подписано текстом.",
    )

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("logo")]

    class Meta(Orderable.Meta):
        verbose_name = "партнёр"
        verbose_name_plural = "партнёры"

    def __str__(self):
        return self.name


@register_setting(icon="list-ul", name="navigation")
class NavigationSettings(ClusterableModel, BaseGenericSetting):
    panels = [
        InlinePanel("header_links", label="Меню в шапке", max_num=8),
        InlinePanel("footer_links", label="Ссылки в подвале"),
    ]

    class Meta:
        verbose_name = "навигация"


class AbstractLink(Orderable):
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Страница сайта",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    url = models.URLField("Или внешняя ссылка", blank=True)
    label = models.CharField(
        "Надпись", max_length=60, blank=True, help_text="Если пусто — название страницы."
    )

    panels = [FieldPanel("page"), FieldPanel("url"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        super().clean()
        if bool(self.page_id) == bool(self.url):
            raise ValidationError("Выберите страницу сайта или укажите внешнюю ссылку — что-то одно.")
        if self.url and not self.label:
            raise ValidationError({"label": "Для внешней ссылки укажите надпись."})

    @property
    def text(self):
        return self.label or (self.page.title if self.page_id else self.url)

    def href(self, request=None):
        return self.page.get_url(request) if self.page_id else self.url


class HeaderLink(AbstractLink):
    navigation = ParentalKey(NavigationSettings, related_name="header_links", on_delete=models.CASCADE)

    class Meta(AbstractLink.Meta):
        verbose_name = "пункт меню"
        verbose_name_plural = "меню в шапке"


class FooterLink(AbstractLink):
    navigation = ParentalKey(NavigationSettings, related_name="footer_links", on_delete=models.CASCADE)

    class Meta(AbstractLink.Meta):
        verbose_name = "ссылка в подвале"
        verbose_name_plural = "ссылки в подвале"
