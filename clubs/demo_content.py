"""Demo content of clubs: regional branches, clubs in several regions (some full), applications in every status,
and a demo club coordinator.

Scale 1 is a small realistic site (6 branches, 20 clubs); `--scale N` multiplies it (scale 100 ≈ 3,000 clubs,
17,000 current applications and an archive that brings the total to 200,000). Applications are created with bulk_create; pages without revisions.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from clubs.factories import (
    BranchIndexPageFactory,
    BranchPageFactory,
    ClubIndexPageFactory,
    ClubPageFactory,
    birth_date_for_age,
)
from clubs.models import (
    BranchIndexPage,
    BranchPage,
    ClubApplication,
    ClubApplicationStatusChange,
    ClubIndexPage,
    ClubPage,
    Direction,
    Format,
    Status,
)
from home.applications import tokens
from home.applications.names import person_name_key
from home.applications.references import reserve_numbers
from home.demo import DemoContext, demo_builder
from home.demo_content import child_page
from home.models import ConsentRecord, ConsentText, Region

COORDINATORS_GROUP = "Координаторы кружков"
COORDINATOR_LOGIN = "coordinator"
REGIONAL_EDITORS_GROUP = "Региональные редакторы"
REGIONAL_LOGIN = "regional"
REGIONAL_BRANCH_REGION = "sverdlovskaya-oblast"

# (region slug, city, address, head, has a methodological centre)
BRANCHES = [
    ("moskva", "Москва", "ул. Мясницкая, д. 1", "Громов Николай Степанович", True),
    ("sverdlovskaya-oblast", "Екатеринбург", "пр. Ленина, д. 24", "Уральцева Галина Петровна", True),
    ("respublika-tatarstan", "Казань", "ул. Баумана, д. 9", "Хасанов Рустам Ильдарович", False),
    ("novosibirskaya-oblast", "Новосибирск", "Красный пр., д. 50", "Сибирцев Андрей Львович", True),
    ("krasnodarskiy-kray", "Краснодар", "ул. Красная, д. 122", "Кубанова Елена Викторовна", False),
    (
        "nizhegorodskaya-oblast",
        "Нижний Новгород",
        "ул. Большая Покровская, д. 15",
        "Волгин Сергей Иванович",
        False,
    ),
]

# (name, direction, ages, format, free, disabilities, intro, picture kind)
CLUBS = [
    (
        "Юный техник",
        Direction.TECHNICAL,
        (10, 16),
        Format.IN_PERSON,
        True,
        True,
        "Собираем модели машин и станков, учимся читать чертежи и работать с инструментом.",
        "factory",
    ),
    (
        "Наследники Победы",
        Direction.PATRIOTIC,
        (12, 18),
        Format.IN_PERSON,
        True,
        False,
        "Встречи с ветеранами труда, поисковая работа и уход за памятниками.",
        "group",
    ),
    (
        "Школа молодого бойца",
        Direction.MILITARY_PATRIOTIC,
        (14, 18),
        Format.IN_PERSON,
        True,
        False,
        "Строевая и физическая подготовка, основы первой помощи, походы.",
        "landscape",
    ),
    (
        "Профессии моего города",
        Direction.LABOUR,
        (13, 17),
        Format.IN_PERSON,
        True,
        True,
        "Экскурсии на предприятия и пробы профессий вместе с наставниками-героями труда.",
        "factory",
    ),
    (
        "Краеведы",
        Direction.LOCAL_HISTORY,
        (9, 15),
        Format.IN_PERSON,
        True,
        True,
        "Изучаем историю родного края, записываем воспоминания старожилов, готовим экспозиции.",
        "landscape",
    ),
    (
        "Робототехника онлайн",
        Direction.TECHNICAL,
        (11, 17),
        Format.ONLINE,
        False,
        True,
        "Программируем роботов и датчики, соревнуемся с командами из других регионов.",
        "factory",
    ),
    (
        "Добрые сердца",
        Direction.VOLUNTEERING,
        (14, 25),
        Format.IN_PERSON,
        True,
        True,
        "Помогаем ветеранам и пожилым людям, организуем акции и праздники.",
        "group",
    ),
    (
        "Мастерская резьбы по дереву",
        Direction.ARTS,
        (10, 18),
        Format.IN_PERSON,
        False,
        False,
        "Народные промыслы: резьба, роспись, работа с деревом под руководством мастера.",
        "group",
    ),
    (
        "Юные спасатели",
        Direction.SPORT,
        (12, 17),
        Format.IN_PERSON,
        True,
        False,
        "Спортивная подготовка, ориентирование и основы безопасности.",
        "landscape",
    ),
    (
        "Летопись трудовой славы",
        Direction.LOCAL_HISTORY,
        (14, 20),
        Format.ONLINE,
        True,
        True,
        "Собираем истории героев труда своего региона и публикуем их на сайте.",
        "portrait",
    ),
]

CHILD_NAMES = [
    "Смирнов Артём",
    "Кузнецова Алиса",
    "Попов Максим",
    "Васильева Софья",
    "Петров Иван",
    "Соколова Мария",
    "Михайлов Лев",
    "Новикова Анна",
    "Фёдоров Марк",
    "Морозова Ева",
    "Волков Тимофей",
    "Алексеева Виктория",
    "Лебедев Матвей",
    "Семёнова Полина",
    "Егоров Даниил",
]
GUARDIAN_NAMES = ["Смирнова Елена Викторовна", "Кузнецов Андрей Сергеевич", "Попова Ольга Николаевна"]
# Per club: the statuses of its demo applications. Every status appears; some clubs end up full.
STATUS_PLAN = [
    Status.NEW,
    Status.CONTACTED,
    Status.ENROLLED,
    Status.WAITING,
    Status.DECLINED,
    Status.WITHDRAWN,
]


def _club_count(scale: int) -> int:
    return 20 + 30 * (scale - 1)


def _branch_regions(scale: int):
    regions = [slug for slug, *_rest in BRANCHES]
    if scale > 1:
        others = Region.objects.exclude(slug__in=regions).order_by("name").values_list("slug", flat=True)
        regions += list(others[: min(6 * scale, 89) - len(regions)])
    return regions


@demo_builder(order=200)
def branches(context: DemoContext):
    home = context.shared["home"]
    index = child_page(
        home,
        BranchIndexPage,
        BranchIndexPageFactory,
        "otdeleniya",
        title="Региональные отделения",
        intro="Отделения организации в регионах. При многих работают методические центры наставничества: "
        "они собирают лучшие практики и помогают открывать молодёжные клубы.",
        show_in_menus=True,
    )
    known = {
        branch.region.slug: branch for branch in BranchPage.objects.child_of(index).select_related("region")
    }
    details = {slug: (city, address, head, centre) for slug, city, address, head, centre in BRANCHES}
    for slug in _branch_regions(context.scale):
        if slug in known:
            continue
        region = Region.objects.get(slug=slug)
        city, address, head, centre = details.get(slug, (region.name, "ул. Центральная, д. 1", "", False))
        known[slug] = BranchPageFactory(
            parent=index,
            slug=f"otdelenie-{slug}",
            title=f"Отделение: {region.name}",
            region=region,
            city=city,
            address=address,
            head_name=head,
            head_position="Председатель регионального отделения" if head else "",
            phone="+7 (800) 000-00-00",
            email=f"{slug}@trudovaya-doblest.example",
            has_mentoring_centre=centre,
            mentoring_centre_description=(
                "Центр проводит семинары для наставников, собирает и публикует лучшие практики, "
                "помогает школам и предприятиям открывать кружки."
                if centre
                else ""
            ),
            intro=f"Региональное отделение организации «Трудовая доблесть России»: {region.name}.",
        )
    context.shared["branches"] = list(known.values())


@demo_builder(order=210)
def clubs(context: DemoContext):
    home = context.shared["home"]
    index = child_page(
        home,
        ClubIndexPage,
        ClubIndexPageFactory,
        "kruzhki",
        title="Кружки и клубы",
        intro="Патриотические, технические, краеведческие и спортивные кружки для детей и молодёжи. "
        "Выберите регион, возраст и направление — и подайте заявку онлайн.",
        show_in_menus=True,
    )
    branch_list = context.shared.get("branches") or list(BranchPage.objects.live().select_related("region"))
    heroes = context.shared.get("heroes") or []
    existing = set(ClubPage.objects.child_of(index).values_list("slug", flat=True))
    pictures = {
        kind: context.pictures.get(
            f"Кружок: {kind}", kind, alt=_picture_alt(kind), credit="Иллюстрация: архив организации"
        )
        for kind in set(DIRECTION_PICTURES.values())
    }
    rng = context.random
    # Only living heroes lead clubs today.
    living = [hero for hero in heroes if not hero.death_year]
    titles = set(ClubPage.objects.child_of(index).values_list("title", flat=True))
    for number in range(_club_count(context.scale)):
        slug = f"kruzhok-{number + 1}"
        if slug in existing:
            continue
        name, direction, (age_min, age_max), club_format, is_free, disabilities, intro, _kind = CLUBS[
            number % len(CLUBS)
        ]
        branch = branch_list[number % len(branch_list)]
        hero = living[number % len(living)] if living and number % 3 == 0 else None
        title = _own_title(name if number < len(CLUBS) else f"{name} ({branch.city})", titles)
        online = club_format == Format.ONLINE
        ClubPageFactory(
            parent=index,
            slug=slug,
            title=title,
            intro=intro,
            image=pictures[DIRECTION_PICTURES[direction]],
            direction=direction,
            age_min=age_min,
            age_max=age_max,
            region=branch.region,
            city=branch.city,
            # An online club meets on the internet: no room, no street.
            address="" if online else f"{branch.address}, каб. {10 + number % 40}",
            latitude=None,
            longitude=None,
            schedule=rng.choice(
                ["Понедельник и среда, 16:00–18:00", "Вторник и четверг, 15:30–17:30", "Суббота, 11:00–14:00"]
            ),
            format=club_format,
            is_free=is_free,
            price="" if is_free else "1 500 ₽ в месяц",
            # Every fourth club is small, so that its demo applications fill it.
            capacity=3 if number % 4 == 1 else rng.choice([12, 15, 20, 25]),
            accepts_disabilities=disabilities,
            accepting_applications=number % 10 != 9,
            leader_name=getattr(hero, "title", None)
            or rng.choice(
                ["Громов Николай Степанович", "Уральцева Галина Петровна", "Сибирцев Андрей Львович"]
            ),
            leader_hero=hero,
            phone="+7 (900) 000-00-00",
            email=f"{slug}@trudovaya-doblest.example",
            branch=branch,
            # As if published through the admin, one after another (the home page shows the newest clubs).
            first_published_at=_opened_at(number),
            last_published_at=_opened_at(number),
        )


def _own_title(wanted, taken):
    """Every club has a name of its own: a second «Юный техник (Казань)» becomes «Юный техник (Казань), № 2»."""
    title, copy = wanted, 1
    while title in taken:
        copy += 1
        title = f"{wanted}, № {copy}"
    taken.add(title)
    return title


def _opened_at(number):
    return timezone.make_aware(datetime.datetime(2024, 9, 1, 10, 0)) + datetime.timedelta(hours=3 * number)


# Each direction has an illustration of its own kind (home/demo/pictures.py draws them in one style).
DIRECTION_PICTURES = {
    Direction.TECHNICAL: "gears",
    Direction.PATRIOTIC: "star",
    Direction.MILITARY_PATRIOTIC: "star",
    Direction.LABOUR: "factory",
    Direction.LOCAL_HISTORY: "map",
    Direction.SPORT: "sport",
    Direction.VOLUNTEERING: "heart",
    Direction.ARTS: "palette",
    Direction.OTHER: "group",
}


def _picture_alt(kind):
    return {
        "factory": "Заводские корпуса — здесь ребята знакомятся с профессиями",
        "group": "Ребята и наставник на занятии кружка",
        "gears": "Шестерёнки — символ технического творчества",
        "star": "Красная звезда в лучах — символ памяти и Победы",
        "map": "Карта края с маршрутом экспедиции краеведов",
        "sport": "Беговая дорожка стадиона и мяч",
        "heart": "Сердце — символ добрых дел волонтёров",
        "palette": "Палитра художника с красками",
    }[kind]


@demo_builder(order=220)
def applications(context: DemoContext):
    clubs_without_applications = list(
        ClubPage.objects.filter(applications__isnull=True).order_by("pk").only("pk", "title", "capacity")
    )
    if not clubs_without_applications:
        return
    consent_text = ConsentText.objects.current(ConsentText.Kind.GUARDIAN)
    rng = context.random
    now = timezone.now()
    plans = []
    for position, club in enumerate(clubs_without_applications):
        statuses = list(STATUS_PLAN)
        if club.capacity <= 3:  # a full club: its places are taken and one more child waits
            statuses = [Status.ENROLLED, Status.CONTACTED, Status.NEW, Status.WAITING, Status.DECLINED]
        for index, status in enumerate(statuses):
            # Some new applications are a week old: unanswered for more than 3 working days (overdue).
            age_days = 8 if status == Status.NEW and position % 3 == 0 else rng.randint(0, 40)
            plans.append(
                (club, status, index, now - datetime.timedelta(days=age_days, hours=rng.randint(0, 20)))
            )

    references = reserve_numbers(len(plans))
    consents = ConsentRecord.objects.bulk_create(
        _consent(consent_text, club, index, reference)
        for (club, _status, index, _created), reference in zip(plans, references, strict=True)
    )
    objects = []
    for number, ((club, status, index, created), reference, consent) in enumerate(
        zip(plans, references, consents, strict=True)
    ):
        objects.append(_application(club, status, index, number, created, reference, consent, rng))
    created_applications = ClubApplication.objects.bulk_create(objects, batch_size=1000)
    ClubApplicationStatusChange.objects.bulk_create(_history(created_applications), batch_size=2000)
    context.log(f"  заявок в кружки: {len(created_applications)}")


def _application(club, status, index, number, created, reference, consent, rng):
    name = CHILD_NAMES[number % len(CHILD_NAMES)] + f" {number + 1}"
    return ClubApplication(
        club=club,
        reference_number=reference,
        status_token_digest=tokens.new_token()[1],
        status=status,
        created_at=created,
        status_changed_at=None if status == Status.NEW else created + datetime.timedelta(days=1),
        consent=consent,
        child_name=name,
        child_key=person_name_key(name),  # bulk_create skips save(), which normally fills the key
        birth_date=birth_date_for_age(rng.randint(11, 15)),
        phone="+79000000000",
        email="",
        school=f"Школа № {rng.randint(1, 120)}",
        grade=f"{rng.randint(5, 9)} класс",
        guardian_name=GUARDIAN_NAMES[index % len(GUARDIAN_NAMES)],
        guardian_phone="+79000000001",
        guardian_email="demo-parent@trudovaya-doblest.example",
    )


def _consent(consent_text, club, index, reference):
    return ConsentRecord(
        text=consent_text,
        ip_address="127.0.0.1",
        given_by_name=GUARDIAN_NAMES[index % len(GUARDIAN_NAMES)],
        given_by_email="demo-parent@trudovaya-doblest.example",
        covers=f"Заявка № {reference} в кружок «{club.title}»",
    )


def _history(applications):
    history = []
    for application in applications:
        first_status = Status.WAITING if application.status == Status.WAITING else Status.NEW
        history.append(
            ClubApplicationStatusChange(
                application=application,
                from_status="",
                to_status=first_status,
                changed_at=application.created_at,
                note="Заявка подана на сайте.",
            )
        )
        if application.status != first_status:
            history.append(
                ClubApplicationStatusChange(
                    application=application,
                    from_status=first_status,
                    to_status=application.status,
                    changed_at=application.status_changed_at,
                    note="Демонстрационная запись.",
                    public_message="Ждём вас на занятии!" if application.status == Status.ENROLLED else "",
                )
            )
    return history


# At benchmark scales the inbox holds a year of answered applications too: scale 100 ≈ 200,000 in all.
ARCHIVE_APPLICATIONS_PER_SCALE = 2000
ARCHIVE_BATCH = 10_000


@demo_builder(order=225)
def application_archive(context: DemoContext):
    """Declined and withdrawn applications of the past months (they take no places): the volume the admin
    inbox must list and filter quickly. Only from scale 2, so the everyday demo site stays small."""
    if context.scale < 2:
        return
    missing = ARCHIVE_APPLICATIONS_PER_SCALE * context.scale - ClubApplication.objects.count()
    if missing <= 0:
        return
    clubs = list(ClubPage.objects.order_by("pk").only("pk", "title"))
    consent_text = ConsentText.objects.current(ConsentText.Kind.GUARDIAN)
    rng = context.random
    now = timezone.now()
    created_count = 0
    for start in range(0, missing, ARCHIVE_BATCH):
        size = min(ARCHIVE_BATCH, missing - start)
        plans = [
            (
                clubs[(start + offset) % len(clubs)],
                Status.DECLINED if offset % 3 else Status.WITHDRAWN,
                offset,
                now - datetime.timedelta(days=rng.randint(41, 300), hours=rng.randint(0, 20)),
            )
            for offset in range(size)
        ]
        references = reserve_numbers(size)
        consents = ConsentRecord.objects.bulk_create(
            _consent(consent_text, club, index, reference)
            for (club, _status, index, _created), reference in zip(plans, references, strict=True)
        )
        applications = ClubApplication.objects.bulk_create(
            _application(club, status, index, start + index + 100_000, created, reference, consent, rng)
            for (club, status, index, created), reference, consent in zip(
                plans, references, consents, strict=True
            )
        )
        ClubApplicationStatusChange.objects.bulk_create(_history(applications), batch_size=2000)
        created_count += len(applications)
    context.log(f"  заявок в архиве: {created_count}")


@demo_builder(order=940, always=True)
def coordinator_account(context: DemoContext):
    """The demo coordinator is created by home's demo_accounts builder (order 950) with the others."""
    if context.create_accounts:
        context.shared.setdefault("extra_accounts", []).append(
            ("Координатор кружков", COORDINATORS_GROUP, COORDINATOR_LOGIN)
        )
        context.shared["extra_accounts"].append(
            ("Региональный редактор", REGIONAL_EDITORS_GROUP, REGIONAL_LOGIN)
        )


@demo_builder(order=960, always=True)
def coordinator_clubs(context: DemoContext):
    """Links the demo coordinator to the first clubs of Moscow, once."""
    user = get_user_model().objects.filter(username=COORDINATOR_LOGIN).first()
    if user is None or user.coordinated_clubs.exists():
        return
    for club in ClubPage.objects.filter(region__slug="moskva").order_by("pk")[:5]:
        club.coordinators.add(user)
        club.save_revision().publish()


@demo_builder(order=961, always=True)
def regional_editor_branch(context: DemoContext):
    """Makes the demo regional editor the editor of the Sverdlovsk branch, once, the way a chief editor does it:
    choosing them on the branch page and publishing it (which also grants the region's media collection)."""
    user = get_user_model().objects.filter(username=REGIONAL_LOGIN).first()
    if user is None or BranchPage.objects.filter(regional_editors=user).exists():
        return
    branch = BranchPage.objects.filter(region__slug=REGIONAL_BRANCH_REGION).order_by("pk").first()
    if branch is None:
        return
    branch.regional_editors.add(user)
    branch.save_revision().publish()
