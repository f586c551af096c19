"""Demo content of stories: awards, industries, heroes from several regions, stories of every kind.

Scale 1 is a small realistic site: 12 heroes and 36 stories (a story and an interview about every hero, six best
practices, six news). `--scale N` adds generated heroes and stories: 12·N heroes and about 100·N stories
(scale 100 ≈ 10,000 stories). Pages are created without revisions, pictures come from a pool of about twenty,
and search indexing is done in batches at the end instead of once per saved page.
"""

import datetime
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from django.utils import timezone

from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backends
from wagtail.search.signal_handlers import post_save_signal_handler

from home.demo import DemoContext, demo_builder
from home.demo_content import child_page
from home.models import Region

from .factories import HeroIndexPageFactory, StoryIndexPageFactory
from .models import (
    Award,
    AwardKind,
    HeroAward,
    HeroIndexPage,
    HeroPage,
    HeroTimelineEvent,
    Industry,
    StoryHero,
    StoryIndexPage,
    StoryKind,
    StoryPage,
    StoryTag,
)
from .transliteration import latin_slug

INDEX_BATCH = 500

INDUSTRIES = [
    "Металлургия",
    "Угольная промышленность",
    "Машиностроение",
    "Авиастроение",
    "Нефтегазовая отрасль",
    "Сельское хозяйство",
    "Строительство",
    "Образование",
    "Здравоохранение",
    "Транспорт",
]

AWARDS = [
    ("Герой Социалистического Труда", AwardKind.HERO_OF_SOCIALIST_LABOUR),
    ("Герой Труда Российской Федерации", AwardKind.HERO_OF_LABOUR),
    ("Орден Трудовой Славы I степени", AwardKind.ORDER_OF_LABOUR_GLORY),
    ("Орден Трудовой Славы II степени", AwardKind.ORDER_OF_LABOUR_GLORY),
    ("Орден Трудовой Славы III степени", AwardKind.ORDER_OF_LABOUR_GLORY),
    ("Государственная премия СССР", AwardKind.STATE_PRIZE),
    ("Государственная премия Российской Федерации", AwardKind.STATE_PRIZE),
    ("Орден Ленина", AwardKind.OTHER),
    ("Орден Трудового Красного Знамени", AwardKind.OTHER),
]

TAGS = [
    "наставничество",
    "молодёжь",
    "трудовая династия",
    "рабочие профессии",
    "профессиональное образование",
    "патриотическое воспитание",
    "музей предприятия",
    "школьники",
    "конкурс мастерства",
    "волонтёры",
    "память",
    "ветераны труда",
]

# (full name, feminine, born, died, region slug, profession, industry, [(award, year)], where, biography,
#  [(year, event)])
HEROES = [
    (
        "Кузнецов Пётр Алексеевич", False, 1931, 2012, "sverdlovskaya-oblast", "сталевар", "Металлургия",
        [("Орден Ленина", 1966), ("Герой Социалистического Труда", 1971)], "на Нижнетагильском металлургическом комбинате",
        "Пришёл на комбинат в шестнадцать лет подручным сталевара. За тридцать восемь лет у мартеновской печи выплавил сотни тысяч тонн стали и подготовил больше сорока сталеваров.",
        [(1947, "Пришёл на комбинат подручным сталевара"), (1958, "Стал сталеваром мартеновской печи № 5"), (1971, "Удостоен звания Героя Социалистического Труда"), (1985, "Возглавил совет наставников комбината")],
    ),
    (
        "Горбунов Виктор Степанович", False, 1940, 2019, "kemerovskaya-oblast-kuzbass", "горнорабочий очистного забоя", "Угольная промышленность",
        [("Орден Трудовой Славы III степени", 1975), ("Орден Трудовой Славы II степени", 1980), ("Орден Трудовой Славы I степени", 1986)], "на шахте «Распадская»",
        "Полный кавалер ордена Трудовой Славы. Бригада Горбунова не раз ставила рекорды добычи угля в Кузбассе, а сам он всегда говорил, что главный рекорд — когда вся смена поднимается на-гора живой и здоровой.",
        [(1958, "Окончил горнопромышленное училище"), (1962, "Спустился в забой шахты «Распадская»"), (1975, "Награждён орденом Трудовой Славы III степени"), (1986, "Стал полным кавалером ордена Трудовой Славы")],
    ),
    (
        "Ахметова Гульнара Фаритовна", True, 1962, None, "respublika-tatarstan", "оператор по добыче нефти", "Нефтегазовая отрасль",
        [("Орден Трудового Красного Знамени", 1989), ("Герой Труда Российской Федерации", 2016)], "в нефтегазодобывающем управлении «Альметьевнефть»",
        "Тридцать пять лет обслуживает скважины Ромашкинского месторождения. Первой в управлении освоила цифровой контроль скважин и сама обучила ему больше ста молодых операторов.",
        [(1981, "Окончила Альметьевский нефтяной техникум"), (1982, "Стала оператором по добыче нефти"), (2005, "Внедрила цифровой контроль скважин на своём участке"), (2016, "Удостоена звания Героя Труда Российской Федерации")],
    ),
    (
        "Лебедева Мария Ивановна", True, 1928, 2015, "belgorodskaya-oblast", "доярка", "Сельское хозяйство",
        [("Герой Социалистического Труда", 1966)], "в колхозе имени Фрунзе",
        "Всю жизнь проработала на ферме родного колхоза. Её группа коров давала рекордные надои по области, а вечерами она вела кружок юных животноводов в сельской школе.",
        [(1943, "Пришла работать на колхозную ферму"), (1966, "Удостоена звания Героя Социалистического Труда"), (1970, "Открыла кружок юных животноводов в сельской школе")],
    ),
    (
        "Семёнов Николай Фёдорович", False, 1945, None, "nizhegorodskaya-oblast", "токарь-расточник", "Машиностроение",
        [("Орден Трудовой Славы III степени", 1976), ("Орден Трудовой Славы II степени", 1982), ("Государственная премия СССР", 1984)], "на Горьковском автомобильном заводе",
        "Токарь высшего разряда, рационализатор, автор приспособлений, которые до сих пор работают в цехах завода. Лауреат Государственной премии СССР за внедрение новой технологии обработки блоков цилиндров.",
        [(1962, "Пришёл учеником токаря на Горьковский автозавод"), (1976, "Награждён орденом Трудовой Славы III степени"), (1984, "Стал лауреатом Государственной премии СССР"), (2010, "Начал вести заводскую школу наставников")],
    ),
    (
        "Ковалёв Андрей Григорьевич", False, 1958, None, "krasnodarskiy-kray", "комбайнёр", "Сельское хозяйство",
        [("Орден Трудовой Славы III степени", 1987), ("Герой Труда Российской Федерации", 2014)], "в агрофирме «Кубань»",
        "Сорок уборочных кампаний за штурвалом комбайна. Ежегодно намолачивает больше всех в районе и каждое лето берёт в экипаж студентов аграрного колледжа.",
        [(1976, "Сел за штурвал комбайна"), (1987, "Награждён орденом Трудовой Славы III степени"), (2014, "Удостоен звания Героя Труда Российской Федерации")],
    ),
    (
        "Орлова Валентина Петровна", True, 1939, None, "moskva", "учитель начальных классов", "Образование",
        [("Герой Социалистического Труда", 1978)], "в московской школе № 1",
        "Больше полувека учила первоклассников. Её выпускники — инженеры, врачи, учителя; многие привели к ней своих детей и внуков. Автор методики обучения чтению, по которой работают учителя всей страны.",
        [(1958, "Окончила педагогическое училище"), (1959, "Начала работать учителем начальных классов"), (1978, "Удостоена звания Героя Социалистического Труда")],
    ),
    (
        "Зайцев Юрий Николаевич", False, 1948, None, "novosibirskaya-oblast", "инженер-технолог авиационного производства", "Авиастроение",
        [("Государственная премия Российской Федерации", 2002), ("Орден Трудового Красного Знамени", 1986)], "на Новосибирском авиационном заводе",
        "Прошёл путь от слесаря-сборщика до главного технолога завода. Лауреат Государственной премии за освоение серийного выпуска новых самолётов, председатель совета наставников предприятия.",
        [(1966, "Пришёл на авиазавод слесарем-сборщиком"), (1975, "Окончил Новосибирский электротехнический институт"), (2002, "Стал лауреатом Государственной премии Российской Федерации")],
    ),
    (
        "Гарипов Рустам Ильдарович", False, 1965, None, "respublika-bashkortostan", "мастер буровой бригады", "Нефтегазовая отрасль",
        [("Герой Труда Российской Федерации", 2019)], "в буровой компании «Башнефть-Бурение»",
        "Его бригада пробурила больше миллиона метров скважин. Гарипов первым в республике начал брать на буровую студентов-практикантов и добился, чтобы практика засчитывалась им как стаж.",
        [(1984, "Окончил Октябрьский нефтяной техникум"), (1996, "Возглавил буровую бригаду"), (2019, "Удостоен звания Героя Труда Российской Федерации")],
    ),
    (
        "Белова Татьяна Сергеевна", True, 1955, None, "chelyabinskaya-oblast", "вальцовщица трубопрокатного стана", "Металлургия",
        [("Орден Трудовой Славы III степени", 1985), ("Орден Трудовой Славы II степени", 1991)], "на Челябинском трубопрокатном заводе",
        "Одна из немногих женщин-вальцовщиц на стане «1020». Сейчас руководит заводским музеем трудовой славы и водит по нему экскурсии для школьников.",
        [(1973, "Пришла на трубопрокатный завод"), (1985, "Награждена орденом Трудовой Славы III степени"), (2012, "Возглавила заводской музей трудовой славы")],
    ),
    (
        "Миронов Сергей Павлович", False, 1934, 2008, "rostovskaya-oblast", "бригадир каменщиков", "Строительство",
        [("Герой Социалистического Труда", 1974)], "в тресте «Ростовстрой»",
        "Его бригада построила больше ста жилых домов в Ростове-на-Дону и Волгодонске. Миронов одним из первых ввёл бригадный подряд и всегда ставил новичков в пару с опытными каменщиками.",
        [(1952, "Начал работать каменщиком"), (1963, "Возглавил комплексную бригаду"), (1974, "Удостоен звания Героя Социалистического Труда")],
    ),
    (
        "Дорофеева Ольга Николаевна", True, 1960, None, "khanty-mansiyskiy-avtonomnyy-okrug-yugra", "хирург", "Здравоохранение",
        [("Герой Труда Российской Федерации", 2020)], "в окружной клинической больнице Ханты-Мансийска",
        "Сосудистый хирург, провела больше пяти тысяч операций. Создала в округе школу молодых хирургов и санавиацию, которая доставляет врачей в самые дальние посёлки.",
        [(1983, "Окончила Тюменский медицинский институт"), (1995, "Возглавила отделение сосудистой хирургии"), (2020, "Удостоена звания Героя Труда Российской Федерации")],
    ),
]  # fmt: skip

# Pictures shared by all stories; drawn once, reused at every scale.
PICTURE_POOL = [
    (
        "Мартеновский цех комбината",
        "factory",
        "Цех металлургического комбината: трубы и корпуса на фоне заката",
    ),
    ("Заводские корпуса на рассвете", "factory", "Корпуса завода и дымящие трубы на рассвете"),
    ("Шахтёрский посёлок", "landscape", "Холмы над шахтёрским посёлком"),
    ("Поля агрофирмы в августе", "landscape", "Поля и холмы в летний день"),
    ("Наставник и ученики в мастерской", "group", "Наставник с учениками в мастерской"),
    ("Встреча ветеранов со школьниками", "group", "Ветераны труда и школьники на встрече"),
    ("Выпускники профессионального колледжа", "group", "Выпускники колледжа на торжественной линейке"),
    ("Цех сборки", "factory", "Сборочный цех: силуэты станков и окна"),
    ("Нефтяные качалки", "landscape", "Холмистая равнина, где работают нефтяные качалки"),
    ("Стройка жилого квартала", "factory", "Строящиеся дома и краны на фоне неба"),
    ("Трудовая династия на заводе", "group", "Три поколения одной рабочей семьи"),
    ("Заводской музей трудовой славы", "group", "Посетители в заводском музее"),
    ("Речной порт", "landscape", "Берег реки и портовые краны"),
    ("Конкурс профессионального мастерства", "group", "Участники конкурса мастерства у верстаков"),
    ("Тайга у нефтяного месторождения", "landscape", "Тайга и дорога к месторождению"),
    ("Литейный цех", "factory", "Литейный цех: огни печей и трубы"),
    ("Школьный кружок юных техников", "group", "Школьники в кружке юных техников"),
    ("Сельская школа", "landscape", "Сельская школа среди полей"),
    ("Авиазавод", "factory", "Корпуса авиационного завода"),
    ("Волонтёры на субботнике", "group", "Волонтёры убирают территорию у памятника"),
]

PRACTICES = [
    (
        "Школа наставников на заводе: как опыт передают за полгода",
        "sverdlovskaya-oblast",
        "На комбинате каждый новичок получает наставника из числа ветеранов. Рассказываем, как устроена программа и почему молодые рабочие остаются на заводе.",
    ),
    (
        "Музей трудовой славы как класс: уроки для школьников в заводском музее",
        "chelyabinskaya-oblast",
        "Заводской музей стал площадкой для уроков технологии и истории. Экскурсии ведут ветераны, а старшеклассники готовят свои проекты.",
    ),
    (
        "Практика на буровой: студенты работают рядом с мастерами",
        "respublika-bashkortostan",
        "Буровая компания берёт студентов техникума в бригады на всё лето. Практика засчитывается в стаж, а лучшие получают предложение о работе.",
    ),
    (
        "Клуб юных животноводов: как сельская школа готовит смену для фермы",
        "belgorodskaya-oblast",
        "Полвека назад его основала Мария Ивановна Лебедева. Сегодня клуб работает при агрохолдинге, и его выпускники возвращаются в село специалистами.",
    ),
    (
        "Школа молодого хирурга: наставничество в окружной больнице",
        "khanty-mansiyskiy-avtonomnyy-okrug-yugra",
        "Каждый молодой хирург в больнице год работает в паре с опытным. Как устроена программа и что она дала округу.",
    ),
    (
        "Трудовые династии: конкурс семейных историй для школьников",
        "nizhegorodskaya-oblast",
        "Школьники собирают истории своих семей — рабочих, инженеров, учителей. Лучшие работы вошли в книгу, изданную к юбилею завода.",
    ),
]

NEWS = [
    ("В Екатеринбурге открылся методический центр наставничества", "sverdlovskaya-oblast"),
    ("Герои Труда встретились со студентами аграрного колледжа", "krasnodarskiy-kray"),
    ("В Казани прошёл форум «Наставничество — связь поколений»", "respublika-tatarstan"),
    ("В Новосибирске подвели итоги конкурса профессионального мастерства", "novosibirskaya-oblast"),
    ("В Москве вручили премию имени Валентины Орловой молодым учителям", "moskva"),
    ("В Ростове-на-Дону открыли аллею Героев Труда", "rostovskaya-oblast"),
]

# For the generated heroes of larger scales.
MALE_NAMES = [
    "Иван",
    "Алексей",
    "Михаил",
    "Владимир",
    "Геннадий",
    "Борис",
    "Евгений",
    "Василий",
    "Анатолий",
    "Олег",
]
FEMALE_NAMES = [
    "Анна",
    "Нина",
    "Галина",
    "Людмила",
    "Елена",
    "Зинаида",
    "Клавдия",
    "Ирина",
    "Светлана",
    "Вера",
]
PATRONYMICS = ["Иванов", "Петров", "Сергеев", "Николаев", "Михайлов", "Васильев", "Андреев", "Фёдоров"]
SURNAMES = [
    "Смирнов",
    "Волков",
    "Соколов",
    "Морозов",
    "Новиков",
    "Фролов",
    "Егоров",
    "Павлов",
    "Степанов",
    "Никитин",
    "Захаров",
    "Громов",
]
PROFESSIONS = [
    ("сталевар", "Металлургия"),
    ("горный мастер", "Угольная промышленность"),
    ("фрезеровщик", "Машиностроение"),
    ("слесарь-сборщик летательных аппаратов", "Авиастроение"),
    ("бурильщик", "Нефтегазовая отрасль"),
    ("механизатор", "Сельское хозяйство"),
    ("монтажник", "Строительство"),
    ("учитель физики", "Образование"),
    ("фельдшер", "Здравоохранение"),
    ("машинист электровоза", "Транспорт"),
]
REGIONS_FOR_GENERATED = [
    "sverdlovskaya-oblast", "kemerovskaya-oblast-kuzbass", "respublika-tatarstan", "belgorodskaya-oblast",
    "nizhegorodskaya-oblast", "krasnodarskiy-kray", "moskva", "novosibirskaya-oblast", "respublika-bashkortostan",
    "chelyabinskaya-oblast", "rostovskaya-oblast", "khanty-mansiyskiy-avtonomnyy-okrug-yugra", "murmanskaya-oblast",
    "altayskiy-kray", "sankt-peterburg",
]  # fmt: skip


def paragraph(*texts):
    return ("paragraph", RichText("".join(f"<p>{text}</p>" for text in texts)))


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def quote(text, attribution):
    return ("quote", {"text": text, "attribution": attribution})


def image(picture, caption):
    return ("image", {"image": picture, "caption": caption, "credit": ""})


def gallery(title, pictures):
    return ("gallery", {"title": title, "images": [{"image": p, "caption": p.title} for p in pictures]})


def timeline(title, events):
    return ("timeline", {"title": title, "events": [{"year": year, "text": text} for year, text in events]})


@contextmanager
def indexed_in_batches(*models):
    """Saves of these models skip per-page search indexing; the yielded lists are indexed in batches at the end.

    Indexing each page as it is saved costs several queries (and on PostgreSQL a pass over the whole index to
    refresh title norms), which would dominate building thousands of stories.
    """
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    created = {model: [] for model in models}
    try:
        yield created
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
    for model, objects in created.items():
        for start in range(0, len(objects), INDEX_BATCH):
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, objects[start : start + INDEX_BATCH])


def published_at(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(10, 0)))


def picture_pool(context: DemoContext):
    pool = context.shared.get("story_pictures")
    if pool is None:
        pool = [
            context.pictures.get(title, kind, alt=alt, credit="Иллюстрация: архив организации")
            for title, kind, alt in PICTURE_POOL
        ]
        context.shared["story_pictures"] = pool
    return pool


@demo_builder(order=100)
def awards_and_industries(context: DemoContext):
    for name in INDUSTRIES:
        Industry.objects.get_or_create(slug=latin_slug(name), defaults={"name": name})
    for name, kind in AWARDS:
        Award.objects.get_or_create(name=name, defaults={"kind": kind})
    for name in TAGS:
        if not StoryTag.objects.filter(name=name).exists():
            StoryTag.objects.create(name=name)


def _hero_page(context, data, regions, industries, awards, portrait):
    name, feminine, born, died, region, profession, industry, held, _where, biography, events = data
    hero = HeroPage(
        title=name,
        slug=latin_slug(name),
        portrait=portrait,
        birth_year=born,
        death_year=died,
        region=regions[region],
        profession=profession,
        industry=industries[industry],
        biography=f"<p>{biography}</p>",
        search_description=biography.split(". ")[0] + ".",
        show_in_menus=False,
    )
    hero.awards = [
        HeroAward(award=awards[award], year=year, sort_order=i) for i, (award, year) in enumerate(held)
    ]
    hero.timeline_events = [
        HeroTimelineEvent(year=year, text=text, sort_order=i) for i, (year, text) in enumerate(events)
    ]
    return hero


def _generated_hero(rng):
    feminine = rng.random() < 0.5
    first = rng.choice(FEMALE_NAMES if feminine else MALE_NAMES)
    surname = rng.choice(SURNAMES) + ("а" if feminine else "")
    patronymic = rng.choice(PATRONYMICS) + ("на" if feminine else "ич")
    profession, industry = rng.choice(PROFESSIONS)
    born = rng.randint(1925, 1975)
    died = born + rng.randint(65, 85) if rng.random() < 0.3 else None
    died = died if died and died <= 2025 else None
    award, award_year = rng.choice(
        [
            ("Герой Социалистического Труда", min(born + 35, 1991)),
            ("Герой Труда Российской Федерации", max(born + 45, 2014)),
            ("Орден Трудовой Славы III степени", min(born + 30, 1991)),
        ]
    )
    award_year = min(award_year, 2025)
    worked, raised, awarded = (
        ("проработала", "воспитала", "Награждена") if feminine else ("проработал", "воспитал", "Награждён")
    )
    biography = (
        f"Всю жизнь {worked} по профессии «{profession}» и {raised} не одно поколение учеников. "
        "Сегодня рассказывает молодым о своём деле на встречах в школах и колледжах."
    )
    events = [(born + 18, "Начало трудового пути"), (award_year, f"{awarded}: {award}")]
    name = f"{surname} {first} {patronymic}"
    return (
        name,
        feminine,
        born,
        died,
        rng.choice(REGIONS_FOR_GENERATED),
        profession,
        industry,
        [(award, award_year)],
        "",
        biography,
        events,
    )


@demo_builder(order=110)
def heroes(context: DemoContext):
    home = context.shared["home"]
    index = child_page(
        home,
        HeroIndexPage,
        HeroIndexPageFactory,
        "geroi",
        title="Герои",
        intro="Герои Социалистического Труда, Герои Труда Российской Федерации, полные кавалеры ордена Трудовой Славы и лауреаты государственных премий — люди, чей труд стал примером для страны.",
        show_in_menus=True,
    )
    regions = {region.slug: region for region in Region.objects.all()}
    industries = {industry.name: industry for industry in Industry.objects.all()}
    awards = {award.name: award for award in Award.objects.all()}
    existing = set(HeroPage.objects.child_of(index).values_list("slug", flat=True))
    wanted = [(latin_slug(data[0]), data) for data in HEROES]
    # Generated heroes may share a name, as people do; their addresses are numbered.
    wanted += [
        (f"geroy-{number:05d}", _generated_hero(context.random))
        for number in range(len(HEROES), len(HEROES) * context.scale)
    ]
    with indexed_in_batches(HeroPage) as created:
        for number, (slug, data) in enumerate(wanted):
            if slug in existing:
                continue
            portrait = None
            if number < len(HEROES):
                portrait = context.pictures.get(
                    f"Портрет: {data[0]}", "portrait", alt=f"Портрет: {data[0]}", credit="Из семейного архива"
                )
            hero = _hero_page(context, data, regions, industries, awards, portrait)
            hero.slug = slug
            hero.first_published_at = hero.last_published_at = published_at(datetime.date(2024, 1, 1))
            index.add_child(instance=hero)
            created[HeroPage].append(hero)
    context.shared["hero_index"] = index
    context.shared["heroes"] = list(HeroPage.objects.child_of(index).live().order_by("pk")[: len(HEROES)])
    # Later scales reuse the generated heroes for generated stories.
    context.shared["all_hero_ids"] = list(HeroPage.objects.child_of(index).values_list("pk", flat=True))


def _story_body(hero_data, pictures, rng):
    name, feminine, born, died, region, profession, industry, held, where, biography, events = hero_data
    short = name.split()[1] + " " + name.split()[2] if len(name.split()) >= 3 else name
    she = feminine
    return [
        paragraph(
            f"{biography}",
            f"Мы {'встретились с ней' if she else 'встретились с ним'} {where}, где прошла большая часть {'её' if she else 'его'} трудовой жизни.",
        ),
        heading("Начало пути"),
        paragraph(
            f"{short} {'пришла' if she else 'пришёл'} на производство совсем молодым человеком. "
            "Первые годы были трудными: смены по двенадцать часов, общежитие, вечерняя учёба. "
            f"Но рядом всегда были старшие товарищи, которые не жалели времени на {'новенькую' if she else 'новичка'}.",
        ),
        quote(
            "Меня научили главному: работу надо делать так, чтобы за неё не было стыдно ни перед людьми, ни перед собой. Этому я и учу своих ребят.",
            name,
        ),
        image(pictures[0], f"{'Героиня' if she else 'Герой'} истории на рабочем месте"),
        heading("Наставник"),
        paragraph(
            f"За годы работы {short} {'подготовила' if she else 'подготовил'} десятки учеников. "
            "Многие из них сами стали мастерами и наставниками, а некоторые — руководителями предприятий.",
        ),
        gallery("Из семейного архива и архива предприятия", pictures[1:4]),
        timeline("Вехи трудового пути", events),
        paragraph(
            "Сегодня, как и прежде, важно, чтобы опыт старших не уходил вместе с ними. "
            "Встречи со школьниками, уроки мужества, работа в молодёжных клубах — продолжение того же труда."
        ),
    ]


def _interview_body(hero_data, pictures):
    name, feminine, *_rest = hero_data
    she = feminine
    return [
        paragraph(
            f"Мы поговорили с {'героиней' if she else 'героем'} о профессии, учениках и о том, что нужно молодым, чтобы найти своё дело."
        ),
        heading("— С чего начинается мастерство?", "h2"),
        paragraph(
            "— С уважения к делу. Можно выучить технологию, но если работа тебе неинтересна, мастером не станешь. Я всегда говорю ученикам: сначала полюбите, потом научитесь."
        ),
        heading("— Чему вы учите своих учеников в первую очередь?", "h2"),
        paragraph(
            "— Ответственности. На производстве от тебя зависят другие люди. Ошибся — подвёл всю смену. Это нужно понять в первые же дни."
        ),
        quote("Наставник — не тот, кто всё делает за ученика, а тот, кто вовремя подставит плечо.", name),
        image(pictures[0], "Во время интервью"),
        heading("— Что бы вы посоветовали тем, кто сейчас выбирает профессию?", "h2"),
        paragraph(
            "— Не бойтесь рабочих профессий. Хороший мастер нужен всегда и везде. А ещё — найдите себе наставника. Человека, у которого захочется учиться."
        ),
    ]


def _practice_body(lead, pictures):
    return [
        paragraph(lead),
        heading("Что сделали"),
        (
            "paragraph",
            RichText(
                "<ul><li>определили наставников из числа опытных работников и ветеранов;</li><li>составили для каждого ученика план на полгода;</li><li>раз в месяц наставники и ученики встречаются, чтобы обсудить успехи и трудности;</li><li>лучшие пары отмечают на общем собрании коллектива.</li></ul>"
            ),
        ),
        image(pictures[0], "Наставники и ученики"),
        heading("Результаты"),
        paragraph(
            "За три года работы программы через неё прошли больше двухсот человек. Девять из десяти остались работать на предприятии, а каждый пятый через несколько лет сам стал наставником."
        ),
        gallery("Как это было", pictures[1:5]),
        quote(
            "Мы не придумали ничего нового: так учили и нас. Просто вернули старую традицию и сделали её правилом.",
            "Руководитель программы",
        ),
    ]


def _news_body(title, pictures):
    return [
        paragraph(
            f"{title}. В мероприятии приняли участие Герои Труда, ветераны производства, студенты и школьники."
        ),
        image(pictures[0], "Участники встречи"),
        paragraph(
            "Организаторы рассказали о планах: в течение года в регионе пройдут встречи с наставниками, экскурсии на предприятия и конкурс профессионального мастерства для молодёжи."
        ),
    ]


def _story(title, slug, kind, lead, body, date, region, cover, tags, heroes, featured=False):
    story = StoryPage(
        title=title,
        slug=slug,
        kind=kind,
        lead=lead,
        body=body,
        date=date,
        region=region,
        cover_image=cover,
        featured=featured,
        first_published_at=published_at(date),
        last_published_at=published_at(date),
    )
    story.story_heroes = [StoryHero(hero=hero, sort_order=i) for i, hero in enumerate(heroes)]
    story.tags.add(*tags)
    return story


@demo_builder(order=120)
def stories(context: DemoContext):
    home = context.shared["home"]
    index = child_page(
        home,
        StoryIndexPage,
        StoryIndexPageFactory,
        "istorii",
        title="Истории",
        intro="Истории Героев Труда и их учеников, интервью, лучшие практики наставничества и новости регионов.",
        show_in_menus=True,
    )
    context.shared["story_index"] = index
    rng = context.random
    pool = picture_pool(context)
    regions = {region.slug: region for region in Region.objects.all()}
    tags = {tag.name: tag for tag in StoryTag.objects.all()}
    heroes = {hero.title: hero for hero in context.shared["heroes"]}
    existing = set(StoryPage.objects.child_of(index).values_list("slug", flat=True))
    today = timezone.localdate()
    day = 0

    def pictures(count):
        return [pool[rng.randrange(len(pool))] for _ in range(count)]

    def next_date():
        nonlocal day
        day += rng.randint(1, 4)
        return today - datetime.timedelta(days=day)

    def topics(*names):
        return [tags[name] for name in names] + rng.sample([tags[name] for name in TAGS], 2)

    wanted = []
    for number, data in enumerate(HEROES):
        hero = heroes.get(data[0])
        name, feminine = data[0], data[1]
        short = " ".join(name.split()[1:])
        pics = pictures(4)
        wanted.append(
            _story(
                f"{short} {name.split()[0]}: {'её' if feminine else 'его'} путь — {data[5]}",
                f"istoriya-{latin_slug(name)}",
                StoryKind.STORY,
                f"{'Она' if feminine else 'Он'} — {data[5]} {data[8]}, {'героиня' if feminine else 'герой'} этой истории. Рассказываем о трудовом пути и учениках.",
                _story_body(data, pics, rng),
                next_date(),
                regions[data[4]],
                pics[0],
                topics("наставничество", "рабочие профессии"),
                [hero] if hero else [],
                featured=number < 3,
            )
        )
        if data[3]:  # one can only talk today with a hero who is alive
            continue
        pics = pictures(1)
        wanted.append(
            _story(
                f"Интервью: {short} {name.split()[0]} о профессии и учениках",
                f"intervyu-{latin_slug(name)}",
                StoryKind.INTERVIEW,
                f"{'Героиня' if feminine else 'Герой'} рассказывает, с чего начинается мастерство и что посоветовать тем, кто выбирает профессию.",
                _interview_body(data, pics),
                next_date(),
                regions[data[4]],
                pics[0],
                topics("молодёжь"),
                [hero] if hero else [],
            )
        )
    by_region = {data[4]: heroes.get(data[0]) for data in HEROES}
    for title, region, lead in PRACTICES:
        pics = pictures(5)
        hero = by_region.get(region)
        wanted.append(
            _story(
                title,
                latin_slug(title),
                StoryKind.PRACTICE,
                lead,
                _practice_body(lead, pics),
                next_date(),
                regions[region],
                pics[0],
                topics("наставничество", "профессиональное образование"),
                [hero] if hero else [],
            )
        )
    for title, region in NEWS:
        pics = pictures(1)
        wanted.append(
            _story(
                title,
                latin_slug(title),
                StoryKind.NEWS,
                f"{title}: коротко о главном.",
                _news_body(title, pics),
                next_date(),
                regions[region],
                pics[0],
                topics("молодёжь"),
                [],
            )
        )
    wanted += _generated_stories(context, regions, tags, pool, len(wanted))

    with indexed_in_batches(StoryPage) as created:
        for story in wanted:
            if story.slug in existing:
                continue
            index.add_child(instance=story)
            created[StoryPage].append(story)


def _generated_stories(context, regions, tags, pool, curated_count):
    """Larger scales: about a hundred more stories per scale step, about generated and curated heroes."""
    extra = 100 * (context.scale - 1)
    if not extra:
        return []
    rng = context.random
    hero_ids = context.shared["all_hero_ids"]
    heroes = HeroPage.objects.in_bulk(hero_ids)
    tag_list = list(tags.values())
    kinds = [StoryKind.STORY, StoryKind.INTERVIEW, StoryKind.PRACTICE, StoryKind.NEWS]
    region_list = [regions[slug] for slug in REGIONS_FOR_GENERATED]
    stories = []
    for number in range(extra):
        kind = kinds[number % len(kinds)]
        hero = heroes[hero_ids[rng.randrange(len(hero_ids))]]
        pics = [pool[rng.randrange(len(pool))] for _ in range(4)]
        title = {
            StoryKind.STORY: f"Труд и наставничество: {hero.title}",
            StoryKind.INTERVIEW: f"Разговор с наставником: {hero.title}",
            StoryKind.PRACTICE: f"Практика наставничества № {number + 1}",
            StoryKind.NEWS: f"Новости отделения: встреча № {number + 1}",
        }[kind]
        body = [
            paragraph(
                f"{title}. {hero.profession.capitalize()} — профессия, которой учатся годами, и без наставника здесь не обойтись."
            ),
            quote("Главное — не бояться спрашивать и не лениться учиться.", hero.title),
            gallery("Фотографии", pics[1:4]),
        ]
        stories.append(
            _story(
                title,
                f"istoriya-{curated_count + number + 1:05d}",
                kind,
                f"{title}: как опыт старших помогает молодым найти своё дело.",
                body,
                timezone.localdate() - datetime.timedelta(days=rng.randint(0, 3650)),
                rng.choice(region_list),
                pics[0],
                rng.sample(tag_list, 3),
                [hero] if kind != StoryKind.NEWS else [],
            )
        )
    return stories


# Where a story's call to action can lead, most wanted first: pages of other sections, found by their type's
# name so that stories does not import them.
CALL_TO_ACTION_PAGE_TYPES = ["mentorcallpage", "mentorcallindexpage", "clubpage", "clubindexpage"]


@demo_builder(order=880)
def story_calls_to_action(context: DemoContext):
    """Runs after clubs and calls for mentors exist: curated stories end with an invitation to one of them."""
    index = context.shared.get("story_index")
    if index is None:
        return
    target = None
    for model_name in CALL_TO_ACTION_PAGE_TYPES:
        content_types = ContentType.objects.filter(model=model_name)
        target = Page.objects.live().filter(content_type__in=content_types).order_by("path").first()
        if target:
            break
    if target is None:
        target = context.shared.get("hero_index")
    if target is None:
        return
    is_mentor_call = target.content_type.model.startswith("mentorcall")
    text = (
        "Станьте наставником для юных — передайте своё мастерство"
        if is_mentor_call
        else "Найдите кружок или клуб по душе рядом с домом"
    )
    button = "Подать заявку" if is_mentor_call else "Выбрать кружок"
    for story in (
        StoryPage.objects.child_of(index)
        .filter(kind__in=[StoryKind.STORY, StoryKind.PRACTICE])
        .order_by("pk")[:18]
    ):
        if any(block.block_type == "call_to_action" for block in story.body):
            continue
        story.body.append(("call_to_action", {"text": text, "page": target, "button_label": button}))
        story.save(update_fields=["body"])
