"""What Wagtail's admin shows in English that no translation catalogue can reach, put into Russian here.

Strings Wagtail passes through gettext but translates wrongly or not at all are overridden in the project's
catalogue instead (locale/ru/LC_MESSAGES/django.po; README «Russian admin» lists them).
"""

# Wagtail's Sites listing labels three columns from their field names («Port», «Site name», «Root page»).
SITE_COLUMN_LABELS = {"port": "Порт", "site_name": "Название сайта", "root_page": "Корневая страница"}


def russian_site_columns():
    from wagtail.sites.views import IndexView

    for column in IndexView.columns:
        if column.name in SITE_COLUMN_LABELS:
            column.label = SITE_COLUMN_LABELS[column.name]


def without_the_help_menu(request, menu_items):
    """Wagtail's «Помощь» leads to its English editor guide (with a «new» badge): not for this site's editors,
    whose guide is the README's editing section and the people who run the site."""
    menu_items[:] = [item for item in menu_items if item.name != "help"]


def index_view_adding(index_view_class, label: str):
    """A listing whose «add» button names the thing in the accusative: Wagtail writes «Добавить» + the
    nominative name («Добавить награда»), which only happens to be right for some nouns."""
    return type(index_view_class.__name__, (index_view_class,), {"add_item_label": label})
