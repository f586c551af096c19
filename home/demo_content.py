"""Demo content of the shared base: organization settings, standard pages, navigation, accounts."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Site
from wagtail.rich_text import RichText

from home.demo import DemoContext, demo_builder
from home.demo.texts import ABOUT_BODY, CHARTER_BODY, CONTACTS_BODY, PRIVACY_POLICY_BODY
from home.factories import StandardPageFactory
from home.models import FooterLink, HeaderLink, NavigationSettings, Partner, SiteIdentity, StandardPage


def child_page(parent, model, factory, slug, **fields):
    """The child of `parent` with this slug, created by `factory` when missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    return existing or factory(parent=parent, slug=slug, **fields)


def paragraphs(*texts):
    return [("paragraph", RichText("".join(f"<p>{text}</p>" for text in texts)))]


@demo_builder(order=10)
def organization_settings(context: DemoContext):
    # Canonical links, feeds and sitemaps use the site's address: make it the one the demo is served on.
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.get(is_default_site=True)
    site.hostname = address.hostname or "localhost"
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.save()
    identity = SiteIdentity.load()
    identity.address = "101000, г. Москва, ул. Мясницкая, д. 1"
    identity.phone = "+7 (495) 000-00-00"
    identity.email = "info@trudovaya-doblest.example"
    identity.vk_url = "https://vk.com/trudovaya_doblest"
    identity.telegram_url = "https://t.me/trudovaya_doblest"
    identity.ok_url = "https://ok.ru/trudovaya.doblest"
    identity.inn = "7708123456"
    identity.kpp = "770801001"
    identity.ogrn = "1137799012345"
    identity.legal_address = "101000, г. Москва, ул. Мясницкая, д. 1, офис 12"
    identity.save()
    for order, (name, url) in enumerate(DEMO_PARTNERS):
        Partner.objects.update_or_create(
            identity=identity, name=name, defaults={"url": url, "sort_order": order}
        )


DEMO_PARTNERS = [
    ("Фонд поддержки наставничества", "https://nastavnichestvo.example"),
    ("Союз машиностроителей-ветеранов", "https://soyuz-mashinostroiteley.example"),
    ("Ассоциация технических кружков", "https://tehkruzhki.example"),
]


@demo_builder(order=20)
def standard_pages(context: DemoContext):
    home = context.shared["home"]
    about = child_page(
        home,
        StandardPage,
        StandardPageFactory,
        "o-nas",
        title="О нас",
        lead=(
            "Всероссийская общественная организация Героев, Кавалеров Государственных наград и Лауреатов "
            "Государственных премий «Трудовая доблесть России» объединяет людей, чей труд отмечен страной."
        ),
        body=ABOUT_BODY,
        show_in_menus=True,
    )
    policy = child_page(
        home,
        StandardPage,
        StandardPageFactory,
        "politika-personalnyh-dannyh",
        title="Политика обработки персональных данных",
        lead="Как мы собираем, храним и защищаем сведения о детях, родителях, наставниках и волонтёрах.",
        body=PRIVACY_POLICY_BODY,
    )
    contacts = child_page(
        home,
        StandardPage,
        StandardPageFactory,
        "kontakty",
        title="Контакты",
        lead="Центральное правление и региональные отделения.",
        body=CONTACTS_BODY,
    )
    charter = child_page(
        about,
        StandardPage,
        StandardPageFactory,
        "ustav",
        title="Устав",
        lead="Основные положения Устава организации: цели, структура, органы управления.",
        body=CHARTER_BODY,
    )
    identity = SiteIdentity.load()
    if (identity.privacy_policy_page_id, identity.charter_page_id) != (policy.pk, charter.pk):
        identity.privacy_policy_page, identity.charter_page = policy, charter
        identity.save()
    context.shared.update(about_page=about, privacy_policy_page=policy, contacts_page=contacts)


@demo_builder(order=90)
def home_page_content(context: DemoContext):
    home = context.shared["home"].specific
    if home.hero_image_id:
        return
    home.hero_image = context.pictures.get(
        "Наставник и ученики в заводском цехе",
        "factory",
        alt="Заводские корпуса и трубы на закате — символ трудовой славы",
        credit="Иллюстрация: архив организации",
    )
    home.intro = (
        "Мы рассказываем о Героях Труда, помогаем молодёжи найти кружок по душе "
        "и собираем наставников, которые передадут своё мастерство следующему поколению."
    )
    home.body = paragraphs(
        "Наставничество — одна из лучших традиций нашей страны. Опытный мастер, учитель, инженер "
        "передаёт молодому человеку не только знания, но и отношение к делу, к людям, к Родине.",
        "Резолюция форума «Наставничество, как эффективная форма патриотического воспитания "
        "подрастающего поколения» призывает обобщать и распространять лучшие практики наставничества, "
        "создавать молодёжные клубы и развивать волонтёрское движение. Этот сайт создан для этого.",
    )
    home.save_revision().publish()


@demo_builder(order=900)
def navigation(context: DemoContext):
    """Header menu from the home page's children shown in menus; runs after every section exists."""
    navigation = NavigationSettings.load()
    home = context.shared["home"]
    menu_pages = home.get_children().live().in_menu()
    linked = set(navigation.header_links.values_list("page_id", flat=True))
    for index, page in enumerate(menu_pages):
        if page.pk not in linked:
            HeaderLink.objects.create(navigation=navigation, page=page, sort_order=index)
    footer_pages = [context.shared.get(key) for key in ("about_page", "contacts_page")]
    linked = set(navigation.footer_links.values_list("page_id", flat=True))
    for index, page in enumerate(page for page in footer_pages if page):
        if page.pk not in linked:
            FooterLink.objects.create(navigation=navigation, page=page, sort_order=index)


# (role, group name or None for a superuser, username); the password is shown by `make run`.
DEMO_ACCOUNTS = [
    ("Администратор", None, "admin"),
    ("Главный редактор", "Главные редакторы", "chief"),
    ("Автор", "Авторы", "author"),
]


@demo_builder(order=950, always=True)
def demo_accounts(context: DemoContext):
    if not context.create_accounts:
        return
    accounts = list(DEMO_ACCOUNTS) + context.shared.get("extra_accounts", [])
    User = get_user_model()
    for role, group_name, username in accounts:
        password = f"demo-{username}-2026"
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, email=f"{username}@trudovaya-doblest.example", first_name=role)
            user.set_password(password)
            user.is_staff = group_name is None
            user.is_superuser = group_name is None
            user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        context.accounts.append((role, username, password))
