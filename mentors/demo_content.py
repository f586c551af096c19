"""Demo content of calls for mentors and volunteer forms: a call for every audience (one past its deadline),
mentor applications in every status, one match shown on a club page, the form «Стать волонтёром» with
submissions, and a demo mentor coordinator.

Scale 1 is a small realistic site (7 calls, 18 applications); `--scale N` adds 5 calls and 18 applications per
step. Applications, consents and history are created with bulk_create; call pages without revisions.
"""

import datetime

from django.utils import timezone

from clubs.models import ClubPage, Direction
from home.applications import tokens
from home.applications.references import reserve_numbers
from home.demo import DemoContext, demo_builder
from home.demo_content import child_page
from home.factories import FormPageFactory
from home.models import ConsentRecord, ConsentText, FormField, FormPage, Region, VolunteerFormSubmission
from mentors.choices import Audience, EmployerOffer, MentoringFormat, Status
from mentors.factories import MentorCallIndexPageFactory, MentorCallPageFactory, in_days
from mentors.models import (
    MentorApplication,
    MentorApplicationStatusChange,
    MentorCallIndexPage,
    MentorCallPage,
    MentorMatch,
)

COORDINATORS_GROUP = "Координаторы наставников"
COORDINATOR_LOGIN = "mentors"

# (slug, title, audiences, region slug or None for all of Russia, deadline in days, lead, tasks, time)
CALLS = [
    (
        "veterany-i-geroi-truda",
        "Ветераны и Герои Труда — наставники молодёжи",
        [Audience.VETERANS],
        None,
        90,
        "Ваш опыт нужен ребятам, которые только выбирают профессию. Приходите в кружки своего города.",
        "Рассказывать о своей профессии, проводить мастер-классы, приглашать ребят на предприятия.",
        "2 часа в неделю или одна встреча в месяц",
    ),
    (
        "aktivisty-moskvy",
        "Активисты движения — наставники кружков Москвы",
        [Audience.ACTIVISTS],
        "moskva",
        45,
        "Московским кружкам нужны организаторы: помогите ребятам готовить проекты и акции.",
        "Помогать руководителю кружка, вести проектную работу, организовывать поездки.",
        "3–4 часа в неделю, от полугода",
    ),
    (
        "vypuskniki-vozvrashchaytes",
        "Выпускники кружков — возвращайтесь наставниками",
        [Audience.ALUMNI],
        None,
        60,
        "Вы прошли путь от новичка до мастера — покажите его тем, кто только начинает.",
        "Вести занятия для младших, помогать готовиться к соревнованиям и конкурсам.",
        "2–3 часа в неделю",
    ),
    (
        "predpriyatiya-urala",
        "Предприятия Урала: наставничество и работа для выпускников",
        [Audience.EMPLOYERS],
        "sverdlovskaya-oblast",
        30,
        "Приглашаем предприятия стать наставниками кружков и дать выпускникам первую работу.",
        "Принимать ребят на экскурсии и практику, выделять наставников из числа сотрудников, "
        "предлагать стажировки и рабочие места, в том числе для людей с инвалидностью.",
        "По договорённости: от одной встречи в месяц",
    ),
    (
        "starsheklassniki-vozhatye",
        "Старшеклассники — вожатые для младших",
        [Audience.SENIOR_PUPILS],
        "respublika-tatarstan",
        20,
        "Станьте старшим товарищем для ребят 9–12 лет в кружках Казани.",
        "Помогать на занятиях, вести игры и экскурсии вместе с руководителем кружка.",
        "2 часа в неделю после уроков",
    ),
    (
        "studenty-tehnicheskih-vuzov",
        "Студенты-наставники для технических кружков",
        [Audience.STUDENTS],
        "novosibirskaya-oblast",
        40,
        "Технические кружки Новосибирска ждут студентов инженерных специальностей.",
        "Вести занятия по робототехнике и моделированию, помогать с проектами на конкурсы.",
        "2–4 часа в неделю, можно онлайн",
    ),
    (
        "letniy-prizyv-2026",
        "Летний призыв наставников",
        [Audience.VETERANS, Audience.ACTIVISTS],
        "krasnodarskiy-kray",
        -10,
        "Наставники для летних смен кружков Кубани. Приём заявок завершён — спасибо всем откликнувшимся!",
        "Проводить занятия и походы в летних сменах.",
        "Одна смена — 2 недели",
    ),
]

# (name, audience, profession, directions, region slug, city, employer offers)
MENTORS = [
    ("Кузнецов Виктор Павлович", Audience.VETERANS, "Токарь-универсал, Герой Труда", ["technical", "labour"]),
    ("Орлова Галина Ивановна", Audience.VETERANS, "Учитель истории, краевед", ["local_history", "patriotic"]),
    ("Белов Сергей Андреевич", Audience.ACTIVISTS, "Инженер-конструктор", ["technical"]),
    ("Захарова Ирина Олеговна", Audience.ALUMNI, "Руководитель волонтёрского центра", ["volunteering"]),
    (
        "Соколов Андрей Викторович",
        Audience.EMPLOYERS,
        "Начальник отдела подготовки кадров",
        ["labour", "technical"],
    ),
    ("Гарипов Тимур Ринатович", Audience.SENIOR_PUPILS, "Ученик 11 класса, призёр олимпиад", ["technical"]),
]
STATUS_PLAN = [
    Status.NEW,
    Status.INTERVIEW,
    Status.APPROVED,
    Status.MATCHED,
    Status.DECLINED,
    Status.WITHDRAWN,
]
# Three applications in each status per scale step, but one match: the mentor shown on a Moscow club page.
APPLICATIONS_PER_STATUS = 3
MATCHED_PER_STEP = 1

VOLUNTEER_FIELDS = [
    ("Фамилия и имя", "singleline", True, "", ""),
    ("Телефон", "phone", True, "", "Например: +7 912 345-67-89"),
    ("Электронная почта", "email", False, "", ""),
    ("Ваш возраст", "number", True, "", "Если вам нет 18 лет, анкету вместе с вами заполняет родитель."),
    ("Город", "singleline", True, "", ""),
    (
        "Чем хотите помочь",
        "checkboxes",
        True,
        "Помощь ветеранам\nОрганизация мероприятий\nЭкскурсии и походы\nФото и видео",
        "",
    ),
    ("Когда удобно", "radio", True, "В будни\nВ выходные\nВ любое время", ""),
    ("О себе", "multiline", False, "", "Чем увлекаетесь, был ли опыт волонтёрства — по желанию."),
]
# The age is the applicant's: under 18 the form asks for a parent's data and consent.
VOLUNTEER_FIELD_OPTIONS = {"Ваш возраст": {"min_value": 14, "max_value": 99, "is_applicant_age": True}}
DEMO_GUARDIANS = {"Андреева Дарья": ("Андреева Ирина Викторовна", "+79161234599")}
VOLUNTEERS = [
    ("Андреева Дарья", "+79161234501", "dasha@example.org", 17, "Москва", ["Помощь ветеранам"], "В выходные"),
    ("Никитин Павел", "+79161234502", "", 22, "Тула", ["Экскурсии и походы", "Фото и видео"], "В будни"),
    (
        "Ермакова Ксения",
        "+79161234503",
        "ksenia@example.org",
        19,
        "Казань",
        ["Организация мероприятий"],
        "В любое время",
    ),
    ("Титов Глеб", "+79161234504", "", 25, "Пермь", ["Помощь ветеранам", "Фото и видео"], "В выходные"),
]


def _call_count(scale: int) -> int:
    return len(CALLS) + 5 * (scale - 1)


@demo_builder(order=300)
def mentor_calls(context: DemoContext):
    home = context.shared["home"]
    index = child_page(
        home,
        MentorCallIndexPage,
        MentorCallIndexPageFactory,
        "nastavnikam",
        title="Наставникам",
        intro="Активисты, выпускники, работодатели, старшеклассники, студенты, ветераны и Герои Труда — "
        "откликнитесь на призыв и станьте наставником для ребят из кружков и клубов.",
        show_in_menus=True,
    )
    existing = set(MentorCallPage.objects.child_of(index).values_list("slug", flat=True))
    regions = {region.slug: region for region in Region.objects.all()}
    clubs_by_region = {}
    for club in ClubPage.objects.live().select_related("region").order_by("pk"):
        clubs_by_region.setdefault(club.region.slug, []).append(club)
    for number in range(_call_count(context.scale)):
        slug, title, audiences, region_slug, days, lead, tasks, time = CALLS[number % len(CALLS)]
        if number >= len(CALLS):
            slug, title = f"{slug}-{number}", f"{title} — {number // len(CALLS) + 1}"
            days = abs(days) + number % 30
        if slug in existing:
            continue
        region = regions.get(region_slug) if region_slug else None
        MentorCallPageFactory(
            parent=index,
            slug=slug,
            title=title,
            lead=lead,
            mentor_tasks=tasks,
            time_commitment=time,
            deadline=in_days(days),
            region=region,
            contact_name="Смирнова Анна Сергеевна",
            contact_phone="+7 (495) 000-00-10",
            contact_email="nastavniki@trudovaya-doblest.example",
            audiences=audiences,
            clubs=clubs_by_region.get(region_slug, [])[:3] if region_slug else [],
        )


@demo_builder(order=310)
def mentor_applications(context: DemoContext):
    if MentorApplication.objects.exists():
        return
    calls = list(MentorCallPage.objects.open().order_by("pk"))
    if not calls:
        return
    moscow = Region.objects.get(slug="moskva")
    regions = list(Region.objects.order_by("name"))
    consent_text = ConsentText.objects.current(ConsentText.Kind.MENTOR)
    publication_text = ConsentText.objects.current(ConsentText.Kind.PUBLICATION)
    rng = context.random
    now = timezone.now()
    plans = []
    for batch in range(context.scale):
        for status in STATUS_PLAN:
            for copy in range(MATCHED_PER_STEP if status == Status.MATCHED else APPLICATIONS_PER_STATUS):
                name, audience, profession, directions = MENTORS[(len(plans) + copy) % len(MENTORS)]
                # The matched mentors are Moscow technicians, so that a Moscow technical club fits them.
                if status == Status.MATCHED:
                    name, audience, profession, directions = MENTORS[0]
                region = moscow if status == Status.MATCHED or batch == 0 else rng.choice(regions)
                age_days = 8 if status == Status.NEW and copy == 0 else rng.randint(1, 40)
                plans.append((status, name, audience, profession, directions, region, age_days, len(plans)))
    references = reserve_numbers(len(plans))
    records = []
    for (status, name, *_rest), reference in zip(plans, references, strict=True):
        records.append(_consent(consent_text, name, f"Заявка наставника № {reference}"))
        records.append(
            _consent(publication_text, name, f"Имя и профессия на страницах кружков; заявка № {reference}")
            if status == Status.MATCHED
            else None
        )
    created_consents = iter(ConsentRecord.objects.bulk_create([record for record in records if record]))
    consents = [next(created_consents) if record else None for record in records]
    applications = []
    for index, (
        (status, name, audience, profession, directions, region, age_days, number),
        reference,
    ) in enumerate(zip(plans, references, strict=True)):
        created = now - datetime.timedelta(days=age_days, hours=rng.randint(0, 20))
        is_employer = audience == Audience.EMPLOYERS
        applications.append(
            MentorApplication(
                call=calls[number % len(calls)],
                reference_number=reference,
                status_token_digest=tokens.new_token()[1],
                status=status,
                created_at=created,
                status_changed_at=None if status == Status.NEW else created + datetime.timedelta(days=2),
                consent=consents[2 * index],
                publication_consent=consents[2 * index + 1],
                full_name=name,
                phone=f"+7900{number:07d}",
                email=f"mentor{number}@example.org",
                region=region,
                city="Москва" if region == moscow else region.name,
                audience=audience,
                profession=profession,
                experience="Больше двадцати лет в профессии, участвую в профориентации школьников.",
                directions=directions,
                availability=rng.choice(["2 часа в неделю", "Одна встреча в месяц", "По выходным"]),
                mentoring_format=rng.choice(MentoringFormat.values),
                organization="АО «Уралмашзавод»" if is_employer else "",
                employer_offers=[offer.value for offer in EmployerOffer] if is_employer else [],
                employer_offer_details="10 мест на практику летом, 3 рабочих места для выпускников с ОВЗ."
                if is_employer
                else "",
            )
        )
    created_applications = MentorApplication.objects.bulk_create(applications, batch_size=1000)
    MentorApplicationStatusChange.objects.bulk_create(_history(created_applications), batch_size=2000)
    _match_demo_mentors([a for a in created_applications if a.status == Status.MATCHED])
    context.log(f"  заявок наставников: {len(created_applications)}")


def _consent(text, name, covers):
    return ConsentRecord(
        text=text, ip_address="127.0.0.1", given_by_name=name, given_by_email="", covers=covers[:300]
    )


def _history(applications):
    """The statuses each demo application went through to reach its own."""
    paths = {
        Status.NEW: [Status.NEW],
        Status.INTERVIEW: [Status.NEW, Status.INTERVIEW],
        Status.APPROVED: [Status.NEW, Status.INTERVIEW, Status.APPROVED],
        Status.MATCHED: [Status.NEW, Status.INTERVIEW, Status.APPROVED, Status.MATCHED],
        Status.DECLINED: [Status.NEW, Status.INTERVIEW, Status.DECLINED],
        Status.WITHDRAWN: [Status.NEW, Status.WITHDRAWN],
    }
    history = []
    for application in applications:
        previous = ""
        for step, status in enumerate(paths[application.status]):
            history.append(
                MentorApplicationStatusChange(
                    application=application,
                    from_status=previous,
                    to_status=status,
                    changed_at=application.created_at + datetime.timedelta(hours=step * 20),
                    note="Заявка подана на сайте." if not previous else "Демонстрационная запись.",
                    public_message="Приглашаем на собеседование." if status == Status.INTERVIEW else "",
                )
            )
            previous = status
    return history


def _match_demo_mentors(matched):
    """Each matched demo mentor works with a Moscow club whose direction fits (one per scale step)."""
    clubs = list(
        ClubPage.objects.live()
        .filter(region__slug="moskva", direction__in=[Direction.TECHNICAL, Direction.LABOUR])
        .order_by("pk")
    )
    if not clubs:
        return
    matches = []
    for position, application in enumerate(matched):
        club = clubs[position % len(clubs)]
        matches.append(MentorMatch(mentor=application, club=club, note="Первое занятие — в начале месяца."))
    MentorMatch.objects.bulk_create(matches)


@demo_builder(order=320)
def volunteer_form(context: DemoContext):
    home = context.shared["home"]
    page = FormPage.objects.child_of(home).filter(slug="stat-volonterom").first()
    if page is None:
        page = FormPageFactory(
            parent=home,
            slug="stat-volonterom",
            title="Стать волонтёром",
            intro="Помогайте ветеранам, организуйте акции и экскурсии вместе с нами. Заполните анкету — "
            "координатор волонтёров позвонит вам в течение недели.",
            thank_you_text="<p>Спасибо! Координатор волонтёров позвонит вам в течение недели.</p>",
            to_address="volontery@trudovaya-doblest.example",
            subject="Новая анкета волонтёра",
            show_in_menus=True,
            form_fields=[
                FormField(
                    label=label,
                    field_type=kind,
                    required=required,
                    choices=choices,
                    help_text=help_text,
                    **VOLUNTEER_FIELD_OPTIONS.get(label, {}),
                )
                for label, kind, required, choices, help_text in VOLUNTEER_FIELDS
            ],
        )
    if VolunteerFormSubmission.objects.filter(page=page).exists():
        return
    names = [field.clean_name for field in page.form_fields.all()]
    text = ConsentText.objects.current(ConsentText.Kind.VOLUNTEER)
    guardian_text = ConsentText.objects.current(ConsentText.Kind.VOLUNTEER_GUARDIAN)
    entries = VOLUNTEERS * context.scale
    for (name, phone, email, age, city, helps, when), reference in zip(
        entries, reserve_numbers(len(entries)), strict=True
    ):
        covers = f"Анкета № {reference} «{page.title}»"
        consent = ConsentRecord.objects.create(
            text=text, ip_address="127.0.0.1", given_by_name=name, given_by_email=email, covers=covers
        )
        data = dict(zip(names, [name, phone, email, age, city, helps, when, ""], strict=True))
        guardian_consent = None
        if name in DEMO_GUARDIANS:  # a minor: the parent's data and consent, as the form asks
            guardian_name, guardian_phone = DEMO_GUARDIANS[name]
            data.update(guardian_name=guardian_name, guardian_phone=guardian_phone, guardian_email="")
            guardian_consent = ConsentRecord.objects.create(
                text=guardian_text,
                ip_address="127.0.0.1",
                given_by_name=guardian_name,
                covers=f"{covers}, за заявителя младше 18 лет",
            )
        VolunteerFormSubmission.objects.create(
            page=page,
            consent=consent,
            guardian_consent=guardian_consent,
            reference_number=reference,
            form_data=data,
        )


@demo_builder(order=390, always=True)
def mentor_coordinator_account(context: DemoContext):
    """The demo mentor coordinator is created by home's demo_accounts builder (order 950) with the others."""
    if context.create_accounts:
        context.shared.setdefault("extra_accounts", []).append(
            ("Координатор наставников", COORDINATORS_GROUP, COORDINATOR_LOGIN)
        )
