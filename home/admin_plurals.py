"""Counts in the admin's listings in correct Russian: «89 регионов», «3 медиафайла», «1 страница».

Wagtail's paginator writes `f"{count} {verbose_name_plural}"` («89 регионы»): Django models carry one plural
form, Russian needs three after a number, and no translation catalogue can reach an f-string. So the label is
built here from the forms of each model people list in the admin; a model not listed gets «Регионы: 89»,
which is correct Russian for any count.
"""

from django.utils.functional import cached_property

from wagtail.admin.paginator import WagtailPaginator
from wagtail.models import Page

# one (1, 21, …), few (2–4, 22–24, …), many (0, 5–20, 25–30, …)
FORMS = {
    "home.region": ("регион", "региона", "регионов"),
    "home.customimage": ("изображение", "изображения", "изображений"),
    "home.exportlog": ("выгрузка", "выгрузки", "выгрузок"),
    "home.consenttext": ("текст согласия", "текста согласия", "текстов согласия"),
    "home.headerlink": ("ссылка", "ссылки", "ссылок"),
    "home.footerlink": ("ссылка", "ссылки", "ссылок"),
    "home.volunteerformsubmission": ("анкета", "анкеты", "анкет"),
    "wagtailcore.page": ("страница", "страницы", "страниц"),
    "wagtailcore.site": ("сайт", "сайта", "сайтов"),
    "wagtailcore.collection": ("коллекция", "коллекции", "коллекций"),
    "wagtailcore.workflow": ("рабочий процесс", "рабочих процесса", "рабочих процессов"),
    "wagtailcore.task": ("задача", "задачи", "задач"),
    "wagtailcore.groupapprovaltask": ("задача", "задачи", "задач"),
    "wagtailcore.workflowstate": ("рабочий процесс", "рабочих процесса", "рабочих процессов"),
    "wagtailcore.taskstate": ("задача", "задачи", "задач"),
    "wagtailcore.pagelogentry": ("запись", "записи", "записей"),
    "wagtailcore.modellogentry": ("запись", "записи", "записей"),
    "wagtaildocs.document": ("документ", "документа", "документов"),
    "wagtailmedia.media": ("медиафайл", "медиафайла", "медиафайлов"),
    "wagtailredirects.redirect": ("перенаправление", "перенаправления", "перенаправлений"),
    "wagtailforms.formsubmission": ("ответ", "ответа", "ответов"),
    "auth.user": ("пользователь", "пользователя", "пользователей"),
    "auth.group": ("группа", "группы", "групп"),
    "stories.award": ("награда", "награды", "наград"),
    "stories.industry": ("отрасль", "отрасли", "отраслей"),
    "stories.storytag": ("тема", "темы", "тем"),
    "clubs.clubapplication": ("заявка", "заявки", "заявок"),
    "mentors.mentorapplication": ("заявка", "заявки", "заявок"),
}


def plural_form(count: int, forms: tuple[str, str, str]) -> str:
    one, few, many = forms
    if count % 10 == 1 and count % 100 != 11:
        return one
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return few
    return many


def forms_of(model):
    if model is None:
        return None
    if issubclass(model, Page):
        return FORMS["wagtailcore.page"]
    return FORMS.get(model._meta.label_lower)


def count_label(count: int, model) -> str:
    forms = forms_of(model)
    if forms:
        return f"{count} {plural_form(count, forms)}"
    if model is not None:
        return f"{str(model._meta.verbose_name_plural).capitalize()}: {count}"
    return f"Всего: {count}"


def items_count_label(paginator) -> str:
    return count_label(paginator.count, paginator.model)


def install():
    """Called from HomeConfig.ready: every Wagtail listing and chooser (and our inboxes, which extend the
    paginator) counts with these words."""
    label = cached_property(items_count_label)
    label.__set_name__(WagtailPaginator, "items_count_label")
    WagtailPaginator.items_count_label = label
