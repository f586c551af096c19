"""Loads the federal subjects of Russia (Article 65 of the Constitution) as Region rows."""

from django.db import migrations

REGIONS = [
    ("respublika-adygeya", "Республика Адыгея", "republic"),
    ("respublika-altay", "Республика Алтай", "republic"),
    ("respublika-bashkortostan", "Республика Башкортостан", "republic"),
    ("respublika-buryatiya", "Республика Бурятия", "republic"),
    ("respublika-dagestan", "Республика Дагестан", "republic"),
    ("donetskaya-narodnaya-respublika", "Донецкая Народная Республика", "republic"),
    ("respublika-ingushetiya", "Республика Ингушетия", "republic"),
    ("kabardino-balkarskaya-respublika", "Кабардино-Балкарская Республика", "republic"),
    ("respublika-kalmykiya", "Республика Калмыкия", "republic"),
    ("karachaevo-cherkesskaya-respublika", "Карачаево-Черкесская Республика", "republic"),
    ("respublika-kareliya", "Республика Карелия", "republic"),
    ("respublika-komi", "Республика Коми", "republic"),
    ("respublika-krym", "Республика Крым", "republic"),
    ("luganskaya-narodnaya-respublika", "Луганская Народная Республика", "republic"),
    ("respublika-mariy-el", "Республика Марий Эл", "republic"),
    ("respublika-mordoviya", "Республика Мордовия", "republic"),
    ("respublika-sakha-yakutiya", "Республика Саха (Якутия)", "republic"),
    ("respublika-severnaya-osetiya-alaniya", "Республика Северная Осетия — Алания", "republic"),
    ("respublika-tatarstan", "Республика Татарстан", "republic"),
    ("respublika-tyva", "Республика Тыва", "republic"),
    ("udmurtskaya-respublika", "Удмуртская Республика", "republic"),
    ("respublika-khakasiya", "Республика Хакасия", "republic"),
    ("chechenskaya-respublika", "Чеченская Республика", "republic"),
    ("chuvashskaya-respublika", "Чувашская Республика", "republic"),
    ("altayskiy-kray", "Алтайский край", "krai"),
    ("zabaykalskiy-kray", "Забайкальский край", "krai"),
    ("kamchatskiy-kray", "Камчатский край", "krai"),
    ("krasnodarskiy-kray", "Краснодарский край", "krai"),
    ("krasnoyarskiy-kray", "Красноярский край", "krai"),
    ("permskiy-kray", "Пермский край", "krai"),
    ("primorskiy-kray", "Приморский край", "krai"),
    ("stavropolskiy-kray", "Ставропольский край", "krai"),
    ("khabarovskiy-kray", "Хабаровский край", "krai"),
    ("amurskaya-oblast", "Амурская область", "oblast"),
    ("arkhangelskaya-oblast", "Архангельская область", "oblast"),
    ("astrakhanskaya-oblast", "Астраханская область", "oblast"),
    ("belgorodskaya-oblast", "Белгородская область", "oblast"),
    ("bryanskaya-oblast", "Брянская область", "oblast"),
    ("vladimirskaya-oblast", "Владимирская область", "oblast"),
    ("volgogradskaya-oblast", "Волгоградская область", "oblast"),
    ("vologodskaya-oblast", "Вологодская область", "oblast"),
    ("voronezhskaya-oblast", "Воронежская область", "oblast"),
    ("zaporozhskaya-oblast", "Запорожская область", "oblast"),
    ("ivanovskaya-oblast", "Ивановская область", "oblast"),
    ("irkutskaya-oblast", "Иркутская область", "oblast"),
    ("kaliningradskaya-oblast", "Калининградская область", "oblast"),
    ("kaluzhskaya-oblast", "Калужская область", "oblast"),
    ("kemerovskaya-oblast-kuzbass", "Кемеровская область — Кузбасс", "oblast"),
    ("kirovskaya-oblast", "Кировская область", "oblast"),
    ("kostromskaya-oblast", "Костромская область", "oblast"),
    ("kurganskaya-oblast", "Курганская область", "oblast"),
    ("kurskaya-oblast", "Курская область", "oblast"),
    ("leningradskaya-oblast", "Ленинградская область", "oblast"),
    ("lipetskaya-oblast", "Липецкая область", "oblast"),
    ("magadanskaya-oblast", "Магаданская область", "oblast"),
    ("moskovskaya-oblast", "Московская область", "oblast"),
    ("murmanskaya-oblast", "Мурманская область", "oblast"),
    ("nizhegorodskaya-oblast", "Нижегородская область", "oblast"),
    ("novgorodskaya-oblast", "Новгородская область", "oblast"),
    ("novosibirskaya-oblast", "Новосибирская область", "oblast"),
    ("omskaya-oblast", "Омская область", "oblast"),
    ("orenburgskaya-oblast", "Оренбургская область", "oblast"),
    ("orlovskaya-oblast", "Орловская область", "oblast"),
    ("penzenskaya-oblast", "Пензенская область", "oblast"),
    ("pskovskaya-oblast", "Псковская область", "oblast"),
    ("rostovskaya-oblast", "Ростовская область", "oblast"),
    ("ryazanskaya-oblast", "Рязанская область", "oblast"),
    ("samarskaya-oblast", "Самарская область", "oblast"),
    ("saratovskaya-oblast", "Саратовская область", "oblast"),
    ("sakhalinskaya-oblast", "Сахалинская область", "oblast"),
    ("sverdlovskaya-oblast", "Свердловская область", "oblast"),
    ("smolenskaya-oblast", "Смоленская область", "oblast"),
    ("tambovskaya-oblast", "Тамбовская область", "oblast"),
    ("tverskaya-oblast", "Тверская область", "oblast"),
    ("tomskaya-oblast", "Томская область", "oblast"),
    ("tulskaya-oblast", "Тульская область", "oblast"),
    ("tyumenskaya-oblast", "Тюменская область", "oblast"),
    ("ulyanovskaya-oblast", "Ульяновская область", "oblast"),
    ("khersonskaya-oblast", "Херсонская область", "oblast"),
    ("chelyabinskaya-oblast", "Челябинская область", "oblast"),
    ("yaroslavskaya-oblast", "Ярославская область", "oblast"),
    ("moskva", "Москва", "federal_city"),
    ("sankt-peterburg", "Санкт-Петербург", "federal_city"),
    ("sevastopol", "Севастополь", "federal_city"),
    ("evreyskaya-avtonomnaya-oblast", "Еврейская автономная область", "autonomous_oblast"),
    ("nenetskiy-avtonomnyy-okrug", "Ненецкий автономный округ", "autonomous_okrug"),
    (
        "khanty-mansiyskiy-avtonomnyy-okrug-yugra",
        "Ханты-Мансийский автономный округ — Югра",
        "autonomous_okrug",
    ),
    ("chukotskiy-avtonomnyy-okrug", "Чукотский автономный округ", "autonomous_okrug"),
    ("yamalo-nenetskiy-avtonomnyy-okrug", "Ямало-Ненецкий автономный округ", "autonomous_okrug"),
]


def load_regions(apps, schema_editor):
    Region = apps.get_model("home", "Region")
    for slug, name, kind in REGIONS:
        Region.objects.update_or_create(slug=slug, defaults={"name": name, "kind": kind})


def unload_regions(apps, schema_editor):
    Region = apps.get_model("home", "Region")
    Region.objects.filter(slug__in=[slug for slug, _, _ in REGIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(load_regions, unload_regions)]
